import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  clampRetention,
  daysBetween,
  fromSm2,
  isDateString,
  isDue,
  localDateString,
  previewIntervals,
  replayReviews,
  retrievability,
  reviewCard,
  MAX_INTERVAL_DAYS,
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


describe('scheduler: FSRS on calendar days', () => {
  it('schedules a new card a whole number of days ahead, longer for better ratings', () => {
    const p = previewIntervals(undefined, '2024-03-10');
    assert.ok(p.again >= 1 && p.again < p.hard && p.hard < p.good && p.good < p.easy, JSON.stringify(p));
    const c = reviewCard(undefined, 'good', '2024-03-10');
    assert.equal(c.lastReviewed, '2024-03-10');
    assert.equal(daysBetween('2024-03-10', c.due), c.intervalDays);
    assert.equal(c.reps, 1);
    assert.equal(c.lapses, 0);
    assert.equal(c.phase, 'review');
    assert.ok(c.difficulty >= 1 && c.difficulty <= 10);
  });

  it('grows the interval on each on-time "good" and keeps difficulty steady', () => {
    const cards = onTime(Array<Rating>(6).fill('good'));
    for (let i = 1; i < cards.length; i++) assert.ok(cards[i].intervalDays > cards[i - 1].intervalDays, `${cards[i - 1].intervalDays} → ${cards[i].intervalDays}`);
    assert.ok(Math.abs(cards[5].difficulty - cards[0].difficulty) < 0.5);
  });

  it('"again" on a learned card is a lapse: stability drops, difficulty rises, due soon', () => {
    const [, learned] = onTime(['good', 'good', 'good']);
    const lapsed = reviewCard(learned, 'again', learned.due);
    assert.equal(lapsed.lapses, 1);
    assert.ok(lapsed.stability < learned.stability / 2);
    assert.ok(lapsed.difficulty > learned.difficulty);
    assert.ok(lapsed.intervalDays <= 2);
  });

  it('hard raises difficulty and easy lowers it', () => {
    const c = reviewCard(undefined, 'good', '2024-01-01');
    assert.ok(reviewCard(c, 'hard', c.due).difficulty > c.difficulty);
    assert.ok(reviewCard(c, 'easy', c.due).difficulty < c.difficulty);
  });

  it('a higher desired retention gives shorter intervals', () => {
    const c = onTime(['good', 'good', 'good']).at(-1)!;
    const low = previewIntervals(c, c.due, { desiredRetention: 0.8 }).good;
    const mid = previewIntervals(c, c.due).good;
    const high = previewIntervals(c, c.due, { desiredRetention: 0.97 }).good;
    assert.ok(low > mid && mid > high, `${low} ${mid} ${high}`);
  });

  it('keeps the retention setting within 0.7–0.99', () => {
    assert.equal(clampRetention(0.5), 0.7);
    assert.equal(clampRetention(1), 0.99);
    assert.equal(clampRetention('0.8'), 0.9);
    assert.equal(clampRetention(Number.NaN), 0.9);
    assert.equal(clampRetention(0.85), 0.85);
  });

  it('predicts recall: 1 on the review day, about the desired retention on the due day, falling after', () => {
    const c = onTime(['good', 'good']).at(-1)!;
    assert.equal(retrievability(c, c.lastReviewed), 1);
    assert.ok(Math.abs(retrievability(c, c.due) - 0.9) < 0.03, String(retrievability(c, c.due)));
    assert.ok(retrievability(c, addDays(c.due, 30)) < retrievability(c, c.due));
    assert.equal(retrievability(undefined, '2024-01-01'), 0);
  });

  it('treats a review dated before the last one as same-day', () => {
    const c = reviewCard(undefined, 'good', '2024-05-10');
    const back = reviewCard(c, 'good', '2024-05-01');
    assert.equal(back.lastReviewed, '2024-05-10');
  });

  it('rejects a malformed today instead of scheduling garbage', () => {
    assert.throws(() => reviewCard(undefined, 'good', '2024-02-30'), RangeError);
    assert.throws(() => reviewCard(undefined, 'good', 'tomorrow'), RangeError);
  });

  it('replays a review log to the same card as reviewing one by one', () => {
    const log = [
      { date: '2024-01-01', rating: 'good' as const },
      { date: '2024-01-04', rating: 'again' as const },
      { date: '2024-01-04', rating: 'good' as const },
      { date: '2024-01-09', rating: 'easy' as const },
    ];
    let card: CardState | undefined;
    for (const e of log) card = reviewCard(card, e.rating, e.date);
    assert.deepEqual(replayReviews(log), card);
    assert.equal(replayReviews([]), undefined);
  });
});

describe('scheduler: SM-2 cards without history', () => {
  const sm2 = { ease: 2.5, intervalDays: 20, reps: 4, lapses: 1, due: '2024-02-10', lastReviewed: '2024-01-21' };

  it('keeps the due date and takes the interval as stability (both aim at ~90% recall)', () => {
    const c = fromSm2(sm2);
    assert.equal(c.due, '2024-02-10');
    assert.equal(c.lastReviewed, '2024-01-21');
    assert.equal(c.stability, 20);
    assert.equal(c.lapses, 1);
    assert.equal(c.phase, 'review');
    assert.ok(Math.abs(retrievability(c, c.due) - 0.9) < 0.01);
  });

  it('maps ease onto difficulty: lower ease, harder card', () => {
    assert.equal(fromSm2(sm2).difficulty, 5);
    assert.equal(fromSm2({ ...sm2, ease: 1.3 }).difficulty, 10);
    assert.ok(fromSm2({ ...sm2, ease: 3 }).difficulty < 3.5);
  });

  it('a card still learning or relearning gets a short stability and its phase', () => {
    const c = fromSm2({ ...sm2, reps: 0, intervalDays: 0, due: '2024-01-21' });
    assert.equal(c.phase, 'relearning');
    assert.ok(c.stability < 1);
    assert.equal(fromSm2({ ...sm2, reps: 0, lapses: 0, intervalDays: 0 }).phase, 'learning');
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
    const c = reviewCard(undefined, 'good', '2024-12-29');
    assert.equal(c.due, '2025-01-01');
    assert.equal(isDue(c, '2024-12-31'), false);
    assert.equal(isDue(c, '2025-01-01'), true);
    assert.equal(isDue(c, '2025-02-01'), true);
    const leap = reviewCard(undefined, 'again', '2024-02-28');
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

  it('memory state stays in bounds and intervals are whole days for any review sequence', () => {
    fc.assert(
      fc.property(startDate, steps, (start, seq) => {
        let card: CardState | undefined;
        let today = start;
        for (const { gap, rating: r } of seq) {
          today = addDays(today, gap);
          card = reviewCard(card, r, today);
          assert.ok(card.difficulty >= 1 && card.difficulty <= 10, `difficulty ${card.difficulty}`);
          assert.ok(card.stability > 0 && Number.isFinite(card.stability), `stability ${card.stability}`);
          assert.ok(Number.isInteger(card.intervalDays) && card.intervalDays >= 0 && card.intervalDays <= MAX_INTERVAL_DAYS);
          assert.equal(daysBetween(today, card.due), card.intervalDays);
        }
      }),
    );
  });

  it('after any rating the card is due no earlier than tomorrow', () => {
    fc.assert(
      fc.property(startDate, steps, rating, (start, seq, last) => {
        let card: CardState | undefined;
        let today = start;
        for (const { gap, rating: r } of seq) {
          today = addDays(today, gap);
          card = reviewCard(card, r, today);
        }
        const next = reviewCard(card, last, today);
        assert.ok(next.due > next.lastReviewed && isDue(next, next.lastReviewed) === false, `${last} ${JSON.stringify(next)}`);
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
