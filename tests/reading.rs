//! How a question's shape is read: "why" needs a reason, "until when" an
//! end, an adverbial "first" the earliest, a comparison a sentence that
//! compares. The questions are written for this test, not taken from a set.

mod support;

use std::sync::Arc;

use histbot::ask::answer::Outcome;
use histbot::ask::{Answer, Engine, Intents};
use histbot::facts::FactBase;

fn engine() -> Engine {
    Engine::new(Arc::new(FactBase::load(support::shipped_facts()).expect("shipped facts")), Intents::builtin())
}

fn first_id(answer: &Answer) -> Option<&str> {
    answer.facts.first().map(|fact| fact.id.as_str())
}

#[test]
fn why_with_no_reason_in_the_sources_says_so() {
    let answer = engine().ask("why did tito visit vis", "en");
    assert_eq!(answer.outcome, Outcome::NotFound, "{}", answer.headline);
    assert!(answer.headline.contains("don't say why"), "{}", answer.headline);
}

#[test]
fn until_when_is_answered_by_the_end() {
    let answer = engine().ask("until when did economic ties between the soviet union and yugoslavia develop", "en");
    assert_eq!(answer.outcome, Outcome::Facts, "{}", answer.headline);
    assert!(answer.excerpts.iter().any(|e| e.quote.contains("until the late 1980s")), "{:?}", answer.excerpts);
}

#[test]
fn an_adverbial_first_asks_for_the_earliest_and_an_ordinal_keeps_its_name() {
    let engine = engine();
    // Serbs found refuge in Russia in the 14th century; Russians came to Serbia after 1917.
    let answer = engine.ask("when did serbian refugees first come to russia", "en");
    assert_eq!(first_id(&answer), Some("serbian-refugees-in-russia-14th-century"), "{}", answer.headline);
    let answer = engine.ask("when was the first serbian uprising", "en");
    assert_eq!(first_id(&answer), Some("first-serbian-uprising"), "{}", answer.headline);
}

#[test]
fn a_comparison_no_sentence_makes_is_not_answered() {
    // "The trade … was significant and grew up until 1985": no sentence compares the decades.
    let answer = engine().ask("was soviet trade with yugoslavia larger in the 1960s than in the 1980s", "en");
    assert_ne!(answer.outcome, Outcome::Facts, "{}", answer.headline);
}
