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

pub mod counted;
pub mod migrations;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod sqlite;
pub mod study;

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
    /// Where the reporter can be told about it: `discord:<channel id>`,
    /// `matrix:<room id>` (never shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// The change (audit log line) that fixed it, when a moderator named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_by: Option<u64>,
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
    /// Where the reporter can be told about it (`discord:<channel id>`, `matrix:<room id>`).
    pub reply_to: Option<String>,
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

/// One question histbot could not answer, as the service logs it: never
/// who asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnansweredAsk {
    /// Normalized (cleaned, lower case, one space, no closing punctuation)
    /// and clipped to [`GAP_QUESTION_MAX_CHARS`]: the same question asked
    /// twice is one gap.
    pub question: String,
    /// `discord`, `matrix`, `console`.
    pub platform: String,
    /// The server or room (`Discord server 5`), if any.
    pub place: Option<String>,
    /// The entry ids the matcher considered (the "did you mean" or closest entries).
    pub considered: Vec<String>,
}

/// The longest question text the unanswered log keeps, in characters.
pub const GAP_QUESTION_MAX_CHARS: usize = 300;

/// What a moderator said about a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapStatus {
    /// Listed until handled.
    Open,
    /// Handled (a fact was added): asks before the mark no longer count;
    /// if it is asked again and still not answered, it is listed again.
    Done,
    /// Not for this fact base: never listed again.
    OutOfScope,
}

impl GapStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GapStatus::Open => "open",
            GapStatus::Done => "done",
            GapStatus::OutOfScope => "out-of-scope",
        }
    }

    fn parse(text: &str) -> GapStatus {
        match text {
            "done" => GapStatus::Done,
            "out-of-scope" => GapStatus::OutOfScope,
            _ => GapStatus::Open,
        }
    }
}

/// A question histbot could not answer, with how often it was asked in a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub id: u64,
    pub question: String,
    /// How many times it was asked in the window (since it was last marked done).
    pub asked: u64,
    pub first_asked: u64,
    pub last_asked: u64,
    /// The entry ids the matcher considered, the last time it was asked.
    pub considered: Vec<String>,
    /// Where it was asked (`discord: Discord server 5`), at most ten.
    pub places: Vec<String>,
    pub status: GapStatus,
}

/// A moderator action for the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAudit {
    /// Who did it (`discord:123 (Ana)`, `console`).
    pub actor: String,
    /// `discord`, `matrix`, `console`, `cli`.
    pub platform: String,
    /// What (`close-report`, `reload`, `gap-done`, `edit`, `undo`).
    pub action: String,
    /// The entry an edit changed.
    pub entry: Option<String>,
    /// The changed file, relative to the fact directory.
    pub file: Option<String>,
    pub detail: String,
    /// A unified diff of an edit.
    pub diff: Option<String>,
    /// The file's text before and after an edit (`None`: did not exist / was removed).
    pub before: Option<String>,
    pub after: Option<String>,
}

impl NewAudit {
    /// A plain action with its detail.
    pub fn action(actor: &str, platform: &str, action: &str, detail: &str) -> NewAudit {
        NewAudit { actor: actor.into(), platform: platform.into(), action: action.into(), detail: detail.into(), ..NewAudit::default() }
    }
}

/// One line of the moderation audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: u64,
    /// Who did it (`discord:123 (Ana)`, `console`).
    pub actor: String,
    /// `discord`, `matrix`, `console` (empty in lines written before it was recorded).
    pub platform: String,
    /// What (`close-report`, `reload`, `edit`, `undo`).
    pub action: String,
    pub entry: Option<String>,
    pub file: Option<String>,
    pub detail: String,
    pub diff: Option<String>,
    #[serde(skip)]
    pub before: Option<String>,
    #[serde(skip)]
    pub after: Option<String>,
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
    /// A stored value (a quiz round's JSON) that this histbot cannot read.
    #[error("the database holds a value that cannot be read: {0}")]
    Unreadable(String),
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
pub trait Store: study::StudyStore + Send + Sync + std::fmt::Debug {
    /// Apply the migrations this database lacks, each in a transaction.
    fn migrate(&self) -> Result<Migrated, StoreError>;
    /// File a report under `limit`, atomically with the count (replicas
    /// cannot together exceed it).
    fn file_report(&self, new: &NewReport, now: u64, limit: Limit) -> Result<Filed, StoreError>;
    /// Close an open report; `false` when there is no such open report.
    fn close_report(&self, id: u64, by: &str, at: u64) -> Result<bool, StoreError>;
    /// Record the change that fixed a report.
    fn link_fix(&self, id: u64, change: u64) -> Result<(), StoreError>;
    /// One report, open or closed.
    fn report(&self, id: u64) -> Result<Option<Report>, StoreError>;
    /// Reports in id order.
    fn reports(&self, which: Which, page: Page) -> Result<Vec<Report>, StoreError>;
    /// How many reports are open.
    fn count_open_reports(&self) -> Result<u64, StoreError>;
    /// How many reports one reporter filed at or after `since`.
    fn count_reports_since(&self, platform: &str, reporter_id: &str, since: u64) -> Result<u64, StoreError>;
    /// Bring over the old queue's reports once: `false` when `source` was already imported.
    fn import_reports(&self, source: &str, reports: &[ImportedReport], now: u64) -> Result<bool, StoreError>;
    /// Log one unanswered question (a gap is created the first time it is
    /// asked); returns the gap's id.
    fn log_unanswered(&self, ask: &UnansweredAsk, at: u64) -> Result<u64, StoreError>;
    /// The gaps asked at or after `since` and not marked out of scope, most
    /// asked first (then most recently asked), with how many there are in all.
    fn gaps(&self, since: u64, page: Page) -> Result<(Vec<Gap>, u64), StoreError>;
    /// Mark a gap done or out of scope (or open again); its question, or
    /// `None` when there is no such gap.
    fn mark_gap(&self, id: u64, status: GapStatus, by: &str, at: u64) -> Result<Option<String>, StoreError>;
    /// Forget the asks older than `before`, and the gaps left without asks;
    /// how many asks were removed.
    fn prune_unanswered(&self, before: u64) -> Result<u64, StoreError>;
    /// Append to the moderation audit log; returns the new line's id.
    fn audit(&self, new: &NewAudit, at: u64) -> Result<u64, StoreError>;
    /// The audit log, oldest first.
    fn audit_log(&self, page: Page) -> Result<Vec<AuditEntry>, StoreError>;
    /// The audit log, newest first, only about `entry` when given.
    fn history(&self, entry: Option<&str>, page: Page) -> Result<Vec<AuditEntry>, StoreError>;
    /// One line of the audit log.
    fn audit_entry(&self, id: u64) -> Result<Option<AuditEntry>, StoreError>;
    /// A value of interaction state.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Set a value of interaction state.
    fn put(&self, key: &str, value: &str, at: u64) -> Result<(), StoreError>;
    /// Forget the values of interaction state whose keys begin with
    /// `prefix`, taken literally (no wildcards); how many were forgotten.
    /// An empty prefix forgets nothing.
    fn forget(&self, prefix: &str) -> Result<u64, StoreError>;
    /// Connectivity, integrity and the schema version.
    fn check(&self) -> Result<Health, StoreError>;
    /// Copy the whole database to `to` while it is in use (SQLite only).
    fn backup(&self, to: &Path) -> Result<(), StoreError>;
    /// The last word at shutdown (a WAL checkpoint); every write is already durable.
    fn flush(&self) -> Result<(), StoreError>;
    /// `sqlite /path` or `postgres host:port/db`, for logs (never a password).
    fn describe(&self) -> String;
}

/// Open the store at `location` (creating a SQLite file and its directory),
/// its errors counted ([`counted::Counted`]). Migrations are not applied:
/// call [`Store::migrate`].
pub fn open(location: &Location) -> Result<Arc<dyn Store>, StoreError> {
    match location {
        Location::Sqlite(path) => Ok(Arc::new(counted::Counted::new(sqlite::SqliteStore::open(path)?, "sqlite"))),
        #[cfg(feature = "postgres")]
        Location::Postgres { url, password } => Ok(Arc::new(counted::Counted::new(postgres::PostgresStore::connect(url, password.as_deref())?, "postgres"))),
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

/// The SQL both backends share, written with SQLite's `?N` parameters
/// (PostgreSQL's are `$N`: see `postgres::dollars`).
mod shared_sql {
    /// Create the gap or keep it, with the latest considered entries.
    pub const UPSERT_GAP: &str = "INSERT INTO gaps (question, considered) VALUES (?1, ?2)
        ON CONFLICT (question) DO UPDATE SET considered = excluded.considered RETURNING id";
    pub const INSERT_ASK: &str = "INSERT INTO gap_asks (gap, platform, place, asked) VALUES (?1, ?2, ?3, ?4)";
    /// The asks that count: in the window, after the last "done".
    const COUNTED: &str = "FROM gaps g JOIN gap_asks a ON a.gap = g.id
        WHERE g.status <> 'out-of-scope' AND a.asked >= ?1 AND a.asked > COALESCE(g.handled_at, -1)";
    pub fn gaps_page() -> String {
        format!(
            "SELECT g.id, g.question, g.considered, g.status, COUNT(*), MIN(a.asked), MAX(a.asked) {COUNTED}
             GROUP BY g.id, g.question, g.considered, g.status ORDER BY COUNT(*) DESC, MAX(a.asked) DESC, g.id LIMIT ?2 OFFSET ?3"
        )
    }
    pub fn gaps_count() -> String {
        format!("SELECT COUNT(*) FROM (SELECT g.id {COUNTED} GROUP BY g.id) counted")
    }
    pub fn gap_places() -> String {
        format!("SELECT DISTINCT a.platform, a.place {COUNTED} AND g.id = ?2 ORDER BY 1, 2 LIMIT 10")
    }
    pub const MARK_GAP: &str = "UPDATE gaps SET status = ?1, handled_by = ?2, handled_at = ?3 WHERE id = ?4 RETURNING question";
    pub const PRUNE_ASKS: &str = "DELETE FROM gap_asks WHERE asked < ?1";
    pub const PRUNE_GAPS: &str = "DELETE FROM gaps WHERE NOT EXISTS (SELECT 1 FROM gap_asks WHERE gap_asks.gap = gaps.id)";
    pub const INSERT_AUDIT: &str = "INSERT INTO audit_log (actor, platform, action, entry, file, detail, diff, before_text, after_text, at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id";
    pub const AUDIT_COLUMNS: &str = "id, actor, platform, action, entry, file, detail, diff, before_text, after_text, at";
}

/// A place as a gap lists it: `discord: Discord server 5`, or the platform alone.
fn place_label(platform: &str, place: Option<&str>) -> String {
    match place {
        Some(place) => format!("{platform}: {place}"),
        None => platform.to_string(),
    }
}

/// The considered entries as stored (a JSON array).
fn considered_json(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

fn considered_from(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
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
