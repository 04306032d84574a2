import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotes } from '../../src/loader/loadNotes';
import { isInside, listNoteFiles, readNoteFile, refusedSource } from '../../src/loader/noteFiles';
import { allQuestions } from '../../src/core/notes/model';
import { buildHostileFolder, type HostileFolder } from '../hostile/hostileFolder';

const posix = process.platform !== 'win32';

describe('note files (hostile folder)', () => {
  let folder: HostileFolder;
  before(() => {
    // Small sizes: this suite is about which files are read, not parse speed.
    folder = buildHostileFolder(0.01);
  });
  after(() => folder.dispose());

  it('reads every good note and names every special file, loop and link out', () => {
    const { topics, problems } = loadNotes(folder.root);
    const titles = allQuestions(topics).map((q) => q.title);
    for (const t of folder.goodTitles) assert.ok(titles.includes(t), `missing "${t}" in ${titles.join(', ')}`);
    assert.ok(!titles.includes(folder.outsideTitle), 'a file outside the folder was read');
    const messages = problems.map((p) => `${p.file.slice(folder.root.length + 1)}: ${p.message}`);
    for (const c of folder.cases.filter((c) => c.skipped)) {
      assert.ok(messages.some((m) => m.startsWith(`${c.file}: skipped`)), `${c.file} (${c.what}) not named in:\n${messages.join('\n')}`);
    }
    assert.equal(titles.filter((t) => t === 'Loop guard').length, posix ? 1 : 0, 'a file behind the symlink loops was listed more than once');
  });

  it('never blocks or reads without bound on a FIFO or /dev/zero', function () {
    if (!posix) this.skip();
    const zero = readNoteFile(join(folder.root, 'zero.md'));
    assert.ok(!zero.ok && /character device/.test(zero.problem.message));
    const fifo = folder.cases.find((c) => c.file === 'fifo.md');
    if (fifo) {
      const r = readNoteFile(join(folder.root, fifo.file));
      assert.ok(!r.ok && /FIFO/.test(r.problem.message));
    }
  });

  it('re-checks the real path when reading, so a watcher event cannot read outside', function () {
    if (!posix) this.skip();
    const r = readNoteFile(join(folder.root, 'outside-file.md'), undefined, folder.root);
    assert.ok(!r.ok && /outside the notes folder/.test(r.problem.message));
  });

  it('stops listing at maxFiles with a message', () => {
    const listing = listNoteFiles(folder.root, { maxFiles: 2 });
    assert.equal(listing.files.length, 2);
    assert.ok(listing.truncated);
    assert.ok(listing.problems.some((p) => /maxFiles/.test(p.message)));
  });

  it('stops listing when cancelled', () => {
    const abort = new AbortController();
    abort.abort();
    const listing = listNoteFiles(folder.root, { signal: abort.signal });
    assert.equal(listing.files.length, 0);
  });
});

describe('note files (limits)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pin-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('caps the bytes actually read', () => {
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(5000));
    const r = readNoteFile(join(dir, 'big.md'), 4096);
    assert.ok(!r.ok && /over the|more than the/.test(r.problem.message));
    const ok = readNoteFile(join(dir, 'big.md'), 5000);
    assert.ok(ok.ok && ok.bytes.length === 5000);
  });

  it('keeps a file symlink that stays inside the folder', function () {
    if (!posix) this.skip();
    writeFileSync(join(dir, 'real.md'), '## Inside link\n\nyes\n');
    symlinkSync(join(dir, 'real.md'), join(dir, 'alias.md'));
    const listing = listNoteFiles(dir);
    assert.deepEqual(listing.files.map((f) => f.slice(dir.length + 1)), ['alias.md', 'real.md']);
    assert.deepEqual(listing.problems, []);
  });

  it('refuses a file-system root or the home folder as a source', () => {
    assert.match(refusedSource('/') ?? '', /file-system root/);
    assert.match(refusedSource(homedir()) ?? '', /home folder/);
    assert.equal(refusedSource(dir), undefined);
    const { topics, problems } = loadNotes('/');
    assert.equal(topics.length, 0);
    assert.match(problems[0].message, /cannot be a notes source/);
  });

  it('tells inside from outside by path segments', () => {
    assert.ok(isInside('/a/b', '/a/b'));
    assert.ok(isInside('/a/b', '/a/b/c.md'));
    assert.ok(isInside('/a/b', '/a/b/..c.md'));
    assert.ok(!isInside('/a/b', '/a/bc/d.md'));
    assert.ok(!isInside('/a/b', '/a/d.md'));
  });
});
