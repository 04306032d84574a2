import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CodeExample, ExampleVerification, NoteProblem, Question, Topic } from '../core/notes/model';
import { compareVersions, inRange, parseVersion, parseVersionRange, selectOutput, type VersionRange } from '../core/notes/pythonVersions';
import { findInterpreters, type PythonInterpreter } from './pythonInterpreters';
import { runJobs, startsProcesses, type RunJob, type RunResult } from './runExamples';
import { allQuestions } from '../core/notes/model';
import { scratchCode } from '../core/notes/extractExamples';
import { resolveNoteLink } from '../core/notes/noteLinks';
import { markdownEngine } from '../core/markdown/markdownEngine';
import { outputLines } from '../core/practice/outputCompare';

export interface ExampleReport {
  problems: NoteProblem[];
  /** Runnable examples (each counted once). */
  examplesRun: number;
  /** Runnable examples that passed on every interpreter and start method. */
  examplesPassed: number;
  examplesCompiled: number;
  /** Example × interpreter × start method executions. */
  executions: number;
  interpreters: PythonInterpreter[];
  /** Start methods used beyond each interpreter's default. */
  startMethods: string[];
  /** Question id → verification per runnable example (undefined where nothing passed). */
  verification: Map<string, (ExampleVerification | undefined)[]>;
  /** Slowest executions, for tuning the notes. */
  slowest: { file: string; line: number; python: string; startMethod?: string; ms: number }[];
}

export interface CheckOptions {
  /** Interpreters to use; found on this machine when absent. */
  interpreters?: PythonInterpreter[];
  timeoutMs?: number;
  /** How many examples run at once. */
  parallel?: number;
  /** Skip executing examples (structure and compile checks only). */
  skipRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Extra start methods a process-starting example runs under, when the platform has them. */
const EXTRA_START_METHODS = ['spawn', 'forkserver'];

export function defaultParallelism(): number {
  return Math.max(2, Math.min(8, availableParallelism() * 2));
}

/** Structural checks: duplicate ids and titles, empty answers, links to unknown questions or files. */
/** `root`: links must stay inside it (default: each note's own folder tree is not limited). */
export function checkStructure(topics: readonly Topic[], root?: string): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const questions = allQuestions(topics);
  const byId = new Map<string, Question>();
  const byTitle = new Map<string, Question>();
  for (const q of questions) {
    const at = { file: q.location.file, line: q.location.line };
    const sameId = byId.get(q.id);
    if (sameId) problems.push({ ...at, severity: 'error', message: `duplicate id "${q.id}" (also in ${sameId.location.file}:${sameId.location.line})` });
    else byId.set(q.id, q);
    const sameTitle = byTitle.get(q.title);
    if (sameTitle) problems.push({ ...at, severity: 'error', message: `duplicate title "${q.title}" (also in ${sameTitle.location.file}:${sameTitle.location.line})` });
    else byTitle.set(q.title, q);
    if (!q.markdown.trim()) problems.push({ ...at, severity: 'error', message: `"${q.title}" has an empty answer` });
  }
  for (const q of questions) problems.push(...checkLinks(q, byId, root));
  return problems;
}

function checkLinks(q: Question, byId: Map<string, Question>, root = '/'): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const tokens = markdownEngine().parse(q.markdown, {});
  const bodyStart = q.location.bodyLine - 1;
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const line = bodyStart + (block.map?.[0] ?? 0) + 1;
    for (const t of block.children) {
      if (t.type !== 'link_open') continue;
      const href = String(t.attrGet('href') ?? '');
      if (href.startsWith('q:')) {
        if (!byId.has(href.slice(2))) problems.push({ file: q.location.file, line, severity: 'error', message: `link to unknown question "${href.slice(2)}"` });
      } else if (!/^([a-z][a-z0-9+.-]*:|#)/i.test(href) && href) {
        const target = resolveNoteLink(href, dirname(q.location.file), resolve(root));
        if (!target.ok) problems.push({ file: q.location.file, line, severity: 'error', message: target.message });
        else if (href.split('#')[0] && !existsSync(target.path)) problems.push({ file: q.location.file, line, severity: 'error', message: `broken link "${href}"` });
      }
    }
  }
  return problems;
}

/**
 * Emphasis markers that reached the rendered text (e.g. `**截断（clamp）**到` under
 * plain CommonMark) mean the reader sees asterisks. Code is exempt: `**kwargs` is fine there.
 */
export function literalEmphasisProblems(q: Question, html: string): NoteProblem[] {
  const text = html
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^<>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const problems: NoteProblem[] = [];
  const lines = q.markdown.split('\n');
  for (let at = text.indexOf('**'); at >= 0 && problems.length < 20; at = text.indexOf('**', at + 2)) {
    const snippet = text.slice(Math.max(0, at - 12), at + 14).replace(/\s+/g, ' ');
    const before = text.slice(Math.max(0, at - 6), at).trim();
    const found = before ? lines.findIndex((l) => l.includes(before)) : -1;
    const line = found >= 0 ? q.location.bodyLine + found : q.location.line;
    problems.push({ file: q.location.file, line, severity: 'error', message: `literal ** in the rendered answer: "${snippet}"` });
  }
  return problems;
}

/** Normalises program output for comparison: trailing spaces and final newlines don't matter. */
export function normaliseOutput(text: string): string {
  return outputLines(text).join('\n');
}

/**
 * Runs every runnable example as a file under every interpreter (and under spawn
 * and forkserver when it starts processes), comparing stdout with the output
 * block for that version; compiles every shown-only example under each one.
 */
export async function checkExamples(topics: readonly Topic[], options: CheckOptions = {}): Promise<ExampleReport> {
  const interpreters = options.interpreters ?? findInterpreters();
  const problems: NoteProblem[] = [];
  const runnable: { q: Question; ex: CodeExample; index: number }[] = [];
  const compileOnly: { q: Question; ex: CodeExample }[] = [];
  for (const q of allQuestions(topics)) {
    // Python 2 code cannot compile under Python 3; a REPL transcript compiles without its prompts.
    let index = 0;
    for (const ex of q.examples) {
      if (ex.runnable) {
        const at = index++;
        if (ex.kind !== 'python2') runnable.push({ q, ex, index: at });
      } else if (ex.kind !== 'python2') compileOnly.push({ q, ex });
    }
  }
  const verification = new Map<string, (ExampleVerification | undefined)[]>();
  for (const { q } of runnable) if (!verification.has(q.id)) verification.set(q.id, []);
  const report: ExampleReport = {
    problems,
    examplesRun: options.skipRun ? 0 : runnable.length,
    examplesPassed: 0,
    examplesCompiled: compileOnly.length,
    executions: 0,
    interpreters,
    startMethods: [],
    verification,
    slowest: [],
  };
  if (interpreters.length === 0) {
    problems.push({ file: '(notes)', line: 0, severity: 'error', message: 'no CPython 3.10+ found (looked for python3, python3.X on PATH and ~/.pyenv/versions)' });
    return report;
  }
  for (const py of interpreters) problems.push(...compileExamples(py, compileOnly.filter(({ ex }) => inRange(py.version, rangeOf(ex)))));
  if (options.skipRun) return report;

  const jobs: RunJob[] = [];
  const extra = new Set<string>();
  runnable.forEach(({ ex }, i) => {
    for (const py of interpreters) {
      if (!inRange(py.version, rangeOf(ex))) continue;
      jobs.push({ example: i, code: ex.code, python: py });
      if (!startsProcesses(ex.code)) continue;
      for (const m of EXTRA_START_METHODS) {
        if (m !== py.defaultStartMethod && py.startMethods.includes(m)) {
          jobs.push({ example: i, code: ex.code, python: py, startMethod: m });
          extra.add(m);
        }
      }
    }
  });
  report.startMethods = [...extra];
  const results = await runJobs(jobs, { parallel: options.parallel ?? defaultParallelism(), timeoutMs: options.timeoutMs ?? 60000, onDone: options.onProgress });
  report.executions = results.length;

  const failed = new Set<number>();
  const passedOn = runnable.map(() => ({ python: new Set<string>(), methods: new Set<string>(), failedOn: new Set<string>() }));
  for (const r of results) {
    const { q, ex } = runnable[r.job.example];
    const where = `CPython ${r.job.python.label}${r.job.startMethod ? `, start method ${r.job.startMethod}` : ''}`;
    const problem = judge(r, ex, where);
    const p = passedOn[r.job.example];
    if (problem) {
      failed.add(r.job.example);
      p.failedOn.add(r.job.python.label);
      problems.push({ file: q.location.file, line: ex.line, severity: 'error', message: problem });
    } else {
      p.python.add(r.job.python.label);
      if (startsProcesses(ex.code)) p.methods.add(r.job.startMethod ?? r.job.python.defaultStartMethod);
    }
  }
  runnable.forEach(({ q, ex, index }, i) => {
    if (!failed.has(i)) report.examplesPassed++;
    const p = passedOn[i];
    // A version counts only when every start method passed on it.
    const python = [...p.python].filter((v) => !p.failedOn.has(v)).sort(compareLabels);
    const list = verification.get(q.id) ?? [];
    list[index] = python.length ? { python, ...(startsProcesses(ex.code) ? { startMethods: sortMethods([...p.methods]) } : {}) } : undefined;
    verification.set(q.id, list);
  });
  report.slowest = [...results]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8)
    .map((r) => {
      const { q, ex } = runnable[r.job.example];
      return { file: q.location.file, line: ex.line, python: r.job.python.label, startMethod: r.job.startMethod, ms: r.ms };
    });
  return report;
}

function rangeOf(ex: CodeExample): VersionRange | undefined {
  return ex.pythons ? parseVersionRange(ex.pythons) : undefined;
}

function compareLabels(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  return pa && pb ? compareVersions(pa, pb) || a.localeCompare(b) : a.localeCompare(b);
}

function sortMethods(methods: string[]): string[] {
  const order = ['fork', 'spawn', 'forkserver'];
  return methods.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** What went wrong with one execution, or undefined when it matched the note. */
function judge(r: RunResult, ex: CodeExample, where: string): string | undefined {
  if (r.error) return `example could not run on ${where}: ${r.error}`;
  if (r.timedOut) return `example timed out on ${where}`;
  if (r.status !== 0) {
    const tail = (r.stderr || '').trim().split('\n').slice(-3).join(' | ');
    return `example exited with ${r.status ?? r.signal} on ${where}: ${tail}`;
  }
  const choice = selectOutput(ex.outputs, r.job.python.version);
  if (choice.kind === 'none') return undefined;
  if (choice.kind === 'missing') return `no output block for ${where} (add one marked e.g. \`output py>=${r.job.python.version.join('.')}\`)`;
  if (choice.kind === 'ambiguous') return `several output blocks match ${where}: ${choice.ranges.join(', ')}`;
  const expected = normaliseOutput(choice.output.text);
  const actual = normaliseOutput(r.stdout);
  if (expected === actual) return undefined;
  return `example output on ${where} differs from the note${choice.output.range ? ` (block ${choice.output.range})` : ''}:\n${diffLines(expected, actual)}`;
}

function compileExamples(py: PythonInterpreter, items: { q: Question; ex: CodeExample }[]): NoteProblem[] {
  const python = py.command;
  if (items.length === 0) return [];
  const script = [
    'import json, sys',
    'for i, src in enumerate(json.load(sys.stdin)):',
    '    try:',
    "        compile(src, '<example>', 'exec')",
    '    except SyntaxError as e:',
    "        print(json.dumps([i, e.lineno or 0, e.msg]))",
  ].join('\n');
  const r = spawnSync(python, ['-X', 'utf8', '-c', script], { input: JSON.stringify(items.map((x) => scratchCode(x.ex))), encoding: 'utf8', timeout: 60000 });
  if (r.error || r.status !== 0) {
    return [{ file: '(notes)', line: 0, severity: 'error', message: `could not compile examples with ${python} (CPython ${py.label}): ${r.error?.message ?? r.stderr}` }];
  }
  return r.stdout.split('\n').filter(Boolean).map((line) => {
    const [i, lineno, msg] = JSON.parse(line) as [number, number, string];
    const { q, ex } = items[i];
    return { file: q.location.file, line: ex.line + lineno, severity: 'error' as const, message: `example does not compile on CPython ${py.label}: ${msg}` };
  });
}

function diffLines(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length < 8; i++) {
    if (e[i] !== a[i]) out.push(`    line ${i + 1}: expected ${JSON.stringify(e[i] ?? '')}, got ${JSON.stringify(a[i] ?? '')}`);
  }
  return out.join('\n');
}
