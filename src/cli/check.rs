//! `gloss check`: the lint.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use gloss::analysis::FixDetail;
use gloss::diagnostics::Severity;
use gloss::report::Located;

use super::stream::{self, Render, Totals};
use super::{format, open_corpora_for, parse_shard, Fatal, OpenCorpus};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Corpus folders or files to lint (default: the current directory).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit 1 when a diagnostic at or above this severity is found.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Lint only shard I of N (1-based), for CI matrices. The registry is
    /// always loaded whole; articles are assigned by a stable hash of their path.
    #[arg(long, value_parser = parse_shard, value_name = "I/N")]
    pub shard: Option<(u64, u64)>,
    /// Colour in human output: auto (on a terminal), always or never.
    #[arg(long, default_value = "auto")]
    pub color: String,
}

/// Run the lint; returns whether anything reached `--fail-on`.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<bool, Fatal> {
    let corpora = open_corpora_for(&args.paths, args.shard)?;
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    // Standard output is line-buffered: without a buffer of our own every
    // line of a large report is one write(2).
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut totals = Totals::default();
    let res = write_report(args.format, color, &corpora, &mut buf, &mut totals)
        .and_then(|()| buf.flush());
    match res {
        // A closed pipe (`gloss check | head`) is not an error of the lint.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.map_err(|e| Fatal(format!("writing output: {e}")))?,
    }
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Hint => Severity::Hint,
        FailOn::Never => return Ok(false),
    };
    Ok(totals.max.is_some_and(|m| m >= threshold))
}

/// Write the whole report: the format's frame around every corpus's
/// diagnostics, streamed in report order.
fn write_report(
    fmt: Format,
    color: bool,
    corpora: &[OpenCorpus],
    out: &mut dyn Write,
    totals: &mut Totals,
) -> std::io::Result<()> {
    let human = move |b: &mut Vec<u8>, d: &Located| format::human_item(b, d, color);
    let render: &Render = match fmt {
        Format::Human => &human,
        Format::Json => &format::json_item,
        Format::Sarif => &format::sarif_result,
        Format::Github => &format::github_item,
    };
    let skip_first = match fmt {
        Format::Json | Format::Sarif => format::ITEM_SEPARATOR,
        Format::Human | Format::Github => 0,
    };
    let mut sarif_tail = Vec::new();
    match fmt {
        Format::Json => format::json_head(out)?,
        Format::Sarif => sarif_tail = format::sarif_head(out)?,
        Format::Human | Format::Github => {}
    }
    for (corpus, files, scope) in corpora {
        stream::corpus_report(
            corpus,
            files,
            scope,
            render,
            matches!(fmt, Format::Human),
            // The human and GitHub formats print at most a fix's title.
            match fmt {
                Format::Json | Format::Sarif => FixDetail::Full,
                Format::Human | Format::Github => FixDetail::TitlesOnly,
            },
            skip_first,
            out,
            totals,
        )?;
    }
    totals.summary.files_with_diagnostics = totals.files.len();
    match fmt {
        Format::Human => format::human_summary(out, &totals.summary, color),
        Format::Json => format::json_tail(out, totals.any, &totals.summary),
        Format::Sarif => format::sarif_tail(out, totals.any, &sarif_tail),
        Format::Github => Ok(()),
    }
}
