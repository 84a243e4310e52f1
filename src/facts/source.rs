//! Imported source texts: their sections, and the verbatim-quote search.
//!
//! A quote is "verbatim" when it appears in its section after *folding* both
//! sides: runs of white space become one space, typographic quotes become
//! ASCII quotes, and dashes become `-`. Nothing else is folded: case,
//! diacritics and punctuation must match the source exactly.

use std::ops::Range;

use super::schema::SourceRecord;

/// One section of a source text, in document order.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub level: usize,
    /// Byte range of the section's body in [`Source::text`].
    pub body: Range<usize>,
}

/// A cleaned source text as stored in `facts/sources/<id>.txt`.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub lang: String,
    pub url: String,
    pub license: String,
    pub text: String,
    pub sections: Vec<Section>,
    folded: Folded,
}

/// Where a quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    /// Index into [`Source::sections`].
    pub section: usize,
    /// Byte range of the match in [`Source::text`].
    pub range: Range<usize>,
}

impl Source {
    /// Build a source from its record and its text, splitting the sections.
    /// Text before the first heading belongs to the record's first section.
    pub fn new(record: &SourceRecord, text: String) -> Source {
        let first_title = record.sections.first().cloned().unwrap_or_else(|| "Lead".into());
        let sections = split_sections(&text, &first_title);
        let folded = Folded::new(&text);
        Source {
            id: record.id.clone(),
            title: record.title.clone(),
            lang: record.lang.clone(),
            url: record.url.clone(),
            license: record.license.clone(),
            text,
            sections,
            folded,
        }
    }

    /// The sections with this title (usually one).
    pub fn sections_titled<'a>(&'a self, title: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.sections.iter().enumerate().filter(move |(_, s)| s.title == title).map(|(i, _)| i)
    }

    /// Find `quote` in the section titled `section`.
    pub fn find_in_section(&self, quote: &str, section: &str) -> Option<QuoteMatch> {
        self.sections_titled(section).find_map(|index| self.find_in(quote, index))
    }

    /// Find `quote` anywhere; used to tell a moderator which section it is really in.
    pub fn find_anywhere(&self, quote: &str) -> Option<QuoteMatch> {
        (0..self.sections.len()).find_map(|index| self.find_in(quote, index))
    }

    fn find_in(&self, quote: &str, section: usize) -> Option<QuoteMatch> {
        let needle = fold(quote);
        if needle.is_empty() {
            return None;
        }
        let body = &self.sections.get(section)?.body;
        let (start, end) = self.folded.range_of(body.clone());
        let position = self.folded.text.get(start..end)?.find(&needle)? + start;
        let range = self.folded.original_range(position..position + needle.len());
        Some(QuoteMatch { section, range })
    }

    /// The paragraph around a byte range: the whole passage a quote comes from.
    pub fn passage_around(&self, range: &Range<usize>) -> &str {
        let start = self.text[..range.start].rfind("\n\n").map_or(0, |i| i + 2);
        let end = self.text[range.end..].find("\n\n").map_or(self.text.len(), |i| range.end + i);
        self.text[start..end].trim()
    }
}

/// Split a cleaned text into sections at `== Title ==` lines.
fn split_sections(text: &str, first_title: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut current = Section { title: first_title.to_string(), level: 1, body: 0..0 };
    let mut offset = 0;
    let mut first_line = true;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if let Some((level, title)) = heading(line.trim_end()) {
            if first_line && level == 1 {
                current.body = offset..offset;
            } else {
                current.body.end = line_start;
                sections.push(current);
                current = Section { title, level, body: offset..offset };
            }
        }
        first_line = false;
    }
    current.body.end = text.len();
    sections.push(current);
    sections
}

/// `== Title ==` → (2, "Title").
pub fn heading(line: &str) -> Option<(usize, String)> {
    let level = line.bytes().take_while(|&b| b == b'=').count();
    if level == 0 || !line.ends_with(&"=".repeat(level)) || line.len() < 2 * level + 1 {
        return None;
    }
    let inner = line.get(level..line.len() - level)?;
    let title = inner.trim();
    if title.is_empty() || !inner.starts_with(' ') {
        return None;
    }
    Some((level, title.to_string()))
}

/// Fold one character for quote comparison, or `None` for white space.
fn fold_char(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => {
            Some('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        c => Some(c),
    }
}

/// Fold a string for quote comparison (see the module docs).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match fold_char(c) {
            None => pending_space = !out.is_empty(),
            Some(folded) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(folded);
            }
        }
    }
    out
}

/// A folded copy of a text with a map back to the original byte offsets.
#[derive(Debug, Clone)]
struct Folded {
    text: String,
    /// For each byte of `text`, the byte offset in the original it came from.
    origin: Vec<usize>,
    /// For each byte of `text`, the end offset in the original of its character.
    origin_end: Vec<usize>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut origin_end = Vec::with_capacity(original.len());
        let mut pending_space: Option<usize> = None;
        for (offset, c) in original.char_indices() {
            match fold_char(c) {
                None => {
                    if !text.is_empty() && pending_space.is_none() {
                        pending_space = Some(offset);
                    }
                }
                Some(folded) => {
                    if let Some(space_at) = pending_space.take() {
                        text.push(' ');
                        origin.push(space_at);
                        origin_end.push(space_at + 1);
                    }
                    let end = offset + c.len_utf8();
                    for _ in 0..folded.len_utf8() {
                        origin.push(offset);
                        origin_end.push(end);
                    }
                    text.push(folded);
                }
            }
        }
        Folded { text, origin, origin_end }
    }

    /// The folded byte range that corresponds to an original byte range.
    fn range_of(&self, original: Range<usize>) -> (usize, usize) {
        let start = self.origin.partition_point(|&o| o < original.start);
        let end = self.origin.partition_point(|&o| o < original.end);
        (start, end)
    }

    /// The original byte range that a folded byte range came from.
    fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin.get(folded.start).copied().unwrap_or(0);
        let end = folded
            .end
            .checked_sub(1)
            .and_then(|last| self.origin_end.get(last).copied())
            .unwrap_or(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(sections: &[&str]) -> SourceRecord {
        SourceRecord {
            id: "demo".into(),
            title: "Demo".into(),
            lang: "en".into(),
            url: "https://example.org".into(),
            license: "CC BY-SA 4.0".into(),
            sections: sections.iter().map(|s| s.to_string()).collect(),
        }
    }

    const TEXT: &str = "= Demo =\n\nLead text with “curly quotes” and an en–dash.\n\n== History ==\n\n=== Interwar period ===\n\nAfter the war   relations\nremained frosty.\n\nSecond paragraph.\n";

    #[test]
    fn sections_split_at_headings() {
        let source = Source::new(&record(&["Lead", "History", "Interwar period"]), TEXT.into());
        let titles: Vec<&str> = source.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Lead", "History", "Interwar period"]);
        assert!(source.text[source.sections[0].body.clone()].contains("Lead text"));
        assert!(source.text[source.sections[1].body.clone()].trim().is_empty());
    }

    #[test]
    fn quotes_fold_white_space_quotes_and_dashes_only() {
        let source = Source::new(&record(&["Lead", "History", "Interwar period"]), TEXT.into());
        assert!(source.find_in_section("with \"curly quotes\" and an en-dash.", "Lead").is_some());
        let found = source.find_in_section("After the war relations remained frosty.", "Interwar period");
        let found = found.expect("white space is folded");
        assert_eq!(&source.text[found.range.clone()], "After the war   relations\nremained frosty.");
        assert_eq!(source.passage_around(&found.range), "After the war   relations\nremained frosty.");
        assert!(source.find_in_section("after the war relations remained frosty.", "Interwar period").is_none());
        assert!(source.find_in_section("After the war relations remained frosty.", "Lead").is_none());
        assert_eq!(source.find_anywhere("Second paragraph.").map(|m| m.section), Some(2));
        assert!(source.find_in_section("   ", "Lead").is_none());
    }

    #[test]
    fn headings_need_matching_marks() {
        assert_eq!(heading("== History =="), Some((2, "History".into())));
        assert_eq!(heading("==== 1948 Tito–Stalin split ===="), Some((4, "1948 Tito–Stalin split".into())));
        assert_eq!(heading("== History ="), None);
        assert_eq!(heading("a == b =="), None);
        assert_eq!(heading("===="), None);
    }
}
