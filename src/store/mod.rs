//! Everything histbot remembers, behind one interface: wrong-answer
//! reports, the unanswered-question log, the moderation audit log and a
//! small key/value table for interaction state that must outlive a process.
//!
//! Two backends implement [`Store`]:
//!
//! - SQLite ([`sqlite`]), the embedded default: `data_dir/histbot.sqlite3`,
//!   created on first start, WAL mode, a busy timeout, every write committed
//!   with `synchronous = FULL`. Nothing to install.
//! - PostgreSQL ([`postgres`], cargo feature `postgres`), for several
//!   replicas sharing one database: `database = "postgres://…"` in the config,
//!   the password from an environment variable or a file, a connection pool.
//!
//! Both apply the same numbered [`migrations`] at start, inside a
//! transaction, recorded in `schema_migrations`; a database newer than the
//! binary is refused with [`StoreError::TooNew`].
//!
//! The core only: no platform types. Times are Unix seconds, passed in by
//! the caller, so that tests can file a report "an hour ago".

pub mod migrations;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod sqlite;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// One report as moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub id: u64,
    pub entry: String,
    pub text: String,
    pub reporter: String,
    pub reporter_id: String,
    pub platform: String,
    /// The server or room it was filed from (`Discord server 123…`); absent
    /// in reports filed before places were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Seconds since the Unix epoch.
    pub created: u64,
}

/// What a user files.
#[derive(Debug, Clone)]
pub struct NewReport {
    pub entry: String,
    pub text: String,
    pub reporter: String,
    pub reporter_id: String,
    pub platform: String,
    /// The server or room it is filed from, if any.
    pub place: Option<String>,
}

/// A report brought over from the old JSON Lines queue, with its id and,
/// when it was closed there, who closed it and when.
#[derive(Debug, Clone)]
pub struct ImportedReport {
    pub report: Report,
    pub closed: Option<(String, u64)>,
}

/// The per-user rate limit a report is filed under.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// How many reports one reporter may file per window.
    pub per_user: usize,
    /// The window, in seconds.
    pub window_secs: u64,
}

/// What filing a report came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// Stored (committed) with its new id.
    Stored(Report),
    /// The reporter is at the limit; the oldest report in the window was filed at this time.
    Limited { oldest: u64 },
}

/// Which reports to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Open,
    All,
}

/// One page of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}

impl Page {
    /// The first `limit` rows.
    pub fn first(limit: u64) -> Page {
        Page { offset: 0, limit }
    }
}

/// A question histbot could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    pub id: u64,
    pub question: String,
    pub locale: String,
    pub platform: String,
    pub asked: u64,
}

/// One line of the moderation audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: u64,
    /// Who did it (`discord:123`, `console`).
    pub actor: String,
    /// What (`close-report`, `reload`).
    pub action: String,
    pub detail: String,
    pub at: u64,
}

/// What `histbot db check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// `sqlite /path` or `postgres host:port/db`.
    pub backend: String,
    /// The newest migration applied (0: none).
    pub version: i64,
    /// The newest this binary knows.
    pub known: i64,
    /// The integrity check's problems (SQLite); empty when healthy.
    pub problems: Vec<String>,
}

/// What a migration run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migrated {
    pub from: i64,
    pub to: i64,
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {what}: {message}")]
    Open { what: String, message: String },
    #[error("the database is at schema version {found}, newer than this histbot knows ({known}); run a newer histbot, or restore a backup made with this version")]
    TooNew { found: i64, known: i64 },
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] ::postgres::Error),
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    /// The operation is not one this backend does (a PostgreSQL backup).
    #[error("{0}")]
    Unsupported(String),
    /// A number in the database does not fit (a negative id).
    #[error("the database holds a value out of range: {0}")]
    Range(String),
}

/// Where the store lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL URL (`postgres://user@host:port/db`) and its password, if any.
    Postgres { url: String, password: Option<String> },
}

impl Location {
    /// The SQLite file in a data directory.
    pub fn in_data_dir(data_dir: &Path) -> Location {
        Location::Sqlite(data_dir.join("histbot.sqlite3"))
    }
}

/// Everything histbot remembers. Every write is committed before it returns.
pub trait Store: Send + Sync + std::fmt::Debug {
    /// Apply the migrations this database lacks, each in a transaction.
    fn migrate(&self) -> Result<Migrated, StoreError>;
    /// File a report under `limit`, atomically with the count (replicas
    /// cannot together exceed it).
    fn file_report(&self, new: &NewReport, now: u64, limit: Limit) -> Result<Filed, StoreError>;
    /// Close an open report; `false` when there is no such open report.
    fn close_report(&self, id: u64, by: &str, at: u64) -> Result<bool, StoreError>;
    /// Reports in id order.
    fn reports(&self, which: Which, page: Page) -> Result<Vec<Report>, StoreError>;
    /// How many reports are open.
    fn count_open_reports(&self) -> Result<u64, StoreError>;
    /// How many reports one reporter filed at or after `since`.
    fn count_reports_since(&self, platform: &str, reporter_id: &str, since: u64) -> Result<u64, StoreError>;
    /// Bring over the old queue's reports once: `false` when `source` was already imported.
    fn import_reports(&self, source: &str, reports: &[ImportedReport], now: u64) -> Result<bool, StoreError>;
    /// Log a question histbot could not answer.
    fn log_unanswered(&self, question: &str, locale: &str, platform: &str, at: u64) -> Result<u64, StoreError>;
    /// The unanswered questions, oldest first.
    fn unanswered(&self, page: Page) -> Result<Vec<Unanswered>, StoreError>;
    /// Append to the moderation audit log.
    fn audit(&self, actor: &str, action: &str, detail: &str, at: u64) -> Result<u64, StoreError>;
    /// The audit log, oldest first.
    fn audit_log(&self, page: Page) -> Result<Vec<AuditEntry>, StoreError>;
    /// A value of interaction state.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Set a value of interaction state.
    fn put(&self, key: &str, value: &str, at: u64) -> Result<(), StoreError>;
    /// Connectivity, integrity and the schema version.
    fn check(&self) -> Result<Health, StoreError>;
    /// Copy the whole database to `to` while it is in use (SQLite only).
    fn backup(&self, to: &Path) -> Result<(), StoreError>;
    /// The last word at shutdown (a WAL checkpoint); every write is already durable.
    fn flush(&self) -> Result<(), StoreError>;
    /// `sqlite /path` or `postgres host:port/db`, for logs (never a password).
    fn describe(&self) -> String;
}

/// Open the store at `location` (creating a SQLite file and its directory).
/// Migrations are not applied: call [`Store::migrate`].
pub fn open(location: &Location) -> Result<Arc<dyn Store>, StoreError> {
    match location {
        Location::Sqlite(path) => Ok(Arc::new(sqlite::SqliteStore::open(path)?)),
        #[cfg(feature = "postgres")]
        Location::Postgres { url, password } => Ok(Arc::new(postgres::PostgresStore::connect(url, password.as_deref())?)),
        #[cfg(not(feature = "postgres"))]
        Location::Postgres { .. } => Err(StoreError::Unsupported(
            "this histbot was built without PostgreSQL (cargo feature `postgres`); use the SQLite default or a full build".into(),
        )),
    }
}

/// Open the store and bring its schema up to date.
pub fn open_migrated(location: &Location) -> Result<Arc<dyn Store>, StoreError> {
    let store = open(location)?;
    let migrated = store.migrate()?;
    if migrated.from != migrated.to {
        tracing::info!(store = %store.describe(), from = migrated.from, to = migrated.to, "database migrated");
    }
    Ok(store)
}

/// A stored number as `u64`.
fn unsigned(value: i64) -> Result<u64, StoreError> {
    u64::try_from(value).map_err(|_| StoreError::Range(value.to_string()))
}

/// A number as stored (`BIGINT`).
fn signed(value: u64) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| StoreError::Range(value.to_string()))
}

/// Now, in Unix seconds.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}
