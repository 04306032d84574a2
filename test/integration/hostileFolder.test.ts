import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/extension';
import { buildHostileFolder, type HostileFolder } from '../hostile/hostileFolder';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/** Everything the extension has written to its output channel (VS Code keeps it as a file in the extension's log folder). */
function outputChannelText(api: InterviewNotesApi): string {
  const dir = api.logUri.fsPath;
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('A hostile notes folder', () => {
  let api: InterviewNotesApi;
  let folder: HostileFolder;
  const config = () => vscode.workspace.getConfiguration('interviewNotes');

  before(async () => {
    api = await activateExtension();
    // Full size: the slow files take seconds each when parsed, so the reader's 1 s budget is what ends them.
    folder = buildHostileFolder(1);
  });

  afterEach(closeAllEditors);

  after(async () => {
    await config().update('sources', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(() => !api.notes.sources().some((s) => s.path === folder.root) || undefined, 'the hostile source to go');
    folder.dispose();
  });

  it('indexes in the reader thread while commands keep answering; good notes shown, bad files named, nothing outside read', async function () {
    this.timeout(180_000);
    await config().update('sources', [folder.root], vscode.ConfigurationTarget.Global);
    const source = await waitFor(() => api.notes.sources().find((s) => s.path === folder.root), 'the hostile source');
    // Round-trips while the folder indexes: one of our commands and one of VS Code's (it goes to the window and back).
    const started = Date.now();
    let answered = 0;
    let probe = 0;
    while (source.status === 'indexing') {
      await vscode.commands.executeCommand('interviewNotes.clearFilter');
      await vscode.commands.executeCommand('setContext', 'interviewNotes.hostileProbe', ++probe);
      if (source.status === 'indexing') answered++;
    }
    const indexing = Date.now() - started;
    assert.equal(source.status, 'ready');
    // No timed threshold (a loaded machine stretches any gap): the editor answered many times while the
    // folder indexed, and the slow files below were cut off at their budget, which only a parse that runs
    // outside the extension host's thread allows (a timer cannot interrupt synchronous work).
    assert.ok(answered >= 10, `only ${answered} command round-trips finished during ${indexing} ms of indexing`);

    // Every good note is in the notes service (and so in the tree), under the source.
    const loaded = api.notes.allIds().map((id) => api.notes.get(id)!);
    const mine = loaded.filter((l) => l.source === source);
    const titles = mine.map((l) => l.question.title);
    for (const t of folder.goodTitles) assert.ok(titles.includes(t), `"${t}" missing from ${titles.slice(0, 20).join(', ')}`);
    // Nothing outside the folder was read.
    assert.ok(!loaded.some((l) => l.question.title === folder.outsideTitle), 'a note outside the folder is shown');
    for (const l of mine) assert.ok(l.fileUri.fsPath.startsWith(folder.root + '/'), `${l.fileUri.fsPath} is outside the folder`);

    // Every bad file is named in the output channel; the slow ones say why.
    const expected = folder.cases.filter((c) => c.skipped || c.slowAtFullSize).map((c) => `${join(folder.root, c.file)}: skipped`);
    const output = await waitFor(() => {
      const text = outputChannelText(api);
      return expected.every((e) => text.includes(e)) ? text : undefined;
    }, `every bad file named in the output channel (${expected.join(', ')})`);
    assert.ok(output.includes(`${join(folder.root, 'slow', 'huge-headings.md')}: skipped: took longer than 1 s to read`));
    // The source's row counts them.
    const row = api.tree.getChildren().find((n) => n.kind === 'source' && n.source === source)!;
    const skipped = Number(/(\d+) skipped/.exec(String(api.tree.getTreeItem(row).description))?.[1]);
    assert.ok(skipped >= expected.length, `the row shows ${skipped} skipped, expected at least ${expected.length}`);
  });

  it('Show How This File Was Read says a slow file was skipped, without freezing', async function () {
    this.timeout(60_000);
    await config().update('sources', [folder.root], vscode.ConfigurationTarget.Global);
    const file = vscode.Uri.file(join(folder.root, 'slow', 'huge-headings.md'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('interviewNotes.showParseExplanation', file);
    assert.ok(editor, 'the explanation opened');
    assert.match(editor.document.getText(), /took longer than 1 s to read/);
  });
});
