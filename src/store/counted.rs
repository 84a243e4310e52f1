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
    fn forget(&self, prefix: &str) -> Result<u64, StoreError> {
        self.count("forget", self.inner.forget(prefix))
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

/// Study mode's calls, counted like the others.
impl<S: Store> super::study::StudyStore for Counted<S> {
    fn begin_round(&self, round: &crate::study::Round) -> Result<super::study::Begun, StoreError> {
        self.count("begin_round", self.inner.begin_round(round))
    }
    fn quiz_round(&self, id: u64) -> Result<Option<crate::study::Round>, StoreError> {
        self.count("quiz_round", self.inner.quiz_round(id))
    }
    fn active_round(&self, place: &str) -> Result<Option<crate::study::Round>, StoreError> {
        self.count("active_round", self.inner.active_round(place))
    }
    fn active_rounds(&self) -> Result<Vec<crate::study::Round>, StoreError> {
        self.count("active_rounds", self.inner.active_rounds())
    }
    fn save_round(&self, round: &crate::study::Round, from_step: u64, now: u64) -> Result<bool, StoreError> {
        self.count("save_round", self.inner.save_round(round, from_step, now))
    }
    fn record_answer(&self, answer: &super::study::NewAnswer) -> Result<super::study::Recorded, StoreError> {
        self.count("record_answer", self.inner.record_answer(answer))
    }
    fn revise_answer(&self, answer: &super::study::NewAnswer) -> Result<super::study::Recorded, StoreError> {
        self.count("revise_answer", self.inner.revise_answer(answer))
    }
    fn round_answers(&self, round: u64) -> Result<Vec<super::study::StoredAnswer>, StoreError> {
        self.count("round_answers", self.inner.round_answers(round))
    }
    fn player_answers(&self, player: &str) -> Result<Vec<super::study::StoredAnswer>, StoreError> {
        self.count("player_answers", self.inner.player_answers(player))
    }
    fn cards(&self, player: &str) -> Result<Vec<crate::study::leitner::Card>, StoreError> {
        self.count("cards", self.inner.cards(player))
    }
    fn put_card(&self, player: &str, card: &crate::study::leitner::Card) -> Result<(), StoreError> {
        self.count("put_card", self.inner.put_card(player, card))
    }
    fn leaderboard(&self, scope: &str, since: u64, limit: u64) -> Result<Vec<super::study::Standing>, StoreError> {
        self.count("leaderboard", self.inner.leaderboard(scope, since, limit))
    }
    fn daily_posts_of(&self, day: &str) -> Result<Vec<super::study::DailyPost>, StoreError> {
        self.count("daily_posts_of", self.inner.daily_posts_of(day))
    }
    fn daily_last_days(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.count("daily_last_days", self.inner.daily_last_days())
    }
    fn claim_daily(&self, post: &super::study::DailyPost, stale_before: u64) -> Result<Option<String>, StoreError> {
        self.count("claim_daily", self.inner.claim_daily(post, stale_before))
    }
    fn daily_sent(&self, target: &str, day: &str, at: u64) -> Result<(), StoreError> {
        self.count("daily_sent", self.inner.daily_sent(target, day, at))
    }
}
