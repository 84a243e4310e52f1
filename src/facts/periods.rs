//! The rules that only periods have (the common ones — quotes verbatim,
//! each end of the date stated by a quote, numbers and date words of the
//! title, summary and label in the quotes — are in [`super::check`] and
//! [`super::claims`], as for every kind):
//!
//! - `period-not-a-span`: a period's date is a range (`1953/1968`,
//!   `2000/..`), never a single point.
//! - `periods-overlap`: two periods may meet in one year (the year one ends
//!   and the next begins: 1968 ends the normalization and opens the
//!   antagonism), never share more. A year then belongs to the period that
//!   begins in it ([`super::FactBase::period_of_year`]).
//! - `outside-period`: an event or treaty that names its `period` must be
//!   dated within it.

use std::path::Path;

use toml::Spanned;

use super::date::{End, HistDate};
use super::diagnostic::Diagnostic;
use super::load::{Parsed, Record};

/// One period as the rules see it: where it is written, and its span.
struct Span<'a> {
    parsed: &'a Parsed,
    id: &'a str,
    date_text: &'a Spanned<String>,
    date: HistDate,
}

impl Span<'_> {
    fn error(&self, rule: &'static str) -> Diagnostic {
        Diagnostic::error(rule, &self.parsed.file, &self.parsed.content, Some(self.date_text.span()))
    }

    fn years(&self) -> String {
        match self.date.end {
            Some(End::Open) => format!("{} on", self.date.first_year()),
            _ => format!("{}–{}", self.date.first_year(), self.date.last_year()),
        }
    }
}

/// Run the period rules over every parsed entry.
pub(super) fn check(entries: &[Parsed], diagnostics: &mut Vec<Diagnostic>) {
    let mut spans = Vec::new();
    for parsed in entries {
        let Record::Period(record) = &parsed.record else { continue };
        // A date that does not parse is the `bad-date` rule's finding.
        let Ok(date) = HistDate::parse(record.date.get_ref()) else { continue };
        let span = Span { parsed, id: record.id.get_ref(), date_text: &record.date, date };
        if span.date.end.is_none() {
            diagnostics.push(
                span.error("period-not-a-span")
                    .message(format!("the period `{}` is dated `{}`, a single point", span.id, record.date.get_ref()))
                    .help("give its start and end as the quotes state them, e.g. \"1953/1968\", or \"2000/..\" when the sources give no end"),
            );
            continue;
        }
        spans.push(span);
    }
    check_overlaps(&spans, diagnostics);
    check_members(entries, &spans, diagnostics);
}

/// `periods-overlap`: sorted by start, each period may share at most its
/// first year with the end of the one before.
fn check_overlaps(spans: &[Span], diagnostics: &mut Vec<Diagnostic>) {
    let mut order: Vec<&Span> = spans.iter().collect();
    order.sort_by_key(|s| (s.date.first_year(), s.date.last_year()));
    for pair in order.windows(2) {
        let (earlier, later) = (pair[0], pair[1]);
        if earlier.date.last_year() > later.date.first_year() {
            diagnostics.push(
                later.error("periods-overlap")
                    .message(format!(
                        "the period `{}` ({}) overlaps `{}` ({}) in {}",
                        later.id,
                        later.years(),
                        earlier.id,
                        earlier.years(),
                        file_name(&earlier.parsed.file)
                    ))
                    .help("periods may meet in one year (one ends in the year the next begins) but not overlap; end the earlier one or start this one later, as the quotes say"),
            );
        }
    }
}

/// `outside-period`: an event or treaty dated outside the period it names.
fn check_members(entries: &[Parsed], spans: &[Span], diagnostics: &mut Vec<Diagnostic>) {
    for parsed in entries {
        let (period, date_text) = match &parsed.record {
            Record::Event(r) => (r.period.as_ref(), &r.date),
            Record::Treaty(r) => (r.period.as_ref(), &r.date),
            _ => continue,
        };
        let Some(period) = period else { continue };
        // A period id that names nothing is the `dangling-reference` rule's finding.
        let Some(span) = spans.iter().find(|s| s.id == period.get_ref()) else { continue };
        let Ok(date) = HistDate::parse(date_text.get_ref()) else { continue };
        let inside = span.date.covers_year(date.first_year()) && (date.last_year() == i32::MAX || span.date.covers_year(date.last_year()));
        if !inside {
            diagnostics.push(
                Diagnostic::error("outside-period", &parsed.file, &parsed.content, Some(period.span()))
                    .message(format!("this entry is dated {date}, outside the period `{}` ({})", span.id, span.years()))
                    .help(format!("name the period its date falls in, or leave `period` out and it is placed by its date ({})", file_name(&span.parsed.file))),
            );
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
