//! [`Engine`]: one loaded fact base with its index and intent rules, turning
//! typed lines, clicked commands and free text into [`Answer`]s.

use std::sync::Arc;

use super::answer::{Answer, Outcome};
use super::cmd;
use super::commands::{self, ArgKind};
use super::decide::{self, Decision};
use super::evidence::Focus;
use super::index::{Index, Resolution};
use super::intents::Intents;
use super::parse::{parse_line, Invocation, Line};
use super::question::Question;
use crate::facts::{Entry, FactBase, Kind};
use crate::text::echo::echo;
use crate::text::lexicon::Asks;
use crate::text::Language;

/// At most this many "and"s are tried as the seam of a two-fact question.
const MAX_TWO_THING_CUTS: usize = 4;

/// How many of the left half's best entries a start-and-end question may
/// choose among ([`Engine::start_and_end`]).
const START_AND_END_CONTENDERS: usize = 3;

/// How much of one of an entry's names a half of a two-thing question
/// must say for its own answer to stand beside the whole's.
const HALF_NAMED: f32 = 0.5;

/// What `--explain` prints: each stage's result.
#[derive(Debug, serde::Serialize)]
pub struct Explanation {
    pub question: Question,
    /// (entry id, score, whether a name of it appears whole).
    pub candidates: Vec<(String, f32, bool)>,
    pub decision: Decision,
    /// The abstention and answer-type checks of the two best candidates.
    pub checks: Vec<decide::EntryCheck>,
}

/// An autocomplete choice: what the user sees, and the value sent back.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Choice {
    /// At most 100 characters.
    pub name: String,
    /// The entry id.
    pub value: String,
}

/// The longest free-text question histbot reads, in characters: a question
/// is a sentence or two, and every step's work grows with its length.
pub const MAX_QUESTION_CHARS: usize = 500;

/// How many entries a "during" clause may name together and still date
/// the question ([`Engine::years_of_event`]): "the war" names too many.
const DURING_ENTRIES: usize = 3;

/// The asking core over one fact base. Immutable; share it behind an `Arc`
/// and swap in a new one on reload.
#[derive(Debug)]
pub struct Engine {
    base: Arc<FactBase>,
    index: Index,
    intents: Intents,
    /// Each entry's quotes chosen to date it ([`cmd::dated_choices`]).
    dated: Vec<Box<[u32]>>,
}

impl Engine {
    /// An engine with the synonyms shipped in `config/synonyms.toml`.
    pub fn new(base: Arc<FactBase>, intents: Intents) -> Engine {
        Engine::with_keyer(base, intents, super::synonyms::builtin())
    }

    /// An engine whose text keys use these synonyms (a loaded `synonyms.toml`).
    pub fn with_keyer(base: Arc<FactBase>, intents: Intents, keyer: crate::text::Keyer) -> Engine {
        let index = Index::build(&base, keyer);
        let mut engine = Engine { base, index, intents, dated: Vec::new() };
        engine.dated = cmd::dated_choices(&engine);
        engine
    }

    /// The positions of `entry`'s quotes that date it ([`cmd::dated_choices`]),
    /// when `entry` is this engine's base's own.
    pub(crate) fn dated_choice(&self, entry: &Entry) -> Option<&[u32]> {
        let doc = self.base.index_of(&entry.id).filter(|&doc| self.base.entries().get(doc).is_some_and(|e| std::ptr::eq(e, entry)))?;
        self.dated.get(doc).map(|positions| &positions[..])
    }

    pub fn base(&self) -> &FactBase {
        &self.base
    }

    pub fn intents(&self) -> &Intents {
        &self.intents
    }

    /// Answer a typed line: `/command args` or free text.
    pub fn ask(&self, text: &str, locale: &str) -> Answer {
        self.ask_with_prefixes(text, &['/'], locale)
    }

    /// Answer a typed line whose commands start with one of `prefixes`.
    pub fn ask_with_prefixes(&self, text: &str, prefixes: &[char], locale: &str) -> Answer {
        let locale = locale_for(text, locale);
        let locale = locale.as_str();
        match parse_line(text, prefixes) {
            Line::Empty => cmd::help::run(self, None),
            Line::Command(invocation) => self.invoke(&invocation, locale),
            Line::UnknownCommand(name) => unknown_command(&name),
            Line::FreeText(text) => self.free_text(&text, locale),
        }
    }

    /// Run a command with its arguments (from a typed line or a front end's options).
    pub fn invoke(&self, invocation: &Invocation, locale: &str) -> Answer {
        let locale = if locale.trim().is_empty() { "en" } else { locale };
        match invocation.command.as_str() {
            "when" => cmd::when::run(self, invocation, locale),
            "who" => cmd::who::run(self, invocation, locale),
            "treaty" => cmd::treaty::run(self, invocation, locale),
            "year" => cmd::year::run(self, invocation, locale),
            "timeline" => cmd::timeline::run(self, invocation, locale),
            "compare" => cmd::compare::run(self, invocation, locale),
            "period" => cmd::period::run(self, invocation, locale),
            "source" => cmd::source::run(self, invocation, locale),
            "ask" => self.free_text(&invocation.all_text(), locale),
            "help" => cmd::help::run(self, invocation.get("command").or(Some(invocation.rest.as_str()))),
            "quiz" => Answer::new("quiz", Outcome::Error, "Quiz rounds are played in a chat, not here.")
                .text("Start one with `/quiz cold-war 5` on Discord or in `histbot console`, or `!quiz cold-war 5` in a Matrix room; `/help quiz` explains the command."),
            "report" | "reload" | "facts" => Answer::new(&invocation.command, Outcome::Error, "This command needs the bot service")
                .text("Moderation commands and reports are handled by a running bot (`histbot console` or `histbot run`)."),
            other => unknown_command(other),
        }
    }

    /// Answer a free-text question: a structural intent rule (compare,
    /// timeline, year, source, help) first; otherwise the pipeline — parse
    /// the question ([`Question`]), decide ([`decide`]) over the candidates
    /// and their evidence, and compose the answer around the quote that
    /// states it ([`super::evidence`]).
    pub fn free_text(&self, text: &str, locale: &str) -> Answer {
        let text = text.trim();
        if text.is_empty() {
            return cmd::help::run(self, None);
        }
        let length = text.chars().count();
        if length > MAX_QUESTION_CHARS {
            return Answer::new("ask", Outcome::Error, format!("That question is {length} characters long; histbot reads questions of up to {MAX_QUESTION_CHARS}."))
                .text("Ask it in fewer words, one question at a time.");
        }
        // "In which economic war did Russia support Serbia vs Austria", "what
        // years did the Kingdom of Yugoslavia exist compared to the SFRY": a
        // question and a name alone are not two entries to set side by side;
        // the question is asked (and split, at "compared to", in two). So is
        // a question whose first half opens with a question word and whose
        // second does not ("how much Soviet vs British aid the Partisans
        // got"): one question, asked of both things.
        let against = |invocation: &Invocation| {
            invocation.command == "compare"
                && matches!((invocation.get("a"), invocation.get("b")), (Some(a), Some(b)) if against_after_a_question(a, b, crate::text::lang::detect(a)) || one_question_of_both(a, b))
        };
        if let Some(invocation) = self.intents.route(text).filter(|invocation| !against(invocation)) {
            let answer = self.invoke(&invocation, locale);
            if answer.outcome != Outcome::NotFound || invocation.command == "year" {
                return answer;
            }
        }
        let question = self.question(text);
        if question.query.keys.is_empty() {
            match question.query.years.as_slice() {
                [year] => return cmd::year::run(self, &Invocation::new("year").arg("year", year.to_string()), locale),
                [a, b] => return cmd::compare::run(self, &Invocation::new("compare").arg("a", a.to_string()).arg("b", b.to_string()), locale),
                _ => {}
            }
        }
        let decision = decide::decide(self, &question, question.preferred_kinds());
        if let Some(answer) = self.two_things(&question, &decision, locale) {
            return answer;
        }
        match decision {
            Decision::Answer { entry } => self.compose(entry, &question, locale),
            other => self.decline("ask", &question, &other),
        }
    }

    /// Parse a question (stage 1). A command's argument longer than
    /// [`MAX_QUESTION_CHARS`] is read by its beginning, so that no input,
    /// whatever its size, costs more than a question of that length.
    pub fn question(&self, text: &str) -> Question {
        let text = match text.char_indices().nth(MAX_QUESTION_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let mut question = Question::parse(&self.index, text);
        if question.after_year.is_none() {
            question.after_event_year = question.after_event.as_deref().and_then(|event| self.year_of_event(event));
        }
        if question.query.years.is_empty() {
            question.during_event_years = question.during_event.as_deref().and_then(|event| self.years_of_event(event));
        }
        question
    }

    /// The first and last years of the events the text names ("the split":
    /// the Tito–Stalin split and the period after it, 1948–…), for a
    /// question asked of their time: the entries whose names hold every
    /// word of it, at most [`DURING_ENTRIES`], each dated; their years together.
    fn years_of_event(&self, text: &str) -> Option<(i32, i32)> {
        let clause = self.question(text);
        let keys = &clause.query.keys;
        if keys.is_empty() {
            return None;
        }
        let named: Vec<&Entry> = (0..self.base.entries().len())
            .filter(|&doc| keys.iter().all(|key| self.index.name_keys_iter(doc).any(|name| name == key)))
            .filter_map(|doc| self.entry(doc))
            .collect();
        if named.is_empty() || named.len() > DURING_ENTRIES || named.iter().any(|entry| entry.kind == Kind::Person) {
            return None;
        }
        let dates: Vec<&crate::facts::date::HistDate> = named.iter().map(|entry| entry.date.as_ref()).collect::<Option<_>>()?;
        let first = dates.iter().map(|date| date.first_year()).min()?;
        let last = dates.iter().map(|date| date.last_year()).max()?;
        Some((first, last))
    }

    /// The year an event, treaty or period the text names outright began
    /// ("the split with Stalin": the Tito–Stalin split, 1948), for a
    /// question that asks what came after it. At least two words, all in
    /// the entry's names: "the split" or "the war" alone may be any.
    fn year_of_event(&self, text: &str) -> Option<i32> {
        let clause = self.question(text);
        let Resolution::Found(entry) = self.resolve_question(&clause, Some(&[Kind::Event, Kind::Treaty, Kind::Period])) else { return None };
        let keys = &clause.query.keys;
        let named = keys.len() >= 2 && keys.iter().all(|key| self.index.name_keys_iter(entry).any(|name| name == key));
        named.then(|| self.entry(entry)?.date.as_ref().map(|date| date.first_year())).flatten()
    }

    /// Whether a half of a two-thing question names nothing but "it" or
    /// "they" ("where was it first based"), "both", "these" or "those"
    /// ("where were both wars settled"): that is the other half's thing.
    fn leans_on_the_other(&self, half_question: &Question) -> bool {
        let names_something = (0..half_question.query.keys.len()).any(|word| self.index.is_proper(&half_question.query, word));
        !names_something && half_question.text.split_whitespace().any(|word| matches!(word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(), "it" | "they" | "both" | "these" | "those"))
    }

    /// "When were X and Y signed?": when the question splits at an "and"
    /// into two halves that each clearly name a different entry, answer both.
    fn two_things(&self, question: &Question, whole: &Decision, locale: &str) -> Option<Answer> {
        // Most questions hold no separator at all: nothing to split, and
        // nothing to read for a tail or a heading.
        let whole_lower = question.text.to_lowercase();
        if !separators(question.language).any(|sep| whole_lower.contains(sep)) {
            return None;
        }
        // "X and Y, when was each signed": the question after the comma is asked of each half.
        let (text, tail) = each_tail(question.text.as_str());
        // "Yeltsin vs Putin: what did Yeltsin call … and what did Putin call …": a heading the halves repeat.
        let text = without_repeated_heading(text);
        let lower = text.to_lowercase();
        // A separator is searched for only when its first word is typed (a
        // string search costs more to set up than to run); Arabic "و" is
        // written joined to the word after it.
        let typed: Vec<&str> = lower.split_whitespace().collect();
        let may_hold = |sep: &str| question.language == Language::Ar || sep.split_whitespace().next().is_some_and(|first| typed.contains(&first));
        let mut cuts: Vec<(usize, usize)> = separators(question.language).filter(|sep| may_hold(sep)).flat_map(|sep| lower.match_indices(sep).map(|(at, m)| (at, m.len())).collect::<Vec<_>>()).collect();
        // Each cut costs two decisions: a text with many "and"s is a list, not two questions.
        if cuts.len() > MAX_TWO_THING_CUTS {
            return None;
        }
        // "When did Russia and Serbia set up ties, *and who* was the first
        // consul": a cut that opens a question of its own is tried first.
        if cuts.len() > 1 {
            cuts.sort_by_key(|&(at, length)| !opens_a_question(lower.get(at + length..).unwrap_or_default(), question.language));
        }
        for (at, length) in cuts {
            let (left, right) = (text.get(..at)?, text.get(at + length..)?);
            // "difference between X and Y" asks about X and about Y.
            let left = without_comparison_lead(left);
            // "Did Russia support Serbia *vs Austria*": after a question, "vs"
            // and a name alone say whom it was against, not a second thing.
            if matches!(lower.get(at..at + length), Some(" vs " | " vs. " | " versus ")) && against_after_a_question(left, right, question.language) {
                continue;
            }
            // "between Yugoslavia and the USSR" joins two parties of one thing.
            if left.len() == at && lower.get(..at).is_some_and(|before| before.split_whitespace().rev().take(3).any(|w| matches!(w, "between" | "izmedju" | "između" | "између" | "между" | "بين"))) {
                continue;
            }
            // "New Serbia and Slavo-Serbia in 1764": an "and" the answer's own title has joins one name.
            if self.and_in_title(whole, &lower, at, length, question.language) {
                continue;
            }
            // "the soviet and the british missions": the left half borrows the right's noun.
            let left = self.distribute(left, right).unwrap_or_else(|| left.to_string());
            // "The two Cominform resolutions, 1948 *and 1949*": a year alone is the left half's thing of that year;
            // "when did Tadić visit Moscow and when did Nikolić": the right half borrows the left's predicate.
            // "…in 1971 and what award did Tito get *the next year*": 1972.
            let right = year_stand_in(&left, right).or_else(|| relative_year_stand_in(right, || self.question(&left).query.years)).or_else(|| self.borrow_predicate(right, &left)).unwrap_or_else(|| right.to_string());
            // "the first resolution … and the second one": "one" is the left half's thing.
            let right = self.stand_in_for_one(&left, &right).unwrap_or(right);
            // "When was the Russian House founded and how many learn in *its* courses": the left half's thing.
            let right_as_typed = right.clone();
            let right = self.stand_in_for_pronoun(&left, &right).unwrap_or(right);
            let (left, right, right_as_typed) = match tail {
                Some(tail) => (asked_of(tail, &left), asked_of(tail, &right), asked_of(tail, &right_as_typed)),
                None => (left, right, right_as_typed),
            };
            // "What year did … and when did …": each half asks its own question.
            let both_ask = [left.as_str(), right.as_str()].iter().all(|half| self.asks_something(half));
            // Each half as asked, parsed once: the halves ask what the whole does unless
            // each has its own question word; a start and an end ask their own.
            let mut parsed = [self.question(&left), self.question(&right)];
            let mut half_questions: Vec<Question> = parsed
                .iter()
                .map(|own| {
                    let mut half_question = own.clone();
                    // "When did Serbia declare independence and which treaty recognised it": each asks its own.
                    if !both_ask {
                        half_question.asks = question.asks;
                        half_question.attribute = question.attribute;
                    }
                    half_question
                })
                .collect();
            // A half that asks its own question without the whole's
            // attribute prefers the kinds its own question does ("who
            // invited …": not only people, though the other half asks when
            // someone died); so does one without the whole's kind word
            // ("what year did relations break down": not only treaties,
            // though the other half asks what *declaration* restored them).
            let kinds_for = |half: &Question| if both_ask && (half.attribute != question.attribute || half.kind != question.kind) { half.preferred_kinds() } else { question.preferred_kinds() };
            let mut decisions: Vec<Decision> = half_questions.iter().map(|half| decide::decide(self, half, kinds_for(half))).collect();
            // Each half must name its entry outright, or date it by a
            // year, or pick one of the entries the whole question was torn between,
            // or, when both halves ask their own question, be answered as a
            // question of its own (its decision passed the whole question's
            // checks) where the whole found no answer, or by its best entry.
            // Whether the whole question was answered with `entry`.
            let whole_answered = |entry: usize| matches!(whole, Decision::Answer { entry: answered } if *answered == entry);
            let accepted = |half_question: &Question, decision: &Decision| -> Option<Vec<usize>> {
                // The whole, missing the other half's words, abstained but named the entry among the closest.
                let among_closest = |entry: usize| matches!(whole, Decision::Ask { entries } | Decision::Abstain { near: entries, .. } if entries.contains(&entry));
                // Both halves ask their own question: a half's answer stands when the
                // whole found none, or when it is the half's best-scored entry.
                // Not a half that names nothing but "it" ("where was it first based"): that is the other half's thing.
                let leans_on_the_other = self.leans_on_the_other(half_question);
                let own_question = |entry: usize| {
                    both_ask && !leans_on_the_other && (!matches!(whole, Decision::Answer { .. }) || self.index.score(&half_question.query, Some(kinds_for(half_question)), false).first().is_some_and(|best| best.entry == entry))
                };
                // Both ask their own, and this half's answer is the whole's: the other half is what the whole left out.
                let is_the_wholes_answer = |entry: usize| both_ask && !leans_on_the_other && whole_answered(entry);
                match decision {
                    Decision::Answer { entry } if self.index.name_hit(*entry, &half_question.query.keys) || !half_question.query.years.is_empty() || among_closest(*entry) || own_question(*entry) || is_the_wholes_answer(*entry) => Some(vec![*entry]),
                    // One event repeated ("Tadić visits Moscow" in 2004 and 2009): all of it answers the half.
                    Decision::Series { entries } => Some(self.by_date(entries)),
                    _ => None,
                }
            };
            let mut own: Vec<Option<Vec<usize>>> = half_questions.iter().zip(&decisions).map(|(half, decision)| accepted(half, decision)).collect();
            // "Who was Ivan the Terrible's mother and when did *they* start
            // venerating Saint Sava in Russia": a pronoun that, standing for
            // the left half's thing, leaves the right half unanswered is the
            // right half's own; it is asked as typed.
            if own[1].is_none() && right_as_typed != right && both_ask {
                let typed = self.question(&right_as_typed);
                let decision = decide::decide(self, &typed, kinds_for(&typed));
                if let Some(entries) = accepted(&typed, &decision) {
                    own[1] = Some(entries);
                    decisions[1] = decision;
                    half_questions[1] = typed.clone();
                    parsed[1] = typed;
                }
            }
            // "When did royal Yugoslavia recognise the USSR and when did the
            // USSR recognise Tito's Yugoslavia": the other half took the
            // whole's answer, so this half's own answer, another entry, stands
            // when the half names it by most of one of its names.
            for i in 0..2 {
                let other_took_the_whole = matches!((&decisions[1 - i], whole), (Decision::Answer { entry: other }, Decision::Answer { entry: answered }) if other == answered) && own[1 - i].is_some();
                if let (None, Decision::Answer { entry }) = (&own[i], &decisions[i]) {
                    let named = self.index.name_coverage(*entry, &half_questions[i].query.keys) >= HALF_NAMED;
                    if both_ask && other_took_the_whole && named && !whole_answered(*entry) && !self.leans_on_the_other(&half_questions[i]) {
                        own[i] = Some(vec![*entry]);
                    }
                }
            }
            let halves: Vec<(Vec<usize>, Question)> = (0..2)
                .filter_map(|i| {
                    let entries = match (&own[i], &decisions[i], &own[1 - i]) {
                        (Some(entries), _, _) => entries.clone(),
                        // "When was the coup in Belgrade and when was Yugoslavia defeated":
                        // of the tied entries, the one nearest in time to the other half's answer.
                        (None, Decision::Ask { entries }, Some(other)) => vec![self.nearest_in_time(entries, other.first().copied()?)?],
                        _ => return None,
                    };
                    Some((entries, half_questions[i].clone()))
                })
                .collect();
            // Each entry once, shown for what its own half asks ("how many left Russia … compared to how many entered Serbia").
            let asked: Vec<(usize, &Question)> = halves.iter().flat_map(|(entries, half)| entries.iter().map(move |&entry| (entry, half))).fold(Vec::new(), |mut all, (entry, half)| {
                if !all.iter().any(|(seen, _)| *seen == entry) {
                    all.push((entry, half));
                }
                all
            });
            let entries: Vec<usize> = asked.iter().map(|(entry, _)| *entry).collect();
            // The whole's answer is one of the halves', or tells its sentence
            // ("Joseph Stalin had … Milan Gorkić murdered" is Stalin's and the murder's).
            let fits_whole = match whole {
                Decision::Answer { entry } => entries.contains(entry) || entries.iter().any(|&half| self.share_a_quote(half, *entry)),
                _ => true,
            };
            if let [(first, left_half), (second, right_half)] = halves.as_slice() {
                if first != second && entries.len() >= 2 && fits_whole {
                    return Some(self.compose_each(&asked, locale));
                }
                // "When did the Kosovo War start and what did Russia say about the
                // NATO strikes": each half asks its own of one entry, which the
                // whole could not answer as one question, or answered only as
                // the first half asks ("when was the Cominform set up and where
                // was it first based": the date, not the city).
                // Or, when only one half asks a question of its own, where
                // the whole found nothing ("what did Yugoslavia accuse the
                // Soviets of at the UN, and did Stalin's attempts to kill
                // Tito work": the split answers both).
                let answered_on_their_own = |entry: usize| own.iter().all(Option::is_some) && (both_ask && (!matches!(whole, Decision::Answer { .. }) || whole_answered(entry)) || !both_ask && matches!(whole, Decision::Nothing { .. } | Decision::Abstain { .. }));
                if let ([entry], true) = (first.as_slice(), first == second) {
                    if answered_on_their_own(*entry) {
                        return self.compose_both_of_one(*entry, [left_half, right_half], locale);
                    }
                }
            }
            if let Some(answer) = self.start_and_end(question, &parsed, locale) {
                return Some(answer);
            }
            // "When did Russia mobilize in 1914 and how did Germany respond":
            // a half that asks its own question and is answered by nothing of
            // its own is asked of the other half's one entry, which must hold
            // every word it asks and state its answer.
            if both_ask {
                for i in 0..2 {
                    if let (None, Some([other])) = (&own[i], own[1 - i].as_deref()) {
                        if !self.leans_on_the_other(&half_questions[i]) && decide::answers_about(self, &half_questions[i], *other) {
                            return self.compose_both_of_one(*other, [&half_questions[0], &half_questions[1]], locale);
                        }
                    }
                }
            }
        }
        None
    }

    /// Whether the cut at `at` (of `length` bytes) of `lower` joins the
    /// words on either side of it as the title of the entry the whole
    /// question decides on, or of one it comes closest to, does ("New
    /// Serbia *and* Slavo-Serbia incorporated …").
    fn and_in_title(&self, whole: &Decision, lower: &str, at: usize, length: usize, language: Language) -> bool {
        // The whole's answer, or, when it found none, the entries it came
        // closest to ("was the Treaty of Friendship *and* Non-Aggression
        // signed in Belgrade": abstained for "Belgrade").
        let entries: &[usize] = match whole {
            Decision::Answer { entry } => std::slice::from_ref(entry),
            Decision::Abstain { near, .. } | Decision::Nothing { near } => near,
            _ => return false,
        };
        let (Some(before), Some(after)) = (lower.get(..at).and_then(|t| t.split_whitespace().last()), lower.get(at + length..).and_then(|t| t.split_whitespace().next())) else { return false };
        let joined = crate::text::fold::fold_for_search(&format!("{before}{}{after}", lower.get(at..at + length).unwrap_or(" and ")));
        entries.iter().filter_map(|&entry| self.entry(entry)).any(|found| {
            // Whole words only: not "Prussia and Serbian" for "Russia and Serbia".
            format!(" {} ", crate::text::fold::fold_for_search(&found.title)).contains(&format!(" {joined} ")) || language != Language::En && self.and_in_title_by_keys(&found.title, before, after, language)
        })
    }

    /// [`Self::and_in_title`] for a Serbian or Russian question, whose words
    /// the English title does not write: "*москва и лондон*" are "*Moscow
    /// and London*" when each word keys as the title's word on its side of
    /// "and".
    fn and_in_title_by_keys(&self, title: &str, before: &str, after: &str, language: Language) -> bool {
        let (before_keys, after_keys) = (self.index.word_keys_in(before, language), self.index.word_keys_in(after, language));
        if before_keys.is_empty() || after_keys.is_empty() {
            return false;
        }
        let title_words: Vec<&str> = title.split_whitespace().collect();
        title_words.windows(3).any(|three| {
            three[1].eq_ignore_ascii_case("and") && self.index.word_keys(three[0]).iter().any(|key| before_keys.contains(key)) && self.index.word_keys(three[2]).iter().any(|key| after_keys.contains(key))
        })
    }

    /// "When did the war start and when did it end": two halves about one
    /// entry dated by a span, the left asking when (or when it began), the
    /// right when it ended. The left half decides the entry; the right one
    /// ("when did it end", "when did Serbia pull out") need not name it,
    /// but every word it asks about must be in the entry's evidence, and a
    /// sentence must state the end. The answer shows a sentence for each.
    fn start_and_end(&self, question: &Question, [first, second]: &[Question; 2], locale: &str) -> Option<Answer> {
        if first.asks != Asks::When || second.asks != Asks::When || first.asks_end || !second.asks_end {
            return None;
        }
        let Decision::Answer { entry: decided } = decide::decide(self, first, first.preferred_kinds()) else { return None };
        // The left half's entry, or one as good for it that the right half picks out
        // ("when did Serbia declare war … and when did that war end": the war, not the declaration).
        let scored = self.index.score(&first.query, Some(first.preferred_kinds()), false);
        let contenders = std::iter::once(decided).chain(scored.iter().take(START_AND_END_CONTENDERS).map(|s| s.entry));
        let spans = |entry: &usize| self.entry(*entry).and_then(|e| e.date.as_ref()).is_some_and(|date| date.points().len() == 2);
        let entry = contenders
            .filter(spans)
            .find(|&entry| (entry == decided || decide::answers_about(self, first, entry)) && decide::answers_about(self, second, entry))?;
        let found = self.entry(entry)?;
        let focus = Focus { asks_start: true, asks_end: true, ..self.focus(found, question) };
        Some(self.answer_entry_with(found, &focus, locale))
    }

    /// Whether entries `a` and `b` quote one sentence of a source.
    fn share_a_quote(&self, a: usize, b: usize) -> bool {
        let (Some(a), Some(b)) = (self.entry(a), self.entry(b)) else { return false };
        a.quotes.iter().any(|one| b.quotes.iter().any(|other| one.source == other.source && one.text == other.text))
    }

    /// Whether `text` holds a question word of its own ("when did…").
    fn asks_something(&self, text: &str) -> bool {
        let folded = crate::text::fold::fold_for_search(text);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        !crate::text::lexicon::question_words(&words, crate::text::lang::detect(text)).is_empty()
    }

    /// "When was the first uprising crushed and *the second one*": the
    /// right half is the left one asked of the second ([`ordinal_stand_in`]).
    /// But one with a predicate of its own ("and what did *the second one*
    /// achieve") keeps it, and "one" stands for the words of a name that
    /// follow the left half's ordinal ("uprising", not "uprising crushed").
    fn stand_in_for_one(&self, left: &str, right: &str) -> Option<String> {
        let whole_left = ordinal_stand_in(left, right)?;
        let ordinals = self.index.ordinal_keys();
        let one = self.index.word_keys("one");
        let own_predicate = self.question(right).query.keys.iter().any(|key| !ordinals.contains(key) && !one.contains(key));
        if !own_predicate {
            return Some(whole_left);
        }
        let left_words: Vec<&str> = left.split_whitespace().collect();
        let right_words: Vec<&str> = right.split_whitespace().collect();
        let (ordinal_at, one_at) = ordinal_and_one(&left_words, &right_words)?;
        let thing: Vec<&str> = left_words[ordinal_at + 1..].iter().take_while(|word| self.is_name_word(word)).copied().collect();
        if thing.is_empty() {
            return None;
        }
        let mut words = right_words;
        words.splice(one_at..=one_at, thing);
        Some(words.join(" "))
    }

    /// "When was the Russian House in Belgrade founded and how many people
    /// were in *its* language courses": a pronoun of the right half ("it",
    /// "its", "them", "their", "they": "when did Russia and Serbia abolish
    /// visas and when did *they* establish relations") stands for what the left half names, the
    /// words of the left half that are words of the base's names, verbs
    /// aside ("Russian House Belgrade"); a subject after an auxiliary too
    /// ("how many exiles did *it* take in": the left half's subject; "when
    /// did *it* end" after a start is [`Engine::start_and_end`]'s). Not a
    /// possessive after a subject of the right half's own, and `None`
    /// when the left half names nothing or the right has no pronoun.
    fn stand_in_for_pronoun(&self, left: &str, right: &str) -> Option<String> {
        let right_words: Vec<&str> = right.split_whitespace().collect();
        let at = (0..right_words.len()).find(|&at| {
            let word = right_words[at].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            // "Turn it down": the verb's particle keeps its pronoun.
            let before_particle = right_words.get(at + 1).is_some_and(|next| PARTICLES_AFTER_OBJECT.contains(&next.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str()));
            STAND_IN_PRONOUNS.contains(&word.as_str()) && !before_particle
        })?;
        // "In what town did the Russian Church abroad set up *its*
        // administration": a possessive after the half's own subject is the subject's.
        let possessive = matches!(right_words[at].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(), "its" | "their");
        let auxiliary = right_words[..at].iter().position(|word| AUXILIARIES_BEFORE_SUBJECT.contains(&word.to_lowercase().as_str()));
        if possessive && auxiliary.is_some_and(|aux| right_words[aux + 1..at].iter().any(|word| self.is_name_word(word))) {
            return None;
        }
        // A subject stands for the left half's subject ("when did *they*
        // sign"), or, in the passive ("when were *they* restored"), for
        // its object when it has one ("when did Russia and Serbia abolish
        // *visas*").
        let before_pronoun = at.checked_sub(1).map(|before| right_words[before].to_lowercase());
        let subject = before_pronoun.filter(|word| !possessive && AUXILIARIES_BEFORE_SUBJECT.contains(&word.as_str()));
        let passive = subject.as_deref().is_some_and(|word| matches!(word, "was" | "were" | "is" | "are"));
        // "What year did Wrangel found the ROVS and how big was *its*
        // membership": "its" is a thing's, not a person's.
        let neuter = right_words[at].trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case("its");
        let thing = subject
            .and_then(|_| self.subject_and_object(left))
            .map(|(subject, object)| if passive && !object.is_empty() { object } else { subject })
            .unwrap_or_else(|| self.names_stood_for(left, neuter));
        if thing.is_empty() {
            return None;
        }
        let mut words = right_words;
        words.splice(at..=at, thing);
        Some(words.join(" "))
    }

    /// The name words of a left half that a pronoun of the right half
    /// stands for: for "its" (`neuter`), only those of no person when there
    /// are any ("when did Wrangel found the ROVS and how big was *its*
    /// membership": the union's).
    fn names_stood_for<'t>(&self, left: &'t str, neuter: bool) -> Vec<&'t str> {
        let words: Vec<&str> = left.split_whitespace().collect();
        let name_at = |at: usize| words.get(at).is_some_and(|word| self.is_name_word(word) && !light_by_ending(word));
        // "The *pig* war": a word of the base right before a name word is part of the thing named.
        let modifier = |at: usize| {
            let folded = crate::text::fold::fold_for_search(words[at]);
            name_at(at + 1) && !crate::text::lexicon::is_stopword(&folded, Language::En) && !crate::text::lexicon::is_light(&folded, Language::En) && !crate::text::lexicon::is_english_predicate_form(&folded) && self.index.word_keys(words[at]).iter().any(|key| self.index.has_key(key))
        };
        let names: Vec<&str> = (0..words.len()).filter(|&at| name_at(at) || modifier(at)).map(|at| words[at]).collect();
        if !neuter {
            return names;
        }
        let of_a_person = |word: &str| {
            let keys = self.index.word_keys(word);
            !keys.is_empty() && keys.iter().all(|key| self.index.is_personal_name_key(key))
        };
        let things: Vec<&str> = names.iter().copied().filter(|word| !of_a_person(word)).collect();
        if things.is_empty() { names } else { things }
    }

    /// The subject of a half question, the name words (and the stopwords
    /// between them) right after its auxiliary ("when did *USSR-Yugo
    /// relations* completely break down", "when did *Russia and Serbia*
    /// abolish visas"), and its object, the words after the verb that
    /// follows, stopwords and particles aside ("*visas*"; none after "break
    /// down"). `None` when no name word stands after the auxiliary.
    fn subject_and_object<'t>(&self, text: &'t str) -> Option<(Vec<&'t str>, Vec<&'t str>)> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let auxiliary = words.iter().position(|word| AUXILIARIES_BEFORE_SUBJECT.contains(&word.to_lowercase().as_str()))?;
        let stopword = |word: &str| crate::text::lexicon::is_stopword(&crate::text::fold::fold_for_search(word), Language::En);
        let rest = &words[auxiliary + 1..];
        let predicate = |word: &str| crate::text::lexicon::is_english_predicate_form(&crate::text::fold::fold_for_search(word));
        let run = rest.iter().take_while(|word| !light_by_ending(word) && !predicate(word) && (self.is_name_word(word) || stopword(word))).count();
        let end = rest[..run].iter().rposition(|word| !stopword(word))?;
        // The verb, past its adverbs ("completely break"), then what it is done to.
        let adverb = |word: &str| word.to_lowercase().ends_with("ly");
        let verb = rest[run..].iter().position(|word| !adverb(word)).map_or(rest.len(), |at| run + at + 1);
        let particle = |word: &str| PARTICLES_AFTER_OBJECT.contains(&word.to_lowercase().as_str());
        let object = rest[verb.min(rest.len())..].iter().copied().filter(|word| !stopword(word) && !light_by_ending(word) && !particle(word)).collect();
        Some((rest[..=end].to_vec(), object))
    }

    /// Whether every key of `word` is a word of some entry's names; a
    /// hyphenated word, when each of its parts is ("USSR-Yugo").
    fn is_name_word(&self, word: &str) -> bool {
        let keys = self.index.word_keys(word);
        let all_name_keys = !keys.is_empty() && keys.iter().all(|key| self.index.is_name_key(key));
        all_name_keys || word.contains('-') && word.split('-').all(|part| !part.is_empty() && self.is_name_word(part))
    }

    /// "When did the Soviet and the British missions arrive": a left half
    /// that names at most one thing ("when did the Soviet") shares what the
    /// right half says after its own first word ("British"): "when did the
    /// Soviet missions arrive". `None` when the left half says enough.
    fn distribute(&self, left: &str, right: &str) -> Option<String> {
        if says_enough(&self.question(left)) {
            return None;
        }
        let rest = self.after_first_content_word(right)?;
        Some(format!("{left} {rest}"))
    }

    /// "when did Tadić visit Moscow and when did Nikolić": a right half that
    /// names only its subject borrows what the left half says after its own
    /// subject ("when did Nikolić visit Moscow"). `None` when the right half
    /// says enough or has a pronoun subject with a verb of its own.
    fn borrow_predicate(&self, right: &str, left: &str) -> Option<String> {
        // "When were *they restored*": a pronoun subject with a verb of its
        // own stands for the left half's thing ([`Engine::stand_in_for_pronoun`]).
        let folded = crate::text::fold::fold_for_search(right);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let own_verb = words.windows(3).any(|three| AUXILIARIES_BEFORE_SUBJECT.contains(&three[0]) && STAND_IN_PRONOUNS.contains(&three[1]) && crate::text::lexicon::is_english_predicate_form(three[2]));
        // "And who won *it*": a pronoun after the half's own verb is its
        // object, the left half's thing, not a subject that lacks a predicate.
        let content_word = |word: &str| !crate::text::lexicon::is_stopword(word, Language::En) && !AUXILIARIES_BEFORE_SUBJECT.contains(&word);
        let object_pronoun = words.windows(2).any(|two| matches!(two[1], "it" | "them") && content_word(two[0]));
        if own_verb || object_pronoun || says_enough(&self.question(right)) {
            return None;
        }
        let rest = self.after_first_content_word(left)?;
        Some(format!("{} {rest}", right.trim_end()))
    }

    /// What `text` says after its first word that is not a stopword (its
    /// subject, in a half question); `None` when nothing follows it.
    fn after_first_content_word(&self, text: &str) -> Option<String> {
        let language = crate::text::lang::detect(text);
        let words: Vec<&str> = text.split_whitespace().collect();
        let content = |w: &&str| !self.index.word_tokens(w, language).is_empty();
        let first = words.iter().position(content)?;
        let rest = words.get(first + 1..)?;
        (!rest.is_empty()).then(|| rest.join(" "))
    }

    /// The focus an answer to `question` about `entry` proves.
    fn focus<'q>(&self, entry: &Entry, question: &'q Question) -> Focus<'q> {
        let asks = match (question.attribute, entry.kind) {
            (Some(attribute), Kind::Person) => attribute,
            _ => question.asks,
        };
        Focus {
            counted: question.counted.clone(),
            counts_persons: question.counts_persons,
            asks_end: question.asks_end,
            asks_start: question.asks_start,
            asks_object: question.asks_object,
            asks_members: question.asks_members,
            deed: question.deed(),
            asks_signer: question.asks_signer,
            signs_for: &question.signs_for,
            asks_words: question.asks_words,
            asks_contents: question.asks_contents,
            asks_composition: question.asks_composition,
            asks_signed: question.asks_signed,
            asks_money: question.asks_money,
            asks_what_followed: question.asks_what_followed,
            event_words: &question.event_words,
            boundary_years: question.after_year.into_iter().chain(question.before_year).collect(),
            ..Focus::asserting(asks).with_query(&question.query)
        }
    }

    /// Stage 4: the answer about one entry, around the quote that states it.
    fn compose(&self, entry: usize, question: &Question, locale: &str) -> Answer {
        let Some(found) = self.entry(entry) else { return self.not_found("ask", &question.text, &[]) };
        self.answer_entry_with(found, &self.focus(found, question), locale)
    }

    /// Of `entries`, the one alone nearest in time to `other` (by their
    /// first dates), when it is at most [`NEAREST_IN_TIME`] years away.
    fn nearest_in_time(&self, entries: &[usize], other: usize) -> Option<usize> {
        let year = |entry: usize| self.entry(entry).and_then(|e| e.date.as_ref()).map(|d| d.first_year());
        let target = year(other)?;
        let mut gaps: Vec<(i32, usize)> = entries.iter().filter_map(|&entry| Some(((year(entry)? - target).abs(), entry))).collect();
        gaps.sort();
        match gaps.as_slice() {
            [(gap, entry), rest @ ..] if *gap <= NEAREST_IN_TIME && rest.first().is_none_or(|(next, _)| next > gap) => Some(*entry),
            _ => None,
        }
    }

    /// Entries in the order of their dates (undated last).
    fn by_date(&self, entries: &[usize]) -> Vec<usize> {
        let mut sorted = entries.to_vec();
        sorted.sort_by_key(|&e| self.entry(e).and_then(|entry| entry.date.as_ref().and_then(|d| d.points().first().map(|p| p.year))).unwrap_or(i32::MAX));
        sorted
    }

    /// One answer about several entries (a two-fact question).
    fn compose_many(&self, entries: &[usize], question: &Question, locale: &str) -> Answer {
        let asked: Vec<(usize, &Question)> = entries.iter().map(|&entry| (entry, question)).collect();
        self.compose_each(&asked, locale)
    }

    /// One entry that answers two questions asked at once: its fact shows
    /// the quotes that state what each half asks, the left half's first.
    fn compose_both_of_one(&self, entry: usize, halves: [&Question; 2], locale: &str) -> Option<Answer> {
        let found = self.entry(entry)?;
        let mut quotes: Vec<&crate::facts::Quote> = Vec::new();
        for half in halves {
            for quote in cmd::quotes_for(self, found, &self.focus(found, half), locale) {
                if !quotes.iter().any(|shown| std::ptr::eq(*shown, quote)) {
                    quotes.push(quote);
                }
            }
        }
        let text = answered_text(found);
        let quotes = cmd::covering(self, found, &text, quotes);
        let mut answer = Answer::new("ask", Outcome::Facts, headline(found));
        answer.add_entry_quotes(self.base(), found, Some(cmd::dated_heading(found)), text, &quotes);
        Some(answer)
    }

    /// One answer about several entries, each shown for the question asked of it.
    fn compose_each(&self, asked: &[(usize, &Question)], locale: &str) -> Answer {
        let found: Vec<(&Entry, &Question)> = asked.iter().filter_map(|&(i, question)| Some((self.entry(i)?, question))).collect();
        let headline = found.iter().map(|(e, _)| headline(e)).collect::<Vec<_>>().join("; ");
        let mut answer = Answer::new("ask", Outcome::Facts, headline);
        for (entry, question) in &found {
            let focus = self.focus(entry, question);
            let text = answered_text(entry);
            cmd::add_answered_entry(self, &mut answer, entry, Some(cmd::dated_heading(entry)), text, &focus, locale);
        }
        answer
    }

    /// The reply when the decision is not to answer: "did you mean", "I
    /// don't know", or "the sources don't say".
    pub fn decline(&self, intent: &str, question: &Question, decision: &Decision) -> Answer {
        let text = question.text.as_str();
        match decision {
            Decision::Answer { entry } => self.compose(*entry, question, "en"),
            Decision::Ask { entries } => self.did_you_mean(intent, text, entries),
            Decision::Series { entries } => self.compose_many(&self.by_date(entries), question, "en"),
            Decision::Nothing { near } => self.not_found(intent, text, near),
            Decision::NotStated { entry, asks } => match self.entry(*entry) {
                // The date is there, but not to the day, month or year asked.
                Some(found) if *asks == Asks::When && question.wants_time => self.part_not_stated(found, "time of day"),
                Some(found) if *asks == Asks::When && !decide::precise_enough(question, found) && question.wants_day => self.part_not_stated(found, "day"),
                Some(found) if *asks == Asks::When && !decide::precise_enough(question, found) && question.wants_month => self.part_not_stated(found, "month"),
                Some(found) if *asks == Asks::When && !decide::precise_enough(question, found) && question.wants_year => self.part_not_stated(found, "year"),
                // "Where was Tito born": the place of a birth or death, not its date.
                Some(found) if question.asks == Asks::Where && matches!(asks, Asks::Born | Asks::Died) => {
                    let happened = if *asks == Asks::Born { "was born" } else { "died" };
                    not_stated_about("ask", found, format!("The sources don't say where {} {happened}.", found.title))
                }
                // "Is Serbia going to…": no sentence tells what is to come.
                Some(found) if question.asks_future => {
                    not_stated_about("ask", found, format!("The sources tell what has happened, not what is to come: they say nothing of plans about {}.", found.title))
                }
                Some(found) => self.not_stated(found, *asks),
                None => self.not_found(intent, text, &[]),
            },
            Decision::Abstain { words, years, near } => self.abstain(intent, text, words, years, near),
        }
    }

    /// "The sources don't say when X was born": the entry is known, the
    /// attribute is not in its sources. Asserts nothing; offers the entry.
    pub fn not_stated(&self, entry: &Entry, asks: Asks) -> Answer {
        let title = &entry.title;
        let headline = match asks {
            Asks::Born => format!("The sources don't say when {title} was born."),
            Asks::Died => format!("The sources don't say when {title} died."),
            Asks::When => format!("The sources don't give a date for that about {title}."),
            Asks::HowMany => format!("The sources don't give a number for that about {title}."),
            Asks::HowLong => format!("The sources don't say how long, about {title}."),
            Asks::Who => format!("The sources don't say who, about {title}."),
            Asks::Where => format!("The sources don't say where, about {title}."),
            Asks::Why => format!("The sources don't say why, about {title}."),
            Asks::How => format!("The sources don't say how, about {title}."),
            _ => format!("The sources don't say that about {title}."),
        };
        not_stated_about("ask", entry, headline)
    }

    /// "On what day…" or "in what month…" of an entry the sources date less
    /// closely: say how closely they do ("only to 1955"), which its `/when` proves.
    fn part_not_stated(&self, entry: &Entry, part: &str) -> Answer {
        let Some(date) = entry.date_text() else { return self.not_stated(entry, Asks::When) };
        not_stated_about("ask", entry, format!("The sources don't give the {part} of {}: they date it only to {date}.", entry.title))
    }

    /// "I don't know": the question names things the sources don't hold.
    fn abstain(&self, intent: &str, text: &str, words: &[String], years: &[i32], near: &[usize]) -> Answer {
        let mut reasons = Vec::new();
        if !words.is_empty() {
            let quoted: Vec<String> = words.iter().map(|w| format!("“{}”", echo(w))).collect();
            reasons.push(format!("The sources say nothing about {} in this connection.", or_list(quoted)));
        }
        if !years.is_empty() {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            reasons.push(format!("The closest entries are not dated {}.", or_list(years)));
        }
        let suggestions: Vec<String> = near.iter().filter_map(|&i| self.entry(i)).map(suggestion).collect();
        if !suggestions.is_empty() {
            reasons.push("Closest entries:".to_string());
        }
        Answer::new(intent, Outcome::NotFound, format!("I don't know about “{}”.", echo(text)))
            .text(reasons.join(" "))
            .suggest(suggestions)
    }

    /// The default answer about one entry, by its kind.
    pub fn answer_entry(&self, entry: usize, locale: &str) -> Answer {
        let Some(found) = self.base.entries().get(entry) else { return self.not_found("ask", "", &[]) };
        self.answer_entry_with(found, &Focus::asserting(Asks::When), locale)
    }

    /// The answer about one entry, by its kind, proving what `focus` asks.
    pub fn answer_entry_with(&self, entry: &Entry, focus: &Focus, locale: &str) -> Answer {
        match entry.kind {
            Kind::Person => cmd::who::answer(self, entry, focus, locale),
            Kind::Treaty => cmd::treaty::answer(self, entry, focus, locale),
            Kind::Event => cmd::when::answer(self, entry, focus, locale),
            Kind::Period => cmd::period::answer(self, entry, locale),
        }
    }

    /// Resolve text to entry indexes through the same decision as every
    /// question ([`decide`]), preferring `kinds` (all kinds when `None`).
    pub fn resolve(&self, text: &str, kinds: Option<&[Kind]>) -> Resolution {
        self.resolve_question(&self.question(text), kinds)
    }

    /// [`Engine::resolve`] for a question already parsed.
    fn resolve_question(&self, question: &Question, kinds: Option<&[Kind]>) -> Resolution {
        match decide::decide(self, question, kinds.unwrap_or(&Kind::ALL)) {
            Decision::Answer { entry } => Resolution::Found(entry),
            Decision::Ask { entries } | Decision::Series { entries } => Resolution::Ambiguous(entries),
            Decision::NotStated { entry, .. } => Resolution::NotFound(vec![entry]),
            Decision::Abstain { near, .. } | Decision::Nothing { near } => Resolution::NotFound(near),
        }
    }

    /// Why an answer was chosen (`histbot ask --explain`): the parsed
    /// question, the best candidates with their scores, and the decision.
    pub fn explain(&self, text: &str) -> Explanation {
        // "/ask why …" is asked as "why …" ([`Engine::ask`]), and explained so.
        let asked = match parse_line(text, &['/']) {
            Line::Command(invocation) if invocation.command == "ask" => invocation.all_text(),
            _ => text.to_string(),
        };
        let question = self.question(&asked);
        let candidates = self
            .index
            .score(&question.query, Some(question.preferred_kinds()), false)
            .into_iter()
            .take(8)
            .filter_map(|s| Some((self.entry(s.entry)?.id.clone(), s.score, s.name_hit)))
            .collect();
        let decision = decide::decide(self, &question, question.preferred_kinds());
        let checks = self
            .index
            .score(&question.query, Some(question.preferred_kinds()), false)
            .into_iter()
            .take(2)
            .filter_map(|s| decide::check_entry(self, &question, s.entry))
            .collect();
        Explanation { question, candidates, decision, checks }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.base.entries().get(index)
    }

    /// Autocomplete for an argument: at most `limit` (≤ 25) choices, names ≤ 100 characters.
    pub fn autocomplete(&self, kind: ArgKind, partial: &str, limit: usize) -> Vec<Choice> {
        let limit = limit.min(25);
        if kind == ArgKind::QuizTopic {
            return quiz_topic_choices(&self.base, partial, limit);
        }
        if !kind.names_entries() {
            return Vec::new();
        }
        let choice = |entry: &Entry| Choice { name: truncate_chars(&label(entry), 100), value: entry.id.clone() };
        let periods = cmd::period::completions(&self.base, partial);
        if kind == ArgKind::Period {
            return periods.into_iter().take(limit).map(choice).collect();
        }
        let mut choices: Vec<Choice> =
            self.index.complete(&self.base, partial, kind, limit).into_iter().filter_map(|i| self.base.entries().get(i)).map(choice).collect();
        // A comparison may name periods too: the ones whose names fit what is typed, after the entries.
        if kind == ArgKind::YearOrEntry && !partial.trim().is_empty() {
            let room = limit.saturating_sub(choices.len());
            choices.extend(periods.into_iter().take(room).map(choice));
        }
        choices
    }

    /// "Did you mean A, B or C?"
    pub fn did_you_mean(&self, intent: &str, text: &str, entries: &[usize]) -> Answer {
        let names: Vec<String> = entries.iter().filter_map(|&i| self.entry(i)).map(suggestion).collect();
        Answer::new(intent, Outcome::Ambiguous, format!("Did you mean {}?", or_list(entries.iter().filter_map(|&i| self.entry(i)).map(|e| e.title.clone()).collect())))
            .text(format!("Several entries fit “{}”. Pick one:", echo(text)))
            .suggest(names)
    }

    /// "I don't know", with the closest entries if any.
    pub fn not_found(&self, intent: &str, text: &str, near: &[usize]) -> Answer {
        let suggestions: Vec<String> = near.iter().filter_map(|&i| self.entry(i)).map(suggestion).collect();
        let body = if suggestions.is_empty() {
            "The fact base has nothing on that. histbot answers questions on Soviet Union–Yugoslavia and Russia–Serbia relations; try `/help`, or `/timeline 1941 1948`."
        } else {
            "Nothing in the fact base matches that well enough to answer. Closest entries:"
        };
        let shown = echo(text);
        let headline = if shown.is_empty() { "I don't know.".to_string() } else { format!("I don't know about “{shown}”.") };
        Answer::new(intent, Outcome::NotFound, headline).text(body).suggest(suggestions)
    }
}

/// The locale to answer in: a question written in Arabic script gets Arabic
/// excerpts where they exist, whatever the platform's locale says (Discord
/// has no Arabic locale, Matrix sends none).
pub fn locale_for(text: &str, locale: &str) -> String {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (arabic, total) = letters.fold((0, 0), |(arabic, total), c| (arabic + usize::from(('\u{0600}'..='\u{06FF}').contains(&c)), total + 1));
    if total > 0 && arabic * 2 > total { "ar".to_string() } else { locale.to_string() }
}

/// `Title (date)` for lists and autocomplete (just the title when it already shows the date).
pub fn label(entry: &Entry) -> String {
    match entry.date_text() {
        Some(date) if !entry.title.contains(&date) => format!("{} ({date})", entry.title),
        _ => entry.title.clone(),
    }
}

/// `Title — date` for headlines (just the title when it already shows the date).
pub fn headline(entry: &Entry) -> String {
    match entry.date_text() {
        Some(date) if !entry.title.contains(&date) => format!("{} — {date}", entry.title),
        _ => entry.title.clone(),
    }
}

/// "The sources don't say …" (`headline`) about a known entry, as the
/// reply of `intent`: asserts nothing, offers the entry.
pub(crate) fn not_stated_about(intent: &str, entry: &Entry, headline: String) -> Answer {
    Answer::new(intent, Outcome::NotFound, headline)
        .text("histbot answers only from its sources, and they don't state this. What they do say about it:")
        .suggest(vec![suggestion(entry)])
}

/// A suggestion line: `Belgrade declaration (1955): /when belgrade-declaration`.
pub fn suggestion(entry: &Entry) -> String {
    let command = match entry.kind {
        Kind::Person => "who",
        Kind::Treaty => "treaty",
        // Placed only between two dates, an event answers no `/when`.
        Kind::Event if entry.date.as_ref().is_some_and(|date| date.bounds_only) => "source",
        Kind::Event => "when",
        Kind::Period => "period",
    };
    format!("{}: /{command} {}", label(entry), entry.id)
}

/// `quiz`'s topic argument: the actions (`stop`, `me`, …) that start with
/// what is typed, then the topics (kinds, tags, periods) that fit it.
fn quiz_topic_choices(base: &FactBase, partial: &str, limit: usize) -> Vec<Choice> {
    let typed = partial.trim().to_lowercase();
    let actions = crate::study::command::ACTION_CHOICES.iter().filter(|a| a.starts_with(&typed)).map(|a| a.to_string());
    let topics = crate::study::topic::completions(base, partial.trim(), limit);
    actions.chain(topics).take(limit).map(|name| Choice { name: truncate_chars(&name, 100), value: truncate_chars(&name, 100) }).collect()
}

/// "A, B or C".
pub fn or_list(mut names: Vec<String>) -> String {
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        _ => {
            let last = names.pop().unwrap_or_default();
            format!("{} or {last}", names.join(", "))
        }
    }
}

/// Cut at a character boundary, ending with `…` when shortened.
pub fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn unknown_command(name: &str) -> Answer {
    let names: Vec<String> = commands::COMMANDS.iter().map(|c| c.name.to_string()).collect();
    let near = names
        .iter()
        .filter(|n| crate::text::fold::edit_distance(&name.to_lowercase(), n) <= 2)
        .map(|n| format!("/{n}"))
        .collect::<Vec<_>>();
    Answer::new("help", Outcome::Error, format!("There is no command `{}`.", echo(name)))
        .text(format!("Commands: {}. Type `/help` for details.", names.join(", ")))
        .suggest(near)
}

/// The text after a heading and its colon ("Yeltsin vs Putin: what did
/// Yeltsin call … and what did Putin call …", "compare: how many … and how
/// many …") when every word of the heading is repeated after it or only
/// announces ("vs", "compare"): the heading names nothing the two questions
/// do not. A heading that says more ("Afghanistan 1979: what words …") stays.
fn without_repeated_heading(text: &str) -> &str {
    const ANNOUNCING: &[&str] = &["vs", "versus", "compare", "compared", "comparison", "and", "the", "two", "both"];
    let Some((heading, rest)) = text.split_once(':') else { return text };
    let heading_words: Vec<String> = heading.split_whitespace().map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|word| !word.is_empty()).collect();
    if heading_words.is_empty() || heading_words.len() > 6 {
        return text;
    }
    let rest_words: Vec<String> = rest.split_whitespace().map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    let repeated = heading_words.iter().all(|word| ANNOUNCING.contains(&word.as_str()) || rest_words.contains(word));
    if repeated {
        rest.trim_start()
    } else {
        text
    }
}

/// The text after a lead-in that asks to compare ("what is the difference
/// between", "razlika između", "разница между"); the text itself when it
/// has none.
fn without_comparison_lead(text: &str) -> &str {
    const LEADS: &[&str] = &["difference between ", "differences between ", "razlika između ", "razlika izmedju ", "разлика између ", "разница между ", "различие между "];
    let lower = text.to_lowercase();
    LEADS
        .iter()
        .find_map(|lead| lower.find(lead).map(|at| at + lead.len()))
        .filter(|end| lower[..*end].split_whitespace().count() <= 6)
        .and_then(|end| text.get(end..))
        .unwrap_or(text)
}

/// How many years apart a tied half's entry may be from the other half's answer to be chosen by it.
const NEAREST_IN_TIME: i32 = 5;

/// Ordinal words, as the questions write them.
const ORDINAL_WORDS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last"];

/// Pronouns of a two-fact question's right half that stand for the thing
/// its left half names ([`Engine::stand_in_for_pronoun`]).
const STAND_IN_PRONOUNS: &[&str] = &["it", "its", "them", "their", "they"];

/// Particles of a phrasal verb whose object may stand between ("turn it *down*").
const PARTICLES_AFTER_OBJECT: &[&str] = &["down", "up", "out", "off", "away", "back", "over"];

/// Auxiliaries after which a pronoun is the subject of its half.
pub(crate) const AUXILIARIES_BEFORE_SUBJECT: &[&str] = &["did", "does", "do", "was", "were", "is", "are", "has", "had", "have"];

/// Question words that open a question asked of each of two things after a
/// comma ("…, when was each signed", "…, how many").
const TAIL_QUESTION_WORDS: &[&str] = &["when", "who", "where", "how", "what", "which", "why"];

/// A question's text before a last clause that asks something of each of
/// the two things before it ("the 1941 treaty and the one from 1945, *when
/// was each signed*"), and that clause.
fn each_tail(text: &str) -> (&str, Option<&str>) {
    let Some((head, tail)) = text.rsplit_once(", ").or_else(|| each_clause(text)) else { return (text, None) };
    let first = tail.split_whitespace().next().unwrap_or_default().to_lowercase();
    if TAIL_QUESTION_WORDS.contains(&first.as_str()) && !head.trim().is_empty() {
        (head, Some(tail))
    } else {
        (text, None)
    }
}

/// "Hungary 56 vs Czechoslovakia 68 *how did Yugoslavia react to each*":
/// with no comma, a clause from a question word after the first word to
/// the end that asks something of "each" (not "each other").
fn each_clause(text: &str) -> Option<(&str, &str)> {
    let words: Vec<(usize, &str)> = text.split(' ').scan(0, |at, word| {
        let start = *at;
        *at += word.len() + 1;
        Some((start, word))
    }).collect();
    // Not "each other": that is what the two did to one another.
    let bare = |at: usize| words.get(at).map(|(_, word)| word.trim_end_matches(['?', '.', '!']).to_lowercase());
    let asks_each = |from: usize| (from..words.len()).any(|at| bare(at).as_deref() == Some("each") && bare(at + 1).as_deref() != Some("other"));
    let (start, _) = words.iter().enumerate().skip(1).find(|(i, (_, word))| TAIL_QUESTION_WORDS.contains(&word.to_lowercase().as_str()) && asks_each(*i)).map(|(_, w)| *w)?;
    Some((text.get(..start)?.trim_end(), text.get(start..)?))
}

/// The text an entry answering one of several questions shows: a person's
/// summary, an event's or treaty's line.
fn answered_text(entry: &Entry) -> String {
    if entry.kind == Kind::Person { entry.summary.clone() } else { cmd::entry_line(entry) }
}

/// The question `tail` asked of one thing: "when was each signed" of "the
/// 1941 treaty" is "when was the 1941 treaty signed"; "how many" of
/// "Russians in Serbia" is "how many Russians in Serbia".
fn asked_of(tail: &str, thing: &str) -> String {
    let words: Vec<&str> = tail.split_whitespace().collect();
    match words.iter().position(|w| w.eq_ignore_ascii_case("each")) {
        Some(at) => [&words[..at], &[thing.trim()], &words[at + 1..]].concat().join(" "),
        None => format!("{} {}", tail.trim(), thing.trim()),
    }
}

/// "When did the first Cominform resolution come *and when the second
/// one*": a right half that names only an ordinal and "one" stands for the
/// left half with that ordinal in place of its own ("when did the second
/// Cominform resolution come"). `None` when the halves are not so.
pub(crate) fn ordinal_stand_in(left: &str, right: &str) -> Option<String> {
    let right_words: Vec<&str> = right.split_whitespace().collect();
    let mut words: Vec<&str> = left.split_whitespace().collect();
    let (at, one_at) = ordinal_and_one(&words, &right_words)?;
    let ordinal = crate::text::fold::fold_for_search(right_words[one_at - 1]);
    words[at] = &ordinal;
    Some(words.join(" "))
}

/// Whether a half question says enough to stand alone: two words to
/// find, or a word and a year ("what happened to relations in 1949"); not
/// "one", which stands for the other half's thing ("the one from 1945").
fn says_enough(half: &Question) -> bool {
    half.query.keys.iter().filter(|key| !matches!(key.as_str(), "one" | "ones")).count() + half.query.years.len() > 1
}

/// "The two Cominform resolutions, 1948 and *1949*": a right half that is
/// a year alone stands for the left half with that year in place of its
/// own ("the two Cominform resolutions, 1949"). `None` when the halves are not so.
fn year_stand_in(left: &str, right: &str) -> Option<String> {
    let year_of = |word: &str| super::index::year_of(&crate::text::fold::fold_for_search(word));
    let [alone] = right.split_whitespace().collect::<Vec<_>>()[..] else { return None };
    let year = year_of(alone)?;
    let mut words: Vec<String> = left.split_whitespace().map(str::to_string).collect();
    let at = words.iter().position(|word| year_of(word).is_some())?;
    words[at] = year.to_string();
    Some(words.join(" "))
}

/// Phrases that date a right half by the left half's year, with how many
/// years after it.
const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("the next year", 1),
    ("the following year", 1),
    ("a year later", 1),
    ("one year later", 1),
    ("the year after", 1),
    ("the previous year", -1),
    ("a year earlier", -1),
    ("a year before", -1),
    ("the year before", -1),
];

/// "What congress improved relations in 1971 (or "in 71") and what award
/// did Tito get *the next year*": the right half dated by the left half's
/// only year, as its question reads it (`left_years`, read only when the
/// right half holds such a phrase): "… get in 1972". `None` when either
/// is missing.
fn relative_year_stand_in(right: &str, left_years: impl FnOnce() -> Vec<i32>) -> Option<String> {
    // ASCII lowercase keeps every byte where it was, so `at` is right's too.
    let lower = right.to_ascii_lowercase();
    let (at, phrase, shift) = RELATIVE_YEARS.iter().find_map(|(phrase, shift)| lower.find(phrase).map(|at| (at, phrase, shift)))?;
    let [year] = left_years()[..] else { return None };
    let (before, after) = (right.get(..at)?, right.get(at + phrase.len()..)?);
    Some(format!("{before}in {}{after}", year + shift))
}

/// Where the halves of "the first X … and the second one" hold their
/// ordinals: the left half's ordinal word, and the right half's "one" (or
/// "ones") right after an ordinal. A year stands as the ordinal does ("the
/// 1941 treaty and the 1945 one"). `None` when either is missing.
fn ordinal_and_one(left_words: &[&str], right_words: &[&str]) -> Option<(usize, usize)> {
    let folded = |word: &str| crate::text::fold::fold_for_search(word);
    let is_ordinal = |word: &str| ORDINAL_WORDS.contains(&folded(word).as_str());
    let is_year = |word: &str| super::index::year_of(&folded(word)).is_some();
    let one_at = (1..right_words.len()).find(|&at| (is_ordinal(right_words[at - 1]) || is_year(right_words[at - 1])) && matches!(folded(right_words[at]).as_str(), "one" | "ones"))?;
    let same_kind = |word: &str| if is_year(right_words[one_at - 1]) { is_year(word) } else { is_ordinal(word) };
    let ordinal_at = left_words.iter().position(|word| same_kind(word))?;
    Some((ordinal_at, one_at))
}

/// Whether an English word as typed is light by its form, not by the
/// list of light words: a verb's or an adverb's ending ("signed",
/// "completely") or a word that is never a noun ("abolish").
fn light_by_ending(word: &str) -> bool {
    crate::text::lexicon::is_light_by_ending(&crate::text::fold::fold_for_search(word), Language::En)
}

/// Whether `left` and `right`, at a "vs", are one question of two things:
/// the left opens with a question word, the right does not ("*how much*
/// Soviet vs British aid the Partisans got"). Two questions ("when did X
/// die vs which patriarch …") are two things to set side by side.
fn one_question_of_both(left: &str, right: &str) -> bool {
    opens_a_question(left, crate::text::lang::detect(left)) && !opens_a_question(right, crate::text::lang::detect(right))
}

/// Whether `text` begins with a question word ("who was the first consul").
fn opens_a_question(text: &str, language: Language) -> bool {
    let folded = crate::text::fold::fold_for_search(text);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).take(3).collect();
    crate::text::lexicon::question_words(&words, language).first().is_some_and(|(_, range)| range.start == 0)
}

/// Whether `left`, before a "vs" or a "compared to", is a question of its
/// own and `right`, after it, a name of at most two words that asks
/// nothing: "in which economic war did Russia support Serbia vs Austria".
fn against_after_a_question(left: &str, right: &str, language: Language) -> bool {
    let folded = crate::text::fold::fold_for_search(left);
    let left_words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let asks = !crate::text::lexicon::question_words(&left_words, language).is_empty();
    asks && left_words.len() >= 4 && right.split_whitespace().count() <= 2 && !opens_a_question(right, language)
}

/// The words that join two things asked at once: English in every
/// language, and the question's own "and" ("i", "и", "و"). An English
/// question's "i" is a regnal number ("Peter I"), not an "and".
fn separators(language: Language) -> impl Iterator<Item = &'static str> {
    let own: &[&str] = match language {
        Language::En => &[],
        Language::Sr => &[" i ", " и "],
        Language::Ru => &[" и "],
        Language::Ar => &[" و"],
    };
    [" and ", " & ", " + ", " as well as ", " compared to ", " compared with ", " vs ", " vs. ", " versus "].into_iter().chain(own.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::{ordinal_stand_in, relative_year_stand_in, year_stand_in};

    #[test]
    fn the_second_one_stands_for_the_left_halfs_thing() {
        assert_eq!(ordinal_stand_in("when did the first Cominform resolution come", "when the second one").as_deref(), Some("when did the second Cominform resolution come"));
        assert_eq!(ordinal_stand_in("when did the first resolution come", "when did the split happen"), None);
        assert_eq!(ordinal_stand_in("when did the resolution come", "the second one"), None);
        assert_eq!(ordinal_stand_in("1941 soviet yugo treaty", "the 1945 one").as_deref(), Some("1945 soviet yugo treaty"));
        assert_eq!(ordinal_stand_in("the soviet treaty", "the 1945 one"), None);
        assert_eq!(year_stand_in("the cominform resolutions, 1948", "1949?").as_deref(), Some("the cominform resolutions, 1949"));
        assert_eq!(year_stand_in("the cominform resolutions", "1949"), None);
        assert_eq!(relative_year_stand_in("what award did tito get the next year", || vec![1971]).as_deref(), Some("what award did tito get in 1972"));
        assert_eq!(relative_year_stand_in("what award did tito get a year earlier", || vec![1971]).as_deref(), Some("what award did tito get in 1970"));
        assert_eq!(relative_year_stand_in("what award did tito get the next year", Vec::new), None);
        assert_eq!(relative_year_stand_in("what award did tito get", || vec![1971]), None);
        assert_eq!(relative_year_stand_in("İİ what award did Tito get The Next Year", || vec![1971]).as_deref(), Some("İİ what award did Tito get in 1972"));
    }
}
