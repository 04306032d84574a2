import * as vscode from 'vscode';
import { allQuestions, type Topic } from '../core/notes/model';
import { INTERVIEW_LENGTHS, MINUTES_PER_QUESTION } from '../core/practice/mockInterview';
import type { NotesService } from '../services/notesService';
import type { MockInterviewPanel } from '../views/mockInterviewPanel';
import type { OutputDrillPanel } from '../views/outputDrillPanel';

interface TopicChoice extends vscode.QuickPickItem {
  id: string;
  keys: string[];
}

/** Top-level topics of the bundled notes and each of the user's sources, with their question keys. */
function topicChoices(notes: NotesService): TopicChoice[] {
  const choices: TopicChoice[] = notes.topLevelGroups().map((g) => ({ id: g.id, label: g.title, keys: g.ids }));
  return choices.filter((c) => c.keys.length).map((c) => ({ ...c, description: vscode.l10n.t('{0} questions', c.keys.length) }));
}

/** Options the command accepts from tests and keybindings; whatever is missing is asked for. */
export interface MockInterviewArgs {
  topics?: string[];
  questions?: number;
  minutes?: number;
  /** Makes the question order reproducible. */
  seed?: number;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown, max: number): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= max ? v : undefined);

function readArgs(arg: unknown): MockInterviewArgs {
  if (!isRecord(arg)) return {};
  const out: MockInterviewArgs = {};
  if (Array.isArray(arg.topics) && arg.topics.every((t) => typeof t === 'string')) out.topics = arg.topics as string[];
  out.questions = positive(arg.questions, 50);
  out.minutes = positive(arg.minutes, 60);
  if (typeof arg.seed === 'number') out.seed = arg.seed;
  return out;
}

async function pickTopics(choices: TopicChoice[]): Promise<TopicChoice[] | undefined> {
  const qp = vscode.window.createQuickPick<TopicChoice>();
  qp.title = vscode.l10n.t('Mock Interview (1/3): Topics');
  qp.placeholder = vscode.l10n.t('Choose the topics to be asked about (Space toggles, Enter confirms)');
  qp.canSelectMany = true;
  qp.items = choices;
  qp.selectedItems = choices;
  return new Promise((resolve) => {
    let accepted = false;
    qp.onDidAccept(() => {
      accepted = true;
      resolve(qp.selectedItems.length ? [...qp.selectedItems] : undefined);
      qp.dispose();
    });
    qp.onDidHide(() => {
      if (!accepted) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function pickNumber(values: readonly number[], title: string, label: (n: number) => string, preferred: number): Promise<number | undefined> {
  const items = values.map((n) => ({ label: label(n), n, picked: n === preferred }));
  const sorted = [...items.filter((i) => i.picked), ...items.filter((i) => !i.picked)];
  return (await vscode.window.showQuickPick(sorted, { title, placeHolder: title }))?.n;
}

export async function startMockInterviewCommand(notes: NotesService, panel: MockInterviewPanel, arg?: unknown): Promise<boolean> {
  await notes.ready();
  const args = readArgs(arg);
  const choices = topicChoices(notes);
  if (!choices.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no notes to be interviewed on.'));
    return false;
  }
  const chosen = args.topics ? choices.filter((c) => args.topics!.includes(c.id)) : await pickTopics(choices);
  if (!chosen?.length) return false;
  const questions = args.questions ?? (await pickNumber(INTERVIEW_LENGTHS, vscode.l10n.t('Mock Interview (2/3): Length'), (n) => vscode.l10n.t('{0} questions', n), 5));
  if (!questions) return false;
  const minutes = args.minutes ?? (await pickNumber(MINUTES_PER_QUESTION, vscode.l10n.t('Mock Interview (3/3): Time per Question'), (n) => vscode.l10n.t('{0} min per question', n), 3));
  if (!minutes) return false;
  const random = args.seed === undefined ? Math.random : seeded(args.seed);
  return panel.start(chosen.flatMap((c) => c.keys), chosen.map((c) => c.label), { questions, secondsPerQuestion: minutes * 60, random });
}

/** From a topic's context menu: that topic; from the palette: a topic to choose, or all notes. */
export async function startOutputDrillCommand(notes: NotesService, panel: OutputDrillPanel, arg?: unknown): Promise<boolean> {
  await notes.ready();
  // From an example's "Predict Output" button in the answer view.
  if (isRecord(arg) && typeof arg.questionKey === 'string' && typeof arg.exampleIndex === 'number' && Number.isInteger(arg.exampleIndex) && arg.exampleIndex >= 0) {
    return panel.startExample(arg.questionKey, arg.exampleIndex);
  }
  if (isRecord(arg) && isRecord(arg.topic)) {
    const topic = arg.topic as unknown as Topic;
    return panel.start(allQuestions([topic]).map((q) => q.id), topic.title);
  }
  const choices = topicChoices(notes);
  if (isRecord(arg) && typeof arg.topicId === 'string') {
    const c = choices.find((x) => x.id === arg.topicId);
    return c ? panel.start(c.keys, c.label) : false;
  }
  const all: TopicChoice = { id: '', label: vscode.l10n.t('All topics'), keys: choices.flatMap((c) => c.keys) };
  const pick = await vscode.window.showQuickPick([all, ...choices], { title: vscode.l10n.t('Predict the Output'), placeHolder: vscode.l10n.t('Which topic\'s examples?') });
  if (!pick) return false;
  return panel.start(pick.keys, pick.id ? pick.label : '');
}
