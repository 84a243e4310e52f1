//! The daily fact with a controlled clock, on SQLite and (when
//! `HISTBOT_TEST_POSTGRES` is set) a real PostgreSQL: the post time across
//! both DST changes of Europe/Belgrade, an anniversary chosen over the
//! rotation, a rotation that does not repeat, and restarts (the store
//! reopened) that neither post a day twice nor skip it: late posts, a
//! sender that died holding the claim, a failed send, two targets.
//!
//! The expected instants are written out in UTC (worked by hand from the
//! EU rule: DST from the last Sunday of March to the last Sunday of
//! October, 01:00 UTC), not computed with the crate under test.

#[path = "support/postgres.rs"]
mod pg;
mod support;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use histbot::ask::{Answer, Engine};
use histbot::service::daily::{look, Looked, Poster};
use histbot::store::{self, Store};
use histbot::study::daily::{choose, day_key, Daily, Schedule, CLAIM_LEASE_SECS};

const HOUR: u64 = 3600;
const DAY: u64 = 24 * HOUR;

/// 2026-06-28 09:00 in Belgrade (CEST, UTC+2): the Cominform resolution's
/// anniversary (1948-06-28), the only entry dated on a 28 June.
const JUNE_28_0900: u64 = 1_782_630_000;

fn belgrade_nine() -> Schedule {
    Schedule::new("09:00", "Europe/Belgrade").expect("a valid schedule")
}

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| histbot::service::load_engine(&support::shipped_facts(), &support::manifest_dir().join("config/intents.toml")).expect("the shipped base loads"))
}

/// A front end that records what it was given, or fails when told to.
struct Recorder {
    target: String,
    posts: Mutex<Vec<Answer>>,
    failing: std::sync::atomic::AtomicBool,
}

impl Recorder {
    fn new(target: &str) -> Recorder {
        Recorder { target: target.into(), posts: Mutex::new(Vec::new()), failing: false.into() }
    }

    fn count(&self) -> usize {
        self.posts.lock().unwrap().len()
    }
}

impl Poster for Recorder {
    fn target(&self) -> String {
        self.target.clone()
    }

    async fn post(&self, answer: Answer) -> Result<(), String> {
        if self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            return Err("the platform refused".into());
        }
        self.posts.lock().unwrap().push(answer);
        Ok(())
    }
}

use pg::{backends, Backend};

/// A process's view of the store: opened anew for each "restart".
fn open(backend: &Backend) -> Arc<dyn Store> {
    store::open_migrated(&backend.location).unwrap_or_else(|e| panic!("{}: {e}", backend.name))
}

fn run(rt: &tokio::runtime::Runtime, store: &Arc<dyn Store>, poster: &Recorder, now: u64) -> Looked {
    rt.block_on(look(engine(), store.as_ref(), "en", &belgrade_nine(), poster, now))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

fn posted_entry(looked: &Looked) -> String {
    match looked {
        Looked::Posted(claimed) => claimed.entry.clone(),
        other => panic!("expected a post, got {other:?}"),
    }
}

#[test]
fn the_post_time_follows_dst_in_the_configured_zone() {
    let schedule = belgrade_nine();
    // Saturday 28 March 2026, 09:00 CET (UTC+1) = 08:00 UTC; the clocks go
    // forward that night, so Sunday's 09:00 CEST is 07:00 UTC: 23 hours on.
    let saturday = 1_774_684_800;
    assert_eq!(schedule.due(saturday).map(day_key).as_deref(), Some("2026-03-28"));
    assert_eq!(schedule.due(saturday - 1), None, "one second before nine is not yet due");
    assert_eq!(schedule.next_post(saturday), 1_774_767_600);
    assert_eq!(schedule.next_post(saturday) - saturday, 23 * HOUR);
    assert_eq!(schedule.next_post(saturday - 1), saturday);
    // Saturday 24 October 2026, 09:00 CEST = 07:00 UTC; the clocks go back
    // that night, so Sunday's 09:00 CET is 08:00 UTC: 25 hours on.
    let october = 1_792_825_200;
    assert_eq!(schedule.next_post(october), 1_792_915_200);
    assert_eq!(schedule.next_post(october) - october, 25 * HOUR);

    // 02:30 does not exist on 29 March (02:00 → 03:00): posted at 03:30 CEST = 01:30 UTC.
    let night = Schedule::new("02:30", "Europe/Belgrade").unwrap();
    assert_eq!(night.next_post(saturday), 1_774_747_800);
    // 02:30 happens twice on 25 October: the first one, 02:30 CEST = 00:30 UTC,
    // and only once (the second 02:30 is the same day, already posted).
    assert_eq!(night.next_post(october), 1_792_888_200);
    assert_eq!(night.due(1_792_888_200 + HOUR).map(day_key).as_deref(), Some("2026-10-25"));
    assert_eq!(night.next_post(1_792_888_200), 1_792_888_200 + DAY + HOUR, "then 02:30 CET on the 26th");

    // The local day, not the UTC day: 23:30 UTC on 27 June is already the 28th in Belgrade.
    let late = JUNE_28_0900 - 7 * HOUR - 30 * 60;
    assert_eq!(day_key(schedule.today(late)), "2026-06-28");
    let utc = Schedule::new("09:00", "UTC").unwrap();
    assert_eq!(day_key(utc.today(late)), "2026-06-27");
}

#[test]
fn an_anniversary_is_chosen_over_the_rotation_and_quoted_verbatim() {
    let engine = engine();
    let base = engine.base();
    let schedule = belgrade_nine();
    let day = schedule.today(JUNE_28_0900);
    // Even when it was posted the day before and everything else never was.
    let recent = [("cominform-resolution-1948".to_string(), "2026-06-27".to_string())].into_iter().collect();
    let chosen = choose(base, day, &recent).expect("a fact");
    assert_eq!(chosen.id, "cominform-resolution-1948");
    let answer = histbot::study::daily::message(engine, chosen, day, "en");
    assert!(answer.headline.starts_with("On this day, 78 years ago: "), "{}", answer.headline);
    assert!(!answer.excerpts.is_empty(), "the post quotes its source");
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for excerpt in &answer.excerpts {
        let source = base.sources().iter().find(|s| s.id == excerpt.source).expect("a known source");
        assert!(collapse(&source.text).contains(&collapse(&excerpt.quote)), "not verbatim: {}", excerpt.quote);
    }
    assert!(answer.excerpts.iter().any(|e| e.quote.contains("28 June 1948") || e.quote.contains("June 28, 1948")), "the excerpt states the date: {:?}", answer.excerpts);

    // A day with no anniversary rotates: a fact of the day, never-posted first.
    let other = schedule.today(JUNE_28_0900 + DAY);
    let rotated = choose(base, other, &Default::default()).expect("a fact");
    assert!(histbot::study::daily::anniversary(rotated, other).is_none() || rotated.id != "cominform-resolution-1948");
    let answer = histbot::study::daily::message(engine, rotated, other, "en");
    assert!(answer.headline.starts_with("Fact of the day: ") || answer.headline.starts_with("On this day"), "{}", answer.headline);
    assert!(!answer.excerpts.is_empty());
}

#[test]
fn a_restart_neither_reposts_nor_skips_a_day() {
    let rt = runtime();
    for backend in backends("daily_restart") {
        eprintln!("on {}", backend.name);
        let poster = Recorder::new("matrix:!room:test");
        let store = open(&backend);
        assert_eq!(run(&rt, &store, &poster, JUNE_28_0900 - 60), Looked::Nothing, "not before nine");
        assert_eq!(posted_entry(&run(&rt, &store, &poster, JUNE_28_0900)), "cominform-resolution-1948");
        assert_eq!(run(&rt, &store, &poster, JUNE_28_0900 + 1), Looked::Nothing);
        drop(store);

        // A restart the same day: nothing again, until tomorrow's nine.
        let store = open(&backend);
        for later in [JUNE_28_0900 + 30 * 60, JUNE_28_0900 + 14 * HOUR + 59 * 60] {
            assert_eq!(run(&rt, &store, &poster, later), Looked::Nothing, "{}", backend.name);
        }
        assert_eq!(poster.count(), 1);
        let next_day = JUNE_28_0900 + DAY;
        assert_eq!(run(&rt, &store, &poster, next_day - 1), Looked::Nothing);
        let second = posted_entry(&run(&rt, &store, &poster, next_day));
        assert_ne!(second, "cominform-resolution-1948", "not posted again the next day");
        assert!(poster.posts.lock().unwrap()[1].headline.starts_with("Fact of the day: "));

        // Down over the post time: the day is posted late, when the bot is back.
        drop(store);
        let store = open(&backend);
        let day3 = next_day + DAY;
        assert!(matches!(run(&rt, &store, &poster, day3 + 6 * HOUR), Looked::Posted(_)), "posted late the same day");

        // A sender that claimed the day and died before sending: nobody
        // sends while its claim is fresh; after the lease the day is sent,
        // with the fact it chose.
        let day4 = day3 + DAY;
        let schedule = belgrade_nine();
        let dead = Daily { store: store.as_ref(), schedule: &schedule }.claim(engine().base(), &poster.target, day4).unwrap().expect("claimed");
        drop(store);
        let store = open(&backend);
        assert_eq!(run(&rt, &store, &poster, day4 + 5 * 60), Looked::Nothing, "the claim is still fresh");
        let taken_over = run(&rt, &store, &poster, day4 + CLAIM_LEASE_SECS + 1);
        assert_eq!(posted_entry(&taken_over), dead.entry);

        // A failed send is tried again, once, after the lease.
        let day5 = day4 + DAY;
        poster.failing.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(matches!(run(&rt, &store, &poster, day5), Looked::Failed(..)));
        poster.failing.store(false, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(run(&rt, &store, &poster, day5 + 60), Looked::Nothing);
        assert!(matches!(run(&rt, &store, &poster, day5 + CLAIM_LEASE_SECS + 60), Looked::Posted(_)));
        assert_eq!(run(&rt, &store, &poster, day5 + CLAIM_LEASE_SECS + 120), Looked::Nothing);

        // A second target gets the same fact that day, once.
        let discord = Recorder::new("discord:42");
        let matrix_fact = store.daily_posts_of(&day_key(belgrade_nine().today(day5))).unwrap();
        let shared = posted_entry(&run(&rt, &store, &discord, day5 + 2 * HOUR));
        assert_eq!(matrix_fact.iter().map(|p| p.entry.as_str()).collect::<Vec<_>>(), [shared.as_str()]);
        assert_eq!(run(&rt, &store, &discord, day5 + 3 * HOUR), Looked::Nothing);
        assert_eq!(poster.count(), 5, "one post a day for five days");
    }
}

#[test]
fn the_rotation_does_not_repeat_a_recent_fact() {
    let rt = runtime();
    for backend in backends("daily_rotation") {
        let poster = Recorder::new("discord:7");
        let store = open(&backend);
        let mut seen = HashSet::new();
        // Sixty days from 1 July: every fact different (anniversaries
        // included: each falls once a year).
        let july_1 = JUNE_28_0900 + 3 * DAY;
        for n in 0..60 {
            let entry = posted_entry(&run(&rt, &store, &poster, july_1 + n * DAY + 1));
            assert!(seen.insert(entry.clone()), "{}: {entry} again on day {n}", backend.name);
        }
        let stored = store.daily_last_days().unwrap();
        assert_eq!(stored.len(), 60);
    }
}
