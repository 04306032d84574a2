import * as assert from 'node:assert/strict';
import { ankiAnswerHtml, ankiField, ankiNotesFile, ankiTag } from '../../src/core/render/ankiExport';

/** Anki's reading of one line-or-quoted-record stream: the CSV rules it documents, for tab. */
function parseAnki(text: string): string[][] {
  const lines = text.split('\n');
  const body = lines.filter((l, i) => !(l.startsWith('#') && lines.slice(0, i).every((p) => p.startsWith('#')))).join('\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === '\t') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('Anki export', () => {
  it('writes the header lines and one row per note: front, back, tags', () => {
    const text = ankiNotesFile([
      { front: 'What is the GIL?', back: '<p>A lock.</p>', tags: ['Python 基础', 'concurrency'] },
      { front: 'a < b & "c"', back: '<pre><code>x = 1\n\ty = "2"\n</code></pre>', tags: [] },
    ]);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['#separator:tab', '#html:true', '#tags column:3']);
    assert.ok(text.endsWith('\n'));
    const rows = parseAnki(text);
    assert.deepEqual(rows, [
      ['What is the GIL?', '<p>A lock.</p>', 'Python_基础 concurrency'],
      ['a &lt; b &amp; &quot;c&quot;', '<pre><code>x = 1\n\ty = "2"\n</code></pre>', ''],
    ]);
  });

  it('quotes a field only when it holds a tab, line break or quote', () => {
    assert.equal(ankiField('plain <b>html</b>'), 'plain <b>html</b>');
    assert.equal(ankiField('a\tb'), '"a\tb"');
    assert.equal(ankiField('say "hi"'), '"say ""hi"""');
    assert.equal(ankiField('l1\r\nl2'), '"l1\r\nl2"');
  });

  it('makes tags without spaces', () => {
    assert.equal(ankiTag('  Python 基础  / 并发 '), 'Python_基础_/_并发');
    assert.equal(ankiTag('topic::sub'), 'topic::sub');
  });

  it('renders the answer with the answer renderer, without the editor-only example buttons', () => {
    const html = ankiAnswerHtml('## 要点\n\n- **GIL** 锁\n\n```python\nprint(1)\n```\n', { allowHtml: false, allowRemoteImages: false });
    assert.match(html, /<strong>GIL<\/strong>/);
    assert.match(html, /<pre><code class="hljs language-python">/);
    assert.doesNotMatch(html, /<button|code-toolbar/);
    assert.doesNotMatch(ankiAnswerHtml('<script>alert(1)</script>', { allowHtml: true, allowRemoteImages: false }), /<script/);
  });
});
