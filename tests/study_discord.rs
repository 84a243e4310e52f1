//! `/quiz` on Discord, end to end, in both modes: serenity's real client
//! against the fake Discord on loopback (gateway), and Ed25519-signed
//! requests to the interactions endpoint (HTTP). A round of `/quiz cold-war 3`
//! with button clicks from three people, each acknowledged to the clicker
//! alone; each question's message edited into its reveal, quoting its
//! source verbatim; the results agreeing with the clicks; one round per
//! channel; `/quiz stop` refused to another player and done by the starter,
//! the refusal private even when it was acknowledged publicly first; the
//! question messages forgotten when a round ends;
//! `/quiz me` in a direct message; a restart mid-round that drives the
//! round on, one that closes a round left idle, and the leaderboard after a
//! restart; two HTTP replicas on one PostgreSQL sharing a round.
//!
//! The quiz clock is the test's own ([`ManualClock`]): a question's time is
//! up when the test moves the clock, after every click was acknowledged, so
//! nothing depends on how fast the machine is and nothing is timed.
#![cfg(feature = "discord")]

#[path = "support/fake_discord.rs"]
mod fake_discord;
#[path = "support/postgres.rs"]
mod pg;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use ed25519_dalek::SigningKey;
use fake_discord::*;
use histbot::config::{DiscordConfig, DiscordMode};
use histbot::discord::http::{serve, Endpoint};
use histbot::service::daily::Clock;
use histbot::service::Service;
use histbot::study::round::{Round, DEFAULT_QUESTION_SECS, REVEAL_PAUSE_SECS};
use histbot::study::Question;
use serde_json::{json, Value};
use tempfile::TempDir;

/// The channel of the fixtures, and its round's place.
const CHANNEL: u64 = 1_000_000_000_000_000_002;
const ALICE: (u64, &str) = (1_000_000_000_000_000_003, "Alice");
const BOB: (u64, &str) = (1_000_000_000_000_000_013, "Bob");
const CAROL: (u64, &str) = (1_000_000_000_000_000_023, "Carol");

/// A clock the test moves.
struct ManualClock(AtomicU64);

impl Clock for ManualClock {
    fn now(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

impl ManualClock {
    fn start() -> Arc<ManualClock> {
        Arc::new(ManualClock(AtomicU64::new(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs())))
    }

    fn advance(&self, secs: u64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}

/// How interactions reach the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Gateway,
    Http,
}

/// One running histbot: its service, its endpoint's URL (HTTP mode), its task.
struct Replica {
    service: Arc<Service>,
    url: String,
    task: tokio::task::JoinHandle<()>,
}

/// Running bots (one, or several HTTP replicas on one database), their fake
/// Discord and clock.
struct Bot {
    mode: Mode,
    fake: FakeDiscord,
    clock: Arc<ManualClock>,
    key: SigningKey,
    client: reqwest::Client,
    dir: TempDir,
    /// `None`: SQLite in `dir`.
    database: Option<String>,
    replicas: Vec<Replica>,
    /// Which replica the next request goes to (they take turns).
    turn: AtomicUsize,
    sessions: usize,
    /// `[discord] defer_after_ms`: 0 acknowledges every interaction first,
    /// as when the store is slow.
    defer_after_ms: u64,
}

impl Drop for Bot {
    fn drop(&mut self) {
        for replica in &self.replicas {
            replica.task.abort();
        }
    }
}

impl Bot {
    async fn start(mode: Mode) -> Bot {
        Bot::start_on(mode, None, 1).await
    }

    /// `replicas` bots in `mode` on `database` (SQLite when `None`).
    async fn start_on(mode: Mode, database: Option<String>, replicas: usize) -> Bot {
        Bot::start_with(mode, database, replicas, 2000).await
    }

    /// One bot that acknowledges every interaction before answering it
    /// (`defer_after_ms = 0`), as it does when the store is slow.
    async fn start_acknowledging_first(mode: Mode) -> Bot {
        Bot::start_with(mode, None, 1, 0).await
    }

    async fn start_with(mode: Mode, database: Option<String>, replicas: usize, defer_after_ms: u64) -> Bot {
        capture_logs();
        let fake = FakeDiscord::start().await;
        let client = reqwest::Client::builder().timeout(WAIT).build().unwrap();
        let mut bot = Bot {
            mode,
            fake,
            clock: ManualClock::start(),
            key: SigningKey::generate(&mut rand::rngs::OsRng),
            client,
            dir: TempDir::new().unwrap(),
            database,
            replicas: Vec::new(),
            turn: AtomicUsize::new(0),
            sessions: 0,
            defer_after_ms,
        };
        for n in 0..replicas {
            let replica = bot.launch(n).await;
            bot.replicas.push(replica);
        }
        bot
    }

    fn service(&self) -> &Arc<Service> {
        &self.replicas[0].service
    }

    /// Start replica `n` (its state in `dir/n`, or the shared database).
    async fn launch(&mut self, n: usize) -> Replica {
        let data_dir = self.dir.path().join(n.to_string());
        std::fs::create_dir_all(&data_dir).unwrap();
        let config = histbot::config::Config {
            facts: root().join("facts"),
            intents: root().join("config/intents.toml"),
            data_dir: data_dir.clone(),
            database: self.database.clone(),
            // Carol moderates (as a listed user); Alice and Bob do not.
            moderation: toml::from_str(&format!("discord_users = [{}]", CAROL.0)).expect("a valid [moderation] section"),
            ..histbot::config::Config::default()
        };
        let service = Service::start(&config).expect("the shipped fact base loads");
        match self.mode {
            Mode::Gateway => {
                let token_file = data_dir.join("discord-token");
                std::fs::write(&token_file, TOKEN).unwrap();
                let config = DiscordConfig {
                    enabled: true,
                    mode: DiscordMode::Gateway,
                    token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
                    token_file: Some(token_file),
                    api_base: Some(self.fake.http_url.clone()),
                    locales: root().join("config/discord-locales.toml"),
                    defer_after_ms: self.defer_after_ms,
                    ..DiscordConfig::default()
                };
                let running = histbot::discord::run_with_clock(service.clone(), config, self.clock.clone());
                let task = tokio::spawn(async move {
                    let _ = running.await;
                });
                self.sessions += 1;
                self.fake.wait_for_sessions(self.sessions).await;
                Replica { service, url: String::new(), task }
            }
            Mode::Http => {
                let config = DiscordConfig {
                    enabled: true,
                    mode: DiscordMode::Http,
                    token_env: "HISTBOT_TEST_DISCORD_TOKEN_UNSET".into(),
                    public_key_env: "HISTBOT_TEST_DISCORD_PUBLIC_KEY_UNSET".into(),
                    public_key: Some(hex::encode(self.key.verifying_key().to_bytes())),
                    api_base: Some(self.fake.http_url.clone()),
                    application_id: Some(APPLICATION_ID),
                    defer_after_ms: self.defer_after_ms,
                    locales: root().join("config/discord-locales.toml"),
                    ..DiscordConfig::default()
                };
                let endpoint = Endpoint::new(service.clone(), &config, Some(TOKEN)).expect("valid endpoint config").with_clock(self.clock.clone());
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let url = format!("http://{}/interactions", listener.local_addr().unwrap());
                let task = tokio::spawn(async move {
                    let _ = serve(listener, Arc::new(endpoint)).await;
                });
                Replica { service, url, task }
            }
        }
    }

    /// Stop every replica (as SIGTERM does) and start them again on the same store.
    async fn restart(&mut self) {
        self.stop().await;
        self.start_again().await;
    }

    /// Stop every replica, as SIGTERM does.
    async fn stop(&mut self) {
        for replica in std::mem::take(&mut self.replicas) {
            replica.service.shutdown().begin();
            tokio::time::timeout(WAIT, replica.task).await.expect("the bot stops").expect("the bot's task ends cleanly");
        }
    }

    /// Start the replicas again on the same store.
    async fn start_again(&mut self) {
        for n in 0..self.replicas_wanted() {
            let replica = self.launch(n).await;
            self.replicas.push(replica);
        }
    }

    fn replicas_wanted(&self) -> usize {
        if self.database.is_some() && self.mode == Mode::Http {
            2
        } else {
            1
        }
    }

    /// Send an interaction; the first response to it.
    async fn send(&self, interaction: Value) -> Value {
        let id = interaction["id"].as_str().unwrap().to_string();
        match self.mode {
            Mode::Gateway => {
                self.fake.interaction(interaction);
                self.fake.callback(&id).await.body
            }
            Mode::Http => {
                let replica = &self.replicas[self.turn.fetch_add(1, Ordering::SeqCst) % self.replicas.len()];
                let body = serde_json::to_vec(&interaction).unwrap();
                let timestamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs().to_string();
                let signature = sign_interaction(&self.key, &timestamp, &body);
                let response = self
                    .client
                    .post(&replica.url)
                    .header("content-type", "application/json")
                    .header("x-signature-ed25519", signature)
                    .header("x-signature-timestamp", timestamp)
                    .body(body)
                    .send()
                    .await
                    .expect("the endpoint answers");
                assert_eq!(response.status().as_u16(), 200);
                let response: Value = response.json().await.expect("a JSON response");
                // Discord would know how it was acknowledged; tell the fake.
                self.fake.acknowledged(interaction["token"].as_str().unwrap_or_default(), &response);
                response
            }
        }
    }

    /// The open round of the fixtures' channel.
    fn round(&self) -> Option<Round> {
        self.service().store().active_round(&format!("discord:{CHANNEL}")).unwrap()
    }

    /// The channel message whose data satisfies `check`, as (its id, its data).
    async fn posted(&self, channel: u64, what: &str, check: impl Fn(&Value) -> bool) -> (String, Value) {
        let path = format!("/channels/{channel}/messages");
        self.wait_for(what, |log| {
            log.requests.iter().find(|r| r.method == "POST" && r.path.ends_with(&path) && check(&r.body)).map(|r| (r.made.clone().expect("a message id"), r.body.clone()))
        })
        .await
    }

    /// The edit of message `id` whose data satisfies `check`.
    async fn edited(&self, channel: u64, id: &str, what: &str, check: impl Fn(&Value) -> bool) -> Value {
        let path = format!("/channels/{channel}/messages/{id}");
        self.wait_for(what, |log| log.requests.iter().find(|r| r.method == "PATCH" && r.path.ends_with(&path) && check(&r.body)).map(|r| r.body.clone())).await
    }

    /// [`FakeDiscord::wait_for`], failing with the requests' titles and the
    /// bot's quiz log lines, so a failure says what the bot did instead.
    async fn wait_for<T>(&self, what: &str, check: impl Fn(&fake_discord::Log) -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + WAIT - std::time::Duration::from_secs(1);
        loop {
            if let Some(found) = self.fake.log(&check) {
                return found;
            }
            if tokio::time::Instant::now() >= deadline {
                let requests = self.fake.log(|log| log.requests.iter().map(|r| format!("{} {} {:?}", r.method, r.path, title(&r.body))).collect::<Vec<_>>());
                let quiz_lines: Vec<String> = logs().lines().filter(|l| l.contains("quiz")).map(str::to_string).collect();
                panic!("timed out waiting for {what}; requests: {requests:#?}; quiz log lines: {quiz_lines:#?}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// Wait until `check` holds (the store is looked at, not the fake).
    async fn wait_until(&self, what: &str, check: impl Fn() -> bool) {
        self.wait_for(what, |_| check().then_some(())).await;
    }

    /// Whether the message of question `question` of `round` is remembered in the store.
    fn message_remembered(&self, round: u64, question: usize) -> bool {
        self.service().store().get(&format!("discord-quiz-message:{round}:{question}")).unwrap().is_some()
    }

    /// Wait until no question message of `round` is remembered any more.
    async fn messages_forgotten(&self, round: &Round) {
        let what = format!("round {}'s question messages forgotten", round.id);
        self.wait_until(&what, || (0..round.questions.len()).all(|n| !self.message_remembered(round.id, n))).await;
    }

    /// The edit of interaction `id`'s deferred reply (its webhook's `@original`).
    async fn edited_reply(&self, id: &str) -> Value {
        let path = format!("/{}/messages/@original", token_of(id));
        self.fake.wait_for(&format!("the edit of the reply to {id}"), |log| log.requests.iter().find(|r| r.method == "PATCH" && r.path.ends_with(&path)).map(|r| r.body.clone())).await
    }

    /// How many times message `id` was edited into data satisfying `check`.
    fn edits(&self, channel: u64, id: &str, check: impl Fn(&Value) -> bool) -> usize {
        let path = format!("/channels/{channel}/messages/{id}");
        self.fake.log(|log| log.requests.iter().filter(|r| r.method == "PATCH" && r.path.ends_with(&path) && check(&r.body)).count())
    }
}

/// Each interaction's own token, so its deferred reply's edit is told apart.
fn token_of(id: &str) -> String {
    format!("interaction-token-{id}")
}

/// Make an interaction come from `user` (in the fixtures' server).
fn from(mut interaction: Value, (id, name): (u64, &str)) -> Value {
    interaction["token"] = json!(token_of(interaction["id"].as_str().unwrap()));
    interaction["member"]["user"]["id"] = json!(id.to_string());
    interaction["member"]["user"]["username"] = json!(name.to_lowercase());
    interaction["member"]["user"]["global_name"] = json!(name);
    interaction
}

/// `/quiz` with these options, from `user`.
fn quiz(id: &str, user: (u64, &str), options: Value) -> Value {
    from(command(id, "quiz", options), user)
}

/// `/quiz topic:<topic>`, from `user`.
fn quiz_topic(id: &str, user: (u64, &str), topic: &str) -> Value {
    quiz(id, user, json!([{ "name": "topic", "type": 3, "value": topic }]))
}

/// A click on a quiz button, from `user`.
fn click(id: &str, user: (u64, &str), round: u64, question: usize, choice: usize) -> Value {
    from(button(id, &format!("hbquiz|{round}|{question}|{choice}")), user)
}

fn title(data: &Value) -> String {
    data["embeds"][0]["title"].as_str().unwrap_or_default().to_string()
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as Discord shows it: Markdown escapes and broken mentions undone.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '\u{200B}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The quotes of an embed description (`> …` lines but the citations),
/// as shown, a cut's `…` dropped.
fn quotes(description: &str) -> Vec<String> {
    plain(description)
        .lines()
        .filter_map(|line| line.strip_prefix("> "))
        .filter(|line| !line.starts_with("— "))
        .map(|line| line.trim_end_matches('…').trim().to_string())
        .collect()
}

/// The title of the reply to interaction `id` (`reply`, its first response),
/// which only its sender sees: an ephemeral message, or an ephemeral
/// acknowledgement whose edit is waited for.
async fn private_reply(bot: &Bot, id: &str, reply: &Value) -> String {
    assert_eq!(reply["data"]["flags"], 64, "only the clicker or asker sees this: {reply}");
    match reply["type"].as_u64() {
        Some(4) => title(&reply["data"]),
        Some(5) => title(&bot.edited_reply(id).await),
        other => panic!("unexpected response type {other:?}: {reply}"),
    }
}

/// A public reply's message data: the message, or the edit of its acknowledgement.
async fn public_reply(bot: &Bot, id: &str, reply: &Value) -> Value {
    assert!(reply["data"].get("flags").is_none(), "this reply is for the channel: {reply}");
    match reply["type"].as_u64() {
        Some(4) => reply["data"].clone(),
        Some(5) => bot.edited_reply(id).await,
        other => panic!("unexpected response type {other:?}: {reply}"),
    }
}

/// A message's buttons' custom ids.
fn buttons(data: &Value) -> Vec<String> {
    data["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .collect()
}

/// Start a round with `/quiz` and `options` from `user`: the announcement
/// (checked to be public), and the round as stored.
async fn start_round(bot: &Bot, id: &str, user: (u64, &str), options: Value) -> (Value, Round) {
    let reply = bot.send(quiz(id, user, options)).await;
    assert_eq!(reply["type"], 5, "the round is announced in the channel: {reply}");
    let announcement = public_reply(bot, id, &reply).await;
    (announcement, bot.round().expect("a round is open in the channel"))
}

/// Question `n`'s message: (its id, its data).
async fn question_message(bot: &Bot, channel: u64, round: &Round, n: usize) -> (String, Value) {
    let prefix = format!("hbquiz|{}|{n}|", round.id);
    bot.posted(channel, &format!("question {}", n + 1), |data| buttons(data).iter().any(|b| b.starts_with(&prefix))).await
}

/// Check a reveal: the answer in the title, the buttons gone, the
/// question kept, and every quote verbatim from a source (and each proof shown).
fn check_reveal(bot: &Bot, reveal: &Value, asked: &Question, n: usize, of: usize) {
    assert_eq!(plain(&title(reveal)), format!("Answer {} of {of}: {}", n + 1, asked.answer_text()));
    assert!(buttons(reveal).is_empty(), "the buttons are gone: {reveal}");
    assert_eq!(check_message(reveal), Vec::<String>::new());
    let text = description(reveal);
    assert!(collapsed(&plain(&text)).contains(&collapsed(&asked.prompt)), "the question stays: {text}");
    let engine = bot.service().engine();
    let sources: Vec<String> = engine.base().sources().iter().map(|s| collapsed(&s.text)).collect();
    let quoted = quotes(&text);
    assert!(!quoted.is_empty(), "reveal {} quotes nothing: {text}", n + 1);
    for quote in &quoted {
        assert!(sources.iter().any(|s| s.contains(&collapsed(quote))), "not verbatim: {quote}");
    }
    for proof in &asked.proofs {
        assert!(quoted.iter().any(|q| collapsed(&proof.quote).starts_with(&collapsed(q))), "the proof {:?} is shown: {text}", proof.quote);
    }
}

/// A full round of `/quiz cold-war 3`: three people click, every reveal
/// edits its question's message and quotes its source verbatim, the results
/// agree with the clicks, a second round in the channel is refused while
/// this one runs, and the leaderboard counts it.
async fn a_full_round(bot: &Bot) {
    let (announcement, round) = start_round(bot, "9001", ALICE, json!([{ "name": "topic", "type": 3, "value": "cold-war" }, { "name": "count", "type": 4, "value": 3 }])).await;
    assert!(title(&announcement).starts_with("A quiz on cold-war: 3 questions"), "{announcement}");
    assert!(description(&announcement).contains("Started by Alice"), "{announcement}");
    assert_eq!(round.questions.len(), 3);
    assert_eq!(round.question_secs, DEFAULT_QUESTION_SECS);

    let mut right = [0u64; 3];
    for n in 0..3 {
        let asked = &round.questions[n];
        let (message, question) = question_message(bot, CHANNEL, &round, n).await;
        assert_eq!(check_message(&question), Vec::<String>::new());
        assert!(title(&question).starts_with(&format!("Question {} of 3: ", n + 1)), "{question}");
        assert_eq!(buttons(&question).len(), asked.options.len());

        // Alice right, Bob wrong, Carol right on the first two questions and wrong on the last.
        let wrong = (asked.correct + 1) % asked.options.len();
        let choices = [asked.correct, wrong, if n < 2 { asked.correct } else { wrong }];
        for (i, (user, choice)) in [ALICE, BOB, CAROL].into_iter().zip(choices).enumerate() {
            let id = format!("91{n}{i}");
            let reply = bot.send(click(&id, user, round.id, n, choice)).await;
            let said = private_reply(bot, &id, &reply).await;
            assert!(said.starts_with(&format!("Question {}: you answered {}", n + 1, Question::letter(choice))), "{said}");
            right[i] += u64::from(choice == asked.correct);
        }
        // A second click counts for nothing: the first answer stands.
        let id = format!("92{n}0");
        let again = bot.send(click(&id, ALICE, round.id, n, wrong)).await;
        let said = private_reply(bot, &id, &again).await;
        assert!(said.starts_with(&format!("You already answered question {}", n + 1)), "{said}");
        if n == 0 {
            let second = bot.send(quiz_topic("9002", BOB, "1941-1948")).await;
            assert_eq!(private_reply(bot, "9002", &second).await, "A round is already being played here.");
        }

        bot.clock.advance(round.question_secs);
        let reveal = bot.edited(CHANNEL, &message, &format!("the reveal of question {}", n + 1), |data| title(data).starts_with("Answer ")).await;
        check_reveal(bot, &reveal, asked, n, 3);
        assert!(bot.message_remembered(round.id, n), "question {}'s message is remembered while the round runs", n + 1);
        let shown = plain(&description(&reveal));
        for ((_, name), choice) in [ALICE, BOB, CAROL].into_iter().zip(choices) {
            assert!(shown.contains(&format!("{name} ({})", Question::letter(choice))), "{shown}");
        }
        bot.clock.advance(REVEAL_PAUSE_SECS);
    }

    let (_, results) = bot.posted(CHANNEL, "the results", |data| title(data) == "The round on cold-war is over.").await;
    let text = plain(&description(&results));
    for ((_, name), points) in [ALICE, BOB, CAROL].into_iter().zip(right) {
        assert!(text.contains(&format!("{name} — {points} of 3")), "{name}: {points}: {text}");
    }
    assert!(text.starts_with("1. Alice — 3 of 3"), "{text}");
    assert!(bot.round().is_none(), "the round is closed");
    // Nothing needs the question messages any more.
    bot.messages_forgotten(&round).await;

    // A late click on a closed round's button is answered, and counts for nothing.
    let late = bot.send(click("9300", BOB, round.id, 2, round.questions[2].correct)).await;
    assert_eq!(private_reply(bot, "9300", &late).await, "This round is over.");

    let board = bot.send(quiz_topic("9400", CAROL, "leaderboard all")).await;
    let board = public_reply(bot, "9400", &board).await;
    assert_eq!(title(&board), "Quiz leaderboard, all time (this server)");
    assert!(plain(&description(&board)).starts_with("1. Alice — 3 right of 3 (100%)"), "{board}");
    // Each question was posted once, and the results once.
    assert_eq!(bot.fake.log(|log| log.requests.iter().filter(|r| r.method == "POST" && buttons(&r.body).iter().any(|b| b.starts_with("hbquiz|"))).count()), 3);
    assert_eq!(bot.fake.log(|log| log.requests.iter().filter(|r| r.method == "POST" && title(&r.body) == "The round on cold-war is over.").count()), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_a_full_round_with_three_players() {
    let bot = Bot::start(Mode::Gateway).await;
    a_full_round(&bot).await;
    if std::env::var_os("HISTBOT_QUIZ_TRANSCRIPT").is_some() {
        eprintln!("{}", transcript(&bot));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_a_full_round_with_three_players() {
    let bot = Bot::start(Mode::Http).await;
    a_full_round(&bot).await;
}

/// Two HTTP replicas on one PostgreSQL, as behind a load balancer: the
/// requests take turns, each replica's clock loop looks at the round, and
/// still every click counts once and every reveal and the results are
/// shown once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_http_replicas_on_one_postgres_play_one_round() {
    let Some(url) = pg::url() else { return };
    let database = tokio::task::spawn_blocking(move || pg::schema(&url, "quiz_replicas")).await.unwrap();
    let bot = Bot::start_on(Mode::Http, Some(database), 2).await;
    a_full_round(&bot).await;
    let standings = bot.service().store().leaderboard(&format!("discord:{FIXTURE_GUILD}"), 0, 10).unwrap();
    assert_eq!(standings.iter().map(|s| s.answered).sum::<u64>(), 9, "three answers per question, each once");
    let questions = bot.fake.log(|log| log.requests.iter().filter(|r| r.method == "POST" && buttons(&r.body).iter().any(|b| b.starts_with("hbquiz|"))).count());
    assert_eq!(questions, 3, "each question posted once");
    assert_eq!(bot.fake.log(|log| log.requests.iter().filter(|r| r.method == "PATCH" && title(&r.body).starts_with("Answer ")).count()), 3, "each reveal shown once");
}

/// What the round looked like, message by message (`HISTBOT_QUIZ_TRANSCRIPT=1`
/// prints it; the README's transcript comes from it).
fn transcript(bot: &Bot) -> String {
    let shown = |data: &Value| {
        let mut text = format!("  **{}**\n", plain(&title(data)));
        for line in plain(&description(data)).lines() {
            text.push_str(&format!("  {line}\n"));
        }
        if let Some(footer) = data["embeds"][0]["footer"]["text"].as_str() {
            text.push_str(&format!("  ({footer})\n"));
        }
        let labels: Vec<String> = data["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .filter_map(|b| b["label"].as_str().map(|l| format!("[{l}]")))
            .collect();
        if !labels.is_empty() {
            text.push_str(&format!("  {}\n", labels.join(" ")));
        }
        text
    };
    bot.fake.log(|log| {
        let mut out = String::new();
        for request in &log.requests {
            let (what, data) = if request.path.ends_with("/callback") && request.body["type"] == 4 {
                let private = request.body["data"]["flags"] == 64;
                (if private { "reply (only the clicker sees it)" } else { "reply" }, &request.body["data"])
            } else if request.path.contains("/webhooks/") && request.method == "PATCH" {
                ("reply, edited in", &request.body)
            } else if request.path.contains("/channels/") && request.method == "POST" {
                ("message", &request.body)
            } else if request.path.contains("/channels/") && request.method == "PATCH" {
                ("the question's message, edited", &request.body)
            } else {
                continue;
            };
            out.push_str(&format!("{what}:\n{}\n", shown(data)));
        }
        out
    })
}

/// `/quiz stop`: refused to another player, done by the starter: the
/// results so far for the channel, the open question's buttons taken
/// away; then the channel is free for a new round, which a moderator stops.
async fn stop_by_the_starter_only(bot: &Bot) {
    let (_, round) = start_round(bot, "9501", ALICE, json!([{ "name": "topic", "type": 3, "value": "treaties" }, { "name": "count", "type": 4, "value": 2 }])).await;
    let (message, _) = question_message(bot, CHANNEL, &round, 0).await;
    let said = private_reply(bot, "9502", &bot.send(click("9502", BOB, round.id, 0, 0)).await).await;
    assert!(said.starts_with("Question 1: you answered A"), "{said}");

    let refused = bot.send(quiz_topic("9503", BOB, "stop")).await;
    assert_eq!(private_reply(bot, "9503", &refused).await, "Only the person who started the round or a moderator can stop it.");
    assert!(bot.round().is_some(), "the round goes on");

    let stopped = bot.send(quiz_topic("9504", ALICE, "stop")).await;
    let stopped = public_reply(bot, "9504", &stopped).await;
    assert_eq!(title(&stopped), "The round on treaties was stopped after 1 of 2 questions.");
    assert!(description(&stopped).contains("Bob — "), "{stopped}");
    let closed = bot.edited(CHANNEL, &message, "the open question closed", |data| buttons(data).is_empty()).await;
    assert!(description(&closed).contains("The round was stopped."), "{closed}");
    assert!(bot.round().is_none());
    bot.messages_forgotten(&round).await;

    let after = bot.send(click("9505", CAROL, round.id, 0, 0)).await;
    assert_eq!(private_reply(bot, "9505", &after).await, "This round is over.");
    let (_, again) = start_round(bot, "9506", BOB, json!([{ "name": "count", "type": 4, "value": 1 }])).await;
    assert_ne!(again.id, round.id, "the channel is free again");

    // A moderator stops anyone's round.
    let stopped = bot.send(quiz_topic("9507", CAROL, "stop")).await;
    let stopped = public_reply(bot, "9507", &stopped).await;
    assert!(plain(&title(&stopped)).ends_with("was stopped after 0 of 1 questions."), "{stopped}");
    assert!(bot.round().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_quiz_stop_is_for_the_starter() {
    let bot = Bot::start(Mode::Gateway).await;
    stop_by_the_starter_only(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_quiz_stop_is_for_the_starter() {
    let bot = Bot::start(Mode::Http).await;
    stop_by_the_starter_only(&bot).await;
}

/// A restart mid-round: the new process reveals the open question in the
/// message the old one posted (with the answer given before the restart),
/// asks the next one, and the round can be stopped; after another restart
/// the leaderboard still counts it.
async fn a_restart_resumes_the_round(bot: &mut Bot) {
    let (_, round) = start_round(bot, "9701", ALICE, json!([{ "name": "topic", "type": 3, "value": "cold-war" }, { "name": "count", "type": 4, "value": 2 }])).await;
    let (message, _) = question_message(bot, CHANNEL, &round, 0).await;
    let asked = &round.questions[0];
    let said = private_reply(bot, "9702", &bot.send(click("9702", ALICE, round.id, 0, asked.correct)).await).await;
    assert!(said.starts_with("Question 1: you answered"), "{said}");

    bot.restart().await;
    assert_eq!(bot.round().map(|r| r.id), Some(round.id), "the round is still open after the restart");
    // A click after the restart counts too.
    let wrong = (asked.correct + 1) % asked.options.len();
    let said = private_reply(bot, "9703", &bot.send(click("9703", BOB, round.id, 0, wrong)).await).await;
    assert!(said.starts_with("Question 1: you answered"), "{said}");
    bot.clock.advance(round.question_secs);
    let reveal = bot.edited(CHANNEL, &message, "the reveal after the restart", |data| title(data).starts_with("Answer 1 of 2")).await;
    check_reveal(bot, &reveal, asked, 0, 2);
    let shown = plain(&description(&reveal));
    assert!(shown.contains(&format!("Right: Alice ({})", Question::letter(asked.correct))), "{shown}");
    assert!(shown.contains(&format!("Wrong: Bob ({})", Question::letter(wrong))), "{shown}");
    bot.clock.advance(REVEAL_PAUSE_SECS);
    question_message(bot, CHANNEL, &round, 1).await;

    let stopped = bot.send(quiz_topic("9704", ALICE, "stop")).await;
    let stopped = public_reply(bot, "9704", &stopped).await;
    assert_eq!(title(&stopped), "The round on cold-war was stopped after 1 of 2 questions.");

    bot.restart().await;
    let board = bot.send(quiz_topic("9705", CAROL, "leaderboard all")).await;
    let board = public_reply(bot, "9705", &board).await;
    let text = plain(&description(&board));
    assert!(text.starts_with("1. Alice — 1 right of 1 (100%)\n2. Bob — 0 right of 1 (0%)"), "the leaderboard survives restarts: {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_a_restart_mid_round_resumes_it() {
    let mut bot = Bot::start(Mode::Gateway).await;
    a_restart_resumes_the_round(&mut bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_a_restart_mid_round_resumes_it() {
    let mut bot = Bot::start(Mode::Http).await;
    a_restart_resumes_the_round(&mut bot).await;
}

/// A round left idle longer than histbot was away (15 minutes) is closed
/// at the restart: its open question loses its buttons, the results say
/// why, and its buttons then say the round is over.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_a_round_left_idle_over_a_restart_is_closed() {
    let mut bot = Bot::start(Mode::Http).await;
    let (_, round) = start_round(&bot, "9801", ALICE, json!([{ "name": "topic", "type": 3, "value": "cold-war" }, { "name": "count", "type": 4, "value": 2 }])).await;
    let (message, _) = question_message(&bot, CHANNEL, &round, 0).await;
    private_reply(&bot, "9802", &bot.send(click("9802", BOB, round.id, 0, round.questions[0].correct)).await).await;
    bot.stop().await;
    bot.clock.advance(histbot::study::play::ABANDONED_AFTER_SECS + 60);
    bot.start_again().await;

    let closed = bot.edited(CHANNEL, &message, "the open question closed", |data| buttons(data).is_empty()).await;
    assert!(description(&closed).contains("The round was stopped."), "{closed}");
    let (_, results) = bot.posted(CHANNEL, "the closed round's results", |data| title(data).contains("closed: histbot was away too long")).await;
    assert_eq!(title(&results), "The round on cold-war was stopped after 1 of 2 questions. (closed: histbot was away too long)");
    assert!(plain(&description(&results)).contains("Bob — 1 of 1"), "{results}");
    assert!(bot.round().is_none(), "the round is closed");
    bot.messages_forgotten(&round).await;
    let late = bot.send(click("9803", CAROL, round.id, 0, 0)).await;
    assert_eq!(private_reply(&bot, "9803", &late).await, "This round is over.");
    assert_eq!(bot.edits(CHANNEL, &message, |data| title(data).starts_with("Answer ")), 0, "a closed question is not revealed");
}

/// `/quiz me` in a server opens a direct message with a personal round;
/// its question is revealed as soon as its one player answers.
async fn quiz_me_in_a_direct_message(bot: Bot) {
    let reply = bot.send(quiz("9601", ALICE, json!([{ "name": "topic", "type": 3, "value": "me" }, { "name": "count", "type": 4, "value": 1 }]))).await;
    assert_eq!((reply["type"].as_u64(), reply["data"]["flags"].as_u64()), (Some(5), Some(64)), "{reply}");
    let told = bot.edited_reply("9601").await;
    assert_eq!(title(&told), "Your personal round is in your direct messages.");
    assert!(description(&told).contains("1 question"), "{told}");
    let dm = ALICE.0 + DM_CHANNEL_OFFSET;
    let round = bot.service().store().active_round(&format!("discord:{dm}")).unwrap().expect("a personal round in the direct message");
    assert!(round.personal && round.place.scope.is_none());
    let (message, _) = bot.posted(dm, "the personal question", |data| !buttons(data).is_empty()).await;

    // The click comes from the direct message: no server, a user instead of a member.
    let mut press = click("9602", ALICE, round.id, 0, round.questions[0].correct);
    press["user"] = press["member"]["user"].clone();
    for key in ["member", "guild_id", "guild_locale"] {
        press.as_object_mut().unwrap().remove(key);
    }
    press["channel_id"] = json!(dm.to_string());
    press["channel"] = json!({ "id": dm.to_string(), "type": 1 });
    press["context"] = json!(1);
    let said = private_reply(&bot, "9602", &bot.send(press).await).await;
    assert!(said.starts_with("Question 1: you answered"), "{said}");
    let reveal = bot.edited(dm, &message, "the personal reveal", |data| title(data).starts_with("Answer 1 of 1")).await;
    check_reveal(&bot, &reveal, &round.questions[0], 0, 1);
    bot.clock.advance(REVEAL_PAUSE_SECS);
    let (_, results) = bot.posted(dm, "the personal results", |data| title(data) == "Your round is over.").await;
    assert!(description(&results).contains("Alice — 1 of 1"), "{results}");
    // In a direct message there is no server leaderboard; `/quiz stats` is the player's own.
    let stats = bot.send(quiz_topic("9603", ALICE, "stats")).await;
    assert_eq!(private_reply(&bot, "9603", &stats).await, "Your quiz statistics: 1 right of 1 (100%)");
    bot.messages_forgotten(&round).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_quiz_me_plays_in_a_direct_message() {
    quiz_me_in_a_direct_message(Bot::start(Mode::Gateway).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_quiz_me_plays_in_a_direct_message() {
    quiz_me_in_a_direct_message(Bot::start(Mode::Http).await).await;
}

/// With every interaction acknowledged before it is answered (as when the
/// store is slow), `/quiz stop` is acknowledged publicly; when it turns
/// out a refusal, which is for the asker alone, the public "thinking…" is
/// deleted and the refusal sent as an ephemeral follow-up (in that order:
/// Discord shows a follow-up sent while the "thinking…" is there in its
/// place), and nothing public ever says it. The starter's stop is public.
async fn a_deferred_refusal_stays_private(bot: &Bot) {
    let (_, round) = start_round(bot, "9511", ALICE, json!([{ "name": "count", "type": 4, "value": 1 }])).await;
    question_message(bot, CHANNEL, &round, 0).await;

    let reply = bot.send(quiz_topic("9512", BOB, "stop")).await;
    assert_eq!(reply["type"], 5, "acknowledged first: {reply}");
    assert!(reply["data"].get("flags").is_none(), "acknowledged publicly, before the refusal was known: {reply}");
    let refusal = "Only the person who started the round or a moderator can stop it.";
    let token = token_of("9512");
    let followup = bot.wait_for("the refusal as a follow-up", |log| log.followups(&token).into_iter().next()).await;
    assert_eq!(title(&followup.body), refusal);
    assert_eq!(followup.body["flags"], 64, "the follow-up is ephemeral: {}", followup.body);
    assert!(followup.problems.is_empty(), "{:?}", followup.problems);
    assert_ne!(followup.made.as_deref(), Some(TOOK_THE_ORIGINAL), "the follow-up came after the public acknowledgement was deleted");
    bot.fake.log(|log| {
        let original: Vec<String> = log.original(&token).into_iter().map(|r| r.method).collect();
        assert_eq!(original, ["DELETE"], "the public acknowledgement is deleted, never edited");
        // Only the ephemeral follow-up carries the refusal.
        let carrying: Vec<String> = log
            .requests
            .iter()
            .filter(|r| title(&r.body) == refusal || title(&r.body["data"]) == refusal)
            .map(|r| format!("{} {}", r.method, r.path))
            .collect();
        assert_eq!(carrying.len(), 1, "{carrying:?}");
        assert!(carrying[0].starts_with("POST ") && carrying[0].ends_with(&format!("/{token}")), "{carrying:?}");
    });
    assert!(bot.round().is_some(), "the round goes on");

    let stopped = bot.send(quiz_topic("9513", ALICE, "stop")).await;
    let stopped = public_reply(bot, "9513", &stopped).await;
    assert!(plain(&title(&stopped)).ends_with("was stopped after 0 of 1 questions."), "{stopped}");
    assert!(bot.fake.log(|log| log.followups(&token_of("9513"))).is_empty(), "a public answer is edited in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_a_deferred_refusal_stays_private() {
    let bot = Bot::start_acknowledging_first(Mode::Gateway).await;
    a_deferred_refusal_stays_private(&bot).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_a_deferred_refusal_stays_private() {
    let bot = Bot::start_acknowledging_first(Mode::Http).await;
    a_deferred_refusal_stays_private(&bot).await;
}
