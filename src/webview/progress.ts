// Runs inside the progress webview: its buttons ask the extension to run one of a few commands.

// A module, so its names do not clash with the other webview scripts'.
export {};

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
vscode.postMessage({ type: 'ready' });

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action="run"]') : null;
  if (!button?.dataset.command) return;
  event.preventDefault();
  vscode.postMessage({ type: 'run', command: button.dataset.command });
});
