//! `histbot console`: an interactive chat in the terminal, the embedded
//! default that needs no account or token.
//!
//! Two modes, chosen by what standard input and output are:
//!
//! - **A terminal** (both are): line editing, history and completion
//!   ([`editor`], on `rustyline`), and answers laid out for the screen
//!   ([`screen`]: bold headlines, quotes set apart, links, wrapping). With
//!   `NO_COLOR` set (or `TERM=dumb`) the answers are the plain text below.
//! - **Anything else** (a pipe, a file): lines are read as bytes and each
//!   answer is written as [`render::plain`] text followed by a blank line,
//!   exactly as scripts and tests expect.
//!
//! Either way a line that is not UTF-8, is longer than [`MAX_LINE_BYTES`],
//! or holds control characters (terminal escape sequences) gets a clear
//! reply and the console goes on to the next line. `/next` and `/prev` turn
//! the pages of the last paged answer (`/timeline 1941 1948`).

mod editor;
mod quiz;
mod screen;

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use histbot::ask::answer::{Answer, Outcome};
use histbot::ask::render;
use histbot::service::{Asker, Service};

pub use editor::restore_terminal;

/// The longest line the console answers, in bytes.
pub const MAX_LINE_BYTES: usize = 4096;

/// How the console is set up.
#[derive(Debug, Clone)]
pub struct Options {
    /// The locale answers are given in.
    pub locale: String,
    /// Where the history of typed lines is kept (interactive mode only);
    /// `None` keeps it in memory.
    pub history: Option<PathBuf>,
}

/// One line of input, as read.
#[derive(Debug, PartialEq, Eq)]
enum Input {
    /// A line of text, without its line break.
    Line(String),
    /// A line longer than [`MAX_LINE_BYTES`] (its length in bytes).
    TooLong(usize),
    /// A line that is not valid UTF-8.
    NotText,
    /// The end of the input.
    End,
}

/// What to do with one line.
enum Step {
    Reply(Answer),
    /// Several replies in turn (a quiz answer's reveal and the next question).
    Replies(Vec<Answer>),
    Skip,
    Quit,
}

/// Read lines and answer each, until end of input, `/quit`, or the service
/// stops (a line read after that is not answered). Blocking: run it on its
/// own thread.
pub fn chat(service: Arc<Service>, options: Options) -> std::io::Result<()> {
    quiz::resume(&service);
    let session = Session::new(service, &options.locale);
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return editor::interactive(session, options.history.as_deref());
    }
    piped(session)
}

/// Read bytes from stdin, one line at a time: the mode for pipes and files
/// (and for a terminal on stdin whose output goes elsewhere).
fn piped(mut session: Session) -> std::io::Result<()> {
    let prompt = std::io::stdin().is_terminal();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", banner(&session.service))?;
    let mut input = std::io::stdin().lock();
    loop {
        if prompt {
            write!(out, "\nhistbot> ")?;
            out.flush()?;
        }
        let line = next_line(&mut input, MAX_LINE_BYTES)?;
        let received = std::time::Instant::now();
        // Held until the reply is written: stopping waits for it.
        let Some(_in_flight) = session.service.shutdown().admit() else {
            break;
        };
        let answers = match session.step(line) {
            Step::Reply(answer) => vec![answer],
            Step::Replies(answers) => answers,
            Step::Skip => continue,
            Step::Quit => break,
        };
        for answer in answers {
            writeln!(out, "{}", render::plain(&answer))?;
            if !prompt {
                writeln!(out)?;
            }
        }
        out.flush()?;
        histbot::service::measure::reply("console", "pipe", received.elapsed());
    }
    Ok(())
}

fn banner(service: &Service) -> String {
    let engine = service.engine();
    format!(
        "histbot: {} entries from {} sources. Type /help, or ask a question (e.g. “when did Tito get the Order of Lenin?”). Ctrl-D or /quit to leave.",
        engine.base().entries().len(),
        engine.base().sources().len()
    )
}

/// The last paged answer: the command that shows another page, and where
/// the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Paging {
    command: String,
    number: usize,
    count: usize,
}

/// One person's conversation: who asks, and the last paged answer.
struct Session {
    service: Arc<Service>,
    asker: Asker,
    paging: Option<Paging>,
}

impl Session {
    fn new(service: Arc<Service>, locale: &str) -> Session {
        Session { service, asker: Asker { locale: locale.to_string(), ..Asker::console() }, paging: None }
    }

    /// The reply to one line of input.
    fn step(&mut self, input: Input) -> Step {
        let line = match input {
            Input::End => return Step::Quit,
            Input::TooLong(bytes) => {
                return Step::Reply(refusal(
                    format!("That line is too long ({bytes} bytes)."),
                    format!("The console reads lines of at most {MAX_LINE_BYTES} bytes; ask a shorter question."),
                ))
            }
            Input::NotText => return Step::Reply(not_text()),
            Input::Line(line) => line,
        };
        if line.chars().any(|c| c.is_control() && c != '\t') {
            return Step::Reply(refusal(
                "That line has control characters in it (such as a terminal escape sequence).".into(),
                "Type the question as plain text. The line was skipped.".into(),
            ));
        }
        let trimmed = line.trim();
        if let Some(args) = quiz::arguments(trimmed) {
            return Step::Replies(quiz::command(&self.service, &args));
        }
        if let Some(replies) = quiz::answer(&self.service, trimmed) {
            return Step::Replies(replies);
        }
        let answer = match trimmed {
            "" => return Step::Skip,
            "/quit" | "/exit" | "quit" | "exit" => return Step::Quit,
            "/next" | "!next" | "next" => return Step::Reply(self.turn_page(1)),
            "/prev" | "!prev" | "prev" | "/previous" => return Step::Reply(self.turn_page(-1)),
            _ => self.service.handle_line(trimmed, &['/', '!'], &self.asker),
        };
        self.paging = paging_of(&answer);
        Step::Reply(answer)
    }

    /// `/next` (`by` 1) and `/prev` (`by` -1): another page of the last
    /// paged answer, or a reply saying why there is none.
    fn turn_page(&mut self, by: isize) -> Answer {
        let word = if by > 0 { "next" } else { "previous" };
        let Some(paging) = self.paging.clone() else {
            return Answer::new("help", Outcome::Error, format!("There is no {word} page."))
                .text("`/next` and `/prev` turn the pages of the last answer that has pages, such as `/timeline 1941 1948` or `/year 1948`.");
        };
        let target = paging.number.checked_add_signed(by).filter(|page| (1..=paging.count).contains(page));
        let Some(page) = target else {
            let edge = if by > 0 { "last" } else { "first" };
            return Answer::new("help", Outcome::Error, format!("That was the {edge} page ({} of {}).", paging.number, paging.count))
                .text(format!("`{} N` shows page N.", paging.command));
        };
        let answer = self.service.handle_line(&format!("{} {page}", paging.command), &['/', '!'], &self.asker);
        self.paging = paging_of(&answer).or(Some(paging));
        answer
    }
}

/// The paging an answer offers, if it has more than one page.
fn paging_of(answer: &Answer) -> Option<Paging> {
    let (page, command) = (answer.page?, answer.page_command.as_ref()?);
    Some(Paging { command: command.clone(), number: page.number, count: page.count })
}

/// The console's history file: in `data_dir` when the config names one,
/// else in the platform's data directory (`$XDG_DATA_HOME/histbot`, or
/// `~/.local/share/histbot`; `~/Library/Application Support/histbot` on
/// macOS; `%APPDATA%\histbot` on Windows). `None` when there is neither.
pub fn history_file(data_dir: Option<&std::path::Path>) -> Option<PathBuf> {
    const FILE: &str = "console_history";
    match data_dir {
        Some(dir) => Some(dir.join(FILE)),
        None => platform_data_dir(&|name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)).map(|dir| dir.join("histbot").join(FILE)),
    }
}

/// The platform's directory for an application's data, from its
/// environment variables.
fn platform_data_dir(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| home.join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME").filter(|dir| dir.is_absolute()).or_else(|| var("HOME").map(|home| home.join(".local/share")))
    }
}

fn not_text() -> Answer {
    refusal("That line is not valid UTF-8 text.".into(), "histbot reads UTF-8; check your terminal's or file's encoding. The line was skipped.".into())
}

fn refusal(headline: String, text: String) -> Answer {
    Answer::new("help", Outcome::Error, headline).text(text)
}

/// Read one line, keeping at most `max` bytes of it (the rest is read and
/// dropped, so no line can exhaust memory). A trailing `\r` is removed.
fn next_line(input: &mut impl BufRead, max: usize) -> std::io::Result<Input> {
    let mut kept = Vec::new();
    let mut length = 0;
    let mut read_any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, ended) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], true),
            None => (buffer, false),
        };
        let room = (max + 1).saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        length += chunk.len();
        let used = chunk.len() + usize::from(ended);
        input.consume(used);
        if ended {
            break;
        }
    }
    if !read_any {
        return Ok(Input::End);
    }
    if kept.last() == Some(&b'\r') && length <= max + 1 {
        kept.pop();
        length -= 1;
    }
    if length > max {
        return Ok(Input::TooLong(length));
    }
    Ok(String::from_utf8(kept).map_or(Input::NotText, Input::Line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8], max: usize) -> Vec<Input> {
        let mut reader = std::io::BufReader::with_capacity(8, bytes);
        let mut out = Vec::new();
        loop {
            match next_line(&mut reader, max).unwrap() {
                Input::End => return out,
                other => out.push(other),
            }
        }
    }

    #[test]
    fn bad_lines_are_reported_and_reading_goes_on() {
        let read = lines(b"/when x\n\xff\xfe\nabc\r\n0123456789abcdef\n\nlast", 10);
        assert_eq!(
            read,
            [
                Input::Line("/when x".into()),
                Input::NotText,
                Input::Line("abc".into()),
                Input::TooLong(16),
                Input::Line(String::new()),
                Input::Line("last".into())
            ]
        );
    }

    #[test]
    fn the_history_lives_in_the_data_directory_or_the_platforms() {
        assert_eq!(history_file(Some(std::path::Path::new("data"))), Some(PathBuf::from("data/console_history")));
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let env = |pairs: &'static [(&'static str, &'static str)]| move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| PathBuf::from(v));
            assert_eq!(platform_data_dir(&env(&[("XDG_DATA_HOME", "/x/data"), ("HOME", "/home/a")])), Some(PathBuf::from("/x/data")));
            assert_eq!(platform_data_dir(&env(&[("XDG_DATA_HOME", "relative"), ("HOME", "/home/a")])), Some(PathBuf::from("/home/a/.local/share")));
            assert_eq!(platform_data_dir(&env(&[])), None);
        }
    }

    #[test]
    fn a_line_at_the_limit_is_kept() {
        assert_eq!(lines(b"0123456789\r\n", 10), [Input::Line("0123456789".into())]);
        assert_eq!(lines(b"0123456789a\n", 10), [Input::TooLong(11)]);
    }
}
