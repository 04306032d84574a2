import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import { studyStateFilter } from './studyFilter';
import type { TopicsTreeProvider, TreeNode } from '../views/topicsTree';
import { Disposable } from '../util/disposable';

/**
 * The search box of the sidebar: filters the tree with the same search as the
 * QuickPick (pinyin, initials, English, typos), live as the user types.
 */
export class TreeSearchFilter extends Disposable {
  private query = '';

  constructor(
    private readonly notes: NotesService,
    private readonly tree: TopicsTreeProvider,
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly study: StudyStore,
  ) {
    super();
    this._register({ dispose: () => this.clear() });
    // Notes that change while a filter is active (a source indexing, an edit) are filtered too.
    this._register(
      notes.onDidChange(() => {
        if (this.query) this.apply(this.query);
      }),
    );
  }

  get current(): string {
    return this.query;
  }

  async prompt(): Promise<void> {
    const box = vscode.window.createInputBox();
    box.title = vscode.l10n.t('Filter Questions');
    box.placeholder = vscode.l10n.t('Type Chinese, pinyin, initials or English; filter with #tag topic: diff:hard imp:>=2 is:unmastered');
    box.value = this.query;
    box.onDidChangeValue((v) => this.apply(v));
    await new Promise<void>((resolve) => {
      box.onDidAccept(() => box.hide());
      box.onDidHide(() => resolve());
      box.show();
    });
    box.dispose();
  }

  apply(query: string): number {
    this.query = query.trim();
    if (!this.query) {
      this.clear();
      return this.notes.allIds().length;
    }
    const ids = new Set(this.notes.search().search(this.query, { limit: 500, accept: studyStateFilter(this.study) }).map((h) => h.id));
    this.tree.setFilter('search', (id) => ids.has(id));
    this.view.message = vscode.l10n.t('Filter “{0}”: {1} questions', this.query, ids.size);
    void vscode.commands.executeCommand('setContext', ContextKeys.filterActive, true);
    return ids.size;
  }

  clear(): void {
    this.query = '';
    this.tree.setFilter('search', undefined);
    this.view.message = undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.filterActive, false);
  }
}
