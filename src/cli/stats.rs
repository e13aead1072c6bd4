//! `gloss stats`: how complete the annotation is, per article and overall.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use gloss::analysis::analyze;

use super::{corpora_for, in_scope, Fatal};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Corpus folder (default: the current directory).
    pub path: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Annotated and still-missing counts for one kind of annotation.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Count {
    /// Annotations in the `.ann` file.
    pub annotated: usize,
    /// What the detectors find.
    pub detected: usize,
    /// Detected but not annotated.
    pub missing: usize,
}

impl Count {
    /// annotated / (annotated + missing); 1 when there is nothing to annotate.
    pub fn completeness(&self) -> f64 {
        let total = self.annotated + self.missing;
        if total == 0 {
            1.0
        } else {
            self.annotated as f64 / total as f64
        }
    }

    fn add(&mut self, o: Count) {
        self.annotated += o.annotated;
        self.detected += o.detected;
        self.missing += o.missing;
    }
}

#[derive(Debug, Serialize)]
struct ArticleStats {
    file: String,
    published: Option<String>,
    dates: Count,
    claims: Count,
    completeness: f64,
}

pub fn run(args: &StatsArgs, out: &mut dyn Write) -> Result<(), Fatal> {
    let paths: Vec<PathBuf> = args.path.iter().cloned().collect();
    let mut rows = Vec::new();
    let (mut dates, mut claims) = (Count::default(), Count::default());
    for (corpus, scope) in corpora_for(&paths, None)? {
        for a in corpus.articles().filter(|a| in_scope(&a.path, &scope)) {
            let an = analyze(&corpus, a);
            let d = Count {
                annotated: an.annotations.dates.len(),
                detected: an.timexes.len(),
                missing: an.unannotated_timexes().count(),
            };
            let c = Count {
                annotated: an.annotations.claims.len(),
                detected: an.claims.len(),
                missing: an.unannotated_claims().count(),
            };
            dates.add(d);
            claims.add(c);
            rows.push(ArticleStats {
                file: gloss::report::display(&a.path),
                published: an.dct.map(|d| d.to_string()),
                dates: d,
                claims: c,
                completeness: overall(d, c),
            });
        }
    }
    let w = |e: std::io::Error| Fatal(format!("writing output: {e}"));
    match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "articles": rows,
                "corpus": { "articles": rows.len(), "dates": dates, "claims": claims, "completeness": overall(dates, claims) },
            });
            serde_json::to_writer_pretty(&mut *out, &v).map_err(|e| Fatal(e.to_string()))?;
            writeln!(out).map_err(w)?;
        }
        Format::Human => {
            writeln!(
                out,
                "{:<40} {:>11} {:>13} {:>9}",
                "article", "dates", "claims", "complete"
            )
            .map_err(w)?;
            for r in &rows {
                writeln!(
                    out,
                    "{:<40} {:>11} {:>13} {:>8.0}%",
                    r.file,
                    frac(r.dates),
                    frac(r.claims),
                    r.completeness * 100.0
                )
                .map_err(w)?;
            }
            writeln!(
                out,
                "{:<40} {:>11} {:>13} {:>8.0}%",
                format!("corpus ({} articles)", rows.len()),
                frac(dates),
                frac(claims),
                overall(dates, claims) * 100.0
            )
            .map_err(w)?;
        }
    }
    Ok(())
}

fn frac(c: Count) -> String {
    format!("{}/{}", c.annotated, c.annotated + c.missing)
}

fn overall(d: Count, c: Count) -> f64 {
    let mut t = d;
    t.add(c);
    t.completeness()
}
