//! Reading the files of a fact directory safely. Moderators' pull requests
//! put files into `facts/`, so nothing in it is trusted:
//!
//! - only **regular files** are read: a named pipe (FIFO) would block the
//!   reader forever and a device such as `/dev/zero` never ends;
//! - a path whose real location (symbolic links and `..` resolved) is
//!   **outside the fact directory** is refused, so a link to
//!   `/proc/self/environ` or `/etc/…` is never opened;
//! - every file is **capped in size**: [`FACT_FILE_MAX_BYTES`] for TOML files,
//!   [`SOURCE_TEXT_MAX_BYTES`] for source texts. The size is checked in the
//!   metadata before the file is opened and again while reading (files in
//!   `/proc` report a size of 0);
//! - a file with **control characters** is not a text file; it is refused
//!   without showing any of its contents.
//!
//! Each refusal is a [`ReadError`], which names its rule for the diagnostic.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;

/// The most a TOML file of the fact base (an entry, `sources.toml`) may hold: 1 MiB.
pub const FACT_FILE_MAX_BYTES: u64 = 1024 * 1024;

/// The most a source text (`facts/sources/<id>.txt`) may hold: 8 MiB.
pub const SOURCE_TEXT_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file of the fact directory was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file's real path is outside the fact directory.
    #[error("{} outside the fact directory; it was not read", if *.symlink { "this is a symbolic link that leads" } else { "this path leads" })]
    Outside { symlink: bool },
    /// A FIFO, device, socket or directory.
    #[error("this is {0}, not a regular file; it was not read")]
    NotRegular(&'static str),
    /// Larger than the cap (`size` is a lower bound when the metadata lied).
    #[error("this file has {size} bytes, more than the {limit} bytes allowed; it was not read")]
    TooLarge { size: u64, limit: u64 },
    /// The text has a control character (other than tab and line breaks) at this byte.
    #[error("this file contains control characters (the first at byte {offset}), so it is not a text file; its contents are not shown")]
    Binary { offset: usize },
    /// Not UTF-8: the valid text up to the first bad byte.
    #[error("this file is not valid UTF-8")]
    NotUtf8 { valid: String },
    #[error("cannot read this file: {0}")]
    Io(#[from] io::Error),
}

impl ReadError {
    /// The rule this refusal breaks.
    pub fn rule(&self) -> &'static str {
        match self {
            ReadError::Outside { .. } => "outside-fact-directory",
            ReadError::NotRegular(_) => "not-a-regular-file",
            ReadError::TooLarge { .. } => "file-too-large",
            ReadError::Binary { .. } => "binary-file",
            ReadError::NotUtf8 { .. } => "not-utf8",
            ReadError::Io(_) => "unreadable-file",
        }
    }

    /// The diagnostic for `path`. Only a not-UTF-8 file shows a snippet (its
    /// last valid line, sanitised and clipped by [`Diagnostic`]).
    pub fn diagnostic(&self, path: &Path) -> Diagnostic {
        let diagnostic = match self {
            ReadError::NotUtf8 { valid } => Diagnostic::error(self.rule(), path, valid, Some(valid.len()..valid.len())),
            _ => Diagnostic::error(self.rule(), path, "", None),
        };
        diagnostic.message(self.to_string()).help(self.help())
    }

    fn help(&self) -> &'static str {
        match self {
            ReadError::Outside { symlink: true } => "copy the file into the fact directory instead of linking to it",
            ReadError::Outside { symlink: false } => "keep every file inside the fact directory; source ids in sources.toml are plain names",
            ReadError::NotRegular(_) => "fact files must be ordinary files: remove this one, or replace it with a real file",
            ReadError::TooLarge { .. } => "entries and sources.toml may have at most 1 MiB, source texts 8 MiB: check that this is the file you meant",
            ReadError::Binary { .. } => "save the file as plain UTF-8 text; if it is not a fact file, move it out of the fact directory",
            ReadError::NotUtf8 { .. } => "save the file with UTF-8 encoding in your editor",
            ReadError::Io(_) => "check that the file exists and is readable",
        }
    }
}

/// The canonical path of a fact directory, against which every file is checked.
pub fn canonical_root(dir: &Path) -> io::Result<PathBuf> {
    fs::canonicalize(dir)
}

/// Read `path` as UTF-8 text if it is a regular file inside `root` (a
/// canonical path) of at most `limit` bytes, with no control characters.
pub fn read_text(root: &Path, path: &Path, limit: u64) -> Result<String, ReadError> {
    let real = inside(root, path)?;
    let metadata = fs::metadata(&real)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(kind_of(&metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { size: metadata.len(), limit });
    }
    let bytes = read_capped(&real, limit)?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid_up_to = error.utf8_error().valid_up_to();
        ReadError::NotUtf8 { valid: String::from_utf8_lossy(&error.as_bytes()[..valid_up_to]).into_owned() }
    })?;
    match text.char_indices().find(|(_, c)| is_binary(*c)) {
        Some((offset, _)) => Err(ReadError::Binary { offset }),
        None => Ok(text),
    }
}

/// The real path of `path`, if it is inside `root`.
pub fn inside(root: &Path, path: &Path) -> Result<PathBuf, ReadError> {
    let symlink = fs::symlink_metadata(path)?.file_type().is_symlink();
    let real = fs::canonicalize(path)?;
    if real.starts_with(root) {
        Ok(real)
    } else {
        Err(ReadError::Outside { symlink })
    }
}

/// Read at most `limit` bytes; more is [`ReadError::TooLarge`]. The opened
/// file is checked again, in case it was swapped after the metadata check.
fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(kind_of(&metadata.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Control characters other than tab and line breaks never occur in a fact file.
fn is_binary(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// What kind of file this is, for a message.
fn kind_of(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = canonical_root(dir.path()).expect("canonical");
        (dir, root)
    }

    #[test]
    fn reads_a_small_text_file() {
        let (_dir, root) = root();
        fs::write(root.join("a.toml"), "id = \"a\"\n").unwrap();
        assert_eq!(read_text(&root, &root.join("a.toml"), 100).unwrap(), "id = \"a\"\n");
    }

    #[test]
    fn refuses_large_binary_and_outside_files() {
        let (_dir, root) = root();
        fs::write(root.join("big.toml"), "x".repeat(101)).unwrap();
        assert!(matches!(read_text(&root, &root.join("big.toml"), 100), Err(ReadError::TooLarge { size: 101, limit: 100 })));
        fs::write(root.join("env.toml"), "A=1\0SECRET=2\0").unwrap();
        let error = read_text(&root, &root.join("env.toml"), 100).unwrap_err();
        assert_eq!(error.rule(), "binary-file");
        assert!(!error.to_string().contains("SECRET"), "{error}");
        fs::create_dir(root.join("dir.toml")).unwrap();
        assert_eq!(read_text(&root, &root.join("dir.toml"), 100).unwrap_err().rule(), "not-a-regular-file");
    }

    #[test]
    fn refuses_paths_that_climb_out_of_the_directory() {
        let (_dir, parent) = root();
        let root = parent.join("facts");
        fs::create_dir(&root).unwrap();
        fs::write(parent.join("secret.txt"), "SECRET=1\n").unwrap();
        let error = read_text(&root, &root.join("sources").join("..").join("..").join("secret.txt"), 100);
        assert!(matches!(error, Err(ReadError::Io(_))), "sources/ does not exist: {error:?}");
        fs::create_dir(root.join("sources")).unwrap();
        let error = read_text(&root, &root.join("sources").join("..").join("..").join("secret.txt"), 100).unwrap_err();
        assert!(matches!(error, ReadError::Outside { symlink: false }), "{error:?}");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_that_leave_the_directory_and_follows_those_that_stay() {
        let (_dir, root) = root();
        fs::write(root.join("real.toml"), "id = \"a\"\n").unwrap();
        std::os::unix::fs::symlink(root.join("real.toml"), root.join("link.toml")).unwrap();
        assert!(read_text(&root, &root.join("link.toml"), 100).is_ok());
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.toml")).unwrap();
        assert!(matches!(read_text(&root, &root.join("zero.toml"), 100), Err(ReadError::Outside { symlink: true })));
    }
}
