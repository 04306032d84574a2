// notes/.verified.json: where the notes check verified each runnable example.
// Written by `check --record`, validated by every `check`, read by the build
// (which never runs Python) to show "✓ CPython 3.10–3.13" on the example.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CodeExample, ExampleVerification, NoteProblem, Question, Topic } from '../core/notes/model';
import { allQuestions } from '../core/notes/model';

export const RECORD_FILE = '.verified.json';

export interface RecordEntry extends ExampleVerification {
  /** Hash of the example's code, outputs and range: a changed example needs a new record. */
  sha: string;
}

export interface VerifiedRecord {
  format: 'python-interview-notes/verified';
  version: 1;
  /** Question id → one entry per runnable example, in document order. */
  questions: Record<string, RecordEntry[]>;
}

export function exampleHash(ex: CodeExample): string {
  const outputs = ex.outputs ?? (ex.expectedOutput !== undefined ? [{ text: ex.expectedOutput }] : []);
  return createHash('sha256').update(JSON.stringify([ex.code, outputs, ex.pythons ?? ''])).digest('hex').slice(0, 16);
}

export function runnableExamples(q: Question): CodeExample[] {
  return q.examples.filter((e) => e.runnable);
}

export function readRecord(file: string): VerifiedRecord | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<VerifiedRecord>;
  if (data.format !== 'python-interview-notes/verified' || data.version !== 1 || typeof data.questions !== 'object' || !data.questions) {
    throw new Error(`${file} is not a verification record`);
  }
  return data as VerifiedRecord;
}

export function writeRecord(file: string, record: VerifiedRecord): void {
  const sorted: Record<string, RecordEntry[]> = {};
  for (const id of Object.keys(record.questions).sort()) sorted[id] = record.questions[id];
  writeFileSync(file, JSON.stringify({ ...record, questions: sorted }, null, 1) + '\n');
}

/** Marks each example whose record entry still matches it; stale entries are ignored. */
export function applyRecord(topics: readonly Topic[], record: VerifiedRecord | undefined): number {
  if (!record) return 0;
  let applied = 0;
  for (const q of allQuestions(topics)) {
    const entries = record.questions[q.id] ?? [];
    runnableExamples(q).forEach((ex, i) => {
      const entry = entries[i];
      if (entry && entry.sha === exampleHash(ex) && entry.python.length) {
        ex.verified = { python: [...entry.python], ...(entry.startMethods?.length ? { startMethods: [...entry.startMethods] } : {}) };
        applied++;
      }
    });
  }
  return applied;
}

/** A stale record (examples changed, added or removed since `--record`) is an error. */
export function staleRecordProblems(topics: readonly Topic[], record: VerifiedRecord | undefined, recordPath: string): NoteProblem[] {
  const hint = 'run `node dist/cli.js check notes --record` and commit notes/.verified.json';
  if (!record) return [{ file: recordPath, line: 0, severity: 'error', message: `verification record missing; ${hint}` }];
  const problems: NoteProblem[] = [];
  const ids = new Set<string>();
  for (const q of allQuestions(topics)) {
    const runnable = runnableExamples(q);
    if (!runnable.length) continue;
    ids.add(q.id);
    const entries = record.questions[q.id] ?? [];
    runnable.forEach((ex, i) => {
      if (entries[i]?.sha !== exampleHash(ex)) {
        problems.push({ file: q.location.file, line: ex.line, severity: 'error', message: `example changed since it was last verified; ${hint}` });
      }
    });
    if (entries.length > runnable.length) {
      problems.push({ file: q.location.file, line: q.location.line, severity: 'error', message: `verification record lists ${entries.length} examples, the note has ${runnable.length}; ${hint}` });
    }
  }
  for (const id of Object.keys(record.questions)) {
    if (!ids.has(id)) problems.push({ file: recordPath, line: 0, severity: 'error', message: `verification record has unknown question "${id}"; ${hint}` });
  }
  return problems;
}
