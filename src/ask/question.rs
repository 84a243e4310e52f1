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
    /// The question asks for a day ("on what day"), not just a year.
    pub wants_day: bool,
}

/// Words that name the treaty kind, folded.
const TREATY_WORDS: &[&str] = &[
    "treaty", "treaties", "convention", "agreement", "declaration", "pact", "accord", "ugovor", "sporazum",
    "deklaracija", "dogovor", "soglashenie", "deklaratsiya", "deklaratsii", "deklaraciju", "معاهده", "اعلان",
];

/// Question words after which a noun names the kind of answer, not the topic
/// ("what *town*", "which *newspaper*", "whose *troops*").
const TYPE_ASKING: &[Asks] = &[Asks::What, Asks::HowMany];

/// Mark as light the noun right after "what"/"which"/"whose"/"how many":
/// it says what kind of thing the answer is, which the evidence need not repeat.
fn mark_answer_type_nouns(index: &Index, query: &mut Query, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language) {
    for (asks, range) in found {
        if !TYPE_ASKING.contains(asks) {
            continue;
        }
        let next = words.iter().skip(range.end).find(|w| !crate::text::lexicon::is_stopword(w, language));
        let Some(next) = next else { continue };
        let keys: Vec<String> = index.keyer().tokens(next, language).into_iter().map(|t| t.key).collect();
        for (position, key) in query.keys.iter().enumerate() {
            if keys.contains(key) {
                if let Some(light) = query.light.get_mut(position) {
                    *light = true;
                }
            }
        }
    }
}

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
        let mut query = index.query_in(text, language);
        mark_answer_type_nouns(index, &mut query, &words, &found, language);
        let numbers = words
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_digit()) && super::index::year_of(w).is_none())
            .map(|w| w.to_string())
            .collect();
        let kind = words.iter().any(|w| TREATY_WORDS.contains(w)).then_some(Kind::Treaty);
        let wants_day = lexicon::DAY_WORDS.iter().any(|day| format!(" {folded} ").contains(&format!(" {day} ")));
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
            wants_day,
        }
    }

    /// The kinds of entry that answer this question best.
    pub fn preferred_kinds(&self) -> &'static [Kind] {
        match (self.asks, self.kind, self.attribute) {
            (_, _, Some(_)) => &[Kind::Person],
            (_, Some(Kind::Treaty), _) => &[Kind::Treaty],
            (Asks::Who, _, _) => &[Kind::Person, Kind::Treaty, Kind::Event],
            (Asks::When | Asks::HowMany | Asks::Why | Asks::How | Asks::Where, _, _) => &[Kind::Event, Kind::Treaty],
            _ => &[Kind::Event, Kind::Treaty, Kind::Person],
        }
    }
}
