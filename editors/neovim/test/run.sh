#!/bin/sh
# End-to-end test of gloss with Neovim's built-in LSP client.
#
#   editors/neovim/test/run.sh GLOSS_BIN
#
# Copies seeds/ to a temporary directory, removes 001_40905b9287ca137d.ann
# from the copy and runs test/e2e.lua in headless Neovim against
# `GLOSS_BIN serve`. Installs Neovim with apt-get when nvim is missing.
# Environment: GLOSS_SEEDS (default: <repo>/seeds), GLOSS_E2E_TIMEOUT
# (milliseconds per wait, default 30000), GLOSS_E2E_DEBUG=1 (LSP debug log),
# GLOSS_E2E_KEEP=1 (keep the temporary directory).
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 GLOSS_BIN" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
plugin=$(dirname "$here")
repo=$(cd "$plugin/../.." && pwd)
seeds=${GLOSS_SEEDS:-$repo/seeds}

case $1 in
  */*) gloss_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
  *) gloss_bin=$(command -v "$1" || true) ;;
esac
if [ -z "$gloss_bin" ] || [ ! -x "$gloss_bin" ]; then
  echo "e2e: FAIL: gloss binary not found or not executable: $1" >&2
  exit 2
fi

if ! command -v nvim >/dev/null 2>&1; then
  echo "e2e: nvim not found; installing neovim with apt-get" >&2
  sudo=
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q neovim >&2
fi

for f in 001_40905b9287ca137d.txt entities.toml gloss.toml; do
  if [ ! -f "$seeds/$f" ]; then
    echo "e2e: FAIL: $seeds/$f is missing (set GLOSS_SEEDS to the example corpus)" >&2
    exit 2
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gloss-e2e.XXXXXX")
cleanup() {
  if [ -n "${GLOSS_E2E_KEEP:-}" ]; then
    echo "e2e: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT INT TERM

cp -R "$seeds" "$tmp/corpus"
chmod -R u+w "$tmp/corpus"
rm -f "$tmp/corpus/001_40905b9287ca137d.ann"
mkdir -p "$tmp/home" "$tmp/xdg/config" "$tmp/xdg/data" "$tmp/xdg/state" "$tmp/xdg/cache"

rc=0
env HOME="$tmp/home" \
  XDG_CONFIG_HOME="$tmp/xdg/config" XDG_DATA_HOME="$tmp/xdg/data" \
  XDG_STATE_HOME="$tmp/xdg/state" XDG_CACHE_HOME="$tmp/xdg/cache" \
  GLOSS_BIN="$gloss_bin" GLOSS_CORPUS="$tmp/corpus" \
  timeout -k 5 120 nvim --headless -u NONE -i NONE -n \
    --cmd "set rtp^=$plugin" \
    -c "lua local ok, err = pcall(dofile, '$here/e2e.lua') if not ok then io.stderr:write('e2e: FAIL: error in e2e.lua: ' .. tostring(err) .. '\\n') vim.cmd('cquit 1') end" \
    </dev/null || rc=$?

if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  echo "e2e: FAIL: timed out after 120 s" >&2
fi
if [ "$rc" -ne 0 ]; then
  for log in "$tmp/xdg/state/nvim/lsp.log" "$tmp/xdg/cache/nvim/lsp.log"; do
    if [ -s "$log" ]; then
      echo "e2e: last lines of $log:" >&2
      tail -n 40 "$log" >&2
    fi
  done
  echo "e2e: FAILED (exit $rc)" >&2
  exit 1
fi
echo "e2e: all checks passed"
