import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { allQuestions, type NoteProblem, type Question, type Topic } from '../core/notes/model';
import { SearchIndex, SlicedBuild } from '../core/search/searchIndex';
import { searchDocOf } from '../core/search/searchDocs';
import { Disposable, disposeAll } from '../util/disposable';
import { BundledNotes } from './bundledNotes';
import { readConfig, resolveSource } from './config';
import { UserNotesSource } from './userSource';
import { ParsePool } from '../loader/parsePool';
import type { ParseJob } from '../loader/parseJob';
import type { FileContribution } from '../loader/loadNotes';

/** A background search-index slice does at most about this much work before yielding. */
const SEARCH_SLICE_MS = 8;
const SEARCH_SETTLE_MS = 300;

/**
 * A root of the display tree: the bundled notes, or one user source. Its
 * groups and questions are copies whose ids are scoped (see scopedId), so
 * everything that reads the tree sees ids that cannot collide.
 */
export interface NotesRoot {
  kind: 'bundled' | 'source';
  /** Stable id for the tree row. */
  id: string;
  title: string;
  /** Groups (folders, files, sections), in reading order. */
  groups: readonly Topic[];
  /** Questions directly under the root (a file that holds one question). */
  questions: readonly Question[];
  /** Undefined for the bundled notes. */
  source?: UserNotesSource;
  /** What loading this root noticed beyond parse problems: ids used twice. */
  problems: readonly NoteProblem[];
}

/** Every question of a root in tree order. */
export function rootQuestions(root: NotesRoot): Question[] {
  return [...root.questions, ...allQuestions(root.groups)];
}

export interface LoadedQuestion {
  /** `question.id` is the scoped id (the key study progress, search and links use). */
  question: Question;
  /** The id as the note wrote it (front matter, or made from file and heading). */
  noteId: string;
  topic: Topic;
  root: NotesRoot;
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
 * The scope of a user source's ids: derived from its resolved path, so the
 * same folder gives the same ids after a reload (study progress stays), and
 * two sources never share one.
 */
export function sourceScope(path: string): string {
  return `user-${createHash('sha256').update(path).digest('hex').slice(0, 10)}`;
}

/** Bundled ids stay as written; a user note's id is prefixed by its source's scope. */
export function scopedId(scope: string | undefined, noteId: string): string {
  return scope ? `${scope}:${noteId}` : noteId;
}

/** How long after loading the bundled notes their pre-rendered answers are read. */
const PREWARM_DELAY_MS = 1500;

/**
 * The one owner of the loaded notes (bundled and the user's sources): the tree,
 * the answer and review panels, search, the progress page, the status bar and
 * the commands all read from here and listen to `onDidChange`.
 */
export class NotesService extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  private bundled: Topic[] = [];
  private bundle: BundledNotes | undefined;
  private sourceList: UserNotesSource[] = [];
  /** The sources and their listeners, replaced on every load. */
  private sourceDisposables: vscode.Disposable[] = [];
  private rootList: NotesRoot[] = [];
  private byId = new Map<string, LoadedQuestion>();
  private order: string[] = [];
  private searchIndex: SearchIndex | undefined;
  /** The index being built in time slices in the background after a change. */
  private searchBuild: SlicedBuild | undefined;
  private searchBuildTimer: NodeJS.Timeout | undefined;
  private readonly searchTexts: ((id: string) => string | undefined)[] = [];
  private loadError: string | undefined;
  private loaded: Promise<void> | undefined;
  private showBundled = true;
  /** Problems already written to the log, so re-assembling a source does not repeat them. */
  private reported = new Set<string>();
  /** The notes reader thread every user file is read and parsed in (never on this thread). */
  private readonly pool: ParsePool;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    super();
    // The sources are replaced on every load; whichever are current go with the service.
    this._register({ dispose: () => disposeAll(this.sourceDisposables.splice(0)) });
    this.pool = new ParsePool({
      workerFile: vscode.Uri.joinPath(extensionUri, 'dist', 'parseWorker.js').fsPath,
      onRestart: (file, why) => this.log.warn(`notes reader restarted after ${file} (${why})`),
    });
    this._register({ dispose: () => void this.pool.dispose() });
    this._register({ dispose: () => clearTimeout(this.searchBuildTimer) });
    this._register({ dispose: () => clearTimeout(this.prewarm) });
  }

  private prewarm: ReturnType<typeof setTimeout> | undefined;

  /** Resolves once the first load finished (a restored panel waits for it). */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  /** (Re)loads the bundled index and (re)starts indexing every configured source. */
  async load(): Promise<void> {
    const started = Date.now();
    try {
      this.bundle = await BundledNotes.read(this.extensionUri);
      this.bundled = this.bundle.topics;
      this.loadError = undefined;
      this.log.info(`loaded the bundled notes index in ${Date.now() - started} ms`);
      // Read the pre-rendered answers while nothing is waiting (~50 ms), not on the first open.
      const bundle = this.bundle;
      clearTimeout(this.prewarm);
      this.prewarm = setTimeout(() => {
        try {
          if (this.bundle === bundle) bundle.rendered('');
        } catch {
          // A damaged file is reported when an answer is shown.
        }
      }, PREWARM_DELAY_MS);
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
      this.bundled = [];
      this.bundle = undefined;
      this.log.error(`could not load the bundled notes: ${this.loadError}`);
    }
    const config = readConfig();
    this.showBundled = config.showBundledNotes;
    this.reported.clear();
    disposeAll(this.sourceDisposables.splice(0));
    this.sourceList = config.sources.flatMap((setting) =>
      resolveSource(setting).map((resolved) => {
        const trusted = vscode.workspace.isTrusted || (!resolved.workspaceRelative && !config.workspaceSources.has(setting.path));
        const source = new UserNotesSource(resolved, trusted, config, this.log, this.pool);
        this.sourceDisposables.push(source, source.onDidChange(() => this.rebuild()));
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
    const roots: NotesRoot[] = [];
    const notesDir = vscode.Uri.joinPath(this.extensionUri, 'notes').fsPath;
    if (this.showBundled) {
      const prefix = this.sourceList.length ? [vscode.l10n.t('Bundled Notes')] : [];
      roots.push(this.scopeRoot({ kind: 'bundled', id: 'bundled', title: vscode.l10n.t('Bundled Notes') }, { id: '', title: '', order: 0, questions: [], topics: this.bundled }, undefined, prefix, order, (q) => join(notesDir, q.location.file), true));
    }
    for (const source of this.sourceList) {
      roots.push(this.scopeRoot({ kind: 'source', id: `source:${source.path}`, title: source.title, source }, source.content, sourceScope(source.path), [source.title], order, (q) => q.location.file, source.trusted));
    }
    this.rootList = roots;
    this.order = order;
    this.invalidateSearch();
    for (const root of roots) this.logProblems(root);
    this.changed.fire();
  }

  /**
   * Copies one root's content with scoped ids and registers its questions. An id
   * used twice in one root keeps both questions (the later one gets "~2", "~3"…)
   * and is reported, never merged.
   */
  private scopeRoot(
    head: Pick<NotesRoot, 'kind' | 'id' | 'title' | 'source'>,
    content: Topic,
    scope: string | undefined,
    path: string[],
    order: string[],
    file: (q: Question) => string,
    trusted: boolean,
  ): NotesRoot {
    const problems: NoteProblem[] = [];
    const root: NotesRoot = { ...head, groups: [], questions: [], problems };
    const firstSeen = new Map<string, Question>();
    const uniqueKey = (noteId: string): string => {
      const base = scopedId(scope, noteId);
      let key = base;
      for (let n = 2; this.byId.has(key); n++) key = `${base}~${n}`;
      return key;
    };
    const copyQuestion = (q: Question, topic: Topic, topicPath: string[]): Question => {
      const key = uniqueKey(q.id);
      const first = firstSeen.get(q.id);
      if (first) {
        problems.push({
          file: q.location.file,
          line: q.location.line,
          severity: 'warning',
          message: `duplicate id "${q.id}" (also at ${first.location.file}:${first.location.line}); both are shown`,
        });
      } else firstSeen.set(q.id, q);
      const question: Question = { ...q, id: key, topicId: topic.id };
      const fileUri = vscode.Uri.file(file(q));
      const source = head.source;
      this.byId.set(key, { question, noteId: q.id, topic, root, topicPath: topicPath.join(' / '), fileUri, baseUri: vscode.Uri.file(dirname(fileUri.fsPath)), trusted, source });
      order.push(key);
      return question;
    };
    const copyTopic = (t: Topic, parentPath: string[]): Topic => {
      const topicPath = [...parentPath, t.title];
      const topic: Topic = { ...t, id: scopedId(scope, t.id), questions: [], topics: [] };
      topic.questions = t.questions.map((q) => copyQuestion(q, topic, topicPath));
      topic.topics = t.topics.map((child) => copyTopic(child, topicPath));
      return topic;
    };
    const rootTopic: Topic = { ...content, id: head.id, questions: [], topics: [] };
    root.questions = content.questions.map((q) => copyQuestion(q, rootTopic, path));
    root.groups = content.topics.map((t) => copyTopic(t, path));
    return root;
  }

  private logProblems(root: NotesRoot): void {
    for (const p of root.problems) {
      const line = `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      this.log.warn(line);
    }
  }

  get error(): string | undefined {
    return this.loadError;
  }

  /** The display tree: the bundled notes (when shown), then each user source, in settings order. */
  roots(): readonly NotesRoot[] {
    return this.rootList;
  }

  /** The bundled notes as shipped (sources and pre-rendered answers), once loaded. */
  bundledNotes(): BundledNotes | undefined {
    return this.bundle;
  }

  /**
   * Question ids by top-level group: each bundled topic, then each user source
   * as one (the progress page's rows, Random Question's scopes).
   */
  topLevelGroups(): { id: string; title: string; ids: string[] }[] {
    return this.rootList.flatMap((root) =>
      root.kind === 'bundled'
        ? root.groups.map((t) => ({ id: t.id, title: t.title, ids: allQuestions([t]).map((q) => q.id) }))
        : [{ id: root.id, title: root.title, ids: rootQuestions(root).map((q) => q.id) }],
    );
  }

  /** The configured sources, for status (indexing, missing) and settings commands. */
  sources(): readonly UserNotesSource[] {
    return this.sourceList;
  }

  /** A loaded question by its scoped id. */
  get(id: string): LoadedQuestion | undefined {
    return this.byId.get(id);
  }

  /**
   * The question a `q:` link in `fromId`'s answer points to: the note's own
   * source first, then the bundled notes (or an exact scoped id).
   */
  resolveLink(fromId: string | undefined, target: string): string | undefined {
    const from = fromId ? this.byId.get(fromId) : undefined;
    if (from?.source) {
      const local = scopedId(sourceScope(from.source.path), target);
      if (this.byId.has(local)) return local;
    }
    return this.byId.has(target) ? target : undefined;
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

  /**
   * The search index. After a change it is built in the background in short
   * time slices (so a large source never blocks the extension host); a search
   * that comes before that finished completes it at once.
   */
  search(): SearchIndex {
    if (this.searchIndex) return this.searchIndex;
    const started = Date.now();
    const build = this.searchBuild ?? new SlicedBuild(this.searchDocs());
    this.searchBuild = undefined;
    clearTimeout(this.searchBuildTimer);
    this.searchIndex = build.finish();
    this.log.debug(`search index completed for a search over ${this.order.length} questions in ${Date.now() - started} ms`);
    return this.searchIndex;
  }

  private searchDocs() {
    const docs = this.order.map((id) => {
      const { question, topicPath } = this.byId.get(id)!;
      return searchDocOf(question, topicPath);
    });
    for (const extra of this.searchTexts) {
      for (const d of docs) {
        const text = extra(d.id);
        if (text) d.body = `${d.body}\n\n${text}`;
      }
    }
    return docs;
  }

  /** Starts the background build once changes settle (indexing refreshes every 250 ms; no build per refresh). */
  private scheduleSearchBuild(): void {
    clearTimeout(this.searchBuildTimer);
    this.searchBuildTimer = setTimeout(() => {
      const started = Date.now();
      const build = new SlicedBuild(this.searchDocs());
      this.searchBuild = build;
      const slice = () => {
        if (this.searchBuild !== build || this.isDisposed) return;
        if (!build.runFor(SEARCH_SLICE_MS)) {
          setImmediate(slice);
          return;
        }
        this.searchBuild = undefined;
        this.searchIndex = build.result;
        this.log.debug(`search index built over ${this.order.length} questions in ${Date.now() - started} ms (${build.slices} slices, longest ${build.longestSliceMs.toFixed(1)} ms)`);
      };
      slice();
    }, SEARCH_SETTLE_MS);
  }

  /** More text that should find a question (e.g. the reader's own note on it). */
  addSearchText(textFor: (id: string) => string | undefined): void {
    this.searchTexts.push(textFor);
    this.invalidateSearch();
  }

  /** The search text changed outside the notes: rebuild the index on next use. */
  invalidateSearch(): void {
    this.searchIndex = undefined;
    this.searchBuild = undefined;
    this.scheduleSearchBuild();
  }

  /** Every folder a note may load images from. */
  /** The folder a question's relative links and images must stay inside: its source, or the bundled notes folder. */
  rootDirOf(loaded: LoadedQuestion): string {
    return loaded.source?.rootDir ?? vscode.Uri.joinPath(this.extensionUri, 'notes').fsPath;
  }

  resourceFolders(): vscode.Uri[] {
    return this.sourceList.filter((s) => s.status !== 'missing').map((s) => vscode.Uri.file(s.rootDir));
  }

  /** Reads one file or text in the notes reader thread, within the time budget (Show How This File Was Read). */
  parseInReader(job: ParseJob): Promise<FileContribution | undefined> {
    return this.pool.parse(job);
  }
}
