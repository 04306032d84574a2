import { meetsStudyCondition, type StudyCondition } from '../core/study/studyState';
import type { StudyStore } from '../services/studyStore';

/** The search's `is:` filters answered from the study store (core only names them). */
export function studyStateFilter(study: StudyStore): (id: string, states: readonly StudyCondition[]) => boolean {
  return (id, states) => {
    const state = study.state;
    const today = study.today();
    return states.every((s) => meetsStudyCondition(state, id, s, today));
  };
}
