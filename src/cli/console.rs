//! `histbot console`: an interactive chat in the terminal, the embedded
//! default that needs no account or token.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;

use histbot::ask::render;
use histbot::service::{Asker, Service};

/// Read lines from stdin and answer each, until EOF or `quit`.
pub fn chat(service: Arc<Service>, locale: &str) -> std::io::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    let mut out = std::io::stdout().lock();
    let engine = service.engine();
    writeln!(
        out,
        "histbot: {} entries from {} sources. Type /help, or ask a question (e.g. “when did Tito get the Order of Lenin?”). Ctrl-D or /quit to leave.",
        engine.base().entries().len(),
        engine.base().sources().len()
    )?;
    drop(engine);
    let asker = Asker { locale: locale.to_string(), ..Asker::console() };
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        if interactive {
            write!(out, "\nhistbot> ")?;
            out.flush()?;
        }
        let Some(line) = lines.next() else { break };
        let line = line?;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if matches!(trimmed, "/quit" | "/exit" | "quit" | "exit") {
            break;
        }
        let answer = service.handle_line(trimmed, &['/', '!'], &asker);
        writeln!(out, "{}", render::plain(&answer))?;
        if !interactive {
            writeln!(out)?;
        }
        out.flush()?;
    }
    Ok(())
}
