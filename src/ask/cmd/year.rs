//! `year <year> [page]`: everything dated in that year, in order, each with
//! its excerpt, and (on the first page) the period the year falls in.

use super::{add_page, parse_page, parse_year};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;
use crate::facts::date::YearMatch;
use crate::facts::Entry;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let mut words = invocation.rest.split_whitespace();
    let year_text = invocation.get("year").map(str::to_string).or_else(|| words.next().map(str::to_string)).unwrap_or_default();
    if year_text.trim().is_empty() {
        return super::missing_argument("year");
    }
    let page = parse_page(invocation.get("page").or(words.next()));
    let year = match parse_year("year", &year_text) {
        Ok(year) => year,
        Err(reply) => return *reply,
    };
    let entries = entries_in_year(engine, year);
    if entries.is_empty() {
        return nothing_in(engine, year);
    }
    let mut answer = Answer::new("year", Outcome::Facts, format!("{year}: {} dated {}", entries.len(), if entries.len() == 1 { "entry" } else { "entries" }));
    add_page(engine, &mut answer, &entries, page, locale, format!("/year {year}"), Some(year));
    if answer.page.is_none_or(|p| p.number == 1) {
        if let Some(period) = engine.base().period_of_year(year) {
            super::period::mention(engine, &mut answer, period, &year.to_string(), locale);
        }
    }
    answer
}

/// Entries dated in the year: those dated to the year itself (or more
/// precisely) first, then periods that end in it, then short periods that
/// span it, each group in date order. Decades, centuries, long and open-ended periods are left out.
pub fn entries_in_year(engine: &Engine, year: i32) -> Vec<&Entry> {
    let base = engine.base();
    let mut entries: Vec<(YearMatch, &Entry)> = engine
        .index()
        .year_fits(year)
        .filter_map(|(doc, _)| base.entries().get(doc as usize))
        .filter_map(|e| Some((e.date.as_ref()?.year_match(year), e)))
        .filter(|(m, _)| matches!(m, YearMatch::Exact | YearMatch::Within))
        .collect();
    // Things that happened in the year before periods that only end in it.
    let starts_before = |e: &Entry| e.date.as_ref().is_some_and(|d| d.first_year() < year);
    let key = |(m, e): &(YearMatch, &Entry)| (*m, starts_before(e), e.date.as_ref().map(|d| d.sort_key()));
    entries.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.1.id.cmp(&b.1.id)));
    entries.dedup_by(|a, b| a.1.id == b.1.id);
    entries.into_iter().map(|(_, e)| e).collect()
}

fn nothing_in(engine: &Engine, year: i32) -> Answer {
    let base = engine.base();
    let first_year = |e: &Entry| e.date.as_ref().map(|d| d.first_year());
    let before = base.starting_between(i32::MIN, year - 1).last().and_then(first_year);
    let after = base.starting_between(year + 1, i32::MAX).next().and_then(first_year);
    let suggestions: Vec<String> = before.into_iter().chain(after).map(|y| format!("/year {y}")).collect();
    Answer::new("year", Outcome::NotFound, format!("I don't know of anything dated {year}."))
        .text("No entry of the fact base is dated in that year. The nearest years with entries:")
        .suggest(suggestions)
}
