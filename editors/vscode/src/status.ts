// The status bar item: server state, and indexing progress while it runs.
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  ClientCapabilities,
  Disposable,
  FeatureState,
  ProgressToken,
  StaticFeature,
  WorkDoneProgress,
  WorkDoneProgressBegin,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressReport,
} from 'vscode-languageclient/node';

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running'; detail: string }
  | { kind: 'stopped'; detail: string }
  | { kind: 'failed'; detail: string };

interface Job {
  title: string;
  message?: string;
  percentage?: number;
}

export class Status implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: ServerState = { kind: 'starting' };
  // Keyed by progress token; the newest job is the one shown.
  private readonly jobs = new Map<ProgressToken, Job>();

  constructor(showOutputCommand: string) {
    this.item = vscode.window.createStatusBarItem('asyncsense.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'asyncsense';
    this.item.command = showOutputCommand;
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    this.state = state;
    if (state.kind !== 'running') {
      this.jobs.clear();
    }
    this.render();
  }

  begin(token: ProgressToken, v: WorkDoneProgressBegin): void {
    // The server's titles name it ("asyncsense: indexing"); the item already does.
    const title = v.title.replace(/^asyncsense:\s*/i, '');
    this.jobs.set(token, { title, message: v.message, percentage: v.percentage });
    this.render();
  }

  report(token: ProgressToken, v: WorkDoneProgressReport): void {
    const job = this.jobs.get(token);
    if (!job) {
      return;
    }
    job.message = v.message ?? job.message;
    job.percentage = v.percentage ?? job.percentage;
    this.render();
  }

  end(token: ProgressToken): void {
    this.jobs.delete(token);
    this.render();
  }

  private render(): void {
    const item = this.item;
    item.backgroundColor = undefined;
    const jobs = [...this.jobs.values()];
    const job = jobs[jobs.length - 1];
    if (this.state.kind === 'running' && job) {
      const pct = job.percentage !== undefined ? ` ${job.percentage}%` : '';
      item.text = `$(sync~spin) asyncsense: ${job.title}${pct}`;
      item.tooltip = [job.title, job.message].filter(Boolean).join(': ');
      item.accessibilityInformation = { label: `asyncsense ${job.title}${pct}` };
      return;
    }
    item.accessibilityInformation = undefined;
    switch (this.state.kind) {
      case 'starting':
        item.text = '$(sync~spin) asyncsense';
        item.tooltip = 'asyncsense: starting the language server';
        break;
      case 'running':
        item.text = '$(check) asyncsense';
        item.tooltip = `asyncsense: ${this.state.detail}\nClick to show the log.`;
        break;
      case 'stopped':
        item.text = '$(circle-slash) asyncsense';
        item.tooltip = `asyncsense: ${this.state.detail}\nRun "asyncsense: Restart Server" to start it again.`;
        break;
      case 'failed':
        item.text = '$(error) asyncsense';
        item.tooltip = `asyncsense: ${this.state.detail}\nClick to show the log.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

// ProgressFeature routes the server's work-done progress (indexing) to the
// status bar. It takes over window/workDoneProgress/create from the
// client's built-in feature, which would show a second indicator: features
// initialize in registration order, so the later handler wins, and it is
// installed before the client sends `initialized`, i.e. before the server can
// start indexing.
export class ProgressFeature implements StaticFeature {
  private readonly subscriptions = new Map<ProgressToken, Disposable>();

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly status: Status,
  ) {}

  fillClientCapabilities(caps: ClientCapabilities): void {
    caps.window = caps.window ?? {};
    caps.window.workDoneProgress = true;
  }

  initialize(): void {
    this.client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.subscriptions.get(token)?.dispose();
      const sub = this.client.onProgress(WorkDoneProgress.type, token, (value) => {
        switch (value.kind) {
          case 'begin':
            this.status.begin(token, value);
            break;
          case 'report':
            this.status.report(token, value);
            break;
          case 'end':
            this.status.end(token);
            this.subscriptions.get(token)?.dispose();
            this.subscriptions.delete(token);
            break;
        }
      });
      this.subscriptions.set(token, sub);
    });
  }

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {
    for (const [token, sub] of this.subscriptions) {
      sub.dispose();
      this.status.end(token);
    }
    this.subscriptions.clear();
  }
}
