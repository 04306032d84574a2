// Hostile-folder benchmark: builds the folder of test/hostile/hostileFolder.ts
// and times each case through the three paths a note takes (load + parse,
// search index, answer HTML), each case in a child process with a deadline so
// a catastrophic case is reported as "> N s" instead of hanging the run.
// Prints a table and, last, one JSON line. Never asserts.
//   node out/bench/hostileBench.js [--timeout 60] [--scale 1]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildHostileFolder } from '../test/hostile/hostileFolder';
import { loadNotes } from '../src/loader/loadNotes';
import { allQuestions } from '../src/core/notes/model';
import { searchDocsFor } from '../src/core/search/searchDocs';
import { SearchIndex } from '../src/core/search/searchIndex';
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

if (process.argv[2] === '--one') {
  process.stdout.write(JSON.stringify(runOne(process.argv[3])));
} else {
  const timeoutMs = arg('--timeout', 60) * 1000;
  const folder = buildHostileFolder(arg('--scale', 1));
  const rows: Record<string, Timing | string> = {};
  try {
    const targets = [...folder.cases.map((c) => c.file), '.'];
    for (const file of targets) {
      const started = performance.now();
      const child = spawnSync(process.execPath, [__filename, '--one', join(folder.root, file)], { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 });
      const wall = performance.now() - started;
      let row: Timing | string;
      if (child.error || child.status !== 0) row = child.signal ? `> ${timeoutMs / 1000} s (killed)` : `failed (${(child.stderr || String(child.error)).split('\n').find(Boolean)?.slice(0, 80)})`;
      else row = JSON.parse(child.stdout) as Timing;
      rows[file === '.' ? '(whole folder)' : file] = row;
      const cell = typeof row === 'string' ? row : `parse ${row.parse.toFixed(0)} ms, search ${row.search.toFixed(0)} ms, render ${row.render.toFixed(0)} ms (${row.questions} q, ${row.problems} problems)`;
      console.log(`${(file === '.' ? '(whole folder)' : file).padEnd(28)} ${cell}  [wall ${(wall / 1000).toFixed(1)} s]`);
    }
  } finally {
    folder.dispose();
  }
  console.log(JSON.stringify(rows));
}
