import * as vscode from 'vscode';
import { Commands } from '../constants';
import { progressPageHtml, reviewStreak, type ProgressLabels, type TopicRow } from '../core/render/progressPage';
import { parseProgressMessage, type ProgressCommand, type ProgressHostMessage, type ProgressMessage } from '../core/protocol/reviewMessages';
import { dueIds, reviewHistoryByDay, topicProgress } from '../core/study/studyState';
import { dueForecast, mostForgotten, reviewsPerDay, trueRetention } from '../core/study/statistics';
import type { StatsLabels, StatsParts } from '../core/render/studyStatsSections';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { WebviewPanelHost } from './webviewPanelHost';

export const PROGRESS_PANEL_TYPE = 'interviewNotes.progress';
const HISTORY_DAYS = 30;
const HEATMAP_DAYS = 365;
const FORECAST_DAYS = 30;

const COMMANDS: Record<ProgressCommand, string> = {
  startReview: Commands.startReview,
  exportProgress: Commands.exportProgress,
  importProgress: Commands.importProgress,
  setInterviewDate: Commands.setInterviewDate,
  reviewForgotten: Commands.reviewForgotten,
};

/** The study progress page in one reused panel, kept current while it is open. */
export class ProgressPanel extends WebviewPanelHost<ProgressHostMessage, ProgressMessage> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly store: StudyStore,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, log, { viewType: PROGRESS_PANEL_TYPE, name: 'progress', parseMessage: parseProgressMessage });
    this._register(store.onDidChange(() => this.render()));
    this._register(notes.onDidChange(() => this.render()));
  }

  show(): void {
    this.openPanel(vscode.l10n.t('Study Progress'));
    this.render();
  }

  protected async restore(): Promise<void> {
    await this.notes.ready();
    this.render();
  }

  protected resourceRoots(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')];
  }

  // "Today" moves at midnight without an event; coming back to the page is a good moment to look again.
  protected onDidBecomeVisible(): void {
    this.render();
  }

  private stats(): StatsParts {
    const state = this.store.state;
    const today = this.store.today();
    const all = this.notes.allIds();
    const plan = this.store.plan();
    return {
      plan: plan && {
        interviewDate: plan.interviewDate,
        daysLeft: plan.daysLeft,
        expected: plan.forecast.expected,
        total: plan.forecast.total,
        withoutStudy: plan.withoutStudy,
        days: plan.days.map((d) => ({ date: d.date, reviews: d.reviews.length, fresh: d.fresh.length, cram: d.cram })),
      },
      heatmap: reviewsPerDay(state.history, HEATMAP_DAYS, today),
      streak: reviewStreak(state.history, today),
      dueForecast: dueForecast(state, all, today, FORECAST_DAYS),
      retention: this.notes.topLevelGroups().map(({ title, ids }) => ({ title, ...trueRetention(state.history, new Set(ids)) })),
      forgotten: mostForgotten(state, all, today).map((f) => ({ ...f, title: this.notes.get(f.id)?.question.title ?? f.id })),
      labels: statsLabels(),
    };
  }

  private render(): void {
    if (!this.panel) return;
    const state = this.store.state;
    const today = this.store.today();
    const all = this.notes.allIds();
    const queue = this.store.queue(all);
    const due = dueIds(state, all, today).length;
    const history = reviewHistoryByDay(state, HISTORY_DAYS, today);
    const topics: TopicRow[] = this.notes.topLevelGroups().map(({ title, ids }) => ({ title, ...topicProgress(state, ids), due: dueIds(state, ids, today).length }));
    this.setPage(vscode.l10n.t('Study Progress'), (page) =>
      progressPageHtml({
        totals: {
          ...topicProgress(state, all),
          favorites: all.filter((id) => this.store.isFavorite(id)).length,
          due,
          fresh: queue.length - due,
          reviews: history.reduce((n, d) => n + d.again + d.hard + d.good + d.easy, 0),
          streak: reviewStreak(state.history, today),
        },
        topics,
        history,
        stats: this.stats(),
        nonce: page.nonce,
        cspSource: page.cspSource,
        styleUris: [page.media('answer.css'), page.media('progress.css')],
        scriptUri: page.script('progress.js'),
        lang: page.lang,
        labels: progressLabels(),
      }),
    );
  }

  protected async onMessage(message: ProgressMessage): Promise<void> {
    if (message.type === 'run') await vscode.commands.executeCommand(COMMANDS[message.command]);
    else if (message.type === 'openQuestion' && this.notes.get(message.id)) await vscode.commands.executeCommand(Commands.openQuestion, message.id);
  }
}

function progressLabels(): ProgressLabels {
  return {
    pageTitle: vscode.l10n.t('Study Progress'),
    startReview: vscode.l10n.t('Start Review'),
    exportProgress: vscode.l10n.t('Export Progress…'),
    importProgress: vscode.l10n.t('Import Progress…'),
    mastered: vscode.l10n.t('Mastered'),
    favorites: vscode.l10n.t('Favorites'),
    dueToday: vscode.l10n.t('To review today'),
    dueDetail: vscode.l10n.t('{0} due · {1} new'),
    reviews: vscode.l10n.t('Reviews (30 days)'),
    streak: vscode.l10n.t('Day streak'),
    topicsHeading: vscode.l10n.t('Topics'),
    topic: vscode.l10n.t('Topic'),
    progress: vscode.l10n.t('Progress'),
    due: vscode.l10n.t('Due'),
    noTopics: vscode.l10n.t('No notes are loaded.'),
    historyHeading: vscode.l10n.t('Reviews in the last 30 days'),
    dayTitle: vscode.l10n.t('{0}: {1} reviews'),
    noReviews: vscode.l10n.t('No reviews in the last 30 days yet.'),
    ratings: { again: vscode.l10n.t('Again'), hard: vscode.l10n.t('Hard'), good: vscode.l10n.t('Good'), easy: vscode.l10n.t('Easy') },
  };
}

function statsLabels(): StatsLabels {
  return {
    interviewHeading: vscode.l10n.t('Interview day'),
    interviewWhen: vscode.l10n.t('Interview on {0} — {1} days left'),
    forecast: vscode.l10n.t('On the day you would recall about {0} of {1} questions'),
    forecastWithout: vscode.l10n.t('Without more study: about {0}'),
    planHeading: vscode.l10n.t('Planned questions per day'),
    cramNote: vscode.l10n.t('The last two days review everything predicted below your desired retention.'),
    noInterview: vscode.l10n.t('Set your interview date to get a day-by-day plan and a forecast for the day.'),
    setInterviewDate: vscode.l10n.t('Set Interview Date…'),
    date: vscode.l10n.t('Date'),
    reviews: vscode.l10n.t('Reviews'),
    fresh: vscode.l10n.t('New'),
    cram: vscode.l10n.t('cramming'),
    heatmapHeading: vscode.l10n.t('Reviews over the last year'),
    dayReviews: vscode.l10n.t('{0}: {1} reviews'),
    streak: vscode.l10n.t('days in a row'),
    dueForecastHeading: vscode.l10n.t('Due in the next 30 days'),
    due: vscode.l10n.t('Due'),
    retentionHeading: vscode.l10n.t('True retention by topic'),
    topic: vscode.l10n.t('Topic'),
    retention: vscode.l10n.t('Recalled'),
    retentionReviews: vscode.l10n.t('Reviews'),
    noRetention: vscode.l10n.t('No reviews after the first learning step yet.'),
    forgottenHeading: vscode.l10n.t('Questions you keep forgetting'),
    question: vscode.l10n.t('Question'),
    lapses: vscode.l10n.t('Forgotten'),
    recall: vscode.l10n.t('Recall now'),
    reviewForgotten: vscode.l10n.t('Review them now'),
    noForgotten: vscode.l10n.t('Nothing forgotten yet.'),
  };
}
