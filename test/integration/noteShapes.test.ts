import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/topicsTree';
import { activateExtension, closeAllEditors, findNode, labels, waitFor } from './helpers';

// A user notes folder in the shapes real notes take (the unit-test fixtures),
// added as an object entry of interviewNotes.sources, checked as a user sees it.

const SHAPES = join(__dirname, '..', '..', '..', 'test', 'unit', 'fixtures', 'shapes');
const FILES = ['parts-and-groups.md', 'numbered-lines.md', 'repl-and-python2.md', 'not-questions.md'];

function questionNode(api: InterviewNotesApi, label: string): Extract<TreeNode, { kind: 'question' }> {
  const node = findNode(api, label);
  assert.ok(node && node.kind === 'question', `no question row "${label}"`);
  return node;
}

describe('Notes in real-world shapes', () => {
  let api: InterviewNotesApi;
  const config = () => vscode.workspace.getConfiguration('interviewNotes');

  before(async () => {
    api = await activateExtension();
    const folder = join(mkdtempSync(join(tmpdir(), 'pin-shapes-')), 'shapes');
    mkdirSync(folder);
    for (const f of FILES) copyFileSync(join(SHAPES, f), join(folder, f));
    await config().update('sources', [{ path: folder, questions: 'auto' }], vscode.ConfigurationTarget.Global);
    await waitFor(() => findNode(api, '什么是元类？'), 'the shaped notes in the tree', 20000);
  });

  afterEach(closeAllEditors);

  after(async () => {
    await config().update('sources', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the questions a reader sees: parts stay in answers, numbered lines and section headings are read', () => {
    const review = findNode(api, 'Python 复习笔记')!;
    const rows = labels(api, review);
    for (const title of ['Python 有哪些内置数据类型？', '什么是装饰器？', '生成器', '并发相关']) assert.ok(rows.includes(title), `"${title}" in ${rows.join(' | ')}`);
    for (const part of ['int', 'float', '示例', '7.1 定义', '定义']) assert.equal(findNode(api, part), undefined, `"${part}" is a part of an answer, not a row`);
    assert.deepEqual(labels(api, findNode(api, '并发相关')), ['什么是 GIL？', '线程和进程怎么选？']);
    const numbered = labels(api, findNode(api, 'numbered-lines'));
    for (const title of ['元组为什么不可变？', '怎么判断对象的类型？', '1 or 2 和 1 and 2 输出什么？', '什么是元类？']) assert.ok(numbered.includes(title), `"${title}" in ${numbered.join(' | ')}`);
    assert.deepEqual(labels(api, findNode(api, 'Introduction')), ['What is PEP 8?', 'How are arguments passed?']);
    assert.equal(findNode(api, 'Explore all 100 answers here 👉'), undefined, 'the banner is no row');
  });

  it('one answer holds its own sub-headings and summary', async () => {
    const node = questionNode(api, 'Python 有哪些内置数据类型？');
    await vscode.commands.executeCommand('interviewNotes.openQuestion', node.question.id);
    const html = await waitFor(() => (api.answers.currentQuestionId === node.question.id ? api.answers.html : undefined), 'answer');
    assert.match(html, /常用的内置类型可以分成/);
    assert.match(html, /<h3[^>]*>float<\/h3>/);
    assert.match(html, /<h3[^>]*>str<\/h3>/);
  });

  it('a REPL example opens as a scratch file without prompts, its output as comments', async () => {
    const node = questionNode(api, '字符串驻留是什么？');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('interviewNotes.openExample', node.question.id, 0);
    assert.ok(editor?.document.isUntitled);
    const text = editor.document.getText();
    assert.ok(!text.includes('>>>') && !text.includes('...'), text);
    assert.match(text, /^a = "hello"\n/);
    assert.match(text, /\n# True\n/);
  });

  it('a Python 2 example is labelled and not offered as a scratch file', async () => {
    const node = questionNode(api, 'Python 2 的 print 有什么不同？');
    await vscode.commands.executeCommand('interviewNotes.openQuestion', node.question.id);
    const html = await waitFor(() => (api.answers.currentQuestionId === node.question.id ? api.answers.html : undefined), 'answer');
    assert.match(html, /class="example-kind">Python 2</);
    assert.doesNotMatch(html, /data-action="openExample"/);
  });

  it('Show How This File Was Read opens beside the file what each heading became and why', async () => {
    const node = questionNode(api, 'What is PEP 8?');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('interviewNotes.showParseExplanation', node);
    assert.ok(editor, 'the command returns the editor it opened');
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /How this file was read: not-questions\.md/);
    assert.match(text, /\| 3–5 \| ## Explore all 100 answers here 👉 \| skipped \| banner or promotion \|/);
    assert.match(text, /## # 1\. Introduction \| group: \*\*Introduction\*\*/);
  });
});
