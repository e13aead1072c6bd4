// Tokenizes test/sample.ann with the brat-ann TextMate grammar, the way
// VS Code does, and checks the scopes of ids, labels, offsets and references.
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const grammarPath = path.join(__dirname, "..", "syntaxes", "brat-ann.tmLanguage.json");

async function loadGrammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.brat-ann"
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath)
        : null,
  });
  return registry.loadGrammar("source.brat-ann");
}

/** line -> [[text, innermost scope]] */
async function tokenize() {
  const grammar = await loadGrammar();
  const lines = fs.readFileSync(path.join(__dirname, "sample.ann"), "utf8").split("\n").filter(Boolean);
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
  });
}

function scopeOf(tokens, text) {
  const found = tokens.find(([t]) => t === text);
  assert.ok(found, `token ${JSON.stringify(text)} not found in ${JSON.stringify(tokens)}`);
  return found[1];
}

test("brat-ann grammar", async (t) => {
  const lines = await tokenize();
  const [t1, n1, t2, n2, t3, e1, r1, a1, note, equiv, junk] = lines;

  await t.test("text-bound annotations", () => {
    assert.strictEqual(scopeOf(t1, "T1"), "entity.name.tag.id.textbound.brat-ann");
    assert.strictEqual(scopeOf(t1, "Date"), "entity.name.type.label.brat-ann");
    assert.strictEqual(scopeOf(t1, "239"), "constant.numeric.offset.brat-ann");
    assert.strictEqual(scopeOf(t1, "yesterday"), "string.unquoted.covered-text.brat-ann");
    assert.strictEqual(scopeOf(t2, "Lord George Robertson"), "string.unquoted.covered-text.brat-ann");
    assert.strictEqual(scopeOf(t3, ";"), "punctuation.separator.fragment.brat-ann");
    assert.strictEqual(scopeOf(t3, "30"), "constant.numeric.offset.brat-ann");
  });

  await t.test("normalizations: TIMEX3 and Registry", () => {
    assert.strictEqual(scopeOf(n1, "N1"), "entity.name.tag.id.normalization.brat-ann");
    assert.strictEqual(scopeOf(n1, "T1"), "variable.other.reference.brat-ann");
    assert.strictEqual(scopeOf(n1, "TIMEX3"), "support.class.timex3.brat-ann");
    assert.strictEqual(scopeOf(n1, "2001-11-22"), "constant.other.timex3-value.brat-ann");
    assert.strictEqual(scopeOf(n2, "Registry"), "support.class.registry.brat-ann");
    assert.strictEqual(scopeOf(n2, "george-robertson"), "constant.other.entity-id.brat-ann");
  });

  await t.test("events, relations, attributes, notes, equivalences", () => {
    assert.strictEqual(scopeOf(e1, "E1"), "entity.name.tag.id.event.brat-ann");
    assert.strictEqual(scopeOf(e1, "Attribution"), "entity.name.type.label.brat-ann");
    assert.strictEqual(scopeOf(e1, "Source"), "entity.name.type.role.brat-ann");
    assert.strictEqual(scopeOf(e1, "T6"), "variable.other.reference.brat-ann");
    assert.strictEqual(scopeOf(r1, "R1"), "entity.name.tag.id.relation.brat-ann");
    assert.strictEqual(scopeOf(r1, "Arg2"), "entity.name.type.role.brat-ann");
    assert.strictEqual(scopeOf(a1, "A1"), "entity.name.tag.id.attribute.brat-ann");
    assert.strictEqual(scopeOf(a1, "E1"), "variable.other.reference.brat-ann");
    assert.strictEqual(scopeOf(note, "#1"), "comment.line.note-id.brat-ann");
    assert.strictEqual(scopeOf(note, "resolved from the dateline"), "comment.line.note.brat-ann");
    assert.strictEqual(scopeOf(equiv, "*"), "entity.name.tag.id.equiv.brat-ann");
  });

  await t.test("unrecognized lines are flagged", () => {
    assert.strictEqual(scopeOf(junk, "not brat"), "invalid.illegal.unrecognized-line.brat-ann");
  });
});
