//! Which language a question is written in: English, Serbian (Latin or
//! Cyrillic), Russian or Arabic. Decided from the script, then from the
//! function words each language uses.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use serde::Serialize;

/// A language histbot understands questions in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Sr,
    Ru,
    Ar,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Sr, Language::Ru, Language::Ar];

    /// The code used in data files (`en`, `sr`, `ru`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Sr => "sr",
            Language::Ru => "ru",
            Language::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Letters only Serbian (and Macedonian) Cyrillic has.
const SERBIAN_CYRILLIC: &[char] = &['ђ', 'ј', 'љ', 'њ', 'ћ', 'џ'];

/// Letters of the Russian alphabet that Serbian Cyrillic does not have.
const RUSSIAN_CYRILLIC: &[char] = &['ы', 'э', 'ю', 'я', 'й', 'щ', 'ъ', 'ь', 'ё'];

/// Function and question words that tell Serbian from English (Latin script)
/// and from Russian (Cyrillic), folded.
const SERBIAN_WORDS: &[&str] = &[
    "je", "su", "ko", "kad", "kada", "gde", "gdje", "sta", "zasto", "koliko", "koji", "koja", "koje",
    "bio", "bila", "bilo", "bili", "li", "sa", "od", "izmedju", "godine", "godina", "potpisan",
    "potpisana", "potpisao", "umro", "rodjen", "zbog", "kako", "sto", "se", "iz", "ili", "nakon",
    // "Koliki deo … u srbiji": question words in their other forms,
    // prepositions and particles English never writes, and the countries'
    // Serbian names in their cases.
    "koliki", "kolika", "kolike", "kog", "koju", "kojoj", "kojem", "kojim", "kojih", "kome", "koga", "ciji", "cija",
    "cije", "na", "da", "za", "posle", "tokom", "kao", "jos", "vec", "nije", "srbija", "srbije", "srbiji", "rusija",
    "rusije", "rusiji", "jugoslavija", "jugoslavije", "jugoslaviji",
];
const RUSSIAN_WORDS: &[&str] = &[
    "kogda", "kto", "chto", "gde", "pochemu", "skolko", "kakoy", "kakaya", "kakie", "byl", "byla",
    "bylo", "byli", "v", "s", "ot", "i", "eto", "takoy", "takaya", "mezhdu", "godu", "god",
    // Words Serbian writes too ("na", "za", "da"), so that they weigh for
    // neither, and the question words' other cases.
    "na", "za", "da", "po", "kak", "kakuyu", "kakikh", "kakoe", "kakom", "kakogo", "kotoryy", "kotoraya", "kotorom",
    "kotoroy", "dlya", "uzhe", "eshche",
    // "*Из-за чего* … *так* охотно": Russian words Serbian does not write,
    // and "iz", which both do.
    "iz", "chego", "chem", "tak", "ochen", "pro", "ego", "ikh", "kakim", "kotorye", "takzhe",
    // "Получал ли … *другие* ордена *кроме*": words of exclusion and of
    // receiving that Serbian writes otherwise ("osim", "druge", "dobio").
    "krome", "pomimo", "drugie", "drugikh", "poluchal", "poluchil", "poluchila", "poluchali", "poluchili",
];
const ENGLISH_WORDS: &[&str] = &[
    "the", "was", "were", "when", "who", "what", "did", "is", "of", "in", "and", "how", "why",
    "where", "which", "year", "to", "a", "an", "does", "do", "with", "about",
];

/// A list of function words, looked up by hashing rather than by comparing
/// each word of a question with each word of the list.
type WordSet = LazyLock<FxHashSet<&'static str>>;

static SERBIAN_SET: WordSet = LazyLock::new(|| SERBIAN_WORDS.iter().copied().collect());
static RUSSIAN_SET: WordSet = LazyLock::new(|| RUSSIAN_WORDS.iter().copied().collect());
static ENGLISH_SET: WordSet = LazyLock::new(|| ENGLISH_WORDS.iter().copied().collect());

/// The language of a piece of text (English when nothing says otherwise).
pub fn detect(text: &str) -> Language {
    detect_with(text, || std::borrow::Cow::Owned(super::fold::fold_for_search(text)))
}

/// [`detect`] for a text whose folded form ([`super::fold::fold_for_search`])
/// the caller has already made: it is not folded again.
pub fn detect_folded(text: &str, folded: &str) -> Language {
    detect_with(text, || std::borrow::Cow::Borrowed(folded))
}

/// [`detect`], the folded text made by `fold` when the script leaves the language open.
fn detect_with<'f>(text: &str, fold: impl FnOnce() -> std::borrow::Cow<'f, str>) -> Language {
    let (mut arabic, mut cyrillic, mut latin) = (0usize, 0usize, 0usize);
    let (mut serbian_letter, mut russian_letter) = (false, false);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{0600}'..='\u{06FF}' => arabic += 1,
            '\u{0400}'..='\u{04FF}' => {
                cyrillic += 1;
                let lower = c.to_lowercase().next().unwrap_or(c);
                serbian_letter |= SERBIAN_CYRILLIC.contains(&lower);
                russian_letter |= RUSSIAN_CYRILLIC.contains(&lower);
            }
            _ => latin += 1,
        }
    }
    if arabic > cyrillic + latin {
        return Language::Ar;
    }
    let folded = fold();
    let words: Vec<&str> = folded.split(' ').collect();
    let hits = |list: &WordSet| words.iter().filter(|w| list.contains(*w)).count();
    // "кому принадлежит нис (naftna industrija srbije)": Latin words that
    // hold no English function word are a name, not the question's language.
    if cyrillic > latin || cyrillic > 0 && hits(&ENGLISH_SET) == 0 {
        // A letter only one alphabet has decides ("долю", "сербия": Russian).
        return match (serbian_letter, russian_letter) {
            (true, false) => Language::Sr,
            (false, true) => Language::Ru,
            _ if hits(&SERBIAN_SET) > hits(&RUSSIAN_SET) => Language::Sr,
            _ => Language::Ru,
        };
    }
    if hits(&SERBIAN_SET) > hits(&ENGLISH_SET) {
        Language::Sr
    } else {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_function_words() {
        assert_eq!(detect("when did Tito get the Order of Lenin?"), Language::En);
        assert_eq!(detect("who was Nikola Pašić"), Language::En);
        assert_eq!(detect("kada je umro tito"), Language::Sr);
        assert_eq!(detect("ко је био Тито"), Language::Sr);
        assert_eq!(detect("когда был подписан договор о дружбе"), Language::Ru);
        // "Из" is Serbian too; "ю" and "я" are only Russian.
        assert_eq!(detect("какую долю газа сербия получает из россии"), Language::Ru);
        assert_eq!(detect("када су срби потписали савез са руском империјом"), Language::Sr);
        assert_eq!(detect("متى تم توقيع إعلان بلغراد"), Language::Ar);
        // Latin words without an English function word name something.
        assert_eq!(detect("когда купила Gazprom Neft компанию NIS"), Language::Ru);
        // No word of the first list, but prepositions and a country's case.
        assert_eq!(detect("koliki deo potrosnje gasa u srbiji pokriva ruski gas"), Language::Sr);
        // "На" and "по" are Russian too.
        assert_eq!(detect("как на самом деле звали полковника по кличке апис"), Language::Ru);
        // No letter decides; "чего" and "так" are Russian words only.
        assert_eq!(detect("из-за чего королевство схс так охотно принимало беженцев"), Language::Ru);
        // "Ли" is both; "получал", "другие" and "кроме" are Russian only.
        assert_eq!(detect("получал ли тито другие советские ордена кроме ордена ленина"), Language::Ru);
    }
}
