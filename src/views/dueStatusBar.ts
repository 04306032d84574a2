import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { Disposable } from '../util/disposable';

const RECHECK_MS = 10 * 60 * 1000;

/** "$(mortar-board) 12 due": today's review count; a click starts the session. */
export class DueStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('interviewNotes.due', vscode.StatusBarAlignment.Left, 50));

  /** `todayCards` is what a review session would show today: questions and follow-up cards. */
  constructor(private readonly notes: NotesService, private readonly study: StudyStore, private readonly todayCards: () => readonly string[]) {
    super();
    // The date changes at midnight without any event, so look again now and then.
    const timer = setInterval(() => this.update(), RECHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
    this.item.name = vscode.l10n.t('Interview Notes: Due for Review');
    this.item.command = Commands.startReview;
    this._register(notes.onDidChange(() => this.update()));
    this._register(study.onDidChange(() => this.update()));
    this.update();
  }

  /** Cards the review session would show today. */
  get count(): number {
    return this.todayCards().length;
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    if (this.notes.allIds().length === 0) {
      this.item.hide();
      return;
    }
    const due = this.count;
    const plan = this.study.todaysPlan();
    if (plan) {
      // "12 · 5d": today's planned load and the days left until the interview.
      const { day } = plan;
      this.item.text = `$(mortar-board) ${due} · $(calendar) ${vscode.l10n.t('{0}d', plan.daysLeft)}`;
      const when = plan.daysLeft === 0 ? vscode.l10n.t('Interview today ({0})', plan.interviewDate) : vscode.l10n.t('Interview in {0} days ({1})', plan.daysLeft, plan.interviewDate);
      const load = vscode.l10n.t('today: {0} reviews, {1} new', day.reviews.length, day.fresh.length);
      this.item.tooltip = `${when}\n${load}\n${due ? vscode.l10n.t('{0} cards to review today — click to start', due) : vscode.l10n.t('Nothing to review today')}`;
    } else {
      this.item.text = `$(mortar-board) ${due}`;
      this.item.tooltip = due ? vscode.l10n.t('{0} cards to review today — click to start', due) : vscode.l10n.t('Nothing to review today');
    }
    this.item.show();
  }
}
