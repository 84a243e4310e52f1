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
/// End to end, by `platform` and `transport`: from the moment a front end
/// has a question (the interaction's request or event, the Matrix sync
/// that brought the message) to the moment its reply was sent (seconds).
pub const REPLY_SECONDS: &str = "histbot_reply_seconds";
/// Discord interactions, by `transport` (`http`, `gateway`), `type`
/// (`ping`, `command`, `autocomplete`, `component`, `modal_submit`,
/// `other`, `unreadable`) and `status`: the HTTP status of the response
/// (in HTTP mode the endpoint's own, `401` for a bad signature; through the
/// gateway Discord's answer to the callback, `204` when accepted), or
/// `error` when no status came back.
pub const DISCORD_INTERACTIONS: &str = "histbot_discord_interactions_total";
/// Gateway sessions, by `event`: `connected` (READY: a new session, the
/// first or after a reconnect), `resumed` (RESUMED), `disconnected` (the
/// bot stopped being connected).
pub const GATEWAY_EVENTS: &str = "histbot_discord_gateway_events_total";
/// Matrix sync requests, by `result` (`ok`, `error`).
pub const MATRIX_SYNCS: &str = "histbot_matrix_syncs_total";
/// How long a Matrix sync request took (a long poll waits up to 30 s).
pub const MATRIX_SYNC_SECONDS: &str = "histbot_matrix_sync_seconds";
/// From a message's `origin_server_ts` to the sync that brought it to the
/// bot (seconds; the two clocks are the homeserver's and the bot's).
pub const MATRIX_SYNC_LAG_SECONDS: &str = "histbot_matrix_sync_lag_seconds";
/// Store calls that failed, by `backend` and `operation`.
pub const STORE_ERRORS: &str = "histbot_store_errors_total";

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

/// One reply sent, `took` after its question arrived.
pub fn reply(platform: &'static str, transport: &'static str, took: Duration) {
    metrics::histogram!(REPLY_SECONDS, "platform" => platform, "transport" => transport).record(took.as_secs_f64());
}

/// One Discord interaction answered (see [`DISCORD_INTERACTIONS`]).
pub fn discord_interaction(transport: &'static str, kind: &'static str, status: &'static str) {
    metrics::counter!(DISCORD_INTERACTIONS, "transport" => transport, "type" => kind, "status" => status).increment(1);
}

/// An HTTP status as a label (a closed set: the codes histbot sends or
/// Discord answers with; anything else is `other`).
pub fn status_label(code: u16) -> &'static str {
    match code {
        200 => "200",
        204 => "204",
        400 => "400",
        401 => "401",
        403 => "403",
        404 => "404",
        413 => "413",
        429 => "429",
        500 => "500",
        502 => "502",
        503 => "503",
        _ => "other",
    }
}

/// A gateway session event (see [`GATEWAY_EVENTS`]).
pub fn gateway_event(event: &'static str) {
    metrics::counter!(GATEWAY_EVENTS, "event" => event).increment(1);
}

/// One Matrix sync request.
pub fn matrix_sync(ok: bool, took: Duration) {
    metrics::histogram!(MATRIX_SYNC_SECONDS).record(took.as_secs_f64());
    metrics::counter!(MATRIX_SYNCS, "result" => if ok { "ok" } else { "error" }).increment(1);
}

/// How late a message reached the bot (negative clock skew counts as 0).
pub fn matrix_sync_lag(lag: Duration) {
    metrics::histogram!(MATRIX_SYNC_LAG_SECONDS).record(lag.as_secs_f64());
}

/// A store call that failed.
pub fn store_error(backend: &'static str, operation: &'static str) {
    metrics::counter!(STORE_ERRORS, "backend" => backend, "operation" => operation).increment(1);
}
