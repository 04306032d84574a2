// Runs inside the progress webview: its buttons ask the extension to run one of a few commands.

import type { ProgressCommand, ProgressMessage } from '../core/protocol/reviewMessages';
import { vscodeApi } from './vscodeApi';

const vscode = vscodeApi<ProgressMessage>();
vscode.postMessage({ type: 'ready' });

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLElement>('a[data-question]') : null;
  if (link?.dataset.question) {
    event.preventDefault();
    vscode.postMessage({ type: 'openQuestion', id: link.dataset.question });
    return;
  }
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action="run"]') : null;
  if (!button?.dataset.command) return;
  event.preventDefault();
  // The host accepts only its known commands; the page passes on what its button says.
  vscode.postMessage({ type: 'run', command: button.dataset.command as ProgressCommand });
});
