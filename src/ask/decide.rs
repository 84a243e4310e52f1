//! Stage 3: decide whether to answer, ask ("did you mean"), or abstain.
//!
//! Candidates come from the index ([`Index::score`]: idf-weighted share of
//! the question each entry explains, name bonuses, a kind prior). Then, in
//! order:
//!
//! 1. **Context** re-weighs them: an entry dated in a year the question
//!    names gains, one dated elsewhere loses; a question that names a kind
//!    ("treaty") favours entries of that kind.
//! 2. **Abstention**: the best entry must explain the question's
//!    discriminative words: its names as the sources write them, its head
//!    noun, and any non-light word the base has never seen ("population",
//!    "favourite"); and the quotes it would show must hold most of the
//!    question's other words; a name asked for ("what was the name of the
//!    Russian minister") must stand beside what is named, and a successor
//!    or a winner ("who succeeded X", "who won") needs a sentence that tells
//!    a succession or a victory. A gap, or a year the entry is not dated
//!    in, means the sources do not answer this question, whatever else
//!    matches: histbot says so and offers the closest entries. When the gap
//!    is a word (not a year), a runner-up that explains every word may
//!    answer instead ([`fully_covered_runner_up`]).
//! 3. **Answer type**: the entry must be able to state what is asked (a
//!    date for "when", a number for "how many", a birth for "born"); a
//!    known entry whose quotes lack it gets "the sources don't say".
//! 4. **One sentence that says it**: when no sentence of the chosen entry
//!    says (nearly) the whole question, a candidate close behind with one
//!    sentence that does, and that speaks of the question clearly more,
//!    answers instead ([`stronger_evidence`]).
//! 5. **Ties**: "did you mean" only when contenders are still within the
//!    ambiguity margin after the evidence has been weighed ([`break_tie`]);
//!    tied contenders that are one event repeated (the same title but for
//!    the date) are a series, and all of them answer.

use serde::Serialize;

use crate::text::Language;

use super::engine::Engine;
use super::evidence::{self, Focus};
use super::index::{Index, Scored};
use super::question::Question;
use crate::facts::date::YearMatch;
use crate::facts::{Entry, Kind};
use crate::text::lexicon::Asks;
use crate::text::fold;

/// A winner must explain this share of the question…
const ACCEPT: f32 = 0.45;
/// …and beat the runner-up by this factor or this absolute gap, or the answer is "did you mean".
const MARGIN: f32 = 1.1;
const CLEAR_GAP: f32 = 0.08;
/// Below ACCEPT, candidates above this are offered as suggestions.
const SUGGEST: f32 = 0.25;
/// A runner-up that explains every word the best leaves out may answer when it scores this share of the best.
const RUNNER_UP_SHARE: f32 = 0.6;
/// How many candidates the context stage looks at.
const CANDIDATES: usize = 10;
/// An entry dated in a year the question names, and one dated in none of them.
const YEAR_FIT: f32 = 1.15;
const YEAR_MISS: f32 = 0.6;
/// An entry of the kind the question names ("treaty").
const KIND_FIT: f32 = 1.1;
/// An entry whose name holds another ordinal than the question's ("the
/// *second* Cominform resolution" for "the first resolution").
const ORDINAL_MISS: f32 = 0.6;
/// An entry whose name holds a later ordinal than "first" that the question
/// does not say ("Second Cominform resolution" for "the Cominform resolution").
const UNASKED_ORDINAL: f32 = 0.9;
/// A contender whose name the question covers by this much more wins a tie.
const NAME_LEAD: f32 = 0.05;
/// The largest share of the question's known words the answer may leave unexplained.
const MAX_UNCOVERED: f32 = 0.5;
/// A contender whose best quote holds this much more of the question wins a tie.
const QUOTE_LEAD: f32 = 1.25;
/// The longest span of years a date may cover and still answer "when".
const MAX_SPAN: i32 = 15;
/// A candidate able to state the answer may replace a better one that
/// cannot when it scores at least this share of it.
const CAPABLE_SHARE: f32 = 0.8;
/// …or this share, when the better one is a person asked about a deed of
/// theirs and the capable one involves them.
const DEED_SHARE: f32 = 0.5;
/// A candidate scoring this share of the chosen one…
const EVIDENCE_SHARE: f32 = 0.6;
/// …whose best sentence holds this many times the question's weight answers instead.
const EVIDENCE_LEAD: f32 = 1.5;
/// Questions with more words than this are not compared phrase by phrase ([`longest_phrase`]).
const MAX_PHRASE_WORDS: usize = 16;

/// What to do with a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// One entry answers it.
    Answer { entry: usize },
    /// Several fit about equally well.
    Ask { entries: Vec<usize> },
    /// The question names things the base does not hold (`words`), or a
    /// year the closest entry is not dated in; `near` are the closest entries.
    Abstain { words: Vec<String>, years: Vec<i32>, near: Vec<usize> },
    /// `entry` is what the question is about, but its sources do not state `asks`.
    NotStated { entry: usize, asks: Asks },
    /// The same kind of event, repeated ("Vladimir Putin visits Belgrade"
    /// in 2000, 2011, 2014 and 2019) and tied: every one answers.
    Series { entries: Vec<usize> },
    /// Nothing fits well.
    Nothing { near: Vec<usize> },
}

/// A candidate after the context stage.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    entry: usize,
    score: f32,
    name_hit: bool,
}

/// Decide how to answer `question`, preferring entries of `kinds`.
pub fn decide(engine: &Engine, question: &Question, kinds: &[Kind]) -> Decision {
    match decide_on_evidence(engine, question, kinds) {
        // "Did Tito get Soviet orders other than the Order of Lenin": with
        // the entry the question leaves out set aside, an answer must name
        // something else ("besides Ota Šik": "Jiří Hájek, František Vlasak…").
        Decision::Answer { entry } if !question.excluded.is_empty() && !names_another(engine, question, entry) => Decision::Nothing { near: vec![entry] },
        // "Is Serbia going to bring back visas": the sources tell what has
        // been; the entry answers only if a sentence it shows tells a plan
        // or an expectation.
        Decision::Answer { entry } if question.asks_future && !tells_what_is_to_come(engine, question, entry) => Decision::NotStated { entry, asks: question.asks },
        decision => decision,
    }
}

/// Whether the question leaves out the entry by one of its names
/// ([`Question::excluded`]): the words left out begin with one of its
/// names ("other than *the Order of Lenin*", "besides *Ota Šik* got refuge").
fn is_excluded(engine: &Engine, question: &Question, entry: usize) -> bool {
    !question.excluded.is_empty() && engine.index().name_begins(entry, &question.excluded)
}

/// Whether a quote the answer shows names what the question leaves out
/// and, beside it, another entry of the same kind ("politicians including
/// Ota Šik, Jiří Hájek, …": people both) that the question does not name.
/// True when the words left out name no entry.
fn names_another(engine: &Engine, question: &Question, entry: usize) -> bool {
    let index = engine.index();
    let kind = |doc: usize| engine.entry(doc).map(|found| found.kind);
    let left_out = index.entries_named_first(&question.excluded);
    if left_out.is_empty() {
        return true;
    }
    let kinds: Vec<_> = left_out.iter().map(|&doc| kind(doc)).collect();
    let another = |doc: usize| !left_out.contains(&doc) && kinds.contains(&kind(doc)) && !index.name_hit(doc, &question.query.keys);
    let names_left_out = |keys: &[String]| left_out.iter().any(|&doc| index.name_hit(doc, keys));
    shown_quotes(engine, question, entry).iter().filter_map(|&q| index.quote_keys(entry).get(q)).any(|keys| names_left_out(keys) && index.entries_named_in(keys).into_iter().any(another))
}

/// Words of a sentence that tells what is to come: a plan, an intention,
/// an expectation.
const FUTURE_WORDS: &[&str] = &[
    "will", "would", "shall", "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intention", "future", "expect",
    "expects", "expected", "aim", "aims", "hope", "hopes", "promise", "promised", "pledge", "pledged", "prospect", "prospects", "upcoming",
];

/// Whether a sentence the answer would show tells what is to come (see [`FUTURE_WORDS`]).
fn tells_what_is_to_come(engine: &Engine, question: &Question, entry: usize) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    shown_quotes(engine, question, entry).iter().filter_map(|&q| found.quotes.get(q)).any(|quote| evidence::has_any_word(&quote.text, FUTURE_WORDS))
}

/// [`decide`], before the question's tense is weighed.
fn decide_on_evidence(engine: &Engine, question: &Question, kinds: &[Kind]) -> Decision {
    if let Some(entry) = engine.base().index_of(&question.text.trim().to_ascii_lowercase()) {
        return Decision::Answer { entry };
    }
    let index = engine.index();
    let query = &question.query;
    if query.is_empty() {
        return Decision::Nothing { near: Vec::new() };
    }
    if subject_is_only_a_pronoun(engine, question) {
        return Decision::Nothing { near: Vec::new() };
    }
    let scored = index.score(query, Some(kinds), false);
    let mut candidates = in_context(engine, question, &scored);
    drop_swapped_groups(engine, question, &mut candidates);
    candidates.retain(|c| !is_excluded(engine, question, c.entry));
    let Some(best) = candidates.first().copied() else { return Decision::Nothing { near: Vec::new() } };
    if let Some(entry) = exact_name(index, query, &candidates) {
        return check_answer_type(engine, question, entry, &candidates);
    }
    // Several words, none of them found as typed: coincidences of spelling ("bake bread").
    let exact_evidence = !query.years.is_empty() || query.keys.len() < 2 || (0..query.keys.len()).any(|word| index.covers_exactly(best.entry, query, word));
    if best.score < ACCEPT || !exact_evidence {
        let near = candidates.iter().filter(|c| c.score >= SUGGEST).take(3).map(|c| c.entry).collect();
        return Decision::Nothing { near };
    }
    let best = match uncovered(engine, question, best.entry, &candidates) {
        None => best,
        Some(abstain) => match fully_covered_runner_up(engine, question, best, &candidates) {
            Some(runner_up) => runner_up,
            None => return abstain,
        },
    };
    // "What post did Ninčić hold": only his roles could say, and the sources give none.
    if unstated_role(engine, question, best.entry) || unstated_other_name(engine, question, best.entry) {
        return not_stated(engine, question, best.entry);
    }
    // "What job did Borislav Milošević have in 1999": the roles of the
    // person it names say, whatever event its year brings up first.
    if let Some(person) = role_holder_asked(engine, question, &candidates) {
        return Decision::Answer { entry: person };
    }
    // "Why did Karađorđe refuse…": the person's profile cannot say; an
    // event their name is part of may, though it scores lower.
    let share = if deed_of_person(engine, question, best.entry) { DEED_SHARE } else { CAPABLE_SHARE };
    if let Some(coarse) = dated_too_coarsely(engine, question, &candidates, best, share) {
        return not_stated(engine, question, coarse);
    }
    // The candidates that can state the answer, checked lazily in score
    // order (the check reads quotes): only the first and those close to it
    // matter, and none below the share of the best can be chosen.
    let mut capable = candidates
        .iter()
        .take_while(|c| c.entry == best.entry || c.score >= best.score * share)
        .filter(|c| can_state(engine, question, c.entry));
    let mut chosen = match capable.next() {
        Some(first) if first.entry == best.entry => *first,
        // "Who was Ivan's mother": one whose sentence says so, as `can_state` checked.
        Some(first) if share == CAPABLE_SHARE || question.kin.is_some() || involves_person(engine, question, best.entry, first.entry) && tells_the_event(engine, question, first.entry) => {
            if let Some(abstain) = uncovered(engine, question, first.entry, &candidates) {
                return abstain;
            }
            *first
        }
        _ => return not_stated(engine, question, person_asked_about(engine, question, &candidates).unwrap_or(best.entry)),
    };
    // The chosen one passed over on the evidence is no longer a contender.
    let passed_over = stronger_evidence(engine, question, chosen, &candidates).or_else(|| thing_of_the_kind_asked(engine, question, chosen, &candidates)).map(|stronger| std::mem::replace(&mut chosen, stronger).entry);
    let close = |c: &&Candidate| c.score * MARGIN >= chosen.score && chosen.score - c.score < CLEAR_GAP;
    let others = capable.filter(|c| c.entry != chosen.entry && Some(c.entry) != passed_over);
    let contenders: Vec<&Candidate> = std::iter::once(&chosen).chain(others.take_while(close)).take(5).collect();
    if contenders.len() <= 1 {
        return Decision::Answer { entry: chosen.entry };
    }
    match break_tie(engine, question, &contenders) {
        Some(entry) => Decision::Answer { entry },
        None => {
            let entries: Vec<usize> = contenders.iter().map(|c| c.entry).collect();
            if is_series(engine, &entries) {
                Decision::Series { entries }
            } else if let Some(series) = named_series(engine, question, &contenders) {
                Decision::Series { entries: series }
            } else if let Some(each) = one_for_each_year(engine, question, &contenders) {
                Decision::Series { entries: each }
            } else {
                Decision::Ask { entries }
            }
        }
    }
}

/// "Which Serbian president visited Moscow in 2004 and which one in
/// 2012": a question that names several years, tied between contenders
/// each dated in one of them, one for every year, asks for them all.
fn one_for_each_year(engine: &Engine, question: &Question, contenders: &[&Candidate]) -> Option<Vec<usize>> {
    let years = &question.query.years;
    if years.len() < 2 {
        return None;
    }
    let year_of = |entry: usize| -> Option<i32> {
        let date = engine.entry(entry)?.date.as_ref()?;
        let mut dated_in = years.iter().copied().filter(|&year| date.year_match(year) == YearMatch::Exact);
        let year = dated_in.next()?;
        dated_in.next().is_none().then_some(year)
    };
    let mut each: Vec<(i32, usize)> = contenders.iter().map(|c| Some((year_of(c.entry)?, c.entry))).collect::<Option<_>>()?;
    each.sort_unstable();
    let one_per_year = each.len() == years.len() && each.windows(2).all(|pair| pair[0].0 != pair[1].0);
    one_per_year.then(|| each.into_iter().map(|(_, entry)| entry).collect())
}

/// "When did *Serbian refugees* first flee to Russia": when some
/// candidate's sentences name the question's group as typed (a people or a
/// land right before a kind of person: "Serbian refugees"), the candidates
/// that name that kind only by another of the question's names ("Russian
/// refugees … Serbia") tell it the other way round and are dropped.
fn drop_swapped_groups(engine: &Engine, question: &Question, candidates: &mut Vec<Candidate>) {
    let groups = asked_groups(engine, question);
    if groups.is_empty() {
        return;
    }
    let index = engine.index();
    let proper_asked: Vec<&String> = question.query.keys.iter().filter(|key| index.is_proper_key(key)).collect();
    // For each candidate: whether it names a group as asked, and as swapped.
    let naming: Vec<(bool, bool)> = candidates
        .iter()
        .map(|c| {
            let before = words_before_kinds(engine, c.entry, &groups);
            let as_asked = groups.iter().zip(&before).any(|((name, _), keys)| keys.iter().any(|k| k.contains(name)));
            let swapped = groups.iter().zip(&before).any(|((name, _), keys)| {
                !keys.iter().any(|k| k.contains(name)) && keys.iter().any(|k| k.iter().any(|key| key != name && proper_asked.contains(&key)))
            });
            (as_asked, swapped)
        })
        .collect();
    if !naming.iter().any(|(as_asked, _)| *as_asked) {
        return;
    }
    let mut at = 0;
    candidates.retain(|_| {
        let keep = !naming[at].1;
        at += 1;
        keep
    });
}

/// The groups a question names by a people or a land right before a kind
/// of person ("*Serbian refugees*"), as (name key, kind key), when it names
/// another people or land besides ("… to *Russia*").
fn asked_groups(engine: &Engine, question: &Question) -> Vec<(String, String)> {
    let index = engine.index();
    let query = &question.query;
    let proper_asked = query.keys.iter().filter(|key| index.is_proper_key(key)).count();
    if proper_asked < 2 || !query.keys.iter().any(|key| index.is_person_kind(key) && !index.is_proper_key(key)) {
        return Vec::new();
    }
    let typed: Vec<Vec<String>> = question.folded.split(' ').map(|word| index.word_keys(word)).collect();
    typed
        .windows(2)
        .filter_map(|pair| {
            let name = pair[0].iter().find(|key| index.is_proper_key(key) && query.keys.contains(key))?;
            let kind = pair[1].iter().find(|key| index.is_person_kind(key) && !index.is_proper_key(key) && query.keys.contains(key))?;
            Some((name.clone(), kind.clone()))
        })
        .collect()
}

/// For each of `groups`, the keys of the words right before its kind of
/// person in the entry's sentences ("*Russian* refugees").
fn words_before_kinds(engine: &Engine, entry: usize, groups: &[(String, String)]) -> Vec<Vec<Vec<String>>> {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return vec![Vec::new(); groups.len()] };
    let keyed: Vec<Vec<Vec<String>>> = found.quotes.iter().map(|quote| evidence::keyed_words(index, &quote.text)).collect();
    groups
        .iter()
        .map(|(_, kind)| keyed.iter().flat_map(|keys| keys.windows(2).filter(|pair| pair[1].contains(kind)).map(|pair| pair[0].clone())).collect())
        .collect()
}

/// "When did *they* leave", "what did *he* say": an English question whose
/// subject is a pronoun right after its auxiliary, and that names nothing
/// and no year, asks about someone said before, whom histbot cannot know.
/// Any entry whose words it holds ("Tito *leaves* Vis") would be a guess.
fn subject_is_only_a_pronoun(engine: &Engine, question: &Question) -> bool {
    if question.language != Language::En {
        return false;
    }
    let words: Vec<&str> = question.folded.split(' ').collect();
    let pronoun_subject = words.windows(2).any(|pair| super::engine::AUXILIARIES_BEFORE_SUBJECT.contains(&pair[0]) && matches!(pair[1], "he" | "she" | "they"));
    let query = &question.query;
    pronoun_subject && query.years.is_empty() && !(0..query.keys.len()).any(|word| engine.index().is_proper(query, word))
}

/// When the best candidate leaves a word of the question unexplained (not
/// a year: a year decides), the next one that explains every word may still
/// answer: the best may have scored on a common name ("Moscow") while the
/// question's person is in another entry's evidence. It must score at least
/// [`RUNNER_UP_SHARE`] of the best, be dated in the question's years if it
/// names any, and pass the same abstention test.
fn fully_covered_runner_up(engine: &Engine, question: &Question, best: Candidate, candidates: &[Candidate]) -> Option<Candidate> {
    let years = &question.query.years;
    let best_entry = engine.entry(best.entry)?;
    if !years.is_empty() && best_entry.date.is_some() && year_fit(engine, best_entry, years) == Some(false) {
        return None;
    }
    candidates
        .iter()
        .skip(1)
        .take_while(|c| c.score >= best.score * RUNNER_UP_SHARE && c.score >= SUGGEST)
        // Dated in them, or showing a sentence that states them ("over 5,000 enrolled … as of 2023").
        .filter(|c| years.is_empty() || engine.entry(c.entry).is_some_and(|e| year_fit(engine, e, years) == Some(true)) || shown_quote_dates_it(engine, question, c.entry))
        .find(|c| uncovered(engine, question, c.entry, candidates).is_none() && can_state(engine, question, c.entry))
        .copied()
}

/// English words that put what follows as the place something happened in.
const SETTING_WORDS: &[&str] = &["in", "within", "inside"];

/// Whether the question names `entry` (by its title or an alias) only
/// after a word of place ("refugees *in the Kingdom of SHS*"), with words
/// of its own before: the entry is where the question's topic happened,
/// not its topic.
fn named_only_as_the_setting(engine: &Engine, question: &Question, entry: usize) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    let asked = format!(" {} ", question.folded);
    let names: Vec<String> = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).map(fold::fold_for_search).filter(|name| !name.is_empty()).collect();
    let mut named = names.iter().filter_map(|name| asked.find(&format!(" {name} ")).map(|at| (at, name))).peekable();
    named.peek().is_some()
        && named.all(|(at, _)| {
            let before: Vec<&str> = asked[..at].split_whitespace().collect();
            let before = before.strip_suffix(&["the"]).unwrap_or(&before);
            before.last().is_some_and(|word| SETTING_WORDS.contains(word)) && before.len() > 1
        })
}

/// A candidate close behind the chosen one whose best sentence holds far
/// more of the question than any sentence of the chosen one: the chosen one
/// scored on words spread over its names and quotes ("Serbian refugees in
/// Russia" for "famous Serbs in medieval Russia"), the other says the
/// question in one sentence ("Lazar the Serb and Pachomius the Serb were
/// some of the notable Serbs in Russian medieval history").
fn stronger_evidence(engine: &Engine, question: &Question, chosen: Candidate, candidates: &[Candidate]) -> Option<Candidate> {
    let index = engine.index();
    let query = &question.query;
    let quotes = |entry: usize| 0..index.quote_keys(entry).len();
    // "Russian refugees *in the Kingdom of SHS*": the chosen one is named
    // only as where the rest happened, so its own sentences, which name
    // it, prove little, and any sentence that says more of the question answers instead.
    let setting = named_only_as_the_setting(engine, question, chosen.entry);
    if !setting && quotes(chosen.entry).any(|q| evidence::speaks_of_all(index, chosen.entry, q, query, false)) {
        return None;
    }
    let chosen_weight = evidence::most_relevant_quote(index, chosen.entry, query).map_or(0.0, |(_, weight)| weight.max(0.0));
    let lead = if setting { 1.0 } else { EVIDENCE_LEAD };
    let says_much_more = |entry: usize| quotes(entry).any(|q| evidence::relevance(index, entry, q, query) > chosen_weight * lead && evidence::speaks_of_all(index, entry, q, query, false));
    candidates
        .iter()
        .filter(|c| c.entry != chosen.entry && c.score >= chosen.score * EVIDENCE_SHARE && c.score >= SUGGEST)
        .filter(|c| says_much_more(c.entry))
        .find(|c| uncovered(engine, question, c.entry, candidates).is_none() && can_state(engine, question, c.entry))
        .copied()
}

/// "Which Warsaw Pact *meeting* did Tito go to": a kind of thing is asked,
/// not a person, so a person's profile chosen on their name gives way to
/// the next candidate not a person whose one sentence holds the whole
/// question and the kind ("the 1967 *Conference* of the Warsaw Pact"),
/// when no sentence of the profile does, and states what is asked. Not a
/// post or a role, which a profile gives.
fn thing_of_the_kind_asked(engine: &Engine, question: &Question, chosen: Candidate, candidates: &[Candidate]) -> Option<Candidate> {
    let index = engine.index();
    let kind = question.answer_kind.as_ref()?;
    if question.asks != Asks::What || question.asks_role || index.is_person_kind(kind) || engine.entry(chosen.entry)?.kind != Kind::Person {
        return None;
    }
    // A sentence that holds the whole question and the kind, by its word or a word of a kind of it ("Conference").
    let of_the_kind = |entry: usize, q: usize| index.quote_keys(entry).get(q).is_some_and(|keys| keys.iter().any(|key| key == kind || index.is_a_kind_of(key, kind)));
    let says_all = |entry: usize| (0..index.quote_keys(entry).len()).any(|q| evidence::speaks_of_all(index, entry, q, &question.query, false) && of_the_kind(entry, q));
    if says_all(chosen.entry) {
        return None;
    }
    candidates
        .iter()
        .filter(|c| c.entry != chosen.entry && c.score >= chosen.score * EVIDENCE_SHARE && c.score >= SUGGEST)
        .filter(|c| engine.entry(c.entry).is_some_and(|e| e.kind != Kind::Person))
        .find(|c| says_all(c.entry) && uncovered(engine, question, c.entry, candidates).is_none() && can_state(engine, question, c.entry))
        .copied()
}

/// Stage 5: break a tie between contenders by the evidence, in order: the
/// ones that explain every discriminative word; for "who", the only person
/// among them; the only one whose title holds no ordinal the question does
/// not say; the earliest, when the question asks for the first; the one
/// whose names hold more of the question's words; the one with a single
/// quote that says clearly more of the question; among contenders proven by
/// one and the same sentence, the one of the kind the question prefers; the
/// one with a quote that says more of the question's words as a phrase; the
/// one more of whose name the question says ("Dissolution of the Soviet
/// Union" over "… and breakup of Yugoslavia"); the one whose names hold
/// rarer words of the question, by half again their weight; the only one
/// named outright; for "who", the person the best sentence names first.
/// `None` when the evidence is truly tied.
fn break_tie(engine: &Engine, question: &Question, contenders: &[&Candidate]) -> Option<usize> {
    let index = engine.index();
    let query = &question.query;
    let gaps: Vec<usize> = contenders.iter().map(|c| discriminative_gaps(engine, question, c.entry).len()).collect();
    let fewest = gaps.iter().copied().min().unwrap_or(0);
    let contenders: Vec<&Candidate> = contenders.iter().zip(&gaps).filter(|(_, g)| **g == fewest).map(|(c, _)| *c).collect();
    if let [only] = contenders.as_slice() {
        return Some(only.entry);
    }
    // "Which *patriarch* protected the Russian refugees": of tied
    // contenders, the only one whose evidence names someone and the kind
    // asked by its word ("Serbian Patriarch Varnava").
    if let Some(kind) = question.answer_kind.as_ref().filter(|kind| index.is_person_kind(kind)) {
        let says_the_kind = |entry: usize| {
            let shown = shown_quotes(engine, question, entry);
            query.keys.iter().position(|key| key == kind).is_some_and(|word| evidence_holds(engine, question, entry, word, &shown)) && names_someone_unasked(engine, question, entry, &shown)
        };
        let of_the_kind: Vec<&Candidate> = contenders.iter().copied().filter(|c| says_the_kind(c.entry)).collect();
        if let [only] = of_the_kind.as_slice() {
            return Some(only.entry);
        }
    }
    // "…an alliance with Russia *during the first uprising*": the entry the
    // time clause names dates the question; it is not what it asks.
    let clause_keys: Vec<&String> = query.context.iter().filter(|key| query.keys.iter().zip(&query.light).any(|(own, light)| own == *key && !light)).collect();
    // Not one whose title puts itself in the same time ("Russian emigration to Serbia *after* the invasion").
    let timed_title = |entry: usize| engine.entry(entry).is_some_and(|e| e.title.split_whitespace().any(|word| matches!(word.to_lowercase().as_str(), "after" | "before" | "during" | "following")));
    let clause_thing = |entry: usize| {
        let names = index.name_keys(entry);
        !clause_keys.is_empty() && clause_keys.iter().all(|key| names.contains(key)) && !timed_title(entry)
    };
    let asked: Vec<&Candidate> = contenders.iter().copied().filter(|c| !clause_thing(c.entry)).collect();
    if let [only] = asked.as_slice() {
        return Some(only.entry);
    }
    // "Who was the head of the Church abroad": of tied contenders, the only person.
    if question.asks == Asks::Who && question.attribute.is_none() {
        let people: Vec<&Candidate> = contenders.iter().copied().filter(|c| engine.entry(c.entry).is_some_and(|e| e.kind == Kind::Person)).collect();
        if let [only] = people.as_slice() {
            return Some(only.entry);
        }
    }
    // "The Cominform resolution against Yugoslavia": the one whose title
    // holds no ordinal the question does not say ("Second …"; an alias
    // such as "second wave of immigration" only describes).
    let numbered = |entry: usize| engine.entry(entry).is_some_and(|e| index.word_keys(&e.title).iter().any(|k| index.ordinal_keys().contains(k)));
    let unnumbered: Vec<&Candidate> = contenders.iter().copied().filter(|c| other_ordinal(engine, question, c.entry).is_none() || !numbered(c.entry)).collect();
    // Only of one series: the unnumbered title says the question's words
    // that a numbered one does ("Cominform *conference*", not "Cominform
    // established" for "the Cominform conference").
    let asked_in_title = |entry: usize| -> Vec<String> {
        let ordinals = index.ordinal_keys();
        let weighty = |k: &String| query.keys.iter().zip(&query.light).any(|(key, light)| key == k && !light);
        engine.entry(entry).map(|e| index.word_keys(&e.title).into_iter().filter(|k| weighty(k) && !ordinals.contains(k)).collect()).unwrap_or_default()
    };
    let same_series = |only: &Candidate| {
        let own = asked_in_title(only.entry);
        contenders.iter().filter(|c| c.entry != only.entry).all(|c| asked_in_title(c.entry).iter().all(|k| own.contains(k)))
    };
    if let [only] = unnumbered.as_slice() {
        if same_series(only) {
            return Some(only.entry);
        }
    }
    // "When did Serbian refugees *first* go to Russia": the earliest of them.
    if question.earliest {
        let first_year = |c: &&Candidate| engine.entry(c.entry).and_then(|e| e.date.as_ref()).map(|d| d.first_year());
        let mut dated: Vec<(i32, usize)> = contenders.iter().filter_map(|c| Some((first_year(c)?, c.entry))).collect();
        dated.sort();
        if let [(first, entry), rest @ ..] = dated.as_slice() {
            if rest.first().is_none_or(|(next, _)| next > first) {
                return Some(*entry);
            }
        }
    }
    let clear_lead = |measure: &dyn Fn(&Candidate) -> f32, lead: &dyn Fn(f32, f32) -> bool| {
        let mut ranked: Vec<(f32, usize)> = contenders.iter().map(|c| (measure(c), c.entry)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        match ranked.as_slice() {
            [(first, entry), (second, _), ..] if lead(*first, *second) => Some(*entry),
            _ => None,
        }
    };
    let in_names = |c: &Candidate| words_in_names(engine, question, c.entry) as f32;
    // As many words in the names, but rarer ones: "openly hostile" says
    // more than "USSR" and "Yugoslavia". Counted only when it comes to that.
    let rarer_in_names = || {
        let most = contenders.iter().map(|c| in_names(c)).fold(0.0, f32::max);
        clear_lead(&|c| if in_names(c) == most { weight_in_names(engine, question, c.entry) } else { 0.0 }, &|a, b| a > b * NAME_WEIGHT_LEAD)
    };
    clear_lead(&in_names, &|a, b| a > b)
        .or_else(|| clear_lead(&|c| index.best_quote_weight(c.entry, query), &|a, b| a > b * QUOTE_LEAD))
        .or_else(|| same_proof(engine, question, &contenders))
        .or_else(|| clear_lead(&|c| longest_phrase(engine, question, c.entry) as f32, &|a, b| a >= 2.0 && a > b))
        .or_else(|| clear_lead(&|c| index.name_coverage(c.entry, &query.keys), &|a, b| a > b + NAME_LEAD))
        .or_else(rarer_in_names)
        .or_else(|| {
            let named: Vec<&&Candidate> = contenders.iter().filter(|c| c.name_hit).collect();
            (named.len() == 1).then(|| named[0].entry)
        })
        .or_else(|| (question.asks == Asks::Who || all_people(engine, &contenders)).then(|| sentence_subject(engine, question, &contenders)).flatten())
}

/// Contenders whose sentence that speaks most of the question is one and
/// the same ("the Assassination of Archduke Franz Ferdinand led
/// Austria-Hungary to declare war on Serbia", quoted by the archduke and by
/// the July Crisis) prove the answer alike: the one of the kind the
/// question prefers answers (an event for "what", a person for "who"); of
/// the same kind, the only one whose title the sentence says.
fn same_proof(engine: &Engine, question: &Question, contenders: &[&Candidate]) -> Option<usize> {
    let index = engine.index();
    let best_quote = |entry: usize| {
        let (best, weight) = evidence::most_relevant_quote(index, entry, &question.query)?;
        (weight > 0.0).then(|| engine.entry(entry)?.quotes.get(best).map(|quote| quote.text.as_str())).flatten()
    };
    let first = best_quote(contenders.first()?.entry)?;
    if !contenders.iter().all(|c| best_quote(c.entry) == Some(first)) {
        return None;
    }
    let kinds = question.preferred_kinds();
    let rank = |c: &&&Candidate| engine.entry(c.entry).and_then(|e| kinds.iter().position(|k| *k == e.kind)).unwrap_or(kinds.len());
    let best_rank = contenders.iter().map(|c| rank(&c)).min()?;
    let preferred: Vec<&&Candidate> = contenders.iter().filter(|c| rank(c) == best_rank).collect();
    if let [only] = preferred.as_slice() {
        return Some(only.entry);
    }
    // "The new period of antagonism was initiated in 1968 with the Warsaw
    // Pact invasion of Czechoslovakia": the sentence is about the one it names.
    let sentence: Vec<String> = index.word_keys(first);
    let named_by_sentence = |c: &&&Candidate| {
        let Some(entry) = engine.entry(c.entry) else { return false };
        let title_keys = index.word_keys(&super::index::without_parentheses(&entry.title));
        !title_keys.is_empty() && title_keys.iter().all(|key| sentence.contains(key))
    };
    let named: Vec<&&Candidate> = preferred.iter().copied().filter(named_by_sentence).collect();
    if let [only] = named.as_slice() {
        return Some(only.entry);
    }
    // "What happened to the Titoists in the other Eastern European states":
    // asked what happened, not when nor who nor which thing, the one
    // sentence is the answer whichever of them shows it; the first shows it.
    let what_happened = question.asks == Asks::What && question.answer_kind.is_none() && question.names_asked.is_none() && question.query.years.is_empty();
    what_happened.then(|| preferred.first().map(|c| c.entry)).flatten()
}

/// The words that end a phrase ([`longest_phrase`]): they open another
/// clause or a time, so the words on either side are not one phrase.
const PHRASE_BREAKERS: &[&str] = &["and", "until", "while", "because", "after", "before", "since", "when", "but", "which", "who", "whom", "that", "where", "although"];

/// The longest run of the question's words that one of the entry's quotes
/// says in the same order, word after word (stopwords aside, but one of
/// [`PHRASE_BREAKERS`] ends it): "the
/// *Russian Revolution* in 1917" says the question's phrase, "the October
/// Revolution … the Russian Civil War" only its words.
fn longest_phrase(engine: &Engine, question: &Question, entry: usize) -> usize {
    let index = engine.index();
    let query = &question.query;
    let Some(found) = engine.entry(entry) else { return 0 };
    // Bounded work: a phrase decides between a few readings of a question,
    // not of a list of hundreds of words.
    if query.keys.len() > MAX_PHRASE_WORDS {
        return 0;
    }
    let run_at = |words: &[Vec<String>], start: usize, first: usize| {
        (0..).take_while(|&step| {
            let (Some(keys), true) = (words.get(start + step), first + step < query.keys.len()) else { return false };
            keys.iter().any(|key| index.word_is(query, first + step, key))
        })
        .count()
    };
    found
        .quotes
        .iter()
        .map(|quote| {
            // A phrase runs over the small words inside a name ("Treaty *of*
            // Friendship"), not over a word that opens another clause or a
            // time ("Yugoslavia *until* the dissolution").
            let words: Vec<Vec<String>> = evidence::words_with_keys(index, &quote.text)
                .into_iter()
                .filter(|(word, keys)| !keys.is_empty() || PHRASE_BREAKERS.iter().any(|breaker| word.eq_ignore_ascii_case(breaker)))
                .map(|(_, keys)| keys)
                .collect();
            (0..words.len()).flat_map(|start| (0..query.keys.len()).map(move |first| (start, first))).map(|(start, first)| run_at(&words, start, first)).max().unwrap_or(0)
        })
        .max()
        .unwrap_or(0)
}

/// Whether every contender is a person ("which mother of a tsar…" is a
/// "who" question in other words).
fn all_people(engine: &Engine, contenders: &[&Candidate]) -> bool {
    contenders.iter().all(|c| engine.entry(c.entry).is_some_and(|e| e.kind == Kind::Person))
}

/// "Who proposed …?" with two people tied: the sentence that speaks most of
/// the question names its doer first ("Borislav Milošević, the brother of
/// Slobodan Milošević, … proposed …"). The person contender named earliest
/// in it wins.
fn sentence_subject(engine: &Engine, question: &Question, contenders: &[&Candidate]) -> Option<usize> {
    let index = engine.index();
    let best_quote = contenders
        .iter()
        .filter_map(|c| {
            let (best, weight) = evidence::most_relevant_quote(index, c.entry, &question.query)?;
            Some((weight, engine.entry(c.entry)?.quotes.get(best)?.text.as_str()))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))?
        .1;
    let words = evidence::keyed_words(index, best_quote);
    let first_mention = |entry: usize| {
        let found = engine.entry(entry).filter(|e| e.kind == Kind::Person)?;
        let name = index.word_keys(&found.title);
        let rare: Vec<&String> = name.iter().filter(|k| index.is_person_key(k)).collect();
        words.iter().position(|keys| keys.iter().any(|k| rare.contains(&k)))
    };
    let mut people: Vec<(usize, usize)> = contenders.iter().filter_map(|c| Some((first_mention(c.entry)?, c.entry))).collect();
    people.sort();
    match people.as_slice() {
        [(first, entry), (second, _), ..] if first < second => Some(*entry),
        [(_, entry)] => Some(*entry),
        _ => None,
    }
}

/// "When did Nikolić visit Moscow" with every visit tied (one sentence lists
/// them all): the contenders whose names hold the most of the question,
/// when they are one event repeated ("Tomislav Nikolić visits Moscow" in
/// 2012 and 2016) and not all of the contenders.
fn named_series(engine: &Engine, question: &Question, contenders: &[&Candidate]) -> Option<Vec<usize>> {
    let in_names = |c: &&Candidate| words_in_names(engine, question, c.entry);
    let most = contenders.iter().map(in_names).max()?;
    let leading: Vec<usize> = contenders.iter().filter(|c| in_names(c) == most).map(|c| c.entry).collect();
    (leading.len() < contenders.len() && is_series(engine, &leading)).then_some(leading)
}

/// How much more weight of the question's words one contender's names must
/// hold than another's, with as many of them, to break a tie.
const NAME_WEIGHT_LEAD: f32 = 1.5;

/// The weight of the question's words that are in one of the entry's names.
fn weight_in_names(engine: &Engine, question: &Question, entry: usize) -> f32 {
    let index = engine.index();
    let query = &question.query;
    (0..query.keys.len()).filter(|&word| index.in_name(entry, query, word)).map(|word| index.weight(query, word)).sum()
}

/// How many of the question's words are in one of the entry's names.
fn words_in_names(engine: &Engine, question: &Question, entry: usize) -> usize {
    let query = &question.query;
    (0..query.keys.len()).filter(|&word| engine.index().in_name(entry, query, word)).count()
}

/// Whether tied contenders are one event repeated: the same title but for
/// the date in parentheses ("Vladimir Putin visits Belgrade (2011)").
fn is_series(engine: &Engine, entries: &[usize]) -> bool {
    let titles: Vec<String> = entries.iter().filter_map(|&e| engine.entry(e)).map(|e| super::index::without_parentheses(&e.title)).collect();
    titles.len() == entries.len() && titles.len() >= 2 && titles.windows(2).all(|pair| pair[0] == pair[1])
}

/// A topic's entries score at least this share of the best one's.
const TOPIC_SHARE: f32 = 0.75;
/// A topic's entry leaves at most this share of the topic's words unheld.
const TOPIC_UNCOVERED: f32 = 0.25;
/// The most entries a topic's timeline lists.
const TOPIC_ENTRIES: usize = 20;

/// The dated entries about a topic (`/timeline tito stalin split`), in date
/// order: what the question's decision answers with (one entry, or the tied
/// ones), the candidates that score near the best whose evidence holds the
/// topic's names and nearly all its words, and, for a person, the dated
/// entries that involve them. `Err` is the decision when it answers nothing.
pub fn topic_entries(engine: &Engine, question: &Question) -> Result<Vec<usize>, Decision> {
    let mut chosen = match decide(engine, question, &[]) {
        // An event's timeline holds the entries it is related to, either
        // way, whose evidence holds the topic's words (the First Serbian
        // Uprising: the alliance of 1807, the settlement of 1812).
        Decision::Answer { entry } => std::iter::once(entry).chain(related_either_way(engine, entry).into_iter().filter(|&other| discriminative_gaps(engine, question, other).is_empty())).collect(),
        Decision::Ask { entries } | Decision::Series { entries } => entries,
        other => return Err(other),
    };
    let scored = engine.index().score(&question.query, None, false);
    let candidates = in_context(engine, question, &scored);
    let best = candidates.first().map_or(0.0, |c| c.score);
    let about_topic = |c: &&Candidate| {
        c.score >= TOPIC_SHARE * best && discriminative_gaps(engine, question, c.entry).is_empty() && uncovered_share(engine, question, c.entry) <= TOPIC_UNCOVERED
    };
    chosen.extend(candidates.iter().filter(about_topic).map(|c| c.entry));
    let people: Vec<&str> = chosen.iter().filter_map(|&e| engine.entry(e)).filter(|e| e.kind == Kind::Person).map(|e| e.id.as_str()).collect();
    let involving: Vec<usize> = engine.base().entries().iter().enumerate().filter(|(_, e)| e.people.iter().any(|p| people.contains(&p.as_str()))).map(|(i, _)| i).collect();
    chosen.extend(involving);
    // "After 1948", "before 1941": in the time the topic names.
    let dated = |&e: &usize| engine.entry(e).is_some_and(|entry| entry.kind != Kind::Person && entry.date.is_some() && in_the_time_asked(question, entry));
    // The most relevant first (the decision's, then by score), then in date order.
    let mut entries: Vec<usize> = Vec::new();
    for entry in chosen.into_iter().filter(dated) {
        if !entries.contains(&entry) && entries.len() < TOPIC_ENTRIES {
            entries.push(entry);
        }
    }
    entries.sort_by_key(|&e| (engine.entry(e).and_then(|entry| entry.date.as_ref().map(|d| d.sort_key())), e));
    Ok(entries)
}

/// The entries event or treaty `entry` lists as related, and those that
/// list it; none for a person or a period, whose own lists are wider.
fn related_either_way(engine: &Engine, entry: usize) -> Vec<usize> {
    let Some(found) = engine.entry(entry).filter(|e| matches!(e.kind, Kind::Event | Kind::Treaty)) else { return Vec::new() };
    let base = engine.base();
    let listed = found.related.iter().filter_map(|id| base.index_of(id));
    let listing = base.entries().iter().enumerate().filter(|(_, other)| other.related.contains(&found.id)).map(|(at, _)| at);
    listed.chain(listing).collect()
}

/// Stage 1: re-weigh the best candidates by the question's years and kind.
fn in_context(engine: &Engine, question: &Question, scored: &[Scored]) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = scored
        .iter()
        .take(CANDIDATES)
        .filter_map(|s| {
            let entry = engine.entry(s.entry)?;
            let mut score = s.score;
            if !question.query.years.is_empty() {
                score *= match year_fit(engine, entry, &question.query.years) {
                    Some(true) => YEAR_FIT,
                    Some(false) => YEAR_MISS,
                    None => 1.0,
                };
            }
            if question.kind.is_some_and(|kind| kind == entry.kind) {
                score *= KIND_FIT;
            }
            match other_ordinal(engine, question, s.entry) {
                Some(true) => score *= ORDINAL_MISS,
                Some(false) => score *= UNASKED_ORDINAL,
                None => {}
            }
            Some(Candidate { entry: s.entry, score, name_hit: s.name_hit })
        })
        .collect();
    demote_unnumbered(engine, question, &mut candidates);
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
    candidates
}

/// "The *second* Kominform resolution": when a candidate's title holds an
/// ordinal the question says, other than "first", the candidates of the same
/// series without an ordinal in their names (the first, or the only one
/// told) weigh as another ordinal would. A series shares a word of its
/// titles besides the ordinal ("resolution").
fn demote_unnumbered(engine: &Engine, question: &Question, candidates: &mut [Candidate]) {
    let index = engine.index();
    let ordinals = index.ordinal_keys();
    let asked: Vec<&String> = question.query.keys.iter().filter(|k| ordinals.contains(*k) && Some(*k) != ordinals.first()).collect();
    if asked.is_empty() {
        return;
    }
    let titles: Vec<Vec<String>> = candidates.iter().map(|c| engine.entry(c.entry).map(|e| index.word_keys(&e.title)).unwrap_or_default()).collect();
    let numbered: Vec<&Vec<String>> = titles.iter().filter(|keys| keys.iter().any(|k| asked.contains(&k))).collect();
    for (candidate, keys) in candidates.iter_mut().zip(&titles) {
        let unnumbered = index.name_ordinals(candidate.entry).is_empty();
        let same_series = numbered.iter().any(|series| keys.iter().any(|k| series.contains(k) && question.query.keys.contains(k)));
        if unnumbered && same_series {
            candidate.score *= ORDINAL_MISS;
        }
    }
}

/// Whether the entry's names hold an ordinal the question does not say:
/// `Some(true)` when the question names another one ("the first
/// resolution" against "Second Cominform resolution"), `Some(false)` when it
/// names none and the entry's ordinal is a later one (a student who means
/// the second of a series says so), `None` otherwise.
fn other_ordinal(engine: &Engine, question: &Question, entry: usize) -> Option<bool> {
    let index = engine.index();
    let ordinals = index.ordinal_keys();
    let named = index.name_ordinals(entry);
    if named.is_empty() {
        return None;
    }
    let asked: Vec<&String> = question.query.keys.iter().filter(|k| ordinals.contains(*k)).collect();
    if asked.is_empty() {
        let first = ordinals.first();
        return named.iter().any(|k| Some(k) != first).then_some(false);
    }
    (!named.iter().any(|k| asked.contains(&k))).then_some(true)
}

/// Whether an entry is dated in one of `years` (`None` for an undated entry
/// none of whose involvements is dated there either).
fn year_fit(engine: &Engine, entry: &Entry, years: &[i32]) -> Option<bool> {
    let fits = |e: &Entry| e.date.as_ref().map(|d| years.iter().any(|&y| matches!(d.year_match(y), YearMatch::Exact | YearMatch::Within)));
    match fits(entry) {
        Some(fit) => Some(fit),
        None => entry.involved_in.iter().filter_map(|id| engine.base().get(id)).any(|e| fits(e) == Some(true)).then_some(true),
    }
}

/// The one candidate whose name is the whole question, if there is one.
fn exact_name(index: &Index, query: &super::index::Query, candidates: &[Candidate]) -> Option<usize> {
    if !query.years.is_empty() {
        return None;
    }
    let exact: Vec<usize> = candidates.iter().filter(|c| index.exact_name(c.entry, &query.keys)).map(|c| c.entry).collect();
    (exact.len() == 1).then(|| exact[0])
}

/// "How long was the Red Army in Yugoslavia": the entry the question names
/// cannot give a duration, but one that scores nearly as well states it
/// ("during the six months of the Red Army's presence in Yugoslavia") and
/// lacks nothing the question asks. Only for what a sentence states (a
/// date, a number, a length, a place), not for who or what. `named` is
/// known not to state it.
fn stating_instead_of_named(engine: &Engine, question: &Question, named: usize, candidates: &[Candidate]) -> Option<usize> {
    if !matches!(question.asks, Asks::When | Asks::HowMany | Asks::HowLong | Asks::Where) || question.attribute.is_some() {
        return None;
    }
    let named_score = candidates.iter().find(|c| c.entry == named)?.score;
    candidates
        .iter()
        .filter(|c| c.entry != named && c.score >= named_score * CAPABLE_SHARE)
        .find(|c| can_state(engine, question, c.entry) && uncovered(engine, question, c.entry, candidates).is_none())
        .map(|c| c.entry)
}

/// The answer about `entry`, the entry the question names, when it can
/// state what is asked; else about a close candidate that does
/// ([`stating_instead_of_named`]); else "the sources don't say".
fn check_answer_type(engine: &Engine, question: &Question, entry: usize, candidates: &[Candidate]) -> Decision {
    if can_state(engine, question, entry) {
        return Decision::Answer { entry };
    }
    match stating_instead_of_named(engine, question, entry, candidates) {
        Some(other) => Decision::Answer { entry: other },
        None => not_stated(engine, question, entry),
    }
}

/// "Was Tito ever *invited* to join the Warsaw Pact": an English yes-or-no
/// question opened by "was" or "were" with an event word (a passive) asks
/// whether that deed was done to its subject; a sentence that tells only
/// what follows ("nor joining the … Warsaw Pact") does not say.
///
/// "*Did* Serbia *ever* return to the drills": opened by "did", "does" or
/// "do" and asking "ever", it asks whether its subject did the deed at
/// all, which a sentence of something else done (the withdrawal) does not
/// say; so does one that asks "really" or "actually". Without "ever"
/// ("did the treaty oblige the Soviets to…"), the deed may be told in
/// other words ("did not require").
fn asks_whether_done_to(question: &Question) -> bool {
    if !question.asks_whether || question.event_words.is_empty() {
        return false;
    }
    match question.folded.split(' ').next() {
        Some("was" | "were") => return true,
        Some("did" | "does" | "do") => {}
        _ => return false,
    }
    let words: Vec<&str> = question.folded.split(' ').filter(|w| !w.is_empty()).collect();
    // Or of a year that ends it ("did the Soviets invade Yugoslavia *in
    // 1949*"): whether it happened then. Not a year of a name ("the 1941
    // treaty", "the crisis of 1908"), whose deed may be told in other words.
    let of_a_year = matches!(words.as_slice(), [.., "in", year] if year.parse::<i32>().is_ok_and(|year| question.query.years.contains(&year)));
    // "Did Serbia *really* send ammunition": so does one that doubts it.
    words.iter().any(|word| matches!(*word, "ever" | "really" | "actually")) || of_a_year
}

/// The question's discriminative words that an entry does not contain: the
/// names (of people, places, organisations) as the sources write them, and
/// words the base has never seen that are not light ("population").
///
/// An unknown word is not held against an entry the question names outright
/// when the question asks when, who, where, why or how: there the question
/// word says what is asked, and the unknown word is more likely a paraphrase
/// ("why was Serbia unhappy after the Treaty of Berlin"). Asked *what* or
/// *how many*, the unknown word is the attribute asked about.
fn discriminative_gaps(engine: &Engine, question: &Question, entry: usize) -> Vec<String> {
    let index = engine.index();
    let query = &question.query;
    let named = index.name_hit(entry, &query.keys);
    let person = engine.entry(entry).is_some_and(|e| e.kind == Kind::Person);
    let paraphrase_ok = named && !person && matches!(question.asks, Asks::When | Asks::Who | Asks::Where | Asks::Why | Asks::How);
    let shown = shown_quotes(engine, question, entry);
    // "Who was Elena Glinskaya's *son*": a sentence that tells the relation
    // the other way round ("the mother of … Ivan") holds the head.
    let kin_told = || question.kin.as_ref().is_some_and(|kin| engine.entry(entry).is_some_and(|found| tells_kin(engine, entry, found, kin)));
    let head = question.head.as_ref().and_then(|head| query.keys.iter().position(|k| k == head));
    let kin_head = head.filter(|_| kin_told());
    let head = head.filter(|_| kin_head.is_none());
    // "When did Serbia *apply* to join the EU": a date or a doer answers for
    // the event the question's verbs say; when the evidence holds none of
    // them, the entry is about something else that happened to the same names.
    let event_untold = (matches!(question.asks, Asks::When | Asks::Who) || question.asks_words || question.asks_deed_done_to_a_name || asks_whether_done_to(question))
        && !question.event_words.is_empty()
        && !question.event_words.iter().any(|forms| forms.iter().any(|key| tells_the_event_key(engine, entry, key, &shown)));
    let event_missing = event_untold
        && if named {
            // "Who *presented* Tito with the Order of Lenin": an entry the
            // question names answers "who" only by telling the deed or by
            // naming someone the question does not ("Tito received the Order").
            // "What was Linitsky *sentenced* to": his entry answers only by telling it.
            question.asks_deed_done_to_a_name || asks_whether_done_to(question) || question.asks == Asks::Who && !names_a_person_unasked(engine, question, entry, &shown)
        } else {
            // "Who asked the West for help after the expulsion": a sentence
            // that says all the rest ("Yugoslavia sought assistance from the
            // West") tells the deed in its own words, if the base knows one of
            // the deed's forms or paraphrases at all ("trounced" may mean anything).
            !(question.asks == Asks::Who
                && question.event_in_main_clause
                && question.event_words.iter().all(|forms| forms.iter().any(|key| index.has_key(key)))
                && shown.iter().any(|&q| evidence::speaks_of_all(index, entry, q, query, false)))
        };
    // "How many … *now*": a sentence dated years before the sources end is no answer.
    let entry_ends = engine.entry(entry).and_then(|found| found.date.as_ref()).map(|date| date.last_year());
    let past_gap = (question.asks_present && !shown.iter().filter_map(|&q| engine.entry(entry)?.quotes.get(q)).any(|quote| of_the_present(engine, question, &quote.text, entry_ends)))
        .then(|| PRESENT_GAP.to_string());
    let untold_deed = question.told_deed.as_ref().filter(|asked| !tells_deed(engine, entry, asked, &shown)).map(|asked| deed_gap(engine, question, &asked.word));
    let event_gaps = question.event_words.iter().filter(move |_| event_missing).filter_map(|forms| forms.first().cloned());
    let split_name = split_name_gap(engine, question, entry, &shown);
    // "Did the Soviets send *tanks*": what was done must be in the evidence too.
    let object_gap = question.polar_object.clone().filter(|key| !evidence_holds_key(engine, entry, key, &shown));
    // "Did Yugoslavia *join* the Union State": "proposed that Yugoslavia
    // join" does not say whether it did.
    let wished_gap = question.polar_verb.first().filter(|_| tells_the_deed_only_as_wished(engine, question, entry, &shown)).cloned();
    // "Did Yugoslavia send troops": "allowed *Soviet Union* to send troops" has another do it.
    let another_doer_gap = question.polar_subject.first().filter(|_| tells_the_deed_only_by_another(engine, question, entry, &shown)).cloned();
    // "Did Russia recognise *Kosovo*": "recognizing the independence of Crimea" is done to another.
    let another_object_gap = tells_the_deed_only_to_another(engine, question, entry, &shown);
    // "Did *Russia* help Serbia in the 1885 war": who did it, too, named by the evidence itself, not the article it is from.
    let subject_gap = question.polar_subject.iter().filter_map(|key| query.keys.iter().position(|k| k == key)).filter(|&word| !query.light.get(word).copied().unwrap_or(false)).find(|&word| !held_by_own_evidence(engine, question, entry, word, &shown)).and_then(|word| query.keys.get(word).cloned());
    // "What did the declaration say about *trade*": what it is about must be in the evidence.
    let about: Vec<usize> = question.about.iter().filter_map(|key| query.keys.iter().position(|k| k == key)).collect();
    let about_missing = !about.is_empty() && !about.iter().any(|&word| evidence_holds(engine, question, entry, word, &shown));
    let about_gap = about.first().filter(|_| about_missing).and_then(|&word| query.keys.get(word).cloned());
    // "How many Russians live *in Belgrade*": a count is of the place it
    // names, which its evidence must write; Serbia's number is not
    // Belgrade's, whatever a capital may stand for elsewhere ("how did
    // Belgrade react") or the era's entries are set in. So is the date of
    // an English "when" question's thing in a place that is no person's
    // ("when was the Russian church *in Belgrade* built"); only a count
    // may be a number given first for a wider place.
    let place_gaps = query
        .keys
        .iter()
        .enumerate()
        .filter(|(word, key)| (question.asks == Asks::HowMany || question.asks == Asks::When && question.language == Language::En && !index.is_person_name_key(key)) && query.after_locative.contains(key) && index.is_proper(query, *word))
        .filter(|(_, key)| !places_another_noun(engine, question, key))
        .filter(|(word, key)| !held_as_written(engine, question, entry, *word, &shown) || question.asks == Asks::HowMany && counted_elsewhere_in_shown(engine, entry, key, &shown))
        .map(|(_, key)| key.clone())
        .collect::<Vec<_>>();
    // "Da li je Jugoslavija slala *vojnike* u korejski rat": in a Serbian or
    // Russian yes-or-no question, each thing it names, not only its names,
    // is part of what is asked, and must be in the evidence.
    let named_thing_gaps = (0..query.keys.len())
        .filter(|&word| query.keys.get(word).is_some_and(|key| question.whether_things.contains(key)))
        .filter(|&word| index.knows(query, word) && !index.is_proper(query, word) && !query.light.get(word).copied().unwrap_or(false))
        .filter(|&word| !evidence_holds(engine, question, entry, word, &shown))
        .filter_map(|word| query.keys.get(word).cloned())
        .collect::<Vec<_>>();
    let journey_gap = (!tells_the_journey_there(engine, question, entry, &shown)).then(|| question.journey_to.first().cloned()).flatten();
    // "Сколько *кубометров* газа": what is counted, in a word the synonyms
    // know and the base never uses, is a quantity the sources never give;
    // a number of something else (a share) does not answer it. Not a word
    // no synonym knows ("pumpi", "petrol stations"), which may be the
    // sources' own in other words.
    let uncounted_gap = (question.asks == Asks::HowMany).then(|| question.counted.iter().find(|key| counted_in_words_the_base_lacks(engine, question, key)).cloned()).flatten();
    // "Were the drills ever held *in Serbia*": a yes-or-no question of
    // where is answered by a sentence that puts it there, not by one that
    // names the place ("Serbia's military cooperation").
    // "Da li je Tito bio u Moskvi": in Serbian and Russian too. Not a place
    // that only says where a thing was ("the assumption *in Moscow*").
    let placed_gap = ((question.asks_whether || asks_yes_or_no_inflected(question)) && !question.query.after_locative.is_empty())
        .then(|| {
            places_asked(engine, question).into_iter().filter(|key| query.after_locative.contains(key)).find(|place| {
                let of_a_thing = places_a_thing(engine, question, place);
                !shown.iter().filter_map(|&q| engine.entry(entry)?.quotes.get(q)).any(|quote| if of_a_thing { puts_after_a_locative(engine, &quote.text, place) } else { places_someone(engine, &quote.text, place) })
            })
        })
        .flatten();
    // "Did Tito meet Khrushchev in Moscow": a yes-or-no question asks of one
    // happening, so one sentence shown holds every name it asks of; one with
    // Tito and Khrushchev (in Belgrade) and another with Tito in Moscow (with
    // Stalin) do not say yes.
    let apart_gap = names_apart(engine, question, entry, &shown);
    // "Did Serbia buy MiG-29s": missiles bought "*for* MiG-29 fighter
    // aircraft" are not MiG-29s bought.
    let purpose_gap = held_only_as_a_purpose(engine, question, entry, &shown);
    // "Who was Ičko": "Ičko's Peace" is a peace, and says nothing of who he was.
    let possessor_gap = named_only_as_a_possessor(engine, question, entry, &shown);
    // "The treaty between Yugoslavia and the USSR": each party the question
    // names is in the evidence itself or among the entry's parties, not only
    // in the title of the article the sentence comes from.
    let between_gaps = question.between.iter().filter(|key| !party_held(engine, question, entry, key, &shown)).cloned().collect::<Vec<_>>();
    // "An alliance with Russia": not "allied itself with Napoleon … attacked by Russia".
    let partner_gap = (!question.allied_with.is_empty() && allied_with_another(engine, question, entry, &shown)).then(|| question.allied_with[0].clone());
    // "Who led Yugoslavia *after Tito*": someone else, whom a sentence
    // shown must name; one that names only Tito does not say who.
    let successor_gap = question.successor_asked.clone().filter(|_| !names_a_person_unasked(engine, question, entry, &shown));
    // "King Peter", "the White Russian brigade": a capitalised common word
    // beside a name the evidence holds is a title or a modifier of it.
    // The question's words as typed, keyed only when a title word needs them.
    let typed = std::cell::OnceCell::new();
    let beside = |a: &str, b: &str| {
        let typed: &Vec<Vec<String>> = typed.get_or_init(|| question.folded.split(' ').map(|word| index.word_keys(word)).collect());
        typed.windows(2).any(|pair| pair[0].iter().any(|k| k == a) && pair[1].iter().any(|k| k == b) || pair[0].iter().any(|k| k == b) && pair[1].iter().any(|k| k == a))
    };
    let names_a_held_name = |word: usize| {
        index.is_title_word(query, word)
            && (0..query.keys.len()).any(|next| {
                next != word
                    && index.is_proper(query, next)
                    && beside(&query.keys[word], &query.keys[next])
                    // "King *Peter*": a given name is capitalised like a title, yet names someone.
                    && (!index.is_title_word(query, next) || query.keys.get(next).is_some_and(|key| index.is_person_name_key(key) && !index.is_person_kind(key)))
                    && evidence_holds(engine, question, entry, next, &shown)
            })
    };
    (0..query.keys.len())
        // A name must be in the evidence itself (names, people, the quotes shown), not only in a summary.
        // A name, or a decade ("in the 1880s"), must be in the evidence itself.
        .filter(|&word| if is_decade(query, word) { !decade_held(engine, entry, &query.keys[word], &shown) } else if index.knows(query, word) && index.is_proper(query, word) { !evidence_holds(engine, question, entry, word, &shown) && !names_a_held_name(word) } else { !index.covers(entry, query, word) && !index.held_by_metonym(entry, query, word, &shown) })
        .filter(|&word| !query.light.get(word).copied().unwrap_or(false) && Some(word) != kin_head)
        // A word the base does not know may be a paraphrase of the named
        // entry's ("how did the split *come about*"), but not a kind of
        // person it never names ("how did it affect Yugoslav *farmers*").
        .filter(|&word| if index.knows(query, word) { index.is_proper(query, word) || is_decade(query, word) || Some(word) == head } else { !paraphrase_ok || query.keys.get(word).is_some_and(|key| index.is_person_kind(key)) })
        .filter_map(|word| query.keys.get(word).cloned())
        .filter(|key| key.chars().count() >= 3)
        .chain(head.filter(|_| !head_bound(engine, question, entry, &shown)).and_then(|word| query.keys.get(word).cloned()))
        .chain(event_gaps)
        .chain(object_gap)
        .chain(subject_gap)
        .chain(wished_gap)
        .chain(another_doer_gap)
        .chain(another_object_gap)
        .chain(split_name)
        .chain(untold_deed)
        .chain(past_gap)
        .chain(question.name_of.clone().filter(|head| !gives_the_name(engine, question, entry, head, &shown)))
        .chain(about_gap)
        .chain(between_gaps)
        .chain(apart_gap)
        .chain(purpose_gap)
        .chain(possessor_gap)
        .chain(partner_gap)
        .chain(successor_gap)
        .chain(place_gaps)
        .chain(named_thing_gaps)
        .chain(question.unconfirmed_verbs.iter().cloned())
        .chain(placed_gap)
        .chain(journey_gap)
        .chain(uncounted_gap)
        .chain(question.answer_kind.clone().filter(|_| !kind_held(engine, question, entry, &shown)))
        .chain(question.unknown_kind.clone())
        .filter(|key| !misspells_evidence(engine, question, entry, key, &shown))
        .filter(|key| !another_form_in_evidence(engine, question, entry, key, &shown))
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .collect()
}

/// Whether the quotes shown tell the verb of a yes-or-no question
/// ([`Question::polar_verb`]) and tell it only as proposed or wished for
/// ("Milošević *proposed* that Yugoslavia *join*"). A denial ("refused to
/// join") answers "no", and is an answer.
fn tells_the_deed_only_as_wished(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    every_telling_of_the_deed(engine, question, entry, shown, |words, at| evidence::only_wished_at(words, at))
}

/// Whether the quotes shown tell the verb of a yes-or-no question only as
/// done by someone the question does not name as its subject, whom a word
/// of letting puts before its "to" ("allowed *Soviet Union* to send" for
/// "did Yugoslavia send").
fn tells_the_deed_only_by_another(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let index = engine.index();
    every_telling_of_the_deed(engine, question, entry, shown, |words, at| {
        evidence::let_doer_of(words, at).is_some_and(|doer| !doer.iter().flat_map(|word| index.known_word_keys(word)).any(|key| question.polar_subject.contains(&key)))
    })
}

/// "Did Russia recognise *Kosovo*": the key of the name right after the
/// verb of an English yes-or-no question ([`Question::polar_verb`]), when
/// the quotes shown tell that verb as a verb ("recognizing", "does not
/// recognize"; not the noun "recognition" or "visits", whose object may
/// stand far) and every such telling has it done to another: the name is
/// neither within a few words after it nor, in the passive ("Kosovo *was*
/// recognised"), before it.
/// The forms of "be" before a passive ("Kosovo *was* recognised").
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "be", "is", "are"];

fn tells_the_deed_only_to_another(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> Option<String> {
    if question.polar_verb.is_empty() {
        return None;
    }
    let index = engine.index();
    let words: Vec<&str> = question.folded.split(' ').collect();
    let verb = words.iter().position(|word| index.known_word_keys(word).iter().any(|key| question.polar_verb.contains(key)))?;
    let next = (verb + 1..words.len()).find(|&at| !crate::text::lexicon::is_stopword(words[at], Language::En))?;
    // Past an owner ("recognise Tito's *Yugoslavia*"): what is owned is the object.
    let next = if words.get(next + 1) == Some(&"s") { next + 2 } else { next };
    let object = index.known_word_keys(words.get(next)?).into_iter().find(|key| index.is_proper_key(key))?;
    let is_object = |word: &str| index.known_word_keys(word).iter().any(|key| *key == object);
    let found = engine.entry(entry)?;
    // A verb by its ending, or its plain form after an auxiliary ("does not *recognize*").
    let as_a_verb = |words: &[&str], at: usize| {
        let lower = words[at].to_lowercase();
        let after_auxiliary = at > 0 && matches!(words[at - 1].to_lowercase().as_str(), "not" | "to" | "did" | "does" | "do" | "will" | "would" | "could" | "can" | "may" | "might");
        lower.ends_with("ing") || lower.ends_with("ed") || crate::text::lexicon::is_irregular_verb_form(&lower) || after_auxiliary
    };
    let mut tellings = shown.iter().filter_map(|&q| found.quotes.get(q)).flat_map(|quote| {
        let words: Vec<&str> = super::index::split_words(&quote.text).collect();
        (0..words.len())
            .filter(|&at| as_a_verb(&words, at) && index.known_word_keys(words[at]).iter().any(|key| question.polar_verb.contains(key)))
            .map(|at| {
                let after = words.iter().skip(at + 1).take(PLACE_REACH).any(|word| is_object(word));
                // "Socialist Yugoslavia (declared on 29 November 1945) was recognized": past an aside.
                let passive = at > 0 && PASSIVE_AUXILIARIES.contains(&words[at - 1].to_lowercase().as_str()) && words[..at - 1].iter().rev().take(2 * PLACE_REACH).any(|word| is_object(word));
                !after && !passive
            })
            .collect::<Vec<bool>>()
    });
    let first = tellings.next()?;
    (first && tellings.all(|to_another| to_another)).then_some(object)
}

/// How many words before a verb its doer is looked for ("*Tito and
/// Khrushchev* signed"), and after it ("signed *by* Tito").
const AGENT_BEFORE: usize = 3;
const AGENT_AFTER: usize = 4;

/// "Was the Belgrade declaration signed *by Stalin*": an English
/// yes-or-no question of a passive with its doer asks whether that doer
/// did it. The key of the doer's name when no quote shown tells the verb
/// (in any of its forms: "the *signing*") with the name within a few
/// words of it (before, as its subject, or after, as "by" has it); `None`
/// for any other question.
fn agent_untold(engine: &Engine, question: &Question, entry: usize) -> Option<String> {
    // Most questions are no such passive: nothing to read.
    if !question.asks_whether || !question.folded.starts_with("was ") && !question.folded.starts_with("were ") || !question.folded.contains(" by ") {
        return None;
    }
    let index = engine.index();
    let words: Vec<&str> = question.folded.split(' ').collect();
    let by = (2..words.len()).find(|&at| words[at] == "by" && (words[at - 1].ends_with("ed") || crate::text::lexicon::is_irregular_verb_form(words[at - 1])))?;
    let agent_at = by + 1 + usize::from(words.get(by + 1) == Some(&"the"));
    let agent = index.known_word_keys(words.get(agent_at)?).into_iter().find(|key| index.is_proper_key(key))?;
    // The verb's stems, as typed and in its other forms: "signed" is no key of the base's (too common), yet a verb.
    let stem = |word: &str| crate::text::stem::stem(&word.to_lowercase(), Language::En);
    let forms = crate::text::lexicon::verb_forms(words[by - 1]);
    let verb_stems: Vec<String> = forms.iter().map(|form| stem(form)).collect();
    // Or its keys, which its nouns share ("invaded": "the Warsaw Pact *invasion*").
    let verb_keys: Vec<String> = forms.iter().flat_map(|form| index.known_word_keys(form)).collect();
    let tells_the_verb = |word: &str| verb_stems.contains(&stem(word)) || index.known_word_keys(word).iter().any(|key| verb_keys.contains(key));
    let found = engine.entry(entry)?;
    let told_with_agent = shown_quotes(engine, question, entry).iter().filter_map(|&q| found.quotes.get(q)).any(|quote| {
        let words: Vec<&str> = super::index::split_words(&quote.text).collect();
        let is_agent = |at: usize| words.get(at).is_some_and(|word| index.known_word_keys(word).contains(&agent));
        (0..words.len()).filter(|&at| tells_the_verb(words[at])).any(|at| (at.saturating_sub(AGENT_BEFORE)..at).any(is_agent) || (at + 1..=at + AGENT_AFTER).any(is_agent))
    });
    (!told_with_agent).then_some(agent)
}

/// Whether the quotes shown tell the verb of a yes-or-no question
/// ([`Question::polar_verb`]) at all, and `holds` of every place they do.
fn every_telling_of_the_deed(engine: &Engine, question: &Question, entry: usize, shown: &[usize], holds: impl Fn(&[&str], usize) -> bool) -> bool {
    // Most questions have no such verb: no quote to read.
    if question.polar_verb.is_empty() {
        return false;
    }
    let Some(found) = engine.entry(entry) else { return false };
    let texts = shown.iter().filter_map(|&q| found.quotes.get(q)).map(|quote| quote.text.as_str());
    every_telling(engine.index(), texts, &question.polar_verb, holds)
}

/// Whether `texts` tell a word keyed as one of `keys` at all, and `holds`
/// of every place they do (the text's words, the place).
fn every_telling<'t>(index: &Index, texts: impl Iterator<Item = &'t str>, keys: &[String], holds: impl Fn(&[&str], usize) -> bool) -> bool {
    let mut told = texts.flat_map(|text| {
        let words: Vec<&str> = super::index::split_words(text).collect();
        (0..words.len()).filter(|&at| index.known_word_keys(words[at]).iter().any(|key| keys.contains(key))).map(|at| holds(&words, at)).collect::<Vec<bool>>()
    });
    let Some(first) = told.next() else { return false };
    first && told.all(|held| held)
}

/// Whether query word `word` is a decade ("1880s"), which dates what is
/// asked as a year does.
fn is_decade(query: &super::index::Query, word: usize) -> bool {
    query.keys.get(word).is_some_and(|key| decade_starts(key).is_some())
}

/// The first years of the decades a key may be: "1880s" one; "20s",
/// which the question leaves to the evidence, 1820, 1920 or 2020.
fn decade_starts(key: &str) -> Option<Vec<i32>> {
    let digits = key.strip_suffix('s').filter(|d| d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()))?;
    let year: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(vec![year]),
        2 => Some(vec![1800 + year, 1900 + year, 2000 + year]),
        _ => None,
    }
}

/// Whether the entry is of decade `key` ("1880s", or "20s" of any of
/// the centuries it may be): its date falls in it, or a sentence shown
/// writes it or a year of it.
fn decade_held(engine: &Engine, entry: usize, key: &str, shown: &[usize]) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    let Some(starts) = decade_starts(key) else { return false };
    let in_decade = |year: i32| starts.iter().any(|start| (*start..start + 10).contains(&year));
    let dated = found.date.as_ref().is_some_and(|date| starts.iter().any(|&start| date.first_year() < start + 10 && date.last_year() >= start));
    let written = shown.iter().filter_map(|&q| found.quotes.get(q)).any(|quote| {
        let text = quote.text.to_lowercase();
        text.contains(key) || super::index::years_in(&quote.text).any(in_decade)
    });
    dated || written
}

/// Whether `key`, a word a "how many" question counts, is one the synonyms
/// know ("кубометров": "cubic") and the base never uses
/// ([`discriminative_gaps`]'s `uncounted_gap`).
fn counted_in_words_the_base_lacks(engine: &Engine, question: &Question, key: &str) -> bool {
    let index = engine.index();
    let paraphrased = question.query.paraphrased.iter().any(|(word, _)| word == key);
    key.chars().count() >= 3 && !index.has_key(key) && !paraphrased && index.is_synonym_key(key)
}

/// "What *drove* the 2022 wave": an English verb form the base does not
/// know is held when the entry's evidence writes another form of the same
/// verb ("*driven* by political repression"), which keys apart from it
/// ([`Question::other_verb_forms`]).
fn another_form_in_evidence(engine: &Engine, question: &Question, entry: usize, key: &str, shown: &[usize]) -> bool {
    question.other_verb_forms(engine.index()).iter().filter(|(form, _)| form == key).any(|(_, others)| others.iter().any(|other| evidence_holds_key(engine, entry, other, shown)))
}

/// "When did Tito leave the island of *Viz*", "when did the *USR*
/// recognise…": a word the base does not know, typed one slip (a letter
/// added, dropped, changed or two swapped) from a word the entry's
/// evidence writes, with the same first letter, is that word. Looked for
/// only in the entry's names and the sentences it would show, so a short
/// word is read against a few dozen words, not the whole base.
fn misspells_evidence(engine: &Engine, question: &Question, entry: usize, key: &str, shown: &[usize]) -> bool {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    let typed: Vec<&str> = question.folded.split(' ').filter(|word| word.chars().count() >= 3 && index.word_keys(word).iter().any(|k| k == key)).collect();
    if typed.is_empty() || typed.iter().any(|word| index.word_keys(word).iter().any(|k| index.has_key(k))) {
        return false;
    }
    let texts = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).chain(shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str()));
    let written: Vec<String> = texts.flat_map(|text| crate::text::fold::fold_for_search(text).split(' ').map(str::to_string).collect::<Vec<_>>()).filter(|word| word.chars().count() >= 3).collect();
    typed.iter().all(|word| {
        written.iter().any(|near| near.chars().next() == word.chars().next() && crate::text::fold::edit_distance_within(word, near, 1) == 1)
    })
}

/// The question's event words, and when the entry's names hold one of
/// them ("Soviet *invasion* of Afghanistan"), or the question has none and
/// names the entry, its title's common words as well: the sentences call
/// the event as the title does ("*The intervention* happened when …").
fn event_in_the_entrys_words(engine: &Engine, question: &Question, entry: usize, found: &Entry) -> Vec<Vec<String>> {
    let index = engine.index();
    let mut event = question.event_words.clone();
    // "Why did the Soviets *invade* …", "the reason for the Soviet *invasion* of …".
    let named = if event.is_empty() { index.name_hit(entry, &question.query.keys) } else { event.iter().any(|forms| forms.iter().any(|key| index.name_keys_iter(entry).any(|name| name == key))) };
    if named {
        let title = index.word_keys(&super::index::without_parentheses(&found.title));
        event.extend(title.into_iter().filter(|key| !index.is_proper_key(key)).map(|key| vec![key]));
    }
    event
}

/// "The *Balkan Wars*": a name and a common word the base writes as one
/// capitalised name are one thing. Evidence (the entry's names, the quotes
/// shown) that holds both words but never together ("the *Balkans*
/// region", "the *war*"; "The *Balkan* Line", "Kosovo *War*") does not
/// speak of it: the name, as a gap. None when the evidence writes the name
/// (see [`writes_together`]) or lacks one of its words, which the coverage
/// checks judge.
fn split_name_gap(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> Option<String> {
    let index = engine.index();
    let words: Vec<&str> = question.folded.split(' ').collect();
    // "Yugoslav *non aggression*": a word that opens a compound the question joins ("non-aggression")
    // is not the common word of a name the base writes otherwise ("Yugoslav Non-Aligned").
    let opens_a_compound = |word: &str| index.word_keys(word).iter().any(|key| question.query.keys.iter().any(|joined| joined.strip_prefix(key.as_str()).is_some_and(|rest| rest.starts_with(' '))));
    let proper = |word: &str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    let pair = words.windows(2).find(|pair| {
        index.is_name_bigram(pair[0], pair[1]) && proper(pair[0]) && index.word_keys(pair[1]).iter().all(|key| !index.is_proper_key(key)) && !opens_a_compound(pair[1])
    });
    // "*New* Serbia": a common word that makes a name of the one after it.
    // Evidence that holds the name's last word alone ("Serbia") speaks of another.
    // Not a stopword that opened a sentence ("*The* Soviet"), a title or a
    // kind of person ("King Peter", "Ambassador Konuzin"), or an ordinal.
    let modifier = |word: &str| {
        let keys = index.word_keys(word);
        !keys.is_empty() && !keys.iter().any(|key| index.is_proper_key(key) || index.is_title_key(key) || index.is_person_kind(key) || index.ordinal_keys().contains(key))
    };
    // A name's word, not a regnal number ("War *II*").
    let made_name = || words.windows(2).find(|pair| index.is_name_bigram(pair[0], pair[1]) && modifier(pair[0]) && pair[1].len() > 2 && proper(pair[1]));
    let (pair, needs_both) = match pair {
        Some(pair) => (pair, true),
        None => (made_name()?, false),
    };
    let found = engine.entry(entry)?;
    let names = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str));
    let texts: Vec<&str> = names.chain(shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str())).collect();
    let holds = |word: &str| texts.iter().any(|text| words_of(text).iter().any(|written| same_word(written, word)));
    let together = texts.iter().any(|text| writes_together(text, pair[0], pair[1]));
    let held = (!needs_both || holds(pair[0])) && holds(pair[1]);
    (held && !together).then(|| pair.join(" "))
}

/// Whether `text` writes folded words `first` and `second` as one name, in
/// one of their forms ("East Bloc" for "eastern bloc"): one after the other,
/// with at most one word between, or `second` "of (the)" `first`.
fn writes_together(text: &str, first: &str, second: &str) -> bool {
    let words = words_of(text);
    let of_first = |at: usize| {
        let mut rest = words.iter().skip(at + 1).map(String::as_str).filter(|word| *word != "the");
        rest.next() == Some("of") && rest.next().is_some_and(|word| same_word(word, first))
    };
    // "Balkan War", "Yugoslav People's Army", or "the Party of Yugoslavia"
    // for "the Yugoslav party".
    let follows = |at: usize| words.get(at + 1).is_some_and(|next| same_word(next, second)) || words.get(at + 2).is_some_and(|next| same_word(next, second));
    (0..words.len()).any(|at| same_word(&words[at], first) && follows(at) || same_word(&words[at], second) && of_first(at))
}

/// The words of `text`, folded, split at spaces and hyphens.
fn words_of(text: &str) -> Vec<String> {
    text.split([' ', '-']).map(|w| fold::fold_for_search(w.trim_matches(|c: char| !c.is_alphanumeric()))).collect()
}

/// Whether folded words `a` and `b` are forms of one word: the same, or
/// one begins the other and is at least four letters long ("east",
/// "eastern"; "war", "wars").
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || long.starts_with(short) && (short.len() >= 4 || long.len() == short.len() + 1)
}

/// "Which Ivo Andrić *books*": whether the shown quotes write the kind
/// only inside the name of a thing of another kind ("the Belgrade *Book*
/// Fair", a fair), never as a common noun or at a name's end ("the
/// Belgrade *Declaration*") or in a name the question writes too, and the
/// entry's own names do not hold it.
fn kind_only_inside_names(engine: &Engine, question: &Question, entry: usize, kind: &str, shown: &[usize]) -> bool {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    if index.name_keys_iter(entry).any(|key| key == kind) {
        return false;
    }
    // The question's words after the kind's: a name it writes too ("the
    // military *intelligence* chief": Military Intelligence) holds it.
    let after_the_kind: Vec<&String> = question.query.keys.windows(2).filter(|pair| pair[0] == kind).map(|pair| &pair[1]).collect();
    let capitalised = |word: &str| word.starts_with(char::is_uppercase);
    let mut inside = false;
    for quote in shown.iter().filter_map(|&q| found.quotes.get(q)) {
        let words: Vec<&str> = super::index::split_words(&quote.text).collect();
        for (at, word) in words.iter().enumerate().filter(|(_, word)| index.word_keys(word).iter().any(|key| key == kind)) {
            let next = words.get(at + 1).filter(|next| capitalised(next));
            if !capitalised(word) || next.is_none_or(|next| index.word_keys(next).iter().any(|key| after_the_kind.contains(&key))) {
                return false;
            }
            inside = true;
        }
    }
    inside
}

/// "What *language* did Tito and Stalin speak": the evidence holds the
/// kind of thing asked for, a word for a kind of it ("Russian"), or a name
/// written in a quote shown that may be one ("The Times" for "which
/// newspaper"). Only for a kind some noun of the sources is.
fn kind_held(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let index = engine.index();
    let Some(kind) = question.answer_kind.as_deref() else { return true };
    if index.is_person_kind(kind) {
        return names_someone_unasked(engine, question, entry, shown);
    }
    if !index.is_kind(kind) {
        return true;
    }
    let Some(word) = question.query.keys.iter().position(|k| k == kind) else { return true };
    // "Which *films* were popular": a plural asks which ones, by name; a
    // sentence that speaks of films and names nothing the question does
    // not ("Yugoslav movies") does not say. "*Soviet* troops" says which.
    let plural = question.text.split_whitespace().map(str::to_lowercase).any(|typed| typed.ends_with('s') && !typed.ends_with("ss") && index.word_keys(&typed).iter().any(|key| key == kind))
        || question.language == Language::Ru && question.folded.split(' ').any(|word| super::question::RUSSIAN_PLURAL_WHICH.contains(&word));
    let names_unasked = || {
        let asked = index.matched_keys(&question.query);
        let Some(found) = engine.entry(entry) else { return false };
        let texts = shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str());
        texts.flat_map(capitalised_inside).flat_map(|word| index.word_keys(word)).any(|key| !asked.contains(&key))
    };
    if evidence_holds(engine, question, entry, word, shown) && (!plural || names_unasked()) && !kind_only_inside_names(engine, question, entry, kind, shown) {
        return true;
    }
    let quote_keys = shown.iter().filter_map(|&q| index.quote_keys(entry).get(q)).flatten();
    if quote_keys.chain(index.name_keys_iter(entry)).any(|key| index.is_a_kind_of(key, kind)) {
        return true;
    }
    let Some(found) = engine.entry(entry) else { return true };
    let texts = shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str());
    texts.flat_map(capitalised_inside).flat_map(|word| index.word_keys(word)).any(|key| index.may_name_a(&key, kind, &question.query))
}

/// Whether one of the entry's quotes tells a becoming and holds `what`
/// was become (any, when `what` is empty): "became one of the founders"
/// does not say when Tito became president.
fn tells_becoming_what(engine: &Engine, entry: usize, found: &Entry, what: &str) -> bool {
    let index = engine.index();
    let keys = index.quote_keys(entry);
    found.quotes.iter().enumerate().any(|(position, quote)| {
        let holds = || what.is_empty() || keys.get(position).is_some_and(|keys| keys.iter().any(|key| key == what));
        // What was become follows the word of becoming ("the Kingdom of
        // Yugoslavia became home" is no kingdom become), or a year it began at.
        let is_what = |word: &&str| index.word_keys(word).iter().any(|key| key == what);
        let was_become = || what.is_empty() || evidence::become_after_a_word(&quote.text).iter().any(is_what) || evidence::starts_at_a_year(&quote.text);
        evidence::tells_becoming(&quote.text) && holds() && was_become()
    })
}

/// "Which *sultan*", "who was the Russian *minister*": a kind of person
/// asks for someone's name, which the post itself does not give ("the
/// Ottoman sultan abolished…"). Held when the entry is a person the
/// question does not name, or a quote shown names a person the question
/// does not, or holds a capitalised word that may name one.
fn names_someone_unasked(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let index = engine.index();
    let asked = people_asked(engine, question);
    let unasked = |key: &String| index.is_personal_name_key(key) && !question.query.keys.contains(key) && !asked.contains(&key);
    let Some(found) = engine.entry(entry) else { return true };
    // A person the question does not name at all: "Zubov" names Pyotr Zubov,
    // though it leaves out "Pyotr", and he is not the officers asked for.
    let named = |key: &String| index.is_personal_name_key(key) && (question.query.keys.contains(key) || asked.contains(&key));
    if found.kind == Kind::Person && index.name_keys_iter(entry).any(unasked) && !index.name_keys_iter(entry).any(named) {
        return true;
    }
    // A sentence shown that says who are of the kind names them ("*Authors*
    // of the mosaics *were* Nikolay Mukhin and …"), though another speaks of
    // the rest of the question better.
    if shown.iter().filter_map(|&q| found.quotes.get(q)).any(|quote| names_the_kind(index, &quote.text, kind_key(question), &unasked)) {
        return true;
    }
    // The person is named by the sentence that speaks of the question best,
    // not by one beside it that shares a word with it.
    let best = &shown[..shown.len().min(1)];
    let kind = question.answer_kind.as_deref().unwrap_or_default();
    if best.iter().filter_map(|&q| found.quotes.get(q)).any(|quote| post_of_another(index, question, &quote.text, kind)) {
        return false;
    }
    if let Some(quote) = best.first().and_then(|&q| found.quotes.get(q)) {
        if let Some(held) = qualified_post_holder(index, question, &quote.text, kind, &unasked) {
            return held;
        }
    }
    if best.iter().filter_map(|&q| index.quote_keys(entry).get(q)).flatten().any(unasked) {
        return true;
    }
    let texts = best.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str());
    texts.flat_map(capitalised_inside).flat_map(|word| index.word_keys(word)).any(|key| !asked.contains(&&key) && index.may_name_a(&key, kind, &question.query))
}

/// Whether a sentence says who are of kind `kind`: the kind's word, then
/// within five words "was", "were", "is" or "are", and right after it a
/// person the question does not name ("Authors of the mosaics were Nikolay
/// Mukhin").
fn names_the_kind(index: &Index, text: &str, kind: &str, unasked: &dyn Fn(&String) -> bool) -> bool {
    let words: Vec<&str> = super::index::split_words(text).collect();
    words.iter().enumerate().filter(|(_, word)| index.word_keys(word).iter().any(|key| key == kind)).any(|(at, _)| {
        let copula = words.iter().enumerate().skip(at + 1).take(5).find(|(_, word)| matches!(word.to_lowercase().as_str(), "was" | "were" | "is" | "are"));
        copula.is_some_and(|(be, _)| words.get(be + 1).is_some_and(|name| name.starts_with(char::is_uppercase) && index.word_keys(name).iter().any(unasked)))
    })
}

/// The key of the kind of answer asked, or "" when none is.
fn kind_key(question: &Question) -> &str {
    question.answer_kind.as_deref().unwrap_or_default()
}

/// "Who was the *Russian minister* in Belgrade": where the sentence writes
/// the post as the question qualifies it ("but the Russian Minister in
/// Belgrade intervened to have Pašić's government restored"), it names its
/// holder in the post's own clause, before the clause's verb ("the Russian
/// Minister in Belgrade, Nikolai Hartwig, intervened"), or not at all: a
/// person named after the verb or before the comma is someone else.
/// Some(whether a person the question does not name, or a capitalised
/// word that may name one, stands so), None when the question does not
/// qualify its post or the sentence does not write it so.
fn qualified_post_holder(index: &Index, question: &Question, text: &str, kind: &str, unasked: &dyn Fn(&String) -> bool) -> Option<bool> {
    // Keyed in the question's language, as typed: "ruski konzul", "русским
    // консулом" is a Russian consul.
    let keys_in = |word: &str| index.word_tokens(super::question::as_typed(&question.text, word), question.language).iter().map(|token| token.key.clone()).collect::<Vec<String>>();
    let typed: Vec<Vec<String>> = question.folded.split(' ').map(keys_in).filter(|keys| !keys.is_empty()).collect();
    let post = typed.iter().position(|keys| keys.iter().any(|key| key == kind))?;
    let qualifier: &[String] = typed.get(post.checked_sub(1)?)?;
    if !qualifier.iter().any(|key| index.is_proper_key(key)) {
        return None;
    }
    let written: Vec<&str> = text.split_whitespace().collect();
    let keys_at = |at: usize| written.get(at).map(|word| index.word_keys(word.trim_matches(|c: char| !c.is_alphanumeric()))).unwrap_or_default();
    let is_verb = |word: &str| {
        let folded = fold::fold_for_search(word.trim_matches(|c: char| !c.is_alphanumeric()));
        crate::text::lexicon::is_english_predicate_form(&folded) || crate::text::lexicon::is_irregular_verb_form(&folded)
    };
    // "the Serbian officers", or with a common word between that is no verb ("the Serbian *military* officers").
    let qualified_at = |at: usize| keys_at(at).iter().any(|key| qualifier.contains(key));
    let modifier_at = |at: usize| written.get(at).is_some_and(|word| word.chars().next().is_some_and(char::is_lowercase) && !is_verb(word));
    // Each post with where its qualifier stands.
    let qualifier_of = |at: usize| {
        if !keys_at(at).iter().any(|key| key == kind) {
            return None;
        }
        at.checked_sub(1).filter(|&before| qualified_at(before)).or_else(|| at.checked_sub(2).filter(|&before| qualified_at(before) && modifier_at(before + 1)))
    };
    let posts: Vec<(usize, usize)> = (0..written.len()).filter_map(|at| qualifier_of(at).map(|qualifier| (at, qualifier))).collect();
    if posts.is_empty() {
        return None;
    }
    // Not a person the question names in another form ("posle *Vaščenka*":
    // Gerasim Vashchenko), as its words match the index.
    let named = std::cell::OnceCell::new();
    let named_by_question = || named.get_or_init(|| index.people_the_query_names(&question.query));
    let names_someone = |word: &str| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        index.word_keys(bare).iter().any(|key| unasked(key) || capitalised && !named_by_question().contains(key) && index.may_name_a(key, kind, &question.query))
    };
    let held = |(at, qualifier): (usize, usize)| {
        let after = written[at + 1..].iter().take_while(|word| !is_verb(word));
        let before = written[..qualifier].iter().rev().take_while(|word| !is_verb(word) && !word.ends_with([',', ';', ':']));
        after.chain(before).any(|word| names_someone(word))
    };
    Some(posts.into_iter().any(held))
}

/// Whether the entry is a person the question does not name, or its quote
/// that speaks of the question best names one (by a name the base knows as
/// a person's): what a "who" answer would add to the question.
fn names_a_person_unasked(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let index = engine.index();
    let asked = people_asked(engine, question);
    let unasked = |key: &String| index.is_personal_name_key(key) && !question.query.keys.contains(key) && !asked.contains(&key);
    let is_person = engine.entry(entry).is_some_and(|found| found.kind == Kind::Person);
    let best = &shown[..shown.len().min(1)];
    is_person && index.name_keys_iter(entry).any(unasked) || best.iter().filter_map(|&q| index.quote_keys(entry).get(q)).flatten().any(unasked)
}

/// Whether `text` names the post asked for (`kind`) only as another
/// country's: "*Russian* ambassador *to Serbia*" is not "*Serbia's*
/// ambassador *in Moscow*", nor is "the first *Russian* consul" (received
/// by the Prince of Serbia) "the first *Serbian* consul *in Russia*". The
/// question must say whose post it is, by the name right before it, and
/// where, by the name after "to", "in" or "at"; the sentence must say
/// whose, and may say where; and it must share neither with the question.
fn post_of_another(index: &Index, question: &Question, text: &str, kind: &str) -> bool {
    let proper_keys = |word: &str| -> Vec<String> { index.word_keys(word).into_iter().filter(|key| index.is_proper_key(key)).collect() };
    // For each place the kind is named: (whose, where).
    let posts = |words: &[&str]| -> Vec<(Vec<String>, Vec<String>)> {
        (1..words.len())
            .filter(|&at| index.word_keys(words[at]).iter().any(|key| key == kind))
            .map(|at| {
                let place = if words.get(at + 1).is_some_and(|word| matches!(*word, "to" | "in" | "at")) { words.get(at + 2).map(|word| proper_keys(word)).unwrap_or_default() } else { Vec::new() };
                (proper_keys(words[at - 1]), place)
            })
            .filter(|(whose, _)| !whose.is_empty())
            .collect()
    };
    let told = posts(&evidence::sentence_words(text));
    let asked: Vec<(Vec<String>, Vec<String>)> = if question.language == Language::En { posts(&question.folded.split(' ').collect::<Vec<_>>()) } else { inflected_posts(index, question, kind) };
    let asked: Vec<&(Vec<String>, Vec<String>)> = asked.iter().filter(|(_, place)| !place.is_empty()).collect();
    let shares = |a: &[String], b: &[String]| a.iter().any(|key| b.contains(key));
    !asked.is_empty() && !told.is_empty() && told.iter().all(|(whose, place)| asked.iter().all(|(asked_whose, asked_place)| !shares(whose, asked_whose) && !shares(place, asked_place)))
}

/// [`post_of_another`]'s posts of a Serbian or Russian question ("*srpski*
/// ambasador *u Moskvi*", "послом *Сербии в Москве*"): its words keyed as
/// typed, in its language, and each name read as the index matches it
/// ("Moskvi" is Moscow).
fn inflected_posts(index: &Index, question: &Question, kind: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let words: Vec<&str> = question.folded.split(' ').collect();
    // Each word's keys, and the index keys they match, read once.
    let keyed: Vec<Vec<String>> = words
        .iter()
        .map(|word| {
            let query = index.query_in(super::question::as_typed(&question.text, word), question.language);
            let matched = index.matched_keys(&query);
            query.keys.into_iter().chain(matched).collect()
        })
        .collect();
    let proper = |at: usize| keyed.get(at).into_iter().flatten().filter(|key| index.is_proper_key(key)).cloned().collect::<Vec<String>>();
    let locative = |at: usize| words.get(at).is_some_and(|word| matches!(*word, "u" | "v" | "vo" | "na"));
    let place_after = |at: usize| if locative(at) { proper(at + 1) } else { Vec::new() };
    // Whose post, before it ("*srpski* ambasador") or after it in the
    // genitive ("послом *Сербии*"), then where.
    let post = |at: usize| {
        let before = at.checked_sub(1).map(proper).unwrap_or_default();
        if !before.is_empty() {
            return (before, place_after(at + 1));
        }
        (proper(at + 1), place_after(at + 2))
    };
    (0..words.len())
        .filter(|&at| keyed[at].iter().any(|key| key == kind))
        .map(post)
        .filter(|(whose, place)| !whose.is_empty() && !place.is_empty())
        .collect()
}

/// The name keys of the people the question names: all of "Josip Broz
/// Tito" when it says "tito".
fn people_asked<'e>(engine: &'e Engine, question: &Question) -> Vec<&'e String> {
    let index = engine.index();
    let people = engine.base().entries().iter().enumerate().filter(|(_, e)| e.kind == Kind::Person).map(|(doc, _)| doc);
    let named = |doc: &usize| index.name_keys_iter(*doc).any(|key| index.is_personal_name_key(key) && question.query.keys.contains(key));
    people.filter(named).flat_map(|doc| index.name_keys_iter(doc)).collect()
}

/// How many names `text` writes: runs of capitalised words ("Soviet
/// Union", "the Russian Federation"), the sentence's first word aside.
fn names_in(text: &str) -> usize {
    let mut runs = 0;
    let mut in_run = false;
    for (at, word) in text.split_whitespace().enumerate() {
        let capital = at > 0 && word.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase);
        if capital && !in_run {
            runs += 1;
        }
        // A comma or a full stop ends a name ("Ota Šik, Jiří Hájek").
        in_run = capital && !word.ends_with([',', '.', ';', ':']);
    }
    runs
}

/// The words of a sentence written with a capital, but those that open it
/// or a sentence or quotation inside it ("… the Soviet Union. *But* there
/// is…").
fn capitalised_inside(text: &str) -> impl Iterator<Item = &str> {
    let opens_sentence = |start: usize| text[..start].trim_end().chars().next_back().is_none_or(|c| ".!?:\"“«„(".contains(c));
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .filter(move |w| !opens_sentence(w.as_ptr() as usize - text.as_ptr() as usize))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether the evidence says the question's head of the name it belongs to
/// ("President of Yugoslavia" does not answer "president of
/// Czechoslovakia"): within three words after or before the head (not
/// counting stopwords), or for a possessive's owner anywhere in the
/// sentence, in a shown quote or one of the entry's names. True when the
/// question names no owner.
fn head_bound(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let (Some(head), Some(owner)) = (&question.head, &question.head_of) else { return true };
    let Some(found) = engine.entry(entry) else { return true };
    let says = |text: &str| {
        // Stopwords key to nothing: "mother of Russian emperor Ivan" has the owner third.
        let keys: Vec<Vec<String>> = evidence::keyed_words(engine.index(), text).into_iter().filter(|k| !k.is_empty()).collect();
        // Or within three words before it: "*Yugoslav* President", "New Serbia, with the centre in".
        let near_head = keys.iter().enumerate().any(|(i, k)| k.contains(head) && keys.iter().skip(i + 1).take(3).chain(keys[i.saturating_sub(3)..i].iter()).any(|near| near.contains(owner)));
        // A possessive's owner, anywhere in the sentence ("a brigade … under the command of … Ulagay").
        let in_sentence = || question.head_of_possessive && keys.iter().any(|k| k.contains(head)) && keys.iter().any(|k| k.contains(owner));
        // "Head of ROCOR": the owner as the initials of a name the text spells out beside the head.
        near_head || in_sentence() || keys.iter().any(|k| k.contains(head)) && super::index::acronyms(text).iter().any(|initials| initials == owner)
    };
    let quotes = shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str());
    std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).chain(quotes).any(says)
}

/// The first thing a yes-or-no question asks of ([`Question::polar_things`],
/// [`Question::whether_things`]; not a country, a person or its subject)
/// that the quotes shown hold only as what something else was for: each
/// time within three words after "for" ("missiles *for MiG-29 fighter
/// aircraft*"). None when they hold it otherwise, or not at all.
fn held_only_as_a_purpose(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> Option<String> {
    if question.polar_things.is_empty() && question.whether_things.is_empty() {
        return None;
    }
    let index = engine.index();
    let found = engine.entry(entry)?;
    let sentences: Vec<Vec<(&str, Vec<String>)>> = shown
        .iter()
        .filter_map(|&q| found.quotes.get(q))
        .map(|quote| evidence::words_with_keys(index, &quote.text))
        .collect();
    let after_for = |words: &[(&str, Vec<String>)], at: usize| {
        (1..=3).take_while(|&back| back <= at).find(|&back| words[at - back].1.is_empty()).is_some_and(|back| words[at - back].0.eq_ignore_ascii_case("for"))
    };
    let only_after_for = |key: &String| {
        let mut places = sentences.iter().flat_map(|words| (0..words.len()).filter(|&at| words[at].1.contains(key)).map(move |at| (words, at))).peekable();
        places.peek().is_some() && places.all(|(words, at)| after_for(words, at))
    };
    question
        .polar_things
        .iter()
        .chain(&question.whether_things)
        .filter(|key| !index.is_state_key(key) && !index.is_person_name_key(key) && !question.polar_subject.contains(key))
        .find(|key| only_after_for(key))
        .cloned()
}

/// A "who was" question of a name ([`Asks::Who`] with no event word):
/// the first of its names that the entry (not a person of that name) writes
/// only as the owner in another thing's name, "*Ičko's* Peace", in its
/// title, its aliases and the quotes shown. None when it writes the name
/// otherwise, or not at all.
fn named_only_as_a_possessor(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> Option<String> {
    if question.asks != Asks::Who || !question.event_words.is_empty() {
        return None;
    }
    let index = engine.index();
    let found = engine.entry(entry)?;
    let query = &question.query;
    let own: Vec<String> = if found.kind == Kind::Person { index.name_keys(entry) } else { Vec::new() };
    let texts: Vec<&str> = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).chain(shown.iter().filter_map(|&q| found.quotes.get(q)).map(|quote| quote.text.as_str())).collect();
    let only_as_possessor = |key: &String| {
        let mut places = texts.iter().flat_map(|text| {
            let raw: Vec<&str> = text.split_whitespace().collect();
            (0..raw.len()).filter_map(move |at| {
                let word = raw[at].trim_start_matches(|c: char| !c.is_alphanumeric());
                let owner = ["'s", "’s", "′s"].iter().find_map(|ending| word.strip_suffix(ending));
                let bare = owner.unwrap_or(word).trim_end_matches(|c: char| !c.is_alphanumeric());
                let capitalised_next = raw.get(at + 1).is_some_and(|next| next.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase));
                index.word_keys(bare).contains(key).then_some(owner.is_some() && capitalised_next)
            })
        }).peekable();
        places.peek().is_some() && places.all(|possessive| possessive)
    };
    (0..query.keys.len())
        .filter(|&word| index.is_proper(query, word) && !query.light.get(word).copied().unwrap_or(false))
        .filter_map(|word| query.keys.get(word))
        // A state's "Austria-Hungary′s Gyula Andrássy" is its man, not a name of it.
        .filter(|key| !own.contains(key) && !index.is_state_key(key))
        .find(|key| only_as_possessor(key))
        .cloned()
}

/// Whether the quotes shown tell an alliance with someone ("allied itself
/// with Napoleon") and none with the partner the question names
/// ([`Question::allied_with`]). False when they tell no alliance with anyone.
fn allied_with_another(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    let index = engine.index();
    let partners: Vec<Vec<String>> = shown.iter().filter_map(|&q| found.quotes.get(q)).flat_map(|quote| partners_in(index, &quote.text)).collect();
    !partners.is_empty() && !partners.iter().any(|keys| question.allied_with.iter().any(|key| keys.contains(key)))
}

/// The keys of each partner `text` tells an alliance with: the capitalised
/// words after an alliance word, "with" and any article.
fn partners_in(index: &super::index::Index, text: &str) -> Vec<Vec<String>> {
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let alliance = |word: &str| super::question::ALLIANCE_WORDS.contains(&word.to_lowercase().as_str());
    // "Allied *itself* with": a reflexive may come before "with".
    let with_after = |at: usize| words.iter().skip(at + 1).take(2).position(|w| *w == "with").filter(|&gap| gap == 0 || matches!(words[at + 1], "itself" | "themselves")).map(|gap| at + gap + 2);
    (0..words.len())
        .filter(|&at| alliance(words[at]))
        .filter_map(with_after)
        .map(|start| {
            let partner = words.iter().skip(start).skip_while(|w| super::question::BEFORE_PARTNER.contains(w)).take_while(|w| w.chars().next().is_some_and(char::is_uppercase));
            partner.flat_map(|w| index.word_keys(&w.to_lowercase())).collect()
        })
        .collect()
}

/// The entry's two quotes that speak most of the question: what the answer would show.
fn shown_quotes(engine: &Engine, question: &Question, entry: usize) -> Vec<usize> {
    let index = engine.index();
    let mut quotes: Vec<(f32, usize)> = (0..index.quote_keys(entry).len()).map(|q| (evidence::relevance(index, entry, q, &question.query), q)).collect();
    quotes.sort_by(|a, b| b.0.total_cmp(&a.0));
    // A second sentence that shares nothing with the question is no evidence for it.
    quotes.into_iter().take(2).enumerate().filter(|(rank, (relevance, _))| *rank == 0 || *relevance > 0.0).map(|(_, (_, q))| q).collect()
}

/// Whether a name the question puts after "between" (its key `key`) is one
/// of the entry's parties, or is held by its names, its people or the quotes
/// shown (`shown`), itself or through a metonym, but not by a setting.
fn party_held(engine: &Engine, question: &Question, entry: usize, key: &str, shown: &[usize]) -> bool {
    let Some(word) = question.query.keys.iter().position(|k| k == key) else { return true };
    let parties = engine.entry(entry).map_or(&[][..], |e| e.parties.as_slice());
    held_by_own_evidence(engine, question, entry, word, shown) || parties.iter().any(|party| engine.index().word_keys(party).iter().any(|k| k == key))
}

/// Whether the entry's names or the quotes shown give the name of what the
/// question calls `head` ([`evidence::names_the_head`]).
fn gives_the_name(engine: &Engine, question: &Question, entry: usize, head: &str, shown: &[usize]) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    let quotes = shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str());
    std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).chain(quotes).any(|text| evidence::names_the_head(engine.index(), text, head, &question.name_of_qualifiers, &question.query))
}

/// The gap a question about the present leaves when no sentence shown is
/// of the present: the word the abstention names.
const PRESENT_GAP: &str = "now";

/// How many years before the latest year the base dates a sentence may be
/// dated and still speak of the present.
const PRESENT_YEARS: i32 = 2;

/// Whether a sentence may speak of the present: it says so ("today",
/// "currently", "present-day", "still", "since"), or it is dated no more
/// than [`PRESENT_YEARS`] before the latest year the base dates. "In 2019
/// the Embassy estimated…" is not. A sentence that gives no year is dated
/// by its entry (`entry_ends`, the last year the entry's date covers): a
/// sentence of the 1920s emigration speaks of then, though it names no
/// year; an undated entry's undated sentence may speak of the present.
/// "Present-day" tells where a place is now ("in *present-day* Serbia"):
/// it answers "where is it now", not "how many live there now".
fn of_the_present(engine: &Engine, question: &Question, text: &str, entry_ends: Option<i32>) -> bool {
    let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let places_now = matches!(question.asks, Asks::Where | Asks::What);
    if words.iter().any(|w| matches!(w.as_str(), "today" | "currently" | "now" | "still" | "since" | "nowadays") || places_now && w == "present-day") {
        return true;
    }
    // A decade dates a sentence too ("by the end of *1920s*").
    let years: Vec<i32> = words.iter().map(|w| w.strip_suffix('s').unwrap_or(w)).filter(|w| w.len() == 4).filter_map(|w| w.parse().ok()).filter(|year| (1000..=2100).contains(year)).collect();
    let latest = engine.index().latest_year().unwrap_or(i32::MAX);
    years.iter().max().copied().or(entry_ends).is_none_or(|year| year >= latest - PRESENT_YEARS)
}

/// The gap a deed no sentence tells leaves: the key of the question's word
/// that asks it, or the word as typed when it keys to nothing ("took").
fn deed_gap(engine: &Engine, question: &Question, word: &str) -> String {
    engine.index().word_tokens(word, question.language).first().map_or_else(|| word.to_string(), |t| t.key.clone())
}

/// How many words after a verb its object's name may come ("the", a title).
const OBJECT_AFTER_VERB: usize = 3;

/// Whether a "who" question names the person as the object of its verb
/// ("who gave *Tito* the Order of Lenin", "ko je uručio *Titu*", "кто
/// наградил *Тито*"): it asks for someone else, whom the person's own
/// profile does not name. "Who was Tito" has no such verb.
fn names_the_object_of_who(engine: &Engine, question: &Question, entry: usize) -> bool {
    if question.asks != Asks::Who {
        return false;
    }
    let words: Vec<&str> = question.folded.split_whitespace().collect();
    let verb_at = match question.language {
        Language::En if words.first() == Some(&"who") => 1,
        Language::Sr if words.first() == Some(&"ko") && matches!(words.get(1), Some(&"je" | &"su")) => 2,
        Language::Ru if words.first() == Some(&"kto") => 1,
        _ => return false,
    };
    let Some(verb) = words.get(verb_at) else { return false };
    // Not a copula or an auxiliary ("who *was* Tito", "ko je *bila*", "who *did* Tito meet").
    let is_verb = !crate::text::lexicon::is_stopword(verb, question.language)
        && match question.language {
            Language::En => true,
            // A past form: Serbian "-o", "-la", "-li"; Russian "-л", "-ла", "-ли".
            Language::Sr => verb.len() > 3 && ["o", "la", "li", "le"].iter().any(|ending| verb.ends_with(ending)),
            _ => verb.len() > 3 && ["l", "la", "li"].iter().any(|ending| verb.ends_with(ending)),
        };
    // Within a few words after the verb ("killed *King Alexander*", "убил короля *Александра*").
    let mut object = words.iter().skip(verb_at + 1).take(OBJECT_AFTER_VERB);
    is_verb && object.any(|word| word_names_person(engine, question, entry, word))
}

/// Whether folded question word `word` is one of person `entry`'s names
/// ("Titu", keyed as "Tito" is).
fn word_names_person(engine: &Engine, question: &Question, entry: usize, word: &str) -> bool {
    let index = engine.index();
    let own = index.name_keys(entry);
    let query = index.query_in(word, question.language);
    (0..query.keys.len()).flat_map(|at| index.stored_matches(&query, at)).any(|key| own.iter().any(|own| own == key) && index.is_personal_name_key(key))
}

/// Whether a "who" question asks for the one before or after the person
/// `entry` ("who was the Russian ambassador *before Konuzin*", "ko je bio
/// ruski ambasador *pre Konuzina*"): someone else, whom the person's own
/// profile does not name.
fn names_the_one_before_or_after(engine: &Engine, question: &Question, entry: usize) -> bool {
    if question.asks != Asks::Who {
        return false;
    }
    let words: Vec<&str> = question.folded.split_whitespace().collect();
    let mut successions = super::question::after_succession(&words, question.language);
    successions.any(|(_, names)| names.into_iter().any(|at| word_names_person(engine, question, entry, words[at])))
}

/// Whether the entry's title or aliases, or one quote shown, tell the deed
/// asked (a succession, a victory, a design) in one of its own words, not
/// a word that keys alike ("successful" is no succession), and hold what
/// it was done to.
fn tells_deed(engine: &Engine, entry: usize, asked: &super::question::AskedDeed, shown: &[usize]) -> bool {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    let tells = |text: &str| {
        let says_deed = text.split(|c: char| !c.is_alphanumeric()).any(|word| asked.deed.told_by.iter().any(|told| word.eq_ignore_ascii_case(told)));
        says_deed && asked.object.as_ref().is_none_or(|object| index.text_word_keys(text).iter().any(|key| key == object) || joined_compound_keys(index, text).any(|key| key == *object))
    };
    let names = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str));
    let quotes = shown.iter().filter_map(|&q| found.quotes.get(q)).map(|q| q.text.as_str());
    names.chain(quotes).any(tells)
}

/// The keys of a text's hyphenated words written as one ("re-settlement"
/// as "resettlement").
fn joined_compound_keys<'t>(index: &'t Index, text: &'t str) -> impl Iterator<Item = String> + 't {
    let compounds = text.split(|c: char| c.is_whitespace()).filter(|word| word.contains('-'));
    compounds.flat_map(move |word| index.word_keys(&word.chars().filter(|c| c.is_alphanumeric()).collect::<String>()))
}

/// Whether the evidence for `entry` holds query word `word`: its names, the
/// people it involves, or the quotes it would show (`shown`), the word
/// itself or what it stands for ("Moscow" for the Soviet Union).
fn evidence_holds(engine: &Engine, question: &Question, entry: usize, word: usize, shown: &[usize]) -> bool {
    held_by_own_evidence(engine, question, entry, word, shown) || engine.index().held_by_setting(entry, &question.query, word, shown)
}

/// [`evidence_holds`] without the quotes' settings: the entry's names and
/// people, or the quotes shown, hold the word or what it stands for.
fn held_by_own_evidence(engine: &Engine, question: &Question, entry: usize, word: usize, shown: &[usize]) -> bool {
    held_as_written(engine, question, entry, word, shown) || engine.index().held_by_metonym(entry, &question.query, word, shown)
}

/// [`held_by_own_evidence`] by the word itself, not by what it may stand for.
fn held_as_written(engine: &Engine, question: &Question, entry: usize, word: usize, shown: &[usize]) -> bool {
    let index = engine.index();
    let query = &question.query;
    let in_quotes = shown.iter().any(|&q| quote_holds(engine, entry, q, query, word));
    in_quotes || index.held_by_context(entry, query, word) || index.in_names_or_people(entry, query, word)
}

/// Whether quote `q` of the entry holds question word `word`, itself or in
/// what it refers back to ("refused *the proposition*").
fn quote_holds(engine: &Engine, entry: usize, q: usize, query: &super::index::Query, word: usize) -> bool {
    let index = engine.index();
    index.quote_keys(entry).get(q).into_iter().map(Vec::as_slice).chain([index.antecedent_keys(entry, q)]).any(|keys| index.word_in(query, word, keys))
}


/// Whether every shown quote of the entry that writes the place `key`
/// counts its number in another place first ("40,000 Russian refugees
/// were living in the Kingdom of Yugoslavia, … particularly in
/// Belgrade": the Kingdom's number, not Belgrade's). False when no shown
/// quote writes the place.
fn counted_elsewhere_in_shown(engine: &Engine, entry: usize, key: &str, shown: &[usize]) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    let index = engine.index();
    let writes_it = |&q: &usize| index.quote_keys(entry).get(q).is_some_and(|keys| super::index::contains_key(keys, key));
    let writing: Vec<&str> = shown.iter().filter(|q| writes_it(q)).filter_map(|&q| found.quotes.get(q)).map(|quote| quote.text.as_str()).collect();
    !writing.is_empty() && writing.iter().all(|text| evidence::counted_in_another_place(index, text, key))
}

/// Whether the evidence tells the event `key` keys, as
/// [`evidence_holds_key`] does, but in a quote only outside a capitalised
/// name: "the Anti-Fascist Council for the National *Liberation* of
/// Yugoslavia" names a council and tells no liberation. The entry's own
/// names still tell it ("the *Belgrade Declaration*" declares).
fn tells_the_event_key(engine: &Engine, entry: usize, key: &str, shown: &[usize]) -> bool {
    let index = engine.index();
    if index.identity_has_key(entry, key) {
        return true;
    }
    let Some(found) = engine.entry(entry) else { return false };
    shown.iter().filter(|&&q| index.quote_keys(entry).get(q).is_some_and(|keys| super::index::contains_key(keys, key))).filter_map(|&q| found.quotes.get(q)).any(|quote| !only_in_names(engine, &quote.text, key))
}

/// Whether `text` holds `key` only in names: capitalised words inside its
/// sentences, beside another ("National *Liberation*"), not as a word of
/// its own; "the *Orthodox* worship" is a word of its own.
fn only_in_names(engine: &Engine, text: &str, key: &str) -> bool {
    let index = engine.index();
    let raw: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |at: usize| {
        let starts_sentence = at == 0 || raw[at - 1].ends_with(['.', '!', '?', ':']);
        !starts_sentence && raw.get(at).is_some_and(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).chars().next().is_some_and(char::is_uppercase))
    };
    let in_name = |at: usize| capitalised(at) && (at > 0 && capitalised(at - 1) || capitalised(at + 1));
    let named: Vec<usize> = (0..raw.len()).filter(|&at| in_name(at) && index.word_keys(raw[at].trim_matches(|c: char| !c.is_alphanumeric())).iter().any(|k| k == key)).collect();
    if named.is_empty() {
        return false;
    }
    let rest: Vec<&str> = raw.iter().enumerate().filter(|(at, _)| !named.contains(at)).map(|(_, word)| *word).collect();
    !index.keyer().index_keys(&rest.join(" ")).iter().any(|k| k == key)
}

/// Whether index key `key` is in the entry's names, its people, or one of
/// its quotes at `shown`.
fn evidence_holds_key(engine: &Engine, entry: usize, key: &str, shown: &[usize]) -> bool {
    let index = engine.index();
    let in_quotes = shown.iter().filter_map(|&q| index.quote_keys(entry).get(q)).any(|keys| super::index::contains_key(keys, key));
    in_quotes || index.identity_has_key(entry, key)
}

/// The share of the question's weight in known content words that the
/// evidence does not hold: the entry's names and its two quotes that speak
/// most of the question (what the answer would show). Light words count half.
fn uncovered_share(engine: &Engine, question: &Question, entry: usize) -> f32 {
    let shown = shown_quotes(engine, question, entry);
    // "What *paper* did Tito talk to": the kind of thing asked is held when
    // the evidence names one of that kind ("the Times"), not its word.
    let kind = question.answer_kind.as_ref().filter(|_| kind_held(engine, question, entry, &shown));
    let is_kind = |word: usize| kind.is_some_and(|kind| question.query.keys.get(word) == Some(kind));
    let dated = |word: usize| is_decade(&question.query, word) && question.query.keys.get(word).is_some_and(|key| decade_held(engine, entry, key, &shown));
    evidence::missing_share(engine.index(), &question.query, |word| is_kind(word) || dated(word) || evidence_holds(engine, question, entry, word, &shown))
}

/// Stage 2: the discriminative words and years the best entry does not
/// explain, or too much of the question missing from its evidence.
fn uncovered(engine: &Engine, question: &Question, best: usize, candidates: &[Candidate]) -> Option<Decision> {
    let entry = engine.entry(best)?;
    let gaps = discriminative_gaps(engine, question, best);
    let thin = gaps.is_empty() && uncovered_share(engine, question, best) > MAX_UNCOVERED;
    // An undated entry (a person) is bound to the question's year by an
    // event of theirs dated in it or a sentence shown that states it: the
    // ambassador "at the time" of the 1999 bombing is no answer for 1960.
    let years: Vec<i32> = match entry.date {
        Some(_) if year_fit(engine, entry, &question.query.years) == Some(false) && !shown_quote_dates_it(engine, question, best) => question.query.years.clone(),
        // So is one a Serbian or Russian yes-or-no question asks of ("да ли
        // је Тито био у Москви 1950", "был ли"), which English reads by its
        // polar subject.
        None if (question.asks == Asks::Who || asks_yes_or_no_inflected(question)) && !question.query.years.is_empty() && year_fit(engine, entry, &question.query.years) != Some(true) && !shown_quote_dates_it(engine, question, best) => question.query.years.clone(),
        _ => Vec::new(),
    };
    if gaps.is_empty() && !thin && years.is_empty() {
        return None;
    }
    let words = if thin {
        let query = &question.query;
        let shown = shown_quotes(engine, question, best);
        let missing: Vec<String> = (0..query.keys.len())
            .filter(|&word| engine.index().knows(query, word) && !evidence_holds(engine, question, best, word, &shown))
            .filter_map(|word| query.keys.get(word).cloned())
            .collect();
        surface_words(engine, question, &missing)
    } else {
        surface_words(engine, question, &gaps)
    };
    let near = candidates.iter().filter(|c| c.score >= SUGGEST).take(3).map(|c| c.entry).collect();
    Some(Decision::Abstain { words, years, near })
}

/// Whether a Serbian or Russian question asks yes or no by its particle
/// ("da *li*", "был *ли*").
fn asks_yes_or_no_inflected(question: &Question) -> bool {
    matches!(question.language, Language::Sr | Language::Ru) && question.folded.split(' ').any(|word| word == "li")
}

/// "How many were in the Russian House's courses in 2023": an entry
/// dated otherwise (1933) still answers what one of the sentences it would
/// show says of the years asked ("over 5,000 enrolled … as of 2023"). Not
/// a "when" question, whose answer is the entry's own date.
fn shown_quote_dates_it(engine: &Engine, question: &Question, entry: usize) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    let years = &question.query.years;
    question.asks != Asks::When
        && !years.is_empty()
        && shown_quotes(engine, question, entry).iter().filter_map(|&q| found.quotes.get(q)).any(|quote| {
            let stated: Vec<i32> = super::index::years_in(&quote.text).collect();
            years.iter().all(|year| stated.contains(year))
        })
}

/// The words as the student typed them, for keys of the question.
fn surface_words(engine: &Engine, question: &Question, keys: &[String]) -> Vec<String> {
    let keyer = engine.index().keyer();
    let mut words: Vec<String> = question
        .text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        // A misspelt word ("minster") is echoed as typed, for the key its respelling has.
        .filter(|word| {
            let keys_of = |word: &str| keyer.tokens(word, question.language).iter().any(|t| keys.contains(&t.key));
            keys_of(word) || engine.index().respell_in(&question.query, &word.to_lowercase()).is_some_and(keys_of)
        })
        .map(str::to_string)
        .collect();
    words.dedup();
    if words.is_empty() {
        keys.to_vec()
    } else {
        words
    }
}

/// What the abstention and answer-type stages found for one entry (for `--explain`).
#[derive(Debug, Clone, Serialize)]
pub struct EntryCheck {
    pub entry: String,
    /// Discriminative words of the question the entry's evidence lacks.
    pub gaps: Vec<String>,
    /// The share of the question's weight its evidence leaves unsaid.
    pub uncovered_share: f32,
    /// Whether one of its quotes states what is asked.
    pub can_state: bool,
    pub quotes: Vec<evidence::QuoteCheck>,
}

/// The abstention and answer-type checks of `entry` against `question`.
pub fn check_entry(engine: &Engine, question: &Question, entry: usize) -> Option<EntryCheck> {
    let found = engine.entry(entry)?;
    let focus = stating_focus(question, question.asks);
    Some(EntryCheck {
        entry: found.id.clone(),
        gaps: discriminative_gaps(engine, question, entry),
        uncovered_share: uncovered_share(engine, question, entry),
        can_state: can_state(engine, question, entry),
        quotes: evidence::quote_checks(engine.base(), engine.index(), found, &focus),
    })
}

/// Whether `entry` answers `question` by itself: its evidence holds every
/// discriminative word and one of its sentences states what is asked.
pub fn answers_about(engine: &Engine, question: &Question, entry: usize) -> bool {
    discriminative_gaps(engine, question, entry).is_empty() && can_state(engine, question, entry)
}

/// The focus of what an entry must state for `question` when it asserts
/// `asks`: a count of what is counted, a sum of money when a cost is asked.
fn stating_focus(question: &Question, asks: Asks) -> Focus<'_> {
    Focus { counted: question.counted.clone(), counts_persons: question.counts_persons, asks_money: question.asks_money, event_words: &question.event_words, ..Focus::asserting(asks).with_query(&question.query) }
}

/// Whether one of a person's roles is `what` ("Prime Minister").
fn holds_role(engine: &Engine, person: &Entry, what: &str) -> bool {
    what.is_empty() || person.roles.iter().any(|role| engine.index().word_keys(role).iter().any(|key| key.split(' ').any(|part| part == what)))
}

/// Whether the question asks another name of the person `entry` it names
/// ("what was Karađorđe's real name") than the one their title gives.
fn unstated_other_name(engine: &Engine, question: &Question, entry: usize) -> bool {
    let is_person = engine.entry(entry).is_some_and(|e| e.kind == Kind::Person);
    is_person && question.asks_other_name && engine.index().name_hit(entry, &question.query.keys) && !can_state(engine, question, entry)
}

/// The one person a question that asks a post names, among the
/// candidates, when the sources give their roles (not when it names two:
/// "what post did Hebrang hold when Stalin met him" asks Hebrang's).
fn role_holder_asked(engine: &Engine, question: &Question, candidates: &[Candidate]) -> Option<usize> {
    if !question.asks_role {
        return None;
    }
    let index = engine.index();
    let person = |entry: usize| engine.entry(entry).is_some_and(|e| e.kind == Kind::Person);
    // Of two named alike, the one more of whose name the question types
    // ("Borislav Milošević", not his brother, who shares "Milošević").
    let words_of_name = |entry: usize| question.query.keys.iter().filter(|key| index.name_keys_iter(entry).any(|name| name == *key)).count();
    // "Wrangel's soldiers": a possessive asks about what is theirs, not their post.
    let possessed = |entry: usize| {
        question.text.split_whitespace().filter_map(|word| word.to_lowercase().strip_suffix("'s").map(str::to_string)).any(|owner| index.word_keys(&owner).iter().any(|key| index.name_keys_iter(entry).any(|name| name == key)))
    };
    let named: Vec<(usize, usize)> = candidates.iter().map(|c| c.entry).filter(|&entry| person(entry) && index.query_names_person(entry, &question.query) && !possessed(entry)).map(|entry| (entry, words_of_name(entry))).collect();
    let most = named.iter().map(|(_, words)| *words).max()?;
    match named.iter().filter(|(_, words)| *words == most).collect::<Vec<_>>().as_slice() {
        [(only, _)] if engine.entry(*only).is_some_and(|e| !e.roles.is_empty()) => Some(*only),
        _ => None,
    }
}

/// Whether the question asks the post of the person `entry`, whose roles
/// the sources do not give: no other entry's sentence is taken for one.
fn unstated_role(engine: &Engine, question: &Question, entry: usize) -> bool {
    let is_person_without_roles = engine.entry(entry).is_some_and(|e| e.kind == Kind::Person && e.roles.is_empty());
    is_person_without_roles && question.asks_role && engine.index().query_names_person(entry, &question.query)
}

/// Whether the question asks what happened to someone, or what they did,
/// after (or before) an event, and the entry's sentences of them cannot
/// tell it: they tell only the event ([`tells_only_the_event`]) or
/// nothing that places anything after it ([`tells_nothing_of_the_event`]).
fn places_nothing_after_the_event(engine: &Engine, question: &Question, entry: usize) -> bool {
    let Some(asked) = sentences_of_the_one_asked_after(engine, question, entry) else { return false };
    // A relative clause says which one is asked about; an entry that does
    // not tell that event may still tell what happened to it.
    tells_only_the_event(&asked) || !asked.relative && tells_nothing_of_the_event(engine, question, entry, &asked)
}

/// The words that tell the event of a question that asks what happened to
/// someone, or what they did, after or before it, and the entry's sentences
/// of the one asked about.
struct AskedAfter<'e> {
    /// The forms of each word of the event's clause.
    told: Vec<Vec<String>>,
    /// The entry's sentences (position, keys, text) that name the one asked about.
    naming: Vec<(usize, &'e Vec<String>, &'e str)>,
    /// The event is told by a relative clause ([`relative_clause`]), not after "after" or "before".
    relative: bool,
}

/// "What happened to Hebrang after he met Stalin", "what did Ota Šik do
/// after he got refuge": a sentence that tells the meeting or the refuge
/// tells nothing of what came after it. True when every sentence of the
/// entry that names the one asked about tells that event (each word of the
/// clause, in one of its forms: "met", "meeting") or comes before one that does.
fn tells_only_the_event(AskedAfter { told, naming, .. }: &AskedAfter) -> bool {
    // "*After the war ended*, King Peter II was not allowed to return": a
    // sentence that puts something after the event tells what followed.
    // Of a clause of two words or more, all but one: "the plan failed"
    // tells the "1938 coup plan failed", "a planned coup" the coup plan,
    // and a sentence of the coup before it failed tells nothing after it.
    let enough = if told.len() >= 2 { told.len() - 1 } else { told.len() };
    let holds = |keys: &Vec<String>| told.iter().filter(|forms| forms.iter().any(|key| super::index::contains_key(keys, key))).count() >= enough;
    // A sequence in the reason it gives ("failed, *as* Zubov, after judging
    // the officers unfit, refused") came before the event, not after.
    // "…abolished the Border Guard in 1922; *in 1923–1924* Wrangel's men
    // built a road": a sentence of two years tells what came later too.
    let tells_the_event = |(_, keys, text): &(usize, &Vec<String>, &str)| holds(keys) && !tells_a_sequence(before_a_reason(text)) && !spans_years(text);
    // An entry's sentences keep the order of its source: one before the
    // first that tells the event ("Zubov was given $200,000 … for the
    // officers", before "the plan failed") tells what came before it.
    let Some(first) = naming.iter().find(|sentence| tells_the_event(sentence)).map(|(q, _, _)| *q) else { return false };
    naming.iter().all(|sentence| sentence.0 < first || tells_the_event(sentence))
}

/// "What happened to Ivan Horvat after New Serbia was abolished": the
/// sentence of his that tells the settlement, years before, places nothing
/// after the abolition. True when no sentence of the entry that names the
/// one asked about tells a word of that event, refers back to a sentence
/// that does, or puts one thing after another.
fn tells_nothing_of_the_event(engine: &Engine, question: &Question, entry: usize, AskedAfter { told, naming, .. }: &AskedAfter) -> bool {
    let index = engine.index();
    // The event's verb, when the question has one ("abolished"), not a word of a name ("New").
    let is_event_word = |forms: &&Vec<String>| forms.iter().any(|key| question.event_words.iter().any(|event| event.contains(key)));
    let verbs: Vec<&Vec<String>> = told.iter().filter(is_event_word).collect();
    let told: Vec<&Vec<String>> = if verbs.is_empty() { told.iter().collect() } else { verbs };
    let holds_a_word = |keys: &[String]| told.iter().any(|forms| forms.iter().any(|key| super::index::contains_key(keys, key)));
    let places_it = |(q, keys, text): &(usize, &Vec<String>, &str)| holds_a_word(keys) || holds_a_word(index.antecedent_keys(entry, *q)) || tells_a_sequence(text);
    // An entry named after the event ("the Tito–Stalin split") tells what belongs to it.
    let named_after_it = told.iter().any(|forms| forms.iter().any(|key| index.name_keys_iter(entry).any(|name| name == key)));
    !named_after_it && !naming.is_empty() && !naming.iter().any(places_it)
}

/// [`AskedAfter`] of a question that asks what happened to someone, or
/// what they did, after or before an event; `None` for any other.
fn sentences_of_the_one_asked_after<'e>(engine: &'e Engine, question: &Question, entry: usize) -> Option<AskedAfter<'e>> {
    let inflected = matches!(question.language, Language::Sr | Language::Ru);
    // Most questions put nothing after or before an event: no words to read.
    if inflected {
        if !question.folded.split(' ').any(|word| INFLECTED_AFTER.contains(&word)) {
            return None;
        }
    } else if question.after_event.is_none() && !question.folded.split(' ').any(|word| matches!(word, "before" | "happen" | "happened" | "happens")) {
        return None;
    }
    // "What *happend* to": a misspelt word of the question's frame still frames it.
    let words: Vec<&str> = question.folded.split(' ').map(|word| engine.index().question_word_slip(word).unwrap_or(word)).collect();
    // "What happened *to Hebrang* after…", "what did *Ota Šik* do after…": who it is asked of.
    // "Что случилось *с Зубовым*", "šta se desilo *sa Zubovim*" too.
    let happened_to = words
        .windows(2)
        .position(|pair| matches!(pair[0], "happen" | "happened" | "happens") && pair[1] == "to" || inflected && INFLECTED_HAPPENED.contains(&pair[0]) && matches!(pair[1], "s" | "so" | "sa"))
        .map(|to| to + 2);
    // "What did Vashchenko do *before* he became consul": the sentence of the consulship tells nothing before it either.
    let (marker, clause) = match &question.after_event {
        // "После ареста в 1935": the clause up to a conjunction, which may end with its year.
        _ if inflected => {
            let at = words.iter().position(|word| INFLECTED_AFTER.contains(word))?;
            let rest: Vec<&str> = words.get(at + 1..)?.iter().take_while(|word| !matches!(**word, "i" | "a" | "ili")).copied().collect();
            let a_year_only = rest.first().is_none_or(|word| word.chars().all(|c| c.is_ascii_digit()));
            (words[at], (!a_year_only).then(|| rest.join(" "))?)
        }
        Some(clause) => ("after", clause.clone()),
        None => match super::question::event_clause(&words, "before") {
            Some(clause) => ("before", clause),
            None => relative_clause(engine.index(), &words, happened_to?)?,
        },
    };
    let clause = clause.as_str();
    let did_do = || {
        let did = words.windows(2).position(|pair| pair[0] == "what" && matches!(pair[1], "did" | "does"))? + 2;
        let done = words.iter().skip(did).position(|word| *word == "do")? + did;
        (done > did).then_some((did, done))
    };
    let (start, end) = match happened_to {
        Some(start) => (start, None),
        None => match did_do() {
            Some((start, end)) => (start, Some(end)),
            None => return None,
        },
    };
    let after = words.iter().position(|word| *word == marker).filter(|&after| after >= end.unwrap_or(start) + 1 && after > start)?;
    let index = engine.index();
    let content = |word: &str| !crate::text::lexicon::is_stopword(word, question.language);
    // A Serbian or Russian word is keyed as typed, in its language
    // ("ареста": "arrest"), with the keys of the base the question's word
    // matches ("Linickim": "Linitsky").
    let query = &question.query;
    let matched = |key: String| -> Vec<String> {
        let stored = query.keys.iter().position(|k| *k == key).map(|position| index.stored_matches(query, position)).unwrap_or_default();
        stored.into_iter().map(str::to_string).chain(std::iter::once(key)).collect()
    };
    let keys_of = |word: &str| -> Vec<String> {
        if inflected {
            index.tokens(super::question::as_typed(&question.text, word), question.language).into_iter().flat_map(|token| matched(token.key)).collect()
        } else {
            index.word_keys(word)
        }
    };
    let subject: Vec<String> = words[start..end.unwrap_or(after)].iter().filter(|word| content(word)).flat_map(|word| keys_of(word)).collect();
    let clause_words: Vec<&str> = clause.split(' ').collect();
    // "Zubov *turned down*": what a phrasal verb stands for ("refused") tells it too.
    let phrasal = |at: usize| if inflected { Vec::new() } else { clause_words.get(at + 1).map(|particle| index.phrasal_keys(clause_words[at], particle)).unwrap_or_default() };
    let told: Vec<Vec<String>> = clause_words
        .iter()
        .enumerate()
        // A year dates the event; the sentence that tells it need not.
        .filter(|(_, word)| content(word) && !PRONOUNS.contains(word) && !word.chars().all(|c| c.is_ascii_digit()))
        .map(|(at, word)| crate::text::lexicon::verb_forms(word).into_iter().flat_map(|form| keys_of(form)).chain(phrasal(at)).collect::<Vec<String>>())
        .filter(|forms| !forms.is_empty())
        .collect();
    // A name in the clause ("after *Yugoslav* police arrested him") may be
    // written otherwise ("the King of Yugoslavia's police"); its other
    // words, when it has any, tell the event.
    let is_name = |forms: &Vec<String>| forms.iter().all(|key| index.is_proper_key(key));
    let told: Vec<Vec<String>> = if told.iter().all(is_name) { told } else { told.into_iter().filter(|forms| !is_name(forms)).collect() };
    if subject.is_empty() || told.is_empty() {
        return None;
    }
    let found = engine.entry(entry)?;
    let keys = index.quote_keys(entry);
    let naming = keys.iter().zip(&found.quotes).enumerate().filter(|(_, (keys, _))| subject.iter().any(|key| super::index::contains_key(keys, key))).map(|(q, (keys, quote))| (q, keys, quote.text.as_str())).collect();
    Some(AskedAfter { told, naming, relative: !matches!(marker, "after" | "before") && !inflected })
}

/// "What happened to the Serbian officers *Zubov turned down*": a clause
/// that says which of them are asked about, by what was done to them, an
/// event what is asked came after. It opens at a relative pronoun, or at
/// a name after a common word followed by a verb in the past, past the
/// words after "to" (`after_to`, where what is asked of begins); returns
/// where it opens (the marker) and its words.
fn relative_clause<'w>(index: &Index, words: &[&'w str], after_to: usize) -> Option<(&'w str, String)> {
    let proper = |word: &str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    let past = |word: &str| word.ends_with("ed") || crate::text::lexicon::is_irregular_verb_form(word);
    let opens = (after_to + 2..words.len()).find(|&at| {
        matches!(words[at], "that" | "whom")
            || proper(words[at]) && !proper(words[at - 1]) && !crate::text::lexicon::is_stopword(words[at - 1], Language::En) && words.get(at + 1).is_some_and(|next| past(next))
    })?;
    let skip = usize::from(matches!(words[opens], "that" | "whom"));
    let rest = words.get(opens + skip..)?.join(" ");
    (!rest.is_empty()).then(|| (words[opens], rest))
}

/// Whether a sentence puts one thing after another ([`SEQUENCE_WORDS`],
/// "in turn", "in response", "led to"), but not "then" before a title
/// ("*then* Prince of Serbia": at the time).
fn tells_a_sequence(text: &str) -> bool {
    let words: Vec<&str> = super::index::split_words(text).collect();
    let answering = words.windows(2).any(|pair| pair[0].eq_ignore_ascii_case("in") && matches!(pair[1], "turn" | "response" | "return") || pair[0].eq_ignore_ascii_case("led") && pair[1] == "to");
    answering || words.iter().enumerate().any(|(at, word)| {
        let folded = word.to_lowercase();
        let at_the_time = folded == "then" && words.get(at + 1).is_some_and(|next| next.starts_with(char::is_uppercase));
        SEQUENCE_WORDS.contains(&folded.as_str()) && !at_the_time
    })
}

/// Whether `text` writes two different years: it tells one thing after another.
fn spans_years(text: &str) -> bool {
    let mut years = super::index::years_in(text);
    years.next().is_some_and(|first| years.any(|year| year != first))
}

/// The part of `text` before a clause that gives a reason (", as",
/// "because"): "The plan failed*, as Zubov … refused*".
fn before_a_reason(text: &str) -> &str {
    [", as ", " because "].iter().filter_map(|reason| text.find(reason)).min().map_or(text, |at| &text[..at])
}

/// "After" in Serbian and Russian, folded ("posle", "после", "nakon", "након").
const INFLECTED_AFTER: &[&str] = &["posle", "nakon"];

/// The verbs of "what happened to", "what became of" in Serbian and
/// Russian, folded, before "s", "so" or "sa" ("что *случилось* с", "что
/// *стало* с", "šta se *desilo* sa", "šta je *bilo* sa").
const INFLECTED_HAPPENED: &[&str] = &["sluchilos", "stalo", "proizoshlo", "desilo", "dogodilo", "zbilo", "bilo"];

/// Pronouns, which stand for what a sentence names ("after police arrested *him*").
const PRONOUNS: &[&str] = &["he", "him", "his", "she", "her", "it", "its", "they", "them", "their"];

/// Words with which a sentence puts one thing after another, or tells
/// what came of it ("which *prompted* the Serbian government to pass a law").
const SEQUENCE_WORDS: &[&str] = &[
    "after", "afterwards", "following", "later", "then", "subsequently", "thereafter", "once", "prompted", "prompting", "resulted", "resulting", "triggered", "triggering",
];

/// "Who became president *after Tito*": the person a "who" question puts
/// its answer after is not the answer.
fn named_in_the_time_clause(engine: &Engine, question: &Question, entry: usize) -> bool {
    let Some(clause) = question.after_event.as_deref().filter(|_| question.asks == Asks::Who) else { return false };
    if engine.entry(entry).is_none_or(|e| e.kind != Kind::Person) {
        return false;
    }
    let index = engine.index();
    let clause_keys = index.word_keys(clause);
    index.name_keys_iter(entry).any(|key| index.is_personal_name_key(key) && clause_keys.contains(key))
}

/// "How did Moscow respond when Yugoslavia condemned the invasion": an
/// entry tells a reaction of the one asked about when that one is among its
/// people, or the subject of a clause of one of its sentences, by name or
/// by a name it stands for ("Belgrade": Yugoslavia). "Yugoslavia officially
/// condemned Soviet intervention" is Yugoslavia's reaction, not Moscow's.
/// A reaction to something named must be told in a sentence that names it
/// ([`Question::reacted_to`]).
fn tells_the_reactor(engine: &Engine, question: &Question, entry: usize) -> bool {
    if question.reactor.is_empty() {
        return true;
    }
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    let mut wanted: Vec<&str> = question.reactor.iter().map(String::as_str).collect();
    for key in &question.reactor {
        wanted.extend(index.keyer().stands_for(key).iter().filter_map(|meaning| match meaning.as_slice() {
            [one] => Some(one.as_str()),
            _ => None,
        }));
    }
    let people = index.people_keys(entry);
    let named = |key: &str| people.iter().any(|person| person == key) || found.kind == Kind::Person && index.name_keys_iter(entry).any(|own| own == key);
    let reacts = |quote: &crate::facts::Quote| evidence::clause_subjects(&quote.text).iter().any(|subject| index.word_keys(subject).iter().any(|key| wanted.contains(&key.as_str())));
    // "…respond to Borislav Milošević's proposal": a sentence with the
    // reactor acting that names what the reaction was to, by its rarest
    // name ("the Yugoslav proposal to join the Union State": the Union State).
    let rarest = question.reacted_to.iter().max_by(|a, b| index.key_idf(a).total_cmp(&index.key_idf(b)));
    if let Some(rarest) = rarest {
        let keys = index.quote_keys(entry);
        let names_reactor = |keys: &[String]| wanted.iter().any(|key| named(key) && super::index::contains_key(keys, key));
        return found.quotes.iter().enumerate().any(|(q, quote)| keys.get(q).is_some_and(|keys| (reacts(quote) || names_reactor(keys)) && super::index::contains_key(keys, rarest)));
    }
    wanted.iter().any(|key| named(key)) || found.quotes.iter().any(reacts)
}

/// Whether the place `key` a "how many" question names after a locative
/// ("in Yugoslavia") follows a noun other than what is counted: "how much
/// money did Zubov get for the *coup in Yugoslavia*" places the coup, not
/// the money; "how many Russians *live in* Belgrade" places the count. In
/// Serbian and Russian too ("на переворот *в Югославии*").
fn places_another_noun(engine: &Engine, question: &Question, key: &str) -> bool {
    use crate::text::lexicon::{is_english_predicate_form, is_irregular_verb_form, is_light, is_stopword};
    let index = engine.index();
    let language = question.language;
    let words: Vec<&str> = question.folded.split(' ').collect();
    // Serbian and Russian words keyed as typed: the synonyms know "переворот", not "perevorot".
    let typed: Vec<String> = question.text.split_whitespace().map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    let keys_at = |at: usize| -> Vec<String> {
        match typed.get(at).filter(|_| language != Language::En && typed.len() == words.len()) {
            Some(word) => index.tokens(word, language).into_iter().map(|token| token.key).collect(),
            None => index.word_keys(words[at]),
        }
    };
    (2..words.len()).filter(|&at| keys_at(at).iter().any(|own| own == key)).any(|at| {
        let before = words[at - 2];
        // A Russian noun may end as an infinitive ("переворот"): only its
        // past tense is told by its ending, however short ("*жило* в
        // Белграде"), and a listed verb by the list ("*живи* у Београду").
        let verb_by_ending = if language == Language::En { is_light(before, language) } else { crate::text::lexicon::is_short_active_past(before, language) || crate::text::lexicon::is_listed_light(before) };
        let keys = keys_at(at - 2);
        let noun = !is_stopword(before, language)
            && !verb_by_ending
            && !is_english_predicate_form(before)
            && !is_irregular_verb_form(before)
            && !keys.is_empty()
            && keys.iter().all(|own| index.has_key(own) && !question.counted.contains(own) && !index.is_proper_key(own));
        matches!(words[at - 1], "in" | "at" | "u" | "v" | "vo") && noun
    })
}

/// "Who was Ivan the Terrible's mother": an entry tells a relative of the
/// one asked about when it is not that one's own and one of its sentences
/// says whose relative ("the mother of … Ivan the Terrible", "Ivan's
/// mother"). Elena Glinskaya's sentence answers for Ivan; Ivan's, that
/// names her as his mother, does not answer "who was Elena's mother".
fn tells_kin(engine: &Engine, entry: usize, found: &Entry, kin: &super::question::Kin) -> bool {
    let index = engine.index();
    if index.name_keys_iter(entry).any(|key| kin.owner.iter().any(|owner| owner == key)) {
        return false;
    }
    let owner_word = |word: &str| index.word_keys(word).iter().any(|key| kin.owner.contains(key));
    // "Who was Elena Glinskaya's son": "Elena Glinskaya, the *mother of*
    // … Ivan the Terrible" tells it of the one named after "of".
    let own_name = |word: &str| index.word_keys(word).iter().any(|key| index.is_proper_key(key) && index.name_keys_iter(entry).any(|name| name == key));
    let (converse, sex) = converse_kin(kin.relation);
    found.quotes.iter().any(|quote| {
        let words = lowercase_words(&quote.text);
        let of_within = |at: usize, named: &dyn Fn(&str) -> bool| words.get(at + 1).is_some_and(|next| next == "of") && words.iter().skip(at + 2).take(5).any(|word| named(word));
        let told = words.iter().enumerate().filter(|(_, word)| word.trim_end_matches('s') == kin.relation).any(|(at, _)| {
            let owners = at >= 2 && words[at - 1] == "s" && owner_word(&words[at - 2]);
            of_within(at, &owner_word) || owners
        });
        // The one after "of" must be told of the sex asked ("the mother of
        // Russian *emperor* Ivan" tells a son, not a daughter).
        let of_the_sex = |at: usize| sex.is_empty() || words.iter().skip(at + 2).take(5).any(|word| sex.contains(&word.as_str()));
        let told_conversely = || {
            words.iter().enumerate().filter(|(_, word)| converse.contains(&word.as_str())).any(|(at, _)| {
                of_within(at, &own_name) && of_the_sex(at) && words[at.saturating_sub(KIN_OWNER_REACH)..at].iter().any(|word| owner_word(word))
            })
        };
        told || told_conversely()
    })
}

/// How many words before "the mother of" the one whose relation it is may be named.
const KIN_OWNER_REACH: usize = 5;

/// Words that tell a man or a woman, by title.
const MALE_WORDS: &[&str] = &["emperor", "king", "prince", "tsar", "czar", "sultan", "duke", "lord", "sir", "mr", "he"];
const FEMALE_WORDS: &[&str] = &["empress", "queen", "princess", "tsarina", "czarina", "duchess", "lady", "mrs", "she"];

/// The relations that say `relation` the other way round, with the words
/// one of which must tell the sex of the one asked about, when the
/// converse does not: one's son is the one whose mother or father one is,
/// if the sentence tells he is a man ("emperor"); one's husband, the one
/// whose wife one is. None for a parent or a sibling, whose sex "the son
/// of" or "the brother of" does not tell.
fn converse_kin(relation: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match relation {
        "son" => (&["mother", "father", "parent"], MALE_WORDS),
        "daughter" => (&["mother", "father", "parent"], FEMALE_WORDS),
        "wife" => (&["husband"], &[]),
        "husband" => (&["wife"], &[]),
        _ => (&[], &[]),
    }
}

/// Whether quote `q` of the entry (with what it refers back to, or the
/// entry's own names) holds every name of what the question asks to be
/// said about ([`Question::about`]). True when it names none.
fn reports_on_the_names_asked(engine: &Engine, question: &Question, entry: usize, q: usize) -> bool {
    let index = engine.index();
    let keys = index.quote_keys(entry).get(q).map_or(&[][..], Vec::as_slice);
    let names: Vec<usize> = question.about.iter().filter_map(|key| question.query.keys.iter().position(|k| k == key)).filter(|&word| index.is_proper(&question.query, word)).collect();
    let in_title = |word: usize| question.query.keys.get(word).is_some_and(|key| index.name_keys_iter(entry).any(|name| name == key));
    let held = |word: usize| index.word_in(&question.query, word, keys) || index.word_in(&question.query, word, index.antecedent_keys(entry, q)) || index.held_by_metonym(entry, &question.query, word, &[q]);
    // "What did Medvedev say *in Belgrade*": where the words were said, too
    // (his 2008 speech is not his 2009 visit).
    let places: Vec<usize> = places_asked(engine, question).iter().filter(|key| question.query.after_locative.contains(key)).filter_map(|key| question.query.keys.iter().position(|k| k == key)).collect();
    names.iter().all(|&word| held(word) || in_title(word)) && places.iter().all(|&word| held(word))
}

/// Words after which a place is where someone was or went ("met *in*
/// Moscow", "came *to* Belgrade").
const PLACING_WORDS: &[&str] = &["in", "to", "at", "into", "inside", "visited", "visit", "visiting"];

/// See `apart_gap` in [`discriminative_gaps`]: in a yes-or-no question
/// (English, Serbian or Russian) that names two or more things the base
/// knows, the key of the last name when no single shown quote holds them
/// all as written (beside the entry's own name), though the evidence holds
/// each.
fn names_apart(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> Option<String> {
    if !question.asks_whether && question.whether_things.is_empty() {
        return None;
    }
    let index = engine.index();
    let query = &question.query;
    let names: Vec<usize> = (0..query.keys.len()).filter(|&w| index.knows(query, w) && index.is_proper(query, w) && !query.light.get(w).copied().unwrap_or(false)).collect();
    if names.len() < 2 || !names.iter().all(|&w| held_as_written(engine, question, entry, w, shown)) {
        return None;
    }
    // The entry's own name stands in any of its sentences ("he met").
    let in_quote = |q: usize, w: usize| index.in_name(entry, query, w) || quote_holds(engine, entry, q, query, w);
    let together = shown.iter().any(|&q| names.iter().all(|&w| in_quote(q, w)));
    (!together).then(|| names.last().and_then(|&w| query.keys.get(w).cloned())).flatten()
}

/// The places a yes-or-no question names besides its subject: its names
/// that are no person's.
fn places_asked(engine: &Engine, question: &Question) -> Vec<String> {
    let index = engine.index();
    let query = &question.query;
    (0..query.keys.len()).filter(|&w| index.is_proper(query, w)).filter_map(|w| query.keys.get(w)).filter(|key| !question.polar_subject.contains(key) && !index.is_person_key(key)).cloned().collect()
}

/// How many words after one of [`PLACING_WORDS`] its place may stand ("in
/// the territories of present-day Serbia").
const PLACE_REACH: usize = 6;

/// Whether `text` has `place` within [`PLACE_REACH`] words after one of
/// [`PLACING_WORDS`], in the same clause (no comma or bracket between).
fn puts_after_a_locative(engine: &Engine, text: &str, place: &str) -> bool {
    place_after_one_of(engine, text, place, PLACING_WORDS, false)
}

/// Whether the question itself puts `place` after a common noun ("the
/// Soviet *intervention* in Hungary"): a sentence then may too. Not "was
/// *Tito* in Moscow", "da li je Tito *bio* u Moskvi".
fn places_a_thing(engine: &Engine, question: &Question, place: &str) -> bool {
    use crate::text::lexicon;
    let index = engine.index();
    let words: Vec<&str> = question.folded.split(' ').collect();
    let language = question.language;
    let common_noun = |word: &str| {
        !lexicon::is_stopword(word, language)
            && !lexicon::is_english_predicate_form(word)
            && !lexicon::is_irregular_verb_form(word)
            && !lexicon::is_active_past(word, language)
            && !index.word_keys(word).iter().any(|key| index.is_proper_key(key))
    };
    // "In *hungray*": a word as the query corrected it.
    let names_it = |word: &str| index.word_keys(index.respell_in(&question.query, word).unwrap_or(word)).iter().any(|key| key == place);
    (2..words.len()).any(|at| names_it(words[at]) && common_noun(words[at - 2]))
}

/// Whether `text` puts someone or something done at `place`: the place
/// within [`PLACE_REACH`] words after one of [`PLACING_WORDS`], which does
/// not follow a common noun ("*the assumption* in Moscow", "rape *cases*
/// in Belgrade": where a thing was, not who was there). "He met with
/// Stalin in Moscow", "arrived in Belgrade", "visited Moscow" place it.
fn places_someone(engine: &Engine, text: &str, place: &str) -> bool {
    text.split([',', ';', '(', ')']).any(|clause| {
        let words: Vec<&str> = super::index::split_words(clause).collect();
        let folded: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
        let common_noun = |word: &str, lower: &str| {
            use crate::text::lexicon;
            !word.starts_with(char::is_uppercase)
                && !word.chars().any(|c| c.is_ascii_digit())
                && !lexicon::is_stopword(lower, Language::En)
                && !lexicon::is_english_predicate_form(lower)
                && !lexicon::is_irregular_verb_form(lower)
                && !PLACING_WORDS.contains(&lower)
        };
        folded.iter().enumerate().any(|(at, word)| {
            PLACING_WORDS.contains(&word.as_str())
                && !(at > 0 && common_noun(words[at - 1], &folded[at - 1]))
                && folded.iter().skip(at + 1).take(PLACE_REACH).any(|next| names_the_place(engine, next, place, false))
        })
    })
}

/// Whether `text` has `place` within [`PLACE_REACH`] words after one of
/// `leading` (as folded), in the same clause; with `or_its_city`, or a city
/// that stands for it ([`names_the_place`]).
fn place_after_one_of(engine: &Engine, text: &str, place: &str, leading: &[&str], or_its_city: bool) -> bool {
    text.split([',', ';', '(', ')']).any(|clause| {
        let words = lowercase_words(clause);
        let is_place = |word: &String| names_the_place(engine, word, place, or_its_city);
        words.iter().enumerate().any(|(at, word)| leading.contains(&word.as_str()) && words.iter().skip(at + 1).take(PLACE_REACH).any(is_place))
    })
}

/// Whether a word of a text (lowercase) names `place` (a key), or, with
/// `or_its_city`, is a city that stands for it: who went to Belgrade went
/// to Serbia ("Belgrade" means Serbia, as the synonyms' metonyms say).
fn names_the_place(engine: &Engine, word: &str, place: &str, or_its_city: bool) -> bool {
    let keys = engine.index().word_keys(word);
    let stands_for_it = |key: &String| engine.index().keyer().stands_for(key).iter().any(|meaning| meaning.join(" ") == place);
    keys.iter().any(|key| key == place) || or_its_city && keys.iter().any(stands_for_it)
}

/// "When did Tito come to Belgrade": whether a shown quote or the entry's
/// title tells a journey to the place ([`Question::journey_to`]) or a city
/// that stands for it, the place within a few words after a word of journeys ("visited Prague …
/// demonstrators gathered in Belgrade" does not), or right after "to" in a
/// sentence of journeys ("high-level *visits*, such as those of … presidents
/// of Russia *to Belgrade*"). True when the question asks no journey.
fn tells_the_journey_there(engine: &Engine, question: &Question, entry: usize, shown: &[usize]) -> bool {
    let Some(found) = engine.entry(entry) else { return true };
    let journey = super::question::JOURNEY_WORDS;
    let texts = || std::iter::once(found.title.as_str()).chain(shown.iter().filter_map(|&q| found.quotes.get(q)).map(|quote| quote.text.as_str()));
    let told = |text: &str, place: &str| place_after_one_of(engine, text, place, journey, true) || evidence::has_any_word(text, journey) && place_right_after(engine, text, place, "to");
    question.journey_to.is_empty() || question.journey_to.iter().any(|place| texts().any(|text| told(text, place)))
}

/// The words of `text`, lowercase, split at every character that is not a
/// letter or a digit.
fn lowercase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Whether `text` has `place`, or a city that stands for it, right after
/// `leading` ("to Belgrade").
fn place_right_after(engine: &Engine, text: &str, place: &str, leading: &str) -> bool {
    let words = lowercase_words(text);
    words.windows(2).any(|pair| pair[0] == leading && names_the_place(engine, &pair[1], place, true))
}

/// Stage 3: whether an entry can state what the question asks.
fn can_state(engine: &Engine, question: &Question, entry: usize) -> bool {
    let Some(found) = engine.entry(entry) else { return false };
    if places_nothing_after_the_event(engine, question, entry) || named_in_the_time_clause(engine, question, entry) || !tells_the_reactor(engine, question, entry) {
        return false;
    }
    if !evidence::binds_years(engine.base(), engine.index(), found, &question.query, &question.about) || !in_the_time_asked(question, found) {
        return false;
    }
    // "How (exactly) was Gorkić murdered": the manner of a killing, which
    // "murdered in Moscow during the Great Purge" does not tell.
    if asks_how_killed(engine.index(), question) && !found.quotes.iter().any(|quote| evidence::tells_how_killed(&quote.text)) {
        return false;
    }
    if question.kin.as_ref().is_some_and(|kin| !tells_kin(engine, entry, found, kin)) {
        return false;
    }
    // "Was the Belgrade declaration signed *by Stalin*": "the signing of the
    // Belgrade declaration … after Stalin's death" has no one sign it. An
    // entry named outright too, so here, not among the gaps.
    if agent_untold(engine, question, entry).is_some() {
        return false;
    }
    // "Was trade bigger in the 1960s or the 1980s": no sentence that compares, no answer.
    if let Some(asked) = question.compares {
        if !found.quotes.iter().any(|quote| crate::text::lexicon::makes_comparison(&quote.text, asked)) {
            return false;
        }
    }
    let asks = match (question.attribute, found.kind) {
        (Some(attribute), Kind::Person) => attribute,
        // "When did X die" about an event: only an event that is a death;
        // "when was X born", only one that is a birth (not their death).
        (Some(attribute), _) => {
            let life = engine.index().word_keys(if attribute == Asks::Born { "birth born" } else { "death died" });
            let named = engine.index().name_keys(entry).iter().any(|k| life.contains(k));
            return named && evidence::entry_states(engine.base(), engine.index(), found, &Focus::asserting(Asks::When));
        }
        // Who a named person was, or what they did: but "who shot Franz
        // Ferdinand" is not asking who Franz Ferdinand was.
        (_, Kind::Person) => {
            let index = engine.index();
            let query = &question.query;
            if question.asks_role && found.roles.is_empty() {
                return false;
            }
            let named = index.name_hit(entry, &query.keys);
            // "Who killed King Alexander" asks for someone who did something to
            // him, named in full or by a word of his name ("King *Alexander* I of Serbia").
            let by_a_name_word = || (0..query.keys.len()).any(|w| index.is_proper(query, w) && index.in_name(entry, query, w) && query.keys.get(w).is_some_and(|key| index.is_personal_name_key(key)));
            let done_to = (named || by_a_name_word()) && !question.deed().is_empty() || names_the_object_of_who(engine, question, entry) || names_the_one_before_or_after(engine, question, entry);
            // "What did Putin call the recognition of Kosovo": one of the
            // person's own sentences that says all the rest ("He described
            // the recognition … as") answers what they did.
            // Not a question that dates what it asks or names its kind ("what happened to Hebrang after 1948").
            let plain_what = question.asks == Asks::What && question.head.is_none() && query.years.is_empty() && question.after_event.is_none() && query.context.is_empty();
            // Nor one that names two people ("what did Tito's stand against Stalin do"): it is about what passed between them.
            let only_person_named = || !engine.base().entries().iter().enumerate().any(|(doc, e)| doc != entry && e.kind == Kind::Person && index.name_hit(doc, &query.keys));
            // A yes-or-no question of their deed ("did Stalin ever visit
            // Yugoslavia") is answered by a sentence that has them at the
            // place it names ("met with Stalin *in Moscow*"), and by none
            // when it names no place.
            let polar = !question.polar_subject.is_empty();
            let places = if polar { places_asked(engine, question) } else { Vec::new() };
            // Asked of a year ("did Putin visit Belgrade in 2022"), in a sentence that states it.
            let of_the_year = |text: &str| query.years.is_empty() || super::index::years_in(text).any(|year| query.years.contains(&year));
            let at_the_places = |text: &str| !places.is_empty() && places.iter().all(|place| puts_after_a_locative(engine, text, place));
            let year_told = || !polar || query.years.is_empty() || shown_quotes(engine, question, entry).iter().any(|&q| found.quotes.get(q).is_some_and(|quote| of_the_year(&quote.text)));
            let at_the_place = |q: usize| !polar || found.quotes.get(q).is_some_and(|quote| at_the_places(&quote.text));
            let says_it = || plain_what && only_person_named() && shown_quotes(engine, question, entry).iter().any(|&q| evidence::speaks_of_all(index, entry, q, query, false) && at_the_place(q));
            // "Why did Karađorđe refuse Rodofinikin's plan": one of their sentences that gives a reason and says all the rest.
            let says_why = || question.asks == Asks::Why && shown_quotes(engine, question, entry).iter().any(|&q| found.quotes.get(q).is_some_and(|quote| evidence::gives_a_reason_for(&quote.text, query, index) && evidence::reason_is_for(index, &quote.text, &question.event_words)) && evidence::speaks_of_all(index, entry, q, query, false));
            // "Who was Apis's real name": the title, which names them otherwise, answers ([`other_name`] below).
            let identity = !done_to && (!named || (0..query.keys.len()).all(|w| index.covers(entry, query, w)) || question.asks_other_name || says_it() || says_why());
            // "Why did Stalin have Gorkić killed": his profile answers only with a sentence that gives a reason.
            let reason = || shown_quotes(engine, question, entry).iter().filter_map(|&q| found.quotes.get(q)).any(|quote| evidence::gives_a_reason_for(&quote.text, &question.query, engine.index()));
            // "Who became prime minister": their roles or a sentence of becoming say so.
            let became = question.becoming.as_ref().is_none_or(|what| holds_role(engine, found, what) || tells_becoming_what(engine, entry, found, what));
            // "What did Tito sign": a sentence of theirs that tells a signing.
            let signed = !question.asks_signed || found.quotes.iter().any(|quote| evidence::tells_signing(&quote.text));
            // "What did Pachomius the Serb do": a sentence that tells a deed of theirs, not only who they were.
            let deeds = !question.asks_deeds || found.quotes.iter().any(|quote| evidence::tells_a_deed(&quote.text));
            // "What did Pachomius the Serb write": a sentence of theirs that
            // reports words, or tells the verb asked ("proposed joining…").
            let tells_verb = |q: usize| index.quote_keys(entry).get(q).is_some_and(|keys| question.event_words.iter().any(|forms| forms.iter().any(|key| super::index::contains_key(keys, key))));
            // Asked of a year ("when they met in Sept 1944"), words the sentence
            // dates to it; asked of a place ("what did Medvedev say *in
            // Belgrade*"), words the sentence says there.
            let words_places: Vec<String> = if question.asks_words { places_asked(engine, question).into_iter().filter(|key| query.after_locative.contains(key)).collect() } else { Vec::new() };
            let of_the_place = |q: usize| index.quote_keys(entry).get(q).is_some_and(|keys| words_places.iter().all(|place| super::index::contains_key(keys, place)));
            let reported = !question.asks_words || found.quotes.iter().enumerate().any(|(q, quote)| of_the_year(&quote.text) && of_the_place(q) && ((evidence::reports_words(&quote.text) && !evidence::said_by_another(index, &quote.text, &question.speaker, false)) || tells_verb(q)));
            // "What was Apis's real name": a title with a word the question does not type ("Dragutin Dimitrijević").
            // Named by another name than the title's ("Apis"): "Stalin's real
            // name" is not "Joseph Stalin", whose title the question names it by.
            let title_keys = index.word_keys(&found.title);
            let by_another_name = || (0..query.keys.len()).any(|w| index.is_proper(query, w) && index.in_name(entry, query, w) && query.keys.get(w).is_some_and(|key| !title_keys.contains(key)));
            let other_name = !question.asks_other_name || title_keys.iter().any(|key| !query.keys.contains(key)) && by_another_name();
            // "Who was the first Yugoslav ambassador in Moscow": a sentence of theirs that says "first".
            let ordinal = || (0..found.quotes.len()).any(|q| evidence::states_the_ordinal(query, index.quote_keys(entry).get(q).map_or(&[][..], Vec::as_slice), index) && found.quotes.get(q).is_some_and(|quote| evidence::ordinal_of_the_asked(&quote.text, query, index)));
            return identity && year_told() && became && signed && deeds && reported && other_name && ordinal() && (matches!(question.asks, Asks::Who | Asks::What | Asks::How) || question.asks == Asks::Why && reason());
        }
        _ => question.asks,
    };
    if asks == Asks::When && (!precise_enough(question, found) || question.boundary && !names_the_event(engine, question, entry)) {
        return false;
    }
    // "Until which year was Tito president": not the last day of his visit to Prague.
    let states_the_end = |text: &str| if question.boundary { evidence::states_end(found, text) } else { evidence::states_lasting_end(found, text) };
    if asks == Asks::When && question.asks_end && !found.quotes.iter().any(|q| states_the_end(&q.text)) {
        return false;
    }
    if asks == Asks::When && question.asks_start && !found.quotes.iter().any(|q| evidence::states_start(found, &q.text)) {
        return false;
    }
    if asks == Asks::When && question.becoming.as_ref().is_some_and(|what| !tells_becoming_what(engine, entry, found, what)) {
        return false;
    }
    if asks == Asks::When && (!dates_the_event(engine, question, entry) || event_dated_elsewhere(engine, question, entry) || done_to_another_thing(engine, question, entry) || done_to_another_object(engine, question, entry) || only_planned(engine, question, entry) || told_only_as_unreal(engine, question, entry) || done_by_another_doer(engine, question, entry)) {
        return false;
    }
    if hedged_superlative(question, found) {
        return false;
    }
    // "Da li je Rusija priznala nezavisnost Kosova": a Serbian yes-or-no
    // question of a deed done to a name, which the evidence tells done to another.
    if question.language == Language::Sr && asks_yes_or_no_inflected(question) && done_to_another_object(engine, question, entry) {
        return false;
    }
    // "Which five countries": a sentence that names as many things, not one that counts them.
    if let Some(count) = question.names_asked {
        let shown = shown_quotes(engine, question, entry);
        if !shown.iter().filter_map(|&q| found.quotes.get(q)).any(|quote| names_in(&quote.text) >= count) {
            return false;
        }
    }
    match asks {
        // "How much did Russia invest in NIS": with nothing counted, the
        // amount of what was done, in a sentence that tells the deed; the
        // refinery's capacity is not an investment. Not "how much *of*
        // Serbia's gas is covered": a part of a thing, which a sentence
        // may give in other words ("providing for some 90%").
        Asks::HowMany if question.counted.is_empty() && !question.event_words.is_empty() && !question.folded.contains("how much of ") => {
            let focus = stating_focus(question, asks);
            let index = engine.index();
            let tells_the_deed = |q: usize| index.quote_keys(entry).get(q).is_some_and(|keys| question.event_words.iter().any(|forms| forms.iter().any(|key| super::index::contains_key(keys, key))));
            found.quotes.iter().enumerate().any(|(q, quote)| evidence::states(found, quote, &focus, index, entry, q) && tells_the_deed(q))
        }
        Asks::When | Asks::HowMany | Asks::HowLong | Asks::Born | Asks::Died | Asks::Where => {
            let focus = stating_focus(question, asks);
            evidence::entry_states(engine.base(), engine.index(), found, &focus)
        }
        Asks::Who => {
            let focus = Focus { asks_object: question.asks_object, asks_members: question.asks_members, deed: question.deed(), asks_signer: question.asks_signer, signs_for: &question.signs_for, ..Focus::asserting(Asks::Who).with_query(&question.query) };
            // "Who became prime minister when…": an event's sentence must tell someone became it.
            let becoming_told = || question.becoming.as_ref().is_none_or(|what| tells_becoming_what(engine, entry, found, what));
            found.kind == Kind::Person || evidence::entry_states(engine.base(), engine.index(), found, &focus) && becoming_told()
        }
        // A reason is stated only by a sentence that gives one; none does, and the sources don't say why.
        // Why something started: a sentence that gives a reason and tells the start.
        Asks::Why => {
            let event = event_in_the_entrys_words(engine, question, entry, found);
            let of_the_event = reasons_of_the_event(engine, question, entry);
            found.quotes.iter().enumerate().any(|(q, quote)| {
                evidence::gives_a_reason_for(&quote.text, &question.query, engine.index())
                    && of_the_event(q)
                    && evidence::reason_is_for(engine.index(), &quote.text, &question.event_words)
                    && evidence::purpose_is_for(engine.index(), &quote.text, &event)
                    && (!question.asks_start || evidence::states_start(found, &quote.text))
            })
        }
        // What someone said or agreed: a sentence that reports it, not only that they met.
        // And, asked what was said about a thing or to a name, a sentence that
        // reports words and names it: Yeltsin's words on the bombing do not
        // answer what Moscow said to Borislav Milošević's proposal.
        Asks::What if question.asks_words => {
            let entry_names_speaker = engine.index().name_keys_iter(entry).any(|key| question.speaker.contains(key));
            found.quotes.iter().enumerate().any(|(q, quote)| evidence::reports_words(&quote.text) && reports_on_the_names_asked(engine, question, entry, q) && !evidence::said_by_another(engine.index(), &quote.text, &question.speaker, entry_names_speaker))
        }
        // What an agreement held: a sentence that tells it, not one that lists the agreement.
        Asks::What if question.asks_contents => found.quotes.iter().any(|quote| evidence::tells_contents(&quote.text)),
        // What a group was made of: a sentence that says what it included.
        Asks::What if question.asks_composition => found.quotes.iter().any(|quote| evidence::tells_composition(&quote.text)),
        // What someone signed: a treaty, or a sentence that tells a signing, not only their visit.
        Asks::What if question.asks_signed => found.kind == Kind::Treaty || found.quotes.iter().any(|quote| evidence::tells_signing(&quote.text)),
        // What was ceded: a sentence that tells a ceding, not what a treaty made of the one that ceded.
        Asks::What if question.asks_ceded => found.quotes.iter().any(|quote| evidence::tells_ceding(&quote.text)),
        _ => true,
    }
}

/// Which of the entry's sentences may give the reason for the question's
/// event ("why did Beneš *resent* the Stojadinović government"), when one
/// of them tells the event: a sentence that gives its reason after a
/// conjunction gives it for the clause before, which must tell the event
/// too ([`evidence::reason_clause_tells`]): "The plan failed, as Zubov …
/// refused" is why the plan failed, not why the government the sentence
/// before names was resented. Any sentence, when the question has no event
/// word or no sentence tells it.
fn reasons_of_the_event<'a>(engine: &'a Engine, question: &'a Question, entry: usize) -> impl Fn(usize) -> bool + 'a {
    let index = engine.index();
    let quotes = engine.entry(entry).map_or(&[][..], |found| found.quotes.as_slice());
    let tells = |keys: &Vec<String>| question.event_words.iter().any(|forms| forms.iter().any(|key| super::index::contains_key(keys, key)));
    let told_by_one = index.quote_keys(entry).iter().any(tells);
    move |q: usize| !told_by_one || quotes.get(q).is_none_or(|quote| evidence::reason_clause_tells(index, &quote.text, &question.event_words) != Some(false))
}

/// Whether the question asks how someone was killed: "how", with a verb of
/// killing ("how was Gorkić *murdered*", "как *убили*", "kako je *ubijen*").
fn asks_how_killed(index: &Index, question: &Question) -> bool {
    if question.asks != Asks::How {
        return false;
    }
    let killing = index.word_keys(KILLING_VERBS);
    question.query.keys.iter().any(|key| killing.contains(key))
}

/// Verbs of killing, in the forms the base keys.
const KILLING_VERBS: &str = "kill killed murder murdered assassinate assassinated execute executed";

/// Whether the entry's date is the date of what the question says
/// happened ("when was Franz Ferdinand *killed*"): the entry's names say
/// it, or a sentence that states a date does, in one of its forms or
/// paraphrases. A date that rests only on the people an entry involves
/// ("Russia mobilized in late July", in an entry that involves Franz
/// Ferdinand) is another event's. True when the question names no event,
/// or no person, or a person the entry is named after.
fn dates_the_event(engine: &Engine, question: &Question, entry: usize) -> bool {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    if question.event_words.is_empty() {
        return true;
    }
    let told_by = |keys: &[String]| question.event_words.iter().any(|forms| forms.iter().any(|key| super::index::contains_key(keys, key)));
    let focus = Focus::asserting(Asks::When).with_query(&question.query);
    let Some(doc) = engine.base().index_of(&found.id) else { return false };
    let names = index.name_keys(entry);
    let people_named = index.names_of_people_named(&question.query.keys);
    let through_people = found.kind != Kind::Person && !people_named.is_empty() && !people_named.iter().any(|key| names.contains(key));
    !through_people
        || told_by(&names)
        || found.quotes.iter().enumerate().any(|(position, quote)| {
            evidence::states(found, quote, &focus, index, doc, position) && [index.quote_keys(entry).get(position).map_or(&[][..], Vec::as_slice), index.antecedent_keys(entry, position)].into_iter().any(told_by)
        })
}

/// Verbs whose "to" and verb after them tell a plan or a wish, not a deed
/// done ("agreed *to meet* in Belgrade").
const INTENTIONS: &[&str] = &["agreed", "agree", "planned", "plan", "wanted", "want", "decided", "hoped", "promised", "offered", "intended", "proposed", "invited"];

/// "When did Tito meet Khrushchev in Belgrade": an English question's
/// event that the entry's sentences tell only as a plan ("Tito and
/// Khrushchev *agreed to meet* in Belgrade") is not dated by them. True
/// when every sentence's event word follows one of [`INTENTIONS`] and
/// "to", and the entry's names do not tell it.
fn only_planned(engine: &Engine, question: &Question, entry: usize) -> bool {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    if question.event_words.is_empty() || question.language != Language::En {
        return false;
    }
    let is_event = |keys: &[String]| keys.iter().any(|key| question.event_words.iter().any(|forms| forms.contains(key)));
    // The deed asked, not a topic after a preposition ("letters *about meeting*").
    let words: Vec<&str> = question.folded.split(' ').collect();
    let asked_as_deed = (1..words.len()).any(|at| is_event(&index.known_word_keys(words[at])) && !matches!(words[at - 1], "about" | "of" | "on" | "for" | "after" | "before"));
    if !asked_as_deed || is_event(&index.name_keys(entry)) {
        return false;
    }
    let mut told = found.quotes.iter().flat_map(|quote| {
        let keyed = evidence::words_with_keys(index, &quote.text);
        let planned = |at: usize| at >= 2 && keyed[at - 1].0.eq_ignore_ascii_case("to") && INTENTIONS.contains(&keyed[at - 2].0.to_lowercase().as_str());
        (0..keyed.len()).filter(|&at| is_event(&keyed[at].1)).map(planned).collect::<Vec<bool>>()
    });
    let Some(first) = told.next() else { return false };
    first && told.all(|planned| planned)
}

/// How many words from the event's word the thing it was done to may
/// stand ("the Soviet Union *recognized* the Democratic Federal *Yugoslavia*").
const EVENT_REACH: usize = 8;

/// Whether query word `word` names a thing the base knows: a name, and no
/// person's by a name or a title ("King Aleksandar").
fn names_a_thing(index: &super::index::Index, query: &super::index::Query, word: usize) -> bool {
    let key = &query.keys[word];
    index.knows(query, word) && index.is_proper(query, word) && !index.is_person_key(key) && !index.is_personal_name_key(key) && !index.is_title_key(key)
}

/// "When was *the Warsaw Pact* founded": the names of the passive's
/// subject, between "was" and the event's verb, are what the event was
/// done to. An entry named after none of them answers only with a
/// sentence that tells the event near one of them ([`EVENT_REACH`]): "one
/// of the *founders* of the Non-Aligned Movement, which was regarded as
/// the third way, neither adhering to NATO, nor joining the
/// Moscow-dominated *Warsaw Pact*" founded another thing. True when it
/// has none.
fn done_to_another_thing(engine: &Engine, question: &Question, entry: usize) -> bool {
    let index = engine.index();
    let query = &question.query;
    let words: Vec<&str> = question.folded.split(' ').collect();
    if question.event_words.is_empty() || question.language != Language::En || words.first() != Some(&"when") || !words.get(1).is_some_and(|w| matches!(*w, "was" | "were")) {
        return false;
    }
    let is_event = |keys: &[String]| keys.iter().any(|key| question.event_words.iter().any(|forms| forms.contains(key)));
    // Not a person, by a name or a title ("King Aleksandar"): a sentence may tell them far from the deed.
    let a_thing = |word: usize| names_a_thing(index, query, word);
    let Some(verb) = (2..words.len()).find(|&at| is_event(&index.known_word_keys(words[at]))) else { return false };
    let keys: Vec<String> = words[2..verb].iter().flat_map(|word| index.known_word_keys(word)).collect();
    let subject: Vec<usize> = (0..query.keys.len()).filter(|&word| keys.contains(&query.keys[word]) && a_thing(word)).collect();
    // An entry named after one of them is about what was done to it.
    let names = index.name_keys(entry);
    if subject.is_empty() || subject.iter().any(|&word| index.in_name(entry, query, word) || index.word_in(query, word, &names)) {
        return false;
    }
    let Some(found) = engine.entry(entry) else { return false };
    !found.quotes.iter().any(|quote| {
        let keyed = evidence::keyed_words(index, &quote.text);
        let held: Vec<usize> = (0..keyed.len()).filter(|&at| subject.iter().any(|&word| index.word_in(query, word, &keyed[at]))).collect();
        (0..keyed.len()).any(|at| is_event(&keyed[at]) && held.iter().any(|&thing| thing.abs_diff(at) <= EVENT_REACH))
    })
}

/// "When did the Soviet Union invade *Yugoslavia*" ("kada je SSSR
/// priznao *Jugoslaviju*", "когда СССР признал *Югославию*"): the name
/// right after the event's verb is what it was done to
/// ([`deed_and_object`]). An entry answers only with a sentence that tells
/// the event done to one of them: after the event's word, within
/// [`EVENT_REACH`] words and with no other name between ("recognized the
/// Democratic Federal *Yugoslavia*"), or before a passive ("*Yugoslavia*
/// was recognized"); its title and other names count as such sentences.
/// "Yugoslavia strongly condemned the invasion of *Czechoslovakia*" tells
/// another's invasion, and "*Croatia* … formally recognizes some of the
/// old agreements" a recognition Croatia gave. True when it has none.
fn done_to_another_object(engine: &Engine, question: &Question, entry: usize) -> bool {
    let read = read_once(&question.deed_and_object_read, question.asks, || deed_and_object(engine, question));
    let Some((event_keys, object)) = read.as_ref() else { return false };
    let Some(found) = engine.entry(entry) else { return false };
    let index = engine.index();
    let query = &question.query;
    let is_event = |keys: &[String]| keys.iter().any(|key| event_keys.contains(key));
    // The entry's title and other names tell it as a sentence does ("USSR
    // recognises socialist Yugoslavia"); English ones, whose order this reads
    // (an Arabic verb comes before its subject).
    let names = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).map(|name| (true, name, None));
    let quotes = found.quotes.iter().enumerate().map(|(q, quote)| (false, quote.text.as_str(), Some(q)));
    // A sentence whose keys hold no name asked cannot tell the deed done to it; most are passed over unread.
    let may_hold = |q: Option<usize>| q.is_none_or(|q| index.quote_keys(entry).get(q).is_some_and(|keys| object.iter().any(|&word| index.word_in(query, word, keys))));
    let english = |text: &str| crate::text::lang::detect(text) == Language::En;
    !names.chain(quotes).filter(|&(_, text, q)| may_hold(q) && english(text)).any(|(is_name, text, _)| {
        let keyed = evidence::words_with_keys(index, text);
        let proper = |at: usize| keyed[at].1.iter().any(|key| index.is_proper_key(key));
        let held: Vec<usize> = (0..keyed.len()).filter(|&at| object.iter().any(|&word| index.word_in(query, word, &keyed[at].1))).collect();
        let after = |event: usize, thing: usize| {
            // The names right before the thing are its own ("the Democratic Federal Yugoslavia").
            let own = (event + 1..thing).rev().take_while(|&at| proper(at)).count();
            thing > event && thing - event <= EVENT_REACH && !(event + 1..thing - own).any(proper)
        };
        // A title's participle is a passive too ("Socialist Yugoslavia *declared*").
        let passive_word = |event: usize| PASSIVE_AUXILIARIES.contains(&keyed[event - 1].0.to_lowercase().as_str()) || is_name && keyed[event].0.ends_with("ed");
        // With no other name between ("*Kosovo* independence precedent; *Crimea* was annexed").
        let passive_after = |event: usize, thing: usize| thing < event && event - thing <= EVENT_REACH && event > 0 && passive_word(event) && !(thing + 1..event).any(|at| proper(at) && !held.contains(&at));
        (0..keyed.len()).any(|at| is_event(&keyed[at].1) && held.iter().any(|&thing| after(at, thing) || passive_after(at, thing)))
    })
}

/// Where the subject of a "when" question begins, after its opener:
/// "when did", "kada je", "когда".
fn after_when_opener(language: Language, words: &[&str]) -> Option<usize> {
    match (language, words) {
        (Language::En, ["when", "did" | "does" | "do", ..]) => Some(2),
        (Language::Sr, ["kada" | "kad", "je" | "su", ..]) => Some(2),
        (Language::Ru, ["kogda", ..]) => Some(1),
        _ => None,
    }
}

/// A reading of the question kept on it (`cell`) with the answer type it
/// was read for, read on first use; read anew, and not kept, when a
/// command has since changed the answer type.
fn read_once<'q, T: Clone>(cell: &'q std::sync::OnceLock<(Asks, T)>, asks: Asks, read: impl Fn() -> T) -> std::borrow::Cow<'q, T> {
    match cell.get_or_init(|| (asks, read())) {
        (kept, value) if *kept == asks => std::borrow::Cow::Borrowed(value),
        _ => std::borrow::Cow::Owned(read()),
    }
}

/// For [`done_to_another_object`]: the keys that tell the deed a "when"
/// question (or a Serbian "da li je" one) asks about, and the question's
/// words that name what it was done to, the name right after the deed's
/// verb (not names that modify a noun, nor a person); `None` when the
/// question has no such name.
fn deed_and_object(engine: &Engine, question: &Question) -> Option<(Vec<String>, Vec<usize>)> {
    let index = engine.index();
    let query = &question.query;
    let words: Vec<&str> = question.folded.split(' ').collect();
    let language = question.language;
    // "Da li je Rusija priznala": a Serbian yes-or-no question's subject comes after its opener too.
    let yes_or_no = match (language, words.as_slice()) {
        (Language::Sr, ["da", "li", "je" | "su", ..]) => Some(3),
        _ => None,
    };
    let start = match (after_when_opener(language, &words).or(yes_or_no), words.first()) {
        (Some(start), _) => start,
        // `/when Russia recognized Kosovo`: a statement, its subject first.
        (None, Some(first)) if language == Language::En && question.asks == Asks::When && !crate::text::lexicon::is_stopword(first, language) && !matches!(*first, "what" | "which" | "how" | "who" | "why" | "where") => 0,
        _ => return None,
    };
    // A word's keys as the question's language keys it (a Russian one as typed too: the synonyms know "признала").
    let keys_of = |word: &str| -> Vec<String> {
        match language {
            Language::En => index.known_word_keys(word),
            Language::Ru => index.tokens(super::question::as_typed(&question.text, word), language).into_iter().chain(index.tokens(word, language)).map(|t| t.key).collect(),
            _ => index.tokens(word, language).into_iter().map(|t| t.key).collect(),
        }
    };
    // The event's verb: one of the event words, or a Serbian or Russian verb in the active past the base or the synonyms know.
    let told = |key: &String| index.has_key(key) || index.is_synonym_key(key);
    let verb_keys = |at: usize| -> Vec<String> {
        let keys = keys_of(words[at]);
        let event = keys.iter().any(|key| question.event_words.iter().any(|forms| forms.contains(key)));
        let inflected = language != Language::En && crate::text::lexicon::is_active_past(words[at], language) && keys.iter().any(told);
        if event || inflected { keys } else { Vec::new() }
    };
    // Or, in English, the first word after the subject's names and
    // stopwords, with a name right after it ("when did Russia *annex*
    // Kosovo"), which the parse reads as no event after a subject that is
    // no person.
    let plain_verb = || -> Option<(usize, Vec<String>)> {
        if language != Language::En || start != 2 {
            return None;
        }
        let named = |word: &str| keys_of(word).iter().any(|key| index.is_proper_key(key));
        let stopword = |word: &str| crate::text::lexicon::is_stopword(word, language);
        // Past the subject's stopwords and names, each word's names read once.
        let (mut at, mut subject_named) = (start, false);
        loop {
            let word = words.get(at)?;
            if stopword(word) {
                at += 1;
            } else if named(word) {
                subject_named = true;
                at += 1;
            } else {
                break;
            }
        }
        let object_at = at + 1 + usize::from(words.get(at + 1) == Some(&"the"));
        if !subject_named || crate::text::lexicon::is_listed_light(words[at]) || !words.get(object_at).is_some_and(|word| named(word)) {
            return None;
        }
        // As the query reads a misspelt verb ("leve": "leave").
        let verb = index.respell_in(query, words[at]).unwrap_or(words[at]);
        let keys: Vec<String> = crate::text::lexicon::verb_forms(verb).into_iter().flat_map(|form| index.known_word_keys(form)).collect();
        (!keys.is_empty()).then_some((at, keys))
    };
    let (verb, event_keys) = (start..words.len()).map(|at| (at, verb_keys(at))).find(|(_, keys)| !keys.is_empty()).or_else(plain_verb)?;
    // A statement's verb comes right after its subject, names and stopwords
    // ("/when *the Soviets* invaded"), not in a clause after a noun
    // ("/when Soviet intervention … that alarmed Yugoslavia").
    let subject_word = |word: &&str| crate::text::lexicon::is_stopword(word, language) || keys_of(word).iter().any(|key| index.is_proper_key(key));
    if start == 0 && !words[..verb].iter().all(subject_word) {
        return None;
    }
    // "Kada je *osnovan* Ruski dom": a passive's name after it is its subject, what "when was X founded" asks.
    if language != Language::En && crate::text::lexicon::is_passive_participle(words[verb], language) {
        return None;
    }
    // The name right after the verb ("invade *the* Soviet Union"), not one in a phrase after it ("meet Stalin *in Moscow*").
    let first = verb + 1 + usize::from(words.get(verb + 1) == Some(&"the"));
    let named = |word: &&&str| keys_of(word).iter().any(|key| index.is_proper_key(key));
    // Or the name a noun right after the verb is of or on ("recognise the
    // independence *of Kosovo*", "declare war *on Russia*", "признала
    // независимость *Косово*"): the deed is done to it.
    let of_a_noun = || -> Option<usize> {
        let noun = words.get(first)?;
        if crate::text::lexicon::is_stopword(noun, language) || crate::text::lexicon::is_listed_light(noun) || named(&noun) || noun.parse::<i32>().is_ok() {
            return None;
        }
        // After a subject of names ("*Russia* recognised"): a Russian noun after a verb with none may be its subject ("ухудшились *отношения*").
        if !words.get(start..verb).unwrap_or_default().iter().any(|word| named(&word)) {
            return None;
        }
        // English writes "of", "on" or "against" (and maybe "the") before the name; Serbian and Russian its genitive.
        let name_at = match language {
            Language::En if matches!(words.get(first + 1), Some(&("of" | "on" | "against"))) => first + 2 + usize::from(words.get(first + 2) == Some(&"the")),
            Language::En => return None,
            _ => first + 1,
        };
        words.get(name_at).is_some_and(|word| named(&word)).then_some(name_at)
    };
    let first = if words.get(first).is_some_and(|word| named(&word)) { first } else { of_a_noun().unwrap_or(first) };
    let names = words.get(first..).unwrap_or_default().iter().take_while(named).count();
    // Not names that modify a noun ("skip the *Cominform* conference"): the noun is the thing.
    if words.get(first + names).is_some_and(|next| !crate::text::lexicon::is_stopword(next, language) && next.parse::<i32>().is_err()) {
        return None;
    }
    let keys: Vec<String> = words[first..first + names].iter().flat_map(|word| keys_of(word)).collect();
    // A state's word before another name is that name's ("основали *русский* дом": the Russian House).
    let last_keys: Vec<String> = words[first..first + names].last().map(|word| keys_of(word)).unwrap_or_default();
    let modifier_keys: Vec<String> = words[first..first + names].iter().rev().skip(1).flat_map(|word| keys_of(word)).filter(|key| !last_keys.contains(key)).collect();
    let modifies = |key: &String| modifier_keys.contains(key);
    // Or a state, though a person's name keys as it too ("Хорват": Croatia).
    let a_thing = |word: usize| (names_a_thing(index, query, word) || index.knows(query, word) && index.is_proper(query, word) && index.is_state_key(&query.keys[word])) && !modifies(&query.keys[word]);
    let object: Vec<usize> = (0..query.keys.len()).filter(|&word| keys.contains(&query.keys[word]) && a_thing(word)).collect();
    let event_keys = event_keys.into_iter().chain(question.event_words.iter().flatten().cloned()).collect();
    (!object.is_empty()).then_some((event_keys, object))
}

/// "When did Yugoslavia *join* the Warsaw Pact": the keys of the forms of
/// the plain verb right after "when did" and the names it is asked of, which
/// the parse does not take for the event ("join" after a country may be
/// anyone's); empty for any other question.
fn verb_after_when_did(engine: &Engine, question: &Question) -> Vec<String> {
    use crate::text::lexicon;
    let index = engine.index();
    let words: Vec<&str> = question.folded.split(' ').collect();
    if question.language != Language::En || words.first() != Some(&"when") || !words.get(1).is_some_and(|w| matches!(*w, "did" | "does" | "do")) {
        return Vec::new();
    }
    let named = |word: &str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    // "When did Ferdinand *become* ruler": a becoming is read as one
    // ([`Question::becoming`]), though "become" is a stopword.
    let becoming = |word: &str| matches!(word, "become" | "became" | "becomes");
    // The word right after the names and the stopwords before them, past
    // an adverb ("when did Tito *openly* break with Stalin").
    let subject = 2 + words[2..].iter().take_while(|word| lexicon::is_stopword(word, Language::En) && !becoming(word)).count();
    let after_names = subject + words[subject..].iter().take_while(|word| named(word)).count();
    let adverb = |word: &&&str| super::question::is_adverb(word) || matches!(**word, "ever" | "really" | "once" | "also" | "still" | "even" | "first" | "finally");
    let verb = (after_names > subject).then(|| after_names + words[after_names..].iter().take_while(adverb).count()).filter(|&at| at < words.len());
    // Nor a verb every question may use ("when did Tito *get* the Order").
    let Some(verb) = verb.map(|at| words[at]).filter(|word| !becoming(word) && !lexicon::is_listed_light(word)) else { return Vec::new() };
    lexicon::verb_forms(verb).into_iter().flat_map(|form| index.known_word_keys(form)).filter(|key| !index.is_proper_key(key)).collect()
}

/// "When did relations deteriorate": the Belgrade Declaration's quote
/// "In 1949 relations … completely deteriorated. From 1953–1955, bilateral
/// relations were restored with the signing of the Belgrade declaration"
/// tells the event, but in a sentence of 1949, while the entry is dated
/// 1955. "When did the USSR recognise Tito's Yugoslavia": "his movement
/// does *not recognize* the Government in exile", "wanted to gain
/// international *recognition*" tell no recognition that happened, and
/// "the Kingdom of Yugoslavia formally recognised the USSR" none by the USSR.
///
/// True when the entry's names do not tell the event the question names,
/// some sentence of its quotes does, and none of those sentences tells it
/// as having happened (not denied, not only wished for, with the doer the
/// question names as its doer) with no year or a year within the entry's
/// date nearest it ("in 1921 … moved … and in 1922 … established" dates
/// the establishing 1922); and when the names tell the event, only when
/// the title tells it the other way round.
fn event_dated_elsewhere(engine: &Engine, question: &Question, entry: usize) -> bool {
    let index = engine.index();
    let Some(found) = engine.entry(entry) else { return false };
    let Some(date) = found.date.as_ref() else { return false };
    // The event's verbs: those the parse found, else the question's own
    // verbs and modifiers (it finds none in a question of two names joined
    // by "and", "between Moscow and Belgrade").
    let query = &question.query;
    let predicates = (0..query.keys.len()).filter(|&word| query.predicates.contains(&query.keys[word]) && index.knows(query, word));
    let plain_verb = if question.event_words.is_empty() { verb_after_when_did(engine, question) } else { Vec::new() };
    let mut events: Vec<&String> = if question.event_words.is_empty() { predicates.map(|word| &query.keys[word]).chain(&plain_verb).collect() } else { question.event_words.iter().flatten().collect() };
    // "Set up": a phrase the synonyms key as one word ("establish").
    let folded: Vec<&str> = question.folded.split(' ').collect();
    let phrases: Vec<String> = (1..folded.len()).filter_map(|at| super::question::synonym_phrase_key(index, &folded, at, question.language)).collect();
    events.extend(&phrases);
    if events.is_empty() {
        return false;
    }
    let told_by = |word: &str| index.known_word_keys(word).iter().any(|key| events.contains(&key));
    // "Did *not attend*": a phrase event is told by its words in a row.
    let phrase_events: Vec<(&str, &str)> = events.iter().filter_map(|event| event.split_once(' ')).collect();
    let phrase_told_at = |words: &[&str], at: usize| {
        at > 0 && phrase_events.iter().any(|(first, last)| index.known_word_keys(words[at]).iter().any(|key| key == last) && index.known_word_keys(words[at - 1]).iter().any(|key| key == first))
    };
    let roles = asked_roles(index, question, &events);
    let reversed = |words: &[&str], at: usize| roles.as_ref().is_some_and(|(doer, done_to)| evidence::reverses_roles(index, words, at, doer, done_to));
    // A title that tells the event dates it, unless it tells it the other
    // way round ("Yugoslavia recognises the USSR").
    if index.name_keys(entry).iter().any(|key| events.contains(&key)) {
        let title: Vec<&str> = super::index::split_words(&found.title).collect();
        return (0..title.len()).any(|at| told_by(title[at]) && reversed(&title, at));
    }
    // No quote holds a word of the event (most entries): no sentence to read.
    let holds_an_event = |keys: &Vec<String>| events.iter().any(|event| super::index::contains_key(keys, event) || event.rsplit_once(' ').is_some_and(|(_, last)| super::index::contains_key(keys, last)));
    if !index.quote_keys(entry).iter().any(holds_an_event) {
        return false;
    }
    // Each sentence's words with whether each tells the event, keyed once.
    let sentences = found.quotes.iter().flat_map(|quote| quote.text.split(". "));
    let with_telling = sentences.map(|sentence| {
        let words: Vec<&str> = super::index::split_words(sentence).collect();
        let phrased: Vec<bool> = (0..words.len()).map(|at| phrase_told_at(&words, at)).collect();
        let tells: Vec<bool> = (0..words.len()).map(|at| phrased[at] || told_by(words[at])).collect();
        let aside = evidence::in_an_undated_aside(sentence);
        (words, tells, phrased, aside)
    });
    let mut telling = with_telling.filter(|(_, tells, _, _)| tells.contains(&true)).peekable();
    if telling.peek().is_none() {
        return false;
    }
    // "When did Tito say he *didn't* recognise…": a denial asked is told by one.
    let asked_unreal = question.folded.split(' ').any(evidence::denies_or_wishes);
    // An occurrence is dated by the nearest year before it in its sentence
    // ("in 1921 … moved … and in 1922 … established"), else the first after
    // it; one in an aside without a year, by none of the sentence's years.
    let dated_here = |words: &[&str], aside: &[bool], at: usize| {
        if aside.get(at).copied().unwrap_or(false) {
            return false;
        }
        // "Russia *used Kosovo's declaration* of independence": a deed named as
        // a name's, the object of another verb, is only referred to; the
        // sentence's year dates the other verb, and only a year right after
        // the deed ("Kosovo's declaration *of 2008*") dates it.
        if referred_to(words, at) {
            return words.iter().skip(at + 1).take(REFERRED_YEAR_REACH).find_map(|word| super::index::year_of(word)).is_some_and(|year| date.covers_year(year));
        }
        let year = words[..at].iter().rev().find_map(|word| super::index::year_of(word)).or_else(|| words[at..].iter().find_map(|word| super::index::year_of(word)));
        year.is_none_or(|year| date.covers_year(year))
    };
    // A phrase that holds its own denial ("did *not attend*") is the event, not a denial of it.
    !telling.any(|(words, tells, phrased, aside)| (0..words.len()).any(|at| tells[at] && (asked_unreal || phrased[at] || !evidence::unreal_at(&words, at)) && !reversed(&words, at) && dated_here(&words, &aside, at)))
}

/// Whether a verb of a Serbian or Russian question is told by the entry's
/// quotes only as denied or wished for: "когда Сербия *вступила* в НАТО"
/// (joined) is not dated by "neither adhering to NATO, nor *joining* the
/// Warsaw Pact". English reads its verbs as event words, which must be
/// told as having happened; these languages' event words leave most
/// verbs out, so their light words (the verbs, by their endings) are
/// read here. Not when the question itself denies ("kada Tito *nije*
/// otišao").
fn told_only_as_unreal(engine: &Engine, question: &Question, entry: usize) -> bool {
    if !matches!(question.language, Language::Sr | Language::Ru) || question.folded.split(' ').any(|word| INFLECTED_NEGATIONS.contains(&word)) {
        return false;
    }
    let index = engine.index();
    let query = &question.query;
    let Some(found) = engine.entry(entry) else { return false };
    let quote_keys = index.quote_keys(entry);
    // The keys of the question's past verbs, as typed too (the synonyms know "вступила", not "vstupila").
    let verbs: Vec<String> = question
        .folded
        .split(' ')
        .filter(|word| crate::text::lexicon::is_active_past(word, question.language))
        .flat_map(|word| index.tokens(super::question::as_typed(&question.text, word), question.language).into_iter().chain(index.tokens(word, question.language)))
        .map(|token| token.key)
        .filter(|key| query.keys.contains(key) && !index.is_proper_key(key))
        .collect();
    verbs.iter().any(|key| {
        let holding = found.quotes.iter().enumerate().filter(|(q, _)| quote_keys.get(*q).is_some_and(|keys| super::index::contains_key(keys, key)));
        let sentences = holding.flat_map(|(_, quote)| quote.text.split(". "));
        every_telling(index, sentences, std::slice::from_ref(key), evidence::unreal_at)
    })
}

/// Whether the word at `at` of a sentence's words is a deed named as a
/// name's right after another verb ("used *Kosovo's* declaration"): the
/// words split at the apostrophe, so a capitalised name, "s", then the
/// deed, after a past verb.
fn referred_to(words: &[&str], at: usize) -> bool {
    let verb = |word: &str| {
        let lower = word.to_lowercase();
        lower.ends_with("ed") || crate::text::lexicon::is_irregular_verb_form(&lower)
    };
    at >= 3 && words[at - 1] == "s" && words[at - 2].starts_with(char::is_uppercase) && verb(words[at - 3])
}

/// How many words after a deed named as a name's a year may date it ([`referred_to`]).
const REFERRED_YEAR_REACH: usize = 4;

/// "When did *the Soviet Union* invade Yugoslavia", "when did *Yugoslavia*
/// invade Czechoslovakia": the names between "did" and the event's verb
/// are its doer. An entry whose title, other names and quotes name a doer
/// of the event ("the *Warsaw Pact* invasion of Czechoslovakia", "the
/// *NATO* bombing", "invaded *by* the Axis"), none of them the one asked,
/// tells another's deed, whatever else it says of the names ("Yugoslavia
/// strongly condemned the invasion"). Asked in English, Serbian or Russian
/// ([`deed_and_doer`]); read in English texts only.
fn done_by_another_doer(engine: &Engine, question: &Question, entry: usize) -> bool {
    let read = read_once(&question.deed_and_doer_read, question.asks, || deed_and_doer(engine, question));
    let Some((verb_keys, subject)) = read.as_ref() else { return false };
    let index = engine.index();
    let is_event = |keys: &[String]| keys.iter().any(|key| verb_keys.contains(key));
    let Some(found) = engine.entry(entry) else { return false };
    // A quote whose keys hold no word of the deed cannot name its doer; most are passed over unread.
    let quote_keys = index.quote_keys(entry);
    let telling = |q: usize| quote_keys.get(q).is_some_and(|keys| verb_keys.iter().any(|key| super::index::contains_key(keys, key)));
    let quotes = found.quotes.iter().enumerate().filter(|(q, _)| telling(*q)).map(|(_, quote)| quote.text.as_str());
    let texts = std::iter::once(found.title.as_str()).chain(found.aliases.iter().map(String::as_str)).chain(quotes);
    let english = |text: &&str| crate::text::lang::detect(text) == Language::En;
    let mut doers = texts.filter(english).flat_map(|text| {
        let keyed = evidence::words_with_keys(index, text);
        (0..keyed.len()).filter(|&at| is_event(&keyed[at].1)).filter_map(|at| named_doer(&keyed, at)).collect::<Vec<Vec<String>>>()
    });
    let mut another = false;
    for doer in doers.by_ref() {
        if doer.iter().any(|key| subject.contains(key)) {
            return false;
        }
        another = true;
    }
    another
}

/// For [`done_by_another_doer`]: the keys of the deed a "when" question
/// asks the date of and of its doer, with what the doer's names may stand
/// for ("Moscow": the Soviet government). The verb is the first word after
/// the doer's names and stopwords ("when did *the Soviet Union* invade",
/// "kada je *Jugoslavija* napala", "когда *Югославия* вторглась"), not a
/// light one ("get"); in English it has a name right after it, its object
/// ("bomb *Yugoslavia*"; not a noun of the subject: "the Soviet *mission*
/// arrive"), and in Serbian and Russian it is an active past.
fn deed_and_doer(engine: &Engine, question: &Question) -> Option<(Vec<String>, Vec<String>)> {
    let index = engine.index();
    let language = question.language;
    let words: Vec<&str> = question.folded.split(' ').collect();
    let start = after_when_opener(language, &words)?;
    // A word's keys as its language keys it (a Russian one as typed too: the synonyms know "вторглась").
    let keys_of = |word: &str| -> Vec<String> {
        match language {
            Language::En => index.known_word_keys(word),
            _ => index.tokens(super::question::as_typed(&question.text, word), language).into_iter().chain(index.tokens(word, language)).map(|t| t.key).collect(),
        }
    };
    let named = |word: &str| keys_of(word).iter().any(|key| index.is_proper_key(key));
    let verb = (start..words.len()).find(|&at| !crate::text::lexicon::is_stopword(words[at], language) && !named(words[at]))?;
    let object_at = verb + 1 + usize::from(words.get(verb + 1) == Some(&"the"));
    let verb_reads = match language {
        Language::En => !crate::text::lexicon::is_listed_light(words[verb]) && words.get(object_at).is_some_and(|word| named(word)),
        _ => crate::text::lexicon::is_active_past(words[verb], language),
    };
    if !verb_reads {
        return None;
    }
    let forms: Vec<String> = match language {
        Language::En => crate::text::lexicon::verb_forms(words[verb]).into_iter().flat_map(|form| index.known_word_keys(form)).collect(),
        _ => keys_of(words[verb]),
    };
    let verb_keys: Vec<String> = forms.into_iter().chain(question.event_words.iter().flatten().cloned()).collect();
    let named_keys: Vec<String> = words[start..verb].iter().flat_map(|word| keys_of(word)).filter(|key| index.is_proper_key(key)).collect();
    let subject: Vec<String> = named_keys.iter().flat_map(|key| std::iter::once(key.clone()).chain(index.keyer().stands_for(key).iter().flatten().cloned())).collect();
    (!subject.is_empty() && !verb_keys.is_empty()).then_some((verb_keys, subject))
}

/// The keys of the doer a text names for the deed at `at`: the capitalised
/// words right before it, when it is a noun ("the *Warsaw Pact* invasion",
/// "*NATO's* bombing"), or those after a "by" right after it ("invaded *by*
/// the Axis"); `None` when it names none there.
fn named_doer(keyed: &[(&str, Vec<String>)], at: usize) -> Option<Vec<String>> {
    // A deed named as a noun ("invasion", "bombing") has its doer before it;
    // a verb's subject may stand for its ruler or its state, and is not read.
    let noun = ["ion", "ing", "ment"].iter().any(|ending| keyed[at].0.to_lowercase().ends_with(ending));
    // A capitalised word of the base's, a name's or a title's ("Warsaw *Pact*"); a stopword keys to nothing.
    let capitalised = |i: usize| keyed.get(i).is_some_and(|(word, keys)| word.starts_with(char::is_uppercase) && !keys.is_empty());
    // Past a possessive's "s" ("NATO*'s* bombing").
    let mut end = at;
    if end >= 2 && keyed[end - 1].0 == "s" {
        end -= 1;
    }
    let start = (0..end).rev().take_while(|&i| capitalised(i)).last().filter(|_| noun);
    if let Some(start) = start {
        return Some((start..end).flat_map(|i| keyed[i].1.clone()).collect());
    }
    let by = (at + 1..(at + 3).min(keyed.len())).find(|&i| keyed[i].0 == "by")?;
    let first = by + 1 + usize::from(keyed.get(by + 1).is_some_and(|(word, _)| *word == "the"));
    let length = (first..keyed.len()).take_while(|&i| capitalised(i)).count();
    (length > 0).then(|| (first..first + length).flat_map(|i| keyed[i].1.clone()).collect())
}

/// Serbian and Russian words of denial, folded (Russian as transliterated).
const INFLECTED_NEGATIONS: &[&str] = &["ne", "nije", "nisu", "nisam", "nismo", "nikad", "nikada", "ni", "nikogda", "net"];

/// Words that end the object of a question's verb ("recognise Yugoslavia
/// *in* 1945").
const OBJECT_ENDS: &[&str] = &["in", "on", "at", "after", "before", "during", "for", "when", "and", "to", "from", "with", "by"];

/// The keys of the names before and after the question's event verb:
/// who did it and to whom ("when did *the USSR* recognise *Tito's
/// Yugoslavia*"). None unless both sides name something.
fn asked_roles(index: &Index, question: &Question, events: &[&String]) -> Option<(Vec<String>, Vec<String>)> {
    let words: Vec<&str> = question.folded.split(' ').collect();
    // "When did the USSR recognise…", or a command's "the USSR recognised…".
    let start = words.iter().position(|w| matches!(*w, "did" | "does" | "do")).map_or(0, |did| did + 1);
    let verb = (start..words.len()).find(|&at| index.known_word_keys(words[at]).iter().any(|key| events.contains(&key)))?;
    let end = (verb + 1..words.len()).find(|&at| OBJECT_ENDS.contains(&words[at])).unwrap_or(words.len());
    let names = |side: &[&str]| -> Vec<String> { side.iter().flat_map(|word| index.known_word_keys(word)).filter(|key| index.is_proper_key(key)).collect() };
    let (doer, done_to) = (names(&words[start..verb]), names(&words[verb + 1..end]));
    (!doer.is_empty() && !done_to.is_empty()).then_some((doer, done_to))
}

/// Whether an entry is the event a start-or-end question is about: the
/// question's rarest word (that the base knows and is not light) is in one
/// of its names or its people ("when did the Russian civil war end" is
/// about the Russian Civil War; "when did the NATO bombing of Yugoslavia
/// end" is not about the Kosovo War, whose dates are not the bombing's).
/// Or the word is in the sentence that states the start or end asked: "when
/// did the war end *in victory*" — "the war eventually ended with Serbian
/// *victory* in 1878".
fn names_the_event(engine: &Engine, question: &Question, entry: usize) -> bool {
    let index = engine.index();
    let query = &question.query;
    let rarest = (0..query.keys.len())
        .filter(|&word| index.knows(query, word) && !query.light.get(word).copied().unwrap_or(false))
        .max_by(|&a, &b| index.weight(query, a).total_cmp(&index.weight(query, b)));
    let Some(word) = rarest else { return true };
    if index.in_names_or_people(entry, query, word) {
        return true;
    }
    let Some(found) = engine.entry(entry) else { return false };
    let states_boundary = |text: &str| match (question.asks_start, question.asks_end) {
        (true, false) => evidence::states_start(found, text),
        (false, true) => evidence::states_end(found, text),
        _ => evidence::states_start(found, text) || evidence::states_end(found, text),
    };
    let keys = index.quote_keys(entry);
    found.quotes.iter().zip(keys).any(|(quote, keys)| states_boundary(&quote.text) && index.word_in(query, word, keys))
}

/// Whether the question asks what a person it names did ("why did
/// Karađorđe refuse the protectorate"), not who they were: the best entry
/// is that person and cannot state the answer.
fn deed_of_person(engine: &Engine, question: &Question, entry: usize) -> bool {
    engine.entry(entry).is_some_and(|e| e.kind == Kind::Person) && engine.index().name_hit(entry, &question.query.keys) && !can_state(engine, question, entry)
}

/// Whether an entry may tell what happened in the question: not when a
/// word that says it is one the sources never use and the entry's
/// evidence holds none of the words it may stand for ("where is Wrangel
/// *buried*" is not told by his army's defeat).
fn tells_the_event(engine: &Engine, question: &Question, entry: usize) -> bool {
    if question.event_words.is_empty() {
        return true;
    }
    let index = engine.index();
    let shown = shown_quotes(engine, question, entry);
    // Each event word's own key first, then its other forms and what it may stand for.
    let untold = |forms: &Vec<String>| forms.first().is_some_and(|own| !index.has_key(own)) && !forms.iter().any(|key| evidence_holds_key(engine, entry, key, &shown));
    !question.event_words.iter().any(untold)
}

/// Whether `other`'s evidence (names, people, quotes) holds the person
/// `person`'s own name; `other` is an event or treaty, or, when the
/// question asks who, another person.
fn involves_person(engine: &Engine, question: &Question, person: usize, other: usize) -> bool {
    if engine.entry(other).is_none_or(|e| e.kind == Kind::Person && question.asks != Asks::Who) {
        return false;
    }
    let index = engine.index();
    let query = &question.query;
    let all_quotes: Vec<usize> = (0..index.quote_keys(other).len()).collect();
    (0..query.keys.len()).filter(|&word| index.in_name(person, query, word) && index.is_proper(query, word)).any(|word| evidence_holds(engine, question, other, word, &all_quotes))
}

/// Whether an entry's date lies where the question puts what it asks:
/// "after 1927" is not answered by a period that ended in 1927 or before
/// (a thing of 1927 itself may be: "after 2022" often means "since"), and
/// "before 1927" not by one that began in 1927 or after it.
fn in_the_time_asked(question: &Question, entry: &Entry) -> bool {
    let Some(date) = &entry.date else { return true };
    let ranged = matches!(date.end, Some(crate::facts::date::End::Closed(_)));
    let after_ok = question.after_year.is_none_or(|year| date.last_year() > year || !ranged && date.last_year() == year);
    let before_ok = question.before_year.is_none_or(|year| date.first_year() < year);
    // "After the split" (1948): not something that ended before it began.
    let after_event_ok = question.after_event_year.is_none_or(|year| date.last_year() >= year);
    // "During the split" (1948): something of that time.
    let during_ok = question.during_event_years.is_none_or(|(first, last)| date.first_year() <= last && date.last_year() >= first);
    after_ok && before_ok && after_event_ok && during_ok
}

/// Superlatives a question may ask for ("the very *last* country to…").
const SUPERLATIVES: &[&str] = &["first", "last", "earliest", "latest", "biggest", "largest", "greatest"];

/// Whether the question asks for a superlative that the entry's sources
/// only hedge: "which was the last country to recognise the USSR" is not
/// answered by "one of the last European countries", nor "the first to"
/// (or a yes-or-no "was it *his last*") by a sentence that never says
/// the word.
fn hedged_superlative(question: &Question, entry: &Entry) -> bool {
    let words: Vec<&str> = question.folded.split(' ').collect();
    let texts: Vec<&str> = entry.quotes.iter().map(|q| q.folded.as_str()).collect();
    words.iter().enumerate().filter(|(_, w)| SUPERLATIVES.contains(w)).any(|(at, word)| {
        let hedged = format!("one of the {word}");
        let plain = texts.iter().any(|t| t.split(' ').any(|w| w == *word) && !t.contains(&hedged));
        // "the first *to* recognise the USSR" claims a rank that only a sentence saying "first" gives.
        let before = at.checked_sub(1).and_then(|i| words.get(i)).copied().unwrap_or("");
        let claimed = before == "the" && words.get(at + 1) == Some(&"to")
            // "Was the 2019 visit *his last* one": a yes-or-no question
            // asks whether it ranks so, which a list of visits does not say.
            || question.asks_whether && matches!(before, "the" | "his" | "her" | "its" | "their");
        (claimed || texts.iter().any(|t| t.contains(&hedged))) && !plain
    })
}

/// A date answers "when" only when it is a date: not a span of decades
/// ("between 1813 and 1856"), and a day, a month or a year (not a decade
/// or a century) when the question asks for one.
pub(crate) fn precise_enough(question: &Question, entry: &Entry) -> bool {
    let Some(date) = &entry.date else { return true };
    // "After 1813 and before 1828": the source gives no time of its own.
    if date.bounds_only {
        return false;
    }
    let points = date.points();
    // "Until when did trade grow": the end of "1960s–1985" is a date, whatever the span.
    let span_ok = match points.as_slice() {
        [start, end] => question.asks_end || question.asks_start || question.asks_span || end.year.saturating_sub(start.year) <= MAX_SPAN,
        _ => true,
    };
    use crate::facts::date::Precision;
    let day_ok = !question.wants_day || date.points().iter().all(|p| p.precision == Precision::Day);
    let month_ok = !question.wants_month || date.points().iter().all(|p| matches!(p.precision, Precision::Month | Precision::Day));
    // "Until what year": only the end asked must be a year ("1960s–1985").
    let asked_points = match points.as_slice() {
        [_, end] if question.asks_end => std::slice::from_ref(end),
        [start, _] if question.asks_start => std::slice::from_ref(start),
        all => all,
    };
    let year_ok = !question.wants_year || asked_points.iter().all(|p| !matches!(p.precision, Precision::Century | Precision::Decade));
    span_ok && day_ok && month_ok && year_ok && !question.wants_time
}

/// For a question that asks for a year: the first candidate, in the order
/// the capable one is sought, that would state the date but for its
/// precision, a decade or a century ("in what year did Serbs first find
/// refuge in Russia": the 14th century). The sources don't give the year
/// of it, and a later entry that states one is another event. (A day or
/// a month asked may still be given by a later entry of the same kind:
/// "on what date did the Cominform adopt the resolution".) `None` when a
/// candidate states the year first, or the question asks for none.
fn dated_too_coarsely(engine: &Engine, question: &Question, candidates: &[Candidate], best: Candidate, share: f32) -> Option<usize> {
    if !question.wants_year {
        return None;
    }
    let loose = Question { wants_year: false, ..question.clone() };
    for candidate in candidates.iter().take_while(|c| c.entry == best.entry || c.score >= best.score * share) {
        if can_state(engine, question, candidate.entry) {
            return None;
        }
        if can_state(engine, &loose, candidate.entry) {
            return Some(candidate.entry);
        }
    }
    None
}

/// The person of event `entry` whom the question names, when `entry` is
/// not a person itself.
fn person_of_the_event(engine: &Engine, question: &Question, entry: usize) -> Option<usize> {
    let found = engine.entry(entry).filter(|found| found.kind != Kind::Person)?;
    let query = &question.query;
    found.people.iter().filter_map(|id| engine.base().index_of(id)).find(|&person| (0..query.keys.len()).any(|word| engine.index().in_name(person, query, word)))
}

/// The person a birth or death question is about, when the best candidate
/// is an event that merely names them ("how old was Pašić in 1914": the
/// sources don't say when *Pašić* was born, not when the crisis was).
fn person_asked_about(engine: &Engine, question: &Question, candidates: &[Candidate]) -> Option<usize> {
    if !matches!(question.attribute.unwrap_or(question.asks), Asks::Born | Asks::Died) {
        return None;
    }
    let query = &question.query;
    // The person named first: "how old was *Tito* when he split with Stalin".
    let first_named = |c: &Candidate| (0..query.keys.len()).find(|&word| engine.index().in_name(c.entry, query, word));
    candidates
        .iter()
        .filter(|c| c.score >= SUGGEST && c.name_hit && engine.entry(c.entry).is_some_and(|e| e.kind == Kind::Person))
        .filter_map(|c| Some((first_named(c)?, c.entry)))
        .min()
        .map(|(_, entry)| entry)
}

fn not_stated(engine: &Engine, question: &Question, entry: usize) -> Decision {
    // "Сколько лет было Тито в 1948": an age or a death is a person's, the
    // one the question names among the people of the event its year found.
    let entry = if matches!(question.attribute, Some(Asks::Born | Asks::Died)) { person_of_the_event(engine, question, entry).unwrap_or(entry) } else { entry };
    let asks = match (question.attribute, engine.entry(entry).map(|e| e.kind)) {
        // "How did Karađorđe die" asks how, not when.
        (Some(attribute), Some(Kind::Person)) if question.asks != Asks::How => attribute,
        _ => question.asks,
    };
    Decision::NotStated { entry, asks }
}
