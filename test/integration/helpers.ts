import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/topicsTree';

export const EXTENSION_ID = 'python-interview-notes.python-interview-notes';

export async function activateExtension(): Promise<InterviewNotesApi> {
  const ext = vscode.extensions.getExtension<InterviewNotesApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  if (!api) throw new Error('the extension returned no test API: is the host running in test mode?');
  return api;
}

/** Closes every editor and panel; scratch files are emptied and reverted first so no save prompt stays behind. */
export async function closeAllEditors(): Promise<void> {
  const scratch = vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty);
  if (scratch.length) {
    const edit = new vscode.WorkspaceEdit();
    for (const doc of scratch) edit.delete(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)));
    await vscode.workspace.applyEdit(edit);
    // Closing a dirty scratch file would open a save prompt that nobody answers: revert each first.
    for (const doc of scratch.filter((d) => !d.isClosed && d.isDirty)) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeAllGroups');
}

/** Polls until `probe` returns a truthy value (UI updates land asynchronously). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function answerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('interviewNotes.answer'));
}

/** Every question row under a tree node (all roots when none), depth first. */
export function questionNodes(api: InterviewNotesApi, node?: TreeNode): Extract<TreeNode, { kind: 'question' }>[] {
  return api.tree.getChildren(node).flatMap((child) => (child.kind === 'question' ? [child] : questionNodes(api, child)));
}

/** The labels of a tree node's children (the roots without a node), as the user sees the rows. */
export function labels(api: InterviewNotesApi, node?: TreeNode): string[] {
  return api.tree.getChildren(node).map((n) => String(api.tree.getTreeItem(n).label));
}

/** The first row with this label, searched depth-first. */
export function findNode(api: InterviewNotesApi, label: string, node?: TreeNode): TreeNode | undefined {
  for (const child of api.tree.getChildren(node)) {
    if (api.tree.getTreeItem(child).label === label) return child;
    const deeper = child.kind === 'question' ? undefined : findNode(api, label, child);
    if (deeper) return deeper;
  }
  return undefined;
}
