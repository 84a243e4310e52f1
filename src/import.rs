//! `histbot source import`: turn a raw source document into the project's
//! stored copy, `facts/sources/<id>.txt`, and record it in `facts/sources.toml`.
//!
//! The raw documents (see `../shared/sources/README.md`) are Wikipedia text
//! captured in several shapes, each with its own noise. Cleaning removes the
//! noise and normalises the line structure; it never rewrites the words of the
//! article, because facts quote the cleaned text verbatim.
//!
//! The cleaned text looks like this:
//!
//! ```text
//! = <title> =
//!
//! <paragraph of the first section, one line>
//!
//! == History ==
//!
//! === Interwar period ===
//!
//! <paragraph>
//! ```
//!
//! Two line models occur in the raw files:
//!
//! * **paragraph lines** (most files): every non-empty line is a paragraph
//!   (or one sentence, or one list item) and is kept as one paragraph;
//! * **fragment lines** (the Russia–Serbia capture): the text was broken before
//!   every link, and every link with a hover preview is followed by that
//!   preview. There the previews are removed and the fragments are joined back
//!   into sentences and paragraphs, and headings are plain lines that have to be
//!   recognised from their shape.
//!
//! The model is chosen from the text itself ([`has_link_previews`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;

use crate::facts::check::is_slug;
use crate::facts::schema::{SourceRecord, SourcesFile};

/// The license of every imported text (Wikipedia's text license).
pub const LICENSE: &str = "CC BY-SA 4.0";

/// The comment written at the top of `facts/sources.toml`.
pub const SOURCES_TOML_HEADER: &str = "\
# Imported source texts, one [[source]] per file facts/sources/<id>.txt.
# Written by `histbot source import` (see facts/sources/IMPORT.md); do not edit by hand.
# The texts are from Wikipedia, by Wikipedia contributors (see each url), licensed
# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); cleaned by histbot.
";

/// What `histbot source import` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The raw document.
    pub raw: PathBuf,
    /// The source id (a slug); the text goes to `<facts_dir>/sources/<id>.txt`.
    pub id: String,
    /// The title, written as line 1 (`= <title> =`) and into `sources.toml`.
    pub title: String,
    /// BCP 47 language tag (`en`, `ar`).
    pub lang: String,
    /// Where the text comes from.
    pub url: String,
    /// The name of the section before the first heading ("Lead").
    pub first_section: String,
    /// The fact base directory (`facts`).
    pub facts_dir: PathBuf,
}

/// A cleaned text and its section titles in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The whole stored text, ending in a single `\n`.
    pub text: String,
    /// `first_section`, then every heading title in document order, duplicates removed.
    pub sections: Vec<String>,
}

/// Why an import failed; every message says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("raw source file {} not found: check the path (the raw documents live in ../shared/sources/)", path.display())]
    RawNotFound { path: PathBuf },
    #[error("cannot read raw source file {}: {source}", path.display())]
    ReadRaw {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("raw source file {} is not valid UTF-8 (first bad byte at offset {offset}): re-save it as UTF-8", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("source id {id:?} is not a slug: use lowercase ASCII letters, digits and single hyphens, e.g. `suy-lead`")]
    BadId { id: String },
    #[error("language {lang:?} is not a BCP 47 tag: use e.g. `en` or `ar`")]
    BadLang { lang: String },
    #[error("the --{field} option is empty or spans several lines: give it as one line of text")]
    BadField { field: &'static str },
    #[error("url {url:?} is not an http(s) address: give the address of the page the text comes from")]
    BadUrl { url: String },
    #[error("cleaning {} left no text: is it the right file?", path.display())]
    EmptyText { path: PathBuf },
    #[error("fact directory {} does not exist: run from the repository root or pass --facts DIR", path.display())]
    FactsDirMissing { path: PathBuf },
    #[error("{} is not a valid sources file: {source}; fix it or delete it and re-run every import (see facts/sources/IMPORT.md)", path.display())]
    BadSourcesToml {
        path: PathBuf,
        #[source]
        source: toml::de::Error,
    },
    #[error("cannot serialise the sources file: {0}")]
    Serialize(#[from] toml::ser::Error),
    #[error("cannot write {}: {source}; check that the directory is writable", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

// ---------------------------------------------------------------------------
// import_source
// ---------------------------------------------------------------------------

/// Clean `opts.raw`, write `<facts_dir>/sources/<id>.txt`, and insert or
/// replace (by id) its record in `<facts_dir>/sources.toml`, records sorted by id.
pub fn import_source(opts: &ImportOptions) -> Result<SourceRecord, ImportError> {
    if !is_slug(&opts.id) {
        return Err(ImportError::BadId { id: opts.id.clone() });
    }
    if !is_language_tag(&opts.lang) {
        return Err(ImportError::BadLang { lang: opts.lang.clone() });
    }
    for (field, value) in [("title", &opts.title), ("first-section", &opts.first_section)] {
        if value.trim().is_empty() || value.contains('\n') || value.trim() != value.as_str() {
            return Err(ImportError::BadField { field });
        }
    }
    if !(opts.url.starts_with("https://") || opts.url.starts_with("http://"))
        || opts.url.chars().any(char::is_whitespace)
    {
        return Err(ImportError::BadUrl { url: opts.url.clone() });
    }
    if !opts.facts_dir.is_dir() {
        return Err(ImportError::FactsDirMissing { path: opts.facts_dir.clone() });
    }

    let bytes = std::fs::read(&opts.raw).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ImportError::RawNotFound { path: opts.raw.clone() }
        } else {
            ImportError::ReadRaw { path: opts.raw.clone(), source }
        }
    })?;
    let raw = String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        path: opts.raw.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;

    let cleaned = clean(&raw, &opts.title, &opts.first_section);
    // Only the title line and headings left: nothing a fact could quote.
    if !cleaned.text.lines().skip(1).any(|l| !l.is_empty() && wiki_heading(l).is_none()) {
        return Err(ImportError::EmptyText { path: opts.raw.clone() });
    }

    let record = SourceRecord {
        id: opts.id.clone(),
        title: opts.title.clone(),
        lang: opts.lang.clone(),
        url: opts.url.clone(),
        license: LICENSE.to_string(),
        sections: cleaned.sections.clone(),
    };

    let sources_dir = opts.facts_dir.join("sources");
    std::fs::create_dir_all(&sources_dir)
        .map_err(|source| ImportError::Write { path: sources_dir.clone(), source })?;
    write_file(&sources_dir.join(format!("{}.txt", opts.id)), &cleaned.text)?;

    let toml_path = opts.facts_dir.join("sources.toml");
    let mut file = match std::fs::read_to_string(&toml_path) {
        Ok(text) => toml::from_str::<SourcesFile>(&text)
            .map_err(|source| ImportError::BadSourcesToml { path: toml_path.clone(), source })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => SourcesFile::default(),
        Err(source) => return Err(ImportError::ReadRaw { path: toml_path, source }),
    };
    file.source.retain(|r| r.id != record.id);
    file.source.push(record.clone());
    file.source.sort_by(|a, b| a.id.cmp(&b.id));
    let body = toml::to_string_pretty(&file)?;
    write_file(&toml_path, &format!("{SOURCES_TOML_HEADER}\n{body}"))?;

    Ok(record)
}

/// Write via a temporary file and a rename, so a failed write never leaves half a file.
fn write_file(path: &Path, contents: &str) -> Result<(), ImportError> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, contents)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|source| ImportError::Write { path: path.to_path_buf(), source })
}

/// A BCP 47 shape check: a 2–3 letter primary tag, then optional subtags.
fn is_language_tag(lang: &str) -> bool {
    let mut parts = lang.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

// ---------------------------------------------------------------------------
// clean
// ---------------------------------------------------------------------------

/// One unit of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Heading { level: usize, title: String },
    Para(String),
}

/// Clean a raw document. Pure and deterministic.
pub fn clean(raw: &str, title: &str, first_section: &str) -> Cleaned {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.lines().map(str::trim).collect();

    let blocks = if has_link_previews(&lines) {
        clean_fragment_lines(&lines)
    } else {
        clean_paragraph_lines(&lines)
    };
    render(&blocks, title, first_section)
}

fn render(blocks: &[Block], title: &str, first_section: &str) -> Cleaned {
    let mut text = String::new();
    let _ = write!(text, "= {} =\n\n", title.trim());
    let mut sections = vec![first_section.to_string()];
    for block in blocks {
        match block {
            Block::Heading { level, title } => {
                let marks = "=".repeat(*level);
                let _ = write!(text, "{marks} {title} {marks}\n\n");
                if !sections.contains(title) {
                    sections.push(title.clone());
                }
            }
            Block::Para(p) => {
                text.push_str(p.trim());
                text.push_str("\n\n");
            }
        }
    }
    while text.ends_with("\n\n") {
        text.pop();
    }
    Cleaned { text, sections }
}

// --- rules shared by both line models ---------------------------------------

/// A wiki heading line `==History==` / `= T =`: its level (number of `=`) and title.
fn wiki_heading(line: &str) -> Option<(usize, String)> {
    let open = line.bytes().take_while(|&b| b == b'=').count();
    let close = line.bytes().rev().take_while(|&b| b == b'=').count();
    if open == 0 || open != close || line.len() <= 2 * open {
        return None;
    }
    let title = line[open..line.len() - close].trim();
    if title.is_empty() || title.contains('=') {
        return None;
    }
    Some((open, title.to_string()))
}

/// Remove numeric citation markers (`[6]`, `refugees,[3] mainly`, a leading
/// `[6] `) without touching other bracket text such as `[...]`.
fn remove_citation_markers(line: &str) -> String {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    let marker = MARKER.get_or_init(|| Regex::new(r"\[\d{1,3}\]").expect("valid regex"));
    let mut out = String::with_capacity(line.len());
    let mut rest_start = 0;
    for m in marker.find_iter(line) {
        out.push_str(&line[rest_start..m.start()]);
        rest_start = m.end();
        let after = line[m.end()..].chars().next();
        let space_before = out.is_empty() || out.ends_with(char::is_whitespace);
        match after {
            // `word [6] word` and a leading `[6] word`: drop one space as well.
            Some(c) if c.is_whitespace() && space_before => {
                rest_start += c.len_utf8();
            }
            // `word [6].` / `word [6]` at the end: the space before goes.
            None => out.truncate(out.trim_end().len()),
            Some(c) if space_before && is_closing_punct(c) => out.truncate(out.trim_end().len()),
            _ => {}
        }
    }
    out.push_str(&line[rest_start..]);
    out
}

fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | ')' | ']' | '!' | '?' | '′' | '’' | '%')
}

/// Short words after which a sentence cannot end.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "nor", "but", "to", "in", "on", "at", "by", "for", "from", "with",
    "as", "into", "under", "between", "than", "that", "which", "who", "whose", "its", "his", "her", "their",
    "is", "was", "were", "are", "be", "been", "regarding", "towards", "toward", "via", "about", "over",
    "after", "before", "not",
];

fn last_word(line: &str) -> &str {
    line.rsplit(char::is_whitespace).next().unwrap_or("")
}

fn ends_with_function_word(line: &str) -> bool {
    let w = last_word(line);
    FUNCTION_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f))
}

/// The line ends a sentence: `.`, `!` or `?`, possibly followed by closing quotes.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '”', '’', '″', '\'', '»']);
    core.ends_with(['.', '!', '?'])
}

/// The line begins a new sentence: an upper-case letter, possibly after an opening quote.
fn starts_sentence(line: &str) -> bool {
    let core = line.trim_start_matches(['"', '“', '″', '\'', '«']);
    core.chars().next().is_some_and(char::is_uppercase)
}

fn is_bullet(line: &str) -> bool {
    line.starts_with('*') || line == "-" || line.starts_with("- ")
}

/// An empty list item (`*`, `**`, `-`).
fn is_empty_bullet(line: &str) -> bool {
    !line.is_empty() && line.chars().all(|c| c == '*' || c == '-')
}

// --- paragraph lines ----------------------------------------------------------

/// Every non-empty line is a paragraph. Wiki headings become section markers,
/// the `= T =` title line and the `Infobox` stub go, infobox labels repeated at
/// the top go, citation markers go.
fn clean_paragraph_lines(lines: &[&str]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut in_first_section_preamble = true;
    let mut in_infobox_stub = false;
    for &line in lines {
        if line.is_empty() {
            in_infobox_stub = false;
            continue;
        }
        if let Some((level, title)) = wiki_heading(line) {
            in_infobox_stub = false;
            if level >= 2 {
                in_first_section_preamble = false;
                blocks.push(Block::Heading { level, title });
            }
            // Level 1 is the article title: line 1 of the output already is the title.
            continue;
        }
        // The `Infobox` stub line and the `- Key: value` lines under it.
        if is_infobox_stub(line) {
            in_infobox_stub = true;
            continue;
        }
        if in_infobox_stub && is_infobox_field(line) {
            continue;
        }
        in_infobox_stub = false;
        if is_empty_bullet(line) {
            continue;
        }
        // Infobox labels repeated at the top of a lead: short title-like lines
        // before the first real paragraph.
        if in_first_section_preamble && is_infobox_label(line) {
            continue;
        }
        in_first_section_preamble = false;
        let text = remove_citation_markers(line);
        let text = text.trim();
        if !text.is_empty() {
            blocks.push(Block::Para(text.to_string()));
        }
    }
    blocks
}

fn is_infobox_stub(line: &str) -> bool {
    line == "Infobox" || line.starts_with("Infobox ") || line.starts_with("{{Infobox")
}

/// `- Flagvariant1: 1936`
fn is_infobox_field(line: &str) -> bool {
    line.strip_prefix("- ")
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(key, _)| !key.is_empty() && !key.contains(' ') && !key.contains('"'))
}

/// A short title-like line (no sentence end, at most eight words): an infobox
/// label such as `Soviet Union` or `Soviet Union–Yugoslavia relations`.
fn is_infobox_label(line: &str) -> bool {
    !ends_sentence(line) && line.split_whitespace().count() <= 8 && !line.contains(". ")
}

// --- fragment lines (link previews) ------------------------------------------

/// A hover-preview tail: the preview text cut off with ` ...`.
fn is_preview_tail(line: &str) -> bool {
    line.ends_with("...") && !line.ends_with("....")
}

/// The text is a capture with link previews when several lines end in a
/// preview tail. Ordinary prose hardly ever ends a line with ` ...`.
pub fn has_link_previews(lines: &[&str]) -> bool {
    const MIN_PREVIEW_TAILS: usize = 3;
    lines.iter().filter(|l| is_preview_tail(l)).count() >= MIN_PREVIEW_TAILS
}

/// A line of a fragment-line text on its way to becoming a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Frag {
    Blank,
    Heading { level: usize, title: String },
    Text {
        text: String,
        /// A linked term whose preview followed (and was removed).
        term: bool,
        /// What is left of a line after an inline reference: it continues the
        /// sentence the reference sat in, so it is never a paragraph start.
        continues: bool,
    },
}

impl Frag {
    fn text(s: impl Into<String>) -> Frag {
        Frag::Text { text: s.into(), term: false, continues: false }
    }
    fn as_text(&self) -> Option<&str> {
        match self {
            Frag::Text { text, .. } => Some(text),
            _ => None,
        }
    }
    fn is_term(&self) -> bool {
        matches!(self, Frag::Text { term: true, .. })
    }
}

fn clean_fragment_lines(lines: &[&str]) -> Vec<Block> {
    let lines = cut_at_defaultsort(lines);
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !is_infobox_fragment(l) && !is_file_line(l))
        .collect();
    let frags = remove_inline_references(&lines);
    let frags = remove_link_previews(frags);
    let frags: Vec<Frag> = frags
        .into_iter()
        .map(|f| match f {
            Frag::Text { text, term, continues } => {
                Frag::Text { text: remove_citation_markers(&text).trim().to_string(), term, continues }
            }
            other => other,
        })
        .collect();
    let frags = detect_headings(frags);
    let frags = tidy_lists(frags);
    join_fragments(frags)
}

/// `{{DEFAULTSORT:…` closes a wiki article; what follows in the capture is
/// the infobox repeated at the end.
fn cut_at_defaultsort<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let end = lines.iter().position(|l| l.starts_with("{{DEFAULTSORT")).unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// `, image_flag = Flag of Serbia.svg`, `, national_motto =`: an infobox
/// parameter line.
fn is_infobox_fragment(line: &str) -> bool {
    static FIELD: OnceLock<Regex> = OnceLock::new();
    FIELD
        .get_or_init(|| Regex::new(r"^,\s*[a-z_0-9]+\s*=").expect("valid regex"))
        .is_match(line)
}

/// `File:Ambasada_Rusije_u_Beogradu.JPG, Embassy of Russia in Belgrade`: a gallery line.
fn is_file_line(line: &str) -> bool {
    line.starts_with("File:") || line.starts_with("Image:")
}

/// Inline references (a line starting with `[`, not a numeric citation
/// marker) go, with the lines they run over:
///
/// * `[https://… title] Rest of sentence`: up to the closing `]`;
/// * `[″Title″ // Journal …]`, `[Author]` + title lines: up to the page or
///   date that ends a citation (`p. 25.`, `3 July 2016.`), where the prose
///   resumes.
///
/// What follows the reference on its last line continues the sentence.
fn remove_inline_references(lines: &[&str]) -> Vec<Frag> {
    /// A reference never runs over more lines than this.
    const MAX_REFERENCE_LINES: usize = 8;
    static END: OnceLock<Regex> = OnceLock::new();
    let end_of_citation = END.get_or_init(|| {
        Regex::new(
            r"\bp\.\s?\d+(?:[–-]\d+)?\.|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\.",
        )
        .expect("valid regex")
    });
    static MARKER: OnceLock<Regex> = OnceLock::new();
    let citation_marker = MARKER.get_or_init(|| Regex::new(r"^\[\d{1,3}\]").expect("valid regex"));

    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() {
            out.push(Frag::Blank);
            i += 1;
            continue;
        }
        if !line.starts_with('[') || citation_marker.is_match(line) || line.starts_with("[...]") {
            out.push(Frag::text(line));
            i += 1;
            continue;
        }
        // A URL reference closed on its own line.
        if line.starts_with("[http") {
            if let Some(close) = line.find(']') {
                push_remainder(&mut out, &line[close + 1..]);
                i += 1;
                continue;
            }
        }
        // Find where the citation ends.
        let last = (i + MAX_REFERENCE_LINES).min(lines.len());
        let found = (i..last).find_map(|j| end_of_citation.find(lines[j]).map(|m| (j, m.end())));
        match found {
            Some((j, end)) => {
                push_remainder(&mut out, &lines[j][end..]);
                i = j + 1;
            }
            None => {
                // Not a citation we recognise: drop only the bracketed part.
                match line.find(']') {
                    Some(close) => push_remainder(&mut out, &line[close + 1..]),
                    None => out.push(Frag::text(line)),
                }
                i += 1;
            }
        }
    }
    out
}

fn push_remainder(out: &mut Vec<Frag>, rest: &str) {
    let rest = rest.trim();
    if !rest.is_empty() {
        out.push(Frag::Text { text: rest.to_string(), term: false, continues: true });
    }
}

/// The longest preview seen: a disambiguation list of six lines.
const MAX_PREVIEW_LINES: usize = 7;

/// Remove the hover previews that follow linked terms.
///
/// A preview is a block of lines right after the term, ending in a preview
/// tail (` ...`). One line ending in ` ...` right after a kept line is a
/// preview. A longer block must look like one: its first line names the term
/// (`The Principality of Bulgaria () was …` after `Principality of Bulgaria`),
/// starts with the stripped title's leftovers (`(`, `is a …`), or is a
/// disambiguation line (`… may refer to:`); and its inner lines must not be
/// sentence fragments (see [`is_preview_inner_line`]).
///
/// A term whose preview starts on its own line (`Alexander I Alexander I may
/// refer to:`) keeps the term and drops the rest.
fn remove_link_previews(frags: Vec<Frag>) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::with_capacity(frags.len());
    let mut i = 0;
    while i < frags.len() {
        let frag = &frags[i];
        let Some(text) = frag.as_text() else {
            out.push(frag.clone());
            i += 1;
            continue;
        };
        // A stray tail never makes it out, even if no rule above recognised its block.
        if is_preview_tail(text) {
            i += 1;
            continue;
        }
        // Term and disambiguation preview on one line.
        if let Some(term) = term_with_inline_disambiguation(text) {
            if let Some(end) = preview_tail_within(&frags, i + 1, |_, l| is_preview_inner_line(l))
                .or_else(|| frags.get(i + 1).and_then(Frag::as_text).filter(|l| is_preview_tail(l)).map(|_| i + 1))
            {
                out.push(Frag::Text { text: term, term: true, continues: false });
                i = end + 1;
                continue;
            }
        }
        let mut kept = frag.clone();
        let mut next = i + 1;
        if let Some(end) = preview_block_end(&frags, i) {
            if let Frag::Text { term, .. } = &mut kept {
                *term = true;
            }
            next = end + 1;
        }
        out.push(kept);
        i = next;
    }
    out
}

/// If a preview block follows the line at `term_idx`, the index of its last line.
fn preview_block_end(frags: &[Frag], term_idx: usize) -> Option<usize> {
    let term = frags.get(term_idx)?.as_text()?;
    let first = match frags.get(term_idx + 1)? {
        Frag::Text { text, continues: false, .. } => text.as_str(),
        _ => return None,
    };
    if is_preview_tail(first) {
        return Some(term_idx + 1);
    }
    // A longer block needs a term that is a link's anchor text, a first line
    // that opens a preview of that term, and preview-like lines up to the tail.
    // A line carrying its own term (`Alexander I Alexander I may refer to:`)
    // is left for its own turn.
    if !looks_like_anchor_text(term)
        || !is_preview_start(term, first)
        || term_with_inline_disambiguation(first).is_some()
    {
        return None;
    }
    // A summary split in two (`A coup d'état (; ; ), or simply a coup` +
    // `, is typically … ...`): the first part names the whole term and the
    // tail goes on with a comma.
    let split_summary = contains_words(first, term)
        && frags.get(term_idx + 2).and_then(Frag::as_text).is_some_and(|t| t.starts_with(',') && is_preview_tail(t));
    if split_summary {
        return Some(term_idx + 2);
    }
    preview_tail_within(frags, term_idx + 1, |_, line| is_preview_inner_line(line))
}

/// The first preview tail in `frags[start..]` within [`MAX_PREVIEW_LINES`], if
/// every line before it satisfies `inner(index, line)`.
fn preview_tail_within(frags: &[Frag], start: usize, inner: impl Fn(usize, &str) -> bool) -> Option<usize> {
    for (j, frag) in frags.iter().enumerate().skip(start).take(MAX_PREVIEW_LINES) {
        let text = match frag {
            Frag::Text { text, continues: false, .. } => text.as_str(),
            _ => return None,
        };
        if is_preview_tail(text) {
            return Some(j);
        }
        if !inner(j, text) {
            return None;
        }
    }
    None
}

/// The line of a linked term is the link's anchor text: a few words, not a
/// sentence or a piece of one (no sentence punctuation or comma, no open
/// bracket at the end, no trailing `the`).
fn looks_like_anchor_text(line: &str) -> bool {
    const MAX_ANCHOR_WORDS: usize = 8;
    (1..=MAX_ANCHOR_WORDS).contains(&line.split_whitespace().count())
        && !line.contains([',', ';'])
        && !line.starts_with(['.', ':', ')'])
        && !line.ends_with(['.', ':', '(', '!', '?'])
        && !ends_with_function_word(line)
}

/// Lower-cased words (letters and digits) of a text.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Every word of `needle` occurs, in order, as consecutive words of `hay`.
fn contains_words(hay: &str, needle: &str) -> bool {
    let hay: Vec<String> = words_of(hay).collect();
    let needle: Vec<String> = words_of(needle).collect();
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// The first line of a multi-line preview of `term`: a disambiguation line,
/// or a summary of at least five words that names the term or starts where
/// the stripped bold title was.
fn is_preview_start(term: &str, line: &str) -> bool {
    const MIN_SUMMARY_WORDS: usize = 5;
    if is_disambiguation_line(line) {
        return true;
    }
    if line.split_whitespace().count() < MIN_SUMMARY_WORDS {
        return false;
    }
    // The preview's bold title was stripped, leaving `(…)` or the verb.
    if line.starts_with('(') || ["is ", "was ", "are ", "were "].iter().any(|v| line.starts_with(v)) {
        return true;
    }
    // A summary names its subject near the start.
    let head: String = line.chars().take(150).collect();
    let head_words: Vec<String> = words_of(&head).collect();
    words_of(term)
        .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
        .any(|w| head_words.contains(&w))
}

fn is_disambiguation_line(line: &str) -> bool {
    line.ends_with("refer to:") || line.ends_with("refers to:")
}

/// A line inside a preview, before its tail: a list item, a disambiguation
/// line, a whole sentence starting with a capital, or a short sub-heading
/// (`Film and TV`, `Background`). (The first line may also be the first part
/// of a split summary, `A coup d'état (; ; ), or simply a coup`, when it
/// names the whole term; see [`preview_block_end`].)
fn is_preview_inner_line(line: &str) -> bool {
    if line.starts_with('*') || is_disambiguation_line(line) {
        return true;
    }
    let starts_upper = line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let short_subheading = line.split_whitespace().count() <= 4
        && !line.contains([',', '.', ';', ':', '(', ')', '"', '\''])
        && !ends_with_function_word(line);
    starts_upper && (ends_sentence(line) || short_subheading)
}

/// `Alexander I Alexander I may refer to:` → `Alexander I`.
fn term_with_inline_disambiguation(line: &str) -> Option<String> {
    let cut = ["may also refer to:", "may refer to:", "most often refers to:", "refers to:"]
        .iter()
        .find_map(|s| line.strip_suffix(s))?;
    let words: Vec<&str> = cut.split_whitespace().collect();
    if words.len() < 2 || !words.len().is_multiple_of(2) {
        return None;
    }
    let (a, b) = words.split_at(words.len() / 2);
    (a == b).then(|| a.join(" "))
}

/// Recognise plain-text headings (`History`, `Middle Ages`, `Travel regime`).
///
/// A heading is a short title-like line ([`is_heading_shaped`]) that stands
/// between a finished sentence (or a heading, a list, the start) and the start
/// of something new: a sentence, a heading or a list. It is not a linked term
/// (a term had a preview) and is not followed by one (`Russia condemned` +
/// `NATO` is a sentence).
fn detect_headings(mut frags: Vec<Frag>) -> Vec<Frag> {
    for i in 0..frags.len() {
        let Some(text) = frags[i].as_text() else { continue };
        if let Some((level, title)) = wiki_heading(text) {
            frags[i] = if level >= 2 { Frag::Heading { level, title } } else { Frag::Blank };
            continue;
        }
        if frags[i].is_term() || matches!(frags[i], Frag::Text { continues: true, .. }) || !is_heading_shaped(text) {
            continue;
        }
        let prev = frags[..i].iter().rposition(|f| *f != Frag::Blank);
        let prev_ok = match prev.map(|p| &frags[p]) {
            None | Some(Frag::Heading { .. }) => true,
            Some(f) => {
                let p = prev.unwrap_or(0);
                let t = f.as_text().unwrap_or("");
                if is_empty_bullet(t) {
                    // The line after a bare `*` is that item's text, unless it
                    // is a standard appendix heading after an empty list.
                    APPENDIX_SECTIONS.contains(&text)
                } else {
                    // After a sentence, a list item, or the text of a `*` item.
                    ends_sentence(t) || is_bullet(t) || (p > 0 && frags[p - 1].as_text().is_some_and(is_empty_bullet))
                }
            }
        };
        let next = frags[i + 1..].iter().find(|f| **f != Frag::Blank);
        let next_ok = match next {
            None | Some(Frag::Heading { .. }) => true,
            Some(f) if f.is_term() => false,
            Some(f) => {
                let t = f.as_text().unwrap_or("");
                (is_bullet(t) || starts_sentence(t) || t.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    && !runs_on_into_a_name(text, t)
            }
        };
        if prev_ok && next_ok {
            let title = text.to_string();
            frags[i] = Frag::Heading { level: 0, title };
        }
    }
    assign_plain_heading_levels(&mut frags);
    frags
}

/// Short (at most seven words), starting with a capital or a digit, without
/// sentence punctuation, brackets or quotes, not ending in a word like `the`,
/// not starting with a word that opens a clause (`According to …`).
fn is_heading_shaped(line: &str) -> bool {
    /// Words that open a sentence that must go on; a heading does not start with them.
    const CLAUSE_OPENERS: &[&str] =
        &["According", "Although", "Though", "While", "Whereas", "Because", "Since", "Unless", "Despite", "Unlike"];
    let words = line.split_whitespace().count();
    let first_word = line.split_whitespace().next().unwrap_or("");
    !CLAUSE_OPENERS.contains(&first_word)
        && (1..=7).contains(&words)
        && line.chars().count() <= 60
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !line.contains(['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '″', '=', '*', '\''])
        && !ends_with_function_word(line)
}

/// Levels of plain-text headings, following the usual outline of a Wikipedia
/// article on bilateral relations: the top-level sections are `History`, the
/// aspects of the relations (`Political relations`, `Military cooperation`,
/// `Travel regime`, `Resident diplomatic missions`, `Immigration from …`) and
/// the appendices (`See also`, `References`, `Further reading`, `External
/// links`); every other heading is a subsection (level 3) of the top-level
/// section before it (`Middle Ages` under `History`, `Russian stance on
/// Kosovo` under `Political relations`, `Sources` under `References`).
fn assign_plain_heading_levels(frags: &mut [Frag]) {
    let mut seen_top = false;
    for f in frags.iter_mut() {
        if let Frag::Heading { level, title } = f {
            if *level != 0 {
                continue; // a wiki heading, level given
            }
            if is_top_level_section(title) || !seen_top {
                *level = 2;
                seen_top = true;
            } else {
                *level = 3;
            }
        }
    }
}

/// A line ending in a rank or title of office (`Soviet General`, `Serbian
/// King`) followed by a line starting with a capital runs on into a name
/// (`Pavel Sudoplatov, …`): it is part of a sentence, not a heading.
fn runs_on_into_a_name(line: &str, next: &str) -> bool {
    const RANKS: &[&str] = &[
        "General", "Colonel", "Admiral", "Marshal", "King", "Queen", "Prince", "Princess", "Emperor", "Tsar",
        "President", "Minister", "Patriarch", "Metropolitan", "Bishop", "Ambassador", "Chancellor",
    ];
    RANKS.contains(&last_word(line)) && next.chars().next().is_some_and(char::is_uppercase)
}

/// The standard closing sections of a Wikipedia article.
const APPENDIX_SECTIONS: &[&str] = &["See also", "Notes", "References", "Bibliography", "Further reading", "External links"];

fn is_top_level_section(title: &str) -> bool {
    const APPENDICES: &[&str] = APPENDIX_SECTIONS;
    const ASPECT_SUFFIXES: &[&str] = &[" relations", " cooperation", " regime", " missions", " ties"];
    const ASPECT_PREFIXES: &[&str] = &["Immigration ", "Emigration ", "Diaspora"];
    title == "History"
        || APPENDICES.contains(&title)
        || ASPECT_SUFFIXES.iter().any(|s| title.ends_with(s))
        || ASPECT_PREFIXES.iter().any(|p| title.starts_with(p))
}

/// Lists: a bare `*` followed by text becomes one item (`* Foreign relations
/// of Serbia`); empty items go; an item glued to the end of the previous one
/// (`… pp. 414–44 online*Nikolaevna, …`) is split off.
fn tidy_lists(frags: Vec<Frag>) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::with_capacity(frags.len());
    let mut i = 0;
    while i < frags.len() {
        match frags[i].as_text() {
            Some(t) if is_empty_bullet(t) => {
                match frags.get(i + 1) {
                    Some(Frag::Text { text, term, .. }) if !is_bullet(text) => {
                        let marker = t.to_string();
                        out.push(Frag::Text { text: format!("{marker} {text}"), term: *term, continues: false });
                        i += 2;
                    }
                    _ => i += 1, // empty item
                }
            }
            Some(t) if out.last().and_then(Frag::as_text).is_some_and(is_bullet) => {
                match split_glued_item(t) {
                    Some((tail, item)) => {
                        out.push(Frag::text(tail));
                        out.push(Frag::text(item));
                    }
                    None => out.push(frags[i].clone()),
                }
                i += 1;
            }
            _ => {
                out.push(frags[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// `online*Nikolaevna, P.M. …` → (`online`, `*Nikolaevna, P.M. …`): a list
/// item marker glued between a lower-case word and a capital.
fn split_glued_item(line: &str) -> Option<(&str, &str)> {
    let star = line.find('*')?;
    let before = line[..star].chars().next_back()?;
    let after = line[star + 1..].chars().next()?;
    (star > 0 && before.is_lowercase() && after.is_uppercase() && !line[..star].contains(' '))
        .then(|| (&line[..star], &line[star..]))
}

/// Join fragments into paragraphs. A new paragraph starts after a blank line
/// or a heading, at a list item, or where a finished sentence is followed by a
/// line that starts a new one and is not a linked term; otherwise the line
/// continues the sentence (see [`join_two`]).
fn join_fragments(frags: Vec<Frag>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, blocks: &mut Vec<Block>| {
        if !current.trim().is_empty() {
            blocks.push(Block::Para(current.trim().to_string()));
        }
        current.clear();
    };
    for frag in frags {
        match frag {
            Frag::Blank => flush(&mut current, &mut blocks),
            Frag::Heading { level, title } => {
                flush(&mut current, &mut blocks);
                blocks.push(Block::Heading { level, title });
            }
            Frag::Text { text, term, continues } => {
                if text.is_empty() {
                    continue;
                }
                let new_paragraph = current.is_empty()
                    || is_bullet(&text)
                    || (!continues && !term && ends_sentence(&current) && starts_sentence(&text));
                if new_paragraph {
                    flush(&mut current, &mut blocks);
                    current = text;
                } else {
                    current = join_two(&current, &text);
                }
            }
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// Join two fragments of one sentence: one space, except none before closing
/// punctuation (`.,;:)′’`, a closing quote) and none after an opening bracket
/// or an opening quote (`"`, `''`).
fn join_two(prev: &str, next: &str) -> String {
    let prev = prev.trim_end();
    let next = next.trim_start();
    let space = !(ends_with_opening(prev) || starts_with_closing(prev, next));
    let mut out = String::with_capacity(prev.len() + next.len() + 1);
    out.push_str(prev);
    if space {
        out.push(' ');
    }
    out.push_str(next);
    out
}

fn ends_with_opening(prev: &str) -> bool {
    if prev.ends_with(['(', '[', '“', '«']) {
        return true;
    }
    // `the "` / `the ''` / `(as set by the "`: a quote after a space or bracket opens.
    for quote in ["''", "\"", "″"] {
        if let Some(before) = prev.strip_suffix(quote) {
            return before.is_empty() || before.ends_with([' ', '(', '[']);
        }
    }
    false
}

fn starts_with_closing(prev: &str, next: &str) -> bool {
    // An ellipsis after a finished sentence starts the next one: keep the space.
    if next.starts_with("..") {
        return !ends_sentence(prev);
    }
    if next.starts_with(is_closing_punct) {
        return true;
    }
    // A quote followed by a space, punctuation or nothing closes.
    for quote in ["''", "\"", "″", "”"] {
        if let Some(after) = next.strip_prefix(quote) {
            return after.chars().next().is_none_or(|c| c.is_whitespace() || is_closing_punct(c));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(raw: &str) -> String {
        clean(raw, "T", "Lead").text
    }

    // --- output format ---

    #[test]
    fn title_line_blank_lines_and_single_final_newline() {
        let c = clean("First paragraph.\n\n\nSecond paragraph.\n", "My title", "Lead");
        assert_eq!(c.text, "= My title =\n\nFirst paragraph.\n\nSecond paragraph.\n");
        assert_eq!(c.sections, vec!["Lead"]);
    }

    #[test]
    fn bom_crlf_and_trailing_spaces_are_normalised() {
        let c = clean("\u{feff}One.  \r\nTwo.\r\n", "T", "Lead");
        assert_eq!(c.text, "= T =\n\nOne.\n\nTwo.\n");
    }

    // --- wiki headings ---

    #[test]
    fn wiki_headings_become_section_markers_and_title_line_goes() {
        let raw = "= T =\n\nLead text.\n\n==History==\n===Interwar period===\nText one.\n\n====1948 Tito–Stalin split====\n\nText two.\n";
        let c = clean(raw, "T", "Lead");
        assert_eq!(
            c.text,
            "= T =\n\nLead text.\n\n== History ==\n\n=== Interwar period ===\n\nText one.\n\n==== 1948 Tito–Stalin split ====\n\nText two.\n"
        );
        assert_eq!(c.sections, vec!["Lead", "History", "Interwar period", "1948 Tito–Stalin split"]);
    }

    #[test]
    fn duplicate_section_titles_are_listed_once() {
        let c = clean("A.\n==X==\nB.\n==X==\nC.\n", "T", "Cited sentences");
        assert_eq!(c.sections, vec!["Cited sentences", "X"]);
    }

    // --- citation markers ---

    #[test]
    fn citation_markers_go() {
        assert_eq!(remove_citation_markers("[6] After the war."), "After the war.");
        assert_eq!(remove_citation_markers("refugees,[3] mainly those"), "refugees, mainly those");
        assert_eq!(remove_citation_markers("in 1922.[12] Then"), "in 1922. Then");
        assert_eq!(remove_citation_markers("a word [5] more"), "a word more");
        assert_eq!(remove_citation_markers("the end [5]."), "the end.");
    }

    #[test]
    fn ellipsis_and_other_brackets_stay() {
        let s = "not \"such short-sighted people [...] who would\" [sic] [a]";
        assert_eq!(remove_citation_markers(s), s);
    }

    #[test]
    fn citation_markers_go_in_one_sentence_per_line_text() {
        let c = clean("First one.\n[6] After the war it ended.\nRefugees,[3] mainly exiles.\n", "T", "Cited sentences");
        assert_eq!(c.text, "= T =\n\nFirst one.\n\nAfter the war it ended.\n\nRefugees, mainly exiles.\n");
    }

    // --- lead files ---

    #[test]
    fn infobox_labels_at_the_top_of_a_lead_go() {
        let raw = "A–B relations\n\nA–C relations\n\nA\n\nB\nA–B relations\n\nA–B relations (Russian: x) were the relations between A and B.\n\nShort.\n";
        assert_eq!(body(raw), "= T =\n\nA–B relations (Russian: x) were the relations between A and B.\n\nShort.\n");
    }

    #[test]
    fn infobox_stub_and_its_fields_go() {
        let raw = "= T =\n\nInfobox\n- Flagvariant1: 1936\n\nThe text.\n\n==See also==\n- Foreign relations of X\n";
        assert_eq!(body(raw), "= T =\n\nThe text.\n\n== See also ==\n\n- Foreign relations of X\n");
    }

    #[test]
    fn arabic_lines_are_kept_byte_for_byte() {
        let raw = "كانت العلاقات بين الاتحاد السوفيتي ويوغوسلافيا (1918-1941).\nفي الستينيات والثمانينيات، كانت التجارة.";
        assert_eq!(
            body(raw),
            "= T =\n\nكانت العلاقات بين الاتحاد السوفيتي ويوغوسلافيا (1918-1941).\n\nفي الستينيات والثمانينيات، كانت التجارة.\n"
        );
    }

    // --- fragment lines (link previews) ---

    /// Three previews make a text a fragment-line text.
    const PREVIEWED: &str = "Russia\nRussia is a country spanning Eastern Europe ...\nand\nSerbia\n, image_flag = Flag of Serbia.svg\n, map_caption = Location of Serbia (gree ...\nmaintain relations established in 1816 between the\nRussian Empire\nThe Russian Empire was an empire ...\nand the\nPrincipality of Serbia\nThe Principality of Serbia () was an autonomous ...\n.\n";

    #[test]
    fn previews_go_and_interrupted_sentences_are_joined() {
        assert_eq!(
            body(PREVIEWED),
            "= T =\n\nRussia and Serbia maintain relations established in 1816 between the Russian Empire and the Principality of Serbia.\n"
        );
    }

    #[test]
    fn disambiguation_previews_go() {
        let raw = format!(
            "{PREVIEWED}After the\nOttoman Empire\nThe Ottoman Empire () was ...\nwas attacked by Russia and\nBritain\nBritain most often refers to:\n* Great Britain, an island\n* The United Kingdom ...\n, it sought the\nSerbian rebels\nSerbian may refer to:\n* Pertaining to Serbia; in particular\n**Serbs, a South Slavic ethnic group\n** Serbian language\n**Demographics of Serbia, includes ...\nunder\nKarađorđe\nĐorđe Petrović (; ; – ) was ...\n.\n"
        );
        assert!(body(&raw).contains(
            "After the Ottoman Empire was attacked by Russia and Britain, it sought the Serbian rebels under Karađorđe."
        ));
    }

    #[test]
    fn multi_line_and_split_previews_go() {
        let raw = format!(
            "{PREVIEWED}It sponsored a planned\ncoup d'état\nA coup d'état (; ; ), or simply a coup\n, is typically an illegal attempt ...\ndesigned to favour the\nPrincipality of Bulgaria\nThe Principality of Bulgaria () was a vassal state. It was established in 1878.\nAfter the war, the Treaty of San Stefano was signed ...\nat the expense of Serbia.\n"
        );
        assert!(body(&raw).contains(
            "It sponsored a planned coup d'état designed to favour the Principality of Bulgaria at the expense of Serbia."
        ));
    }

    #[test]
    fn term_and_disambiguation_on_one_line() {
        let raw = format!(
            "{PREVIEWED}Serbian King\nAlexander I Alexander I may refer to:\n* Alexander I of Macedon, king\n* Pope Alex ...\nwas\nassassinated in 1903.\n"
        );
        assert!(body(&raw).contains("Serbian King Alexander I was assassinated in 1903."));
    }

    #[test]
    fn no_space_before_closing_or_after_opening_punctuation() {
        assert_eq!(join_two("South Slavic state (", "Yugoslavism"), "South Slavic state (Yugoslavism");
        assert_eq!(join_two("Austria-Hungary", "′s"), "Austria-Hungary′s");
        assert_eq!(join_two("Governorate", "."), "Governorate.");
        assert_eq!(join_two("the \"", "Ičko's Peace\") and"), "the \"Ičko's Peace\") and");
        assert_eq!(join_two("maintain the ''", "status quo"), "maintain the ''status quo");
        assert_eq!(join_two("status quo", "'' in the Balkans"), "status quo'' in the Balkans");
        assert_eq!(join_two("as \"a terrible", "precedent"), "as \"a terrible precedent");
        assert_eq!(join_two("precedent", "\" that"), "precedent\" that");
        assert_eq!(join_two("Not to sell it?", "..But I'm not"), "Not to sell it? ..But I'm not");
        assert_eq!(join_two("and", "Serbia"), "and Serbia");
    }

    #[test]
    fn plain_headings_become_sections_with_levels() {
        let raw = format!(
            "{PREVIEWED}History\nMiddle Ages\nAfter the\nOttoman invasion, refugees came.\n19th century\n\nIn 1806 it began.\nPolitical relations\nThey are robust.\nRussian stance on Kosovo\nRussia backs Serbia.\nSee also\n*\nForeign relations of Serbia\nReferences\nSources\n*\n*\nFurther reading\n*\n"
        );
        let c = clean(&raw, "T", "Lead");
        assert_eq!(
            c.sections,
            vec!["Lead", "History", "Middle Ages", "19th century", "Political relations", "Russian stance on Kosovo", "See also", "References", "Sources", "Further reading"]
        );
        assert!(c.text.contains("== History ==\n\n=== Middle Ages ===\n\nAfter the Ottoman invasion, refugees came.\n\n=== 19th century ===\n\nIn 1806 it began.\n\n== Political relations =="));
        assert!(c.text.contains("=== Russian stance on Kosovo ==="));
        assert!(c.text.contains("== See also ==\n\n* Foreign relations of Serbia\n\n== References ==\n\n=== Sources ===\n\n== Further reading =="));
        assert!(c.text.ends_with("== Further reading ==\n"));
    }

    #[test]
    fn a_sentence_that_starts_like_a_heading_is_not_one() {
        let raw = format!("{PREVIEWED}Russia condemned\nNATO\nThe North Atlantic Treaty Organization ...\nat the UN.\n");
        let c = clean(&raw, "T", "Lead");
        assert_eq!(c.sections, vec!["Lead"]);
        assert!(c.text.contains("Russia condemned NATO at the UN."));
    }

    #[test]
    fn a_heading_followed_by_a_sentence_repeating_it_is_a_heading() {
        let raw = format!("{PREVIEWED}Cultural cooperation\nCultural cooperation is vibrant, with the\nSerbian Orthodox Church\nThe Serbian Orthodox Church is ...\nplaying roles.\n");
        let c = clean(&raw, "T", "Lead");
        assert!(c.text.contains("== Cultural cooperation ==\n\nCultural cooperation is vibrant, with the Serbian Orthodox Church playing roles.\n"));
    }

    #[test]
    fn inline_references_go_and_the_sentence_continues() {
        let raw = format!(
            "{PREVIEWED}It was a treaty.\n[″Title 1881.″ // Encyclopedia (]Kingdom of Yugoslavia\nThe Kingdom of Yugoslavia was a country ...\n), 1941, Vol. I, p. 784. In June 1881, they met.\n[Branko Petranović]\nSrpski narod 1939-1941.\n// SRBIJA, p. 39.\nSince 1920, refugees came.\n[https://example.org/x Title] Authors were\nNikolay Mukhin.\n[With Russia as an ally](_blank)\nReuters, 3 July 2016. In recent years, more.\n"
        );
        let t = body(&raw);
        assert!(t.contains("It was a treaty. In June 1881, they met.\n\nSince 1920, refugees came. Authors were Nikolay Mukhin. In recent years, more.\n"), "{t}");
        assert!(!t.contains('['));
    }

    #[test]
    fn infobox_fragments_file_lines_empty_bullets_and_defaultsort_go() {
        let raw = format!(
            "{PREVIEWED}Art.\nFile:X.jpg, A church in Belgrade\nSee also\n*\n*\nForeign relations of Serbia\nExternal links\n*\nEmbassy of Russia\n{{{{DEFAULTSORT:Russia-Serbia Relations\nSerbia\n, image_flag = Flag of Serbia.svg\n, map_caption = Location of Serbia (gree ...\n"
        );
        let t = body(&raw);
        assert!(t.ends_with("Art.\n\n== See also ==\n\n* Foreign relations of Serbia\n\n== External links ==\n\n* Embassy of Russia\n"), "{t}");
    }

    #[test]
    fn glued_list_items_are_split() {
        assert_eq!(split_glued_item("online*Nikolaevna, P.M."), Some(("online", "*Nikolaevna, P.M.")));
        assert_eq!(split_glued_item("* Item"), None);
    }

    #[test]
    fn paragraphs_break_only_between_sentences() {
        // A linked term after a finished sentence continues the paragraph.
        let raw = format!("{PREVIEWED}It ended here.\nA new paragraph begins,\nand goes on.\nKraljevo\nKraljevo is a city ...\nis near\nRaška.\n");
        let t = body(&raw);
        assert!(t.contains("\n\nIt ended here.\n\nA new paragraph begins, and goes on. Kraljevo is near Raška.\n"), "{t}");
    }

    #[test]
    fn cleaning_is_deterministic() {
        assert_eq!(clean(PREVIEWED, "T", "Lead"), clean(PREVIEWED, "T", "Lead"));
    }

    // --- import_source ---

    fn options(dir: &Path, raw: &Path, id: &str) -> ImportOptions {
        ImportOptions {
            raw: raw.to_path_buf(),
            id: id.to_string(),
            title: format!("Title {id}"),
            lang: "en".to_string(),
            url: "https://en.wikipedia.org/wiki/X".to_string(),
            first_section: "Lead".to_string(),
            facts_dir: dir.to_path_buf(),
        }
    }

    #[test]
    fn import_writes_text_and_sorted_records_and_replaces_by_id() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let raw = dir.path().join("raw.txt");
        std::fs::write(&raw, "Lead text.\n==History==\nMore text.\n")?;
        let record = import_source(&options(dir.path(), &raw, "zeta"))?;
        assert_eq!(record.sections, vec!["Lead", "History"]);
        assert_eq!(record.license, "CC BY-SA 4.0");
        import_source(&options(dir.path(), &raw, "alpha"))?;
        std::fs::write(&raw, "Changed text.\n")?;
        import_source(&options(dir.path(), &raw, "zeta"))?;

        let text = std::fs::read_to_string(dir.path().join("sources/zeta.txt"))?;
        assert_eq!(text, "= Title zeta =\n\nChanged text.\n");
        let toml_text = std::fs::read_to_string(dir.path().join("sources.toml"))?;
        assert!(toml_text.starts_with(SOURCES_TOML_HEADER));
        let file: SourcesFile = toml::from_str(&toml_text)?;
        let ids: Vec<&str> = file.source.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["alpha", "zeta"]);
        assert_eq!(file.source[1].sections, vec!["Lead"]);
        Ok(())
    }

    #[test]
    fn import_errors_say_what_to_do() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let raw = dir.path().join("raw.txt");
        std::fs::write(&raw, "Text.\n")?;

        let missing = import_source(&options(dir.path(), &dir.path().join("nope.txt"), "a"));
        assert!(matches!(missing, Err(ImportError::RawNotFound { .. })));
        assert!(missing.err().map(|e| e.to_string()).unwrap_or_default().contains("check the path"));

        let bad_id = import_source(&options(dir.path(), &raw, "Not A Slug"));
        assert!(matches!(bad_id, Err(ImportError::BadId { .. })));

        let mut o = options(dir.path(), &raw, "a");
        o.lang = "English".into();
        assert!(matches!(import_source(&o), Err(ImportError::BadLang { .. })));

        let mut o = options(dir.path(), &raw, "a");
        o.url = "en.wikipedia.org".into();
        assert!(matches!(import_source(&o), Err(ImportError::BadUrl { .. })));

        let mut o = options(dir.path(), &raw, "a");
        o.title = " ".into();
        assert!(matches!(import_source(&o), Err(ImportError::BadField { field: "title" })));

        let o = options(&dir.path().join("no-such-dir"), &raw, "a");
        assert!(matches!(import_source(&o), Err(ImportError::FactsDirMissing { .. })));

        std::fs::write(&raw, b"ok \xff\xfe")?;
        let not_utf8 = import_source(&options(dir.path(), &raw, "a"));
        assert!(matches!(not_utf8, Err(ImportError::NotUtf8 { offset: 3, .. })));

        std::fs::write(&raw, "==Only a heading==\n")?;
        assert!(matches!(import_source(&options(dir.path(), &raw, "a")), Err(ImportError::EmptyText { .. })));

        std::fs::write(&raw, "Text.\n")?;
        std::fs::write(dir.path().join("sources.toml"), "this is = = not toml")?;
        assert!(matches!(import_source(&options(dir.path(), &raw, "a")), Err(ImportError::BadSourcesToml { .. })));
        Ok(())
    }

    #[test]
    fn slugs() {
        assert!(is_slug("suy-lead-ar"));
        assert!(!is_slug("Suy"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
        assert!(!is_slug("a_b"));
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("sr-Latn"));
        assert!(!is_language_tag("EN"));
        assert!(!is_language_tag(""));
    }
}
