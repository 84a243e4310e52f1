//! Words the fact base never uses: a question's word that stands for one
//! the sources use (WordNet's synonyms, `config/english-paraphrases.txt`)
//! finds it, and a number answers "how many" only when it counts what is
//! asked. The questions are written for this test, not taken from a set.

mod support;

use std::sync::Arc;

use histbot::ask::answer::Outcome;
use histbot::ask::{Answer, Engine, Intents};
use histbot::facts::FactBase;

fn engine() -> Engine {
    Engine::new(Arc::new(FactBase::load(support::shipped_facts()).expect("shipped facts")), Intents::builtin())
}

fn ids(answer: &Answer) -> Vec<&str> {
    answer.facts.iter().map(|fact| fact.id.as_str()).collect()
}

#[test]
fn a_synonym_the_sources_never_use_finds_the_word_they_do() {
    let engine = engine();
    // The sources say "Serbia was defeated in the war with Bulgaria in 1885".
    for question in ["who vanquished serbia in 1885", "which country beat serbia in 1885"] {
        let answer = engine.ask(question, "en");
        assert_eq!(answer.outcome, Outcome::Facts, "{question}: {}", answer.headline);
        assert_eq!(ids(&answer), ["serbo-bulgarian-war-1885"], "{question}");
    }
}

#[test]
fn a_word_no_synonym_explains_still_stops_an_answer() {
    let engine = engine();
    // "trounced" stands for nothing the sources say: no guess.
    let answer = engine.ask("who trounced serbia in 1885", "en");
    assert_eq!(answer.outcome, Outcome::NotFound, "{}", answer.headline);
}

#[test]
fn a_number_answers_how_many_only_when_it_counts_what_is_asked() {
    let engine = engine();
    // "$200,000 in cash meant for the Serbian military officers": the number counts cash.
    let answer = engine.ask("how many serbian officers did zubov refuse to pay", "en");
    assert_ne!(answer.outcome, Outcome::Facts, "{}", answer.headline);
    // "The Russian All-Military Union membership … totaled 25,000 in 1934."
    let answer = engine.ask("how many members did the all-military union have", "en");
    assert_eq!(answer.outcome, Outcome::Facts, "{}", answer.headline);
    assert!(answer.excerpts.iter().any(|e| e.quote.contains("25,000")), "{:?}", answer.excerpts);
}

#[test]
fn a_count_of_people_is_a_number_of_any_kind_of_person() {
    let engine = engine();
    // "… large group of 250,000 demonstrators gathered in Belgrade once the
    // intervention started": "people" are counted as demonstrators, asked
    // in English, in Serbian (with "je" between "koliko" and "ljudi") and
    // in Russian.
    for (question, locale) in [
        ("how many people protested in belgrade against the invasion of czechoslovakia", "en"),
        ("koliko je ljudi protestovalo u beogradu protiv invazije na čehoslovačku", "sr"),
        ("сколько людей протестовало в белграде против вторжения в чехословакию", "ru"),
    ] {
        let answer = engine.ask(question, locale);
        assert_eq!(ids(&answer).first().copied(), Some("belgrade-demonstration-1968"), "{question}: {}", answer.headline);
        assert!(answer.excerpts.iter().any(|e| e.quote.contains("250,000 demonstrators")), "{question}: {:?}", answer.excerpts);
    }
    // "The Kingdom of SHS became home for 40 000 exiles from the Russian Empire."
    let answer = engine.ask("how many persons did the kingdom of shs take in from the russian empire", "en");
    assert!(answer.excerpts.iter().any(|e| e.quote.contains("40 000 exiles")), "{}", answer.headline);
    // "Over 70% of Serbian citizens supporting Russia" is a share, not a
    // number of people at the rallies.
    let answer = engine.ask("how many people attended the pro-russian rallies in belgrade", "en");
    assert!(answer.facts.is_empty(), "{}", answer.headline);
}
