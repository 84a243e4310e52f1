//! Readiness: what `/readyz` reports. Each enabled front end is a *part*
//! that the binary declares when it starts it ([`Readiness::expect`]) and
//! that the front end itself marks up or down from its real state: the
//! Discord gateway when a shard connects or drops, the HTTP endpoint once
//! it listens, Matrix after each sync that succeeds or fails. The bot is
//! ready when the fact base is loaded, it is not stopping, and every part
//! declared is up.
//!
//! A part can be up only *until* a moment ([`Readiness::set_until`]): Matrix
//! says "syncing" for a little longer than one long poll, so a sync loop
//! that hangs or has stopped stops counting as up by itself.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

/// One front end's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub ready: bool,
    /// What it is doing, for the operator (`gateway connected`, `sync failing: …`).
    pub detail: String,
    /// When an up part stops counting as up unless it says so again.
    pub until: Option<Instant>,
}

impl Part {
    /// Whether the part is up at `now` (an expired part is down).
    pub fn is_up(&self, now: Instant) -> bool {
        self.ready && self.until.is_none_or(|until| now < until)
    }
}

/// The front ends' states, shared through the [`Service`](super::Service).
#[derive(Debug, Default)]
pub struct Readiness {
    parts: Mutex<BTreeMap<String, Part>>,
}

impl Readiness {
    /// A front end that must be up before the bot is ready; it is not
    /// ready until it says so. Declaring it again changes nothing.
    pub fn expect(&self, name: &str) {
        self.with_parts(|parts| {
            parts.entry(name.to_string()).or_insert_with(|| Part {
                ready: false,
                detail: "starting".into(),
                until: None,
            });
        });
    }

    /// A front end says whether it is up (declaring it if it was not).
    pub fn set(&self, name: &str, ready: bool, detail: impl Into<String>) {
        self.put(name, Part { ready, detail: detail.into(), until: None });
    }

    /// A front end says it is up, but only until `until`: if it does not
    /// say so again by then, it counts as down ("… (no news since …)").
    pub fn set_until(&self, name: &str, detail: impl Into<String>, until: Instant) {
        self.put(name, Part { ready: true, detail: detail.into(), until: Some(until) });
    }

    /// Whether a part is up now (`None`: never declared).
    pub fn is_up(&self, name: &str) -> Option<bool> {
        let now = Instant::now();
        self.with_parts(|parts| parts.get(name).map(|part| part.is_up(now)))
    }

    fn put(&self, name: &str, part: Part) {
        self.with_parts(|parts| {
            parts.insert(name.to_string(), part);
        });
    }

    /// Every part, by name.
    pub fn parts(&self) -> Vec<(String, Part)> {
        self.with_parts(|parts| {
            parts
                .iter()
                .map(|(name, part)| (name.clone(), part.clone()))
                .collect()
        })
    }

    fn with_parts<T>(&self, f: impl FnOnce(&mut BTreeMap<String, Part>) -> T) -> T {
        match self.parts.lock() {
            Ok(mut parts) => f(&mut parts),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }
}

/// The answer to "is the bot ready?", with one line per check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub ready: bool,
    pub lines: Vec<String>,
}

impl Report {
    /// The plain-text body `/readyz` sends.
    pub fn text(&self) -> String {
        let mut text = String::from(if self.ready { "ready\n" } else { "not ready\n" });
        for line in &self.lines {
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

/// Check the fact base, the shutdown and every front end.
pub fn report(service: &super::Service) -> Report {
    let engine = service.engine();
    let base = engine.base();
    let entries = base.entries().len();
    let mut ready = entries > 0;
    let mut lines = vec![format!(
        "facts: {} ({} entries, version {})",
        if entries > 0 { "ok" } else { "empty" },
        entries,
        base.version()
    )];
    if service.shutdown().is_stopping() {
        ready = false;
        lines.push("stopping: not accepting questions".into());
    }
    let now = Instant::now();
    for (name, part) in service.readiness().parts() {
        let up = part.is_up(now);
        ready &= up;
        let stale = if part.ready && !up { ", and nothing since: stalled" } else { "" };
        lines.push(format!("{name}: {} ({}{stale})", if up { "ok" } else { "down" }, part.detail));
    }
    Report { ready, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_down_until_it_says_it_is_up() {
        let readiness = Readiness::default();
        readiness.expect("discord");
        assert_eq!(readiness.parts()[0].1.ready, false);
        readiness.set("discord", true, "gateway connected");
        readiness.expect("discord");
        assert_eq!(
            readiness.parts()[0].1,
            Part {
                ready: true,
                detail: "gateway connected".into(),
                until: None,
            }
        );
        readiness.set("discord", false, "gateway disconnected");
        assert!(!readiness.parts()[0].1.ready);
        assert_eq!(readiness.is_up("discord"), Some(false));
        assert_eq!(readiness.is_up("matrix"), None);
    }

    #[test]
    fn a_part_up_until_a_moment_is_down_after_it() {
        let readiness = Readiness::default();
        let now = Instant::now();
        readiness.set_until("matrix", "syncing", now + std::time::Duration::from_secs(60));
        assert_eq!(readiness.is_up("matrix"), Some(true));
        let part = &readiness.parts()[0].1;
        assert!(part.is_up(now));
        assert!(!part.is_up(now + std::time::Duration::from_secs(61)));
        // Saying it again moves the moment on; saying "down" ends it.
        readiness.set("matrix", false, "sync failing (3 in a row)");
        assert_eq!(readiness.is_up("matrix"), Some(false));
    }
}
