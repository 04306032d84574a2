import { statSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import type { NoteProblem, NotesCollection, Question, Topic } from '../core/notes/model';
import { decodeNoteBytes } from '../core/notes/decodeText';
import { parseNoteFile, type ParseOptions } from '../core/notes/parseNoteFile';
import type { ReadingNote, SkippedRegion } from '../core/notes/extractQuestions';
import { DEFAULT_MAX_FILE_BYTES, listNoteFiles, naturalOrder, readNoteFile, realRootOf, refusedSource, type ListOptions } from './noteFiles';
import { parseAllInPool, type ParsePool } from './parsePool';
import type { FileJob } from './parseJob';

export { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, isNoteFile, listNoteFiles } from './noteFiles';

/**
 * Loading is split in three so the editor can index large folders in the
 * background and re-parse only the file that changed:
 *   listNoteFiles → parseFileContribution (per file, cached) → assembleTopics.
 */

export interface LoadOptions extends ListOptions {
  /** Files larger than this are skipped with a message. */
  maxFileBytes?: number;
  /** Ids are made from paths relative to this folder (defaults to the loaded path's parent). */
  idBase?: string;
  /** How the source's files are read (the `questions` / `questionLevel` of a source setting). */
  parse?: ParseOptions;
  /** Called with each file's contribution (its skipped regions and reading notes included). */
  onFile?: (c: FileContribution) => void;
}

/** What one file adds to the tree. */
export interface FileContribution {
  /** Absolute path. */
  file: string;
  question?: Question;
  group?: Topic;
  topicMeta?: { id?: string; title?: string; order?: number };
  problems: NoteProblem[];
  skipped?: SkippedRegion[];
  reading?: ReadingNote[];
}

/** Reads and parses one file. Unreadable, binary, huge or mis-encoded files become problems. */
export function parseFileContribution(file: string, idBase: string, maxBytes = DEFAULT_MAX_FILE_BYTES, parse: ParseOptions = {}, rootReal?: string): FileContribution {
  const problems: NoteProblem[] = [];
  const read = readNoteFile(file, maxBytes, rootReal);
  if (!read.ok) return { file, problems: [read.problem] };
  const decoded = decodeNoteBytes(read.bytes);
  if (!decoded.ok) return { file, problems: [{ file, line: 0, severity: 'warning', message: `skipped: ${decoded.message}` }] };
  const text = decoded.text;
  const dirId = idFor(idBase, dirname(file));
  const parsed = parseNoteFile(text, idFor(idBase, file), dirId, parse);
  for (const p of parsed.problems) problems.push({ ...p, file });
  if (parsed.question) parsed.question.location.file = file;
  if (parsed.group) setSourceFile(parsed.group, file);
  return { file, question: parsed.question, group: parsed.group, topicMeta: parsed.topicMeta, problems, skipped: parsed.skipped, reading: parsed.reading };
}

/**
 * Builds the topic tree of a source folder from its files' contributions.
 * Folders become topics; a file in our format is a question of its folder's
 * topic; any other file is a group of its own unless it holds a single question.
 */
export function assembleTopics(root: string, contributions: Iterable<FileContribution>, idBase: string): Topic[] {
  const topic = assembleRoot(root, contributions, idBase);
  if (!hasContent(topic)) return [];
  // A folder that holds only sub-folders shows them as top-level topics.
  return topic.questions.length === 0 ? topic.topics : [topic];
}

/** The source folder as one topic (possibly empty), its files and sub-folders inside. */
export function assembleRoot(root: string, contributions: Iterable<FileContribution>, idBase: string): Topic {
  const folders = new Map<string, Topic>();
  const rootTopic = emptyTopic(idFor(idBase, root), titleFromName(basename(root)), 0);
  folders.set(root, rootTopic);
  const folderTopic = (dir: string): Topic => {
    const existing = folders.get(dir);
    if (existing) return existing;
    if (dirname(dir) === dir || !dir.startsWith(root)) return rootTopic;
    const parent = folderTopic(dirname(dir));
    const topic = emptyTopic(idFor(idBase, dir), titleFromName(basename(dir)), parent.topics.length);
    parent.topics.push(topic);
    folders.set(dir, topic);
    return topic;
  };
  // Each path is split once, not once per comparison.
  const sorted = [...contributions]
    .map((c) => ({ c, parts: c.file.split(sep) }))
    .sort((a, b) => comparePathParts(a.parts, b.parts))
    .map((e) => e.c);
  for (const c of sorted) {
    const topic = folderTopic(dirname(c.file));
    if (c.topicMeta) {
      if (c.topicMeta.id) topic.id = c.topicMeta.id;
      if (c.topicMeta.title) topic.title = c.topicMeta.title;
      if (c.topicMeta.order !== undefined) topic.order = c.topicMeta.order;
    } else if (c.question) {
      topic.questions.push({ ...c.question });
    } else if (c.group && hasContent(c.group)) {
      if (c.group.topics.length === 0 && c.group.questions.length === 1) topic.questions.push({ ...c.group.questions[0] });
      else topic.topics.push({ ...c.group, order: topic.topics.length });
    }
  }
  for (const [, topic] of folders) {
    for (const q of topic.questions) q.topicId = topic.id;
    topic.topics.sort((a, b) => a.order - b.order);
  }
  return prune(rootTopic) ?? rootTopic;
}

/** Reads a Markdown file or folder into topics. Problems are collected, never thrown. */
export function loadNotes(path: string, options: LoadOptions = {}): NotesCollection {
  const plan = planLoad(path, options);
  if ('done' in plan) return plan.done;
  const contributions = plan.files.map((f) => parseFileContribution(f, plan.idBase, options.maxFileBytes, options.parse, plan.rootReal));
  return finishLoad(path, plan, contributions, options);
}

/**
 * As loadNotes, but every file is read and parsed by the notes reader thread,
 * each within its time budget (see parsePool.ts); a file over budget is a
 * skipped file with a message naming it. Used by the CLI.
 */
export async function loadNotesInPool(path: string, pool: ParsePool, options: LoadOptions = {}): Promise<NotesCollection> {
  const plan = planLoad(path, options);
  if ('done' in plan) return plan.done;
  const jobs = plan.files.map((file): FileJob => ({ kind: 'file', file, idBase: plan.idBase, maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, parse: options.parse ?? {}, rootReal: plan.rootReal }));
  const contributions = await parseAllInPool(pool, jobs, { signal: options.signal });
  return finishLoad(path, plan, contributions, options);
}

interface LoadPlan {
  isFile: boolean;
  files: string[];
  idBase: string;
  /** Undefined for a single file (it is read wherever it points). */
  rootReal?: string;
  problems: NoteProblem[];
}

/** Everything before the files are parsed: what the path is, whether it is refused, which files to read. */
function planLoad(path: string, options: LoadOptions): LoadPlan | { done: NotesCollection } {
  let isFile: boolean;
  try {
    const st = statSync(path);
    if (!st.isFile() && !st.isDirectory()) return { done: { topics: [], problems: [{ file: path, line: 0, severity: 'error', message: `notes source is neither a file nor a folder: ${path}` }] } };
    isFile = st.isFile();
  } catch {
    return { done: { topics: [], problems: [{ file: path, line: 0, severity: 'error', message: `notes source not found: ${path}` }] } };
  }
  const rootReal = realRootOf(path, isFile);
  const refused = !isFile && rootReal ? refusedSource(rootReal) : undefined;
  if (refused) return { done: { topics: [], problems: [{ file: path, line: 0, severity: 'error', message: refused }] } };
  const idBase = options.idBase ?? dirname(path);
  if (isFile) return { isFile, files: [path], idBase, problems: [] };
  const listing = listNoteFiles(path, options);
  return { isFile, files: listing.files, idBase, rootReal, problems: [...listing.problems] };
}

function finishLoad(path: string, plan: LoadPlan, contributions: FileContribution[], options: LoadOptions): NotesCollection {
  const problems = [...plan.problems];
  for (const c of contributions) {
    options.onFile?.(c);
    problems.push(...c.problems);
  }
  if (plan.isFile) {
    const c = contributions[0];
    if (c?.group && hasContent(c.group)) return { topics: [c.group], problems };
    const topics = c?.question ? [{ ...emptyTopic(idFor(plan.idBase, path), titleFromName(basename(path)), 0), questions: [c.question] }] : [];
    return { topics, problems };
  }
  return { topics: assembleTopics(path, contributions, plan.idBase), problems };
}

function prune(topic: Topic): Topic | undefined {
  topic.topics = topic.topics.map(prune).filter((t): t is Topic => !!t);
  return topic.questions.length > 0 || topic.topics.length > 0 ? topic : undefined;
}

function comparePathParts(pa: readonly string[], pb: readonly string[]): number {
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) {
      // Sub-folders come before files, as in the Explorer.
      if (i === pa.length - 1 && i < pb.length - 1) return 1;
      if (i === pb.length - 1 && i < pa.length - 1) return -1;
      return naturalOrder(pa[i], pb[i]);
    }
  }
  return pa.length - pb.length;
}

function setSourceFile(topic: Topic, file: string): void {
  for (const q of topic.questions) q.location.file = file;
  for (const t of topic.topics) setSourceFile(t, file);
}

function hasContent(topic: Topic): boolean {
  return topic.questions.length > 0 || topic.topics.some(hasContent);
}

function emptyTopic(id: string, title: string, order: number): Topic {
  return { id, title, order, questions: [], topics: [] };
}

function idFor(idBase: string, path: string): string {
  return relative(idBase, path).split(sep).join('/') || basename(path);
}

/** "01-python-basics" → "python-basics"; keeps names without numbering as they are. */
export function titleFromName(name: string): string {
  return name.replace(/\.(md|markdown)$/i, '').replace(/^\d+[-_.\s]+/, '') || name;
}
