//! Checked fact edits through the real service (the core every front end
//! calls): a clean edit is written, live at once and audited with a diff;
//! a broken one is refused with the checker's line and fix and nothing is
//! written; a stale one is refused; a new entry is created and undone; the
//! history lists changes; a fact directory in git gets a commit naming the
//! moderator.

mod support;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use histbot::ask::Outcome;
use histbot::config::Config;
use histbot::service::{Asker, Service};
use histbot::store::Page;

const DECLARATION: &str = "treaties/belgrade-declaration.toml";
const NEW_ID: &str = "tito-interview-times-1945";
const NEW_FILE: &str = "events/tito-interview-times-1945.toml";
const NEW_ENTRY: &str = "id = \"tito-interview-times-1945\"\ntitle = \"Tito gives an interview to the Times\"\ndate = \"1945-11\"\nsummary = \"In November 1945 Tito gave an interview to the Times.\"\npeople = [\"josip-broz-tito\"]\ntags = [\"cold-war\"]\n\n[[source]]\nsource = \"demo\"\nsection = \"Cold War\"\nquote = \"In November 1945 President of Yugoslavia Josip Broz Tito gave an interview to the Times.\"\n";

fn start(dir: &Path) -> Arc<Service> {
    let mut config = Config { facts: dir.join("facts"), intents: support::manifest_dir().join("config/intents.toml"), data_dir: dir.join("data"), ..Config::default() };
    config.reload.watch = false;
    Service::start(&config).expect("the service starts")
}

fn fresh() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::mini_facts(), &dir.path().join("facts"));
    dir
}

fn moderator() -> Asker {
    Asker { platform: "discord".into(), user_id: "42".into(), display_name: "Ana Moderator".into(), is_moderator: true, locale: "en".into(), place: Some("Discord server 5".into()) }
}

fn text_of(answer: &histbot::ask::Answer) -> String {
    std::iter::once(answer.headline.clone()).chain(answer.parts.iter().map(|p| p.text.clone())).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_clean_edit_is_written_live_at_once_audited_with_a_diff_and_undone() {
    let dir = fresh();
    let service = start(dir.path());
    let draft = service.edit_draft(&moderator(), "belgrade-declaration").expect("a draft");
    assert_eq!((draft.file.as_str(), draft.new), (DECLARATION, false));
    let before = std::fs::read_to_string(dir.path().join("facts").join(DECLARATION)).unwrap();
    assert_eq!(draft.text, before);
    let edited = draft.text.replace("Bilateral relations were restored with the signing of the Belgrade declaration.", "Relations were restored with the signing of the Belgrade declaration.");
    assert_ne!(edited, draft.text);

    let answer = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, &edited);
    let text = text_of(&answer);
    assert_eq!(answer.outcome, Outcome::Facts, "{text}");
    assert!(text.contains("edited (+1 −1), checked clean and live") && text.contains("Undo with `facts undo"), "{text}");
    assert!(text.contains("Relations were restored with the signing"), "the moderator sees the new answer: {text}");
    assert_eq!(std::fs::read_to_string(dir.path().join("facts").join(DECLARATION)).unwrap(), edited);
    // Live for everyone at once.
    let asked = service.handle_line("/treaty belgrade-declaration", &['/'], &Asker { is_moderator: false, ..moderator() });
    assert!(text_of(&asked).contains("Relations were restored with the signing"), "{}", text_of(&asked));

    let history = service.store().history(Some("belgrade-declaration"), Page::first(5)).unwrap();
    assert_eq!(history.len(), 1);
    let change = &history[0];
    assert_eq!((change.action.as_str(), change.platform.as_str(), change.file.as_deref()), ("edit", "discord", Some(DECLARATION)));
    assert!(change.actor.contains("discord:42") && change.actor.contains("Ana Moderator"), "{}", change.actor);
    let diff = change.diff.as_deref().unwrap();
    assert!(diff.starts_with(&format!("--- a/{DECLARATION}\n+++ b/{DECLARATION}\n@@ ")), "{diff}");
    assert!(diff.contains("\n-summary = \"Bilateral relations") && diff.contains("\n+summary = \"Relations were restored"), "{diff}");

    let listed = text_of(&service.handle_line("/facts history belgrade-declaration", &['/'], &moderator()));
    assert!(listed.contains(&format!("#{} · ", change.id)) && listed.contains(&format!("edit {DECLARATION} (+1 −1)")), "{listed}");
    let shown = text_of(&service.handle_line(&format!("/facts history {}", change.id), &['/'], &moderator()));
    assert!(shown.contains("+summary = \"Relations were restored"), "{shown}");

    let undone = service.handle_line(&format!("/facts undo {}", change.id), &['/'], &moderator());
    assert_eq!(undone.outcome, Outcome::Facts, "{}", text_of(&undone));
    assert!(text_of(&undone).contains(&format!("#{} undone", change.id)), "{}", text_of(&undone));
    assert_eq!(std::fs::read_to_string(dir.path().join("facts").join(DECLARATION)).unwrap(), before);
    assert!(text_of(&service.handle_line("/treaty belgrade-declaration", &['/'], &moderator())).contains("Bilateral relations were restored"));
    // The original change cannot be undone twice: the file is no longer its result.
    let again = service.handle_line(&format!("/facts undo {}", change.id), &['/'], &moderator());
    assert_eq!(again.outcome, Outcome::Error, "{}", text_of(&again));
    let actions: Vec<String> = service.store().history(None, Page::first(5)).unwrap().into_iter().map(|l| l.action).collect();
    assert_eq!(actions, ["undo", "edit"]);
}

#[test]
fn a_broken_edit_is_refused_with_the_line_and_the_fix_and_nothing_is_written() {
    let dir = fresh();
    let service = start(dir.path());
    let draft = service.edit_draft(&moderator(), "belgrade-declaration").unwrap();
    let version = service.engine().base().version().to_string();
    let broken = draft.text.replace("bilateral relations were restored with the signing of the Belgrade declaration, but", "bilateral relations were restored by a treaty, but");
    let answer = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, &broken);
    let text = text_of(&answer);
    assert_eq!(answer.outcome, Outcome::Error, "{text}");
    assert!(answer.headline.starts_with("Not saved: the checker found"), "{text}");
    assert!(text.contains(&format!("{DECLARATION}:")) && text.contains("fix: "), "the line and the fix: {text}");
    assert!(text.contains("Nothing was written"), "{text}");
    assert_eq!(std::fs::read_to_string(dir.path().join("facts").join(DECLARATION)).unwrap(), draft.text, "the file is untouched");
    assert_eq!(service.engine().base().version(), version, "the base did not change");
    assert!(service.store().history(None, Page::first(5)).unwrap().is_empty(), "nothing audited");

    let toml_error = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, "id = \"belgrade-declaration\"\ntitle = [unclosed\n");
    assert!(text_of(&toml_error).contains(&format!("{DECLARATION}:2:")), "a TOML error names its line: {}", text_of(&toml_error));

    // Someone else changed the file after the draft was handed out.
    std::fs::write(dir.path().join("facts").join(DECLARATION), draft.text.replace("restrained.\"", "restrained.\"\n")).unwrap();
    let stale = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, &draft.text.replace("Belgrade declaration\"", "Belgrade Declaration\""));
    assert!(stale.headline.contains("changed meanwhile"), "{}", text_of(&stale));

    // Only moderators, and only entry files.
    let student = Asker { is_moderator: false, ..moderator() };
    assert!(service.edit_draft(&student, "belgrade-declaration").is_err());
    assert_eq!(service.submit_edit(&student, &draft.file, &draft.fingerprint, &draft.text).headline, "Only moderators can do that.");
    assert_eq!(service.submit_edit(&moderator(), "../config.toml", "", "x").outcome, Outcome::Error);
    assert_eq!(service.submit_edit(&moderator(), "sources.toml", "", "x").outcome, Outcome::Error);
}

#[test]
fn a_new_entry_is_created_from_its_template_answered_and_undone() {
    let dir = fresh();
    let service = start(dir.path());
    assert!(service.new_draft(&moderator(), "treaty", "belgrade-declaration").is_err(), "an existing id");
    assert!(service.new_draft(&moderator(), "planet", "x").is_err());
    let draft = service.new_draft(&moderator(), "event", NEW_ID).unwrap();
    assert_eq!((draft.file.as_str(), draft.new), (NEW_FILE, true));
    // The template itself does not pass the checker: it has to be filled in.
    let unfilled = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, &draft.text);
    assert_eq!(unfilled.outcome, Outcome::Error, "{}", text_of(&unfilled));
    assert!(!dir.path().join("facts").join(NEW_FILE).exists());

    let question = "when did tito give an interview to the times?";
    let before = service.handle_line(question, &['/'], &moderator());
    assert!(before.facts.iter().all(|f| f.id != NEW_ID), "{}", text_of(&before));
    let created = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, NEW_ENTRY);
    assert_eq!(created.outcome, Outcome::Facts, "{}", text_of(&created));
    assert!(text_of(&created).contains("created (+11 −0)"), "{}", text_of(&created));
    let answered = service.handle_line(question, &['/'], &moderator());
    assert_eq!(answered.facts.first().map(|f| f.id.as_str()), Some(NEW_ID), "{}", text_of(&answered));

    let change = service.store().history(Some(NEW_ID), Page::first(1)).unwrap().remove(0);
    assert_eq!(change.action, "new");
    assert!(change.diff.as_deref().unwrap().starts_with("--- /dev/null\n"));
    let undone = service.handle_line(&format!("/facts undo #{}", change.id), &['/'], &moderator());
    assert_eq!(undone.outcome, Outcome::Notice, "{}", text_of(&undone));
    assert!(!dir.path().join("facts").join(NEW_FILE).exists(), "the undo removed the file");
    assert!(service.engine().base().get(NEW_ID).is_none());
}

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git").arg("-C").arg(dir).args(["-c", "user.name=test", "-c", "user.email=test@example.org"]).args(args).output().expect("git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn in_a_git_work_tree_each_accepted_edit_is_committed_naming_the_moderator() {
    let dir = fresh();
    let facts = dir.path().join("facts");
    git(&facts, &["init", "--quiet"]);
    git(&facts, &["add", "."]);
    git(&facts, &["commit", "--quiet", "-m", "the base"]);
    // An unrelated change someone is working on stays out of histbot's commit.
    std::fs::write(facts.join("notes.txt"), "work in progress\n").unwrap();
    git(&facts, &["add", "notes.txt"]);
    let service = start(dir.path());
    let draft = service.new_draft(&moderator(), "event", NEW_ID).unwrap();
    let created = service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, NEW_ENTRY);
    assert!(text_of(&created).contains("Committed as "), "{}", text_of(&created));
    let change = service.store().history(None, Page::first(1)).unwrap().remove(0);
    let log = git(&facts, &["log", "-1", "--format=%an <%ae>%n%s%n%b"]);
    assert!(log.starts_with("Ana Moderator <discord-42@histbot.invalid>\n"), "{log}");
    assert!(log.contains(&format!("facts: new {NEW_FILE} (histbot change #{})", change.id)), "{log}");
    assert!(log.contains("By Ana Moderator via histbot, Discord server 5."), "{log}");
    assert_eq!(git(&facts, &["show", "--name-only", "--format=", "HEAD"]).trim(), NEW_FILE, "only the entry is committed");
    assert!(git(&facts, &["diff", "--cached", "--name-only"]).contains("notes.txt"), "the other staged change is left staged");

    service.handle_line(&format!("/facts undo {}", change.id), &['/'], &moderator());
    let log = git(&facts, &["log", "-1", "--format=%s"]);
    assert!(log.starts_with(&format!("facts: undo {NEW_FILE}")), "{log}");
    assert_eq!(git(&facts, &["status", "--porcelain", "--", NEW_FILE]).trim(), "", "the removal is committed");
}

#[test]
fn closing_a_report_names_the_fix_and_tells_the_reporter_where_they_reported() {
    let dir = fresh();
    let service = start(dir.path());
    let mut notices = service.subscribe();
    let student = Asker { is_moderator: false, user_id: "7".into(), display_name: "Student".into(), ..moderator() };
    let filed = service.handle_line_from("/report belgrade-declaration the summary says more than the quote", &['/'], &student, Some("discord:1234"));
    assert!(filed.headline.contains("report #1"), "{}", filed.headline);
    let _ = notices.try_recv(); // the new-report notice for moderators

    let draft = service.edit_draft(&moderator(), "belgrade-declaration").unwrap();
    service.submit_edit(&moderator(), &draft.file, &draft.fingerprint, &draft.text.replace("Bilateral relations were restored", "Relations were restored"));
    let change = service.store().history(None, Page::first(1)).unwrap().remove(0).id;
    let _ = notices.try_recv(); // the change's notice for moderators

    let unknown = service.handle_line(&format!("/facts close 1 {}", change + 50), &['/'], &moderator());
    assert_eq!(unknown.outcome, Outcome::Error, "{}", text_of(&unknown));
    assert_eq!(service.store().count_open_reports().unwrap(), 1, "nothing closed on a bad change number");

    let closed = service.handle_line(&format!("/facts close 1 {change}"), &['/'], &moderator());
    let text = text_of(&closed);
    assert!(text.contains(&format!("Report #1 closed, fixed by change #{change} ({DECLARATION})")) && text.contains("Student is told where they reported it (Discord server 5)"), "{text}");
    assert_eq!(service.store().report(1).unwrap().unwrap().fixed_by, Some(change));
    let told = notices.try_recv().expect("a notice for the reporter");
    assert_eq!(told.to.as_deref(), Some("discord:1234"));
    assert!(text_of(&told.answer).contains(&format!("fixed by change #{change} to belgrade-declaration")), "{}", text_of(&told.answer));
    let audit = service.store().history(None, Page::first(1)).unwrap().remove(0);
    assert_eq!((audit.action.as_str(), audit.detail.as_str()), ("close-report", format!("#1, fixed by change #{change} ({DECLARATION})").as_str()));
}
