//! One file per command. Each `run` takes the engine and an invocation and
//! returns an [`Answer`](super::answer::Answer).

pub mod compare;
pub mod help;
pub mod period;
pub mod source;
pub mod timeline;
pub mod treaty;
pub mod when;
pub mod who;
pub mod year;

use super::answer::{locale_language, Answer, Outcome};
use super::decide::{self, Decision};
use super::engine::Engine;
use super::evidence::{self, Focus};
use super::parse::Invocation;
use super::question::Question;
use crate::facts::{Entry, Kind, Quote};
use crate::text::lexicon::Asks;

/// The entry argument of a one-argument command: the named argument, or the
/// typed rest of the line.
pub(crate) fn subject<'a>(invocation: &'a Invocation, name: &str) -> &'a str {
    invocation.get(name).or_else(|| invocation.get("arg")).unwrap_or(invocation.rest.trim())
}

/// Resolve the subject to one entry, preferring `kinds` (an entry of another
/// kind still wins when it fits much better), through the same decision as
/// free text: `/when tito born` is answered like "when was Tito born".
/// `Err` is the reply to send.
pub(crate) fn resolve_entry<'e>(engine: &'e Engine, intent: &str, text: &str, kinds: &[Kind]) -> Result<&'e Entry, Box<Answer>> {
    resolve_subject(engine, intent, text, kinds).map(|(entry, _)| entry)
}

/// [`resolve_entry`], also returning the parsed subject (for the focus of the answer's excerpts).
pub(crate) fn resolve_subject<'e>(engine: &'e Engine, intent: &str, text: &str, kinds: &[Kind]) -> Result<(&'e Entry, Question), Box<Answer>> {
    if text.trim().is_empty() {
        return Err(Box::new(missing_argument(intent)));
    }
    // `/who sergei ulagay what happened to him after albania`: a question
    // of the person, after their name, is asked as it stands.
    let asked_of_the_person = (intent == "who").then(|| question_of_the_person(text)).flatten();
    let mut question = match (intent, &asked_of_the_person) {
        (_, Some(asked)) => engine.question(asked),
        ("who", None) => who_question(engine, text),
        ("when", None) => when_question(engine, text),
        _ => engine.question(text),
    };
    // `/who x` asks who x was; `/when x` looks an entry up, whatever its date's precision.
    if intent == "who" && asked_of_the_person.is_none() {
        question.asks = Asks::Who;
    }
    // `/when the USSR recognised Tito's Yugoslavia`: a clause that tells
    // an event is asked "when" of, so the date must be that event's; and
    // `/when vashchenko left serbia` asks the date of an end (or a start),
    // which a sentence must state, as "when did Vashchenko leave" does.
    if intent == "when" && (!question.event_words.is_empty() || question.asks_end || question.asks_start) {
        question.asks = Asks::When;
    }
    let decision = decide::decide(engine, &question, kinds);
    match decision {
        Decision::Answer { entry } => match engine.entry(entry) {
            Some(entry) => Ok((entry, question)),
            None => Err(Box::new(engine.not_found(intent, text, &[]))),
        },
        other => Err(Box::new(engine.decline(intent, &question, &other))),
    }
}

/// `/who`'s argument as a name followed by a question of that person
/// (`/who sergei ulagay what happened to him after albania`): the question,
/// its first pronoun standing for the name ("what happened to sergei
/// ulagay after albania"). `None` when no question word follows a name,
/// or the question has no pronoun for it.
fn question_of_the_person(text: &str) -> Option<String> {
    const ASKING: &[&str] = &["what", "when", "why", "how", "where", "which"];
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|word| ASKING.contains(&word.to_lowercase().as_str())).filter(|&at| at > 0)?;
    let name = words[..at].join(" ");
    let mut rest: Vec<String> = words[at..].iter().map(|word| word.to_string()).collect();
    let pronoun = rest.iter().position(|word| matches!(word.to_lowercase().as_str(), "he" | "him" | "she" | "her" | "his"))?;
    rest[pronoun] = if rest[pronoun].eq_ignore_ascii_case("his") { format!("{name}'s") } else { name };
    Some(rest.join(" "))
}

/// `/when`'s argument as a question: one that opens with an auxiliary
/// (`/when did Vashchenko leave Serbia`, `/when was the treaty signed`)
/// asks what "when did …" asks, a date of the deed it tells, not whether
/// it happened.
fn when_question(engine: &Engine, text: &str) -> Question {
    let first = text.split_whitespace().next().map(str::to_lowercase).unwrap_or_default();
    if crate::ask::question::POLAR_OPENERS.contains(&first.as_str()) {
        return engine.question(&format!("when {}", text.trim()));
    }
    engine.question(text)
}

/// `/who`'s argument as a question: `/who led the coup` asks who led it,
/// as "who led the coup" does, a deed the answer must tell; `/who signed
/// the treaty` asks its signer (for the side it names). Not when it
/// opens with a name or a title (`/who zubov`, `/who patriarch varnava`),
/// or a word the base does not know and English does not use as a verb
/// (`/who hebrnag`), which "who" would read as a deed: those ask who
/// someone was.
fn who_question(engine: &Engine, text: &str) -> Question {
    let index = engine.index();
    let first = text.split_whitespace().next().map(str::to_lowercase).unwrap_or_default();
    // `/who was the Soviet leader when…` is "who was the Soviet leader when…".
    if matches!(first.as_str(), "was" | "were" | "is" | "are") {
        return engine.question(&format!("who {}", text.trim()));
    }
    let keys = index.word_keys(&first);
    let no_name = |key: &String| !index.is_proper_key(key) && !index.is_title_key(key);
    // An ordinal is no verb: `/who first soviet ambassador` asks "who was
    // the first soviet ambassador", the ordinal kept as one.
    if matches!(first.as_str(), "first" | "second" | "third" | "last" | "final") {
        return engine.question(&format!("who was the {}", text.trim()));
    }
    // A word the base knows, used as no name; or an English verb (`/who
    // killed king alexander`), whose stem may also be a kind of person's
    // ("murder", of "murderer").
    let a_verb_first = !keys.is_empty() && keys.iter().all(|key| index.has_key(key) && no_name(key) && !index.is_person_kind(key))
        || crate::text::lexicon::is_english_predicate_form(&first) && keys.iter().all(no_name)
        || crate::ask::question::is_signing_word(&first);
    if !a_verb_first {
        // `/who russian tsar who made the 1807 alliance`: a person described
        // by what they did, as "who was the russian tsar who made…" asks.
        let described = text.split_whitespace().skip(1).any(|word| word.eq_ignore_ascii_case("who"));
        // `/who soviet ambassador in belgrade in 1948`: a post or a kind of
        // person, not a name, asks who held it, as "who was the soviet
        // ambassador…" does; its post must then be told.
        let who_was = engine.question(&format!("who was {}", text.trim()));
        let a_post = who_was.answer_kind.is_some() || who_was.unknown_kind.is_some();
        return if described || a_post { who_was } else { engine.question(text) };
    }
    let asked = engine.question(&format!("who {}", text.trim()));
    if asked.deed().is_empty() && asked.told_deed.is_none() && !asked.asks_signer { engine.question(text) } else { asked }
}

/// The focus of a command's answer: what it asserts, and the words of its subject.
pub(crate) fn subject_focus(question: &Question, asks: Asks) -> Focus<'_> {
    Focus::asserting(asks).with_query(&question.query)
}

/// The quotes to show for `entry`: chosen by the evidence for `focus`,
/// among the quotes in the asker's language first (with the English choice
/// after them), English alone otherwise.
pub(crate) fn quotes_for<'e>(engine: &Engine, entry: &'e Entry, focus: &Focus, locale: &str) -> Vec<&'e Quote> {
    let english = evidence::choose(engine.base(), engine.index(), entry, &english_quotes(engine, entry), focus);
    with_local_choice(engine, entry, focus, locale, english)
}

/// The positions of `entry`'s quotes from English sources (all of them when none is).
fn english_quotes(engine: &Engine, entry: &Entry) -> Vec<usize> {
    let english = quotes_in(engine, entry, "en");
    if english.is_empty() {
        (0..entry.quotes.len()).collect()
    } else {
        english
    }
}

/// The positions of `entry`'s quotes from sources in language `wanted`.
fn quotes_in(engine: &Engine, entry: &Entry, wanted: &str) -> Vec<usize> {
    let base = engine.base();
    entry.quotes.iter().enumerate().filter(|(_, q)| base.source(q.source).is_some_and(|s| s.lang == wanted)).map(|(i, _)| i).collect()
}

/// `english` (the evidence's choice among the English quotes for `focus`),
/// after the choice among the quotes in the asker's language when that is
/// not English: what [`quotes_for`] shows.
fn with_local_choice<'e>(engine: &Engine, entry: &'e Entry, focus: &Focus, locale: &str, english: Vec<&'e Quote>) -> Vec<&'e Quote> {
    let mut chosen = Vec::new();
    let lang = locale_language(locale);
    if lang != "en" {
        let local = quotes_in(engine, entry, &lang);
        chosen.extend(evidence::choose(engine.base(), engine.index(), entry, &local, focus).into_iter().take(1));
    }
    for quote in english {
        if !chosen.iter().any(|c: &&Quote| std::ptr::eq(*c, quote)) {
            chosen.push(quote);
        }
    }
    chosen
}

/// For each entry of the base, the positions of the English quotes that
/// [`quotes_for`] chooses to date it ([`Focus::asserting`] `When`, no
/// question): they depend on nothing but the entry, so they are chosen once,
/// when the engine is built, rather than for every entry a `/who` lists.
pub(crate) fn dated_choices(engine: &Engine) -> Vec<Box<[u32]>> {
    let dated = Focus::asserting(Asks::When);
    let positions = |entry: &Entry| -> Box<[u32]> {
        let chosen = evidence::choose(engine.base(), engine.index(), entry, &english_quotes(engine, entry), &dated);
        chosen.iter().filter_map(|quote| entry.quotes.iter().position(|q| std::ptr::eq(q, *quote))).filter_map(|at| u32::try_from(at).ok()).collect()
    };
    engine.base().entries().iter().map(positions).collect()
}

/// [`quotes_for`] `entry` with the focus [`dated_choices`] worked out, read from the engine.
fn dated_quotes_for<'e>(engine: &Engine, entry: &'e Entry, locale: &str) -> Vec<&'e Quote> {
    let english = match engine.dated_choice(entry) {
        Some(positions) => positions.iter().filter_map(|&at| entry.quotes.get(at as usize)).collect(),
        None => evidence::choose(engine.base(), engine.index(), entry, &english_quotes(engine, entry), &Focus::asserting(Asks::When)),
    };
    with_local_choice(engine, entry, &Focus::asserting(Asks::When), locale, english)
}

/// [`add_entry`] under `heading` with the focus [`Focus::asserting`] `When`
/// (an entry listed for its date), its quotes read from [`dated_choices`].
pub(crate) fn add_dated_entry(engine: &Engine, answer: &mut Answer, entry: &Entry, heading: String, text: String, locale: &str) {
    let quotes = dated_quotes_for(engine, entry, locale);
    answer.add_entry_quotes(engine.base(), entry, Some(heading), text, &quotes);
}

/// Add a part about `entry` to `answer`, backed by the quotes that state what `focus` asserts.
pub(crate) fn add_entry(engine: &Engine, answer: &mut Answer, entry: &Entry, heading: Option<String>, text: String, focus: &Focus, locale: &str) {
    // The answer's own entry is told in full: its excerpts cover what the text says.
    if heading.is_none() {
        return add_answered_entry(engine, answer, entry, heading, text, focus, locale);
    }
    let quotes = quotes_for(engine, entry, focus, locale);
    answer.add_entry_quotes(engine.base(), entry, heading, text, &quotes);
}

/// [`add_entry`] for an entry the answer asserts (its own, or each of a
/// two-fact answer's): the excerpts chosen for `focus`, and one more when
/// `text` says more than they do ([`covering`]).
pub(crate) fn add_answered_entry(engine: &Engine, answer: &mut Answer, entry: &Entry, heading: Option<String>, text: String, focus: &Focus, locale: &str) {
    let quotes = covering(engine, entry, &text, quotes_for(engine, entry, focus, locale));
    answer.add_entry_quotes(engine.base(), entry, heading, text, &quotes);
}

/// `shown`, and one more of the entry's quotes when `text` (the entry's
/// summary, as the answer shows it) says more than `shown` do: a figure
/// they do not state ("about 40,000 Russian refugees"), or at least
/// [`MIN_NEW_WORDS`] of the text's words that they lack and the added quote
/// holds. Of such quotes, the one that adds the most figures, then words;
/// and a second one when a figure is still not stated (the alliance's
/// "1807" after the quote that adds "1812" and "1813").
/// An answer's excerpts must state what it says.
pub(crate) fn covering<'e>(engine: &Engine, entry: &'e Entry, text: &str, mut shown: Vec<&'e Quote>) -> Vec<&'e Quote> {
    if shown.is_empty() {
        return shown;
    }
    let words = QuoteWords::new(engine, entry);
    if let Some(quote) = one_more_covering(&words, entry, text, &shown, MIN_NEW_WORDS) {
        shown.push(quote);
        // Only for a figure this time: words alone never bring a fourth sentence.
        if let Some(quote) = one_more_covering(&words, entry, text, &shown, usize::MAX) {
            shown.push(quote);
        }
    }
    shown
}

/// The quote of `entry` not in `shown` that adds the most of what `text`
/// says and `shown` do not: a figure, or at least `min_new_words` words.
fn one_more_covering<'e>(words: &QuoteWords<'_>, entry: &'e Entry, text: &str, shown: &[&'e Quote], min_new_words: usize) -> Option<&'e Quote> {
    let figures: Vec<&str> = figures(text).filter(|figure| !shown.iter().any(|quote| evidence::contains_number(&quote.text, figure))).collect();
    // Only a figure can bring one more: the words need not be keyed.
    if figures.is_empty() && min_new_words == usize::MAX {
        return None;
    }
    let said: Vec<std::borrow::Cow<'_, [String]>> = shown.iter().map(|quote| words.of(quote)).collect();
    let long_enough: Vec<std::borrow::Cow<'_, str>> = words.of_text(text).into_iter().filter(|key| key.chars().count() >= 3).collect();
    let unsaid = held_by_none(long_enough, &said);
    if unsaid.len() < min_new_words && figures.is_empty() {
        return None;
    }
    let gain = |quote: &Quote| {
        let held = words.of(quote);
        let new_figures = figures.iter().filter(|figure| evidence::contains_number(&quote.text, figure)).count();
        (new_figures, count_common(&unsaid, &held))
    };
    let others = entry.quotes.iter().filter(|quote| !shown.iter().any(|s| std::ptr::eq(*s, *quote)));
    // Reversed, so that of equal gains the entry's first quote wins.
    others.rev().map(|quote| (gain(quote), quote)).filter(|((figures, words), _)| *figures > 0 || *words >= min_new_words).max_by_key(|(gain, _)| *gain).map(|(_, quote)| quote)
}

/// The word keys of an entry's quotes ([`Index::text_words`](super::index::Index::text_words)):
/// the index's, keyed at its build, or keyed now for an entry it does not hold (a period).
struct QuoteWords<'a> {
    engine: &'a Engine,
    entry: &'a Entry,
    doc: Option<usize>,
}

impl<'a> QuoteWords<'a> {
    fn new(engine: &'a Engine, entry: &'a Entry) -> Self {
        let doc = engine.base().index_of(&entry.id).filter(|&doc| engine.base().entries().get(doc).is_some_and(|e| std::ptr::eq(e, entry)));
        QuoteWords { engine, entry, doc }
    }

    /// The sorted word keys of `quote`, one of the entry's quotes.
    fn of(&self, quote: &Quote) -> std::borrow::Cow<'a, [String]> {
        let position = self.entry.quotes.iter().position(|q| std::ptr::eq(q, quote));
        match self.doc.zip(position).and_then(|(doc, position)| self.engine.index().quote_words(doc, position)) {
            Some(keys) => std::borrow::Cow::Borrowed(keys),
            None => std::borrow::Cow::Owned(self.engine.index().text_words(&quote.text)),
        }
    }

    /// The sorted word keys of `text` ([`Index::text_word_keys`](super::index::Index::text_word_keys)).
    /// An answer's text ends with the entry's summary (a `/when`'s is
    /// the summary, a `/who`'s its roles and life before it): the summary's
    /// keys are the index's, and only the words before it are keyed now.
    fn of_text(&self, text: &str) -> Vec<std::borrow::Cow<'a, str>> {
        let index = self.engine.index();
        // The words before the summary end where it begins (a word split there would key differently).
        let before = text.strip_suffix(self.entry.summary.as_str()).filter(|before| !before.chars().next_back().is_some_and(char::is_alphanumeric));
        match (before, self.doc.and_then(|doc| index.summary_words(doc))) {
            (Some(before), Some(summary)) => merged(index.text_word_keys(before), summary),
            _ => index.text_word_keys(text),
        }
    }
}

/// Sorted, deduplicated `keys` and `more` as one sorted, deduplicated list.
fn merged<'a>(keys: Vec<std::borrow::Cow<'a, str>>, more: &'a [String]) -> Vec<std::borrow::Cow<'a, str>> {
    if keys.is_empty() {
        return more.iter().map(|key| std::borrow::Cow::Borrowed(key.as_str())).collect();
    }
    let mut all = keys;
    all.extend(more.iter().map(|key| std::borrow::Cow::Borrowed(key.as_str())));
    all.sort_unstable();
    all.dedup();
    all
}

/// The keys of sorted `keys` that none of the sorted `lists` holds, in
/// order: each list is read once alongside them, not searched for each key.
fn held_by_none<'k>(keys: Vec<std::borrow::Cow<'k, str>>, lists: &[std::borrow::Cow<'_, [String]>]) -> Vec<std::borrow::Cow<'k, str>> {
    let mut read = vec![0; lists.len()];
    keys.into_iter().filter(|key| !lists.iter().zip(&mut read).any(|(list, at)| holds_from(list, at, key))).collect()
}

/// Whether sorted `list` holds `key`, reading on from `at` (left at the
/// first key not before it): for keys asked in order.
fn holds_from(list: &[String], at: &mut usize, key: &str) -> bool {
    while list.get(*at).is_some_and(|held| held.as_str() < key) {
        *at += 1;
    }
    list.get(*at).is_some_and(|held| held == key)
}

/// How many keys sorted, deduplicated `keys` and `held` have in common, read side by side.
fn count_common(keys: &[std::borrow::Cow<'_, str>], held: &[String]) -> usize {
    let mut at = 0;
    keys.iter().filter(|key| holds_from(held, &mut at, key)).count()
}

/// How many of a text's words a quote must add to be shown beside the others.
const MIN_NEW_WORDS: usize = 3;

/// The numbers a text writes in figures that are not years ("40,000", "1.5").
/// Each is a run of digits, commas and points, less the commas and points
/// at its ends, that holds a digit; read by bytes (every other character,
/// ASCII or not, ends a run).
fn figures(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let in_figure = |b: &u8| b.is_ascii_digit() || *b == b',' || *b == b'.';
    std::iter::from_fn(move || loop {
        let start = at + bytes.get(at..)?.iter().position(u8::is_ascii_digit)?;
        let end = bytes[start..].iter().position(|b| !in_figure(b)).map_or(bytes.len(), |length| start + length);
        at = end;
        let run = text[start..end].trim_end_matches([',', '.']);
        if super::index::year_of(run).is_none() {
            return Some(run);
        }
    })
}

/// The reply to a command typed without its argument.
pub(crate) fn missing_argument(intent: &str) -> Answer {
    let usage = super::commands::find(intent).map(|c| c.help).unwrap_or("");
    Answer::new(intent, Outcome::Error, format!("`{intent}` needs an argument.")).text(usage)
}

/// Parse a year argument within the table's bounds.
pub(crate) fn parse_year(intent: &str, text: &str) -> Result<i32, Box<Answer>> {
    let trimmed = text.trim().trim_end_matches('s');
    match trimmed.parse::<i64>() {
        Ok(year) if (super::commands::YEAR_MIN..=super::commands::YEAR_MAX).contains(&year) => Ok(year as i32),
        _ => Err(Box::new(
            Answer::new(intent, Outcome::Error, format!("“{}” is not a year I can look up.", crate::text::echo::echo(text)))
                .text(format!("Give a year between {} and {}, e.g. `/{intent} 1948`.", super::commands::YEAR_MIN, super::commands::YEAR_MAX)),
        )),
    }
}

/// Parse an optional page number (1 when absent or invalid).
pub(crate) fn parse_page(text: Option<&str>) -> usize {
    text.and_then(|t| t.trim().parse::<usize>().ok()).filter(|&p| p >= 1).unwrap_or(1)
}

/// One line about an entry in a list: what it is, in the summary's words.
pub(crate) fn entry_line(entry: &Entry) -> String {
    entry.summary.trim().to_string()
}

/// The heading of an entry in a list: `12 July 1968 — Title`.
pub(crate) fn dated_heading(entry: &Entry) -> String {
    match entry.date_text() {
        Some(date) if !entry.title.contains(&date) => format!("{date} — {}", entry.title),
        _ => entry.title.clone(),
    }
}

/// How many list items fit one page.
pub(crate) const PAGE_SIZE: usize = 5;

/// Add one page of `entries` to `answer`, each with the excerpts that state
/// its date, the beginning and the end of a span (or `year`, for a year's list).
pub(crate) fn add_page(engine: &Engine, answer: &mut Answer, entries: &[&Entry], page: usize, locale: &str, page_command: String, year: Option<i32>) {
    let count = entries.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.min(count);
    // A timeline shows where each entry begins and, for a span, where it ends.
    let focus = year.map_or_else(|| Focus { asks_start: true, asks_end: true, ..Focus::asserting(Asks::When) }, Focus::year);
    for entry in entries.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE) {
        add_entry(engine, answer, entry, Some(dated_heading(entry)), entry_line(entry), &focus, locale);
    }
    if count > 1 {
        answer.page = Some(super::answer::Page { number: page, count });
        answer.page_command = Some(page_command);
    }
}

/// Suggestions that lead on from an entry: its related entries and people.
pub(crate) fn related_suggestions(engine: &Engine, entry: &Entry) -> Vec<String> {
    entry
        .related
        .iter()
        .chain(&entry.people)
        .filter_map(|id| engine.base().get(id))
        .take(5)
        .map(super::engine::suggestion)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::figures;

    /// The runs as they were read before, by splitting at every other character.
    fn figures_by_split(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')
            .map(|run| run.trim_matches(|c| c == ',' || c == '.'))
            .filter(|run| !run.is_empty() && super::super::index::year_of(run).is_none())
            .collect()
    }

    #[test]
    fn figures_are_the_runs_that_hold_a_digit() {
        for text in ["about 40,000 refugees, 1.5 million.", "in 1948, 12 and ,.3., «7»", "", "1953–1955 ...", "., ,5,", "Хрущёв 20. 3,4 é9"] {
            assert_eq!(figures(text).collect::<Vec<_>>(), figures_by_split(text), "{text:?}");
        }
    }
}
