import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/topicsTree';
import { activateExtension, answerTabs, closeAllEditors, waitFor } from './helpers';

describe('Python Interview Notes in a real VS Code', () => {
  let api: InterviewNotesApi;

  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('workbench.view.extension.interviewNotes');
  });

  afterEach(closeAllEditors);

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['interviewNotes.search', 'interviewNotes.openExample', 'interviewNotes.refresh', 'interviewNotes.nextQuestion']) {
      assert.ok(commands.includes(id), `missing command ${id}`);
    }
  });

  it('lists topics with question counts, and questions under them', async () => {
    const roots = api.tree.getChildren();
    assert.ok(roots.length >= 2, `expected several topics, got ${roots.length}`);
    const titles = roots.map((n) => (n.kind === 'topic' ? n.topic.title : ''));
    assert.ok(titles.includes('Python 基础'), `topics: ${titles.join(', ')}`);
    assert.ok(titles.includes('内存管理与垃圾回收'), `topics: ${titles.join(', ')}`);

    const basics = roots.find((n) => n.kind === 'topic' && n.topic.title === 'Python 基础') as Extract<TreeNode, { kind: 'topic' }>;
    const topicItem = api.tree.getTreeItem(basics);
    const questions = api.tree.getChildren(basics);
    assert.match(String(topicItem.description), new RegExp(`^\\d+/${questions.length}$`), 'mastered/total');
    assert.equal(topicItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.ok(questions.length >= 10);

    const first = questions[0] as Extract<TreeNode, { kind: 'question' }>;
    const item = api.tree.getTreeItem(first);
    assert.equal(item.label, first.question.title);
    assert.equal(item.command?.command, 'interviewNotes.openQuestion');
    assert.equal(item.tooltip, undefined, 'tooltips are not built for every row');
    const resolved = await api.tree.resolveTreeItem(item, first);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString && resolved.tooltip.value.length > first.question.title.length, 'the resolved tooltip shows the answer’s first lines');
  });

  it('opens a question’s rendered answer in one reused webview panel', async () => {
    const [a, b] = api.notes.allIds();
    await vscode.commands.executeCommand('interviewNotes.openQuestion', a);
    const qa = api.notes.get(a)!.question;
    const html = await waitFor(() => (api.answers.currentQuestionId === a ? api.answers.html : undefined), 'answer html');
    assert.match(html, new RegExp(`<h1 class="question-title">${escapeRegExp(escapeHtml(qa.title))}</h1>`));
    assert.match(html, /<h2 id="要点">要点<\/h2>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-[A-Za-z0-9]+'/);
    assert.doesNotMatch(html, /<script(?![^>]*nonce=)/, 'every script carries the nonce');
    const tab = await waitFor(() => answerTabs()[0], 'the answer tab');
    assert.equal(tab.label, qa.title);

    await vscode.commands.executeCommand('interviewNotes.openQuestion', b);
    await waitFor(() => api.answers.currentQuestionId === b, 'second answer');
    await waitFor(() => answerTabs()[0]?.label === api.notes.get(b)!.question.title, 'the tab to show the second title');
    assert.equal(answerTabs().length, 1, 'the panel is reused, not duplicated');
  });

  it('moves to the next and previous question', async () => {
    const ids = api.notes.allIds();
    await vscode.commands.executeCommand('interviewNotes.openQuestion', ids[3]);
    await vscode.commands.executeCommand('interviewNotes.nextQuestion');
    assert.equal(api.answers.currentQuestionId, ids[4]);
    await vscode.commands.executeCommand('interviewNotes.previousQuestion');
    await vscode.commands.executeCommand('interviewNotes.previousQuestion');
    assert.equal(api.answers.currentQuestionId, ids[2]);
    assert.match(api.answers.html ?? '', new RegExp(`>3 / ${ids.length}<`));
  });

  it('renders Python examples highlighted with scratch and copy buttons', async () => {
    const id = api.notes.allIds().find((i) => api.notes.get(i)!.question.examples.some((e) => e.runnable))!;
    await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
    const html = await waitFor(() => (api.answers.currentQuestionId === id ? api.answers.html : undefined), 'answer html');
    assert.match(html, /<code class="hljs language-python">[\s\S]*<span class="hljs-/);
    assert.match(html, /data-action="openExample" data-example="0">Open as Scratch File<\/button>/);
    assert.match(html, /data-action="copyExample" data-example="0">Copy<\/button>/);
  });

  it('search finds the question by its title and opens it on Enter', async () => {
    const id = api.notes.allIds()[5];
    const { question } = api.notes.get(id)!;
    const picks = api.searchPicks(api.notes, question.title);
    assert.equal(picks[0]?.id, id);
    assert.equal(picks[0]?.label, question.title);

    void vscode.commands.executeCommand('interviewNotes.search', question.title);
    // Press Enter once the QuickPick is up (accepting before it shows does nothing).
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
      return api.answers.currentQuestionId === id;
    }, 'the answer chosen in the QuickPick');
  });

  it('search lists recently opened questions first when the query is empty', async () => {
    const [a, b] = api.notes.allIds().slice(7, 9);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', a);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', b);
    const picks = api.searchPicks(api.notes, '', api.study.state.recent).filter((p) => p.id);
    assert.deepEqual(picks.slice(0, 2).map((p) => p.id), [b, a]);
  });

  it('search understands English keywords for Chinese answers', () => {
    const picks = api.searchPicks(api.notes, 'decorator');
    assert.ok(picks.slice(0, 5).some((p) => /装饰器/.test(p.label)), picks.map((p) => p.label).join(' | '));
  });

  it('filters the sidebar tree with the same search (pinyin here)', async () => {
    await vscode.commands.executeCommand('interviewNotes.filterTree', 'zhuangshiqi');
    try {
      const topics = api.tree.getChildren();
      const questions = topics.flatMap((t) => api.tree.getChildren(t)).filter((n) => n.kind === 'question');
      assert.ok(questions.length > 0 && questions.length < api.notes.allIds().length, `${questions.length} questions shown`);
      assert.ok(questions.some((n) => n.kind === 'question' && /装饰器/.test(n.question.title)));
      assert.match(String(api.tree.getTreeItem(topics[0]).description), /^\d+ shown · \d+\/\d+ mastered$/);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.clearFilter');
    }
    const all = api.tree.getChildren().flatMap((t) => api.tree.getChildren(t)).filter((n) => n.kind === 'question');
    assert.equal(all.length, api.notes.allIds().length);
  });

  it('shows difficulty and importance on question rows, and combined filters narrow the tree', async () => {
    const rows = () => api.tree.getChildren().flatMap((t) => api.tree.getChildren(t)).filter((n) => n.kind === 'question');
    const gil = rows().find((n) => n.kind === 'question' && n.question.id === 'gil');
    assert.ok(gil);
    const item = api.tree.getTreeItem(gil);
    assert.match(String(item.description), /^(Medium|中等) · ●●●$/, 'difficulty and three filled dots for importance 3');
    assert.match(String(item.accessibilityInformation?.label), /(Importance: 3 of 3|重要程度：3\/3)/);

    await vscode.commands.executeCommand('interviewNotes.filterTree', 'diff:hard imp:>=2 内存');
    try {
      const shown = rows();
      assert.ok(shown.length > 0 && shown.length < api.notes.allIds().length, `${shown.length} shown`);
      for (const n of shown) {
        assert.ok(n.kind === 'question' && n.question.difficulty === 'hard' && (n.question.importance ?? 0) >= 2, n.kind === 'question' ? n.question.id : '');
      }
    } finally {
      await vscode.commands.executeCommand('interviewNotes.clearFilter');
    }

    await vscode.commands.executeCommand('interviewNotes.toggleFavorite', 'gil');
    await vscode.commands.executeCommand('interviewNotes.filterTree', 'is:favorite imp:3 #GIL');
    try {
      assert.deepEqual(rows().map((n) => n.kind === 'question' && n.question.id), ['gil']);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.clearFilter');
      await vscode.commands.executeCommand('interviewNotes.toggleFavorite', 'gil');
    }
    assert.equal(rows().length, api.notes.allIds().length);
  });

  it('opens an example as an untitled Python document beside the answer', async () => {
    const id = api.notes.allIds().find((i) => api.notes.get(i)!.question.examples.length > 0)!;
    const example = api.notes.get(id)!.question.examples[0];
    await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
    await waitFor(() => api.answers.currentQuestionId === id, 'answer');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('interviewNotes.openExample', id, 0);
    assert.ok(editor, 'the command returns the editor it opened');
    assert.equal(vscode.window.activeTextEditor, editor);
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'python');
    assert.equal(editor.document.getText(), example.code);
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two);
    assert.equal(editor.document.isDirty, true, 'content is there but nothing was saved');
  });

  it('opens an example from the tree node of a question (context menu)', async () => {
    const id = api.notes.allIds().find((i) => api.notes.get(i)!.question.examples.length === 1)!;
    const loaded = api.notes.get(id)!;
    const item = api.tree.getTreeItem({ kind: 'question', question: loaded.question });
    assert.equal(item.contextValue, 'question.withExamples');
    const before = new Set(vscode.workspace.textDocuments);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('interviewNotes.openExample', { kind: 'question', question: loaded.question });
    assert.ok(editor, 'the command returns the editor it opened');
    assert.ok(!before.has(editor.document), 'a new scratch document, not one left open before');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.getText(), loaded.question.examples[0].code);
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
