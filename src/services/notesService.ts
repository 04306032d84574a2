import * as vscode from 'vscode';
import { dirname, join } from 'node:path';
import type { Question, Topic } from '../core/notes/model';
import { parseNotesIndex } from '../core/notes/notesIndex';
import { SearchIndex } from '../core/search/searchIndex';
import { searchDocsFor } from '../core/search/searchDocs';
import { readConfig, resolveSource } from './config';
import { UserNotesSource } from './userSource';

export interface LoadedQuestion {
  question: Question;
  topic: Topic;
  /** Folder the question's relative paths (images, links) resolve against. */
  baseUri: vscode.Uri;
  /** The Markdown file it came from. */
  fileUri: vscode.Uri;
  /** Whether raw HTML in this note may be rendered. */
  trusted: boolean;
  /** "Topic / Group" titles from the root, for labels. */
  topicPath: string;
  /** Undefined for the bundled notes. */
  source?: UserNotesSource;
}

/**
 * The one owner of the loaded notes (bundled and the user's sources): the tree,
 * the answer panel and the search all read from here and listen to `onDidChange`.
 */
export class NotesService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private bundled: Topic[] = [];
  private sourceList: UserNotesSource[] = [];
  private byId = new Map<string, LoadedQuestion>();
  private order: string[] = [];
  private searchIndex: SearchIndex | undefined;
  private loadError: string | undefined;
  private loaded: Promise<void> | undefined;
  private showBundled = true;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  /** Resolves once the first load finished (a restored panel waits for it). */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  /** (Re)loads the bundled index and (re)starts indexing every configured source. */
  async load(): Promise<void> {
    const started = Date.now();
    try {
      const file = vscode.Uri.joinPath(this.extensionUri, 'dist', 'notes-index.json');
      const bytes = await vscode.workspace.fs.readFile(file);
      this.bundled = parseNotesIndex(new TextDecoder().decode(bytes));
      this.loadError = undefined;
      this.log.info(`loaded the bundled notes index in ${Date.now() - started} ms`);
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
      this.bundled = [];
      this.log.error(`could not load the bundled notes: ${this.loadError}`);
    }
    const config = readConfig();
    this.showBundled = config.showBundledNotes;
    this.sourceList.forEach((s) => s.dispose());
    this.sourceList = config.sources.flatMap((setting) =>
      resolveSource(setting).map((resolved) => {
        const trusted = !resolved.workspaceRelative || vscode.workspace.isTrusted;
        const source = new UserNotesSource(resolved, trusted, config.maxFileBytes, this.log);
        source.onDidChange(() => this.rebuild());
        return source;
      }),
    );
    this.rebuild();
    // Sources index in the background; the tree fills in as they go.
    void Promise.all(this.sourceList.map((s) => s.index())).then(() => this.reportMissing());
  }

  private reportMissing(): void {
    const missing = this.sourceList.filter((s) => s.status === 'missing');
    if (missing.length === 0) return;
    const choose = vscode.l10n.t('Choose Folder…');
    const settings = vscode.l10n.t('Open Settings');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Notes folder not found: {0}', missing.map((s) => s.path).join(', ')), choose, settings)
      .then((pick) => {
        if (pick === choose) void vscode.commands.executeCommand('interviewNotes.addSource', missing[0].resolved.setting);
        if (pick === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'interviewNotes.sources');
      });
  }

  private rebuild(): void {
    this.byId.clear();
    const order: string[] = [];
    const add = (topics: readonly Topic[], path: string[], meta: Omit<LoadedQuestion, 'question' | 'topic' | 'topicPath' | 'baseUri' | 'fileUri'>, file: (q: Question) => string) => {
      for (const t of topics) {
        const topicPath = [...path, t.title];
        for (const q of t.questions) {
          if (this.byId.has(q.id)) continue;
          const fileUri = vscode.Uri.file(file(q));
          this.byId.set(q.id, { ...meta, question: q, topic: t, topicPath: topicPath.join(' / '), fileUri, baseUri: vscode.Uri.file(dirname(fileUri.fsPath)) });
          order.push(q.id);
        }
        add(t.topics, topicPath, meta, file);
      }
    };
    if (this.showBundled) {
      const notesDir = vscode.Uri.joinPath(this.extensionUri, 'notes').fsPath;
      add(this.bundled, this.sourceList.length ? [vscode.l10n.t('Bundled Notes')] : [], { trusted: true }, (q) => join(notesDir, q.source.file));
    }
    for (const source of this.sourceList) {
      add([source.root], [source.title], { trusted: source.trusted, source }, (q) => q.source.file);
    }
    this.order = order;
    this.searchIndex = undefined;
    this.changed.fire();
  }

  get error(): string | undefined {
    return this.loadError;
  }

  /** Bundled topics as shown in the tree (empty when hidden). */
  bundledTopics(): readonly Topic[] {
    return this.showBundled ? this.bundled : [];
  }

  sources(): readonly UserNotesSource[] {
    return this.sourceList;
  }

  get(id: string): LoadedQuestion | undefined {
    return this.byId.get(id);
  }

  /** Every question in tree order. */
  allIds(): readonly string[] {
    return this.order;
  }

  /** The neighbour of a question in tree order, for previous/next. */
  neighbour(id: string, step: 1 | -1): string | undefined {
    const i = this.order.indexOf(id);
    return i < 0 ? undefined : this.order[i + step];
  }

  position(id: string): { index: number; total: number } {
    return { index: this.order.indexOf(id), total: this.order.length };
  }

  /** Built on first use after a change, so activation and file edits stay cheap. */
  search(): SearchIndex {
    if (!this.searchIndex) {
      const started = Date.now();
      const topics = [...(this.showBundled ? this.bundled : []), ...this.sourceList.map((s) => s.root)];
      this.searchIndex = SearchIndex.build(searchDocsFor(topics).filter((d) => this.byId.has(d.id)));
      this.log.debug(`search index built over ${this.order.length} questions in ${Date.now() - started} ms`);
    }
    return this.searchIndex;
  }

  /** Every folder a note may load images from. */
  resourceFolders(): vscode.Uri[] {
    return this.sourceList.filter((s) => s.status !== 'missing').map((s) => vscode.Uri.file(s.rootDir));
  }

  dispose(): void {
    this.sourceList.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
