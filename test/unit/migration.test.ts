import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromSm2, replayReviews, retrievability, type Sm2Card } from '../../src/core/study/scheduler';
import { emptyState, exportState, importState, migrateState, recordReview, type StudyState } from '../../src/core/study/studyState';

// Fixtures written by the SM-2 version of the extension (see fixtures/study/README.md).
const DIR = join(__dirname, '..', '..', '..', 'test', 'unit', 'fixtures', 'study');
const readJson = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Record<string, unknown>;

interface V1 {
  version: 1;
  questions: Record<string, { mastered?: true; favorite?: true; updatedAt?: string; card?: Sm2Card }>;
  history: { id: string; date: string; rating: 'again' | 'hard' | 'good' | 'easy' }[];
  recent: string[];
}

function upgraded(raw: unknown): StudyState {
  const { state, warnings, migratedFrom } = migrateState(raw);
  assert.deepEqual(warnings, []);
  assert.equal(migratedFrom, 1);
  return state;
}

describe('study migration: format 1 (SM-2) to FSRS', () => {
  const v1 = readJson('stored-v1.json') as unknown as V1;

  it('keeps every question, flag, timestamp, review and recent id', () => {
    const s = upgraded(v1);
    assert.equal(s.version, 2);
    assert.deepEqual(Object.keys(s.questions).sort(), Object.keys(v1.questions).sort());
    for (const [id, old] of Object.entries(v1.questions)) {
      const now = s.questions[id];
      assert.equal(now.mastered, old.mastered, id);
      assert.equal(now.favorite, old.favorite, id);
      assert.equal(now.updatedAt, old.updatedAt, id);
      assert.equal(now.card === undefined, old.card === undefined, id);
    }
    assert.deepEqual(s.history, v1.history);
    assert.deepEqual(s.recent, v1.recent);
  });

  it('replays each card\'s logged reviews through FSRS', () => {
    const s = upgraded(v1);
    for (const [id, old] of Object.entries(v1.questions)) {
      if (!old.card) continue;
      const log = v1.history.filter((e) => e.id === id);
      assert.ok(log.length > 0, id);
      const card = s.questions[id].card!;
      assert.deepEqual(card, replayReviews(log), id);
      assert.equal(card.lastReviewed, old.card.lastReviewed, id);
      assert.equal(card.reps, log.length, id);
      assert.ok(card.lapses >= old.card.lapses, `${id}: every SM-2 lapse is an FSRS lapse too`);
    }
  });

  it('converts a card whose log was cut off from its stored interval, ease and due date', () => {
    const raw = readJson('stored-v1-truncated-history.json') as unknown as V1;
    const s = upgraded(raw);
    const old = raw.questions['db/mysql-index'].card!;
    const card = s.questions['db/mysql-index'].card!;
    assert.deepEqual(card, fromSm2(old));
    assert.equal(card.due, old.due);
    assert.equal(card.lastReviewed, old.lastReviewed);
    assert.ok(Math.abs(retrievability(card, old.due) - 0.9) < 0.02, 'due when recall falls to about 90%, as SM-2 intended');
    // The other cards still have their full logs and are replayed.
    assert.deepEqual(s.questions['python-basics/gil'].card, replayReviews(raw.history.filter((e) => e.id === 'python-basics/gil')));
  });

  it('converts cards from state when the log is full and may have lost their first reviews', () => {
    const base = v1.history[0];
    const filler = Array.from({ length: 5000 - v1.history.length }, () => ({ id: 'other', date: base.date, rating: 'good' as const }));
    const full = { ...v1, history: [...filler, ...v1.history] };
    const s = upgraded(full);
    const first = v1.history[0].id;
    assert.deepEqual(s.questions[first].card, fromSm2(v1.questions[first].card!));
  });

  it('then schedules with FSRS and exports format 2 that imports back unchanged', () => {
    const s = recordReview(upgraded(v1), 'python-basics/gil', 'good', '2026-12-01', new Date('2026-12-01T08:00:00Z'));
    assert.ok(s.questions['python-basics/gil'].card!.stability > 0);
    const back = importState(emptyState(), exportState(s));
    assert.ok(back.ok);
    if (back.ok) assert.deepEqual(back.state, s);
  });

  it('imports an SM-2 export, upgrading it the same way as stored progress', () => {
    const text = readFileSync(join(DIR, 'export-v1.json'), 'utf8');
    const r = importState(emptyState(), text);
    if (!r.ok) assert.fail(r.error);
    assert.deepEqual(r.state, upgraded(v1));
    assert.deepEqual(r.report, { questions: Object.keys(v1.questions).length, reviews: v1.history.length, conflicts: 0 });
    // Importing it again into the upgraded state adds nothing and loses nothing.
    const again = importState(r.state, text);
    if (!again.ok) assert.fail(again.error);
    assert.deepEqual(again.state, r.state);
    assert.deepEqual(again.report, { questions: 0, reviews: 0, conflicts: 0 });
  });

  it('rejects a format-1 export that holds an FSRS card', () => {
    const exp = readJson('export-v1.json');
    const state = exp.state as V1;
    const bad = { ...exp, state: { ...state, questions: { x: { card: { stability: 3, difficulty: 5, phase: 'review', intervalDays: 3, reps: 1, lapses: 0, due: '2026-01-04', lastReviewed: '2026-01-01' } } } } };
    const r = importState(emptyState(), JSON.stringify(bad));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, /card\.ease/);
  });

  it('reads format-1 state with no version field as format 1', () => {
    const { version: _unused, ...noVersion } = v1;
    const { state, warnings } = migrateState(noVersion);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /reading it as version 1/);
    assert.deepEqual(state, upgraded(v1));
  });
});
