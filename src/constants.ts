// Ids declared once; test/unit/manifest.test.ts checks they match package.json.
export const VIEW_CONTAINER_ID = 'interviewNotes';
export const TOPICS_VIEW_ID = 'interviewNotes.topics';
export const ANSWER_PANEL_TYPE = 'interviewNotes.answer';

export const Commands = {
  search: 'interviewNotes.search',
  openQuestion: 'interviewNotes.openQuestion',
  openExample: 'interviewNotes.openExample',
  refresh: 'interviewNotes.refresh',
  nextQuestion: 'interviewNotes.nextQuestion',
  previousQuestion: 'interviewNotes.previousQuestion',
  addSource: 'interviewNotes.addSource',
  removeSource: 'interviewNotes.removeSource',
  openSourceFile: 'interviewNotes.openSourceFile',
  showProblems: 'interviewNotes.showProblems',
  filterTree: 'interviewNotes.filterTree',
  clearFilter: 'interviewNotes.clearFilter',
  toggleMastered: 'interviewNotes.toggleMastered',
  toggleFavorite: 'interviewNotes.toggleFavorite',
  randomQuestion: 'interviewNotes.randomQuestion',
  setStudyFilter: 'interviewNotes.setStudyFilter',
  startReview: 'interviewNotes.startReview',
  showProgress: 'interviewNotes.showProgress',
  exportProgress: 'interviewNotes.exportProgress',
  importProgress: 'interviewNotes.importProgress',
  startMockInterview: 'interviewNotes.startMockInterview',
  startOutputDrill: 'interviewNotes.startOutputDrill',
  showParseExplanation: 'interviewNotes.showParseExplanation',
  setInterviewDate: 'interviewNotes.setInterviewDate',
  exportAnki: 'interviewNotes.exportAnki',
  dailyQuestion: 'interviewNotes.dailyQuestion',
  reviewForgotten: 'interviewNotes.reviewForgotten',
  editMyNote: 'interviewNotes.editMyNote',
  exportPrintable: 'interviewNotes.exportPrintable',
} as const;

export const ContextKeys = {
  filterActive: 'interviewNotes.filterActive',
  studyFilterActive: 'interviewNotes.studyFilterActive',
} as const;

export const ContextValues = {
  source: 'source',
  sourceMissing: 'source.missing',
  topic: 'topic',
  question: 'question',
  questionWithExamples: 'question.withExamples',
} as const;

export const Settings = {
  section: 'interviewNotes',
  sources: 'sources',
  showBundledNotes: 'showBundledNotes',
  maxFileSizeKB: 'maxFileSizeKB',
  maxFiles: 'maxFiles',
  allowRemoteImages: 'allowRemoteImages',
  desiredRetention: 'desiredRetention',
  dailyQuestionOnStartup: 'dailyQuestionOnStartup',
  myNotesFolder: 'myNotesFolder',
  answerFontSize: 'answer.fontSize',
  answerFontFamily: 'answer.fontFamily',
  answerLineHeight: 'answer.lineHeight',
} as const;
