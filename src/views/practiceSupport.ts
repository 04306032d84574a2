import * as vscode from 'vscode';
import type { PracticeQuestion } from '../core/practice/practiceCards';
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

/** Card keys rated today, for the sibling rule. */
export function reviewedToday(history: readonly { id: string; date: string }[], today: string): string[] {
  const out: string[] = [];
  for (let i = history.length - 1; i >= 0 && history[i].date >= today; i--) if (history[i].date === today) out.push(history[i].id);
  return out;
}
