import * as vscode from 'vscode';
import { basename, relative, isAbsolute } from 'node:path';
import { decodeNoteBytes } from '../core/notes/decodeText';
import { formatReading, type ReadingLabels } from '../core/notes/readingReport';
import type { NotesService } from '../services/notesService';
import { questionIdFrom } from './commandArgs';

/**
 * Interview Notes: Show How This File Was Read. For a question in the tree (its
 * file) or the active Markdown editor: opens beside it what each heading and
 * line became and why, parsed with the options of the source that holds it.
 * The notes file itself is only read.
 */
export async function showParseExplanationCommand(notes: NotesService, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const uri = fileFrom(notes, arg);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown notes file, or choose a question in the Topics tree, to see how it was read.'));
    return undefined;
  }
  let text: string;
  try {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const decoded = open ? { ok: true as const, text: open.getText() } : decodeNoteBytes(await vscode.workspace.fs.readFile(uri));
    if (!decoded.ok) throw new Error(decoded.message);
    text = decoded.text;
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', uri.fsPath, err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  const source = notes.sources().find((s) => isInside(s.path, uri.fsPath));
  // Parsed by the notes reader thread within its time budget, as indexing reads it.
  const parsed = (await notes.parseInReader({ kind: 'text', file: uri.fsPath, text, fileId: basename(uri.fsPath), dirId: 'explain', parse: { ...(source?.resolved.parse ?? {}), explain: true } })) ?? {
    file: uri.fsPath,
    problems: [],
  };
  const labels: ReadingLabels = {
    title: vscode.l10n.t('How this file was read'),
    lines: vscode.l10n.t('Lines'),
    text: vscode.l10n.t('Text'),
    became: vscode.l10n.t('Became'),
    why: vscode.l10n.t('Why'),
    skippedSummary: vscode.l10n.t('Skipped lines'),
  };
  const skippedWhole = parsed.problems.find((p) => p.line === 0 && p.message.startsWith('skipped'));
  const report = skippedWhole
    ? `# ${labels.title}: ${basename(uri.fsPath)}\n\n${vscode.l10n.t('This file was not read: {0}', skippedWhole.message)}\n`
    : parsed.question
    ? `# ${labels.title}: ${basename(uri.fsPath)}\n\n${vscode.l10n.t('A note in the bundled format (front matter with id and title): the whole file is one question.')}\n`
    : formatReading(basename(uri.fsPath), parsed.reading ?? [], parsed.skipped ?? [], labels);
  const problems = parsed.problems.filter((p) => p !== skippedWhole).map((p) => `- ${p.severity}: ${p.message} (${vscode.l10n.t('line {0}', p.line)})`);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: problems.length ? `${report}\n${problems.join('\n')}\n` : report });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
}

function fileFrom(notes: NotesService, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const id = questionIdFrom(arg);
  const loaded = id ? notes.get(id) : undefined;
  if (loaded) return loaded.fileUri;
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.languageId === 'markdown' && doc.uri.scheme === 'file' ? doc.uri : undefined;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
