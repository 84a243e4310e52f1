//! Periods and comparisons over the shipped base: `/period` by name, year
//! and event; `/compare Y Y` (periods, the quotes that speak of both, every
//! entry of both years in pages, never cut); an empty year; two entries side
//! by side; the free-text forms; and the pages as each front end walks them
//! (the console's and Matrix's page syntax, Discord's buttons).

mod support;

use std::sync::Arc;

use histbot::ask::{render, Answer, Engine, Intents, Outcome};
use histbot::facts::{FactBase, Kind};

fn engine() -> Engine {
    let base = FactBase::load(support::shipped_facts()).expect("shipped facts load");
    Engine::new(Arc::new(base), Intents::load(&support::manifest_dir().join("config/intents.toml")).expect("intents"))
}

/// Every excerpt of an answer is verbatim in its source text.
fn assert_verbatim(engine: &Engine, answer: &Answer) {
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for excerpt in &answer.excerpts {
        let source = engine.base().sources().iter().find(|s| s.id == excerpt.source).expect("a known source");
        assert!(collapse(&source.text).contains(&collapse(&excerpt.quote)), "not verbatim: {}", excerpt.quote);
    }
}

/// Every page of a paged answer, following its page command as typed.
fn all_pages(engine: &Engine, line: &str) -> Vec<Answer> {
    let first = engine.ask(line, "en");
    let mut pages = vec![first.clone()];
    if let (Some(page), Some(command)) = (first.page, first.page_command.clone()) {
        assert_eq!(page.number, 1);
        for number in 2..=page.count {
            let next = engine.ask(&format!("{command} {number}"), "en");
            assert_eq!(next.page.map(|p| p.number), Some(number), "{command} {number}");
            pages.push(next);
        }
    }
    pages
}

#[test]
fn periods_are_loaded_and_checked_entries() {
    let engine = engine();
    let base = engine.base();
    assert!(base.periods().len() >= 9, "{} periods", base.periods().len());
    for period in base.periods() {
        assert_eq!(period.kind, Kind::Period);
        assert!(period.date.as_ref().is_some_and(|d| d.points().len() == 2 || d.last_year() == i32::MAX), "{} is a span", period.id);
        assert!(!period.quotes.is_empty());
    }
    // Periods stay out of the indexed entries and the year lists.
    assert!(base.entries().iter().all(|e| e.kind != Kind::Period));
    assert_eq!(base.count(Kind::Period), base.periods().len());
}

#[test]
fn period_by_year_names_the_period_after_the_split() {
    let engine = engine();
    let answer = engine.ask("/period 1950", "en");
    assert_eq!(answer.outcome, Outcome::Facts);
    assert_eq!(answer.facts[0].id, "tito-stalin-split-and-after", "{}", answer.headline);
    assert!(answer.headline.contains("split"), "{}", answer.headline);
    assert!(answer.excerpts.iter().any(|e| e.quote.contains("1948")) && answer.excerpts.iter().any(|e| e.quote.contains("1953")));
    assert!(answer.suggestions.iter().any(|s| s.contains("/when tito-stalin-split")), "{:?}", answer.suggestions);
    assert_verbatim(&engine, &answer);
    // A year two periods meet in belongs to the one that begins in it.
    assert_eq!(engine.ask("/period 1968", "en").facts[0].id, "antagonism-1968-1971");
    assert_eq!(engine.ask("/period 2022", "en").facts[0].id, "russia-and-serbia-since-2000");
}

#[test]
fn period_by_name_by_event_and_unknown() {
    let engine = engine();
    assert_eq!(engine.ask("/period normalization", "en").facts[0].id, "normalization-after-stalin");
    assert_eq!(engine.ask("/period interwar", "en").facts[0].id, "interwar-period");
    assert_eq!(engine.ask("/period Second World War", "en").facts[0].id, "second-world-war");
    let via_event = engine.ask("/period tito-stalin-split", "en");
    assert_eq!(via_event.facts[0].id, "tito-stalin-split-and-after");
    assert!(via_event.to_plain_text().contains("falls in this period"));
    let gap = engine.ask("/period 1650", "en");
    assert_eq!(gap.outcome, Outcome::NotFound);
    assert!(gap.facts.is_empty());
    assert!(
        gap.suggestions.iter().any(|s| s.contains("/period middle-ages")) && gap.suggestions.iter().any(|s| s.contains("/period russian-empire-and-serbia")),
        "{:?}",
        gap.suggestions
    );
    let unknown = engine.ask("/period frobnication", "en");
    assert_eq!(unknown.outcome, Outcome::NotFound);
    let all = engine.ask("/period", "en");
    assert_eq!(all.suggestions.len(), engine.base().periods().len());
}

#[test]
fn year_and_when_name_their_period() {
    let engine = engine();
    let year = engine.ask("/year 1956", "en");
    assert!(year.facts.iter().any(|f| f.id == "normalization-after-stalin"), "{:?}", year.facts);
    let when = engine.ask("/when belgrade-declaration", "en");
    assert_eq!(when.facts[0].id, "belgrade-declaration");
    assert!(when.facts.iter().any(|f| f.id == "normalization-after-stalin"), "{:?}", when.facts);
    assert!(when.to_plain_text().contains("/period normalization-after-stalin"));
    assert_verbatim(&engine, &when);
}

#[test]
fn compare_two_years_opens_with_periods_and_the_bridge_then_every_entry() {
    let engine = engine();
    let pages = all_pages(&engine, "/compare 1956 1968");
    let first = &pages[0];
    assert_eq!(first.intent, "compare");
    let headings: Vec<&str> = first.parts.iter().map(|p| p.heading.as_deref().unwrap_or("")).collect();
    assert!(headings[0].starts_with("1956: Normalization after Stalin"), "{headings:?}");
    assert!(headings[1].starts_with("1968: The new period of antagonism"), "{headings:?}");
    assert!(headings[2].starts_with("What links 1956 and 1968"), "{headings:?}");
    let bridge: Vec<&str> = first.parts[2].excerpts.iter().map(|&i| first.excerpts[i].quote.as_str()).collect();
    assert!(bridge.iter().any(|q| q.starts_with("Contrary to Yugoslav verbal support to Soviet intervention in Hungary in 1956")), "{bridge:?}");
    assert!(pages.len() >= 2, "the two years' entries take more than one page");
    assert_every_entry_once(&engine, &pages, &[1956, 1968]);
    for page in &pages {
        assert_verbatim(&engine, page);
    }
}

/// Every entry `/year` lists for each year appears once, each year's in its
/// order, and every page shows the next entries of both years.
fn assert_every_entry_once(engine: &Engine, pages: &[Answer], years: &[i32]) {
    let mut expected = Vec::new();
    for year in years {
        for page in all_pages(engine, &format!("/year {year}")) {
            expected.extend(page.parts.iter().zip(&page.facts).filter(|(_, f)| f.kind != Kind::Period).map(|(_, f)| format!("{year} {}", f.id)));
        }
    }
    let mut listed = Vec::new();
    for page in pages {
        for part in &page.parts {
            let Some(heading) = &part.heading else { continue };
            let Some((year, _)) = heading.split_once(" · ") else { continue };
            // The entry of an entry part is the fact whose title is in its heading.
            let fact = page.facts.iter().find(|f| heading.contains(&f.title) && f.kind != Kind::Period).expect("an entry part names its fact");
            listed.push(format!("{year} {}", fact.id));
        }
    }
    for year in years {
        let of_year = |list: &[String]| list.iter().filter(|l| l.starts_with(&format!("{year} "))).cloned().collect::<Vec<_>>();
        assert_eq!(of_year(&listed), of_year(&expected), "every entry of {year}, once, in order");
    }
    assert_eq!(listed.len(), expected.len());
}

#[test]
fn compare_1945_2022_loses_no_entry() {
    let engine = engine();
    let pages = all_pages(&engine, "/compare 1945 2022");
    assert!(pages.len() >= 4, "{} pages", pages.len());
    assert_every_entry_once(&engine, &pages, &[1945, 2022]);
    let last = pages.last().expect("pages");
    assert!(!render::plain(last).contains("Next:"));
    assert!(render::plain(&pages[0]).contains(&format!("Page 1 of {}. Next: /compare 1945 2022 2", pages.len())));
}

#[test]
fn a_year_without_entries_names_the_nearest_years() {
    let engine = engine();
    let base = engine.base();
    let empty = (1950..1990).find(|&y| engine.ask(&format!("/year {y}"), "en").outcome == Outcome::NotFound).expect("an empty year");
    let before = (1900..empty).rev().find(|&y| base.starting_between(y, y).next().is_some()).expect("a year before");
    let after = (empty + 1..2030).find(|&y| base.starting_between(y, y).next().is_some()).expect("a year after");
    let answer = engine.ask(&format!("/compare {empty} 1968"), "en");
    let part = answer.parts.iter().find(|p| p.heading.as_deref() == Some(&empty.to_string())).expect("a part for the empty year");
    assert!(part.text.contains(&format!("nearest years with entries: {before} and {after}")), "{}", part.text);
    assert!(answer.suggestions.contains(&format!("/year {before}")), "{:?}", answer.suggestions);
    assert!(answer.facts.iter().any(|f| f.id == "invasion-of-czechoslovakia-1968"));
}

#[test]
fn two_treaties_side_by_side() {
    let engine = engine();
    let answer = engine.ask("/compare treaty-of-friendship-and-non-aggression-1941 treaty-of-friendship-and-cooperation-1945", "en");
    assert_eq!(answer.outcome, Outcome::Facts);
    let comparison = answer.compare.as_ref().expect("a side-by-side comparison");
    assert_eq!(comparison.left.id, "treaty-of-friendship-and-non-aggression-1941");
    assert_eq!(comparison.right.id, "treaty-of-friendship-and-cooperation-1945");
    let labels: Vec<&str> = comparison.rows.iter().map(|r| r.label.as_str()).collect();
    for wanted in ["Date", "Parties", "Signatories or people", "Place", "Period", "What it did"] {
        assert!(labels.contains(&wanted), "{labels:?}");
    }
    let row = |label: &str| comparison.rows.iter().find(|r| r.label == label).expect("row");
    assert_eq!((row("Date").left.text.as_str(), row("Date").right.text.as_str()), ("5 April 1941", "11 April 1945"));
    assert_eq!(row("Place").right.text, "Moscow");
    assert!(row("Period").left.text.starts_with("Second World War"));
    assert!(row("Period").right.text.starts_with("The period of rapprochement"));
    // Every stated cell carries the excerpt it came from, and that excerpt says it.
    for r in &comparison.rows {
        for cell in [&r.left, &r.right] {
            if cell.text.is_empty() {
                continue;
            }
            assert!(!cell.excerpts.is_empty(), "{}: {} has no excerpt", r.label, cell.text);
        }
    }
    let date_quote = &answer.excerpts[row("Date").right.excerpts[0]].quote;
    assert!(date_quote.contains("11 April 1945"), "{date_quote}");
    assert!(answer.to_plain_text().contains("came 4 years before"));
    assert_verbatim(&engine, &answer);
    let json = render::json(&answer);
    assert_eq!(json["compare"]["left"]["id"], "treaty-of-friendship-and-non-aggression-1941");
    assert_eq!(json["compare"]["rows"][0]["label"], "Date");
    assert!(json["compare"]["rows"][0]["left"]["excerpts"].as_array().is_some_and(|e| !e.is_empty()));
    let html = render::html(&answer);
    assert!(html.contains("<table>") && html.contains("<th>Place</th><td>—</td><td>Moscow"), "{html}");
}

#[test]
fn an_event_and_a_period_and_a_year_beside_an_entry() {
    let engine = engine();
    let answer = engine.ask("/compare tito-stalin-split belgrade-declaration", "en");
    let comparison = answer.compare.as_ref().expect("side by side");
    assert_eq!((comparison.left.kind, comparison.right.kind), (Kind::Event, Kind::Treaty));
    let periods = engine.ask("/compare normalization antagonism", "en");
    let comparison = periods.compare.as_ref().expect("two periods side by side");
    assert_eq!((comparison.left.id.as_str(), comparison.right.id.as_str()), ("normalization-after-stalin", "antagonism-1968-1971"));
    assert!(comparison.rows.iter().all(|r| !r.left.excerpts.is_empty()), "{:?}", comparison.rows);
    let year_and_entry = engine.ask("/compare 1950 belgrade-declaration", "en");
    assert_eq!(year_and_entry.compare.as_ref().map(|c| c.left.id.as_str()), Some("tito-stalin-split-and-after"));
}

#[test]
fn free_text_reaches_compare() {
    let engine = engine();
    for question in [
        "how did 1956 differ from 1968",
        "difference between 1956 and 1968",
        "1956 vs 1968",
        "1956 compared to 1968",
        "razlika između 1956 i 1968",
        "разлика између 1956 и 1968",
        "разница между 1956 и 1968",
        "الفرق بين 1956 و1968",
    ] {
        let answer = engine.ask(question, "en");
        assert_eq!(answer.headline, "1956 compared with 1968", "{question}");
    }
    for (question, left, right) in [
        ("Tito–Stalin split compared to the Belgrade Declaration", "tito-stalin-split", "belgrade-declaration"),
        ("difference between the Treaty of Berlin and the Akkerman Convention", "treaty-of-berlin", "akkerman-convention"),
        ("Tito vs Stalin", "josip-broz-tito", "joseph-stalin"),
        ("сравни Тито и Сталин", "josip-broz-tito", "joseph-stalin"),
    ] {
        let answer = engine.ask(question, "en");
        let comparison = answer.compare.as_ref().unwrap_or_else(|| panic!("{question}: {}", answer.headline));
        assert_eq!((comparison.left.id.as_str(), comparison.right.id.as_str()), (left, right), "{question}");
    }
}

#[test]
fn free_text_reaches_period() {
    let engine = engine();
    for (question, id) in [
        ("which period was 1950 in?", "tito-stalin-split-and-after"),
        ("what period does the Belgrade declaration belong to", "normalization-after-stalin"),
        ("what was the period of rapprochement", "rapprochement-1945-1948"),
        ("what was the interwar period", "interwar-period"),
    ] {
        let answer = engine.ask(question, "en");
        assert_eq!((answer.intent.as_str(), answer.facts.first().map(|f| f.id.as_str())), ("period", Some(id)), "{question}: {}", answer.headline);
    }
    assert_eq!(engine.ask("what were the periods of the relations?", "en").suggestions.len(), engine.base().periods().len());
}

#[cfg(feature = "matrix")]
#[test]
fn matrix_pages_compare_with_its_own_prefix() {
    let engine = engine();
    let mut answer = engine.ask_with_prefixes("!compare 1945 2022", &['!'], "en");
    histbot::matrix::text::localize_answer(&mut answer, "!");
    let html = render::html(&answer);
    assert!(html.contains("Next: !compare 1945 2022 2"), "{html}");
    let second = engine.ask_with_prefixes("!compare 1945 2022 2", &['!'], "en");
    assert_eq!(second.page.map(|p| p.number), Some(2));
    assert!(!second.parts.is_empty());
}

#[cfg(feature = "discord")]
#[test]
fn discord_buttons_walk_every_page_and_view_of_a_compare() {
    use histbot::discord::embed::{limit_problems, message, Render, Rerun};
    use std::collections::BTreeSet;
    let engine = engine();
    let mut rendered_entries = BTreeSet::new();
    let mut line = "/compare 1945 2022".to_string();
    let mut view = 0;
    let mut steps = 0;
    loop {
        steps += 1;
        assert!(steps < 100, "the buttons never reach the end");
        let answer = engine.ask(&line, "en");
        let data = message(&answer, &Render { rerun: None, view, allow_ephemeral: false });
        assert_eq!(limit_problems(&data), Vec::<String>::new(), "{line} view {view}");
        let description = data["embeds"][0]["description"].as_str().unwrap_or("").to_string();
        for fact in &answer.facts {
            if description.contains(&histbot::ask::render::escape_markdown(&fact.title)) {
                rendered_entries.insert(fact.id.clone());
            }
        }
        let next = &data["components"][0]["components"][1];
        if next.is_null() || next["disabled"] == serde_json::json!(true) {
            break;
        }
        match Rerun::parse(next["custom_id"].as_str().expect("custom id")).expect("our button") {
            (Rerun::Line(next_line), next_view) => {
                line = next_line;
                view = next_view;
            }
            other => panic!("unexpected rerun {other:?}"),
        }
    }
    let mut expected = BTreeSet::new();
    for page in all_pages(&engine, "/compare 1945 2022") {
        expected.extend(page.facts.iter().map(|f| f.id.clone()));
    }
    assert_eq!(rendered_entries, expected, "every entry reached through the buttons");
    // Two entries side by side: inline fields within every limit.
    let answer = engine.ask("/compare treaty-of-friendship-and-non-aggression-1941 treaty-of-friendship-and-cooperation-1945", "en");
    let rerun = Rerun::of(
        "compare",
        &[("a".into(), "treaty-of-friendship-and-non-aggression-1941".into()), ("b".into(), "treaty-of-friendship-and-cooperation-1945".into())],
    );
    let mut view = 0;
    let mut rows = 0;
    loop {
        let data = message(&answer, &Render { rerun: rerun.clone(), view, allow_ephemeral: false });
        assert_eq!(limit_problems(&data), Vec::<String>::new(), "view {view}");
        let fields = data["embeds"][0]["fields"].as_array().expect("fields");
        assert!(fields.iter().all(|f| f["inline"] == serde_json::json!(true)));
        rows += fields.len() / 3;
        let next = &data["components"][0]["components"][1];
        if next.is_null() || next["disabled"] == serde_json::json!(true) {
            break;
        }
        view = Rerun::parse(next["custom_id"].as_str().expect("id")).expect("ours").1;
    }
    assert_eq!(rows, answer.compare.as_ref().map_or(0, |c| c.rows.len()), "every row shown");
}

#[test]
fn a_topic_timeline_lists_its_dated_entries_oldest_first() {
    let engine = engine();
    let drills = engine.ask("/timeline slavic brotherhood drills", "en");
    assert_eq!(drills.outcome, Outcome::Facts, "{}", render::plain(&drills));
    let ids: Vec<&str> = drills.facts.iter().map(|f| f.id.as_str()).collect();
    // With the entry related to the drills that quotes their sentence.
    assert_eq!(ids, ["slavic-brotherhood-drills", "russian-military-equipment-in-serbia", "serbia-withdraws-from-slavic-brotherhood"]);
    // The span's beginning and its end are each stated by a quote shown.
    for year in ["2015", "2021"] {
        assert!(drills.excerpts.iter().any(|e| e.quote.contains(year)), "no excerpt states {year}");
    }
    assert_verbatim(&engine, &drills);

    // Free text routes to it, and every page is in date order.
    let pages = all_pages(&engine, "show me the timeline of the russian refugees");
    assert!(pages.len() >= 2, "{}", render::plain(&pages[0]));
    let dates: Vec<_> = pages
        .iter()
        .flat_map(|page| &page.facts)
        .map(|fact| engine.base().get(&fact.id).and_then(|e| e.date.as_ref()).map(|d| d.sort_key()).expect("a dated entry"))
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "not oldest first: {dates:?}");
    assert!(pages.iter().flat_map(|p| &p.facts).any(|f| f.id == "russian-refugees-welcomed-in-yugoslavia"));
    for page in &pages {
        assert_verbatim(&engine, page);
    }

    // A range of years is still a range; what the sources don't say asserts nothing.
    assert!(engine.ask("/timeline 1941 1948", "en").headline.starts_with("Timeline 1941–1948"));
    // One year alone (Discord's "to" is optional) is that year's timeline.
    assert!(engine.ask("/timeline 1948", "en").headline.starts_with("Timeline 1948: "));
    let born = engine.ask("/timeline tito born", "en");
    assert!(born.facts.is_empty() && born.headline.contains("don't say"), "{}", render::plain(&born));
    let unknown = engine.ask("/timeline eiffel tower", "en");
    assert!(unknown.facts.is_empty(), "{}", render::plain(&unknown));
}

#[test]
fn two_entries_typed_without_a_separator_are_two_different_ones() {
    let engine = engine();
    let both = engine.ask("/compare belgrade declaration tito stalin split", "en");
    assert_eq!(both.headline, "Belgrade Declaration compared with Tito–Stalin split", "{}", render::plain(&both));
    // "Moscow declaration" names nothing of the base: not the Belgrade Declaration twice.
    let unknown = engine.ask("/compare belgrade declaration moscow declaration", "en");
    assert!(!unknown.headline.contains("compared with"), "{}", render::plain(&unknown));
    assert!(unknown.facts.is_empty(), "{}", render::plain(&unknown));
    // The most even cut first: two treaties, not the year 1941 and a treaty.
    let treaties = engine.ask("/compare 1941 treaty 1945 treaty", "en");
    let ids: Vec<&str> = treaties.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["treaty-of-friendship-and-non-aggression-1941", "treaty-of-friendship-and-cooperation-1945"], "{}", render::plain(&treaties));
}

#[test]
fn two_things_one_entry_tells_together_are_shown_as_that_entry() {
    let engine = engine();
    // New Serbia and Slavo-Serbia are one settlement entry: no two sides
    // to set apart, but no error either.
    let answer = engine.ask("/compare slavo-serbia new serbia", "en");
    assert_eq!(answer.outcome, Outcome::Facts, "{}", answer.headline);
    assert_eq!(answer.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["new-serbia-settlement"]);
    assert!(answer.excerpts.iter().any(|e| e.quote.contains("Slavo-Serbia")), "{:?}", answer.excerpts);
    assert_verbatim(&engine, &answer);
    // Words that name nothing are still an error that says what to type.
    let answer = engine.ask("/compare qwerty zxcvb asdf", "en");
    assert_eq!(answer.outcome, Outcome::Error, "{}", answer.headline);
}
