//! `treaty <treaty>`: parties and signatories, date, place, what it did, the excerpt.

use super::{resolve_entry, subject};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;
use crate::facts::Kind;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "treaty");
    let treaty = match resolve_entry(engine, "treaty", text, &[Kind::Treaty]) {
        Ok(entry) => entry,
        Err(reply) => return *reply,
    };
    if treaty.kind != Kind::Treaty {
        return engine.answer_entry(engine.base().index_of(&treaty.id).unwrap_or(0), locale);
    }
    let date = treaty.date_text().unwrap_or_else(|| "undated".into());
    let mut answer = Answer::new("treaty", Outcome::Facts, crate::ask::engine::headline(treaty));
    let mut lines = Vec::new();
    if !treaty.parties.is_empty() {
        lines.push(format!("Parties: {}", treaty.parties.join(", ")));
    }
    let signatories: Vec<String> = treaty.people.iter().filter_map(|id| engine.base().get(id)).map(|p| p.title.clone()).collect();
    if !signatories.is_empty() {
        lines.push(format!("Signed or concluded by: {}", signatories.join(", ")));
    }
    lines.push(format!("Date: {date}"));
    if let Some(place) = &treaty.place {
        lines.push(format!("Place: {place}"));
    }
    lines.push(format!("What it did: {}", treaty.summary));
    answer.add_entry(engine.base(), treaty, None, lines.join("\n"), locale);
    answer.suggestions = super::related_suggestions(engine, treaty);
    answer
}
