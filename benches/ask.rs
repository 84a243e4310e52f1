//! Speed: a whole `ask` (parse, match, render) on the shipped base and on
//! generated bases of 10,000 and 100,000 entries, and loading plus checking
//! each base. Run with `cargo bench --no-default-features --bench ask`;
//! the figures are reported in the README.
//!
//! Generated bases are real fact directories written to a temp folder: one
//! source text of made-up sentences in many sections, and one event file per
//! sentence quoting it, so the loader and checker do their full work.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use histbot::ask::{render, Engine, Intents};
use histbot::facts::{check_dir, FactBase};

/// Sentences per section of the generated source.
const PER_SECTION: usize = 50;

/// A small deterministic generator (no dependency on a rand crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[(self.next() as usize) % items.len()]
    }
}

/// Made-up words from syllables, so names do not collide with real ones.
fn words(count: usize, seed: u64) -> Vec<String> {
    const SYLLABLES: &[&str] = &["ka", "ro", "vi", "nes", "tor", "bel", "mi", "gra", "dus", "le", "van", "or", "sko", "pri", "zet", "lu"];
    let mut rng = Lcg(seed);
    (0..count)
        .map(|i| {
            let mut word = String::new();
            for _ in 0..2 + rng.next() % 2 {
                word.push_str(SYLLABLES[(rng.next() as usize) % SYLLABLES.len()]);
            }
            format!("{word}{}", i % 7)
        })
        .collect()
}

/// Write a fact directory of `n` events (and n/20 people) and return the
/// titles of a few entries to ask about.
fn generate(dir: &Path, n: usize) -> Vec<String> {
    let (nouns, places, verbs) = (words(4000, 1), words(1500, 2), words(300, 3));
    let mut rng = Lcg(42);
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::create_dir_all(dir.join("events")).unwrap();
    std::fs::create_dir_all(dir.join("people")).unwrap();
    let mut text = String::from("= Synthetic history =\n\nGenerated for benchmarks.\n");
    let sections = n.div_ceil(PER_SECTION);
    let mut titles = Vec::new();
    for i in 0..n {
        if i % PER_SECTION == 0 {
            let _ = write!(text, "\n== Part {} ==\n\n", i / PER_SECTION + 1);
        }
        let year = 1800 + (rng.next() % 220) as i32;
        let (noun, place, verb, other) = (rng.pick(&nouns), rng.pick(&places), rng.pick(&verbs), rng.pick(&nouns));
        let sentence = format!("In {year} the {noun} of {place} {verb} the {other}.");
        let _ = writeln!(text, "{sentence}");
        let title = format!("{noun} of {place}");
        let kind_dir = if i % 20 == 0 { "people" } else { "events" };
        let id = format!("entry-{i}");
        let body = if kind_dir == "people" {
            format!("id = \"{id}\"\ntitle = \"{title}\"\nsummary = \"{sentence}\"\n")
        } else {
            format!("id = \"{id}\"\ntitle = \"{title}\"\naliases = [\"{verb} {other}\"]\ndate = \"{year}\"\nsummary = \"{sentence}\"\n")
        };
        let file = format!("{body}\n[[source]]\nsource = \"synthetic\"\nsection = \"Part {}\"\nquote = \"{sentence}\"\n", i / PER_SECTION + 1);
        std::fs::write(dir.join(kind_dir).join(format!("{id}.toml")), file).unwrap();
        if i % (n / 4).max(1) == 1 {
            titles.push(title);
        }
    }
    let section_list: Vec<String> = std::iter::once("\"Lead\"".to_string()).chain((1..=sections).map(|s| format!("\"Part {s}\""))).collect();
    std::fs::write(dir.join("sources/synthetic.txt"), text).unwrap();
    std::fs::write(
        dir.join("sources.toml"),
        format!(
            "[[source]]\nid = \"synthetic\"\ntitle = \"Synthetic\"\nlang = \"en\"\nurl = \"https://example.org\"\nlicense = \"CC BY-SA 4.0\"\nsections = [{}]\n",
            section_list.join(", ")
        ),
    )
    .unwrap();
    titles
}

fn engine(dir: &Path) -> Engine {
    let base = FactBase::load(dir).unwrap_or_else(|d| panic!("generated base must check clean: {:?}", d.first()));
    Engine::new(Arc::new(base), Intents::builtin())
}

/// One whole ask: parse, match, answer, render to text.
fn ask(engine: &Engine, line: &str) -> usize {
    render::plain(&engine.ask(line, "en")).len()
}

fn shipped(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("facts");
    let engine = engine(&dir);
    let mut group = c.benchmark_group("ask/shipped");
    for (name, line) in [
        ("command", "/when belgrade-declaration"),
        ("free-text", "when did Tito get the Order of Lenin?"),
        ("typo", "who was Khruschev?"),
        ("cyrillic", "/who Хрущёв"),
        ("year", "/year 1948"),
        ("compare", "/compare 1956 1968"),
        ("off-domain", "What is the capital of Peru?"),
    ] {
        group.bench_function(name, |b| b.iter(|| ask(&engine, black_box(line))));
    }
    group.finish();
    worst_case(c, &engine);
    let mut group = c.benchmark_group("load-and-check");
    group.sample_size(20);
    group.bench_function("shipped", |b| b.iter(|| check_dir(black_box(dir.clone())).base.is_some()));
    group.finish();
}

/// Inputs built to cost the most: one 60,000-character word (a whole
/// Matrix message), the same as a command's argument, and the longest
/// question histbot reads made of the longest words it corrects for typos,
/// and of "and"s (each a possible seam between two questions).
fn worst_case(c: &mut Criterion, engine: &Engine) {
    let long_word = "w".repeat(60_000);
    let long_typos = (0..16).map(|i| format!("belgradedeclarationx{i:0>10}")).collect::<Vec<_>>().join(" ");
    let many_ands = std::iter::repeat("tito and stalin").take(24).collect::<Vec<_>>().join(" and ");
    let mut group = c.benchmark_group("ask/worst-case");
    group.sample_size(20);
    for (name, line) in [
        ("60k-word", long_word.clone()),
        ("60k-argument", format!("/when {long_word}")),
        ("500-chars-of-long-words", long_typos),
        ("500-chars-of-ands", many_ands),
    ] {
        group.bench_function(name, |b| b.iter(|| ask(engine, black_box(&line))));
    }
    group.finish();
}

fn generated(c: &mut Criterion) {
    for n in [10_000usize, 100_000] {
        let temp = tempfile::tempdir().unwrap();
        let titles = generate(temp.path(), n);
        let engine = engine(temp.path());
        let mut group = c.benchmark_group(format!("ask/{n}"));
        let typo: String = titles[0].chars().enumerate().filter(|(i, _)| *i != 2).map(|(_, c)| c).collect();
        for (name, line) in [
            ("command", format!("/when {}", titles[1])),
            ("free-text", format!("when did the {} happen?", titles[2])),
            ("typo", format!("/when {typo}")),
            ("year", "/year 1900".to_string()),
            ("off-domain", "What is the capital of Peru?".to_string()),
        ] {
            group.bench_with_input(BenchmarkId::from_parameter(name), &line, |b, line| b.iter(|| ask(&engine, black_box(line))));
        }
        group.finish();
        let mut group = c.benchmark_group("load-and-check");
        group.sample_size(10).measurement_time(Duration::from_secs(if n > 10_000 { 60 } else { 15 }));
        group.bench_function(format!("{n}"), |b| b.iter(|| check_dir(black_box(temp.path().to_path_buf())).base.is_some()));
        group.finish();
    }
}

criterion_group!(benches, shipped, generated);
criterion_main!(benches);
