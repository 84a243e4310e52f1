//! Historical dates: EDTF level 0/1 strings with a precision, parsed into a
//! span of days that can be sorted, compared and displayed.
//!
//! Accepted forms:
//!
//! | form          | meaning                  | shown as          |
//! |---------------|--------------------------|-------------------|
//! | `1968-07-12`  | a day                    | 12 July 1968      |
//! | `1940-06`     | a month                  | June 1940         |
//! | `1955`        | a year                   | 1955              |
//! | `1941-23`     | a season (21–24)         | autumn 1941       |
//! | `1948~`       | approximate (`?`, `%` too) | about 1948      |
//! | `175X`        | a decade                 | 1750s             |
//! | `13XX`        | a century                | 14th century      |
//! | `1953/1955`   | a range of any of these  | 1953–1955         |
//! | `2022/..`     | open-ended               | since 2022        |
//! | `[1813..1828]`| one time between two dates (the source gives none) | between 1813 and 1828 |

use std::fmt;

use crate::text::lexicon::century_of;
pub use crate::text::lexicon::ordinal;

/// How precise one end of a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Century,
    Decade,
    Year,
    Season(u8),
    Month,
    Day,
}

/// One point of a date: a year with optional month and day, as precise as the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub precision: Precision,
    pub approximate: bool,
}

/// A parsed date: one point, a closed range or an open-ended range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistDate {
    pub start: Point,
    /// `None` for a single point.
    pub end: Option<End>,
    /// EDTF's "one of" (`[1813..1828]`): the source gives no date, only
    /// what came before and after; the thing happened once, somewhere
    /// between `start` and `end`. It places the entry in time but answers
    /// no "when".
    pub bounds_only: bool,
}

/// The end of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Closed(Point),
    /// `..`: still going on, or the source gives no end.
    Open,
}

/// See [`HistDate::year_match`]; ordered from closest to farthest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum YearMatch {
    Exact,
    Within,
    Broad,
    None,
}

/// Why a date string did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; write `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-21`..`YYYY-24` (seasons), `YYYX` (decade), `YYXX` (century), with `~` for approximate, two of them as `start/end`, or `[start..end]` for one time between two dates when the source gives none")]
    Syntax(String),
    #[error("month {0} does not exist; months are 01 to 12")]
    Month(u8),
    #[error("day {day} does not exist in {year}-{month:02}")]
    Day { year: i32, month: u8, day: u8 },
    #[error("the range ends ({end}) before it starts ({start}); swap the two dates")]
    Reversed { start: String, end: String },
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// Whether `word` is the English name of a month as a sentence writes it ("June").
pub fn is_month_name(word: &str) -> bool {
    MONTHS.contains(&word)
}

/// The English name of a month (1–12).
pub fn month_name(month: u8) -> &'static str {
    MONTHS.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("?")
}

impl HistDate {
    /// Parse an EDTF level 0/1 string, or level 2's "one of" between two
    /// dates (`[1813..1828]`).
    pub fn parse(text: &str) -> Result<HistDate, DateError> {
        let text = text.trim();
        if let Some(inner) = text.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
            let (start, end) = inner.split_once("..").ok_or_else(|| DateError::Syntax(text.to_string()))?;
            let (start, end) = closed_range(start, end)?;
            return Ok(HistDate { start, end: Some(End::Closed(end)), bounds_only: true });
        }
        match text.split_once('/') {
            None => Ok(HistDate { start: parse_point(text)?, end: None, bounds_only: false }),
            Some((start, "..")) => Ok(HistDate { start: parse_point(start)?, end: Some(End::Open), bounds_only: false }),
            Some((start, end)) => {
                let (start, end) = closed_range(start, end)?;
                Ok(HistDate { start, end: Some(End::Closed(end)), bounds_only: false })
            }
        }
    }

    /// The first year the date covers.
    pub fn first_year(&self) -> i32 {
        self.start.first_day().0
    }

    /// The last year the date covers (`i32::MAX` when open-ended).
    pub fn last_year(&self) -> i32 {
        match self.end {
            None => self.start.last_day().0,
            Some(End::Closed(end)) => end.last_day().0,
            Some(End::Open) => i32::MAX,
        }
    }

    /// Whether `year` falls within this date.
    pub fn covers_year(&self, year: i32) -> bool {
        (self.first_year()..=self.last_year()).contains(&year)
    }

    /// How closely this date is "in" `year`, for year listings and scoring:
    /// `Exact` when a year-or-finer end of it falls in that year, `Within` when
    /// a closed range of at most ten years spans it, `Broad` when a decade,
    /// century or longer period contains it, `None` otherwise. An open-ended
    /// date is only in its first year; a date known only by its bounds is
    /// at most `Broad`.
    pub fn year_match(&self, year: i32) -> YearMatch {
        if self.bounds_only {
            // Its ends are the dates of what came before and after.
            return if self.covers_year(year) { YearMatch::Broad } else { YearMatch::None };
        }
        let points = self.points();
        let exact = points.iter().any(|p| p.year == year && p.precision > Precision::Decade);
        if exact {
            return YearMatch::Exact;
        }
        if matches!(self.end, Some(End::Open)) || !self.covers_year(year) {
            return YearMatch::None;
        }
        let span = self.last_year() - self.first_year();
        let fine = points.iter().all(|p| p.precision > Precision::Decade);
        if fine && span <= 10 { YearMatch::Within } else { YearMatch::Broad }
    }

    /// A key that sorts dates chronologically (start first, then the narrower date).
    pub fn sort_key(&self) -> (i32, u8, u8, i32) {
        let (year, month, day) = self.start.first_day();
        (year, month, day, self.last_year())
    }

    /// The points that make up this date (one or two).
    pub fn points(&self) -> Vec<Point> {
        self.ends().collect()
    }

    /// [`HistDate::points`] without a vector: the start, and a closed end.
    fn ends(&self) -> impl Iterator<Item = Point> {
        let end = match self.end {
            Some(End::Closed(end)) => Some(end),
            _ => None,
        };
        std::iter::once(self.start).chain(end)
    }

    /// Whether `text` states this date's year (for a range, either end's;
    /// for a decade or century, as the checker requires it: "1750s",
    /// "14th century").
    pub fn year_stated_by(&self, text: &str) -> bool {
        // Asked of every quote of an answer: no vector of points.
        self.ends().any(|point| point.year_stated_by(text))
    }
}

impl HistDate {
    /// Whether `text` states the year `year` of this date: the year itself,
    /// or, for a range that spans it, both ends of the range ("from 1953 to
    /// 1955" states that 1954 is within it).
    pub fn states_year(&self, text: &str, year: i32) -> bool {
        self.states_year_in(&[text], year)
    }

    /// [`HistDate::states_year`] over several texts together: the ends of a
    /// range may be stated by two quotes.
    pub fn states_year_in(&self, texts: &[&str], year: i32) -> bool {
        let points = self.points();
        let spans = points.len() == 2 && (self.first_year()..=self.last_year()).contains(&year);
        let stated = |word: &str| texts.iter().any(|text| contains_word(text, word));
        stated(&year.to_string()) || (spans && points.iter().all(|p| p.year_words().iter().all(|w| stated(w))))
    }
}

/// `number` in decimal digits, as `to_string` writes it, into `buffer`;
/// `None` below zero (a sign is no digit).
fn digits_of(number: i32, buffer: &mut [u8; 10]) -> Option<&str> {
    let mut rest = u32::try_from(number).ok()?;
    let mut start = buffer.len();
    loop {
        start -= 1;
        // A digit: `rest % 10` is below 10.
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    std::str::from_utf8(&buffer[start..]).ok()
}

/// [`contains_word`] for a word that has no case (a number).
fn contains_exactly(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return text.match_indices(word).any(|(start, matched)| bounded(text, start, matched.len()));
    }
    // An ASCII word's bytes never occur inside a multibyte character, so
    // every byte match is at character boundaries.
    ascii_matches(text.as_bytes(), word.as_bytes(), false).any(|start| bounded(text, start, word.len()))
}

/// Whether the `length` bytes of `text` at `start` stand alone: no letter
/// or digit just before or after them.
fn bounded(text: &str, start: usize, length: usize) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    boundary(text[..start].chars().next_back()) && boundary(text[start + length..].chars().next())
}

/// The starts of the leftmost non-overlapping matches of non-empty `word`
/// in `text` (as [`str::match_indices`] finds them, without building a
/// searcher for each call), ASCII letters compared without case when
/// `any_case`. A match is whole UTF-8 characters: a byte that starts a
/// character only ever matches one that starts one.
fn ascii_matches<'a>(text: &'a [u8], word: &'a [u8], any_case: bool) -> impl Iterator<Item = usize> + 'a {
    let (first, rest) = (word[0], &word[1..]);
    let (lower, upper) = if any_case { (first.to_ascii_lowercase(), first.to_ascii_uppercase()) } else { (first, first) };
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(found) = memchr::memchr2(lower, upper, text.get(at..)?) {
            let start = at + found;
            let tail = text.get(start + 1..start + word.len());
            let same = tail.is_some_and(|tail| if any_case { tail.eq_ignore_ascii_case(rest) } else { tail == rest });
            at = if same { start + word.len() } else { start + 1 };
            if same {
                return Some(start);
            }
        }
        None
    })
}

/// Whether `word` appears in `text` not as part of a longer number or word.
pub fn contains_word(text: &str, word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return contains_exactly(text, word);
    }
    if !word.is_empty() && word.chars().all(|c| c.is_ascii() || !c.is_alphabetic()) && !holds_lowercase_to_ascii(text) {
        // The same matches as below, without copies: beside these two, no
        // character lowercases to ASCII, none lowercases to more than one
        // character or to a non-letter other than itself, and none changes
        // whether it is a letter or digit (checked over all of Unicode).
        return ascii_matches(text.as_bytes(), word.as_bytes(), true).any(|start| bounded(text, start, word.len()));
    }
    let (text_lower, word_lower) = (lowercase(text), lowercase(word));
    text_lower.match_indices(&word_lower).any(|(start, matched)| {
        let before = text_lower[..start].chars().next_back();
        let after = text_lower[start + matched.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        boundary(before) && boundary(after)
    })
}

/// The only characters beyond ASCII whose lower case holds ASCII letters
/// ("İ" → "i̇", the Kelvin sign → "k").
const LOWERCASE_TO_ASCII: [&str; 2] = ["\u{130}", "\u{212A}"];

/// Whether `text` holds one of [`LOWERCASE_TO_ASCII`]: looked for by the
/// first bytes of their UTF-8 forms (0xC4, 0xE2) with `memchr`, not by
/// decoding every character of the text.
fn holds_lowercase_to_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xC4, 0xE2, bytes).any(|at| LOWERCASE_TO_ASCII.iter().any(|c| bytes[at..].starts_with(c.as_bytes())))
}

/// `text` in lower case: byte by byte when it is ASCII (the same result as
/// [`str::to_lowercase`], without its per-character Unicode lookups).
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

impl Point {
    /// What a quote must contain to state this point (the checker's rule).
    pub fn required_words(&self) -> Vec<String> {
        match self.precision {
            Precision::Month => vec![month_name(self.month.unwrap_or(1)).to_string(), self.year.to_string()],
            Precision::Day => vec![self.day.unwrap_or(1).to_string(), month_name(self.month.unwrap_or(1)).to_string(), self.year.to_string()],
            _ => self.year_words(),
        }
    }

    /// What a quote must contain to state this point's year.
    pub fn year_words(&self) -> Vec<String> {
        match self.precision {
            Precision::Century => vec![century_of(self.year)],
            Precision::Decade => vec![format!("{}s", self.year)],
            _ => vec![self.year.to_string()],
        }
    }

    /// Whether `text` states this point's year ([`Point::year_words`]).
    pub fn year_stated_by(&self, text: &str) -> bool {
        // The one word of `year_words` for a year, month, season or day,
        // written without a String: asked of every quote of an answer.
        let mut buffer = [0; 10];
        let one_year = !matches!(self.precision, Precision::Century | Precision::Decade);
        if let Some(digits) = digits_of(self.year, &mut buffer).filter(|_| one_year) {
            return contains_word(text, digits);
        }
        self.year_words().iter().all(|word| contains_word(text, word))
    }

    /// The earliest (year, month, day) this point covers.
    pub fn first_day(&self) -> (i32, u8, u8) {
        match self.precision {
            Precision::Century | Precision::Decade | Precision::Year => (self.year, 1, 1),
            Precision::Season(season) => (self.year, season_first_month(season), 1),
            Precision::Month | Precision::Day => {
                (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            }
        }
    }

    /// The latest (year, month, day) this point covers.
    pub fn last_day(&self) -> (i32, u8, u8) {
        match self.precision {
            Precision::Century => (self.year + 99, 12, 31),
            Precision::Decade => (self.year + 9, 12, 31),
            Precision::Year => (self.year, 12, 31),
            Precision::Season(season) => (self.year, season_first_month(season) + 2, 31),
            Precision::Month => {
                let month = self.month.unwrap_or(12);
                (self.year, month, days_in_month(self.year, month))
            }
            Precision::Day => (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31)),
        }
    }
}

fn season_first_month(season: u8) -> u8 {
    match season {
        21 => 3,
        22 => 6,
        23 => 9,
        _ => 12,
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The two ends of a closed range, in order.
fn closed_range(start: &str, end: &str) -> Result<(Point, Point), DateError> {
    let start_point = parse_point(start)?;
    let end_point = parse_point(end)?;
    if end_point.last_day() < start_point.first_day() {
        return Err(DateError::Reversed { start: start.into(), end: end.into() });
    }
    Ok((start_point, end_point))
}

fn parse_point(text: &str) -> Result<Point, DateError> {
    let syntax = || DateError::Syntax(text.to_string());
    let (body, approximate) = match text.strip_suffix(['~', '?', '%']) {
        Some(body) => (body, true),
        None => (text, false),
    };
    let mut parts = body.split('-');
    let year_text = parts.next().ok_or_else(syntax)?;
    let (year, precision) = parse_year(year_text).ok_or_else(syntax)?;
    let month_text = parts.next();
    let day_text = parts.next();
    if parts.next().is_some() {
        return Err(syntax());
    }
    let mut point = Point { year, month: None, day: None, precision, approximate };
    let Some(month_text) = month_text else { return Ok(point) };
    if precision != Precision::Year {
        return Err(syntax());
    }
    let month = parse_two_digits(month_text).ok_or_else(syntax)?;
    if (21..=24).contains(&month) && day_text.is_none() {
        point.precision = Precision::Season(month);
        return Ok(point);
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month));
    }
    point.month = Some(month);
    point.precision = Precision::Month;
    let Some(day_text) = day_text else { return Ok(point) };
    let day = parse_two_digits(day_text).ok_or_else(syntax)?;
    if day == 0 || day > days_in_month(year, month) {
        return Err(DateError::Day { year, month, day });
    }
    point.day = Some(day);
    point.precision = Precision::Day;
    Ok(point)
}

/// `1955` → year; `195X` → decade; `19XX` → century.
fn parse_year(text: &str) -> Option<(i32, Precision)> {
    if text.len() != 4 || !text.is_ascii() {
        return None;
    }
    let (digits, precision) = if let Some(head) = text.strip_suffix("XX") {
        (format!("{head}00"), Precision::Century)
    } else if let Some(head) = text.strip_suffix('X') {
        (format!("{head}0"), Precision::Decade)
    } else {
        (text.to_string(), Precision::Year)
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(|year| (year, precision))
}

fn parse_two_digits(text: &str) -> Option<u8> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("about ")?;
        }
        match self.precision {
            Precision::Century => f.write_str(&century_of(self.year)),
            Precision::Decade => write!(f, "{}s", self.year),
            Precision::Year => write!(f, "{}", self.year),
            Precision::Season(season) => {
                let name = ["spring", "summer", "autumn", "winter"]
                    .get(usize::from(season.saturating_sub(21)))
                    .copied()
                    .unwrap_or("season");
                write!(f, "{name} {}", self.year)
            }
            Precision::Month => {
                write!(f, "{} {}", month_name(self.month.unwrap_or(1)), self.year)
            }
            Precision::Day => write!(
                f,
                "{} {} {}",
                self.day.unwrap_or(1),
                month_name(self.month.unwrap_or(1)),
                self.year
            ),
        }
    }
}

impl fmt::Display for HistDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            None => write!(f, "{}", self.start),
            Some(End::Open) => write!(f, "since {}", self.start),
            Some(End::Closed(end)) if self.bounds_only => write!(f, "between {} and {}", self.start, end),
            Some(End::Closed(end)) => write!(f, "{}–{}", self.start, end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_that_lowercase_to_ascii_are_found_by_their_bytes() {
        for (text, holds) in [("İstanbul", true), ("300 \u{212A}", true), ("1953–1955 “a”", false), ("Ĳssel", false), ("plain", false)] {
            assert_eq!(holds_lowercase_to_ascii(text), holds, "{text}");
            assert_eq!(holds_lowercase_to_ascii(text), text.contains(['\u{130}', '\u{212A}']), "{text}");
        }
    }

    #[test]
    fn digits_are_written_as_to_string_writes_them() {
        let mut buffer = [0; 10];
        for number in [0, 7, 10, 999, 1948, 2026, 100_000, i32::MAX] {
            assert_eq!(digits_of(number, &mut buffer), Some(number.to_string().as_str()));
        }
        assert_eq!(digits_of(-44, &mut buffer), None);
    }

    fn shown(text: &str) -> String {
        match HistDate::parse(text) {
            Ok(date) => date.to_string(),
            Err(error) => format!("error: {error}"),
        }
    }

    #[test]
    fn every_accepted_form_parses_and_displays() {
        assert_eq!(shown("1968-07-12"), "12 July 1968");
        assert_eq!(shown("1940-06"), "June 1940");
        assert_eq!(shown("1955"), "1955");
        assert_eq!(shown("1941-23"), "autumn 1941");
        assert_eq!(shown("1948~"), "about 1948");
        assert_eq!(shown("175X"), "1750s");
        assert_eq!(shown("13XX"), "14th century");
        assert_eq!(shown("1953/1955"), "1953–1955");
        assert_eq!(shown("1941-04/1945"), "April 1941–1945");
        assert_eq!(shown("2022/.."), "since 2022");
        assert_eq!(shown("[1813..1828]"), "between 1813 and 1828");
        assert_eq!(shown("2000-02-29"), "29 February 2000");
    }

    #[test]
    fn rejections_say_what_is_wrong() {
        assert!(shown("1955-13").contains("month 13"));
        assert!(shown("1955-02-30").contains("day 30"));
        assert!(shown("1900-02-29").contains("day 29"));
        assert!(shown("1955/1953").contains("before it starts"));
        assert!(shown("[1828..1813]").contains("before it starts"));
        for bad in ["", "55", "19555", "1955-6", "1955-06-1", "June 1955", "1955-21-01", "X955", "1955-06-12-01", "1955/", "1955–1956", "[1813/1828]", "[1813..]", "[1813..1828"] {
            assert!(shown(bad).starts_with("error"), "{bad:?} should not parse");
        }
    }

    #[test]
    fn ranges_cover_their_years() {
        let date = HistDate::parse("1953/1955").unwrap();
        assert!(date.covers_year(1954));
        assert!(!date.covers_year(1956));
        let decade = HistDate::parse("175X").unwrap();
        assert_eq!((decade.first_year(), decade.last_year()), (1750, 1759));
        let century = HistDate::parse("13XX").unwrap();
        assert_eq!((century.first_year(), century.last_year()), (1300, 1399));
        assert!(HistDate::parse("2022/..").unwrap().covers_year(2024));
    }

    #[test]
    fn year_match_is_strict_about_long_and_open_periods() {
        let m = |text: &str, year| HistDate::parse(text).unwrap().year_match(year);
        assert_eq!(m("1968-07-12", 1968), YearMatch::Exact);
        assert_eq!(m("1953/1955", 1955), YearMatch::Exact);
        assert_eq!(m("1953/1955", 1954), YearMatch::Within);
        assert_eq!(m("195X", 1956), YearMatch::Broad);
        assert_eq!(m("1903/..", 1903), YearMatch::Exact);
        assert_eq!(m("1903/..", 1956), YearMatch::None);
        assert_eq!(m("1918/1941", 1930), YearMatch::Broad);
        assert_eq!(m("1955", 1956), YearMatch::None);
        assert_eq!(m("[1813..1828]", 1813), YearMatch::Broad);
        assert_eq!(m("[1813..1828]", 1820), YearMatch::Broad);
        assert_eq!(m("[1813..1828]", 1829), YearMatch::None);
    }

    #[test]
    fn sort_key_orders_chronologically() {
        let mut dates: Vec<HistDate> = ["1968-07-12", "1948", "1968", "1941-23", "1941-04-05"]
            .iter()
            .map(|text| HistDate::parse(text).unwrap())
            .collect();
        dates.sort_by_key(HistDate::sort_key);
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["5 April 1941", "autumn 1941", "1948", "1968", "12 July 1968"]);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(14), "14th");
        assert_eq!(ordinal(21), "21st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(3), "3rd");
    }

    /// [`contains_word`] as it was before its byte search: lowercase
    /// copies of both, then `match_indices`.
    fn contains_word_by_copies(text: &str, word: &str) -> bool {
        let (text, word) = (text.to_lowercase(), word.to_lowercase());
        text.match_indices(&word).any(|(start, matched)| {
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            boundary(text[..start].chars().next_back()) && boundary(text[start + matched.len()..].chars().next())
        })
    }

    #[test]
    fn the_byte_search_finds_what_lowercase_copies_find() {
        let texts = ["From 1953–1955, Bilateral ties", "In the 1750S, in Đerdap", "ÉTAIT june 1948–1955.", "aaa Aa aA", "Kelvin \u{212A}elvin İstanbul", "1953–19555 1953–1955x 1953–1955"];
        let words = ["1955", "june", "1953–1955", "aa", "a", "kelvin", "istanbul", "étAIT", "1750s", "bilateral ties", "–"];
        for text in texts {
            for word in words {
                assert_eq!(contains_word(text, word), contains_word_by_copies(text, word), "{word:?} in {text:?}");
            }
        }
    }

    #[test]
    fn words_need_boundaries() {
        assert!(contains_word("On 5 June 1972 Josip", "5"));
        assert!(contains_word("On 5 June 1972 Josip", "june"));
        assert!(!contains_word("On 15 June 1972", "5"));
        assert!(!contains_word("In 19555", "1955"));
        assert!(contains_word("From 1953–1955, bilateral", "1955"));
        assert!(contains_word("In the 1750s, in", "1750s"));
    }
}
