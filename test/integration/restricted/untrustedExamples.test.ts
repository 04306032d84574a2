import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../../src/extension';
import { activateExtension, closeAllEditors, questionNodes, waitFor } from '../helpers';

// Runs in a host whose workspace is untrusted (Restricted Mode), as a freshly cloned repo opens.

const FOLDER = 'untrusted-notes';
const FENCE = '```';
/** The examples as the note's author wrote them, in reading order. */
const EXAMPLES = ['print("inside details")\n', 'print("second")\n', 'print("third")\n'];
const NOTE = [
  '# 我的笔记',
  '',
  '## 上下文管理器怎么写？',
  '',
  '<details>',
  '<summary>点开看代码</summary>',
  '',
  `${FENCE}python`,
  EXAMPLES[0].trimEnd(),
  FENCE,
  '',
  '</details>',
  '',
  '<details><summary>raw HTML right up to the code: no example</summary>',
  `${FENCE}python`,
  'print("swallowed by the HTML block")',
  FENCE,
  '</details>',
  '',
  '更多示例：',
  '',
  `${FENCE}python`,
  EXAMPLES[1].trimEnd(),
  FENCE,
  '',
  '~~~py',
  EXAMPLES[2].trimEnd(),
  '~~~',
  '',
].join('\n');

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** [button index, code shown in that block] for every "Open as Scratch File" button on the page. */
function exampleBlocks(html: string): [number, string][] {
  const re = /data-action="openExample" data-example="(\d+)">[\s\S]*?<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g;
  return [...html.matchAll(re)].map((m) => [Number(m[1]), m[2].replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e])]);
}

describe('Untrusted workspace: examples inside raw HTML', function () {
  // A second host on a busy machine: indexing and three scratch files can take a while.
  this.timeout(120_000);
  let api: InterviewNotesApi;
  let folder: string;
  const config = () => vscode.workspace.getConfiguration('interviewNotes');

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite must run in an untrusted workspace');
    api = await activateExtension();
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'a workspace folder is open');
    folder = join(workspace.uri.fsPath, FOLDER);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'context-managers.md'), NOTE);
    await config().update('sources', [FOLDER], vscode.ConfigurationTarget.Global);
  });

  afterEach(closeAllEditors);

  after(async () => {
    await config().update('sources', undefined, vscode.ConfigurationTarget.Global);
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens example N from button N, for every button', async () => {
    const node = await waitFor(() => {
      const source = api.tree.getChildren().find((n) => n.kind === 'source' && n.source.status === 'ready');
      return source && questionNodes(api, source).find((n) => n.question.title === '上下文管理器怎么写？');
    }, 'the workspace note in the tree', 20000);
    const loaded = api.notes.get(node.question.id);
    assert.equal(loaded?.trusted, false, 'a workspace-relative source is untrusted here');

    await vscode.commands.executeCommand('interviewNotes.openQuestion', node.question.id);
    const html = await waitFor(() => (api.answers.currentQuestionId === node.question.id ? api.answers.html : undefined), 'the answer');
    assert.match(html, /&lt;details&gt;/, 'raw HTML shows as text');
    assert.doesNotMatch(html, /<details>/);

    const blocks = exampleBlocks(html);
    assert.deepEqual(blocks.map(([i]) => i), [0, 1, 2], 'one button per example, numbered in order');
    assert.deepEqual(blocks.map(([, code]) => code), EXAMPLES, 'each button sits on its own example');
    for (const [index, code] of blocks) {
      const editor = (await vscode.commands.executeCommand('interviewNotes.openExample', node.question.id, index)) as vscode.TextEditor | undefined;
      assert.ok(editor, `button ${index} opened an editor`);
      assert.equal(editor.document.isUntitled, true);
      assert.equal(editor.document.getText(), code, `button ${index} opens the code shown above it`);
    }
  });
});
