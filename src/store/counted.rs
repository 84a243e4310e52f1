//! A [`Store`] that counts its own failures: every call that returns an
//! error adds one to `histbot_store_errors_total{backend, operation}`
//! (see [`crate::service::measure::store_error`]). [`super::open`] wraps
//! every store in it, so no caller has to remember to count.

use std::path::Path;

use super::{
    AuditEntry, Filed, Gap, GapStatus, Health, ImportedReport, Limit, Migrated, NewAudit,
    NewReport, Page, Report, Store, StoreError, UnansweredAsk, Which,
};
use crate::service::measure;

/// `inner`, with its errors counted under `backend` (`sqlite`, `postgres`).
#[derive(Debug)]
pub struct Counted<S> {
    inner: S,
    backend: &'static str,
}

impl<S: Store> Counted<S> {
    pub fn new(inner: S, backend: &'static str) -> Counted<S> {
        Counted { inner, backend }
    }

    fn count<T>(
        &self,
        operation: &'static str,
        result: Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if result.is_err() {
            measure::store_error(self.backend, operation);
        }
        result
    }
}

impl<S: Store> Store for Counted<S> {
    fn migrate(&self) -> Result<Migrated, StoreError> {
        self.count("migrate", self.inner.migrate())
    }
    fn file_report(&self, new: &NewReport, now: u64, limit: Limit) -> Result<Filed, StoreError> {
        self.count("file_report", self.inner.file_report(new, now, limit))
    }
    fn close_report(&self, id: u64, by: &str, at: u64) -> Result<bool, StoreError> {
        self.count("close_report", self.inner.close_report(id, by, at))
    }
    fn link_fix(&self, id: u64, change: u64) -> Result<(), StoreError> {
        self.count("link_fix", self.inner.link_fix(id, change))
    }
    fn report(&self, id: u64) -> Result<Option<Report>, StoreError> {
        self.count("report", self.inner.report(id))
    }
    fn reports(&self, which: Which, page: Page) -> Result<Vec<Report>, StoreError> {
        self.count("reports", self.inner.reports(which, page))
    }
    fn count_open_reports(&self) -> Result<u64, StoreError> {
        self.count("count_open_reports", self.inner.count_open_reports())
    }
    fn count_reports_since(
        &self,
        platform: &str,
        reporter_id: &str,
        since: u64,
    ) -> Result<u64, StoreError> {
        self.count(
            "count_reports_since",
            self.inner.count_reports_since(platform, reporter_id, since),
        )
    }
    fn import_reports(
        &self,
        source: &str,
        reports: &[ImportedReport],
        now: u64,
    ) -> Result<bool, StoreError> {
        self.count(
            "import_reports",
            self.inner.import_reports(source, reports, now),
        )
    }
    fn log_unanswered(&self, ask: &UnansweredAsk, at: u64) -> Result<u64, StoreError> {
        self.count("log_unanswered", self.inner.log_unanswered(ask, at))
    }
    fn gaps(&self, since: u64, page: Page) -> Result<(Vec<Gap>, u64), StoreError> {
        self.count("gaps", self.inner.gaps(since, page))
    }
    fn mark_gap(
        &self,
        id: u64,
        status: GapStatus,
        by: &str,
        at: u64,
    ) -> Result<Option<String>, StoreError> {
        self.count("mark_gap", self.inner.mark_gap(id, status, by, at))
    }
    fn prune_unanswered(&self, before: u64) -> Result<u64, StoreError> {
        self.count("prune_unanswered", self.inner.prune_unanswered(before))
    }
    fn audit(&self, new: &NewAudit, at: u64) -> Result<u64, StoreError> {
        self.count("audit", self.inner.audit(new, at))
    }
    fn audit_log(&self, page: Page) -> Result<Vec<AuditEntry>, StoreError> {
        self.count("audit_log", self.inner.audit_log(page))
    }
    fn history(&self, entry: Option<&str>, page: Page) -> Result<Vec<AuditEntry>, StoreError> {
        self.count("history", self.inner.history(entry, page))
    }
    fn audit_entry(&self, id: u64) -> Result<Option<AuditEntry>, StoreError> {
        self.count("audit_entry", self.inner.audit_entry(id))
    }
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.count("get", self.inner.get(key))
    }
    fn put(&self, key: &str, value: &str, at: u64) -> Result<(), StoreError> {
        self.count("put", self.inner.put(key, value, at))
    }
    fn check(&self) -> Result<Health, StoreError> {
        self.count("check", self.inner.check())
    }
    fn backup(&self, to: &Path) -> Result<(), StoreError> {
        self.count("backup", self.inner.backup(to))
    }
    fn flush(&self) -> Result<(), StoreError> {
        self.count("flush", self.inner.flush())
    }
    fn describe(&self) -> String {
        self.inner.describe()
    }
}
