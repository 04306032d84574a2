import * as vscode from 'vscode';
import type { CodeExample } from '../core/notes/model';
import { scratchCode } from '../core/notes/extractExamples';

/**
 * Opens code as an untitled Python document beside the current editor. It is a
 * scratch file: never saved unless the user saves it.
 */
export async function openScratch(example: CodeExample): Promise<vscode.TextEditor> {
  // A REPL transcript opens as the code it runs: no prompts, its output as comments.
  const code = scratchCode(example);
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: code });
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: false });
  // A new untitled file may reuse the name of one just closed and come back with that one's
  // backed-up text; the user asked for this example, so that is what the file must hold.
  if (doc.getText() !== code) {
    const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit((b) => b.replace(all, code));
  }
  return editor;
}
