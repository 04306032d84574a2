// The plain data every layer shares. Nothing here knows about VS Code.
import type { VersionedOutput } from './pythonVersions';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** How often Python backend interviews ask a question: 3 = almost always, 1 = rarely. */
export type Importance = 1 | 2 | 3;

export interface CodeExample {
  /** Lower-case fence language, e.g. "python"; "" when the fence had none. */
  language: string;
  code: string;
  /** True when `cli check` executes it and the UI may offer it as a runnable scratch file. */
  runnable: boolean;
  /** Stdout the note shows for this example (an `output` block right after it). */
  expectedOutput?: string;
  /**
   * Every `output` block right after the example, in order; a block may name the
   * Pythons it is for (```` ```output py>=3.12 ````) when output differs by version.
   */
  outputs?: VersionedOutput[];
  /** Range from the fence (```` ```python py>=3.11 ````): only these Pythons run or compile it. */
  pythons?: string;
  /** Where the notes check last verified it (bundled notes, from notes/.verified.json). */
  verified?: ExampleVerification;
  /** 1-based line of the opening fence in the source file. */
  line: number;
  /**
   * Absent for a plain Python 3 script. "repl": a `>>>` transcript, shown as
   * written and opened without prompts. "python2": Python 2 code, shown as such
   * and never offered as runnable.
   */
  kind?: 'repl' | 'python2';
}

export interface ExampleVerification {
  /** CPython minor versions, e.g. ["3.10", "3.11", "3.12", "3.13"]. */
  python: string[];
  /** multiprocessing start methods exercised, for examples that start processes. */
  startMethods?: string[];
}

/** Where a question is in its Markdown file (not to be confused with a notes source, the folder or file a user adds). */
export interface FileLocation {
  /** Path as given to the parser (relative for bundled notes, absolute for user notes). */
  file: string;
  /** 1-based line where the question starts. */
  line: number;
  /** 1-based line where `markdown` starts, so problems inside an answer name the right line. */
  bodyLine: number;
  /** 1-based last line of the question in the file (user notes). */
  endLine?: number;
}

export interface Question {
  id: string;
  title: string;
  /** Id of the topic that holds it. */
  topicId: string;
  tags: string[];
  /** English terms and aliases that should find this question. */
  keywords: string[];
  difficulty?: Difficulty;
  importance?: Importance;
  /** The answer, Markdown without front matter. */
  markdown: string;
  examples: CodeExample[];
  location: FileLocation;
}

/** A group of questions: a bundled topic, a folder, a file or a heading section of a user's notes. */
export interface Topic {
  id: string;
  title: string;
  /** Short text under a group's heading before its first question (user notes). */
  intro?: string;
  /** First and last 1-based line of a group inside one user file. */
  lines?: [number, number];
  order: number;
  questions: Question[];
  /** Nested groups, e.g. a user file with sections that only hold deeper headings. */
  topics: Topic[];
}

export interface NoteProblem {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface NotesCollection {
  topics: Topic[];
  problems: NoteProblem[];
}

/** Depth-first list of every question in a collection, in reading order. */
export function allQuestions(topics: readonly Topic[]): Question[] {
  const out: Question[] = [];
  const walk = (ts: readonly Topic[]) => {
    for (const t of ts) {
      for (const q of t.questions) out.push(q);
      walk(t.topics);
    }
  };
  walk(topics);
  return out;
}

/** Number of questions in a topic including its nested groups. */
export function countQuestions(topic: Topic): number {
  return topic.questions.length + topic.topics.reduce((n, t) => n + countQuestions(t), 0);
}
