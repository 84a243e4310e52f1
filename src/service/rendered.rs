//! Rendered answers kept until the fact base changes.
//!
//! A command that only reads the fact base answers the same invocation in
//! the same locale the same way for as long as the same [`Engine`] serves
//! (the engine has no clock and no randomness), so a front end may keep
//! what it rendered from that answer (Discord: the response's JSON bytes)
//! and send it again. The cache belongs to the engine it was filled from:
//! the first lookup after a reload swapped in a new engine empties it, and
//! an answer computed from the old engine is never stored under the new
//! one. What depends on who asks (metrics, the unanswered-question log) is
//! not cached: [`super::Service::answer_rendered`] does it for every request.
//!
//! The same holds for autocompletion (what the resolver offers for a
//! partial argument), which front ends may keep the same way.
//!
//! The cache is bounded: when it holds `capacity` answers it is emptied
//! and starts again (cheap, and fair to a working set that changes).

use std::fmt::Write;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use rustc_hash::FxHashMap;

use crate::ask::answer::Answer;
use crate::ask::parse::Invocation;
use crate::ask::Engine;

/// An answer and what a front end rendered from it.
#[derive(Debug, Clone)]
pub struct Rendered<T> {
    pub answer: Arc<Answer>,
    pub rendered: T,
}

/// What front ends rendered, by a key that says what was asked (see
/// [`key`]), for one engine at a time.
#[derive(Debug)]
pub struct RenderedAnswers<T> {
    capacity: usize,
    state: Mutex<State<T>>,
}

#[derive(Debug)]
struct State<T> {
    /// The engine the entries were answered by (a `Weak` keeps its address
    /// from being reused while it is compared).
    engine: Weak<Engine>,
    entries: FxHashMap<String, T>,
}

impl<T: Clone> RenderedAnswers<T> {
    /// A cache of at most `capacity` answers; 0 keeps none.
    pub fn new(capacity: usize) -> RenderedAnswers<T> {
        RenderedAnswers {
            capacity,
            state: Mutex::new(State {
                engine: Weak::new(),
                entries: FxHashMap::default(),
            }),
        }
    }

    /// Whether it keeps anything at all.
    pub fn enabled(&self) -> bool {
        self.capacity > 0
    }

    /// How many answers it holds now.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// Whether it holds no answer.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What was kept for `key` if `engine` answered it; a new engine
    /// empties the cache first.
    pub fn get(&self, engine: &Arc<Engine>, key: &str) -> Option<T> {
        if !self.enabled() {
            return None;
        }
        let mut state = self.lock();
        if !std::ptr::eq(state.engine.as_ptr(), Arc::as_ptr(engine)) {
            state.entries.clear();
            state.engine = Arc::downgrade(engine);
            return None;
        }
        state.entries.get(key).cloned()
    }

    /// Keep what `engine` answered for `key`, unless the cache has moved on
    /// to another engine meanwhile.
    pub fn insert(&self, engine: &Arc<Engine>, key: String, rendered: T) {
        if !self.enabled() {
            return;
        }
        let mut state = self.lock();
        if !std::ptr::eq(state.engine.as_ptr(), Arc::as_ptr(engine)) {
            return;
        }
        if state.entries.len() >= self.capacity {
            state.entries.clear();
        }
        state.entries.insert(key, rendered);
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // The state is a plain map: a panic elsewhere cannot leave it half-changed.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The key of an invocation in a locale (see [`key`]).
pub fn invocation_key(invocation: &Invocation, locale: &str) -> String {
    let fixed = [
        locale,
        invocation.command.as_str(),
        invocation.rest.as_str(),
    ];
    key(fixed.into_iter().chain(
        invocation
            .args
            .iter()
            .flat_map(|(name, value)| [name.as_str(), value.as_str()]),
    ))
}

/// A key made of `parts`, each with its length in front, so that two
/// different lists of parts never share a key.
pub fn key<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::with_capacity(64);
    for part in parts {
        // Writing to a String cannot fail.
        let _ = write!(key, "{}:", part.len());
        key.push_str(part);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_never_collide_across_parts() {
        let a = Invocation::new("when").arg("event", "a1:b");
        let b = Invocation::new("when").arg("event", "a").arg("1:b", "");
        assert_ne!(invocation_key(&a, "en"), invocation_key(&b, "en"));
        assert_ne!(invocation_key(&a, "en"), invocation_key(&a, "ru"));
        let typed = Invocation {
            rest: "tito".into(),
            ..Invocation::new("who")
        };
        let named = Invocation::new("who").arg("person", "tito");
        assert_ne!(invocation_key(&typed, "en"), invocation_key(&named, "en"));
    }
}
