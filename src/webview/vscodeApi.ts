// The webview side of a page's protocol: posts only the messages its page may send.

interface VsCodeApi<Message, State> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi(): VsCodeApi<unknown, unknown>;

/** VS Code's webview API typed with the page's message and state types; call once per page. */
export function vscodeApi<Message, State = never>(): VsCodeApi<Message, State> {
  return acquireVsCodeApi() as VsCodeApi<Message, State>;
}
