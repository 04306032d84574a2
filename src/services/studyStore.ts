import * as vscode from 'vscode';
import type { Rating, SchedulerOptions } from '../core/study/scheduler';
import { clampRetention, isDateString, localDateString } from '../core/study/scheduler';
import { interviewPlan, queueWithPlan, todaysPlan, type InterviewPlan, type PlanQuestion, type TodaysPlan } from '../core/study/interviewPlan';
import { Settings } from '../constants';
import {
  dueQueue, exportState, importState, mergeStates, migrateState, recordOpened, recordReview,
  toggleFavorite, toggleMastered, type ImportResult, type StudyState,
} from '../core/study/studyState';
import { Disposable } from '../util/disposable';

/** globalState key; synced across machines with Settings Sync. */
export const STUDY_STATE_KEY = 'interviewNotes.studyState';
const BACKUP_KEY = 'interviewNotes.studyState.unreadable';
/** The interview date (YYYY-MM-DD), synced like the progress so every machine plans for the same day. */
export const INTERVIEW_DATE_KEY = 'interviewNotes.interviewDate';
/** The value as it was before an upgrade to a newer format, kept (not synced) in case it is needed. */
const PRE_UPGRADE_KEY = 'interviewNotes.studyState.beforeUpgrade';

/** The FSRS options from the settings (desired retention, kept within its safe range). */
export function schedulerOptions(): SchedulerOptions {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.desiredRetention);
  return { desiredRetention: clampRetention(value) };
}

/**
 * The one owner of study progress. All changes go through the pure core
 * (core/study/studyState.ts) and are written to globalState at once.
 *
 * globalState is shared by every window, so each change starts from what is stored now
 * (another window may have saved reviews since): stored and in-memory states are merged
 * first, then the change is applied and written. Two windows never lose each other's reviews.
 */
export class StudyStore extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<StudyState>());
  readonly onDidChange = this.changed.event;
  private current: StudyState;
  /** The stored value as this window last read or wrote it, and its state: the base both windows share. */
  private synced: unknown;
  private syncedState: StudyState;

  constructor(private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }, log: vscode.LogOutputChannel) {
    super();
    memento.setKeysForSync([STUDY_STATE_KEY, INTERVIEW_DATE_KEY]);
    const raw = memento.get<unknown>(STUDY_STATE_KEY);
    const { state, warnings, migratedFrom } = migrateState(raw, schedulerOptions());
    if (warnings.length) {
      warnings.forEach((w) => log.warn(`study progress: ${w}`));
      // Keep what could not be read instead of silently overwriting it.
      void memento.update(BACKUP_KEY, raw);
    }
    if (migratedFrom !== undefined) {
      log.info(`study progress: upgraded from format ${migratedFrom} to ${state.version} (${Object.keys(state.questions).length} questions, ${state.history.length} reviews)`);
      void memento.update(PRE_UPGRADE_KEY, raw);
    }
    this.current = state;
    this.synced = raw;
    this.syncedState = state;
    // An open still waiting to be written is written when the window closes.
    this._register({
      dispose: () => {
        if (this.pendingWrite === undefined) return;
        clearTimeout(this.pendingWrite);
        void this.memento.update(STUDY_STATE_KEY, this.latest());
      },
    });
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
    return this.save(toggleMastered(this.latest(), id, new Date()));
  }

  toggleFavorite(id: string): Thenable<void> {
    return this.save(toggleFavorite(this.latest(), id, new Date()));
  }

  /** Schedules `questionKey` with FSRS as answered `rating` at `now` (the user's local date of it). */
  review(questionKey: string, rating: Rating, now: Date = new Date()): Thenable<void> {
    return this.save(recordReview(this.latest(), questionKey, rating, localDateString(now), now, schedulerOptions()));
  }

  rate(id: string, rating: Rating): Thenable<void> {
    return this.review(id, rating);
  }

  opened(id: string): Thenable<void> {
    return this.save(recordOpened(this.latest(), id));
  }

  /**
   * Records an open in memory at once (the recent list reads it), but writes it and tells
   * listeners only after `delayMs`, so opening a page is not held up by the tree and status bar.
   * Opens in a row are written once; any other change writes them along.
   */
  openedSoon(id: string, delayMs: number): void {
    this.current = recordOpened(this.latest(), id);
    clearTimeout(this.pendingWrite);
    this.pendingWrite = setTimeout(() => void this.save(this.latest()), delayMs);
  }

  private pendingWrite: ReturnType<typeof setTimeout> | undefined;

  /**
   * Ids to review today among `ids`: the interview plan's day when a date is set (then the cards the
   * plan does not cover, such as follow-ups of studied questions), else due cards first, then new ones.
   */
  queue(ids: readonly string[]): string[] {
    const plan = this.todaysPlan();
    if (!plan) return dueQueue(this.current, ids, this.today());
    const planned = new Set(this.planQuestions().map((q) => q.id));
    return queueWithPlan(this.current, plan.day, planned, ids, this.today());
  }

  private planQuestions: () => readonly PlanQuestion[] = () => [];

  /** Where the plan finds every question with its topic, importance and difficulty. */
  usePlanQuestions(questions: () => readonly PlanQuestion[]): void {
    this.planQuestions = questions;
    this.planCache.clear();
  }

  /** Every question the plan considers. */
  planQuestionList(): readonly PlanQuestion[] {
    return this.planQuestions();
  }

  /** The interview date, when one is set and valid. */
  get interviewDate(): string | undefined {
    const value = this.memento.get<unknown>(INTERVIEW_DATE_KEY);
    return isDateString(value) ? value : undefined;
  }

  async setInterviewDate(date: string | undefined): Promise<void> {
    if (date !== undefined && !isDateString(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
    await this.memento.update(INTERVIEW_DATE_KEY, date);
    this.planCache.clear();
    this.changed.fire(this.current);
  }

  /**
   * The plan up to the interview date, or undefined without a date (or once it has passed).
   * It simulates every day until then, so only the progress page asks for it.
   */
  plan(): InterviewPlan | undefined {
    return this.cachedPlan('full', interviewPlan);
  }

  /** Today's day of the plan (what the status bar and the review session follow), without simulating the rest. */
  todaysPlan(): TodaysPlan | undefined {
    return this.cachedPlan('today', todaysPlan);
  }

  private readonly planCache = new Map<'full' | 'today', { key: unknown[]; plan: unknown }>();

  /** A plan worked out once per state, question list, date, day and retention setting. */
  private cachedPlan<T>(slot: 'full' | 'today', make: (s: StudyState, q: readonly PlanQuestion[], today: string, date: string, o: SchedulerOptions) => T | undefined): T | undefined {
    const date = this.interviewDate;
    if (!date) return undefined;
    const questions = this.planQuestions();
    const options = schedulerOptions();
    const key = [this.current, questions, date, this.today(), options.desiredRetention];
    const hit = this.planCache.get(slot);
    if (hit && hit.key.every((k, i) => k === key[i])) return hit.plan as T | undefined;
    const plan = make(this.current, questions, this.today(), date, options);
    this.planCache.set(slot, { key, plan });
    return plan;
  }

  exportJson(): string {
    return exportState(this.current);
  }

  async importJson(json: string): Promise<ImportResult> {
    const result = importState(this.latest(), json, new Date(), schedulerOptions());
    if (result.ok) await this.save(result.state);
    return result;
  }

  /** Re-reads globalState (another window or Settings Sync may have changed it). */
  reload(): void {
    this.planCache.clear();
    // Merge an open not written yet with what is stored, rather than drop it.
    if (this.pendingWrite !== undefined) {
      void this.save(this.latest());
      return;
    }
    this.synced = this.memento.get<unknown>(STUDY_STATE_KEY);
    this.current = migrateState(this.synced, schedulerOptions()).state;
    this.syncedState = this.current;
    this.changed.fire(this.current);
  }

  /** The in-memory state with whatever another window stored meanwhile merged in (what of it can be read). */
  private latest(): StudyState {
    const stored = this.memento.get<unknown>(STUDY_STATE_KEY);
    if (stored === undefined || stored === this.synced) return this.current;
    return mergeStates(this.current, migrateState(stored, schedulerOptions()).state, this.syncedState).state;
  }

  private async save(next: StudyState): Promise<void> {
    clearTimeout(this.pendingWrite);
    this.pendingWrite = undefined;
    this.current = next;
    this.synced = next;
    this.syncedState = next;
    this.changed.fire(next);
    await this.memento.update(STUDY_STATE_KEY, next);
  }
}
