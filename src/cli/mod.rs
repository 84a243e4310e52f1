//! Command-line parsing and dispatch. Errors reach the user through `anyhow`
//! here, at the binary's edge; the library itself uses typed errors.

pub mod check;
pub mod logging;
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
    /// Check a fact directory and report every problem (exit 0 clean, 1 problems).
    Check(check::Args),
    /// Write the JSON schema of the fact files (for editors).
    Schema(schema::Args),
    /// Manage source texts.
    #[command(subcommand)]
    Source(source::Command),
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Schema(args)) => schema::run(args),
        Some(Command::Source(command)) => source::run(command),
        None => check::run(check::Args { dir: PathBuf::from("facts"), json: false }),
    }
}
