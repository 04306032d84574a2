import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { allQuestions, type Question, type Topic } from '../core/notes/model';
import { printablePage } from '../core/render/printablePage';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { topicFrom } from './commandArgs';
import { inlineImages } from './printableImages';
import { remoteImagesAllowed } from '../views/webviewSupport';

/** What goes on the sheet: a topic, the favourites, or what is not mastered yet. */
export type PrintableScope = { kind: 'topic'; topic: Topic } | { kind: 'favorites' } | { kind: 'unmastered' };

function scopeFrom(arg: unknown): PrintableScope | undefined {
  const topic = topicFrom(arg);
  if (topic) return { kind: 'topic', topic };
  if (arg === 'favorites' || arg === 'unmastered') return { kind: arg };
  return undefined;
}

async function pickScope(notes: NotesService): Promise<PrintableScope | undefined> {
  type Item = vscode.QuickPickItem & { scope: PrintableScope };
  const topics: Item[] = [];
  const walk = (ts: readonly Topic[], depth: number) => {
    for (const t of ts) {
      topics.push({ label: `${'\u2003'.repeat(depth)}$(folder) ${t.title}`, scope: { kind: 'topic', topic: t } });
      walk(t.topics, depth + 1);
    }
  };
  walk(notes.roots().flatMap((r) => r.groups), 0);
  const items: (Item | vscode.QuickPickItem)[] = [
    { label: `$(star-full) ${vscode.l10n.t('Favorites')}`, scope: { kind: 'favorites' } } as Item,
    { label: `$(circle-large-outline) ${vscode.l10n.t('Not yet mastered')}`, scope: { kind: 'unmastered' } } as Item,
    { label: vscode.l10n.t('Topics'), kind: vscode.QuickPickItemKind.Separator },
    ...topics,
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Printable Page'), placeHolder: vscode.l10n.t('Which questions go on the page?') });
  return pick && 'scope' in pick ? (pick as Item).scope : undefined;
}

function questionsFor(scope: PrintableScope, notes: NotesService, study: StudyStore): Question[] {
  const loaded = (qs: Question[]) => qs.filter((q) => notes.get(q.id));
  switch (scope.kind) {
    case 'topic':
      return loaded(allQuestions([scope.topic]));
    case 'favorites':
      return notes.allIds().filter((id) => study.isFavorite(id)).flatMap((id) => notes.get(id)?.question ?? []);
    case 'unmastered':
      return notes.allIds().filter((id) => !study.isMastered(id)).flatMap((id) => notes.get(id)?.question ?? []);
  }
}

/**
 * Writes one self-contained HTML page (light theme, a page per question, 要点 first)
 * for printing to PDF. `arg` is a topic's tree node, 'favorites' or 'unmastered';
 * `target` skips the save dialog (tests). Returns the file written.
 */
export async function exportPrintableCommand(
  notes: NotesService,
  study: StudyStore,
  log: vscode.LogOutputChannel,
  arg?: unknown,
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const scope = scopeFrom(arg) ?? (await pickScope(notes));
  if (!scope) return undefined;
  const questions = questionsFor(scope, notes, study);
  if (questions.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No questions to export.'));
    return undefined;
  }
  const name = scope.kind === 'topic' ? scope.topic.title : scope.kind === 'favorites' ? vscode.l10n.t('Favorites') : vscode.l10n.t('Not yet mastered');
  const file =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Printable Page'),
          defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), `${name.replace(/[\\/:*?"<>|]/g, '-')}.html`),
          filters: { HTML: ['html'] },
        });
  if (!file) return undefined;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} questions…', questions.length) }, async () => {
    // Local images go into the file itself, so it stays self-contained.
    const images = await inlineImages(notes, questions.map((q) => q.id), log);
    const html = printablePage({
      title: `${vscode.l10n.t('Interview Notes')} · ${name}`,
      lang: vscode.env.language,
      subtitle: `${vscode.l10n.t('{0} questions', questions.length)} · ${new Date().toISOString().slice(0, 10)}`,
      questions: questions.map((q) => ({ id: q.id, title: q.title, topicTitle: notes.get(q.id)?.topicPath ?? '', markdown: q.markdown })),
      labels: { output: vscode.l10n.t('Output'), contents: vscode.l10n.t('Contents'), image: vscode.l10n.t('[image: {0}]', '{0}') },
      resolveImage: (id, src) => images.get(id)?.get(src),
      allowRemoteImages: remoteImagesAllowed(),
    });
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(html));
  });
  const open = vscode.l10n.t('Open in Browser');
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} questions to {1}', questions.length, file.fsPath), open).then((pick) => {
      if (pick === open) void vscode.env.openExternal(file);
    });
  }
  return file;
}
