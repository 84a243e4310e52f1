//! `when <event or treaty>`: the date, what happened, the excerpt.

use super::{resolve_entry, subject};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;
use crate::facts::Kind;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "event");
    let entry = match resolve_entry(engine, "when", text, &[Kind::Event, Kind::Treaty]) {
        Ok(entry) => entry,
        Err(reply) => return *reply,
    };
    if entry.kind == Kind::Person {
        return super::who::run(engine, &Invocation::new("who").arg("person", entry.id.clone()), locale);
    }
    let mut answer = Answer::new("when", Outcome::Facts, crate::ask::engine::headline(entry));
    answer.add_entry(engine.base(), entry, None, entry.summary.clone(), locale);
    answer.suggestions = super::related_suggestions(engine, entry);
    answer
}
