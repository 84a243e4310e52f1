//! A quiz round as plain data and a state machine. The front ends and the
//! store drive it; it knows no platform and reads no clock (every
//! transition is given `now`, in Unix seconds).
//!
//! ```text
//!   start ──► Asking(0) ──(time up / reveal)──► Revealed(0) ──(next)──► Asking(1) … ──► Finished
//!                 │                                                                   ▲
//!                 └────────────── stop (the starter or a moderator) ──► Stopped ──────┘ (ended)
//! ```
//!
//! Every transition increments [`Round::step`], which the store uses as a
//! compare-and-set guard: two replicas (or a timer and a click) cannot both
//! move the same round on, and an answer is only recorded for the step it
//! was given in.

use serde::{Deserialize, Serialize};

use super::question::Question;
use super::rng::Rng;
use super::topic::Topic;
use crate::facts::FactBase;

/// The default number of questions in a round.
pub const DEFAULT_COUNT: usize = 5;
/// The most questions a round may have.
pub const MAX_COUNT: usize = crate::ask::commands::QUIZ_COUNT_MAX as usize;
/// The default time a question is open, in seconds.
pub const DEFAULT_QUESTION_SECS: u64 = 20;
/// How long a reveal stays before the next question, in seconds.
pub const REVEAL_PAUSE_SECS: u64 = 5;

/// Someone who plays: a platform-qualified id (`discord:123`,
/// `matrix:@ana:example.org`, `console`) and a name to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Player {
    pub id: String,
    pub name: String,
}

/// Where a round is played.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// `discord`, `matrix`, `console`.
    pub platform: String,
    /// The channel or room: one round at a time per place (`discord:<channel>`).
    pub key: String,
    /// The server or room leaderboards are kept for (`discord:<guild>`,
    /// `matrix:<room>`); `None` for a direct message, whose scores count
    /// for no leaderboard.
    pub scope: Option<String>,
}

/// Where a round is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "phase")]
pub enum Phase {
    /// Question `question` is open until `closes_at`.
    Asking { question: usize, closes_at: u64 },
    /// Question `question`'s answer was shown at `at`.
    Revealed { question: usize, at: u64 },
    /// Every question was played.
    Finished,
    /// Stopped before the end (by the starter, a moderator, or a restart
    /// that found it abandoned).
    Stopped,
}

impl Phase {
    pub fn is_over(self) -> bool {
        matches!(self, Phase::Finished | Phase::Stopped)
    }
}

/// One round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// The store's id (0 before it is stored).
    pub id: u64,
    pub place: Place,
    pub starter: Player,
    pub topic: Topic,
    /// A personal round (`/quiz me`): built from the starter's boxes.
    pub personal: bool,
    pub questions: Vec<Question>,
    /// How long each question is open (seconds); 0: until answered (the console).
    pub question_secs: u64,
    pub phase: Phase,
    /// Incremented by every transition.
    pub step: u64,
    pub started: u64,
    /// The message that shows the current question, where a front end
    /// edits it (a Discord message id).
    pub message: Option<String>,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("the round is over")]
    Over,
    #[error("no question is open")]
    NotAsking,
    #[error("the time for this question is up")]
    TimeUp,
    #[error("there is no option {0}")]
    NoSuchOption(usize),
    #[error("only the person who started the round or a moderator can stop it")]
    NotAllowed,
}

/// What moving a round on did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Question `n`'s answer is shown.
    Revealed(usize),
    /// Question `n` is asked.
    Asked(usize),
    Finished,
}

impl Round {
    /// A new round asking its first question at `now`.
    pub fn new(place: Place, starter: Player, topic: Topic, personal: bool, questions: Vec<Question>, question_secs: u64, now: u64) -> Round {
        Round {
            id: 0,
            place,
            starter,
            topic,
            personal,
            questions,
            question_secs,
            phase: Phase::Asking { question: 0, closes_at: closes(now, question_secs) },
            step: 0,
            started: now,
            message: None,
        }
    }

    /// The question being asked or revealed.
    pub fn current(&self) -> Option<(usize, &Question)> {
        match self.phase {
            Phase::Asking { question, .. } | Phase::Revealed { question, .. } => self.questions.get(question).map(|q| (question, q)),
            _ => None,
        }
    }

    /// Whether `choice` may be given now; the open question's index and
    /// whether the choice is right.
    pub fn check_answer(&self, choice: usize, now: u64) -> Result<(usize, bool), RoundError> {
        let Phase::Asking { question, closes_at } = self.phase else {
            return Err(if self.phase.is_over() { RoundError::Over } else { RoundError::NotAsking });
        };
        if self.question_secs > 0 && now >= closes_at {
            return Err(RoundError::TimeUp);
        }
        let asked = self.questions.get(question).ok_or(RoundError::NotAsking)?;
        if choice >= asked.options.len() {
            return Err(RoundError::NoSuchOption(choice));
        }
        Ok((question, choice == asked.correct))
    }

    /// Show the open question's answer.
    pub fn reveal(&mut self, now: u64) -> Result<Moved, RoundError> {
        match self.phase {
            Phase::Asking { question, .. } => {
                self.set(Phase::Revealed { question, at: now });
                Ok(Moved::Revealed(question))
            }
            phase if phase.is_over() => Err(RoundError::Over),
            _ => Err(RoundError::NotAsking),
        }
    }

    /// After a reveal: the next question, or the end.
    pub fn next(&mut self, now: u64) -> Result<Moved, RoundError> {
        match self.phase {
            Phase::Revealed { question, .. } if question + 1 < self.questions.len() => {
                self.set(Phase::Asking { question: question + 1, closes_at: closes(now, self.question_secs) });
                Ok(Moved::Asked(question + 1))
            }
            Phase::Revealed { .. } => {
                self.set(Phase::Finished);
                Ok(Moved::Finished)
            }
            phase if phase.is_over() => Err(RoundError::Over),
            _ => Err(RoundError::NotAsking),
        }
    }

    /// What the clock says should happen now, if anything: a question whose
    /// time is up is revealed; a reveal shown for [`REVEAL_PAUSE_SECS`] is
    /// followed by the next question (or the end).
    pub fn tick(&mut self, now: u64) -> Option<Moved> {
        match self.phase {
            Phase::Asking { closes_at, .. } if self.question_secs > 0 && now >= closes_at => self.reveal(now).ok(),
            Phase::Revealed { at, .. } if self.question_secs > 0 && now >= at + REVEAL_PAUSE_SECS => self.next(now).ok(),
            _ => None,
        }
    }

    /// When [`Round::tick`] will next have something to do.
    pub fn wakes_at(&self) -> Option<u64> {
        if self.question_secs == 0 {
            return None;
        }
        match self.phase {
            Phase::Asking { closes_at, .. } => Some(closes_at),
            Phase::Revealed { at, .. } => Some(at + REVEAL_PAUSE_SECS),
            _ => None,
        }
    }

    /// Stop the round: allowed to the starter and to moderators.
    pub fn stop(&mut self, by: &Player, moderator: bool) -> Result<(), RoundError> {
        if self.phase.is_over() {
            return Err(RoundError::Over);
        }
        if by.id != self.starter.id && !moderator {
            return Err(RoundError::NotAllowed);
        }
        self.set(Phase::Stopped);
        Ok(())
    }

    fn set(&mut self, phase: Phase) {
        self.phase = phase;
        self.step += 1;
    }
}

fn closes(now: u64, secs: u64) -> u64 {
    if secs == 0 {
        u64::MAX
    } else {
        now.saturating_add(secs)
    }
}

/// Choose `count` questions about `topic`: no entry twice, the kinds taken
/// in turn so a round mixes them, deterministic for a seed.
pub fn compose(base: &FactBase, all: &[Question], topic: &Topic, count: usize, seed: u64) -> Vec<Question> {
    let mut rng = Rng::new(seed);
    let mut by_kind: Vec<Vec<&Question>> =
        super::question::QuestionKind::ALL.iter().map(|kind| all.iter().filter(|q| q.kind == *kind && topic.includes_question(base, q)).collect()).collect();
    for group in &mut by_kind {
        rng.shuffle(group);
    }
    rng.shuffle(&mut by_kind);
    let mut chosen: Vec<Question> = Vec::new();
    let mut used_entries: Vec<&str> = Vec::new();
    while chosen.len() < count && by_kind.iter().any(|g| !g.is_empty()) {
        for group in &mut by_kind {
            if chosen.len() == count {
                break;
            }
            while let Some(question) = group.pop() {
                if question.entries.iter().any(|e| used_entries.contains(&e.as_str())) {
                    continue;
                }
                used_entries.extend(question.entries.iter().map(String::as_str));
                chosen.push(question.clone());
                break;
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::question::{Proof, QuestionKind};

    fn question(correct: usize) -> Question {
        Question {
            kind: QuestionKind::Year,
            entry: "e".into(),
            entries: vec!["e".into()],
            prompt: "In what year?".into(),
            passage: None,
            options: vec!["1947".into(), "1948".into(), "1949".into()],
            correct,
            explanation: "1948".into(),
            proofs: Vec::<Proof>::new(),
        }
    }

    fn round(secs: u64) -> Round {
        let place = Place { platform: "console".into(), key: "console".into(), scope: None };
        let ana = Player { id: "t:ana".into(), name: "Ana".into() };
        Round::new(place, ana, Topic::All, false, vec![question(1), question(0)], secs, 100)
    }

    #[test]
    fn a_round_asks_reveals_and_finishes_by_the_clock() {
        let mut r = round(20);
        assert_eq!(r.check_answer(1, 119), Ok((0, true)));
        assert_eq!(r.check_answer(0, 105), Ok((0, false)));
        assert_eq!(r.check_answer(3, 105), Err(RoundError::NoSuchOption(3)));
        assert_eq!(r.tick(119), None);
        assert_eq!(r.check_answer(1, 120), Err(RoundError::TimeUp));
        assert_eq!(r.tick(120), Some(Moved::Revealed(0)));
        assert_eq!(r.check_answer(1, 121), Err(RoundError::NotAsking));
        assert_eq!(r.wakes_at(), Some(125));
        assert_eq!(r.tick(125), Some(Moved::Asked(1)));
        assert_eq!(r.phase, Phase::Asking { question: 1, closes_at: 145 });
        assert_eq!(r.tick(145), Some(Moved::Revealed(1)));
        assert_eq!(r.tick(150), Some(Moved::Finished));
        assert_eq!(r.step, 4);
        assert_eq!(r.check_answer(0, 151), Err(RoundError::Over));
        assert_eq!(r.tick(1000), None);
    }

    #[test]
    fn an_untimed_round_waits_for_its_player() {
        let mut r = round(0);
        assert_eq!(r.tick(u64::MAX - 1), None);
        assert_eq!(r.check_answer(1, 10_000_000), Ok((0, true)));
        assert_eq!(r.reveal(10), Ok(Moved::Revealed(0)));
        assert_eq!(r.next(11), Ok(Moved::Asked(1)));
    }

    #[test]
    fn only_the_starter_or_a_moderator_stops_a_round() {
        let mut r = round(20);
        let bob = Player { id: "t:bob".into(), name: "Bob".into() };
        assert_eq!(r.stop(&bob, false), Err(RoundError::NotAllowed));
        assert_eq!(r.stop(&bob, true), Ok(()));
        assert_eq!(r.phase, Phase::Stopped);
        assert_eq!(r.stop(&r.starter.clone(), false), Err(RoundError::Over));
    }
}
