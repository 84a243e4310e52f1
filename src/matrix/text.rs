//! Deciding, from a message's text alone, whether it is for the bot and what
//! line to run. No network, no Matrix client: unit-tested here.

use crate::ask::commands;
use crate::ask::parse::{parse_line, Line};
use crate::ask::Answer;

/// The prefix every line is normalized to before it reaches the core, so a
/// configured prefix of any length (`!`, `hb!`, `.`) works the same way.
pub const CORE_PREFIX: char = '!';

/// What to do with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Run this line (already normalized to [`CORE_PREFIX`] for commands).
    Run(String),
    /// Not for the bot.
    Ignore,
}

/// Who the bot is, for mention detection.
#[derive(Debug, Clone)]
pub struct Identity {
    /// `@histbot:example.org`.
    pub user_id: String,
    /// Names people type to address the bot: the display name and the localpart.
    pub names: Vec<String>,
}

impl Identity {
    pub fn new(user_id: &str, display_name: Option<&str>) -> Identity {
        let localpart = user_id.trim_start_matches('@').split(':').next().unwrap_or_default().to_string();
        let mut names = Vec::new();
        if let Some(name) = display_name.map(str::trim).filter(|n| !n.is_empty()) {
            names.push(name.to_string());
        }
        if !localpart.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(&localpart)) {
            names.push(localpart);
        }
        // Longest first, so "histbot dev" wins over "histbot".
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        Identity { user_id: user_id.to_string(), names }
    }
}

/// The facts about one incoming message that decide whether to answer it.
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    /// The plain `body`.
    pub body: &'a str,
    /// The HTML `formatted_body`, if any.
    pub formatted_body: Option<&'a str>,
    /// The message's intentional mentions (`m.mentions`) include the bot.
    pub mentions_bot: bool,
    /// A direct room (or a room where the bot and one person are alone).
    pub direct: bool,
}

/// Decide whether and how to answer a message.
///
/// - `<prefix>command …` runs the command; an unknown command is only
///   answered when the bot was addressed (other bots may share the prefix).
/// - Free text runs only when the bot is mentioned or the room is direct.
/// - A mention of the bot at the start (`histbot: …`) is removed first, and a
///   bare mention asks for help.
pub fn decide(message: Incoming<'_>, identity: &Identity, prefix: &str) -> Decision {
    let body = crate::text::echo::without_bidi_marks(message.body);
    let text = strip_reply_fallback(&body).trim();
    let (mentioned_in_text, rest) = strip_mention(text, identity);
    let mentioned = message.mentions_bot || mentioned_in_text || message.formatted_body.is_some_and(|html| links_to(html, &identity.user_id));
    let addressed = mentioned || message.direct;
    let rest = rest.trim();
    let prefix = if prefix.is_empty() { "!" } else { prefix };
    if let Some(command) = rest.strip_prefix(prefix) {
        let line = format!("{CORE_PREFIX}{}", command.trim_start());
        return match parse_line(&line, &[CORE_PREFIX]) {
            // `quiz` is in the command table too (the front end plays it).
            Line::Command(_) => Decision::Run(line),
            _ if addressed => Decision::Run(line),
            _ => Decision::Ignore,
        };
    }
    if !addressed {
        return Decision::Ignore;
    }
    if rest.is_empty() {
        return Decision::Run(format!("{CORE_PREFIX}help"));
    }
    Decision::Run(rest.to_string())
}

/// Remove a rich-reply fallback: the leading `> ` quote lines (and the blank
/// line after them) that older clients put before the actual reply.
pub fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with('>') {
        return body;
    }
    let mut rest = body;
    while rest.starts_with('>') {
        match rest.split_once('\n') {
            Some((_, tail)) => rest = tail,
            // Only quote lines: nothing was said besides the quote.
            None => return "",
        }
    }
    rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')).unwrap_or(rest)
}

/// The first fenced code block of a message (after any reply fallback):
/// the lines between a line starting with three backticks (```` ```toml ````)
/// and the next line of three backticks, each line ending with a line end.
/// `None` when there is no closed block.
pub fn code_block(body: &str) -> Option<String> {
    let body = strip_reply_fallback(body);
    let mut lines = body.lines();
    lines.by_ref().find(|line| line.trim_start().starts_with("```"))?;
    let mut code = String::new();
    for line in lines {
        if line.trim() == "```" {
            return Some(code);
        }
        code.push_str(line);
        code.push('\n');
    }
    None
}

/// If `text` starts with a mention of the bot (`@histbot:server`, `histbot:`,
/// `Histbot,`, `histbot …`), return true and the text after it. A user id
/// anywhere in the text also counts (and is removed).
pub fn strip_mention<'a>(text: &'a str, identity: &Identity) -> (bool, std::borrow::Cow<'a, str>) {
    let candidates = std::iter::once(identity.user_id.as_str()).chain(identity.names.iter().map(String::as_str));
    for name in candidates {
        if name.is_empty() {
            continue;
        }
        let Some(head) = text.get(..name.len()) else { continue };
        if !head.eq_ignore_ascii_case(name) {
            continue;
        }
        let tail = &text[name.len()..];
        // `histbot:` / `histbot,` / `histbot ` / `histbot` — but not `histbots`.
        let boundary = tail.chars().next().is_none_or(|c| c == ':' || c == ',' || c.is_whitespace());
        if boundary {
            let tail = tail.trim_start_matches([':', ',']).trim_start();
            return (true, std::borrow::Cow::Borrowed(tail));
        }
    }
    if !identity.user_id.is_empty() && text.contains(&identity.user_id) {
        let removed = text.replace(&identity.user_id, " ");
        return (true, std::borrow::Cow::Owned(removed.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    (false, std::borrow::Cow::Borrowed(text))
}

/// Whether HTML contains a matrix.to link (a "pill") to `user_id`.
pub fn links_to(html: &str, user_id: &str) -> bool {
    if user_id.is_empty() {
        return false;
    }
    let encoded = user_id.replace('@', "%40").replace(':', "%3A");
    let lower = html.to_ascii_lowercase();
    ["https://matrix.to/#/", "matrix:u/"].iter().any(|base| {
        lower.contains(&format!("{base}{}", user_id.to_ascii_lowercase()))
            || lower.contains(&format!("{base}{}", encoded.to_ascii_lowercase()))
            || (*base == "matrix:u/" && lower.contains(&format!("{base}{}", user_id.trim_start_matches('@').to_ascii_lowercase())))
    })
}

/// The `allowed_inviters` list: user ids (`@a:b`) and server names (`b`).
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    users: Vec<String>,
    servers: Vec<String>,
}

impl AllowList {
    pub fn new(entries: &[String]) -> AllowList {
        let mut list = AllowList::default();
        for entry in entries.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
            if entry.starts_with('@') {
                list.users.push(entry.to_string());
            } else {
                list.servers.push(entry.trim_start_matches(':').to_ascii_lowercase());
            }
        }
        list
    }

    /// An empty list accepts everyone.
    pub fn is_open(&self) -> bool {
        self.users.is_empty() && self.servers.is_empty()
    }

    /// Whether an invite from `user_id` is accepted.
    pub fn allows(&self, user_id: &str) -> bool {
        if self.is_open() {
            return true;
        }
        if self.users.iter().any(|u| u == user_id) {
            return true;
        }
        let server = user_id.split_once(':').map(|(_, server)| server.to_ascii_lowercase()).unwrap_or_default();
        self.servers.contains(&server)
    }
}

/// The core writes commands with `/` (`/when x`, "Next: /year 1955 2");
/// in Matrix `/` is the client's own command prefix, so show the bot's.
/// Excerpts are verbatim quotes and are never touched.
pub fn localize_answer(answer: &mut Answer, prefix: &str) {
    if prefix == "/" {
        return;
    }
    answer.headline = localize_commands(&answer.headline, prefix);
    for part in &mut answer.parts {
        part.text = localize_commands(&part.text, prefix);
        if let Some(heading) = &mut part.heading {
            *heading = localize_commands(heading, prefix);
        }
    }
    for suggestion in &mut answer.suggestions {
        *suggestion = localize_commands(suggestion, prefix);
    }
    if let Some(command) = &mut answer.page_command {
        *command = localize_commands(command, prefix);
    }
}

/// Replace `/name` with `<prefix>name` where `name` is a command and the
/// slash starts a word (so URLs and paths are left alone).
pub fn localize_commands(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let starts_word = previous.is_none_or(|p| p.is_whitespace() || "([“\"'«`*_".contains(p));
        if c == '/' && starts_word {
            let name_len = rest[1..].find(|ch: char| !ch.is_ascii_lowercase()).unwrap_or(rest.len() - 1);
            let name = &rest[1..1 + name_len];
            let after = rest[1 + name_len..].chars().next();
            let ends_word = after.is_none_or(|a| !(a.is_alphanumeric() || a == '/' || a == '-' || a == '_'));
            if !name.is_empty() && ends_word && commands::find(name).is_some_and(|spec| spec.name == name) {
                out.push_str(prefix);
                out.push_str(name);
                previous = name.chars().last();
                rest = &rest[1 + name_len..];
                continue;
            }
        }
        out.push(c);
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Keep a message within Matrix's 64 KiB event limit (with room for the
/// envelope): cut at a character boundary and say so.
pub fn clip(text: &str, max_bytes: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= max_bytes {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut end = max_bytes.saturating_sub(8);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    std::borrow::Cow::Owned(format!("{}…", &text[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_block_is_found_after_a_reply_fallback() {
        assert_eq!(code_block("> <@bot:x> the draft\n\nfixed:\n```toml\nid = \"a\"\n\ntitle = \"b\"\n```\nthanks").as_deref(), Some("id = \"a\"\n\ntitle = \"b\"\n"));
        assert_eq!(code_block("```\nunclosed"), None);
        assert_eq!(code_block("no code"), None);
    }

    fn bot() -> Identity {
        Identity::new("@histbot:example.org", Some("HistBot"))
    }

    fn room(body: &str) -> Incoming<'_> {
        Incoming { body, formatted_body: None, mentions_bot: false, direct: false }
    }

    #[test]
    fn commands_with_the_prefix_run_anywhere() {
        assert_eq!(decide(room("!when belgrade-declaration"), &bot(), "!"), Decision::Run("!when belgrade-declaration".into()));
        assert_eq!(decide(room("  !compare 1956 1968 "), &bot(), "!"), Decision::Run("!compare 1956 1968".into()));
        assert_eq!(decide(room("!help"), &bot(), "!"), Decision::Run("!help".into()));
    }

    #[test]
    fn a_configured_prefix_is_normalized() {
        assert_eq!(decide(room("hb!when tito"), &bot(), "hb!"), Decision::Run("!when tito".into()));
        assert_eq!(decide(room("!when tito"), &bot(), "hb!"), Decision::Ignore);
        assert_eq!(decide(room(".who tito"), &bot(), "."), Decision::Run("!who tito".into()));
    }

    #[test]
    fn bidi_marks_before_the_prefix_are_ignored() {
        assert_eq!(decide(room("\u{200F}!when tito"), &bot(), "!"), Decision::Run("!when tito".into()));
        assert_eq!(decide(room("\u{200E} hb!who ti\u{200F}to"), &bot(), "hb!"), Decision::Run("!who tito".into()));
        assert_eq!(decide(room("\u{200F}histbot: \u{200F}who was tito?"), &bot(), "!"), Decision::Run("who was tito?".into()));
    }

    #[test]
    fn unknown_commands_are_left_to_other_bots_unless_addressed() {
        assert_eq!(decide(room("!ban @spammer:x"), &bot(), "!"), Decision::Ignore);
        let direct = Incoming { direct: true, ..room("!frobnicate") };
        assert_eq!(decide(direct, &bot(), "!"), Decision::Run("!frobnicate".into()));
    }

    #[test]
    fn free_text_needs_a_mention_or_a_direct_room() {
        assert_eq!(decide(room("when was the belgrade declaration?"), &bot(), "!"), Decision::Ignore);
        assert_eq!(
            decide(room("histbot: when was the belgrade declaration?"), &bot(), "!"),
            Decision::Run("when was the belgrade declaration?".into())
        );
        assert_eq!(decide(room("HistBot, who was tito?"), &bot(), "!"), Decision::Run("who was tito?".into()));
        assert_eq!(decide(room("@histbot:example.org who was tito?"), &bot(), "!"), Decision::Run("who was tito?".into()));
        assert_eq!(decide(room("histbots are fun"), &bot(), "!"), Decision::Ignore);
        let direct = Incoming { direct: true, ..room("who was tito?") };
        assert_eq!(decide(direct, &bot(), "!"), Decision::Run("who was tito?".into()));
        let intentional = Incoming { mentions_bot: true, ..room("when was the belgrade declaration?") };
        assert_eq!(decide(intentional, &bot(), "!"), Decision::Run("when was the belgrade declaration?".into()));
        let pill = Incoming {
            formatted_body: Some("<a href=\"https://matrix.to/#/@histbot:example.org\">HistBot</a>: who was tito?"),
            ..room("HistBot: who was tito?")
        };
        assert_eq!(decide(pill, &bot(), "!"), Decision::Run("who was tito?".into()));
        assert_eq!(decide(room("histbot"), &bot(), "!"), Decision::Run("!help".into()));
        assert_eq!(decide(room("histbot: !when tito"), &bot(), "!"), Decision::Run("!when tito".into()));
    }

    #[test]
    fn reply_fallbacks_are_stripped() {
        let body = "> <@alice:example.org> !when tito\n> second line\n\n!when belgrade-declaration";
        assert_eq!(strip_reply_fallback(body), "!when belgrade-declaration");
        assert_eq!(decide(room(body), &bot(), "!"), Decision::Run("!when belgrade-declaration".into()));
        assert_eq!(strip_reply_fallback("> only a quote"), "");
        assert_eq!(strip_reply_fallback("no quote"), "no quote");
        // A quoted command is not run: only what follows the quote counts.
        assert_eq!(decide(room("> !when tito\n\nnice"), &bot(), "!"), Decision::Ignore);
    }

    #[test]
    fn pills_are_recognized() {
        assert!(links_to("<a href=\"https://matrix.to/#/%40histbot%3Aexample.org\">x</a>", "@histbot:example.org"));
        assert!(links_to("<a href=\"matrix:u/histbot:example.org\">x</a>", "@histbot:example.org"));
        assert!(!links_to("<a href=\"https://matrix.to/#/@other:example.org\">x</a>", "@histbot:example.org"));
    }

    #[test]
    fn allow_list_matches_users_and_servers() {
        let open = AllowList::new(&[]);
        assert!(open.allows("@anyone:anywhere"));
        let list = AllowList::new(&["@alice:example.org".into(), "study.example".into()]);
        assert!(list.allows("@alice:example.org"));
        assert!(!list.allows("@bob:example.org"));
        assert!(list.allows("@bob:STUDY.example"));
        assert!(!list.allows("@mallory:evil.example"));
    }

    #[test]
    fn commands_are_shown_with_the_matrix_prefix() {
        assert_eq!(localize_commands("/when <event> — When did…", "!"), "!when <event> — When did…");
        assert_eq!(localize_commands("Page 1 of 3. Next: /year 1955 2", "!"), "Page 1 of 3. Next: !year 1955 2");
        assert_eq!(localize_commands("try “/help when” or (/who tito)", "hb!"), "try “hb!help when” or (hb!who tito)");
        // Not commands, or not at a word start: untouched.
        assert_eq!(localize_commands("https://en.wikipedia.org/when and /etc/hosts and /whenever", "!"), "https://en.wikipedia.org/when and /etc/hosts and /whenever");
        assert_eq!(localize_commands("1953/1955 and/or /", "!"), "1953/1955 and/or /");
    }

    #[test]
    fn clip_keeps_char_boundaries() {
        let long = "ж".repeat(100);
        let clipped = clip(&long, 51);
        assert!(clipped.len() <= 51 && clipped.ends_with('…'));
        assert_eq!(clip("short", 100), "short");
    }
}
