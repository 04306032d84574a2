import type { ReadingNote, SkippedRegion } from './extractQuestions';

// "How this file was read" as Markdown: one row per region of the file (a
// question, a group, an intro, a skipped part) and per heading or line folded
// into an answer, with the reason. The CLI prints it; the editor shows it.

export interface ReadingLabels {
  title: string;
  lines: string;
  text: string;
  became: string;
  why: string;
  skippedSummary: string;
}

export const ENGLISH_READING_LABELS: ReadingLabels = {
  title: 'How this file was read',
  lines: 'Lines',
  text: 'Text',
  became: 'Became',
  why: 'Why',
  skippedSummary: 'Skipped lines',
};

export function formatReading(file: string, reading: readonly ReadingNote[], skipped: readonly SkippedRegion[], labels: ReadingLabels = ENGLISH_READING_LABELS): string {
  const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/[\r\n]+/g, ' ');
  const rows = reading.map((r) => {
    const lines = r.lines[0] === r.lines[1] ? `${r.lines[0]}` : `${r.lines[0]}–${r.lines[1]}`;
    const became = r.title && r.became !== 'skipped' ? `${r.became}: **${cell(r.title)}**` : r.became;
    return `| ${lines} | ${cell(r.text)} | ${became} | ${cell(r.why)} |`;
  });
  const skippedCount = skipped.reduce((n, s) => n + s.lines[1] - s.lines[0] + 1, 0);
  return [
    `# ${labels.title}: ${cell(file)}`,
    '',
    `| ${labels.lines} | ${labels.text} | ${labels.became} | ${labels.why} |`,
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `${labels.skippedSummary}: ${skippedCount}`,
    '',
  ].join('\n');
}
