import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  isDateString,
  isDue,
  localDateString,
  previewIntervals,
  reviewCard,
  MAX_EASE,
  MAX_INTERVAL_DAYS,
  MIN_EASE,
  type CardState,
  type Rating,
} from '../../src/core/study/scheduler';

/** Reviews on time: each review happens on the day the previous one made the card due. */
function onTime(ratings: Rating[], start = '2024-01-01'): CardState[] {
  const out: CardState[] = [];
  let card: CardState | undefined;
  let today = start;
  for (const r of ratings) {
    card = reviewCard(card, r, today);
    out.push(card);
    today = card.due;
  }
  return out;
}

const reviewing = (over: Partial<CardState> = {}): CardState => ({ ease: 2.5, intervalDays: 10, reps: 3, lapses: 0, due: '2024-01-11', lastReviewed: '2024-01-01', ...over });

describe('scheduler: new cards', () => {
  it('uses the learning steps 0 / 1 / 1 / 4 days', () => {
    assert.deepEqual(previewIntervals(undefined, '2024-03-10'), { again: 0, hard: 1, good: 1, easy: 4 });
    assert.deepEqual(reviewCard(undefined, 'good', '2024-03-10'), { ease: 2.5, intervalDays: 1, reps: 1, lapses: 0, due: '2024-03-11', lastReviewed: '2024-03-10' });
    assert.equal(reviewCard(undefined, 'easy', '2024-03-10').due, '2024-03-14');
  });

  it('again on a new card keeps it due today without counting a lapse or lowering ease', () => {
    const c = reviewCard(undefined, 'again', '2024-03-10');
    assert.deepEqual(c, { ease: 2.5, intervalDays: 0, reps: 0, lapses: 0, due: '2024-03-10', lastReviewed: '2024-03-10' });
    assert.equal(isDue(c, '2024-03-10'), true);
    assert.equal(reviewCard(c, 'good', '2024-03-10').due, '2024-03-11');
  });
});

describe('scheduler: rating sequences', () => {
  it('good on time grows by ease and stops at the 365-day cap', () => {
    assert.deepEqual(onTime(Array<Rating>(8).fill('good')).map((c) => c.intervalDays), [1, 3, 8, 20, 50, 125, 313, 365]);
    assert.ok(onTime(Array<Rating>(8).fill('good')).every((c) => c.ease === 2.5));
  });

  it('easy multiplies by ease × 1.3 and raises ease up to 3.0', () => {
    const cards = onTime(['easy', 'easy', 'easy', 'easy', 'easy']);
    assert.deepEqual(cards.map((c) => c.intervalDays), [4, 13, 45, 164, 365]);
    assert.deepEqual(cards.map((c) => c.ease), [2.5, 2.65, 2.8, 2.95, 3]);
  });

  it('hard multiplies by 1.2 and lowers ease by 0.15', () => {
    const c = reviewCard(reviewing(), 'hard', '2024-01-11');
    assert.equal(c.intervalDays, 12);
    assert.equal(c.ease, 2.35);
    assert.equal(c.due, '2024-01-23');
    assert.equal(c.reps, 4);
  });

  it('again on a reviewed card is a lapse: due today, reps reset, ease − 0.2, then relearned', () => {
    const lapsed = reviewCard(reviewing({ intervalDays: 20, due: '2024-01-21' }), 'again', '2024-01-21');
    assert.deepEqual(lapsed, { ease: 2.3, intervalDays: 0, reps: 0, lapses: 1, due: '2024-01-21', lastReviewed: '2024-01-21' });
    assert.deepEqual(previewIntervals(lapsed, '2024-01-21'), { again: 0, hard: 1, good: 1, easy: 4 });
    const relearned = reviewCard(lapsed, 'good', '2024-01-21');
    assert.deepEqual(relearned, { ease: 2.3, intervalDays: 1, reps: 1, lapses: 1, due: '2024-01-22', lastReviewed: '2024-01-21' });
    const again = reviewCard(reviewCard(relearned, 'good', '2024-01-22'), 'again', '2024-01-25');
    assert.equal(again.lapses, 2);
  });

  it('keeps ease within [1.3, 3.0]', () => {
    let c: CardState = reviewing({ ease: 1.4 });
    for (const r of ['hard', 'again', 'good', 'hard', 'hard'] as Rating[]) c = reviewCard(c, r, c.due);
    assert.equal(c.ease, MIN_EASE);
    assert.equal(reviewCard(reviewing({ ease: 2.95 }), 'easy', '2024-01-11').ease, MAX_EASE);
  });

  it('keeps the four buttons distinct even at the lowest ease', () => {
    assert.deepEqual(previewIntervals(reviewing({ ease: 1.3, intervalDays: 1, due: '2024-01-02' }), '2024-01-02'), { again: 0, hard: 1, good: 2, easy: 3 });
  });

  it('credits late reviews for the extra time remembered', () => {
    // 10 days late on a 10-day interval: hard (10 + 2.5) × 1.2, good (10 + 5) × 2.5, easy 20 × 2.5 × 1.3.
    assert.deepEqual(previewIntervals(reviewing(), '2024-01-21'), { again: 0, hard: 15, good: 38, easy: 65 });
  });

  it('never shortens the schedule when reviewed early', () => {
    const early = previewIntervals(reviewing(), '2024-01-03');
    assert.deepEqual(early, { again: 0, hard: 10, good: 11, easy: 12 });
    for (const r of ['hard', 'good', 'easy'] as Rating[]) {
      assert.ok(reviewCard(reviewing(), r, '2024-01-03').due >= '2024-01-11', r);
    }
  });

  it('caps every interval at 365 days', () => {
    const p = previewIntervals(reviewing({ intervalDays: 300, ease: 3, due: '2024-10-27' }), '2024-10-27');
    assert.deepEqual(p, { again: 0, hard: 360, good: 365, easy: 365 });
    assert.equal(MAX_INTERVAL_DAYS, 365);
  });

  it('rejects a malformed today instead of scheduling garbage', () => {
    assert.throws(() => reviewCard(undefined, 'good', '2024-3-1'), RangeError);
  });
});

describe('scheduler: calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2024-01-31', 1), '2024-02-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-01-01', 366), '2025-01-01');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01');
    assert.equal(addDays('0099-12-31', 1), '0100-01-01');
    assert.equal(daysBetween('2024-02-01', '2024-03-01'), 29);
    assert.equal(daysBetween('2025-01-01', '2024-12-31'), -1);
  });

  it('rejects dates that are not on the calendar', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '20240101', '', '2024-01-01T00:00']) {
      assert.equal(isDateString(bad), false, bad);
      assert.throws(() => addDays(bad, 1), RangeError, bad);
    }
    assert.equal(isDateString('2024-02-29'), true);
    assert.throws(() => addDays('2024-01-01', 0.5), RangeError);
  });

  it('is unaffected by DST in the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      assert.equal(addDays('2024-03-09', 1), '2024-03-10');
      assert.equal(addDays('2024-03-10', 1), '2024-03-11');
      assert.equal(addDays('2024-11-03', 1), '2024-11-04');
      assert.equal(daysBetween('2024-03-01', '2024-04-01'), 31);
      assert.equal(daysBetween('2024-11-01', '2024-11-30'), 29);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('counts a card due on the first day of the next month or year', () => {
    const c = reviewCard(undefined, 'easy', '2024-12-30');
    assert.equal(c.due, '2025-01-03');
    assert.equal(isDue(c, '2025-01-02'), false);
    assert.equal(isDue(c, '2025-01-03'), true);
    assert.equal(isDue(c, '2025-02-01'), true);
    const leap = reviewCard(undefined, 'good', '2024-02-28');
    assert.equal(leap.due, '2024-02-29');
    assert.equal(isDue(leap, '2024-02-29'), true);
    assert.equal(isDue(undefined, '2024-02-29'), false);
  });
});

describe('scheduler: local dates and time zones', () => {
  it('gives the same instant different dates in Shanghai and Los Angeles', () => {
    const instant = new Date('2024-03-15T18:30:00Z');
    assert.equal(localDateString(instant, 'Asia/Shanghai'), '2024-03-16');
    assert.equal(localDateString(instant, 'America/Los_Angeles'), '2024-03-15');
    assert.equal(localDateString(new Date('2024-12-31T16:00:00Z'), 'Asia/Shanghai'), '2025-01-01');
    assert.equal(localDateString(new Date('2024-12-31T16:00:00Z'), 'America/Los_Angeles'), '2024-12-31');
  });

  it('changes day at local midnight on New York DST change days', () => {
    const ny = (iso: string) => localDateString(new Date(iso), 'America/New_York');
    // Spring forward, 2024-03-10: midnight before is EST (UTC−5), midnight after is EDT (UTC−4).
    assert.equal(ny('2024-03-10T04:59:59Z'), '2024-03-09');
    assert.equal(ny('2024-03-10T05:00:00Z'), '2024-03-10');
    assert.equal(ny('2024-03-11T03:59:59Z'), '2024-03-10');
    assert.equal(ny('2024-03-11T04:00:00Z'), '2024-03-11');
    // Fall back, 2024-11-03: a 25-hour day.
    assert.equal(ny('2024-11-03T03:59:59Z'), '2024-11-02');
    assert.equal(ny('2024-11-03T04:00:00Z'), '2024-11-03');
    assert.equal(ny('2024-11-04T04:59:59Z'), '2024-11-03');
    assert.equal(ny('2024-11-04T05:00:00Z'), '2024-11-04');
  });

  it('follows the process time zone when none is given', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      assert.equal(localDateString(new Date('2024-03-15T18:30:00Z')), '2024-03-16');
      process.env.TZ = 'America/Los_Angeles';
      assert.equal(localDateString(new Date('2024-03-15T18:30:00Z')), '2024-03-15');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('rejects an unknown time zone', () => {
    assert.throws(() => localDateString(new Date(), 'Mars/Olympus_Mons'), RangeError);
  });
});

describe('scheduler: properties', () => {
  const startDate = fc.integer({ min: 0, max: 365 * 50 }).map((n) => addDays('2000-01-01', n));
  const rating = fc.constantFrom<Rating>('again', 'hard', 'good', 'easy');
  // Gap in days since the previous review: 0 (same day), early, on time or very late.
  const steps = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 800 }), rating }), { maxLength: 40 });

  it('ease stays in bounds and intervals are whole days within [0, 365] for any review sequence', () => {
    fc.assert(
      fc.property(startDate, steps, (start, seq) => {
        let card: CardState | undefined;
        let today = start;
        for (const { gap, rating: r } of seq) {
          today = addDays(today, gap);
          card = reviewCard(card, r, today);
          assert.ok(card.ease >= MIN_EASE && card.ease <= MAX_EASE, `ease ${card.ease}`);
          assert.ok(Number.isInteger(card.intervalDays) && card.intervalDays >= 0 && card.intervalDays <= MAX_INTERVAL_DAYS);
          assert.equal(daysBetween(today, card.due), card.intervalDays);
        }
      }),
    );
  });

  it('after a non-again rating the card is due no earlier than tomorrow; after again it is due today', () => {
    fc.assert(
      fc.property(startDate, steps, rating, (start, seq, last) => {
        let card: CardState | undefined;
        let today = start;
        for (const { gap, rating: r } of seq) {
          today = addDays(today, gap);
          card = reviewCard(card, r, today);
        }
        const next = reviewCard(card, last, today);
        if (last === 'again') assert.equal(next.due, today);
        else assert.ok(next.due > today && isDue(next, today) === false);
      }),
    );
  });

  it('button intervals never decrease from again to easy', () => {
    fc.assert(
      fc.property(startDate, steps, fc.integer({ min: 0, max: 800 }), (start, seq, wait) => {
        let card: CardState | undefined;
        let today = start;
        for (const { gap, rating: r } of seq) {
          today = addDays(today, gap);
          card = reviewCard(card, r, today);
        }
        const p = previewIntervals(card, addDays(today, wait));
        assert.ok(p.again <= p.hard && p.hard <= p.good && p.good <= p.easy, JSON.stringify(p));
      }),
    );
  });

  it('addDays and daysBetween invert each other', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        const later = addDays(d, n);
        assert.ok(isDateString(later));
        assert.equal(daysBetween(d, later), n);
        assert.equal(addDays(later, -n), d);
      }),
    );
  });
});
