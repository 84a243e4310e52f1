//! The SQLite backend: one file, WAL mode (readers never wait for the
//! writer), a busy timeout (other processes on the same file wait instead of
//! failing), `synchronous = FULL` (a write that returned survives a crash or
//! a power cut), foreign keys on.

mod study;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{
    considered_from, considered_json, migrations, place_label, shared_sql, signed, unsigned, AuditEntry, Filed, Gap, GapStatus, Health, ImportedReport, Limit, Migrated, NewAudit, NewReport, Page, Report, Store,
    StoreError, UnansweredAsk, Which,
};

/// How long a write waits for another process's write before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A SQLite database file.
pub struct SqliteStore {
    path: PathBuf,
    connection: Mutex<Connection>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Open (or create) the database file and its directory.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|error| StoreError::Open { what: parent.display().to_string(), message: error.to_string() })?;
        }
        let connection = Connection::open(path).map_err(|error| StoreError::Open { what: path.display().to_string(), message: error.to_string() })?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        Ok(SqliteStore { path: path.to_path_buf(), connection: Mutex::new(connection) })
    }

    /// Audit log lines selected by `sql` (which selects `AUDIT_COLUMNS`).
    fn audit_query(&self, sql: &str, parameters: impl rusqlite::Params) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql)?;
        let rows = statement.query_map(parameters, |row| {
            Ok((
                row.get::<_, i64>(0)?,
                AuditEntry {
                    id: 0,
                    actor: row.get(1)?,
                    platform: row.get(2)?,
                    action: row.get(3)?,
                    entry: row.get(4)?,
                    file: row.get(5)?,
                    detail: row.get(6)?,
                    diff: row.get(7)?,
                    before: row.get(8)?,
                    after: row.get(9)?,
                    at: 0,
                },
                row.get::<_, i64>(10)?,
            ))
        })?;
        rows.map(|row| {
            let (id, entry, at) = row?;
            Ok(AuditEntry { id: unsigned(id)?, at: unsigned(at)?, ..entry })
        })
        .collect()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        match self.connection.lock() {
            Ok(connection) => connection,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

/// The newest migration recorded.
fn version(connection: &Connection) -> Result<i64, StoreError> {
    Ok(connection.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))?)
}

fn report_from(row: &Row<'_>) -> rusqlite::Result<(i64, Report)> {
    let report = Report {
        id: 0,
        entry: row.get("entry")?,
        text: row.get("text")?,
        reporter: row.get("reporter")?,
        reporter_id: row.get("reporter_id")?,
        platform: row.get("platform")?,
        place: row.get("place")?,
        created: 0,
        reply_to: row.get("reply_to")?,
        fixed_by: None,
    };
    let created: i64 = row.get("created")?;
    let fixed_by: Option<i64> = row.get("fixed_by")?;
    Ok((row.get("id")?, Report { created: u64::try_from(created).unwrap_or(0), fixed_by: fixed_by.and_then(|id| u64::try_from(id).ok()), ..report }))
}

impl Store for SqliteStore {
    fn migrate(&self) -> Result<Migrated, StoreError> {
        let mut connection = self.lock();
        connection.execute_batch(migrations::BOOKKEEPING)?;
        let from = version(&connection)?;
        let known = migrations::latest();
        if from > known {
            return Err(StoreError::TooNew { found: from, known });
        }
        for migration in migrations::all() {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if version(&transaction)? >= migration.version {
                continue;
            }
            transaction.execute_batch(migration.sqlite)?;
            transaction.execute(
                "INSERT INTO schema_migrations (version, name, applied) VALUES (?1, ?2, ?3)",
                params![migration.version, migration.name, signed(super::unix_now())?],
            )?;
            transaction.commit()?;
        }
        Ok(Migrated { from, to: version(&connection)? })
    }

    fn file_report(&self, new: &NewReport, now: u64, limit: Limit) -> Result<Filed, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let since = signed(now.saturating_sub(limit.window_secs.saturating_sub(1)))?;
        let (count, oldest): (i64, Option<i64>) = transaction.query_row(
            "SELECT COUNT(*), MIN(created) FROM reports WHERE platform = ?1 AND reporter_id = ?2 AND created >= ?3",
            params![new.platform, new.reporter_id, since],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if unsigned(count)? >= limit.per_user as u64 {
            return Ok(Filed::Limited { oldest: oldest.map(unsigned).transpose()?.unwrap_or(now) });
        }
        transaction.execute(
            "INSERT INTO reports (entry, text, reporter, reporter_id, platform, place, created, reply_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![new.entry, new.text, new.reporter, new.reporter_id, new.platform, new.place, signed(now)?, new.reply_to],
        )?;
        let id = unsigned(transaction.last_insert_rowid())?;
        transaction.commit()?;
        Ok(Filed::Stored(Report {
            id,
            entry: new.entry.clone(),
            text: new.text.clone(),
            reporter: new.reporter.clone(),
            reporter_id: new.reporter_id.clone(),
            platform: new.platform.clone(),
            place: new.place.clone(),
            created: now,
            reply_to: new.reply_to.clone(),
            fixed_by: None,
        }))
    }

    fn close_report(&self, id: u64, by: &str, at: u64) -> Result<bool, StoreError> {
        let changed = self.lock().execute(
            "UPDATE reports SET closed_by = ?1, closed_at = ?2 WHERE id = ?3 AND closed_at IS NULL",
            params![by, signed(at)?, signed(id)?],
        )?;
        Ok(changed == 1)
    }

    fn link_fix(&self, id: u64, change: u64) -> Result<(), StoreError> {
        self.lock().execute("UPDATE reports SET fixed_by = ?1 WHERE id = ?2", params![signed(change)?, signed(id)?])?;
        Ok(())
    }

    fn report(&self, id: u64) -> Result<Option<Report>, StoreError> {
        let connection = self.lock();
        let found = connection.query_row("SELECT * FROM reports WHERE id = ?1", params![signed(id)?], report_from).optional()?;
        found.map(|(id, report)| Ok(Report { id: unsigned(id)?, ..report })).transpose()
    }

    fn reports(&self, which: Which, page: Page) -> Result<Vec<Report>, StoreError> {
        let filter = match which {
            Which::Open => "WHERE closed_at IS NULL",
            Which::All => "",
        };
        let connection = self.lock();
        let mut statement = connection.prepare_cached(&format!("SELECT * FROM reports {filter} ORDER BY id LIMIT ?1 OFFSET ?2"))?;
        let rows = statement.query_map(params![signed(page.limit)?, signed(page.offset)?], report_from)?;
        rows.map(|row| {
            let (id, report) = row?;
            Ok(Report { id: unsigned(id)?, ..report })
        })
        .collect()
    }

    fn count_open_reports(&self) -> Result<u64, StoreError> {
        unsigned(self.lock().query_row("SELECT COUNT(*) FROM reports WHERE closed_at IS NULL", [], |row| row.get(0))?)
    }

    fn count_reports_since(&self, platform: &str, reporter_id: &str, since: u64) -> Result<u64, StoreError> {
        unsigned(self.lock().query_row(
            "SELECT COUNT(*) FROM reports WHERE platform = ?1 AND reporter_id = ?2 AND created >= ?3",
            params![platform, reporter_id, signed(since)?],
            |row| row.get(0),
        )?)
    }

    fn import_reports(&self, source: &str, reports: &[ImportedReport], now: u64) -> Result<bool, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done: Option<i64> = transaction.query_row("SELECT items FROM imports WHERE source = ?1", [source], |row| row.get(0)).optional()?;
        if done.is_some() {
            return Ok(false);
        }
        for item in reports {
            let r = &item.report;
            let (closed_by, closed_at) = match &item.closed {
                Some((by, at)) => (Some(by.as_str()), Some(signed(*at)?)),
                None => (None, None),
            };
            transaction.execute(
                "INSERT OR IGNORE INTO reports (id, entry, text, reporter, reporter_id, platform, place, created, closed_by, closed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![signed(r.id)?, r.entry, r.text, r.reporter, r.reporter_id, r.platform, r.place, signed(r.created)?, closed_by, closed_at],
            )?;
        }
        transaction.execute("INSERT INTO imports (source, items, at) VALUES (?1, ?2, ?3)", params![source, signed(reports.len() as u64)?, signed(now)?])?;
        transaction.commit()?;
        Ok(true)
    }

    fn log_unanswered(&self, ask: &UnansweredAsk, at: u64) -> Result<u64, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let gap: i64 = transaction.query_row(shared_sql::UPSERT_GAP, params![ask.question, considered_json(&ask.considered)], |row| row.get(0))?;
        transaction.execute(shared_sql::INSERT_ASK, params![gap, ask.platform, ask.place, signed(at)?])?;
        transaction.commit()?;
        unsigned(gap)
    }

    fn gaps(&self, since: u64, page: Page) -> Result<(Vec<Gap>, u64), StoreError> {
        let connection = self.lock();
        let since = signed(since)?;
        let total: i64 = connection.query_row(&shared_sql::gaps_count(), params![since], |row| row.get(0))?;
        let mut statement = connection.prepare_cached(&shared_sql::gaps_page())?;
        let rows = statement.query_map(params![since, signed(page.limit)?, signed(page.offset)?], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get::<_, String>(3)?, row.get::<_, i64>(4)?, row.get::<_, i64>(5)?, row.get::<_, i64>(6)?))
        })?;
        let mut gaps = Vec::new();
        for row in rows {
            let (id, question, considered, status, asked, first, last) = row?;
            gaps.push(Gap {
                id: unsigned(id)?,
                question,
                asked: unsigned(asked)?,
                first_asked: unsigned(first)?,
                last_asked: unsigned(last)?,
                considered: considered_from(&considered),
                places: Vec::new(),
                status: GapStatus::parse(&status),
            });
        }
        let mut places = connection.prepare_cached(&shared_sql::gap_places())?;
        for gap in &mut gaps {
            let rows = places.query_map(params![since, signed(gap.id)?], |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?)))?;
            for row in rows {
                let (platform, place) = row?;
                gap.places.push(place_label(&platform, place.as_deref()));
            }
        }
        Ok((gaps, unsigned(total)?))
    }

    fn mark_gap(&self, id: u64, status: GapStatus, by: &str, at: u64) -> Result<Option<String>, StoreError> {
        let handled_at = match status {
            GapStatus::Open => None,
            _ => Some(signed(at)?),
        };
        Ok(self.lock().query_row(shared_sql::MARK_GAP, params![status.as_str(), by, handled_at, signed(id)?], |row| row.get(0)).optional()?)
    }

    fn prune_unanswered(&self, before: u64) -> Result<u64, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let removed = transaction.execute(shared_sql::PRUNE_ASKS, params![signed(before)?])?;
        transaction.execute(shared_sql::PRUNE_GAPS, [])?;
        transaction.commit()?;
        Ok(removed as u64)
    }

    fn audit(&self, new: &NewAudit, at: u64) -> Result<u64, StoreError> {
        let id: i64 = self.lock().query_row(
            shared_sql::INSERT_AUDIT,
            params![new.actor, new.platform, new.action, new.entry, new.file, new.detail, new.diff, new.before, new.after, signed(at)?],
            |row| row.get(0),
        )?;
        unsigned(id)
    }

    fn audit_log(&self, page: Page) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_query(&format!("SELECT {} FROM audit_log ORDER BY id LIMIT ?1 OFFSET ?2", shared_sql::AUDIT_COLUMNS), params![signed(page.limit)?, signed(page.offset)?])
    }

    fn history(&self, entry: Option<&str>, page: Page) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_query(
            &format!("SELECT {} FROM audit_log WHERE (?1 IS NULL OR entry = ?1) ORDER BY id DESC LIMIT ?2 OFFSET ?3", shared_sql::AUDIT_COLUMNS),
            params![entry, signed(page.limit)?, signed(page.offset)?],
        )
    }

    fn audit_entry(&self, id: u64) -> Result<Option<AuditEntry>, StoreError> {
        Ok(self.audit_query(&format!("SELECT {} FROM audit_log WHERE id = ?1", shared_sql::AUDIT_COLUMNS), params![signed(id)?])?.pop())
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.lock().query_row("SELECT value FROM kv WHERE key = ?1", [key], |row| row.get(0)).optional()?)
    }

    fn put(&self, key: &str, value: &str, at: u64) -> Result<(), StoreError> {
        self.lock().execute(
            "INSERT INTO kv (key, value, updated) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated = excluded.updated",
            params![key, value, signed(at)?],
        )?;
        Ok(())
    }

    fn forget(&self, prefix: &str) -> Result<u64, StoreError> {
        if prefix.is_empty() {
            return Ok(0);
        }
        // A comparison, not LIKE: `_` and `%` in a key are themselves.
        let forgotten = self.lock().execute("DELETE FROM kv WHERE substr(key, 1, length(?1)) = ?1", [prefix])?;
        Ok(forgotten as u64)
    }

    fn check(&self) -> Result<Health, StoreError> {
        let connection = self.lock();
        connection.execute_batch(migrations::BOOKKEEPING)?;
        let mut statement = connection.prepare("PRAGMA integrity_check")?;
        let problems: Vec<String> = statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
        let problems = problems.into_iter().filter(|line| line != "ok").collect();
        Ok(Health { backend: self.describe(), version: version(&connection)?, known: migrations::latest(), problems })
    }

    fn backup(&self, to: &Path) -> Result<(), StoreError> {
        let connection = self.lock();
        let mut target = Connection::open(to).map_err(|error| StoreError::Open { what: to.display().to_string(), message: error.to_string() })?;
        let backup = rusqlite::backup::Backup::new(&connection, &mut target)?;
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
        Ok(())
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.lock().query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    fn describe(&self) -> String {
        format!("sqlite {}", self.path.display())
    }
}
