import * as vscode from 'vscode';
import { sourceEntryPath } from '../core/notes/sourceSetting';
import { Settings } from '../constants';
import type { NotesService } from '../services/notesService';
import { sourceSettingFrom } from './commandArgs';

/**
 * Add Notes Folder…: picks a folder or Markdown file and appends it to
 * `interviewNotes.sources` in the user settings. With `replace`, the picked path
 * takes the place of that (missing) entry.
 */
export async function addSourceCommand(replace?: unknown): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: true,
    canSelectMany: false,
    filters: { Markdown: ['md', 'markdown'] },
    openLabel: vscode.l10n.t('Add Notes'),
    title: vscode.l10n.t('Add a folder or Markdown file of interview notes'),
  });
  const uri = picked?.[0];
  if (!uri) return undefined;
  await addSourcePath(uri.fsPath, typeof replace === 'string' ? replace : undefined);
  return uri.fsPath;
}

export async function addSourcePath(path: string, replace?: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const inspected = config.inspect<unknown[]>(Settings.sources);
  const target = replace && inspected?.workspaceValue?.some((s) => sourceEntryPath(s) === replace) ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  const next = current.filter((s) => sourceEntryPath(s) !== replace && sourceEntryPath(s) !== path);
  next.push(path);
  await config.update(Settings.sources, next, target);
}

/** Remove Notes Source: from the tree's source node or a picker. The files themselves are never touched. */
export async function removeSourceCommand(notes: NotesService, arg?: unknown): Promise<void> {
  let setting = sourceSettingFrom(arg);
  if (!setting) {
    const items = notes.sources().map((s) => ({ label: s.title, description: s.path, setting: s.resolved.setting }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No notes sources are configured.'));
      return;
    }
    setting = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose a notes source to remove (its files stay where they are)') }))?.setting;
  }
  if (!setting) return;
  const config = vscode.workspace.getConfiguration(Settings.section);
  const inspected = config.inspect<unknown[]>(Settings.sources);
  for (const [value, target] of [
    [inspected?.workspaceFolderValue, vscode.ConfigurationTarget.WorkspaceFolder],
    [inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace],
    [inspected?.globalValue, vscode.ConfigurationTarget.Global],
  ] as const) {
    if (value?.some((s) => sourceEntryPath(s) === setting)) await config.update(Settings.sources, value.filter((s) => sourceEntryPath(s) !== setting), target);
  }
}
