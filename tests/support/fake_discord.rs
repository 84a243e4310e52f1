//! A fake Discord on loopback, for the Discord front-end tests: the REST API
//! serenity uses (gateway address, application commands, interaction
//! callbacks; an interaction's original response edited and deleted and its
//! follow-ups, the first one taking the place of a deferred "thinking…" as
//! on Discord; channel messages) and a WebSocket gateway
//! (HELLO, IDENTIFY → READY, RESUME → RESUMED, heartbeats and ACKs,
//! dispatched events; channel messages posted and edited, each posted one with
//! an id of its own; direct-message channels). It records everything, and
//! checks every message it is sent against Discord's limits, answering 400
//! where Discord would.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

/// The bot token the tests use; the fake refuses any other.
pub const TOKEN: &str = "fake-bot-token.histbot-test.DO-NOT-LOG-ME-0123456789";
/// The application the fake says the token belongs to.
pub const APPLICATION_ID: u64 = 111_111_111_111_111_111;
/// How long a test waits for something to happen before it fails.
pub const WAIT: Duration = Duration::from_secs(30);
/// The gateway heartbeat interval, short so that heartbeats happen in tests.
const HEARTBEAT_MS: u64 = 1000;

/// One REST request the fake received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub authorization: Option<String>,
    pub body: Value,
    /// The Discord limits the body broke (the fake answered 400 if any).
    pub problems: Vec<String>,
    /// The id of the message or channel the fake made for it, if it made one.
    pub made: Option<String>,
}

/// One thing that happened on the gateway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GatewayEvent {
    Connected(u64),
    Identified { connection: u64, token: String },
    Resumed { connection: u64, session: String },
    Heartbeat(u64),
    Closed(u64),
}

#[derive(Default)]
pub struct Log {
    pub requests: Vec<Received>,
    pub gateway: Vec<GatewayEvent>,
}

impl Log {
    /// Sessions that are (or were) ready for events: READY or RESUMED sent.
    pub fn sessions(&self) -> usize {
        self.gateway.iter().filter(|e| matches!(e, GatewayEvent::Identified { .. } | GatewayEvent::Resumed { .. })).count()
    }

    pub fn heartbeats(&self) -> usize {
        self.gateway.iter().filter(|e| matches!(e, GatewayEvent::Heartbeat(_))).count()
    }

    /// Requests whose method is `method` and whose path contains `part`.
    pub fn find(&self, method: &str, part: &str) -> Vec<Received> {
        self.requests.iter().filter(|r| r.method == method && r.path.contains(part)).cloned().collect()
    }

    /// Every message body the bot sent (callbacks with message data, webhook edits, channel messages).
    pub fn messages(&self) -> Vec<Value> {
        let mut messages = Vec::new();
        for request in &self.requests {
            if request.path.ends_with("/callback") {
                if let Some(data) = request.body.get("data").filter(|_| matches!(request.body["type"].as_u64(), Some(4 | 5 | 7))) {
                    messages.push(data.clone());
                }
            } else if request.path.contains("/messages") && !matches!(request.method.as_str(), "GET" | "DELETE") {
                messages.push(request.body.clone());
            } else if request.method == "POST" && request.path.contains("/webhooks/") {
                // A follow-up message.
                messages.push(request.body.clone());
            }
        }
        messages
    }

    /// The follow-up messages sent for the interaction with `token`.
    pub fn followups(&self, token: &str) -> Vec<Received> {
        let path = format!("/{token}");
        self.requests.iter().filter(|r| r.method == "POST" && r.path.contains("/webhooks/") && r.path.ends_with(&path)).cloned().collect()
    }

    /// The requests about the original response of the interaction with
    /// `token` (`PATCH` edits, `DELETE`s).
    pub fn original(&self, token: &str) -> Vec<Received> {
        let path = format!("/{token}/messages/@original");
        self.requests.iter().filter(|r| r.path.contains("/webhooks/") && r.path.ends_with(&path)).cloned().collect()
    }
}

/// What became of an interaction's original response, as Discord keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Original {
    /// A deferred "thinking…" (callback type 5): the first follow-up takes
    /// its place, flags ignored, as Discord does for backwards compatibility.
    Thinking,
    /// A message (answered, or edited in).
    Sent,
    /// A button's message, updated or about to be (callback type 6 or 7).
    Update,
    Deleted,
}

/// What [`Received::made`] says for a follow-up when a follow-up took the place of a
/// deferred "thinking…" instead of making a message of its own.
pub const TOOK_THE_ORIGINAL: &str = "@original";

enum Control {
    Dispatch { event: String, data: Value },
    Close,
}

struct Shared {
    log: Mutex<Log>,
    changed: watch::Sender<u64>,
    /// Registered commands by path (`applications/1/commands`, `…/guilds/2/commands`).
    commands: Mutex<BTreeMap<String, Vec<Value>>>,
    /// The connection that last got READY or RESUMED.
    live: Mutex<Option<(u64, mpsc::UnboundedSender<Control>)>>,
    ws_url: String,
    /// How long webhook edits (deferred answers) take to be answered.
    webhook_delay: Mutex<Duration>,
    /// While set, the gateway closes every new connection at once (Discord unreachable).
    refusing: std::sync::atomic::AtomicBool,
    /// The id of the next channel message posted.
    next_message: std::sync::atomic::AtomicU64,
    /// Each interaction token's original response, once known.
    originals: Mutex<BTreeMap<String, Original>>,
}

/// The first id the fake gives a posted message.
pub const FIRST_MESSAGE_ID: u64 = 1_500_000_000_000_000_001;

/// The direct-message channel the fake opens with a user: the user's id plus this.
pub const DM_CHANNEL_OFFSET: u64 = 1_000;

impl Shared {
    fn record(&self, f: impl FnOnce(&mut Log)) {
        f(&mut self.log.lock().unwrap());
        self.changed.send_modify(|n| *n += 1);
    }
}

/// The running fake.
pub struct FakeDiscord {
    /// What `api_base` points at: `http://127.0.0.1:PORT`.
    pub http_url: String,
    pub ws_url: String,
    shared: Arc<Shared>,
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let http = TcpListener::bind("127.0.0.1:0").await.expect("bind the fake REST API");
        let ws = TcpListener::bind("127.0.0.1:0").await.expect("bind the fake gateway");
        let http_url = format!("http://{}", http.local_addr().unwrap());
        let ws_url = format!("ws://{}", ws.local_addr().unwrap());
        let (changed, _) = watch::channel(0);
        let shared = Arc::new(Shared {
            log: Mutex::new(Log::default()),
            changed,
            commands: Mutex::new(BTreeMap::new()),
            live: Mutex::new(None),
            ws_url: ws_url.clone(),
            webhook_delay: Mutex::new(Duration::ZERO),
            refusing: std::sync::atomic::AtomicBool::new(false),
            next_message: std::sync::atomic::AtomicU64::new(FIRST_MESSAGE_ID),
            originals: Mutex::new(BTreeMap::new()),
        });
        let app = axum::Router::new().fallback(rest).with_state(shared.clone());
        tokio::spawn(async move { axum::serve(http, app).await.ok() });
        let gateway = shared.clone();
        tokio::spawn(async move {
            let mut next = 0;
            while let Ok((stream, peer)) = ws.accept().await {
                if gateway.refusing.load(std::sync::atomic::Ordering::SeqCst) {
                    drop(stream);
                    continue;
                }
                next += 1;
                tokio::spawn(connection(gateway.clone(), stream, peer, next));
            }
        });
        FakeDiscord { http_url, ws_url, shared }
    }

    /// Wait (at most [`WAIT`]) until `check` finds what it looks for in the log.
    pub async fn wait_for<T>(&self, what: &str, mut check: impl FnMut(&Log) -> Option<T>) -> T {
        let mut changes = self.shared.changed.subscribe();
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(found) = check(&self.shared.log.lock().unwrap()) {
                return found;
            }
            if tokio::time::timeout_at(deadline, changes.changed()).await.is_err() {
                let log = self.shared.log.lock().unwrap();
                let requests: Vec<String> = log.requests.iter().map(|r| format!("{} {}", r.method, r.path)).collect();
                panic!("timed out waiting for {what}; requests: {requests:#?}; gateway: {:?}", log.gateway);
            }
        }
    }

    /// Wait until at least `n` gateway sessions were made ready (READY or RESUMED).
    pub async fn wait_for_sessions(&self, n: usize) {
        self.wait_for(&format!("{n} gateway session(s)"), |log| (log.sessions() >= n).then_some(())).await;
    }

    /// The response the bot sent for interaction `id`.
    pub async fn callback(&self, id: &str) -> Received {
        let part = format!("/interactions/{id}/");
        self.wait_for(&format!("the callback for interaction {id}"), |log| log.find("POST", &part).into_iter().next()).await
    }

    /// Send an event to the bot over the live gateway connection.
    pub fn dispatch(&self, event: &str, data: Value) {
        let live = self.shared.live.lock().unwrap();
        let (_, sender) = live.as_ref().expect("no gateway session is live");
        sender.send(Control::Dispatch { event: event.into(), data }).expect("the gateway connection is gone");
    }

    /// Send an interaction to the bot.
    pub fn interaction(&self, interaction: Value) {
        self.dispatch("INTERACTION_CREATE", interaction);
    }

    /// Close the live gateway connection, as Discord does now and then.
    pub fn drop_connection(&self) {
        if let Some((_, sender)) = self.shared.live.lock().unwrap().take() {
            let _ = sender.send(Control::Close);
        }
    }

    /// While `refuse` is set, the gateway closes new connections before the
    /// WebSocket handshake, as an unreachable Discord would (the REST API still answers).
    pub fn refuse_connections(&self, refuse: bool) {
        self.shared.refusing.store(refuse, std::sync::atomic::Ordering::SeqCst);
    }

    /// Everything received so far.
    pub fn log<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        f(&self.shared.log.lock().unwrap())
    }

    /// Make webhook edits (deferred answers) slow: each is recorded and
    /// answered only after `delay`, as a slow Discord would.
    pub fn delay_webhooks(&self, delay: Duration) {
        *self.shared.webhook_delay.lock().unwrap() = delay;
    }

    /// Tell the fake how an interaction was acknowledged in the response
    /// to an HTTP POST (which it does not see), unless the bot already
    /// called the interaction's webhook.
    pub fn acknowledged(&self, token: &str, response: &Value) {
        if let Some(original) = original_of(response) {
            self.shared.originals.lock().unwrap().entry(token.to_string()).or_insert(original);
        }
    }

    /// Commands as registered at `path` (e.g. `applications/111…/commands`).
    pub fn registered(&self, path: &str) -> Option<Vec<Value>> {
        self.shared.commands.lock().unwrap().get(path).cloned()
    }
}

async fn rest(State(shared): State<Arc<Shared>>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let path = uri.path().to_string();
    let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string);
    let body: Value = if body.is_empty() { Value::Null } else { serde_json::from_slice(&body).unwrap_or_else(|_| json!({ "unparsable": String::from_utf8_lossy(&body) })) };
    let mut received = Received { method: method.to_string(), path: path.clone(), authorization: authorization.clone(), body: body.clone(), problems: Vec::new(), made: None };

    let authorized = authorization.as_deref() == Some(&format!("Bot {TOKEN}"));
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    if segments.first() == Some(&"webhooks") {
        let delay = *shared.webhook_delay.lock().unwrap();
        tokio::time::sleep(delay).await;
    }
    let response = if !path.starts_with("/api/v10/") {
        (StatusCode::NOT_FOUND, Json(json!({ "message": "404: Not Found", "code": 0 }))).into_response()
    } else if segments.first() == Some(&"interactions") || segments.first() == Some(&"webhooks") {
        // Interaction callbacks and webhooks are authorized by their token, not the bot's.
        received.problems = if method == Method::DELETE { Vec::new() } else { check_body(&segments, &body) };
        if !received.problems.is_empty() {
            (StatusCode::BAD_REQUEST, Json(json!({ "message": "Invalid Form Body", "code": 50035, "errors": received.problems }))).into_response()
        } else if let ("POST", ["interactions", _, token, "callback"]) = (method.as_str(), segments.as_slice()) {
            if let Some(original) = original_of(&body) {
                shared.originals.lock().unwrap().insert(token.to_string(), original);
            }
            StatusCode::NO_CONTENT.into_response()
        } else {
            webhook(&shared, method.as_str(), &segments, &body, &mut received)
        }
    } else if !authorized {
        (StatusCode::UNAUTHORIZED, Json(json!({ "message": "401: Unauthorized", "code": 0 }))).into_response()
    } else {
        match (method.as_str(), segments.as_slice()) {
            ("GET", ["gateway"]) => Json(json!({ "url": shared.ws_url })).into_response(),
            ("GET", ["gateway", "bot"]) => Json(json!({
                "url": shared.ws_url,
                "shards": 1,
                "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 }
            }))
            .into_response(),
            ("GET", ["oauth2", "applications", "@me"]) => Json(json!({ "id": APPLICATION_ID.to_string(), "name": "histbot" })).into_response(),
            ("GET", ["applications", _, "commands"] | ["applications", _, "guilds", _, "commands"]) => {
                let key = segments.join("/");
                Json(json!(shared.commands.lock().unwrap().get(&key).cloned().unwrap_or_default())).into_response()
            }
            ("PUT", ["applications", _, "commands"] | ["applications", _, "guilds", _, "commands"]) => {
                received.problems = check_commands(&body);
                if !received.problems.is_empty() {
                    (StatusCode::BAD_REQUEST, Json(json!({ "message": "Invalid Form Body", "code": 50035, "errors": received.problems }))).into_response()
                } else {
                    let stored: Vec<Value> = body
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                        .into_iter()
                        .enumerate()
                        .map(|(i, mut command)| {
                            // What Discord adds.
                            command["id"] = json!((900 + i).to_string());
                            command["application_id"] = json!(APPLICATION_ID.to_string());
                            command["version"] = json!("1");
                            command["nsfw"] = json!(false);
                            command
                        })
                        .collect();
                    shared.commands.lock().unwrap().insert(segments.join("/"), stored.clone());
                    Json(json!(stored)).into_response()
                }
            }
            ("POST", ["channels", channel, "messages"]) => {
                received.problems = check_message(&body);
                if received.problems.is_empty() {
                    let id = shared.next_message.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    received.made = Some(id.to_string());
                    Json(json!({ "id": id.to_string(), "channel_id": channel, "type": 0 })).into_response()
                } else {
                    (StatusCode::BAD_REQUEST, Json(json!({ "message": "Invalid Form Body", "code": 50035 }))).into_response()
                }
            }
            ("PATCH", ["channels", channel, "messages", message]) => {
                received.problems = check_message(&body);
                if received.problems.is_empty() {
                    Json(json!({ "id": message, "channel_id": channel, "type": 0 })).into_response()
                } else {
                    (StatusCode::BAD_REQUEST, Json(json!({ "message": "Invalid Form Body", "code": 50035 }))).into_response()
                }
            }
            ("POST", ["users", "@me", "channels"]) => match body["recipient_id"].as_str().and_then(|id| id.parse::<u64>().ok()) {
                Some(user) => {
                    received.made = Some((user + DM_CHANNEL_OFFSET).to_string());
                    Json(json!({ "id": (user + DM_CHANNEL_OFFSET).to_string(), "type": 1 })).into_response()
                }
                None => (StatusCode::BAD_REQUEST, Json(json!({ "message": "Invalid Form Body", "code": 50035 }))).into_response(),
            },
            _ => (StatusCode::NOT_FOUND, Json(json!({ "message": "404: Not Found", "code": 0 }))).into_response(),
        }
    };
    shared.record(|log| log.requests.push(received));
    response
}

/// What an interaction response makes the original response.
fn original_of(response: &Value) -> Option<Original> {
    match response["type"].as_u64()? {
        4 => Some(Original::Sent),
        5 => Some(Original::Thinking),
        6 | 7 => Some(Original::Update),
        _ => None,
    }
}

/// An interaction's webhook: edit or delete the original response
/// (`…/messages/@original`; refused once it is deleted), or send a
/// follow-up (`POST /webhooks/{app}/{token}`), which takes the place of a
/// deferred "thinking…" that is still there.
fn webhook(shared: &Shared, method: &str, segments: &[&str], body: &Value, received: &mut Received) -> Response {
    let unknown = || (StatusCode::NOT_FOUND, Json(json!({ "message": "Unknown Message", "code": 10008 }))).into_response();
    let mut originals = shared.originals.lock().unwrap();
    match (method, segments) {
        ("PATCH" | "DELETE", ["webhooks", _, token, "messages", "@original"]) => {
            let original = originals.entry(token.to_string()).or_insert(Original::Thinking);
            if *original == Original::Deleted {
                return unknown();
            }
            if method == "DELETE" {
                *original = Original::Deleted;
                return StatusCode::NO_CONTENT.into_response();
            }
            if *original == Original::Thinking {
                *original = Original::Sent;
            }
            Json(json!({ "id": "1", "type": 0, "flags": body["flags"] })).into_response()
        }
        ("POST", ["webhooks", _, token]) => {
            let original = originals.entry(token.to_string()).or_insert(Original::Thinking);
            if *original == Original::Thinking {
                *original = Original::Sent;
                received.made = Some(TOOK_THE_ORIGINAL.into());
                return Json(json!({ "id": "1", "type": 0 })).into_response();
            }
            let id = shared.next_message.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            received.made = Some(id.to_string());
            Json(json!({ "id": id.to_string(), "type": 0, "flags": body["flags"] })).into_response()
        }
        _ => unknown(),
    }
}

/// Callbacks and webhook edits.
fn check_body(segments: &[&str], body: &Value) -> Vec<String> {
    if segments.first() == Some(&"webhooks") {
        return check_message(body);
    }
    match body.get("type").and_then(Value::as_u64) {
        Some(1 | 6) => Vec::new(),
        Some(4 | 7) => check_message(body.get("data").unwrap_or(&Value::Null)),
        Some(5) => {
            let mut problems = Vec::new();
            if body.pointer("/data/allowed_mentions").is_none() {
                problems.push("no allowed_mentions".into());
            }
            problems
        }
        Some(8) => {
            let choices = body.pointer("/data/choices").and_then(Value::as_array).cloned().unwrap_or_default();
            let mut problems = Vec::new();
            if choices.len() > 25 {
                problems.push(format!("{} choices", choices.len()));
            }
            for choice in choices {
                let name = choice["name"].as_str().map_or(0, |s| s.chars().count());
                let value = choice["value"].as_str().map_or(0, |s| s.chars().count());
                if !(1..=100).contains(&name) || value > 100 {
                    problems.push(format!("choice {choice}"));
                }
            }
            problems
        }
        Some(9) => check_modal(body.get("data").unwrap_or(&Value::Null)),
        other => vec![format!("unknown callback type {other:?}")],
    }
}

/// Discord's limits for a modal (a form): a custom id of 1–100
/// characters, a title of 1–45, 1–5 rows of one text input each, whose
/// label has 1–45 characters, style 1 or 2, and a value of at most 4000.
pub fn check_modal(data: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let length = |value: &Value| value.as_str().map_or(0, |s| s.chars().count());
    if !(1..=100).contains(&length(&data["custom_id"])) {
        problems.push(format!("modal custom_id {}", data["custom_id"]));
    }
    if !(1..=45).contains(&length(&data["title"])) {
        problems.push(format!("modal title {}", data["title"]));
    }
    let rows = data["components"].as_array().cloned().unwrap_or_default();
    if !(1..=5).contains(&rows.len()) {
        problems.push(format!("{} rows in a modal", rows.len()));
    }
    for row in rows {
        let inputs = row["components"].as_array().cloned().unwrap_or_default();
        if row["type"] != 1 || inputs.len() != 1 {
            problems.push(format!("a modal row must be an action row with one input: {row}"));
        }
        for input in inputs {
            if input["type"] != 4 || !matches!(input["style"].as_u64(), Some(1 | 2)) {
                problems.push(format!("not a text input: {input}"));
            }
            if !(1..=45).contains(&length(&input["label"])) || !(1..=100).contains(&length(&input["custom_id"])) {
                problems.push(format!("text input label or custom_id: {input}"));
            }
            if length(&input["value"]) > 4000 || input["max_length"].as_u64().is_some_and(|max| max > 4000) {
                problems.push("a text input over 4000 characters".into());
            }
        }
    }
    problems
}

/// Discord's message limits, checked independently of the bot's own code.
pub fn check_message(data: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    if data.get("allowed_mentions").is_none() {
        problems.push("no allowed_mentions".into());
    }
    if len(&data["content"]) > 2000 {
        problems.push("content over 2000".into());
    }
    let embeds = data["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        problems.push("more than 10 embeds".into());
    }
    let mut total = 0;
    for embed in &embeds {
        let (title, description, footer) = (len(&embed["title"]), len(&embed["description"]), len(&embed["footer"]["text"]));
        if title > 256 {
            problems.push(format!("title {title}"));
        }
        if description > 4096 {
            problems.push(format!("description {description}"));
        }
        if footer > 2048 {
            problems.push(format!("footer {footer}"));
        }
        total += title + description + footer;
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            problems.push(format!("{} fields", fields.len()));
        }
        for field in fields {
            let (name, value) = (len(&field["name"]), len(&field["value"]));
            if !(1..=256).contains(&name) || !(1..=1024).contains(&value) {
                problems.push(format!("field {name}/{value}"));
            }
            total += name + value;
        }
    }
    if total > 6000 {
        problems.push(format!("embeds total {total}"));
    }
    let rows = data["components"].as_array().cloned().unwrap_or_default();
    if rows.len() > 5 {
        problems.push("more than 5 rows".into());
    }
    let mut ids = Vec::new();
    for row in rows {
        let components = row["components"].as_array().cloned().unwrap_or_default();
        if row["type"] != 1 || components.is_empty() || components.len() > 5 {
            problems.push("bad action row".into());
        }
        for component in components {
            let id = component["custom_id"].as_str().unwrap_or_default().to_string();
            if id.is_empty() || id.chars().count() > 100 || ids.contains(&id) {
                problems.push(format!("bad custom_id {id:?}"));
            }
            if len(&component["label"]) > 80 {
                problems.push("label over 80".into());
            }
            ids.push(id);
        }
    }
    problems
}

fn check_commands(body: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(commands) = body.as_array() else { return vec!["not a list".into()] };
    if commands.len() > 100 {
        problems.push("more than 100 commands".into());
    }
    for command in commands {
        let name = command["name"].as_str().unwrap_or_default();
        if name.is_empty() || name.chars().count() > 32 || name.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
            problems.push(format!("bad name {name:?}"));
        }
        let description = command["description"].as_str().map_or(0, |s| s.chars().count());
        if !(1..=100).contains(&description) {
            problems.push(format!("{name}: description length {description}"));
        }
        for (locale, text) in command["description_localizations"].as_object().into_iter().flatten() {
            if locale == "sr" || text.as_str().map_or(0, |s| s.chars().count()) > 100 {
                problems.push(format!("{name}: bad localization {locale}"));
            }
        }
        let options = command["options"].as_array().cloned().unwrap_or_default();
        if options.len() > 25 {
            problems.push(format!("{name}: too many options"));
        }
        let mut optional_seen = false;
        for option in options {
            let required = option["required"].as_bool().unwrap_or(false);
            if required && optional_seen {
                problems.push(format!("{name}: required option after an optional one"));
            }
            optional_seen |= !required;
            if option["autocomplete"] == true && option.get("choices").is_some() {
                problems.push(format!("{name}: autocomplete with choices"));
            }
            if option["choices"].as_array().map_or(0, Vec::len) > 25 {
                problems.push(format!("{name}: more than 25 choices"));
            }
        }
    }
    problems
}

async fn connection(shared: Arc<Shared>, stream: tokio::net::TcpStream, _peer: SocketAddr, id: u64) {
    let Ok(socket) = tokio_tungstenite::accept_async(stream).await else { return };
    let (mut sink, mut stream) = socket.split();
    shared.record(|log| log.gateway.push(GatewayEvent::Connected(id)));
    let (control, mut controls) = mpsc::unbounded_channel();
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": HEARTBEAT_MS } });
    if sink.send(Message::Text(hello.to_string())).await.is_err() {
        return;
    }
    let mut seq = 0u64;
    loop {
        tokio::select! {
            message = stream.next() => {
                let Some(Ok(message)) = message else { break };
                let Message::Text(text) = message else {
                    if matches!(message, Message::Close(_)) { break; }
                    continue;
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { break };
                match payload["op"].as_u64() {
                    Some(1) => {
                        shared.record(|log| log.gateway.push(GatewayEvent::Heartbeat(id)));
                        if sink.send(Message::Text(json!({ "op": 11 }).to_string())).await.is_err() { break; }
                    }
                    Some(2) => {
                        let token = payload["d"]["token"].as_str().unwrap_or_default().to_string();
                        seq += 1;
                        let ready = json!({
                            "op": 0, "t": "READY", "s": seq,
                            "d": {
                                "v": 10,
                                "user": { "id": "222222222222222222", "username": "histbot", "discriminator": "0", "global_name": null, "avatar": null, "bot": true },
                                "guilds": [],
                                "session_id": format!("fake-session-{id}"),
                                "resume_gateway_url": shared.ws_url,
                                "shard": [0, 1],
                                "application": { "id": APPLICATION_ID.to_string(), "flags": 0 }
                            }
                        });
                        if sink.send(Message::Text(ready.to_string())).await.is_err() { break; }
                        *shared.live.lock().unwrap() = Some((id, control.clone()));
                        shared.record(|log| log.gateway.push(GatewayEvent::Identified { connection: id, token }));
                    }
                    Some(6) => {
                        let session = payload["d"]["session_id"].as_str().unwrap_or_default().to_string();
                        seq = payload["d"]["seq"].as_u64().unwrap_or(seq) + 1;
                        let resumed = json!({ "op": 0, "t": "RESUMED", "s": seq, "d": {} });
                        if sink.send(Message::Text(resumed.to_string())).await.is_err() { break; }
                        *shared.live.lock().unwrap() = Some((id, control.clone()));
                        shared.record(|log| log.gateway.push(GatewayEvent::Resumed { connection: id, session }));
                    }
                    _ => {}
                }
            }
            control = controls.recv() => {
                match control {
                    Some(Control::Dispatch { event, data }) => {
                        seq += 1;
                        let payload = json!({ "op": 0, "t": event, "s": seq, "d": data });
                        if sink.send(Message::Text(payload.to_string())).await.is_err() { break; }
                    }
                    Some(Control::Close) | None => {
                        let frame = CloseFrame { code: CloseCode::Library(4000), reason: "fake discord: reconnect".into() };
                        let _ = sink.send(Message::Close(Some(frame))).await;
                        break;
                    }
                }
            }
        }
    }
    let mut live = shared.live.lock().unwrap();
    if live.as_ref().is_some_and(|(live_id, _)| *live_id == id) {
        *live = None;
    }
    drop(live);
    shared.record(|log| log.gateway.push(GatewayEvent::Closed(id)));
}

// ---- Helpers shared by the Discord tests -------------------------------

/// The repository root.
pub fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The service over the shipped fact base, with its state in `data_dir`
/// and nobody a moderator from chat (the default `[moderation]`).
pub fn start_service(data_dir: &std::path::Path) -> Arc<histbot::service::Service> {
    start_service_with(data_dir, "")
}

/// [`start_service`] with a `[moderation]` section (its TOML body).
pub fn start_service_with(data_dir: &std::path::Path, moderation: &str) -> Arc<histbot::service::Service> {
    let config = histbot::config::Config {
        facts: root().join("facts"),
        intents: root().join("config/intents.toml"),
        data_dir: data_dir.to_path_buf(),
        moderation: toml::from_str(moderation).expect("a valid [moderation] section"),
        ..histbot::config::Config::default()
    };
    histbot::service::Service::start(&config).expect("the shipped fact base loads")
}

/// The server (guild), the member and their channel in `command.json`.
pub const FIXTURE_GUILD: u64 = 1_000_000_000_000_000_001;

/// A fixture from `tests/fixtures/discord/`.
pub fn fixture(name: &str) -> Value {
    let path = root().join("tests/fixtures/discord").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture exists")).expect("fixture is JSON")
}

/// A slash command interaction (from `command.json`) with this id, command and options.
pub fn command(id: &str, name: &str, options: Value) -> Value {
    let mut interaction = fixture("command.json");
    interaction["id"] = json!(id);
    interaction["data"]["name"] = json!(name);
    interaction["data"]["options"] = options;
    interaction
}

/// An autocomplete interaction: `option` of `name`, typed so far as `partial`.
pub fn autocomplete(id: &str, name: &str, option: &str, partial: &str) -> Value {
    let mut interaction = fixture("autocomplete.json");
    interaction["id"] = json!(id);
    interaction["data"]["name"] = json!(name);
    interaction["data"]["options"] = json!([{ "name": option, "type": 3, "value": partial, "focused": true }]);
    interaction
}

/// A button press (from `component.json`) with this custom id.
pub fn button(id: &str, custom_id: &str) -> Value {
    let mut interaction = fixture("component.json");
    interaction["id"] = json!(id);
    interaction["data"]["custom_id"] = json!(custom_id);
    interaction
}

/// The description of the first embed of a message.
pub fn description(data: &Value) -> String {
    data["embeds"][0]["description"].as_str().unwrap_or_default().to_string()
}

/// All of the first embed's text.
pub fn embed_text(data: &Value) -> String {
    let embed = &data["embeds"][0];
    let mut text = format!("{}\n{}\n{}", embed["title"].as_str().unwrap_or_default(), embed["description"].as_str().unwrap_or_default(), embed["footer"]["text"].as_str().unwrap_or_default());
    for field in embed["fields"].as_array().into_iter().flatten() {
        text.push_str(&format!("\n{}\n{}", field["name"].as_str().unwrap_or_default(), field["value"].as_str().unwrap_or_default()));
    }
    text
}

#[derive(Clone)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

static LOGS: std::sync::OnceLock<Arc<Mutex<Vec<u8>>>> = std::sync::OnceLock::new();

/// Capture every log line of this test binary (debug level, serenity's too).
pub fn capture_logs() {
    LOGS.get_or_init(|| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = LogBuffer(buffer.clone());
        let filter = tracing_subscriber::EnvFilter::new("debug,hyper=info,hyper_util=info,rustls=info,reqwest=info,tungstenite=info,tokio_tungstenite=info,h2=info");
        let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false).with_writer(move || writer.clone()).try_init();
        buffer
    });
}

/// Everything logged so far.
pub fn logs() -> String {
    LOGS.get().map(|b| String::from_utf8_lossy(&b.lock().unwrap()).into_owned()).unwrap_or_default()
}

/// The `x-signature-ed25519` header Discord sends with an interaction: the
/// hex of the Ed25519 signature of the timestamp followed by the body.
pub fn sign_interaction(key: &ed25519_dalek::SigningKey, timestamp: &str, body: &[u8]) -> String {
    use ed25519_dalek::Signer as _;
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    hex::encode(key.sign(&message).to_bytes())
}
