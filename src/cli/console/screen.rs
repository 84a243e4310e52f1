//! Answers laid out for a terminal: the headline in bold, each excerpt
//! indented behind a bar, the source title as an OSC 8 hyperlink where the
//! terminal supports one, suggestions as commands to run, and everything
//! wrapped to the terminal's width.
//!
//! Only used when standard output is a terminal and `NO_COLOR` is not set
//! ([`Screen::detect`]); otherwise the console prints [`render::plain`],
//! unchanged. Every piece of text from an answer goes through
//! [`render::without_controls`] before the escape sequences of the layout
//! are added, so nothing from a fact file or an asker reaches the terminal
//! as a sequence of its own.

use std::fmt::Write as _;

use histbot::ask::answer::{Answer, Excerpt, Outcome, Part};
use histbot::ask::render;
use unicode_width::UnicodeWidthStr;

/// What the terminal on standard output can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Colours and bold text (else: [`render::plain`]).
    pub styled: bool,
    /// OSC 8 hyperlinks.
    pub hyperlinks: bool,
}

impl Screen {
    /// From the environment (`NO_COLOR`, `TERM`, the terminal's own
    /// variables), for a standard output known to be a terminal.
    pub fn detect() -> Screen {
        let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
        let dumb = var("TERM").as_deref() == Some("dumb");
        let styled = var("NO_COLOR").is_none() && !dumb;
        Screen { styled, hyperlinks: styled && supports_hyperlinks(&var) }
    }
}

/// Whether the terminal shows OSC 8 hyperlinks. `FORCE_HYPERLINK=1` or `=0`
/// decides; otherwise the terminals known to support them are recognised by
/// the variables they set (inside tmux or screen, only when forced: they
/// pass the sequence on only when configured to).
fn supports_hyperlinks(var: &dyn Fn(&str) -> Option<String>) -> bool {
    if let Some(force) = var("FORCE_HYPERLINK") {
        return force != "0";
    }
    if var("TMUX").is_some() || var("STY").is_some() {
        return false;
    }
    let term = var("TERM").unwrap_or_default();
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let vte = var("VTE_VERSION").and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
    matches!(program.as_str(), "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "rio")
        || vte >= 5000
        || var("WT_SESSION").is_some()
        || var("KONSOLE_VERSION").is_some()
        || var("DOMTERM").is_some()
        || ["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty", "contour"].iter().any(|t| term.starts_with(t))
}

/// The widest a line is set, however wide the terminal: longer lines are
/// hard to read.
const MAX_WIDTH: usize = 100;
/// The narrowest: below this the layout is not worth keeping.
const MIN_WIDTH: usize = 30;

const BOLD: &str = "1";
const DIM: &str = "2";
const ITALIC: &str = "3";
const COMMAND: &str = "36";

/// The answer laid out for a terminal `columns` wide.
pub fn styled(answer: &Answer, columns: usize, hyperlinks: bool) -> String {
    let width = columns.clamp(MIN_WIDTH, MAX_WIDTH);
    let mut lines = Vec::new();
    let headline_look = match answer.outcome {
        Outcome::Error => "1;31",
        Outcome::NotFound | Outcome::Ambiguous => "1;33",
        Outcome::Facts | Outcome::Help | Outcome::Notice => BOLD,
    };
    lines.extend(paragraphs(&answer.headline, headline_look, "", width));
    for part in &answer.parts {
        lines.push(String::new());
        lay_out_part(answer, part, width, hyperlinks, &mut lines);
    }
    if !answer.suggestions.is_empty() {
        lines.push(String::new());
        lines.extend(suggestions(&answer.suggestions, width));
    }
    if let (Some(page), Some(command)) = (answer.page, &answer.page_command) {
        lines.push(String::new());
        lines.extend(paging_line(page.number, page.count, command, width));
    }
    if let Some(license) = render::license_line(answer) {
        lines.push(String::new());
        lines.extend(paragraphs(&license, DIM, "", width));
    }
    let mut out = String::new();
    for line in &lines {
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.trim_end().to_string()
}

/// A line of the console's own (the banner), wrapped; dimmed when `dim`.
pub fn note(text: &str, dim: bool, columns: usize) -> String {
    paragraphs(text, if dim { DIM } else { "" }, "", columns.clamp(MIN_WIDTH, MAX_WIDTH)).join("\n")
}

fn lay_out_part(answer: &Answer, part: &Part, width: usize, hyperlinks: bool, lines: &mut Vec<String>) {
    if let Some(heading) = &part.heading {
        lines.extend(paragraphs(heading, "1;4", "", width));
    }
    if !part.text.is_empty() {
        lines.extend(paragraphs(&part.text, "", "", width));
    }
    for (n, excerpt) in part.excerpts.iter().filter_map(|&i| answer.excerpts.get(i)).enumerate() {
        if n > 0 || !part.text.is_empty() || part.heading.is_some() {
            lines.push(String::new());
        }
        lines.extend(excerpt_lines(excerpt, width, hyperlinks));
    }
}

/// `  │ “quote”` in italics, then `  │ — Title, section “…”` dimmed, the
/// title linking to the source (or followed by its address).
fn excerpt_lines(excerpt: &Excerpt, width: usize, hyperlinks: bool) -> Vec<String> {
    let bar = Prefix::new("  │ ", DIM);
    let quote = format!("“{}”", excerpt.quote);
    let mut lines = wrap(&[Span::new(&quote, ITALIC)], &bar, &bar, width);
    let url = clean(&excerpt.url);
    let section = format!(", section “{}”", excerpt.section);
    let mut citation = vec![Span::new("—", DIM)];
    if hyperlinks && !url.is_empty() {
        citation.push(Span { text: clean(&excerpt.title), look: DIM, link: Some(url.clone()), space_before: true });
        citation.push(Span::glued(&section, DIM));
    } else {
        citation.push(Span { text: clean(&excerpt.title), look: DIM, link: None, space_before: true });
        citation.push(Span::glued(&format!("{section}:"), DIM));
        // The address as it is, so the terminal's own link detection works.
        citation.push(Span { text: url, look: "", link: None, space_before: true });
    }
    lines.extend(wrap(&citation, &bar, &bar, width));
    lines
}

/// Suggestions as commands to run: `  /when belgrade-declaration  Belgrade
/// declaration (1955)`, the commands in one column.
fn suggestions(items: &[String], width: usize) -> Vec<String> {
    let split: Vec<(String, String)> = items.iter().map(|item| command_and_label(item)).collect();
    let column = split.iter().map(|(command, _)| command.width()).max().unwrap_or(0).min(width / 2);
    let mut lines = Vec::new();
    for (command, label) in &split {
        if label.is_empty() || command.width() > column {
            let spans = [Span::new(command, COMMAND), Span::new(label, "")];
            lines.extend(wrap(&spans, &Prefix::plain("  ".into()), &Prefix::plain("    ".into()), width));
            continue;
        }
        // The command, padded to the column, starts the line; the label fills the rest.
        let pad = " ".repeat(column - command.width() + 2);
        let first = Prefix { shown: format!("  {}{pad}", paint(&clean(command), COMMAND, None)), width: 4 + column };
        let hang = Prefix::plain(" ".repeat(4 + column));
        lines.extend(wrap(&[Span::new(label, "")], &first, &hang, width));
    }
    lines
}

/// `Belgrade declaration (1955): /when belgrade-declaration` → the command
/// and the label; a suggestion that is a command alone has no label.
fn command_and_label(item: &str) -> (String, String) {
    let item = clean(item);
    if item.starts_with('/') {
        return (item, String::new());
    }
    match item.rsplit_once(": /") {
        Some((label, command)) => (format!("/{command}"), label.to_string()),
        None => (String::new(), item),
    }
}

/// `Page 1 of 3. Next: /next (or /timeline 1941 1948 2)`.
fn paging_line(number: usize, count: usize, command: &str, width: usize) -> Vec<String> {
    let mut spans = vec![Span::new(&format!("Page {number} of {count}."), DIM)];
    if number < count {
        spans.push(Span::new("Next:", DIM));
        spans.push(Span::new("/next", COMMAND));
        spans.push(Span::new(&format!("(or {} {})", clean(command), number + 1), DIM));
    }
    if number > 1 {
        spans.push(Span::new("Back:", DIM));
        spans.push(Span::new("/prev", COMMAND));
    }
    wrap(&spans, &Prefix::plain(String::new()), &Prefix::plain(String::new()), width)
}

/// Text with line breaks: each line wrapped on its own, keeping its
/// leading indentation.
fn paragraphs(text: &str, look: &'static str, indent: &str, width: usize) -> Vec<String> {
    let text = clean_keeping_lines(text);
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let body = line.trim_start();
        let lead = format!("{indent}{}", &line[..line.len() - body.len()]);
        if body.is_empty() {
            lines.push(String::new());
            continue;
        }
        let hang = Prefix::plain(lead.clone());
        lines.extend(wrap(&[Span::new(body, look)], &hang, &hang, width));
    }
    lines
}

/// A run of text with one look (SGR parameters, empty for none) and an
/// optional hyperlink.
#[derive(Debug, Clone)]
struct Span {
    text: String,
    look: &'static str,
    link: Option<String>,
    /// Whether a space separates it from the span before.
    space_before: bool,
}

impl Span {
    fn new(text: &str, look: &'static str) -> Span {
        Span { text: clean(text), look, link: None, space_before: true }
    }

    /// A span that continues the word before it (`, section …` after a title).
    fn glued(text: &str, look: &'static str) -> Span {
        Span { space_before: false, ..Span::new(text, look) }
    }
}

/// What starts a line: its text as shown and its width.
#[derive(Debug, Clone)]
struct Prefix {
    shown: String,
    width: usize,
}

impl Prefix {
    fn plain(text: String) -> Prefix {
        Prefix { width: text.width(), shown: text }
    }

    fn new(text: &str, look: &str) -> Prefix {
        Prefix { width: text.width(), shown: paint(text, look, None) }
    }
}

/// One piece of a word, with its span's look and link.
#[derive(Debug, Clone)]
struct Piece<'a> {
    text: String,
    span: &'a Span,
}

/// Fill lines of at most `width` columns with the spans' words, greedily;
/// a word longer than a line is cut.
fn wrap(spans: &[Span], first: &Prefix, rest: &Prefix, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = Line::new(first);
    for word in words(spans) {
        let word_width: usize = word.iter().map(|p| p.text.width()).sum();
        if !line.is_empty() && line.used + 1 + word_width > width {
            lines.push(std::mem::replace(&mut line, Line::new(rest)).finish());
        }
        let room = width.saturating_sub(line.used + usize::from(!line.is_empty())).max(1);
        for piece in split_to_fit(word, width.saturating_sub(rest.width).max(1), room) {
            let piece_width: usize = piece.iter().map(|p| p.text.width()).sum();
            if !line.is_empty() && line.used + 1 + piece_width > width {
                lines.push(std::mem::replace(&mut line, Line::new(rest)).finish());
            }
            line.push_word(&piece);
        }
    }
    lines.push(line.finish());
    lines
}

/// A line being filled: its prefix, then runs of text of one look and link
/// each (so a bold headline is one bold run, not one per word).
struct Line<'a> {
    prefix: String,
    runs: Vec<(String, &'static str, Option<&'a str>)>,
    used: usize,
}

impl<'a> Line<'a> {
    fn new(prefix: &Prefix) -> Line<'a> {
        Line { prefix: prefix.shown.clone(), runs: Vec::new(), used: prefix.width }
    }

    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    fn push_word(&mut self, word: &[Piece<'a>]) {
        if let Some(first) = word.first() {
            if !self.is_empty() {
                // The space takes the look of the words around it when they share one.
                let same = self.runs.last().is_some_and(|(_, look, link)| *look == first.span.look && *link == first.span.link.as_deref());
                if same {
                    self.push(" ", first.span.look, first.span.link.as_deref())
                } else {
                    self.push(" ", "", None)
                }
            }
        }
        for piece in word {
            self.push(&piece.text, piece.span.look, piece.span.link.as_deref());
        }
    }

    fn push(&mut self, text: &str, look: &'static str, link: Option<&'a str>) {
        self.used += text.width();
        match self.runs.last_mut() {
            Some((run, last_look, last_link)) if *last_look == look && *last_link == link => run.push_str(text),
            _ => self.runs.push((text.to_string(), look, link)),
        }
    }

    fn finish(self) -> String {
        let mut out = self.prefix;
        for (text, look, link) in &self.runs {
            out.push_str(&paint(text, look, *link));
        }
        out
    }
}

/// The words of the spans: split at spaces, a span without a space before
/// it continuing the word before.
fn words(spans: &[Span]) -> Vec<Vec<Piece<'_>>> {
    let mut words: Vec<Vec<Piece<'_>>> = Vec::new();
    let mut current: Vec<Piece<'_>> = Vec::new();
    for span in spans {
        if span.space_before && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        for (n, chunk) in span.text.split(' ').enumerate() {
            if n > 0 && !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            if !chunk.is_empty() {
                current.push(Piece { text: chunk.to_string(), span });
            }
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A word as it is when it fits a whole line; else cut into pieces, the
/// first as wide as what is left of the current line (`room`), the others
/// a whole line (`line`) wide.
fn split_to_fit<'a>(word: Vec<Piece<'a>>, line: usize, room: usize) -> Vec<Vec<Piece<'a>>> {
    let total: usize = word.iter().map(|p| p.text.width()).sum();
    if total <= line {
        return vec![word];
    }
    let mut pieces = Vec::new();
    let mut current: Vec<Piece<'a>> = Vec::new();
    let mut limit = room;
    let mut used = 0;
    for piece in word {
        let mut text = String::new();
        for c in piece.text.chars() {
            let w = c.to_string().width();
            if used + w > limit && used > 0 {
                if !text.is_empty() {
                    current.push(Piece { text: std::mem::take(&mut text), span: piece.span });
                }
                pieces.push(std::mem::take(&mut current));
                used = 0;
                limit = line;
            }
            text.push(c);
            used += w;
        }
        if !text.is_empty() {
            current.push(Piece { text, span: piece.span });
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// `text` with the SGR `look` and the OSC 8 `link` around it.
fn paint(text: &str, look: &str, link: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(url) = link {
        let _ = write!(out, "\x1b]8;;{url}\x1b\\");
    }
    if look.is_empty() {
        out.push_str(text);
    } else {
        let _ = write!(out, "\x1b[{look}m{text}\x1b[0m");
    }
    if link.is_some() {
        out.push_str("\x1b]8;;\x1b\\");
    }
    out
}

/// Text from an answer, on one line: no control characters (tabs and line
/// breaks become spaces).
fn clean(text: &str) -> String {
    render::without_controls(&text.replace(['\n', '\t'], " "))
}

/// Text from an answer that may hold line breaks: no other control
/// characters (tabs become spaces).
fn clean_keeping_lines(text: &str) -> String {
    render::without_controls(&text.replace('\t', " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use histbot::ask::answer::{Page, Part};

    /// What the text looks like on screen: the escape sequences removed.
    fn visible(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\x1b' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x1b' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn answer() -> Answer {
        let mut answer = Answer::new("when", Outcome::Facts, "Belgrade declaration — 2 June 1955");
        answer.excerpts.push(Excerpt {
            source: "s".into(),
            title: "Soviet Union–Yugoslavia relations".into(),
            section: "Normalization".into(),
            quote: "On 2 June 1955 the Belgrade declaration was signed by Tito and Khrushchev, ending the split between the two parties and states.".into(),
            url: "https://en.wikipedia.org/wiki/Soviet_Union%E2%80%93Yugoslavia_relations".into(),
            lang: "en".into(),
            license: String::new(),
        });
        answer.parts.push(Part { heading: None, text: "Tito and Khrushchev signed the Belgrade declaration.".into(), excerpts: vec![0] });
        answer.suggestions = vec!["Josip Broz Tito: /who josip-broz-tito".into(), "/year 1956".into()];
        answer.page = Some(Page { number: 1, count: 3 });
        answer.page_command = Some("/timeline 1941 1948".into());
        answer
    }

    #[test]
    fn headline_is_bold_and_the_quote_is_set_apart_behind_a_bar() {
        let text = styled(&answer(), 80, false);
        assert!(text.starts_with("\x1b[1mBelgrade declaration — 2 June 1955\x1b[0m\n"), "{text:?}");
        let shown = visible(&text);
        let quote_lines: Vec<&str> = shown.lines().filter(|l| l.starts_with("  │ ")).collect();
        assert!(quote_lines.len() >= 3, "{shown}");
        assert!(quote_lines[0].starts_with("  │ “On 2 June 1955"), "{shown}");
        assert!(shown.contains("  │ — Soviet Union–Yugoslavia relations, section “Normalization”:\n  │ https://en.wikipedia.org/"), "{shown}");
    }

    #[test]
    fn every_line_fits_the_width() {
        for columns in [30, 41, 60, 80, 200] {
            let text = styled(&answer(), columns, true);
            for line in visible(&text).lines() {
                assert!(line.width() <= columns.min(MAX_WIDTH), "{columns}: {line:?} is {} wide", line.width());
            }
        }
    }

    #[test]
    fn the_source_title_links_to_the_source() {
        let text = styled(&answer(), 80, true);
        assert!(text.contains("\x1b]8;;https://en.wikipedia.org/wiki/Soviet_Union%E2%80%93Yugoslavia_relations\x1b\\\x1b[2mSoviet Union–Yugoslavia relations\x1b[0m\x1b]8;;\x1b\\"), "{text:?}");
        assert!(!visible(&text).contains("https://"), "the link replaces the address: {}", visible(&text));
    }

    #[test]
    fn suggestions_are_commands_and_paging_names_next() {
        let shown = visible(&styled(&answer(), 80, false));
        assert!(shown.contains("\n  /who josip-broz-tito  Josip Broz Tito\n"), "{shown}");
        assert!(shown.contains("\n  /year 1956\n"), "{shown}");
        assert!(shown.contains("Page 1 of 3. Next: /next (or /timeline 1941 1948 2)"), "{shown}");
    }

    #[test]
    fn no_control_character_from_an_answer_reaches_the_terminal() {
        let mut answer = Answer::new("help", Outcome::Help, "a\u{1b}]0;x\u{7}b").text("one\n\u{1b}[2Jtwo\u{9b}");
        answer.suggestions.push("x\u{1b}[31m: /who y\u{7}".into());
        let text = styled(&answer, 80, true);
        let shown = visible(&text);
        assert!(shown.contains("a]0;xb") && shown.contains("[2Jtwo"), "{shown:?}");
        // Only the layout's own sequences are left: SGR and nothing else.
        let without_sgr = text.replace("\x1b[0m", "").replace("\x1b[1m", "").replace("\x1b[2m", "").replace("\x1b[36m", "").replace("\x1b[1;31m", "");
        assert!(!without_sgr.chars().any(|c| c.is_control() && c != '\n'), "{without_sgr:?}");
    }

    #[test]
    fn hyperlinks_are_detected_from_the_terminal_and_can_be_forced() {
        let env = |pairs: &'static [(&'static str, &'static str)]| move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
        assert!(supports_hyperlinks(&env(&[("TERM_PROGRAM", "iTerm.app")])));
        assert!(supports_hyperlinks(&env(&[("VTE_VERSION", "7200")])));
        assert!(!supports_hyperlinks(&env(&[("TERM", "xterm-256color")])));
        assert!(!supports_hyperlinks(&env(&[("TERM", "xterm-kitty"), ("TMUX", "/tmp/x")])));
        assert!(supports_hyperlinks(&env(&[("TERM", "xterm"), ("FORCE_HYPERLINK", "1")])));
        assert!(!supports_hyperlinks(&env(&[("TERM_PROGRAM", "iTerm.app"), ("FORCE_HYPERLINK", "0")])));
    }
}
