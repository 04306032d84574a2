// Indexing benchmark for user notes: generates a folder of 5,000 Markdown files
// in real-world shapes, then measures a full load and a one-file re-parse.
// Prints a table and, last, one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleRoot, listNoteFiles, parseFileContribution } from '../src/loader/loadNotes';
import { countQuestions } from '../src/core/notes/model';
import { parseNoteFile } from '../src/core/notes/parseNoteFile';
import { markdownEngine } from '../src/core/markdown/markdownEngine';
import { rng, WORDS, writeCorpus } from './corpus';

const FILES = Number(process.env.BENCH_FILES ?? 5000);

/** One big README in every shape at once: headings with parts, numbered lines, bullets, references, REPL code. */
function makeBigFile(targetBytes: number, rand: () => number): string {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const out: string[] = ['# 面试题大全', '', '## 目录', '', '- [基础](#基础) - 入门题', '- [进阶](#进阶) - 深入题', ''];
  let n = 0;
  while (Buffer.byteLength(out.join('\n')) < targetBytes) {
    n++;
    const shape = n % 4;
    if (shape === 0) out.push(`## ${n}. ${pick()}有哪些特点？`, '', `${pick()}的概括。`, '', '### 示例', '', '```python', '>>> x = 1', '>>> x + 1', '2', '```', '', '### 总结', '', `${pick()}和${pick()}。`, '');
    else if (shape === 1) out.push(`${n}、${pick()}和${pick()}的区别是什么？`, `${'答案文字。'.repeat(8)}`, '1、第一点', '2、第二点', '');
    else if (shape === 2) out.push(`- ${pick()}为什么重要？`, `  ${'解释文字。'.repeat(6)}`, '');
    else out.push(`## ${n}. 什么是${pick()}？`, '', `${'说明文字。'.repeat(10)}`, '', '### 参考', '', '- [文档](https://docs.python.org/3/)', '');
  }
  return out.join('\n');
}

function benchBigFile(rand: () => number): void {
  const text = makeBigFile(400 * 1024, rand);
  const runs = 5;
  let parseMs = Infinity;
  let tokenMs = Infinity;
  let questions = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const parsed = parseNoteFile(text, 'big.md', 'big');
    parseMs = Math.min(parseMs, performance.now() - t0);
    questions = parsed.group ? countQuestions(parsed.group) : 0;
    const t1 = performance.now();
    markdownEngine().parse(text, {});
    tokenMs = Math.min(tokenMs, performance.now() - t1);
  }
  const kb = Buffer.byteLength(text) / 1024;
  console.log(`400 KB file      ${parseMs.toFixed(0)} ms for ${kb.toFixed(0)} KB, ${questions} questions (markdown-it tokens alone ${tokenMs.toFixed(0)} ms, ratio ${(parseMs / tokenMs).toFixed(1)}×)`);
  const double = text + '\n' + text;
  const t2 = performance.now();
  parseNoteFile(double, 'big2.md', 'big');
  const doubleMs = performance.now() - t2;
  console.log(`800 KB file      ${doubleMs.toFixed(0)} ms (×${(doubleMs / parseMs).toFixed(2)} for twice the size: linear is ×2)`);
}

benchBigFile(rng(7));

const dir = mkdtempSync(join(tmpdir(), 'pin-index-bench-'));
const root = join(dir, 'notes');
try {
  writeCorpus(root, FILES);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const { files } = listNoteFiles(root);
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
