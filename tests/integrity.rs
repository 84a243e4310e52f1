//! Every answer's excerpt proves what the answer asserts (issue: "the quote
//! that proves the claim"), measured over the whole shipped base:
//!
//! - `/when` for every dated entry shows an excerpt stating the date's year
//!   (or both ends of its range); for an entry the sources place only
//!   between two dates, it says they give no date and asserts nothing;
//! - `/year Y`, for every year the sources mention, shows for every entry it
//!   lists an excerpt stating Y (a range counts when it spans Y and its
//!   excerpts state both its ends); the period the year falls in is shown
//!   with excerpts stating its start and end (only its start when it is
//!   open-ended), and the year lies between them.

mod support;

use std::collections::BTreeSet;
use std::sync::Arc;

use histbot::ask::{Engine, Intents, Outcome};
use histbot::facts::date::contains_word;
use histbot::facts::{FactBase, Kind};

fn engine() -> Engine {
    Engine::new(Arc::new(FactBase::load(support::shipped_facts()).expect("shipped facts")), Intents::builtin())
}

#[test]
fn when_shows_an_excerpt_stating_the_date_for_every_dated_entry() {
    let engine = engine();
    let mut failures = Vec::new();
    let mut dated = 0;
    for entry in engine.base().entries() {
        let Some(date) = &entry.date else { continue };
        let answer = engine.ask(&format!("/when {}", entry.id), "en");
        // Placed only between two dates ("the source gives no year"): no
        // date to prove, and `/when` says so, asserting nothing.
        if date.bounds_only {
            if answer.outcome != Outcome::NotFound || !answer.facts.is_empty() || !answer.headline.contains(&date.to_string()) {
                failures.push(format!("  /when {} ({date}) should say the sources give no date: {}", entry.id, answer.headline));
            }
            continue;
        }
        dated += 1;
        let proven = answer.excerpts.iter().any(|excerpt| date.year_stated_by(&excerpt.quote));
        if answer.outcome != Outcome::Facts || !proven {
            failures.push(format!("  /when {} ({}): {:?}", entry.id, date, answer.excerpts.iter().map(|e| &e.quote).collect::<Vec<_>>()));
        }
    }
    println!("/when: {} of {dated} dated entries show their date in an excerpt", dated - failures.len());
    assert!(dated > 100, "only {dated} dated entries");
    assert!(failures.is_empty(), "/when answers whose excerpts do not state the date:\n{}", failures.join("\n"));
}

/// Every year from 1000 to 2999 written in the source texts.
fn years_in_sources(base: &FactBase) -> BTreeSet<i32> {
    let mut years = BTreeSet::new();
    for source in base.sources() {
        for run in source.text.split(|c: char| !c.is_ascii_digit()) {
            if let Ok(year) = run.parse::<i32>() {
                if run.len() == 4 && (1000..3000).contains(&year) {
                    years.insert(year);
                }
            }
        }
    }
    years
}

#[test]
fn year_lists_show_an_excerpt_stating_the_year_for_every_entry() {
    let engine = engine();
    let mut failures = Vec::new();
    let mut listed = 0;
    let mut periods = 0;
    let years = years_in_sources(engine.base());
    for &year in &years {
        for page in 1..=20 {
            let answer = engine.ask(&format!("/year {year} {page}"), "en");
            if answer.outcome != Outcome::Facts {
                break;
            }
            assert_eq!(answer.parts.len(), answer.facts.len(), "/year {year} {page}: one part per entry");
            for (part, fact) in answer.parts.iter().zip(&answer.facts) {
                listed += 1;
                let Some(entry) = engine.base().get(&fact.id) else { continue };
                let Some(date) = entry.date.clone() else { continue };
                let quotes: Vec<&str> = part.excerpts.iter().filter_map(|&i| answer.excerpts.get(i)).map(|e| e.quote.as_str()).collect();
                let proven = if entry.kind == Kind::Period {
                    periods += 1;
                    date.covers_year(year) && date.points().iter().all(|p| p.year_words().iter().all(|w| quotes.iter().any(|q| contains_word(q, w))))
                } else {
                    date.states_year_in(&quotes, year)
                };
                if !proven {
                    failures.push(format!("  /year {year}: {} ({date})", fact.id));
                }
            }
            if answer.page.is_none_or(|p| p.number >= p.count) {
                break;
            }
        }
    }
    println!("/year: {} of {listed} listed entries show the year in an excerpt, over {} years", listed - failures.len(), years.len());
    assert!(listed > 100, "only {listed} entries listed");
    assert!(periods > 50, "only {periods} /year answers name their period");
    assert!(failures.is_empty(), "/year lists with entries whose excerpts do not state the year:\n{}", failures.join("\n"));
}
