//! Quiz questions generated from the checked fact base.
//!
//! Five kinds, each from what the base states and nothing else:
//!
//! - [`QuestionKind::Year`]: "In what year did this happen: …?" for an event
//!   or treaty dated to a year or finer. The other options are near-miss
//!   years that are not a year of the entry nor of any entry with the same
//!   title (a series such as yearly rallies).
//! - [`QuestionKind::Who`]: "Who signed / was involved in …?" (a person an
//!   event or treaty names, against people its title, summary and quotes
//!   never name) and "Which of these people was ⟨role⟩?" (a role exactly one
//!   person of the base holds, against people never said to hold it).
//! - [`QuestionKind::First`]: "Which came first?" for two dated entries a
//!   few years apart whose dates cannot overlap (the earlier one's last
//!   possible day is before the later one's first).
//! - [`QuestionKind::Period`]: "Which period does … belong to?" against
//!   periods that cover none of the entry's years.
//! - [`QuestionKind::MissingWord`]: a quote with its rarest meaningful word
//!   blanked, against words of the same shape from other quotes that, put in
//!   the blank, make a text no source contains.
//!
//! Every question keeps the entry it is about and the quotes that prove its
//! answer ([`Proof`]), cut verbatim from the source text. Generation is
//! deterministic: the same base and seed give the same questions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::rng::Rng;
use crate::ask::answer::excerpt_of;
use crate::facts::date::{contains_word, Precision};
use crate::facts::{Entry, FactBase, Kind, Quote};
use crate::text::fold::fold_for_search;
use crate::text::lang::Language;
use crate::text::lexicon::is_stopword;

/// The letters options are shown with.
pub const LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

/// The language questions are asked in; only quotes from sources in it are used.
const QUIZ_LANG: &str = "en";
/// How far apart (in years) two entries of a "which came first" may be.
const FIRST_WITHIN_YEARS: i32 = 6;
/// How far from the right year a near-miss year may be.
const NEAR_MISS_YEARS: i32 = 6;
/// The shortest word a "missing word" question blanks.
const MISSING_WORD_MIN_CHARS: usize = 5;

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    Year,
    Who,
    First,
    Period,
    MissingWord,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [QuestionKind::Year, QuestionKind::Who, QuestionKind::First, QuestionKind::Period, QuestionKind::MissingWord];

    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Year => "year",
            QuestionKind::Who => "who",
            QuestionKind::First => "first",
            QuestionKind::Period => "period",
            QuestionKind::MissingWord => "missing-word",
        }
    }
}

/// A verbatim passage that proves a question's answer: the entry it backs
/// and the text exactly as it stands in the source (white space collapsed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proof {
    /// The entry whose quote this is.
    pub entry: String,
    /// Source id.
    pub source: String,
    /// Source title.
    pub title: String,
    pub section: String,
    pub quote: String,
    pub url: String,
    pub lang: String,
    pub license: String,
}

/// One generated question, as plain data (stored with its round).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub kind: QuestionKind,
    /// The entry the question is about (for "which came first", the earlier one).
    pub entry: String,
    /// Every entry the question involves (both for "which came first").
    pub entries: Vec<String>,
    /// The question as asked.
    pub prompt: String,
    /// A passage the question is about (the quote with a word blanked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<String>,
    /// Two to four options, shown as A–D.
    pub options: Vec<String>,
    /// Index of the right option.
    pub correct: usize,
    /// The answer as a sentence, for the reveal.
    pub explanation: String,
    /// The quotes that prove the answer.
    pub proofs: Vec<Proof>,
}

impl Question {
    /// `A`, `B`, … for an option index.
    pub fn letter(index: usize) -> char {
        LETTERS.get(index).copied().unwrap_or('?')
    }

    /// The right option, as `B — 1948`.
    pub fn answer_text(&self) -> String {
        format!("{} — {}", Question::letter(self.correct), self.options.get(self.correct).map(String::as_str).unwrap_or(""))
    }

    /// A stable key: the kind, the entries, the prompt and passage, and the right option.
    pub fn key(&self) -> String {
        let right = self.options.get(self.correct).map(String::as_str).unwrap_or("");
        format!("{}|{}|{}|{}|{right}", self.kind.name(), self.entries.join(","), self.prompt, self.passage.as_deref().unwrap_or(""))
    }
}

/// The option index a typed answer means: a letter (`b`, `B`, `(b)`), or a
/// number from 1.
pub fn parse_choice(text: &str, options: usize) -> Option<usize> {
    let trimmed = text.trim().trim_matches(|c: char| matches!(c, '(' | ')' | '.' | '[' | ']'));
    let mut chars = trimmed.chars();
    let (first, rest) = (chars.next()?, chars.next());
    if rest.is_some() {
        return None;
    }
    let index = match first.to_ascii_uppercase() {
        letter @ 'A'..='D' => LETTERS.iter().position(|l| *l == letter)?,
        digit @ '1'..='4' => digit as usize - '1' as usize,
        _ => return None,
    };
    (index < options).then_some(index)
}

/// Every question the base allows, in a stable order (by kind, then entry).
pub fn all_questions(base: &FactBase, seed: u64) -> Vec<Question> {
    let context = Context::new(base, seed);
    let mut questions = Vec::new();
    for entry in base.entries() {
        questions.extend(context.year_question(entry));
        questions.extend(context.people_questions(entry));
        questions.extend(context.role_questions(entry));
        questions.extend(context.period_question(entry));
    }
    questions.extend(context.first_questions());
    for entry in base.all_entries() {
        questions.extend(context.missing_word_questions(entry));
    }
    questions.sort_by_cached_key(|q| (q.kind, q.entry.clone(), q.key()));
    questions
}

/// What generation needs to know about the whole base, computed once.
struct Context<'b> {
    base: &'b FactBase,
    seed: u64,
    /// For each entry title as a quiz shows it (folded), every year an entry
    /// with that title covers.
    years_by_title: HashMap<String, BTreeSet<i32>>,
    /// The years the base spans (no distractor outside them).
    year_bounds: (i32, i32),
    /// Each folded English word, and how many distinct quotes hold it.
    document_frequency: HashMap<String, usize>,
    /// Each word as written, once, in a stable order, with its folded form.
    vocabulary: Vec<VocabularyWord>,
    /// Each entry's own text, folded (see [`folded_entry_text`]).
    entry_texts: HashMap<String, String>,
}

/// A word of the base's English quotes, with what distractor choice compares.
struct VocabularyWord {
    text: String,
    folded: String,
    /// The first four folded letters: words sharing them may be inflections of each other.
    stem: String,
    capital: bool,
    chars: usize,
}

impl<'b> Context<'b> {
    fn new(base: &'b FactBase, seed: u64) -> Context<'b> {
        let mut years_by_title: HashMap<String, BTreeSet<i32>> = HashMap::new();
        let mut bounds = (i32::MAX, i32::MIN);
        for entry in base.chronological() {
            let Some(date) = &entry.date else { continue };
            let last = if date.last_year() == i32::MAX { date.first_year() } else { date.last_year() };
            bounds = (bounds.0.min(date.first_year()), bounds.1.max(last));
            let title = fold_for_search(&title_without_years(&entry.title));
            years_by_title.entry(title).or_default().extend(date.first_year()..=last.min(date.first_year() + 100));
        }
        let mut document_frequency: HashMap<String, usize> = HashMap::new();
        let mut vocabulary: BTreeSet<String> = BTreeSet::new();
        let mut seen_texts = HashSet::new();
        for entry in base.all_entries() {
            for (_, text) in english_quotes(base, entry) {
                if !seen_texts.insert(text.clone()) {
                    continue;
                }
                let mut words_here = HashSet::new();
                for word in words(&text) {
                    if is_plain_word(word.text) {
                        words_here.insert(fold_for_search(word.text));
                        vocabulary.insert(word.text.to_string());
                    }
                }
                for word in words_here {
                    *document_frequency.entry(word).or_default() += 1;
                }
            }
        }
        let vocabulary = vocabulary
            .into_iter()
            .map(|text: String| {
                let folded = fold_for_search(&text);
                VocabularyWord { stem: folded.chars().take(4).collect(), capital: starts_upper(&text), chars: text.chars().count(), folded, text }
            })
            .collect();
        let entry_texts = base.all_entries().map(|e| (e.id.clone(), folded_entry_text(base, e))).collect();
        Context { base, seed, years_by_title, year_bounds: bounds, document_frequency, vocabulary, entry_texts }
    }

    fn rng(&self, parts: &[&str]) -> Rng {
        Rng::for_parts(self.seed, parts)
    }

    /// "In what year did this happen: …?"
    fn year_question(&self, entry: &Entry) -> Option<Question> {
        if !matches!(entry.kind, Kind::Event | Kind::Treaty) {
            return None;
        }
        let date = entry.date.as_ref()?;
        if !is_single_year(entry) {
            return None;
        }
        let year = date.first_year();
        let title = quiz_title(&entry.title)?;
        let proofs = self.date_proofs(entry, year)?;
        let taken = self.years_by_title.get(&fold_for_search(&title_without_years(&entry.title)));
        let near: Vec<i32> = (1..=NEAR_MISS_YEARS)
            .flat_map(|offset| [year - offset, year + offset])
            .filter(|y| (self.year_bounds.0..=self.year_bounds.1).contains(y))
            .filter(|y| !taken.is_some_and(|years| years.contains(y)) && *y != year)
            .collect();
        let mut rng = self.rng(&[&entry.id, "year"]);
        let mut years = rng.pick(&near, 3);
        if years.is_empty() {
            return None;
        }
        years.push(year);
        years.sort_unstable();
        let correct = years.iter().position(|y| *y == year)?;
        let prompt = match entry.kind {
            Kind::Treaty => format!("In what year was this agreement made: {title}?"),
            _ => format!("In what year did this happen: {title}?"),
        };
        Some(Question {
            kind: QuestionKind::Year,
            entry: entry.id.clone(),
            entries: vec![entry.id.clone()],
            prompt,
            passage: None,
            options: years.iter().map(i32::to_string).collect(),
            correct,
            explanation: format!("{}.", crate::ask::engine::headline(entry)),
            proofs,
        })
    }

    /// "Who signed …?" / "Who was involved in …?": one question per person
    /// an event or treaty names.
    fn people_questions(&self, entry: &Entry) -> Vec<Question> {
        if !matches!(entry.kind, Kind::Event | Kind::Treaty) || entry.people.is_empty() {
            return Vec::new();
        }
        let entry_text = self.entry_text(entry);
        let outsiders: Vec<&Entry> =
            self.people().filter(|p| !entry.people.contains(&p.id) && !p.involved_in.contains(&entry.id)).filter(|p| !names_person(entry_text, p)).collect();
        let mut questions = Vec::new();
        let names = fold_for_search(&format!("{} {}", entry.title, entry.aliases.join(" ")));
        for id in &entry.people {
            let Some(person) = self.base.get(id) else { continue };
            // "Who was involved in Tito's visit?" would give itself away.
            if names_person(&names, person) {
                continue;
            }
            let Some(proof) = self.proof_where(entry, |text| names_person(&fold_for_search(text), person)) else { continue };
            let prompt = match entry.kind {
                Kind::Treaty => format!("Who signed this: {}?", entry.title),
                _ => format!("Who was involved in this: {}?", entry.title),
            };
            let explanation = format!("{} — {}.", entry.title, person.title);
            if let Some(question) = self.people_choice(QuestionKind::Who, entry, person, &outsiders, prompt, explanation, vec![proof]) {
                questions.push(question);
            }
        }
        questions
    }

    /// "Which of these people was ⟨role⟩?" for a role only one person holds.
    fn role_questions(&self, person: &Entry) -> Vec<Question> {
        if person.kind != Kind::Person {
            return Vec::new();
        }
        let mut questions = Vec::new();
        for role in &person.roles {
            let key = fold_for_search(role);
            if key.split(' ').count() < 2 {
                continue;
            }
            let holders = self.people().filter(|p| p.roles.iter().any(|r| fold_for_search(r) == key)).count();
            if holders != 1 {
                continue;
            }
            let states_role = |text: &str| contains_phrase(&fold_for_search(text), &key);
            let Some(proof) = self.proof_where(person, |text| states_role(text) && names_person(&fold_for_search(text), person)) else { continue };
            let outsiders: Vec<&Entry> = self.people().filter(|p| p.id != person.id && !contains_phrase(self.entry_text(p), &key)).collect();
            let prompt = format!("Which of these people was {role}?");
            let explanation = format!("{} — {role}.", person.title);
            if let Some(question) = self.people_choice(QuestionKind::Who, person, person, &outsiders, prompt, explanation, vec![proof]) {
                questions.push(question);
            }
        }
        questions
    }

    /// A question whose options are `person` and three of `outsiders`
    /// (people sharing a tag with `about` first).
    #[allow(clippy::too_many_arguments)]
    fn people_choice(
        &self,
        kind: QuestionKind,
        about: &Entry,
        person: &Entry,
        outsiders: &[&Entry],
        prompt: String,
        explanation: String,
        proofs: Vec<Proof>,
    ) -> Option<Question> {
        let right = fold_for_search(&person.title);
        let distinct: Vec<&Entry> = outsiders.iter().copied().filter(|p| fold_for_search(&p.title) != right).collect();
        let (mut near, far): (Vec<&Entry>, Vec<&Entry>) = distinct.into_iter().partition(|p| p.tags.iter().any(|t| about.tags.contains(t)));
        let mut rng = self.rng(&[&about.id, &person.id, &prompt]);
        rng.shuffle(&mut near);
        let mut rest = far;
        rng.shuffle(&mut rest);
        near.extend(rest);
        let mut names: Vec<String> = Vec::new();
        for p in near {
            if names.len() == 3 {
                break;
            }
            if !names.iter().any(|n| fold_for_search(n) == fold_for_search(&p.title)) {
                names.push(p.title.clone());
            }
        }
        if names.is_empty() {
            return None;
        }
        names.push(person.title.clone());
        rng.shuffle(&mut names);
        let correct = names.iter().position(|n| *n == person.title)?;
        Some(Question { kind, entry: about.id.clone(), entries: vec![about.id.clone()], prompt, passage: None, options: names, correct, explanation, proofs })
    }

    /// "Which came first?" for every pair of close, strictly ordered entries.
    fn first_questions(&self) -> Vec<Question> {
        let dated: Vec<(&Entry, String, Proof)> = self
            .base
            .chronological()
            .filter(|e| matches!(e.kind, Kind::Event | Kind::Treaty) && is_single_year(e))
            .filter_map(|e| {
                let title = quiz_title(&e.title)?;
                let proof = self.date_proof(e, e.date.as_ref()?.first_year())?;
                Some((e, title, proof))
            })
            .collect();
        let mut questions = Vec::new();
        for (i, (earlier, earlier_title, earlier_proof)) in dated.iter().enumerate() {
            for (later, later_title, later_proof) in &dated[i + 1..] {
                let (Some(a), Some(b)) = (&earlier.date, &later.date) else { continue };
                if b.first_year() - a.first_year() > FIRST_WITHIN_YEARS {
                    break;
                }
                if a.start.last_day() >= b.start.first_day() || fold_for_search(earlier_title) == fold_for_search(later_title) {
                    continue;
                }
                let mut rng = self.rng(&[&earlier.id, &later.id, "first"]);
                let swapped = rng.below(2) == 1;
                let options = if swapped { vec![later_title.clone(), earlier_title.clone()] } else { vec![earlier_title.clone(), later_title.clone()] };
                questions.push(Question {
                    kind: QuestionKind::First,
                    entry: earlier.id.clone(),
                    entries: vec![earlier.id.clone(), later.id.clone()],
                    prompt: "Which came first?".into(),
                    passage: None,
                    options,
                    correct: usize::from(swapped),
                    explanation: format!("{} came before {}.", crate::ask::engine::label(earlier), crate::ask::engine::label(later)),
                    proofs: vec![earlier_proof.clone(), later_proof.clone()],
                });
            }
        }
        questions
    }

    /// "Which period does … belong to?"
    fn period_question(&self, entry: &Entry) -> Option<Question> {
        if !matches!(entry.kind, Kind::Event | Kind::Treaty) {
            return None;
        }
        let date = entry.date.as_ref()?;
        if date.start.precision < Precision::Year {
            return None;
        }
        let period = self.base.period_of(entry)?;
        let first = date.first_year();
        let last = if date.last_year() == i32::MAX { first } else { date.last_year() };
        // An entry that outlasts its period (a 74-year overview) belongs to none of them alone.
        if !period.date.as_ref().is_some_and(|span| span.covers_year(first) && span.covers_year(last)) {
            return None;
        }
        let periods = self.base.periods();
        let at = periods.iter().position(|p| p.id == period.id)?;
        let mut others: Vec<(usize, &Entry)> = periods
            .iter()
            .enumerate()
            .filter(|(_, p)| p.id != period.id)
            .filter(|(_, p)| p.date.as_ref().is_some_and(|d| !(first..=last).any(|y| d.covers_year(y))))
            .collect();
        others.sort_by_key(|(i, _)| (i.abs_diff(at), *i));
        let mut near: Vec<(usize, &Entry)> = others.into_iter().take(5).collect();
        let mut rng = self.rng(&[&entry.id, "period"]);
        rng.shuffle(&mut near);
        near.truncate(3);
        if near.is_empty() {
            return None;
        }
        near.push((at, period));
        near.sort_by_key(|(i, _)| *i);
        let correct = near.iter().position(|(_, p)| p.id == period.id)?;
        let mut proofs = vec![self.date_proof(entry, first)?];
        for quote in crate::ask::cmd::period::boundary_quotes(self.base, period, QUIZ_LANG) {
            proofs.extend(proof_of(self.base, period, quote));
        }
        let dated_title = crate::ask::engine::label(entry);
        Some(Question {
            kind: QuestionKind::Period,
            entry: entry.id.clone(),
            entries: vec![entry.id.clone()],
            prompt: format!("Which period does this belong to: {dated_title}?"),
            passage: None,
            options: near.iter().map(|(_, p)| p.title.clone()).collect(),
            correct,
            explanation: format!("{dated_title} belongs to {}.", period.title),
            proofs,
        })
    }

    /// "Which word is missing from this quote?": one question per English
    /// quote of the entry that has a rare word to blank.
    fn missing_word_questions(&self, entry: &Entry) -> Vec<Question> {
        let mut questions = Vec::new();
        let mut seen = HashSet::new();
        for (quote, text) in english_quotes(self.base, entry) {
            if !seen.insert(text.clone()) {
                continue;
            }
            if let Some(question) = self.missing_word(entry, quote, &text) {
                questions.push(question);
            }
        }
        questions
    }

    fn missing_word(&self, entry: &Entry, quote: &Quote, text: &str) -> Option<Question> {
        let all: Vec<Word> = words(text).collect();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for word in &all {
            *counts.entry(fold_for_search(word.text)).or_default() += 1;
        }
        let candidates: Vec<&Word> = all
            .iter()
            .filter(|w| is_plain_word(w.text) && w.text.chars().count() >= MISSING_WORD_MIN_CHARS)
            .filter(|w| stands_alone(text, w))
            .filter(|w| {
                let folded = fold_for_search(w.text);
                counts.get(&folded) == Some(&1) && !is_stopword(&folded, Language::En)
            })
            .collect();
        let rarity = |w: &Word| self.document_frequency.get(&fold_for_search(w.text)).copied().unwrap_or(0);
        let rarest = candidates.iter().map(|w| rarity(w)).min()?;
        let mut tied: Vec<&Word> = candidates.into_iter().filter(|w| rarity(w) == rarest).collect();
        let longest = tied.iter().map(|w| w.text.chars().count()).max()?;
        tied.retain(|w| w.text.chars().count() == longest);
        let mut rng = self.rng(&[&entry.id, text, "missing-word"]);
        let answer = tied.get(rng.below(tied.len()))?;
        let blanked = format!("{}_____{}", &text[..answer.start], &text[answer.start + answer.text.len()..]);
        let distractors = self.missing_word_distractors(text, answer, &counts, &mut rng);
        if distractors.is_empty() {
            return None;
        }
        let mut options: Vec<String> = distractors;
        options.push(answer.text.to_string());
        options.sort_by_key(|o| fold_for_search(o));
        let correct = options.iter().position(|o| o == answer.text)?;
        Some(Question {
            kind: QuestionKind::MissingWord,
            entry: entry.id.clone(),
            entries: vec![entry.id.clone()],
            prompt: "Which word is missing from this quote?".into(),
            passage: Some(blanked),
            options,
            correct,
            explanation: format!("The missing word is “{}”.", answer.text),
            proofs: vec![proof_of(self.base, entry, quote)?],
        })
    }

    /// Up to three words shaped like `answer` (the same capitalisation, a
    /// similar length, not an inflection of it, not in the quote) that, put
    /// in the blank, make a text no source contains.
    fn missing_word_distractors(&self, text: &str, answer: &Word, in_quote: &HashMap<String, usize>, rng: &mut Rng) -> Vec<String> {
        let folded_answer = fold_for_search(answer.text);
        let capital = starts_upper(answer.text);
        let length = answer.text.chars().count();
        let answer_stem: String = folded_answer.chars().take(4).collect();
        let mut shaped: Vec<&VocabularyWord> = self
            .vocabulary
            .iter()
            .filter(|w| w.capital == capital && w.chars.abs_diff(length) <= 2)
            .filter(|w| w.folded != folded_answer && !in_quote.contains_key(&w.folded) && w.stem != answer_stem && !is_stopword(&w.folded, Language::En))
            .collect();
        rng.shuffle(&mut shaped);
        let mut chosen: Vec<&VocabularyWord> = Vec::new();
        for word in shaped {
            if chosen.len() == 3 {
                break;
            }
            if chosen.iter().any(|c| c.folded == word.folded) {
                continue;
            }
            let filled = format!("{}{}{}", &text[..answer.start], word.text, &text[answer.start + answer.text.len()..]);
            if self.base.sources().iter().all(|source| source.find_anywhere(&filled).is_none()) {
                chosen.push(word);
            }
        }
        chosen.into_iter().map(|w| w.text.clone()).collect()
    }

    fn entry_text(&self, entry: &Entry) -> &str {
        self.entry_texts.get(&entry.id).map_or("", String::as_str)
    }

    fn people(&self) -> impl Iterator<Item = &'b Entry> + 'b {
        self.base.entries().iter().filter(|e| e.kind == Kind::Person)
    }

    /// The proof that `entry` is dated in `year`: an English quote stating
    /// the whole date, else one stating the year.
    fn date_proof(&self, entry: &Entry, year: i32) -> Option<Proof> {
        let date = entry.date.as_ref()?;
        let words = date.start.required_words();
        self.proof_where(entry, |text| words.iter().all(|w| contains_word(text, w)))
            .or_else(|| self.proof_where(entry, |text| contains_word(text, &year.to_string())))
    }

    /// The proofs of a year question: the quote that states the date, and
    /// before it, when another quote says more of what the entry's title
    /// names ("troops mass on the border", where the dated sentence is about
    /// a protest), that quote, so the reveal shows what happened as well as when.
    fn date_proofs(&self, entry: &Entry, year: i32) -> Option<Vec<Proof>> {
        let dated = self.date_proof(entry, year)?;
        let title_words: Vec<String> = fold_for_search(&title_without_years(&entry.title)).split(' ').filter(|w| w.len() >= 4).map(str::to_string).collect();
        let says = |text: &str| {
            let folded = fold_for_search(text);
            let words: Vec<&str> = folded.split(' ').collect();
            title_words.iter().filter(|w| words.contains(&w.as_str())).count()
        };
        let describing = english_quotes(self.base, entry).into_iter().rev().max_by_key(|(_, text)| says(text)).filter(|(_, text)| says(text) > says(&dated.quote));
        match describing.and_then(|(quote, _)| proof_of(self.base, entry, quote)) {
            Some(describing) if describing.quote != dated.quote => Some(vec![describing, dated]),
            _ => Some(vec![dated]),
        }
    }

    /// The first English quote of `entry` (as it stands in the source) that `test` accepts.
    fn proof_where(&self, entry: &Entry, test: impl Fn(&str) -> bool) -> Option<Proof> {
        english_quotes(self.base, entry).into_iter().find(|(_, text)| test(text)).and_then(|(quote, _)| proof_of(self.base, entry, quote))
    }
}

/// The entry's quotes from English sources, each with its text as it stands
/// in the source (white space collapsed).
fn english_quotes<'e>(base: &FactBase, entry: &'e Entry) -> Vec<(&'e Quote, String)> {
    entry
        .quotes
        .iter()
        .filter_map(|quote| {
            let excerpt = excerpt_of(base, quote)?;
            (excerpt.lang == QUIZ_LANG).then_some((quote, excerpt.quote))
        })
        .collect()
}

fn proof_of(base: &FactBase, entry: &Entry, quote: &Quote) -> Option<Proof> {
    let excerpt = excerpt_of(base, quote)?;
    Some(Proof {
        entry: entry.id.clone(),
        source: excerpt.source,
        title: excerpt.title,
        section: excerpt.section,
        quote: excerpt.quote,
        url: excerpt.url,
        lang: excerpt.lang,
        license: excerpt.license,
    })
}

/// A date one year (or finer) long, stated exactly.
fn is_single_year(entry: &Entry) -> bool {
    entry.date.as_ref().is_some_and(|d| d.end.is_none() && d.start.precision >= Precision::Year && !d.start.approximate)
}

/// The title without a parenthesised year (`Belgrade rallies (2022)` →
/// `Belgrade rallies`).
pub fn title_without_years(title: &str) -> String {
    let mut out = String::new();
    let mut rest = title;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        let inside = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        if !has_year(inside) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title a year or order question shows: without a parenthesised year,
/// and `None` when a year is still in it (the title would give the answer away).
fn quiz_title(title: &str) -> Option<String> {
    let shown = title_without_years(title);
    (!has_year(&shown) && !shown.is_empty()).then_some(shown)
}

/// Whether `text` holds a run of four digits.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() == 4)
}

/// Everything an entry says about itself, folded: title, aliases, summary, every quote.
fn folded_entry_text(base: &FactBase, entry: &Entry) -> String {
    let mut parts: Vec<String> = vec![entry.title.clone(), entry.summary.clone()];
    parts.extend(entry.aliases.iter().cloned());
    parts.extend(entry.roles.iter().cloned());
    parts.extend(entry.quotes.iter().filter_map(|q| excerpt_of(base, q)).map(|e| e.quote));
    fold_for_search(&parts.join(" \n "))
}

/// Whether folded `text` names `person`: a full name (title or alias), or
/// the surname (the title's last word of three letters or more that is not
/// a regnal number), as whole words.
pub fn names_person(folded_text: &str, person: &Entry) -> bool {
    let names = std::iter::once(&person.title).chain(&person.aliases);
    if names.map(|n| fold_for_search(n)).any(|n| !n.is_empty() && contains_phrase(folded_text, &n)) {
        return true;
    }
    surname(&person.title).is_some_and(|s| contains_phrase(folded_text, &s))
}

fn surname(title: &str) -> Option<String> {
    let folded = fold_for_search(title);
    let is_roman = |w: &str| w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
    folded.split(' ').rev().find(|w| w.chars().count() >= 3 && !is_roman(w) && !is_stopword(w, Language::En)).map(str::to_string)
}

/// Whether folded `text` holds folded `phrase` as whole words.
pub fn contains_phrase(folded_text: &str, phrase: &str) -> bool {
    !phrase.is_empty() && format!(" {folded_text} ").contains(&format!(" {phrase} "))
}

/// A word of a text and where it starts (bytes).
struct Word<'t> {
    start: usize,
    text: &'t str,
}

/// The runs of letters (and apostrophes inside them) of `text`.
fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word { start: s, text: &text[s..i] });
        }
    }
    if let Some(s) = start {
        out.push(Word { start: s, text: &text[s..] });
    }
    out.into_iter()
}

/// Letters only (no digits), so a blank never hides a number.
fn is_plain_word(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
}

/// A word not glued to another by a hyphen or an apostrophe (`pro-Soviet`, `Yugoslavia's`).
fn stands_alone(text: &str, word: &Word) -> bool {
    let glue = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '\'' | '’' | '‐' | '–') || c.is_alphanumeric());
    !glue(text[..word.start].chars().next_back()) && !glue(text[word.start + word.text.len()..].chars().next())
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// How many questions of each kind, for `histbot`'s figures and the tests.
pub fn count_by_kind(questions: &[Question]) -> BTreeMap<QuestionKind, usize> {
    let mut counts = BTreeMap::new();
    for question in questions {
        *counts.entry(question.kind).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_choices() {
        assert_eq!(parse_choice("b", 4), Some(1));
        assert_eq!(parse_choice(" (D) ", 4), Some(3));
        assert_eq!(parse_choice("2", 2), Some(1));
        assert_eq!(parse_choice("c", 2), None);
        assert_eq!(parse_choice("bc", 4), None);
        assert_eq!(parse_choice("", 4), None);
    }

    #[test]
    fn years_in_parentheses_leave_the_title() {
        assert_eq!(title_without_years("Belgrade rallies (2022)"), "Belgrade rallies");
        assert_eq!(title_without_years("Treaty (secret) of Bucharest (1812)"), "Treaty (secret) of Bucharest");
        assert_eq!(quiz_title("The 1948 split"), None);
        assert_eq!(quiz_title("Split (1948)").as_deref(), Some("Split"));
    }

    #[test]
    fn phrases_are_whole_words() {
        assert!(contains_phrase("the king of serbia met", "king of serbia"));
        assert!(!contains_phrase("the kingdom of serbia", "king"));
    }
}
