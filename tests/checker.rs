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
    /// Named pipes to create (Unix only).
    #[serde(default)]
    fifo: Vec<String>,
    /// Symbolic links to create (Unix only).
    #[serde(default)]
    symlink: Vec<Link>,
}

#[derive(Debug, Deserialize)]
struct Write {
    path: String,
    content: String,
    /// Write the content this many times (for size limits).
    #[serde(default)]
    repeat: Option<usize>,
}

#[derive(Debug, Deserialize)]
struct Link {
    path: String,
    target: String,
}

/// Set up one case in a copy of the mini base.
fn prepare(case: &Case, dir: &Path) {
    support::copy_dir(&support::mini_facts(), dir);
    for write in &case.write {
        let content = write.content.trim_start_matches('\n').repeat(write.repeat.unwrap_or(1));
        std::fs::write(dir.join(&write.path), content).expect("write fixture");
    }
    for path in &case.remove {
        std::fs::remove_file(dir.join(path)).expect("remove fixture file");
    }
    for path in &case.fifo {
        make_fifo(&dir.join(path));
    }
    for link in &case.symlink {
        let path = dir.join(&link.path);
        let _ = std::fs::remove_file(&path);
        symlink(Path::new(&link.target), &path);
    }
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
fn symlink(target: &Path, path: &Path) {
    std::os::unix::fs::symlink(target, path).expect("create symlink");
}

#[cfg(not(unix))]
fn make_fifo(_: &Path) {}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) {}

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
        if cfg!(not(unix)) && !(case.fifo.is_empty() && case.symlink.is_empty()) {
            continue;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        prepare(case, dir.path());
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

/// The secret the special-file tests put in the child's environment.
const SECRET: &str = "HISTBOT_TEST_SECRET_VALUE_5f2c9e";

/// Run `histbot check` on `dir` with a secret in its environment, failing the
/// test if it has not finished within a minute.
fn check_binary(dir: &Path) -> std::process::Output {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["check", "--intents", "/nonexistent/intents.toml"])
        .arg(dir)
        .env("HISTBOT_TEST_SECRET", SECRET)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run histbot check");
    let pid = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    match receiver.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(output) => output.expect("histbot check output"),
        Err(_) => {
            let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("`histbot check` did not finish within a minute on {}", dir.display());
        }
    }
}

/// A FIFO, a link to /dev/zero and links to /proc/self/environ (as an entry
/// and as sources.toml) in one base: `check` finishes, names each file with
/// its rule, exits 1, and prints nothing of the environment.
#[cfg(unix)]
#[test]
fn special_files_are_refused_and_never_echoed() {
    let dir = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::mini_facts(), dir.path());
    make_fifo(&dir.path().join("events/pipe.toml"));
    symlink(Path::new("/dev/zero"), &dir.path().join("events/zero.toml"));
    symlink(Path::new("/proc/self/environ"), &dir.path().join("people/environ.toml"));
    std::fs::write(dir.path().join("events/env.toml"), format!("HISTBOT_TEST_SECRET={SECRET}\0PATH=/usr/bin\0")).unwrap();
    let output = check_binary(dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for (rule, file) in [
        ("not-a-regular-file", "events/pipe.toml"),
        ("outside-fact-directory", "events/zero.toml"),
        ("outside-fact-directory", "people/environ.toml"),
        ("binary-file", "events/env.toml"),
    ] {
        let found = stderr.lines().zip(stderr.lines().skip(1)).any(|(head, at)| head.starts_with(&format!("error[{rule}]")) && at.contains(file));
        assert!(found, "{rule} at {file} missing:\n{stderr}");
    }
    assert!(!stdout.contains(SECRET) && !stderr.contains(SECRET), "the environment leaked:\n{stdout}\n{stderr}");

    std::fs::remove_file(dir.path().join("sources.toml")).unwrap();
    symlink(Path::new("/proc/self/environ"), &dir.path().join("sources.toml"));
    let output = check_binary(dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[outside-fact-directory]") && stderr.contains("sources.toml"), "{stderr}");
    assert!(!stderr.contains(SECRET), "the environment leaked:\n{stderr}");
}

/// A reload finds the FIFO too, at once, and the live base keeps serving.
#[cfg(unix)]
#[test]
fn a_fifo_never_stalls_a_reload() {
    use histbot::service::{ReloadOutcome, Service};
    let dir = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::mini_facts(), &dir.path().join("facts"));
    let config = histbot::config::Config {
        facts: dir.path().join("facts"),
        intents: support::manifest_dir().join("config/intents.toml"),
        data_dir: dir.path().join("data"),
        ..histbot::config::Config::default()
    };
    let service = Service::start(&config).expect("the service starts on a clean base");
    make_fifo(&dir.path().join("facts/events/pipe.toml"));
    let started = std::time::Instant::now();
    let ReloadOutcome::Rejected { diagnostics } = service.reload() else { panic!("a base with a FIFO was swapped in") };
    assert!(started.elapsed() < histbot::service::watch::RELOAD_TIMEOUT, "the reload waited for the FIFO");
    assert!(diagnostics.iter().any(|d| d.rule == "not-a-regular-file" && d.file.ends_with("events/pipe.toml")), "{diagnostics:?}");
    assert!(service.status().last_error.is_some_and(|e| e.contains("not-a-regular-file")));
    assert_eq!(service.engine().base().count(histbot::facts::Kind::Event), 2, "the last good base keeps serving");
}

/// `check` exits 2 when there is nothing to check, and says why.
#[test]
fn check_exits_2_for_a_missing_directory_or_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = check_binary(&dir.path().join("missing"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("this fact directory does not exist"));
    std::fs::write(dir.path().join("facts"), "not a directory").unwrap();
    let output = check_binary(&dir.path().join("facts"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("this is a file, not a fact directory"));
}
