//! Autocomplete answers from the same resolver as questions: at most 25
//! choices, names of at most 100 characters, typos and diacritics tolerated.

mod support;

use std::sync::Arc;

use histbot::ask::commands::ArgKind;
use histbot::ask::{Engine, Intents};
use histbot::facts::FactBase;

fn engine() -> Engine {
    Engine::new(Arc::new(FactBase::load(support::shipped_facts()).expect("shipped facts")), Intents::builtin())
}

fn values(engine: &Engine, kind: ArgKind, partial: &str) -> Vec<String> {
    let choices = engine.autocomplete(kind, partial, 25);
    assert!(choices.len() <= 25, "{partial}: {} choices", choices.len());
    for choice in &choices {
        assert!(choice.name.chars().count() <= 100 && !choice.name.is_empty(), "{partial}: {:?}", choice.name);
        assert!(engine.base().get(&choice.value).is_some(), "{partial}: value {} is an id", choice.value);
    }
    choices.into_iter().map(|c| c.value).collect()
}

#[test]
fn prefixes_typos_diacritics_and_scripts_find_the_entry() {
    let engine = engine();
    let cases = [
        (ArgKind::Happening, "belg", "belgrade-declaration"),
        (ArgKind::Happening, "belgrade decl", "belgrade-declaration"),
        (ArgKind::Happening, "belgrade decleration", "belgrade-declaration"),
        (ArgKind::Person, "khrus", "nikita-khrushchev"),
        (ArgKind::Person, "Khruschev", "nikita-khrushchev"),
        (ArgKind::Person, "pasic", "nikola-pasic"),
        (ArgKind::Person, "Тито", "josip-broz-tito"),
        (ArgKind::Treaty, "akkerm", "akkerman-convention"),
        (ArgKind::Entry, "order of len", "tito-order-of-lenin"),
        (ArgKind::Happening, "إعلان بلغراد", "belgrade-declaration"),
    ];
    for (kind, partial, expected) in cases {
        let found = values(&engine, kind, partial);
        assert!(found.iter().take(5).any(|id| id == expected), "{partial:?} → {found:?}, expected {expected} in the first five");
    }
}

#[test]
fn choices_respect_the_argument_kind() {
    let engine = engine();
    for id in values(&engine, ArgKind::Person, "tito") {
        assert_eq!(engine.base().get(&id).map(|e| e.kind), Some(histbot::facts::Kind::Person), "{id}");
    }
    for id in values(&engine, ArgKind::Treaty, "treaty") {
        assert_eq!(engine.base().get(&id).map(|e| e.kind), Some(histbot::facts::Kind::Treaty), "{id}");
    }
    assert_eq!(values(&engine, ArgKind::Happening, "").len(), 25, "an empty field still offers choices");
    assert!(engine.autocomplete(ArgKind::Year, "19", 25).is_empty(), "years are typed, not completed");
}

#[test]
fn an_arabic_question_gets_the_arabic_excerpt_whatever_the_locale() {
    let engine = engine();
    let answer = engine.ask("متى تم توقيع إعلان بلغراد؟", "en-US");
    assert_eq!(answer.facts.first().map(|f| f.id.as_str()), Some("belgrade-declaration"));
    assert_eq!(answer.excerpts.first().map(|e| e.lang.as_str()), Some("ar"));
    let english = engine.ask("/when belgrade-declaration", "en-US");
    assert_eq!(english.excerpts.first().map(|e| e.lang.as_str()), Some("en"));
}

#[test]
fn periods_complete_by_name_and_year_and_beside_entries_in_compare() {
    let engine = engine();
    assert_eq!(values(&engine, ArgKind::Period, "").len(), engine.base().periods().len(), "every period when nothing is typed");
    assert_eq!(values(&engine, ArgKind::Period, "norm"), vec!["normalization-after-stalin".to_string()]);
    assert_eq!(values(&engine, ArgKind::Period, "1950"), vec!["tito-stalin-split-and-after".to_string()]);
    assert!(values(&engine, ArgKind::Period, "interw").contains(&"interwar-period".to_string()));
    assert!(values(&engine, ArgKind::YearOrEntry, "antagonism").contains(&"antagonism-1968-1971".to_string()));
    for id in values(&engine, ArgKind::Period, "the") {
        assert_eq!(engine.base().get(&id).map(|e| e.kind), Some(histbot::facts::Kind::Period), "{id}");
    }
}
