import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseNotesIndex } from '../../src/core/notes/notesIndex';
import { searchDocsFor } from '../../src/core/search/searchDocs';
import { SearchIndex, SlicedBuild, type SearchDoc } from '../../src/core/search/searchIndex';

describe('search index built in time slices', () => {
  // The bundled notes, several times over under new ids: enough work for many slices.
  const bundled = searchDocsFor(parseNotesIndex(readFileSync(resolve('dist/notes-index.json'), 'utf8')));
  const docs: SearchDoc[] = Array.from({ length: 8 }, (_, copy) => bundled.map((d) => ({ ...d, id: `${copy}:${d.id}` }))).flat();

  it('spreads the work over many short slices and ranks exactly as the one-go build', () => {
    const sliced = new SlicedBuild(docs);
    let rounds = 0;
    while (!sliced.runFor(1)) rounds++;
    assert.ok(rounds > 1, `${docs.length} questions were built in one slice`);
    assert.equal(sliced.slices, rounds + 1);
    const whole = SearchIndex.build(docs);
    for (const query of ['GIL', '装饰器', 'zhuangshiqi', 'generator yield', '#python diff:hard', 'decorater']) {
      assert.deepEqual(sliced.result!.search(query, { limit: 20 }), whole.search(query, { limit: 20 }), query);
    }
  });

  it('finish completes a build that is part way through', () => {
    const sliced = new SlicedBuild(docs);
    assert.equal(sliced.runFor(0), false, 'one slice built it all');
    const index = sliced.finish();
    assert.ok(index === sliced.result);
    assert.deepEqual(index.search('GIL', { limit: 5 }), SearchIndex.build(docs).search('GIL', { limit: 5 }));
  });
});
