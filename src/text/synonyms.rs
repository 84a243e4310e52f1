//! Synonym groups: words (and short phrases) in any of the languages that
//! mean the same thing for finding an entry: `split`, `rift`, `raskol`,
//! `раскол`. Every member is keyed like any other text and replaced by the
//! group's first member, on the index side and the question side alike.
//!
//! The groups are data (`config/synonyms.toml`, loaded and validated by
//! `ask::synonyms`); this module is the in-memory form.

use std::collections::HashMap;

use super::Language;

/// One group as written: its members, each with its language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<(Language, String)>,
}

/// Synonym groups, ready for lookups by key sequence.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    groups: Vec<Group>,
    /// member keys → the group's canonical key.
    lookup: HashMap<Vec<String>, String>,
    /// The longest member, in keys.
    longest: usize,
}

impl Synonyms {
    /// Build from groups; `key` turns a member into its keys (the caller's
    /// keying without synonyms, so the two always agree).
    pub fn from_groups(groups: Vec<Group>, key: impl Fn(&str, Language) -> Vec<String>) -> Synonyms {
        let mut lookup = HashMap::new();
        let mut longest = 0;
        for group in &groups {
            let Some(canonical) = group.members.first().map(|(language, word)| key(word, *language).join(" ")) else { continue };
            if canonical.is_empty() {
                continue;
            }
            for (language, word) in &group.members {
                let keys = key(word, *language);
                if keys.is_empty() {
                    continue;
                }
                longest = longest.max(keys.len());
                lookup.entry(keys).or_insert_with(|| canonical.clone());
            }
        }
        Synonyms { groups, lookup, longest }
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The canonical key for the member that starts `keys`, and how many keys it covers.
    pub fn at<'a>(&'a self, keys: &[&str]) -> Option<(&'a str, usize)> {
        (1..=self.longest.min(keys.len())).rev().find_map(|length| {
            let window: Vec<String> = keys[..length].iter().map(|k| k.to_string()).collect();
            self.lookup.get(&window).map(|canonical| (canonical.as_str(), length))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.lookup.is_empty()
    }
}
