//! The named checks. Each rule collects every problem it finds; none stops
//! at the first one. Rule names appear in the output (`error[rule-name]`)
//! and are documented with their fixes in MODERATING.md.
//!
//! | rule | what it catches |
//! |---|---|
//! | `not-a-regular-file`, `outside-fact-directory`, `file-too-large`, `binary-file` | a file that is not read at all: a FIFO, device or directory; a link or path leading out of the fact directory; over 1 MiB (source texts 8 MiB); control characters (see [`super::read`]) |
//! | `toml-syntax`, `unknown-key`, `missing-key`, `wrong-type`, `duplicate-key` | file does not parse into the schema (see [`super::load`]) |
//! | `id-not-slug` | an id, tag or reference that is not a slug |
//! | `id-file-mismatch` | the id differs from the file name |
//! | `duplicate-id` | an id used twice anywhere in the base |
//! | `dangling-reference` | a link to an entry that does not exist |
//! | `wrong-kind-reference` | `people`/`signatories` naming a non-person, `involved_in` naming a person, `period` naming a non-period |
//! | `bad-date` | a date that does not parse, or a range that ends before it starts |
//! | `no-source` | an entry without any quote |
//! | `empty-field` | an empty title, summary or quote |
//! | `unknown-source` | a quote from a source id not in sources.toml |
//! | `unknown-section` | a section the source does not have |
//! | `quote-not-in-source` | a quote not found verbatim in its section |
//! | `date-not-in-quotes` | a date whose year (month, day) no quote of the entry states |
//! | `number-not-in-quotes` | a number (year, count, ordinal) in the title, summary or date label that no quote states |
//! | `date-word-not-in-quotes` | a month in the summary or date label, or a season or early/mid/late in the date label, that no quote states |
//! | `place-not-in-quotes` | a treaty's place that no quote names |
//! | `party-not-in-quotes` | a treaty's party that no quote names |
//! | `signatory-not-in-quotes` | a treaty's signatory that no quote names (by full name, alias or surname) |
//! | `person-not-in-quotes` | an event's person that no quote names (by full name, alias or surname) |
//! | `role-not-in-quotes` | a person's role that no quote of theirs gives |
//! | `period-not-a-span` | a period whose date is a single point, not a range `start/end` or `start/..` |
//! | `periods-overlap` | two periods that share more than the year one ends and the other begins |
//! | `outside-period` | an event or treaty whose date does not fall within the period it names |
//! | `source-sections-mismatch` | sources.toml lists sections the text does not have |
//! | `shared-alias` (warning) | one alias or title used by two entries |
//! | `date-less-precise-than-quotes` (warning) | an event's or treaty's date given as a year alone while one of its quotes names the month ("in November 1945"), unless a date label says how it is dated |

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

use super::claims;
use super::date::HistDate;
use super::diagnostic::Diagnostic;
use super::load::{Loaded, Parsed, Record};
use super::schema::QuoteRecord;
use super::{Entry, Kind, Quote};

/// Run every check and build the entries (used only when there is no error).
pub fn run_all(loaded: &Loaded, diagnostics: &mut Vec<Diagnostic>) -> Vec<Entry> {
    check_source_sections(loaded, diagnostics);
    let kinds = check_ids(&loaded.entries, diagnostics);
    let people = claims::person_names(&loaded.entries);
    let mut entries = Vec::with_capacity(loaded.entries.len());
    for parsed in &loaded.entries {
        let view = View::of(parsed);
        check_text_fields(&view, diagnostics);
        check_references(&view, &kinds, diagnostics);
        let dates = check_dates(&view, diagnostics);
        let quotes = check_quotes(&view, loaded, diagnostics);
        check_date_support(&view, &dates, diagnostics);
        check_date_precision(&view, &dates, diagnostics);
        claims::check(&view, &people, diagnostics);
        entries.push(build_entry(&view, dates, quotes));
    }
    check_shared_aliases(&loaded.entries, diagnostics);
    super::periods::check(&loaded.entries, diagnostics);
    link_people(&mut entries);
    entries
}

/// A kind-independent view of one parsed entry, with spans for messages.
pub(super) struct View<'a> {
    pub(super) file: &'a Path,
    pub(super) content: &'a str,
    pub(super) kind: Kind,
    pub(super) id: &'a Spanned<String>,
    pub(super) title: &'a Spanned<String>,
    pub(super) aliases: &'a [String],
    pub(super) summary: &'a Spanned<String>,
    tags: &'a [Spanned<String>],
    /// (key name, referenced id, the kinds it may name).
    references: Vec<(&'static str, &'a Spanned<String>, &'static [Kind])>,
    dates: Vec<(&'static str, &'a Spanned<String>)>,
    pub(super) date_label: Option<&'a Spanned<String>>,
    /// Treaties only; empty or `None` for the other kinds.
    pub(super) place: Option<&'a Spanned<String>>,
    pub(super) parties: &'a [Spanned<String>],
    pub(super) signatories: &'a [Spanned<String>],
    /// Events only: the people involved.
    pub(super) people: &'a [Spanned<String>],
    /// People only.
    pub(super) roles: &'a [Spanned<String>],
    pub(super) quotes: &'a [QuoteRecord],
    pub(super) record: &'a Record,
}

const ANY: &[Kind] = &[Kind::Event, Kind::Treaty, Kind::Person, Kind::Period];
const PERSON: &[Kind] = &[Kind::Person];
const PERIOD: &[Kind] = &[Kind::Period];
const HAPPENING: &[Kind] = &[Kind::Event, Kind::Treaty];

impl<'a> View<'a> {
    fn of(parsed: &'a Parsed) -> View<'a> {
        let (file, content) = (parsed.file.as_path(), parsed.content.as_str());
        match &parsed.record {
            Record::Event(r) => View {
                file, content, kind: Kind::Event, id: &r.id, title: &r.title, aliases: &r.aliases,
                summary: &r.summary, tags: &r.tags,
                references: refs("related", &r.related, ANY).chain(refs("people", &r.people, PERSON)).chain(refs("period", r.period.as_slice(), PERIOD)).collect(),
                dates: vec![("date", &r.date)], date_label: r.date_label.as_ref(),
                place: None, parties: &[], signatories: &[], people: &r.people, roles: &[],
                quotes: &r.source, record: &parsed.record,
            },
            Record::Treaty(r) => View {
                file, content, kind: Kind::Treaty, id: &r.id, title: &r.title, aliases: &r.aliases,
                summary: &r.summary, tags: &r.tags,
                references: refs("related", &r.related, ANY).chain(refs("signatories", &r.signatories, PERSON)).chain(refs("period", r.period.as_slice(), PERIOD)).collect(),
                dates: vec![("date", &r.date)], date_label: r.date_label.as_ref(),
                place: r.place.as_ref(), parties: &r.parties, signatories: &r.signatories, people: &[], roles: &[],
                quotes: &r.source, record: &parsed.record,
            },
            Record::Person(r) => View {
                file, content, kind: Kind::Person, id: &r.id, title: &r.title, aliases: &r.aliases,
                summary: &r.summary, tags: &r.tags,
                references: refs("related", &r.related, ANY).chain(refs("involved_in", &r.involved_in, HAPPENING)).collect(),
                dates: r.born.iter().map(|d| ("born", d)).chain(r.died.iter().map(|d| ("died", d))).collect(),
                date_label: None,
                place: None, parties: &[], signatories: &[], people: &[], roles: &r.roles,
                quotes: &r.source, record: &parsed.record,
            },
            Record::Period(r) => View {
                file, content, kind: Kind::Period, id: &r.id, title: &r.title, aliases: &r.aliases,
                summary: &r.summary, tags: &r.tags,
                references: refs("related", &r.related, ANY).collect(),
                dates: vec![("date", &r.date)], date_label: r.date_label.as_ref(),
                place: None, parties: &[], signatories: &[], people: &[], roles: &[],
                quotes: &r.source, record: &parsed.record,
            },
        }
    }

    pub(super) fn error(&self, rule: &'static str, span: Option<Range<usize>>) -> Diagnostic {
        Diagnostic::error(rule, self.file, self.content, span)
    }
}

fn refs<'a>(key: &'static str, ids: &'a [Spanned<String>], kinds: &'static [Kind]) -> impl Iterator<Item = (&'static str, &'a Spanned<String>, &'static [Kind])> {
    ids.iter().map(move |id| (key, id, kinds))
}

/// `belgrade-declaration`: lowercase ASCII letters and digits in groups
/// joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Suggest a slug for a text a moderator typed.
pub fn slugify(text: &str) -> String {
    let folded = crate::text::fold::fold_for_search(text);
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.join("-")
}

/// Ids: slugs, equal to the file name, unique across the base. Returns each
/// id's kind for the reference check.
fn check_ids(entries: &[Parsed], diagnostics: &mut Vec<Diagnostic>) -> HashMap<String, Kind> {
    let mut kinds = HashMap::new();
    let mut first_seen: HashMap<&str, &Path> = HashMap::new();
    for parsed in entries {
        let view = View::of(parsed);
        let id = view.id.get_ref();
        if !is_slug(id) {
            diagnostics.push(
                view.error("id-not-slug", Some(view.id.span()))
                    .message(format!("the id `{id}` is not a slug"))
                    .help(format!("use lowercase ASCII letters, digits and single hyphens, e.g. `{}`", slugify(id))),
            );
        }
        let stem = view.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if stem != *id {
            diagnostics.push(
                view.error("id-file-mismatch", Some(view.id.span()))
                    .message(format!("the id `{id}` differs from the file name `{stem}.toml`"))
                    .help(format!("rename the file to `{id}.toml` or change the id to `{stem}`")),
            );
        }
        match first_seen.get(id.as_str()) {
            Some(other) => diagnostics.push(
                view.error("duplicate-id", Some(view.id.span()))
                    .message(format!("the id `{id}` is already used by {}", other.display()))
                    .help("every entry needs its own id: pick another one for this entry"),
            ),
            None => {
                first_seen.insert(id, view.file);
                kinds.insert(id.clone(), view.kind);
            }
        }
    }
    kinds
}

fn check_text_fields(view: &View, diagnostics: &mut Vec<Diagnostic>) {
    let id_span = Some(view.id.span());
    for (key, value) in [("title", view.title.get_ref()), ("summary", view.summary.get_ref())] {
        if value.trim().is_empty() {
            diagnostics.push(
                view.error("empty-field", id_span.clone())
                    .message(format!("`{key}` is empty"))
                    .help(format!("write the {key}; it is what students read")),
            );
        }
    }
    for tag in view.tags {
        if !is_slug(tag.get_ref()) {
            diagnostics.push(
                view.error("id-not-slug", Some(tag.span()))
                    .message(format!("the tag `{}` is not a slug", tag.get_ref()))
                    .help(format!("write tags like `cold-war`: here `{}`", slugify(tag.get_ref()))),
            );
        }
    }
}

fn check_references(view: &View, kinds: &HashMap<String, Kind>, diagnostics: &mut Vec<Diagnostic>) {
    for (key, target, allowed) in &view.references {
        let id = target.get_ref();
        match kinds.get(id) {
            None => {
                let hint = closest_id(id, kinds.keys())
                    .map(|near| format!("did you mean `{near}`? "))
                    .unwrap_or_default();
                diagnostics.push(
                    view.error("dangling-reference", Some(target.span()))
                        .message(format!("`{key}` names `{id}`, but no entry has that id"))
                        .help(format!("{hint}fix the id, or add the missing entry first")),
                );
            }
            Some(kind) if !allowed.contains(kind) => {
                let wanted: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
                diagnostics.push(
                    view.error("wrong-kind-reference", Some(target.span()))
                        .message(format!("`{key}` must name a {}, but `{id}` is a {kind}", wanted.join(" or ")))
                        .help(format!("move `{id}` to `related`, or name a {} here", wanted.join(" or "))),
                );
            }
            Some(_) => {}
        }
    }
}

fn closest_id<'a>(id: &str, ids: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    ids.map(|candidate| (crate::text::fold::edit_distance(id, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= 3.max(candidate.len() / 4))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Parse every date of the entry; returns the parsed ones by key.
fn check_dates(view: &View, diagnostics: &mut Vec<Diagnostic>) -> BTreeMap<&'static str, HistDate> {
    let mut dates = BTreeMap::new();
    for (key, text) in &view.dates {
        match HistDate::parse(text.get_ref()) {
            Ok(date) => {
                dates.insert(*key, date);
            }
            Err(error) => diagnostics.push(
                view.error("bad-date", Some(text.span()))
                    .message(format!("`{key}` is not a valid date: {error}"))
                    .help("examples: \"1968-07-12\", \"1940-06\", \"1955\", \"1953/1955\", \"1941-23\" (autumn), \"175X\" (1750s)"),
            ),
        }
    }
    dates
}

fn check_quotes(view: &View, loaded: &Loaded, diagnostics: &mut Vec<Diagnostic>) -> Vec<Quote> {
    if view.quotes.is_empty() {
        diagnostics.push(
            view.error("no-source", Some(view.id.span()))
                .message(format!("`{}` has no [[source]] quote", view.id.get_ref()))
                .help("add a [[source]] table with `source`, `section` and a `quote` copied from facts/sources/"),
        );
    }
    view.quotes.iter().filter_map(|quote| check_quote(view, quote, loaded, diagnostics)).collect()
}

fn check_quote(view: &View, quote: &QuoteRecord, loaded: &Loaded, diagnostics: &mut Vec<Diagnostic>) -> Option<Quote> {
    let source_id = quote.source.get_ref();
    let Some((index, source)) = loaded.sources.iter().enumerate().find(|(_, s)| s.id == *source_id) else {
        let known: Vec<&str> = loaded.sources.iter().map(|s| s.id.as_str()).collect();
        diagnostics.push(
            view.error("unknown-source", Some(quote.source.span()))
                .message(format!("there is no source `{source_id}`"))
                .help(format!("use one of: {}", known.join(", "))),
        );
        return None;
    };
    let text = quote.quote.get_ref();
    if text.trim().is_empty() {
        diagnostics.push(
            view.error("empty-field", Some(quote.quote.span()))
                .message("the quote is empty")
                .help("copy the whole sentence that states this fact from the source text"),
        );
        return None;
    }
    let section = quote.section.get_ref();
    if source.sections_titled(section).next().is_none() {
        let titles: Vec<&str> = source.sections.iter().map(|s| s.title.as_str()).collect();
        diagnostics.push(
            view.error("unknown-section", Some(quote.section.span()))
                .message(format!("source `{source_id}` has no section \"{section}\""))
                .help(format!("use one of: {}", titles.join(" | "))),
        );
        return None;
    }
    match source.find_in_section(text, section) {
        Some(found) => {
            let excerpt = source.text.get(found.range.clone()).map(crate::text::fold::collapse_white_space).unwrap_or_default();
            Some(Quote { source: index, section: section.clone(), text: text.clone(), folded: crate::text::fold::fold_for_search(text), range: found.range, excerpt })
        }
        None => {
            let help = match source.find_anywhere(text) {
                Some(found) => format!(
                    "the quote is in section \"{}\": set `section = \"{}\"`",
                    source.sections[found.section].title, source.sections[found.section].title
                ),
                None => format!(
                    "copy the sentence exactly from facts/sources/{source_id}.txt; only white space, typographic quotes and dashes may differ{}",
                    near_miss_hint(text, &source.text)
                ),
            };
            diagnostics.push(
                view.error("quote-not-in-source", Some(quote.quote.span()))
                    .message(format!("the quote is not in section \"{section}\" of source `{source_id}`"))
                    .help(help),
            );
            None
        }
    }
}

/// Point at the first word where the quote and the closest source text part ways.
fn near_miss_hint(quote: &str, source_text: &str) -> String {
    let folded_source = super::source::fold(source_text);
    let words: Vec<&str> = quote.split_whitespace().collect();
    let mut matched = 0;
    for count in 1..=words.len() {
        let prefix = super::source::fold(&words[..count].join(" "));
        if folded_source.contains(&prefix) {
            matched = count;
        } else {
            break;
        }
    }
    match words.get(matched) {
        Some(word) if matched >= 3 => format!(" (the source agrees up to \"{}\" and differs at \"{word}\")", words[..matched].join(" ")),
        _ => String::new(),
    }
}

/// The date's year (and month and day, where given) must be stated by at
/// least one quote of the entry; each end of a range is checked on its own.
fn check_date_support(view: &View, dates: &BTreeMap<&'static str, HistDate>, diagnostics: &mut Vec<Diagnostic>) {
    let quotes: Vec<&str> = view.quotes.iter().map(|q| q.quote.get_ref().as_str()).collect();
    for (key, text) in &view.dates {
        let Some(date) = dates.get(key) else { continue };
        for point in date.points() {
            let needed = point.required_words();
            let supported = quotes.iter().any(|quote| needed.iter().all(|word| super::date::contains_word(quote, word)));
            if !supported {
                diagnostics.push(
                    view.error("date-not-in-quotes", Some(text.span()))
                        .message(format!("no quote of this entry states {}", needed.join(" ")))
                        .help(format!(
                            "add a quote that gives the date, or make `{key}` only as precise as the quotes ({})",
                            view.date_label.map_or("the year alone if that is all they give".into(), |l| format!("label: \"{}\"", l.get_ref()))
                        )),
                );
            }
        }
    }
}

/// A date given as a year alone while a quote of the entry names the month
/// ("in September 1922") is less precise than its sources: a warning, since
/// the month may belong to something else the sentence tells. A precise
/// date lets `/when` show the sentence that states it whole.
///
/// An entry whose date has a label (the moderator has said in words how it
/// is dated, "later in 1945") and a period (a span of history, not an
/// event) are left alone.
fn check_date_precision(view: &View, dates: &BTreeMap<&'static str, HistDate>, diagnostics: &mut Vec<Diagnostic>) {
    if view.date_label.is_some() || view.kind == Kind::Period {
        return;
    }
    let quotes: Vec<&str> = view.quotes.iter().map(|q| q.quote.get_ref().as_str()).collect();
    for (key, text) in &view.dates {
        let Some(date) = dates.get(key) else { continue };
        for point in date.points().iter().filter(|point| point.precision == super::date::Precision::Year && !point.approximate) {
            let month_year = |month: u8| format!("{} {}", super::date::month_name(month), point.year);
            let stated = (1..=12u8).find(|&month| quotes.iter().any(|quote| super::date::contains_word(quote, &month_year(month))));
            if let Some(month) = stated {
                let month_year = month_year(month);
                let precise = format!("{}-{month:02}", point.year);
                diagnostics.push(
                    Diagnostic::warning("date-less-precise-than-quotes", view.file, view.content, Some(text.span()))
                        .message(format!("`{key}` gives the year {} alone, but a quote of this entry says \"{month_year}\"", point.year))
                        .help(format!("if that month is when this entry's event happened, give it (\"{precise}\"); if it dates something else in the sentence, leave the year")),
                );
            }
        }
    }
}

fn check_source_sections(loaded: &Loaded, diagnostics: &mut Vec<Diagnostic>) {
    for (record, source) in loaded.sources_records.iter().zip(&loaded.sources) {
        let in_text: HashSet<&str> = source.sections.iter().map(|s| s.title.as_str()).collect();
        for section in &record.sections {
            if !in_text.contains(section.as_str()) {
                let span = loaded.sources_content.find(&format!("\"{section}\"")).map(|i| i..i + section.len() + 2);
                diagnostics.push(
                    Diagnostic::error("source-sections-mismatch", &loaded.sources_file, &loaded.sources_content, span)
                        .message(format!("source `{}` lists section \"{section}\", which its text does not have", record.id))
                        .help("re-import the source with `histbot source import` instead of editing sources.toml by hand"),
                );
            }
        }
    }
}

/// An alias (or title) that two entries share makes questions ambiguous.
fn check_shared_aliases(entries: &[Parsed], diagnostics: &mut Vec<Diagnostic>) {
    let mut owners: HashMap<String, &str> = HashMap::new();
    for parsed in entries {
        let view = View::of(parsed);
        let id = view.id.get_ref().as_str();
        let names = std::iter::once(view.title.get_ref().as_str()).chain(view.aliases.iter().map(String::as_str));
        let mut own = HashSet::new();
        for name in names {
            let key = crate::text::fold::fold_for_search(name);
            if key.is_empty() || !own.insert(key.clone()) {
                continue;
            }
            match owners.get(&key) {
                Some(other) if *other != id => {
                    let span = parsed.content.find(&format!("\"{name}\"")).map(|i| i..i + name.len() + 2);
                    diagnostics.push(
                        Diagnostic::warning("shared-alias", view.file, view.content, span)
                            .message(format!("the name \"{name}\" is also used by `{other}`"))
                            .help("a shared name makes questions ambiguous; keep it on the entry students mean most often"),
                    );
                }
                Some(_) => {}
                None => {
                    owners.insert(key, id);
                }
            }
        }
    }
}

fn build_entry(view: &View, mut dates: BTreeMap<&'static str, HistDate>, quotes: Vec<Quote>) -> Entry {
    let ids = |list: &[Spanned<String>]| list.iter().map(|s| s.get_ref().clone()).collect::<Vec<_>>();
    let mut entry = Entry {
        id: view.id.get_ref().clone(),
        kind: view.kind,
        title: view.title.get_ref().clone(),
        aliases: view.aliases.to_vec(),
        date: dates.remove("date"),
        date_label: view.date_label.map(|label| label.get_ref().clone()),
        summary: view.summary.get_ref().clone(),
        tags: ids(view.tags),
        related: Vec::new(),
        people: Vec::new(),
        parties: Vec::new(),
        place: None,
        roles: Vec::new(),
        born: dates.remove("born"),
        died: dates.remove("died"),
        involved_in: Vec::new(),
        period: None,
        quotes,
        file: view.file.to_path_buf(),
    };
    match view.record {
        Record::Event(r) => {
            entry.related = ids(&r.related);
            entry.people = ids(&r.people);
            entry.period = r.period.as_ref().map(|p| p.get_ref().clone());
        }
        Record::Treaty(r) => {
            entry.related = ids(&r.related);
            entry.people = ids(&r.signatories);
            entry.parties = texts(&r.parties);
            entry.place = r.place.as_ref().map(|place| place.get_ref().clone());
            entry.period = r.period.as_ref().map(|p| p.get_ref().clone());
        }
        Record::Person(r) => {
            entry.related = ids(&r.related);
            entry.roles = texts(&r.roles);
            entry.involved_in = ids(&r.involved_in);
        }
        Record::Period(r) => {
            entry.related = ids(&r.related);
        }
    }
    entry
}

fn texts(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|s| s.get_ref().clone()).collect()
}

/// Derive each person's involvement from the events and treaties that name
/// them, so a link written on either side shows on both.
fn link_people(entries: &mut [Entry]) {
    type SortKey = Option<(i32, u8, u8, i32)>;
    let mut involvement: HashMap<String, Vec<(SortKey, String)>> = HashMap::new();
    let dates: HashMap<String, SortKey> =
        entries.iter().map(|e| (e.id.clone(), e.date.as_ref().map(HistDate::sort_key))).collect();
    for entry in entries.iter() {
        for person in &entry.people {
            involvement.entry(person.clone()).or_default().push((dates.get(&entry.id).copied().flatten(), entry.id.clone()));
        }
    }
    for entry in entries.iter_mut().filter(|e| e.kind == Kind::Person) {
        let mut list = involvement.remove(&entry.id).unwrap_or_default();
        for id in &entry.involved_in {
            list.push((dates.get(id).copied().flatten(), id.clone()));
        }
        list.sort();
        list.dedup_by(|a, b| a.1 == b.1);
        entry.involved_in = list.into_iter().map(|(_, id)| id).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("belgrade-declaration"));
        assert!(is_slug("1948"));
        assert!(!is_slug("Belgrade-declaration"));
        assert!(!is_slug("belgrade--declaration"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("pašić"));
        assert_eq!(slugify("Nikola Pašić"), "nikola-pasic");
    }
}
