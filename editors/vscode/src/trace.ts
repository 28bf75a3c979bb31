// vscode-languageclient 10+ traces only while the trace channel's log level
// is Trace, a level users set through "Developer: Set Log Level", and reads
// `asyncsense.trace.server` just for the verbosity. TraceChannel makes the
// setting alone enough, as it was before: while it is not "off" the channel
// claims level Trace and writes the trace lines at info level, which the
// default log level shows.
import * as vscode from 'vscode';

const setting = 'asyncsense.trace.server';

function tracing(): boolean {
  return vscode.workspace.getConfiguration().get<string>(setting, 'off') !== 'off';
}

export function traceChannel(base: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  const level = () => (tracing() ? vscode.LogLevel.Trace : base.logLevel);
  const subs = [
    base.onDidChangeLogLevel(() => changed.fire(level())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(setting)) {
        changed.fire(level());
      }
    }),
  ];
  return {
    get name() {
      return base.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace(message: string, ...args: unknown[]) {
      if (tracing()) {
        base.info(message, ...args);
      } else {
        base.trace(message, ...args);
      }
    },
    debug: (message: string, ...args: unknown[]) => base.debug(message, ...args),
    info: (message: string, ...args: unknown[]) => base.info(message, ...args),
    warn: (message: string, ...args: unknown[]) => base.warn(message, ...args),
    error: (error: string | Error, ...args: unknown[]) => base.error(error, ...args),
    append: (value: string) => base.append(value),
    appendLine: (value: string) => base.appendLine(value),
    replace: (value: string) => base.replace(value),
    clear: () => base.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? base.show(a) : base.show(b)),
    hide: () => base.hide(),
    // The base channel belongs to the extension, not to one client.
    dispose: () => {
      subs.forEach((s) => s.dispose());
      changed.dispose();
    },
  };
}
