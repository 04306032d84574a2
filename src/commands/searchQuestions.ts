import * as vscode from 'vscode';
import type { SearchHit, SearchOptions } from '../core/search/searchIndex';
import type { NotesService } from '../services/notesService';

export interface QuestionPick extends vscode.QuickPickItem {
  id: string;
}

const LIMIT = 30;

/** QuickPick items for a query, in our ranking order; recently opened questions for an empty query. */
export function searchPicks(notes: NotesService, query: string, recent: readonly string[] = [], accept?: SearchOptions['accept']): QuestionPick[] {
  if (!query.trim()) return recentPicks(notes, recent);
  const hits = notes.search().search(query, { limit: LIMIT, accept });
  return hits.flatMap((hit) => {
    const loaded = notes.get(hit.id);
    if (!loaded) return [];
    return [{
      id: hit.id,
      label: loaded.question.title,
      description: loaded.topicPath,
      detail: markSnippet(hit),
      // Our ranking already matched (pinyin, typos, body): keep VS Code's label filter from hiding it.
      alwaysShow: true,
    }];
  });
}

function recentPicks(notes: NotesService, recent: readonly string[]): QuestionPick[] {
  const picks = recent.flatMap((id): QuestionPick[] => {
    const loaded = notes.get(id);
    return loaded ? [{ id, label: loaded.question.title, description: loaded.topicPath, iconPath: new vscode.ThemeIcon('history') }] : [];
  });
  if (picks.length) picks.unshift({ id: '', label: vscode.l10n.t('recently opened'), kind: vscode.QuickPickItemKind.Separator });
  return picks;
}

/** The snippet with the matched spans bracketed, since QuickPick details take no highlight ranges. */
export function markSnippet(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...hit.snippetRanges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += `${hit.snippet.slice(at, start)}【${hit.snippet.slice(start, end)}】`;
    at = end;
  }
  return out + hit.snippet.slice(at);
}

/** interviewNotes.search: type, see ranked questions, Enter opens the answer. */
export async function searchCommand(
  notes: NotesService,
  open: (id: string) => void,
  recent: () => readonly string[],
  initialQuery = '',
  accept?: SearchOptions['accept'],
): Promise<void> {
  const qp = vscode.window.createQuickPick<QuestionPick>();
  qp.title = vscode.l10n.t('Search Interview Questions');
  qp.placeholder = vscode.l10n.t('Type Chinese, pinyin, initials or English; filter with #tag topic: diff:hard imp:>=2 is:unmastered');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const update = (value: string) => {
    qp.items = searchPicks(notes, value, recent(), accept);
  };
  qp.onDidChangeValue(update);
  qp.value = initialQuery;
  update(initialQuery);
  const picked = await new Promise<QuestionPick | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  if (picked?.id) open(picked.id);
}
