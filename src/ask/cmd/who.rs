//! `who <person>`: who they were in these relations, and their dated
//! involvement, each with its excerpt.

use super::{dated_heading, entry_line, resolve_entry, subject};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;
use crate::facts::Kind;

/// How many involvements to list before pointing at the rest.
const MAX_INVOLVEMENTS: usize = 6;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "person");
    let person = match resolve_entry(engine, "who", text, &[Kind::Person]) {
        Ok(entry) => entry,
        Err(reply) => return *reply,
    };
    if person.kind != Kind::Person {
        return engine.answer_entry(engine.base().index_of(&person.id).unwrap_or(0), locale);
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
    answer.add_entry(engine.base(), person, None, about.join(". ").replace("..", "."), locale);
    let involved: Vec<_> = person.involved_in.iter().filter_map(|id| engine.base().get(id)).collect();
    for entry in involved.iter().take(MAX_INVOLVEMENTS) {
        answer.add_entry(engine.base(), entry, Some(dated_heading(entry)), entry_line(entry), locale);
    }
    if involved.len() > MAX_INVOLVEMENTS {
        let more: Vec<String> = involved[MAX_INVOLVEMENTS..].iter().map(|e| crate::ask::engine::suggestion(e)).collect();
        answer = answer.text(format!("…and {} more involvements listed below.", more.len()));
        answer.suggestions = more;
    }
    answer
}
