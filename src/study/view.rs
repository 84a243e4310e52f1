//! Study mode's replies as [`Answer`]s, so every renderer (plain text,
//! Markdown, HTML, the terminal) shows them without knowing about quizzes.
//! A reveal asserts the question's entries and carries its proofs as
//! excerpts, verbatim from the source; players' names are echoed through
//! [`echo`].

use super::play::{Board, QuizError, Stats, Tally};
use super::question::{Proof, Question};
use super::round::{Phase, Round};
use super::round::{DEFAULT_COUNT, MAX_COUNT};
use super::topic::TopicError;
use crate::ask::answer::{Answer, Excerpt, Outcome, Part};
use crate::facts::FactBase;
use crate::store::study::{Standing, StoredAnswer};
use crate::text::echo::echo;

/// The intent every study reply carries.
pub const INTENT: &str = "quiz";

/// Question `index` of a round, with its options as `A. …` lines.
pub fn question(round: &Round, index: usize) -> Answer {
    let Some(asked) = round.questions.get(index) else {
        return Answer::new(INTENT, Outcome::Error, "That question is not in this round.");
    };
    let mut answer = Answer::new(INTENT, Outcome::Notice, format!("Question {} of {}: {}", index + 1, round.questions.len(), asked.prompt));
    if let Some(passage) = &asked.passage {
        answer = answer.text(format!("“{passage}”"));
    }
    answer = answer.text(options_text(asked));
    let how = if round.question_secs > 0 {
        format!("Answer with {} ({} s).", letters(asked), round.question_secs)
    } else {
        format!("Answer with {}, or /quiz stop.", letters(asked))
    };
    answer.text(how)
}

/// `A. 1947` lines.
pub fn options_text(asked: &Question) -> String {
    asked.options.iter().enumerate().map(|(i, option)| format!("{}. {option}", Question::letter(i))).collect::<Vec<_>>().join("\n")
}

fn letters(asked: &Question) -> String {
    let all: Vec<String> = (0..asked.options.len()).map(|i| Question::letter(i).to_string()).collect();
    match all.as_slice() {
        [one, two] => format!("{one} or {two}"),
        [first @ .., last] => format!("{}–{last}", first.first().map(String::as_str).unwrap_or("")),
        [] => String::new(),
    }
}

/// The answer to question `index`, its proof and who got it right.
pub fn reveal(base: &FactBase, round: &Round, index: usize, answers: &[StoredAnswer]) -> Answer {
    let Some(asked) = round.questions.get(index) else {
        return Answer::new(INTENT, Outcome::Error, "That question is not in this round.");
    };
    let mut answer = Answer::new(INTENT, Outcome::Facts, format!("Answer {} of {}: {}", index + 1, round.questions.len(), asked.answer_text()));
    let excerpts: Vec<usize> = asked.proofs.iter().map(|proof| add_proof(&mut answer, proof)).collect();
    answer.parts.push(Part { heading: None, text: asked.explanation.clone(), excerpts });
    // An entry removed by a reload since the round began is still proved by
    // its stored quotes; only the entries the base still has are listed.
    for entry in asked.entries.iter().filter_map(|id| base.get(id)) {
        answer.assert_entry(entry);
    }
    let here: Vec<&StoredAnswer> = answers.iter().filter(|a| a.question == index).collect();
    answer.text(who_answered(&here))
}

fn add_proof(answer: &mut Answer, proof: &Proof) -> usize {
    let excerpt = Excerpt {
        source: proof.source.clone(),
        title: proof.title.clone(),
        section: proof.section.clone(),
        quote: proof.quote.clone(),
        url: proof.url.clone(),
        lang: proof.lang.clone(),
        license: proof.license.clone(),
    };
    // The same sentence from two sources (an article and its lead) is shown once.
    if let Some(index) = answer.excerpts.iter().position(|e| e.quote == excerpt.quote) {
        return index;
    }
    answer.excerpts.push(excerpt);
    answer.excerpts.len() - 1
}

fn who_answered(answers: &[&StoredAnswer]) -> String {
    if answers.is_empty() {
        return "Nobody answered.".into();
    }
    let names = |right: bool| -> Vec<String> {
        answers.iter().filter(|a| a.correct == right).map(|a| format!("{} ({})", echo(&a.name), Question::letter(a.choice))).collect()
    };
    let (right, wrong) = (names(true), names(false));
    let list = |names: &[String]| if names.is_empty() { "nobody".to_string() } else { names.join(", ") };
    format!("Right: {}. Wrong: {}.", list(&right), list(&wrong))
}

/// The reveal shown in place of the question (a front end that edits the
/// question's message): the question and its options, the right one marked,
/// then the answer with its proof and who answered what.
pub fn reveal_in_place(base: &FactBase, round: &Round, index: usize, answers: &[StoredAnswer]) -> Answer {
    let mut answer = reveal(base, round, index, answers);
    if let Some(asked) = round.questions.get(index) {
        let mut lines = vec![asked.prompt.clone()];
        if let Some(passage) = &asked.passage {
            lines.push(format!("“{passage}”"));
        }
        lines.extend(asked.options.iter().enumerate().map(|(i, option)| {
            let mark = if i == asked.correct { "  ✔" } else { "" };
            format!("{}. {option}{mark}", Question::letter(i))
        }));
        answer.parts.insert(0, Part { heading: None, text: lines.join("\n"), excerpts: Vec::new() });
    }
    answer
}

/// A question whose round was stopped before its answer was shown.
pub fn closed_question(round: &Round, index: usize) -> Answer {
    let mut answer = question(round, index);
    answer.parts.pop();
    answer.text("The round was stopped.")
}

/// A round begun in a channel or room: what it is about and how to play.
pub fn started(base: &FactBase, round: &Round, prefix: &str) -> Answer {
    let what = if round.personal { "Your personal round".to_string() } else { format!("A quiz on {}", round.topic.label(base)) };
    let count = round.questions.len();
    let questions = if count == 1 { "1 question".to_string() } else { format!("{count} questions") };
    let timing = if round.question_secs > 0 { format!(", {} s each", round.question_secs) } else { String::new() };
    let who = if round.personal {
        "Missed entries come back in later rounds.".to_string()
    } else {
        format!("Started by {}. Everyone here may answer; each person's first answer counts.", echo(&round.starter.name))
    };
    Answer::new(INTENT, Outcome::Notice, format!("{what}: {questions}{timing}")).text(format!(
        "{who} Each answer is shown with the quote that proves it. `{prefix}quiz stop` ends the round ({} or a moderator).",
        if round.personal { "you".to_string() } else { echo(&round.starter.name) }
    ))
}

/// The end of a round: each player's score.
pub fn results(base: &FactBase, round: &Round, answers: &[StoredAnswer]) -> Answer {
    let stopped = round.phase == Phase::Stopped;
    let played = match round.phase {
        Phase::Stopped => answers.iter().map(|a| a.question + 1).max().unwrap_or(0),
        _ => round.questions.len(),
    };
    let what = if round.personal { "Your round".to_string() } else { format!("The round on {}", round.topic.label(base)) };
    let headline = if stopped { format!("{what} was stopped after {played} of {} questions.", round.questions.len()) } else { format!("{what} is over.") };
    let mut scores: Vec<(String, u64, u64)> = Vec::new();
    for answer in answers {
        match scores.iter_mut().find(|(name, _, _)| *name == answer.player) {
            Some(score) => {
                score.1 += u64::from(answer.correct);
                score.2 += 1;
            }
            None => scores.push((answer.player.clone(), u64::from(answer.correct), 1)),
        }
    }
    scores.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
    let name_of = |player: &str| answers.iter().rev().find(|a| a.player == player).map(|a| echo(&a.name)).unwrap_or_default();
    let lines: Vec<String> = scores.iter().enumerate().map(|(i, (player, right, _))| format!("{}. {} — {right} of {played}", i + 1, name_of(player))).collect();
    let body = if lines.is_empty() { "Nobody answered.".to_string() } else { lines.join("\n") };
    let mut answer = Answer::new(INTENT, Outcome::Notice, headline).text(body);
    if round.personal {
        answer = answer.text("Missed entries come back in your next `/quiz me`; `/quiz stats` lists what to reread.");
    }
    answer
}

/// A leaderboard.
pub fn leaderboard(standings: &[Standing], board: Board, place: &str) -> Answer {
    let when = match board {
        Board::Week => "this week",
        Board::AllTime => "all time",
    };
    let headline = format!("Quiz leaderboard, {when} ({})", echo(place));
    if standings.is_empty() {
        return Answer::new(INTENT, Outcome::Notice, headline).text("No answers yet. Start a round with `/quiz [topic] [count]`.");
    }
    let lines: Vec<String> = standings
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {} — {} right of {} ({}%)", i + 1, echo(&s.name), s.points, s.answered, percent(s.points, s.answered)))
        .collect();
    Answer::new(INTENT, Outcome::Notice, headline).text(lines.join("\n"))
}

/// `/quiz stats`.
pub fn stats(stats: &Stats) -> Answer {
    if stats.answered == 0 {
        return Answer::new(INTENT, Outcome::Notice, "You have not answered any quiz question yet.").text("Try `/quiz` or `/quiz me`.");
    }
    let headline = format!("Your quiz statistics: {} right of {} ({}%)", stats.right, stats.answered, percent(stats.right, stats.answered));
    let table = |tallies: &[Tally]| {
        tallies.iter().map(|t| format!("{} — {} of {} ({}%)", t.label, t.right, t.answered, percent(t.right, t.answered))).collect::<Vec<_>>().join("\n")
    };
    let mut answer = Answer::new(INTENT, Outcome::Notice, headline);
    answer.parts.push(Part { heading: Some("By period".into()), text: table(&stats.by_period), excerpts: Vec::new() });
    answer.parts.push(Part { heading: Some("By tag".into()), text: table(&stats.by_tag), excerpts: Vec::new() });
    if stats.reread.is_empty() {
        answer = answer.text("Nothing to reread: every entry you missed you have since answered right.");
    } else {
        answer = answer.text("Worth rereading:");
        answer.suggestions = stats.reread.clone();
    }
    answer
}

fn percent(right: u64, of: u64) -> u64 {
    if of == 0 {
        0
    } else {
        (right * 100 + of / 2) / of
    }
}

/// `quiz help`: the grammar, with commands written with `prefix` (`/`, `!`).
pub fn help(prefix: &str) -> Answer {
    Answer::new(INTENT, Outcome::Help, "Study mode: quizzes from the fact base").text(format!(
        "`{prefix}quiz [topic] [count]` — a round of questions (default {DEFAULT_COUNT}, at most {MAX_COUNT}); the topic is a tag (`cold-war`), a period, years (`1941-1948`) or a kind (`treaties`).\n\
         Answer with A–D. Each answer is shown with the quote that proves it.\n\
         `{prefix}quiz me [count]` — a personal round from what you missed and what you have not seen yet.\n\
         `{prefix}quiz stop` — stop the round.  `{prefix}quiz leaderboard [week|all]` — the scores.  `{prefix}quiz stats` — your accuracy and what to reread."
    ))
}

/// Why a quiz request was refused, for the person who made it; commands
/// are written with `prefix`. A store failure is logged, not shown.
pub fn refusal(base: &FactBase, error: &QuizError, prefix: &str) -> Answer {
    match error {
        QuizError::Busy(round) => Answer::new(INTENT, Outcome::Error, "A round is already being played here.").text(format!(
            "Answer its open question, or wait for it to end; {} or a moderator can stop it with `{prefix}quiz stop`.",
            echo(&round.starter.name)
        )),
        QuizError::Topic(TopicError::Unknown { text, suggestions }) => {
            let tags = super::topic::all_tags(base).join(", ");
            Answer::new(INTENT, Outcome::Error, format!("There is no quiz topic `{text}`."))
                .text(format!(
                    "A topic is a tag ({tags}), a period (`{prefix}period` lists them), a year range (`1941-1948`) or a kind (events, treaties, people)."
                ))
                .suggest(suggestions.iter().map(|s| format!("{prefix}quiz {s}")).collect())
        }
        QuizError::NoRound => {
            Answer::new(INTENT, Outcome::Error, "No round is being played here.").text(format!("Start one with `{prefix}quiz [topic] [count]`."))
        }
        QuizError::Store(error) => {
            tracing::error!(%error, "the store failed during a quiz");
            Answer::new(INTENT, Outcome::Error, "The quiz could not be saved.").text("See histbot's log.")
        }
        other => Answer::new(INTENT, Outcome::Error, sentence(&other.to_string())),
    }
}

/// "the round is over" → "The round is over."
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}
