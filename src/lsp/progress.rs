//! Background indexing of corpus roots, with work-done progress.
//!
//! The registry and the manifest are read first, then articles in batches;
//! each batch is merged into the live corpus, so requests are answered from
//! what is loaded so far. Open buffers always win over the disk.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;

use tower_lsp_server::ls_types::ProgressToken;

use super::mention_index::{rebuild_in_background, refs_of, Refs};
use super::server::{Inner, CLIENT_TIMEOUT};
use super::state::{lock, FileKind};
use crate::corpus::{Article, Corpus};

/// Read, decode, line-index and parse a batch of articles and their `.ann`
/// files, and find their entity mentions and publication dates, on all
/// cores (everything the merge under the state lock would otherwise do on
/// one). Unreadable files are left out (the watcher reports them when they
/// change).
fn read_batch(corpus: &Corpus, paths: Vec<(String, PathBuf)>) -> Vec<ReadArticle> {
    use rayon::prelude::*;
    paths
        .into_par_iter()
        .filter_map(|(rel, path)| {
            let bytes = std::fs::read(&path).ok()?;
            let ann = std::fs::read(path.with_extension("ann"))
                .ok()
                .map(|b| crate::text::decode_vec(b).0);
            let article = Article::from_vec(path, rel, bytes, ann);
            let refs = refs_of(corpus, &article);
            let date = corpus.publication_date(&article);
            Some((Arc::new(article), refs, date))
        })
        .collect()
}

/// Run between reading a batch of articles and merging it. For tests
/// only: a change on disk reported in that window is the race
/// `Root::changed_while_loading` exists for, and only a hook lets a test
/// put it there every time.
#[doc(hidden)]
pub static BEFORE_MERGE: std::sync::OnceLock<MergeHook> = std::sync::OnceLock::new();

/// See [`BEFORE_MERGE`].
#[doc(hidden)]
pub type MergeHook = Box<dyn Fn(&Arc<Inner>) + Send + Sync>;

/// An article read from disk, its references and its publication date.
type ReadArticle = (Arc<Article>, Refs, Option<NaiveDate>);

/// Articles read (in parallel) before they are merged under the state lock.
const BATCH: usize = 2048;

pub async fn index_roots(inner: Arc<Inner>, roots: Vec<usize>) {
    let use_progress = lock(&inner.state).caps.progress;
    let token = ProgressToken::String(format!(
        "gloss/index/{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let progress = if use_progress {
        let created = tokio::time::timeout(
            CLIENT_TIMEOUT,
            inner.client.create_work_done_progress(token.clone()),
        )
        .await;
        if matches!(created, Ok(Ok(()))) {
            Some(
                inner
                    .client
                    .progress(token, "gloss: indexing")
                    .with_percentage(0)
                    .begin()
                    .await,
            )
        } else {
            None
        }
    } else {
        None
    };
    let total_roots = roots.len().max(1);
    for (k, ri) in roots.into_iter().enumerate() {
        let (root_path, reload) = match lock(&inner.state).roots.get(ri) {
            Some(r) => (r.path.clone(), r.indexed),
            None => continue,
        };
        lock(&inner.state).roots[ri].changed_while_loading = Some(Default::default());
        if reload {
            // Reloading a root that is already indexed: load it aside and
            // swap it in at once, so requests never see a half-loaded corpus.
            let rp = root_path.clone();
            let loaded = tokio::task::spawn_blocking(move || Corpus::load(&rp)).await;
            match loaded {
                Ok(Ok(corpus)) => {
                    let open = {
                        let mut st = lock(&inner.state);
                        let open = st.open_in(ri);
                        st.roots[ri].corpus = Arc::new(corpus);
                        let gen = st.roots[ri].new_generation();
                        for p in &open {
                            let t = st.doc_text(p);
                            st.set_file(ri, p, t);
                        }
                        let mut open = open;
                        open.extend(st.reread_changed(ri));
                        let root = &st.roots[ri];
                        rebuild_in_background(root.index.clone(), gen, root.corpus.clone());
                        open
                    };
                    let mut paths = open;
                    paths.push(root_path.join(crate::corpus::REGISTRY));
                    paths.push(root_path.join(crate::corpus::MANIFEST));
                    inner.schedule(paths, Duration::ZERO);
                }
                Ok(Err(e)) => tracing::warn!("{}: {e}", root_path.display()),
                Err(e) => tracing::error!("reloading {}: {e}", root_path.display()),
            }
            // Not swapped (the load failed): the live corpus took the
            // changes as they came.
            lock(&inner.state).roots[ri].changed_while_loading = None;
            if let Some(pr) = &progress {
                pr.report(((k + 1) * 100 / total_roots) as u32).await;
            }
            continue;
        }
        // Registry, manifest and the list of articles (without reading them).
        let listed = std::time::Instant::now();
        let rp = root_path.clone();
        let loaded = tokio::task::spawn_blocking(move || {
            Corpus::open_filtered(&rp, |_| true)
                .map(|(c, files)| (c, files.into_iter().map(|(rel, _)| rel).collect::<Vec<_>>()))
        })
        .await;
        let (base, rels) = match loaded {
            Ok(Ok(x)) => x,
            Ok(Err(e)) => {
                tracing::warn!("{}: {e}", root_path.display());
                continue;
            }
            Err(e) => {
                tracing::error!("indexing {}: {e}", root_path.display());
                continue;
            }
        };
        let listing = listed.elapsed();
        let gen0 = {
            let mut st = lock(&inner.state);
            // Open buffers win over what was just read from disk.
            let open = st.open_in(ri);
            st.roots[ri].corpus = Arc::new(base);
            st.roots[ri].new_generation();
            for p in open {
                if matches!(
                    FileKind::of(&root_path, &p),
                    Some(FileKind::Article | FileKind::Registry | FileKind::Manifest)
                ) {
                    let t = st.doc_text(&p);
                    st.set_file(ri, &p, t);
                }
            }
            st.roots[ri].gen
        };
        let n = rels.len().max(1);
        // Reading a batch (all cores) overlaps with merging the previous one
        // (under the state lock): the merge is serial, and waiting for it
        // left the cores idle for a third of the indexing time.
        let started = std::time::Instant::now();
        let (mut read_wait, mut merging) = (Duration::ZERO, Duration::ZERO);
        let spawn_read = |chunk: &[String]| {
            // The registry, manifest and matcher to match names against, as
            // they are now, without the articles: holding the article map
            // while the previous batch is merged would make the merge copy
            // the parts of the map it touches.
            let (corpus, gen) = {
                let st = lock(&inner.state);
                let root = &st.roots[ri];
                (root.corpus.without_articles(), root.gen)
            };
            let paths: Vec<(String, PathBuf)> = chunk
                .iter()
                .map(|r| (r.clone(), root_path.join(r)))
                .collect();
            tokio::task::spawn_blocking(move || (read_batch(&corpus, paths), gen))
        };
        let mut chunks = rels.chunks(BATCH).enumerate();
        let mut next = chunks.next().map(|(bi, c)| (bi, spawn_read(c)));
        while let Some((bi, pending)) = next.take() {
            let t = std::time::Instant::now();
            let (read, gen) = match pending.await {
                Ok(x) => x,
                Err(e) => {
                    tracing::error!("indexing {}: {e}", root_path.display());
                    (Vec::new(), 0)
                }
            };
            read_wait += t.elapsed();
            next = chunks.next().map(|(bi, c)| (bi, spawn_read(c)));
            if let Some(hook) = BEFORE_MERGE.get() {
                hook(&inner);
            }
            let t = std::time::Instant::now();
            {
                let mut st = lock(&inner.state);
                let st = &mut *st;
                let root = &mut st.roots[ri];
                let corpus = Arc::make_mut(&mut root.corpus);
                let mut index = lock(&root.index);
                for (article, refs, date) in read {
                    // Open buffers win over the disk; an article that
                    // changed on disk since this batch may have been read
                    // is read again once indexing is over.
                    if st.docs.contains_key(&article.path)
                        || root
                            .changed_while_loading
                            .as_ref()
                            .is_some_and(|c| c.contains(&article.path))
                    {
                        continue;
                    }
                    // The base corpus starts without articles, so one that
                    // is already here was put here by a change on disk
                    // reported while this batch was being read: that copy
                    // is at least as new as ours.
                    if corpus.shared_article(&article.rel).is_some() {
                        continue;
                    }
                    match st.docs.get(&article.ann_path).map(|d| d.rope.to_string()) {
                        Some(a) => {
                            let (path, rel) = (article.path.clone(), article.rel.clone());
                            corpus.insert_shared(article);
                            corpus.set_ann(&path, Some(a));
                            root.edits += 1;
                            index.mark_dirty(
                                &rel,
                                corpus.shared_article(&rel).cloned(),
                                root.edits,
                            );
                        }
                        None => {
                            corpus.insert_shared(article.clone());
                            index.insert(gen, article, refs, date)
                        }
                    }
                }
            }
            merging += t.elapsed();
            if let Some(pr) = &progress {
                let done = ((bi + 1) * BATCH).min(n);
                let pct = ((k * 100 + done * 100 / n) / total_roots) as u32;
                pr.report_with_message(format!("{done}/{n} articles"), pct.min(100))
                    .await;
            }
        }
        {
            // Complete unless the registry or manifest changed while
            // indexing (then the batches before the change are stale).
            let st = lock(&inner.state);
            let root = &st.roots[ri];
            if root.gen == gen0 {
                lock(&root.index).finish(gen0);
            } else {
                rebuild_in_background(root.index.clone(), root.gen, root.corpus.clone());
            }
        }
        let open = {
            let mut st = lock(&inner.state);
            st.roots[ri].indexed = true;
            let reread = st.reread_changed(ri);
            let mut open = st.open_in(ri);
            open.extend(reread);
            open.push(root_path.join(crate::corpus::REGISTRY));
            open.push(root_path.join(crate::corpus::MANIFEST));
            open
        };
        inner.schedule(open, Duration::ZERO);
        tracing::info!(
            "indexed {} ({} articles) in {:.2?}: listing {:.2?}, waiting for reads {:.2?}, merging {:.2?}",
            root_path.display(),
            rels.len(),
            started.elapsed() + listing,
            listing,
            read_wait,
            merging
        );
    }
    if let Some(pr) = progress {
        pr.finish_with_message("done").await;
    }
    inner.refresh_views();
    super::watch::watch_roots(&inner);
}
