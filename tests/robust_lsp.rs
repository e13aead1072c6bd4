//! `gloss serve` under abuse, over stdio as an editor drives it: requests
//! before `initialize` and after `shutdown`, malformed JSON and parameters,
//! positions out of range, unknown URIs, thousands of rapid `didChange`
//! events, files deleted or renamed while open, the registry rewritten while
//! requests are in flight. Every request gets a response (a result or an
//! error) and the server keeps answering. Every wait is bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests seen while waiting for responses.
    seen: Vec<Value>,
    /// Responses that arrived while waiting for another one.
    early: std::collections::HashMap<i64, Value>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .arg("serve")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gloss serve");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    match r.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        len = v.trim().parse::<usize>().ok();
                    }
                }
                let Some(len) = len else { return };
                let mut buf = vec![0u8; len];
                if r.read_exact(&mut buf).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&buf).expect("server sent invalid JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            rx,
            next_id: 1,
            seen: Vec::new(),
            early: Default::default(),
        }
    }

    fn send_raw(&mut self, body: &[u8]) {
        let _ = write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len());
        let _ = self.stdin.write_all(body);
        let _ = self.stdin.flush();
    }

    fn send(&mut self, v: &Value) {
        self.send_raw(serde_json::to_string(v).unwrap().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// Wait for the response with `id`, answering the server's own requests.
    fn wait(&mut self, id: i64) -> Value {
        if let Some(v) = self.early.remove(&id) {
            return v;
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(v) => {
                    if v.get("method").is_some() {
                        if let Some(rid) = v.get("id").cloned() {
                            let result = match v["method"].as_str() {
                                Some("workspace/configuration") => {
                                    let n = v["params"]["items"].as_array().map_or(1, Vec::len);
                                    json!(vec![Value::Null; n])
                                }
                                Some("workspace/applyEdit") => json!({ "applied": false }),
                                _ => Value::Null,
                            };
                            self.send(&json!({ "jsonrpc": "2.0", "id": rid, "result": result }));
                        }
                        self.seen.push(v);
                    } else if v["id"] == json!(id) {
                        return v;
                    } else if let Some(other) = v["id"].as_i64() {
                        self.early.insert(other, v);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no response to request {id} within {TIMEOUT:?}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output (crashed?) waiting for {id}")
                }
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait(id)
    }

    fn initialize(&mut self, root: &Path) -> Value {
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {
                    "general": { "positionEncodings": ["utf-16"] },
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": false } }
                },
                "workspaceFolders": [{ "uri": uri(root), "name": "corpus" }]
            }),
        );
        assert!(r.get("result").is_some(), "initialize failed: {r}");
        self.notify("initialized", json!({}));
        r
    }

    /// The server is alive and answering.
    fn assert_alive(&mut self, root: &Path) {
        let r = self.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri(&root.join("a.txt")) } }),
        );
        assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the server exited"
        );
    }

    fn shutdown_and_exit(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_ne!(status.code(), Some(101), "the server panicked");
                return;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit after `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(p: &Path) -> String {
    let p = p.canonicalize().unwrap_or_else(|_| p.to_owned());
    format!("file://{}", p.display())
}

const ARTICLE: &str = "MOSCOW, 21 November 2001 - Robertson said on Wednesday that NATO would meet next week.\nThe alliance \"was ready\", he said.\n";

fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    std::fs::write(
        root.join("entities.toml"),
        "[george-robertson]\nkind = \"person\"\nname = \"George Robertson\"\naliases = [\"Robertson\"]\n\n[nato]\nkind = \"organization\"\nname = \"NATO\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("gloss.toml"),
        "[articles.\"a.txt\"]\npublished = 2001-11-22\n",
    )
    .unwrap();
    std::fs::write(root.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        root.join("a.ann"),
        "T1\tPerson 27 36\tRobertson\nN1\tReference T1 Registry:george-robertson\tRobertson\n",
    )
    .unwrap();
    std::fs::write(root.join("b.txt"), ARTICLE).unwrap();
    (tmp, root)
}

fn is_error(r: &Value) -> bool {
    r.get("error").is_some()
}

fn open(s: &mut Server, path: &Path, text: &str) {
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(path), "languageId": "plaintext", "version": 1, "text": text } }),
    );
}

/// Requests with a document and a position, for sweeping.
const POSITION_METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/documentHighlight",
    "textDocument/completion",
    "textDocument/prepareRename",
];

#[test]
fn requests_before_initialize_and_after_shutdown_get_errors() {
    let (_tmp, root) = corpus();
    let mut s = Server::start(&root);
    let r = s.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&root.join("a.txt")) }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(is_error(&r), "{r}");
    s.initialize(&root);
    s.assert_alive(&root);
    // A second initialize is an error, not a reset.
    let r = s.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert!(is_error(&r), "{r}");
    let r = s.request("shutdown", Value::Null);
    assert!(!is_error(&r), "{r}");
    let r = s.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&root.join("a.txt")) }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(is_error(&r), "a request after shutdown must fail: {r}");
    s.notify("exit", Value::Null);
    let deadline = Instant::now() + TIMEOUT;
    while s.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "no exit after shutdown + exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn malformed_messages_and_parameters_get_errors_and_the_server_goes_on() {
    let (_tmp, root) = corpus();
    let mut s = Server::start(&root);
    s.initialize(&root);
    open(&mut s, &root.join("a.txt"), ARTICLE);
    // Not JSON, JSON that is not a message, a message without a method.
    s.send_raw(b"{ this is not json");
    s.send_raw(b"[1, 2, 3]");
    s.send_raw(b"{\"jsonrpc\":\"2.0\",\"id\":9999}");
    s.send_raw(
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":\"\u{1F600}\"}"
            .as_bytes(),
    );
    s.assert_alive(&root);
    // Unknown methods.
    let r = s.request("gloss/noSuchMethod", json!({}));
    assert!(is_error(&r), "{r}");
    s.notify("gloss/noSuchNotification", json!({ "x": 1 }));
    // Malformed parameters for every kind of request.
    for m in POSITION_METHODS.iter().chain(&[
        "textDocument/documentSymbol",
        "textDocument/codeAction",
        "textDocument/semanticTokens/full",
        "textDocument/inlayHint",
        "textDocument/codeLens",
        "textDocument/rename",
        "textDocument/references",
        "workspace/executeCommand",
        "workspace/symbol",
    ]) {
        for params in [
            json!(null),
            json!({}),
            json!([]),
            json!({ "textDocument": 5 }),
            json!("x"),
        ] {
            let r = s.request(m, params.clone());
            assert!(
                r.get("result").is_some() || is_error(&r),
                "{m} {params}: {r}"
            );
        }
    }
    // Bad notifications.
    s.notify("textDocument/didChange", json!({ "textDocument": { "uri": "file:///nowhere.txt", "version": 2 }, "contentChanges": [{ "text": "x" }] }));
    s.notify("textDocument/didChange", json!({ "contentChanges": 7 }));
    s.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": "not a uri" } }),
    );
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": "file:///", "type": 99 }] }),
    );
    // Commands with nonsense arguments.
    for args in [
        json!([]),
        json!([null]),
        json!([{ "uri": "file:///x", "code": "nope", "index": 99 }]),
        json!([1, 2]),
    ] {
        let r = s.request(
            "workspace/executeCommand",
            json!({ "command": "gloss.applyFix", "arguments": args }),
        );
        assert!(r.get("result").is_some() || is_error(&r), "{r}");
    }
    let r = s.request(
        "workspace/executeCommand",
        json!({ "command": "rm -rf", "arguments": [] }),
    );
    assert!(is_error(&r), "{r}");
    s.assert_alive(&root);
    assert_eq!(
        std::fs::read_to_string(root.join("a.ann"))
            .unwrap()
            .lines()
            .count(),
        2
    );
    s.shutdown_and_exit();
}

#[test]
fn positions_out_of_range_and_unknown_uris() {
    let (_tmp, root) = corpus();
    let mut s = Server::start(&root);
    s.initialize(&root);
    let a = root.join("a.txt");
    open(&mut s, &a, ARTICLE);
    let uris = [
        uri(&a),
        uri(&root.join("a.ann")),
        uri(&root.join("entities.toml")),
        uri(&root.join("missing.txt")),
        uri(&root.join("../outside.txt")),
        "file:///".to_owned(),
        "untitled:Untitled-1".to_owned(),
        "http://example.org/a.txt".to_owned(),
        "file:///%ZZ%00".to_owned(),
    ];
    let positions = [
        (0, 0),
        (0, 10_000),
        (1, 3),
        (2, 0),
        (99, 0),
        (u32::MAX, u32::MAX),
        (0, u32::MAX),
    ];
    for u in &uris {
        for m in POSITION_METHODS {
            for (line, ch) in positions {
                let r = s.request(
                    m,
                    json!({ "textDocument": { "uri": u }, "position": { "line": line, "character": ch } }),
                );
                assert!(
                    r.get("result").is_some() || is_error(&r),
                    "{m} {u} {line}:{ch}: {r}"
                );
            }
        }
        let far = json!({ "start": { "line": u32::MAX, "character": 0 }, "end": { "line": 0, "character": u32::MAX } });
        for (m, params) in [
            (
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": u }, "range": far, "context": { "diagnostics": [] } }),
            ),
            (
                "textDocument/semanticTokens/range",
                json!({ "textDocument": { "uri": u }, "range": far }),
            ),
            (
                "textDocument/inlayHint",
                json!({ "textDocument": { "uri": u }, "range": far }),
            ),
            (
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": u } }),
            ),
            (
                "textDocument/semanticTokens/full",
                json!({ "textDocument": { "uri": u } }),
            ),
            (
                "textDocument/codeLens",
                json!({ "textDocument": { "uri": u } }),
            ),
            (
                "textDocument/rename",
                json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 28 }, "newName": "new id\n[x]" }),
            ),
            (
                "textDocument/references",
                json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 28 }, "context": { "includeDeclaration": true } }),
            ),
        ] {
            let r = s.request(m, params);
            assert!(r.get("result").is_some() || is_error(&r), "{m} {u}: {r}");
        }
    }
    // Edits with ranges out of range, reversed, inside a surrogate pair.
    s.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&a), "version": 2 }, "contentChanges": [
            { "range": { "start": { "line": 500, "character": 0 }, "end": { "line": 0, "character": 5 } }, "text": "😀" },
            { "range": { "start": { "line": 0, "character": 1 }, "end": { "line": 0, "character": 1 } }, "text": "x" },
            { "range": { "start": { "line": 0, "character": u32::MAX }, "end": { "line": u32::MAX, "character": u32::MAX } }, "text": "\r\n\r" },
        ] }),
    );
    s.assert_alive(&root);
    s.shutdown_and_exit();
}

#[test]
fn thousands_of_rapid_changes_keep_the_document_in_step() {
    let (_tmp, root) = corpus();
    let mut s = Server::start(&root);
    s.initialize(&root);
    let b = root.join("b.txt");
    open(&mut s, &b, ARTICLE);
    // Type 3000 characters one by one at the end of the first line, then
    // delete them again, as incremental changes.
    let typed: String = "é😀a中 ".chars().cycle().take(3000).collect();
    let first_line_utf16 = ARTICLE.lines().next().unwrap().encode_utf16().count() as u32;
    let mut col = first_line_utf16;
    let mut version = 1;
    for c in typed.chars() {
        version += 1;
        s.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(&b), "version": version }, "contentChanges": [
                { "range": { "start": { "line": 0, "character": col }, "end": { "line": 0, "character": col } }, "text": c.to_string() }
            ] }),
        );
        col += c.len_utf16() as u32;
    }
    let r = s.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri(&b) } }),
    );
    assert!(r.get("result").is_some(), "{r}");
    // Delete everything typed in one change, then hover on the second line:
    // if the server's copy drifted, positions would be off.
    version += 1;
    s.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&b), "version": version }, "contentChanges": [
            { "range": { "start": { "line": 0, "character": first_line_utf16 }, "end": { "line": 0, "character": col } }, "text": "" }
        ] }),
    );
    let r = s.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": uri(&b) } }),
    );
    assert!(r.get("result").is_some(), "{r}");
    // The same text opened fresh gives the same tokens.
    let c = root.join("c.txt");
    std::fs::write(&c, ARTICLE).unwrap();
    open(&mut s, &c, ARTICLE);
    let r2 = s.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": uri(&c) } }),
    );
    assert_eq!(
        r["result"], r2["result"],
        "the edited document drifted from its text"
    );
    s.shutdown_and_exit();
}

#[test]
fn files_deleted_or_renamed_while_open_and_registry_rewritten_mid_request() {
    let (_tmp, root) = corpus();
    let mut s = Server::start(&root);
    s.initialize(&root);
    let a = root.join("a.txt");
    open(&mut s, &a, ARTICLE);
    open(
        &mut s,
        &root.join("a.ann"),
        &std::fs::read_to_string(root.join("a.ann")).unwrap(),
    );
    // Delete the article and its annotations from disk while open.
    std::fs::remove_file(&a).unwrap();
    std::fs::remove_file(root.join("a.ann")).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&root).to_string() + "/a.txt", "type": 3 }, { "uri": uri(&root).to_string() + "/a.ann", "type": 3 }] }),
    );
    for m in POSITION_METHODS {
        let r = s.request(m, json!({ "textDocument": { "uri": uri(&root).to_string() + "/a.txt" }, "position": { "line": 0, "character": 28 } }));
        assert!(r.get("result").is_some() || is_error(&r), "{m}: {r}");
    }
    let r = s.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&root).to_string() + "/a.txt" }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 0 } }, "context": { "diagnostics": [] } }),
    );
    assert!(r.get("result").is_some() || is_error(&r), "{r}");
    // Rename b.txt to d.txt under the server's feet.
    std::fs::rename(root.join("b.txt"), root.join("d.txt")).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&root).to_string() + "/b.txt", "type": 3 }, { "uri": uri(&root.join("d.txt")), "type": 1 }] }),
    );
    s.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri(&root).to_string() + "/a.txt" } }),
    );

    // Rewrite the registry (valid, broken, empty, gone) while requests run.
    let reg = root.join("entities.toml");
    let versions = [
        "[nato]\nkind = \"organization\"\nname = \"NATO\"\n".to_owned(),
        "[nato\nkind = ".to_owned(),
        String::new(),
        "[a]\nkind = \"person\"\nname = \"A\"\n[a]\nname = \"B\"\n".to_owned(),
        "\u{FEFF}[x]\nkind = \"planet\"\nname = 5\n".to_owned(),
    ];
    let d = root.join("d.txt");
    open(&mut s, &d, ARTICLE);
    let writer = {
        let reg = reg.clone();
        let versions = versions.clone();
        std::thread::spawn(move || {
            for i in 0..200 {
                if i % 7 == 6 {
                    let _ = std::fs::remove_file(&reg);
                } else {
                    let _ =
                        gloss::fsutil::write_atomic(&reg, versions[i % versions.len()].as_bytes());
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let mut ids = Vec::new();
    for i in 0..200 {
        if i % 10 == 0 {
            s.notify(
                "workspace/didChangeWatchedFiles",
                json!({ "changes": [{ "uri": uri(&reg), "type": 2 }] }),
            );
        }
        let m = POSITION_METHODS[i % POSITION_METHODS.len()];
        ids.push(s.send_request(m, json!({ "textDocument": { "uri": uri(&d) }, "position": { "line": 0, "character": 28 } })));
        if i % 25 == 0 {
            ids.push(s.send_request("workspace/symbol", json!({ "query": "n" })));
            ids.push(s.send_request(
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": uri(&reg) } }),
            ));
        }
    }
    writer.join().unwrap();
    for id in ids {
        let r = s.wait(id);
        assert!(r.get("result").is_some() || is_error(&r), "{r}");
    }
    // The registry is still there or gone, never a half-written file.
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&reg), "type": 2 }] }),
    );
    s.assert_alive(&root);
    s.shutdown_and_exit();
}

/// `gloss.applyFix` on a closed `.ann` file that starts with a byte-order
/// mark writes the new lines after the old bytes (and does not mistake the
/// mark for a change on disk).
#[test]
fn apply_fix_to_a_closed_ann_file_with_a_byte_order_mark() {
    let (_tmp, root) = corpus();
    let ann = root.join("a.ann");
    let old = b"\xEF\xBB\xBFT1\tPerson 27 36\tRobertson\r\n#1\tAnnotatorNotes T1\tkeep".to_vec();
    std::fs::write(&ann, &old).unwrap();
    let mut s = Server::start(&root);
    s.initialize(&root);
    open(&mut s, &root.join("a.txt"), ARTICLE);
    s.assert_alive(&root);
    let r = s.request(
        "workspace/executeCommand",
        json!({ "command": "gloss.applyFix", "arguments": [{ "uri": uri(&root.join("a.txt")), "all": "unannotated-date" }] }),
    );
    assert!(r.get("result").is_some(), "{r}");
    let new = std::fs::read(&ann).unwrap();
    assert!(new.starts_with(&old), "{}", String::from_utf8_lossy(&new));
    assert!(new.len() > old.len());
    s.shutdown_and_exit();
}

/// An annotator saves the `.ann` file (outside the editor, so the server has
/// not been told) after gloss analysed it: `gloss.applyFix` must refuse
/// rather than write lines computed from the old text, and the saved file
/// stays exactly as saved.
#[test]
fn apply_fix_refuses_when_the_ann_file_changed_since_analysis() {
    let (_tmp, root) = corpus();
    let ann = root.join("a.ann");
    let mut s = Server::start(&root);
    s.initialize(&root);
    open(&mut s, &root.join("a.txt"), ARTICLE);
    s.assert_alive(&root);
    let saved = "T1\tPerson 27 36\tRobertson\n#1\tAnnotatorNotes T1\tsaved behind gloss's back\n";
    std::fs::write(&ann, saved).unwrap();
    let r = s.request(
        "workspace/executeCommand",
        json!({ "command": "gloss.applyFix", "arguments": [{ "uri": uri(&root.join("a.txt")), "all": "unannotated-date" }] }),
    );
    assert!(is_error(&r), "{r}");
    assert!(r.to_string().contains("changed on disk"), "{r}");
    assert_eq!(std::fs::read_to_string(&ann).unwrap(), saved);
    s.assert_alive(&root);
    s.shutdown_and_exit();
}
