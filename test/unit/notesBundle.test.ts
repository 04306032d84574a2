import * as assert from 'node:assert/strict';
import { packBundle, unpackBundle } from '../../src/core/notes/notesBundle';
import { fillLabels, parsePrerendered, prerenderAnswers } from '../../src/core/render/prerenderedAnswers';
import { ENGLISH_LABELS } from '../../src/core/render/renderAnswer';
import type { Question } from '../../src/core/notes/model';

const question = (id: string, markdown: string): Question => ({
  id, title: id, topicId: 't', tags: [], keywords: [], markdown, examples: [], location: { file: `${id}.md`, line: 1, bodyLine: 1 },
});

describe('notes bundle', () => {
  it('round-trips its parts, Chinese included', () => {
    const parts = { index: '{"题":"索引"}', sources: '{"a.md":"# 标题\\n"}', answers: '{}' };
    const bundle = unpackBundle(packBundle(parts));
    assert.equal(bundle.part('sources'), parts.sources);
    assert.equal(bundle.part('index'), parts.index);
    assert.equal(bundle.part('answers'), parts.answers);
  });

  it('refuses a truncated or foreign file with a message that says what to do', () => {
    const bytes = packBundle({ index: 'x', sources: 'y', answers: 'z' });
    assert.throws(() => unpackBundle(bytes.subarray(0, bytes.length - 1)), /truncated; rebuild/);
    assert.throws(() => unpackBundle(new TextEncoder().encode('{"format":"other"}\n')), /another version/);
    assert.throws(() => unpackBundle(new Uint8Array([1, 2, 3])), /damaged/);
  });

  it('pre-renders answers with labels filled in per display, and leaves image answers to run time', () => {
    const file = prerenderAnswers([
      question('code', '## 要点\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n'),
      question('image', '![图](diagram.png)\n'),
    ]);
    const answers = parsePrerendered(JSON.stringify(file));
    assert.deepEqual(Object.keys(answers), ['code']);
    const html = fillLabels(answers.code.html, { openScratch: '作为草稿打开', copy: '复制 <&>', output: '输出', verified: '已在 CPython {0}{1} 上验证', python2: 'Python 2', repl: '交互式会话', predictOutput: '预测输出' });
    assert.match(html, />作为草稿打开<\/button>/);
    assert.match(html, />复制 &lt;&amp;&gt;<\/button>/);
    assert.match(html, /code-output-label">输出</);
    assert.doesNotMatch(html, /\uE000/);
    assert.deepEqual(answers.code.outline, [{ level: 2, text: '要点', slug: '要点' }]);
    assert.throws(() => parsePrerendered('{"format":"x"}'), /rebuild/);
    // Every label the build leaves as a placeholder is filled in, "Predict Output" too.
    const labels = { ...ENGLISH_LABELS, predictOutput: '预测输出' };
    const marked = (key: string) => `\uE000${key}\uE000`;
    assert.equal(fillLabels(['openScratch', 'copy', 'output', 'python2', 'repl', 'predictOutput'].map(marked).join('|'), labels), 'Open as Scratch File|Copy|Output|Python 2|REPL session|预测输出');
  });
});
