//! The operator's listener: `/healthz`, `/readyz` flipping with the real
//! state of each front end (the HTTP endpoint, serenity's gateway client
//! against the fake Discord), and `/metrics` in the Prometheus text format
//! with counters that move when questions are answered.
#![cfg(all(feature = "ops", feature = "discord"))]

#[path = "support/fake_discord.rs"]
mod fake_discord;

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
    let deadline = tokio::time::Instant::now() + WAIT;
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
    let before = sessions(&metrics(&url).await);
    fake.drop_connection();
    fake.wait_for_sessions(2).await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while sessions(&metrics(&url).await) < before + 1.0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the new gateway session was not counted"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    wait_for_status(&format!("{url}/readyz"), 200).await;

    service.shutdown().begin();
    let _ = tokio::time::timeout(WAIT, gateway)
        .await
        .expect("the gateway client stops");
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
