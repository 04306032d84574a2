import * as vscode from 'vscode';
import { ANSWER_PANEL_TYPE, Commands, TOPICS_VIEW_ID } from './constants';
import { NotesService } from './services/notesService';
import { TopicsTreeProvider, type TreeNode } from './views/topicsTree';
import { AnswerPanel } from './views/answerPanel';
import { searchCommand, searchPicks } from './commands/searchQuestions';
import { openExampleCommand } from './commands/openExample';
import { addSourceCommand, removeSourceCommand } from './commands/manageSources';
import { openSourceFileCommand } from './commands/openSourceFile';
import { Settings } from './constants';
import { TreeSearchFilter } from './commands/filterTree';
import { StudyStore } from './services/studyStore';
import { DueStatusBar } from './views/dueStatusBar';
import { REVIEW_PANEL_TYPE, ReviewPanel } from './views/reviewPanel';
import { ProgressPanel } from './views/progressPanel';
import { notesResourceRoots, renderAnswerBody } from './views/webviewSupport';
import { allQuestions, type Topic } from './core/notes/model';
import { exportProgressCommand, importProgressCommand, randomQuestionCommand, setStudyFilterCommand, toggleCommand } from './commands/studyCommands';

/** What activate() returns: a small surface the integration tests use to see what the user sees. */
export interface InterviewNotesApi {
  notes: NotesService;
  study: StudyStore;
  dueStatus: DueStatusBar;
  tree: TopicsTreeProvider;
  answers: AnswerPanel;
  review: ReviewPanel;
  progress: ProgressPanel;
  searchPicks: typeof searchPicks;
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<InterviewNotesApi> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Interview Notes', { log: true });
  const notes = new NotesService(context.extensionUri, log);
  const study = new StudyStore(context.globalState, log);
  const tree = new TopicsTreeProvider(notes, study);
  const answers = new AnswerPanel(context.extensionUri, notes, study, log);
  const view = vscode.window.createTreeView<TreeNode>(TOPICS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const open = (id: string) => answers.show(id);
  const treeFilter = new TreeSearchFilter(notes, tree, view);
  const dueStatus = new DueStatusBar(notes, study);
  const renderBody = (id: string, webview: vscode.Webview) => {
    const loaded = notes.get(id);
    return loaded ? renderAnswerBody(loaded, webview, notesResourceRoots(context.extensionUri, notes)) : '';
  };
  const review = new ReviewPanel(context.extensionUri, notes, study, renderBody, log);
  const progress = new ProgressPanel(context.extensionUri, notes, study, log);

  context.subscriptions.push(
    log,
    notes,
    study,
    dueStatus,
    review,
    progress,
    tree,
    answers,
    view,
    vscode.window.registerWebviewPanelSerializer(ANSWER_PANEL_TYPE, answers),
    vscode.window.registerWebviewPanelSerializer(REVIEW_PANEL_TYPE, review),
    vscode.commands.registerCommand(Commands.openQuestion, (id: unknown) => (typeof id === 'string' ? open(id) : false)),
    vscode.commands.registerCommand(Commands.search, (query?: unknown) => searchCommand(notes, open, () => study.state.recent, typeof query === 'string' ? query : '')),
    vscode.commands.registerCommand(Commands.openExample, (arg?: unknown, index?: unknown) => openExampleCommand(notes, arg, index)),
    vscode.commands.registerCommand(Commands.refresh, () => notes.load()),
    vscode.commands.registerCommand(Commands.nextQuestion, () => answers.step(1)),
    vscode.commands.registerCommand(Commands.previousQuestion, () => answers.step(-1)),
    vscode.commands.registerCommand(Commands.addSource, (replace?: unknown) => addSourceCommand(replace)),
    vscode.commands.registerCommand(Commands.removeSource, (arg?: unknown) => removeSourceCommand(notes, arg)),
    vscode.commands.registerCommand(Commands.openSourceFile, (arg?: unknown) => openSourceFileCommand(notes, answers.currentQuestionId, arg)),
    vscode.commands.registerCommand(Commands.showProblems, () => log.show()),
    treeFilter,
    vscode.commands.registerCommand(Commands.filterTree, (query?: unknown) => (typeof query === 'string' ? treeFilter.apply(query) : treeFilter.prompt())),
    vscode.commands.registerCommand(Commands.clearFilter, () => treeFilter.clear()),
    notes.onDidChange(() => treeFilter.current && treeFilter.apply(treeFilter.current)),
    vscode.commands.registerCommand(Commands.toggleMastered, (arg?: unknown) => toggleCommand(notes, study, 'mastered', arg, answers.currentQuestionId)),
    vscode.commands.registerCommand(Commands.toggleFavorite, (arg?: unknown) => toggleCommand(notes, study, 'favorite', arg, answers.currentQuestionId)),
    vscode.commands.registerCommand(Commands.randomQuestion, (arg?: unknown) => randomQuestionCommand(notes, study, open, arg)),
    vscode.commands.registerCommand(Commands.setStudyFilter, (arg?: unknown) => setStudyFilterCommand(study, tree, view, arg)),
    vscode.commands.registerCommand(Commands.startReview, (arg?: unknown) => review.start(topicQuestionIds(arg))),
    vscode.commands.registerCommand(Commands.showProgress, () => progress.show()),
    vscode.commands.registerCommand(Commands.exportProgress, () => exportProgressCommand(study)),
    vscode.commands.registerCommand(Commands.importProgress, (file?: unknown) => importProgressCommand(study, file)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const keys = [Settings.sources, Settings.showBundledNotes, Settings.maxFileSizeKB].map((k) => `${Settings.section}.${k}`);
      if (keys.some((k) => e.affectsConfiguration(k))) void notes.load();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void notes.load()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void notes.load()),
  );

  await notes.ready();
  if (notes.error) {
    view.message = vscode.l10n.t('The bundled notes could not be loaded: {0}', notes.error);
  }
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { notes, study, dueStatus, tree, answers, review, progress, searchPicks, activationMs };
}

/** A review started from a topic's context menu covers that topic only. */
function topicQuestionIds(arg: unknown): string[] | undefined {
  if (arg && typeof arg === 'object' && 'topic' in arg) return allQuestions([(arg as { topic: Topic }).topic]).map((q) => q.id);
  return undefined;
}

export function deactivate(): void {}
