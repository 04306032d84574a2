// The end-of-interview report as Markdown: time per question, coverage and rating, and the points
// missed with a link to the answer that holds them. Labels come translated from the caller.

import type { Rating } from '../study/scheduler';
import type { InterviewSession } from './mockInterview';
import { skipReasonText, type InterviewCard, type SkipReason } from './practiceCards';

export interface ReportLabels {
  /** "Mock interview {0}" with the date. */
  title: string;
  /** "Topics: {0}". */
  topics: string;
  question: string;
  time: string;
  /** Time allotted, "of {0}". */
  allotted: string;
  covered: string;
  rating: string;
  notRated: string;
  notAnswered: string;
  /** "Follow-up to: {0}". */
  followUpTo: string;
  pointsMissed: string;
  allCovered: string;
  openAnswer: string;
  /** "Skipped: {0} ({1})" with title and reason. */
  skipped: string;
  ratings: Record<Rating, string>;
  /** Words a skip reason in the user's language (English without it). */
  skipReason?: (reason: SkipReason) => string;
}

export interface ReportRow {
  n: number;
  title: string;
  followUpTo?: string;
  elapsedMs?: number;
  seconds: number;
  covered: number;
  total: number;
  rating?: Rating;
  answered: boolean;
  missed: string[];
  answerKey: string;
}

export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

const fill = (t: string, ...args: string[]) => t.replace(/\{(\d)\}/g, (w, i: string) => args[Number(i)] ?? w);
/** Keeps a title on one line and stops it from breaking the table. */
const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** The rows of the report; steps whose card is gone from the notes are left out. */
export function reportRows(s: InterviewSession, cardFor: (cardKey: string) => InterviewCard | undefined): ReportRow[] {
  const rows: ReportRow[] = [];
  s.steps.forEach((st, i) => {
    const card = cardFor(st.cardKey);
    if (!card) return;
    const answered = st.revealed;
    const row: ReportRow = {
      n: i + 1,
      title: card.prompt,
      seconds: st.seconds,
      covered: st.covered.length,
      total: card.points.length,
      answered,
      missed: answered ? card.points.filter((_, p) => !st.covered.includes(p)) : card.points,
      answerKey: card.answerKey,
    };
    if (card.kind === 'followup') row.followUpTo = card.questionTitle;
    if (st.elapsedMs !== undefined) row.elapsedMs = st.elapsedMs;
    if (st.rating) row.rating = st.rating;
    rows.push(row);
  });
  return rows;
}

/**
 * `linkFor` gives the target of "open the answer" for a question key (a file URI of its note),
 * or undefined to leave the link out.
 */
export function interviewReportMarkdown(s: InterviewSession, rows: readonly ReportRow[], labels: ReportLabels, date: string, linkFor: (questionKey: string) => string | undefined): string {
  const out: string[] = [`# ${fill(labels.title, date)}`, ''];
  if (s.topics.length) out.push(fill(labels.topics, s.topics.join('、')), '');
  out.push(`| # | ${labels.question} | ${labels.time} | ${labels.covered} | ${labels.rating} |`, '|---|---|---|---|---|');
  for (const r of rows) {
    const time = r.elapsedMs === undefined ? '—' : `${formatDuration(r.elapsedMs)} ${fill(labels.allotted, formatDuration(r.seconds * 1000))}`;
    const covered = r.answered ? `${r.covered}/${r.total}` : labels.notAnswered;
    const rating = r.rating ? labels.ratings[r.rating] : labels.notRated;
    const title = r.followUpTo ? `${cell(r.title)} (${cell(fill(labels.followUpTo, r.followUpTo))})` : cell(r.title);
    out.push(`| ${r.n} | ${title} | ${time} | ${covered} | ${rating} |`);
  }
  out.push('', `## ${labels.pointsMissed}`, '');
  const missing = rows.filter((r) => r.missed.length);
  if (!missing.length) out.push(labels.allCovered, '');
  for (const r of missing) {
    out.push(`### ${r.n}. ${cell(r.title)}`, '');
    for (const p of r.missed) out.push(`- ${p.replace(/\n+/g, ' ')}`);
    const link = linkFor(r.answerKey);
    if (link) out.push('', `[${labels.openAnswer}](<${link.replace(/>/g, '%3E')}>)`);
    out.push('');
  }
  if (s.skipped.length) {
    out.push('---', '');
    for (const k of s.skipped) out.push(`- ${fill(labels.skipped, cell(k.title), (labels.skipReason ?? skipReasonText)(k.reason))}`);
    out.push('');
  }
  return out.join('\n');
}
