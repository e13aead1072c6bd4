//! A small LSP client for tests: speaks JSON-RPC with Content-Length framing
//! to the server, either in-process (the tower service over an in-memory
//! pipe) or to the built `gloss serve` binary over stdio, as an editor does.
//! Requests from the server are answered automatically and recorded.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{oneshot, Notify};

pub const TIMEOUT: Duration = Duration::from_secs(15);

type Writer = Arc<tokio::sync::Mutex<Box<dyn AsyncWrite + Unpin + Send>>>;

#[derive(Default)]
struct Shared {
    pending: HashMap<i64, oneshot::Sender<Value>>,
    notifications: Vec<Value>,
    server_requests: Vec<Value>,
    configuration: Value,
}

pub struct Client {
    writer: Writer,
    next_id: AtomicI64,
    shared: Arc<Mutex<Shared>>,
    notify: Arc<Notify>,
    child: Option<tokio::process::Child>,
    pub enc: Enc,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Enc {
    Utf8,
    Utf16,
}

async fn write_msg(w: &Writer, v: &Value) {
    let body = serde_json::to_string(v).unwrap();
    let mut w = w.lock().await;
    let _ = w
        .write_all(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
        .await;
    let _ = w.flush().await;
}

impl Client {
    /// The server in this process, over an in-memory pipe.
    pub fn in_process() -> Client {
        let (client_io, server_io) = tokio::io::duplex(1 << 22);
        let (sr, sw) = tokio::io::split(server_io);
        tokio::spawn(gloss::lsp::serve(sr, sw));
        let (cr, cw) = tokio::io::split(client_io);
        Client::start(Box::new(cr), Box::new(cw), None)
    }

    /// The built binary, `gloss serve`.
    pub fn binary(args: &[&str]) -> Client {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start gloss serve");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        Client::start(Box::new(stdout), Box::new(stdin), Some(child))
    }

    fn start(
        reader: Box<dyn tokio::io::AsyncRead + Unpin + Send>,
        writer: Box<dyn AsyncWrite + Unpin + Send>,
        child: Option<tokio::process::Child>,
    ) -> Client {
        let writer: Writer = Arc::new(tokio::sync::Mutex::new(writer));
        let shared = Arc::new(Mutex::new(Shared::default()));
        let notify = Arc::new(Notify::new());
        let (w2, s2, n2) = (writer.clone(), shared.clone(), notify.clone());
        tokio::spawn(async move {
            let mut r = BufReader::new(reader);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    match r.read_line(&mut line).await {
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
                if r.read_exact(&mut buf).await.is_err() {
                    return;
                }
                let msg: Value = serde_json::from_slice(&buf).expect("valid JSON from the server");
                let has_id = msg.get("id").is_some_and(|i| !i.is_null());
                let has_method = msg.get("method").is_some();
                if has_id && !has_method {
                    let id = msg["id"].as_i64().unwrap_or(-1);
                    let tx = s2.lock().unwrap().pending.remove(&id);
                    if let Some(tx) = tx {
                        let _ = tx.send(msg);
                    }
                } else if has_id {
                    // A request from the server: answer it.
                    let method = msg["method"].as_str().unwrap_or("").to_owned();
                    let result = match method.as_str() {
                        "workspace/configuration" => {
                            let c = s2.lock().unwrap().configuration.clone();
                            let n = msg["params"]["items"]
                                .as_array()
                                .map(|a| a.len())
                                .unwrap_or(1);
                            json!(vec![c; n])
                        }
                        "workspace/applyEdit" => json!({ "applied": true }),
                        _ => Value::Null,
                    };
                    s2.lock().unwrap().server_requests.push(msg.clone());
                    write_msg(
                        &w2,
                        &json!({ "jsonrpc": "2.0", "id": msg["id"], "result": result }),
                    )
                    .await;
                    n2.notify_waiters();
                } else {
                    s2.lock().unwrap().notifications.push(msg);
                    n2.notify_waiters();
                }
            }
        });
        Client {
            writer,
            next_id: AtomicI64::new(1),
            shared,
            notify,
            child,
            enc: Enc::Utf16,
        }
    }

    pub fn set_configuration(&self, v: Value) {
        self.shared.lock().unwrap().configuration = v;
    }

    /// Send a request and wait for its response (the whole response object).
    pub async fn request_raw(&self, method: &str, params: Value) -> Value {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = oneshot::channel();
        self.shared.lock().unwrap().pending.insert(id, tx);
        write_msg(
            &self.writer,
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        )
        .await;
        tokio::time::timeout(TIMEOUT, rx)
            .await
            .unwrap_or_else(|_| panic!("no response to {method} within {TIMEOUT:?}"))
            .expect("response channel")
    }

    /// Send a request; panic on an error response; return the result.
    pub async fn request(&self, method: &str, params: Value) -> Value {
        let r = self.request_raw(method, params).await;
        if let Some(e) = r.get("error") {
            panic!("{method} failed: {e}");
        }
        r["result"].clone()
    }

    /// Send a raw frame body (e.g. invalid JSON).
    pub async fn send_raw(&self, body: &str) {
        let mut w = self.writer.lock().await;
        let _ = w
            .write_all(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
            .await;
        let _ = w.flush().await;
    }

    pub async fn notify(&self, method: &str, params: Value) {
        write_msg(
            &self.writer,
            &json!({ "jsonrpc": "2.0", "method": method, "params": params }),
        )
        .await;
    }

    /// Wait until a recorded notification satisfies `pred`; return it.
    pub async fn wait_for(&self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let notified = self.notify.notified();
            if let Some(v) = self
                .shared
                .lock()
                .unwrap()
                .notifications
                .iter()
                .rev()
                .find(|n| pred(n))
                .cloned()
            {
                return v;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let notes = self.shared.lock().unwrap().notifications.clone();
                let methods: Vec<String> = notes
                    .iter()
                    .map(|n| {
                        format!(
                            "{} {}",
                            n["method"],
                            n["params"]["uri"].as_str().unwrap_or("")
                        )
                    })
                    .collect();
                panic!("timed out waiting for {what}; got: {methods:#?}");
            }
        }
    }

    /// Wait until the server reports the end of indexing (`$/progress` end).
    pub async fn wait_indexed(&self) {
        self.wait_for("indexing to end", |n| {
            n["method"] == "$/progress" && n["params"]["value"]["kind"] == "end"
        })
        .await;
    }

    /// Forget recorded notifications (to wait for fresh ones).
    pub fn clear_notifications(&self) {
        self.shared.lock().unwrap().notifications.clear();
    }

    pub fn notifications(&self, method: &str) -> Vec<Value> {
        self.shared
            .lock()
            .unwrap()
            .notifications
            .iter()
            .filter(|n| n["method"] == method)
            .cloned()
            .collect()
    }

    pub fn server_requests(&self, method: &str) -> Vec<Value> {
        self.shared
            .lock()
            .unwrap()
            .server_requests
            .iter()
            .filter(|n| n["method"] == method)
            .cloned()
            .collect()
    }

    /// Wait for diagnostics of `uri` that satisfy `pred`; return them.
    pub async fn diagnostics(&self, uri: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let v = self
            .wait_for(&format!("diagnostics of {uri} matching"), |n| {
                n["method"] == "textDocument/publishDiagnostics"
                    && n["params"]["uri"] == uri
                    && pred(
                        n["params"]["diagnostics"]
                            .as_array()
                            .map(|a| a.as_slice())
                            .unwrap_or(&[]),
                    )
            })
            .await;
        v["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// `initialize` + `initialized` with typical editor capabilities.
    /// `initialize` (UTF-16) as a client that cannot watch files (no
    /// dynamic registration, as Neovim before 0.9): the server watches the
    /// corpus itself.
    pub async fn initialize_unwatched(&mut self, root: &Path) -> Value {
        self.initialize(
            root,
            &["utf-16"],
            json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": false } } }),
        )
        .await
    }

    /// The file names (last path component) and start characters of the
    /// references to what is at `byte` of `text`, sorted.
    pub async fn reference_files(&self, uri: &str, text: &str, byte: usize) -> Vec<(String, u64)> {
        let v = self
            .request(
                "textDocument/references",
                json!({ "textDocument": { "uri": uri }, "position": self.pos(text, byte), "context": { "includeDeclaration": false } }),
            )
            .await;
        let mut out: Vec<(String, u64)> = v
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|l| {
                (
                    l["uri"]
                        .as_str()
                        .unwrap_or_default()
                        .rsplit('/')
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                    l["range"]["start"]["character"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        out.sort();
        out
    }

    /// [`Client::reference_files`] asked again until it is `want` (changes on
    /// disk reach the server after a moment) or `TIMEOUT` passes; the last answer.
    pub async fn reference_files_become(
        &self,
        uri: &str,
        text: &str,
        byte: usize,
        want: &[(String, u64)],
    ) -> Vec<(String, u64)> {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let got = self.reference_files(uri, text, byte).await;
            if got == want || tokio::time::Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn initialize(&mut self, root: &Path, encodings: &[&str], extra: Value) -> Value {
        if encodings.first() == Some(&"utf-8") {
            self.enc = Enc::Utf8;
        }
        let mut caps = json!({
            "general": { "positionEncodings": encodings },
            "window": { "workDoneProgress": true },
            "workspace": {
                "applyEdit": true,
                "configuration": true,
                "didChangeWatchedFiles": { "dynamicRegistration": true },
                "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create", "rename", "delete"] },
            },
            "textDocument": {
                "hover": { "contentFormat": ["markdown", "plaintext"] },
                "publishDiagnostics": { "versionSupport": true },
            },
        });
        merge(&mut caps, &extra);
        let uri = file_uri(root);
        let init_options = extra
            .get("initializationOptions")
            .cloned()
            .unwrap_or(Value::Null);
        let r = self
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": uri,
                    "workspaceFolders": [{ "uri": uri, "name": "corpus" }],
                    "capabilities": caps,
                    "initializationOptions": init_options,
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        r
    }

    pub async fn open(&self, path: &Path) -> String {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        self.open_text(path, &text).await
    }

    pub async fn open_text(&self, path: &Path, text: &str) -> String {
        let uri = file_uri(path);
        let lang = if path.extension().is_some_and(|e| e == "toml") {
            "toml"
        } else {
            "plaintext"
        };
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": lang, "version": 1, "text": text } }),
        )
        .await;
        uri
    }

    /// Position (in this client's encoding) of a byte offset of `text`.
    pub fn pos(&self, text: &str, byte: usize) -> Value {
        let before = &text[..byte];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let seg = &text[line_start..byte];
        let col = match self.enc {
            Enc::Utf8 => seg.len(),
            Enc::Utf16 => seg.encode_utf16().count(),
        };
        json!({ "line": line, "character": col })
    }

    /// Byte offset of a position in `text` (this client's encoding).
    pub fn offset(&self, text: &str, pos: &Value) -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let col = pos["character"].as_u64().unwrap() as usize;
        let mut start = 0;
        for _ in 0..line {
            start += text[start..]
                .find('\n')
                .map(|i| i + 1)
                .unwrap_or(text.len() - start);
        }
        let rest = &text[start..];
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= col || c == '\n' {
                return start + i;
            }
            units += match self.enc {
                Enc::Utf8 => c.len_utf8(),
                Enc::Utf16 => c.len_utf16(),
            };
        }
        text.len()
    }

    /// Apply a workspace edit to the files on disk (as an editor would, then save).
    pub fn apply_to_disk(&self, edit: &Value) -> Vec<PathBuf> {
        let mut touched = Vec::new();
        let mut apply = |uri: &str, edits: &Vec<Value>| {
            let path = uri_path(uri);
            let mut text = std::fs::read_to_string(&path).unwrap_or_default();
            let mut es: Vec<(usize, usize, String)> = edits
                .iter()
                .map(|e| {
                    (
                        self.offset(&text, &e["range"]["start"]),
                        self.offset(&text, &e["range"]["end"]),
                        e["newText"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            es.sort_by_key(|e| std::cmp::Reverse(e.0));
            for (s, e, t) in es {
                text.replace_range(s..e, &t);
            }
            std::fs::write(&path, text).unwrap();
            touched.push(path);
        };
        if let Some(dc) = edit["documentChanges"].as_array() {
            for op in dc {
                if op["kind"] == "create" {
                    let p = uri_path(op["uri"].as_str().unwrap());
                    if !p.exists() {
                        std::fs::write(&p, "").unwrap();
                    }
                } else if let Some(edits) = op["edits"].as_array() {
                    apply(op["textDocument"]["uri"].as_str().unwrap(), edits);
                }
            }
        } else if let Some(ch) = edit["changes"].as_object() {
            for (uri, edits) in ch {
                apply(uri, edits.as_array().unwrap());
            }
        }
        touched
    }

    /// Tell the server files changed on disk (as a client's watcher does).
    pub async fn files_changed(&self, paths: &[PathBuf]) {
        let changes: Vec<Value> = paths
            .iter()
            .map(|p| json!({ "uri": file_uri(p), "type": if p.exists() { 2 } else { 3 } }))
            .collect();
        self.notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": changes }),
        )
        .await;
    }

    pub async fn shutdown_and_exit(self) -> Option<std::process::ExitStatus> {
        let r = self.request_raw("shutdown", Value::Null).await;
        assert!(r.get("error").is_none(), "shutdown failed: {r}");
        self.exit().await
    }

    /// Send `exit` and wait for the process to end.
    pub async fn exit(mut self) -> Option<std::process::ExitStatus> {
        self.notify("exit", Value::Null).await;
        if let Some(mut child) = self.child.take() {
            let status = tokio::time::timeout(TIMEOUT, child.wait())
                .await
                .expect("the server exits after `exit`")
                .expect("wait");
            return Some(status);
        }
        None
    }
}

fn merge(a: &mut Value, b: &Value) {
    if let (Some(ao), Some(bo)) = (a.as_object_mut(), b.as_object()) {
        for (k, v) in bo {
            if k == "initializationOptions" {
                continue;
            }
            match ao.get_mut(k) {
                Some(x) if x.is_object() && v.is_object() => merge(x, v),
                _ => {
                    ao.insert(k.clone(), v.clone());
                }
            }
        }
    }
}

pub fn file_uri(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::from("file://");
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn uri_path(uri: &str) -> PathBuf {
    let s = uri.strip_prefix("file://").unwrap_or(uri);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    PathBuf::from(String::from_utf8(out).unwrap())
}

/// A corpus written from one string: `//- /path` starts a file; `$0`
/// marks the cursor (removed from the text).
pub struct Corpus {
    pub dir: tempfile::TempDir,
    pub cursor: Option<(PathBuf, usize)>,
}

impl Corpus {
    pub fn new(fixture: &str) -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let mut cursor = None;
        let mut current: Option<(String, String)> = None;
        let mut files = Vec::new();
        for line in fixture.split_inclusive('\n') {
            if let Some(p) = line.trim_start().strip_prefix("//- /") {
                if let Some(f) = current.take() {
                    files.push(f);
                }
                current = Some((p.trim().to_owned(), String::new()));
            } else if let Some((_, text)) = current.as_mut() {
                text.push_str(line);
            }
        }
        files.extend(current);
        for (p, mut text) in files {
            let path = dir.path().join(&p);
            if let Some(i) = text.find("$0") {
                text.replace_range(i..i + 2, "");
                cursor = Some((path.clone(), i));
            }
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        }
        Corpus { dir, cursor }
    }

    /// A copy of `seeds/` (articles, `.ann`, registry, manifest).
    pub fn seeds() -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for e in std::fs::read_dir(src).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
            }
        }
        Corpus { dir, cursor: None }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    pub fn read(&self, p: &str) -> String {
        std::fs::read_to_string(self.path(p)).unwrap_or_default()
    }
}
