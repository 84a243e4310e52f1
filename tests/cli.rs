//! The `histbot` binary as a user runs it: output shapes and exit codes.

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn histbot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(args)
        .current_dir(support::manifest_dir())
        .env("RUST_LOG", "warn")
        .output()
        .expect("run histbot")
}

fn mini() -> String {
    support::mini_facts().display().to_string()
}

#[test]
fn ask_json_prints_exactly_one_object_with_the_fact_and_its_quote() {
    let output = histbot(&["ask", "--json", "--facts", &mini(), "/when belgrade-declaration"]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.trim().lines().count(), 1, "one JSON object on one line: {stdout}");
    let value: serde_json::Value = serde_json::from_str(stdout.trim()).expect("valid JSON");
    assert_eq!(value["intent"], "when");
    assert_eq!(value["facts"][0]["id"], "belgrade-declaration");
    assert_eq!(value["facts"][0]["kind"], "treaty");
    assert_eq!(value["facts"][0]["date"], "1955");
    let quote = value["excerpts"][0]["quote"].as_str().unwrap();
    assert!(quote.contains("signing of the Belgrade declaration"), "{quote}");
    for key in ["source", "title", "section", "quote", "url", "lang"] {
        assert!(value["excerpts"][0][key].is_string(), "excerpt.{key}");
    }
    assert!(value["text"].as_str().unwrap().contains("1955"));
    assert!(value["suggestions"].is_array());
}

#[test]
fn ask_with_arabic_locale_quotes_the_arabic_lead_first() {
    let output = histbot(&["ask", "--json", "--locale", "ar", "--facts", &mini(), "/when belgrade-declaration"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["excerpts"][0]["lang"], "ar");
    assert_eq!(value["excerpts"][1]["lang"], "en");
}

#[test]
fn not_found_is_a_reply_not_a_failure() {
    let output = histbot(&["ask", "--json", "--facts", &mini(), "what is the capital of Peru?"]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["facts"].as_array().map(Vec::len), Some(0));
    assert!(value["text"].as_str().unwrap().starts_with("I don't know"));
}

#[test]
fn exit_codes_follow_the_contract() {
    let broken = tempfile::tempdir().unwrap();
    support::copy_dir(&support::mini_facts(), broken.path());
    std::fs::write(broken.path().join("events/x.toml"), "id = \"x\"\n").unwrap();
    let broken_path = broken.path().display().to_string();

    let check_clean = histbot(&["check", &mini()]);
    assert_eq!(check_clean.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&check_clean.stdout);
    assert!(summary.contains("2 events, 1 treaties, 1 people"), "{summary}");

    let check_broken = histbot(&["check", &broken_path]);
    assert_eq!(check_broken.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check_broken.stderr);
    assert!(stderr.contains("error[missing-key]") && stderr.contains("x.toml:1:1"), "{stderr}");

    assert_eq!(histbot(&["check", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(histbot(&["ask"]).status.code(), Some(2));
    let ask_broken = histbot(&["ask", "--facts", &broken_path, "/help"]);
    assert_eq!(ask_broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&ask_broken.stderr).contains("missing-key"));
}

#[test]
fn the_console_answers_piped_lines_until_end_of_input() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("histbot.toml");
    std::fs::write(
        &config,
        format!("facts = {:?}\ndata_dir = {:?}\n[reload]\nwatch = false\n", mini(), dir.path().join("data").display().to_string()),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["console", "--config", &config.display().to_string()])
        .current_dir(support::manifest_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("/who tito\nwhen did Tito get the Order of Lenin?\n/frobnicate\n\nwhat is the Eiffel Tower?\n".as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Josip Broz Tito\n"), "{text}");
    assert!(text.contains("Tito receives the Order of Lenin — 5 June 1972"), "{text}");
    assert!(text.contains("There is no command `frobnicate`."), "{text}");
    assert!(text.contains("I don't know about “what is the Eiffel Tower?”"), "{text}");
}

#[test]
fn a_bad_config_names_the_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("histbot.toml");
    std::fs::write(&config, "facts = \"facts\"\n\n[matrix]\nprefx = \"!\"\n").unwrap();
    let output = histbot(&["run", "--config", &config.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown field `prefx`") && stderr.contains("histbot.toml:4:1"), "{stderr}");
}

/// A config for the console over the mini base, with its data in `dir`.
fn console_config(dir: &std::path::Path) -> String {
    let config = dir.join("histbot.toml");
    std::fs::write(&config, format!("facts = {:?}\ndata_dir = {:?}\n[reload]\nwatch = false\n", mini(), dir.join("data").display().to_string())).unwrap();
    config.display().to_string()
}

#[test]
fn the_console_answers_a_bad_line_with_an_error_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let config = console_config(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["console", "--config", &config])
        .current_dir(support::manifest_dir())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = b"/when belgrade-declaration\n\xff\xfe not UTF-8\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 100_000));
    input.extend_from_slice(b"\n/who \x1b]0;pwned\x07tito \x1b[31m\n/who tito\n");
    let mut stdin = child.stdin.take().unwrap();
    // A console that gives up early closes its input: that shows below.
    let writer = std::thread::spawn(move || drop(stdin.write_all(&input)));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("the console writes UTF-8");
    let replies: Vec<&str> = text.split("\n\n\n").collect();
    assert!(text.contains("Belgrade"), "{text}");
    assert!(text.contains("That line is not valid UTF-8 text."), "{text}");
    assert!(text.contains("That line is too long (100000 bytes)."), "{text}");
    assert!(text.contains("That line has control characters in it"), "{text}");
    assert!(text.contains("Josip Broz Tito\n"), "the line after them is answered: {text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{replies:?}");
}

#[test]
fn terminal_escapes_in_a_question_never_reach_the_terminal() {
    let question = "what about \u{1b}]0;pwned\u{7} \u{1b}[31mred\u{1b}[0m and \u{202E}desrever?";
    let output = histbot(&["ask", "--facts", &mini(), question]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("I don't know about"), "{text}");
    assert!(!text.chars().any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202E}'), "{text:?}");
}

#[test]
fn sigterm_stops_the_console_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let config = console_config(dir.path());
    let mut bot = support::process::Histbot::start(&support::manifest_dir(), &["console", "--config", &config], &[]);
    bot.stdin.as_mut().unwrap().write_all(b"/who tito\n").unwrap();
    bot.wait_for_stdout("Josip Broz Tito\n");
    // Standard input stays open: the console is waiting for the next line.
    bot.signal("TERM");
    let status = bot.wait();
    assert_eq!(status.code(), Some(0), "stderr:\n{}", bot.stderr());
    let log = bot.stderr();
    assert!(log.contains("stopping: no new questions") && log.contains("shut down cleanly") && log.contains("SIGTERM"), "{log}");
}

#[test]
fn sigint_stops_the_console_cleanly_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = console_config(dir.path());
    let mut bot = support::process::Histbot::start(&support::manifest_dir(), &["console", "--config", &config], &[]);
    bot.wait_for_stdout("Type /help");
    bot.signal("INT");
    assert_eq!(bot.wait().code(), Some(0), "stderr:\n{}", bot.stderr());
    assert!(bot.stderr().contains("SIGINT"), "{}", bot.stderr());
}
