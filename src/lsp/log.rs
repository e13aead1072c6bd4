//! Logging: to standard error (never standard output, which carries the
//! protocol) and, for warnings and errors, to the client as
//! `window/logMessage`.

use std::fmt::Write;
use std::sync::Mutex;

use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::Client;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};

static SINK: Mutex<Option<UnboundedSender<(MessageType, String)>>> = Mutex::new(None);

/// Forward log events of this process to `client` from now on.
pub fn forward_to(client: Client) {
    let Ok(handle) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let (tx, mut rx) = unbounded_channel::<(MessageType, String)>();
    *SINK.lock().unwrap_or_else(|e| e.into_inner()) = Some(tx);
    handle.spawn(async move {
        while let Some((ty, msg)) = rx.recv().await {
            client.log_message(ty, msg).await;
        }
    });
}

/// A tracing layer sending warnings and errors to the client.
pub struct ClientLayer;

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.push_str(value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }
}

impl<S: Subscriber> Layer<S> for ClientLayer {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let ty = match *event.metadata().level() {
            Level::ERROR => MessageType::ERROR,
            Level::WARN => MessageType::WARNING,
            _ => return,
        };
        let sink = SINK.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = sink.as_ref() {
            let mut m = Message(String::new());
            event.record(&mut m);
            let _ = tx.send((ty, format!("gloss: {}", m.0)));
        }
    }
}
