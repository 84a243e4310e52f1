//! Diagnostics: what the checker found, where, and how to fix it.
//!
//! Every check collects diagnostics instead of stopping at the first one, so
//! a moderator sees every problem of an edit in one run, sorted by file and
//! line, rendered like a compiler error.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a finding is. Errors keep a base from being served; warnings don't.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding of the checker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule's name, e.g. `quote-not-in-source`.
    pub rule: &'static str,
    pub file: PathBuf,
    /// 1-based line and column; 0 when the problem is about the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// A plain-English fix.
    pub help: String,
    /// The offending line of the file, for display.
    #[serde(skip)]
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error at a byte span of `content` (the text of `file`).
    pub fn error(rule: &'static str, file: &Path, content: &str, span: Option<Range<usize>>) -> Diagnostic {
        Diagnostic::new(Severity::Error, rule, file, content, span)
    }

    /// A warning at a byte span of `content`.
    pub fn warning(rule: &'static str, file: &Path, content: &str, span: Option<Range<usize>>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, rule, file, content, span)
    }

    fn new(severity: Severity, rule: &'static str, file: &Path, content: &str, span: Option<Range<usize>>) -> Diagnostic {
        let (line, column, snippet) = match span {
            Some(span) => {
                let (line, column) = line_column(content, span.start);
                let snippet = content.lines().nth(line.saturating_sub(1)).map(|line| printable(line, SNIPPET_MAX_CHARS));
                (line, column, snippet)
            }
            None => (0, 0, None),
        };
        Diagnostic {
            severity,
            rule,
            file: file.to_path_buf(),
            line,
            column,
            message: String::new(),
            help: String::new(),
            snippet,
        }
    }

    pub fn message(mut self, message: impl Into<String>) -> Diagnostic {
        self.message = message.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = help.into();
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or just the file).
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.display().to_string()
        } else {
            format!("{}:{}:{}", self.file.display(), self.line, self.column)
        }
    }

    /// One line: `file:line:column: error[rule]: message`.
    pub fn one_line(&self) -> String {
        format!("{}: {}[{}]: {}", self.location(), self.severity, self.rule, printable(&self.message, MESSAGE_MAX_CHARS))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Rendered like rustc:
///
/// ```text
/// error[quote-not-in-source]: the quote is not in section "Lead" of source "suy-lead"
///   --> facts/events/x.toml:9:9
///    |
///  9 | quote = "..."
///    |
///    = help: copy the sentence exactly from facts/sources/suy-lead.txt
/// ```
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}[{}]: {}", self.severity, self.rule, printable(&self.message, MESSAGE_MAX_CHARS))?;
        let gutter = " ".repeat(self.line.to_string().len());
        writeln!(f, "{gutter}--> {}", self.location())?;
        if let Some(snippet) = &self.snippet {
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{} | {}", self.line, snippet)?;
            writeln!(f, "{gutter} |")?;
        }
        if !self.help.is_empty() {
            writeln!(f, "{gutter} = help: {}", self.help)?;
        }
        Ok(())
    }
}

/// How much of the offending line a diagnostic shows.
const SNIPPET_MAX_CHARS: usize = 160;

/// How much of a message is shown (messages can quote a value from the file).
const MESSAGE_MAX_CHARS: usize = 600;

/// Text from a file made safe to print on a terminal or in a chat: control
/// characters (escape sequences, NUL) and bidirectional overrides are shown
/// as `\u{…}` escapes, and the text is clipped to `max_chars` with `…`.
pub fn printable(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        if (c.is_control() && c != '\t') || is_bidi_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that reorder the text around them (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(content: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(content, offset.min(content.len()));
    let before = &content[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Sort diagnostics by file, line, column, then rule, and drop exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, a.rule, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, b.rule, &b.message))
    });
    diagnostics.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let content = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(content, 0), (1, 1));
        assert_eq!(line_column(content, 6), (2, 1));
        let offset = content.find('"').unwrap();
        assert_eq!(line_column(content, offset), (2, 6));
    }

    #[test]
    fn snippets_and_messages_are_printable_and_clipped() {
        let content = "title = \"\u{1b}]0;owned\u{7}\u{202E}x\"\n";
        let diagnostic = Diagnostic::error("toml-syntax", Path::new("x.toml"), content, Some(0..1)).message("bad \u{1b}[31m");
        let shown = diagnostic.to_string();
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202E}') && !shown.contains('\u{7}'), "{shown:?}");
        assert!(shown.contains("\\u{1b}]0;owned"), "{shown}");
        assert!(!diagnostic.one_line().contains('\u{1b}'));
        let long = "x".repeat(500);
        let clipped = Diagnostic::error("toml-syntax", Path::new("x.toml"), &long, Some(0..1));
        assert_eq!(clipped.snippet.map(|s| s.chars().count()), Some(SNIPPET_MAX_CHARS + 1));
    }

    #[test]
    fn renders_like_a_compiler() {
        let content = "id = \"Bad Id\"\n";
        let diagnostic = Diagnostic::error("id-not-slug", Path::new("facts/events/x.toml"), content, Some(5..13))
            .message("`Bad Id` is not a slug")
            .help("use lowercase letters, digits and hyphens");
        let shown = diagnostic.to_string();
        assert!(shown.starts_with("error[id-not-slug]: `Bad Id` is not a slug\n"), "{shown}");
        assert!(shown.contains("--> facts/events/x.toml:1:6"), "{shown}");
        assert!(shown.contains("1 | id = \"Bad Id\""), "{shown}");
        assert!(shown.contains("= help: use lowercase"), "{shown}");
    }
}
