import * as vscode from 'vscode';
import { importanceWeight, pickWeighted } from '../core/study/weightedPick';
import { homedir } from 'node:os';
import { ContextKeys, Settings } from '../constants';
import { ankiAnswerHtml, ankiNotesFile } from '../core/render/ankiExport';
import { meetsStudyCondition } from '../core/study/studyState';
import { addDays, daysBetween, isDateString } from '../core/study/scheduler';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import type { TopicsTreeProvider } from '../views/topicsTree';
import { TREE_FILTERS, treeFilterCondition, type TreeFilter } from '../views/treeFilter';
import { questionIdFrom, topicQuestionIds } from './commandArgs';

export async function toggleCommand(notes: NotesService, study: StudyStore, which: 'mastered' | 'favorite', arg: unknown, current: string | undefined): Promise<boolean | undefined> {
  let id = questionIdFrom(arg) ?? current;
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      notes.allIds().map((qid) => ({ label: notes.get(qid)!.question.title, description: notes.get(qid)!.topicPath, id: qid })),
      { placeHolder: vscode.l10n.t('Choose a question'), matchOnDescription: true },
    );
    id = pick?.id;
  }
  if (!id || !notes.get(id)) return undefined;
  if (which === 'mastered') await study.toggleMastered(id);
  else await study.toggleFavorite(id);
  return which === 'mastered' ? study.isMastered(id) : study.isFavorite(id);
}

/** Random question: within a topic from the tree, or chosen scope from the palette. */
export async function randomQuestionCommand(notes: NotesService, study: StudyStore, open: (id: string) => void, arg?: unknown): Promise<string | undefined> {
  let ids: readonly string[] | undefined;
  const topicIds = topicQuestionIds(arg);
  if (topicIds) {
    ids = topicIds;
  } else if (arg === 'unmastered') {
    ids = notes.allIds().filter((id) => !study.isMastered(id));
  } else if (arg === 'all') {
    ids = notes.allIds();
  } else {
    const scopes = [
      { label: vscode.l10n.t('Any question'), ids: notes.allIds() },
      { label: vscode.l10n.t('Not yet mastered'), ids: notes.allIds().filter((id) => !study.isMastered(id)) },
      ...notes.topLevelGroups().map((t) => ({ label: t.title, description: vscode.l10n.t('topic'), ids: t.ids })),
    ];
    ids = (await vscode.window.showQuickPick(scopes, { placeHolder: vscode.l10n.t('Pick a random question from…') }))?.ids;
  }
  if (!ids) return undefined;
  if (ids.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No questions left in this selection — well done.'));
    return undefined;
  }
  // Important questions come up more often (importance 3 four times as often as 1).
  const id = pickWeighted(ids, (x) => importanceWeight(notes.get(x)?.question.importance)) ?? ids[0];
  open(id);
  return id;
}

export async function setStudyFilterCommand(study: StudyStore, tree: TopicsTreeProvider, view: vscode.TreeView<unknown>, arg?: unknown): Promise<TreeFilter | undefined> {
  const labels: Record<TreeFilter, string> = {
    all: vscode.l10n.t('All questions'),
    unmastered: vscode.l10n.t('Not yet mastered'),
    favorites: vscode.l10n.t('Favorites'),
    due: vscode.l10n.t('Due for review'),
  };
  let filter = TREE_FILTERS.find((f) => f === arg);
  if (!filter) filter = (await vscode.window.showQuickPick(TREE_FILTERS.map((f) => ({ label: labels[f], filter: f })), { placeHolder: vscode.l10n.t('Show in the tree') }))?.filter;
  if (!filter) return undefined;
  const chosen = filter;
  const condition = treeFilterCondition(chosen);
  tree.setFilter('study', condition && ((id) => meetsStudyCondition(study.state, id, condition, study.today())));
  view.description = chosen === 'all' ? undefined : labels[chosen];
  await vscode.commands.executeCommand('setContext', ContextKeys.studyFilterActive, chosen !== 'all');
  return chosen;
}

/** Where a file is, as the user knows it: a path on disk, the full URI elsewhere (remote, virtual). */
const shown = (uri: vscode.Uri) => (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));

// Files go through vscode.workspace.fs, so export and import work in remote and virtual workspaces too.
export async function exportProgressCommand(study: StudyStore): Promise<void> {
  const uri = await vscode.window.showSaveDialog({
    filters: { JSON: ['json'] },
    defaultUri: vscode.Uri.file(`interview-notes-progress-${study.today()}.json`),
    title: vscode.l10n.t('Export Study Progress'),
  });
  if (!uri) return;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(study.exportJson()));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}', shown(uri), err instanceof Error ? err.message : String(err)));
    return;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Progress exported to {0}', shown(uri)));
}

/** Import Progress…: from a picked file, or a path or URI given by a caller. */
export async function importProgressCommand(study: StudyStore, file?: unknown): Promise<boolean> {
  let uri = file instanceof vscode.Uri ? file : typeof file === 'string' ? vscode.Uri.file(file) : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({ filters: { JSON: ['json'] }, canSelectMany: false, title: vscode.l10n.t('Import Study Progress') });
    uri = picked?.[0];
  }
  if (!uri) return false;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', shown(uri), err instanceof Error ? err.message : String(err)));
    return false;
  }
  const result = await study.importJson(text);
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Progress not imported, nothing was changed: {0}', result.error));
    return false;
  }
  const { questions, reviews, conflicts } = result.report;
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported progress for {0} questions and {1} reviews ({2} conflicts resolved by the newer change).', questions, reviews, conflicts));
  return true;
}

/**
 * Asks for the interview date (YYYY-MM-DD; empty clears it). An argument skips the prompt:
 * a date string sets it, null or '' clears it. Returns the date now set, or null when cleared.
 */
export async function setInterviewDateCommand(study: StudyStore, arg?: unknown): Promise<string | null | undefined> {
  let value: string | undefined;
  if (typeof arg === 'string' || arg === null) value = arg ?? '';
  else {
    const today = study.today();
    value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Set Interview Date'),
      prompt: vscode.l10n.t('Interview date as YYYY-MM-DD; leave empty to clear it'),
      placeHolder: addDays(today, 14),
      value: study.interviewDate ?? '',
      validateInput: (text) => {
        const t = text.trim();
        if (t === '') return undefined;
        if (!isDateString(t)) return vscode.l10n.t('Enter a date as YYYY-MM-DD, e.g. {0}', addDays(today, 14));
        if (daysBetween(today, t) < 0) return vscode.l10n.t('The date has passed');
        return undefined;
      },
    });
    if (value === undefined) return undefined;
  }
  const date = value.trim();
  if (date === '') {
    await study.setInterviewDate(undefined);
    return null;
  }
  if (!isDateString(date)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Enter a date as YYYY-MM-DD, e.g. {0}', addDays(study.today(), 14)));
    return undefined;
  }
  await study.setInterviewDate(date);
  return date;
}

type AnkiScope = { kind: 'all' } | { kind: 'favorites' } | { kind: 'group'; ids: readonly string[] };

/**
 * Writes a topic, the favourites or everything as an Anki text file. Arguments skip the prompts:
 * a scope ('all', 'favorites', a top-level topic id or a tree topic) and a target file URI.
 * Returns the file written.
 */
export async function exportAnkiCommand(notes: NotesService, study: StudyStore, scopeArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
  await notes.ready();
  let scope: AnkiScope | undefined;
  const groups = notes.topLevelGroups();
  const treeTopic = topicQuestionIds(scopeArg);
  if (scopeArg === 'all') scope = { kind: 'all' };
  else if (scopeArg === 'favorites') scope = { kind: 'favorites' };
  else if (treeTopic) scope = { kind: 'group', ids: treeTopic };
  else if (typeof scopeArg === 'string') {
    const group = groups.find((g) => g.id === scopeArg);
    if (group) scope = { kind: 'group', ids: group.ids };
  }
  if (!scope) {
    const favorites = notes.allIds().filter((id) => study.isFavorite(id)).length;
    const picks: (vscode.QuickPickItem & { scope: AnkiScope })[] = [
      { label: vscode.l10n.t('All questions'), description: String(notes.allIds().length), scope: { kind: 'all' } },
      { label: vscode.l10n.t('Favorites'), description: String(favorites), scope: { kind: 'favorites' } },
      ...groups.map((g) => ({ label: g.title, description: vscode.l10n.t('topic'), scope: { kind: 'group', ids: g.ids } as AnkiScope })),
    ];
    scope = (await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Export to Anki'), placeHolder: vscode.l10n.t('Which questions?') }))?.scope;
    if (!scope) return undefined;
  }
  const chosen = scope;
  const ids = chosen.kind === 'group' ? chosen.ids : notes.allIds().filter((id) => chosen.kind === 'all' || study.isFavorite(id));
  const loaded = ids.map((id) => notes.get(id)).filter((l) => l !== undefined);
  if (loaded.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No questions to export.'));
    return undefined;
  }
  let target = typeof targetArg === 'string' ? vscode.Uri.parse(targetArg) : targetArg instanceof vscode.Uri ? targetArg : undefined;
  if (!target) {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export to Anki'),
      defaultUri: vscode.Uri.joinPath(base, `interview-notes-anki-${study.today()}.txt`),
      filters: { [vscode.l10n.t('Anki text file')]: ['txt'] },
    });
    if (!target) return undefined;
  }
  const allowRemoteImages = vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.allowRemoteImages, false);
  const text = ankiNotesFile(
    loaded.map((l) => ({
      front: l.question.title,
      back: ankiAnswerHtml(l.question.markdown, { allowHtml: l.trusted, allowRemoteImages }),
      tags: [l.topicPath.split(' / ')[0] ?? l.topic.title, ...l.question.tags],
    })),
  );
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}', target.fsPath, err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} questions for Anki to {1}. In Anki: File › Import, note type Basic.', loaded.length, target.fsPath));
  return target;
}
