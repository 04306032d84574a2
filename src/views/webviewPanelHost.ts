import * as vscode from 'vscode';
import { Disposable, disposeAll } from '../util/disposable';

/** What a page builder needs from the panel to make one HTML document (see core/render/webviewDocument.ts). */
export interface PageContext {
  /** A fresh nonce for this document's CSP. */
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  /** VS Code's display language, for <html lang>. */
  lang: string;
  /** Webview URI of a file under the extension's `media/`. */
  media(file: string): string;
  /** Webview URI of a bundled webview script under `dist/`. */
  script(file: string): string;
  webview: vscode.Webview;
}

export interface PanelHostConfig<FromWebview> {
  viewType: string;
  /** Used in log lines: "ignored an invalid message from the <name> view". */
  name: string;
  /** Checks an untrusted message from the webview; undefined rejects it. */
  parseMessage(raw: unknown): FromWebview | undefined;
  /** Only for pages that cannot rebuild their state cheaply; costs memory while hidden. */
  retainContextWhenHidden?: boolean;
}

/** A short, printable form of an untrusted message for the log. */
export function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v).slice(0, 200);
  } catch {
    return String(v);
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^a-zA-Z0-9]/g, '');
}

/**
 * The plumbing every webview panel shares: one reused panel (created or revealed), its
 * options and resource roots, the CSP page setup, validated messages (invalid ones are
 * logged and dropped), restore after a window reload, and disposal.
 *
 * `ToWebview` is what the host posts, `FromWebview` what the webview may send
 * (both declared in core/protocol/).
 */
export abstract class WebviewPanelHost<ToWebview, FromWebview> extends Disposable {
  private current: vscode.WebviewPanel | undefined;
  /** The resource roots the current panel was given last. */
  private rootsKey: string | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];

  protected constructor(
    protected readonly extensionUri: vscode.Uri,
    protected readonly log: vscode.LogOutputChannel,
    private readonly config: PanelHostConfig<FromWebview>,
  ) {
    super();
    this._register(
      vscode.window.registerWebviewPanelSerializer(config.viewType, {
        deserializeWebviewPanel: (panel, state) => this.restorePanel(panel, state),
      }),
    );
    this._register({ dispose: () => this.closePanel() });
  }

  /** Folders the webview may load from; asked again on every page, since notes folders change. */
  protected abstract resourceRoots(): vscode.Uri[];

  /** Acts on a message that passed `parseMessage`. */
  protected abstract onMessage(message: FromWebview): unknown;

  /** Fills a panel restored after a window reload (it is already attached); `state` is the webview's own, untrusted. */
  protected abstract restore(state: unknown): Promise<void>;

  /** Called after the panel closed (by the user or `closePanel`). */
  protected onDidClose(): void {}

  /** Called when the panel becomes visible again. */
  protected onDidBecomeVisible(): void {}

  /** The panel, while it is open. */
  protected get panel(): vscode.WebviewPanel | undefined {
    return this.current;
  }

  /** The HTML the panel shows now, so integration tests can assert what a user sees. */
  get html(): string | undefined {
    return this.current?.webview.html;
  }

  /** Reveals the panel, creating it first if needed; true when it was created. */
  protected openPanel(title: string, reveal = true): boolean {
    if (this.current) {
      // Already in front: revealing again costs the window a focus and layout pass, and moves focus off the tree.
      if (reveal && !this.current.active) this.current.reveal(undefined, false);
      return false;
    }
    const panel = vscode.window.createWebviewPanel(this.config.viewType, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, this.webviewOptions());
    this.attach(panel);
    return true;
  }

  protected closePanel(): void {
    this.current?.dispose();
  }

  /** Replaces the page; `build` gets a fresh nonce and the URIs of the extension's assets. */
  protected setPage(title: string, build: (page: PageContext) => string): void {
    const panel = this.current;
    if (!panel) return;
    const webview = panel.webview;
    const roots = this.resourceRoots();
    // Setting options is a round trip to the window: only when the folders changed.
    const key = roots.map((r) => r.toString()).join('\n');
    if (key !== this.rootsKey) {
      webview.options = { ...webview.options, localResourceRoots: roots };
      this.rootsKey = key;
    }
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    panel.title = title;
    webview.html = build({
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      lang: vscode.env.language,
      media: (file) => asset('media', file),
      script: (file) => asset('dist', file),
      webview,
    });
  }

  /** Posts a typed message to the page; false when no panel is open or the page is gone. */
  protected postMessage(message: ToWebview): Thenable<boolean> {
    return this.current ? this.current.webview.postMessage(message) : Promise.resolve(false);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: this.config.retainContextWhenHidden ?? false,
      localResourceRoots: this.resourceRoots(),
    };
  }

  private async restorePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.isDisposed) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    // Only one panel of a kind: a second restored one replaces the first.
    this.closePanel();
    this.attach(panel);
    await this.restore(state);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.current = panel;
    this.rootsKey = (panel.webview.options.localResourceRoots ?? []).map((r) => r.toString()).join('\n');
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activitybar.svg');
    let visible = panel.visible;
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(panel, raw)),
      panel.onDidChangeViewState((e) => {
        // Only a page coming back from hidden: another editor taking the focus leaves the page as it is.
        if (e.webviewPanel.visible && !visible) this.onDidBecomeVisible();
        visible = e.webviewPanel.visible;
      }),
      panel.onDidDispose(() => this.detach(panel)),
    ];
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.current !== panel) return;
    this.current = undefined;
    const subscriptions = this.panelSubscriptions;
    this.panelSubscriptions = [];
    disposeAll(subscriptions);
    this.onDidClose();
  }

  private async receive(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    if (panel !== this.current) return;
    const message = this.config.parseMessage(raw);
    if (message === undefined) {
      this.log.warn(`ignored an invalid message from the ${this.config.name} view: ${safeJson(raw)}`);
      return;
    }
    try {
      await this.onMessage(message);
    } catch (err) {
      this.log.error(`the ${this.config.name} view's ${safeJson(raw)} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
