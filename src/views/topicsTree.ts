import * as vscode from 'vscode';
import { recallOf } from '../core/study/studyState';
import { recallPercent } from '../core/render/reviewPage';
import type { Question, Topic } from '../core/notes/model';
import { countQuestions } from '../core/notes/model';
import { Commands, ContextValues } from '../constants';
import type { NotesRoot, NotesService } from '../services/notesService';
import type { UserNotesSource } from '../services/userSource';
import type { StudyStore } from '../services/studyStore';
import { Disposable } from '../util/disposable';

export type FilterKind = 'search' | 'study';

export type TreeNode =
  | { kind: 'bundled'; root: NotesRoot }
  | { kind: 'source'; source: UserNotesSource; root: NotesRoot }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'question'; question: Question };

const TOOLTIP_LINES = 6;

/** Topics → questions. Reads the NotesService; never parses anything itself. */
export class TopicsTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<string, TreeNode | undefined>();
  private readonly filters = new Map<FilterKind, (id: string) => boolean>();
  private filter: ((id: string) => boolean) | undefined;

  constructor(private readonly notes: NotesService, private readonly study: StudyStore) {
    super();
    this._register(notes.onDidChange(() => this.refresh()));
    this._register(study.onDidChange(() => this.refresh()));
  }

  /**
   * Shows only questions every active filter accepts (and topics that hold some).
   * The search box and the study filter (unmastered, favorites, due) combine.
   */
  setFilter(kind: FilterKind, filter: ((id: string) => boolean) | undefined): void {
    if (filter) this.filters.set(kind, filter);
    else this.filters.delete(kind);
    const active = [...this.filters.values()];
    this.filter = active.length ? (id) => active.every((f) => f(id)) : undefined;
    this.refresh();
  }

  refresh(): void {
    this.parents.clear();
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const children = this.childrenOf(node);
    for (const c of children) this.parents.set(keyOf(c), node);
    return children;
  }

  private childrenOf(node?: TreeNode): TreeNode[] {
    const filter = this.filter;
    const visible = (t: Topic): boolean => !filter || t.questions.some((q) => filter(q.id)) || t.topics.some(visible);
    const topicNodes = (ts: readonly Topic[]) => ts.filter(visible).map((topic): TreeNode => ({ kind: 'topic', topic }));
    const questionNodes = (qs: readonly Question[]) => qs.filter((q) => !filter || filter(q.id)).map((question): TreeNode => ({ kind: 'question', question }));
    if (!node) {
      const roots = this.notes.roots();
      // With only the bundled notes there is no need for a root row: their topics are the tree.
      if (roots.length === 1 && roots[0].kind === 'bundled') return topicNodes(roots[0].groups);
      return roots.map((root): TreeNode => (root.source ? { kind: 'source', source: root.source, root } : { kind: 'bundled', root }));
    }
    switch (node.kind) {
      case 'bundled':
      case 'source':
        return [...topicNodes(node.root.groups), ...questionNodes(node.root.questions)];
      case 'topic':
        return [...topicNodes(node.topic.topics), ...questionNodes(node.topic.questions)];
      case 'question':
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(keyOf(node));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'bundled':
        return bundledItem(node.root);
      case 'source':
        return sourceItem(node.source, node.root);
      case 'topic':
        return topicItem(node.topic, this.filter, this.study);
      case 'question':
        return questionItem(node.question, this.study);
    }
  }

  /** Tooltips are built when one is about to show (hover or focus), not for every row on refresh. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'question' && item.tooltip === undefined) item.tooltip = questionTooltip(node.question, this.study);
    return item;
  }
}

function keyOf(node: TreeNode): string {
  switch (node.kind) {
    case 'bundled':
      return 'bundled';
    case 'source':
      return `s:${node.source.path}`;
    case 'topic':
      return `t:${node.topic.id}`;
    case 'question':
      return `q:${node.question.id}`;
  }
}

function rootQuestionCount(root: NotesRoot): number {
  return root.questions.length + root.groups.reduce((n, t) => n + countQuestions(t), 0);
}

function bundledItem(root: NotesRoot): vscode.TreeItem {
  const item = new vscode.TreeItem(root.title, vscode.TreeItemCollapsibleState.Expanded);
  item.id = root.id;
  item.description = String(rootQuestionCount(root));
  item.iconPath = new vscode.ThemeIcon('book');
  return item;
}

function sourceItem(source: UserNotesSource, root: NotesRoot): vscode.TreeItem {
  const item = new vscode.TreeItem(source.title, source.status === 'missing' || source.status === 'refused' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded);
  item.id = root.id;
  item.resourceUri = vscode.Uri.file(source.path);
  item.contextValue = source.status === 'missing' || source.status === 'refused' ? ContextValues.sourceMissing : ContextValues.source;
  const tooltip = new vscode.MarkdownString(`${escapeMarkdown(source.path)}`);
  if (source.status === 'missing') {
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.description = vscode.l10n.t('folder not found — click to choose another');
    item.command = { command: Commands.addSource, title: vscode.l10n.t('Choose Folder…'), arguments: [source.resolved.setting] };
  } else if (source.status === 'refused') {
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.description = vscode.l10n.t('refused: a root or home folder — click to choose the notes folder');
    tooltip.appendMarkdown(`\n\n${escapeMarkdown(source.refusal ?? '')}`);
    item.command = { command: Commands.addSource, title: vscode.l10n.t('Choose Folder…'), arguments: [source.resolved.setting] };
  } else {
    item.iconPath = new vscode.ThemeIcon(source.trusted ? 'folder-library' : 'workspace-untrusted');
    const parts = [vscode.l10n.t('{0} questions', rootQuestionCount(root))];
    if (source.status === 'indexing') parts.push(vscode.l10n.t('indexing {0}/{1}', source.indexed, source.total));
    if (source.status === 'cancelled') parts.push(vscode.l10n.t('indexing cancelled'));
    if (source.skipped) parts.push(vscode.l10n.t('{0} skipped', source.skipped));
    if (root.problems.length) parts.push(vscode.l10n.t('{0} problems', root.problems.length));
    item.description = parts.join(' · ');
    const problems = [...root.problems, ...source.problems].slice(0, 8).map((p) => `- ${escapeMarkdown(p.file.slice(source.rootDir.length + 1) || p.file)}: ${escapeMarkdown(p.message)}`);
    if (problems.length) tooltip.appendMarkdown(`\n\n${problems.join('\n')}`);
    if (!source.trusted) tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('Untrusted workspace: HTML in these notes is shown as text.'))}`);
  }
  item.tooltip = tooltip;
  return item;
}

function topicItem(topic: Topic, filter: ((id: string) => boolean) | undefined, study: StudyStore): vscode.TreeItem {
  // While filtering, topics open so matches are visible; a different id keeps the user's own expansion state.
  const item = new vscode.TreeItem(topic.title, filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `${filter ? 'filtered-' : ''}topic:${topic.id}`;
  const count = countQuestions(topic);
  const mastered = countMatching(topic, (id) => study.isMastered(id));
  item.description = filter ? vscode.l10n.t('{0} shown · {1}/{2} mastered', countMatching(topic, filter), mastered, count) : `${mastered}/${count}`;
  const summary = vscode.l10n.t('{0} — {1} of {2} questions mastered', topic.title, mastered, count);
  // A user group's intro text (the lines under its heading before the first question) shows on hover.
  item.tooltip = topic.intro ? Object.assign(new vscode.MarkdownString(`${escapeMarkdown(summary)}\n\n${previewLines(topic.intro)}`), { supportHtml: false }) : summary;
  item.contextValue = ContextValues.topic;
  item.iconPath = new vscode.ThemeIcon('folder-library');
  return item;
}

function countMatching(topic: Topic, filter: (id: string) => boolean): number {
  return topic.questions.filter((q) => filter(q.id)).length + topic.topics.reduce((n, t) => n + countMatching(t, filter), 0);
}

function questionItem(q: Question, study: StudyStore): vscode.TreeItem {
  const item = new vscode.TreeItem(q.title, vscode.TreeItemCollapsibleState.None);
  item.id = `question:${q.id}`;
  const mastered = study.isMastered(q.id);
  const favorite = study.isFavorite(q.id);
  // The state is part of contextValue so menus can offer the right toggle.
  item.contextValue = [q.examples.length > 0 ? ContextValues.questionWithExamples : ContextValues.question, mastered ? 'mastered' : '', favorite ? 'favorite' : '']
    .filter(Boolean)
    .join('.');
  item.iconPath = mastered
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon(q.examples.length > 0 ? 'symbol-method' : 'note');
  const level = levelLabels(q);
  // Description text takes the theme's description colour; filled dots are the importance.
  item.description = [favorite ? '★' : '', level.difficulty, level.dots].filter(Boolean).join(' · ') || undefined;
  item.accessibilityInformation = {
    label: [q.title, mastered ? vscode.l10n.t('mastered') : '', favorite ? vscode.l10n.t('favorite') : '', level.difficulty, level.importance].filter(Boolean).join(', '),
  };
  item.command = { command: Commands.openQuestion, title: vscode.l10n.t('Open Answer'), arguments: [q.id] };
  return item;
}

/** Difficulty and importance as the tree shows them (localised); empty for unmarked user notes. */
function levelLabels(q: Question): { difficulty: string; importance: string; dots: string } {
  const difficulty = q.difficulty === 'easy' ? vscode.l10n.t('Easy') : q.difficulty === 'medium' ? vscode.l10n.t('Medium') : q.difficulty === 'hard' ? vscode.l10n.t('Hard') : '';
  if (!q.importance) return { difficulty, importance: '', dots: '' };
  return {
    difficulty,
    importance: vscode.l10n.t('Importance: {0} of 3', q.importance),
    dots: '●'.repeat(q.importance) + '○'.repeat(3 - q.importance),
  };
}

function questionTooltip(q: Question, study: StudyStore): vscode.MarkdownString {
  const level = levelLabels(q);
  const facts = [level.difficulty ? vscode.l10n.t('Difficulty: {0}', level.difficulty) : '', level.importance].filter(Boolean).join(' · ');
  const recall = recallOf(study.state, q.id, study.today());
  const recallLine = recall === undefined ? '' : `\n\n*${escapeMarkdown(vscode.l10n.t('recall {0}%', recallPercent(recall)))}*`;
  const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(q.title)}**${recallLine}${facts ? `\n\n${escapeMarkdown(facts)}` : ''}\n\n${previewLines(q.markdown)}`);
  tooltip.supportHtml = false;
  return tooltip;
}

/** The answer's first lines as plain text (code fences and markup left out). */
export function previewLines(markdown: string): string {
  const lines: string[] = [];
  let inFence = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || !line || /^#{1,6}\s/.test(line) || /^\|?[-:| ]+\|?$/.test(line)) continue;
    lines.push(escapeMarkdown(line.replace(/^[-*+]\s+/, '• ').replace(/[*_`]/g, '')));
    if (lines.length >= TOOLTIP_LINES) break;
  }
  return lines.join('  \n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}
