//! Attribution evaluation on a PolNeAR-layout directory.
//!
//! `DIR/text/NAME.txt` holds the articles and `DIR/attributions/NAME_ANNOTATOR.ann`
//! their attributions in brat standoff (offsets in code points): `Source`,
//! `Cue` and `Content` text-bound lines tied together by `Attribution` (or
//! `Attribution-no-source`) events. When an article has several annotators,
//! the first file in name order is the reference.
//!
//! Scores, for gloss and for a plain-regex baseline, with the same scorer:
//!
//! - **claim recall**: gold attributions whose cue or content overlaps the
//!   span of some detected claim;
//! - **claim precision**: detected claims whose span overlaps some gold
//!   source, cue or content span;
//! - **exact cue** precision and recall: a detected cue is right when its byte
//!   range equals a gold cue's range exactly. A discontinuous gold cue
//!   ("quoted ... as saying") is matched by any one of its fragments, and
//!   counts once.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use anyhow::Context;
use regex::Regex;

use crate::ann::AnnDoc;
use crate::detect::claims;
use crate::detect::Claim;
use crate::registry::Registry;
use crate::text::{decode, LineIndex};

/// One gold attribution, in byte ranges.
#[derive(Debug, Clone, Default)]
pub struct GoldAttribution {
    pub source: Vec<Range<usize>>,
    pub cue: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

/// Which detector to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Gloss,
    /// Quote marks plus `said|says|told|according to`, nothing else.
    Baseline,
}

/// Counts behind the scores.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub gold: usize,
    pub gold_found: usize,
    pub detected: usize,
    pub detected_right: usize,
    pub gold_cues: usize,
    pub gold_cues_exact: usize,
    pub detected_cues_exact: usize,
}

impl Counts {
    pub fn claim_precision(&self) -> f64 {
        ratio(self.detected_right, self.detected)
    }
    pub fn claim_recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }
    pub fn claim_f1(&self) -> f64 {
        f1(self.claim_precision(), self.claim_recall())
    }
    pub fn cue_precision(&self) -> f64 {
        ratio(self.detected_cues_exact, self.detected)
    }
    pub fn cue_recall(&self) -> f64 {
        ratio(self.gold_cues_exact, self.gold_cues)
    }
    pub fn cue_f1(&self) -> f64 {
        f1(self.cue_precision(), self.cue_recall())
    }
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.gold_found += o.gold_found;
        self.detected += o.detected;
        self.detected_right += o.detected_right;
        self.gold_cues += o.gold_cues;
        self.gold_cues_exact += o.gold_cues_exact;
        self.detected_cues_exact += o.detected_cues_exact;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Read the gold attributions of one `.ann` file against its text.
pub fn read_gold(text: &str, ann: &str) -> Vec<GoldAttribution> {
    let doc = AnnDoc::parse(ann);
    let index = LineIndex::new(text);
    let ranges = |id: &str| -> Vec<Range<usize>> {
        let Some(t) = doc.text_bound(id) else {
            return Vec::new();
        };
        t.fragments
            .iter()
            .filter_map(|&(s, e)| {
                let s = index.char_to_byte(text, s)?;
                let e = index.char_to_byte(text, e)?;
                (s < e).then_some(s..e)
            })
            .collect()
    };
    let mut out = Vec::new();
    for ev in doc.events() {
        if !ev.label.starts_with("Attribution") {
            continue;
        }
        let g = GoldAttribution {
            source: ev.arg("Source").map(&ranges).unwrap_or_default(),
            cue: ev.arg("Cue").map(&ranges).unwrap_or_default(),
            content: ev.arg("Content").map(&ranges).unwrap_or_default(),
        };
        if !g.cue.is_empty() || !g.content.is_empty() {
            out.push(g);
        }
    }
    out
}

static BASELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:said|says|told|according to)\b|"[^"\n]*"|“[^”\n]*”"#)
        .unwrap_or_else(|e| panic!("baseline pattern: {e}"))
});

/// The plain-regex baseline: every quotation and every `said`, `says`,
/// `told`, `according to` is a claim whose cue is the match itself.
pub fn baseline(text: &str) -> Vec<Claim> {
    BASELINE
        .find_iter(text)
        .map(|m| Claim {
            span: m.range(),
            cue: m.range(),
            source: None,
            entity: None,
            content: None,
        })
        .collect()
}

/// Score one article; with `log`, describe each error.
pub fn score(
    text: &str,
    gold: &[GoldAttribution],
    detected: &[Claim],
    mut log: Option<&mut Vec<String>>,
) -> Counts {
    let mut c = Counts {
        gold: gold.len(),
        detected: detected.len(),
        ..Counts::default()
    };
    let all_gold: Vec<&Range<usize>> = gold
        .iter()
        .flat_map(|g| g.source.iter().chain(&g.cue).chain(&g.content))
        .collect();
    for g in gold {
        let found = detected
            .iter()
            .any(|d| g.cue.iter().chain(&g.content).any(|r| overlaps(r, &d.span)));
        if found {
            c.gold_found += 1;
        } else if let Some(log) = log.as_deref_mut() {
            let at = g.cue.first().or(g.content.first()).cloned().unwrap_or(0..0);
            log.push(format!(
                "MISS  cue {:?}  {}",
                join(text, &g.cue),
                context(text, &at)
            ));
        }
        if !g.cue.is_empty() {
            c.gold_cues += 1;
            if detected.iter().any(|d| g.cue.contains(&d.cue)) {
                c.gold_cues_exact += 1;
            }
        }
    }
    let gold_cues: HashSet<&Range<usize>> = gold.iter().flat_map(|g| &g.cue).collect();
    for d in detected {
        if all_gold.iter().any(|r| overlaps(r, &d.span)) {
            c.detected_right += 1;
        } else if let Some(log) = log.as_deref_mut() {
            log.push(format!(
                "FALSE cue {:?}  {}",
                slice(text, &d.cue),
                context(text, &d.cue)
            ));
        }
        if gold_cues.contains(&d.cue) {
            c.detected_cues_exact += 1;
        } else if let Some(log) = log.as_deref_mut() {
            let near = gold
                .iter()
                .find(|g| g.cue.iter().any(|r| overlaps(r, &d.cue)))
                .map(|g| join(text, &g.cue));
            if let Some(near) = near {
                log.push(format!(
                    "CUE   {:?} gold {:?}  {}",
                    slice(text, &d.cue),
                    near,
                    context(text, &d.cue)
                ));
            } else {
                log.push(format!(
                    "XCUE  {:?}  {}",
                    slice(text, &d.cue),
                    context(text, &d.cue)
                ));
            }
        }
    }
    if let Some(log) = log.as_deref_mut() {
        for d in detected {
            content_end(text, gold, d, log);
        }
    }
    if let Some(log) = log {
        for g in gold {
            if !g.cue.is_empty()
                && !detected.iter().any(|d| g.cue.contains(&d.cue))
                && !detected
                    .iter()
                    .any(|d| g.cue.iter().any(|r| overlaps(r, &d.cue)))
            {
                log.push(format!(
                    "NOCUE {:?}  {}",
                    join(text, &g.cue),
                    context(text, &g.cue[0])
                ));
            }
        }
    }
    c
}

/// Where a detected content ends against the gold content it overlaps
/// most: `LONG` with the text it runs over (`LONG+` when a gold cue lies
/// in it), `SHORT` with the text it leaves out. Trailing punctuation and quote marks do not count.
fn content_end(text: &str, gold: &[GoldAttribution], d: &Claim, log: &mut Vec<String>) {
    let Some(dc) = d.content.clone() else {
        return;
    };
    let shared = |g: &GoldAttribution| {
        g.content
            .iter()
            .map(|r| r.end.min(dc.end).saturating_sub(r.start.max(dc.start)))
            .sum::<usize>()
    };
    let Some(g) = gold
        .iter()
        .filter(|g| shared(g) > 0)
        .max_by_key(|g| (g.cue.contains(&d.cue), shared(g)))
    else {
        return;
    };
    let Some(gold_end) = g.content.iter().map(|r| r.end).max() else {
        return;
    };
    let trim = |end: usize| {
        let head = text.get(..end).unwrap_or("");
        head.trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?\"'“”‘’".contains(c))
            .len()
    };
    let (ge, de) = (trim(gold_end), trim(dc.end));
    if de > ge {
        // A gold cue in the part run over is one the sentence scan skipped.
        let skipped = gold
            .iter()
            .flat_map(|g| &g.cue)
            .any(|r| r.start >= ge && r.end <= de);
        log.push(format!(
            "LONG{} {:?} cue {:?}  {}",
            if skipped { "+" } else { " " },
            slice(text, &(ge..de)),
            slice(text, &d.cue),
            context(text, &(ge..de))
        ));
    } else if de < ge {
        log.push(format!(
            "SHORT {:?} cue {:?}  {}",
            slice(text, &(de..ge)),
            slice(text, &d.cue),
            context(text, &(de..ge))
        ));
    }
}

fn slice<'a>(text: &'a str, r: &Range<usize>) -> &'a str {
    text.get(r.clone()).unwrap_or("")
}

fn join(text: &str, rs: &[Range<usize>]) -> String {
    rs.iter()
        .map(|r| slice(text, r))
        .collect::<Vec<_>>()
        .join(" … ")
}

/// About 60 bytes either side of `r`, on one line, with `r` in brackets.
fn context(text: &str, r: &Range<usize>) -> String {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let a = floor(r.start.saturating_sub(60));
    let s = floor(r.start);
    let e = floor(r.end.max(r.start));
    let b = floor(r.end.saturating_add(60));
    let one = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    format!(
        "…{}[{}]{}…",
        one(&text[a..s]),
        one(&text[s..e]),
        one(&text[e..b])
    )
}

/// The articles of a PolNeAR-layout directory in name order: (name, text,
/// gold of the first annotator).
pub fn articles(dir: &Path) -> anyhow::Result<Vec<(String, String, Vec<GoldAttribution>)>> {
    Ok(annotated(dir, 1, 1)?
        .into_iter()
        .map(|(name, text, mut golds)| (name, text, golds.swap_remove(0)))
        .collect())
}

/// An article's name, its text and each annotator's attributions.
type Annotated = (String, String, Vec<Vec<GoldAttribution>>);

/// The articles with at least `min` annotators' files, in name order:
/// (name, text, gold of the first `max` annotators in file-name order).
fn annotated(dir: &Path, min: usize, max: usize) -> anyhow::Result<Vec<Annotated>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in
        std::fs::read_dir(&ann_dir).with_context(|| format!("reading {}", ann_dir.display()))?
    {
        let name = e?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".ann") {
            if let Some((article, _annotator)) = stem.rsplit_once('_') {
                anns.entry(article.to_owned())
                    .or_default()
                    .push(name.clone());
            }
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let stem = name.trim_end_matches(".txt");
        let Some(files) = anns.get_mut(stem) else {
            continue;
        };
        if files.len() < min.max(1) {
            continue;
        }
        files.sort();
        let bytes = std::fs::read(text_dir.join(&name))?;
        let (text, _) = decode(&bytes);
        let mut golds = Vec::with_capacity(files.len());
        for f in files.iter().take(max) {
            let ann_bytes = std::fs::read(ann_dir.join(f))?;
            let (ann, _) = decode(&ann_bytes);
            golds.push(read_gold(&text, &ann));
        }
        out.push((stem.to_owned(), text, golds));
    }
    Ok(out)
}

/// The attributions of one annotator as a system's claims: the span covers
/// source, cue and content; the cue is the first fragment of a
/// discontinuous cue (the scorer matches any one fragment of a gold cue).
pub fn as_claims(gold: &[GoldAttribution]) -> Vec<Claim> {
    gold.iter()
        .filter_map(|g| {
            let all = g.source.iter().chain(&g.cue).chain(&g.content);
            let start = all.clone().map(|r| r.start).min()?;
            let end = all.map(|r| r.end).max()?;
            Some(Claim {
                span: start..end,
                cue: g.cue.first().cloned().unwrap_or(start..start),
                source: g.source.first().cloned(),
                entity: None,
                content: g.content.first().cloned(),
            })
        })
        .collect()
}

/// Scores on the articles that two annotators annotated: the second
/// annotator scored against the first (how far people agree under this
/// scorer), and gloss against the first on the same articles.
#[derive(Debug, Clone, Copy, Default)]
pub struct Agreement {
    pub articles: usize,
    pub second_annotator: Counts,
    pub gloss: Counts,
}

/// Read every article of `dir` that has two or more annotators' files and
/// score the second file, and gloss, against the first.
pub fn agreement(dir: &Path) -> anyhow::Result<Agreement> {
    let registry = Registry::empty();
    let mut out = Agreement::default();
    for (_, text, golds) in annotated(dir, 2, 2)? {
        let [first, second, ..] = golds.as_slice() else {
            continue;
        };
        out.articles += 1;
        out.second_annotator
            .add(&score(&text, first, &as_claims(second), None));
        let detected = claims::detect(&text, &[], &registry);
        out.gloss.add(&score(&text, first, &detected, None));
    }
    Ok(out)
}

/// Print [`agreement`] as a table.
pub fn run_agreement(dir: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let a = agreement(dir)?;
    writeln!(
        out,
        "{} articles with two annotators, {} attributions by the first",
        a.articles, a.gloss.gold
    )?;
    writeln!(out, "{:<22} {:>8} {:>8}", "", "second", "gloss")?;
    print_rows(&a.second_annotator, &a.gloss, out)
}

/// Score a system over a directory; errors go to `log` when given.
pub fn evaluate(
    dir: &Path,
    system: System,
    mut log: Option<&mut Vec<String>>,
) -> anyhow::Result<(usize, Counts)> {
    let registry = Registry::empty();
    let mut total = Counts::default();
    let arts = articles(dir)?;
    for (name, text, gold) in &arts {
        let detected = match system {
            System::Gloss => claims::detect(text, &[], &registry),
            System::Baseline => baseline(text),
        };
        let mut local = Vec::new();
        let c = score(text, gold, &detected, log.is_some().then_some(&mut local));
        if let Some(log) = log.as_deref_mut() {
            for l in local {
                log.push(format!("{name}: {l}"));
            }
        }
        total.add(&c);
    }
    Ok((arts.len(), total))
}

/// Detect claims in every article under `dir/text` and score them against
/// the first annotator's file in `dir/attributions`, next to the baseline;
/// with `errors`, list gloss's misses and false alarms.
pub fn run(dir: &Path, errors: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    run_with(dir, errors, System::Gloss, out)
}

/// Like [`run`], listing the errors of `system` when `errors` is set.
pub fn run_with(
    dir: &Path,
    errors: bool,
    system: System,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut log = Vec::new();
    let (n, gloss) = evaluate(
        dir,
        System::Gloss,
        (errors && system == System::Gloss).then_some(&mut log),
    )?;
    let (_, base) = evaluate(
        dir,
        System::Baseline,
        (errors && system == System::Baseline).then_some(&mut log),
    )?;
    for l in &log {
        writeln!(out, "{l}")?;
    }
    writeln!(
        out,
        "{n} articles, {} gold attributions, {} gold cues",
        gloss.gold, gloss.gold_cues
    )?;
    writeln!(out, "{:<22} {:>8} {:>8}", "", "gloss", "baseline")?;
    print_rows(&gloss, &base, out)
}

/// The score rows and the counts behind them, for two columns.
fn print_rows(a: &Counts, b: &Counts, out: &mut dyn Write) -> anyhow::Result<()> {
    type Score = fn(&Counts) -> f64;
    let rows: [(&str, Score); 6] = [
        ("claim precision", Counts::claim_precision),
        ("claim recall", Counts::claim_recall),
        ("claim F1", Counts::claim_f1),
        ("exact-cue precision", Counts::cue_precision),
        ("exact-cue recall", Counts::cue_recall),
        ("exact-cue F1", Counts::cue_f1),
    ];
    for (label, f) in rows {
        writeln!(out, "{label:<22} {:>8.1} {:>8.1}", f(a), f(b))?;
    }
    // With the counts behind precision and recall, so that a change too
    // small for one decimal still shows.
    type Count = fn(&Counts) -> usize;
    let counts: [(&str, Count); 4] = [
        ("detected claims", |c| c.detected),
        ("claims overlapping", |c| c.detected_right),
        ("gold found", |c| c.gold_found),
        ("exact cues", |c| c.detected_cues_exact),
    ];
    for (label, f) in counts {
        writeln!(out, "{label:<22} {:>8} {:>8}", f(a), f(b))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gold_in_code_points() {
        let text = "“Hé,” Ann said.";
        let ann = "T1\tSource 6 9\tAnn\nT2\tCue 10 14\tsaid\nT3\tContent 0 5\t“Hé,”\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let g = read_gold(text, ann);
        assert_eq!(g.len(), 1);
        assert_eq!(&text[g[0].cue[0].clone()], "said");
        assert_eq!(&text[g[0].source[0].clone()], "Ann");
        let d = vec![Claim {
            span: g[0].content[0].start..g[0].cue[0].end,
            cue: g[0].cue[0].clone(),
            source: None,
            entity: None,
            content: None,
        }];
        let c = score(text, &g, &d, None);
        assert_eq!(
            (c.gold_found, c.detected_right, c.gold_cues_exact),
            (1, 1, 1)
        );
    }

    /// Two annotators of one article, a third article with one: only the
    /// doubly annotated article is scored, the second file against the
    /// first, with the same counts as `score`.
    #[test]
    fn agreement_scores_the_second_annotator_against_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let (text_dir, ann_dir) = (dir.path().join("text"), dir.path().join("attributions"));
        std::fs::create_dir_all(&text_dir).unwrap();
        std::fs::create_dir_all(&ann_dir).unwrap();
        let text = "Ann said it rained. Bob thinks it will snow.";
        std::fs::write(text_dir.join("a.txt"), text).unwrap();
        std::fs::write(text_dir.join("b.txt"), text).unwrap();
        // The first annotator: two attributions, cues "said" and "thinks".
        let first = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 18\tit rained\n\
                     E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n\
                     T4\tSource 20 23\tBob\nT5\tCue 24 30\tthinks\nT6\tContent 31 43\tit will snow\n\
                     E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n";
        // The second: the first attribution only, its cue "Ann said".
        let second = "T1\tCue 0 8\tAnn said\nT2\tContent 9 18\tit rained\n\
                      E1\tAttribution-no-source:T1 Cue:T1 Content:T2\n";
        std::fs::write(ann_dir.join("a_x1.ann"), first).unwrap();
        std::fs::write(ann_dir.join("a_y2.ann"), second).unwrap();
        std::fs::write(ann_dir.join("b_x1.ann"), first).unwrap();
        let a = agreement(dir.path()).unwrap();
        assert_eq!(a.articles, 1);
        let c = a.second_annotator;
        assert_eq!((c.gold, c.gold_found), (2, 1));
        assert_eq!((c.detected, c.detected_right), (1, 1));
        assert_eq!((c.gold_cues_exact, c.detected_cues_exact), (0, 0));
        assert_eq!(a.gloss.gold, 2);
        // The other way round, every attribution of the first is found.
        let back = score(
            text,
            &read_gold(text, second),
            &as_claims(&read_gold(text, first)),
            None,
        );
        assert_eq!((back.gold, back.gold_found, back.detected_right), (1, 1, 1));
    }
}
