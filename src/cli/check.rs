//! `gloss check`: the lint.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use gloss::analysis::FixDetail;
use gloss::diagnostics::Severity;
use gloss::report::Located;

use super::cache::{CorpusCache, Settings};
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
#[command(after_help = CACHE_HELP)]
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
    /// Keep the result cache in DIR (default: $GLOSS_CACHE_DIR, else
    /// $XDG_CACHE_HOME/gloss, else ~/.cache/gloss).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the result cache.
    #[arg(long)]
    pub no_cache: bool,
}

const CACHE_HELP: &str = "\
Result cache: each article's report is kept, keyed by a hash of the article's \
.txt and .ann bytes, the registry, the manifest settings and entry that \
apply to it, the output format and this build of gloss, so re-checking an \
archive re-analyses only the articles that changed. The output is the same \
with or without it. One file per corpus, format and shard, in the user's \
cache folder, never in the corpus unless --cache-dir says so; a damaged or \
unwritable cache is ignored.";

/// Run the lint; returns whether anything reached `--fail-on`.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<bool, Fatal> {
    let corpora = open_corpora_for(&args.paths, args.shard)?;
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let settings = Settings::resolve(args.no_cache, args.cache_dir.as_deref());
    let (tag, full_fixes) = match args.format {
        Format::Human if color => ("human-color", false),
        Format::Human => ("human", false),
        Format::Json => ("json", true),
        Format::Sarif => ("sarif", true),
        Format::Github => ("github", false),
    };
    let mut caches: Vec<Option<CorpusCache>> = corpora
        .iter()
        .map(|(corpus, _, _)| {
            let s = settings.as_ref()?;
            Some(CorpusCache::open(s, corpus, tag, full_fixes, args.shard))
        })
        .collect();
    // Standard output is line-buffered: without a buffer of our own every
    // line of a large report is one write(2).
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut totals = Totals::default();
    let res = write_report(
        args.format,
        color,
        &corpora,
        &mut caches,
        &mut buf,
        &mut totals,
    )
    .and_then(|()| buf.flush());
    match res {
        // A closed pipe (`gloss check | head`) is not an error of the lint.
        // The report stopped short: the cache is not saved.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => {
            r.map_err(|e| Fatal(format!("writing output: {e}")))?;
            save_caches(caches);
        }
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
    caches: &mut [Option<CorpusCache>],
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
    for ((corpus, files, scope), cache) in corpora.iter().zip(caches) {
        stream::corpus_report(
            corpus,
            cache.as_mut(),
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

/// Save each corpus's cache, after the report is written. The cache only
/// saves time: what went wrong with it is one line on standard error at
/// most, never a failure of the lint.
fn save_caches(caches: Vec<Option<CorpusCache>>) {
    let mut note = None;
    for c in caches.into_iter().flatten() {
        let loaded = c.note.clone();
        let saved = c.finish();
        note = note.or(loaded).or(saved);
    }
    if let Some(n) = note {
        eprintln!("gloss: {n}");
    }
}
