import * as vscode from 'vscode';
import { Commands, Settings } from '../constants';
import { dailyQuestion } from '../core/study/interviewPlan';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { Disposable } from '../util/disposable';

const PICK_KEY = 'interviewNotes.dailyQuestion';
const RECHECK_MS = 10 * 60 * 1000;

/**
 * 今日一题: one question a day, offered from the status bar. The pick is remembered for the day,
 * so answering it does not swap it for another; once reviewed today the item shows a check.
 */
export class DailyQuestionStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('interviewNotes.dailyQuestion', vscode.StatusBarAlignment.Left, 49));

  constructor(private readonly notes: NotesService, private readonly study: StudyStore, private readonly memento: vscode.Memento) {
    super();
    // The date changes at midnight without any event, so look again now and then.
    const timer = setInterval(() => this.update(), RECHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
    this.item.name = vscode.l10n.t('Interview Notes: Daily Question');
    this.item.command = Commands.dailyQuestion;
    this._register(notes.onDidChange(() => this.update()));
    this._register(study.onDidChange(() => this.update()));
    this.update();
  }

  get text(): string {
    return this.item.text;
  }

  /** Today's question id (chosen on first use each day), or undefined without notes. */
  current(): string | undefined {
    const today = this.study.today();
    const saved = this.memento.get<{ date?: unknown; id?: unknown }>(PICK_KEY);
    if (saved && saved.date === today && typeof saved.id === 'string' && this.notes.get(saved.id)) return saved.id;
    const id = dailyQuestion(this.study.state, this.study.planQuestionList(), today);
    if (id) void this.memento.update(PICK_KEY, { date: today, id });
    return id;
  }

  /** Opens today's question in the answer view. */
  async open(): Promise<string | undefined> {
    const id = this.current();
    if (!id) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No questions are loaded.'));
      return undefined;
    }
    await vscode.commands.executeCommand(Commands.openQuestion, id);
    return id;
  }

  /** On startup, when the user asked for it: offer today's question once. */
  async offerOnStartup(): Promise<void> {
    if (!vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.dailyQuestionOnStartup, false)) return;
    const id = this.current();
    const loaded = id ? this.notes.get(id) : undefined;
    if (!loaded || this.doneToday(loaded.question.id)) return;
    const open = vscode.l10n.t('Open');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('Daily question: {0}', loaded.question.title), open);
    if (pick === open) await this.open();
  }

  private doneToday(id: string): boolean {
    const questions = this.study.state.questions;
    return Object.hasOwn(questions, id) && questions[id].card?.lastReviewed === this.study.today();
  }

  update(): void {
    const id = this.notes.allIds().length ? this.current() : undefined;
    const loaded = id ? this.notes.get(id) : undefined;
    if (!loaded) {
      this.item.hide();
      return;
    }
    const done = this.doneToday(loaded.question.id);
    this.item.text = done ? `$(check) ${vscode.l10n.t('Daily')}` : `$(lightbulb) ${vscode.l10n.t('Daily')}`;
    this.item.tooltip = `${vscode.l10n.t('Daily question')}: ${loaded.question.title}${done ? `\n${vscode.l10n.t('Reviewed today')}` : ''}`;
    this.item.accessibilityInformation = { label: `${vscode.l10n.t('Daily question')}: ${loaded.question.title}` };
    this.item.show();
  }
}
