//! `/quiz` on Discord, in gateway and HTTP mode alike.
//!
//! - `/quiz [topic] [count]` in a channel: the reply announces the round;
//!   each question is a channel message with answer buttons A–D. A click is
//!   acknowledged to the clicker alone (ephemerally) and recorded once per
//!   person and question; when the question's time (`[study] question_secs`)
//!   is up, its message is edited into the reveal — the right answer and the
//!   verbatim excerpt that proves it, and who answered what — and after the
//!   last question the results are posted. One round at a time per channel.
//! - `/quiz stop` (the starter or a moderator) posts the results so far;
//!   `/quiz me` opens a direct message with a personal round (its question
//!   is revealed as soon as its one player answers); `/quiz leaderboard`
//!   and `/quiz stats` are embeds (stats only to the asker).
//!
//! Nothing about a round lives in memory: the round is in the store, a
//! button's custom id carries the round id, question and choice
//! (`hbquiz|<round>|<question>|<choice>`), and the message showing each
//! question is remembered in the store's key/value
//! (`discord-quiz-message:<round>:<question>`) until the round ends (its
//! keys are forgotten after its last reveal or closing edit). Every
//! move is a compare-and-set on the round's step, and only the process
//! whose move it was shows it, so any HTTP replica can take the next click
//! and several [`drive`] loops (one per process) never show a move twice.
//! [`drive`] moves rounds on by the clock: a restart mid-round reveals the
//! open question when its time is up and goes on, and posts the current
//! question if the process stopped before it was shown; a round left idle
//! for [`crate::study::play::ABANDONED_AFTER_SECS`] is closed at start, its
//! open question's buttons taken away and its results posted saying why.
//!
//! Discord's limits: the first response within 3 s (`/quiz` is acknowledged
//! and its announcement edited in; clicks and the other actions answer at
//! once, or are acknowledged after `defer_after` and delivered by
//! [`super::finish_deferred`], a refusal to the asker alone), a custom id
//! of at most 100 characters (a quiz button's is at most 32), a button
//! label of at most 80 (cut with `…`; the options are in full in the
//! embed), and every embed rendered by [`embed::message`] within the embed
//! limits. Posting and editing the question messages needs the bot token
//! (in HTTP mode too) and, in the channel, View Channel and Send Messages.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use serenity::http::{Http, LightMethod, Request, Route};
use serenity::model::id::{ChannelId, MessageId};
use tokio::sync::Notify;

use super::embed::{self, Render};
use super::interaction::{Incoming, Kind, Outgoing, CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE};
use super::redact_error;
use crate::ask::answer::{Answer, Outcome};
use crate::service::daily::{Clock, SystemClock};
use crate::service::{Asker, Service};
use crate::study::command::{self, QuizCommand};
use crate::study::play::Ack;
use crate::study::round::{Moved, Phase, RoundError};
use crate::study::{view, Board, Place, Player, Quiz, QuizError, Round};

/// The rounds this front end plays (`Place::platform`).
const PLATFORM: &str = "discord";
/// The first piece of a quiz button's custom id.
const BUTTON_PREFIX: &str = "hbquiz";
/// Discord's longest button label.
pub const LABEL_MAX: usize = 80;
/// The longest the driver sleeps between two looks at the store.
const POLL: Duration = Duration::from_secs(1);
/// The shortest, so a move another process won does not make it spin.
const MIN_SLEEP: Duration = Duration::from_millis(100);
/// How long after a question was asked its post may still be under way.
const POST_GRACE_SECS: u64 = 5;
/// How many times a question's message is looked up (every [`MIN_SLEEP`])
/// before its reveal is posted as a new message instead.
const MESSAGE_LOOKUPS: usize = 20;
/// Button style: blurple.
const PRIMARY: u64 = 1;
/// How the command replies write commands.
const PREFIX: &str = "/";
/// After a round's announcement is acknowledged, a moment before its first
/// question is posted, so the channel shows them in that order.
const AFTER_ANNOUNCEMENT: Duration = Duration::from_millis(250);

/// The Discord side of study mode, shared by every interaction of a process
/// and its [`drive`] loop.
pub struct Quizzes {
    /// Posts and edits the question messages; without it (HTTP mode with no
    /// bot token) rounds cannot be played.
    http: Option<Arc<Http>>,
    clock: Arc<dyn Clock>,
    question_secs: u64,
    /// Wakes [`drive`] when a round starts or moves here.
    wake: Notify,
}

impl std::fmt::Debug for Quizzes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Quizzes").field("http", &self.http.is_some()).field("question_secs", &self.question_secs).finish_non_exhaustive()
    }
}

impl Quizzes {
    /// Quizzes posting through `http`, timed by `clock`, each question open
    /// `question_secs` seconds.
    pub fn new(http: Option<Arc<Http>>, clock: Arc<dyn Clock>, question_secs: u64) -> Arc<Quizzes> {
        Arc::new(Quizzes { http, clock, question_secs: question_secs.max(1), wake: Notify::new() })
    }

    /// With the system clock and the service's `[study] question_secs`.
    pub fn for_service(service: &Service, http: Option<Arc<Http>>) -> Arc<Quizzes> {
        Quizzes::new(http, Arc::new(SystemClock), service.study().question_secs)
    }

    fn now(&self) -> u64 {
        self.clock.now()
    }
}

/// A quiz button, read back from its custom id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Press {
    pub round: u64,
    pub question: usize,
    pub choice: usize,
}

/// The custom id of the button for `choice` of `question` in `round`.
pub fn button_id(round: u64, question: usize, choice: usize) -> String {
    format!("{BUTTON_PREFIX}|{round}|{question}|{choice}")
}

/// Read a quiz button's custom id.
pub fn parse_button(custom_id: &str) -> Option<Press> {
    let mut pieces = custom_id.split('|');
    if pieces.next()? != BUTTON_PREFIX {
        return None;
    }
    let press = Press { round: pieces.next()?.parse().ok()?, question: pieces.next()?.parse().ok()?, choice: pieces.next()?.parse().ok()? };
    pieces.next().is_none().then_some(press)
}

/// Whether an interaction is study mode's: `/quiz` or a quiz button.
pub fn handles(incoming: &Incoming) -> bool {
    match incoming.kind {
        Kind::Command => incoming.command == "quiz" || crate::ask::commands::find(&incoming.command).is_some_and(|c| c.name == "quiz"),
        Kind::Component => incoming.custom_id.starts_with(BUTTON_PREFIX) && incoming.custom_id[BUTTON_PREFIX.len()..].starts_with('|'),
        _ => false,
    }
}

/// The place a round in `channel` is played in: one round per channel; the
/// server's leaderboard, none in a direct message.
fn place_of(channel: u64, guild: Option<u64>) -> Place {
    Place { platform: PLATFORM.into(), key: place_key(channel), scope: guild.map(scope_key) }
}

fn place_key(channel: u64) -> String {
    format!("discord:{channel}")
}

fn scope_key(guild: u64) -> String {
    format!("discord:{guild}")
}

/// The channel of a Discord round's place.
fn channel_of(round: &Round) -> Option<u64> {
    round.place.key.strip_prefix("discord:")?.parse().ok()
}

fn player_of(asker: &Asker) -> Player {
    Player { id: format!("discord:{}", asker.user_id), name: asker.display_name.clone() }
}

/// The store key (its key/value) under which the message showing question
/// `question` of round `round` is remembered. Kept beside the round, not
/// in it: a move another process commits writes the whole round, and
/// would drop a message id written in between.
fn message_key(round: u64, question: usize) -> String {
    format!("{}{question}", message_prefix(round))
}

/// The beginning of the keys of every question message of round `round`
/// (the last `:` keeps round 1's apart from round 12's).
fn message_prefix(round: u64) -> String {
    format!("discord-quiz-message:{round}:")
}

/// The message remembered for question `question` of round `round`, if any.
async fn stored_message(service: &Arc<Service>, round: u64, question: usize) -> Result<Option<u64>, String> {
    let (service, key) = (service.clone(), message_key(round, question));
    match tokio::task::spawn_blocking(move || service.store().get(&key)).await {
        Ok(Ok(None)) => Ok(None),
        Ok(Ok(Some(id))) => id.parse().map(Some).map_err(|_| format!("not a message id: {id:?}")),
        Ok(Err(error)) => Err(error.to_string()),
        Err(error) => Err(error.to_string()),
    }
}

/// The message showing question `question` of `round`, if it was posted.
/// Its post may still be under way on another replica (the id is written
/// once Discord answers): looked up a few times before giving up.
async fn message_of(service: &Arc<Service>, round: &Round, question: usize) -> Option<u64> {
    for attempt in 0..MESSAGE_LOOKUPS {
        if attempt > 0 {
            tokio::time::sleep(MIN_SLEEP).await;
        }
        match stored_message(service, round.id, question).await {
            Ok(Some(id)) => return Some(id),
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%error, round = round.id, "could not look up a quiz question's message");
                return None;
            }
        }
    }
    None
}

/// Forget the messages of a round that ended, once its last reveal or
/// closing edit is shown: nothing looks them up any more.
async fn forget_messages(service: &Arc<Service>, round: u64) {
    let (store_service, prefix) = (service.clone(), message_prefix(round));
    match tokio::task::spawn_blocking(move || store_service.store().forget(&prefix)).await {
        Ok(Ok(forgotten)) => tracing::debug!(round, forgotten, "forgot an ended quiz round's messages"),
        Ok(Err(error)) => tracing::warn!(%error, round, "could not forget an ended quiz round's messages"),
        Err(_) => {}
    }
}

/// A new round's seed.
fn seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// Answer `/quiz …` or a quiz button.
pub async fn process(quizzes: Arc<Quizzes>, service: Arc<Service>, incoming: Incoming, defer_after: Option<Duration>) -> Outgoing {
    match incoming.kind {
        Kind::Component => click(quizzes, service, incoming, defer_after).await,
        _ => command(quizzes, service, incoming, defer_after).await,
    }
}

async fn command(quizzes: Arc<Quizzes>, service: Arc<Service>, incoming: Incoming, defer_after: Option<Duration>) -> Outgoing {
    let asker = incoming.asker(service.moderation());
    let request = match command::parse(&incoming.invocation()) {
        Ok(request) => request,
        Err(error) => return Outgoing::Now(private_response(&view::refusal(service.engine().base(), &error, PREFIX))),
    };
    let Some(channel) = incoming.channel_id else {
        return Outgoing::Now(private_response(&Answer::new(view::INTENT, Outcome::Error, "Quizzes are played in a channel or a direct message.")));
    };
    let place = place_of(channel, incoming.guild_id);
    match request {
        QuizCommand::Start { topic, count } => start(quizzes, service, asker, place, Begin::Topic { topic, count }, defer_after).await,
        // `/quiz me` in a direct message: the round is played right there.
        QuizCommand::Personal { count } if incoming.guild_id.is_none() => start(quizzes, service, asker, place, Begin::Personal { count }, defer_after).await,
        QuizCommand::Personal { count } => personal_in_dm(quizzes, service, asker, count),
        QuizCommand::Stop => stop(quizzes, service, asker, place, defer_after).await,
        QuizCommand::Leaderboard(board) => leaderboard(quizzes, service, place, board, defer_after).await,
        QuizCommand::Stats => {
            let player = player_of(&asker);
            answer_within(defer_after, true, move || {
                let engine = service.engine();
                let quiz = Quiz::new(service.store().as_ref(), engine.base());
                let answer = quiz.stats(&player.id).map_or_else(|error| view::refusal(engine.base(), &error, PREFIX), |stats| view::stats(&stats));
                private_response(&answer)
            })
            .await
        }
        QuizCommand::Help => Outgoing::Now(private_response(&view::help(PREFIX))),
    }
}

/// What a new round is.
enum Begin {
    Topic { topic: String, count: usize },
    /// `/quiz me`: from the player's boxes.
    Personal { count: usize },
}

/// Store a new round (blocking).
fn begin(service: &Service, quizzes: &Quizzes, asker: &Asker, place: &Place, what: &Begin) -> Result<Round, QuizError> {
    let engine = service.engine();
    let quiz = Quiz::new(service.store().as_ref(), engine.base());
    let player = player_of(asker);
    match what {
        Begin::Topic { topic, count } => quiz.start(place, &player, topic, *count, quizzes.question_secs, seed(), quizzes.now()),
        Begin::Personal { count } => quiz.start_personal(place, &player, *count, quizzes.question_secs, seed(), quizzes.now()),
    }
}

/// A round in the channel the command came from: the reply (acknowledged
/// at once, so that it comes before the question) announces it, then the
/// first question is posted. A refusal (a round already running, an unknown
/// topic) goes to the asker alone: at once when it is known in time, else
/// in place of the public acknowledgement (see [`super::finish_deferred`]).
async fn start(quizzes: Arc<Quizzes>, service: Arc<Service>, asker: Asker, place: Place, what: Begin, defer_after: Option<Duration>) -> Outgoing {
    if quizzes.http.is_none() {
        return Outgoing::Now(private_response(&no_rest()));
    }
    let mut task = {
        let (quizzes, service) = (quizzes.clone(), service.clone());
        tokio::task::spawn_blocking(move || begin(&service, &quizzes, &asker, &place, &what))
    };
    match wait_for(&mut task, defer_after).await {
        Some(Ok(Err(error))) => Outgoing::Now(private_response(&refusal(&service, &error))),
        Some(Err(_)) => Outgoing::Now(super::interaction::crashed(false)),
        Some(Ok(Ok(round))) => deferred(false, async move { announce(&quizzes, &service, round).await }),
        None => deferred(false, async move {
            match task.await {
                Ok(Ok(round)) => announce(&quizzes, &service, round).await,
                Ok(Err(error)) => private_data(&refusal(&service, &error)),
                Err(_) => super::interaction::deferred_data(&super::interaction::crashed(false)),
            }
        }),
    }
}

/// Post a new round's first question; the announcement to edit into the
/// acknowledged reply. If the question cannot be posted (no permission to
/// send messages there), the round is stopped and the reply says why.
async fn announce(quizzes: &Arc<Quizzes>, service: &Arc<Service>, round: Round) -> Value {
    tokio::time::sleep(AFTER_ANNOUNCEMENT).await;
    match post_question(quizzes, service, round.clone(), 0).await {
        Ok(()) => {
            quizzes.wake.notify_one();
            message_data(&view::started(service.engine().base(), &round, PREFIX))
        }
        Err(error) => {
            tracing::warn!(%error, round = round.id, "could not post a quiz question; the round is stopped");
            abandon(quizzes, service, round).await;
            message_data(&cannot_post())
        }
    }
}

/// `/quiz me` in a server: a direct message with the round; the reply (to
/// the asker alone) says where it is.
fn personal_in_dm(quizzes: Arc<Quizzes>, service: Arc<Service>, asker: Asker, count: usize) -> Outgoing {
    let Some(http) = quizzes.http.clone() else {
        return Outgoing::Now(private_response(&no_rest()));
    };
    deferred(true, async move {
        let channel = match open_dm(&http, &asker.user_id).await {
            Ok(channel) => channel,
            Err(error) => {
                tracing::warn!(%error, "could not open a direct message for /quiz me");
                return message_data(&Answer::new(view::INTENT, Outcome::Error, "I could not open a direct message with you.").text(
                    "Allow direct messages from this server's members (Privacy Settings), or run `/quiz me` in a direct message with histbot.",
                ));
            }
        };
        let place = place_of(channel, None);
        let begun = {
            let (quizzes, service) = (quizzes.clone(), service.clone());
            tokio::task::spawn_blocking(move || begin(&service, &quizzes, &asker, &place, &Begin::Personal { count })).await
        };
        let round = match begun {
            Ok(Ok(round)) => round,
            Ok(Err(QuizError::Busy(_))) => {
                return message_data(
                    &Answer::new(view::INTENT, Outcome::Error, "A round is already being played in our direct messages.")
                        .text("Answer its open question there, or stop it with `/quiz stop` in that conversation."),
                )
            }
            Ok(Err(error)) => return message_data(&refusal(&service, &error)),
            Err(_) => return super::interaction::deferred_data(&super::interaction::crashed(false)),
        };
        let started = message_data(&view::started(service.engine().base(), &round, PREFIX));
        let posted = match post_message(&http, channel, &started).await {
            Ok(_) => post_question(&quizzes, &service, round.clone(), 0).await,
            Err(error) => Err(error),
        };
        if let Err(error) = posted {
            tracing::warn!(%error, "could not post a personal round in a direct message");
            abandon(&quizzes, &service, round).await;
            return message_data(&Answer::new(view::INTENT, Outcome::Error, "I could not send you a direct message.").text(
                "Allow direct messages from this server's members (Privacy Settings), or run `/quiz me` in a direct message with histbot.",
            ));
        }
        quizzes.wake.notify_one();
        let count = round.questions.len();
        message_data(
            &Answer::new(view::INTENT, Outcome::Notice, "Your personal round is in your direct messages.")
                .text(format!("{count} question{} from what you missed and what you have not seen yet.", if count == 1 { "" } else { "s" })),
        )
    })
}

/// `/quiz stop`: the results so far, for the channel; the open question's
/// buttons are taken away.
async fn stop(quizzes: Arc<Quizzes>, service: Arc<Service>, asker: Asker, place: Place, defer_after: Option<Duration>) -> Outgoing {
    let runtime = tokio::runtime::Handle::current();
    answer_within(defer_after, false, move || {
        let engine = service.engine();
        let quiz = Quiz::new(service.store().as_ref(), engine.base());
        let open = match quiz.active(&place.key) {
            Ok(Some(round)) => round.current().map(|(n, _)| n).filter(|_| matches!(round.phase, Phase::Asking { .. })),
            Ok(None) => None,
            Err(error) => return private_response(&refusal(&service, &error)),
        };
        match quiz.stop(&place.key, &player_of(&asker), asker.is_moderator, quizzes.now()) {
            Ok(round) => {
                let (quizzes, service, stopped) = (quizzes.clone(), service.clone(), round.clone());
                runtime.spawn(async move {
                    if let Some(question) = open {
                        close_question(&quizzes, &service, &stopped, question).await;
                    }
                    forget_messages(&service, stopped.id).await;
                });
                let answers = quiz.answers(&round).unwrap_or_default();
                public_response(&view::results(engine.base(), &round, &answers))
            }
            Err(error) => private_response(&refusal(&service, &error)),
        }
    })
    .await
}

/// `/quiz leaderboard [week|all]`: the server's.
async fn leaderboard(quizzes: Arc<Quizzes>, service: Arc<Service>, place: Place, board: Board, defer_after: Option<Duration>) -> Outgoing {
    let Some(scope) = place.scope else {
        return Outgoing::Now(private_response(
            &Answer::new(view::INTENT, Outcome::Error, "Leaderboards are kept per server.")
                .text("Run `/quiz leaderboard` in a server; `/quiz stats` shows your own results anywhere."),
        ));
    };
    answer_within(defer_after, false, move || {
        let engine = service.engine();
        let quiz = Quiz::new(service.store().as_ref(), engine.base());
        match quiz.leaderboard(&scope, board, quizzes.now()) {
            Ok(standings) => public_response(&view::leaderboard(&standings, board, "this server")),
            Err(error) => private_response(&refusal(&service, &error)),
        }
    })
    .await
}

/// A click on an answer button: recorded, and acknowledged to the clicker alone.
async fn click(quizzes: Arc<Quizzes>, service: Arc<Service>, incoming: Incoming, defer_after: Option<Duration>) -> Outgoing {
    let Some(press) = parse_button(&incoming.custom_id) else {
        return Outgoing::Now(private_response(&Answer::new(view::INTENT, Outcome::Error, "That button no longer works.")));
    };
    let asker = incoming.asker(service.moderation());
    let runtime = tokio::runtime::Handle::current();
    answer_within(defer_after, true, move || private_response(&answer_press(&quizzes, &service, &runtime, &asker, press, incoming.channel_id))).await
}

/// Record a press (blocking); what to tell the clicker. In a personal
/// round, the answer is shown as soon as its player has answered.
fn answer_press(quizzes: &Arc<Quizzes>, service: &Arc<Service>, runtime: &tokio::runtime::Handle, asker: &Asker, press: Press, channel: Option<u64>) -> Answer {
    let engine = service.engine();
    let quiz = Quiz::new(service.store().as_ref(), engine.base());
    let round = match service.store().quiz_round(press.round) {
        Ok(Some(round)) => round,
        Ok(None) => return Answer::new(view::INTENT, Outcome::Error, "That round no longer exists."),
        Err(error) => return refusal(service, &QuizError::Store(error)),
    };
    if channel.map(place_key).as_deref() != Some(round.place.key.as_str()) {
        return Answer::new(view::INTENT, Outcome::Error, "That button belongs to a round in another channel.");
    }
    let now = quizzes.now();
    match quiz.answer_round(round, Some(press.question), &player_of(asker), press.choice, now) {
        Ok(ack) => {
            if ack.first && ack.round.personal {
                let mut round = ack.round.clone();
                match quiz.reveal(&mut round, now) {
                    Ok(Some(Moved::Revealed(question))) => {
                        let (quizzes, service) = (quizzes.clone(), service.clone());
                        runtime.spawn(async move {
                            show_reveal(&quizzes, &service, round, question).await;
                            quizzes.wake.notify_one();
                        });
                    }
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "could not reveal a personal round's question"),
                }
            }
            acknowledged(&ack)
        }
        Err(QuizError::Round(RoundError::TimeUp | RoundError::NotAsking)) => {
            Answer::new(view::INTENT, Outcome::Error, format!("Question {} is closed.", press.question + 1)).text("Its answer is shown in its message.")
        }
        Err(QuizError::Round(RoundError::Over)) => Answer::new(view::INTENT, Outcome::Error, "This round is over."),
        Err(error) => refusal(service, &error),
    }
}

/// What the clicker is told.
fn acknowledged(ack: &Ack) -> Answer {
    let Some(asked) = ack.round.questions.get(ack.question) else {
        return Answer::new(view::INTENT, Outcome::Notice, "Your answer is recorded.");
    };
    let choice = format!("{} — {}", crate::study::Question::letter(ack.choice), asked.options.get(ack.choice).map(String::as_str).unwrap_or(""));
    let number = ack.question + 1;
    if !ack.first {
        return Answer::new(view::INTENT, Outcome::Notice, format!("You already answered question {number}: {choice}.")).text("Your first answer stands.");
    }
    let when = if ack.round.personal { "The answer follows." } else { "The answer is shown when the time is up." };
    Answer::new(view::INTENT, Outcome::Notice, format!("Question {number}: you answered {choice}.")).text(when)
}

fn refusal(service: &Service, error: &QuizError) -> Answer {
    view::refusal(service.engine().base(), error, PREFIX)
}

fn no_rest() -> Answer {
    Answer::new(view::INTENT, Outcome::Error, "Quizzes need histbot's bot token here.")
        .text("histbot posts each question as a message, which takes the bot token; ask the operator to set it.")
}

fn cannot_post() -> Answer {
    Answer::new(view::INTENT, Outcome::Error, "I could not post the quiz's questions in this channel.")
        .text("histbot needs the View Channel and Send Messages permissions here; the round was stopped.")
}

/// Stop a round nobody can see (its question could not be posted).
async fn abandon(quizzes: &Arc<Quizzes>, service: &Arc<Service>, round: Round) {
    let id = round.id;
    let stopped = {
        let (quizzes, service) = (quizzes.clone(), service.clone());
        tokio::task::spawn_blocking(move || {
            let engine = service.engine();
            let quiz = Quiz::new(service.store().as_ref(), engine.base());
            let system = Player { id: "histbot".into(), name: "histbot".into() };
            quiz.stop(&round.place.key, &system, true, quizzes.now())
        })
        .await
    };
    match stopped {
        Ok(Ok(_)) => forget_messages(service, id).await,
        Ok(Err(error)) => tracing::warn!(%error, "could not stop a quiz round"),
        Err(_) => {}
    }
}

// ---- Responses ---------------------------------------------------------

/// An answer only its asker sees.
fn private_response(answer: &Answer) -> Value {
    json!({ "type": CHANNEL_MESSAGE, "data": private_data(answer) })
}

/// An answer's message data for its asker alone (a deferred one reaches
/// them alone too, see [`super::finish_deferred`]).
fn private_data(answer: &Answer) -> Value {
    let mut data = message_data(answer);
    data["flags"] = json!(embed::EPHEMERAL);
    data
}

/// An answer for the channel.
fn public_response(answer: &Answer) -> Value {
    json!({ "type": CHANNEL_MESSAGE, "data": message_data(answer) })
}

/// An answer as message data (for a reply, an edit or a channel message).
fn message_data(answer: &Answer) -> Value {
    let mut data = embed::message(answer, &Render::default());
    data["components"] = json!([]);
    data
}

/// Acknowledge now (to the asker alone when `private`) and deliver what
/// `rest` comes to (message data; a private one, with the ephemeral flag,
/// reaches the asker alone even after a public acknowledgement).
fn deferred(private: bool, rest: impl std::future::Future<Output = Value> + Send + 'static) -> Outgoing {
    let mut data = json!({ "allowed_mentions": embed::no_mentions() });
    if private {
        data["flags"] = json!(embed::EPHEMERAL);
    }
    Outgoing::Deferred { ack: json!({ "type": DEFERRED_CHANNEL_MESSAGE, "data": data }), rest: tokio::spawn(rest) }
}

/// Wait for `task` as long as the first response may wait; `None` when it must be acknowledged first.
async fn wait_for<T>(task: &mut tokio::task::JoinHandle<T>, defer_after: Option<Duration>) -> Option<Result<T, tokio::task::JoinError>> {
    match defer_after {
        None => Some(task.await),
        Some(limit) if limit.is_zero() => None,
        Some(limit) => tokio::time::timeout(limit, task).await.ok(),
    }
}

/// Run `work` (a whole response) on the blocking pool; answer at once if it
/// is done within `defer_after`, else acknowledge and edit it in.
async fn answer_within(defer_after: Option<Duration>, private: bool, work: impl FnOnce() -> Value + Send + 'static) -> Outgoing {
    let mut task = tokio::task::spawn_blocking(work);
    match wait_for(&mut task, defer_after).await {
        Some(result) => Outgoing::Now(result.unwrap_or_else(|_| super::interaction::crashed(false))),
        None => deferred(private, async move { super::interaction::deferred_data(&task.await.unwrap_or_else(|_| super::interaction::crashed(false))) }),
    }
}

// ---- Showing a round: question messages, reveals, results ---------------

/// Question `question`'s message: the question and its options, and a button per option.
pub fn question_message(round: &Round, question: usize) -> Value {
    let mut data = message_data(&view::question(round, question));
    let buttons: Vec<Value> = round
        .questions
        .get(question)
        .map(|asked| {
            asked
                .options
                .iter()
                .enumerate()
                .map(|(i, option)| {
                    let label = embed::truncate(&format!("{}. {option}", crate::study::Question::letter(i)), LABEL_MAX);
                    json!({ "type": 2, "style": PRIMARY, "label": label, "custom_id": button_id(round.id, question, i) })
                })
                .collect()
        })
        .unwrap_or_default();
    data["components"] = json!([{ "type": 1, "components": buttons }]);
    data
}

/// Post question `question` of `round` (whose move this process made) and remember its message.
async fn post_question(quizzes: &Arc<Quizzes>, service: &Arc<Service>, round: Round, question: usize) -> Result<(), String> {
    let http = quizzes.http.as_ref().ok_or("no bot token")?;
    let channel = channel_of(&round).ok_or("not a Discord channel")?;
    let message = post_message(http, channel, &question_message(&round, question)).await?;
    let (service, key, now) = (service.clone(), message_key(round.id, question), quizzes.now());
    match tokio::task::spawn_blocking(move || service.store().put(&key, &message.to_string(), now)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(error) => Err(error.to_string()),
    }
}

/// Show question `question`'s answer in its message (or in a new one if
/// its message is not known), with its proof and who answered what.
async fn show_reveal(quizzes: &Arc<Quizzes>, service: &Arc<Service>, round: Round, question: usize) {
    let answers = round_answers(service, &round).await;
    let data = message_data(&view::reveal_in_place(service.engine().base(), &round, question, &answers));
    let message = message_of(service, &round, question).await;
    show(quizzes, &round, message, &data, "a quiz answer").await;
}

/// Post a finished round's results.
async fn post_results(quizzes: &Arc<Quizzes>, service: &Arc<Service>, round: Round) {
    let answers = round_answers(service, &round).await;
    let data = message_data(&view::results(service.engine().base(), &round, &answers));
    show(quizzes, &round, None, &data, "a quiz's results").await;
}

/// Take the buttons off a stopped round's open question.
async fn close_question(quizzes: &Quizzes, service: &Arc<Service>, round: &Round, question: usize) {
    if let Some(message) = message_of(service, round, question).await {
        show(quizzes, round, Some(message), &message_data(&view::closed_question(round, question)), "a stopped quiz question").await;
    }
}

/// Edit `message` into `data`, or post `data` when there is no message.
async fn show(quizzes: &Quizzes, round: &Round, message: Option<u64>, data: &Value, what: &str) {
    let (Some(http), Some(channel)) = (quizzes.http.as_ref(), channel_of(round)) else { return };
    let shown = match message {
        Some(message) => edit_message(http, channel, message, data).await,
        None => post_message(http, channel, data).await.map(|_| ()),
    };
    if let Err(error) = shown {
        tracing::warn!(%error, round = round.id, "could not show {what}");
    }
}

async fn round_answers(service: &Arc<Service>, round: &Round) -> Vec<crate::store::study::StoredAnswer> {
    let (service, id) = (service.clone(), round.id);
    let found = tokio::task::spawn_blocking(move || service.store().round_answers(id)).await;
    match found {
        Ok(Ok(answers)) => answers,
        Ok(Err(error)) => {
            tracing::warn!(%error, round = id, "could not read a round's answers");
            Vec::new()
        }
        Err(_) => Vec::new(),
    }
}

// ---- REST ----------------------------------------------------------------

fn channel_id(channel: u64) -> Result<ChannelId, String> {
    (channel != 0).then(|| ChannelId::new(channel)).ok_or_else(|| "channel id 0".to_string())
}

/// Post a message in a channel; its id.
async fn post_message(http: &Http, channel: u64, data: &Value) -> Result<u64, String> {
    let body = serde_json::to_vec(data).map_err(|e| e.to_string())?;
    let request = Request::new(Route::ChannelMessages { channel_id: channel_id(channel)? }, LightMethod::Post).body(Some(body));
    let sent: Value = http.fire(request).await.map_err(|e| redact_error(&e))?;
    id_of(&sent).ok_or_else(|| "Discord sent back a message without an id".to_string())
}

/// Edit a message the bot posted.
async fn edit_message(http: &Http, channel: u64, message: u64, data: &Value) -> Result<(), String> {
    let body = serde_json::to_vec(data).map_err(|e| e.to_string())?;
    let message_id = (message != 0).then(|| MessageId::new(message)).ok_or("message id 0")?;
    let request = Request::new(Route::ChannelMessage { channel_id: channel_id(channel)?, message_id }, LightMethod::Patch).body(Some(body));
    http.request(request).await.map(|_| ()).map_err(|e| redact_error(&e))
}

/// The direct-message channel with a user.
async fn open_dm(http: &Http, user: &str) -> Result<u64, String> {
    let body = serde_json::to_vec(&json!({ "recipient_id": user })).map_err(|e| e.to_string())?;
    let channel: Value = http.fire(Request::new(Route::UserMeDmChannels, LightMethod::Post).body(Some(body))).await.map_err(|e| redact_error(&e))?;
    id_of(&channel).ok_or_else(|| "Discord sent back a channel without an id".to_string())
}

fn id_of(value: &Value) -> Option<u64> {
    match value.get("id")? {
        Value::String(id) => id.parse().ok(),
        Value::Number(id) => id.as_u64(),
        _ => None,
    }
    .filter(|&id| id != 0)
}

// ---- The clock -------------------------------------------------------------

/// Move this platform's rounds on by the clock until the service stops: a
/// question whose time is up is revealed in its message, the next one is
/// posted after a short pause, the results at the end. Run once per process;
/// at start, rounds left open by a previous run are resumed (or closed when
/// abandoned, see [`Quiz::resume`]).
pub async fn drive(quizzes: Arc<Quizzes>, service: Arc<Service>) {
    if quizzes.http.is_none() {
        return;
    }
    let stopped = service.shutdown().stopped();
    tokio::pin!(stopped);
    resume(&quizzes, &service).await;
    loop {
        let wakes_at = tick_all(&quizzes, &service).await;
        let now = quizzes.now();
        let wait = wakes_at.map_or(POLL, |at| Duration::from_secs(at.saturating_sub(now))).clamp(MIN_SLEEP, POLL);
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = quizzes.wake.notified() => {}
            () = &mut stopped => return,
        }
    }
}

/// [`drive`] as a task that ends when the returned guard is dropped (when
/// the front end stops, however it stops).
pub fn spawn_driver(quizzes: Arc<Quizzes>, service: Arc<Service>) -> DriverGuard {
    DriverGuard(tokio::spawn(drive(quizzes, service)))
}

/// Aborts [`drive`] when dropped.
#[derive(Debug)]
pub struct DriverGuard(tokio::task::JoinHandle<()>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        self.0.abort();
    }
}

fn is_discord(round: &Round) -> bool {
    round.place.platform == PLATFORM
}

/// At start: close the rounds left idle too long (their open question loses its
/// buttons, and the results say why); and post the open question of a
/// round whose question was never shown (the process stopped between the
/// move and the post). The rest are driven on by [`tick_all`].
async fn resume(quizzes: &Arc<Quizzes>, service: &Arc<Service>) {
    let resumed = {
        let (quizzes, service) = (quizzes.clone(), service.clone());
        tokio::task::spawn_blocking(move || {
            let engine = service.engine();
            Quiz::new(service.store().as_ref(), engine.base()).resume_platform(PLATFORM, quizzes.now())
        })
        .await
    };
    let resumed = match resumed {
        Ok(Ok(resumed)) => resumed,
        Ok(Err(error)) => {
            tracing::warn!(%error, "could not look at the open quiz rounds");
            return;
        }
        Err(_) => return,
    };
    for closed in resumed.closed {
        if let Some(question) = closed.open {
            close_question(quizzes, service, &closed.round, question).await;
        }
        let answers = round_answers(service, &closed.round).await;
        let mut results = view::results(service.engine().base(), &closed.round, &answers);
        results.headline = format!("{} (closed: histbot was away too long)", results.headline);
        show(quizzes, &closed.round, None, &message_data(&results), "a closed quiz's results").await;
        forget_messages(service, closed.round.id).await;
    }
    let now = quizzes.now();
    for round in resumed.kept {
        if let Phase::Asking { question, closes_at } = round.phase {
            // A question asked moments ago may be being posted right now
            // (by this process's first `/quiz`, or by another replica):
            // only one asked [`POST_GRACE_SECS`] ago and still unposted was
            // left by a process that stopped.
            let asked_at = closes_at.saturating_sub(round.question_secs);
            if now >= asked_at.saturating_add(POST_GRACE_SECS) && now < closes_at && !posted(service, &round, question).await {
                let id = round.id;
                if let Err(error) = post_question(quizzes, service, round, question).await {
                    tracing::warn!(%error, round = id, "could not post a resumed round's question");
                }
            }
        }
    }
}

/// Whether question `question` of `round` was posted (its message remembered).
async fn posted(service: &Arc<Service>, round: &Round, question: usize) -> bool {
    matches!(stored_message(service, round.id, question).await, Ok(Some(_)))
}

/// One look at the open rounds: make the moves that are due and show the
/// ones this process made. When the next move is due.
async fn tick_all(quizzes: &Arc<Quizzes>, service: &Arc<Service>) -> Option<u64> {
    let now = quizzes.now();
    let looked = {
        let service = service.clone();
        tokio::task::spawn_blocking(move || {
            let engine = service.engine();
            let quiz = Quiz::new(service.store().as_ref(), engine.base());
            let rounds = service.store().active_rounds()?;
            let mut moved = Vec::new();
            for mut round in rounds.into_iter().filter(is_discord) {
                match quiz.tick(&mut round, now) {
                    Ok(step) => moved.push((round, step)),
                    Err(error) => tracing::warn!(%error, round = round.id, "could not move a quiz round on"),
                }
            }
            Ok::<_, crate::store::StoreError>(moved)
        })
        .await
    };
    let rounds = match looked {
        Ok(Ok(rounds)) => rounds,
        Ok(Err(error)) => {
            tracing::warn!(%error, "could not read the open quiz rounds");
            return None;
        }
        Err(_) => return None,
    };
    for (round, moved) in &rounds {
        if let Some(moved) = moved {
            tracing::debug!(round = round.id, ?moved, "a quiz round moved on here");
        }
        match moved {
            Some(Moved::Revealed(question)) => show_reveal(quizzes, service, round.clone(), *question).await,
            Some(Moved::Asked(question)) => {
                if let Err(error) = post_question(quizzes, service, round.clone(), *question).await {
                    tracing::warn!(%error, round = round.id, "could not post a quiz question");
                }
            }
            Some(Moved::Finished) => {
                post_results(quizzes, service, round.clone()).await;
                forget_messages(service, round.id).await;
            }
            None => {}
        }
    }
    rounds.iter().filter_map(|(round, _)| round.wakes_at()).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_carry_the_round_question_and_choice() {
        let id = button_id(42, 3, 1);
        assert_eq!(parse_button(&id), Some(Press { round: 42, question: 3, choice: 1 }));
        assert!(id.len() <= embed::CUSTOM_ID_MAX);
        assert_eq!(parse_button("hbquiz|42|3"), None);
        assert_eq!(parse_button("hbquiz|42|3|1|9"), None);
        assert_eq!(parse_button("hb|0|/when tito"), None);
        assert_eq!(parse_button(&button_id(u64::MAX, 19, 3)).map(|p| p.round), Some(u64::MAX));
    }

    #[test]
    fn places_and_message_keys() {
        let place = place_of(7, Some(9));
        assert_eq!((place.key.as_str(), place.scope.as_deref()), ("discord:7", Some("discord:9")));
        let starter = Player { id: "discord:1".into(), name: "Ana".into() };
        let round = Round::new(place, starter, crate::study::Topic::All, false, Vec::new(), 20, 0);
        assert_eq!(channel_of(&round), Some(7));
        assert_ne!(message_key(1, 0), message_key(1, 1));
        assert_ne!(message_key(1, 12), message_key(11, 2));
        assert!(message_key(1, 12).starts_with(&message_prefix(1)));
        assert!(!message_key(12, 0).starts_with(&message_prefix(1)), "a round's prefix is not another's");
        assert_eq!(place_of(7, None).scope, None);
    }
}
