import * as assert from 'node:assert/strict';
import { MAX_FRONT_MATTER_CHARS, MAX_FRONT_MATTER_KEYS, splitFrontMatter } from '../../src/core/notes/frontMatter';
import { parseNoteFile } from '../../src/core/notes/parseNoteFile';
import { allQuestions, type Topic } from '../../src/core/notes/model';
import { searchDocsFor } from '../../src/core/search/searchDocs';

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}: v${from + i}`).join('\n');

describe('front matter caps', () => {
  it('reads the first keys of a block with tens of thousands of them; the rest is a skipped region with the reason', () => {
    const text = `---\ntitle: Many keys\ntags: [a, b]\n${keys(30_000)}\n---\n## Keys\n\nMany keys.\n`;
    const closing = 30_000 + 4;
    const fm = splitFrontMatter(text);
    assert.equal(fm.bodyLineOffset, closing);
    assert.equal(fm.data.title, 'Many keys');
    assert.deepEqual(fm.data.tags, ['a', 'b']);
    assert.equal(Object.keys(fm.data).length, MAX_FRONT_MATTER_KEYS);
    assert.equal(fm.data[`k${MAX_FRONT_MATTER_KEYS - 3}`], `v${MAX_FRONT_MATTER_KEYS - 3}`);
    assert.equal(fm.data[`k${MAX_FRONT_MATTER_KEYS - 2}`], undefined);
    // Line 1 is ---, the keys read are lines 2..101.
    assert.deepEqual(fm.unread, {
      line: MAX_FRONT_MATTER_KEYS + 2,
      why: `front matter has more than 100 keys; only the first 100 read`,
    });

    const parsed = parseNoteFile(text, 'keys.md', 't');
    assert.equal(parsed.group?.title, 'Many keys');
    assert.deepEqual(
      parsed.group?.questions.map((q) => q.title),
      ['Keys'],
    );
    assert.deepEqual(parsed.skipped?.slice(0, 2), [
      { lines: [1, MAX_FRONT_MATTER_KEYS + 1], why: 'front matter' },
      { lines: [MAX_FRONT_MATTER_KEYS + 2, closing], why: 'front matter has more than 100 keys; only the first 100 read' },
    ]);
    assert.deepEqual(parsed.problems, [
      { file: 'keys.md', line: MAX_FRONT_MATTER_KEYS + 2, severity: 'warning', message: fm.unread?.why },
    ]);
  });

  it('reads a block at the key cap whole', () => {
    const fm = splitFrontMatter(`---\n${keys(MAX_FRONT_MATTER_KEYS)}\n---\nbody\n`);
    assert.equal(fm.unread, undefined);
    assert.equal(Object.keys(fm.data).length, MAX_FRONT_MATTER_KEYS);
  });

  it('stops before the key that crosses the size cap, counting indented, comment and blank lines with their key', () => {
    const big = (i: number) => `k${i}: |\n${'  line of text\n'.repeat(400)}\n# comment\n`;
    const block = Array.from({ length: 6 }, (_, i) => big(i)).join('');
    assert.ok(block.length > MAX_FRONT_MATTER_CHARS);
    const fm = splitFrontMatter(`---\n${block}---\nbody\n`);
    const read = Object.keys(fm.data);
    assert.ok(read.length > 0 && read.length < 6, read.join());
    const perKey = big(0).split('\n').length - 1;
    assert.deepEqual(fm.unread, {
      line: 2 + read.length * perKey,
      why: `front matter is longer than 16 KB; only the first ${read.length} keys read`,
    });
    assert.equal(fm.data.k0, 'line of text\n'.repeat(400));
  });

  it('reads nothing of a block whose first key alone is over the size cap, and still finds the body', () => {
    const text = `---\nhuge:\n${'  - item\n'.repeat(MAX_FRONT_MATTER_CHARS / 4)}---\n## After\n\ntext\n`;
    const fm = splitFrontMatter(text);
    assert.deepEqual(fm.data, {});
    assert.deepEqual(fm.unread, { line: 2, why: 'front matter is longer than 16 KB; only the first 0 keys read' });
    const parsed = parseNoteFile(text, 'huge.md', 't');
    assert.equal(parsed.skipped?.[0].lines[1], 1);
    assert.equal(parsed.skipped?.[1].lines[0], 2);
    assert.equal(parsed.skipped?.[1].lines[1], fm.bodyLineOffset);
    assert.deepEqual(
      parsed.group?.questions.map((q) => q.title),
      ['After'],
    );
  });
});

describe('files with very many questions', () => {
  it('lists and indexes 3·10^5 questions of one topic without running out of stack', () => {
    const questions = Array.from({ length: 300_000 }, (_, i) => ({
      id: `q${i}`,
      title: `q${i}`,
      topicId: 't',
      tags: [],
      keywords: [],
      markdown: '',
      examples: [],
      location: { file: 'f.md', line: i + 1, bodyLine: i + 2 },
    }));
    const topic: Topic = {
      id: 't',
      title: 'T',
      order: 0,
      questions: [],
      topics: [{ id: 't/u', title: 'U', order: 0, questions, topics: [] }],
    };
    assert.equal(allQuestions([topic]).length, 300_000);
    assert.equal(searchDocsFor([topic]).length, 300_000);
  });
});
