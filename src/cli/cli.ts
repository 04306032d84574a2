// Command-line tool for note authors and CI: parse, search and check notes.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import type { NoteProblem, NotesCollection, Topic } from '../core/notes/model';
import { allQuestions } from '../core/notes/model';
import { loadNotes, loadNotesInPool, type FileContribution, type LoadOptions } from '../loader/loadNotes';
import { ParsePool } from '../loader/parsePool';
import { QUESTION_MODES, type QuestionMode } from '../core/notes/extractQuestions';
import type { ParseOptions } from '../core/notes/parseNoteFile';
import { formatReading } from '../core/notes/readingReport';
import { formatProblem, parseNotesIndex, serializeNotesIndex, sortTopics } from '../core/notes/notesIndex';
import { checkExamples, checkStructure, literalEmphasisProblems } from './checkNotes';
import { ENGLISH_LABELS, renderQuestionBody } from '../core/render/renderAnswer';
import type { Question } from '../core/notes/model';
import { findInterpreters } from './pythonInterpreters';
import { applyRecord, exampleHash, readRecord, RECORD_FILE, staleRecordProblems, writeRecord, type VerifiedRecord } from './verifiedRecord';
import { SearchIndex } from '../core/search/searchIndex';
import { searchDocsFor } from '../core/search/searchDocs';
import { prerenderAnswers } from '../core/render/prerenderedAnswers';
import { packBundle } from '../core/notes/notesBundle';

const USAGE = `usage:
  node dist/cli.js parse <file|folder> [--full] [--questions auto|headings|numbered-lines|bullets] [--question-level N]
                                                    print the questions as JSON; --full adds answers, line ranges,
                                                    group intros and each file's skipped lines
  node dist/cli.js parse --explain <file>           what each heading and line of a file became, and why
  node dist/cli.js search "<query>" [--limit N] [--notes <folder>]
                                                    ranked results over the bundled notes
  node dist/cli.js render <question id> [--notes <folder>]
                                                    print the answer's HTML body as the answer view renders it
  node dist/cli.js check [folder] [--no-run] [--record] [--python <cmd>]... [--jobs N]
                                                    validate notes and run their Python examples under
                                                    every CPython 3.10+ found; --record rewrites
                                                    <folder>/.verified.json from this run`;

/**
 * Used by esbuild.mjs: compiles notes/ into the index the CLI reads, and into
 * the one compressed bundle the extension ships (index, sources, answers
 * rendered once here so the answer view never renders a bundled note).
 */
export function compileBundledNotes(
  folder: string,
  outFile: string,
  bundleFile?: string,
): { topics: number; questions: number; bytes: number; prerendered: number; bundleBytes: number; problems: NoteProblem[] } {
  const { topics, problems } = loadBundled(folder);
  // Where each example was verified comes from the committed record: the build never runs Python.
  applyRecord(topics, readRecord(join(folder, RECORD_FILE)));
  const json = serializeNotesIndex(relativiseLocations(topics, resolve(folder)));
  writeFileSync(outFile, json);
  let prerendered = 0;
  let bundleBytes = 0;
  if (bundleFile) {
    const questions = allQuestions(topics);
    const answers = prerenderAnswers(questions);
    prerendered = Object.keys(answers.answers).length;
    const sources: Record<string, string> = {};
    for (const q of questions) sources[q.location.file] ??= readFileSync(join(folder, q.location.file), 'utf8');
    const packed = packBundle({ index: json, sources: JSON.stringify(sources), answers: JSON.stringify(answers) });
    const compressed = brotliCompressSync(packed, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS, [zlib.BROTLI_PARAM_SIZE_HINT]: packed.length },
    });
    writeFileSync(bundleFile, compressed);
    bundleBytes = compressed.length;
  }
  return { topics: topics.length, questions: allQuestions(topics).length, bytes: Buffer.byteLength(json), prerendered, bundleBytes, problems };
}

function loadBundled(folder: string): { topics: Topic[]; problems: NoteProblem[] } {
  const collection = loadNotes(resolve(folder), { idBase: resolve(folder) });
  return { topics: sortTopics(collection.topics), problems: collection.problems };
}

/**
 * A folder named on the command line is read as the extension reads a user
 * source: file by file in the notes reader thread, each within its time
 * budget, so a hostile folder names its bad files and finishes in seconds.
 */
async function loadFolder(folder: string, options: LoadOptions = {}): Promise<NotesCollection> {
  const pool = new ParsePool({ onRestart: (file, why) => console.error(`notes reader restarted after ${file} (${why})`) });
  try {
    const collection = await loadNotesInPool(resolve(folder), pool, { idBase: resolve(folder), ...options });
    return { topics: sortTopics(collection.topics), problems: collection.problems };
  } finally {
    await pool.dispose();
  }
}

function relativiseLocations(topics: Topic[], base: string): Topic[] {
  for (const q of allQuestions(topics)) {
    q.location.file = q.location.file.startsWith(base) ? q.location.file.slice(base.length + 1).split('\\').join('/') : q.location.file;
  }
  return topics;
}

interface ParsedOutputTopic {
  title: string;
  intro?: string;
  lines?: [number, number];
  topics?: ParsedOutputTopic[];
  questions: { id: string; title: string; answer?: string; lines?: [number, number]; examples: { language: string; code: string; runnable: boolean; kind?: string }[] }[];
}

function toParseOutput(topics: readonly Topic[], full = false): ParsedOutputTopic[] {
  return topics.map((t) => ({
    title: t.title,
    ...(full && t.intro ? { intro: t.intro } : {}),
    ...(full && t.lines ? { lines: t.lines } : {}),
    ...(t.topics.length ? { topics: toParseOutput(t.topics, full) } : {}),
    questions: t.questions.map((q) => ({
      id: q.id,
      title: q.title,
      ...(full ? { answer: q.markdown, lines: [q.location.line, q.location.endLine ?? q.location.line] as [number, number] } : {}),
      examples: q.examples.map((e) => ({ language: e.language, code: e.code, runnable: e.runnable, ...(e.kind ? { kind: e.kind } : {}) })),
    })),
  }));
}


function parseOptions(args: string[]): ParseOptions | string {
  const questions = takeOption(args, '--questions');
  const level = takeOption(args, '--question-level');
  if (questions !== undefined && !QUESTION_MODES.includes(questions as QuestionMode)) return `--questions must be one of ${QUESTION_MODES.join(', ')}`;
  const questionLevel = level === undefined ? undefined : Number(level);
  if (questionLevel !== undefined && !(Number.isInteger(questionLevel) && questionLevel >= 1 && questionLevel <= 6)) return '--question-level must be 1–6';
  return { ...(questions ? { questions: questions as QuestionMode } : {}), ...(questionLevel ? { questionLevel } : {}) };
}

/** The compiled bundled notes, or the folder given with --notes (its problems on stderr). */
async function bundledTopics(notesFolder?: string): Promise<Topic[]> {
  if (notesFolder) {
    const { topics, problems } = await loadFolder(notesFolder);
    printProblems(problems);
    return topics;
  }
  const indexFile = join(__dirname, 'notes-index.json');
  return parseNotesIndex(readFileSync(indexFile, 'utf8'));
}

function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

function printProblems(problems: NoteProblem[]): void {
  for (const p of problems) console.error(formatProblem(p));
}

/** The answer view's rendering of a bundled question (English labels; images are not resolved outside the view). */
function renderForCheck(question: Question): string {
  return renderQuestionBody(question, { labels: ENGLISH_LABELS, allowHtml: true, allowRemoteImages: false });
}

function takeAll(args: string[], name: string): string[] {
  const out: string[] = [];
  for (let v = takeOption(args, name); v !== undefined; v = takeOption(args, name)) out.push(v);
  return out;
}

async function runCheck(args: string[]): Promise<number> {
  const started = Date.now();
  const noRun = args.includes('--no-run');
  const record = args.includes('--record');
  const pythons = takeAll(args, '--python');
  const jobsRaw = takeOption(args, '--jobs');
  const folder = args.find((a) => !a.startsWith('--')) ?? 'notes';
  const { topics, problems } = await loadFolder(folder);
  const questions = allQuestions(topics).length;
  problems.push(...checkStructure(topics, resolve(folder)));
  applyRecord(topics, readRecord(join(folder, RECORD_FILE)));
  for (const q of allQuestions(topics)) problems.push(...literalEmphasisProblems(q, renderForCheck(q)));
  const interpreters = findInterpreters(pythons);
  const examples = await checkExamples(topics, {
    interpreters,
    skipRun: noRun,
    ...(jobsRaw ? { parallel: Math.max(1, Number.parseInt(jobsRaw, 10) || 1) } : {}),
    onProgress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rrunning examples ${done}/${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  problems.push(...examples.problems);
  const recordPath = join(folder, RECORD_FILE);
  if (record && !noRun) {
    const next: VerifiedRecord = { format: 'python-interview-notes/verified', version: 1, questions: {} };
    for (const [id, list] of examples.verification) {
      const q = allQuestions(topics).find((x) => x.id === id);
      if (!q) continue;
      const runnable = q.examples.filter((e) => e.runnable);
      next.questions[id] = runnable.map((ex, i) => ({ sha: exampleHash(ex), python: list[i]?.python ?? [], ...(list[i]?.startMethods ? { startMethods: list[i]?.startMethods } : {}) }));
    }
    writeRecord(recordPath, next);
    console.log(`wrote ${recordPath}`);
  } else {
    problems.push(...staleRecordProblems(topics, readRecord(recordPath), recordPath));
  }
  printProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const used = examples.interpreters.map((p) => `${p.label} (${p.full}, default ${p.defaultStartMethod})`).join(', ');
  console.log(`interpreters: ${used || 'none'}; extra start methods: ${examples.startMethods.join(', ') || 'none'}`);
  if (!noRun && examples.slowest.length) {
    console.log('slowest: ' + examples.slowest.map((s) => `${s.file}:${s.line} ${s.python}${s.startMethod ? `/${s.startMethod}` : ''} ${(s.ms / 1000).toFixed(1)}s`).join('; '));
  }
  console.log(
    `notes check: ${topics.length} topics, ${questions} questions; ` +
      `${examples.examplesPassed}/${examples.examplesRun} runnable examples passed (${examples.executions} runs over ${examples.interpreters.length} interpreters), ` +
      `${examples.examplesCompiled} shown-only examples compiled; ` +
      `${errors} errors, ${warnings} warnings; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return errors > 0 || questions === 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  switch (command) {
    case 'parse': {
      const full = takeFlag(args, '--full');
      const explain = takeFlag(args, '--explain');
      const options = parseOptions(args);
      if (typeof options === 'string') {
        console.error(options);
        return 2;
      }
      const target = args[0];
      if (!target) break;
      const files: FileContribution[] = [];
      const { topics, problems } = await loadFolder(target, { idBase: dirname(resolve(target)), parse: { ...options, explain }, onFile: (c) => files.push(c) });
      printProblems(problems);
      if (explain) {
        for (const c of files) console.log(formatReading(c.file, c.reading ?? [], c.skipped ?? []));
      } else if (full) {
        const skipped = files.map((c) => ({ file: c.file, skipped: c.skipped ?? [] }));
        console.log(JSON.stringify({ topics: toParseOutput(sortTopics(topics), true), files: skipped }, null, 2));
      } else console.log(JSON.stringify({ topics: toParseOutput(sortTopics(topics)) }, null, 2));
      return problems.some((p) => p.severity === 'error' && p.line === 0 && p.message.startsWith('notes source not found')) ? 1 : 0;
    }
    case 'search': {
      const limitRaw = takeOption(args, '--limit');
      const notes = takeOption(args, '--notes');
      const query = args.join(' ');
      const limit = limitRaw ? Math.max(1, Number.parseInt(limitRaw, 10) || 10) : 10;
      const topics = await bundledTopics(notes);
      const docs = searchDocsFor(topics);
      const byId = new Map(docs.map((d) => [d.id, d]));
      const hits = SearchIndex.build(docs).search(query, { limit });
      console.log(JSON.stringify(hits.map((h) => ({ id: h.id, title: byId.get(h.id)?.title ?? h.id, topic: byId.get(h.id)?.topic ?? '' })), null, 2));
      return 0;
    }
    case 'check':
      return runCheck(args);
    case 'render': {
      const notes = takeOption(args, '--notes');
      const id = args[0];
      if (!id) break;
      const question = allQuestions(await bundledTopics(notes)).find((q) => q.id === id);
      if (!question) {
        console.error(`no question with id "${id}"`);
        return 1;
      }
      console.log(renderForCheck(question));
      return 0;
    }
    default:
      break;
  }
  console.error(USAGE);
  return 2;
}

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
