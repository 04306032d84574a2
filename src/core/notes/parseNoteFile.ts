import type { Difficulty, Importance, NoteProblem, Question, Topic } from './model';
import { listField, splitFrontMatter, stringField, type FrontMatterResult } from './frontMatter';
import { extractExamples } from './extractExamples';
import { extractQuestions, type ExtractedGroup, type QuestionMode, type ReadingNote, type SkippedRegion } from './extractQuestions';

/** What a source's settings say about how its files are read. */
export interface ParseOptions {
  questions?: QuestionMode;
  questionLevel?: number;
  /** Also return `reading`: what each heading and line became, and why. */
  explain?: boolean;
}

export interface ParsedNoteFile {
  /** A file in the bundled format: front matter with id and title, the file is one question. */
  question?: Question;
  /** Any other Markdown: the questions a reader sees, grouped as the file groups them. */
  group?: Topic;
  /** Present for `_topic.md` files: metadata for the folder's topic. */
  topicMeta?: { id?: string; title?: string; order?: number };
  problems: NoteProblem[];
  /** Lines of a user file that are in no question or group, with the reason. */
  skipped?: SkippedRegion[];
  /** With `explain`: how the file was read, region by region. */
  reading?: ReadingNote[];
}

const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** Parses one Markdown file. `file` is only used for ids and messages; nothing is read here. */
export function parseNoteFile(text: string, file: string, topicId: string, options: ParseOptions = {}): ParsedNoteFile {
  const problems: NoteProblem[] = [];
  const fm = splitFrontMatter(text);
  if (fm.error) problems.push({ file, line: 1, severity: 'error', message: fm.error });
  if (fm.unread) problems.push({ file, line: fm.unread.line, severity: 'warning', message: fm.unread.why });
  const baseName = file.split(/[\\/]/).pop() ?? file;

  if (baseName === '_topic.md') {
    const order = Number(fm.data.order);
    return {
      topicMeta: { id: stringField(fm.data, 'id'), title: stringField(fm.data, 'title'), order: Number.isFinite(order) ? order : undefined },
      problems,
    };
  }

  const id = stringField(fm.data, 'id');
  const title = stringField(fm.data, 'title');
  const tags = [...listField(fm.data, 'tags'), ...listField(fm.data, 'categories')];
  const keywords = [...listField(fm.data, 'keywords'), ...listField(fm.data, 'aliases')];

  if (id && title) {
    const difficultyRaw = stringField(fm.data, 'difficulty');
    const difficulty = DIFFICULTIES.find((d) => d === difficultyRaw);
    if (difficultyRaw && !difficulty) {
      problems.push({ file, line: 1, severity: 'warning', message: `unknown difficulty "${difficultyRaw}" (use easy, medium or hard)` });
    }
    const importance = importanceField(fm.data.importance);
    if (fm.data.importance !== undefined && importance === undefined) {
      problems.push({ file, line: 1, severity: 'warning', message: `unknown importance "${String(fm.data.importance)}" (use 1, 2 or 3)` });
    }
    const markdown = fm.body.trim();
    if (!markdown) problems.push({ file, line: fm.bodyLineOffset + 1, severity: 'error', message: `question "${id}" has an empty answer` });
    return {
      question: {
        id, title, topicId, tags, keywords, difficulty,
        ...(importance ? { importance } : {}),
        markdown: fm.body,
        examples: extractExamples(fm.body, fm.bodyLineOffset),
        location: { file, line: 1, bodyLine: fm.bodyLineOffset + 1 },
      },
      problems,
    };
  }

  const fileTitle = title ?? baseName.replace(/\.(md|markdown)$/i, '').replace(/^\d+[-_.\s]+/, '') ?? baseName;
  const extracted = extractQuestions(fm.body, { questions: options.questions, questionLevel: options.questionLevel, fileTitle, lineOffset: fm.bodyLineOffset, titleFromFrontMatter: title !== undefined });
  const frontMatter = frontMatterRegions(fm);
  const skipped = [...frontMatter, ...extracted.skipped];
  const reading: ReadingNote[] = [...frontMatter.map((r) => ({ lines: r.lines, text: '---', became: 'skipped' as const, why: r.why })), ...extracted.reading];
  const group = toTopic(extracted, `${file}`, file, { tags, keywords }, 0);
  if (title) group.title = title;
  return { group, problems, skipped, ...(options.explain ? { reading } : {}) };
}

/** The front matter's lines as skipped regions: the part read, and the part past the caps with its reason. */
function frontMatterRegions(fm: FrontMatterResult): SkippedRegion[] {
  if (fm.bodyLineOffset === 0) return [];
  const why = fm.error ? 'front matter (not valid YAML; title and tags read from plain lines)' : 'front matter';
  if (!fm.unread) return [{ lines: [1, fm.bodyLineOffset], why }];
  return [
    { lines: [1, fm.unread.line - 1], why },
    { lines: [fm.unread.line, fm.bodyLineOffset], why: fm.unread.why },
  ];
}

function importanceField(value: unknown): Importance | undefined {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return n === 1 || n === 2 || n === 3 ? n : undefined;
}

function toTopic(group: ExtractedGroup, topicId: string, file: string, meta: { tags: string[]; keywords: string[] }, order: number): Topic {
  const usedIds = new Set<string>();
  const build = (g: ExtractedGroup, id: string, ord: number): Topic => ({
    id,
    title: g.title,
    ...(g.intro ? { intro: g.intro } : {}),
    lines: g.lines,
    order: ord,
    questions: g.questions.map((q) => {
      const qid = uniqueId(`${file}#${slugify(q.title)}`, usedIds);
      const body = q.markdown;
      return {
        id: qid,
        title: q.title,
        topicId: id,
        tags: meta.tags,
        keywords: meta.keywords,
        markdown: body,
        examples: extractExamples(body, q.bodyLine - 1),
        location: { file, line: q.line, bodyLine: q.bodyLine, endLine: q.lines[1] },
      };
    }),
    topics: g.groups.map((child, i) => build(child, uniqueId(`${id}/${slugify(child.title)}`, usedIds), i)),
  });
  return build(group, topicId, order);
}

/** Same ids as trying ~2, ~3… in turn, but remembers where each base got to, so many equal titles stay linear. */
function uniqueId(base: string, used: Set<string> & { next?: Map<string, number> }): string {
  const next = (used.next ??= new Map<string, number>());
  let id = base;
  let n = used.has(base) ? (next.get(base) ?? 2) : 2;
  for (; used.has(id); n++) id = `${base}~${n}`;
  next.set(base, n);
  used.add(id);
  return id;
}

/** Keeps letters of every script so Chinese titles give readable ids. */
export function slugify(title: string): string {
  const slug = title.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 80) || 'section';
}
