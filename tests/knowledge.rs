//! The shipped fact base: clean, big enough, covering every year its sources
//! mention and every sentence of their bodies, and every excerpt of every
//! answer verbatim in its source.

mod support;

use std::collections::BTreeSet;
use std::sync::Arc;

use histbot::ask::{Engine, Intents};
use histbot::facts::source::fold;
use histbot::facts::{check_dir, FactBase, Kind};
use regex::Regex;
use serde::Deserialize;

/// Sections that list references rather than state history.
const NOT_BODY: &[&str] = &["See also", "Sources", "References", "Further reading", "External links"];

fn shipped() -> FactBase {
    match FactBase::load(support::shipped_facts()) {
        Ok(base) => base,
        Err(diagnostics) => panic!(
            "facts/ does not check clean:\n{}",
            diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        ),
    }
}

#[test]
fn shipped_facts_check_clean() {
    let report = check_dir(support::shipped_facts());
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_base_meets_its_floors_and_has_the_required_treaties() {
    let base = shipped();
    let (events, treaties, people) = (base.count(Kind::Event), base.count(Kind::Treaty), base.count(Kind::Person));
    assert!(events >= 110 && treaties >= 14 && people >= 55, "{events} events, {treaties} treaties, {people} people");
    // The periods the sources name, from the Middle Ages to the present, in order and without overlaps.
    let periods: Vec<&str> = base.periods().iter().map(|p| p.id.as_str()).collect();
    assert!(periods.len() >= 9, "{periods:?}");
    for id in ["interwar-period", "second-world-war", "rapprochement-1945-1948", "tito-stalin-split-and-after", "normalization-after-stalin", "antagonism-1968-1971", "breakup-years-1991-1999", "russia-and-serbia-since-2000"] {
        assert!(periods.contains(&id), "missing period `{id}`: {periods:?}");
    }
    for id in [
        "russo-serbian-alliance-1807",
        "akkerman-convention",
        "treaty-of-adrianople",
        "treaty-of-berlin",
        "secret-convention-1881",
        "austro-russian-agreement-1897",
        "treaty-of-friendship-and-non-aggression-1941",
        "treaty-of-friendship-and-cooperation-1945",
        "belgrade-declaration",
        "agreement-scientific-technical-cooperation-1955",
        "agreement-cultural-scientific-educational-cooperation-1974",
        "agreement-higher-education-qualifications-1988",
        "visa-abolition-2009",
        "strategic-partnership-declaration-2013",
    ] {
        let entry = base.get(id).unwrap_or_else(|| panic!("missing treaty `{id}`"));
        assert_eq!(entry.kind, Kind::Treaty, "{id}");
    }
    assert_eq!(base.get("belgrade-declaration").and_then(|e| e.date_text()).as_deref(), Some("1955"));
}

#[derive(Debug, Deserialize)]
struct AllowList {
    allow: Vec<Allowed>,
    #[serde(default)]
    allow_sentence: Vec<AllowedSentence>,
}

/// A sentence of a source body that no entry needs to quote.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowedSentence {
    source: String,
    /// The sentence, or a part of it that names it unambiguously.
    sentence: String,
    reason: String,
}

fn allow_list() -> AllowList {
    let allow_text = std::fs::read_to_string(support::shipped_facts().join("coverage-allowlist.toml")).expect("allow-list");
    toml::from_str(&allow_text).expect("allow-list parses")
}

#[derive(Debug, Deserialize)]
struct Allowed {
    source: String,
    year: i32,
    reason: String,
}

#[test]
fn every_year_in_the_sources_is_covered_by_an_entry_quoting_it() {
    let base = shipped();
    let allow = allow_list();
    for allowed in &allow.allow {
        assert!(allowed.reason.trim().len() >= 10, "allow-list {} {}: give a reason", allowed.source, allowed.year);
    }
    assert!(allow.allow.len() <= 25, "the allow-list must stay short ({} entries)", allow.allow.len());
    let year = Regex::new(r"(?:^|[^0-9])(1[0-9]{3}|20[0-9]{2})(?:[^0-9]|$)").unwrap();
    let mut uncovered = BTreeSet::new();
    let mut used_allowances = BTreeSet::new();
    for source in base.sources() {
        for section in source.sections.iter().filter(|s| !NOT_BODY.contains(&s.title.as_str())) {
            let body = &source.text[section.body.clone()];
            for found in year.captures_iter(body) {
                let number: i32 = found[1].parse().unwrap();
                let covered = base.entries().iter().any(|entry| {
                    let dates = entry.date.iter().chain(&entry.born).chain(&entry.died);
                    dates.into_iter().any(|d| d.covers_year(number))
                        && entry.quotes.iter().any(|q| q.text.contains(&found[1]))
                });
                if covered {
                    continue;
                }
                match allow.allow.iter().position(|a| a.source == source.id && a.year == number) {
                    Some(index) => {
                        used_allowances.insert(index);
                    }
                    None => {
                        uncovered.insert(format!("{} {number} (section “{}”)", source.id, section.title));
                    }
                }
            }
        }
    }
    assert!(uncovered.is_empty(), "years with no entry quoting them (add an entry, or an allow-list line with a reason):\n{}", uncovered.into_iter().collect::<Vec<_>>().join("\n"));
    let stale: Vec<String> = (0..allow.allow.len()).filter(|i| !used_allowances.contains(i)).map(|i| format!("{} {}", allow.allow[i].source, allow.allow[i].year)).collect();
    assert!(stale.is_empty(), "allow-list lines no longer needed: {stale:?}");
}

/// The sentences of a section body, in order. The body is the section's text
/// below its heading (headings are never part of a body). Each line is a
/// paragraph or a list item (its `* ` or `- ` marker dropped), and a sentence
/// ends at `.`, `?`, `!` or `؟`, after any closing quotes or brackets, where
/// white space follows and the next word does not begin with a lower-case
/// letter ("e.g., at" and "U.S.-led" do not end sentences).
fn sentences(body: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in body.lines() {
        let line = line.trim();
        let line = line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")).or_else(|| line.strip_prefix('*')).unwrap_or(line).trim();
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        for (i, &(_, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '?' | '!' | '؟') {
                continue;
            }
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end].1, '"' | '\'' | '″' | '”' | '’' | ')' | ']') {
                end += 1;
            }
            let mut next = end;
            while next < chars.len() && chars[next].1.is_whitespace() {
                next += 1;
            }
            if next == end || next == chars.len() || chars[next].1.is_lowercase() {
                continue;
            }
            let sentence = line[chars[start].0..chars[end].0].trim();
            if !sentence.is_empty() {
                found.push(sentence.to_string());
            }
            start = next;
        }
        let rest = chars.get(start).map_or("", |&(at, _)| line[at..].trim());
        if !rest.is_empty() {
            found.push(rest.to_string());
        }
    }
    found
}

#[test]
fn sentences_split_where_a_sentence_ends() {
    let body = "In 1950s Tito founded it, neither U.S.-led NATO, nor the Warsaw Pact. Films (e.g., at the Moscow Festival) are shown.\n\n* Russia has an embassy in Belgrade.\n\nHe said \"For us, Crimea is Ukraine.\" This mattered.... Then ″yes.″ Is it? ..But no! 1204 robberies.";
    assert_eq!(
        sentences(body),
        [
            "In 1950s Tito founded it, neither U.S.-led NATO, nor the Warsaw Pact.",
            "Films (e.g., at the Moscow Festival) are shown.",
            "Russia has an embassy in Belgrade.",
            "He said \"For us, Crimea is Ukraine.\"",
            "This mattered....",
            "Then ″yes.″",
            "Is it?",
            "..But no!",
            "1204 robberies.",
        ]
    );
    assert_eq!(sentences("تطورت العلاقات. حتى عام 1940 كانت"), ["تطورت العلاقات.", "حتى عام 1940 كانت"]);
}

/// Every sentence of every source body (the sections the year test reads:
/// all but [`NOT_BODY`]) is contained in a quote from that source, after the
/// checker's folding, or is named in `[[allow_sentence]]` of
/// `facts/coverage-allowlist.toml` with a reason.
#[test]
fn every_sentence_of_the_sources_is_quoted_by_an_entry() {
    let base = shipped();
    let allow = allow_list();
    for allowed in &allow.allow_sentence {
        assert!(allowed.reason.trim().len() >= 10, "allow-list sentence {} “{}”: give a reason", allowed.source, allowed.sentence);
        assert!(!fold(&allowed.sentence).is_empty(), "allow-list sentence of {}: empty", allowed.source);
    }
    assert!(allow.allow_sentence.len() <= 10, "the sentence allow-list must stay short ({} entries)", allow.allow_sentence.len());
    let mut uncovered = Vec::new();
    let mut used_allowances = BTreeSet::new();
    let mut checked = 0;
    for (index, source) in base.sources().iter().enumerate() {
        // Every kind's quotes count, periods included.
        let quotes: Vec<String> = base.all_entries().flat_map(|e| &e.quotes).filter(|q| q.source == index).map(|q| fold(&q.text)).collect();
        for section in source.sections.iter().filter(|s| !NOT_BODY.contains(&s.title.as_str())) {
            for sentence in sentences(&source.text[section.body.clone()]) {
                checked += 1;
                let folded = fold(&sentence);
                if quotes.iter().any(|q| q.contains(&folded)) {
                    continue;
                }
                let allowed: Vec<usize> = (0..allow.allow_sentence.len())
                    .filter(|&i| allow.allow_sentence[i].source == source.id && folded.contains(&fold(&allow.allow_sentence[i].sentence)))
                    .collect();
                if allowed.is_empty() {
                    uncovered.push(format!("facts/sources/{}.txt, section “{}”: {sentence}", source.id, section.title));
                }
                used_allowances.extend(allowed);
            }
        }
    }
    assert!(checked > 250, "only {checked} sentences checked");
    let stale: Vec<String> = (0..allow.allow_sentence.len())
        .filter(|i| !used_allowances.contains(i))
        .map(|i| format!("facts/sources/{}.txt: “{}”", allow.allow_sentence[i].source, allow.allow_sentence[i].sentence))
        .collect();
    let mut problems = Vec::new();
    if !uncovered.is_empty() {
        problems.push(format!(
            "{} sentences that no quote contains (quote them in an entry, or add an [[allow_sentence]] with a reason to facts/coverage-allowlist.toml):\n{}",
            uncovered.len(),
            uncovered.join("\n")
        ));
    }
    if !stale.is_empty() {
        problems.push(format!("[[allow_sentence]] lines no longer needed (the sentence is quoted now, or not in the source):\n{}", stale.join("\n")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_excerpt_of_every_answer_is_verbatim_in_its_source() {
    let base = Arc::new(shipped());
    let engine = Engine::new(base.clone(), Intents::builtin());
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let sources: Vec<(String, String)> = base.sources().iter().map(|s| (s.id.clone(), collapse(&s.text))).collect();
    let mut lines: Vec<String> = Vec::new();
    for entry in base.entries() {
        for command in ["when", "who", "treaty", "source"] {
            lines.push(format!("/{command} {}", entry.id));
        }
        if let Some(date) = &entry.date {
            lines.push(format!("/year {}", date.first_year()));
        }
    }
    for period in base.periods() {
        lines.push(format!("/period {}", period.id));
    }
    lines.push("/compare 1956 1968".into());
    lines.push("/compare 1956 1968 2".into());
    lines.push("/compare treaty-of-friendship-and-non-aggression-1941 treaty-of-friendship-and-cooperation-1945".into());
    lines.push("/compare tito-stalin-split normalization".into());
    lines.push("/timeline 1941 1948".into());
    let mut checked = 0;
    for line in &lines {
        for locale in ["en", "ar"] {
            let answer = engine.ask(line, locale);
            if !answer.facts.is_empty() {
                assert!(!answer.excerpts.is_empty(), "{line}: asserts facts without an excerpt");
            }
            for excerpt in &answer.excerpts {
                let (_, text) = sources.iter().find(|(id, _)| *id == excerpt.source).expect("excerpt names a known source");
                assert!(text.contains(&collapse(&excerpt.quote)), "{line}: excerpt not verbatim in {}: {}", excerpt.source, excerpt.quote);
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} excerpts checked");
}
