#!/usr/bin/env python3
"""Latency of the gloss language server, measured over its stdio.

Speaks JSON-RPC with Content-Length framing to `gloss serve` on a corpus
root and reports, as JSON on standard output:

* index_s: time from sending `initialize` to the server's work-done
  progress `$/progress` with kind `end` (indexing complete);
* index_cpu_s: the server's CPU time (user + system) at that point, which
  depends less than index_s on what else the machine runs;
* rss_*_mb: the server's resident memory (VmRSS, /proc) after indexing, after
  the first whole-corpus request and at the end, and its peak (VmHWM);
* hover, definition, references: latency of each request on registry
  mentions in a few open articles, first (cold) call apart, then median and
  p99 of the warm calls;
* keystroke: time from a `didChange` (one character typed or deleted) in a
  large article (by default `long/long-article.txt`, written by
  `scripts/gen_corpus.py --big 50`) to the `publishDiagnostics` for that
  version. The server's debounce is set to 0 through initializationOptions,
  so this is the analysis and publishing cost alone; editors add the
  configured debounce (`gloss.debounceMs`, 200 ms by default); with the
  server's CPU time per keystroke, averaged over all of them.

    scripts/lsp_bench.py --root /tmp/gloss-100k
    scripts/lsp_bench.py --root /tmp/gloss-100k --gloss target/release/gloss -n 200
"""

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import quote


def uri_of(path):
    return "file://" + quote(os.path.abspath(path))


def utf16_pos(text, cp):
    """LSP position (UTF-16) of a code-point offset."""
    line = text.count("\n", 0, cp)
    start = text.rfind("\n", 0, cp) + 1
    return {"line": line, "character": len(text[start:cp].encode("utf-16-le")) // 2}


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def summary_ms(xs):
    if not xs:
        return None
    return {
        "n": len(xs),
        "median_ms": round(statistics.median(xs) * 1e3, 3),
        "p99_ms": round(pct(xs, 99) * 1e3, 3),
        "max_ms": round(max(xs) * 1e3, 3),
    }


class Server:
    def __init__(self, cmd, cwd, stderr):
        self.p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        self.next_id = 1
        self.responses = {}
        self.cond = threading.Condition()
        self.notes = queue.Queue()
        self.wlock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _send(self, msg):
        body = json.dumps(msg).encode()
        with self.wlock:
            self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.p.stdin.flush()

    def _read(self):
        f = self.p.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    with self.cond:
                        self.responses["eof"] = True
                        self.cond.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.partition(b":")
                if k.lower() == b"content-length":
                    length = int(v)
            msg = json.loads(f.read(length))
            now = time.perf_counter()
            if "id" in msg and "method" in msg:
                # A request from the server: accept everything.
                method = msg["method"]
                result = None
                if method == "workspace/configuration":
                    result = [{"debounceMs": 0} for _ in msg["params"]["items"]]
                self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
            elif "id" in msg:
                with self.cond:
                    self.responses[msg["id"]] = (now, msg)
                    self.cond.notify_all()
            else:
                self.notes.put((now, msg))

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=600):
        i = self.next_id
        self.next_id += 1
        t0 = time.perf_counter()
        self._send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        with self.cond:
            ok = self.cond.wait_for(lambda: i in self.responses or "eof" in self.responses, timeout)
            if not ok or i not in self.responses:
                raise RuntimeError(f"{method}: no response")
            t1, msg = self.responses.pop(i)
        if "error" in msg:
            raise RuntimeError(f"{method}: {msg['error']}")
        return t1 - t0, msg.get("result")

    def wait_note(self, pred, timeout=600):
        end = time.perf_counter() + timeout
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                raise RuntimeError("timed out waiting for a notification")
            t, msg = self.notes.get(timeout=left)
            if pred(msg):
                return t, msg

    def cpu_s(self):
        """User + system CPU time of the server so far (/proc/PID/stat)."""
        with open(f"/proc/{self.p.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        return round((int(fields[11]) + int(fields[12])) / tick, 2)

    def rss_mb(self, field="VmRSS"):
        with open(f"/proc/{self.p.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return round(int(line.split()[1]) / 1024, 1)
        return None


def mentions_of(ann_path, text, limit):
    """Positions of registry-linked spans from an .ann file (T + N Registry lines)."""
    spans, linked = {}, set()
    try:
        with open(ann_path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[0].startswith("T"):
                    m = re.match(r"\S+ (\d+) (\d+)$", parts[1])
                    if m:
                        spans[parts[0]] = (int(m.group(1)), int(m.group(2)))
                elif len(parts) >= 2 and parts[0].startswith("N") and "Registry:" in parts[1]:
                    linked.add(parts[1].split(" ")[1])
    except FileNotFoundError:
        return []
    out = []
    for tid, (s, e) in sorted(spans.items(), key=lambda kv: kv[1]):
        if tid in linked and e > s:
            out.append(utf16_pos(text, s + (e - s) // 2))
        if len(out) >= limit:
            break
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="corpus root (holds gloss.toml)")
    ap.add_argument("--gloss", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "gloss"))
    ap.add_argument("-n", type=int, default=100, help="warm requests of each kind (default 100)")
    ap.add_argument("--articles", type=int, default=10, help="articles to open for hover/definition/references")
    ap.add_argument("--big", default="long/long-article.txt", help="article (relative to the root) to type into")
    ap.add_argument("--keystrokes", type=int, default=100)
    ap.add_argument("--stderr", default=os.devnull, help="file for the server's log")
    ap.add_argument("--keystrokes-only", action="store_true", help="skip hover, definition and references")
    ap.add_argument("--client-watches", action="store_true",
                    help="say the client watches files (dynamic registration), as editors do; "
                         "by default the server watches the corpus itself with notify")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    out = {"root": root}

    with open(args.stderr, "w") as err:
        srv = Server([os.path.abspath(args.gloss), "serve"], root, err)
        t0 = time.perf_counter()
        srv.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri_of(root),
            "workspaceFolders": [{"uri": uri_of(root), "name": "bench"}],
            "initializationOptions": {"debounceMs": 0},
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "window": {"workDoneProgress": True},
                "textDocument": {"publishDiagnostics": {"versionSupport": True},
                                 "hover": {"contentFormat": ["markdown", "plaintext"]}},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": args.client_watches}},
            },
        })
        srv.notify("initialized", {})
        t_end, _ = srv.wait_note(lambda m: m.get("method") == "$/progress"
                                 and m["params"]["value"].get("kind") == "end")
        out["index_s"] = round(t_end - t0, 3)
        out["index_cpu_s"] = srv.cpu_s()
        out["rss_after_index_mb"] = srv.rss_mb()

        # Articles to query: the first few of the corpus, in path order.
        rels = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for f in sorted(filenames):
                if f.endswith(".txt"):
                    rels.append(os.path.relpath(os.path.join(dirpath, f), root))
                    if len(rels) >= args.articles:
                        break
            if len(rels) >= args.articles:
                break
        out["articles_on_disk"] = None
        targets = []
        for rel in rels:
            path = os.path.join(root, rel)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            srv.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri_of(path), "languageId": "plaintext", "version": 1, "text": text}})
            for pos in mentions_of(path[:-4] + ".ann", text, 10):
                targets.append((uri_of(path), pos))
        if not targets:
            sys.exit("lsp_bench: no registry mentions found in the opened articles")

        def run(method, extra=None):
            times, cold = [], None
            for k in range(args.n + 1):
                uri, pos = targets[k % len(targets)]
                params = {"textDocument": {"uri": uri}, "position": pos}
                if extra:
                    params.update(extra)
                dt, _ = srv.request(method, params)
                if cold is None:
                    cold = dt
                else:
                    times.append(dt)
            s = summary_ms(times)
            s["first_ms"] = round(cold * 1e3, 3)
            return s

        if not args.keystrokes_only:
            out["hover"] = run("textDocument/hover")
            out["rss_after_first_hover_mb"] = srv.rss_mb()
            out["definition"] = run("textDocument/definition")
            out["references"] = run("textDocument/references", {"context": {"includeDeclaration": True}})

        big = os.path.join(root, args.big)
        if os.path.exists(big):
            with open(big, encoding="utf-8", errors="replace") as f:
                text = f.read()
            uri = uri_of(big)
            # Drain pending notifications, then open and wait for the first publish.
            while not srv.notes.empty():
                srv.notes.get()
            srv.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
            srv.wait_note(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri)
            # Type in the middle of the article: a character, then delete it.
            mid = utf16_pos(text, len(text) // 2)
            times = []
            cpu0 = srv.cpu_s()
            for v in range(2, args.keystrokes + 2):
                if v % 2 == 0:
                    change = {"range": {"start": mid, "end": mid}, "text": "x"}
                else:
                    end = {"line": mid["line"], "character": mid["character"] + 1}
                    change = {"range": {"start": mid, "end": end}, "text": ""}
                t0 = time.perf_counter()
                srv.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": v}, "contentChanges": [change]})
                t1, _ = srv.wait_note(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                      and m["params"]["uri"] == uri
                                      and m["params"].get("version") == v)
                times.append(t1 - t0)
            out["keystroke"] = summary_ms(times)
            # Server CPU per keystroke (10 ms clock ticks, so an average).
            out["keystroke"]["cpu_ms_per_keystroke"] = round((srv.cpu_s() - cpu0) * 1e3 / len(times), 2)
            out["keystroke"]["article_bytes"] = len(text.encode("utf-8"))
        else:
            out["keystroke"] = None

        out["rss_end_mb"] = srv.rss_mb()
        out["rss_peak_mb"] = srv.rss_mb("VmHWM")
        del out["articles_on_disk"]
        try:
            srv.request("shutdown", None, timeout=30)
            srv.notify("exit", None)
            srv.p.wait(timeout=30)
        except Exception:
            srv.p.kill()
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
