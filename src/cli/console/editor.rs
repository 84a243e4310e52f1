//! The console on a terminal: line editing with `rustyline` (arrow keys,
//! Emacs keys, Ctrl-R history search, bracketed paste), the history kept in
//! a file, Tab completion of commands and of entries from the same
//! autocomplete the Discord front end uses ([`Service::autocomplete`]), and
//! a hint after the cursor naming the entry (title and date) or the
//! argument a command wants.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use histbot::ask::commands::{self, ArgKind, ArgSpec, CommandSpec, COMMANDS, FACTS_ACTIONS, YEAR_MAX, YEAR_MIN};
use histbot::ask::render;
use histbot::service::Service;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hint, Hinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, EditMode, Editor};

use super::screen::{self, Screen};
use super::{banner, not_text, Input, Session, Step, MAX_LINE_BYTES};

/// The prompt, as typed lines follow it.
const PROMPT: &str = "histbot> ";
/// How many lines the history file keeps.
const HISTORY_LINES: usize = 1000;
/// Commands only the console has (they page and leave; the others come
/// from the command table).
const CONSOLE_COMMANDS: &[(&str, &str)] =
    &[("next", "The next page of the last list."), ("prev", "The previous page of the last list."), ("quit", "Leave the console.")];

type LineEditor = Editor<ConsoleHelper, DefaultHistory>;

/// Chat on a terminal until end of input (Ctrl-D), Ctrl-C, `/quit`, or the
/// service stopping.
pub(super) fn interactive(mut session: Session, history: Option<&Path>) -> std::io::Result<()> {
    let screen = Screen::detect();
    save_terminal();
    let mut editor = new_editor(session.service.clone(), screen.styled).map_err(std::io::Error::other)?;
    let history = history.and_then(|path| open_history(&mut editor, path));
    let mut out = std::io::stdout();
    if screen.styled {
        let width = columns(&mut editor);
        writeln!(out, "{}\n{}", screen::note(&banner(&session.service), false, width), screen::note(KEYS, true, width))?;
    } else {
        writeln!(out, "{}", banner(&session.service))?;
    }
    loop {
        writeln!(out)?;
        let text = match editor.readline(&prompt(screen)) {
            Ok(text) => text,
            Err(ReadlineError::Eof | ReadlineError::Interrupted) => return Ok(()),
            Err(ReadlineError::Io(error)) if error.kind() == std::io::ErrorKind::InvalidData => {
                // The rest of the bad line is still waiting; it is not a question.
                discard_pending_input();
                show(&mut out, &mut editor, screen, &not_text())?;
                continue;
            }
            Err(error) => return Err(std::io::Error::other(error)),
        };
        // A pasted block of lines is one question per line, each answered in turn.
        let lines: Vec<&str> = text.split('\n').collect();
        for (n, line) in lines.iter().enumerate() {
            if n > 0 && !line.trim().is_empty() {
                writeln!(out, "\n{}{}", prompt_text(screen), render::without_controls(line))?;
            }
            let input = if line.len() > MAX_LINE_BYTES { Input::TooLong(line.len()) } else { Input::Line(line.to_string()) };
            remember(&mut editor, history.as_deref(), line);
            // Held until the reply is written: stopping waits for it.
            let Some(_in_flight) = session.service.shutdown().admit() else {
                return Ok(());
            };
            match session.step(input) {
                Step::Reply(answer) => show(&mut out, &mut editor, screen, &answer)?,
                Step::Replies(answers) => {
                    for answer in &answers {
                        show(&mut out, &mut editor, screen, answer)?;
                    }
                }
                Step::Skip => {}
                Step::Quit => return Ok(()),
            }
        }
    }
}

/// The keys worth knowing, under the banner.
const KEYS: &str = "Tab completes commands and names, ↑ and Ctrl-R recall earlier questions, /next turns the page.";

fn new_editor(service: Arc<Service>, styled: bool) -> rustyline::Result<LineEditor> {
    let config = Config::builder()
        .max_history_size(HISTORY_LINES)?
        .history_ignore_dups(true)?
        .history_ignore_space(true)
        .auto_add_history(false)
        .completion_type(CompletionType::Circular)
        .edit_mode(EditMode::Emacs)
        .bracketed_paste(true)
        .build();
    let mut editor = LineEditor::with_config(config)?;
    editor.set_helper(Some(ConsoleHelper { service, styled }));
    Ok(editor)
}

fn prompt(screen: Screen) -> (String, String) {
    (PROMPT.to_string(), prompt_text(screen))
}

fn prompt_text(screen: Screen) -> String {
    if screen.styled {
        format!("\x1b[1;36m{}\x1b[0m ", PROMPT.trim_end())
    } else {
        PROMPT.to_string()
    }
}

/// Write one answer: laid out for the screen, or the plain text.
fn show(out: &mut impl Write, editor: &mut LineEditor, screen: Screen, answer: &histbot::ask::answer::Answer) -> std::io::Result<()> {
    let text = if screen.styled { screen::styled(answer, columns(editor), screen.hyperlinks) } else { render::plain(answer) };
    writeln!(out, "{text}")?;
    out.flush()
}

/// The terminal's width: `COLUMNS` when set, else what the terminal says.
fn columns(editor: &mut LineEditor) -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| editor.dimensions().map(|(columns, _)| usize::from(columns)))
        .unwrap_or(80)
}

/// Load the history file (creating its directory); the path to append to,
/// or `None` (with a warning) when it cannot be used.
fn open_history(editor: &mut LineEditor, path: &Path) -> Option<PathBuf> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Err(error) = std::fs::create_dir_all(parent) {
            tracing::warn!(path = %parent.display(), %error, "cannot create the directory for the console history; it is kept for this session only");
            return None;
        }
    }
    match editor.load_history(path) {
        Ok(()) => Some(path.to_path_buf()),
        Err(ReadlineError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => Some(path.to_path_buf()),
        Err(error) => {
            tracing::warn!(path = %path.display(), %error, "cannot read the console history; it is kept for this session only");
            None
        }
    }
}

/// Add a line to the history, and to the file at once (so that a stop by a
/// signal loses none). Lines the console refuses are not kept.
fn remember(editor: &mut LineEditor, file: Option<&Path>, line: &str) {
    let refused = line.len() > MAX_LINE_BYTES || line.chars().any(|c| c.is_control() && c != '\t');
    if line.trim().is_empty() || refused {
        return;
    }
    if !matches!(editor.add_history_entry(line), Ok(true)) {
        return;
    }
    if let Some(path) = file {
        if let Err(error) = editor.append_history(path) {
            tracing::warn!(path = %path.display(), %error, "cannot save the console history");
        }
    }
}

/// The terminal's settings as they were before the line editor changed
/// them, so that a stop by a signal in the middle of a line leaves the
/// terminal usable.
#[cfg(unix)]
static SAVED_TERMINAL: std::sync::Mutex<Option<nix::sys::termios::Termios>> = std::sync::Mutex::new(None);

#[cfg(unix)]
fn save_terminal() {
    if let Ok(settings) = nix::sys::termios::tcgetattr(std::io::stdin()) {
        if let Ok(mut saved) = SAVED_TERMINAL.lock() {
            *saved = Some(settings);
        }
    }
}

/// Put the terminal back as the console found it (cooked mode, no
/// bracketed paste). Called when the bot stops; does nothing when the
/// console never edited a line.
#[cfg(unix)]
pub fn restore_terminal() {
    let saved = SAVED_TERMINAL.lock().ok().and_then(|mut saved| saved.take());
    if let Some(settings) = saved {
        let _ = nix::sys::termios::tcsetattr(std::io::stdin(), nix::sys::termios::SetArg::TCSANOW, &settings);
        let mut out = std::io::stdout();
        let _ = write!(out, "\x1b[?2004l");
        let _ = out.flush();
    }
}

/// Drop what is left of a line that could not be read.
#[cfg(unix)]
fn discard_pending_input() {
    let _ = nix::sys::termios::tcflush(std::io::stdin(), nix::sys::termios::FlushArg::TCIFLUSH);
}

#[cfg(not(unix))]
fn save_terminal() {}

#[cfg(not(unix))]
pub fn restore_terminal() {}

#[cfg(not(unix))]
fn discard_pending_input() {}

/// Completion and hints for the line editor.
struct ConsoleHelper {
    service: Arc<Service>,
    /// Hints are shown dimmed, so only on a styled screen.
    styled: bool,
}

impl Completer for ConsoleHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let completion = complete(&self.service, line.get(..pos).unwrap_or(line));
        let pairs = completion.offers.into_iter().map(|offer| Pair { display: offer.label, replacement: offer.replacement }).collect();
        Ok((completion.start, pairs))
    }
}

impl Hinter for ConsoleHelper {
    type Hint = ArgHint;

    fn hint(&self, line: &str, pos: usize, _: &Context<'_>) -> Option<ArgHint> {
        (self.styled && pos == line.len()).then(|| hint(&self.service, line)).flatten()
    }
}

impl Highlighter for ConsoleHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
    }
}

impl Validator for ConsoleHelper {}

impl rustyline::Helper for ConsoleHelper {}

/// What the hint shows after the cursor, and what → inserts.
pub struct ArgHint {
    display: String,
    completion: Option<String>,
}

impl Hint for ArgHint {
    fn display(&self) -> &str {
        &self.display
    }

    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// One thing Tab can put in place of the word being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Offer {
    replacement: String,
    /// An entry's title and date, or a command's summary.
    label: String,
}

/// What Tab offers for the text before the cursor: the byte where the
/// replaced text starts, the offers (best first), and the argument being
/// typed, if any.
#[derive(Debug, Default)]
struct Completion {
    start: usize,
    offers: Vec<Offer>,
    arg: Option<&'static ArgSpec>,
}

/// Complete `before` (the line up to the cursor): a command name after `/`
/// or `!`, then the argument under the cursor. Free text is not completed.
fn complete(service: &Service, before: &str) -> Completion {
    let lead = before.len() - before.trim_start().len();
    let text = &before[lead..];
    let Some(prefix) = text.chars().next().filter(|c| matches!(c, '/' | '!')) else {
        return Completion { start: before.len(), ..Completion::default() };
    };
    let body = &text[prefix.len_utf8()..];
    match body.split_once(char::is_whitespace) {
        None => Completion { start: lead, offers: command_offers(&prefix.to_string(), body), arg: None },
        Some(("quiz", _)) => quiz_completion(service, before, lead + prefix.len_utf8() + "quiz".len()),
        Some((name, _)) => match commands::find(name) {
            Some(spec) => complete_arguments(service, spec, before, lead + prefix.len_utf8() + name.len()),
            None => Completion { start: before.len(), ..Completion::default() },
        },
    }
}

/// The commands whose names start with `partial`, as `{prefix}name `.
fn command_offers(prefix: &str, partial: &str) -> Vec<Offer> {
    let partial = partial.to_lowercase();
    let table = COMMANDS.iter().map(|c| (c.name, c.summary));
    table
        .chain(CONSOLE_COMMANDS.iter().copied())
        .filter(|(name, _)| name.starts_with(&partial))
        .map(|(name, summary)| Offer { replacement: format!("{prefix}{name} "), label: summary.to_string() })
        .collect()
}

/// `/quiz` completes its first word: an action or a topic (kinds, tags,
/// periods), from the autocomplete Discord uses.
fn quiz_completion(service: &Service, before: &str, args_at: usize) -> Completion {
    let rest = &before[args_at..];
    let start = args_at + (rest.len() - rest.trim_start().len());
    let typed = &before[start..];
    if typed.contains(char::is_whitespace) {
        return Completion { start: before.len(), ..Completion::default() };
    }
    let offers = service
        .autocomplete(ArgKind::QuizTopic, typed, 25)
        .into_iter()
        .filter(|choice| !choice.value.contains(' '))
        .map(|choice| Offer { replacement: choice.value, label: String::new() })
        .collect();
    Completion { start, offers, arg: commands::find("quiz").and_then(|spec| spec.args.first()) }
}

/// Complete the argument under the cursor; `args_at` is where the text
/// after the command name starts. A command whose one argument names an
/// entry takes all of that text (`/when order of len`); the others take
/// one word per argument.
fn complete_arguments(service: &Service, spec: &'static CommandSpec, before: &str, args_at: usize) -> Completion {
    let rest = &before[args_at..];
    let args_at = args_at + (rest.len() - rest.trim_start().len());
    let args = &before[args_at..];
    if let [only] = spec.args {
        if only.kind.names_entries() {
            return Completion { start: args_at, offers: entry_offers(service, only.kind, args), arg: Some(only) };
        }
    }
    let word_at = args.rfind(char::is_whitespace).map_or(0, |i| i + args[i..].chars().next().map_or(1, char::len_utf8));
    let index = args[..word_at].split_whitespace().count();
    let partial = &args[word_at..];
    let Some(arg) = spec.args.get(index) else {
        return Completion { start: before.len(), ..Completion::default() };
    };
    let offers = match (spec.name, arg.kind) {
        ("help", _) => command_offers("", partial).into_iter().map(|o| Offer { replacement: o.replacement.trim_end().to_string(), ..o }).collect(),
        ("facts", _) if index == 0 => {
            FACTS_ACTIONS.iter().filter(|a| a.starts_with(partial)).map(|a| Offer { replacement: (*a).to_string(), label: String::new() }).collect()
        }
        (_, kind) => entry_offers(service, kind, partial),
    };
    Completion { start: args_at + word_at, offers, arg: Some(arg) }
}

/// Entries for a partly typed argument, from the autocomplete Discord uses
/// (and the year itself, for an argument that takes a year or an entry).
fn entry_offers(service: &Service, kind: ArgKind, partial: &str) -> Vec<Offer> {
    let mut offers = Vec::new();
    if kind == ArgKind::YearOrEntry {
        if let Ok(year) = partial.trim().parse::<i64>() {
            if (YEAR_MIN..=YEAR_MAX).contains(&year) {
                offers.push(Offer { replacement: year.to_string(), label: String::new() });
            }
        }
    }
    if kind.names_entries() {
        let choices = service.autocomplete(kind, partial.trim(), 25);
        offers.extend(choices.into_iter().map(|choice| Offer { replacement: choice.value, label: choice.name }));
    }
    offers
}

/// The hint for a line with the cursor at its end: the rest of the best
/// offer and its title and date (→ takes the rest), or what the argument
/// wants when nothing is typed yet.
fn hint(service: &Service, line: &str) -> Option<ArgHint> {
    let completion = complete(service, line);
    let partial = line.get(completion.start..)?;
    if partial.trim().is_empty() {
        let arg = completion.arg?;
        return Some(ArgHint { display: format!("<{}>  {}", arg.name, arg.description), completion: None });
    }
    let best = completion.offers.first()?;
    let label = clip(&render::without_controls(&best.label), 70);
    let after = |text: &str| {
        if label.is_empty() {
            text.to_string()
        } else {
            format!("{text}  {label}")
        }
    };
    let display = if best.replacement.trim_end().eq_ignore_ascii_case(partial.trim_end()) {
        return (!label.is_empty()).then(|| ArgHint { display: format!("  {label}"), completion: None });
    } else if let Some(rest) = best.replacement.strip_prefix(partial) {
        return Some(ArgHint { display: after(rest.trim_end()), completion: Some(rest.to_string()) });
    } else {
        after(&format!("  ⇥ {}", best.replacement.trim_end()))
    };
    Some(ArgHint { display, completion: None })
}

/// At most `max` characters, ending with `…` when cut.
fn clip(text: &str, max: usize) -> String {
    histbot::ask::engine::truncate_chars(text, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A service on the shipped facts, shared by the tests (with its store
    /// in a temporary directory that lives as long as the tests).
    fn service() -> Arc<Service> {
        static SERVICE: std::sync::OnceLock<(tempfile::TempDir, Arc<Service>)> = std::sync::OnceLock::new();
        let (_, service) = SERVICE.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            let data = tempfile::tempdir().expect("a temporary directory");
            let config = histbot::config::Config {
                facts: dir.join("facts"),
                intents: dir.join("config/intents.toml"),
                data_dir: data.path().to_path_buf(),
                ..histbot::config::Config::default()
            };
            (data, Service::start(&config).expect("the shipped facts load"))
        });
        service.clone()
    }

    fn replacements(completion: &Completion) -> Vec<&str> {
        completion.offers.iter().map(|o| o.replacement.as_str()).collect()
    }

    #[test]
    fn command_names_complete_after_a_slash_or_a_bang() {
        let service = service();
        let completion = complete(&service, "/wh");
        assert_eq!(completion.start, 0);
        assert_eq!(replacements(&completion), ["/when ", "/who "]);
        assert_eq!(replacements(&complete(&service, "  !ne")), ["!next "]);
        assert_eq!(complete(&service, "  !ne").start, 2);
        assert!(complete(&service, "who was tito").offers.is_empty(), "free text is not completed");
    }

    #[test]
    fn an_entry_argument_completes_from_the_autocomplete() {
        let service = service();
        let completion = complete(&service, "/when belg");
        assert_eq!(completion.start, "/when ".len());
        assert_eq!(replacements(&completion).first(), Some(&"belgrade-declaration"), "{:?}", completion.offers);
        let expected: Vec<String> = service.autocomplete(ArgKind::Happening, "belg", 25).into_iter().map(|c| c.value).collect();
        assert_eq!(replacements(&completion), expected, "the same choices as Discord's autocomplete");
        // All the words after a one-argument command are the argument.
        let completion = complete(&service, "/source order of len");
        assert_eq!(completion.start, "/source ".len());
        assert!(replacements(&completion).contains(&"tito-order-of-lenin"), "{:?}", completion.offers);
        let periods = complete(&service, "/period norm");
        assert!(replacements(&periods).contains(&"normalization-after-stalin"), "{:?}", periods.offers);
    }

    #[test]
    fn each_word_of_a_many_argument_command_is_its_own_argument() {
        let service = service();
        let completion = complete(&service, "/compare 1956 belgrade-decl");
        assert_eq!(completion.start, "/compare 1956 ".len());
        assert!(replacements(&completion).contains(&"belgrade-declaration"), "{:?}", completion.offers);
        assert!(!replacements(&complete(&service, "/compare 195")).contains(&"195"), "a year is offered as itself only in bounds");
        assert_eq!(replacements(&complete(&service, "/compare 1956")).first(), Some(&"1956"));
        assert!(!replacements(&complete(&service, "/timeline 19")).contains(&"19"), "a year is offered as itself only in bounds");
        assert!(replacements(&complete(&service, "/timeline tito-stalin-sp")).contains(&"tito-stalin-split"), "a timeline's topic is an entry");
        assert!(complete(&service, "/timeline 1941 19").offers.is_empty(), "the last year is typed");
        assert!(complete(&service, "/report belgrade-declaration wro").offers.is_empty(), "the problem is free text");
        assert_eq!(replacements(&complete(&service, "/facts re")), ["reports"]);
        assert_eq!(replacements(&complete(&service, "/help comp")), ["compare"]);
    }

    #[test]
    fn the_hint_names_the_entry_and_its_date() {
        let service = service();
        let typed = hint(&service, "/when belgrade-declaration").expect("a hint");
        assert_eq!(typed.completion, None);
        assert!(typed.display.contains("Belgrade") && typed.display.contains("1955"), "{}", typed.display);
        let partial = hint(&service, "/when belg").expect("a hint");
        assert_eq!(partial.completion.as_deref(), Some("rade-declaration"));
        assert!(partial.display.starts_with("rade-declaration  ") && partial.display.contains("1955"), "{}", partial.display);
        let empty = hint(&service, "/when ").expect("a hint");
        assert!(empty.display.starts_with("<event>"), "{}", empty.display);
        let command = hint(&service, "/tim").expect("a hint");
        assert_eq!(command.completion.as_deref(), Some("eline "));
        assert!(hint(&service, "who was tito").is_none());
    }
}
