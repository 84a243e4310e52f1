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
