//! Hover cards: entities (who they are, their role on the publication
//! date, where else they appear), dates (TIMEX3 value, weekday, relation to
//! the publication date) and claims (source, cue, annotation state).

use std::fmt::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use tower_lsp_server::ls_types::*;

use crate::registry::Entity;

use super::lookup::{
    ann_entity, ann_entry_at, article_target, registry_entity_at, snippet, Doc, Target,
};
use super::mention_index::Hit;
use super::state::{FileKind, World};

pub fn hover(w: &World, path: &Path, pos: Position) -> Option<Hover> {
    let doc = Doc::new(w, path)?;
    let offset = doc.offset(pos);
    let (md, range) = match doc.kind {
        FileKind::Article => {
            let a = doc.analysis()?;
            let article = doc.article?;
            let text = &article.text;
            let t = article_target(&a, offset)?;
            match t {
                Target::Entity { id, span } => (entity_card(&doc, &id)?, Some(span)),
                Target::Ambiguous { ids, span } => {
                    let mut s = format!("**`{}`** may be:\n\n", &text[span.clone()]);
                    for id in &ids {
                        if let Some(e) = doc.corpus.registry.get(id) {
                            let _ =
                                writeln!(s, "- **{}** (`{}`) — {}", e.name, e.id, e.description);
                        }
                    }
                    s.push_str("\nNot annotated: use a quick fix to link it to one of them.");
                    (s, Some(span))
                }
                Target::AnnotatedDate { index, span } => {
                    let d = &a.annotations.dates[index];
                    let value = d.value.clone().unwrap_or_default();
                    let mut s = date_card(&text[span.clone()], d.kind, &value, a.dct);
                    let _ = write!(s, "\nAnnotated as `{}`.", d.id);
                    (s, Some(span))
                }
                Target::Date { timex, span } => {
                    let t = &a.timexes[timex];
                    let mut s = date_card(&text[span.clone()], t.kind, &t.value, a.dct);
                    s.push_str("\n**Not annotated**: the value above is proposed by gloss.");
                    (s, Some(span))
                }
                Target::Claim { index, span } => {
                    let c = &a.claims[index];
                    let annotated = a.annotations.covers_claim(&c.cue, c.content.as_ref());
                    let mut s = String::from("### Claim\n\n");
                    if let Some(src) = &c.source {
                        let _ = write!(s, "**Source:** {}", one_line(&text[src.clone()]));
                        if let Some(e) =
                            c.entity.as_ref().and_then(|id| doc.corpus.registry.get(id))
                        {
                            let _ = write!(s, " → {} (`{}`)", e.name, e.id);
                        }
                        s.push_str("  \n");
                    } else {
                        s.push_str("**Source:** (not found)  \n");
                    }
                    let _ = writeln!(s, "**Cue:** {}  ", one_line(&text[c.cue.clone()]));
                    if let Some(ct) = &c.content {
                        let _ = writeln!(
                            s,
                            "**Content:** {}  ",
                            short(&one_line(&text[ct.clone()]), 160)
                        );
                    }
                    let _ = write!(
                        s,
                        "\n{}",
                        if annotated {
                            "Annotated."
                        } else {
                            "**Not annotated**: a quick fix adds Source, Cue, Content and the Attribution event."
                        }
                    );
                    (s, Some(span))
                }
                Target::AnnotatedClaim { index, span } => {
                    let c = &a.annotations.claims[index];
                    let part = |rs: &[std::ops::Range<usize>]| {
                        rs.iter()
                            .map(|r| one_line(&text[r.clone()]))
                            .collect::<Vec<_>>()
                            .join(" … ")
                    };
                    let mut s = String::from("### Claim (annotated)\n\n");
                    let _ = writeln!(
                        s,
                        "**Source:** {}  ",
                        if c.source.is_empty() {
                            "(none)".into()
                        } else {
                            part(&c.source)
                        }
                    );
                    let _ = writeln!(s, "**Cue:** {}  ", part(&c.cue));
                    if !c.content.is_empty() {
                        let _ = writeln!(s, "**Content:** {}  ", short(&part(&c.content), 160));
                    }
                    if let Some(e) = c.entity.as_ref().and_then(|id| doc.corpus.registry.get(id)) {
                        let _ = writeln!(s, "**Source entity:** {} (`{}`)  ", e.name, e.id);
                    }
                    if let Some(ev) = &c.event {
                        let _ = write!(s, "\nEvent `{ev}`.");
                    }
                    (s, Some(span))
                }
                Target::UnknownName { span } => {
                    let name = &text[span.clone()];
                    let mut s = format!("**{name}** is not in entities.toml");
                    // What the detector made of it: the editor's user sees
                    // why a fix proposes that kind and description.
                    if let Some(n) = a.unknown_names.iter().find(|n| n.span == span) {
                        let _ = write!(s, ": it looks like {}", crate::analysis::looks_like(n));
                        if let Some(d) = &n.described_as {
                            let _ = write!(s, ", described here as \"{}\"", &text[d.clone()]);
                        }
                    }
                    s.push_str(".\n\nA quick fix adds it; go to definition finds its earliest full-name mention in the corpus.");
                    (s, Some(span))
                }
            }
        }
        FileKind::Ann => {
            let article = doc.article?;
            let a = doc.analysis()?;
            let (_, entry) = ann_entry_at(article, offset)?;
            if let Some(id) = ann_entity(article, &a, entry) {
                (entity_card(&doc, &id)?, None)
            } else {
                // A date annotation (its T line or its TIMEX3 normalization).
                let tid = match &entry.kind {
                    crate::ann::EntryKind::TextBound(t) => t.id.as_str(),
                    crate::ann::EntryKind::Normalization(n) => n.target.as_str(),
                    _ => return None,
                };
                let d = a.annotations.dates.iter().find(|d| d.id == tid)?;
                let mut s = date_card(
                    &article.text[d.span.clone()],
                    d.kind,
                    d.value.as_deref().unwrap_or(""),
                    a.dct,
                );
                let _ = write!(s, "\nIn `{}`.", article.rel);
                (s, None)
            }
        }
        FileKind::Registry => {
            let e = registry_entity_at(doc.corpus, offset)?;
            if !(e.def_range.start <= offset && offset <= e.def_range.end) {
                return None;
            }
            (entity_card(&doc, &e.id)?, Some(e.def_range.clone()))
        }
        FileKind::Manifest => return None,
    };
    let view = doc.view();
    let contents = if w.caps.markdown {
        MarkupContent {
            kind: MarkupKind::Markdown,
            value: md,
        }
    } else {
        MarkupContent {
            kind: MarkupKind::PlainText,
            value: md.replace("**", "").replace('`', ""),
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(contents),
        range: range.map(|r| view.range(&r)),
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// The Markdown card of a registry entity, as seen from `doc`.
pub fn entity_card(doc: &Doc, id: &str) -> Option<String> {
    let e = doc.corpus.registry.get(id)?;
    let dct = doc.article.and_then(|a| doc.corpus.publication_date(a));
    let mut s = format!("### {}\n\n*{}* · `{}`\n\n", e.name, e.kind.as_str(), e.id);
    if !e.description.is_empty() {
        let _ = writeln!(s, "{}\n", e.description);
    }
    roles(&mut s, e, dct);
    let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
    if !aliases.is_empty() {
        let _ = writeln!(s, "**Aliases:** {}  ", aliases.join(", "));
    }
    if let Some(q) = &e.wikidata {
        let _ = writeln!(
            s,
            "**Wikidata:** [{q}](https://www.wikidata.org/wiki/{q})  "
        );
    }
    for l in &e.links {
        let _ = writeln!(s, "<{l}>  ");
    }
    appearances(&mut s, doc, id);
    Some(s)
}

fn roles(s: &mut String, e: &Entity, dct: Option<NaiveDate>) {
    if e.roles.is_empty() {
        return;
    }
    match dct {
        Some(d) => {
            let held: Vec<String> = e.roles_on(d).map(|r| r.title.clone()).collect();
            if held.is_empty() {
                let _ = writeln!(s, "**On {d}** (publication): no role on record  ");
            } else {
                let _ = writeln!(s, "**On {d}** (publication): {}  ", held.join("; "));
            }
        }
        None => {
            for r in &e.roles {
                let span = match (r.from, r.to) {
                    (Some(f), Some(t)) => format!("{f} – {t}"),
                    (Some(f), None) => format!("since {f}"),
                    (None, Some(t)) => format!("until {t}"),
                    (None, None) => String::new(),
                };
                let _ = writeln!(s, "**Role:** {} {span}  ", r.title);
            }
        }
    }
}

/// "Also in" list: other articles mentioning the entity, by date.
fn appearances(s: &mut String, doc: &Doc, id: &str) {
    let all = doc.w.mentions_of(doc.root, id);
    let here = doc.article.map(|a| a.rel.as_str());
    let mut here_count = 0;
    let mut others = Vec::new();
    for h in all {
        if Some(h.article.rel.as_str()) == here {
            here_count = h.spans.len();
            continue;
        }
        others.push(h);
    }
    // Only the first few are listed: select them, then sort those.
    let n = doc.w.config.hover_appearances;
    let order = |a: &Hit, b: &Hit| a.date.cmp(&b.date).then(a.article.rel.cmp(&b.article.rel));
    if n > 0 && others.len() > n {
        others.select_nth_unstable_by(n - 1, order);
        others[..n].sort_by(order);
    } else {
        others.sort_by(order);
    }
    s.push('\n');
    if here.is_some() {
        let _ = writeln!(
            s,
            "{here_count} mention{} in this article.  ",
            if here_count == 1 { "" } else { "s" }
        );
    }
    if others.is_empty() {
        let _ = writeln!(s, "No other article mentions it.");
        return;
    }
    let total: usize = others.iter().map(|o| o.spans.len()).sum();
    let _ = writeln!(
        s,
        "**Also in {} article{}** ({total} mention{}):\n",
        others.len(),
        if others.len() == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" }
    );
    for h in others.iter().take(n) {
        let date = h
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let _ = writeln!(
            s,
            "- `{}` ({date}): “{}”",
            h.article.rel,
            snippet(&h.article.text, &h.spans[0], 80).replace('`', "'")
        );
    }
    if others.len() > n {
        let _ = writeln!(s, "- … and {} more", others.len() - n);
    }
}

/// The Markdown card of a date.
pub fn date_card(
    text: &str,
    kind: crate::detect::TimexType,
    value: &str,
    dct: Option<NaiveDate>,
) -> String {
    let mut s = format!("### {} “{}”\n\n", kind.label(), one_line(text));
    if value.is_empty() {
        let _ = writeln!(s, "**TIMEX3:** {} (no value)  ", kind.timex());
        return s;
    }
    let _ = writeln!(s, "**TIMEX3:** {} `{value}`  ", kind.timex());
    if let Some(d) = value
        .get(..10)
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
    {
        let _ = writeln!(s, "**Weekday:** {}  ", weekday(d));
        if let Some(p) = dct {
            let _ = writeln!(s, "**Relation:** {}  ", relation(d, p));
        }
    } else if let Some(p) = dct {
        let _ = writeln!(s, "**Publication date:** {p} ({})  ", weekday(p));
    }
    s
}

fn weekday(d: NaiveDate) -> &'static str {
    match d.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// How a date relates to the publication date, in words.
pub fn relation(d: NaiveDate, published: NaiveDate) -> String {
    let days = (d - published).num_days();
    match days {
        0 => "the day of publication".into(),
        -1 => "the day before publication".into(),
        1 => "the day after publication".into(),
        n if n < 0 => format!("{} days before publication ({published})", -n),
        n => format!("{n} days after publication ({published})"),
    }
}
