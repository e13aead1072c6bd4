//! A guard in front of the JSON-RPC transport.
//!
//! tower-lsp-server's reader stops at the first message it cannot decode,
//! which would end the server on one broken frame. Frames are checked here
//! first: a valid message passes through unchanged; an invalid one is
//! answered with a JSON-RPC error (`-32700` parse error or `-32600` invalid
//! request), logged, and the server goes on. The server's own output is
//! copied frame by frame, so the error responses never split a message.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};

enum FrameError {
    /// The stream failed: stop reading.
    Io(String),
    /// A frame without a usable header: answer it and go on.
    Bad(String),
}

/// Read one frame: `Ok(Some(body))`, `Ok(None)` at the end of the stream.
async fn read_frame<R: AsyncRead + Unpin>(
    r: &mut BufReader<R>,
) -> Result<Option<Vec<u8>>, FrameError> {
    let mut len: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        let n = r
            .read_until(b'\n', &mut line)
            .await
            .map_err(|e| FrameError::Io(e.to_string()))?;
        if n == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !saw_header {
                continue;
            }
            break;
        }
        saw_header = true;
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().ok();
            }
        }
    }
    let Some(len) = len else {
        return Err(FrameError::Bad(
            "a message without a valid Content-Length header".into(),
        ));
    };
    if len > 256 << 20 {
        return Err(FrameError::Io(format!(
            "a message of {len} bytes is too large"
        )));
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body)
        .await
        .map_err(|e| FrameError::Io(e.to_string()))?;
    Ok(Some(body))
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The error response for a body the server cannot take, or `None` when it is fine.
pub fn check(body: &[u8]) -> Option<Value> {
    let v: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            tracing::error!("invalid JSON-RPC message (not JSON): {e}");
            return Some(json!({
                "jsonrpc": "2.0", "id": null,
                "error": { "code": -32700, "message": format!("Parse error: {e}") },
            }));
        }
    };
    let ok = serde_json::from_value::<Request>(v.clone()).is_ok()
        || serde_json::from_value::<Response>(v.clone()).is_ok();
    if ok {
        return None;
    }
    tracing::error!("invalid JSON-RPC message: {}", short(&v.to_string()));
    let id = v
        .get("id")
        .filter(|i| i.is_number() || i.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    Some(json!({
        "jsonrpc": "2.0", "id": id,
        "error": { "code": -32600, "message": "Invalid request" },
    }))
}

fn short(s: &str) -> String {
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// Serve `input`/`output` through the guard.
pub async fn serve_guarded<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (to_server, server_in) = tokio::io::duplex(1 << 20);
    let (server_out, from_server) = tokio::io::duplex(1 << 20);
    let (errors_tx, mut errors_rx) = mpsc::unbounded_channel::<Vec<u8>>();

    // Input: check every frame; pass good ones on, answer bad ones.
    let reader = tokio::spawn(async move {
        let mut input = BufReader::new(input);
        let mut to_server = to_server;
        loop {
            match read_frame(&mut input).await {
                Ok(None) => break,
                Ok(Some(body)) => match check(&body) {
                    None => {
                        if to_server.write_all(&frame(&body)).await.is_err() {
                            break;
                        }
                    }
                    Some(err) => {
                        let _ = errors_tx.send(frame(err.to_string().as_bytes()));
                    }
                },
                Err(FrameError::Bad(e)) => {
                    tracing::error!("invalid JSON-RPC frame: {e}");
                    let err = json!({
                        "jsonrpc": "2.0", "id": null,
                        "error": { "code": -32700, "message": format!("Parse error: {e}") },
                    });
                    let _ = errors_tx.send(frame(err.to_string().as_bytes()));
                }
                Err(FrameError::Io(e)) => {
                    tracing::debug!("input closed: {e}");
                    break;
                }
            }
        }
        let _ = to_server.shutdown().await;
    });

    // Output: the server's frames, whole, and the guard's error responses.
    let writer = tokio::spawn(async move {
        let mut output = output;
        let mut from_server = BufReader::new(from_server);
        let mut server_open = true;
        loop {
            tokio::select! {
                f = read_frame(&mut from_server), if server_open => match f {
                    Ok(Some(body)) => {
                        if output.write_all(&frame(&body)).await.is_err() {
                            break;
                        }
                        let _ = output.flush().await;
                    }
                    _ => server_open = false,
                },
                e = errors_rx.recv() => match e {
                    Some(bytes) => {
                        if output.write_all(&bytes).await.is_err() {
                            break;
                        }
                        let _ = output.flush().await;
                    }
                    None if !server_open => break,
                    None => {}
                },
                else => break,
            }
            if !server_open && errors_rx.is_empty() {
                break;
            }
        }
        let _ = output.flush().await;
    });

    super::serve(server_in, server_out).await;
    // The server is done (exit, or the input ended): flush what it wrote.
    let _ = writer.await;
    reader.abort();
}
