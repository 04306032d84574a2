import type * as vscode from 'vscode';
import type { PlanQuestion } from '../core/study/interviewPlan';
import type { NotesService } from './notesService';

/**
 * Every loaded question as the study plan sees it (top-level topic, importance, difficulty),
 * rebuilt only when the notes change.
 */
export function planQuestionsOf(notes: NotesService, subscriptions: vscode.Disposable[]): () => readonly PlanQuestion[] {
  let cached: readonly PlanQuestion[] | undefined;
  subscriptions.push(
    notes.onDidChange(() => {
      cached = undefined;
    }),
  );
  return () => {
    if (cached) return cached;
    cached = notes.allIds().flatMap((id) => {
      const loaded = notes.get(id);
      if (!loaded) return [];
      const q = loaded.question;
      return [{ id, topic: loaded.topicPath.split(' / ')[0] || loaded.topic.id, importance: q.importance, difficulty: q.difficulty }];
    });
    return cached;
  };
}
