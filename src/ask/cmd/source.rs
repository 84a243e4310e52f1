//! `source <entry>`: the whole passage around each quote, with its section and link.

use super::{resolve_entry, subject};
use crate::ask::answer::{Answer, Excerpt, Outcome, Part};
use crate::ask::engine::Engine;
use crate::ask::parse::Invocation;

pub fn run(engine: &Engine, invocation: &Invocation, _locale: &str) -> Answer {
    let text = subject(invocation, "entry");
    let entry = match resolve_entry(engine, "source", text, &[crate::facts::Kind::Event, crate::facts::Kind::Treaty, crate::facts::Kind::Person]) {
        Ok(entry) => entry,
        Err(reply) => return *reply,
    };
    let mut answer = Answer::new("source", Outcome::Facts, format!("Sources for {}", entry.title));
    for quote in &entry.quotes {
        let Some(source) = engine.base().source(quote.source) else { continue };
        let passage = source.passage_around(&quote.range);
        answer.excerpts.push(Excerpt {
            source: source.id.clone(),
            title: source.title.clone(),
            section: quote.section.clone(),
            quote: passage.split_whitespace().collect::<Vec<_>>().join(" "),
            url: source.url.clone(),
            lang: source.lang.clone(),
            license: source.license.clone(),
        });
        let index = answer.excerpts.len() - 1;
        answer.parts.push(Part {
            heading: Some(format!("{} — section “{}”", source.title, quote.section)),
            text: format!("The quote: “{}”", quote.text.trim()),
            excerpts: vec![index],
        });
    }
    answer.assert_entry(entry);
    answer
}
