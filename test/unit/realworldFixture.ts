import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeNoteBytes } from '../../src/core/notes/decodeText';
import { splitFrontMatter } from '../../src/core/notes/frontMatter';
import { extractQuestions, type ExtractedGroup } from '../../src/core/notes/extractQuestions';

/** test/unit/fixtures/realworld, found from wherever the bundled test runs (out/test/unit, out/tmp-…). */
export function realworldDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'test', 'unit', 'fixtures', 'realworld');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`test/unit/fixtures/realworld not found above ${__dirname}`);
  }
}

export function readRealworldBytes(name: string): Uint8Array {
  return readFileSync(join(realworldDir(), name));
}

/** The pipeline a user file goes through: decode, split front matter, extract. */
export function extractRealworld(name: string): ExtractedGroup {
  const decoded = decodeNoteBytes(readRealworldBytes(name));
  if (!decoded.ok) throw new Error(`${name}: ${decoded.message}`);
  const fm = splitFrontMatter(decoded.text);
  return extractQuestions(fm.body, { fileTitle: name.replace(/\.md$/, ''), lineOffset: fm.bodyLineOffset });
}

/** A compact view of a tree: "# group", "- question @line", children indented. */
export function outline(group: ExtractedGroup, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return [
    `${pad}# ${group.title}`,
    ...group.questions.map((q) => `${pad}- ${q.title} @${q.line}`),
    ...group.groups.flatMap((g) => outline(g, depth + 1)),
  ];
}
