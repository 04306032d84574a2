import * as vscode from 'vscode';
import { followUpCards, skipReasonText, type InterviewCard, type PracticeQuestion, type SkipReason } from '../core/practice/practiceCards';
import { parseCardKey } from '../core/study/cardKeys';
import { renderAnswer } from '../core/render/renderAnswer';
import type { NotesService } from '../services/notesService';
import { remoteImagesAllowed } from './webviewSupport';

/** The practice modes read questions by key from the one notes owner. */
export function practiceLookup(notes: NotesService): (key: string) => PracticeQuestion | undefined {
  return (key) => {
    const loaded = notes.get(key);
    return loaded ? { key, title: loaded.question.title, markdown: loaded.question.markdown, examples: loaded.question.examples } : undefined;
  };
}

/** Why a card is left out, in the user's language. */
export function skipReasonLabel(r: SkipReason): string {
  switch (r.code) {
    case 'no-key-points':
      return vscode.l10n.t('the answer has no 要点 (key points) list');
    case 'question-gone':
      return vscode.l10n.t('the question is no longer in the notes');
    case 'not-interview-card':
      return vscode.l10n.t('not an interview card');
    case 'no-follow-up':
      return vscode.l10n.t('the question has no follow-up {0}', r.n);
    case 'follow-up-empty':
      return vscode.l10n.t('follow-up {0}: the item is empty', r.n);
    case 'follow-up-no-answer':
      return vscode.l10n.t('follow-up {0}: the item has no answer and links to no question', r.n);
    case 'follow-up-unknown-link':
      return vscode.l10n.t('follow-up {0} links to an unknown question ({1}) and has no answer', r.n, r.target);
    case 'follow-up-no-points':
      return vscode.l10n.t('follow-up {0} has no points to check', r.n);
    case 'not-output-drill':
      return vscode.l10n.t('not an output drill');
    case 'no-example':
      return vscode.l10n.t('the question has no example {0}', r.n);
    case 'not-runnable':
      return vscode.l10n.t('example {0} is not runnable', r.n);
    case 'no-output':
      return r.line === undefined ? vscode.l10n.t('example {0} shows no output', r.n) : vscode.l10n.t('example {0} (line {1}) shows no output', r.n, r.line);
  }
}

/**
 * A short piece of a note (a prompt, a key point) as sanitised HTML. Raw HTML and images are
 * left out: a checklist line needs neither, and the fragment has no folder to resolve against.
 */
export function renderFragment(markdown: string): string {
  return renderAnswer(markdown, {
    labels: { openScratch: vscode.l10n.t('Open as Scratch File'), copy: vscode.l10n.t('Copy'), output: vscode.l10n.t('Output'), python2: vscode.l10n.t('Python 2'), repl: vscode.l10n.t('REPL session') },
    allowHtml: false,
    allowRemoteImages: remoteImagesAllowed(),
    resolveImage: () => undefined,
  });
}

/** A fragment for a heading: without the paragraph a one-line fragment renders as. */
export function renderInlineFragment(markdown: string): string {
  const html = renderFragment(markdown).trim();
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return m && !m[1].includes('<p>') ? m[1] : html;
}

/** Card keys rated today, for the sibling rule. */
export function reviewedToday(history: readonly { id: string; date: string }[], today: string): string[] {
  const out: string[] = [];
  for (let i = history.length - 1; i >= 0 && history[i].date >= today; i--) if (history[i].date === today) out.push(history[i].id);
  return out;
}

/**
 * Follow-up cards of questions, worked out once per loaded question (the notes service hands
 * out new Question objects when a note changes, so the cache never goes stale).
 */
export class FollowUpIndex {
  private readonly cache = new WeakMap<object, InterviewCard[]>();
  private readonly lookup;

  constructor(private readonly notes: NotesService, private readonly log: vscode.LogOutputChannel) {
    this.lookup = practiceLookup(notes);
  }

  cards(questionKey: string): InterviewCard[] {
    const loaded = this.notes.get(questionKey);
    if (!loaded) return [];
    let cards = this.cache.get(loaded.question);
    if (!cards) {
      const found = followUpCards(this.lookup(questionKey)!, this.lookup);
      for (const s of found.skipped) this.log.info(`follow-up card left out: ${s.key}: ${skipReasonText(s.reason)}`);
      cards = found.cards;
      this.cache.set(loaded.question, cards);
    }
    return cards;
  }

  /** The follow-up card behind a key, if it still exists. */
  card(cardKey: string): InterviewCard | undefined {
    const { kind, questionKey } = parseCardKey(cardKey);
    return kind === 'followup' ? this.cards(questionKey).find((c) => c.cardKey === cardKey) : undefined;
  }

  keys(questionKeys: readonly string[]): string[] {
    return questionKeys.flatMap((k) => this.cards(k).map((c) => c.cardKey));
  }
}
