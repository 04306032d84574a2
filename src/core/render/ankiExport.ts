// Anki export: a tab-separated text file Anki imports as Basic notes (File › Import).
//
// Anki's text import: the `#key:value` header lines set the separator, that fields hold HTML and
// which column has the tags; a field containing the separator, a line break or a double quote is
// wrapped in double quotes with inner quotes doubled (as in CSV). Tags are separated by spaces, so
// spaces inside a tag become "_"; "::" makes a hierarchical tag.

import { renderAnswer } from './renderAnswer';
import { escapeHtml } from './webviewDocument';

export interface AnkiNote {
  /** Plain text of the question; escaped here, since the file is read as HTML. */
  front: string;
  /** The answer as HTML. */
  back: string;
  tags: readonly string[];
}

/** One field as Anki's importer reads it back unchanged. */
export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A tag Anki keeps as one tag: no spaces, no empty parts. */
export function ankiTag(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, '_')
    .replace(/"/g, '');
}

/** The whole file: header lines, then front, back and tags per note. */
export function ankiNotesFile(notes: readonly AnkiNote[]): string {
  const header = ['#separator:tab', '#html:true', '#tags column:3'];
  const rows = notes.map((n) => {
    const tags = [...new Set(n.tags.map(ankiTag).filter(Boolean))].join(' ');
    return [ankiField(escapeHtml(n.front)), ankiField(n.back), ankiField(tags)].join('\t');
  });
  return `${[...header, ...rows].join('\n')}\n`;
}

/**
 * The answer rendered by the same renderer as the answer view, without the example buttons
 * (they only work inside the editor). Local images cannot travel with the text, so they are
 * shown as their alt text; remote images stay only when the user allows them in the editor.
 */
export function ankiAnswerHtml(markdown: string, options: { allowHtml: boolean; allowRemoteImages: boolean }): string {
  const html = renderAnswer(markdown, { labels: { openScratch: '', copy: '', output: 'Output' }, ...options });
  return html.replace(/<div class="code-toolbar" role="toolbar">(?:<button [^>]*><\/button>)*<\/div>/g, '').trim();
}
