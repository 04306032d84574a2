// Progress page sections for the interview plan and the statistics: heatmap, due forecast,
// retention per topic and the questions forgotten most. Every chart is an SVG with a <title> per
// mark for pointer users and a table with the same numbers for keyboard and screen readers.

import { fill, recallPercent } from './reviewPage';
import { escapeHtml as esc } from './webviewDocument';

export interface StatsLabels {
  interviewHeading: string;
  /** "Interview on {0} — {1} days left". */
  interviewWhen: string;
  /** "On the day you would recall about {0} of {1} questions". */
  forecast: string;
  /** "Without more study: about {0}". */
  forecastWithout: string;
  planHeading: string;
  cramNote: string;
  noInterview: string;
  setInterviewDate: string;
  date: string;
  reviews: string;
  fresh: string;
  cram: string;
  heatmapHeading: string;
  /** "{0}: {1} reviews". */
  dayReviews: string;
  streak: string;
  dueForecastHeading: string;
  due: string;
  retentionHeading: string;
  topic: string;
  retention: string;
  retentionReviews: string;
  noRetention: string;
  forgottenHeading: string;
  question: string;
  lapses: string;
  recall: string;
  reviewForgotten: string;
  noForgotten: string;
}

export interface PlanSummary {
  interviewDate: string;
  daysLeft: number;
  expected: number;
  total: number;
  withoutStudy: number;
  days: readonly { date: string; reviews: number; fresh: number; cram: boolean }[];
}

export interface StatsParts {
  plan?: PlanSummary;
  /** Reviews per day over the last year, oldest first. */
  heatmap: readonly { date: string; count: number }[];
  streak: number;
  dueForecast: readonly { date: string; due: number }[];
  retention: readonly { title: string; reviews: number; recalled: number }[];
  forgotten: readonly { id: string; title: string; lapses: number; recall: number }[];
  labels: StatsLabels;
}

const button = (command: string, label: string) => `<button type="button" data-action="run" data-command="${command}">${esc(label)}</button>`;

function table(caption: string, head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(String(c))}</th>` : `<td class="num">${esc(String(c))}</td>`)).join('')}</tr>`).join('\n');
  return `<details class="chart-table"><summary>${esc(caption)}</summary>
<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table></details>`;
}

/** Simple bars (one series, optional highlight class per bar), labelled by `aria-labelledby`. */
function bars(values: readonly { label: string; value: number; title: string; className?: string }[], headingId: string): string {
  const SLOT = 14;
  const H = 80;
  const top = Math.max(1, ...values.map((v) => v.value));
  const width = values.length * SLOT;
  const marks = values
    .map((v, i) => {
      const h = Math.round((v.value / top) * H * 100) / 100;
      return `<g class="bar-day"><title>${esc(v.title)}</title><rect class="hit" x="${i * SLOT}" y="0" width="${SLOT}" height="${H}"/><rect class="bar-value${v.className ? ` ${v.className}` : ''}" x="${i * SLOT + 2}" y="${H - h}" width="${SLOT - 4}" height="${h}"/></g>`;
    })
    .join('');
  return `<svg class="chart mini-chart" viewBox="0 -12 ${width} ${H + 14}" width="100%" role="img" aria-labelledby="${headingId}" focusable="false">
<text class="axis-label" x="0" y="-3">${top}</text>
<line class="axis" x1="0" y1="${H}" x2="${width}" y2="${H}"/>
${marks}
</svg>`;
}

function interviewSection(p: StatsParts): string {
  const l = p.labels;
  if (!p.plan) {
    return `<section class="interview-section" aria-labelledby="interview-heading">
<h2 id="interview-heading">${esc(l.interviewHeading)}</h2>
<p class="empty">${esc(l.noInterview)} ${button('setInterviewDate', l.setInterviewDate)}</p>
</section>`;
  }
  const plan = p.plan;
  const expected = Math.round(plan.expected);
  const chart = bars(
    plan.days.map((d) => ({ label: d.date, value: d.reviews + d.fresh, title: `${d.date}: ${l.reviews} ${d.reviews} · ${l.fresh} ${d.fresh}${d.cram ? ` · ${l.cram}` : ''}`, className: d.cram ? 'cram' : undefined })),
    'plan-heading',
  );
  return `<section class="interview-section" aria-labelledby="interview-heading">
<h2 id="interview-heading">${esc(l.interviewHeading)}</h2>
<p class="interview-when">${esc(fill(l.interviewWhen, plan.interviewDate, plan.daysLeft))} ${button('setInterviewDate', l.setInterviewDate)}</p>
<p class="forecast" data-expected="${plan.expected.toFixed(2)}" data-total="${plan.total}"><strong>${esc(fill(l.forecast, expected, plan.total))}</strong><br><span class="stat-detail">${esc(fill(l.forecastWithout, Math.round(plan.withoutStudy)))}</span></p>
<h3 id="plan-heading">${esc(l.planHeading)}</h3>
<p class="stat-detail">${esc(l.cramNote)}</p>
${chart}
${table(l.planHeading, [l.date, l.reviews, l.fresh], plan.days.map((d) => [d.cram ? `${d.date} (${l.cram})` : d.date, d.reviews, d.fresh]))}
</section>`;
}

/** A year of days as weeks (columns) × weekdays (rows), shaded in five levels. */
function heatmap(days: readonly { date: string; count: number }[], l: StatsLabels): string {
  const CELL = 11;
  const max = Math.max(0, ...days.map((d) => d.count));
  const level = (n: number) => (n === 0 ? 0 : max <= 4 ? Math.min(4, n) : Math.min(4, Math.ceil((4 * n) / max)));
  // The first column starts on the weekday of the first day (0 = Sunday), as calendars do.
  const offset = days.length ? new Date(`${days[0].date}T00:00:00Z`).getUTCDay() : 0;
  const cells = days
    .map((d, i) => {
      const slot = i + offset;
      const x = Math.floor(slot / 7) * CELL;
      const y = (slot % 7) * CELL;
      return `<rect class="heat heat-${level(d.count)}" x="${x}" y="${y}" width="${CELL - 2}" height="${CELL - 2}" rx="2"><title>${esc(fill(l.dayReviews, d.date, d.count))}</title></rect>`;
    })
    .join('');
  const weeks = Math.ceil((days.length + offset) / 7);
  return `<svg class="chart heatmap" viewBox="0 0 ${weeks * CELL} ${7 * CELL}" width="100%" role="img" aria-labelledby="heatmap-heading" focusable="false">${cells}</svg>`;
}

function heatmapSection(p: StatsParts): string {
  const l = p.labels;
  const active = p.heatmap.filter((d) => d.count > 0);
  return `<section class="heatmap-section" aria-labelledby="heatmap-heading">
<h2 id="heatmap-heading">${esc(l.heatmapHeading)}</h2>
<p class="streak"><strong>${p.streak}</strong> ${esc(l.streak)}</p>
${heatmap(p.heatmap, l)}
${table(l.heatmapHeading, [l.date, l.reviews], active.map((d) => [d.date, d.count]))}
</section>`;
}

function dueForecastSection(p: StatsParts): string {
  const l = p.labels;
  return `<section class="due-forecast-section" aria-labelledby="due-forecast-heading">
<h2 id="due-forecast-heading">${esc(l.dueForecastHeading)}</h2>
${bars(p.dueForecast.map((d) => ({ label: d.date, value: d.due, title: `${d.date}: ${l.due} ${d.due}` })), 'due-forecast-heading')}
${table(l.dueForecastHeading, [l.date, l.due], p.dueForecast.filter((d) => d.due > 0).map((d) => [d.date, d.due]))}
</section>`;
}

function retentionSection(p: StatsParts): string {
  const l = p.labels;
  const rows = p.retention.filter((r) => r.reviews > 0);
  const body = rows.length
    ? `<table class="topics retention">
<thead><tr><th scope="col">${esc(l.topic)}</th><th scope="col" class="num">${esc(l.retention)}</th><th scope="col" class="num">${esc(l.retentionReviews)}</th></tr></thead>
<tbody>
${rows.map((r) => `<tr><th scope="row">${esc(r.title)}</th><td class="num">${Math.round((100 * r.recalled) / r.reviews)}%</td><td class="num">${r.reviews}</td></tr>`).join('\n')}
</tbody></table>`
    : `<p class="empty">${esc(l.noRetention)}</p>`;
  return `<section class="retention-section" aria-labelledby="retention-heading">
<h2 id="retention-heading">${esc(l.retentionHeading)}</h2>
${body}
</section>`;
}

function forgottenSection(p: StatsParts): string {
  const l = p.labels;
  const body = p.forgotten.length
    ? `<table class="topics forgotten">
<thead><tr><th scope="col">${esc(l.question)}</th><th scope="col" class="num">${esc(l.lapses)}</th><th scope="col" class="num">${esc(l.recall)}</th></tr></thead>
<tbody>
${p.forgotten.map((f) => `<tr><th scope="row"><a href="#" data-question="${esc(f.id)}">${esc(f.title)}</a></th><td class="num">${f.lapses}</td><td class="num">${recallPercent(f.recall)}%</td></tr>`).join('\n')}
</tbody></table>
<p>${button('reviewForgotten', l.reviewForgotten)}</p>`
    : `<p class="empty">${esc(l.noForgotten)}</p>`;
  return `<section class="forgotten-section" aria-labelledby="forgotten-heading">
<h2 id="forgotten-heading">${esc(l.forgottenHeading)}</h2>
${body}
</section>`;
}

/** The interview and statistics sections, in page order. */
export function studyStatsSections(p: StatsParts): string {
  return [interviewSection(p), heatmapSection(p), dueForecastSection(p), retentionSection(p), forgottenSection(p)].join('\n');
}
