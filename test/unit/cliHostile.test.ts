import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildHostileFolder, type HostileFolder } from '../hostile/hostileFolder';

const CLI = resolve('dist/cli.js');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('CLI on a hostile folder (the reader thread with its time budget)', function () {
  this.timeout(180_000);
  let folder: HostileFolder;
  before(() => {
    folder = buildHostileFolder(1);
  });
  after(() => folder.dispose());

  const bad = () => folder.cases.filter((c) => c.skipped || c.slowAtFullSize);
  const assertNamed = (stderr: string) => {
    for (const c of bad()) assert.ok(stderr.includes(`${join(folder.root, c.file)}: warning: skipped`), `${c.file} (${c.what}) not named on stderr:\n${stderr}`);
    assert.match(stderr, /huge-headings\.md: warning: skipped: took longer than 1 s to read/);
  };

  it('parse: prints every good note, names every bad file on stderr, reads nothing outside', async () => {
    const { code, stdout, stderr } = await run(['parse', folder.root]);
    assert.equal(code, 0, stderr);
    for (const t of folder.goodTitles) assert.ok(stdout.includes(JSON.stringify(t)), `"${t}" missing`);
    assert.ok(!stdout.includes(folder.outsideTitle), 'a file outside the folder was read');
    assertNamed(stderr);
  });

  it('search --notes: finds a good note and names the bad files', async () => {
    const { code, stdout, stderr } = await run(['search', 'GIL', '--notes', folder.root]);
    assert.equal(code, 0, stderr);
    const hits = JSON.parse(stdout) as { title: string }[];
    assert.ok(hits.some((h) => h.title === '什么是 GIL？'), stdout);
    assertNamed(stderr);
  });

  it('check: names the bad files and finishes', async () => {
    const { code, stderr } = await run(['check', folder.root, '--no-run']);
    // The folder has real errors (a malformed link), so the check fails — but it ends, and says why.
    assert.equal(code, 1);
    assertNamed(stderr);
  });
});
