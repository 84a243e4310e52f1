//! HTTP interactions endpoint mode, with requests signed by a test Ed25519
//! key, over loopback. REST calls (registration, deferred edits) go to the
//! fake Discord; nothing contacts discord.com.
#![cfg(feature = "discord")]

#[path = "support/fake_discord.rs"]
mod fake_discord;
mod support;
use support::process;
#[path = "support/postgres.rs"]
mod pg;

use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::{Signer, SigningKey};
use fake_discord::*;
use histbot::config::{DiscordConfig, DiscordMode};
use histbot::discord::http::{serve, Endpoint};
use histbot::discord::DiscordError;
use serde_json::{json, Value};
use tempfile::TempDir;

/// Now, as Unix seconds: the endpoint refuses timestamps outside five minutes of it.
fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn now() -> String {
    unix_now().to_string()
}

struct Server {
    url: String,
    key: SigningKey,
    client: reqwest::Client,
    _dir: TempDir,
}

fn http_config(key: &SigningKey, api_base: Option<String>, defer_after_ms: u64) -> DiscordConfig {
    DiscordConfig {
        enabled: true,
        mode: DiscordMode::Http,
        token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
        public_key_env: "HISTBOT_TEST_DISCORD_PUBLIC_KEY_UNSET".into(),
        public_key: Some(hex::encode(key.verifying_key().to_bytes())),
        api_base,
        defer_after_ms,
        locales: root().join("config/discord-locales.toml"),
        ..DiscordConfig::default()
    }
}

async fn start(token: Option<&str>, api_base: Option<String>, defer_after_ms: u64) -> Server {
    start_scoped(token, api_base, defer_after_ms, "").await
}

/// [`start`] with a `[moderation]` section (its TOML body).
async fn start_scoped(token: Option<&str>, api_base: Option<String>, defer_after_ms: u64, moderation: &str) -> Server {
    capture_logs();
    let dir = TempDir::new().unwrap();
    let service = start_service_with(dir.path(), moderation);
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let config = http_config(&key, api_base, defer_after_ms);
    let endpoint = Arc::new(Endpoint::new(service, &config, token).expect("valid endpoint config"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/interactions", listener.local_addr().unwrap());
    tokio::spawn(serve(listener, endpoint));
    let client = reqwest::Client::builder().timeout(WAIT).build().unwrap();
    Server { url, key, client, _dir: dir }
}

impl Server {
    fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        sign_interaction(&self.key, timestamp, body)
    }

    /// POST `body` with the given signature headers (`None`: leave that header out).
    async fn post_raw(&self, body: Vec<u8>, signature: Option<String>, timestamp: Option<&str>) -> reqwest::Result<reqwest::Response> {
        let mut request = self.client.post(&self.url).header("content-type", "application/json");
        if let Some(signature) = signature {
            request = request.header("x-signature-ed25519", signature);
        }
        if let Some(timestamp) = timestamp {
            request = request.header("x-signature-timestamp", timestamp);
        }
        request.body(body).send().await
    }

    /// POST a correctly signed interaction; the status and the JSON reply.
    async fn interaction(&self, value: &Value) -> (u16, Value) {
        let body = serde_json::to_vec(value).unwrap();
        let timestamp = now();
        let signature = self.sign(&timestamp, &body);
        let response = self.post_raw(body, Some(signature), Some(&timestamp)).await.expect("the endpoint answers");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ping_slash_command_and_autocomplete_are_answered_inline() {
    let server = start(None, None, 2000).await;
    let (status, pong) = server.interaction(&json!({ "id": "1", "application_id": APPLICATION_ID.to_string(), "type": 1, "token": "t", "version": 1 })).await;
    assert_eq!((status, pong), (200, json!({ "type": 1 })));

    let (status, reply) = server.interaction(&command("2001", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]))).await;
    assert_eq!(status, 200);
    assert_eq!(reply["type"], 4);
    let data = &reply["data"];
    assert_eq!(check_message(data), Vec::<String>::new());
    assert_eq!(data["allowed_mentions"], json!({ "parse": [] }));
    assert!(embed_text(data).contains("1955"));
    assert!(description(data).contains("> From 1953–1955, bilateral relations were restored"), "{data}");

    let (status, reply) = server.interaction(&autocomplete("2002", "treaty", "treaty", "belgrade declaraton")).await;
    assert_eq!(status, 200);
    assert_eq!(reply["type"], 8);
    let choices = reply["data"]["choices"].as_array().unwrap();
    assert!(choices.len() <= 25 && choices.iter().any(|c| c["value"] == "belgrade-declaration"), "{choices:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_signatures_and_bodies_are_refused_without_harm() {
    let server = start(None, None, 2000).await;
    let ping = serde_json::to_vec(&json!({ "id": "1", "type": 1, "token": "t", "version": 1 })).unwrap();
    let timestamp = now();
    let (timestamp, later) = (timestamp.as_str(), (unix_now() + 1).to_string());
    let good = server.sign(timestamp, &ping);
    let other_key = SigningKey::generate(&mut rand::rngs::OsRng);
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(&ping);
    let foreign = hex::encode(other_key.sign(&message).to_bytes());

    let status = |r: reqwest::Result<reqwest::Response>| r.expect("answered").status().as_u16();
    // Signed by another key.
    assert_eq!(status(server.post_raw(ping.clone(), Some(foreign), Some(timestamp)).await), 401);
    // A tampered body.
    let mut tampered = ping.clone();
    let last_digit = tampered.len() - 2;
    tampered[last_digit] = b'2';
    assert_eq!(status(server.post_raw(tampered, Some(good.clone()), Some(timestamp)).await), 401);
    // Another timestamp than the one signed.
    assert_eq!(status(server.post_raw(ping.clone(), Some(good.clone()), Some(&later)).await), 401);
    // Missing headers, empty and malformed signatures.
    assert_eq!(status(server.post_raw(ping.clone(), None, Some(timestamp)).await), 401);
    assert_eq!(status(server.post_raw(ping.clone(), Some(good.clone()), None).await), 401);
    assert_eq!(status(server.post_raw(ping.clone(), Some(String::new()), Some(timestamp)).await), 401);
    assert_eq!(status(server.post_raw(ping.clone(), Some("zz".repeat(64)), Some(timestamp)).await), 401);
    assert_eq!(status(server.post_raw(ping.clone(), Some(good[..64].to_string()), Some(timestamp)).await), 401);
    // Signed, but not JSON, or JSON but not an interaction.
    for body in [b"{\"type\": 1,".to_vec(), b"not json at all".to_vec(), b"[1, 2, 3]".to_vec(), b"{\"type\": \"ping\"}".to_vec()] {
        let signature = server.sign(timestamp, &body);
        assert_eq!(status(server.post_raw(body, Some(signature), Some(timestamp)).await), 400);
    }
    // Over the size limit, even correctly signed: refused (413, or the connection cut).
    let mut big = br#"{"type": 1, "id": "1", "token": "t", "padding": ""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', 512 * 1024));
    big.extend_from_slice(b"\"}");
    let signature = server.sign(timestamp, &big);
    // On a connection of its own: the server may cut it, and a pooled one
    // could then fail the next request.
    let once = reqwest::Client::builder().pool_max_idle_per_host(0).timeout(WAIT).build().unwrap();
    let request = once.post(&server.url).header("content-type", "application/json").header("x-signature-ed25519", signature).header("x-signature-timestamp", timestamp);
    match request.body(big).send().await {
        Ok(response) => assert_eq!(response.status().as_u16(), 413),
        Err(error) => assert!(!error.is_timeout(), "{error}"),
    }
    // The wrong method.
    let response = server.client.get(&server.url).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 405);

    // None of it harmed the server.
    assert_eq!(status(server.post_raw(ping.clone(), Some(good), Some(timestamp)).await), 200);
    let (status, reply) = server.interaction(&command("2101", "who", json!([{ "name": "person", "type": 3, "value": "tito" }]))).await;
    assert_eq!((status, reply["type"].as_u64()), (200, Some(4)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interaction_locale_picks_the_excerpt_language() {
    let server = start(None, None, 2000).await;
    let mut arabic = command("2201", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]));
    arabic["locale"] = json!("ar");
    let (_, reply) = server.interaction(&arabic).await;
    let text = description(&reply["data"]);
    assert!(text.contains("إعلان بلغراد"), "an Arabic excerpt first: {text}");
    assert!(text.contains("From 1953–1955"), "and the English one: {text}");
    let (_, reply) = server.interaction(&command("2202", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]))).await;
    assert!(!description(&reply["data"]).contains("إعلان بلغراد"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderator_commands_are_checked_on_the_server() {
    let server = start_scoped(None, None, 2000, &format!("discord_guilds = [{FIXTURE_GUILD}]")).await;
    let with_permissions = |id: &str, permissions: &str| {
        let mut interaction = command(id, "facts", json!([{ "name": "action", "type": 3, "value": "status" }]));
        interaction["member"]["permissions"] = json!(permissions);
        interaction
    };
    // A member without Manage Server (e.g. the command's permissions were overridden in the server).
    let (_, reply) = server.interaction(&with_permissions("2301", "1024")).await;
    assert_eq!(reply["data"]["flags"], 64);
    assert!(embed_text(&reply["data"]).contains("Only moderators"), "{reply}");
    // Manage Server, or Administrator, in a listed server; the answer is for the moderator only.
    for (id, permissions) in [("2302", "32"), ("2303", "8")] {
        let (_, reply) = server.interaction(&with_permissions(id, permissions)).await;
        assert!(embed_text(&reply["data"]).contains("Fact base"), "{permissions}: {reply}");
        assert_eq!(reply["data"]["flags"], 64, "a moderator reply is ephemeral: {reply}");
    }
    // A direct message has no member, so no moderator.
    let (_, reply) = server.interaction(&fixture("dm-command.json")).await;
    assert!(embed_text(&reply["data"]).contains("Only moderators"), "{reply}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_page_inline() {
    let server = start(None, None, 2000).await;
    let options = json!([{ "name": "from", "type": 3, "value": "1941" }, { "name": "to", "type": 4, "value": 1991 }]);
    let (_, first) = server.interaction(&command("2401", "timeline", options)).await;
    let footer = first["data"]["embeds"][0]["footer"]["text"].as_str().unwrap_or_default().to_string();
    assert!(footer.starts_with("Page 1 of"), "1941–1991 has more than one page: {footer}");
    let next = first["data"]["components"][0]["components"][1]["custom_id"].as_str().unwrap().to_string();
    let (_, second) = server.interaction(&button("2402", &next)).await;
    assert_eq!(second["type"], 7);
    assert!(second["data"].get("flags").is_none());
    assert_eq!(check_message(&second["data"]), Vec::<String>::new());
    assert_ne!(description(&second["data"]), description(&first["data"]));
    // A custom id this bot did not make, or one that would write, is refused privately.
    let (_, refused) = server.interaction(&button("2403", "hb|0|report|belgrade-declaration|spam")).await;
    assert_eq!((refused["type"].as_u64(), refused["data"]["flags"].as_u64()), (Some(4), Some(64)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_answers_are_acknowledged_then_edited_in_through_rest() {
    let fake = FakeDiscord::start().await;
    let server = start(Some(TOKEN), Some(fake.http_url.clone()), 0).await;
    let (status, ack) = server.interaction(&command("2501", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]))).await;
    assert_eq!((status, ack["type"].as_u64()), (200, Some(5)));
    let path = format!("/api/v10/webhooks/{APPLICATION_ID}/");
    let edit = fake.wait_for("the webhook edit", |log| log.find("PATCH", &path).into_iter().next()).await;
    assert!(edit.problems.is_empty(), "{:?}", edit.problems);
    assert!(embed_text(&edit.body).contains("1955"));
    assert!(!logs().contains(TOKEN), "the token appeared in a log line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_registers_the_commands_and_serves() {
    capture_logs();
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, TOKEN).unwrap();
    // A free port for `listen` (the endpoint binds it itself).
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = DiscordConfig { listen: format!("127.0.0.1:{port}"), token_file: Some(token_file), ..http_config(&key, Some(fake.http_url.clone()), 2000) };
    let task = tokio::spawn(histbot::discord::run(service, config));

    // The application id is looked up from the token, then the commands are registered.
    let put = fake.wait_for("the registration", |log| log.find("PUT", &format!("/applications/{APPLICATION_ID}/commands")).into_iter().next()).await;
    assert_eq!(put.body.as_array().map(Vec::len), Some(histbot::ask::commands::COMMANDS.len()));
    let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Ok(response) = client.get(format!("http://127.0.0.1:{port}/healthz")).send().await {
            assert_eq!(response.text().await.unwrap().trim_end(), "ok");
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the endpoint never listened");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(!task.is_finished());
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_or_bad_public_key_is_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let missing = DiscordConfig { public_key: None, ..http_config(&key, None, 2000) };
    let error = histbot::discord::run(service.clone(), missing).await.unwrap_err();
    assert!(matches!(error, DiscordError::MissingPublicKey { .. }), "{error}");
    assert!(error.to_string().contains("HISTBOT_TEST_DISCORD_PUBLIC_KEY_UNSET"), "{error}");
    let bad = DiscordConfig { public_key: Some("not-hex".into()), ..http_config(&key, None, 2000) };
    assert!(matches!(histbot::discord::run(service, bad).await.unwrap_err(), DiscordError::BadPublicKey));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replayed_or_badly_stamped_requests_are_refused() {
    let server = start(None, None, 2000).await;
    let ping = serde_json::to_vec(&json!({ "id": "1", "type": 1, "token": "t", "version": 1 })).unwrap();
    let status_at = |timestamp: String| {
        let (server, ping) = (&server, &ping);
        async move {
            let signature = server.sign(&timestamp, ping);
            server.post_raw(ping.clone(), Some(signature), Some(&timestamp)).await.expect("answered").status().as_u16()
        }
    };
    // The server reads its clock later than the test does (seconds later on
    // a loaded machine): the stamps keep a minute from the window's edges.
    let now = unix_now();
    // Within five minutes either way (clocks drift): accepted.
    for timestamp in [now - 240, now, now + 240] {
        assert_eq!(status_at(timestamp.to_string()).await, 200, "{timestamp} (now {now})");
    }
    // A captured request replayed later, or one stamped in the future: refused, signature and all.
    for timestamp in [now - 360, now - 86_400, 1_767_225_600, now + 360] {
        assert_eq!(status_at(timestamp.to_string()).await, 401, "{timestamp} (now {now})");
    }
    // Not a Unix time in seconds: refused even when signed.
    for timestamp in ["abc", "-5", "+1767225600", "1.7e9", "0x69", "１７６７２２５６００", "99999999999999999999999", &format!("{now}.5")] {
        assert_eq!(status_at(timestamp.to_string()).await, 401, "{timestamp:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timestamp_window_is_configurable() {
    let dir = TempDir::new().unwrap();
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let config = DiscordConfig { timestamp_window_secs: 10, ..http_config(&key, None, 2000) };
    let endpoint = Endpoint::new(start_service(dir.path()), &config, None).unwrap();
    let body = br#"{"id": "1", "type": 1, "token": "t"}"#;
    let headers = |timestamp: u64| {
        let mut message = timestamp.to_string().into_bytes();
        message.extend_from_slice(body);
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("x-signature-ed25519", hex::encode(key.sign(&message).to_bytes()).parse().unwrap());
        headers.insert("x-signature-timestamp", timestamp.to_string().parse().unwrap());
        headers
    };
    assert_eq!(endpoint.verify(&headers(unix_now() - 5), body), Ok(()));
    assert_eq!(endpoint.verify(&headers(unix_now() - 60), body), Err(histbot::discord::http::Refusal::Stale));
    let zero = histbot::config::Config::parse(std::path::Path::new("h.toml"), "[discord]\ntimestamp_window_secs = 0\n").unwrap_err().to_string();
    assert!(zero.contains("timestamp_window_secs") && zero.contains("h.toml:2:1"), "{zero}");
    assert_eq!(DiscordConfig::default().timestamp_window_secs, 300);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_body_that_is_not_an_interaction_is_logged_without_its_token() {
    let server = start(None, None, 2000).await;
    let secret = "SECRET-INTERACTION-TOKEN-0123456789-http";
    let mut broken = command("2601", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]));
    broken.as_object_mut().unwrap().remove("id");
    broken["token"] = json!(secret);
    let (status, _) = server.interaction(&broken).await;
    assert_eq!(status, 400);
    let logs = logs();
    // Other tests of this binary log refusals too (a body that is not JSON): this one's names the missing `id`.
    let line = logs.lines().find(|l| l.contains("is not an interaction histbot can read") && l.contains("no `id`")).unwrap_or_else(|| panic!("no warning logged:\n{logs}"));
    assert!(line.contains("WARN"), "{line}");
    assert!(!logs.contains(secret), "the interaction token was logged");
}

/// A free port on loopback for the binary to listen on.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// SIGTERM while a deferred answer is still being edited in (the fake
/// Discord answers the edit slowly): the answer is delivered, then histbot
/// exits 0 and says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_answers_in_flight_and_exits_cleanly() {
    let fake = FakeDiscord::start().await;
    fake.delay_webhooks(Duration::from_secs(2));
    let dir = TempDir::new().unwrap();
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let port = free_port();
    std::fs::write(dir.path().join("token"), TOKEN).unwrap();
    let config = format!(
        "facts = {facts:?}\nintents = {intents:?}\ndata_dir = {data:?}\n[reload]\nwatch = false\n[discord]\nenabled = true\nmode = \"http\"\ntoken_env = \"HISTBOT_TEST_DISCORD_TOKEN_UNSET\"\ntoken_file = {token:?}\npublic_key = {key:?}\nlisten = \"127.0.0.1:{port}\"\napi_base = {api:?}\ndefer_after_ms = 0\nlocales = {locales:?}\n",
        facts = root().join("facts"),
        intents = root().join("config/intents.toml"),
        data = dir.path().join("data"),
        token = dir.path().join("token"),
        key = hex::encode(key.verifying_key().to_bytes()),
        api = fake.http_url,
        locales = root().join("config/discord-locales.toml"),
    );
    std::fs::write(dir.path().join("histbot.toml"), config).unwrap();
    let config_path = dir.path().join("histbot.toml").display().to_string();
    let mut bot = process::Histbot::start(&root(), &["run", "--config", &config_path], &[]);
    let server = Server { url: format!("http://127.0.0.1:{port}/interactions"), key, client: reqwest::Client::builder().timeout(WAIT).build().unwrap(), _dir: dir };
    let deadline = tokio::time::Instant::now() + WAIT;
    while server.client.get(format!("http://127.0.0.1:{port}/healthz")).send().await.is_err() {
        assert!(tokio::time::Instant::now() < deadline, "the endpoint never listened:\n{}", bot.stderr());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, ack) = server.interaction(&command("2701", "when", json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }]))).await;
    assert_eq!((status, ack["type"].as_u64()), (200, Some(5)), "deferred: {ack}");
    bot.signal("TERM");
    let (status, bot) = tokio::task::spawn_blocking(move || (bot.wait(), bot)).await.unwrap();
    let log = bot.stderr();
    assert_eq!(status.code(), Some(0), "{log}");
    let path = format!("/api/v10/webhooks/{APPLICATION_ID}/");
    let edits = fake.log(|log| log.find("PATCH", &path));
    assert_eq!(edits.len(), 1, "the answer in flight was delivered before exiting:\n{log}");
    assert!(embed_text(&edits[0].body).contains("1955"));
    assert!(log.contains("SIGTERM") && log.contains("stopping: no new questions") && log.contains("shut down cleanly"), "{log}");
    assert!(!log.contains("dropped") && !log.contains(TOKEN), "{log}");
}

/// `/facts` from `member` (permissions, roles) in `guild`.
fn facts_from(id: &str, action: &str, guild: u64, user: u64, permissions: &str, roles: &[u64]) -> Value {
    let mut interaction = command(id, "facts", json!([{ "name": "action", "type": 3, "value": action }]));
    interaction["guild_id"] = json!(guild.to_string());
    interaction["member"]["user"]["id"] = json!(user.to_string());
    interaction["member"]["permissions"] = json!(permissions);
    interaction["member"]["roles"] = json!(roles.iter().map(u64::to_string).collect::<Vec<_>>());
    interaction
}

const OTHER_GUILD: u64 = 1_000_000_000_000_000_555;
const MOD_ROLE: u64 = 1_000_000_000_000_000_666;
const MOD_USER: u64 = 1_000_000_000_000_000_777;
const STRANGER: u64 = 1_000_000_000_000_000_888;

/// Manage Server counts only inside `[moderation] discord_guilds`; listed
/// roles and users count wherever they ask; everyone else, the admin of a
/// server that merely invited the bot included, gets the same refusal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderators_are_only_those_the_moderation_scope_lists() {
    // Nothing listed: nobody moderates from chat, not even a server's admins.
    let unscoped = start(None, None, 2000).await;
    let (_, reply) = unscoped.interaction(&facts_from("2351", "status", FIXTURE_GUILD, STRANGER, "8", &[])).await;
    let refusal = embed_text(&reply["data"]);
    assert!(refusal.contains("Only moderators"), "{reply}");
    assert_eq!(reply["data"]["flags"], 64);

    let scope = format!("discord_guilds = [{FIXTURE_GUILD}]\ndiscord_roles = [{MOD_ROLE}]\ndiscord_users = [{MOD_USER}]");
    let server = start_scoped(None, None, 2000, &scope).await;
    let allowed = [
        ("2352", FIXTURE_GUILD, STRANGER, "32", vec![]),   // Manage Server in the listed server
        ("2353", OTHER_GUILD, STRANGER, "1024", vec![MOD_ROLE]), // a listed role
        ("2354", OTHER_GUILD, MOD_USER, "1024", vec![]),   // a listed user
    ];
    for (id, guild, user, permissions, roles) in allowed {
        let (_, reply) = server.interaction(&facts_from(id, "status", guild, user, permissions, &roles)).await;
        assert!(embed_text(&reply["data"]).contains("Fact base"), "{id}: {reply}");
        assert_eq!(reply["data"]["flags"], 64, "{id}: {reply}");
    }
    let refused = [
        ("2355", OTHER_GUILD, STRANGER, "8", vec![]),    // the Administrator of a server that invited the bot
        ("2356", OTHER_GUILD, STRANGER, "32", vec![5]),  // Manage Server there, with an unlisted role
        ("2357", FIXTURE_GUILD, STRANGER, "1024", vec![]), // a plain member of the listed server
    ];
    for (id, guild, user, permissions, roles) in refused {
        for action in ["status", "reports", "close 1"] {
            let (_, reply) = server.interaction(&facts_from(id, action, guild, user, permissions, &roles)).await;
            assert_eq!(embed_text(&reply["data"]), refusal, "{id} {action}: the same polite refusal");
            assert_eq!(reply["data"]["flags"], 64, "{id}: {reply}");
        }
    }
}

/// `/facts reports` names the server each report came from, and only the
/// moderator sees it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_name_their_server_and_are_listed_privately() {
    let server = start_scoped(None, None, 2000, &format!("discord_users = [{MOD_USER}]")).await;
    let mut report = command("2361", "report", json!([{ "name": "entry", "type": 3, "value": "belgrade-declaration" }, { "name": "problem", "type": 3, "value": "wrong year" }]));
    report["guild_id"] = json!(OTHER_GUILD.to_string());
    let (_, filed) = server.interaction(&report).await;
    assert!(embed_text(&filed["data"]).contains("report #1"), "{filed}");
    let (_, listed) = server.interaction(&facts_from("2362", "reports", FIXTURE_GUILD, MOD_USER, "1024", &[])).await;
    let text = embed_text(&listed["data"]);
    assert!(text.contains("1 open report") && text.contains(&format!("Discord server {OTHER_GUILD}")), "{text}");
    assert_eq!(listed["data"]["flags"], 64, "the report list is not shown to the channel: {listed}");
}

/// One `histbot run` in HTTP mode on `database`, on a free port; its
/// process and the endpoint's base URL once `/healthz` answers.
async fn replica(dir: &std::path::Path, name: &str, key: &SigningKey, database: &str) -> (process::Histbot, String) {
    let port = free_port();
    let config = format!(
        "facts = {facts:?}\nintents = {intents:?}\ndata_dir = {data:?}\ndatabase = {database:?}\n[reload]\nwatch = false\n[moderation]\ndiscord_users = [{MOD_USER}]\n[discord]\nenabled = true\nmode = \"http\"\ntoken_env = \"HISTBOT_TEST_DISCORD_TOKEN_UNSET\"\npublic_key = {key:?}\nlisten = \"127.0.0.1:{port}\"\nlocales = {locales:?}\n",
        facts = root().join("facts"),
        intents = root().join("config/intents.toml"),
        data = dir.join(name),
        key = hex::encode(key.verifying_key().to_bytes()),
        locales = root().join("config/discord-locales.toml"),
    );
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, config).unwrap();
    let bot = process::Histbot::start(&root(), &["run", "--config", &path.display().to_string()], &[]);
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let deadline = tokio::time::Instant::now() + WAIT;
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(tokio::time::Instant::now() < deadline, "{name} never listened:\n{}", bot.stderr());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (bot, base)
}

/// Two HTTP-mode replicas on one PostgreSQL, as behind a load balancer: a
/// report filed through one is listed and closed through the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_postgres_share_the_report_queue() {
    let Some(url) = pg::url() else { return };
    let database = tokio::task::spawn_blocking(move || pg::schema(&url, "replicas")).await.unwrap();
    let dir = TempDir::new().unwrap();
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let (mut one, one_url) = replica(dir.path(), "one", &key, &database).await;
    let (mut two, two_url) = replica(dir.path(), "two", &key, &database).await;
    let client = reqwest::Client::builder().timeout(WAIT).build().unwrap();
    let through = |base: &str| Server { url: format!("{base}/interactions"), key: key.clone(), client: client.clone(), _dir: TempDir::new().unwrap() };
    let (one_server, two_server) = (through(&one_url), through(&two_url));

    let mut report = command("2801", "report", json!([{ "name": "entry", "type": 3, "value": "belgrade-declaration" }, { "name": "problem", "type": 3, "value": "wrong year" }]));
    report["guild_id"] = json!(OTHER_GUILD.to_string());
    let (_, filed) = one_server.interaction(&report).await;
    assert!(embed_text(&filed["data"]).contains("report #1 filed"), "{filed}\n{}", one.stderr());
    let (_, listed) = two_server.interaction(&facts_from("2802", "reports", FIXTURE_GUILD, MOD_USER, "1024", &[])).await;
    let text = embed_text(&listed["data"]);
    assert!(text.contains("1 open report") && text.contains("wrong year") && text.contains(&format!("Discord server {OTHER_GUILD}")), "{text}");
    let mut close = facts_from("2803", "close", FIXTURE_GUILD, MOD_USER, "1024", &[]);
    close["data"]["options"].as_array_mut().unwrap().push(json!({ "name": "what", "type": 3, "value": "1" }));
    let (_, closed) = two_server.interaction(&close).await;
    assert!(embed_text(&closed["data"]).contains("Report #1 closed"), "{closed}");
    let (_, listed) = one_server.interaction(&facts_from("2804", "reports", FIXTURE_GUILD, MOD_USER, "1024", &[])).await;
    assert!(embed_text(&listed["data"]).contains("0 open reports"), "{listed}");

    for bot in [&mut one, &mut two] {
        bot.signal("TERM");
    }
    let (one, two) = tokio::task::spawn_blocking(move || {
        let statuses = (one.wait(), two.wait());
        (statuses, (one.stderr(), two.stderr()))
    })
    .await
    .unwrap();
    assert_eq!((one.0.code(), one.1.code()), (Some(0), Some(0)), "{}\n{}", two.0, two.1);
}

/// `/facts new` and the form's submission through the signed HTTP endpoint:
/// a template in a form, the filled-in entry checked, written and answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_entry_is_created_through_a_form_on_the_http_endpoint() {
    capture_logs();
    let dir = TempDir::new().unwrap();
    let service = support::mini_base_service(dir.path(), &format!("discord_guilds = [{FIXTURE_GUILD}]"));
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let endpoint = Arc::new(Endpoint::new(service, &http_config(&key, None, 2000), None).expect("valid endpoint config"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/interactions", listener.local_addr().unwrap());
    tokio::spawn(serve(listener, endpoint));
    let server = Server { url, key, client: reqwest::Client::builder().timeout(WAIT).build().unwrap(), _dir: TempDir::new().unwrap() };

    let mut open = command("2901", "facts", json!([{ "name": "action", "type": 3, "value": "new" }, { "name": "what", "type": 3, "value": "event tito-interview-times-1945" }]));
    open["member"]["permissions"] = json!("32");
    let (status, form) = server.interaction(&open).await;
    assert_eq!((status, form["type"].as_u64()), (200, Some(9)), "{form}");
    let custom_id = form["data"]["custom_id"].as_str().unwrap();
    assert_eq!(custom_id, "hbedit||events/tito-interview-times-1945.toml");
    assert!(form["data"]["components"][0]["components"][0]["value"].as_str().unwrap().starts_with("id = \"tito-interview-times-1945\""));

    let entry = "id = \"tito-interview-times-1945\"\ntitle = \"Tito gives an interview to the Times\"\ndate = \"1945-11\"\nsummary = \"In November 1945 Tito gave an interview to the Times.\"\npeople = [\"josip-broz-tito\"]\n\n[[source]]\nsource = \"demo\"\nsection = \"Cold War\"\nquote = \"In November 1945 President of Yugoslavia Josip Broz Tito gave an interview to the Times.\"\n";
    let mut submit = fixture("command.json");
    submit["id"] = json!("2902");
    submit["type"] = json!(5);
    submit["data"] = json!({ "custom_id": custom_id, "components": [{ "type": 1, "components": [{ "type": 4, "custom_id": "toml", "value": entry }] }] });
    submit["member"]["permissions"] = json!("32");
    let (status, reply) = server.interaction(&submit).await;
    assert_eq!(status, 200);
    assert_eq!(reply["data"]["flags"], 64, "{reply}");
    let text = embed_text(&reply["data"]);
    assert!(text.contains("tito-interview-times-1945.toml created") && text.contains("checked clean and live") && text.contains("November 1945"), "{text}");
    assert_eq!(std::fs::read_to_string(dir.path().join("facts/events/tito-interview-times-1945.toml")).unwrap(), entry);
}

/// The raw body of a signed interaction's response.
async fn raw_reply(client: &reqwest::Client, url: &str, key: &SigningKey, value: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(value).unwrap();
    let timestamp = now();
    let signature = sign_interaction(key, &timestamp, &body);
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .header("x-signature-ed25519", signature)
        .header("x-signature-timestamp", timestamp)
        .body(body)
        .send()
        .await
        .expect("the endpoint answers");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kept_answers_are_the_same_bytes_until_the_fact_base_changes() {
    capture_logs();
    let dir = TempDir::new().unwrap();
    let service = support::mini_base_service(dir.path(), "");
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    // Two endpoints on one service: one keeps answers, one never does.
    let mut urls = Vec::new();
    let mut endpoints = Vec::new();
    for entries in [2048, 0] {
        let endpoint = Arc::new(Endpoint::new(service.clone(), &DiscordConfig { answer_cache_entries: entries, ..http_config(&key, None, 2000) }, None).expect("valid endpoint config"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        urls.push(format!("http://{}/interactions", listener.local_addr().unwrap()));
        tokio::spawn(serve(listener, endpoint.clone()));
        endpoints.push(endpoint);
    }
    let client = reqwest::Client::builder().timeout(WAIT).build().unwrap();
    let when = |id: &str| command(id, "when", json!([{ "name": "event", "type": 3, "value": "tito-stalin-split" }]));

    let first = raw_reply(&client, &urls[0], &key, &when("3001")).await;
    let again = raw_reply(&client, &urls[0], &key, &when("3002")).await;
    let never_kept = raw_reply(&client, &urls[1], &key, &when("3003")).await;
    assert_eq!(first, again, "the kept answer is the one sent the first time");
    assert_eq!(first, never_kept, "keeping an answer does not change it");
    assert_eq!((endpoints[0].rendered.len(), endpoints[1].rendered.len()), (1, 0));
    let reply: Value = serde_json::from_slice(&first).unwrap();
    assert!(embed_text(&reply["data"]).contains("Relations drastically deteriorated in early 1948."), "{reply}");
    // Autocompletion is kept the same way.
    let typing = |id: &str| autocomplete(id, "when", "event", "tito st");
    let offered = raw_reply(&client, &urls[0], &key, &typing("3010")).await;
    assert_eq!(offered, raw_reply(&client, &urls[0], &key, &typing("3011")).await);
    assert_eq!(offered, raw_reply(&client, &urls[1], &key, &typing("3012")).await);
    assert!(String::from_utf8_lossy(&offered).contains("tito-stalin-split"), "{}", String::from_utf8_lossy(&offered));
    assert_eq!((endpoints[0].completions.len(), endpoints[1].completions.len()), (1, 0));
    // Another locale is another answer.
    let mut in_russian = when("3004");
    in_russian["locale"] = json!("ru");
    raw_reply(&client, &urls[0], &key, &in_russian).await;
    assert_eq!(endpoints[0].rendered.len(), 2);

    // An edit to the entry, reloaded: the next answer is the new one.
    let file = dir.path().join("facts/events/tito-stalin-split.toml");
    let edited = std::fs::read_to_string(&file).unwrap().replace("Relations drastically deteriorated in early 1948.", "Relations broke down in early 1948.");
    std::fs::write(&file, edited).unwrap();
    assert!(matches!(service.reload(), histbot::service::ReloadOutcome::Swapped { .. }));
    let after = raw_reply(&client, &urls[0], &key, &when("3005")).await;
    assert_ne!(after, first);
    assert_eq!(after, raw_reply(&client, &urls[1], &key, &when("3006")).await);
    assert!(String::from_utf8_lossy(&after).contains("Relations broke down in early 1948."));
    assert_eq!(endpoints[0].rendered.len(), 1, "the old engine's answers were dropped");

    // A question histbot cannot answer reaches the unanswered-question log
    // every time, kept or not.
    let atlantis = |id: &str| command(id, "when", json!([{ "name": "event", "type": 3, "value": "atlantis" }]));
    for id in ["3007", "3008", "3009"] {
        raw_reply(&client, &urls[0], &key, &atlantis(id)).await;
    }
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let (gaps, _) = service.store().gaps(0, histbot::store::Page::first(10)).unwrap();
        if gaps.iter().any(|gap| gap.question == "when atlantis" && gap.asked == 3) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the log has {gaps:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
