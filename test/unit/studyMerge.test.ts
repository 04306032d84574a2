import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Rating } from '../../src/core/study/scheduler';
import { emptyState, mergeStates, recordReview, toggleFavorite, toggleMastered, type StudyState } from '../../src/core/study/studyState';

// Two windows start from the same stored state and change it independently; mergeStates is what
// the store runs before each save (services/studyStore.ts), so neither window's work may be lost.

const T1 = new Date('2024-05-01T08:00:00Z');
const T2 = new Date('2024-05-01T09:00:00Z');
const T3 = new Date('2024-05-01T10:00:00Z');

const reviewsOf = (s: StudyState, id: string) => s.history.filter((e) => e.id === id).map((e) => e.rating);

describe('merging study state saved by two windows', () => {
  const base = recordReview(emptyState(), 'shared', 'good', '2024-04-30', T1);

  it('keeps the reviews of both windows, each once', () => {
    const windowA = recordReview(base, 'a', 'good', '2024-05-01', T2);
    const windowB = recordReview(base, 'b', 'hard', '2024-05-01', T3);
    const { state } = mergeStates(windowA, windowB);
    assert.deepEqual(reviewsOf(state, 'a'), ['good']);
    assert.deepEqual(reviewsOf(state, 'b'), ['hard']);
    assert.deepEqual(reviewsOf(state, 'shared'), ['good'], 'the common review is not doubled');
    assert.ok(state.questions.a.card && state.questions.b.card, 'both cards are scheduled');
  });

  it('keeps a review both windows logged alike when the common base is known', () => {
    const windowA = recordReview(base, 'q', 'good', '2024-05-01', T2);
    const windowB = recordReview(base, 'q', 'good', '2024-05-01', T3);
    assert.deepEqual(reviewsOf(mergeStates(windowA, windowB, base).state, 'q'), ['good', 'good']);
    assert.deepEqual(reviewsOf(mergeStates(windowA, windowB).state, 'q'), ['good'], 'without a base (an import) it counts once');
  });

  it('is idempotent: merging what was already merged changes nothing', () => {
    const windowA = recordReview(base, 'a', 'good', '2024-05-01', T2);
    const windowB = recordReview(base, 'b', 'easy', '2024-05-01', T3);
    const once = mergeStates(windowA, windowB).state;
    assert.deepEqual(mergeStates(once, windowB).state, once);
    assert.deepEqual(mergeStates(once, once).state, once);
  });

  it('lets the later change of the same question win, an un-marking included', () => {
    const marked = toggleMastered(base, 'q', T1);
    const unmarkedLater = toggleMastered(marked, 'q', T3);
    const favoritedEarlier = toggleFavorite(marked, 'q', T2);
    assert.equal(mergeStates(favoritedEarlier, unmarkedLater).state.questions.q.mastered, undefined);
    assert.equal(mergeStates(unmarkedLater, favoritedEarlier).state.questions.q.mastered, undefined);
  });

  it('never drops a review either window logged (any interleaving)', () => {
    const ratings: Rating[] = ['again', 'hard', 'good', 'easy'];
    const review = fc.record({ id: fc.constantFrom('a', 'b', 'c'), rating: fc.constantFrom(...ratings) });
    fc.assert(
      fc.property(fc.array(review, { maxLength: 8 }), fc.array(review, { maxLength: 8 }), (mine, theirs) => {
        const apply = (s: StudyState, rs: typeof mine, at: Date) => rs.reduce((acc, r) => recordReview(acc, r.id, r.rating, '2024-05-01', at), s);
        const a = apply(base, mine, T2);
        const b = apply(base, theirs, T3);
        const merged = mergeStates(a, b, base).state;
        assert.equal(merged.history.length, base.history.length + mine.length + theirs.length);
        // Saving again with the merged state as the new base adds nothing twice.
        assert.deepEqual(mergeStates(merged, b, b).state.history, merged.history);
      }),
    );
  });
});
