//! The fact base: entries (events, treaties, people, periods) backed by
//! verbatim quotes from imported source texts.
//!
//! - [`schema`]: the TOML file format (serde types; `facts/schema.json` is generated from them).
//! - [`date`]: EDTF dates with precision.
//! - [`source`]: source texts, sections and the verbatim-quote search.
//! - [`load`]: reads a fact directory into a [`FactBase`], running every check.
//! - [`read`]: reads only regular files inside the fact directory, capped in size.
//! - [`check`]: the named checks, each collecting [`Diagnostic`]s.
//! - [`periods`]: the rules that periods are spans, do not overlap, and hold
//!   the events and treaties that name them.
//! - [`claims`]: the checks that an entry's numbers, date words, place,
//!   parties, signatories and roles are stated by its quotes.
//! - [`diagnostic`]: findings with file, line, rule and a plain-English fix.
//!
//! Invariant: a [`FactBase`] value only exists for a directory that checked
//! without errors, so nothing served by the bot failed the checker.

pub mod check;
pub mod claims;
pub mod date;
pub mod diagnostic;
pub mod load;
pub mod periods;
pub mod read;
pub mod schema;
pub mod source;

// Fx hashing: ids come from the fact files; answering only looks them up.
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

pub use date::HistDate;
pub use diagnostic::{Diagnostic, Severity};
pub use load::{check_dir, CheckReport};
pub use source::Source;

/// The four kinds of entry. Periods (named stretches of the relations) are
/// kept apart from the other three: they are not in the free-text index nor
/// in year lists and timelines, and are reached through `/period`,
/// `/compare` and the period lines of `/year` and `/when`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Event,
    Treaty,
    Person,
    Period,
}

impl Kind {
    /// The kinds a question or a command argument resolves to through the index.
    pub const ALL: [Kind; 3] = [Kind::Event, Kind::Treaty, Kind::Person];
    /// Every kind the loader reads, each from its own folder.
    pub const LOADED: [Kind; 4] = [Kind::Event, Kind::Treaty, Kind::Person, Kind::Period];

    /// The folder under `facts/` that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Event => "events",
            Kind::Treaty => "treaties",
            Kind::Person => "people",
            Kind::Period => "periods",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Treaty => "treaty",
            Kind::Person => "person",
            Kind::Period => "period",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A checked quote, located in its source.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Index into [`FactBase::sources`].
    pub source: usize,
    pub section: String,
    /// The quote as the fact file gives it.
    pub text: String,
    /// [`Quote::text`] folded for search ([`crate::text::fold::fold_for_search`]),
    /// once when the base is loaded rather than on every question.
    pub folded: String,
    /// Where it is in the source text.
    pub range: Range<usize>,
    /// The source's text at [`Quote::range`] with its white space collapsed
    /// (line breaks are a property of the file): the excerpt an answer
    /// shows, made once when the base is loaded.
    pub excerpt: String,
}

/// One checked entry of the fact base.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub aliases: Vec<String>,
    /// Events, treaties and periods always have one; people don't.
    pub date: Option<HistDate>,
    pub date_label: Option<String>,
    pub summary: String,
    pub tags: Vec<String>,
    pub related: Vec<String>,
    /// People involved (events) or signatories (treaties).
    pub people: Vec<String>,
    pub parties: Vec<String>,
    pub place: Option<String>,
    pub roles: Vec<String>,
    pub born: Option<HistDate>,
    pub died: Option<HistDate>,
    /// For people: the events and treaties they took part in, in date order
    /// (their own `involved_in` plus every entry that lists them).
    pub involved_in: Vec<String>,
    /// Events and treaties: the period a moderator placed them in (a period id).
    pub period: Option<String>,
    pub quotes: Vec<Quote>,
    /// The file it was loaded from.
    pub file: PathBuf,
}

impl Entry {
    /// The date as a student should read it ("early 1948", "12 July 1968").
    pub fn date_text(&self) -> Option<String> {
        match (&self.date_label, &self.date) {
            (Some(label), _) => Some(label.clone()),
            (None, Some(date)) => Some(date.to_string()),
            (None, None) => None,
        }
    }

    /// Life dates of a person, if the sources give them ("born 1892, died 1975").
    pub fn life_text(&self) -> Option<String> {
        match (&self.born, &self.died) {
            (Some(born), Some(died)) => Some(format!("{born} – {died}")),
            (Some(born), None) => Some(format!("born {born}")),
            (None, Some(died)) => Some(format!("died {died}")),
            (None, None) => None,
        }
    }
}

/// A loaded, fully checked fact base. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct FactBase {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// The periods, in the order of their start.
    periods: Vec<Entry>,
    /// Indexes of dated entries in chronological order.
    chronological: Vec<usize>,
    sources: Vec<Source>,
    /// A content hash of every file the base was built from.
    version: String,
    /// Non-fatal findings (warnings) from the check that built it.
    warnings: Vec<Diagnostic>,
}

impl FactBase {
    pub(crate) fn new(all: Vec<Entry>, sources: Vec<Source>, version: String, warnings: Vec<Diagnostic>) -> FactBase {
        let (mut periods, mut entries): (Vec<Entry>, Vec<Entry>) = all.into_iter().partition(|e| e.kind == Kind::Period);
        periods.sort_by(|a, b| a.date.as_ref().map(HistDate::sort_key).cmp(&b.date.as_ref().map(HistDate::sort_key)).then_with(|| a.id.cmp(&b.id)));
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let mut chronological: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].date.is_some()).collect();
        chronological.sort_by_key(|&i| entries[i].date.as_ref().map(HistDate::sort_key));
        FactBase { entries, by_id, periods, chronological, sources, version, warnings }
    }

    /// Load and check a fact directory; `Err` carries every diagnostic when
    /// any of them is an error.
    pub fn load(dir: impl Into<PathBuf>) -> Result<FactBase, Vec<Diagnostic>> {
        let report = check_dir(dir.into());
        match report.base {
            Some(base) => Ok(base),
            None => Err(report.diagnostics),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The index of the entry with this id in [`FactBase::entries`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entry (of any kind, periods included) with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i]).or_else(|| self.period(id))
    }

    /// The periods, in the order of their start.
    pub fn periods(&self) -> &[Entry] {
        &self.periods
    }

    /// The period with this id.
    pub fn period(&self, id: &str) -> Option<&Entry> {
        self.periods.iter().find(|p| p.id == id)
    }

    /// Every entry: events, treaties and people, then the periods.
    pub fn all_entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().chain(&self.periods)
    }

    /// The period `year` falls in. Where two periods meet in one year (one
    /// ends in the year the next begins), the one that begins in it.
    pub fn period_of_year(&self, year: i32) -> Option<&Entry> {
        self.periods.iter().rev().find(|p| p.date.as_ref().is_some_and(|d| d.covers_year(year)))
    }

    /// The period of an event or treaty: the one it names, else the one its
    /// date begins in.
    pub fn period_of(&self, entry: &Entry) -> Option<&Entry> {
        if entry.kind == Kind::Period {
            return None;
        }
        match &entry.period {
            Some(id) => self.period(id),
            None => entry.date.as_ref().and_then(|d| self.period_of_year(d.first_year())),
        }
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn source(&self, index: usize) -> Option<&Source> {
        self.sources.get(index)
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// How many entries of each kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.all_entries().filter(|e| e.kind == kind).count()
    }

    /// Entries with a date, in chronological order (ties by id).
    pub fn chronological(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator + '_ {
        self.chronological.iter().map(|&i| &self.entries[i])
    }

    /// Dated entries whose first year is within `from..=to`, in chronological order.
    pub fn starting_between(&self, from: i32, to: i32) -> impl Iterator<Item = &Entry> + '_ {
        let first_year = |i: &usize| self.entries[*i].date.as_ref().map_or(i32::MIN, HistDate::first_year);
        let start = self.chronological.partition_point(|i| first_year(i) < from);
        self.chronological[start..].iter().take_while(move |i| first_year(i) <= to).map(|&i| &self.entries[i])
    }

    /// The one-line summary `histbot check` prints for a clean base.
    pub fn summary_line(&self) -> String {
        let mut per_source: Vec<String> = self
            .sources
            .iter()
            .enumerate()
            .map(|(index, source)| {
                let quotes = self.all_entries().flat_map(|e| &e.quotes).filter(|q| q.source == index).count();
                format!("{} {}", quotes, source.id)
            })
            .collect();
        per_source.sort();
        format!(
            "{} events, {} treaties, {} people, {} periods; quotes per source: {}",
            self.count(Kind::Event),
            self.count(Kind::Treaty),
            self.count(Kind::Person),
            self.count(Kind::Period),
            per_source.join(", ")
        )
    }
}
