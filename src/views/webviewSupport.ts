// What the answer view and the review session share: the answer body and where its images may come from.
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { renderQuestionBody } from '../core/render/renderAnswer';
import type { LoadedQuestion, NotesService } from '../services/notesService';

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
export function renderAnswerBody(loaded: LoadedQuestion, webview: vscode.Webview, roots: readonly vscode.Uri[], offerDrills = false): string {
  return renderQuestionBody(loaded.question, {
    labels: {
      openScratch: vscode.l10n.t('Open as Scratch File'),
      copy: vscode.l10n.t('Copy'),
      output: vscode.l10n.t('Output'),
      // Kept as a template: the renderer fills in the versions per example.
      verified: vscode.l10n.t('Verified by the notes check on CPython {0}{1}', '{0}', '{1}'),
      python2: vscode.l10n.t('Python 2'),
      repl: vscode.l10n.t('REPL session'),
      ...(offerDrills ? { predictOutput: vscode.l10n.t('Predict Output') } : {}),
    },
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
