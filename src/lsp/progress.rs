//! Background indexing of corpus roots, with work-done progress.
//!
//! The registry and the manifest are read first, then articles in batches;
//! each batch is merged into the live corpus, so requests are answered from
//! what is loaded so far. Open buffers always win over the disk.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp_server::ls_types::ProgressToken;

use super::mention_index::{rebuild_in_background, refs_of, Refs};
use super::server::{Inner, CLIENT_TIMEOUT};
use super::state::{lock, FileKind};
use crate::corpus::{Article, Corpus};

/// Read, decode, line-index and parse a batch of articles and their `.ann`
/// files, and find their entity mentions, on all cores. Unreadable files
/// are left out (the watcher reports them when they change).
fn read_batch(corpus: &Corpus, paths: Vec<(String, PathBuf)>) -> Vec<(Article, Refs)> {
    use rayon::prelude::*;
    paths
        .into_par_iter()
        .filter_map(|(rel, path)| {
            let bytes = std::fs::read(&path).ok()?;
            let ann = std::fs::read(path.with_extension("ann"))
                .ok()
                .map(|b| crate::text::decode(&b).0);
            let article = Article::new(path, rel, &bytes, ann);
            let refs = refs_of(corpus, &article);
            Some((article, refs))
        })
        .collect()
}

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
            if let Some(pr) = &progress {
                pr.report(((k + 1) * 100 / total_roots) as u32).await;
            }
            continue;
        }
        // Registry, manifest and the list of articles (without reading them).
        let rp = root_path.clone();
        let loaded = tokio::task::spawn_blocking(move || {
            let rels = Mutex::new(Vec::new());
            let c = Corpus::load_filtered(&rp, |rel| {
                lock(&rels).push(rel.to_owned());
                false
            });
            c.map(|c| (c, rels.into_inner().unwrap_or_default()))
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
        for (bi, chunk) in rels.chunks(BATCH).enumerate() {
            // The registry and manifest to match names against: the corpus
            // as it is now (a snapshot, dropped before the batch is merged so
            // that merging does not copy the corpus).
            let (corpus, gen) = {
                let st = lock(&inner.state);
                (st.roots[ri].corpus.clone(), st.roots[ri].gen)
            };
            let paths: Vec<(String, PathBuf)> = chunk
                .iter()
                .map(|r| (r.clone(), root_path.join(r)))
                .collect();
            let read = tokio::task::spawn_blocking(move || read_batch(&corpus, paths))
                .await
                .unwrap_or_default();
            {
                let mut st = lock(&inner.state);
                let st = &mut *st;
                let root = &mut st.roots[ri];
                let corpus = Arc::make_mut(&mut root.corpus);
                let mut index = lock(&root.index);
                for (article, refs) in read {
                    // Open buffers win over the disk.
                    if st.docs.contains_key(&article.path) {
                        continue;
                    }
                    // The base corpus starts without articles, so one that
                    // is already here was put here by a change on disk
                    // reported while this batch was being read: that copy
                    // is at least as new as ours.
                    if corpus.shared_article(&article.rel).is_some() {
                        continue;
                    }
                    let ann_buffer = st.docs.get(&article.ann_path).map(|d| d.rope.to_string());
                    let path = article.path.clone();
                    let rel = article.rel.clone();
                    corpus.insert_article(article);
                    let Some(shared) = corpus.shared_article(&rel).cloned() else {
                        continue;
                    };
                    match ann_buffer {
                        Some(a) => {
                            corpus.set_ann(&path, Some(a));
                            root.edits += 1;
                            index.mark_dirty(
                                &rel,
                                corpus.shared_article(&rel).cloned(),
                                root.edits,
                            );
                        }
                        None => {
                            let date = corpus.publication_date(&shared);
                            index.insert(gen, shared, refs, date)
                        }
                    }
                }
            }
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
            let mut open = st.open_in(ri);
            open.push(root_path.join(crate::corpus::REGISTRY));
            open.push(root_path.join(crate::corpus::MANIFEST));
            open
        };
        inner.schedule(open, Duration::ZERO);
        tracing::info!("indexed {} ({} articles)", root_path.display(), rels.len());
    }
    if let Some(pr) = progress {
        pr.finish_with_message("done").await;
    }
    inner.refresh_views();
    super::watch::watch_roots(&inner);
}
