import * as assert from 'node:assert/strict';
import { computeBacklinks, questionLinks } from '../../src/core/notes/backlinks';

describe('backlinks', () => {
  it('finds inline and reference q: links, not ones in code', () => {
    const md = [
      '相关：[GIL](q:python-gil)、[协程](q:asyncio-basics#要点)',
      '`[no](q:in-code-span)`',
      '```markdown',
      '[no](q:in-fence)',
      '```',
      '[ref]: q:by-reference',
      '[编码](q:%E4%B8%AD%E6%96%87)',
    ].join('\n');
    assert.deepEqual(questionLinks(md), ['python-gil', 'asyncio-basics', 'by-reference', '中文']);
  });

  it('lists who links to each question, once, in reading order, never itself, only known ids', () => {
    const questions = [
      { id: 'a', markdown: '[b](q:b) [b again](q:b) [c](q:c) [self](q:a)' },
      { id: 'b', markdown: '[c](q:c) [missing](q:nowhere)' },
      { id: 'c', markdown: 'no links' },
    ];
    const back = computeBacklinks(questions);
    assert.deepEqual(back.get('b'), ['a']);
    assert.deepEqual(back.get('c'), ['a', 'b']);
    assert.equal(back.get('a'), undefined);
    assert.equal(back.has('nowhere'), false);
  });
});
