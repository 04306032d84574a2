import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Settings } from '../constants';
import { parseSourceSetting, type SourceSetting } from '../core/notes/sourceSetting';
import type { ParseOptions } from '../core/notes/parseNoteFile';

/** Settings read through one typed object (names declared once in constants). */
export interface NotesConfig {
  sources: SourceSetting[];
  showBundledNotes: boolean;
  maxFileBytes: number;
  allowRemoteImages: boolean;
}

export function readConfig(): NotesConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const sources = c.get<unknown>(Settings.sources, []);
  return {
    sources: Array.isArray(sources) ? sources.map(parseSourceSetting).filter((s): s is SourceSetting => s !== undefined) : [],
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
  /** How this source's files are read (`questions`, `questionLevel` of an object entry). */
  parse: ParseOptions;
}

/** Absolute, `~` and workspace-relative paths; a relative path resolves against every workspace folder. */
export function resolveSource(entry: string | SourceSetting): ResolvedSource[] {
  const { path: setting, parse } = typeof entry === 'string' ? { path: entry, parse: {} } : entry;
  const trimmed = setting.trim();
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\')) {
    return [{ setting, path: join(homedir(), trimmed.slice(1)), workspaceRelative: false, parse }];
  }
  if (isAbsolute(trimmed)) return [{ setting, path: trimmed, workspaceRelative: false, parse }];
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return [{ setting, path: trimmed, workspaceRelative: true, parse }];
  return folders.map((f) => ({ setting, path: join(f.uri.fsPath, trimmed), workspaceRelative: true, parse }));
}
