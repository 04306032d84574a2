import * as assert from 'node:assert/strict';
import { myNoteFileName } from '../../src/core/notes/myNoteFile';

describe('my note file names', () => {
  it('a plain key is its own file name', () => {
    assert.equal(myNoteFileName('python-gil'), 'python-gil.md');
    assert.equal(myNoteFileName('生成器与迭代器'), '生成器与迭代器.md');
  });

  it('unsafe characters, reserved names and dots never reach the disk', () => {
    for (const key of ['a/b', 'a\\b', 'x:y*?"<>|', '../../etc/passwd', 'con', 'NUL.txt', '  ', '...', 'tab\there', 'Mixed Case']) {
      const name = myNoteFileName(key);
      assert.match(name, /\.md$/);
      assert.doesNotMatch(name, /[<>:"/\\|?*\u0000-\u001f]/, name);
      assert.doesNotMatch(name, /^\./, name);
      assert.doesNotMatch(name.replace(/\.md$/, '').split('.')[0], /^(con|prn|aux|nul|com\d|lpt\d)$/i, name);
    }
  });

  it('different keys never share a file, the same key always gets the same one', () => {
    const keys = ['a/b', 'a:b', 'a-b', 'a?b', 'GIL', 'gil', 'x'.repeat(300), 'x'.repeat(301)];
    const names = keys.map(myNoteFileName);
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, keys.length);
    assert.deepEqual(keys.map(myNoteFileName), names);
    assert.ok(names.every((n) => [...n].length <= 140));
  });
});
