use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// gloss: lint and language server for annotated news corpora.
#[derive(Parser)]
#[command(name = "gloss", version, about)]
struct Cli {
    /// Start the language server on standard input/output (same as `gloss serve`).
    #[arg(long)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
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
    let result = match cli.command {
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
        },
        Some(Command::Eval {
            what: EvalCommand::Attribution { dir, errors },
        }) => gloss::eval::attribution::run(&dir, errors, &mut out),
        None => {
            let _ = cli.stdio;
            anyhow::bail_usage()
        }
    };
    let _ = out.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gloss: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

mod anyhow {
    pub fn bail_usage() -> ::anyhow::Result<()> {
        ::anyhow::bail!("no command given; see `gloss --help`")
    }
}
