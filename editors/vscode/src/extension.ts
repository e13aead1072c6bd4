// VS Code client for the gloss language server.
//
// Starts `gloss serve` over stdio for the corpus's articles (*.txt), their
// brat standoff files (*.ann), the entity registry (entities.toml) and the
// manifest (gloss.toml).

import * as cp from "child_process";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  DocumentSelector,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

const SECTION = "gloss";

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;
let traceChannel: vscode.OutputChannel;
let statsChannel: vscode.OutputChannel | undefined;
let watcher: vscode.FileSystemWatcher | undefined;

/** Files the server is interested in. */
export const documentSelector: DocumentSelector = [
  { scheme: "file", language: "plaintext" },
  { scheme: "file", pattern: "**/*.txt" },
  { scheme: "file", language: "brat-ann" },
  { scheme: "file", pattern: "**/*.ann" },
  { scheme: "file", pattern: "**/entities.toml" },
  { scheme: "file", pattern: "**/gloss.toml" },
];

type Severity = "off" | "hint" | "info" | "warning" | "error";

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/** Expands `~` and `${workspaceFolder}` in a configured path. */
function expandPath(p: string): string {
  let out = p.trim();
  if (out === "~" || out.startsWith("~/")) {
    out = path.join(os.homedir(), out.slice(1));
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) {
    out = out.replace(/\$\{workspaceFolder\}/g, folder);
  }
  return out;
}

/** The executable to run: `gloss.server.path`, or `gloss` found on PATH. */
export function serverCommand(): string {
  const configured = config().get<string>("server.path", "gloss") || "gloss";
  return expandPath(configured);
}

export function serverArgs(): string[] {
  const args = config().get<string[]>("server.args", ["serve"]);
  return Array.isArray(args) && args.length > 0 ? args.map(String) : ["serve"];
}

function checks(): Record<string, Severity> {
  const value = config().get<Record<string, Severity>>("checks", {});
  return value && typeof value === "object" ? { ...value } : {};
}

/** Server settings, as sent in initializationOptions (section `gloss` without the client-only keys). */
export function serverSettings(): Record<string, unknown> {
  const c = config();
  const out: Record<string, unknown> = { checks: checks() };
  for (const key of [
    "fixes",
    "inlayHints",
    "codeLens",
    "debounceMs",
    "hoverAppearances",
    "standardTokenTypes",
    "roots",
  ]) {
    const value = c.get(key);
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

function createClient(): LanguageClient {
  const command = serverCommand();
  const run: Executable = {
    command,
    args: serverArgs(),
    // No `transport` on purpose: the client would append `--stdio` to the
    // arguments, and `gloss serve` already speaks LSP over stdio.
    options: {
      env: { ...process.env, RUST_BACKTRACE: process.env.RUST_BACKTRACE ?? "1" },
    },
  };
  const serverOptions: ServerOptions = { run, debug: run };

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel,
    traceOutputChannel: traceChannel,
    initializationOptions: serverSettings(),
    synchronize: {
      // Sends workspace/didChangeConfiguration with the `gloss` section;
      // workspace/configuration requests for `gloss` are answered from the
      // same settings.
      configurationSection: SECTION,
      fileEvents: watcher ? [watcher] : [],
    },
    markdown: { isTrusted: false, supportHtml: false },
  };

  return new LanguageClient(SECTION, "gloss", serverOptions, clientOptions);
}

async function startClient(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const choice = await vscode.window.showErrorMessage(
      `gloss: could not start the language server (${serverCommand()} ${serverArgs().join(" ")}): ${message}`,
      "Open Settings",
      "Show Log",
    );
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "gloss.server");
    } else if (choice === "Show Log") {
      outputChannel.show(true);
    }
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch {
      // The server may already be gone; nothing more to do.
    }
  }
}

async function restartServer(): Promise<void> {
  await stopClient();
  await startClient();
  if (client?.isRunning()) {
    void vscode.window.setStatusBarMessage("gloss: language server restarted", 3000);
  }
}

/** Corpus roots: folders holding gloss.toml (or entities.toml) in the workspace. */
async function corpusRoots(): Promise<string[]> {
  const found = await vscode.workspace.findFiles(
    "**/{gloss.toml,entities.toml}",
    "**/{node_modules,target,.git}/**",
    50,
  );
  const roots = new Set<string>();
  for (const uri of found) {
    roots.add(path.dirname(uri.fsPath));
  }
  // A folder with gloss.toml wins over a nested one with only entities.toml.
  const sorted = [...roots].sort();
  const result = sorted.filter(
    (r) => !sorted.some((o) => o !== r && r.startsWith(o + path.sep)),
  );
  if (result.length === 0) {
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      result.push(f.uri.fsPath);
    }
  }
  return result;
}

function runStats(root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    cp.execFile(
      serverCommand(),
      ["stats", "--format", "json", root],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && !stdout) {
          reject(new Error(stderr.trim() || err.message));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

interface StatsItem extends vscode.QuickPickItem {
  file?: string;
}

function asNumber(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function fraction(v: unknown): string | undefined {
  if (!v || typeof v !== "object") return undefined;
  const c = v as Record<string, unknown>;
  const annotated = asNumber(c.annotated);
  const missing = asNumber(c.missing);
  if (annotated === undefined || missing === undefined) return undefined;
  return `${annotated}/${annotated + missing}`;
}

/** One line for a stats record: `dates 3/5 · claims 1/4 · 50% complete`. */
export function describe(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(record)) {
    if (["path", "file", "article", "name", "completeness"].includes(k)) continue;
    const frac = fraction(v);
    if (frac !== undefined) {
      parts.push(`${k} ${frac}`);
    } else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") {
      parts.push(`${k} ${v}`);
    }
  }
  const completeness = asNumber(record.completeness);
  if (completeness !== undefined) {
    parts.push(`${Math.round(completeness * 100)}% complete`);
  }
  return parts.join(" · ");
}

/** Picks out per-article records from whatever shape `gloss stats` prints. */
export function statsItems(json: unknown, root: string): StatsItem[] {
  const items: StatsItem[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 3 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const rec = value as Record<string, unknown>;
    const file = ["file", "path", "article"]
      .map((k) => rec[k])
      .find((v): v is string => typeof v === "string");
    if (file) {
      const abs = path.isAbsolute(file) ? file : path.join(root, file);
      items.push({ label: path.basename(file), description: describe(rec), file: abs });
      return;
    }
    for (const [k, v] of Object.entries(rec)) {
      if (k !== "corpus") visit(v, depth + 1);
    }
  };
  visit(json, 0);
  return items;
}

async function showCompleteness(): Promise<void> {
  const roots = await corpusRoots();
  if (roots.length === 0) {
    void vscode.window.showWarningMessage("gloss: open a folder containing gloss.toml first.");
    return;
  }
  let root = roots[0];
  if (roots.length > 1) {
    const pick = await vscode.window.showQuickPick(roots, { placeHolder: "Which corpus?" });
    if (!pick) return;
    root = pick;
  }
  let stdout: string;
  try {
    stdout = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "gloss stats" },
      () => runStats(root),
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(`gloss stats failed: ${message}`);
    return;
  }

  statsChannel ??= vscode.window.createOutputChannel("gloss: Completeness", "json");
  statsChannel.clear();
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
    statsChannel.appendLine(JSON.stringify(parsed, null, 2));
  } catch {
    statsChannel.append(stdout);
  }

  const items = parsed === undefined ? [] : statsItems(parsed, root);
  if (items.length === 0) {
    statsChannel.show(true);
    return;
  }
  const corpus =
    parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>).corpus
      : undefined;
  const summary =
    corpus && typeof corpus === "object" ? describe(corpus as Record<string, unknown>) : "";
  const all: StatsItem[] = [
    { label: "$(output) Show full report", description: summary },
    ...items,
  ];
  const choice = await vscode.window.showQuickPick(all, {
    placeHolder: `Annotation completeness in ${root}`,
    matchOnDescription: true,
  });
  if (!choice) return;
  if (choice.file) {
    await vscode.window.showTextDocument(vscode.Uri.file(choice.file));
  } else {
    statsChannel.show(true);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel("gloss");
  traceChannel = vscode.window.createOutputChannel("gloss: Trace");
  // Lets the server see .ann and registry edits made outside the editor.
  watcher = vscode.workspace.createFileSystemWatcher(
    "**/{gloss.toml,entities.toml,*.ann,*.txt}",
  );
  context.subscriptions.push(outputChannel, traceChannel, watcher);

  context.subscriptions.push(
    vscode.commands.registerCommand("gloss.restartServer", () => restartServer()),
    vscode.commands.registerCommand("gloss.showCompleteness", () => showCompleteness()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration("gloss.server.path") ||
        e.affectsConfiguration("gloss.server.args")
      ) {
        void restartServer();
      }
    }),
    { dispose: () => void stopClient() },
  );

  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
  statsChannel?.dispose();
}
