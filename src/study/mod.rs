//! Study mode: quizzes generated from the checked fact base.
//!
//! - [`question`]: question generation (year, who, which came first,
//!   period, missing word), each question with the quotes that prove it.
//! - [`topic`]: what a round is about (a period, a tag, years, a kind).
//! - [`round`]: a round as plain data and a state machine driven by a
//!   clock the caller passes in; round composition.
//! - [`command`]: the `quiz` command's grammar, shared by the front ends.
//! - [`leitner`]: spaced repetition (Leitner boxes per person and entry).
//! - [`play`]: rounds against the store ([`crate::store::study`]): start,
//!   answer, move on, stop, resume after a restart, personal rounds,
//!   leaderboards, statistics.
//! - [`daily`]: the daily fact: its local time across DST, the choice
//!   (an anniversary, else the fact posted least recently), the claim in
//!   the store that keeps a restart from posting twice or skipping.
//! - [`view`]: every study reply as an [`crate::ask::Answer`].
//! - [`rng`]: the deterministic generator behind every random choice.
//!
//! Core only: no platform types, no clock, no global state.

pub mod command;
pub mod daily;
pub mod leitner;
pub mod play;
pub mod question;
pub mod rng;
pub mod round;
pub mod topic;
pub mod view;

pub use command::QuizCommand;
pub use play::{Board, Quiz, QuizError};
pub use question::{all_questions, Question, QuestionKind};
pub use round::{Place, Player, Round};
pub use topic::Topic;
