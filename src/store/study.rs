//! What study mode remembers: quiz rounds (one open round per channel or
//! room, the whole round as JSON beside the columns the constraints and
//! queries need), every answer (one per person and question; the scores and
//! leaderboards are sums over them), and each person's Leitner cards.
//!
//! A round moves on only by compare-and-set on its `step`
//! ([`StudyStore::save_round`]), and an answer is recorded only while the
//! round is still at the step it was given in, so replicas sharing a
//! PostgreSQL (Discord's HTTP mode) and a restart cannot double-count.

use super::StoreError;
use crate::study::leitner::Card;
use crate::study::round::Round;

/// One answer to record.
#[derive(Debug, Clone)]
pub struct NewAnswer<'a> {
    pub round: u64,
    /// The round's step when the answer was given (it is refused if the round moved on).
    pub step: u64,
    pub question: usize,
    pub player: &'a str,
    pub name: &'a str,
    pub choice: usize,
    pub correct: bool,
    /// The entry the question is about.
    pub entry: &'a str,
    /// The leaderboard it counts for (`None`: none).
    pub scope: Option<&'a str>,
    pub at: u64,
}

/// What recording an answer came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Recorded,
    /// This person already answered this question (their first choice stands).
    Already {
        choice: usize,
    },
    /// The question is no longer open.
    Closed,
}

/// One stored answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub round: u64,
    pub question: usize,
    pub player: String,
    pub name: String,
    pub choice: usize,
    pub correct: bool,
    pub entry: String,
    pub at: u64,
}

/// One line of a leaderboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub player: String,
    pub name: String,
    /// Right answers.
    pub points: u64,
    pub answered: u64,
}

/// What starting a round came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Begun {
    /// Stored, with its id.
    Started(Box<Round>),
    /// A round is already open in this place.
    Busy(Box<Round>),
}

/// One day's daily fact for one target, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyPost {
    /// Where it goes: `discord:<channel id>` or `matrix:<room id>`.
    pub target: String,
    /// The local day it is for, `YYYY-MM-DD`.
    pub day: String,
    pub entry: String,
    /// When a process claimed it (to send it).
    pub claimed: u64,
    /// When it was sent; `None` while it is being sent (or the sender died).
    pub posted: Option<u64>,
}

/// The study half of the store (every [`super::Store`] is one).
pub trait StudyStore {
    /// Store a new round, unless its place already has an open one.
    fn begin_round(&self, round: &Round) -> Result<Begun, StoreError>;
    /// A round by id.
    fn quiz_round(&self, id: u64) -> Result<Option<Round>, StoreError>;
    /// The open round of a place.
    fn active_round(&self, place: &str) -> Result<Option<Round>, StoreError>;
    /// Every open round (to resume or close them at start).
    fn active_rounds(&self) -> Result<Vec<Round>, StoreError>;
    /// Write `round` if it is still at step `from_step` (an ended round is
    /// marked ended at `now`); `false` when someone else moved it first.
    fn save_round(&self, round: &Round, from_step: u64, now: u64) -> Result<bool, StoreError>;
    /// Record one answer (see [`Recorded`]).
    fn record_answer(&self, answer: &NewAnswer) -> Result<Recorded, StoreError>;
    /// Record one answer, or replace this person's earlier answer to the
    /// same question (a Matrix poll: the last response counts) while the
    /// round is still at `answer.step`: `Recorded` for a first answer,
    /// `Already` with the replaced choice, `Closed` when the round moved on.
    fn revise_answer(&self, answer: &NewAnswer) -> Result<Recorded, StoreError>;
    /// A round's answers, by question then time.
    fn round_answers(&self, round: u64) -> Result<Vec<StoredAnswer>, StoreError>;
    /// Every answer a person gave, oldest first.
    fn player_answers(&self, player: &str) -> Result<Vec<StoredAnswer>, StoreError>;
    /// A person's Leitner cards.
    fn cards(&self, player: &str) -> Result<Vec<Card>, StoreError>;
    /// Write one card.
    fn put_card(&self, player: &str, card: &Card) -> Result<(), StoreError>;
    /// The best players of a scope since `since`: most right answers, then
    /// fewest answers, then id.
    fn leaderboard(&self, scope: &str, since: u64, limit: u64) -> Result<Vec<Standing>, StoreError>;
    /// Every target's daily fact for the local day `day` (`YYYY-MM-DD`).
    fn daily_posts_of(&self, day: &str) -> Result<Vec<DailyPost>, StoreError>;
    /// Each entry ever chosen as a daily fact, with the last day it was (any target).
    fn daily_last_days(&self) -> Result<Vec<(String, String)>, StoreError>;
    /// Claim `post` (target, day, entry, `claimed` = now) for sending: a new
    /// row, or one nobody marked sent and claimed before `stale_before` (its
    /// sender died). The entry to send when this
    /// caller holds the claim; `None` when the day is sent or being sent.
    fn claim_daily(&self, post: &DailyPost, stale_before: u64) -> Result<Option<String>, StoreError>;
    /// Mark a claimed daily fact sent.
    fn daily_sent(&self, target: &str, day: &str, at: u64) -> Result<(), StoreError>;
}

/// The SQL both backends share, with SQLite's `?N` parameters.
pub(super) mod sql {
    pub const BEGIN_ROUND: &str = "INSERT INTO quiz_rounds (place, scope, platform, starter, body, step, started) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT (place) WHERE ended IS NULL DO NOTHING RETURNING id";
    pub const ROUND: &str = "SELECT id, body FROM quiz_rounds WHERE id = ?1";
    pub const ACTIVE_ROUND: &str = "SELECT id, body FROM quiz_rounds WHERE place = ?1 AND ended IS NULL";
    pub const ACTIVE_ROUNDS: &str = "SELECT id, body FROM quiz_rounds WHERE ended IS NULL ORDER BY id";
    pub const SAVE_ROUND: &str = "UPDATE quiz_rounds SET body = ?1, step = ?2, ended = ?3 WHERE id = ?4 AND step = ?5 AND ended IS NULL";
    pub const EXISTING_ANSWER: &str = "SELECT choice FROM quiz_answers WHERE round = ?1 AND question = ?2 AND player = ?3";
    pub const ROUND_AT_STEP: &str = "SELECT 1 FROM quiz_rounds WHERE id = ?1 AND step = ?2 AND ended IS NULL";
    pub const UPSERT_ANSWER: &str = "INSERT INTO quiz_answers (round, question, player, name, choice, correct, entry, scope, answered)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (round, question, player)
        DO UPDATE SET name = excluded.name, choice = excluded.choice, correct = excluded.correct, answered = excluded.answered";
    pub const ANSWER_COLUMNS: &str = "round, question, player, name, choice, correct, entry, answered";
    pub const CARDS: &str = "SELECT entry, level, due, seen, misses FROM quiz_cards WHERE player = ?1 ORDER BY entry";
    pub const PUT_CARD: &str = "INSERT INTO quiz_cards (player, entry, level, due, seen, misses) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (player, entry) DO UPDATE SET level = excluded.level, due = excluded.due, seen = excluded.seen, misses = excluded.misses";
    pub const DAILY_OF_DAY: &str = "SELECT target, day, entry, claimed, posted FROM daily_posts WHERE day = ?1 ORDER BY target";
    pub const DAILY_LAST_DAYS: &str = "SELECT entry, MAX(day) FROM daily_posts GROUP BY entry ORDER BY entry";
    pub const CLAIM_DAILY: &str = "INSERT INTO daily_posts (target, day, entry, claimed) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (target, day) DO UPDATE SET claimed = excluded.claimed, entry = excluded.entry
        WHERE daily_posts.posted IS NULL AND daily_posts.claimed < ?5 RETURNING entry";
    pub const DAILY_SENT: &str = "UPDATE daily_posts SET posted = ?3 WHERE target = ?1 AND day = ?2";
    pub const LEADERBOARD: &str = "SELECT player, MAX(name), CAST(SUM(correct) AS BIGINT), COUNT(*) FROM quiz_answers
        WHERE scope = ?1 AND answered >= ?2 GROUP BY player ORDER BY 3 DESC, 4 ASC, player LIMIT ?3";
}

/// A stored round's JSON as a [`Round`] with its id.
pub(super) fn round_from(id: i64, body: &str) -> Result<Round, StoreError> {
    let round: Round = serde_json::from_str(body).map_err(|error| StoreError::Unreadable(format!("quiz round {id}: {error}")))?;
    Ok(Round { id: super::unsigned(id)?, ..round })
}

/// A round as stored (its id lives in its column).
pub(super) fn round_body(round: &Round) -> Result<String, StoreError> {
    serde_json::to_string(&Round { id: 0, ..round.clone() }).map_err(|error| StoreError::Unreadable(error.to_string()))
}

/// When a round ended, for the `ended` column.
pub(super) fn ended_at(round: &Round, now: u64) -> Option<u64> {
    round.phase.is_over().then_some(now)
}
