import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Env, expandSetting, isFound, notFoundMessage, resolveServer } from '../src/binary';

// fakeEnv has exactly the executables listed, so lookup order is visible.
function fakeEnv(executables: string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): Env {
  const set = new Set(executables);
  return { platform, env, home: '/home/u', isExecutable: (f) => set.has(f) };
}

const ext = '/ext';

test('the setting wins over the bundled binary and PATH', () => {
  const e = fakeEnv(['/opt/as/asyncsense', '/ext/bin/asyncsense', '/usr/bin/asyncsense'], { PATH: '/usr/bin' });
  assert.deepEqual(resolveServer('/opt/as/asyncsense', ext, undefined, e), { path: '/opt/as/asyncsense', source: 'setting' });
});

test('a setting naming a missing file is an error, not a silent fallback', () => {
  const e = fakeEnv(['/ext/bin/asyncsense', '/usr/bin/asyncsense'], { PATH: '/usr/bin' });
  const r = resolveServer('~/bin/asyncsense', ext, undefined, e);
  assert.ok(!isFound(r));
  assert.equal(r.badSetting, '/home/u/bin/asyncsense');
  assert.match(notFoundMessage(r), /asyncsense\.server\.path.*\/home\/u\/bin\/asyncsense/);
});

test('a bare command name in the setting is looked up on PATH', () => {
  const e = fakeEnv(['/usr/local/bin/asyncsense-dev'], { PATH: '/usr/bin:/usr/local/bin' });
  assert.deepEqual(resolveServer('asyncsense-dev', ext, undefined, e), {
    path: '/usr/local/bin/asyncsense-dev',
    source: 'setting',
  });
});

test('a relative setting is taken from the workspace folder', () => {
  const e = fakeEnv(['/ws/tools/asyncsense']);
  assert.deepEqual(resolveServer('tools/asyncsense', ext, '/ws', e), { path: '/ws/tools/asyncsense', source: 'setting' });
  assert.equal(expandSetting('${workspaceFolder}/x/asyncsense', '/h', '/ws'), '/ws/x/asyncsense');
});

test('the bundled binary comes before PATH', () => {
  const e = fakeEnv(['/ext/bin/asyncsense', '/usr/bin/asyncsense'], { PATH: '/usr/bin' });
  assert.deepEqual(resolveServer('', ext, undefined, e), { path: '/ext/bin/asyncsense', source: 'bundled' });
});

test('PATH is searched in order', () => {
  const e = fakeEnv(['/b/asyncsense', '/c/asyncsense'], { PATH: '/a::/b:/c' });
  assert.deepEqual(resolveServer('', ext, undefined, e), { path: '/b/asyncsense', source: 'PATH' });
});

test('the go install directory is the last resort', () => {
  const e = fakeEnv(['/home/u/go/bin/asyncsense'], { PATH: '/usr/bin' });
  assert.deepEqual(resolveServer('', ext, undefined, e), { path: '/home/u/go/bin/asyncsense', source: 'Go bin directory' });
  const gobin = fakeEnv(['/gb/asyncsense'], { PATH: '/usr/bin', GOBIN: '/gb' });
  assert.deepEqual(resolveServer('', ext, undefined, gobin), { path: '/gb/asyncsense', source: 'Go bin directory' });
});

test('Windows looks for asyncsense.exe on Path', () => {
  const e = fakeEnv(['C:\\tools\\asyncsense.exe'], { Path: 'C:\\tools', PATHEXT: '.COM;.EXE' }, 'win32');
  const r = resolveServer('', ext, undefined, e);
  assert.ok(isFound(r));
  assert.equal(r.source, 'PATH');
  assert.match(r.path, /asyncsense\.exe$/);
});

test('nothing found: the message lists where it looked and how to install', () => {
  const r = resolveServer('', ext, undefined, fakeEnv([], { PATH: '/usr/bin' }));
  assert.ok(!isFound(r));
  const msg = notFoundMessage(r);
  assert.match(msg, /\/ext\/bin/);
  assert.match(msg, /PATH/);
  assert.match(msg, /\/home\/u\/go\/bin/);
  assert.match(msg, /go install github\.com\/asyncsense\/asyncsense\/cmd\/asyncsense@latest/);
});
