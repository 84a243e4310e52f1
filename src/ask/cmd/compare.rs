//! `compare <a> <b>`: two years or two entries side by side, each side with
//! its own excerpt.

use std::sync::OnceLock;

use regex::Regex;

use super::{dated_heading, entry_line, parse_year};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::evidence::Focus;
use crate::ask::index::{year_of, Resolution};
use crate::text::lexicon::Asks;
use crate::ask::parse::Invocation;
use crate::facts::Entry;

/// How many entries one year side shows.
const PER_YEAR: usize = 3;

/// One side of a comparison.
enum Side<'e> {
    Year(i32, Vec<&'e Entry>),
    Entry(&'e Entry),
}

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let (a, b) = match (invocation.get("a"), invocation.get("b")) {
        (Some(a), Some(b)) => (a.to_string(), b.to_string()),
        _ => match split_sides(engine, &invocation.all_text()) {
            Some(sides) => sides,
            None => {
                return Answer::new("compare", Outcome::Error, "`compare` needs two things to compare.")
                    .text("Give two years or two entries, e.g. `/compare 1956 1968` or `/compare tito-stalin-split and belgrade-declaration`.")
            }
        },
    };
    let left = match side(engine, &a) {
        Ok(side) => side,
        Err(reply) => return *reply,
    };
    let right = match side(engine, &b) {
        Ok(side) => side,
        Err(reply) => return *reply,
    };
    let mut answer = Answer::new("compare", Outcome::Facts, format!("{} compared with {}", side_name(&left), side_name(&right)));
    for current in [&left, &right] {
        add_side(engine, &mut answer, current, locale);
    }
    answer
}

fn side_name(side: &Side) -> String {
    match side {
        Side::Year(year, _) => year.to_string(),
        Side::Entry(entry) => entry.title.clone(),
    }
}

fn add_side(engine: &Engine, answer: &mut Answer, side: &Side, locale: &str) {
    match side {
        Side::Year(year, entries) => {
            for entry in entries {
                super::add_entry(engine, answer, entry, Some(format!("{year}: {}", dated_heading(entry))), entry_line(entry), &Focus::year(*year), locale);
            }
        }
        Side::Entry(entry) => {
            super::add_entry(engine, answer, entry, Some(dated_heading(entry)), entry_line(entry), &Focus::asserting(Asks::When), locale);
        }
    }
}

fn side<'e>(engine: &'e Engine, text: &str) -> Result<Side<'e>, Box<Answer>> {
    let trimmed = text.trim();
    if year_of(trimmed).is_some() {
        let year = parse_year("compare", trimmed)?;
        let entries: Vec<&Entry> = super::year::entries_in_year(engine, year).into_iter().take(PER_YEAR).collect();
        if entries.is_empty() {
            return Err(Box::new(
                Answer::new("compare", Outcome::NotFound, format!("I don't know of anything dated {year}."))
                    .text("Pick years that have entries; `/timeline` shows which."),
            ));
        }
        return Ok(Side::Year(year, entries));
    }
    super::resolve_entry(engine, "compare", trimmed, &[crate::facts::Kind::Event, crate::facts::Kind::Treaty, crate::facts::Kind::Person])
        .map(Side::Entry)
}

/// Split typed text into two sides: at `and`/`with`/`vs`/`,`, else two bare
/// words, else at the word boundary where both halves resolve.
fn split_sides(engine: &Engine, text: &str) -> Option<(String, String)> {
    static SEPARATOR: OnceLock<Regex> = OnceLock::new();
    let separator = SEPARATOR.get_or_init(|| {
        Regex::new(r"(?i)\s+(?:and|with|vs\.?|versus|against|to)\s+|\s*[,|;]\s*").expect("valid regex")
    });
    let text = text.trim();
    if let Some(found) = separator.find(text) {
        let (a, b) = (&text[..found.start()], &text[found.end()..]);
        if !a.trim().is_empty() && !b.trim().is_empty() {
            return Some((a.trim().to_string(), b.trim().to_string()));
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() == 2 {
        return Some((words[0].to_string(), words[1].to_string()));
    }
    (1..words.len()).find_map(|cut| {
        let (a, b) = (words[..cut].join(" "), words[cut..].join(" "));
        let found = |t: &str| year_of(t).is_some() || matches!(engine.resolve(t, None), Resolution::Found(_));
        (found(&a) && found(&b)).then_some((a, b))
    })
}
