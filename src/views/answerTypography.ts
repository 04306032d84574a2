import * as vscode from 'vscode';
import { Settings } from '../constants';
import type { Typography } from '../core/render/answerPage';

/** A setting's value only where the user set it (any scope), so defaults don't override our CJK-friendly ones. */
function userValue<T>(section: string, key: string): T | undefined {
  const i = vscode.workspace.getConfiguration(section).inspect<T>(key);
  const v = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  return v === null ? undefined : v;
}

/** Our `interviewNotes.answer.*` settings over the Markdown preview's. */
export function readTypography(): Typography {
  const pick = <T>(ours: string, preview: string) => userValue<T>(Settings.section, ours) ?? userValue<T>('markdown.preview', preview);
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  return {
    fontSize: num(pick<number>(Settings.answerFontSize, 'fontSize')),
    fontFamily: str(pick<string>(Settings.answerFontFamily, 'fontFamily')),
    lineHeight: num(pick<number>(Settings.answerLineHeight, 'lineHeight')),
  };
}

export function affectsTypography(e: vscode.ConfigurationChangeEvent): boolean {
  return ['markdown.preview.fontSize', 'markdown.preview.fontFamily', 'markdown.preview.lineHeight', `${Settings.section}.answer`].some((k) => e.affectsConfiguration(k));
}
