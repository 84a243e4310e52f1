//! Checked fact edits from chat: the pieces the service puts together.
//!
//! A change is one fact file's new text (or its removal, for an undo). It is
//! checked by copying the fact directory to a staging directory, applying
//! the change there and running the whole checker ([`check_dir`]); nothing
//! in the real directory is touched unless that is clean. A clean change is
//! written atomically (a temporary file beside it, then a rename). When the
//! fact directory is inside a git work tree, the change is committed with
//! the moderator named.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::facts::{check_dir, Diagnostic, Kind};

/// The largest fact file accepted from chat, in bytes.
pub const EDIT_MAX_BYTES: usize = 64 * 1024;
/// At most this many of the checker's errors are shown for a refused change.
const ERRORS_SHOWN: usize = 10;

/// The text of one entry, ready to be edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub entry: String,
    pub kind: Kind,
    /// Relative to the fact directory: `treaties/belgrade-declaration.toml`.
    pub file: String,
    pub text: String,
    /// [`fingerprint`] of the text as it was handed out (empty for a new entry).
    pub fingerprint: String,
    /// Whether the file does not exist yet (`facts new`).
    pub new: bool,
}

/// A short hash of a file's text: an edit made on an older text is refused.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The kind a moderator typed (`event`, `treaties`, …).
pub fn kind_named(text: &str) -> Option<Kind> {
    match text.trim().to_lowercase().as_str() {
        "event" | "events" => Some(Kind::Event),
        "treaty" | "treaties" | "agreement" => Some(Kind::Treaty),
        "person" | "people" => Some(Kind::Person),
        "period" | "periods" => Some(Kind::Period),
        _ => None,
    }
}

/// Whether `id` is a slug the checker accepts (lower-case letters, digits, dashes).
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// The file an entry of `kind` named `id` lives in.
pub fn file_of(kind: Kind, id: &str) -> String {
    format!("{}/{id}.toml", kind.folder())
}

/// Read a relative entry file name back: its kind and id; `None` for
/// anything that is not `events|treaties|people/<slug>.toml`.
pub fn parse_file(file: &str) -> Option<(Kind, String)> {
    let (folder, name) = file.split_once('/')?;
    let kind = Kind::LOADED.into_iter().find(|k| k.folder() == folder)?;
    let id = name.strip_suffix(".toml")?;
    is_slug(id).then(|| (kind, id.to_string()))
}

/// A new entry's starting text: the fields the checker requires, to fill in.
pub fn template(kind: Kind, id: &str) -> String {
    let dated = match kind {
        Kind::Person => "roles = [\"ROLE, as the quote words it\"]\n".to_string(),
        Kind::Treaty => "date = \"YYYY-MM-DD\"\nparties = [\"Soviet Union\", \"Yugoslavia\"]\n".to_string(),
        Kind::Event => "date = \"YYYY-MM-DD\"\n".to_string(),
        Kind::Period => "date = \"YYYY/YYYY\"\ndate_label = \"from YYYY to YYYY\"\n".to_string(),
    };
    format!(
        "id = \"{id}\"\ntitle = \"TITLE\"\naliases = []\n{dated}summary = \"ONE SENTENCE THAT SAYS NO MORE THAN THE QUOTE\"\ntags = []\n\n[[source]]\nsource = \"SOURCE-ID from facts/sources.toml\"\nsection = \"SECTION of that source\"\nquote = \"A SENTENCE COPIED WORD FOR WORD FROM THE SOURCE\"\n"
    )
}

/// The text as it will be written: Unix line ends, one final line end.
pub fn normalized_text(text: &str) -> String {
    let mut text = text.replace("\r\n", "\n").replace('\r', "\n");
    while text.ends_with("\n\n") {
        text.pop();
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Why a change could not be checked or written.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("could not prepare the check ({0})")]
    Staging(std::io::Error),
    #[error("could not write {file}: {source}")]
    Write { file: String, source: std::io::Error },
}

/// The checker's errors for the base with `file` set to `text` (`None`:
/// removed), with file names relative to the fact directory. Empty: clean.
pub fn check_with_change(facts_dir: &Path, file: &str, text: Option<&str>) -> Result<Vec<Diagnostic>, EditError> {
    let staging = Staging::create().map_err(EditError::Staging)?;
    copy_tree(facts_dir, staging.path()).map_err(EditError::Staging)?;
    let target = staging.path().join(file);
    match text {
        Some(text) => {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(EditError::Staging)?;
            }
            std::fs::write(&target, text).map_err(EditError::Staging)?;
        }
        None => match std::fs::remove_file(&target) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(EditError::Staging(error)),
        },
    }
    let report = check_dir(staging.path().to_path_buf());
    let root = std::fs::canonicalize(staging.path()).unwrap_or_else(|_| staging.path().to_path_buf());
    let mut errors: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|mut diagnostic| {
            let relative = diagnostic.file.strip_prefix(&root).or_else(|_| diagnostic.file.strip_prefix(staging.path())).map(Path::to_path_buf);
            if let Ok(relative) = relative {
                diagnostic.file = relative;
            }
            diagnostic
        })
        .collect();
    // The edited file's errors first.
    errors.sort_by_key(|d| d.file != Path::new(file));
    Ok(errors)
}

/// The errors as a moderator reads them: where, what, and the fix.
pub fn error_lines(errors: &[Diagnostic]) -> String {
    let mut lines: Vec<String> = errors
        .iter()
        .take(ERRORS_SHOWN)
        .map(|d| {
            let mut line = format!("{}: [{}] {}", d.location(), d.rule, d.message);
            if !d.help.is_empty() {
                line.push_str(&format!("\n  fix: {}", d.help));
            }
            line
        })
        .collect();
    if errors.len() > ERRORS_SHOWN {
        lines.push(format!("…and {} more.", errors.len() - ERRORS_SHOWN));
    }
    lines.join("\n")
}

/// Write `text` to `path` atomically: a temporary file in the same
/// directory, synced, then renamed over it. `None` removes the file.
pub fn write_atomically(path: &Path, text: Option<&str>) -> std::io::Result<()> {
    let Some(text) = text else {
        return match std::fs::remove_file(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        };
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = dir.join(format!(".{name}.histbot-{}.tmp", std::process::id()));
    let written = (|| {
        use std::io::Write;
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Commit `file` in the git work tree holding `facts_dir`, if there is one:
/// `Ok(None)` when the directory is not in a work tree, `Ok(Some(hash))`
/// when committed.
pub fn git_commit(facts_dir: &Path, file: &str, message: &str, author: &str) -> Result<Option<String>, String> {
    let inside = Command::new("git").arg("-C").arg(facts_dir).args(["rev-parse", "--is-inside-work-tree"]).output();
    match inside {
        Ok(output) if output.status.success() && String::from_utf8_lossy(&output.stdout).trim() == "true" => {}
        _ => return Ok(None),
    }
    let git = |args: &[&str]| -> Result<String, String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(facts_dir)
            .args(["-c", "user.name=histbot", "-c", "user.email=histbot@localhost", "-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .map_err(|error| format!("git: {error}"))?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
        } else {
            Err(format!("git {}: {}", args.first().copied().unwrap_or(""), String::from_utf8_lossy(&output.stderr).trim()))
        }
    };
    git(&["add", "-A", "--", file])?;
    git(&["commit", "--quiet", "--author", author, "-m", message, "--", file])?;
    git(&["rev-parse", "--short", "HEAD"]).map(Some)
}

/// A git author for a moderator: `Ana <discord-123@histbot.invalid>`.
pub fn git_author(name: &str, platform: &str, user_id: &str) -> String {
    let clean = |text: &str| text.chars().filter(|c| !matches!(c, '<' | '>' | '\n' | '\r') && !c.is_control()).collect::<String>().trim().to_string();
    let local: String = format!("{platform}-{user_id}").chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') { c } else { '-' }).collect();
    let name = clean(name);
    format!("{} <{local}@histbot.invalid>", if name.is_empty() { local.clone() } else { name })
}

/// A staging directory removed when dropped.
struct Staging(PathBuf);

impl Staging {
    fn create() -> std::io::Result<Staging> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!("histbot-edit-{}-{}-{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
        std::fs::create_dir_all(&path)?;
        Ok(Staging(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copy the fact directory's regular files (not `.git` or other hidden
/// entries, not symlinks: the loader would not read them either).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// `2026-11-30 07:40 UTC` for Unix seconds.
pub fn utc(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let (hour, minute) = ((seconds % 86_400) / 3600, (seconds % 3600) / 60);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_kinds_and_slugs() {
        assert_eq!(parse_file("treaties/belgrade-declaration.toml"), Some((Kind::Treaty, "belgrade-declaration".into())));
        assert_eq!(parse_file("../etc/passwd.toml"), None);
        assert_eq!(parse_file("events/a/b.toml"), None);
        assert_eq!(parse_file("events/Bad.toml"), None);
        assert_eq!(kind_named("Treaty"), Some(Kind::Treaty));
        assert!(is_slug("tito-1948") && !is_slug("-x") && !is_slug("a b"));
    }

    #[test]
    fn dates_and_authors() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_800_000_000), "2027-01-15 08:00 UTC");
        assert_eq!(git_author("Ana <x>", "discord", "12"), "Ana x <discord-12@histbot.invalid>");
        assert_eq!(normalized_text("a\r\nb\n\n\n"), "a\nb\n");
    }
}
