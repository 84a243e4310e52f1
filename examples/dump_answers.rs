//! Speed-work tool: asks every question of `tests/questions/*.toml` (with its
//! locale) on the shipped base and prints each whole `Answer` in Debug form,
//! so a change meant to be behaviour-free can be diffed against a baseline.
//!
//! `cargo run --no-default-features --release --example dump_answers > out.txt`

use std::path::Path;
use std::sync::Arc;

use histbot::ask::{render, Engine, Intents};
use histbot::facts::FactBase;

/// One question of a set: its text and locale (default "en").
#[derive(serde::Deserialize)]
struct Question {
    text: String,
    #[serde(default)]
    locale: Option<String>,
}

/// A question set file: its `[[q]]` tables.
#[derive(serde::Deserialize)]
struct QuestionSet {
    q: Vec<Question>,
}

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = FactBase::load(&root.join("facts")).map_err(|d| anyhow::anyhow!("facts: {:?}", d.first()))?;
    let engine = Engine::new(Arc::new(base), Intents::load(&root.join("config/intents.toml")).map_err(|d| anyhow::anyhow!("intents: {:?}", d.first()))?);
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/questions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for file in files {
        let set: QuestionSet = toml::from_str(&std::fs::read_to_string(&file)?)?;
        for q in set.q {
            let locale = q.locale.as_deref().unwrap_or("en");
            let answer = engine.ask(&q.text, locale);
            println!("## {} [{locale}] {}\n{answer:#?}\n{}", file.display(), q.text, render::plain(&answer));
        }
    }
    Ok(())
}
