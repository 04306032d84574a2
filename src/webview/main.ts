// Runs inside the answer webview. It forwards clicks as typed messages (the
// extension validates them and does the work) and swaps in the next question
// when the extension sends one: one message, one DOM update, no page reload.

import type { AnswerHostMessage, AnswerMessage, AnswerViewState } from '../core/protocol/answerMessages';
import { vscodeApi } from './vscodeApi';

// Marks for `npm run bench:ui -- --profile`: where the page's own time goes.
performance.mark('answer-script');

const vscode = vscodeApi<AnswerMessage, AnswerViewState>();
const root = document.getElementById('answer-root') ?? document.body;
// Fixed for the life of this document: tests and the log tell a reload from a swap by it.
const pageId = Math.random().toString(36).slice(2);
let questionId = document.body.dataset.questionId ?? '';

vscode.postMessage({ type: 'ready', questionId });
shown(document.body.dataset.section);

/** After new content: remember the question, follow the outline, tell the extension. */
function shown(section?: string): void {
  vscode.setState({ questionId });
  if (section) scrollToAnchor(section);
  trackOutline();
  vscode.postMessage({ type: 'shown', questionId, pageId });
}

/** Bumped by every swap, so work left over from the previous one is dropped. */
let generation = 0;
/** A swapped-in answer whose first frame is not painted yet. */
let awaitingPaint = false;
/** My note and backlinks that arrived while the answer's first frame was still pending. */
let pendingAsides: Extract<AnswerHostMessage, { type: 'asides' }> | undefined;

/**
 * Runs `then` once the frame showing the new content is painted: nothing the first screen
 * does not need (focus, scroll-spy, state, messages) competes with its layout and paint.
 * A timer stands in when the page gets no frames (hidden).
 */
function afterFirstPaint(then: () => void): void {
  const mine = ++generation;
  awaitingPaint = true;
  const run = () => {
    if (mine !== generation || !awaitingPaint) return;
    awaitingPaint = false;
    then();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

function show(message: Extract<AnswerHostMessage, { type: 'show' }>): void {
  performance.mark('answer-show');
  const hadFocus = root.contains(document.activeElement) && document.activeElement !== root;
  const keep = message.scroll === 'keep';
  // Scroll is read and set while the old content is still laid out (cheap); afterwards it would force a layout of the new one.
  const scrollY = keep ? window.scrollY : 0;
  if (!keep && window.scrollY !== 0) window.scrollTo(0, 0);
  root.innerHTML = message.html;
  questionId = message.questionId;
  document.title = message.title;
  pendingAsides = undefined;
  if (keep) window.scrollTo(0, scrollY);
  const section = typeof message.scroll === 'object' ? message.scroll.section : undefined;
  // A section link is followed before the first paint, so the top of the answer does not flash first.
  if (section) scrollToAnchor(section);
  afterFirstPaint(() => {
    // The focused element went away with the old content: keep focus in the page, not lost.
    if (hadFocus && !section) root.focus({ preventScroll: true });
    if (pendingAsides) putAsides(pendingAsides);
    pendingAsides = undefined;
    shown();
  });
}

/** My note and "Linked from", under the answer shown; after its first paint, as they are below it. */
function showAsides(message: Extract<AnswerHostMessage, { type: 'asides' }>): void {
  if (message.questionId !== questionId) return;
  if (awaitingPaint) pendingAsides = message;
  else putAsides(message);
}

function putAsides(message: Extract<AnswerHostMessage, { type: 'asides' }>): void {
  const asides = document.getElementById('answer-asides');
  if (asides && message.questionId === questionId) asides.innerHTML = message.html;
}

function scrollToAnchor(raw: string): void {
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // use it as written
  }
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

let outlineFrame = 0;
/** Marks the outline entry of the section being read. */
function trackOutline(): void {
  cancelAnimationFrame(outlineFrame);
  outlineFrame = requestAnimationFrame(() => {
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('.outline a[data-anchor]'));
    if (links.length === 0) return;
    const pagerHeight = root.querySelector('.pager')?.getBoundingClientRect().height ?? 0;
    let current = links[0];
    for (const link of links) {
      const heading = document.getElementById(link.dataset.anchor ?? '');
      if (heading && heading.getBoundingClientRect().top <= pagerHeight + 24) current = link;
    }
    for (const link of links) {
      if (link === current) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
  });
}
window.addEventListener('scroll', trackOutline, { passive: true });
window.addEventListener('resize', trackOutline, { passive: true });

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
    } else if (action === 'openSource' || action === 'toggleMastered' || action === 'toggleFavorite' || action === 'editMyNote') {
      vscode.postMessage({ type: action, questionId });
    } else if (action === 'next' || action === 'previous') {
      vscode.postMessage({ type: 'navigate', direction: action });
    }
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[data-question], a[data-href], a[href^="#"]');
  if (!link) return;
  event.preventDefault();
  const { question, section, href } = link.dataset;
  if (question) vscode.postMessage(section ? { type: 'openQuestion', id: question, section } : { type: 'openQuestion', id: question });
  else if (href) vscode.postMessage({ type: 'openLink', questionId, href });
  else scrollToAnchor(link.getAttribute('href')?.slice(1) ?? '');
});

window.addEventListener('message', (event: MessageEvent<AnswerHostMessage>) => {
  const data = event.data;
  switch (data?.type) {
    case 'show':
      show(data);
      return;
    case 'asides':
      showAsides(data);
      return;
    case 'studyState': {
      // Mastered/favorite changed (from here, the tree or the palette).
      const set = (action: string, on: boolean) => root.querySelector(`[data-action="${action}"]`)?.setAttribute('aria-pressed', String(on === true));
      set('toggleMastered', data.mastered);
      set('toggleFavorite', data.favorite);
      return;
    }
    case 'typography': {
      // CSSOM, not a style attribute: allowed by the page's CSP.
      const style = document.documentElement.style;
      const put = (name: string, value: string | undefined) => (value ? style.setProperty(name, value) : style.removeProperty(name));
      put('--answer-font-size', data.fontSize ? `${data.fontSize}px` : undefined);
      put('--answer-font-family', data.fontFamily);
      put('--answer-line-height', data.lineHeight ? String(data.lineHeight) : undefined);
      return;
    }
  }
});

document.addEventListener('keydown', (event) => {
  if (event.altKey && event.key === 'ArrowRight') vscode.postMessage({ type: 'navigate', direction: 'next' });
  if (event.altKey && event.key === 'ArrowLeft') vscode.postMessage({ type: 'navigate', direction: 'previous' });
});

function flash(button: HTMLElement): void {
  button.classList.add('done');
  setTimeout(() => button.classList.remove('done'), 1200);
}
