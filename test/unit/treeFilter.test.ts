import * as assert from 'node:assert/strict';
import { emptyState, meetsStudyCondition, recordReview, toggleFavorite, toggleMastered } from '../../src/core/study/studyState';
import { TREE_FILTERS, treeFilterCondition } from '../../src/views/treeFilter';

describe('tree study filter', () => {
  it('shows the questions each filter names', () => {
    const now = new Date('2024-05-01T08:00:00Z');
    let s = toggleMastered(emptyState(), 'm', now);
    s = toggleFavorite(s, 'f', now);
    s = recordReview(s, 'r', 'again', '2024-05-01', now);
    const shown = (day: string) =>
      Object.fromEntries(
        TREE_FILTERS.map((f) => {
          const c = treeFilterCondition(f);
          return [f, ['m', 'f', 'r', 'none'].filter((id) => !c || meetsStudyCondition(s, id, c, day))];
        }),
      );
    assert.deepEqual(shown('2024-05-09'), { all: ['m', 'f', 'r', 'none'], unmastered: ['f', 'r', 'none'], favorites: ['f'], due: ['r'] });
  });
});
