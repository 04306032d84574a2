import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listField, splitFrontMatter, stringField } from '../../src/core/notes/frontMatter';
import { SearchIndex, type SearchDoc } from '../../src/core/search/searchIndex';
import queries from './fixtures/search/queries.json';

interface LabelledQuery {
  query: string;
  expect: string;
  kind: string;
}

const KINDS = ['chinese', 'pinyin', 'initials', 'english', 'typo'];

/** The repo root, found from wherever the bundled test runs. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'notes'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no notes/ folder above ${__dirname}`);
  }
}

/** The bundled notes as search documents, read straight from notes/NN-topic/*.md. */
function loadNoteDocs(dir: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      docs.push(...loadNoteDocs(full));
      continue;
    }
    if (!name.endsWith('.md') || name === '_topic.md') continue;
    const fm = splitFrontMatter(readFileSync(full, 'utf8'));
    const id = stringField(fm.data, 'id');
    const title = stringField(fm.data, 'title');
    if (!id || !title) continue;
    docs.push({ id, title, topic: dirname(full).split(/[\\/]/).pop() ?? '', tags: listField(fm.data, 'tags'), keywords: listField(fm.data, 'keywords'), body: fm.body });
  }
  return docs;
}

describe('search quality on the bundled notes', () => {
  const labelled = queries as LabelledQuery[];
  const docs = loadNoteDocs(join(repoRoot(), 'notes'));
  const index = SearchIndex.build(docs);

  it('has a labelled set of at least 60 queries, 10 of each kind, naming real questions', () => {
    assert.ok(labelled.length >= 60, `${labelled.length} queries`);
    const ids = new Set(docs.map((d) => d.id));
    for (const kind of KINDS) assert.ok(labelled.filter((q) => q.kind === kind).length >= 10, kind);
    for (const q of labelled) {
      assert.ok(KINDS.includes(q.kind), `unknown kind ${q.kind}`);
      assert.ok(ids.has(q.expect), `"${q.query}" expects unknown question ${q.expect}`);
    }
  });

  it('finds the intended question in the top 5 (recall@5 ≥ 0.9 overall, ≥ 0.8 per kind)', () => {
    const misses: string[] = [];
    const byKind = new Map<string, { found: number; total: number }>();
    for (const q of labelled) {
      const hits = index.search(q.query, { limit: 5 });
      const found = hits.some((h) => h.id === q.expect);
      if (!found) misses.push(`${q.kind} "${q.query}" → ${hits.map((h) => h.id).join(', ') || '(nothing)'} (wanted ${q.expect})`);
      const k = byKind.get(q.kind) ?? { found: 0, total: 0 };
      byKind.set(q.kind, { found: k.found + (found ? 1 : 0), total: k.total + 1 });
    }
    const overall = (labelled.length - misses.length) / labelled.length;
    const perKind = [...byKind].map(([kind, k]) => `${kind} ${(k.found / k.total).toFixed(2)}`).join(', ');
    console.log(`      recall@5 ${overall.toFixed(3)} over ${labelled.length} queries, ${docs.length} questions (${perKind})`);
    for (const m of misses) console.log(`      miss: ${m}`);
    assert.ok(overall >= 0.9, `recall@5 ${overall}`);
    for (const [kind, k] of byKind) assert.ok(k.found / k.total >= 0.8, `${kind} recall@5 ${k.found / k.total}`);
  });
});
