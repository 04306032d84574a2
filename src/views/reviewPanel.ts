import * as vscode from 'vscode';
import { Commands } from '../constants';
import { previewIntervals, retrievability, type CardState, type Rating } from '../core/study/scheduler';
import { reviewPageHtml, type ReviewCard, type ReviewLabels, type ReviewSummary } from '../core/render/reviewPage';
import { parseReviewMessage, type ReviewHostMessage, type ReviewMessage } from '../core/protocol/reviewMessages';
import type { NotesService } from '../services/notesService';
import { openScratch } from '../services/scratchFiles';
import { schedulerOptions, type StudyStore } from '../services/studyStore';
import { WebviewPanelHost } from './webviewPanelHost';
import { notesResourceRoots, remoteImagesAllowed } from './webviewSupport';
import { applySiblingRule, type SiblingFiltered } from '../core/study/siblingRule';
import { FollowUpIndex, renderFragment, renderInlineFragment, reviewedToday } from './practiceSupport';

export const REVIEW_PANEL_TYPE = 'interviewNotes.review';

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Session {
  queue: string[];
  /** Position of the current card in `queue`; past the end once the session is over. */
  index: number;
  revealed: boolean;
  /** Cards answered "again" that already re-entered the queue (they do so once). */
  requeued: Set<string>;
  rated: Set<string>;
  counts: Record<Rating, number>;
}

/**
 * Today's review session in one reused panel: a card's title, the answer on request, then a
 * rating that schedules the card (StudyStore.rate) and moves on; a summary at the end.
 */
export class ReviewPanel extends WebviewPanelHost<ReviewHostMessage, ReviewMessage> {
  private session: Session | undefined;
  private readonly followUps: FollowUpIndex;

  constructor(
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    private readonly store: StudyStore,
    private readonly renderAnswerHtml: (id: string, webview: vscode.Webview) => string,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, log, { viewType: REVIEW_PANEL_TYPE, name: 'review', parseMessage: parseReviewMessage });
    this.followUps = new FollowUpIndex(notes, log);
    // A card whose note was deleted or renamed is skipped; other cards stay as they are, so a
    // source finishing indexing in the background does not reload the page under the reader.
    this._register(
      notes.onDidChange(() => {
        const id = this.currentId;
        if (id && !this.exists(id)) this.render();
      }),
    );
  }

  /** The card shown now, or undefined before a session, after it and when the panel is closed. */
  get currentId(): string | undefined {
    const s = this.session;
    return s && s.index < s.queue.length ? s.queue[s.index] : undefined;
  }

  get revealed(): boolean {
    return this.session?.revealed === true && this.currentId !== undefined;
  }

  /** Cards left in this session, the current one included. */
  get remaining(): number {
    const s = this.session;
    return s ? Math.max(0, s.queue.length - s.index) : 0;
  }

  /**
   * Starts a session over `ids` (default: every question) and their follow-up cards, or over
   * exactly `ids` when `exact` (e.g. the questions you keep forgetting); false when nothing is
   * left. At most one card per question is shown a day (see core/study/siblingRule.ts).
   */
  async start(ids?: readonly string[], restoring = false, exact = false): Promise<boolean> {
    await this.notes.ready();
    const { queue, deferred } = this.todayQueue(ids, exact);
    if (deferred.length) this.log.debug(`review: ${deferred.length} cards wait for another day (a sibling card from the same question is reviewed today)`);
    if (queue.length === 0) {
      if (restoring) return false;
      const random = vscode.l10n.t('Random Question');
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to review today'), random).then((pick) => {
        if (pick === random) void vscode.commands.executeCommand(Commands.randomQuestion);
      });
      return false;
    }
    this.session = { queue, index: 0, revealed: false, requeued: new Set(), rated: new Set(), counts: { again: 0, hard: 0, good: 0, easy: 0 } };
    this.openPanel(vscode.l10n.t('Review'), !restoring);
    this.log.info(`review session started with ${queue.length} cards`);
    this.render();
    return true;
  }

  /**
   * The cards a session over `ids` (default: every question and its follow-ups) would show
   * today, after the sibling rule; `deferred` are the ones that wait for another day.
   */
  todayQueue(ids?: readonly string[], exact = false): SiblingFiltered {
    const questionIds = (ids ?? this.notes.allIds()).filter((id) => this.notes.get(id));
    const candidates = (exact && ids ? [...new Set(ids)] : this.store.queue([...questionIds, ...this.followUps.keys(questionIds)])).filter((id) => this.exists(id));
    return applySiblingRule(candidates, reviewedToday(this.store.state.history, this.store.today()));
  }

  /**
   * After a window reload the session starts again from today's queue: ratings already
   * given were saved, so those cards are no longer due.
   */
  protected async restore(): Promise<void> {
    if (!(await this.start(undefined, true))) this.closePanel();
  }

  /** What "Show Answer" does. */
  reveal(): void {
    const s = this.session;
    if (!s || !this.currentId || s.revealed) return;
    s.revealed = true;
    this.render();
  }

  /** What a rating button does: schedule the card, then show the next one (or the summary). */
  async rate(rating: Rating): Promise<void> {
    const s = this.session;
    const id = this.currentId;
    if (!s || !id || !s.revealed) return;
    // The store updates its state synchronously; only the write to disk is awaited below.
    const saving = this.store.rate(id, rating);
    s.counts[rating]++;
    s.rated.add(id);
    if (rating === 'again' && !s.requeued.has(id)) {
      s.requeued.add(id);
      s.queue.push(id);
    }
    s.index++;
    s.revealed = false;
    this.render();
    try {
      await saving;
    } catch (err) {
      this.log.error(`could not save the review of ${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The extension's assets, and the notes folders so answer images load as in the answer view. */
  protected resourceRoots(): vscode.Uri[] {
    return notesResourceRoots(this.extensionUri, this.notes);
  }

  protected onDidClose(): void {
    this.session = undefined;
  }

  /** A question, or a follow-up card whose question still has that follow-up. */
  private exists(key: string): boolean {
    return this.notes.get(key) !== undefined || this.followUps.card(key) !== undefined;
  }

  /** Drops cards whose question is gone (notes reloaded mid-session). */
  private skipMissing(s: Session): void {
    while (s.index < s.queue.length && !this.exists(s.queue[s.index])) {
      s.index++;
      s.revealed = false;
    }
  }

  private cardState(id: string): CardState | undefined {
    const questions = this.store.state.questions;
    return Object.hasOwn(questions, id) ? questions[id].card : undefined;
  }

  private render(): void {
    const s = this.session;
    if (!this.panel || !s) return;
    this.skipMissing(s);
    const id = this.currentId;
    const followUp = id ? this.followUps.card(id) : undefined;
    const loaded = id ? this.notes.get(followUp ? followUp.questionKey : id) : undefined;
    const title = id && loaded ? `${vscode.l10n.t('Review')} ${s.index + 1}/${s.queue.length}` : vscode.l10n.t('Review');
    this.setPage(title, (page) => {
      let view: ReviewCard | ReviewSummary = { kind: 'summary', reviewed: s.rated.size, counts: { ...s.counts } };
      if (id && loaded) {
        const state = this.cardState(id);
        const card: ReviewCard = {
          kind: 'card',
          questionId: id,
          title: loaded.question.title,
          topicPath: loaded.topicPath,
          index: s.index,
          total: s.queue.length,
          recall: state ? retrievability(state, this.store.today()) : undefined,
        };
        if (followUp) {
          card.titleHtml = renderInlineFragment(followUp.prompt);
          card.followUpTo = vscode.l10n.t('Follow-up to: {0}', loaded.question.title);
        }
        if (s.revealed) card.answer = { html: followUp ? this.followUpBack(followUp.answerKey, followUp.followUp?.answer ?? '', page.webview) : this.renderAnswerHtml(id, page.webview), intervals: previewIntervals(state, this.store.today(), schedulerOptions()) };
        view = card;
      }
      return reviewPageHtml({
        view,
        nonce: page.nonce,
        cspSource: page.cspSource,
        styleUris: [page.media('answer.css'), page.media('review.css')],
        scriptUri: page.script('review.js'),
        lang: page.lang,
        allowRemoteImages: remoteImagesAllowed(),
        labels: reviewLabels(),
      });
    });
  }

  /**
   * The back of a follow-up card: its own short answer, then the answer of the question it links
   * to (when it links to another question).
   */
  private followUpBack(answerKey: string, ownAnswer: string, webview: vscode.Webview): string {
    const own = ownAnswer ? `<div class="follow-up-answer">${renderFragment(ownAnswer)}</div>` : '';
    const linked = this.followUps.card(this.currentId ?? '')?.questionKey !== answerKey ? this.notes.get(answerKey) : undefined;
    if (!linked) return own;
    const heading = `<h2 class="linked-answer-title">${escapeText(linked.question.title)}</h2>`;
    return `${own}${own ? '<hr>' : ''}${heading}${this.renderAnswerHtml(answerKey, webview)}`;
  }

  protected async onMessage(message: ReviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'reveal':
      case 'rate':
        // A message from a card already answered (a double click) must not touch the next one.
        if (message.questionId !== this.currentId) {
          this.log.debug(`ignored ${message.type} for ${message.questionId}: not the current card`);
          return;
        }
        if (message.type === 'reveal') this.reveal();
        else await this.rate(message.rating);
        return;
      case 'showProgress':
        await vscode.commands.executeCommand(Commands.showProgress);
        return;
      case 'openQuestion': {
        const target = this.notes.resolveLink(this.currentId, message.id);
        if (target) await vscode.commands.executeCommand(Commands.openQuestion, target);
        else this.log.warn(`ignored a link to an unknown question: ${message.id}`);
        return;
      }
      case 'openExample':
      case 'copyExample': {
        // A follow-up card shows the examples of the answer it links to.
        const owner = message.questionId === this.currentId ? (this.followUps.card(message.questionId)?.answerKey ?? message.questionId) : undefined;
        const example = owner ? this.notes.get(owner)?.question.examples[message.index] : undefined;
        if (!example) {
          this.log.warn(`ignored ${message.type} for unknown example ${message.questionId}#${message.index}`);
          return;
        }
        if (message.type === 'openExample') await openScratch(example);
        else await vscode.env.clipboard.writeText(example.code);
        return;
      }
    }
  }
}

function reviewLabels(): ReviewLabels {
  const ratings: Record<Rating, string> = {
    again: vscode.l10n.t('Again'),
    hard: vscode.l10n.t('Hard'),
    good: vscode.l10n.t('Good'),
    easy: vscode.l10n.t('Easy'),
  };
  return {
    pageTitle: vscode.l10n.t('Review'),
    position: vscode.l10n.t('Review progress'),
    showAnswer: vscode.l10n.t('Show Answer'),
    spaceKey: vscode.l10n.t('Space'),
    ratePrompt: vscode.l10n.t('How well did you remember it?'),
    recall: vscode.l10n.t('recall {0}%'),
    recallTitle: vscode.l10n.t('Predicted probability that you remember this answer today'),
    newCard: vscode.l10n.t('new'),
    ratings,
    intervals: { today: vscode.l10n.t('today'), days: vscode.l10n.t('{0}d'), months: vscode.l10n.t('{0}mo'), years: vscode.l10n.t('{0}y') },
    summaryTitle: vscode.l10n.t('Review complete'),
    summaryReviewed: vscode.l10n.t('{0} questions reviewed'),
    summaryCounts: vscode.l10n.t('Answers by rating'),
    showProgress: vscode.l10n.t('Show Progress'),
  };
}
