import * as vscode from 'vscode';
import { realpathSync } from 'node:fs';
import { ANSWER_PANEL_TYPE, Commands } from '../constants';
import { isInsideFolder, resolveNoteLink } from '../core/notes/noteLinks';
import { answerAsidesHtml, answerContentHtml, answerPageHtml, cleanTypography, withAnswerContent, withAsides, type AnswerContentParts } from '../core/render/answerPage';
import { computeBacklinks } from '../core/notes/backlinks';
import { renderAnswer } from '../core/render/renderAnswer';
import type { MyNotes } from '../services/myNotes';
import { affectsTypography, readTypography } from './answerTypography';
import { parseAnswerMessage, parseViewState, type AnswerHostMessage, type AnswerMessage } from '../core/protocol/answerMessages';
import type { NotesService } from '../services/notesService';
import { openScratch } from '../services/scratchFiles';
import type { StudyStore } from '../services/studyStore';
import { WebviewPanelHost } from './webviewPanelHost';
import { answerBody, notesResourceRoots, remoteImagesAllowed } from './webviewSupport';

/** How long after an open it is saved to the study state (and the tree and status bar updated). */
const OPENED_WRITE_DELAY_MS = 1000;

/**
 * Owns the single answer panel, reused as the user moves between questions
 * (like the Markdown preview), and restores it after a window reload.
 */
export class AnswerPanel extends WebviewPanelHost<AnswerHostMessage, AnswerMessage> {
  private currentId: string | undefined;
  /** The Markdown last shown, so unrelated note changes (indexing, other files) don't reload the page. */
  private shownMarkdown: string | undefined;
  /** The user's note last shown, for the same reason. */
  private shownNote: string | undefined;
  private readonly pageShown = this._register(new vscode.EventEmitter<{ questionId: string; pageId: string }>());
  /** Fires when the page reports what it shows; `pageId` changes only when the document is reloaded. */
  readonly onDidShowInPage = this.pageShown.event;
  /** The question in the document as loaded; later questions arrive by message. */
  private pageQuestionId: string | undefined;
  /** The loaded document said it is ready for messages. */
  private pageReady = false;
  private pageHtml: string | undefined;
  private contentHtml: string | undefined;
  /** My note and backlinks of the question shown, sent in a message of their own after the answer. */
  private asidesHtml = '';
  private switchStarted = 0;
  /** The tab title of a question swapped in by message, set once the page says it shows it. */
  private pendingTitle: string | undefined;
  private backlinks: Map<string, string[]> | undefined;
  private myNotes: MyNotes | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly study: StudyStore,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, log, { viewType: ANSWER_PANEL_TYPE, name: 'answer', parseMessage: parseAnswerMessage });
    this._register(
      notes.onDidChange(() => {
        this.backlinks = undefined;
        const id = this.currentId;
        if (id && notes.get(id)?.question.markdown !== this.shownMarkdown) this.render(id, 'keep');
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsTypography(e)) void this.postMessage({ type: 'typography', ...cleanTypography(readTypography()) });
      }),
    );
    // Toggling state updates the buttons in place; re-rendering would lose the scroll position.
    this._register(study.onDidChange(() => this.postStudyState()));
  }

  private applyPendingTitle(): void {
    if (this.panel && this.pendingTitle !== undefined && this.panel.title !== this.pendingTitle) this.panel.title = this.pendingTitle;
    this.pendingTitle = undefined;
  }

  private postAsides(): void {
    const id = this.currentId;
    if (id && this.asidesHtml) void this.postMessage({ type: 'asides', questionId: id, html: this.asidesHtml });
  }

  private postStudyState(): void {
    const id = this.currentId;
    if (!this.panel || !id) return;
    void this.postMessage({ type: 'studyState', mastered: this.study.isMastered(id), favorite: this.study.isFavorite(id) });
  }

  /** The reader's own notes, shown under each answer (set once at activation). */
  useMyNotes(myNotes: MyNotes): void {
    this.myNotes = myNotes;
    this._register(
      myNotes.onDidChange(() => {
        const id = this.currentId;
        if (id && myNotes.get(id) !== this.shownNote) this.render(id, 'keep');
      }),
    );
  }

  /** What the page shows now (its document with the content the last message put in). */
  override get html(): string | undefined {
    if (!this.panel || !this.pageHtml) return undefined;
    return withAsides(this.contentHtml ? withAnswerContent(this.pageHtml, this.contentHtml) : this.pageHtml, this.asidesHtml);
  }

  get currentQuestionId(): string | undefined {
    return this.panel ? this.currentId : undefined;
  }

  show(id: string, section?: string): boolean {
    const loaded = this.notes.get(id);
    if (!loaded) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Question not found: {0}', id));
      return false;
    }
    if (this.openPanel(loaded.question.title)) this.pageReady = false;
    this.render(id, section ? { section } : 'top');
    // Saved (and the tree and status bar told) a moment later, so the page goes first.
    this.study.openedSoon(id, OPENED_WRITE_DELAY_MS);
    return true;
  }

  step(direction: 1 | -1): void {
    if (!this.currentId) return;
    const next = this.notes.neighbour(this.currentId, direction);
    if (next) this.show(next);
  }

  protected async restore(state: unknown): Promise<void> {
    await this.notes.ready();
    const restored = parseViewState(state);
    const id = restored && this.notes.get(restored.questionId) ? restored.questionId : this.notes.allIds()[0];
    if (id) this.render(id);
  }

  protected resourceRoots(): vscode.Uri[] {
    return notesResourceRoots(this.extensionUri, this.notes);
  }

  protected onDidClose(): void {
    this.currentId = undefined;
    this.pageReady = false;
    this.pageHtml = this.contentHtml = undefined;
  }

  /** A hidden page is dropped by VS Code and comes back from its document: bring that up to date. */
  protected onDidBecomeVisible(): void {
    this.pageReady = false;
    if (this.currentId && this.pageQuestionId !== this.currentId) this.render(this.currentId, 'top');
  }

  private render(id: string, scroll: 'top' | 'keep' | { section: string } = 'top'): void {
    const loaded = this.notes.get(id);
    const panel = this.panel;
    if (!panel || !loaded) return;
    const started = Date.now();
    const { question, topicPath } = loaded;
    const { index, total } = this.notes.position(id);
    this.currentId = id;
    this.shownMarkdown = question.markdown;
    const roots = this.resourceRoots();
    const body = answerBody(loaded, panel.webview, roots, { offerDrills: true, bundled: this.notes.bundledNotes() });
    const labels = this.labels();
    // The first screen only: what goes under the answer follows in a second message (see below).
    const content: AnswerContentParts = {
      question,
      topicTitle: topicPath,
      bodyHtml: body.html,
      outline: body.outline,
      position: `${index + 1} / ${total}`,
      study: { mastered: this.study.isMastered(id), favorite: this.study.isFavorite(id) },
      backlinks: [],
      labels,
    };
    const note = this.myNotes?.get(id);
    this.shownNote = note;
    const asides = () =>
      answerAsidesHtml({
        // The user's own words: rendered like an untrusted note (no raw HTML, no images).
        myNoteHtml: note === undefined ? undefined : renderAnswer(note, { labels: this.renderLabels(), allowHtml: false, allowRemoteImages: false }),
        backlinks: this.linksTo(id),
        labels,
      });
    const swap = this.pageReady && panel.visible;
    // An update in place (an edited note) keeps everything in one message, so the page does not shrink under the reader.
    const inPlace = swap && scroll === 'keep';
    if (inPlace) this.asidesHtml = asides();
    if (swap) {
      // The open page swaps its content: one message, one DOM update, no reload, no flash.
      this.contentHtml = inPlace ? withAsides(answerContentHtml(content), this.asidesHtml) : answerContentHtml(content);
      this.switchStarted = started;
      void this.postMessage({ type: 'show', questionId: id, title: question.title, html: this.contentHtml, scroll });
      // The tab follows once the page has painted (see 'shown'): relabelling the tab and the window
      // title costs the window a layout pass that would otherwise come before the page's own frame.
      this.pendingTitle = question.title;
    } else {
      this.pageReady = false;
      this.pageQuestionId = id;
      this.contentHtml = undefined;
      this.pendingTitle = undefined;
      this.setPage(question.title, (page) =>
        (this.pageHtml = answerPageHtml({
          ...content,
          nonce: page.nonce,
          cspSource: page.cspSource,
          styleUri: page.media('answer.css'),
          scriptUri: page.script('webview.js'),
          allowRemoteImages: remoteImagesAllowed(),
          lang: page.lang,
          typography: readTypography(),
          section: typeof scroll === 'object' ? scroll.section : undefined,
        })),
      );
    }
    if (!inPlace) {
      this.asidesHtml = asides();
      // A fresh document gets them once it says it is ready.
      if (swap) this.postAsides();
    }
    this.log.info(`rendered ${id} in ${Date.now() - started} ms`);
  }

  /** Questions whose answers link to this one, computed once per load of the notes. */
  private linksTo(id: string): { id: string; title: string }[] {
    this.backlinks ??= computeBacklinks(this.notes.allIds().flatMap((q) => this.notes.get(q)?.question ?? []));
    return (this.backlinks.get(id) ?? []).flatMap((from) => {
      const q = this.notes.get(from)?.question;
      return q ? [{ id: q.id, title: q.title }] : [];
    });
  }

  private renderLabels() {
    return { openScratch: vscode.l10n.t('Open as Scratch File'), copy: vscode.l10n.t('Copy'), output: vscode.l10n.t('Output') };
  }

  private labels(): AnswerContentParts['labels'] {
    return {
      openSource: vscode.l10n.t('Open Source File'),
      mastered: vscode.l10n.t('Mastered'),
      favorite: vscode.l10n.t('Favorite'),
      previous: vscode.l10n.t('Previous'),
      next: vscode.l10n.t('Next'),
      difficulty: { easy: vscode.l10n.t('Easy'), medium: vscode.l10n.t('Medium'), hard: vscode.l10n.t('Hard') },
      outline: vscode.l10n.t('Outline'),
      myNote: vscode.l10n.t('My note'),
      editMyNote: vscode.l10n.t('Edit My Note'),
      linkedFrom: vscode.l10n.t('Linked from'),
    };
  }

  protected async onMessage(message: AnswerMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = message.questionId === this.pageQuestionId;
        if (this.pageReady && message.questionId === this.currentId) this.postAsides();
        return;
      case 'shown':
        if (message.questionId === this.currentId) this.applyPendingTitle();
        if (this.switchStarted && message.questionId === this.currentId) {
          this.log.info(`switched to ${message.questionId} in the open page in ${Date.now() - this.switchStarted} ms`);
          this.switchStarted = 0;
        }
        this.pageShown.fire({ questionId: message.questionId, pageId: message.pageId });
        return;
      case 'editMyNote':
        if (this.notes.get(message.questionId)) await vscode.commands.executeCommand(Commands.editMyNote, message.questionId);
        return;
      case 'navigate':
        this.step(message.direction === 'next' ? 1 : -1);
        return;
      case 'openQuestion': {
        const target = this.notes.resolveLink(this.currentId, message.id);
        if (target) this.show(target, message.section);
        else this.log.warn(`ignored a link to an unknown question: ${message.id}`);
        return;
      }
      case 'openExample':
      case 'copyExample': {
        const example = this.notes.get(message.questionId)?.question.examples[message.index];
        if (!example || message.questionId !== this.currentId) {
          this.log.warn(`ignored ${message.type} for unknown example ${message.questionId}#${message.index}`);
          return;
        }
        if (message.type === 'openExample') await openScratch(example);
        else await vscode.env.clipboard.writeText(example.code);
        return;
      }
      case 'predictOutput':
        if (message.questionId === this.currentId) await vscode.commands.executeCommand(Commands.startOutputDrill, { questionKey: message.questionId, exampleIndex: message.index });
        return;
      case 'openLink':
        await this.openRelativeLink(message.questionId, message.href);
        return;
      case 'toggleMastered':
      case 'toggleFavorite':
        if (message.questionId === this.currentId) {
          await vscode.commands.executeCommand(message.type === 'toggleMastered' ? Commands.toggleMastered : Commands.toggleFavorite, message.questionId);
        }
        return;
      case 'openSource':
        if (this.notes.get(message.questionId)) await vscode.commands.executeCommand(Commands.openSourceFile, message.questionId);
        return;
    }
  }

  /** A relative link in a note: another question's file, or a file to open in the editor; only inside the note's own source. */
  private async openRelativeLink(questionId: string, href: string): Promise<void> {
    const loaded = this.notes.get(questionId);
    if (!loaded) return;
    const root = this.notes.rootDirOf(loaded);
    const link = resolveNoteLink(href, loaded.baseUri.fsPath, root);
    // A symlink inside the folder may still lead out of it.
    const outside = link.ok && !realPathInside(root, link.path);
    if (!link.ok || outside) {
      this.log.warn(`${loaded.fileUri.fsPath}: ${link.ok ? `link "${href}" points outside the notes folder` : link.message}`);
      if (!link.ok && link.reason === 'malformed') void vscode.window.showWarningMessage(vscode.l10n.t('Broken link: {0}', href));
      else void vscode.window.showWarningMessage(vscode.l10n.t('Link not opened: {0} points outside the notes folder.', href));
      return;
    }
    const target = vscode.Uri.file(link.path);
    const match = this.notes.allIds().find((id) => this.notes.get(id)?.fileUri.path === target.path);
    if (match) {
      this.show(match);
      return;
    }
    try {
      await vscode.workspace.fs.stat(target);
      await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('Broken link: {0}', href));
    }
  }
}

/** Missing files count as inside: opening them fails as a broken link. */
function realPathInside(root: string, path: string): boolean {
  try {
    return isInsideFolder(realpathSync(root), realpathSync(path));
  } catch {
    return true;
  }
}
