// Indexing benchmark for user notes: generates a folder of 5,000 Markdown files
// in real-world shapes, then measures a full load and a one-file re-parse.
// Prints a table and, last, one JSON line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleRoot, listNoteFiles, parseFileContribution } from '../src/loader/loadNotes';
import { countQuestions } from '../src/core/notes/model';

const FILES = Number(process.env.BENCH_FILES ?? 5000);

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const WORDS = ['生成器', '迭代器', '装饰器', '闭包', 'GIL', '线程', '进程', '协程', '垃圾回收', '引用计数', 'TCP', 'HTTP', '索引', '事务', 'Redis', '缓存', '一致性', '消息队列'];

function makeFile(i: number, rand: () => number): string {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const shape = i % 3;
  const questions = 1 + Math.floor(rand() * 4);
  const lines: string[] = shape === 0 ? [`# 笔记 ${i}`, ''] : shape === 1 ? ['---', `title: 专题 ${i}`, 'tags: [python]', '---', ''] : [];
  for (let q = 1; q <= questions; q++) {
    lines.push(shape === 2 ? `${q}. ${pick()}和${pick()}有什么区别？` : `## ${q}. ${pick()}是什么？`, '');
    for (let p = 0; p < 6; p++) lines.push(`${pick()}与${pick()}的关系：${'这是一段用于测试的说明文字。'.repeat(3)}`, '');
    lines.push('```python', `def f${q}(x):`, '    # comment, not a heading', '    return x * 2', `print(f${q}(${q}))`, '```', '');
  }
  return lines.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'pin-index-bench-'));
const root = join(dir, 'notes');
try {
  const rand = rng(42);
  for (let i = 0; i < FILES; i++) {
    const sub = join(root, `topic-${i % 50}`);
    if (i < 50) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `note-${i}.md`), makeFile(i, rand));
  }
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const files = listNoteFiles(root);
  const contributions = new Map(files.map((f) => [f, parseFileContribution(f, dir)]));
  const tree = assembleRoot(root, contributions.values(), dir);
  const indexMs = performance.now() - t0;
  global.gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;

  const changed = files[Math.floor(files.length / 2)];
  const t1 = performance.now();
  contributions.set(changed, parseFileContribution(changed, dir));
  assembleRoot(root, contributions.values(), dir);
  const reparseMs = performance.now() - t1;

  const questions = countQuestions(tree);
  console.log(`files            ${files.length}`);
  console.log(`questions        ${questions}`);
  console.log(`full index       ${indexMs.toFixed(0)} ms`);
  console.log(`heap retained    ${heapMB.toFixed(1)} MB`);
  console.log(`one-file update  ${reparseMs.toFixed(1)} ms`);
  console.log(JSON.stringify({ files: files.length, questions, indexMs: Math.round(indexMs), heapMB: Number(heapMB.toFixed(1)), reparseMs: Number(reparseMs.toFixed(1)) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
