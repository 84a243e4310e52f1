//! Live reload and moderation, against the real service: atomic swaps under
//! load, broken edits that never reach users, the watcher, gating, reports.

mod support;

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use histbot::ask::Outcome;
use histbot::config::Config;
use histbot::service::{watch, Asker, ReloadOutcome, Service};

const ORDER_OF_LENIN: &str = "events/tito-order-of-lenin.toml";
const LONG_QUOTE: &str = "On 5 June 1972 Josip Broz Tito received the Order of Lenin, the highest national order of the Soviet Union.";
const SHORT_QUOTE: &str = "On 5 June 1972 Josip Broz Tito received the Order of Lenin";

/// One version of the Order of Lenin entry: (title, quote).
fn variant(version: usize) -> (&'static str, &'static str) {
    if version.is_multiple_of(2) { ("Tito receives the Order of Lenin", LONG_QUOTE) } else { ("Order of Lenin awarded to Tito", SHORT_QUOTE) }
}

fn entry_text(title: &str, quote: &str) -> String {
    format!(
        "id = \"tito-order-of-lenin\"\ntitle = \"{title}\"\ndate = \"1972-06-05\"\nsummary = \"Josip Broz Tito received the Order of Lenin.\"\npeople = [\"josip-broz-tito\"]\n\n[[source]]\nsource = \"demo\"\nsection = \"Normalization\"\nquote = \"{quote}\"\n"
    )
}

fn start(dir: &Path) -> Arc<Service> {
    let config = Config {
        facts: dir.join("facts"),
        intents: support::manifest_dir().join("config/intents.toml"),
        data_dir: dir.join("data"),
        ..Config::default()
    };
    Service::start(&config).expect("the service starts on a clean base")
}

fn fresh_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    support::copy_dir(&support::mini_facts(), &dir.path().join("facts"));
    dir
}

fn user() -> Asker {
    Asker { platform: "test".into(), user_id: "student".into(), display_name: "student".into(), is_moderator: false, locale: "en".into(), place: None }
}

#[test]
fn two_hundred_reloads_under_concurrent_queries_never_mix_two_bases() {
    let dir = fresh_copy();
    let service = start(dir.path());
    let done = Arc::new(AtomicBool::new(false));
    let answered = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (service, done, answered) = (service.clone(), done.clone(), answered.clone());
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    let answer = service.handle_line("/when tito-order-of-lenin", &['/'], &user());
                    assert_eq!(answer.outcome, Outcome::Facts, "{answer:?}");
                    let quote = &answer.excerpts[0].quote;
                    let (title, expected) = if answer.headline.starts_with(variant(0).0) { variant(0) } else { variant(1) };
                    assert!(answer.headline.starts_with(title));
                    assert_eq!(quote, expected, "headline from one base, excerpt from another: {answer:?}");
                    answered.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for version in 1..=200 {
        let (title, quote) = variant(version);
        std::fs::write(dir.path().join("facts").join(ORDER_OF_LENIN), entry_text(title, quote)).unwrap();
        match service.reload() {
            ReloadOutcome::Swapped { .. } => {}
            other => panic!("reload {version} did not swap: {other:?}"),
        }
    }
    done.store(true, Ordering::Relaxed);
    for reader in readers {
        reader.join().expect("a reader saw a mixed or failed answer");
    }
    assert!(answered.load(Ordering::Relaxed) > 0);
    let last = service.handle_line("/when tito-order-of-lenin", &['/'], &user());
    assert!(last.headline.starts_with(variant(200).0));
}

#[test]
fn broken_edits_keep_the_old_entry_answering_and_report_the_error() {
    let dir = fresh_copy();
    let service = start(dir.path());
    let mut notices = service.subscribe();
    let path = dir.path().join("facts").join(ORDER_OF_LENIN);
    let good = std::fs::read_to_string(&path).unwrap();
    let broken_edits = [
        ("toml-syntax", good.replace("title = \"Tito receives", "title = Tito receives")),
        ("dangling-reference", good.replace("people = [\"josip-broz-tito\"]", "people = [\"josip-tito\"]")),
        ("quote-not-in-source", good.replace("the highest national order", "the highest order")),
    ];
    for (rule, text) in broken_edits {
        std::fs::write(&path, text).unwrap();
        let ReloadOutcome::Rejected { diagnostics } = service.reload() else { panic!("{rule}: a broken edit was swapped in") };
        assert!(diagnostics.iter().any(|d| d.rule == rule && d.file.ends_with("tito-order-of-lenin.toml") && d.line > 0), "{rule}: {diagnostics:?}");
        let notice = notices.try_recv().expect("moderators are told");
        assert!(histbot::ask::render::plain(&notice.answer).contains(rule), "{rule}");
        let answer = service.handle_line("/when tito-order-of-lenin", &['/'], &user());
        assert_eq!(answer.outcome, Outcome::Facts, "{rule}: the old entry keeps answering");
        assert_eq!(answer.excerpts[0].quote, LONG_QUOTE);
        let status = service.handle_line("/facts status", &['/'], &Asker { is_moderator: true, ..user() });
        assert!(histbot::ask::render::plain(&status).contains(rule), "facts status shows the last error");
    }
}

#[test]
fn fixing_the_file_goes_live_through_the_watcher_without_a_restart() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let dir = fresh_copy();
        let service = start(dir.path());
        let _guard = watch::watch_files(service.clone(), Duration::from_millis(100)).expect("watching works here");
        let path = dir.path().join("facts").join(ORDER_OF_LENIN);
        std::fs::write(&path, "id = \"tito-order-of-lenin\"\ntitle = \"broken").unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        let (title, quote) = variant(1);
        std::fs::write(&path, entry_text(title, quote)).unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let answer = service.handle_line("/when tito-order-of-lenin", &['/'], &user());
            assert_eq!(answer.outcome, Outcome::Facts);
            if answer.headline.starts_with(title) {
                assert_eq!(answer.excerpts[0].quote, quote);
                break;
            }
            assert!(Instant::now() < deadline, "the fixed file never went live");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
}

#[test]
fn moderator_commands_are_refused_to_everyone_else() {
    let dir = fresh_copy();
    let service = start(dir.path());
    for line in ["/reload", "/facts status", "/facts check", "/facts reports", "/facts close 1"] {
        let answer = service.handle_line(line, &['/'], &user());
        assert_eq!(answer.outcome, Outcome::Error, "{line}");
        assert!(answer.headline.contains("Only moderators"), "{line}");
        let moderator = service.handle_line(line, &['/'], &Asker { is_moderator: true, ..user() });
        assert!(!moderator.headline.contains("Only moderators"), "{line}");
    }
}

#[test]
fn reports_survive_a_restart_and_moderators_can_close_them() {
    let dir = fresh_copy();
    {
        let service = start(dir.path());
        let mut notices = service.subscribe();
        let answer = service.handle_line("/report belgrade-declaration the year looks wrong", &['/'], &user());
        assert_eq!(answer.outcome, Outcome::Notice, "{answer:?}");
        assert!(notices.try_recv().is_ok(), "moderators get a notice");
    }
    let service = start(dir.path());
    let moderator = Asker { is_moderator: true, ..user() };
    let listed = histbot::ask::render::plain(&service.handle_line("/facts reports", &['/'], &moderator));
    assert!(listed.contains("#1 belgrade-declaration — the year looks wrong"), "{listed}");
    let closed = service.handle_line("/facts close 1", &['/'], &moderator);
    assert_eq!(closed.headline, "Report #1 closed.");
    let listed = service.handle_line("/facts reports", &['/'], &moderator);
    assert_eq!(listed.headline, "0 open reports");
}

#[test]
fn the_report_rate_limit_survives_a_restart_and_reports_name_their_place() {
    let dir = fresh_copy();
    let from_room = Asker { place: Some("Matrix room !history:example.org".into()), ..user() };
    {
        let service = start(dir.path());
        for n in 0..5 {
            let answer = service.handle_line(&format!("/report belgrade-declaration wrong year {n}"), &['/'], &from_room);
            assert_eq!(answer.outcome, Outcome::Notice, "{answer:?}");
        }
    }
    let service = start(dir.path());
    let refused = service.handle_line("/report belgrade-declaration once more", &['/'], &from_room);
    assert_eq!(refused.headline, "You have filed many reports recently.", "a restart reset the limit");
    let moderator = Asker { is_moderator: true, ..user() };
    let listed = histbot::ask::render::plain(&service.handle_line("/facts reports", &['/'], &moderator));
    assert!(listed.contains("(from student on test, Matrix room !history:example.org)"), "{listed}");
}
