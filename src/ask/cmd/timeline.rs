//! `timeline <from> [to] [page]`: a chronological list over a range of
//! years (or one year), in pages; `timeline <topic> [page]`: the dated entries about one topic (an
//! event, a person, a theme), oldest first.

use super::{add_page, parse_page, parse_year};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;
use crate::facts::Entry;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    if let Some((topic, page)) = topic_of(invocation) {
        return on_topic(engine, &topic, page, locale);
    }
    let typed: Vec<String> = invocation
        .rest
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty() && !["to", "and", "until", "from"].contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect();
    let mut typed = typed.into_iter();
    let from_text = invocation.get("from").map(str::to_string).or_else(|| typed.next());
    let Some(from_text) = from_text else {
        return super::missing_argument("timeline");
    };
    // One year alone is a timeline of that year.
    let to_text = invocation.get("to").map(str::to_string).or_else(|| typed.next()).unwrap_or_else(|| from_text.clone());
    let page = parse_page(invocation.get("page").map(str::to_string).or_else(|| typed.next()).as_deref());
    let (mut from, mut to) = match (parse_year("timeline", &from_text), parse_year("timeline", &to_text)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(reply), _) | (_, Err(reply)) => return *reply,
    };
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    let entries: Vec<&Entry> = engine.base().starting_between(from, to).collect();
    let range = if from == to { from.to_string() } else { format!("{from}–{to}") };
    if entries.is_empty() {
        return Answer::new("timeline", Outcome::NotFound, format!("I don't know of anything dated {range}."))
            .text("No entry of the fact base starts in that range. Try a wider range, e.g. `/timeline 1941 1955`.");
    }
    listed(engine, &format!("Timeline {range}"), &entries, page, locale, format!("/timeline {from} {to}"))
}

/// Words between two years that are not a topic: `1941 to 1948`.
const RANGE_WORDS: &[&str] = &["to", "and", "until", "from", "till", "-", "–"];

/// Words before a topic that are not part of it.
const TOPIC_LEADS: &[&str] = &["of", "for", "on", "about", "the"];

/// The topic and page of `timeline <topic> [page]`: the first argument (or
/// the typed line) holds a word that is neither a number nor a range word.
/// A last number below the first year a timeline takes is the page.
fn topic_of(invocation: &Invocation) -> Option<(String, usize)> {
    let typed = invocation.get("from").unwrap_or(invocation.rest.as_str()).trim();
    // "timeline of the split": the topic without its lead words.
    let mut words: Vec<&str> = typed.split_whitespace().skip_while(|w| TOPIC_LEADS.contains(&w.to_lowercase().as_str())).collect();
    let is_topic_word = |w: &&str| w.trim_end_matches('s').parse::<i64>().is_err() && !RANGE_WORDS.contains(&w.to_lowercase().as_str());
    if !words.iter().any(is_topic_word) {
        return None;
    }
    let mut page = invocation.get("page").map(str::to_string);
    if let Some(last) = words.last().filter(|w| w.parse::<i64>().is_ok_and(|n| n < crate::ask::commands::YEAR_MIN)) {
        page = Some(last.to_string());
        words.pop();
    }
    Some((words.join(" "), parse_page(page.as_deref())))
}

/// The dated entries about `topic`, oldest first, each with the excerpt
/// that states its date; "did you mean" or "I don't know" as for a question.
fn on_topic(engine: &Engine, topic: &str, page: usize, locale: &str) -> Answer {
    let question = engine.question(topic);
    let entries = match crate::ask::decide::topic_entries(engine, &question) {
        Ok(entries) => entries,
        Err(decision) => return engine.decline("timeline", &question, &decision),
    };
    let entries: Vec<&Entry> = entries.into_iter().filter_map(|e| engine.entry(e)).collect();
    let shown = crate::text::echo::echo(topic);
    if entries.is_empty() {
        return Answer::new("timeline", Outcome::NotFound, format!("I know of nothing dated about “{shown}”."))
            .text("Its entries have no date. Try `/who` or `/when` with it, or a range of years, e.g. `/timeline 1941 1955`.");
    }
    listed(engine, &format!("Timeline of “{shown}”"), &entries, page, locale, format!("/timeline {topic}"))
}

/// A page of a timeline's `entries` under `title` ("Timeline 1941–1948: 25
/// entries"), each with the quotes that state its date.
fn listed(engine: &Engine, title: &str, entries: &[&Entry], page: usize, locale: &str, page_command: String) -> Answer {
    let count = if entries.len() == 1 { "1 entry".to_string() } else { format!("{} entries", entries.len()) };
    let mut answer = Answer::new("timeline", Outcome::Facts, format!("{title}: {count}"));
    add_page(engine, &mut answer, entries, page, locale, page_command, None);
    answer
}
