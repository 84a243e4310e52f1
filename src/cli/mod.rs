//! Command-line parsing and dispatch. Errors reach the user through `anyhow`
//! here, at the binary's edge; the library itself uses typed errors.

pub mod ask;
pub mod check;
pub mod console;
pub mod db;
pub mod facts;
pub mod logging;
pub mod run;
pub mod schema;
pub mod source;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// histbot: Soviet Union–Yugoslavia and Russia–Serbia history, answered from
/// a checked fact base that quotes its sources word for word.
#[derive(Debug, Parser)]
#[command(name = "histbot", version, about, long_about = None)]
pub struct Cli {
    /// Log as JSON lines (for operators); the level comes from RUST_LOG.
    #[arg(long, global = true)]
    pub log_json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start every front end enabled in the config (the console when none is).
    Run(run::Args),
    /// Chat in the terminal (the embedded default: no account or token needed).
    Console(run::Args),
    /// Ask one question and print the reply.
    Ask(ask::Args),
    /// Check a fact directory and report every problem (exit 0 clean, 1 problems, 2 nothing to check).
    Check(check::Args),
    /// Write the JSON schema of the fact files (for editors).
    Schema(schema::Args),
    /// Manage source texts.
    #[command(subcommand)]
    Source(source::Command),
    /// The store (reports, audit log): migrate, back up, check.
    #[command(subcommand)]
    Db(db::Command),
    /// The moderators' logs: unanswered questions (gaps), the audit log (history).
    #[command(subcommand)]
    Facts(facts::Command),
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Run(args)) => run::run(args, false),
        Some(Command::Console(args)) => run::run(args, true),
        Some(Command::Ask(args)) => ask::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Schema(args)) => schema::run(args),
        Some(Command::Source(command)) => source::run(command),
        Some(Command::Db(command)) => db::run(command),
        Some(Command::Facts(command)) => facts::run(command),
        None => run::run(run::Args { config: PathBuf::from("config/histbot.toml") }, false),
    }
}

/// Load the fact base and intents, printing every diagnostic to stderr on
/// failure (exit code 2: nothing to answer from).
pub fn load_engine(facts: &std::path::Path, intents: &std::path::Path) -> Result<histbot::ask::Engine, ExitCode> {
    let base = match histbot::facts::FactBase::load(facts) {
        Ok(base) => base,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!("{}: the fact base has errors; run `histbot check {}`", facts.display(), facts.display());
            return Err(ExitCode::from(2));
        }
    };
    let loaded = histbot::ask::synonyms::load_beside(intents).and_then(|keyer| Ok((keyer, histbot::ask::Intents::load(intents)?)));
    let (keyer, intents) = match loaded {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            return Err(ExitCode::from(2));
        }
    };
    Ok(histbot::ask::Engine::with_keyer(std::sync::Arc::new(base), intents, keyer))
}

/// Print a line to stdout; a closed pipe (`histbot ask … | head`) is not an error.
pub fn print_line(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}
