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

use std::time::Duration;

use harness::{homeserver, within, BotSetup, User, HOMESERVER_LOCK, WAIT};
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
