import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import { myNoteFileName } from '../../src/core/notes/myNoteFile';
import { activateExtension, answerTabs, closeAllEditors, waitFor } from './helpers';

describe('The reader: switching, outline, my notes, backlinks, printable page', () => {
  let api: InterviewNotesApi;
  let folder: string;

  before(async () => {
    api = await activateExtension();
  });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pin-my-notes-'));
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('interviewNotes').update('myNotesFolder', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The next report from the page of what it shows. */
  const nextShown = (id: string) =>
    new Promise<string>((resolve) => {
      const sub = api.answers.onDidShowInPage((e) => {
        if (e.questionId !== id) return;
        sub.dispose();
        resolve(e.pageId);
      });
    });

  it('switches questions in the open page by message: the document is not reloaded', async () => {
    const [a, b, c] = api.notes.allIds();
    const first = nextShown(a);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', a);
    const page = await first;
    for (const id of [b, c]) {
      const shown = nextShown(id);
      await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
      assert.equal(await shown, page, 'the page marker survives the switch');
      assert.ok(api.answers.html?.includes(`>${api.notes.get(id)!.question.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</h1>`));
      assert.doesNotMatch(api.answers.html ?? '', /[\uE000-\uE002]/, 'every label of the pre-rendered answer is filled in');
    }
  });

  it('a switch in the open page brings the new answer’s outline, my note and backlinks, and then its tab title', async () => {
    const ids = api.notes.allIds();
    const sections = (id: string) => (api.notes.get(id)!.question.markdown.match(/^## /gm) ?? []).length;
    const linked = (id: string) => ids.some((from) => from !== id && api.notes.get(from)!.question.markdown.includes(`(q:${id})`));
    const [first, target] = ids.filter((id) => sections(id) >= 3 && linked(id));
    const title = api.notes.get(target)!.question.title;
    writeFileSync(join(folder, myNoteFileName(target)), '切换过来也在 numbatmarker\n');
    await vscode.workspace.getConfiguration('interviewNotes').update('myNotesFolder', folder, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.myNotes.get(target), 'my note to load');
    const opened = nextShown(first);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', first);
    const page = await opened;
    await waitFor(() => answerTabs()[0]?.label === api.notes.get(first)!.question.title, 'the first tab title');

    const shown = nextShown(target);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', target);
    assert.equal(await shown, page, 'swapped in the open page, not reloaded');
    const html = await waitFor(() => (api.answers.html?.includes('numbatmarker') ? api.answers.html : undefined), 'my note after the switch');
    assert.ok(html.includes(`>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</h1>`));
    assert.match(html, /<nav class="outline" aria-label="Outline">/);
    assert.match(html, /<section class="my-note" aria-label="My note">/);
    assert.match(html, /<section class="backlinks" aria-label="Linked from">/);
    await waitFor(() => answerTabs()[0]?.label === title, 'the tab to take the new title once the page shows it');
    assert.equal(answerTabs().length, 1);
  });

  it('keeps switching in the open page after another editor beside it took the focus', async () => {
    const [a, b] = api.notes.allIds();
    const first = nextShown(a);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', a);
    const page = await first;
    const doc = await vscode.workspace.openTextDocument({ content: 'beside the answer' });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    await waitFor(() => (vscode.window.activeTextEditor?.document === doc ? true : undefined), 'the editor beside to take the focus');
    const shown = nextShown(b);
    await vscode.commands.executeCommand('interviewNotes.openQuestion', b);
    assert.equal(await shown, page, 'the page swapped its content instead of reloading');
  });

  it('shows an outline with anchors for a long answer', async () => {
    const id = api.notes.allIds().find((i) => (api.notes.get(i)!.question.markdown.match(/^## /gm) ?? []).length >= 3)!;
    await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
    const html = await waitFor(() => (api.answers.currentQuestionId === id ? api.answers.html : undefined), 'answer html');
    assert.match(html, /<nav class="outline" aria-label="Outline">/);
    // The page opens at the top, so the first section is the one being read from the start.
    assert.match(html, new RegExp(`<a href="#${encodeURIComponent('要点')}" data-anchor="要点" aria-current="location">要点</a>`));
    assert.match(html, /<h2 id="要点">/);
  });

  it('lists the questions that link to an answer', async () => {
    const ids = api.notes.allIds();
    const target = ids.find((id) => ids.some((from) => from !== id && api.notes.get(from)!.question.markdown.includes(`(q:${id})`)))!;
    const linking = ids.filter((from) => from !== target && api.notes.get(from)!.question.markdown.includes(`(q:${target})`));
    await vscode.commands.executeCommand('interviewNotes.openQuestion', target);
    const html = await waitFor(() => (api.answers.currentQuestionId === target ? api.answers.html : undefined), 'answer html');
    assert.match(html, /<section class="backlinks" aria-label="Linked from">/);
    for (const from of linking) assert.ok(html.includes(`data-question="${from}"`), `a backlink from ${from}`);
  });

  it('shows my note under the answer, finds it in search and follows edits', async () => {
    const id = api.notes.allIds()[4];
    writeFileSync(join(folder, myNoteFileName(id)), '面试时先讲 quokkamarker 再举例。\n');
    await vscode.workspace.getConfiguration('interviewNotes').update('myNotesFolder', folder, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.myNotes.get(id), 'my note to load');
    await vscode.commands.executeCommand('interviewNotes.openQuestion', id);
    const html = await waitFor(() => (api.answers.html?.includes('quokkamarker') ? api.answers.html : undefined), 'my note in the answer');
    assert.match(html, /<section class="my-note" aria-label="My note">/);
    assert.equal(api.searchPicks(api.notes, 'quokkamarker')[0]?.id, id);

    writeFileSync(join(folder, myNoteFileName(id)), '改过了 wombatmarker\n');
    await waitFor(() => api.answers.html?.includes('wombatmarker'), 'the edited note', 15000);
    assert.ok(!api.answers.html?.includes('quokkamarker'));
  });

  it('Edit My Note opens (and creates) the question’s file in the chosen folder', async () => {
    const id = api.notes.allIds()[6];
    await vscode.workspace.getConfiguration('interviewNotes').update('myNotesFolder', folder, vscode.ConfigurationTarget.Global);
    const editor = (await vscode.commands.executeCommand('interviewNotes.editMyNote', id)) as vscode.TextEditor;
    assert.equal(editor.document.uri.fsPath, join(folder, myNoteFileName(id)));
    const source = api.notes.get(id)!.fileUri;
    assert.notEqual(editor.document.uri.fsPath, source.fsPath);
  });

  it('exports a topic as one printable HTML file with a page per question', async () => {
    const topicNode = api.tree.getChildren().find((n) => n.kind === 'topic')!;
    const count = api.tree.getChildren(topicNode).filter((n) => n.kind === 'question').length;
    const target = vscode.Uri.file(join(folder, 'cram.html'));
    const written = (await vscode.commands.executeCommand('interviewNotes.exportPrintable', topicNode, target)) as vscode.Uri;
    assert.equal(written.fsPath, target.fsPath);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(html.match(/<section class="question"/g)?.length, count);
    assert.match(html, /break-before: page/);
    assert.doesNotMatch(html, /<script/);
  });
});
