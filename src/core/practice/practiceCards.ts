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

export interface Skip {
  /** Question key (or card key) that was left out. */
  key: string;
  title: string;
  reason: string;
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

export function mainCard(q: PracticeQuestion): InterviewCard | { skip: string } {
  const points = keyPoints(q.markdown);
  if (!points.length) return { skip: 'the answer has no 要点 (key points) list' };
  return { cardKey: q.key, kind: 'main', questionKey: q.key, questionTitle: q.title, prompt: q.title, points, answerKey: q.key };
}

export function followUpCard(q: PracticeQuestion, f: FollowUp, lookup: Lookup): InterviewCard | { skip: string } {
  let points = answerPoints(f.answer);
  let answerKey = q.key;
  const linked = f.linkedId ? lookup(f.linkedId) : undefined;
  if (linked) {
    answerKey = linked.key;
    if (!points.length) points = keyPoints(linked.markdown);
  }
  if (!points.length) return { skip: f.linkedId && !linked ? `follow-up ${f.index} links to an unknown question (${f.linkedId}) and has no answer` : `follow-up ${f.index} has no points to check` };
  return { cardKey: followUpKey(q.key, f.index), kind: 'followup', questionKey: q.key, questionTitle: q.title, prompt: f.prompt, points, answerKey, followUp: f };
}

/** The card behind a key, or why it cannot be shown. */
export function interviewCard(cardKey: string, lookup: Lookup): InterviewCard | { skip: string } {
  const { kind, questionKey, n } = parseCardKey(cardKey);
  const q = lookup(questionKey);
  if (!q) return { skip: 'the question is no longer in the notes' };
  if (kind === 'question') return mainCard(q);
  if (kind !== 'followup') return { skip: 'not an interview card' };
  const f = followUps(q.markdown).followUps.find((x) => x.index === n);
  return f ? followUpCard(q, f, lookup) : { skip: `the question has no follow-up ${n}` };
}

/** The follow-up cards of a question, in order; follow-ups that are not cards come with a reason. */
export function followUpCards(q: PracticeQuestion, lookup: Lookup): { cards: InterviewCard[]; skipped: Skip[] } {
  const { followUps: items, skipped } = followUps(q.markdown);
  const cards: InterviewCard[] = [];
  const skips: Skip[] = skipped.map((s) => ({ key: followUpKey(q.key, s.index), title: q.title, reason: `follow-up ${s.index}: ${s.reason}` }));
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

export function outputDrill(cardKey: string, lookup: Lookup): OutputDrill | { skip: string } {
  const { kind, questionKey, n } = parseCardKey(cardKey);
  const q = lookup(questionKey);
  if (kind !== 'output') return { skip: 'not an output drill' };
  if (!q) return { skip: 'the question is no longer in the notes' };
  const example = q.examples[n - 1];
  if (!example) return { skip: `the question has no example ${n}` };
  if (!example.runnable) return { skip: `example ${n} is not runnable` };
  if (!example.expectedOutput?.trim()) return { skip: `example ${n} shows no output` };
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
      if (!example.expectedOutput?.trim()) skipped.push({ key, title: q.title, reason: `example ${i + 1} (line ${example.line}) shows no output` });
      else drills.push({ key, questionKey: q.key, questionTitle: q.title, exampleIndex: i, code: example.code, expected: example.expectedOutput });
    });
  }
  return { drills, skipped };
}
