import * as vscode from 'vscode';
import type { Rating } from '../core/study/scheduler';
import { localDateString } from '../core/study/scheduler';
import {
  dueQueue, exportState, importState, migrateState, recordOpened, recordReview,
  toggleFavorite, toggleMastered, type ImportResult, type StudyState,
} from '../core/study/studyState';

/** globalState key; synced across machines with Settings Sync. */
export const STUDY_STATE_KEY = 'interviewNotes.studyState';
const BACKUP_KEY = 'interviewNotes.studyState.unreadable';

/**
 * The one owner of study progress. All changes go through the pure core
 * (core/studyState.ts) and are written to globalState at once.
 */
export class StudyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StudyState>();
  readonly onDidChange = this.changed.event;
  private current: StudyState;

  constructor(private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }, log: vscode.LogOutputChannel) {
    memento.setKeysForSync([STUDY_STATE_KEY]);
    const raw = memento.get<unknown>(STUDY_STATE_KEY);
    const { state, warnings } = migrateState(raw);
    if (warnings.length) {
      warnings.forEach((w) => log.warn(`study progress: ${w}`));
      // Keep what could not be read instead of silently overwriting it.
      void memento.update(BACKUP_KEY, raw);
    }
    this.current = state;
  }

  get state(): StudyState {
    return this.current;
  }

  /** The user's calendar date now. */
  today(): string {
    return localDateString(new Date());
  }

  isMastered(id: string): boolean {
    return this.current.questions[id]?.mastered === true;
  }

  isFavorite(id: string): boolean {
    return this.current.questions[id]?.favorite === true;
  }

  toggleMastered(id: string): Thenable<void> {
    return this.save(toggleMastered(this.current, id, new Date()));
  }

  toggleFavorite(id: string): Thenable<void> {
    return this.save(toggleFavorite(this.current, id, new Date()));
  }

  rate(id: string, rating: Rating): Thenable<void> {
    return this.save(recordReview(this.current, id, rating, this.today(), new Date()));
  }

  opened(id: string): Thenable<void> {
    return this.save(recordOpened(this.current, id));
  }

  /** Ids to review today among `ids`: due cards first, then new ones. */
  queue(ids: readonly string[]): string[] {
    return dueQueue(this.current, ids, this.today());
  }

  exportJson(): string {
    return exportState(this.current);
  }

  async importJson(json: string): Promise<ImportResult> {
    const result = importState(this.current, json);
    if (result.ok) await this.save(result.state);
    return result;
  }

  /** Re-reads globalState (another window or Settings Sync may have changed it). */
  reload(): void {
    this.current = migrateState(this.memento.get<unknown>(STUDY_STATE_KEY)).state;
    this.changed.fire(this.current);
  }

  private async save(next: StudyState): Promise<void> {
    this.current = next;
    this.changed.fire(next);
    await this.memento.update(STUDY_STATE_KEY, next);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
