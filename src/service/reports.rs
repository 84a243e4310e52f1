//! Wrong-answer reports: the queue moderators work through, kept in the
//! [store](crate::store), and the one-time importer of the old JSON Lines
//! queue (`data_dir/reports.jsonl`).
//!
//! Every report is committed to the store before it is acknowledged. The
//! per-user rate limit is counted from the stored reports themselves, so a
//! restart does not reset anyone's limit, and replicas sharing a PostgreSQL
//! database share it.
//!
//! The old queue was an append-only log of `open` and `close` records, one
//! JSON object per line. On first start it is imported once (the import is
//! recorded in the store, so it never runs twice), then left alone on disk; a
//! torn last line (a crash mid-write) is skipped and logged.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::store::{self, Filed, ImportedReport, Limit, Page, Store, StoreError, Which};
pub use crate::store::{NewReport, Report};

/// The old queue's file name in the data directory.
pub const JSONL_QUEUE: &str = "reports.jsonl";

/// One line of the old log.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
enum Record {
    Open(Report),
    Close { id: u64, by: String, at: u64 },
}

/// The longest problem text a report may have, in characters. Discord's
/// clients stop at 400, but other clients (and the API) do not; a longer
/// report is refused with a message saying so, never silently cut.
pub const REPORT_TEXT_MAX_CHARS: usize = 1000;
/// The longest entry name a report may give, in characters.
pub const REPORT_ENTRY_MAX_CHARS: usize = 200;
/// How many open reports a listing shows at most.
pub const LISTING_MAX: u64 = 1000;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot read the old report queue {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the report store failed: {0}")]
    Store(#[from] StoreError),
    #[error("too many reports; try again in {} s", retry_after.as_secs())]
    RateLimited { retry_after: Duration },
    /// A field is longer than its cap ([`REPORT_TEXT_MAX_CHARS`], [`REPORT_ENTRY_MAX_CHARS`]).
    #[error("the report's {field} is {chars} characters long; at most {max} are accepted")]
    TooLong { field: &'static str, chars: usize, max: usize },
}

/// The queue, safe to share between front ends: the store and the limit.
pub struct ReportQueue {
    store: Arc<dyn Store>,
    limit: Limit,
}

impl std::fmt::Debug for ReportQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportQueue").field("store", &self.store.describe()).finish_non_exhaustive()
    }
}

impl ReportQueue {
    /// The queue in `store`, with `per_user` reports per `window`.
    pub fn new(store: Arc<dyn Store>, per_user: usize, window: Duration) -> ReportQueue {
        ReportQueue { store, limit: Limit { per_user, window_secs: window.as_secs() } }
    }

    /// File a report, unless a field is over its cap or the reporter is
    /// over the rate limit (a refused long report does not count against it).
    pub fn file(&self, new: NewReport) -> Result<Report, ReportError> {
        self.file_at(new, store::unix_now())
    }

    /// [`file`](Self::file) as if it were `now` (Unix seconds).
    pub fn file_at(&self, new: NewReport, now: u64) -> Result<Report, ReportError> {
        check_lengths(&new.entry, &new.text)?;
        match self.store.file_report(&new, now, self.limit)? {
            Filed::Stored(report) => Ok(report),
            Filed::Limited { oldest } => {
                let waited = now.saturating_sub(oldest);
                Err(ReportError::RateLimited { retry_after: Duration::from_secs(self.limit.window_secs.saturating_sub(waited)) })
            }
        }
    }

    /// Close an open report; `Ok(false)` when there is no such open report.
    pub fn close(&self, id: u64, by: &str) -> Result<bool, ReportError> {
        Ok(self.store.close_report(id, by, store::unix_now())?)
    }

    /// The last word at shutdown (every report is committed as it is filed).
    pub fn flush(&self) -> Result<(), ReportError> {
        Ok(self.store.flush()?)
    }

    /// The open reports, oldest first (at most [`LISTING_MAX`]).
    pub fn open_reports(&self) -> Result<Vec<Report>, ReportError> {
        Ok(self.store.reports(Which::Open, Page::first(LISTING_MAX))?)
    }

    /// How many reports are open.
    pub fn count_open(&self) -> Result<u64, ReportError> {
        Ok(self.store.count_open_reports()?)
    }

    /// The store the queue lives in.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }
}

/// Import the old JSON Lines queue at `path` into `store`, once: `Ok(None)`
/// when there is no such file, `Ok(Some(false))` when it was imported before.
pub fn import_jsonl(store: &dyn Store, path: &Path) -> Result<Option<bool>, ReportError> {
    let Some(records) = read_log(path).map_err(|source| ReportError::Io { path: path.to_path_buf(), source })? else {
        return Ok(None);
    };
    let reports = replay(records);
    let imported = store.import_reports(&path.display().to_string(), &reports, store::unix_now())?;
    if imported {
        tracing::info!(path = %path.display(), reports = reports.len(), "imported the old report queue into the store; the file is no longer used");
    }
    Ok(Some(imported))
}

/// Every report a log's records add up to, with how each was closed.
fn replay(records: Vec<Record>) -> Vec<ImportedReport> {
    let mut reports: Vec<ImportedReport> = Vec::new();
    for record in records {
        match record {
            Record::Open(report) => reports.push(ImportedReport { report, closed: None }),
            Record::Close { id, by, at } => {
                if let Some(item) = reports.iter_mut().find(|item| item.report.id == id && item.closed.is_none()) {
                    item.closed = Some((by, at));
                }
            }
        }
    }
    reports
}

/// Refuse an entry or a problem text over its cap ([`ReportError::TooLong`]).
pub fn check_lengths(entry: &str, text: &str) -> Result<(), ReportError> {
    for (field, value, max) in [("problem text", text, REPORT_TEXT_MAX_CHARS), ("entry", entry, REPORT_ENTRY_MAX_CHARS)] {
        let chars = value.chars().count();
        if chars > max {
            return Err(ReportError::TooLong { field, chars, max });
        }
    }
    Ok(())
}

/// Read every complete record (`None` when there is no file); a torn last
/// line and complete but unreadable lines are skipped and logged.
fn read_log(path: &Path) -> std::io::Result<Option<Vec<Record>>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    let mut reader = BufReader::new(file);
    let mut records = Vec::new();
    let mut offset = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        match serde_json::from_slice::<Record>(line.trim_ascii()) {
            Ok(record) if line.ends_with(b"\n") => records.push(record),
            _ if !line.ends_with(b"\n") => {
                tracing::warn!(path = %path.display(), offset, "the old report queue ends in a torn line (a crash mid-write); skipping it");
                break;
            }
            _ => tracing::warn!(path = %path.display(), offset, "skipping an unreadable line in the old report queue"),
        }
        offset += read as u64;
    }
    Ok(Some(records))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Location;

    fn new(entry: &str, user: &str) -> NewReport {
        NewReport { entry: entry.into(), text: "wrong".into(), reporter: user.into(), reporter_id: user.into(), platform: "test".into(), place: None, reply_to: None }
    }

    /// The queue in a SQLite store in `dir`, opened as a start would.
    fn queue(dir: &Path, per_user: usize, window_secs: u64) -> ReportQueue {
        let store = store::open_migrated(&Location::in_data_dir(dir)).unwrap();
        import_jsonl(store.as_ref(), &dir.join(JSONL_QUEUE)).unwrap();
        ReportQueue::new(store, per_user, Duration::from_secs(window_secs))
    }

    fn entries(queue: &ReportQueue) -> Vec<String> {
        queue.open_reports().unwrap().into_iter().map(|r| r.entry).collect()
    }

    #[test]
    fn the_rate_limit_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        {
            let queue = queue(dir.path(), 2, 600);
            queue.file(new("a", "u1")).unwrap();
            queue.file(new("b", "u1")).unwrap();
            assert!(queue.close(1, "mod").unwrap(), "closing a report gives no report back");
        }
        let queue = queue(dir.path(), 2, 600);
        assert!(matches!(queue.file(new("c", "u1")), Err(ReportError::RateLimited { .. })), "the limit was reset by a restart");
        assert!(queue.file(new("c", "u2")).is_ok(), "other reporters are not limited");
        // Reports older than the window no longer count.
        let old = store::unix_now() - 601;
        queue.file_at(new("d", "u3"), old).unwrap();
        queue.file_at(new("d", "u3"), old).unwrap();
        let queue = super::tests::queue(dir.path(), 2, 600);
        assert!(queue.file(new("e", "u3")).is_ok());
    }

    #[test]
    fn reports_record_their_place_and_old_lines_without_one_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let old = r#"{"op":"open","id":1,"entry":"a","text":"wrong","reporter":"Ana","reporter_id":"7","platform":"discord","created":1700000000}"#;
        std::fs::write(dir.path().join(JSONL_QUEUE), format!("{old}\n")).unwrap();
        queue(dir.path(), 10, 60).file(NewReport { place: Some("Matrix room !r:example.org".into()), ..new("b", "u1") }).unwrap();
        let again = queue(dir.path(), 10, 60);
        let places: Vec<Option<String>> = again.open_reports().unwrap().into_iter().map(|r| r.place).collect();
        assert_eq!(places, [None, Some("Matrix room !r:example.org".to_string())]);
    }

    #[test]
    fn the_old_queue_is_imported_once_torn_line_and_all_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JSONL_QUEUE);
        let line = |id: u64, entry: &str| serde_json::to_string(&Record::Open(Report { id, created: 1_700_000_000, ..report(entry) })).unwrap();
        let close = serde_json::to_string(&Record::Close { id: 2, by: "mod".into(), at: 1_700_000_100 }).unwrap();
        // A crash mid-write left half a record at the end.
        let old = format!("{}\n{}\n{}\n{close}\n{{\"op\":\"open\",\"id\":4,\"entry\":\"d\",\"te", line(1, "a"), line(2, "b"), line(3, "c"));
        std::fs::write(&path, &old).unwrap();
        let queue = queue(dir.path(), 10, 60);
        assert_eq!(entries(&queue), ["a", "c"]);
        assert_eq!(queue.file(new("e", "u4")).unwrap().id, 4);
        assert_eq!(import_jsonl(queue.store().as_ref(), &path).unwrap(), Some(false), "imported twice");
        drop(queue);
        let queue = super::tests::queue(dir.path(), 10, 60);
        assert_eq!(entries(&queue), ["a", "c", "e"], "a restart imported the old queue again");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), old, "the old queue was changed");
    }

    fn report(entry: &str) -> Report {
        Report { id: 0, entry: entry.into(), text: "wrong".into(), reporter: "u".into(), reporter_id: "u".into(), platform: "test".into(), place: None, created: 0, reply_to: None, fixed_by: None }
    }

    #[test]
    fn reports_are_rate_limited_per_user() {
        let dir = tempfile::tempdir().unwrap();
        let queue = queue(dir.path(), 2, 600);
        queue.file(new("a", "u1")).unwrap();
        queue.file(new("a", "u1")).unwrap();
        assert!(matches!(queue.file(new("a", "u1")), Err(ReportError::RateLimited { .. })));
        assert!(queue.file(new("a", "u2")).is_ok());
    }

    #[test]
    fn long_reports_are_refused_without_using_the_rate_limit() {
        let dir = tempfile::tempdir().unwrap();
        let queue = queue(dir.path(), 1, 600);
        let long = NewReport { text: "ж".repeat(REPORT_TEXT_MAX_CHARS + 1), ..new("a", "u1") };
        assert!(matches!(queue.file(long), Err(ReportError::TooLong { field: "problem text", chars: 1001, max: 1000 })));
        let long_entry = NewReport { entry: "e".repeat(REPORT_ENTRY_MAX_CHARS + 1), ..new("a", "u1") };
        assert!(matches!(queue.file(long_entry), Err(ReportError::TooLong { field: "entry", .. })));
        let at_cap = NewReport { text: "ж".repeat(REPORT_TEXT_MAX_CHARS), ..new("a", "u1") };
        assert!(queue.file(at_cap).is_ok());
        queue.flush().unwrap();
    }
}
