// Search benchmark: our index vs plain fuse.js over title + answer, on
// deterministic synthetic corpora built from the bundled notes' vocabulary.
// Run with `npm run bench`. The last line printed is one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { listField, splitFrontMatter, stringField } from '../src/core/notes/frontMatter';
import { SearchIndex, type SearchDoc } from '../src/core/search/searchIndex';
import { mulberry32 as prng } from './prng';

interface LabelledQuery {
  query: string;
  expect: string;
  kind: string;
}

const ROOT = process.cwd();
const NOTES = join(ROOT, 'notes');
const QUERIES_FILE = join(ROOT, 'test/unit/fixtures/search/queries.json');
const SIZES = [300, 10_000];
const ROUNDS = 3;

/** Queries as people type them; every prefix is one keystroke. */
const TYPED = [
  '生成器', 'shengchengqi', 'scq', 'generator', 'decorater', 'python 装饰器', 'GIL', 'bloom filter',
  '垃圾回收', 'lajihuishou', 'ljhs', 'garbge colection', 'TIME_WAIT', '三次握手', 'sancwoshou',
  '字典按值排序', 'defaultdict', 'is 和 ==', 'shufle list', '小整数缓存', 'closure 闭包', 'xiecheng',
];

const FALLBACK_WORDS = {
  han: '生成器 迭代器 装饰器 闭包 垃圾回收 引用计数 全局解释器锁 协程 线程 进程 字典 列表 元组 集合 切片 作用域 异常 上下文管理器 元类 描述符 三次握手 四次挥手 拥塞控制 索引 事务 隔离级别 缓存 哈希表 排序 二分查找 动态规划'.split(' '),
  latin: 'generator iterator decorator closure garbage collection reference counting GIL coroutine thread process dict list tuple set slice scope exception context manager metaclass descriptor handshake congestion index transaction isolation cache hash table sort binary search dynamic programming asyncio yield lambda'.split(' '),
};

function main(): void {
  if (typeof global.gc !== 'function') {
    // Heap numbers need a collection first; rerun ourselves with --expose-gc.
    const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
  const notes = readNotes(NOTES);
  const vocab = harvest(notes);
  console.log(`vocabulary: ${notes.length} notes, ${vocab.titles.length} title clauses, ${vocab.keywords.length} keywords, ${vocab.paragraphs.length} paragraphs`);
  const recall = recallAt5(notes);
  if (recall) console.log(`recall@5 on bundled notes: ${fmt(recall.overall)} (${Object.entries(recall.byKind).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')})`);
  const keystrokes = TYPED.flatMap(prefixes);
  console.log(`${TYPED.length} queries, ${keystrokes.length} keystrokes per round, ${ROUNDS} rounds\n`);

  const rows: Row[] = [];
  for (const size of SIZES) {
    const docs = corpus(size, vocab);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    // Median of three builds: one build is one sample, easily skewed by a busy machine.
    const builds: number[] = [];
    let index: SearchIndex | undefined;
    for (let b = 0; b < 3; b++) {
      // eslint-disable-next-line no-useless-assignment -- drop the last index so gc() can free it before timing
      index = undefined;
      gc();
      const t0 = performance.now();
      index = SearchIndex.build(docs);
      builds.push(performance.now() - t0);
    }
    const indexMs = builds.sort((a, b) => a - b)[1];
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const built = index as SearchIndex;
    const ours = latencies(keystrokes, (q) => built.search(q));
    const pasted = pastedLatencies(built);
    const fresh = freshTypedLatencies(built);
    // The plain fuse.js index of the same corpus, also the median of three builds.
    const fuseBuilds: number[] = [];
    let fuse: Fuse<SearchDoc> | undefined;
    for (let b = 0; b < 3; b++) {
      gc();
      const tb = performance.now();
      fuse = new Fuse(docs, { keys: ['title', 'body'] });
      fuseBuilds.push(performance.now() - tb);
    }
    const baselineIndexMs = fuseBuilds.sort((a, b) => a - b)[1];
    const plainFuse = fuse as Fuse<SearchDoc>;
    const base = latencies(keystrokes, (q) => plainFuse.search(q, { limit: 20 }));
    rows.push({ size, indexMs, baselineIndexMs, heapMB: heapAfter / 2 ** 20, indexHeapMB: (heapAfter - heapBefore) / 2 ** 20, ours, pasted, fresh, base });
  }
  printTable(rows);
  const big = rows[rows.length - 1];
  const small = rows[0];
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `targets: ${big.size} p95 ${fmt(big.ours.p95)} ≤ 16 ms ${check(big.ours.p95 <= 16)}; ` +
      `${fmt(big.base.p95 / big.ours.p95)}× ≥ 5× baseline ${check(big.base.p95 >= 5 * big.ours.p95)}; ` +
      `build ${fmt(big.indexMs)} ≤ 1000 ms ${check(big.indexMs <= 1000)}; build ${fmt(big.indexMs / big.baselineIndexMs)}× ≤ 5× fuse.js ${check(big.indexMs <= 5 * big.baselineIndexMs)}; ` +
      `p95 ${fmt(big.base.p95 / big.ours.p95)}× ≥ 30× ${check(big.base.p95 >= 30 * big.ours.p95)}; heap ${fmt(big.heapMB)} ≤ 150 MB ${check(big.heapMB <= 150)}; ` +
      `${small.size} p95 ${fmt(small.ours.p95)} ≤ 2 ms ${check(small.ours.p95 <= 2)}`,
  );
  console.log(JSON.stringify({
    corpus: big.size,
    search: { p50Ms: round(big.ours.p50), p95Ms: round(big.ours.p95), freshP95Ms: round(big.fresh.p95) },
    baseline: { p50Ms: round(big.base.p50), p95Ms: round(big.base.p95), indexMs: round(big.baselineIndexMs) },
    indexMs: round(big.indexMs),
    heapMB: round(big.heapMB),
    recallAt5: recall ? round(recall.overall) : null,
  }));
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
}
interface Row {
  size: number;
  indexMs: number;
  baselineIndexMs: number;
  heapMB: number;
  indexHeapMB: number;
  ours: Stats;
  pasted: Stats;
  /** Typed key by key, but with nothing remembered from earlier queries. */
  fresh: Stats;
  base: Stats;
}

function gc(): void {
  (global.gc as () => void)();
}

function prefixes(q: string): string[] {
  const chars = [...q];
  return chars.map((_, i) => chars.slice(0, i + 1).join('')).filter((p) => p.trim());
}

/** One warm-up round, then ROUNDS timed rounds of typing every query key by key. */
function latencies(keystrokes: string[], run: (q: string) => unknown): Stats {
  for (const q of keystrokes) run(q);
  gc();
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of keystrokes) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  return stats(times);
}

/**
 * Whole queries with nothing remembered from typing them: each one after 64
 * lookups of unrelated rare characters have pushed every term out of the
 * index's prefix cache (a paste, or the first keystroke after a while).
 */
function pastedLatencies(index: SearchIndex): Stats {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of TYPED) {
      flushTerms(index);
      const t = performance.now();
      index.search(q);
      times.push(performance.now() - t);
    }
  }
  return stats(times);
}

/** Flushes the remembered terms with lookups of rare characters (as after a while of other searches). */
function flushTerms(index: SearchIndex): void {
  for (let i = 0; i < 64; i++) index.search(String.fromCharCode(0x9f80 + i));
}

/**
 * Every query typed key by key, each one starting with nothing remembered, so single letters
 * and earlier terms cost what they cost the first time: the per-keystroke figure without any
 * help from the warm-up round.
 */
function freshTypedLatencies(index: SearchIndex): Stats {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of TYPED) {
      flushTerms(index);
      for (const prefix of prefixes(q)) {
        const t = performance.now();
        index.search(prefix);
        times.push(performance.now() - t);
      }
    }
  }
  return stats(times);
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

function printTable(rows: Row[]): void {
  const head = ['questions', 'engine', 'index ms', 'heap MB', 'p50 ms', 'p95 ms', 'max ms'];
  const lines: string[][] = [];
  for (const r of rows) {
    lines.push([String(r.size), 'search', fmt(r.indexMs), `${fmt(r.heapMB)} (+${fmt(r.indexHeapMB)})`, fmt(r.ours.p50), fmt(r.ours.p95), fmt(r.ours.max)]);
    lines.push([String(r.size), 'search, pasted', '', '', fmt(r.pasted.p50), fmt(r.pasted.p95), fmt(r.pasted.max)]);
    lines.push([String(r.size), 'search, typed fresh', '', '', fmt(r.fresh.p50), fmt(r.fresh.p95), fmt(r.fresh.max)]);
    lines.push([String(r.size), 'fuse baseline', fmt(r.baselineIndexMs), '', fmt(r.base.p50), fmt(r.base.p95), fmt(r.base.max)]);
    lines.push(['', 'speed-up p95', '', '', '', `${fmt(r.base.p95 / r.ours.p95)}×`, '']);
    lines.push(['', 'speed-up p95, typed fresh', '', '', '', `${fmt(r.base.p95 / r.fresh.p95)}×`, '']);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmtLine = (l: string[]) => l.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(fmtLine(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmtLine(l));
  console.log('per keystroke: every prefix of each query typed in turn; pasted: whole queries with a cold prefix cache; typed fresh: typed in turn, each query starting with a cold cache');
  console.log('index ms: median of three builds; heap MB: total heap used after building (corpus included), in brackets what the index added\n');
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const round = (n: number) => Math.round(n * 1000) / 1000;

// ---- notes and vocabulary ----

/** A harvested note has exactly the shape the index takes. */
type Note = SearchDoc;

function readNotes(dir: string): Note[] {
  if (!existsSync(dir)) return [];
  const out: Note[] = [];
  const walk = (d: string, topic: string) => {
    const names = readdirSync(d).sort();
    const meta = names.includes('_topic.md') ? stringField(splitFrontMatter(readFileSync(join(d, '_topic.md'), 'utf8')).data, 'title') : undefined;
    for (const name of names) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, name);
      else if (name.endsWith('.md') && name !== '_topic.md') {
        const fm = splitFrontMatter(readFileSync(full, 'utf8'));
        const id = stringField(fm.data, 'id');
        const title = stringField(fm.data, 'title');
        if (!id || !title) continue;
        out.push({ id, title, topic: meta ?? topic, tags: listField(fm.data, 'tags'), keywords: listField(fm.data, 'keywords'), body: fm.body });
      }
    }
  };
  walk(dir, '');
  return out;
}

interface Vocabulary {
  titles: string[];
  keywords: string[];
  paragraphs: string[];
  topics: string[];
  tags: string[];
}

function harvest(notes: Note[]): Vocabulary {
  if (notes.length === 0) {
    const { han, latin } = FALLBACK_WORDS;
    return {
      titles: han.flatMap((h, i) => [`${h}是什么`, `${latin[i % latin.length]} 和 ${h} 有什么区别`, `如何理解 ${h}`]),
      keywords: [...han, ...latin],
      paragraphs: han.map((h, i) => `${h}（${latin[i % latin.length]}）是面试常考的知识点，需要理解它的原理、使用场景以及常见的坑。`),
      topics: ['Python 基础', '计算机网络', '数据库', '算法'],
      tags: han.slice(0, 10),
    };
  }
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  return {
    titles: uniq(notes.flatMap((n) => n.title.split(/[？?，,、；;]/).map((s) => s.trim()).filter((s) => s.length >= 3))),
    keywords: uniq(notes.flatMap((n) => n.keywords)),
    paragraphs: uniq(notes.flatMap((n) => n.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 20))),
    topics: uniq(notes.map((n) => n.topic)),
    tags: uniq(notes.flatMap((n) => n.tags)),
  };
}

function corpus(size: number, v: Vocabulary): SearchDoc[] {
  const rnd = prng(size * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const docs: SearchDoc[] = [];
  for (let i = 0; i < size; i++) {
    const clauses = 1 + Math.floor(rnd() * 2);
    const parts: string[] = [];
    for (let c = 0; c < clauses; c++) parts.push(rnd() < 0.25 ? `${pick(v.keywords)} ${pick(['是什么', '有什么用', '和它的区别', '怎么实现'])}` : pick(v.titles));
    const title = parts.join('？') + '？';
    const keywords = Array.from({ length: 6 + Math.floor(rnd() * 14) }, () => pick(v.keywords));
    const targetBytes = 1024 + Math.floor(rnd() * 2048);
    let body = '';
    while (Buffer.byteLength(body) < targetBytes) body += pick(v.paragraphs) + '\n\n';
    docs.push({ id: `q${i}`, title, topic: pick(v.topics), tags: [pick(v.tags), pick(v.tags)], keywords: [...new Set(keywords)], body });
  }
  return docs;
}

function recallAt5(notes: Note[]): { overall: number; byKind: Record<string, number> } | undefined {
  if (notes.length === 0 || !existsSync(QUERIES_FILE)) return undefined;
  const queries = JSON.parse(readFileSync(QUERIES_FILE, 'utf8')) as LabelledQuery[];
  const index = SearchIndex.build(notes);
  const kinds = new Map<string, [number, number]>();
  let found = 0;
  for (const q of queries) {
    const ok = index.search(q.query, { limit: 5 }).some((h) => h.id === q.expect);
    if (ok) found++;
    const k = kinds.get(q.kind) ?? [0, 0];
    kinds.set(q.kind, [k[0] + (ok ? 1 : 0), k[1] + 1]);
  }
  return { overall: found / queries.length, byKind: Object.fromEntries([...kinds].map(([k, [a, b]]) => [k, a / b])) };
}

main();
