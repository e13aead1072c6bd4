//! The server's picture of the workspace: one [`Corpus`] per corpus root,
//! the documents open in the editor (their text wins over the disk), the
//! negotiated position encoding, the client's capabilities and the settings.
//!
//! Everything here is synchronous. The corpus of each root sits behind an
//! `Arc` and is changed copy-on-write, so a request takes a cheap
//! [`World`] snapshot and analyses it off the async threads while edits
//! keep arriving.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::mention_index::{rebuild_in_background, SharedIndex};
use crate::analysis::{analyze_with, Analysis, FixDetail};
use crate::corpus::{Article, Corpus, MANIFEST, REGISTRY};
use crate::diagnostics::{Code, Severity};
use crate::text::{Encoding, LineCol, LineIndex};

/// What a file is to gloss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Article,
    Ann,
    Registry,
    Manifest,
}

impl FileKind {
    /// The kind of a file inside the corpus at `root`.
    pub fn of(root: &Path, path: &Path) -> Option<FileKind> {
        if path == root.join(REGISTRY) {
            return Some(FileKind::Registry);
        }
        if path == root.join(MANIFEST) {
            return Some(FileKind::Manifest);
        }
        let name = path.file_name()?.to_string_lossy();
        if name.starts_with('.') {
            return None;
        }
        match path.extension()?.to_str()? {
            "txt" => Some(FileKind::Article),
            "ann" => Some(FileKind::Ann),
            _ => None,
        }
    }
}

/// How quick fixes reach files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    /// Workspace edits when every file the fix touches is open in the
    /// editor; otherwise the `gloss.applyFix` command, which writes files
    /// that are not open atomically on disk.
    #[default]
    Auto,
    /// Always workspace edits (versioned, with `CreateFile` for a missing `.ann`).
    Edit,
    /// Always the `gloss.applyFix` command.
    Write,
}

/// Settings from `initializationOptions`, `workspace/configuration` and
/// `workspace/didChangeConfiguration` (section `gloss`).
#[derive(Debug, Clone)]
pub struct Config {
    /// Severity per diagnostic code; `gloss.toml` `[checks]` wins for its corpus.
    pub checks: HashMap<Code, Severity>,
    /// Extra corpus roots, besides the workspace folders.
    pub roots: Vec<PathBuf>,
    pub fixes: FixMode,
    /// Delay before re-analysing a document after a change, in milliseconds.
    pub debounce_ms: u64,
    pub inlay_hints: bool,
    pub code_lens: bool,
    /// Use only standard semantic token types (for clients without theming
    /// for gloss's own types).
    pub standard_tokens: bool,
    /// How many other appearances a hover card lists before a count.
    pub hover_appearances: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            checks: HashMap::new(),
            roots: Vec::new(),
            fixes: FixMode::Auto,
            debounce_ms: 200,
            inlay_hints: true,
            code_lens: true,
            standard_tokens: false,
            hover_appearances: 3,
        }
    }
}

impl Config {
    /// Merge settings from a JSON value: either `{ "gloss": { ... } }` or the
    /// `gloss` section itself. Unknown keys are ignored; returns the problems found.
    pub fn update(&mut self, value: &serde_json::Value) -> Vec<String> {
        let mut problems = Vec::new();
        let v = value.get("gloss").unwrap_or(value);
        let Some(obj) = v.as_object() else {
            return problems;
        };
        if let Some(checks) = obj.get("checks").and_then(|c| c.as_object()) {
            self.checks.clear();
            for (k, s) in checks {
                match (Code::parse(k), s.as_str().and_then(Severity::parse)) {
                    (Some(c), Some(s)) => {
                        self.checks.insert(c, s);
                    }
                    _ => problems.push(format!("gloss.checks.{k}: unknown check or severity")),
                }
            }
        }
        if let Some(roots) = obj.get("roots").and_then(|r| r.as_array()) {
            self.roots = roots
                .iter()
                .filter_map(|r| r.as_str().map(PathBuf::from))
                .collect();
        }
        if let Some(f) = obj.get("fixes") {
            let mode = f
                .as_str()
                .or_else(|| f.get("mode").and_then(|m| m.as_str()));
            match mode {
                Some("auto") => self.fixes = FixMode::Auto,
                Some("edit") => self.fixes = FixMode::Edit,
                Some("write") | Some("command") => self.fixes = FixMode::Write,
                _ => problems.push("gloss.fixes: expected \"auto\", \"edit\" or \"write\"".into()),
            }
        }
        if let Some(d) = obj.get("debounceMs").and_then(|d| d.as_u64()) {
            self.debounce_ms = d.min(5000);
        }
        if let Some(b) = obj.get("inlayHints").and_then(|d| d.as_bool()) {
            self.inlay_hints = b;
        }
        if let Some(b) = obj.get("codeLens").and_then(|d| d.as_bool()) {
            self.code_lens = b;
        }
        if let Some(b) = obj.get("standardTokenTypes").and_then(|d| d.as_bool()) {
            self.standard_tokens = b;
        }
        if let Some(n) = obj.get("hoverAppearances").and_then(|d| d.as_u64()) {
            self.hover_appearances = n.min(50) as usize;
        }
        problems
    }

    /// The severity of a diagnostic: `gloss.toml` decides when it sets the
    /// code, then the editor setting, then the core's (already applied).
    pub fn severity(&self, corpus: &Corpus, code: Code, core: Severity) -> Severity {
        if corpus.manifest.checks.contains_key(&code) {
            return core;
        }
        self.checks.get(&code).copied().unwrap_or(core)
    }
}

/// What the client said it can do, reduced to what gloss uses.
#[derive(Debug, Clone, Default)]
pub struct Caps {
    pub watch_dynamic: bool,
    pub progress: bool,
    pub configuration: bool,
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub document_changes: bool,
    pub create_files: bool,
    pub apply_edit: bool,
    pub markdown: bool,
    pub inlay_refresh: bool,
    pub lens_refresh: bool,
    pub tokens_refresh: bool,
}

/// A document open in the editor.
#[derive(Debug, Clone)]
pub struct Doc {
    pub uri: Uri,
    pub rope: Rope,
    pub version: i32,
}

/// Analyses of articles, each with the version of the article it was
/// computed from (a stale entry is recomputed on use, so an edit only drops
/// the entry of the edited article; nothing is copied).
#[derive(Debug, Default)]
pub struct Caches {
    /// With fix titles only (what diagnostics, hovers, hints and tokens
    /// need): building every fix's `.ann` lines on each keystroke was a
    /// large part of publishing diagnostics for a long article.
    pub analyses: HashMap<String, (Arc<Article>, Arc<Analysis>)>,
    /// With every fix in full, for code actions and `gloss.applyFix`,
    /// computed when one is asked for.
    pub full: HashMap<String, (Arc<Article>, Arc<Analysis>)>,
}

pub type Cache = Arc<Mutex<Caches>>;

/// One corpus root.
#[derive(Debug, Clone)]
pub struct Root {
    pub path: PathBuf,
    pub corpus: Arc<Corpus>,
    /// Analyses of articles of this root's current generation; a new cache
    /// starts with every new generation.
    pub cache: Cache,
    /// Counts changes of the registry and the manifest (and reloads): what
    /// every analysis and every mention depends on besides its article.
    pub gen: u64,
    /// Counts changes of single articles (for the mention index).
    pub edits: u64,
    /// Entity id -> the articles and spans referring to it.
    pub index: SharedIndex,
    pub indexed: bool,
    /// While the root's articles are being read from disk (indexing, or a
    /// reload): the articles (`.txt` paths) whose `.txt` or `.ann` changed
    /// on disk meanwhile. A batch read before such a change would bring
    /// back a deleted article or an old `.ann`; these are read again once
    /// loading is over (see [`State::reread_changed`]).
    pub changed_while_loading: Option<HashSet<PathBuf>>,
}

impl Root {
    pub fn new(path: PathBuf) -> Root {
        Root {
            corpus: Arc::new(Corpus::empty(&path)),
            path,
            cache: Cache::default(),
            gen: 0,
            edits: 0,
            index: SharedIndex::default(),
            indexed: false,
            changed_while_loading: None,
        }
    }

    /// The registry, the manifest or the whole corpus changed: drop every
    /// analysis and start a new generation of the mention index (empty,
    /// filled by the caller or in the background).
    pub fn new_generation(&mut self) -> u64 {
        self.gen += 1;
        self.cache = Cache::default();
        lock(&self.index).reset(self.gen);
        self.gen
    }

    /// Articles `rels` changed (or were removed): drop their analyses and
    /// mark them dirty in the mention index.
    fn invalidate(&mut self, rels: &[String]) {
        let mut cache = lock(&self.cache);
        let mut index = lock(&self.index);
        for rel in rels {
            cache.analyses.remove(rel);
            cache.full.remove(rel);
            self.edits += 1;
            index.mark_dirty(rel, self.corpus.shared_article(rel).cloned(), self.edits);
        }
    }
}

/// Lock a mutex, recovering from poisoning (a panicking handler must not
/// take the server down with it).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[derive(Debug, Default)]
pub struct State {
    pub enc: Option<Encoding>,
    pub caps: Caps,
    pub config: Config,
    pub roots: Vec<Root>,
    pub docs: HashMap<PathBuf, Doc>,
}

/// Files whose diagnostics must be recomputed after a change.
pub type Affected = Vec<PathBuf>;

impl State {
    pub fn enc(&self) -> Encoding {
        self.enc.unwrap_or(Encoding::Utf16)
    }

    /// The root holding `path` (the deepest one).
    pub fn root_of(&self, path: &Path) -> Option<usize> {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, r)| path.starts_with(&r.path))
            .max_by_key(|(_, r)| r.path.components().count())
            .map(|(i, _)| i)
    }

    /// Add a root unless it is already known. Returns its index and whether it is new.
    pub fn add_root(&mut self, path: PathBuf) -> (usize, bool) {
        if let Some(i) = self.roots.iter().position(|r| r.path == path) {
            return (i, false);
        }
        self.roots.push(Root::new(path));
        (self.roots.len() - 1, true)
    }

    /// The root for a document, creating one (not yet indexed) when the
    /// document lies outside every known root but inside what looks like a
    /// corpus (`gloss.toml` or `entities.toml` above it, or an `.ann` beside
    /// it). A stray text file elsewhere gets no root: gloss leaves it alone.
    pub fn ensure_root(&mut self, path: &Path) -> Option<(usize, bool)> {
        if let Some(i) = self.root_of(path) {
            return Some((i, false));
        }
        FileKind::of(path.parent()?, path)?;
        let root = Corpus::find_root(path);
        let looks_like_corpus = root.join(MANIFEST).is_file()
            || root.join(REGISTRY).is_file()
            || path.with_extension("ann").is_file()
            || path.with_extension("txt").is_file() && path.extension().is_some_and(|e| e == "ann");
        looks_like_corpus.then(|| self.add_root(root))
    }

    pub fn doc_text(&self, path: &Path) -> Option<String> {
        self.docs.get(path).map(|d| d.rope.to_string())
    }

    /// Record new text for a file of a root (`None`: the file is gone) in its
    /// corpus, and say which files need new diagnostics.
    pub fn set_file(&mut self, ri: usize, path: &Path, text: Option<String>) -> Affected {
        let ann_buffer = if path.extension().is_some_and(|e| e == "txt") {
            self.doc_text(&path.with_extension("ann"))
        } else {
            None
        };
        let open: Vec<PathBuf> = self.docs.keys().cloned().collect();
        let root = &mut self.roots[ri];
        let Some(kind) = FileKind::of(&root.path, path) else {
            return Vec::new();
        };
        if kind == FileKind::Article
            && text.is_some()
            && root.corpus.article_for_path(path).is_none()
            && skipped(&root.path, &root.corpus, path)
        {
            // Excluded by gloss.toml, or in a directory gloss never reads.
            return Vec::new();
        }
        let corpus = Arc::make_mut(&mut root.corpus);
        match kind {
            FileKind::Article => {
                let rel = corpus.rel_path(path);
                match text {
                    Some(t) => {
                        corpus.upsert_article(path, t);
                        if let Some(a) = ann_buffer {
                            corpus.set_ann(path, Some(a));
                        }
                    }
                    None => {
                        corpus.remove_article(path);
                    }
                }
                root.invalidate(&rel.into_iter().collect::<Vec<_>>());
                vec![path.to_owned()]
            }
            FileKind::Ann => {
                let txt = path.with_extension("txt");
                let rel = corpus.rel_path(&txt);
                corpus.set_ann(&txt, text);
                root.invalidate(&rel.into_iter().collect::<Vec<_>>());
                vec![txt]
            }
            FileKind::Registry | FileKind::Manifest => {
                let t = text.unwrap_or_default();
                if kind == FileKind::Registry {
                    corpus.set_registry_text(&t);
                } else {
                    corpus.set_manifest_text(&t);
                }
                let gen = root.new_generation();
                if root.indexed {
                    rebuild_in_background(root.index.clone(), gen, root.corpus.clone());
                }
                let rp = root.path.clone();
                let mut out: Affected = open.into_iter().filter(|p| p.starts_with(&rp)).collect();
                out.push(rp.join(REGISTRY));
                out.push(rp.join(MANIFEST));
                out
            }
        }
    }

    /// A document was opened. Returns the index of a root that is new and
    /// must be indexed, and the files to republish.
    pub fn open(
        &mut self,
        path: PathBuf,
        uri: Uri,
        text: String,
        version: i32,
    ) -> (Option<usize>, Affected) {
        let root = self.ensure_root(&path);
        self.docs.insert(
            path.clone(),
            Doc {
                uri,
                rope: Rope::from_str(&text),
                version,
            },
        );
        let Some((ri, new)) = root else {
            return (None, Vec::new());
        };
        let mut affected = self.set_file(ri, &path, Some(text));
        affected.push(path);
        (new.then_some(ri), affected)
    }

    /// Apply incremental (or full) changes to an open document, in order.
    pub fn change(
        &mut self,
        path: &Path,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Option<Affected> {
        let enc = self.enc();
        let doc = self.docs.get_mut(path)?;
        for ch in changes {
            match ch.range {
                None => doc.rope = Rope::from_str(&ch.text),
                Some(r) => {
                    let text = doc.rope.to_string();
                    let idx = LineIndex::new(&text);
                    let pos = |p: tower_lsp_server::ls_types::Position| {
                        idx.offset(
                            &text,
                            LineCol {
                                line: p.line,
                                col: p.character,
                            },
                            enc,
                        )
                    };
                    let (mut s, mut e) = (pos(r.start), pos(r.end));
                    if s > e {
                        std::mem::swap(&mut s, &mut e);
                    }
                    let cs = doc.rope.byte_to_char(s);
                    let ce = doc.rope.byte_to_char(e);
                    doc.rope.remove(cs..ce);
                    doc.rope.insert(cs, &ch.text);
                }
            }
        }
        doc.version = version;
        let text = doc.rope.to_string();
        let ri = self.root_of(path)?;
        let mut affected = self.set_file(ri, path, Some(text));
        affected.push(path.to_owned());
        Some(affected)
    }

    /// A document was closed: the file on disk is what counts again.
    pub fn close(&mut self, path: &Path) -> Affected {
        self.docs.remove(path);
        let Some(ri) = self.root_of(path) else {
            return Vec::new();
        };
        let disk = read_text(path);
        self.set_file(ri, path, disk)
    }

    /// A file changed on disk (or was created or deleted). Open buffers win.
    pub fn disk_changed(&mut self, path: &Path) -> Affected {
        if self.docs.contains_key(path) {
            return Vec::new();
        }
        let Some(ri) = self.root_of(path) else {
            return Vec::new();
        };
        let Some(kind) = FileKind::of(&self.roots[ri].path, path) else {
            return Vec::new();
        };
        if let Some(changed) = self.roots[ri].changed_while_loading.as_mut() {
            match kind {
                FileKind::Article => {
                    changed.insert(path.to_owned());
                }
                FileKind::Ann => {
                    changed.insert(path.with_extension("txt"));
                }
                FileKind::Registry | FileKind::Manifest => {}
            }
        }
        let disk = read_text(path);
        // An unchanged file (an editor saving what gloss already has) needs nothing.
        let corpus = &self.roots[ri].corpus;
        let known: Option<Option<&str>> = match FileKind::of(&self.roots[ri].path, path) {
            Some(FileKind::Article) => Some(corpus.article_for_path(path).map(|a| a.text.as_str())),
            Some(FileKind::Ann) => corpus
                .article_for_path(path)
                .map(|a| a.ann_exists.then_some(a.ann_text.as_str())),
            Some(FileKind::Registry) => Some(Some(corpus.registry.source.as_str())),
            Some(FileKind::Manifest) => Some(Some(corpus.manifest.source.as_str())),
            None => None,
        };
        if let Some(k) = known {
            if k == disk.as_deref() {
                return Vec::new();
            }
        }
        self.set_file(ri, path, disk)
    }

    /// Loading root `ri` is over: read again from disk the articles that
    /// changed while it loaded (unless open: buffers win), so that what a
    /// batch read before the change holds does not stay.
    pub fn reread_changed(&mut self, ri: usize) -> Affected {
        let Some(changed) = self
            .roots
            .get_mut(ri)
            .and_then(|r| r.changed_while_loading.take())
        else {
            return Vec::new();
        };
        let mut changed: Vec<PathBuf> = changed.into_iter().collect();
        changed.sort();
        let mut affected = Vec::new();
        for txt in changed {
            if !self.docs.contains_key(&txt) {
                let t = read_text(&txt);
                affected.extend(self.set_file(ri, &txt, t));
            }
            let ann = txt.with_extension("ann");
            if !self.docs.contains_key(&ann) {
                let a = read_text(&ann);
                affected.extend(self.set_file(ri, &ann, a));
            }
        }
        affected
    }

    /// A snapshot for a request.
    pub fn world(&self) -> World {
        World {
            enc: self.enc(),
            caps: self.caps.clone(),
            config: self.config.clone(),
            roots: self.roots.clone(),
            open: self
                .docs
                .iter()
                .map(|(p, d)| (p.clone(), (d.uri.clone(), d.version)))
                .collect(),
        }
    }

    /// Paths of open documents in a root.
    pub fn open_in(&self, ri: usize) -> Vec<PathBuf> {
        let rp = &self.roots[ri].path;
        self.docs
            .keys()
            .filter(|p| p.starts_with(rp))
            .cloned()
            .collect()
    }
}

/// Whether loading the corpus skips `path`: hidden directories, build
/// output, and paths excluded by `gloss.toml` (`[settings] exclude`).
pub fn skipped(root: &Path, corpus: &Corpus, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    let comps: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if comps.iter().any(|c| crate::corpus::skipped_name(c)) {
        return true;
    }
    if corpus.manifest.exclude.is_empty() {
        return false;
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in &corpus.manifest.exclude {
        if let Ok(g) = globset::Glob::new(p) {
            b.add(g);
        }
    }
    let Ok(set) = b.build() else { return false };
    (1..=comps.len()).any(|i| set.is_match(comps[..i].join("/")))
}

/// Read a file as text; `None` when it does not exist or cannot be read.
pub fn read_text(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| crate::text::decode(&b).0)
}

/// The cached analysis of this version of an article, to `detail`.
fn cached(cache: &Cache, article: &Article, detail: FixDetail) -> Option<Arc<Analysis>> {
    let cache = lock(cache);
    let map = match detail {
        FixDetail::TitlesOnly => &cache.analyses,
        FixDetail::Full => &cache.full,
    };
    let (src, a) = map.get(&article.rel)?;
    std::ptr::eq(&**src, article).then(|| a.clone())
}

/// A consistent view of the workspace for one request.
#[derive(Debug, Clone)]
pub struct World {
    pub enc: Encoding,
    pub caps: Caps,
    pub config: Config,
    pub roots: Vec<Root>,
    /// Open documents: the client's URI and the version last received.
    pub open: HashMap<PathBuf, (Uri, i32)>,
}

/// A file located in the workspace.
#[derive(Debug, Clone, Copy)]
pub struct Located<'w> {
    pub root: &'w Root,
    pub kind: FileKind,
}

impl<'w> Located<'w> {
    pub fn corpus(&self) -> &'w Corpus {
        &self.root.corpus
    }
}

impl World {
    pub fn locate(&self, path: &Path) -> Option<Located<'_>> {
        let root = self
            .roots
            .iter()
            .filter(|r| path.starts_with(&r.path))
            .max_by_key(|r| r.path.components().count())?;
        Some(Located {
            root,
            kind: FileKind::of(&root.path, path)?,
        })
    }

    /// The analysis of an article, from the cache or computed now, with
    /// fix titles only (the diagnostics and the number and titles of their
    /// fixes are those of the full analysis).
    pub fn analysis(&self, root: &Root, article: &Article) -> Arc<Analysis> {
        self.analysis_with(root, article, FixDetail::TitlesOnly)
    }

    /// The analysis of an article with every fix in full (code actions).
    pub fn full_analysis(&self, root: &Root, article: &Article) -> Arc<Analysis> {
        self.analysis_with(root, article, FixDetail::Full)
    }

    fn analysis_with(&self, root: &Root, article: &Article, detail: FixDetail) -> Arc<Analysis> {
        let shared = root.corpus.shared_article(&article.rel);
        if let Some(a) = cached(&root.cache, article, detail) {
            return a;
        }
        let a = Arc::new(analyze_with(&root.corpus, article, detail));
        // Only the corpus's own version of the article is cached.
        if let Some(src) = shared.filter(|s| std::ptr::eq(&***s, article)) {
            let mut cache = lock(&root.cache);
            let map = match detail {
                FixDetail::TitlesOnly => &mut cache.analyses,
                FixDetail::Full => &mut cache.full,
            };
            map.insert(article.rel.clone(), (src.clone(), a.clone()));
        }
        a
    }

    /// The cached analysis (fix titles only) of this version of an
    /// article, if any.
    pub fn cached_analysis(&self, root: &Root, article: &Article) -> Option<Arc<Analysis>> {
        cached(&root.cache, article, FixDetail::TitlesOnly)
    }

    /// Every article of a root referring to entity `id`, with the spans, in
    /// path order (from the mention index).
    pub fn mentions_of(&self, root: &Root, id: &str) -> super::mention_index::Hits {
        super::mention_index::mentions_of(&root.index, root.gen, root.edits, &root.corpus, id)
    }

    /// Analyses of every article of a root, in the corpus order.
    pub fn all_analyses<'r>(&self, root: &'r Root) -> Vec<(&'r Article, Arc<Analysis>)> {
        use rayon::prelude::*;
        let arts: Vec<&Article> = root.corpus.articles().collect();
        arts.into_par_iter()
            .map(|a| (a, self.analysis(root, a)))
            .collect()
    }

    /// The text gloss has for a file of a corpus (the open buffer's when open).
    pub fn file_text<'r>(&self, corpus: &'r Corpus, path: &Path) -> Option<&'r str> {
        match FileKind::of(&corpus.root, path)? {
            FileKind::Article => corpus.article_for_path(path).map(|a| a.text.as_str()),
            FileKind::Ann => corpus.article_for_path(path).map(|a| a.ann_text.as_str()),
            FileKind::Registry => Some(corpus.registry.source.as_str()),
            FileKind::Manifest => Some(corpus.manifest.source.as_str()),
        }
    }

    /// The URI to use for a path: the client's own spelling when it is open.
    pub fn uri(&self, path: &Path) -> Option<Uri> {
        if let Some((u, _)) = self.open.get(path) {
            return Some(u.clone());
        }
        super::convert::uri_of(path)
    }

    pub fn version(&self, path: &Path) -> Option<i32> {
        self.open.get(path).map(|(_, v)| *v)
    }

    pub fn is_open(&self, path: &Path) -> bool {
        self.open.contains_key(path)
    }

    /// Every root's open paths, deduplicated.
    pub fn open_paths(&self) -> HashSet<PathBuf> {
        self.open.keys().cloned().collect()
    }
}
