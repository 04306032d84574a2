// What the practice modes show for a card key: a question with its key points, a follow-up with
// the points of its answer, or a runnable example with the output it prints. Everything is
// looked up again from the loaded notes by key, so a restored session never trusts stored text.

import type { CodeExample } from '../notes/model';
import { followUps, keyPoints, type FollowUp } from '../notes/followUps';
import { followUpKey, outputKey, parseCardKey } from '../study/cardKeys';

/** The part of a loaded question the practice modes need. */
export interface PracticeQuestion {
  key: string;
  title: string;
  markdown: string;
  examples: readonly CodeExample[];
}

export type Lookup = (key: string) => PracticeQuestion | undefined;

/** Why a card is left out, as a code the views word in the user's language (see skipReasonText). */
export type SkipReason =
  | { code: 'no-key-points' }
  | { code: 'question-gone' }
  | { code: 'not-interview-card' }
  | { code: 'no-follow-up'; n: number }
  | { code: 'follow-up-empty'; n: number }
  | { code: 'follow-up-no-answer'; n: number }
  | { code: 'follow-up-unknown-link'; n: number; target: string }
  | { code: 'follow-up-no-points'; n: number }
  | { code: 'not-output-drill' }
  | { code: 'no-example'; n: number }
  | { code: 'not-runnable'; n: number }
  | { code: 'no-output'; n: number; line?: number };

export type SkipCode = SkipReason['code'];

/** The reason in English (logs, and where no translation is given). */
export function skipReasonText(r: SkipReason): string {
  switch (r.code) {
    case 'no-key-points':
      return 'the answer has no 要点 (key points) list';
    case 'question-gone':
      return 'the question is no longer in the notes';
    case 'not-interview-card':
      return 'not an interview card';
    case 'no-follow-up':
      return `the question has no follow-up ${r.n}`;
    case 'follow-up-empty':
      return `follow-up ${r.n}: the item is empty`;
    case 'follow-up-no-answer':
      return `follow-up ${r.n}: the item has no answer and links to no question`;
    case 'follow-up-unknown-link':
      return `follow-up ${r.n} links to an unknown question (${r.target}) and has no answer`;
    case 'follow-up-no-points':
      return `follow-up ${r.n} has no points to check`;
    case 'not-output-drill':
      return 'not an output drill';
    case 'no-example':
      return `the question has no example ${r.n}`;
    case 'not-runnable':
      return `example ${r.n} is not runnable`;
    case 'no-output':
      return r.line === undefined ? `example ${r.n} shows no output` : `example ${r.n} (line ${r.line}) shows no output`;
  }
}

const SKIP_CODES: readonly SkipCode[] = [
  'no-key-points', 'question-gone', 'not-interview-card', 'no-follow-up', 'follow-up-empty', 'follow-up-no-answer',
  'follow-up-unknown-link', 'follow-up-no-points', 'not-output-drill', 'no-example', 'not-runnable', 'no-output',
];

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

/** A stored reason read back (a restored session), or undefined when it is not one of ours. */
export function readSkipReason(raw: unknown): SkipReason | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const code = r.code as SkipCode;
  if (!SKIP_CODES.includes(code)) return undefined;
  switch (code) {
    case 'no-key-points':
    case 'question-gone':
    case 'not-interview-card':
    case 'not-output-drill':
      return { code };
    case 'follow-up-unknown-link':
      return isCount(r.n) && typeof r.target === 'string' ? { code, n: r.n, target: r.target.slice(0, 500) } : undefined;
    case 'no-output':
      if (!isCount(r.n)) return undefined;
      if (r.line === undefined) return { code, n: r.n };
      return isCount(r.line) ? { code, n: r.n, line: r.line } : undefined;
    default:
      return isCount(r.n) ? { code, n: r.n } : undefined;
  }
}

export interface Skip {
  /** Question key (or card key) that was left out. */
  key: string;
  title: string;
  reason: SkipReason;
}

export interface InterviewCard {
  cardKey: string;
  kind: 'main' | 'followup';
  questionKey: string;
  questionTitle: string;
  /** Markdown of what is asked: the question title, or the follow-up's prompt. */
  prompt: string;
  /** Markdown of each point to tick. */
  points: string[];
  /** The question whose answer holds these points (a linked question for some follow-ups). */
  answerKey: string;
  followUp?: FollowUp;
}

/** Sentences of a follow-up's answer (split after 。；; outside `code`), as its checklist. */
export function answerPoints(answer: string): string[] {
  const out: string[] = [];
  let inCode = false;
  let start = 0;
  for (let i = 0; i < answer.length; i++) {
    const c = answer[i];
    if (c === '`') inCode = !inCode;
    else if (!inCode && (c === '。' || c === '；' || c === ';' || c === '\n')) {
      out.push(answer.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(answer.slice(start));
  const points: string[] = [];
  for (const raw of out) {
    const p = raw.trim().replace(/[；;]$/, '');
    if (!p) continue;
    // A fragment too short to say on its own belongs to the sentence before it.
    if (points.length && p.replace(/[\p{P}\s]/gu, '').length < 4) points[points.length - 1] += p;
    else points.push(p);
  }
  return points;
}

export function mainCard(q: PracticeQuestion): InterviewCard | { skip: SkipReason } {
  const points = keyPoints(q.markdown);
  if (!points.length) return { skip: { code: 'no-key-points' } };
  return { cardKey: q.key, kind: 'main', questionKey: q.key, questionTitle: q.title, prompt: q.title, points, answerKey: q.key };
}

export function followUpCard(q: PracticeQuestion, f: FollowUp, lookup: Lookup): InterviewCard | { skip: SkipReason } {
  let points = answerPoints(f.answer);
  let answerKey = q.key;
  const linked = f.linkedId ? lookup(f.linkedId) : undefined;
  if (linked) {
    answerKey = linked.key;
    if (!points.length) points = keyPoints(linked.markdown);
  }
  if (!points.length) return { skip: f.linkedId && !linked ? { code: 'follow-up-unknown-link', n: f.index, target: f.linkedId } : { code: 'follow-up-no-points', n: f.index } };
  return { cardKey: followUpKey(q.key, f.index), kind: 'followup', questionKey: q.key, questionTitle: q.title, prompt: f.prompt, points, answerKey, followUp: f };
}

/** The card behind a key, or why it cannot be shown. */
export function interviewCard(cardKey: string, lookup: Lookup): InterviewCard | { skip: SkipReason } {
  const { kind, questionKey, n } = parseCardKey(cardKey);
  const q = lookup(questionKey);
  if (!q) return { skip: { code: 'question-gone' } };
  if (kind === 'question') return mainCard(q);
  if (kind !== 'followup') return { skip: { code: 'not-interview-card' } };
  const f = followUps(q.markdown).followUps.find((x) => x.index === n);
  return f ? followUpCard(q, f, lookup) : { skip: { code: 'no-follow-up', n } };
}

/** The follow-up cards of a question, in order; follow-ups that are not cards come with a reason. */
export function followUpCards(q: PracticeQuestion, lookup: Lookup): { cards: InterviewCard[]; skipped: Skip[] } {
  const { followUps: items, skipped } = followUps(q.markdown);
  const cards: InterviewCard[] = [];
  const skips: Skip[] = skipped.map((s) => ({ key: followUpKey(q.key, s.index), title: q.title, reason: { code: s.code === 'empty' ? 'follow-up-empty' : 'follow-up-no-answer', n: s.index } }));
  for (const f of items) {
    const c = followUpCard(q, f, lookup);
    if ('skip' in c) skips.push({ key: followUpKey(q.key, f.index), title: q.title, reason: c.skip });
    else cards.push(c);
  }
  return { cards, skipped: skips };
}

export interface OutputDrill {
  key: string;
  questionKey: string;
  questionTitle: string;
  /** 0-based index in the question's examples (what the answer view's buttons use). */
  exampleIndex: number;
  code: string;
  expected: string;
}

export function outputDrill(cardKey: string, lookup: Lookup): OutputDrill | { skip: SkipReason } {
  const { kind, questionKey, n } = parseCardKey(cardKey);
  const q = lookup(questionKey);
  if (kind !== 'output') return { skip: { code: 'not-output-drill' } };
  if (!q) return { skip: { code: 'question-gone' } };
  const example = q.examples[n - 1];
  if (!example) return { skip: { code: 'no-example', n } };
  if (!example.runnable) return { skip: { code: 'not-runnable', n } };
  if (!example.expectedOutput?.trim()) return { skip: { code: 'no-output', n } };
  return { key: cardKey, questionKey, questionTitle: q.title, exampleIndex: n - 1, code: example.code, expected: example.expectedOutput };
}

/** Every runnable example with a shown output; runnable ones without output are skipped with a reason. */
export function outputDrills(questions: readonly PracticeQuestion[]): { drills: OutputDrill[]; skipped: Skip[] } {
  const drills: OutputDrill[] = [];
  const skipped: Skip[] = [];
  for (const q of questions) {
    q.examples.forEach((example, i) => {
      if (!example.runnable) return;
      const key = outputKey(q.key, i + 1);
      if (!example.expectedOutput?.trim()) skipped.push({ key, title: q.title, reason: { code: 'no-output', n: i + 1, line: example.line } });
      else drills.push({ key, questionKey: q.key, questionTitle: q.title, exampleIndex: i, code: example.code, expected: example.expectedOutput });
    });
  }
  return { drills, skipped };
}
