#!/usr/bin/env bash
# Runs every editor test against one `asyncsense` binary ($ASYNCSENSE, else
# built here): Neovim and Emacs end to end (headless), the Rider and Helix
# configuration tests (Go), and VS Code's own script when it exists. Prints
# the time each took. With CI=true a missing editor fails the run; otherwise that editor is
# skipped with a message. Exits non-zero if any test failed.
set -uo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -z "${ASYNCSENSE:-}" ]]; then
  echo "== building asyncsense" >&2
  if ! go build -o "$tmp/asyncsense" ./cmd/asyncsense; then
    echo "editors: the server does not build" >&2
    exit 1
  fi
  ASYNCSENSE="$tmp/asyncsense"
fi
export ASYNCSENSE

results=()
failed=0
run() { # name command...
  local name=$1 start end status verdict
  shift
  echo "== $name" >&2
  start=$(date +%s.%N)
  "$@"
  status=$?
  end=$(date +%s.%N)
  case $status in
    0) verdict=ok ;;
    77) verdict=skipped ;;
    *) verdict="FAILED (exit $status)"; failed=1 ;;
  esac
  results+=("$(awk -v n="$name" -v v="$verdict" -v s="$start" -v e="$end" 'BEGIN { printf "%-8s %-20s %6.1f s", n, v, e - s }')")
}

vscode() {
  if [[ -f editors/vscode/test.sh ]]; then
    bash editors/vscode/test.sh
  elif [[ "${CI:-}" == true ]]; then
    echo "vscode: editors/vscode/test.sh is missing" >&2
    return 1
  else
    echo "vscode: no editors/vscode/test.sh yet, skipping" >&2
    return 77
  fi
}

run nvim bash editors/nvim/test/run.sh
run emacs bash editors/emacs/test/run.sh
run rider go test -count=1 ./editors/rider/
run helix go test -count=1 ./editors/helix/
run vscode vscode

echo "== editor tests" >&2
printf '%s\n' "${results[@]}" >&2
exit $failed
