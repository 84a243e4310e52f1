//! Snapshot tests of every renderer over the mini fact base. The snapshots
//! live in `tests/snapshots/`; run with `UPDATE_SNAPSHOTS=1` to rewrite them
//! after an intended change, and review the diff.

mod support;

use std::sync::Arc;

use histbot::ask::{render, Answer, Engine, Intents};
use histbot::facts::FactBase;

/// (snapshot name, locale, typed line)
const CASES: &[(&str, &str, &str)] = &[
    ("when", "en", "/when belgrade-declaration"),
    ("when-ar", "ar", "/when belgrade-declaration"),
    ("who", "en", "/who tito"),
    ("treaty", "en", "/treaty belgrade declaration"),
    ("year", "en", "/year 1972"),
    ("compare", "en", "/compare 1948 1972"),
    ("compare-empty-year", "en", "/compare 1950 1972"),
    ("compare-entries", "en", "/compare tito-stalin-split belgrade-declaration"),
    ("compare-periods", "en", "/compare split-years improvement"),
    ("period", "en", "/period 1950"),
    ("source", "en", "/source tito-stalin-split"),
    ("not-found", "en", "who built the Eiffel Tower?"),
    ("source-person", "en", "/source tito"),
    ("help", "en", "/help"),
    ("markup-in-question", "en", "/when <b>@everyone</b> *now*"),
];

fn engine() -> Engine {
    let base = FactBase::load(support::mini_facts()).expect("mini base loads");
    Engine::new(Arc::new(base), Intents::builtin())
}

fn renderings(answer: &Answer) -> [(&'static str, String); 4] {
    [
        ("txt", render::plain(answer)),
        ("md", render::markdown(answer)),
        ("html", render::html(answer)),
        ("json", serde_json::to_string_pretty(&render::json(answer)).expect("json")),
    ]
}

#[test]
fn renderers_match_their_snapshots() {
    let engine = engine();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for (name, locale, line) in CASES {
        let answer = engine.ask(line, locale);
        for (extension, rendered) in renderings(&answer) {
            let path = support::manifest_dir().join("tests/snapshots").join(format!("{name}.{extension}"));
            if update {
                std::fs::write(&path, format!("{rendered}\n")).expect("write snapshot");
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected.trim_end() != rendered.trim_end() {
                mismatches.push(format!("{}:\n--- expected\n{}\n--- got\n{}", path.display(), expected.trim_end(), rendered));
            }
        }
    }
    assert!(mismatches.is_empty(), "snapshots differ (UPDATE_SNAPSHOTS=1 to accept):\n{}", mismatches.join("\n\n"));
}

#[test]
fn nothing_from_the_asker_reaches_markup_unescaped() {
    let engine = engine();
    let answer = engine.ask("/when <b>@everyone</b> *now*", "en");
    let html = render::html(&answer);
    assert!(!html.contains("<b>@everyone"), "{html}");
    assert!(html.contains("&lt;b&gt;"), "{html}");
    let markdown = render::markdown(&answer);
    assert!(!markdown.contains("@everyone"), "a mention would ping: {markdown}");
    assert!(markdown.contains("\\*now\\*"), "{markdown}");
}

/// The Discord embeds of every compare shape and of `/period`, over the mini
/// base: within every limit, and as the snapshots (`<name>.discord.json`).
#[cfg(feature = "discord")]
#[test]
fn discord_embeds_match_their_snapshots() {
    use histbot::discord::embed::{limit_problems, message, Render, Rerun};
    let engine = engine();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for name in ["compare", "compare-empty-year", "compare-entries", "compare-periods", "period", "year"] {
        let (_, locale, line) = CASES.iter().find(|(n, _, _)| *n == name).expect("a renderer case");
        let answer = engine.ask(line, locale);
        let data = message(&answer, &Render { rerun: Some(Rerun::Line(line.to_string())), view: 0, allow_ephemeral: true });
        assert_eq!(limit_problems(&data), Vec::<String>::new(), "{line}");
        let rendered = serde_json::to_string_pretty(&data).expect("json");
        let path = support::manifest_dir().join("tests/snapshots").join(format!("{name}.discord.json"));
        if update {
            std::fs::write(&path, format!("{rendered}\n")).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected.trim_end() != rendered.trim_end() {
            mismatches.push(format!("{}:\n--- expected\n{}\n--- got\n{}", path.display(), expected.trim_end(), rendered));
        }
    }
    assert!(mismatches.is_empty(), "snapshots differ (UPDATE_SNAPSHOTS=1 to accept):\n{}", mismatches.join("\n\n"));
}
