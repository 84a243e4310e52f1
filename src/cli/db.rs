//! `histbot db migrate|backup|check`: the store, for operators.
//!
//! Exit codes: 0 done; 1 the check found problems (or the schema is behind);
//! 2 the database could not be opened or the command cannot be done here
//! (a backup of PostgreSQL: use `pg_dump`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use histbot::config::Config;
use histbot::store::{self, Store};

/// The configuration file (`database`, `data_dir`).
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The configuration file.
    #[arg(long, default_value = "config/histbot.toml")]
    pub config: PathBuf,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Apply the migrations the database lacks (histbot also does this at start).
    Migrate(Args),
    /// Copy the SQLite database to FILE, safely while histbot runs (PostgreSQL: use pg_dump).
    Backup {
        #[command(flatten)]
        args: Args,
        /// Where to write the copy (a SQLite file).
        file: PathBuf,
    },
    /// Check the database: connectivity, integrity (SQLite) and the schema version.
    Check(Args),
}

/// Run one `db` subcommand.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Migrate(args) => with_store(&args, migrate),
        Command::Backup { args, file } => with_store(&args, |store| backup(store, &file)),
        Command::Check(args) => with_store(&args, check),
    }
}

/// Open the configured store and run `work` on it; exit 2 when it cannot be opened.
fn with_store(args: &Args, work: impl FnOnce(&dyn Store) -> ExitCode) -> anyhow::Result<ExitCode> {
    let config = load_config(&args.config)?;
    match store::open(&config.store_location()) {
        Ok(store) => Ok(work(store.as_ref())),
        Err(error) => {
            eprintln!("error: {error}");
            Ok(ExitCode::from(2))
        }
    }
}

/// The config file, or the defaults when the default file is missing.
pub fn load_config(path: &Path) -> anyhow::Result<Config> {
    if !path.exists() && path == Path::new("config/histbot.toml") {
        return Ok(Config::default());
    }
    Ok(Config::load(path)?)
}

fn migrate(store: &dyn Store) -> ExitCode {
    match store.migrate() {
        Ok(done) if done.from == done.to => {
            println!("{}: schema version {}, up to date", store.describe(), done.to);
            ExitCode::SUCCESS
        }
        Ok(done) => {
            println!("{}: migrated from schema version {} to {}", store.describe(), done.from, done.to);
            ExitCode::SUCCESS
        }
        Err(error) => fail(store, &error),
    }
}

fn backup(store: &dyn Store, file: &Path) -> ExitCode {
    if file.exists() {
        eprintln!("error: {} exists; histbot does not overwrite a file with a backup", file.display());
        return ExitCode::from(2);
    }
    match store.backup(file) {
        Ok(()) => {
            println!("{}: backed up to {}", store.describe(), file.display());
            ExitCode::SUCCESS
        }
        Err(error) => fail(store, &error),
    }
}

fn check(store: &dyn Store) -> ExitCode {
    let health = match store.check() {
        Ok(health) => health,
        Err(error) => return fail(store, &error),
    };
    println!("{}: schema version {} (this histbot knows {})", health.backend, health.version, health.known);
    for problem in &health.problems {
        println!("integrity: {problem}");
    }
    if !health.problems.is_empty() {
        println!("the database has integrity problems; restore a backup");
        return ExitCode::from(1);
    }
    if health.version != health.known {
        let what = if health.version < health.known { "behind: run `histbot db migrate`" } else { "newer than this histbot: run a newer one" };
        println!("the schema is {what}");
        return ExitCode::from(1);
    }
    println!("ok");
    ExitCode::SUCCESS
}

fn fail(store: &dyn Store, error: &store::StoreError) -> ExitCode {
    eprintln!("error: {}: {error}", store.describe());
    ExitCode::from(2)
}
