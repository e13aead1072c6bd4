#!/bin/sh
# Smoke test of editors/emacs/gloss-eglot.el with Eglot and a real server.
#
#   editors/emacs/test/smoke.sh GLOSS_BIN
#
# Installs emacs-nox and elpa-eglot with apt-get when Emacs is missing, puts
# GLOSS_BIN on PATH as `gloss` (the config runs `gloss serve`), and runs
# smoke.el in batch Emacs on a copy of seeds/ without 001's .ann file.
set -eu
if [ $# -ne 1 ]; then
  echo "usage: $0 GLOSS_BIN" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
emacs_dir=$(dirname "$here")
repo=$(cd "$emacs_dir/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$bin" ] || { echo "emacs: FAIL: not executable: $1" >&2; exit 2; }

if ! command -v emacs >/dev/null 2>&1; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q emacs-nox elpa-eglot >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gloss-emacs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cp -R "$repo/seeds" "$tmp/corpus"
chmod -R u+w "$tmp/corpus"
rm -f "$tmp/corpus/001_40905b9287ca137d.ann"
mkdir -p "$tmp/bin" "$tmp/home"
ln -s "$bin" "$tmp/bin/gloss"

# Without -Q: Debian's site-start activates the elpa-eglot package.
rc=0
PATH="$tmp/bin:$PATH" HOME="$tmp/home" GLOSS_CORPUS="$tmp/corpus" \
  timeout 120 emacs --batch -L "$emacs_dir" -l "$here/smoke.el" >"$tmp/out" 2>&1 || rc=$?
grep -v '^Loading ' "$tmp/out" || true
if [ "$rc" -ne 0 ]; then
  echo "emacs: FAILED (exit $rc)" >&2
  exit 1
fi
