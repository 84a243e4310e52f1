//! `histbot ask [--json] [--locale L] TEXT...`: one question, one reply.

use std::path::PathBuf;
use std::process::ExitCode;

use histbot::ask::render;

use super::load_engine;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print exactly one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// The asker's locale (`ar` shows Arabic excerpts where they exist).
    #[arg(long, default_value = "en")]
    pub locale: String,
    /// Also print the best-scoring entries and their scores to stderr.
    #[arg(long)]
    pub explain: bool,
    /// The fact directory.
    #[arg(long, default_value = "facts")]
    pub facts: PathBuf,
    /// The intent rules.
    #[arg(long, default_value = "config/intents.toml")]
    pub intents: PathBuf,
    /// The question: `/when belgrade-declaration` or free text.
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let engine = match load_engine(&args.facts, &args.intents) {
        Ok(engine) => engine,
        Err(code) => return Ok(code),
    };
    let text = args.text.join(" ");
    if args.explain {
        let explanation = engine.explain(&text);
        let question = &explanation.question;
        let boundaries = match (question.asks_start, question.asks_end) {
            (true, true) => " (its start and end)",
            (true, false) => " (its start)",
            (false, true) => " (its end)",
            (false, false) => "",
        };
        eprintln!("question: language {:?}, asks {:?}{}{boundaries}, terms {:?}, years {:?}{}{}", question.language, question.asks,
            question.attribute.map(|a| format!(" ({a:?})")).unwrap_or_default(), question.query.keys, question.query.years,
            if question.counted.is_empty() { String::new() } else { format!(", counts {:?}", question.counted) },
            if question.counts_persons { ", counts people" } else { "" });
        let reading: Vec<&str> = [(question.asks_words, "words said"), (question.asks_contents, "contents"), (question.asks_signed, "what was signed"), (question.asks_signer, "the signer")]
            .iter()
            .filter(|(set, _)| *set)
            .map(|(_, name)| *name)
            .collect();
        if !reading.is_empty() {
            eprintln!("asks for: {}", reading.join(", "));
        }
        if !question.event_words.is_empty() {
            eprintln!("events: {:?}", question.event_words.iter().filter_map(|forms| forms.first()).collect::<Vec<_>>());
        }
        if question.answer_kind.is_some() || question.head.is_some() {
            eprintln!("answer: kind {:?}, head {:?}", question.answer_kind, question.head);
        }
        eprintln!("candidates:");
        for (id, score, name_hit) in &explanation.candidates {
            eprintln!("  {score:6.3} {}{id}", if *name_hit { "(name) " } else { "" });
        }
        for check in &explanation.checks {
            eprintln!("checks of {}: gaps {:?}, uncovered {:.2}, can state {}", check.entry, check.gaps, check.uncovered_share, check.can_state);
            for quote in &check.quotes {
                eprintln!("  quote {}: relevance {:.2}, states {}, speaks of all {}, years bound {}", quote.position, quote.relevance, quote.states, quote.speaks_of_all, quote.years_bound);
            }
        }
        eprintln!("decision: {}", serde_json::to_string(&explanation.decision)?);
    }
    let answer = engine.ask(&text, &args.locale);
    if args.json {
        super::print_line(&serde_json::to_string(&render::json(&answer))?);
    } else {
        super::print_line(&render::plain(&answer));
    }
    Ok(ExitCode::SUCCESS)
}
