//! Speed-work tool: asks the seven questions of the `ask` bench N times
//! (argument, default 200) on the shipped base, for a profiler.

use std::path::Path;
use std::sync::Arc;

use histbot::ask::{render, Engine, Intents};
use histbot::facts::FactBase;

/// The bench's seven shipped-base questions (benches/ask.rs).
const LINES: [&str; 7] = [
    "/when belgrade-declaration",
    "when did Tito get the Order of Lenin?",
    "who was Khruschev?",
    "/who Хрущёв",
    "/year 1948",
    "/compare 1956 1968",
    "What is the capital of Peru?",
];

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = FactBase::load(&root.join("facts")).map_err(|d| anyhow::anyhow!("facts: {:?}", d.first()))?;
    let engine = Engine::new(Arc::new(base), Intents::builtin());
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let only: Option<usize> = std::env::args().nth(2).and_then(|a| a.parse().ok());
    // One round first, outside what is measured: the lazily loaded word lists.
    let warm = round(&engine, only);
    println!("{}", warm + measured(&engine, rounds, only));
    Ok(())
}

/// `rounds` rounds of the questions (only the `only`th when given); profile
/// this function (`--toggle-collect=ask_loop::measured`).
#[inline(never)]
fn measured(engine: &Engine, rounds: usize, only: Option<usize>) -> usize {
    (0..rounds).map(|_| round(engine, only)).sum()
}

/// One round: each question asked and rendered once; the rendered length.
#[inline(never)]
fn round(engine: &Engine, only: Option<usize>) -> usize {
    let asked = LINES.iter().enumerate().filter(|(i, _)| only.is_none_or(|o| o == *i));
    asked.map(|(_, line)| render::plain(&engine.ask(std::hint::black_box(line), "en")).len()).sum()
}
