//! Showing an asker's own words back to them, safely.
//!
//! Replies quote what was typed ("I don't know about “…”", "Did you mean",
//! report confirmations). That text can hold anything a client lets through:
//! terminal escape sequences (ANSI colours, OSC window titles), bidirectional
//! overrides that reverse the rest of a line (U+202E), invisible characters,
//! or 30 KB of it. [`echo`] is the one way user text gets into an answer:
//! controls and bidi formatting characters removed, white space collapsed,
//! and clipped to [`ECHO_MAX_CHARS`] with `…`.
//!
//! On the way in, [`without_bidi_marks`] drops the bidi formatting
//! characters some keyboards and clients add (an RLM before `!when`), so they
//! never change how a line is parsed.

use std::borrow::Cow;

/// The most characters of user text a reply repeats.
pub const ECHO_MAX_CHARS: usize = 100;

/// User text as a reply may show it: cleaned with [`clean`], then clipped to
/// [`ECHO_MAX_CHARS`] characters (ending with `…` when shortened).
pub fn echo(user_text: &str) -> String {
    clip(&clean(user_text), ECHO_MAX_CHARS)
}

/// User text without anything that could act on the reader's display:
/// control characters (C0, DEL, C1: terminal escapes), bidirectional
/// formatting characters (marks, embeddings, overrides, isolates) and other
/// invisible format characters are removed; line breaks, tabs and runs of
/// white space become one space; the ends are trimmed. Not clipped.
pub fn clean(user_text: &str) -> String {
    let mut out = String::with_capacity(user_text.len().min(4 * ECHO_MAX_CHARS));
    let mut pending_space = false;
    for c in user_text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !is_hidden(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Cut `text` to at most `max_chars` characters, on a character boundary,
/// ending with `…` when it was shortened.
pub fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some(_) => {
            let keep = max_chars.saturating_sub(1);
            let end = text.char_indices().nth(keep).map_or(text.len(), |(at, _)| at);
            format!("{}…", text[..end].trim_end())
        }
    }
}

/// The line with its bidirectional formatting characters removed, for
/// parsing: `\u{200F}!when tito` is `!when tito`.
pub fn without_bidi_marks(line: &str) -> Cow<'_, str> {
    if line.chars().any(is_bidi_control) {
        Cow::Owned(line.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        Cow::Borrowed(line)
    }
}

/// Bidirectional formatting characters: the Arabic letter mark, LRM and RLM,
/// the embeddings and overrides (U+202A–U+202E) and the isolates
/// (U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters an echo never shows: controls, bidi formatting, and invisible
/// format characters that hide or smuggle text (zero-width space, word
/// joiner and invisible operators, byte-order mark, interlinear annotation,
/// tag characters). Joiners (ZWJ, ZWNJ) stay: scripts and emoji need them.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(c, '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_and_bidi_controls_are_removed() {
        assert_eq!(echo("\u{1b}[31mred\u{1b}[0m \u{1b}]0;pwned\u{07}title"), "[31mred[0m ]0;pwnedtitle");
        assert_eq!(echo("abc\u{202E}fed\u{202C} \u{2066}x\u{2069}\u{200F}"), "abcfed x");
        assert_eq!(echo("a\u{9B}b\u{7F}c\u{0}"), "abc");
        assert_eq!(echo("zero\u{200B}width\u{FEFF} tag\u{E0041}"), "zerowidth tag");
    }

    #[test]
    fn white_space_collapses_and_joiners_stay() {
        assert_eq!(echo("  two\n\r\tlines \u{2028} here  "), "two lines here");
        assert_eq!(echo("می\u{200C}خواهم 👩\u{200D}🔬"), "می\u{200C}خواهم 👩\u{200D}🔬");
    }

    #[test]
    fn long_text_is_clipped_on_a_character_boundary() {
        let long = "ж".repeat(31 * 1024);
        let shown = echo(&long);
        assert_eq!(shown.chars().count(), ECHO_MAX_CHARS);
        assert!(shown.ends_with('…'));
        let exact = "x".repeat(ECHO_MAX_CHARS);
        assert_eq!(echo(&exact), exact);
        assert_eq!(clip("one two three", 5), "one…");
    }

    #[test]
    fn bidi_marks_do_not_change_parsing() {
        assert_eq!(without_bidi_marks("\u{200F}!when tito"), "!when tito");
        assert_eq!(without_bidi_marks("Ti\u{200E}to"), "Tito");
        assert!(matches!(without_bidi_marks("plain"), Cow::Borrowed("plain")));
    }
}
