import * as vscode from 'vscode';
import { Commands } from '../constants';
import { RATINGS, type Rating } from '../core/study/scheduler';
import { compareOutput } from '../core/practice/outputCompare';
import { checkAnswer, currentDrill, finishDrill, newDrillSession, parseDrillSession, setAnswer, startDrills, type DrillSession } from '../core/practice/outputDrillSession';
import { outputDrill, outputDrills, skipReasonText, type OutputDrill } from '../core/practice/practiceCards';
import { outputKey } from '../core/study/cardKeys';
import { parseDrillMessage, type DrillMessage, type PracticeHostMessage } from '../core/protocol/practiceMessages';
import { outputDrillPageHtml, type DrillLabels, type DrillView } from '../core/render/outputDrillPage';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { WebviewPanelHost } from './webviewPanelHost';
import { notesResourceRoots } from './webviewSupport';
import { practiceLookup, skipReasonLabel } from './practiceSupport';

export const OUTPUT_DRILL_PANEL_TYPE = 'interviewNotes.outputDrill';

/**
 * Predict the output: a runnable example's code with its output hidden, the user's prediction,
 * a line-by-line comparison and a self-rating recorded under the example's own card key.
 */
export class OutputDrillPanel extends WebviewPanelHost<PracticeHostMessage, DrillMessage> {
  private session: DrillSession | undefined;
  private readonly lookup;

  constructor(
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly store: StudyStore,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, log, { viewType: OUTPUT_DRILL_PANEL_TYPE, name: 'output drill', parseMessage: parseDrillMessage });
    this.lookup = practiceLookup(notes);
  }

  get drillSession(): DrillSession | undefined {
    return this.session;
  }

  /** A session over the examples of `questionKeys`: due drills first, then new ones, then the rest. */
  async start(questionKeys: readonly string[], scope: string): Promise<boolean> {
    await this.notes.ready();
    const questions = [...new Set(questionKeys)].map(this.lookup).filter((q) => q !== undefined);
    const { drills, skipped } = outputDrills(questions);
    for (const s of skipped) this.log.info(`output drill: skipped ${s.key}: ${skipReasonText(s.reason)}`);
    if (!drills.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No runnable example with a shown output to practise here.'));
      return false;
    }
    const keys = drills.map((d) => d.key);
    const first = this.store.queue(keys);
    const order = [...first, ...keys.filter((k) => !first.includes(k))];
    return this.open(newDrillSession(order, skipped, scope));
  }

  /** One example, from its "Predict Output" button in the answer view: straight to the drill. */
  async startExample(questionKey: string, exampleIndex: number): Promise<boolean> {
    await this.notes.ready();
    const key = outputKey(questionKey, exampleIndex + 1);
    const drill = outputDrill(key, this.lookup);
    if ('skip' in drill) {
      this.log.warn(`output drill: ${key}: ${skipReasonText(drill.skip)}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('This example has no shown output to predict.'));
      return false;
    }
    return this.open(newDrillSession([key], [], drill.questionTitle, true));
  }

  async receiveFromPage(raw: unknown): Promise<boolean> {
    const message = parseDrillMessage(raw);
    if (!message) return false;
    await this.onMessage(message);
    return true;
  }

  private open(session: DrillSession): boolean {
    this.session = session;
    this.log.info(`output drill: ${session.drills.length} drills, ${session.skipped.length} skipped`);
    this.openPanel(vscode.l10n.t('Predict the Output'));
    this.render();
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
    const session = parseDrillSession(state && typeof state === 'object' ? (state as { session?: unknown }).session : undefined);
    if (!session) {
      this.log.warn('output drill: the saved session could not be read; closing the panel');
      this.closePanel();
      return;
    }
    this.session = session;
    this.render();
  }

  private drill(key: string): OutputDrill | undefined {
    const d = outputDrill(key, this.lookup);
    return 'skip' in d ? undefined : d;
  }

  private render(): void {
    let s = this.session;
    if (!this.panel || !s) return;
    // Drills whose example changed or disappeared mid-session are passed over, unrated.
    while (currentDrill(s) && !this.drill(currentDrill(s)!.key)) s = finishDrill(s, undefined);
    this.session = s;
    const d = currentDrill(s);
    const drill = d && this.drill(d.key);
    let view: DrillView;
    if (!s.started) view = { kind: 'intro' };
    else if (d && drill) {
      view = { kind: 'drill', drill: d, position: s.index + 1, total: s.drills.length, questionKey: drill.questionKey, questionTitle: drill.questionTitle, code: drill.code };
      if (d.checked) view.comparison = compareOutput(drill.expected, d.answer);
    } else {
      const counts = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
      for (const x of s.drills) if (x.rating) counts[x.rating]++;
      view = { kind: 'summary', counts };
    }
    const session = s;
    this.setPage(vscode.l10n.t('Predict the Output'), (page) =>
      outputDrillPageHtml({
        view,
        session,
        nonce: page.nonce,
        cspSource: page.cspSource,
        lang: page.lang,
        styleUris: [page.media('answer.css'), page.media('review.css'), page.media('practice.css')],
        scriptUri: page.script('outputDrill.js'),
        labels: drillLabels(),
      }),
    );
  }

  protected async onMessage(message: DrillMessage): Promise<void> {
    const s = this.session;
    if (!s) return;
    const d = currentDrill(s);
    if ('key' in message && message.key !== d?.key) {
      this.log.debug(`output drill: ignored ${message.type} for ${message.key}: not the current drill`);
      return;
    }
    switch (message.type) {
      case 'ready':
        return;
      case 'start':
        if (!s.started) {
          this.session = startDrills(s);
          this.render();
        }
        return;
      case 'answer':
        this.session = setAnswer(s, message.text);
        return;
      case 'check':
        this.session = checkAnswer(s, message.text);
        this.render();
        return;
      case 'skip':
        this.session = finishDrill(s, undefined);
        this.render();
        return;
      case 'rate': {
        if (!d?.checked) return;
        this.session = finishDrill(s, message.rating);
        this.render();
        try {
          await this.store.rate(message.key, message.rating);
          this.log.info(`output drill: recorded ${message.rating} for ${message.key}`);
        } catch (err) {
          this.log.error(`could not save the rating of ${message.key}: ${err instanceof Error ? err.message : String(err)}`);
        }
        return;
      }
      case 'openQuestion':
        if (this.notes.get(message.id)) await vscode.commands.executeCommand(Commands.openQuestion, message.id);
        return;
    }
  }
}

function drillLabels(): DrillLabels {
  return {
    pageTitle: vscode.l10n.t('Predict the Output'),
    introTitle: vscode.l10n.t('Predict the output'),
    introCount: vscode.l10n.t('{0} examples to predict'),
    scope: vscode.l10n.t('From: {0}'),
    skippedCount: vscode.l10n.t('{0} left out (see why)'),
    skipReason: skipReasonLabel,
    start: vscode.l10n.t('Start'),
    position: vscode.l10n.t('Drill {0} of {1}'),
    prompt: vscode.l10n.t('What does this print?'),
    answerLabel: vscode.l10n.t('Your prediction, line by line'),
    check: vscode.l10n.t('Check'),
    skip: vscode.l10n.t('Skip'),
    result: vscode.l10n.t('{0} of {1} lines match'),
    allMatch: vscode.l10n.t('Every line matches'),
    line: vscode.l10n.t('Line'),
    expected: vscode.l10n.t('Real output'),
    yours: vscode.l10n.t('Your prediction'),
    status: { match: vscode.l10n.t('Match'), differs: vscode.l10n.t('Differs'), missing: vscode.l10n.t('Missing'), extra: vscode.l10n.t('Extra') },
    ratePrompt: vscode.l10n.t('How well did you predict it?'),
    ratings: { again: vscode.l10n.t('Again'), hard: vscode.l10n.t('Hard'), good: vscode.l10n.t('Good'), easy: vscode.l10n.t('Easy') },
    openQuestion: vscode.l10n.t('Open the answer'),
    summaryTitle: vscode.l10n.t('Drill complete'),
    summaryRated: vscode.l10n.t('{0} drills rated'),
    keys: vscode.l10n.t('Keys: Enter starts · Ctrl+Enter checks your prediction · 1–4 rate it (Again, Hard, Good, Easy)'),
  };
}
