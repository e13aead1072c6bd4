//! Watching the corpus on disk: through the client
//! (`workspace/didChangeWatchedFiles`, registered dynamically) when it can,
//! else by the server itself: with inotify on Linux (`dir_watch`), with the
//! `notify` crate elsewhere.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::ls_types::*;

use super::server::{Inner, CLIENT_TIMEOUT};
use super::state::lock;

pub const GLOBS: [&str; 4] = ["**/*.txt", "**/*.ann", "**/entities.toml", "**/gloss.toml"];

/// Start watching (called once, after `initialized`).
pub fn start(inner: &Arc<Inner>) {
    let dynamic = lock(&inner.state).caps.watch_dynamic;
    if dynamic {
        let me = inner.clone();
        tokio::spawn(async move {
            let opts = DidChangeWatchedFilesRegistrationOptions {
                watchers: GLOBS
                    .iter()
                    .map(|g| FileSystemWatcher {
                        glob_pattern: GlobPattern::String((*g).to_owned()),
                        kind: None,
                    })
                    .collect(),
            };
            let reg = Registration {
                id: "gloss-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(opts).ok(),
            };
            let res =
                tokio::time::timeout(CLIENT_TIMEOUT, me.client.register_capability(vec![reg]))
                    .await;
            if !matches!(res, Ok(Ok(()))) {
                tracing::warn!("the client did not accept file watching; watching with notify");
                *lock(&me.notify_fallback) = true;
                watch_roots(&me);
            }
        });
    } else {
        watch_roots(inner);
    }
}

/// Watch every root not yet watched with `notify` (no-op when the client watches).
pub fn watch_roots(inner: &Arc<Inner>) {
    let roots: Vec<PathBuf> = {
        let st = lock(&inner.state);
        if st.caps.watch_dynamic && !*lock(&inner.notify_fallback) {
            return;
        }
        st.roots.iter().map(|r| r.path.clone()).collect()
    };
    let mut watchers = lock(&inner.watchers);
    for root in roots {
        if watchers.iter().any(|(p, _)| p == &root) {
            continue;
        }
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<PathBuf>();
        match watch_root(&root, tx) {
            Ok(w) => {
                watchers.push((root.clone(), w));
                let me = inner.clone();
                tokio::spawn(async move {
                    while let Some(first) = rx.recv().await {
                        // Gather a burst (a git checkout, an atomic write) into one update.
                        let mut paths = vec![first];
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        while let Ok(p) = rx.try_recv() {
                            paths.push(p);
                        }
                        paths.retain(|p| interesting(p));
                        paths.sort();
                        paths.dedup();
                        if !paths.is_empty() {
                            me.files_changed(paths);
                        }
                    }
                });
            }
            Err(e) => tracing::warn!("cannot watch {}: {e}", root.display()),
        }
    }
}

/// Start watching one root; changed paths go to `tx`. The returned value
/// keeps the watch alive.
#[cfg(target_os = "linux")]
fn watch_root(
    root: &std::path::Path,
    tx: tokio::sync::mpsc::UnboundedSender<PathBuf>,
) -> std::io::Result<Box<dyn Send>> {
    let w = super::dir_watch::watch(root, move |p| tx.send(p).is_ok())?;
    Ok(Box::new(w))
}

/// Start watching one root with `notify`; changed paths go to `tx`. The
/// returned value keeps the watch alive.
#[cfg(not(target_os = "linux"))]
fn watch_root(
    root: &std::path::Path,
    tx: tokio::sync::mpsc::UnboundedSender<PathBuf>,
) -> notify::Result<Box<dyn Send>> {
    let handler = move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if matches!(ev.kind, notify::EventKind::Access(_)) {
                return;
            }
            for p in ev.paths {
                let _ = tx.send(p);
            }
        }
    };
    use notify::Watcher;
    let mut w = notify::recommended_watcher(handler)?;
    w.watch(root, notify::RecursiveMode::Recursive)?;
    Ok(Box::new(w))
}

/// Whether a path is one gloss reads (not a temporary or hidden file).
pub fn interesting(p: &std::path::Path) -> bool {
    let Some(name) = p.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    if name.starts_with('.') {
        return false;
    }
    name == "entities.toml"
        || name == "gloss.toml"
        || name.ends_with(".txt")
        || name.ends_with(".ann")
}
