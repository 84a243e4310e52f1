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
    let answer = engine.ask(&args.text.join(" "), &args.locale);
    if args.json {
        println!("{}", serde_json::to_string(&render::json(&answer))?);
    } else {
        println!("{}", render::plain(&answer));
    }
    Ok(ExitCode::SUCCESS)
}
