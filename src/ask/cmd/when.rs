//! `when <event or treaty>`: the date, what happened, and the excerpt that
//! states the date.

use super::{add_entry, resolve_subject, subject, subject_focus};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::evidence::Focus;
use crate::ask::parse::Invocation;
use crate::facts::{Entry, Kind};
use crate::text::lexicon::Asks;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "event");
    let (entry, question) = match resolve_subject(engine, "when", text, &[Kind::Event, Kind::Treaty]) {
        Ok(found) => found,
        Err(reply) => return *reply,
    };
    if entry.date.as_ref().is_some_and(|date| date.bounds_only) {
        return undated(entry);
    }
    let mut reply = answer(engine, entry, &subject_focus(&question, Asks::When), locale);
    if let Some(period) = engine.base().period_of(entry) {
        super::period::mention(engine, &mut reply, period, &entry.title, locale);
    }
    reply
}

/// `/when` of an entry the sources place only between what came before and
/// after it ("between 1813 and 1856"): they give it no time of its own, so
/// the reply says so and asserts nothing, as "when was …" typed in full
/// does; `/source` shows what they do say.
fn undated(entry: &Entry) -> Answer {
    let range = entry.date.as_ref().map(ToString::to_string).unwrap_or_default();
    crate::ask::engine::not_stated_about("when", entry, format!("The sources don't give a date for {}: they place it only {range}.", entry.title))
}

/// The answer about a dated entry; its excerpt states the date (and,
/// before it, the sentence that speaks of what was asked when that is another).
pub fn answer(engine: &Engine, entry: &Entry, focus: &Focus, locale: &str) -> Answer {
    if entry.kind == Kind::Person {
        return super::who::answer(engine, entry, focus, locale);
    }
    let mut answer = Answer::new("when", Outcome::Facts, crate::ask::engine::headline(entry));
    add_entry(engine, &mut answer, entry, None, entry.summary.clone(), focus, locale);
    answer.suggestions = super::related_suggestions(engine, entry);
    answer
}
