//! `histbot check [DIR]`: load everything, report every problem.
//!
//! Exit codes: 0 when the base is clean (warnings allowed), 1 when it has
//! errors, 2 when there is nothing to check (the directory is missing or is
//! a file) or the command line is wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use histbot::ask::Intents;
use histbot::facts::{check_dir, read, Diagnostic};

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
    if report.nothing_to_check() {
        print_diagnostics(&report.diagnostics, args.json)?;
        eprintln!("{}: nothing to check", args.dir.display());
        return Ok(ExitCode::from(2));
    }
    if args.intents.exists() {
        if let Err(mut problems) = Intents::load(&args.intents) {
            report.diagnostics.append(&mut problems);
            report.base = None;
        }
    }
    let synonyms = histbot::ask::synonyms::beside(&args.intents);
    if synonyms.exists() {
        let mut problems = check_synonyms(&synonyms);
        if problems.iter().any(|p| p.is_error()) {
            report.base = None;
        }
        report.diagnostics.append(&mut problems);
    }
    print_diagnostics(&report.diagnostics, args.json)?;
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

/// Validate the synonyms file, read as safely as a fact file.
fn check_synonyms(path: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let content = read::canonical_root(parent)
        .map_err(read::ReadError::from)
        .and_then(|root| read::read_text(&root, path, read::FACT_FILE_MAX_BYTES));
    match content {
        Ok(content) => {
            histbot::ask::synonyms::parse(path, &content, &mut problems);
        }
        Err(error) => problems.push(error.diagnostic(path)),
    }
    problems
}

/// Every diagnostic on stderr, or all of them as one JSON array on stdout.
fn print_diagnostics(diagnostics: &[Diagnostic], json: bool) -> anyhow::Result<()> {
    if json {
        super::print_line(&serde_json::to_string_pretty(diagnostics)?);
    } else {
        for diagnostic in diagnostics {
            eprintln!("{diagnostic}");
        }
    }
    Ok(())
}
