import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeNoteBytes } from '../../src/core/notes/decodeText';
import { parseNoteFile, type ParseOptions } from '../../src/core/notes/parseNoteFile';
import type { ReadingNote } from '../../src/core/notes/extractQuestions';
import { allQuestions, type Topic } from '../../src/core/notes/model';
import { scratchCode } from '../../src/core/notes/extractExamples';
import { realworldDir } from './realworldFixture';
import { parseSourceSetting } from '../../src/core/notes/sourceSetting';
import { formatReading } from '../../src/core/notes/readingReport';

// Each file in fixtures/shapes reproduces one way real notes are written;
// expected.json holds the outline a reader sees for it.

const shapesDir = (): string => join(realworldDir(), '..', 'shapes');

function readFixture(dir: string, name: string): string {
  const decoded = decodeNoteBytes(readFileSync(join(dir, name)));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
}

/** "# group", "- question @first-last [example kinds]", children indented. */
export function shapeOutline(t: Topic, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return [
    `${pad}# ${t.title}${t.intro ? ' (intro)' : ''}`,
    ...t.questions.map((q) => `${pad}- ${q.title} @${q.location.line}-${q.location.endLine}${q.examples.map((e) => ` [${e.kind ?? (e.runnable ? 'run' : 'shown')}]`).join('')}`),
    ...t.topics.flatMap((c) => shapeOutline(c, depth + 1)),
  ];
}

/** Every non-blank line is in exactly one region (question, group heading or intro, skipped), and none is unexplained. */
export function assertLossless(text: string, reading: readonly ReadingNote[], label: string): void {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
  const count = new Array<number>(lines.length + 1).fill(0);
  for (const r of reading) {
    if (r.became === 'part of answer') continue;
    assert.notEqual(r.why, 'not part of any question', `${label}: lines ${r.lines} unexplained`);
    for (let l = r.lines[0]; l <= r.lines[1]; l++) count[l]++;
  }
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    assert.equal(count[i + 1], 1, `${label}: line ${i + 1} ${JSON.stringify(l)} is in ${count[i + 1]} regions`);
  });
}

function parseFixture(dir: string, name: string, options: ParseOptions = {}) {
  const text = readFixture(dir, name);
  return { text, parsed: parseNoteFile(text, name, 't', { ...options, explain: true }) };
}

describe('note shapes: fixtures', () => {
  const expected = JSON.parse(readFileSync(join(shapesDir(), 'expected.json'), 'utf8')) as Record<string, string[]>;
  const files = readdirSync(shapesDir()).filter((f) => f.endsWith('.md'));

  it('every fixture has an expected outline', () => {
    assert.deepEqual(files.filter((f) => !expected[f]), []);
  });

  for (const name of files) {
    it(`${name}: outline and no lost lines`, () => {
      const { text, parsed } = parseFixture(shapesDir(), name);
      assert.ok(parsed.group, `${name} gave no group`);
      assert.deepEqual(shapeOutline(parsed.group), expected[name]);
      assertLossless(text, parsed.reading ?? [], name);
    });
  }

  it('real-world fixtures lose no lines either', () => {
    for (const name of readdirSync(realworldDir()).filter((f) => f.endsWith('.md'))) {
      const { text, parsed } = parseFixture(realworldDir(), name);
      assertLossless(text, parsed.reading ?? [], name);
    }
  });
});

describe('note shapes: details', () => {
  const questions = (name: string, options: ParseOptions = {}) => {
    const { parsed } = parseFixture(shapesDir(), name, options);
    return allQuestions([parsed.group!]);
  };
  const find = (name: string, title: string, options: ParseOptions = {}) => {
    const q = questions(name, options).find((x) => x.title === title);
    assert.ok(q, `no "${title}" in ${name}`);
    return q;
  };

  it('an answer keeps its summary and its sub-headings', () => {
    const q = find('parts-and-groups.md', 'Python 有哪些内置数据类型？');
    assert.ok(q.markdown.startsWith('常用的内置类型'));
    assert.ok(q.markdown.includes('### float') && q.markdown.endsWith('不可变的 Unicode 字符序列。'));
  });

  it('numbered lines: inner points stay in the answer, digits after the separator stay in the title', () => {
    assert.ok(find('numbered-lines.md', '什么是列表推导式？').markdown.endsWith('2、通常比循环更快'));
    assert.equal(find('numbered-lines.md', '如何交换两个变量？').markdown, '    a, b = b, a');
  });

  it('references sections join the answer before them', () => {
    assert.ok(find('not-questions.md', 'Why use a virtual environment?').markdown.endsWith('- [venv documentation](https://docs.python.org/3/library/venv.html)'));
    assert.ok(find('not-questions.md', 'How are arguments passed?').markdown.includes('### References'));
  });

  it('front matter YAML rejects: title and tags recovered, the error reported, the file kept', () => {
    const { parsed } = parseFixture(shapesDir(), 'tab-front-matter.md');
    assert.equal(parsed.group?.title, '常见面试题（博客导出）');
    assert.deepEqual(parsed.group?.questions[0].tags, ['python', 'interview']);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /invalid YAML front matter: .*kept title, tags/);
  });

  it('REPL transcripts open without prompts, output as comments; Python 2 is never runnable', () => {
    const [repl] = find('repl-and-python2.md', '字符串驻留是什么？').examples;
    assert.equal(repl.kind, 'repl');
    assert.equal(repl.runnable, false);
    assert.equal(scratchCode(repl), 'a = "hello"\nb = "hello"\na is b\n# True\nfor ch in "ab":\n    print(ch)\n\n# a\n# b\n');
    const [py2] = find('repl-and-python2.md', 'Python 2 的 print 有什么不同？').examples;
    assert.equal(py2.kind, 'python2');
    assert.equal(py2.runnable, false);
    const [py3] = find('repl-and-python2.md', 'Python 3 的写法').examples;
    assert.equal(py3.kind, undefined);
    assert.equal(py3.runnable, true);
  });

  it('the user can override the guess per source', () => {
    assert.deepEqual(
      questions('parts-and-groups.md', { questionLevel: 3 }).map((q) => q.title),
      ['int', 'float', 'str', '示例', '总结', '定义', '用法', '什么是 GIL？', '线程和进程怎么选？'],
    );
    const { parsed } = parseFixture(shapesDir(), 'bullet-questions.md', { questions: 'headings' });
    assert.deepEqual(shapeOutline(parsed.group!), ['# 速记问答', '- 速记问答 @1-15 [run]']);
  });
});

describe('note shapes: source settings and the reading report', () => {
  it('a source entry is a path or { path, questions, questionLevel }; bad options are ignored', () => {
    assert.deepEqual(parseSourceSetting('~/notes'), { path: '~/notes', parse: {} });
    assert.deepEqual(parseSourceSetting({ path: 'a', questions: 'numbered-lines', questionLevel: 3 }), { path: 'a', parse: { questions: 'numbered-lines', questionLevel: 3 } });
    assert.deepEqual(parseSourceSetting({ path: 'a', questions: 'sideways', questionLevel: 9 }), { path: 'a', parse: {} });
    assert.equal(parseSourceSetting({ questions: 'auto' }), undefined);
    assert.equal(parseSourceSetting(''), undefined);
  });

  it('the report lists what each heading and line became, with the reason', () => {
    const { parsed } = parseFixture(shapesDir(), 'not-questions.md');
    const report = formatReading('not-questions.md', parsed.reading ?? [], parsed.skipped ?? []);
    assert.match(report, /\| 3–5 \| ## Explore all 100 answers here 👉 \| skipped \| banner or promotion \|/);
    assert.match(report, /\| 33 \| ## 参考资料 \| part of answer: \*\*Why use a virtual environment\?\*\* \| a references section/);
    assert.match(report, /Skipped lines: 8/);
  });
});
