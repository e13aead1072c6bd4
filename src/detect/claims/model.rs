//! The learned cue model: a linear tagger over hashed features, trained as an
//! averaged perceptron and decoded greedily left to right (the tag before a
//! token is one of its features).
//!
//! The shipped weights (`cues.model`, next to this file) are produced by
//! `cargo run --release --example train_cues`. File layout, little-endian:
//! the magic `GCM1`, `u32` bits, `f32` scale, `u32` row count, then per row
//! a `u32` index and one `i16` per tag. Rows whose weights all round to zero
//! are left out; weights are the float weights divided by `scale`. Then a
//! `u32` count and the `u32` stem hashes of the words that open a cue in
//! training: only those tokens, tokens the rules mark as cues and tokens
//! after a cue tag are scored, which keeps tagging cheap.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::features::{self, Doc, B, I, N, O, TAGS};

const MAGIC: &[u8; 4] = b"GCM1";

/// A trained model ready to tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// `1 << features::BITS` rows, one weight per tag.
    rows: Vec<[i16; TAGS]>,
    /// Float value of one unit of a quantised weight.
    scale: f32,
    /// Stem hashes of the words that may open a cue.
    vocab: Openers,
}

/// The stem hashes of the words that may open a cue, with a bitmap of
/// their folded hashes: most tokens are not openers, and the bitmap (8 KB,
/// kept in cache) says so without a hash-set probe.
#[derive(Debug, Clone)]
struct Openers {
    set: FxHashSet<u32>,
    bits: Vec<u64>,
}

/// Bits in the [`Openers`] bitmap.
const OPENER_BITS: u32 = 16;

impl Openers {
    fn new(set: FxHashSet<u32>) -> Self {
        let mut bits = vec![0u64; (1 << OPENER_BITS) / 64];
        for &h in &set {
            let f = Self::fold(h);
            bits[f >> 6] |= 1 << (f & 63);
        }
        Openers { set, bits }
    }

    /// A bitmap position from both halves of a hash.
    #[inline]
    fn fold(h: u32) -> usize {
        ((h ^ (h >> OPENER_BITS)) & ((1 << OPENER_BITS) - 1)) as usize
    }

    #[inline]
    fn contains(&self, h: u32) -> bool {
        let f = Self::fold(h);
        self.bits[f >> 6] & (1 << (f & 63)) != 0 && self.set.contains(&h)
    }
}

/// The bitmap is derived from the set.
impl PartialEq for Openers {
    fn eq(&self, other: &Self) -> bool {
        self.set == other.set
    }
}

/// What the tagger says of one token: its tag and the scores of all tags
/// (in units of the model's scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tagged {
    pub tag: u8,
    pub scores: [i32; TAGS],
}

impl Tagged {
    /// How much more the token looks like part of a cue than not, in model
    /// units.
    pub fn margin(&self) -> i32 {
        self.scores[B].max(self.scores[I]) - self.scores[O]
    }
}

static SHIPPED: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("cues.model")).ok());

/// The model shipped with gloss, if its weights file is well formed.
pub fn shipped() -> Option<&'static Model> {
    SHIPPED.as_ref()
}

impl Model {
    /// Read the weights file layout described in the module documentation.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let u32_at = |o: usize| -> Result<u32, String> {
            b.get(o..o + 4)
                .and_then(|s| s.try_into().ok())
                .map(u32::from_le_bytes)
                .ok_or_else(|| format!("weights file cut at byte {o}"))
        };
        if b.get(..4) != Some(&MAGIC[..]) {
            return Err("not a cue model (bad magic)".into());
        }
        if u32_at(4)? != features::BITS {
            return Err("cue model built for another feature table size".into());
        }
        let scale = f32::from_bits(u32_at(8)?);
        let n = u32_at(12)? as usize;
        let mut rows = vec![[0i16; TAGS]; 1 << features::BITS];
        let row_len = 4 + 2 * TAGS;
        let vo = 16 + n * row_len;
        let nv = u32_at(vo)? as usize;
        let vocab = Openers::new(
            (0..nv)
                .map(|k| u32_at(vo + 4 + 4 * k))
                .collect::<Result<_, _>>()?,
        );
        for r in 0..n {
            let o = 16 + r * row_len;
            let idx = u32_at(o)? as usize;
            let row = rows
                .get_mut(idx)
                .ok_or_else(|| format!("row index {idx} out of range"))?;
            for (t, w) in row.iter_mut().enumerate() {
                let p = o + 4 + 2 * t;
                let s = b.get(p..p + 2).ok_or("weights file cut in a row")?;
                *w = i16::from_le_bytes([s[0], s[1]]);
            }
        }
        Ok(Model { rows, scale, vocab })
    }

    /// The weights file of this model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let kept: Vec<(usize, &[i16; TAGS])> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        let mut out = Vec::with_capacity(16 + kept.len() * 10);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&features::BITS.to_le_bytes());
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (i, r) in kept {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            for w in r {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut vocab: Vec<u32> = self.vocab.set.iter().copied().collect();
        vocab.sort_unstable();
        out.extend_from_slice(&(vocab.len() as u32).to_le_bytes());
        for v in vocab {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Quantise float weights to `i16` units of `scale`; weights below one
    /// unit vanish.
    fn quantise(w: &[[f32; TAGS]], vocab: FxHashSet<u32>) -> Model {
        let max = w
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32_000.0 } else { 1.0 };
        // Coarser units prune more rows; 1/4000 of the largest weight keeps
        // the decisions and the file small.
        let scale = scale.max(max / 4_000.0);
        let rows = w
            .iter()
            .map(|r| {
                let mut q = [0i16; TAGS];
                for (d, &x) in q.iter_mut().zip(r) {
                    *d = (x / scale).round().clamp(-32_000.0, 32_000.0) as i16;
                }
                q
            })
            .collect();
        Model {
            rows,
            scale,
            vocab: Openers::new(vocab),
        }
    }

    /// Whether the word whose stem hash is `h` (`Doc::stem_hash`) opens
    /// cues often enough in training to be scored.
    pub fn opens(&self, h: u32) -> bool {
        self.vocab.contains(h)
    }

    /// Model units per float unit of the weights (for thresholds).
    pub fn scale(&self) -> f32 {
        self.scale
    }

    fn scores(&self, f: &[u32; N]) -> [i32; TAGS] {
        let mut s = [0i32; TAGS];
        for &k in f {
            if let Some(r) = self.rows.get(k as usize) {
                for t in 0..TAGS {
                    s[t] += i32::from(r[t]);
                }
            }
        }
        s
    }

    /// Tag every token of `doc`, left to right. `skip(i)` tokens are `O`
    /// without being scored (punctuation that is never a cue).
    ///
    /// Scoring a token reads 40 rows scattered over a 384 KB table, and
    /// most of its time was waiting for them. So while one token is
    /// scored, the rows of the next token that will surely be scored (the
    /// rules' cues and the openers; not the tokens scored only because a
    /// cue came before them) are fetched ahead, with their features for
    /// the tag `O` before them, and those features are used when that
    /// token is reached after an `O` (the usual case; otherwise they are
    /// computed again for the tag before it). The tags and scores are
    /// those of scoring one token after another.
    pub fn tag(&self, doc: &Doc, skip: impl Fn(usize) -> bool) -> Vec<Tagged> {
        let mut out = Vec::with_capacity(doc.len());
        let mut prev = O;
        let mut f = [0u32; N];
        // The next token surely scored and its features after an `O`.
        let mut ahead: Option<(usize, [u32; N])> = None;
        for i in 0..doc.len() {
            if skip(i) || !candidate(&self.vocab, doc, i, prev) {
                out.push(Tagged {
                    tag: O as u8,
                    scores: [0; TAGS],
                });
                prev = O;
                continue;
            }
            match ahead {
                Some((j, ref g)) if j == i && prev == O => f = *g,
                _ => doc.features(i, prev, &mut f),
            }
            if ahead.is_none_or(|(j, _)| j <= i) {
                ahead = (i + 1..doc.len().min(i + 1 + LOOKAHEAD))
                    .find(|&j| !skip(j) && candidate(&self.vocab, doc, j, O))
                    .map(|j| {
                        let mut g = [0u32; N];
                        doc.features(j, O, &mut g);
                        self.prefetch(&g);
                        (j, g)
                    });
            }
            let scores = self.scores(&f);
            let tag = best(&scores, prev);
            out.push(Tagged {
                tag: tag as u8,
                scores,
            });
            prev = tag;
        }
        out
    }

    /// Ask the processor to bring the rows of features `f` into its cache.
    #[inline]
    fn prefetch(&self, f: &[u32; N]) {
        #[cfg(target_arch = "x86_64")]
        for &k in f {
            if let Some(row) = self.rows.get(k as usize) {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                // SAFETY: a prefetch is a hint that never faults and reads
                // nothing into the program; the address is that of a row
                // of `self.rows`.
                unsafe { _mm_prefetch::<_MM_HINT_T0>(row.as_ptr().cast::<i8>()) };
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = f;
    }
}

/// How many tokens past the one being scored [`Model::tag`] looks for the
/// next one to fetch rows for.
const LOOKAHEAD: usize = 16;

/// Whether token `i` is scored at all: it continues a cue, the rules call
/// it a cue, or its stem opened a cue in training.
fn candidate(vocab: &Openers, doc: &Doc, i: usize, prev: usize) -> bool {
    prev != O || doc.rule_cue(i) || vocab.contains(doc.stem_hash(i))
}

/// The stems that open a gold cue at least `min` times in `docs` (each with
/// its gold tags) and at least once in `1 / rate` of their occurrences:
/// "the" or "has" open cues too, but too rarely to pay for scoring every
/// one of them.
pub fn vocabulary<'d>(
    docs: impl IntoIterator<Item = (&'d Doc<'d>, &'d [u8])>,
    min: usize,
    rate: f64,
) -> FxHashSet<u32> {
    let mut counts: rustc_hash::FxHashMap<u32, (usize, usize)> = Default::default();
    for (doc, gold) in docs {
        for (i, &g) in gold.iter().enumerate() {
            let c = counts.entry(doc.stem_hash(i)).or_default();
            c.1 += 1;
            if usize::from(g) == B {
                c.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (b, n))| b >= min && b as f64 >= rate * n as f64)
        .map(|(h, _)| h)
        .collect()
}

/// The best tag; `I` only continues a cue.
fn best(s: &[i32; TAGS], prev: usize) -> usize {
    let mut t = if s[B] > s[O] { B } else { O };
    if prev != O && s[I] > s[t] {
        t = I;
    }
    t
}

/// Averaged perceptron training state.
pub struct Trainer {
    w: Vec<[f32; TAGS]>,
    /// Sum of each weight over all steps, kept lazily with `stamp`.
    total: Vec<[f32; TAGS]>,
    stamp: Vec<u32>,
    step: u32,
    vocab: Openers,
}

impl Trainer {
    /// A trainer scoring the tokens [`Model::tag`] scores with `vocab`.
    pub fn new(vocab: FxHashSet<u32>) -> Self {
        let n = 1 << features::BITS;
        Trainer {
            w: vec![[0.0; TAGS]; n],
            total: vec![[0.0; TAGS]; n],
            stamp: vec![0; n],
            step: 0,
            vocab: Openers::new(vocab),
        }
    }

    fn touch(&mut self, k: usize) {
        let dt = (self.step - self.stamp[k]) as f32;
        for t in 0..TAGS {
            self.total[k][t] += dt * self.w[k][t];
        }
        self.stamp[k] = self.step;
    }

    /// One pass over a document with its gold tags; returns the number of
    /// tokens tagged wrong. `skip` as in [`Model::tag`].
    pub fn learn(&mut self, doc: &Doc, gold: &[u8], skip: impl Fn(usize) -> bool) -> usize {
        let mut prev = O;
        let mut f = [0u32; N];
        let mut wrong = 0;
        for (i, &g) in gold.iter().enumerate().take(doc.len()) {
            self.step += 1;
            if skip(i) || !candidate(&self.vocab, doc, i, prev) {
                prev = O;
                continue;
            }
            doc.features(i, prev, &mut f);
            let mut s = [0f32; TAGS];
            for &k in &f {
                for (t, v) in s.iter_mut().enumerate() {
                    *v += self.w[k as usize][t];
                }
            }
            let si = s.map(|x| (x * 1024.0) as i32);
            let guess = best(&si, prev);
            let truth = usize::from(g).min(TAGS - 1);
            if guess != truth {
                wrong += 1;
                for &k in &f {
                    let k = k as usize;
                    self.touch(k);
                    self.w[k][truth] += 1.0;
                    self.w[k][guess] -= 1.0;
                }
            }
            // Train on its own history, as it will be decoded.
            prev = guess;
        }
        wrong
    }

    /// The averaged, quantised model.
    pub fn finish(mut self) -> Model {
        for k in 0..self.w.len() {
            self.touch(k);
        }
        let steps = self.step.max(1) as f32;
        let avg: Vec<[f32; TAGS]> = self.total.iter().map(|r| r.map(|x| x / steps)).collect();
        Model::quantise(&avg, self.vocab.set)
    }
}

/// Cue spans from tags: a `B` and the `I`s after it, as token ranges with the
/// margin of their first token.
pub fn spans(tags: &[Tagged]) -> Vec<(std::ops::Range<usize>, i32)> {
    let mut out: Vec<(std::ops::Range<usize>, i32)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        match usize::from(t.tag) {
            B => out.push((i..i + 1, t.scores[B] - t.scores[O])),
            I => {
                if let Some(last) = out.last_mut().filter(|(r, _)| r.end == i) {
                    last.0.end = i + 1;
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{tokenize, Kind};
    use super::*;

    /// [`Model::tag`] without fetching ahead: every token scored in turn.
    fn tag_in_turn(m: &Model, doc: &Doc, skip: impl Fn(usize) -> bool) -> Vec<Tagged> {
        let mut out = Vec::new();
        let mut prev = O;
        let mut f = [0u32; N];
        for i in 0..doc.len() {
            if skip(i) || !candidate(&m.vocab, doc, i, prev) {
                out.push(Tagged {
                    tag: O as u8,
                    scores: [0; TAGS],
                });
                prev = O;
                continue;
            }
            doc.features(i, prev, &mut f);
            let scores = m.scores(&f);
            let tag = best(&scores, prev);
            out.push(Tagged {
                tag: tag as u8,
                scores,
            });
            prev = tag;
        }
        out
    }

    /// Fetching ahead changes no tag and no score, on the seed articles
    /// with rule cues spread over them (so that tokens are scored as rule
    /// cues, as openers and after cues).
    #[test]
    fn tagging_ahead_tags_as_in_turn() {
        let Some(model) = shipped() else {
            panic!("the shipped cue model does not load");
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .expect("the seeds folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        texts.sort();
        assert!(!texts.is_empty());
        let mut cues = 0;
        for text in &texts {
            let toks = tokenize(text);
            for every in [3, 7, 1000] {
                let rule_cues: Vec<std::ops::Range<usize>> = toks
                    .iter()
                    .filter(|t| t.is_word())
                    .step_by(every)
                    .map(|t| t.start..t.end)
                    .collect();
                let sents = vec![std::ops::Range {
                    start: 0,
                    end: toks.len(),
                }];
                let doc = Doc::new(text, &toks, &[], &[], &sents, &rule_cues, &[]);
                let skip = |i: usize| toks[i].kind != Kind::Word;
                let ahead = model.tag(&doc, skip);
                assert_eq!(ahead, tag_in_turn(model, &doc, skip));
                cues += ahead.iter().filter(|t| usize::from(t.tag) != O).count();
            }
        }
        assert!(cues > 0, "no token tagged as a cue: the test tests nothing");
    }

    /// The bitmap never turns away a member, and answers as the set does.
    #[test]
    fn openers_answer_as_their_set() {
        let set: FxHashSet<u32> = (0..500u32).map(|k| k.wrapping_mul(0x9e37_79b9)).collect();
        let openers = Openers::new(set.clone());
        for h in (0..20_000u32).map(|k| k.wrapping_mul(0x9e37_79b9)) {
            assert_eq!(openers.contains(h), set.contains(&h), "{h}");
        }
    }
}
