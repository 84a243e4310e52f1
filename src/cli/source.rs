//! `histbot source import RAW --id ID --title TITLE --lang LANG --url URL`.

use std::path::PathBuf;
use std::process::ExitCode;

use histbot::import::{import_source, ImportOptions};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Clean a raw document into facts/sources/ID.txt and record it in facts/sources.toml.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The raw document (plain text).
    pub raw: PathBuf,
    /// The source id (a slug), e.g. `suy-article`.
    #[arg(long)]
    pub id: String,
    #[arg(long)]
    pub title: String,
    /// Language tag, e.g. `en` or `ar`.
    #[arg(long)]
    pub lang: String,
    #[arg(long)]
    pub url: String,
    /// The name of the section before the first heading.
    #[arg(long, default_value = "Lead")]
    pub first_section: String,
    /// The fact directory to write into.
    #[arg(long, default_value = "facts")]
    pub facts: PathBuf,
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Import(args) => {
            let options = ImportOptions {
                raw: args.raw,
                id: args.id,
                title: args.title,
                lang: args.lang,
                url: args.url,
                first_section: args.first_section,
                facts_dir: args.facts,
            };
            let record = import_source(&options)?;
            super::print_line(&format!("imported `{}`: {} sections", record.id, record.sections.len()));
            Ok(ExitCode::SUCCESS)
        }
    }
}
