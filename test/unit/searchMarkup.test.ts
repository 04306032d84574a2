import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { MarkupScanner } from '../../src/core/search/markupScanner';
import { GramSignatures, TextPool } from '../../src/core/search/gramSignature';
import { foldText, markdownToPlainText, stripMarkup as stripped } from '../../src/core/search/plainText';

// The two regular expressions the scanner replaced, kept here as its specification.
// Line starts: fence lines go whole; heading, quote, list and table-rule markers go.
const LINE_MARKUP = /^[ \t]*(?:(?:`{3,}|~{3,}).*|(?:\|[ \t]*)?:?-{3}[-:| \t]*$|(?:#{1,6}[ \t]+|>[ \t]?)+(?:(?:[-*+]|\d+[.)])[ \t]+)?|(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/gm;
// Inline: links and images keep their text, autolinks their address, *emphasis* its words; tags, **, ~~, `, | go.
const INLINE_MARKUP = /!?\[([^\]\n[]*)\]\([^()\n[\]]*\)|!?\[([^\]\n[]+)\]\[[^\]\n[]*\]|<((?:https?|mailto):[^<>\s]+)>|<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>\n]*)?\/?>|\*\*|~~|`+|\||(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g;
const inline = (m: string, linkText?: string, refText?: string, autolink?: string, emphasis?: string): string =>
  linkText ?? refText ?? autolink ?? emphasis ?? (m[0] === '<' || m === '|' ? ' ' : '');
const stripMarkup = (md: string): string => md.replace(LINE_MARKUP, ' ').replace(INLINE_MARKUP, inline);

const scanner = new MarkupScanner();
const scanned = (md: string) => {
  const units = scanner.strip(md);
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.subarray(i, i + 4096));
  return out;
};

// Markup pieces, whole and broken, with Chinese, pinyin, surrogates and every line terminator.
const PIECES = [
  '#', '## ', '####### ', '> ', '>', '- ', '* ', '+ ', '1. ', '12) ', '3.', '- [ ] ', '- [x] ', '[X]', '```', '~~~', '``', '`', '~~', '~',
  '---', '|', '| --- |', ':---:', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u3000', '\u00a0',
  '[', ']', '(', ')', '![', '](', '][', '[a](b)', '[text][ref]', '[](x)', '<', '>', '</', '/>', '<b>', '<br/>', '</p>', '<a href="x">', '<a\n>', '<x\ty>',
  '<http://a.b/c>', '<https://x>', '<mailto:a@b>', '<https: x>', 'http', 'https:', 'mailto:', '*', '**', '***', '*a*', '*a**', 'a*b*', '* a*', '*生成器*',
  '_', '__init__', 'a', 'Z', '9', '生成器', '，', '。', 'shengchengqi', 'scq', 'GIL', '😀', '\ud800', '\udc00', '-', ':', '.', '!', '/', '=',
];

describe('MarkupScanner', () => {
  it('strips exactly what stripMarkup strips', () => {
    const samples = [
      '', ' ', '\n', '# 标题\n\n正文', '## 要点\n\n- **生成器** `yield`\n', '```python\nx = 1\n```\n', '> 引用 > 还是\n>> 嵌套',
      '1. one\n2) two\n- [ ] todo\n* [x] done', '| a | b |\n|---|:---:|\n| 1 | 2 |', '[链接](https://x.y) ![图](a.png) [ref][1] <https://a.b> <br/> <span class="x">',
      '*强调* a*b* *a**  **粗** ~~删~~ ~波浪', '####### seven\n###### six', '   - indented\n\t# tab', '\r\n# crlf\r\n- item', 'a\u2028# line sep\u2029> p',
    ];
    for (const s of samples) {
      assert.equal(scanned(s), stripMarkup(s), JSON.stringify(s));
      assert.equal(stripped(s), stripMarkup(s), JSON.stringify(s));
    }
  });

  it('agrees with stripMarkup on random Markdown', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const md = parts.join('');
      return scanned(md) === stripMarkup(md);
    }), { numRuns: 20000 });
  });

  it('agrees with stripMarkup on arbitrary strings, surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (md) => scanned(md) === stripMarkup(md)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'#>-*+1.)[]()!<>/`~|: \t\n\rax生'.split('')) }), (md) => scanned(md) === stripMarkup(md)), { numRuns: 20000 });
  });

  it('reuses its buffers across answers of any length', () => {
    const long = '## 要点\n' + '- **生成器** [yield](x) `code`\n'.repeat(2000);
    assert.equal(scanned('short *a*'), stripMarkup('short *a*'));
    assert.equal(scanned(long), stripMarkup(long));
    assert.equal(scanned('# again'), stripMarkup('# again'));
  });
});

describe('answer texts in one pool', () => {
  it('gives back every answer text as added, many answers and lone surrogates included', () => {
    const texts = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'生成器 shengchengqi GIL　，'.split('')) })), { maxLength: 30 });
    fc.assert(fc.property(texts, (answers) => {
      const signatures = new GramSignatures(Math.max(1, answers.length), 1024);
      const pool = new TextPool();
      answers.forEach((md, d) => signatures.addAnswer(d, scanner.strip(md), pool));
      assert.deepEqual(pool.texts(), answers.map((md) => foldText(markdownToPlainText(md))));
    }), { numRuns: 500 });
    // Past the pool's first buffer, with and without lone surrogates.
    for (const odd of ['', '\ud800']) {
      const big = Array.from({ length: 40 }, (_, i) => `## ${i}\n` + `生成器 yield ${odd} `.repeat(400));
      const pool = new TextPool();
      const signatures = new GramSignatures(big.length, 1024);
      big.forEach((md, d) => signatures.addAnswer(d, scanner.strip(md), pool));
      assert.deepEqual(pool.texts(), big.map((md) => foldText(markdownToPlainText(md))));
    }
  });
});
