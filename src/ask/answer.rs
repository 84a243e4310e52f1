//! [`Answer`]: the platform-neutral reply every front end renders.
//!
//! An answer is plain data: a headline, parts of body text, the entries it
//! asserts, and the verbatim excerpts that back them. Invariant: an answer
//! that asserts a fact (`facts` not empty) carries at least one excerpt.

use serde::Serialize;

use crate::facts::{Entry, FactBase, Kind, Quote};

/// What kind of reply this is; front ends use it for styling (e.g. Discord
/// sends `NotFound`, `Ambiguous` and `Error` as ephemeral messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// States one or more facts, with excerpts.
    Facts,
    /// Help text; asserts nothing.
    Help,
    /// Several entries fit; the suggestions say which.
    Ambiguous,
    /// Nothing in the base fits.
    NotFound,
    /// The request could not be understood (bad arguments) or was refused.
    Error,
    /// A moderator or report reply.
    Notice,
}

/// An entry an answer asserts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactRef {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub date: String,
}

/// A verbatim passage from a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Source id.
    pub source: String,
    /// Source title.
    pub title: String,
    pub section: String,
    /// Verbatim text from the source.
    pub quote: String,
    pub url: String,
    pub lang: String,
    #[serde(skip)]
    pub license: String,
}

/// One block of an answer's body: an optional heading, text, and the
/// excerpts (indexes into [`Answer::excerpts`]) that back it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub heading: Option<String>,
    pub text: String,
    pub excerpts: Vec<usize>,
}

/// Which page of a long list this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub count: usize,
}

/// One entry of a side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareSide {
    pub id: String,
    pub kind: Kind,
    pub title: String,
}

/// One cell of a comparison: what the entry says, and the excerpts (indexes
/// into [`Answer::excerpts`]) it came from. Empty text: the sources don't say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareCell {
    pub text: String,
    pub excerpts: Vec<usize>,
}

/// One row of a comparison: a property ("Date", "Parties"…) of both entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareRow {
    pub label: String,
    pub left: CompareCell,
    pub right: CompareCell,
}

/// Two entries side by side (`/compare <entry> <entry>`): every renderer
/// shows the rows as columns (a table, inline fields, aligned text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub left: CompareSide,
    pub right: CompareSide,
    pub rows: Vec<CompareRow>,
}

/// The reply to one question or command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// The command that answered (`when`, `who`, …, `help`).
    pub intent: String,
    pub outcome: Outcome,
    pub headline: String,
    pub parts: Vec<Part>,
    pub facts: Vec<FactRef>,
    pub excerpts: Vec<Excerpt>,
    /// "Did you mean" names, or commands to try.
    pub suggestions: Vec<String>,
    pub page: Option<Page>,
    /// For paged answers: the command line that shows another page is this
    /// with the page number appended.
    pub page_command: Option<String>,
    /// A side-by-side comparison of two entries, shown before the parts.
    pub compare: Option<Comparison>,
}

impl Answer {
    pub fn new(intent: &str, outcome: Outcome, headline: impl Into<String>) -> Answer {
        Answer {
            intent: intent.to_string(),
            outcome,
            headline: headline.into(),
            parts: Vec::new(),
            facts: Vec::new(),
            excerpts: Vec::new(),
            suggestions: Vec::new(),
            page: None,
            page_command: None,
            compare: None,
        }
    }

    /// Add a plain part that asserts nothing.
    pub fn text(mut self, text: impl Into<String>) -> Answer {
        self.parts.push(Part { heading: None, text: text.into(), excerpts: Vec::new() });
        self
    }

    pub fn suggest(mut self, suggestions: Vec<String>) -> Answer {
        self.suggestions = suggestions;
        self
    }

    /// Add a part about `entry`, backed by `quotes` (chosen by
    /// [`super::evidence`]: the ones that state what the part asserts).
    pub fn add_entry_quotes(&mut self, base: &FactBase, entry: &Entry, heading: Option<String>, text: String, quotes: &[&Quote]) {
        let excerpts = quotes.iter().filter_map(|q| self.add_excerpt(base, q)).collect();
        self.parts.push(Part { heading, text, excerpts });
        self.assert_entry(entry);
    }

    /// Record that the answer asserts `entry`.
    pub fn assert_entry(&mut self, entry: &Entry) {
        if !self.facts.iter().any(|f| f.id == entry.id) {
            self.facts.push(FactRef {
                id: entry.id.clone(),
                kind: entry.kind,
                title: entry.title.clone(),
                date: entry.date_text().unwrap_or_default(),
            });
        }
    }

    /// Add an excerpt (deduplicated) and return its index.
    pub fn add_excerpt(&mut self, base: &FactBase, quote: &Quote) -> Option<usize> {
        let excerpt = excerpt_of(base, quote)?;
        if let Some(index) = self.excerpts.iter().position(|e| *e == excerpt) {
            return Some(index);
        }
        self.excerpts.push(excerpt);
        Some(self.excerpts.len() - 1)
    }

    /// The whole reply as a user reads it, in plain text.
    pub fn to_plain_text(&self) -> String {
        super::render::plain(self)
    }
}

/// Build the excerpt for a quote: the text exactly as it stands in the
/// source, white space collapsed ([`Quote::excerpt`], made at load).
pub fn excerpt_of(base: &FactBase, quote: &Quote) -> Option<Excerpt> {
    let source = base.source(quote.source)?;
    source.text.get(quote.range.clone())?;
    Some(Excerpt {
        source: source.id.clone(),
        title: source.title.clone(),
        section: quote.section.clone(),
        quote: quote.excerpt.clone(),
        url: source.url.clone(),
        lang: source.lang.clone(),
        license: source.license.clone(),
    })
}

/// `ar-EG` → `ar`; `en-US` → `en`; empty → `en`.
pub fn locale_language(locale: &str) -> String {
    let lang = locale.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase();
    if lang.is_empty() { "en".into() } else { lang }
}
