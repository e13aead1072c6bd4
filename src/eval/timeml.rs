//! TempEval-3 evaluation of the temporal tagger on TimeML files.
//!
//! Reads every `*.tml` file under a directory (recursively), takes the
//! document creation time from the `TIMEX3` inside `<DCT>`, strips all markup
//! inside `<TEXT>` (decoding the five XML entities) to get the raw text, and
//! compares the `TIMEX3` elements found there with what [`tag`] returns for
//! that raw text and DCT.
//!
//! Scores follow the TempEval-3 conventions: a *relaxed* match is any overlap
//! between a gold and a system span, a *strict* match an identical span; the
//! *type* and *value* scores are the attribute accuracy over relaxed matches
//! multiplied by the relaxed F1 (as the official TempEval-3 scorer computes
//! its "attribute F1").
//!
//! Instead of running the tagger, [`run_predictions`] scores a JSON Lines
//! file of another system's output, one line per document:
//! `{"file": "TimeBank/ABC19980108.1830.0711.tml", "timexes": [{"start": 12,
//! "end": 16, "type": "DATE", "value": "1998-01-08"}]}` where `file` is the
//! path relative to the directory and offsets count Unicode code points into
//! the raw text described above.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::detect::temporal::tag;
use crate::detect::{Timex, TimexType};

/// One TimeML document: raw text, DCT and gold expressions.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the evaluated directory, with `/` separators.
    pub name: String,
    pub text: String,
    pub dct: Option<NaiveDate>,
    pub gold: Vec<Timex>,
}

/// Tag every TimeML file under `dir` with its DCT and print TempEval-3
/// scores to `out`; with `errors`, list every mismatch too.
pub fn run(dir: &Path, errors: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let docs = load_dir(dir)?;
    let system: Vec<Vec<Timex>> = docs.iter().map(|d| tag(&d.text, d.dct)).collect();
    report(&docs, &system, errors, out)
}

/// Score a JSON Lines file of predictions (see the module documentation)
/// against the TimeML files under `dir`. Documents without a line count as
/// having no predictions.
pub fn run_predictions(
    dir: &Path,
    predictions: &Path,
    errors: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let docs = load_dir(dir)?;
    let raw = std::fs::read_to_string(predictions)
        .with_context(|| format!("reading {}", predictions.display()))?;
    let mut by_file: HashMap<String, Vec<PredTimex>> = HashMap::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let p: PredLine = serde_json::from_str(line)
            .with_context(|| format!("{}:{}", predictions.display(), n + 1))?;
        by_file
            .entry(p.file.replace('\\', "/"))
            .or_default()
            .extend(p.timexes);
    }
    let mut system = Vec::with_capacity(docs.len());
    for d in &docs {
        let preds = by_file.remove(&d.name).unwrap_or_default();
        let starts = char_starts(&d.text);
        let mut v = Vec::new();
        for p in preds {
            let (Some(&s), Some(&e)) = (starts.get(p.start), starts.get(p.end)) else {
                anyhow::bail!("{}: offsets {}..{} out of range", d.name, p.start, p.end);
            };
            if s >= e {
                continue;
            }
            let kind = TimexType::from_label(&p.kind).unwrap_or(TimexType::Date);
            v.push(Timex {
                span: s..e,
                kind,
                value: p.value,
            });
        }
        v.sort_by_key(|t| (t.span.start, t.span.end));
        system.push(v);
    }
    if !by_file.is_empty() {
        let mut names: Vec<_> = by_file.keys().cloned().collect();
        names.sort();
        writeln!(
            out,
            "warning: {} prediction file(s) not found under {}: {}",
            names.len(),
            dir.display(),
            names.join(", ")
        )?;
    }
    report(&docs, &system, errors, out)
}

#[derive(Deserialize)]
struct PredLine {
    file: String,
    #[serde(default)]
    timexes: Vec<PredTimex>,
}

#[derive(Deserialize)]
struct PredTimex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    value: String,
}

/// Byte offset of every code point, plus the text length at the end.
fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// Load every `*.tml` file under `dir`, sorted by path.
pub fn load_dir(dir: &Path) -> anyhow::Result<Vec<Document>> {
    let mut files = Vec::new();
    collect_tml(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        anyhow::bail!("no .tml files under {}", dir.display());
    }
    let mut docs = Vec::with_capacity(files.len());
    for f in files {
        let raw =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let name = f
            .strip_prefix(dir)
            .unwrap_or(&f)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let doc =
            parse_document(&name, &raw).with_context(|| format!("parsing {}", f.display()))?;
        docs.push(doc);
    }
    Ok(docs)
}

fn collect_tml(dir: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_tml(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "tml" || e == "TML") {
            files.push(path);
        }
    }
    Ok(())
}

/// Parse one TimeML document.
pub fn parse_document(name: &str, raw: &str) -> anyhow::Result<Document> {
    let dct = raw.find("<DCT>").and_then(|i| {
        let rest = &raw[i..];
        let end = rest.find("</DCT>")?;
        let value = attr(&rest[..end], "value")?;
        parse_dct(&value)
    });
    let start = raw.find("<TEXT>").context("no <TEXT> element")? + "<TEXT>".len();
    let end = raw[start..]
        .find("</TEXT>")
        .map(|e| start + e)
        .context("no </TEXT>")?;
    let body = &raw[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    // Open TIMEX3 elements: (start offset in text, type, value).
    let mut open: Vec<(usize, TimexType, String)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut text, &rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            push_decoded(&mut text, &rest[lt..]);
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        if let Some(t) = tag.strip_prefix("TIMEX3") {
            let kind = attr(t, "type")
                .and_then(|k| TimexType::from_label(&k))
                .unwrap_or(TimexType::Date);
            let value = attr(t, "value").unwrap_or_default();
            if t.trim_end().ends_with('/') {
                // Empty TIMEX3 (no extent): not a text annotation.
            } else {
                open.push((text.len(), kind, value));
            }
        } else if tag.starts_with("/TIMEX3") {
            if let Some((s, kind, value)) = open.pop() {
                if s < text.len() {
                    gold.push(Timex {
                        span: s..text.len(),
                        kind,
                        value,
                    });
                }
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    push_decoded(&mut text, rest);
    gold.sort_by_key(|t| (t.span.start, t.span.end));
    Ok(Document {
        name: name.to_string(),
        text,
        dct,
        gold,
    })
}

fn parse_dct(v: &str) -> Option<NaiveDate> {
    let d = v.get(..10)?;
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().or_else(|| {
        let d = v.get(..8)?;
        NaiveDate::parse_from_str(d, "%Y%m%d").ok()
    })
}

/// The value of attribute `name` in the inside of a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    loop {
        let i = search.find(name)?;
        let before_ok = i == 0 || search.as_bytes()[i - 1].is_ascii_whitespace();
        let after = search[i + name.len()..].trim_start();
        if before_ok {
            if let Some(after) = after.strip_prefix('=') {
                let after = after.trim_start();
                let q = after.chars().next()?;
                if q == '"' || q == '\'' {
                    let inner = &after[1..];
                    let end = inner.find(q)?;
                    let mut s = String::new();
                    push_decoded(&mut s, &inner[..end]);
                    return Some(s);
                }
            }
        }
        search = &search[i + name.len()..];
    }
}

fn push_decoded(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let ents = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ];
        match ents.iter().find(|(e, _)| tail.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &tail[e.len()..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Counts behind the TempEval-3 scores.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

/// The scores, in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub strict_p: f64,
    pub strict_r: f64,
    pub strict_f: f64,
    pub relaxed_p: f64,
    pub relaxed_r: f64,
    pub relaxed_f: f64,
    pub type_f: f64,
    pub value_f: f64,
}

impl Counts {
    pub fn scores(&self) -> Scores {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let f = |p: f64, r: f64| {
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        let strict_p = pct(self.strict, self.system);
        let strict_r = pct(self.strict, self.gold);
        let relaxed_p = pct(self.relaxed, self.system);
        let relaxed_r = pct(self.relaxed, self.gold);
        let relaxed_f = f(relaxed_p, relaxed_r);
        Scores {
            strict_p,
            strict_r,
            strict_f: f(strict_p, strict_r),
            relaxed_p,
            relaxed_r,
            relaxed_f,
            type_f: pct(self.type_ok, self.relaxed) * relaxed_f / 100.0,
            value_f: pct(self.value_ok, self.relaxed) * relaxed_f / 100.0,
        }
    }
}

/// The outcome of aligning one document's gold and system expressions.
#[derive(Debug, Default)]
pub struct Alignment {
    pub counts: Counts,
    /// (gold index, system index) of every relaxed match.
    pub pairs: Vec<(usize, usize)>,
    pub missed: Vec<usize>,
    pub spurious: Vec<usize>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Align gold and system expressions one to one: exact spans first, then
/// any overlap, each gold taking the first free overlapping system span.
pub fn align(gold: &[Timex], system: &[Timex]) -> Alignment {
    let mut sys_used = vec![false; system.len()];
    let mut gold_match: Vec<Option<usize>> = vec![None; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(si) = (0..system.len()).find(|&si| !sys_used[si] && system[si].span == g.span) {
            sys_used[si] = true;
            gold_match[gi] = Some(si);
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if gold_match[gi].is_some() {
            continue;
        }
        if let Some(si) =
            (0..system.len()).find(|&si| !sys_used[si] && overlaps(&system[si].span, &g.span))
        {
            sys_used[si] = true;
            gold_match[gi] = Some(si);
        }
    }
    let mut a = Alignment {
        counts: Counts {
            gold: gold.len(),
            system: system.len(),
            ..Counts::default()
        },
        ..Alignment::default()
    };
    for (gi, m) in gold_match.iter().enumerate() {
        match m {
            Some(si) => {
                let (g, s) = (&gold[gi], &system[*si]);
                a.counts.relaxed += 1;
                if g.span == s.span {
                    a.counts.strict += 1;
                }
                if g.kind == s.kind {
                    a.counts.type_ok += 1;
                }
                if g.value == s.value {
                    a.counts.value_ok += 1;
                }
                a.pairs.push((gi, *si));
            }
            None => a.missed.push(gi),
        }
    }
    a.spurious = (0..system.len()).filter(|&si| !sys_used[si]).collect();
    a
}

fn show(text: &str, span: &Range<usize>) -> String {
    text.get(span.clone()).unwrap_or("?").replace('\n', " ")
}

fn context(text: &str, span: &Range<usize>) -> String {
    let s = crate::text::floor_char_boundary(text, span.start.saturating_sub(40));
    let e = crate::text::floor_char_boundary(text, (span.end + 30).min(text.len()));
    format!(
        "{}[{}]{}",
        text.get(s..span.start).unwrap_or(""),
        text.get(span.clone()).unwrap_or(""),
        text.get(span.end..e).unwrap_or("")
    )
    .replace('\n', " ")
}

fn report(
    docs: &[Document],
    system: &[Vec<Timex>],
    errors: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut total = Counts::default();
    for (d, sys) in docs.iter().zip(system) {
        let a = align(&d.gold, sys);
        let c = a.counts;
        total.gold += c.gold;
        total.system += c.system;
        total.strict += c.strict;
        total.relaxed += c.relaxed;
        total.type_ok += c.type_ok;
        total.value_ok += c.value_ok;
        if !errors {
            continue;
        }
        let dct = d.dct.map(|x| x.to_string()).unwrap_or_else(|| "-".into());
        for &gi in &a.missed {
            let g = &d.gold[gi];
            writeln!(
                out,
                "MISS\t{}\t{dct}\t{}\t{}\t{:?}\t{}",
                d.name,
                g.kind.timex(),
                g.value,
                show(&d.text, &g.span),
                context(&d.text, &g.span)
            )?;
        }
        for &si in &a.spurious {
            let s = &sys[si];
            writeln!(
                out,
                "SPUR\t{}\t{dct}\t{}\t{}\t{:?}\t{}",
                d.name,
                s.kind.timex(),
                s.value,
                show(&d.text, &s.span),
                context(&d.text, &s.span)
            )?;
        }
        for &(gi, si) in &a.pairs {
            let (g, s) = (&d.gold[gi], &sys[si]);
            let mut what = Vec::new();
            if g.span != s.span {
                what.push("SPAN");
            }
            if g.kind != s.kind {
                what.push("TYPE");
            }
            if g.value != s.value {
                what.push("VALUE");
            }
            if what.is_empty() {
                continue;
            }
            writeln!(
                out,
                "{}\t{}\t{dct}\tgold {} {} {:?}\tsys {} {} {:?}\t{}",
                what.join("+"),
                d.name,
                g.kind.timex(),
                g.value,
                show(&d.text, &g.span),
                s.kind.timex(),
                s.value,
                show(&d.text, &s.span),
                context(&d.text, &g.span)
            )?;
        }
    }
    let s = total.scores();
    writeln!(
        out,
        "documents {}  gold {}  system {}  strict matches {}  relaxed matches {}",
        docs.len(),
        total.gold,
        total.system,
        total.strict,
        total.relaxed
    )?;
    writeln!(out, "              P       R       F1")?;
    writeln!(
        out,
        "strict   {:7.2} {:7.2} {:7.2}",
        s.strict_p, s.strict_r, s.strict_f
    )?;
    writeln!(
        out,
        "relaxed  {:7.2} {:7.2} {:7.2}",
        s.relaxed_p, s.relaxed_r, s.relaxed_f
    )?;
    writeln!(out, "type F1  {:7.2}", s.type_f)?;
    writeln!(out, "value F1 {:7.2}", s.value_f)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_text_and_gold() {
        let raw = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>A <EVENT eid="e1">bad</EVENT> <TIMEX3 tid="t1" type="DURATION" value="P1W">week</TIMEX3> &amp; <TIMEX3 tid="t2" value="1998-01-07" type="DATE">yesterday</TIMEX3>.</TEXT></TimeML>"#;
        let d = parse_document("x.tml", raw).expect("parses");
        assert_eq!(d.text, "A bad week & yesterday.");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.gold.len(), 2);
        assert_eq!(&d.text[d.gold[0].span.clone()], "week");
        assert_eq!(d.gold[0].kind, TimexType::Duration);
        assert_eq!(&d.text[d.gold[1].span.clone()], "yesterday");
        assert_eq!(d.gold[1].value, "1998-01-07");
    }

    #[test]
    fn scores_relaxed_and_strict() {
        let t = |s: usize, e: usize, v: &str| Timex {
            span: s..e,
            kind: TimexType::Date,
            value: v.into(),
        };
        let gold = vec![t(0, 10, "a"), t(20, 25, "b"), t(40, 45, "c")];
        let sys = vec![t(0, 10, "a"), t(22, 30, "x"), t(50, 55, "d")];
        let a = align(&gold, &sys);
        assert_eq!(a.counts.strict, 1);
        assert_eq!(a.counts.relaxed, 2);
        assert_eq!(a.counts.value_ok, 1);
        assert_eq!(a.missed, vec![2]);
        assert_eq!(a.spurious, vec![2]);
        let s = a.counts.scores();
        assert!((s.relaxed_f - 66.666).abs() < 0.01);
        assert!((s.value_f - 33.333).abs() < 0.01);
    }
}
