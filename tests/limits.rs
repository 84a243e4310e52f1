//! No input takes the bot down: questions of any size are answered, and
//! the work per question is bounded (the worst cases are measured by
//! `cargo bench --bench ask -- worst-case`, not timed here).

mod support;

use std::sync::Arc;

use histbot::ask::{Engine, Intents, Outcome};
use histbot::facts::FactBase;

fn engine() -> Engine {
    let base = FactBase::load(support::shipped_facts()).expect("shipped facts load");
    Engine::new(Arc::new(base), Intents::load(&support::manifest_dir().join("config/intents.toml")).expect("intents"))
}

#[test]
fn a_question_longer_than_the_limit_gets_a_clear_reply() {
    let engine = engine();
    let answer = engine.ask(&"w".repeat(60_000), "en");
    assert_eq!(answer.outcome, Outcome::Error);
    assert!(answer.headline.contains("60000 characters"), "{}", answer.headline);
    assert!(answer.facts.is_empty());
}

#[test]
fn a_huge_word_as_a_command_argument_is_answered_without_a_fact() {
    let engine = engine();
    // Before the bound, one-letter deletions of this word took gigabytes.
    let answer = engine.ask(&format!("/when {}", "belgrade".repeat(7_500)), "en");
    assert!(answer.facts.is_empty(), "asserted {:?}", answer.facts.iter().map(|f| &f.id).collect::<Vec<_>>());
}

#[test]
fn a_question_at_the_limit_is_still_read() {
    let engine = engine();
    let padding = " please".repeat(60);
    let question = format!("when was the belgrade declaration signed{padding}");
    assert!(question.chars().count() <= histbot::ask::MAX_QUESTION_CHARS);
    let answer = engine.ask(&question, "en");
    assert_eq!(answer.facts.first().map(|f| f.id.as_str()), Some("belgrade-declaration"), "{}", answer.headline);
}
