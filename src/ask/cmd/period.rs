//! `period <name|year>`: a named stretch of the relations, with the quotes
//! that give its start and end and its main events and treaties. Also the
//! period lines of `/year`, `/when` and `/compare` ([`add_period_part`]).

use super::subject;
use crate::ask::answer::{locale_language, Answer, Outcome};
use crate::ask::engine::{self, Engine};
use crate::ask::index::Resolution;
use crate::ask::parse::Invocation;
use crate::facts::date::{End, Precision};
use crate::facts::{Entry, FactBase, Kind, Quote};
use crate::text::echo::echo;
use crate::text::fold::fold_for_search;

/// How many main entries a period's answer names.
const MAIN_ENTRIES: usize = 8;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "period").trim();
    if text.is_empty() {
        return overview(engine);
    }
    match find(engine, text) {
        Ok(found) => {
            let mut reply = answer(engine, found.period, locale);
            if let Some(entry) = found.via {
                reply.parts.insert(
                    0,
                    crate::ask::answer::Part { heading: None, text: format!("{} falls in this period.", engine::label(entry)), excerpts: Vec::new() },
                );
            }
            reply
        }
        Err(reply) => *reply,
    }
}

/// A period found for what was typed; `via` is the event or treaty that
/// led to it when the text named one of those instead of a period.
pub(crate) struct Found<'e> {
    pub period: &'e Entry,
    pub via: Option<&'e Entry>,
}

/// The period named by `text`: a year, a period's id, title or alias (or
/// words of it), or an event or treaty whose period it is. `Err` is the reply.
pub(crate) fn find<'e>(engine: &'e Engine, text: &str) -> Result<Found<'e>, Box<Answer>> {
    let base = engine.base();
    let trimmed = text.trim();
    if trimmed.trim_end_matches('s').bytes().all(|b| b.is_ascii_digit()) {
        let year = super::parse_year("period", trimmed)?;
        return match base.period_of_year(year) {
            Some(period) => Ok(Found { period, via: None }),
            None => Err(Box::new(no_period_in(base, year))),
        };
    }
    if let Some(period) = exactly_named(base, trimmed) {
        return Ok(Found { period, via: None });
    }
    // An event or treaty typed by its id leads to its period.
    if let Some(entry) = base.get(trimmed).filter(|e| matches!(e.kind, Kind::Event | Kind::Treaty)) {
        if let Some(period) = base.period_of(entry) {
            return Ok(Found { period, via: Some(entry) });
        }
    }
    let named = by_name(base, trimmed);
    match named.as_slice() {
        [period] => return Ok(Found { period, via: None }),
        [] => {}
        several => {
            let names: Vec<String> = several.iter().map(|p| engine::suggestion(p)).collect();
            return Err(Box::new(
                Answer::new("period", Outcome::Ambiguous, format!("Did you mean {}?", engine::or_list(several.iter().map(|p| p.title.clone()).collect())))
                    .text(format!("Several periods fit “{}”. Pick one:", echo(trimmed)))
                    .suggest(names),
            ));
        }
    }
    if let Resolution::Found(index) = engine.resolve(trimmed, Some(&[Kind::Event, Kind::Treaty])) {
        if let Some(entry) = engine.entry(index) {
            if let Some(period) = base.period_of(entry) {
                return Ok(Found { period, via: Some(entry) });
            }
        }
    }
    Err(Box::new(
        Answer::new("period", Outcome::NotFound, format!("I don't know a period called “{}”.", echo(trimmed)))
            .text("The periods the sources name:")
            .suggest(base.periods().iter().map(engine::suggestion).collect()),
    ))
}

/// The period whose id, title or an alias is `text` (folded).
pub(crate) fn exactly_named<'b>(base: &'b FactBase, text: &str) -> Option<&'b Entry> {
    match by_name(base, text).as_slice() {
        [period] if names_of(period).contains(&fold_for_search(&text.replace('-', " "))) => Some(period),
        _ => None,
    }
}

/// An entry's id, title and other names, folded (`/treaty` reads them too).
pub(crate) fn names_of(p: &Entry) -> Vec<String> {
    std::iter::once(p.id.replace('-', " "))
        .chain(std::iter::once(p.title.clone()))
        .chain(p.aliases.iter().cloned())
        .map(|n| fold_for_search(&n.replace('-', " ")))
        .collect()
}

/// Periods whose id, title or an alias is `text` (folded), or else whose
/// names hold every word of it.
pub(crate) fn by_name<'b>(base: &'b FactBase, text: &str) -> Vec<&'b Entry> {
    let wanted = fold_for_search(&text.replace('-', " "));
    let words: Vec<&str> = wanted.split_whitespace().filter(|w| !matches!(*w, "the" | "of" | "period" | "a")).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let names = names_of;
    let exact: Vec<&Entry> = base.periods().iter().filter(|p| names(p).contains(&wanted)).collect();
    if !exact.is_empty() {
        return exact;
    }
    base.periods()
        .iter()
        .filter(|p| {
            let names = names(p);
            names.iter().any(|name| {
                let name_words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).collect();
                words.iter().all(|w| name_words.iter().any(|n| n == w || (w.len() >= 5 && n.starts_with(w))))
            })
        })
        .collect()
}

/// Periods for autocomplete: all of them (in order) for nothing typed or a
/// year's digits, else those whose names hold the typed words.
pub fn completions<'b>(base: &'b FactBase, partial: &str) -> Vec<&'b Entry> {
    let typed = partial.trim();
    if let Ok(year) = typed.parse::<i32>() {
        if typed.len() == 4 {
            return base.period_of_year(year).into_iter().collect();
        }
    }
    if typed.is_empty() || typed.bytes().all(|b| b.is_ascii_digit()) {
        return base.periods().iter().collect();
    }
    let folded = fold_for_search(&typed.replace('-', " "));
    let words: Vec<&str> = folded.split_whitespace().collect();
    base.periods()
        .iter()
        .filter(|p| {
            names_of(p).iter().any(|name| {
                let name_words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                words.iter().all(|w| name_words.iter().any(|n| n.starts_with(w)))
            })
        })
        .collect()
}

/// `/period` alone: every period, in order.
fn overview(engine: &Engine) -> Answer {
    Answer::new("period", Outcome::Help, "The periods of the relations, as the sources name them")
        .text("Ask about one by name or by a year in it, e.g. `/period 1950`.")
        .suggest(engine.base().periods().iter().map(engine::suggestion).collect())
}

/// "The sources name no period for 1900", with the periods on either side.
fn no_period_in(base: &FactBase, year: i32) -> Answer {
    let before = base.periods().iter().rev().find(|p| p.date.as_ref().is_some_and(|d| d.last_year() < year));
    let after = base.periods().iter().find(|p| p.date.as_ref().is_some_and(|d| d.first_year() > year));
    Answer::new("period", Outcome::NotFound, format!("The sources name no period that {year} falls in."))
        .text("The nearest periods:")
        .suggest(before.into_iter().chain(after).map(engine::suggestion).collect())
}

/// The answer about one period: what the sources say of it, the quotes
/// that give its start and end, and its main entries.
pub fn answer(engine: &Engine, period: &Entry, locale: &str) -> Answer {
    let base = engine.base();
    let mut answer = Answer::new("period", Outcome::Facts, engine::headline(period));
    let quotes = ordered_quotes(base, period, locale);
    answer.add_entry_quotes(base, period, None, period.summary.clone(), &quotes);
    let members = members(base, period);
    let main: Vec<&Entry> = members.iter().take(MAIN_ENTRIES).copied().collect();
    answer.suggestions = main.iter().map(|e| engine::suggestion(e)).collect();
    if let Some(date) = &period.date {
        let last = match date.end {
            Some(End::Open) => base.chronological().next_back().and_then(|e| e.date.as_ref()).map_or(date.first_year(), |d| d.first_year()),
            _ => date.last_year(),
        };
        let timeline = format!("/timeline {} {last}", date.first_year());
        let count = base.starting_between(date.first_year(), last).filter(|e| e.kind != Kind::Person).count();
        let text = if members.len() > main.len() || count > main.len() {
            format!("Its main entries are below; all {count} entries dated {}–{last}: `{timeline}`.", date.first_year())
        } else {
            "Its main entries:".to_string()
        };
        answer.parts.push(crate::ask::answer::Part { heading: None, text, excerpts: Vec::new() });
    }
    answer
}

/// The events and treaties of a period: those that name it first, then
/// treaties, then the rest, each group in date order.
pub(crate) fn members<'b>(base: &'b FactBase, period: &Entry) -> Vec<&'b Entry> {
    let mut members: Vec<&Entry> = base.chronological().filter(|e| base.period_of(e).is_some_and(|p| p.id == period.id)).collect();
    let rank = |e: &Entry| (e.period.is_none(), e.kind != Kind::Treaty, e.date.as_ref().is_some_and(|d| d.start.precision < Precision::Year));
    members.sort_by_key(|e| rank(e));
    members
}

/// A period's quotes: those in the asker's language first, then English.
fn ordered_quotes<'e>(base: &FactBase, period: &'e Entry, locale: &str) -> Vec<&'e Quote> {
    let lang = locale_language(locale);
    let of = |wanted: &str| -> Vec<&'e Quote> { period.quotes.iter().filter(|q| base.source(q.source).is_some_and(|s| s.lang == wanted)).collect() };
    let mut chosen: Vec<&Quote> = Vec::new();
    if lang != "en" {
        chosen.extend(of(&lang));
    }
    for quote in of("en") {
        // The same sentence from two sources is shown once.
        if !chosen.iter().any(|c| c.text == quote.text) {
            chosen.push(quote);
        }
    }
    chosen
}

/// The quotes of a period that state its start and end (one each, the
/// same one when one states both), in the asker's language first.
pub(crate) fn boundary_quotes<'e>(base: &FactBase, period: &'e Entry, locale: &str) -> Vec<&'e Quote> {
    let Some(date) = &period.date else { return Vec::new() };
    let quotes = ordered_quotes(base, period, locale);
    let mut chosen: Vec<&Quote> = Vec::new();
    for point in date.points() {
        let words = point.year_words();
        let states = |q: &Quote| words.iter().all(|w| crate::facts::date::contains_word(&q.text, w));
        if chosen.iter().any(|q| states(q)) {
            continue;
        }
        if let Some(found) = quotes.iter().find(|q| states(q)) {
            chosen.push(found);
        }
    }
    chosen
}

/// Add a part naming the period `entry` (or `year`) falls in, backed by the
/// quotes that state the period's start and end.
pub(crate) fn add_period_part(engine: &Engine, answer: &mut Answer, period: &Entry, heading: String, locale: &str) {
    let text = format!("{} More: `/period {}`.", period.summary.trim(), period.id);
    add_period_line(engine, answer, period, heading, text, locale);
}

/// [`add_period_part`] with its own text (a one-line mention in `/year` and `/when`).
pub(crate) fn add_period_line(engine: &Engine, answer: &mut Answer, period: &Entry, heading: String, text: String, locale: &str) {
    let quotes = boundary_quotes(engine.base(), period, locale);
    answer.add_entry_quotes(engine.base(), period, Some(heading), text, &quotes);
}

/// The one-line mention of the period `what` falls in, for `/year` and `/when`.
pub(crate) fn mention(engine: &Engine, answer: &mut Answer, period: &Entry, what: &str, locale: &str) {
    let heading = format!("Period: {}", engine::label(period));
    let text = format!("{what} falls in this period. More: `/period {}`.", period.id);
    add_period_line(engine, answer, period, heading, text, locale);
}
