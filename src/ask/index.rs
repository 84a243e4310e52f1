//! Entity resolution: maps what a student typed to entries of the base.
//!
//! Every entry is indexed under *keys* ([`crate::text::keys`]: folded,
//! stemmed, loosened, synonyms joined), each with the weight of the field it came from
//! (names weigh most, then linked people, the summary, the quotes). A query
//! is folded the same way; each of its keys is matched exactly, by prefix, or
//! within one edit (a deletion-neighbourhood index keeps typo lookups fast).
//! An entry's score is the idf-weighted share of the query it explains,
//! boosted when one of its names appears in the query as a phrase.
//!
//! [`super::decide`] turns the scores into a decision: answer, "did you
//! mean", or abstain.

use std::collections::BTreeMap;

// Fx hashing: the keys come from the fact files; questions only look them up.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::commands::ArgKind;
use crate::facts::date::YearMatch;
use crate::text::{fold, lexicon, Keyer, Language};
use crate::facts::{Entry, FactBase, Kind};

/// Field weights: how much a key found in each field says about the entry.
const NAME: f32 = 1.0;
const ID: f32 = 0.9;
const ROLE: f32 = 0.8;
const PEOPLE: f32 = 0.5;
const SUMMARY: f32 = 0.45;
const QUOTE: f32 = 0.3;

/// Match quality of a query key against an index key.
const EXACT: f32 = 1.0;
const PREFIX: f32 = 0.7;
const ONE_EDIT: f32 = 0.8;
/// A word the base does not use, standing for one it does ("beat" for "defeat").
const PARAPHRASE: f32 = 0.7;

/// The most members a kind may have to stand for them ([`Index::widen_to_members_of_kind`]).
const MAX_KIND_MEMBERS: usize = 12;
/// Shorter words are not corrected: one edit away from "bread" is "break".
const MIN_TYPO_LENGTH: usize = 5;
/// The longest word looked up with a typo: no name in the base is longer,
/// and each extra character costs a deletion variant (a 40,000-character
/// "word" once took seconds and gigabytes).
const MAX_TYPO_LENGTH: usize = 30;
/// The shortest place name a "-sk" adjective is read as ("kosov" of "kosovsk").
const MIN_PLACE_STEM: usize = 5;
/// At most this many name-word variants per query word.
const MAX_VARIANTS: usize = 4;
/// How much a decade, century or long period says about one year in it.
const BROAD_YEAR: f32 = 0.25;
/// Keys that share a long prefix (`intervent` / `interven`): morphological variants.
const SHARED_PREFIX: f32 = 0.75;

/// The prior against entries of a kind the command does not ask for
/// (`who` about an event): they still win when they fit much better.
const OTHER_KIND: f32 = 0.75;

/// Weight of how much of an entry's best name the query covers.
const NAME_COVERAGE: f32 = 0.1;
/// Bonus when a whole name of the entry appears in the query.
const NAME_HIT: f32 = 0.15;
/// Words found together in one quote of an entry: evidence as a unit.
const QUOTE_UNIT: f32 = 0.85;
/// The share of the question an entry must explain before its quotes are
/// weighed as units: below it, even a full quote-unit gain (words at
/// [`QUOTE_UNIT`] instead of [`QUOTE`]) would leave it far from an answer.
const MIN_FOR_QUOTE_GAIN: f32 = 0.15;
/// The weight of a light word the base has never seen, as a share of the largest idf.
const LIGHT_UNKNOWN: f32 = 0.3;
/// How many entries, best base score first, get the name bonuses and a place in the ranking.
const MAX_CANDIDATES: usize = 32;

/// A candidate entry with its score in [0, 1+].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Index into [`FactBase::entries`].
    pub entry: usize,
    pub score: f32,
    /// Whether one of the entry's names appears whole in the query.
    pub name_hit: bool,
}

/// The outcome of resolving a piece of text to an entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// One entry clearly fits.
    Found(usize),
    /// Several fit about equally well (best first).
    Ambiguous(Vec<usize>),
    /// Nothing fits well; these are the closest (may be empty).
    NotFound(Vec<usize>),
}

#[derive(Debug, Default)]
struct Doc {
    kind: Option<Kind>,
    /// Each name (title, aliases, id) as a sequence of keys.
    names: Vec<Vec<String>>,
    /// Each quote's keys, sorted and deduplicated, in the entry's quote order.
    quotes: Vec<Vec<String>>,
    /// Each quote's setting: the keys of its source's title and its
    /// section's heading, sorted (see [`Index::held_by_setting`]).
    settings: Vec<Vec<String>>,
    /// For each quote, the quote before it when it refers back to it
    /// ("*The company's* refinery…" after the sentence naming the company).
    antecedents: Vec<Option<usize>>,
    /// Keys of the names of the people the entry involves (or, for a person, their own).
    people: Vec<String>,
    /// How many of `people` come from the entry's file (its `people` or
    /// `signatories`), before those only its quotes name.
    listed_people: usize,
    /// The keys of its names that are ordinals ("second"), in name order.
    name_ordinals: Vec<String>,
    /// `names` as key ids ([`Index::key_ids`]), for scoring.
    name_ids: Vec<Vec<u32>>,
    /// The ids of all its names, sorted and deduplicated: most candidates
    /// share no key of the question in any name.
    name_id_set: Vec<u32>,
    /// Each quote's keys as key ids, sorted and deduplicated (parallel to `quotes`).
    quote_ids: Vec<Vec<u32>>,
    /// Each quote's keys read word by word ([`Index::word_keys`] of each of
    /// its words), sorted and deduplicated (parallel to `quotes`): what
    /// [`Index::quote_words`] gives. Not `quotes`: keyed word by word, a
    /// synonym phrase across words or an acronym keys differently.
    quote_words: Vec<Vec<String>>,
    /// The entry's summary read word by word ([`Index::text_words`]): what
    /// an answer about it says, whose excerpts must say it too.
    summary_words: Vec<String>,
}

impl Doc {
    /// Whether any of its names holds one of the key ids of `query` (`None`
    /// for a key in no name): if none does, no name is hit or covered.
    fn names_hold_some(&self, query: &[Option<u32>]) -> bool {
        query.iter().flatten().any(|id| self.name_id_set.binary_search(id).is_ok())
    }
}

/// The search index over one fact base. Built once per loaded base.
#[derive(Debug, Default)]
pub struct Index {
    /// How text becomes keys (with the synonym groups).
    keyer: Keyer,
    docs: Vec<Doc>,
    /// key → (doc, best field weight), sorted by doc.
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// key → idf.
    idf: HashMap<String, f32>,
    /// key → the quotes that hold it, as (doc, quote position), in doc order.
    quote_postings: HashMap<String, Vec<(u32, u32)>>,
    /// All keys, for prefix search.
    sorted_keys: BTreeMap<String, ()>,
    /// Keys that occur in names, for morphological variants.
    name_keys: std::collections::BTreeSet<String>,
    /// Deletion neighbourhood: a key with one character removed → the keys.
    deletions: HashMap<String, Vec<String>>,
    /// Words as the base spells them (folded, before stemming) → how many
    /// entries use them: a misspelt word is corrected against these first,
    /// because a typo can change a word's stem more than its spelling
    /// ("russain" keys far from "russian").
    spellings: HashMap<String, u32>,
    /// A spelling with one character removed → the spellings, as positions
    /// in `deleted_from` (each word stored once, not once per deletion).
    spelling_deletions: HashMap<String, Vec<u32>>,
    /// The spellings and listed words `spelling_deletions` points into.
    deleted_from: Vec<String>,
    /// English words the base does not use but knows through its lists (the
    /// synonym groups, the WordNet paraphrases, irregular verb forms):
    /// "kill" for "killd", "reaction" for "reacton". Also in
    /// `spelling_deletions`; a correction prefers the base's own spelling.
    vocabulary: HashSet<String>,
    /// Two capitalised words the base writes one after the other ("Warsaw
    /// Pact", "Austria-Hungary"), folded and joined by a space: a misspelt
    /// second word is read beside the first ([`Index::respell_in_name`]).
    name_bigrams: std::collections::BTreeSet<String>,
    /// Two capitalised words an entry's name joins by "and" ("Treaty of
    /// *Friendship and Non*-Aggression"), folded, the second up to a hyphen,
    /// joined by a space ([`Index::joins_one_name`]).
    names_joined_by_and: HashSet<String>,
    /// Keys only ever written capitalised inside sentences (names of people,
    /// places, organisations; not "army" of "Red Army", which is also a
    /// common word): the words a question cannot do without.
    proper: HashSet<String>,
    /// Proper keys that are common English words too ("king", "white",
    /// "church"), less the names of the parties entries are between (the
    /// "Soviet" of "Soviet–Yugoslav"): beside a name, a title or a modifier
    /// of it ([`crate::text::lexicon::english_capitals`]).
    title_words: HashSet<String>,
    /// The keys of the ordinal words ("first", "second", …).
    ordinal_keys: Vec<String>,
    /// For the key of a noun of the sources: the keys of the kinds of thing
    /// it is, and whether it is only a name ([`crate::text::lexicon::english_kinds`]).
    kinds: HashMap<String, (HashSet<String>, bool)>,
    /// Keys of the kinds some noun of the sources is ("language", "city").
    kind_keys: HashSet<String>,
    /// Keys of the nouns that usually mean a kind of person ("sultan").
    person_kind_keys: HashSet<String>,
    /// The latest year any entry's date reaches: the sources' present.
    latest_year: Option<i32>,
    /// Keys of every word of a person's names.
    person_name_keys: HashSet<String>,
    /// Keys of the names of the parties entries are between (states: "Serbia").
    party_keys: HashSet<String>,
    /// The key of "person".
    person_key: String,
    /// The keys of "organization", the kind a party or a committee is.
    organisation_keys: Vec<String>,
    /// Keys of people's names (rare ones only: not "serbia" of "Peter I of Serbia").
    person_keys: HashSet<String>,
    /// The largest idf, used for query words the base has never seen.
    max_idf: f32,
    /// year → entries dated in it (exactly, or within a short range), with their fit.
    years: HashMap<i32, Vec<(u32, f32)>>,
    /// The tokens of every word of the base, kept from the build: keying a
    /// quote's words while answering looks them up ([`Index::word_keys`]).
    words: crate::text::WordMemo,
    /// Entries with broad dates (decades, centuries, long periods): (doc, first, last).
    broad: Vec<(u32, i32, i32)>,
    /// Each key of an entry's names and quotes → a number of its own, so
    /// that scoring compares numbers, not strings. A key without an id is
    /// in no name and no quote.
    key_ids: HashMap<String, u32>,
    /// Every word of the entries' quotes, summaries and names (split as
    /// [`Index::text_words`] splits) → its [`Index::word_keys`], keyed once
    /// at build.
    word_key_memo: HashMap<String, Vec<String>>,
}

/// A query word as [`Index::score`] weighs it: its matches and its weight.
struct Word<'a> {
    matches: Vec<Hit<'a>>,
    weight: f32,
}

/// One index key a query word matches, with what scoring needs of it
/// looked up once per question.
struct Hit<'a> {
    key: &'a str,
    quality: f32,
    /// The key's id ([`Index::key_ids`]), if it is in a name or a quote.
    id: Option<u32>,
    /// The key's postings (empty if the base does not use it).
    postings: &'a [(u32, f32)],
}

/// A question's text as [`Index::respell_text`] leaves it.
#[derive(Default)]
struct Respelled {
    /// The text, misspelt words corrected.
    text: String,
    /// The keys of the corrected words.
    respelled: Vec<String>,
    /// Words the base does not use but that stand for words it does ("beat"
    /// for "defeat"): each word's key with the keys it may stand for. Looked
    /// up by the word as typed, so that a word is never taken for another
    /// that happens to share its stem.
    paraphrased: Vec<(String, Vec<String>)>,
    /// Verbs that make a phrasal verb with the next word ("pull out"): the
    /// verb's key with the keys of the words the phrase may stand for.
    phrasal: Vec<(String, Vec<String>)>,
    /// The words the base does not know, each with the correction made, if
    /// any ([`Index::respell`]'s, or [`Index::respell_in_name`]'s beside a
    /// name); a word the base knows is never corrected.
    looked_up: Vec<(String, Option<String>)>,
    /// The text's chunks (split at whitespace) folded, when respelling
    /// changed none of them: the chunks of `text` are then the question's own.
    folded_chunks: Option<Vec<String>>,
}

/// A query, folded and split into keys, with the years it mentions.
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub keys: Vec<String>,
    /// Other keys each word may have (parallel to `keys`).
    pub alts: Vec<Vec<String>>,
    /// Whether each word is paraphrase-prone (parallel to `keys`): unknown
    /// to the base, it weighs less.
    pub light: Vec<bool>,
    /// The index keys each word matches, worked out once per question
    /// ([`Index::query_in`]); empty for a query that was not prepared.
    matched: Vec<Vec<(String, f32)>>,
    pub years: Vec<i32>,
    /// Keys of words the question misspelt, as corrected ([`Index::respell`]):
    /// they match no better than a typo.
    pub respelled: Vec<String>,
    /// Keys of words the base does not use, with the keys of the base they
    /// may stand for ([`Index::query_in`]).
    pub paraphrased: Vec<(String, Vec<String>)>,
    /// Keys of verbs that make a phrasal verb with the word after them
    /// ("pulled out", "turn down"), with the keys of the base the phrase may
    /// stand for; matched besides the verb itself.
    pub phrasal: Vec<(String, Vec<String>)>,
    /// Keys of the question's words that are verbs or modifiers, never
    /// nouns ([`crate::text::lexicon::is_english_predicate`]: "react").
    pub predicates: Vec<String>,
    /// Keys of the question's words typed right before one of those verbs
    /// ("how did *Belgrade* describe"), or before "and" or "or" ("relations
    /// between *Moscow* and Belgrade"): a name there ends, a doer or one of
    /// two, not part of a longer name, whatever the keys after it.
    pub name_ends: Vec<String>,
    /// Keys of the question's words typed right after a preposition of place
    /// ("live *in Belgrade*"): where something is, or is counted.
    pub after_locative: Vec<String>,
    /// Keys of the words of a time clause ("*after the expulsion*"): when
    /// the answer happened, which the sentence that answers need not repeat
    /// if the entry says it elsewhere.
    pub context: Vec<String>,
    /// Whether the question asks something of its own beside its time
    /// clause (a word outside `context` that is not light), read once the
    /// query is final: then the clause's words count less towards a
    /// sentence's relevance ([`super::evidence::relevance`]).
    pub asks_beyond_context: bool,
    /// The English question's words the base does not know, each with its
    /// correction, if any, as [`Index::query_in`] read them: the rest of
    /// the parse reads the same words ([`Index::respell_in`]) without
    /// correcting them again.
    respellings: Vec<(String, Option<String>)>,
}

impl Query {
    /// A query of no words (what [`Query::default`] gives), for a static.
    pub const fn empty() -> Query {
        Query {
            keys: Vec::new(),
            alts: Vec::new(),
            light: Vec::new(),
            matched: Vec::new(),
            years: Vec::new(),
            respelled: Vec::new(),
            paraphrased: Vec::new(),
            phrasal: Vec::new(),
            predicates: Vec::new(),
            name_ends: Vec::new(),
            after_locative: Vec::new(),
            context: Vec::new(),
            asks_beyond_context: false,
            respellings: Vec::new(),
        }
    }

    /// Key a text written in `language`, setting years apart.
    pub fn parse(keyer: &Keyer, text: &str, language: Language) -> Query {
        Query::from_tokens(keyer.tokens(text, language))
    }

    /// A query of a text's tokens, setting years apart.
    fn from_tokens(tokens: Vec<crate::text::Token>) -> Query {
        let mut query = Query::default();
        for token in tokens {
            match year_of(&token.key) {
                Some(year) => query.years.push(year),
                None => {
                    query.keys.push(token.key);
                    query.alts.push(token.alts);
                    query.light.push(token.light);
                }
            }
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.years.is_empty()
    }

    /// Mark word `position` light (paraphrase-prone) or not.
    pub fn set_light(&mut self, position: usize, light: bool) {
        if let Some(slot) = self.light.get_mut(position) {
            *slot = light;
        }
    }

    /// Take word `position` out of the query (with its alternatives and matches).
    pub fn remove(&mut self, position: usize) {
        for list in [&mut self.keys as &mut dyn Removable, &mut self.alts, &mut self.light, &mut self.matched] {
            list.remove_at(position);
        }
    }

    /// Mark light every word of the query whose key is one of `keys`.
    pub fn mark_keys_light(&mut self, keys: &[String]) {
        for position in 0..self.keys.len() {
            if keys.contains(&self.keys[position]) {
                self.set_light(position, true);
            }
        }
    }

    /// Take every word keyed as one of `keys` out of the query.
    pub fn remove_keys(&mut self, keys: &[String]) {
        let mut position = 0;
        while position < self.keys.len() {
            if keys.contains(&self.keys[position]) {
                self.remove(position);
            } else {
                position += 1;
            }
        }
    }
}

/// A query word's matches: borrowed from the prepared query, or worked out.
pub(crate) enum Matches<'a> {
    Prepared(&'a [(String, f32)]),
    Computed(Vec<(&'a str, f32)>),
}

impl<'a> Matches<'a> {
    fn iter(&self) -> impl Iterator<Item = (&'a str, f32)> + '_ {
        let (prepared, computed) = match self {
            Matches::Prepared(list) => (Some(list.iter().map(|(stored, quality)| (stored.as_str(), *quality))), None),
            Matches::Computed(list) => (None, Some(list.iter().copied())),
        };
        prepared.into_iter().flatten().chain(computed.into_iter().flatten())
    }

    fn is_empty(&self) -> bool {
        match self {
            Matches::Prepared(list) => list.is_empty(),
            Matches::Computed(list) => list.is_empty(),
        }
    }
}

/// A text's words: its runs of alphanumeric characters.
pub(crate) fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Whether sorted `keys` hold `key`.
pub fn contains_key(keys: &[String], key: &str) -> bool {
    keys.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
}

/// The parallel vectors of a [`Query`], for removing one word from all of them.
trait Removable {
    fn remove_at(&mut self, position: usize);
}

impl<T> Removable for Vec<T> {
    fn remove_at(&mut self, position: usize) {
        if position < self.len() {
            self.remove(position);
        }
    }
}

/// "1876-78" as "1876-1878": a range of years whose end is written with its
/// last two digits, in the century of its start (and after it).
fn year_range_in_full(chunk: &str) -> Option<String> {
    let (start, end) = digit_range(chunk)?;
    let valid = start.len() == 4 && end.len() == 2;
    let full = format!("{}{end}", start.get(..2)?);
    (valid && full.as_str() > start).then(|| format!("{start}-{full}"))
}

/// The two ends of a range of numbers written with a hyphen or a dash
/// ("1876-78", "53–55"), punctuation around it aside; `None` unless both
/// ends are digits.
fn digit_range(chunk: &str) -> Option<(&str, &str)> {
    let chunk = chunk.trim_matches(|c: char| !c.is_ascii_digit());
    let (start, end) = chunk.split_once(['-', '–'])?;
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    (digits(start) && digits(end)).then_some((start, end))
}

/// Prepositions of place, folded ("in", Serbian "u", Russian "в"): the
/// name after one is where something is.
pub(crate) const LOCATIVES: &[&str] = &["in", "inside", "at", "u", "v", "vo"];

/// Serbian and Russian words for "itself" between a preposition of place
/// and the place, folded ("в *самом* Белграде", "u *samom* Beogradu").
const SELF_WORDS: &[&str] = &["samom", "samoj", "samoy", "samome"];

/// Conjunctions a name typed right before ends at: "between *Moscow* and
/// Belgrade" joins two names, not one ("Moscow Belgrade").
const NAME_ENDING_CONJUNCTIONS: &[&str] = &["and", "or", "nor", "i", "ili", "и", "или"];

/// Whether a typed word is an adverb of manner ("completely", "finally"),
/// which never continues a name: "between Moscow and Belgrade
/// *completely*" ends the name "Belgrade". Six letters at least, so that
/// "Italy" and "July" are not.
fn is_adverb(word: &str) -> bool {
    word.len() >= 6 && word.ends_with("ly")
}

/// Verbs the question's keys leave out as stopwords: a name typed right
/// before one is its doer ("how did the *Kremlin* take …"), as before any
/// other verb ([`Query::name_ends`]).
const VERB_STOPWORDS: &[&str] = &[
    "take", "took", "taken", "takes", "make", "made", "makes", "get", "got", "gets", "give", "gave", "gives", "say", "said", "says", "tell", "told",
    "know", "knew", "happen", "happened", "become", "became", "go", "went", "was", "were", "is", "are", "did", "does", "do", "has", "have", "had",
];

/// "90s" as the sources write it, "1990s": a decade of the 20th century
/// named by its last two digits (the 1930s to the 1990s; "20s" could be
/// the 1920s or the 2020s, so "00s" to "20s" are left as typed).
fn decade_in_full(word: &str) -> Option<String> {
    let digits = word.strip_suffix('s')?;
    let bytes = digits.as_bytes();
    (bytes.len() == 2 && (b'3'..=b'9').contains(&bytes[0]) && bytes[1] == b'0').then(|| format!("19{digits}s"))
}

/// A decade written out or with a Serbian or Russian case ending, as
/// [`decade_in_full`] writes it: "the twenties", "krajem dvadesetih",
/// "в двадцатых", "في العشرينيات" and "1920-ih", "1920-х", "60-ih" (or
/// "1920ih", without the hyphen). A decade written out is the 20th
/// century's, as these words are used ("the twenties" are the 1920s);
/// digits follow [`decade_in_full`]'s rule.
fn decade_in_other_words(folded: &str) -> Option<String> {
    // "1920ih", "1920kh": the ending typed without its hyphen.
    let digits_end = folded.bytes().take_while(u8::is_ascii_digit).count();
    let joined = (digits_end > 0 && digits_end < folded.len()).then(|| (&folded[..digits_end], &folded[digits_end..]));
    if let Some((digits, ending)) = folded.split_once(' ').or(joined) {
        let inflected = ["ih", "ikh", "kh", "e", "ie"].contains(&ending) && digits.ends_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
        return match (inflected, digits.len()) {
            (true, 4) => Some(format!("{digits}s")),
            (true, 2) => decade_in_full(&format!("{digits}s")),
            _ => None,
        };
    }
    let word = folded.strip_prefix("ال").unwrap_or(folded);
    DECADE_WORDS.iter().find(|(_, forms)| forms.contains(&word)).map(|(decade, _)| decade.to_string())
}

/// `text` with each decade written out or inflected ("krajem 1920-ih",
/// "в двадцатых") written as the index keys it ("1920s"); with it, when
/// there was none to write (the text is then as typed), its chunks folded
/// (each chunk is folded to be read, once).
fn decades_in_full(text: &str) -> (String, Option<Vec<String>>) {
    let folded: Vec<String> = text.split_whitespace().map(fold::fold_for_search).collect();
    if !folded.iter().any(|chunk| decade_in_other_words(chunk).is_some()) {
        return (text.to_string(), Some(folded));
    }
    let written = text.split_whitespace().zip(&folded).map(|(chunk, folded)| decade_in_other_words(folded).unwrap_or_else(|| chunk.to_string()));
    (written.collect::<Vec<_>>().join(" "), None)
}

/// The 20th century's decades in words, as folded: English, Serbian (Latin
/// and Cyrillic, in the genitive that "krajem", "tokom" and "od" take),
/// Russian (genitive and nominative plural) and Arabic.
const DECADE_WORDS: &[(&str, &[&str])] = &[
    ("1920s", &["twenties", "dvadesetih", "dvadesetikh", "dvadtsatykh", "dvadtsatye", "عشرينيات"]),
    ("1930s", &["thirties", "tridesetih", "tridesetikh", "tridtsatykh", "tridtsatye", "ثلاثينيات"]),
    ("1940s", &["forties", "cetrdesetih", "chetrdesetikh", "sorokovykh", "sorokovye", "اربعينيات"]),
    ("1950s", &["fifties", "pedesetih", "pedesetikh", "pyatidesyatykh", "pyatidesyatye", "خمسينيات"]),
    ("1960s", &["sixties", "sezdesetih", "shezdesetikh", "shestidesyatykh", "shestidesyatye", "ستينيات"]),
    ("1970s", &["seventies", "sedamdesetih", "sedamdesetikh", "semidesyatykh", "semidesyatye", "سبعينيات"]),
    ("1980s", &["eighties", "osamdesetih", "osamdesetikh", "vosmidesyatykh", "vosmidesyatye", "ثمانينيات"]),
    ("1990s", &["nineties", "devedesetih", "devedesetikh", "devyanostykh", "devyanostye", "تسعينيات"]),
];

/// A number in the plural that is not a decade ("29s" in "MiG-29s", not
/// "90s"): the number.
fn plural_number(word: &str) -> Option<&str> {
    let digits = word.strip_suffix('s')?;
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.ends_with('0')).then_some(digits)
}

/// Words after which a two-digit number is a year ("in 68"), as folded:
/// English, Serbian ("u 68", "od 48") and Russian ("в 68", "с 48").
const BEFORE_SHORT_YEARS: &[&str] = &[
    "in", "of", "since", "until", "from", "by", "after", "before",
    "u", "od", "do", "posle", "pre", "v", "vo", "s", "so",
];

/// A folded word with its first letter in upper case ("july" → "July").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The years `text` writes as words of their own ([`year_of`]).
pub fn years_in(text: &str) -> impl Iterator<Item = i32> + '_ {
    split_words(text).filter_map(year_of)
}

/// A four-digit year between 1000 and 2999.
pub fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|year| (1000..3000).contains(year))
}

/// The kinds of thing a party to an entry is.
const STATE_KINDS: &str = "country state nation power government side party";

/// Endings typed as they sound, each with the spellings it may stand for
/// ([`Index::spelt_as_it_sounds`]).
const SOUND_ALIKE_ENDINGS: &[(&str, &[&str])] = &[
    ("shun", &["tion", "sion", "ssion"]),
    ("shon", &["tion", "sion", "ssion"]),
    ("shen", &["tion", "sion", "ssion"]),
    ("air", &["are"]),
    ("aired", &["ared"]),
    // The plural of a noun in "-y" as if regular: "spys", "armys".
    ("ys", &["ies"]),
];

impl Index {
    /// Index every entry of a base.
    pub fn build(base: &FactBase, keyer: Keyer) -> Index {
        let mut index = Index { keyer, ..Index::default() };
        let mut weights: HashMap<String, HashMap<u32, f32>> = HashMap::default();
        let keyer = index.keyer.clone();
        let memo = std::cell::RefCell::new(crate::text::WordMemo::default());
        let keys_of = |text: &str| keyer.index_keys_memo(text, &mut memo.borrow_mut());
        let people_words: HashSet<String> = base.entries().iter().filter(|e| e.kind == Kind::Person).flat_map(|e| names_of(e).collect::<Vec<_>>()).flat_map(|n| keys_of(&n)).collect();
        let eras = era_names(base, &keyer, &keys_of, &people_words);
        // Keyed apart from the base's words: WordNet's words are not words of the base.
        let wordnet_keys = |text: &str| keyer.index_keys(text);
        for noun in crate::text::lexicon::english_kinds() {
            let kinds: HashSet<String> = noun.kinds.iter().flat_map(|kind| wordnet_keys(kind)).collect();
            index.kind_keys.extend(kinds.iter().cloned());
            for key in wordnet_keys(noun.noun) {
                let known = index.kinds.entry(key).or_default();
                known.0.extend(kinds.iter().cloned());
                known.1 |= noun.only_a_name;
            }
        }
        index.person_key = wordnet_keys("person").into_iter().next().unwrap_or_default();
        index.organisation_keys = wordnet_keys("organization");
        index.person_kind_keys = crate::text::lexicon::english_person_kinds().iter().flat_map(|noun| wordnet_keys(noun)).collect();
        index.latest_year = base.entries().iter().filter_map(|e| e.date.as_ref()).map(|date| date.last_year()).max();
        index.person_name_keys = people_words.clone();
        let abbreviations = abbreviations(base);
        for (doc_id, entry) in base.entries().iter().enumerate() {
            let doc_id = doc_id as u32;
            let mut doc = Doc { kind: Some(entry.kind), ..Doc::default() };
            let mut serbian_keys: Vec<(Vec<String>, f32)> = Vec::new();
            let mut add = |text: &str, weight: f32| add_keys(&mut weights, doc_id, &keys_of(text), weight);
            for name in names_of(entry) {
                add(&name, NAME);
                doc.names.push(keys_of(&name));
            }
            for name in &doc.names {
                index.name_keys.extend(name.iter().cloned());
            }
            add(&entry.id.replace('-', " "), ID);
            doc.names.push(keys_of(&entry.id.replace('-', " ")));
            for person in &entry.people {
                if let Some(person) = base.get(person) {
                    add(&person.title, PEOPLE);
                    person.aliases.iter().for_each(|alias| add(alias, PEOPLE));
                    doc.people.extend(std::iter::once(&person.title).chain(&person.aliases).flat_map(|name| keys_of(name)));
                    let serbian = serbian_name_keys(&keyer, person);
                    doc.people.extend(serbian.iter().cloned());
                    serbian_keys.push((serbian, PEOPLE));
                }
            }
            if entry.kind == Kind::Person {
                doc.people.extend(doc.names.iter().flatten().cloned());
                let serbian = serbian_name_keys(&keyer, entry);
                doc.people.extend(serbian.iter().cloned());
                serbian_keys.push((serbian, NAME));
            }
            index.count_spellings(entry);
            add(&entry.summary, SUMMARY);
            entry.roles.iter().for_each(|role| add(role, ROLE));
            entry.parties.iter().for_each(|party| add(party, SUMMARY));
            let era = base.period_of(entry).and_then(|period| eras.get(&period.id)).map_or(&[][..], Vec::as_slice);
            for (position, quote) in entry.quotes.iter().enumerate() {
                add(&quote.text, QUOTE);
                let initials = acronyms(&quote.text).join(" ");
                add(&initials, QUOTE);
                let spelled_out = abbreviations_spelled_out(&abbreviations, &quote.text);
                add(&spelled_out, QUOTE);
                let mut keys = keys_of(&quote.text);
                keys.extend(keys_of(&initials));
                keys.extend(keys_of(&spelled_out));
                keys.sort();
                keys.dedup();
                for key in &keys {
                    index.quote_postings.entry(key.clone()).or_default().push((doc_id, position as u32));
                }
                doc.quotes.push(keys);
                let source_title = base.source(quote.source).map_or("", |source| source.title.as_str());
                let mut setting = keys_of(&format!("{source_title} {}", quote.section));
                setting.extend(era.iter().cloned());
                setting.sort();
                setting.dedup();
                doc.settings.push(setting);
                doc.antecedents.push(if refers_back(&quote.text) { quote_before(entry, position) } else { None });
            }
            for (keys, weight) in serbian_keys {
                add_keys(&mut weights, doc_id, &keys, weight);
            }
            index.index_date(doc_id, entry);
            index.docs.push(doc);
        }
        let mut capitalised: HashMap<String, (u32, u32)> = HashMap::default();
        for entry in base.entries() {
            for text in entry.quotes.iter().map(|q| q.text.as_str()).chain(std::iter::once(entry.summary.as_str())) {
                count_capitalised(&keyer, text, &mut capitalised, &mut memo.borrow_mut());
            }
        }
        index.proper = capitalised.into_iter().filter(|(_, (upper, lower))| *upper > 0 && *lower == 0).map(|(key, _)| key).collect();
        for quote in base.entries().iter().flat_map(|e| &e.quotes) {
            index.proper.extend(acronyms(&quote.text).iter().flat_map(|initials| keys_of(initials)));
        }
        // A name keyed as one ("franz iosef", of "Franz Joseph") is proper when each of its words is.
        let joined: Vec<String> = weights.keys().filter(|key| key.contains(' ') && key.split(' ').all(|part| index.proper.contains(part))).cloned().collect();
        index.proper.extend(joined);
        let party_keys: HashSet<String> = base.entries().iter().flat_map(|e| &e.parties).flat_map(|party| keys_of(party)).collect();
        // A party to an entry is a state, whatever WordNet (of 2006) knew it as ("Serbia": a region).
        let state_kinds: HashSet<String> = keyer.index_keys(STATE_KINDS).into_iter().collect();
        for key in &party_keys {
            let known = index.kinds.entry(key.clone()).or_default();
            known.0.extend(state_kinds.iter().cloned());
            known.1 = false;
        }
        index.title_words = crate::text::lexicon::english_capitals()
            .iter()
            .flat_map(|word| keys_of(word))
            .filter(|key| index.proper.contains(key) && !party_keys.contains(key))
            .collect();
        index.party_keys = party_keys;
        let total = index.docs.len().max(1) as f32;
        for (key, docs) in weights {
            let mut list: Vec<(u32, f32)> = docs.into_iter().collect();
            list.sort_by_key(|(doc, _)| *doc);
            let idf = (1.0 + total / list.len() as f32).ln();
            index.max_idf = index.max_idf.max(idf);
            index.idf.insert(key.clone(), idf);
            if (4..=MAX_TYPO_LENGTH + 1).contains(&key.chars().count()) {
                for_each_deletion(&key, |deletion| index.deletions.entry(deletion.to_string()).or_default().push(key.clone()));
            }
            index.sorted_keys.insert(key.clone(), ());
            index.postings.insert(key, list);
        }
        index.index_spellings();
        let rare = index.max_idf * 0.5;
        index.person_keys = index.person_name_keys.iter().filter(|k| index.idf.get(*k).is_some_and(|idf| *idf >= rare)).cloned().collect();
        index.add_people_quoted();
        index.ordinal_keys = index.keyer.index_keys(ORDINALS);
        for doc in &mut index.docs {
            doc.name_ordinals = doc.names.iter().flatten().filter(|k| index.ordinal_keys.contains(k)).cloned().collect();
        }
        index.intern_keys();
        index.words = memo.into_inner();
        index.words.add_lowercase();
        index.keyer.finish_memo(&mut index.words);
        index.key_quote_words(base);
        index
    }

    /// Key every quote's words one by one, once ([`Index::quote_words`]),
    /// and keep every word of the base with its keys ([`Index::known_word_keys`]).
    fn key_quote_words(&mut self, base: &FactBase) {
        let mut memo: HashMap<String, Vec<String>> = HashMap::default();
        for entry in base.entries() {
            let texts = entry.quotes.iter().map(|q| q.text.as_str()).chain([entry.summary.as_str(), entry.title.as_str()]).chain(entry.aliases.iter().map(String::as_str));
            for word in texts.flat_map(split_words) {
                if !memo.contains_key(word) {
                    memo.insert(word.to_string(), self.word_keys(word));
                }
            }
        }
        self.word_key_memo = memo;
        let words: Vec<(Vec<Vec<String>>, Vec<String>)> =
            base.entries().iter().map(|entry| (entry.quotes.iter().map(|quote| self.text_words(&quote.text)).collect(), self.text_words(&entry.summary))).collect();
        for (doc, (quote_words, summary_words)) in self.docs.iter_mut().zip(words) {
            doc.quote_words = quote_words;
            doc.summary_words = summary_words;
        }
    }

    /// The keys of `text`'s words, each word keyed alone ([`Index::word_keys`];
    /// words split at every character that is not alphanumeric), sorted and
    /// deduplicated.
    pub fn text_words(&self, text: &str) -> Vec<String> {
        self.text_word_keys(text).into_iter().map(std::borrow::Cow::into_owned).collect()
    }

    /// [`Index::text_words`] without copies: the keys of the base's words
    /// borrowed from the build's memo, a word it does not hold keyed now.
    pub fn text_word_keys(&self, text: &str) -> Vec<std::borrow::Cow<'_, str>> {
        let mut keys: Vec<std::borrow::Cow<'_, str>> = Vec::new();
        for word in split_words(text) {
            match self.word_key_memo.get(word) {
                Some(known) => keys.extend(known.iter().map(|key| std::borrow::Cow::Borrowed(key.as_str()))),
                None => keys.extend(self.word_keys(word).into_iter().map(std::borrow::Cow::Owned)),
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// [`Index::word_keys`] of one word (as [`split_words`] splits), from
    /// the build's memo of the base's words when it holds it.
    pub fn known_word_keys(&self, word: &str) -> Vec<String> {
        self.word_key_memo.get(word).cloned().unwrap_or_else(|| self.word_keys(word))
    }

    /// [`Index::text_words`] of quote `position` of `doc`, keyed when the
    /// index was built; `None` for a quote the index does not hold.
    pub fn quote_words(&self, doc: usize, position: usize) -> Option<&[String]> {
        self.docs.get(doc)?.quote_words.get(position).map(Vec::as_slice)
    }

    /// [`Index::text_words`] of the summary of `doc`, keyed when the index
    /// was built; `None` for an entry the index does not hold.
    pub fn summary_words(&self, doc: usize) -> Option<&[String]> {
        self.docs.get(doc).map(|d| d.summary_words.as_slice())
    }

    /// Give every key of the entries' names and quotes its id, and keep
    /// the names and quotes as ids too ([`Index::key_ids`]).
    fn intern_keys(&mut self) {
        let ids = &mut self.key_ids;
        let mut intern = |key: &String| -> u32 {
            let next = ids.len() as u32;
            *ids.entry(key.clone()).or_insert(next)
        };
        for doc in &mut self.docs {
            doc.name_ids = doc.names.iter().map(|name| name.iter().map(&mut intern).collect()).collect();
            doc.name_id_set = doc.name_ids.iter().flatten().copied().collect();
            doc.name_id_set.sort_unstable();
            doc.name_id_set.dedup();
            doc.quote_ids = doc
                .quotes
                .iter()
                .map(|keys| {
                    let mut ids: Vec<u32> = keys.iter().map(&mut intern).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                })
                .collect();
        }
    }

    /// Whether `key` is what the synonyms make of their group's members.
    pub fn is_synonym_key(&self, key: &str) -> bool {
        self.keyer.synonyms().is_canonical(key)
    }

    /// [`Keyer::tokens`], reading the words of the base from the build's memo.
    pub fn tokens(&self, text: &str, language: Language) -> Vec<crate::text::Token> {
        self.keyer.tokens_known(text, language, &self.words)
    }

    /// [`Index::tokens`] of one word, borrowed from the build's memo when it
    /// holds the word (English), keyed now otherwise: for callers that only
    /// read the tokens.
    pub fn word_tokens(&self, word: &str, language: Language) -> std::borrow::Cow<'_, [crate::text::Token]> {
        match self.words.word_tokens(word).filter(|_| language == Language::En) {
            Some(tokens) => std::borrow::Cow::Borrowed(tokens),
            None => std::borrow::Cow::Owned(self.tokens(word, language)),
        }
    }

    /// The index keys of a text from the base (a quote's word, a title), as
    /// [`Keyer::index_keys`] gives them, reading known words' tokens from
    /// the build's memo.
    pub fn word_keys(&self, text: &str) -> Vec<String> {
        self.keyer.index_keys_known(text, &self.words)
    }

    /// The keys of one lowercase `word` read in `language`, each with its
    /// alternatives ("москва": its transliteration's key and its English
    /// stem's), as a question in that language keys it.
    pub fn word_keys_in(&self, word: &str, language: Language) -> Vec<String> {
        self.word_tokens(word, language).iter().flat_map(|t| std::iter::once(t.key.clone()).chain(t.alts.iter().cloned())).collect()
    }

    /// The keys of the ordinal words ("first", "second", …, "tenth").
    pub fn ordinal_keys(&self) -> &[String] {
        &self.ordinal_keys
    }

    /// The keys of an entry's names that are ordinals ([`Index::ordinal_keys`]),
    /// found once when the index is built.
    pub fn name_ordinals(&self, doc: usize) -> &[String] {
        self.docs.get(doc).map_or(&[], |d| d.name_ordinals.as_slice())
    }

    /// Record which years an entry is dated in (see [`HistDate::year_match`]).
    fn index_date(&mut self, doc: u32, entry: &Entry) {
        let Some(date) = &entry.date else { return };
        let (first, last) = (date.first_year(), date.last_year().min(date.first_year().saturating_add(200)));
        let broad = last - first > 10 || date.points().iter().any(|p| p.precision <= crate::facts::date::Precision::Decade);
        if broad && date.year_match(first) != YearMatch::Exact {
            self.broad.push((doc, first, date.last_year()));
        }
        for year in first..=last {
            let fit = match date.year_match(year) {
                YearMatch::Exact => 1.0,
                YearMatch::Within => 0.6,
                YearMatch::Broad | YearMatch::None => continue,
            };
            self.years.entry(year).or_default().push((doc, fit));
        }
    }

    /// How this index turns text into keys.
    pub fn keyer(&self) -> &Keyer {
        &self.keyer
    }

    /// Whether entry `doc` has query word `position` in any field (names,
    /// people, summary, roles, quotes), directly or by a close match.
    pub fn covers(&self, doc: usize, query: &Query, position: usize) -> bool {
        self.matches_of(query, position)
            .iter()
            .any(|(stored, _)| self.postings.get(stored).is_some_and(|list| list.binary_search_by_key(&(doc as u32), |(d, _)| *d).is_ok()))
    }

    /// Whether query word `position` belongs to the question's time clause
    /// ([`Query::context`]: "after the expulsion") and entry `doc` says it
    /// anywhere: the sentence that answers need not repeat it.
    pub fn held_by_context(&self, doc: usize, query: &Query, position: usize) -> bool {
        query.keys.get(position).is_some_and(|key| query.context.contains(key)) && self.covers(doc, query, position)
    }

    /// Whether entry `doc` has query word `position` itself (not only a
    /// typo-corrected, prefix or variant match of it).
    pub fn covers_exactly(&self, doc: usize, query: &Query, position: usize) -> bool {
        self.matches_of(query, position).iter().filter(|(_, quality)| *quality >= EXACT).any(|(stored, _)| {
            self.postings.get(stored).is_some_and(|list| list.binary_search_by_key(&(doc as u32), |(d, _)| *d).is_ok())
        })
    }

    /// Whether the base knows query word `position` at all.
    pub fn knows(&self, query: &Query, position: usize) -> bool {
        !self.matches_of(query, position).is_empty()
    }

    /// How much query word `position` says: the idf of its best match, or
    /// the largest idf for a word the base has never seen.
    pub fn weight(&self, query: &Query, position: usize) -> f32 {
        self.matches_of(query, position)
            .iter()
            .filter_map(|(stored, _)| self.idf.get(stored))
            .fold(None, |best: Option<f32>, idf| Some(best.map_or(*idf, |b| b.max(*idf))))
            .unwrap_or(self.max_idf)
    }

    /// The idf of index key `key` (the largest, for a key the base never uses).
    pub fn key_idf(&self, key: &str) -> f32 {
        self.idf.get(key).copied().unwrap_or(self.max_idf)
    }

    /// The largest idf of any key: how rare a word found in one entry is.
    pub fn max_idf(&self) -> f32 {
        self.max_idf
    }

    /// The index keys query word `position` matches (for quote evidence).
    pub fn stored_matches<'a>(&'a self, query: &'a Query, position: usize) -> Vec<&'a str> {
        self.matches_of(query, position).iter().map(|(stored, _)| stored).collect()
    }

    /// Whether query word `position` matches one of sorted `keys` (a quote's keys).
    pub fn word_in(&self, query: &Query, position: usize, keys: &[String]) -> bool {
        self.matches_of(query, position).iter().any(|(stored, _)| contains_key(keys, stored))
    }

    /// Whether the base uses index key `key` anywhere.
    pub fn has_key(&self, key: &str) -> bool {
        self.postings.contains_key(key)
    }

    /// The keys the question's words match, and every name key of each
    /// person it names by one of their names: "Titu" keys as "tit", matches
    /// "tito", and names all of "Josip Broz Tito".
    pub fn people_the_query_names(&self, query: &Query) -> HashSet<String> {
        let matched = self.matched_keys(query);
        let mut named: HashSet<String> = self.names_of_people_named(&matched).into_iter().cloned().collect();
        for doc in self.people_named_by_a_word(&matched) {
            named.extend(self.name_keys_iter(doc).cloned());
        }
        named.extend(matched);
        named.extend(query.keys.iter().cloned());
        named
    }

    /// The people a word of the question names, a word of one person's
    /// name only ("Tito", keyed "tit" in Serbian; "Rodofinikin" without
    /// "Konstantin"); "Obrenović", of three, names none of them.
    fn people_named_by_a_word(&self, matched: &[String]) -> Vec<usize> {
        let person = |doc: usize| self.docs.get(doc).is_some_and(|d| d.kind == Some(crate::facts::Kind::Person));
        let mut named = Vec::new();
        for key in matched.iter().filter(|key| self.is_personal_name_key(key)) {
            let people: Vec<usize> = self.postings.get(key.as_str()).into_iter().flatten().filter(|(_, weight)| *weight >= NAME).map(|(doc, _)| *doc as usize).filter(|&doc| person(doc)).collect();
            if let [only] = people[..] {
                named.push(only);
            }
        }
        named
    }

    /// Whether the question names person `doc`: by one of their names in
    /// full, or by a word of their name no one else has.
    pub fn query_names_person(&self, doc: usize, query: &Query) -> bool {
        if self.name_hit(doc, &query.keys) {
            return true;
        }
        self.people_named_by_a_word(&self.matched_keys(query)).contains(&doc)
    }

    /// The index keys the question's words match, word by word.
    pub(crate) fn matched_keys(&self, query: &Query) -> Vec<String> {
        (0..query.keys.len()).flat_map(|position| self.stored_matches(query, position)).map(str::to_string).collect()
    }

    /// Whether query word `position` matches index key `key`.
    pub fn word_is(&self, query: &Query, position: usize, key: &str) -> bool {
        self.matches_of(query, position).iter().any(|(stored, _)| stored == key)
    }

    /// The keys of the quote that quote `position` of `doc` refers back to,
    /// if it opens by referring back (see [`refers_back`]).
    pub fn antecedent_keys(&self, doc: usize, position: usize) -> &[String] {
        let Some(d) = self.docs.get(doc) else { return &[] };
        d.antecedents.get(position).copied().flatten().and_then(|p| d.quotes.get(p)).map_or(&[], Vec::as_slice)
    }

    /// The quote that quote `position` of `doc` refers back to, if it opens
    /// by referring back (see [`refers_back`]).
    pub fn antecedent_of(&self, doc: usize, position: usize) -> Option<usize> {
        self.docs.get(doc)?.antecedents.get(position).copied().flatten()
    }

    /// Each quote's sorted keys, in the entry's quote order.
    pub fn quote_keys(&self, doc: usize) -> &[Vec<String>] {
        self.docs.get(doc).map_or(&[], |d| d.quotes.as_slice())
    }

    /// Whether query word `position` is a name (of a person, place or
    /// organisation) as the sources write it.
    pub fn is_proper(&self, query: &Query, position: usize) -> bool {
        // "Milosevic", "nikolic" (a Serbian word keeps its "-ić"), "vasenk"
        // (its stemmer cuts the "-o"): a name's key that begins the query's
        // word, or that it begins, by five letters or more, is that name.
        let key = query.keys.get(position).map(String::as_str).unwrap_or_default();
        let extends = |stored: &str| stored.chars().count().min(key.chars().count()) >= 5 && (key.starts_with(stored) || stored.starts_with(key));
        self.matches_of(query, position).iter().any(|(stored, quality)| (quality >= ONE_EDIT || quality >= PREFIX && extends(stored)) && self.proper.contains(stored))
    }

    /// Whether query word `position` is a proper word that is a common
    /// English word too ("King" of "King Peter"): see `title_words`.
    pub fn is_title_word(&self, query: &Query, position: usize) -> bool {
        query.keys.get(position).is_some_and(|key| self.is_title_key(key))
    }

    /// [`Index::is_title_word`] for a key.
    pub fn is_title_key(&self, key: &str) -> bool {
        self.title_words.contains(key)
    }

    /// The weight of the question's words found together in the entry's best quote.
    pub fn best_quote_weight(&self, doc: usize, query: &Query) -> f32 {
        let Some(quotes) = self.docs.get(doc).map(|d| &d.quotes) else { return 0.0 };
        let words: Vec<(Vec<&str>, f32)> = (0..query.keys.len()).map(|w| (self.stored_matches(query, w), self.weight(query, w))).collect();
        quotes
            .iter()
            .map(|keys| words.iter().filter(|(stored, _)| stored.iter().any(|s| contains_key(keys, s))).map(|(_, weight)| weight).sum::<f32>())
            .fold(0.0, f32::max)
    }

    /// The keys of all an entry's names.
    pub fn name_keys(&self, doc: usize) -> Vec<String> {
        self.docs.get(doc).map(|d| d.names.iter().flatten().cloned().collect()).unwrap_or_default()
    }

    /// The keys of all an entry's names, without copying them.
    pub fn name_keys_iter(&self, doc: usize) -> impl Iterator<Item = &String> + '_ {
        self.docs.get(doc).into_iter().flat_map(|d| d.names.iter().flatten())
    }

    /// The name keys of every person the question names by one of their
    /// names (`query`, keyed): all of "Josip Broz Tito" for "tito".
    pub fn names_of_people_named(&self, query: &[String]) -> HashSet<&String> {
        // Only people with a name word among the question's may be named by it.
        let person = |doc: usize| self.docs.get(doc).is_some_and(|d| d.kind == Some(crate::facts::Kind::Person));
        let mut people: Vec<usize> = query.iter().filter_map(|key| self.postings.get(key.as_str())).flatten().filter(|(_, weight)| *weight >= NAME).map(|(doc, _)| *doc as usize).filter(|&doc| person(doc)).collect();
        people.sort_unstable();
        people.dedup();
        people.into_iter().filter(|&doc| self.name_hit(doc, query)).flat_map(|doc| self.name_keys_iter(doc)).collect()
    }

    /// Whether index key `key` is in one of the entry's names or the names
    /// of the people it involves.
    pub fn identity_has_key(&self, doc: usize, key: &str) -> bool {
        self.name_keys_iter(doc).any(|n| n == key) || self.people_keys(doc).iter().any(|p| p == key)
    }

    /// Whether the base writes `first second` (folded) as two capitalised
    /// words one after the other, as in a name ("warsaw pact").
    pub fn is_name_bigram(&self, first: &str, second: &str) -> bool {
        self.name_bigrams.contains(&format!("{first} {second}"))
    }

    /// Whether folded words `first` "and" `second` are written so in an
    /// entry's name ("friendship and non-aggression"): one name, not two
    /// things a question joins.
    pub fn joins_one_name(&self, first: &str, second: &str) -> bool {
        let second = second.split('-').next().unwrap_or(second);
        self.names_joined_by_and.contains(&format!("{first} {second}"))
    }

    /// Whether an English word is a modifier, not a verb's form, that the
    /// sources only ever write capitalised ("the Russian *Orthodox*
    /// Church"): a word of a name, not what happened.
    pub fn is_capitalised_modifier(&self, folded: &str, language: Language) -> bool {
        !folded.ends_with("ed") && !folded.ends_with("ing") && crate::text::lexicon::is_english_predicate(folded) && self.word_tokens(folded, language).iter().any(|t| self.is_proper_key(&t.key))
    }

    /// Whether an index key is only ever written capitalised (a name).
    pub fn is_proper_key(&self, key: &str) -> bool {
        self.proper.contains(key)
    }

    /// Whether a key names a state a party to some entry is, and so its
    /// people ("Serbia", "Serbs", "Serbian"), as a name: not "government".
    pub fn is_state_key(&self, key: &str) -> bool {
        self.party_keys.contains(key) && self.proper.contains(key)
    }

    /// Whether a key is a word of some person's name that is not also a
    /// title or a common noun ("Broz", "Tito"; not "President", "King",
    /// "Serbian").
    pub fn is_personal_name_key(&self, key: &str) -> bool {
        self.person_name_keys.contains(key) && !self.title_words.contains(key) && self.kinds.get(key).is_none_or(|(_, only_a_name)| *only_a_name)
    }

    /// Whether a key is a word of some person's name, a title or not ("Peter").
    pub fn is_person_name_key(&self, key: &str) -> bool {
        self.person_name_keys.contains(key)
    }

    /// Whether a key is part of some person's name.
    pub fn is_person_key(&self, key: &str) -> bool {
        self.person_keys.contains(key)
    }

    /// The keys of the people an entry involves.
    pub fn people_keys(&self, doc: usize) -> &[String] {
        self.docs.get(doc).map_or(&[], |d| d.people.as_slice())
    }

    /// The keys of the people the entry's file lists (a treaty's
    /// signatories), not those only its quotes name.
    pub fn listed_people_keys(&self, doc: usize) -> &[String] {
        self.docs.get(doc).map_or(&[], |d| d.people.get(..d.listed_people).unwrap_or(&d.people))
    }

    /// Whether query word `position` is part of one of the entry's names.
    pub fn in_name(&self, doc: usize, query: &Query, position: usize) -> bool {
        let Some(d) = self.docs.get(doc) else { return false };
        d.names.iter().flatten().any(|key| self.word_is(query, position, key))
    }

    /// Whether query word `position` is in one of the entry's names or the
    /// names of the people it involves: the entry's identity, whatever its
    /// quotes say.
    pub fn in_names_or_people(&self, doc: usize, query: &Query, position: usize) -> bool {
        self.in_name(doc, query, position) || self.people_keys(doc).iter().any(|k| self.word_is(query, position, k))
    }

    /// Whether key `kind` is a kind of thing some noun of the sources is.
    pub fn is_kind(&self, kind: &str) -> bool {
        self.kind_keys.contains(kind)
    }

    /// The key of "person", the kind every kind of person is.
    pub fn person_key(&self) -> &str {
        &self.person_key
    }

    /// The latest year any entry's date reaches: the sources' present.
    pub fn latest_year(&self) -> Option<i32> {
        self.latest_year
    }

    /// Whether key `kind` asks for a person: "person" itself, or a noun
    /// that usually means a kind of person ("sultan", "journalist").
    pub fn is_person_kind(&self, kind: &str) -> bool {
        kind == self.person_key || self.person_kind_keys.contains(kind)
    }

    /// Whether index key `key` is a noun WordNet makes an organisation ("party").
    pub fn is_an_organisation(&self, key: &str) -> bool {
        self.organisation_keys.iter().any(|kind| self.is_a_kind_of(key, kind))
    }

    /// Whether index key `key` is a noun of kind `kind` ("Russian" of "language").
    pub fn is_a_kind_of(&self, key: &str, kind: &str) -> bool {
        self.kinds.get(key).is_some_and(|(kinds, _)| kinds.contains(kind))
    }

    /// Whether a capitalised word of a quote (its key `key`) may name a
    /// thing of kind `kind` though WordNet does not say so: not a word of
    /// the question, not a title word, not a noun WordNet knows as other
    /// kinds ("Moscow" is no language, the "Conference" of "Genoa
    /// Conference" no post), not a word the sources also write in lower
    /// case ("United": "unit"), and not a person's name unless a person (or
    /// a kind no noun of the sources is, "statesman") is asked for; a
    /// person's name that is not a party's always may name a kind of person.
    pub fn may_name_a(&self, key: &str, kind: &str, query: &Query) -> bool {
        if query.keys.iter().any(|k| k == key) {
            return false;
        }
        let person_name = self.person_name_keys.contains(key);
        // "Peter" of "Peter I" names a person, though WordNet knows it as a
        // noun too (but "Serbia" of "Peter I of Serbia" is a state).
        if person_name && self.is_person_kind(kind) && !self.party_keys.contains(key) {
            return true;
        }
        // A word the sources also write in lower case ("United" of "the
        // United States": "unit") is a common word, not a name.
        if self.title_words.contains(key) || self.kinds.contains_key(key) || !self.proper.contains(key) {
            return false;
        }
        !person_name || self.is_a_kind_of(kind, &self.person_key) || !self.kinds.contains_key(kind)
    }

    /// Whether query word `position` is a name that stands for another
    /// ("Moscow" for the Soviet government: "when did Moscow recognise…")
    /// and that other is in the entry's names, its people, or one of its
    /// quotes at `quotes`.
    pub fn held_by_metonym(&self, doc: usize, query: &Query, position: usize, quotes: &[usize]) -> bool {
        let Some(key) = query.keys.get(position) else { return false };
        let meanings = self.keyer.stands_for(key);
        // "The Moscow Declaration" names a thing: a capital followed by a
        // word of the base that is not light is part of a name, not a
        // government, unless that word is a verb ("how did Belgrade react").
        let names_a_thing = !query.name_ends.contains(key)
            && query.light.get(position + 1).is_some_and(|light| !light)
            && self.knows(query, position + 1)
            && query.keys.get(position + 1).is_some_and(|next| !query.predicates.contains(next));
        if meanings.is_empty() || names_a_thing {
            return false;
        }
        let Some(d) = self.docs.get(doc) else { return false };
        let in_identity = |meaning: &Vec<String>| meaning.iter().all(|k| self.identity_has_key(doc, k));
        let in_quote = |meaning: &Vec<String>| quotes.iter().filter_map(|&q| d.quotes.get(q)).any(|keys| meaning.iter().all(|k| contains_key(keys, k)));
        meanings.iter().any(|meaning| in_identity(meaning) || in_quote(meaning))
    }

    /// Whether query word `position` is a name held by the setting of one of
    /// the entry's quotes at `quotes`: the title of the source it is from
    /// ("Russia–Serbia relations") or the heading of its section. Every
    /// sentence of an article on Russia and Serbia is about them, whether or
    /// not it repeats their names ("the road Wrangel's men built *in Serbia*").
    pub fn held_by_setting(&self, doc: usize, query: &Query, position: usize, quotes: &[usize]) -> bool {
        let Some(d) = self.docs.get(doc) else { return false };
        self.is_proper(query, position) && quotes.iter().filter_map(|&q| d.settings.get(q)).any(|keys| self.word_in(query, position, keys))
    }

    /// Entries dated in `year`, with how well they fit it.
    pub fn year_fits(&self, year: i32) -> impl Iterator<Item = (u32, f32)> + '_ {
        let broad = self.broad.iter().filter(move |(_, first, last)| (*first..=*last).contains(&year)).map(|(doc, _, _)| (*doc, BROAD_YEAR));
        self.years.get(&year).into_iter().flatten().copied().chain(broad)
    }

    /// The people an entry's quotes name count among the people it
    /// involves, whether or not its file lists them ("Karađorđe refused the
    /// proposition…" makes him part of the alliance of 1807).
    fn add_people_quoted(&mut self) {
        let person_keys = &self.person_keys;
        for doc in &mut self.docs {
            doc.listed_people = doc.people.len();
            let quoted: Vec<String> = doc.quotes.iter().flatten().filter(|k| person_keys.contains(*k) && !doc.people.contains(k)).cloned().collect();
            for key in quoted {
                if !doc.people.contains(&key) {
                    doc.people.push(key);
                }
            }
        }
    }

    /// Remember how `entry` spells its words (each word once per entry).
    fn count_spellings(&mut self, entry: &Entry) {
        let texts = names_of(entry).chain(std::iter::once(entry.summary.clone())).chain(entry.quotes.iter().map(|q| q.text.clone()));
        let mut words: HashSet<String> = HashSet::default();
        for text in texts {
            words.extend(fold::fold_for_search(&text).split(' ').filter(|w| is_spelling(w)).map(str::to_string));
        }
        for word in words {
            *self.spellings.entry(word).or_insert(0) += 1;
        }
        for name in names_of(entry) {
            self.name_bigrams.extend(capitalised_pairs(&name));
            self.names_joined_by_and.extend(joined_by_and(&name));
        }
        for quote in &entry.quotes {
            self.name_bigrams.extend(capitalised_pairs(&quote.text));
        }
    }

    /// Build the deletion neighbourhood of the spellings and of the
    /// vocabulary the lists add to them.
    fn index_spellings(&mut self) {
        let mut listed: Vec<String> = self.keyer.synonyms().english_words().to_vec();
        listed.extend(crate::text::lexicon::known_english_words().map(str::to_string));
        self.vocabulary = listed.into_iter().filter(|word| is_spelling(word) && !self.spellings.contains_key(word)).collect();
        for word in self.spellings.keys().chain(&self.vocabulary) {
            // Four-letter words too, for the inner slips of four-letter words ("raod").
            if (MIN_TYPO_LENGTH - 1..=MAX_TYPO_LENGTH + 1).contains(&word.chars().count()) {
                let position = self.deleted_from.len() as u32;
                self.deleted_from.push(word.clone());
                for_each_deletion(word, |deletion| self.spelling_deletions.entry(deletion.to_string()).or_default().push(position));
            }
        }
    }

    /// The spelling the base uses for a word it does not know, one edit
    /// away (a letter missing, extra, wrong, or two swapped) and starting
    /// with the same letter: the most used one, else a word of its lists
    /// (`vocabulary`: "killd" is "kill"). `None` for a word the base
    /// spells this way, a real English word
    /// ([`crate::text::lexicon::is_english_word`]), or one too short to tell.
    ///
    /// A doubled letter typed once or a letter typed twice ("masing" for
    /// "massing", "kinng" for "king") is the likeliest slip, so such a
    /// spelling wins over a more used one ("making"), and it is the only
    /// correction tried for a four-letter word ("agre").
    pub fn respell(&self, word: &str) -> Option<&str> {
        let length = word.chars().count();
        if !(MIN_TYPO_LENGTH - 1..=MAX_TYPO_LENGTH).contains(&length) || !is_spelling(word) || self.spellings.contains_key(word) || self.vocabulary.contains(word) || crate::text::lexicon::is_english_word(word) {
            return None;
        }
        if let Some(spelt) = self.spelt_as_it_sounds(word) {
            return Some(spelt);
        }
        let mut candidates: Vec<&str> = self.spellings_deleted_to(word).collect();
        // A word too short for other slips is only corrected for a doubling
        // (below): a spelling one letter shorter is one only when the word
        // has a doubled letter, and one of the same length never is.
        let only_doubling = length < MIN_TYPO_LENGTH;
        if only_doubling && !word.as_bytes().windows(2).any(|pair| pair[0] == pair[1]) {
            // A spelling of the base one inner slip away goes before a
            // doubling only the lists know ("pary": "party", not "parry").
            let doubled = self.best_correction(word, length, candidates);
            return match doubled {
                Some(spelling) if self.spellings.contains_key(spelling) => Some(spelling),
                _ => self.inner_slip_correction(word).or(doubled),
            };
        }
        candidates.extend(self.spellings_of_deletions(word));
        self.best_correction(word, length, candidates)
    }

    /// A four-letter word with two inner letters swapped ("raod") or one
    /// inner letter missing ("trde"): the one spelling of the base that
    /// differs from it so, keeping its first and last letters. Any other
    /// slip in a word this short could be many words.
    fn inner_slip_correction(&self, word: &str) -> Option<&str> {
        if word.chars().count() != MIN_TYPO_LENGTH - 1 {
            return None;
        }
        let mut candidates: Vec<&str> = self.spellings_deleted_to(word).chain(self.spellings_of_deletions(word)).filter(|candidate| inner_slip(word, candidate)).collect();
        candidates.sort_unstable();
        candidates.dedup();
        // Of several, the one spelling the base uses ("pary": "party", not the lists' "parry").
        let used: Vec<&str> = candidates.iter().copied().filter(|candidate| self.spellings.contains_key(*candidate)).collect();
        match (candidates.as_slice(), used.as_slice()) {
            ([only], _) | (_, [only]) => Some(only),
            _ => None,
        }
    }

    /// The spellings and listed words that `deletion` is one of the deletions of.
    fn spellings_deleted_to<'a>(&'a self, deletion: &str) -> impl Iterator<Item = &'a str> + 'a {
        let positions = self.spelling_deletions.get(deletion).map_or(&[][..], Vec::as_slice);
        positions.iter().filter_map(|&position| self.deleted_from.get(position as usize)).map(String::as_str)
    }

    /// The spellings and listed words that share a deletion with `word`
    /// (the candidates one edit away, besides those `word` is a deletion of).
    fn spellings_of_deletions(&self, word: &str) -> Vec<&str> {
        let mut candidates = Vec::new();
        for_each_deletion(word, |deletion| {
            if let Some((stored, _)) = self.spellings.get_key_value(deletion) {
                candidates.push(stored.as_str());
            }
            if let Some(listed) = self.vocabulary.get(deletion) {
                candidates.push(listed.as_str());
            }
            candidates.extend(self.spellings_deleted_to(deletion));
        });
        candidates
    }

    /// A word the base does not use, typed for the second word of a name
    /// whose first word comes right before it ("austria *hungry*" is
    /// Austria-Hungary, "warsaw *pakt*" the Warsaw Pact): the base's word one
    /// edit away, with the same first letter, that it writes after `before`
    /// in a name ([`Index::name_bigrams`]). Read beside the name, a real
    /// English word or one too short for [`Index::respell`] is still a slip.
    fn respell_in_name(&self, before: &str, word: &str) -> Option<&str> {
        if word.chars().count() < MIN_TYPO_LENGTH - 1 || !is_spelling(word) {
            return None;
        }
        let head = format!("{before} ");
        self.name_bigrams
            .range(head.clone()..)
            .take_while(|pair| pair.starts_with(&head))
            .map(|pair| &pair[head.len()..])
            .find(|second| second.bytes().next() == word.bytes().next() && fold::edit_distance_within(word, second, 1) <= 1)
    }

    /// A word of the base spelt as it sounds, more than one edit away:
    /// "-shun" for "-tion" or "-sion" ("resolushun", "invashun"), "-air"
    /// for "-are" ("declair", one edit from "declaim"), "-ys" for "-ies"
    /// ("spys"), of a spelling of
    /// the base or a word of its lists.
    fn spelt_as_it_sounds(&self, word: &str) -> Option<&str> {
        SOUND_ALIKE_ENDINGS.iter().find_map(|(typed, spelt)| {
            let stem = word.strip_suffix(typed)?;
            spelt.iter().find_map(|ending| {
                let candidate = format!("{stem}{ending}");
                self.spellings.get_key_value(candidate.as_str()).map(|(stored, _)| stored.as_str()).or_else(|| self.vocabulary.get(candidate.as_str()).map(String::as_str))
            })
        })
    }

    /// Of `candidates` for `word` (`length` characters), the correction
    /// [`Index::respell`] makes, if any.
    fn best_correction<'a>(&self, word: &str, length: usize, candidates: Vec<&'a str>) -> Option<&'a str> {
        candidates
            .into_iter()
            // Typists rarely miss the first letter; "worth" is not "north".
            .filter(|candidate| candidate.bytes().next() == word.bytes().next() || swapped_first_two(word, candidate))
            .filter(|candidate| fold::edit_distance_within(word, candidate, 1) <= 1)
            .filter(|candidate| length >= MIN_TYPO_LENGTH || doubling_slip(word, candidate))
            .max_by(|a, b| {
                // A spelling of the base before a word only of its lists ("pary": "party", not "parry").
                let used = self.spellings.contains_key(*a).cmp(&self.spellings.contains_key(*b));
                let slip = doubling_slip(word, a).cmp(&doubling_slip(word, b));
                used.then(slip).then_with(|| self.spellings.get(*a).cmp(&self.spellings.get(*b))).then_with(|| b.cmp(a))
            })
    }

    /// The irregular verb form a word that neither the base nor the
    /// English lists know is one slip from ("choosen" → "chosen"; see
    /// [`crate::text::lexicon::irregular_form_slip`]). Its key may be the
    /// form's own, so [`Index::respell`] leaves it as typed.
    pub(crate) fn irregular_form_slip(&self, word: &str) -> Option<&'static str> {
        if !is_spelling(word) || self.spellings.contains_key(word) || self.vocabulary.contains(word) {
            return None;
        }
        crate::text::lexicon::irregular_form_slip(word)
    }

    /// The question word a misspelt word stands for ("whwn", "meny",
    /// "mutch"): one edit from it, with the same first letter, and neither
    /// a word of the base nor an English word.
    pub(crate) fn question_word_slip(&self, word: &str) -> Option<&'static str> {
        // With "until" and "since", which ask for an end or a start ("*untill* when"),
        // and "happened", which asks for a fate ("what *happend* to"; before "happen", one edit from it too).
        // And "long", of "how long" ("how *lnog* did it last").
        const QUESTION_WORDS: &[&str] = &["when", "what", "where", "which", "who", "why", "how", "many", "much", "long", "until", "since", "happened", "happen"];
        if word.len() < 4 || QUESTION_WORDS.contains(&word) || !is_spelling(word) || self.spellings.contains_key(word) || self.vocabulary.contains(word) || crate::text::lexicon::is_english_word(word) {
            return None;
        }
        QUESTION_WORDS.iter().copied().find(|asked| asked.as_bytes()[0] == word.as_bytes()[0] && fold::edit_distance_within(word, asked, 1) <= 1)
    }

    /// `text` with each hyphenated word written as one where the base knows
    /// it so and not its parts: "обще-воинского" is the "общевоинского"
    /// (all-military) of the ROVS's Russian name, not "обще" and "воинского".
    /// (English questions are keyed with the joined word beside the parts.)
    fn hyphenated_joined<'t>(&self, text: &'t str, language: Language) -> std::borrow::Cow<'t, str> {
        if !text.contains('-') {
            return std::borrow::Cow::Borrowed(text);
        }
        let known = |word: &str| {
            let tokens = self.word_tokens(word, language);
            !tokens.is_empty() && tokens.iter().all(|token| self.postings.contains_key(&token.key))
        };
        let join = |chunk: &str| -> Option<String> {
            let (first, second) = chunk.split_once('-')?;
            let letters = |part: &str| part.chars().next().is_some_and(char::is_alphabetic) && part.chars().any(char::is_alphabetic);
            if !letters(first) || !letters(second.trim_end_matches(|c: char| !c.is_alphanumeric())) || second.contains('-') {
                return None;
            }
            let joined = format!("{first}{second}");
            (known(&joined) && !(known(first) && known(second))).then_some(joined)
        };
        let chunks: Vec<String> = text.split_whitespace().map(|chunk| join(chunk).unwrap_or_else(|| chunk.to_string())).collect();
        std::borrow::Cow::Owned(chunks.join(" "))
    }

    /// A question not in English with its years written with two digits
    /// in full ("u 68", "в 68": 1968), as [`Index::respell`] writes an
    /// English one's.
    fn short_years_in_full<'t>(&self, text: &'t str, language: Language) -> std::borrow::Cow<'t, str> {
        if !text.split_whitespace().any(|chunk| chunk.trim_end_matches(|c: char| !c.is_alphanumeric()).len() == 2) {
            return std::borrow::Cow::Borrowed(text);
        }
        let chunks: Vec<&str> = text.split_whitespace().collect();
        let folded: Vec<String> = chunks.iter().map(|chunk| fold::fold_for_search(chunk)).collect();
        // "čehoslovačku 68": the word before keyed in the question's language.
        let year = |at: usize| at.checked_sub(1).and_then(|before| self.short_year(&folded[before], &folded[at], || self.word_keys_in(&chunks[before].to_lowercase(), language)));
        if !(0..chunks.len()).any(|at| year(at).is_some()) {
            return std::borrow::Cow::Borrowed(text);
        }
        let written: Vec<String> = chunks.iter().enumerate().map(|(at, chunk)| year(at).map_or_else(|| chunk.to_string(), |year| year.to_string())).collect();
        std::borrow::Cow::Owned(written.join(" "))
    }

    /// An English question with its misspelt words corrected
    /// ([`Index::respell`]), and the keys of the corrections. A word is
    /// corrected only when the base knows none of its keys as written.
    fn respell_text(&self, text: &str, language: Language) -> Respelled {
        if language != Language::En {
            let text = self.hyphenated_joined(text, language);
            let text = self.short_years_in_full(&text, language);
            let (text, folded_chunks) = decades_in_full(&text);
            return Respelled { text, folded_chunks, ..Respelled::default() };
        }
        let mut respelled = Vec::new();
        let mut paraphrased: Vec<(String, Vec<String>)> = Vec::new();
        let mut phrasal: Vec<(String, Vec<String>)> = Vec::new();
        let mut looked_up: Vec<(String, Option<String>)> = Vec::new();
        let chunks: Vec<&str> = text.split_whitespace().collect();
        // Each chunk folded once: it is read as a word, and beside the words before and after it.
        let folded_chunks: Vec<String> = chunks.iter().map(|chunk| fold::fold_for_search(without_possessive_after_s(chunk))).collect();
        let words: Vec<String> = chunks
            .iter()
            .zip(&folded_chunks)
            .enumerate()
            .map(|(at, (chunk, folded))| {
                // "pulled out": a verb and the particle after it.
                let partners = folded_chunks.get(at + 1).map(|next| self.phrasal_keys(folded, next)).unwrap_or_default();
                if !partners.is_empty() {
                    if let [token] = &*self.word_tokens(folded, language) {
                        phrasal.push((token.key.clone(), partners));
                        return chunk.to_string();
                    }
                }
                if let Some(question_word) = self.question_word_slip(folded) {
                    return question_word.to_string();
                }
                if let Some(decade) = decade_in_full(folded).or_else(|| decade_in_other_words(folded)) {
                    return decade;
                }
                // "the 1876-78 war": a range whose end is written with two digits;
                // "restored 53-55": one whose two ends are.
                if let Some(range) = year_range_in_full(chunk).or_else(|| self.short_year_range(chunk)) {
                    return range;
                }
                // The chunk before, folded: "world *war* 2", "*in* 68", "austria *hungry*".
                let chunk_before = at.checked_sub(1).and_then(|before| folded_chunks.get(before));
                // "world war 2": the war's number as the sources write it ("World War II").
                if let Some(numeral) = chunk_before.filter(|before| *before == "war").and_then(|_| war_numeral(folded)) {
                    return numeral.to_string();
                }
                // "in 68": a year written with two digits, when one century dates entries with it.
                if let Some(year) = chunk_before.and_then(|before| self.short_year(before, folded, || self.word_keys(before))) {
                    return year.to_string();
                }
                // "austria-hungery": each part of a compound is a word of its own.
                let parts: Vec<&str> = folded.split(' ').collect();
                let mut changed = false;
                let corrected: Vec<String> = parts
                    .iter()
                    .enumerate()
                    .map(|(position, part)| {
                        // "MiG-29s": a model's number in the plural is the number.
                        if let Some(number) = plural_number(part) {
                            changed = true;
                            return number.to_string();
                        }
                        let tokens = self.word_tokens(part, language);
                        let found = tokens.iter().any(|t| self.postings.contains_key(&t.key));
                        // A real word standing for words of the base ("beat") is no typo.
                        // A word without tokens (a stopword) is known whatever it stands for.
                        // A word of a synonym group means what its group says, not what WordNet
                        // may make of it ("citizenship", which the sources never tell anyone gaining).
                        let grouped = || tokens.iter().any(|t| self.is_synonym_key(&t.key));
                        let partners = if found || tokens.is_empty() || grouped() { Vec::new() } else { self.paraphrase_keys(part) };
                        let known = tokens.is_empty() || found || !partners.is_empty();
                        if let ([token], false) = (&*tokens, partners.is_empty()) {
                            paraphrased.push((token.key.clone(), partners));
                        }
                        let before = match position {
                            0 => chunk_before.map(String::as_str),
                            _ => parts.get(position - 1).copied(),
                        };
                        let in_name = || before.and_then(|before| self.respell_in_name(before, part));
                        let correction = if known { None } else { self.respell(part).or_else(in_name) };
                        if !known {
                            looked_up.push((part.to_string(), correction.map(str::to_string)));
                        }
                        match correction {
                            Some(correct) => {
                                changed = true;
                                respelled.extend(self.tokens(correct, language).into_iter().map(|t| t.key));
                                correct.to_string()
                            }
                            None => part.to_string(),
                        }
                    })
                    .collect();
                if changed { corrected.join("-") } else { without_possessive_after_s(chunk).to_string() }
            })
            .collect();
        let unchanged = words.iter().zip(&chunks).all(|(word, chunk)| word.as_str() == *chunk);
        Respelled { text: words.join(" "), respelled, paraphrased, phrasal, looked_up, folded_chunks: unchanged.then_some(folded_chunks) }
    }

    /// The correction parsing `query` made of its word `word`
    /// ([`Index::respell`], or [`Index::respell_in_name`] beside a name), so
    /// that every later reading of the question sees the same words; `None`
    /// for a word it left as typed (one the base knows, or one with no
    /// spelling near it).
    pub fn respell_in<'a>(&'a self, query: &'a Query, word: &str) -> Option<&'a str> {
        // A word the pass did not look up is one the base knows: never corrected.
        query.respellings.iter().find(|(asked, _)| asked == word).and_then(|(_, correction)| correction.as_deref())
    }

    /// The index keys a query key matches, each with a match quality.
    fn matches(&self, key: &str, allow_prefix: bool) -> Vec<(&str, f32)> {
        let mut found = Vec::new();
        if let Some((stored, _)) = self.postings.get_key_value(key) {
            found.push((stored.as_str(), EXACT));
        }
        let length = key.chars().count();
        if found.is_empty() && (MIN_TYPO_LENGTH..=MAX_TYPO_LENGTH).contains(&length) {
            let mut seen = HashSet::default();
            let mut candidates: Vec<&str> = Vec::new();
            if let Some(keys) = self.deletions.get(key) {
                candidates.extend(keys.iter().map(String::as_str));
            }
            for_each_deletion(key, |deletion| {
                if let Some((stored, _)) = self.postings.get_key_value(deletion) {
                    candidates.push(stored.as_str());
                }
                if let Some(keys) = self.deletions.get(deletion) {
                    candidates.extend(keys.iter().map(String::as_str));
                }
            });
            for candidate in candidates {
                if seen.insert(candidate) && fold::edit_distance_within(key, candidate, 1) <= 1 {
                    found.push((candidate, ONE_EDIT));
                }
            }
        }
        if length >= 6 {
            // Name words that differ only in their ending: `interven(e)` / "Soviet intervent(ion)".
            let stem: String = key.chars().take(length - 1).collect();
            let variants = self
                .name_keys
                .range(stem.clone()..)
                .take_while(|stored| stored.starts_with(&stem))
                .filter(|stored| stored.chars().count() <= length + 3 && stored.as_str() != key && !is_patronymic_of(stored, key))
                .take(MAX_VARIANTS);
            found.extend(variants.map(|stored| (stored.as_str(), SHARED_PREFIX)));
            // A name's key the word extends by an ending of up to three
            // letters: "milosevic" (Serbian keeps the "-ić"), `milosev`.
            let prefixes = (length.saturating_sub(3)..length).filter(|&end| end >= 5).filter_map(|end| key.char_indices().nth(end).map(|(at, _)| &key[..at]));
            found.extend(prefixes.filter_map(|prefix| self.name_keys.get(prefix)).filter(|stored| self.is_person_name_key(stored)).map(|stored| (stored.as_str(), SHARED_PREFIX)));
        }
        // A Serbian or Russian adjective of a place, keyed with its "-sk"
        // ("косовский" → `kosovsk`, "albanski" → `albansk`): the place's name.
        if let Some(place) = key.strip_suffix("sk").filter(|place| place.chars().count() >= MIN_PLACE_STEM) {
            let names = self
                .name_keys
                .range(place.to_string()..)
                .take_while(|stored| stored.starts_with(place))
                .filter(|stored| stored.chars().count() <= place.chars().count() + 2 && self.is_proper_key(stored) && !self.is_person_name_key(stored))
                .take(MAX_VARIANTS);
            found.extend(names.map(|stored| (stored.as_str(), SHARED_PREFIX)));
        }
        if length >= 4 && !key.contains(' ') {
            // A compound the key begins: "Austria" for "Austria-Hungary".
            let head = format!("{key} ");
            let compounds = self.name_keys.range(head.clone()..).take_while(|stored| stored.starts_with(&head)).take(MAX_VARIANTS);
            found.extend(compounds.map(|stored| (stored.as_str(), SHARED_PREFIX)));
        }
        if allow_prefix && length >= 2 {
            let prefixed = self
                .sorted_keys
                .range(key.to_string()..)
                .take_while(|(stored, _)| stored.starts_with(key))
                .filter(|(stored, _)| stored.as_str() != key)
                .take(64);
            found.extend(prefixed.map(|(stored, _)| (stored.as_str(), PREFIX)));
        }
        found
    }

    /// The index keys a query word matches: its own key first, then its
    /// alternatives (exactly) when the key itself finds nothing, or when
    /// it finds no name and an alternative is one exactly: the Serbian
    /// stem of "Ičkov" ("ik") is some common word's key, its letters as
    /// they stand ("iko") the key of the name "Ičko's Peace".
    fn word_matches<'a>(&'a self, query: &'a Query, position: usize, allow_prefix: bool) -> Vec<(&'a str, f32)> {
        let Some(key) = query.keys.get(position) else { return Vec::new() };
        let mut found = self.matches(key, allow_prefix);
        if query.respelled.contains(key) {
            found.iter_mut().for_each(|(_, quality)| *quality = quality.min(ONE_EDIT));
            return found;
        }
        let unfound = found.iter().all(|(_, quality)| *quality < EXACT);
        if unfound || !self.name_keys.contains(key.as_str()) {
            for alt in query.alts.get(position).into_iter().flatten() {
                let alt_found = self.matches(alt, true).into_iter().filter(|(_, quality)| *quality >= PREFIX);
                if unfound {
                    found.extend(alt_found);
                } else {
                    found.extend(alt_found.filter(|(stored, quality)| *quality >= EXACT && self.name_keys.contains(*stored)));
                }
            }
        }
        if found.iter().all(|(_, quality)| *quality < EXACT) {
            if let Some((_, partners)) = query.paraphrased.iter().find(|(word, _)| word == key) {
                found.extend(partners.iter().map(|partner| (partner.as_str(), PARAPHRASE)));
            }
        }
        if let Some((_, partners)) = query.phrasal.iter().find(|(word, _)| word == key) {
            found.extend(partners.iter().map(|partner| (partner.as_str(), PARAPHRASE)));
        }
        found
    }

    /// Score every entry that matches any part of the query. Entries of other
    /// kinds than `preferred` are kept but weighed down by [`OTHER_KIND`].
    pub fn score(&self, query: &Query, preferred: Option<&[Kind]>, prefix_last: bool) -> Vec<Scored> {
        // (doc, weighted sum) sorted by doc; postings are sorted by doc too, so
        // each query word merges in linearly, without hashing.
        let mut totals: Vec<(u32, f32)> = Vec::new();
        let mut denominator = 0.0;
        let last = query.keys.len().saturating_sub(1);
        let mut words: Vec<Word> = Vec::with_capacity(query.keys.len());
        for position in 0..query.keys.len() {
            let matches = if prefix_last && position == last { self.word_matches(query, position, true) } else { self.matches_of(query, position).iter().collect() };
            let unknown = if query.light.get(position).copied().unwrap_or(false) { self.max_idf * LIGHT_UNKNOWN } else { self.max_idf };
            let weight = matches
                .iter()
                .filter_map(|(stored, _)| self.idf.get(*stored))
                .fold(None, |best: Option<f32>, idf| Some(best.map_or(*idf, |b| b.max(*idf))))
                .unwrap_or(unknown);
            denominator += weight;
            let hits: Vec<Hit> = matches.into_iter().map(|(key, quality)| self.hit(key, quality)).collect();
            let mut contributions: Vec<(u32, f32)> = Vec::with_capacity(hits.iter().map(|hit| hit.postings.len()).sum());
            for hit in &hits {
                contributions.extend(hit.postings.iter().map(|&(doc, field)| (doc, field * hit.quality)));
            }
            merge_best(&mut totals, contributions, weight);
            words.push(Word { matches: hits, weight });
        }
        let year_weight = self.max_idf * 0.8;
        for &year in &query.years {
            denominator += year_weight;
            merge_best(&mut totals, self.year_fits(year).collect(), year_weight);
        }
        if denominator <= 0.0 || totals.is_empty() {
            return Vec::new();
        }
        // Only the best candidates can matter (the decision looks at the top
        // five, autocomplete at 25, and the bonuses below add a bounded
        // amount), so rank by the base score and keep the top ones.
        if totals.len() > MAX_CANDIDATES {
            totals.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.1.total_cmp(&a.1));
            totals.truncate(MAX_CANDIDATES);
        }
        let mut gaining: Vec<u32> = totals.iter().filter(|(_, total)| *total >= denominator * MIN_FOR_QUOTE_GAIN).map(|(doc, _)| *doc).collect();
        gaining.sort_unstable();
        let best_quotes = self.best_quotes(&words, &gaining);
        let query_ids: Vec<Option<u32>> = query.keys.iter().map(|key| self.key_ids.get(key).copied()).collect();
        let mut scored: Vec<Scored> = totals
            .into_iter()
            .filter_map(|(doc, total)| {
                let entry = doc as usize;
                let found = self.docs.get(entry)?;
                let kind = found.kind?;
                // An entry none of whose names holds a key of the question is neither hit nor covered.
                let named = found.names_hold_some(&query_ids);
                let name_hit = named && self.name_hit_ids(entry, &query_ids);
                // Only an entry that explains some of the question can gain enough to matter.
                let total = if total >= denominator * MIN_FOR_QUOTE_GAIN { total + self.quote_unit_gain(entry, &words, best_quote_of(&best_quotes, doc)) } else { total };
                let coverage = if named { self.name_coverage_ids(entry, &query_ids) } else { 0.0 };
                let mut score = total / denominator + NAME_COVERAGE * coverage;
                if name_hit {
                    score = (score + NAME_HIT).min(1.2);
                }
                if preferred.is_some_and(|kinds| !kinds.contains(&kind)) {
                    score *= OTHER_KIND;
                }
                Some(Scored { entry, score, name_hit })
            })
            .collect();
        // Each entry is scored once, so no two compare equal: an unstable sort orders them as a stable one would.
        scored.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        scored
    }

    /// For each of `docs`, its quote that holds the most of the question's
    /// weight (the first such quote on a tie), found through the quote
    /// postings rather than by searching every quote for every word.
    /// `docs` is sorted, and so is what it gives: (doc, quote), read with
    /// [`best_quote_of`].
    fn best_quotes(&self, words: &[Word], docs: &[u32]) -> Vec<(u32, u32)> {
        // Each word's matches' quote postings, looked up once.
        let postings: Vec<Vec<&[(u32, u32)]>> =
            words.iter().map(|word| word.matches.iter().map(|hit| self.quote_postings.get(hit.key).map_or(&[][..], Vec::as_slice)).collect()).collect();
        // One doc's quotes: (quote, weight held, last word counted), so a word with several matches counts once.
        let mut sums: Vec<(u32, f32, usize)> = Vec::new();
        let mut best: Vec<(u32, u32)> = Vec::with_capacity(docs.len());
        for &doc in docs {
            sums.clear();
            for (word, (Word { weight, .. }, lists)) in words.iter().zip(&postings).enumerate() {
                for &(_, quote) in lists.iter().flat_map(|list| run_of_doc(list, doc)) {
                    match sums.iter_mut().find(|(held, ..)| *held == quote) {
                        Some(slot) if slot.2 != word => {
                            slot.1 += weight;
                            slot.2 = word;
                        }
                        Some(_) => {}
                        None => sums.push((quote, *weight, word)),
                    }
                }
            }
            let mut heaviest: Option<(u32, f32)> = None;
            for &(quote, sum, _) in &sums {
                if heaviest.is_none_or(|(best_quote, best_sum)| sum > best_sum || (sum == best_sum && quote < best_quote)) {
                    heaviest = Some((quote, sum));
                }
            }
            if let Some((quote, _)) = heaviest {
                best.push((doc, quote));
            }
        }
        best
    }

    /// Evidence as a unit: the question's words that occur together in one
    /// quote of the entry (its best, [`Index::best_quotes`]) count as
    /// [`QUOTE_UNIT`] rather than the weight of the field they were found
    /// in. Returns what that adds to the entry's total.
    fn quote_unit_gain(&self, doc: usize, words: &[Word], best_quote: Option<u32>) -> f32 {
        let Some(ids) = best_quote.and_then(|quote| self.docs.get(doc)?.quote_ids.get(quote as usize)) else { return 0.0 };
        let in_quote = |matches: &[Hit]| matches.iter().any(|hit| hit.id.is_some_and(|id| ids.binary_search(&id).is_ok()));
        words
            .iter()
            .filter(|word| in_quote(&word.matches))
            .map(|word| word.weight * (QUOTE_UNIT - field_weight(doc, &word.matches)).max(0.0))
            .sum()
    }

    /// A match of a query word, with its id and postings looked up.
    fn hit<'a>(&'a self, key: &'a str, quality: f32) -> Hit<'a> {
        let postings = self.postings.get(key).map_or(&[][..], Vec::as_slice);
        Hit { key, quality, id: self.key_ids.get(key).copied(), postings }
    }

    /// A question's keys as the index sees them, for a text whose language
    /// is known: parsed, with compounds joined, and its matches worked out.
    pub fn query_in(&self, text: &str, language: Language) -> Query {
        let Respelled { text, respelled, mut paraphrased, mut phrasal, looked_up, folded_chunks } = self.respell_text(text, language);
        let mut query = Query::from_tokens(self.tokens(&text, language));
        query.respelled = respelled;
        query.respellings = looked_up;
        // Each word once, and only words that stayed words of the question.
        let mut seen = HashSet::default();
        paraphrased.retain(|(key, _)| query.keys.contains(key) && seen.insert(key.clone()));
        query.paraphrased = paraphrased;
        let mut seen = HashSet::default();
        phrasal.retain(|(key, _)| query.keys.contains(key) && seen.insert(key.clone()));
        query.phrasal = phrasal;
        let typed: Vec<String> = folded_chunks.unwrap_or_else(|| text.split_whitespace().map(fold::fold_for_search).collect());
        query.predicates = typed
            .iter()
            .filter(|word| crate::text::lexicon::is_english_predicate_form(word) && !self.is_capitalised_modifier(word, language))
            .flat_map(|word| self.tokens(word, language).into_iter().map(|token| token.key))
            .collect();
        query.name_ends = typed
            .windows(2)
            .filter(|pair| crate::text::lexicon::is_english_predicate_form(&pair[1]) || VERB_STOPWORDS.contains(&pair[1].as_str()) || NAME_ENDING_CONJUNCTIONS.contains(&pair[1].as_str()) || is_adverb(&pair[1]))
            .flat_map(|pair| self.tokens(&pair[0], language).into_iter().map(|token| token.key))
            .collect();
        // A place is keyed as typed where the words line up: the synonyms
        // know "сербии", not its folded "serbii".
        let raw: Vec<String> = if language == Language::En { Vec::new() } else { text.split_whitespace().map(str::to_lowercase).collect() };
        let as_typed = |at: usize| if raw.len() == typed.len() { raw[at].as_str() } else { typed[at].as_str() };
        // Not "more control *than in* Serbia", "more than it could *in*
        // Serbia": the place set against the one asked.
        let set_against = |at: usize| typed[at.saturating_sub(4)..at - 1].iter().any(|word| word == "than");
        // "В *самом* Белграде", "u *samom* Beogradu": past "itself" to the place.
        let locative_before = |at: usize| LOCATIVES.contains(&typed[at - 1].as_str()) || at > 1 && SELF_WORDS.contains(&typed[at - 1].as_str()) && LOCATIVES.contains(&typed[at - 2].as_str());
        query.after_locative = (1..typed.len())
            .filter(|&at| locative_before(at) && !set_against(at))
            .flat_map(|at| self.tokens(as_typed(at), language).into_iter().map(|token| token.key))
            .collect();
        self.join_compounds(&mut query);
        self.prepare(&mut query);
        query
    }

    /// The year a two-digit number after "in", "since" …, a month or a name
    /// stands for ("in 68": 1968), when entries are dated in that year of
    /// exactly one of the 19th, 20th and 21st centuries.
    /// `before_keys` keys the word before, only when a name's word may date it.
    fn short_year(&self, before: &str, word: &str, before_keys: impl FnOnce() -> Vec<String>) -> Option<i32> {
        if word.len() != 2 || !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let short: i32 = word.parse().ok()?;
        let years = [1800, 1900, 2000].map(|century| century + short);
        // "in 68", and "july 68" with a month before it.
        let dated: Vec<i32> = if BEFORE_SHORT_YEARS.contains(&before) || crate::facts::date::is_month_name(&capitalised(before)) {
            years.into_iter().filter(|year| self.years.contains_key(year)).collect()
        } else {
            // "hungary 56": after a word of the name of an entry dated in the
            // year (not "MiG 29": no MiG of 1929).
            let keys = before_keys();
            years.into_iter().filter(|&year| self.name_dated_in(&keys, year)).collect()
        };
        match dated.as_slice() {
            [year] => Some(*year),
            _ => None,
        }
    }

    /// "53-55": a range of years written with two digits each, in full
    /// ("1953-1955"), when entries are dated at either end in exactly one of
    /// the 19th, 20th and 21st centuries.
    fn short_year_range(&self, chunk: &str) -> Option<String> {
        let (start, end) = digit_range(chunk)?;
        if start.len() != 2 || end.len() != 2 || end <= start {
            return None;
        }
        let (start, end): (i32, i32) = (start.parse().ok()?, end.parse().ok()?);
        let dated: Vec<i32> = [1800, 1900, 2000].into_iter().filter(|century| self.years.contains_key(&(century + start)) || self.years.contains_key(&(century + end))).collect();
        match dated.as_slice() {
            [century] => Some(format!("{}-{}", century + start, century + end)),
            _ => None,
        }
    }

    /// Whether one of `keys` (a word's) is in the name of an entry dated in `year`.
    fn name_dated_in(&self, keys: &[String], year: i32) -> bool {
        let dated = self.years.get(&year).map_or(&[][..], Vec::as_slice);
        dated.iter().filter_map(|&(doc, _)| self.docs.get(doc as usize)).any(|doc| doc.names.iter().flatten().any(|name| keys.contains(name)))
    }

    /// The keys of the base that English word `folded` may stand for.
    pub(crate) fn paraphrase_keys(&self, folded: &str) -> Vec<String> {
        self.keys_of_partners(lexicon::paraphrases(folded))
    }

    /// The keys of the base that the phrasal verb `verb` `particle` may stand for.
    pub(crate) fn phrasal_keys(&self, verb: &str, particle: &str) -> Vec<String> {
        self.keys_of_partners(lexicon::phrasal_paraphrases(verb, particle))
    }

    /// The keys of `partners`, in any of their irregular forms ("withdraw",
    /// "withdrew"), that the base holds as common words.
    fn keys_of_partners(&self, partners: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = partners
            .iter()
            .flat_map(|partner| lexicon::verb_forms(partner))
            .flat_map(|partner| self.tokens(partner, Language::En))
            .map(|token| token.key)
            .filter(|key| self.postings.contains_key(key) && !self.proper.contains(key))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// "Which Russian *ruler*": query word `kind`, a kind of person, also
    /// matches, as a paraphrase, the common nouns of the base that WordNet
    /// knows as of that kind ("emperor", "sultan"), when they are few: a
    /// kind as broad as "person" has too many to stand for. Not kinds of
    /// things, whose members are too often of other senses ("parts": "paths").
    pub(crate) fn widen_to_members_of_kind(&self, query: &mut Query, kind: &str) {
        let Some(position) = query.keys.iter().position(|key| key == kind) else { return };
        if query.matched.len() != query.keys.len() || kind == self.person_key || !self.is_person_kind(kind) {
            return;
        }
        let mut members: Vec<&String> = self
            .kinds
            .iter()
            .filter(|(key, (kinds, only_a_name))| !only_a_name && kinds.contains(kind) && key.as_str() != kind && self.postings.contains_key(*key) && !self.proper.contains(*key))
            .map(|(key, _)| key)
            .collect();
        if members.is_empty() || members.len() > MAX_KIND_MEMBERS {
            return;
        }
        members.sort_unstable();
        let matched = &mut query.matched[position];
        for member in members {
            if !matched.iter().any(|(stored, _)| stored == member) {
                matched.push((member.clone(), PARAPHRASE));
            }
        }
    }

    /// Work out each word's matches once: every later look at the question
    /// (scoring, coverage, evidence) reuses them.
    fn prepare(&self, query: &mut Query) {
        query.matched = (0..query.keys.len())
            .map(|position| self.word_matches(query, position, false).into_iter().map(|(stored, quality)| (stored.to_string(), quality)).collect())
            .collect();
    }

    /// Query word `position`'s matches, from the prepared cache when there
    /// is one (borrowed: this runs for every word, quote and candidate).
    fn matches_of<'a>(&'a self, query: &'a Query, position: usize) -> Matches<'a> {
        match query.matched.get(position) {
            Some(list) if query.matched.len() == query.keys.len() => Matches::Prepared(list),
            _ => Matches::Computed(self.word_matches(query, position, false)),
        }
    }

    /// "break up" → "breakup", "non aligned" → "nonaligned": two adjacent
    /// query words that some entry's name writes as one word.
    fn join_compounds(&self, query: &mut Query) {
        let mut position = 0;
        while position + 1 < query.keys.len() {
            let joined = format!("{}{}", query.keys[position], query.keys[position + 1]);
            if self.is_name_key(&joined) {
                query.keys.splice(position..position + 2, [joined]);
                query.alts.splice(position..position + 2, [Vec::new()]);
                query.light.splice(position..position + 2, [false]);
            }
            position += 1;
        }
    }

    /// Whether a key occurs in some entry's name.
    pub(crate) fn is_name_key(&self, key: &str) -> bool {
        self.postings.get(key).is_some_and(|list| list.iter().any(|&(_, weight)| weight >= NAME))
    }

    /// Whether one of the entry's names occurs in the query as a phrase.
    pub(crate) fn name_hit(&self, entry: usize, query: &[String]) -> bool {
        self.docs.get(entry).is_some_and(|doc| {
            doc.names.iter().any(|name| name.first().is_some_and(|first| query.contains(first)) && query.windows(name.len()).any(|window| window == name.as_slice()))
        })
    }

    /// The entries one of whose names is written, word for word, in
    /// `keys` (a quote's), found from the proper keys among them.
    pub(crate) fn entries_named_in(&self, keys: &[String]) -> Vec<usize> {
        let mut named: Vec<usize> = keys
            .iter()
            .filter(|key| self.proper.contains(key.as_str()))
            .flat_map(|key| self.postings.get(key.as_str()).into_iter().flatten())
            .filter(|(_, weight)| *weight >= NAME)
            .map(|(doc, _)| *doc as usize)
            .filter(|&doc| self.name_hit(doc, keys))
            .collect();
        named.sort_unstable();
        named.dedup();
        named
    }

    /// The entries one of whose names `keys` begin with.
    pub(crate) fn entries_named_first(&self, keys: &[String]) -> Vec<usize> {
        let Some(first) = keys.first() else { return Vec::new() };
        let docs = self.postings.get(first.as_str()).into_iter().flatten().filter(|(_, weight)| *weight >= NAME).map(|(doc, _)| *doc as usize);
        docs.filter(|&doc| self.name_begins(doc, keys)).collect()
    }

    /// Whether `keys` begin with one of the entry's names.
    pub(crate) fn name_begins(&self, entry: usize, keys: &[String]) -> bool {
        self.docs.get(entry).is_some_and(|doc| doc.names.iter().any(|name| !name.is_empty() && keys.starts_with(name)))
    }

    /// [`Index::name_hit`] for a query given as key ids (`None` for a key in no name).
    fn name_hit_ids(&self, entry: usize, query: &[Option<u32>]) -> bool {
        self.docs.get(entry).is_some_and(|doc| {
            doc.name_ids.iter().any(|name| {
                name.first().is_some_and(|first| query.contains(&Some(*first))) && query.windows(name.len()).any(|window| window.iter().zip(name).all(|(typed, id)| *typed == Some(*id)))
            })
        })
    }

    /// [`Index::name_coverage`] for a query given as key ids.
    fn name_coverage_ids(&self, entry: usize, query: &[Option<u32>]) -> f32 {
        let Some(doc) = self.docs.get(entry) else { return 0.0 };
        doc.name_ids
            .iter()
            .filter(|name| !name.is_empty())
            .map(|name| name.iter().filter(|id| query.contains(&Some(**id))).count() as f32 / name.len() as f32)
            .fold(0.0, f32::max)
    }

    /// The largest share of one of the entry's names that the query contains:
    /// `Cominform resolution` covers more of "Cominform resolution on
    /// Yugoslavia" than of "Second Cominform resolution against Yugoslavia".
    pub(crate) fn name_coverage(&self, entry: usize, query: &[String]) -> f32 {
        let Some(doc) = self.docs.get(entry) else { return 0.0 };
        doc.names
            .iter()
            .filter(|name| !name.is_empty())
            .map(|name| name.iter().filter(|key| query.contains(key)).count() as f32 / name.len() as f32)
            .fold(0.0, f32::max)
    }

    /// Whether the whole query is exactly one of the entry's names.
    pub(crate) fn exact_name(&self, entry: usize, query: &[String]) -> bool {
        self.docs.get(entry).is_some_and(|doc| doc.names.iter().any(|name| !name.is_empty() && name.as_slice() == query))
    }

    /// Entry suggestions for a partly typed argument, best first.
    pub fn complete(&self, base: &FactBase, partial: &str, kind: ArgKind, limit: usize) -> Vec<usize> {
        let kinds = kinds_for(kind);
        let query = Query::parse(&self.keyer, partial, crate::text::lang::detect(partial));
        if query.keys.is_empty() && query.years.is_empty() {
            // Nothing typed yet: the earliest entries of the wanted kinds, then undated ones (people).
            let wanted = |e: &&Entry| kinds.is_none_or(|k| k.contains(&e.kind));
            let dated = base.chronological().filter(wanted);
            let undated = base.entries().iter().filter(|e| e.date.is_none()).filter(wanted);
            return dated.chain(undated).take(limit).filter_map(|e| base.index_of(&e.id)).collect();
        }
        let scored = self.score(&query, kinds, true);
        scored
            .into_iter()
            .filter(|s| s.score >= 0.2 && kinds.is_none_or(|k| base.entries().get(s.entry).is_some_and(|e| k.contains(&e.kind))))
            .take(limit)
            .map(|s| s.entry)
            .collect()
    }
}

/// Share of a period's entries that must name a word for it to be one of
/// the names the period is about.
const ERA_SHARE: f32 = 0.3;

/// The names each period is about, by period id: the words its entries'
/// sentences use most ("Yugoslavia" and "Soviet" between the wars), which
/// frame every sentence of its entries like their source's title. Not its
/// people (Medvedev in many sentences of the 2000s did not make Putin's
/// visit his), and not what only some entries name (the EU).
fn era_names(base: &FactBase, keyer: &Keyer, keys_of: &dyn Fn(&str) -> Vec<String>, people: &HashSet<String>) -> HashMap<String, Vec<String>> {
    let titles: HashSet<String> = base.sources().iter().flat_map(|source| keys_of(&source.title)).collect();
    let frames = |key: &str| titles.contains(key) || keyer.stands_for(key).iter().any(|meaning| meaning.iter().all(|k| titles.contains(k)));
    let mut members: HashMap<String, (usize, HashMap<String, usize>)> = HashMap::default();
    for entry in base.entries().iter().filter(|e| e.kind != Kind::Person) {
        let Some(period) = base.period_of(entry) else { continue };
        let mut keys: Vec<String> = entry.quotes.iter().flat_map(|quote| keys_of(&quote.text)).collect();
        keys.sort();
        keys.dedup();
        let (count, counts) = members.entry(period.id.clone()).or_default();
        *count += 1;
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    members
        .into_iter()
        .map(|(period, (count, counts))| {
            let needed = (count as f32 * ERA_SHARE).ceil().max(2.0) as usize;
            (period, counts.into_iter().filter(|(key, n)| *n >= needed && !people.contains(key) && frames(key)).map(|(key, _)| key).collect())
        })
        .collect()
}

/// Count, per key, the words of `text` written capitalised after the first
/// word of a sentence, and those written in lowercase.
fn count_capitalised(keyer: &Keyer, text: &str, counts: &mut HashMap<String, (u32, u32)>, memo: &mut crate::text::WordMemo) {
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
        let parts: Vec<&str> = clean.split(['-', '–', '/']).map(|p| p.trim_matches(|c: char| !c.is_alphanumeric())).collect();
        // Arabic has no capitals: its words say nothing about which are names.
        let case = |text: &str| text.chars().next().filter(|c| c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase())).map(char::is_uppercase);
        if let (Some(upper), false) = (case(clean), sentence_start) {
            // A lowercase compound speaks only for its own first part: "pro-*Russian*" writes a name.
            let own: Vec<String> = if upper || parts.len() < 2 { Vec::new() } else { keyer.index_keys_memo(parts[0], memo) };
            for key in keyer.index_keys_memo(clean, memo) {
                if upper || parts.len() < 2 || own.contains(&key) {
                    let slot = counts.entry(key).or_default();
                    if upper { slot.0 += 1 } else { slot.1 += 1 }
                }
            }
        }
        // Each later part of a compound has its own case.
        for part in parts.iter().skip(1) {
            if let Some(upper) = case(part) {
                for key in keyer.index_keys_memo(part, memo) {
                    let slot = counts.entry(key).or_default();
                    if upper { slot.0 += 1 } else { slot.1 += 1 }
                }
            }
        }
        sentence_start = word.ends_with(['.', '!', '?', ':']);
    }
}

/// The best quote of `doc` in what [`Index::best_quotes`] found (sorted by doc).
fn best_quote_of(best_quotes: &[(u32, u32)], doc: u32) -> Option<u32> {
    best_quotes.binary_search_by_key(&doc, |&(held_by, _)| held_by).ok().map(|at| best_quotes[at].1)
}

/// The best field weight (times match quality) with which entry `doc` holds a word.
fn field_weight(doc: usize, matches: &[Hit]) -> f32 {
    matches
        .iter()
        .filter_map(|hit| {
            let found = hit.postings.binary_search_by_key(&(doc as u32), |(d, _)| *d).ok()?;
            Some(hit.postings[found].1 * hit.quality)
        })
        .fold(0.0, f32::max)
}

/// Add one query word's contributions to the running totals: for each doc the
/// best contribution, times the word's weight. Both lists end sorted by doc.
fn merge_best(totals: &mut Vec<(u32, f32)>, mut contributions: Vec<(u32, f32)>, weight: f32) {
    contributions.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    contributions.dedup_by_key(|c| c.0);
    let mut merged = Vec::with_capacity(totals.len() + contributions.len());
    let (mut old, mut new) = (totals.iter().peekable(), contributions.into_iter().peekable());
    loop {
        match (old.peek(), new.peek()) {
            (Some(&&(a, total)), Some(&(b, value))) if a == b => {
                merged.push((a, total + weight * value));
                old.next();
                new.next();
            }
            (Some(&&(a, total)), Some(&(b, _))) if a < b => {
                merged.push((a, total));
                old.next();
            }
            (_, Some(&(b, value))) => {
                merged.push((b, weight * value));
                new.next();
            }
            (Some(&&(a, total)), None) => {
                merged.push((a, total));
                old.next();
            }
            (None, None) => break,
        }
    }
    *totals = merged;
}

/// The kinds an argument kind may resolve to.
pub fn kinds_for(kind: ArgKind) -> Option<&'static [Kind]> {
    match kind {
        ArgKind::Happening => Some(&[Kind::Event, Kind::Treaty]),
        ArgKind::Treaty => Some(&[Kind::Treaty]),
        ArgKind::Person => Some(&[Kind::Person]),
        _ => None,
    }
}

/// Every name a student might call an entry. A title such as "Yugoslavia
/// recognises the USSR (June 1940)" also counts without its parenthesis.
/// "hte" for "the": the same word but its first two letters swapped.
fn swapped_first_two(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]
}

/// Whether a sentence refers back to the one before it: its main clause
/// opens with a pronoun ("It also operates…", "Their…"), "the" and a common
/// noun ("The company's refinery…"), not a name ("The Belgrade
/// Declaration…"), or "both" and a common noun ("In 1764, *both territorial
/// entities*…"); or it names "the proposition" or another of [`PROPOSALS`].
fn refers_back(text: &str) -> bool {
    const OPENERS: &[&str] = &["it", "its", "he", "his", "she", "her", "they", "their", "this", "these", "those", "there"];
    let mut words = main_clause(text).split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let opens = match words.next().map(str::to_lowercase).as_deref() {
        Some("the" | "both") => words.next().and_then(|w| w.chars().next()).is_some_and(char::is_lowercase),
        Some(first) => OPENERS.contains(&first),
        None => false,
    };
    // "Karađorđe refused *the proposition*": a proposal the sentence before made.
    opens || text.split_whitespace().collect::<Vec<_>>().windows(2).any(|pair| pair[0] == "the" && PROPOSALS.contains(&pair[1].trim_matches(|c: char| !c.is_alphanumeric())))
}

/// A sentence without the time or place phrase it may open with ("In 1764,
/// both …" is "both …"): the phrase opens with a preposition and ends at a
/// comma within its first eight words.
fn main_clause(text: &str) -> &str {
    const OPENING_PREPOSITIONS: &[&str] = &["In", "On", "At", "By", "After", "Before", "During", "From", "Since", "Until"];
    let opens_with_phrase = text.split_whitespace().next().is_some_and(|first| OPENING_PREPOSITIONS.contains(&first));
    match text.find(',') {
        Some(comma) if opens_with_phrase && text[..comma].split_whitespace().count() <= 8 => text[comma + 1..].trim_start(),
        _ => text,
    }
}

/// Nouns that, after "the", stand for a proposal made in the sentence before.
const PROPOSALS: &[&str] = &["proposition", "proposal", "offer", "plan", "request", "demand", "suggestion", "initiative"];

/// A person's names keyed as Serbian words, where that differs from their
/// English keys: the base writes "Aleksandar Vučić", and a Serbian question
/// keys "Aleksandar" as the name "Alexander".
fn serbian_name_keys(keyer: &Keyer, person: &Entry) -> Vec<String> {
    let names = std::iter::once(&person.title).chain(&person.aliases);
    let english: HashSet<String> = names.clone().flat_map(|name| keyer.index_keys(name)).collect();
    names.flat_map(|name| keyer.tokens(name, Language::Sr)).map(|token| token.key).filter(|key| !english.contains(key)).collect()
}

/// Add `keys` to the postings of `doc` with field weight `weight`.
fn add_keys(weights: &mut HashMap<String, HashMap<u32, f32>>, doc: u32, keys: &[String], weight: f32) {
    for key in keys {
        let slot = weights.entry(key.clone()).or_default().entry(doc).or_insert(0.0);
        *slot = slot.max(weight);
    }
}

/// Whether `a` and `b` differ only by one letter of a doubled pair: one has
/// "ss" where the other has "s".
/// Whether `typed` is `meant` with two inner letters swapped or one inner
/// letter left out, its first and last letters kept ("raod", "trde").
fn inner_slip(typed: &str, meant: &str) -> bool {
    let (a, b) = (typed.as_bytes(), meant.as_bytes());
    if a.len() < 3 || a.first() != b.first() || a.last() != b.last() {
        return false;
    }
    if a.len() == b.len() {
        let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return matches!(differ.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i]);
    }
    b.len() == a.len() + 1 && (1..b.len() - 1).any(|at| b[..at] == a[..at] && b[at + 1..] == a[at..])
}

/// Whether one of `a` and `b` is the other with a doubled letter typed
/// once ("masing", "massing") or a letter typed twice ("kinng", "king").
pub(crate) fn doubling_slip(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a.as_bytes(), b.as_bytes()) } else { (b.as_bytes(), a.as_bytes()) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let at = long.iter().zip(short).take_while(|(x, y)| x == y).count();
    long[at + 1..] == short[at..] && (long.get(at + 1) == Some(&long[at]) || (at > 0 && long[at - 1] == long[at]))
}

/// [`Index::names_joined_by_and`]'s pairs of `name`.
fn joined_by_and(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')).collect();
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let first_part = |word: &str| fold::fold_for_search(word.split('-').next().unwrap_or(word));
    words.windows(3).filter(|three| three[1] == "and" && capitalised(three[0]) && capitalised(three[2])).map(|three| format!("{} {}", first_part(three[0]), first_part(three[2]))).collect()
}

/// The pairs of capitalised words `text` writes one after the other
/// (across a space or a hyphen), each folded and joined by a space.
fn capitalised_pairs(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split([' ', '-']).map(|word| word.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    words
        .windows(2)
        .filter(|pair| capitalised(pair[0]) && capitalised(pair[1]))
        .map(|pair| format!("{} {}", fold::fold_for_search(pair[0]), fold::fold_for_search(pair[1])))
        .filter(|pair| pair.split(' ').count() == 2 && pair.split(' ').all(is_spelling))
        .collect()
}

/// "Apis's": a name that ends in "s" with its possessive, typed as the
/// name alone ("apis"), since folded whole it is a word no text has
/// ("apiss"). Other possessives fold as the sources' do ("Stalin's":
/// "stalins").
fn without_possessive_after_s(chunk: &str) -> &str {
    let bare = chunk.trim_end_matches(['?', '!', '.', ',']);
    ["'s", "’s"].iter().find_map(|mark| bare.strip_suffix(mark)).filter(|name| name.ends_with(['s', 'S'])).unwrap_or(chunk)
}

/// The Roman numeral the sources write for a world war's number typed in
/// digits ("world war 2" is "World War II").
fn war_numeral(folded: &str) -> Option<&'static str> {
    match folded {
        "1" => Some("i"),
        "2" => Some("ii"),
        _ => None,
    }
}

/// A word the spelling corrector knows: lowercase ASCII letters only.
fn is_spelling(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Ordinals, as words; the synonyms make "prva" and "первый" "first".
const ORDINALS: &str = "first second third fourth fifth sixth seventh eighth ninth tenth";

/// Words that may stand inside a name without giving it an initial
/// ("Communist Party *of the* Soviet Union").
const NAME_JOINERS: &[&str] = &["of", "the", "for", "de"];

/// The initials of the names of three or more words a text spells out,
/// lowercased: "Naftna Industrija Srbije" → "nis", "League of Communists of
/// Yugoslavia" → "lcy". Students write the abbreviation the sources spell
/// out; an initial "The" or "In" that only starts the sentence is not part
/// of a name.
pub(crate) fn acronyms(text: &str) -> Vec<String> {
    // Each word, and whether punctuation closes the name after it ("Srbije, Serbian…").
    let words: Vec<(&str, bool)> = text
        .split_whitespace()
        // A possessive ends the name it closes too ("…Outside *Russia's* Head").
        .map(|raw| (raw.trim_matches(|c: char| !c.is_alphanumeric()), raw.ends_with([',', ';', ':', '.', ')', '"']) || raw.starts_with('(') || raw.ends_with("'s") || raw.ends_with("’s") || raw.ends_with("′s")))
        .filter(|(word, _)| !word.is_empty())
        .collect();
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’');
    let mut found = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut close = |run: &mut Vec<char>| {
        if run.len() >= 3 {
            found.push(run.iter().flat_map(|c| c.to_lowercase()).collect());
        }
        run.clear();
    };
    for (position, (word, closes)) in words.iter().enumerate() {
        let folded = word.to_lowercase();
        let joiner = NAME_JOINERS.contains(&folded.as_str());
        if capitalised(word) && !joiner && !crate::text::lexicon::is_stopword(&folded, crate::text::Language::En) {
            run.extend(word.chars().next());
        } else if !(joiner && !run.is_empty() && words.iter().skip(position + 1).find(|(next, _)| !NAME_JOINERS.contains(&next.to_lowercase().as_str())).is_some_and(|(next, _)| capitalised(next))) {
            close(&mut run);
        }
        if *closes {
            close(&mut run);
        }
    }
    close(&mut run);
    found
}

/// An entry's abbreviations and the names they stand for: its aliases
/// written in capitals ("ROVS", "РОВС"), each standing for every one of its
/// names of two words or more ("Russian All-Military Union"), folded. An
/// abbreviation students type need not be the English name's initials
/// ([`acronyms`] finds those): ROVS is the Russian name's.
fn abbreviations(base: &FactBase) -> Vec<(Vec<String>, String)> {
    let is_abbreviation = |alias: &str| alias.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !alias.contains(' ') && alias.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    base.entries()
        .iter()
        .filter_map(|entry| {
            let short: Vec<&str> = entry.aliases.iter().map(String::as_str).filter(|alias| is_abbreviation(alias)).collect();
            let full: Vec<String> = names_of(entry).filter(|name| name.split_whitespace().count() >= 2).map(|name| fold::fold_for_search(&name)).collect();
            (!short.is_empty() && !full.is_empty()).then(|| (full, short.join(" ")))
        })
        .collect()
}

/// The abbreviations of the names a quote spells out ("The Russian
/// All-Military Union membership …" → "ROVS РОВС"), joined by spaces: the
/// quote is found by them too.
fn abbreviations_spelled_out(abbreviations: &[(Vec<String>, String)], quote: &str) -> String {
    let folded = fold::fold_for_search(quote);
    // Whole words, or with a possessive "s" (folded, "Russia's" is "russias").
    let spells = |name: &str| crate::facts::date::contains_word(&folded, name) || crate::facts::date::contains_word(&folded, &format!("{name}s"));
    let spelled_out = abbreviations.iter().filter(|(full, _)| full.iter().any(|name| spells(name)));
    spelled_out.map(|(_, short)| short.as_str()).collect::<Vec<_>>().join(" ")
}

/// The entry's quote that comes closest before quote `position` in the
/// same source text: what a sentence that refers back ("the proposition")
/// refers to, whatever order the fact file lists its quotes in.
fn quote_before(entry: &Entry, position: usize) -> Option<usize> {
    let quote = entry.quotes.get(position)?;
    entry
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, other)| other.source == quote.source && other.range.end <= quote.range.start)
        .max_by_key(|(_, other)| other.range.start)
        .map(|(at, _)| at)
}

fn names_of(entry: &Entry) -> impl Iterator<Item = String> + '_ {
    let names = std::iter::once(&entry.title).chain(&entry.aliases);
    names.flat_map(|name| {
        let bare = without_parentheses(name);
        let bare = (!bare.is_empty() && bare != *name).then_some(bare);
        std::iter::once(name.clone()).chain(bare)
    })
}

/// "Treaty of Berlin (Congress of Berlin)" → "Treaty of Berlin".
pub(crate) fn without_parentheses(name: &str) -> String {
    let mut depth = 0usize;
    let kept: String = name
        .chars()
        .filter(|&c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quote postings (doc, quote) of `doc` in `postings` (sorted by
/// doc), found by bisection instead of every posting of a common key being
/// read.
fn run_of_doc(postings: &[(u32, u32)], doc: u32) -> &[(u32, u32)] {
    let start = postings.partition_point(|&(held_by, _)| held_by < doc);
    let length = postings[start..].partition_point(|&(held_by, _)| held_by == doc);
    &postings[start..start + length]
}

/// Whether `stored` is a Slavic family name made from the name `key`
/// ("Karađorđević" from "Karađorđe", "Nikolić" from "Nikola"): another
/// person or a dynasty, not a variant of the same word.
fn is_patronymic_of(stored: &str, key: &str) -> bool {
    const SUFFIXES: [&str; 5] = ["ev", "ov", "ic", "evic", "ovic"];
    let base = [key, key.strip_suffix(['a', 'e', 'o']).unwrap_or(key)];
    base.iter().any(|base| stored.strip_prefix(base).is_some_and(|tail| SUFFIXES.contains(&tail)))
}

/// Each distinct string with one character of `key` removed, in the order
/// of the character removed, built in one buffer: removing either letter of
/// a doubled pair gives the same string, which is visited once.
fn for_each_deletion(key: &str, mut visit: impl FnMut(&str)) {
    let mut deletion = String::with_capacity(key.len());
    let mut previous = None;
    for (at, removed) in key.char_indices() {
        if previous == Some(removed) {
            continue;
        }
        previous = Some(removed);
        deletion.clear();
        deletion.push_str(&key[..at]);
        deletion.push_str(&key[at + removed.len_utf8()..]);
        visit(&deletion);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_ending_in_two_digits_is_written_in_full() {
        assert_eq!(year_range_in_full("1876-78").as_deref(), Some("1876-1878"));
        assert_eq!(year_range_in_full("(1912–13),").as_deref(), Some("1912-1913"));
        // Not a range that would end before it starts, nor other numbers.
        assert_eq!(year_range_in_full("1899-01"), None);
        assert_eq!(year_range_in_full("1876-1878"), None);
        assert_eq!(year_range_in_full("MiG-29"), None);
    }

    #[test]
    fn a_two_digit_decade_is_the_twentieth_centurys() {
        assert_eq!(decade_in_full("90s").as_deref(), Some("1990s"));
        assert_eq!(decade_in_full("30s").as_deref(), Some("1930s"));
        // The 1920s or the 2020s: left as typed.
        assert_eq!(decade_in_full("20s"), None);
        assert_eq!(decade_in_full("95s"), None);
        assert_eq!(decade_in_full("1990s"), None);
    }

    #[test]
    fn a_decade_in_words_or_inflected_is_written_in_full() {
        let folded = |word: &str| decade_in_other_words(&fold::fold_for_search(word));
        assert_eq!(folded("twenties").as_deref(), Some("1920s"));
        assert_eq!(folded("dvadesetih").as_deref(), Some("1920s"));
        assert_eq!(folded("четрдесетих").as_deref(), Some("1940s"));
        assert_eq!(folded("девяностых").as_deref(), Some("1990s"));
        assert_eq!(folded("الستينيات").as_deref(), Some("1960s"));
        assert_eq!(folded("1750-ih").as_deref(), Some("1750s"));
        assert_eq!(folded("1920-х").as_deref(), Some("1920s"));
        assert_eq!(folded("60-ih").as_deref(), Some("1960s"));
        assert_eq!(folded("1920ih").as_deref(), Some("1920s"));
        assert_eq!(folded("1920х").as_deref(), Some("1920s"));
        // Not a decade: a year with another ending, the 1920s or 2020s in digits, an ordinal.
        assert_eq!(folded("1921-ih"), None);
        assert_eq!(folded("20-ih"), None);
        assert_eq!(folded("dvadeseti"), None);
        assert_eq!(folded("1920s"), None);
        assert_eq!(folded("1921ih"), None);
        assert_eq!(folded("2022"), None);
        assert_eq!(decades_in_full("krajem 1920-ih godina"), ("krajem 1920s godina".to_string(), None));
        let folded = ["kada", "je", "bio", "tito"].map(str::to_string).to_vec();
        assert_eq!(decades_in_full("kada je  bio Tito"), ("kada je  bio Tito".to_string(), Some(folded)));
    }

    #[test]
    fn a_doubling_slip_is_one_letter_of_a_pair() {
        assert!(doubling_slip("masing", "massing"));
        assert!(doubling_slip("kinng", "king"));
        assert!(doubling_slip("agre", "agree"));
        assert!(!doubling_slip("masing", "making"));
        assert!(!doubling_slip("wich", "which"));
        assert!(!doubling_slip("king", "kings"));
    }

    #[test]
    fn a_possessive_closes_the_name_whose_initials_it_gives() {
        assert!(acronyms("The Russian Orthodox Church Outside Russia's Head Metropolitan Anthony").contains(&"rocor".to_string()));
    }

    #[test]
    fn names_give_their_initials() {
        assert_eq!(acronyms("Naftna Industrija Srbije, Serbian national oil and gas company"), ["nis"]);
        assert_eq!(acronyms("the League of Communists of Yugoslavia and the Communist Party of the Soviet Union"), ["lcy", "cpsu"]);
        assert!(acronyms("The Soviet Union and Yugoslavia").is_empty());
        assert!(acronyms("In 1948 Tito broke with Stalin").is_empty());
    }

    #[test]
    fn years_are_separated() {
        let query = Query::parse(&Keyer::default(), "what happened in 1956?", Language::En);
        assert_eq!(query.years, [1956]);
        assert!(query.keys.is_empty());
    }
}
