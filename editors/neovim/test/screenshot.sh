#!/bin/sh
# Takes docs/neovim.png: Neovim in xterm under Xvfb showing diagnostics,
# inlay hints and a hover card on a seed article.
#
#   editors/neovim/test/screenshot.sh GLOSS_BIN [OUT.png]
#
# Needs the Debian packages neovim, xvfb, xterm, imagemagick and
# fonts-dejavu-core (installed with apt-get when missing).
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 GLOSS_BIN [OUT.png]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
plugin=$(dirname "$here")
repo=$(cd "$plugin/../.." && pwd)
gloss_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-$repo/docs/neovim.png}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac

missing=
for pair in nvim:neovim Xvfb:xvfb xterm:xterm import:imagemagick; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || missing="$missing fonts-dejavu-core"
if [ -n "$missing" ]; then
  apt-get update -q
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gloss-shot.XXXXXX")
xvfb_pid=
xterm_pid=
cleanup() {
  if [ -n "$xterm_pid" ]; then kill "$xterm_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

cp -R "$repo/seeds" "$tmp/corpus"
chmod -R u+w "$tmp/corpus"
# Without its .ann file the article shows unannotated dates and claims.
article=${GLOSS_SHOT_ARTICLE:-001_40905b9287ca137d.txt}
rm -f "$tmp/corpus/${article%.txt}.ann"

display=:${GLOSS_SHOT_DISPLAY:-97}
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1

mkdir -p "$tmp/home" "$tmp/state"
DISPLAY=$display HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/state" \
  GLOSS_BIN="$gloss_bin" GLOSS_CORPUS="$tmp/corpus" GLOSS_SHOT_READY="$tmp/ready" \
  xterm -geometry 160x48+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg '#333333' -fg '#dddddd' \
    -b 0 -bw 0 +sb -T gloss \
    -e nvim -u NONE -i NONE -n --cmd "set rtp^=$plugin" -c "luafile $here/screenshot.lua" &
xterm_pid=$!

i=0
while [ ! -f "$tmp/ready" ] && [ $i -lt 60 ]; do
  sleep 1
  i=$((i + 1))
done
if [ ! -f "$tmp/ready" ]; then
  echo "screenshot: Neovim did not get ready within 60 s" >&2
  exit 1
fi
sleep 2
mkdir -p "$(dirname "$out")"
# Crop to the xterm window and keep the PNG small.
DISPLAY=$display import -window root -crop "$(DISPLAY=$display xwininfo -root -tree | awk '/"gloss"/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+x[0-9]+\+/) { split($i, a, "+"); print a[1] "+0+0"; exit } }')" +repage \
  -colors 32 -define png:compression-level=9 "PNG8:$out"
echo "screenshot: wrote $out ($(wc -c <"$out") bytes)"
