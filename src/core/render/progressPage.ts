// The study progress page: totals, per-topic mastery and the last days' reviews as a chart.
//
// The CSP allows no inline styles, so bars and chart are SVG whose sizes are plain attributes
// (not style); colours come from the stylesheet's theme variables.

import { RATINGS, addDays, type Rating } from '../study/scheduler';
import { fill } from './reviewPage';
import { escapeHtml as esc, webviewDocument } from './webviewDocument';
import { studyStatsSections, type StatsParts } from './studyStatsSections';

export interface ProgressTotals {
  mastered: number;
  total: number;
  favorites: number;
  /** Reviewed cards due today or earlier. */
  due: number;
  /** New cards today's session would add. */
  fresh: number;
  /** Reviews over the chart's days. */
  reviews: number;
  /** Days in a row, up to today, with at least one review. */
  streak: number;
}

export interface TopicRow {
  title: string;
  mastered: number;
  total: number;
  due: number;
}

export type DayReviews = { date: string } & Record<Rating, number>;

export interface ProgressLabels {
  pageTitle: string;
  startReview: string;
  exportProgress: string;
  importProgress: string;
  mastered: string;
  favorites: string;
  dueToday: string;
  /** "{0} due · {1} new". */
  dueDetail: string;
  reviews: string;
  streak: string;
  topicsHeading: string;
  topic: string;
  progress: string;
  due: string;
  noTopics: string;
  historyHeading: string;
  /** "{0}: {1} reviews" — date and total, first line of a bar's tooltip. */
  dayTitle: string;
  noReviews: string;
  ratings: Record<Rating, string>;
}

export interface ProgressPageParts {
  totals: ProgressTotals;
  topics: readonly TopicRow[];
  /** Oldest first, one entry per day (see reviewHistoryByDay). */
  history: readonly DayReviews[];
  /** Interview plan and statistics sections, when the caller has them. */
  stats?: StatsParts;
  nonce: string;
  cspSource: string;
  styleUris: readonly string[];
  scriptUri: string;
  lang: string;
  labels: ProgressLabels;
}

/**
 * Days in a row with at least one review, ending today. A day without reviews yet does not
 * break the streak until it is over, so the count then ends yesterday.
 */
export function reviewStreak(history: readonly { date: string }[], today: string): number {
  const days = new Set(history.map((e) => e.date));
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

const round = (n: number) => Math.round(n * 100) / 100;
const percent = (part: number, whole: number) => (whole > 0 ? round((100 * Math.min(part, whole)) / whole) : 0);

/** A bar's scale top: the day maximum rounded up to a readable number. */
function scaleTop(max: number): number {
  if (max <= 5) return Math.max(1, max);
  return Math.ceil(max / 5) * 5;
}

function stat(value: string, label: string, detail = ''): string {
  const extra = detail ? `<span class="stat-detail">${esc(detail)}</span>` : '';
  return `<div class="stat"><span class="stat-value">${esc(value)}</span><span class="stat-label">${esc(label)}</span>${extra}</div>`;
}

function totalsSection(t: ProgressTotals, l: ProgressLabels): string {
  return `<section class="totals">
${stat(`${t.mastered} / ${t.total}`, l.mastered)}
${stat(String(t.favorites), l.favorites)}
${stat(String(t.due + t.fresh), l.dueToday, fill(l.dueDetail, t.due, t.fresh))}
${stat(String(t.reviews), l.reviews)}
${stat(String(t.streak), l.streak)}
</section>`;
}

function progressBar(row: TopicRow): string {
  const pct = percent(row.mastered, row.total);
  return (
    `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="${row.total}" aria-valuenow="${Math.min(row.mastered, row.total)}" aria-label="${esc(row.title)}" title="${pct}%">` +
    `<svg class="bar-svg" width="100%" height="8" aria-hidden="true" focusable="false">` +
    `<rect class="bar-track" width="100%" height="100%" rx="4"/>` +
    `<rect class="bar-fill" width="${pct}%" height="100%" rx="4"/>` +
    `</svg></div>`
  );
}

function topicsSection(rows: readonly TopicRow[], l: ProgressLabels): string {
  const body = rows.length
    ? `<table class="topics">
<thead><tr><th scope="col">${esc(l.topic)}</th><th scope="col" class="num">${esc(l.mastered)}</th><th scope="col" class="bar-col">${esc(l.progress)}</th><th scope="col" class="num">${esc(l.due)}</th></tr></thead>
<tbody>
${rows
  .map(
    (r) =>
      `<tr><th scope="row">${esc(r.title)}</th><td class="num">${r.mastered} / ${r.total}</td><td class="bar-col">${progressBar(r)}</td><td class="num${r.due ? ' has-due' : ''}">${r.due}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`
    : `<p class="empty">${esc(l.noTopics)}</p>`;
  return `<section class="topics-section" aria-labelledby="topics-heading">
<h2 id="topics-heading">${esc(l.topicsHeading)}</h2>
${body}
</section>`;
}

const SLOT = 20;
const BAR = 14;
const PLOT = 120;
const TOP = 14;
const BOTTOM = 18;
const LEFT = 26;
/** Room for the last date label, which is centred under today's bar. */
const RIGHT = 12;

/** Stacked bars, again at the bottom up to easy; every bar has a <title> naming its counts. */
export function historyChart(days: readonly DayReviews[], l: ProgressLabels): string {
  const width = LEFT + days.length * SLOT;
  const viewWidth = width + RIGHT;
  const height = TOP + PLOT + BOTTOM;
  const base = TOP + PLOT;
  const top = scaleTop(Math.max(0, ...days.map((d) => RATINGS.reduce((n, r) => n + d[r], 0))));
  const unit = PLOT / top;
  const bars = days.map((d, i) => {
    const total = RATINGS.reduce((n, r) => n + d[r], 0);
    const x = LEFT + i * SLOT;
    const breakdown = RATINGS.map((r) => `${l.ratings[r]} ${d[r]}`).join(' · ');
    let y = base;
    const segments = RATINGS.filter((r) => d[r] > 0).map((r) => {
      const h = round(d[r] * unit);
      y = round(y - h);
      return `<rect class="seg seg-${r}" x="${x + (SLOT - BAR) / 2}" y="${y}" width="${BAR}" height="${h}"/>`;
    });
    // Today and every seventh day before it get a date under the axis.
    const label = (days.length - 1 - i) % 7 === 0 ? `<text class="axis-label" x="${x + SLOT / 2}" y="${base + 13}" text-anchor="middle">${esc(d.date.slice(5))}</text>` : '';
    return (
      `<g class="day" role="img" data-date="${esc(d.date)}" data-total="${total}"><title>${esc(`${fill(l.dayTitle, d.date, total)}\n${breakdown}`)}</title>` +
      `<rect class="hit" x="${x}" y="${TOP}" width="${SLOT}" height="${PLOT}"/>${segments.join('')}${label}</g>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${viewWidth} ${height}" width="100%" role="group" aria-labelledby="history-heading" focusable="false">
<line class="grid" x1="${LEFT}" y1="${TOP}" x2="${width}" y2="${TOP}"/>
<line class="axis" x1="${LEFT}" y1="${base}" x2="${width}" y2="${base}"/>
<text class="axis-label" x="${LEFT - 4}" y="${TOP + 4}" text-anchor="end">${top}</text>
<text class="axis-label" x="${LEFT - 4}" y="${base}" text-anchor="end">0</text>
${bars.join('\n')}
</svg>`;
}

function historySection(days: readonly DayReviews[], reviews: number, l: ProgressLabels): string {
  const legend = RATINGS.map((r) => `<li><span class="swatch swatch-${r}" aria-hidden="true"></span>${esc(l.ratings[r])}</li>`).join('');
  const empty = reviews === 0 ? `<p class="empty">${esc(l.noReviews)}</p>` : '';
  return `<section class="history-section" aria-labelledby="history-heading">
<h2 id="history-heading">${esc(l.historyHeading)}</h2>
<ul class="legend">${legend}</ul>
${historyChart(days, l)}
${empty}
</section>`;
}

export function progressPageHtml(p: ProgressPageParts): string {
  const l = p.labels;
  const action = (command: string, label: string, primary = false) =>
    `<button type="button"${primary ? ' class="primary"' : ''} data-action="run" data-command="${command}">${esc(label)}</button>`;
  return webviewDocument({
    ...p,
    allowRemoteImages: false,
    title: l.pageTitle,
    bodyAttributes: ' class="progress-page"',
    body: `<main class="progress">
<header class="progress-header">
<h1>${esc(l.pageTitle)}</h1>
<div class="actions">${action('startReview', l.startReview, true)}${action('exportProgress', l.exportProgress)}${action('importProgress', l.importProgress)}</div>
</header>
${totalsSection(p.totals, l)}
${p.stats ? studyStatsSections(p.stats) : ''}
${topicsSection(p.topics, l)}
${historySection(p.history, p.totals.reviews, l)}
</main>`,
  });
}
