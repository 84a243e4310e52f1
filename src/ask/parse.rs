//! The command grammar: `/when belgrade-declaration`, `!compare 1956 1968`,
//! `who tito`, or free text.

use super::commands;

/// A command with its arguments, however it was typed or clicked.
///
/// Front ends with typed options (Discord) fill `args` by name; typed lines
/// leave the words after the command in `rest`, and each command splits them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub command: String,
    /// Named arguments (argument name from the table, value).
    pub args: Vec<(String, String)>,
    /// The unsplit text after the command name, for typed lines.
    pub rest: String,
}

impl Invocation {
    pub fn new(command: &str) -> Invocation {
        Invocation { command: command.to_string(), args: Vec::new(), rest: String::new() }
    }

    /// Add a named argument.
    pub fn arg(mut self, name: &str, value: impl Into<String>) -> Invocation {
        self.args.push((name.to_string(), value.into()));
        self
    }

    /// A named argument's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty())
    }

    /// All the text given: the named arguments in order, then the rest.
    pub fn all_text(&self) -> String {
        let mut parts: Vec<&str> = self.args.iter().map(|(_, v)| v.as_str()).collect();
        if !self.rest.is_empty() {
            parts.push(&self.rest);
        }
        parts.join(" ")
    }
}

/// What a line of input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Empty,
    Command(Invocation),
    /// `/frobnicate`: a slash command that does not exist.
    UnknownCommand(String),
    FreeText(String),
}

/// Parse a typed line. `prefixes` are the characters that introduce a
/// command (`/` for the console, `!` for Matrix). A line that starts with a
/// command name and no prefix is a command too, unless it is a question.
/// Bidi marks (an RLM some clients put before `!when`) are ignored.
pub fn parse_line(text: &str, prefixes: &[char]) -> Line {
    let text = crate::text::echo::without_bidi_marks(text);
    let text = text.trim();
    if text.is_empty() {
        return Line::Empty;
    }
    let (prefixed, body) = match text.strip_prefix(prefixes) {
        Some(body) => (true, body.trim_start()),
        None => (false, text),
    };
    let (name, rest) = match body.split_once(char::is_whitespace) {
        Some((name, rest)) => (name, rest.trim()),
        None => (body, ""),
    };
    match commands::find(name) {
        // "who …" and "when …" without a prefix are questions: the question
        // pipeline reads their question word.
        Some(spec) if !prefixed && matches!(spec.name, "who" | "when") => Line::FreeText(text.to_string()),
        // "year the declaration was signed" asks for a year; "year 1948" lists one.
        Some(spec) if !prefixed && spec.name == "year" && !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit()) => Line::FreeText(text.to_string()),
        Some(spec) if prefixed || !looks_like_question(text) || spec.name == "ask" => {
            let mut invocation = Invocation::new(spec.name);
            invocation.rest = rest.to_string();
            Line::Command(invocation)
        }
        None if prefixed && !name.is_empty() => Line::UnknownCommand(name.to_string()),
        _ => Line::FreeText(if prefixed { body.to_string() } else { text.to_string() }),
    }
}

/// "when did Tito get the Order of Lenin?" is a question, not `when <entry>`.
fn looks_like_question(text: &str) -> bool {
    text.ends_with(['?', '؟']) || text.split_whitespace().count() > 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command(text: &str) -> (String, String) {
        match parse_line(text, &['/', '!']) {
            Line::Command(invocation) => (invocation.command, invocation.rest),
            other => panic!("{text:?} parsed as {other:?}"),
        }
    }

    #[test]
    fn commands_with_and_without_prefix() {
        assert_eq!(command("/when belgrade-declaration"), ("when".into(), "belgrade-declaration".into()));
        assert_eq!(command("!compare 1956 1968"), ("compare".into(), "1956 1968".into()));
        assert_eq!(command("year 1948"), ("year".into(), "1948".into()));
        assert_eq!(parse_line("who tito", &['/']), Line::FreeText("who tito".into()));
        assert_eq!(parse_line("year the declaration was signed", &['/']), Line::FreeText("year the declaration was signed".into()));
        assert_eq!(command("/year the declaration"), ("year".into(), "the declaration".into()));
        assert_eq!(command("/HELP"), ("help".into(), "".into()));
        assert_eq!(command("/ask when was it?"), ("ask".into(), "when was it?".into()));
    }

    #[test]
    fn questions_and_unknown_commands() {
        assert_eq!(parse_line("when did Tito get the Order of Lenin?", &['/']), Line::FreeText("when did Tito get the Order of Lenin?".into()));
        assert_eq!(parse_line("/frobnicate now", &['/']), Line::UnknownCommand("frobnicate".into()));
        assert_eq!(parse_line("   ", &['/']), Line::Empty);
        assert_eq!(parse_line("/", &['/']), Line::FreeText("".into()));
    }

    #[test]
    fn bidi_marks_are_ignored() {
        assert_eq!(command("\u{200F}/when tito"), ("when".into(), "tito".into()));
        assert_eq!(command("\u{200E} !year 19\u{200F}48"), ("year".into(), "1948".into()));
        assert_eq!(parse_line("\u{200F}who was Ti\u{202E}to?", &['/']), Line::FreeText("who was Tito?".into()));
    }
}
