//! `timeline <from> <to> [page]`: a chronological list over a range, in pages.

use super::{add_page, parse_page, parse_year};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;
use crate::facts::Entry;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let typed: Vec<String> = invocation
        .rest
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty() && !["to", "and", "until", "from"].contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect();
    let mut typed = typed.into_iter();
    let from_text = invocation.get("from").map(str::to_string).or_else(|| typed.next());
    let to_text = invocation.get("to").map(str::to_string).or_else(|| typed.next());
    let (Some(from_text), Some(to_text)) = (from_text, to_text) else {
        return super::missing_argument("timeline");
    };
    let page = parse_page(invocation.get("page").map(str::to_string).or_else(|| typed.next()).as_deref());
    let (mut from, mut to) = match (parse_year("timeline", &from_text), parse_year("timeline", &to_text)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(reply), _) | (_, Err(reply)) => return *reply,
    };
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    let entries: Vec<&Entry> = engine.base().starting_between(from, to).collect();
    if entries.is_empty() {
        return Answer::new("timeline", Outcome::NotFound, format!("I don't know of anything dated {from}–{to}."))
            .text("No entry of the fact base starts in that range. Try a wider range, e.g. `/timeline 1941 1955`.");
    }
    let mut answer = Answer::new("timeline", Outcome::Facts, format!("Timeline {from}–{to}: {} entries", entries.len()));
    add_page(engine, &mut answer, &entries, page, locale, format!("/timeline {from} {to}"), None);
    answer
}
