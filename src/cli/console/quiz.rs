//! `/quiz` in the console: study mode for one person at a terminal.
//!
//! - `/quiz [topic] [count]`: a round (default 5 questions) on a period, a
//!   tag, a year range or a kind of entry; each question waits for a typed
//!   answer (`a`–`d`, or `1`–`4`), then its answer is shown with the quote
//!   that proves it, then the next question; the results at the end.
//! - `/quiz me [count]`: a personal round from what you missed and what you
//!   have not seen (spaced repetition).
//! - `/quiz stop`, `/quiz leaderboard [week|all]`, `/quiz stats`.
//!
//! The round lives in the store (as on Discord and Matrix), so a console
//! stopped in the middle of a round finds it open again on its next start.
//! Questions are not timed here: the terminal waits for the answer.

use histbot::ask::answer::{Answer, Outcome};
use histbot::service::Service;
use histbot::study::command::{self, QuizCommand};
use histbot::study::question::parse_choice;
use histbot::study::round::Moved;
use histbot::study::{view, Place, Player, Quiz, QuizError, Round};

/// The console's one player.
fn player() -> Player {
    Player { id: "console".into(), name: "you".into() }
}

/// The console's place; its leaderboard is the console's own.
fn place(personal: bool) -> Place {
    Place { platform: "console".into(), key: "console".into(), scope: (!personal).then(|| "console".into()) }
}

/// The arguments of a `quiz` line (`/quiz …`, `!quiz …`, or `quiz …` as
/// the command grammar reads it), or `None` for any other line.
pub(super) fn arguments(line: &str) -> Option<String> {
    command::arguments(line, &['/', '!'])
}

/// Close rounds left open too long by an earlier run (see `Quiz::resume`).
pub(super) fn resume(service: &Service) {
    let engine = service.engine();
    if let Err(error) = Quiz::new(service.store().as_ref(), engine.base()).resume(histbot::store::unix_now()) {
        tracing::warn!(%error, "could not look at the open quiz rounds");
    }
}

/// The replies to `/quiz …` (the text after `/quiz`), read by the grammar
/// every front end shares.
pub(super) fn command(service: &Service, args: &str) -> Vec<Answer> {
    let engine = service.engine();
    let quiz = Quiz::new(service.store().as_ref(), engine.base());
    let now = histbot::store::unix_now();
    let result = command::parse_typed(args).and_then(|request| match request {
        QuizCommand::Stop => {
            quiz.stop("console", &player(), true, now).and_then(|round| Ok(vec![view::results(engine.base(), &round, &quiz.answers(&round)?)]))
        }
        QuizCommand::Personal { count } => quiz.start_personal(&place(true), &player(), count, 0, seed(), now).map(|round| vec![view::question(&round, 0)]),
        QuizCommand::Leaderboard(board) => Ok(vec![view::leaderboard(&quiz.leaderboard("console", board, now)?, board, "the console")]),
        QuizCommand::Stats => quiz.stats("console").map(|stats| vec![view::stats(&stats)]),
        QuizCommand::Help => Ok(vec![view::help("/")]),
        QuizCommand::Start { topic, count } => quiz.start(&place(false), &player(), &topic, count, 0, seed(), now).map(|round| vec![view::question(&round, 0)]),
    });
    result.unwrap_or_else(|error| vec![refusal(&quiz, error)])
}

/// A typed answer to the open question, if `line` is one and a round is open.
pub(super) fn answer(service: &Service, line: &str) -> Option<Vec<Answer>> {
    let choice = parse_choice(line, 4)?;
    let engine = service.engine();
    let quiz = Quiz::new(service.store().as_ref(), engine.base());
    let mut round = quiz.active("console").ok()??;
    let now = histbot::store::unix_now();
    let (_, asked) = round.current()?;
    if choice >= asked.options.len() {
        return Some(vec![Answer::new(
            view::INTENT,
            Outcome::Error,
            format!("There is no option {}.", histbot::text::echo::echo(&line.trim().to_uppercase())),
        )
        .text(view::options_text(asked))]);
    }
    Some(play(&quiz, &mut round, choice, now).unwrap_or_else(|error| vec![refusal(&quiz, error)]))
}

/// Record the answer, reveal it, and ask the next question (or give the results).
fn play(quiz: &Quiz, round: &mut Round, choice: usize, now: u64) -> Result<Vec<Answer>, QuizError> {
    let ack = quiz.answer_round(round.clone(), None, &player(), choice, now)?;
    quiz.reveal(round, now)?;
    let mut replies = vec![view::reveal(quiz.base, round, ack.question, &quiz.answers(round)?)];
    match quiz.next(round, now)? {
        Some(Moved::Asked(n)) => replies.push(view::question(round, n)),
        Some(_) => replies.push(view::results(quiz.base, round, &quiz.answers(round)?)),
        None => {}
    }
    Ok(replies)
}

/// A refusal; a busy console shows its open question again.
fn refusal(quiz: &Quiz, error: QuizError) -> Answer {
    match error {
        QuizError::Busy(round) => {
            let mut shown =
                vec![Answer::new(view::INTENT, Outcome::Error, "A round is already being played.").text("Answer its question, or type `/quiz stop`.")];
            if let Some((n, _)) = round.current() {
                shown.push(view::question(&round, n));
            }
            merge(shown)
        }
        other => view::refusal(quiz.base, &other, "/"),
    }
}

/// Two replies shown as one (a refusal and the question it is about).
fn merge(mut answers: Vec<Answer>) -> Answer {
    let mut first = answers.remove(0);
    for answer in answers {
        first = first.text(answer.headline);
        first.parts.extend(answer.parts);
    }
    first
}

/// A seed for a new round.
fn seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_lines_and_their_arguments() {
        assert_eq!(arguments("/quiz cold-war 5").as_deref(), Some("cold-war 5"));
        assert_eq!(arguments("!quiz").as_deref(), Some(""));
        assert_eq!(arguments("quiz me").as_deref(), Some("me"));
        assert_eq!(arguments("/quizzes"), None);
        assert_eq!(arguments("what was the quiz about?"), None);
    }
}
