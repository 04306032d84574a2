import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseNoteFile } from '../../src/core/notes/parseNoteFile';
import { loadNotes } from '../../src/loader/loadNotes';
import { allQuestions } from '../../src/core/notes/model';

const BUNDLED = join(__dirname, '..', '..', '..', 'test', 'unit', 'fixtures', 'bundled');

describe('parseNoteFile (bundled format)', () => {
  it('reads front matter into a question with examples and expected output', () => {
    const text = '---\nid: a\ntitle: 标题\ntags: [x, y]\nkeywords: [GIL]\ndifficulty: hard\n---\n\n## 要点\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n';
    const { question, problems } = parseNoteFile(text, 'topic/a.md', 'topic');
    assert.deepEqual(problems, []);
    assert.ok(question);
    assert.equal(question.id, 'a');
    assert.equal(question.title, '标题');
    assert.deepEqual(question.tags, ['x', 'y']);
    assert.deepEqual(question.keywords, ['GIL']);
    assert.equal(question.difficulty, 'hard');
    assert.equal(question.examples.length, 1);
    assert.equal(question.examples[0].code, 'print(1)\n');
    assert.equal(question.examples[0].expectedOutput, '1\n');
    assert.equal(question.examples[0].line, 11, 'line of the fence in the file, front matter included');
    assert.equal(question.location.bodyLine, 8);
    assert.ok(!question.markdown.includes('id: a'), 'front matter is not content');
  });

  it('reports broken YAML with the file instead of throwing', () => {
    const { problems } = parseNoteFile('---\nid: [unclosed\n---\nbody\n', 'bad.md', 't');
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /invalid YAML front matter/);
  });

  it('flags an empty answer and an unknown difficulty', () => {
    const { problems } = parseNoteFile('---\nid: e\ntitle: 空\ndifficulty: trivial\n---\n\n', 'e.md', 't');
    assert.ok(problems.some((p) => /empty answer/.test(p.message)));
    assert.ok(problems.some((p) => /unknown difficulty/.test(p.message)));
  });

  it('reads importance 1–3 and flags anything else', () => {
    const ok = parseNoteFile('---\nid: i\ntitle: I\nimportance: 3\n---\nbody\n', 'i.md', 't');
    assert.equal(ok.question?.importance, 3);
    assert.deepEqual(ok.problems, []);
    const absent = parseNoteFile('---\nid: j\ntitle: J\n---\nbody\n', 'j.md', 't');
    assert.equal(absent.question?.importance, undefined);
    const bad = parseNoteFile('---\nid: k\ntitle: K\nimportance: 5\n---\nbody\n', 'k.md', 't');
    assert.equal(bad.question?.importance, undefined);
    assert.ok(bad.problems.some((p) => /unknown importance/.test(p.message)));
  });

  it('marks `python norun` examples as shown-only', () => {
    const { question } = parseNoteFile('---\nid: n\ntitle: N\n---\n```python norun\nimport redis\n```\n', 'n.md', 't');
    assert.equal(question?.examples[0].runnable, false);
  });
});

describe('loadNotes (bundled folder)', () => {
  it('builds topics from folders, with _topic.md metadata and file order', () => {
    const { topics, problems } = loadNotes(BUNDLED, { idBase: BUNDLED });
    assert.deepEqual(problems, []);
    assert.equal(topics.length, 1);
    assert.equal(topics[0].id, 'demo');
    assert.equal(topics[0].title, '演示主题');
    assert.deepEqual(topics[0].questions.map((q) => q.id), ['demo-first', 'demo-second']);
    assert.ok(allQuestions(topics).every((q) => q.topicId === 'demo'));
  });

  it('reports a missing folder clearly', () => {
    const { topics, problems } = loadNotes('/definitely/not/here');
    assert.equal(topics.length, 0);
    assert.match(problems[0].message, /notes source not found/);
  });
});

describe('allQuestions', () => {
  it('lists a group of 2·10^5 questions (no call-argument limit)', () => {
    const q = { id: 'q' } as unknown as ReturnType<typeof allQuestions>[number];
    const questions = Array.from({ length: 200_000 }, () => q);
    const list = allQuestions([{ id: 't', title: 't', order: 0, questions, topics: [] }]);
    assert.equal(list.length, 200_000);
  });
});
