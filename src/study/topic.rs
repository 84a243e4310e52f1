//! What a round is about: everything, a period, a tag, a year range or a
//! kind of entry (`/quiz cold-war`, `/quiz 1941-1948`, `/quiz treaties`).

use serde::{Deserialize, Serialize};

use super::question::Question;
use crate::facts::{Entry, FactBase, Kind};
use crate::text::fold::{edit_distance, fold_for_search};

/// A round's topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "by", content = "value")]
pub enum Topic {
    All,
    /// A period id.
    Period(String),
    Tag(String),
    /// A year range, both ends included.
    Years(i32, i32),
    Kind(Kind),
}

/// Why a topic was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TopicError {
    #[error("no period, tag, year range or kind of entry is called `{text}`")]
    Unknown { text: String, suggestions: Vec<String> },
    #[error("`{0}` is not a year range the sources cover (years {min}–{max})", min = crate::ask::commands::YEAR_MIN, max = crate::ask::commands::YEAR_MAX)]
    Years(String),
}

impl Topic {
    /// Read a topic: a tag (`cold-war`), a period (id, title or alias), a
    /// year or year range (`1948`, `1941-1948`, `1941..1948`), a kind
    /// (`events`, `treaties`, `people`, `periods`), or nothing / `all`.
    pub fn parse(base: &FactBase, text: &str) -> Result<Topic, TopicError> {
        let text = text.trim();
        let folded = fold_for_search(text);
        if folded.is_empty() || folded == "all" || folded == "everything" {
            return Ok(Topic::All);
        }
        if let Some(years) = parse_years(text) {
            return years.map(|(from, to)| Topic::Years(from, to)).ok_or_else(|| TopicError::Years(crate::text::echo::echo(text)));
        }
        if let Some(kind) = kind_named(&folded) {
            return Ok(Topic::Kind(kind));
        }
        let tags = all_tags(base);
        if let Some(tag) = tags.iter().find(|t| fold_for_search(t) == folded) {
            return Ok(Topic::Tag(tag.clone()));
        }
        if let Some(period) = crate::ask::cmd::period::exactly_named(base, text) {
            return Ok(Topic::Period(period.id.clone()));
        }
        if let [period] = crate::ask::cmd::period::by_name(base, text).as_slice() {
            return Ok(Topic::Period(period.id.clone()));
        }
        let mut suggestions: Vec<String> = tags
            .iter()
            .cloned()
            .chain(base.periods().iter().map(|p| p.id.clone()))
            .filter(|name| edit_distance(&fold_for_search(name), &folded) <= 2 || fold_for_search(name).contains(&folded))
            .collect();
        suggestions.truncate(5);
        Err(TopicError::Unknown { text: crate::text::echo::echo(text), suggestions })
    }

    /// How the topic reads in a headline.
    pub fn label(&self, base: &FactBase) -> String {
        match self {
            Topic::All => "the whole fact base".into(),
            Topic::Period(id) => base.period(id).map_or_else(|| id.clone(), |p| p.title.clone()),
            Topic::Tag(tag) => tag.clone(),
            Topic::Years(from, to) if from == to => from.to_string(),
            Topic::Years(from, to) => format!("{from}–{to}"),
            Topic::Kind(kind) => plural(*kind).into(),
        }
    }

    /// Whether an entry belongs to the topic.
    pub fn includes(&self, base: &FactBase, entry: &Entry) -> bool {
        match self {
            Topic::All => true,
            Topic::Period(id) => entry.id == *id || base.period_of(entry).is_some_and(|p| p.id == *id),
            Topic::Tag(tag) => entry.tags.iter().any(|t| t == tag),
            Topic::Years(from, to) => entry.kind != Kind::Period && entry.date.as_ref().is_some_and(|d| d.first_year() <= *to && d.last_year() >= *from),
            Topic::Kind(kind) => entry.kind == *kind,
        }
    }

    /// Whether every entry a question involves belongs to the topic.
    pub fn includes_question(&self, base: &FactBase, question: &Question) -> bool {
        question.entries.iter().all(|id| base.get(id).is_some_and(|entry| self.includes(base, entry)))
    }
}

/// What a topic argument may be, for autocomplete: kinds, tags and period
/// ids that start with (or contain) what was typed.
pub fn completions(base: &FactBase, partial: &str, limit: usize) -> Vec<String> {
    let typed = fold_for_search(partial);
    let mut names: Vec<String> = vec!["events".into(), "treaties".into(), "people".into(), "periods".into()];
    names.extend(all_tags(base));
    names.extend(base.periods().iter().map(|p| p.id.clone()));
    let (mut starting, containing): (Vec<String>, Vec<String>) =
        names.into_iter().filter(|n| fold_for_search(n).contains(&typed)).partition(|n| fold_for_search(n).starts_with(&typed));
    starting.extend(containing);
    starting.truncate(limit);
    starting
}

/// Every tag of the base, sorted.
pub fn all_tags(base: &FactBase) -> Vec<String> {
    let mut tags: Vec<String> = base.all_entries().flat_map(|e| e.tags.iter().cloned()).collect();
    tags.sort();
    tags.dedup();
    tags
}

fn kind_named(folded: &str) -> Option<Kind> {
    match folded {
        "event" | "events" => Some(Kind::Event),
        "treaty" | "treaties" | "agreement" | "agreements" => Some(Kind::Treaty),
        "person" | "people" | "persons" => Some(Kind::Person),
        "period" | "periods" => Some(Kind::Period),
        _ => None,
    }
}

fn plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Event => "events",
        Kind::Treaty => "treaties",
        Kind::Person => "people",
        Kind::Period => "periods",
    }
}

/// `Some(Some(range))` for a year or a range in bounds, `Some(None)` for one
/// out of bounds or reversed, `None` when the text is not years at all.
fn parse_years(text: &str) -> Option<Option<(i32, i32)>> {
    let (from, to) = match text.split_once("..").or_else(|| text.split_once('–')).or_else(|| text.split_once('-')) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (text, text),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(from) || !digits(to) {
        return None;
    }
    let (from, to): (i32, i32) = (from.parse().ok()?, to.parse().ok()?);
    let bounds = crate::ask::commands::YEAR_MIN..=crate::ask::commands::YEAR_MAX;
    let fine = bounds.contains(&i64::from(from)) && bounds.contains(&i64::from(to)) && from <= to;
    Some(fine.then_some((from, to)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges() {
        assert_eq!(parse_years("1941-1948"), Some(Some((1941, 1948))));
        assert_eq!(parse_years("1941..1948"), Some(Some((1941, 1948))));
        assert_eq!(parse_years("1948"), Some(Some((1948, 1948))));
        assert_eq!(parse_years("1948-1941"), Some(None));
        assert_eq!(parse_years("99"), Some(None));
        assert_eq!(parse_years("cold-war"), None);
    }
}
