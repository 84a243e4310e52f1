//! The wrong-answer report queue: a JSON Lines file in the data directory.
//!
//! The file is an append-only log of `open` and `close` records. Each record
//! is written as one line with a single `write` and then synced, so a crash
//! can at worst leave a partial last line; on open, such a line is cut off
//! (and logged) and every complete record before it is kept.
//!
//! The per-user rate limit is kept in the same log: every filed report
//! records its reporter and time, so on open the reports filed within the
//! window count again, and a restart does not reset anyone's limit.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

/// One line of the log.
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

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot use the report queue {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("too many reports; try again in {} s", retry_after.as_secs())]
    RateLimited { retry_after: Duration },
    /// A field is longer than its cap ([`REPORT_TEXT_MAX_CHARS`], [`REPORT_ENTRY_MAX_CHARS`]).
    #[error("the report's {field} is {chars} characters long; at most {max} are accepted")]
    TooLong { field: &'static str, chars: usize, max: usize },
}

struct State {
    file: File,
    open: Vec<Report>,
    next_id: u64,
    /// Per reporter (`platform:user id`), when their recent reports were
    /// filed, in Unix seconds.
    recent: HashMap<String, Vec<u64>>,
}

/// The queue, safe to share between front ends.
pub struct ReportQueue {
    path: PathBuf,
    per_user: usize,
    window: Duration,
    state: Mutex<State>,
}

impl std::fmt::Debug for ReportQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportQueue").field("path", &self.path).finish_non_exhaustive()
    }
}

impl ReportQueue {
    /// Open (or create) the queue file, recovering from a torn last line.
    pub fn open(path: PathBuf, per_user: usize, window: Duration) -> Result<ReportQueue, ReportError> {
        let io = |source| ReportError::Io { path: path.clone(), source };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io)?;
        }
        let (records, good_length) = read_log(&path).map_err(io)?;
        let file = OpenOptions::new().create(true).read(true).write(true).truncate(false).open(&path).map_err(io)?;
        let length = file.metadata().map_err(io)?.len();
        if length > good_length {
            tracing::warn!(path = %path.display(), kept = good_length, dropped = length - good_length, "report queue had a torn last line (a crash mid-write); cutting it off");
            file.set_len(good_length).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        let (open, next_id, recent) = replay(records, window);
        let file = OpenOptions::new().append(true).open(&path).map_err(io)?;
        Ok(ReportQueue { path, per_user, window, state: Mutex::new(State { file, open, next_id, recent }) })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        match self.state.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// File a report, unless a field is over its cap or the reporter is
    /// over the rate limit (a refused long report does not count against it).
    pub fn file(&self, new: NewReport) -> Result<Report, ReportError> {
        check_lengths(&new.entry, &new.text)?;
        let mut state = self.lock();
        let now = unix_now();
        let window = self.window.as_secs();
        let recent = state.recent.entry(reporter_key(&new.platform, &new.reporter_id)).or_default();
        recent.retain(|&at| within(at, now, window));
        if recent.len() >= self.per_user {
            let oldest = recent.first().copied().unwrap_or(now);
            return Err(ReportError::RateLimited { retry_after: Duration::from_secs(window.saturating_sub(now.saturating_sub(oldest))) });
        }
        let report = Report {
            id: state.next_id,
            entry: new.entry,
            text: new.text,
            reporter: new.reporter,
            reporter_id: new.reporter_id,
            platform: new.platform,
            place: new.place,
            created: now,
        };
        append(&mut state.file, &Record::Open(report.clone())).map_err(|source| ReportError::Io { path: self.path.clone(), source })?;
        state.recent.entry(reporter_key(&report.platform, &report.reporter_id)).or_default().push(now);
        state.next_id += 1;
        state.open.push(report.clone());
        Ok(report)
    }

    /// Close an open report; `Ok(false)` when there is no such open report.
    pub fn close(&self, id: u64, by: &str) -> Result<bool, ReportError> {
        let mut state = self.lock();
        if !state.open.iter().any(|r| r.id == id) {
            return Ok(false);
        }
        append(&mut state.file, &Record::Close { id, by: by.to_string(), at: unix_now() })
            .map_err(|source| ReportError::Io { path: self.path.clone(), source })?;
        state.open.retain(|r| r.id != id);
        Ok(true)
    }

    /// Sync the log to disk (every record is synced as it is written; this
    /// is the last word at shutdown).
    pub fn flush(&self) -> Result<(), ReportError> {
        let state = self.lock();
        state.file.sync_all().map_err(|source| ReportError::Io { path: self.path.clone(), source })
    }

    pub fn open_reports(&self) -> Vec<Report> {
        self.lock().open.clone()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The open reports, the next id and the recent filings per reporter (within
/// `window` of now) that a log's records add up to.
fn replay(records: Vec<Record>, window: Duration) -> (Vec<Report>, u64, HashMap<String, Vec<u64>>) {
    let (now, window) = (unix_now(), window.as_secs());
    let mut open: Vec<Report> = Vec::new();
    let mut next_id = 1;
    let mut recent: HashMap<String, Vec<u64>> = HashMap::new();
    for record in records {
        match record {
            Record::Open(report) => {
                next_id = next_id.max(report.id + 1);
                if within(report.created, now, window) {
                    recent.entry(reporter_key(&report.platform, &report.reporter_id)).or_default().push(report.created);
                }
                open.push(report);
            }
            Record::Close { id, .. } => open.retain(|r| r.id != id),
        }
    }
    (open, next_id, recent)
}

/// The rate limit's key for one reporter.
fn reporter_key(platform: &str, reporter_id: &str) -> String {
    format!("{platform}:{reporter_id}")
}

/// Whether a report filed at `at` still counts at `now` (Unix seconds; one
/// stamped in the future, after the clock went back, counts).
fn within(at: u64, now: u64, window: u64) -> bool {
    now.saturating_sub(at) < window
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

/// Write one record as one line, then sync it to disk.
fn append(file: &mut File, record: &Record) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(record).map_err(std::io::Error::other)?;
    line.push(b'\n');
    file.write_all(&line)?;
    file.sync_data()
}

/// Read every complete record; return them and the byte length they span.
fn read_log(path: &Path) -> std::io::Result<(Vec<Record>, u64)> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(error) => return Err(error),
    };
    let mut reader = BufReader::new(file);
    let mut records = Vec::new();
    let mut good_length = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        let complete = line.ends_with(b"\n");
        match serde_json::from_slice::<Record>(line.trim_ascii()) {
            Ok(record) if complete => {
                records.push(record);
                good_length += read as u64;
            }
            _ if !complete => break,
            _ => {
                // A complete but unreadable line (edited by hand): skip it, keep the rest.
                tracing::warn!(path = %path.display(), offset = good_length, "skipping an unreadable line in the report queue");
                good_length += read as u64;
            }
        }
    }
    Ok((records, good_length))
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(entry: &str, user: &str) -> NewReport {
        NewReport { entry: entry.into(), text: "wrong".into(), reporter: user.into(), reporter_id: user.into(), platform: "test".into(), place: None }
    }

    #[test]
    fn the_rate_limit_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports.jsonl");
        {
            let queue = ReportQueue::open(path.clone(), 2, Duration::from_secs(600)).unwrap();
            queue.file(new("a", "u1")).unwrap();
            queue.file(new("b", "u1")).unwrap();
            assert!(queue.close(1, "mod").unwrap(), "closing a report gives no report back");
        }
        let queue = ReportQueue::open(path.clone(), 2, Duration::from_secs(600)).unwrap();
        assert!(matches!(queue.file(new("c", "u1")), Err(ReportError::RateLimited { .. })), "the limit was reset by a restart");
        assert!(queue.file(new("c", "u2")).is_ok(), "other reporters are not limited");
        // Reports older than the window no longer count.
        let old = Report { id: 9, entry: "d".into(), text: "old".into(), reporter: "u3".into(), reporter_id: "u3".into(), platform: "test".into(), place: None, created: unix_now() - 601 };
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        append(&mut file, &Record::Open(old.clone())).unwrap();
        append(&mut file, &Record::Open(Report { id: 10, ..old })).unwrap();
        let queue = ReportQueue::open(path, 2, Duration::from_secs(600)).unwrap();
        assert!(queue.file(new("e", "u3")).is_ok());
    }

    #[test]
    fn reports_record_their_place_and_old_lines_without_one_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports.jsonl");
        let old = r#"{"op":"open","id":1,"entry":"a","text":"wrong","reporter":"Ana","reporter_id":"7","platform":"discord","created":1700000000}"#;
        fs::write(&path, format!("{old}\n")).unwrap();
        let queue = ReportQueue::open(path.clone(), 10, Duration::from_secs(60)).unwrap();
        queue.file(NewReport { place: Some("Matrix room !r:example.org".into()), ..new("b", "u1") }).unwrap();
        let again = ReportQueue::open(path, 10, Duration::from_secs(60)).unwrap();
        let places: Vec<Option<String>> = again.open_reports().into_iter().map(|r| r.place).collect();
        assert_eq!(places, [None, Some("Matrix room !r:example.org".to_string())]);
    }

    #[test]
    fn reports_survive_a_restart_and_a_torn_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports.jsonl");
        {
            let queue = ReportQueue::open(path.clone(), 10, Duration::from_secs(60)).unwrap();
            queue.file(new("a", "u1")).unwrap();
            queue.file(new("b", "u2")).unwrap();
            queue.file(new("c", "u3")).unwrap();
            assert!(queue.close(2, "mod").unwrap());
        }
        // A crash mid-write leaves half a record at the end.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"op\":\"open\",\"id\":4,\"entry\":\"d\",\"te").unwrap();
        drop(file);
        let queue = ReportQueue::open(path.clone(), 10, Duration::from_secs(60)).unwrap();
        let open: Vec<String> = queue.open_reports().iter().map(|r| r.entry.clone()).collect();
        assert_eq!(open, ["a", "c"]);
        let next = queue.file(new("e", "u4")).unwrap();
        assert_eq!(next.id, 4);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.lines().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()), "{text}");
    }

    #[test]
    fn reports_are_rate_limited_per_user() {
        let dir = tempfile::tempdir().unwrap();
        let queue = ReportQueue::open(dir.path().join("r.jsonl"), 2, Duration::from_secs(600)).unwrap();
        queue.file(new("a", "u1")).unwrap();
        queue.file(new("a", "u1")).unwrap();
        assert!(matches!(queue.file(new("a", "u1")), Err(ReportError::RateLimited { .. })));
        assert!(queue.file(new("a", "u2")).is_ok());
    }

    #[test]
    fn long_reports_are_refused_without_using_the_rate_limit() {
        let dir = tempfile::tempdir().unwrap();
        let queue = ReportQueue::open(dir.path().join("r.jsonl"), 1, Duration::from_secs(600)).unwrap();
        let long = NewReport { text: "ж".repeat(REPORT_TEXT_MAX_CHARS + 1), ..new("a", "u1") };
        assert!(matches!(queue.file(long), Err(ReportError::TooLong { field: "problem text", chars: 1001, max: 1000 })));
        let long_entry = NewReport { entry: "e".repeat(REPORT_ENTRY_MAX_CHARS + 1), ..new("a", "u1") };
        assert!(matches!(queue.file(long_entry), Err(ReportError::TooLong { field: "entry", .. })));
        let at_cap = NewReport { text: "ж".repeat(REPORT_TEXT_MAX_CHARS), ..new("a", "u1") };
        assert!(queue.file(at_cap).is_ok());
        queue.flush().unwrap();
    }
}
