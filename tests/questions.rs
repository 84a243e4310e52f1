//! The question sets (`tests/questions/`), measured, not fitted:
//!
//! - `dev.toml`: written sentence by sentence from the source texts by a
//!   writer who never saw the fact files; the matcher may be tuned on it.
//! - `dev-2.toml`: the first holdout set, rotated into dev once its
//!   failures had been looked at.
//! - `dev-3.toml` … `dev-59.toml`: the second to fifty-eighth holdout sets,
//!   rotated into dev the same way once measured (at their one measurement:
//!   dev-4 110/156 = 70.5%, 4 false assertions; dev-5 99/137 = 72.3%, 7
//!   false assertions; dev-6 87/141 = 61.7%, 5 false assertions; dev-7
//!   89/127 = 70.1%, 3 false assertions; dev-8 89/118 = 75.4%, 3 false
//!   assertions; dev-9 90/118 = 76.3%, 4 false assertions; dev-10 77/103 =
//!   74.8%, 4 false assertions; dev-11 94/123 = 76.4%, 3 false assertions;
//!   dev-12 81/122 = 66.4%, 8 false assertions; dev-13 114/142 = 80.3%, 4
//!   false assertions; dev-14 117/153 = 76.5%, 5 false assertions; dev-15
//!   123/154 = 79.9%, 4 false assertions; dev-16 113/149 = 75.8%, 5 false
//!   assertions; dev-17 114/154 = 74.0%, 5 false assertions; dev-18
//!   109/139 = 78.4%, 6 false assertions; dev-19 107/132 = 81.1%, 4 false
//!   assertions; dev-20 103/137 = 75.2%, 8 false assertions; dev-21 117/128
//!   = 91.4%, 1 false assertion; dev-22 122/140 = 87.1%, 2 false
//!   assertions; dev-23 119/139 = 85.6%, 4 false assertions; dev-24
//!   115/141 = 81.6%, 5 false assertions; dev-25 114/135 = 84.4%, 3 false
//!   assertions; dev-26 115/146 = 78.8%, 4 false assertions; dev-27
//!   136/155 = 87.7%, 7 false assertions; dev-28 166/187 = 88.8%, 5 false
//!   assertions; dev-29 157/189 = 83.1%, 10 false assertions; dev-30
//!   144/159 = 90.6%, 6 false assertions; dev-31 160/179 = 89.4%, 2 false
//!   assertions; dev-32 141/170 = 82.9%, 7 false assertions; dev-33 77/86
//!   = 89.5%, 9 false assertions; dev-34 161/188 = 85.6%, 7 false
//!   assertions; dev-35 147/169 = 87.0%, 7 false assertions; dev-36
//!   151/169 = 89.3%, 8 false assertions; dev-37 222/258 = 86.0%, 4 false
//!   assertions; dev-38 128/142 = 90.1%, 10 false assertions; dev-39 62/75 = 82.7%,
//!   9 false assertions; dev-40 167/191 = 87.4%, 2 false assertions;
//!   dev-41 140/160 = 87.5%, no false assertions; dev-42 221/249 = 88.8%,
//!   8 false assertions; dev-43 186/200 = 93.0%, 3 false assertions;
//!   dev-44 170/186 = 91.4%, 4 false assertions; dev-45 165/184 = 89.7%,
//!   6 false assertions; dev-46 155/175 = 88.6%, 2 false assertions;
//!   dev-47 164/178 = 92.1%, 1 false assertion; dev-48 174/184 = 94.6%,
//!   1 false assertion; dev-49 151/177 = 85.3%, 6 false assertions;
//!   dev-50 159/177 = 89.8%, 1 false assertion; dev-51 156/171 = 91.2%,
//!   1 false assertion; dev-52 144/166 = 86.7%, 3 false assertions;
//!   dev-53 252/277 = 91.0%, 4 false assertions; dev-54 141/164 = 86.0%,
//!   5 false assertions; dev-55 145/162 = 89.5%, 2 false assertions;
//!   dev-56 152/165 = 92.1%, 3 false assertions; dev-57 147/163 = 90.2%,
//!   3 false assertions; dev-58 150/160 = 93.8%, 2 false assertions;
//!   dev-59 150/169 = 88.8%, 2 false assertions).
//! - `holdout.toml`: the fifty-ninth set, written the same way by other
//!   writers (less the questions that repeat dev word for word); only
//!   measured. Nothing may be tuned on its failures; when they have been
//!   looked at, rotate it into dev and have fresh questions written.
//! - `legacy.toml`: the first question set, written against the fact files
//!   (counted with dev, as regression).
//!
//! A question names the source fragment that answers it (`gold`) and the
//! answer as the source writes it (`states`). An answer is right when its
//! first fact is an entry that quotes the gold sentence, every gold is
//! covered by an asserted entry, and every `states` appears in one of its
//! excerpts: the quote proves the claim. Legacy questions name entry ids
//! (`expect`) instead. An unanswerable question (`tier = "none"`) must
//! assert nothing; asserting anything is a false assertion and fails the
//! test outright.
//!
//! The test prints accuracy per part and per tier. It fails on any false
//! assertion that is not in [`KNOWN_DEV_FALSE_ASSERTIONS`] or
//! [`KNOWN_HOLDOUT_FALSE_ASSERTIONS`] (the holdout's, as found at its one
//! measurement, never tuned on), and when one of those is fixed, so the
//! lists only shrink; and below the floors, which record what the matcher
//! reaches today. The targets are 95% on dev and 90% on the holdout with no
//! false assertion at all; the floors rise towards them as the matcher does.

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;

use histbot::ask::{Answer, Engine, Intents};
use histbot::facts::FactBase;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct QuestionSet {
    q: Vec<Question>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    text: String,
    #[serde(default)]
    tier: Option<String>,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    none: bool,
    #[serde(default)]
    gold: Vec<String>,
    #[serde(default)]
    states: Vec<String>,
    #[serde(default)]
    why: Option<String>,
    #[serde(default = "english")]
    locale: String,
}

fn english() -> String {
    "en".into()
}

impl Question {
    fn unanswerable(&self) -> bool {
        self.none || self.tier.as_deref() == Some("none")
    }

    fn tier(&self) -> String {
        self.tier.clone().unwrap_or_else(|| if self.unanswerable() { "none".into() } else { "legacy".into() })
    }
}

#[derive(Debug, PartialEq)]
enum Verdict {
    Right,
    Wrong(String),
    FalseAssertion,
}

/// Compare texts the way a reader would: case, white space and quote marks aside.
fn normal(text: &str) -> String {
    let unified: String = text.chars().map(|c| if matches!(c, '′' | '’' | '‘' | 'ʼ') { '\'' } else { c }).collect();
    unified.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entries that quote a gold fragment.
fn quoting(engine: &Engine, gold: &str) -> Vec<String> {
    let gold = normal(gold);
    engine.base().entries().iter().filter(|e| e.quotes.iter().any(|q| normal(&q.text).contains(&gold))).map(|e| e.id.clone()).collect()
}

fn grade(engine: &Engine, question: &Question, answer: &Answer) -> Verdict {
    let asserted: Vec<&str> = answer.facts.iter().map(|f| f.id.as_str()).collect();
    if question.unanswerable() {
        return if asserted.is_empty() { Verdict::Right } else { Verdict::FalseAssertion };
    }
    if asserted.is_empty() {
        return Verdict::Wrong(format!("{:?}: {}", answer.outcome, answer.headline));
    }
    if !question.expect.is_empty() {
        let first_right = asserted.first().copied() == question.expect.first().map(String::as_str);
        let all = question.expect.iter().all(|id| asserted.contains(&id.as_str()));
        return if first_right && all { Verdict::Right } else { Verdict::Wrong(format!("asserted {asserted:?}, expected {:?}", question.expect)) };
    }
    let accepted: Vec<Vec<String>> = question.gold.iter().map(|gold| quoting(engine, gold)).collect();
    if let Some(missing) = question.gold.iter().zip(&accepted).find(|(_, ids)| ids.is_empty()) {
        return Verdict::Wrong(format!("no entry quotes “{}”", missing.0));
    }
    let excerpts: Vec<String> = answer.excerpts.iter().map(|e| normal(&e.quote)).collect();
    let stated = |text: &String| excerpts.iter().any(|e| e.contains(&normal(text)));
    let list = answer.page.is_some() || matches!(answer.intent.as_str(), "year" | "timeline" | "compare");
    for (position, ids) in accepted.iter().enumerate() {
        let covered = ids.iter().any(|id| asserted.contains(&id.as_str()));
        let says = question.states.get(position).is_none_or(stated);
        if !(covered || list && says) {
            return Verdict::Wrong(format!("asserted {asserted:?}, expected one of {ids:?}"));
        }
        if !says {
            return Verdict::Wrong(format!("no excerpt states “{}”", question.states[position]));
        }
    }
    let first = asserted.first().copied().unwrap_or_default();
    if !list && !accepted.iter().flatten().any(|id| id == first) {
        return Verdict::Wrong(format!("first fact {first}, expected one of {:?}", accepted.concat()));
    }
    Verdict::Right
}

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn percent(&self) -> f64 {
        if self.total == 0 { 100.0 } else { self.right as f64 / self.total as f64 * 100.0 }
    }
}

fn load(part: &str) -> Vec<Question> {
    let path = support::manifest_dir().join(format!("tests/questions/{part}.toml"));
    let text = std::fs::read_to_string(&path).expect("question set");
    let set: QuestionSet = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    set.q
}

fn engine() -> Engine {
    let base = FactBase::load(support::shipped_facts()).expect("shipped facts load");
    Engine::new(Arc::new(base), Intents::load(&support::manifest_dir().join("config/intents.toml")).expect("intents"))
}

/// Run one part; print its accuracy per tier and its misses.
fn measure(engine: &Engine, name: &str, questions: &[Question]) -> (Tally, Vec<String>) {
    let mut overall = Tally::default();
    let mut tiers: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_assertions = Vec::new();
    for question in questions {
        assert!(question.unanswerable() || !question.expect.is_empty() || !question.gold.is_empty(), "{}: give gold, expect, or tier = \"none\"", question.text);
        assert!(!question.unanswerable() || question.why.is_some() || question.none, "{}: say why it is unanswerable", question.text);
        let answer = engine.ask(&question.text, &question.locale);
        let verdict = grade(engine, question, &answer);
        let tier = tiers.entry(question.tier()).or_default();
        tier.total += 1;
        overall.total += 1;
        match verdict {
            Verdict::Right => {
                tier.right += 1;
                overall.right += 1;
            }
            Verdict::Wrong(why) => misses.push(format!("  [{}] {:?} → {why}", question.tier(), question.text)),
            Verdict::FalseAssertion => false_assertions.push(format!(
                "  [{}] {:?} asserted {:?} ({})",
                question.tier(),
                question.text,
                answer.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
                answer.headline
            )),
        }
    }
    let per_tier: Vec<String> = tiers.iter().map(|(tier, t)| format!("{tier} {}/{} ({:.0}%)", t.right, t.total, t.percent())).collect();
    println!("{name}: {}/{} = {:.1}%; {}", overall.right, overall.total, overall.percent(), per_tier.join(", "));
    if !misses.is_empty() {
        println!("{name} misses:\n{}", misses.join("\n"));
    }
    if !false_assertions.is_empty() {
        println!("{name} FALSE ASSERTIONS:\n{}", false_assertions.join("\n"));
    }
    (overall, false_assertions)
}

/// Today's accuracy, as floors: a change that loses answers fails.
const DEV_FLOOR: f64 = 95.8;
const HOLDOUT_FLOOR: f64 = 88.9;
/// Where the floors are headed.
const DEV_TARGET: f64 = 95.0;
const HOLDOUT_TARGET: f64 = 90.0;

/// Holdout questions that got a false assertion at the holdout's
/// measurement (2026-12-08: 145/163 = 89.0%, 3 false assertions, at the
/// end of session 72's changes, made on dev only). Listed so that the test
/// still fails on any new false assertion and on a fixed one (remove it).
/// Why each is hard, as seen at the measurement:
/// - which Soviet general commanded the Red Army in the Belgrade
///   offensive: the Red Army entry answers, though no sentence it shows
///   names a general; the kind asked ("general") is not held to a person
///   named.
/// - whether Linitsky was executed after his arrest in 1935: the arrest
///   entry answers, since one of the question's deeds (the arrest, in its
///   time clause) is told; the deed asked, an execution, is not.
/// - whether Tito and Khrushchev met again after 1955: the letters entry
///   answers with "agreed to meet in Belgrade" (March 1955), an agreement
///   to meet read as a meeting, and of 1955, not after it.
const KNOWN_HOLDOUT_FALSE_ASSERTIONS: &[&str] = &[
    "which soviet general commanded the red army in the belgrade offensive",
    "was leonid linitsky executed after he was arrested in 1935",
    "did tito and khrushchev meet again after 1955",
];

/// Dev questions that still get a false assertion, each with why it is hard
/// for the current mechanism. Fix the mechanism, then remove the line.
const KNOWN_DEV_FALSE_ASSERTIONS: &[(&str, &str)] = &[
];

#[test]
fn answers_hold_on_questions_written_from_the_sources() {
    let engine = engine();
    let mut dev = load("dev");
    for part in 2..=59 {
        dev.extend(load(&format!("dev-{part}")));
    }
    dev.extend(load("legacy"));
    let holdout = load("holdout");
    assert!(dev.len() + holdout.len() >= 300, "the sets need at least 300 questions");
    let unanswerable = dev.iter().chain(&holdout).filter(|q| q.unanswerable()).count();
    assert!(unanswerable >= 60, "the sets need at least 60 unanswerable questions, have {unanswerable}");
    let (dev_tally, dev_false) = measure(&engine, "dev", &dev);
    let (holdout_tally, holdout_false) = measure(&engine, "holdout", &holdout);
    println!(
        "targets: dev {:.1}% of {DEV_TARGET}%, holdout {:.1}% of {HOLDOUT_TARGET}%{}",
        dev_tally.percent(),
        holdout_tally.percent(),
        if dev_tally.percent() >= DEV_TARGET && holdout_tally.percent() >= HOLDOUT_TARGET { " (met)" } else { " (not met yet)" }
    );
    let new_holdout_false: Vec<&String> = holdout_false.iter().filter(|line| !KNOWN_HOLDOUT_FALSE_ASSERTIONS.iter().any(|text| line.contains(&format!("{text:?}")))).collect();
    assert!(new_holdout_false.is_empty(), "asserted a fact for an unanswerable holdout question:\n{}", new_holdout_false.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
    let fixed_holdout: Vec<&str> = KNOWN_HOLDOUT_FALSE_ASSERTIONS.iter().copied().filter(|text| !holdout_false.iter().any(|line| line.contains(&format!("{text:?}")))).collect();
    assert!(fixed_holdout.is_empty(), "no longer a false assertion, remove it from KNOWN_HOLDOUT_FALSE_ASSERTIONS: {fixed_holdout:?}");
    let new_false: Vec<&String> = dev_false.iter().filter(|line| !KNOWN_DEV_FALSE_ASSERTIONS.iter().any(|(text, _)| line.contains(&format!("{text:?}")))).collect();
    assert!(new_false.is_empty(), "asserted a fact for an unanswerable dev question:\n{}", new_false.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
    let fixed: Vec<&str> = KNOWN_DEV_FALSE_ASSERTIONS.iter().map(|(text, _)| *text).filter(|text| !dev_false.iter().any(|line| line.contains(&format!("{text:?}")))).collect();
    assert!(fixed.is_empty(), "no longer a false assertion, remove it from KNOWN_DEV_FALSE_ASSERTIONS: {fixed:?}");
    assert!(dev_tally.percent() >= DEV_FLOOR, "dev accuracy {:.1}% is below its floor {DEV_FLOOR}%", dev_tally.percent());
    assert!(holdout_tally.percent() >= HOLDOUT_FLOOR, "holdout accuracy {:.1}% is below its floor {HOLDOUT_FLOOR}%", holdout_tally.percent());
}
