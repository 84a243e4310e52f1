//! Readiness: what `/readyz` reports. Each enabled front end is a *part*
//! that the binary declares when it starts it ([`Readiness::expect`]) and
//! that the front end itself marks up or down from its real state: the
//! Discord gateway when a shard connects or drops, the HTTP endpoint once
//! it listens, Matrix after each sync that succeeds or fails. The bot is
//! ready when the fact base is loaded, it is not stopping, and every part
//! declared is up.

use std::collections::BTreeMap;
use std::sync::Mutex;

/// One front end's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub ready: bool,
    /// What it is doing, for the operator (`gateway connected`, `sync failing: …`).
    pub detail: String,
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
            });
        });
    }

    /// A front end says whether it is up (declaring it if it was not).
    pub fn set(&self, name: &str, ready: bool, detail: impl Into<String>) {
        let part = Part {
            ready,
            detail: detail.into(),
        };
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
    for (name, part) in service.readiness().parts() {
        ready &= part.ready;
        lines.push(format!(
            "{name}: {} ({})",
            if part.ready { "ok" } else { "down" },
            part.detail
        ));
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
                detail: "gateway connected".into()
            }
        );
        readiness.set("discord", false, "gateway disconnected");
        assert!(!readiness.parts()[0].1.ready);
    }
}
