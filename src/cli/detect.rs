//! `gloss detect`: what the detectors find in raw text, as JSON Lines.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde_json::{json, Value};

use gloss::corpus::{Corpus, MANIFEST, REGISTRY};
use gloss::detect::{claims, temporal};
use gloss::manifest::Manifest;
use gloss::registry::{parse_loose_date, Registry};
use gloss::text::{decode, LineIndex};

use super::Fatal;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Json,
}

#[derive(Args, Debug)]
pub struct DetectArgs {
    /// Article files; `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The publication date to resolve relative dates against (default: the
    /// article's `published` in gloss.toml).
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub dct: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    parse_loose_date(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

pub fn run(args: &DetectArgs, out: &mut dyn Write) -> Result<(), Fatal> {
    for file in &args.files {
        let (bytes, root, shown) = if file.as_os_str() == "-" {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| Fatal(format!("standard input: {e}")))?;
            (b, Corpus::find_root(Path::new(".")), "-".to_owned())
        } else {
            let b = std::fs::read(file).map_err(|e| Fatal(format!("{}: {e}", file.display())))?;
            (b, Corpus::find_root(file), gloss::report::display(file))
        };
        let registry = Registry::load(&root.join(REGISTRY))
            .map_err(|e| Fatal(format!("{}: {e}", root.join(REGISTRY).display())))?;
        let dct = args.dct.or_else(|| {
            let manifest = Manifest::load(&root.join(MANIFEST)).ok()?;
            let mut c = Corpus::empty(&root);
            c.manifest = std::sync::Arc::new(manifest);
            let rel = c.rel_path(file)?;
            c.manifest.article(&rel)?.published
        });
        let (text, _) = decode(&bytes);
        let v = detect_json(&shown, &text, dct, &registry);
        serde_json::to_writer(&mut *out, &v).map_err(|e| Fatal(format!("writing output: {e}")))?;
        writeln!(out).map_err(|e| Fatal(format!("writing output: {e}")))?;
    }
    Ok(())
}

/// The JSON object for one text: dates, claims and mentions, offsets in code points.
pub fn detect_json(file: &str, text: &str, dct: Option<NaiveDate>, registry: &Registry) -> Value {
    let idx = LineIndex::new(text);
    let cp = |b: usize| idx.byte_to_char(text, b);
    let span = |r: &std::ops::Range<usize>| json!({ "start": cp(r.start), "end": cp(r.end) });
    let matcher = gloss::detect::mentions::MentionMatcher::new(registry);
    let mentions = matcher.find(text);
    let dates: Vec<Value> = temporal::tag(text, dct)
        .iter()
        .map(|t| json!({ "start": cp(t.span.start), "end": cp(t.span.end), "text": &text[t.span.clone()], "type": t.kind.timex(), "value": t.value }))
        .collect();
    let claims: Vec<Value> = claims::detect(text, &mentions, registry)
        .iter()
        .map(|c| {
            let source = c.source.as_ref().map(|s| {
                let mut v = span(s);
                v["entity"] = json!(c.entity);
                v
            });
            json!({
                "start": cp(c.span.start), "end": cp(c.span.end),
                "cue": span(&c.cue),
                "source": source,
                "content": c.content.as_ref().map(span),
            })
        })
        .collect();
    let mentions: Vec<Value> = mentions
        .iter()
        .map(|m| {
            let entity = if m.entities.len() == 1 { json!(m.entities[0]) } else { Value::Null };
            json!({ "start": cp(m.span.start), "end": cp(m.span.end), "text": &text[m.span.clone()], "entity": entity, "candidates": m.entities })
        })
        .collect();
    json!({ "file": file, "dct": dct.map(|d| d.to_string()), "dates": dates, "claims": claims, "mentions": mentions })
}
