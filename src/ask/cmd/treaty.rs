//! `treaty <treaty>`: parties and signatories, date, place, what it did, the excerpt.

use super::{add_entry, resolve_subject, subject, subject_focus};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::evidence::Focus;
use crate::ask::parse::Invocation;
use crate::facts::{Entry, Kind};
use crate::text::lexicon::Asks;

pub fn run(engine: &Engine, invocation: &Invocation, locale: &str) -> Answer {
    let text = subject(invocation, "treaty");
    let (treaty, question) = match resolve_subject(engine, "treaty", text, &[Kind::Treaty]) {
        Ok(found) => found,
        Err(reply) => return *reply,
    };
    // `/treaty tito stalin 1948`: the best entry is the split, an event, and
    // no treaty. Named as it stands (`/treaty tito-stalin-split`), it is shown.
    if treaty.kind != Kind::Treaty && !super::period::names_of(treaty).contains(&crate::text::fold::fold_for_search(text)) {
        let shown = crate::text::echo::echo(text);
        return Answer::new("treaty", Outcome::NotFound, format!("I know of no treaty that matches “{shown}”."))
            .text("The closest entry is not a treaty; ask about it with the command it suggests.")
            .suggest(vec![crate::ask::engine::suggestion(treaty)]);
    }
    answer(engine, treaty, &subject_focus(&question, Asks::What), locale)
}

/// The answer about a treaty: parties, signatories, date, place, what it
/// did, and the excerpt that states what `focus` asks (the date by default,
/// the signatories for "who signed").
pub fn answer(engine: &Engine, treaty: &Entry, focus: &Focus, locale: &str) -> Answer {
    if treaty.kind != Kind::Treaty {
        return engine.answer_entry_with(treaty, focus, locale);
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
    add_entry(engine, &mut answer, treaty, None, lines.join("\n"), focus, locale);
    answer.suggestions = super::related_suggestions(engine, treaty);
    answer
}
