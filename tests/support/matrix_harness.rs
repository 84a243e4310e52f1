//! Helpers for the Matrix tests: the homeserver from the environment,
//! users registered with Synapse's shared secret, real matrix-sdk clients on
//! the user side, and a histbot bot per test.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use histbot::config::{Config, MatrixConfig};
use histbot::matrix::{Bot, SyncTuning};
use histbot::service::Service;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::create_room::v3::{Request as CreateRoomRequest, RoomPreset};
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent};
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, UserId};
use matrix_sdk::{Client, Room, SessionMeta, SessionTokens};
use tokio::sync::{Notify, RwLock};

/// Every wait in these tests gives up after this long.
pub const WAIT: Duration = Duration::from_secs(60);

pub const SKIP: &str = "skipping: no homeserver (set HISTBOT_TEST_HOMESERVER, or run scripts/test-all.sh)";

/// Tests share the homeserver; the Synapse-restart test takes it alone.
pub static HOMESERVER_LOCK: RwLock<()> = RwLock::const_new(());

/// The test homeserver, from `target/synapse/env` (see scripts/synapse.sh).
#[derive(Debug, Clone)]
pub struct Homeserver {
    pub url: String,
    pub secret: String,
    pub ctl: Option<PathBuf>,
}

/// The homeserver, or `None` (after printing why) when there is none. With
/// `HISTBOT_REQUIRE_HOMESERVER=1` a missing homeserver fails the test.
pub fn homeserver() -> Option<Homeserver> {
    // `RUST_LOG=histbot=debug cargo test … -- --nocapture` shows the bot's logs.
    let _ = tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).with_test_writer().try_init();
    let required = std::env::var("HISTBOT_REQUIRE_HOMESERVER").is_ok_and(|v| v == "1");
    let url = std::env::var("HISTBOT_TEST_HOMESERVER").ok().filter(|v| !v.trim().is_empty());
    let Some(url) = url else {
        if required {
            panic!("{SKIP}; HISTBOT_REQUIRE_HOMESERVER=1 says this test must run, not skip");
        }
        eprintln!("{SKIP}");
        return None;
    };
    let secret = std::env::var("HISTBOT_TEST_SYNAPSE_SECRET")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| panic!("HISTBOT_TEST_HOMESERVER is set but HISTBOT_TEST_SYNAPSE_SECRET is not (source target/synapse/env)"));
    let ctl = std::env::var("HISTBOT_TEST_SYNAPSE_CTL").ok().filter(|v| !v.trim().is_empty()).map(PathBuf::from);
    Some(Homeserver { url: url.trim_end_matches('/').to_string(), secret, ctl })
}

/// The fact base and intents that ship with histbot, behind one service
/// shared by every test in the binary.
pub fn service() -> Arc<Service> {
    static SERVICE: OnceLock<(Arc<Service>, tempfile::TempDir)> = OnceLock::new();
    SERVICE
        .get_or_init(|| {
            let data = tempfile::tempdir().expect("temp dir");
            let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let config = Config {
                facts: manifest.join("facts"),
                intents: manifest.join("config/intents.toml"),
                data_dir: data.path().to_path_buf(),
                ..Config::default()
            };
            let service = Service::start(&config).unwrap_or_else(|error| panic!("the shipped fact base must load: {error}"));
            (service, data)
        })
        .0
        .clone()
}

/// A fresh, unique user name (Synapse localparts: a-z 0-9 . _ = - /).
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{prefix}-{}-{nanos:x}-{n}", std::process::id())
}

/// A registered account.
#[derive(Debug, Clone)]
pub struct Account {
    pub user_id: OwnedUserId,
    pub password: String,
    pub access_token: String,
    pub device_id: String,
}

/// Register a user with the shared secret (`/_synapse/admin/v1/register`).
pub async fn register(homeserver: &Homeserver, prefix: &str) -> Account {
    let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("http client");
    let username = unique_name(prefix);
    let password = format!("pw-{}", unique_name("x"));
    let endpoint = format!("{}/_synapse/admin/v1/register", homeserver.url);
    let deadline = Instant::now() + WAIT;
    loop {
        let attempt = async {
            let nonce: serde_json::Value = http.get(&endpoint).send().await?.error_for_status()?.json().await?;
            let nonce = nonce["nonce"].as_str().unwrap_or_default().to_string();
            let mut mac = Hmac::<sha1::Sha1>::new_from_slice(homeserver.secret.as_bytes()).expect("any key length works");
            mac.update(format!("{nonce}\0{username}\0{password}\0notadmin").as_bytes());
            let mac: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
            let body = serde_json::json!({ "nonce": nonce, "username": username, "password": password, "admin": false, "mac": mac });
            let response: serde_json::Value = http.post(&endpoint).json(&body).send().await?.error_for_status()?.json().await?;
            Ok::<_, reqwest::Error>(response)
        };
        match attempt.await {
            Ok(response) => {
                return Account {
                    user_id: UserId::parse(response["user_id"].as_str().expect("user_id")).expect("valid user id"),
                    password,
                    access_token: response["access_token"].as_str().expect("access_token").to_string(),
                    device_id: response["device_id"].as_str().expect("device_id").to_string(),
                };
            }
            Err(error) if Instant::now() < deadline => {
                eprintln!("registering {username} failed ({error}); retrying");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(error) => panic!("cannot register {username} on {}: {error}", homeserver.url),
        }
    }
}

/// A message the user's client received.
#[derive(Debug, Clone)]
pub struct Received {
    pub room_id: OwnedRoomId,
    pub event: OriginalSyncRoomMessageEvent,
}

impl Received {
    pub fn is_notice(&self) -> bool {
        matches!(self.event.content.msgtype, MessageType::Notice(_))
    }

    pub fn body(&self) -> &str {
        self.event.content.body()
    }

    /// The HTML `formatted_body`, if any.
    pub fn html(&self) -> Option<&str> {
        match &self.event.content.msgtype {
            MessageType::Notice(notice) => notice.formatted.as_ref().map(|f| f.body.as_str()),
            MessageType::Text(text) => text.formatted.as_ref().map(|f| f.body.as_str()),
            _ => None,
        }
    }

    /// The event this one replies to.
    pub fn in_reply_to(&self) -> Option<&matrix_sdk::ruma::EventId> {
        match &self.event.content.relates_to {
            Some(Relation::Reply(reply)) => Some(&reply.in_reply_to.event_id),
            Some(Relation::Thread(thread)) => thread.in_reply_to.as_ref().map(|r| &*r.event_id),
            _ => None,
        }
    }
}

/// A person on the homeserver with a real (matrix-sdk) client that syncs in
/// the background and records every message it sees.
pub struct User {
    pub account: Account,
    pub client: Client,
    received: Arc<Mutex<Vec<Received>>>,
    arrived: Arc<Notify>,
    sync: tokio::task::JoinHandle<()>,
}

impl Drop for User {
    fn drop(&mut self) {
        self.sync.abort();
    }
}

impl User {
    pub async fn new(homeserver: &Homeserver, prefix: &str) -> User {
        let account = register(homeserver, prefix).await;
        User::with_account(homeserver, account).await
    }

    pub async fn with_account(homeserver: &Homeserver, account: Account) -> User {
        let client = Client::builder().homeserver_url(&homeserver.url).build().await.expect("client");
        let session = MatrixSession {
            meta: SessionMeta { user_id: account.user_id.clone(), device_id: account.device_id.as_str().into() },
            tokens: SessionTokens { access_token: account.access_token.clone(), refresh_token: None },
        };
        client.restore_session(session).await.expect("restore the user's session");
        let received = Arc::new(Mutex::new(Vec::new()));
        let arrived = Arc::new(Notify::new());
        {
            let (received, arrived) = (received.clone(), arrived.clone());
            client.add_event_handler(move |event: OriginalSyncRoomMessageEvent, room: Room| {
                let (received, arrived) = (received.clone(), arrived.clone());
                async move {
                    received.lock().unwrap().push(Received { room_id: room.room_id().to_owned(), event });
                    arrived.notify_waiters();
                }
            });
        }
        // The first sync, so the client knows its rooms and keys.
        within(WAIT, "the user's first sync", async {
            loop {
                match client.sync_once(SyncSettings::default()).await {
                    Ok(_) => break,
                    Err(error) => {
                        eprintln!("user sync failed ({error}); retrying");
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                }
            }
        })
        .await;
        let syncing = client.clone();
        let sync = tokio::spawn(async move {
            // One long-poll after another, with no pause in between (the
            // SDK's `sync` sleeps a second after a quick sync, which would
            // delay what the tests see), and room for a burst in each.
            let settings = SyncSettings::default().timeout(Duration::from_secs(10)).filter(timeline_filter(200));
            loop {
                if let Err(error) = syncing.sync_once(settings.clone()).await {
                    eprintln!("user sync failed ({error}); retrying");
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            }
        });
        User { account, client, received, arrived, sync }
    }

    pub fn user_id(&self) -> &UserId {
        &self.account.user_id
    }

    /// Create a room (room version: the server default, 12), inviting `invite`.
    pub async fn create_room(&self, invite: &[&UserId], encrypted: bool) -> Room {
        let mut request = CreateRoomRequest::new();
        request.invite = invite.iter().map(|u| (*u).to_owned()).collect();
        request.preset = Some(RoomPreset::PrivateChat);
        request.name = Some(unique_name("room"));
        if encrypted {
            request.initial_state = vec![InitialStateEvent::with_empty_state_key(RoomEncryptionEventContent::with_recommended_defaults()).to_raw_any()];
        }
        within(WAIT, "creating a room", self.client.create_room(request)).await.expect("create a room")
    }

    /// Invite someone to a room.
    pub async fn invite(&self, room: &Room, user: &UserId) {
        within(WAIT, "inviting", room.invite_user_by_id(user)).await.expect("invite");
    }

    /// Join a room this user was invited to.
    pub async fn join(&self, room_id: &RoomId) -> Room {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.client.join_room_by_id(room_id).await {
                Ok(room) => return room,
                Err(error) if Instant::now() < deadline => {
                    eprintln!("joining failed ({error}); retrying");
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
                Err(error) => panic!("{} cannot join {room_id}: {error}", self.user_id()),
            }
        }
    }

    /// Wait until this user's client sees `member` with `membership` in the room.
    pub async fn wait_for_membership(&self, room_id: &RoomId, member: &UserId, membership: MembershipState) {
        let what = format!("{} to see {member} as {membership} in {room_id}", self.user_id());
        within(WAIT, &what, async {
            loop {
                if let Some(room) = self.client.get_room(room_id) {
                    if let Ok(Some(m)) = room.get_member_no_sync(member).await {
                        if *m.membership() == membership {
                            return;
                        }
                    }
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
        .await;
    }

    /// Send a message, retrying while the homeserver is unreachable.
    pub async fn send(&self, room_id: &RoomId, content: RoomMessageEventContent) -> OwnedEventId {
        let room = self.client.get_room(room_id).expect("a room the user knows");
        let transaction = matrix_sdk::ruma::TransactionId::new();
        let deadline = Instant::now() + WAIT;
        loop {
            match room.send(content.clone()).with_transaction_id(transaction.clone()).await {
                Ok(response) => return response.response.event_id,
                Err(error) if Instant::now() < deadline => {
                    eprintln!("sending failed ({error}); retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(error) => panic!("cannot send to {room_id}: {error}"),
            }
        }
    }

    /// Send any message-like event (a poll response, a reaction), retrying
    /// while the homeserver is unreachable.
    pub async fn send_event<C>(&self, room_id: &RoomId, content: C) -> OwnedEventId
    where
        C: matrix_sdk::ruma::events::MessageLikeEventContent + Clone + Send + Sync + 'static,
    {
        let room = self.client.get_room(room_id).expect("a room the user knows");
        let transaction = matrix_sdk::ruma::TransactionId::new();
        let deadline = Instant::now() + WAIT;
        loop {
            match room.send(content.clone()).with_transaction_id(transaction.clone()).await {
                Ok(response) => return response.response.event_id,
                Err(error) if Instant::now() < deadline => {
                    eprintln!("sending failed ({error}); retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(error) => panic!("cannot send to {room_id}: {error}"),
            }
        }
    }

    pub async fn say(&self, room_id: &RoomId, text: &str) -> OwnedEventId {
        self.send(room_id, RoomMessageEventContent::text_plain(text)).await
    }

    /// Wait for the reply (from anyone but this user) to `question`.
    pub async fn reply_to(&self, question: &matrix_sdk::ruma::EventId, timeout: Duration) -> Received {
        let what = format!("a reply to {question}");
        within(timeout, &what, async {
            loop {
                let arrived = self.arrived.notified();
                tokio::pin!(arrived);
                arrived.as_mut().enable();
                if let Some(found) = self.received.lock().unwrap().iter().find(|r| r.in_reply_to() == Some(question) && r.event.sender != self.account.user_id) {
                    return found.clone();
                }
                // Also wake up now and then, in case a notification raced.
                let _ = tokio::time::timeout(Duration::from_millis(500), arrived).await;
            }
        })
        .await
    }

    /// Wait for a message in `room_id` that satisfies `predicate`.
    pub async fn message_where(&self, room_id: &RoomId, what: &str, predicate: impl Fn(&Received) -> bool) -> Received {
        within(WAIT, what, async {
            loop {
                let arrived = self.arrived.notified();
                tokio::pin!(arrived);
                arrived.as_mut().enable();
                if let Some(found) = self.received.lock().unwrap().iter().find(|r| r.room_id == room_id && predicate(r)) {
                    return found.clone();
                }
                let _ = tokio::time::timeout(Duration::from_millis(500), arrived).await;
            }
        })
        .await
    }

    /// Every message from `sender` this client has seen in `room_id`.
    pub fn messages_from(&self, room_id: &RoomId, sender: &UserId) -> Vec<Received> {
        self.received.lock().unwrap().iter().filter(|r| r.room_id == room_id && r.event.sender == sender).cloned().collect()
    }
}

/// Run `future`, failing the test with `what` if it takes longer than `limit`.
pub async fn within<T>(limit: Duration, what: &str, future: impl std::future::Future<Output = T>) -> T {
    match tokio::time::timeout(limit, future).await {
        Ok(value) => value,
        Err(_) => panic!("timed out after {limit:?} waiting for {what}"),
    }
}

/// A bot account with its config and store, which can be started (again).
pub struct BotSetup {
    pub account: Account,
    pub config: MatrixConfig,
    pub store: PathBuf,
    _dir: tempfile::TempDir,
}

impl BotSetup {
    /// Register a bot account; the password goes in a file (never the environment, which tests share).
    pub async fn new(homeserver: &Homeserver) -> BotSetup {
        let account = register(homeserver, "histbot").await;
        let dir = tempfile::tempdir().expect("temp dir");
        let password_file = dir.path().join("password");
        std::fs::write(&password_file, &account.password).expect("write the password file");
        let config = MatrixConfig {
            enabled: true,
            homeserver: Some(homeserver.url.clone()),
            user_id: Some(account.user_id.to_string()),
            password_env: "HISTBOT_TEST_UNSET_MATRIX_PASSWORD".into(),
            access_token_env: "HISTBOT_TEST_UNSET_MATRIX_TOKEN".into(),
            password_file: Some(password_file),
            ..MatrixConfig::default()
        };
        let store = dir.path().join("store");
        BotSetup { account, config, store, _dir: dir }
    }

    pub fn user_id(&self) -> &UserId {
        &self.account.user_id
    }

    pub async fn start(&self) -> Bot {
        self.start_tuned(SyncTuning::default()).await
    }

    /// Start with other sync sizes (small ones make gaps with few messages).
    pub async fn start_tuned(&self, tuning: SyncTuning) -> Bot {
        within(WAIT, "the bot to start", Bot::start_with(service(), self.config.clone(), self.store.clone(), tuning))
            .await
            .unwrap_or_else(|error| panic!("the bot did not start: {error}"))
    }

    pub fn store(&self) -> &Path {
        &self.store
    }

    /// Sync once on the bot's stopped store with a bare matrix-sdk client,
    /// as a run cut short would have: the sync token moves on past whatever
    /// arrived, and histbot never saw it.
    pub async fn sync_behind_the_bots_back(&self) {
        let text = std::fs::read_to_string(self.store.join(histbot::matrix::session::SESSION_FILE)).expect("the bot's saved session");
        let session: MatrixSession = serde_json::from_str(&text).expect("a saved session");
        let client = Client::builder()
            .homeserver_url(self.config.homeserver.as_deref().expect("a homeserver"))
            .sqlite_store(&self.store, None)
            .build()
            .await
            .expect("a client on the bot's store");
        client.restore_session(session).await.expect("restore the bot's session");
        let settings = SyncSettings::default().timeout(Duration::ZERO).filter(timeline_filter(50));
        within(WAIT, "a sync on the bot's store", client.sync_once(settings)).await.expect("sync on the bot's store");
    }
}

/// A sync filter with lazy-loaded members and room for `limit` events per
/// room timeline.
pub fn timeline_filter(limit: u32) -> matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter {
    use matrix_sdk::ruma::api::client::filter::FilterDefinition;
    let mut filter = FilterDefinition::with_lazy_loading();
    filter.room.timeline.limit = Some(limit.into());
    matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter::FilterDefinition(filter)
}

impl User {
    /// Every message in the room as the homeserver has it (`/messages`,
    /// paged back to the start), oldest first: unlike [`User::messages_from`]
    /// this cannot miss events the user's sync skipped.
    pub async fn history(&self, room_id: &RoomId) -> Vec<Received> {
        use matrix_sdk::room::MessagesOptions;
        let room = self.client.get_room(room_id).expect("a room the user knows");
        let mut messages = Vec::new();
        let mut from = None;
        loop {
            let mut options = MessagesOptions::backward().from(from.as_deref());
            options.limit = 100u32.into();
            let page = within(WAIT, "a page of room history", room.messages(options)).await.expect("/messages");
            for event in &page.chunk {
                if let Ok(event) = event.raw().deserialize_as_unchecked::<OriginalSyncRoomMessageEvent>() {
                    messages.push(Received { room_id: room_id.to_owned(), event });
                }
            }
            match page.end {
                Some(end) if !page.chunk.is_empty() => from = Some(end),
                _ => break,
            }
        }
        messages.reverse();
        messages
    }

    /// Send every text at once (concurrently, as a burst), and return the
    /// event ids in the order the homeserver put the messages in the room.
    pub async fn burst(&self, room_id: &RoomId, texts: &[String]) -> Vec<OwnedEventId> {
        let sent: Vec<OwnedEventId> = futures_util::future::join_all(texts.iter().map(|text| self.say(room_id, text))).await;
        let order: Vec<OwnedEventId> = self.history(room_id).await.into_iter().map(|m| m.event.event_id).collect();
        let mut sent = sent;
        sent.sort_by_key(|id| order.iter().position(|o| o == id));
        sent
    }

    /// Wait until `bot` has replied to every question (read from the room's
    /// history), then a little longer to catch duplicates, and return how many
    /// replies each question got, in order.
    pub async fn replies_per_question(&self, room_id: &RoomId, bot: &UserId, questions: &[OwnedEventId], timeout: Duration) -> Vec<usize> {
        let count = |history: &[Received]| -> Vec<usize> {
            let replies: Vec<&Received> = history.iter().filter(|m| m.event.sender == bot).collect();
            questions.iter().map(|q| replies.iter().filter(|r| r.in_reply_to() == Some(q)).count()).collect()
        };
        let deadline = Instant::now() + timeout;
        loop {
            let counts = count(&self.history(room_id).await);
            if counts.iter().all(|&n| n > 0) || Instant::now() >= deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        // Duplicates would come right after: give the bot a few more syncs.
        tokio::time::sleep(Duration::from_secs(3)).await;
        count(&self.history(room_id).await)
    }
}

/// The bot replies to each question in order of the questions.
pub fn replies_in_order(history: &[Received], bot: &UserId, questions: &[OwnedEventId]) -> bool {
    let position = |reply: &Received| reply.in_reply_to().and_then(|q| questions.iter().position(|x| x == q));
    let answered: Vec<usize> = history.iter().filter(|m| m.event.sender == bot).filter_map(position).collect();
    answered.windows(2).all(|pair| pair[0] < pair[1])
}

impl BotSetup {
    /// A `histbot run` config file for this bot (the shipped facts, no file
    /// watching), written next to the store.
    pub fn write_config_file(&self) -> PathBuf {
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let string = |text: &str| toml::Value::String(text.to_string()).to_string();
        let path_string = |path: &Path| string(&path.to_string_lossy());
        let data = self._dir.path().join("data");
        let password_file = self.config.password_file.as_deref().expect("a password file");
        let text = format!(
            "facts = {}\nintents = {}\ndata_dir = {}\n\n[reload]\nwatch = false\n\n[matrix]\nenabled = true\nhomeserver = {}\nuser_id = {}\npassword_env = {}\naccess_token_env = {}\npassword_file = {}\nstore_dir = {}\n",
            path_string(&manifest.join("facts")),
            path_string(&manifest.join("config/intents.toml")),
            path_string(&data),
            string(self.config.homeserver.as_deref().expect("a homeserver")),
            string(self.user_id().as_str()),
            string(&self.config.password_env),
            string(&self.config.access_token_env),
            path_string(password_file),
            path_string(&self.store),
        );
        let path = self._dir.path().join("histbot.toml");
        std::fs::write(&path, text).expect("write the config file");
        path
    }
}

/// `histbot run` as a child process with the default log filter (no
/// `RUST_LOG`), logging JSON lines to stderr, collected line by line.
pub struct BotProcess {
    child: std::process::Child,
    lines: Arc<Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl BotProcess {
    pub fn spawn(config: &Path) -> BotProcess {
        use std::io::BufRead as _;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_histbot"))
            .args(["run", "--log-json", "--config"])
            .arg(config)
            .env_remove("RUST_LOG")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start histbot run");
        let stderr = child.stderr.take().expect("piped stderr");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        BotProcess { child, lines, reader: Some(reader) }
    }

    /// Wait until a log line contains `needle`.
    pub async fn wait_for_log(&self, needle: &str) {
        within(WAIT, &format!("the log line {needle:?}"), async {
            while !self.lines.lock().unwrap().iter().any(|line| line.contains(needle)) {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
        .await;
    }

    /// What it has logged so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Stop the process as Ctrl-C would (SIGINT, to this child only) and
    /// return everything it logged.
    pub async fn stop(mut self) -> Vec<String> {
        let _ = std::process::Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.child.try_wait().ok().flatten().is_none() {
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = self.child.wait();
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        std::mem::take(&mut *self.lines.lock().unwrap())
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The log lines (JSON) at WARN or ERROR.
pub fn warnings_and_errors(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|line| {
            let level = serde_json::from_str::<serde_json::Value>(line).ok().and_then(|v| v["level"].as_str().map(str::to_string));
            // A line that is not JSON is not from the logger: count it too.
            level.is_none_or(|level| matches!(level.as_str(), "WARN" | "ERROR"))
        })
        .cloned()
        .collect()
}

/// The median and 95th percentile of a set of durations.
pub fn percentiles(samples: &[Duration]) -> (Duration, Duration) {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}
