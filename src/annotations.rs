//! What an article's `.ann` file says, resolved against the article text:
//! which spans are dates, claims, entity mentions and ignored regions, in
//! byte offsets of the article. Validation of the file happens here too,
//! since it needs both the file and the text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use crate::ann::{AnnDoc, EntryKind, TextBound};
use crate::detect::TimexType;
use crate::diagnostics::{Code, Diagnostic, Fix, TextEdit};
use crate::registry::Registry;
use crate::text::LineIndex;

/// An annotated temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedDate {
    pub id: String,
    pub span: Range<usize>,
    pub kind: TimexType,
    pub value: Option<String>,
}

/// An annotated attribution (an `Attribution` event or a lone `Cue`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotatedClaim {
    pub event: Option<String>,
    pub cue: Vec<Range<usize>>,
    pub source: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
    pub entity: Option<String>,
}

/// A span linked to the registry (`N… Reference T… Registry:id`).
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedMention {
    pub id: String,
    pub label: String,
    pub span: Range<usize>,
    pub entity: String,
    /// Index of the normalization's entry in the `.ann` file.
    pub entry: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub dates: Vec<AnnotatedDate>,
    pub claims: Vec<AnnotatedClaim>,
    pub mentions: Vec<AnnotatedMention>,
    /// Every other text-bound span, by label (other tools' types, `Person`
    /// mentions without a registry link, ...).
    pub other: Vec<(String, Range<usize>)>,
    pub ignored: Vec<Range<usize>>,
    /// Byte ranges in the article for each text-bound id.
    pub spans: HashMap<String, Vec<Range<usize>>>,
    /// Problems with the `.ann` file (ranges in the `.ann` file).
    pub diagnostics: Vec<Diagnostic>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl Annotations {
    /// Whether `span` overlaps an annotated temporal expression.
    pub fn covers_date(&self, span: &Range<usize>) -> bool {
        self.dates.iter().any(|d| overlaps(&d.span, span))
    }

    pub fn is_ignored(&self, span: &Range<usize>) -> bool {
        self.ignored.iter().any(|r| overlaps(r, span))
    }

    /// Whether a claim with this cue (and content) is already annotated.
    pub fn covers_claim(&self, cue: &Range<usize>, content: Option<&Range<usize>>) -> bool {
        self.claims.iter().any(|c| {
            c.cue.iter().any(|r| overlaps(r, cue))
                || content.is_some_and(|ct| c.content.iter().any(|r| overlaps(r, ct)))
        })
    }

    /// The registry entity annotated at `span`, if any.
    pub fn entity_at(&self, span: &Range<usize>) -> Option<&AnnotatedMention> {
        self.mentions.iter().find(|m| overlaps(&m.span, span))
    }

    /// Whether any text-bound annotation overlaps `span` (a name already
    /// annotated, with or without a registry link, is not unknown).
    pub fn any_at(&self, span: &Range<usize>) -> bool {
        self.mentions.iter().any(|m| overlaps(&m.span, span))
            || self.other.iter().any(|(_, r)| overlaps(r, span))
            || self
                .claims
                .iter()
                .any(|c| c.source.iter().any(|r| overlaps(r, span)))
    }

    /// Resolve `doc` against `text`. `ann_path` and `ann_src` locate problems.
    pub fn resolve(
        doc: &AnnDoc,
        ann_path: &Path,
        text: &str,
        index: &LineIndex,
        registry: &Registry,
    ) -> Annotations {
        let mut a = Annotations::default();
        let mut ids: HashSet<&str> = HashSet::new();
        // Every id defined in the file, for reference checks in one lookup.
        let defined: HashMap<&str, usize> = doc
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.kind.id().map(|id| (id, i)))
            .collect();
        let label_of = |id: &str| match defined.get(id).map(|&i| &doc.entries[i].kind) {
            Some(EntryKind::TextBound(t)) => t.label.clone(),
            _ => String::new(),
        };
        let diag = |a: &mut Annotations,
                    entry: usize,
                    code: Code,
                    cols: Range<usize>,
                    msg: String,
                    fixes: Vec<Fix>| {
            let e = &doc.entries[entry];
            let start = e.offset + cols.start.min(e.raw.len());
            let end = e.offset + cols.end.min(e.raw.len()).max(cols.start.min(e.raw.len()));
            let mut d = Diagnostic::new(ann_path, code, start..end, msg);
            d.fixes = fixes;
            a.diagnostics.push(d);
        };
        let line_len = |i: usize| doc.entries[i].raw.len();

        // First pass: text-bound spans.
        for (i, e) in doc.entries.iter().enumerate() {
            if let EntryKind::Malformed(err) = &e.kind {
                diag(
                    &mut a,
                    i,
                    Code::MalformedAnnotation,
                    err.column..line_len(i),
                    format!("malformed annotation: {err}"),
                    vec![],
                );
                continue;
            }
            if let Some(id) = e.kind.id() {
                if !ids.insert(id) {
                    diag(
                        &mut a,
                        i,
                        Code::MalformedAnnotation,
                        0..id.len(),
                        format!("id `{id}` is used by an earlier line"),
                        vec![],
                    );
                    continue;
                }
            }
            let EntryKind::TextBound(t) = &e.kind else {
                continue;
            };
            match resolve_span(t, text, index) {
                Ok(ranges) => {
                    let found = join_fragments(text, &ranges);
                    if found != t.text && normalize_ws(&found) != normalize_ws(&t.text) {
                        let fixes = reanchor_fix(doc, i, t, text, index, ann_path)
                            .into_iter()
                            .collect();
                        diag(
                            &mut a,
                            i,
                            Code::StaleAnnotation,
                            0..line_len(i),
                            format!(
                                "`{}` no longer matches the article, which has `{}` at {}",
                                t.text,
                                shorten(&found),
                                fmt_frags(&t.fragments)
                            ),
                            fixes,
                        );
                        continue;
                    }
                    a.spans.insert(t.id.clone(), ranges);
                }
                Err(msg) => diag(
                    &mut a,
                    i,
                    Code::MalformedAnnotation,
                    0..line_len(i),
                    msg,
                    vec![],
                ),
            }
        }

        // Second pass: normalizations and events, which refer to spans.
        let mut timex_values: HashMap<&str, (usize, &str, (usize, usize))> = HashMap::new();
        let mut registry_links: HashMap<&str, &str> = HashMap::new();
        for (i, e) in doc.entries.iter().enumerate() {
            match &e.kind {
                EntryKind::Normalization(n) => {
                    if !defined.contains_key(n.target.as_str()) {
                        diag(
                            &mut a,
                            i,
                            Code::MalformedAnnotation,
                            0..line_len(i),
                            format!("`{}` refers to `{}`, which is not defined", n.id, n.target),
                            vec![],
                        );
                        continue;
                    }
                    let (ks, ke) = n.key_range;
                    if n.db.eq_ignore_ascii_case("TIMEX3") {
                        if !crate::timex_value::is_valid(&n.key) {
                            diag(&mut a, i, Code::InvalidTimexValue, ks..ke, format!("`{}` is not a valid TIMEX3 value (e.g. 2001-11-21, 2001-W46, P2W, PAST_REF)", n.key), vec![]);
                        }
                        timex_values.insert(n.target.as_str(), (i, n.key.as_str(), n.key_range));
                    } else if n.db == "Registry" {
                        if !registry.contains(&n.key) {
                            diag(
                                &mut a,
                                i,
                                Code::UnknownEntityId,
                                ks..ke,
                                format!("`{}` is not an entity in entities.toml", n.key),
                                vec![],
                            );
                        } else {
                            registry_links.insert(n.target.as_str(), n.key.as_str());
                            if let Some(ranges) = a.spans.get(&n.target) {
                                let label = label_of(&n.target);
                                a.mentions.push(AnnotatedMention {
                                    id: n.target.clone(),
                                    label,
                                    span: extent(ranges),
                                    entity: n.key.clone(),
                                    entry: i,
                                });
                            }
                        }
                    }
                }
                EntryKind::Event(ev) => {
                    for (role, target) in std::iter::once(("trigger", &ev.trigger))
                        .chain(ev.args.iter().map(|(r, t)| (r.as_str(), t)))
                    {
                        if !defined.contains_key(target.as_str()) {
                            diag(
                                &mut a,
                                i,
                                Code::MalformedAnnotation,
                                0..line_len(i),
                                format!("{role} `{target}` of `{}` is not defined", ev.id),
                                vec![],
                            );
                        }
                    }
                }
                EntryKind::Relation(r) => {
                    for (_, target) in &r.args {
                        if !defined.contains_key(target.as_str()) {
                            diag(
                                &mut a,
                                i,
                                Code::MalformedAnnotation,
                                0..line_len(i),
                                format!("`{target}` in `{}` is not defined", r.id),
                                vec![],
                            );
                        }
                    }
                }
                _ => {}
            }
        }

        // Classify text-bound spans.
        let mut in_event: HashSet<&str> = HashSet::new();
        for ev in doc.events() {
            if !ev.label.eq_ignore_ascii_case("Attribution") {
                continue;
            }
            let spans_of = |role: &str| -> Vec<Range<usize>> {
                ev.args
                    .iter()
                    .filter(|(r, _)| r.starts_with(role))
                    .flat_map(|(_, t)| a.spans.get(t).cloned().unwrap_or_default())
                    .collect()
            };
            let mut cue = spans_of("Cue");
            if cue.is_empty() {
                cue = a.spans.get(&ev.trigger).cloned().unwrap_or_default();
            }
            let source_ids: Vec<&str> = ev
                .args
                .iter()
                .filter(|(r, _)| r.starts_with("Source"))
                .map(|(_, t)| t.as_str())
                .collect();
            let entity = source_ids
                .iter()
                .find_map(|s| registry_links.get(s))
                .map(|s| s.to_string());
            in_event.insert(&ev.trigger);
            for (_, t) in &ev.args {
                in_event.insert(t);
            }
            a.claims.push(AnnotatedClaim {
                event: Some(ev.id.clone()),
                cue,
                source: spans_of("Source"),
                content: spans_of("Content"),
                entity,
            });
        }
        for t in doc.text_bounds() {
            let Some(ranges) = a.spans.get(&t.id) else {
                continue;
            };
            if let Some(kind) = TimexType::from_label(&t.label) {
                a.dates.push(AnnotatedDate {
                    id: t.id.clone(),
                    span: extent(ranges),
                    kind,
                    value: timex_values.get(t.id.as_str()).map(|v| v.1.to_owned()),
                });
            } else if t.label.eq_ignore_ascii_case("Ignore") {
                a.ignored.extend(ranges.iter().cloned());
            } else if (t.label == "Cue" || t.label == "Attribution")
                && !in_event.contains(t.id.as_str())
            {
                // A cue without its event still records that the claim was seen.
                a.claims.push(AnnotatedClaim {
                    cue: ranges.clone(),
                    ..AnnotatedClaim::default()
                });
            } else if !registry_links.contains_key(t.id.as_str()) {
                a.other.push((t.label.clone(), extent(ranges)));
            }
        }
        a.mentions.sort_by_key(|m| m.span.start);
        a.dates.sort_by_key(|d| d.span.start);
        a
    }
}

fn extent(ranges: &[Range<usize>]) -> Range<usize> {
    let s = ranges.iter().map(|r| r.start).min().unwrap_or(0);
    let e = ranges.iter().map(|r| r.end).max().unwrap_or(0);
    s..e
}

/// Byte ranges of a text-bound annotation's fragments.
fn resolve_span(t: &TextBound, text: &str, index: &LineIndex) -> Result<Vec<Range<usize>>, String> {
    let mut out = Vec::with_capacity(t.fragments.len());
    for &(s, e) in &t.fragments {
        let (Some(bs), Some(be)) = (index.char_to_byte(text, s), index.char_to_byte(text, e))
        else {
            return Err(format!(
                "`{}` spans {s}-{e}, past the end of the article ({} characters)",
                t.id,
                index.len_chars()
            ));
        };
        out.push(bs..be);
    }
    let mut sorted = out.clone();
    sorted.sort_by_key(|r| r.start);
    if sorted.windows(2).any(|w| w[0].end > w[1].start) {
        return Err(format!(
            "`{}` has overlapping fragments {}",
            t.id,
            fmt_frags(&t.fragments)
        ));
    }
    Ok(out)
}

/// The covered text as brat writes it: fragments joined by a space.
pub fn join_fragments(text: &str, ranges: &[Range<usize>]) -> String {
    ranges
        .iter()
        .map(|r| &text[r.clone()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_owned()
    }
}

fn fmt_frags(f: &[(usize, usize)]) -> String {
    f.iter()
        .map(|(s, e)| format!("{s}-{e}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The start of the match of `pat` in `text` (as `match_indices` finds
/// them: non-overlapping, from the left) nearest to byte `old`, the earlier
/// one on a tie.
///
/// Every annotation after an edit is stale until its `.ann` line is fixed,
/// and each searched the whole article for its text: on a 50 KB article a
/// sixth of the analysis per keystroke. When `pat` cannot overlap itself
/// (no proper prefix is also a suffix, as for most names and dates), every
/// occurrence is a match, and the nearest is the last one before `old` or
/// the first one at or after it. Both are searched for in a window around
/// `old` that widens until it holds a match no farther than its own
/// half-width (nothing outside can be nearer): after an edit the nearest
/// occurrence is usually a few bytes away, and a search that runs to an
/// end of the article when there is none on that side (an insertion moves
/// every later annotation forward: none of them occurs just before its old
/// place) made each keystroke cost one scan of the article per annotation.
fn nearest_match(text: &str, pat: &str, old: usize) -> Option<usize> {
    nearest_within(text, pat, old, 256)
}

/// [`nearest_match`], starting with a window of `w` bytes on each side.
fn nearest_within(text: &str, pat: &str, old: usize, mut w: usize) -> Option<usize> {
    let dist = |i: usize| (i as isize - old as isize).unsigned_abs();
    let p = pat.as_bytes();
    let overlaps_itself = (1..p.len()).any(|k| p[..k] == p[p.len() - k..]);
    if pat.is_empty() || overlaps_itself || old > text.len() {
        // Matches come in increasing order: past `old` they only get farther.
        let mut best: Option<usize> = None;
        for (i, _) in text.match_indices(pat) {
            if best.is_none_or(|b| dist(i) < dist(b)) {
                best = Some(i);
            }
            if i >= old {
                break;
            }
        }
        return best;
    }
    // `pat` cannot overlap itself, so every occurrence inside the window is
    // one of the article's non-overlapping matches.
    loop {
        let lo = crate::text::floor_char_boundary(text, old.saturating_sub(w));
        let mut hi = old
            .saturating_add(w)
            .saturating_add(p.len())
            .min(text.len());
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        let best = text[lo..hi]
            .match_indices(pat)
            .map(|(i, _)| lo + i)
            .min_by_key(|&i| (dist(i), i));
        let whole = lo == 0 && hi == text.len();
        match best {
            Some(b) if whole || dist(b) <= w => return Some(b),
            None if whole => return None,
            _ => w = w.saturating_mul(8).max(1),
        }
    }
}

/// For a stale single-fragment annotation whose text occurs elsewhere in the
/// article, the edit that moves it to the nearest occurrence.
fn reanchor_fix(
    doc: &AnnDoc,
    entry: usize,
    t: &TextBound,
    text: &str,
    index: &LineIndex,
    ann_path: &Path,
) -> Option<Fix> {
    if t.fragments.len() != 1 || t.text.is_empty() {
        return None;
    }
    let old = index
        .char_to_byte(text, t.fragments[0].0.min(index.len_chars()))
        .unwrap_or(0);
    let best = nearest_match(text, &t.text, old)?;
    let s = index.byte_to_char(text, best);
    let e = s + t.text.chars().count();
    let e_ = &doc.entries[entry];
    let line = crate::ann::format_text_bound(&t.id, &t.label, &[(s, e)], &t.text);
    Some(Fix {
        title: format!(
            "Re-anchor `{}` to {s}-{e}, where `{}` is now",
            t.id,
            shorten(&t.text)
        ),
        edits: vec![TextEdit {
            path: ann_path.to_owned(),
            range: e_.offset..e_.offset + e_.raw.len(),
            new_text: line,
        }],
        changes_article: false,
    })
}

#[cfg(test)]
mod nearest_match_tests {
    use super::{nearest_match, nearest_within};

    /// What re-anchoring used: every non-overlapping match, the nearest first.
    fn reference(text: &str, pat: &str, old: usize) -> Option<usize> {
        text.match_indices(pat)
            .map(|(i, _)| i)
            .min_by_key(|&i| (i as isize - old as isize).unsigned_abs())
    }

    /// Same answer as the full scan on texts and patterns over a small
    /// alphabet (many repeats, self-overlapping patterns such as `aa`,
    /// `aba`, multi-byte characters), from every char boundary.
    #[test]
    fn agrees_with_the_full_scan() {
        let alphabet = ['a', 'b', 'é', ' '];
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let text: String = (0..next(40)).map(|_| alphabet[next(4)]).collect();
            let pat: String = (0..1 + next(4)).map(|_| alphabet[next(4)]).collect();
            for (old, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let want = reference(&text, &pat, old);
                assert_eq!(
                    nearest_match(&text, &pat, old),
                    want,
                    "{text:?} {pat:?} {old}"
                );
                // Small first windows, so that widening is exercised.
                for w in [0, 1, 2, 5] {
                    assert_eq!(
                        nearest_within(&text, &pat, old, w),
                        want,
                        "{text:?} {pat:?} {old} window {w}"
                    );
                }
            }
        }
    }
}
