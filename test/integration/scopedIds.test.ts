import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/topicsTree';
import { myNoteFileName } from '../../src/core/notes/myNoteFile';
import { activateExtension, answerTabs, closeAllEditors, questionNodes, waitFor } from './helpers';

type QuestionNode = Extract<TreeNode, { kind: 'question' }>;
type SourceNode = Extract<TreeNode, { kind: 'source' }>;

const NOTES: Record<string, string> = {
  'gil.md': '---\nid: gil\ntitle: My own GIL note\n---\n\nMY-GIL-MARKER: the lock I wrote about myself.\n',
  'links.md': '---\nid: my-links\ntitle: My links page\n---\n\nSee [my GIL](q:gil) and [iterators](q:iterator-protocol).\n',
  'dup/first.md': '---\nid: twice\ntitle: Twice, first\n---\n\nFIRST-TWICE-MARKER\n',
  'dup/second.md': '---\nid: twice\ntitle: Twice, second\n---\n\nSECOND-TWICE-MARKER\n',
  'pic.md': '---\nid: pic\ntitle: My picture note\n---\n\n![my diagram](img/dot.png)\n\n![lost one](img/missing.png)\n\n![far away](https://example.com/x.png)\n\n![escaped](../../outside.png)\n',
};
/** A 1×1 PNG. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Runs what a click on the tree row runs. */
async function click(api: InterviewNotesApi, node: TreeNode): Promise<void> {
  const command = api.tree.getTreeItem(node).command;
  assert.ok(command, 'the row has a command');
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

async function shownAnswer(api: InterviewNotesApi, id: string): Promise<string> {
  return waitFor(() => (api.answers.currentQuestionId === id ? api.answers.html : undefined), `the answer of ${id}`);
}

describe('A user note that reuses a bundled id, and ids used twice in one source', () => {
  let api: InterviewNotesApi;
  let base: string;
  let folder: string;
  const config = () => vscode.workspace.getConfiguration('interviewNotes');

  const sourceNode = (): SourceNode | undefined =>
    api.tree.getChildren().find((n): n is SourceNode => n.kind === 'source' && n.source.path === folder && n.source.status === 'ready');
  const userNode = (title: string): QuestionNode | undefined => {
    const source = sourceNode();
    return source && questionNodes(api, source).find((n) => n.question.title === title);
  };

  before(async () => {
    api = await activateExtension();
    base = mkdtempSync(join(tmpdir(), 'pin-scoped-'));
    folder = join(base, 'my-notes');
    for (const [file, text] of Object.entries(NOTES)) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), text);
    }
    mkdirSync(join(folder, 'img'));
    writeFileSync(join(folder, 'img', 'dot.png'), Buffer.from(DOT_PNG, 'base64'));
    writeFileSync(join(base, 'outside.png'), Buffer.from(DOT_PNG, 'base64'));
    await config().update('sources', [folder], vscode.ConfigurationTarget.Global);
    await waitFor(() => userNode('Twice, second'), 'the user notes in the tree', 20000);
  });

  afterEach(closeAllEditors);

  after(async () => {
    await config().update('sources', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(() => !api.notes.sources().length, 'the source to go away');
    rmSync(base, { recursive: true, force: true });
  });

  it('shows the note under the user’s folder and opens the user’s answer from the tree', async () => {
    const node = userNode('My own GIL note');
    assert.ok(node, 'the note is under the my-notes row');
    assert.notEqual(node.question.id, 'gil', 'the user note does not take the bundled id');
    await click(api, node);
    const html = await shownAnswer(api, node.question.id);
    assert.match(html, /MY-GIL-MARKER/);
    assert.match(html, /<h1 class="question-title">My own GIL note<\/h1>/);
    assert.doesNotMatch(html, /为什么 Python 多线程/, 'not the bundled GIL answer');
    await waitFor(() => answerTabs()[0]?.label === 'My own GIL note', 'the tab titled with the user’s note');
  });

  it('still opens the bundled GIL answer for the bundled row', async () => {
    const bundled = api.tree.getChildren().find((n) => n.kind === 'bundled');
    assert.ok(bundled, 'the bundled root is there');
    const node = questionNodes(api, bundled).find((n) => n.question.id === 'gil');
    assert.ok(node, 'the bundled GIL keeps its id, so its study progress stays');
    await click(api, node);
    const html = await shownAnswer(api, 'gil');
    assert.match(html, /为什么 Python 多线程/);
    assert.doesNotMatch(html, /MY-GIL-MARKER/);
  });

  it('search for “My own GIL” lists the user’s question first and Enter opens it', async () => {
    const node = userNode('My own GIL note')!;
    const picks = api.searchPicks(api.notes, 'My own GIL');
    assert.equal(picks[0]?.id, node.question.id);
    assert.equal(picks[0]?.label, 'My own GIL note');
    void vscode.commands.executeCommand('interviewNotes.search', 'My own GIL');
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
      return api.answers.currentQuestionId === node.question.id;
    }, 'the answer chosen in the QuickPick');
    assert.match(api.answers.html ?? '', /MY-GIL-MARKER/);
  });

  it('keeps study marks apart', async () => {
    const node = userNode('My own GIL note')!;
    const before = api.study.isFavorite('gil');
    await vscode.commands.executeCommand('interviewNotes.toggleFavorite', node.question.id);
    try {
      assert.equal(api.study.isFavorite(node.question.id), true);
      assert.equal(api.study.isFavorite('gil'), before, 'the bundled GIL is not touched');
    } finally {
      await vscode.commands.executeCommand('interviewNotes.toggleFavorite', node.question.id);
    }
  });

  it('resolves q: links inside the source first, then in the bundled notes', () => {
    const links = userNode('My links page')!;
    const gil = userNode('My own GIL note')!;
    assert.equal(api.notes.resolveLink(links.question.id, 'gil'), gil.question.id);
    assert.equal(api.notes.resolveLink(links.question.id, 'iterator-protocol'), 'iterator-protocol');
    assert.equal(api.notes.resolveLink('is-vs-equal', 'gil'), 'gil', 'a bundled note links to the bundled GIL');
  });

  it('reports an id used twice in one source and keeps both questions', async () => {
    const first = userNode('Twice, first');
    const second = userNode('Twice, second');
    assert.ok(first && second, 'both questions are in the tree');
    assert.notEqual(first.question.id, second.question.id);
    const row = api.tree.getTreeItem(sourceNode()!);
    assert.match(String(row.description), /1 problems/);
    assert.ok(row.tooltip instanceof vscode.MarkdownString);
    assert.match(row.tooltip.value, /duplicate id "twice"/);
    await click(api, first);
    assert.match(await shownAnswer(api, first.question.id), /FIRST-TWICE-MARKER/);
    await click(api, second);
    assert.match(await shownAnswer(api, second.question.id), /SECOND-TWICE-MARKER/);
  });

  it('keeps my notes apart by scoped id, and still reads a note filed under a unique unscoped id', async () => {
    const notesFolder = mkdtempSync(join(tmpdir(), 'pin-scoped-my-notes-'));
    const userGil = userNode('My own GIL note')!.question.id;
    const links = userNode('My links page')!.question.id;
    // The bundled GIL's note keeps its old file name; the user's GIL (same id as written) gets its own file.
    writeFileSync(join(notesFolder, myNoteFileName('gil')), 'BUNDLED-GIL-NOTE\n');
    // Filed before ids were scoped: "my-links" belongs to one question only, so it is still that question's note.
    writeFileSync(join(notesFolder, myNoteFileName('my-links')), 'OLD-LINKS-NOTE\n');
    try {
      await config().update('myNotesFolder', notesFolder, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.myNotes.get('gil'), 'the bundled GIL note to load');
      assert.equal(api.myNotes.get(userGil), undefined, 'the user GIL does not share the bundled GIL note');
      assert.match(api.myNotes.get(links) ?? '', /OLD-LINKS-NOTE/);
      const editor = (await vscode.commands.executeCommand('interviewNotes.editMyNote', userGil)) as vscode.TextEditor;
      assert.equal(editor.document.uri.fsPath, join(notesFolder, myNoteFileName(userGil)));
      assert.notEqual(myNoteFileName(userGil), myNoteFileName('gil'));
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'USER-GIL-NOTE\n'));
      await editor.document.save();
      await waitFor(() => api.myNotes.get(userGil), 'the user GIL note to load', 15000);
      assert.match(api.myNotes.get('gil') ?? '', /BUNDLED-GIL-NOTE/);
      assert.doesNotMatch(api.myNotes.get('gil') ?? '', /USER-GIL-NOTE/);
      await click(api, userNode('My own GIL note')!);
      const html = await waitFor(() => (api.answers.html?.includes('USER-GIL-NOTE') ? api.answers.html : undefined), 'the user’s note under the user’s answer');
      assert.doesNotMatch(html, /BUNDLED-GIL-NOTE/);
      const legacy = (await vscode.commands.executeCommand('interviewNotes.editMyNote', links)) as vscode.TextEditor;
      assert.equal(legacy.document.uri.fsPath, join(notesFolder, myNoteFileName('my-links')), 'Edit My Note opens the note where it is');
    } finally {
      await closeAllEditors();
      await config().update('myNotesFolder', undefined, vscode.ConfigurationTarget.Global);
      rmSync(notesFolder, { recursive: true, force: true });
    }
  });

  it('exports a printable page with the note’s own images inlined and the others named', async () => {
    const pic = userNode('My picture note')!.question.id;
    const target = vscode.Uri.file(join(base, 'cram.html'));
    await vscode.commands.executeCommand('interviewNotes.toggleFavorite', pic);
    try {
      await vscode.commands.executeCommand('interviewNotes.exportPrintable', 'favorites', target);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.toggleFavorite', pic);
    }
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(html.includes(`<img src="data:image/png;base64,${DOT_PNG}" alt="my diagram"`), 'the local image is in the file');
    assert.match(html, />\[image: lost one\]</);
    assert.match(html, />\[image: far away\]</, 'remote images stay out unless allowed');
    assert.match(html, />\[image: escaped\]</, 'an image outside the notes folder is not read');
    assert.doesNotMatch(html, /<img src="(?!data:)/);
  });
});
