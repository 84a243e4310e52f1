//! Reading a fact directory: every file is read and parsed, every check runs,
//! and all findings come back together. The loader never panics on any input,
//! and reads only regular files inside the directory, of a bounded size
//! (see [`super::read`]).

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::check;
use super::diagnostic::{self, Diagnostic};
use super::read::{self, FACT_FILE_MAX_BYTES, SOURCE_TEXT_MAX_BYTES};
use super::schema::{EventRecord, PeriodRecord, PersonRecord, SourceRecord, SourcesFile, TreatyRecord};
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

    /// Whether there was no fact directory to check at all (missing, or not a
    /// directory): `histbot check` exits 2 then, not 1.
    pub fn nothing_to_check(&self) -> bool {
        self.diagnostics.iter().any(|d| d.rule == NO_FACT_DIRECTORY)
    }
}

/// The rule for a fact directory that does not exist or is not a directory.
pub const NO_FACT_DIRECTORY: &str = "no-fact-directory";

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
    Period(PeriodRecord),
}

/// Everything read from disk, for the checks.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The fact directory's canonical path: no file outside it is read.
    pub root: PathBuf,
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
    let root = match fact_root(&dir) {
        Ok(root) => root,
        Err(diagnostic) => return CheckReport { base: None, diagnostics: vec![diagnostic] },
    };
    let mut loaded = Loaded { root, ..Loaded::default() };
    load_sources(&dir, &mut loaded, &mut diagnostics);
    for kind in Kind::LOADED {
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

/// The canonical path of the fact directory, or why there is none to check.
fn fact_root(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let no_directory = |message: &str| {
        Diagnostic::error(NO_FACT_DIRECTORY, dir, "", None)
            .message(message)
            .help("pass the folder that holds sources.toml, events/, treaties/, people/ and periods/ (usually `facts`)")
    };
    match fs::metadata(dir) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(no_directory("this fact directory does not exist")),
        Err(error) => Err(no_directory(&format!("cannot open this fact directory: {error}"))),
        Ok(metadata) if metadata.is_file() => Err(no_directory("this is a file, not a fact directory")),
        Ok(metadata) if !metadata.is_dir() => Err(no_directory("this is not a directory")),
        Ok(_) => read::canonical_root(dir).map_err(|error| no_directory(&format!("cannot open this fact directory: {error}"))),
    }
}

fn hex_digest(bytes: &[u8]) -> String {
    bytes.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Read a file of the fact directory as UTF-8 text, or report why not.
fn read_text(root: &Path, path: &Path, limit: u64, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match read::read_text(root, path, limit) {
        Ok(text) => Some(text),
        Err(error) => {
            diagnostics.push(error.diagnostic(path));
            None
        }
    }
}

fn load_sources(dir: &Path, loaded: &mut Loaded, diagnostics: &mut Vec<Diagnostic>) {
    let path = dir.join("sources.toml");
    loaded.sources_file = path.clone();
    let Some(content) = read_text(&loaded.root, &path, FACT_FILE_MAX_BYTES, diagnostics) else { return };
    loaded.hasher.0.update(content.as_bytes());
    let Some(file) = parse_toml::<SourcesFile>(&path, &content, diagnostics) else { return };
    for record in &file.source {
        let text_path = dir.join("sources").join(format!("{}.txt", record.id));
        let Some(text) = read_text(&loaded.root, &text_path, SOURCE_TEXT_MAX_BYTES, diagnostics) else { continue };
        loaded.hasher.0.update(text.as_bytes());
        loaded.sources.push(Source::new(record, text));
    }
    loaded.sources_content = content;
    loaded.sources_records = file.source;
}

fn load_kind(dir: &Path, kind: Kind, loaded: &mut Loaded, diagnostics: &mut Vec<Diagnostic>) {
    let folder = dir.join(kind.folder());
    if !folder.exists() {
        return;
    }
    if let Err(error) = read::inside(&loaded.root, &folder) {
        diagnostics.push(error.diagnostic(&folder));
        return;
    }
    let Ok(read_dir) = fs::read_dir(&folder) else { return };
    let mut files: Vec<PathBuf> = read_dir
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    for file in files {
        let Some(content) = read_text(&loaded.root, &file, FACT_FILE_MAX_BYTES, diagnostics) else { continue };
        loaded.hasher.0.update(file.to_string_lossy().as_bytes());
        loaded.hasher.0.update(content.as_bytes());
        let record = match kind {
            Kind::Event => parse_toml(&file, &content, diagnostics).map(Record::Event),
            Kind::Treaty => parse_toml(&file, &content, diagnostics).map(Record::Treaty),
            Kind::Person => parse_toml(&file, &content, diagnostics).map(Record::Person),
            Kind::Period => parse_toml(&file, &content, diagnostics).map(Record::Period),
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
                .message("this file is not loaded: entries live in events/, treaties/, people/ or periods/")
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
