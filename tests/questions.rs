//! The question set (`tests/questions.toml`): prints the accuracy over every
//! question and fails below 95%.

mod support;

use std::sync::Arc;

use histbot::ask::{Engine, Intents};
use histbot::facts::FactBase;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct QuestionSet {
    q: Vec<Question>,
}

#[derive(Debug, Deserialize)]
struct Question {
    text: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    none: bool,
    #[serde(default = "english")]
    locale: String,
}

fn english() -> String {
    "en".into()
}

#[test]
fn accuracy_on_the_question_set_is_at_least_95_percent() {
    let text = std::fs::read_to_string(support::manifest_dir().join("tests/questions.toml")).expect("question set");
    let set: QuestionSet = toml::from_str(&text).expect("question set parses");
    assert!(set.q.len() >= 80, "the set needs at least 80 questions");
    let base = FactBase::load(support::shipped_facts()).expect("shipped facts load");
    let engine = Engine::new(Arc::new(base), Intents::load(&support::manifest_dir().join("config/intents.toml")).expect("intents"));
    let mut wrong = Vec::new();
    for question in &set.q {
        assert!(question.none || !question.expect.is_empty(), "{}: expect something or none = true", question.text);
        for id in &question.expect {
            assert!(engine.base().get(id).is_some(), "{}: unknown expected id `{id}`", question.text);
        }
        let answer = engine.ask(&question.text, &question.locale);
        let asserted: Vec<&str> = answer.facts.iter().map(|f| f.id.as_str()).collect();
        let correct = if question.none {
            asserted.is_empty()
        } else {
            asserted.first().copied() == question.expect.first().map(String::as_str)
                && question.expect.iter().all(|id| asserted.contains(&id.as_str()))
        };
        if !correct {
            wrong.push(format!("  {:?} → {:?} ({}), expected {}", question.text, asserted, answer.headline, if question.none { "nothing".into() } else { question.expect.join(", ") }));
        }
    }
    let total = set.q.len();
    let right = total - wrong.len();
    let accuracy = right as f64 / total as f64 * 100.0;
    println!("question set accuracy: {right}/{total} = {accuracy:.1}%");
    if !wrong.is_empty() {
        println!("wrong answers:\n{}", wrong.join("\n"));
    }
    assert!(accuracy >= 95.0, "accuracy {accuracy:.1}% is below 95%:\n{}", wrong.join("\n"));
}
