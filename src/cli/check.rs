//! `histbot check [DIR]`: load everything, report every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use histbot::ask::Intents;
use histbot::facts::check_dir;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The fact directory.
    #[arg(default_value = "facts")]
    pub dir: PathBuf,
    /// The intent rules to validate too (skipped when the file does not
    /// exist); `synonyms.toml` beside it is validated as well.
    #[arg(long, default_value = "config/intents.toml")]
    pub intents: PathBuf,
    /// Print the diagnostics as a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut report = check_dir(args.dir.clone());
    if args.intents.exists() {
        if let Err(mut problems) = Intents::load(&args.intents) {
            report.diagnostics.append(&mut problems);
            report.base = None;
        }
    }
    let synonyms = histbot::ask::synonyms::beside(&args.intents);
    if synonyms.exists() {
        let content = std::fs::read_to_string(&synonyms)?;
        let mut problems = Vec::new();
        histbot::ask::synonyms::parse(&synonyms, &content, &mut problems);
        if problems.iter().any(|p| p.is_error()) {
            report.base = None;
        }
        report.diagnostics.append(&mut problems);
    }
    if args.json {
        super::print_line(&serde_json::to_string_pretty(&report.diagnostics)?);
    } else {
        for diagnostic in &report.diagnostics {
            eprintln!("{diagnostic}");
        }
    }
    match &report.base {
        Some(base) => {
            let warnings = match report.warning_count() {
                0 => String::new(),
                n => format!(" ({n} warning{})", if n == 1 { "" } else { "s" }),
            };
            super::print_line(&format!("{}: ok{warnings}: {}", args.dir.display(), base.summary_line()));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!(
                "{}: {} error{}, {} warning{}; nothing is served from a base with errors",
                args.dir.display(),
                report.error_count(),
                if report.error_count() == 1 { "" } else { "s" },
                report.warning_count(),
                if report.warning_count() == 1 { "" } else { "s" },
            );
            Ok(ExitCode::from(1))
        }
    }
}
