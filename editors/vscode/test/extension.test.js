// Loads the bundled extension with a stand-in `vscode` module and checks the
// parts that do not need an editor: the document selector, the server
// command defaults and the reading of `gloss stats --format json`.
const assert = require("node:assert");
const Module = require("node:module");
const path = require("node:path");
const test = require("node:test");

const settings = {};
const stub = new Proxy(
  {
    workspace: {
      getConfiguration: () => ({ get: (key, dflt) => (key in settings ? settings[key] : dflt) }),
      workspaceFolders: undefined,
    },
  },
  {
    get(target, prop) {
      if (prop in target) return target[prop];
      // Classes and enums the client references at load time.
      return new Proxy(function () {}, { get: () => ({}) });
    },
  },
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: stub };

const ext = require(path.join(__dirname, "..", "out", "extension.js"));
const pkg = require(path.join(__dirname, "..", "package.json"));

test("activation and contributions", () => {
  assert.deepStrictEqual(pkg.activationEvents.slice(0, 2), [
    "workspaceContains:**/gloss.toml",
    "workspaceContains:**/entities.toml",
  ]);
  assert.strictEqual(pkg.main, "./out/extension.js");
  const props = pkg.contributes.configuration.properties;
  for (const key of ["gloss.server.path", "gloss.server.args", "gloss.checks", "gloss.trace.server"]) {
    assert.ok(props[key], `setting ${key}`);
  }
  const commands = pkg.contributes.commands.map((c) => c.command);
  assert.deepStrictEqual(commands.sort(), ["gloss.restartServer", "gloss.showCompleteness"]);
  assert.strictEqual(pkg.contributes.languages[0].id, "brat-ann");
});

test("document selector covers articles, .ann files and entities.toml", () => {
  const sel = ext.documentSelector;
  assert.ok(sel.some((f) => f.language === "plaintext"));
  assert.ok(sel.some((f) => f.pattern === "**/*.txt"));
  assert.ok(sel.some((f) => f.language === "brat-ann"));
  assert.ok(sel.some((f) => f.pattern === "**/entities.toml"));
});

test("server command: gloss serve by default, settings override", () => {
  assert.strictEqual(ext.serverCommand(), "gloss");
  assert.deepStrictEqual(ext.serverArgs(), ["serve"]);
  settings["server.path"] = "~/bin/gloss";
  settings["server.args"] = ["serve", "--log", "debug"];
  assert.strictEqual(ext.serverCommand(), path.join(require("node:os").homedir(), "bin/gloss"));
  assert.deepStrictEqual(ext.serverArgs(), ["serve", "--log", "debug"]);
  delete settings["server.path"];
  delete settings["server.args"];
});

test("gloss stats JSON becomes one quick-pick item per article", () => {
  const stats = {
    articles: [
      {
        file: "001_40905b9287ca137d.txt",
        published: "2001-11-23",
        dates: { annotated: 3, detected: 5, missing: 2 },
        claims: { annotated: 1, detected: 4, missing: 3 },
        completeness: 4 / 9,
      },
    ],
    corpus: { articles: 1, dates: { annotated: 3, detected: 5, missing: 2 }, completeness: 0.5 },
  };
  const items = ext.statsItems(stats, "/corpus");
  assert.strictEqual(items.length, 1);
  assert.strictEqual(items[0].label, "001_40905b9287ca137d.txt");
  assert.strictEqual(items[0].file, path.join("/corpus", "001_40905b9287ca137d.txt"));
  assert.strictEqual(items[0].description, "published 2001-11-23 · dates 3/5 · claims 1/4 · 44% complete");
  assert.strictEqual(ext.describe(stats.corpus), "articles 1 · dates 3/5 · 50% complete");
});

test("initializationOptions carry the checks and the server settings", () => {
  settings.checks = { "unknown-entity": "off" };
  settings.fixes = "edit";
  const opts = ext.serverSettings();
  assert.deepStrictEqual(opts.checks, { "unknown-entity": "off" });
  assert.strictEqual(opts.fixes, "edit");
  assert.ok(!("server" in opts) && !("trace" in opts));
  delete settings.checks;
  delete settings.fixes;
  assert.deepStrictEqual(ext.serverSettings(), { checks: {} });
});

test("semantic token types of the server are contributed", () => {
  const ids = pkg.contributes.semanticTokenTypes.map((t) => t.id).sort();
  assert.deepStrictEqual(ids, ["claimContent", "claimCue", "claimSource", "date", "location", "organization", "person"]);
});
