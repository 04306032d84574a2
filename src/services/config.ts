import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Settings } from '../constants';

/** Settings read through one typed object (names declared once in constants). */
export interface NotesConfig {
  sources: string[];
  showBundledNotes: boolean;
  maxFileBytes: number;
  allowRemoteImages: boolean;
}

export function readConfig(): NotesConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const sources = c.get<unknown>(Settings.sources, []);
  return {
    sources: Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [],
    showBundledNotes: c.get<boolean>(Settings.showBundledNotes, true),
    maxFileBytes: Math.max(1, c.get<number>(Settings.maxFileSizeKB, 2048)) * 1024,
    allowRemoteImages: c.get<boolean>(Settings.allowRemoteImages, false),
  };
}

export interface ResolvedSource {
  /** As written in the setting. */
  setting: string;
  path: string;
  /** Relative to a workspace folder: untrusted when the workspace is. */
  workspaceRelative: boolean;
}

/** Absolute, `~` and workspace-relative paths; a relative path resolves against every workspace folder. */
export function resolveSource(setting: string): ResolvedSource[] {
  const trimmed = setting.trim();
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\')) {
    return [{ setting, path: join(homedir(), trimmed.slice(1)), workspaceRelative: false }];
  }
  if (isAbsolute(trimmed)) return [{ setting, path: trimmed, workspaceRelative: false }];
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return [{ setting, path: trimmed, workspaceRelative: true }];
  return folders.map((f) => ({ setting, path: join(f.uri.fsPath, trimmed), workspaceRelative: true }));
}
