// The predict-the-output drill's webview document: an example's code with its output hidden, a
// box for the prediction, then a line-by-line comparison (marked by symbol and word, not only
// by colour) and a self-rating.

import { RATINGS, type Rating } from '../study/scheduler';
import type { OutputComparison } from '../practice/outputCompare';
import type { DrillSession, DrillState } from '../practice/outputDrillSession';
import { skipReasonText, type Skip, type SkipReason } from '../practice/practiceCards';
import { highlightCode } from './highlightCode';
import { escapeHtml as esc, webviewDocument } from './webviewDocument';
import { fill } from './reviewPage';

export interface DrillLabels {
  pageTitle: string;
  introTitle: string;
  /** "{0} examples to predict". */
  introCount: string;
  /** "From: {0}". */
  scope: string;
  /** "{0} examples left out:" */
  skippedCount: string;
  /** Words a skip reason in the user's language (English without it). */
  skipReason?: (reason: SkipReason) => string;
  start: string;
  /** "Drill {0} of {1}". */
  position: string;
  prompt: string;
  answerLabel: string;
  check: string;
  skip: string;
  /** "{0} of {1} lines match". */
  result: string;
  allMatch: string;
  line: string;
  expected: string;
  yours: string;
  status: Record<'match' | 'differs' | 'missing' | 'extra', string>;
  ratePrompt: string;
  ratings: Record<Rating, string>;
  openQuestion: string;
  summaryTitle: string;
  /** "{0} drills rated". */
  summaryRated: string;
  keys: string;
}

export type DrillView =
  | { kind: 'intro' }
  | { kind: 'drill'; drill: DrillState; position: number; total: number; questionKey: string; questionTitle: string; code: string; comparison?: OutputComparison }
  | { kind: 'summary'; counts: Record<Rating, number> };

export interface DrillPageParts {
  view: DrillView;
  session: DrillSession;
  nonce: string;
  cspSource: string;
  styleUris: readonly string[];
  scriptUri: string;
  lang: string;
  labels: DrillLabels;
}

const SYMBOL = { match: '✓', differs: '✗', missing: '−', extra: '+' } as const;

function skippedList(skipped: readonly Skip[], labels: DrillLabels): string {
  if (!skipped.length) return '';
  const items = skipped.map((s) => `<li><span class="skip-title">${esc(s.title)}</span> — <span class="skip-reason">${esc((labels.skipReason ?? skipReasonText)(s.reason))}</span></li>`).join('\n');
  return `<details class="skipped"><summary>${esc(fill(labels.skippedCount, skipped.length))}</summary><ul>\n${items}\n</ul></details>`;
}

function comparisonTable(c: OutputComparison, labels: DrillLabels): string {
  const cell = (text: string | undefined) => (text === undefined ? '<td class="absent">—</td>' : `<td><code>${esc(text) || '&nbsp;'}</code></td>`);
  const rows = c.lines
    .map((l) => `<tr class="line-${l.status}"><td class="num">${l.n}</td>${cell(l.expected)}${cell(l.actual)}<td class="status"><span aria-hidden="true">${SYMBOL[l.status]}</span> ${esc(labels.status[l.status])}</td></tr>`)
    .join('\n');
  const summary = c.allMatch ? labels.allMatch : fill(labels.result, c.matched, c.total);
  return `<p class="result ${c.allMatch ? 'result-match' : 'result-differs'}" role="status"><span aria-hidden="true">${c.allMatch ? '✓' : '✗'}</span> ${esc(summary)}</p>
<div class="table-wrap"><table class="comparison">
<thead><tr><th>${esc(labels.line)}</th><th>${esc(labels.expected)}</th><th>${esc(labels.yours)}</th><th>${esc(labels.status.match)} / ${esc(labels.status.differs)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function drillBody(v: Extract<DrillView, { kind: 'drill' }>, labels: DrillLabels): string {
  const code = highlightCode(v.code, 'python') ?? esc(v.code);
  const header = `<header class="practice-header">
<span class="position" aria-label="${esc(fill(labels.position, v.position, v.total))}">${v.position} / ${v.total}</span>
<a href="#" class="question-link crumbs" data-question="${esc(v.questionKey)}" title="${esc(labels.openQuestion)}">${esc(v.questionTitle)}</a>
</header>
<h1 class="practice-title">${esc(labels.prompt)}</h1>
<div class="code-block example"><pre><code class="hljs language-python">${code}</code></pre></div>`;
  if (!v.comparison) {
    return `${header}
<label class="notes-label" for="drill-answer">${esc(labels.answerLabel)}</label>
<textarea id="drill-answer" class="notes prediction" rows="6" spellcheck="false" autocomplete="off">${esc(v.drill.answer)}</textarea>
<p class="keys">${esc(labels.keys)}</p>
<div class="actions">
<button type="button" class="primary" data-action="check" aria-keyshortcuts="Control+Enter">${esc(labels.check)} <kbd>Ctrl+Enter</kbd></button>
<button type="button" data-action="skip">${esc(labels.skip)}</button>
</div>`;
  }
  const buttons = RATINGS.map(
    (r, i) => `<button type="button" class="rating rating-${r}" data-action="rate" data-rating="${r}" aria-keyshortcuts="${i + 1}"><span class="rating-name">${esc(labels.ratings[r])}</span> <kbd>${i + 1}</kbd></button>`,
  ).join('\n');
  return `${header}
${comparisonTable(v.comparison, labels)}
<div class="ratings" role="group" aria-label="${esc(labels.ratePrompt)}">
${buttons}
</div>`;
}

export function outputDrillPageHtml(p: DrillPageParts): string {
  const { view, labels, session } = p;
  let main: string;
  if (view.kind === 'intro') {
    const scope = session.scope ? `<p class="topics">${esc(fill(labels.scope, session.scope))}</p>` : '';
    main = `<h1 class="practice-title">${esc(labels.introTitle)}</h1>
<p class="plan">${esc(fill(labels.introCount, session.drills.length))}</p>
${scope}
${skippedList(session.skipped, labels)}
<p class="keys">${esc(labels.keys)}</p>
<div class="actions"><button type="button" class="primary" data-action="start" aria-keyshortcuts="Enter">${esc(labels.start)} <kbd>Enter</kbd></button></div>`;
  } else if (view.kind === 'drill') {
    main = drillBody(view, labels);
  } else {
    const rated = RATINGS.reduce((n, r) => n + view.counts[r], 0);
    const rows = RATINGS.map((r) => `<li class="count count-${r}"><span class="count-name">${esc(labels.ratings[r])}</span><span class="count-value">${view.counts[r]}</span></li>`).join('\n');
    main = `<h1 class="practice-title">${esc(labels.summaryTitle)}</h1>
<p>${esc(fill(labels.summaryRated, rated))}</p>
<ul class="summary-counts">
${rows}
</ul>`;
  }
  const state = view.kind === 'drill' ? (view.comparison ? 'compared' : 'predict') : view.kind;
  const key = view.kind === 'drill' ? ` data-key="${esc(view.drill.key)}"` : '';
  return webviewDocument({
    ...p,
    allowRemoteImages: false,
    title: labels.pageTitle,
    bodyAttributes: ` class="practice-page drill-page" data-state="${state}"${key} data-session="${esc(JSON.stringify(session))}"`,
    body: `<main class="practice" tabindex="-1">
${main}
</main>`,
  });
}
