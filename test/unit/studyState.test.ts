import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, reviewCard, type Rating } from '../../src/core/study/scheduler';
import {
  dueIds,
  dueQueue,
  emptyState,
  exportState,
  importState,
  meetsStudyCondition,
  migrateState,
  recordOpened,
  recordReview,
  reviewHistoryByDay,
  toggleFavorite,
  toggleMastered,
  topicProgress,
  EXPORT_FORMAT,
  HISTORY_LIMIT,
  RECENT_LIMIT,
  type ReviewLogEntry,
  type StudyCondition,
  type StudyState,
} from '../../src/core/study/studyState';

const T1 = new Date('2024-05-01T08:00:00Z');
const T2 = new Date('2024-05-02T08:00:00Z');
const T3 = new Date('2024-05-03T08:00:00Z');

function imported(current: StudyState, json: string) {
  const r = importState(current, json);
  if (!r.ok) assert.fail(`import failed: ${r.error}`);
  return r;
}

function rejected(json: string): string {
  const r = importState(emptyState(), json);
  if (r.ok) assert.fail(`import should fail: ${json.slice(0, 80)}`);
  return r.error;
}

/** A valid export with `state` replaced, for rejection cases. */
function exportWith(state: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: T1.toISOString(), state, ...extra });
}

/** Several cards reviewed on different days, for queue and history tests. */
function studied(): StudyState {
  let s = emptyState();
  // FSRS first intervals with default parameters: again 1 day, hard 2, good 3, easy 8.
  s = recordReview(s, 'a', 'good', '2024-02-27', T1); // due 03-01
  s = recordReview(s, 'c', 'easy', '2024-02-27', T1); // due 03-06
  s = recordReview(s, 'b', 'good', '2024-02-28', T1); // due 03-02
  s = recordReview(s, 'd', 'again', '2024-02-29', T1); // due 03-01
  return s;
}

describe('studyState: updates', () => {
  it('toggles mastered and favorite with a timestamp, leaving the input untouched', () => {
    const s0 = emptyState();
    const s1 = toggleMastered(s0, 'gil', T1);
    assert.deepEqual(s0, emptyState());
    assert.deepEqual(s1.questions.gil, { mastered: true, updatedAt: T1.toISOString() });
    const before = JSON.stringify(s1);
    const s2 = toggleFavorite(toggleMastered(s1, 'gil', T2), 'gil', T3);
    assert.equal(JSON.stringify(s1), before);
    // Un-marking keeps the entry so its timestamp can win over an older import.
    assert.deepEqual(s2.questions.gil, { favorite: true, updatedAt: T3.toISOString() });
    assert.deepEqual(toggleFavorite(s2, 'gil', T3).questions.gil, { updatedAt: T3.toISOString() });
  });

  it('records a review: schedules the card, logs it and stamps the entry', () => {
    const s = recordReview(toggleFavorite(emptyState(), 'q', T1), 'q', 'good', '2024-05-02', T2);
    assert.deepEqual(s.questions.q, {
      favorite: true,
      card: reviewCard(undefined, 'good', '2024-05-02'),
      updatedAt: T2.toISOString(),
    });
    assert.deepEqual(s.history, [{ id: 'q', date: '2024-05-02', rating: 'good' }]);
    assert.equal(s.questions.q.card?.due, '2024-05-05');
    const next = recordReview(s, 'q', 'good', '2024-05-05', T3);
    assert.deepEqual(next.questions.q.card, reviewCard(s.questions.q.card, 'good', '2024-05-05'));
    assert.ok(next.questions.q.card!.intervalDays > 3);
    assert.equal(next.history.length, 2);
    assert.equal(s.history.length, 1);
  });

  it('caps the review log, dropping the oldest entries', () => {
    const history: ReviewLogEntry[] = Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ id: `old${i}`, date: '2024-01-01', rating: 'good' }));
    const s = recordReview({ ...emptyState(), history }, 'new', 'hard', '2024-01-02', T1);
    assert.equal(s.history.length, HISTORY_LIMIT);
    assert.equal(s.history[0].id, 'old1');
    assert.deepEqual(s.history.at(-1), { id: 'new', date: '2024-01-02', rating: 'hard' });
  });

  it('keeps recently opened ids most recent first, without duplicates, at most 20', () => {
    let s = emptyState();
    for (let i = 0; i < 25; i++) s = recordOpened(s, `q${i}`);
    assert.equal(s.recent.length, RECENT_LIMIT);
    assert.equal(s.recent[0], 'q24');
    assert.equal(s.recent.at(-1), 'q5');
    s = recordOpened(s, 'q10');
    assert.deepEqual(s.recent.slice(0, 3), ['q10', 'q24', 'q23']);
    assert.equal(new Set(s.recent).size, s.recent.length);
  });

  it('treats ids that are Object.prototype names as ordinary ids', () => {
    const s0 = emptyState();
    assert.equal(meetsStudyCondition(s0, 'constructor', 'unmastered', '2024-01-01'), true);
    assert.equal(meetsStudyCondition(s0, 'toString', 'due', '2024-01-01'), false);
    assert.deepEqual(topicProgress(s0, ['constructor', '__proto__']), { mastered: 0, total: 2 });
    assert.deepEqual(dueQueue(s0, ['__proto__', 'constructor'], '2024-01-01'), ['__proto__', 'constructor']);
    const s = toggleMastered(s0, '__proto__', T1);
    assert.equal(Object.getPrototypeOf(s.questions), Object.prototype);
    assert.deepEqual(Object.keys(s.questions), ['__proto__']);
    assert.deepEqual(topicProgress(s, ['__proto__']), { mastered: 1, total: 1 });
    const back = imported(emptyState(), exportState(s)).state;
    assert.deepEqual(Object.keys(back.questions), ['__proto__']);
    assert.equal(Object.getPrototypeOf(back.questions), Object.prototype);
    // Inherited members must not look like existing progress when merging.
    const merged = imported(emptyState(), exportState(toggleMastered(s0, 'constructor', T1)));
    assert.deepEqual(merged.report, { questions: 1, reviews: 0, conflicts: 0 });
  });
});

describe('studyState: filters and queues', () => {
  it('answers each study condition', () => {
    let s = toggleMastered(emptyState(), 'm', T1);
    s = toggleFavorite(s, 'f', T1);
    s = recordReview(s, 'r', 'good', '2024-05-01', T1);
    const today = '2024-05-01';
    const match = (c: StudyCondition, day = today) => ['m', 'f', 'r', 'none'].filter((id) => meetsStudyCondition(s, id, c, day));
    assert.deepEqual(match('mastered'), ['m']);
    assert.deepEqual(match('unmastered'), ['f', 'r', 'none']);
    assert.deepEqual(match('favorite'), ['f']);
    assert.deepEqual(match('due'), []);
    assert.deepEqual(match('due', '2024-05-03'), []);
    assert.deepEqual(match('due', '2024-05-04'), ['r']);
  });

  it('counts due cards across the leap day and month end, most overdue first', () => {
    const s = studied();
    const ids = ['a', 'b', 'c', 'd', 'never'];
    assert.deepEqual(dueIds(s, ids, '2024-02-27'), []);
    assert.deepEqual(dueIds(s, ids, '2024-02-29'), []);
    assert.deepEqual(dueIds(s, ids, '2024-03-01'), ['a', 'd']);
    assert.deepEqual(dueIds(s, ids, '2024-03-02'), ['a', 'd', 'b']);
    assert.deepEqual(dueIds(s, ids, '2024-03-06'), ['a', 'd', 'b', 'c']);
    // Only the ids asked about, each once.
    assert.deepEqual(dueIds(s, ['d', 'c', 'd'], '2024-03-06'), ['d', 'c']);
  });

  it('counts due cards across a year boundary', () => {
    let s = recordReview(emptyState(), 'x', 'easy', '2024-12-30', T1); // due 2025-01-07
    s = recordReview(s, 'y', 'good', '2024-12-31', T1); // due 2025-01-03
    assert.deepEqual(dueIds(s, ['x', 'y'], '2025-01-02'), []);
    assert.deepEqual(dueIds(s, ['x', 'y'], '2025-01-03'), ['y']);
    assert.deepEqual(dueIds(s, ['x', 'y'], '2025-01-07'), ['y', 'x']);
  });

  it('queues due cards, then unmastered new cards up to the daily limit', () => {
    let s = studied();
    s = toggleMastered(s, 'n1', T1);
    s = toggleMastered(s, 'a', T1); // mastered but being reviewed: keeps its schedule
    const ids = ['n1', 'n2', 'a', 'n3', 'b', 'n4'];
    assert.deepEqual(dueQueue(s, ids, '2024-03-02', { newLimit: 2 }), ['a', 'b', 'n2', 'n3']);
    assert.deepEqual(dueQueue(s, ids, '2024-03-02', { newLimit: 0 }), ['a', 'b']);
    assert.deepEqual(dueQueue(s, ids, '2024-03-02'), ['a', 'b', 'n2', 'n3', 'n4']);
    // The limit is a daily budget for the whole collection: 'd', started on 02-29 elsewhere, used one slot.
    assert.deepEqual(dueQueue(s, ids, '2024-02-29', { newLimit: 2 }), ['n2']);
  });

  it('counts new cards already started today against the daily limit', () => {
    let s = recordReview(emptyState(), 'n1', 'good', '2024-06-01', T1);
    s = recordReview(s, 'n2', 'again', '2024-06-01', T1);
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
    // n1 and n2 used two of today's three new slots; n2 (again) is due tomorrow, n1 (good) in three days.
    assert.deepEqual(dueQueue(s, ids, '2024-06-01', { newLimit: 3 }), ['n3']);
    assert.deepEqual(dueQueue(s, ids, '2024-06-02', { newLimit: 3 }), ['n2', 'n3', 'n4', 'n5']);
  });

  it('reports topic progress over distinct ids', () => {
    let s = toggleMastered(emptyState(), 'a', T1);
    s = toggleMastered(s, 'b', T1);
    s = toggleMastered(s, 'elsewhere', T1);
    assert.deepEqual(topicProgress(s, ['a', 'b', 'c', 'a']), { mastered: 2, total: 3 });
    assert.deepEqual(topicProgress(s, []), { mastered: 0, total: 0 });
  });

  it('summarizes reviews per day, including empty days, across a month boundary', () => {
    let s = studied();
    s = recordReview(s, 'b', 'hard', '2024-02-29', T1);
    s = recordReview(s, 'd', 'again', '2024-03-01', T1);
    s = recordReview(s, 'x', 'good', '2024-03-05', T1); // after the window
    assert.deepEqual(reviewHistoryByDay(s, 4, '2024-03-01'), [
      { date: '2024-02-27', again: 0, hard: 0, good: 1, easy: 1 },
      { date: '2024-02-28', again: 0, hard: 0, good: 1, easy: 0 },
      { date: '2024-02-29', again: 1, hard: 1, good: 0, easy: 0 },
      { date: '2024-03-01', again: 1, hard: 0, good: 0, easy: 0 },
    ]);
    assert.deepEqual(reviewHistoryByDay(s, 1, '2024-02-26'), [{ date: '2024-02-26', again: 0, hard: 0, good: 0, easy: 0 }]);
    assert.deepEqual(reviewHistoryByDay(s, 0, '2024-03-01'), []);
  });
});

describe('studyState: migration', () => {
  it('starts empty, without warnings, when nothing is stored', () => {
    assert.deepEqual(migrateState(undefined), { state: emptyState(), warnings: [] });
    assert.deepEqual(migrateState(null), { state: emptyState(), warnings: [] });
  });

  it('upgrades the v0 shape {mastered, favorites}', () => {
    const { state, warnings } = migrateState({ mastered: ['gil', 'gc'], favorites: ['gc', 'mro'] });
    assert.deepEqual(warnings, []);
    assert.deepEqual(state, {
      version: 2,
      questions: { gil: { mastered: true }, gc: { mastered: true, favorite: true }, mro: { favorite: true } },
      history: [],
      recent: [],
    });
    const partial = migrateState({ mastered: ['ok', 3, null, ''], favorites: 'gil' });
    assert.deepEqual(partial.state.questions, { ok: { mastered: true } });
    assert.equal(partial.warnings.length, 2);
    assert.match(partial.warnings.join('\n'), /mastered: ignored 3 entries/);
    assert.match(partial.warnings.join('\n'), /favorites must be a list/);
  });

  it('replaces garbage with empty progress and says so', () => {
    for (const garbage of ['{"version":1}', 42, true, [1, 2], { foo: 1 }, {}]) {
      const { state, warnings } = migrateState(garbage);
      assert.deepEqual(state, emptyState(), JSON.stringify(garbage));
      assert.equal(warnings.length, 1, JSON.stringify(garbage));
    }
  });

  it('keeps the valid parts of damaged v1 state and names what it dropped', () => {
    const { state, warnings } = migrateState({
      version: 1,
      questions: {
        good: { mastered: true, updatedAt: T1.toISOString() },
        badCard: { favorite: true, card: { ease: 'high', intervalDays: 1, reps: 1, lapses: 0, due: '2024-01-02', lastReviewed: '2024-01-01' } },
        badFlag: { mastered: 'yes', favorite: true },
        notAnObject: 7,
      },
      history: [{ id: 'good', date: '2024-01-01', rating: 'good' }, { id: 'good', date: '2024-02-30', rating: 'good' }, 'x'],
      recent: ['good', 'good', 5],
      futureField: 1,
    });
    assert.deepEqual(state.questions, { good: { mastered: true, updatedAt: T1.toISOString() }, badCard: { favorite: true }, badFlag: { favorite: true } });
    assert.deepEqual(state.history, [{ id: 'good', date: '2024-01-01', rating: 'good' }]);
    assert.deepEqual(state.recent, ['good']);
    const text = warnings.join('\n');
    for (const part of ['questions["badCard"].card.ease', 'questions["badFlag"].mastered', 'questions["notAnObject"]', 'history[1].date', 'history[2]', 'recent[2]']) {
      assert.ok(text.includes(part), `warning should name ${part}:\n${text}`);
    }
  });

  it('reads state from a newer version but warns', () => {
    const { state, warnings } = migrateState({ version: 3, questions: { a: { favorite: true, color: 'red' } }, history: [], recent: [], tags: {} });
    assert.deepEqual(state.questions, { a: { favorite: true } });
    assert.match(warnings[0], /newer version/);
    assert.ok(warnings.some((w) => w.includes('questions["a"].color')));
  });

  it('never throws and always yields a state that exports and imports cleanly', () => {
    const arbitraryState = fc.oneof(
      fc.anything(),
      fc.record({ version: fc.constantFrom(1, 2, 3, '1', undefined), questions: fc.dictionary(fc.string(), fc.anything()), history: fc.anything(), recent: fc.anything() }, { requiredKeys: [] }),
      fc.record({ mastered: fc.array(fc.anything()), favorites: fc.array(fc.string()) }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(arbitraryState, (raw) => {
        const { state } = migrateState(raw);
        assert.equal(state.version, 2);
        const back = imported(emptyState(), exportState(state, T1));
        assert.deepEqual(back.state, state);
      }),
    );
  });
});

describe('studyState: export and import', () => {
  function sample(): StudyState {
    let s = studied();
    s = toggleMastered(s, 'a', T2);
    s = toggleFavorite(s, 'z', T3);
    s = recordOpened(recordOpened(s, 'a'), 'z');
    return s;
  }

  it('rejects dates after tomorrow, naming them, and keeps the local state', () => {
    const s = sample();
    const file = JSON.parse(exportState(s, T3)) as { state: StudyState };
    file.state.history.push({ id: 'x', date: '2999-01-01', rating: 'easy' });
    const r = importState(s, JSON.stringify(file), T3);
    assert.ok(!r.ok);
    assert.match(r.error, /after tomorrow \(2024-05-04\)/);
    assert.match(r.error, /state\.history\[\d+\]\.date is in the future \(2999-01-01\)/);
    const tomorrow = JSON.parse(exportState(s, T3)) as { state: StudyState };
    tomorrow.state.history.push({ id: 'x', date: '2024-05-04', rating: 'easy' });
    assert.ok(importState(s, JSON.stringify(tomorrow), T3).ok, 'tomorrow is fine: another time zone may already be there');
  });

  it('never evicts local history to make room for imported reviews', () => {
    const local: StudyState = { ...emptyState(), history: Array.from({ length: HISTORY_LIMIT - 2 }, (_, i) => ({ id: `mine${i}`, date: '2024-01-01', rating: 'good' as Rating })) };
    const theirs: StudyState = { ...emptyState(), history: Array.from({ length: 10 }, (_, i) => ({ id: `theirs${i}`, date: '2024-05-01', rating: 'good' as Rating })) };
    const r = importState(local, exportState(theirs, T3), T3);
    if (!r.ok) assert.fail(r.error);
    assert.equal(r.state.history.length, HISTORY_LIMIT);
    assert.equal(r.state.history.filter((e) => e.id.startsWith('mine')).length, HISTORY_LIMIT - 2);
    assert.equal(r.report.reviews, 2);
  });

  it('exports pretty JSON with a format tag', () => {
    const text = exportState(sample(), T3);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    assert.equal(parsed.format, 'python-interview-notes/progress');
    assert.equal(parsed.version, 2);
    assert.equal(parsed.exportedAt, T3.toISOString());
    assert.deepEqual(parsed.state, sample());
    assert.match(text, /^\{\n {2}"format"/);
  });

  it('round-trips into empty state and is idempotent on repeat', () => {
    const s = sample();
    const first = imported(emptyState(), exportState(s));
    assert.deepEqual(first.state, s);
    assert.deepEqual(first.report, { questions: Object.keys(s.questions).length, reviews: s.history.length, conflicts: 0 });
    const again = imported(first.state, exportState(s));
    assert.deepEqual(again.state, s);
    assert.deepEqual(again.report, { questions: 0, reviews: 0, conflicts: 0 });
  });

  it('rejects what is not a progress export, naming the problem', () => {
    assert.match(rejected('{"format":'), /Not valid JSON/);
    assert.match(rejected('[]'), /JSON object/);
    assert.match(rejected(JSON.stringify({ version: 1, state: emptyState() })), /"format" must be "python-interview-notes\/progress"/);
    assert.match(rejected(JSON.stringify({ format: 'other-app/backup', version: 1, state: emptyState() })), /"format"/);
    assert.match(rejected(JSON.stringify({ format: EXPORT_FORMAT, version: 3, state: emptyState() })), /newer version/);
    assert.match(rejected(JSON.stringify({ format: EXPORT_FORMAT, version: '1', state: emptyState() })), /"version" must be 1 or 2/);
    assert.match(rejected(JSON.stringify({ format: EXPORT_FORMAT, version: 1 })), /"state" must be an object/);
    assert.match(rejected(exportWith(emptyState(), { exportedAt: 'yesterday' })), /exportedAt/);
    assert.match(rejected(exportWith(emptyState(), { comment: 'hi' })), /comment is not a known field/);
  });

  it('rejects wrong types anywhere in the state, naming the path', () => {
    const card = { stability: 3, difficulty: 5, phase: 'review', intervalDays: 1, reps: 1, lapses: 0, due: '2024-01-02', lastReviewed: '2024-01-01' };
    const cases: [unknown, RegExp][] = [
      [{ ...emptyState(), version: 0 }, /state\.version must be 2/],
      [{ ...emptyState(), questions: [] }, /state\.questions must be an object/],
      [{ ...emptyState(), history: {} }, /state\.history must be a list/],
      [{ ...emptyState(), questions: { q: { mastered: 'yes' } } }, /state\.questions\["q"\]\.mastered must be true or false/],
      [{ ...emptyState(), questions: { q: { card: { ...card, stability: '2.5' } } } }, /state\.questions\["q"\]\.card\.stability/],
      [{ ...emptyState(), questions: { q: { card: { ...card, difficulty: 11 } } } }, /card\.difficulty must be a number from 1 to 10/],
      [{ ...emptyState(), questions: { q: { card: { ...card, phase: 'new' } } } }, /card\.phase must be one of/],
      [{ ...emptyState(), questions: { q: { card: { ...card, ease: 2.5 } } } }, /card\.ease is not a known field/],
      [{ ...emptyState(), questions: { q: { card: { ...card, reps: -1 } } } }, /card\.reps must be a whole number/],
      [{ ...emptyState(), questions: { q: { card: { ...card, due: '2023-02-29' } } } }, /card\.due must be a date/],
      [{ ...emptyState(), questions: { q: { updatedAt: 'last week' } } }, /updatedAt must be an ISO timestamp/],
      [{ ...emptyState(), questions: { q: { mastered: true, note: 'x' } } }, /state\.questions\["q"\]\.note is not a known field/],
      [{ ...emptyState(), history: [{ id: 'q', date: '2024-01-01', rating: 'meh' }] }, /state\.history\[0\]\.rating must be one of again, hard, good, easy/],
      [{ ...emptyState(), history: [{ id: '', date: '2024-01-01', rating: 'good' }] }, /state\.history\[0\]\.id/],
      [{ ...emptyState(), recent: [1] }, /state\.recent\[0\]/],
    ];
    for (const [state, expected] of cases) assert.match(rejected(exportWith(state)), expected);
  });

  it('leaves the current state untouched when an import is rejected or merged', () => {
    const current = sample();
    const before = JSON.stringify(current);
    importState(current, exportWith({ ...emptyState(), history: 'x' }));
    importState(current, exportState(toggleMastered(emptyState(), 'a', T3)));
    assert.equal(JSON.stringify(current), before);
  });

  it('resolves conflicting entries by the newer updatedAt and counts them', () => {
    let mine = toggleMastered(emptyState(), 'same', T1);
    mine = toggleMastered(mine, 'mineNewer', T3);
    mine = toggleMastered(mine, 'theirsNewer', T1);
    mine = toggleMastered(mine, 'onlyMine', T1);
    mine = { ...mine, questions: { ...mine.questions, undated: { favorite: true } } };

    let theirs = toggleMastered(emptyState(), 'same', T2); // same content, later stamp: not a conflict
    theirs = toggleFavorite(theirs, 'mineNewer', T2);
    theirs = toggleFavorite(theirs, 'theirsNewer', T2);
    theirs = toggleFavorite(theirs, 'undated', T1);
    theirs = toggleFavorite(theirs, 'undated', T1);
    theirs = toggleFavorite(theirs, 'onlyTheirs', T1);

    const { state, report } = imported(mine, exportState(theirs));
    assert.deepEqual(state.questions, {
      same: { mastered: true, updatedAt: T2.toISOString() },
      mineNewer: { mastered: true, updatedAt: T3.toISOString() },
      theirsNewer: { favorite: true, updatedAt: T2.toISOString() },
      onlyMine: { mastered: true, updatedAt: T1.toISOString() },
      undated: { updatedAt: T1.toISOString() },
      onlyTheirs: { favorite: true, updatedAt: T1.toISOString() },
    });
    assert.deepEqual(report, { questions: 3, reviews: 0, conflicts: 3 });
  });

  it('unites review logs without duplicating entries both sides have', () => {
    const entry = (id: string, date: string, rating: Rating): ReviewLogEntry => ({ id, date, rating });
    const mine: StudyState = { ...emptyState(), history: [entry('a', '2024-01-02', 'good'), entry('a', '2024-01-05', 'again')], recent: ['a'] };
    const theirs: StudyState = {
      ...emptyState(),
      history: [entry('b', '2024-01-01', 'easy'), entry('a', '2024-01-02', 'good'), entry('a', '2024-01-02', 'good'), entry('a', '2024-01-03', 'hard')],
      recent: ['b', 'a'],
    };
    const { state, report } = imported(mine, exportState(theirs));
    assert.deepEqual(state.history, [
      entry('b', '2024-01-01', 'easy'),
      entry('a', '2024-01-02', 'good'),
      entry('a', '2024-01-02', 'good'),
      entry('a', '2024-01-03', 'hard'),
      entry('a', '2024-01-05', 'again'),
    ]);
    assert.equal(report.reviews, 3);
    assert.deepEqual(state.recent, ['a', 'b']);
  });

  it('keeps review history a day-by-day record after merging devices', () => {
    const laptop = recordReview(emptyState(), 'q', 'good', '2024-03-01', T1);
    const desktop = recordReview(emptyState(), 'r', 'easy', addDays('2024-03-01', 1), T2);
    const { state } = imported(laptop, exportState(desktop));
    assert.deepEqual(
      reviewHistoryByDay(state, 2, '2024-03-02').map((d) => [d.date, d.good, d.easy]),
      [['2024-03-01', 1, 0], ['2024-03-02', 0, 1]],
    );
  });
});
