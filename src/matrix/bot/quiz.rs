//! `!quiz` in Matrix rooms: a round of questions, each a native poll.
//!
//! - A question is an `org.matrix.msc3381.poll.start` event: the form
//!   Element and the other clients send and show as a poll in today's room
//!   versions (the stable `m.poll.start` is for rooms with extensible
//!   events, which no stable room version has), with the plain-text
//!   fallback (`org.matrix.msc1767.text`) that MSC3381 defines for clients
//!   without polls: the question and its options `A.`–`D.`.
//! - Answers: a poll response (stable `m.poll.response` or unstable), a
//!   reaction with the letter (`A`, or 🇦) on the poll, or a message that is
//!   only the letter (a reply or not). The last answer of each person before
//!   the question closes counts.
//! - When the question's time is up the poll is ended
//!   (`org.matrix.msc3381.poll.end`) and the answer is revealed as an
//!   `m.notice` reply to the poll, with its verbatim excerpt; after the last
//!   question, the results.
//! - The round lives in the store (`crate::study`): one per room; a task per
//!   room drives it by the clock, and a restart drives the open rounds on
//!   (or closes those left idle, saying so).

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::ruma::events::poll::unstable_end::UnstablePollEndEventContent;
use matrix_sdk::ruma::events::poll::unstable_start::{
    NewUnstablePollStartEventContent, UnstablePollAnswer, UnstablePollAnswers, UnstablePollStartContentBlock,
};
use matrix_sdk::ruma::events::relation::{InReplyTo, Reply};
use matrix_sdk::ruma::events::room::message::{AddMentions, ForwardThread, OriginalSyncRoomMessageEvent, Relation};
use matrix_sdk::ruma::events::MessageLikeEventContent;
use matrix_sdk::ruma::{EventId, OwnedEventId, OwnedRoomId, TransactionId, UserId};
use matrix_sdk::{Client, Room, RoomState};

use super::{display_name, notice, send, State};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::render;
use crate::service::Asker;
use crate::store::unix_now;
use crate::study::question::{parse_choice, Question};
use crate::study::command::{self, QuizCommand};
use crate::study::round::{Moved, Phase, DEFAULT_COUNT, MAX_COUNT};
use crate::study::{view, Place, Player, Quiz, QuizError, Round};

/// The longest the round's task sleeps before looking at the store again.
const LOOK_EVERY: Duration = Duration::from_secs(5);

/// The arguments of a `!quiz` line (the room's prefix already read as
/// [`super::CORE_PREFIX`]; a line for the bot, in a direct room or
/// addressed to it, may leave the prefix out), or `None` for any other
/// line: the shared grammar's [`command::arguments`].
pub(super) fn arguments(line: &str) -> Option<String> {
    command::arguments(line, &[super::CORE_PREFIX])
}

fn place_key(room_id: &matrix_sdk::ruma::RoomId) -> String {
    format!("matrix:{room_id}")
}

/// A room's place: its own leaderboard, except a direct room's (none).
fn place(room: &Room, direct: bool) -> Place {
    let key = place_key(room.room_id());
    Place { platform: "matrix".into(), scope: (!direct).then(|| key.clone()), key }
}

fn player(user: &UserId, name: String) -> Player {
    Player { id: format!("matrix:{user}"), name }
}

/// A seed for a new round's questions.
fn seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// `!quiz …`: start, stop, `me`, `leaderboard`, `stats`, `help`.
pub(super) async fn command(state: &Arc<State>, room: &Room, event: &OriginalSyncRoomMessageEvent, asker: &Asker, args: &str, direct: bool) {
    let engine = state.service.engine();
    let quiz = Quiz::new(state.service.store().as_ref(), engine.base());
    let me = player(&event.sender, asker.display_name.clone());
    let key = place_key(room.room_id());
    let now = unix_now();
    let secs = state.service.study().question_secs.max(1);
    let prefix = state.config.prefix.as_str();
    let reply = match command::parse_typed(args) {
        Err(error) => refusal(&quiz, error, prefix),
        Ok(QuizCommand::Stop) => match quiz.stop(&key, &me, asker.is_moderator, now) {
            Ok(round) => {
                end_poll(room, &round, "The round was stopped.").await;
                let answers = quiz.answers(&round).unwrap_or_default();
                view::results(engine.base(), &round, &answers)
            }
            Err(error) => refusal(&quiz, error, prefix),
        },
        Ok(QuizCommand::Personal { .. }) if !direct => Answer::new(view::INTENT, Outcome::Error, "A personal round is played in a direct room.")
            .text(format!("Start a direct chat with me and send `{prefix}quiz me` there.")),
        Ok(QuizCommand::Personal { count }) => match quiz.start_personal(&place(room, true), &me, count, secs, seed(), now) {
            Ok(round) => return begin(state, room, round).await,
            Err(error) => refusal(&quiz, error, prefix),
        },
        Ok(QuizCommand::Leaderboard(board)) => match quiz.leaderboard(&key, board, now) {
            Ok(standings) => view::leaderboard(&standings, board, "this room"),
            Err(error) => refusal(&quiz, error, prefix),
        },
        Ok(QuizCommand::Stats) => match quiz.stats(&me.id) {
            Ok(stats) => view::stats(&stats),
            Err(error) => refusal(&quiz, error, prefix),
        },
        Ok(QuizCommand::Help) => help(prefix),
        Ok(QuizCommand::Start { topic, count }) => match quiz.start(&place(room, direct), &me, &topic, count, secs, seed(), now) {
            Ok(round) => return begin(state, room, round).await,
            Err(error) => refusal(&quiz, error, prefix),
        },
    };
    let mut reply = reply;
    super::localize_answer(&mut reply, &state.config.prefix);
    send(room, notice(&reply).make_reply_to(event, ForwardThread::Yes, AddMentions::Yes)).await;
}

/// A new round: its first question, then its task.
async fn begin(state: &Arc<State>, room: &Room, mut round: Round) {
    let engine = state.service.engine();
    let quiz = Quiz::new(state.service.store().as_ref(), engine.base());
    ask(&quiz, room, &mut round, 0).await;
    drive(state, room.clone());
}

/// Post question `index` as a poll and remember its event.
async fn ask(quiz: &Quiz<'_>, room: &Room, round: &mut Round, index: usize) {
    let Some(content) = poll(round, index) else { return };
    match send_event(room, content).await {
        Some(event_id) => {
            if let Err(error) = quiz.set_message(round, event_id.as_str(), unix_now()) {
                tracing::error!(%error, "could not remember the quiz poll");
            }
        }
        None => tracing::error!(room_id = %room.room_id(), "could not post a quiz question"),
    }
}

/// Question `index` as a poll start with its text fallback.
fn poll(round: &Round, index: usize) -> Option<NewUnstablePollStartEventContent> {
    let asked = round.questions.get(index)?;
    let answers: Vec<UnstablePollAnswer> =
        asked.options.iter().enumerate().map(|(i, option)| UnstablePollAnswer::new(answer_id(i), format!("{}. {option}", Question::letter(i)))).collect();
    let answers = UnstablePollAnswers::try_from(answers).ok()?;
    let mut question = format!("Question {} of {}: {}", index + 1, round.questions.len(), asked.prompt);
    if let Some(passage) = &asked.passage {
        question.push_str(&format!("\n“{passage}”"));
    }
    let fallback = format!(
        "{}\nVote in the poll, or answer with {} (a message, a reply or a reaction) within {} s.",
        render::plain(&view::question(round, index)).trim_end(),
        letters(asked),
        round.question_secs
    );
    Some(NewUnstablePollStartEventContent::plain_text(fallback, UnstablePollStartContentBlock::new(question, answers)))
}

/// A poll answer's id: `a`–`d`.
fn answer_id(index: usize) -> String {
    Question::letter(index).to_ascii_lowercase().to_string()
}

fn letters(asked: &Question) -> String {
    let all: Vec<String> = (0..asked.options.len()).map(|i| Question::letter(i).to_string()).collect();
    all.join(", ")
}

/// End the round's current poll, if it has one, with `text` as its fallback.
async fn end_poll(room: &Room, round: &Round, text: &str) {
    let Some(poll) = round.message.as_deref().and_then(|id| EventId::parse(id).ok()) else { return };
    send_event(room, UnstablePollEndEventContent::new(text, poll)).await;
}

/// Keep one task per room driving its open round by the clock.
pub(super) fn drive(state: &Arc<State>, room: Room) {
    let room_id = room.room_id().to_owned();
    if !state.quiz_rooms.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).insert(room_id.clone()) {
        return; // already driven
    }
    let task_state = state.clone();
    let handle = tokio::spawn(async move {
        drive_round(&task_state, &room).await;
        task_state.quiz_rooms.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&room_id);
    });
    state.tasks.add(handle.abort_handle());
}

/// Reveal, ask and finish as the round's clock says, until it is over.
async fn drive_round(state: &Arc<State>, room: &Room) {
    let key = place_key(room.room_id());
    loop {
        let engine = state.service.engine();
        let quiz = Quiz::new(state.service.store().as_ref(), engine.base());
        let mut round = match quiz.active(&key) {
            Ok(Some(round)) if round.question_secs > 0 => round,
            Ok(_) => return,
            Err(error) => {
                tracing::error!(%error, "the quiz round could not be read");
                tokio::time::sleep(LOOK_EVERY).await;
                continue;
            }
        };
        let now = unix_now();
        // Started (or moved on) by a process that stopped before posting the question.
        if let Phase::Asking { question, closes_at } = round.phase {
            if round.message.is_none() && now < closes_at {
                ask(&quiz, room, &mut round, question).await;
                continue;
            }
        }
        match quiz.tick(&mut round, now) {
            Ok(Some(Moved::Revealed(n))) => reveal(&quiz, room, &round, n).await,
            Ok(Some(Moved::Asked(n))) => ask(&quiz, room, &mut round, n).await,
            Ok(Some(Moved::Finished)) => {
                let answers = quiz.answers(&round).unwrap_or_default();
                send(room, notice(&view::results(engine.base(), &round, &answers))).await;
                return;
            }
            Ok(None) => {
                let wait = round.wakes_at().map_or(LOOK_EVERY, |at| Duration::from_secs(at.saturating_sub(now).max(1)));
                tokio::time::sleep(wait.min(LOOK_EVERY)).await;
            }
            Err(error) => {
                tracing::error!(%error, "the quiz round could not move on");
                tokio::time::sleep(LOOK_EVERY).await;
            }
        }
    }
}

/// End question `index`'s poll and reply to it with the answer and its excerpt.
async fn reveal(quiz: &Quiz<'_>, room: &Room, round: &Round, index: usize) {
    let Some(asked) = round.questions.get(index) else { return };
    end_poll(room, round, &format!("The poll has ended. The answer: {}", asked.answer_text())).await;
    let answers = quiz.answers(round).unwrap_or_default();
    let mut content = notice(&view::reveal(quiz.base, round, index, &answers));
    if let Some(poll) = round.message.as_deref().and_then(|id| EventId::parse(id).ok()) {
        content.relates_to = Some(Relation::Reply(Reply::new(InReplyTo::new(poll))));
    }
    send(room, content).await;
}

/// A message that is only a letter (`B`, `(b)`), in a room with an open
/// question: an answer. `false` when it is not one (the message is then
/// handled as any other).
pub(super) async fn typed_answer(state: &State, room: &Room, event: &OriginalSyncRoomMessageEvent, body: &str) -> bool {
    let Some(choice) = parse_choice(super::super::text::strip_reply_fallback(body), 4) else { return false };
    let engine = state.service.engine();
    let quiz = Quiz::new(state.service.store().as_ref(), engine.base());
    let Ok(Some(round)) = quiz.active(&place_key(room.room_id())) else { return false };
    if !matches!(round.phase, Phase::Asking { .. }) {
        return false;
    }
    let at = u64::from(event.origin_server_ts.as_secs()).min(unix_now());
    record(&quiz, room, round, &event.sender, choice, at).await;
    true
}

/// A poll response or a reaction: an answer to the round's open poll.
pub(super) async fn response(state: &Arc<State>, room: &Room, event: &TimelineEvent) {
    if room.state() != RoomState::Joined {
        return;
    }
    let Ok(raw) = event.raw().deserialize_as_unchecked::<serde_json::Value>() else { return };
    let Some(vote) = read_vote(&raw) else { return };
    if vote.sender == state.user_id || vote.event_id.as_deref().is_some_and(|id| !state.first_time(id)) {
        return;
    }
    let engine = state.service.engine();
    let quiz = Quiz::new(state.service.store().as_ref(), engine.base());
    let Ok(Some(round)) = quiz.active(&place_key(room.room_id())) else { return };
    if round.message.as_deref() != Some(vote.poll.as_str()) {
        return; // a vote on an earlier question's poll, or on another message
    }
    let Some((_, asked)) = round.current() else { return };
    let Some(choice) = vote.choice.filter(|&c| c < asked.options.len()) else { return };
    let at = (vote.at_ms / 1000).min(unix_now());
    record(&quiz, room, round, &vote.sender, choice, at).await;
}

/// Record `sender`'s answer (their last one counts).
async fn record(quiz: &Quiz<'_>, room: &Room, round: Round, sender: &UserId, choice: usize, at: u64) {
    let who = player(sender, display_name(room, sender).await);
    match quiz.revise(round, &who, choice, at) {
        Ok(ack) => tracing::debug!(player = %who.id, question = ack.question, choice, first = ack.first, "quiz answer"),
        Err(QuizError::Round(error)) => tracing::debug!(player = %who.id, %error, "quiz answer refused"),
        Err(error) => tracing::error!(%error, "a quiz answer could not be recorded"),
    }
}

/// What a poll response or reaction says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Vote {
    sender: matrix_sdk::ruma::OwnedUserId,
    event_id: Option<OwnedEventId>,
    /// The poll (or message) it answers.
    poll: String,
    choice: Option<usize>,
    at_ms: u64,
}

/// Read a poll response (stable `m.selections` or unstable
/// `org.matrix.msc3381.poll.response`) or a reaction (`m.annotation` with
/// a letter) from an event's JSON.
fn read_vote(raw: &serde_json::Value) -> Option<Vote> {
    let kind = raw.get("type")?.as_str()?;
    let content = raw.get("content")?;
    let relates = content.get("m.relates_to")?;
    let choice = match kind {
        "m.poll.response" => content.get("m.selections")?.as_array()?.first()?.as_str().and_then(choice_of_id),
        "org.matrix.msc3381.poll.response" => content.get("org.matrix.msc3381.poll.response")?.get("answers")?.as_array()?.first()?.as_str().and_then(choice_of_id),
        "m.reaction" if relates.get("rel_type")?.as_str()? == "m.annotation" => relates.get("key")?.as_str().and_then(choice_of_key),
        _ => return None,
    };
    Some(Vote {
        sender: matrix_sdk::ruma::OwnedUserId::try_from(raw.get("sender")?.as_str()?).ok()?,
        event_id: raw.get("event_id").and_then(|id| id.as_str()).and_then(|id| OwnedEventId::try_from(id).ok()),
        poll: relates.get("event_id")?.as_str()?.to_string(),
        choice,
        at_ms: raw.get("origin_server_ts")?.as_u64()?,
    })
}

/// A poll answer id (`a`–`d`).
fn choice_of_id(id: &str) -> Option<usize> {
    let mut chars = id.chars();
    let first = chars.next()?;
    (chars.next().is_none()).then_some(first).and_then(|c| parse_choice(&c.to_string(), 4)).filter(|_| first.is_ascii_alphabetic())
}

/// A reaction's key: a letter (`A`), or the regional indicators 🇦–🇩.
fn choice_of_key(key: &str) -> Option<usize> {
    let key = key.trim_end_matches('\u{fe0f}');
    let mut chars = key.chars();
    let first = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match first {
        '\u{1F1E6}'..='\u{1F1E9}' => Some(first as usize - 0x1F1E6),
        letter if letter.is_ascii_alphabetic() => parse_choice(&letter.to_string(), 4),
        _ => None,
    }
}

/// At start: drive every open Matrix round on; close those left idle too
/// long (see [`Quiz::resume_platform`]) and say so in their rooms.
pub(super) async fn resume(state: &Arc<State>, client: &Client) {
    let engine = state.service.engine();
    let quiz = Quiz::new(state.service.store().as_ref(), engine.base());
    let resumed = match quiz.resume_platform("matrix", unix_now()) {
        Ok(resumed) => resumed,
        Err(error) => {
            tracing::error!(%error, "could not resume the open quiz rounds");
            return;
        }
    };
    let room_of = |round: &Round| round.place.key.strip_prefix("matrix:").and_then(|id| OwnedRoomId::try_from(id).ok()).and_then(|id| client.get_room(&id));
    for round in &resumed.kept {
        if let Some(room) = room_of(round) {
            drive(state, room);
        }
    }
    for closed in resumed.closed {
        let Some(room) = room_of(&closed.round) else { continue };
        end_poll(&room, &closed.round, "The round was closed: histbot was away too long.").await;
        let answers = quiz.answers(&closed.round).unwrap_or_default();
        let mut results = view::results(engine.base(), &closed.round, &answers);
        results.headline = format!("{} (closed: histbot was away too long)", results.headline);
        send(&room, notice(&results)).await;
    }
}

/// Send any message-like event, retrying with one transaction id.
async fn send_event<C>(room: &Room, content: C) -> Option<OwnedEventId>
where
    C: MessageLikeEventContent + Clone + Send + Sync + 'static,
{
    let transaction = TransactionId::new();
    for attempt in 1..=5u32 {
        match room.send(content.clone()).with_transaction_id(transaction.clone()).await {
            Ok(sent) => return Some(sent.response.event_id),
            Err(error) if attempt < 5 && error.client_api_error_kind().is_none() => {
                tracing::warn!(room_id = %room.room_id(), %error, "sending a quiz event failed; retrying");
                tokio::time::sleep(Duration::from_millis(500 * u64::from(attempt))).await;
            }
            Err(error) => {
                tracing::error!(room_id = %room.room_id(), %error, "could not send a quiz event");
                return None;
            }
        }
    }
    None
}

/// A refusal in a room's words; the rest as every front end says them.
fn refusal(quiz: &Quiz, error: QuizError, prefix: &str) -> Answer {
    match error {
        QuizError::Busy(_) => Answer::new(view::INTENT, Outcome::Error, "A round is already being played in this room.")
            .text(format!("Answer its poll, or `{prefix}quiz stop` (its starter or a moderator).")),
        QuizError::NoRound => Answer::new(view::INTENT, Outcome::Error, "No round is being played in this room.")
            .text(format!("Start one with `{prefix}quiz [topic] [count]`.")),
        other => view::refusal(quiz.base, &other, prefix),
    }
}

fn help(prefix: &str) -> Answer {
    Answer::new(view::INTENT, Outcome::Help, "Study mode: quizzes from the fact base").text(format!(
        "`{prefix}quiz [topic] [count]` — a round for this room (default {DEFAULT_COUNT} questions, at most {MAX_COUNT}); the topic is a tag (`cold-war`), a period, years (`1941-1948`) or a kind (`treaties`).\n\
         Each question is a poll: vote, or answer with the letter (a message, a reply or a reaction). Your last answer before it closes counts; then the answer is shown with the quote that proves it.\n\
         `{prefix}quiz me [count]` — in a direct room with me: a personal round from what you missed and have not seen.\n\
         `{prefix}quiz stop` — stop the round (its starter or a moderator).  `{prefix}quiz leaderboard [week|all]`.  `{prefix}quiz stats`."
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn quiz_lines() {
        assert_eq!(arguments("!quiz cold-war 5").as_deref(), Some("cold-war 5"));
        assert_eq!(arguments("!QUIZ").as_deref(), Some(""));
        assert_eq!(arguments("!quizzes"), None);
        assert_eq!(arguments("quiz me 2").as_deref(), Some("me 2"));
        assert_eq!(arguments("!when x"), None);
    }

    #[test]
    fn votes_from_polls_and_reactions() {
        let stable = json!({ "type": "m.poll.response", "sender": "@a:x", "event_id": "$1", "origin_server_ts": 5000,
            "content": { "m.selections": ["b"], "m.relates_to": { "rel_type": "m.reference", "event_id": "$poll" } } });
        let vote = read_vote(&stable).expect("a vote");
        assert_eq!((vote.poll.as_str(), vote.choice, vote.at_ms), ("$poll", Some(1), 5000));
        let unstable = json!({ "type": "org.matrix.msc3381.poll.response", "sender": "@a:x", "origin_server_ts": 1,
            "content": { "org.matrix.msc3381.poll.response": { "answers": ["d"] }, "m.relates_to": { "rel_type": "m.reference", "event_id": "$poll" } } });
        assert_eq!(read_vote(&unstable).and_then(|v| v.choice), Some(3));
        let reaction = |key: &str| json!({ "type": "m.reaction", "sender": "@a:x", "origin_server_ts": 1,
            "content": { "m.relates_to": { "rel_type": "m.annotation", "event_id": "$poll", "key": key } } });
        assert_eq!(read_vote(&reaction("C")).and_then(|v| v.choice), Some(2));
        assert_eq!(read_vote(&reaction("🇦")).and_then(|v| v.choice), Some(0));
        assert_eq!(read_vote(&reaction("👍")).and_then(|v| v.choice), None);
        assert_eq!(read_vote(&json!({ "type": "m.room.message", "content": {} })), None);
    }
}
