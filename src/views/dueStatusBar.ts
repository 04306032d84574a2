import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';

const RECHECK_MS = 10 * 60 * 1000;

/** "$(mortar-board) 12 due": today's review count; a click starts the session. */
export class DueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('interviewNotes.due', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  // The date changes at midnight without any event, so look again now and then.
  private readonly timer = setInterval(() => this.update(), RECHECK_MS);

  constructor(private readonly notes: NotesService, private readonly study: StudyStore) {
    this.item.name = vscode.l10n.t('Interview Notes: Due for Review');
    this.item.command = Commands.startReview;
    this.subscriptions = [notes.onDidChange(() => this.update()), study.onDidChange(() => this.update())];
    this.update();
  }

  /** Cards the review session would show today. */
  get count(): number {
    return this.study.queue(this.notes.allIds()).length;
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
    this.item.text = `$(mortar-board) ${due}`;
    this.item.tooltip = due ? vscode.l10n.t('{0} questions to review today — click to start', due) : vscode.l10n.t('Nothing to review today');
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
