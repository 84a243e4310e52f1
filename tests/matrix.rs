//! The Matrix front end against a real Synapse (scripts/synapse.sh), with
//! real matrix-sdk clients on the user side.
//!
//! Without `HISTBOT_TEST_HOMESERVER` every test prints why it skips and
//! passes; `scripts/test-all.sh` provides the homeserver and sets
//! `HISTBOT_REQUIRE_HOMESERVER=1`, so a missing homeserver fails instead.
#![cfg(feature = "matrix")]
// matrix-sdk's futures are deeply nested; spawning them needs a higher limit.
#![recursion_limit = "256"]

#[path = "support/matrix_harness.rs"]
mod harness;
mod support;
use support::process;

use std::time::Duration;

use harness::{homeserver, within, BotProcess, BotSetup, User, HOMESERVER_LOCK, WAIT};
use histbot::matrix::SyncTuning;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::Int;

/// The belgrade-declaration answer: 1955, the quote in a blockquote, the source link.
fn assert_belgrade_answer(reply: &harness::Received) {
    assert!(reply.is_notice(), "replies are m.notice: {:?}", reply.event.content.msgtype);
    let body = reply.body();
    assert!(body.contains("1955"), "the plain body gives the year: {body}");
    assert!(body.contains("Belgrade declaration"), "the plain body quotes the source: {body}");
    let html = reply.html().expect("an HTML formatted_body");
    assert!(html.contains("1955"), "{html}");
    assert!(html.contains("<blockquote>") && html.contains("restored with the signing of the Belgrade declaration"), "the excerpt is quoted: {html}");
    assert!(html.contains("<a href=\"https://en.wikipedia.org/"), "the source is linked: {html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unencrypted_room_round_trip() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let bot = setup.start().await;
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;

    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert_eq!(reply.event.sender, setup.user_id());
    assert_belgrade_answer(&reply);
    let mentions = reply.event.content.mentions.as_ref().expect("the reply mentions the asker");
    assert!(mentions.user_ids.contains(alice.user_id()));

    // The command table, through the same prefix.
    let help = alice.say(room.room_id(), "!help").await;
    let reply = alice.reply_to(&help, WAIT).await;
    assert!(reply.is_notice() && reply.body().contains("!when <event>"), "help shows the Matrix prefix: {}", reply.body());
    assert!(!reply.body().contains("/when"), "no slash commands on Matrix: {}", reply.body());

    // A reply with an old-style fallback still runs the command after it.
    let fallback = RoomMessageEventContent::text_plain(format!(
        "> <{}> !help\n> more quoted text\n\n!when belgrade-declaration",
        alice.user_id()
    ));
    let question = alice.send(room.room_id(), fallback).await;
    assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mention_round_trip() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let bot = setup.start().await;
    let alice = User::new(&hs, "alice").await;
    let bob = User::new(&hs, "bob").await;
    let room = alice.create_room(&[setup.user_id(), bob.user_id()], false).await;
    bob.join(room.room_id()).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    alice.wait_for_membership(room.room_id(), bob.user_id(), MembershipState::Join).await;

    // Three people in the room: free text without a mention is not for the bot…
    let chatter = alice.say(room.room_id(), "when was the belgrade declaration signed?").await;
    // …with one (a pill and m.mentions, as Element sends it), it is.
    let name = setup.user_id().localpart();
    let content = RoomMessageEventContent::text_html(
        format!("{name}: when was the belgrade declaration signed?"),
        format!("<a href=\"https://matrix.to/#/{}\">{name}</a>: when was the belgrade declaration signed?", setup.user_id()),
    )
    .add_mentions(Mentions::with_user_ids([setup.user_id().to_owned()]));
    let question = alice.send(room.room_id(), content).await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert_belgrade_answer(&reply);
    // A plain-text mention by name works too.
    let question = bob.say(room.room_id(), &format!("{name}, !when belgrade-declaration")).await;
    assert_belgrade_answer(&bob.reply_to(&question, WAIT).await);

    // The bot answered in order, so by now it has passed over the chatter.
    let from_bot = alice.messages_from(room.room_id(), setup.user_id());
    assert!(from_bot.iter().all(|r| r.in_reply_to() != Some(&chatter)), "the bot answered un-addressed free text");
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn encrypted_room_round_trip() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let bot = setup.start().await;
    let alice = User::new(&hs, "alice").await;
    // An encrypted direct room, as clients create DMs.
    let room = within(WAIT, "creating a DM", alice.client.create_dm(setup.user_id())).await.expect("create a DM");
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    assert!(room.latest_encryption_state().await.expect("encryption state").is_encrypted());

    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert_eq!(reply.event.sender, setup.user_id());
    assert_belgrade_answer(&reply);

    // In a direct room, free text needs no mention.
    let question = alice.say(room.room_id(), "when was the belgrade declaration signed?").await;
    assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_join_on_invite_with_allow_list() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let alice = User::new(&hs, "alice").await;
    let mallory = User::new(&hs, "mallory").await;
    let mut setup = BotSetup::new(&hs).await;
    setup.config.allowed_inviters = vec![alice.user_id().to_string()];
    let bot = setup.start().await;

    // Not on the list: the invite is declined.
    let refused = mallory.create_room(&[setup.user_id()], false).await;
    mallory.wait_for_membership(refused.room_id(), setup.user_id(), MembershipState::Leave).await;

    // On the list: joined, and answering.
    let room = alice.create_room(&[], false).await;
    alice.invite(&room, setup.user_id()).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);

    // An invite sent while the bot is down is picked up when it starts again.
    bot.shutdown().await;
    let later = alice.create_room(&[setup.user_id()], false).await;
    let bot = setup.start().await;
    alice.wait_for_membership(later.room_id(), setup.user_id(), MembershipState::Join).await;
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderator_commands_follow_power_levels() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let mut setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await; // creates the room: a creator, infinite power (room version 12)
    let bob = User::new(&hs, "bob").await;
    // The room is also the moderator room; the bot joins it on start (the invite is pending).
    let room = alice.create_room(&[setup.user_id(), bob.user_id()], false).await;
    setup.config.moderator_room = Some(room.room_id().to_string());
    let bot = setup.start().await;
    bob.join(room.room_id()).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    alice.wait_for_membership(room.room_id(), bob.user_id(), MembershipState::Join).await;

    // Bob, at power level 0, is refused.
    let question = bob.say(room.room_id(), "!facts status").await;
    let reply = bob.reply_to(&question, WAIT).await;
    assert!(reply.body().contains("Only moderators"), "{}", reply.body());

    // Alice, the room's creator, is a moderator.
    let question = alice.say(room.room_id(), "!facts status").await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert!(reply.body().starts_with("Fact base"), "{}", reply.body());

    // Raised to 50 (the default moderator level), Bob is one too.
    within(WAIT, "raising Bob's power level", room.update_power_levels(vec![(bob.user_id(), Int::new(50).unwrap())]))
        .await
        .expect("update power levels");
    let question = bob.say(room.room_id(), "!facts status").await;
    let reply = bob.reply_to(&question, WAIT).await;
    assert!(reply.body().starts_with("Fact base"), "{}", reply.body());

    // A report from anyone reaches the moderator room as a notice.
    let question = bob.say(room.room_id(), "!report belgrade-declaration the quote is from the wrong section").await;
    let reply = bob.reply_to(&question, WAIT).await;
    assert!(reply.body().contains("report #"), "{}", reply.body());
    let bot_id = setup.user_id().to_owned();
    let notice = alice
        .message_where(room.room_id(), "the new-report notice", |r| r.event.sender == bot_id && r.body().starts_with("New report #"))
        .await;
    assert!(notice.is_notice() && notice.body().contains("belgrade-declaration"), "{}", notice.body());

    // In a room of her own that is not listed in [moderation], Alice's
    // creator power counts for nothing: the fact base is not her room's.
    let own = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(own.room_id(), setup.user_id(), MembershipState::Join).await;
    let question = alice.say(own.room_id(), "!facts reports").await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert!(reply.body().contains("Only moderators"), "{}", reply.body());
    let question = alice.say(own.room_id(), "!report tito-stalin-split wrong year").await;
    assert!(alice.reply_to(&question, WAIT).await.body().contains("report #"));

    // In the moderator room she sees each report and the room it came from.
    let question = alice.say(room.room_id(), "!facts reports").await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert!(reply.body().contains(&format!("Matrix room {}", own.room_id())), "{}", reply.body());
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_keeps_the_device() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await;

    let bot = setup.start().await;
    let device = bot.device_id().to_string();
    let room = alice.create_room(&[setup.user_id()], true).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);
    bot.shutdown().await;

    // The session file: private, and without the password.
    let session = setup.store().join(histbot::matrix::session::SESSION_FILE);
    let text = std::fs::read_to_string(&session).expect("the session is saved");
    assert!(!text.contains(&setup.account.password), "the password is never stored");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&session).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the session file is readable by its owner only");
    }

    // Started again on the same store: the same device, with its keys, so it
    // still answers in the encrypted room.
    std::fs::write(setup.config.password_file.as_ref().unwrap(), "not the password any more").unwrap();
    let bot = setup.start().await;
    assert_eq!(bot.device_id(), device);
    let whoami = bot.client().whoami().await.expect("whoami");
    assert_eq!(whoami.device_id.as_deref().map(|d| d.as_str()), Some(device.as_str()));
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    let reply = alice.reply_to(&question, WAIT).await;
    assert_belgrade_answer(&reply);
    // The first question was not answered again.
    let replies = alice.messages_from(room.room_id(), setup.user_id());
    assert_eq!(replies.iter().filter(|r| r.in_reply_to().is_some()).count(), 2, "one reply per question");
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn survives_a_homeserver_restart() {
    let Some(hs) = homeserver() else { return };
    let Some(ctl) = hs.ctl.clone() else {
        panic!("HISTBOT_TEST_SYNAPSE_CTL is not set (source target/synapse/env): the restart test needs it");
    };
    // Alone on the homeserver: restarting it would break the other tests.
    let _exclusive = HOMESERVER_LOCK.write().await;
    let setup = BotSetup::new(&hs).await;
    let bot = setup.start().await;
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], true).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);

    let status = within(Duration::from_secs(180), "scripts/synapse.sh restart", tokio::task::spawn_blocking(move || {
        std::process::Command::new("bash").arg(&ctl).arg("restart").status()
    }))
    .await
    .expect("the restart task")
    .expect("run scripts/synapse.sh restart");
    assert!(status.success(), "scripts/synapse.sh restart failed: {status}");

    // The bot's sync resumes by itself and it keeps answering.
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&question, Duration::from_secs(120)).await);
    bot.shutdown().await;
}

/// Every question got exactly one reply (the counts are per question, in order).
fn assert_once_each(counts: &[usize]) {
    let missing: Vec<usize> = counts.iter().enumerate().filter(|(_, &n)| n == 0).map(|(i, _)| i).collect();
    let repeated: Vec<usize> = counts.iter().enumerate().filter(|(_, &n)| n > 1).map(|(i, _)| i).collect();
    assert!(
        missing.is_empty() && repeated.is_empty(),
        "{} questions: {} unanswered (#{missing:?}), {} answered more than once (#{repeated:?})",
        counts.len(),
        missing.len(),
        repeated.len()
    );
}

/// `count` copies of a question that needs no mention.
fn questions(count: usize) -> Vec<String> {
    vec!["!when belgrade-declaration".to_string(); count]
}

/// Sync sizes that turn a few messages into a gap of several pages.
const TINY: SyncTuning = SyncTuning { timeline_limit: 4, page_size: 6 };

/// 50 questions at once, many more than one sync's timeline held by
/// default: every one is answered, once, in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_questions_is_answered_once_each() {
    burst(SyncTuning::default()).await;
}

/// The same with four events per sync: the gaps are paged back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_is_answered_once_each_through_gaps() {
    burst(TINY).await;
}

async fn burst(tuning: SyncTuning) {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let bot = setup.start_tuned(tuning).await;
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;

    let asked = alice.burst(room.room_id(), &questions(50)).await;
    let counts = alice.replies_per_question(room.room_id(), setup.user_id(), &asked, Duration::from_secs(120)).await;
    assert_once_each(&counts);
    assert!(harness::replies_in_order(&alice.history(room.room_id()).await, setup.user_id(), &asked), "answered out of order");
    bot.shutdown().await;
}

/// 30 questions asked while the bot is stopped (in an encrypted room) are
/// all answered when it starts again, once each; the one answered before
/// it stopped is not answered again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_asked_while_stopped_are_answered_once_each() {
    outage(SyncTuning::default()).await;
}

/// The same with four events per sync: the gap is paged back, to the last
/// event the previous run saw.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_asked_while_stopped_are_answered_once_each_through_a_gap() {
    outage(TINY).await;
}

async fn outage(tuning: SyncTuning) {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await;
    let bot = setup.start_tuned(tuning).await;
    let room = alice.create_room(&[setup.user_id()], true).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let before = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&before, WAIT).await);
    bot.shutdown().await;

    let mut asked = vec![before];
    asked.extend(alice.burst(room.room_id(), &questions(30)).await);
    let bot = setup.start_tuned(tuning).await;
    let counts = alice.replies_per_question(room.room_id(), setup.user_id(), &asked, Duration::from_secs(120)).await;
    assert_once_each(&counts);
    assert!(harness::replies_in_order(&alice.history(room.room_id()).await, setup.user_id(), &asked), "answered out of order");
    bot.shutdown().await;
}

/// Questions in a sync that histbot never handed over (the run stopped or
/// was killed while matrix-sdk processed it, after it had saved the sync
/// token) are found on the next start, from the last event seen, and
/// answered once each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_in_a_sync_cut_short_are_answered_on_restart() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await;
    let bot = setup.start().await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let before = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&before, WAIT).await);
    bot.shutdown().await;

    let mut asked = vec![before];
    asked.extend(alice.burst(room.room_id(), &questions(5)).await);
    setup.sync_behind_the_bots_back().await;
    let bot = setup.start().await;
    let counts = alice.replies_per_question(room.room_id(), setup.user_id(), &asked, Duration::from_secs(60)).await;
    assert_once_each(&counts);
    bot.shutdown().await;
}

/// `histbot run` with the default log filter, through a fresh login and a
/// restored session, answering in a plain and an encrypted room: a healthy
/// bot logs nothing above INFO.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_healthy_bot_logs_nothing_above_info() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let config = setup.write_config_file();
    let alice = User::new(&hs, "alice").await;

    // A fresh login: the bot joins a plain and an encrypted room, and answers.
    let process = BotProcess::spawn(&config);
    process.wait_for_log("the Matrix bot is answering").await;
    let plain = alice.create_room(&[setup.user_id()], false).await;
    let encrypted = alice.create_room(&[setup.user_id()], true).await;
    let rooms = [plain.room_id(), encrypted.room_id()];
    for room in rooms {
        alice.wait_for_membership(room, setup.user_id(), MembershipState::Join).await;
    }
    ask_in_each(&alice, &rooms).await;
    // (Shutting down is not healthy operation: its logs are not looked at.)
    let mut lines = process.lines();
    process.stop().await;
    // A restored session.
    let process = BotProcess::spawn(&config);
    process.wait_for_log("the Matrix bot is answering").await;
    ask_in_each(&alice, &rooms).await;
    lines.extend(process.lines());
    process.stop().await;
    let noisy = harness::warnings_and_errors(&lines);
    assert!(noisy.is_empty(), "{} of {} log lines are above INFO:\n{}", noisy.len(), lines.len(), noisy.join("\n"));
}

/// Ask in each room and check the answer, then let a few idle syncs pass.
async fn ask_in_each(alice: &User, rooms: &[&matrix_sdk::ruma::RoomId]) {
    for room in rooms {
        let question = alice.say(room, "!when belgrade-declaration").await;
        assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
}

/// How long a user waits for an answer, spaced out and back to back. Prints
/// p50/p95 (see the README); asserts nothing about time.
///
/// `cargo test --all-features --test matrix latency -- --ignored --nocapture`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement: run it with --ignored --nocapture"]
async fn latency() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let bot = setup.start().await;
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let rounds = 25;
    for (name, pause) in [("warm-up", Duration::ZERO), ("spaced (2 s apart)", Duration::from_secs(2)), ("back to back", Duration::ZERO)] {
        let mut seen = Vec::new();
        let mut server = Vec::new();
        for _ in 0..if name == "warm-up" { 3 } else { rounds } {
            tokio::time::sleep(pause).await;
            let start = std::time::Instant::now();
            let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
            let reply = alice.reply_to(&question, WAIT).await;
            seen.push(start.elapsed());
            let asked = alice.message_where(room.room_id(), "the question", |m| m.event.event_id == question).await;
            let millis = u64::from(reply.event.origin_server_ts.0).saturating_sub(u64::from(asked.event.origin_server_ts.0));
            server.push(Duration::from_millis(millis));
        }
        if name != "warm-up" {
            let (p50, p95) = harness::percentiles(&seen);
            let (s50, s95) = harness::percentiles(&server);
            println!("{name}: {rounds} questions; as the asker sees it p50 {p50:.2?} p95 {p95:.2?};");
            println!("    from question to reply on the homeserver p50 {s50:.2?} p95 {s95:.2?}");
        }
    }
    bot.shutdown().await;
}

/// SIGTERM (what systemd and Docker send) while questions are queued:
/// syncing stops, every question already taken is answered, and `histbot
/// run` logs it and exits 0, without waiting out the 10 s limit (the
/// Matrix front end stops on its own).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_answers_what_was_taken_and_exits_cleanly() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let config = setup.write_config_file();
    let alice = User::new(&hs, "alice").await;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut bot = process::Histbot::start(&root, &["run", "--config", &config.display().to_string()], &[]);
    within(WAIT, "the bot to start", async {
        while !bot.stderr().contains("the Matrix bot is answering") {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let asked = alice.burst(room.room_id(), &questions(5)).await;
    assert_belgrade_answer(&alice.reply_to(&asked[0], WAIT).await);
    // The rest are taken (queued) by now, or being answered.
    tokio::time::sleep(Duration::from_millis(300)).await;
    bot.signal("TERM");
    let started = std::time::Instant::now();
    let (status, bot) = tokio::task::spawn_blocking(move || (bot.wait(), bot)).await.unwrap();
    let log = bot.stderr();
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("SIGTERM") && log.contains("shut down cleanly"), "{log}");
    assert!(!log.contains("did not stop in time") && !log.contains("dropped"), "{log}");
    assert!(started.elapsed() < Duration::from_secs(9), "took {:?} to stop", started.elapsed());
    let counts = alice.replies_per_question(room.room_id(), setup.user_id(), &asked, Duration::from_secs(30)).await;
    assert_once_each(&counts);
}

/// Reply to `to` with `text` in a code block, as a client's rich reply does.
async fn reply_with_code(user: &User, room_id: &matrix_sdk::ruma::RoomId, to: &matrix_sdk::ruma::EventId, text: &str) -> matrix_sdk::ruma::OwnedEventId {
    use matrix_sdk::ruma::events::relation::{InReplyTo, Reply};
    use matrix_sdk::ruma::events::room::message::Relation;
    let mut content = RoomMessageEventContent::text_plain(format!("here it is:\n```toml\n{text}```"));
    content.relates_to = Some(Relation::Reply(Reply::new(InReplyTo::new(to.to_owned()))));
    user.send(room_id, content).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_edits_an_entry_by_replying_with_a_code_block() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let mut setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await; // the room's creator: a moderator in the moderator room
    let room = alice.create_room(&[setup.user_id()], false).await;
    setup.config.moderator_room = Some(room.room_id().to_string());
    // A service of its own, over a copy of the mini base that this test edits.
    let dir = tempfile::tempdir().unwrap();
    let service = support::mini_base_service(dir.path(), "");
    let bot = within(WAIT, "the bot to start", histbot::matrix::Bot::start_with(service, setup.config.clone(), setup.store().to_path_buf(), SyncTuning::default()))
        .await
        .expect("the bot starts");
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let file = dir.path().join("facts/treaties/belgrade-declaration.toml");
    let original = std::fs::read_to_string(&file).unwrap();

    let request = alice.say(room.room_id(), "!facts edit belgrade-declaration").await;
    let draft = alice.reply_to(&request, WAIT).await;
    assert!(draft.body().contains("```toml\nid = \"belgrade-declaration\""), "{}", draft.body());
    assert!(draft.html().is_some_and(|html| html.contains("<pre><code class=\"language-toml\">id = &quot;belgrade-declaration&quot;")), "{:?}", draft.html());

    // A broken edit: the checker's error with its line and fix, nothing written.
    let broken = original.replace("bilateral relations were restored with the signing of the Belgrade declaration, but", "bilateral relations were restored by a treaty, but");
    let sent = reply_with_code(&alice, room.room_id(), &draft.event.event_id, &broken).await;
    let refused = alice.reply_to(&sent, WAIT).await;
    assert!(refused.body().contains("Not saved: the checker found") && refused.body().contains("treaties/belgrade-declaration.toml:") && refused.body().contains("fix:"), "{}", refused.body());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original, "nothing written");

    // A clean one: written, live, and the reply shows the new answer.
    let edited = original.replace("Bilateral relations were restored", "Relations were restored");
    let sent = reply_with_code(&alice, room.room_id(), &draft.event.event_id, &edited).await;
    let accepted = alice.reply_to(&sent, WAIT).await;
    assert!(accepted.body().contains("edited (+1 −1), checked clean and live") && accepted.body().contains("Relations were restored with the signing"), "{}", accepted.body());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    let question = alice.say(room.room_id(), "!treaty belgrade-declaration").await;
    assert!(alice.reply_to(&question, WAIT).await.body().contains("Relations were restored with the signing"));

    // The history names the change; undo puts the file back.
    let question = alice.say(room.room_id(), "!facts history belgrade-declaration").await;
    let history = alice.reply_to(&question, WAIT).await;
    let change: u64 = history.body().split('#').nth(1).and_then(|rest| rest.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("a change number: {}", history.body()));
    assert!(history.body().contains("edit treaties/belgrade-declaration.toml (+1 −1)") && history.body().contains("matrix:@alice"), "{}", history.body());
    // A report from this room, closed with the fix: the reporter is told here.
    let report = alice.say(room.room_id(), "!report belgrade-declaration the summary says more than the quote").await;
    assert!(alice.reply_to(&report, WAIT).await.body().contains("report #1"));
    let close = alice.say(room.room_id(), &format!("!facts close 1 {change}")).await;
    assert!(alice.reply_to(&close, WAIT).await.body().contains(&format!("Report #1 closed, fixed by change #{change}")));
    let bot_id = setup.user_id().to_owned();
    let told = alice.message_where(room.room_id(), "the reporter's notice", |r| r.event.sender == bot_id && r.body().starts_with("Your report #1")).await;
    assert!(told.body().contains(&format!("fixed by change #{change}")), "{}", told.body());

    let question = alice.say(room.room_id(), &format!("!facts undo {change}")).await;
    let undone = alice.reply_to(&question, WAIT).await;
    assert!(undone.body().contains(&format!("#{change} undone")), "{}", undone.body());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    bot.shutdown().await;
}

/// A service whose `[study] daily` posts in `room` at 00:00 UTC (due the
/// moment the bot starts), its state in `data`.
fn daily_service(room: &matrix_sdk::ruma::RoomId, data: &std::path::Path) -> std::sync::Arc<histbot::service::Service> {
    let text = format!("[study]\ndaily = {{ room = \"{room}\", time = \"00:00\", timezone = \"UTC\" }}\n");
    let parsed = histbot::config::Config::parse(std::path::Path::new("daily.toml"), &text).expect("a valid [study] section");
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = histbot::config::Config { facts: manifest.join("facts"), intents: manifest.join("config/intents.toml"), data_dir: data.to_path_buf(), ..parsed };
    histbot::service::Service::start(&config).expect("the shipped fact base loads")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_fact_is_posted_as_a_notice_once_across_a_restart() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    // The bot joins on its first start (no daily fact yet).
    let bot = setup.start().await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    bot.shutdown().await;

    let data = tempfile::tempdir().expect("temp dir");
    let service = daily_service(room.room_id(), data.path());
    let start = |service| within(WAIT, "the bot to start", histbot::matrix::Bot::start_with(service, setup.config.clone(), setup.store().to_path_buf(), SyncTuning::default()));
    let bot = start(service.clone()).await.expect("the bot starts");
    let post = alice
        .message_where(room.room_id(), "the daily fact", |m| m.event.sender == setup.user_id() && (m.body().starts_with("Fact of the day: ") || m.body().starts_with("On this day, ")))
        .await;
    assert!(post.is_notice(), "an m.notice: {:?}", post.event.content.msgtype);
    assert!(post.in_reply_to().is_none(), "a post of its own, not a reply");
    // The day's entry from the store, and the excerpt the post must quote verbatim.
    let day = histbot::study::daily::Schedule::new("00:00", "UTC").unwrap().today(histbot::store::unix_now());
    let stored = service.store().daily_posts_of(&histbot::study::daily::day_key(day)).unwrap();
    assert_eq!(stored.len(), 1);
    let engine = service.engine();
    let expected = histbot::study::daily::message(&engine, engine.base().get(&stored[0].entry).expect("a known entry"), day, "en");
    let html = post.html().expect("an HTML formatted_body");
    assert!(html.contains("<blockquote>"), "{html}");
    let quote: String = expected.excerpts[0].quote.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    assert!(post.body().split_whitespace().collect::<Vec<_>>().join(" ").contains(&quote), "the excerpt {quote:?} in {}", post.body());
    service.shutdown().begin();
    bot.shutdown().await;

    // Started again on the same store: a question is answered, and the day is not posted again.
    let again = daily_service(room.room_id(), data.path());
    let bot = start(again.clone()).await.expect("the bot starts again");
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    assert_belgrade_answer(&alice.reply_to(&question, WAIT).await);
    let posts = alice.history(room.room_id()).await.into_iter().filter(|m| m.event.sender == setup.user_id() && m.body().starts_with(post.body().lines().next().unwrap_or("?"))).count();
    assert_eq!(posts, 1, "posted once");
    again.shutdown().begin();
    bot.shutdown().await;
}

/// A service whose quiz questions stay open `secs` seconds, its state in `data`.
fn quiz_service(secs: u64, data: &std::path::Path) -> std::sync::Arc<histbot::service::Service> {
    let parsed = histbot::config::Config::parse(std::path::Path::new("quiz.toml"), &format!("[study]\nquestion_secs = {secs}\n")).expect("a valid [study] section");
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = histbot::config::Config { facts: manifest.join("facts"), intents: manifest.join("config/intents.toml"), data_dir: data.to_path_buf(), ..parsed };
    histbot::service::Service::start(&config).expect("the shipped fact base loads")
}

/// Every event of `kind` from `sender` in the room, as JSON, oldest first.
async fn raw_events(user: &User, room_id: &matrix_sdk::ruma::RoomId, sender: &matrix_sdk::ruma::UserId, kind: &str) -> Vec<serde_json::Value> {
    use matrix_sdk::room::MessagesOptions;
    let room = user.client.get_room(room_id).expect("a known room");
    let mut options = MessagesOptions::backward();
    options.limit = 100u32.into();
    let page = within(WAIT, "the room's history", room.messages(options)).await.expect("/messages");
    let mut events: Vec<serde_json::Value> = page
        .chunk
        .iter()
        .filter_map(|event| event.raw().deserialize_as_unchecked::<serde_json::Value>().ok())
        .filter(|event| event["type"] == kind && event["sender"] == sender.as_str())
        .collect();
    events.reverse();
    events
}

/// Wait for the `n`-th (from 1) event of `kind` from `sender`.
async fn nth_event(user: &User, room_id: &matrix_sdk::ruma::RoomId, sender: &matrix_sdk::ruma::UserId, kind: &str, n: usize) -> serde_json::Value {
    within(WAIT, &format!("event {n} of type {kind}"), async {
        loop {
            if let Some(event) = raw_events(user, room_id, sender, kind).await.into_iter().nth(n - 1) {
                return event;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    })
    .await
}

/// The open question's right option, from the store.
fn right_option(service: &histbot::service::Service, room_id: &matrix_sdk::ruma::RoomId) -> (usize, usize) {
    let round = service.store().active_round(&format!("matrix:{room_id}")).unwrap().expect("an open round");
    let (_, question) = round.current().expect("a question");
    (question.correct, question.options.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_round_is_played_with_polls_by_two_users() {
    use matrix_sdk::ruma::events::poll::unstable_response::UnstablePollResponseEventContent;
    use matrix_sdk::ruma::events::reaction::ReactionEventContent;
    use matrix_sdk::ruma::events::relation::Annotation;
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let (alice, bob) = (User::new(&hs, "alice").await, User::new(&hs, "bob").await);
    let room = alice.create_room(&[setup.user_id(), bob.user_id()], false).await;
    let room_id = room.room_id().to_owned();
    bob.join(&room_id).await;
    let data = tempfile::tempdir().expect("temp dir");
    let service = quiz_service(12, data.path());
    let bot = within(WAIT, "the bot to start", histbot::matrix::Bot::start_with(service.clone(), setup.config.clone(), setup.store().to_path_buf(), SyncTuning::default()))
        .await
        .expect("the bot starts");
    alice.wait_for_membership(&room_id, setup.user_id(), MembershipState::Join).await;
    bob.wait_for_membership(&room_id, setup.user_id(), MembershipState::Join).await;
    let bot_id = setup.user_id().to_owned();

    alice.say(&room_id, "!quiz cold-war 2").await;
    let poll = nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.start", 1).await;
    let start = &poll["content"]["org.matrix.msc3381.poll.start"];
    assert!(start["question"]["org.matrix.msc1767.text"].as_str().unwrap_or_default().starts_with("Question 1 of 2: "), "{poll}");
    assert_eq!(start["max_selections"], 1);
    let fallback = poll["content"]["org.matrix.msc1767.text"].as_str().unwrap_or_default();
    assert!(fallback.contains("A. ") && fallback.contains("B. "), "the text fallback lists the options: {fallback}");
    eprintln!("poll fallback:\n{fallback}");
    let poll_id = matrix_sdk::ruma::OwnedEventId::try_from(poll["event_id"].as_str().unwrap()).unwrap();
    let (right, options) = right_option(&service, &room_id);
    let wrong = (right + 1) % options;
    let id = |i: usize| ((b'a' + i as u8) as char).to_string();
    let letter = |i: usize| ((b'A' + i as u8) as char).to_string();

    // Alice votes wrong, then changes her vote: the last one counts. Bob answers with a typed letter.
    alice.send_event(&room_id, UnstablePollResponseEventContent::new(vec![id(wrong)], poll_id.clone())).await;
    alice.send_event(&room_id, UnstablePollResponseEventContent::new(vec![id(right)], poll_id.clone())).await;
    bob.say(&room_id, &letter(wrong)).await;

    let reveal = alice.message_where(&room_id, "the first reveal", |m| m.event.sender == bot_id && m.body().starts_with("Answer 1 of 2")).await;
    assert!(reveal.is_notice());
    assert_eq!(reveal.in_reply_to(), Some(&*poll_id), "the reveal replies to the poll");
    assert!(reveal.html().expect("HTML").contains("<blockquote>"), "the excerpt is quoted");
    let body = reveal.body();
    eprintln!("reveal:\n{body}");
    assert!(body.contains(&format!("Right: {} ({})", alice_name(&alice), letter(right))) && body.contains(&format!("({})", letter(wrong))), "{body}");
    let ended = nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.end", 1).await;
    assert_eq!(ended["content"]["m.relates_to"]["event_id"], poll_id.as_str());

    // The second question: Alice reacts with the regional-indicator letter, Bob votes in the poll.
    let poll = nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.start", 2).await;
    let poll_id = matrix_sdk::ruma::OwnedEventId::try_from(poll["event_id"].as_str().unwrap()).unwrap();
    let (right, _) = right_option(&service, &room_id);
    let indicator = char::from_u32(0x1F1E6 + right as u32).unwrap().to_string();
    alice.send_event(&room_id, ReactionEventContent::new(Annotation::new(poll_id.clone(), indicator))).await;
    bob.send_event(&room_id, UnstablePollResponseEventContent::new(vec![id(right)], poll_id.clone())).await;
    alice.message_where(&room_id, "the second reveal", |m| m.event.sender == bot_id && m.body().starts_with("Answer 2 of 2")).await;
    let results = alice.message_where(&room_id, "the results", |m| m.event.sender == bot_id && m.body().contains("is over")).await;
    assert!(results.body().contains("2 of 2") && results.body().contains("1 of 2"), "{}", results.body());

    // The scores are the room's leaderboard.
    let standings = service.store().leaderboard(&format!("matrix:{room_id}"), 0, 10).unwrap();
    let points: Vec<(String, u64, u64)> = standings.iter().map(|s| (s.player.clone(), s.points, s.answered)).collect();
    assert_eq!(points, [(format!("matrix:{}", alice.user_id()), 2, 2), (format!("matrix:{}", bob.user_id()), 1, 2)]);
    let question = alice.say(&room_id, "!quiz leaderboard").await;
    let board = alice.reply_to(&question, WAIT).await;
    assert!(board.body().contains("2"), "{}", board.body());
    bot.shutdown().await;
}

fn alice_name(user: &User) -> String {
    user.user_id().localpart().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_round_survives_a_restart_and_only_its_starter_stops_it() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let (alice, bob) = (User::new(&hs, "alice").await, User::new(&hs, "bob").await);
    let room = alice.create_room(&[setup.user_id(), bob.user_id()], false).await;
    let room_id = room.room_id().to_owned();
    bob.join(&room_id).await;
    let data = tempfile::tempdir().expect("temp dir");
    let service = quiz_service(8, data.path());
    let start = || within(WAIT, "the bot to start", histbot::matrix::Bot::start_with(service.clone(), setup.config.clone(), setup.store().to_path_buf(), SyncTuning::default()));
    let bot = start().await.expect("the bot starts");
    alice.wait_for_membership(&room_id, setup.user_id(), MembershipState::Join).await;
    let bot_id = setup.user_id().to_owned();

    alice.say(&room_id, "!quiz treaties 2").await;
    nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.start", 1).await;
    let personal = bob.say(&room_id, "!quiz me").await;
    assert!(bob.reply_to(&personal, WAIT).await.body().contains("direct room"), "a personal round is for a direct room");
    let refused = bob.say(&room_id, "!quiz stop").await;
    assert!(bob.reply_to(&refused, WAIT).await.body().contains("Only the person who started the round or a moderator"));

    // Stopped while the question is open; started again: the round goes on from the store.
    bot.shutdown().await;
    let bot = start().await.expect("the bot starts again");
    alice.message_where(&room_id, "the reveal after the restart", |m| m.event.sender == bot_id && m.body().starts_with("Answer 1 of 2")).await;
    nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.start", 2).await;
    let stop = alice.say(&room_id, "!quiz stop").await;
    let stopped = alice.reply_to(&stop, WAIT).await;
    assert!(stopped.body().contains("was stopped after"), "{}", stopped.body());
    nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.end", 2).await;
    assert!(service.store().active_round(&format!("matrix:{room_id}")).unwrap().is_none(), "the round is closed");
    bot.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_personal_round_is_played_in_a_direct_room() {
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let setup = BotSetup::new(&hs).await;
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    let room_id = room.room_id().to_owned();
    let data = tempfile::tempdir().expect("temp dir");
    let service = quiz_service(6, data.path());
    let bot = within(WAIT, "the bot to start", histbot::matrix::Bot::start_with(service.clone(), setup.config.clone(), setup.store().to_path_buf(), SyncTuning::default()))
        .await
        .expect("the bot starts");
    alice.wait_for_membership(&room_id, setup.user_id(), MembershipState::Join).await;
    let bot_id = setup.user_id().to_owned();
    // No prefix needed in a direct room.
    alice.say(&room_id, "quiz me 1").await;
    nth_event(&alice, &room_id, &bot_id, "org.matrix.msc3381.poll.start", 1).await;
    let (right, _) = right_option(&service, &room_id);
    alice.say(&room_id, &((b'a' + right as u8) as char).to_string()).await;
    let reveal = alice.message_where(&room_id, "the reveal", |m| m.event.sender == bot_id && m.body().starts_with("Answer 1 of 1")).await;
    assert!(reveal.body().contains("Right: "), "{}", reveal.body());
    let results = alice.message_where(&room_id, "the results", |m| m.event.sender == bot_id && m.body().starts_with("Your round is over")).await;
    assert!(results.body().contains("1 of 1"), "{}", results.body());
    // A personal round counts for no leaderboard, but files the Leitner card.
    assert!(service.store().leaderboard(&format!("matrix:{room_id}"), 0, 10).unwrap().is_empty());
    assert_eq!(service.store().cards(&format!("matrix:{}", alice.user_id())).unwrap().len(), 1);
    bot.shutdown().await;
}
