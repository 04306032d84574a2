import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotes } from '../../src/loader/loadNotes';
import { checkExamples, checkStructure, normaliseOutput } from '../../src/cli/checkNotes';
import { findInterpreters } from '../../src/cli/pythonInterpreters';

function notesFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pin-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const q = (id: string, title: string, body: string) => `---\nid: ${id}\ntitle: ${title}\n---\n${body}`;

describe('notes check', () => {
  it('finds duplicate ids and titles, empty answers and broken links, naming file and line', () => {
    const root = notesFolder({
      't/_topic.md': '---\nid: t\ntitle: T\n---\n',
      't/a.md': q('a', 'A', '\n正文 [坏链接](q:nope)\n'),
      't/b.md': q('a', 'A', '\n另一个\n'),
      't/c.md': q('c', 'C', '\n[file](missing.md)\n'),
    });
    const { topics } = loadNotes(root, { idBase: root });
    const problems = checkStructure(topics);
    const messages = problems.map((p) => `${p.file.slice(root.length + 1)}:${p.line} ${p.message}`);
    assert.ok(messages.some((m) => /^t\/b\.md:1 duplicate id "a"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^t\/b\.md:1 duplicate title "A"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^t\/a\.md:6 link to unknown question "nope"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^t\/c\.md:6 broken link "missing.md"/.test(m)), messages.join('\n'));
  });

  it('runs examples and compares their output with the note', async () => {
    const root = notesFolder({
      't/a.md': q('a', 'A', '\n```python\nprint("ok")\n```\n\n```output\nok\n```\n'),
      't/b.md': q('b', 'B', '\n```python\nprint(2 + 2)\n```\n\n```output\n5\n```\n'),
      't/c.md': q('c', 'C', '\n```python\nraise SystemExit(3)\n```\n'),
      't/d.md': q('d', 'D', '\n```python norun\nimport redis\nr = redis.Redis()\n```\n\n```python norun\ndef broken(:\n```\n'),
    });
    const { topics } = loadNotes(root, { idBase: root });
    const report = await checkExamples(topics, { interpreters: findInterpreters(['python3']) });
    assert.equal(report.examplesRun, 3);
    assert.equal(report.examplesPassed, 1);
    assert.equal(report.examplesCompiled, 2);
    const text = report.problems.map((p) => `${p.file.slice(root.length + 1)}:${p.line} ${p.message}`).join('\n');
    assert.match(text, /t\/b\.md:6 example output on CPython 3\.\d+ differs from the note:\n {4}line 1: expected "5", got "4"/);
    assert.match(text, /t\/c\.md:6 example exited with 3 on CPython 3\.\d+/);
    assert.match(text, /t\/d\.md:1[0-9] example does not compile/);
  });

  it('ignores trailing spaces and final newlines when comparing output', () => {
    assert.equal(normaliseOutput('a  \nb\n\n'), normaliseOutput('a\nb'));
    assert.notEqual(normaliseOutput('a\n\nb'), normaliseOutput('a\nb'));
  });
});
