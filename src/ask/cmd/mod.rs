//! One file per command. Each `run` takes the engine and an invocation and
//! returns an [`Answer`](super::answer::Answer).

pub mod compare;
pub mod help;
pub mod source;
pub mod timeline;
pub mod treaty;
pub mod when;
pub mod who;
pub mod year;

use super::answer::{Answer, Outcome};
use super::engine::Engine;
use super::index::Resolution;
use super::parse::Invocation;
use crate::facts::{Entry, Kind};

/// The entry argument of a one-argument command: the named argument, or the
/// typed rest of the line.
pub(crate) fn subject<'a>(invocation: &'a Invocation, name: &str) -> &'a str {
    invocation.get(name).or_else(|| invocation.get("arg")).unwrap_or(invocation.rest.trim())
}

/// Resolve the subject to one entry, preferring `kinds` (an entry of another
/// kind still wins when it fits much better). `Err` is the reply to send.
pub(crate) fn resolve_entry<'e>(engine: &'e Engine, intent: &str, text: &str, kinds: &[Kind]) -> Result<&'e Entry, Box<Answer>> {
    if text.trim().is_empty() {
        return Err(Box::new(missing_argument(intent)));
    }
    match engine.resolve(text, Some(kinds)) {
        Resolution::Found(index) => engine.entry(index).ok_or_else(|| Box::new(engine.not_found(intent, text, &[]))),
        Resolution::Ambiguous(entries) => Err(Box::new(engine.did_you_mean(intent, text, &entries))),
        Resolution::NotFound(near) => Err(Box::new(engine.not_found(intent, text, &near))),
    }
}

/// The reply to a command typed without its argument.
pub(crate) fn missing_argument(intent: &str) -> Answer {
    let usage = super::commands::find(intent).map(|c| c.help).unwrap_or("");
    Answer::new(intent, Outcome::Error, format!("`{intent}` needs an argument.")).text(usage)
}

/// Parse a year argument within the table's bounds.
pub(crate) fn parse_year(intent: &str, text: &str) -> Result<i32, Box<Answer>> {
    let trimmed = text.trim().trim_end_matches('s');
    match trimmed.parse::<i64>() {
        Ok(year) if (super::commands::YEAR_MIN..=super::commands::YEAR_MAX).contains(&year) => Ok(year as i32),
        _ => Err(Box::new(
            Answer::new(intent, Outcome::Error, format!("“{}” is not a year I can look up.", text.trim()))
                .text(format!("Give a year between {} and {}, e.g. `/{intent} 1948`.", super::commands::YEAR_MIN, super::commands::YEAR_MAX)),
        )),
    }
}

/// Parse an optional page number (1 when absent or invalid).
pub(crate) fn parse_page(text: Option<&str>) -> usize {
    text.and_then(|t| t.trim().parse::<usize>().ok()).filter(|&p| p >= 1).unwrap_or(1)
}

/// One line about an entry in a list: what it is, in the summary's words.
pub(crate) fn entry_line(entry: &Entry) -> String {
    entry.summary.trim().to_string()
}

/// The heading of an entry in a list: `12 July 1968 — Title`.
pub(crate) fn dated_heading(entry: &Entry) -> String {
    match entry.date_text() {
        Some(date) if !entry.title.contains(&date) => format!("{date} — {}", entry.title),
        _ => entry.title.clone(),
    }
}

/// How many list items fit one page.
pub(crate) const PAGE_SIZE: usize = 5;

/// Add one page of `entries` to `answer`, each with its excerpt.
pub(crate) fn add_page(engine: &Engine, answer: &mut Answer, entries: &[&Entry], page: usize, locale: &str, page_command: String) {
    let count = entries.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.min(count);
    for entry in entries.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE) {
        answer.add_entry(engine.base(), entry, Some(dated_heading(entry)), entry_line(entry), locale);
    }
    if count > 1 {
        answer.page = Some(super::answer::Page { number: page, count });
        answer.page_command = Some(page_command);
    }
}

/// Suggestions that lead on from an entry: its related entries and people.
pub(crate) fn related_suggestions(engine: &Engine, entry: &Entry) -> Vec<String> {
    entry
        .related
        .iter()
        .chain(&entry.people)
        .filter_map(|id| engine.base().get(id))
        .take(5)
        .map(super::engine::suggestion)
        .collect()
}
