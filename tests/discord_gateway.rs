//! Gateway mode end to end: serenity's real client against a fake Discord on
//! loopback (REST through `HttpBuilder::proxy` with the rate limiter off, the
//! WebSocket gateway from the fake's `/gateway`). Nothing contacts discord.com.
#![cfg(feature = "discord")]

#[path = "support/fake_discord.rs"]
mod fake_discord;
mod support;
use support::process;

use std::time::Duration;

use fake_discord::*;
use histbot::config::{DiscordConfig, DiscordMode};
use histbot::discord::commands::{self, Locales, Registration};
use histbot::discord::DiscordError;
use serde_json::json;
use serenity::model::id::ApplicationId;
use tempfile::TempDir;

/// A running bot and its fake Discord. Dropping it (with the test's runtime) stops both.
struct Bot {
    fake: FakeDiscord,
    config: DiscordConfig,
    _dir: TempDir,
    task: tokio::task::JoinHandle<Result<(), DiscordError>>,
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn discord_config(fake: &FakeDiscord, dir: &TempDir, token: &str, defer_after_ms: u64) -> DiscordConfig {
    let token_file = dir.path().join("discord-token");
    std::fs::write(&token_file, format!("{token}\n")).unwrap();
    DiscordConfig {
        enabled: true,
        mode: DiscordMode::Gateway,
        // The token comes from the file: this variable is never set.
        token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
        token_file: Some(token_file),
        api_base: Some(fake.http_url.clone()),
        locales: root().join("config/discord-locales.toml"),
        defer_after_ms,
        moderator_channel: Some(MODERATOR_CHANNEL),
        ..DiscordConfig::default()
    }
}

async fn start_bot(defer_after_ms: u64) -> Bot {
    start_scoped_bot(defer_after_ms, "").await
}

/// [`start_bot`] with a `[moderation]` section (its TOML body).
async fn start_scoped_bot(defer_after_ms: u64, moderation: &str) -> Bot {
    capture_logs();
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    let service = start_service_with(dir.path(), moderation);
    let config = discord_config(&fake, &dir, TOKEN, defer_after_ms);
    let task = tokio::spawn(histbot::discord::run(service, config.clone()));
    fake.wait_for_sessions(1).await;
    Bot { fake, config, _dir: dir, task }
}

const MODERATOR_CHANNEL: u64 = 1_000_000_000_000_000_077;

fn commands_path() -> String {
    format!("/api/v10/applications/{APPLICATION_ID}/commands")
}

#[test]
fn fixtures_carry_every_field_serenity_requires() {
    for name in ["command.json", "autocomplete.json", "dm-command.json", "component.json"] {
        let parsed = serde_json::from_value::<serenity::all::Interaction>(fixture(name));
        assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
    }
    let parsed: serenity::all::Interaction = serde_json::from_value(fixture("autocomplete.json")).unwrap();
    assert!(matches!(parsed, serenity::all::Interaction::Autocomplete(_)));
    // Without `locale`, serenity drops the event: keep the fixtures honest.
    let mut broken = fixture("command.json");
    broken.as_object_mut().unwrap().remove("locale");
    assert!(serde_json::from_value::<serenity::all::Interaction>(broken).is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_the_command_table_only_when_it_differs() {
    let bot = start_bot(2000).await;
    let put = bot.fake.wait_for("the command registration", |log| log.find("PUT", &commands_path()).into_iter().next()).await;
    assert!(put.problems.is_empty(), "{:?}", put.problems);
    let locales = Locales::load(&root().join("config/discord-locales.toml"));
    let sent = put.body.as_array().expect("a list of commands").clone();
    assert_eq!(sent, commands::payload(&locales));

    let by_name = |name: &str| sent.iter().find(|c| c["name"] == name).cloned().unwrap_or_else(|| panic!("no /{name}"));
    assert_eq!(sent.len(), histbot::ask::commands::COMMANDS.len());
    let year = by_name("year");
    assert_eq!(year["options"][0]["type"], 4);
    assert_eq!((year["options"][0]["min_value"].as_i64(), year["options"][0]["max_value"].as_i64()), (Some(1300), Some(2100)));
    assert_eq!(year["options"][1]["min_value"], 1);
    let when = by_name("when");
    assert_eq!(when["options"][0], json!({
        "type": 3, "name": "event", "description": "An event or treaty, e.g. belgrade-declaration", "required": true,
        "autocomplete": true, "max_length": 100,
        "description_localizations": when["options"][0]["description_localizations"].clone(),
    }));
    for locale in ["ru", "uk", "hr"] {
        assert!(when["description_localizations"][locale].is_string(), "{locale}");
    }
    assert!(when["description_localizations"].get("sr").is_none());
    for moderator in ["reload", "facts"] {
        assert_eq!(by_name(moderator)["default_member_permissions"], "32");
        assert_eq!(by_name(moderator)["contexts"], json!([0]));
    }
    assert!(when.get("default_member_permissions").is_none());

    // Registering again against what the fake now holds writes nothing.
    let http = histbot::discord::rest_client(&bot.config, TOKEN);
    let application = ApplicationId::new(APPLICATION_ID);
    assert_eq!(commands::register(&http, application, &[], &locales).await.unwrap(), Registration::Unchanged);
    assert_eq!(bot.fake.log(|log| log.find("PUT", &commands_path()).len()), 1);
    // Guilds, for fast iteration: written once, then left alone.
    assert_eq!(commands::register(&http, application, &[424242], &locales).await.unwrap(), Registration::Updated);
    assert_eq!(commands::register(&http, application, &[424242], &locales).await.unwrap(), Registration::Unchanged);
    assert_eq!(bot.fake.log(|log| log.find("PUT", "/guilds/424242/commands").len()), 1);
    // A changed table (here: translations dropped) is written again.
    assert_eq!(commands::register(&http, application, &[], &Locales::default()).await.unwrap(), Registration::Updated);
    assert!(!logs().contains(TOKEN), "the token appeared in a log line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slash_command_gets_an_embed_with_the_date_and_the_quote() {
    let bot = start_bot(2000).await;
    bot.fake.interaction(command("1301", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])));
    let reply = bot.fake.callback("1301").await;
    assert!(reply.problems.is_empty(), "{:?}", reply.problems);
    assert_eq!(reply.body["type"], 4);
    let data = &reply.body["data"];
    assert_eq!(data["allowed_mentions"], json!({ "parse": [] }));
    assert!(data.get("flags").is_none(), "a found answer is public: {data}");
    let embed = &data["embeds"][0];
    let text = embed_text(data);
    assert!(text.contains("1955"), "{text}");
    assert!(embed["title"].as_str().unwrap().contains("Belgrade"), "{embed}");
    let description = description(data);
    assert!(
        description.contains("> From 1953–1955, bilateral relations were restored with the signing of the Belgrade declaration"),
        "the excerpt is a block quote: {description}"
    );
    assert!(description.contains("](https://"), "the source is linked: {description}");
    assert!(description.contains("section “"), "{description}");
    assert!(embed["footer"]["text"].as_str().unwrap().contains("CC BY-SA"), "{embed}");
    assert!(!logs().contains(TOKEN), "the token appeared in a log line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_answers_from_the_resolver() {
    let bot = start_bot(2000).await;
    for (id, partial) in [("1401", "belgrad declaraton"), ("1402", "béograd declaration"), ("1403", "Београдска")] {
        bot.fake.interaction(autocomplete(id, "when", "event", partial));
        let reply = bot.fake.callback(id).await;
        assert!(reply.problems.is_empty(), "{:?}", reply.problems);
        assert_eq!(reply.body["type"], 8);
        let choices = reply.body["data"]["choices"].as_array().unwrap();
        assert!(!choices.is_empty() && choices.len() <= 25, "{partial}: {choices:?}");
        assert!(choices.iter().any(|c| c["value"] == "belgrade-declaration"), "{partial}: {choices:?}");
        assert!(choices.iter().all(|c| c["name"].as_str().unwrap().chars().count() <= 100));
    }
    // compare takes years or entries.
    bot.fake.interaction(autocomplete("1404", "compare", "a", "1956"));
    let reply = bot.fake.callback("1404").await;
    assert_eq!(reply.body["data"]["choices"][0], json!({ "name": "1956", "value": "1956" }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_found_is_ephemeral_with_suggestions() {
    let bot = start_bot(2000).await;
    bot.fake.interaction(command("1501", "when", json!([{ "name": "event", "type": 3, "value": "zzqx quux nothing" }])));
    let reply = bot.fake.callback("1501").await;
    let data = &reply.body["data"];
    assert_eq!(reply.body["type"], 4);
    assert_eq!(data["flags"], 64, "{data}");
    assert!(embed_text(data).contains("I don't know"), "{data}");

    bot.fake.interaction(command("1502", "when", json!([{ "name": "event", "type": 3, "value": "belgrade declaraton" }])));
    let reply = bot.fake.callback("1502").await;
    let data = &reply.body["data"];
    let text = embed_text(data);
    if data.get("flags").is_some() {
        // A near miss is answered with what it might have meant.
        assert!(text.contains("/when") || text.contains("/treaty"), "{text}");
    } else {
        assert!(text.contains("1955"), "{text}");
    }

    // Moderator commands from a direct message: refused, privately.
    let mut dm = fixture("dm-command.json");
    dm["id"] = json!("1503");
    bot.fake.interaction(dm);
    let reply = bot.fake.callback("1503").await;
    assert_eq!(reply.body["data"]["flags"], 64);
    assert!(embed_text(&reply.body["data"]).contains("Only moderators"), "{}", reply.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_from_the_asker_or_a_fact_can_ping() {
    let bot = start_bot(2000).await;
    let question = "@everyone @here <@&1000000000000000005> <@1000000000000000003> zzqx?";
    bot.fake.interaction(command("1601", "ask", json!([{ "name": "question", "type": 3, "value": question }])));
    let reply = bot.fake.callback("1601").await;
    let data = &reply.body["data"];
    assert!(reply.problems.is_empty(), "{:?}", reply.problems);
    let text = embed_text(data);
    assert!(text.contains("everyone"), "the question is echoed: {text}");
    assert!(!text.contains("@everyone") && !text.contains("@here"), "mentions are broken up: {text}");
    bot.fake.interaction(command("1602", "report", json!([{ "name": "entry", "type": 3, "value": "@everyone" }, { "name": "problem", "type": 3, "value": "@here <@&1>" }])));
    let filed = bot.fake.callback("1602").await;
    assert!(embed_text(&filed.body["data"]).contains("report #"), "{}", filed.body);
    // The new report is posted to the moderator channel, pinging nobody either.
    let channel = format!("/channels/{MODERATOR_CHANNEL}/messages");
    let notice = bot.fake.wait_for("the moderator notice", |log| log.find("POST", &channel).into_iter().next()).await;
    assert!(notice.problems.is_empty(), "{:?}", notice.problems);
    assert!(!embed_text(&notice.body).contains("@here"), "{}", notice.body);
    let messages = bot.fake.log(|log| log.messages());
    assert!(messages.len() >= 2);
    for message in messages {
        assert_eq!(message["allowed_mentions"], json!({ "parse": [] }), "{message}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_again_after_the_gateway_drops() {
    let bot = start_bot(2000).await;
    bot.fake.wait_for("a heartbeat", |log| (log.heartbeats() >= 1).then_some(())).await;
    bot.fake.interaction(command("1701", "year", json!([{ "name": "year", "type": 4, "value": 1948 }])));
    assert_eq!(bot.fake.callback("1701").await.body["type"], 4);

    bot.fake.drop_connection();
    bot.fake.wait_for_sessions(2).await;
    bot.fake.interaction(command("1702", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])));
    let reply = bot.fake.callback("1702").await;
    assert!(embed_text(&reply.body["data"]).contains("1955"));

    // And once more, to be sure the new session keeps going.
    bot.fake.drop_connection();
    bot.fake.wait_for_sessions(3).await;
    bot.fake.interaction(command("1703", "who", json!([{ "name": "person", "type": 3, "value": "tito" }])));
    assert_eq!(bot.fake.callback("1703").await.body["type"], 4);
    assert!(!logs().contains(TOKEN), "the token appeared in a log line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_lists_page_with_buttons() {
    let bot = start_bot(2000).await;
    bot.fake.interaction(command("1801", "timeline", json!([{ "name": "from", "type": 3, "value": "1900" }, { "name": "to", "type": 4, "value": 2000 }])));
    let first = bot.fake.callback("1801").await;
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let data = &first.body["data"];
    let footer = data["embeds"][0]["footer"]["text"].as_str().unwrap().to_string();
    assert!(footer.starts_with("Page 1 of"), "{footer}");
    let row = &data["components"][0]["components"];
    assert_eq!(row[0]["disabled"], true, "no previous page: {row}");
    assert_eq!(row[1]["disabled"], false, "{row}");
    let next = row[1]["custom_id"].as_str().unwrap().to_string();

    bot.fake.interaction(button("1802", &next));
    let second = bot.fake.callback("1802").await;
    assert!(second.problems.is_empty(), "{:?}", second.problems);
    assert_eq!(second.body["type"], 7, "a button updates the message");
    let data = &second.body["data"];
    assert!(data["embeds"][0]["footer"]["text"].as_str().unwrap().contains("of"), "{data}");
    assert_ne!(description(data), description(&first.body["data"]));
    let back = data["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_string();
    bot.fake.interaction(button("1803", &back));
    let again = bot.fake.callback("1803").await;
    assert_eq!(description(&again.body["data"]), description(&first.body["data"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_answers_are_deferred_then_edited_in() {
    let bot = start_bot(0).await;
    bot.fake.interaction(command("1901", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])));
    let ack = bot.fake.callback("1901").await;
    assert_eq!(ack.body["type"], 5);
    let edit_path = format!("/api/v10/webhooks/{APPLICATION_ID}/");
    let edit = bot.fake.wait_for("the webhook edit", |log| log.find("PATCH", &edit_path).into_iter().next()).await;
    assert!(edit.path.ends_with("/messages/@original"), "{}", edit.path);
    assert!(edit.problems.is_empty(), "{:?}", edit.problems);
    assert!(embed_text(&edit.body).contains("1955"));
    assert_eq!(edit.body["allowed_mentions"], json!({ "parse": [] }));
}

/// Acknowledged before it is answered (`defer_after_ms = 0`), an answer
/// that turns out to be for the asker alone ("I don't know") still reaches
/// them alone: the public acknowledgement is deleted, then the answer
/// follows ephemerally (a follow-up sent while the "thinking…" is there
/// would take its place, in public). A button refused after a silent
/// acknowledgement is answered ephemerally too, and its message left as it was.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_private_answers_stay_private() {
    let bot = start_bot(0).await;
    let mut miss = command("1911", "when", json!([{ "name": "event", "type": 3, "value": "zzqx quux nothing" }]));
    miss["token"] = json!("interaction-token-1911");
    bot.fake.interaction(miss);
    let ack = bot.fake.callback("1911").await;
    assert_eq!(ack.body["type"], 5);
    assert!(ack.body["data"].get("flags").is_none(), "acknowledged publicly: {}", ack.body);
    let followup = bot.fake.wait_for("the answer as a follow-up", |log| log.followups("interaction-token-1911").into_iter().next()).await;
    assert_eq!(followup.body["flags"], 64, "{}", followup.body);
    assert!(embed_text(&followup.body).contains("I don't know"), "{}", followup.body);
    assert!(followup.problems.is_empty(), "{:?}", followup.problems);
    assert_ne!(followup.made.as_deref(), Some(TOOK_THE_ORIGINAL), "sent after the acknowledgement was deleted");
    let original: Vec<String> = bot.fake.log(|log| log.original("interaction-token-1911")).into_iter().map(|r| r.method).collect();
    assert_eq!(original, ["DELETE"]);

    let mut press = button("1912", "hb|0|report|belgrade-declaration|spam");
    press["token"] = json!("interaction-token-1912");
    bot.fake.interaction(press);
    let ack = bot.fake.callback("1912").await;
    assert_eq!(ack.body["type"], 6, "a button is acknowledged silently");
    let followup = bot.fake.wait_for("the refusal as a follow-up", |log| log.followups("interaction-token-1912").into_iter().next()).await;
    assert_eq!(followup.body["flags"], 64, "{}", followup.body);
    assert!(embed_text(&followup.body).contains("no longer works"), "{}", followup.body);
    assert!(bot.fake.log(|log| log.original("interaction-token-1912")).is_empty(), "the button's message is left as it was");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_never_show_the_token() {
    capture_logs();
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    // A token the fake refuses: the error says so without repeating it.
    let wrong = "wrong-token.not-valid.SHOULD-NOT-APPEAR-9876543210";
    let config = discord_config(&fake, &dir, wrong, 2000);
    let error = tokio::time::timeout(WAIT, histbot::discord::run(service.clone(), config)).await.expect("gives up").unwrap_err();
    assert!(!error.to_string().contains(wrong), "{error}");
    assert!(!format!("{error:?}").contains(wrong), "{error:?}");
    // Nothing listening at `api_base`: an error, never a fallback to discord.com.
    let mut config = discord_config(&fake, &dir, TOKEN, 2000);
    config.api_base = Some("http://127.0.0.1:1".into());
    let error = tokio::time::timeout(WAIT, histbot::discord::run(service.clone(), config)).await.expect("gives up").unwrap_err();
    assert!(matches!(error, DiscordError::Gateway(_)) && !error.to_string().contains(TOKEN), "{error}");
    // No token at all.
    let config = DiscordConfig { token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(), ..DiscordConfig::default() };
    let error = histbot::discord::run(service, config).await.unwrap_err();
    assert!(error.to_string().contains("HISTBOT_TEST_DISCORD_TOKEN_UNSET"), "{error}");
    let logged = logs();
    assert!(!logged.contains(wrong) && !logged.contains(TOKEN), "a token appeared in a log line");
}

/// Wait until the binary's log contains `needle`.
async fn log_shows(bot: &process::Histbot, needle: &str) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !bot.stderr().contains(needle) {
        assert!(tokio::time::Instant::now() < deadline, "no {needle:?} in the log:\n{}", bot.stderr());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The real binary in gateway mode against the fake Discord: an
/// INTERACTION_CREATE serenity cannot read is logged at warn without its
/// token (not dropped silently); SIGTERM closes the gateway and exits 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_reports_unreadable_interactions_and_stops_on_sigterm() {
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("token"), TOKEN).unwrap();
    let config = format!(
        "facts = {facts:?}\nintents = {intents:?}\ndata_dir = {data:?}\n[reload]\nwatch = false\n[discord]\nenabled = true\nmode = \"gateway\"\ntoken_env = \"HISTBOT_TEST_DISCORD_TOKEN_UNSET\"\ntoken_file = {token:?}\napi_base = {api:?}\nlocales = {locales:?}\n",
        facts = root().join("facts"),
        intents = root().join("config/intents.toml"),
        data = dir.path().join("data"),
        token = dir.path().join("token"),
        api = fake.http_url,
        locales = root().join("config/discord-locales.toml"),
    );
    let config_path = dir.path().join("histbot.toml");
    std::fs::write(&config_path, config).unwrap();
    let mut bot = process::Histbot::start(&root(), &["run", "--config", &config_path.display().to_string()], &[]);
    fake.wait_for_sessions(1).await;

    // Without `locale`, serenity cannot read the interaction.
    let secret = "SECRET-INTERACTION-TOKEN-0123456789-gateway";
    let mut broken = command("3001", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]));
    broken.as_object_mut().unwrap().remove("locale");
    broken["token"] = json!(secret);
    fake.interaction(broken);
    log_shows(&bot, "a gateway event could not be read").await;
    let log = bot.stderr();
    let line = log.lines().find(|l| l.contains("a gateway event could not be read")).unwrap_or_default();
    assert!(line.contains("WARN") && line.contains("INTERACTION_CREATE") && line.contains("3001") && line.contains("locale"), "{line}");
    assert!(!log.contains(secret) && !log.contains(TOKEN), "a token was logged:\n{log}");

    // The next one is answered as usual.
    fake.interaction(command("3002", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])));
    assert!(embed_text(&fake.callback("3002").await.body["data"]).contains("1955"));

    bot.signal("TERM");
    let (status, bot) = tokio::task::spawn_blocking(move || (bot.wait(), bot)).await.unwrap();
    let log = bot.stderr();
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("SIGTERM") && log.contains("shut down cleanly"), "{log}");
    fake.wait_for("the gateway connection closed", |log| log.gateway.iter().any(|e| matches!(e, GatewayEvent::Closed(_))).then_some(())).await;
}

/// Through serenity's real client: Manage Server counts only in a listed
/// server, and a moderator's answer, given inline, is only for them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderator_replies_are_ephemeral_and_scoped_to_listed_servers() {
    let bot = start_scoped_bot(2000, &format!("discord_guilds = [{FIXTURE_GUILD}]")).await;
    let facts = |id: &str, guild: u64| {
        let mut interaction = command(id, "facts", json!([{ "name": "action", "type": 3, "value": "reports" }]));
        interaction["guild_id"] = json!(guild.to_string());
        interaction["member"]["permissions"] = json!("32");
        interaction["member"]["roles"] = json!(["1000000000000000444"]);
        interaction
    };
    let mut report = command("1901", "report", json!([{ "name": "entry", "type": 3, "value": "belgrade-declaration" }, { "name": "problem", "type": 3, "value": "wrong year" }]));
    report["guild_id"] = json!("1000000000000000555");
    bot.fake.interaction(report);
    assert!(embed_text(&bot.fake.callback("1901").await.body["data"]).contains("report #1"));

    bot.fake.interaction(facts("1902", FIXTURE_GUILD));
    let reply = bot.fake.callback("1902").await;
    let data = &reply.body["data"];
    assert_eq!(reply.body["type"], 4, "answered inline");
    assert_eq!(data["flags"], 64, "the report list is not shown to the channel: {data}");
    assert!(embed_text(data).contains("Discord server 1000000000000000555"), "{data}");

    // The same member with Manage Server, in a server that is not listed.
    bot.fake.interaction(facts("1903", 1_000_000_000_000_000_555));
    let reply = bot.fake.callback("1903").await;
    assert_eq!(reply.body["data"]["flags"], 64);
    assert!(embed_text(&reply.body["data"]).contains("Only moderators"), "{}", reply.body);
}

/// A form (modal) submission from `component.json`'s member and server: `custom_id` and the text of its one input.
fn form_submit(id: &str, custom_id: &str, text: &str) -> serde_json::Value {
    let mut interaction = fixture("command.json");
    interaction["id"] = json!(id);
    interaction["type"] = json!(5);
    interaction["data"] = json!({ "custom_id": custom_id, "components": [{ "type": 1, "components": [{ "type": 4, "custom_id": "toml", "value": text }] }] });
    interaction["member"]["permissions"] = json!("32");
    interaction
}

/// `/facts edit` through serenity's real client: the form with the entry's
/// TOML, a broken submission refused with the checker's line and fix (and
/// nothing written), a clean one written and answered, an entry too long
/// for a Discord form refused with what to do instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_edits_an_entry_through_a_form() {
    capture_logs();
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    let service = support::mini_base_service(dir.path(), &format!("discord_guilds = [{FIXTURE_GUILD}]"));
    let task = tokio::spawn(histbot::discord::run(service, discord_config(&fake, &dir, TOKEN, 2000)));
    fake.wait_for_sessions(1).await;
    let file = dir.path().join("facts/treaties/belgrade-declaration.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    let facts = |id: &str, action: &str, what: &str| {
        let mut interaction = command(id, "facts", json!([{ "name": "action", "type": 3, "value": action }, { "name": "what", "type": 3, "value": what }]));
        interaction["member"]["permissions"] = json!("32");
        interaction
    };

    fake.interaction(facts("2101", "edit", "belgrade-declaration"));
    let form = fake.callback("2101").await;
    assert!(form.problems.is_empty(), "{:?}", form.problems);
    assert_eq!(form.body["type"], 9, "a form: {}", form.body);
    let custom_id = form.body["data"]["custom_id"].as_str().unwrap().to_string();
    assert!(custom_id.starts_with("hbedit|") && custom_id.ends_with("|treaties/belgrade-declaration.toml"), "{custom_id}");
    let input = &form.body["data"]["components"][0]["components"][0];
    assert_eq!((input["type"].as_u64(), input["style"].as_u64(), input["max_length"].as_u64()), (Some(4), Some(2), Some(4000)));
    assert_eq!(input["value"].as_str(), Some(original.as_str()));
    assert!(form.body["data"]["title"].as_str().is_some_and(|t| t.chars().count() <= 45));

    // Broken: refused privately with the line and the fix; nothing written.
    let broken = original.replace("bilateral relations were restored with the signing of the Belgrade declaration, but", "bilateral relations were restored by a treaty, but");
    fake.interaction(form_submit("2102", &custom_id, &broken));
    let refused = fake.callback("2102").await;
    assert_eq!((refused.body["type"].as_u64(), refused.body["data"]["flags"].as_u64()), (Some(4), Some(64)), "{}", refused.body);
    let text = plain_text(&refused.body["data"]);
    assert!(text.contains("Not saved") && text.contains("treaties/belgrade-declaration.toml:") && text.contains("fix:"), "{text}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);

    // Clean: written, and the moderator sees the new answer.
    let edited = original.replace("Bilateral relations were restored", "Relations were restored");
    fake.interaction(form_submit("2103", &custom_id, &edited));
    let accepted = fake.callback("2103").await;
    assert!(accepted.problems.is_empty(), "{:?}", accepted.problems);
    let text = plain_text(&accepted.body["data"]);
    assert!(text.contains("checked clean and live") && text.contains("Relations were restored with the signing"), "{text}");
    assert_eq!(accepted.body["data"]["flags"], 64);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);

    // A student's report from the fixture's channel, closed with the fix: the student is told there.
    fake.interaction(command("2110", "report", json!([{ "name": "entry", "type": 3, "value": "belgrade-declaration" }, { "name": "problem", "type": 3, "value": "the summary says more than the quote" }])));
    assert!(plain_text(&fake.callback("2110").await.body["data"]).contains("report #1"));
    let change: String = text.split("Change #").nth(1).unwrap_or_default().chars().take_while(char::is_ascii_digit).collect();
    fake.interaction(facts("2111", "close", &format!("1 {change}")));
    let closed = plain_text(&fake.callback("2111").await.body["data"]);
    assert!(closed.contains(&format!("Report #1 closed, fixed by change #{change}")), "{closed}");
    let channel = "/channels/1000000000000000002/messages";
    let told = fake.wait_for("the reporter's notice", |log| log.find("POST", channel).into_iter().next()).await;
    assert!(told.problems.is_empty(), "{:?}", told.problems);
    assert!(plain_text(&told.body).contains(&format!("fixed by change #{change}")), "{}", told.body);

    // The same form again: the entry changed since it was opened.
    fake.interaction(form_submit("2104", &custom_id, &original));
    assert!(plain_text(&fake.callback("2104").await.body["data"]).contains("changed meanwhile"));

    // Too long for a form: a clear refusal, no form.
    std::fs::write(&file, format!("{edited}# {}\n", "long note ".repeat(420))).unwrap();
    fake.interaction(facts("2105", "edit", "belgrade-declaration"));
    let refusal = fake.callback("2105").await;
    assert_eq!((refusal.body["type"].as_u64(), refusal.body["data"]["flags"].as_u64()), (Some(4), Some(64)), "{}", refusal.body);
    let text = plain_text(&refusal.body["data"]);
    assert!(text.contains("too long for a Discord form") && text.contains("4000") && text.contains("!facts edit belgrade-declaration"), "{text}");

    // A student gets no form.
    let mut student = facts("2106", "edit", "belgrade-declaration");
    student["member"]["permissions"] = json!("1024");
    fake.interaction(student);
    let reply = fake.callback("2106").await;
    assert_eq!(reply.body["type"], 4);
    assert!(plain_text(&reply.body["data"]).contains("Only moderators"), "{}", reply.body);
    task.abort();
}

#[test]
fn a_form_submission_is_an_interaction_serenity_reads() {
    let parsed = serde_json::from_value::<serenity::all::Interaction>(form_submit("1", "hbedit|ab|events/x.toml", "id = \"x\"\n"));
    assert!(matches!(parsed, Ok(serenity::all::Interaction::Modal(_))), "{parsed:?}");
}

/// A message's embed text without Markdown escapes.
fn plain_text(data: &serde_json::Value) -> String {
    embed_text(data).replace('\\', "")
}

const DAILY_CHANNEL: u64 = 1_000_000_000_000_000_088;

/// A service whose `[study] daily` posts in [`DAILY_CHANNEL`] at 00:00 UTC
/// (so it is due the moment the bot starts), its state in `dir`.
fn daily_service(dir: &std::path::Path) -> std::sync::Arc<histbot::service::Service> {
    let text = format!("[study]\ndaily = {{ channel = \"{DAILY_CHANNEL}\", time = \"00:00\", timezone = \"UTC\" }}\n");
    let parsed = histbot::config::Config::parse(std::path::Path::new("daily.toml"), &text).expect("a valid [study] section");
    let config = histbot::config::Config { facts: root().join("facts"), intents: root().join("config/intents.toml"), data_dir: dir.to_path_buf(), ..parsed };
    histbot::service::Service::start(&config).expect("the shipped fact base loads")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_fact_is_posted_in_its_channel_once_across_a_restart() {
    capture_logs();
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    let config = discord_config(&fake, &dir, TOKEN, 2000);
    let path = format!("/channels/{DAILY_CHANNEL}/messages");
    let service = daily_service(dir.path());
    let task = tokio::spawn(histbot::discord::run(service.clone(), config.clone()));
    let post = fake.wait_for("the daily fact", |log| log.find("POST", &path).first().cloned()).await;
    assert!(post.problems.is_empty(), "{:?}", post.problems);
    let title = post.body["embeds"][0]["title"].as_str().unwrap_or_default().to_string();
    assert!(title.starts_with("Fact of the day: ") || title.starts_with("On this day, "), "{title}");
    // The stored day's entry, and the excerpt its post must quote.
    let schedule = histbot::study::daily::Schedule::new("00:00", "UTC").unwrap();
    let day = schedule.today(histbot::store::unix_now());
    // Marked sent once Discord answered (the fake logs the request before it answers).
    let stored = tokio::time::timeout(WAIT, async {
        loop {
            let stored = service.store().daily_posts_of(&histbot::study::daily::day_key(day)).unwrap();
            if stored.iter().all(|post| post.posted.is_some()) {
                return stored;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await
    .expect("the post is marked sent");
    assert_eq!(stored.len(), 1);
    let engine = service.engine();
    let entry = engine.base().get(&stored[0].entry).expect("a known entry");
    let expected = histbot::study::daily::message(&engine, entry, day, "en");
    let quote: String = expected.excerpts[0].quote.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let text = embed_text(&post.body).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&quote), "the excerpt {quote:?} is quoted: {text}");
    assert_eq!(post.body["allowed_mentions"], json!({ "parse": [] }));

    // Stopped and started again on the same store: the day is not posted twice.
    service.shutdown().begin();
    let _ = tokio::time::timeout(WAIT, task).await;
    let again = daily_service(dir.path());
    let task = tokio::spawn(histbot::discord::run(again.clone(), config));
    fake.wait_for_sessions(2).await;
    // A command answered after the restart: the daily task had its look by then.
    fake.interaction(command("9101", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])));
    fake.callback("9101").await;
    assert_eq!(fake.log(|log| log.find("POST", &path).len()), 1, "posted once");
    again.shutdown().begin();
    let _ = tokio::time::timeout(WAIT, task).await;
}
