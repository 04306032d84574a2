// Line-by-line comparison of what the user predicted an example prints with what it prints.
// Trailing whitespace on each line, trailing blank lines and CRLF line ends are ignored, as the
// notes check ignores them when it verifies the shown output.

export type LineStatus = 'match' | 'differs' | 'missing' | 'extra';

export interface ComparedLine {
  /** 1-based line number. */
  n: number;
  expected?: string;
  actual?: string;
  status: LineStatus;
}

export interface OutputComparison {
  lines: ComparedLine[];
  /** Lines that match. */
  matched: number;
  /** Lines of the real output. */
  total: number;
  allMatch: boolean;
}

export function outputLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function compareOutput(expected: string, actual: string): OutputComparison {
  const want = outputLines(expected);
  const got = outputLines(actual);
  const lines: ComparedLine[] = [];
  let matched = 0;
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const e = want[i];
    const a = got[i];
    let status: LineStatus;
    if (e === undefined) status = 'extra';
    else if (a === undefined) status = 'missing';
    else status = e === a ? 'match' : 'differs';
    if (status === 'match') matched++;
    const line: ComparedLine = { n: i + 1, status };
    if (e !== undefined) line.expected = e;
    if (a !== undefined) line.actual = a;
    lines.push(line);
  }
  return { lines, matched, total: want.length, allMatch: matched === want.length && got.length === want.length };
}
