//! Reading a fact directory: every file is read and parsed, every check runs,
//! and all findings come back together. The loader never panics on any input.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::check;
use super::diagnostic::{self, Diagnostic};
use super::schema::{EventRecord, PersonRecord, SourceRecord, SourcesFile, TreatyRecord};
use super::source::Source;
use super::{FactBase, Kind};

/// The result of checking a directory: the base when there were no errors,
/// and every diagnostic (errors and warnings), sorted.
#[derive(Debug)]
pub struct CheckReport {
    pub base: Option<FactBase>,
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// A parsed entry file, before the cross-file checks.
#[derive(Debug)]
pub struct Parsed {
    pub file: PathBuf,
    pub content: String,
    pub record: Record,
}

#[derive(Debug)]
pub enum Record {
    Event(EventRecord),
    Treaty(TreatyRecord),
    Person(PersonRecord),
}

/// Everything read from disk, for the checks.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Vec<Source>,
    /// `facts/sources.toml` and its text, for positions.
    pub sources_file: PathBuf,
    pub sources_content: String,
    pub sources_records: Vec<SourceRecord>,
    pub entries: Vec<Parsed>,
    hasher: Sha256Writer,
}

#[derive(Debug, Default)]
struct Sha256Writer(Sha256);

/// Load and check everything under `dir`.
pub fn check_dir(dir: PathBuf) -> CheckReport {
    let mut diagnostics = Vec::new();
    let mut loaded = Loaded::default();
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::error("no-fact-directory", &dir, "", None)
                .message("this fact directory does not exist")
                .help("pass the folder that holds sources.toml, events/, treaties/ and people/ (usually `facts`)"),
        );
        return CheckReport { base: None, diagnostics };
    }
    load_sources(&dir, &mut loaded, &mut diagnostics);
    for kind in Kind::ALL {
        load_kind(&dir, kind, &mut loaded, &mut diagnostics);
    }
    warn_about_stray_files(&dir, &mut diagnostics);
    let version = hex_digest(loaded.hasher.0.clone().finalize().as_slice());
    let entries = check::run_all(&loaded, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let base = (!has_errors).then(|| {
        let warnings = diagnostics.clone();
        FactBase::new(entries, loaded.sources, version, warnings)
    });
    CheckReport { base, diagnostics }
}

fn hex_digest(bytes: &[u8]) -> String {
    bytes.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Read a file as UTF-8, or report why not.
fn read_text(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match fs::read(path) {
        Err(error) => {
            diagnostics.push(
                Diagnostic::error("unreadable-file", path, "", None)
                    .message(format!("cannot read this file: {error}"))
                    .help("check that the file exists and is readable"),
            );
            None
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&error.as_bytes()[..offset]).into_owned();
                diagnostics.push(
                    Diagnostic::error("not-utf8", path, &valid, Some(offset..offset))
                        .message("this file is not valid UTF-8")
                        .help("save the file with UTF-8 encoding in your editor"),
                );
                None
            }
        },
    }
}

fn load_sources(dir: &Path, loaded: &mut Loaded, diagnostics: &mut Vec<Diagnostic>) {
    let path = dir.join("sources.toml");
    loaded.sources_file = path.clone();
    let Some(content) = read_text(&path, diagnostics) else { return };
    loaded.hasher.0.update(content.as_bytes());
    let Some(file) = parse_toml::<SourcesFile>(&path, &content, diagnostics) else { return };
    for record in &file.source {
        let text_path = dir.join("sources").join(format!("{}.txt", record.id));
        let Some(text) = read_text(&text_path, diagnostics) else { continue };
        loaded.hasher.0.update(text.as_bytes());
        loaded.sources.push(Source::new(record, text));
    }
    loaded.sources_content = content;
    loaded.sources_records = file.source;
}

fn load_kind(dir: &Path, kind: Kind, loaded: &mut Loaded, diagnostics: &mut Vec<Diagnostic>) {
    let folder = dir.join(kind.folder());
    let Ok(read_dir) = fs::read_dir(&folder) else { return };
    let mut files: Vec<PathBuf> = read_dir
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    for file in files {
        let Some(content) = read_text(&file, diagnostics) else { continue };
        loaded.hasher.0.update(file.to_string_lossy().as_bytes());
        loaded.hasher.0.update(content.as_bytes());
        let record = match kind {
            Kind::Event => parse_toml(&file, &content, diagnostics).map(Record::Event),
            Kind::Treaty => parse_toml(&file, &content, diagnostics).map(Record::Treaty),
            Kind::Person => parse_toml(&file, &content, diagnostics).map(Record::Person),
        };
        if let Some(record) = record {
            loaded.entries.push(Parsed { file, content, record });
        }
    }
}

/// TOML files at the top of the fact directory that are not entries.
const KNOWN_FILES: &[&str] = &["sources.toml", "coverage-allowlist.toml"];

/// Files in the fact directory that the loader does not read are probably mistakes.
fn warn_about_stray_files(dir: &Path, diagnostics: &mut Vec<Diagnostic>) {
    let Ok(read_dir) = fs::read_dir(dir) else { return };
    let mut stray: Vec<PathBuf> = read_dir
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter(|path| !KNOWN_FILES.iter().any(|known| path.ends_with(known)))
        .collect();
    stray.sort();
    for path in stray {
        diagnostics.push(
            Diagnostic::warning("file-not-loaded", &path, "", None)
                .message("this file is not loaded: entries live in events/, treaties/ or people/")
                .help("move it into the folder of its kind, one entry per file"),
        );
    }
}

/// Deserialize a TOML file, turning every serde/TOML error into a diagnostic
/// with its position and the rule it broke.
pub fn parse_toml<T: DeserializeOwned>(path: &Path, content: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<T> {
    match toml::from_str::<T>(content) {
        Ok(value) => Some(value),
        Err(error) => {
            diagnostics.push(toml_error(path, content, &error));
            None
        }
    }
}

fn toml_error(path: &Path, content: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_string();
    let (rule, help) = classify_toml_error(&message);
    Diagnostic::error(rule, path, content, error.span()).message(message).help(help)
}

fn classify_toml_error(message: &str) -> (&'static str, &'static str) {
    if message.starts_with("unknown field") {
        ("unknown-key", "remove this key or fix its spelling; the allowed keys are listed in the message (see MODERATING.md)")
    } else if message.starts_with("missing field") {
        ("missing-key", "add the missing key to the entry (see MODERATING.md for a complete example)")
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        ("wrong-type", "give this key a value of the expected type: text in \"quotes\", lists in [brackets]")
    } else if message.starts_with("duplicate key") {
        ("duplicate-key", "a key may appear once per table; remove one of them")
    } else {
        ("toml-syntax", "fix the TOML syntax here: check quotes, brackets and `key = value` lines")
    }
}
