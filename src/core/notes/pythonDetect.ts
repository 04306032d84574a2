// Guesses whether an unlabelled code block (a fence without language, or an
// indented block) is Python. Real-world notes often leave fences bare; we only
// want to call them Python when the evidence is clear, so signals add up to a
// score and other languages, shell sessions, data and output subtract.

interface Signal {
  re: RegExp;
  score: number;
}

const THRESHOLD = 3;

// Every pattern runs in linear time on any input (test/unit/regexLinearity.test.ts):
// `[ \t]` rather than `\s` where a pattern must stay on one line (`^\s*` at
// every line start over blank lines is quadratic), no two adjacent quantifiers
// that can match the same characters, and bounded scans where a pattern looks
// ahead for a later word.
const SIGNALS: readonly Signal[] = [
  { re: /^#!.*python/m, score: 5 },
  { re: /^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(.*:[ \t]*(?:#.*)?$/m, score: 4 },
  { re: /^[ \t]*class[ \t]+\w+[ \t]*(?:\([^)\n]*\)[ \t]*)?:[ \t]*(?:#.*)?$/m, score: 4 },
  { re: /^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+[\w*(]/m, score: 4 },
  { re: /^[ \t]*import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*[ \t]*$/m, score: 3 },
  { re: /^>>>(?:\s|$)/m, score: 6 },
  { re: /__name__[ \t]*==[ \t]*['"]__main__['"]/, score: 4 },
  { re: /^[ \t]*elif[ \t].*:[ \t]*$/m, score: 4 },
  { re: /^[ \t]*(?:(?:try|finally|else)[ \t]*|except\b[^:\n]*):[ \t]*(?:#.*)?$/m, score: 3 },
  { re: /\bself\.\w+/, score: 2 },
  { re: /\bprint\(/, score: 2 },
  { re: /\bf(?:"[^"\n{]*\{[^}\n"]*\}[^"\n]*"|'[^'\n{]*\{[^}\n']*\}[^'\n]*')/, score: 3 },
  { re: /\blambda\b[\w \t,*=]{0,80}:/, score: 3 },
  { re: /[[({][^\]\n]{0,80}?\bfor[ \t]+\w+(?:[ \t]*,[ \t]*\w+)*[ \t]+in[ \t]+[^\]\n]{1,200}?[\])}]/, score: 3 },
  { re: /^[ \t]*@[\w.]+(?:\(.*\))?[ \t]*$/m, score: 1 },
  { re: /\b(?:None|True|False)\b/, score: 1 },
  { re: /\b(?:is not|not in|is None)\b/, score: 1 },
  { re: /\b(?:len|range|enumerate|zip|isinstance|super|dict|list|tuple|set|sorted|open)\(/, score: 1 },
  { re: /^[ \t]*[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*[ \t]*=[ \t]*[^=;\s][^;\n]*$/m, score: 1 },
  { re: /^[ \t]*(?:function\b|const[ \t]|let[ \t]|var[ \t])|=>[ \t]*\{|console\.\w+\(/m, score: -5 },
  { re: /^[ \t]*#[ \t]*(?:include|define|pragma|ifndef|endif)\b/m, score: -6 },
  { re: /\b(?:public|private|static)[ \t]+(?:static[ \t]+)?(?:void|int|class|String)\b/, score: -5 },
  { re: /^#!\/(?:usr\/)?bin\/(?:env[ \t]+)?(?:ba|z)?sh\b/m, score: -6 },
  { re: /^[ \t]*\$[ \t]/m, score: -4 },
  {
    re: /^[ \t]*(?:sudo|apt(?:-get)?|yum|brew|pip3?|npm|yarn|cd|ls|echo|export|git|docker|curl|wget|mkdir|rm|cp|mv|chmod|systemctl|python3?)[ \t]+(?![=([.])/m,
    score: -4,
  },
  {
    re: /^[ \t]*(?:SELECT\s[\s\S]{0,500}?\sFROM\s|INSERT[ \t]+INTO\s|UPDATE[ \t]+\w+[ \t]+SET\s|DELETE[ \t]+FROM\s|CREATE[ \t]+(?:TABLE|INDEX|DATABASE)\s|ALTER[ \t]+TABLE\s|DROP[ \t]+TABLE\s)/im,
    score: -6,
  },
  { re: /^[ \t]*File "[^"\n]*", line \d+/m, score: -3 },
];

const BLOCK_HEADER = /^[ \t]*(?:(?:async[ \t]+)?(?:def|for|with)|if|elif|else|while|try|except|finally|class|match|case)\b[^{;\n]*:[ \t]*(?:#.*)?$/;

export function looksLikePython(code: string): boolean {
  const text = code.replace(/\r\n?/g, '\n');
  const trimmed = text.trim();
  if (!trimmed || isJson(trimmed) || /^Traceback \(most recent call last\):/.test(trimmed)) return false;
  const score = SIGNALS.reduce((sum, s) => sum + (s.re.test(text) ? s.score : 0), 0);
  return score + indentedBlockScore(text) - semicolonPenalty(text) >= THRESHOLD;
}

function isJson(text: string): boolean {
  if (!/^[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A `:`-ended block header followed by a more indented line is Python's shape. */
function indentedBlockScore(text: string): number {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const indent = (l: string): number => /^[ \t]*/.exec(l)?.[0].length ?? 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (BLOCK_HEADER.test(lines[i]) && indent(lines[i + 1]) > indent(lines[i])) return 3;
  }
  return 0;
}

/** Statements ending in `;`, or blocks opened by `) {` / `else {`, belong to C-like languages; `= {` may be a dict. */
function semicolonPenalty(text: string): number {
  const count = text.split('\n').filter((l) => /(?:;|[\w)][ \t]*\{)[ \t]*$/.test(l) && !/^\s*#/.test(l)).length;
  return Math.min(count, 3) * 2;
}

/**
 * Python 2 only syntax: print statements, `except E, e:`, backticks, `<>`,
 * `exec "…"`, `print >>f`. Checked line by line outside comments and strings'
 * obvious cases; each pattern is anchored so it runs in linear time.
 */
const PY2_LINES: readonly RegExp[] = [
  /^[ \t]*print[ \t]+(?:["'\w(][^=(]*|>>)/,
  /^[ \t]*except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:/,
  /^[ \t]*exec[ \t]+["'\w]/,
  /^[ \t]*raise[ \t]+\w+[ \t]*,[ \t]*["'\w]/,
];
const PY2_ANYWHERE: readonly RegExp[] = [/\b(?:raw_input|xrange|unicode|basestring)\(|\.has_key\(|\biteritems\(\)|\bur["']/];

export function looksLikePython2(code: string): boolean {
  for (const raw of code.split('\n')) {
    const line = raw.startsWith('>>> ') ? raw.slice(4) : raw;
    if (/^[ \t]*#/.test(line)) continue;
    if (PY2_LINES.some((re) => re.test(line)) && !/^[ \t]*print[ \t]+\([^)]*\)[ \t]*(?:#.*)?$/.test(line)) return true;
    if (/`[^`\n]{1,80}`/.test(line) && !/["']/.test(line)) return true;
    if (/\w[ \t]*<>[ \t]*\w/.test(line)) return true;
    if (PY2_ANYWHERE.some((re) => re.test(line))) return true;
  }
  return false;
}
