//! Stage 2: evidence. Every quote is a unit the matcher can find, carrying
//! its entry. For an entry and what a question asks, this module ranks the
//! entry's quotes and says which of them *state* the answer: the date for
//! when/year answers, a number for "how many", a person for "who".
//!
//! The excerpt an answer shows is the best-matching quote among those that
//! state what the answer asserts; when the quote that matches the question
//! best does not state it, both are shown (the claim needs two sentences).

use super::index::{Index, Query};
use crate::facts::{Entry, FactBase, Quote};
use crate::text::lexicon::Asks;
use rustc_hash::FxHashSet as HashSet;
use std::cell::OnceCell;

/// What an answer's excerpt must prove, and what the asker was looking for.
/// It borrows the question's words (`'q`): a focus is made for each
/// candidate an answer checks, and a copy of the query cost each of them
/// allocations.
#[derive(Debug, Clone)]
pub struct Focus<'q> {
    /// What is asserted: a date (`When`), a count, a person…
    pub asks: Option<Asks>,
    /// The question's words, to prefer the quote that speaks of them.
    pub query: &'q Query,
    /// A year the quote must state (`/year 1881`).
    pub year: Option<i32>,
    /// Years the question puts what it asks after or before ("what did
    /// Stalin try *after 1948*"): they mark no sentence it asks about.
    pub boundary_years: Vec<i32>,
    /// What a "how many" question counts (the key of "robberies" in "how
    /// many robberies"): the quote's number must come with it.
    pub counted: Vec<String>,
    /// "How many *people*": a number bound to any kind of person
    /// ("250,000 *demonstrators*") counts what was asked.
    pub counts_persons: bool,
    /// The question asks when something ended (or began): the quote that
    /// states the end (or the beginning) as such proves the answer.
    pub asks_end: bool,
    pub asks_start: bool,
    /// "Who did Yugoslavia turn to", "with whom…": the person asked about is
    /// the object, so a new name anywhere in the sentence can be the answer,
    /// not only one standing as the doer.
    pub asks_object: bool,
    /// "Who was in the committee": people, named ([`crate::ask::question::Question::asks_members`]).
    pub asks_members: bool,
    /// "Who killed King Alexander": the keys of the deed's verb in each of
    /// its forms, when the question asks for its doer. A sentence that puts
    /// the deed in the passive with no doer after it ("was assassinated in
    /// a coup") does not say who did it.
    pub deed: Vec<Vec<String>>,
    /// "Who signed the Belgrade Declaration": a treaty's signers are its
    /// listed signatories; one that lists none names no signer.
    pub asks_signer: bool,
    /// The side the signer is asked for ([`crate::ask::question::Question::signs_for`]).
    pub signs_for: &'q [String],
    /// "What did Yugoslavia say about …": what was said, which a sentence
    /// that reports words states ([`reports_words`]).
    pub asks_words: bool,
    /// "What did the agreement include": what a text held, which a sentence
    /// that tells it states ([`tells_contents`]).
    pub asks_contents: bool,
    /// "What kinds of people were among the émigrés": what a group was made
    /// of, which a sentence that says what it included states ([`tells_composition`]).
    pub asks_composition: bool,
    /// "What did Tadić sign": what was signed, which a sentence that tells
    /// a signing states ([`tells_signing`]).
    pub asks_signed: bool,
    /// "How much did the refinery cost": a sum of money, which only a
    /// number with a currency states (not "a capacity of 4.8 million tonnes").
    pub asks_money: bool,
    /// "What did Germany do after Russia mobilized": what followed an event
    /// ([`crate::ask::question::Question::asks_what_followed`]).
    pub asks_what_followed: bool,
    /// The question's event words ([`crate::ask::question::Question::event_words`]):
    /// a place says where the event was only where the sentence tells it.
    pub event_words: &'q [Vec<String>],
    /// The people the question names, by every key of their names
    /// ([`Index::people_the_query_names`]), read once per focus: they
    /// depend on the question alone, and a "who" answer checks them against
    /// each of an entry's sentences. Emptied by [`Focus::with_query`].
    pub(in crate::ask) named_people: OnceCell<HashSet<String>>,
}

/// The words of a focus that has no question ([`Focus::asserting`]).
static NO_QUERY: Query = Query::empty();

impl Default for Focus<'_> {
    fn default() -> Self {
        Focus {
            asks: None,
            query: &NO_QUERY,
            year: None,
            boundary_years: Vec::new(),
            counted: Vec::new(),
            counts_persons: false,
            asks_end: false,
            asks_start: false,
            asks_object: false,
            asks_members: false,
            deed: Vec::new(),
            asks_signer: false,
            signs_for: &[],
            asks_words: false,
            asks_contents: false,
            asks_composition: false,
            asks_signed: false,
            asks_money: false,
            asks_what_followed: false,
            event_words: &[],
            named_people: OnceCell::new(),
        }
    }
}

impl<'q> Focus<'q> {
    /// The focus of a command that asserts `asks` about whatever it names.
    pub fn asserting(asks: Asks) -> Focus<'q> {
        Focus { asks: Some(asks), ..Focus::default() }
    }

    /// The focus of a year listing.
    pub fn year(year: i32) -> Focus<'q> {
        Focus { asks: Some(Asks::When), year: Some(year), ..Focus::default() }
    }

    pub fn with_query(self, query: &'q Query) -> Focus<'q> {
        Focus { query, named_people: OnceCell::new(), ..self }
    }

    /// The people the question names ([`Index::people_the_query_names`]).
    fn people_named(&self, index: &Index) -> &HashSet<String> {
        self.named_people.get_or_init(|| index.people_the_query_names(self.query))
    }
}

/// Number words a "how many" answer may state instead of digits.
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen",
    "dozens", "half", "percent", "%",
];

/// Plural magnitudes with no number before them ("*thousands* of
/// citizens"): they say there were many, not how many.
const VAGUE_MAGNITUDES: &[&str] = &["hundreds", "thousands", "millions", "dozens"];

/// Whether a quote states what `focus` asserts about `entry`.
pub fn states(entry: &Entry, quote: &Quote, focus: &Focus, index: &Index, doc: usize, position: usize) -> bool {
    let text = quote.text.as_str();
    if let Some(year) = focus.year {
        return match &entry.date {
            Some(date) => date.states_year(text, year),
            None => contains_number(text, &year.to_string()),
        };
    }
    match focus.asks {
        Some(Asks::When) => match &entry.date {
            Some(date) => date.year_stated_by(text),
            None => has_year(text),
        },
        Some(Asks::Born) => entry.born.as_ref().is_some_and(|d| d.year_stated_by(text)),
        Some(Asks::Died) => entry.died.as_ref().is_some_and(|d| d.year_stated_by(text)),
        Some(Asks::HowMany) => {
            let keys = index.quote_keys(doc).get(position).map_or(&[][..], Vec::as_slice);
            // The number must come with what is counted ("members", "membership").
            // A counted word the base never uses ("pumpi", where the sources
            // say "filling stations") cannot be required of its sentences.
            let with_counted = !focus.counted.iter().any(|counted| index.has_key(counted))
                || focus.counted.iter().any(|counted| {
                    keys.iter().any(|key| key == counted || (counted.len() >= 4 && key.starts_with(counted.as_str())) || (key.len() >= 4 && counted.starts_with(key.as_str())))
                });
            // And the number must be the count of it, not of something else
            // the sentence also mentions ("$200,000 in cash … for the
            // officers"); only for a plain noun the question counts: a name
            // ("how many *Russians*") may stand beside its number any way.
            let counted_known = !focus.counted.is_empty() && focus.counted.iter().all(|counted| index.has_key(counted) && !index.is_proper_key(counted));
            // A people the question counts ("how many *Serbs*") must be the
            // people a number counts; not a people's trade ("koliko je bila
            // *trgovina* Rusije"), counted first.
            let counts_a_people = focus.counted.first().is_some_and(|counted| index.is_state_key(counted));
            has_count(text)
                && with_counted
                && (!counted_known || counts_what_is_asked(index, text, &focus.counted))
                && (!counts_a_people || counts_the_people_asked(index, text, &focus.counted))
                && (!focus.asks_money || names_money(text))
        }
        Some(Asks::HowLong) => has_duration(text) || states_a_span_of_the_asked(text, focus.query, index),
        Some(Asks::Who) => {
            let keys = index.quote_keys(doc).get(position).map_or(&[][..], Vec::as_slice);
            if !states_the_ordinal(focus.query, keys, index) || !ordinal_of_the_asked(text, focus.query, index) {
                return false;
            }
            let treaty = entry.kind == crate::facts::Kind::Treaty;
            if entry.kind == crate::facts::Kind::Person || treaty && (!entry.people.is_empty() || focus.asks_signer) {
                // Who the person was, or who signed the treaty: a quote that
                // names them (none, when the treaty lists no signatories:
                // "Karađorđe refused the proposition" names no signer).
                let own = if treaty && focus.asks_signer { index.listed_people_keys(doc) } else { index.people_keys(doc) };
                own.iter().any(|own| keys.binary_search(own).is_ok()) && (focus.signs_for.is_empty() || tells_side(index, text, focus.signs_for))
            } else {
                // Who did it: a person the question does not already name (by
                // any of their names: "Josip Broz" is the "Titu" asked), or a
                // state, army or government standing as the doer.
                let named = focus.people_named(index);
                let doer = if focus.asks_members {
                    keys.iter().any(|key| index.is_personal_name_key(key) && !named.contains(key))
                } else {
                    keys.iter().any(|key| index.is_person_key(key) && !named.contains(key))
                        || names_a_doer(text, named, index, focus.asks_object)
                        || names_a_person_at_the_year(text, focus.query, named, index)
                };
                doer && !agentless_passive(text, index, &focus.deed)
            }
        }
        Some(Asks::Where) => names_something_new(text, focus, index) && !subject_is_the_place_asked_in(text, focus.query, index) && !subject_is_a_part_of_the_asked(text, focus.query, index),
        // A reason is stated by a sentence that gives one ("claiming…",
        // "because…"); when none does, the most relevant sentence is shown
        // and no reason is invented.
        Some(Asks::Why) => gives_a_reason_for(text, focus.query, index),
        Some(Asks::What) if focus.asks_words => reports_words(text),
        Some(Asks::What) if focus.asks_contents => tells_contents(text),
        Some(Asks::What) if focus.asks_composition => tells_composition(text),
        Some(Asks::What) if focus.asks_signed => entry.kind == crate::facts::Kind::Treaty || tells_signing(text),
        _ => true,
    }
}

/// Whether a sentence tells someone acting for `side` ("who put signature
/// *on behalf of the Regent Council of Yugoslavia*"): one of the side's
/// keys within a few words after "behalf", "for" or "representing".
fn tells_side(index: &Index, text: &str, side: &[String]) -> bool {
    let words: Vec<&str> = super::index::split_words(text).collect();
    // One stem or another ("yugoslav", "yugoslavia"; "regenck" of "регентского", "regent").
    let same = |key: &str, asked: &str| key == asked || key.chars().zip(asked.chars()).take_while(|(a, b)| a == b).count() >= 5;
    words.iter().enumerate().filter(|(_, word)| matches!(word.to_lowercase().as_str(), "behalf" | "for" | "representing")).any(|(at, _)| {
        words.iter().skip(at + 1).take(6).any(|word| index.known_word_keys(word).iter().any(|key| side.iter().any(|asked| same(key, asked))))
    })
}

/// Whether a sentence (its `keys`) says the ordinal a "who" question asks
/// for: "who was the *first* Yugoslav ambassador in Moscow" is not
/// answered by "the Yugoslav ambassador to Moscow at the time", but is by
/// "received the first Russian consul, Gerasim Vashchenko". True when the
/// question holds no ordinal.
pub(crate) fn states_the_ordinal(query: &Query, keys: &[String], index: &Index) -> bool {
    query.keys.iter().filter(|key| index.ordinal_keys().contains(key)).all(|ordinal| keys.binary_search(ordinal).is_ok())
}

/// Whether an ordinal the question asks with ("who was the *first*
/// Serbian king") is, in `text`, one of the thing asked: a word the
/// question has or a capitalised word follows it closely ("the first
/// *Russian consul*"), not a count of something else ("the first *two
/// years*"). True when the question holds no ordinal.
pub(crate) fn ordinal_of_the_asked(text: &str, query: &Query, index: &Index) -> bool {
    let ordinals: Vec<&String> = query.keys.iter().filter(|key| index.ordinal_keys().contains(key)).collect();
    if ordinals.is_empty() {
        return true;
    }
    let words: Vec<&str> = super::index::split_words(text).collect();
    let of_the_asked = |word: &str| word.starts_with(char::is_uppercase) || index.known_word_keys(word).iter().any(|key| query.keys.contains(key) && !ordinals.contains(&key));
    (0..words.len())
        .filter(|&at| index.known_word_keys(words[at]).iter().any(|key| ordinals.contains(&key)))
        .any(|at| words.iter().skip(at + 1).take(ORDINAL_REACH).any(|word| of_the_asked(word)))
}

/// How many words after an ordinal the thing it numbers may come ("the
/// first *Yugoslav* ambassador", "the first Russian Orthodox *church*").
const ORDINAL_REACH: usize = 3;

/// Words that open a phrase set before a clause's subject ("*According
/// to* General Sudoplatov, the Soviet leadership…", "*Contrary to* …,
/// Yugoslavia condemned"): the subject comes after its comma.
const INTRODUCTIONS: &[&str] = &["according", "contrary", "in", "after", "during", "following", "ahead", "unlike", "despite", "on", "by", "with", "before"];

/// Whether the sentence's subject is the place the question puts what it
/// asks in ("where is the Russian embassy *in Serbia*": "*Serbia* has an
/// embassy in Moscow" tells Serbia's own, not the one in Serbia).
fn subject_is_the_place_asked_in(text: &str, query: &Query, index: &Index) -> bool {
    if query.after_locative.is_empty() {
        return false;
    }
    clause_subjects(text).first().is_some_and(|subject| {
        let keys: Vec<String> = subject.split_whitespace().filter(|word| word.starts_with(char::is_uppercase)).flat_map(|word| index.word_keys(word)).filter(|key| index.is_proper_key(key)).collect();
        !keys.is_empty() && keys.iter().all(|key| query.after_locative.contains(key))
    })
}

/// Whether the sentence's subject is a part of what the question names
/// ("*Department IV of* the Russian All-Military Union was headquartered
/// in Belgrade" for where the union moved): words the question does not
/// hold, then "of" and a name it does. The place is the part's, not the
/// named one's.
fn subject_is_a_part_of_the_asked(text: &str, query: &Query, index: &Index) -> bool {
    let first_clause = text.split(';').next().unwrap_or(text);
    let words: Vec<&str> = first_clause.split_whitespace().skip_while(|word| matches!(word.to_lowercase().as_str(), "the" | "a" | "an")).collect();
    let Some(of) = words.iter().take(4).position(|word| *word == "of") else { return false };
    let (part, whole) = (&words[..of], &words[of + 1..]);
    let whole = whole.iter().skip_while(|word| **word == "the").take_while(|word| word.starts_with(char::is_uppercase));
    let asked = |word: &&str| index.word_keys(word).iter().any(|key| query.keys.contains(key));
    let names_asked = |word: &&str| index.word_keys(word).iter().any(|key| index.is_proper_key(key) && query.keys.contains(key));
    !part.is_empty() && part.iter().all(|word| word.starts_with(char::is_uppercase)) && !part.iter().any(asked) && whole.clone().any(|word| names_asked(&word))
}

/// The subjects of a sentence's main clauses (split at semicolons), each
/// as its words: a capitalised run after any introductory phrase and
/// article, with the one word after it ("the Soviet leadership", "Yugoslav
/// diplomacy", "Russia did"); a clause that opens with a common noun ("The
/// intervention happened") has that noun.
pub fn clause_subjects(text: &str) -> Vec<String> {
    text.split(';')
        .filter_map(|clause| {
            let clause = clause.trim();
            let first = clause.split_whitespace().next()?.to_lowercase();
            let clause = match clause.split_once(", ") {
                Some((_, rest)) if INTRODUCTIONS.contains(&first.as_str()) => rest,
                _ => clause,
            };
            let words: Vec<&str> = clause.split_whitespace().skip_while(|word| matches!(word.to_lowercase().as_str(), "the" | "a" | "an")).collect();
            let run = words.iter().take_while(|word| word.starts_with(char::is_uppercase) || matches!(**word, "of" | "and")).count();
            Some(words[..(run + 1).min(words.len())].join(" "))
        })
        .collect()
}

/// Whether `text` gives a sum of money: a currency sign or name.
fn names_money(text: &str) -> bool {
    const CURRENCIES: &[&str] = &["dollar", "dollars", "euro", "euros", "rouble", "roubles", "ruble", "rubles", "dinar", "dinars", "pound", "pounds"];
    text.contains(['$', '€', '£', '₽']) || has_any_word(text, CURRENCIES)
}

/// How nearly a second sentence must speak of a "how" question to be shown too.
const SECOND_MANNER: f32 = 0.6;

/// How much a reason word adds to a quote's relevance to a "why" question (share of the largest idf).
const REASON_BONUS: f32 = 0.5;

/// Words that introduce a reason.
/// ("as", "since" and "so" are left out: "as well as", "since 2022" and
/// "so-called" give no reason.)
const REASON_WORDS: &[&str] = &["because", "due", "claiming", "fearing", "why", "reason", "owing", "thus", "therefore", "hoping", "caused", "explaining", "fear", "feared", "wanted", "seeking", "sought", "amid", "amidst"];

/// Whether `text` states an entry's date as the answer shows it: its label
/// ("early 1948") or every point's day, month and year.
fn states_whole_date(entry: &Entry, text: &str) -> bool {
    use crate::facts::date::contains_word;
    match (&entry.date_label, &entry.date) {
        (Some(label), _) => contains_word(text, label),
        (None, Some(date)) => date.points().iter().all(|point| point.required_words().iter().all(|word| contains_word(text, word))),
        (None, None) => false,
    }
}

/// Words that mark an end in a sentence ("until 1927", "was finally
/// defeated in 1920", "Serbia withdrew in 2021").
const END_MARKERS: &[&str] = &[
    "until", "till", "ended", "end", "ending", "finished", "concluded", "dissolved", "dissolution", "closed", "left", "withdrew",
    "withdrawn", "withdrawal", "suppressed", "defeated", "abolished", "collapsed", "ceased", "terminated", "expired", "finally",
];

/// Whether `text` states the end of an entry's date as an end: the last
/// year with a word that marks an end, or with the first year of its range
/// ("from 1917 to 1922", "1917–1922"). A sentence that only mentions the
/// last year ("the 1999 Kosovo conflict") does not say that anything ended.
pub fn states_end(entry: &Entry, text: &str) -> bool {
    end_stated(entry, text, true)
}

/// [`states_end`], save the end of an occasion: the last of a few days in
/// one year with no word that marks an end ("on 9 and 10 August 1968")
/// ends nothing that lasted.
pub fn states_lasting_end(entry: &Entry, text: &str) -> bool {
    end_stated(entry, text, false)
}

/// [`states_end`], with a range of days in one year counted as an end
/// only when `occasions` is set.
fn end_stated(entry: &Entry, text: &str, occasions: bool) -> bool {
    let Some(date) = &entry.date else { return false };
    let points = date.points();
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return false };
    let has = |point: &crate::facts::date::Point| point.year_stated_by(text);
    if !has(last) {
        return false;
    }
    let marked = has_any_marker(text, END_MARKERS);
    marked || points.len() == 2 && has(first) && (occasions || first.year != last.year)
}

/// Words that mark a beginning in a sentence ("the uprising broke out in
/// 1804", "from 1917", "launched in 1941").
const START_MARKERS: &[&str] = &[
    "began", "begun", "begin", "beginning", "start", "started", "starting", "broke", "outbreak", "launched", "opened",
    "from", "since", "initiated", "commenced", "erupted", "onset", "founded", "established", "first", "declared",
];

/// Whether `text` states the beginning of an entry's date as a beginning:
/// the first year with a word that marks a start, or the whole range
/// ("1917–1922"). An entry dated at one point began then: any sentence with
/// its year states it. A sentence that only puts the year beside something
/// else ("after the Ottoman Empire had allied itself with Napoleon in 1806")
/// does not say when a span began.
pub fn states_start(entry: &Entry, text: &str) -> bool {
    let Some(date) = &entry.date else { return false };
    let points = date.points();
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return false };
    let has = |point: &crate::facts::date::Point| point.year_stated_by(text);
    if !has(first) {
        return false;
    }
    if points.len() == 1 {
        return true;
    }
    let marked = has_any_marker(text, START_MARKERS);
    marked || has(last)
}

/// Words that open a relative clause ("…, *which* was founded by …,").
const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];

/// For each word of `sentence` (as [`super::index::split_words`] cuts it),
/// whether it lies in an aside the sentence sets off with commas, opened by
/// a participle or a relative and holding no year, in a sentence that has
/// one: "Serbia's People's Radical Party, *founded by Nikola Pašić*, gained
/// parliament majority in 1891" dates the majority, not the founding. An
/// aside opened otherwise ("In 1945, Tito signed the treaty, and …") is a
/// clause of the sentence, which its year may date.
pub(crate) fn in_an_undated_aside(sentence: &str) -> Vec<bool> {
    use super::index::{split_words, year_of};
    let has_year = |text: &str| split_words(text).any(|word| year_of(word).is_some());
    let segments: Vec<&str> = sentence.split(", ").collect();
    let dated = has_year(sentence);
    let last = segments.len().saturating_sub(1);
    let opens_aside = |segment: &str| {
        split_words(segment).next().is_some_and(|first| {
            let first = first.to_lowercase();
            RELATIVES.contains(&first.as_str()) || first.ends_with("ed") && first.len() > 4
        })
    };
    let aside = |n: usize, segment: &str| dated && n > 0 && n < last && !has_year(segment) && opens_aside(segment);
    segments.iter().enumerate().flat_map(|(n, segment)| split_words(segment).map(move |_| aside(n, segment))).collect()
}

/// Whether `text` has one of `markers` as a word of its own, not as part
/// of a name: "*First* Serbian Uprising" or "World War *I*" mark no start,
/// though a capital that opens the sentence ("*From* 1917") may.
fn has_any_marker(text: &str, markers: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).enumerate().any(|(position, word)| {
        let in_a_name = position > 0 && word.chars().next().is_some_and(char::is_uppercase);
        !in_a_name && markers.contains(&word.to_lowercase().as_str())
    })
}

/// Whether a quote tells that someone or something became what it was:
/// a word of becoming ("elected", "renamed"), or "from" or "since" before
/// a year ("*from 1963* Socialist Federal Republic of Yugoslavia"). "In
/// 1937 Stalin had the Secretary-General … murdered" names the post, not
/// when it was taken.
pub fn tells_becoming(text: &str) -> bool {
    starts_at_a_year(text) || has_becoming_word(text)
}

/// Whether `text` has "from" or "since" before a year that no comma
/// follows: "*from 1887* Ferdinand I" began then, while "Starting *from
/// 1920,* the government … welcomed" dates the clause after it.
pub fn starts_at_a_year(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let opener = pair[0].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let year = pair[1].trim_end_matches(['.', ';', ')']);
        matches!(opener.as_str(), "from" | "since") && !year.ends_with(',') && super::index::year_of(year).is_some()
    })
}

/// Whether `text` has a word of becoming ([`BECOMING_WORDS`]).
pub fn has_becoming_word(text: &str) -> bool {
    lowercase_words(text).iter().any(|word| BECOMING_WORDS.contains(&word.as_str()))
}

/// The words after each word of becoming, to the end of its clause: what
/// was become ("Serbia *became* a kingdom", "renamed *Socialist Federal
/// Republic*"), not what became it ("the Kingdom of Yugoslavia became home").
pub fn become_after_a_word(text: &str) -> Vec<&str> {
    let mut become_words = Vec::new();
    for clause in text.split([',', ';', '(', ')']) {
        let words: Vec<&str> = clause.split_whitespace().collect();
        if let Some(at) = words.iter().position(|word| BECOMING_WORDS.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())) {
            become_words.extend(&words[at + 1..]);
        }
    }
    become_words
}

/// The marks that open or close words quoted, the double prime of the
/// sources' "″open aggression″" among them.
const QUOTE_MARKS: [char; 7] = ['"', '“', '”', '«', '»', '„', '″'];

/// Whether `text` quotes someone's words: a span between quote marks of
/// [`QUOTED_WORDS`] words or more, or one a word of saying comes before
/// ("expressed "astonishment""). A word or two set off alone is a name for
/// something ("purges of alleged "Titoists""), not what anyone said.
fn quotes_someone(text: &str) -> bool {
    let spans: Vec<&str> = text.split(QUOTE_MARKS).collect();
    (1..spans.len()).step_by(2).any(|inside| {
        let said_before = lowercase_words(spans[inside - 1]).iter().any(|word| SAYING_WORDS.contains(&word.as_str()));
        spans[inside].split_whitespace().count() >= QUOTED_WORDS || said_before
    })
}

/// How many words between quote marks are someone's words, said before.
const QUOTED_WORDS: usize = 3;

/// Whether a quote reports what someone said, wrote or agreed: it quotes
/// them, calls it "verbal", or a word of saying has what was said after it
/// ("underlined *that*", "agreed *to* meet", "complained *about*",
/// "described … *as*").
pub fn reports_words(text: &str) -> bool {
    if quotes_someone(text) {
        return true;
    }
    let words = lowercase_words(text);
    // "Yugoslav *verbal* support": support given in words.
    if words.iter().any(|word| matches!(word.as_str(), "verbal" | "verbally")) {
        return true;
    }
    // "the 1955 *Agreement on* Scientific … Cooperation" is a title, not a report.
    let titled: Vec<bool> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).enumerate().map(|(at, w)| at > 0 && w.starts_with(char::is_uppercase)).collect();
    words.iter().enumerate().any(|(at, word)| {
        SAYING_WORDS.contains(&word.as_str())
            && !titled.get(at).copied().unwrap_or(false)
            && words.iter().enumerate().skip(at + 1).take(SAID_REACH).any(|(next_at, next)| {
                // "agreements *such as*" lists them.
                matches!(next.as_str(), "that" | "to" | "about" | "as" | "on") && !(next == "as" && words.get(next_at - 1).is_some_and(|w| w == "such"))
            })
    })
}

/// Whether every report of words in `text` ([`SAYING_WORDS`] with what
/// was said after it) is by someone other than `speaker` (keys of names):
/// the name nearest before the word of saying, within its clause, is
/// another's. "… Stalin referred to reports …" does not tell what Hebrang
/// replied. False when `speaker` is empty, when the text reports no words,
/// and when a report names no speaker but the text names the one asked,
/// or the entry it is from is named after them (`entry_names_speaker`: the
/// Cominform resolution's sentence "a resolution that noted that …").
pub(crate) fn said_by_another(index: &Index, text: &str, speaker: &[String], entry_names_speaker: bool) -> bool {
    if speaker.is_empty() {
        return false;
    }
    let words: Vec<&str> = super::index::split_words(text).collect();
    let reports = words.iter().enumerate().filter(|(at, word)| {
        let lower = word.to_lowercase();
        SAYING_WORDS.contains(&lower.as_str()) && words.iter().skip(at + 1).take(SAID_REACH).any(|next| matches!(next.to_lowercase().as_str(), "that" | "to" | "about" | "as" | "on"))
    });
    // The run of capitalised words nearest before the word of saying, within
    // three words and its clause ("The *Soviet Union* agreed"), as name keys.
    // A pronoun before it is its subject ("Al-Ahram where *he* stated"): no
    // name of its own.
    let by_whom = |at: usize| -> Option<Vec<String>> {
        let in_clause = |word: &&str| {
            let lower = word.to_lowercase();
            !CLAUSE_BREAKS.contains(&lower.as_str()) && !SUBJECT_PRONOUNS.contains(&lower.as_str())
        };
        let before: Vec<&str> = words[at.saturating_sub(3)..at].iter().rev().take_while(|w| in_clause(w)).copied().collect();
        let start = before.iter().position(|w| w.starts_with(char::is_uppercase))?;
        let name: Vec<String> = before[start..].iter().take_while(|w| w.starts_with(char::is_uppercase)).flat_map(|w| index.known_word_keys(w)).filter(|key| index.is_proper_key(key)).collect();
        (!name.is_empty()).then_some(name)
    };
    // A report whose speaker is never named ("Yugoslav leader …
    // complained") may be the asked one's only when the sentence names them.
    let names_speaker = entry_names_speaker || words.iter().any(|word| index.known_word_keys(word).iter().any(|key| speaker.contains(key)));
    let mut last: Option<Vec<String>> = None;
    let mut any = false;
    for (at, _) in reports {
        // "Stalin referred to …, but underlined that …": a report without a
        // name of its own is by the last one named.
        let Some(keys) = by_whom(at).or_else(|| last.clone()) else {
            if names_speaker {
                return false;
            }
            any = true;
            continue;
        };
        if keys.iter().any(|key| speaker.contains(key)) {
            return false;
        }
        any = true;
        last = Some(keys);
    }
    any
}

/// Whether a quote tells what a text or an agreement held: it quotes it,
/// or says what it included, provided, guaranteed… or stated. Not a list
/// of agreements "such as" or "including" the one asked.
pub fn tells_contents(text: &str) -> bool {
    if text.contains(QUOTE_MARKS) {
        return true;
    }
    let told = |word: &String| CONTENTS_TOLD.iter().any(|stem| word.starts_with(stem) && word != "including") || SAYING_WORDS.contains(&word.as_str()) && !word.starts_with("agreement");
    lowercase_words(text).iter().any(told)
}

/// Whether a quote tells what a group was made of: it says what the group
/// included, contained or comprised ("the emigrants *included* former
/// aristocrats …").
pub fn tells_composition(text: &str) -> bool {
    lowercase_words(text).iter().any(|word| ["includ", "contain", "compris", "consist"].iter().any(|stem| word.starts_with(stem)))
}

/// Whether a quote tells a deed: a verb in the past other than "to be"
/// (a regular one, "translated", or an irregular one, "led", "fought"),
/// not only what someone was ("were some of the notable Serbs").
pub fn tells_a_deed(text: &str) -> bool {
    lowercase_words(text).iter().any(|word| {
        !matches!(word.as_str(), "was" | "were" | "is" | "are" | "been" | "being" | "be")
            && (word.len() >= 5 && word.ends_with("ed") && !word.ends_with("eed") || crate::text::lexicon::is_irregular_verb_form(word))
    })
}

/// Whether a quote tells that something was signed or concluded.
pub fn tells_signing(text: &str) -> bool {
    lowercase_words(text).iter().any(|word| SIGNING_TOLD.iter().any(|stem| word.starts_with(stem)))
}

/// The stems of words that tell a signing.
const SIGNING_TOLD: &[&str] = &["sign", "conclud", "conclusion"];

/// Whether a quote tells that something was ceded ("ceded", "gave up",
/// "handed over", "renounced").
pub fn tells_ceding(text: &str) -> bool {
    let words = lowercase_words(text);
    let phrasal = words.windows(2).any(|pair| matches!((pair[0].as_str(), pair[1].as_str()), ("gave" | "give" | "given" | "giving", "up") | ("hand" | "handed" | "handing", "over")));
    phrasal || words.iter().any(|word| CEDING_TOLD.contains(&word.as_str()))
}

/// Words that tell a ceding.
const CEDING_TOLD: &[&str] = &[
    "cede", "ceded", "cedes", "ceding", "cession", "surrender", "surrendered", "renounce", "renounced", "relinquish", "relinquished", "forfeit", "forfeited",
];

/// Words that deny what follows them ("does *not* recognize").
const NEGATORS: &[&str] = &["not", "never", "no", "nor", "t", "refused", "declined", "rejected"];

/// Words that only wish for what follows them ("*wanted* to gain recognition").
const WISHING: &[&str] = &["wanted", "wished", "hoped", "sought", "aimed", "planned", "intended", "tried", "attempted", "proposed", "demanded", "asked", "urged", "would", "could", "might"];

/// How many words before an event a denial or a wish reaches.
const UNREAL_REACH: usize = 4;

/// Whether the word at `at` of a sentence's `words` (split at
/// punctuation: "don't" is "don", "t") is denied or only wished for by a
/// word shortly before it, in the same clause.
pub(crate) fn unreal_at(words: &[&str], at: usize) -> bool {
    let from = at.saturating_sub(UNREAL_REACH);
    // "It was *not until* June 1940 that …", "*not only*": no denial.
    let denies = |before: usize| {
        let word = words[before].to_ascii_lowercase();
        denies_or_wishes(&word) && !(word == "not" && words.get(before + 1).is_some_and(|next| matches!(*next, "until" | "only")))
    };
    (from..at).rev().take_while(|&before| !matches!(words[before], "and" | "but" | "which" | "who" | "that" | "when")).any(denies)
}

/// Whether the word at `at` is only wished for or proposed by a word
/// shortly before it ([`WISHING`]; "proposed *that* Yugoslavia join"
/// reaches past its "that"), and not denied.
pub(crate) fn only_wished_at(words: &[&str], at: usize) -> bool {
    let from = at.saturating_sub(UNREAL_REACH);
    let before: Vec<String> = (from..at).rev().map(|before| words[before].to_ascii_lowercase()).take_while(|word| !matches!(word.as_str(), "and" | "but" | "which" | "who" | "when")).collect();
    before.iter().any(|word| WISHING.contains(&word.as_str())) && !before.iter().any(|word| NEGATORS.contains(&word.as_str()) || word.starts_with("refus"))
}

/// Words of letting or making someone do something ("*allowed* Soviet
/// Union to send").
const LETTING: &[&str] = &["allowed", "allowing", "allows", "permitted", "permitting", "enabled", "enabling", "let", "helped", "forced", "urged", "asked", "invited", "encouraged"];

/// The words between a word of letting and the "to" right before word
/// `at` ("allowed *Soviet Union* to send"): the one who does the deed at
/// `at`. None unless the verb follows such a "to".
pub(crate) fn let_doer_of<'w>(words: &[&'w str], at: usize) -> Option<Vec<&'w str>> {
    if at < 2 || !words[at - 1].eq_ignore_ascii_case("to") {
        return None;
    }
    let from = (at - 1).saturating_sub(UNREAL_REACH + 1);
    let letting = (from..at - 1).rev().find(|&before| LETTING.contains(&words[before].to_ascii_lowercase().as_str()))?;
    let doer: Vec<&str> = words[letting + 1..at - 1].to_vec();
    (!doer.is_empty()).then_some(doer)
}

/// How many words before and after a verb its doer and its object are looked for.
const ROLE_REACH: usize = 8;

/// Stems of events done together, whose two sides may be named either way
/// round ("Stalin's meeting with Hebrang" is Hebrang's with Stalin).
const RECIPROCAL: &[&str] = &["meet", "met", "talk", "negotiat", "agree", "ally", "allie", "allian", "fight", "fought", "war", "clash", "trade", "correspond", "exchang", "sign", "conclu", "cooperat", "split", "broke", "break"];

/// Words that end a clause around a verb.
const CLAUSE_BREAKS: &[&str] = &["that", "which", "who", "when", "while", "and", "but", "as", "where"];

/// Pronouns that are the subject of the verb after them.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Adverbs that may stand between a passive's auxiliary and its verb
/// ("was *once again* alarmed by"), besides those in "-ly".
const PASSIVE_ADVERBS: &[&str] = &["once", "again", "also", "then", "already", "still", "never", "not", "soon", "later", "first", "even", "further", "since"];

/// Whether the sentence `words` tells the event at `at` with the roles the
/// other way round: what the question names as the doer (`doer`, keys) is
/// what it was done to, and the other way round ("the Kingdom of
/// Yugoslavia formally recognised the USSR" for "when did the USSR
/// recognise Yugoslavia"). A passive verb's doer follows "by" ("was
/// recognized by the USSR"). False when a side is not clear.
pub(crate) fn reverses_roles(index: &Index, words: &[&str], at: usize, doer: &[String], done_to: &[String]) -> bool {
    let verb = words[at].to_ascii_lowercase();
    if RECIPROCAL.iter().any(|stem| verb.starts_with(stem)) {
        return false;
    }
    let breaks = |word: &&str| CLAUSE_BREAKS.contains(&word.to_ascii_lowercase().as_str());
    let from = at.saturating_sub(ROLE_REACH);
    let before: Vec<&str> = words[from..at].iter().rev().take_while(|word| !breaks(word)).copied().collect();
    let after: Vec<&str> = words.iter().skip(at + 1).take(ROLE_REACH).take_while(|word| !breaks(word)).copied().collect();
    // Adverbs aside: "was *once again* alarmed by".
    let adverb = |word: &&str| word.ends_with("ly") || PASSIVE_ADVERBS.contains(&word.to_ascii_lowercase().as_str());
    let auxiliary = before.iter().find(|word| !adverb(word)).is_some_and(|word| matches!(word.to_ascii_lowercase().as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "being"));
    let (subject, object): (Vec<&str>, Vec<&str>) = if auxiliary {
        let Some(by) = after.iter().position(|word| *word == "by") else { return false };
        (after[by + 1..].to_vec(), before)
    } else {
        (before, after)
    };
    let keys = |side: &[&str]| -> Vec<String> { side.iter().flat_map(|word| index.known_word_keys(word)).collect() };
    let (subject, object) = (keys(&subject), keys(&object));
    let on = |side: &[String], asked: &[String]| asked.iter().any(|key| side.contains(key));
    on(&object, doer) && !on(&subject, doer) && on(&subject, done_to) && !on(&object, done_to)
}

/// Whether a lowercase word denies or wishes for what follows it ([`NEGATORS`], [`WISHING`]).
pub(crate) fn denies_or_wishes(word: &str) -> bool {
    NEGATORS.contains(&word) || WISHING.contains(&word) || word.starts_with("refus") || NEGATED_AUXILIARIES.contains(&word)
}

/// Auxiliaries with their "not", as a question types them without the
/// apostrophe ("didnt").
const NEGATED_AUXILIARIES: &[&str] = &["didnt", "dont", "doesnt", "wasnt", "werent", "wouldnt", "couldnt", "hasnt", "havent", "hadnt", "isnt", "arent", "cant", "wont"];

/// The stems of verbs that tell what a text held.
const CONTENTS_TOLD: &[&str] = &["includ", "contain", "provid", "stipulat", "guarantee", "regulat", "envisag", "affirm", "pledg"];

/// A text's words, lowercased, without punctuation.
fn lowercase_words(text: &str) -> Vec<String> {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Words that report what someone said, wrote or agreed.
const SAYING_WORDS: &[&str] = &[
    "said", "says", "stated", "told", "informed", "wrote", "written", "called", "described", "agreed", "agreement", "complained",
    "referred", "underlined", "expressed", "proposed", "promised", "declared", "claimed", "warned", "noted", "replied", "accused",
    "demanded", "urged", "announced", "argued", "insisted", "stressed", "emphasized", "asserted", "concluded", "affirmed",
    "statement",
];

/// How many words after a word of saying what was said may begin: a short
/// phrase may come between ("an agreement *between the two empires* to …").
const SAID_REACH: usize = 6;

/// Words that tell someone or something became what it was.
const BECOMING_WORDS: &[&str] = &[
    "became", "become", "becomes", "becoming", "renamed", "elected", "appointed", "named", "proclaimed", "crowned",
    "chosen", "installed", "inaugurated", "succeeded", "promoted", "enthroned",
    // Becoming part of something: "*incorporated* in Russia's Novorossiya Governorate".
    "incorporated", "annexed", "merged",
];

/// Whether a quote gives a reason (a "why" answer prefers it; none is invented).
pub fn gives_a_reason(text: &str) -> bool {
    let clause = |conjunction: &&str| text.match_indices(conjunction).any(|(at, _)| !NOT_A_REASON.iter().any(|after| text[at + conjunction.len()..].starts_with(after)));
    let lower = text.to_lowercase();
    has_any_word(text, REASON_WORDS) || REASON_CLAUSES.iter().any(clause) || REASON_PHRASES.iter().any(|phrase| lower.contains(phrase))
}

/// Whether `text` gives a reason ([`gives_a_reason`]) or says how the
/// thing `query` asks about was seen ([`perceived_as_asked`]).
pub fn gives_a_reason_for(text: &str, query: &Query, index: &Index) -> bool {
    gives_a_reason(text) || perceived_as_asked(text, query, index)
}

/// Whether `text` says how the thing the question asks about was seen
/// ("condemned the invasion of *Czechoslovakia which was perceived as a
/// particularly close country*"): a reason for what was done to it, when
/// the word the perception is of, right before "which was", is one of the
/// question's. Not for another thing the sentence names ("why did the
/// Soviet Union invade Hungary": the perception is of Czechoslovakia).
fn perceived_as_asked(text: &str, query: &Query, index: &Index) -> bool {
    const PERCEIVED: &[&str] = &["perceived as", "regarded as", "viewed as"];
    let lower = text.to_lowercase();
    PERCEIVED.iter().filter_map(|phrase| lower.find(phrase)).any(|at| {
        let before: Vec<&str> = text[..at].split_whitespace().collect();
        let skipped = before.iter().rev().take_while(|word| matches!(word.to_lowercase().trim_end_matches(','), "which" | "that" | "was" | "were" | "is" | "are" | "being" | "widely" | "often")).count();
        before.len().checked_sub(skipped + 1).and_then(|at| before.get(at)).is_some_and(|antecedent| index.word_keys(antecedent).iter().any(|key| query.keys.contains(key)))
    })
}

/// Conjunctions in the middle of a sentence that give the reason for what
/// comes before them ("the plan failed, *as* Zubov … refused").
const REASON_AFTER: &[&str] = &[", as ", ", since ", ", for ", " because ", " due to ", " owing to "];

/// Whether the reason `text` gives is for the event the question asks
/// about (`event`, each word as the keys of its forms): "the plan failed,
/// as Zubov, after judging the officers unfit, refused" gives a reason why
/// the plan failed, not why the officers were judged unfit. False only
/// when the sentence gives its reason after a conjunction and every event
/// word it holds comes after that conjunction.
pub fn reason_is_for(index: &Index, text: &str, event: &[Vec<String>]) -> bool {
    let Some((before, after)) = split_at_the_reason(text) else { return true };
    holds_the_event(index, &before, event) || !holds_the_event(index, &after, event)
}

/// `text`, lowercased, split where it gives a reason after a conjunction
/// ([`REASON_AFTER`]): the clause the reason is for, and the reason.
fn split_at_the_reason(text: &str) -> Option<(String, String)> {
    let mut lower = text.to_lowercase();
    let at = REASON_AFTER.iter().filter_map(|conjunction| lower.find(conjunction)).min()?;
    let reason = lower.split_off(at);
    Some((lower, reason))
}

/// Whether `part` holds one of the event's words (each as the keys of its forms).
fn holds_the_event(index: &Index, part: &str, event: &[Vec<String>]) -> bool {
    let keys = index.word_keys(part);
    event.iter().any(|forms| forms.iter().any(|form| keys.contains(form)))
}

/// Whether the clause a sentence gives a reason for, before its
/// conjunction ("*the plan failed*, as Zubov … refused"), holds one of the
/// event's words (each as the keys of its forms); `None` for a sentence
/// that gives no reason after a conjunction.
pub fn reason_clause_tells(index: &Index, text: &str, event: &[Vec<String>]) -> Option<bool> {
    let (before, _) = split_at_the_reason(text)?;
    Some(holds_the_event(index, &before, event))
}

/// Whether `text` tells how someone was killed: by a word of the means
/// ("shot", "poisoned", "bomb"), or by a phrase of manner right after the
/// killing ("assassinated *in a* coup d'état", "killed *with*…"); not by
/// where or when ("murdered in Moscow during the Great Purge"), nor by
/// whom ("by").
pub fn tells_how_killed(text: &str) -> bool {
    let words: Vec<String> = lowercase_words(text);
    if words.iter().any(|word| KILLING_MEANS.contains(&word.as_str())) {
        return true;
    }
    let killing = |word: &String| ["kill", "murder", "assassinat", "execut"].iter().any(|stem| word.starts_with(stem));
    words.iter().enumerate().filter(|(_, word)| killing(word)).any(|(at, _)| {
        let after = &words[at + 1..words.len().min(at + 5)];
        after.iter().any(|word| matches!(word.as_str(), "with" | "through" | "using")) || after.windows(2).any(|pair| pair[0] == "in" && matches!(pair[1].as_str(), "a" | "an"))
    })
}

/// Words of how a killing was done.
const KILLING_MEANS: &[&str] = &["shot", "shooting", "poisoned", "poison", "bomb", "bombing", "stabbed", "hanged", "strangled", "gunman", "pistol", "ambush", "ambushed"];

/// Phrases that give the purpose of the clause right before them.
const PURPOSE_PHRASES: &[&str] = &[" in order to ", " in an effort to ", " so as to ", " intended to ", " aimed at "];

/// Words that open a clause inside a sentence ("The intervention happened
/// *when* …, with perception *that* Moscow is waiting…").
const CLAUSE_OPENERS: &[&str] = &["when", "that", "which", "who", "whom", "while", "whereas", "after", "before"];

/// Whether the purpose `text` gives is of the event (`event`, each word as
/// the keys of its forms): a purpose is of the clause right before it, so
/// not when a clause opens between the event's last word and the purpose
/// ("the intervention happened when … Moscow is waiting for Tito to die
/// *in order to* renew its pressure" is why Moscow waits). True when the
/// sentence gives no purpose, or does not name the event before it.
pub fn purpose_is_for(index: &Index, text: &str, event: &[Vec<String>]) -> bool {
    let lower = text.to_lowercase();
    let holds = |word: &str| holds_the_event(index, word, event);
    let Some(at) = PURPOSE_PHRASES.iter().filter_map(|phrase| lower.find(phrase)).min() else { return true };
    let words: Vec<&str> = lower[..at].split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect();
    let Some(last) = (0..words.len()).rev().find(|&position| holds(words[position])) else { return true };
    !words[last + 1..].iter().any(|word| CLAUSE_OPENERS.contains(word))
}

/// Phrases that give a purpose or a cause: "attended … *in an effort to*
/// convince", "disgruntled at Russia, who was *seen as* favoring Bulgaria".
const REASON_PHRASES: &[&str] = &[
    "in an effort to", "in order to", "so as to", "in response to", "as a result", "in protest", "seen as", "for fear", "aimed at", "intended to",
    "accused", "accusing", "blamed", "in retaliation", "on the grounds",
];

/// Conjunctions that give a reason only after a comma: "the plan failed,
/// *as* Zubov … refused" (not "…, as well as", "since 2022", [`NOT_A_REASON`]).
const REASON_CLAUSES: &[&str] = &[", as ", ", since ", ", for "];

/// What follows those conjunctions when they give no reason: ", as well
/// as", ", for example", ", for instance".
const NOT_A_REASON: &[&str] = &["well ", "example", "instance"];

/// Whether `text` holds one of `words` (lowercase) as a whole word.
pub(crate) fn has_any_word(text: &str, words: &[&str]) -> bool {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|word| words.contains(&word))
}

/// Whether a quote names a place the question does not: the capitalised
/// words after "in", "at", "to", "near", "from" or "between" ("a road
/// between Kraljevo and Raška") (and a "the" before them),
/// a name as the sources write it, or ending in one ("with the centre in
/// Novomirgorod", "in Sremski Karlovci", "at the National Museum of
/// Serbia", but not "in Six-Day War", whose "war" is a common word).
fn names_something_new(text: &str, focus: &Focus, index: &Index) -> bool {
    let query = focus.query;
    let words: Vec<&str> = text.split_whitespace().collect();
    let unnamed: Vec<Vec<String>>;
    let event_words = if focus.event_words.is_empty() {
        unnamed = (0..query.keys.len())
            .filter(|&at| !query.light.get(at).copied().unwrap_or(false))
            .map(|at| &query.keys[at])
            .filter(|key| !index.is_proper_key(key) && !index.ordinal_keys().contains(key) && !key.starts_with(|c: char| c.is_ascii_digit()))
            .map(|key| vec![key.clone()])
            .collect();
        &unnamed
    } else {
        focus.event_words
    };
    let locating = event_phrase(&words, event_words, query, index);
    words.iter().enumerate().any(|(position, before)| {
        if !locating.contains(&position) {
            return false;
        }
        let after = &words[position + 1..];
        let after = if after.first() == Some(&"the") { &after[1..] } else { after };
        // "in January 1945" is a time, not a place.
        if after.first().is_some_and(|first| crate::facts::date::is_month_name(first.trim_end_matches([',', '.', ';']))) {
            return false;
        }
        if *before == "on" || *before == "along" {
            return names_a_side(after, query, index);
        }
        if !["in", "at", "to", "near", "from", "between"].contains(before) {
            return false;
        }
        if *before == "to" && qualifies_a_noun(after) {
            return false;
        }
        // "a coordinating body for Communist *parties in* the Soviet Union,
        // Bulgaria…": which parties, not where the body was.
        if *before == "in" && position > 0 && places_a_plural_not_asked(words[position - 1], query, index) {
            return false;
        }
        // "The situation *in the Communist Party of Yugoslavia*": within an organisation, not a place.
        if *before == "in" && names_an_organisation(after, index) {
            return false;
        }
        names_new_place(capitalised_run(after), query, index) || names_new_place(places_of_part(after), query, index) || names_a_side(after, query, index)
    })
}

/// Whether the capitalised words that open `words` name an organisation:
/// their head noun (the last of them, before any "of" or punctuation) is a
/// kind of organisation ("Communist *Party* of Yugoslavia"), as a place's
/// is not ("National *Museum* of Serbia").
fn names_an_organisation(words: &[&str], index: &Index) -> bool {
    let mut head = None;
    for word in words.iter().take_while(|word| word.starts_with(char::is_uppercase)) {
        head = Some(word.trim_end_matches([',', ';', '.', ':', ')']));
        if word.ends_with([',', ';', '.', ':']) {
            break;
        }
    }
    head.is_some_and(|head| index.word_keys(&head.to_lowercase()).iter().any(|key| index.is_an_organisation(key)))
}

/// The word positions of `words` whose places can say where the asked
/// event was. When the sentence tells every event word of the question
/// (or, when it has none, every word of it that is no name, number or
/// ordinal: "meet") only in a phrase set before or between commas that
/// opens with a preposition ("*during the new meeting between Stalin and
/// Tito*, Yugoslav leader … complained about rape cases in Belgrade"), a
/// place outside that phrase locates the main clause, not the event: only
/// the phrase counts. A sentence that tells none of them and shares no
/// word with the question says where something else was ("the Red Army's
/// presence in Yugoslavia" for where Stalin met Tito): none of it counts.
/// Otherwise the whole sentence does.
fn event_phrase(words: &[&str], event_words: &[Vec<String>], query: &Query, index: &Index) -> std::ops::Range<usize> {
    let whole = 0..words.len();
    if event_words.is_empty() {
        return whole;
    }
    let keys: Vec<Vec<String>> = words.iter().map(|word| index.word_keys(word)).collect();
    let told_at = |forms: &Vec<String>| -> Vec<usize> { (0..words.len()).filter(|&at| keys[at].iter().any(|key| forms.contains(key))).collect() };
    let told: Vec<Vec<usize>> = event_words.iter().map(told_at).collect();
    if told.iter().all(Vec::is_empty) {
        let shares_a_word = keys.iter().flatten().any(|key| query.keys.contains(key));
        return if shares_a_word { whole } else { 0..0 };
    }
    let mut phrase: Option<(usize, usize)> = None;
    for places in told {
        if places.is_empty() {
            return whole;
        }
        for at in places {
            let start = words[..at].iter().rposition(|w| w.ends_with(',')).map_or(0, |comma| comma + 1);
            let Some(end) = words[at..].iter().position(|w| w.ends_with(',')).map(|offset| at + offset + 1) else { return whole };
            let opener = words[start].to_lowercase();
            if !(INTRODUCTIONS.contains(&opener.as_str()) || opener == "at") || phrase.is_some_and(|own| own != (start, end)) {
                return whole;
            }
            phrase = Some((start, end));
        }
    }
    phrase.map_or(whole, |(start, end)| start..end)
}

/// Whether the number nearest before the place `key` in `text` is counted
/// in another place named between them ("approximately 40,000 Russian
/// refugees were living *in the Kingdom of Yugoslavia*, … particularly in
/// Belgrade"). False when no number comes before the place.
pub(crate) fn counted_in_another_place(index: &Index, text: &str, key: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_place = |at: usize| index.word_keys(words[at]).iter().any(|own| own == key);
    let Some(place) = (0..words.len()).find(|&at| is_place(at)) else { return false };
    let is_number = |word: &str| word.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&word.trim_end_matches([',', '.', ';']));
    let Some(number) = (0..place).rev().find(|&at| is_number(words[at])) else { return false };
    (number + 1..place).any(|at| {
        if !matches!(words[at], "in" | "at") {
            return false;
        }
        let after = &words[at + 1..place];
        let after = if after.first() == Some(&"the") { &after[1..] } else { after };
        let run = capitalised_run(after);
        let keys: Vec<String> = run.iter().flat_map(|w| index.word_keys(w)).collect();
        !keys.is_empty() && keys.iter().any(|k| index.is_proper_key(k)) && !keys.iter().any(|k| k == key)
    })
}

/// Compass words that say which side of a land ("the *southeastern* borders").
const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western",
    "northeastern", "northwestern", "southeastern", "southwestern",
];

/// Whether `words`, after a preposition, name a side of a land the
/// question does not already give: a compass word, after a possessive
/// ("on the *country's* southeastern and northwestern borders"), that is
/// no part of a name ("Eastern Europe", "the East Bloc").
fn names_a_side(words: &[&str], query: &Query, index: &Index) -> bool {
    let words = match words.first() {
        Some(first) if first.ends_with("'s") || first.ends_with("’s") => &words[1..],
        _ => words,
    };
    let Some(first) = words.first() else { return false };
    // Lower case: a capitalised one is part of a name.
    let bare = first.trim_end_matches([',', '.', ';', ':']);
    COMPASS_WORDS.contains(&bare) && index.word_keys(bare).iter().all(|k| !query.keys.contains(k))
}

/// Whether `run`, a capitalised run of a sentence, is a name (a place) the
/// question does not already give.
fn names_new_place(run: Vec<&str>, query: &Query, index: &Index) -> bool {
    let keys: Vec<String> = run.iter().flat_map(|w| index.word_keys(w)).collect();
    // A common word may lead a name whose last word is one ("National Museum of Serbia").
    let named = keys.last().is_some_and(|last| index.is_proper_key(last)) || keys.iter().all(|k| index.is_proper_key(k));
    !keys.is_empty() && named && keys.iter().all(|k| !query.keys.contains(k))
}

/// Whether `word` is a plural common noun the question does not hold
/// ("parties"): a place after it says which of them, not where the event was.
fn places_a_plural_not_asked(word: &str, query: &Query, index: &Index) -> bool {
    let lower = word.to_lowercase();
    let plural = lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && lower.chars().all(char::is_alphabetic);
    plural && !word.starts_with(char::is_uppercase) && index.word_keys(&lower).iter().all(|key| !query.keys.contains(key) && !index.is_proper_key(key))
}

/// Whether the capitalised words that open `words` only qualify the common
/// noun after them ("gave an interview to *Egyptian* daily Al-Ahram", "to
/// Soviet leaders"): after "to", that is whom something went to, not where.
fn qualifies_a_noun(words: &[&str]) -> bool {
    let capitalised = |word: &&str| word.chars().next().is_some_and(char::is_uppercase);
    let Some(end) = words.iter().position(|word| !capitalised(word)).filter(|&end| end > 0) else { return false };
    let run_ends_clause = words[end - 1].ends_with([',', '.', ';', ':', ')']);
    let next = words[end];
    !run_ends_clause && next.chars().all(char::is_alphabetic) && !NOUN_FOLLOWERS_THAT_END_A_NAME.contains(&next) && !crate::text::lexicon::is_stopword(next, crate::text::Language::En)
}

/// Small words that may follow a name without being a noun it qualifies
/// ("to Moscow *and* Belgrade", "to Belgrade *in* 1955").
const NOUN_FOLLOWERS_THAT_END_A_NAME: &[&str] = &[
    "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "that", "which", "who", "where", "when", "after", "before",
    "during", "until", "while", "was", "were", "is", "are", "had", "has", "the", "a", "an", "but", "since", "under", "via", "because",
    "between", "over", "across", "through", "into", "against", "than", "within",
];

/// Words for a part of a land ("in the *northeast* of the country").
const PART_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western",
    "centre", "center", "interior", "region", "regions", "territory", "territories", "part", "parts",
];

/// How many words after a part word may come before the places it names.
const PART_REACH: usize = 6;

/// The places a part of a land is named by, after a preposition and its
/// part word: "in the northeast of the country (*Vojvodina*, Slavonia,
/// Belgrade)", "in the north of *Serbia*". Empty when `words` does not
/// begin with a part word.
fn places_of_part<'a>(words: &[&'a str]) -> Vec<&'a str> {
    if !words.first().is_some_and(|first| PART_WORDS.contains(&first.trim_end_matches([',', '.', ';']))) {
        return Vec::new();
    }
    let reach = words.iter().take(PART_REACH + 1).position(|w| w.ends_with([',', '.', ';', ':'])).map_or(PART_REACH + 1, |end| end + 1);
    for at in 1..reach.min(words.len()) {
        if let Some(inner) = words[at].strip_prefix('(') {
            let mut rest = vec![inner];
            rest.extend(words.iter().skip(at + 1).take_while(|w| !w.starts_with('(')));
            return capitalised_run(&rest);
        }
        if words[at] == "of" {
            let rest = if words.get(at + 1) == Some(&"the") { &words[at + 2..] } else { &words[at + 1..] };
            let run = capitalised_run(rest);
            if !run.is_empty() {
                return run;
            }
        }
    }
    Vec::new()
}

/// The capitalised words `words` begins with, punctuation trimmed, through
/// an "of" or "of the" between two of them ("National Museum of Serbia").
fn capitalised_run<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let capitalised = |at: usize| words.get(at).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let mut run = Vec::new();
    let mut at = 0;
    while capitalised(at) {
        run.push(words[at].trim_end_matches([',', '.', ';', ')', ':']));
        // A comma or a semicolon ends a name: "in Polish People's Republic, Czechoslovak …" lists several.
        if words[at].ends_with([',', ';', '.', ':']) {
            break;
        }
        at += 1;
        let joined = match words.get(at) {
            Some(&"of") if words.get(at + 1) == Some(&"the") => 2,
            Some(&"of") => 1,
            _ => 0,
        };
        if joined > 0 && capitalised(at + joined) {
            at += joined;
        }
    }
    run
}

/// Whether a quote names a doer the question does not: a name as the
/// sources write it (a state, an army, a government) right after "by" or
/// "on the part of" ("supported *by Russia*", "backed by the British
/// government"), or before every word of the question in the sentence
/// ("*Hungarian and Soviet forces* were massing on the … frontier"). A
/// name after the question's words is more likely what was done to ("…
/// led Austria-Hungary to declare war"), and does not answer "who", unless
/// the question asks for the object (`anywhere`: "who did Yugoslavia turn
/// to").
fn names_a_doer(text: &str, named: &HashSet<String>, index: &Index, anywhere: bool) -> bool {
    let words = sentence_words(text);
    let asked = |key: &str| named.contains(key);
    let keyed: Vec<Vec<String>> = words.iter().map(|w| index.word_keys(w)).collect();
    // A month the question dates the deed by ("in *July* 68") is when, not who.
    let first_asked = keyed.iter().enumerate().position(|(at, keys)| keys.iter().any(|k| asked(k)) && !crate::facts::date::is_month_name(words[at]));
    let is_new_name = |keys: &Vec<String>| !keys.is_empty() && keys.iter().all(|k| index.is_proper_key(k) && !asked(k));
    // "*Volunteers and mercenaries* from Russia were cited to have gone…":
    // the sentence's subject, people of a kind (a plural, not a title such
    // as "President") the question does not name.
    let group_subject = |position: usize, keys: &Vec<String>| {
        position == 0 && words[0].ends_with('s') && keys.iter().any(|k| index.is_person_kind(k) && !index.is_title_key(k) && !asked(k))
    };
    // "the *United States*": two capitalised words the base writes as one
    // name, though each is also a common word.
    let capitalised = |at: usize| words.get(at).is_some_and(|w| w.starts_with(char::is_uppercase));
    let named_pair = |position: usize| {
        let unasked = |at: usize| keyed.get(at).is_some_and(|keys| !keys.is_empty() && keys.iter().all(|k| !asked(k)));
        position > 0 && capitalised(position) && capitalised(position + 1) && unasked(position) && unasked(position + 1)
            && index.is_name_bigram(&crate::text::fold::fold_for_search(words[position]), &crate::text::fold::fold_for_search(words[position + 1]))
    };
    keyed.iter().enumerate().any(|(position, keys)| {
        if !((is_new_name(keys) || named_pair(position)) && words[position].starts_with(char::is_uppercase)) && !group_subject(position, keys) {
            return false;
        }
        // "in June 1940" is a time; "the Kingdom of Yugoslavia" is the name asked.
        let of_the_asked = words.get(position + 1) == Some(&"of") && keyed.get(position + 2).is_some_and(|next| next.iter().any(|k| asked(k)));
        if crate::facts::date::is_month_name(words[position]) || of_the_asked {
            return false;
        }
        // "Who did Tito meet in Prague": "gathered *in* Belgrade" names where, not whom.
        let at_a_place = position > 0 && super::index::LOCATIVES.contains(&words[position - 1].to_lowercase().as_str());
        if anywhere && at_a_place {
            return false;
        }
        let before = &words[position.saturating_sub(DOER_AFTER_BY)..position];
        // "Support and protection *on the part of* the ruling House of Karađorđević": by them.
        let on_the_part_of = (2..position).any(|at| {
            position - at <= DOER_AFTER_BY + 1 && words[at - 2].eq_ignore_ascii_case("on") && words[at - 1] == "the" && words[at] == "part" && words.get(at + 1) == Some(&"of")
        });
        // "With *support* in logistics and air power *from* the Western Allies": the support's giver.
        let support_from = before.last().is_some_and(|w| w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("the") && before.len() > 1 && before[before.len() - 2].eq_ignore_ascii_case("from"))
            && words[..position].iter().rev().take(SUPPORT_REACH).any(|w| SUPPORT_NOUNS.contains(&w.to_lowercase().as_str()));
        let after_by = on_the_part_of || support_from || before.iter().any(|w| w.eq_ignore_ascii_case("by"));
        // "Serbia, *along with* the Principality of Montenegro, declared…": a doer beside the asked one.
        let along_with = before.windows(2).any(|pair| matches!(pair[0].to_lowercase().as_str(), "along" | "together") && pair[1].eq_ignore_ascii_case("with"));
        anywhere || after_by || along_with || first_asked.is_some_and(|first| position < first) && !subject_of_a_passive(&words, position)
    })
}

/// Nouns of help given, whose giver comes after "from" ("support … from
/// the Western Allies").
const SUPPORT_NOUNS: &[&str] = &["support", "help", "aid", "assistance", "backing"];

/// How many words before a giver's "from" its noun of help may stand.
const SUPPORT_REACH: usize = 8;

/// Whether the name at `position` opens the subject of a passive verb that
/// names no doer: "The *Orthodox* worship of Saint Sava was established in
/// Russia" tells that it was done, not who did it.
fn subject_of_a_passive(words: &[&str], position: usize) -> bool {
    let is_auxiliary = |word: &&str| PASSIVE_AUXILIARIES.iter().any(|aux| word.eq_ignore_ascii_case(aux));
    let rest = &words[position + 1..];
    let Some(aux) = rest.iter().take(PASSIVE_SUBJECT_REACH).position(is_auxiliary) else { return false };
    let Some(verb) = rest[aux..].iter().position(|word| !is_auxiliary(word) && !word.ends_with("ly")).map(|at| aux + at) else { return false };
    let participle = rest[verb].len() > 4 && (rest[verb].ends_with("ed") || rest[verb].ends_with("en"));
    // "Were cited *to have gone*": a report of what the subject did.
    let reports_a_deed = rest.get(verb + 1).is_some_and(|next| next.eq_ignore_ascii_case("to"));
    participle && !reports_a_deed && !agent_after(rest, verb)
}

/// Whether a word after position `at` brings in who did it ([`AGENT_MARKERS`]).
fn agent_after(words: &[&str], at: usize) -> bool {
    words.get(at + 1..).is_some_and(|rest| rest.iter().any(|w| AGENT_MARKERS.iter().any(|marker| w.eq_ignore_ascii_case(marker))))
}

/// How far after a name its clause's verb is looked for ("The Orthodox
/// worship of Saint Sava *was* established").
const PASSIVE_SUBJECT_REACH: usize = 6;

/// Whether `text` names a person the question does not, right before one
/// of the question's years: in a list of who did it when ("Boris Tadić in
/// 2004 and 2009, Tomislav Nikolić in 2012"), the one of the year asked.
fn names_a_person_at_the_year(text: &str, query: &Query, named: &HashSet<String>, index: &Index) -> bool {
    if query.years.is_empty() {
        return false;
    }
    let words = sentence_words(text);
    let asked_year = |word: &str| super::index::year_of(word).is_some_and(|year| query.years.contains(&year));
    let new_person = |word: &str| {
        let keys = index.word_keys(word);
        word.starts_with(char::is_uppercase) && !keys.is_empty() && keys.iter().all(|k| index.is_personal_name_key(k) && !named.contains(k))
    };
    (0..words.len()).filter(|&at| asked_year(words[at])).any(|at| {
        let before = &words[at.saturating_sub(PERSON_BEFORE_YEAR)..at];
        before.iter().rev().skip_while(|w| w.eq_ignore_ascii_case("in")).take(1).any(|w| new_person(w))
    })
}

/// How many words before a year the name of who did it then may end ("Boris Tadić *in* 2004").
const PERSON_BEFORE_YEAR: usize = 2;

/// Whether `text` gives the name of what the question calls `head` ("what
/// was the name of the Russian minister"): a capitalised run that holds the
/// head and a name the question does not say ("the so-called *Pig War*"
/// for "what was the economic war called"), or a name set beside it by a
/// comma or by "named" ("the Russian Minister, *Nikolai Hartwig*"). A
/// sentence that holds the head only as a post ("the Russian Minister in
/// Belgrade intervened") does not name it. The names that qualify the head
/// in the question (`qualifiers`: "the *Russian* minister") must be in the
/// run or just before it: "the Prime Minister Nikola Pašić" names another
/// minister.
pub fn names_the_head(index: &Index, text: &str, head: &str, qualifiers: &[String], query: &Query) -> bool {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let bare = |at: usize| raw.get(at).map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let capitalised = |at: usize| bare(at).starts_with(char::is_uppercase);
    let asked = |key: &str| (0..query.keys.len()).any(|w| index.word_is(query, w, key));
    // The head as the question has it, with what it may stand for ("movie": "film").
    let head_word = query.keys.iter().position(|k| k == head);
    let is_head = |key: &String| key == head || head_word.is_some_and(|w| index.word_is(query, w, key));
    // Not the sentence's first word, whose capital says nothing; a stopword keys to nothing and is no name.
    let new_name = |at: usize| at > 0 && capitalised(at) && index.word_keys(bare(at)).iter().any(|k| !asked(k));
    // A capitalised run goes on through "of" and "of the" ("Republic *of* Yugoslavia").
    let joins = |at: usize| bare(at) == "of" && (capitalised(at + 1) || bare(at + 1) == "the" && capitalised(at + 2));
    let in_run = |at: usize| capitalised(at) || joins(at) || bare(at) == "the" && at > 0 && joins(at - 1);
    // Each name that qualifies the head in the question is in `start..=end` or just before it.
    let qualified = |start: usize, end: usize| qualifiers.iter().all(|qualifier| (start.saturating_sub(QUALIFIER_BEFORE)..=end).any(|i| index.word_keys(bare(i)).contains(qualifier)));
    (0..raw.len()).filter(|&at| index.word_keys(bare(at)).iter().any(is_head)).any(|at| {
        if known_as_before(&raw, at).is_some_and(|(name_start, name_end)| (name_start..=name_end).any(new_name) && qualified(name_start, at)) {
            return true;
        }
        let (mut start, mut end) = (at, at);
        if capitalised(at) {
            while start > 0 && in_run(start - 1) && !raw[start - 1].ends_with(',') {
                start -= 1;
            }
            while in_run(end + 1) && !raw[end].ends_with(',') {
                end += 1;
            }
        }
        if !qualified(start, end) {
            return false;
        }
        let named_in_run = (start..=end).any(|i| i != at && new_name(i));
        // "the film *The Balkan Line*", "the Russian Minister, *X*", "a war *called* …".
        let called = matches!(bare(end + 1), "named" | "called");
        let next = end + 1 + usize::from(called);
        let beside_after = new_name(next) || bare(next).eq_ignore_ascii_case("the") && new_name(next + 1);
        let beside_before = start >= 2 && bare(start - 1).eq_ignore_ascii_case("the") && raw[start - 2].ends_with(',') && new_name(start - 2);
        named_in_run || beside_after || beside_before
    })
}

/// "Colonel Dragutin Dimitrijević, *known* by his codename Apis": the
/// capitalised run that ends right before a "known" a few words before
/// `at`, as its first and last positions.
fn known_as_before(raw: &[&str], at: usize) -> Option<(usize, usize)> {
    let known = (at.saturating_sub(KNOWN_AS_REACH)..at).rev().find(|&i| raw[i].eq_ignore_ascii_case("known"))?;
    let end = known.checked_sub(1)?;
    let capitalised = |i: usize| raw[i].trim_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase);
    if !capitalised(end) {
        return None;
    }
    let start = (0..=end).rev().take_while(|&i| capitalised(i) && (i == end || !raw[i].ends_with(','))).last()?;
    Some((start, end))
}

/// How many words before a name "known" may stand ("known *by his codename* Apis").
const KNOWN_AS_REACH: usize = 5;

/// How many words before a named thing may qualify it ("the 2019
/// *Serbian-Russian* film").
const QUALIFIER_BEFORE: usize = 3;

/// A sentence's words as written, hyphens and apostrophes kept inside them
/// ("Austro-Hungarian", "Wrangel's").
pub(crate) fn sentence_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').filter(|w| !w.is_empty()).collect()
}

/// Whether quote `position` of an event or treaty names one of the people
/// the entry lists, and the question does not already name them.
fn names_own_people(index: &Index, entry: &Entry, doc: usize, position: usize, query: &Query) -> bool {
    let Some(keys) = index.quote_keys(doc).get(position) else { return false };
    entry.kind != crate::facts::Kind::Person && index.people_keys(doc).iter().any(|own| !query.keys.contains(own) && keys.binary_search(own).is_ok())
}

/// Words after a passive verb that bring in who did it: "deposed *by* the
/// Assembly", "defeated in the war *with* Bulgaria".
const AGENT_MARKERS: &[&str] = &["by", "with", "against"];

/// Whether the entry tells the deed a "who" question asks the doer of, and
/// every sentence that tells it does so in the passive with no doer: "King
/// Alexander I was assassinated in a coup d'état" is the entry's account
/// of the killing, and a name in its other sentences (the new prime
/// minister) is not the killer.
fn tells_deed_without_doer(entry: &Entry, index: &Index, deed: &[Vec<String>]) -> bool {
    let mut telling = entry.quotes.iter().map(|quote| deed_told(&quote.text, index, deed)).filter(|told| *told != DeedTold::Not).peekable();
    telling.peek().is_some() && telling.all(|told| told == DeedTold::WithoutDoer)
}

/// Forms of "to be" that make a passive ("was assassinated").
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

/// How a sentence tells the deed a "who" question asks the doer of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeedTold {
    /// No word of the sentence is one of the deed's verbs' forms.
    Not,
    /// Only in the passive, without saying by whom.
    WithoutDoer,
    /// In the active voice, or with a doer after it.
    WithDoer,
}

/// How `text` tells the deed (`deed`: the keys of its verb's forms):
/// "King Alexander I was assassinated in a coup d'état" tells it only in
/// the passive and names no killer; the active voice, or a doer brought in
/// after it ("by", "in the war with"), tells it with its doer.
fn deed_told(text: &str, index: &Index, deed: &[Vec<String>]) -> DeedTold {
    if deed.is_empty() {
        return DeedTold::Not;
    }
    let words = sentence_words(text);
    let is_deed = |word: &str| index.word_keys(word).iter().any(|key| deed.iter().any(|forms| forms.contains(key)));
    let told: Vec<usize> = (0..words.len()).filter(|&at| is_deed(words[at])).collect();
    // "Were massing" is the progressive, not the passive.
    let passive = |at: usize| !words[at].ends_with("ing") && words[at.saturating_sub(2)..at].iter().any(|w| PASSIVE_AUXILIARIES.iter().any(|aux| w.eq_ignore_ascii_case(aux)));
    match told.as_slice() {
        [] => DeedTold::Not,
        told if told.iter().all(|&at| passive(at) && !agent_after(&words, at)) => DeedTold::WithoutDoer,
        _ => DeedTold::WithDoer,
    }
}

/// Whether `text` tells the deed only in the passive, without saying by
/// whom ([`deed_told`]). A sentence that does not tell the deed at all is
/// not refused: its doer may be told in other words ("organised" for
/// "started").
fn agentless_passive(text: &str, index: &Index, deed: &[Vec<String>]) -> bool {
    deed_told(text, index, deed) == DeedTold::WithoutDoer
}

/// How much of the question a quote speaks of: the idf of the question's
/// words it contains, and at [`ANTECEDENT_SHARE`] of the words only the
/// sentence it refers back to contains.
pub fn relevance(index: &Index, doc: usize, position: usize, query: &Query) -> f32 {
    weighed_relevance(index, doc, position, query, time_clause_share(query))
}

/// How much a word of a question's time clause counts towards a quote's
/// relevance: "were Serbia and Russia allies *before World War I*" asks
/// whether they were allies, which the sentence on the war's causes does
/// not say.
const TIME_CLAUSE_SHARE: f32 = 0.5;

/// [`TIME_CLAUSE_SHARE`] when the rest of the question asks something of
/// its own ([`Query::asks_beyond_context`]); else all of it: "what
/// happened *after Russia mobilized*" asks about the clause itself.
fn time_clause_share(query: &Query) -> f32 {
    if query.asks_beyond_context { TIME_CLAUSE_SHARE } else { 1.0 }
}

/// How much a word of a "why" question's time clause counts towards a
/// quote's relevance: "why did so many Russians choose Serbia *after the
/// invasion of Ukraine*" asks the reason for the choice, which the sentence
/// on the invasion's own causes does not give.
const TIME_CLAUSE_SHARE_FOR_WHY: f32 = 0.1;

/// [`relevance`], with the words of the question's time clause counted at
/// `context_share` of their weight.
fn weighed_relevance(index: &Index, doc: usize, position: usize, query: &Query, context_share: f32) -> f32 {
    let Some(keys) = index.quote_keys(doc).get(position) else { return 0.0 };
    // What the quote refers back to ("refused *the proposition*") counts too.
    let antecedent = index.antecedent_keys(doc, position);
    (0..query.keys.len())
        .map(|word| {
            let in_context = context_share < 1.0 && query.context.contains(&query.keys[word]);
            let share = if in_context { context_share } else { 1.0 };
            let weight = index.weight(query, word) * share;
            if index.word_in(query, word, keys) {
                weight
            } else if index.word_in(query, word, antecedent) {
                weight * ANTECEDENT_SHARE
            } else {
                0.0
            }
        })
        .sum()
}

/// The quote of entry `doc` that speaks most of the question, with its
/// [`relevance`]; of equal ones, the last.
pub fn most_relevant_quote(index: &Index, doc: usize, query: &Query) -> Option<(usize, f32)> {
    (0..index.quote_keys(doc).len()).map(|q| (q, relevance(index, doc, q, query))).max_by(|a, b| a.1.total_cmp(&b.1))
}

/// How much a word of the sentence a quote refers back to counts towards the quote's relevance.
const ANTECEDENT_SHARE: f32 = 0.5;

/// The quotes to show for `entry` among `candidates` (indexes into its
/// quotes): the most relevant one that states the answer, and before it the
/// most relevant one overall when that one does not state it.
pub fn choose<'e>(base: &FactBase, index: &Index, entry: &'e Entry, candidates: &[usize], focus: &Focus) -> Vec<&'e Quote> {
    let Some(doc) = base.index_of(&entry.id) else { return Vec::new() };
    let mut scored: Vec<(usize, f32, bool, f32)> = candidates
        .iter()
        .filter_map(|&position| {
            let quote = entry.quotes.get(position)?;
            // The year a question names marks the sentence it asks about, unless it asks why
            // or puts what it asks after or before the year.
            let marks = |year: &i32| !focus.boundary_years.contains(year) && contains_number(&quote.text, &year.to_string());
            let year_bonus = (focus.asks != Some(Asks::Why) && focus.query.years.iter().any(marks)) as u8 as f32 * index.max_idf();
            let reason_bonus = (focus.asks == Some(Asks::Why) && gives_a_reason_for(&quote.text, focus.query, index)) as u8 as f32 * REASON_BONUS * index.max_idf();
            // "When" asserts the whole date ("early 1948", "5 June 1972"): the sentence that says all of it proves it.
            let date_bonus = (focus.asks == Some(Asks::When) && focus.year.is_none() && states_whole_date(entry, &quote.text)) as u8 as f32 * index.max_idf();
            // "When did the war end": the sentence that states the end as an end comes before one that states the whole span.
            let boundary = focus.asks == Some(Asks::When) && (focus.asks_end && states_end(entry, &quote.text) || focus.asks_start && states_start(entry, &quote.text));
            let date_bonus = date_bonus + boundary as u8 as f32 * 2.0 * index.max_idf();
            // "Who made the mosaics": among the sentences that name a doer, one that names the event's own people.
            let people_bonus = (focus.asks == Some(Asks::Who) && names_own_people(index, entry, doc, position, focus.query)) as u8 as f32 * index.max_idf();
            // "How many": a sentence that gives the number in figures ("40,000 exiles") before one that only says "tens of thousands".
            let figure_bonus = (focus.asks == Some(Asks::HowMany) && has_figure(&quote.text)) as u8 as f32 * index.max_idf();
            let context_share = if focus.asks == Some(Asks::Why) { TIME_CLAUSE_SHARE_FOR_WHY } else { time_clause_share(focus.query) };
            let score = weighed_relevance(index, doc, position, focus.query, context_share) + year_bonus + reason_bonus;
            Some((position, score, states(entry, quote, focus, index, doc, position), date_bonus + people_bonus + figure_bonus))
        })
        .collect();
    let mut telling_the_event = None;
    if focus.asks_what_followed {
        telling_the_event = put_what_followed_first(index, doc, &mut scored);
    }
    // Best first; ties keep the entry's own order (its first quote is its lead sentence).
    // Among the quotes that state the answer, the one stating the whole date comes first.
    let best = |stating: bool| {
        let rank = |item: &(usize, f32, bool, f32)| if stating { item.1 + item.3 * WHOLE_DATE_LEAD } else { item.1 };
        scored.iter().filter(|(_, _, s, _)| *s || !stating).fold(None, |best: Option<&(usize, f32, bool, f32)>, item| match best {
            Some(b) if rank(b) >= rank(item) => Some(b),
            _ => Some(item),
        })
    };
    let stating = best(true);
    let overall = best(false);
    let mut chosen: Vec<usize> = Vec::new();
    match (stating, overall) {
        // A more relevant sentence that names another place is no help to "where" ("Serbia has an embassy in Moscow").
        (Some(stating), Some(overall)) if overall.1 > stating.1 && overall.0 != stating.0 && focus.asks != Some(Asks::Where) => {
            chosen.push(overall.0);
            chosen.push(stating.0);
        }
        (Some(stating), _) => chosen.push(stating.0),
        (None, Some(overall)) => chosen.push(overall.0),
        (None, None) => {}
    }
    // What followed is shown with the sentence it refers back to.
    if let Some(event) = telling_the_event.filter(|event| !chosen.contains(event)) {
        chosen.push(event);
    }
    // "How did Yugoslavia react": a manner is often told in two sentences
    // ("was alarmed", "officially condemned"); show the next one that speaks
    // of the question almost as much, when it says something else.
    if matches!(focus.asks, Some(Asks::How)) && chosen.len() == 1 {
        let first = chosen[0];
        let first_text = entry.quotes.get(first).map(|q| q.text.as_str());
        let first_score = scored.iter().find(|item| item.0 == first).map_or(0.0, |item| item.1);
        let second = scored
            .iter()
            .filter(|item| item.0 != first && entry.quotes.get(item.0).map(|q| q.text.as_str()) != first_text && item.1 > 0.0 && item.1 >= first_score * SECOND_MANNER)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some(second) = second {
            chosen.push(second.0);
        }
    }
    // "When did it start and when did it end": a sentence for each end of the span.
    if focus.asks == Some(Asks::When) && focus.asks_start && focus.asks_end {
        if let Some(date) = &entry.date {
            let points = date.points();
            let ends: [(fn(&Entry, &str) -> bool, Option<&crate::facts::date::Point>); 2] = [(states_start, points.first()), (states_end, points.last())];
            let mut start = None;
            for (states_boundary, point) in ends {
                let shows = |position: &usize| entry.quotes.get(*position).is_some_and(|q| states_boundary(entry, &q.text) || point.is_some_and(|point| point.year_stated_by(&q.text)));
                if !chosen.iter().any(shows) {
                    if let Some(position) = candidates.iter().copied().find(shows) {
                        chosen.push(position);
                    }
                }
                start = start.or_else(|| chosen.iter().copied().find(shows));
            }
            // The beginning first, then the end.
            chosen.sort_by_key(|position| Some(*position) != start);
        }
    }
    // A year inside a range whose two ends no single quote states: show a quote for each end.
    if let (Some(year), Some(date)) = (focus.year, &entry.date) {
        if !chosen.iter().any(|&p| entry.quotes.get(p).is_some_and(|q| date.states_year(&q.text, year))) {
            for point in date.points() {
                let states_end = |p: &usize| entry.quotes.get(*p).is_some_and(|q| point.year_stated_by(&q.text));
                if !chosen.iter().any(states_end) {
                    if let Some(position) = candidates.iter().copied().find(states_end) {
                        chosen.push(position);
                    }
                }
            }
        }
    }
    // A dated entry's answer shows its date: prove it too, when the chosen quotes don't.
    if let (Some(date), false) = (&entry.date, matches!(focus.asks, Some(Asks::When)) || focus.year.is_some()) {
        let dated = |position: &usize| entry.quotes.get(*position).is_some_and(|q| date.year_stated_by(&q.text));
        if !chosen.iter().any(dated) {
            if let Some(position) = candidates.iter().copied().find(dated) {
                chosen.push(position);
            }
        }
    }
    chosen.into_iter().filter_map(|position| entry.quotes.get(position)).collect()
}

/// For a question that asks what followed an event: the sentence that
/// refers back to the one that speaks most of the question ("*This* led
/// Germany to declare war on Russia", after "Russia mobilized") ranks just
/// above it. Returns the sentence referred back to, when one was passed.
fn put_what_followed_first(index: &Index, doc: usize, scored: &mut [(usize, f32, bool, f32)]) -> Option<usize> {
    let (event, top) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|item| (item.0, item.1))?;
    let follower = scored.iter_mut().find(|item| index.antecedent_of(doc, item.0) == Some(event))?;
    follower.1 = follower.1.max(top + f32::EPSILON.max(top * 1e-3));
    Some(event)
}

/// Whether any quote of the entry states what `focus` asserts. For who,
/// where and how many, that quote must also speak of what was asked (share
/// a word with the question): a person named in another sentence of the
/// entry did not do what the question asks about.
pub fn entry_states(base: &FactBase, index: &Index, entry: &Entry, focus: &Focus) -> bool {
    let Some(doc) = base.index_of(&entry.id) else { return false };
    let needs_topic = !focus.query.keys.is_empty() && matches!(focus.asks, Some(Asks::Who | Asks::Where | Asks::HowMany | Asks::HowLong | Asks::When)) && entry.kind != crate::facts::Kind::Person;
    if focus.asks == Some(Asks::Who) && entry.kind != crate::facts::Kind::Person && tells_deed_without_doer(entry, index, &focus.deed) {
        return false;
    }
    // The people the question names, found once for all the quotes.
    let people_asked = std::cell::OnceCell::new();
    entry.quotes.iter().enumerate().any(|(position, quote)| {
        states(entry, quote, focus, index, doc, position)
            && (!needs_topic || speaks_of_topic(index, doc, position, &quote.text, focus, entry.kind))
            && years_bound(index, doc, position, &quote.text, focus.query)
            && (focus.asks != Some(Asks::When) || year_of_the_person_asked(index, &quote.text, || people_asked.get_or_init(|| index.names_of_people_named(&focus.query.keys))))
    })
}

/// Whether a quote that lists people with their years ("the rulers …,
/// Alexander of Battenberg and from *1887* Ferdinand I") gives a year of the
/// person a "when" question names: not when each of its years stands
/// between that person's name and another person's, nearer the other. True
/// when the question names no person, or the quote no other.
fn year_of_the_person_asked<'i>(index: &'i Index, text: &str, people_asked: impl FnOnce() -> &'i HashSet<&'i String>) -> bool {
    // The cheap tests first: most quotes state no year, or name fewer than two people.
    let words: Vec<&str> = super::index::split_words(text).collect();
    let years: Vec<usize> = (0..words.len()).filter(|&at| super::index::year_of(words[at]).is_some()).collect();
    if years.is_empty() {
        return true;
    }
    // People are named by capitalised words; only those are keyed.
    let capitalised = (0..words.len()).filter(|&at| words[at].chars().next().is_some_and(char::is_uppercase));
    let people: Vec<(usize, Vec<String>)> = capitalised.map(|at| (at, index.known_word_keys(words[at]))).filter(|(_, keys)| keys.iter().any(|key| index.is_personal_name_key(key))).collect();
    if people.len() < 2 {
        return true;
    }
    let own = people_asked();
    if own.is_empty() {
        return true;
    }
    let places = |of_asked: bool| -> Vec<usize> {
        people.iter().filter(|(_, keys)| keys.iter().any(|key| index.is_personal_name_key(key) && own.contains(key) == of_asked)).map(|(at, _)| *at).collect()
    };
    let (own, others) = (places(true), places(false));
    if own.is_empty() || others.is_empty() {
        return true;
    }
    let nearest = |at: usize, places: &[usize]| places.iter().copied().min_by_key(|&place| place.abs_diff(at));
    years.into_iter().any(|at| match (nearest(at, &own), nearest(at, &others)) {
        (Some(own), Some(other)) => (own < at) == (other < at) || own.abs_diff(at) <= other.abs_diff(at) || other.abs_diff(at) > YEAR_BINDING_REACH,
        _ => true,
    })
}

/// Whether the entry's quotes that state one of the question's years bind
/// the question's names to it ([`years_bound`]); true when none states one.
/// Names in `about` (what the question asks "about": "a 2019 movie about
/// *Kosovo*") are what is told, not a party the year dates, and bind none.
pub fn binds_years(base: &FactBase, index: &Index, entry: &Entry, query: &Query, about: &[String]) -> bool {
    let Some(doc) = base.index_of(&entry.id) else { return false };
    let stating: Vec<(usize, &Quote)> = entry.quotes.iter().enumerate().filter(|(_, q)| query.years.iter().any(|y| contains_number(&q.text, &y.to_string()))).collect();
    stating.is_empty() || stating.iter().any(|(position, q)| years_bound_except(index, doc, *position, &q.text, query, about))
}

/// One quote of an entry as the evidence stage sees it (for `--explain`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteCheck {
    pub position: usize,
    /// How much of the question the quote speaks of.
    pub relevance: f32,
    /// Whether it states what the question asks (a date, a number, a doer…).
    pub states: bool,
    /// Whether it holds nearly all of the question's known words.
    pub speaks_of_all: bool,
    /// Whether each name near a listed year belongs to one of the question's years.
    pub years_bound: bool,
}

/// Every quote of `entry` checked against `focus` (what `--explain` prints).
pub fn quote_checks(base: &FactBase, index: &Index, entry: &Entry, focus: &Focus) -> Vec<QuoteCheck> {
    let Some(doc) = base.index_of(&entry.id) else { return Vec::new() };
    entry
        .quotes
        .iter()
        .enumerate()
        .map(|(position, quote)| QuoteCheck {
            position,
            relevance: relevance(index, doc, position, focus.query),
            states: states(entry, quote, focus, index, doc, position),
            speaks_of_all: speaks_of_all(index, doc, position, focus.query, false),
            years_bound: years_bound(index, doc, position, &quote.text, focus.query),
        })
        .collect()
}

/// In a sentence that lists several years ("Vladimir Putin 2000, 2011, 2014,
/// and 2019; Dmitry Medvedev in 2009"), each name the question asks about
/// (and the entry is not named after) belongs to the year nearest to it:
/// that year must be one the question names. Names the quote's setting
/// holds (its source's title and section heading) frame every sentence there
/// and bind no year.
fn years_bound(index: &Index, doc: usize, position: usize, text: &str, query: &Query) -> bool {
    years_bound_except(index, doc, position, text, query, &[])
}

/// [`years_bound`], with the names of `free` binding no year.
fn years_bound_except(index: &Index, doc: usize, position: usize, text: &str, query: &Query, free: &[String]) -> bool {
    if query.years.is_empty() {
        return true;
    }
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let years: Vec<(usize, i32)> = words.iter().enumerate().filter_map(|(i, w)| Some((i, super::index::year_of(w)?))).collect();
    if years.iter().map(|(_, y)| y).collect::<std::collections::BTreeSet<_>>().len() < 2 {
        return true;
    }
    let keyed = keyed_words(index, text);
    // A name the quote's setting holds ("Serbia" and "Russia" in the
    // article on Russia–Serbia relations) frames every sentence there and
    // binds no year; the names the question adds do.
    let binding = |word: usize| index.is_proper(query, word) && !index.in_name(doc, query, word) && !index.held_by_setting(doc, query, word, &[position]) && !free.contains(&query.keys[word]);
    (0..query.keys.len()).filter(|&word| binding(word)).all(|word| {
        let places: Vec<usize> = keyed.iter().enumerate().filter(|(_, keys)| keys.iter().any(|k| index.word_is(query, word, k))).map(|(i, _)| i).collect();
        places.iter().all(|&place| {
            // A year far from the name is another clause's ("*Croatia* … formally recognizes … the 1955 Agreement…").
            let nearest = years.iter().filter(|(i, _)| i.abs_diff(place) <= YEAR_BINDING_REACH).min_by_key(|(i, _)| i.abs_diff(place)).map(|(_, y)| *y);
            nearest.is_none_or(|year| query.years.contains(&year))
        })
    })
}

/// How many words from a name a year of a list may be and still be that
/// name's ("Boris Tadić in 2004 and 2009").
const YEAR_BINDING_REACH: usize = 5;

/// The index keys of each word of `text`, in order (words split where
/// [`years_bound`] splits them), keyed once for every look at the text.
pub(crate) fn keyed_words(index: &Index, text: &str) -> Vec<Vec<String>> {
    super::index::split_words(text).map(|w| index.known_word_keys(w)).collect()
}

/// [`keyed_words`], each word with its keys, for a reader that needs the
/// word as written too (a stopword keys to nothing: "*for* MiG-29").
pub(crate) fn words_with_keys<'t>(index: &Index, text: &'t str) -> Vec<(&'t str, Vec<String>)> {
    super::index::split_words(text).map(|w| (w, index.known_word_keys(w))).collect()
}

/// Whether quote `position` is about what was asked, for an answer of
/// `focus.asks`: it holds (nearly) all the question's words, counting the
/// entry's names for a date, a place, a treaty's signatories, or a doer the
/// quote names beside one of the question's own words ("*Authors of the
/// mosaics* were …" for "who designed the mosaics in the Church of Saint
/// Sava"). A quote that holds none of the question's words does not speak
/// of it, however well the entry's names do.
fn speaks_of_topic(index: &Index, doc: usize, position: usize, text: &str, focus: &Focus, kind: crate::facts::Kind) -> bool {
    let query = focus.query;
    let names_count = match focus.asks {
        Some(Asks::When | Asks::Where) => true,
        // A number bound to one of the question's words ("250,000
        // *demonstrators*" for "how many people demonstrated") is about what
        // was asked; the rest of the question may rest on the entry's names.
        Some(Asks::HowMany) => count_bound(index, text, query, &focus.counted, focus.counts_persons),
        Some(Asks::Who) => index.quote_keys(doc).get(position).is_some_and(|keys| {
            (0..query.keys.len()).any(|word| index.knows(query, word) && !query.light.get(word).copied().unwrap_or(false) && index.word_in(query, word, keys))
        }),
        _ => false,
    };
    // "Red Army *soldiers*": a kind of person after a name the quote holds
    // is the named group's members, which the sentence may leave unsaid
    // ("the Red Army's presence").
    let quote_keys = index.quote_keys(doc).get(position).map_or(&[][..], Vec::as_slice);
    let excused = |word: usize| {
        word > 0
            && query.keys.get(word).is_some_and(|key| index.is_person_kind(key) && !index.is_proper_key(key))
            && index.is_proper(query, word - 1)
            // A name of a group, not a people's ("*Serbian* refugees" are not the Serbs).
            && query.keys.get(word - 1).is_some_and(|group| !index.is_person_kind(group))
            && index.word_in(query, word - 1, quote_keys)
    };
    speaks_of_all_but(index, doc, position, query, names_count || kind == crate::facts::Kind::Treaty, excused)
}

/// Whether a quote, with the entry's names, holds (nearly) all the words of
/// the question the base knows: the sentence that proves a date, a number or
/// a person must be about what was asked ("when did Yugoslavia *join* the
/// UN" is not proven by a sentence on UN sanctions).
///
/// A date or place may rest on the entry's names and the people it involves
/// ("the Belgrade declaration was signed in 1955" need not repeat the name); a person or a number must
/// stand in the same sentence as what was asked (`names_count` false).
pub(crate) fn speaks_of_all(index: &Index, doc: usize, position: usize, query: &Query, names_count: bool) -> bool {
    speaks_of_all_but(index, doc, position, query, names_count, |_| false)
}

/// [`speaks_of_all`], with the question's words that `excused` says need
/// not be in the quote.
fn speaks_of_all_but(index: &Index, doc: usize, position: usize, query: &Query, names_count: bool, excused: impl Fn(usize) -> bool) -> bool {
    let Some(keys) = index.quote_keys(doc).get(position) else { return false };
    let antecedent = index.antecedent_keys(doc, position);
    let held = |word: usize| excused(word) || index.word_in(query, word, keys) || index.word_in(query, word, antecedent) || names_count && index.in_names_or_people(doc, query, word) || index.held_by_context(doc, query, word) || index.held_by_metonym(doc, query, word, &[position]);
    missing_share(index, query, held) <= MAX_MISSING
}

/// The share of the question's weight, over the words the base knows, that
/// `held` says the evidence lacks; a light word counts half its weight,
/// capped at [`LIGHT_CAP`].
/// 0 when the base knows none of the question's words.
pub fn missing_share(index: &Index, query: &Query, held: impl Fn(usize) -> bool) -> f32 {
    let (mut missing, mut total) = (0.0, 0.0);
    for word in (0..query.keys.len()).filter(|&word| index.knows(query, word)) {
        let light = query.light.get(word).copied().unwrap_or(false);
        // A light word is a paraphrase more often than not: however rare its
        // spelling in the base ("came"), it weighs no more than a common word.
        let weight = if light { index.weight(query, word).min(index.max_idf() * LIGHT_CAP) * LIGHT_SHARE } else { index.weight(query, word) };
        total += weight;
        if !held(word) {
            missing += weight;
        }
    }
    if total > 0.0 { missing / total } else { 0.0 }
}

/// Among the quotes that state a date, one that states it whole ("early
/// 1948", not only "1948") comes first, whatever else the others say: it is
/// the sentence that proves the answer's date. A more relevant one is shown
/// beside it.
const WHOLE_DATE_LEAD: f32 = 100.0;

/// How many words after "by" a doer's name may begin ("owned *by* the
/// Russian company *Gazprom* Neft").
const DOER_AFTER_BY: usize = 5;

/// A light word the base knows counts this much of its weight.
const LIGHT_SHARE: f32 = 0.5;
/// The largest weight a light word counts with, as a share of the largest idf.
const LIGHT_CAP: f32 = 0.3;
/// How much of the question (by weight) a proving quote may leave unsaid.
const MAX_MISSING: f32 = 0.4;

/// `number` in `text`, not as part of a longer number.
pub fn contains_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + number.len()..].chars().next();
        before.is_none_or(|c| !c.is_ascii_digit()) && after.is_none_or(|c| !c.is_ascii_digit())
    })
}

fn has_year(text: &str) -> bool {
    digit_runs(text).any(|run| super::index::year_of(run).is_some())
}

/// A count: digits that are not a year nor the day of a date, or a number
/// word. Digits that are part of a name ("Mi-35", "MiG-29", "R-77") count
/// nothing.
fn has_count(text: &str) -> bool {
    let lower = text.to_lowercase();
    let counts = figures(text)
        .filter(|token| !token.chars().any(char::is_alphabetic) || token.ends_with('%') || is_number_with_unit(token))
        .any(|token| digit_runs(token).any(|run| super::index::year_of(run).is_none()));
    // "The two countries" refers to things already counted; it is no count;
    // nor is the "Six" of a name ("the Six-Day War").
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '%').filter(|w| !w.is_empty()).collect();
    let in_names: Vec<String> = text.split_whitespace().filter(|token| is_hyphenated_name(token)).flat_map(|token| token.split('-')).map(str::to_lowercase).collect();
    counts || words.iter().enumerate().any(|(at, word)| NUMBER_WORDS.contains(word) && !VAGUE_MAGNITUDES.contains(word) && !(at > 0 && DEFINITE.contains(&words[at - 1])) && !in_names.iter().any(|part| part.trim_matches(|c: char| !c.is_alphanumeric()) == *word))
}

/// Whether `token` is a name of capitalised parts joined by hyphens
/// ("Six-Day", "Austro-Hungarian"), whose number word counts nothing.
fn is_hyphenated_name(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    token.contains('-') && token.split('-').all(|part| part.chars().next().is_some_and(char::is_uppercase))
}

/// Whether `text` writes a number in figures that is not a year nor the
/// day of a date ("40,000", "40 000", "359", but not the 28 of "28 June").
fn has_figure(text: &str) -> bool {
    figures(text).any(|token| digit_runs(token).any(|run| super::index::year_of(run).is_none()))
}

/// The tokens of `text` that may write a number, trimmed of punctuation,
/// less the days of dates: "On 28 June 1948" counts nothing.
fn figures(text: &str) -> impl Iterator<Item = &str> {
    let tokens: Vec<&str> = text.split_whitespace().map(|token| token.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let is_month = |at: Option<usize>| at.and_then(|at| tokens.get(at)).is_some_and(|token| crate::facts::date::is_month_name(token));
    let is_day = |at: usize| is_day_number(tokens[at]) && (is_month(at.checked_sub(1)) || is_month(Some(at + 1)));
    let kept: Vec<&str> = (0..tokens.len()).filter(|&at| !is_day(at)).map(|at| tokens[at]).collect();
    kept.into_iter()
}

/// Whether `token` could be a day of the month: one or two digits, 1 to 31.
fn is_day_number(token: &str) -> bool {
    token.len() <= 2 && token.parse::<u8>().is_ok_and(|day| (1..=31).contains(&day))
}

/// Words before a number word that make it a reference, not a count.
const DEFINITE: &[&str] = &["the", "these", "those", "both"];

/// How many words either side of a number may say what it counts.
const COUNT_REACH: usize = 3;

/// How many words after a number the kind of person it counts may stand
/// ("250,000 *demonstrators*", "40 000 Russian *exiles*").
const PERSONS_REACH: usize = 2;

/// Whether one of `text`'s numbers stands within [`COUNT_REACH`] words of
/// one of the question's own words that the base knows and that is not
/// light: "a large group of 250,000 demonstrators" binds the number to
/// "demonstrated"; "over 70% of Serbian citizens" does not bind it to
/// "rallies". What the question counts (`counted`) binds too, and any
/// kind of person when it counts people (`persons`).
fn count_bound(index: &Index, text: &str, query: &Query, counted: &[String], persons: bool) -> bool {
    let words = clause_words(text);
    let asked = |word: &str| {
        let keys = index.word_keys(word);
        // What the question counts binds, though it is light in the question ("10,486 *Russians*").
        keys.iter().any(|key| counted.contains(key))
            || (0..query.keys.len())
            .filter(|&w| index.knows(query, w) && !query.light.get(w).copied().unwrap_or(false))
            .any(|w| keys.iter().any(|key| index.word_is(query, w, key) || part_of_compound(index, query, w, key)))
    };
    let is_count = |at: usize| {
        let previous = at.checked_sub(1).and_then(|p| words.get(p)).map(|(w, _)| w.to_lowercase());
        words.get(at).is_some_and(|(word, _)| has_count(word)) && !previous.is_some_and(|p| DEFINITE.contains(&p.as_str()))
    };
    // "How many people": a number of persons of any kind, the noun it
    // counts following it ("250,000 *demonstrators*"; not "70% of *citizens*").
    let counts_persons = |at: usize| {
        let person = |word: &str| index.word_keys(word).iter().any(|key| index.is_person_kind(key) && !index.is_proper_key(key));
        persons && !words[at].0.ends_with('%') && words_after(&words, at, PERSONS_REACH).any(person)
    };
    (0..words.len()).filter(|&at| is_count(at)).any(|at| {
        // The words before the number, back to the clause's start, and after it, up to the clause's end.
        let before = words[at.saturating_sub(COUNT_REACH)..at].iter().rev().take_while(|(_, ends)| !ends);
        before.map(|(word, _)| *word).chain(words_after(&words, at, COUNT_REACH)).any(&asked) || counts_persons(at)
    })
}

/// A text's words, each with whether punctuation ends its clause after it.
fn clause_words(text: &str) -> Vec<(&str, bool)> {
    text.split_whitespace()
        .map(|raw| (raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'), raw.ends_with([',', ';', ':', '.'])))
        .filter(|(word, _)| !word.is_empty())
        .collect()
}

/// Up to `reach` words after word `at`, within its clause.
fn words_after<'a>(words: &'a [(&'a str, bool)], at: usize, reach: usize) -> impl Iterator<Item = &'a str> + 'a {
    words.iter().skip(at).take(reach + 1).scan(false, |ended, (word, ends)| {
        let this = (!*ended).then_some(*word);
        *ended |= *ends;
        this
    }).skip(1)
}

/// Words that scale a number rather than say what it counts ("$3 *billion*").
const MAGNITUDES: &[&str] = &["hundred", "thousand", "million", "millions", "billion", "billions", "bn", "m", "per", "cent", "percent"];

/// How far after a number, within its clause, what it counts may stand
/// ("some 300 Serbian nationals were *fighting*").
const COUNTED_AFTER: usize = 5;

/// How far back from a number, within its clause, what it counts may stand
/// ("the Union's *membership* in the Kingdom of Yugoslavia totaled 25,000").
const COUNTED_BEFORE: usize = 8;

/// Whether one of `text`'s numbers counts what the question counts
/// (`counted`, as keys): the counted word follows the number closely
/// ("1,204 *robberies*"), or the number follows a verb or preposition and
/// the counted word stands before it in the clause ("*membership* …
/// totaled 25,000"). "$200,000 in cash meant for the Serbian officers"
/// counts cash, not officers.
fn counts_what_is_asked(index: &Index, text: &str, counted: &[String]) -> bool {
    let words = clause_words(text);
    let percent = counted.iter().any(|c| c.starts_with("percent"));
    let is_counted = |word: &str| {
        (percent && word.ends_with('%'))
            || index.word_tokens(word, crate::text::Language::En).iter().any(|token| {
                let key = &token.key;
                counted.iter().any(|c| key == c || (c.len() >= 4 && key.starts_with(c.as_str())) || (key.len() >= 4 && c.starts_with(key.as_str())))
            })
    };
    let is_stopword = |word: &str| crate::text::lexicon::is_stopword(&word.to_lowercase(), crate::text::Language::En);
    let has_digit = |word: &str| word.chars().any(|c| c.is_ascii_digit());
    (0..words.len()).filter(|&at| words.get(at).is_some_and(|(word, _)| has_count(word) || has_digit(word))).any(|at| {
        if is_counted(words[at].0) {
            return true;
        }
        if !has_count(words[at].0) {
            // A number that could be a year counts only what follows it at once ("1204 robberies").
            return !words[at].1 && words.get(at + 1).is_some_and(|(next, _)| is_counted(next));
        }
        let after: Vec<&str> = words_after(&words, at, COUNTED_AFTER).collect();
        // A share counts what its "of" ends with ("90% of Serbian annual natural gas *consumption*").
        if after.iter().any(|word| is_counted(word)) || share_of(&words, at).is_some_and(|of| of.iter().any(|word| is_counted(word))) {
            return true;
        }
        // "$200,000 in *cash*": the first word after the number that is not
        // a stopword says what it counts; "totaled 25,000 in 1934" leaves
        // that to the words before it.
        let names_its_own = after.iter().find(|word| !is_stopword(word) && !MAGNITUDES.contains(&word.to_lowercase().as_str())).is_some_and(|word| word.chars().any(char::is_alphabetic));
        !names_its_own && words[at.saturating_sub(COUNTED_BEFORE)..at].iter().rev().take_while(|(_, ends)| !ends).any(|(word, _)| is_counted(word))
    })
}

/// Whether one of `text`'s numbers may count the people the question
/// counts (`counted`, the keys of a state's name:
/// [`Index::is_state_key`]), by the words right after it, up to the first
/// stopword: "10,486 *Russians*" and "some 300 *Serbian* nationals" count
/// a people; "300,000 *Russian* nationals have entered Serbia" counts
/// Russians, not Serbs; "two *waves*" counts a thing; and "1.5 million
/// *people*", or a number with no noun after it ("70% of …"), may count
/// anyone. A number that a verb follows counts part of the group an
/// earlier number of the sentence counts ("of which some 53,000
/// *settled*").
fn counts_the_people_asked(index: &Index, text: &str, counted: &[String]) -> bool {
    use crate::text::{lexicon, Language};
    let words = clause_words(text);
    let head = |at: usize| -> Vec<&str> {
        words_after(&words, at, COUNTED_AFTER)
            .filter(|word| !MAGNITUDES.contains(&word.to_lowercase().as_str()))
            .take_while(|word| !lexicon::is_stopword(&word.to_lowercase(), Language::En))
            .collect()
    };
    let is_verb = |word: &str| {
        let folded = word.to_lowercase();
        (lexicon::is_light(&folded, Language::En) && !lexicon::is_light_noun(&folded)) || lexicon::is_english_predicate_form(&folded)
    };
    let raw = raw_clause_words(text);
    let numbers: Vec<usize> = (0..words.len()).filter(|&at| has_count(words[at].0)).collect();
    let is_person = |word: &str| lexicon::is_general_person_word(&word.to_lowercase()) || index.word_keys(word).iter().any(|key| index.is_person_kind(key));
    numbers.iter().filter(|&&at| !is_a_sum_of_money(&words, &raw, at)).any(|&at| {
        if let Some(of) = share_of(&words, at) {
            return share_counts_the_people(index, &of, counted, is_verb, is_person);
        }
        let own = head(at);
        let nouns = if own.first().is_some_and(|word| is_verb(word)) {
            numbers.iter().rev().filter(|&&before| before < at).map(|&before| head(before)).find(|nouns| !nouns.is_empty()).unwrap_or_default()
        } else {
            own
        };
        let keys = |word: &&str| index.word_keys(word);
        if nouns.is_empty() || nouns.iter().flat_map(keys).any(|key| counted.contains(&key)) {
            return true;
        }
        let another_people = nouns.iter().flat_map(keys).any(|key| index.is_state_key(&key));
        let persons = nouns.iter().any(|word| is_person(word));
        !another_people && persons
    })
}

/// The words after the "of" of a share ("70% *of Serbian citizens*",
/// "two-thirds *of Russian exports*"), past a "the", within the clause; or
/// `None` when word `at` is no share followed by "of".
fn share_of<'a>(words: &'a [(&'a str, bool)], at: usize) -> Option<Vec<&'a str>> {
    let number = words[at].0.to_lowercase();
    let is_share = number.ends_with('%') || ["third", "thirds", "quarter", "quarters", "half"].iter().any(|part| number.ends_with(part));
    let mut after = words_after(words, at, COUNTED_AFTER + 2).peekable();
    if !is_share || !after.next().is_some_and(|word| word.eq_ignore_ascii_case("of")) {
        return None;
    }
    after.next_if(|word| word.eq_ignore_ascii_case("the"));
    Some(after.collect())
}

/// Whether a share's words ([`share_of`]) are of the people the question
/// counts: the noun that ends them, before any verb or stopword, is that
/// people or a kind of person with no other people named ("70% of Serbian
/// *citizens*"), not a thing of theirs ("two-thirds of Russian *exports*",
/// "90% of Serbian annual natural gas *consumption*"). A share of nothing
/// named ("70% of the …" then a stopword) may be of anyone.
fn share_counts_the_people(index: &Index, of: &[&str], counted: &[String], is_verb: impl Fn(&str) -> bool, is_person: impl Fn(&str) -> bool) -> bool {
    use crate::text::{lexicon, Language};
    let nouns: Vec<&str> = of.iter().copied().take_while(|word| !lexicon::is_stopword(&word.to_lowercase(), Language::En) && !is_verb(word)).collect();
    let Some(last) = nouns.last() else { return true };
    let the_people = index.word_keys(last).iter().any(|key| counted.contains(key));
    let another_people = nouns.iter().flat_map(|word| index.word_keys(word)).any(|key| index.is_state_key(&key) && !counted.contains(&key));
    the_people || (is_person(last) && !another_people)
}

/// [`clause_words`]'s words as written, their punctuation kept ("$3"),
/// one for each of them.
fn raw_clause_words(text: &str) -> Vec<&str> {
    text.split_whitespace().filter(|raw| !raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '%').is_empty()).collect()
}

/// Whether number `at` of [`clause_words`] (`raw`: [`raw_clause_words`])
/// is a sum of money: after a currency sign ("$3 billion") or before a
/// currency word, past any magnitude ("200 million euros"). A sum counts
/// no people, so "trade reached almost *$3 billion*" does not tell how
/// many moved.
fn is_a_sum_of_money(words: &[(&str, bool)], raw: &[&str], at: usize) -> bool {
    const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '₽'];
    let signed = raw.get(at).is_some_and(|raw| raw.trim_start_matches(|c: char| c.is_alphabetic()).starts_with(CURRENCY_SIGNS));
    signed || words_after(words, at, 2).find(|word| !MAGNITUDES.contains(&word.to_lowercase().as_str())).is_some_and(|word| names_money(word))
}

/// Whether `key` is one word of a compound that query word `position`
/// matches: "filling" is part of "filling stations", counted by "334
/// filling stations".
fn part_of_compound(index: &Index, query: &Query, position: usize, key: &str) -> bool {
    index.stored_matches(query, position).iter().any(|stored| stored.contains(' ') && stored.split(' ').any(|part| part == key))
}

/// "1.7bn", "4.8m", "40km": digits followed by a short unit, not a name.
fn is_number_with_unit(token: &str) -> bool {
    let digits = token.trim_end_matches(char::is_alphabetic);
    let unit = &token[digits.len()..];
    // "The 14th century" is an ordinal: it counts nothing.
    let ordinal = matches!(unit.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th");
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') && unit.len() <= 3 && !ordinal
}

/// A number with a unit of time or length ("three years", "40 km").
fn has_duration(text: &str) -> bool {
    const UNITS: &[&str] = &["year", "years", "month", "months", "week", "weeks", "day", "days", "hours", "km", "kilometres", "kilometers", "miles", "metres", "meters"];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|pair| (pair[0].bytes().all(|b| b.is_ascii_digit()) || NUMBER_WORDS.contains(&pair[0])) && UNITS.contains(&pair[1]))
}

/// A span of time given by its ends, of what the question asks about:
/// "a British mission *since February 1942*", "from 1945 until 1991",
/// "between 1948 and 1953". How long something lasted or had lasted is
/// what it states, though it names no unit. The span is of the words just
/// before it: one of them must be a word of the question, and a name among
/// them one the question asks ("*British* mission since…" does not say how
/// long the Soviet mission stayed).
fn states_a_span_of_the_asked(text: &str, query: &Query, index: &Index) -> bool {
    let words: Vec<&str> = super::index::split_words(text).collect();
    let year_within = |from: usize, reach: usize| words.iter().skip(from).take(reach).any(|word| super::index::year_of(word).is_some());
    let of_the_asked = |at: usize| {
        let before: Vec<String> = words[at.saturating_sub(SPAN_SUBJECT_REACH)..at].iter().flat_map(|word| index.word_keys(word)).collect();
        let asked = |key: &String| query.keys.iter().enumerate().any(|(word, k)| k == key && !query.light.get(word).copied().unwrap_or(false));
        before.iter().any(asked) && before.iter().filter(|key| index.is_proper_key(key)).all(asked)
    };
    words.iter().enumerate().any(|(at, word)| {
        let span = match word.to_lowercase().as_str() {
            "since" => year_within(at + 1, 3),
            "from" | "between" => year_within(at + 1, 3) && words.iter().skip(at + 2).take(4).any(|w| matches!(w.to_lowercase().as_str(), "to" | "until" | "till" | "and")) && year_within(at + 3, 6),
            _ => false,
        };
        span && of_the_asked(at)
    })
}

/// How many words before a span ("since 1942") name what it is of.
const SPAN_SUBJECT_REACH: usize = 3;

fn digit_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit() && c != ',').map(|run| run.trim_matches(',')).filter(|run| !run.is_empty())
}

#[cfg(test)]
mod tests {
    use super::clause_subjects;

    #[test]
    fn a_clause_subject_follows_its_introduction_and_article() {
        assert_eq!(clause_subjects("Yugoslavia officially condemned Soviet intervention."), ["Yugoslavia officially"]);
        assert_eq!(clause_subjects("According to Soviet General Pavel Sudoplatov, the Soviet leadership was shocked."), ["Soviet leadership"]);
        assert_eq!(clause_subjects("The intervention happened when Moscow was waiting."), ["intervention"]);
        assert_eq!(clause_subjects("Austria-Hungary annexed Bosnia in 1908; Russia did not interfere."), ["Austria-Hungary annexed", "Russia did"]);
    }
}
