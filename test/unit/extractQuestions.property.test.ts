import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractQuestions, type ExtractedGroup, type ExtractedQuestion } from '../../src/core/notes/extractQuestions';
import { parseNoteFile } from '../../src/core/notes/parseNoteFile';
import { allQuestions } from '../../src/core/notes/model';
import { assertLossless } from './noteShapes.test';

// Random Markdown in the shapes real notes take (and some they should not),
// checked for the promises the tree view relies on.

const words = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('什么是GIL', '__init__', '`yield`', '**粗体**', '[链接](https://x.y)', '🐍', '\u200b', '  ', 'What is a closure?', ':', '：'),
);
const decoration = fc.constantFrom('', '1. ', '1.1 ', '1.1. ', '1、', '一：', '十二、', '(3) ', '（3）', 'Q1: ', '问题 1: ', '**', '`', '[', '<a name="x"></a>', '第2题 ');
const level = fc.integer({ min: 1, max: 6 });

const heading = fc.tuple(level, decoration, words, fc.constantFrom('', ':', '：', ' #')).map(([l, d, w, end]) => `${'#'.repeat(l)} ${d}${w}${end}`);
const emptyHeading = fc.tuple(level, fc.constantFrom('', ' ', ' 1.', ' **', ' ##')).map(([l, rest]) => `${'#'.repeat(l)}${rest}`);
const setext = fc.tuple(words, fc.constantFrom('===', '---')).map(([w, u]) => `${w}\n${u}`);
const paragraph = fc.array(words, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
const list = fc
  .tuple(fc.boolean(), fc.array(words, { minLength: 1, maxLength: 4 }))
  .map(([ordered, items]) => items.map((w, i) => `${ordered ? `${i + 1}.` : '-'} ${w}`).join('\n'));
const numberedQuestion = fc.tuple(fc.integer({ min: 0, max: 4 }), words, paragraph).map(([n, q, a]) => `${n}. ${q}\n\n${a}`);
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'python', 'bash'), fc.array(fc.constantFrom('# comment', '## not a heading', 'x = 1', '    # indented'), { maxLength: 4 }), fc.boolean())
  .map(([f, lang, body, closed]) => `${f}${lang}\n${body.join('\n')}${closed ? `\n${f}` : ''}`);
const indentedCode = fc.array(fc.constantFrom('# comment', '## heading?', 'print(1)'), { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `    ${l}`).join('\n'));
const toc = fc.oneof(
  fc.constantFrom('[TOC]', '[[toc]]', '${toc}'),
  fc.array(fc.tuple(words, fc.boolean()), { minLength: 1, maxLength: 4 }).map((items) => items.map(([w, nested]) => `${nested ? '  ' : ''}- [${w}](#${encodeURIComponent(w)})`).join('\n')),
);
const html = fc.constantFrom('<div align="center">\n<img src="a.png">\n</div>', '<details>\n<summary>答案</summary>', '</details>', '<!-- note -->', '<a name="q1"></a>', '<br>', '<div>\n## inside html\n</div>');
const separator = fc.constantFrom('---', '***', '> ## quoted heading', '- ## heading in list', '|a|b|\n|-|-|\n|1|2|');
const numberedLine = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('、', '.', '）', '．', ') ', ': '), words, fc.constantFrom('', '？', ' 是什么'), fc.array(words, { maxLength: 2 }))
  .map(([n, sep, q, ask, answer]) => [`${n}${sep}${q}${ask}`, ...answer].join('\n'));
const bulletQuestion = fc.tuple(words, fc.constantFrom('？', '?', ''), fc.array(words, { maxLength: 2 })).map(([q, ask, a]) => [`- ${q}${ask}`, ...a.map((l) => `  ${l}`)].join('\n'));
const specialHeading = fc.constantFrom('## # 1. Introduction', '## 参考资料', '### References', '## Explore all 100 answers here 👉', '## 目录', '### 示例', '### 5.1 定义', '## 十：', '### 十一：', '## 100 Core Python');
const block = fc.oneof(heading, heading, emptyHeading, setext, paragraph, list, numberedQuestion, numberedLine, bulletQuestion, specialHeading, fence, indentedCode, toc, html, separator, words);
const markdown = fc.tuple(fc.array(block, { maxLength: 14 }), fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n')).map(([blocks, sep]) => blocks.join(sep));

function questions(g: ExtractedGroup): ExtractedQuestion[] {
  return [...g.questions, ...g.groups.flatMap(questions)];
}

function titles(g: ExtractedGroup): string[] {
  return [g.title, ...g.questions.map((q) => q.title), ...g.groups.flatMap(titles)];
}

const isBlank = (s: string): boolean => s.replace(/[\s\p{Cc}\p{Cf}]/gu, '') === '';

function checkTree(body: string, fileTitle: string, lineOffset: number): void {
  const root = extractQuestions(body, { fileTitle, lineOffset });
  const first = lineOffset + 1;
  const last = lineOffset + body.split(/\r\n?|\n/).length;
  for (const title of titles(root)) assert.ok(!isBlank(title), `blank title ${JSON.stringify(title)} for ${JSON.stringify(body)}`);
  for (const q of questions(root)) {
    assert.ok(q.line >= first && q.line <= last, `line ${q.line} outside ${first}..${last} for ${JSON.stringify(body)}`);
    assert.ok(q.bodyLine >= q.line && q.bodyLine <= last + 1, `bodyLine ${q.bodyLine} for line ${q.line}`);
    const lines = q.markdown.split('\n');
    assert.ok(q.markdown === '' || (lines[0].trim() !== '' && lines[lines.length - 1].trim() !== ''), 'markdown trimmed of blank lines');
  }
}

describe('extractQuestions (property)', () => {
  it('never throws, never yields a blank title, keeps lines inside the file', () => {
    fc.assert(
      fc.property(markdown, fc.oneof(fc.constant('笔记'), words), fc.integer({ min: 0, max: 20 }), (body, fileTitle, offset) => checkTree(body, fileTitle, offset)),
      { numRuns: 1500 },
    );
  });

  it('"##" sections with plain titles round-trip: one question each, answer = exact section lines', () => {
    const title = fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5][A-Za-z\u4e00-\u9fa5 ]{0,12}[A-Za-z\u4e00-\u9fa5]$/);
    const answer = fc
      .tuple(fc.stringMatching(/^[a-z\u4e00-\u9fa5][a-z\u4e00-\u9fa5 ,.]{0,30}$/), fc.boolean())
      .map(([text, code]) => (code ? `${text}\n\n\`\`\`\n# not a heading\nx = 1\n\`\`\`` : text));
    const doc = fc.array(fc.tuple(title, answer), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(doc, fc.integer({ min: 0, max: 9 }), (sections, offset) => {
        const body = sections.map(([t, a]) => `## ${t}\n\n${a}\n`).join('\n');
        const root = extractQuestions(body, { fileTitle: 'f', lineOffset: offset });
        assert.deepEqual(root.groups, []);
        assert.deepEqual(root.questions.map((q) => [q.title, q.markdown]), sections.map(([t, a]) => [t.replace(/\s+/g, ' '), a]));
        const lines = body.split('\n');
        root.questions.forEach((q, i) => {
          assert.equal(lines[q.line - 1 - offset], `## ${sections[i][0]}`);
          assert.equal(lines[q.bodyLine - 1 - offset], q.markdown.split('\n')[0]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('lossless: every non-blank line is in exactly one question, group heading or intro, or skipped region', () => {
    const modes = fc.constantFrom(undefined, 'auto', 'headings', 'numbered-lines', 'bullets') as fc.Arbitrary<'auto' | 'headings' | 'numbered-lines' | 'bullets' | undefined>;
    fc.assert(
      fc.property(markdown, modes, fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (body, questions, questionLevel) => {
        const root = extractQuestions(body, { fileTitle: 'f', lineOffset: 0, questions, questionLevel });
        assertLossless(body, root.reading, JSON.stringify(body));
      }),
      { numRuns: 1500 },
    );
  });

  it('ids stay the same when another question of the file is edited', () => {
    const title = fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5]{1,10}$/);
    const doc = fc.uniqueArray(title, { minLength: 2, maxLength: 8, selector: (t) => t.toLowerCase() });
    const style = fc.constantFrom('heading', 'numbered', 'bullet');
    fc.assert(
      fc.property(doc, style, fc.nat(), fc.array(words, { minLength: 1, maxLength: 3 }), (titles, kind, pick, edit) => {
        const render = (answers: string[]): string =>
          titles
            .map((t, i) => (kind === 'heading' ? `## ${t}？\n\n${answers[i]}\n` : kind === 'numbered' ? `${i + 1}、${t}？\n${answers[i]}\n` : `- ${t}？\n  ${answers[i]}\n`))
            .join('\n');
        const answers = titles.map((t) => `answer of ${t}`);
        const ids = (text: string) => allQuestions([parseNoteFile(text, 'n.md', 't').group!]).map((q) => `${q.title}=${q.id}`);
        const before = ids(render(answers));
        const edited = [...answers];
        const k = pick % titles.length;
        edited[k] = edit.map((w) => w.replace(/[\r\n#>*_`\-[\]<]/g, '').trim() || 'x').join(' ') || 'x';
        const after = ids(render(edited));
        assert.deepEqual(after.filter((_, i) => i !== k), before.filter((_, i) => i !== k));
      }),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (body) => checkTree(body, 'f', 0)),
      { numRuns: 1000 },
    );
  });
});
