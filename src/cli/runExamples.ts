// Runs runnable examples as real files (so child processes can import __main__)
// under every interpreter, and process-starting ones under each start method.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PythonInterpreter } from './pythonInterpreters';

/** Examples that start processes are also run under spawn and forkserver. */
export function startsProcesses(code: string): boolean {
  // An example that picks its own start method already says how it must run.
  return /\b(multiprocessing|ProcessPoolExecutor)\b/.test(code) && !/\bset_start_method\s*\(/.test(code);
}

/**
 * `python -c WRAPPER <method> <file>`: sets the start method, then runs the file
 * as `__main__` with its real path, so spawn/forkserver children re-import it.
 */
export const START_METHOD_WRAPPER = [
  'import multiprocessing, os, runpy, sys',
  'method, path = sys.argv[1], sys.argv[2]',
  'multiprocessing.set_start_method(method)',
  'sys.argv = [path]',
  'sys.path[0] = os.path.dirname(path)',
  "runpy.run_path(path, run_name='__main__')",
].join('\n');

export interface RunJob {
  /** Index into the caller's example list. */
  example: number;
  code: string;
  python: PythonInterpreter;
  /** undefined = the interpreter's default start method. */
  startMethod?: string;
}

export interface RunResult {
  job: RunJob;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: string;
  timedOut: boolean;
  ms: number;
}

const OUTPUT_CAP = 1 << 20;

function runOne(job: RunJob, dir: string, timeoutMs: number): Promise<RunResult> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'example.py');
  writeFileSync(file, job.code);
  const args = job.startMethod ? ['-X', 'utf8', '-c', START_METHOD_WRAPPER, job.startMethod, file] : ['-X', 'utf8', file];
  const started = Date.now();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(job.python.command, args, {
      cwd: dir,
      env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group, so an example's own children go too.
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < OUTPUT_CAP) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < OUTPUT_CAP) stderr += d;
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ job, status: null, signal: null, stdout, stderr, error: err.message, timedOut, ms: Date.now() - started });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ job, status, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** Runs jobs with at most `parallel` at a time; each gets its own working directory. */
export async function runJobs(
  jobs: readonly RunJob[],
  options: { parallel: number; timeoutMs: number; onDone?: (done: number, total: number) => void },
): Promise<RunResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'notes-check-'));
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runOne(jobs[i], join(root, String(i)), options.timeoutMs);
      options.onDone?.(++done, jobs.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, jobs.length)) }, worker));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}
