import * as vscode from 'vscode';
import { Settings } from '../constants';
import { renderAnswer } from '../core/render/renderAnswer';
import type { LoadedQuestion, NotesService } from '../services/notesService';

/** A fresh nonce for one HTML document's CSP. */
export function makeNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^a-zA-Z0-9]/g, '');
}

/** A short, printable form of an untrusted message for the log. */
export function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v).slice(0, 200);
  } catch {
    return String(v);
  }
}

/** Only the extension's assets and the notes folders themselves may be loaded by a webview. */
export function notesResourceRoots(extensionUri: vscode.Uri, notes: NotesService): vscode.Uri[] {
  return [
    vscode.Uri.joinPath(extensionUri, 'media'),
    vscode.Uri.joinPath(extensionUri, 'dist'),
    vscode.Uri.joinPath(extensionUri, 'notes'),
    ...notes.resourceFolders(),
  ];
}

export function remoteImagesAllowed(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.allowRemoteImages, false);
}

/** The sanitised answer HTML of a question, as the answer view and the review session show it. */
export function renderAnswerBody(loaded: LoadedQuestion, webview: vscode.Webview, roots: readonly vscode.Uri[]): string {
  return renderAnswer(loaded.question.markdown, {
    labels: { openScratch: vscode.l10n.t('Open as Scratch File'), copy: vscode.l10n.t('Copy'), output: vscode.l10n.t('Output') },
    allowHtml: loaded.trusted,
    allowRemoteImages: remoteImagesAllowed(),
    resolveImage: (src) => {
      let target: vscode.Uri;
      try {
        target = vscode.Uri.joinPath(loaded.baseUri, decodeURIComponent(src));
      } catch {
        return undefined;
      }
      const allowed = roots.some((root) => target.path.startsWith(root.path + '/'));
      return allowed ? webview.asWebviewUri(target).toString() : undefined;
    },
  });
}

/**
 * Wires a panel's messages and disposal the same way for every panel owner; the
 * listeners go away with the panel.
 */
export function watchPanel(extensionUri: vscode.Uri, panel: vscode.WebviewPanel, onMessage: (raw: unknown) => unknown, onDisposed: () => void): void {
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activitybar.svg');
  const subs = [
    panel.webview.onDidReceiveMessage(onMessage),
    panel.onDidDispose(() => {
      subs.forEach((d) => d.dispose());
      onDisposed();
    }),
  ];
}
