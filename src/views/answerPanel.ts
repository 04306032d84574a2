import * as vscode from 'vscode';
import { ANSWER_PANEL_TYPE } from '../constants';
import { answerPageHtml } from '../core/render/answerPage';
import { parseViewState, parseWebviewMessage, type WebviewMessage } from '../core/protocol/answerMessages';
import { openScratch } from '../commands/openExample';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { makeNonce, notesResourceRoots, remoteImagesAllowed, renderAnswerBody, safeJson, watchPanel } from './webviewSupport';

/**
 * Owns the single answer panel, reused as the user moves between questions
 * (like the Markdown preview), and restores it after a window reload.
 */
export class AnswerPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private currentId: string | undefined;
  /** The Markdown last shown, so unrelated note changes (indexing, other files) don't reload the page. */
  private shownMarkdown: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<{ id: string; html: string }>();
  /** Fires after the panel shows a question; tests and the status use it. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly study: StudyStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      notes.onDidChange(() => {
        const id = this.currentId;
        if (id && notes.get(id)?.question.markdown !== this.shownMarkdown) this.render(id);
      }),
      // Toggling state updates the buttons in place; re-rendering would lose the scroll position.
      study.onDidChange(() => this.postStudyState()),
    );
  }

  private postStudyState(): void {
    const id = this.currentId;
    if (!this.panel || !id) return;
    void this.panel.webview.postMessage({ type: 'studyState', mastered: this.study.isMastered(id), favorite: this.study.isFavorite(id) });
  }

  get currentQuestionId(): string | undefined {
    return this.panel ? this.currentId : undefined;
  }

  /** The HTML the panel shows now, so integration tests can assert what a user sees. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(id: string): boolean {
    const loaded = this.notes.get(id);
    if (!loaded) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Question not found: {0}', id));
      return false;
    }
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(ANSWER_PANEL_TYPE, loaded.question.title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, this.webviewOptions());
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, false);
    }
    this.render(id);
    void this.study.opened(id);
    return true;
  }

  step(direction: 1 | -1): void {
    if (!this.currentId) return;
    const next = this.notes.neighbour(this.currentId, direction);
    if (next) this.show(next);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    await this.notes.ready();
    const restored = parseViewState(state);
    const id = restored && this.notes.get(restored.questionId) ? restored.questionId : this.notes.allIds()[0];
    if (id) this.render(id);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: this.resourceRoots(),
    };
  }

  private resourceRoots(): vscode.Uri[] {
    return notesResourceRoots(this.extensionUri, this.notes);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    watchPanel(this.extensionUri, panel, (raw) => this.onMessage(raw), () => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.currentId = undefined;
      }
    });
  }

  private render(id: string): void {
    const panel = this.panel;
    const loaded = this.notes.get(id);
    if (!panel || !loaded) return;
    const started = Date.now();
    const { question, topicPath } = loaded;
    const webview = panel.webview;
    const roots = this.resourceRoots();
    webview.options = { ...webview.options, localResourceRoots: roots };
    const allowRemoteImages = remoteImagesAllowed();
    const bodyHtml = renderAnswerBody(loaded, webview, roots);
    const { index, total } = this.notes.position(id);
    panel.title = question.title;
    this.currentId = id;
    this.shownMarkdown = question.markdown;
    webview.html = answerPageHtml({
      question,
      topicTitle: topicPath,
      bodyHtml,
      position: `${index + 1} / ${total}`,
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'answer.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
      allowRemoteImages,
      study: { mastered: this.study.isMastered(id), favorite: this.study.isFavorite(id) },
      lang: vscode.env.language,
      labels: {
        openSource: vscode.l10n.t('Open Source File'),
        mastered: vscode.l10n.t('Mastered'),
        favorite: vscode.l10n.t('Favorite'),
        previous: vscode.l10n.t('Previous'),
        next: vscode.l10n.t('Next'),
        difficulty: { easy: vscode.l10n.t('Easy'), medium: vscode.l10n.t('Medium'), hard: vscode.l10n.t('Hard') },
      },
    });
    this.log.info(`rendered ${id} in ${Date.now() - started} ms`);
    this.rendered.fire({ id, html: webview.html });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`ignored an invalid message from the answer view: ${safeJson(raw)}`);
      return;
    }
    await this.handle(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'navigate':
        this.step(message.direction === 'next' ? 1 : -1);
        return;
      case 'openQuestion':
        if (this.notes.get(message.id)) this.show(message.id);
        else this.log.warn(`ignored a link to an unknown question: ${message.id}`);
        return;
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
      case 'openLink':
        await this.openRelativeLink(message.questionId, message.href);
        return;
      case 'toggleMastered':
      case 'toggleFavorite':
        if (message.questionId === this.currentId) {
          await vscode.commands.executeCommand(message.type === 'toggleMastered' ? 'interviewNotes.toggleMastered' : 'interviewNotes.toggleFavorite', message.questionId);
        }
        return;
      case 'openSource':
        if (this.notes.get(message.questionId)) await vscode.commands.executeCommand('interviewNotes.openSourceFile', message.questionId);
        return;
    }
  }

  /** A relative link in a note: another question's file, or a file to open in the editor. */
  private async openRelativeLink(questionId: string, href: string): Promise<void> {
    const loaded = this.notes.get(questionId);
    if (!loaded) return;
    const [path] = href.split('#');
    const target = vscode.Uri.joinPath(loaded.baseUri, decodeURIComponent(path));
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

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
