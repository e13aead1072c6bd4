//! Hashed sparse features of a token for the learned cue model.
//!
//! Every feature is a template number mixed with one or two precomputed
//! per-token hashes, folded to an index into a table of `1 << BITS` weights.
//! Per-token hashes (lowercased word, suffix-stripped stem, suffixes, shape)
//! are computed once per text, so a feature costs a multiply and a shift and
//! nothing is allocated per feature. The table holds hashes only, never the
//! strings they came from.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::cues;
use super::nouns;
use super::quotes::{Quote, NONE};
use super::tokens::{Kind, Tok};

/// log2 of the number of weight rows.
pub const BITS: u32 = 16;

/// Features per token.
pub const N: usize = 40;

/// The tags of the BIO scheme over cue tokens.
pub const O: usize = 0;
pub const B: usize = 1;
pub const I: usize = 2;
pub const TAGS: usize = 3;

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash-style mixing step.
#[inline]
const fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// The hash state each feature template starts from, `mix(K, template)`,
/// computed at compile time.
const TEMPLATE: [u64; N] = {
    let mut t = [0u64; N];
    let mut i = 0;
    while i < N {
        t[i] = mix(K, i as u64);
        i += 1;
    }
    t
};

/// The state [`hash_lower`] starts from.
const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Hash of bytes, ASCII-lowercased on the fly.
fn hash_lower(bytes: &[u8]) -> u64 {
    hash_lower_from(SEED, bytes)
}

/// [`hash_lower`] continued from state `h`: the hash of a prefix is the
/// state after its bytes, so a word and its stem share one pass.
#[inline]
fn hash_lower_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = mix(h, u64::from(b.to_ascii_lowercase()));
    }
    h
}

/// The hashes of a word and of its [`stem`], in one pass over the word.
fn word_and_stem(bytes: &[u8]) -> (u64, u64) {
    // The stem is taken of the first 24 bytes, as `stem` sees them.
    let n = stem_len(&bytes[..bytes.len().min(24)]);
    let stem = hash_lower_from(SEED, &bytes[..n]);
    (hash_lower_from(stem, &bytes[n..]), stem)
}

/// What the rule lexicon says of a word, as a small code.
fn lexicon_kind(w: &str) -> u64 {
    if let Some(readings) = cues::lookup(w) {
        let r = readings[0];
        return if r.particle.is_some() {
            1
        } else if r.listener {
            2
        } else if r.weak {
            3
        } else {
            4
        };
    }
    match nouns::role(w) {
        Some(nouns::Role::Noun) => 5,
        Some(nouns::Role::Adjective) => 6,
        None => 0,
    }
}

/// Word shape: punctuation, quote, break, digit, lower, Capitalised, UPPER.
fn shape(text: &str, t: &Tok) -> u64 {
    match t.kind {
        Kind::Punct => 1,
        Kind::Quote(_) => 2,
        Kind::Break => 3,
        Kind::Word => {
            let w = t.text(text);
            // ASCII words (nearly all of them) without decoding characters:
            // for ASCII, `is_numeric` and `is_lowercase` are the ASCII tests.
            if w.is_ascii() {
                let b = w.as_bytes();
                return match b.first() {
                    Some(c) if c.is_ascii_digit() => 4,
                    Some(c) if c.is_ascii_lowercase() => 5,
                    Some(_) if b.len() > 1 && !b.iter().any(u8::is_ascii_lowercase) => 7,
                    Some(_) => 6,
                    None => 0,
                };
            }
            let mut cs = w.chars();
            match cs.next() {
                Some(c) if c.is_numeric() => 4,
                Some(c) if c.is_lowercase() => 5,
                Some(_) if w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) => 7,
                Some(_) => 6,
                None => 0,
            }
        }
    }
}

/// The length of the word without a common inflection: "warned" and
/// "warns" share "warn". The word is compared ignoring ASCII case.
fn stem_len(word: &[u8]) -> usize {
    for suf in [&b"ing"[..], b"ed", b"es", b"s"] {
        let n = word.len();
        if n > suf.len() + 2 && word[n - suf.len()..].eq_ignore_ascii_case(suf) {
            return n - suf.len();
        }
    }
    word.len()
}

/// Per-token values computed for every token; the rest (lexicon, suffixes)
/// is computed only for the tokens the tagger scores and their neighbours.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    word: u64,
    stem: u64,
    shape: u8,
    /// What the token is for the look-around features: 1 quote mark,
    /// 2 "that", 4 comma, 8 colon.
    mark: u8,
    /// Tag of the rules' cue at this token (O, B, I) and 3 inside a rule
    /// claim's content or source.
    rule: u8,
    quoted: bool,
    /// The first token of the token's sentence (0 outside sentences).
    sent_start: u32,
}

const PRONOUN_SHAPE: u8 = 8;

/// A text prepared for tagging: per-token hashes and the sentence start of
/// every token.
pub struct Doc<'a> {
    text: &'a str,
    toks: &'a [Tok],
    slots: Vec<Slot>,
    /// The lexicon code of each token, looked up on first use
    /// ([`UNKNOWN`] until then): only scored tokens and their neighbours
    /// need it, and a lookup costs two hash probes.
    lex: Vec<Cell<u8>>,
    /// Lexicon codes by word (see [`Doc::lexicon_code`]).
    lexicon: RefCell<FxHashMap<(u128, u8), u8>>,
}

const UNKNOWN: u8 = u8::MAX;

/// Per-token values of a neighbour, with its lexicon code.
#[derive(Debug, Clone, Copy, Default)]
struct Near {
    word: u64,
    stem: u64,
    shape: u64,
    lex: u64,
    rule: u64,
}

impl<'a> Doc<'a> {
    /// `rule_cues` and `rule_spans` are the byte ranges of the rules' cues
    /// and of their claims' source and content, in text order.
    pub fn new(
        text: &'a str,
        toks: &'a [Tok],
        quotes: &[Quote],
        inside: &[u32],
        sents: &[Range<usize>],
        rule_cues: &[Range<usize>],
        rule_spans: &[Range<usize>],
    ) -> Self {
        let mut slots = Vec::with_capacity(toks.len());
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            let (word, stem) = word_and_stem(w.as_bytes());
            let mut shape = shape(text, t) as u8;
            if t.is_word() && super::reported::is_pronoun(w) {
                shape = PRONOUN_SHAPE;
            }
            let mark = match t.kind {
                Kind::Quote(_) => 1,
                Kind::Word if w.eq_ignore_ascii_case("that") => 2,
                Kind::Punct if w == "," => 4,
                Kind::Punct if w == ":" => 8,
                _ => 0,
            };
            let q = inside.get(k).copied().unwrap_or(NONE);
            let quoted = q != NONE && quotes.get(q as usize).is_some_and(|q| q.closed);
            slots.push(Slot {
                word,
                stem,
                shape,
                mark,
                rule: 0,
                quoted,
                sent_start: 0,
            });
        }
        // Every token of a span gets the same mark, so the spans may be
        // visited in any order: sorted, `mark` walks the text once (a
        // content often comes before its source).
        let mut spans = rule_spans.to_vec();
        spans.sort_unstable_by_key(|r| r.start);
        mark(toks, &spans, |k, _| slots[k].rule = 3);
        mark(toks, rule_cues, |k, first| {
            slots[k].rule = if first { 1 } else { 2 }
        });
        for s in sents {
            let end = s.end.min(slots.len());
            for slot in slots.get_mut(s.start..end).unwrap_or_default() {
                slot.sent_start = s.start as u32;
            }
        }
        let lex = vec![Cell::new(UNKNOWN); toks.len()];
        Doc {
            text,
            toks,
            slots,
            lex,
            lexicon: RefCell::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Hash of the suffix-stripped lowercased word of token `i` (what the
    /// model's vocabulary of cue openers holds).
    pub fn stem_hash(&self, i: usize) -> u32 {
        self.slots.get(i).map_or(0, |s| s.stem as u32)
    }

    /// Whether the rules put a cue on token `i`.
    pub fn rule_cue(&self, i: usize) -> bool {
        self.slots.get(i).is_some_and(|s| matches!(s.rule, 1 | 2))
    }

    fn near(&self, i: isize) -> Near {
        let Some(s) = usize::try_from(i).ok().and_then(|i| self.slots.get(i)) else {
            return Near {
                shape: if i < 0 { 9 } else { 10 },
                ..Near::default()
            };
        };
        let t = &self.toks[i as usize];
        Near {
            word: s.word,
            stem: s.stem,
            shape: u64::from(s.shape),
            lex: self.lex_of(i as usize, t),
            rule: u64::from(s.rule),
        }
    }

    fn lex_of(&self, i: usize, t: &Tok) -> u64 {
        let cell = &self.lex[i];
        if cell.get() == UNKNOWN {
            let v = if t.is_word() {
                self.lexicon_code(t.text(self.text))
            } else {
                0
            };
            cell.set(v);
        }
        u64::from(cell.get())
    }

    /// The [`lexicon_kind`] of a word, looked up once per distinct word of
    /// the text: two hash-map probes on the word's string cost more than
    /// one probe on its bytes. The lexicon ignores ASCII case, so words of
    /// up to 16 bytes are keyed by their ASCII-lowercased bytes and length;
    /// longer words are looked up each time.
    fn lexicon_code(&self, w: &str) -> u8 {
        let b = w.as_bytes();
        if b.len() > 16 {
            return lexicon_kind(w) as u8;
        }
        let mut key = [0u8; 16];
        for (d, s) in key.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        let key = (u128::from_le_bytes(key), b.len() as u8);
        *self
            .lexicon
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| lexicon_kind(w) as u8)
    }

    /// What follows token `i` within four tokens (bits 0-3: quote, "that",
    /// comma, colon) and precedes it within three (bits 4-6: quote,
    /// capitalised word, pronoun).
    fn around(&self, i: usize) -> u64 {
        let mut a = 0u64;
        for s in self.slots.iter().skip(i + 1).take(4) {
            a |= u64::from(s.mark);
        }
        for s in &self.slots[i.saturating_sub(3)..i] {
            a |= match s.shape {
                2 => 16,
                6 | 7 => 32,
                PRONOUN_SHAPE => 64,
                _ => 0,
            };
        }
        a
    }

    /// The feature indices of token `i` given the tag before it.
    pub fn features(&self, i: usize, prev: usize, out: &mut [u32; N]) {
        let at = i as isize;
        let c = self.near(at);
        let (p1, p2) = (self.near(at - 1), self.near(at - 2));
        let (n1, n2) = (self.near(at + 1), self.near(at + 2));
        let (suf2, suf3, quoted) = match (self.toks.get(i), self.slots.get(i)) {
            (Some(t), Some(s)) => {
                let b = t.text(self.text).as_bytes();
                (
                    hash_lower(&b[b.len().saturating_sub(2)..]),
                    hash_lower(&b[b.len().saturating_sub(3)..]),
                    u64::from(s.quoted),
                )
            }
            _ => (0, 0, 0),
        };
        let pos = i - self.slots.get(i).map_or(0, |s| s.sent_start) as usize;
        let pos = match pos {
            0..=2 => pos as u64,
            3..=5 => 3,
            6..=10 => 4,
            _ => 5,
        };
        let around = if i < self.slots.len() {
            self.around(i)
        } else {
            0
        };
        let prev = prev as u64;
        let vals: [(u64, u64); N] = [
            (0, 0),
            (c.word, 0),
            (c.stem, 0),
            (suf2, 0),
            (suf3, 0),
            (c.shape, 0),
            (p1.word, 0),
            (p2.word, 0),
            (n1.word, 0),
            (n2.word, 0),
            (p1.word, c.word),
            (c.word, n1.word),
            (p1.shape, c.shape),
            (c.shape, n1.shape),
            (p1.stem, 0),
            (n1.stem, 0),
            (c.lex, 0),
            (c.lex, p1.word),
            (c.lex, n1.word),
            (c.lex, around),
            (c.stem, around),
            (around, 0),
            (pos, c.shape),
            (pos, c.lex),
            (quoted, c.lex),
            (quoted, 0),
            (c.rule, 0),
            (c.rule, c.word),
            (c.rule, p1.rule),
            (c.rule, n1.rule),
            (prev, 0),
            (prev, c.word),
            (prev, c.stem),
            (prev, c.lex),
            (prev, c.shape),
            (p1.lex, c.word),
            (n1.lex, c.word),
            (p1.shape, c.stem),
            (c.stem, n1.shape),
            (p2.shape, p1.word),
        ];
        for ((slot, (a, b)), seed) in out.iter_mut().zip(vals).zip(TEMPLATE) {
            let h = mix(mix(seed, a), b);
            *slot = (h >> (64 - BITS)) as u32;
        }
    }
}

/// Call `f(token, is_first)` for every token overlapping one of `ranges`.
fn mark(toks: &[Tok], ranges: &[Range<usize>], mut f: impl FnMut(usize, bool)) {
    // Ranges come in text order: each first token is found by walking on
    // from the previous one. The walk reads the tokens in order, at most
    // once per call, where a binary search per range would miss the cache
    // at every step on a long text. A range that starts before the
    // previous one falls back to the binary search.
    let mut prev = (0, 0);
    for r in ranges {
        let first = if r.start >= prev.0 {
            let mut k = prev.1;
            while toks.get(k).is_some_and(|t| t.end <= r.start) {
                k += 1;
            }
            k
        } else {
            toks.partition_point(|t| t.end <= r.start)
        };
        prev = (r.start, first);
        for (k, t) in toks.iter().enumerate().skip(first) {
            if t.start >= r.end {
                break;
            }
            f(k, k == first);
        }
    }
}

/// Gold BIO tags of the tokens from cue fragments (byte ranges): the first
/// token a fragment touches is `B`, the rest `I`.
pub fn gold_tags(toks: &[Tok], cues: &[Range<usize>]) -> Vec<u8> {
    let mut tags = vec![O as u8; toks.len()];
    mark(toks, cues, |k, first| {
        if tags[k] == O as u8 || first {
            tags[k] = if first { B as u8 } else { I as u8 };
        }
    });
    tags
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The stem hash is the hash of the lowercased word cut at most 24
    /// bytes, less its inflection, hashed on its own.
    #[test]
    fn word_and_stem_match_separate_hashes() {
        for w in [
            "Warned",
            "SAYING",
            "says",
            "is",
            "yes",
            "Ivanov’s",
            "internationalisationsprocesses",
            "x",
            "",
        ] {
            let lower = w.to_ascii_lowercase();
            let cut = &lower.as_bytes()[..lower.len().min(24)];
            let stem = [&b"ing"[..], b"ed", b"es", b"s"]
                .into_iter()
                .find(|s| cut.len() > s.len() + 2 && cut.ends_with(s))
                .map_or(cut, |s| &cut[..cut.len() - s.len()]);
            assert_eq!(
                word_and_stem(w.as_bytes()),
                (hash_lower(w.as_bytes()), hash_lower(stem)),
                "{w}"
            );
        }
    }

    /// Ranges out of text order are marked as a binary search per range
    /// marks them.
    #[test]
    fn mark_matches_a_search_per_range() {
        let text = "“We are ready,” Mr Ivanov said. Officials said the talks failed.";
        let toks = tokenize(text);
        let ranges = [30..40, 0..5, 8..8, 16..31, 16..20, 45..200, 3..4];
        let mut walked = Vec::new();
        mark(&toks, &ranges, |k, first| walked.push((k, first)));
        let mut searched = Vec::new();
        for r in &ranges {
            let first = toks.partition_point(|t| t.end <= r.start);
            let overlapping = (first..toks.len()).take_while(|&k| toks[k].start < r.end);
            searched.extend(overlapping.map(|k| (k, k == first)));
        }
        assert!(!walked.is_empty());
        assert_eq!(walked, searched);
    }
}
