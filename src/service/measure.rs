//! What the service counts, through the `metrics` facade: with no recorder
//! installed (the core alone, the CLI) every call is a no-op; the `ops`
//! feature installs a Prometheus recorder and serves it at `/metrics`.
//!
//! Labels come from closed sets only (platforms, the command table, the
//! outcomes), never from what an asker typed, so the series stay few.

use std::time::Duration;

use crate::ask::answer::{Answer, Outcome};
use crate::ask::commands;
use crate::facts::{FactBase, Kind};

/// Questions answered, by `platform`, `command` and `outcome`.
pub const QUESTIONS: &str = "histbot_questions_total";
/// Time the core took to answer, by `platform` and `command` (seconds).
pub const ANSWER_SECONDS: &str = "histbot_answer_seconds";
/// Reloads, by `result` (`swapped`, `unchanged`, `rejected`).
pub const RELOADS: &str = "histbot_reloads_total";
/// Entries in the live fact base, by `kind`.
pub const FACT_ENTRIES: &str = "histbot_fact_entries";
/// 1 for the live fact base's `version`, 0 for the ones before it.
pub const FACT_BASE_INFO: &str = "histbot_fact_base_info";
/// Wrong-answer reports filed.
pub const REPORTS_FILED: &str = "histbot_reports_filed_total";
/// Wrong-answer reports still open.
pub const REPORTS_OPEN: &str = "histbot_reports_open";

/// The command label: a command of the table, `text` for free text, and
/// `unknown` for a command name the table does not have.
pub fn command_label(name: Option<&str>) -> &'static str {
    match name {
        None => "text",
        Some(name) => commands::find(name).map_or("unknown", |spec| spec.name),
    }
}

/// The outcome label of an answer.
pub fn outcome_label(answer: &Answer) -> &'static str {
    match answer.outcome {
        Outcome::Facts | Outcome::Help | Outcome::Notice => "answered",
        Outcome::Ambiguous => "did_you_mean",
        Outcome::NotFound => "not_found",
        Outcome::Error => "error",
    }
}

/// The platform label: the front ends' own names, anything else `other`.
fn platform_label(platform: &str) -> &'static str {
    match platform {
        "console" => "console",
        "discord" => "discord",
        "matrix" => "matrix",
        "cli" => "cli",
        _ => "other",
    }
}

/// One question answered.
pub fn question(platform: &str, command: &'static str, answer: &Answer, took: Duration) {
    let platform = platform_label(platform);
    metrics::counter!(QUESTIONS, "platform" => platform, "command" => command, "outcome" => outcome_label(answer)).increment(1);
    metrics::histogram!(ANSWER_SECONDS, "platform" => platform, "command" => command)
        .record(took.as_secs_f64());
}

/// One reload, by its result.
pub fn reload(result: &'static str) {
    metrics::counter!(RELOADS, "result" => result).increment(1);
}

/// One report filed.
pub fn report_filed() {
    metrics::counter!(REPORTS_FILED).increment(1);
}

/// The live base's figures (at start, after a swap); `before` is the
/// version it replaced.
pub fn fact_base(base: &FactBase, before: Option<&str>) {
    if let Some(before) = before.filter(|&before| before != base.version()) {
        metrics::gauge!(FACT_BASE_INFO, "version" => before.to_string()).set(0.0);
    }
    metrics::gauge!(FACT_BASE_INFO, "version" => base.version().to_string()).set(1.0);
    for (kind, label) in [
        (Kind::Event, "event"),
        (Kind::Treaty, "treaty"),
        (Kind::Person, "person"),
        (Kind::Period, "period"),
    ] {
        metrics::gauge!(FACT_ENTRIES, "kind" => label).set(base.count(kind) as f64);
    }
}

/// Open reports, counted when metrics are scraped.
pub fn open_reports(count: usize) {
    metrics::gauge!(REPORTS_OPEN).set(count as f64);
}
