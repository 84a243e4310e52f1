//! Stage 1 of free-text answering: a question, parsed once into a value.
//!
//! [`Question`] records the language, what the question asks for (its
//! question words, in any of the four languages), its keyed terms, the
//! years it names, and whether it names a kind of entry ("treaty").

use serde::Serialize;

use super::index::{Index, Query};
use crate::facts::Kind;
use crate::text::fold::fold_for_search;
use crate::text::lexicon::{self, Asks};
use crate::text::{lang, Language};

/// A parsed question.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub text: String,
    pub language: Language,
    /// What the question asks for; `What` when no question word says more.
    pub asks: Asks,
    /// A person's birth or death, asked about besides `asks` ("when did Tito die").
    pub attribute: Option<Asks>,
    #[serde(skip)]
    pub query: Query,
    /// The question's keys, for `--explain`.
    pub terms: Vec<String>,
    pub years: Vec<i32>,
    /// Numbers that are not years ("how many of the 1204 …").
    pub numbers: Vec<String>,
    /// A kind of entry the question names ("treaty", "declaration" → treaty).
    pub kind: Option<Kind>,
}

/// Words that name the treaty kind, folded.
const TREATY_WORDS: &[&str] = &[
    "treaty", "treaties", "convention", "agreement", "declaration", "pact", "accord", "ugovor", "sporazum",
    "deklaracija", "dogovor", "soglashenie", "deklaratsiya", "deklaratsii", "deklaraciju", "معاهده", "اعلان",
];

impl Question {
    /// Parse a question against an index (for keys and compounds).
    pub fn parse(index: &Index, text: &str) -> Question {
        let language = lang::detect(text);
        let folded = fold_for_search(text);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let found = lexicon::question_words(&words, language);
        let attribute = found.iter().map(|(asks, _)| *asks).find(|a| matches!(a, Asks::Born | Asks::Died));
        let asks = found
            .iter()
            .map(|(asks, _)| *asks)
            .find(|a| !matches!(a, Asks::Born | Asks::Died | Asks::What))
            .or(attribute)
            .unwrap_or(Asks::What);
        let query = index.query_in(text, language);
        let numbers = words
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_digit()) && super::index::year_of(w).is_none())
            .map(|w| w.to_string())
            .collect();
        let kind = words.iter().any(|w| TREATY_WORDS.contains(w)).then_some(Kind::Treaty);
        Question {
            text: text.to_string(),
            language,
            asks,
            attribute,
            terms: query.keys.clone(),
            years: query.years.clone(),
            query,
            numbers,
            kind,
        }
    }

    /// The kinds of entry that answer this question best.
    pub fn preferred_kinds(&self) -> &'static [Kind] {
        match (self.asks, self.kind, self.attribute) {
            (_, _, Some(_)) => &[Kind::Person],
            (_, Some(Kind::Treaty), _) => &[Kind::Treaty],
            (Asks::Who, _, _) => &[Kind::Person, Kind::Treaty],
            (Asks::When | Asks::HowMany | Asks::Why | Asks::How | Asks::Where, _, _) => &[Kind::Event, Kind::Treaty],
            _ => &[Kind::Event, Kind::Treaty, Kind::Person],
        }
    }
}
