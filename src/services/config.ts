import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Settings } from '../constants';
import { parseSourceSetting, sourceEntryPath, type SourceSetting } from '../core/notes/sourceSetting';
import type { ParseOptions } from '../core/notes/parseNoteFile';
import { DEFAULT_MAX_FILES } from '../loader/noteFiles';

/** Settings read through one typed object (names declared once in constants). */
export interface NotesConfig {
  sources: SourceSetting[];
  showBundledNotes: boolean;
  maxFileBytes: number;
  /** Entries that only workspace (or folder) settings add: a cloned repository chose them, so they are untrusted until the workspace is. */
  workspaceSources: ReadonlySet<string>;
  /** Listing a source stops after this many note files. */
  maxFiles: number;
  allowRemoteImages: boolean;
}

export function readConfig(): NotesConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const sources = c.get<unknown>(Settings.sources, []);
  const inspected = c.inspect<unknown>(Settings.sources);
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(sourceEntryPath).filter((s): s is string => s !== undefined) : []);
  const fromUser = new Set(list(inspected?.globalValue));
  const workspaceSources = new Set([...list(inspected?.workspaceValue), ...list(inspected?.workspaceFolderValue)].filter((s) => !fromUser.has(s)));
  return {
    workspaceSources,
    sources: Array.isArray(sources) ? sources.map(parseSourceSetting).filter((s): s is SourceSetting => s !== undefined) : [],
    showBundledNotes: c.get<boolean>(Settings.showBundledNotes, true),
    maxFileBytes: Math.max(1, c.get<number>(Settings.maxFileSizeKB, 2048)) * 1024,
    maxFiles: Math.max(1, Math.floor(c.get<number>(Settings.maxFiles, DEFAULT_MAX_FILES))),
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
