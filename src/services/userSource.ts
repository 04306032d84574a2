import * as vscode from 'vscode';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NoteProblem, Topic } from '../core/notes/model';
import { countQuestions } from '../core/notes/model';
import { assembleRoot, isNoteFile, type FileContribution } from '../loader/loadNotes';
import type { FileJob } from '../loader/parseJob';
import type { ParsePool } from '../loader/parsePool';
import { realRootOf, refusedSource } from '../loader/noteFiles';
import { Disposable } from '../util/disposable';
import type { NotesConfig, ResolvedSource } from './config';

const formatProblem = (p: NoteProblem) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

export type SourceStatus = 'indexing' | 'ready' | 'missing' | 'refused' | 'cancelled';

/** Above this many files indexing shows a cancellable notification at once… */
const NOTIFY_ABOVE = 300;
/** …and any indexing still running after this long shows it too. */
const NOTIFY_AFTER_MS = 1000;
/** The tree is refreshed with what has been read at most this often while indexing. */
const REFRESH_EVERY_MS = 250;

/**
 * One user notes folder or file. Its files are read and parsed by the notes
 * reader thread (parsePool.ts), one at a time, each within a time budget; the
 * tree fills in as they finish. Each file's parse is kept so a change re-parses
 * only that file.
 */
export class UserNotesSource extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  readonly title: string;
  status: SourceStatus = 'indexing';
  /** The source's content; the tree shows its topics and questions under the source node. */
  content: Topic = { id: '', title: '', order: 0, questions: [], topics: [] };
  indexed = 0;
  total = 0;
  indexMs = 0;
  /** Why the source is not indexed at all (status 'refused'). */
  refusal: string | undefined;
  private readonly listProblems: NoteProblem[] = [];
  /** The real path every file must resolve inside. */
  private rootReal: string | undefined;
  private readonly contributions = new Map<string, FileContribution>();
  private isFile = false;
  private pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly cancel = this._register(new vscode.CancellationTokenSource());
  /** Stops the reader's work for this source (cancel, dispose). */
  private readonly abort = new AbortController();

  constructor(
    readonly resolved: ResolvedSource,
    readonly trusted: boolean,
    private readonly limits: Pick<NotesConfig, 'maxFileBytes' | 'maxFiles'>,
    private readonly log: vscode.LogOutputChannel,
    private readonly pool: ParsePool,
  ) {
    super();
    this._register(this.cancel.token.onCancellationRequested(() => this.abort.abort()));
    this._register({
      dispose: () => {
        this.abort.abort();
        this.cancel.cancel();
        clearTimeout(this.flushTimer);
      },
    });
    this.title = resolved.path.split(/[\\/]/).filter(Boolean).pop() ?? resolved.path;
  }

  get path(): string {
    return this.resolved.path;
  }

  /** The folder relative images and links resolve from. */
  get rootDir(): string {
    return this.isFile ? dirname(this.path) : this.path;
  }

  get problems(): NoteProblem[] {
    return [...this.listProblems, ...[...this.contributions.values()].flatMap((c) => c.problems)];
  }

  get skipped(): number {
    const skippedFiles = [...this.contributions.values()].filter((c) => c.problems.some((p) => p.message.startsWith('skipped'))).length;
    return skippedFiles + this.listProblems.filter((p) => p.message.startsWith('skipped')).length;
  }

  get questionCount(): number {
    return countQuestions(this.content);
  }

  async index(): Promise<void> {
    const started = Date.now();
    let files: string[];
    try {
      this.isFile = statSync(this.path).isFile();
    } catch {
      this.status = 'missing';
      this.log.error(`notes source not found: ${this.path} (setting "${this.resolved.setting}")`);
      this.changed.fire();
      return;
    }
    this.rootReal = realRootOf(this.path, this.isFile);
    this.refusal = !this.isFile && this.rootReal ? refusedSource(this.rootReal) : undefined;
    if (this.refusal) {
      this.status = 'refused';
      this.log.error(`${this.refusal} (setting "${this.resolved.setting}")`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Notes source refused: {0} is a file-system root or your home folder, which would index everything in it. Choose the folder that holds your notes.', this.path));
      this.changed.fire();
      return;
    }
    this.status = 'indexing';
    this.changed.fire();
    if (this.isFile) {
      files = [this.path];
    } else {
      // Listed in the reader thread too: a large tree is seconds of file-system calls.
      const listing = (await this.pool.list(this.path, this.limits.maxFiles, this.abort.signal)) ?? { files: [], problems: [], truncated: false };
      files = listing.files;
      this.listProblems.push(...listing.problems);
      if (listing.truncated) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Only the first {0} note files of {1} are shown (setting interviewNotes.maxFiles).', files.length, this.title),
        );
      }
    }
    this.total = files.length;
    for (const p of this.listProblems) this.log.warn(formatProblem(p));
    this.changed.fire();
    const token = this.cancel.token;
    let progress: ((n: number) => void) | undefined;
    const done = this.parseAll(files, (n) => progress?.(n));
    const notify = () => {
      if (this.status !== 'indexing' || token.isCancellationRequested) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing notes in {0}', this.title), cancellable: true },
        (p, userToken) => {
          this._register(userToken.onCancellationRequested(() => this.cancel.cancel()));
          p.report({ increment: (100 * this.indexed) / files.length, message: `${this.indexed}/${files.length}` });
          progress = (n) => p.report({ increment: (100 * n) / files.length, message: `${this.indexed}/${files.length}` });
          return done;
        },
      );
    };
    const notifyTimer = setTimeout(notify, files.length > NOTIFY_ABOVE ? 0 : NOTIFY_AFTER_MS);
    await done;
    clearTimeout(notifyTimer);
    this.indexMs = Date.now() - started;
    this.status = token.isCancellationRequested ? 'cancelled' : 'ready';
    this.assemble();
    this.log.info(
      `indexed ${this.indexed} files (${this.questionCount} questions) from ${this.path} in ${this.indexMs} ms${this.status === 'cancelled' ? ' — cancelled' : ''}; ` +
        `${this.pool.restarts} reader restart(s) so far`,
    );
    this.changed.fire();
    if (!token.isCancellationRequested) this.watch();
  }

  /** Sends every file to the reader; the tree is refreshed in batches as results come in. */
  private async parseAll(files: string[], report: (n: number) => void): Promise<void> {
    let lastRefresh = Date.now();
    let refreshTimer: NodeJS.Timeout | undefined;
    const refresh = () => {
      refreshTimer = undefined;
      lastRefresh = Date.now();
      if (this.status !== 'indexing' || this.abort.signal.aborted) return;
      this.assemble();
      this.changed.fire();
    };
    await Promise.all(
      files.map((file) =>
        this.pool.parse(this.job(file), this.abort.signal).then((c) => {
          if (!c) return;
          this.record(c);
          this.indexed++;
          report(1);
          // Coalesced: one refresh per interval, however many files finish in it.
          if (!refreshTimer && this.indexed < files.length) refreshTimer = setTimeout(refresh, Math.max(0, REFRESH_EVERY_MS - (Date.now() - lastRefresh)));
        }),
      ),
    );
    clearTimeout(refreshTimer);
  }

  private job(file: string): FileJob {
    return { kind: 'file', file, idBase: this.idBase(), maxBytes: this.limits.maxFileBytes, parse: this.resolved.parse, rootReal: this.isFile ? undefined : this.rootReal };
  }

  /** Keeps a file's result and names its problems (a skipped file, a slow one) in the output channel as it arrives. */
  private record(c: FileContribution): void {
    this.contributions.set(c.file, c);
    for (const p of c.problems) this.log.warn(formatProblem(p));
  }

  private idBase(): string {
    return dirname(this.isFile ? dirname(this.path) : this.path);
  }

  private assemble(): void {
    if (this.isFile) {
      const c = this.contributions.get(this.path);
      const empty: Topic = { id: this.path, title: this.title, order: 0, questions: [], topics: [] };
      this.content = c?.group ?? (c?.question ? { ...empty, questions: [c.question] } : empty);
      return;
    }
    this.content = assembleRoot(this.path, this.contributions.values(), this.idBase());
  }

  private watch(): void {
    const uri = vscode.Uri.file(this.rootDir);
    const pattern = this.isFile ? new vscode.RelativePattern(uri, this.path.slice(this.rootDir.length + 1)) : new vscode.RelativePattern(uri, '**/*.{md,markdown,MD}');
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(pattern));
    const touch = (u: vscode.Uri) => this.schedule(u.fsPath);
    this._register(watcher.onDidChange(touch));
    this._register(watcher.onDidCreate(touch));
    this._register(watcher.onDidDelete(touch));
  }

  /** File events come in bursts (save, git checkout); re-parse after they settle. */
  private schedule(file: string): void {
    if (!isNoteFile(file)) return;
    this.pending.add(file);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), 150);
  }

  /** Re-parses only the files that changed. */
  private async flush(): Promise<void> {
    const files = [...this.pending];
    this.pending.clear();
    await Promise.all(
      files.map(async (f) => {
        let exists = false;
        try {
          exists = statSync(f).isFile();
        } catch {}
        if (!exists) {
          this.contributions.delete(f);
          return;
        }
        const c = await this.pool.parse(this.job(f), this.abort.signal);
        if (c) this.record(c);
      }),
    );
    if (files.length && !this.abort.signal.aborted) {
      this.log.info(`re-parsed ${files.length} changed file(s) in ${this.title}`);
      this.assemble();
      this.changed.fire();
    }
  }
}
