import { escapeHtml as esc, webviewDocument } from './webviewDocument';
// The review session's webview document: one card at a time, title first, answer on request.

import { RATINGS, type Rating } from '../study/scheduler';

/** Templates for interval lengths; "{0}" is replaced by the number. */
export interface IntervalUnits {
  /** For 0 days: the card comes back later in this session / today. */
  today: string;
  days: string;
  months: string;
  years: string;
}

export interface ReviewLabels {
  pageTitle: string;
  /** Accessible name of the "3 / 12" position. */
  position: string;
  showAnswer: string;
  /** Key name shown on the Show Answer button ("Space"). */
  spaceKey: string;
  /** Accessible name of the rating button group. */
  ratePrompt: string;
  ratings: Record<Rating, string>;
  /** "recall {0}%": FSRS's predicted recall of the card today. */
  recall: string;
  recallTitle: string;
  /** Shown instead of the recall for a card never reviewed. */
  newCard: string;
  intervals: IntervalUnits;
  summaryTitle: string;
  /** "{0} questions reviewed". */
  summaryReviewed: string;
  /** Accessible name of the per-rating counts. */
  summaryCounts: string;
  showProgress: string;
}

export interface ReviewCard {
  kind: 'card';
  questionId: string;
  title: string;
  /** Sanitised HTML to show instead of `title` (a follow-up's prompt, which may hold code). */
  titleHtml?: string;
  /** "Follow-up to: …" for a follow-up card. */
  followUpTo?: string;
  topicPath: string;
  /** 0-based position in the session queue and its current length. */
  index: number;
  total: number;
  /** Predicted probability (0–1) of recall today; undefined for a card never reviewed. */
  recall?: number;
  /** Present once the answer is revealed. */
  answer?: {
    /** Sanitised answer HTML from renderAnswer. */
    html: string;
    /** Days until due for each rating, from previewIntervals. */
    intervals: Record<Rating, number>;
  };
}

export interface ReviewSummary {
  kind: 'summary';
  /** Distinct questions rated in the session. */
  reviewed: number;
  /** Ratings given (a card answered "again" and then "good" counts in both). */
  counts: Record<Rating, number>;
}

export interface ReviewPageParts {
  view: ReviewCard | ReviewSummary;
  nonce: string;
  /** The webview's own origin for CSP (webview.cspSource). */
  cspSource: string;
  /** Stylesheets in order: the shared answer styles, then the review styles. */
  styleUris: readonly string[];
  scriptUri: string;
  lang: string;
  /** Remote images in answers load only when the user allows them (as in the answer view). */
  allowRemoteImages?: boolean;
  labels: ReviewLabels;
}


/** Replaces {0}, {1}, … in a (translated) template. */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** A recall probability as a whole percentage for display (never 100 unless certain, never below 0). */
export function recallPercent(p: number): number {
  if (!(p > 0)) return 0;
  return Math.min(p >= 1 ? 100 : 99, Math.round(p * 100));
}

/** A compact interval for a rating button: today, 3d, 1.5mo, 1y (units translated by the caller). */
export function formatInterval(days: number, units: IntervalUnits): string {
  if (days < 1) return units.today;
  if (days < 30) return fill(units.days, Math.round(days));
  if (days < 365) return fill(units.months, Math.round((days / 30) * 10) / 10);
  return fill(units.years, Math.round((days / 365) * 10) / 10);
}

function cardBody(card: ReviewCard, labels: ReviewLabels): string {
  const header = `<header class="review-header">
<span class="position" aria-label="${esc(labels.position)}">${card.index + 1} / ${card.total}</span>
<span class="crumbs">${esc(card.topicPath)}</span>
<span class="recall" title="${esc(labels.recallTitle)}">${esc(card.recall === undefined ? labels.newCard : fill(labels.recall, recallPercent(card.recall)))}</span>
${card.followUpTo ? `<span class="follow-up-to">${esc(card.followUpTo)}</span>\n` : ''}</header>
<h1 class="question-title">${card.titleHtml ?? esc(card.title)}</h1>`;
  if (!card.answer) {
    return `${header}
<div class="reveal-bar"><button type="button" class="primary" data-action="reveal" aria-keyshortcuts="Space">${esc(labels.showAnswer)} <kbd>${esc(labels.spaceKey)}</kbd></button></div>`;
  }
  const { html, intervals } = card.answer;
  const buttons = RATINGS.map(
    (r, i) =>
      `<button type="button" class="rating rating-${r}" data-action="rate" data-rating="${r}" aria-keyshortcuts="${i + 1}">` +
      `<span class="rating-name">${esc(labels.ratings[r])}</span> · <span class="rating-interval">${esc(formatInterval(intervals[r], labels.intervals))}</span> <kbd>${i + 1}</kbd></button>`,
  ).join('\n');
  return `${header}
<div class="markdown-body answer-body">
${html}
</div>
<div class="ratings" role="group" aria-label="${esc(labels.ratePrompt)}">
${buttons}
</div>`;
}

function summaryBody(summary: ReviewSummary, labels: ReviewLabels): string {
  const rows = RATINGS.map(
    (r) => `<li class="count count-${r}"><span class="swatch swatch-${r}" aria-hidden="true"></span><span class="count-name">${esc(labels.ratings[r])}</span><span class="count-value">${summary.counts[r]}</span></li>`,
  ).join('\n');
  return `<h1 class="summary-title">${esc(labels.summaryTitle)}</h1>
<p class="summary-reviewed">${esc(fill(labels.summaryReviewed, summary.reviewed))}</p>
<ul class="summary-counts" aria-label="${esc(labels.summaryCounts)}">
${rows}
</ul>
<div class="summary-actions"><button type="button" class="primary" data-action="showProgress">${esc(labels.showProgress)}</button></div>`;
}

/** The whole webview document: strict CSP, one nonce'd script, no inline styles or handlers. */
export function reviewPageHtml(p: ReviewPageParts): string {
  const { view, labels } = p;
  const state = view.kind === 'summary' ? 'summary' : view.answer ? 'answer' : 'question';
  const questionId = view.kind === 'card' ? ` data-question-id="${esc(view.questionId)}"` : '';
  const main = view.kind === 'card' ? cardBody(view, labels) : summaryBody(view, labels);
  return webviewDocument({
    ...p,
    allowRemoteImages: p.allowRemoteImages ?? false,
    title: labels.pageTitle,
    bodyAttributes: ` class="review-page" data-state="${state}"${questionId}`,
    body: `<main class="review" tabindex="-1">
${main}
</main>`,
  });
}
