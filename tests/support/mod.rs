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

/// A service over a copy of the mini fact base in `dir/facts` (a test may
/// edit it), keeping its data in `dir/data`, with `moderation` (the
/// `[moderation]` table as TOML) and no file watcher: it reloads when asked.
pub fn mini_base_service(dir: &Path, moderation: &str) -> std::sync::Arc<histbot::service::Service> {
    copy_dir(&mini_facts(), &dir.join("facts"));
    let mut config = histbot::config::Config {
        facts: dir.join("facts"),
        intents: manifest_dir().join("config/intents.toml"),
        data_dir: dir.join("data"),
        moderation: toml::from_str(moderation).expect("a valid [moderation] table"),
        ..histbot::config::Config::default()
    };
    config.reload.watch = false;
    histbot::service::Service::start(&config).expect("the mini base loads")
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
