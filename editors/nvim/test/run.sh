#!/usr/bin/env bash
# Neovim end-to-end test: the shipped snippet (legacy.lua) as a user's whole
# config, then lsp/asyncsense.lua, each against the real `asyncsense serve`.
# ASYNCSENSE=/path/to/asyncsense skips the build. Exit 77 = skipped (no nvim,
# outside CI).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
nvim_dir="$(dirname "$here")"
repo="$(cd "$nvim_dir/../.." && pwd)"

if ! command -v nvim >/dev/null; then
  if [[ "${CI:-}" == true ]]; then
    echo "nvim: not installed (apt-get install neovim)" >&2
    exit 1
  fi
  echo "nvim: not installed, skipping (apt-get install neovim)" >&2
  exit 77
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -z "${ASYNCSENSE:-}" ]]; then
  (cd "$repo" && go build -o "$tmp/bin/asyncsense" ./cmd/asyncsense)
else
  mkdir -p "$tmp/bin"
  ln -s "$(realpath "$ASYNCSENSE")" "$tmp/bin/asyncsense"
fi
export PATH="$tmp/bin:$PATH"

echo "$(nvim --version | head -n1)" >&2
for mode in legacy modern; do
  ws="$tmp/$mode/shop"
  mkdir -p "$tmp/$mode/xdg"
  cp -R "$repo/editors/testdata/shop" "$ws"
  ws="$(realpath "$ws")"
  # A private home for everything Neovim reads or writes, and no facts
  # cache shared with the user's.
  for d in config data state cache; do mkdir -p "$tmp/$mode/xdg/$d"; done
  init=NONE
  args=()
  if [[ $mode == legacy ]]; then
    init="$nvim_dir/legacy.lua"
    args=("$ws/src/Shop/Orders.cs")
  fi
  (
    cd "$ws"
    XDG_CONFIG_HOME="$tmp/$mode/xdg/config" XDG_DATA_HOME="$tmp/$mode/xdg/data" \
    XDG_STATE_HOME="$tmp/$mode/xdg/state" XDG_CACHE_HOME="$tmp/$mode/xdg/cache" \
    ASYNCSENSE_MODE=$mode ASYNCSENSE_WS="$ws" ASYNCSENSE_NVIM="$nvim_dir" \
      timeout 120 nvim --headless -i NONE -n -u "$init" "${args[@]}" \
        -c "luafile $here/e2e.lua" </dev/null
  ) || {
    status=$?
    echo "nvim ($mode): FAILED (exit $status)" >&2
    log="$tmp/$mode/xdg/state/nvim/lsp.log"
    [[ -f "$log" ]] || log="$tmp/$mode/xdg/cache/nvim/lsp.log"
    [[ -f "$log" ]] && tail -n 40 "$log" >&2
    exit 1
  }
done
echo "nvim: ok" >&2
