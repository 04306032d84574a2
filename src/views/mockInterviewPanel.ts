import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Rating } from '../core/study/scheduler';
import {
  currentStep, endInterview, finishStep, isFinished, parseInterviewSession, planInterview, revealPoints, setCovered, setNotes, showStep,
  type InterviewOptions, type InterviewSession,
} from '../core/practice/mockInterview';
import { interviewCard, skipReasonText, type InterviewCard } from '../core/practice/practiceCards';
import { interviewReportMarkdown, reportRows, type ReportLabels } from '../core/practice/interviewReport';
import { parseCardKey } from '../core/study/cardKeys';
import { parseInterviewMessage, type InterviewMessage, type PracticeHostMessage } from '../core/protocol/practiceMessages';
import { mockInterviewPageHtml, type InterviewLabels, type InterviewView } from '../core/render/mockInterviewPage';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { WebviewPanelHost } from './webviewPanelHost';
import { notesResourceRoots } from './webviewSupport';
import { practiceLookup, renderFragment, skipReasonLabel } from './practiceSupport';

export const MOCK_INTERVIEW_PANEL_TYPE = 'interviewNotes.mockInterview';

/**
 * A mock interview in one reused panel: an intro, then each question (or follow-up) alone with a
 * timer; its key points as a checklist once revealed; a rating recorded only when the user
 * confirms it; a report at the end that can be saved as Markdown. The session lives in the
 * webview state too, so a window reload resumes it where it was.
 */
export class MockInterviewPanel extends WebviewPanelHost<PracticeHostMessage, InterviewMessage> {
  private session: InterviewSession | undefined;
  private readonly lookup;

  constructor(
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly store: StudyStore,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, log, { viewType: MOCK_INTERVIEW_PANEL_TYPE, name: 'mock interview', parseMessage: parseInterviewMessage });
    this.lookup = practiceLookup(notes);
  }

  /** The session as it stands (tests assert on it). */
  get interview(): InterviewSession | undefined {
    return this.session;
  }

  /** Plans and opens an interview over `keys`; false when no question can be asked. */
  async start(keys: readonly string[], topics: string[], options: InterviewOptions): Promise<boolean> {
    await this.notes.ready();
    const candidates = [...new Set(keys)].map(this.lookup).filter((q) => q !== undefined);
    const session = planInterview(candidates, this.lookup, topics, options, Date.now());
    for (const s of session.skipped) this.log.info(`mock interview: skipped ${s.key}: ${skipReasonText(s.reason)}`);
    if (!session.steps.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No question in the chosen topics has a key points (要点) list to check against.'));
      return false;
    }
    this.session = session;
    this.log.info(`mock interview planned: ${session.steps.length} steps over ${candidates.length} questions, ${session.skipped.length} skipped`);
    this.openPanel(vscode.l10n.t('Mock Interview'));
    this.render();
    return true;
  }

  /**
   * Test hook: hands `raw` to the panel exactly as if the page had posted it (validated the
   * same way). Integration tests drive a session through it and assert on real state.
   */
  async receiveFromPage(raw: unknown): Promise<boolean> {
    const message = parseInterviewMessage(raw);
    if (!message) return false;
    await this.onMessage(message);
    return true;
  }

  protected resourceRoots(): vscode.Uri[] {
    return notesResourceRoots(this.extensionUri, this.notes);
  }

  protected onDidClose(): void {
    this.session = undefined;
  }

  protected async restore(state: unknown): Promise<void> {
    await this.notes.ready();
    const session = parseInterviewSession(state && typeof state === 'object' ? (state as { session?: unknown }).session : undefined);
    if (!session) {
      this.log.warn('mock interview: the saved session could not be read; closing the panel');
      this.closePanel();
      return;
    }
    this.session = session;
    this.log.info(`mock interview resumed at step ${session.index + 1} of ${session.steps.length}`);
    this.render();
  }

  private card(cardKey: string): InterviewCard | undefined {
    const c = interviewCard(cardKey, this.lookup);
    return 'skip' in c ? undefined : c;
  }

  /** Steps whose card disappeared (notes edited mid-session) are passed over, unrated. */
  private skipMissing(): void {
    let s = this.session;
    while (s && !isFinished(s) && !this.card(currentStep(s)!.cardKey)) {
      this.log.warn(`mock interview: ${currentStep(s)!.cardKey} is no longer in the notes; skipped`);
      s = { ...s, index: s.index + 1 };
    }
    if (s && s !== this.session) this.session = showStep(s, Date.now());
  }

  private render(): void {
    if (!this.panel) return;
    this.skipMissing();
    const s = this.session;
    if (!s) return;
    const view = this.view(s);
    const title = view.kind === 'step' ? `${vscode.l10n.t('Mock Interview')} ${view.position}/${view.total}` : vscode.l10n.t('Mock Interview');
    this.setPage(title, (page) =>
      mockInterviewPageHtml({
        view,
        session: this.session!,
        nonce: page.nonce,
        cspSource: page.cspSource,
        lang: page.lang,
        styleUris: [page.media('answer.css'), page.media('review.css'), page.media('practice.css')],
        scriptUri: page.script('mockInterview.js'),
        labels: interviewLabels(),
      }),
    );
  }

  private view(s: InterviewSession): InterviewView {
    const step = currentStep(s);
    if (step && s.index === 0 && step.startedAt === undefined) {
      const followUps = s.steps.filter((st) => parseCardKey(st.cardKey).kind === 'followup').length;
      return { kind: 'intro', questions: s.steps.length - followUps, followUps, secondsPerQuestion: s.steps[0].seconds };
    }
    const card = step && this.card(step.cardKey);
    if (!step || !card) {
      const rows = reportRows(s, (k) => this.card(k)).map((r) => ({ ...r, missedHtml: r.missed.map(renderFragment) }));
      return { kind: 'report', rows };
    }
    const view: InterviewView = {
      kind: 'step',
      step,
      position: s.index + 1,
      total: s.steps.length,
      promptHtml: renderFragment(card.prompt),
      points: card.points.map(renderFragment),
      questionKey: card.questionKey,
    };
    if (card.kind === 'followup') view.followUpTo = card.questionTitle;
    return view;
  }

  protected async onMessage(message: InterviewMessage): Promise<void> {
    const s = this.session;
    if (!s) return;
    const step = currentStep(s);
    if ('cardKey' in message && message.cardKey !== step?.cardKey) {
      // A message from a page already answered (a double click) must not touch the next step.
      this.log.debug(`mock interview: ignored ${message.type} for ${message.cardKey}: not the current step`);
      return;
    }
    const now = Date.now();
    switch (message.type) {
      case 'ready':
        return;
      case 'start':
        if (s.index === 0 && step?.startedAt === undefined) {
          this.session = showStep(s, now);
          this.render();
        }
        return;
      case 'notes':
        this.session = setNotes(s, message.text);
        return;
      case 'cover':
        this.session = setCovered(s, message.covered, this.card(message.cardKey)?.points.length ?? 0);
        return;
      case 'reveal':
        this.session = revealPoints(setNotes(s, message.notes), now);
        this.render();
        return;
      case 'record':
      case 'skipRating':
        return this.finish(message.type === 'record' ? message.rating : undefined, message.type === 'record' ? message.covered : undefined);
      case 'end':
        this.session = endInterview(s);
        this.render();
        return;
      case 'saveReport':
        await this.saveReport();
        return;
      case 'openQuestion':
        if (this.notes.get(message.id)) await vscode.commands.executeCommand(Commands.openQuestion, message.id);
        else this.log.warn(`mock interview: ignored a link to an unknown question: ${message.id}`);
        return;
    }
  }

  private async finish(rating: Rating | undefined, covered: number[] | undefined): Promise<void> {
    let s = this.session;
    const step = s && currentStep(s);
    if (!s || !step || !step.revealed) return;
    const card = this.card(step.cardKey);
    if (covered) s = setCovered(s, covered, card?.points.length ?? 0);
    this.session = finishStep(s, rating, Date.now());
    this.render();
    if (!rating) return;
    try {
      await this.store.rate(step.cardKey, rating);
      this.log.info(`mock interview: recorded ${rating} for ${step.cardKey}`);
    } catch (err) {
      this.log.error(`could not save the rating of ${step.cardKey}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The report as Markdown, as "Save Report" writes it. */
  reportMarkdown(): string | undefined {
    const s = this.session;
    if (!s) return undefined;
    const rows = reportRows(s, (k) => this.card(k));
    return interviewReportMarkdown(s, rows, reportLabels(), this.store.today(), (key) => this.notes.get(key)?.fileUri.toString());
  }

  /** Asks where to save (unless `target` is given) and writes the report; the written file, if any. */
  async saveReport(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const markdown = this.reportMarkdown();
    if (markdown === undefined) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `mock-interview-${this.store.today()}.md`;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name),
        filters: { Markdown: ['md'] },
        title: vscode.l10n.t('Save Mock Interview Report'),
      }));
    if (!uri) return undefined;
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the report: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    const open = vscode.l10n.t('Open Report');
    void vscode.window.showInformationMessage(vscode.l10n.t('Report saved to {0}', uri.scheme === 'file' ? uri.fsPath : uri.toString()), open).then((pick) => {
      if (pick === open) void vscode.window.showTextDocument(uri);
    });
    return uri;
  }
}

function ratingNames(): Record<Rating, string> {
  return { again: vscode.l10n.t('Again'), hard: vscode.l10n.t('Hard'), good: vscode.l10n.t('Good'), easy: vscode.l10n.t('Easy') };
}

function interviewLabels(): InterviewLabels {
  return {
    pageTitle: vscode.l10n.t('Mock Interview'),
    introTitle: vscode.l10n.t('Mock interview'),
    introPlan: vscode.l10n.t('{0} questions and {1} follow-ups, {2} min per question (follow-ups get half)'),
    topics: vscode.l10n.t('Topics: {0}'),
    skippedCount: vscode.l10n.t('{0} left out (see why)'),
    skipReason: skipReasonLabel,
    start: vscode.l10n.t('Start'),
    position: vscode.l10n.t('Question {0} of {1}'),
    followUpTo: vscode.l10n.t('Follow-up to: {0}'),
    timer: vscode.l10n.t('Time left'),
    timeUp: vscode.l10n.t("Time's up"),
    minutesLeft: vscode.l10n.t('{0} min left'),
    secondsLeft: vscode.l10n.t('{0} seconds left'),
    notes: vscode.l10n.t('Your answer (optional: say it out loud or jot it down)'),
    notesHint: vscode.l10n.t('Nothing typed here is saved to your notes; it stays with this session.'),
    reveal: vscode.l10n.t('Reveal Key Points'),
    checklist: vscode.l10n.t('Tick the key points you covered'),
    yourNotes: vscode.l10n.t('Your answer'),
    coverage: vscode.l10n.t('Covered {0} of {1} ({2}%)'),
    suggested: vscode.l10n.t('Suggested rating: {0}'),
    ratingLegend: vscode.l10n.t('Rating to record'),
    ratings: ratingNames(),
    record: vscode.l10n.t('Record Rating and Continue'),
    skipRating: vscode.l10n.t('Continue Without Recording'),
    end: vscode.l10n.t('End Interview'),
    reportTitle: vscode.l10n.t('Interview report'),
    question: vscode.l10n.t('Question'),
    time: vscode.l10n.t('Time'),
    covered: vscode.l10n.t('Covered'),
    rating: vscode.l10n.t('Rating'),
    notRated: vscode.l10n.t('not recorded'),
    notAnswered: vscode.l10n.t('not answered'),
    pointsMissed: vscode.l10n.t('Points missed'),
    allCovered: vscode.l10n.t('You covered every key point.'),
    openAnswer: vscode.l10n.t('Open the answer'),
    saveReport: vscode.l10n.t('Save Report…'),
    thresholds: vscode.l10n.t('Suggested from the share covered: under {0}% Again, under {1}% Hard, under 100% Good, all Easy.'),
    keys: vscode.l10n.t('Keys: Enter starts · Ctrl+Enter reveals the key points · 1–9 tick a point · arrow keys change the rating · Enter records it'),
  };
}

function reportLabels(): ReportLabels {
  return {
    title: vscode.l10n.t('Mock interview {0}'),
    topics: vscode.l10n.t('Topics: {0}'),
    question: vscode.l10n.t('Question'),
    time: vscode.l10n.t('Time'),
    allotted: vscode.l10n.t('of {0}'),
    covered: vscode.l10n.t('Covered'),
    rating: vscode.l10n.t('Rating'),
    notRated: vscode.l10n.t('not recorded'),
    notAnswered: vscode.l10n.t('not answered'),
    followUpTo: vscode.l10n.t('Follow-up to: {0}'),
    pointsMissed: vscode.l10n.t('Points missed'),
    allCovered: vscode.l10n.t('You covered every key point.'),
    openAnswer: vscode.l10n.t('Open the answer'),
    skipped: vscode.l10n.t('Left out: {0} ({1})'),
    skipReason: skipReasonLabel,
    ratings: ratingNames(),
  };
}
