import * as assert from 'node:assert/strict';
import { renderAnswer, type RenderOptions } from '../../src/core/render/renderAnswer';
import { extractExamples } from '../../src/core/notes/extractExamples';
import { markdownEngine } from '../../src/core/markdown/markdownEngine';

const options: RenderOptions = {
  labels: { openScratch: 'Open as Scratch File', copy: 'Copy', output: 'Output' },
  allowHtml: true,
  allowRemoteImages: false,
};

const TRICKY: Record<string, string> = {
  'a Python example inside <details> (blank lines around it), then more examples': [
    '<details>',
    '<summary>展开</summary>',
    '',
    '```python',
    'print("inside details")',
    '```',
    '',
    '</details>',
    '',
    '```python',
    'print("after")',
    '```',
    '',
    '```py',
    'print("last")',
    '```',
  ].join('\n'),
  'a fence swallowed by an HTML block (no blank line), then an example': [
    '<details>',
    '<summary>x</summary>',
    '```python',
    'print("raw html, not an example")',
    '```',
    '</details>',
    '',
    '```python',
    'print("the only example")',
    '```',
  ].join('\n'),
  'raw HTML blocks and inline HTML between examples': [
    '<div class="note">',
    '',
    '**强调**',
    '',
    '</div>',
    '',
    'Text with <span>inline</span> HTML and <br> breaks.',
    '',
    '```python',
    'x = 1',
    '```',
    '',
    '<!-- a comment -->',
    '',
    '```python norun',
    'import flask',
    '```',
  ].join('\n'),
  'nested lists with fences': [
    '1. 第一点',
    '   - 子项',
    '',
    '     ```python',
    '     print("nested")',
    '     ```',
    '',
    '2. 第二点',
    '',
    '   ```python',
    '   print("second")',
    '   ```',
    '',
    '> 引用',
    '>',
    '> ```python',
    '> print("quoted")',
    '> ```',
  ].join('\n'),
  'unlabelled fences: Python-looking and not': [
    '```',
    'def f(x):',
    '    return x * 2',
    '```',
    '',
    '```',
    'ls -la /tmp',
    '```',
    '',
    '```python',
    'print(f(2))',
    '```',
    '',
    '```output',
    '4',
    '```',
  ].join('\n'),
  '~~~ fences and indented code': [
    '~~~python',
    'print("tilde")',
    '~~~',
    '',
    'Indented:',
    '',
    '    import sys',
    '    print(sys.version_info >= (3, 10))',
    '',
    '~~~',
    'class Point:',
    '    pass',
    '~~~',
  ].join('\n'),
};

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** The examples the rendered HTML shows, in button order: [index, code]. */
function taggedExamples(html: string): [number, string][] {
  const re = /<div class="code-block example" data-lang="python" data-example="(\d+)">[\s\S]*?<pre><code[^>]*>([\s\S]*?)<\/code><\/pre><\/div>/g;
  return [...html.matchAll(re)].map((m) => [Number(m[1]), m[2].replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e])]);
}

describe('one markdown-it engine: rendering and extraction agree', () => {
  for (const [name, md] of Object.entries(TRICKY)) {
    for (const allowHtml of [true, false]) {
      it(`${name} — HTML ${allowHtml ? 'allowed' : 'shown as text'}`, () => {
        const html = renderAnswer(md, { ...options, allowHtml });
        const extracted = extractExamples(md);
        assert.ok(extracted.length > 0, 'every input has examples');
        assert.deepEqual(taggedExamples(html), extracted.map((e, i) => [i, e.code]));
        const buttons = [...html.matchAll(/data-action="openExample" data-example="(\d+)"/g)].map((m) => Number(m[1]));
        assert.deepEqual(buttons, extracted.map((_e, i) => i));
      });
    }
  }

  it('counts a Python example inside <details> in both, so the buttons after it stay right', () => {
    const md = TRICKY['a Python example inside <details> (blank lines around it), then more examples'];
    assert.deepEqual(extractExamples(md).map((e) => e.code), ['print("inside details")\n', 'print("after")\n', 'print("last")\n']);
  });

  it('leaves a fence that raw HTML swallowed out of both', () => {
    const md = TRICKY['a fence swallowed by an HTML block (no blank line), then an example'];
    assert.deepEqual(extractExamples(md).map((e) => e.code), ['print("the only example")\n']);
    const untrusted = renderAnswer(md, { ...options, allowHtml: false });
    assert.match(untrusted, /&lt;details&gt;/, 'untrusted HTML shows as text');
    assert.doesNotMatch(untrusted, /<details>/);
    assert.match(renderAnswer(md, options), /<details>/, 'trusted HTML is kept');
  });

  it('parses the same tokens whatever a render allowed before', () => {
    const md = TRICKY['raw HTML blocks and inline HTML between examples'];
    const before = JSON.stringify(markdownEngine().parse(md, {}));
    renderAnswer(md, { ...options, allowHtml: false });
    renderAnswer(md, options);
    assert.equal(JSON.stringify(markdownEngine().parse(md, {})), before);
  });

  it('is created once', () => {
    assert.equal(markdownEngine(), markdownEngine());
  });
});
