//! The unanswered-question log: every "I don't know" and every "did you
//! mean" that nobody resolved goes into the store as a *gap* (the question
//! normalized and clipped, the platform, the server or room, the time, how
//! often it was asked), never with who asked. Moderators list the most-asked
//! gaps (`facts gaps [page]`) and mark them done or out of scope.
//!
//! A "did you mean" is resolved when the same asker's next answer, within
//! [`RESOLVE_WINDOW_SECS`], states one of the entries it offered (they
//! picked one). Until then it waits in memory, keyed by the asker; that key
//! is never written anywhere. Unresolved ones are logged when the asker asks
//! something else, when the window ends, or when the bot stops.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::ask::answer::{Answer, Outcome, Page as AnswerPage};
use crate::ask::engine::label;
use crate::ask::parse::Invocation;
use crate::ask::Engine;
use crate::config::GapsConfig;
use crate::store::{unix_now, Gap, GapStatus, Page, Store, StoreError, UnansweredAsk, GAP_QUESTION_MAX_CHARS};
use crate::text::echo::{clean, echo};

use super::Asker;

/// How long a "did you mean" waits for the asker to pick a suggestion.
pub const RESOLVE_WINDOW_SECS: u64 = 600;
/// Gaps per page of `facts gaps`.
pub const GAPS_PER_PAGE: u64 = 10;
/// Old asks are pruned at most this often.
const PRUNE_EVERY_SECS: u64 = 3600;
const DAY_SECS: u64 = 86_400;

/// Commands whose "not found" is not a gap in the base.
const NOT_QUESTIONS: &[&str] = &["help", "report", "facts", "reload"];

/// A "did you mean" waiting to be resolved.
#[derive(Debug, Clone)]
struct Pending {
    ask: UnansweredAsk,
    at: u64,
}

/// What an answer left for the store: the asks to log and whether the
/// hourly pruning fell to it. Empty for most answers.
#[derive(Debug, Default)]
#[must_use = "the asks are only logged by GapLog::write"]
pub struct GapWrites {
    due: Vec<Pending>,
    prune_at: Option<u64>,
}

impl GapWrites {
    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.due.is_empty() && self.prune_at.is_none()
    }
}

/// The log, shared by every front end through the service.
pub struct GapLog {
    store: Arc<dyn Store>,
    /// `None`: record nothing (`retention_days = 0`).
    retention_secs: Option<u64>,
    window_secs: u64,
    /// Keyed by (platform, user id): in memory only.
    pending: Mutex<HashMap<(String, String), Pending>>,
    last_prune: AtomicU64,
}

impl std::fmt::Debug for GapLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GapLog").field("retention_secs", &self.retention_secs).finish_non_exhaustive()
    }
}

impl GapLog {
    pub fn new(store: Arc<dyn Store>, config: &GapsConfig) -> GapLog {
        GapLog {
            store,
            retention_secs: (config.retention_days > 0).then(|| config.retention_days.saturating_mul(DAY_SECS)),
            window_secs: config.window_days.max(1).saturating_mul(DAY_SECS),
            pending: Mutex::new(HashMap::new()),
            last_prune: AtomicU64::new(0),
        }
    }

    /// Whether anything is recorded at all.
    pub fn enabled(&self) -> bool {
        self.retention_secs.is_some()
    }

    /// The days `facts gaps` counts.
    pub fn window_days(&self) -> u64 {
        self.window_secs / DAY_SECS
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<(String, String), Pending>> {
        match self.pending.lock() {
            Ok(pending) => pending,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Look at one answer given to `asker` for `question` (the text they
    /// asked, or the command and its arguments): log it when it is an "I
    /// don't know", hold it when it is a "did you mean", and settle the
    /// asker's previous "did you mean".
    pub fn after_answer(&self, engine: &Engine, asker: &Asker, question: &str, answer: &Answer) {
        let writes = self.settle(engine, asker, question, answer);
        self.write(writes);
    }

    /// [`GapLog::after_answer`]'s decisions, in memory only: what is left
    /// to write to the store is returned (nothing, for most answers), for
    /// [`GapLog::write`] where blocking is allowed.
    pub fn settle(&self, engine: &Engine, asker: &Asker, question: &str, answer: &Answer) -> GapWrites {
        let mut writes = GapWrites::default();
        if !self.enabled() {
            return writes;
        }
        let now = unix_now();
        {
            let mut pending = self.lock();
            if !pending.is_empty() {
                let key = (asker.platform.clone(), asker.user_id.clone());
                if let Some(previous) = pending.remove(&key) {
                    let picked = answer.outcome == Outcome::Facts && answer.facts.iter().any(|fact| previous.ask.considered.contains(&fact.id));
                    if !picked {
                        writes.due.push(previous);
                    }
                }
                pending.retain(|_, waiting| {
                    let expired = now.saturating_sub(waiting.at) >= RESOLVE_WINDOW_SECS;
                    if expired {
                        writes.due.push(waiting.clone());
                    }
                    !expired
                });
            }
            if let Some(ask) = unanswered(engine, asker, question, answer) {
                match answer.outcome {
                    Outcome::Ambiguous => {
                        pending.insert((asker.platform.clone(), asker.user_id.clone()), Pending { ask, at: now });
                    }
                    _ => writes.due.push(Pending { ask, at: now }),
                }
            }
        }
        writes.prune_at = self.claim_prune(now);
        writes
    }

    /// Write what [`GapLog::settle`] left (store calls: may block).
    pub fn write(&self, writes: GapWrites) {
        for waiting in &writes.due {
            self.log(waiting);
        }
        if let Some(now) = writes.prune_at {
            if let Err(error) = self.prune(now) {
                tracing::error!(%error, "could not prune the unanswered-question log");
            }
        }
    }

    /// Log every "did you mean" still waiting (the bot is stopping).
    pub fn flush(&self) {
        let waiting: Vec<Pending> = self.lock().drain().map(|(_, pending)| pending).collect();
        for pending in waiting {
            self.log(&pending);
        }
    }

    fn log(&self, pending: &Pending) {
        if let Err(error) = self.store.log_unanswered(&pending.ask, pending.at) {
            tracing::error!(%error, "could not log an unanswered question");
        }
    }

    /// Whether pruning is due (at most once an hour): `Some(now)` for the
    /// one caller that claimed it.
    fn claim_prune(&self, now: u64) -> Option<u64> {
        let last = self.last_prune.load(Ordering::Relaxed);
        if now.saturating_sub(last) < PRUNE_EVERY_SECS || self.last_prune.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_err() {
            return None;
        }
        Some(now)
    }

    /// Forget the asks older than the retention (all of them when nothing
    /// is to be kept); how many were removed.
    pub fn prune(&self, now: u64) -> Result<u64, StoreError> {
        let before = match self.retention_secs {
            Some(retention) => now.saturating_sub(retention),
            None => u64::MAX / 2,
        };
        let removed = self.store.prune_unanswered(before)?;
        if removed > 0 {
            tracing::info!(removed, "unanswered questions past their retention forgotten");
        }
        Ok(removed)
    }

    /// One page (from 1) of the most-asked gaps of the window, and how many pages there are.
    pub fn page(&self, page: u64) -> Result<(Vec<Gap>, u64), StoreError> {
        let since = unix_now().saturating_sub(self.window_secs);
        let (gaps, total) = self.store.gaps(since, Page { offset: page.saturating_sub(1) * GAPS_PER_PAGE, limit: GAPS_PER_PAGE })?;
        Ok((gaps, total.div_ceil(GAPS_PER_PAGE).max(1)))
    }

    /// Mark a gap; its question, or `None` when there is no such gap.
    pub fn mark(&self, id: u64, status: GapStatus, by: &str) -> Result<Option<String>, StoreError> {
        self.store.mark_gap(id, status, by, unix_now())
    }
}

/// The ask to log for this answer, if it is an "I don't know" or a "did you mean".
fn unanswered(engine: &Engine, asker: &Asker, question: &str, answer: &Answer) -> Option<UnansweredAsk> {
    if !matches!(answer.outcome, Outcome::NotFound | Outcome::Ambiguous) || NOT_QUESTIONS.contains(&answer.intent.as_str()) {
        return None;
    }
    let question = normalize(question);
    if question.is_empty() {
        return None;
    }
    Some(UnansweredAsk { question, platform: asker.platform.clone(), place: asker.place.clone(), considered: considered(engine, answer) })
}

/// The entries an answer offered: each suggestion ends with the command
/// that shows its entry (`Belgrade declaration (1955): /when belgrade-declaration`).
pub fn considered(engine: &Engine, answer: &Answer) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for suggestion in &answer.suggestions {
        let Some((_, id)) = suggestion.trim_end().rsplit_once(' ') else { continue };
        if engine.base().get(id).is_some() && !ids.iter().any(|known| known == id) {
            ids.push(id.to_string());
        }
    }
    ids
}

/// The text a command asked: `ask`'s question itself, else the command and its arguments.
pub fn question_of(invocation: &Invocation) -> String {
    match invocation.command.as_str() {
        "ask" => invocation.all_text(),
        command => format!("{command} {}", invocation.all_text()),
    }
}

/// A question as the log keeps it: cleaned (no controls or bidi
/// formatting), lower case, one space between words, no closing
/// punctuation, at most [`GAP_QUESTION_MAX_CHARS`] characters.
pub fn normalize(question: &str) -> String {
    let cleaned = clean(question).to_lowercase();
    let trimmed = cleaned.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '?' | '!' | '.' | '…' | '؟' | ';' | ':' | ','));
    let trimmed = trimmed.trim_start_matches(['/', '!']);
    trimmed.chars().take(GAP_QUESTION_MAX_CHARS).collect::<String>().trim_end().to_string()
}

/// `facts gaps [page]`: the most-asked unanswered questions.
pub fn list_answer(log: &GapLog, engine: &Engine, page: u64) -> Answer {
    if !log.enabled() {
        return Answer::new("facts", Outcome::Notice, "The unanswered-question log is off.").text("`[gaps] retention_days = 0` in the config: nothing is recorded.");
    }
    let page = page.max(1);
    let (gaps, pages) = match log.page(page) {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(%error, "could not list the unanswered questions");
            return Answer::new("facts", Outcome::Error, "The unanswered questions could not be read.").text("The store failed; see histbot's log.");
        }
    };
    let days = log.window_days();
    if gaps.is_empty() {
        let headline = if page > 1 { format!("No page {page}: there are {pages} page(s).") } else { format!("No unanswered questions in the last {days} days.") };
        return Answer::new("facts", Outcome::Notice, headline);
    }
    let mut answer = Answer::new("facts", Outcome::Notice, format!("Unanswered questions of the last {days} days, most asked first"));
    for gap in &gaps {
        answer = answer.text(gap_line(engine, gap));
    }
    answer = answer.text("Mark one handled with `facts gaps done <n>` (after adding the fact), or `facts gaps out-of-scope <n>`.");
    if pages > 1 {
        answer.page = Some(AnswerPage { number: page as usize, count: pages as usize });
        answer.page_command = Some("/facts gaps".into());
    }
    answer
}

/// `#12 · asked 5× · “question” · considered: A, B · discord: Discord server 5`.
fn gap_line(engine: &Engine, gap: &Gap) -> String {
    let times = if gap.asked == 1 { "once".to_string() } else { format!("{}×", gap.asked) };
    let mut line = format!("#{} · asked {times} · “{}”", gap.id, echo(&gap.question));
    if gap.status == GapStatus::Done {
        line.push_str(" · asked again since marked done");
    }
    let considered: Vec<String> = gap.considered.iter().map(|id| engine.base().get(id).map_or_else(|| id.clone(), |entry| format!("{} ({id})", label(entry)))).collect();
    if !considered.is_empty() {
        line.push_str(&format!(" · considered: {}", considered.join("; ")));
    }
    if !gap.places.is_empty() {
        line.push_str(&format!(" · {}", gap.places.iter().map(|p| echo(p)).collect::<Vec<_>>().join(", ")));
    }
    line
}

/// `facts gaps done|out-of-scope|open <n>`.
pub fn mark_answer(log: &GapLog, status: GapStatus, id: Option<u64>, by: &str) -> Answer {
    let Some(id) = id else {
        return Answer::new("facts", Outcome::Error, format!("`facts gaps {}` needs a gap number.", status.as_str())).text("`facts gaps` lists them with their numbers (#12).");
    };
    match log.mark(id, status, by) {
        Ok(Some(question)) => {
            let said = match status {
                GapStatus::Done => "marked done: it is listed again only if it is asked again and still not answered",
                GapStatus::OutOfScope => "marked out of scope: it is not listed again",
                GapStatus::Open => "open again",
            };
            Answer::new("facts", Outcome::Notice, format!("Gap #{id} {said}.")).text(format!("“{}”", echo(&question)))
        }
        Ok(None) => Answer::new("facts", Outcome::Error, format!("There is no gap #{id}.")).text("`facts gaps` lists them."),
        Err(error) => {
            tracing::error!(%error, "could not mark a gap");
            Answer::new("facts", Outcome::Error, "The gap could not be marked.").text("The store failed; see histbot's log.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_normalized_and_clipped() {
        assert_eq!(normalize("  When was the\u{202E} FOO   treaty?? "), "when was the foo treaty");
        assert_eq!(normalize("/when Foo!"), "when foo");
        assert_eq!(normalize(&"ж".repeat(400)).chars().count(), GAP_QUESTION_MAX_CHARS);
        assert_eq!(normalize("?!"), "");
    }
}
