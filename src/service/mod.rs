//! The running bot's shared state, used by every front end:
//!
//! - the current [`Engine`] behind an atomic swap: a request takes one
//!   snapshot and answers from it, so it sees the old base or the new one,
//!   never a mix;
//! - reload (file watcher, SIGHUP, the `reload` command) that swaps in a new
//!   base only when it checks clean, and keeps the last good one otherwise;
//! - moderator commands (`reload`, `facts status|check|reports|close`) and
//!   wrong-answer reports, with notices broadcast to the front ends.
//!
//! Front ends say who is asking with an [`Asker`]; they decide
//! `is_moderator` with the shared [`moderation::Moderation`] scope (a
//! server's or room's own permissions count only in the servers and rooms
//! `[moderation]` lists), and the service checks it again before running a
//! moderator command.
//!
//! Stopping ([`shutdown`]) is shared the same way: every front end admits
//! questions through [`Service::shutdown`] and stops accepting when it says so.

pub mod daily;
pub mod diff;
pub mod edit;
pub mod gaps;
pub mod health;
pub mod measure;
pub mod moderation;
pub mod rendered;
pub mod reports;
pub mod shutdown;
pub mod watch;


use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwap;
use tokio::sync::broadcast;

use crate::ask::answer::{Answer, Outcome};
use crate::ask::commands::{self, Access, ArgKind};
use crate::ask::engine::Choice;
use crate::ask::parse::{parse_line, Invocation, Line};
use crate::ask::{Engine, Intents};
use crate::config::Config;
use crate::facts::{check_dir, Diagnostic, FactBase};
use crate::text::echo::{clean, clip, echo};
use reports::{NewReport, Report, ReportError, ReportQueue, REPORT_TEXT_MAX_CHARS};

/// Who sent a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asker {
    /// `console`, `discord`, `matrix`, `cli`.
    pub platform: String,
    /// The platform's stable user id.
    pub user_id: String,
    pub display_name: String,
    /// As the front end decided with [`Service::moderation`].
    pub is_moderator: bool,
    /// The asker's locale (`en`, `ar`, `ru`…).
    pub locale: String,
    /// Where the request came from, for moderators (`Discord server 123…`,
    /// `Matrix room !abc:example.org`); `None` in the console.
    pub place: Option<String>,
}

impl Asker {
    /// The person at the terminal: a moderator of their own copy.
    pub fn console() -> Asker {
        Asker { platform: "console".into(), user_id: "console".into(), display_name: "console".into(), is_moderator: true, locale: "en".into(), place: None }
    }
}

/// A question [`Service::answer_in_memory`] can answer: a command, or a
/// typed line (free text, or a command written out) with its prefixes.
#[derive(Debug, Clone, Copy)]
pub enum InMemory<'a> {
    Invocation(&'a Invocation),
    Line { text: &'a str, prefixes: &'a [char] },
}

/// A message for moderators (reload failures, new reports).
#[derive(Debug, Clone)]
pub struct Notice {
    pub answer: Answer,
    /// Where to post it: `None` for the moderators' channel or room; a
    /// report's `reply_to` (`discord:<channel id>`, `matrix:<room id>`) to tell a reporter.
    pub to: Option<String>,
}

/// The outcome of a reload.
#[derive(Debug, Clone)]
pub enum ReloadOutcome {
    /// The new base is live.
    Swapped { version: String, entries: usize },
    /// Nothing changed on disk.
    Unchanged { version: String },
    /// The files have errors; the last good base keeps serving.
    Rejected { diagnostics: Vec<Diagnostic> },
}

/// What `facts status` reports.
#[derive(Debug, Clone)]
pub struct Status {
    pub version: String,
    pub events: usize,
    pub treaties: usize,
    pub people: usize,
    pub last_reload: SystemTime,
    pub last_error: Option<String>,
    pub open_reports: usize,
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the fact base in {dir} has errors (run `histbot check {dir}`):\n{}", render(.diagnostics))]
    Facts { dir: String, diagnostics: Vec<Diagnostic> },
    #[error("the intent rules or synonyms have errors:\n{}", render(.0))]
    Intents(Vec<Diagnostic>),
    #[error(transparent)]
    Reports(#[from] ReportError),
    #[error("the store ({store}): {source}")]
    Store { store: String, source: crate::store::StoreError },
}

struct ReloadState {
    last_reload: SystemTime,
    last_error: Option<String>,
}

/// The shared state of a running bot.
pub struct Service {
    engine: ArcSwap<Engine>,
    facts_dir: PathBuf,
    intents_path: PathBuf,
    reload_lock: Mutex<ReloadState>,
    reports: ReportQueue,
    gaps: gaps::GapLog,
    /// Held while a chat edit is checked and written: one at a time.
    edit_lock: Mutex<()>,
    notices: broadcast::Sender<Notice>,
    shutdown: shutdown::Shutdown,
    moderation: moderation::Moderation,
    /// Whether each front end is up, for `/readyz`.
    readiness: Arc<health::Readiness>,
    pub default_locale: String,
    /// The `[study]` section (question time, the daily fact).
    study: crate::config::StudyConfig,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service").field("facts_dir", &self.facts_dir).finish_non_exhaustive()
    }
}

impl Service {
    /// Load the fact base and intents; refuse to start on a broken base.
    pub fn start(config: &Config) -> Result<Arc<Service>, StartError> {
        let engine = load_engine(&config.facts, &config.intents)?;
        let reports = open_reports(config)?;
        let gaps = gaps::GapLog::new(reports.store().clone(), &config.gaps);
        if let Err(error) = gaps.prune(crate::store::unix_now()) {
            tracing::error!(%error, "could not prune the unanswered-question log");
        }
        let (notices, _) = broadcast::channel(64);
        measure::fact_base(engine.base(), None);
        Ok(Arc::new(Service {
            engine: ArcSwap::from_pointee(engine),
            facts_dir: config.facts.clone(),
            intents_path: config.intents.clone(),
            reload_lock: Mutex::new(ReloadState { last_reload: SystemTime::now(), last_error: None }),
            reports,
            gaps,
            edit_lock: Mutex::new(()),
            notices,
            shutdown: shutdown::Shutdown::default(),
            moderation: moderation::Moderation::from_config(&config.moderation),
            readiness: Arc::default(),
            default_locale: config.default_locale.clone(),
            study: config.study.clone(),
        }))
    }

    /// The engine to answer one request from. Hold the `Arc` for the whole
    /// request: a reload meanwhile does not change what this request sees.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.load_full()
    }

    /// Notices for moderators; each front end forwards them to its channel or room.
    pub fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.notices.subscribe()
    }

    /// Answer a typed line (`/when x`, `!when x`, or free text). An "I
    /// don't know" or an unresolved "did you mean" goes into the
    /// unanswered-question log ([`gaps`]).
    pub fn handle_line(&self, text: &str, prefixes: &[char], asker: &Asker) -> Answer {
        self.handle_line_from(text, prefixes, asker, None)
    }

    /// [`Service::handle_line`] for a message that can be answered later
    /// at `reply_to` (`discord:<channel id>`, `matrix:<room id>`): a report
    /// filed there is closed with a word to its reporter there.
    pub fn handle_line_from(&self, text: &str, prefixes: &[char], asker: &Asker, reply_to: Option<&str>) -> Answer {
        match parse_line(text, prefixes) {
            Line::Command(invocation) => {
                let locale = crate::ask::engine::locale_for(text, &asker.locale);
                self.handle_from(&invocation, &Asker { locale, ..asker.clone() }, reply_to)
            }
            _ => {
                let (answer, writes) = self.ask_text(text, prefixes, asker);
                self.gaps.write(writes);
                answer
            }
        }
    }

    /// Free text (a line that is not a command), answered from memory; the
    /// gap log's writes are left to the caller.
    fn ask_text(&self, text: &str, prefixes: &[char], asker: &Asker) -> (Answer, gaps::GapWrites) {
        let started = Instant::now();
        let engine = self.engine();
        let answer = engine.ask_with_prefixes(text, prefixes, &asker.locale);
        measure::question(&asker.platform, measure::command_label(None), &answer, started.elapsed());
        let writes = self.gaps.settle(&engine, asker, text, &answer);
        (answer, writes)
    }

    /// Run one command for `asker` (its "I don't know" logged like a question's).
    pub fn handle(&self, invocation: &Invocation, asker: &Asker) -> Answer {
        self.handle_from(invocation, asker, None)
    }

    /// [`Service::handle`] from a place the reporter can be told at later (see [`Service::handle_line_from`]).
    pub fn handle_from(&self, invocation: &Invocation, asker: &Asker, reply_to: Option<&str>) -> Answer {
        let started = Instant::now();
        let answer = self.run(invocation, asker, reply_to);
        measure::question(&asker.platform, measure::command_label(Some(&invocation.command)), &answer, started.elapsed());
        self.gaps.after_answer(&self.engine(), asker, &gaps::question_of(invocation), &answer);
        answer
    }

    /// Whether `command` is answered from the live engine alone: not a
    /// moderator command, not `report` (which files, audits or reloads).
    /// [`Service::answer_in_memory`] answers these without the store.
    pub fn reads_only(command: &str) -> bool {
        let spec = commands::find(command);
        spec.is_some_and(|s| s.access != Access::Moderator) && !matches!(spec.map(|s| s.name), Some("report" | "facts" | "reload"))
    }

    /// Answer a command for which [`Service::reads_only`] holds, or a typed
    /// line, from memory, never blocking on the store: the answer, and what
    /// the unanswered-question log still has to write (usually nothing;
    /// give it to [`Service::write_gaps`] where blocking is allowed).
    /// Anything else is refused with `None`.
    pub fn answer_in_memory(&self, question: &InMemory<'_>, asker: &Asker) -> Option<(Answer, gaps::GapWrites)> {
        match question {
            InMemory::Invocation(invocation) => self.invoke_in_memory(invocation, asker),
            InMemory::Line { text, prefixes } => match parse_line(text, prefixes) {
                Line::Command(invocation) => {
                    let locale = crate::ask::engine::locale_for(text, &asker.locale);
                    self.invoke_in_memory(&invocation, &Asker { locale, ..asker.clone() })
                }
                _ => Some(self.ask_text(text, prefixes, asker)),
            },
        }
    }

    fn invoke_in_memory(&self, invocation: &Invocation, asker: &Asker) -> Option<(Answer, gaps::GapWrites)> {
        if !Self::reads_only(&invocation.command) {
            return None;
        }
        let started = Instant::now();
        let engine = self.engine();
        let answer = engine.invoke(invocation, &asker.locale);
        measure::question(&asker.platform, measure::command_label(Some(&invocation.command)), &answer, started.elapsed());
        let writes = self.gaps.settle(&engine, asker, &gaps::question_of(invocation), &answer);
        Some((answer, writes))
    }

    /// [`Service::answer_in_memory`] for a command, with what `render`
    /// makes of the answer kept in `cache` until the fact base changes: an
    /// invocation answered before in the same locale by the same engine is
    /// not answered or rendered again. The metrics and the
    /// unanswered-question log see every request, cached or not.
    pub fn answer_rendered<T: Clone>(
        &self,
        invocation: &Invocation,
        asker: &Asker,
        cache: &rendered::RenderedAnswers<rendered::Rendered<T>>,
        render: impl FnOnce(&Answer) -> T,
    ) -> Option<(T, gaps::GapWrites)> {
        if !Self::reads_only(&invocation.command) {
            return None;
        }
        let started = Instant::now();
        let engine = self.engine();
        let key = rendered::invocation_key(invocation, &asker.locale);
        let (kept, took) = match cache.get(&engine, &key) {
            Some(kept) => (kept, started.elapsed()),
            None => {
                let answer = Arc::new(engine.invoke(invocation, &asker.locale));
                let took = started.elapsed();
                let kept = rendered::Rendered { rendered: render(&answer), answer };
                cache.insert(&engine, key, kept.clone());
                (kept, took)
            }
        };
        measure::question(&asker.platform, measure::command_label(Some(&invocation.command)), &kept.answer, took);
        let writes = self.gaps.settle(&engine, asker, &gaps::question_of(invocation), &kept.answer);
        Some((kept.rendered, writes))
    }

    /// Write what [`Service::answer_in_memory`] left for the store (may block).
    pub fn write_gaps(&self, writes: gaps::GapWrites) {
        self.gaps.write(writes);
    }

    /// Run one command for `asker`.
    fn run(&self, invocation: &Invocation, asker: &Asker, reply_to: Option<&str>) -> Answer {
        let spec = commands::find(&invocation.command);
        if spec.is_some_and(|s| s.access == Access::Moderator) && !asker.is_moderator {
            return Answer::new(&invocation.command, Outcome::Error, "Only moderators can do that.")
                .text("This command changes or inspects the fact base that every server and room shares; ask one of histbot's moderators.");
        }
        match invocation.command.as_str() {
            "reload" => {
                let answer = self.reload_answer();
                self.audit(asker, "reload", &answer.headline);
                answer
            }
            "facts" => self.facts_command(invocation, asker),
            "report" => self.report_command(invocation, asker, reply_to),
            _ => self.engine().invoke(invocation, &asker.locale),
        }
    }

    /// Autocomplete from the current engine.
    pub fn autocomplete(&self, kind: ArgKind, partial: &str, limit: usize) -> Vec<Choice> {
        self.engine().autocomplete(kind, partial, limit)
    }

    /// Load and check everything; swap it in only if clean. Serialized, so two
    /// reloads never race.
    pub fn reload(&self) -> ReloadOutcome {
        let mut state = match self.reload_lock.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        };
        let current = self.engine();
        let outcome = match watch::load_within(&self.facts_dir, &self.intents_path, watch::RELOAD_TIMEOUT) {
            Ok(engine) if engine.base().version() == current.base().version() && same_intents(&engine, &current) => {
                measure::reload("unchanged");
                ReloadOutcome::Unchanged { version: engine.base().version().to_string() }
            }
            Ok(engine) => {
                let version = engine.base().version().to_string();
                let entries = engine.base().entries().len();
                measure::reload("swapped");
                measure::fact_base(engine.base(), Some(current.base().version()));
                self.engine.store(Arc::new(engine));
                ReloadOutcome::Swapped { version, entries }
            }
            Err(StartError::Facts { mut diagnostics, .. }) => {
                // The facts failed first; report broken intent rules in the same notice.
                if let Err(mut intent_problems) = Intents::load(&self.intents_path) {
                    diagnostics.append(&mut intent_problems);
                }
                diagnostics.retain(Diagnostic::is_error);
                ReloadOutcome::Rejected { diagnostics }
            }
            Err(StartError::Intents(mut diagnostics)) => {
                diagnostics.retain(Diagnostic::is_error);
                ReloadOutcome::Rejected { diagnostics }
            }
            Err(error @ (StartError::Reports(_) | StartError::Store { .. })) => ReloadOutcome::Rejected {
                diagnostics: vec![Diagnostic::error("unreadable-file", &self.facts_dir, "", None).message(error.to_string())],
            },
        };
        state.last_reload = SystemTime::now();
        match &outcome {
            ReloadOutcome::Swapped { version, entries } => {
                state.last_error = None;
                tracing::info!(%version, entries, "fact base reloaded");
            }
            ReloadOutcome::Unchanged { .. } => state.last_error = None,
            ReloadOutcome::Rejected { diagnostics } => {
                measure::reload("rejected");
                let summary = diagnostics.iter().map(Diagnostic::one_line).collect::<Vec<_>>().join("\n");
                for diagnostic in diagnostics {
                    tracing::warn!(location = %diagnostic.location(), rule = diagnostic.rule, "{}", diagnostic.message);
                }
                tracing::warn!(errors = diagnostics.len(), "reload rejected; still serving the last good fact base");
                state.last_error = Some(summary);
                let notice = Answer::new("reload", Outcome::Notice, "Reload rejected: the fact files have errors")
                    .text("histbot keeps answering from the last good fact base. Fix these and save again:")
                    .text(diagnostic_lines(diagnostics));
                let _ = self.notices.send(Notice { answer: notice, to: None });
            }
        }
        outcome
    }

    fn reload_answer(&self) -> Answer {
        match self.reload() {
            ReloadOutcome::Swapped { version, entries } => Answer::new("reload", Outcome::Notice, "Reloaded.")
                .text(format!("Now serving fact base {version} ({entries} entries).")),
            ReloadOutcome::Unchanged { version } => Answer::new("reload", Outcome::Notice, "Nothing to reload.")
                .text(format!("The files on disk are fact base {version}, already live.")),
            ReloadOutcome::Rejected { diagnostics } => Answer::new("reload", Outcome::Error, "Reload rejected: the fact files have errors.")
                .text("The last good fact base keeps serving. Fix these and reload again:")
                .text(diagnostic_lines(&diagnostics)),
        }
    }

    /// The `facts status` figures.
    pub fn status(&self) -> Status {
        let engine = self.engine();
        let base = engine.base();
        let (last_reload, last_error) = match self.reload_lock.lock() {
            Ok(state) => (state.last_reload, state.last_error.clone()),
            Err(poisoned) => {
                let state = poisoned.into_inner();
                (state.last_reload, state.last_error.clone())
            }
        };
        Status {
            version: base.version().to_string(),
            events: base.count(crate::facts::Kind::Event),
            treaties: base.count(crate::facts::Kind::Treaty),
            people: base.count(crate::facts::Kind::Person),
            last_reload,
            last_error,
            open_reports: self.reports.count_open().unwrap_or_else(|error| {
                tracing::error!(%error, "could not count the open reports");
                0
            }) as usize,
        }
    }

    fn facts_command(&self, invocation: &Invocation, asker: &Asker) -> Answer {
        let words = facts_words(invocation);
        let action = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let argument = words.get(1).cloned();
        match action.as_str() {
            "status" => self.status_answer(),
            "check" => {
                let report = check_dir(self.facts_dir.clone());
                let headline = if report.error_count() == 0 { "The files on disk check clean." } else { "The files on disk have errors." };
                let mut answer = Answer::new("facts", Outcome::Notice, headline);
                if report.diagnostics.is_empty() {
                    answer = answer.text("No errors, no warnings.");
                } else {
                    answer = answer.text(diagnostic_lines(&report.diagnostics));
                }
                answer
            }
            "reports" => self.reports_answer(),
            "close" => self.close_answer(argument.as_deref(), words.get(2).map(String::as_str), asker),
            "gaps" => self.gaps_command(&words[1..], asker),
            "history" => self.history_answer(argument.as_deref()),
            "undo" => self.undo(asker, argument.as_deref().and_then(|a| a.trim_start_matches('#').parse().ok())),
            "edit" => match self.edit_draft(asker, &words[1..].join(" ")) {
                Ok(draft) => draft_answer(&draft),
                Err(refused) => refused,
            },
            "new" => match self.new_draft(asker, words.get(1).map_or("", String::as_str), words.get(2).map_or("", String::as_str)) {
                Ok(draft) => draft_answer(&draft),
                Err(refused) => refused,
            },
            _ => Answer::new("facts", Outcome::Error, "`facts` needs an action.").text(format!("One of: {}.", FACTS_USAGE)),
        }
    }

    /// Tell a report's reporter, where they reported, that it is closed (and
    /// by which change); what the moderator is told about that.
    fn tell_reporter(&self, id: u64, change: Option<&crate::store::AuditEntry>) -> String {
        let report = match self.store().report(id) {
            Ok(Some(report)) => report,
            _ => return String::new(),
        };
        let Some(reply_to) = report.reply_to.clone() else {
            return "The reporter cannot be told: this report does not say where it was filed.".into();
        };
        let mut answer = Answer::new("report", Outcome::Notice, format!("Your report #{id} on {} was handled by the moderators.", echo(&report.entry)));
        answer = match change {
            Some(line) => answer.text(format!("It was fixed by change #{} to {}: ask again to see the new answer.", line.id, line.entry.as_deref().map(echo).unwrap_or_default())),
            None => answer.text("It is closed; thank you for telling us."),
        };
        let _ = self.notices.send(Notice { answer, to: Some(reply_to) });
        format!("{} is told where they reported it ({}).", echo(&report.reporter), report.place.as_deref().map(echo).unwrap_or_else(|| report.platform.clone()))
    }

    fn reports_answer(&self) -> Answer {
        let open = match self.reports.open_reports() {
            Ok(open) => open,
            Err(error) => {
                tracing::error!(%error, "could not list the reports");
                return Answer::new("facts", Outcome::Error, "The reports could not be read.").text("The store failed; see histbot's log.");
            }
        };
        let mut answer = Answer::new("facts", Outcome::Notice, format!("{} open report{}", open.len(), if open.len() == 1 { "" } else { "s" }));
        for report in open.iter().take(20) {
            answer = answer.text(report_line(report));
        }
        if !open.is_empty() {
            answer = answer.text("Close one with `facts close <number>`.");
        }
        answer
    }

    /// `facts close <report> [change]`: close a report, naming the change
    /// that fixed it; the reporter is told where they reported.
    fn close_answer(&self, argument: Option<&str>, change: Option<&str>, asker: &Asker) -> Answer {
        let change = match change.map(|c| c.trim_start_matches('#').parse::<u64>()) {
            None => None,
            Some(Ok(change)) => match self.store().audit_entry(change) {
                Ok(Some(line)) if line.file.is_some() => Some(line),
                Ok(_) => return Answer::new("facts", Outcome::Error, format!("There is no change #{change} to name as the fix.")).text("`facts history` lists the changes; nothing was closed."),
                Err(error) => return store_failed(&error),
            },
            Some(Err(_)) => return Answer::new("facts", Outcome::Error, "The fix must be a change number.").text("Example: `facts close 3 14` (report 3, fixed by change 14)."),
        };
        match argument.map(|a| a.trim_start_matches('#').parse::<u64>()) {
            Some(Ok(id)) => match self.reports.close(id, &asker.display_name) {
                Ok(true) => {
                    let fix = change.as_ref().map(|line| format!(", fixed by change #{} ({})", line.id, line.file.as_deref().unwrap_or_default())).unwrap_or_default();
                    self.audit(asker, "close-report", &format!("#{id}{fix}"));
                    if let Some(line) = &change {
                        if let Err(error) = self.store().link_fix(id, line.id) {
                            tracing::error!(%error, report = id, "could not record the fix of a report");
                        }
                    }
                    let told = self.tell_reporter(id, change.as_ref());
                    Answer::new("facts", Outcome::Notice, format!("Report #{id} closed{fix}.")).text(told)
                }
                Ok(false) => Answer::new("facts", Outcome::Error, format!("There is no open report #{id}.")).text("`facts reports` lists the open ones."),
                Err(error) => Answer::new("facts", Outcome::Error, "Could not close the report.").text(error.to_string()),
            },
            _ => Answer::new("facts", Outcome::Error, "`facts close` needs a report number.").text("Example: `facts close 3`."),
        }
    }

    /// The text of an existing entry, for `facts edit` (a moderator only).
    pub fn edit_draft(&self, asker: &Asker, entry_text: &str) -> Result<edit::Draft, Answer> {
        refuse_unless_moderator(asker)?;
        let engine = self.engine();
        let wanted = entry_text.trim();
        let entry = match engine.base().get(wanted) {
            Some(entry) => entry,
            None => match engine.resolve(wanted, None) {
                crate::ask::index::Resolution::Found(index) => engine.entry(index).ok_or_else(|| no_such_entry(wanted))?,
                _ => return Err(no_such_entry(wanted)),
            },
        };
        let file = edit::file_of(entry.kind, &entry.id);
        let text = std::fs::read_to_string(self.facts_dir.join(&file)).map_err(|error| {
            Answer::new("facts", Outcome::Error, format!("Could not read {file}.")).text(format!("{error}. Entries edited from chat must live in `{file}`."))
        })?;
        Ok(edit::Draft { entry: entry.id.clone(), kind: entry.kind, file, fingerprint: edit::fingerprint(&text), text, new: false })
    }

    /// A template for a new entry, for `facts new <kind> <id>` (a moderator only).
    pub fn new_draft(&self, asker: &Asker, kind: &str, id: &str) -> Result<edit::Draft, Answer> {
        refuse_unless_moderator(asker)?;
        let Some(kind) = edit::kind_named(kind) else {
            return Err(Answer::new("facts", Outcome::Error, "`facts new` needs a kind and an id.").text("The kind is event, treaty or person; the id a slug: `facts new event tito-visits-moscow-1956`."));
        };
        let id = id.trim();
        if !edit::is_slug(id) {
            return Err(Answer::new("facts", Outcome::Error, format!("“{}” is not an id histbot can use.", echo(id))).text("An id is lower-case letters, digits and dashes: `tito-visits-moscow-1956`."));
        }
        let file = edit::file_of(kind, id);
        if self.engine().base().get(id).is_some() || self.facts_dir.join(&file).exists() {
            return Err(Answer::new("facts", Outcome::Error, format!("There is already an entry `{id}`.")).text(format!("Edit it with `facts edit {id}`.")));
        }
        Ok(edit::Draft { entry: id.to_string(), kind, text: edit::template(kind, id), file, fingerprint: String::new(), new: true })
    }

    /// Check and apply a moderator's new text for `file` (`events/x.toml`):
    /// the whole base is checked with it; on errors nothing is written and
    /// the errors come back with their lines and fixes; a clean change is
    /// written atomically, the base reloaded, the change audited (with a
    /// unified diff) and committed when the fact directory is in git.
    /// `fingerprint` is the draft's: an edit of a text that changed since is
    /// refused (empty: the file must not exist yet).
    pub fn submit_edit(&self, asker: &Asker, file: &str, fingerprint: &str, text: &str) -> Answer {
        if let Err(refused) = refuse_unless_moderator(asker) {
            return refused;
        }
        if edit::parse_file(file).is_none() {
            return Answer::new("facts", Outcome::Error, "That is not an entry file histbot edits.").text("Entries live in events/, treaties/ or people/, one `<id>.toml` each.");
        }
        if text.len() > edit::EDIT_MAX_BYTES {
            return Answer::new("facts", Outcome::Error, format!("That text is {} bytes; an entry edited from chat can have at most {}.", text.len(), edit::EDIT_MAX_BYTES))
                .text("Nothing was written.");
        }
        let _editing = lock(&self.edit_lock);
        let current = std::fs::read_to_string(self.facts_dir.join(file)).ok();
        let stale = match (&current, fingerprint.is_empty()) {
            (Some(_), true) => Some(format!("`{file}` was created since you started; edit it with `facts edit`.")),
            (Some(current), false) if edit::fingerprint(current) != fingerprint => Some(format!("`{file}` changed since you opened it (another edit, or on disk). Open it again and redo your change.")),
            (None, false) => Some(format!("`{file}` was removed since you opened it.")),
            _ => None,
        };
        if let Some(stale) = stale {
            return Answer::new("facts", Outcome::Error, "Not saved: the entry changed meanwhile.").text(stale).text("Nothing was written.");
        }
        let action = if current.is_none() { "new" } else { "edit" };
        self.apply_change(asker, file, current, Some(edit::normalized_text(text)), action, file.to_string())
    }

    /// `facts undo <change>`: put a file back as it was before an edit, through the checker.
    fn undo(&self, asker: &Asker, change: Option<u64>) -> Answer {
        let Some(change) = change else {
            return Answer::new("facts", Outcome::Error, "`facts undo` needs a change number.").text("`facts history` lists the changes (#12).");
        };
        let line = match self.store().audit_entry(change) {
            Ok(Some(line)) if matches!(line.action.as_str(), "edit" | "new" | "undo") && line.file.is_some() => line,
            Ok(_) => return Answer::new("facts", Outcome::Error, format!("Change #{change} is not an edit histbot can undo.")).text("`facts history` lists the edits."),
            Err(error) => return store_failed(&error),
        };
        let Some(file) = line.file.clone() else { return store_failed(&"no file") };
        let _editing = lock(&self.edit_lock);
        let current = std::fs::read_to_string(self.facts_dir.join(&file)).ok();
        if current != line.after {
            return Answer::new("facts", Outcome::Error, format!("Change #{change} cannot be undone: `{file}` changed since."))
                .text(format!("Undo the later changes first (`facts history {}`), or edit the entry.", line.entry.as_deref().unwrap_or("")));
        }
        self.apply_change(asker, &file, current, line.before.clone(), "undo", format!("#{change}"))
    }

    /// Check, write, reload, audit and commit one change (the edit lock held).
    fn apply_change(&self, asker: &Asker, file: &str, before: Option<String>, after: Option<String>, action: &str, detail: String) -> Answer {
        if before == after {
            return Answer::new("facts", Outcome::Notice, "No change: the text is the same as the file's.").text("Nothing was written.");
        }
        let errors = match edit::check_with_change(&self.facts_dir, file, after.as_deref()) {
            Ok(errors) => errors,
            Err(error) => return Answer::new("facts", Outcome::Error, "The change could not be checked.").text(format!("{error}. Nothing was written.")),
        };
        if !errors.is_empty() {
            return Answer::new("facts", Outcome::Error, format!("Not saved: the checker found {} error{}.", errors.len(), if errors.len() == 1 { "" } else { "s" }))
                .text(edit::error_lines(&errors))
                .text("Nothing was written. Fix these and submit again (MODERATING.md lists every rule).");
        }
        let path = self.facts_dir.join(file);
        if let Err(error) = edit::write_atomically(&path, after.as_deref()) {
            return Answer::new("facts", Outcome::Error, format!("Could not write {file}.")).text(format!("{error}. The fact base is unchanged."));
        }
        if let ReloadOutcome::Rejected { diagnostics } = self.reload() {
            let _ = edit::write_atomically(&path, before.as_deref());
            self.reload();
            return Answer::new("facts", Outcome::Error, "Not saved: the base did not reload with the change.")
                .text(diagnostic_lines(&diagnostics))
                .text("The file was put back as it was.");
        }
        let diff = diff::unified(file, before.as_deref(), after.as_deref());
        let entry = edit::parse_file(file).map(|(_, id)| id);
        let new = crate::store::NewAudit {
            entry: entry.clone(),
            file: Some(file.to_string()),
            diff: Some(diff.clone()),
            before,
            after,
            ..crate::store::NewAudit::action(&self.actor(asker), &asker.platform, action, &detail)
        };
        let change = match self.store().audit(&new, crate::store::unix_now()) {
            Ok(id) => Some(id),
            Err(error) => {
                tracing::error!(%error, file, "could not write an edit to the audit log");
                None
            }
        };
        let number = change.map(|id| format!("#{id}")).unwrap_or_else(|| "(not in the audit log: see histbot's log)".into());
        let (added, removed) = diff::counts(&diff);
        let what = match action {
            "undo" => format!("Change {number}: {detail} undone in {file}"),
            "new" => format!("Change {number}: {file} created"),
            _ => format!("Change {number}: {file} edited"),
        };
        let mut note = format!("{what} (+{added} −{removed}), checked clean and live.");
        let message = format!("facts: {} {file} (histbot change {number})\n\nBy {} via histbot{}.", action, clean(&asker.display_name), asker.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default());
        match edit::git_commit(&self.facts_dir, file, &message, &edit::git_author(&asker.display_name, &asker.platform, &asker.user_id)) {
            Ok(Some(hash)) => note.push_str(&format!(" Committed as {hash}.")),
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%error, file, "the change is live but could not be committed");
                note.push_str(" (The git commit failed; see histbot's log.)");
            }
        }
        if let Some(id) = change {
            note.push_str(&format!(" Undo with `facts undo {id}`."));
        }
        let notice = Answer::new("facts", Outcome::Notice, format!("{what} by {}", echo(&asker.display_name))).text(diff_block(&diff));
        let _ = self.notices.send(Notice { answer: notice, to: None });
        let engine = self.engine();
        let mut answer = match entry.as_deref().and_then(|id| engine.base().index_of(id)) {
            Some(index) => engine.answer_entry(index, &asker.locale),
            None => Answer::new("facts", Outcome::Notice, what.clone()),
        };
        answer.parts.insert(0, crate::ask::answer::Part { heading: None, text: note, excerpts: Vec::new() });
        answer
    }

    /// `facts history [entry | change]`: the newest audit lines, or one change with its diff.
    fn history_answer(&self, argument: Option<&str>) -> Answer {
        if let Some(id) = argument.and_then(|a| a.trim_start_matches('#').parse::<u64>().ok()) {
            return match self.store().audit_entry(id) {
                Ok(Some(line)) => {
                    let mut answer = Answer::new("facts", Outcome::Notice, format!("Change #{id}: {}", audit_summary(&line)));
                    if let Some(diff) = line.diff.as_deref().filter(|d| !d.is_empty()) {
                        answer = answer.text(diff_block(diff));
                    }
                    answer
                }
                Ok(None) => Answer::new("facts", Outcome::Error, format!("There is no change #{id}.")),
                Err(error) => store_failed(&error),
            };
        }
        let entry = argument.map(|a| {
            let engine = self.engine();
            match engine.base().get(a) {
                Some(entry) => entry.id.clone(),
                None => match engine.resolve(a, None) {
                    crate::ask::index::Resolution::Found(index) => engine.entry(index).map(|e| e.id.clone()).unwrap_or_else(|| a.to_string()),
                    _ => a.to_string(),
                },
            }
        });
        let lines = match self.store().history(entry.as_deref(), crate::store::Page::first(HISTORY_SHOWN)) {
            Ok(lines) => lines,
            Err(error) => return store_failed(&error),
        };
        let about = entry.as_deref().map(|e| format!(" of {}", echo(e))).unwrap_or_default();
        if lines.is_empty() {
            return Answer::new("facts", Outcome::Notice, format!("No moderator actions{about} yet."));
        }
        let mut answer = Answer::new("facts", Outcome::Notice, format!("The latest moderator actions{about}, newest first"));
        for line in &lines {
            answer = answer.text(format!("#{} · {}", line.id, audit_summary(line)));
        }
        answer.text("`facts history <n>` shows a change's diff; `facts undo <n>` reverts an edit.")
    }

    /// `facts gaps [page]`, `facts gaps done|out-of-scope|open <n>`.
    fn gaps_command(&self, words: &[String], asker: &Asker) -> Answer {
        let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let number = |word: Option<&String>| word.and_then(|w| w.trim_start_matches('#').parse::<u64>().ok());
        let status = match first.as_str() {
            "done" | "handled" => Some(crate::store::GapStatus::Done),
            "out-of-scope" | "scope" | "oos" => Some(crate::store::GapStatus::OutOfScope),
            "open" | "reopen" => Some(crate::store::GapStatus::Open),
            _ => None,
        };
        match status {
            Some(status) => {
                let id = number(words.get(1));
                let answer = gaps::mark_answer(&self.gaps, status, id, &self.actor(asker));
                if answer.outcome == Outcome::Notice {
                    self.audit(asker, &format!("gap-{}", status.as_str()), &format!("#{}", id.unwrap_or_default()));
                }
                answer
            }
            None if first.is_empty() => gaps::list_answer(&self.gaps, &self.engine(), 1),
            None => match number(words.first()) {
                Some(page) => gaps::list_answer(&self.gaps, &self.engine(), page),
                None => Answer::new("facts", Outcome::Error, format!("`facts gaps {}` is not something histbot can do.", crate::text::echo::echo(&first)))
                    .text("`facts gaps [page]`, `facts gaps done <n>`, `facts gaps out-of-scope <n>`, `facts gaps open <n>`."),
            },
        }
    }

    fn status_answer(&self) -> Answer {
        let status = self.status();
        let since = status.last_reload.elapsed().map(|d| format!("{}s ago", d.as_secs())).unwrap_or_else(|_| "just now".into());
        let mut answer = Answer::new("facts", Outcome::Notice, format!("Fact base {}", status.version))
            .text(format!("{} events, {} treaties, {} people. Last reload {since}. Open reports: {}.", status.events, status.treaties, status.people, status.open_reports));
        answer = match status.last_error {
            Some(error) => answer.text(format!("Last reload error (still serving the last good base):\n{error}")),
            None => answer.text("Last reload: clean."),
        };
        answer
    }

    fn report_command(&self, invocation: &Invocation, asker: &Asker, reply_to: Option<&str>) -> Answer {
        let (entry_text, problem) = match (invocation.get("entry"), invocation.get("problem")) {
            (Some(entry), Some(problem)) => (entry.to_string(), problem.to_string()),
            _ => split_report(&invocation.rest),
        };
        let (entry_text, problem) = (clean(&entry_text), clean(&problem));
        if entry_text.is_empty() || problem.is_empty() {
            return Answer::new("report", Outcome::Error, "`report` needs an entry and what is wrong.")
                .text("Example: `report belgrade-declaration the quote is from the wrong section`.");
        }
        if let Err(error) = reports::check_lengths(&entry_text, &problem) {
            return report_refused(&error);
        }
        let engine = self.engine();
        let entry_id = match engine.resolve(&entry_text, None) {
            crate::ask::index::Resolution::Found(index) => engine.entry(index).map(|e| e.id.clone()).unwrap_or(entry_text.clone()),
            _ => entry_text.clone(),
        };
        let new = NewReport {
            entry: entry_id.clone(),
            text: problem,
            reporter: asker.display_name.clone(),
            reporter_id: asker.user_id.clone(),
            platform: asker.platform.clone(),
            place: asker.place.clone(),
            reply_to: reply_to.map(str::to_string),
        };
        match self.reports.file(new) {
            Ok(report) => {
                measure::report_filed();
                let notice = Answer::new("report", Outcome::Notice, format!("New report #{} on {}", report.id, echo(&report.entry)))
                    .text(format!("{} ({}): {}", echo(&report.reporter), origin(&report), report_text(&report)));
                let _ = self.notices.send(Notice { answer: notice, to: None });
                Answer::new("report", Outcome::Notice, format!("Thanks: report #{} filed.", report.id))
                    .text(format!("Moderators will review “{}”.", echo(&entry_id)))
            }
            Err(error @ ReportError::TooLong { .. }) => report_refused(&error),
            Err(ReportError::RateLimited { retry_after }) => Answer::new("report", Outcome::Error, "You have filed many reports recently.")
                .text(format!("Please try again in about {} minutes.", retry_after.as_secs().div_ceil(60))),
            Err(error) => {
                tracing::error!(%error, "could not store a report");
                Answer::new("report", Outcome::Error, "Your report could not be stored.").text("Please tell a moderator directly.")
            }
        }
    }

    pub fn reports(&self) -> &ReportQueue {
        &self.reports
    }

    /// Everything histbot remembers (reports, audit log, unanswered questions).
    pub fn store(&self) -> &Arc<dyn crate::store::Store> {
        self.reports.store()
    }

    /// How the audit log names a moderator: `discord:123 (Ana)`.
    fn actor(&self, asker: &Asker) -> String {
        format!("{}:{} ({})", asker.platform, asker.user_id, clip(&clean(&asker.display_name), 64))
    }

    /// Record a moderator's action in the audit log (a failure is logged, not fatal).
    fn audit(&self, asker: &Asker, action: &str, detail: &str) {
        let new = crate::store::NewAudit::action(&self.actor(asker), &asker.platform, action, detail);
        if let Err(error) = self.store().audit(&new, crate::store::unix_now()) {
            tracing::error!(%error, action, "could not write the audit log");
        }
    }

    /// The unanswered-question log.
    pub fn gaps(&self) -> &gaps::GapLog {
        &self.gaps
    }

    /// Who may moderate from chat: front ends decide `is_moderator` with it.
    pub fn moderation(&self) -> &moderation::Moderation {
        &self.moderation
    }

    /// Whether the bot is stopping, and the answers in flight.
    pub fn shutdown(&self) -> &shutdown::Shutdown {
        &self.shutdown
    }

    /// The `[study]` section: the question time and the daily fact.
    pub fn study(&self) -> &crate::config::StudyConfig {
        &self.study
    }

    /// Whether each front end is up: the binary declares the enabled ones,
    /// each sets its own state (see [`health`]).
    pub fn readiness(&self) -> &Arc<health::Readiness> {
        &self.readiness
    }

    /// Refresh the figures that are counted rather than recorded as they
    /// happen (open reports); called before metrics are rendered.
    pub fn refresh_metrics(&self) {
        match self.reports.count_open() {
            Ok(open) => measure::open_reports(open as usize),
            Err(error) => tracing::error!(%error, "could not count the open reports"),
        }
    }

    /// Flush what must survive the process (the "did you mean"s still
    /// waiting for an answer, the store).
    pub fn flush(&self) -> Result<(), ReportError> {
        self.gaps.flush();
        self.reports.flush()
    }

    pub fn facts_dir(&self) -> &std::path::Path {
        &self.facts_dir
    }

    pub fn intents_path(&self) -> &std::path::Path {
        &self.intents_path
    }
}

/// Open the store (migrated), import the old JSON Lines queue once, and
/// put the report queue on it.
fn open_reports(config: &Config) -> Result<ReportQueue, StartError> {
    let location = config.store_location();
    let failed = |source| StartError::Store { store: describe(&location), source };
    let store = crate::store::open_migrated(&location).map_err(failed)?;
    reports::import_jsonl(store.as_ref(), &config.data_dir.join(reports::JSONL_QUEUE))?;
    Ok(ReportQueue::new(store, config.reports.per_user, Duration::from_secs(config.reports.window_secs)))
}

/// A store's location for an error message (never a password).
fn describe(location: &crate::store::Location) -> String {
    match location {
        crate::store::Location::Sqlite(path) => path.display().to_string(),
        crate::store::Location::Postgres { .. } => "PostgreSQL, the `database` URL".into(),
    }
}

/// The actions of `facts`, for its error message.
const FACTS_USAGE: &str =
    "status, check, reports, close <number> [change], gaps [page], gaps done <n>, gaps out-of-scope <n>, edit <entry>, new <kind> <id>, history [entry], undo <change>";

/// Audit lines `facts history` shows.
const HISTORY_SHOWN: u64 = 15;

/// `Only moderators can do that.` for anyone else.
fn refuse_unless_moderator(asker: &Asker) -> Result<(), Answer> {
    if asker.is_moderator {
        Ok(())
    } else {
        Err(Answer::new("facts", Outcome::Error, "Only moderators can do that.").text("Editing the fact base is for histbot's moderators."))
    }
}

fn no_such_entry(text: &str) -> Answer {
    Answer::new("facts", Outcome::Error, format!("There is no entry “{}”.", echo(text))).text("Give its id (autocomplete helps on Discord), or create it with `facts new <kind> <id>`.")
}

fn store_failed(error: &dyn std::fmt::Display) -> Answer {
    tracing::error!(%error, "the store failed");
    Answer::new("facts", Outcome::Error, "The store failed.").text("See histbot's log.")
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// A diff as a fenced block (clipped: the audit log keeps it whole).
fn diff_block(diff: &str) -> String {
    format!("```diff\n{}\n```", clip(diff.trim_end(), 1500))
}

/// `2026-11-30 07:40 UTC · edit treaties/x.toml (+3 −1) · discord:1 (Ana)`.
fn audit_summary(line: &crate::store::AuditEntry) -> String {
    let mut what = format!("{} {}", line.action, echo(&line.detail));
    if let Some(diff) = line.diff.as_deref().filter(|d| !d.is_empty()) {
        let (added, removed) = diff::counts(diff);
        what.push_str(&format!(" (+{added} −{removed})"));
    }
    format!("{} · {what} · {}", edit::utc(line.at), echo(&line.actor))
}

/// `facts edit` / `facts new` where there is no form to fill in (the
/// console, a typed line): the text, and how to change it.
fn draft_answer(draft: &edit::Draft) -> Answer {
    let verb = if draft.new { "New entry" } else { "Entry" };
    Answer::new("facts", Outcome::Notice, format!("{verb} {}: {}", draft.entry, draft.file))
        .text(format!("```toml\n{}```", draft.text))
        .text("On Discord, `/facts edit` opens this in a form; on Matrix, reply to the bot's message with the edited TOML in a code block. With a shell, edit the file: histbot checks and reloads it by itself.")
}

/// The words of a `facts` command, from its options (Discord) or its typed text.
fn facts_words(invocation: &Invocation) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for name in ["action", "what", "report"] {
        if let Some(value) = invocation.get(name) {
            words.extend(value.split_whitespace().map(str::to_string));
        }
    }
    words.extend(invocation.rest.split_whitespace().map(str::to_string));
    words
}

/// The reply to a report over a length cap: nothing is filed.
fn report_refused(error: &ReportError) -> Answer {
    let ReportError::TooLong { field, chars, max } = error else {
        return Answer::new("report", Outcome::Error, "Your report could not be stored.").text("Please tell a moderator directly.");
    };
    Answer::new("report", Outcome::Error, format!("That report is too long: its {field} has {chars} characters."))
        .text(format!("Reports can have at most {max}; please say what is wrong in fewer words. Nothing was filed."))
}

/// One open report as moderators see it, every part from a user cleaned.
fn report_line(report: &Report) -> String {
    format!("#{} {} — {} (from {} on {})", report.id, echo(&report.entry), report_text(report), echo(&report.reporter), origin(report))
}

/// The platform and, when recorded, the server or room a report came from
/// (reports filed before places were recorded have none).
fn origin(report: &Report) -> String {
    match &report.place {
        Some(place) => format!("{}, {}", report.platform, echo(place)),
        None => report.platform.clone(),
    }
}

/// A report's problem text, cleaned (reports filed before the cap are clipped to it).
fn report_text(report: &Report) -> String {
    clip(&clean(&report.text), REPORT_TEXT_MAX_CHARS)
}

/// `report <entry> <problem>`: the first word is the entry unless a colon
/// separates a longer name: `report Belgrade declaration: wrong year`.
fn split_report(rest: &str) -> (String, String) {
    let rest = rest.trim();
    if let Some((entry, problem)) = rest.split_once(':') {
        return (entry.trim().to_string(), problem.trim().to_string());
    }
    match rest.split_once(char::is_whitespace) {
        Some((entry, problem)) => (entry.to_string(), problem.trim().to_string()),
        None => (rest.to_string(), String::new()),
    }
}

/// Whether two engines have the same intent rules and synonyms.
fn same_intents(a: &Engine, b: &Engine) -> bool {
    a.intents().text() == b.intents().text() && a.index().keyer().source() == b.index().keyer().source()
}

fn diagnostic_lines(diagnostics: &[Diagnostic]) -> String {
    let mut lines: Vec<String> = diagnostics.iter().take(15).map(Diagnostic::one_line).collect();
    if diagnostics.len() > 15 {
        lines.push(format!("…and {} more (run `histbot check`).", diagnostics.len() - 15));
    }
    lines.join("\n")
}

fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// Load and check the base and the intents into a new engine.
pub fn load_engine(facts: &std::path::Path, intents: &std::path::Path) -> Result<Engine, StartError> {
    let base = FactBase::load(facts).map_err(|diagnostics| StartError::Facts { dir: facts.display().to_string(), diagnostics })?;
    let keyer = crate::ask::synonyms::load_beside(intents).map_err(StartError::Intents)?;
    let intents = Intents::load(intents).map_err(StartError::Intents)?;
    Ok(Engine::with_keyer(Arc::new(base), intents, keyer))
}
