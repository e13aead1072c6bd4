//! The `LanguageServer` implementation: a thin layer that keeps the
//! workspace state in sync and hands every request to a synchronous feature
//! function run off the async threads.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::convert::{encoding_name, negotiate, path_of};
use super::state::{lock, Affected, Caps, State, World};
use super::{
    actions, completion, hints, hover, navigation, publish, rename, symbols, tokens, watch,
};

/// Commands the server executes (`workspace/executeCommand`).
pub const CMD_APPLY_FIX: &str = "gloss.applyFix";
pub const CMD_REINDEX: &str = "gloss.reindex";

/// How long the server waits for the client to answer one of its requests.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Backend {
    pub inner: Arc<Inner>,
}

pub struct Inner {
    pub client: Client,
    pub state: Mutex<State>,
    /// Debounce generation per file: a scheduled publication runs only if no
    /// newer one was scheduled for the same file meanwhile.
    pending: Mutex<HashMap<PathBuf, u64>>,
    counter: AtomicU64,
    /// URIs that were last published with a non-empty list.
    published: Mutex<std::collections::HashSet<Uri>>,
    /// Order of workspace snapshots taken for diagnostics, and the newest
    /// snapshot each URI's diagnostics were published from. Results computed
    /// from an older snapshot than the last published one (e.g. before
    /// indexing finished) are dropped instead of overwriting newer ones. The
    /// async mutex is held across the send so publications cannot reorder.
    snapshot_seq: AtomicU64,
    published_seq: tokio::sync::Mutex<HashMap<Uri, u64>>,
    pub watchers: Mutex<Vec<(PathBuf, Box<dyn Send>)>>,
    /// Watching with `notify` because the client cannot (or refused).
    pub notify_fallback: Mutex<bool>,
    init_options: Mutex<Option<serde_json::Value>>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        super::log::forward_to(client.clone());
        Backend {
            inner: Arc::new(Inner {
                client,
                state: Mutex::new(State::default()),
                pending: Mutex::new(HashMap::new()),
                counter: AtomicU64::new(1),
                published: Mutex::new(Default::default()),
                snapshot_seq: AtomicU64::new(0),
                published_seq: tokio::sync::Mutex::new(HashMap::new()),
                watchers: Mutex::new(Vec::new()),
                notify_fallback: Mutex::new(false),
                init_options: Mutex::new(None),
            }),
        }
    }
}

/// Run a synchronous feature function on a blocking thread against a
/// snapshot. A panic becomes a JSON-RPC internal error; the server goes on.
pub async fn run<T, F>(inner: &Inner, what: &'static str, f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce(World) -> Result<T> + Send + 'static,
{
    let world = lock(&inner.state).world();
    run_on(world, what, f).await
}

/// [`run`] against a snapshot taken by the caller.
async fn run_on<T, F>(world: World, what: &'static str, f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce(World) -> Result<T> + Send + 'static,
{
    match tokio::task::spawn_blocking(move || f(world)).await {
        Ok(r) => r,
        Err(e) => {
            let msg = if e.is_panic() {
                let p = e.into_panic();
                format!("{what}: internal error: {}", panic_message(&*p))
            } else {
                format!("{what}: cancelled")
            };
            tracing::error!("{msg}");
            Err(Error {
                code: ErrorCode::InternalError,
                message: msg.into(),
                data: None,
            })
        }
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".into())
}

/// Change the workspace state, catching a panic in the core (a document
/// the parsers choke on must not take the server down).
pub fn mutate<T>(inner: &Inner, what: &str, f: impl FnOnce(&mut State) -> T) -> Option<T> {
    let mut st = lock(&inner.state);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut st))) {
        Ok(v) => Some(v),
        Err(p) => {
            tracing::error!("{what}: internal error: {}", panic_message(&*p));
            None
        }
    }
}

fn doc_path(uri: &Uri) -> Result<PathBuf> {
    path_of(uri).ok_or_else(|| Error::invalid_params(format!("not a file URI: {}", uri.as_str())))
}

impl Inner {
    /// Recompute and publish the diagnostics of `paths` after `delay`,
    /// unless newer changes reschedule them meanwhile.
    pub fn schedule(self: &Arc<Self>, paths: Affected, delay: Duration) {
        if paths.is_empty() {
            return;
        }
        let mut tickets = Vec::new();
        {
            let mut pending = lock(&self.pending);
            for p in paths {
                let g = self.counter.fetch_add(1, Ordering::Relaxed);
                pending.insert(p.clone(), g);
                tickets.push((p, g));
            }
        }
        let me = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let due: Vec<PathBuf> = {
                let pending = lock(&me.pending);
                tickets
                    .into_iter()
                    .filter(|(p, g)| pending.get(p) == Some(g))
                    .map(|(p, _)| p)
                    .collect()
            };
            if due.is_empty() {
                return;
            }
            me.publish_now(due).await;
        });
    }

    async fn publish_now(self: &Arc<Self>, paths: Vec<PathBuf>) {
        let pull = lock(&self.state).caps.pull_diagnostics;
        if pull {
            if lock(&self.state).caps.diagnostic_refresh {
                let c = self.client.clone();
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(CLIENT_TIMEOUT, c.workspace_diagnostic_refresh())
                        .await;
                });
            }
            return;
        }
        // The sequence number is taken under the state lock, with the
        // snapshot, so its order is the order of the states analysed.
        let (seq, world) = {
            let st = lock(&self.state);
            (self.snapshot_seq.fetch_add(1, Ordering::SeqCst), st.world())
        };
        let res = run_on(world, "diagnostics", move |w| {
            Ok(publish::for_paths(&w, &paths))
        })
        .await;
        let Ok(batches) = res else { return };
        let mut newest = self.published_seq.lock().await;
        for b in batches {
            if newest.get(&b.uri).is_some_and(|&n| n > seq) {
                continue;
            }
            // Drop results computed for an outdated version of the document.
            let current = {
                let st = lock(&self.state);
                st.docs.get(&b.path).map(|d| d.version)
            };
            if b.version.is_some() && current != b.version {
                continue;
            }
            {
                let mut published = lock(&self.published);
                if b.diagnostics.is_empty() {
                    if !published.remove(&b.uri) && !b.always {
                        continue;
                    }
                } else {
                    published.insert(b.uri.clone());
                }
            }
            newest.insert(b.uri.clone(), seq);
            self.client
                .publish_diagnostics(b.uri, b.diagnostics, b.version)
                .await;
        }
    }

    /// `refresh_views` after `delay`, once for a burst of changes.
    pub fn schedule_refresh(self: &Arc<Self>, delay: Duration) {
        let key = PathBuf::from("\0refresh");
        let g = self.counter.fetch_add(1, Ordering::Relaxed);
        lock(&self.pending).insert(key.clone(), g);
        let me = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            if lock(&me.pending).get(&key) == Some(&g) {
                me.refresh_views();
            }
        });
    }

    /// Clear the diagnostics of a file.
    pub async fn clear(&self, uri: Uri) {
        if lock(&self.published).remove(&uri) {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    pub fn debounce(&self) -> Duration {
        Duration::from_millis(lock(&self.state).config.debounce_ms)
    }

    /// Load roots in the background, with work-done progress.
    pub fn index(self: &Arc<Self>, roots: Vec<usize>) {
        if roots.is_empty() {
            return;
        }
        let me = self.clone();
        tokio::spawn(async move { super::progress::index_roots(me, roots).await });
    }

    /// Ask the client for the `gloss` settings (never awaited by a notification handler).
    pub fn pull_configuration(self: &Arc<Self>) {
        if !lock(&self.state).caps.configuration {
            return;
        }
        let me = self.clone();
        tokio::spawn(async move {
            let items = vec![ConfigurationItem {
                scope_uri: None,
                section: Some("gloss".into()),
            }];
            let res = tokio::time::timeout(CLIENT_TIMEOUT, me.client.configuration(items)).await;
            if let Ok(Ok(values)) = res {
                if let Some(v) = values.into_iter().next().filter(|v| !v.is_null()) {
                    me.apply_settings(&v).await;
                }
            }
        });
    }

    pub async fn apply_settings(self: &Arc<Self>, v: &serde_json::Value) {
        let (problems, new_roots, open) = {
            let mut st = lock(&self.state);
            let problems = st.config.update(v);
            let extra = st.config.roots.clone();
            let mut new_roots = Vec::new();
            for r in extra {
                let (i, new) = st.add_root(r);
                if new {
                    new_roots.push(i);
                }
            }
            let open: Vec<PathBuf> = st.docs.keys().cloned().collect();
            (problems, new_roots, open)
        };
        for p in problems {
            self.client.log_message(MessageType::WARNING, p).await;
        }
        self.index(new_roots);
        self.schedule(open, Duration::ZERO);
        self.refresh_views();
    }

    /// Ask the client to re-request inlay hints, code lenses and semantic
    /// tokens (after the registry, the manifest or the settings changed).
    pub fn refresh_views(self: &Arc<Self>) {
        let caps = lock(&self.state).caps.clone();
        let c = self.client.clone();
        tokio::spawn(async move {
            if caps.inlay_refresh {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, c.inlay_hint_refresh()).await;
            }
            if caps.lens_refresh {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, c.code_lens_refresh()).await;
            }
            if caps.tokens_refresh {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, c.semantic_tokens_refresh()).await;
            }
        });
    }

    /// Files changed on disk: update the corpus and republish.
    pub fn files_changed(self: &Arc<Self>, paths: Vec<PathBuf>) {
        let mut affected = Vec::new();
        let mut corpus_wide = false;
        mutate(self, "file change", |st| {
            for p in paths {
                let a = st.disk_changed(&p);
                if p.file_name()
                    .is_some_and(|n| n == "entities.toml" || n == "gloss.toml")
                    && !a.is_empty()
                {
                    corpus_wide = true;
                }
                affected.extend(a);
            }
        });
        affected.sort();
        affected.dedup();
        // Hints, lenses and tokens of open articles depend on their .ann
        // files and on the registry: have the client ask again.
        if corpus_wide || !affected.is_empty() {
            self.schedule_refresh(Duration::from_millis(100));
        }
        self.schedule(affected, Duration::from_millis(50));
    }
}

fn caps_of(p: &InitializeParams) -> Caps {
    let c = &p.capabilities;
    let ws = c.workspace.as_ref();
    let td = c.text_document.as_ref();
    let edit = ws.and_then(|w| w.workspace_edit.as_ref());
    Caps {
        watch_dynamic: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        progress: c
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        pull_diagnostics: td.and_then(|t| t.diagnostic.as_ref()).is_some(),
        diagnostic_refresh: ws
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        document_changes: edit.and_then(|e| e.document_changes).unwrap_or(false)
            || edit
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|r| !r.is_empty()),
        create_files: edit
            .and_then(|e| e.resource_operations.as_ref())
            .is_some_and(|r| r.contains(&ResourceOperationKind::Create)),
        apply_edit: ws.and_then(|w| w.apply_edit).unwrap_or(false),
        markdown: td
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .map(|f| f.is_empty() || f.contains(&MarkupKind::Markdown))
            .unwrap_or(true),
        inlay_refresh: ws
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|i| i.refresh_support)
            .unwrap_or(false),
        lens_refresh: ws
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|i| i.refresh_support)
            .unwrap_or(false),
        tokens_refresh: ws
            .and_then(|w| w.semantic_tokens.as_ref())
            .and_then(|i| i.refresh_support)
            .unwrap_or(false),
    }
}

/// Corpus roots in a workspace folder: the folder itself when it holds
/// `gloss.toml`, `entities.toml` or annotated articles, else such
/// directories below it (a few levels deep).
pub fn discover_roots(folder: &Path) -> Vec<PathBuf> {
    fn is_root(d: &Path) -> bool {
        if d.join("gloss.toml").is_file() || d.join("entities.toml").is_file() {
            return true;
        }
        std::fs::read_dir(d)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .any(|e| e.path().extension().is_some_and(|x| x == "ann"))
            })
            .unwrap_or(false)
    }
    fn walk(d: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        if is_root(d) {
            out.push(d.to_owned());
            return;
        }
        if depth == 0 {
            return;
        }
        let Ok(rd) = std::fs::read_dir(d) else { return };
        let mut dirs: Vec<PathBuf> = rd
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                !crate::corpus::skipped_name(&n)
            })
            .map(|e| e.path())
            .collect();
        dirs.sort();
        for sub in dirs {
            walk(&sub, depth - 1, out);
        }
    }
    let mut out = Vec::new();
    // A folder inside a corpus belongs to the corpus above it.
    let above = crate::corpus::Corpus::find_root(&folder.join("x"));
    if above != folder
        && (above.join("gloss.toml").is_file() || above.join("entities.toml").is_file())
    {
        return vec![above];
    }
    walk(folder, 3, &mut out);
    out
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let enc = negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let caps = caps_of(&params);
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| path_of(&f.uri))
            .collect();
        #[allow(deprecated)]
        if let Some(p) = params.root_uri.as_ref().and_then(path_of) {
            if !folders.contains(&p) {
                folders.push(p);
            }
        }
        let standard_tokens;
        {
            let mut st = lock(&self.inner.state);
            st.enc = Some(enc);
            st.caps = caps.clone();
            if let Some(opts) = &params.initialization_options {
                for p in st.config.update(opts) {
                    tracing::warn!("{p}");
                }
                *lock(&self.inner.init_options) = Some(opts.clone());
            }
            for f in &folders {
                for r in discover_roots(f) {
                    st.add_root(r);
                }
            }
            for r in st.config.roots.clone() {
                st.add_root(r);
            }
            standard_tokens = st.config.standard_tokens;
        }
        let diagnostic_provider = caps.pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("gloss".into()),
                inter_file_dependencies: true,
                workspace_diagnostics: true,
                work_done_progress_options: Default::default(),
            })
        });
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "gloss".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_name(enc)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::SOURCE,
                            CodeActionKind::new(actions::KIND_ANNOTATE_DATES),
                            CodeActionKind::new(actions::KIND_ANNOTATE_CLAIMS),
                        ]),
                        resolve_provider: Some(false),
                        work_done_progress_options: Default::default(),
                    },
                )),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![":".into(), "\"".into(), "[".into()]),
                    ..Default::default()
                }),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                inlay_hint_provider: Some(OneOf::Left(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: tokens::legend(standard_tokens),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: Some(true),
                            ..Default::default()
                        },
                    ),
                ),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![CMD_APPLY_FIX.into(), CMD_REINDEX.into()],
                    work_done_progress_options: Default::default(),
                }),
                diagnostic_provider,
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let inner = &self.inner;
        let roots: Vec<usize> = (0..lock(&inner.state).roots.len()).collect();
        inner.index(roots);
        inner.pull_configuration();
        watch::start(inner);
        let (enc, n) = {
            let st = lock(&inner.state);
            (st.enc(), st.roots.len())
        };
        inner
            .client
            .log_message(
                MessageType::INFO,
                format!(
                    "gloss {}: {n} corpus root(s), positions in {enc:?}",
                    env!("CARGO_PKG_VERSION")
                ),
            )
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        lock(&self.inner.watchers).clear();
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let Some(path) = path_of(&doc.uri) else {
            return;
        };
        let Some((new_root, affected)) = mutate(&self.inner, "didOpen", |st| {
            st.open(path, doc.uri, doc.text, doc.version)
        }) else {
            return;
        };
        if let Some(ri) = new_root {
            self.inner.index(vec![ri]);
        }
        self.inner.schedule(affected, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // Applied before any `.await`, so changes land in arrival order.
        let Some(path) = path_of(&params.text_document.uri) else {
            return;
        };
        let affected = mutate(&self.inner, "didChange", |st| {
            st.change(&path, params.text_document.version, params.content_changes)
        })
        .flatten();
        let corpus_wide = path.file_name().is_some_and(|n| {
            n == "entities.toml"
                || n == "gloss.toml"
                || path.extension().is_some_and(|e| e == "ann")
        });
        if let Some(a) = affected {
            let d = self.inner.debounce();
            self.inner.schedule(a, d);
            if corpus_wide {
                self.inner.schedule_refresh(d);
            }
        }
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(path) = path_of(&uri) else { return };
        let affected = mutate(&self.inner, "didClose", |st| st.close(&path)).unwrap_or_default();
        let sibling_open = {
            let st = lock(&self.inner.state);
            let other = match path.extension().and_then(|e| e.to_str()) {
                Some("txt") => Some(path.with_extension("ann")),
                Some("ann") => Some(path.with_extension("txt")),
                _ => None,
            };
            other.is_some_and(|o| st.docs.contains_key(&o))
        };
        let is_article_or_ann = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt") | Some("ann")
        );
        if is_article_or_ann && !sibling_open {
            // Diagnostics of closed articles go away; the registry's stay.
            self.inner.clear(uri).await;
            let other = if path.extension().is_some_and(|e| e == "txt") {
                path.with_extension("ann")
            } else {
                path.with_extension("txt")
            };
            if let Some(u) = super::convert::uri_of(&other) {
                self.inner.clear(u).await;
            }
            let rest: Affected = affected
                .into_iter()
                .filter(|p| p != &path && p != &path.with_extension("txt"))
                .collect();
            self.inner.schedule(rest, Duration::ZERO);
        } else {
            self.inner.schedule(affected, Duration::ZERO);
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = params
            .changes
            .iter()
            .filter_map(|c| path_of(&c.uri))
            .collect();
        self.inner.files_changed(paths);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if !params.settings.is_null() && params.settings.as_object().is_some_and(|o| !o.is_empty())
        {
            let me = self.inner.clone();
            let v = params.settings;
            tokio::spawn(async move { me.apply_settings(&v).await });
        }
        self.inner.pull_configuration();
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let mut new = Vec::new();
        {
            let mut st = lock(&self.inner.state);
            for f in params.event.added {
                if let Some(p) = path_of(&f.uri) {
                    for r in discover_roots(&p) {
                        let (i, n) = st.add_root(r);
                        if n {
                            new.push(i);
                        }
                    }
                }
            }
        }
        self.inner.index(new);
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let path = doc_path(&p.text_document.uri)?;
        run(&self.inner, "hover", move |w| {
            Ok(hover::hover(&w, &path, p.position))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let path = doc_path(&p.text_document.uri)?;
        run(&self.inner, "definition", move |w| {
            Ok(navigation::definition(&w, &path, p.position))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let decl = params.context.include_declaration;
        let path = doc_path(&p.text_document.uri)?;
        run(&self.inner, "references", move |w| {
            Ok(navigation::references(&w, &path, p.position, decl))
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        let path = doc_path(&p.text_document.uri)?;
        run(&self.inner, "documentHighlight", move |w| {
            Ok(navigation::highlight(&w, &path, p.position))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "codeAction", move |w| {
            Ok(Some(actions::code_actions(
                &w,
                &path,
                params.range,
                params.context.only.as_deref(),
            )))
        })
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        match params.command.as_str() {
            CMD_APPLY_FIX => {
                let arg =
                    params.arguments.into_iter().next().ok_or_else(|| {
                        Error::invalid_params("gloss.applyFix needs a fix argument")
                    })?;
                actions::execute_apply_fix(&self.inner, arg).await
            }
            CMD_REINDEX => {
                let n = lock(&self.inner.state).roots.len();
                self.inner.index((0..n).collect());
                Ok(None)
            }
            other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let path = doc_path(&p.text_document.uri)?;
        run(&self.inner, "completion", move |w| {
            Ok(completion::complete(&w, &path, p.position))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "prepareRename", move |w| {
            Ok(rename::prepare(&w, &path, params.position))
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let path = doc_path(&p.text_document.uri)?;
        let new_name = params.new_name;
        run(&self.inner, "rename", move |w| {
            rename::rename(&w, &path, p.position, &new_name).map_err(Error::invalid_params)
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        run(&self.inner, "workspaceSymbol", move |w| {
            Ok(Some(symbols::workspace(&w, &params.query)))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "documentSymbol", move |w| {
            Ok(symbols::document(&w, &path))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "inlayHint", move |w| {
            Ok(hints::inlay_hints(&w, &path, params.range))
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "codeLens", move |w| {
            Ok(hints::code_lens(&w, &path))
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "semanticTokens", move |w| {
            Ok(tokens::tokens(&w, &path, None).map(SemanticTokensResult::Tokens))
        })
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "semanticTokens", move |w| {
            Ok(
                tokens::tokens(&w, &path, Some(params.range))
                    .map(SemanticTokensRangeResult::Tokens),
            )
        })
        .await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let path = doc_path(&params.text_document.uri)?;
        run(&self.inner, "diagnostic", move |w| {
            let items = publish::document(&w, &path);
            Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: None,
                        items,
                    },
                }),
            ))
        })
        .await
    }

    async fn workspace_diagnostic(
        &self,
        _params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        run(&self.inner, "workspaceDiagnostic", move |w| {
            Ok(WorkspaceDiagnosticReportResult::Report(
                WorkspaceDiagnosticReport {
                    items: publish::workspace(&w),
                },
            ))
        })
        .await
    }
}
