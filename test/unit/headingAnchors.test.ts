import * as assert from 'node:assert/strict';
import { OUTLINE_MIN_SECTIONS, SlugSet, outlineSections, slugify } from '../../src/core/render/headingAnchors';
import { renderAnswerWithOutline, type RenderOptions } from '../../src/core/render/renderAnswer';

const options: RenderOptions = { labels: { openScratch: 'Open', copy: 'Copy', output: 'Output' }, allowHtml: false, allowRemoteImages: false };

describe('heading anchors', () => {
  it('slugs keep Chinese, drop punctuation and never come out empty', () => {
    assert.equal(slugify('GIL 是什么？'), 'gil-是什么');
    assert.equal(slugify('  Redis 的 `SETNX` 与 Lua  '), 'redis-的-setnx-与-lua');
    assert.equal(slugify('要点'), '要点');
    assert.equal(slugify('C++ / C#'), 'c-c');
    assert.equal(slugify('？！…'), 'section');
    assert.equal(slugify('ＡＢＣ１２３'), 'abc123');
  });

  it('repeated headings get distinct, stable slugs', () => {
    const slugs = new SlugSet();
    assert.deepEqual(['示例', '示例', 'Example', '示例-1', '示例'].map((t) => slugs.take(t)), ['示例', '示例-1', 'example', '示例-1-1', '示例-2']);
  });

  it('headings never take a page part\'s id', () => {
    const slugs = new SlugSet();
    assert.equal(slugs.take('answer asides'), 'answer-asides-1');
    assert.equal(slugs.take('Interview point 2'), 'interview-point-2-1');
    assert.equal(slugs.take('Answer'), 'answer');
  });

  it('the rendered ids and the outline agree, in document order', () => {
    const md = '## 要点\n\n一\n\n## 详解\n\n### 对比\n\n```python\n# not a heading\nprint(1)\n```\n\n### 对比\n\n## 易错点 `is`\n';
    const { html, outline } = renderAnswerWithOutline(md, options);
    assert.deepEqual(outline, [
      { level: 2, text: '要点', slug: '要点' },
      { level: 2, text: '详解', slug: '详解' },
      { level: 3, text: '对比', slug: '对比' },
      { level: 3, text: '对比', slug: '对比-1' },
      { level: 2, text: '易错点 is', slug: '易错点-is' },
    ]);
    for (const e of outline) assert.ok(html.includes(`id="${e.slug}"`), e.slug);
    assert.equal(outlineSections(outline), 3);
    assert.ok(outlineSections(outline) >= OUTLINE_MIN_SECTIONS);
  });

  it('short answers have too few sections for an outline', () => {
    const { outline } = renderAnswerWithOutline('## 一\n\n### a\n\n### b\n\n### c\n\n## 二\n', options);
    assert.equal(outlineSections(outline), 2);
    assert.equal(outlineSections([]), 0);
  });

  it('q:id#section links carry the question and the section', () => {
    const { html } = renderAnswerWithOutline('[看这里](q:python-gil#要点) [同页](#详解)', options);
    assert.match(html, /data-question="python-gil"/);
    assert.match(html, /data-section="%E8%A6%81%E7%82%B9"/);
    assert.match(html, /href="#%E8%AF%A6%E8%A7%A3"/);
  });
});
