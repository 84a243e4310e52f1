//! [`Engine`]: one loaded fact base with its index and intent rules, turning
//! typed lines, clicked commands and free text into [`Answer`]s.

use std::sync::Arc;

use super::answer::{Answer, Outcome};
use super::cmd;
use super::commands::{self, ArgKind};
use super::index::{self, Index, Resolution};
use super::intents::Intents;
use super::parse::{parse_line, Invocation, Line};
use crate::facts::{Entry, FactBase, Kind};

/// An autocomplete choice: what the user sees, and the value sent back.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Choice {
    /// At most 100 characters.
    pub name: String,
    /// The entry id.
    pub value: String,
}

/// The asking core over one fact base. Immutable; share it behind an `Arc`
/// and swap in a new one on reload.
#[derive(Debug)]
pub struct Engine {
    base: Arc<FactBase>,
    index: Index,
    intents: Intents,
}

impl Engine {
    pub fn new(base: Arc<FactBase>, intents: Intents) -> Engine {
        let index = Index::build(&base);
        Engine { base, index, intents }
    }

    pub fn base(&self) -> &FactBase {
        &self.base
    }

    pub fn intents(&self) -> &Intents {
        &self.intents
    }

    /// Answer a typed line: `/command args` or free text.
    pub fn ask(&self, text: &str, locale: &str) -> Answer {
        self.ask_with_prefixes(text, &['/'], locale)
    }

    /// Answer a typed line whose commands start with one of `prefixes`.
    pub fn ask_with_prefixes(&self, text: &str, prefixes: &[char], locale: &str) -> Answer {
        let locale = locale_for(text, locale);
        let locale = locale.as_str();
        match parse_line(text, prefixes) {
            Line::Empty => cmd::help::run(self, None),
            Line::Command(invocation) => self.invoke(&invocation, locale),
            Line::UnknownCommand(name) => unknown_command(&name),
            Line::FreeText(text) => self.free_text(&text, locale),
        }
    }

    /// Run a command with its arguments (from a typed line or a front end's options).
    pub fn invoke(&self, invocation: &Invocation, locale: &str) -> Answer {
        let locale = if locale.trim().is_empty() { "en" } else { locale };
        match invocation.command.as_str() {
            "when" => cmd::when::run(self, invocation, locale),
            "who" => cmd::who::run(self, invocation, locale),
            "treaty" => cmd::treaty::run(self, invocation, locale),
            "year" => cmd::year::run(self, invocation, locale),
            "timeline" => cmd::timeline::run(self, invocation, locale),
            "compare" => cmd::compare::run(self, invocation, locale),
            "source" => cmd::source::run(self, invocation, locale),
            "ask" => self.free_text(&invocation.all_text(), locale),
            "help" => cmd::help::run(self, invocation.get("command").or(Some(invocation.rest.as_str()))),
            "report" | "reload" | "facts" => Answer::new(&invocation.command, Outcome::Error, "This command needs the bot service")
                .text("Moderation commands and reports are handled by a running bot (`histbot console` or `histbot run`)."),
            other => unknown_command(other),
        }
    }

    /// Route a free-text question: an intent rule first, then the best entry.
    pub fn free_text(&self, text: &str, locale: &str) -> Answer {
        let text = text.trim();
        if text.is_empty() {
            return cmd::help::run(self, None);
        }
        if let Some(invocation) = self.intents.route(text) {
            let answer = self.invoke(&invocation, locale);
            if answer.outcome != Outcome::NotFound || invocation.command == "year" {
                return answer;
            }
            // The rule matched but its subject did not resolve; try the whole question.
            let fallback = self.route_by_entry(text, locale);
            return if fallback.outcome == Outcome::Facts { fallback } else { answer };
        }
        self.route_by_entry(text, locale)
    }

    /// No rule matched: find the entry the question is about and answer with
    /// the command that fits its kind; a bare year lists that year.
    fn route_by_entry(&self, text: &str, locale: &str) -> Answer {
        match self.resolve(text, None) {
            Resolution::Found(entry) => self.answer_entry(entry, locale),
            Resolution::Ambiguous(entries) => self.did_you_mean("ask", text, &entries),
            Resolution::NotFound(near) => {
                let query = index::Query::parse(text);
                if let (Some(year), true) = (query.years.first(), query.keys.is_empty()) {
                    return cmd::year::run(self, &Invocation::new("year").arg("year", year.to_string()), locale);
                }
                self.not_found("ask", text, &near)
            }
        }
    }

    /// The default answer about one entry, by its kind.
    pub fn answer_entry(&self, entry: usize, locale: &str) -> Answer {
        let Some(found) = self.base.entries().get(entry) else { return self.not_found("ask", "", &[]) };
        let invocation = |command: &str| Invocation::new(command).arg(commands::find(command).map_or("arg", |c| c.args[0].name), found.id.clone());
        match found.kind {
            Kind::Person => cmd::who::run(self, &invocation("who"), locale),
            Kind::Treaty => cmd::treaty::run(self, &invocation("treaty"), locale),
            Kind::Event => cmd::when::run(self, &invocation("when"), locale),
        }
    }

    /// Resolve text to entry indexes.
    pub fn resolve(&self, text: &str, kinds: Option<&[Kind]>) -> Resolution {
        self.index.resolve(&self.base, text, kinds)
    }

    /// The best-scoring entries for a text, with their scores: why an answer
    /// was chosen (`histbot ask --explain`).
    pub fn explain(&self, text: &str) -> Vec<(String, f32, bool)> {
        self.index
            .score(&self.index.query(text), None, false)
            .into_iter()
            .take(8)
            .filter_map(|s| Some((self.entry(s.entry)?.id.clone(), s.score, s.name_hit)))
            .collect()
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.base.entries().get(index)
    }

    /// Autocomplete for an argument: at most `limit` (≤ 25) choices, names ≤ 100 characters.
    pub fn autocomplete(&self, kind: ArgKind, partial: &str, limit: usize) -> Vec<Choice> {
        if !kind.names_entries() {
            return Vec::new();
        }
        let limit = limit.min(25);
        self.index
            .complete(&self.base, partial, kind, limit)
            .into_iter()
            .filter_map(|i| self.base.entries().get(i))
            .map(|entry| Choice { name: truncate_chars(&label(entry), 100), value: entry.id.clone() })
            .collect()
    }

    /// "Did you mean A, B or C?"
    pub fn did_you_mean(&self, intent: &str, text: &str, entries: &[usize]) -> Answer {
        let names: Vec<String> = entries.iter().filter_map(|&i| self.entry(i)).map(suggestion).collect();
        Answer::new(intent, Outcome::Ambiguous, format!("Did you mean {}?", or_list(entries.iter().filter_map(|&i| self.entry(i)).map(|e| e.title.clone()).collect())))
            .text(format!("Several entries fit “{}”. Pick one:", text.trim()))
            .suggest(names)
    }

    /// "I don't know", with the closest entries if any.
    pub fn not_found(&self, intent: &str, text: &str, near: &[usize]) -> Answer {
        let suggestions: Vec<String> = near.iter().filter_map(|&i| self.entry(i)).map(suggestion).collect();
        let body = if suggestions.is_empty() {
            "The fact base has nothing on that. histbot answers questions on Soviet Union–Yugoslavia and Russia–Serbia relations; try `/help`, or `/timeline 1941 1948`."
        } else {
            "Nothing in the fact base matches that well enough to answer. Closest entries:"
        };
        let headline = if text.trim().is_empty() { "I don't know.".to_string() } else { format!("I don't know about “{}”.", truncate_chars(text.trim(), 80)) };
        Answer::new(intent, Outcome::NotFound, headline).text(body).suggest(suggestions)
    }
}

/// The locale to answer in: a question written in Arabic script gets Arabic
/// excerpts where they exist, whatever the platform's locale says (Discord
/// has no Arabic locale, Matrix sends none).
pub fn locale_for(text: &str, locale: &str) -> String {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (arabic, total) = letters.fold((0, 0), |(arabic, total), c| (arabic + usize::from(('\u{0600}'..='\u{06FF}').contains(&c)), total + 1));
    if total > 0 && arabic * 2 > total { "ar".to_string() } else { locale.to_string() }
}

/// `Title (date)` for lists and autocomplete (just the title when it already shows the date).
pub fn label(entry: &Entry) -> String {
    match entry.date_text() {
        Some(date) if !entry.title.contains(&date) => format!("{} ({date})", entry.title),
        _ => entry.title.clone(),
    }
}

/// `Title — date` for headlines (just the title when it already shows the date).
pub fn headline(entry: &Entry) -> String {
    match entry.date_text() {
        Some(date) if !entry.title.contains(&date) => format!("{} — {date}", entry.title),
        _ => entry.title.clone(),
    }
}

/// A suggestion line: `Belgrade declaration (1955): /when belgrade-declaration`.
pub fn suggestion(entry: &Entry) -> String {
    let command = match entry.kind {
        Kind::Person => "who",
        Kind::Treaty => "treaty",
        Kind::Event => "when",
    };
    format!("{}: /{command} {}", label(entry), entry.id)
}

/// "A, B or C".
pub fn or_list(mut names: Vec<String>) -> String {
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        _ => {
            let last = names.pop().unwrap_or_default();
            format!("{} or {last}", names.join(", "))
        }
    }
}

/// Cut at a character boundary, ending with `…` when shortened.
pub fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn unknown_command(name: &str) -> Answer {
    let names: Vec<String> = commands::COMMANDS.iter().map(|c| c.name.to_string()).collect();
    let near = names
        .iter()
        .filter(|n| super::normalize::edit_distance(&name.to_lowercase(), n) <= 2)
        .map(|n| format!("/{n}"))
        .collect::<Vec<_>>();
    Answer::new("help", Outcome::Error, format!("There is no command `{name}`."))
        .text(format!("Commands: {}. Type `/help` for details.", names.join(", ")))
        .suggest(near)
}
