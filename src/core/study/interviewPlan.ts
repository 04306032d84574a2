// The interview-day plan: what to study each day until a date so that every question is learned
// and reviewed before it, and what recall to expect on the day.
//
// The plan is a forward simulation with FSRS: each day reviews the cards due that day, learns a
// share of the unseen questions (the remaining ones spread evenly over the learning days left, so
// the daily load stays level) and assumes each answer is "good". The last two days before the
// interview switch to cramming: every studied card predicted below the desired retention on the
// day is reviewed once more. The forecast is the sum of predicted recall on the day.

import type { Difficulty, Importance } from '../notes/model';
import { addDays, clampRetention, daysBetween, retrievability, reviewCard, type CardState, type SchedulerOptions } from './scheduler';
import { familyOf } from './cardKeys';
import { dueQueue, newStartedOn, progressOf, type StudyState } from './studyState';

/** What the plan needs to know about a question. */
export interface PlanQuestion {
  id: string;
  /** Topic id, to spread new questions across topics. */
  topic: string;
  importance?: Importance;
  difficulty?: Difficulty;
}

export interface PlanDay {
  date: string;
  /** Studied cards to review that day, most overdue first (crammed ones after). */
  reviews: string[];
  /** Unseen questions to learn that day, most valuable first. */
  fresh: string[];
  /** One of the last two days before the interview. */
  cram: boolean;
}

export interface InterviewPlan {
  interviewDate: string;
  /** Whole days from today to the interview (0 when it is today). */
  daysLeft: number;
  /** Today first, up to the day before the interview (or just today when the interview is today). */
  days: PlanDay[];
  /** Sum of predicted recall on the day if the plan is followed, and the number of questions. */
  forecast: { expected: number; total: number };
  /** The same sum if nothing more were studied from today. */
  withoutStudy: number;
}

/** The learning-step order: important first, then harder (they need more reviews), spread across topics. */
export function rankUnseen(questions: readonly PlanQuestion[], state: StudyState): PlanQuestion[] {
  const unseen = questions.filter((q) => !progressOf(state, q.id)?.card);
  const mastered = (q: PlanQuestion) => (progressOf(state, q.id)?.mastered ? 1 : 0);
  const weight = { easy: 0, medium: 1, hard: 2 } as const;
  // Questions the user marked mastered come last; without importance a question counts as 2.
  const tier = (q: PlanQuestion) => mastered(q) * 100 + (3 - (q.importance ?? 2)) * 10 + (2 - (q.difficulty ? weight[q.difficulty] : 1));
  const tiers = new Map<number, PlanQuestion[]>();
  for (const q of unseen) {
    const t = tier(q);
    const list = tiers.get(t);
    if (list) list.push(q);
    else tiers.set(t, [q]);
  }
  const out: PlanQuestion[] = [];
  // A loop, not push(...): tens of thousands of questions would overflow the stack as arguments.
  for (const t of [...tiers.keys()].sort((a, b) => a - b)) for (const q of roundRobin(tiers.get(t)!)) out.push(q);
  return out;
}

/** One question from each topic in turn, keeping the order within a topic. */
function roundRobin(list: readonly PlanQuestion[]): PlanQuestion[] {
  const byTopic = new Map<string, PlanQuestion[]>();
  for (const q of list) {
    const l = byTopic.get(q.topic);
    if (l) l.push(q);
    else byTopic.set(q.topic, [q]);
  }
  const queues = [...byTopic.values()];
  const out: PlanQuestion[] = [];
  for (let i = 0; out.length < list.length; i++) for (const qs of queues) if (i < qs.length) out.push(qs[i]);
  return out;
}

/** The longest plan simulated; a later date plans the first two years and forecasts from there. */
export const MAX_PLAN_DAYS = 730;
const CRAM_DAYS = 2;

/**
 * The plan from `today` to `interviewDate`, or undefined when the date has passed. Pure.
 * `questions` is every question that counts (cards of other questions are ignored).
 */
export function interviewPlan(state: StudyState, questions: readonly PlanQuestion[], today: string, interviewDate: string, options?: SchedulerOptions): InterviewPlan | undefined {
  const run = simulate(state, questions, today, interviewDate, options, false);
  if (!run) return undefined;
  const { daysLeft, days, cards, withoutStudy } = run;
  return { interviewDate, daysLeft, days, forecast: { expected: sumRecall(cards, interviewDate), total: questions.length }, withoutStudy };
}

/** Today's day of the plan, the same as `interviewPlan(…).days[0]` without simulating the days after it. */
export interface TodaysPlan {
  interviewDate: string;
  daysLeft: number;
  day: PlanDay;
}

/**
 * Only today's share of the plan: what the status bar and today's review session need after every
 * rating, so they cost one pass over the cards, not a simulation of every day up to the interview.
 */
export function todaysPlan(state: StudyState, questions: readonly PlanQuestion[], today: string, interviewDate: string, options?: SchedulerOptions): TodaysPlan | undefined {
  const run = simulate(state, questions, today, interviewDate, options, true);
  return run && { interviewDate, daysLeft: run.daysLeft, day: run.days[0] };
}

function simulate(state: StudyState, questions: readonly PlanQuestion[], today: string, interviewDate: string, options: SchedulerOptions | undefined, firstDayOnly: boolean) {
  const daysLeft = daysBetween(today, interviewDate);
  if (daysLeft < 0) return undefined;
  const retention = clampRetention(options?.desiredRetention);
  const cards = new Map<string, CardState>();
  // Ids by due date, so a day finds its due cards without looking at every card (10^4 cards ×
  // hundreds of days). A rescheduled card stays listed under its old date too; that entry is skipped.
  const byDue = new Map<string, string[]>();
  // First-scheduled order: equal due dates keep the order the cards were first met in.
  const order = new Map<string, number>();
  const schedule = (id: string, card: CardState) => {
    if (!order.has(id)) order.set(id, order.size);
    cards.set(id, card);
    const list = byDue.get(card.due);
    if (list) list.push(id);
    else byDue.set(card.due, [id]);
  };
  for (const q of questions) {
    const card = progressOf(state, q.id)?.card;
    if (card) schedule(q.id, card);
  }
  const withoutStudy = firstDayOnly ? 0 : sumRecall(cards, interviewDate);
  const unseen = rankUnseen(questions, state).map((q) => q.id);
  const planDays = Math.min(MAX_PLAN_DAYS, Math.max(1, daysLeft));
  const cramFrom = Math.max(0, planDays - CRAM_DAYS);
  // New questions are learned before the cramming days when there are any, so each gets reviewed.
  const learnDays = cramFrom > 0 ? cramFrom : planDays;
  const startedToday = newStartedOn(state, today);
  const days: PlanDay[] = [];
  let next = 0;
  for (let i = 0; i < (firstDayOnly ? 1 : planDays); i++) {
    const date = addDays(today, i);
    const cram = daysLeft - i <= CRAM_DAYS;
    // Most overdue first. Dates are YYYY-MM-DD, so they compare as strings.
    const reviews: string[] = [];
    const reviewed = new Set<string>();
    for (const key of [...byDue.keys()].filter((d) => d <= date).sort()) {
      const ids = byDue.get(key)!.sort((a, b) => order.get(a)! - order.get(b)!);
      byDue.delete(key);
      for (const id of ids) {
        if (cards.get(id)!.due !== key || reviewed.has(id)) continue;
        reviewed.add(id);
        reviews.push(id);
      }
    }
    if (cram) {
      for (const [id, c] of cards) {
        if (c.lastReviewed !== date && !reviewed.has(id) && retrievability(c, interviewDate) < retention) reviews.push(id);
      }
    }
    const daysToLearn = Math.max(1, learnDays - i);
    const remaining = unseen.length - next;
    // Spread evenly; today's share counts the new questions already started today.
    let quota = i < learnDays || cram ? Math.ceil(remaining / daysToLearn) : 0;
    if (i === 0) quota = Math.max(0, quota - startedToday);
    const fresh = unseen.slice(next, next + quota);
    next += fresh.length;
    days.push({ date, reviews, fresh, cram });
    if (firstDayOnly) break;
    for (const id of reviews) schedule(id, reviewCard(cards.get(id), 'good', date, options));
    for (const id of fresh) schedule(id, reviewCard(undefined, 'good', date, options));
  }
  return { daysLeft, days, cards, withoutStudy };
}

function sumRecall(cards: ReadonlyMap<string, CardState>, date: string): number {
  let sum = 0;
  for (const c of cards.values()) sum += retrievability(c, date);
  return sum;
}

/** A day's queue from a plan: reviews first, then new questions, limited to `ids` when given. */
export function planQueue(day: PlanDay, ids?: readonly string[]): string[] {
  const queue = [...day.reviews, ...day.fresh];
  if (!ids) return queue;
  const wanted = new Set(ids);
  return queue.filter((id) => wanted.has(id));
}

/**
 * Today's whole queue when a plan is set: the plan's `day` (today), then the cards it does not plan
 * (follow-ups, output drills) as without a plan: due ones, then new ones within the daily new
 * limit, but only once their own question has been studied, so a follow-up never comes first.
 */
export function queueWithPlan(state: StudyState, day: PlanDay, planned: ReadonlySet<string>, ids: readonly string[], today: string): string[] {
  const studied = (id: string) => progressOf(state, id)?.card !== undefined;
  const others = ids.filter((id) => !planned.has(id) && (studied(id) || studied(familyOf(id))));
  return [...planQueue(day, ids), ...dueQueue(state, others, today)];
}

/** A small stable hash of a string (FNV-1a), to pick the same daily question all day. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The daily question (今日一题): one of the due cards with the lowest predicted recall or of the
 * most valuable unseen questions, the same one all day for the same state. Undefined when there
 * are no questions.
 */
export function dailyQuestion(state: StudyState, questions: readonly PlanQuestion[], today: string): string | undefined {
  const due: { id: string; recall: number }[] = [];
  for (const q of questions) {
    const card = progressOf(state, q.id)?.card;
    if (card && daysBetween(card.due, today) >= 0) due.push({ id: q.id, recall: retrievability(card, today) });
  }
  due.sort((a, b) => a.recall - b.recall);
  const pool = [...due.slice(0, 3).map((d) => d.id), ...rankUnseen(questions, state).slice(0, 3).map((q) => q.id)];
  if (pool.length === 0) {
    if (questions.length === 0) return undefined;
    return questions[hash(today) % questions.length].id;
  }
  return pool[hash(today) % pool.length];
}
