// Finding the asyncsense executable. Kept free of the vscode module so the
// unit tests can run it under plain node.
import * as fs from 'fs';
import * as os from 'os';
import * as nodePath from 'path';

export const installCommand = 'go install github.com/asyncsense/asyncsense/cmd/asyncsense@latest';

export type Source = 'setting' | 'bundled' | 'PATH' | 'Go bin directory';

export interface Found {
  path: string;
  source: Source;
}

export interface NotFound {
  // Every location looked at, in order, for the error message.
  tried: string[];
  // Set when asyncsense.server.path names something unusable: the user asked
  // for that binary, so falling back to another one would hide the mistake.
  badSetting?: string;
}

export interface Env {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  isExecutable(file: string): boolean;
}

export function realEnv(): Env {
  return {
    platform: process.platform,
    env: process.env,
    home: os.homedir(),
    isExecutable(file) {
      try {
        if (!fs.statSync(file).isFile()) {
          return false;
        }
        if (process.platform !== 'win32') {
          fs.accessSync(file, fs.constants.X_OK);
        }
        return true;
      } catch {
        return false;
      }
    },
  };
}

// Paths follow the target platform, not the host, so tests can cover Windows.
function pathOf(e: Env): typeof nodePath.posix {
  return e.platform === 'win32' ? nodePath.win32 : nodePath.posix;
}

function exeNames(name: string, e: Env): string[] {
  if (e.platform !== 'win32') {
    return [name];
  }
  const exts = (e.env.PATHEXT || '.EXE;.CMD;.BAT').split(';').filter(Boolean);
  return [name, ...exts.map((x) => name + x.toLowerCase())];
}

// expandSetting resolves "~" and paths relative to the first workspace
// folder, the two spellings people write into settings.json.
export function expandSetting(
  value: string,
  home: string,
  folder: string | undefined,
  path: typeof nodePath.posix = nodePath,
): string {
  let p = value.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(home, p.slice(1));
  }
  p = p.replace(/\$\{workspaceFolder\}/g, folder ?? '');
  if (!path.isAbsolute(p) && folder && /[\\/]/.test(p)) {
    p = path.join(folder, p);
  }
  return p;
}

function searchDirs(dirs: string[], e: Env, command = 'asyncsense'): string | undefined {
  const path = pathOf(e);
  for (const dir of dirs) {
    for (const name of exeNames(command, e)) {
      const file = path.join(dir, name);
      if (e.isExecutable(file)) {
        return file;
      }
    }
  }
  return undefined;
}

// resolveServer looks, in order, at the setting, the binary shipped in a
// platform-specific .vsix (bin/ inside the extension), PATH, and finally the
// directory `go install` writes to: an editor started from a desktop menu
// often has a PATH without ~/go/bin although the install hint put it there.
export function resolveServer(
  setting: string,
  extensionPath: string,
  folder: string | undefined,
  e: Env = realEnv(),
): Found | NotFound {
  const path = pathOf(e);
  const tried: string[] = [];
  if (setting.trim() !== '') {
    const p = expandSetting(setting, e.home, folder, path);
    if (path.isAbsolute(p) || /[\\/]/.test(p)) {
      if (e.isExecutable(p)) {
        return { path: p, source: 'setting' };
      }
      return { tried: [p], badSetting: p };
    }
    // A bare command name ("asyncsense-dev") is looked up on PATH.
    const onPath = searchDirs(pathDirs(e), e, p);
    if (onPath) {
      return { path: onPath, source: 'setting' };
    }
    return { tried: [`${p} on PATH`], badSetting: p };
  }

  const bundledDir = path.join(extensionPath, 'bin');
  tried.push(bundledDir);
  const bundled = searchDirs([bundledDir], e);
  if (bundled) {
    return { path: bundled, source: 'bundled' };
  }

  tried.push('PATH');
  const onPath = searchDirs(pathDirs(e), e);
  if (onPath) {
    return { path: onPath, source: 'PATH' };
  }

  const goDirs = goBinDirs(e);
  tried.push(...goDirs);
  const goBin = searchDirs(goDirs, e);
  if (goBin) {
    return { path: goBin, source: 'Go bin directory' };
  }
  return { tried };
}

function pathDirs(e: Env): string[] {
  const value = e.env.PATH ?? e.env.Path ?? '';
  return value.split(e.platform === 'win32' ? ';' : ':').filter((d) => d !== '');
}

function goBinDirs(e: Env): string[] {
  if (e.env.GOBIN) {
    return [e.env.GOBIN];
  }
  const path = pathOf(e);
  const gopath = e.env.GOPATH || path.join(e.home, 'go');
  return gopath
    .split(e.platform === 'win32' ? ';' : ':')
    .filter((d) => d !== '')
    .map((d) => path.join(d, 'bin'));
}

export function isFound(r: Found | NotFound): r is Found {
  return (r as Found).path !== undefined;
}

// notFoundMessage is the text of the error notification.
export function notFoundMessage(r: NotFound): string {
  if (r.badSetting !== undefined) {
    return `asyncsense: the language server named by "asyncsense.server.path" (${r.badSetting}) does not exist or is not executable. Fix the setting, or clear it to use the asyncsense found on PATH.`;
  }
  return `asyncsense: the language server executable was not found (looked in ${r.tried.join(', ')}). Install it with "${installCommand}", or set "asyncsense.server.path".`;
}
