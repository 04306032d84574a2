import * as vscode from 'vscode';
import type { NotesService } from '../services/notesService';
import { BundledNotes } from '../services/bundledNotes';
import { questionIdFrom } from './commandArgs';

/** Opens the Markdown a question comes from, at its heading. Read-only use: nothing is written. */
export async function openSourceFileCommand(notes: NotesService, currentId: string | undefined, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const id = questionIdFrom(arg) ?? currentId;
  const loaded = id ? notes.get(id) : undefined;
  if (!loaded) return undefined;
  try {
    const line = Math.max(0, loaded.question.location.line - 1);
    const position = new vscode.Position(line, 0);
    // Bundled notes ship inside the bundle; their source opens read-only from there.
    const uri = loaded.source ? loaded.fileUri : BundledNotes.fileUri(loaded.question.location.file);
    return await vscode.window.showTextDocument(uri, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      selection: new vscode.Range(position, position),
    });
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', loaded.fileUri.fsPath, err instanceof Error ? err.message : String(err)));
    return undefined;
  }
}
