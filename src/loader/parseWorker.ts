// The notes reader: a worker thread that lists a source folder and reads and
// parses one user file at a time, so a slow or hostile file never blocks the extension host (or the
// CLI). The pool (parsePool.ts) gives each file a time budget and replaces
// this thread when a file runs over.
import { parentPort } from 'node:worker_threads';
import { runReaderJob, type FromWorker, type ToWorker } from './parseJob';

const port = parentPort;
if (port) {
  port.on('message', ({ seq, job }: ToWorker) => {
    const reply: FromWorker = { type: 'done', seq, result: runReaderJob(job) };
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
