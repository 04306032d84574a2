// Study benchmark: a simulated learner works through every bundled question for 60 days under the
// old SM-2 scheduler and under FSRS (desired retention 0.9), and once more with an interview date
// set on day 60 and following the interview plan. Prints reviews needed, true recall on day 60
// and the error of the progress page's interview-day forecast. Deterministic (seeded); never asserts.
// Run with `npm run bench` (or `node out/bench/studyBench.js` after a build). The last line is JSON.
//
// The learner is not FSRS: each question has its own seeded memory. Recall decays exponentially,
// R(t) = 0.9^(t / S), with S the true stability in days (FSRS itself assumes a power curve).
// A successful review multiplies S by 1 + g·min(3, (1 − R)/0.1), where g is the question's
// seeded growth (lower for harder questions): reviewing when recall has dropped helps more than
// reviewing early, and a same-day repeat (R = 1) adds nothing. A failure cuts S to 30% (never
// below half the first stability). Whether the learner recalls is a seeded draw against R; the
// rating follows the outcome: forgotten → again; recalled with R < 0.75 → hard; recalled after at
// least a day with R > 0.97 → easy; otherwise good. Like the review panel, a card rated "again" comes back once
// more at the end of the same session. New questions: 20 a day (the extension's default limit).
// Two learners: `typical` and `forgetful` (half the first stability and half the growth), to show
// how the forecast, which assumes every answer is "good", fares when the learner is weaker.
import { resolve } from 'node:path';
import { allQuestions } from '../src/core/notes/model';
import { sortTopics } from '../src/core/notes/notesIndex';
import { loadNotes } from '../src/loader/loadNotes';
import { addDays, daysBetween, type Rating } from '../src/core/study/scheduler';
import { interviewPlan, planQueue, todaysPlan, type PlanQuestion } from '../src/core/study/interviewPlan';
import { DEFAULT_NEW_PER_DAY, dueQueue, emptyState, recordReview, type StudyState } from '../src/core/study/studyState';
import { mulberry32 } from './prng';
import * as sm2 from './sm2Scheduler';

const DAYS = 60;
const RETENTION = 0.9;
const START = '2026-01-05';
const INTERVIEW = addDays(START, DAYS);
const SEED = 20_260_105;
/** Days on which the forecast is read, as days before the interview. */
const FORECAST_DAYS_BEFORE = [60, 45, 30, 14, 7, 1];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A standard normal draw (Box–Muller). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** The true memory of one question (fixed per question, the same under every scheduler). */
interface TrueMemory {
  /** Stability after the first study, in days. */
  firstStability: number;
  /** Growth of stability per successful review at R = 0.9. */
  growth: number;
  /** Chance of knowing the answer the first time it is shown. */
  prior: number;
}

/** Learners: `typical` as described above; `forgetful` with half the first stability and half the growth. */
const LEARNERS = { typical: 1, forgetful: 0.5 } as const;

function trueMemoryOf(q: PlanQuestion, strength: number): TrueMemory {
  const rand = mulberry32(hash(q.id) ^ SEED);
  const base = q.difficulty === 'easy' ? 0.3 : q.difficulty === 'hard' ? 0.7 : 0.5;
  const d = Math.min(0.95, Math.max(0.05, base + (rand() - 0.5) * 0.4));
  return {
    firstStability: strength * Math.exp(Math.log(2) - 1.2 * (d - 0.5) + 0.4 * normal(rand)),
    growth: strength * Math.max(0.4, 2.6 - 2.4 * d + 0.3 * normal(rand)),
    prior: 0.65 - 0.55 * d,
  };
}

/** The learner's state for one question in one run. */
interface Memory {
  stability: number;
  last: number;
}

const recallAt = (m: Memory | undefined, day: number) => (m ? Math.pow(0.9, (day - m.last) / m.stability) : 0);

class Learner {
  readonly memory = new Map<string, Memory>();
  private readonly draws = new Map<string, () => number>();
  reviews = 0;

  constructor(private readonly truth: ReadonlyMap<string, TrueMemory>) {}

  /** One showing of a question on `day`: the learner answers, the rating follows the outcome. */
  answer(id: string, day: number): Rating {
    this.reviews++;
    const t = this.truth.get(id)!;
    let draw = this.draws.get(id);
    if (!draw) this.draws.set(id, (draw = mulberry32(hash(id) ^ (SEED + 1))));
    const m = this.memory.get(id);
    if (!m) {
      this.memory.set(id, { stability: t.firstStability, last: day });
      return draw() < t.prior ? 'good' : 'again';
    }
    const r = recallAt(m, day);
    const elapsed = day - m.last;
    const recalled = draw() < r;
    if (recalled) m.stability *= 1 + t.growth * Math.min(3, (1 - r) / 0.1);
    else m.stability = Math.max(t.firstStability / 2, m.stability * 0.3);
    m.last = day;
    if (!recalled) return 'again';
    if (r < 0.75) return 'hard';
    return r > 0.97 && elapsed > 0 ? 'easy' : 'good';
  }

  /** One review session: the queue in order, a card rated "again" once more at the end. */
  session(queue: readonly string[], day: number, record: (id: string, rating: Rating) => void): void {
    const list = [...queue];
    const requeued = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const id = list[i];
      const rating = this.answer(id, day);
      record(id, rating);
      if (rating === 'again' && !requeued.has(id)) {
        requeued.add(id);
        list.push(id);
      }
    }
  }

  /** Mean true recall on `day` over `ids` (never studied counts 0), and how many a seeded draw recalls. */
  outcome(ids: readonly string[], day: number): { meanRecall: number; sum: number; recalled: number } {
    let sum = 0;
    let recalled = 0;
    for (const id of ids) {
      const r = recallAt(this.memory.get(id), day);
      sum += r;
      // One fixed draw per question for the test on the day, shared by every run.
      if (mulberry32(hash(id) ^ (SEED + 2))() < r) recalled++;
    }
    return { meanRecall: sum / ids.length, sum, recalled };
  }
}

interface RunResult {
  reviews: number;
  meanRecall: number;
  expectedRecalled: number;
  recalled: number;
  forecasts?: { daysBefore: number; forecast: number; error: number; errorPct: number }[];
}

function runSm2(ids: readonly string[], truth: ReadonlyMap<string, TrueMemory>): RunResult {
  const learner = new Learner(truth);
  const cards = new Map<string, sm2.CardState>();
  for (let day = 0; day < DAYS; day++) {
    const today = addDays(START, day);
    // The old queue: due cards, most overdue first, then up to 20 new questions.
    const due = ids.filter((id) => sm2.isDue(cards.get(id), today)).sort((a, b) => daysBetween(cards.get(b)!.due, cards.get(a)!.due));
    const fresh = ids.filter((id) => !cards.has(id)).slice(0, DEFAULT_NEW_PER_DAY);
    learner.session([...due, ...fresh], day, (id, rating) => cards.set(id, sm2.reviewCard(cards.get(id), rating, today)));
  }
  return result(learner, ids);
}

function runFsrs(questions: readonly PlanQuestion[], truth: ReadonlyMap<string, TrueMemory>, withPlan: boolean): RunResult {
  const ids = questions.map((q) => q.id);
  const learner = new Learner(truth);
  const options = { desiredRetention: RETENTION };
  let state: StudyState = emptyState();
  const forecasts: { daysBefore: number; forecast: number }[] = [];
  for (let day = 0; day < DAYS; day++) {
    const today = addDays(START, day);
    let queue: string[];
    if (withPlan) {
      // What the study store does with an interview date: today's queue comes from today's plan,
      // and the progress page shows the plan's forecast.
      if (FORECAST_DAYS_BEFORE.includes(DAYS - day)) forecasts.push({ daysBefore: DAYS - day, forecast: interviewPlan(state, questions, today, INTERVIEW, options)!.forecast.expected });
      queue = planQueue(todaysPlan(state, questions, today, INTERVIEW, options)!.day, ids);
    } else {
      queue = dueQueue(state, ids, today);
    }
    const now = new Date(`${today}T12:00:00Z`);
    learner.session(queue, day, (id, rating) => (state = recordReview(state, id, rating, today, now, options)));
  }
  const out = result(learner, ids);
  if (withPlan) {
    out.forecasts = forecasts.map((f) => {
      const error = Math.abs(f.forecast - out.expectedRecalled);
      return { daysBefore: f.daysBefore, forecast: round(f.forecast), error: round(error), errorPct: round((100 * error) / ids.length) };
    });
  }
  return out;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function result(learner: Learner, ids: readonly string[]): RunResult {
  const o = learner.outcome(ids, DAYS);
  return { reviews: learner.reviews, meanRecall: round(o.meanRecall, 4), expectedRecalled: round(o.sum), recalled: o.recalled };
}

function main(): void {
  const folder = resolve('notes');
  const topics = sortTopics(loadNotes(folder, { idBase: folder }).topics);
  const questions: PlanQuestion[] = [];
  for (const t of topics) for (const q of allQuestions([t])) questions.push({ id: q.id, topic: t.id, importance: q.importance, difficulty: q.difficulty });
  const ids = questions.map((q) => q.id);
  console.log(`study: simulated learner, ${ids.length} questions, ${DAYS} days (${START} to ${INTERVIEW}), FSRS desired retention ${RETENTION}, seed ${SEED}`);
  const label = { sm2: 'SM-2 (old)', fsrs: 'FSRS 0.9', fsrsPlan: 'FSRS 0.9 + interview plan' };
  const json: Record<string, unknown> = { bench: 'study', questions: ids.length, days: DAYS, retention: RETENTION, seed: SEED };
  for (const [name, strength] of Object.entries(LEARNERS)) {
    const truth = new Map(questions.map((q) => [q.id, trueMemoryOf(q, strength)]));
    const runs = { sm2: runSm2(ids, truth), fsrs: runFsrs(questions, truth, false), fsrsPlan: runFsrs(questions, truth, true) };
    console.log(`\n${name} learner`);
    console.log(`${'scheduler'.padEnd(28)}${'reviews'.padStart(9)}${'day-60 mean recall'.padStart(20)}${'expected'.padStart(10)}${'recalled'.padStart(10)}`);
    for (const [key, r] of Object.entries(runs) as [keyof typeof runs, RunResult][]) {
      console.log(`${label[key].padEnd(28)}${String(r.reviews).padStart(9)}${`${(r.meanRecall * 100).toFixed(1)}%`.padStart(20)}${r.expectedRecalled.toFixed(1).padStart(10)}${`${r.recalled}/${ids.length}`.padStart(10)}`);
    }
    console.log(`FSRS vs SM-2: ${(runs.fsrs.reviews / runs.sm2.reviews).toFixed(2)}× the reviews, recall ${((runs.fsrs.meanRecall - runs.sm2.meanRecall) * 100).toFixed(1)} points`);
    console.log(`interview-day forecast (progress page) vs simulated true recall on day ${DAYS} (${runs.fsrsPlan.expectedRecalled.toFixed(1)} of ${ids.length}):`);
    for (const f of runs.fsrsPlan.forecasts ?? []) {
      console.log(`  ${String(f.daysBefore).padStart(2)} ${f.daysBefore === 1 ? 'day' : 'days'} before: forecast ${f.forecast.toFixed(1)}, error ${f.error.toFixed(1)} questions (${f.errorPct.toFixed(1)}%)`);
    }
    json[name] = runs;
  }
  console.log(JSON.stringify(json));
}

main();
