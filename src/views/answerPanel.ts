import * as vscode from 'vscode';
import { realpathSync } from 'node:fs';
import { ANSWER_PANEL_TYPE, Commands } from '../constants';
import { isInsideFolder, resolveNoteLink } from '../core/notes/noteLinks';
import { answerPageHtml } from '../core/render/answerPage';
import { parseAnswerMessage, parseViewState, type AnswerHostMessage, type AnswerMessage } from '../core/protocol/answerMessages';
import type { NotesService } from '../services/notesService';
import { openScratch } from '../services/scratchFiles';
import type { StudyStore } from '../services/studyStore';
import { WebviewPanelHost } from './webviewPanelHost';
import { notesResourceRoots, remoteImagesAllowed, renderAnswerBody } from './webviewSupport';

/**
 * Owns the single answer panel, reused as the user moves between questions
 * (like the Markdown preview), and restores it after a window reload.
 */
export class AnswerPanel extends WebviewPanelHost<AnswerHostMessage, AnswerMessage> {
  private currentId: string | undefined;
  /** The Markdown last shown, so unrelated note changes (indexing, other files) don't reload the page. */
  private shownMarkdown: string | undefined;
  private readonly rendered = this._register(new vscode.EventEmitter<{ id: string; html: string }>());
  /** Fires after the panel shows a question; tests and the status use it. */
  readonly onDidRender = this.rendered.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly study: StudyStore,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, log, { viewType: ANSWER_PANEL_TYPE, name: 'answer', parseMessage: parseAnswerMessage });
    this._register(
      notes.onDidChange(() => {
        const id = this.currentId;
        if (id && notes.get(id)?.question.markdown !== this.shownMarkdown) this.render(id);
      }),
    );
    // Toggling state updates the buttons in place; re-rendering would lose the scroll position.
    this._register(study.onDidChange(() => this.postStudyState()));
  }

  private postStudyState(): void {
    const id = this.currentId;
    if (!this.panel || !id) return;
    void this.postMessage({ type: 'studyState', mastered: this.study.isMastered(id), favorite: this.study.isFavorite(id) });
  }

  get currentQuestionId(): string | undefined {
    return this.panel ? this.currentId : undefined;
  }

  show(id: string): boolean {
    const loaded = this.notes.get(id);
    if (!loaded) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Question not found: {0}', id));
      return false;
    }
    this.openPanel(loaded.question.title);
    this.render(id);
    void this.study.opened(id);
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
  }

  private render(id: string): void {
    const loaded = this.notes.get(id);
    if (!this.panel || !loaded) return;
    const started = Date.now();
    const { question, topicPath } = loaded;
    const { index, total } = this.notes.position(id);
    this.currentId = id;
    this.shownMarkdown = question.markdown;
    const roots = this.resourceRoots();
    this.setPage(question.title, (page) =>
      answerPageHtml({
        question,
        topicTitle: topicPath,
        bodyHtml: renderAnswerBody(loaded, page.webview, roots, true, this.notes.bundledNotes()),
        position: `${index + 1} / ${total}`,
        nonce: page.nonce,
        cspSource: page.cspSource,
        styleUri: page.media('answer.css'),
        scriptUri: page.script('webview.js'),
        allowRemoteImages: remoteImagesAllowed(),
        study: { mastered: this.study.isMastered(id), favorite: this.study.isFavorite(id) },
        lang: page.lang,
        labels: {
          openSource: vscode.l10n.t('Open Source File'),
          mastered: vscode.l10n.t('Mastered'),
          favorite: vscode.l10n.t('Favorite'),
          previous: vscode.l10n.t('Previous'),
          next: vscode.l10n.t('Next'),
          difficulty: { easy: vscode.l10n.t('Easy'), medium: vscode.l10n.t('Medium'), hard: vscode.l10n.t('Hard') },
        },
      }),
    );
    this.log.info(`rendered ${id} in ${Date.now() - started} ms`);
    this.rendered.fire({ id, html: this.html ?? '' });
  }

  protected async onMessage(message: AnswerMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'navigate':
        this.step(message.direction === 'next' ? 1 : -1);
        return;
      case 'openQuestion': {
        const target = this.notes.resolveLink(this.currentId, message.id);
        if (target) this.show(target);
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
    const root = loaded.source?.rootDir ?? vscode.Uri.joinPath(this.extensionUri, 'notes').fsPath;
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
