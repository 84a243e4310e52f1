//! `compare <a> <b> [page]`: two years, or two entries side by side.
//!
//! - **Two years**: the period each year falls in (with the quotes that give
//!   its start and end), the quotes that speak of both years (the "bridge":
//!   a quote stating both, or one sentence that an entry of each year
//!   quotes), then every entry of both years, in pages like `/year`
//!   (`/compare 1956 1968 2`), each page with the next entries of both years. A year without entries says so and names the
//!   nearest years that have some.
//! - **Two entries** (any kinds, periods included; a year stands for its
//!   period): a [`Comparison`] of date, parties, people, place, period and
//!   what each did, every cell with the excerpt it came from, then how many
//!   years apart they are and any quote that speaks of both.
//! - **Two things one entry tells together** ("new serbia slavo-serbia"):
//!   that entry, in full, with a word that there is nothing to set apart.
//! - **A question** (`/compare how many … and …`): asked as free text, not
//!   split at its "and" into two things.

use std::sync::OnceLock;

use regex::Regex;

use super::{covering, dated_heading, entry_line, parse_page, parse_year, quotes_for};
use crate::ask::answer::{Answer, CompareCell, CompareRow, CompareSide, Comparison, Outcome, Page, Part};
use crate::ask::engine::{self, Engine};
use crate::ask::evidence::Focus;
use crate::ask::index::{year_of, Resolution};
use crate::ask::parse::Invocation;
use crate::facts::date::contains_word;
use crate::facts::{Entry, FactBase, Kind, Quote};
use crate::text::fold::fold_for_search;
use crate::text::lexicon::Asks;

/// The kinds a side of a comparison may be.
const SIDE_KINDS: &[Kind] = &[Kind::Event, Kind::Treaty, Kind::Person];

/// One side, as typed.
enum Side<'e> {
    Year(i32),
    Entry(&'e Entry),
}

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    // `/compare how many Russian and Serbian troops took part…`: a
    // question, not two things to set side by side; asked as typed.
    if invocation.get("a").is_none() && opens_with_a_question_word(&invocation.rest) {
        return engine.free_text(&invocation.rest, locale);
    }
    let (a, b, page) = match sides(engine, invocation) {
        Some(sides) => sides,
        None => {
            if let Some(entry) = one_entry_for_both(engine, &invocation.all_text()) {
                return both_in_one(engine, entry, locale);
            }
            return Answer::new("compare", Outcome::Error, "`compare` needs two things to compare.")
                .text("Give two years or two entries, e.g. `/compare 1956 1968` or `/compare tito-stalin-split and belgrade-declaration`.")
        }
    };
    let left = match side(engine, &a) {
        Ok(side) => side,
        Err(reply) => return *reply,
    };
    // "the first resolution and the second one": "one" is the left side's thing.
    let b = crate::ask::engine::ordinal_stand_in(&a, &b).unwrap_or(b);
    let right = match side(engine, &b) {
        Ok(side) => side,
        Err(reply) => return *reply,
    };
    match (left, right) {
        (Side::Year(a), Side::Year(b)) => years(engine, a, b, page, locale),
        (left, right) => {
            let left = match as_entry(engine, left) {
                Ok(entry) => entry,
                Err(reply) => return *reply,
            };
            let right = match as_entry(engine, right) {
                Ok(entry) => entry,
                Err(reply) => return *reply,
            };
            entries(engine, left, right, locale)
        }
    }
}

/// Words that open a question rather than name a thing, folded, in the
/// languages histbot reads ("how many", "koliko", "сколько").
const QUESTION_OPENERS: &[&str] = &[
    "how", "what", "when", "who", "whom", "whose", "which", "why", "where", "did", "do", "does", "was", "were", "is", "are",
    "koliko", "kada", "kad", "ko", "sta", "zasto", "gde", "gdje", "kako", "da", "skolko", "kogda", "kto", "chto", "pochemu", "kak",
];

/// Whether `text` opens with a question word ([`QUESTION_OPENERS`]).
fn opens_with_a_question_word(text: &str) -> bool {
    let folded = fold_for_search(text);
    let first = folded.split_whitespace().next().unwrap_or_default();
    QUESTION_OPENERS.contains(&crate::text::fold::serbian_latin(first).as_ref())
}

/// The two sides and the page: named arguments, or the typed rest of the
/// line (`1956 1968 2`, `tito-stalin-split and belgrade-declaration`).
fn sides(engine: &Engine, invocation: &Invocation) -> Option<(String, String, usize)> {
    if let (Some(a), Some(b)) = (invocation.get("a"), invocation.get("b")) {
        return Some((a.to_string(), b.to_string(), parse_page(invocation.get("page"))));
    }
    let text = invocation.all_text();
    let words: Vec<&str> = text.split_whitespace().collect();
    // `1956 1968 2`: two years and a page.
    if let [a, b, page] = words.as_slice() {
        if year_of(a).is_some() && year_of(b).is_some() && page.len() <= 3 && page.bytes().all(|c| c.is_ascii_digit()) {
            return Some((a.to_string(), b.to_string(), parse_page(Some(page))));
        }
    }
    split_sides(engine, &text).map(|(a, b)| (a, b, 1))
}

/// The one entry a typed line names that cannot be cut into two things
/// ("new serbia slavo-serbia": one settlement entry tells of both): the
/// entry the whole line finds, when every word of the line (two at least)
/// is in its names. A half the base does not name ("moscow declaration")
/// is not the entry a lenient match found for it.
fn one_entry_for_both<'e>(engine: &'e Engine, text: &str) -> Option<&'e Entry> {
    let index = engine.index();
    let keys = index.word_keys(text);
    // Words no entry's name holds rule it out before any look-up.
    if keys.len() < 2 || !keys.iter().all(|key| index.is_name_key(key)) {
        return None;
    }
    let Resolution::Found(entry) = engine.resolve(text, None) else { return None };
    keys.iter().all(|key| index.name_keys_iter(entry).any(|name| name == key)).then(|| engine.entry(entry)).flatten()
}

/// Both things compared are told by one entry: it, in full, and a word
/// that there is nothing to set side by side.
fn both_in_one(engine: &Engine, entry: &Entry, locale: &str) -> Answer {
    let mut answer = Answer::new("compare", Outcome::Facts, format!("Both are told by one entry: {}", entry.title))
        .text("The sources tell of them together, so there are not two entries to set side by side.");
    super::add_entry(engine, &mut answer, entry, None, entry.summary.clone(), &Focus::default(), locale);
    answer
}

fn side<'e>(engine: &'e Engine, text: &str) -> Result<Side<'e>, Box<Answer>> {
    let trimmed = text.trim();
    if year_of(trimmed).is_some() {
        return parse_year("compare", trimmed).map(Side::Year);
    }
    if let Some(entry) = engine.base().get(trimmed) {
        return Ok(Side::Entry(entry));
    }
    if let Some(period) = super::period::exactly_named(engine.base(), trimmed) {
        return Ok(Side::Entry(period));
    }
    super::resolve_entry(engine, "compare", trimmed, SIDE_KINDS).map(Side::Entry)
}

/// A year compared with an entry stands for its period.
fn as_entry<'e>(engine: &'e Engine, side: Side<'e>) -> Result<&'e Entry, Box<Answer>> {
    match side {
        Side::Entry(entry) => Ok(entry),
        Side::Year(year) => engine.base().period_of_year(year).ok_or_else(|| {
            Box::new(
                Answer::new("compare", Outcome::NotFound, format!("The sources name no period that {year} falls in."))
                    .text("A year compared with an entry stands for its period. Compare two years (`/compare 1956 1968`) or two entries instead."),
            )
        }),
    }
}

// ---------------------------------------------------------------------------
// Two years.

/// How many entries of each year one page shows: every page has both years side by side.
const PER_YEAR: usize = 3;

fn years(engine: &Engine, a: i32, b: i32, page: usize, locale: &str) -> Answer {
    let base = engine.base();
    let lists = [(a, super::year::entries_in_year(engine, a)), (b, super::year::entries_in_year(engine, b))];
    let mut answer = Answer::new("compare", Outcome::Facts, format!("{a} compared with {b}"));
    let count = lists.iter().map(|(_, list)| list.len().div_ceil(PER_YEAR)).max().unwrap_or(0).max(1);
    let page = page.min(count);
    if page == 1 {
        add_periods(engine, &mut answer, a, b, locale);
        add_bridge(engine, &mut answer, &lists);
        for (year, list) in &lists {
            if list.is_empty() {
                add_empty_year(base, &mut answer, *year);
            }
        }
    }
    for (year, list) in &lists {
        for entry in list.iter().skip((page - 1) * PER_YEAR).take(PER_YEAR) {
            let heading = format!("{year} · {}", dated_heading(entry));
            super::add_entry(engine, &mut answer, entry, Some(heading), entry_line(entry), &Focus::year(*year), locale);
        }
    }
    if count > 1 {
        answer.page = Some(Page { number: page, count });
        answer.page_command = Some(format!("/compare {a} {b}"));
    }
    // The years' entries are what the answer is about; their periods frame them.
    answer.facts.sort_by_key(|fact| fact.kind == Kind::Period);
    if answer.facts.is_empty() {
        answer.outcome = Outcome::NotFound;
    }
    answer
}

/// The period of each year, with the quotes that give its start and end.
fn add_periods(engine: &Engine, answer: &mut Answer, a: i32, b: i32, locale: &str) {
    let base = engine.base();
    let (first, second) = (base.period_of_year(a), base.period_of_year(b));
    for (year, period) in [(a, first), (b, second)] {
        match period {
            Some(period) if year == b && first.is_some_and(|p| p.id == period.id) => {
                answer.parts.push(Part { heading: None, text: format!("{b} falls in the same period as {a}."), excerpts: Vec::new() });
            }
            Some(period) => {
                let heading = format!("{year}: {}", engine::label(period));
                super::period::add_period_part(engine, answer, period, heading, locale);
            }
            None => answer.parts.push(Part {
                heading: Some(year.to_string()),
                text: "The sources name no period that this year falls in.".into(),
                excerpts: Vec::new(),
            }),
        }
    }
}

/// The quotes that speak of both years: one that states both, or one
/// sentence that an entry of each year quotes.
fn add_bridge<'e>(engine: &'e Engine, answer: &mut Answer, lists: &[(i32, Vec<&'e Entry>); 2]) {
    let base = engine.base();
    let [(a, left), (b, right)] = lists;
    let mut bridges: Vec<(&'e Quote, Vec<&'e Entry>)> = Vec::new();
    let all: Vec<&'e Entry> = left.iter().chain(right.iter()).copied().collect();
    let same_sentence = |one: &Quote, other: &Quote| same_sentence(base, one, other);
    for entry in &all {
        for quote in &entry.quotes {
            let states_both = contains_word(&quote.text, &a.to_string()) && contains_word(&quote.text, &b.to_string());
            let shared_with: Vec<&Entry> = if left.iter().any(|e| e.id == entry.id) { right.clone() } else { left.clone() }
                .into_iter()
                .filter(|other| other.id != entry.id && other.quotes.iter().any(|q| same_sentence(q, quote)))
                .collect();
            if (states_both || !shared_with.is_empty()) && !bridges.iter().any(|(q, _)| same_sentence(q, quote)) {
                let mut owners = vec![*entry];
                owners.extend(shared_with);
                bridges.push((quote, owners));
            }
        }
    }
    if bridges.is_empty() {
        answer.parts.push(Part { heading: Some(format!("{a} and {b}")), text: "No quote of the sources speaks of both years.".into(), excerpts: Vec::new() });
        return;
    }
    let excerpts: Vec<usize> = bridges.iter().filter_map(|(quote, _)| answer.add_excerpt(base, quote)).collect();
    answer.parts.push(Part { heading: Some(format!("What links {a} and {b}")), text: String::new(), excerpts });
    for (_, owners) in &bridges {
        for owner in owners {
            answer.assert_entry(owner);
        }
    }
}

/// Whether two quotes are (parts of) the same sentence: they overlap in one source text.
fn same_sentence(base: &FactBase, one: &Quote, other: &Quote) -> bool {
    let same_text = base.source(one.source).zip(base.source(other.source)).is_some_and(|(x, y)| x.lang == y.lang && one.folded == other.folded);
    same_text || (one.source == other.source && one.range.start < other.range.end && other.range.start < one.range.end)
}

/// "Nothing is dated 1957", with the nearest years that have entries.
fn add_empty_year(base: &FactBase, answer: &mut Answer, year: i32) {
    let first_year = |e: &Entry| e.date.as_ref().map(|d| d.first_year());
    let before = base.starting_between(i32::MIN, year - 1).last().and_then(first_year);
    let after = base.starting_between(year + 1, i32::MAX).next().and_then(first_year);
    let nearest: Vec<String> = before.into_iter().chain(after).map(|y| y.to_string()).collect();
    let text = match nearest.as_slice() {
        [] => "Nothing in the fact base is dated in this year.".to_string(),
        years => format!("Nothing in the fact base is dated in this year. The nearest years with entries: {}.", years.join(" and ")),
    };
    answer.parts.push(Part { heading: Some(year.to_string()), text, excerpts: Vec::new() });
    answer.suggestions.extend(before.into_iter().chain(after).map(|y| format!("/year {y}")));
}

// ---------------------------------------------------------------------------
// Two entries.

fn entries(engine: &Engine, left: &Entry, right: &Entry, locale: &str) -> Answer {
    let base = engine.base();
    let mut answer = Answer::new("compare", Outcome::Facts, format!("{} compared with {}", left.title, right.title));
    let mut rows = Vec::new();
    for property in PROPERTIES {
        let cells = [left, right].map(|entry| property.cell(engine, entry, locale));
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let [l, r] = cells.map(|cell| {
            let (text, quotes) = cell.unwrap_or_default();
            CompareCell { text, excerpts: quotes.iter().filter_map(|q| answer.add_excerpt(base, q)).collect() }
        });
        rows.push(CompareRow { label: property.label(left, right), left: l, right: r });
    }
    answer.assert_entry(left);
    answer.assert_entry(right);
    answer.compare = Some(Comparison { left: side_of(left), right: side_of(right), rows });
    if let Some(gap) = years_apart(left, right) {
        answer.parts.push(Part { heading: None, text: gap, excerpts: Vec::new() });
    }
    let shared = quotes_naming_both(base, left, right);
    if !shared.is_empty() {
        let excerpts = shared.iter().filter_map(|q| answer.add_excerpt(base, q)).collect();
        answer.parts.push(Part { heading: Some("A quote that speaks of both".into()), text: String::new(), excerpts });
    }
    answer.suggestions = [left, right].iter().map(|e| engine::suggestion(e)).collect();
    answer
}

fn side_of(entry: &Entry) -> CompareSide {
    CompareSide { id: entry.id.clone(), kind: entry.kind, title: entry.title.clone() }
}

/// The rows of a side-by-side comparison, in order.
#[derive(Clone, Copy)]
enum Property {
    Date,
    Parties,
    People,
    Place,
    Period,
    What,
}

const PROPERTIES: [Property; 6] = [Property::Date, Property::Parties, Property::People, Property::Place, Property::Period, Property::What];

type Cell<'e> = Option<(String, Vec<&'e Quote>)>;

impl Property {
    fn label(self, left: &Entry, right: &Entry) -> String {
        let treaties = left.kind == Kind::Treaty || right.kind == Kind::Treaty;
        let people = left.kind == Kind::Person || right.kind == Kind::Person;
        match self {
            Property::Date if people => "Dates".into(),
            Property::Date => "Date".into(),
            Property::Parties => "Parties".into(),
            Property::People if people => "People and roles".into(),
            Property::People if treaties => "Signatories or people".into(),
            Property::People => "People".into(),
            Property::Place => "Place".into(),
            Property::Period => "Period".into(),
            Property::What if people => "Who or what".into(),
            Property::What => "What it did".into(),
        }
    }

    /// This property of `entry`, with the quotes of the entry that state it.
    fn cell<'e>(self, engine: &'e Engine, entry: &'e Entry, locale: &str) -> Cell<'e> {
        let base = engine.base();
        if entry.kind == Kind::Period {
            // Periods are not in the index: their quotes are chosen by what they state.
            return match self {
                Property::Date => Some((entry.date_text()?, super::period::boundary_quotes(base, entry, locale))),
                Property::What => Some((entry.summary.trim().to_string(), entry.quotes.iter().take(1).collect())),
                _ => None,
            };
        }
        match self {
            Property::Date => {
                let text = entry.date_text().or_else(|| entry.life_text())?;
                let quotes = quotes_for(engine, entry, &Focus::asserting(if entry.kind == Kind::Person { Asks::Born } else { Asks::When }), locale);
                let stating: Vec<&Quote> = match &entry.date {
                    Some(date) => quotes.into_iter().filter(|q| date.year_stated_by(&q.text)).take(2).collect(),
                    None => quotes.into_iter().take(1).collect(),
                };
                Some((text, stating))
            }
            Property::Parties => (!entry.parties.is_empty()).then(|| {
                let text = entry.parties.join(", ");
                (text.clone(), best_quotes(entry, &entry.parties))
            }),
            Property::People => {
                let names: Vec<String> = match entry.kind {
                    Kind::Person => entry.roles.clone(),
                    _ => entry.people.iter().filter_map(|id| base.get(id)).map(|p| p.title.clone()).collect(),
                };
                if names.is_empty() {
                    return None;
                }
                let surnames: Vec<String> = names.iter().map(|n| n.split_whitespace().last().unwrap_or(n).to_string()).collect();
                Some((names.join(", "), best_quotes(entry, &surnames)))
            }
            Property::Place => entry.place.as_ref().map(|place| (place.clone(), best_quotes(entry, std::slice::from_ref(place)))),
            Property::Period => {
                if entry.kind == Kind::Period {
                    return None;
                }
                let period = base.period_of(entry)?;
                Some((engine::label(period), super::period::boundary_quotes(base, period, locale)))
            }
            Property::What => {
                let quotes = quotes_for(engine, entry, &Focus::asserting(Asks::What), locale);
                let shown = quotes.into_iter().take(1).collect();
                Some((entry.summary.trim().to_string(), covering(engine, entry, &entry.summary, shown)))
            }
        }
    }
}

/// The quotes of `entry` that name the most of `names` (at least one each).
fn best_quotes<'e>(entry: &'e Entry, names: &[String]) -> Vec<&'e Quote> {
    let words: Vec<String> =
        names.iter().flat_map(|n| fold_for_search(n).split_whitespace().map(str::to_string).collect::<Vec<_>>()).filter(|w| w.chars().count() >= 4).collect();
    let score = |q: &Quote| words.iter().filter(|w| q.folded.contains(w.as_str())).count();
    let best = entry.quotes.iter().map(score).max().unwrap_or(0);
    if best == 0 {
        return entry.quotes.iter().take(1).collect();
    }
    entry.quotes.iter().filter(|q| score(q) == best).take(1).collect()
}

/// "The Treaty of Friendship and Non-Aggression came 4 years before the Treaty of Friendship and Cooperation."
fn years_apart(left: &Entry, right: &Entry) -> Option<String> {
    let start = |e: &Entry| e.date.as_ref().map(|d| d.first_year()).or_else(|| e.born.as_ref().map(|d| d.first_year()));
    let (a, b) = (start(left)?, start(right)?);
    let years = |n: i32| if n == 1 { "1 year".to_string() } else { format!("{n} years") };
    Some(match a.cmp(&b) {
        std::cmp::Ordering::Less => format!("{} came {} before {}.", left.title, years(b - a), right.title),
        std::cmp::Ordering::Greater => format!("{} came {} before {}.", right.title, years(a - b), left.title),
        std::cmp::Ordering::Equal => format!("Both date from {a}."),
    })
}

/// Quotes that speak of both entries: a sentence both quote, or a quote of
/// one that names the other (by title, alias or, for a person, surname).
fn quotes_naming_both<'e>(base: &FactBase, left: &'e Entry, right: &'e Entry) -> Vec<&'e Quote> {
    let mut found: Vec<&Quote> = Vec::new();
    for quote in &left.quotes {
        if right.quotes.iter().any(|q| same_sentence(base, q, quote)) || names(quote, right) {
            found.push(quote);
        }
    }
    for quote in &right.quotes {
        if names(quote, left) && !found.iter().any(|q| same_sentence(base, q, quote)) {
            found.push(quote);
        }
    }
    found.retain(|q| base.source(q.source).is_some_and(|s| s.lang == "en"));
    found.truncate(3);
    found
}

/// Whether `quote` names `entry`.
fn names(quote: &Quote, entry: &Entry) -> bool {
    let text = &quote.folded;
    let mut names: Vec<String> =
        std::iter::once(&entry.title).chain(&entry.aliases).map(|n| fold_for_search(&crate::ask::index::without_parentheses(n))).collect();
    if entry.kind == Kind::Person {
        names.extend(entry.title.split_whitespace().last().map(fold_for_search));
    }
    names.iter().any(|name| name.chars().count() >= 4 && contains_phrase(text, name))
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

// ---------------------------------------------------------------------------
// Typed text.

/// Split typed text into two sides: at `and`/`with`/`vs`/`,`, else two bare
/// words, else at the word boundary where both halves resolve.
fn split_sides(engine: &Engine, text: &str) -> Option<(String, String)> {
    static SEPARATOR: OnceLock<Regex> = OnceLock::new();
    let separator = SEPARATOR.get_or_init(|| Regex::new(r"(?i)\s+(?:and|with|vs\.?|versus|against|to|i|и|و)\s+|\s*[,|;]\s*").expect("valid regex"));
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
    // The most even cut where each half names a year or an entry of its
    // own: "belgrade declaration moscow declaration" is not the Belgrade
    // Declaration twice, and "1941 treaty 1945 treaty" is two treaties,
    // not the year 1941 and a treaty.
    let side = |t: &str| -> Option<String> {
        if let Some(year) = year_of(t) {
            return Some(year.to_string());
        }
        if let Some(entry) = engine.base().get(t) {
            return Some(entry.id.clone());
        }
        match engine.resolve(t, None) {
            Resolution::Found(entry) => engine.entry(entry).map(|e| e.id.clone()),
            _ => None,
        }
    };
    even_cuts(&words).into_iter().find(|(a, b)| side(a).zip(side(b)).is_some_and(|(a, b)| a != b))
}

/// Every cut of `words` into two halves, the most even first: (left, right).
fn even_cuts(words: &[&str]) -> Vec<(String, String)> {
    let mut cuts: Vec<usize> = (1..words.len()).collect();
    cuts.sort_by_key(|&cut| (cut.abs_diff(words.len() - cut), cut));
    cuts.into_iter().map(|cut| (words[..cut].join(" "), words[cut..].join(" "))).collect()
}
