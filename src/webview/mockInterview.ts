// Runs inside the mock interview webview: the countdown, the notes area and the checklist.
// Each change is mirrored into vscode.setState (so a window reload resumes the session) and
// sent to the extension, which validates it; only "record" changes study progress.

import type { InterviewMessage, InterviewViewState } from '../core/protocol/practiceMessages';
import type { InterviewSession } from '../core/practice/mockInterview';
import { formatDuration } from '../core/practice/interviewReport';
import { ratingForCoverage } from '../core/practice/coverageRating';
import type { Rating } from '../core/study/scheduler';
import { vscodeApi } from './vscodeApi';


interface ScriptLabels {
  timeUp: string;
  minutesLeft: string;
  secondsLeft: string;
  suggested: string;
  ratings: Record<Rating, string>;
}

const vscode = vscodeApi<InterviewMessage, InterviewViewState>();
const body = document.body;
const state = body.dataset.state;
const cardKey = body.dataset.cardKey ?? '';
const pointCount = Number(body.dataset.points ?? 0);
const session = JSON.parse(body.dataset.session ?? 'null') as InterviewSession;
const labels = JSON.parse(body.dataset.labels ?? '{}') as ScriptLabels;
const fill = (t: string, ...a: (string | number)[]) => t.replace(/\{(\d)\}/g, (w, i: string) => String(a[Number(i)] ?? w));
const step = session.steps[session.index];
// One move per page: a key repeat or a double click must not act on the next question too.
let sent = false;

const save = () => vscode.setState({ session });
save();
vscode.postMessage({ type: 'ready' });

function send(message: InterviewMessage): void {
  if (sent) return;
  sent = true;
  body.classList.add('busy');
  vscode.postMessage(message);
}

// ---- timer ----------------------------------------------------------------------------------

const timerText = document.querySelector<HTMLElement>('.timer-text');
const timerUp = document.querySelector<HTMLElement>('.timer-up');
const announce = document.querySelector<HTMLElement>('.timer-announce');

function showRemaining(ms: number): void {
  if (!timerText || !timerUp) return;
  const over = ms <= 0;
  timerText.textContent = over ? `−${formatDuration(-ms)}` : formatDuration(ms);
  timerUp.hidden = !over;
  document.querySelector('.timer')?.classList.toggle('over', over);
}

const deadline = Number(body.dataset.deadline);
if (body.dataset.remaining !== undefined) {
  showRemaining(Number(body.dataset.remaining));
} else if (state === 'question' && Number.isFinite(deadline)) {
  // Screen readers hear the time at whole minutes, at 30 and 10 seconds and when it runs out.
  let lastAnnounced = '';
  const tick = () => {
    const ms = deadline - Date.now();
    showRemaining(ms);
    const s = Math.ceil(ms / 1000);
    let text = '';
    if (s <= 0) text = labels.timeUp;
    else if (s === 10 || s === 30) text = fill(labels.secondsLeft, s);
    else if (s % 60 === 0) text = fill(labels.minutesLeft, s / 60);
    if (text && text !== lastAnnounced && announce) {
      lastAnnounced = text;
      announce.textContent = text;
    }
  };
  tick();
  setInterval(tick, 250);
}

// ---- notes ----------------------------------------------------------------------------------

const notes = document.querySelector<HTMLTextAreaElement>('textarea.notes');
let notesTimer: ReturnType<typeof setTimeout> | undefined;
notes?.addEventListener('input', () => {
  if (step) step.notes = notes.value;
  save();
  clearTimeout(notesTimer);
  notesTimer = setTimeout(() => vscode.postMessage({ type: 'notes', cardKey, text: notes.value }), 400);
});

// ---- checklist and rating -------------------------------------------------------------------

const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('input[data-point]'));
const radios = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="rating"]'));
const coverage = document.querySelector<HTMLElement>('.coverage');
const suggested = document.querySelector<HTMLElement>('.suggested');
let chosenByHand = false;

const covered = () => boxes.filter((b) => b.checked).map((b) => Number(b.dataset.point));

function updateRating(): void {
  const n = covered().length;
  const rating = ratingForCoverage(n, pointCount);
  if (coverage) coverage.textContent = fill(coverage.dataset.template ?? '', n, pointCount, pointCount ? Math.round((n / pointCount) * 100) : 0);
  if (suggested) suggested.textContent = fill(labels.suggested, labels.ratings[rating]);
  if (!chosenByHand) for (const r of radios) r.checked = r.value === rating;
}

for (const box of boxes) {
  box.addEventListener('change', () => {
    if (step) step.covered = covered();
    save();
    vscode.postMessage({ type: 'cover', cardKey, covered: covered() });
    updateRating();
  });
}
for (const r of radios) r.addEventListener('change', () => (chosenByHand = true));
if (state === 'checklist') updateRating();

function record(): void {
  const rating = radios.find((r) => r.checked)?.value as Rating | undefined;
  if (rating) send({ type: 'record', cardKey, rating, covered: covered() });
}

// ---- actions --------------------------------------------------------------------------------

function act(action: string | undefined): void {
  if (action === 'start') send({ type: 'start' });
  else if (action === 'reveal') send({ type: 'reveal', cardKey, notes: notes?.value ?? '' });
  else if (action === 'record') record();
  else if (action === 'skipRating') send({ type: 'skipRating', cardKey });
  else if (action === 'end') send({ type: 'end' });
  else if (action === 'saveReport') vscode.postMessage({ type: 'saveReport' });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest<HTMLElement>('button[data-action]');
  if (button) {
    event.preventDefault();
    act(button.dataset.action);
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
  const target = event.target as HTMLElement | null;
  if (state === 'question' && event.key === 'Enter' && event.ctrlKey) {
    event.preventDefault();
    act('reveal');
    return;
  }
  if (event.ctrlKey || target?.closest('textarea, button, a, summary')) return;
  if (state === 'intro' && event.key === 'Enter') {
    event.preventDefault();
    act('start');
  } else if (state === 'checklist' && /^[1-9]$/.test(event.key)) {
    const box = boxes[Number(event.key) - 1];
    if (box) {
      event.preventDefault();
      box.click();
    }
  } else if (state === 'checklist' && event.key === 'Enter') {
    event.preventDefault();
    record();
  }
});

if (state === 'question') notes?.focus();
else document.querySelector<HTMLElement>('main')?.focus();
