#!/bin/sh
# Checks that every editor configuration under editors/ starts gloss with a
# command line that works.
#
#   editors/check-configs.sh [GLOSS_BIN]
#
# For each config (VS Code, Neovim, Helix, Emacs) the server command line is
# extracted from the file itself, then run exactly as written:
#   1. `<command> --help` must exit 0;
#   2. started as a language server, it must answer an LSP `initialize`
#      (with capabilities) and `shutdown` over stdio, and exit 0 after `exit`.
# With GLOSS_BIN, a `gloss` on PATH is made to point to it (the command lines
# themselves are not changed). Exits non-zero if any check fails.
set -u

here=$(cd "$(dirname "$0")" && pwd)
failures=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gloss-configs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -ge 1 ]; then
  case $1 in
    /*) bin=$1 ;;
    *) bin=$(pwd)/$1 ;;
  esac
  if [ ! -x "$bin" ]; then
    echo "check-configs: not executable: $1" >&2
    exit 2
  fi
  mkdir -p "$tmp/bin"
  ln -s "$bin" "$tmp/bin/gloss"
  PATH=$tmp/bin:$PATH
  export PATH
fi

pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }

# ---------------------------------------------------------------------------
# Extraction: prints the command line, words separated by single spaces.
# ---------------------------------------------------------------------------

vscode_cmd() {
  pkg=$here/vscode/package.json
  script='const p=require(process.argv[1]).contributes.configuration.properties;
console.log([p["gloss.server.path"].default].concat(p["gloss.server.args"].default).join(" "))'
  if command -v node >/dev/null 2>&1; then
    node -e "$script" "$pkg"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys
p=json.load(open(sys.argv[1]))["contributes"]["configuration"]["properties"]
print(" ".join([p["gloss.server.path"]["default"]]+p["gloss.server.args"]["default"]))' "$pkg"
  else
    echo "check-configs: need node or python3 to read $pkg" >&2
    return 1
  fi
}

neovim_cmd() {
  # The `cmd = { ... },` line of M.defaults in lua/gloss/init.lua.
  sed -n 's/^  cmd = {\(.*\)},.*$/\1/p' "$here/neovim/lua/gloss/init.lua" | head -n 1 |
    tr -d '",' | tr -s ' ' | sed 's/^ //; s/ $//'
}

helix_cmd() {
  awk '
    /^\[/ { in_gloss = ($0 == "[language-server.gloss]") }
    in_gloss && /^command *=/ { sub(/^command *= */, ""); gsub(/"/, ""); command = $0 }
    in_gloss && /^args *=/ { sub(/^args *= *\[/, ""); sub(/\].*$/, ""); gsub(/[",]/, " "); args = $0 }
    END { line = command " " args; gsub(/ +/, " ", line); sub(/ $/, "", line); print line }
  ' "$here/helix/languages.toml"
}

emacs_cmd() {
  sed -n "s/^(defcustom gloss-server-command '(\(.*\))\$/\1/p" "$here/emacs/gloss-eglot.el" |
    head -n 1 | tr -d '"'
}

# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

lsp_message() {
  printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c | tr -d ' ')" "$1"
}

check_command() {
  name=$1
  cmdline=$2
  echo "$name: $cmdline"
  if [ -z "$cmdline" ]; then
    fail "$name: no server command found in the config"
    return
  fi
  exe=${cmdline%% *}
  if ! command -v "$exe" >/dev/null 2>&1; then
    fail "$name: '$exe' is not on PATH (pass GLOSS_BIN)"
    return
  fi

  help_status=0
  # shellcheck disable=SC2086 # the command line is split into words on purpose
  timeout 20 $cmdline --help </dev/null >"$tmp/help.out" 2>&1 || help_status=$?
  if [ "$help_status" -eq 0 ] && [ -s "$tmp/help.out" ]; then
    pass "$cmdline --help"
  else
    fail "$cmdline --help: exit $help_status, output: '$(head -c 300 "$tmp/help.out")'"
  fi

  mkdir -p "$tmp/corpus"
  : >"$tmp/corpus/gloss.toml"
  : >"$tmp/corpus/entities.toml"
  root_uri="file://$tmp/corpus"
  # shellcheck disable=SC2086 # the command line is split into words on purpose
  {
    lsp_message '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"clientInfo":{"name":"check-configs"},"rootUri":"'"$root_uri"'","workspaceFolders":[{"uri":"'"$root_uri"'","name":"corpus"}],"capabilities":{}}}'
    lsp_message '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    sleep 1
    lsp_message '{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}'
    sleep 1
    lsp_message '{"jsonrpc":"2.0","method":"exit","params":null}'
    sleep 2
  } | (cd "$tmp/corpus" && timeout 20 $cmdline) >"$tmp/lsp.out" 2>"$tmp/lsp.err"
  status=$?
  out=$(tr -d '\r' <"$tmp/lsp.out")
  if printf '%s' "$out" | grep -Eq '"id" *: *1[^0-9]' && printf '%s' "$out" | grep -q '"capabilities"'; then
    pass "initialize answered with capabilities"
  else
    fail "no initialize result from '$cmdline' (exit $status); stdout: $(head -c 300 "$tmp/lsp.out"); stderr: $(head -c 300 "$tmp/lsp.err")"
    return
  fi
  if printf '%s' "$out" | grep -Eq '"id" *: *2[^0-9]'; then
    pass "shutdown answered"
  else
    fail "no shutdown response from '$cmdline'; stdout: $(head -c 300 "$tmp/lsp.out")"
  fi
  if [ "$status" -eq 0 ]; then
    pass "exited 0 after exit"
  else
    fail "'$cmdline' exited $status after shutdown/exit; stderr: $(head -c 300 "$tmp/lsp.err")"
  fi
}

for editor in vscode neovim helix emacs; do
  cmdline=$("${editor}_cmd") || cmdline=
  check_command "$editor" "$cmdline"
  eval "cmd_$editor=\$cmdline"
done

# All configs should agree on the command line.
# shellcheck disable=SC2154
if [ "$cmd_vscode" = "$cmd_neovim" ] && [ "$cmd_neovim" = "$cmd_helix" ] && [ "$cmd_helix" = "$cmd_emacs" ]; then
  echo "all configs run: $cmd_vscode"
else
  fail "configs disagree: vscode '$cmd_vscode', neovim '$cmd_neovim', helix '$cmd_helix', emacs '$cmd_emacs'"
fi

if [ "$failures" -ne 0 ]; then
  echo "check-configs: $failures check(s) failed" >&2
  exit 1
fi
echo "check-configs: all checks passed"
