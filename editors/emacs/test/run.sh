#!/usr/bin/env bash
# Emacs + eglot batch test against the real `asyncsense serve`.
# ASYNCSENSE=/path/to/asyncsense skips the build. Exit 77 = skipped (no
# emacs, outside CI).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

if ! command -v emacs >/dev/null; then
  if [[ "${CI:-}" == true ]]; then
    echo "emacs: not installed (apt-get install emacs-nox elpa-eglot)" >&2
    exit 1
  fi
  echo "emacs: not installed, skipping (apt-get install emacs-nox elpa-eglot)" >&2
  exit 77
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home"
if [[ -z "${ASYNCSENSE:-}" ]]; then
  (cd "$repo" && go build -o "$tmp/bin/asyncsense" ./cmd/asyncsense)
else
  ln -s "$(realpath "$ASYNCSENSE")" "$tmp/bin/asyncsense"
fi
export PATH="$tmp/bin:$PATH"

cp -R "$repo/editors/testdata/shop" "$tmp/shop"
# project.el (and so eglot) finds the workspace root through version control.
git -C "$tmp/shop" init -q
echo "$(emacs --version | head -n1)" >&2
# The package must byte-compile cleanly, as package.el will compile it.
cp "$here/../asyncsense.el" "$tmp/"
HOME="$tmp/home" emacs --batch --eval '(setq byte-compile-error-on-warn t)' \
  -f batch-byte-compile "$tmp/asyncsense.el" 2>&1 | grep -v '^Loading /etc/emacs' >&2 || true
[[ -f "$tmp/asyncsense.elc" ]] || { echo "emacs: asyncsense.el does not byte-compile" >&2; exit 1; }
# Not -Q: Debian's elpa-eglot is put on the load-path by site-start.
HOME="$tmp/home" ASYNCSENSE_WS="$tmp/shop" \
  timeout 120 emacs --batch -l "$here/e2e.el" </dev/null || {
  echo "emacs: FAILED" >&2
  exit 1
}
echo "emacs: ok" >&2
