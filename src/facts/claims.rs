//! The words of an entry that its quotes must state: the numbers of its
//! title, summary and date label, the date words of the summary and label,
//! and its place, parties, signatories, people and roles. A quote proves itself verbatim (see
//! [`super::source`]); these rules prove that the entry says no more than its
//! quotes do, so a changed year, a made-up party or a wrong place never
//! reaches a student.
//!
//! How values are compared with the quotes (documented in MODERATING.md):
//!
//! - **Numbers** are digit runs, with thousands groups joined (`40,000`,
//!   `40 000` and `40000` are one number) and leading zeros dropped; `24th`
//!   is 24, `1990s` is 1990, and each end of `1945–1948` counts on its own.
//!   A quote may also spell a number out (`two`, `twenty`, `ninety`).
//! - **Date words** are month names, seasons (`fall` = `autumn`) and, in a
//!   date label, `early`, `mid`, `middle`, `late`, `beginning` and `end`,
//!   compared as whole words.
//! - **Names** (places, parties, roles) are folded with [`crate::text::fold`]
//!   (case, diacritics, Cyrillic, spelling conventions: `Pašić` = `Pasic`) and
//!   split into words; the function words (`the`, `of`…) are dropped and every
//!   other word must be in one quote. Two words match when they share a stem
//!   of at least four letters and neither has more than three letters beyond
//!   it (`Serbia`/`Serbian`, `Pašić`/`Pašića`). Abbreviations and combining
//!   forms are expanded on both sides (`USSR` = `Soviet Union`, `Russo-` =
//!   `Russia`).
//! - **Parties** may leave out the words that only name a form of state
//!   (`Union`, `Empire`, `Kingdom`, `Republic`…): `Soviet Union` is named by a
//!   quote that says `Soviet`, `Soviets` or `USSR`, but not by one that only
//!   says `Moscow`.
//! - **Signatories** (treaties) and **people** (events) are named when a
//!   quote has every word of the person's title or of one of their aliases,
//!   or their surname (the last word of the title that is not a regnal
//!   number).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::check::View;
use super::diagnostic::Diagnostic;
use super::load::{Parsed, Record};
use crate::text::fold::{fold_for_search, loose_key};
use crate::text::lexicon::ABBREVIATIONS;

/// Every person's names (title first, then aliases) by id, for the signatory rule.
pub(super) type PersonNames<'a> = HashMap<&'a str, Vec<&'a str>>;

/// The names of every person in the base.
pub(super) fn person_names(entries: &[Parsed]) -> PersonNames<'_> {
    entries
        .iter()
        .filter_map(|parsed| match &parsed.record {
            Record::Person(r) => {
                let names = std::iter::once(r.title.get_ref().as_str()).chain(r.aliases.iter().map(String::as_str));
                Some((r.id.get_ref().as_str(), names.collect()))
            }
            _ => None,
        })
        .collect()
}

/// Run every rule of this module on one entry.
pub(super) fn check(view: &View, people: &PersonNames, diagnostics: &mut Vec<Diagnostic>) {
    // An entry without quotes is the `no-source` rule's finding.
    if view.quotes.is_empty() {
        return;
    }
    let quotes: Vec<QuoteWords> = view.quotes.iter().map(|q| QuoteWords::new(q.quote.get_ref())).collect();
    check_numbers(view, &quotes, diagnostics);
    check_date_words(view, &quotes, diagnostics);
    if let Some(place) = view.place {
        check_place(view, place, &quotes, diagnostics);
    }
    for party in view.parties {
        check_party(view, party, &quotes, diagnostics);
    }
    for signatory in view.signatories {
        check_person(view, "signatories", signatory, people, &quotes, diagnostics);
    }
    for person in view.people {
        check_person(view, "people", person, people, &quotes, diagnostics);
    }
    for role in view.roles {
        check_role(view, role, &quotes, diagnostics);
    }
}

// ---------------------------------------------------------------------------
// The rules.

/// `number-not-in-quotes`: every number of the title, summary and date label.
fn check_numbers(view: &View, quotes: &[QuoteWords], diagnostics: &mut Vec<Diagnostic>) {
    let fields = [("title", Some(view.title)), ("summary", Some(view.summary)), ("date label", view.date_label)];
    for (field, value) in fields.into_iter().filter_map(|(field, value)| value.map(|v| (field, v))) {
        let mut reported = HashSet::new();
        for number in numbers_in(value.get_ref()) {
            if quotes.iter().any(|q| q.numbers.contains(&number.value)) || !reported.insert(number.value.clone()) {
                continue;
            }
            let written = &value.get_ref()[number.range.clone()];
            diagnostics.push(
                view.error("number-not-in-quotes", Some(locate(view, value, written)))
                    .message(format!("the {field} says {written}, but no quote of this entry does"))
                    .help(format!(
                        "make the {field} say what the quotes say ({}), or add a quote from facts/sources/ that states {written}",
                        quoted_numbers(quotes)
                    )),
            );
        }
    }
}

/// `date-word-not-in-quotes`: months in the summary and date label; seasons
/// and early/mid/late in the date label.
fn check_date_words(view: &View, quotes: &[QuoteWords], diagnostics: &mut Vec<Diagnostic>) {
    let fields = [("summary", Some(view.summary), false), ("date label", view.date_label, true)];
    for (field, value, is_label) in fields.into_iter().filter_map(|(f, v, l)| v.map(|v| (f, v, l))) {
        let mut reported = HashSet::new();
        for word in date_words(value.get_ref(), is_label) {
            let stated = quotes.iter().any(|q| q.states_date_word(&word.folded));
            if stated || !reported.insert(word.folded.clone()) {
                continue;
            }
            let written = &value.get_ref()[word.range.clone()];
            let help = if is_label {
                "write the label in the words of a quote, or remove `date_label` so that the date itself is shown"
            } else {
                "make the summary say what the quotes say, or add a quote from facts/sources/ that gives this date"
            };
            diagnostics.push(
                view.error("date-word-not-in-quotes", Some(locate(view, value, written)))
                    .message(format!("the {field} says \"{written}\", but no quote of this entry does"))
                    .help(help),
            );
        }
    }
}

/// `place-not-in-quotes`.
fn check_place(view: &View, place: &Spanned<String>, quotes: &[QuoteWords], diagnostics: &mut Vec<Diagnostic>) {
    let words = significant_words(place.get_ref());
    if let Some(missing) = missing_words(&words, quotes) {
        diagnostics.push(
            view.error("place-not-in-quotes", Some(place.span()))
                .message(format!("no quote of this entry says the place \"{}\" (missing: {missing})", place.get_ref()))
                .help("write the place as a quote gives it, add a quote that says where, or remove `place`"),
        );
    }
}

/// `party-not-in-quotes`.
fn check_party(view: &View, party: &Spanned<String>, quotes: &[QuoteWords], diagnostics: &mut Vec<Diagnostic>) {
    let mut words = significant_words(party.get_ref());
    if words.iter().any(|w| !is_form_word(&w.folded)) {
        words.retain(|w| !is_form_word(&w.folded));
    }
    if let Some(missing) = missing_words(&words, quotes) {
        diagnostics.push(
            view.error("party-not-in-quotes", Some(party.span()))
                .message(format!("no quote of this entry names the party \"{}\" (missing: {missing})", party.get_ref()))
                .help("write the party as a quote names it (\"USSR\" or \"Soviet\" count for \"Soviet Union\"), add a quote that names it, or remove it"),
        );
    }
}

/// `signatory-not-in-quotes` (treaties' `signatories`) and
/// `person-not-in-quotes` (events' `people`).
fn check_person(
    view: &View,
    key: &str,
    id: &Spanned<String>,
    people: &PersonNames,
    quotes: &[QuoteWords],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // An id that names no person is the reference rules' finding, not this one's.
    let Some(names) = people.get(id.get_ref().as_str()) else { return };
    if person_is_named(names, quotes) {
        return;
    }
    let title = names.first().copied().unwrap_or_default();
    let (rule, what, help) = if key == "signatories" {
        ("signatory-not-in-quotes", "the signatory", "move the id to `related` if no source says they signed it")
    } else {
        ("person-not-in-quotes", "the person", "move the id to `related` if no quote of this event names them")
    };
    diagnostics.push(
        view.error(rule, Some(id.span()))
            .message(format!("no quote of this entry names {what} `{}` ({title}) listed in `{key}`", id.get_ref()))
            .help(format!("add a quote that names them (their full name, an alias or their surname), or {help}")),
    );
}

/// `role-not-in-quotes`.
fn check_role(view: &View, role: &Spanned<String>, quotes: &[QuoteWords], diagnostics: &mut Vec<Diagnostic>) {
    let words = significant_words(role.get_ref());
    if let Some(missing) = missing_words(&words, quotes) {
        diagnostics.push(
            view.error("role-not-in-quotes", Some(role.span()))
                .message(format!("no quote of this person gives the role \"{}\" (missing: {missing})", role.get_ref()))
                .help("write the role as a quote gives it, add a quote that states it, or remove it"),
        );
    }
}

/// Whether a quote has every word of one of the person's names, or their surname.
fn person_is_named(names: &[&str], quotes: &[QuoteWords]) -> bool {
    let full_name = names.iter().any(|name| {
        let words = significant_words(name);
        !words.is_empty() && missing_words(&words, quotes).is_none()
    });
    full_name
        || names.first().and_then(|title| surname(title)).is_some_and(|word| missing_words(&[word], quotes).is_none())
}

/// The last word of a name that is not a regnal number (`Nicholas II` → `nicholas`).
fn surname(title: &str) -> Option<Word> {
    significant_words(title)
        .into_iter()
        .rev()
        .find(|word| !is_roman_numeral(&word.folded) && word.folded.chars().count() >= 3)
}

fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// The span of `needle` inside the TOML string `value` (or the whole string).
fn locate(view: &View, value: &Spanned<String>, needle: &str) -> Range<usize> {
    let span = value.span();
    view.content
        .get(span.clone())
        .and_then(|raw| raw.find(needle))
        .map_or(span.clone(), |offset| span.start + offset..span.start + offset + needle.len())
}

/// The numbers the quotes give, for a help message.
fn quoted_numbers(quotes: &[QuoteWords]) -> String {
    let mut numbers: Vec<&str> = quotes.iter().flat_map(|q| q.written_numbers.iter().map(String::as_str)).collect();
    numbers.sort_by_key(|n| (n.len(), n.to_string()));
    numbers.dedup();
    match numbers.len() {
        0 => "they give no number".into(),
        n if n > 10 => format!("they give {} and {} more", numbers[..10].join(", "), n - 10),
        _ => format!("they give {}", numbers.join(", ")),
    }
}

// ---------------------------------------------------------------------------
// Quotes prepared for matching.

/// One quote, prepared for matching.
#[derive(Debug)]
struct QuoteWords {
    /// Folded words (abbreviations expanded) and their loose keys.
    words: Vec<Word>,
    /// Normalised numbers, spelled-out ones included.
    numbers: HashSet<String>,
    /// The numbers as normalised from digits only, for help messages.
    written_numbers: Vec<String>,
}

impl QuoteWords {
    fn new(quote: &str) -> QuoteWords {
        let written_numbers: Vec<String> = numbers_in(quote).into_iter().map(|n| n.value).collect();
        let words = words_of(quote);
        let spelled = words.iter().filter_map(|w| spelled_number(&w.folded)).map(|n| n.to_string());
        let numbers = written_numbers.iter().cloned().chain(spelled).collect();
        QuoteWords { words, numbers, written_numbers }
    }

    fn has_word(&self, word: &Word) -> bool {
        self.words.iter().any(|own| same_stem(&own.key, &word.key))
    }

    /// A month, season or qualifier, as a whole folded word (`fall` = `autumn`).
    fn states_date_word(&self, folded: &str) -> bool {
        let wanted = canonical_date_word(folded);
        self.words.iter().any(|own| canonical_date_word(&own.folded) == wanted)
    }
}

/// One word of a value or a quote: folded, and its loose key.
#[derive(Debug, Clone)]
struct Word {
    folded: String,
    key: String,
}

/// Combining forms that name a country (`Russo-Turkish` names Russia).
const COMBINING_FORMS: &[(&str, &str)] = &[
    ("russo", "russia"),
    ("austro", "austria"),
    ("serbo", "serbia"),
    ("turco", "turkey"),
    ("greco", "greece"),
    ("sino", "china"),
];

/// The folded words of a text, with abbreviations and combining forms
/// expanded (`ussr` adds `soviet union`, `russo` adds `russia`).
fn words_of(text: &str) -> Vec<Word> {
    let folded = fold_for_search(text);
    let mut words = Vec::new();
    for word in folded.split_whitespace() {
        let expansion =
            ABBREVIATIONS.iter().chain(COMBINING_FORMS).find(|(short, _)| *short == word).map(|(_, long)| *long);
        for part in std::iter::once(word).chain(expansion.into_iter().flat_map(str::split_whitespace)) {
            words.push(Word { folded: part.to_string(), key: loose_key(part) });
        }
    }
    words
}

/// Words that carry no name: dropped from places, parties and roles.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "as", "its", "their",
    "his", "her",
];

/// The words of a value that a quote must hold.
fn significant_words(value: &str) -> Vec<Word> {
    let mut words = words_of(value);
    words.retain(|w| !FUNCTION_WORDS.contains(&w.folded.as_str()));
    // An abbreviation's expansion replaces it: `USSR` needs `soviet`, not `ussr`.
    let expanded: HashSet<&str> = ABBREVIATIONS.iter().map(|(short, _)| *short).collect();
    let has_expansion = |w: &Word| expanded.contains(w.folded.as_str());
    words.retain(|w| !has_expansion(w));
    words
}

/// Words that name only a form of state; a party may leave them out.
const FORM_WORDS: &[&str] =
    &["union", "empire", "kingdom", "republic", "principality", "federation", "state", "states"];

fn is_form_word(folded: &str) -> bool {
    FORM_WORDS.contains(&folded)
}

/// The words no quote holds, joined for a message; `None` when one quote holds them all.
fn missing_words(words: &[Word], quotes: &[QuoteWords]) -> Option<String> {
    if words.is_empty() || quotes.iter().any(|q| words.iter().all(|w| q.has_word(w))) {
        return None;
    }
    // Report against the quote that comes closest.
    let best = quotes.iter().max_by_key(|q| words.iter().filter(|w| q.has_word(w)).count());
    let missing: Vec<&str> =
        words.iter().filter(|w| best.is_none_or(|q| !q.has_word(w))).map(|w| w.folded.as_str()).collect();
    Some(missing.join(", "))
}

/// Two loose keys are one word when equal, or when they share a stem of at
/// least four letters and neither has more than three letters beyond it.
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let beyond = |word: &str| word.chars().count() - common;
    common >= 4 && beyond(a) <= 3 && beyond(b) <= 3 && !a.chars().chain(b.chars()).any(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------------------
// Numbers.

/// A number found in a text: its normalised value and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Digits only, thousands separators and leading zeros dropped (`40000`, `1.5`).
    pub value: String,
    /// Byte range in the text, separators included.
    pub range: Range<usize>,
}

/// Every number written with digits in `text` (see the module docs).
pub fn numbers_in(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let (mut integer, mut next) = digit_run(&chars, i);
        if integer.len() <= 3 {
            while let Some((group, after)) = thousands_group(&chars, next) {
                integer.push_str(&group);
                next = after;
            }
        }
        let mut fraction = String::new();
        if chars.get(next).is_some_and(|c| c.1 == '.') && chars.get(next + 1).is_some_and(|c| digit(c.1).is_some()) {
            (fraction, next) = digit_run(&chars, next + 1);
        }
        let end = chars.get(next).map_or(text.len(), |c| c.0);
        numbers.push(Number { value: normalise(&integer, &fraction), range: start..end });
        i = next;
    }
    numbers
}

/// An ASCII digit for a decimal digit in Latin, Arabic-Indic or Persian script.
fn digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10)
}

/// The digits from `i` on, and the index after them.
fn digit_run(chars: &[(usize, char)], mut i: usize) -> (String, usize) {
    let mut run = String::new();
    while let Some(d) = chars.get(i).and_then(|c| digit(c.1)) {
        run.push(d);
        i += 1;
    }
    (run, i)
}

/// A thousands separator at `i` followed by exactly three digits.
fn thousands_group(chars: &[(usize, char)], i: usize) -> Option<(String, usize)> {
    let separator = chars.get(i)?.1;
    if !matches!(separator, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'') {
        return None;
    }
    let (group, after) = digit_run(chars, i + 1);
    (group.len() == 3).then_some((group, after))
}

fn normalise(integer: &str, fraction: &str) -> String {
    let integer = match integer.trim_start_matches('0') {
        "" => "0",
        rest => rest,
    };
    match fraction.trim_end_matches('0') {
        "" => integer.to_string(),
        fraction => format!("{integer}.{fraction}"),
    }
}

/// A number a quote spells out in English.
fn spelled_number(folded: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(n) = UNITS.iter().position(|w| *w == folded) {
        return u32::try_from(n).ok();
    }
    TENS.iter().position(|w| *w == folded).and_then(|n| u32::try_from(n * 10 + 20).ok())
}

// ---------------------------------------------------------------------------
// Date words.

/// A month, season or qualifier found in a value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DateWord {
    /// Lower-case, as in [`fold_for_search`].
    folded: String,
    range: Range<usize>,
}

const MONTH_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const LABEL_WORDS: &[&str] =
    &["spring", "summer", "autumn", "fall", "winter", "early", "mid", "middle", "late", "beginning", "end"];

/// The date words of a value. Months count only when capitalised (`May`,
/// not `may`); seasons and qualifiers only in a date label.
fn date_words(value: &str, is_label: bool) -> Vec<DateWord> {
    let mut found = Vec::new();
    let mut offset = 0;
    for piece in value.split(|c: char| !c.is_alphabetic()) {
        let range = offset..offset + piece.len();
        offset += piece.len() + value[offset + piece.len()..].chars().next().map_or(0, char::len_utf8);
        let folded = piece.to_lowercase();
        let capitalised = piece.chars().next().is_some_and(char::is_uppercase);
        let month = MONTH_WORDS.contains(&folded.as_str()) && capitalised;
        if month || (is_label && LABEL_WORDS.contains(&folded.as_str())) {
            found.push(DateWord { folded, range });
        }
    }
    found
}

/// `fall` and `autumn` are one season.
fn canonical_date_word(folded: &str) -> &str {
    match folded {
        "fall" => "autumn",
        "middle" => "mid",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        numbers_in(text).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn thousands_separators_and_ranges() {
        assert_eq!(values("40,000 and 40 000 and 40000"), ["40000", "40000", "40000"]);
        assert_eq!(values("1,219,000 people"), ["1219000"]);
        assert_eq!(values("From 1945–1948, 300 left"), ["1945", "1948", "300"]);
        assert_eq!(values("1953/1955"), ["1953", "1955"]);
        assert_eq!(values("In 1948 200 people"), ["1948", "200"]);
        assert_eq!(values("the 24th Congress, the 1990s, 1.50 million, 05"), ["24", "1990", "1.5", "5"]);
        assert_eq!(values("في الفترة ١٩٥٣-١٩٥٥"), ["1953", "1955"]);
        assert_eq!(values("ended in 1945."), ["1945"]);
    }

    #[test]
    fn number_ranges_point_at_the_text() {
        let text = "about 40,000 people";
        let number = &numbers_in(text)[0];
        assert_eq!(&text[number.range.clone()], "40,000");
    }

    #[test]
    fn quotes_state_spelled_numbers() {
        let quote = QuoteWords::new("Two treaties were signed in 1955.");
        assert!(quote.numbers.contains("2") && quote.numbers.contains("1955"));
        assert_eq!(quote.written_numbers, ["1955"]);
    }

    #[test]
    fn stems_allow_inflection_but_not_other_words() {
        let key = |w: &str| loose_key(&fold_for_search(w));
        assert!(same_stem(&key("Pašić"), &key("Pasic")));
        assert!(same_stem(&key("Pašića"), &key("Pasic")));
        assert!(same_stem(&key("Serbia"), &key("Serbian")));
        assert!(same_stem(&key("Yugoslav"), &key("Yugoslavia")));
        assert!(same_stem(&key("Staljina"), &key("Stalin")));
        assert!(!same_stem(&key("Austria"), &key("Australia")));
        assert!(!same_stem(&key("Reykjavik"), &key("Moscow")));
        assert!(!same_stem(&key("1948"), &key("19480")));
    }

    #[test]
    fn parties_may_drop_form_words_and_use_abbreviations() {
        let soviet = QuoteWords::new("the USSR signed it");
        let words: Vec<Word> =
            significant_words("the Soviet Union").into_iter().filter(|w| !is_form_word(&w.folded)).collect();
        assert!(missing_words(&words, &[soviet]).is_none());
        let adjective = QuoteWords::new("Soviet troops entered Belgrade");
        assert!(missing_words(&words, &[adjective]).is_none());
        let moscow = QuoteWords::new("Moscow agreed");
        assert_eq!(missing_words(&words, &[moscow]).as_deref(), Some("soviet"));
    }

    #[test]
    fn signatories_by_name_alias_or_surname() {
        let quote = [QuoteWords::new("Chicherin and Ninčić concluded the treaty.")];
        assert!(person_is_named(&["Georgy Chicherin"], &quote));
        assert!(person_is_named(&["Momčilo Ninčić", "Nincic"], &quote));
        assert!(!person_is_named(&["Joseph Stalin", "Stalin"], &quote));
        assert!(person_is_named(&["Nicholas II"], &[QuoteWords::new("Emperor Nicholas II signed")]));
    }

    #[test]
    fn date_words_of_labels_and_summaries() {
        let folded =
            |text: &str, label: bool| date_words(text, label).into_iter().map(|w| w.folded).collect::<Vec<_>>();
        assert_eq!(folded("spring 1975", true), ["spring"]);
        assert_eq!(folded("spring 1975", false), Vec::<String>::new());
        assert_eq!(folded("On 5 July 1972 they may meet in May", false), ["july", "may"]);
        assert_eq!(folded("fall of 1941", true), ["fall"]);
        assert!(QuoteWords::new("in the autumn of 1941").states_date_word("fall"));
        let text = "early Ávril, late June";
        let words = date_words(text, true);
        assert_eq!(&text[words[1].range.clone()], "late");
        assert_eq!(&text[words[2].range.clone()], "June");
    }
}
