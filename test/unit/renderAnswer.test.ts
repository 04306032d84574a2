import * as assert from 'node:assert/strict';
import { renderAnswer, type RenderOptions } from '../../src/core/render/renderAnswer';
import { extractExamples } from '../../src/core/notes/extractExamples';

const options: RenderOptions = {
  labels: { openScratch: 'Open as Scratch File', copy: 'Copy', output: 'Output' },
  allowHtml: true,
  allowRemoteImages: false,
  resolveImage: (src) => `https://webview.local/${src}`,
};

describe('renderAnswer', () => {
  it('renders headings, lists, tables, blockquotes, links and inline code', () => {
    const html = renderAnswer('## 要点\n\n- 一\n- `two`\n\n> 引用\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[doc](https://docs.python.org)\n', options);
    assert.match(html, /<h2 id="要点">要点<\/h2>/);
    assert.match(html, /<li>一<\/li>/);
    assert.match(html, /<code>two<\/code>/);
    assert.match(html, /<blockquote>/);
    assert.match(html, /<div class="table-wrap"><table>/);
    assert.match(html, /<a href="https:\/\/docs.python.org">doc<\/a>/);
  });

  it('highlights Python, shell, SQL, JSON and HTTP', () => {
    for (const [lang, code, cls] of [
      ['python', 'def f():\n    return 1\n', 'hljs-keyword'],
      ['bash', 'echo "hi"\n', 'hljs-built_in'],
      ['sql', 'SELECT * FROM t;\n', 'hljs-keyword'],
      ['json', '{"a": 1}\n', 'hljs-attr'],
      ['http', 'GET / HTTP/1.1\nHost: x\n', 'hljs-keyword'],
    ]) {
      const html = renderAnswer(`\`\`\`${lang}\n${code}\`\`\`\n`, options);
      assert.match(html, new RegExp(`class="${cls}"`), `${lang}: ${html}`);
    }
  });

  it('gives every Python example open and copy buttons numbered like extractExamples', () => {
    const md = '```python\nprint(1)\n```\n\n```output\n1\n```\n\n```bash\nls\n```\n\n```python norun\nimport flask\n```\n';
    const html = renderAnswer(md, options);
    const buttons = [...html.matchAll(/data-action="openExample" data-example="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(buttons, [0, 1]);
    assert.equal(extractExamples(md).length, 2);
    assert.match(html, /class="code-output"/);
    assert.match(html, />Open as Scratch File<\/button>/);
  });

  it('neutralises script, event handlers and javascript: links', () => {
    const md = '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="javascript:alert(4)">x</a>\n\n<iframe src="https://evil"></iframe>\n';
    const html = renderAnswer(md, options);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /onerror/i);
    assert.doesNotMatch(html, /href="javascript:/i);
    assert.doesNotMatch(html, /<iframe/i);
  });

  it('shows raw HTML as text when the source is not trusted', () => {
    const html = renderAnswer('<b>bold</b>\n', { ...options, allowHtml: false });
    assert.match(html, /&lt;b&gt;bold&lt;\/b&gt;/);
  });

  it('turns q: links into in-panel question links and relative links into file links', () => {
    const html = renderAnswer('[迭代器](q:iterator) and [other](../b/other.md#x)\n', options);
    assert.match(html, /<a href="#" data-question="iterator" class="question-link">迭代器<\/a>/);
    assert.match(html, /data-href="..\/b\/other.md#x"/);
  });

  it('loads relative images through the resolver and blocks remote ones unless allowed', () => {
    const html = renderAnswer('![本地](img/a.png) ![远程](https://example.com/a.png)\n', options);
    assert.match(html, /<img src="https:\/\/webview.local\/img\/a.png" alt="本地"/);
    assert.match(html, /class="image-blocked"[^>]*>\[远程\]/);
    const allowed = renderAnswer('![远程](https://example.com/a.png)\n', { ...options, allowRemoteImages: true });
    assert.match(allowed, /<img src="https:\/\/example.com\/a.png"/);
  });
});
