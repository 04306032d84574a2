import type { NoteProblem, Topic } from './model';

/** The compiled bundled notes shipped in dist/: parsed once at build time. */
export interface NotesIndexFile {
  format: 'python-interview-notes/index';
  version: 1;
  topics: Topic[];
}

export function serializeNotesIndex(topics: Topic[]): string {
  const file: NotesIndexFile = { format: 'python-interview-notes/index', version: 1, topics };
  return JSON.stringify(file);
}

export function parseNotesIndex(json: string): Topic[] {
  const data = JSON.parse(json) as Partial<NotesIndexFile>;
  if (data.format !== 'python-interview-notes/index' || data.version !== 1 || !Array.isArray(data.topics)) {
    throw new Error('the bundled notes index is missing or from another version; rebuild with `npm run build`');
  }
  return data.topics;
}

export function sortTopics(topics: Topic[]): Topic[] {
  topics.sort((a, b) => a.order - b.order);
  for (const t of topics) sortTopics(t.topics);
  return topics;
}

export function formatProblem(p: NoteProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}
