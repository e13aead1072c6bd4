#!/usr/bin/env bash
# The whole gloss test suite, on a fresh machine: installs what the tests
# need (Neovim for the editor end-to-end test, npm packages for the VS Code
# extension), then runs the Rust tests, the lint on the bundled corpus and
# the editor tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

apt_updated=""
apt_install() {
    if [ -z "$apt_updated" ]; then
        apt-get update -qq
        apt_updated=1
    fi
    apt-get install -y -qq "$@" >/dev/null
}
command -v nvim >/dev/null 2>&1 || apt_install neovim
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== gloss check seeds"
cargo build --release --quiet
target/release/gloss check seeds

if [ -f editors/vscode/build.sh ]; then
    echo "== VS Code extension: build and package"
    bash editors/vscode/build.sh
fi
if [ -f editors/check-configs.sh ]; then
    echo "== Helix and Emacs configurations against the real command line"
    bash editors/check-configs.sh target/release/gloss
fi
if [ -f editors/neovim/test/run.sh ]; then
    echo "== Neovim end to end"
    bash editors/neovim/test/run.sh target/release/gloss
fi

echo "== cargo test"
cargo test --quiet
