import type { StudyCondition } from '../core/study/studyState';

/** The tree's study filter: which questions the sidebar shows. */
export type TreeFilter = 'all' | 'unmastered' | 'favorites' | 'due';

export const TREE_FILTERS: readonly TreeFilter[] = ['all', 'unmastered', 'favorites', 'due'];

/** The study condition a question must meet to show under `filter`; undefined for all questions. */
export function treeFilterCondition(filter: TreeFilter): StudyCondition | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'unmastered':
      return 'unmastered';
    case 'favorites':
      return 'favorite';
    case 'due':
      return 'due';
  }
}
