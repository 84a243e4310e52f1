//! What the asker typed comes back only cleaned and clipped: no terminal
//! escapes, no bidi overrides, at most about 100 characters, on every
//! renderer; and bidi marks never change how a line is parsed.

mod support;

use std::sync::Arc;

use histbot::ask::{render, Answer};
use histbot::config::Config;
use histbot::service::{Asker, Service};
use histbot::text::echo::ECHO_MAX_CHARS;

/// A hostile question: an ANSI colour, an OSC window title, an unbalanced
/// right-to-left override, a bell and a NUL.
const HOSTILE: &str = "what about \u{1b}[31mred\u{1b}[0m \u{1b}]0;pwned\u{07} \u{202E}desrever\u{0} \u{2066}isolate";

fn service() -> (Arc<Service>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config {
        facts: support::mini_facts(),
        intents: support::manifest_dir().join("config/intents.toml"),
        data_dir: dir.path().to_path_buf(),
        ..Config::default()
    };
    (Service::start(&config).expect("the mini base loads"), dir)
}

fn ask(service: &Service, line: &str) -> Answer {
    service.handle_line(line, &['/', '!'], &Asker::console())
}

/// Every rendering of `answer`: none may hold a control or bidi character.
fn assert_clean(what: &str, answer: &Answer) {
    let renderings = [render::plain(answer), render::markdown(answer), render::html(answer), render::json(answer).to_string()];
    for rendered in renderings {
        let bad: Vec<char> = rendered.chars().filter(|&c| (c.is_control() && c != '\n') || histbot::text::echo::is_bidi_control(c)).collect();
        assert!(bad.is_empty(), "{what}: {bad:?} in {rendered:?}");
    }
}

/// The longest line of an answer's text: an echo must not make it long.
fn longest_line(answer: &Answer) -> usize {
    render::plain(answer).lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn hostile_text_is_echoed_clean_and_clipped_everywhere() {
    let (service, _dir) = service();
    let long = format!("{HOSTILE} {}", "very long question ".repeat(2000));
    let lines = [
        HOSTILE.to_string(),
        long.clone(),
        format!("/frobnicate\u{1b}]0;pwned\u{07}{}", "x".repeat(5000)),
        format!("/help nosuch\u{1b}[2J{}", "y".repeat(5000)),
        format!("/year \u{202E}1948{}", "9".repeat(5000)),
    ];
    for line in &lines {
        let answer = ask(&service, line);
        assert_clean(&line.chars().take(30).collect::<String>(), &answer);
        assert!(longest_line(&answer) < ECHO_MAX_CHARS + 160, "{:?}: {}", answer.headline, longest_line(&answer));
    }
    let engine = service.engine();
    let ambiguous = engine.did_you_mean("ask", &long, &[0, 1]);
    assert_clean("did you mean", &ambiguous);
    assert!(render::plain(&ambiguous).len() < 2000, "{}", render::plain(&ambiguous).len());
    let not_found = engine.not_found("ask", &long, &[]);
    assert_clean("not found", &not_found);
    assert!(not_found.headline.chars().count() <= ECHO_MAX_CHARS + 30, "{}", not_found.headline);
}

#[test]
fn reports_echo_clean_text_to_the_asker_and_the_moderators() {
    let (service, _dir) = service();
    let mut notices = service.subscribe();
    let asker = Asker { display_name: "\u{202E}nimda\u{1b}[8m".into(), is_moderator: true, ..Asker::console() };
    let line = format!("/report no\u{1b}]0;x\u{07}such-entry{}: wrong \u{07}year \u{202E}here", "z".repeat(150));
    let filed = service.handle_line(&line, &['/'], &asker);
    assert_clean("the confirmation", &filed);
    assert!(longest_line(&filed) < ECHO_MAX_CHARS + 80, "{filed:?}");
    let notice = notices.try_recv().expect("moderators are told").answer;
    assert_clean("the notice", &notice);
    let listed = service.handle_line("/facts reports", &['/'], &asker);
    assert_clean("the list", &listed);
    assert!(render::plain(&listed).contains("wrong year here"), "{}", render::plain(&listed));
}

#[test]
fn a_report_over_the_cap_is_refused_and_not_filed() {
    let (service, _dir) = service();
    let cap = histbot::service::reports::REPORT_TEXT_MAX_CHARS;
    let refused = ask(&service, &format!("/report belgrade-declaration {}", "wrong ".repeat(cap / 6 + 1)));
    assert_eq!(refused.outcome, histbot::ask::answer::Outcome::Error);
    assert!(refused.headline.contains("too long"), "{}", refused.headline);
    assert!(render::plain(&refused).contains(&format!("at most {cap}")), "{}", render::plain(&refused));
    assert!(service.reports().open_reports().unwrap().is_empty());
    let at_cap = format!("/report belgrade-declaration {}", "w".repeat(cap));
    assert!(ask(&service, &at_cap).headline.contains("filed"));
    assert_eq!(service.reports().open_reports().unwrap().len(), 1);
}

#[test]
fn bidi_marks_before_a_command_or_in_a_question_are_ignored() {
    use histbot::ask::parse::{parse_line, Line};
    assert!(matches!(parse_line("\u{200F}/when belgrade-declaration", &['/']), Line::Command(_)));
    assert!(matches!(parse_line("\u{200E} !year 1948", &['!']), Line::Command(_)));
    let (service, _dir) = service();
    let pairs = [
        ("\u{200F}/when belgrade-declaration", "/when belgrade-declaration"),
        ("/when bel\u{200E}grade-declaration", "/when belgrade-declaration"),
        ("\u{200F}/year 19\u{200F}72", "/year 1972"),
        ("\u{200F}who was Ti\u{200F}to?", "who was Tito?"),
        ("when did Tito get the Order of \u{202B}Le\u{202C}nin?", "when did Tito get the Order of Lenin?"),
    ];
    for (marked, plain) in pairs {
        let (marked_answer, plain_answer) = (ask(&service, marked), ask(&service, plain));
        assert_eq!(plain_answer.outcome, histbot::ask::answer::Outcome::Facts, "{plain}");
        assert_eq!((marked_answer.outcome, marked_answer.headline), (plain_answer.outcome, plain_answer.headline), "{marked:?}");
    }
}

/// A 31 KB question once pushed the Matrix reply past its size cap, so it
/// went out as plain text only.
#[cfg(feature = "matrix")]
#[test]
fn a_huge_question_keeps_the_matrix_reply_formatted() {
    use matrix_sdk::ruma::events::room::message::MessageType;
    let (service, _dir) = service();
    let long = "belgrade ".repeat(31 * 1024 / 9);
    let engine = service.engine();
    for answer in [engine.did_you_mean("ask", &long, &[0, 1]), engine.not_found("ask", &long, &[0])] {
        let content = histbot::matrix::bot::notice(&answer);
        let MessageType::Notice(notice) = content.msgtype else { panic!("not a notice") };
        assert!(notice.formatted.is_some(), "fell back to plain text: {} bytes", notice.body.len());
        assert!(notice.body.len() < 2000, "{} bytes", notice.body.len());
    }
}
