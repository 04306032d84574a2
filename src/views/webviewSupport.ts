// What the answer view and the review session share: the answer body and where its images may come from.
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { renderAnswerWithOutline, type RenderLabels } from '../core/render/renderAnswer';
import { fillLabels, type RenderedAnswer } from '../core/render/prerenderedAnswers';
import type { BundledNotes } from '../services/bundledNotes';
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

function renderLabels(): Required<RenderLabels> {
  return {
    openScratch: vscode.l10n.t('Open as Scratch File'),
    copy: vscode.l10n.t('Copy'),
    output: vscode.l10n.t('Output'),
    // Kept as a template: the renderer fills in the versions per example.
    verified: vscode.l10n.t('Verified by the notes check on CPython {0}{1}', '{0}', '{1}'),
    python2: vscode.l10n.t('Python 2'),
    repl: vscode.l10n.t('REPL session'),
    predictOutput: vscode.l10n.t('Predict Output'),
  };
}

/** The sanitised answer HTML of a question, as the answer view and the review session show it. */
export function renderAnswerBody(loaded: LoadedQuestion, webview: vscode.Webview, roots: readonly vscode.Uri[], offerDrills = false, bundled?: BundledNotes): string {
  return answerBody(loaded, webview, roots, { offerDrills, bundled }).html;
}

const USER_CACHE = 64;
const userAnswers = new Map<string, { question: LoadedQuestion['question']; key: string; answer: RenderedAnswer }>();

/**
 * The answer HTML and outline: bundled answers in the answer view come pre-rendered
 * from the build; others render on first display and stay cached until the question is re-parsed.
 * `offerDrills` adds "Predict Output" to examples with a shown output (the answer view only).
 */
export function answerBody(
  loaded: LoadedQuestion,
  webview: vscode.Webview,
  roots: readonly vscode.Uri[],
  { offerDrills = false, bundled }: { offerDrills?: boolean; bundled?: BundledNotes } = {},
): RenderedAnswer {
  const labels = renderLabels();
  // The build renders with every button, as the answer view shows them.
  const prerendered = loaded.source || !offerDrills ? undefined : bundled?.rendered(loaded.question.id);
  if (prerendered) return { html: fillLabels(prerendered.html, labels), outline: prerendered.outline };
  const allowRemoteImages = remoteImagesAllowed();
  const key = [vscode.env.language, allowRemoteImages, loaded.trusted, offerDrills, ...roots.map((r) => r.toString())].join('\n');
  const cached = userAnswers.get(loaded.question.id);
  if (cached && cached.question === loaded.question && cached.key === key) return cached.answer;
  const answer = renderAnswerWithOutline(loaded.question.markdown, {
    labels: offerDrills ? labels : { ...labels, predictOutput: undefined },
    examples: loaded.question.examples,
    allowHtml: loaded.trusted,
    allowRemoteImages,
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
  userAnswers.delete(loaded.question.id);
  if (userAnswers.size >= USER_CACHE) userAnswers.delete(userAnswers.keys().next().value as string);
  userAnswers.set(loaded.question.id, { question: loaded.question, key, answer });
  return answer;
}
