import * as assert from 'node:assert/strict';
import { dueForecast, mostForgotten, reviewsPerDay, trueRetention } from '../../src/core/study/statistics';
import { emptyState, recordReview, type ReviewLogEntry } from '../../src/core/study/studyState';

const T = new Date('2026-12-01T08:00:00Z');

describe('study statistics', () => {
  it('true retention leaves out first reviews and same-day learning steps', () => {
    const log: ReviewLogEntry[] = [
      { id: 'a', date: '2026-01-01', rating: 'again' }, // first: left out
      { id: 'a', date: '2026-01-01', rating: 'good' }, // same day: left out
      { id: 'a', date: '2026-01-04', rating: 'good' }, // counts, recalled
      { id: 'a', date: '2026-01-10', rating: 'again' }, // counts, forgotten
      { id: 'a', date: '2026-01-10', rating: 'hard' }, // relearning step: left out
      { id: 'b', date: '2026-01-02', rating: 'easy' }, // first
      { id: 'b', date: '2026-01-09', rating: 'hard' }, // counts, recalled
      { id: 'c', date: '2026-01-09', rating: 'good' },
      { id: 'c', date: '2026-01-12', rating: 'good' }, // not asked for
    ];
    assert.deepEqual(trueRetention(log, new Set(['a', 'b'])), { reviews: 3, recalled: 2 });
    assert.deepEqual(trueRetention(log, new Set()), { reviews: 0, recalled: 0 });
  });

  it('forecasts due cards per day, overdue ones today', () => {
    let s = emptyState();
    s = recordReview(s, 'old', 'again', '2026-11-20', T); // overdue
    s = recordReview(s, 'g', 'good', '2026-12-01', T); // due in 3 days
    s = recordReview(s, 'far', 'easy', '2026-12-01', T); // due in 8 days
    const f = dueForecast(s, ['old', 'g', 'far', 'never'], '2026-12-01', 5);
    assert.deepEqual(f.map((d) => d.due), [1, 0, 0, 1, 0]);
    assert.equal(f[4].date, '2026-12-05');
  });

  it('lists the questions forgotten most', () => {
    let s = emptyState();
    for (const [id, lapses] of [['x', 2], ['y', 1], ['z', 0]] as const) {
      s = recordReview(s, id, 'good', '2026-10-01', T);
      let day = 5;
      for (let i = 0; i < lapses; i++) s = recordReview(s, id, 'again', `2026-10-${String(day++).padStart(2, '0')}`, T);
    }
    assert.deepEqual(mostForgotten(s, ['x', 'y', 'z'], '2026-12-01').map((f) => [f.id, f.lapses]), [['x', 2], ['y', 1]]);
    assert.equal(mostForgotten(s, ['x', 'y'], '2026-12-01', 1).length, 1);
  });

  it('counts reviews per day over a year, empty days included', () => {
    const log: ReviewLogEntry[] = [
      { id: 'a', date: '2025-12-01', rating: 'good' }, // outside the window
      { id: 'a', date: '2025-12-02', rating: 'good' },
      { id: 'b', date: '2026-12-01', rating: 'hard' },
      { id: 'c', date: '2026-12-01', rating: 'easy' },
    ];
    const days = reviewsPerDay(log, 365, '2026-12-01');
    assert.equal(days.length, 365);
    assert.deepEqual(days[0], { date: '2025-12-02', count: 1 });
    assert.deepEqual(days[364], { date: '2026-12-01', count: 2 });
    assert.equal(days.reduce((n, d) => n + d.count, 0), 3);
  });
});
