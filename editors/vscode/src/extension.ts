import * as readline from 'readline';
import type { Readable } from 'stream';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { installCommand, isFound, notFoundMessage, resolveServer } from './binary';
import { serverKeys, serverSettings } from './settings';
import { ProgressFeature, Status } from './status';
import { traceChannel } from './trace';

const section = 'asyncsense';
const releasesUrl = 'https://github.com/asyncsense/asyncsense/releases';

let output: vscode.LogOutputChannel;
let trace: vscode.LogOutputChannel & vscode.Disposable;
let status: Status;
let client: LanguageClient | undefined;
// Serializes start/stop so a restart clicked twice, or a settings change
// during startup, never leaves two servers running.
let queue: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel('asyncsense', { log: true });
  trace = traceChannel(output);
  status = new Status('asyncsense.showOutput');
  context.subscriptions.push(
    output,
    trace,
    status,
    vscode.commands.registerCommand('asyncsense.restart', () => enqueue(() => restart(context))),
    vscode.commands.registerCommand('asyncsense.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Everything else reaches the running server through
      // workspace/didChangeConfiguration; these change how it is launched.
      if (e.affectsConfiguration('asyncsense.server')) {
        enqueue(() => restart(context));
      }
    }),
  );
  enqueue(() => start(context));
}

export function deactivate(): Thenable<void> | undefined {
  return enqueue(stop);
}

function enqueue(job: () => Promise<void>): Promise<void> {
  queue = queue.then(job, job).catch((err) => {
    output.error(err instanceof Error ? err : String(err));
  });
  return queue;
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.info('restarting the language server');
  await stop();
  await start(context);
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.dispose(5000);
    } catch (err) {
      output.warn(`stopping the server: ${String(err)}`);
    }
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  status.setState({ kind: 'starting' });
  const cfg = vscode.workspace.getConfiguration(section);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const found = resolveServer(cfg.get<string>('server.path', ''), context.extensionPath, folder);
  if (!isFound(found)) {
    const message = notFoundMessage(found);
    output.error(message);
    status.setState({ kind: 'failed', detail: 'language server not found' });
    void offerInstall(message);
    return;
  }
  output.info(`using ${found.path} (from ${found.source})`);

  const serverOptions: ServerOptions = {
    command: found.path,
    // The client appends --stdio, which `asyncsense serve` accepts.
    args: ['serve', '--log-level', cfg.get<string>('server.logLevel', 'info')],
    transport: TransportKind.stdio,
    options: folder ? { cwd: folder } : undefined,
  };
  const clientOptions: LanguageClientOptions = {
    // Errors show in the status bar; the log opens from there.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    documentSelector: [
      { scheme: 'file', language: 'csharp' },
      // Without a C# extension or grammar, .cs files may have no
      // language id; the server decides by extension anyway.
      { scheme: 'file', pattern: '**/*.cs' },
    ],
    synchronize: { configurationSection: section },
    // The first analysis already uses the settings; later changes are
    // fetched by the server through workspace/configuration.
    initializationOptions: serverSettings(serverKeys(context.extension.packageJSON), (k) => cfg.get(k)),
    outputChannel: output,
    traceOutputChannel: trace,
    stdioOptions: { stdout: forwardLines, stderr: forwardStderr },
  };

  const c = new LanguageClient(section, 'asyncsense', serverOptions, clientOptions);
  c.registerFeature(new ProgressFeature(c, status));
  c.onDidChangeState((e) => {
    if (client !== c) {
      return;
    }
    if (e.newState === State.Running) {
      status.setState({ kind: 'running', detail: `running ${found.path}` });
    } else if (e.newState === State.Stopped) {
      status.setState({ kind: 'stopped', detail: 'the language server stopped' });
    } else {
      status.setState({ kind: 'starting' });
    }
  });
  client = c;
  try {
    await c.start();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    output.error(`the language server failed to start: ${detail}`);
    status.setState({ kind: 'failed', detail: `failed to start ${found.path}` });
    void vscode.window
      .showErrorMessage(`asyncsense: the language server failed to start: ${detail}`, 'Show Output')
      .then((choice) => choice && output.show(true));
  }
}

function lines(input: Readable, each: (line: string) => void): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', each);
}

function forwardLines(input: Readable, channel: vscode.LogOutputChannel): void {
  lines(input, (line) => channel.info(line));
}

// The server writes each log record to stderr and also sends it as
// window/logMessage, which the client already shows at its level. Its
// records (slog text: `time=... level=...`) are kept at debug so they are
// not shown twice, and not as errors; anything else on stderr, such as a
// panic, is an error.
function forwardStderr(input: Readable, channel: vscode.LogOutputChannel): void {
  lines(input, (line) => {
    if (/^time=\S+ level=[A-Z]+/.test(line)) {
      channel.debug(line);
    } else {
      channel.error(line);
    }
  });
}

async function offerInstall(message: string): Promise<void> {
  const install = 'Install with Go';
  const download = 'Download';
  const settings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(message, install, download, settings);
  if (choice === install) {
    const terminal = vscode.window.createTerminal('asyncsense install');
    terminal.show();
    terminal.sendText(installCommand);
    const restartNow = 'Restart Server';
    const after = await vscode.window.showInformationMessage(
      'asyncsense: when "go install" has finished, restart the language server.',
      restartNow,
    );
    if (after === restartNow) {
      await vscode.commands.executeCommand('asyncsense.restart');
    }
  } else if (choice === download) {
    await vscode.env.openExternal(vscode.Uri.parse(releasesUrl));
  } else if (choice === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'asyncsense.server.path');
  }
}
