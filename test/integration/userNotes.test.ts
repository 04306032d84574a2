import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/topicsTree';
import { activateExtension, closeAllEditors, findNode, labels, waitFor } from './helpers';

const FIXTURE = join(__dirname, '..', '..', '..', 'test', 'integration', 'fixtures', 'user-notes');

describe('Your own notes folder', () => {
  let api: InterviewNotesApi;
  let folder: string;
  const config = () => vscode.workspace.getConfiguration('interviewNotes');

  before(async () => {
    api = await activateExtension();
    folder = join(mkdtempSync(join(tmpdir(), 'pin-user-')), 'my-notes');
    cpSync(FIXTURE, folder, { recursive: true });
    await config().update('sources', [folder], vscode.ConfigurationTarget.Global);
    await waitFor(() => findNode(api, '什么是 GIL？'), 'the user notes in the tree');
  });

  afterEach(closeAllEditors);

  after(async () => {
    await config().update('sources', undefined, vscode.ConfigurationTarget.Global);
    await config().update('showBundledNotes', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the bundled notes and the folder as roots, with the reader’s questions', () => {
    const roots = labels(api);
    assert.deepEqual(roots, ['Bundled Notes', 'my-notes']);
    const source = api.tree.getChildren()[1];
    assert.deepEqual(labels(api, source), ['数据库', '我的 Python 复习', '什么是上下文管理器？'], 'a file holding one question shows it directly');
    const review = findNode(api, '我的 Python 复习')!;
    assert.deepEqual(labels(api, review), ['什么是 GIL？', '列表推导式和生成器表达式有什么区别？']);
    const redis = findNode(api, 'Redis 笔记')!;
    assert.deepEqual(labels(api, redis), ['Redis 为什么快？', '持久化方式有哪些？']);
    const description = String(api.tree.getTreeItem(source).description);
    assert.match(description, /^5 questions/);
    assert.match(description, /1 skipped/, 'the binary file is skipped and counted');
  });

  it('decodes GBK-encoded notes', () => {
    assert.ok(findNode(api, '什么是上下文管理器？'), 'the GBK file’s question is in the tree');
  });

  it('opens a user question’s answer and its examples, including indented Python', async () => {
    const node = findNode(api, '列表推导式和生成器表达式有什么区别？') as Extract<TreeNode, { kind: 'question' }>;
    await vscode.commands.executeCommand('interviewNotes.openQuestion', node.question.id);
    const html = await waitFor(() => (api.answers.currentQuestionId === node.question.id ? api.answers.html : undefined), 'answer');
    assert.match(html, /惰性求值/);
    assert.match(html, /data-action="openExample" data-example="0"/);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('interviewNotes.openExample', node.question.id, 0);
    assert.ok(editor?.document.isUntitled, 'the command returns the scratch editor it opened');
    assert.equal(editor.document.getText(), '# indented code, clearly Python\nsquares = (n * n for n in range(3))\nprint(list(squares))\n');
  });

  it('finds user questions with search', () => {
    const picks = api.searchPicks(api.notes, 'Redis 为什么快');
    assert.equal(picks[0]?.label, 'Redis 为什么快？');
  });

  it('opens the source Markdown at the question’s heading', async () => {
    const node = findNode(api, '持久化方式有哪些？') as Extract<TreeNode, { kind: 'question' }>;
    const editor = (await vscode.commands.executeCommand('interviewNotes.openSourceFile', node.question.id)) as vscode.TextEditor;
    assert.equal(editor.document.uri.fsPath, join(folder, '数据库', 'redis.md'));
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '### 二、持久化方式有哪些？');
  });

  it('picks up an edited file and never writes user files', async () => {
    const file = join(folder, 'python-review.md');
    const before = readFileSync(join(folder, '数据库', 'redis.md'), 'utf8');
    const redis = findNode(api, 'Redis 为什么快？') as Extract<TreeNode, { kind: 'question' }>;
    await vscode.commands.executeCommand('interviewNotes.openQuestion', redis.question.id);
    const shown = await waitFor(() => (api.answers.currentQuestionId === redis.question.id ? api.answers.html : undefined), 'the Redis answer');
    appendFileSync(file, '\n## 3. 深拷贝和浅拷贝的区别？\n\ncopy.deepcopy 递归复制。\n');
    await waitFor(() => findNode(api, '深拷贝和浅拷贝的区别？'), 'the new question after the edit', 15000);
    assert.equal(api.answers.html, shown, 'an edit to another file does not reload the open answer');
    writeFileSync(file, '# 我的 Python 复习\n\n## 只剩一题\n\n内容。\n');
    await waitFor(() => !findNode(api, '什么是 GIL？') && findNode(api, '只剩一题'), 'the tree to follow the rewrite', 15000);
    assert.equal(readFileSync(join(folder, '数据库', 'redis.md'), 'utf8'), before);
  });

  it('shows a missing folder as an error row that offers to choose another', async () => {
    await config().update('sources', [folder, join(folder, 'nope')], vscode.ConfigurationTarget.Global);
    try {
      const missing = await waitFor(() => api.tree.getChildren().find((n) => n.kind === 'source' && n.source.status === 'missing'), 'the missing source row');
      const item = api.tree.getTreeItem(missing);
      assert.equal(item.contextValue, 'source.missing');
      assert.equal(item.command?.command, 'interviewNotes.addSource');
      assert.match(String(item.description), /not found/);
    } finally {
      await config().update('sources', [folder], vscode.ConfigurationTarget.Global);
    }
  });

  it('can hide the bundled notes', async () => {
    await config().update('showBundledNotes', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => !labels(api).includes('Bundled Notes'), 'the bundled root to disappear');
    } finally {
      await config().update('showBundledNotes', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => labels(api).includes('Bundled Notes'), 'the bundled root to come back');
  });
});
