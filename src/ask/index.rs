//! Entity resolution: maps what a student typed to entries of the base.
//!
//! Every entry is indexed under *keys*: its words folded
//! ([`normalize::fold_for_search`]), lightly stemmed and collapsed to a
//! [`normalize::loose_key`], each with the weight of the field it came from
//! (names weigh most, then linked people, the summary, the quotes). A query
//! is folded the same way; each of its keys is matched exactly, by prefix, or
//! within one edit (a deletion-neighbourhood index keeps typo lookups fast).
//! An entry's score is the idf-weighted share of the query it explains,
//! boosted when one of its names appears in the query as a phrase.
//!
//! [`Index::resolve`] turns scores into a decision with an ambiguity margin:
//! a clear winner, a short "did you mean" list, or nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::commands::ArgKind;
use super::normalize::{self, fold_for_search, loose_key};
use crate::facts::date::YearMatch;
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
/// How many entries, best base score first, get the name bonuses and a place in the ranking.
const MAX_CANDIDATES: usize = 64;

/// A winner must explain this share of the query…
const ACCEPT: f32 = 0.55;
/// …and beat the runner-up by this factor, or the answer is "did you mean".
const MARGIN: f32 = 1.18;
/// …or by this much in absolute terms.
const CLEAR_GAP: f32 = 0.12;
/// Below ACCEPT, candidates above this are offered as suggestions.
const SUGGEST: f32 = 0.25;

/// Words that carry no meaning for finding an entry.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "is",
    "was", "were", "are", "be", "been", "being", "did", "do", "does", "done", "when", "what", "which",
    "who", "whom", "whose", "where", "why", "how", "happen", "happened", "happens", "take", "took",
    "taken", "place", "get", "got", "tell", "me", "about", "please", "date", "dates", "give",
    "show", "explain", "describe", "there", "their", "its", "it", "that", "this", "these", "those",
    "as", "into", "s", "year", "years", "signed", "sign", "signing", "occur", "occurred", "start",
    "started", "begin", "began", "any", "some", "you", "know", "can", "could", "would", "should",
    "i", "we", "my", "his", "her", "he", "she", "they", "them", "has", "have", "had", "much",
    "many", "did", "exactly", "day", "month", "time", "which", "role", "play", "played", "part",
    "known", "called", "say", "said", "does", "mean", "meant", "did", "event", "events", "fact",
    "facts", "anything", "something", "happening", "ever", "first time",
    // Arabic question and function words
    "متى", "ما", "ماذا", "من", "هو", "هي", "في", "عن", "على", "الى", "إلى", "تم", "كان", "كانت",
    "هل", "اين", "كيف", "لماذا", "عام", "سنه", "سنة",
    // Russian and Serbian question words
    "когда", "кто", "что", "такой", "такая", "был", "была", "было", "kada", "ko", "sta", "je", "bio", "bila",
];

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
}

/// The search index over one fact base. Built once per loaded base.
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
    /// key → (doc, best field weight), sorted by doc.
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// key → idf.
    idf: HashMap<String, f32>,
    /// All keys, for prefix search.
    sorted_keys: BTreeMap<String, ()>,
    /// Keys that occur in names, for morphological variants.
    name_keys: std::collections::BTreeSet<String>,
    /// Deletion neighbourhood: a key with one character removed → the keys.
    deletions: HashMap<String, Vec<String>>,
    /// The largest idf, used for query words the base has never seen.
    max_idf: f32,
    /// year → entries dated in it (exactly, or within a short range), with their fit.
    years: HashMap<i32, Vec<(u32, f32)>>,
    /// Entries with broad dates (decades, centuries, long periods): (doc, first, last).
    broad: Vec<(u32, i32, i32)>,
}

/// A query, folded and split into keys, with the years it mentions.
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub keys: Vec<String>,
    pub years: Vec<i32>,
}

/// Abbreviations students use for names the sources spell out (and the
/// reverse), expanded on both the index and the query side.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ussr", "soviet union"),
    ("sssr", "soviet union"),
    ("sfry", "socialist federal republic of yugoslavia"),
    ("sfrj", "socialist federal republic of yugoslavia"),
    ("fpry", "federal people's republic of yugoslavia"),
    ("fry", "federal republic of yugoslavia"),
    ("shs", "serbs croats and slovenes"),
    ("un", "united nations"),
    ("unga", "united nations general assembly"),
    ("eu", "european union"),
    ("cpsu", "communist party of the soviet union"),
    ("ww1", "world war i"),
    ("wwi", "world war i"),
    ("ww2", "world war ii"),
    ("wwii", "world war ii"),
];

/// Fold, split and key a text for the index.
pub fn keys_of(text: &str) -> Vec<String> {
    let folded = fold_for_search(text);
    let mut keys = Vec::new();
    for word in folded.split(' ').filter(|word| !word.is_empty()) {
        match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
            Some((_, long)) => keys.extend(long.split(' ').filter(|w| !STOPWORDS.contains(w)).map(key_of_word)),
            None if !STOPWORDS.contains(&word) => keys.push(key_of_word(word)),
            None => {}
        }
    }
    keys.retain(|key| !key.is_empty());
    keys
}

/// One folded word → its index key: stemmed, then loosened.
fn key_of_word(word: &str) -> String {
    let word = strip_arabic_article(word);
    loose_key(&stem(word))
}

/// Arabic: the article `ال` and a leading conjunction `و` or `ب` are not part of the name.
fn strip_arabic_article(word: &str) -> &str {
    let mut word = word;
    for prefix in ["وال", "بال", "ال"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                word = rest;
                break;
            }
        }
    }
    word
}

/// A light English stemmer: enough that `Hungarian`/`Hungary`,
/// `condemned`/`condemn` and `treaties`/`treaty` share a key.
fn stem(word: &str) -> String {
    if !word.is_ascii() || word.len() <= 4 {
        return word.to_string();
    }
    let mut stemmed = word.to_string();
    for suffix in ["ians", "ian", "ies", "ings", "ing", "ations", "ation", "ions", "ion", "ed", "es", "s", "y"] {
        if let Some(root) = word.strip_suffix(suffix) {
            if root.len() >= 4 {
                stemmed = root.to_string();
                break;
            }
        }
    }
    // `declare`/`declar(es)`, `intervene`/`interven(ed)`: a final e or y carries no meaning.
    if stemmed.len() > 4 && (stemmed.ends_with('e') || stemmed.ends_with('y')) {
        stemmed.pop();
    }
    // British and American spellings: `recognise`/`recognize`.
    if let Some(root) = stemmed.strip_suffix("iz") {
        stemmed = format!("{root}is");
    }
    stemmed
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        for key in keys_of(text) {
            match year_of(&key) {
                Some(year) => query.years.push(year),
                None => query.keys.push(key),
            }
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.years.is_empty()
    }
}

/// A four-digit year between 1000 and 2999.
pub fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|year| (1000..3000).contains(year))
}

impl Index {
    /// Index every entry of a base.
    pub fn build(base: &FactBase) -> Index {
        let mut index = Index::default();
        let mut weights: HashMap<String, HashMap<u32, f32>> = HashMap::new();
        for (doc_id, entry) in base.entries().iter().enumerate() {
            let doc_id = doc_id as u32;
            let mut doc = Doc { kind: Some(entry.kind), names: Vec::new() };
            let mut add = |text: &str, weight: f32| {
                for key in keys_of(text) {
                    let slot = weights.entry(key).or_default().entry(doc_id).or_insert(0.0);
                    *slot = slot.max(weight);
                }
            };
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
                }
            }
            add(&entry.summary, SUMMARY);
            entry.roles.iter().for_each(|role| add(role, ROLE));
            entry.parties.iter().for_each(|party| add(party, SUMMARY));
            for quote in &entry.quotes {
                add(&quote.text, QUOTE);
            }
            index.index_date(doc_id, entry);
            index.docs.push(doc);
        }
        let total = index.docs.len().max(1) as f32;
        for (key, docs) in weights {
            let mut list: Vec<(u32, f32)> = docs.into_iter().collect();
            list.sort_by_key(|(doc, _)| *doc);
            let idf = (1.0 + total / list.len() as f32).ln();
            index.max_idf = index.max_idf.max(idf);
            index.idf.insert(key.clone(), idf);
            if key.chars().count() >= 4 {
                for deletion in deletions_of(&key) {
                    index.deletions.entry(deletion).or_default().push(key.clone());
                }
            }
            index.sorted_keys.insert(key.clone(), ());
            index.postings.insert(key, list);
        }
        index
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

    /// Entries dated in `year`, with how well they fit it.
    pub fn year_fits(&self, year: i32) -> impl Iterator<Item = (u32, f32)> + '_ {
        let broad = self.broad.iter().filter(move |(_, first, last)| (*first..=*last).contains(&year)).map(|(doc, _, _)| (*doc, BROAD_YEAR));
        self.years.get(&year).into_iter().flatten().copied().chain(broad)
    }

    /// The index keys a query key matches, each with a match quality.
    fn matches(&self, key: &str, allow_prefix: bool) -> Vec<(&str, f32)> {
        let mut found = Vec::new();
        if let Some((stored, _)) = self.postings.get_key_value(key) {
            found.push((stored.as_str(), EXACT));
        }
        let length = key.chars().count();
        if found.is_empty() && length >= 4 {
            let mut seen = HashSet::new();
            let mut candidates: Vec<&str> = Vec::new();
            if let Some(keys) = self.deletions.get(key) {
                candidates.extend(keys.iter().map(String::as_str));
            }
            for deletion in deletions_of(key) {
                if let Some((stored, _)) = self.postings.get_key_value(&deletion) {
                    candidates.push(stored.as_str());
                }
                if let Some(keys) = self.deletions.get(&deletion) {
                    candidates.extend(keys.iter().map(String::as_str));
                }
            }
            for candidate in candidates {
                if seen.insert(candidate) && normalize::edit_distance_within(key, candidate, 1) <= 1 {
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
                .filter(|stored| stored.chars().count() <= length + 3 && stored.as_str() != key)
                .take(MAX_VARIANTS);
            found.extend(variants.map(|stored| (stored.as_str(), SHARED_PREFIX)));
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

    /// Score every entry that matches any part of the query. Entries of other
    /// kinds than `preferred` are kept but weighed down by [`OTHER_KIND`].
    pub fn score(&self, query: &Query, preferred: Option<&[Kind]>, prefix_last: bool) -> Vec<Scored> {
        // (doc, weighted sum) sorted by doc; postings are sorted by doc too, so
        // each query word merges in linearly, without hashing.
        let mut totals: Vec<(u32, f32)> = Vec::new();
        let mut denominator = 0.0;
        let last = query.keys.len().saturating_sub(1);
        for (position, key) in query.keys.iter().enumerate() {
            let matches = self.matches(key, prefix_last && position == last);
            let weight = matches
                .iter()
                .filter_map(|(stored, _)| self.idf.get(*stored))
                .fold(None, |best: Option<f32>, idf| Some(best.map_or(*idf, |b| b.max(*idf))))
                .unwrap_or(self.max_idf);
            denominator += weight;
            let mut contributions: Vec<(u32, f32)> = Vec::new();
            for (stored, quality) in matches {
                let postings = self.postings.get(stored).map(Vec::as_slice).unwrap_or(&[]);
                contributions.extend(postings.iter().map(|&(doc, field)| (doc, field * quality)));
            }
            merge_best(&mut totals, contributions, weight);
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
        // five, autocomplete at 25, and the name bonuses below add at most
        // 0.25), so rank by the base score and keep the top ones.
        if totals.len() > MAX_CANDIDATES {
            totals.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.1.total_cmp(&a.1));
            totals.truncate(MAX_CANDIDATES);
        }
        let mut scored: Vec<Scored> = totals
            .into_iter()
            .filter_map(|(doc, total)| {
                let entry = doc as usize;
                let kind = self.docs.get(entry)?.kind?;
                let name_hit = self.name_hit(entry, &query.keys);
                let mut score = total / denominator + NAME_COVERAGE * self.name_coverage(entry, &query.keys);
                if name_hit {
                    score = (score + NAME_HIT).min(1.2);
                }
                if preferred.is_some_and(|kinds| !kinds.contains(&kind)) {
                    score *= OTHER_KIND;
                }
                Some(Scored { entry, score, name_hit })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        scored
    }

    /// A question's keys as the index sees them: parsed, with compounds joined.
    pub fn query(&self, text: &str) -> Query {
        let mut query = Query::parse(text);
        self.join_compounds(&mut query);
        query
    }

    /// "break up" → "breakup", "non aligned" → "nonaligned": two adjacent
    /// query words that some entry's name writes as one word.
    fn join_compounds(&self, query: &mut Query) {
        let mut position = 0;
        while position + 1 < query.keys.len() {
            let joined = format!("{}{}", query.keys[position], query.keys[position + 1]);
            if self.is_name_key(&joined) {
                query.keys.splice(position..position + 2, [joined]);
            }
            position += 1;
        }
    }

    /// Whether a key occurs in some entry's name.
    fn is_name_key(&self, key: &str) -> bool {
        self.postings.get(key).is_some_and(|list| list.iter().any(|&(_, weight)| weight >= NAME))
    }

    /// Whether one of the entry's names occurs in the query as a phrase.
    fn name_hit(&self, entry: usize, query: &[String]) -> bool {
        self.docs.get(entry).is_some_and(|doc| {
            doc.names.iter().any(|name| !name.is_empty() && query.windows(name.len()).any(|window| window == name.as_slice()))
        })
    }

    /// The largest share of one of the entry's names that the query contains:
    /// `Cominform resolution` covers more of "Cominform resolution on
    /// Yugoslavia" than of "Second Cominform resolution against Yugoslavia".
    fn name_coverage(&self, entry: usize, query: &[String]) -> f32 {
        let Some(doc) = self.docs.get(entry) else { return 0.0 };
        doc.names
            .iter()
            .filter(|name| !name.is_empty())
            .map(|name| name.iter().filter(|key| query.contains(key)).count() as f32 / name.len() as f32)
            .fold(0.0, f32::max)
    }

    /// Whether the whole query is exactly one of the entry's names.
    fn exact_name(&self, entry: usize, query: &[String]) -> bool {
        self.docs.get(entry).is_some_and(|doc| doc.names.iter().any(|name| !name.is_empty() && name.as_slice() == query))
    }

    /// Resolve text to an entry, preferring the given kinds.
    pub fn resolve(&self, base: &FactBase, text: &str, preferred: Option<&[Kind]>) -> Resolution {
        if let Some(id) = exact_id(base, text) {
            return Resolution::Found(id);
        }
        let query = self.query(text);
        if query.is_empty() {
            return Resolution::NotFound(Vec::new());
        }
        let scored = self.score(&query, preferred, false);
        decide(self, &query, &scored)
    }

    /// Entry suggestions for a partly typed argument, best first.
    pub fn complete(&self, base: &FactBase, partial: &str, kind: ArgKind, limit: usize) -> Vec<usize> {
        let kinds = kinds_for(kind);
        let query = Query::parse(partial);
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

/// Turn scores into a decision.
fn decide(index: &Index, query: &Query, scored: &[Scored]) -> Resolution {
    let Some(best) = scored.first() else { return Resolution::NotFound(Vec::new()) };
    let exact: Vec<usize> = scored.iter().filter(|s| index.exact_name(s.entry, &query.keys)).map(|s| s.entry).collect();
    match exact.len() {
        1 if query.years.is_empty() => return Resolution::Found(exact[0]),
        n if n > 1 && query.years.is_empty() => return Resolution::Ambiguous(exact.into_iter().take(5).collect()),
        _ => {}
    }
    let close = |s: &&Scored| s.score * MARGIN >= best.score && best.score - s.score < CLEAR_GAP;
    let contenders: Vec<&Scored> = scored.iter().take_while(close).take(5).collect();
    if best.score >= ACCEPT {
        if contenders.len() == 1 {
            return Resolution::Found(best.entry);
        }
        return Resolution::Ambiguous(contenders.iter().map(|s| s.entry).collect());
    }
    Resolution::NotFound(scored.iter().filter(|s| s.score >= SUGGEST).take(3).map(|s| s.entry).collect())
}

/// An argument that is exactly an id (`belgrade-declaration`).
fn exact_id(base: &FactBase, text: &str) -> Option<usize> {
    base.index_of(&text.trim().to_ascii_lowercase())
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
fn names_of(entry: &Entry) -> impl Iterator<Item = String> + '_ {
    let names = std::iter::once(&entry.title).chain(&entry.aliases);
    names.flat_map(|name| {
        let bare = without_parentheses(name);
        let bare = (!bare.is_empty() && bare != *name).then_some(bare);
        std::iter::once(name.clone()).chain(bare)
    })
}

/// "Treaty of Berlin (Congress of Berlin)" → "Treaty of Berlin".
fn without_parentheses(name: &str) -> String {
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

/// All strings with one character removed.
fn deletions_of(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    (0..chars.len())
        .map(|skip| chars.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, c)| *c).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_stopwords_and_fold() {
        assert_eq!(keys_of("When did Tito get the Order of Lenin?"), ["tito", "order", "lenin"]);
        assert_eq!(keys_of("Pašić"), keys_of("Pasic"));
        assert_eq!(keys_of("Hungarian"), keys_of("Hungary"));
        assert_eq!(keys_of("treaties"), keys_of("treaty"));
        assert_eq!(keys_of("condemned"), keys_of("condemn"));
        assert_eq!(keys_of("Khruschev"), keys_of("Хрущёв"));
    }

    #[test]
    fn years_are_separated() {
        let query = Query::parse("what happened in 1956?");
        assert_eq!(query.years, [1956]);
        assert!(query.keys.is_empty());
    }
}
