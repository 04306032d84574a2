// The one place webview HTML documents are assembled: every page gets the same
// strict CSP (no inline script or style, one nonce'd script) and escaping.

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DocumentParts {
  lang: string;
  title: string;
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** Remote images are allowed only when the user turned them on. */
  allowRemoteImages: boolean;
  styleUris: readonly string[];
  scriptUri: string;
  /** Extra attributes for <body>, already escaped, e.g. ` data-state="question"`. */
  bodyAttributes: string;
  /** Trusted HTML built by the caller (its untrusted parts escaped or sanitised). */
  body: string;
  /** CSS built by the caller from checked values; allowed by the nonce, never 'unsafe-inline'. */
  inlineStyle?: string;
}

export function contentSecurityPolicy(p: Pick<DocumentParts, 'cspSource' | 'nonce' | 'allowRemoteImages' | 'inlineStyle'>): string {
  const img = p.allowRemoteImages ? `${p.cspSource} https: data:` : `${p.cspSource} data:`;
  const style = p.inlineStyle ? `style-src ${p.cspSource} 'nonce-${p.nonce}'` : `style-src ${p.cspSource}`;
  return [`default-src 'none'`, `img-src ${img}`, style, `script-src 'nonce-${p.nonce}'`].join('; ');
}

export function webviewDocument(p: DocumentParts): string {
  const styles = p.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(p)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}${p.inlineStyle ? `\n<style nonce="${escapeHtml(p.nonce)}">${p.inlineStyle.replace(/</g, '')}</style>` : ''}
<title>${escapeHtml(p.title)}</title>
</head>
<body${p.bodyAttributes}>
${p.body}
<script nonce="${escapeHtml(p.nonce)}" src="${escapeHtml(p.scriptUri)}"></script>
</body>
</html>`;
}
