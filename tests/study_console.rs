//! `/quiz` in the console, piped: a whole round answered by typed letters,
//! each reveal quoting its source verbatim, the results agreeing with the
//! reveals, the leaderboard and stats; and a round left open when the
//! console ends, answered on the next start.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use histbot::facts::FactBase;

fn config_file(dir: &Path) -> String {
    let config = dir.join("histbot.toml");
    let facts = support::shipped_facts().display().to_string();
    std::fs::write(&config, format!("facts = {facts:?}\ndata_dir = {:?}\n[reload]\nwatch = false\n", dir.join("data").display().to_string())).unwrap();
    config.display().to_string()
}

/// Run the console with `lines` piped in; its standard output.
fn console(config: &str, lines: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["console", "--config", config])
        .current_dir(support::manifest_dir())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input: String = lines.iter().map(|line| format!("{line}\n")).collect();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The quoted lines (`  “…”`) of a reply.
fn quotes(reply: &str) -> Vec<String> {
    reply.lines().filter_map(|l| l.trim().strip_prefix('“').and_then(|q| q.strip_suffix('”'))).map(str::to_string).collect()
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_round_is_played_with_typed_letters_and_every_reveal_quotes_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path());
    let base = FactBase::load(support::shipped_facts()).unwrap();
    let sources: Vec<String> = base.sources().iter().map(|s| collapsed(&s.text)).collect();
    let out = console(&config, &["/quiz cold-war 3", "a", "b", "a", "/quiz leaderboard all", "/quiz stats"]);
    for n in 1..=3 {
        assert!(out.contains(&format!("Question {n} of 3: ")), "{out}");
        let reveal = out.split(&format!("Answer {n} of 3: ")).nth(1).unwrap_or_else(|| panic!("no reveal {n}: {out}"));
        let reveal = reveal.split("Quotes from").next().unwrap();
        let quoted = quotes(reveal);
        assert!(!quoted.is_empty(), "reveal {n} quotes nothing: {reveal}");
        for quote in quoted {
            assert!(sources.iter().any(|s| s.contains(&quote)), "not verbatim: {quote}");
        }
    }
    let right = out.matches("Right: you (").count();
    assert_eq!(out.matches("Wrong: you (").count(), 3 - right);
    assert!(out.contains(&format!("1. you — {right} of 3")), "the results agree with the reveals: {out}");
    assert!(out.contains(&format!("1. you — {right} right of 3")), "the leaderboard: {out}");
    assert!(out.contains(&format!("Your quiz statistics: {right} right of 3")), "{out}");
    assert!(out.contains("cold-war — "), "accuracy by tag: {out}");
}

#[test]
fn a_round_left_open_is_answered_after_a_restart_and_mistakes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path());
    let first = console(&config, &["/quiz treaties 2", "a", "/quiz 1941-1948"]);
    assert!(first.contains("Answer 1 of 2: ") && first.contains("Question 2 of 2: "), "{first}");
    assert!(first.contains("A round is already being played."), "one round at a time: {first}");
    // The console ended with question 2 open; the next start answers it.
    let second = console(&config, &["e", "a"]);
    assert!(second.contains("Answer 2 of 2: "), "the open round went on: {second}");
    assert!(second.contains("The round on treaties is over."), "{second}");
    assert!(!second.contains("Question 1 of"), "{second}");
    let third = console(&config, &["/quiz stop", "/quiz no-such-topic", "/quiz me 2", "/quiz stop"]);
    assert!(third.contains("No round is being played"), "{third}");
    assert!(third.contains("There is no quiz topic `no-such-topic`."), "{third}");
    assert!(third.contains("Question 1 of 2: ") && third.contains("Your round was stopped after 0 of 2 questions."), "{third}");
}
