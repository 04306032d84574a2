import type { StateFilter } from '../core/search/searchQuery';
import { matchesFilter } from '../core/study/studyState';
import type { StudyStore } from '../services/studyStore';

/** The search's `is:` filters answered from the study store (core only names them). */
export function studyStateFilter(study: StudyStore): (id: string, states: readonly StateFilter[]) => boolean {
  return (id, states) => {
    const state = study.state;
    const today = study.today();
    return states.every((s) => {
      switch (s) {
        case 'unmastered':
          return matchesFilter(state, id, 'unmastered', today);
        case 'mastered':
          return !matchesFilter(state, id, 'unmastered', today);
        case 'favorite':
          return matchesFilter(state, id, 'favorites', today);
        case 'due':
          return matchesFilter(state, id, 'due', today);
      }
    });
  };
}
