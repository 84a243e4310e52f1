//! The `quiz` command's grammar, the same for every front end: a typed
//! line (`/quiz cold-war 5`, `!quiz leaderboard all`) and Discord's options
//! (`topic`, `count`) both become one [`QuizCommand`].

use super::play::{Board, QuizError};
use super::round::{DEFAULT_COUNT, MAX_COUNT};
use crate::ask::parse::{parse_line, Line};
use crate::ask::Invocation;
use crate::text::echo::echo;

/// What a `quiz` invocation asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizCommand {
    /// `quiz [topic] [count]`: a round for everyone in the place.
    Start { topic: String, count: usize },
    /// `quiz me [count]`: a personal round from the asker's boxes.
    Personal { count: usize },
    /// `quiz stop`.
    Stop,
    /// `quiz leaderboard [week|all]`.
    Leaderboard(Board),
    /// `quiz stats`.
    Stats,
    /// `quiz help`.
    Help,
}

/// Read a `quiz` invocation: its `topic` and `count` arguments (Discord),
/// else the typed text after the command.
pub fn parse(invocation: &Invocation) -> Result<QuizCommand, QuizError> {
    let text = match invocation.get("topic") {
        Some(topic) => topic.trim().to_string(),
        None => invocation.rest.trim().to_string(),
    };
    let count = invocation.get("count").map(|c| count_of(c.trim()).ok_or_else(|| bad_count(c))).transpose()?;
    let (first, rest) = text.split_once(char::is_whitespace).map_or((text.as_str(), ""), |(a, b)| (a, b.trim()));
    match first.to_lowercase().as_str() {
        "stop" => Ok(QuizCommand::Stop),
        "me" => Ok(QuizCommand::Personal { count: count.map_or_else(|| count_only(rest), Ok)? }),
        "leaderboard" | "top" | "scores" => board(rest).map(QuizCommand::Leaderboard),
        "stats" => Ok(QuizCommand::Stats),
        "help" => Ok(QuizCommand::Help),
        _ => {
            let (topic, typed_count) = topic_and_count(&text);
            Ok(QuizCommand::Start { topic: topic.to_string(), count: count.unwrap_or(typed_count) })
        }
    }
}

/// The text after the command of a typed `quiz` line (`/quiz …`, `!quiz
/// …`, or `quiz …` where the command grammar reads a bare command), or
/// `None` for any other line. `prefixes` are the characters that introduce
/// a command on the front end (`/` for the console, `!` for Matrix).
pub fn arguments(line: &str, prefixes: &[char]) -> Option<String> {
    match parse_line(line, prefixes) {
        Line::Command(invocation) if invocation.command == "quiz" => Some(invocation.rest),
        _ => None,
    }
}

/// Read the typed text after `quiz` (`cold-war 5`, `leaderboard all`).
pub fn parse_typed(args: &str) -> Result<QuizCommand, QuizError> {
    let mut invocation = Invocation::new("quiz");
    invocation.rest = args.to_string();
    parse(&invocation)
}

/// `cold-war 5` → (`cold-war`, 5); a last word from 1 to [`MAX_COUNT`] is the
/// count (`1948` alone is a year, not a count).
pub fn topic_and_count(args: &str) -> (&str, usize) {
    let args = args.trim();
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

/// What a count must be, in a refusal.
const COUNT_EXPECTED: &str = "a number of questions from 1 to 20";

fn bad_count(text: &str) -> QuizError {
    QuizError::Argument { text: echo(text), expected: COUNT_EXPECTED }
}

fn count_only(args: &str) -> Result<usize, QuizError> {
    if args.is_empty() {
        return Ok(DEFAULT_COUNT);
    }
    count_of(args).ok_or_else(|| bad_count(args))
}

fn board(args: &str) -> Result<Board, QuizError> {
    match args.to_lowercase().as_str() {
        "" | "week" | "this-week" => Ok(Board::Week),
        "all" | "all-time" | "alltime" | "ever" => Ok(Board::AllTime),
        _ => Err(QuizError::Argument { text: echo(args), expected: "a leaderboard: `week` or `all`" }),
    }
}

/// What the `topic` argument offers before any topic: the actions, and the
/// leaderboard's two boards.
pub const ACTION_CHOICES: &[&str] = &["stop", "me", "leaderboard week", "leaderboard all", "stats"];

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(rest: &str) -> Option<QuizCommand> {
        parse_typed(rest).ok()
    }

    #[test]
    fn quiz_lines_and_their_arguments() {
        assert_eq!(arguments("/quiz cold-war 5", &['/']).as_deref(), Some("cold-war 5"));
        assert_eq!(arguments("!QUIZ", &['!']).as_deref(), Some(""));
        assert_eq!(arguments("quiz me 2", &['!']).as_deref(), Some("me 2"));
        assert_eq!(arguments("!quizzes", &['!']), None);
        assert_eq!(arguments("!when tito", &['!']), None);
        assert_eq!(arguments("what was the quiz about?", &['/']), None);
    }

    fn options(invocation: Invocation) -> Option<QuizCommand> {
        parse(&invocation).ok()
    }

    #[test]
    fn typed_lines() {
        assert_eq!(typed("cold-war 5"), Some(QuizCommand::Start { topic: "cold-war".into(), count: 5 }));
        assert_eq!(typed(""), Some(QuizCommand::Start { topic: "".into(), count: DEFAULT_COUNT }));
        assert_eq!(typed("3"), Some(QuizCommand::Start { topic: "".into(), count: 3 }));
        assert_eq!(typed("1948"), Some(QuizCommand::Start { topic: "1948".into(), count: DEFAULT_COUNT }));
        assert_eq!(typed("interwar period 3"), Some(QuizCommand::Start { topic: "interwar period".into(), count: 3 }));
        assert_eq!(typed("stop"), Some(QuizCommand::Stop));
        assert_eq!(typed("me"), Some(QuizCommand::Personal { count: DEFAULT_COUNT }));
        assert_eq!(typed("me 7"), Some(QuizCommand::Personal { count: 7 }));
        assert!(typed("me soon").is_none());
        assert_eq!(typed("leaderboard"), Some(QuizCommand::Leaderboard(Board::Week)));
        assert_eq!(typed("Leaderboard all"), Some(QuizCommand::Leaderboard(Board::AllTime)));
        assert!(typed("leaderboard yesterday").is_none());
        assert_eq!(typed("stats"), Some(QuizCommand::Stats));
    }

    #[test]
    fn discord_options() {
        let options_given = Invocation::new("quiz").arg("topic", "cold-war").arg("count", "3");
        assert_eq!(options(options_given), Some(QuizCommand::Start { topic: "cold-war".into(), count: 3 }));
        assert_eq!(options(Invocation::new("quiz").arg("count", "2")), Some(QuizCommand::Start { topic: "".into(), count: 2 }));
        assert_eq!(options(Invocation::new("quiz").arg("topic", "me").arg("count", "4")), Some(QuizCommand::Personal { count: 4 }));
        assert_eq!(options(Invocation::new("quiz").arg("topic", "leaderboard all")), Some(QuizCommand::Leaderboard(Board::AllTime)));
        assert!(options(Invocation::new("quiz").arg("count", "99")).is_none());
        // Every action the autocomplete offers is read as that action.
        for choice in ACTION_CHOICES {
            assert!(!matches!(options(Invocation::new("quiz").arg("topic", *choice)), Some(QuizCommand::Start { .. }) | None), "{choice}");
        }
    }

    #[test]
    fn the_table_and_the_grammar_agree() {
        assert_eq!(MAX_COUNT as i64, crate::ask::commands::QUIZ_COUNT_MAX);
        assert!(COUNT_EXPECTED.ends_with(&format!("to {MAX_COUNT}")));
        for action in crate::ask::commands::QUIZ_ACTIONS {
            assert!(ACTION_CHOICES.iter().any(|c| c.starts_with(action)), "{action}");
        }
    }
}
