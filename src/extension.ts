import * as vscode from 'vscode';
import { Settings, TOPICS_VIEW_ID } from './constants';
import { TreeSearchFilter } from './commands/filterTree';
import { registerCommands } from './commands/registerCommands';
import { searchPicks } from './commands/searchQuestions';
import { BUNDLED_FILE_SCHEME } from './services/bundledNotes';
import { MyNotes } from './services/myNotes';
import { NotesService } from './services/notesService';
import { StudyStore } from './services/studyStore';
import { AnswerPanel } from './views/answerPanel';
import { DueStatusBar } from './views/dueStatusBar';
import { MockInterviewPanel } from './views/mockInterviewPanel';
import { OutputDrillPanel } from './views/outputDrillPanel';
import { ProgressPanel } from './views/progressPanel';
import { ReviewPanel } from './views/reviewPanel';
import { TopicsTreeProvider, type TreeNode } from './views/topicsTree';
import { notesResourceRoots, renderAnswerBody } from './views/webviewSupport';
import { DailyQuestionStatusBar } from './views/dailyQuestionStatusBar';
import { planQuestionsOf } from './services/planQuestions';

/** What activate() returns in test mode: a small surface the integration tests use to see what the user sees. */
export interface InterviewNotesApi {
  notes: NotesService;
  study: StudyStore;
  dueStatus: DueStatusBar;
  daily: DailyQuestionStatusBar;
  tree: TopicsTreeProvider;
  answers: AnswerPanel;
  review: ReviewPanel;
  progress: ProgressPanel;
  interview: MockInterviewPanel;
  drill: OutputDrillPanel;
  myNotes: MyNotes;
  searchPicks: typeof searchPicks;
  /** Where study progress is stored, so a test can play a second window writing to it. */
  globalState: vscode.Memento;
  /** The extension's log folder: the output channel is written there, so a test can read what the user sees in it. */
  logUri: vscode.Uri;
  activationMs: number;
}

/** Set by scripts/run-integration-tests.mjs, for hosts that do not report the test mode. */
const TEST_API_ENV = 'INTERVIEW_NOTES_TEST_API';

export async function activate(context: vscode.ExtensionContext): Promise<InterviewNotesApi | undefined> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Interview Notes', { log: true });
  const notes = new NotesService(context.extensionUri, log);
  const study = new StudyStore(context.globalState, log);
  const tree = new TopicsTreeProvider(notes, study);
  const view = vscode.window.createTreeView<TreeNode>(TOPICS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const treeFilter = new TreeSearchFilter(notes, tree, view, study);
  study.usePlanQuestions(planQuestionsOf(notes, context.subscriptions));
  const answers = new AnswerPanel(context.extensionUri, notes, study, log);
  const daily = new DailyQuestionStatusBar(notes, study, context.globalState);
  const renderBody = (id: string, webview: vscode.Webview) => {
    const loaded = notes.get(id);
    return loaded ? renderAnswerBody(loaded, webview, notesResourceRoots(context.extensionUri, notes)) : '';
  };
  const myNotes = new MyNotes(notes, log);
  answers.useMyNotes(myNotes);
  // The reader's own note is part of what finds a question.
  notes.addSearchText((id) => myNotes.get(id));
  const review = new ReviewPanel(context.extensionUri, notes, study, renderBody, log);
  const dueStatus = new DueStatusBar(notes, study, () => review.todayQueue().queue);
  const progress = new ProgressPanel(context.extensionUri, notes, study, log);
  const interview = new MockInterviewPanel(context.extensionUri, notes, study, log);
  const drill = new OutputDrillPanel(context.extensionUri, notes, study, log);

  context.subscriptions.push(
    log,
    notes,
    study,
    tree,
    view,
    treeFilter,
    dueStatus,
    answers,
    daily,
    review,
    progress,
    interview,
    drill,
    myNotes,
    myNotes.onDidChange(() => notes.invalidateSearch()),
    vscode.workspace.registerTextDocumentContentProvider(BUNDLED_FILE_SCHEME, {
      provideTextDocumentContent: (uri) => notes.bundledNotes()?.fileText(uri.path.slice(1)),
    }),
    ...registerCommands({ notes, study, tree, view, treeFilter, answers, review, progress, interview, drill, daily, myNotes, log }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const keys = [Settings.sources, Settings.showBundledNotes, Settings.maxFileSizeKB, Settings.maxFiles].map((k) => `${Settings.section}.${k}`);
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
  void daily.offerOnStartup();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test || process.env[TEST_API_ENV] === '1';
  return testMode ? { notes, study, dueStatus, daily, tree, answers, review, progress, interview, drill, myNotes, searchPicks, globalState: context.globalState, logUri: context.logUri, activationMs } : undefined;
}

export function deactivate(): void {}
