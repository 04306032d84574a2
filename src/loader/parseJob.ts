import type { NoteProblem } from '../core/notes/model';
import { parseNoteFile, type ParseOptions } from '../core/notes/parseNoteFile';
import { parseFileContribution, type FileContribution } from './loadNotes';
import { listNoteFiles, type FileListing } from './noteFiles';

// What the notes reader (parseWorker.ts) is asked to do and answers: plain data
// only, so it crosses the thread boundary by structured clone.

/** Read one file (with the byte cap and root confinement of readNoteFile) and parse it. */
export interface FileJob {
  kind: 'file';
  file: string;
  idBase: string;
  maxBytes: number;
  parse: ParseOptions;
  /** Real path the file must resolve inside (undefined for a single-file source). */
  rootReal?: string;
}

/** Parse text the host already holds (an open editor's unsaved text), nothing read. */
export interface TextJob {
  kind: 'text';
  /** Named in problems and in the result. */
  file: string;
  text: string;
  fileId: string;
  dirId: string;
  parse: ParseOptions;
}

export type ParseJob = FileJob | TextJob;

/** List a source folder's note files (bounded, no folder symlinks: see listNoteFiles). */
export interface ListJob {
  kind: 'list';
  root: string;
  maxFiles: number;
}

export type ReaderJob = ParseJob | ListJob;
export type ReaderResult = FileContribution | FileListing;

export type ToWorker = { seq: number; job: ReaderJob };
export type FromWorker = { type: 'ready' } | { type: 'done'; seq: number; result: ReaderResult };

const skipped = (file: string, message: string): NoteProblem => ({ file, line: 0, severity: 'warning', message: `skipped: ${message}` });

/** Runs what the reader thread is asked; never throws. */
export function runReaderJob(job: ReaderJob): ReaderResult {
  if (job.kind !== 'list') return runParseJob(job);
  try {
    return listNoteFiles(job.root, { maxFiles: job.maxFiles });
  } catch (err) {
    return { files: [], truncated: false, problems: [{ file: job.root, line: 0, severity: 'error', message: `cannot list the folder: ${(err as Error).message}` }] };
  }
}

/** Runs one parse job; never throws (a parser failure becomes a skipped file naming the error). */
export function runParseJob(job: ParseJob): FileContribution {
  try {
    if (job.kind === 'file') return parseFileContribution(job.file, job.idBase, job.maxBytes, job.parse, job.rootReal);
    const parsed = parseNoteFile(job.text, job.fileId, job.dirId, job.parse);
    return { file: job.file, question: parsed.question, group: parsed.group, topicMeta: parsed.topicMeta, problems: parsed.problems.map((p) => ({ ...p, file: job.file })), skipped: parsed.skipped, reading: parsed.reading };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { file: job.file, problems: [skipped(job.file, `the notes reader failed on this file (${message.slice(0, 200)})`)] };
  }
}

/** The problem a file gets when reading it took longer than its budget. */
export function overBudget(file: string, budgetMs: number): NoteProblem {
  return skipped(file, `took longer than ${formatSeconds(budgetMs)} to read`);
}

/** The problem a file gets when the reader thread died on it (out of memory, crash). */
export function readerDied(file: string, why: string): NoteProblem {
  return skipped(file, `the notes reader stopped on this file (${why.slice(0, 200)})`);
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
