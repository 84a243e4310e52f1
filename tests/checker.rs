//! The checker, driven by data: every case in `tests/fixtures/checker-cases.toml`
//! breaks a copy of the mini fact base in one way and expects one named rule
//! to fire at the right file and line with a plain-English message.

mod support;

use std::path::{Path, PathBuf};

use histbot::ask::Intents;
use histbot::facts::{check_dir, Severity};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    rule: String,
    #[serde(default)]
    severity: Option<String>,
    file: String,
    line: usize,
    message: String,
    help: Option<String>,
    #[serde(default)]
    write: Vec<Write>,
    #[serde(default)]
    remove: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Write {
    path: String,
    content: String,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(support::manifest_dir().join("tests/fixtures/checker-cases.toml")).expect("cases file");
    toml::from_str::<Cases>(&text).expect("cases parse").case
}

#[test]
fn the_mini_base_checks_clean() {
    let report = check_dir(support::mini_facts());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert!(report.base.is_some());
}

#[test]
fn every_rule_has_a_failing_fixture_that_names_file_and_line() {
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let dir = tempfile::tempdir().expect("temp dir");
        support::copy_dir(&support::mini_facts(), dir.path());
        for write in &case.write {
            let path = dir.path().join(&write.path);
            std::fs::write(&path, write.content.trim_start_matches('\n')).expect("write fixture");
        }
        for path in &case.remove {
            std::fs::remove_file(dir.path().join(path)).expect("remove fixture file");
        }
        let report = check_dir(dir.path().to_path_buf());
        let expected_file: PathBuf = dir.path().join(&case.file);
        let wanted_severity = match case.severity.as_deref() {
            Some("warning") => Severity::Warning,
            _ => Severity::Error,
        };
        let found = report.diagnostics.iter().find(|d| {
            d.rule == case.rule
                && d.file == expected_file
                && d.line == case.line
                && d.severity == wanted_severity
                && d.message.contains(&case.message)
                && case.help.as_ref().is_none_or(|h| d.help.contains(h))
        });
        match found {
            Some(diagnostic) => {
                assert!(!diagnostic.help.is_empty(), "{}: every diagnostic says how to fix it", case.rule);
                let rendered = diagnostic.to_string();
                assert!(rendered.contains(&format!("[{}]", case.rule)), "{rendered}");
                if wanted_severity == Severity::Error {
                    assert!(report.base.is_none(), "{}: an error must keep the base from loading", case.rule);
                }
            }
            None => failures.push(format!(
                "{} at {}:{}: not reported; got:\n{}",
                case.rule,
                case.file,
                case.line,
                report.diagnostics.iter().map(|d| format!("  {} (help: {})", d.one_line(), d.help)).collect::<Vec<_>>().join("\n")
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_named_rule_is_covered_by_a_case() {
    let covered: Vec<String> = cases().into_iter().map(|c| c.rule).collect();
    let documented = include_str!("../src/facts/check.rs");
    for line in documented.lines().filter(|l| l.starts_with("//! | `")) {
        for rule in line.split('|').nth(1).unwrap_or("").split(',') {
            let rule = rule.trim().trim_matches('`').trim_end_matches("` (warning)").trim_matches('`');
            let rule = rule.split_whitespace().next().unwrap_or("").trim_matches('`');
            if !rule.is_empty() && rule != "rule" {
                assert!(covered.iter().any(|c| c == rule), "rule `{rule}` has no failing fixture");
            }
        }
    }
}

#[test]
fn all_problems_come_in_one_run_sorted() {
    let dir = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::mini_facts(), dir.path());
    std::fs::write(dir.path().join("events/a-bad.toml"), "id = \"a-bad\"\ntitle = \"x\"\ndate = \"19xx\"\nsummary = \"x\"\npeople = [\"nobody\"]\n").unwrap();
    std::fs::write(dir.path().join("people/zz.toml"), "id = \"zz\"\ntitle = [1]\n").unwrap();
    let report = check_dir(dir.path().to_path_buf());
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
    for rule in ["bad-date", "dangling-reference", "no-source", "wrong-type"] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
    let positions: Vec<(PathBuf, usize)> = report.diagnostics.iter().map(|d| (d.file.clone(), d.line)).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "diagnostics are sorted by file and line");
}

#[test]
fn the_loader_never_panics_on_junk() {
    let junk: [&[u8]; 6] = [b"\xff\xfe\x00garbage", b"[[[", b"id = 5", b"= = =", b"id = \"x\"\n[[source]]\nquote = 3\n", b""];
    for bytes in junk {
        let dir = tempfile::tempdir().expect("temp dir");
        support::copy_dir(&support::mini_facts(), dir.path());
        std::fs::write(dir.path().join("events/junk.toml"), bytes).unwrap();
        let report = check_dir(dir.path().to_path_buf());
        assert!(report.base.is_none(), "junk {bytes:?} must not load");
        assert!(report.diagnostics.iter().any(|d| d.file.ends_with("junk.toml")));
    }
    let report = check_dir(PathBuf::from("/nonexistent/facts"));
    assert_eq!(report.diagnostics[0].rule, "no-fact-directory");
}

#[test]
fn intent_rules_are_validated() {
    let path = Path::new("intents.toml");
    let content = "[[intent]]\ncommand = \"whne\"\npatterns = ['x']\n\n[[intent]]\ncommand = \"when\"\npatterns = ['(?P<arg>unclosed', '(?P<person>.+)']\n";
    let mut diagnostics = Vec::new();
    Intents::parse(path, content, &mut diagnostics);
    let rules: Vec<(&str, usize)> = diagnostics.iter().map(|d| (d.rule, d.line)).collect();
    assert!(rules.contains(&("unknown-command", 2)), "{rules:?}");
    assert!(rules.contains(&("bad-intent-pattern", 7)), "{rules:?}");
    assert!(rules.contains(&("bad-intent-group", 7)), "{rules:?}");
    assert!(Intents::load(&support::manifest_dir().join("config/intents.toml")).is_ok(), "shipped intents are valid");
}

/// The claim rules accept what the quotes state in other words: thousands
/// separators, ranges, abbreviations, adjectives for states, combining
/// forms, missing diacritics, a role's case, a date label's season as
/// "fall" for "autumn", a surname for a signatory.
#[test]
fn claims_may_be_worded_as_the_quotes_word_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::mini_facts(), dir.path());
    let demo = dir.path().join("sources/demo.txt");
    let mut text = std::fs::read_to_string(&demo).expect("demo source");
    text.push_str("\nThe Kingdom of Yugoslavia became home for 40,000 exiles loyal to the late Russian Empire in the autumn of 1921. The new political regime of prime minister Nikola Pašić re-orientated Serbia towards Russia, and the Russo-Serbian treaty was signed by Pašić in Saint Petersburg.\n");
    std::fs::write(&demo, text).expect("write demo source");
    let quote = "The Kingdom of Yugoslavia became home for 40,000 exiles loyal to the late Russian Empire in the autumn of 1921.";
    let treaty_quote = "The new political regime of prime minister Nikola Pašić re-orientated Serbia towards Russia, and the Russo-Serbian treaty was signed by Pašić in Saint Petersburg.";
    let files = [
        ("events/exiles.toml", format!("id = \"exiles\"\ntitle = \"40 000 exiles (1921)\"\ndate = \"1921-23\"\ndate_label = \"fall of 1921\"\nsummary = \"Yugoslavia took in 40000 exiles loyal to the Russian Empire.\"\n[[source]]\nsource = \"demo\"\nsection = \"Normalization\"\nquote = \"{quote}\"\n")),
        ("people/nikola-pasic.toml", format!("id = \"nikola-pasic\"\ntitle = \"Nikola Pasic\"\nroles = [\"Prime Minister\"]\nsummary = \"Pasic re-orientated Serbia towards Russia.\"\n[[source]]\nsource = \"demo\"\nsection = \"Normalization\"\nquote = \"{treaty_quote}\"\n")),
        ("treaties/russo-serbian-treaty.toml", format!("id = \"russo-serbian-treaty\"\ntitle = \"Russo-Serbian treaty\"\ndate = \"1921\"\nsummary = \"Serbia turned towards Russia.\"\nparties = [\"Russia\", \"the Kingdom of Serbia\"]\nsignatories = [\"nikola-pasic\"]\nplace = \"St Petersburg\"\n[[source]]\nsource = \"demo\"\nsection = \"Normalization\"\nquote = \"{treaty_quote}\"\n[[source]]\nsource = \"demo\"\nsection = \"Normalization\"\nquote = \"{quote}\"\n")),
    ];
    for (path, content) in &files {
        std::fs::write(dir.path().join(path), content).expect("write fixture");
    }
    let report = check_dir(dir.path().to_path_buf());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics.iter().map(|d| d.one_line()).collect::<Vec<_>>());
    assert!(report.base.is_some());
}
