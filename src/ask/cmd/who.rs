//! `who <person>`: who they were in these relations, and their dated
//! involvement, each with its excerpt.

use super::{add_dated_entry, add_entry, dated_heading, entry_line, resolve_subject, subject, subject_focus};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::evidence::Focus;
use crate::ask::parse::Invocation;
use crate::facts::{Entry, Kind};
use crate::text::lexicon::Asks;

/// How many involvements to list before pointing at the rest.
const MAX_INVOLVEMENTS: usize = 6;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "person");
    let (person, question) = match resolve_subject(engine, "who", text, &[Kind::Person]) {
        Ok(found) => found,
        Err(reply) => return *reply,
    };
    answer(engine, person, &subject_focus(&question, Asks::Who), locale)
}

/// The answer about a person: roles, life dates, summary, involvements.
pub fn answer(engine: &Engine, person: &Entry, focus: &Focus, locale: &str) -> Answer {
    if person.kind != Kind::Person {
        return engine.answer_entry_with(person, focus, locale);
    }
    if let Some(asks @ (Asks::Born | Asks::Died)) = focus.asks {
        return life_event(engine, person, asks, locale);
    }
    let mut answer = Answer::new("who", Outcome::Facts, person.title.clone());
    let mut about = Vec::new();
    if !person.roles.is_empty() {
        about.push(person.roles.join("; "));
    }
    if let Some(life) = person.life_text() {
        about.push(life);
    }
    about.push(person.summary.clone());
    // The profile's sentence says who they were, or, asked why or how they
    // did something, the sentence that gives the reason or the manner.
    let own_asks = match focus.asks {
        Some(asks @ (Asks::Why | Asks::How)) => asks,
        _ => Asks::Who,
    };
    let own = Focus { asks: Some(own_asks), ..focus.clone() };
    add_entry(engine, &mut answer, person, None, about.join(". ").replace("..", "."), &own, locale);
    let involved: Vec<_> = person.involved_in.iter().filter_map(|id| engine.base().get(id)).collect();
    for entry in involved.iter().take(MAX_INVOLVEMENTS) {
        add_dated_entry(engine, &mut answer, entry, dated_heading(entry), entry_line(entry), locale);
    }
    if involved.len() > MAX_INVOLVEMENTS {
        let more: Vec<String> = involved[MAX_INVOLVEMENTS..].iter().map(|e| crate::ask::engine::suggestion(e)).collect();
        answer = answer.text(format!("…and {} more involvements listed below.", more.len()));
        answer.suggestions = more;
    }
    answer
}

/// "When was X born / did X die": the date and the quote that states it.
fn life_event(engine: &Engine, person: &Entry, asks: Asks, locale: &str) -> Answer {
    let (verb, date) = match asks {
        Asks::Born => ("born", person.born.as_ref()),
        _ => ("died", person.died.as_ref()),
    };
    let Some(date) = date else {
        return engine.not_stated(person, asks);
    };
    let mut answer = Answer::new("who", Outcome::Facts, format!("{} {verb} {date}", person.title));
    add_entry(engine, &mut answer, person, None, format!("{} {verb} {date}.", person.title), &Focus::asserting(asks), locale);
    answer.suggestions = vec![crate::ask::engine::suggestion(person)];
    answer
}
