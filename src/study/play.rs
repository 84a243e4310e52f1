//! Playing rounds against the store: start, answer, move on by the clock,
//! stop, resume after a restart, personal rounds, leaderboards and stats.
//!
//! [`Quiz`] is a view over a store and one fact base; it holds no state of
//! its own, so any process sharing the store (Discord's HTTP replicas) can
//! take the next click. Time is always passed in (`now`, Unix seconds).

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex};

use super::leitner::{review_order, Card, DAY};
use super::question::{all_questions, Question};
use super::rng::Rng;
use super::round::{compose, Moved, Phase, Place, Player, Round, RoundError, MAX_COUNT};
use super::topic::{Topic, TopicError};
use crate::facts::{FactBase, Kind};
use crate::store::study::{Begun, NewAnswer, Recorded, Standing, StoredAnswer};
use crate::store::{Store, StoreError};

/// A round whose last move is older than this when histbot starts is closed.
pub const ABANDONED_AFTER_SECS: u64 = 15 * 60;
/// How many lines a leaderboard shows.
pub const LEADERBOARD_LINES: u64 = 10;
/// How many entries `/quiz stats` suggests rereading.
pub const REREAD_SHOWN: usize = 5;

/// The seed of the question pool: a question's distractors stay the same
/// from round to round (each round's seed chooses which questions it asks).
pub const POOL_SEED: u64 = 1;

/// Every question a base allows, generated once per base version.
pub fn question_pool(base: &FactBase) -> Arc<Vec<Question>> {
    static POOL: Mutex<Option<(String, Arc<Vec<Question>>)>> = Mutex::new(None);
    let mut cached = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, pool)) = cached.as_ref().filter(|(version, _)| version == base.version()) {
        return pool.clone();
    }
    let pool = Arc::new(all_questions(base, POOL_SEED));
    *cached = Some((base.version().to_string(), pool.clone()));
    pool
}

/// Why a quiz request failed.
#[derive(Debug, thiserror::Error)]
pub enum QuizError {
    #[error(transparent)]
    Topic(#[from] TopicError),
    #[error("`{text}` is not {expected}")]
    Argument { text: String, expected: &'static str },
    #[error("the fact base has no questions about {0}")]
    NoQuestions(String),
    #[error("a round is already being played here")]
    Busy(Box<Round>),
    #[error("no round is being played here")]
    NoRound,
    #[error(transparent)]
    Round(#[from] RoundError),
    #[error("the store: {0}")]
    Store(#[from] StoreError),
}

/// What answering came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    /// The question answered (index in the round).
    pub question: usize,
    /// The choice that counts: the one just given, or the earlier one.
    pub choice: usize,
    /// `false` when this person had already answered (the first answer stands).
    pub first: bool,
    /// The round as it was when the answer was recorded.
    pub round: Round,
}

/// What [`Quiz::resume_platform`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resumed {
    /// Open rounds to drive on.
    pub kept: Vec<Round>,
    /// Rounds left idle too long, closed (as stopped) by this call.
    pub closed: Vec<Closed>,
}

/// A round closed at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed {
    pub round: Round,
    /// The question that was open (its message still shows its options).
    pub open: Option<usize>,
}

/// Which leaderboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Board {
    /// Since Monday 00:00 UTC.
    Week,
    AllTime,
}

/// Right answers out of all, for a group (a period, a tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub label: String,
    pub right: u64,
    pub answered: u64,
}

/// A person's study statistics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub answered: u64,
    pub right: u64,
    pub by_period: Vec<Tally>,
    pub by_tag: Vec<Tally>,
    /// Entries to reread (missed and not yet answered right since), as
    /// command suggestions (`Tito–Stalin split (1948): /when tito-stalin-split`).
    pub reread: Vec<String>,
}

/// Study mode over a store and a fact base.
pub struct Quiz<'a> {
    pub store: &'a dyn Store,
    pub base: &'a FactBase,
}

impl<'a> Quiz<'a> {
    pub fn new(store: &'a dyn Store, base: &'a FactBase) -> Quiz<'a> {
        Quiz { store, base }
    }

    /// Start a round of `count` questions about `topic` in `place`.
    #[allow(clippy::too_many_arguments)]
    pub fn start(&self, place: &Place, starter: &Player, topic: &str, count: usize, question_secs: u64, seed: u64, now: u64) -> Result<Round, QuizError> {
        let topic = Topic::parse(self.base, topic)?;
        let all = question_pool(self.base);
        let questions = compose(self.base, &all, &topic, count.clamp(1, MAX_COUNT), seed);
        if questions.is_empty() {
            return Err(QuizError::NoQuestions(topic.label(self.base)));
        }
        self.begin(Round::new(place.clone(), starter.clone(), topic, false, questions, question_secs, now))
    }

    /// Start a personal round (`/quiz me`): the player's due entries, then
    /// entries they have not seen, then those due soonest.
    pub fn start_personal(&self, place: &Place, player: &Player, count: usize, question_secs: u64, seed: u64, now: u64) -> Result<Round, QuizError> {
        let all = question_pool(self.base);
        let cards = self.store.cards(&player.id)?;
        let questions = personal_questions(&all, &cards, count.clamp(1, MAX_COUNT), seed, now);
        if questions.is_empty() {
            return Err(QuizError::NoQuestions("the whole fact base".into()));
        }
        self.begin(Round::new(place.clone(), player.clone(), Topic::All, true, questions, question_secs, now))
    }

    fn begin(&self, round: Round) -> Result<Round, QuizError> {
        match self.store.begin_round(&round)? {
            Begun::Started(round) => Ok(*round),
            Begun::Busy(round) => Err(QuizError::Busy(round)),
        }
    }

    /// The open round of a place.
    pub fn active(&self, place_key: &str) -> Result<Option<Round>, QuizError> {
        Ok(self.store.active_round(place_key)?)
    }

    /// A player's answer to the open question of the round in `place_key`.
    pub fn answer(&self, place_key: &str, player: &Player, choice: usize, now: u64) -> Result<Ack, QuizError> {
        let round = self.store.active_round(place_key)?.ok_or(QuizError::NoRound)?;
        self.answer_round(round, None, player, choice, now)
    }

    /// A player's answer to question `question` (when the front end knows
    /// which one was clicked) of `round`.
    pub fn answer_round(&self, round: Round, question: Option<usize>, player: &Player, choice: usize, now: u64) -> Result<Ack, QuizError> {
        let (open, correct) = round.check_answer(choice, now)?;
        if question.is_some_and(|q| q != open) {
            return Err(QuizError::Round(RoundError::NotAsking));
        }
        let asked = round.questions.get(open).ok_or(QuizError::Round(RoundError::NotAsking))?;
        let new = new_answer(&round, open, player, choice, correct, &asked.entry, now);
        match self.store.record_answer(&new)? {
            Recorded::Recorded => {
                self.file_card(&player.id, &asked.entry, correct, now)?;
                Ok(Ack { question: open, choice, first: true, round })
            }
            Recorded::Already { choice } => Ok(Ack { question: open, choice, first: false, round }),
            Recorded::Closed => Err(QuizError::Round(RoundError::NotAsking)),
        }
    }

    /// A player's answer to the open question of `round` where the last
    /// answer counts (a Matrix poll, whose voters may change their vote
    /// until it closes). `first` is false when it replaced an earlier one;
    /// the Leitner card is filed for the first answer only.
    pub fn revise(&self, round: Round, player: &Player, choice: usize, now: u64) -> Result<Ack, QuizError> {
        let (open, correct) = round.check_answer(choice, now)?;
        let asked = round.questions.get(open).ok_or(QuizError::Round(RoundError::NotAsking))?;
        let new = new_answer(&round, open, player, choice, correct, &asked.entry, now);
        match self.store.revise_answer(&new)? {
            Recorded::Recorded => {
                self.file_card(&player.id, &asked.entry, correct, now)?;
                Ok(Ack { question: open, choice, first: true, round })
            }
            Recorded::Already { .. } => Ok(Ack { question: open, choice, first: false, round }),
            Recorded::Closed => Err(QuizError::Round(RoundError::NotAsking)),
        }
    }

    fn file_card(&self, player: &str, entry: &str, correct: bool, now: u64) -> Result<(), StoreError> {
        let existing = self.store.cards(player)?.into_iter().find(|c| c.entry == entry);
        let card = match existing {
            Some(card) => card.answered(correct, now),
            None => Card::first(entry, correct, now),
        };
        self.store.put_card(player, &card)
    }

    /// Move a round on if its clock says so; the move, if this process made
    /// it (another that moved it first wins, and this returns `None`).
    pub fn tick(&self, round: &mut Round, now: u64) -> Result<Option<Moved>, QuizError> {
        let from = round.step;
        let Some(moved) = round.tick(now) else { return Ok(None) };
        self.commit(round, from, now, moved)
    }

    /// Reveal the open question now (an untimed round whose player
    /// answered, or everyone answered).
    pub fn reveal(&self, round: &mut Round, now: u64) -> Result<Option<Moved>, QuizError> {
        let from = round.step;
        let moved = round.reveal(now)?;
        self.commit(round, from, now, moved)
    }

    /// After a reveal: ask the next question now (or finish).
    pub fn next(&self, round: &mut Round, now: u64) -> Result<Option<Moved>, QuizError> {
        let from = round.step;
        let moved = round.next(now)?;
        self.commit(round, from, now, moved)
    }

    /// Remember which message shows the round's current question.
    pub fn set_message(&self, round: &mut Round, message: &str, now: u64) -> Result<bool, QuizError> {
        round.message = Some(message.to_string());
        Ok(self.store.save_round(round, round.step, now)?)
    }

    fn commit(&self, round: &mut Round, from: u64, now: u64, moved: Moved) -> Result<Option<Moved>, QuizError> {
        if self.store.save_round(round, from, now)? {
            return Ok(Some(moved));
        }
        if let Some(fresh) = self.store.quiz_round(round.id)? {
            *round = fresh;
        }
        Ok(None)
    }

    /// Stop the round in `place_key` (its starter or a moderator).
    pub fn stop(&self, place_key: &str, by: &Player, moderator: bool, now: u64) -> Result<Round, QuizError> {
        let mut round = self.store.active_round(place_key)?.ok_or(QuizError::NoRound)?;
        let from = round.step;
        round.stop(by, moderator)?;
        if self.store.save_round(&round, from, now)? {
            Ok(round)
        } else {
            Err(QuizError::NoRound)
        }
    }

    /// At start: every open round, each either kept (to be shown again
    /// and driven on by its place's front end) or, when nothing happened in
    /// it for [`ABANDONED_AFTER_SECS`], closed as stopped.
    pub fn resume(&self, now: u64) -> Result<Vec<Round>, QuizError> {
        Ok(self.resume_where(now, |_| true)?.kept)
    }

    /// [`Quiz::resume`] for one platform's rounds only (`discord`,
    /// `matrix`), so one front end never closes another's rounds without
    /// the notice that front end would post; also what was closed, and by
    /// this process (another replica that closed a round first keeps its
    /// notice to itself).
    pub fn resume_platform(&self, platform: &str, now: u64) -> Result<Resumed, QuizError> {
        self.resume_where(now, |round| round.place.platform == platform)
    }

    fn resume_where(&self, now: u64, include: impl Fn(&Round) -> bool) -> Result<Resumed, QuizError> {
        let mut resumed = Resumed::default();
        for mut round in self.store.active_rounds()?.into_iter().filter(|round| include(round)) {
            if now.saturating_sub(last_move(&round)) < ABANDONED_AFTER_SECS {
                resumed.kept.push(round);
                continue;
            }
            let open = match round.phase {
                Phase::Asking { question, .. } => Some(question),
                _ => None,
            };
            let from = round.step;
            round.phase = Phase::Stopped;
            round.step += 1;
            if self.store.save_round(&round, from, now)? {
                resumed.closed.push(Closed { round, open });
            }
        }
        Ok(resumed)
    }

    /// A round's answers.
    pub fn answers(&self, round: &Round) -> Result<Vec<StoredAnswer>, QuizError> {
        Ok(self.store.round_answers(round.id)?)
    }

    /// The leaderboard of a server or room.
    pub fn leaderboard(&self, scope: &str, board: Board, now: u64) -> Result<Vec<Standing>, QuizError> {
        let since = match board {
            Board::Week => week_start(now),
            Board::AllTime => 0,
        };
        Ok(self.store.leaderboard(scope, since, LEADERBOARD_LINES)?)
    }

    /// A person's statistics.
    pub fn stats(&self, player: &str) -> Result<Stats, QuizError> {
        let answers = self.store.player_answers(player)?;
        let cards = self.store.cards(player)?;
        Ok(stats_of(self.base, &answers, &cards))
    }
}

/// When a round last moved (its question opened, or its answer was shown).
fn last_move(round: &Round) -> u64 {
    match round.phase {
        Phase::Asking { closes_at, .. } if round.question_secs > 0 => closes_at.saturating_sub(round.question_secs),
        Phase::Revealed { at, .. } => at,
        // An untimed question records no opening time; the round's start is the bound.
        _ => round.started,
    }
}

/// Monday 00:00 UTC of the week `now` is in.
pub fn week_start(now: u64) -> u64 {
    let day = now / DAY;
    // 1970-01-01 was a Thursday: day 0 is three days after a Monday.
    let since_monday = (day + 3) % 7;
    (day - since_monday.min(day)) * DAY
}

/// The questions of a personal round, one per entry in review order, each
/// of a kind chosen by the seed.
fn personal_questions(all: &[Question], cards: &[Card], count: usize, seed: u64, now: u64) -> Vec<Question> {
    let mut rng = Rng::new(seed);
    let mut by_entry: BTreeMap<&str, Vec<&Question>> = BTreeMap::new();
    for question in all {
        by_entry.entry(question.entry.as_str()).or_default().push(question);
    }
    let seen: HashSet<&str> = cards.iter().map(|c| c.entry.as_str()).collect();
    let mut unseen: Vec<String> = by_entry.keys().filter(|e| !seen.contains(*e)).map(|e| e.to_string()).collect();
    rng.shuffle(&mut unseen);
    let known: Vec<Card> = cards.iter().filter(|c| by_entry.contains_key(c.entry.as_str())).cloned().collect();
    review_order(&known, &unseen, now, count)
        .iter()
        .filter_map(|entry| {
            let choices = by_entry.get(entry.as_str())?;
            choices.get(rng.below(choices.len())).map(|q| (*q).clone())
        })
        .collect()
}

fn stats_of(base: &FactBase, answers: &[StoredAnswer], cards: &[Card]) -> Stats {
    let mut by_period: BTreeMap<(i32, String), (u64, u64)> = BTreeMap::new();
    let mut by_tag: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for answer in answers {
        let Some(entry) = base.get(&answer.entry) else { continue };
        let period = if entry.kind == Kind::Period { Some(entry) } else { base.period_of(entry) };
        let key = match period {
            Some(p) => (p.date.as_ref().map_or(i32::MAX, |d| d.first_year()), p.title.clone()),
            None => (i32::MAX, "no period (people)".to_string()),
        };
        let tally = by_period.entry(key).or_default();
        *tally = (tally.0 + u64::from(answer.correct), tally.1 + 1);
        for tag in &entry.tags {
            let tally = by_tag.entry(tag.clone()).or_default();
            *tally = (tally.0 + u64::from(answer.correct), tally.1 + 1);
        }
    }
    let mut missed: Vec<&Card> = cards.iter().filter(|c| c.level == 1 && c.misses > 0).collect();
    missed.sort_by(|a, b| (b.misses, b.seen, &a.entry).cmp(&(a.misses, a.seen, &b.entry)));
    let reread = missed.iter().filter_map(|c| base.get(&c.entry)).map(crate::ask::engine::suggestion).take(REREAD_SHOWN).collect();
    let tally = |(label, (right, answered)): (String, (u64, u64))| Tally { label, right, answered };
    let mut tags: Vec<Tally> = by_tag.into_iter().map(tally).collect();
    tags.sort_by(|a, b| b.answered.cmp(&a.answered).then_with(|| a.label.cmp(&b.label)));
    Stats {
        answered: answers.len() as u64,
        right: answers.iter().filter(|a| a.correct).count() as u64,
        by_period: by_period.into_iter().map(|((_, label), counts)| tally((label, counts))).collect(),
        by_tag: tags,
        reread,
    }
}

/// What the store records for `player` choosing `choice` on question
/// `question` (about `entry`) of `round` at `now`.
fn new_answer<'a>(round: &'a Round, question: usize, player: &'a Player, choice: usize, correct: bool, entry: &'a str, now: u64) -> NewAnswer<'a> {
    NewAnswer { round: round.id, step: round.step, question, player: &player.id, name: &player.name, choice, correct, entry, scope: round.place.scope.as_deref(), at: now }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-30 is a Monday.
        let monday = 1_795_996_800;
        assert_eq!(week_start(monday), monday);
        assert_eq!(week_start(monday + 6 * DAY + 3600), monday);
        assert_eq!(week_start(monday - 1), monday - 7 * DAY);
    }
}
