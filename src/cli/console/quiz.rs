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
use histbot::study::question::parse_choice;
use histbot::study::round::{Moved, DEFAULT_COUNT, MAX_COUNT};
use histbot::study::topic::TopicError;
use histbot::study::{view, Board, Place, Player, Quiz, QuizError, Round};

/// The console's one player.
fn player() -> Player {
    Player { id: "console".into(), name: "you".into() }
}

/// The console's place; its leaderboard is the console's own.
fn place(personal: bool) -> Place {
    Place { platform: "console".into(), key: "console".into(), scope: (!personal).then(|| "console".into()) }
}

/// The arguments of a `/quiz` line (`/quiz`, `!quiz`), or `None` for any other line.
pub(super) fn arguments(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('/').or_else(|| line.strip_prefix('!'))?;
    let rest = rest.strip_prefix("quiz")?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// Close rounds left open too long by an earlier run (see `Quiz::resume`).
pub(super) fn resume(service: &Service) {
    let engine = service.engine();
    if let Err(error) = Quiz::new(service.store().as_ref(), engine.base()).resume(histbot::store::unix_now()) {
        tracing::warn!(%error, "could not look at the open quiz rounds");
    }
}

/// The replies to `/quiz …`.
pub(super) fn command(service: &Service, args: &str) -> Vec<Answer> {
    let engine = service.engine();
    let quiz = Quiz::new(service.store().as_ref(), engine.base());
    let now = histbot::store::unix_now();
    let (first, rest) = args.split_once(char::is_whitespace).map_or((args, ""), |(a, b)| (a, b.trim()));
    let result = match first {
        "stop" => quiz.stop("console", &player(), true, now).and_then(|round| Ok(vec![view::results(engine.base(), &round, &quiz.answers(&round)?)])),
        "me" => {
            count_only(rest).and_then(|count| quiz.start_personal(&place(true), &player(), count, 0, seed(), now)).map(|round| vec![view::question(&round, 0)])
        }
        "leaderboard" | "top" => board(rest).and_then(|board| Ok(vec![view::leaderboard(&quiz.leaderboard("console", board, now)?, board, "the console")])),
        "stats" => quiz.stats("console").map(|stats| vec![view::stats(&stats)]),
        "help" => Ok(vec![help()]),
        _ => {
            let (topic, count) = topic_and_count(args);
            quiz.start(&place(false), &player(), topic, count, 0, seed(), now).map(|round| vec![view::question(&round, 0)])
        }
    };
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
        QuizError::Topic(TopicError::Unknown { text, suggestions }) => {
            let tags = histbot::study::topic::all_tags(quiz.base).join(", ");
            Answer::new(view::INTENT, Outcome::Error, format!("There is no quiz topic `{text}`."))
                .text(format!("A topic is a tag ({tags}), a period (`/period` lists them), a year range (`1941-1948`) or a kind (events, treaties, people)."))
                .suggest(suggestions.iter().map(|s| format!("/quiz {s}")).collect())
        }
        QuizError::NoRound => Answer::new(view::INTENT, Outcome::Error, "No round is being played.").text("Start one with `/quiz [topic] [count]`."),
        QuizError::Store(error) => {
            tracing::error!(%error, "the store failed during a quiz");
            Answer::new(view::INTENT, Outcome::Error, "The quiz could not be saved.").text("See histbot's log.")
        }
        other => Answer::new(view::INTENT, Outcome::Error, sentence(&other.to_string())),
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

fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

fn help() -> Answer {
    Answer::new(view::INTENT, Outcome::Help, "Study mode: quizzes from the fact base").text(format!(
        "`/quiz [topic] [count]` — a round of questions (default {DEFAULT_COUNT}, at most {MAX_COUNT}); the topic is a tag (`cold-war`), a period, years (`1941-1948`) or a kind (`treaties`).\n\
         Answer with a–d. Each answer is shown with the quote that proves it.\n\
         `/quiz me [count]` — a personal round from what you missed and what you have not seen yet.\n\
         `/quiz stop` — stop the round.  `/quiz leaderboard [week|all]` — the scores.  `/quiz stats` — your accuracy and what to reread."
    ))
}

/// `cold-war 5` → (`cold-war`, 5); a last word from 1 to [`MAX_COUNT`] is the count.
fn topic_and_count(args: &str) -> (&str, usize) {
    match args.rsplit_once(char::is_whitespace) {
        Some((topic, last)) => match count_of(last) {
            Some(count) => (topic.trim(), count),
            None => (args, DEFAULT_COUNT),
        },
        None => match count_of(args) {
            Some(count) => ("", count),
            None => (args, DEFAULT_COUNT),
        },
    }
}

fn count_of(word: &str) -> Option<usize> {
    word.parse::<usize>().ok().filter(|n| (1..=MAX_COUNT).contains(n))
}

fn count_only(args: &str) -> Result<usize, QuizError> {
    if args.is_empty() {
        return Ok(DEFAULT_COUNT);
    }
    count_of(args).ok_or_else(|| QuizError::Topic(TopicError::Unknown { text: histbot::text::echo::echo(args), suggestions: vec!["me 5".into()] }))
}

fn board(args: &str) -> Result<Board, QuizError> {
    match args {
        "" | "week" | "this-week" => Ok(Board::Week),
        "all" | "all-time" | "alltime" | "ever" => Ok(Board::AllTime),
        other => Err(QuizError::Topic(TopicError::Unknown {
            text: histbot::text::echo::echo(other),
            suggestions: vec!["leaderboard week".into(), "leaderboard all".into()],
        })),
    }
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
        assert_eq!(arguments("/quiz cold-war 5"), Some("cold-war 5"));
        assert_eq!(arguments("!quiz"), Some(""));
        assert_eq!(arguments("/quizzes"), None);
        assert_eq!(arguments("quiz"), None);
        assert_eq!(topic_and_count("cold-war 5"), ("cold-war", 5));
        assert_eq!(topic_and_count("5"), ("", 5));
        assert_eq!(topic_and_count("1948"), ("1948", DEFAULT_COUNT));
        assert_eq!(topic_and_count("interwar period 3"), ("interwar period", 3));
        assert_eq!(topic_and_count(""), ("", DEFAULT_COUNT));
    }
}
