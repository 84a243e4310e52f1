//! `config/synonyms.toml`: synonym groups as data, loaded into a
//! [`Keyer`] and validated by `histbot check` like the intent rules.
//!
//! ```toml
//! [[group]]
//! en = ["split", "rift", "break"]
//! sr = ["raskol", "sukob"]
//! ru = ["раскол", "разрыв"]
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::Deserialize;
use toml::Spanned;

use crate::facts::diagnostic::Diagnostic;
use crate::facts::load::parse_toml;
use crate::text::synonyms::Group;
use crate::text::{Keyer, Language};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    group: Vec<GroupRecord>,
    #[serde(default)]
    metonym: Vec<MetonymRecord>,
}

/// A name a question may use for another ("Moscow" for the Soviet
/// government): read on the question's side only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetonymRecord {
    name: Spanned<String>,
    means: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupRecord {
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    sr: Vec<Spanned<String>>,
    #[serde(default)]
    ru: Vec<Spanned<String>>,
    #[serde(default)]
    ar: Vec<Spanned<String>>,
}

impl GroupRecord {
    fn members(&self) -> impl Iterator<Item = (Language, &Spanned<String>)> {
        fn tag(language: Language, words: &[Spanned<String>]) -> impl Iterator<Item = (Language, &Spanned<String>)> {
            words.iter().map(move |word| (language, word))
        }
        tag(Language::En, &self.en).chain(tag(Language::Sr, &self.sr)).chain(tag(Language::Ru, &self.ru)).chain(tag(Language::Ar, &self.ar))
    }
}

/// Load and validate a synonyms file; `Err` carries every problem.
pub fn load(path: &Path) -> Result<Keyer, Vec<Diagnostic>> {
    let content = std::fs::read_to_string(path).map_err(|error| {
        vec![Diagnostic::error("unreadable-file", path, "", None)
            .message(format!("cannot read the synonyms file: {error}"))
            .help("create config/synonyms.toml next to config/intents.toml, or remove the reference to it")]
    })?;
    // A reload usually finds the file unchanged: reuse the last keyer made from the same text.
    static LAST: Mutex<Option<(String, Keyer)>> = Mutex::new(None);
    if let Ok(last) = LAST.lock() {
        if let Some((_, keyer)) = last.as_ref().filter(|(text, _)| *text == content) {
            return Ok(keyer.clone());
        }
    }
    let mut diagnostics = Vec::new();
    let keyer = parse(path, &content, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    if let Ok(mut last) = LAST.lock() {
        *last = Some((content, keyer.clone()));
    }
    Ok(keyer)
}

/// The groups shipped in `config/synonyms.toml`, compiled into the binary
/// (parsed once per process).
pub fn builtin() -> Keyer {
    static BUILTIN: OnceLock<Keyer> = OnceLock::new();
    BUILTIN.get_or_init(|| parse(&PathBuf::from("config/synonyms.toml"), include_str!("../../config/synonyms.toml"), &mut Vec::new())).clone()
}

/// The synonyms file next to an intents file.
pub fn beside(intents: &Path) -> PathBuf {
    intents.with_file_name("synonyms.toml")
}

/// The synonyms beside an intents file when that file exists, the shipped ones otherwise.
pub fn load_beside(intents: &Path) -> Result<Keyer, Vec<Diagnostic>> {
    let path = beside(intents);
    if path.exists() { load(&path) } else { Ok(builtin()) }
}

/// Parse synonym groups, adding a diagnostic for every bad member.
pub fn parse(path: &Path, content: &str, diagnostics: &mut Vec<Diagnostic>) -> Keyer {
    let Some(file) = parse_toml::<SynonymsFile>(path, content, diagnostics) else { return Keyer::default() };
    let bare = Keyer::default();
    let mut groups = Vec::new();
    let mut seen: HashMap<(Vec<String>, Language), usize> = HashMap::new();
    for (number, record) in file.group.iter().enumerate() {
        let mut group = Group::default();
        for (language, word) in record.members() {
            let keys: Vec<String> = bare.tokens(word.get_ref(), language).into_iter().map(|t| t.key).collect();
            if keys.is_empty() {
                diagnostics.push(
                    Diagnostic::error("empty-synonym", path, content, Some(word.span()))
                        .message(format!("“{}” has no word that can be searched for (it is empty or only stopwords)", word.get_ref()))
                        .help("remove it, or write the words that carry the meaning"),
                );
                continue;
            }
            if let Some(other) = seen.insert((keys, language), number) {
                if other != number {
                    diagnostics.push(
                        Diagnostic::error("synonym-in-two-groups", path, content, Some(word.span()))
                            .message(format!("“{}” is already in group {} (its words key the same way)", word.get_ref(), other + 1))
                            .help("a word may belong to one group only: merge the two groups or remove one of the two"),
                    );
                    continue;
                }
            }
            group.members.push((language, word.get_ref().clone()));
        }
        if group.members.len() < 2 {
            diagnostics.push(
                Diagnostic::warning("lonely-synonym", path, content, record.members().next().map(|(_, w)| w.span()))
                    .message(format!("group {} has fewer than two members, so it does nothing", number + 1))
                    .help("add the words that mean the same, or remove the group"),
            );
        }
        groups.push(group);
    }
    let keyer = Keyer::new(groups);
    let metonyms = parse_metonyms(path, content, &file.metonym, &keyer, diagnostics);
    keyer.with_metonyms(&metonyms).with_source(content)
}

/// Check the metonyms (a one-word name, meanings that key to something)
/// and return the good ones.
fn parse_metonyms(path: &Path, content: &str, records: &[MetonymRecord], keyer: &Keyer, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, Vec<String>)> {
    let mut good = Vec::new();
    for record in records {
        let name_keys = keyer.index_keys(record.name.get_ref());
        if name_keys.len() != 1 {
            diagnostics.push(
                Diagnostic::error("metonym-name", path, content, Some(record.name.span()))
                    .message(format!("the metonym name “{}” must be one word that can be searched for", record.name.get_ref()))
                    .help("write a single name, such as \"Moscow\""),
            );
            continue;
        }
        let mut meanings = Vec::new();
        for meaning in &record.means {
            if keyer.index_keys(meaning.get_ref()).is_empty() {
                diagnostics.push(
                    Diagnostic::error("empty-metonym", path, content, Some(meaning.span()))
                        .message(format!("“{}” has no word that can be searched for", meaning.get_ref()))
                        .help("write the name the metonym stands for, or remove it"),
                );
                continue;
            }
            meanings.push(meaning.get_ref().clone());
        }
        if meanings.is_empty() {
            diagnostics.push(
                Diagnostic::warning("lonely-metonym", path, content, Some(record.name.span()))
                    .message(format!("“{}” stands for nothing, so it does nothing", record.name.get_ref()))
                    .help("list in `means` the names it may stand for, or remove it"),
            );
            continue;
        }
        good.push((record.name.get_ref().clone(), meanings));
    }
    good
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_synonyms_are_valid() {
        let mut diagnostics = Vec::new();
        parse(Path::new("config/synonyms.toml"), include_str!("../../config/synonyms.toml"), &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn bad_members_are_reported_with_their_rule() {
        let mut diagnostics = Vec::new();
        parse(Path::new("s.toml"), "[[group]]\nen = [\"split\", \"the\"]\n[[group]]\nen = [\"split\", \"rift\"]\n", &mut diagnostics);
        let rules: Vec<&str> = diagnostics.iter().map(|d| d.rule).collect();
        assert!(rules.contains(&"empty-synonym"), "{rules:?}");
        assert!(rules.contains(&"synonym-in-two-groups"), "{rules:?}");
    }

    #[test]
    fn a_russian_member_in_latin_letters_claims_no_other_groups_key() {
        // "Император" in Latin letters stems as "imper", which is how
        // "империя" keys: empire stays empire, emperor emperor.
        let mut diagnostics = Vec::new();
        let keyer = parse(Path::new("s.toml"), "[[group]]\nen = [\"emperor\"]\nru = [\"император\"]\n[[group]]\nen = [\"empire\"]\nru = [\"империя\", \"империи\"]\n", &mut diagnostics);
        let keys = |text: &str, language: Language| keyer.tokens(text, language).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys("империи", Language::Ru), keys("empire", Language::En));
        assert_eq!(keys("император", Language::Ru), keys("emperor", Language::En));
    }

    #[test]
    fn metonyms_are_keyed_and_checked() {
        let mut diagnostics = Vec::new();
        let keyer = parse(Path::new("s.toml"), "[[metonym]]\nname = \"Moscow\"\nmeans = [\"Soviet Union\", \"the\"]\n[[metonym]]\nname = \"New York\"\nmeans = [\"USA\"]\n", &mut diagnostics);
        let rules: Vec<&str> = diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["empty-metonym", "metonym-name"], "{diagnostics:?}");
        let moscow = keyer.index_keys("Moscow");
        assert_eq!(keyer.stands_for(&moscow[0]), [keyer.index_keys("Soviet Union")]);
    }
}
