// The generated notes corpus the benchmarks share: files in real-world shapes
// (headings with numbers, front matter, numbered lines), seeded so runs compare.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export const WORDS = ['生成器', '迭代器', '装饰器', '闭包', 'GIL', '线程', '进程', '协程', '垃圾回收', '引用计数', 'TCP', 'HTTP', '索引', '事务', 'Redis', '缓存', '一致性', '消息队列'];

export function makeFile(i: number, rand: () => number): string {
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

/** Writes `count` notes into 50 topic folders under `root`. */
export function writeCorpus(root: string, count: number, seed = 42): void {
  const rand = rng(seed);
  for (let i = 0; i < count; i++) {
    const sub = join(root, `topic-${i % 50}`);
    if (i < 50) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `note-${i}.md`), makeFile(i, rand));
  }
}
