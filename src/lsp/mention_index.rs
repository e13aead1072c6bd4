//! A reverse index of entity mentions for one corpus root: entity id ->
//! the articles that refer to it, with the spans. Hover cards ("also in N
//! articles") and find-references answer from it in time proportional to
//! the mentions of one entity, instead of looking at every article.
//!
//! The index is filled while a root is indexed and kept up to date per
//! article: a change marks the article dirty (O(1) under the state lock)
//! and the next query re-reads it. A new registry or manifest starts a new
//! generation, rebuilt in the background; until it is complete, queries
//! fall back to scanning the corpus (slow, but never wrong).
//!
//! Every entry remembers the shared article it was computed from, so a
//! query on an older or newer snapshot of the corpus can tell an entry that
//! does not belong to it and compute that article afresh.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use crate::corpus::{Article, Corpus};
use crate::query::Mentions;

use super::state::lock;

/// An article's relative path, shared between the maps of the index.
type Rel = Arc<str>;

/// One span referring to an entity (interned id), in bytes of the article.
#[derive(Debug, Clone, Copy)]
struct Span {
    entity: u32,
    start: u32,
    end: u32,
}

#[derive(Debug)]
struct Entry {
    /// The version of the article the spans belong to.
    source: Arc<Article>,
    spans: Box<[Span]>,
}

/// What an article refers to: entity id and its spans, in id order.
pub type Refs = Vec<(String, Vec<Range<usize>>)>;

/// The references of one article, computed from the corpus's registry.
pub fn refs_of(corpus: &Corpus, article: &Article) -> Refs {
    Mentions::of(corpus, article).by_entity()
}

#[derive(Debug, Default)]
pub struct MentionIndex {
    /// The generation of the root (registry and manifest) the entries belong to.
    gen: u64,
    /// Every article of that generation has an entry or is dirty.
    complete: bool,
    ids: Vec<Arc<str>>,
    id_of: HashMap<Arc<str>, u32>,
    entries: HashMap<Rel, Entry>,
    by_entity: HashMap<u32, BTreeSet<Rel>>,
    /// Articles changed since their entry was computed, with the newest
    /// version (`None`: removed).
    dirty: HashMap<Rel, Option<Arc<Article>>>,
}

pub type SharedIndex = Arc<Mutex<MentionIndex>>;

impl MentionIndex {
    /// Forget everything and start generation `gen` (not complete).
    pub fn reset(&mut self, gen: u64) {
        *self = MentionIndex {
            gen,
            ..MentionIndex::default()
        };
    }

    /// The generation is fully indexed.
    pub fn finish(&mut self, gen: u64) {
        if self.gen == gen {
            self.complete = true;
        }
    }

    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.id_of.get(id) {
            return i;
        }
        let i = self.ids.len() as u32;
        let id: Arc<str> = Arc::from(id);
        self.ids.push(id.clone());
        self.id_of.insert(id, i);
        i
    }

    fn unlink(&mut self, rel: &str) {
        let Some(old) = self.entries.remove(rel) else {
            return;
        };
        let mut last = None;
        for s in old.spans.iter() {
            if last == Some(s.entity) {
                continue;
            }
            last = Some(s.entity);
            if let Some(set) = self.by_entity.get_mut(&s.entity) {
                set.remove(rel);
                if set.is_empty() {
                    self.by_entity.remove(&s.entity);
                }
            }
        }
    }

    /// Record the references of one version of an article, computed in
    /// generation `gen` (ignored when the index has moved on).
    pub fn insert(&mut self, gen: u64, source: Arc<Article>, refs: Refs) {
        if gen != self.gen {
            return;
        }
        let rel: Rel = Arc::from(source.rel.as_str());
        self.unlink(&rel);
        let mut spans = Vec::new();
        for (id, ranges) in refs {
            let e = self.intern(&id);
            for r in ranges {
                // Articles over 4 GiB are not indexed (nothing that large is text).
                let (Ok(start), Ok(end)) = (u32::try_from(r.start), u32::try_from(r.end)) else {
                    continue;
                };
                spans.push(Span {
                    entity: e,
                    start,
                    end,
                });
            }
        }
        // Spans are grouped by entity (refs come in id order).
        let mut last = None;
        for s in &spans {
            if last != Some(s.entity) {
                last = Some(s.entity);
                self.by_entity
                    .entry(s.entity)
                    .or_default()
                    .insert(rel.clone());
            }
        }
        self.entries.insert(
            rel,
            Entry {
                source,
                spans: spans.into_boxed_slice(),
            },
        );
    }

    /// An article changed (`newest`: its new version) or was removed (`None`).
    pub fn mark_dirty(&mut self, rel: &str, newest: Option<Arc<Article>>) {
        self.unlink(rel);
        self.dirty.insert(Arc::from(rel), newest);
    }

    /// The spans of entity `entity` in the entry of `rel`.
    fn spans(&self, rel: &str, entity: u32) -> Vec<Range<usize>> {
        self.entries
            .get(rel)
            .map(|e| {
                e.spans
                    .iter()
                    .filter(|s| s.entity == entity)
                    .map(|s| s.start as usize..s.end as usize)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The spans of one article referring to an entity.
pub type Hits<'c> = Vec<(&'c Article, Vec<Range<usize>>)>;

/// Every article of `corpus` (generation `gen`) that refers to `id`, with
/// the spans, in path order.
pub fn mentions_of<'c>(index: &SharedIndex, gen: u64, corpus: &'c Corpus, id: &str) -> Hits<'c> {
    let mut idx = lock(index);
    if !idx.complete || idx.gen != gen {
        drop(idx);
        return scan(corpus, id);
    }
    let mut out: BTreeMap<&'c str, (&'c Article, Vec<Range<usize>>)> = BTreeMap::new();
    // Dirty articles first: store what this snapshot can vouch for.
    let dirty: Vec<(Rel, Option<Arc<Article>>)> = idx.dirty.drain().collect();
    for (rel, newest) in dirty {
        let mine = corpus.shared_article(&rel);
        match (mine, newest) {
            (None, None) => idx.unlink(&rel),
            (Some(a), Some(n)) if Arc::ptr_eq(a, &n) => {
                let refs = refs_of(corpus, a);
                idx.insert(gen, a.clone(), refs);
            }
            (mine, newest) => {
                // This snapshot is older than the change: answer from it,
                // and leave the article dirty for a newer one.
                if let Some(a) = mine {
                    let spans = Mentions::of(corpus, a).spans_of(id);
                    if !spans.is_empty() {
                        out.insert(a.rel.as_str(), (&**a, spans));
                    }
                }
                idx.dirty.insert(rel, newest);
            }
        }
    }
    let Some(&e) = idx.id_of.get(id) else {
        return out.into_values().collect();
    };
    let rels: Vec<Rel> = idx
        .by_entity
        .get(&e)
        .map(|s| s.iter().cloned().collect())
        .unwrap_or_default();
    for rel in rels {
        let Some(a) = corpus.shared_article(&rel) else {
            continue;
        };
        if out.contains_key(&*rel) {
            continue;
        }
        let current = idx
            .entries
            .get(&rel)
            .is_some_and(|en| Arc::ptr_eq(&en.source, a));
        let spans = if current {
            idx.spans(&rel, e)
        } else {
            Mentions::of(corpus, a).spans_of(id)
        };
        if !spans.is_empty() {
            out.insert(a.rel.as_str(), (&**a, spans));
        }
    }
    out.into_values().collect()
}

/// Without a complete index: look at every article.
fn scan<'c>(corpus: &'c Corpus, id: &str) -> Hits<'c> {
    use rayon::prelude::*;
    let arts: Vec<&Article> = corpus.articles().collect();
    arts.into_par_iter()
        .filter_map(|a| {
            let spans = Mentions::of(corpus, a).spans_of(id);
            (!spans.is_empty()).then_some((a, spans))
        })
        .collect()
}

/// Index every article of `corpus` as generation `gen`, off the caller's
/// thread; the index is complete when done (unless a newer generation
/// started meanwhile).
pub fn rebuild_in_background(index: SharedIndex, gen: u64, corpus: Arc<Corpus>) {
    rayon::spawn(move || {
        use rayon::prelude::*;
        let rels: Vec<&str> = corpus.articles().map(|a| a.rel.as_str()).collect();
        let computed: Vec<(Arc<Article>, Refs)> = rels
            .into_par_iter()
            .filter_map(|rel| {
                let a = corpus.shared_article(rel)?;
                Some((a.clone(), refs_of(&corpus, a)))
            })
            .collect();
        let mut idx = lock(&index);
        if idx.gen != gen {
            return;
        }
        for (a, refs) in computed {
            idx.insert(gen, a, refs);
        }
        idx.finish(gen);
    });
}
