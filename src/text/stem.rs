//! Snowball stemmers per language (the `snowball_stemmers_rs` crate, which
//! has Snowball's own Serbian algorithm besides English, Russian and Arabic).
//!
//! English keys get two more steps the index relies on: `-ian` endings go
//! (`Hungarian`/`Hungary`), a final `i` or `e` goes (`Hungari`, `declar(e)`),
//! and `-iz` is written `-is` (`recognize`/`recognise`); other American
//! spellings are read as British ones first (`center`/`centre`).

use snowball_stemmers_rs::{Algorithm, Stemmer};

use super::Language;

/// Stem one lowercase word of `language`, in its own script.
pub fn stem(word: &str, language: Language) -> String {
    let algorithm = match language {
        Language::En => return stem_english(word),
        Language::Sr => return stem_serbian(word),
        Language::Ru => Algorithm::Russian,
        Language::Ar => Algorithm::Arabic,
    };
    Stemmer::create(algorithm).stem(word).into_owned()
}

/// Serbian: Snowball, which cuts a past participle's "-l-" with its ending
/// ("propala", "propalom": "propa") but not before the endings "-og",
/// "-ih", "-im" of the adjective made of it ("propalog": "propal",
/// "poginulih": "poginuli"). Such a word is stemmed as its feminine
/// participle ("propala"), so that every form of "failed" meets.
fn stem_serbian(word: &str) -> String {
    let stemmer = Stemmer::create(Algorithm::Serbian);
    let stemmed = stemmer.stem(word).into_owned();
    if !(stemmed.ends_with('l') || stemmed.ends_with("li")) {
        return stemmed;
    }
    const ADJECTIVE_ENDINGS: &[(&str, &str)] = &[("log", "la"), ("loga", "la"), ("lih", "la"), ("lim", "la"), ("lima", "la"), ("лог", "ла"), ("лога", "ла"), ("лих", "ла"), ("лим", "ла"), ("лима", "ла")];
    let participle = ADJECTIVE_ENDINGS.iter().find_map(|(ending, feminine)| {
        let root = word.strip_suffix(ending)?;
        (root.chars().count() >= 2).then(|| format!("{root}{feminine}"))
    });
    match participle {
        Some(participle) => stemmer.stem(&participle).into_owned(),
        None => stemmed,
    }
}

/// English: Snowball (Porter2), then the index's own endings.
fn stem_english(word: &str) -> String {
    if !word.is_ascii() || word.len() <= 3 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    let american = british_to_american(word);
    let mut stemmed = Stemmer::create(Algorithm::English).stem(&american).into_owned();
    for suffix in ["ian"] {
        if let Some(root) = stemmed.strip_suffix(suffix) {
            if root.len() >= 5 {
                stemmed = root.to_string();
                break;
            }
        }
    }
    if stemmed.len() > 4 && (stemmed.ends_with('e') || stemmed.ends_with('i')) {
        stemmed.pop();
    }
    if let Some(root) = stemmed.strip_suffix("iz") {
        stemmed = format!("{root}is");
    }
    stemmed
}

/// `recognise` → `recognize`, `normalisation` → `normalization` (and
/// first `center` → `centre`): Porter2 treats the two spellings differently.
fn british_to_american(word: &str) -> String {
    // Other respellings go the other way: see `lexicon::british_spelling`.
    let word = super::lexicon::british_spelling(word).unwrap_or(word);
    for (british, american) in [("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize")] {
        if let Some(root) = word.strip_suffix(british) {
            if root.len() >= 4 {
                return format!("{root}{american}");
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_forms_meet() {
        let same = |a: &str, b: &str| assert_eq!(stem(a, Language::En), stem(b, Language::En), "{a} / {b}");
        same("hungarian", "hungary");
        same("treaties", "treaty");
        same("condemned", "condemn");
        same("recognized", "recognised");
        same("centre", "center");
        same("honour", "honor");
        same("declaration", "declarations");
        same("signed", "signing");
    }

    #[test]
    fn serbian_and_russian_inflections_meet() {
        assert_eq!(stem("декларации", Language::Ru), stem("декларация", Language::Ru));
        assert_eq!(stem("дружбе", Language::Ru), stem("дружба", Language::Ru));
        assert_eq!(stem("deklaracije", Language::Sr), stem("deklaracija", Language::Sr));
    }

    #[test]
    fn serbian_adjectives_of_participles_meet_their_verbs() {
        let same = |a: &str, b: &str| assert_eq!(stem(a, Language::Sr), stem(b, Language::Sr), "{a} / {b}");
        same("propalog", "propala");
        same("poginulih", "poginuli");
        same("пропалог", "пропао");
        same("nestalim", "nestao");
        same("umrlih", "umrli");
    }
}
