//! The operator's listener: `/healthz`, `/readyz` flipping with the real
//! state of each front end (the HTTP endpoint, serenity's gateway client
//! against the fake Discord, Matrix against the real Synapse through a
//! proxy that can be cut), and `/metrics` in the Prometheus text format with
//! counters that move when questions are answered on every front end; the
//! real binary serving both; the README's systemd unit verified.
#![cfg(all(feature = "ops", feature = "discord"))]
// matrix-sdk's futures are deeply nested; spawning them needs a higher limit.
#![recursion_limit = "256"]

#[path = "support/fake_discord.rs"]
mod fake_discord;
#[cfg(feature = "matrix")]
#[path = "support/matrix_harness.rs"]
mod matrix_harness;
#[path = "support/process.rs"]
mod process;
#[path = "support/tcp_proxy.rs"]
mod tcp_proxy;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use ed25519_dalek::SigningKey;
use fake_discord::*;
use histbot::config::{DiscordConfig, DiscordMode};
use histbot::service::{Asker, Service};
use tempfile::TempDir;
use tokio::net::TcpListener;

/// The operator's listener over `service` on a loopback port; its base URL.
async fn listen(service: &Arc<Service>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("a bound address"));
    tokio::spawn(histbot::ops::serve(listener, service.clone()));
    url
}

/// Status and body of `GET url`.
async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url)
        .await
        .unwrap_or_else(|error| panic!("GET {url}: {error}"));
    let status = response.status().as_u16();
    (status, response.text().await.expect("a text body"))
}

/// Poll `GET url` (at most [`WAIT`]) until it answers `status`; the body.
async fn wait_for_status(url: &str, status: u16) -> String {
    wait_for_status_within(url, status, WAIT).await
}

/// [`wait_for_status`], for at most `within`.
async fn wait_for_status_within(url: &str, status: u16, within: Duration) -> String {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let (got, body) = get(url).await;
        if got == status {
            return body;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{url} still answers {got}, not {status}:\n{body}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A Prometheus text exposition parsed into `series → value`, where a
/// series is the name with its labels as written (`name{a="b"}`). Panics on
/// a line that is not a comment, a blank, or `series value`.
fn parse_metrics(text: &str) -> BTreeMap<String, f64> {
    let mut samples = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if let Some(comment) = line.strip_prefix('#') {
            let kind = comment.split_whitespace().next().unwrap_or_default();
            assert!(
                matches!(kind, "TYPE" | "HELP"),
                "an unknown comment line: {line}"
            );
            continue;
        }
        let (series, value) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("no value on the line: {line}"));
        let value = match value {
            "+Inf" => f64::INFINITY,
            "-Inf" => f64::NEG_INFINITY,
            value => value
                .parse::<f64>()
                .unwrap_or_else(|_| panic!("not a number on the line: {line}")),
        };
        let name_end = series.find('{').unwrap_or(series.len());
        let name = &series[..name_end];
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "a bad metric name: {line}"
        );
        if name_end < series.len() {
            assert!(series.ends_with('}'), "unclosed labels: {line}");
        }
        samples.insert(series.to_string(), value);
    }
    samples
}

async fn metrics(url: &str) -> BTreeMap<String, f64> {
    let (status, body) = get(&format!("{url}/metrics")).await;
    assert_eq!(status, 200, "{body}");
    parse_metrics(&body)
}

fn value(samples: &BTreeMap<String, f64>, series: &str) -> f64 {
    samples.get(series).copied().unwrap_or(0.0)
}

fn http_config(key: &SigningKey) -> DiscordConfig {
    DiscordConfig {
        enabled: true,
        mode: DiscordMode::Http,
        listen: "127.0.0.1:0".into(),
        token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
        public_key_env: "HISTBOT_TEST_DISCORD_PUBLIC_KEY_UNSET".into(),
        public_key: Some(hex::encode(key.verifying_key().to_bytes())),
        locales: root().join("config/discord-locales.toml"),
        ..DiscordConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_waits_for_the_http_endpoint_which_serves_the_probes_too() {
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    service.readiness().expect("discord");
    let url = listen(&service).await;

    assert_eq!(
        get(&format!("{url}/healthz")).await,
        (200, "ok\n".to_string())
    );
    let (status, body) = get(&format!("{url}/readyz")).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("discord: down (starting)"), "{body}");
    assert!(body.contains("facts: ok ("), "{body}");

    let key = SigningKey::from_bytes(&[7; 32]);
    let endpoint = tokio::spawn(histbot::discord::run(service.clone(), http_config(&key)));
    let body = wait_for_status(&format!("{url}/readyz"), 200).await;
    assert!(body.starts_with("ready\n"), "{body}");
    // The endpoint's own port serves the same probes.
    let address = body
        .split("listening on ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_else(|| panic!("no address in:\n{body}"));
    let endpoint_url = format!("http://{address}");
    assert_eq!(get(&format!("{endpoint_url}/healthz")).await.0, 200);
    assert_eq!(get(&format!("{endpoint_url}/readyz")).await.0, 200);
    assert!(
        value(
            &metrics(&endpoint_url).await,
            r#"histbot_fact_entries{kind="event"}"#
        ) > 0.0
    );

    // Stopping: not ready any more (the listeners then close).
    service.shutdown().begin();
    let report = histbot::service::health::report(&service);
    assert!(
        !report.ready && report.text().contains("stopping"),
        "{}",
        report.text()
    );
    tokio::time::timeout(WAIT, endpoint)
        .await
        .expect("the endpoint stops")
        .expect("no panic")
        .expect("a clean stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_follows_the_discord_gateway() {
    let fake = FakeDiscord::start().await;
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    service.readiness().expect("discord");
    let url = listen(&service).await;
    assert_eq!(get(&format!("{url}/readyz")).await.0, 503);

    let token_file = dir.path().join("discord-token");
    std::fs::write(&token_file, TOKEN).unwrap();
    let config = DiscordConfig {
        enabled: true,
        mode: DiscordMode::Gateway,
        token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
        token_file: Some(token_file),
        api_base: Some(fake.http_url.clone()),
        locales: root().join("config/discord-locales.toml"),
        ..DiscordConfig::default()
    };
    let gateway = tokio::spawn(histbot::discord::run(service.clone(), config));
    fake.wait_for_sessions(1).await;
    let body = wait_for_status(&format!("{url}/readyz"), 200).await;
    assert!(body.contains("discord: ok (gateway connected"), "{body}");

    // Discord closes the connection: the new session is counted, and the
    // bot is ready again once serenity has it.
    let sessions = |samples: &BTreeMap<String, f64>| {
        value(
            samples,
            r#"histbot_discord_gateway_events_total{event="connected"}"#,
        ) + value(
            samples,
            r#"histbot_discord_gateway_events_total{event="resumed"}"#,
        )
    };
    let disconnected = |samples: &BTreeMap<String, f64>| {
        value(samples, r#"histbot_discord_gateway_events_total{event="disconnected"}"#)
    };
    let readyz = format!("{url}/readyz");

    // Discord closes the connection and is reachable again at once: the
    // session is resumed (or a new one made) and counted.
    let before = sessions(&metrics(&url).await);
    fake.drop_connection();
    fake.wait_for_sessions(2).await;
    wait_until_counted(&url, "the resumed gateway session", |samples| sessions(samples) >= before + 1.0).await;
    wait_for_status(&readyz, 200).await;

    // Discord becomes unreachable: the connection drops and every new one
    // is refused. The bot is not ready, and says why, until a session is
    // made again.
    let before = metrics(&url).await;
    fake.refuse_connections(true);
    fake.drop_connection();
    let body = wait_for_status(&readyz, 503).await;
    assert!(body.contains("discord: down (gateway"), "{body}");
    wait_until_counted(&url, "the disconnection", |samples| disconnected(samples) >= disconnected(&before) + 1.0).await;
    fake.refuse_connections(false);
    fake.wait_for_sessions(3).await;
    let body = wait_for_status(&readyz, 200).await;
    assert!(body.contains("discord: ok (gateway connected"), "{body}");
    wait_until_counted(&url, "the new gateway session", |samples| sessions(samples) >= sessions(&before) + 1.0).await;

    service.shutdown().begin();
    let _ = tokio::time::timeout(WAIT, gateway)
        .await
        .expect("the gateway client stops");
}

/// Scrape `/metrics` (at most [`WAIT`]) until `counted` holds.
async fn wait_until_counted(url: &str, what: &str, counted: impl Fn(&BTreeMap<String, f64>) -> bool) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let samples = metrics(url).await;
        if counted(&samples) {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what} was not counted:\n{samples:#?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_questions_by_platform_command_and_outcome() {
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    let url = listen(&service).await;
    let before = metrics(&url).await;
    assert!(
        value(&before, r#"histbot_fact_entries{kind="event"}"#) > 0.0,
        "{before:#?}"
    );
    let version = service.status().version;
    assert_eq!(
        value(
            &before,
            &format!(r#"histbot_fact_base_info{{version="{version}"}}"#)
        ),
        1.0
    );
    assert!(before.contains_key("histbot_reports_open"), "{before:#?}");

    // The `cli` platform is this test's own: the other tests ask as `discord`.
    let asker = Asker {
        platform: "cli".into(),
        user_id: "ops-test".into(),
        display_name: "ops-test".into(),
        is_moderator: false,
        locale: "en".into(),
        place: None,
    };
    let asked = [
        ("/year 1948", r#"command="year",outcome="answered""#),
        (
            "/when belgrade-declaration",
            r#"command="when",outcome="answered""#,
        ),
        ("/when zzqqxx", r#"command="when",outcome="not_found""#),
        ("/year nineteen", r#"command="year",outcome="error""#),
        (
            "what was the favourite colour of the moon",
            r#"command="text",outcome="not_found""#,
        ),
    ];
    for (line, _) in asked {
        service.handle_line(line, &['/'], &asker);
    }
    service.reload();

    let after = metrics(&url).await;
    for (line, labels) in asked {
        let series = format!(r#"histbot_questions_total{{platform="cli",{labels}}}"#);
        assert_eq!(
            value(&after, &series) - value(&before, &series),
            1.0,
            "{line} → {series}:\n{after:#?}"
        );
    }
    let latency = r#"histbot_answer_seconds_count{platform="cli",command="year"}"#;
    // Both `/year` questions were timed, the refused one too.
    assert_eq!(
        value(&after, latency) - value(&before, latency),
        2.0,
        "{after:#?}"
    );
    let reloads = r#"histbot_reloads_total{result="unchanged"}"#;
    assert!(
        value(&after, reloads) > value(&before, reloads),
        "{after:#?}"
    );
}

/// Copy a directory tree (a fact base to break).
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create a directory");
    for entry in std::fs::read_dir(from).expect("read a directory").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// Poll `/metrics` until `series` reads `wanted` (a gauge other tests'
/// services may set in between, or a counter still to move).
async fn wait_for_value(url: &str, series: &str, wanted: impl Fn(f64) -> bool) -> BTreeMap<String, f64> {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let samples = metrics(url).await;
        if wanted(value(&samples, series)) {
            return samples;
        }
        assert!(tokio::time::Instant::now() < deadline, "{series} is {}:\n{samples:#?}", value(&samples, series));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Reports filed and open, a reload the checker refuses, and a store call
/// that fails, each in its metric.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_reports_rejected_reloads_and_store_errors() {
    let dir = TempDir::new().unwrap();
    let facts = dir.path().join("facts");
    copy_dir(&root().join("tests/fixtures/mini"), &facts);
    let config = histbot::config::Config {
        facts: facts.clone(),
        intents: root().join("config/intents.toml"),
        data_dir: dir.path().join("data"),
        ..histbot::config::Config::default()
    };
    let service = Service::start(&config).expect("the mini fact base loads");
    let url = listen(&service).await;
    let asker = Asker { platform: "cli".into(), user_id: "ops-reports".into(), display_name: "ops-reports".into(), is_moderator: false, locale: "en".into(), place: None };
    let filed = "histbot_reports_filed_total";
    let before = metrics(&url).await;

    let answer = service.handle_line("/report belgrade-declaration the quote is from the wrong section", &['/'], &asker);
    assert!(answer.headline.contains("filed"), "{}", answer.headline);
    // `histbot_reports_open` is this service's count when it is scraped.
    let after = wait_for_value(&url, "histbot_reports_open", |open| open == 1.0).await;
    assert!(grew(&before, &after, filed) >= 1.0, "{after:#?}");

    let rejected = r#"histbot_reloads_total{result="rejected"}"#;
    std::fs::write(facts.join("events/broken.toml"), "id = \"broken\"\nkind = [\n").unwrap();
    service.reload();
    wait_for_value(&url, rejected, |count| count > value(&before, rejected)).await;

    // The reports table gone under the service: filing fails in the store.
    let database = rusqlite::Connection::open(dir.path().join("data/histbot.sqlite3")).expect("open the store's database");
    database.execute_batch("DROP TABLE reports").expect("drop the reports table");
    let failed = r#"histbot_store_errors_total{backend="sqlite",operation="file_report"}"#;
    let answer = service.handle_line("/report belgrade-declaration a second problem", &['/'], &asker);
    assert!(answer.headline.contains("could not be stored"), "{}", answer.headline);
    wait_for_value(&url, failed, |count| count > value(&before, failed)).await;
}

// ---- Every front end, then /metrics --------------------------------------

/// POST `body` to the interactions endpoint at `url`, signed with `key`
/// (or with a wrong signature); the status and the body.
async fn post_interaction(url: &str, key: &SigningKey, body: &serde_json::Value, good_signature: bool) -> (u16, String) {
    use ed25519_dalek::Signer as _;
    let body = serde_json::to_vec(body).expect("JSON");
    let timestamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("after 1970").as_secs().to_string();
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(&body);
    let mut signature = key.sign(&message).to_bytes();
    if !good_signature {
        signature[0] ^= 1;
    }
    let response = reqwest::Client::new()
        .post(format!("{url}/interactions"))
        .header("content-type", "application/json")
        .header("x-signature-ed25519", hex::encode(signature))
        .header("x-signature-timestamp", timestamp)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|error| panic!("POST {url}/interactions: {error}"));
    let status = response.status().as_u16();
    (status, response.text().await.expect("a text body"))
}

/// The interactions endpoint's URL, read from `/readyz` once it listens.
/// `/readyz` may answer 200 before the endpoint has registered (the fact
/// base alone is ready), so wait for the line that names the address.
async fn endpoint_url(ops_url: &str) -> String {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let body = wait_for_status(&format!("{ops_url}/readyz"), 200).await;
        if let Some(address) = body.split("listening on ").nth(1).and_then(|rest| rest.split(')').next()) {
            return format!("http://{address}");
        }
        assert!(tokio::time::Instant::now() < deadline, "/readyz never named the endpoint's address:\n{body}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// How much `series` grew between two scrapes.
fn grew(before: &BTreeMap<String, f64>, after: &BTreeMap<String, f64>, series: &str) -> f64 {
    value(after, series) - value(before, series)
}

/// A histogram's count and sum grew by `count` observations, each of them
/// positive and under a minute (the sum grew by more than 0 and less than
/// `count` minutes), and its buckets are cumulative.
fn assert_histogram_grew(before: &BTreeMap<String, f64>, after: &BTreeMap<String, f64>, name: &str, labels: &str, count: f64) {
    let count_series = format!("{name}_count{{{labels}}}");
    let sum_series = format!("{name}_sum{{{labels}}}");
    assert!(grew(before, after, &count_series) >= count, "{count_series} did not grow by {count}:\n{after:#?}");
    let sum = grew(before, after, &sum_series);
    assert!(sum > 0.0 && sum < 60.0 * grew(before, after, &count_series), "{sum_series} grew by {sum}");
    let buckets: Vec<(f64, f64)> = after
        .iter()
        .filter(|(series, _)| series.starts_with(&format!("{name}_bucket{{{labels},le=\"")))
        .map(|(series, &value)| {
            let le = series.rsplit("le=\"").next().and_then(|rest| rest.strip_suffix("\"}")).expect("an le label");
            (if le == "+Inf" { f64::INFINITY } else { le.parse().expect("a numeric le") }, value)
        })
        .collect();
    assert!(!buckets.is_empty(), "no buckets for {name}{{{labels}}}");
    let mut sorted = buckets.clone();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(sorted.windows(2).all(|pair| pair[0].1 <= pair[1].1), "buckets not cumulative: {sorted:?}");
    assert_eq!(sorted.last().map(|b| b.1), Some(value(after, &count_series)), "+Inf bucket is the count");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_after_questions_on_every_front_end() {
    // The HTTP endpoint, in process.
    let http_dir = TempDir::new().unwrap();
    let http_service = start_service(http_dir.path());
    let ops_url = listen(&http_service).await;
    let before = metrics(&ops_url).await;
    let key = SigningKey::from_bytes(&[9; 32]);
    tokio::spawn(histbot::discord::run(http_service.clone(), http_config(&key)));
    let endpoint = endpoint_url(&ops_url).await;

    let (status, body) = post_interaction(&endpoint, &key, &command("4001", "when", serde_json::json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])), true).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("1955"), "{body}");
    let (status, body) = post_interaction(&endpoint, &key, &command("4002", "ask", serde_json::json!([{ "name": "question", "type": 3, "value": "when was the belgrade declaration signed?" }])), true).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = post_interaction(&endpoint, &key, &autocomplete("4003", "when", "event", "belgr"), true).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("belgrade"), "{body}");
    let (status, _) = post_interaction(&endpoint, &key, &command("4004", "when", serde_json::json!([])), false).await;
    assert_eq!(status, 401);
    let (status, _) = post_interaction(&endpoint, &key, &serde_json::json!({ "no": "type" }), true).await;
    assert_eq!(status, 400);

    // The gateway, against the fake Discord.
    let fake = FakeDiscord::start().await;
    let gateway_dir = TempDir::new().unwrap();
    let gateway_service = start_service(gateway_dir.path());
    let token_file = gateway_dir.path().join("discord-token");
    std::fs::write(&token_file, TOKEN).unwrap();
    let config = DiscordConfig {
        enabled: true,
        mode: DiscordMode::Gateway,
        token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
        token_file: Some(token_file),
        api_base: Some(fake.http_url.clone()),
        locales: root().join("config/discord-locales.toml"),
        ..DiscordConfig::default()
    };
    tokio::spawn(histbot::discord::run(gateway_service.clone(), config));
    fake.wait_for_sessions(1).await;
    fake.interaction(command("5001", "when", serde_json::json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])));
    let reply = fake.callback("5001").await;
    assert!(reply.problems.is_empty(), "{:?}", reply.problems);
    fake.interaction(autocomplete("5002", "who", "person", "tit"));
    fake.callback("5002").await;

    // Matrix, against the real Synapse (when there is one).
    #[cfg(feature = "matrix")]
    let matrix_asked = ask_on_matrix().await;
    #[cfg(not(feature = "matrix"))]
    let matrix_asked = false;

    // One process-wide recorder: every front end's figures on one page.
    let after = metrics(&ops_url).await;
    for (series, at_least) in [
        (r#"histbot_questions_total{platform="discord",command="when",outcome="answered"}"#, 2.0),
        (r#"histbot_questions_total{platform="discord",command="ask",outcome="answered"}"#, 1.0),
        (r#"histbot_discord_interactions_total{transport="http",type="command",status="200"}"#, 2.0),
        (r#"histbot_discord_interactions_total{transport="http",type="autocomplete",status="200"}"#, 1.0),
        (r#"histbot_discord_interactions_total{transport="http",type="unverified",status="401"}"#, 1.0),
        (r#"histbot_discord_interactions_total{transport="http",type="unreadable",status="400"}"#, 1.0),
        (r#"histbot_discord_interactions_total{transport="gateway",type="command",status="204"}"#, 1.0),
        (r#"histbot_discord_interactions_total{transport="gateway",type="autocomplete",status="204"}"#, 1.0),
        (r#"histbot_discord_gateway_events_total{event="connected"}"#, 1.0),
    ] {
        assert!(grew(&before, &after, series) >= at_least, "{series} grew by {}, not {at_least}:\n{after:#?}", grew(&before, &after, series));
    }
    assert_histogram_grew(&before, &after, "histbot_reply_seconds", r#"platform="discord",transport="http""#, 3.0);
    assert_histogram_grew(&before, &after, "histbot_reply_seconds", r#"platform="discord",transport="gateway""#, 2.0);
    assert_histogram_grew(&before, &after, "histbot_answer_seconds", r#"platform="discord",command="when""#, 2.0);
    if matrix_asked {
        assert!(grew(&before, &after, r#"histbot_questions_total{platform="matrix",command="when",outcome="answered"}"#) >= 1.0, "{after:#?}");
        assert!(grew(&before, &after, r#"histbot_matrix_syncs_total{result="ok"}"#) >= 1.0, "{after:#?}");
        assert_histogram_grew(&before, &after, "histbot_reply_seconds", r#"platform="matrix",transport="sync""#, 1.0);
        assert!(grew(&before, &after, "histbot_matrix_sync_lag_seconds_count") >= 1.0, "{after:#?}");
        assert!(grew(&before, &after, "histbot_matrix_sync_seconds_count") >= 1.0, "{after:#?}");
    }
    // The store counts its failures; none here, but the series names are
    // documented, so check none is malformed on this page.
    assert!(after.keys().filter(|series| series.starts_with("histbot_store_errors_total")).all(|series| series.contains("backend=") && series.contains("operation=")));

    http_service.shutdown().begin();
    gateway_service.shutdown().begin();
}

/// Ask `!when belgrade-declaration` of a Matrix bot on the test Synapse;
/// `false` (after printing why) when there is no homeserver.
#[cfg(feature = "matrix")]
async fn ask_on_matrix() -> bool {
    use matrix_harness::{homeserver, BotSetup, User, HOMESERVER_LOCK};
    use matrix_sdk::ruma::events::room::member::MembershipState;
    let Some(hs) = homeserver() else {
        eprintln!("the Matrix part of this test did not run: no homeserver");
        return false;
    };
    let _shared = HOMESERVER_LOCK.read().await;
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    let setup = BotSetup::new(&hs).await;
    let bot = histbot::matrix::Bot::start_with(service, setup.config.clone(), setup.store.clone(), histbot::matrix::SyncTuning::default())
        .await
        .expect("the Matrix bot starts");
    let alice = User::new(&hs, "alice").await;
    let room = alice.create_room(&[setup.user_id()], false).await;
    alice.wait_for_membership(room.room_id(), setup.user_id(), MembershipState::Join).await;
    let question = alice.say(room.room_id(), "!when belgrade-declaration").await;
    let reply = alice.reply_to(&question, matrix_harness::WAIT).await;
    assert!(reply.body().contains("1955"), "{}", reply.body());
    bot.shutdown().await;
    true
}

// ---- Matrix readiness ----------------------------------------------------

/// The bot syncs with Synapse through a proxy; cutting the proxy makes the
/// syncs fail, and after a few in a row the bot is not ready; restoring it
/// makes the bot ready again; shutting the bot down makes it not ready.
#[cfg(feature = "matrix")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_follows_matrix_sync() {
    use matrix_harness::{homeserver, BotSetup, HOMESERVER_LOCK};
    let Some(hs) = homeserver() else { return };
    let _shared = HOMESERVER_LOCK.read().await;
    let upstream = hs.url.trim_start_matches("http://").trim_end_matches('/').to_string();
    let proxy = tcp_proxy::TcpProxy::start(&upstream).await;
    let dir = TempDir::new().unwrap();
    let service = start_service(dir.path());
    service.readiness().expect("matrix");
    let url = listen(&service).await;
    let readyz = format!("{url}/readyz");
    assert_eq!(get(&readyz).await.0, 503);

    let mut setup = BotSetup::new(&hs).await;
    setup.config.homeserver = Some(proxy.url.clone());
    let bot = histbot::matrix::Bot::start_with(service.clone(), setup.config.clone(), setup.store.clone(), histbot::matrix::SyncTuning::default())
        .await
        .expect("the Matrix bot starts through the proxy");
    let body = wait_for_status(&readyz, 200).await;
    assert!(body.contains("matrix: ok (syncing)"), "{body}");

    let errors = r#"histbot_matrix_syncs_total{result="error"}"#;
    let before = metrics(&url).await;
    proxy.cut();
    let body = wait_for_status(&readyz, 503).await;
    assert!(body.contains("matrix: down (sync failing ("), "{body}");
    let after = metrics(&url).await;
    assert!(
        grew(&before, &after, errors) >= f64::from(histbot::matrix::sync::FAILURES_BEFORE_NOT_READY),
        "{after:#?}"
    );

    // The first sync through the restored proxy comes after the retry
    // delay and may be a long poll that holds for the client's whole sync
    // timeout (30 s) before it answers and the bot reports itself ready
    // (seen once in CI): wait as long as the Matrix tests do.
    proxy.restore();
    let body = wait_for_status_within(&readyz, 200, matrix_harness::WAIT).await;
    assert!(body.contains("matrix: ok (syncing)"), "{body}");

    bot.shutdown().await;
    let (status, body) = get(&readyz).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("matrix: down (sync stopped"), "{body}");
}

// ---- The binary ----------------------------------------------------------

/// A loopback port nobody listens on now.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("a bound address").port()
}

/// `histbot run` in HTTP mode with `metrics_listen` on its own port: the
/// probes and the metrics answer there, a signed question shows up in them;
/// then the console, piped, with the same listener.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_readiness_and_metrics() {
    let dir = TempDir::new().unwrap();
    let key = SigningKey::from_bytes(&[11; 32]);
    let (metrics_port, endpoint_port) = (free_port(), free_port());
    let string = |text: &str| toml::Value::String(text.to_string()).to_string();
    let config = format!(
        "facts = {}\nintents = {}\ndata_dir = {}\nmetrics_listen = {}\n\n[reload]\nwatch = false\n\n[discord]\nenabled = true\nmode = \"http\"\nlisten = {}\npublic_key = {}\ntoken_env = \"HISTBOT_TEST_DISCORD_TOKEN_UNSET\"\nlocales = {}\n",
        string(&root().join("facts").to_string_lossy()),
        string(&root().join("config/intents.toml").to_string_lossy()),
        string(&dir.path().join("data").to_string_lossy()),
        string(&format!("127.0.0.1:{metrics_port}")),
        string(&format!("127.0.0.1:{endpoint_port}")),
        string(&hex::encode(key.verifying_key().to_bytes())),
        string(&root().join("config/discord-locales.toml").to_string_lossy()),
    );
    let config_path = dir.path().join("histbot.toml");
    std::fs::write(&config_path, config).unwrap();
    let config_arg = config_path.to_string_lossy().into_owned();

    let mut bot = process::Histbot::start(dir.path(), &["run", "--config", &config_arg], &[]);
    bot.wait_for_log("health and metrics listening");
    let url = format!("http://127.0.0.1:{metrics_port}");
    assert_eq!(get(&format!("{url}/healthz")).await, (200, "ok\n".to_string()));
    let body = wait_for_status(&format!("{url}/readyz"), 200).await;
    assert!(body.contains("discord: ok (HTTP endpoint listening"), "{body}");
    let endpoint = format!("http://127.0.0.1:{endpoint_port}");
    let (status, body) = post_interaction(&endpoint, &key, &command("6001", "when", serde_json::json!([{ "name": "event", "type": 3, "value": "belgrade-declaration" }])), true).await;
    assert_eq!(status, 200, "{body}");
    let samples = metrics(&url).await;
    assert_eq!(value(&samples, r#"histbot_questions_total{platform="discord",command="when",outcome="answered"}"#), 1.0, "{samples:#?}");
    assert_eq!(value(&samples, r#"histbot_discord_interactions_total{transport="http",type="command",status="200"}"#), 1.0, "{samples:#?}");
    assert_eq!(value(&samples, r#"histbot_reply_seconds_count{platform="discord",transport="http"}"#), 1.0, "{samples:#?}");
    assert!(value(&samples, r#"histbot_fact_entries{kind="event"}"#) > 0.0, "{samples:#?}");
    bot.signal("TERM");
    assert!(bot.wait().success(), "{}", bot.stderr());

    // The console, piped: no front end to wait for, ready at once.
    let console_config = format!("facts = {}\nintents = {}\ndata_dir = {}\nmetrics_listen = {}\n\n[reload]\nwatch = false\n",
        string(&root().join("facts").to_string_lossy()),
        string(&root().join("config/intents.toml").to_string_lossy()),
        string(&dir.path().join("data").to_string_lossy()),
        string(&format!("127.0.0.1:{metrics_port}")),
    );
    std::fs::write(&config_path, console_config).unwrap();
    let mut console = process::Histbot::start(dir.path(), &["run", "--config", &config_arg], &[]);
    console.wait_for_log("health and metrics listening");
    {
        use std::io::Write as _;
        let stdin = console.stdin.as_mut().expect("piped stdin");
        writeln!(stdin, "/when belgrade-declaration").unwrap();
        writeln!(stdin, "when was the belgrade declaration signed?").unwrap();
        stdin.flush().unwrap();
    }
    console.wait_for_stdout("1955");
    let wanted = r#"histbot_reply_seconds_count{platform="console",transport="pipe"}"#;
    wait_until_counted(&url, "the console's two replies", |samples| value(samples, wanted) >= 2.0).await;
    let samples = metrics(&url).await;
    assert_eq!(value(&samples, r#"histbot_questions_total{platform="console",command="when",outcome="answered"}"#), 1.0, "{samples:#?}");
    assert_eq!(get(&format!("{url}/readyz")).await.0, 200);
    drop(console.stdin.take());
    assert!(console.wait().success(), "{}", console.stderr());
}

// ---- systemd -------------------------------------------------------------

/// The README's unit, as the file an operator would install.
fn readme_unit() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme.find("```ini\n[Unit]").expect("the README has a systemd unit in an ```ini block");
    let unit = &readme[start + "```ini\n".len()..];
    unit[..unit.find("```").expect("the unit's block ends")].to_string()
}

/// `systemd-analyze verify` on the README's unit, with the paths it names
/// pointed at this build's binary and a temporary tree. Skipped, saying so,
/// where there is no `systemd-analyze`.
#[test]
fn the_readme_systemd_unit_verifies() {
    let unit = readme_unit();
    for needed in ["Restart=on-failure", "ProtectSystem=strict", "ReadWritePaths=/var/lib/histbot", "ExecStart=/opt/histbot/histbot run"] {
        assert!(unit.contains(needed), "the unit lacks {needed}:\n{unit}");
    }
    let available = std::process::Command::new("systemd-analyze").arg("--version").output().is_ok_and(|output| output.status.success());
    if !available {
        eprintln!("SKIPPED the_readme_systemd_unit_verifies: `systemd-analyze` is not installed here, so the unit was only checked for its options");
        return;
    }
    let dir = TempDir::new().unwrap();
    let opt = dir.path().join("opt");
    std::fs::create_dir_all(opt.join("config")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_histbot"), opt.join("histbot")).unwrap();
    let secrets = dir.path().join("secrets.env");
    std::fs::write(&secrets, "DISCORD_TOKEN=unused\n").unwrap();
    let unit = unit
        .replace("/opt/histbot", &opt.to_string_lossy())
        .replace("/etc/histbot/secrets.env", &secrets.to_string_lossy())
        // `User=` must name a user of this machine for verify to pass.
        .replace("User=histbot", "User=root");
    let path = dir.path().join("histbot.service");
    std::fs::write(&path, unit).unwrap();
    let output = std::process::Command::new("systemd-analyze").arg("verify").arg(&path).output().expect("run systemd-analyze");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Without systemd as PID 1 (a container), verify cannot load the units
    // a unit depends on and says so; only lines about our unit count.
    let ours: Vec<&str> = stderr.lines().filter(|line| line.contains("histbot.service")).collect();
    assert!(output.status.success() || ours.is_empty(), "systemd-analyze verify failed:\n{stderr}");
    assert!(ours.is_empty(), "systemd-analyze verify found problems with the unit:\n{stderr}");
    eprintln!("systemd-analyze verify: the README's unit is clean{}", if stderr.trim().is_empty() { String::new() } else { format!(" (other output:\n{stderr})") });
}
