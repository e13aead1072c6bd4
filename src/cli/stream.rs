//! The report of `gloss check`, streamed: articles are read, analysed,
//! located and rendered in parallel a chunk at a time, and written in report
//! order (files by path, as `Path` compares them: component by component;
//! each file's diagnostics by position, then code). Only a chunk of articles
//! and their rendered diagnostics are in memory at once.
//!
//! The order is fixed before any article is read, from the paths alone: the
//! corpus's own files (registry, manifest, unreadable folders) and each
//! article's `.txt` and `.ann`. An article's two files need not be adjacent
//! in that order (`ab.ann`, `ab.tx.ann`, `ab.tx.txt`, `ab.txt`), so
//! articles are analysed in the order of their first file and a file is
//! written once its article is done: results wait in a small reorder buffer.
//!
//! With a result cache (see [`super::cache`]), an article whose key the
//! cache holds is read and hashed but not analysed: its rendered files are
//! written from the cache's buffer, in the same place of the same order.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use gloss::analysis::FixDetail;
use gloss::corpus::{read_article_bytes, Article, Corpus};
use gloss::diagnostics::{Diagnostic, Severity};
use gloss::report::{display, locate_owned, FileText, Located, Summary};
use gloss::text::{decode_vec, LineIndex};

use super::cache::{CorpusCache, Made, Store};
use super::in_scope;

/// Articles analysed together, in parallel, between two writes.
const CHUNK: usize = 64;

/// Renders one located diagnostic in the output format.
pub type Render = dyn Fn(&mut Vec<u8>, &Located) -> std::io::Result<()> + Sync;

/// What was written so far, across corpora.
#[derive(Debug, Default)]
pub struct Totals {
    pub summary: Summary,
    /// Printed paths of the files with at least one diagnostic.
    pub files: HashSet<String>,
    /// The highest severity written.
    pub max: Option<Severity>,
    /// Whether a diagnostic was written (the JSON and SARIF arrays drop the
    /// separator before the first).
    pub any: bool,
}

/// One file's diagnostics, rendered now or taken from the cache.
#[derive(Debug, Default)]
struct Rendered<'c> {
    display: String,
    bytes: Cow<'c, [u8]>,
    /// Counts by severity: error, warning, info, hint.
    counts: [usize; 4],
    max: Option<Severity>,
}

impl<'c> Rendered<'c> {
    fn new(
        diags: Vec<Diagnostic>,
        file: &FileText,
        targets: &[FileText],
        render: &Render,
        with_source: bool,
    ) -> std::io::Result<Rendered<'c>> {
        let mut bytes = Vec::new();
        let mut out = Rendered {
            display: file.display.to_owned(),
            ..Rendered::default()
        };
        let mut diags = diags;
        // Stable: diagnostics at the same place and of the same code keep
        // the order the analysis gave them.
        diags.sort_by_key(|d| (d.range.start, d.code));
        for d in diags {
            let sev = d.severity;
            match sev {
                Severity::Error => out.counts[0] += 1,
                Severity::Warning => out.counts[1] += 1,
                Severity::Info => out.counts[2] += 1,
                Severity::Hint => out.counts[3] += 1,
                Severity::Off => {}
            }
            out.max = out.max.max(Some(sev));
            let located = locate_owned(d, file, targets, with_source);
            render(&mut bytes, &located)?;
        }
        out.bytes = Cow::Owned(bytes);
        Ok(out)
    }

    /// A file's rendering as the cache holds it.
    fn cached(store: &'c Store, side: &super::cache::Side, path: &Path) -> Rendered<'c> {
        let bytes = store.bytes(side);
        let any = !bytes.is_empty() || side.counts.iter().any(|&n| n > 0);
        Rendered {
            // Used only for a file with diagnostics (see `is_empty`).
            display: if any { display(path) } else { String::new() },
            bytes: Cow::Borrowed(bytes),
            counts: side.counts,
            max: side.max,
        }
    }

    /// This rendering as the cache stores it.
    fn made(&self) -> Made<'_> {
        Made {
            bytes: &self.bytes,
            counts: self.counts,
            max: self.max,
        }
    }

    fn is_empty(&self) -> bool {
        self.counts.iter().sum::<usize>() == 0 && self.bytes.is_empty()
    }
}

/// An article's two files, rendered, and whether it could be read.
#[derive(Debug, Default)]
struct ArticleOut<'c> {
    loaded: bool,
    txt: Rendered<'c>,
    ann: Rendered<'c>,
    /// How the cache knows the article, when it could be keyed.
    cache: Option<CacheUse<'c>>,
}

/// Whether an article came from the cache, or was rendered anew under a key.
#[derive(Debug)]
enum CacheUse<'c> {
    Hit(&'c super::cache::Entry),
    Miss(u128),
}

/// Who holds the diagnostics of a file in the report order.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// A group of the corpus's own diagnostics (one path).
    Corpus(usize),
    Txt(usize),
    Ann(usize),
}

/// Stream the report of one corpus into `out`. `skip_first` bytes of the
/// first diagnostic written (across corpora) are dropped: the separator of
/// the JSON and SARIF arrays. With a `cache`, articles whose key it holds
/// are written from it, and what this run used and made is recorded in it.
#[allow(clippy::too_many_arguments)]
pub fn corpus_report(
    corpus: &Corpus,
    cache: Option<&mut CorpusCache>,
    files: &[(String, PathBuf)],
    scope: &Option<Vec<PathBuf>>,
    render: &Render,
    with_source: bool,
    fixes: FixDetail,
    skip_first: usize,
    out: &mut dyn std::io::Write,
    totals: &mut Totals,
) -> std::io::Result<()> {
    let registry_index = LineIndex::new(&corpus.registry.source);
    let manifest_index = LineIndex::new(&corpus.manifest.source);
    let registry_display = corpus.registry.path.as_deref().map(display);
    let manifest_display = corpus.manifest.path.as_deref().map(display);
    let mut shared: Vec<FileText> = Vec::new();
    if let (Some(path), Some(d)) = (corpus.registry.path.as_deref(), &registry_display) {
        shared.push(FileText {
            path,
            display: d,
            text: &corpus.registry.source,
            index: &registry_index,
        });
    }
    if let (Some(path), Some(d)) = (corpus.manifest.path.as_deref(), &manifest_display) {
        shared.push(FileText {
            path,
            display: d,
            text: &corpus.manifest.source,
            index: &manifest_index,
        });
    }

    // The corpus's own diagnostics, grouped by file in their order.
    let mut group_paths: Vec<PathBuf> = Vec::new();
    let mut groups: Vec<Vec<Diagnostic>> = Vec::new();
    for d in corpus.corpus_diagnostics() {
        match group_paths.iter().position(|p| *p == d.path) {
            Some(g) => groups[g].push(d),
            None => {
                group_paths.push(d.path.clone());
                groups.push(vec![d]);
            }
        }
    }
    let ann_paths: Vec<PathBuf> = files.iter().map(|(_, p)| p.with_extension("ann")).collect();

    // The report order. Pushed nearly sorted (walk order, `.ann` before
    // `.txt`), which the stable sort handles in about linear time. Two
    // entries compare equal only when a folder that could not be read has
    // the name of an article's `.ann` file; both then hold one diagnostic
    // at 0..0 of the same code, so writing the corpus's first (as the
    // stable sort of one list did) gives the same output as merging.
    let mut order: Vec<(&Path, Owner)> = Vec::with_capacity(groups.len() + 2 * files.len());
    order.extend(
        group_paths
            .iter()
            .enumerate()
            .map(|(g, p)| (p.as_path(), Owner::Corpus(g))),
    );
    for (i, (_, path)) in files.iter().enumerate() {
        order.push((ann_paths[i].as_path(), Owner::Ann(i)));
        order.push((path.as_path(), Owner::Txt(i)));
    }
    let tie = |o: &Owner| match *o {
        Owner::Corpus(g) => (0, "", g),
        Owner::Txt(i) | Owner::Ann(i) => (1, files[i].0.as_str(), 0),
    };
    order.sort_by(|a, b| a.0.cmp(b.0).then_with(|| tie(&a.1).cmp(&tie(&b.1))));

    // Articles in the order of their first file.
    let mut seen = vec![false; files.len()];
    let mut sequence = Vec::with_capacity(files.len());
    for (_, o) in &order {
        if let Owner::Txt(i) | Owner::Ann(i) = *o {
            if !std::mem::replace(&mut seen[i], true) {
                sequence.push(i);
            }
        }
    }
    drop(seen);

    // The store is read by the threads that analyse; the writer is used
    // by this thread alone.
    let (store, mut writer) = match cache {
        Some(CorpusCache { store, writer, .. }) => (Some(&*store), Some(writer)),
        None => (None, None),
    };
    let analyse = |i: usize| -> std::io::Result<ArticleOut> {
        let (rel, path) = &files[i];
        let ann_path = &ann_paths[i];
        match read_article_bytes(path) {
            Ok((txt, ann)) => {
                // With a cache, the article is keyed on its raw bytes and
                // analysed only when the cache does not hold that key.
                let key = store.map(|store| store.key(corpus, rel, path, &txt, ann.as_deref()));
                if let (Some(store), Some(key)) = (store, key) {
                    if let Some(entry) = store.get(key) {
                        return Ok(ArticleOut {
                            loaded: true,
                            txt: Rendered::cached(store, &entry.sides[0], path),
                            ann: Rendered::cached(store, &entry.sides[1], ann_path),
                            cache: Some(CacheUse::Hit(entry)),
                        });
                    }
                }
                let ann = ann.map(|b| decode_vec(b).0);
                let article = Article::from_vec(path.clone(), rel.clone(), txt, ann);
                let mut out = article_out(corpus, &article, &shared, render, with_source, fixes)?;
                out.cache = key.map(CacheUse::Miss);
                Ok(out)
            }
            Err(d) => {
                // Not read: its diagnostic is about the `.txt` or the `.ann`
                // file, located in no text (gloss holds none for it).
                let mut out = ArticleOut::default();
                let empty = LineIndex::new("");
                let on_ann = d.path == *ann_path;
                let file_path: &Path = if on_ann { ann_path } else { path };
                let shown = display(file_path);
                let file = FileText {
                    path: file_path,
                    display: &shown,
                    text: "",
                    index: &empty,
                };
                let r = Rendered::new(
                    corpus.apply_severities(vec![d]),
                    &file,
                    &shared,
                    render,
                    with_source,
                )?;
                if on_ann {
                    out.ann = r;
                } else {
                    out.txt = r;
                }
                Ok(out)
            }
        }
    };

    let mut done: Vec<Option<ArticleOut>> = (0..files.len()).map(|_| None).collect();
    let mut cursor = 0;
    let mut emit = |r: &mut Rendered, path: &Path, totals: &mut Totals| -> std::io::Result<()> {
        if r.is_empty() || !in_scope(path, scope) {
            return Ok(());
        }
        let bytes = std::mem::take(&mut r.bytes);
        let from = if totals.any {
            0
        } else {
            skip_first.min(bytes.len())
        };
        out.write_all(&bytes[from..])?;
        totals.any = true;
        let s = &mut totals.summary;
        s.errors += r.counts[0];
        s.warnings += r.counts[1];
        s.infos += r.counts[2];
        s.hints += r.counts[3];
        totals.files.insert(std::mem::take(&mut r.display));
        totals.max = totals.max.max(r.max);
        Ok(())
    };
    let mut next_chunk = sequence.chunks(CHUNK);
    loop {
        // Write every file whose article is done, in order.
        while let Some(&(path, owner)) = order.get(cursor) {
            match owner {
                Owner::Corpus(g) => {
                    let gpath = &group_paths[g];
                    let diags = &mut groups[g];
                    let shown = display(gpath);
                    let empty = LineIndex::new("");
                    let file = shared
                        .iter()
                        .find(|t| t.path == gpath.as_path())
                        .copied()
                        .unwrap_or(FileText {
                            path: gpath,
                            display: &shown,
                            text: "",
                            index: &empty,
                        });
                    let file = FileText {
                        display: &shown,
                        ..file
                    };
                    let mut r =
                        Rendered::new(std::mem::take(diags), &file, &shared, render, with_source)?;
                    emit(&mut r, path, totals)?;
                }
                Owner::Txt(i) | Owner::Ann(i) => {
                    let Some(a) = done[i].as_mut() else { break };
                    if let Owner::Txt(_) = owner {
                        if a.loaded && in_scope(path, scope) {
                            totals.summary.articles += 1;
                        }
                        emit(&mut a.txt, path, totals)?;
                    } else {
                        emit(&mut a.ann, path, totals)?;
                    }
                }
            }
            cursor += 1;
        }
        let Some(chunk) = next_chunk.next() else {
            break;
        };
        let results: Vec<(usize, std::io::Result<ArticleOut>)> =
            chunk.par_iter().map(|&i| (i, analyse(i))).collect();
        for (i, r) in results {
            let a = r?;
            if let Some(w) = writer.as_deref_mut() {
                match &a.cache {
                    Some(CacheUse::Hit(entry)) => w.kept(entry),
                    Some(CacheUse::Miss(key)) => w.made(*key, [a.txt.made(), a.ann.made()]),
                    None => {}
                }
            }
            done[i] = Some(a);
        }
    }
    Ok(())
}

/// Analyse one article and render the diagnostics of its `.txt` and `.ann`.
fn article_out(
    corpus: &Corpus,
    article: &Article,
    shared: &[FileText],
    render: &Render,
    with_source: bool,
    fixes: FixDetail,
) -> std::io::Result<ArticleOut<'static>> {
    let diags = gloss::analysis::analyze_with(corpus, article, fixes).diagnostics;
    let (on_ann, on_txt): (Vec<Diagnostic>, Vec<Diagnostic>) = diags.into_iter().partition(|d| {
        d.path.as_os_str() == article.ann_path.as_os_str()
            || (d.path.as_os_str() != article.path.as_os_str() && d.path == article.ann_path)
    });
    let ann_index = LineIndex::new(&article.ann_text);
    let txt_display = display(&article.path);
    let ann_display = display(&article.ann_path);
    let txt = FileText {
        path: &article.path,
        display: &txt_display,
        text: &article.text,
        index: &article.index,
    };
    let ann = FileText {
        path: &article.ann_path,
        display: &ann_display,
        text: &article.ann_text,
        index: &ann_index,
    };
    // Fixes edit the registry, the manifest, the article or its `.ann`
    // file, looked up in that order as the report always did.
    let mut targets: Vec<FileText> = shared.to_vec();
    targets.push(txt);
    targets.push(ann);
    Ok(ArticleOut {
        loaded: true,
        txt: Rendered::new(on_txt, &txt, &targets, render, with_source)?,
        ann: Rendered::new(on_ann, &ann, &targets, render, with_source)?,
        cache: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed report lists the diagnostics in the order of
    /// `Corpus::check` (the stable sort by path, position and code), on a
    /// corpus whose `.ann` and `.txt` files are not adjacent in that order,
    /// and counts them and their files.
    #[test]
    fn streams_in_the_order_of_the_whole_sort() {
        let root =
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/awkward-order");

        let whole = Corpus::load(root).expect("load");
        let expected: Vec<String> = whole
            .check()
            .iter()
            .map(|d| format!("{}:{}:{}", display(&d.path), d.range.start, d.code))
            .collect();

        let (corpus, files) = Corpus::open_filtered(root, |_| true).expect("open");
        let render: &Render = &|out: &mut Vec<u8>, d: &Located| {
            use std::io::Write;
            // `start` counts code points; in this ASCII text that is the
            // byte offset `Corpus::check` gives.
            writeln!(out, "{}:{}:{}", d.file, d.start, d.code)
        };
        let mut out = Vec::new();
        let mut totals = Totals::default();
        corpus_report(
            &corpus,
            None,
            &files,
            &None,
            render,
            false,
            FixDetail::Full,
            0,
            &mut out,
            &mut totals,
        )
        .expect("report");
        let got: Vec<String> = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(str::to_owned)
            .collect();
        assert!(got.iter().any(|l| l.contains("ab.ann:")), "{got:?}");
        assert_eq!(got, expected);
        let s = &totals.summary;
        assert_eq!(s.errors + s.warnings + s.infos + s.hints, expected.len());
        assert_eq!(s.articles, 5);
        assert!(totals.files.len() >= 6, "{:?}", totals.files);
    }
}
