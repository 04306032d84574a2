import * as assert from 'node:assert/strict';
import { addDays, retrievability } from '../../src/core/study/scheduler';
import { dailyQuestion, interviewPlan, planQueue, queueWithPlan, rankUnseen, todaysPlan, type PlanQuestion } from '../../src/core/study/interviewPlan';
import { followUpKey } from '../../src/core/study/cardKeys';
import { emptyState, recordReview, toggleMastered, type StudyState } from '../../src/core/study/studyState';

const T = new Date('2026-12-01T08:00:00Z');
const TODAY = '2026-12-01';

function questions(n: number, topics = 4): PlanQuestion[] {
  return Array.from({ length: n }, (_, i) => ({ id: `q${i}`, topic: `t${i % topics}`, importance: ((i % 3) + 1) as 1 | 2 | 3 }));
}

describe('interview plan', () => {
  it('ranks unseen questions: important first, harder first, spread across topics, mastered last', () => {
    const qs: PlanQuestion[] = [
      { id: 'a1', topic: 'a', importance: 1 },
      { id: 'a3', topic: 'a', importance: 3 },
      { id: 'a3b', topic: 'a', importance: 3 },
      { id: 'b3', topic: 'b', importance: 3 },
      { id: 'b3h', topic: 'b', importance: 3, difficulty: 'hard' },
      { id: 'c', topic: 'c' },
      { id: 'm', topic: 'c', importance: 3 },
    ];
    const s = toggleMastered(emptyState(), 'm', T);
    assert.deepEqual(rankUnseen(qs, s).map((q) => q.id), ['b3h', 'a3', 'b3', 'a3b', 'c', 'a1', 'm']);
  });

  it('learns every question before the cramming days, spreading new ones evenly', () => {
    const qs = questions(30);
    const plan = interviewPlan(emptyState(), qs, TODAY, addDays(TODAY, 12))!;
    assert.equal(plan.daysLeft, 12);
    assert.equal(plan.days.length, 12);
    assert.equal(plan.days[0].date, TODAY);
    const learned = plan.days.flatMap((d) => d.fresh);
    assert.deepEqual([...learned].sort(), qs.map((q) => q.id).sort(), 'every question is learned once');
    const perDay = plan.days.slice(0, 10).map((d) => d.fresh.length);
    assert.ok(Math.max(...perDay) - Math.min(...perDay) <= 1, `even: ${perDay}`);
    assert.deepEqual(plan.days.slice(10).map((d) => d.fresh.length), [0, 0]);
    assert.deepEqual(plan.days.map((d) => d.cram), [...Array(10).fill(false), true, true]);
    // Each learned question is reviewed at least once more before the day.
    for (const q of qs) assert.ok(plan.days.some((d) => d.reviews.includes(q.id)), q.id);
  });

  it('forecasts recall on the day: higher with the plan than without, at most the number of questions', () => {
    let s: StudyState = emptyState();
    s = recordReview(s, 'q0', 'good', addDays(TODAY, -10), T);
    const plan = interviewPlan(s, questions(20), TODAY, addDays(TODAY, 20))!;
    assert.equal(plan.forecast.total, 20);
    assert.ok(plan.forecast.expected <= 20 && plan.forecast.expected > 15, String(plan.forecast.expected));
    assert.ok(Math.abs(plan.withoutStudy - retrievability(s.questions.q0.card, addDays(TODAY, 20))) < 1e-9);
    assert.ok(plan.forecast.expected > plan.withoutStudy);
  });

  it('crams in the last two days everything predicted below the desired retention', () => {
    let s: StudyState = emptyState();
    s = recordReview(s, 'q0', 'good', addDays(TODAY, -3), T); // due today+0, forgotten-ish by the day
    s = recordReview(s, 'q1', 'easy', addDays(TODAY, -1), T);
    const qs = questions(2);
    const plan = interviewPlan(s, qs, TODAY, addDays(TODAY, 2), { desiredRetention: 0.99 })!;
    assert.deepEqual(plan.days.map((d) => d.cram), [true, true]);
    assert.ok(plan.days[0].reviews.includes('q0'));
    assert.ok(plan.days.some((d) => d.reviews.includes('q1')), 'q1 is below 99% on the day, so it is crammed');
  });

  it('plans only today when the interview is today, and nothing once it has passed', () => {
    const qs = questions(5);
    const plan = interviewPlan(emptyState(), qs, TODAY, TODAY)!;
    assert.equal(plan.daysLeft, 0);
    assert.equal(plan.days.length, 1);
    assert.equal(plan.days[0].fresh.length, 5);
    assert.equal(interviewPlan(emptyState(), qs, TODAY, addDays(TODAY, -1)), undefined);
  });

  it('counts new questions already started today and limits the queue to the ids asked for', () => {
    let s = emptyState();
    s = recordReview(s, 'q0', 'good', TODAY, T);
    s = recordReview(s, 'q1', 'good', TODAY, T);
    const plan = interviewPlan(s, questions(22), TODAY, addDays(TODAY, 7))!;
    // 20 unseen over 5 learning days: 4 a day, two of them already done today.
    assert.equal(plan.days[0].fresh.length, 2);
    assert.deepEqual(planQueue(plan.days[0]), [...plan.days[0].reviews, ...plan.days[0].fresh]);
    assert.deepEqual(planQueue(plan.days[0], ['q2', 'nope']), plan.days[0].fresh.includes('q2') ? ['q2'] : []);
  });

  it('today\'s plan is the full plan\'s first day, for any study history and date', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const ratings = ['again', 'hard', 'good', 'easy'] as const;
    for (let t = 0; t < 25; t++) {
      const qs = questions(1 + Math.floor(rnd() * 40));
      const events = Array.from({ length: Math.floor(rnd() * qs.length * 3) }, () => ({ id: qs[Math.floor(rnd() * qs.length)].id, date: addDays(TODAY, -Math.floor(rnd() * 30)), rating: ratings[Math.floor(rnd() * 4)] }));
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      let s = emptyState();
      for (const e of events) s = recordReview(s, e.id, e.rating, e.date, new Date(`${e.date}T08:00:00Z`));
      for (const days of [0, 1, 2, 3, 9, 45]) {
        const date = addDays(TODAY, days);
        const full = interviewPlan(s, qs, TODAY, date, { desiredRetention: 0.85 })!;
        assert.deepEqual(todaysPlan(s, qs, TODAY, date, { desiredRetention: 0.85 }), { interviewDate: date, daysLeft: days, day: full.days[0] }, `case ${t}, ${days} days`);
      }
    }
    assert.equal(todaysPlan(emptyState(), questions(3), TODAY, addDays(TODAY, -1)), undefined);
  });
});

describe('queue with an interview plan', () => {
  it('adds the follow-ups the plan does not cover: due ones, and new ones once their question is studied', () => {
    const YESTERDAY = addDays(TODAY, -1);
    const Y = new Date('2026-11-30T08:00:00Z');
    let s = emptyState();
    s = recordReview(s, 'q0', 'good', YESTERDAY, Y);
    s = recordReview(s, followUpKey('q0', 2), 'again', YESTERDAY, Y);
    const qs = questions(6);
    const plan = interviewPlan(s, qs, TODAY, addDays(TODAY, 10))!;
    const planned = new Set(qs.map((q) => q.id));
    const ids = [...qs.map((q) => q.id), followUpKey('q0', 1), followUpKey('q0', 2), followUpKey('q3', 1)];
    const day = plan.days[0];
    const queue = queueWithPlan(s, day, planned, ids, TODAY);
    assert.deepEqual(queue.slice(0, planQueue(day).length), planQueue(day), 'the plan comes first');
    // q0#followup-2 is due (rated again yesterday); q0#followup-1 is new and q0 was studied; q3 was not.
    assert.deepEqual(queue.slice(planQueue(day).length), [followUpKey('q0', 2), followUpKey('q0', 1)]);
  });
});

describe('daily question', () => {
  it('is the same all day and comes from due cards or important unseen ones', () => {
    const qs = questions(12);
    let s = emptyState();
    s = recordReview(s, 'q5', 'again', addDays(TODAY, -3), T);
    const pick = dailyQuestion(s, qs, TODAY)!;
    assert.equal(dailyQuestion(s, qs, TODAY), pick);
    const importantUnseen = rankUnseen(qs, s).slice(0, 3).map((q) => q.id);
    assert.ok(pick === 'q5' || importantUnseen.includes(pick), pick);
    const picks = new Set(Array.from({ length: 20 }, (_, i) => dailyQuestion(s, qs, addDays(TODAY, i))));
    assert.ok(picks.size > 1, 'changes from day to day');
    assert.equal(dailyQuestion(s, [], TODAY), undefined);
  });
});
