//! The PostgreSQL backend, for several histbot processes sharing one
//! database: a pool of synchronous `postgres` connections (`r2d2`).
//!
//! The `postgres` client drives its own small runtime, which may not be
//! started from inside tokio's; every call therefore runs through
//! [`off_runtime`], on a scoped thread of its own when called from async code.
//! The rate limit and the import take transaction-scoped advisory locks, so
//! replicas neither double-count nor double-import.

mod study;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use postgres::{Client, NoTls, Row};
use r2d2_postgres::PostgresConnectionManager;

use super::{
    considered_from, considered_json, migrations, place_label, shared_sql, signed, unsigned, AuditEntry, Filed, Gap, GapStatus, Health, ImportedReport, Limit, Migrated, NewAudit, NewReport, Page, Report, Store,
    StoreError, UnansweredAsk, Which,
};

/// The advisory lock key migrations take (any constant, the same in every process).
const MIGRATION_LOCK: i64 = 0x6869_7374_626f_74;
/// Connections per process.
const POOL_SIZE: u32 = 8;
/// How long to wait for a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// A PostgreSQL database.
pub struct PostgresStore {
    /// Always `Some` until dropped: the pool is dropped off the runtime (a
    /// `postgres` client blocks when it closes).
    pool: Option<Pool>,
    description: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").field("database", &self.description).finish_non_exhaustive()
    }
}

/// Run blocking database work where the `postgres` client may block: on a
/// scoped thread when the caller is inside a tokio runtime, else right here.
fn off_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    if tokio::runtime::Handle::try_current().is_err() {
        return work();
    }
    std::thread::scope(|scope| match scope.spawn(work).join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

impl PostgresStore {
    /// Connect a pool to `url`, with `password` unless the URL has one.
    pub fn connect(url: &str, password: Option<&str>) -> Result<PostgresStore, StoreError> {
        let bad = |message: String| StoreError::Open { what: "PostgreSQL (the `database` URL)".into(), message };
        let mut config = postgres::Config::from_str(url).map_err(|error| bad(error.to_string()))?;
        if let (Some(password), None) = (password, config.get_password()) {
            config.password(password);
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        let description = describe(&config);
        let unreachable = |error: &dyn std::fmt::Display| StoreError::Open { what: description.clone(), message: error.to_string() };
        // One connection first: a refused or failed login is said at once, with its reason.
        off_runtime(|| config.connect(NoTls).map(drop)).map_err(|error| unreachable(&error))?;
        let manager = PostgresConnectionManager::new(config, NoTls);
        let pool = off_runtime(|| {
            r2d2::Pool::builder().max_size(POOL_SIZE).min_idle(Some(1)).connection_timeout(CONNECT_TIMEOUT).build(manager)
        })
        .map_err(|error| unreachable(&error))?;
        Ok(PostgresStore { pool: Some(pool), description })
    }

    /// Run `work` with a pooled connection, off the async runtime.
    fn with<T: Send>(&self, work: impl FnOnce(&mut Client) -> Result<T, StoreError> + Send) -> Result<T, StoreError> {
        let pool = self.pool.as_ref().ok_or_else(|| StoreError::Unsupported("the PostgreSQL store is closed".into()))?;
        off_runtime(|| {
            let mut client = pool.get()?;
            work(&mut client)
        })
    }
}

impl Drop for PostgresStore {
    /// Close the connections where closing may block (not on a runtime thread).
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            off_runtime(move || drop(pool));
        }
    }
}

/// `postgres user@host:port/db`, never the password.
fn describe(config: &postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(host)) => host.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("postgres {}@{host}:{port}/{}", config.get_user().unwrap_or(""), config.get_dbname().unwrap_or(""))
}

fn version(client: &mut impl postgres::GenericClient) -> Result<i64, StoreError> {
    Ok(client.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?.try_get(0)?)
}

/// The shared SQL with PostgreSQL's parameters: `?1` becomes `$1`.
fn dollars(sql: &str) -> String {
    sql.replace('?', "$")
}

fn audit_from(row: &Row) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        id: unsigned(row.try_get(0)?)?,
        actor: row.try_get(1)?,
        platform: row.try_get(2)?,
        action: row.try_get(3)?,
        entry: row.try_get(4)?,
        file: row.try_get(5)?,
        detail: row.try_get(6)?,
        diff: row.try_get(7)?,
        before: row.try_get(8)?,
        after: row.try_get(9)?,
        at: unsigned(row.try_get(10)?)?,
    })
}

fn report_from(row: &Row) -> Result<Report, StoreError> {
    Ok(Report {
        id: unsigned(row.try_get("id")?)?,
        entry: row.try_get("entry")?,
        text: row.try_get("text")?,
        reporter: row.try_get("reporter")?,
        reporter_id: row.try_get("reporter_id")?,
        platform: row.try_get("platform")?,
        place: row.try_get("place")?,
        created: unsigned(row.try_get("created")?)?,
        reply_to: row.try_get("reply_to")?,
        fixed_by: row.try_get::<_, Option<i64>>("fixed_by")?.map(unsigned).transpose()?,
    })
}

impl Store for PostgresStore {
    fn migrate(&self) -> Result<Migrated, StoreError> {
        self.with(|client| {
            let mut transaction = client.transaction()?;
            transaction.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
            transaction.batch_execute(migrations::BOOKKEEPING)?;
            let from = version(&mut transaction)?;
            let known = migrations::latest();
            if from > known {
                return Err(StoreError::TooNew { found: from, known });
            }
            for migration in migrations::all().into_iter().filter(|m| m.version > from) {
                transaction.batch_execute(migration.postgres)?;
                transaction.execute(
                    "INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)",
                    &[&migration.version, &migration.name, &signed(super::unix_now())?],
                )?;
            }
            let to = version(&mut transaction)?;
            transaction.commit()?;
            Ok(Migrated { from, to })
        })
    }

    fn file_report(&self, new: &NewReport, now: u64, limit: Limit) -> Result<Filed, StoreError> {
        self.with(|client| {
            let mut transaction = client.transaction()?;
            let key = format!("{}:{}", new.platform, new.reporter_id);
            transaction.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", &[&key])?;
            let since = signed(now.saturating_sub(limit.window_secs.saturating_sub(1)))?;
            let row = transaction.query_one(
                "SELECT COUNT(*), MIN(created) FROM reports WHERE platform = $1 AND reporter_id = $2 AND created >= $3",
                &[&new.platform, &new.reporter_id, &since],
            )?;
            let (count, oldest): (i64, Option<i64>) = (row.try_get(0)?, row.try_get(1)?);
            if unsigned(count)? >= limit.per_user as u64 {
                return Ok(Filed::Limited { oldest: oldest.map(unsigned).transpose()?.unwrap_or(now) });
            }
            let row = transaction.query_one(
                "INSERT INTO reports (entry, text, reporter, reporter_id, platform, place, created, reply_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *",
                &[&new.entry, &new.text, &new.reporter, &new.reporter_id, &new.platform, &new.place, &signed(now)?, &new.reply_to],
            )?;
            let report = report_from(&row)?;
            transaction.commit()?;
            Ok(Filed::Stored(report))
        })
    }

    fn close_report(&self, id: u64, by: &str, at: u64) -> Result<bool, StoreError> {
        let (id, at) = (signed(id)?, signed(at)?);
        self.with(|client| {
            let changed = client.execute("UPDATE reports SET closed_by = $1, closed_at = $2 WHERE id = $3 AND closed_at IS NULL", &[&by, &at, &id])?;
            Ok(changed == 1)
        })
    }

    fn link_fix(&self, id: u64, change: u64) -> Result<(), StoreError> {
        let (id, change) = (signed(id)?, signed(change)?);
        self.with(|client| {
            client.execute("UPDATE reports SET fixed_by = $1 WHERE id = $2", &[&change, &id])?;
            Ok(())
        })
    }

    fn report(&self, id: u64) -> Result<Option<Report>, StoreError> {
        let id = signed(id)?;
        self.with(|client| client.query_opt("SELECT * FROM reports WHERE id = $1", &[&id])?.as_ref().map(report_from).transpose())
    }

    fn reports(&self, which: Which, page: Page) -> Result<Vec<Report>, StoreError> {
        let filter = match which {
            Which::Open => "WHERE closed_at IS NULL",
            Which::All => "",
        };
        let (limit, offset) = (signed(page.limit)?, signed(page.offset)?);
        self.with(|client| {
            let rows = client.query(&format!("SELECT * FROM reports {filter} ORDER BY id LIMIT $1 OFFSET $2"), &[&limit, &offset])?;
            rows.iter().map(report_from).collect()
        })
    }

    fn count_open_reports(&self) -> Result<u64, StoreError> {
        self.with(|client| unsigned(client.query_one("SELECT COUNT(*) FROM reports WHERE closed_at IS NULL", &[])?.try_get(0)?))
    }

    fn count_reports_since(&self, platform: &str, reporter_id: &str, since: u64) -> Result<u64, StoreError> {
        let since = signed(since)?;
        self.with(|client| {
            let row = client.query_one("SELECT COUNT(*) FROM reports WHERE platform = $1 AND reporter_id = $2 AND created >= $3", &[&platform, &reporter_id, &since])?;
            unsigned(row.try_get(0)?)
        })
    }

    fn import_reports(&self, source: &str, reports: &[ImportedReport], now: u64) -> Result<bool, StoreError> {
        self.with(|client| {
            let mut transaction = client.transaction()?;
            transaction.batch_execute("LOCK TABLE imports IN SHARE ROW EXCLUSIVE MODE")?;
            if transaction.query_opt("SELECT items FROM imports WHERE source = $1", &[&source])?.is_some() {
                return Ok(false);
            }
            for item in reports {
                let r = &item.report;
                let closed_by = item.closed.as_ref().map(|(by, _)| by.as_str());
                let closed_at = item.closed.as_ref().map(|(_, at)| signed(*at)).transpose()?;
                transaction.execute(
                    "INSERT INTO reports (id, entry, text, reporter, reporter_id, platform, place, created, closed_by, closed_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING",
                    &[&signed(r.id)?, &r.entry, &r.text, &r.reporter, &r.reporter_id, &r.platform, &r.place, &signed(r.created)?, &closed_by, &closed_at],
                )?;
            }
            transaction.execute("SELECT setval(pg_get_serial_sequence('reports', 'id'), MAX(id)) FROM reports HAVING MAX(id) IS NOT NULL", &[])?;
            transaction.execute("INSERT INTO imports (source, items, at) VALUES ($1, $2, $3)", &[&source, &signed(reports.len() as u64)?, &signed(now)?])?;
            transaction.commit()?;
            Ok(true)
        })
    }

    fn log_unanswered(&self, ask: &UnansweredAsk, at: u64) -> Result<u64, StoreError> {
        let at = signed(at)?;
        let considered = considered_json(&ask.considered);
        self.with(|client| {
            let mut transaction = client.transaction()?;
            let gap: i64 = transaction.query_one(&dollars(shared_sql::UPSERT_GAP), &[&ask.question, &considered])?.try_get(0)?;
            transaction.execute(&dollars(shared_sql::INSERT_ASK), &[&gap, &ask.platform, &ask.place, &at])?;
            transaction.commit()?;
            unsigned(gap)
        })
    }

    fn gaps(&self, since: u64, page: Page) -> Result<(Vec<Gap>, u64), StoreError> {
        let (since, limit, offset) = (signed(since)?, signed(page.limit)?, signed(page.offset)?);
        self.with(|client| {
            let total: i64 = client.query_one(&dollars(&shared_sql::gaps_count()), &[&since])?.try_get(0)?;
            let rows = client.query(&dollars(&shared_sql::gaps_page()), &[&since, &limit, &offset])?;
            let places = client.prepare(&dollars(&shared_sql::gap_places()))?;
            let mut gaps = Vec::new();
            for row in rows {
                let id: i64 = row.try_get(0)?;
                let places = client
                    .query(&places, &[&since, &id])?
                    .iter()
                    .map(|place| Ok(place_label(&place.try_get::<_, String>(0)?, place.try_get::<_, Option<String>>(1)?.as_deref())))
                    .collect::<Result<Vec<_>, StoreError>>()?;
                gaps.push(Gap {
                    id: unsigned(id)?,
                    question: row.try_get(1)?,
                    considered: considered_from(row.try_get(2)?),
                    status: GapStatus::parse(row.try_get(3)?),
                    asked: unsigned(row.try_get(4)?)?,
                    first_asked: unsigned(row.try_get(5)?)?,
                    last_asked: unsigned(row.try_get(6)?)?,
                    places,
                });
            }
            Ok((gaps, unsigned(total)?))
        })
    }

    fn mark_gap(&self, id: u64, status: GapStatus, by: &str, at: u64) -> Result<Option<String>, StoreError> {
        let handled_at = match status {
            GapStatus::Open => None,
            _ => Some(signed(at)?),
        };
        let id = signed(id)?;
        self.with(|client| Ok(client.query_opt(&dollars(shared_sql::MARK_GAP), &[&status.as_str(), &by, &handled_at, &id])?.map(|row| row.try_get(0)).transpose()?))
    }

    fn prune_unanswered(&self, before: u64) -> Result<u64, StoreError> {
        let before = signed(before)?;
        self.with(|client| {
            let mut transaction = client.transaction()?;
            let removed = transaction.execute(&dollars(shared_sql::PRUNE_ASKS), &[&before])?;
            transaction.execute(shared_sql::PRUNE_GAPS, &[])?;
            transaction.commit()?;
            Ok(removed)
        })
    }

    fn audit(&self, new: &NewAudit, at: u64) -> Result<u64, StoreError> {
        let at = signed(at)?;
        self.with(|client| {
            let row = client.query_one(
                &dollars(shared_sql::INSERT_AUDIT),
                &[&new.actor, &new.platform, &new.action, &new.entry, &new.file, &new.detail, &new.diff, &new.before, &new.after, &at],
            )?;
            unsigned(row.try_get(0)?)
        })
    }

    fn audit_log(&self, page: Page) -> Result<Vec<AuditEntry>, StoreError> {
        let (limit, offset) = (signed(page.limit)?, signed(page.offset)?);
        self.with(|client| client.query(&format!("SELECT {} FROM audit_log ORDER BY id LIMIT $1 OFFSET $2", shared_sql::AUDIT_COLUMNS), &[&limit, &offset])?.iter().map(audit_from).collect())
    }

    fn history(&self, entry: Option<&str>, page: Page) -> Result<Vec<AuditEntry>, StoreError> {
        let (limit, offset) = (signed(page.limit)?, signed(page.offset)?);
        let sql = format!("SELECT {} FROM audit_log WHERE ($1::TEXT IS NULL OR entry = $1) ORDER BY id DESC LIMIT $2 OFFSET $3", shared_sql::AUDIT_COLUMNS);
        self.with(|client| client.query(&sql, &[&entry, &limit, &offset])?.iter().map(audit_from).collect())
    }

    fn audit_entry(&self, id: u64) -> Result<Option<AuditEntry>, StoreError> {
        let id = signed(id)?;
        self.with(|client| client.query_opt(&format!("SELECT {} FROM audit_log WHERE id = $1", shared_sql::AUDIT_COLUMNS), &[&id])?.as_ref().map(audit_from).transpose())
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.with(|client| Ok(client.query_opt("SELECT value FROM kv WHERE key = $1", &[&key])?.map(|row| row.try_get(0)).transpose()?))
    }

    fn put(&self, key: &str, value: &str, at: u64) -> Result<(), StoreError> {
        let at = signed(at)?;
        self.with(|client| {
            client.execute(
                "INSERT INTO kv (key, value, updated) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated = excluded.updated",
                &[&key, &value, &at],
            )?;
            Ok(())
        })
    }

    fn forget(&self, prefix: &str) -> Result<u64, StoreError> {
        if prefix.is_empty() {
            return Ok(0);
        }
        // A comparison, not LIKE: `_` and `%` in a key are themselves.
        self.with(|client| Ok(client.execute("DELETE FROM kv WHERE substr(key, 1, length($1::text)) = $1::text", &[&prefix])?))
    }

    fn check(&self) -> Result<Health, StoreError> {
        self.with(|client| {
            client.query_one("SELECT 1", &[])?;
            let exists: bool = client.query_one("SELECT to_regclass('schema_migrations') IS NOT NULL", &[])?.try_get(0)?;
            let version = if exists { version(client)? } else { 0 };
            Ok(Health { backend: self.describe(), version, known: migrations::latest(), problems: Vec::new() })
        })
    }

    fn backup(&self, _to: &Path) -> Result<(), StoreError> {
        Err(StoreError::Unsupported(format!(
            "histbot does not back up PostgreSQL itself; use pg_dump (e.g. `pg_dump --format=custom --file=histbot.dump` against {}), and pg_restore to restore",
            self.description
        )))
    }

    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
