import * as vscode from 'vscode';
import type { Question, Topic } from './core/model';
import { allQuestions } from './core/model';
import { parseNotesIndex } from './core/notesIndex';
import { SearchIndex } from './core/search';
import { searchDocsFor } from './core/searchDocs';

export interface LoadedQuestion {
  question: Question;
  topic: Topic;
  /** Folder the question's relative paths (images, links) resolve against. */
  baseUri: vscode.Uri;
  /** Whether raw HTML in this note may be rendered. */
  trusted: boolean;
  /** "Topic / Group" titles from the root, for labels. */
  topicPath: string;
}

/**
 * The one owner of the loaded notes: the tree, the answer panel and the search
 * all read from here and listen to `onDidChange`.
 */
export class NotesService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private topics: Topic[] = [];
  private byId = new Map<string, LoadedQuestion>();
  private order: string[] = [];
  private searchIndex: SearchIndex | undefined;
  private loadError: string | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  private loaded: Promise<void> | undefined;

  /** Resolves once the first load finished (a restored panel waits for it). */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  async load(): Promise<void> {
    const started = Date.now();
    try {
      const file = vscode.Uri.joinPath(this.extensionUri, 'dist', 'notes-index.json');
      const bytes = await vscode.workspace.fs.readFile(file);
      this.setTopics(parseNotesIndex(new TextDecoder().decode(bytes)), vscode.Uri.joinPath(this.extensionUri, 'notes'));
      this.loadError = undefined;
      this.log.info(`loaded ${this.order.length} bundled questions in ${Date.now() - started} ms`);
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
      this.setTopics([], this.extensionUri);
      this.log.error(`could not load the bundled notes: ${this.loadError}`);
    }
    this.changed.fire();
  }

  private setTopics(topics: Topic[], baseUri: vscode.Uri): void {
    this.topics = topics;
    this.byId.clear();
    const walk = (ts: Topic[], path: string[]) => {
      for (const t of ts) {
        const topicPath = [...path, t.title];
        for (const q of t.questions) {
          const dir = q.source.file.includes('/') ? q.source.file.slice(0, q.source.file.lastIndexOf('/')) : '';
          this.byId.set(q.id, { question: q, topic: t, baseUri: vscode.Uri.joinPath(baseUri, dir), trusted: true, topicPath: topicPath.join(' / ') });
        }
        walk(t.topics, topicPath);
      }
    };
    walk(topics, []);
    this.order = allQuestions(topics).map((q) => q.id);
    this.searchIndex = undefined;
  }

  get error(): string | undefined {
    return this.loadError;
  }

  getTopics(): readonly Topic[] {
    return this.topics;
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
    if (i < 0) return undefined;
    return this.order[i + step];
  }

  position(id: string): { index: number; total: number } {
    return { index: this.order.indexOf(id), total: this.order.length };
  }

  /** Built on first use so activation stays cheap. */
  search(): SearchIndex {
    return (this.searchIndex ??= SearchIndex.build(searchDocsFor(this.topics)));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
