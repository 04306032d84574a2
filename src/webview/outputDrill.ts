// Runs inside the output drill webview: the prediction box, Check, and the self-rating. The
// prediction is mirrored into vscode.setState so a window reload keeps it.

import type { DrillMessage, DrillViewState } from '../core/protocol/practiceMessages';
import type { DrillSession } from '../core/practice/outputDrillSession';
import type { Rating } from '../core/study/scheduler';
import { vscodeApi } from './vscodeApi';


const vscode = vscodeApi<DrillMessage, DrillViewState>();
const body = document.body;
const state = body.dataset.state;
const key = body.dataset.key ?? '';
const session = JSON.parse(body.dataset.session ?? 'null') as DrillSession;
const drill = session.drills[session.index];
const RATING_KEYS: Record<string, Rating> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };
let sent = false;

const save = () => vscode.setState({ session });
save();
vscode.postMessage({ type: 'ready' });

function send(message: DrillMessage): void {
  if (sent) return;
  sent = true;
  body.classList.add('busy');
  vscode.postMessage(message);
}

const answer = document.querySelector<HTMLTextAreaElement>('textarea.prediction');
let answerTimer: ReturnType<typeof setTimeout> | undefined;
answer?.addEventListener('input', () => {
  if (drill) drill.answer = answer.value;
  save();
  clearTimeout(answerTimer);
  answerTimer = setTimeout(() => vscode.postMessage({ type: 'answer', key, text: answer.value }), 400);
});

function act(action: string | undefined, rating?: string): void {
  if (action === 'start') send({ type: 'start' });
  else if (action === 'check') send({ type: 'check', key, text: answer?.value ?? '' });
  else if (action === 'skip') send({ type: 'skip', key });
  // The host checks the rating; the page only passes on what its button says.
  else if (action === 'rate' && rating) send({ type: 'rate', key, rating: rating as Rating });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest<HTMLElement>('button[data-action]');
  if (button) {
    event.preventDefault();
    act(button.dataset.action, button.dataset.rating);
    return;
  }
  const link = target?.closest<HTMLAnchorElement>('a[data-question]');
  if (link?.dataset.question) {
    event.preventDefault();
    vscode.postMessage({ type: 'openQuestion', id: link.dataset.question });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.repeat || event.altKey || event.metaKey) return;
  if (state === 'predict' && event.key === 'Enter' && event.ctrlKey) {
    event.preventDefault();
    act('check');
    return;
  }
  const target = event.target as HTMLElement | null;
  if (event.ctrlKey || target?.closest('textarea, button, a, summary')) return;
  if (state === 'intro' && event.key === 'Enter') {
    event.preventDefault();
    act('start');
  } else if (state === 'compared' && RATING_KEYS[event.key]) {
    event.preventDefault();
    act('rate', RATING_KEYS[event.key]);
  }
});

if (state === 'predict') answer?.focus();
else document.querySelector<HTMLElement>('main')?.focus();
