import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileContribution } from './loadNotes';
import type { FileListing } from './noteFiles';
import { overBudget, readerDied, type FromWorker, type ParseJob, type ReaderJob, type ReaderResult, type ToWorker } from './parseJob';

/** How long one file may take to read and parse before it is skipped. */
export const PARSE_BUDGET_MS = 1000;
/** Listing is bounded by interviewNotes.maxFiles; this only stops a file system that hangs. */
const LIST_BUDGET_MS = 60_000;
/** An idle reader thread is stopped after this long (a new one starts on demand). */
const IDLE_MS = 15_000;
/** How long a fresh reader thread may take to load (a busy machine is slow). */
const START_MS = 30_000;
/** A file that builds a huge tree stops the reader rather than the extension host. */
const HEAP_MB = 1024;

export interface ParsePoolOptions {
  /** The bundled reader script (dist/parseWorker.js). */
  workerFile?: string;
  budgetMs?: number;
  idleMs?: number;
  startMs?: number;
  /** Told when a reader thread is replaced (over budget or crashed), with the file it was on. */
  onRestart?: (file: string, why: string) => void;
}

interface Pending {
  seq: number;
  job: ReaderJob;
  budgetMs: number;
  /** The answer when the job ran over its budget or the reader died on it. */
  failed: (why: 'budget' | 'died', detail: string) => ReaderResult;
  signal?: AbortSignal;
  resolve: (c: ReaderResult | undefined) => void;
  onAbort?: () => void;
  posted?: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * The reader script: beside the running bundle (dist/extension.js and
 * dist/cli.js sit beside dist/parseWorker.js); test and bench bundles (out/…)
 * use the built one in the nearest dist/ above them.
 */
export function defaultWorkerFile(): string {
  for (let dir = __dirname, up = 0; up < 4; dir = dirname(dir), up++) {
    for (const candidate of [join(dir, 'parseWorker.js'), join(dir, 'dist', 'parseWorker.js')]) if (existsSync(candidate)) return candidate;
  }
  return join(__dirname, 'parseWorker.js');
}

/**
 * Reads user files in a worker thread, one at a time, each within a time
 * budget. A file over budget (or one that crashes the reader) is answered as
 * skipped with a message naming it, the thread is replaced by a fresh one, and
 * the next file goes on. Results are plain data; `undefined` means cancelled.
 */
export class ParsePool {
  readonly budgetMs: number;
  /** Reader threads started so far. */
  started = 0;
  /** Reader threads replaced because a file ran over its budget or crashed them. */
  restarts = 0;
  private readonly workerFile: string;
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private seq = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly options: ParsePoolOptions = {}) {
    this.workerFile = options.workerFile ?? defaultWorkerFile();
    this.budgetMs = options.budgetMs ?? PARSE_BUDGET_MS;
  }

  /** Files waiting or being read. */
  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  parse(job: ParseJob, signal?: AbortSignal): Promise<FileContribution | undefined> {
    const failed = (why: 'budget' | 'died', detail: string): FileContribution => ({
      file: job.file,
      problems: [why === 'budget' ? overBudget(job.file, this.budgetMs) : readerDied(job.file, detail)],
    });
    return this.run(job, this.budgetMs, failed, signal) as Promise<FileContribution | undefined>;
  }

  /** Lists a source folder in the reader thread (a large tree is seconds of file-system calls). */
  list(root: string, maxFiles: number, signal?: AbortSignal): Promise<FileListing | undefined> {
    const failed = (why: 'budget' | 'died', detail: string): FileListing => ({
      files: [],
      truncated: false,
      problems: [{ file: root, line: 0, severity: 'error', message: why === 'budget' ? `listing the folder took longer than ${LIST_BUDGET_MS / 1000} s; stopped` : `listing the folder stopped the notes reader (${detail})` }],
    });
    return this.run({ kind: 'list', root, maxFiles }, LIST_BUDGET_MS, failed, signal) as Promise<FileListing | undefined>;
  }

  private run(job: ReaderJob, budgetMs: number, failed: Pending['failed'], signal?: AbortSignal): Promise<ReaderResult | undefined> {
    if (this.disposed || signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const p: Pending = { seq: ++this.seq, job, budgetMs, failed, signal, resolve };
      if (signal) {
        p.onAbort = () => this.cancel(p);
        signal.addEventListener('abort', p.onAbort, { once: true });
      }
      this.queue.push(p);
      this.pump();
    });
  }

  /** Stops the reader thread; waiting files resolve as cancelled. */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    for (const p of this.queue.splice(0)) this.settle(p, undefined);
    if (this.current) this.settle(this.current, undefined);
    this.current = undefined;
    await this.stopWorker();
  }

  private pump(): void {
    if (this.current || this.disposed) return;
    const next = this.queue.shift();
    if (!next) {
      this.idle();
      return;
    }
    clearTimeout(this.idleTimer);
    this.current = next;
    this.startWorker().then(
      (worker) => {
        if (this.current !== next) return;
        worker.ref();
        next.posted = true;
        next.timer = setTimeout(() => this.expire(next), next.budgetMs);
        worker.postMessage({ seq: next.seq, job: next.job } satisfies ToWorker);
      },
      (err: Error) => {
        if (this.current === next) this.finish(next, next.failed('died', `it did not start: ${err.message}`));
      },
    );
  }

  private startWorker(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: false, stderr: false });
    this.started++;
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      const startTimer = setTimeout(() => {
        reject(new Error(`no answer within ${(this.options.startMs ?? START_MS) / 1000} s`));
        void this.stopWorker(worker);
      }, this.options.startMs ?? START_MS);
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          clearTimeout(startTimer);
          resolve(worker);
        } else if (worker === this.worker && this.current?.posted && this.current.seq === msg.seq) {
          this.finish(this.current, msg.result);
        }
      });
      const died = (why: string) => {
        clearTimeout(startTimer);
        reject(new Error(why));
        if (worker !== this.worker) return;
        this.worker = undefined;
        this.ready = undefined;
        const p = this.current;
        if (p?.posted) {
          this.restarts++;
          this.options.onRestart?.(nameOf(p.job), why);
          this.finish(p, p.failed('died', why));
        }
      };
      worker.on('error', (err) => died(err.message));
      worker.on('exit', (code) => died(`exit code ${code}`));
    });
    // A start failure is answered through the job that waited for it.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private expire(p: Pending): void {
    if (this.current !== p) return;
    this.restarts++;
    this.options.onRestart?.(nameOf(p.job), 'over budget');
    void this.stopWorker();
    this.finish(p, p.failed('budget', ''));
  }

  private cancel(p: Pending): void {
    const queued = this.queue.indexOf(p);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(p, undefined);
    } else if (this.current === p) {
      // The file being read is abandoned with its thread, so cancel takes effect now.
      void this.stopWorker();
      this.finish(p, undefined);
    }
  }

  private finish(p: Pending, result: ReaderResult | undefined): void {
    if (this.current === p) this.current = undefined;
    this.settle(p, result);
    this.pump();
  }

  private settle(p: Pending, result: ReaderResult | undefined): void {
    clearTimeout(p.timer);
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    p.resolve(result);
  }

  private idle(): void {
    this.worker?.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stopWorker(), this.options.idleMs ?? IDLE_MS);
    this.idleTimer.unref();
  }

  private async stopWorker(which = this.worker): Promise<void> {
    if (!which) return;
    if (which === this.worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
    await which.terminate().catch(() => undefined);
  }
}

const nameOf = (job: ReaderJob) => (job.kind === 'list' ? job.root : job.file);

/**
 * Reads `jobs` through the pool (the pool keeps them in order); `onResult` sees
 * each file as it finishes. Cancelled files are left out of the result.
 */
export async function parseAllInPool(
  pool: ParsePool,
  jobs: readonly ParseJob[],
  options: { signal?: AbortSignal; onResult?: (c: FileContribution, index: number) => void } = {},
): Promise<FileContribution[]> {
  const results = await Promise.all(
    jobs.map((job, i) =>
      pool.parse(job, options.signal).then((c) => {
        if (c) options.onResult?.(c, i);
        return c;
      }),
    ),
  );
  return results.filter((c): c is FileContribution => c !== undefined);
}
