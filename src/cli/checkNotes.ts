import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CodeExample, NoteProblem, Question, Topic } from '../core/notes/model';
import { allQuestions } from '../core/notes/model';
import { scratchCode } from '../core/notes/extractExamples';
import { markdownEngine } from '../core/markdown/markdownEngine';
import { outputLines } from '../core/practice/outputCompare';

export interface CheckReport {
  problems: NoteProblem[];
  questions: number;
  examplesRun: number;
  examplesPassed: number;
  examplesCompiled: number;
}

export interface CheckOptions {
  python?: string;
  timeoutMs?: number;
  /** Skip executing examples (structure checks only). */
  skipRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Structural checks: duplicate ids and titles, empty answers, links to unknown questions or files. */
export function checkStructure(topics: readonly Topic[]): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const questions = allQuestions(topics);
  const byId = new Map<string, Question>();
  const byTitle = new Map<string, Question>();
  for (const q of questions) {
    const at = { file: q.source.file, line: q.source.line };
    const sameId = byId.get(q.id);
    if (sameId) problems.push({ ...at, severity: 'error', message: `duplicate id "${q.id}" (also in ${sameId.source.file}:${sameId.source.line})` });
    else byId.set(q.id, q);
    const sameTitle = byTitle.get(q.title);
    if (sameTitle) problems.push({ ...at, severity: 'error', message: `duplicate title "${q.title}" (also in ${sameTitle.source.file}:${sameTitle.source.line})` });
    else byTitle.set(q.title, q);
    if (!q.markdown.trim()) problems.push({ ...at, severity: 'error', message: `"${q.title}" has an empty answer` });
  }
  for (const q of questions) problems.push(...checkLinks(q, byId));
  return problems;
}

function checkLinks(q: Question, byId: Map<string, Question>): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const tokens = markdownEngine().parse(q.markdown, {});
  const bodyStart = q.source.bodyLine - 1;
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const line = bodyStart + (block.map?.[0] ?? 0) + 1;
    for (const t of block.children) {
      if (t.type !== 'link_open') continue;
      const href = String(t.attrGet('href') ?? '');
      if (href.startsWith('q:')) {
        if (!byId.has(href.slice(2))) problems.push({ file: q.source.file, line, severity: 'error', message: `link to unknown question "${href.slice(2)}"` });
      } else if (!/^([a-z][a-z0-9+.-]*:|#)/i.test(href) && href) {
        const target = resolve(dirname(q.source.file), decodeURIComponent(href.split('#')[0]));
        if (href.split('#')[0] && !existsSync(target)) problems.push({ file: q.source.file, line, severity: 'error', message: `broken link "${href}"` });
      }
    }
  }
  return problems;
}

/** Normalises program output for comparison: trailing spaces and final newlines don't matter. */
export function normaliseOutput(text: string): string {
  return outputLines(text).join('\n');
}

/** Runs every runnable example and compiles every shown-only one. */
export function checkExamples(topics: readonly Topic[], options: CheckOptions = {}): Omit<CheckReport, 'questions'> {
  const python = options.python ?? 'python3';
  const problems: NoteProblem[] = [];
  const runnable: { q: Question; ex: CodeExample }[] = [];
  const compileOnly: { q: Question; ex: CodeExample }[] = [];
  for (const q of allQuestions(topics)) {
    // Python 2 code cannot compile under Python 3; a REPL transcript compiles without its prompts.
    for (const ex of q.examples) if (ex.kind !== 'python2') (ex.runnable ? runnable : compileOnly).push({ q, ex });
  }
  let passed = 0;
  if (!options.skipRun) {
    runnable.forEach(({ q, ex }, i) => {
      options.onProgress?.(i, runnable.length);
      const r = spawnSync(python, ['-X', 'utf8', '-'], {
        input: ex.code,
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 15000,
        env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      });
      const at = { file: q.source.file, line: ex.line };
      if (r.error) {
        problems.push({ ...at, severity: 'error', message: `example could not run: ${r.error.message}` });
      } else if (r.status !== 0) {
        const tail = (r.stderr || '').trim().split('\n').slice(-3).join(' | ');
        problems.push({ ...at, severity: 'error', message: `example exited with ${r.status ?? r.signal}: ${tail}` });
      } else if (ex.expectedOutput !== undefined && normaliseOutput(r.stdout) !== normaliseOutput(ex.expectedOutput)) {
        problems.push({ ...at, severity: 'error', message: `example output differs from the note:\n${diffLines(normaliseOutput(ex.expectedOutput), normaliseOutput(r.stdout))}` });
      } else {
        passed++;
      }
    });
  }
  problems.push(...compileExamples(python, compileOnly));
  return { problems, examplesRun: options.skipRun ? 0 : runnable.length, examplesPassed: passed, examplesCompiled: compileOnly.length };
}

function compileExamples(python: string, items: { q: Question; ex: CodeExample }[]): NoteProblem[] {
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
    return [{ file: '(notes)', line: 0, severity: 'error', message: `could not compile examples with ${python}: ${r.error?.message ?? r.stderr}` }];
  }
  return r.stdout.split('\n').filter(Boolean).map((line) => {
    const [i, lineno, msg] = JSON.parse(line) as [number, number, string];
    const { q, ex } = items[i];
    return { file: q.source.file, line: ex.line + lineno, severity: 'error' as const, message: `example does not compile: ${msg}` };
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
