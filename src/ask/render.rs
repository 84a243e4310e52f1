//! Renderers: the same [`Answer`] as plain text (console), Markdown
//! (Discord), HTML (Matrix) and JSON (`histbot ask --json`).
//!
//! Everything that came from a fact file or from the asker is escaped for
//! the target format: Markdown control characters are backslashed and
//! mentions are broken, HTML is entity-escaped. The asker's own words reach
//! an answer only through [`crate::text::echo`] (cleaned and clipped), and
//! as a last line of defence every renderer drops control characters
//! (terminal escapes) other than line breaks and tabs.

use std::fmt::Write as _;

use serde_json::json;

use super::answer::{Answer, CompareCell, Comparison, Excerpt};

/// The attribution line under answers that quote sources.
pub fn license_line(answer: &Answer) -> Option<String> {
    let first = answer.excerpts.first()?;
    Some(format!("Quotes from Wikipedia, {}.", if first.license.is_empty() { "CC BY-SA 4.0" } else { &first.license }))
}

/// Room reserved for a plain-text answer, so that most are written without
/// growing their buffer (a one-fact answer is 1–2 KB).
const PLAIN_CAPACITY: usize = 4096;

/// Plain text, as the console shows it and as `--json` reports in `text`.
pub fn plain(answer: &Answer) -> String {
    let mut out = String::with_capacity(PLAIN_CAPACITY);
    let _ = writeln!(out, "{}", answer.headline);
    if let Some(comparison) = &answer.compare {
        out.push('\n');
        out.push_str(&columns(answer, comparison));
    }
    for part in &answer.parts {
        out.push('\n');
        if let Some(heading) = &part.heading {
            let _ = writeln!(out, "{heading}");
        }
        if !part.text.is_empty() {
            let _ = writeln!(out, "{}", part.text);
        }
        for &index in &part.excerpts {
            if let Some(excerpt) = answer.excerpts.get(index) {
                let _ = writeln!(out, "  “{}”", excerpt.quote);
                out.push_str("  — ");
                write_citation_plain(&mut out, excerpt);
                out.push('\n');
            }
        }
    }
    if !answer.suggestions.is_empty() {
        out.push('\n');
        for suggestion in &answer.suggestions {
            let _ = writeln!(out, "  • {suggestion}");
        }
    }
    if let (Some(page), Some(command)) = (answer.page, &answer.page_command) {
        let _ = writeln!(out, "\nPage {} of {}.{}", page.number, page.count, next_page_hint(page.number, page.count, command));
    }
    if let Some(license) = license_line(answer) {
        let _ = writeln!(out, "\n{license}");
    }
    out.truncate(out.trim_end().len());
    // Most answers hold no control character: the buffer is returned as it is, not copied.
    if has_controls(&out) {
        return without_controls(&out);
    }
    out
}

/// Width of the label column and of each entry's column in plain text.
const LABEL_WIDTH: usize = 16;
const COLUMN_WIDTH: usize = 38;

/// A comparison as aligned columns, each cell followed by the numbers of
/// its excerpts (`[1]`), then the numbered excerpts.
fn columns(answer: &Answer, comparison: &Comparison) -> String {
    let mut out = String::new();
    let numbered = |cell: &CompareCell| -> String {
        let text = if cell.text.is_empty() { "—".to_string() } else { cell.text.clone() };
        let marks: String = cell.excerpts.iter().map(|i| format!(" [{}]", i + 1)).collect();
        format!("{text}{marks}")
    };
    let row = |out: &mut String, label: &str, left: &str, right: &str| {
        let (label, left, right) = (wrap(label, LABEL_WIDTH), wrap(left, COLUMN_WIDTH), wrap(right, COLUMN_WIDTH));
        for line in 0..label.len().max(left.len()).max(right.len()) {
            let cell = |lines: &[String]| lines.get(line).cloned().unwrap_or_default();
            let text = format!("{:<lw$} | {:<cw$} | {}", cell(&label), cell(&left), cell(&right), lw = LABEL_WIDTH, cw = COLUMN_WIDTH);
            let _ = writeln!(out, "{}", text.trim_end());
        }
    };
    row(&mut out, "", &comparison.left.title, &comparison.right.title);
    row(&mut out, "", comparison.left.kind.name(), comparison.right.kind.name());
    let _ = writeln!(out, "{}", "-".repeat(LABEL_WIDTH + 2 * COLUMN_WIDTH + 6));
    for compare_row in &comparison.rows {
        row(&mut out, &compare_row.label, &numbered(&compare_row.left), &numbered(&compare_row.right));
    }
    let mut cited: Vec<usize> = comparison.rows.iter().flat_map(|r| r.left.excerpts.iter().chain(&r.right.excerpts)).copied().collect();
    cited.sort_unstable();
    cited.dedup();
    if !cited.is_empty() {
        out.push('\n');
    }
    for index in cited {
        if let Some(excerpt) = answer.excerpts.get(index) {
            let _ = writeln!(out, "[{}] “{}”", index + 1, excerpt.quote);
            let _ = writeln!(out, "    — {}", citation_plain(excerpt));
        }
    }
    out
}

/// Words of `text` in lines of at most `width` characters (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// `text` without control characters other than line breaks and tabs: no
/// escape sequence reaches a terminal or a client, whatever a fact file holds.
pub fn without_controls(text: &str) -> String {
    // Most texts hold no such character: copied whole, not char by char.
    if !has_controls(text) {
        return text.to_string();
    }
    text.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect()
}

/// Whether `text` holds a control character (general category Cc: U+0000–U+001F,
/// U+007F–U+009F) other than a line break or a tab: ASCII ones by their byte,
/// U+0080–U+009F by their UTF-8 form, 0xC2 followed by 0x80–0x9F.
///
/// The text is read in blocks of [`BLOCK`] bytes, each first checked without
/// branching (so the compiler can check many bytes per instruction) for
/// any byte that could start one; only a block that has such a byte (a
/// control, or the 0xC2 that "«" and "§" also start with) is looked at
/// byte by byte.
fn has_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks_exact(BLOCK);
    for (number, block) in blocks.by_ref().enumerate() {
        if may_hold_controls(block) && controls_from(&bytes[number * BLOCK..], BLOCK) {
            return true;
        }
    }
    let tail = blocks.remainder().len();
    controls_from(&bytes[bytes.len() - tail..], tail)
}

/// Whether some byte of `block` is an ASCII control or 0xC2, checked
/// without a branch per byte.
fn may_hold_controls(block: &[u8]) -> bool {
    let flag = |byte: u8| (u8::from(byte < 0x20) & u8::from(byte != b'\n') & u8::from(byte != b'\t')) | u8::from(byte == 0x7F) | u8::from(byte == 0xC2);
    block.iter().fold(0u8, |found, &byte| found | flag(byte)) != 0
}

/// How many bytes [`has_controls`] checks at once.
const BLOCK: usize = 64;

/// Whether one of the first `length` bytes of `bytes` starts a control
/// character ([`has_controls`]); the byte after them may end one.
fn controls_from(bytes: &[u8], length: usize) -> bool {
    (0..length).any(|at| is_ascii_control(bytes[at]) || (bytes[at] == 0xC2 && bytes.get(at + 1).is_some_and(|next| (0x80..=0x9F).contains(next))))
}

/// Whether one byte is an ASCII control character other than a line break or a tab.
fn is_ascii_control(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\n' && byte != b'\t') || byte == 0x7F
}

fn next_page_hint(number: usize, count: usize, command: &str) -> String {
    if number < count { format!(" Next: {command} {}", number + 1) } else { String::new() }
}

fn citation_plain(excerpt: &Excerpt) -> String {
    let mut out = String::new();
    write_citation_plain(&mut out, excerpt);
    out
}

/// [`citation_plain`] written onto the end of `out`.
fn write_citation_plain(out: &mut String, excerpt: &Excerpt) {
    for piece in [excerpt.title.as_str(), ", section “", excerpt.section.as_str(), "”: ", excerpt.url.as_str()] {
        out.push_str(piece);
    }
}

/// Markdown for chat platforms (Discord).
pub fn markdown(answer: &Answer) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "**{}**", escape_markdown(&answer.headline));
    if let Some(comparison) = &answer.compare {
        for row in &comparison.rows {
            let _ = writeln!(out, "\n__{}__", escape_markdown(&row.label));
            for (side, cell) in [(&comparison.left, &row.left), (&comparison.right, &row.right)] {
                let text = if cell.text.is_empty() { "—".to_string() } else { escape_markdown(&cell.text) };
                let _ = writeln!(out, "• **{}**: {text}", escape_markdown(&side.title));
                for excerpt in cell.excerpts.iter().filter_map(|&i| answer.excerpts.get(i)) {
                    let _ = writeln!(out, "> {}", escape_markdown(&excerpt.quote));
                    let _ = writeln!(out, "> — [{}](<{}>), section “{}”", escape_markdown(&excerpt.title), excerpt.url, escape_markdown(&excerpt.section));
                }
            }
        }
    }
    for part in &answer.parts {
        out.push('\n');
        if let Some(heading) = &part.heading {
            let _ = writeln!(out, "__{}__", escape_markdown(heading));
        }
        if !part.text.is_empty() {
            let _ = writeln!(out, "{}", escape_markdown(&part.text));
        }
        for &index in &part.excerpts {
            if let Some(excerpt) = answer.excerpts.get(index) {
                let _ = writeln!(out, "> {}", escape_markdown(&excerpt.quote));
                let _ = writeln!(out, "> — [{}](<{}>), section “{}”", escape_markdown(&excerpt.title), excerpt.url, escape_markdown(&excerpt.section));
            }
        }
    }
    for suggestion in &answer.suggestions {
        let _ = writeln!(out, "• {}", escape_markdown(suggestion));
    }
    if let Some(page) = answer.page {
        let _ = writeln!(out, "\n*Page {} of {}*", page.number, page.count);
    }
    if let Some(license) = license_line(answer) {
        let _ = writeln!(out, "\n-# {}", escape_markdown(&license));
    }
    without_controls(out.trim_end())
}

/// Escape Markdown control characters and break mentions, so nothing from a
/// fact or from the asker formats text or pings anyone.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

/// HTML for Matrix `formatted_body`.
pub fn html(answer: &Answer) -> String {
    let mut out = String::new();
    let _ = write!(out, "<p><strong>{}</strong></p>", escape_html(&answer.headline));
    if let Some(comparison) = &answer.compare {
        out.push_str(&html_table(answer, comparison));
    }
    for part in &answer.parts {
        if let Some(heading) = &part.heading {
            let _ = write!(out, "<p><em>{}</em></p>", escape_html(heading));
        }
        if !part.text.is_empty() {
            let _ = write!(out, "<p>{}</p>", escape_html(&part.text).replace('\n', "<br>"));
        }
        for &index in &part.excerpts {
            if let Some(excerpt) = answer.excerpts.get(index) {
                let _ = write!(
                    out,
                    "<blockquote>{}<br>— <a href=\"{}\">{}</a>, section “{}”</blockquote>",
                    escape_html(&excerpt.quote),
                    escape_html(&excerpt.url),
                    escape_html(&excerpt.title),
                    escape_html(&excerpt.section)
                );
            }
        }
    }
    if !answer.suggestions.is_empty() {
        out.push_str("<ul>");
        for suggestion in &answer.suggestions {
            let _ = write!(out, "<li>{}</li>", escape_html(suggestion));
        }
        out.push_str("</ul>");
    }
    if let (Some(page), Some(command)) = (answer.page, &answer.page_command) {
        let _ = write!(out, "<p><em>Page {} of {}.{}</em></p>", page.number, page.count, escape_html(&next_page_hint(page.number, page.count, command)));
    }
    if let Some(license) = license_line(answer) {
        let _ = write!(out, "<p><sub>{}</sub></p>", escape_html(&license));
    }
    without_controls(&out)
}

/// A comparison as an HTML table (Matrix), each cell followed by its
/// excerpts as block quotes with their citations.
fn html_table(answer: &Answer, comparison: &Comparison) -> String {
    let mut out = String::from("<table>");
    let _ = write!(
        out,
        "<tr><th></th><th>{} <em>({})</em></th><th>{} <em>({})</em></th></tr>",
        escape_html(&comparison.left.title),
        comparison.left.kind.name(),
        escape_html(&comparison.right.title),
        comparison.right.kind.name()
    );
    let cell = |cell: &CompareCell| -> String {
        let mut html = if cell.text.is_empty() { "—".to_string() } else { escape_html(&cell.text) };
        for excerpt in cell.excerpts.iter().filter_map(|&i| answer.excerpts.get(i)) {
            let _ = write!(
                html,
                "<blockquote>{}<br>— <a href=\"{}\">{}</a>, section “{}”</blockquote>",
                escape_html(&excerpt.quote),
                escape_html(&excerpt.url),
                escape_html(&excerpt.title),
                escape_html(&excerpt.section)
            );
        }
        html
    };
    for row in &comparison.rows {
        let _ = write!(out, "<tr><th>{}</th><td>{}</td><td>{}</td></tr>", escape_html(&row.label), cell(&row.left), cell(&row.right));
    }
    out.push_str("</table>");
    out
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The JSON object `histbot ask --json` prints.
/// A side-by-side comparison adds `"compare": {"left", "right", "rows"}`,
/// whose cells name their excerpts by index into `excerpts`; a paged answer
/// adds `"page": {"number", "count"}` and the `"page_command"` for another page.
pub fn json(answer: &Answer) -> serde_json::Value {
    let mut value = json!({
        "intent": answer.intent,
        "outcome": answer.outcome,
        "text": plain(answer),
        "facts": answer.facts,
        "excerpts": answer.excerpts,
        "suggestions": answer.suggestions,
    });
    if let Some(object) = value.as_object_mut() {
        if let Some(comparison) = &answer.compare {
            object.insert("compare".into(), json!(comparison));
        }
        if let (Some(page), Some(command)) = (answer.page, &answer.page_command) {
            object.insert("page".into(), json!(page));
            object.insert("page_command".into(), json!(command));
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_found_wherever_they_are() {
        for length in [0, 1, 63, 64, 65, 130] {
            for at in 0..length {
                for control in ["\u{1b}", "\u{7f}", "\u{85}", "\0"] {
                    let mut text = "a".repeat(length);
                    text.replace_range(at..at + 1, control);
                    assert!(has_controls(&text), "{control:?} at {at} of {length}");
                }
                for harmless in ["\n", "\t", "«", "§", "é"] {
                    let mut text = "a".repeat(length);
                    text.replace_range(at..at + 1, harmless);
                    assert!(!has_controls(&text), "{harmless:?} at {at} of {length}");
                }
            }
        }
    }

    #[test]
    fn markdown_escapes_and_breaks_mentions() {
        assert_eq!(escape_markdown("@everyone *bold* [x](y)"), "@\u{200B}everyone \\*bold\\* \\[x\\]\\(y\\)");
    }

    #[test]
    fn no_renderer_passes_a_control_character() {
        let answer = Answer::new("help", super::super::answer::Outcome::Help, "a\u{1b}]0;x\u{7}b").text("one\n\u{1b}[2Jtwo\u{9b}");
        for rendered in [plain(&answer), markdown(&answer), html(&answer)] {
            assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'), "{rendered:?}");
        }
    }

    #[test]
    fn controls_are_found_by_their_bytes_as_by_their_characters() {
        for text in ["plain", "é «» ¡ \u{a0}", "a\u{85}b", "\u{9f}", "\u{80}", "line\nand\ttab", "bell\u{7}", "\u{7f}", "Ђ ђ – ©"] {
            let by_characters = text.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
            assert_eq!(has_controls(text), by_characters, "{text:?}");
        }
    }

    #[test]
    fn html_escapes() {
        assert_eq!(escape_html("<b>\"Tito\" & 'co'</b>"), "&lt;b&gt;&quot;Tito&quot; &amp; &#39;co&#39;&lt;/b&gt;");
    }
}
