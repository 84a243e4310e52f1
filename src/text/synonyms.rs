//! Synonym groups: words (and short phrases) in any of the languages that
//! mean the same thing for finding an entry: `split`, `rift`, `raskol`,
//! `раскол`. Every member is keyed like any other text and replaced by the
//! group's first member, on the index side and the question side alike.
//!
//! The groups are data (`config/synonyms.toml`, loaded and validated by
//! `ask::synonyms`); this module is the in-memory form.

use rustc_hash::FxHashMap as HashMap;

use super::Language;

/// One group as written: its members, each with its language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<(Language, String)>,
}

/// Synonym groups, ready for lookups by key sequence.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    /// member keys (joined by spaces) → (member's language, the group's
    /// canonical key). A member only stands for its group in its own
    /// language: Serbian "ali" ("but") is not English "ally".
    lookup: HashMap<String, Vec<(Language, String)>>,
    /// The longest member, in keys.
    longest: usize,
    /// The English members of one word, folded ("reaction", "kill"): words a
    /// misspelt question word may be corrected to.
    english_words: Vec<String>,
    /// Every group's canonical key: what a member is replaced by.
    canonicals: rustc_hash::FxHashSet<String>,
}

impl Synonyms {
    /// Build from groups; `key` turns a member into its keys (the caller's
    /// keying without synonyms, so the two always agree).
    pub fn from_groups(groups: Vec<Group>, key: impl Fn(&str, Language) -> Vec<String>) -> Synonyms {
        let mut lookup = HashMap::default();
        let mut longest = 0;
        let mut english_words = Vec::new();
        let mut canonicals = rustc_hash::FxHashSet::default();
        let mut add = |lookup: &mut HashMap<String, Vec<(Language, String)>>, keys: Vec<String>, language: Language, canonical: &str| {
            if keys.is_empty() {
                return;
            }
            longest = longest.max(keys.len());
            let members = lookup.entry(keys.join(" ")).or_insert_with(Vec::new);
            if !members.iter().any(|(l, _)| *l == language) {
                members.push((language, canonical.to_string()));
            }
        };
        // A Russian member also as its letters fold to Latin, which keeps
        // what the Russian stemmer cuts off a bare noun as if it were an
        // ending: "разгром" stems to "разгр", its inflected "разгромом" to
        // "разгром", which only the member in Latin letters ("razgrom")
        // meets. Those keys come second, after every group's own: "император"
        // in Latin letters stems to "imper", which is how "империя" keys, a
        // member of another group.
        let mut folded_members = Vec::new();
        for group in &groups {
            let Some(canonical) = group.members.first().map(|(language, word)| key(word, *language).join(" ")) else { continue };
            if canonical.is_empty() {
                continue;
            }
            canonicals.insert(canonical.clone());
            for (language, word) in &group.members {
                if *language == Language::En && !word.contains(' ') {
                    english_words.push(crate::text::fold::fold_for_search(word));
                }
                add(&mut lookup, key(word, *language), *language, &canonical);
                if *language == Language::Ru {
                    let folded = crate::text::fold::fold_for_search(word);
                    if folded != *word {
                        folded_members.push((folded, canonical.clone()));
                    }
                }
            }
        }
        for (folded, canonical) in folded_members {
            add(&mut lookup, key(&folded, Language::Ru), Language::Ru, &canonical);
        }
        Synonyms { lookup, longest, english_words, canonicals }
    }

    /// Whether `key` is a group's canonical key: a word keyed to it was
    /// a member of the group, translated if it was not English.
    pub fn is_canonical(&self, key: &str) -> bool {
        self.canonicals.contains(key)
    }

    /// The English members of one word, folded.
    pub fn english_words(&self) -> &[String] {
        &self.english_words
    }

    /// The canonical key for the member of `language` that starts `keys`,
    /// and how many keys it covers.
    pub fn at<'a>(&'a self, language: Language, keys: &[&str]) -> Option<(&'a str, usize)> {
        self.at_in(language, keys.iter().copied(), &mut String::new())
    }

    /// [`Synonyms::at`] over keys given one by one, the longer members
    /// looked up by joining the keys in `window`, a buffer the caller may
    /// reuse from one lookup to the next (a one-key member is looked up as
    /// it is).
    pub fn at_in<'a, 'k>(&'a self, language: Language, keys: impl Iterator<Item = &'k str>, window: &mut String) -> Option<(&'a str, usize)> {
        let mut found = None;
        let mut first = "";
        for (length, key) in keys.take(self.longest).enumerate() {
            // The first key is looked up as it is: most lookups are of one
            // key, and those fill no buffer.
            let joined = if length == 0 {
                first = key;
                key
            } else {
                if length == 1 {
                    window.clear();
                    window.push_str(first);
                }
                window.push(' ');
                window.push_str(key);
                window.as_str()
            };
            let member = self.lookup.get(joined).and_then(|members| members.iter().find(|(l, _)| *l == language));
            if let Some((_, canonical)) = member {
                found = Some((canonical.as_str(), length + 1));
            }
        }
        found
    }

    pub fn is_empty(&self) -> bool {
        self.lookup.is_empty()
    }
}
