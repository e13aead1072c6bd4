//! `gloss check`: the lint.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use gloss::diagnostics::Severity;
use gloss::report::{Files, Located, Summary};

use super::{corpora_for, format, in_scope, parse_shard, Fatal};

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
    let corpora = corpora_for(&args.paths, args.shard)?;
    let mut located: Vec<Located> = Vec::new();
    let mut articles = 0;
    for (corpus, scope) in &corpora {
        let diags = corpus.check();
        let mut files = Files::new(corpus);
        articles += corpus
            .articles()
            .filter(|a| in_scope(&a.path, scope))
            .count();
        located.extend(
            diags
                .iter()
                .filter(|d| in_scope(&d.path, scope))
                .map(|d| files.locate(d)),
        );
    }
    let summary = Summary::new(articles, &located);
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    // Standard output is line-buffered: without a buffer of our own every
    // line of a large report is one write(2).
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let res = match args.format {
        Format::Human => format::human(&mut buf, &located, &summary, color),
        Format::Json => format::json(&mut buf, &located, &summary),
        Format::Sarif => format::sarif(&mut buf, &located),
        Format::Github => format::github(&mut buf, &located),
    }
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
    Ok(located.iter().any(|d| d.severity >= threshold))
}
