import * as assert from 'node:assert/strict';
import { keyPointsFirst, printablePage, printableAnchor } from '../../src/core/render/printablePage';
import { imageSources } from '../../src/core/render/renderAnswer';

const questions = [
  { id: 'one', title: '什么是 GIL？', topicTitle: 'Python 基础', markdown: '## 详解\n\n长文。\n\n```python\nprint(1)\n```\n\n## 要点\n\n- 短\n\n## 易错点\n\n见 [二](q:two) 与 [外](q:elsewhere)\n' },
  { id: 'two', title: 'Two <b>', topicTitle: 'Net', markdown: 'Just text.\n' },
];

describe('printable page', () => {
  it('moves the 要点 section to the front and keeps everything else', () => {
    const out = keyPointsFirst(questions[0].markdown);
    assert.match(out, /^## 要点\n\n- 短\n/);
    assert.ok(out.indexOf('## 详解') < out.indexOf('## 易错点'));
    assert.equal(out.replace(/\s+/g, '').length, questions[0].markdown.replace(/\s+/g, '').length);
    assert.equal(keyPointsFirst('no sections\n'), 'no sections\n');
    assert.equal(keyPointsFirst('## 要点\n\nfirst\n\n## b\n'), '## 要点\n\nfirst\n\n## b\n');
    assert.equal(keyPointsFirst('```\n## 要点\n```\n## a\n'), '```\n## 要点\n```\n## a\n');
  });

  it('is one self-contained, script-free document with a page per question', () => {
    const html = printablePage({ title: 'Cram', lang: 'zh-cn', subtitle: '2 questions', questions, labels: { output: '输出', contents: '目录', image: '[图片：{0}]' } });
    assert.equal(html.match(/<section class="question"/g)?.length, 2);
    assert.match(html, /\.question \{ break-before: page; page-break-before: always; \}/);
    assert.doesNotMatch(html, /<script|<link|src="http/);
    assert.match(html, /<style>[\s\S]*\.hljs-keyword[\s\S]*<\/style>/);
    assert.match(html, /color-scheme: light/);
    // 要点 comes first in the answer.
    const first = html.slice(html.indexOf(`id="${printableAnchor('one')}"`));
    assert.ok(first.indexOf('要点') < first.indexOf('详解'));
    assert.match(html, /class="hljs-built_in">print</);
    // In-sheet links jump within the file; others lose their target.
    assert.match(html, new RegExp(`<a href="#${printableAnchor('two')}">二</a>`));
    assert.match(html, /<a>外<\/a>/);
    assert.match(html, /Two &lt;b&gt;/);
  });

  it('inlines the images it was given as data: URIs and names the others in text', () => {
    const markdown = '![架构图](img/arch.png)\n\n![缺失](img/none.png)\n\n![远程](https://example.com/x.png)\n\n![$& trick](../outside.png)\n';
    const data = 'data:image/png;base64,iVBORw0KGgo=';
    const page = (allowRemoteImages: boolean) =>
      printablePage({
        title: 'Cram', lang: 'en', subtitle: '1 question',
        questions: [{ id: 'img', title: 'Images', topicTitle: 'T', markdown }],
        labels: { output: 'Output', contents: 'Contents', image: '[image: {0}]' },
        // Only data: URIs are accepted, whatever the caller returns.
        resolveImage: (id, src) => (id === 'img' && src === 'img/arch.png' ? data : src === 'img/none.png' ? 'file:///etc/passwd' : undefined),
        allowRemoteImages,
      });
    const html = page(false);
    assert.ok(html.includes(`<img src="${data}" alt="架构图"`));
    assert.match(html, /class="image-blocked"[^>]*>\[image: 缺失\]</);
    assert.match(html, /class="image-blocked"[^>]*>\[image: 远程\]</);
    assert.match(html, /class="image-blocked"[^>]*>\[image: \$&amp; trick\]</);
    assert.doesNotMatch(html, /file:|src="https/);
    assert.match(html, /img-src data:">/);
    const remote = page(true);
    assert.match(remote, /<img src="https:\/\/example.com\/x.png" alt="远程"/);
    assert.match(remote, /img-src data: https:">/);
  });

  it('lists the image sources of a note, in order, code spans and fences excluded', () => {
    assert.deepEqual(imageSources('![a](a.png) text ![b](<b c.png>)\n\n`![no](x.png)`\n\n```\n![no](y.png)\n```\n'), ['a.png', 'b%20c.png']);
  });
});
