// The mock interview's webview document: an intro, then one question at a time with a timer and
// a notes area, its key points as a checklist once revealed, and the report at the end.

import { RATINGS, type Rating } from '../study/scheduler';
import { COVERAGE_THRESHOLDS } from '../practice/coverageRating';
import type { InterviewSession, StepState } from '../practice/mockInterview';
import { formatDuration, type ReportRow } from '../practice/interviewReport';
import { skipReasonText, type Skip, type SkipReason } from '../practice/practiceCards';
import { escapeHtml as esc, webviewDocument } from './webviewDocument';
import { fill } from './reviewPage';

export interface InterviewLabels {
  pageTitle: string;
  introTitle: string;
  /** "{0} questions and {1} follow-ups, {2} min per question". */
  introPlan: string;
  /** "Topics: {0}". */
  topics: string;
  /** "{0} questions left out:" */
  skippedCount: string;
  /** Words a skip reason in the user's language (English without it). */
  skipReason?: (reason: SkipReason) => string;
  start: string;
  /** "Question {0} of {1}". */
  position: string;
  /** "Follow-up to: {0}". */
  followUpTo: string;
  timer: string;
  timeUp: string;
  /** Announced: "{0} minutes left", "{0} seconds left". */
  minutesLeft: string;
  secondsLeft: string;
  notes: string;
  notesHint: string;
  reveal: string;
  checklist: string;
  yourNotes: string;
  /** "Covered {0} of {1} ({2}%)". */
  coverage: string;
  /** "Suggested: {0}". */
  suggested: string;
  ratingLegend: string;
  ratings: Record<Rating, string>;
  record: string;
  skipRating: string;
  end: string;
  reportTitle: string;
  question: string;
  time: string;
  covered: string;
  rating: string;
  notRated: string;
  notAnswered: string;
  pointsMissed: string;
  allCovered: string;
  openAnswer: string;
  saveReport: string;
  /** Shown under the ratings: what the thresholds are. */
  thresholds: string;
  keys: string;
}

export type InterviewView =
  | { kind: 'intro'; questions: number; followUps: number; secondsPerQuestion: number }
  | {
      kind: 'step';
      step: StepState;
      position: number;
      total: number;
      /** Sanitised HTML of the prompt and of each point. */
      promptHtml: string;
      points: string[];
      followUpTo?: string;
      questionKey: string;
    }
  | { kind: 'report'; rows: (ReportRow & { missedHtml: string[] })[] };

export interface InterviewPageParts {
  view: InterviewView;
  session: InterviewSession;
  nonce: string;
  cspSource: string;
  styleUris: readonly string[];
  scriptUri: string;
  lang: string;
  allowRemoteImages?: boolean;
  labels: InterviewLabels;
}

function skippedList(skipped: readonly Skip[], labels: InterviewLabels): string {
  if (!skipped.length) return '';
  const items = skipped.map((s) => `<li><span class="skip-title">${esc(s.title)}</span> — <span class="skip-reason">${esc((labels.skipReason ?? skipReasonText)(s.reason))}</span></li>`).join('\n');
  return `<details class="skipped"><summary>${esc(fill(labels.skippedCount, skipped.length))}</summary><ul>\n${items}\n</ul></details>`;
}

function introBody(v: Extract<InterviewView, { kind: 'intro' }>, s: InterviewSession, labels: InterviewLabels): string {
  const topics = s.topics.length ? `<p class="topics">${esc(fill(labels.topics, s.topics.join('、')))}</p>` : '';
  return `<h1 class="practice-title">${esc(labels.introTitle)}</h1>
<p class="plan">${esc(fill(labels.introPlan, v.questions, v.followUps, Math.round((v.secondsPerQuestion / 60) * 10) / 10))}</p>
${topics}
${skippedList(s.skipped, labels)}
<p class="keys">${esc(labels.keys)}</p>
<div class="actions"><button type="button" class="primary" data-action="start" aria-keyshortcuts="Enter">${esc(labels.start)} <kbd>Enter</kbd></button></div>`;
}

function ratingGroup(labels: InterviewLabels): string {
  const radios = RATINGS.map((r) => `<label class="rating-choice rating-${r}"><input type="radio" name="rating" value="${r}"> ${esc(labels.ratings[r])}</label>`).join('\n');
  return `<fieldset class="rating-group"><legend>${esc(labels.ratingLegend)}</legend>
${radios}
</fieldset>
<p class="suggested" aria-live="polite"></p>
<p class="thresholds">${esc(fill(labels.thresholds, COVERAGE_THRESHOLDS.hard * 100, COVERAGE_THRESHOLDS.good * 100))}</p>`;
}

function stepBody(v: Extract<InterviewView, { kind: 'step' }>, labels: InterviewLabels): string {
  const { step } = v;
  const context = v.followUpTo ? `<span class="follow-up-to">${esc(fill(labels.followUpTo, v.followUpTo))}</span>` : '';
  const header = `<header class="practice-header">
<span class="position" aria-label="${esc(fill(labels.position, v.position, v.total))}">${v.position} / ${v.total}</span>
${context}
<div class="timer" role="timer" aria-label="${esc(labels.timer)}"><span class="timer-text">${formatDuration(step.seconds * 1000)}</span><span class="timer-up" hidden> · ${esc(labels.timeUp)}</span></div>
</header>
<p class="timer-announce sr-only" aria-live="polite" aria-atomic="true"></p>
<div class="prompt markdown-body">${v.promptHtml}</div>`;
  if (!step.revealed) {
    return `${header}
<label class="notes-label" for="interview-notes">${esc(labels.notes)}</label>
<textarea id="interview-notes" class="notes" rows="8" spellcheck="false" aria-describedby="interview-notes-hint">${esc(step.notes)}</textarea>
<p id="interview-notes-hint" class="hint">${esc(labels.notesHint)}</p>
<div class="actions">
<button type="button" class="primary" data-action="reveal" aria-keyshortcuts="Control+Enter">${esc(labels.reveal)} <kbd>Ctrl+Enter</kbd></button>
<button type="button" data-action="end">${esc(labels.end)}</button>
</div>`;
  }
  const points = v.points
    .map((html, i) => {
      const checked = step.covered.includes(i) ? ' checked' : '';
      const key = i < 9 ? ` aria-keyshortcuts="${i + 1}"` : '';
      return `<li><input type="checkbox" id="interview-point-${i}" data-point="${i}"${checked}${key}><label for="interview-point-${i}"><span class="point-n">${i + 1}</span> <span class="point-text">${html}</span></label></li>`;
    })
    .join('\n');
  const notes = step.notes.trim() ? `<details class="your-notes" open><summary>${esc(labels.yourNotes)}</summary><pre>${esc(step.notes)}</pre></details>` : '';
  return `${header}
${notes}
<fieldset class="checklist"><legend>${esc(labels.checklist)}</legend>
<ol class="points">
${points}
</ol>
<p class="coverage" data-template="${esc(labels.coverage)}"></p>
</fieldset>
${ratingGroup(labels)}
<div class="actions">
<button type="button" class="primary" data-action="record" aria-keyshortcuts="Enter">${esc(labels.record)} <kbd>Enter</kbd></button>
<button type="button" data-action="skipRating">${esc(labels.skipRating)}</button>
<button type="button" data-action="end">${esc(labels.end)}</button>
</div>`;
}

function reportBody(v: Extract<InterviewView, { kind: 'report' }>, s: InterviewSession, labels: InterviewLabels): string {
  const rows = v.rows
    .map((r) => {
      const time = r.elapsedMs === undefined ? '—' : `${formatDuration(r.elapsedMs)} / ${formatDuration(r.seconds * 1000)}`;
      const over = r.elapsedMs !== undefined && r.elapsedMs > r.seconds * 1000 ? ` <span class="over">(${esc(labels.timeUp)})</span>` : '';
      const follow = r.followUpTo ? `<div class="follow-up-to">${esc(fill(labels.followUpTo, r.followUpTo))}</div>` : '';
      return `<tr><td>${r.n}</td><td>${esc(r.title)}${follow}</td><td class="num">${time}${over}</td><td class="num">${r.answered ? `${r.covered}/${r.total}` : esc(labels.notAnswered)}</td><td>${esc(r.rating ? labels.ratings[r.rating] : labels.notRated)}</td></tr>`;
    })
    .join('\n');
  const missed = v.rows
    .filter((r) => r.missedHtml.length)
    .map(
      (r) => `<section class="missed"><h3>${r.n}. ${esc(r.title)}</h3><ul>${r.missedHtml.map((h) => `<li>${h}</li>`).join('')}</ul>
<a href="#" class="question-link" data-question="${esc(r.answerKey)}">${esc(labels.openAnswer)}</a></section>`,
    )
    .join('\n');
  return `<h1 class="practice-title">${esc(labels.reportTitle)}</h1>
<div class="table-wrap"><table class="report">
<thead><tr><th>#</th><th>${esc(labels.question)}</th><th>${esc(labels.time)}</th><th>${esc(labels.covered)}</th><th>${esc(labels.rating)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<h2>${esc(labels.pointsMissed)}</h2>
${missed || `<p>${esc(labels.allCovered)}</p>`}
${skippedList(s.skipped, labels)}
<div class="actions"><button type="button" class="primary" data-action="saveReport">${esc(labels.saveReport)}</button></div>`;
}

/** The webview's script reads the session (for vscode.setState) and its labels from the body. */
export function mockInterviewPageHtml(p: InterviewPageParts): string {
  const { view, labels, session } = p;
  const main = view.kind === 'intro' ? introBody(view, session, labels) : view.kind === 'step' ? stepBody(view, labels) : reportBody(view, session, labels);
  const state = view.kind === 'step' ? (view.step.revealed ? 'checklist' : 'question') : view.kind;
  let attrs = ` class="practice-page interview-page" data-state="${state}" data-session="${esc(JSON.stringify(session))}"`;
  if (view.kind === 'step') {
    attrs += ` data-card-key="${esc(view.step.cardKey)}" data-points="${view.points.length}"`;
    if (view.step.startedAt !== undefined) attrs += ` data-deadline="${view.step.startedAt + view.step.seconds * 1000}"`;
    if (view.step.elapsedMs !== undefined) attrs += ` data-remaining="${view.step.seconds * 1000 - view.step.elapsedMs}"`;
  }
  const scriptLabels = { timeUp: labels.timeUp, minutesLeft: labels.minutesLeft, secondsLeft: labels.secondsLeft, suggested: labels.suggested, ratings: labels.ratings };
  attrs += ` data-labels="${esc(JSON.stringify(scriptLabels))}"`;
  return webviewDocument({
    ...p,
    allowRemoteImages: p.allowRemoteImages ?? false,
    title: labels.pageTitle,
    bodyAttributes: attrs,
    body: `<main class="practice" tabindex="-1">
${main}
</main>`,
  });
}
