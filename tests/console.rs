//! The console as a person uses it: the binary on a pseudo-terminal, typed
//! into (completion, history across two runs, Ctrl-R, paging with `/next`,
//! a pasted block, bad bytes), and as scripts use it: piped, where the
//! output is the plain text byte for byte. Also `histbot run` naming the
//! cargo feature of a front end this binary was built without.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use histbot::ask::render;
use histbot::config::Config;
use histbot::service::{Asker, Service};

/// A config over the shipped facts, with its data (the store, the console
/// history) in `dir`.
fn config_file(dir: &Path) -> String {
    let config = dir.join("histbot.toml");
    let facts = support::shipped_facts().display().to_string();
    std::fs::write(&config, format!("facts = {facts:?}\ndata_dir = {:?}\n[reload]\nwatch = false\n", dir.join("data").display().to_string())).unwrap();
    config.display().to_string()
}

/// The same service the console runs, to compute the answers it must show.
fn service(dir: &Path) -> Arc<Service> {
    let config = Config { facts: support::shipped_facts(), data_dir: dir.join("expected-data"), ..Config::default() };
    Service::start(&config).expect("the shipped facts load")
}

fn plain_answer(service: &Service, line: &str) -> String {
    render::plain(&service.handle_line(line, &['/', '!'], &Asker::console()))
}

/// The lines of `text` as a terminal shows them (`\n` becomes `\r\n`).
fn on_terminal(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[test]
fn piped_output_is_the_plain_text_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path());
    let lines = ["/when belgrade-declaration", "/timeline 1941 1948", "/next", "who was Tito?", "/frobnicate", "what is the Eiffel Tower?"];
    let mut child = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["console", "--config", &config])
        .current_dir(support::manifest_dir())
        .env("RUST_LOG", "warn")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = lines.iter().map(|line| format!("{line}\n")).collect::<String>();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");

    let service = service(dir.path());
    let base = service.engine();
    let mut expected = format!(
        "histbot: {} entries from {} sources. Type /help, or ask a question (e.g. “when did Tito get the Order of Lenin?”). Ctrl-D or /quit to leave.\n",
        base.base().entries().len(),
        base.base().sources().len()
    );
    for line in lines {
        // `/next` is the second page of the timeline above it.
        let line = if line == "/next" { "/timeline 1941 1948 2" } else { line };
        expected.push_str(&plain_answer(&service, line));
        expected.push_str("\n\n");
    }
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no escape sequence in piped output");
    assert_eq!(text, expected);
}

#[cfg(unix)]
mod terminal {
    use super::support::pty::Terminal;
    use super::*;

    /// What the console shows each time it is ready for a line: the line
    /// editor turns on bracketed paste (once per line; the prompt itself is
    /// drawn again at every key).
    const READY: &str = "\x1b[?2004h";

    fn start(dir: &Path, env: &[(&str, &str)]) -> Terminal {
        let config = config_file(dir);
        let home = dir.join("home").display().to_string();
        let mut env = env.to_vec();
        env.push(("HOME", &home));
        let mut terminal = Terminal::start(&support::manifest_dir(), &["console", "--config", &config], &env, 100);
        terminal.expect("entries from");
        terminal.expect(READY);
        terminal
    }

    /// Type a line and wait until the console is ready for the next; the
    /// screen in between.
    fn ask(terminal: &mut Terminal, line: &str) -> String {
        terminal.type_keys(line);
        terminal.type_keys("\r");
        terminal.expect(READY)
    }

    #[test]
    fn tab_completes_an_entry_and_the_answer_is_laid_out_for_the_screen() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[("FORCE_HYPERLINK", "1")]);
        terminal.type_keys("/when belg");
        // The hint: the rest of the best entry's id, its title and date.
        terminal.expect("rade-declaration  Belgrade Declaration (1955)");
        terminal.type_keys("\t");
        terminal.expect("/when belgrade-declaration");
        terminal.type_keys("\r");
        let screen = terminal.expect(READY);
        assert!(screen.contains("\x1b[1mBelgrade Declaration — 1955\x1b[0m"), "the headline is bold: {screen:?}");
        assert!(screen.contains("\x1b[2m  │ \x1b[0m\x1b[3m“"), "the quote is indented behind a bar, in italics: {screen:?}");
        assert!(screen.contains("\x1b]8;;https://en.wikipedia.org/wiki/"), "the source title is a link: {screen:?}");
        // Commands to run, in the command colour.
        assert!(screen.contains("\x1b[36m/when "), "{screen:?}");
        terminal.type_keys("\x04");
        assert!(terminal.wait().success());
    }

    #[test]
    fn a_command_name_completes_and_the_hint_shows_what_it_wants() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[]);
        terminal.type_keys("/tim");
        terminal.expect("eline  A chronological list");
        terminal.type_keys("\t");
        terminal.expect("/timeline ");
        terminal.expect("<from>");
        terminal.type_keys("1941 1948\r");
        let screen = terminal.expect(READY);
        assert!(screen.contains("Page 1 of "), "{screen:?}");
        terminal.type_keys("\x04");
        assert!(terminal.wait().success());
    }

    #[test]
    fn next_and_prev_turn_the_pages_of_the_last_list() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[]);
        let first = ask(&mut terminal, "/timeline 1941 1948");
        assert!(first.contains("Page 1 of ") && first.contains("\x1b[36m/next"), "{first:?}");
        let second = ask(&mut terminal, "/next");
        assert!(second.contains("Page 2 of "), "{second:?}");
        let service = service(dir.path());
        let page_two = service.handle_line("/timeline 1941 1948 2", &['/', '!'], &Asker::console());
        assert!(second.contains(&page_two.parts[0].heading.clone().unwrap()), "the second page's first entry: {second:?}");
        let back = ask(&mut terminal, "/prev");
        assert!(back.contains("Page 1 of "), "{back:?}");
        let none = ask(&mut terminal, "/prev");
        assert!(none.contains("That was the first page (1 of "), "{none:?}");
        ask(&mut terminal, "/who tito");
        let nothing = ask(&mut terminal, "/next");
        assert!(nothing.contains("There is no next page."), "{nothing:?}");
        terminal.type_keys("/quit\r");
        assert!(terminal.wait().success());
    }

    #[test]
    fn history_is_kept_across_two_runs_and_ctrl_r_searches_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = start(dir.path(), &[]);
        ask(&mut first, "/who tito");
        ask(&mut first, "/year 1948");
        first.type_keys("\x04");
        assert!(first.wait().success());
        let history = std::fs::read_to_string(dir.path().join("data/console_history")).expect("the history file, in the data directory");
        assert!(history.contains("/who tito") && history.contains("/year 1948"), "{history}");
        let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(dir.path().join("data/console_history")).unwrap().permissions());
        assert_eq!(mode & 0o777, 0o600, "the history is readable by its owner only");

        let mut second = start(dir.path(), &[]);
        // ↑ recalls the last line, ↑ again the one before.
        second.type_keys("\x1b[A");
        second.expect("/year 1948");
        second.type_keys("\x1b[A");
        second.expect("/who tito");
        second.type_keys("\r");
        let answer = second.expect(READY);
        assert!(answer.contains("Josip Broz Tito"), "{answer:?}");
        // Ctrl-R finds an earlier line by a word in it.
        second.type_keys("\x12");
        second.type_keys("194");
        second.expect("/year 1948");
        second.type_keys("\r");
        let answer = second.expect(READY);
        assert!(answer.contains("1948"), "{answer:?}");
        second.type_keys("\x04");
        assert!(second.wait().success());
    }

    #[test]
    fn a_pasted_block_is_one_question_per_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[]);
        terminal.type_keys("\x1b[200~/who tito\n/when belgrade-declaration\n\x1b[201~\r");
        let screen = terminal.expect("Belgrade Declaration — 1955");
        assert!(screen.contains("Josip Broz Tito"), "the first line is answered first: {screen:?}");
        terminal.expect(READY);
        terminal.type_keys("\x04");
        assert!(terminal.wait().success());
    }

    #[test]
    fn bad_bytes_control_characters_and_long_lines_get_a_reply_and_it_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[]);
        terminal.send(b"\xff\xfe\r");
        terminal.expect("That line is not valid UTF-8 text.");
        terminal.expect(READY);
        terminal.type_keys("\x1b[200~/who \x07tito\x1b]0;pwned\x07\x1b[201~\r");
        terminal.expect("That line has control characters in it");
        terminal.expect(READY);
        terminal.type_keys(&format!("\x1b[200~{}\x1b[201~\r", "x".repeat(5000)));
        terminal.expect("That line is too long (5000 bytes).");
        terminal.expect(READY);
        let screen = ask(&mut terminal, "/who tito");
        assert!(screen.contains("Josip Broz Tito"), "{screen:?}");
        assert!(!terminal.output().contains("\x1b]0;"), "the pasted escape sequence never reaches the terminal whole");
        terminal.type_keys("\x04");
        assert!(terminal.wait().success());
    }

    #[test]
    fn no_color_gives_the_plain_text_on_a_terminal_too() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[("NO_COLOR", "1")]);
        let screen = ask(&mut terminal, "/when belgrade-declaration");
        let expected = plain_answer(&service(dir.path()), "/when belgrade-declaration");
        assert!(screen.contains(&on_terminal(&expected)), "expected\n{expected}\nin {screen:?}");
        assert!(!screen.contains("\x1b[1m") && !screen.contains("\x1b]8;"), "{screen:?}");
        terminal.type_keys("\x04");
        assert!(terminal.wait().success());
    }

    #[test]
    fn ctrl_c_leaves_and_the_terminal_is_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[]);
        terminal.type_keys("/who ti");
        terminal.expect("/who ti");
        assert!(!terminal.is_in_line_mode(), "the line editor has the terminal in raw mode");
        terminal.type_keys("\x03");
        assert!(terminal.wait().success());
        assert!(terminal.is_in_line_mode(), "the terminal is back in line mode");
    }

    #[test]
    fn sigterm_in_the_middle_of_a_line_leaves_the_terminal_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut terminal = start(dir.path(), &[("RUST_LOG", "info")]);
        terminal.type_keys("/who ti");
        terminal.expect("/who ti");
        assert!(!terminal.is_in_line_mode(), "the line editor has the terminal in raw mode");
        let status = Command::new("kill").arg("-TERM").arg(terminal.id().to_string()).status().expect("run kill");
        assert!(status.success());
        terminal.expect("shut down cleanly");
        // Bracketed paste turned off again, after the last log line.
        terminal.expect("\x1b[?2004l");
        assert!(terminal.wait().success());
        assert!(terminal.is_in_line_mode(), "the terminal is back in line mode");
    }
}

#[cfg(not(feature = "discord"))]
#[test]
fn run_names_the_cargo_feature_of_a_front_end_that_is_not_built_in() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("histbot.toml");
    std::fs::write(&config, "[discord]\nenabled = true\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["run", "--config", &config.display().to_string()])
        .current_dir(support::manifest_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("built without the Discord front end") && stderr.contains("`discord` cargo feature") && stderr.contains("--features discord"),
        "{stderr}"
    );
}

#[cfg(not(feature = "matrix"))]
#[test]
fn run_names_the_matrix_feature_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("histbot.toml");
    std::fs::write(&config, "[matrix]\nenabled = true\nhomeserver = \"http://127.0.0.1:1\"\nuser_id = \"@bot:localhost\"\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_histbot"))
        .args(["run", "--config", &config.display().to_string()])
        .current_dir(support::manifest_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("`matrix` cargo feature"), "{stderr}");
}
