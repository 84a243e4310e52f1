//! `when <event or treaty>`: the date, what happened, and the excerpt that
//! states the date.

use super::{add_entry, resolve_subject, subject, subject_focus};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::engine::Engine;
use crate::ask::evidence::Focus;
use crate::ask::parse::Invocation;
use crate::ask::question::Question;
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
    if !dated_where_told(engine, entry, &question) {
        return told_without_a_date(entry, text);
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

/// Whether the entry's date is the date of what `/when` was given: the
/// argument names the entry (its names, aliases or people hold every
/// weighty word of it), or one of the sentences that tell it (hold most of
/// the other words) states the date's year. "The Pig War" is told in the
/// entry of Serbia's turn towards Russia after 1903, in a sentence with
/// no date: 1903 is the turn's date, not the war's.
fn dated_where_told(engine: &Engine, entry: &Entry, question: &Question) -> bool {
    let index = engine.index();
    let query = &question.query;
    let (Some(doc), Some(date)) = (engine.base().index_of(&entry.id), entry.date.as_ref()) else { return true };
    // Not the words of a time clause ("*during the First Uprising*"), which date what is asked.
    let weighty = |word: usize| index.knows(query, word) && !query.light.get(word).copied().unwrap_or(false) && !query.context.contains(&query.keys[word]);
    let told: Vec<usize> = (0..query.keys.len()).filter(|&word| weighty(word) && !index.in_names_or_people(doc, query, word)).collect();
    if told.is_empty() {
        return true;
    }
    // The sentences that tell most of it; none, and the words may be paraphrased anywhere.
    let held: Vec<usize> = index.quote_keys(doc).iter().map(|keys| told.iter().filter(|&&word| index.word_in(query, word, keys)).count()).collect();
    let most = held.iter().copied().max().unwrap_or(0);
    most == 0 || entry.quotes.iter().zip(&held).any(|(quote, &count)| count == most && date.year_stated_by(&quote.text))
}

/// `/when` of something an entry tells without a date of its own: the
/// reply says so and asserts nothing; `/source` shows the sentence.
fn told_without_a_date(entry: &Entry, asked: &str) -> Answer {
    let mut reply = crate::ask::engine::not_stated_about("when", entry, format!("The sources don't give a date for “{}”: they tell it in {}, without a date of its own.", asked.trim(), entry.title));
    reply.suggestions = vec![format!("{}: /source {}", entry.title, entry.id)];
    reply
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
