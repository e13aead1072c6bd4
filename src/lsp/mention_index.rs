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
//! Every entry remembers the shared article it was computed from, and the
//! index logs which articles changed at which edit count of the root, so a
//! query on a snapshot taken before some changes answers for those articles
//! from the snapshot's own versions.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

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
    /// Its publication date (from the manifest of this generation).
    date: Option<NaiveDate>,
    spans: Box<[Span]>,
}

/// What an article refers to: entity id and its spans, in id order.
pub type Refs = Vec<(String, Vec<Range<usize>>)>;

/// The references of one article, computed from the corpus's registry.
pub fn refs_of(corpus: &Corpus, article: &Article) -> Refs {
    Mentions::of(corpus, article).by_entity()
}

/// An interned article path (index into [`MentionIndex::rels`]).
type ArtId = u32;

/// The articles referring to one entity. Kept in path order lazily:
/// inserting appends (O(1), and in walk order an append is usually in
/// order already), the first query after an out-of-order append sorts.
/// A `BTreeSet` of paths cost a string comparison per level per insert,
/// a tenth of the indexing time at 100,000 articles.
#[derive(Debug, Default)]
struct Articles {
    arts: Vec<ArtId>,
    sorted: bool,
}

#[derive(Debug, Default)]
pub struct MentionIndex {
    /// The generation of the root (registry and manifest) the entries belong to.
    gen: u64,
    /// Every article of that generation has an entry or is dirty.
    complete: bool,
    ids: Vec<Arc<str>>,
    id_of: FxHashMap<Arc<str>, u32>,
    /// Interned article paths; an id stays valid (and its path the same)
    /// for the whole generation.
    rels: Vec<Rel>,
    rel_of: FxHashMap<Rel, ArtId>,
    /// The entry of each interned article, if it has one.
    entries: Vec<Option<Entry>>,
    by_entity: FxHashMap<u32, Articles>,
    /// Articles changed since their entry was computed, with the newest
    /// version (`None`: removed).
    dirty: HashMap<Rel, Option<Arc<Article>>>,
    /// The latest changes (the root's edit count after each, and the
    /// article): a snapshot taken before some of them answers for those
    /// articles from its own versions.
    log: VecDeque<(u64, Rel)>,
    /// Snapshots older than this edit count cannot be answered from the
    /// log (it was trimmed) and fall back to a scan.
    forgotten: u64,
}

/// How many changes the log keeps.
const LOG: usize = 4096;

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

    fn intern_rel(&mut self, rel: &str) -> ArtId {
        if let Some(&i) = self.rel_of.get(rel) {
            return i;
        }
        let i = self.rels.len() as ArtId;
        let rel: Rel = Arc::from(rel);
        self.rels.push(rel.clone());
        self.rel_of.insert(rel, i);
        self.entries.push(None);
        i
    }

    /// The shared path of an article (interned when known).
    fn shared_rel(&self, rel: &str) -> Rel {
        match self.rel_of.get(rel) {
            Some(&i) => self.rels[i as usize].clone(),
            None => Arc::from(rel),
        }
    }

    fn unlink(&mut self, rel: &str) {
        let Some(&art) = self.rel_of.get(rel) else {
            return;
        };
        let Some(old) = self.entries[art as usize].take() else {
            return;
        };
        let mut last = None;
        for s in old.spans.iter() {
            if last == Some(s.entity) {
                continue;
            }
            last = Some(s.entity);
            if let Some(list) = self.by_entity.get_mut(&s.entity) {
                // Removing keeps the order, sorted or not.
                list.arts.retain(|&a| a != art);
                if list.arts.is_empty() {
                    self.by_entity.remove(&s.entity);
                }
            }
        }
    }

    /// Record the references of one version of an article, computed in
    /// generation `gen` (ignored when the index has moved on).
    pub fn insert(&mut self, gen: u64, source: Arc<Article>, refs: Refs, date: Option<NaiveDate>) {
        if gen != self.gen {
            return;
        }
        let art = self.intern_rel(&source.rel);
        self.unlink(&source.rel);
        let mut spans = Vec::with_capacity(refs.iter().map(|(_, r)| r.len()).sum());
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
                let list = self.by_entity.entry(s.entity).or_insert_with(|| Articles {
                    arts: Vec::new(),
                    sorted: true,
                });
                if let Some(&prev) = list.arts.last() {
                    if list.sorted && self.rels[prev as usize] > self.rels[art as usize] {
                        list.sorted = false;
                    }
                }
                list.arts.push(art);
            }
        }
        self.entries[art as usize] = Some(Entry {
            source,
            date,
            spans: spans.into_boxed_slice(),
        });
    }

    /// An article changed (`newest`: its new version) or was removed
    /// (`None`); `edit` is the root's edit count after the change.
    pub fn mark_dirty(&mut self, rel: &str, newest: Option<Arc<Article>>, edit: u64) {
        self.unlink(rel);
        let rel = self.shared_rel(rel);
        self.dirty.insert(rel.clone(), newest);
        self.log.push_back((edit, rel));
        while self.log.len() > LOG {
            if let Some((e, _)) = self.log.pop_front() {
                self.forgotten = self.forgotten.max(e);
            }
        }
    }

    /// The articles referring to entity `e`, in path order.
    fn articles_of(&mut self, e: u32) -> &[ArtId] {
        let rels = &self.rels;
        match self.by_entity.get_mut(&e) {
            Some(list) => {
                if !list.sorted {
                    list.arts
                        .sort_unstable_by(|a, b| rels[*a as usize].cmp(&rels[*b as usize]));
                    list.sorted = true;
                }
                &list.arts
            }
            None => &[],
        }
    }
}

/// One article referring to an entity: the spans, and the article's
/// publication date (for hover cards, which list the earliest).
#[derive(Debug, Clone)]
pub struct Hit {
    pub article: Arc<Article>,
    pub date: Option<NaiveDate>,
    pub spans: Vec<Range<usize>>,
}

pub type Hits = Vec<Hit>;

fn hit(corpus: &Corpus, a: &Arc<Article>, id: &str) -> Option<Hit> {
    let spans = Mentions::of(corpus, a).spans_of(id);
    (!spans.is_empty()).then(|| Hit {
        article: a.clone(),
        date: corpus.publication_date(a),
        spans,
    })
}

/// Every article of `corpus` that refers to `id`, with the spans, in path
/// order. `gen` and `edits` say which state of the root `corpus` is (its
/// generation and edit count).
pub fn mentions_of(index: &SharedIndex, gen: u64, edits: u64, corpus: &Corpus, id: &str) -> Hits {
    let mut idx = lock(index);
    if !idx.complete || idx.gen != gen || edits < idx.forgotten {
        drop(idx);
        return scan(corpus, id);
    }
    let mut out = Vec::new();
    // Articles changed after this snapshot was taken: the index knows
    // newer versions, so answer from the snapshot's own.
    let newer: HashSet<Rel> = idx
        .log
        .iter()
        .filter(|(e, _)| *e > edits)
        .map(|(_, r)| r.clone())
        .collect();
    for rel in &newer {
        if let Some(a) = corpus.shared_article(rel) {
            out.extend(hit(corpus, a, id));
        }
    }
    // Dirty articles this snapshot has seen: its version is the newest.
    let ready: Vec<Rel> = idx
        .dirty
        .keys()
        .filter(|r| !newer.contains(*r))
        .cloned()
        .collect();
    for rel in ready {
        let newest = idx.dirty.remove(&rel).flatten();
        match (corpus.shared_article(&rel), newest) {
            (Some(a), Some(n)) if Arc::ptr_eq(a, &n) => {
                let refs = refs_of(corpus, a);
                idx.insert(gen, a.clone(), refs, corpus.publication_date(a));
            }
            (None, None) => idx.unlink(&rel),
            (_, newest) => {
                // Not the version the change recorded (cannot happen when
                // edit counts are right): leave it for the next query.
                idx.dirty.insert(rel, newest);
            }
        }
    }
    let Some(&e) = idx.id_of.get(id) else {
        out.sort_by(|a, b| a.article.rel.cmp(&b.article.rel));
        return out;
    };
    idx.articles_of(e);
    let idx = &*idx;
    let arts: &[ArtId] = idx.by_entity.get(&e).map_or(&[], |l| &l.arts);
    // When the snapshot has seen every change, every entry is its own
    // version of the article: no need to look the articles up.
    let current = newer.is_empty();
    let mut own = Vec::with_capacity(arts.len());
    for &art in arts {
        let rel = &idx.rels[art as usize];
        if !current && newer.contains(rel) {
            continue;
        }
        let Some(en) = idx.entries[art as usize].as_ref() else {
            continue;
        };
        if !current {
            match corpus.shared_article(rel) {
                Some(a) if Arc::ptr_eq(&en.source, a) => {}
                Some(a) => {
                    own.extend(hit(corpus, a, id));
                    continue;
                }
                None => continue,
            }
        }
        let spans: Vec<Range<usize>> = en
            .spans
            .iter()
            .filter(|s| s.entity == e)
            .map(|s| s.start as usize..s.end as usize)
            .collect();
        if !spans.is_empty() {
            own.push(Hit {
                article: en.source.clone(),
                date: en.date,
                spans,
            });
        }
    }
    if out.is_empty() {
        // Already in path order (`articles_of` keeps it).
        return own;
    }
    out.extend(own);
    out.sort_by(|a, b| a.article.rel.cmp(&b.article.rel));
    out
}

/// Without a complete index: look at every article.
fn scan(corpus: &Corpus, id: &str) -> Hits {
    use rayon::prelude::*;
    let arts: Vec<&Arc<Article>> = corpus
        .articles()
        .filter_map(|a| corpus.shared_article(&a.rel))
        .collect();
    arts.into_par_iter()
        .filter_map(|a| hit(corpus, a, id))
        .collect()
}

/// Index every article of `corpus` as generation `gen`, off the caller's
/// thread; the index is complete when done (unless a newer generation
/// started meanwhile).
pub fn rebuild_in_background(index: SharedIndex, gen: u64, corpus: Arc<Corpus>) {
    rayon::spawn(move || {
        use rayon::prelude::*;
        let rels: Vec<&str> = corpus.articles().map(|a| a.rel.as_str()).collect();
        let computed: Vec<(Arc<Article>, Refs, Option<NaiveDate>)> = rels
            .into_par_iter()
            .filter_map(|rel| {
                let a = corpus.shared_article(rel)?;
                Some((a.clone(), refs_of(&corpus, a), corpus.publication_date(a)))
            })
            .collect();
        let mut idx = lock(&index);
        if idx.gen != gen {
            return;
        }
        for (a, refs, date) in computed {
            idx.insert(gen, a, refs, date);
        }
        idx.finish(gen);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const REGISTRY: &str = "[george-robertson]\nkind = \"person\"\nname = \"George Robertson\"\naliases = [\"Lord Robertson\"]\n\n[nato]\nkind = \"organization\"\nname = \"NATO\"\n";

    fn corpus(articles: &[(&str, &str, &str)]) -> Corpus {
        let root = Path::new("/nonexistent-gloss-root");
        let mut c = Corpus::empty(root);
        c.set_registry_text(REGISTRY);
        for (rel, text, ann) in articles {
            let ann = (!ann.is_empty()).then(|| ann.to_string());
            c.insert_article(Article::new(
                root.join(rel),
                rel.to_string(),
                text.as_bytes(),
                ann,
            ));
        }
        c
    }

    fn indexed(c: &Corpus, gen: u64) -> SharedIndex {
        let index = SharedIndex::default();
        let mut idx = lock(&index);
        idx.reset(gen);
        for a in c.articles() {
            let shared = c.shared_article(&a.rel).unwrap().clone();
            idx.insert(gen, shared, refs_of(c, a), c.publication_date(a));
        }
        idx.finish(gen);
        drop(idx);
        index
    }

    fn flat(hits: Hits) -> Vec<(String, Vec<Range<usize>>)> {
        hits.into_iter()
            .map(|h| (h.article.rel.clone(), h.spans))
            .collect()
    }

    fn agrees(index: &SharedIndex, gen: u64, edits: u64, c: &Corpus) {
        for id in ["george-robertson", "nato", "nobody"] {
            assert_eq!(
                flat(mentions_of(index, gen, edits, c, id)),
                flat(scan(c, id)),
                "{id}"
            );
        }
    }

    #[test]
    fn answers_like_a_scan_before_and_after_edits_and_for_old_snapshots() {
        let old = corpus(&[
            ("a.txt", "George Robertson met NATO officials.\n", ""),
            ("b.txt", "Lord Robertson spoke. NATO agreed.\n", ""),
            (
                "c.txt",
                "Robertson was there.\n",
                "T1\tPerson 0 9\tRobertson\nN1\tReference T1 Registry:george-robertson\tRobertson\n",
            ),
        ]);
        let index = indexed(&old, 1);
        assert_eq!(mentions_of(&index, 1, 0, &old, "george-robertson").len(), 3);
        agrees(&index, 1, 0, &old);

        // b.txt loses its mention, a.txt gains one, c.txt is removed.
        let mut new = old.clone();
        new.upsert_article(
            Path::new("/nonexistent-gloss-root/b.txt"),
            "NATO agreed.\n".into(),
        );
        new.upsert_article(
            Path::new("/nonexistent-gloss-root/a.txt"),
            "George Robertson met NATO. Lord Robertson left.\n".into(),
        );
        new.remove_article(Path::new("/nonexistent-gloss-root/c.txt"));
        {
            let mut idx = lock(&index);
            for (edit, rel) in ["a.txt", "b.txt", "c.txt"].into_iter().enumerate() {
                idx.mark_dirty(rel, new.shared_article(rel).cloned(), edit as u64 + 1);
            }
        }
        // A request on a snapshot from before the edit still sees the old corpus...
        agrees(&index, 1, 0, &old);
        // ...and the current one sees the edit, before and after the dirty
        // articles were re-read; the old one still sees its own corpus.
        agrees(&index, 1, 3, &new);
        agrees(&index, 1, 3, &new);
        agrees(&index, 1, 0, &old);
        let hits = flat(mentions_of(&index, 1, 3, &new, "george-robertson"));
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].1.len(), 2);
        assert!(lock(&index).dirty.is_empty());
    }

    /// Articles inserted out of path order (a rebuild, dirty articles
    /// re-read) still come back in path order, and an article removed from
    /// an entity's list is gone from the answer.
    #[test]
    fn hits_are_in_path_order_whatever_the_insertion_order() {
        let c = corpus(&[
            ("a/z.txt", "NATO met.\n", ""),
            ("a-b.txt", "NATO again.\n", ""),
            ("b.txt", "NATO and George Robertson.\n", ""),
            ("a.txt", "Nothing.\n", ""),
        ]);
        let index = SharedIndex::default();
        {
            let mut idx = lock(&index);
            idx.reset(1);
            for rel in ["b.txt", "a/z.txt", "a.txt", "a-b.txt"] {
                let a = c.shared_article(rel).unwrap().clone();
                let refs = refs_of(&c, &a);
                idx.insert(1, a, refs, None);
            }
            idx.finish(1);
        }
        let rels = |hits: Hits| -> Vec<String> {
            hits.into_iter().map(|h| h.article.rel.clone()).collect()
        };
        assert_eq!(
            rels(mentions_of(&index, 1, 0, &c, "nato")),
            ["a-b.txt", "a/z.txt", "b.txt"]
        );
        agrees(&index, 1, 0, &c);
        let mut new = c.clone();
        new.upsert_article(
            Path::new("/nonexistent-gloss-root/a-b.txt"),
            "Gone.\n".into(),
        );
        lock(&index).mark_dirty("a-b.txt", new.shared_article("a-b.txt").cloned(), 1);
        assert_eq!(
            rels(mentions_of(&index, 1, 1, &new, "nato")),
            ["a/z.txt", "b.txt"]
        );
        agrees(&index, 1, 1, &new);
    }

    #[test]
    fn a_new_generation_falls_back_to_scanning_until_rebuilt() {
        let mut c = corpus(&[("a.txt", "George Robertson met NATO officials.\n", "")]);
        let index = indexed(&c, 1);
        c.set_registry_text(&REGISTRY.replace("name = \"NATO\"", "name = \"NATO officials\""));
        lock(&index).reset(2);
        agrees(&index, 2, 0, &c);
        let c = Arc::new(c);
        rebuild_in_background(index.clone(), 2, c.clone());
        for _ in 0..500 {
            if lock(&index).complete {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(lock(&index).complete);
        agrees(&index, 2, 0, &c);
        let hits = flat(mentions_of(&index, 2, 0, &c, "nato"));
        assert_eq!(hits[0].1, vec![21..35]);
        // A query for an older generation does not trust the index.
        agrees(&index, 1, 0, &c);
    }
}
