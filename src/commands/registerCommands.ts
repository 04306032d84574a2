import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { MyNotes } from '../services/myNotes';
import type { NotesService } from '../services/notesService';
import type { StudyStore } from '../services/studyStore';
import type { AnswerPanel } from '../views/answerPanel';
import type { ProgressPanel } from '../views/progressPanel';
import type { ReviewPanel } from '../views/reviewPanel';
import type { MockInterviewPanel } from '../views/mockInterviewPanel';
import type { OutputDrillPanel } from '../views/outputDrillPanel';
import type { TopicsTreeProvider, TreeNode } from '../views/topicsTree';
import { questionIdFrom, stringArg, topicQuestionIds } from './commandArgs';
import { exportPrintableCommand } from './exportPrintable';
import type { TreeSearchFilter } from './filterTree';
import { addSourceCommand, removeSourceCommand } from './manageSources';
import { openExampleCommand } from './openExample';
import { openSourceFileCommand } from './openSourceFile';
import { showParseExplanationCommand } from './showParseExplanation';
import { searchCommand } from './searchQuestions';
import { startMockInterviewCommand, startOutputDrillCommand } from './practiceCommands';
import { studyStateFilter } from './studyFilter';
import { exportAnkiCommand, exportProgressCommand, importProgressCommand, randomQuestionCommand, setInterviewDateCommand, setStudyFilterCommand, toggleCommand } from './studyCommands';
import { mostForgotten } from '../core/study/statistics';
import type { DailyQuestionStatusBar } from '../views/dailyQuestionStatusBar';

/** What the commands act on; created in extension.ts. */
export interface CommandTargets {
  notes: NotesService;
  study: StudyStore;
  tree: TopicsTreeProvider;
  view: vscode.TreeView<TreeNode>;
  treeFilter: TreeSearchFilter;
  answers: AnswerPanel;
  review: ReviewPanel;
  progress: ProgressPanel;
  interview: MockInterviewPanel;
  drill: OutputDrillPanel;
  daily: DailyQuestionStatusBar;
  myNotes: MyNotes;
  log: vscode.LogOutputChannel;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * Every command's handler, keyed like `Commands` so none is missing. Arguments come from the
 * tree, webviews, tests or nothing (the palette): they are read with the helpers in commandArgs.ts.
 */
function handlers(t: CommandTargets): Record<keyof typeof Commands, Handler> {
  const open = (id: string) => t.answers.show(id);
  const current = () => t.answers.currentQuestionId;
  return {
    openQuestion: (id) => {
      const questionId = stringArg(id);
      return questionId ? open(questionId) : false;
    },
    search: (query) => searchCommand(t.notes, open, () => t.study.state.recent, stringArg(query) ?? '', studyStateFilter(t.study)),
    openExample: (arg, index) => openExampleCommand(t.notes, arg, index),
    refresh: () => t.notes.load(),
    nextQuestion: () => t.answers.step(1),
    previousQuestion: () => t.answers.step(-1),
    addSource: (replace) => addSourceCommand(replace),
    removeSource: (arg) => removeSourceCommand(t.notes, arg),
    openSourceFile: (arg) => openSourceFileCommand(t.notes, current(), arg),
    showParseExplanation: (arg) => showParseExplanationCommand(t.notes, arg),
    showProblems: () => t.log.show(),
    filterTree: (query) => {
      const text = stringArg(query);
      return text === undefined ? t.treeFilter.prompt() : t.treeFilter.apply(text);
    },
    clearFilter: () => t.treeFilter.clear(),
    toggleMastered: (arg) => toggleCommand(t.notes, t.study, 'mastered', arg, current()),
    toggleFavorite: (arg) => toggleCommand(t.notes, t.study, 'favorite', arg, current()),
    randomQuestion: (arg) => randomQuestionCommand(t.notes, t.study, open, arg),
    setStudyFilter: (arg) => setStudyFilterCommand(t.study, t.tree, t.view, arg),
    startReview: (arg) => t.review.start(topicQuestionIds(arg)),
    showProgress: () => t.progress.show(),
    exportProgress: () => exportProgressCommand(t.study),
    importProgress: (file) => importProgressCommand(t.study, file),
    startMockInterview: (arg) => startMockInterviewCommand(t.notes, t.interview, arg),
    startOutputDrill: (arg) => startOutputDrillCommand(t.notes, t.drill, arg),
    setInterviewDate: (date) => setInterviewDateCommand(t.study, date),
    exportAnki: (scope, target) => exportAnkiCommand(t.notes, t.study, scope, target),
    dailyQuestion: () => t.daily.open(),
    reviewForgotten: () => t.review.start(mostForgotten(t.study.state, t.notes.allIds(), t.study.today()).map((f) => f.id), false, true),
    editMyNote: (arg) => {
      const id = questionIdFrom(arg) ?? current();
      if (id) return t.myNotes.edit(id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a question first, then edit your note on it.'));
      return undefined;
    },
    exportPrintable: (arg, target) => exportPrintableCommand(t.notes, t.study, t.log, arg, target),
  };
}

/** Registers every contributed command; the caller disposes what is returned. */
export function registerCommands(targets: CommandTargets): vscode.Disposable[] {
  const table = handlers(targets);
  return (Object.keys(table) as (keyof typeof Commands)[]).map((key) => vscode.commands.registerCommand(Commands[key], table[key]));
}
