// The settings this extension contributes are the ones the server reads:
// each key the extension sends (src/settings.ts) goes, with a non-default
// value valid by the contributed schema, to the real `asyncsense serve`,
// which must accept it (no "ignored" warning) and act on it.
import assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { serverKeys, serverSettings } from '../src/settings';

const ext = path.resolve(__dirname, '..', '..');
const repo = path.resolve(ext, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
const props: Record<string, { type: string; default: unknown; enum?: string[] }> =
  manifest.contributes.configuration.properties;

let tmp: string;
let bin: string;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'asyncsense-settings-'));
  bin = process.env.ASYNCSENSE_BIN ?? path.join(tmp, 'asyncsense');
  if (!process.env.ASYNCSENSE_BIN) {
    execFileSync('go', ['build', '-o', bin, './cmd/asyncsense'], { cwd: repo, stdio: 'inherit' });
  }
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A value other than the default, valid by the contributed schema.
function otherValue(key: string): unknown {
  const p = props[key];
  if (p.enum) {
    return p.enum.filter((v) => v !== p.default && v !== 'default').pop();
  }
  switch (p.type) {
    case 'integer':
      return (p.default as number) + 70;
    case 'object':
      return { ASY001: 'error', 'async-void': 'none' };
    case 'string':
      return 'https://docs.example/rules/{id}';
  }
  throw new Error(`no test value for ${key} (${p.type})`);
}

const keys = serverKeys(manifest);

function payload(): Record<string, unknown> {
  return serverSettings(keys, (k) => otherValue(`asyncsense.${k}`));
}

interface Session {
  proc: ChildProcess;
  conn: MessageConnection;
  stderr: () => string;
}

function startServer(): Session {
  const proc = spawn(bin, ['serve', '--stdio', '--cache-dir', 'off', '--log-level', 'debug'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.listen();
  return { proc, conn, stderr: () => err };
}

test('package.json contributes the settings the server knows', () => {
  assert.deepEqual([...keys].sort(), ['configureAwait', 'debounce', 'diagnostics.scope', 'docsUrl', 'severity']);
  for (const key of Object.keys(props)) {
    assert.ok((props[key] as any).markdownDescription || (props[key] as any).description, `${key} has no description`);
  }
});

test('the server accepts and applies every contributed setting', async () => {
  const ws = path.join(tmp, 'ws');
  fs.mkdirSync(ws);
  const file = path.join(ws, 'Orders.cs');
  const src = [
    'using System.Threading.Tasks;',
    'class Orders {',
    '    Task<int> GetAsync() => Task.FromResult(1);',
    '    async Task<int> RunAsync() { await Task.Yield(); return GetAsync().Result; }',
    '}',
    '',
  ].join('\n');
  fs.writeFileSync(file, src);
  const uri = pathToFileURL(file).href;

  const s = startServer();
  try {
    const published = new Promise<any>((resolve) => {
      s.conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
        if (p.uri === uri && p.diagnostics.length > 0) {
          resolve(p);
        }
      });
    });
    const settings = payload();
    await s.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      capabilities: {},
      initializationOptions: settings,
    });
    await s.conn.sendNotification('initialized', {});
    await s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'csharp', version: 1, text: src },
    });
    const diags = await Promise.race([
      published,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no diagnostics; stderr:\n${s.stderr()}`)), 20000)),
    ]);
    const d = (diags as any).diagnostics.find((x: any) => x.code === 'ASY001');
    assert.ok(d, JSON.stringify(diags));
    assert.equal(d.severity, 1, 'asyncsense.severity {"ASY001": "error"} makes it an error');
    assert.equal(d.codeDescription?.href, 'https://docs.example/rules/ASY001', 'asyncsense.docsUrl');

    const log = s.stderr();
    assert.doesNotMatch(log, /ignored/, log);
    const changed = log.split('\n').find((l) => l.includes('msg="settings changed"'));
    assert.ok(changed, log);
    assert.match(changed, /scope=openFiles/);
    assert.match(changed, /debounce=120/);
    assert.match(changed, /configureAwait=library/);
    assert.match(changed, /severity="?map\[ASY001:error async-void:none\]/);
    await s.conn.sendRequest('shutdown');
    await s.conn.sendNotification('exit');
  } finally {
    s.conn.dispose();
    s.proc.kill();
  }
});
