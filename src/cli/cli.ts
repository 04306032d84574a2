// Command-line tool for note authors and CI: parse, search and check notes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NoteProblem, Topic } from '../core/notes/model';
import { allQuestions } from '../core/notes/model';
import { loadNotes } from '../loader/loadNotes';
import { formatProblem, parseNotesIndex, serializeNotesIndex, sortTopics } from '../core/notes/notesIndex';
import { checkExamples, checkStructure } from './checkNotes';
import { SearchIndex } from '../core/search/searchIndex';
import { searchDocsFor } from '../core/search/searchDocs';

const USAGE = `usage:
  node dist/cli.js parse <file|folder>              print the questions as JSON
  node dist/cli.js search "<query>" [--limit N] [--notes <folder>]
                                                    ranked results over the bundled notes
  node dist/cli.js check [folder] [--no-run]        validate notes and run their Python examples`;

/** Used by esbuild.mjs: compiles notes/ into the index shipped in dist/. */
export function compileBundledNotes(folder: string, outFile: string): { topics: number; questions: number; bytes: number; problems: NoteProblem[] } {
  const { topics, problems } = loadBundled(folder);
  const json = serializeNotesIndex(relativiseSources(topics, resolve(folder)));
  writeFileSync(outFile, json);
  return { topics: topics.length, questions: allQuestions(topics).length, bytes: Buffer.byteLength(json), problems };
}

function loadBundled(folder: string): { topics: Topic[]; problems: NoteProblem[] } {
  const collection = loadNotes(resolve(folder), { idBase: resolve(folder) });
  return { topics: sortTopics(collection.topics), problems: collection.problems };
}

function relativiseSources(topics: Topic[], base: string): Topic[] {
  for (const q of allQuestions(topics)) {
    q.source.file = q.source.file.startsWith(base) ? q.source.file.slice(base.length + 1).split('\\').join('/') : q.source.file;
  }
  return topics;
}

interface ParsedOutputTopic {
  title: string;
  topics?: ParsedOutputTopic[];
  questions: { id: string; title: string; examples: { language: string; code: string; runnable: boolean }[] }[];
}

function toParseOutput(topics: readonly Topic[]): ParsedOutputTopic[] {
  return topics.map((t) => ({
    title: t.title,
    ...(t.topics.length ? { topics: toParseOutput(t.topics) } : {}),
    questions: t.questions.map((q) => ({
      id: q.id,
      title: q.title,
      examples: q.examples.map((e) => ({ language: e.language, code: e.code, runnable: e.runnable })),
    })),
  }));
}

function bundledTopics(notesFolder?: string): Topic[] {
  if (notesFolder) return loadBundled(notesFolder).topics;
  const indexFile = join(__dirname, 'notes-index.json');
  return parseNotesIndex(readFileSync(indexFile, 'utf8'));
}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

function printProblems(problems: NoteProblem[]): void {
  for (const p of problems) console.error(formatProblem(p));
}

export function main(argv: string[]): number {
  const args = [...argv];
  const command = args.shift();
  switch (command) {
    case 'parse': {
      const target = args[0];
      if (!target) break;
      const { topics, problems } = loadNotes(resolve(target));
      printProblems(problems);
      console.log(JSON.stringify({ topics: toParseOutput(sortTopics(topics)) }, null, 2));
      return problems.some((p) => p.severity === 'error' && p.line === 0 && p.message.startsWith('notes source not found')) ? 1 : 0;
    }
    case 'search': {
      const limitRaw = takeOption(args, '--limit');
      const notes = takeOption(args, '--notes');
      const query = args.join(' ');
      const limit = limitRaw ? Math.max(1, Number.parseInt(limitRaw, 10) || 10) : 10;
      const topics = bundledTopics(notes);
      const docs = searchDocsFor(topics);
      const byId = new Map(docs.map((d) => [d.id, d]));
      const hits = SearchIndex.build(docs).search(query, { limit });
      console.log(JSON.stringify(hits.map((h) => ({ id: h.id, title: byId.get(h.id)?.title ?? h.id, topic: byId.get(h.id)?.topic ?? '' })), null, 2));
      return 0;
    }
    case 'check': {
      const noRun = args.includes('--no-run');
      const folder = args.find((a) => !a.startsWith('--')) ?? 'notes';
      const { topics, problems } = loadBundled(folder);
      const questions = allQuestions(topics).length;
      problems.push(...checkStructure(topics));
      const examples = checkExamples(topics, {
        skipRun: noRun,
        onProgress: (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rrunning examples ${done + 1}/${total}`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      problems.push(...examples.problems);
      printProblems(problems);
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.length - errors;
      console.log(
        `notes check: ${topics.length} topics, ${questions} questions; ` +
          `${examples.examplesPassed}/${examples.examplesRun} runnable examples passed, ${examples.examplesCompiled} shown-only examples compiled; ` +
          `${errors} errors, ${warnings} warnings`,
      );
      return errors > 0 || questions === 0 ? 1 : 0;
    }
    default:
      break;
  }
  console.error(USAGE);
  return 2;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
