import * as vscode from 'vscode';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NoteProblem, Topic } from '../core/notes/model';
import { countQuestions } from '../core/notes/model';
import { assembleRoot, isNoteFile, listNoteFiles, parseFileContribution, type FileContribution } from '../loader/loadNotes';
import { realRootOf, refusedSource } from '../loader/noteFiles';
import { Disposable } from '../util/disposable';
import type { NotesConfig, ResolvedSource } from './config';

export type SourceStatus = 'indexing' | 'ready' | 'missing' | 'refused' | 'cancelled';

const CHUNK = 40;
/** Above this many files indexing shows a cancellable notification. */
const NOTIFY_ABOVE = 300;
const PARTIAL_EVERY = 400;

/**
 * One user notes folder or file. Indexes in the background in chunks (the tree
 * stays usable and fills in as it goes), then keeps each file's parse cached so
 * a change re-parses only that file.
 */
export class UserNotesSource extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  readonly title: string;
  status: SourceStatus = 'indexing';
  /** The source's content; the tree shows its topics and questions under the source node. */
  root: Topic = { id: '', title: '', order: 0, questions: [], topics: [] };
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

  constructor(
    readonly resolved: ResolvedSource,
    readonly trusted: boolean,
    private readonly limits: Pick<NotesConfig, 'maxFileBytes' | 'maxFiles'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({
      dispose: () => {
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
    return countQuestions(this.root);
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
      const listing = listNoteFiles(this.path, { maxFiles: this.limits.maxFiles });
      files = listing.files;
      this.listProblems.push(...listing.problems);
      if (listing.truncated) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Only the first {0} note files of {1} are shown (setting interviewNotes.maxFiles).', files.length, this.title),
        );
      }
    }
    this.total = files.length;
    this.changed.fire();
    const work = (token: vscode.CancellationToken, report?: (n: number) => void) => this.parseAll(files, token, report);
    const token = this.cancel.token;
    if (files.length > NOTIFY_ABOVE) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing notes in {0}', this.title), cancellable: true },
        (progress, userToken) => {
          this._register(userToken.onCancellationRequested(() => this.cancel.cancel()));
          return work(token, (n) => progress.report({ increment: (100 * n) / files.length, message: `${this.indexed}/${files.length}` }));
        },
      );
    } else {
      await work(token);
    }
    this.indexMs = Date.now() - started;
    this.status = token.isCancellationRequested ? 'cancelled' : 'ready';
    this.assemble();
    this.log.info(`indexed ${this.indexed} files (${this.questionCount} questions) from ${this.path} in ${this.indexMs} ms${this.status === 'cancelled' ? ' — cancelled' : ''}`);
    for (const p of this.problems) this.log.warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    this.changed.fire();
    if (!token.isCancellationRequested) this.watch();
  }

  private async parseAll(files: string[], token: vscode.CancellationToken, report?: (n: number) => void): Promise<void> {
    for (let i = 0; i < files.length; i += CHUNK) {
      if (token.isCancellationRequested) return;
      const chunk = files.slice(i, i + CHUNK);
      for (const f of chunk) this.contributions.set(f, parseFileContribution(f, this.idBase(), this.limits.maxFileBytes, this.resolved.parse, this.isFile ? undefined : this.rootReal));
      this.indexed += chunk.length;
      report?.(chunk.length);
      if (this.indexed % PARTIAL_EVERY < CHUNK && this.indexed < files.length) {
        this.assemble();
        this.changed.fire();
      }
      // Yield so the extension host (tree, commands) stays responsive.
      await new Promise((r) => setImmediate(r));
    }
  }

  private idBase(): string {
    return dirname(this.isFile ? dirname(this.path) : this.path);
  }

  private assemble(): void {
    if (this.isFile) {
      const c = this.contributions.get(this.path);
      const empty: Topic = { id: this.path, title: this.title, order: 0, questions: [], topics: [] };
      this.root = c?.group ?? (c?.question ? { ...empty, questions: [c.question] } : empty);
      return;
    }
    this.root = assembleRoot(this.path, this.contributions.values(), this.idBase());
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
    this.flushTimer = setTimeout(() => this.flush(), 150);
  }

  /** Re-parses only the files that changed. */
  private flush(): void {
    const files = [...this.pending];
    this.pending.clear();
    for (const f of files) {
      let exists = false;
      try {
        exists = statSync(f).isFile();
      } catch {}
      if (exists) this.contributions.set(f, parseFileContribution(f, this.idBase(), this.limits.maxFileBytes, this.resolved.parse, this.isFile ? undefined : this.rootReal));
      else this.contributions.delete(f);
    }
    if (files.length) {
      this.log.info(`re-parsed ${files.length} changed file(s) in ${this.title}`);
      this.assemble();
      this.changed.fire();
    }
  }
}
