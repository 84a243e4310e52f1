//! `histbot facts gaps|history`: the moderators' logs, for scripts and
//! operators with a shell (the same store the running bot writes).
//!
//! Exit codes: 0 done; 2 the store could not be opened or read.

use std::path::PathBuf;
use std::process::ExitCode;

use histbot::service::gaps::GapLog;
use histbot::store::{self, Page};

use super::print_line;

/// Where the store is.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The configuration file (`database`, `data_dir`, `[gaps]`).
    #[arg(long, default_value = "config/histbot.toml")]
    pub config: PathBuf,
    /// Print JSON (one object) instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The most-asked questions histbot could not answer in the window (`[gaps] window_days`).
    Gaps {
        #[command(flatten)]
        args: Args,
        /// Which page (10 a page), from 1.
        #[arg(long, default_value_t = 1)]
        page: u64,
    },
    /// The moderation audit log, newest first (only about ENTRY when given).
    History {
        #[command(flatten)]
        args: Args,
        /// An entry id.
        entry: Option<String>,
        /// How many lines.
        #[arg(long, default_value_t = 20)]
        limit: u64,
    },
}

/// Run one `facts` subcommand.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Gaps { args, page } => gaps(&args, page),
        Command::History { args, entry, limit } => history(&args, entry.as_deref(), limit),
    }
}

fn open(args: &Args) -> anyhow::Result<Result<(histbot::config::Config, std::sync::Arc<dyn store::Store>), ExitCode>> {
    let config = super::db::load_config(&args.config)?;
    match store::open_migrated(&config.store_location()) {
        Ok(store) => Ok(Ok((config, store))),
        Err(error) => {
            eprintln!("error: {error}");
            Ok(Err(ExitCode::from(2)))
        }
    }
}

fn gaps(args: &Args, page: u64) -> anyhow::Result<ExitCode> {
    let (config, store) = match open(args)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let log = GapLog::new(store, &config.gaps);
    let page = page.max(1);
    let (gaps, pages) = match log.page(page) {
        Ok(found) => found,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    if args.json {
        let out = serde_json::json!({ "window_days": log.window_days(), "page": page, "pages": pages, "gaps": gaps });
        print_line(&serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    if gaps.is_empty() {
        print_line(&format!("no unanswered questions in the last {} days", log.window_days()));
    }
    for gap in &gaps {
        let considered = if gap.considered.is_empty() { String::new() } else { format!("  considered: {}", gap.considered.join(", ")) };
        print_line(&format!("#{}\t{}×\t{}\t{}{considered}", gap.id, gap.asked, histbot::text::echo::clean(&gap.question), gap.places.join(", ")));
    }
    if pages > 1 {
        print_line(&format!("page {page} of {pages} (--page N)"));
    }
    Ok(ExitCode::SUCCESS)
}

fn history(args: &Args, entry: Option<&str>, limit: u64) -> anyhow::Result<ExitCode> {
    let (_, store) = match open(args)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let lines = match store.history(entry, Page::first(limit)) {
        Ok(lines) => lines,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    if args.json {
        print_line(&serde_json::to_string_pretty(&lines)?);
        return Ok(ExitCode::SUCCESS);
    }
    for line in &lines {
        let entry = line.entry.as_deref().map(|e| format!(" {e}")).unwrap_or_default();
        print_line(&format!("#{}\t{}\t{}\t{}{entry}\t{}", line.id, histbot::service::edit::utc(line.at), line.actor, line.action, line.detail));
    }
    Ok(ExitCode::SUCCESS)
}
