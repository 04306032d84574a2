// File names for "My note" files: one Markdown file per question in the folder
// the user picked. Question keys are free text, so the name is made safe for
// Windows, macOS and Linux alike, and stays readable (Chinese kept).

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_STEM = 120;

/** A stable, filesystem-safe `.md` file name for a question key. */
export function myNoteFileName(questionKey: string): string {
  let stem = questionKey
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  // Leading dots, spaces and dashes, trailing dots and spaces: trimmed by index (no backtracking).
  let start = 0;
  let end = stem.length;
  while (start < end && '. -'.includes(stem[start])) start++;
  while (end > start && '. '.includes(stem[end - 1])) end--;
  stem = stem.slice(start, end);
  if (!stem) stem = 'note';
  if (RESERVED.test(stem.split('.')[0])) stem = `_${stem}`;
  // Long, mangled or mixed-case keys get a hash, so two keys never share a file
  // (not even on a case-insensitive disk).
  if (stem !== questionKey || /\p{Lu}/u.test(stem) || [...stem].length > MAX_STEM) {
    stem = `${[...stem].slice(0, MAX_STEM).join('')}-${hash(questionKey)}`;
  }
  return `${stem}.md`;
}

/** FNV-1a, 32 bits, hex: short and the same on every machine. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
