//! The unanswered-question log through the real service (SQLite and, when
//! `HISTBOT_TEST_POSTGRES` is set, PostgreSQL), the console front end and
//! `histbot facts gaps --json`: repeated questions are counted, who asked
//! is never stored, a "did you mean" the asker resolves is not a gap, and
//! moderators mark gaps done or out of scope.

mod support;

#[path = "support/postgres.rs"]
mod pg;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use histbot::ask::Outcome;
use histbot::config::{Config, GapsConfig};
use histbot::service::{Asker, Service};
use histbot::store::Page;

/// A service over `facts` with its data in `dir`, on SQLite or on a PostgreSQL schema of its own.
fn start(dir: &Path, facts: &Path, database: Option<String>) -> Arc<Service> {
    let mut config = Config {
        facts: facts.to_path_buf(),
        intents: support::manifest_dir().join("config/intents.toml"),
        data_dir: dir.join("data"),
        database,
        ..Config::default()
    };
    config.reload.watch = false;
    Service::start(&config).expect("the service starts")
}

/// SQLite, and PostgreSQL when the test server is there.
fn databases(test: &str) -> Vec<(&'static str, Option<String>)> {
    let mut databases = vec![("sqlite", None)];
    if let Some(url) = pg::url() {
        databases.push(("postgres", Some(pg::schema(&url, test))));
    }
    databases
}

fn student(id: &str, platform: &str, place: &str) -> Asker {
    Asker { platform: platform.into(), user_id: id.into(), display_name: format!("Student {id}"), is_moderator: false, locale: "en".into(), place: Some(place.into()) }
}

fn moderator() -> Asker {
    Asker { is_moderator: true, ..student("mod-7", "discord", "Discord server 5") }
}

#[test]
fn unanswered_questions_are_counted_per_question_and_never_name_the_asker() {
    for (backend, database) in databases("gaps_service") {
        let dir = tempfile::tempdir().unwrap();
        let service = start(dir.path(), &support::mini_facts(), database);
        let askers = [student("secret-user-1", "discord", "Discord server 5"), student("secret-user-2", "matrix", "Matrix room !r:x"), student("secret-user-3", "discord", "Discord server 5")];
        for (asker, text) in askers.iter().zip(["What is the capital of Peru?", "what is the capital of peru", "  WHAT is the capital   of Peru ?! "]) {
            assert_eq!(service.handle_line(text, &['/'], asker).outcome, Outcome::NotFound, "{backend}");
        }
        assert_eq!(service.handle_line("/when atlantis", &['/'], &askers[0]).outcome, Outcome::NotFound);
        assert_eq!(service.handle_line("/who tito", &['/'], &askers[0]).outcome, Outcome::Facts, "an answer is not a gap");
        assert_eq!(service.handle_line("/help", &['/'], &askers[0]).outcome, Outcome::Help);

        let (gaps, total) = service.store().gaps(0, Page::first(10)).unwrap();
        assert_eq!(total, 2, "{backend}: {gaps:?}");
        assert_eq!((gaps[0].question.as_str(), gaps[0].asked), ("what is the capital of peru", 3), "{backend}");
        assert_eq!(gaps[0].places, ["discord: Discord server 5", "matrix: Matrix room !r:x"]);
        assert_eq!((gaps[1].question.as_str(), gaps[1].asked), ("when atlantis", 1));

        // Students cannot see the list; a moderator can.
        assert_eq!(service.handle_line("/facts gaps", &['/'], &askers[0]).outcome, Outcome::Error);
        let listing = service.handle_line("/facts gaps", &['/'], &moderator());
        let text: Vec<&str> = listing.parts.iter().map(|p| p.text.as_str()).collect();
        assert!(text[0].contains(&format!("#{} · asked 3× · “what is the capital of peru”", gaps[0].id)), "{backend}: {text:?}");
        assert!(listing.headline.contains("last 30 days"), "{}", listing.headline);

        // Marked done: gone from the list, and the audit log says who did it.
        let done = service.handle_line(&format!("/facts gaps done {}", gaps[0].id), &['/'], &moderator());
        assert_eq!(done.outcome, Outcome::Notice, "{done:?}");
        let scoped = service.handle_line(&format!("/facts gaps out-of-scope #{}", gaps[1].id), &['/'], &moderator());
        assert_eq!(scoped.outcome, Outcome::Notice, "{scoped:?}");
        assert_eq!(service.handle_line("/facts gaps done 99999", &['/'], &moderator()).outcome, Outcome::Error);
        assert!(service.handle_line("/facts gaps", &['/'], &moderator()).headline.starts_with("No unanswered questions"));
        let audit = service.store().history(None, Page::first(10)).unwrap();
        let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
        assert_eq!(actions, ["gap-out-of-scope", "gap-done"], "{backend}");
        assert!(audit[0].actor.contains("mod-7"));

        // Who asked is nowhere in the database.
        service.flush().unwrap();
        if backend == "sqlite" {
            let mut bytes = std::fs::read(dir.path().join("data/histbot.sqlite3")).unwrap();
            bytes.extend(std::fs::read(dir.path().join("data/histbot.sqlite3-wal")).unwrap_or_default());
            for asker in &askers {
                assert!(!contains(&bytes, asker.user_id.as_bytes()) && !contains(&bytes, asker.display_name.as_bytes()), "{} is in the database", asker.user_id);
            }
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A question the shipped base answers with "did you mean" (the first of a few that does).
fn ambiguous_question(service: &Service) -> (String, Vec<String>) {
    for question in ["agreement", "the visit", "visit", "treaty of friendship"] {
        let answer = service.engine().ask(question, "en");
        if answer.outcome == Outcome::Ambiguous {
            let considered = histbot::service::gaps::considered(&service.engine(), &answer);
            assert!(considered.len() >= 2, "{answer:?}");
            return (question.to_string(), considered);
        }
    }
    panic!("none of the probe questions is a \"did you mean\" on the shipped base any more; add one that is");
}

#[test]
fn a_did_you_mean_is_a_gap_only_when_nobody_picks_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let service = start(dir.path(), &support::shipped_facts(), None);
    let (question, considered) = ambiguous_question(&service);
    let picker = student("picker", "discord", "Discord server 5");
    let leaver = student("leaver", "matrix", "Matrix room !r:x");
    assert_eq!(service.handle_line(&question, &['/'], &picker).outcome, Outcome::Ambiguous);
    assert_eq!(service.handle_line(&question, &['/'], &leaver).outcome, Outcome::Ambiguous);
    assert_eq!(service.store().gaps(0, Page::first(10)).unwrap().1, 0, "a did-you-mean waits for the asker's choice");
    // The picker chooses one of the suggestions; the leaver asks something else.
    let command = service.engine().base().get(&considered[0]).map(|e| histbot::ask::engine::suggestion(e)).unwrap();
    let pick = command.rsplit_once(": ").unwrap().1;
    assert_eq!(service.handle_line(pick, &['/'], &picker).outcome, Outcome::Facts, "{pick}");
    assert_eq!(service.handle_line("/who tito", &['/'], &leaver).outcome, Outcome::Facts);
    let (gaps, total) = service.store().gaps(0, Page::first(10)).unwrap();
    assert_eq!(total, 1, "{gaps:?}");
    assert_eq!((gaps[0].asked, &gaps[0].places), (1, &vec!["matrix: Matrix room !r:x".to_string()]));
    assert_eq!(gaps[0].considered, considered, "the entries the matcher considered");
    // One still waiting when the bot stops is logged then.
    service.handle_line(&question, &['/'], &picker);
    service.flush().unwrap();
    assert_eq!(service.store().gaps(0, Page::first(10)).unwrap().0[0].asked, 2);
}

#[test]
fn retention_zero_records_nothing_and_old_asks_are_pruned_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config { facts: support::mini_facts(), intents: support::manifest_dir().join("config/intents.toml"), data_dir: dir.path().join("data"), ..Config::default() };
    config.reload.watch = false;
    let service = Service::start(&config).unwrap();
    let old = histbot::store::UnansweredAsk { question: "old question".into(), platform: "console".into(), place: None, considered: vec![] };
    service.store().log_unanswered(&old, histbot::store::unix_now() - 91 * 86_400).unwrap();
    service.store().log_unanswered(&histbot::store::UnansweredAsk { question: "recent".into(), ..old.clone() }, histbot::store::unix_now() - 89 * 86_400).unwrap();
    drop(service);
    let service = Service::start(&config).unwrap();
    let kept: Vec<String> = service.store().gaps(0, Page::first(10)).unwrap().0.into_iter().map(|g| g.question).collect();
    assert_eq!(kept, ["recent"], "90 days by default");
    drop(service);

    config.gaps = GapsConfig { retention_days: 0, ..GapsConfig::default() };
    let service = Service::start(&config).unwrap();
    assert_eq!(service.store().gaps(0, Page::first(10)).unwrap().1, 0, "retention 0 forgets everything");
    service.handle_line("what is the capital of peru", &['/'], &student("u", "console", "here"));
    assert_eq!(service.store().gaps(0, Page::first(10)).unwrap().1, 0, "retention 0 records nothing");
    assert!(service.handle_line("/facts gaps", &['/'], &moderator()).headline.contains("off"));
}

#[test]
fn the_console_logs_what_it_could_not_answer_and_facts_gaps_json_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("histbot.toml");
    let mini = support::mini_facts().display().to_string();
    std::fs::write(&config, format!("facts = {mini:?}\ndata_dir = {:?}\n[reload]\nwatch = false\n", dir.path().join("data").display().to_string())).unwrap();
    let config = config.display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["console", "--config", &config])
        .current_dir(support::manifest_dir())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("What is the Eiffel Tower?\nwhat is the eiffel tower\n/facts gaps\n".as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("asked 2× · “what is the eiffel tower”"), "{text}");

    let output = Command::new(env!("CARGO_BIN_EXE_histbot")).args(["facts", "gaps", "--json", "--config", &config]).env("RUST_LOG", "warn").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(value["window_days"], 30);
    assert_eq!(value["gaps"][0]["question"], "what is the eiffel tower");
    assert_eq!(value["gaps"][0]["asked"], 2);
    assert_eq!(value["gaps"][0]["places"][0], "console");
    assert_eq!(value["gaps"][0]["status"], "open");
}
