//! A guard in front of the JSON-RPC transport.
//!
//! tower-lsp-server stops reading its input at the first message it cannot
//! decode (a body that is not JSON, JSON that is not a JSON-RPC message,
//! headers without `Content-Length`), and the server then exits: one bad
//! message from a client ends the session. This guard reads the framed
//! input itself and passes on only messages the transport can decode; the
//! others are logged and dropped, and the server keeps answering.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// Bodies larger than this are skipped unread rather than buffered.
pub const MAX_MESSAGE: usize = 256 << 20;

/// Whether the transport can decode `body` as a message.
pub fn is_message(body: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    serde_json::from_str::<Request>(text).is_ok() || serde_json::from_str::<Response>(text).is_ok()
}

/// Read LSP-framed messages from `input` and return a reader of the same
/// stream with every undecodable message removed.
pub fn guard<R>(input: R) -> impl AsyncRead + Unpin + Send + 'static
where
    R: AsyncRead + Unpin + Send + 'static,
{
    let (mut tx, rx) = tokio::io::duplex(1 << 20);
    tokio::spawn(async move {
        let mut r = BufReader::new(input);
        loop {
            // Headers: lines up to an empty one.
            let mut len: Option<usize> = None;
            let mut saw_header = false;
            loop {
                let mut line = Vec::new();
                match r.read_until(b'\n', &mut line).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let line = String::from_utf8_lossy(&line);
                let line = line.trim_end_matches(['\r', '\n']);
                if line.is_empty() {
                    if saw_header {
                        break;
                    }
                    continue;
                }
                saw_header = true;
                if let Some((k, v)) = line.split_once(':') {
                    if k.trim().eq_ignore_ascii_case("Content-Length") {
                        len = v.trim().parse().ok();
                    }
                }
            }
            let Some(len) = len else {
                tracing::error!("dropped a message without a valid Content-Length header");
                continue;
            };
            if len > MAX_MESSAGE {
                tracing::error!("dropped a message of {len} bytes (limit {MAX_MESSAGE})");
                let mut skip = (&mut r).take(len as u64);
                if tokio::io::copy(&mut skip, &mut tokio::io::sink())
                    .await
                    .is_err()
                {
                    return;
                }
                continue;
            }
            let mut body = vec![0u8; len];
            if r.read_exact(&mut body).await.is_err() {
                return;
            }
            if !is_message(&body) {
                tracing::error!(
                    "dropped a message that is not JSON-RPC: {}",
                    String::from_utf8_lossy(&body[..body.len().min(200)])
                );
                continue;
            }
            let head = format!("Content-Length: {len}\r\n\r\n");
            if tx.write_all(head.as_bytes()).await.is_err() || tx.write_all(&body).await.is_err() {
                return;
            }
        }
    });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passes_messages_and_drops_garbage() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#;
        let note = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = Vec::new();
        for body in [good, "{ not json", "[1,2,3]", note] {
            input.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
        }
        input.extend(b"X-Garbage: 1\r\n\r\n");
        input.extend(b"Content-Length: 3\r\n\r\n\xff\xfe\x00");
        input.extend(format!("content-length: {}\r\n\r\n{good}", good.len()).bytes());
        let mut out = String::new();
        guard(std::io::Cursor::new(input))
            .read_to_string(&mut out)
            .await
            .unwrap();
        let want = [good, note, good]
            .iter()
            .map(|b| format!("Content-Length: {}\r\n\r\n{b}", b.len()))
            .collect::<String>();
        assert_eq!(out, want);
    }
}
