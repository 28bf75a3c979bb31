#!/usr/bin/env bash
# Everything for the VS Code extension, from a clean clone: npm ci, the
# asyncsense binary, type-check, bundle, unit tests, .vsix, and the
# end-to-end test in code-server (installed once under
# ~/.cache/asyncsense-vscode-e2e). Needs node 20+, go, and Debian's
# chromium ripgrep libkrb5-dev pkg-config. Works unattended (CI=true, no
# TTY, root).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$here"
start=$SECONDS
lap=$SECONDS
took() { echo "vscode: $1 took $((SECONDS - lap)) s"; lap=$SECONDS; }

export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
echo "vscode: npm ci"
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
took "npm ci"

# editors/test.sh passes the binary it built in $ASYNCSENSE.
bin=${ASYNCSENSE:-${ASYNCSENSE_BIN:-}}
if [ -z "$bin" ]; then
  bindir=$(mktemp -d "${TMPDIR:-/tmp}/asyncsense-vscode-bin.XXXXXX")
  trap 'rm -rf "$bindir"' EXIT
  echo "vscode: go build ./cmd/asyncsense"
  (cd "$repo" && go build -o "$bindir/asyncsense" ./cmd/asyncsense)
  bin="$bindir/asyncsense"
  took "go build"
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

ASYNCSENSE_BIN="$bin" npm test --silent
took "npm test (type-check, bundle, unit tests, package, end-to-end)"

echo "vscode: $(du -k dist/asyncsense.vsix | cut -f1) KB dist/asyncsense.vsix, $(du -k dist/asyncsense-linux-x64.vsix | cut -f1) KB dist/asyncsense-linux-x64.vsix"
echo "vscode: done in $((SECONDS - start)) s"
