// Hostile-folder benchmark: builds the folder of test/hostile/hostileFolder.ts
// and times each case through the three paths a note takes (load + parse,
// search index, answer HTML), each case in a child process with a deadline so
// a catastrophic case is reported as "> N s" instead of hanging the run.
// "before" is that synchronous path on the main thread; "after" is the
// extension's path: the notes reader thread with its 1 s budget per file.
// Then the main thread's longest blocked time (perf_hooks event-loop delay)
// while indexing the hostile folder and a 5,000-file corpus, both ways.
// Prints tables and, last, one JSON line. Never asserts.
//   node out/bench/hostileBench.js [--timeout 60] [--scale 1] [--files 5000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildHostileFolder } from '../test/hostile/hostileFolder';
import { allQuestions } from '../src/core/notes/model';
import { searchDocsFor } from '../src/core/search/searchDocs';
import { SearchIndex, SlicedBuild } from '../src/core/search/searchIndex';
import { assembleRoot, loadNotes, loadNotesInPool, type FileContribution } from '../src/loader/loadNotes';
import { ParsePool } from '../src/loader/parsePool';
import type { FileJob } from '../src/loader/parseJob';
import { writeCorpus } from './corpus';
import { renderAnswer } from '../src/core/render/renderAnswer';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

interface Timing {
  parse: number;
  search: number;
  render: number;
  questions: number;
  problems: number;
}

/** Child: one path through the pipeline, timed. */
function runOne(path: string): Timing {
  let t = performance.now();
  const { topics, problems } = loadNotes(path);
  const parse = performance.now() - t;
  t = performance.now();
  SearchIndex.build(searchDocsFor(topics)).search('except', { limit: 5 });
  const search = performance.now() - t;
  t = performance.now();
  const questions = allQuestions(topics);
  for (const q of questions) {
    renderAnswer(q.markdown, { labels: { openScratch: 'o', copy: 'c', output: 'out' }, allowHtml: true, allowRemoteImages: false, resolveImage: () => undefined });
  }
  const render = performance.now() - t;
  return { parse, search, render, questions: questions.length, problems: problems.length };
}

/** The extension's path for a whole folder: list, read in the reader thread, refresh every 250 ms, then the search index in 8 ms slices. */
async function indexLikeTheExtension(root: string, pool: ParsePool): Promise<{ ms: number; questions: number; skipped: number }> {
  const t = performance.now();
  const { files } = (await pool.list(root, 20_000)) ?? { files: [] };
  const contributions = new Map<string, FileContribution>();
  let last = performance.now();
  await Promise.all(
    files.map((file) =>
      pool.parse({ kind: 'file', file, idBase: root, maxBytes: 2 * 1024 * 1024, parse: {} } satisfies FileJob).then((c) => {
        if (!c) return;
        contributions.set(file, c);
        if (performance.now() - last > 250) {
          assembleRoot(root, contributions.values(), root);
          last = performance.now();
        }
      }),
    ),
  );
  const tree = assembleRoot(root, contributions.values(), root);
  const build = new SlicedBuild(searchDocsFor([tree]));
  while (!build.runFor(8)) await new Promise((r) => setImmediate(r));
  const skipped = [...contributions.values()].filter((c) => c.problems.some((p) => p.message.startsWith('skipped'))).length;
  return { ms: performance.now() - t, questions: allQuestions([tree]).length, skipped };
}

/** The old path: everything synchronous on the main thread. */
function indexSynchronously(root: string): { ms: number; questions: number } {
  const t = performance.now();
  const { topics } = loadNotes(root);
  SearchIndex.build(searchDocsFor(topics));
  return { ms: performance.now() - t, questions: allQuestions(topics).length };
}

/** Runs `work` and reports the longest time the event loop could not run (10 ms resolution). */
async function blocked<T>(work: () => T | Promise<T>): Promise<{ result: T; maxBlockedMs: number; p99Ms: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // Let the monitor's timer start before the work does.
  await new Promise((r) => setTimeout(r, 20));
  const result = await work();
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  return { result, maxBlockedMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6 };
}

async function afterRows(folder: ReturnType<typeof buildHostileFolder>, targets: string[]): Promise<Record<string, string>> {
  const rows: Record<string, string> = {};
  const pool = new ParsePool();
  try {
    for (const file of targets) {
      const t = performance.now();
      const { topics, problems } = await loadNotesInPool(join(folder.root, file), pool);
      const ms = performance.now() - t;
      const skipped = problems.find((p) => p.message.startsWith('skipped'));
      rows[file === '.' ? '(whole folder)' : file] = `${ms.toFixed(0)} ms, ${allQuestions(topics).length} q${skipped ? `, ${skipped.message.slice(0, 60)}` : ''}`;
    }
  } finally {
    await pool.dispose();
  }
  return rows;
}

async function blockedRows(folder: ReturnType<typeof buildHostileFolder>, timeoutMs: number): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const corpusDir = mkdtempSync(join(tmpdir(), 'pin-hostile-corpus-'));
  try {
    writeCorpus(join(corpusDir, 'notes'), arg('--files', 5000));
    for (const [name, root] of [
      ['hostile folder', folder.root],
      [`${arg('--files', 5000)}-file corpus`, join(corpusDir, 'notes')],
    ] as const) {
      const pool = new ParsePool();
      const after = await blocked(() => indexLikeTheExtension(root, pool));
      await pool.dispose();
      // Before: the synchronous path blocks for all of it; in a child with a deadline, as a hostile folder may never finish.
      const started = performance.now();
      const child = spawnSync(process.execPath, [__filename, '--sync', root], { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 });
      const wall = performance.now() - started;
      const before = child.status === 0 ? (JSON.parse(child.stdout) as { ms: number; maxBlockedMs: number; questions: number }) : undefined;
      const beforeCell = before
        ? `blocked ${before.maxBlockedMs.toFixed(0)} ms (index ${before.ms.toFixed(0)} ms, ${before.questions} q)`
        : child.signal
          ? `blocked > ${(timeoutMs / 1000).toFixed(0)} s (killed after ${(wall / 1000).toFixed(0)} s)`
          : `failed after ${(wall / 1000).toFixed(1)} s (${(child.stderr || '').split('\n').find((l) => /Error/.test(l))?.trim().slice(0, 70) ?? 'no output'})`;
      console.log(
        `${name.padEnd(20)} before: ${beforeCell}\n${''.padEnd(20)} after:  blocked ${after.maxBlockedMs.toFixed(0)} ms max, p99 ${after.p99Ms.toFixed(0)} ms (index ${after.result.ms.toFixed(0)} ms, ${after.result.questions} q, ${after.result.skipped} files skipped)`,
      );
      out[name] = { before: before ?? beforeCell, after: { maxBlockedMs: Math.round(after.maxBlockedMs), p99Ms: Math.round(after.p99Ms), ...after.result } };
    }
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[2] === '--one') {
  process.stdout.write(JSON.stringify(runOne(process.argv[3])));
} else if (process.argv[2] === '--sync') {
  void blocked(() => indexSynchronously(process.argv[3])).then((r) => process.stdout.write(JSON.stringify({ ...r.result, maxBlockedMs: r.maxBlockedMs })));
} else {
  void main();
}

async function main(): Promise<void> {
  const timeoutMs = arg('--timeout', 60) * 1000;
  const folder = buildHostileFolder(arg('--scale', 1));
  const rows: Record<string, Timing | string> = {};
  try {
    const targets = [...folder.cases.map((c) => c.file), '.'];
    console.log('before: synchronous on the main thread (each case in a child process with a deadline)');
    for (const file of targets) {
      const started = performance.now();
      const child = spawnSync(process.execPath, [__filename, '--one', join(folder.root, file)], { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 });
      const wall = performance.now() - started;
      let row: Timing | string;
      if (child.error || child.status !== 0) row = child.signal ? `> ${timeoutMs / 1000} s (killed)` : `failed (${(child.stderr || String(child.error)).split('\n').find((l) => /Error/.test(l))?.trim().slice(0, 80) ?? 'no output'})`;
      else row = JSON.parse(child.stdout) as Timing;
      rows[file === '.' ? '(whole folder)' : file] = row;
      const cell = typeof row === 'string' ? row : `parse ${row.parse.toFixed(0)} ms, search ${row.search.toFixed(0)} ms, render ${row.render.toFixed(0)} ms (${row.questions} q, ${row.problems} problems)`;
      console.log(`${(file === '.' ? '(whole folder)' : file).padEnd(28)} ${cell}  [wall ${(wall / 1000).toFixed(1)} s]`);
    }
    console.log('\nafter: read and parsed in the notes reader thread, 1 s budget per file');
    const after = await afterRows(folder, targets);
    for (const [file, cell] of Object.entries(after)) console.log(`${file.padEnd(28)} ${cell}`);
    console.log('\nmain thread, longest blocked time while indexing (before: synchronous; after: the extension path)');
    const blockedTimes = await blockedRows(folder, timeoutMs);
    console.log(JSON.stringify({ before: rows, after, blocked: blockedTimes }));
  } finally {
    folder.dispose();
  }
}
