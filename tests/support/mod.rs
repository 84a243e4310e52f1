//! Shared test helpers: paths to the shipped and fixture fact bases, and the
//! binary as a child process ([`process`]) or on a pseudo-terminal (`pty`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub mod process;
#[cfg(unix)]
pub mod pty;

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fact base that ships with histbot.
pub fn shipped_facts() -> PathBuf {
    manifest_dir().join("facts")
}

/// A tiny fact base with one entry of each kind, for focused tests.
pub fn mini_facts() -> PathBuf {
    manifest_dir().join("tests/fixtures/mini")
}

/// Copy a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
