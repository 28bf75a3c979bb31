// End-to-end test of the packaged extension in a real VS Code: code-server
// serves the workbench on 127.0.0.1 and Debian's Chromium, driven by
// playwright-core, plays the user. Started by run.sh, which passes:
//   node e2e.js CODE_SERVER VSIX WORKDIR
// WORKDIR is a fresh directory for the workspace copy, the user data and
// the XDG dirs. Screenshots of each step go to e2e/artifacts/.
'use strict';

const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const { chromium } = require('playwright-core');

const [codeServer, vsix, work] = process.argv.slice(2);
if (!work) {
  console.error('usage: node e2e.js CODE_SERVER VSIX WORKDIR');
  process.exit(2);
}
const here = __dirname;
const artifacts = path.join(here, 'artifacts');
const repo = path.resolve(here, '..', '..', '..');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const overallMs = Number(process.env.E2E_TIMEOUT_MS || 300000);
const fixLabel = 'Replace .Result with await';

let server; // the code-server child, leader of its own process group
let browserServer; // Chromium, which playwright also starts as a group leader
let browser;
let step = 0;
let page;

function log(msg) {
  console.log(`[e2e ${(process.uptime()).toFixed(1)}s] ${msg}`);
}

async function shot(name) {
  step++;
  const file = path.join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${path.relative(repo, file)}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function until(what, fn, ms = 30000, every = 250) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) {
      return v;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// stopGroup ends a process group: TERM, then KILL after 5 s.
async function stopGroup(pgid, name) {
  if (!pgid || !groupAlive(pgid)) {
    return;
  }
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {}
  const end = Date.now() + 5000;
  while (groupAlive(pgid) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (groupAlive(pgid)) {
    log(`${name} (process group ${pgid}) outlived SIGTERM; SIGKILL`);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
  }
}

// cleanup ends the browser, then code-server and everything it started
// (extension hosts, the asyncsense servers): they share its process group.
async function cleanup() {
  const timeout = (p) => Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  if (browser) {
    await timeout(browser.close());
  }
  if (browserServer) {
    await timeout(browserServer.close());
    await stopGroup(browserServer.process().pid, 'chromium');
  }
  await stopGroup(server && server.pid, 'code-server');
}

// docSentence is the opening of the rule doc's "What it does" paragraph as
// the hover renders it (markdown code spans become plain text).
function docSentence(id) {
  const md = fs.readFileSync(path.join(repo, 'explain', 'docs', 'rules', `${id}.md`), 'utf8');
  const section = md.split(/^## What it does\s*$/m)[1];
  const para = section.trim().split(/\n\s*\n/)[0];
  const words = para.replace(/`/g, '').replace(/\s+/g, ' ').split(' ');
  return words.slice(0, 8).join(' ');
}

function writeJSON(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

async function main() {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const ws = path.join(work, 'workspace');
  fs.cpSync(path.join(here, 'workspace'), ws, { recursive: true });
  const orders = path.join(ws, 'Orders.cs');
  const userData = path.join(work, 'user-data');
  const extDir = path.join(work, 'extensions');
  const env = { ...process.env };
  for (const x of ['CONFIG', 'CACHE', 'DATA', 'STATE']) {
    env[`XDG_${x}_HOME`] = path.join(work, 'xdg', x.toLowerCase());
  }
  // The bundled binary must be what runs: hide any asyncsense on PATH.
  env.PATH = (env.PATH || '').split(':').filter((d) => !fs.existsSync(path.join(d, 'asyncsense'))).join(':');
  delete env.VSCODE_IPC_HOOK_CLI;
  // The last step removes the bundled binary; no `go install`ed one may stand in.
  env.GOBIN = path.join(work, 'gobin');
  writeJSON(path.join(userData, 'User', 'settings.json'), {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false,
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'git.enabled': false,
    'asyncsense.trace.server': 'messages',
  });

  log(`installing ${path.basename(vsix)}`);
  execFileSync(
    codeServer,
    ['--user-data-dir', userData, '--extensions-dir', extDir, '--install-extension', vsix],
    { env, stdio: ['ignore', 'pipe', 'inherit'], timeout: 120000 },
  );
  const installed = fs.readdirSync(extDir).find((d) => d.startsWith('asyncsense.asyncsense-'));
  if (!installed) {
    throw new Error(`the extension is not in ${extDir}`);
  }
  const bundled = path.join(extDir, installed, 'bin', 'asyncsense');
  fs.accessSync(bundled, fs.constants.X_OK);

  const port = await freePort();
  const serverLog = fs.openSync(path.join(artifacts, 'code-server.log'), 'w');
  server = spawn(
    codeServer,
    [
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData,
      '--extensions-dir', extDir,
      ws,
    ],
    { env, detached: true, stdio: ['ignore', serverLog, serverLog] },
  );
  fs.writeFileSync(path.join(work, 'code-server.pgid'), String(server.pid));
  server.on('exit', (code, sig) => log(`code-server exited (${code ?? sig})`));
  await until('code-server /healthz', () => healthy(port), 120000);
  log(`code-server on 127.0.0.1:${port}`);

  browserServer = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  fs.writeFileSync(path.join(work, 'chromium.pgid'), String(browserServer.process().pid));
  browser = await chromium.connect(browserServer.wsEndpoint());
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Indexing a two-file workspace takes milliseconds: record every text the
  // asyncsense status bar item shows instead of hoping to catch it spinning.
  await page.addInitScript(() => {
    const seen = (window.__asyncsenseStatus = []);
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.statusbar-item')) {
        const t = el.textContent.trim();
        if (t.includes('asyncsense') && seen[seen.length - 1] !== t) {
          seen.push(t);
        }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  // The explorer lists the workspace once the file service is up.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Orders.cs' });
  await row.waitFor({ timeout: 120000 });
  await row.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'GetOrderAsync' }).waitFor({ timeout: 30000 });
  log('Orders.cs is open');
  await shot('opened');

  // 1. The finding: a warning squiggle under the blocking call.
  const squiggle = editor.locator('.squiggly-warning');
  await squiggle.first().waitFor({ timeout: 60000 });
  const status = page.locator('.statusbar-item', { hasText: 'asyncsense' });
  await status.locator('.codicon-check').waitFor({ timeout: 30000 });
  log(`squiggle shown (${await squiggle.count()}), status bar says the server runs`);
  await shot('squiggle');

  // The restart command brings up a second server; its diagnostics return.
  await page.keyboard.press('F1');
  await page.keyboard.type('asyncsense: Restart Server');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Restart Server' }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await until('a second initialize in the output channel', () => count(clientLog(), "Sending request 'initialize") >= 2, 30000);
  await squiggle.first().waitFor({ timeout: 30000 });
  await status.locator('.codicon-check').waitFor({ timeout: 30000 });
  log('asyncsense.restart started a new server, squiggle back');
  const seen = await page.evaluate(() => window.__asyncsenseStatus);
  log(`status bar texts: ${JSON.stringify(seen)}`);
  if (!seen.some((t) => /^asyncsense: indexing/.test(t))) {
    throw new Error(`the status bar never showed indexing: ${JSON.stringify(seen)}`);
  }

  // 2. The hover: rule ID and the rule's explanation.
  const box = await squiggle.first().boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y - 40);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'ASY001' });
  await hover.first().waitFor({ timeout: 30000 });
  const hoverText = (await hover.first().innerText()).replace(/\s+/g, ' ');
  const sentence = docSentence('ASY001');
  for (const want of ['ASY001', 'blocks the calling thread', sentence]) {
    if (!hoverText.includes(want)) {
      throw new Error(`hover lacks ${JSON.stringify(want)}: ${hoverText.slice(0, 600)}`);
    }
  }
  log(`hover explains ASY001 ("${sentence}...")`);
  await shot('hover');

  // 3. The quick fix, from the keyboard: mouse clicks in the action menu are
  // eaten by a pointer-blocking layer.
  await page.keyboard.press('Escape');
  await page.mouse.click(at.x, at.y);
  await page.mouse.move(10, 10);
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget');
  await menu.locator('.monaco-list-row', { hasText: fixLabel }).waitFor({ timeout: 30000 });
  for (let i = 0; i < 10; i++) {
    const focused = await menu.locator('.monaco-list-row.focused').first().innerText().catch(() => '');
    if (focused.includes(fixLabel)) {
      break;
    }
    await page.keyboard.press('ArrowDown');
  }
  await menu.locator('.monaco-list-row.focused', { hasText: fixLabel }).waitFor({ timeout: 30000 });
  log(`quick fix menu offers "${fixLabel}"`);
  await shot('quickfix-menu');
  await page.keyboard.press('Enter');

  // 4. The edit lands where the finding was, despite the CJK and emoji
  // before it on the line (UTF-16 columns), and the squiggle goes away.
  await editor.locator('.view-lines', { hasText: 'await _repo.GetOrderAsync(id);' }).waitFor({ timeout: 30000 });
  await until('the squiggle to disappear', async () => (await squiggle.count()) === 0, 30000);
  const problems = page.locator('[id="status.problems"]');
  await until('the Problems count to reach 0', async () => /No Problems/i.test((await problems.getAttribute('aria-label')) || ''), 30000);
  log('text changed to await; the squiggle and the problem are gone');
  const tabLabel = page.locator('.tabs-container .tab.active .monaco-icon-label');
  await until('the tab to drop its problem badge', async () => !/problem/.test((await tabLabel.getAttribute('aria-label')) || ''), 30000);
  await shot('fixed');

  await page.keyboard.press('Control+S');
  const want = '            var order = /* 注文 🛒 */ await _repo.GetOrderAsync(id);';
  const savedLine = () => fs.readFileSync(orders, 'utf8').split(/\r?\n/).find((l) => l.includes('var order'));
  await until('the fix in the saved file', () => savedLine() === want, 30000).catch(() => {
    throw new Error(`saved line is ${JSON.stringify(savedLine())}, want ${JSON.stringify(want)}`);
  });
  log('saved file has the fix');

  // Without any binary: a clear error with the install hint and buttons,
  // and the status bar turns to an error.
  fs.rmSync(bundled);
  await page.keyboard.press('F1');
  await page.keyboard.type('asyncsense: Restart Server');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Restart Server' }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  const toast = page.locator('.notification-toast', { hasText: 'language server executable was not found' });
  await toast.waitFor({ timeout: 30000 });
  const toastText = (await toast.innerText()).replace(/\s+/g, ' ');
  for (const want of ['go install github.com/asyncsense/asyncsense/cmd/asyncsense@latest', 'Install with Go', 'Download', 'Open Settings']) {
    if (!toastText.includes(want)) {
      throw new Error(`the not-found notification lacks ${JSON.stringify(want)}: ${toastText}`);
    }
  }
  await status.locator('.codicon-error').waitFor({ timeout: 30000 });
  // Let the toast finish sliding in before the screenshot.
  await toast.locator('.monaco-button', { hasText: 'Install with Go' }).waitFor({ state: 'visible', timeout: 30000 });
  let last = '';
  await until('the notification to settle', async () => {
    const b = JSON.stringify(await toast.boundingBox());
    const settled = b === last && (await toast.evaluate((e) => getComputedStyle(e).opacity)) === '1';
    last = b;
    return settled;
  }, 30000, 200);
  log('without a binary: error notification with the install hint, status bar shows the error');
  await shot('server-missing');

  // The output channel: the bundled binary was found, the trace setting
  // alone turned tracing on, and nothing went wrong.
  const text = clientLog();
  for (const want of ['(from bundled)', "Sending request 'textDocument/codeAction", 'restarting the language server']) {
    if (!text.includes(want)) {
      throw new Error(`the asyncsense output lacks ${JSON.stringify(want)}`);
    }
  }
  // The one expected error is the missing binary just provoked.
  const errors = text.split('\n').filter((l) => /\[error\]/.test(l) && !l.includes('executable was not found'));
  if (errors.length > 0) {
    throw new Error(`the asyncsense output has errors:\n${errors.join('\n')}`);
  }
  log('output channel: bundled binary, LSP trace, no errors');
}

function walk(dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// clientLog is the text of the extension's output channel so far.
function clientLog() {
  const f = walk(path.join(work, 'user-data', 'logs')).find((f) => /asyncsense\.log$/.test(f));
  return f ? fs.readFileSync(f, 'utf8') : '';
}

function count(text, sub) {
  return text.split(sub).length - 1;
}

// collectLogs copies the extension's output channel (the client log, the
// server's stderr and the LSP trace) next to the screenshots.
function collectLogs() {
  for (const f of walk(path.join(work, 'user-data', 'logs'))) {
    if (/asyncsense/i.test(path.basename(f)) || /exthost\.log$/.test(f)) {
      fs.copyFileSync(f, path.join(artifacts, path.basename(f)));
    }
  }
}

let failed = false;
const timer = setTimeout(async () => {
  console.error(`[e2e] overall timeout of ${overallMs} ms`);
  failed = true;
  await shot('timeout').catch(() => {});
  await cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
}, overallMs);

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(1);
  });
}

main()
  .catch(async (err) => {
    failed = true;
    const text = `${err && err.stack ? err.stack : err}`;
    console.error(`[e2e] FAIL: ${text}`);
    fs.writeFileSync(path.join(artifacts, 'failure.txt'), text + '\n');
    if (page) {
      await shot('failure').catch(() => {});
    }
  })
  .finally(async () => {
    clearTimeout(timer);
    await cleanup();
    try {
      collectLogs();
    } catch (err) {
      console.error(`[e2e] collecting logs: ${err}`);
    }
    if (failed) {
      console.error('[e2e] logs and screenshots: editors/vscode/e2e/artifacts/');
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
    console.log('1 passed, 0 failed');
    process.exit(0);
  });
