//! `histbot console`: an interactive chat in the terminal, the embedded
//! default that needs no account or token.
//!
//! Input is read as bytes, one line at a time, keeping at most
//! [`MAX_LINE_BYTES`] of a line: a line that is not UTF-8, is longer than
//! that, or holds control characters (terminal escape sequences) gets a
//! clear reply and the console goes on to the next line.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;

use histbot::ask::answer::{Answer, Outcome};
use histbot::ask::render;
use histbot::service::{Asker, Service};

/// The longest line the console answers, in bytes.
pub const MAX_LINE_BYTES: usize = 4096;

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
    Skip,
    Quit,
}

/// Read lines from stdin and answer each, until EOF, `/quit`, or the
/// service stops (a line read after that is not answered). Blocking: run it
/// on its own thread.
pub fn chat(service: Arc<Service>, locale: &str) -> std::io::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", banner(&service))?;
    let asker = Asker { locale: locale.to_string(), ..Asker::console() };
    let mut input = std::io::stdin().lock();
    loop {
        if interactive {
            write!(out, "\nhistbot> ")?;
            out.flush()?;
        }
        let line = next_line(&mut input, MAX_LINE_BYTES)?;
        // Held until the reply is written: stopping waits for it.
        let Some(_in_flight) = service.shutdown().admit() else { break };
        let answer = match step(&service, line, &asker) {
            Step::Reply(answer) => answer,
            Step::Skip => continue,
            Step::Quit => break,
        };
        writeln!(out, "{}", render::plain(&answer))?;
        if !interactive {
            writeln!(out)?;
        }
        out.flush()?;
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

/// The reply to one line of input.
fn step(service: &Service, input: Input, asker: &Asker) -> Step {
    let line = match input {
        Input::End => return Step::Quit,
        Input::TooLong(bytes) => return Step::Reply(refusal(
            format!("That line is too long ({bytes} bytes)."),
            format!("The console reads lines of at most {MAX_LINE_BYTES} bytes; ask a shorter question."),
        )),
        Input::NotText => return Step::Reply(refusal(
            "That line is not valid UTF-8 text.".into(),
            "histbot reads UTF-8; check your terminal's or file's encoding. The line was skipped.".into(),
        )),
        Input::Line(line) => line,
    };
    if line.chars().any(|c| c.is_control() && c != '\t') {
        return Step::Reply(refusal(
            "That line has control characters in it (such as a terminal escape sequence).".into(),
            "Type the question as plain text. The line was skipped.".into(),
        ));
    }
    let trimmed = line.trim();
    match trimmed {
        "" => Step::Skip,
        "/quit" | "/exit" | "quit" | "exit" => Step::Quit,
        _ => Step::Reply(service.handle_line(trimmed, &['/', '!'], asker)),
    }
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
            [Input::Line("/when x".into()), Input::NotText, Input::Line("abc".into()), Input::TooLong(16), Input::Line(String::new()), Input::Line("last".into())]
        );
    }

    #[test]
    fn a_line_at_the_limit_is_kept() {
        assert_eq!(lines(b"0123456789\r\n", 10), [Input::Line("0123456789".into())]);
        assert_eq!(lines(b"0123456789a\n", 10), [Input::TooLong(11)]);
    }
}
