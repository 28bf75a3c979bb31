#!/usr/bin/env bash
# End-to-end test: the extension, packaged for linux-x64 with the server
# binary inside, installed into a real VS Code (code-server 4.100.3) and
# driven by Debian's Chromium. Needs `npm run bundle` first (npm test does
# it) and Debian's chromium, ripgrep, libkrb5-dev and pkg-config.
#
# Environment:
#   ASYNCSENSE_BIN        server binary to bundle (default: go build from the repo)
#   ASYNCSENSE_E2E_CACHE  where code-server is installed (default ~/.cache/asyncsense-vscode-e2e)
#   E2E_TIMEOUT_MS        the browser session's time limit (default 240000)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ext=$(dirname "$here")
repo=$(cd "$ext/../.." && pwd)
cache=${ASYNCSENSE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/asyncsense-vscode-e2e}

for tool in chromium rg node go; do
  if ! command -v "$tool" >/dev/null; then
    echo "e2e: $tool is missing (Debian: apt-get install chromium ripgrep libkrb5-dev pkg-config)" >&2
    exit 1
  fi
done
if [ ! -f "$ext/dist/extension.js" ]; then
  echo "e2e: $ext/dist/extension.js is missing: run npm run bundle first" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/asyncsense-vscode-e2e.XXXXXX")
node_pid=
cleanup() {
  # e2e.js stops Chromium's and code-server's process groups itself; this
  # catches what an interrupted or killed node left behind.
  if [ -n "$node_pid" ]; then
    kill -TERM -- "-$node_pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$node_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$node_pid" 2>/dev/null || true
  fi
  for group in chromium code-server; do
    if [ -f "$work/$group.pgid" ]; then kill -KILL -- "-$(cat "$work/$group.pgid")" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# 1. code-server and playwright-core, installed once per lockfile outside
# the repo. npm blocks install scripts unless allowed (package.json allows
# code-server's); @vscode/ripgrep's would download rg from GitHub, so its
# download cache is seeded with Debian's rg.
key=$(sha256sum "$here/package-lock.json" | cut -c1-12)
deps="$cache/deps-$key"
# Native modules (node-pty, kerberos...) build against the headers that
# come with node; without nodedir node-gyp would try to download them.
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi
if [ ! -f "$deps/.installed" ]; then
  echo "e2e: installing code-server into $deps (once; a few minutes)"
  rm -rf "$deps"
  mkdir -p "$deps/tmp/vscode-ripgrep-cache-1.15.11" "$deps/tmp/rg"
  cp "$(command -v rg)" "$deps/tmp/rg/rg"
  tar czf "$deps/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$deps/tmp/rg" rg
  cp "$here/package.json" "$here/package-lock.json" "$deps/"
  if ! (cd "$deps" && TMPDIR="$deps/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
        timeout 1200 npm ci --prefer-offline --no-audit --no-fund --loglevel=error >"$deps/install.log" 2>&1); then
    tail -40 "$deps/install.log" >&2
    echo "e2e: code-server install failed; full log: $deps/install.log" >&2
    exit 1
  fi
  rm -rf "$deps/tmp"
  touch "$deps/.installed"
fi
# Older installs (other lockfiles) are dead weight of ~300 MB each.
find "$cache" -mindepth 1 -maxdepth 1 -name 'deps-*' ! -name "deps-$key" -exec rm -rf {} +

# 2. The server binary.
bin=${ASYNCSENSE_BIN:-}
if [ -z "$bin" ]; then
  bin="$work/asyncsense"
  echo "e2e: go build ./cmd/asyncsense"
  (cd "$repo" && go build -o "$bin" ./cmd/asyncsense)
fi

# 3. A platform package with the binary in bin/, staged outside the source
# tree so the universal package never picks the binary up.
stage="$work/package"
mkdir -p "$stage/dist" "$stage/bin"
cp "$ext/package.json" "$ext/README.md" "$ext/.vscodeignore" "$stage/"
cp "$ext/dist/extension.js" "$stage/dist/"
cp "$bin" "$stage/bin/asyncsense"
chmod 755 "$stage/bin/asyncsense"
vsix="$ext/dist/asyncsense-linux-x64.vsix"
(cd "$stage" && "$ext/node_modules/.bin/vsce" package --target linux-x64 --no-dependencies \
  --allow-missing-repository --skip-license --out "$vsix" >/dev/null)
echo "e2e: packaged $(basename "$vsix") ($(du -k "$vsix" | cut -f1) KB)"

# 4. The browser session, in its own process group so cleanup can take
# everything it started.
NODE_PATH="$deps/node_modules" setsid node "$here/e2e.js" \
  "$deps/node_modules/.bin/code-server" "$vsix" "$work" &
node_pid=$!
status=0
wait "$node_pid" || status=$?
node_pid=
exit "$status"
