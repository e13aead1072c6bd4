//! Analysis of one article: run the detectors, compare with the annotations,
//! and produce the diagnostics with their fixes.

use std::ops::Range;

use chrono::NaiveDate;

use crate::ann::{format_normalization, format_text_bound, AnnDoc};
use crate::annotations::Annotations;
use crate::corpus::{Article, Corpus};
use crate::detect::names::NameCandidate;
use crate::detect::{claims, names, temporal, Claim, Mention, Timex};
use crate::diagnostics::{Code, Diagnostic, Fix, TextEdit};
use crate::registry::{Entity, EntityKind};
use crate::spans::SpanSet;

/// Everything gloss knows about one article.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub dct: Option<NaiveDate>,
    pub annotations: Annotations,
    /// Every temporal expression detected (annotated or not), outside ignored regions.
    pub timexes: Vec<Timex>,
    pub claims: Vec<Claim>,
    /// Registry mentions found by name, outside ignored regions.
    pub mentions: Vec<Mention>,
    /// Name-like spans not in the registry and not annotated.
    pub unknown_names: Vec<NameCandidate>,
    /// Diagnostics on the article and on its `.ann` file, severities applied.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Detected expressions without an annotation.
    pub fn unannotated_timexes(&self) -> impl Iterator<Item = &Timex> {
        self.timexes
            .iter()
            .filter(|t| !self.annotations.covers_date(&t.span))
    }

    pub fn unannotated_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(|c| !self.annotations.covers_claim(&c.cue, c.content.as_ref()))
    }

    /// The registry entity meant at a byte offset: an annotation's link
    /// first, else an unambiguous name match.
    pub fn entity_at(&self, offset: usize) -> Option<(Range<usize>, &str)> {
        let hit = |r: &Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
        if let Some(m) = self.annotations.mentions.iter().find(|m| hit(&m.span)) {
            return Some((m.span.clone(), m.entity.as_str()));
        }
        self.mentions
            .iter()
            .find(|m| hit(&m.span) && m.entities.len() == 1)
            .map(|m| (m.span.clone(), m.entities[0].as_str()))
    }

    /// Every span in this article that refers to `entity` (annotated or matched by name).
    pub fn spans_of(&self, entity: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = self
            .annotations
            .mentions
            .iter()
            .filter(|m| m.entity == entity)
            .map(|m| m.span.clone())
            .collect();
        for m in &self.mentions {
            let annotated_here = self.annotations.entity_at(&m.span);
            let refers = match annotated_here {
                Some(a) => a.entity == entity,
                None => m.entities.len() == 1 && m.entities[0] == entity,
            };
            if refers
                && !out
                    .iter()
                    .any(|r| r.start < m.span.end && m.span.start < r.end)
            {
                out.push(m.span.clone());
            }
        }
        out.sort_by_key(|r| r.start);
        out
    }
}

/// How much of each fix [`analyze_with`] builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixDetail {
    /// Every fix with its edits: what JSON, SARIF and the language server need.
    Full,
    /// The same fixes, titles only, without edits: the human and GitHub
    /// reports print at most the first title, and building the `.ann` lines
    /// of every fix was a tenth of their CPU.
    TitlesOnly,
}

/// Analyse one article of `corpus`, with every fix in full.
pub fn analyze(corpus: &Corpus, article: &Article) -> Analysis {
    analyze_with(corpus, article, FixDetail::Full)
}

/// Analyse one article of `corpus`, building fixes to `detail`. The
/// diagnostics, and the titles and number of their fixes, do not depend on it.
pub fn analyze_with(corpus: &Corpus, article: &Article, detail: FixDetail) -> Analysis {
    let full = detail == FixDetail::Full;
    // A fix with its title only: no `.ann` lines, no ids.
    let title_only = |title: String| Fix {
        title,
        edits: Vec::new(),
        changes_article: false,
    };
    let mut diags = Vec::new();
    let text = &article.text;
    let dct = corpus.publication_date(article);
    if article.binary {
        diags.push(Diagnostic::new(
            &article.path,
            Code::InvalidText,
            0..0,
            "this file looks binary (it holds NUL bytes); it is not analysed",
        ));
        return Analysis {
            dct,
            diagnostics: corpus.apply_severities(diags),
            ..Analysis::default()
        };
    }
    if article.lossy {
        diags.push(Diagnostic::new(
            &article.path,
            Code::InvalidText,
            0..0,
            "this file is not valid UTF-8; invalid bytes were read as U+FFFD, and offsets count those replacement characters",
        ));
    }
    let annotations = Annotations::resolve(
        article.ann(),
        &article.ann_path,
        text,
        &article.index,
        &corpus.registry,
    );
    diags.extend(annotations.diagnostics.iter().cloned());

    let ignored =
        |span: &Range<usize>| annotations.is_ignored(span) || in_boilerplate(corpus, article, span);

    let tagged = temporal::tag(text, dct);
    // Without a publication date the article is tagged without one, which
    // is what the missing date's fix looks for a dateline in: one tagging
    // serves both (the fix's own tagging of the first lines was a second
    // pass over most short articles).
    let missing = dct
        .is_none()
        .then(|| missing_date(corpus, article, &tagged));
    let timexes: Vec<Timex> = tagged.into_iter().filter(|t| !ignored(&t.span)).collect();
    let mentions: Vec<Mention> = corpus
        .matcher
        .find(text)
        .into_iter()
        .filter(|m| !ignored(&m.span))
        .collect();
    let claims: Vec<Claim> = claims::detect(text, &mentions, &corpus.registry)
        .into_iter()
        .filter(|c| !ignored(&c.cue))
        .collect();
    // Overlap tests against sorted spans: a long article has hundreds of
    // thousands of names, mentions and dates, and testing each name against
    // every mention and date took hours on a 16 MB article.
    let taken = SpanSet::new(
        mentions
            .iter()
            .map(|m| m.span.clone())
            .chain(timexes.iter().map(|t| t.span.clone())),
    );
    let unknown_names: Vec<NameCandidate> = names::find(text)
        .into_iter()
        .filter(|n| !taken.overlaps(&n.span) && !ignored(&n.span) && !annotations.any_at(&n.span))
        .collect();

    let mut ids = IdAllocator::new(article.ann());
    diags.extend(missing);
    for t in timexes.iter().filter(|t| !annotations.covers_date(&t.span)) {
        let title = format!(
            "Annotate `{}` as {} {}",
            &text[t.span.clone()],
            t.kind.label(),
            t.value
        );
        let fix = if full {
            let lines = ids.date_lines(article, t);
            ids.reset();
            ann_fix(article, title, lines)
        } else {
            title_only(title)
        };
        let what = if t.value.is_empty() {
            String::new()
        } else {
            format!(" ({})", t.value)
        };
        diags.push(
            Diagnostic::new(
                &article.path,
                Code::UnannotatedDate,
                t.span.clone(),
                format!(
                    "`{}`{what} is not annotated: add a {} annotation with its TIMEX3 value",
                    &text[t.span.clone()],
                    t.kind.label()
                ),
            )
            .with_fix(fix),
        );
    }
    for c in claims
        .iter()
        .filter(|c| !annotations.covers_claim(&c.cue, c.content.as_ref()))
    {
        let source = c
            .source
            .as_ref()
            .map(|s| format!(" by `{}`", short(&text[s.clone()])))
            .unwrap_or_default();
        let title = format!(
            "Annotate the claim{source} (cue `{}`)",
            &text[c.cue.clone()]
        );
        let fix = if full {
            let lines = ids.claim_lines(article, c);
            ids.reset();
            ann_fix(article, title, lines)
        } else {
            title_only(title)
        };
        diags.push(
            Diagnostic::new(&article.path, Code::UnannotatedClaim, c.cue.clone(), format!("claim{source} with cue `{}` is not annotated: add Source, Cue and Content spans and an Attribution event", &text[c.cue.clone()]))
                .with_fix(fix),
        );
    }
    for m in mentions
        .iter()
        .filter(|m| m.entities.len() > 1 && annotations.entity_at(&m.span).is_none())
    {
        let mut d = Diagnostic::new(
            &article.path,
            Code::AmbiguousMention,
            m.span.clone(),
            format!(
                "`{}` may be {}: annotate which one is meant",
                &text[m.span.clone()],
                m.entities
                    .iter()
                    .map(|e| format!("`{e}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        );
        for id in &m.entities {
            let Some(e) = corpus.registry.get(id) else {
                continue;
            };
            let title = format!("Link `{}` to {} ({})", &text[m.span.clone()], e.name, e.id);
            d.fixes.push(if full {
                let lines = ids.mention_lines(article, m.span.clone(), e);
                ids.reset();
                ann_fix(article, title, lines)
            } else {
                title_only(title)
            });
        }
        diags.push(d);
    }
    for n in &unknown_names {
        let name = &text[n.span.clone()];
        let looks = looks_like(n);
        // The title or description before a person's name describes the
        // new entry ("Culture Secretary"), as the article has it.
        let description = n.described_as.as_ref().map_or("", |t| &text[t.clone()]);
        let described = if description.is_empty() {
            String::new()
        } else {
            format!(" ({description})")
        };
        let mut d = Diagnostic::new(
            &article.path,
            Code::UnknownEntity,
            n.span.clone(),
            format!("`{name}`{described} looks like {looks} but is not in entities.toml"),
        );
        // One fix per kind the name may be, the likelier first. Where the
        // registry cannot be edited there is none; for title-only output
        // only the title is kept.
        for kind in std::iter::once(n.kind).chain(n.alternative) {
            d.fixes
                .extend(registry_fix(corpus, name, kind, description).map(|f| {
                    if full {
                        f
                    } else {
                        title_only(f.title)
                    }
                }));
        }
        diags.push(d);
    }
    Analysis {
        dct,
        annotations,
        timexes,
        claims,
        mentions,
        unknown_names,
        diagnostics: corpus.apply_severities(diags),
    }
}

fn short(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// Whether the line holding `span` matches a boilerplate pattern of `gloss.toml`.
pub(crate) fn in_boilerplate(corpus: &Corpus, article: &Article, span: &Range<usize>) -> bool {
    if corpus.manifest.boilerplate.is_empty() {
        return false;
    }
    let line = article.index.line_of(span.start);
    article
        .index
        .line_range(line)
        .is_some_and(|r| corpus.manifest.is_boilerplate(&article.text[r]))
}

/// The missing publication date, with a fix from a dateline when the first
/// lines have one. `tagged`: the article's expressions, tagged without a
/// publication date.
fn missing_date(corpus: &Corpus, article: &Article, tagged: &[Timex]) -> Diagnostic {
    let mut d = Diagnostic::new(
        &article.path,
        Code::MissingPublicationDate,
        0..0,
        format!("no publication date for `{}` in gloss.toml: relative dates (\"yesterday\") cannot be resolved", article.rel),
    );
    // A dateline near the top gives the date: the first fully specified date
    // in the first lines of the article.
    let head_end = article
        .index
        .line_range(30.min(article.index.line_count().saturating_sub(1)))
        .map(|r| r.end)
        .unwrap_or(article.text.len());
    let found = tagged
        .iter()
        .filter(|t| t.span.end <= head_end)
        .find_map(|t| {
            crate::registry::parse_loose_date(&t.value)
                .filter(|_| t.value.len() >= 10 && !t.value.contains('X'))
                .map(|d| (t, d))
        });
    if let Some((t, date)) = found {
        d.fixes.push(Fix {
            title: format!(
                "Set the publication date to {date} (from `{}`)",
                &article.text[t.span.clone()]
            ),
            edits: vec![corpus.manifest.set_published_edit(&article.rel, date)],
            changes_article: false,
        });
        d.range = t.span.clone();
    }
    d
}

/// Code-point fragments for a byte range, split at line breaks (brat spans
/// do not cross lines), with the text brat records for them.
pub fn fragments(article: &Article, range: &Range<usize>) -> (Vec<(usize, usize)>, String) {
    let text = &article.text;
    let mut frags = Vec::new();
    // The pieces joined with a space, written in place: one string rather
    // than one per piece and a join.
    let mut joined = String::new();
    let mut start = range.start;
    let seg = &text[range.clone()];
    let mut push = |s: usize, e: usize| {
        let piece = &text[s..e];
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return;
        }
        let s = s + (piece.len() - piece.trim_start().len());
        let from = article.index.byte_to_char(text, s);
        // The end in code points: the start plus the code points of the
        // piece (its bytes that are not UTF-8 continuation bytes), without
        // a second search of the line index.
        let to = from + trimmed.bytes().filter(|&b| (b & 0xC0) != 0x80).count();
        frags.push((from, to));
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(trimmed);
    };
    // Line breaks are ASCII: a byte scan finds them at the same offsets.
    for (i, c) in seg.bytes().enumerate() {
        if c == b'\n' || c == b'\r' {
            push(start, range.start + i);
            start = range.start + i + 1;
        }
    }
    push(start, range.end);
    (frags, joined)
}

/// Allocates fresh ids for new `.ann` lines: one more than any id in the file.
pub struct IdAllocator {
    base_t: u64,
    base_e: u64,
    base_n: u64,
    t: u64,
    e: u64,
    n: u64,
}

impl IdAllocator {
    pub fn new(doc: &AnnDoc) -> IdAllocator {
        let (t, e, n) = (doc.next_id('T'), doc.next_id('E'), doc.next_id('N'));
        IdAllocator {
            base_t: t,
            base_e: e,
            base_n: n,
            t,
            e,
            n,
        }
    }

    /// Forget allocations: each single fix is computed against the file as
    /// it is, so every fix starts from the same fresh ids.
    pub fn reset(&mut self) {
        (self.t, self.e, self.n) = (self.base_t, self.base_e, self.base_n);
    }

    fn next(&mut self, prefix: char) -> String {
        let slot = match prefix {
            'T' => &mut self.t,
            'E' => &mut self.e,
            _ => &mut self.n,
        };
        *slot += 1;
        format!("{prefix}{}", *slot - 1)
    }

    fn span_line(
        &mut self,
        article: &Article,
        label: &str,
        range: &Range<usize>,
    ) -> (String, String, String) {
        let (frags, text) = fragments(article, range);
        let id = self.next('T');
        (format_text_bound(&id, label, &frags, &text), id, text)
    }

    pub fn date_lines(&mut self, article: &Article, t: &Timex) -> Vec<String> {
        let (line, id, text) = self.span_line(article, t.kind.label(), &t.span);
        let mut out = vec![line];
        if !t.value.is_empty() {
            out.push(format_normalization(
                &self.next('N'),
                &id,
                "TIMEX3",
                &t.value,
                &text,
            ));
        }
        out
    }

    pub fn claim_lines(&mut self, article: &Article, c: &Claim) -> Vec<String> {
        let mut out = Vec::new();
        let mut args = Vec::new();
        let mut source_id = None;
        if let Some(s) = &c.source {
            let (line, id, text) = self.span_line(article, "Source", s);
            out.push(line);
            source_id = Some((id, text));
        }
        // The cue and the attribution event's trigger share one span: its
        // fragments are computed once for both lines.
        let (cue_frags, cue_text) = fragments(article, &c.cue);
        let cue_id = self.next('T');
        out.push(format_text_bound(&cue_id, "Cue", &cue_frags, &cue_text));
        let mut content_id = None;
        if let Some(ct) = &c.content {
            let (line, id, _) = self.span_line(article, "Content", ct);
            out.push(line);
            content_id = Some(id);
        }
        let attr_id = self.next('T');
        out.push(format_text_bound(
            &attr_id,
            "Attribution",
            &cue_frags,
            &cue_text,
        ));
        args.push(format!("Attribution:{attr_id}"));
        if let Some(id) = &content_id {
            args.push(format!("Content:{id}"));
        }
        args.push(format!("Cue:{cue_id}"));
        if let Some((id, _)) = &source_id {
            args.push(format!("Source:{id}"));
        }
        out.push(format!("{}\t{}", self.next('E'), args.join(" ")));
        if let (Some((id, text)), Some(entity)) = (&source_id, &c.entity) {
            out.push(format_normalization(
                &self.next('N'),
                id,
                "Registry",
                entity,
                text,
            ));
        }
        out
    }

    pub fn mention_lines(
        &mut self,
        article: &Article,
        span: Range<usize>,
        e: &Entity,
    ) -> Vec<String> {
        let (line, id, text) = self.span_line(article, e.kind.label(), &span);
        vec![
            line,
            format_normalization(&self.next('N'), &id, "Registry", &e.id, &text),
        ]
    }
}

/// A fix that appends lines to the article's `.ann` file (creating it when missing).
pub fn ann_fix(article: &Article, title: String, lines: Vec<String>) -> Fix {
    let end = article.ann_text.len();
    Fix {
        title,
        edits: vec![TextEdit {
            path: article.ann_path.clone(),
            range: end..end,
            new_text: article.ann().append_text(&lines),
        }],
        changes_article: false,
    }
}

/// A fix that adds a new entry for `name` to `entities.toml`, through
/// [`crate::registry_edit::add_entity`] so that the rest of the file stays
/// as written. `None` when the registry cannot be edited (it is not valid
/// TOML; its own diagnostic says why).
pub fn registry_fix(
    corpus: &Corpus,
    name: &str,
    kind: EntityKind,
    description: &str,
) -> Option<Fix> {
    // Not memoised: the registry is not parsed here (see below), so a fix
    // costs a slug and a hash lookup, while a memo of every unknown name's
    // fix held 4 MB on the BBC corpus, a quarter of a check's peak memory.
    let reg = &corpus.registry;
    // Appending a new table to a valid TOML document keeps it valid, so the
    // registry is not parsed again here (that made large corpora with many
    // unknown names slow): only the new entry is rendered, by toml_edit. A
    // registry that does not parse gets no fix, as editing it could lose data.
    let broken = reg
        .diagnostics
        .iter()
        .any(|d| matches!(d.code, Code::RegistrySyntax | Code::DuplicateEntityId));
    if broken {
        return None;
    }
    let base = slug(name);
    let mut id = base.clone();
    let mut n = 2;
    while reg.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let src = &reg.source;
    let entry = match plain_entry(&id, kind, name, description) {
        Some(e) => e,
        None => crate::registry_edit::add_entity("", &id, kind, name, description).ok()?,
    };
    let sep = if src.trim().is_empty() || src.ends_with("\n\n") {
        ""
    } else if src.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let edit_range = src.len()..src.len();
    let new_text = format!("{sep}{}", entry.trim_start_matches('\n'));
    Some(Fix {
        title: format!(
            "Add `{name}`{} to entities.toml as {} {}",
            if description.is_empty() {
                String::new()
            } else {
                format!(" ({description})")
            },
            article_for(kind),
            kind.as_str()
        ),
        edits: vec![TextEdit {
            path: reg
                .path
                .clone()
                .unwrap_or_else(|| corpus.root.join(crate::corpus::REGISTRY)),
            range: edit_range,
            new_text,
        }],
        changes_article: false,
    })
}

/// The text [`crate::registry_edit::add_entity`] renders for a new entry
/// in an empty registry, written directly when neither the id nor the name
/// needs quoting or escaping in TOML (most names): parsing and rendering
/// through `toml_edit` per unknown name was a large part of `gloss check`.
/// `None`: go through `toml_edit`.
fn plain_entry(id: &str, kind: EntityKind, name: &str, description: &str) -> Option<String> {
    let plain_id = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let plain = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'.' | b'-' | b','))
    };
    (plain_id && plain(name) && plain(description)).then(|| {
        format!(
            "[{id}]\nkind = \"{}\"\nname = \"{name}\"\naliases = []\ndescription = \"{description}\"\n",
            kind.as_str()
        )
    })
}

/// A registry id for a name: lowercase ASCII words joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "entity".into()
    } else {
        out
    }
}

/// One fix that annotates every unannotated date (or claim) of an article,
/// with consecutive fresh ids.
pub fn fix_all(article: &Article, analysis: &Analysis, code: Code) -> Option<Fix> {
    let mut ids = IdAllocator::new(article.ann());
    let mut lines = Vec::new();
    let mut count = 0;
    match code {
        Code::UnannotatedDate => {
            for t in analysis.unannotated_timexes() {
                lines.extend(ids.date_lines(article, t));
                count += 1;
            }
        }
        Code::UnannotatedClaim => {
            for c in analysis.unannotated_claims() {
                lines.extend(ids.claim_lines(article, c));
                count += 1;
            }
        }
        _ => return None,
    }
    if count == 0 {
        return None;
    }
    let what = if code == Code::UnannotatedDate {
        "dates"
    } else {
        "claims"
    };
    Some(ann_fix(
        article,
        format!("Annotate all {count} unannotated {what} in this article"),
        lines,
    ))
}

/// The kind or kinds a name candidate looks like: "a person", "an
/// organization or a person".
pub fn looks_like(n: &NameCandidate) -> String {
    match n.alternative {
        Some(other) => format!(
            "{} {} or {} {}",
            article_for(n.kind),
            n.kind.as_str(),
            article_for(other),
            other.as_str()
        ),
        None => format!("{} {}", article_for(n.kind), n.kind.as_str()),
    }
}

fn article_for(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "an",
        _ => "a",
    }
}

#[cfg(test)]
mod plain_entry_tests {
    use super::*;

    /// The direct rendering is byte-identical to `toml_edit`'s, and is not
    /// used where quoting or escaping is needed.
    #[test]
    fn agrees_with_toml_edit() {
        for (id, kind, name, description) in [
            ("helmut-kohl", EntityKind::Person, "Helmut Kohl", ""),
            ("bbc", EntityKind::Organization, "BBC", ""),
            (
                "boris-n-yeltsin",
                EntityKind::Person,
                "Boris N. Yeltsin",
                "",
            ),
            ("x_1", EntityKind::Organization, "Smith, Jones-Brown 2", ""),
            (
                "tessa-jowell",
                EntityKind::Person,
                "Tessa Jowell",
                "Culture Secretary",
            ),
        ] {
            let direct = plain_entry(id, kind, name, description).expect("plain");
            let edited =
                crate::registry_edit::add_entity("", id, kind, name, description).expect("valid");
            assert_eq!(direct, edited);
        }
        let person = EntityKind::Person;
        assert!(plain_entry("o-brien", person, "O'Brien", "").is_none());
        assert!(plain_entry("jose", person, "José", "").is_none());
        assert!(plain_entry("a-b", person, "A \"B\"", "").is_none());
        assert!(plain_entry("", person, "A", "").is_none());
        assert!(plain_entry("a", person, "A", "Ministre d'État").is_none());
    }
}

#[cfg(test)]
mod fix_detail_tests {
    use super::*;

    /// Titles only gives the same diagnostics with the same fix titles, in
    /// the same number, and no edits; in full every fix has its edits.
    #[test]
    fn titles_only_keeps_diagnostics_and_titles_and_drops_edits() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::write(
            root.join("entities.toml"),
            "[sergei-ivanov]\nkind = \"person\"\nname = \"Sergei Ivanov\"\n[igor-ivanov]\nkind = \"person\"\nname = \"Igor Ivanov\"\n",
        )
        .expect("write");
        std::fs::write(
            root.join("a.txt"),
            "Mr Ivanov said on Monday that Helmut Kohl would visit next week.\n\"We will meet again,\" the minister said.\n",
        )
        .expect("write");
        let corpus = Corpus::load(root).expect("load");
        let article = corpus.articles().next().expect("one article");
        let full = analyze_with(&corpus, article, FixDetail::Full).diagnostics;
        let titles = analyze_with(&corpus, article, FixDetail::TitlesOnly).diagnostics;
        assert_eq!(full, analyze(&corpus, article).diagnostics);
        assert_eq!(full.len(), titles.len());
        let mut fixes = 0;
        for (f, t) in full.iter().zip(&titles) {
            assert_eq!(
                (&f.path, &f.range, f.code, &f.message),
                (&t.path, &t.range, t.code, &t.message)
            );
            assert_eq!(f.fixes.len(), t.fixes.len(), "{f:?}");
            for (ff, tf) in f.fixes.iter().zip(&t.fixes) {
                assert_eq!(ff.title, tf.title);
                assert!(!ff.edits.is_empty(), "{ff:?}");
                assert!(tf.edits.is_empty(), "{tf:?}");
                fixes += 1;
            }
        }
        // A date, an ambiguous mention (two fixes), an unknown name.
        assert!(fixes >= 4, "{full:?}");
        assert!(full
            .iter()
            .any(|d| d.code == Code::AmbiguousMention && d.fixes.len() == 2));
    }
}
