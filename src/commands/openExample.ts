import * as vscode from 'vscode';
import type { CodeExample } from '../core/notes/model';
import type { NotesService } from '../services/notesService';
import { openScratch } from '../services/scratchFiles';
import { questionIdFrom } from './commandArgs';

interface ExamplePick extends vscode.QuickPickItem {
  index: number;
}

/** The examples of a question as picker items: first line of code plus its size. */
function examplePicks(examples: readonly CodeExample[]): ExamplePick[] {
  return examples.map((ex, index) => {
    const lines = ex.code.split('\n').filter((l) => l.trim());
    const first = lines.find((l) => !l.trim().startsWith('#')) ?? lines[0] ?? '';
    return {
      index,
      label: `$(code) ${vscode.l10n.t('Example {0}', index + 1)}`,
      description: first.trim().slice(0, 80),
      detail: vscode.l10n.t('{0} lines', lines.length) + (ex.kind === 'python2' ? ` · ${vscode.l10n.t('Python 2')}` : ex.kind === 'repl' ? ` · ${vscode.l10n.t('REPL session')}` : '') + (ex.runnable ? '' : ` · ${vscode.l10n.t('not runnable here')}`),
    };
  });
}

/**
 * interviewNotes.openExample: from the tree (a question node or id), the webview
 * (id + index), or the palette (pick a question, then an example).
 */
export async function openExampleCommand(notes: NotesService, arg?: unknown, indexArg?: unknown): Promise<vscode.TextEditor | undefined> {
  const questionId = questionIdFrom(arg) ?? (await pickQuestionWithExamples(notes));
  if (!questionId) return undefined;
  const loaded = notes.get(questionId);
  if (!loaded) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Question not found: {0}', questionId));
    return undefined;
  }
  const { examples } = loaded.question;
  if (examples.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has no Python examples.', loaded.question.title));
    return undefined;
  }
  let index = typeof indexArg === 'number' ? indexArg : examples.length === 1 ? 0 : undefined;
  if (index === undefined) {
    const pick = await vscode.window.showQuickPick(examplePicks(examples), {
      title: loaded.question.title,
      placeHolder: vscode.l10n.t('Choose an example to open as a scratch file'),
    });
    if (!pick) return undefined;
    index = pick.index;
  }
  const example = examples[index];
  return example ? openScratch(example) : undefined;
}

async function pickQuestionWithExamples(notes: NotesService): Promise<string | undefined> {
  const items = notes
    .allIds()
    .map((id) => notes.get(id))
    .filter((l): l is NonNullable<typeof l> => !!l && l.question.examples.length > 0)
    .map((l) => ({ label: l.question.title, description: l.topicPath, detail: vscode.l10n.t('{0} examples', l.question.examples.length), id: l.question.id }));
  const pick = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Choose a question'),
    matchOnDescription: true,
  });
  return pick?.id;
}
