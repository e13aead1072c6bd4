#!/bin/sh
# Builds the gloss VS Code extension into editors/vscode/gloss.vsix.
# The extension is bundled with esbuild into out/extension.js, so the .vsix
# needs no node_modules and is packaged with --no-dependencies.
set -eu
cd "$(dirname "$0")"
npm ci
npm run compile
npm test
npx vsce package --no-dependencies --allow-missing-repository -o gloss.vsix
echo "built $(pwd)/gloss.vsix"
