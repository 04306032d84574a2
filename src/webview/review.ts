// Runs inside the review webview. It forwards clicks and keys as typed messages; the extension
// validates them, records the rating and sends a new page for the next card.

import type { ReviewMessage } from '../core/protocol/reviewMessages';
import { vscodeApi } from './vscodeApi';

type Rating = Extract<ReviewMessage, { type: 'rate' }>['rating'];

const vscode = vscodeApi<ReviewMessage>();
const questionId = document.body.dataset.questionId ?? '';
const state = document.body.dataset.state;
const RATING_KEYS: Record<string, Rating> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };
// One answer per page: a key repeat or a double click must not rate the next card too.
let sent = false;

function send(message: { type: 'reveal' } | { type: 'rate'; rating: Rating }): void {
  if (sent) return;
  sent = true;
  document.body.classList.add('busy');
  vscode.postMessage({ ...message, questionId });
}

vscode.postMessage({ type: 'ready' });
// Focus the page, not a button: Space on a focused rating button would rate the card.
document.querySelector<HTMLElement>('main')?.focus();

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const button = target.closest<HTMLElement>('[data-action]');
  if (button) {
    event.preventDefault();
    const action = button.dataset.action;
    if (action === 'reveal') send({ type: 'reveal' });
    // The host checks the rating; the page only passes on what its button says.
    else if (action === 'rate' && button.dataset.rating) send({ type: 'rate', rating: button.dataset.rating as Rating });
    else if (action === 'showProgress') vscode.postMessage({ type: 'showProgress' });
    else if (action === 'openExample' || action === 'copyExample') vscode.postMessage({ type: action, questionId, index: Number(button.dataset.example) });
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[data-question], a[data-href]');
  if (link) {
    event.preventDefault();
    if (link.dataset.question) vscode.postMessage({ type: 'openQuestion', id: link.dataset.question });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable]')) return;
  if (state === 'question' && event.key === ' ') {
    event.preventDefault();
    send({ type: 'reveal' });
  } else if (state === 'answer' && RATING_KEYS[event.key]) {
    event.preventDefault();
    send({ type: 'rate', rating: RATING_KEYS[event.key] });
  }
});
