//! The store's test suite, run on SQLite and, when `HISTBOT_TEST_POSTGRES`
//! holds a URL (see scripts/postgres.sh), on a real PostgreSQL: each test on
//! PostgreSQL gets a schema of its own. Without the variable the PostgreSQL
//! half is skipped with a printed reason; `HISTBOT_REQUIRE_POSTGRES=1` makes
//! that a failure instead.

#[path = "support/postgres.rs"]
mod pg;

use std::sync::Arc;
use std::thread;

use histbot::store::{self, Filed, GapStatus, ImportedReport, Limit, Location, NewAudit, NewReport, Page, Report, Store, StoreError, UnansweredAsk, Which};

use pg::{backends, password as postgres_password, Backend};

/// Run `test` on a migrated store of every backend.
fn on_every_backend(name: &str, test: impl Fn(&Backend, Arc<dyn Store>)) {
    for backend in backends(name) {
        let store = store::open_migrated(&backend.location).unwrap_or_else(|e| panic!("{}: {e}", backend.name));
        eprintln!("{name} on {}", backend.name);
        test(&backend, store);
    }
}

fn new(entry: &str, user: &str) -> NewReport {
    NewReport { entry: entry.into(), text: "wrong".into(), reporter: user.into(), reporter_id: user.into(), platform: "test".into(), place: None, reply_to: None }
}

const LIMIT: Limit = Limit { per_user: 1000, window_secs: 3600 };
const NOW: u64 = 1_800_000_000;

fn filed(store: &dyn Store, new: &NewReport, now: u64, limit: Limit) -> Report {
    match store.file_report(new, now, limit).expect("file") {
        Filed::Stored(report) => report,
        Filed::Limited { .. } => panic!("limited"),
    }
}

fn ids(reports: &[Report]) -> Vec<u64> {
    reports.iter().map(|r| r.id).collect()
}

#[test]
fn migrations_run_once_and_a_newer_database_is_refused() {
    on_every_backend("migrations", |backend, store| {
        let again = store.migrate().unwrap();
        assert_eq!((again.from, again.to), (store::migrations::latest(), store::migrations::latest()), "{}", backend.name);
        let health = store.check().unwrap();
        assert_eq!(health.version, health.known);
        assert!(health.problems.is_empty(), "{:?}", health.problems);
        // A newer histbot migrated this database further.
        let newer = "INSERT INTO schema_migrations (version, name, applied) VALUES (999, 'from the future', 0)";
        match &backend.location {
            Location::Sqlite(path) => {
                rusqlite::Connection::open(path).unwrap().execute(newer, []).unwrap();
            }
            Location::Postgres { url, password } => {
                let mut config: postgres::Config = url.parse().unwrap();
                if let Some(password) = password {
                    config.password(password);
                }
                config.connect(postgres::NoTls).unwrap().batch_execute(newer).unwrap();
            }
        }
        let reopened = store::open(&backend.location).unwrap();
        match reopened.migrate() {
            Err(StoreError::TooNew { found: 999, known }) => assert_eq!(known, store::migrations::latest()),
            other => panic!("{}: a newer database gave {other:?}", backend.name),
        }
        assert!(store::open_migrated(&backend.location).is_err());
    });
}

#[test]
fn reports_are_filed_listed_in_pages_and_closed() {
    on_every_backend("reports", |backend, store| {
        let place = NewReport { place: Some("Discord server 42".into()), ..new("b", "u2") };
        let first = filed(store.as_ref(), &new("a", "u1"), NOW, LIMIT);
        let second = filed(store.as_ref(), &place, NOW + 1, LIMIT);
        let third = filed(store.as_ref(), &new("c", "u1"), NOW + 2, LIMIT);
        assert!(first.id < second.id && second.id < third.id, "{}", backend.name);
        assert_eq!(second.place.as_deref(), Some("Discord server 42"));
        assert_eq!(store.count_open_reports().unwrap(), 3);
        assert!(store.close_report(second.id, "mod", NOW + 3).unwrap());
        assert!(!store.close_report(second.id, "mod", NOW + 4).unwrap(), "closed twice");
        assert!(!store.close_report(9999, "mod", NOW + 4).unwrap(), "closed a report that does not exist");
        assert_eq!(ids(&store.reports(Which::Open, Page::first(10)).unwrap()), [first.id, third.id]);
        assert_eq!(ids(&store.reports(Which::All, Page::first(10)).unwrap()), [first.id, second.id, third.id]);
        assert_eq!(ids(&store.reports(Which::All, Page { offset: 1, limit: 1 }).unwrap()), [second.id]);
        assert_eq!(store.reports(Which::All, Page::first(10)).unwrap()[1], second, "a report reads back as filed");
        assert_eq!(store.count_open_reports().unwrap(), 2);
        assert_eq!(store.count_reports_since("test", "u1", NOW + 1).unwrap(), 1);
        assert_eq!(store.count_reports_since("test", "u1", NOW).unwrap(), 2);
    });
}

#[test]
fn the_rate_limit_counts_the_window_and_survives_a_reopen() {
    on_every_backend("rate_limit", |backend, store| {
        let limit = Limit { per_user: 2, window_secs: 600 };
        filed(store.as_ref(), &new("old", "u1"), NOW - 600, limit);
        filed(store.as_ref(), &new("a", "u1"), NOW - 10, limit);
        filed(store.as_ref(), &new("b", "u1"), NOW, limit);
        drop(store);
        let store = store::open_migrated(&backend.location).unwrap();
        assert_eq!(store.file_report(&new("c", "u1"), NOW, limit).unwrap(), Filed::Limited { oldest: NOW - 10 }, "{}", backend.name);
        assert!(matches!(store.file_report(&new("c", "u2"), NOW, limit).unwrap(), Filed::Stored(_)));
        assert!(matches!(store.file_report(&new("c", "u1"), NOW + 591, limit).unwrap(), Filed::Stored(_)), "the window ended");
    });
}

#[test]
fn the_rate_limit_holds_under_concurrent_filing() {
    on_every_backend("concurrent_limit", |backend, store| {
        let limit = Limit { per_user: 5, window_secs: 600 };
        thread::scope(|scope| {
            for _ in 0..8 {
                let store = store.clone();
                scope.spawn(move || {
                    for _ in 0..10 {
                        store.file_report(&new("a", "busy"), NOW, limit).expect("file");
                    }
                });
            }
        });
        assert_eq!(store.count_reports_since("test", "busy", 0).unwrap(), 5, "{}", backend.name);
    });
}

#[test]
fn an_import_runs_once_keeps_ids_and_closed_reports_and_ids_go_on_after_it() {
    on_every_backend("import", |backend, store| {
        let report = |id: u64, entry: &str| Report { id, created: NOW, ..filed_shape(entry) };
        let items = vec![
            ImportedReport { report: report(1, "a"), closed: None },
            ImportedReport { report: report(2, "b"), closed: Some(("mod".into(), NOW + 5)) },
            ImportedReport { report: report(7, "c"), closed: None },
        ];
        assert!(store.import_reports("reports.jsonl", &items, NOW).unwrap(), "{}", backend.name);
        assert!(!store.import_reports("reports.jsonl", &items, NOW).unwrap(), "imported twice");
        assert_eq!(ids(&store.reports(Which::Open, Page::first(10)).unwrap()), [1, 7]);
        assert_eq!(store.reports(Which::All, Page::first(10)).unwrap().len(), 3);
        assert_eq!(filed(store.as_ref(), &new("d", "u1"), NOW, LIMIT).id, 8, "{}: ids go on after the imported ones", backend.name);
    });
}

fn filed_shape(entry: &str) -> Report {
    Report { id: 0, entry: entry.into(), text: "wrong".into(), reporter: "u".into(), reporter_id: "u".into(), platform: "test".into(), place: None, created: 0, reply_to: None, fixed_by: None }
}

fn ask(question: &str, platform: &str, place: Option<&str>) -> UnansweredAsk {
    UnansweredAsk { question: question.into(), platform: platform.into(), place: place.map(str::to_string), considered: vec!["tito".into()] }
}

#[test]
fn gaps_count_repeated_questions_most_asked_first_without_the_asker() {
    on_every_backend("gaps", |backend, store| {
        let rare = store.log_unanswered(&ask("who was ivan", "matrix", Some("Matrix room !a:x")), NOW).unwrap();
        let common = store.log_unanswered(&ask("when did x happen", "discord", Some("Discord server 5")), NOW + 1).unwrap();
        assert_eq!(store.log_unanswered(&ask("when did x happen", "matrix", Some("Matrix room !a:x")), NOW + 2).unwrap(), common, "{}: the same question is one gap", backend.name);
        let again = UnansweredAsk { considered: vec!["belgrade-declaration".into()], ..ask("when did x happen", "discord", Some("Discord server 5")) };
        store.log_unanswered(&again, NOW + 3).unwrap();
        let (gaps, total) = store.gaps(NOW, Page::first(10)).unwrap();
        assert_eq!(total, 2);
        assert_eq!(gaps.iter().map(|g| (g.id, g.asked)).collect::<Vec<_>>(), [(common, 3), (rare, 1)], "{}", backend.name);
        assert_eq!((gaps[0].first_asked, gaps[0].last_asked), (NOW + 1, NOW + 3));
        assert_eq!(gaps[0].considered, ["belgrade-declaration"], "the latest considered entries");
        assert_eq!(gaps[0].places, ["discord: Discord server 5", "matrix: Matrix room !a:x"]);
        assert_eq!(gaps[0].status, GapStatus::Open);
        // The window: asks before `since` do not count.
        let (gaps, total) = store.gaps(NOW + 2, Page::first(10)).unwrap();
        assert_eq!((total, gaps[0].asked), (1, 2));
        // Pages.
        assert_eq!(store.gaps(NOW, Page { offset: 1, limit: 1 }).unwrap().0.iter().map(|g| g.id).collect::<Vec<_>>(), [rare]);
        // Nothing about who asked is in the database: only these columns exist.
        let columns = column_names(backend, "gap_asks");
        assert_eq!(columns, ["asked", "gap", "place", "platform"], "{}", backend.name);
    });
}

#[test]
fn gaps_marked_done_come_back_only_when_asked_again_and_out_of_scope_never() {
    on_every_backend("gap_marks", |backend, store| {
        let done = store.log_unanswered(&ask("a", "console", None), NOW).unwrap();
        let scope = store.log_unanswered(&ask("b", "console", None), NOW).unwrap();
        assert_eq!(store.mark_gap(done, GapStatus::Done, "mod", NOW + 10).unwrap().as_deref(), Some("a"), "{}", backend.name);
        assert_eq!(store.mark_gap(scope, GapStatus::OutOfScope, "mod", NOW + 10).unwrap().as_deref(), Some("b"));
        assert_eq!(store.mark_gap(9999, GapStatus::Done, "mod", NOW + 10).unwrap(), None);
        assert_eq!(store.gaps(0, Page::first(10)).unwrap(), (vec![], 0));
        store.log_unanswered(&ask("a", "console", None), NOW + 20).unwrap();
        store.log_unanswered(&ask("b", "console", None), NOW + 20).unwrap();
        let (gaps, _) = store.gaps(0, Page::first(10)).unwrap();
        assert_eq!(gaps.iter().map(|g| (g.id, g.asked, g.status)).collect::<Vec<_>>(), [(done, 1, GapStatus::Done)], "{}", backend.name);
        store.mark_gap(scope, GapStatus::Open, "mod", NOW + 30).unwrap();
        assert_eq!(store.gaps(0, Page::first(10)).unwrap().1, 2, "reopened: every ask counts again");
    });
}

#[test]
fn old_asks_are_pruned_and_gaps_without_asks_go() {
    on_every_backend("gap_prune", |backend, store| {
        let old = store.log_unanswered(&ask("old", "console", None), NOW).unwrap();
        let both = store.log_unanswered(&ask("both", "console", None), NOW).unwrap();
        store.log_unanswered(&ask("both", "console", None), NOW + 100).unwrap();
        assert_eq!(store.prune_unanswered(NOW + 50).unwrap(), 2, "{}", backend.name);
        let (gaps, total) = store.gaps(0, Page::first(10)).unwrap();
        assert_eq!((total, gaps[0].id, gaps[0].asked), (1, both, 1));
        assert_eq!(store.mark_gap(old, GapStatus::Done, "mod", NOW).unwrap(), None, "the empty gap is gone");
    });
}

/// A table's column names, sorted.
fn column_names(backend: &Backend, table: &str) -> Vec<String> {
    let mut names: Vec<String> = match &backend.location {
        Location::Sqlite(path) => {
            let connection = rusqlite::Connection::open(path).unwrap();
            let mut statement = connection.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).unwrap();
            statement.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
        }
        Location::Postgres { url, password } => {
            let mut config: postgres::Config = url.parse().unwrap();
            if let Some(password) = password {
                config.password(password);
            }
            let mut client = config.connect(postgres::NoTls).unwrap();
            let rows = client.query("SELECT column_name::TEXT FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()", &[&table]).unwrap();
            rows.iter().map(|row| row.get(0)).collect()
        }
    };
    names.sort();
    names
}

#[test]
fn the_audit_log_appends_lists_in_pages_and_by_entry() {
    on_every_backend("logs", |backend, store| {
        for n in 0..5u64 {
            store.audit(&NewAudit::action("console", "console", "close-report", &format!("#{n}")), NOW + n).unwrap();
        }
        let edit = NewAudit {
            entry: Some("tito".into()),
            file: Some("people/tito.toml".into()),
            diff: Some("-a\n+b\n".into()),
            before: Some("a\n".into()),
            after: Some("b\n".into()),
            ..NewAudit::action("discord:1 (Ana)", "discord", "edit", "people/tito.toml")
        };
        let id = store.audit(&edit, NOW + 9).unwrap();
        let log = store.audit_log(Page { offset: 3, limit: 10 }).unwrap();
        let details: Vec<&str> = log.iter().map(|a| a.detail.as_str()).collect();
        assert_eq!(details, ["#3", "#4", "people/tito.toml"], "{}", backend.name);
        assert_eq!((log[0].actor.as_str(), log[0].action.as_str(), log[0].entry.as_deref()), ("console", "close-report", None));
        let history = store.history(Some("tito"), Page::first(10)).unwrap();
        assert_eq!(history.len(), 1);
        let line = &history[0];
        assert_eq!((line.id, line.platform.as_str(), line.at), (id, "discord", NOW + 9));
        assert_eq!((line.diff.as_deref(), line.before.as_deref(), line.after.as_deref()), (Some("-a\n+b\n"), Some("a\n"), Some("b\n")));
        assert_eq!(store.history(None, Page::first(2)).unwrap().iter().map(|a| a.detail.as_str()).collect::<Vec<_>>(), ["people/tito.toml", "#4"], "newest first");
        assert_eq!(store.audit_entry(id).unwrap().as_ref(), Some(line));
        assert_eq!(store.audit_entry(id + 100).unwrap(), None);
    });
}

#[test]
fn key_values_are_set_read_and_replaced() {
    on_every_backend("kv", |backend, store| {
        assert_eq!(store.get("quiz:1").unwrap(), None, "{}", backend.name);
        store.put("quiz:1", "round 1", NOW).unwrap();
        store.put("quiz:1", "round 2 — ж", NOW + 1).unwrap();
        assert_eq!(store.get("quiz:1").unwrap().as_deref(), Some("round 2 — ж"));
    });
}

#[test]
fn key_values_are_forgotten_by_a_literal_prefix() {
    on_every_backend("kv_forget", |backend, store| {
        let keys = [
            "discord-quiz-message:1:0",
            "discord-quiz-message:1:1",
            "discord-quiz-message:12:0",
            "discord-quiz-message:1",
            "Discord-quiz-message:1:0",
            "a%b:1",
            "axb:1",
            "a_b:1",
            "ж:1",
            "жж:1",
        ];
        for key in keys {
            store.put(key, "1500000000000000001", NOW).unwrap();
        }
        let name = backend.name;
        assert_eq!(store.forget("discord-quiz-message:1:").unwrap(), 2, "{name}");
        assert_eq!(store.get("discord-quiz-message:1:0").unwrap(), None, "{name}");
        for kept in ["discord-quiz-message:12:0", "discord-quiz-message:1", "Discord-quiz-message:1:0"] {
            assert!(store.get(kept).unwrap().is_some(), "{name}: {kept} is another round's, or not a prefix match");
        }
        // `%` and `_` are themselves, not LIKE's wildcards.
        assert_eq!(store.forget("a%").unwrap(), 1, "{name}");
        assert_eq!(store.forget("a_").unwrap(), 1, "{name}");
        assert!(store.get("axb:1").unwrap().is_some(), "{name}");
        // Lengths are in characters on both backends.
        assert_eq!(store.forget("жж").unwrap(), 1, "{name}");
        assert!(store.get("ж:1").unwrap().is_some(), "{name}");
        assert_eq!(store.forget("ж").unwrap(), 1, "{name}");
        // Forgetting nothing, and an empty prefix, which forgets nothing.
        assert_eq!(store.forget("nothing-here:").unwrap(), 0, "{name}");
        assert_eq!(store.forget("").unwrap(), 0, "{name}");
        assert!(store.get("axb:1").unwrap().is_some(), "{name}");
        // A forgotten key can be set again.
        store.put("discord-quiz-message:1:0", "2", NOW + 1).unwrap();
        assert_eq!(store.get("discord-quiz-message:1:0").unwrap().as_deref(), Some("2"), "{name}");
    });
}

#[test]
fn sqlite_backs_up_online_and_postgres_points_to_pg_dump() {
    on_every_backend("backup", |backend, store| {
        filed(store.as_ref(), &new("a", "u1"), NOW, LIMIT);
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.sqlite3");
        match (&backend.location, store.backup(&copy)) {
            (Location::Sqlite(_), Ok(())) => {
                let restored = store::open_migrated(&Location::Sqlite(copy)).unwrap();
                assert_eq!(restored.count_open_reports().unwrap(), 1);
                assert!(restored.check().unwrap().problems.is_empty());
            }
            (Location::Postgres { .. }, Err(StoreError::Unsupported(message))) => assert!(message.contains("pg_dump"), "{message}"),
            (_, other) => panic!("{}: backup gave {other:?}", backend.name),
        }
    });
}

/// `histbot db …` with a config naming `location`'s database; (exit code, stdout, stderr).
fn db(location: &Location, dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let config = dir.join("histbot.toml");
    let text = match location {
        Location::Sqlite(path) => format!("data_dir = {:?}\n", path.parent().expect("a data dir").display().to_string()),
        Location::Postgres { url, .. } => format!("data_dir = {:?}\ndatabase = {url:?}\n", dir.display().to_string()),
    };
    std::fs::write(&config, text).unwrap();
    let config = config.display().to_string();
    let mut all = vec!["db"];
    all.extend_from_slice(&args[..1]);
    all.extend_from_slice(&["--config", &config]);
    all.extend_from_slice(&args[1..]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_histbot")).args(&all).env("RUST_LOG", "warn").output().expect("run histbot");
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    (output.status.code().unwrap_or(-1), text(output.stdout), text(output.stderr))
}

#[test]
fn histbot_db_migrate_check_and_backup() {
    for backend in backends("cli") {
        let dir = tempfile::tempdir().unwrap();
        let (code, out, err) = db(&backend.location, dir.path(), &["check"]);
        assert_eq!(code, 1, "{}: an unmigrated database checks as behind: {out}{err}", backend.name);
        assert!(out.contains("schema version 0") && out.contains("histbot db migrate"), "{out}");
        let (code, out, err) = db(&backend.location, dir.path(), &["migrate"]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(&format!("migrated from schema version 0 to {}", store::migrations::latest())), "{out}");
        let (code, out, _) = db(&backend.location, dir.path(), &["migrate"]);
        assert_eq!(code, 0);
        assert!(out.contains("up to date"), "{out}");
        let (code, out, err) = db(&backend.location, dir.path(), &["check"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.trim_end().ends_with("ok"), "{out}");
        let copy = dir.path().join("backup.sqlite3");
        let (code, out, err) = db(&backend.location, dir.path(), &["backup", &copy.display().to_string()]);
        match backend.location {
            Location::Sqlite(_) => {
                assert_eq!(code, 0, "{err}");
                assert!(out.contains("backed up to"), "{out}");
                assert_eq!(store::open_migrated(&Location::Sqlite(copy.clone())).unwrap().check().unwrap().version, store::migrations::latest());
                let (code, _, err) = db(&backend.location, dir.path(), &["backup", &copy.display().to_string()]);
                assert_eq!(code, 2, "overwrote a file: {err}");
                assert!(err.contains("exists"), "{err}");
            }
            Location::Postgres { .. } => {
                assert_eq!(code, 2, "{out}{err}");
                assert!(err.contains("pg_dump") && !err.contains(&postgres_password().unwrap_or_else(|| "\u{0}".into())), "{err}");
            }
        }
    }
}

#[test]
fn a_database_that_cannot_be_reached_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let nowhere = Location::Postgres { url: "postgres://histbot@127.0.0.1:1/histbot".into(), password: None };
    let (code, _, err) = db(&nowhere, dir.path(), &["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot open the database") || err.contains("without PostgreSQL"), "{err}");
}

/// The environment variable that turns [`sigkill_child`] into a writer.
const CHILD_STORE: &str = "HISTBOT_SIGKILL_CHILD_STORE";
/// Writes the child makes at once, and how many acknowledgements the parent waits for before the kill.
const CHILD_WRITES: usize = 200;
const KILL_AFTER: usize = 40;

/// Run only as a child of [`a_sigkill_in_the_middle_of_200_concurrent_writes_loses_no_acknowledged_one`]:
/// file 200 reports from 8 threads, printing `ack <id>` after each commit.
#[test]
#[ignore = "a child process of the SIGKILL test"]
fn sigkill_child() {
    use std::io::Write;
    let Ok(spec) = std::env::var(CHILD_STORE) else { return };
    let location = match spec.strip_prefix("sqlite:") {
        Some(path) => Location::Sqlite(path.into()),
        None => Location::Postgres { url: spec, password: postgres_password() },
    };
    let store = store::open_migrated(&location).expect("open the store");
    thread::scope(|scope| {
        for thread in 0..8 {
            let store = store.clone();
            scope.spawn(move || {
                for n in 0..CHILD_WRITES / 8 {
                    let report = filed(store.as_ref(), &new(&format!("w{thread}-{n}"), &format!("user{thread}")), store::unix_now(), LIMIT);
                    let mut out = std::io::stdout().lock();
                    let _ = writeln!(out, "ack {}", report.id);
                    let _ = out.flush();
                }
            });
        }
    });
}

#[test]
fn a_sigkill_in_the_middle_of_200_concurrent_writes_loses_no_acknowledged_one() {
    use std::io::BufRead;
    for backend in backends("sigkill") {
        let spec = match &backend.location {
            Location::Sqlite(path) => format!("sqlite:{}", path.display()),
            Location::Postgres { url, .. } => url.clone(),
        };
        let mut child = std::process::Command::new(std::env::current_exe().expect("the test binary"))
            .args(["--exact", "sigkill_child", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_STORE, spec)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start the child");
        let stdout = child.stdout.take().expect("the child's stdout");
        let mut acknowledged = Vec::new();
        let mut lines = std::io::BufReader::new(stdout).lines();
        while let Some(Ok(line)) = lines.next() {
            if let Some(id) = line.strip_prefix("ack ") {
                acknowledged.push(id.parse::<u64>().expect("an id"));
                if acknowledged.len() == KILL_AFTER {
                    child.kill().expect("SIGKILL the child");
                }
            }
        }
        child.wait().expect("reap the child");
        assert!(acknowledged.len() >= KILL_AFTER, "{}: the child acknowledged only {} writes", backend.name, acknowledged.len());
        let store = store::open_migrated(&backend.location).unwrap();
        let stored: std::collections::HashSet<u64> = ids(&store.reports(Which::All, Page::first(1000)).unwrap()).into_iter().collect();
        let lost: Vec<&u64> = acknowledged.iter().filter(|id| !stored.contains(id)).collect();
        assert!(lost.is_empty(), "{}: acknowledged but lost: {lost:?}", backend.name);
        assert!(store.check().unwrap().problems.is_empty(), "{}", backend.name);
        eprintln!("{}: killed after {} acknowledged writes, {} stored, none lost", backend.name, acknowledged.len(), stored.len());
    }
}

#[test]
fn a_version_1_unanswered_log_becomes_gaps_when_migrated() {
    for backend in backends("migrate_unanswered") {
        let first = &store::migrations::all()[0];
        let rows = "INSERT INTO unanswered (question, locale, platform, asked) VALUES ('who was x', 'en', 'discord', 1800000000), ('who was x', 'en', 'matrix', 1800000001), ('why y', 'en', 'console', 1800000002)";
        let record = "INSERT INTO schema_migrations (version, name, applied) VALUES (1, 'initial', 0)";
        match &backend.location {
            Location::Sqlite(path) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                let connection = rusqlite::Connection::open(path).unwrap();
                connection.execute_batch(store::migrations::BOOKKEEPING).unwrap();
                connection.execute_batch(first.sqlite).unwrap();
                connection.execute_batch(&format!("{record}; {rows};")).unwrap();
            }
            Location::Postgres { url, password } => {
                let mut config: postgres::Config = url.parse().unwrap();
                if let Some(password) = password {
                    config.password(password);
                }
                let mut client = config.connect(postgres::NoTls).unwrap();
                client.batch_execute(store::migrations::BOOKKEEPING).unwrap();
                client.batch_execute(first.postgres).unwrap();
                client.batch_execute(&format!("{record}; {rows};")).unwrap();
            }
        }
        let store = store::open_migrated(&backend.location).unwrap();
        let (gaps, total) = store.gaps(0, Page::first(10)).unwrap();
        assert_eq!(total, 2, "{}", backend.name);
        assert_eq!((gaps[0].question.as_str(), gaps[0].asked), ("who was x", 2), "{}", backend.name);
        assert_eq!(gaps[0].places, ["discord", "matrix"]);
    }
}
