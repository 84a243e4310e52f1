//! Study mode's question generation over the whole shipped base: every
//! question the base allows is generated and checked, independently of how
//! the generator chose it: one right answer (no distractor is also true),
//! every proof verbatim in its source, deterministic for a seed. And
//! topics and round composition.

mod support;

use std::collections::HashSet;

use histbot::facts::date::contains_word;
use histbot::facts::{Entry, FactBase, Kind};
use histbot::study::question::{count_by_kind, names_person, title_without_years};
use histbot::study::round::compose;
use histbot::study::{all_questions, Question, QuestionKind, Topic};
use histbot::text::fold::fold_for_search;

fn base() -> FactBase {
    FactBase::load(support::shipped_facts()).expect("the shipped base checks clean")
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn person_titled<'b>(base: &'b FactBase, title: &str) -> &'b Entry {
    base.entries().iter().find(|e| e.kind == Kind::Person && e.title == title).unwrap_or_else(|| panic!("no person titled {title}"))
}

/// Everything an entry says, folded (title, aliases, summary, roles, quotes).
fn entry_text(base: &FactBase, entry: &Entry) -> String {
    let mut text = format!("{} {} {} {}", entry.title, entry.aliases.join(" "), entry.summary, entry.roles.join(" "));
    for quote in &entry.quotes {
        if let Some(source) = base.source(quote.source) {
            text.push(' ');
            text.push_str(&source.text[quote.range.clone()]);
        }
    }
    fold_for_search(&text)
}

fn check_proofs(base: &FactBase, q: &Question) {
    assert!(!q.proofs.is_empty(), "{q:?} has no proof");
    for proof in &q.proofs {
        let source = base.sources().iter().find(|s| s.id == proof.source).unwrap_or_else(|| panic!("{q:?}: no source {}", proof.source));
        assert!(collapsed(&source.text).contains(&proof.quote), "{}: the proof is not verbatim in {}: {}", q.prompt, source.id, proof.quote);
        let index = base.sources().iter().position(|s| s.id == proof.source).expect("source");
        let of_entry = base
            .get(&proof.entry)
            .is_some_and(|e| e.quotes.iter().any(|quote| quote.source == index && collapsed(&source.text[quote.range.clone()]) == proof.quote));
        assert!(of_entry, "{}: the proof is not a quote of {}", q.prompt, proof.entry);
        assert_eq!(proof.lang, "en");
    }
}

fn check_shape(q: &Question) {
    assert!((2..=4).contains(&q.options.len()), "{q:?}");
    assert!(q.correct < q.options.len(), "{q:?}");
    let distinct: HashSet<String> = q.options.iter().map(|o| fold_for_search(o)).collect();
    assert_eq!(distinct.len(), q.options.len(), "two options read the same: {q:?}");
    assert!(q.entries.contains(&q.entry));
}

fn check_year(base: &FactBase, q: &Question) {
    let entry = base.get(&q.entry).expect("entry");
    let date = entry.date.as_ref().expect("dated");
    let year = date.first_year();
    assert_eq!(date.last_year(), year, "{}: a year question about a span", q.entry);
    assert_eq!(q.options[q.correct], year.to_string());
    assert!(!q.prompt.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() == 4), "{}: the prompt holds a year", q.prompt);
    let title = fold_for_search(&title_without_years(&entry.title));
    for (i, option) in q.options.iter().enumerate().filter(|(i, _)| *i != q.correct) {
        let other: i32 = option.parse().unwrap_or_else(|_| panic!("{q:?}: option {i} is not a year"));
        let also_true = base
            .chronological()
            .filter(|e| fold_for_search(&title_without_years(&e.title)) == title)
            .any(|e| e.date.as_ref().is_some_and(|d| d.covers_year(other)));
        assert!(!also_true, "{}: {other} is also a year of an entry titled like it", q.prompt);
    }
    assert!(q.proofs.iter().any(|p| contains_word(&p.quote, &year.to_string())), "{}: no proof states {year}", q.prompt);
}

fn check_who(base: &FactBase, q: &Question) {
    let about = base.get(&q.entry).expect("entry");
    let right = person_titled(base, &q.options[q.correct]);
    assert!(q.proofs.iter().any(|p| names_person(&fold_for_search(&p.quote), right)), "{}: no proof names {}", q.prompt, right.title);
    let distractors = q.options.iter().enumerate().filter(|(i, _)| *i != q.correct).map(|(_, o)| person_titled(base, o));
    if about.kind == Kind::Person {
        // "Which of these people was <role>?"
        let role = q.prompt.trim_start_matches("Which of these people was ").trim_end_matches('?');
        let role = fold_for_search(role);
        assert!(right.roles.iter().any(|r| fold_for_search(r) == role), "{}", q.prompt);
        assert!(q.proofs.iter().any(|p| format!(" {} ", fold_for_search(&p.quote)).contains(&format!(" {role} "))), "{}: no proof states the role", q.prompt);
        for other in distractors {
            assert!(!format!(" {} ", entry_text(base, other)).contains(&format!(" {role} ")), "{}: {} is also said to be {role}", q.prompt, other.title);
        }
    } else {
        assert!(about.people.contains(&right.id), "{}: {} is not listed in {}", q.prompt, right.title, about.id);
        assert!(!names_person(&fold_for_search(&about.title), right), "{}: the title names the answer", q.prompt);
        let text = entry_text(base, about);
        for other in distractors {
            assert!(!about.people.contains(&other.id) && !other.involved_in.contains(&about.id), "{}: {} is involved too", q.prompt, other.title);
            assert!(!names_person(&text, other), "{}: {} is named by the entry", q.prompt, other.title);
        }
    }
}

fn check_first(base: &FactBase, q: &Question) {
    assert_eq!(q.options.len(), 2);
    let [a, b] = [&q.entries[0], &q.entries[1]].map(|id| base.get(id).expect("entry"));
    let (da, db) = (a.date.as_ref().expect("dated"), b.date.as_ref().expect("dated"));
    assert!(da.start.last_day() < db.start.first_day(), "{} and {} can tie", a.id, b.id);
    assert_eq!(fold_for_search(&title_without_years(&a.title)), fold_for_search(&q.options[q.correct]));
    assert_eq!(fold_for_search(&title_without_years(&b.title)), fold_for_search(&q.options[1 - q.correct]));
    assert_eq!(q.entry, a.id);
    for (entry, date) in [(a, da), (b, db)] {
        assert!(
            q.proofs.iter().any(|p| p.entry == entry.id && contains_word(&p.quote, &date.first_year().to_string())),
            "{}: no proof of {}'s date",
            q.prompt,
            entry.id
        );
    }
}

fn check_period(base: &FactBase, q: &Question) {
    let entry = base.get(&q.entry).expect("entry");
    let period = base.period_of(entry).expect("a period");
    assert_eq!(q.options[q.correct], period.title);
    let date = entry.date.as_ref().expect("dated");
    let last = if date.last_year() == i32::MAX { date.first_year() } else { date.last_year() };
    let span = period.date.as_ref().expect("periods are dated");
    assert!(span.covers_year(date.first_year()) && span.covers_year(last), "{}: the entry outlasts its period", q.prompt);
    for option in q.options.iter().enumerate().filter(|(i, _)| *i != q.correct).map(|(_, o)| o) {
        let other = base.periods().iter().find(|p| p.title == *option).expect("a period option");
        let span = other.date.as_ref().expect("periods are dated");
        assert!(!(date.first_year()..=last).any(|y| span.covers_year(y)), "{}: {} also covers the entry's years", q.prompt, other.title);
    }
    assert!(q.proofs.iter().any(|p| p.entry == entry.id), "{}: no proof of the entry's date", q.prompt);
    assert!(q.proofs.iter().any(|p| p.entry == period.id), "{}: no proof of the period's span", q.prompt);
}

fn check_missing_word(base: &FactBase, q: &Question) {
    let passage = q.passage.as_deref().expect("a passage");
    assert_eq!(passage.matches("_____").count(), 1, "{passage}");
    let right = &q.options[q.correct];
    assert_eq!(passage.replacen("_____", right, 1), q.proofs[0].quote, "the right word does not give the quote back");
    assert!(right.chars().count() >= 5 && right.chars().all(char::is_alphabetic), "{right}");
    for (_, other) in q.options.iter().enumerate().filter(|(i, _)| *i != q.correct) {
        let filled = passage.replacen("_____", other, 1);
        assert!(base.sources().iter().all(|s| s.find_anywhere(&filled).is_none()), "“{other}” also fits: {filled}");
    }
}

#[test]
fn every_question_the_base_allows_has_one_right_answer_and_verbatim_proofs() {
    let base = base();
    let started = std::time::Instant::now();
    let all = all_questions(&base, 1);
    eprintln!("generated in {:?} (a debug build)", started.elapsed());
    let counts = count_by_kind(&all);
    eprintln!("questions the shipped base allows (seed 1): {counts:?}, {} in all", all.len());
    for kind in QuestionKind::ALL {
        assert!(counts.get(&kind).copied().unwrap_or(0) >= 5, "too few {kind:?} questions: {counts:?}");
    }
    let mut keys = HashSet::new();
    for q in &all {
        assert!(keys.insert(q.key()), "generated twice: {}", q.key());
        check_shape(q);
        check_proofs(&base, q);
        match q.kind {
            QuestionKind::Year => check_year(&base, q),
            QuestionKind::Who => check_who(&base, q),
            QuestionKind::First => check_first(&base, q),
            QuestionKind::Period => check_period(&base, q),
            QuestionKind::MissingWord => check_missing_word(&base, q),
        }
    }
}

#[test]
fn generation_is_deterministic_for_a_seed() {
    let base = base();
    let once = all_questions(&base, 42);
    assert_eq!(once, all_questions(&base, 42));
    let other = all_questions(&base, 43);
    assert_ne!(once, other, "another seed picks other distractors");
    let topic = Topic::parse(&base, "cold-war").unwrap();
    assert_eq!(compose(&base, &once, &topic, 5, 9), compose(&base, &once, &topic, 5, 9));
}

#[test]
fn topics_are_tags_periods_years_and_kinds() {
    let base = base();
    assert_eq!(Topic::parse(&base, "cold-war").unwrap(), Topic::Tag("cold-war".into()));
    assert_eq!(Topic::parse(&base, "1941-1948").unwrap(), Topic::Years(1941, 1948));
    assert_eq!(Topic::parse(&base, "treaties").unwrap(), Topic::Kind(Kind::Treaty));
    assert_eq!(Topic::parse(&base, "").unwrap(), Topic::All);
    assert_eq!(Topic::parse(&base, "second-world-war").unwrap(), Topic::Period("second-world-war".into()));
    assert_eq!(Topic::parse(&base, "interwar period").unwrap(), Topic::Period("interwar-period".into()));
    assert!(Topic::parse(&base, "1948-1941").is_err());
    match Topic::parse(&base, "cold-wars") {
        Err(histbot::study::topic::TopicError::Unknown { suggestions, .. }) => assert!(suggestions.contains(&"cold-war".to_string()), "{suggestions:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_round_holds_count_questions_on_its_topic_without_repeating_an_entry() {
    let base = base();
    let all = all_questions(&base, 5);
    for text in ["cold-war", "1941-1948", "treaties", "people", "second-world-war", ""] {
        let topic = Topic::parse(&base, text).unwrap();
        let round = compose(&base, &all, &topic, 5, 11);
        assert_eq!(round.len(), 5, "{text}");
        let mut entries = HashSet::new();
        for q in &round {
            assert!(topic.includes_question(&base, q), "{text}: {}", q.prompt);
            for e in &q.entries {
                assert!(entries.insert(e.clone()), "{text}: {e} twice");
            }
        }
        let kinds: HashSet<QuestionKind> = round.iter().map(|q| q.kind).collect();
        assert!(kinds.len() >= 2 || text == "people", "{text}: one kind only");
    }
    let topic = Topic::parse(&base, "cold-war").unwrap();
    assert_eq!(compose(&base, &all, &topic, 200, 1).len(), compose(&base, &all, &topic, 1000, 1).len(), "a round is capped by what the topic holds");
}
