//! The corpus on disk: articles (`*.txt`), their standoff annotations
//! (`*.ann` beside each), the registry (`entities.toml`) and the manifest
//! (`gloss.toml`) at the root.
//!
//! A `Corpus` is plain data. The CLI loads it once; the language server keeps
//! one per root and updates single files as buffers change.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

use crate::ann::AnnDoc;
use crate::detect::mentions::MentionMatcher;
use crate::diagnostics::{Code, Diagnostic};
use crate::manifest::Manifest;
use crate::registry::Registry;
use crate::text::{decode, decode_vec, LineIndex};

pub const MANIFEST: &str = "gloss.toml";
pub const REGISTRY: &str = "entities.toml";

/// One article and its annotations.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path on disk (`root.join(rel)`).
    pub path: PathBuf,
    /// Path relative to the corpus root, with `/` separators: the key in
    /// `gloss.toml`.
    pub rel: String,
    pub text: String,
    pub index: LineIndex,
    /// The file was not valid UTF-8 and was decoded with replacements.
    pub lossy: bool,
    /// The file looks binary (NUL bytes); it is reported and not analysed.
    pub binary: bool,
    pub ann_path: PathBuf,
    /// The `.ann` file's text; empty when the file does not exist.
    pub ann_text: String,
    pub ann_exists: bool,
    /// `ann_text` parsed, on first use ([`Article::ann`]). The parsed
    /// entries (an owned string per line and per field) weigh several
    /// times the `.ann` text; the language server's index of mentions
    /// parses without keeping ([`Article::with_ann`]), so only the
    /// articles it analyses hold theirs.
    ann: OnceLock<AnnDoc>,
}

impl Article {
    pub fn new(path: PathBuf, rel: String, bytes: &[u8], ann: Option<String>) -> Article {
        Article::from_vec(path, rel, bytes.to_vec(), ann)
    }

    /// [`Article::new`] taking the file's bytes, which become the text
    /// without a copy when they are valid UTF-8.
    pub fn from_vec(path: PathBuf, rel: String, bytes: Vec<u8>, ann: Option<String>) -> Article {
        let binary = bytes.iter().take(8192).any(|&b| b == 0);
        let (text, lossy) = decode_vec(bytes);
        let ann_path = path.with_extension("ann");
        let mut a = Article {
            index: LineIndex::new(&text),
            path,
            rel,
            text,
            lossy,
            binary,
            ann_path,
            ann_text: String::new(),
            ann_exists: false,
            ann: OnceLock::new(),
        };
        a.set_ann(ann);
        a
    }

    /// Replace the article text (an editor buffer, or the file changed on disk).
    pub fn set_text(&mut self, text: String) {
        self.index = LineIndex::new(&text);
        self.text = text;
        self.lossy = false;
        self.binary = false;
    }

    /// Replace the annotations; `None` when the `.ann` file does not exist.
    pub fn set_ann(&mut self, ann: Option<String>) {
        self.ann_exists = ann.is_some();
        self.ann_text = ann.unwrap_or_default();
        self.ann = OnceLock::new();
    }

    /// The parsed `.ann` file (parsed now if it was not yet).
    pub fn ann(&self) -> &AnnDoc {
        self.ann.get_or_init(|| AnnDoc::parse(&self.ann_text))
    }

    /// Run `f` on the parsed `.ann` file, parsing it for this call only
    /// when it was not parsed yet (it is then not kept).
    pub fn with_ann<R>(&self, f: impl FnOnce(&AnnDoc) -> R) -> R {
        match self.ann.get() {
            Some(doc) => f(doc),
            None => f(&AnnDoc::parse(&self.ann_text)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Corpus {
    pub root: PathBuf,
    /// The manifest, registry and matcher are shared and the article map is
    /// persistent, so that cloning a corpus (the language server keeps
    /// snapshots for requests in flight, and an edit while one is alive
    /// clones) costs O(1), not a copy of 100k map entries and a
    /// megabytes-long manifest; a part is copied only when it changes while
    /// a snapshot holds it, and an article only when that article changes.
    pub manifest: Arc<Manifest>,
    pub registry: Arc<Registry>,
    pub matcher: Arc<MentionMatcher>,
    articles: imbl::OrdMap<String, Arc<Article>>,
    /// Files that could not be read, as diagnostics.
    pub load_errors: Vec<Diagnostic>,
}

impl Corpus {
    /// An empty corpus at `root` (nothing read from disk).
    pub fn empty(root: &Path) -> Corpus {
        let mut registry = Registry::empty();
        registry.path = Some(root.join(REGISTRY));
        Corpus {
            root: root.to_owned(),
            manifest: Arc::new(Manifest {
                path: Some(root.join(MANIFEST)),
                ..Manifest::default()
            }),
            matcher: Arc::new(MentionMatcher::new(&registry)),
            registry: Arc::new(registry),
            articles: imbl::OrdMap::new(),
            load_errors: Vec::new(),
        }
    }

    /// The corpus root for a path: the nearest directory at or above it that
    /// holds `gloss.toml`, else the nearest holding `entities.toml`, else the
    /// directory itself.
    pub fn find_root(path: &Path) -> PathBuf {
        let start = if path.is_dir() {
            path.to_owned()
        } else {
            path.parent().map(Path::to_owned).unwrap_or_default()
        };
        let start = if start.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            start
        };
        for marker in [MANIFEST, REGISTRY] {
            let mut dir = Some(start.as_path());
            while let Some(d) = dir {
                if d.join(marker).is_file() {
                    return d.to_owned();
                }
                dir = d.parent().filter(|p| !p.as_os_str().is_empty());
            }
        }
        start
    }

    /// Load everything under `root`.
    pub fn load(root: &Path) -> std::io::Result<Corpus> {
        Corpus::load_filtered(root, |_| true)
    }

    /// Load the registry, the manifest and the articles whose relative path
    /// passes `keep`.
    pub fn load_filtered(
        root: &Path,
        keep: impl Fn(&str) -> bool + Sync,
    ) -> std::io::Result<Corpus> {
        let (mut c, files) = Corpus::open_filtered(root, keep)?;
        use rayon::prelude::*;
        let loaded: Vec<Result<Article, Diagnostic>> = files
            .into_par_iter()
            .map(|(rel, path)| read_article(rel, path))
            .collect();
        for r in loaded {
            match r {
                Ok(a) => {
                    c.articles.insert(a.rel.clone(), Arc::new(a));
                }
                Err(d) => c.load_errors.push(d),
            }
        }
        Ok(c)
    }

    /// The registry and the manifest, without any article, and the article
    /// files whose relative path passes `keep` (relative path and path on
    /// disk, in walk order), for a pass that reads the articles a chunk at a
    /// time with [`read_article`] instead of holding them all. Folders that
    /// cannot be read are in `load_errors`.
    pub fn open_filtered(
        root: &Path,
        keep: impl Fn(&str) -> bool,
    ) -> std::io::Result<(Corpus, Vec<(String, PathBuf)>)> {
        if !root.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such directory", root.display()),
            ));
        }
        let mut c = Corpus::empty(root);
        c.manifest = Arc::new(Manifest::load(&root.join(MANIFEST))?);
        c.set_registry(Registry::load(&root.join(REGISTRY))?);
        let exclude = build_globset(&c.manifest.exclude);
        let mut files = Vec::new();
        walk(root, root, &exclude, &mut files, &mut c.load_errors);
        files.retain(|(rel, _)| keep(rel));
        Ok((c, files))
    }

    /// The registry, manifest and matcher of this corpus, without its
    /// articles (what matching names in an article needs): a copy that
    /// shares no article, so changes to this corpus do not copy for it.
    pub fn without_articles(&self) -> Corpus {
        Corpus {
            root: self.root.clone(),
            manifest: self.manifest.clone(),
            registry: self.registry.clone(),
            matcher: self.matcher.clone(),
            articles: imbl::OrdMap::new(),
            load_errors: Vec::new(),
        }
    }

    pub fn set_registry(&mut self, registry: Registry) {
        self.matcher = Arc::new(MentionMatcher::new(&registry));
        self.registry = Arc::new(registry);
    }

    /// Replace the registry with new text (an editor buffer or a change on disk).
    pub fn set_registry_text(&mut self, text: &str) {
        let path = self.root.join(REGISTRY);
        self.set_registry(Registry::parse(&path, text));
    }

    pub fn set_manifest_text(&mut self, text: &str) {
        self.manifest = Arc::new(Manifest::parse(&self.root.join(MANIFEST), text));
    }

    pub fn articles(&self) -> impl ExactSizeIterator<Item = &Article> {
        self.articles.values().map(|a| &**a)
    }

    pub fn article(&self, rel: &str) -> Option<&Article> {
        self.articles.get(rel).map(|a| &**a)
    }

    pub fn article_mut(&mut self, rel: &str) -> Option<&mut Article> {
        self.articles.get_mut(rel).map(Arc::make_mut)
    }

    /// The article whose `.txt` or `.ann` file is at `path`.
    pub fn article_for_path(&self, path: &Path) -> Option<&Article> {
        let rel = self.rel_path(&path.with_extension("txt"))?;
        self.article(&rel)
    }

    /// `path` relative to the root, with `/` separators.
    pub fn rel_path(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    /// Add or replace an article with the given text; keeps its annotations.
    pub fn upsert_article(&mut self, path: &Path, text: String) -> Option<&Article> {
        let rel = self.rel_path(path)?;
        match self.articles.get_mut(&rel) {
            Some(a) => Arc::make_mut(a).set_text(text),
            None => {
                let ann = std::fs::read(path.with_extension("ann"))
                    .ok()
                    .map(|b| decode(&b).0);
                let a = Article::new(path.to_owned(), rel.clone(), text.as_bytes(), ann);
                self.articles.insert(rel.clone(), Arc::new(a));
            }
        }
        self.article(&rel)
    }

    /// Add or replace an article built elsewhere (the language server reads
    /// and parses articles in parallel, then inserts them in batches).
    pub fn insert_article(&mut self, article: Article) {
        self.articles.insert(article.rel.clone(), Arc::new(article));
    }

    /// [`Corpus::insert_article`] of an article already shared (the
    /// language server wraps articles in `Arc` on the threads that read
    /// them, and keeps the handle for its index).
    pub fn insert_shared(&mut self, article: Arc<Article>) {
        self.articles.insert(article.rel.clone(), article);
    }

    /// The shared handle of an article: two handles are the same
    /// allocation ([`Arc::ptr_eq`]) exactly when the article has not changed
    /// in between, which lets the language server key caches on it.
    pub fn shared_article(&self, rel: &str) -> Option<&Arc<Article>> {
        self.articles.get(rel)
    }

    pub fn remove_article(&mut self, path: &Path) -> Option<Article> {
        let rel = self.rel_path(path)?;
        self.articles.remove(&rel).map(Arc::unwrap_or_clone)
    }

    /// Replace an article's annotations (`None`: the `.ann` file is gone).
    pub fn set_ann(&mut self, txt_path: &Path, ann: Option<String>) -> bool {
        let Some(rel) = self.rel_path(txt_path) else {
            return false;
        };
        match self.articles.get_mut(&rel) {
            Some(a) => {
                Arc::make_mut(a).set_ann(ann);
                true
            }
            None => false,
        }
    }

    /// An article's publication date, from `gloss.toml`.
    pub fn publication_date(&self, article: &Article) -> Option<NaiveDate> {
        self.manifest
            .article(&article.rel)
            .and_then(|m| m.published)
    }

    /// Diagnostics that belong to the corpus rather than one article: the
    /// registry's, the manifest's and unreadable files, severities applied.
    pub fn corpus_diagnostics(&self) -> Vec<Diagnostic> {
        let all = self
            .registry
            .diagnostics
            .iter()
            .chain(&self.manifest.diagnostics)
            .chain(&self.load_errors)
            .cloned()
            .collect();
        self.apply_severities(all)
    }

    /// Set each diagnostic's severity from `gloss.toml` and drop those turned off.
    pub fn apply_severities(&self, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diags
            .into_iter()
            .filter_map(|mut d| {
                d.severity = self.manifest.severity(d.code);
                (d.severity != crate::diagnostics::Severity::Off).then_some(d)
            })
            .collect()
    }

    /// Every diagnostic of the corpus, articles analysed in parallel, in a
    /// stable order (by file, then position).
    pub fn check(&self) -> Vec<Diagnostic> {
        use rayon::prelude::*;
        // Sorting every diagnostic by path compared paths component by
        // component per comparison; instead the diagnostics are grouped by
        // file (the corpus's own, then each article's `.txt` and `.ann`),
        // the groups are sorted by path and each group by position. Groups
        // whose paths compare equal are merged first, so the order is the
        // stable sort of one list by (path, position, code), as it was.
        let mut groups: Vec<(PathBuf, Vec<Diagnostic>)> = Vec::new();
        for d in self.corpus_diagnostics() {
            match groups.iter_mut().find(|(p, _)| *p == d.path) {
                Some((_, g)) => g.push(d),
                None => groups.push((d.path.clone(), vec![d])),
            }
        }
        let articles: Vec<&Arc<Article>> = self.articles.values().collect();
        let per_article: Vec<[(PathBuf, Vec<Diagnostic>); 2]> = articles
            .par_iter()
            .map(|a| {
                let diags = crate::analysis::analyze(self, a).diagnostics;
                let (ann, txt): (Vec<Diagnostic>, Vec<Diagnostic>) =
                    diags.into_iter().partition(|d| d.path == a.ann_path);
                [(a.path.clone(), txt), (a.ann_path.clone(), ann)]
            })
            .collect();
        groups.extend(
            per_article
                .into_iter()
                .flatten()
                .filter(|(_, g)| !g.is_empty()),
        );
        // Stable: groups with equal paths keep their order.
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        let mut all = Vec::with_capacity(groups.iter().map(|(_, g)| g.len()).sum());
        let mut i = 0;
        while i < groups.len() {
            let mut j = i + 1;
            while j < groups.len() && groups[j].0 == groups[i].0 {
                j += 1;
            }
            let from = all.len();
            for (_, g) in &mut groups[i..j] {
                all.append(g);
            }
            all[from..].sort_by(|a: &Diagnostic, b: &Diagnostic| {
                a.range.start.cmp(&b.range.start).then(a.code.cmp(&b.code))
            });
            i = j;
        }
        all
    }
}

/// Read one article file and its `.ann` file; an unreadable file is a
/// diagnostic on that file.
pub fn read_article(rel: String, path: PathBuf) -> Result<Article, Diagnostic> {
    let (bytes, ann) = read_article_bytes(&path)?;
    Ok(Article::from_vec(
        path,
        rel,
        bytes,
        ann.map(|b| decode_vec(b).0),
    ))
}

/// The bytes of an article's `.txt` file and of its `.ann` file (`None`
/// when there is none), undecoded; a file that cannot be read is a
/// diagnostic on it.
pub fn read_article_bytes(path: &Path) -> Result<(Vec<u8>, Option<Vec<u8>>), Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| io_diag(path, &e))?;
    let ann_path = path.with_extension("ann");
    let ann = match std::fs::read(&ann_path) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_diag(&ann_path, &e)),
    };
    Ok((bytes, ann))
}

fn io_diag(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        path,
        Code::InvalidText,
        0..0,
        format!("cannot read {}: {e}", path.display()),
    )
}

fn build_globset(patterns: &[String]) -> globset::GlobSet {
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        if let Ok(g) = globset::Glob::new(p) {
            b.add(g);
        }
    }
    b.build().unwrap_or_else(|_| globset::GlobSet::empty())
}

/// Whether a corpus never reads below an entry of this name: hidden files
/// and folders, build output (`target`) and `node_modules`. The loader, the
/// server's reload checks, its root discovery and its own file watcher all
/// ask this.
pub fn skipped_name(name: &str) -> bool {
    name.starts_with('.') || name == "target" || name == "node_modules"
}

/// Collect `*.txt` files below `dir`, skipping hidden directories, build
/// output and excluded paths, in a stable order.
fn walk(
    root: &Path,
    dir: &Path,
    exclude: &globset::GlobSet,
    out: &mut Vec<(String, PathBuf)>,
    errors: &mut Vec<Diagnostic>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(io_diag(dir, &e));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if skipped_name(&name) {
            continue;
        }
        let path = e.path();
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let rel_s = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if exclude.is_match(&rel_s) {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(root, &path, exclude, out, errors);
        } else if name.ends_with(".txt") && (ft.is_file() || path.is_file()) {
            out.push((rel_s, path));
        }
    }
}

#[cfg(test)]
mod check_order_tests {
    use super::*;

    /// `check` orders diagnostics as one stable sort of them all by path
    /// (component by component), position and code, including articles
    /// whose `.ann` and `.txt` files are not adjacent in that order.
    #[test]
    fn check_is_the_stable_sort_by_path_position_and_code() {
        let root =
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/awkward-order");
        let corpus = Corpus::load(root).expect("load");
        let mut expected = corpus.corpus_diagnostics();
        for a in corpus.articles() {
            expected.extend(crate::analysis::analyze(&corpus, a).diagnostics);
        }
        expected.sort_by(|a, b| {
            a.path
                .cmp(&b.path)
                .then(a.range.start.cmp(&b.range.start))
                .then(a.code.cmp(&b.code))
        });
        let got = corpus.check();
        assert!(got.iter().any(|d| d.path == root.join("ab.ann")));
        assert!(got.iter().any(|d| d.path == root.join("ab.tx.ann")));
        assert_eq!(got, expected);
    }
}

#[cfg(test)]
mod snapshot_tests {
    use super::*;

    /// A clone (the language server's snapshot) shares every part with the
    /// original, and a change to one side is not seen by the other.
    #[test]
    fn a_clone_shares_everything_until_one_side_changes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Mr Ivanov said so on Monday.").unwrap();
        std::fs::write(dir.path().join("b.txt"), "Nothing here.").unwrap();
        let mut c = Corpus::load(dir.path()).unwrap();
        let snap = c.clone();
        assert!(Arc::ptr_eq(&c.manifest, &snap.manifest));
        assert!(Arc::ptr_eq(&c.registry, &snap.registry));
        assert!(Arc::ptr_eq(&c.matcher, &snap.matcher));
        for rel in ["a.txt", "b.txt"] {
            let (x, y) = (
                c.shared_article(rel).unwrap(),
                snap.shared_article(rel).unwrap(),
            );
            assert!(Arc::ptr_eq(x, y), "{rel}");
        }
        c.upsert_article(&dir.path().join("a.txt"), "Changed.".into());
        c.set_manifest_text("[articles.\"a.txt\"]\npublished = 2001-11-23\n");
        assert_eq!(
            snap.article("a.txt").unwrap().text,
            "Mr Ivanov said so on Monday."
        );
        assert_eq!(c.article("a.txt").unwrap().text, "Changed.");
        assert!(snap.manifest.articles.is_empty());
        assert!(!c.manifest.articles.is_empty());
        // The untouched article is still shared.
        assert!(Arc::ptr_eq(
            c.shared_article("b.txt").unwrap(),
            snap.shared_article("b.txt").unwrap()
        ));
    }
}

#[cfg(test)]
mod lazy_ann_tests {
    use super::*;

    /// The `.ann` file is parsed on first use, to what an eager parse
    /// gives; `with_ann` does not keep its parse; a new `.ann` text is
    /// parsed afresh.
    #[test]
    fn ann_is_parsed_on_use_and_replaced_with_the_text() {
        let ann = "T1\tDate 0 6\tMonday\r\nN1\tReference T1 TIMEX3:2001-11-19\tMonday\nbroken";
        let mut a = Article::new(
            PathBuf::from("/r/a.txt"),
            "a.txt".into(),
            b"Monday it rained.",
            Some(ann.into()),
        );
        assert!(a.ann.get().is_none());
        let n = a.with_ann(|d| d.entries.len());
        assert_eq!(n, 3);
        assert!(a.ann.get().is_none(), "with_ann kept its parse");
        assert_eq!(a.ann(), &AnnDoc::parse(ann));
        assert_eq!(a.ann().render(), ann);
        assert!(a.ann.get().is_some());
        a.set_ann(Some("T1\tDate 0 6\tMonday\n".into()));
        assert_eq!(a.ann().entries.len(), 1);
        a.set_ann(None);
        assert!(a.ann().entries.is_empty());
        assert!(!a.ann_exists);
    }
}
