import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Settings } from '../constants';
import { myNoteFileName } from '../core/notes/myNoteFile';
import { Disposable, disposeAll } from '../util/disposable';
import type { NotesService } from './notesService';

/** A folder of my notes holds one file per question; more than this is not a notes folder. */
const MAX_NOTE_FILES = 5000;

/**
 * The reader's own notes: one Markdown file per question in a folder they pick
 * once. Kept in memory (search and the answer view read them synchronously),
 * re-read when a file in the folder changes. Bundled and source notes are never touched.
 */
export class MyNotes extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when a note was created, edited or deleted (in or outside VS Code). */
  readonly onDidChange = this.changed.event;
  private texts = new Map<string, string>();
  /** The folder's watcher and its listeners, replaced when the folder setting changes. */
  private watching: vscode.Disposable[] = [];
  private folderUri: vscode.Uri | undefined;
  /** Note ids (as written) used by exactly one loaded question; recomputed when the notes change. */
  private uniqueNoteIds: Set<string> | undefined;

  constructor(private readonly notes: NotesService, private readonly log: vscode.LogOutputChannel) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.myNotesFolder}`)) this.reload();
      }),
    );
    this._register({ dispose: () => disposeAll(this.watching.splice(0)) });
    this._register(notes.onDidChange(() => (this.uniqueNoteIds = undefined)));
    this.reload();
  }

  /** The folder from the setting (`~` allowed), if one is set. */
  folder(): vscode.Uri | undefined {
    const setting = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.myNotesFolder, '').trim();
    if (!setting) return undefined;
    const path = setting === '~' || setting.startsWith('~/') || setting.startsWith('~\\') ? join(homedir(), setting.slice(1)) : setting;
    return vscode.Uri.file(path);
  }

  /** The user's note on a question (by its scoped id, see NotesService), if they wrote one. */
  get(questionId: string): string | undefined {
    const text = this.texts.get(this.fileNameFor(questionId));
    return text?.trim() ? text : undefined;
  }

  fileFor(questionId: string, folder: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(folder, this.fileNameFor(questionId));
  }

  /**
   * Notes are keyed by the scoped id, so two sources that reuse an id keep their own notes;
   * a bundled id's file name is the id itself, as it always was. A user question's note
   * written under its unscoped id (before ids were scoped) is still used while that id
   * belongs to no other question.
   */
  private fileNameFor(questionId: string): string {
    const own = myNoteFileName(questionId);
    if (this.texts.has(own)) return own;
    const legacy = this.legacyFileName(questionId);
    return legacy && this.texts.has(legacy) ? legacy : own;
  }

  private legacyFileName(questionId: string): string | undefined {
    const loaded = this.notes.get(questionId);
    if (!loaded?.source || loaded.noteId === questionId) return undefined;
    if (!this.uniqueNoteIds) {
      const counts = new Map<string, number>();
      for (const id of this.notes.allIds()) {
        const noteId = this.notes.get(id)?.noteId ?? id;
        counts.set(noteId, (counts.get(noteId) ?? 0) + 1);
      }
      this.uniqueNoteIds = new Set([...counts].filter(([, n]) => n === 1).map(([noteId]) => noteId));
    }
    return this.uniqueNoteIds.has(loaded.noteId) ? myNoteFileName(loaded.noteId) : undefined;
  }

  private reload(): void {
    disposeAll(this.watching.splice(0));
    this.texts = new Map();
    const folder = (this.folderUri = this.folder());
    if (!folder) {
      this.changed.fire();
      return;
    }
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*.md'));
    const update = (uri: vscode.Uri) => void this.readOne(uri).then(() => this.changed.fire());
    this.watching.push(
      watcher,
      watcher.onDidCreate(update),
      watcher.onDidChange(update),
      watcher.onDidDelete((uri) => {
        if (this.texts.delete(baseName(uri))) this.changed.fire();
      }),
    );
    void this.readAll(folder).then(() => this.changed.fire());
  }

  private async readAll(folder: vscode.Uri): Promise<void> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return; // not created yet: the first "Edit My Note" creates it
    }
    // Every note file in the folder, not only those of the questions loaded so far: user sources finish indexing later.
    const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md')).slice(0, MAX_NOTE_FILES);
    await Promise.all(files.map(([name]) => this.readOne(vscode.Uri.joinPath(folder, name))));
  }

  private async readOne(uri: vscode.Uri): Promise<void> {
    if (!this.folderUri || !uri.path.startsWith(this.folderUri.path)) return;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.texts.set(baseName(uri), text);
    } catch (err) {
      this.texts.delete(baseName(uri));
      this.log.warn(`could not read my note ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The folder, asking the user to pick one the first time. */
  async ensureFolder(): Promise<vscode.Uri | undefined> {
    const existing = this.folder();
    if (existing) return existing;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      title: vscode.l10n.t('Choose a folder for your own notes'),
      openLabel: vscode.l10n.t('Use This Folder'),
    });
    if (!picked?.[0]) return undefined;
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.myNotesFolder, picked[0].fsPath, vscode.ConfigurationTarget.Global);
    return picked[0];
  }

  /** Opens the note on a question beside the answer, creating the file the first time. */
  async edit(questionId: string): Promise<vscode.TextEditor | undefined> {
    const loaded = this.notes.get(questionId);
    if (!loaded) return undefined;
    const folder = await this.ensureFolder();
    if (!folder) return undefined;
    const file = this.fileFor(questionId, folder);
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      // Written only because the user asked for a note on this question.
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(file, new Uint8Array());
    }
    return vscode.window.showTextDocument(file, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
