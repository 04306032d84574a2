import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveNoteLink } from '../../src/core/notes/noteLinks';
import { loadNotes } from '../../src/loader/loadNotes';
import { checkStructure } from '../../src/cli/checkNotes';

describe('note links', () => {
  it('resolve inside the source root only', () => {
    const ok = resolveNoteLink('b/c.md#part', '/notes/a', '/notes');
    assert.deepEqual(ok, { ok: true, path: '/notes/a/b/c.md', fragment: 'part' });
    const out = resolveNoteLink('../../../../etc/passwd', '/notes/a', '/notes');
    assert.ok(!out.ok && out.reason === 'outside');
    const sibling = resolveNoteLink('../notes-other/x.md', '/notes', '/notes');
    assert.ok(!sibling.ok && sibling.reason === 'outside');
  });

  it('report a malformed escape as broken instead of throwing', () => {
    const r = resolveNoteLink('%ff', '/notes', '/notes');
    assert.ok(!r.ok && r.reason === 'malformed');
    assert.match(r.message, /broken link "%ff"/);
  });

  it('check names links out of the folder and malformed ones, and keeps going', () => {
    const root = mkdtempSync(join(tmpdir(), 'pin-links-'));
    try {
      mkdirSync(join(root, 't'));
      writeFileSync(join(root, 't', 'a.md'), '---\nid: a\ntitle: A\n---\n\n[p](../../../../etc/passwd) [b](%ff) [ok](a.md)\n');
      const { topics } = loadNotes(root, { idBase: root });
      const messages = checkStructure(topics, root).map((p) => p.message);
      assert.ok(messages.some((m) => /link "..\/..\/..\/..\/etc\/passwd" points outside the notes folder/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /broken link "%ff" \(malformed/.test(m)), messages.join('\n'));
      assert.equal(messages.length, 2, messages.join('\n'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
