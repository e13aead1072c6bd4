//! The `gloss` command.

mod cli;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// gloss: lint and language server for annotated news corpora.
#[derive(Parser)]
#[command(name = "gloss", version, about, long_about = None)]
struct Cli {
    /// Start the language server on standard input/output (same as `gloss serve`).
    #[arg(long)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Lint a corpus: unannotated dates and claims, broken annotations, registry problems.
    Check(cli::check::CheckArgs),
    /// Print what the detectors find in articles, as JSON Lines.
    Detect(cli::detect::DetectArgs),
    /// Annotation completeness per article and for the corpus.
    Stats(cli::stats::StatsArgs),
    /// Start the language server on standard input/output.
    Serve {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Evaluate the detectors on an annotated corpus.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// TempEval-3 scores on TimeML files (TIMEX3 with a DCT).
    Timeml {
        dir: PathBuf,
        /// List every missed, spurious or mis-valued expression.
        #[arg(long)]
        errors: bool,
        /// Score this JSON Lines file of another system's predictions instead
        /// of running gloss (offsets in code points of the raw text).
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
    /// Attribution scores on a PolNeAR-layout directory (text/, attributions/).
    Attribution {
        dir: PathBuf,
        /// List every missed and spurious claim.
        #[arg(long)]
        errors: bool,
        /// On the articles two annotators annotated, score the second
        /// annotator against the first, next to gloss on the same articles.
        #[arg(long, conflicts_with = "errors")]
        agreement: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result: Result<ExitCode, String> = match cli.command {
        Some(Command::Check(args)) => match cli::check::run(&args, &mut out) {
            Ok(failed) => Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }),
            Err(e) => Err(e.0),
        },
        Some(Command::Detect(args)) => cli::detect::run(&args, &mut out)
            .map(|_| ExitCode::SUCCESS)
            .map_err(|e| e.0),
        Some(Command::Stats(args)) => cli::stats::run(&args, &mut out)
            .map(|_| ExitCode::SUCCESS)
            .map_err(|e| e.0),
        Some(Command::Eval {
            what:
                EvalCommand::Timeml {
                    dir,
                    errors,
                    predictions,
                },
        }) => match predictions {
            Some(p) => gloss::eval::timeml::run_predictions(&dir, &p, errors, &mut out),
            None => gloss::eval::timeml::run(&dir, errors, &mut out),
        }
        .map(|_| ExitCode::SUCCESS)
        .map_err(|e| format!("{e:#}")),
        Some(Command::Eval {
            what:
                EvalCommand::Attribution {
                    dir,
                    errors,
                    agreement,
                },
        }) => if agreement {
            gloss::eval::attribution::run_agreement(&dir, &mut out)
        } else {
            gloss::eval::attribution::run(&dir, errors, &mut out)
        }
        .map(|_| ExitCode::SUCCESS)
        .map_err(|e| format!("{e:#}")),
        Some(Command::Serve { .. }) => serve(out),
        None if cli.stdio => serve(out),
        None => Err("no command given; see `gloss --help`".into()),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            let _ = std::io::stdout().flush();
            eprintln!("gloss: error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The language server owns stdout: nothing else may write there.
fn serve(out: std::io::StdoutLock<'static>) -> Result<ExitCode, String> {
    drop(out);
    gloss::lsp::serve_stdio()
        .map(|_| ExitCode::SUCCESS)
        .map_err(|e| format!("{e:#}"))
}
