//! The gloss language server: a thin LSP front end over the synchronous
//! core. Conversions to LSP types happen only here; see `docs/server.md`
//! for the capabilities, settings and commands.

pub mod actions;
pub mod completion;
pub mod convert;
pub mod framing;
pub mod hints;
pub mod hover;
pub mod lookup;
pub mod navigation;
pub mod progress;
pub mod publish;
pub mod rename;
pub mod server;
pub mod state;
pub mod symbols;
pub mod tokens;
pub mod watch;

use tower_lsp_server::{ClientSocket, LspService, Server};

pub use server::Backend;

/// How many requests and notifications the server works on at once.
pub const CONCURRENCY: usize = 32;

/// The tower service of the server and the socket for its messages to the client.
pub fn build_service() -> (LspService<Backend>, ClientSocket) {
    LspService::build(Backend::new).finish()
}

/// Serve any byte streams (used by `serve_stdio` and by tests).
pub async fn serve<I, O>(input: I, output: O)
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    let (service, socket) = build_service();
    Server::new(input, output, socket)
        .concurrency_level(CONCURRENCY)
        .serve(service)
        .await;
}

/// Run the language server on standard input/output until the client says
/// `exit` (or closes the stream). Logs go to standard error.
pub fn serve_stdio() -> anyhow::Result<()> {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("GLOSS_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("gloss-lsp")
        .build()?;
    runtime.block_on(async {
        // Undecodable messages are dropped before they reach the transport,
        // which would otherwise stop at the first one.
        serve(framing::guard(tokio::io::stdin()), tokio::io::stdout()).await;
    });
    // Do not wait for blocking tasks still running (e.g. a long analysis).
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    Ok(())
}
