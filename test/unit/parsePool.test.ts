import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listNoteFiles, loadNotesInPool } from '../../src/loader/loadNotes';
import { ParsePool, parseAllInPool } from '../../src/loader/parsePool';
import type { FileJob, ParseJob } from '../../src/loader/parseJob';
import { allQuestions } from '../../src/core/notes/model';
import { buildHostileFolder, type HostileFolder } from '../hostile/hostileFolder';

// The real reader bundle (built by esbuild.mjs before the unit tests run).
const READER = resolve('dist/parseWorker.js');

/**
 * A stand-in reader speaking the same protocol, for what real notes cannot do
 * on demand: a file named "hang" never answers, "crash" kills the thread.
 * Everything else answers at once with a question titled after the file.
 */
const FAKE_READER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ seq, job }) => {
  if (job.file.includes('hang')) for (;;) {}
  if (job.file.includes('crash')) process.exit(3);
  parentPort.postMessage({ type: 'done', seq, result: { file: job.file, problems: [], question: { id: job.file, title: 'T ' + job.file, topicId: '', tags: [], keywords: [], markdown: '', examples: [], source: { file: job.file, line: 1 } } } });
});
parentPort.postMessage({ type: 'ready' });
`;

const fileJob = (file: string): FileJob => ({ kind: 'file', file, idBase: '/', maxBytes: 2 * 1024 * 1024, parse: {} });

describe('notes reader pool', () => {
  let dir: string;
  let fake: string;
  const pools: ParsePool[] = [];
  const pool = (options: ConstructorParameters<typeof ParsePool>[0]) => {
    const p = new ParsePool(options);
    pools.push(p);
    return p;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pin-pool-'));
    fake = join(dir, 'fakeReader.js');
    writeFileSync(fake, FAKE_READER);
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.dispose()));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a file over its budget naming it, replaces the reader and goes on in order', async () => {
    const restarted: string[] = [];
    const p = pool({ workerFile: fake, budgetMs: 300, onRestart: (file) => restarted.push(file) });
    const jobs = ['a.md', 'hang.md', 'b.md', 'hang2.md', 'c.md'].map(fileJob);
    const seen: number[] = [];
    const results = await parseAllInPool(p, jobs, { onResult: (_, i) => seen.push(i) });
    assert.deepEqual(
      results.map((r) => r.file),
      jobs.map((j) => j.file),
    );
    assert.deepEqual(seen, [0, 1, 2, 3, 4], 'results arrive in the order the files were sent');
    assert.equal(results[0].question?.title, 'T a.md');
    assert.equal(results[2].question?.title, 'T b.md', 'the file after a slow one is read by a fresh reader');
    assert.equal(results[4].question?.title, 'T c.md');
    for (const i of [1, 3]) {
      assert.equal(results[i].question, undefined);
      assert.equal(results[i].problems.length, 1);
      assert.equal(results[i].problems[0].file, jobs[i].file);
      assert.match(results[i].problems[0].message, /^skipped: took longer than 0\.3 s to read/);
    }
    assert.deepEqual(restarted, ['hang.md', 'hang2.md']);
    assert.equal(p.restarts, 2);
    assert.equal(p.started, 3);
  });

  it('names a file that kills the reader and reads the next one', async () => {
    const p = pool({ workerFile: fake, budgetMs: 10_000 });
    const [crashed, next] = await parseAllInPool(p, [fileJob('crash.md'), fileJob('d.md')]);
    assert.equal(crashed.file, 'crash.md');
    assert.match(crashed.problems[0].message, /^skipped: the notes reader stopped on this file \(exit code 3\)/);
    assert.equal(next.question?.title, 'T d.md');
    assert.equal(p.restarts, 1);
  });

  it('cancel stops the file being read and every waiting one, and keeps what was read', async () => {
    const p = pool({ workerFile: fake, budgetMs: 60_000 });
    const abort = new AbortController();
    const kept: string[] = [];
    const all = parseAllInPool(p, ['e.md', 'hang.md', 'f.md', 'g.md'].map(fileJob), {
      signal: abort.signal,
      onResult: (c) => {
        kept.push(c.file);
        // Cancel while the reader is stuck on the hanging file.
        if (c.file === 'e.md') setTimeout(() => abort.abort(), 50);
      },
    });
    const results = await all;
    assert.deepEqual(
      results.map((r) => r.file),
      ['e.md'],
    );
    assert.deepEqual(kept, ['e.md']);
    assert.equal(p.pending, 0);
    assert.equal(p.restarts, 0, 'a cancel is not counted as a file over budget');
    // The pool is usable again after a cancel.
    const after = await p.parse(fileJob('h.md'));
    assert.equal(after?.question?.title, 'T h.md');
  });

  it('answers cancelled for work sent after dispose or with an aborted signal', async () => {
    const p = pool({ workerFile: fake });
    const abort = new AbortController();
    abort.abort();
    assert.equal(await p.parse(fileJob('i.md'), abort.signal), undefined);
    const waiting = p.parse(fileJob('hang.md'));
    await p.dispose();
    assert.equal(await waiting, undefined);
    assert.equal(await p.parse(fileJob('j.md')), undefined);
  });

  it('parses real notes in the reader thread as on the main thread, and text it is given', async () => {
    const p = pool({ workerFile: READER });
    const file = join(dir, 'real.md');
    writeFileSync(file, '# Group\n\n## What is a closure?\n\nA function with its free variables.\n\n## What is the GIL?\n\nA lock.\n');
    const [c] = await parseAllInPool(p, [{ ...fileJob(file), idBase: dir }]);
    assert.deepEqual(
      allQuestions([c.group!]).map((q) => q.title),
      ['What is a closure?', 'What is the GIL?'],
    );
    assert.equal(allQuestions([c.group!])[0].location.file, file);
    const text: ParseJob = { kind: 'text', file, text: '## Only one?\n\nYes.\n', fileId: 'real.md', dirId: 'x', parse: { explain: true } };
    const t = await p.parse(text);
    assert.ok(t?.reading?.length, 'explain mode returns what each line became');
  });

  it('lists a folder in the reader thread exactly as on the main thread', async () => {
    const folder = buildHostileFolder(0.01);
    try {
      const p = pool({ workerFile: READER });
      assert.deepEqual(await p.list(folder.root, 5), listNoteFiles(folder.root, { maxFiles: 5 }));
      assert.deepEqual(await p.list(folder.root, 20_000), listNoteFiles(folder.root));
    } finally {
      folder.dispose();
    }
  });

  it('a genuinely slow file (2·10^5 headings in 1 MB) is skipped by the real reader; the rest of the folder is read', async function () {
    this.timeout(120_000);
    const folder: HostileFolder = buildHostileFolder(1);
    try {
      const p = pool({ workerFile: READER });
      const { topics, problems } = await loadNotesInPool(folder.root, p);
      const titles = allQuestions(topics).map((q) => q.title);
      for (const t of folder.goodTitles) assert.ok(titles.includes(t), `missing "${t}"`);
      assert.ok(!titles.includes(folder.outsideTitle), 'a file outside the folder was read');
      const named = (file: string) => problems.some((pr) => pr.file === join(folder.root, file) && pr.message.startsWith('skipped'));
      for (const c of folder.cases.filter((c) => c.skipped || c.slowAtFullSize)) assert.ok(named(c.file), `${c.file} (${c.what}) not named`);
      assert.ok(
        problems.some((pr) => pr.file.endsWith('huge-headings.md') && /took longer than 1 s to read/.test(pr.message)),
        problems.map((pr) => `${pr.file}: ${pr.message}`).join('\n'),
      );
      assert.ok(p.restarts >= 1);
    } finally {
      folder.dispose();
    }
  });
});
