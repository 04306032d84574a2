import * as vscode from 'vscode';
import type { Question, Topic } from '../core/model';
import { countQuestions } from '../core/model';
import { Commands, ContextValues } from '../constants';
import type { NotesService } from '../notesService';

export type TreeNode = { kind: 'topic'; topic: Topic } | { kind: 'question'; question: Question };

const TOOLTIP_LINES = 6;

/** Topics → questions. Reads the NotesService; never parses anything itself. */
export class TopicsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly parents = new Map<string, TreeNode | undefined>();

  constructor(private readonly notes: NotesService) {
    this.subscription = notes.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.parents.clear();
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const topics = node === undefined ? this.notes.getTopics() : node.kind === 'topic' ? node.topic.topics : [];
    const children: TreeNode[] = topics.map((topic) => ({ kind: 'topic', topic }));
    if (node?.kind === 'topic') children.push(...node.topic.questions.map((question): TreeNode => ({ kind: 'question', question })));
    for (const c of children) this.parents.set(keyOf(c), node);
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(keyOf(node));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.kind === 'topic' ? topicItem(node.topic) : questionItem(node.question);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function keyOf(node: TreeNode): string {
  return node.kind === 'topic' ? `t:${node.topic.id}` : `q:${node.question.id}`;
}

function topicItem(topic: Topic): vscode.TreeItem {
  const item = new vscode.TreeItem(topic.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `topic:${topic.id}`;
  const count = countQuestions(topic);
  item.description = String(count);
  item.tooltip = vscode.l10n.t('{0} — {1} questions', topic.title, count);
  item.contextValue = ContextValues.topic;
  item.iconPath = new vscode.ThemeIcon('folder-library');
  return item;
}

function questionItem(q: Question): vscode.TreeItem {
  const item = new vscode.TreeItem(q.title, vscode.TreeItemCollapsibleState.None);
  item.id = `question:${q.id}`;
  item.contextValue = q.examples.length > 0 ? ContextValues.questionWithExamples : ContextValues.question;
  item.iconPath = new vscode.ThemeIcon(q.examples.length > 0 ? 'symbol-method' : 'note');
  const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(q.title)}**\n\n${previewLines(q.markdown)}`);
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.command = { command: Commands.openQuestion, title: vscode.l10n.t('Open Answer'), arguments: [q.id] };
  return item;
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
