//! The gloss language server: a thin LSP front end over the synchronous
//! core. Conversions to LSP types happen only here; see `docs/server.md`
//! for the capabilities, settings and commands.

pub mod actions;
pub mod completion;
pub mod convert;
#[cfg(target_os = "linux")]
pub mod dir_watch;
pub mod hints;
pub mod hover;
pub mod log;
pub mod lookup;
pub mod mention_index;
pub mod navigation;
pub mod progress;
pub mod publish;
pub mod rename;
pub mod server;
pub mod state;
pub mod symbols;
pub mod tokens;
pub mod transport;
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
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let filter = tracing_subscriber::EnvFilter::try_from_env("GLOSS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(false),
        )
        .with(log::ClientLayer)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("gloss-lsp")
        .build()?;
    runtime.block_on(async {
        transport::serve_guarded(tokio::io::stdin(), tokio::io::stdout()).await;
    });
    // Everything the server wrote is flushed; do not wait for blocking
    // tasks still running (a long analysis, the read of standard input).
    runtime.shutdown_background();
    Ok(())
}
