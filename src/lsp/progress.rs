//! Background indexing of corpus roots, with work-done progress.
//!
//! The registry and the manifest are read first, then articles in batches;
//! each batch is merged into the live corpus, so requests are answered from
//! what is loaded so far. Open buffers always win over the disk.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp_server::ls_types::ProgressToken;

use super::server::{Inner, CLIENT_TIMEOUT};
use super::state::{lock, FileKind};
use crate::corpus::Corpus;

const BATCH: usize = 64;

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
                        st.roots[ri].cache = Default::default();
                        for p in &open {
                            let t = st.doc_text(p);
                            st.set_file(ri, p, t);
                        }
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
        {
            let mut st = lock(&inner.state);
            // Open buffers win over what was just read from disk.
            let open = st.open_in(ri);
            st.roots[ri].corpus = Arc::new(base);
            st.roots[ri].cache = Default::default();
            for p in open {
                if matches!(
                    FileKind::of(&root_path, &p),
                    Some(FileKind::Article | FileKind::Registry | FileKind::Manifest)
                ) {
                    let t = st.doc_text(&p);
                    st.set_file(ri, &p, t);
                }
            }
        }
        let n = rels.len().max(1);
        for (bi, chunk) in rels.chunks(BATCH).enumerate() {
            let paths: Vec<PathBuf> = chunk.iter().map(|r| root_path.join(r)).collect();
            let read = tokio::task::spawn_blocking(move || {
                paths
                    .into_iter()
                    .filter_map(|p| {
                        let bytes = std::fs::read(&p).ok()?;
                        Some((p, crate::text::decode(&bytes).0))
                    })
                    .collect::<Vec<_>>()
            })
            .await
            .unwrap_or_default();
            {
                let mut st = lock(&inner.state);
                for (p, text) in read {
                    if st.docs.contains_key(&p) {
                        continue;
                    }
                    st.set_file(ri, &p, Some(text));
                }
            }
            if let Some(pr) = &progress {
                let done = ((bi + 1) * BATCH).min(n);
                let pct = ((k * 100 + done * 100 / n) / total_roots) as u32;
                pr.report_with_message(format!("{done}/{n} articles"), pct.min(100))
                    .await;
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
