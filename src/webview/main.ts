// Runs inside the answer webview. It only forwards clicks as typed messages;
// the extension validates them and does the work.

import type { AnswerHostMessage, AnswerMessage, AnswerViewState } from '../core/protocol/answerMessages';
import { vscodeApi } from './vscodeApi';

const vscode = vscodeApi<AnswerMessage, AnswerViewState>();
const questionId = document.body.dataset.questionId ?? '';
vscode.setState({ questionId });
vscode.postMessage({ type: 'ready', questionId });

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const button = target.closest<HTMLElement>('[data-action]');
  if (button) {
    event.preventDefault();
    const action = button.dataset.action;
    if (action === 'openExample' || action === 'copyExample' || action === 'predictOutput') {
      vscode.postMessage({ type: action, questionId, index: Number(button.dataset.example) });
      if (action === 'copyExample') flash(button);
    } else if (action === 'openSource' || action === 'toggleMastered' || action === 'toggleFavorite') {
      vscode.postMessage({ type: action, questionId });
    } else if (action === 'next' || action === 'previous') {
      vscode.postMessage({ type: 'navigate', direction: action });
    }
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[data-question], a[data-href]');
  if (link) {
    event.preventDefault();
    if (link.dataset.question) vscode.postMessage({ type: 'openQuestion', id: link.dataset.question });
    else if (link.dataset.href) vscode.postMessage({ type: 'openLink', questionId, href: link.dataset.href });
  }
});

// The extension tells us when mastered/favorite change (from here, the tree or the palette).
window.addEventListener('message', (event: MessageEvent<AnswerHostMessage>) => {
  const data = event.data;
  if (data?.type !== 'studyState') return;
  const set = (action: string, on: boolean) => document.querySelector(`[data-action="${action}"]`)?.setAttribute('aria-pressed', String(on === true));
  set('toggleMastered', data.mastered);
  set('toggleFavorite', data.favorite);
});

document.addEventListener('keydown', (event) => {
  if (event.altKey && event.key === 'ArrowRight') vscode.postMessage({ type: 'navigate', direction: 'next' });
  if (event.altKey && event.key === 'ArrowLeft') vscode.postMessage({ type: 'navigate', direction: 'previous' });
});

function flash(button: HTMLElement): void {
  button.classList.add('done');
  setTimeout(() => button.classList.remove('done'), 1200);
}
