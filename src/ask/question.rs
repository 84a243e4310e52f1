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
    /// [`Question::text`] folded for search, once ([`fold_for_search`]).
    #[serde(skip)]
    pub folded: String,
    pub language: Language,
    /// What the question asks for; `What` when no question word says more.
    pub asks: Asks,
    /// A person's birth or death, asked about besides `asks` ("when did Tito die").
    pub attribute: Option<Asks>,
    /// The keyed words and the years (`query.keys`, `query.years`).
    #[serde(skip)]
    pub query: Query,
    /// A kind of entry the question names ("treaty", "declaration" → treaty).
    pub kind: Option<Kind>,
    /// The question asks for a day ("on what day"), not just a year.
    pub wants_day: bool,
    /// The question asks for a time of day ("at what time"): no date answers.
    pub wants_time: bool,
    /// The question asks for a month ("in what month"): a month or a day answers.
    pub wants_month: bool,
    /// The question asks for a year ("what year"): a year, a month or a day
    /// answers, not a decade or a century.
    pub wants_year: bool,
    /// What a "how many" question counts.
    pub counted: Vec<String>,
    /// "How many *people*": a number of persons of any kind answers.
    pub counts_persons: bool,
    /// A "how much" that asks for a sum of money ("how much did it *cost*").
    pub asks_money: bool,
    /// The kind of answer is a post ("what *post* did Ninčić hold"), which
    /// only a person's roles give.
    pub asks_role: bool,
    /// The key of the noun after "what"/"which" that says what kind of
    /// thing the answer is ("what *language*"), in English.
    pub answer_kind: Option<String>,
    /// The noun after "what"/"which" when the base never uses it and no
    /// word of the sources is a kind of it ("which *marshal*"): no sentence
    /// can say which one, so it is a gap of every entry.
    pub unknown_kind: Option<String>,
    /// The head of the noun phrase after "what"/"who" ("who was the soviet *ambassador*"):
    /// the thing asked about, which the answer must contain.
    pub head: Option<String>,
    /// The name the head belongs to ("who was the president *of
    /// Czechoslovakia*"): the evidence must say the head of that name.
    pub head_of: Option<String>,
    /// The owner was a possessive ("*Hebrang's* position"): a sentence may
    /// name the owner anywhere ("a brigade … under the command of … Ulagay").
    pub head_of_possessive: bool,
    /// The question asks when something began or ended ("when did the
    /// bombing *end*"): a date answers it only when that something is the
    /// entry itself, not an event its quotes mention.
    pub boundary: bool,
    /// The question asks who or how many *now* ("who is the ambassador
    /// today"): a sentence dated years before the sources end does not say.
    pub asks_present: bool,
    /// "Who did Yugoslavia turn to", "with whom did…": a "who" question
    /// whose person is the object of the verb, not its doer.
    pub asks_object: bool,
    /// "Who was *in the* committee", "who were *the members of*…": a "who"
    /// question that asks for the people a group was made of, which only a
    /// sentence naming a person gives (not one naming the state behind it).
    pub asks_members: bool,
    /// The question asks when something *ended* ("when did the war end",
    /// "when did the Red Army leave"): the date must be stated as an end.
    pub asks_end: bool,
    /// The question asks for a comparison ("was trade *bigger* in the 1960s
    /// or the 1980s", "the *most* important Serb"): only a sentence that
    /// makes one answers it.
    pub compares: Option<lexicon::Comparison>,
    /// The question asks when something *began* ("when did the uprising
    /// start"): the date must be stated as a beginning.
    pub asks_start: bool,
    /// The question asks for years or dates, plural ("what years did the
    /// kingdom exist"): a span of any length answers it.
    pub asks_span: bool,
    /// The question asks when someone or something *became* what it was
    /// ("when did Gorkić become *secretary-general*"): the key of the last
    /// word of what it became (empty when none is keyed). A sentence that
    /// only names the post beside another date does not say when.
    pub becoming: Option<String>,
    /// "What did Tito and Stalin *discuss*", "what did Putin *say*": the
    /// question asks for what someone said, wrote or agreed, which only a
    /// sentence that reports it gives (a meeting's date is no answer).
    pub asks_words: bool,
    /// "What did *Hebrang* reply to Stalin": asked for words, the keys of
    /// the names of who said them (between "did" and the verb of saying;
    /// empty when none is named there). English only.
    pub speaker: Vec<String>,
    /// "Which *five* countries were the successor states": how many things
    /// the question asks to be named (two or more), which a sentence that
    /// only counts them ("five … successor states") does not name. English only.
    pub names_asked: Option<usize>,
    /// "What did the 1974 agreement *include*": the question asks what a
    /// text held, which only a sentence that tells it gives (one that lists
    /// the agreement among others does not).
    pub asks_contents: bool,
    /// "What kinds of people were among the émigrés": what a group was
    /// made of ([`asks_kinds_of_people`]).
    pub asks_composition: bool,
    /// "What did Tadić *sign* in Moscow": the question asks what was
    /// signed, which only a sentence that tells a signing gives (one that
    /// tells his visit does not). "Sign" is a stopword every question may
    /// use, so no word of the query says it.
    pub asks_signed: bool,
    /// "What did Serbia have to *give up* in the convention": what was
    /// ceded, which only a sentence that tells a ceding gives (one that
    /// tells what the convention made of Serbia does not).
    pub asks_ceded: bool,
    /// "What did Pachomius the Serb *do* in Russia": the question asks a
    /// person's deeds, which only a sentence that tells one gives ("were
    /// some of the notable Serbs" tells none).
    pub asks_deeds: bool,
    /// "What was Apis's *real* name": another name than the one typed is
    /// asked, which a person's title gives only when it is another.
    pub asks_other_name: bool,
    /// "When did Serbian refugees *first* go to Russia": of the entries
    /// the question fits equally, the earliest.
    pub earliest: bool,
    /// The words that say what happened and are light only for being verbs
    /// or modifiers ("apply", "overthrew"), each as the keys of all its
    /// forms ("overthrow", "overthrown"): a date or a doer is about that
    /// event only when the evidence holds one of them.
    pub event_words: Vec<Vec<String>>,
    /// "Did the Soviets send *tanks*": the key of the common noun right
    /// after the event word of a yes/no question, what was done: a
    /// sentence that tells the event with something else ("guns") does
    /// not answer yes.
    pub polar_object: Option<String>,
    /// "Did Yugoslavia ever *join* the Union State": the keys of the verb
    /// right after the subject of names of an English yes-or-no question
    /// (adverbs aside), in its forms. A sentence that tells it only as
    /// proposed or wished for does not say whether it happened.
    pub polar_verb: Vec<String>,
    /// "Did *Russia* help Serbia…": the keys of the names a yes/no question
    /// opens with, its subject, followed by a word that is not a name. A
    /// sentence that does not name the subject cannot say yes.
    pub polar_subject: Vec<String>,
    /// "Did Serbia buy *MiG-29 jets* from Russia": the keys of the words
    /// after an English yes-or-no question's verb, up to a preposition
    /// ([`polar_things`]): what was done to or with, which a sentence must
    /// tell as such, not only as what something else was for.
    pub polar_things: Vec<String>,
    /// An English yes-or-no question ("*were* the drills ever held in
    /// Serbia"): opened by one of [`POLAR_OPENERS`].
    pub asks_whether: bool,
    /// The keys of the words of a Serbian or Russian yes-or-no question
    /// ("*da li je* Jugoslavija slala *vojnike*") that are not its verb:
    /// each thing it names must be in the sentence that answers it. Empty
    /// for any other question.
    pub whether_things: Vec<String>,
    /// The keys of a yes-or-no question's verbs that the base never uses,
    /// nor any word they may stand for ("were any soldiers *punished*", "da
    /// li je Zubov *kažnjen*"): no sentence can confirm them, so each is a
    /// gap of every entry ([`unconfirmed_verbs`]).
    pub unconfirmed_verbs: Vec<String>,
    /// [`Question::other_verb_forms`], once read: only when an entry lacks
    /// a word of the question.
    #[serde(skip)]
    pub(crate) other_verb_forms_read: std::sync::OnceLock<Vec<(String, Vec<String>)>>,
    /// The deed a question asks the date of and the names it was done to
    /// (`decide::deed_and_object`), once read, with the answer type it was
    /// read for: every candidate's check asks for it. A command sets the
    /// answer type after parsing, so a value read for another is read anew.
    #[serde(skip)]
    pub(crate) deed_and_object_read: std::sync::OnceLock<(Asks, Option<(Vec<String>, Vec<usize>)>)>,
    /// The deed a "when" question asks and the keys of its doer
    /// (`decide::deed_and_doer`), once read, as [`Question::deed_and_object_read`] is.
    #[serde(skip)]
    pub(crate) deed_and_doer_read: std::sync::OnceLock<(Asks, Option<(Vec<String>, Vec<String>)>)>,
    /// "*Will* Serbia join the EU", "*is* Serbia *going to* bring back
    /// visas", "*hoće li*", "*будет ли*": a question of what is to come,
    /// which only a sentence that tells a plan or an expectation can answer
    /// (see [`asks_future`]).
    pub asks_future: bool,
    /// "An alliance *with Russia*": the keys of the names after an
    /// alliance word and "with", the partner, which a sentence that tells
    /// an alliance with someone must name there.
    pub allied_with: Vec<String>,
    /// "Who led Yugoslavia *after* Tito": the succession word of a "who"
    /// question that asks for the one before or after a named person
    /// ([`successor_asked`]).
    pub successor_asked: Option<String>,
    /// "Did Tito get Soviet orders *other than the Order of Lenin*": the
    /// keys of what the question names only to leave it out ([`excluded_keys`]).
    pub excluded: Vec<String>,
    /// "When did Tito come to *Belgrade*": the keys of the place a journey
    /// the question asks about leads to, which the sentence that tells the
    /// journey must name after its word for it ("visited Prague" is not).
    pub journey_to: Vec<String>,
    /// One of the event words stands in the main clause, before any "when",
    /// "after" or "while" ("who *asked* the West for help after…"), not
    /// only in a clause that dates what is asked ("who became prime
    /// minister when Peter *sacked* Pašić").
    pub event_in_main_clause: bool,
    /// "What was *Linitsky sentenced* to": a "what" question of something
    /// done to a name, whose verb is what is asked, as a "who" or "when"
    /// question's is. English only.
    pub asks_deed_done_to_a_name: bool,
    /// The question asks who did something, in the active voice ("who
    /// killed…", not "who was killed…"): its verbs' forms are the deed a
    /// sentence must tell with its doer ([`super::evidence::Focus::deed`]).
    pub asks_doer: bool,
    /// The doer asked for is who signed ("who signed the 1974 agreement"):
    /// a treaty answers with its signatories or not at all.
    pub asks_signer: bool,
    /// The side the signer is asked for ("for the Soviet side"), as keys
    /// ([`signing_side`]); only a sentence that tells a signer acting for
    /// it answers.
    pub signs_for: Vec<String>,
    /// A deed only a sentence that tells it answers ("who succeeded Tito",
    /// "who won the war", "who designed the church").
    pub told_deed: Option<AskedDeed>,
    /// "What was the name of the Russian minister", "what was the war
    /// called": the key of the thing whose name is asked (its head noun);
    /// only a sentence that names it answers.
    pub name_of: Option<String>,
    /// The names that qualify that thing in the question ("the *Russian*
    /// minister"), as keys: a sentence that names it must say them.
    pub name_of_qualifiers: Vec<String>,
    /// "Ivan the Terrible's *mother*", "the mother of Ivan": a relative
    /// asked of someone; only a sentence that says whose relative answers.
    pub kin: Option<Kin>,
    /// "Where did ROVS move *after 1927*": what is asked lies after this year.
    pub after_year: Option<i32>,
    /// "Where was it *before 1927*": what is asked lies before this year.
    pub before_year: Option<i32>,
    /// "What happened to Hebrang *after the split with Stalin*": the words
    /// of an English "after" clause that names no year; the engine reads
    /// the event they name and puts what is asked after its year.
    pub after_event: Option<String>,
    /// The year the event of [`Question::after_event`] began, when the
    /// engine finds one: what is asked does not end before it.
    pub after_event_year: Option<i32>,
    /// "Who was the ambassador in Moscow *during the split*": the words of
    /// an English "during" clause that names no year.
    pub during_event: Option<String>,
    /// The first and last years of the event of [`Question::during_event`],
    /// when the engine finds one: what is asked is of that time.
    pub during_event_years: Option<(i32, i32)>,
    /// "What did the declaration say *about trade*": the keys of the words
    /// that say what the question is about (English, after "about").
    pub about: Vec<String>,
    /// "The treaty *between Yugoslavia and the USSR*": the keys of the names
    /// a "between" joins, each of which the evidence itself must hold.
    pub between: Vec<String>,
    /// "What did Germany do *after* Russia mobilized", "what did the
    /// mobilisation *lead to*": a "what" question asks for what followed an
    /// event, which the sentence after the one telling it says ("*This* led
    /// Germany to declare war").
    pub asks_what_followed: bool,
    /// "How did *Moscow* respond", "the *Soviet* reaction": the keys of the
    /// names of the one whose reaction is asked ([`reactor_keys`]).
    pub reactor: Vec<String>,
    /// "How did Russia respond *to Borislav Milošević's proposal*": the
    /// keys of the names in what the reaction was to ([`reacted_to_keys`]).
    pub reacted_to: Vec<String>,
}

/// Verbs that ask, after "what did", for what someone said, wrote or agreed.
const WORDS_VERBS: &[&str] = &[
    "say", "tell", "discuss", "talk", "write", "agree", "promise", "complain", "propose", "claim", "state", "declare", "announce",
    "express", "voice", "reply",
    // "What did Stalin *call* Tito": what he was called, in someone's words.
    "call", "describe", "label", "brand", "dub",
];

/// Verbs that ask, after "what did", for what a text or an agreement held.
const CONTENTS_VERBS: &[&str] = &["include", "contain", "cover", "stipulate", "guarantee", "provide", "regulate", "envisage"];

/// Whether an English "what" question asks for what someone said, wrote
/// or agreed: "what did (…) say / discuss / agree", at the question's end
/// or before what it was about or when ("say *about* Crimea", "discuss *in*
/// Moscow"). "What do observers say *Serbia uses* Russia for" asks what
/// Serbia does, in someone's words.
fn asks_for_words(words: &[&str], asks: Asks, language: Language) -> bool {
    match language {
        // "šta je Jugoslavija *izrazila*", "что Тито *сказал*": a past verb of saying.
        Language::Sr | Language::Ru => asks == Asks::What && words.iter().any(|w| INFLECTED_WORDS_VERBS.contains(w)),
        _ => asks_for(WORDS_VERBS, words, asks, language) || asks_for_indirectly(WORDS_VERBS, words, asks) || asks_whether_said(words, asks) || asks_which_words(words, asks),
    }
}

/// Nouns of words said: "*what words* did Yugoslavia use", "which term".
const WORDS_NOUNS: &[&str] = &["words", "word", "term", "terms", "phrase", "phrases", "expression", "expressions", "wording"];

/// Whether an English "what" question asks for words by their noun right
/// after its question word ("*what words* did Yugoslavia use about
/// Afghanistan"): a sentence that reports them answers.
fn asks_which_words(words: &[&str], asks: Asks) -> bool {
    asks == Asks::What && words.windows(2).any(|pair| matches!(pair[0], "what" | "which") && WORDS_NOUNS.contains(&pair[1]))
}

/// Verbs of a yes-or-no question that ask whether words were said: "did
/// Milan *tell* the Russians about the convention" is answered only by a
/// sentence that reports what he said, not by one that tells the convention.
const POLAR_WORDS_VERBS: &[&str] = &["say", "tell", "write", "promise", "complain", "claim", "declare", "announce", "reply", "warn", "inform"];

/// Whether an English "did …" question asks whether someone said something
/// ([`POLAR_WORDS_VERBS`] within a few words of "did", before what it was
/// about or the question's end).
fn asks_whether_said(words: &[&str], asks: Asks) -> bool {
    if asks != Asks::What || !words.first().is_some_and(|w| DO_FORMS.contains(w)) {
        return false;
    }
    let Some(at) = words.iter().take(POLAR_SPEAKER_REACH + 2).position(|w| POLAR_WORDS_VERBS.contains(w)).filter(|&at| at > 1) else { return false };
    let after = &words[at + 1..];
    after.len() < POLAR_SPEAKER_REACH || after.iter().take(POLAR_SPEAKER_REACH).any(|w| WORDS_FOLLOWERS.contains(w) || *w == "that")
}

/// How many words a yes-or-no question's speaker and what was said to whom
/// may take ("did *milan obrenovic* tell *the russians* about").
const POLAR_SPEAKER_REACH: usize = 4;

/// The keys of the names between "did" and the first verb of saying
/// ([`WORDS_VERBS`]) of a question that asks for words: "what did
/// *Hebrang* reply to Stalin", "what did *Tito and Stalin* agree on".
fn speaker_of_words(index: &Index, words: &[&str]) -> Vec<String> {
    let Some(did) = words.iter().position(|w| DO_FORMS.contains(w)) else { return Vec::new() };
    let Some(verb) = words.iter().skip(did + 1).position(|w| is_listed_verb(WORDS_VERBS, w)).map(|at| did + 1 + at) else { return Vec::new() };
    words[did + 1..verb].iter().flat_map(|word| index.word_tokens(word, Language::En).iter().map(|t| t.key.clone()).collect::<Vec<_>>()).filter(|key| index.is_proper_key(key)).collect()
}

/// Number words of a count of things asked to be named, with their number.
const COUNT_WORDS: &[(&str, usize)] = &[("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10)];

/// "Which five countries", "what 3 agreements": how many things a "what"
/// question word ("which", "wich") asks to be named, when a count of two
/// or more comes right after it.
fn names_asked(words: &[&str], found: &[(Asks, std::ops::Range<usize>)]) -> Option<usize> {
    let at = found.iter().find(|(asks, _)| *asks == Asks::What).map(|(_, range)| range.end)?;
    let next = *words.get(at)?;
    let count = COUNT_WORDS.iter().find(|(word, _)| *word == next).map(|(_, n)| *n).or_else(|| next.parse::<usize>().ok().filter(|n| (2..=20).contains(n)))?;
    // A plural noun follows, within two words ("five countries", "five
    // successor states"): not "which 1945 treaty".
    words.iter().skip(at + 1).take(2).any(|noun| noun.ends_with('s')).then_some(count)
}

/// Serbian and Russian past forms of verbs of saying, folded (Russian in
/// its Latin transliteration).
const INFLECTED_WORDS_VERBS: &[&str] = &[
    "rekao", "rekla", "rekli", "izjavio", "izjavila", "izjavili", "izrazio", "izrazila", "izrazili", "porucio", "porucila",
    "porucili", "napisao", "napisala", "napisali", "predlozio", "predlozila", "predlozili", "skazal", "skazala", "skazali",
    "zayavil", "zayavila", "zayavili", "vyrazil", "vyrazila", "vyrazili", "napisal", "predlozhil", "predlozhila", "predlozhili",
];

/// Whether an English "what" question asks what a text or an agreement
/// held: "what did the 1974 agreement *include*", "what does the treaty
/// *provide* for" (see [`asks_for_words`] for the form).
fn asks_for_contents(words: &[&str], asks: Asks, language: Language) -> bool {
    asks_for(CONTENTS_VERBS, words, asks, language) || language == Language::En && asks_for_indirectly(CONTENTS_VERBS, words, asks)
}

/// "What *kinds of people* were among the émigrés": what a group was made
/// of, which the sentence that says what it included tells ("the emigrants
/// included former aristocrats, military officers, and intellectuals").
/// English only.
fn asks_kinds_of_people(words: &[&str]) -> bool {
    words.windows(3).any(|three| matches!(three[0], "kind" | "kinds" | "type" | "types" | "sort" | "sorts") && three[1] == "of" && lexicon::is_general_person_word(three[2]))
}

/// Verbs that ask what was signed.
const SIGNED_VERBS: &[&str] = &["sign", "signed", "conclude"];

/// Whether an English "what" question asks what someone signed: "what did
/// Tadić *sign* in Moscow" (see [`asks_for_words`] for the form).
fn asks_for_signed(words: &[&str], asks: Asks, language: Language) -> bool {
    match language {
        // "Šta je Medvedev *potpisao*", "что Тадич *подписал*": a past verb of signing.
        Language::Sr | Language::Ru => asks == Asks::What && words.iter().any(|w| INFLECTED_SIGNED_VERBS.contains(w)),
        _ => asks_for(SIGNED_VERBS, words, asks, language),
    }
}

/// Serbian and Russian active past forms of "sign", folded (Russian in its
/// Latin transliteration); not the passive "potpisan", which asks what
/// the signed thing was.
const INFLECTED_SIGNED_VERBS: &[&str] = &["potpisao", "potpisala", "potpisali", "podpisal", "podpisala", "podpisali"];

/// Whether an English "what did (…)" asks what was ceded: a verb of
/// ceding ([`CEDING_VERBS`]), or "give up" or "hand over" read as one
/// ("what did Serbia have to *give up* in…").
fn asks_for_ceded(words: &[&str], asks: Asks, language: Language) -> bool {
    if language != Language::En || asks != Asks::What || !words.iter().any(|w| CEDING_VERBS.contains(w) || matches!(*w, "up" | "over")) {
        return false;
    }
    let joined: Vec<String> = words.iter().enumerate().map(|(at, word)| match words.get(at + 1) {
        Some(&"up") if matches!(*word, "give" | "gave" | "given") => "cede".to_string(),
        Some(&"over") if matches!(*word, "hand" | "handed") => "cede".to_string(),
        _ if at > 0 && matches!((words[at - 1], *word), ("give" | "gave" | "given", "up") | ("hand" | "handed", "over")) => String::new(),
        _ => word.to_string(),
    }).filter(|word| !word.is_empty()).collect();
    let joined: Vec<&str> = joined.iter().map(String::as_str).collect();
    asks_for(CEDING_VERBS, &joined, asks, language)
}

/// Verbs of ceding, in the forms that follow "did".
const CEDING_VERBS: &[&str] = &["cede", "surrender", "renounce", "relinquish", "forfeit"];

/// Whether a question without "did" asks what [`asks_for`] does, in the
/// order of a question told ("`/treaty` what the 1955 agreement
/// *covered*", "what Tito and Stalin *discussed* in Moscow"): "what", then
/// who did it, then a verb of `verbs` in the past or the present, at the
/// question's end or before what it was about or when. Not a passive
/// ("what agreement *was* signed"), which asks which thing it was, and
/// not with an object after the verb ("what agreement covered trade").
fn asks_for_indirectly(verbs: &[&str], words: &[&str], asks: Asks) -> bool {
    if asks != Asks::What || words.first() != Some(&"what") {
        return false;
    }
    let told = |word: &str| verbs.iter().any(|verb| told_form(verb, word));
    let Some(at) = words.iter().skip(2).position(|w| told(w)).map(|at| at + 2) else { return false };
    let passive = words[1..at].iter().any(|word| BE_FORMS.contains(word) || *word == "been");
    !passive && words.get(at + 1).is_none_or(|next| WORDS_FOLLOWERS.contains(next))
}

/// Whether `word` is `verb` in its past or its third person ("covered",
/// "agreed", "replied", "includes"; "said", "told", "wrote").
fn told_form(verb: &str, word: &str) -> bool {
    let irregular = matches!((verb, word), ("say", "said" | "says") | ("tell", "told" | "tells") | ("write", "wrote" | "writes"));
    let regular = word.strip_prefix(verb).is_some_and(|ending| matches!(ending, "ed" | "s" | "es") || ending == "d" && verb.ends_with('e'));
    // "Reply": "replied", "replies".
    let y_form = verb.strip_suffix('y').is_some_and(|stem| word.strip_prefix(stem).is_some_and(|ending| matches!(ending, "ied" | "ies")));
    irregular || regular || y_form
}

/// Whether `word` is one of `verbs`, or one with a doubled letter typed
/// once ("what did Tito and Stalin *discus*"): the likeliest slip, and one
/// a verb's stem hides, so the word is as known as the verb.
fn is_listed_verb(verbs: &[&str], word: &str) -> bool {
    verbs.contains(&word) || word.len() >= 5 && verbs.iter().any(|verb| crate::ask::index::doubling_slip(word, verb) && word.len() < verb.len())
}

/// Whether "what did (…)" is followed by one of `verbs`, at the question's
/// end or before what it was about or when, the one it was said to between.
fn asks_for(verbs: &[&str], words: &[&str], asks: Asks, language: Language) -> bool {
    if language != Language::En || asks != Asks::What {
        return false;
    }
    let Some(did) = words.iter().position(|w| DO_FORMS.contains(w)) else { return false };
    // "Which Yugoslav did Stalin talk to" asks for a person, not for words;
    // "what *exactly* did" asks as "what did" does.
    let asker = words[..did].iter().rev().find(|w| !matches!(**w, "exactly" | "precisely"));
    if did > 0 && asker != Some(&"what") {
        return false;
    }
    let spoken = words.iter().enumerate().skip(did + 1).find(|(_, w)| is_listed_verb(verbs, w)).map(|(at, _)| at);
    let ends_there = |at: usize| words.get(at).is_none_or(|next| WORDS_FOLLOWERS.contains(next));
    // "What did Khrushchev tell *Tito* when…": the one told between.
    spoken.is_some_and(|at| ends_there(at + 1) || words.get(at + 1).is_some_and(|object| !lexicon::is_stopword(object, language)) && ends_there(at + 2))
}

/// Words after a verb of saying that end what it asks ("say *about*",
/// "discuss *in* Moscow", "say *when* he visited").
const WORDS_FOLLOWERS: &[&str] = &["about", "when", "in", "at", "on", "to", "after", "before", "during", "of", "with", "regarding", "concerning", "under"];

/// Words that ask when something became what it was, folded (Russian as
/// transliterated: "стал", "стала").
const BECOME_WORDS: &[&str] =
    &["become", "became", "becomes", "becoming", "postao", "postala", "postalo", "postali", "postane", "stal", "stala", "stalo", "stali", "stanet"];

/// Words that end what a question says something became ("president *of*
/// Yugoslavia", "king *in* 1882").
const BECAME_ENDS: &[&str] = &["of", "in", "at", "after", "before", "when", "during", "for", "on", "by", "u", "od", "posle", "kada"];

/// For a question that asks when something became what it was, the key of
/// the head of what it became, or an empty key when none is keyed: in
/// English its last word ("become party *secretary-general*"); in Serbian
/// and Russian its first, which goes before the name it is of ("стал
/// *главой* русской церкви", "postao *poglavar* crkve").
///
/// Not "became *part* of" ("стала *частью* Новороссии", "postala *deo*"):
/// that tells an incorporation, which its date answers.
fn became_what(index: &Index, text: &str, words: &[&str], language: Language) -> Option<String> {
    let Some(at) = words.iter().position(|w| BECOME_WORDS.contains(w)) else {
        return made_what(index, words, language);
    };
    // "Became *one of* the founders", "стал *одним из* основателей": what
    // the one became is the founders'.
    let rest = &words[at + 1..];
    let rest = match rest {
        [one, of, after @ ..] if ONE_WORDS.contains(one) && matches!(*of, "of" | "iz" | "od") => after,
        _ => rest,
    };
    let mut complement = rest.iter().take_while(|w| !BECAME_ENDS.contains(w)).filter(|w| !lexicon::is_stopword(w, language));
    let head = if matches!(language, Language::Sr | Language::Ru) { complement.next() } else { complement.last() };
    if head.is_some_and(|word| PART_WORDS.contains(word)) {
        return None;
    }
    // "Стали *бежать*": "стать" before an infinitive is "began to", not "became".
    if language == Language::Ru && head.is_some_and(|word| ["t", "ti", "tsya", "ch"].iter().any(|ending| word.ends_with(ending))) {
        return None;
    }
    // Keyed as typed in Serbian and Russian ("основателей" is a founder's, as the synonyms say).
    let head = head.map(|word| if matches!(language, Language::Sr | Language::Ru) { as_typed(text, word) } else { word });
    Some(head.and_then(|word| index.word_tokens(word, language).last().map(|t| t.key.clone())).unwrap_or_default())
}

/// English passives of making someone something ("was Gorkić *made*
/// secretary-general", "*appointed* ambassador"): a becoming, as
/// [`BECOME_WORDS`] are, when a form of "to be" comes before and a title
/// right after.
const MADE_WORDS: &[&str] = &["made", "appointed", "elected", "named", "crowned", "proclaimed"];

/// Words right after a participle of [`MADE_WORDS`] that open no title
/// ("made *into* a film", "elected *by* the assembly", "named *after*").
const MADE_FOLLOWERS: &[&str] = &["into", "to", "by", "after", "from", "with", "up", "out", "for", "in", "at", "on", "of", "and", "or", "the", "a", "an", "it", "that", "there"];

/// For an English question that asks when someone was *made* something
/// ([`MADE_WORDS`]), the key of the title's head, its last word before a
/// word that ends it ("secretary *general* of the Yugoslav communists").
fn made_what(index: &Index, words: &[&str], language: Language) -> Option<String> {
    if language != Language::En {
        return None;
    }
    let at = words.iter().position(|w| MADE_WORDS.contains(w))?;
    if !words[..at].iter().any(|w| matches!(*w, "was" | "were" | "is" | "are" | "been" | "be" | "get" | "got")) {
        return None;
    }
    let next = words.get(at + 1).filter(|w| !MADE_FOLLOWERS.contains(w) && !lexicon::is_stopword(w, language))?;
    let title = std::iter::once(next).chain(words[at + 2..].iter().take_while(|w| !BECAME_ENDS.contains(w) && !MADE_FOLLOWERS.contains(w)));
    let head = title.filter(|w| !lexicon::is_stopword(w, language)).last()?;
    index.word_tokens(head, language).last().map(|t| t.key.clone())
}

/// "One" in English, Serbian and Russian (transliterated), as in "one of".
const ONE_WORDS: &[&str] = &["one", "jedan", "jedna", "jedno", "jednim", "jednom", "jednu", "odin", "odna", "odno", "odnim", "odnoy", "odnoi", "odnogo"];

/// "Part" in Serbian and Russian, folded (Russian as transliterated), after
/// a verb of becoming ([`became_what`]).
const PART_WORDS: &[&str] = &["deo", "dio", "delom", "dijelom", "chastyu", "chast"];

/// Whether "who" is followed by a word of becoming: the person asked is
/// the one who became something.
fn who_became(words: &[&str]) -> bool {
    words.windows(2).any(|pair| matches!(pair[0], "who" | "ko" | "kto") && BECOME_WORDS.contains(&pair[1]))
}

/// Words that ask for the beginning of something, folded.
const START_WORDS: &[&str] = &[
    "start", "started", "starts", "begin", "began", "begun", "begins", "commence", "commenced", "pocela", "poceo", "pocelo",
    "poceli", "zapoceo", "zapocela", "nachalas", "nachalsya", "nachalos", "nachali",
];

/// [`START_WORDS`], [`END_WORDS`] and [`BOUNDARY_WORDS`] as sets: every
/// word of every question is looked for in them.
static START_WORD_SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| START_WORDS.iter().copied().collect());
static END_WORD_SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| END_WORDS.iter().copied().collect());
static BOUNDARY_WORD_SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| BOUNDARY_WORDS.iter().copied().collect());

/// A list of folded words, looked up by hashing.
type WordSet = rustc_hash::FxHashSet<&'static str>;

/// Verbs that end something with their particle ("pulled out", "dropped
/// out", "walked out", "moved out", "gave up"): each verb's forms, and the particle.
const END_PHRASES: &[(&[&str], &str)] = &[
    (&["pull", "pulled", "pulls"], "out"),
    (&["drop", "dropped", "drops"], "out"),
    (&["walk", "walked", "walks"], "out"),
    (&["opt", "opted", "opts"], "out"),
    (&["move", "moved", "moves"], "out"),
    (&["give", "gave", "given", "gives"], "up"),
];

/// Words that ask for the end of something, folded.
const END_WORDS: &[&str] = &[
    "end", "ended", "ends", "finish", "finished", "stop", "stopped", "conclude", "concluded", "leave", "left", "close", "closed",
    "withdraw", "withdrew", "quit", "dissolve", "dissolved", "zavrsen", "zavrsena", "zavrsio", "zavrsila", "zavrsilo", "napustio", "napustila",
    "zatvoren", "zatvorena", "povukla", "povukao", "povukli", "povuci", "vyshla", "vyshel", "vyshli", "zakonchilas", "zakonchilsya", "zakonchilos", "pokinul", "pokinula", "zakryt", "zakryli",
    "izasla", "izasao", "izasli", "prestala", "prestao", "prestali", "prestalo", "perestala", "perestal", "perestali", "prekratila",
    "prekratil", "prekratili", "pokinuli", "ushel", "ushla", "ushli",
];

/// Words and phrases that ask about the present ("who is the ambassador
/// *now*"), in the languages histbot reads.
const PRESENT: &[&str] = &[
    "now", "today", "currently", "nowadays", "presently", "these days", "at present", "at the moment", "sada", "danas", "trenutno", "сада", "данас", "сейчас", "сегодня",
    "в настоящее время",
];

/// The English words of [`PRESENT`] that are words of their own.
const PRESENT_WORDS: &str = "now today currently nowadays presently";

/// [`PRESENT`] folded as questions are, each as its words.
static PRESENT_FOLDED: std::sync::LazyLock<PhraseList> = std::sync::LazyLock::new(|| PhraseList::new(PRESENT));

/// Words that ask for the start or the end of something, folded.
const BOUNDARY_WORDS: &[&str] = &[
    "end", "ended", "ends", "finish", "finished", "stop", "stopped", "begin", "began", "begun", "start", "started",
    "conclude", "concluded", "completed", "zavrsen", "zavrsena", "zavrsio", "zavrsila", "zavrsilo", "pocela", "poceo", "pocelo",
    "zakonchilas", "zakonchilsya", "zakonchilos", "nachalas", "nachalsya", "nachalos",
];

/// In a "how many" question an adverb or participle says which quantity is
/// asked ("how many *stayed permanently*"): it counts in full, not light.
/// A word the sources only ever write capitalised ("Count Orlov") is a
/// name there, not the participle the question uses ("counted"): it stays light.
/// `words` are read as corrected: "actualy" is the light "actually".
fn weigh_quantity_words(index: &Index, query: &mut Query, words: &[&str], language: Language) {
    for word in words.iter().filter(|w| lexicon::is_light_by_ending(w, language) && !COUNTING_VERBS.contains(w)) {
        for token in index.word_tokens(word, language).iter() {
            if let Some(position) = query.keys.iter().position(|k| *k == token.key) {
                if !index.is_proper(query, position) {
                    query.set_light(position, false);
                }
            }
        }
    }
}

/// Participles that only restate "how many" ("how many Russians were
/// *counted*"): they stay light.
const COUNTING_VERBS: &[&str] = &["counted", "recorded", "registered", "numbered", "estimated", "tallied", "listed", "enumerated"];

/// Words that name the treaty kind, folded.
const TREATY_WORDS: &[&str] = &[
    "treaty", "treaties", "convention", "agreement", "declaration", "pact", "accord", "ugovor", "sporazum",
    "deklaracija", "dogovor", "soglashenie", "deklaratsiya", "deklaratsii", "deklaraciju", "معاهده", "اعلان",
];

/// "Born" and "died" say what is asked, like a question word: they are not
/// looked for in the entries.
fn drop_attribute_words(index: &Index, query: &mut Query, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language) {
    let attribute_keys: Vec<String> = found
        .iter()
        .filter(|(asks, _)| matches!(asks, Asks::Born | Asks::Died))
        .flat_map(|(_, range)| words.get(range.clone()).unwrap_or_default().iter())
        .flat_map(|word| index.tokens(word, language).into_iter().map(|t| t.key))
        .collect();
    query.remove_keys(&attribute_keys);
}

/// Serbian and Russian words for "which", folded (Russian in its Latin
/// transliteration).
const INFLECTED_WHICH: &[&str] = &["koji", "koja", "koje", "koju", "kakie", "kakoy", "kakaya", "kakoe", "kakuyu", "kakikh", "kotorye", "kotoryy", "kotoraya"];

/// The kind of person a Serbian or Russian question asks for after "which"
/// ("какие *писатели*"): the query's first key that is no name, when it is one.
fn inflected_person_kind(index: &Index, query: &Query, words: &[&str], language: Language) -> Option<String> {
    if !matches!(language, Language::Sr | Language::Ru) || !words.first().is_some_and(|w| INFLECTED_WHICH.contains(w)) {
        return None;
    }
    // "Koja *najpoznatija* bitka", "какое *самое известное* сражение": a
    // superlative modifies the noun after it, though a notable may be a person.
    let superlative = |word: &&str| word.starts_with("naj") || SUPERLATIVE_WORDS.contains(word);
    if words.iter().skip(1).take(2).any(superlative) {
        return None;
    }
    // The first key past the names that modify it ("югославские").
    query.keys.iter().find(|key| !index.is_proper_key(key)).filter(|key| index.is_person_kind(key)).cloned()
}

/// Russian words that make a superlative ("*самый* известный"), folded.
const SUPERLATIVE_WORDS: &[&str] = &["samyy", "samyi", "samyj", "samaya", "samoe", "samye", "samogo", "samoy", "samykh"];

/// Nouns that ask for a person's post ("what *post* did he hold").
const ROLE_WORDS: &[&str] = &["post", "job", "position", "office", "role", "title", "occupation", "profession", "rank"];

/// [`ROLE_WORDS`] in Serbian and Russian, folded (Russian in its Latin
/// transliteration): "koju je *funkciju* imao", "какую *должность* занимал".
const INFLECTED_ROLE_WORDS: &[&str] = &[
    "funkcija", "funkciju", "funkcije", "polozaj", "polozaju", "duznost", "duznosti", "zvanje", "dolzhnost", "dolzhnosti", "dolzhnostyu",
];

/// Currencies a quantity may be asked in ("in dollars"), folded.
const CURRENCY_WORDS: &[&str] = &["dollar", "dollars", "usd", "euro", "euros", "eur", "rouble", "roubles", "ruble", "rubles", "dinar", "dinars", "dolar", "dolara", "dolari", "evra", "rubalja", "dollarov", "evro", "rublei", "rublej", "dinarov"];

/// Words that ask what something cost or what was paid for it, folded
/// ("koliko *košta*", "сколько *стоит*", "how much did Gazprom *pay*").
const COST_WORDS: &[&str] = &[
    "cost", "costs", "costed", "price", "priced", "kosta", "kostao", "kostala", "kostalo", "cena", "cenu", "cene", "ceni", "cenom", "cijena", "cijenu", "stoit", "stoil",
    "stoila", "stoilo", "stoimost", "tsena", "tsenu", "tsene", "tseny", "tsenoy", "pay", "paid", "pays", "spend", "spent", "platio", "platila", "platili",
    "zaplatil", "zaplatila", "zaplatili",
    // The present ("koliko Srbija *plaća*", "сколько *платит*") and past of "pay".
    "placa", "placaju", "platil", "platit", "platyat",
];

/// Whether a folded word is one of [`COST_WORDS`], Serbian Cyrillic read
/// as Latin ("кошта", folded "koshta", is "kosta").
fn is_cost_word(word: &str) -> bool {
    COST_WORDS.contains(&crate::text::fold::serbian_latin(word).as_ref())
}

/// "What did Gazprom Neft pay", "what did the coup cost": "what" and a
/// form of "do", then a word of [`COST_WORDS`] in the clause.
fn asks_what_was_paid(words: &[&str]) -> bool {
    words.first() == Some(&"what") && words.get(1).is_some_and(|w| DO_FORMS.contains(w)) && words.iter().skip(2).take(6).any(|w| is_cost_word(w))
}

/// Words that open a question asking which or what kind, folded: English
/// "what", "which"; Serbian "koji", "kakav", "šta"; Russian "какой",
/// "каков", "что" (as transliterated).
const WHICH_WORDS: &[&str] = &[
    "what", "which", "koji", "koja", "koje", "kakav", "kakva", "kakvo", "sta", "kakoy", "kakaya", "kakoe", "kakov", "kakova", "kakovo", "chto",
];

/// [`WHICH_WORDS`] of Serbian and Russian in their other cases, folded
/// (Russian as transliterated): "*какую* машину", "*koju* zastavu".
const INFLECTED_WHICH_WORDS: &[&str] = &[
    "kakuyu", "kakogo", "kakomu", "kakim", "kakikh", "kakom", "koju", "kojeg", "kojem", "kojim", "kojoj", "kojih", "kakvu", "kakvog", "kakvom",
];

/// Nouns of an amount, folded: "volume", "amount", "size"; Serbian "obim",
/// "iznos", "obujam"; Russian "объём", "размер", "количество", "сумма".
const QUANTITY_WORDS: &[&str] = &[
    "volume", "amount", "size", "quantity", "sum", "obim", "obima", "iznos", "obujam", "kolicina", "obem", "obyom", "razmer", "kolichestvo", "summa",
];

/// "What was the *volume* of trade", "какой был *объём* торговли": a
/// question word asking which or what, a form of "to be" and an article
/// at most, then a noun of an amount ([`QUANTITY_WORDS`]), asks how much.
fn asks_an_amount(words: &[&str]) -> bool {
    let mut rest = words.iter().skip_while(|w| WHICH_WORDS.contains(w)).skip_while(|w| BE_FORMS.contains(w) || matches!(**w, "the" | "a" | "an"));
    words.first().is_some_and(|w| WHICH_WORDS.contains(w)) && rest.next().is_some_and(|w| QUANTITY_WORDS.contains(w))
}

/// The Russian plural "which", folded ("*какие* фильмы", "*каких* фильмов").
pub(crate) const RUSSIAN_PLURAL_WHICH: &[&str] = &["kakie", "kakikh"];

/// Words of a question word that ask for a share ("what *percentage*").
/// Serbian and Russian ones folded ("koji *udeo*", "какую *долю*").
const SHARE_WORDS: &[&str] = &["percent", "percentage", "share", "proportion", "procenat", "udeo", "deo", "dio", "dolyu", "dolya", "protsent"];

/// Serbian and Russian auxiliaries and the reflexive "se", folded, that may
/// stand between "koliko"/"сколько" and what it counts.
const COUNT_AUXILIARIES: &[&str] =
    &["je", "su", "se", "bi", "bio", "bila", "bilo", "bili", "ima", "imalo", "bylo", "byl", "byla", "byli", "est", "budet"];

/// Verbs that follow "how" when it asks for a manner.
const AUXILIARIES: &[&str] = &["did", "does", "do", "was", "were", "is", "are", "could", "can", "would", "has", "have", "had"];

/// "Как (именно) убили", "kako je ubijen": a Serbian or Russian "how"
/// followed by a verb, past its auxiliary or an adverb of exactness, asks
/// for a manner, as English "how did" does (`at`: the word after "how").
fn inflected_manner(words: &[&str], at: usize, language: Language) -> bool {
    matches!(language, Language::Sr | Language::Ru)
        && words
            .iter()
            .skip(at)
            .find(|w| !MANNER_FILLERS.contains(w))
            .is_some_and(|verb| !NAMING_VERBS.contains(verb) && (lexicon::is_short_active_past(verb, language) || lexicon::is_light(verb, language) && !lexicon::is_listed_light(verb)))
}

/// Words between a Serbian or Russian "how" and its verb, folded.
const MANNER_FILLERS: &[&str] = &["je", "su", "se", "imenno", "tocno", "tacno", "tochno", "zapravo"];

/// Serbian and Russian verbs of being called, folded: "kako se *zvao*",
/// "как *звали*" ask a name, not a manner.
const NAMING_VERBS: &[&str] = &[
    "zvao", "zvala", "zvalo", "zvali", "zove", "zovu", "nazivao", "nazivala", "nazivali", "nazvan", "nazvana", "nazvano", "nazvali", "zovut", "zvalsya",
    "zvalas", "nazyvali", "nazyvalsya", "nazyvalas",
];

/// Question words after which a noun names the kind of answer, not the topic
/// ("what *town*", "which *newspaper*", "how many *members*").
const TYPE_ASKING: &[Asks] = &[Asks::What, Asks::HowMany];

/// Mark as light the noun right after "what"/"which"/"how many" (past up to
/// two modifiers: "which *British* paper"): it says what kind of thing the
/// answer is, which the evidence need not repeat.
/// Returns what those nouns say the answer is ([`AnswerType`]). `words`
/// are read as corrected: "which *newspapr*", "how many *demonstraters*".
fn mark_answer_type_nouns(index: &Index, query: &mut Query, text: &str, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language) -> AnswerType {
    let mut counted = Vec::new();
    let mut kind = None;
    let mut unknown_kind = None;
    let mut counts_persons = false;
    // Keyed as typed in Serbian and Russian: "страна" is keyed from its
    // Cyrillic, as the query keyed it, not from its folded "strana".
    let inflected = matches!(language, Language::Sr | Language::Ru);
    let first_key = |word: &str| index.word_tokens(if inflected { as_typed(text, word) } else { word }, language).first().map(|t| t.key.clone());
    for (asks, range) in found {
        // "Which *city*", "what *country*": a question phrase of place whose
        // noun is the kind of place asked, which the sentence names ("located
        // in *Belgrade*") rather than repeats.
        if *asks == Asks::Where && range.len() > 1 && language == Language::En {
            let keys: Vec<String> = words.get(range.end - 1).map(|noun| index.word_tokens(noun, language).iter().map(|t| t.key.clone()).collect()).unwrap_or_default();
            if let Some(place) = keys.iter().find(|key| index.is_kind(key)) {
                kind = kind.or_else(|| Some(place.clone()));
                query.mark_keys_light(&keys);
            }
            continue;
        }
        if !TYPE_ASKING.contains(asks) {
            continue;
        }
        // Only a noun right after the question word: in "what was the
        // population of…", "population" is the attribute asked about, not its kind.
        // Past up to two modifiers: "which *egyptian* newspaper", "what *british* paper".
        // A title that is a kind of person is the noun itself: "which *King* dismissed".
        let modifier = |word: &&&str| {
            let keys: Vec<String> = index.word_tokens(word, language).iter().map(|t| t.key.clone()).collect();
            let modifies = |k: &String| index.is_proper_key(k) && !(index.is_title_key(k) && index.is_person_kind(k));
            crate::text::lexicon::is_light(word, language) || keys.iter().any(modifies)
        };
        // "What were relations *like*": a description is asked; the noun is
        // what it is of, not the kind of the answer.
        if *asks == Asks::What && asks_what_like(words) {
            continue;
        }
        // "What *alarmed* Yugoslav diplomats": a past verb right after
        // "what" has it as its subject; the noun after is its object.
        if *asks == Asks::What && language == Language::En && words.get(range.end).is_some_and(|w| w.ends_with("ed") && crate::text::lexicon::is_english_predicate_form(w)) {
            continue;
        }
        // "What percentage *of NIS*": a share is of the noun after "of", which the number must come with.
        let asks_share = *asks == Asks::HowMany && words.get(range.clone()).is_some_and(|asked| asked.iter().any(|w| SHARE_WORDS.contains(w)));
        // "How many *percent* of NIS", "сколько *процентов* NIS", "koliko
        // *procenata* NIS-a": a share word in any case, right after the
        // question word, asks a share too, of what follows it.
        let share_after = *asks == Asks::HowMany && words.get(range.end).is_some_and(|w| SHARE_WORDS.contains(w) || first_key(w).is_some_and(|key| SHARE_WORDS.contains(&key.as_str())));
        let asks_share = asks_share || share_after;
        // A people's thing comes first: "what share *of Russian exports*" is
        // of exports, not of Russians.
        // In Serbian and Russian it is the genitive right after ("какую долю *NIS*").
        let of = if share_after || words.get(range.end) == Some(&"of") { Some(range.end + 1) } else { inflected.then_some(range.end) };
        if let Some(of) = of.filter(|_| asks_share && counted.is_empty()) {
            let at = words.iter().enumerate().skip(of).find(|(_, w)| !crate::text::lexicon::is_stopword(w, language)).map(|(at, _)| at);
            let key_of = |at: usize| words.get(at).and_then(|word| first_key(word));
            counted = at.and_then(key_of).into_iter().collect();
            if counted.first().is_some_and(|key| index.is_state_key(key)) {
                let thing = at.map(|at| at + 1).filter(|&next| words.get(next).is_some_and(|w| is_plain_noun(w, language)));
                counted.splice(0..0, thing.and_then(key_of));
            }
            continue;
        }
        // "How many *of the Russians* in Serbia were *Serbian citizens*": a
        // part of a group, counted as what the part is (a noun, not "killed").
        if *asks == Asks::HowMany && language == Language::En && counted.is_empty() && words.get(range.end) == Some(&"of") {
            let be = words.iter().enumerate().skip(range.end).find(|(_, w)| BE_FORMS.contains(w)).map(|(at, _)| at);
            let part = be.map(|be| words.iter().skip(be + 1).take_while(|w| !crate::text::lexicon::is_stopword(w, language)).collect::<Vec<_>>());
            let head = part.and_then(|part| part.last().copied()).filter(|w| !crate::text::lexicon::is_english_predicate_form(w) && !crate::text::lexicon::is_light(w, language));
            if let Some(head) = head {
                counted = index.word_tokens(head, language).first().map(|t| t.key.clone()).into_iter().collect();
                continue;
            }
        }
        // "Koliko *je* ruskih izbeglica", "koliko *se* ljudi": in Serbian and
        // Russian, what is counted may follow a verb's auxiliary or "se",
        // and what is priced follows its verb ("koliko *košta* ruski gas").
        let range = if *asks == Asks::HowMany && inflected {
            range.start..range.end + words.iter().skip(range.end).take_while(|w| COUNT_AUXILIARIES.contains(w) || is_cost_word(w)).count()
        } else {
            range.clone()
        };
        // A name right before an auxiliary or a verb is what is counted
        // ("how many *Russians* were living", "how many *Russians* entered
        // Serbia", "сколько *сербов* воевало").
        let verb = |word: &str| match language {
            // Not a word in "-ing", which may be a noun's ("how many NIS
            // *filling* stations"), nor a short one in "-ed" ("*red*").
            Language::En => crate::text::lexicon::is_english_predicate_form(word) || crate::text::lexicon::is_irregular_verb_form(word),
            _ => crate::text::lexicon::is_active_past(word, language) || crate::text::lexicon::is_listed_light(word),
        };
        let before_auxiliary = |at: usize| *asks == Asks::HowMany && words.get(at + 1).is_some_and(|next| AUXILIARIES.contains(next) || BE_FORMS.contains(next) || verb(next));
        let skipped = (range.end..words.len()).take(2).take_while(|&at| modifier(&&words[at]) && !(index.word_tokens(words[at], language).iter().any(|t| index.is_proper_key(&t.key)) && before_auxiliary(at))).count();
        let at = if words.get(range.end + skipped).is_some_and(|w| !crate::text::lexicon::is_stopword(w, language)) { range.end + skipped } else { range.end };
        let Some(next) = words.get(at).filter(|w| !crate::text::lexicon::is_stopword(w, language)) else { continue };
        let noun = if inflected { as_typed(text, next) } else { next };
        let keys: Vec<String> = index.word_tokens(noun, language).iter().map(|t| t.key.clone()).collect();
        // "How many people": persons of any kind ("250,000 *demonstrators*").
        counts_persons |= *asks == Asks::HowMany && words.get(range.end..=at).unwrap_or_default().iter().any(|w| crate::text::lexicon::is_general_person_word(w));
        // What is counted, unless it is as general as "people".
        if *asks == Asks::HowMany && counted.is_empty() && !crate::text::lexicon::is_light(next, Language::En) {
            // "Koliko Srbija *plaća* ruski gas": what is paid is counted as
            // in English ("how much does Serbia pay"), not the gas.
            let compound = words.get(at + 1).filter(|w| !crate::text::lexicon::is_stopword(w, language) && !crate::text::lexicon::is_light(w, language) && !is_cost_word(next));
            // Keyed as typed ("россиян", not "rossiyan").
            let single = |word: &&str| {
                let typed = if inflected { as_typed(text, word) } else { word };
                // A word the synonyms translate into a phrase ("заправок": "filling station") counts the phrase's head.
                let key = index.word_tokens(typed, language).first().map(|t| t.key.clone())?;
                let key = if inflected { key.rsplit(' ').next().map(str::to_string).unwrap_or(key) } else { key };
                // One word, though the key read as text may be a stopword ("month").
                Some(key).filter(|k| !k.contains(' ') || index.keyer().index_keys(k).len() == 1)
            };
            counted = std::iter::once(next).chain(compound).filter_map(single).collect();
            // "Сколько *россия* экспортировала", "сколько составил *российский*
            // экспорт": a state's name or an adjective in the singular is
            // the doer or a modifier, not the people counted ("россиян").
            if language == Language::Ru && counted.first().is_some_and(|key| index.is_state_key(key)) && is_russian_singular_name(next) {
                counted.remove(0);
            }
        }
        if *asks == Asks::What && language == Language::En && kind.is_none() {
            // The second noun of a compound before the verb's auxiliary: "what government *post* did";
            // or, a plain noun, before a preposition or at the end: "what trade *war* with Austria".
            let ends_phrase = |at: usize| words.get(at).is_none_or(|next| crate::text::lexicon::is_stopword(next, language));
            let plain_noun = |w: &str| is_plain_noun(w, language) && !index.word_tokens(w, language).iter().any(|t| index.is_proper_key(&t.key));
            let compound = words.get(at + 1).filter(|w| !crate::text::lexicon::is_stopword(w, language) && (words.get(at + 2).is_some_and(|aux| AUXILIARIES.contains(aux)) || plain_noun(w) && ends_phrase(at + 2)));
            // Otherwise the first word after the question word that is a
            // kind of thing ("which *country* counts"), past a name that
            // modifies it though it names a kind too ("which European
            // *country*": Europe is a continent).
            let key_of = |word: &&str| first_key(word);
            let kinds = || words.get(range.end..=at).unwrap_or_default().iter().filter_map(key_of).filter(|key| index.is_kind(key));
            kind = match compound {
                Some(head) => key_of(head),
                None => kinds().find(|key| !index.is_proper_key(key)).or_else(|| kinds().next()),
            };
            // A kind of person is asked for even when no noun of the sources
            // is one of it ("which *sultan* abolished"); only the noun itself,
            // not a modifier ("which *Yugoslav* film", "which *great* power").
            let noun_ends = words.get(at + 1).is_none_or(|w| crate::text::lexicon::is_stopword(w, language) || crate::text::lexicon::is_light(w, language) || AUXILIARIES.contains(w));
            kind = kind.or_else(|| key_of(next).filter(|key| noun_ends && index.is_person_kind(key)));
        }
        // "Какие *фильмы*": a Russian plural "which" asks for things of the
        // kind after it, keyed as typed.
        if *asks == Asks::What && language == Language::Ru && kind.is_none() && words.get(range.clone()).is_some_and(|asked| asked.iter().any(|w| RUSSIAN_PLURAL_WHICH.contains(w))) {
            // The first word that is no name's, past up to two ("какие *югославские* фильмы").
            kind = words.iter().skip(range.end).take(3).filter_map(|word| first_key(word)).find(|key| !index.is_proper_key(key)).filter(|key| index.is_kind(key));
        }
        // "Which *marshal* commanded…": a kind of answer the sources never
        // name, nor any word of theirs is a kind of. Not past a verb ("which
        // Serbs *were* famous"), nor a modifier of a noun the base knows
        // ("which checkoslovak *politicians*"). A typo is judged as the word
        // it was corrected to (the words are read as corrected).
        let noun_phrase = words.get(range.end..at).unwrap_or_default().iter().all(|w| !crate::text::lexicon::is_stopword(w, language));
        // Nor "what *type* of aid", whose kind is the noun after "of".
        let known_noun_after = words.get(at + 1).is_some_and(|w| *w == "of" || !crate::text::lexicon::is_light(w, language) && index.word_tokens(w, language).iter().any(|t| index.has_key(&t.key)));
        if *asks == Asks::What && language == Language::En && kind.is_none() && unknown_kind.is_none() && noun_phrase && !known_noun_after {
            let position = keys.first().and_then(|key| query.keys.iter().position(|k| k == key));
            unknown_kind = position.filter(|&position| !index.knows(query, position) && !index.is_kind(&query.keys[position])).map(|position| query.keys[position].clone());
        }
        // "Какую *машину*", "koju *zastavu*": in Serbian and Russian, a kind
        // the synonyms translate and the base never names (an untranslated
        // word may be anything, and stays light).
        let which = words.get(range.start).is_some_and(|w| (WHICH_WORDS.contains(w) || INFLECTED_WHICH_WORDS.contains(w)) && !matches!(*w, "chto" | "sta"));
        if *asks == Asks::What && inflected && which && kind.is_none() && unknown_kind.is_none() {
            let position = keys.first().and_then(|key| query.keys.iter().position(|k| k == key));
            unknown_kind = position.filter(|&position| !index.knows(query, position) && index.is_synonym_key(&query.keys[position])).map(|position| query.keys[position].clone());
        }
        query.mark_keys_light(&keys);
    }
    AnswerType { counted, kind, unknown_kind, counts_persons }
}

/// What the nouns after "what"/"which"/"how many" say the answer is.
struct AnswerType {
    /// The keys of what a "how many" question counts: the noun, and the one
    /// after it in a compound ("how many petrol *stations*").
    counted: Vec<String>,
    /// The kind of thing asked for ([`Question::answer_kind`]).
    kind: Option<String>,
    /// A kind the sources never name ([`Question::unknown_kind`]).
    unknown_kind: Option<String>,
    /// "How many *people*": persons of any kind are counted.
    counts_persons: bool,
}

/// "Until when" in the languages histbot reads: the end is asked too.
const UNTIL_WHEN: &[&str] = &["do kada", "do koje godine", "do kakogo goda", "do kakikh por", "حتى متى", "الى متى"];

/// English words that ask up to when, before a question word ("until
/// when", "till what year", "up to which year").
fn asks_until(words: &[&str]) -> bool {
    words.windows(2).enumerate().any(|(at, pair)| {
        let until = matches!(pair[0], "until" | "till") || pair[0] == "to" && at > 0 && words[at - 1] == "up";
        until && matches!(lexicon::meant_question_word(pair[1]), "when" | "what" | "which")
    })
}

/// See [`Question::asks_members`]: "who" with a form of "be", then "in
/// the", "on the", "among the", "part of the" or "the members of" ("in
/// charge" asks who led, not who belonged).
fn asks_for_members(words: &[&str], found: &[(Asks, std::ops::Range<usize>)]) -> bool {
    found.iter().filter(|(asks, _)| *asks == Asks::Who).any(|(_, range)| {
        let rest = words.get(range.end..).unwrap_or_default();
        let Some((verb, rest)) = rest.split_first() else { return false };
        matches!(*verb, "was" | "were" | "is" | "are")
            && (matches!(rest, [place, "the", ..] if matches!(*place, "in" | "on" | "among")) || matches!(rest, ["part", "of", "the", ..] | ["the", "members", "of", ..] | ["members", "of", ..]))
    })
}

/// Whether a "who" question asks for the object of its verb: "whom" (or
/// its Serbian and Russian forms), or "who" followed by an auxiliary and
/// then the verb's own subject ("who *did Yugoslavia* turn to"); not "who
/// was…" (identity) or "who signed…" (the doer).
fn asks_for_object(words: &[&str], found: &[(Asks, std::ops::Range<usize>)]) -> bool {
    found.iter().filter(|(asks, _)| *asks == Asks::Who).any(|(_, range)| {
        let word = words.get(range.start).copied().unwrap_or_default();
        OBJECT_PRONOUNS.contains(&word) || word == "who" && words.get(range.end).is_some_and(|next| OBJECT_AUXILIARIES.contains(next))
    })
}

/// "Whom" in the languages histbot reads (folded): Serbian "koga", "kome",
/// Russian "кого", "кому".
const OBJECT_PRONOUNS: &[&str] = &["whom", "koga", "kome", "kogo", "komu"];

/// Auxiliaries that put the subject after "who" ("who *did* Tito ask").
const OBJECT_AUXILIARIES: &[&str] = &["did", "does", "do", "will", "would", "could", "should", "can"];

/// The word of `text` that folds to `folded`, as typed: a Russian word
/// folded into Latin letters ("rossiyan") is no longer one the Russian
/// stemmer and the synonyms read. `folded` itself when none does.
pub(crate) fn as_typed<'t>(text: &'t str, folded: &'t str) -> &'t str {
    text.split_whitespace().find(|typed| fold_for_search(typed) == folded).unwrap_or(folded)
}

/// Whether a folded word may be a noun of the question's own: not a
/// stopword, light word, auxiliary or verb form ("side", "were", "held").
fn is_plain_noun(word: &str, language: Language) -> bool {
    use crate::text::lexicon;
    !lexicon::is_stopword(word, language) && !lexicon::is_light(word, language) && !AUXILIARIES.contains(&word) && !lexicon::is_english_predicate_form(word)
}

/// Whether a folded (transliterated) Russian word is a name or adjective
/// in the singular: "rossiya", "rossii", "rossiyskiy", "serbskaya", not
/// a people's plural ("rossiyan", "serbov", "russkih").
fn is_russian_singular_name(folded: &str) -> bool {
    ["iya", "ii", "iy", "yy", "aya", "oy", "oe"].iter().any(|ending| folded.len() > ending.len() + 3 && folded.ends_with(ending))
}

/// The key of the name after "HEAD of [the]" in the question, if any; in
/// English, of a run of nouns that ends in a common one, that last noun,
/// what the run names ("the authors of the St Sava church *mosaics*").
fn owner_of_head(index: &Index, words: &[&str], head: &str, language: Language) -> Option<String> {
    let at = words.iter().position(|w| index.word_tokens(w, language).iter().any(|t| t.key == head))?;
    let rest: Vec<&&str> = words.iter().skip(at + 1).take(3).collect();
    let [of, after @ ..] = rest.as_slice() else { return None };
    if !["of", "od", "iz"].contains(*of) {
        return None;
    }
    let start = at + 2 + after.iter().position(|w| !crate::text::lexicon::is_stopword(w, language))?;
    let owner = words[start];
    let key = |word: &str| index.word_tokens(word, language).first().map(|t| t.key.clone());
    let run: Vec<&str> = words[start..].iter().take_while(|w| is_plain_noun(w, language)).take(4).copied().collect();
    let last = run.last().filter(|_| language == Language::En && run.len() > 1).and_then(|word| key(word)).filter(|last| index.has_key(last) && !index.is_proper_key(last));
    last.or_else(|| key(owner))
}

/// "What was *Hebrang's* position": the key of the personal name whose
/// possessive comes right before the head (or one word before it), as
/// typed, since folding drops the apostrophe. English only.
fn possessor_of_head(index: &Index, typed: &str, head: &str, language: Language) -> Option<String> {
    // Most questions have no possessive: their words are not keyed again.
    if language != Language::En || !(typed.contains("'s") || typed.contains("’s")) {
        return None;
    }
    let words: Vec<&str> = typed.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')).collect();
    let is_head = |word: &str| index.word_tokens(&word.to_lowercase(), language).iter().any(|t| t.key == head);
    let at = words.iter().position(|w| is_head(w))?;
    words[at.saturating_sub(2)..at].iter().rev().find_map(|word| {
        let possessor = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))?;
        word_keys(index, &possessor.to_lowercase(), language).into_iter().find(|key| index.is_personal_name_key(key))
    })
}

/// Forms of "to be" (folded) that put a noun phrase after a question word
/// ("what *was* the population", "ko *je* bio", "кто *такой*").
const BE_FORMS: &[&str] = &["is", "was", "were", "are", "s", "je", "su", "bio", "bila", "bili", "bilo", "byl", "byla", "byli", "bylo", "eto", "takoy", "takaya", "takie"];

/// The head of the noun phrase after the question word ("who was the soviet
/// *ambassador* in…", at query `position`, [`head_position`]'s), when the
/// question asks what or who and that word is not light (a verb such as
/// "organised" is not a head).
fn head_word(query: &Query, position: usize) -> Option<String> {
    (!query.light.get(position).copied().unwrap_or(true)).then(|| query.keys[position].clone())
}

/// "Ko je bio prvi srpski *poslanik* u Rusiji": the post a Serbian or
/// Russian "who was" question asks, when it is a word the base has never
/// seen nor any synonym translates. It was made light as an untranslated
/// word ([`mark_untranslated_light`]), yet it is what is asked: the
/// sources cannot say who held a post they never name.
/// `head` is [`head_position`]'s.
fn unknown_post(index: &Index, query: &Query, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language, asks: Asks, head: Option<usize>) -> Option<String> {
    if asks != Asks::Who || !matches!(language, Language::Sr | Language::Ru) {
        return None;
    }
    // Only "ko je *bio*", "кто *был*": "ko je osnovao" asks a doer, and
    // "ko je vlasnik" may ask what the sources tell in other words ("owned by").
    let (_, range) = found.iter().find(|(a, _)| *a == asks)?;
    if !words.iter().skip(range.end).take(2).any(|word| PAST_COPULAS.contains(word)) {
        return None;
    }
    let position = head?;
    let key = query.keys.get(position)?;
    unknown_untranslated(index, query, position).then(|| key.clone())
}

/// Whether the query's word at `position` is one the base has never seen,
/// no synonym translates, and that is no name: in a Serbian or Russian
/// question it was made light ([`mark_untranslated_light`]), yet where it
/// is what is asked, no sentence can tell it.
fn unknown_untranslated(index: &Index, query: &Query, position: usize) -> bool {
    !index.knows(query, position) && !index.is_synonym_key(&query.keys[position]) && !index.is_proper(query, position)
}

/// "Какая *мощность* у Турецкого потока", "какова *мощность* Турецкого
/// потока", "koji je *kapacitet* Turskog toka": an attribute of a named
/// thing, asked in Serbian or Russian with "which" right before it, when it
/// is a word (or two: "пропускная способность") the base has never seen
/// nor any synonym translates. It was made light as an untranslated word
/// ([`mark_untranslated_light`]), yet it is what is asked, as "the
/// *capacity* of TurkStream" is in English. Only
/// when the attribute is of a name that follows it (Russian "у" and a
/// name, or a name in the genitive after "каков" or "koji je"): "какой
/// *город* был центром" asks a kind of thing, which a word of the sentence
/// may be.
fn unknown_attribute(index: &Index, query: &Query, text: &str, words: &[&str], language: Language) -> Option<String> {
    if !matches!(language, Language::Sr | Language::Ru) || !words.first().is_some_and(|w| ATTRIBUTE_WHICH.contains(w)) {
        return None;
    }
    // "Koji *je* kapacitet", "какой *был* объём": past a form of "to be".
    let be = words.get(1).is_some_and(|w| BE_FORMS.contains(w));
    let at = if be { 2 } else { 1 };
    let is_name = |word: &str| index.word_tokens(as_typed(text, word), language).iter().any(|t| index.is_proper_key(&t.key));
    let predicative = be || matches!(words[0], "kakov" | "kakova" | "kakovo");
    let of_a_name = |rest: &[&str]| match rest {
        ["u", next, ..] => language == Language::Ru && is_name(next),
        [next, ..] => predicative && is_name(next),
        [] => false,
    };
    // The attribute, of one word or two ("пропускная способность").
    let end = (at..words.len().min(at + 2)).find(|&last| of_a_name(&words[last + 1..]))?;
    let position_of = |word: &str| {
        let key = index.word_tokens(as_typed(text, word), language).first()?.key.clone();
        query.keys.iter().position(|k| *k == key)
    };
    let positions: Vec<usize> = words[at..=end].iter().map(|word| position_of(word)).collect::<Option<_>>()?;
    positions.iter().all(|&position| unknown_untranslated(index, query, position)).then(|| query.keys[positions[positions.len() - 1]].clone())
}

/// Serbian and Russian words for "which" in the singular nominative, that
/// an attribute may follow ([`unknown_attribute`]), folded.
const ATTRIBUTE_WHICH: &[&str] = &["koji", "koja", "koje", "kakav", "kakva", "kakvo", "kakoy", "kakaya", "kakoe", "kakov", "kakova", "kakovo"];

/// The past of "to be" in Serbian and Russian, folded.
const PAST_COPULAS: &[&str] = &["bio", "bila", "bili", "byl", "byla", "byli"];

/// The query position of the head of the noun phrase after the question
/// word, light or not (see [`head_word`]).
fn head_position(index: &Index, query: &Query, text: &str, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language, asks: Asks) -> Option<usize> {
    if !matches!(asks, Asks::What | Asks::Who) {
        return None;
    }
    let (_, range) = found.iter().find(|(a, _)| *a == asks)?;
    // Only "what was the X", "who is the X": after "what did", the words
    // that follow are the subject and its verb ("what did the resolution *call*…").
    if !words.get(range.end).is_some_and(|w| BE_FORMS.contains(w)) {
        return None;
    }
    // The noun phrase after the question word ("the soviet ambassador"), up
    // to a preposition ("during"), and its last word.
    let phrase: Vec<&&str> = words
        .iter()
        .skip(range.end)
        .skip_while(|w| crate::text::lexicon::is_stopword(w, language))
        .take_while(|w| !crate::text::lexicon::is_stopword(w, language) && !ABOUT_ENDS.contains(w))
        .collect();
    // "the Serbian officers *chosen* for the coup": a participle after a
    // common noun begins a clause about it.
    // Keyed as typed in Russian ("Сербии", not "serbii", is Serbia).
    let common = |w: &str| match language {
        Language::Ru => index.word_tokens(as_typed(text, w), language).iter().all(|token| !index.is_proper_key(&token.key)),
        _ => index.word_keys(w).iter().all(|key| !index.is_proper_key(key)),
    };
    let cut = (1..phrase.len()).find(|&at| language == Language::En && common(phrase[at - 1]) && is_past_participle(phrase[at]));
    let phrase = &phrase[..cut.unwrap_or(phrase.len())];
    // "Who was Austria-Hungary *backing*": a verb's "-ing" after a name is what the name was doing.
    let doing = phrase.len() >= 2 && phrase.last().is_some_and(|w| w.len() > 5 && w.ends_with("ing")) && !common(phrase[phrase.len() - 2]);
    if language == Language::En && doing {
        return None;
    }
    // A Serbian or Russian noun goes before the name it is of ("послом
    // *ссср*", "ambasador *SSSR-a*"): the head is the last common word.
    let inflected = matches!(language, Language::Sr | Language::Ru);
    // "Duhovni vođa *ruskih* emigranata", "лидером *русских* эмигрантов": a
    // plural genitive adjective opens the complement the head is of.
    let complement = (1..phrase.len()).find(|&at| inflected && is_genitive_plural_adjective(phrase[at]) && phrase[..at].iter().any(|w| common(w)));
    let phrase = &phrase[..complement.unwrap_or(phrase.len())];
    let last = if inflected { phrase.iter().rev().find(|w| common(w)).or(phrase.last())? } else { phrase.last()? };
    // Keyed as typed ("послом", not "poslom").
    let typed = if inflected { as_typed(text, last) } else { last };
    let key = index.word_tokens(typed, language).first()?.key.clone();
    // "Prime minister" is one key of two words: the head is the whole.
    query.keys.iter().position(|k| *k == key || k.strip_suffix(key.as_str()).is_some_and(|rest| rest.ends_with(' ')))
}

/// "По какой *цене*", "koju *cenu*", "what *price*": the position in
/// `query` of a cost right after the question word, which is what the
/// question asks, whatever follows it. The base never says what anything
/// cost, so the word stays what is asked, not a light word.
fn asked_cost_position(index: &Index, query: &Query, text: &str, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language, asks: Asks) -> Option<usize> {
    let (_, range) = found.iter().find(|(a, _)| *a == asks && asks == Asks::What)?;
    let cost = words.get(range.end).filter(|w| is_cost_word(w))?;
    let typed = if matches!(language, Language::Sr | Language::Ru) { as_typed(text, cost) } else { cost };
    let key = index.word_tokens(typed, language).first()?.key.clone();
    query.keys.iter().position(|k| *k == key)
}

/// Whether a folded Serbian or Russian word has the ending of an adjective
/// in the plural genitive ("ruskih", "русских": "russkikh").
fn is_genitive_plural_adjective(folded: &str) -> bool {
    folded.len() > 4 && (folded.ends_with("ih") || folded.ends_with("ikh") || folded.ends_with("ykh"))
}

/// The fact base is written in English; a word of a Serbian, Russian or
/// Arabic question the base has never seen is most likely a word no synonym
/// translates ("počeo", "приказу"), not a thing the base lacks: it weighs
/// like a light word and does not by itself make histbot abstain. Names
/// and translated words still must be found.
fn mark_untranslated_light(index: &Index, query: &mut Query) {
    for position in 0..query.keys.len() {
        // "Pregovarao" translated as "negotiate", a word the sources never use.
        let translated = index.is_synonym_key(&query.keys[position]);
        if !index.knows(query, position) && !translated {
            query.set_light(position, true);
        }
    }
}

/// Auxiliaries after which, past the subject, comes the question's main verb.
const DO_FORMS: &[&str] = &["did", "does", "do"];

/// Words that carry a subject on past its first noun ("the government *of* Zanzibar").
const SUBJECT_JOINS: &[&str] = &["of", "and"];

/// In "what missiles *did* Serbia *buy*", the content word after the
/// auxiliary's subject (one word, or joined by "of" or "and": "the
/// government of Zanzibar", "Khrushchev and Tito") is the main verb: a verb the sources may
/// phrase otherwise ("purchased", "acquired"), not an attribute they lack.
/// When the base has never seen it, it weighs like a light word (an unknown
/// noun such as "population" still counts in full; in "when did Tito visit
/// China" the verb is "visit", and "China" still counts), unless the
/// question asks about nothing but its subject ("what did Stalin eat").
/// English only.
fn mark_main_verb_light(index: &Index, query: &mut Query, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language) {
    if language != Language::En {
        return;
    }
    let Some(question_end) = found.iter().map(|(_, range)| range.end).min() else { return };
    let Some(aux) = words.iter().enumerate().skip(question_end).find(|(_, w)| DO_FORMS.contains(w)).map(|(i, _)| i) else { return };
    // The subject, with what it is of ("the government *of Zanzibar*"), then the verb.
    let after: Vec<&str> = words.iter().skip(aux + 1).copied().collect();
    let Some(subject) = after.iter().position(|word| !index.word_tokens(word, language).is_empty()) else { return };
    let mut at = subject + 1;
    while after.get(at).is_some_and(|w| SUBJECT_JOINS.contains(w)) {
        at += 1;
        at += after.iter().skip(at).position(|word| !index.word_tokens(word, language).is_empty()).map_or(0, |skipped| skipped + 1);
    }
    let Some((verb_word, verb)) = after.iter().skip(at).find_map(|word| index.word_tokens(word, language).first().cloned().map(|token| (*word, token))) else { return };
    let subject_keys: Vec<String> = after.iter().take(at).flat_map(|word| index.tokens(word, language)).map(|t| t.key).collect();
    let Some(position) = query.keys.iter().position(|k| *k == verb.key) else { return };
    // "What did Stalin *eat*": with nothing asked about but the subject, the
    // unknown verb is what is asked, and stays a word the evidence must hold.
    let something_else = (0..query.keys.len()).any(|word| word != position && !subject_keys.contains(&query.keys[word]) && !query.light.get(word).copied().unwrap_or(true));
    // "What did Khrushchev *eat* in Belgrade": right after "what did", the
    // verb is what is asked, wherever the question puts it ("what *missiles*
    // did Serbia buy" asks the missiles, and the verb may be paraphrased).
    // Not a verb of saying, which asks for words said in any words ("what
    // did Yugoslavia *expres*"), nor a light one ("have in common").
    let of_saying = is_listed_verb(WORDS_VERBS, verb_word) || lexicon::is_light(verb_word, language);
    // The verb right after its subject: not a word past a stopword verb ("have *in common*").
    let right_after_subject = after.get(at) == Some(&verb_word);
    let asks_the_deed = !of_saying && right_after_subject && found.iter().any(|(asks, range)| *asks == Asks::What && range.end == aux && words.get(range.start) == Some(&"what"));
    if !index.knows(query, position) && something_else && !asks_the_deed {
        query.set_light(position, true);
    }
}

/// Where a ruler or a dynasty returns or comes: "to the *throne*", "to
/// *power*". The goal of the return says what a return of a ruler is; a
/// sentence that tells the return ("the return of the House of
/// Karađorđević") need not write it.
const RULE_GOALS: &[&str] = &["throne", "power", "rule"];

/// Verbs of returning or coming, before a [`RULE_GOALS`] word.
const RETURN_VERBS: &[&str] = &["return", "returned", "returns", "returning", "back", "restored", "came", "come", "ascended"];

/// Marks light a [`RULE_GOALS`] word up to two words after a "to" that
/// follows a [`RETURN_VERBS`] word ("which house came back *to the throne*").
fn mark_goal_of_return_light(index: &Index, query: &mut Query, words: &[&str], language: Language) {
    if language != Language::En {
        return;
    }
    for (at, word) in words.iter().enumerate().filter(|(_, word)| RULE_GOALS.contains(word)) {
        // "to the throne", "to the Serbian throne".
        let Some(to) = (at.saturating_sub(3)..at).rev().find(|&i| words[i] == "to") else { continue };
        if words[..to].iter().rev().take(3).any(|w| RETURN_VERBS.contains(w)) {
            query.mark_keys_light(&word_keys(index, word, language));
        }
    }
}

/// Nouns for the view someone took of something ("Yugoslavia's *stance* on
/// Hungary"): before "on", "to", "towards" or "regarding", the question
/// asks what they said or did about it, which a sentence tells in its own
/// words ("Yugoslav verbal support to Soviet intervention in Hungary").
const STANCE_NOUNS: &[&str] = &["position", "stance", "attitude", "view", "views", "stand", "opinion"];

/// Marks light a [`STANCE_NOUNS`] word followed by what it is about.
fn mark_stance_light(index: &Index, query: &mut Query, words: &[&str], language: Language) {
    if language != Language::En {
        return;
    }
    for pair in words.windows(2).filter(|pair| STANCE_NOUNS.contains(&pair[0]) && matches!(pair[1], "on" | "to" | "towards" | "toward" | "regarding")) {
        query.mark_keys_light(&word_keys(index, pair[0], language));
    }
}

/// The keys the base makes of `word` (a name may make more than one).
fn word_keys(index: &Index, word: &str, language: Language) -> Vec<String> {
    index.tokens(word, language).into_iter().map(|t| t.key).collect()
}

/// Nouns for a group a person leads ("Tito's *partisans*", "Wrangel's *men*").
const GROUP_NOUNS: &[&str] = &["partisans", "men", "soldiers", "troops", "army", "forces", "followers", "supporters"];

/// "Tito's partisans", "Wrangel's men", "Tito's Yugoslavia": a person named
/// as the leader of a group or a state is context, not what the question
/// is about; the sentence that tells of the group need not name them
/// ("Soviet military mission to Yugoslav Partisans arrived…"). The
/// possessor is made light. English only.
fn mark_leader_of_a_group_light(index: &Index, query: &mut Query, typed: &str, language: Language) {
    if language != Language::En {
        return;
    }
    let raw: Vec<&str> = typed.split_whitespace().collect();
    for pair in raw.windows(2) {
        let Some(possessor) = pair[0].strip_suffix("'s").or_else(|| pair[0].strip_suffix("’s")) else { continue };
        let group = pair[1].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let names_a_state = || index.tokens(&group, language).iter().any(|t| index.is_proper_key(&t.key) && !index.is_person_key(&t.key));
        let names_a_group = GROUP_NOUNS.contains(&group.as_str()) || names_a_state();
        if !names_a_group {
            continue;
        }
        let names: Vec<String> = word_keys(index, possessor, language).into_iter().filter(|key| index.is_personal_name_key(key)).collect();
        query.mark_keys_light(&names);
    }
}

/// Words before "first" that make it an ordinal ("the *first* uprising").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that"];

/// "When did Serbian refugees *first* go to Russia": "first" without a
/// determiner says "at the earliest", not which of several things: it is
/// taken out of the words to find, and the question asks for the earliest
/// of the entries it fits (returned true). "The *first* uprising" and
/// "Yugoslavia's *first* ambassador" keep their ordinal. English only.
fn take_adverb_first(index: &Index, query: &mut Query, words: &[&str], typed: &str, language: Language) -> bool {
    if let Some(phrase) = initially_phrase(words) {
        let keys: Vec<String> = phrase.iter().flat_map(|word| index.tokens(word, language)).map(|t| t.key).collect();
        query.remove_keys(&keys);
        return true;
    }
    if language != Language::En {
        return false;
    }
    let after_determiner = |at: usize| at > 0 && DETERMINERS.contains(&words[at - 1]);
    let firsts: Vec<usize> = words.iter().enumerate().filter(|(_, word)| **word == "first").map(|(at, _)| at).collect();
    if firsts.is_empty() || firsts.iter().any(|&at| at == 0 || after_determiner(at)) || after_possessive(typed) {
        return false;
    }
    let keys: Vec<String> = index.word_tokens("first", language).iter().map(|t| t.key.clone()).collect();
    query.remove_keys(&keys);
    true
}

/// Whether the question as typed has "first" after a possessive, which
/// determines it as an article does ("Yugoslavia's *first* ambassador");
/// folding drops the apostrophe, so the typed words are read.
fn after_possessive(typed: &str) -> bool {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    words.windows(2).any(|pair| pair[1].trim_end_matches(|c: char| !c.is_alphanumeric()) == "first" && (pair[0].ends_with("'s") || pair[0].ends_with("\u{2019}s") || pair[0].ends_with("s'")))
}

/// Words and phrases that say "at first" in the languages students use
/// (Serbian Cyrillic folds to Latin, so it is written once).
const INITIALLY: &[&str] = &["initially", "originally", "at first", "u pocetku", "isprva", "prvobitno", "сначала", "вначале", "первоначально", "изначально"];

/// Phrases that say "at first" only at the end of a question ("where was
/// the Cominform *at the beginning*", not "at the beginning of the war").
const INITIALLY_AT_END: &[&str] = &["at the beginning", "in the beginning", "at the start", "na pocetku"];

/// [`INITIALLY`] and [`INITIALLY_AT_END`] folded as questions are, each as its words.
static INITIALLY_FOLDED: std::sync::LazyLock<[PhraseList; 2]> = std::sync::LazyLock::new(|| [PhraseList::new(INITIALLY), PhraseList::new(INITIALLY_AT_END)]);

/// [`UNTIL_WHEN`] folded as questions are, each as its words.
static UNTIL_WHEN_FOLDED: std::sync::LazyLock<PhraseList> = std::sync::LazyLock::new(|| PhraseList::new(UNTIL_WHEN));

/// [`lexicon::YEAR_WORDS`], each as its words.
static YEAR_WORDS_FOLDED: std::sync::LazyLock<PhraseList> = std::sync::LazyLock::new(|| PhraseList::new(lexicon::YEAR_WORDS));

/// [`lexicon::DAY_WORDS`], each as its words.
static DAY_WORDS_FOLDED: std::sync::LazyLock<PhraseList> = std::sync::LazyLock::new(|| PhraseList::new(lexicon::DAY_WORDS));

/// [`lexicon::TIME_WORDS`], each as its words.
static TIME_WORDS_FOLDED: std::sync::LazyLock<PhraseList> = std::sync::LazyLock::new(|| PhraseList::new(lexicon::TIME_WORDS));

/// [`lexicon::MONTH_WORDS`], each as its words.
static MONTH_WORDS_FOLDED: std::sync::LazyLock<PhraseList> = std::sync::LazyLock::new(|| PhraseList::new(lexicon::MONTH_WORDS));

/// A Serbian question's words as Serbian Latin folds them ("месецу" as
/// "mesecu", not "mesetsu"); other languages' words as they are.
fn serbian_as_latin<'w>(words: &[&'w str], language: Language) -> Vec<std::borrow::Cow<'w, str>> {
    words.iter().map(|&word| if language == Language::Sr { crate::text::fold::serbian_latin(word) } else { std::borrow::Cow::Borrowed(word) }).collect()
}

/// Phrases folded as questions are, each as its words, found through their
/// first words: a question's words are each looked up once, rather than
/// every phrase tried at every word.
struct PhraseList {
    /// Each phrase's words, in the list's order.
    phrases: Vec<Vec<String>>,
    /// A first word → the positions in `phrases` of the phrases it begins.
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
}

impl PhraseList {
    fn new(list: &[&str]) -> PhraseList {
        let phrases: Vec<Vec<String>> = list.iter().map(|phrase| fold_for_search(phrase).split(' ').map(str::to_string).collect()).collect();
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (position, phrase) in phrases.iter().enumerate() {
            if let Some(first) = phrase.first() {
                by_first.entry(first.clone()).or_default().push(position);
            }
        }
        PhraseList { phrases, by_first }
    }

    /// Each (phrase position, start) at which one of the phrases stands in
    /// the question's folded `words` word for word, by start.
    fn occurrences<'a>(&'a self, words: &'a [&str]) -> impl Iterator<Item = (usize, usize)> + 'a {
        words.iter().enumerate().flat_map(move |(at, word)| {
            let starting = self.by_first.get(*word).map_or(&[][..], Vec::as_slice);
            starting.iter().filter(move |&&position| stands_at(words, at, &self.phrases[position])).map(move |&position| (position, at))
        })
    }
}

/// Whether `phrase` stands in `words` word for word from `at`.
fn stands_at(words: &[&str], at: usize, phrase: &[String]) -> bool {
    words.get(at..at + phrase.len()).is_some_and(|window| window.iter().zip(phrase).all(|(word, part)| word == part))
}

/// Whether the question's folded `words` hold one of `phrases` word for word.
fn holds_phrase(words: &[&str], phrases: &PhraseList) -> bool {
    phrases.occurrences(words).next().is_some()
}

/// The words of an "at first" phrase the question holds, if any: the first
/// of the list's phrases that stands anywhere (where it first does), else
/// the first of those that must end the question that does.
fn initially_phrase<'w>(words: &[&'w str]) -> Option<Vec<&'w str>> {
    let [anywhere, at_end] = &*INITIALLY_FOLDED;
    let anywhere_found = anywhere.occurrences(words).min();
    let at_end_found = || at_end.occurrences(words).filter(|&(position, at)| at + at_end.phrases[position].len() == words.len()).min();
    let (list, (position, at)) = anywhere_found.map(|found| (anywhere, found)).or_else(|| at_end_found().map(|found| (at_end, found)))?;
    Some(words[at..at + list.phrases[position].len()].to_vec())
}

/// The question's English verbs and modifiers that are not among the
/// generic light words ("happen", "get"), each as the keys of its forms.
///
/// A question of two things joined by "and" or "compared to" is left
/// without: each verb may belong to either half, and the halves are
/// weighed one by one. "Born" and "died" (`found` as an attribute) say
/// what is asked, like a question word, not an event to find.
fn event_words(index: &Index, query: &Query, text: &str, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language) -> Vec<Vec<String>> {
    if matches!(language, Language::Sr | Language::Ru) {
        return inflected_event_words(index, text, words, language).into_iter().chain(inflected_journey(index, query, text, words, language)).collect();
    }
    // Not an "and" inside one name between common words ("the treaty of
    // friendship *and* non-aggression"); "Russia and Serbia", though a
    // title writes it, are two.
    let common = |word: &str| !index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    let in_one_name = |at: usize| at > 0 && words.get(at + 1).is_some_and(|next| common(words[at - 1]) && common(next) && index.joins_one_name(words[at - 1], next));
    // "When was Belgrade liberated by the Partisans *and* the Red Army": an
    // "and" after the question's verb with no verb or question word after
    // it joins two things of one deed, which is asked of both.
    let asks_on = |span: std::ops::Range<usize>| {
        words.get(span.clone()).unwrap_or_default().iter().any(|w| lexicon::is_english_predicate_form(w) || lexicon::is_irregular_verb_form(w))
            || found.iter().any(|(_, range)| span.contains(&range.start))
    };
    let one_deed = |at: usize| words[at] == "and" && asks_on(0..at) && !asks_on(at + 1..words.len());
    // "What did *Tito and Khrushchev* write": two names between "did" and
    // its verb are the one deed's doers, not two questions.
    let proper = |word: &str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    let doers_of_one_deed = |at: usize| {
        words[at] == "and"
            && at > 0
            && proper(words[at - 1])
            && words.get(at + 1).is_some_and(|next| proper(next))
            && words[..at].iter().any(|w| matches!(*w, "did" | "do" | "does"))
            && !found.iter().any(|(_, range)| range.start > at)
    };
    let joins_two = |at: usize| words[at] != "and" || !in_one_name(at) && !one_deed(at) && !doers_of_one_deed(at);
    if language != Language::En || words.iter().enumerate().any(|(at, w)| matches!(*w, "and" | "compared" | "vs" | "versus") && joins_two(at)) {
        return Vec::new();
    }
    let attribute = |at: usize| found.iter().any(|(asks, range)| matches!(asks, Asks::Born | Asks::Died) && range.contains(&at));
    // "…an alliance *during the first uprising*": the time clause dates what is asked; its words are not the event.
    let in_time_clause = time_clause_span(words, language);
    // "Who did Stalin meet … *when he talked about* the soldiers' behaviour":
    // the verb of a clause of its time names no event; its words still
    // weigh in full.
    let in_when_clause = when_clause_span(index, words, language);
    // "Why did Pašić want peace *even though he talked* …": what is granted
    // is not what is asked.
    let concession = words.iter().position(|w| CONCESSIVES.contains(w)).unwrap_or(words.len());
    let plain_verb = verb_after_named_subject(index, text, words, found, language).or_else(|| verb_after_ever(index, words, language));
    // The text as typed, lowercased, when it joins words by a hyphen ([`names_its_doer`]).
    let hyphenated = text.contains('-').then(|| text.to_lowercase());
    // "Who *shot* King Alexander": the verb right after "who" is the deed,
    // though its form ends as no verb's must; not one every question may
    // use ("who led", "who took").
    let after_who = found
        .iter()
        .find(|(asks, range)| *asks == Asks::Who && words.get(range.start) == Some(&"who"))
        .map(|(_, range)| range.end)
        .filter(|&at| words.get(at).is_some_and(|word| !lexicon::is_light(word, language) || lexicon::is_light_by_ending(word, language)));
    // "When did Tito fly to Moscow *to meet* Stalin": the purpose names the event too.
    let purpose = plain_verb.and_then(|verb| (verb + 2..words.len()).find(|&at| words[at - 1] == "to" && is_plain_verb(index, words[at], language)));
    let in_name_phrases = name_phrase_words(index, query, words, language);
    words
        .iter()
        .enumerate()
        .filter(|(at, _)| !attribute(*at) && !in_time_clause.contains(at) && !in_when_clause.contains(at) && *at < concession && !ends_a_synonym_phrase(index, words, *at, language) && !in_name_phrases.contains(at))
        // "Set *up*", "turned *down*": a verb whose particle makes a phrase the
        // synonyms key as one names the phrase's event, however light the verb.
        .map(|(at, word)| (at, Some(at) == plain_verb || Some(at) == purpose || Some(at) == after_who || synonym_phrase_key(index, words, at + 1, language).is_some(), word))
        // "Exact" is a stopword, not a misspelt "exalt".
        .filter(|(_, _, word)| !lexicon::is_stopword(word, language))
        // "defeeted" is "defeated", as the query reads it.
        .map(|(at, plain, word)| (at, plain, index.respell_in(query, word).unwrap_or(word)))
        // "Were *trying to* recruit": the event is the verb tried.
        .map(|(at, plain, word)| match words.get(at + 2) {
            Some(tried) if CATENATIVES.contains(&word) && words.get(at + 1) == Some(&"to") && !lexicon::is_stopword(tried, language) => (at + 2, true, index.respell_in(query, tried).unwrap_or(tried)),
            _ => (at, plain, word),
        })
        // A verb every question may use ("went", "took") names no event;
        // nor does a modifier of place ("the *eastern* bloc"): it says where;
        // nor an adverb ("*openly* hostile"): it says how.
        .filter(|(_, plain, w)| (*plain || lexicon::is_light_by_ending(w, language)) && !lexicon::is_stopword(w, language) && !PLACE_MODIFIERS.contains(w) && !NEGATIONS.contains(w) && !is_adverb(w))
        // Nor a modifier the sources only ever write capitalised ("the
        // Russian *Orthodox* Church"): it is part of a name, not what
        // happened. (A verb's form is still one: "Peter I *dismissed*".)
        .filter(|(_, plain, w)| *plain || !index.is_capitalised_modifier(w, language))
        // "The *Soviet-sponsored* coup": a name joined to a participle
        // modifies the noun after it; what is asked is done by that noun.
        .filter(|(at, _, _)| hyphenated.as_deref().is_none_or(|lower| !names_its_doer(index, lower, words, *at)))
        .map(|(at, _, word)| {
            // "Kicked *out*": the synonym phrase's key ("expel") tells it too.
            let phrase = synonym_phrase_key(index, words, at + 1, language);
            // Its forms first (the first key names the word in an abstention), then what it may stand for ("merged": "incorporated").
            let forms: Vec<String> = lexicon::verb_forms(word).into_iter().flat_map(|form| index.tokens(form, language)).map(|t| t.key).collect();
            // The one who does it tells it too: "who *ruled* Bulgaria" — "the *rulers* of …".
            let doers: Vec<String> = forms.iter().map(|key| format!("{key}er")).filter(|key| index.has_key(key)).collect();
            // "Stepped *in*": what the phrasal verb stands for ("intervened") tells it too.
            let phrasal = words.get(at + 1).map(|particle| index.phrasal_keys(word, particle)).unwrap_or_default();
            // "Agreed" is told by "an *agreement*", the noun the verb makes with "-ment".
            let nouns: Vec<String> = ment_nouns(word).flat_map(|noun| index.word_keys(&noun)).filter(|key| index.has_key(key)).collect();
            forms.into_iter().chain(doers).chain(phrase).chain(phrasal).chain(nouns).chain(index.paraphrase_keys(word)).collect()
        })
        .filter(|keys: &Vec<String>| !keys.is_empty())
        .chain(journey_to_a_place(index, query, text, words, language))
        .collect()
}

/// The nouns an English verb may make with "-ment", of its plain form or
/// its past ("agree", "agreed": "agreement"; "settled": "settlement").
fn ment_nouns(word: &str) -> impl Iterator<Item = String> + '_ {
    let past = word.strip_suffix("ed").into_iter().flat_map(|stem| [stem.to_string(), format!("{stem}e")]);
    std::iter::once(word.to_string()).chain(past).filter(|lemma| lemma.len() >= 3 && !lemma.ends_with("ment")).map(|lemma| format!("{lemma}ment"))
}

/// Whether word `at` is a participle joined by a hyphen to the name before
/// it in the text as typed and lowercased (`lower`: "soviet-sponsored",
/// "russian-backed"): an adjective that says who did it. Folding reads the
/// hyphen as a space.
fn names_its_doer(index: &Index, lower: &str, words: &[&str], at: usize) -> bool {
    let Some(name) = at.checked_sub(1).and_then(|before| words.get(before)) else { return false };
    let joined = format!("{name}-{}", words[at]);
    index.word_keys(name).iter().any(|key| index.is_proper_key(key)) && lower.contains(&joined)
}

/// Conjunctions that open a clause granting something ("even *though*").
const CONCESSIVES: &[&str] = &["though", "although", "despite"];

/// Verbs whose event is the verb after their "to" ("*tried to* recruit").
const CATENATIVES: &[&str] = &[
    "try", "tries", "tried", "trying", "want", "wants", "wanted", "wanting", "manage", "managed", "managing", "fail", "fails", "failed", "failing",
];

/// "What did Stalin try and *fail to* do to Tito": a verb whose event is
/// the verb after its "to" says nothing of its own, and weighs as light
/// as other light words, though a synonym group holds it ("failure").
fn mark_catenatives_light(index: &Index, query: &mut Query, words: &[&str], language: Language) {
    if language != Language::En {
        return;
    }
    let keys: Vec<String> = words.windows(2).filter(|pair| CATENATIVES.contains(&pair[0]) && pair[1] == "to").flat_map(|pair| index.word_keys(pair[0])).collect();
    if !keys.is_empty() {
        query.mark_keys_light(&keys);
    }
}

/// Forms of Serbian "jedan" that open a reciprocal ("*jedni* za druge").
const SERBIAN_RECIPROCAL_ONES: &[&str] = &["jedan", "jedna", "jedno", "jedni", "jedne", "jednog", "jednih", "jednima"];

/// Prepositions that may stand inside a Serbian reciprocal ("jedni *za* druge").
const SERBIAN_RECIPROCAL_PREPOSITIONS: &[&str] = &["za", "s", "sa", "od", "o", "prema", "protiv", "na", "u", "kod"];

/// "Ne trebaju vize *jedni za druge*": a Serbian reciprocal, "each
/// other", names nothing; its "druge" is not the ordinal "second" (which
/// names the Second Serbian Uprising and second waves), so both words go.
/// Russian "друг друга" is a stopword pair already.
fn drop_serbian_reciprocal(index: &Index, query: &mut Query, words: &[&str], language: Language) {
    if language != Language::Sr {
        return;
    }
    for (at, word) in words.iter().enumerate() {
        if !SERBIAN_RECIPROCAL_ONES.contains(word) {
            continue;
        }
        let next = at + 1 + usize::from(words.get(at + 1).is_some_and(|w| SERBIAN_RECIPROCAL_PREPOSITIONS.contains(w)));
        if words.get(next).is_some_and(|other| other.starts_with("drug")) {
            query.remove_keys(&word_keys(index, word, language));
            query.remove_keys(&word_keys(index, words[next], language));
        }
    }
}

/// Verbs that end in "-ly" like an adverb ("apply", "rally").
const VERBS_IN_LY: &[&str] = &["ally", "apply", "comply", "fly", "imply", "multiply", "rally", "rely", "reply", "supply", "tally"];

/// Whether English `word` is an adverb or noun by its "-ly" ("openly",
/// "officially", "family"), not a verb: it names no event.
pub(crate) fn is_adverb(word: &str) -> bool {
    word.ends_with("ly") && !VERBS_IN_LY.contains(&word)
}

/// The event words of a Serbian or Russian question: its verbs in the
/// active past tense ([`lexicon::is_active_past`]), each as the keys its
/// translation has, when the base knows them (`text` as typed, for the
/// verb after "who"). Two things joined ("i", "и") have none, as in English.
fn inflected_event_words(index: &Index, text: &str, words: &[&str], language: Language) -> Vec<Vec<String>> {
    if words.iter().any(|w| matches!(*w, "i" | "и")) {
        return Vec::new();
    }
    // "*Кто командовал*": the verb right after "who" is the deed asked,
    // keyed as typed too (the synonyms know "командовал", not its folded
    // "komandoval"), as English reads the verb after "who".
    // Serbian past between the two: "ko *je* komandovao".
    let who_at = |at: usize| words.get(at).is_some_and(|word| matches!(*word, "kto" | "ko"));
    let after_who = |at: usize| at >= 1 && (who_at(at - 1) || at >= 2 && who_at(at - 2) && matches!(words[at - 1], "je" | "su"));
    // "Када је *основана*", "когда был *подписан*": a passive participle
    // right after the past of "to be" tells what was done. Not after
    // "who" ("ко је убијен" asks who was killed, not the killer).
    let passive = |at: usize, word: &str| at >= 1 && PAST_OF_BE.contains(&words[at - 1]) && !after_who(at) && lexicon::is_passive_participle(word, language);
    words
        .iter()
        .enumerate()
        // A short verb too, right after "who" ("кто *убил*").
        .filter(|(at, word)| (lexicon::is_active_past(word, language) || after_who(*at) && lexicon::is_short_active_past(word, language) || passive(*at, word)) && !lexicon::is_stopword(word, language))
        .map(|(at, word)| {
            // And a verb of saying ("что *предложил* Милошевич"): the words
            // asked are told by a sentence with the verb ("proposed joining…").
            // So is a passive ("основана": established).
            let typed = (after_who(at) || INFLECTED_WORDS_VERBS.contains(word) || passive(at, word)).then(|| index.tokens(as_typed(text, word), language)).unwrap_or_default();
            // A word the synonyms translate is the deed asked, though the base
            // never writes it ("pregovarao": negotiated).
            let mut keys: Vec<String> = typed.into_iter().chain(index.tokens(word, language)).map(|token| token.key).filter(|key| index.has_key(key) || index.is_synonym_key(key)).collect();
            keys.dedup();
            keys
        })
        // A name that ends as a past verb does ("Врангель") is no event.
        .filter(|keys| !keys.is_empty() && !keys.iter().any(|key| index.is_person_name_key(key) || index.is_proper_key(key)))
        .collect()
}

/// The past of "to be" in Serbian and Russian, folded: the auxiliary of a
/// passive ("je osnovana", "был подписан").
const PAST_OF_BE: &[&str] = &["je", "su", "bio", "bila", "bilo", "bili", "byl", "byla", "bylo", "byli"];

/// Words that deny an event, which they never name themselves ("when did
/// Tito *not* show up").
const NEGATIONS: &[&str] = &["not", "never", "no"];

/// Modifiers of place, which the predicate list holds: a side of a land
/// ("the *eastern* bloc") or being away ("the Russian Church *abroad*").
/// They say where, never what happened.
const PLACE_MODIFIERS: &[&str] = &["northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern", "abroad", "overseas"];

/// Verbs of going on: in a question of an end or a span, its frame.
/// Not "last", which is also the ordinal ("until when did the *last* …").
const GOING_ON_VERBS: &[&str] = &["stay", "stayed", "remain", "remained", "continue", "continued", "lasted", "persist", "persisted"];

/// Particles that end a phrase of `config/synonyms.toml` ("fall *apart*",
/// "set *up*").
const PHRASE_PARTICLES: &[&str] = &["apart", "up", "out", "down", "off", "away"];

/// Whether the word at `at` is the particle of a two-word phrase the
/// synonyms key as one ("fell apart": dissolution): the phrase is what
/// the question says, and "apart" alone names no event.
fn ends_a_synonym_phrase(index: &Index, words: &[&str], at: usize, language: Language) -> bool {
    synonym_phrase_key(index, words, at, language).is_some()
}

/// The positions of the words that, two by two, the question's keys read
/// as one name ("the Non-*Aligned* Movement": "non align"): words of the
/// name, not verbs of the event.
fn name_phrase_words(index: &Index, query: &Query, words: &[&str], language: Language) -> Vec<usize> {
    // Most questions have no key of two words: their pairs are not keyed.
    if !query.keys.iter().any(|key| key.contains(' ')) {
        return Vec::new();
    }
    let is_name_phrase = |key: &String| key.contains(' ') && query.keys.contains(key) && index.is_name_key(key);
    (1..words.len()).filter(|&second| pair_key(index, words, second, language).is_some_and(|key| is_name_phrase(&key))).flat_map(|second| [second - 1, second]).collect()
}

/// The one key two words, the one at `second` and the one before it, key
/// to together, if they key to one.
fn pair_key(index: &Index, words: &[&str], second: usize, language: Language) -> Option<String> {
    let first = second.checked_sub(1).and_then(|first| words.get(first))?;
    match index.tokens(&format!("{first} {}", words.get(second)?), language).as_slice() {
        [one] => Some(one.key.clone()),
        _ => None,
    }
}

/// The key of the two-word synonym phrase the word at `at` ends ("set
/// *up*": establish), if it ends one ([`PHRASE_PARTICLES`]).
pub(crate) fn synonym_phrase_key(index: &Index, words: &[&str], at: usize, language: Language) -> Option<String> {
    if at == 0 || !PHRASE_PARTICLES.contains(words.get(at)?) {
        return None;
    }
    pair_key(index, words, at, language)
}

/// Verbs of going that say no event alone ("came", "went"), but with "to"
/// and a place after them tell a journey there.
const GOING_VERBS: &[&str] = &[
    "came", "come", "comes", "coming", "went", "go", "goes", "going", "gone", "got", "get",
    // Flying and travelling there ("when did Tito *fly to* Moscow").
    "flew", "fly", "flies", "flying", "flown", "travelled", "traveled", "travel", "travels", "travelling", "traveling",
];

/// The words the sources tell a journey by, first the one an abstention
/// names. "Met" too: who "met with Stalin in Moscow" was there ("agreed to
/// meet in Belgrade" plans a journey, and does not tell one).
pub(crate) const JOURNEY_WORDS: &[&str] = &["visit", "visited", "visits", "visiting", "trip", "tour", "arrived", "arrival", "came", "come", "travelled", "traveled", "flew", "went", "journey", "stay", "stayed", "met"];

/// "What did Khrushchev say when he *came to Belgrade*": in a "when"
/// clause, a verb of going with "to" and a place is the occasion asked
/// about, a journey, which the evidence must tell ("visited", "arrived",
/// "a trip to"); "agreed to meet in Belgrade" plans one. So is one right
/// after the person a "when did" question names ("when did Yeltsin *come
/// to Belgrade*"). The journey words' keys, as one event word.
fn journey_to_a_place(index: &Index, query: &Query, text: &str, words: &[&str], language: Language) -> Option<Vec<String>> {
    journey_destination(index, query, text, words, language).and_then(|_| journey_keys(index))
}

/// The place a journey the question asks about leads to (its keys), as
/// [`journey_to_a_place`] and [`inflected_journey`] find it: "when did
/// Yeltsin come to *Belgrade*", "did Tito visit *Moscow*".
pub(crate) fn journey_destination<'a>(index: &'a Index, query: &'a Query, text: &'a str, words: &[&'a str], language: Language) -> Option<Vec<String>> {
    // The place as respelt ("belgarde" is Belgrade), a Russian one as typed ("Москву").
    let place = |word: &'a str| match language {
        Language::En => index.respell_in(query, word).unwrap_or(word),
        Language::Ru => as_typed(text, word),
        _ => word,
    };
    // The place of a journey told by the verb at `at`, its object from
    // `object` on: a verb of going, "to" (or "u", "в", "na") and the place,
    // or a verb of visiting and the place.
    let journey = |at: usize, object: usize| -> Option<&'a str> {
        let verb = *words.get(at)?;
        let destination = if VISITING_VERBS.contains(&verb) {
            // "Visit *the* USSR", and the noun: "Tito's visits *to the* USSR".
            let object = object + usize::from(language == Language::En && words.get(object) == Some(&"to"));
            words.get(object + usize::from(words.get(object) == Some(&"the")))
        } else if language == Language::En && GOING_VERBS.contains(&verb) && words.get(object) == Some(&"to") || language != Language::En && INFLECTED_GOING_VERBS.contains(&verb) && words.get(object).is_some_and(|w| matches!(*w, "u" | "v" | "vo" | "na")) {
            words.get(object + 1)
        } else {
            None
        };
        // A place the base never saw ("Kinu", China) is still the journey's end.
        destination.map(|word| place(word)).filter(|word| names_a_place(index, word, language) || is_unknown_noun(index, word, language))
    };
    let journey_at = |at: usize| journey(at, at + 1);
    if matches!(language, Language::Sr | Language::Ru) {
        let (verb, object) = inflected_journey_verb(index, query, text, words, language)?;
        return journey(verb, object).map(|word| place_keys(index, word, language));
    }
    // Only in a clause that sets the time of what is asked: how people went
    // somewhere is told in too many ways ("fled to", "found refuge in").
    let clause = words.iter().skip(1).position(|word| *word == "when").map(|at| at + 2);
    let in_clause = clause.and_then(|start| (start..words.len()).find_map(journey_at));
    // Or when a person is asked to have gone ("when did *Yeltsin come to
    // Belgrade*"), perhaps with an adverb of time between ("ever", "actually").
    let after_adverbs = |verb: usize| verb + words.iter().skip(verb).take_while(|w| TIME_ADVERBS.contains(w)).count();
    let person_went = || person_then(index, query, text, words, language).map(after_adverbs).and_then(journey_at);
    in_clause.or_else(person_went).map(|word| place_keys(index, word, language))
}

/// Verbs whose object is the place visited ("visited Moscow", "posetio
/// Moskvu", "посетил Москву"), folded (Russian in its Latin transliteration).
const VISITING_VERBS: &[&str] = &[
    "visit", "visits", "visited", "visiting", "posetio", "posetila", "posetili", "posjetio", "posjetila", "posecivao", "posecivala", "posetil", "poseshchal", "poseshchala", "poseshchali",
];

/// In Serbian and Russian, where the verb of a person's journey stands and
/// where its object starts: after "kada" or "когда" and the name
/// ([`person_then`]), or after "da li je" and the name ("da li je Tito
/// *posetio* Moskvu"), the object right after the verb; in a Russian
/// yes-or-no question, the verb before "ли" and the object after the name
/// ("*посещал* ли Тито *Москву*").
fn inflected_journey_verb(index: &Index, query: &Query, text: &str, words: &[&str], language: Language) -> Option<(usize, usize)> {
    if let Some(verb) = person_then(index, query, text, words, language) {
        return Some((verb, verb + 1));
    }
    if language != Language::Ru || words.get(1) != Some(&"li") {
        return None;
    }
    let names = words.iter().skip(2).take_while(|w| is_personal(index, query, text, w, language)).count();
    (names > 0).then_some((0, 2 + names))
}

/// The keys of a place's word: its proper ones, or all of a word the base
/// never saw ([`is_unknown_noun`]).
fn place_keys(index: &Index, word: &str, language: Language) -> Vec<String> {
    let unknown = is_unknown_noun(index, word, language);
    index.word_tokens(word, language).iter().map(|t| t.key.clone()).filter(|key| unknown || index.is_proper_key(key)).collect()
}

/// Whether `word` is a noun the base has never seen, in any of its keys.
fn is_unknown_noun(index: &Index, word: &str, language: Language) -> bool {
    let tokens = index.word_tokens(word, language);
    word.chars().count() >= 3 && !tokens.is_empty() && is_plain_noun(word, language) && !tokens.iter().any(|t| index.has_key(&t.key) || t.alts.iter().any(|alt| index.has_key(alt)))
}

/// The position of the word after "when did" (or a yes-or-no "did", or
/// "when" alone, or nothing: "(when) Tito flew to Moscow") and a person's name ("when did
/// *Boris Yeltsin* come"), or, in Serbian and Russian, after "kada" or
/// "когда" and the name ("когда Ельцин приезжал"): the verb of what the
/// person did. None when no personal name stands there.
fn person_then(index: &Index, query: &Query, text: &str, words: &[&str], language: Language) -> Option<usize> {
    let start = match language {
        // "Did Stalin ever come to Belgrade": a yes-or-no question asks of a journey too.
        Language::En if words.first().is_some_and(|w| DO_FORMS.contains(w)) => 1,
        // "When Tito flew to Moscow": "when" and the name, as a statement;
        // "/when Tito flew to Moscow", the statement alone.
        Language::En if words.first() == Some(&"when") => if words.get(1).is_some_and(|w| DO_FORMS.contains(w)) { 2 } else { 1 },
        Language::En => 0,
        // "Da li je Tito posetio": a Serbian yes-or-no question too.
        _ if words.starts_with(&["da", "li"]) && words.get(2).is_some_and(|w| matches!(*w, "je" | "su")) => 3,
        // "Kada *je* Jeljcin došao": past with its auxiliary.
        _ => {
            words.first().is_some_and(|w| matches!(*w, "kada" | "kad" | "kogda")).then_some(())?;
            1 + usize::from(words.get(1).is_some_and(|w| matches!(*w, "je" | "su")))
        }
    };
    let verb = start + words.iter().skip(start).take_while(|w| is_personal(index, query, text, w, language)).count();
    (verb > start).then_some(verb)
}

/// Whether `word` is a word of a person's name, as respelt ("jeljcin"), and
/// a Russian name as typed ("Ельцин") or, when the base has no Russian
/// form of it, as transliterated ("Тито" is Tito).
fn is_personal(index: &Index, query: &Query, text: &str, word: &str, language: Language) -> bool {
    let personal = |word: &str, language: Language| index.word_tokens(word, language).iter().any(|t| index.is_personal_name_key(&t.key));
    match language {
        Language::Ru => personal(as_typed(text, word), language) || personal(word, Language::En),
        _ => personal(index.respell_in(query, word).unwrap_or(word), language),
    }
}

/// Serbian and Russian past forms of coming and going, folded (Russian in
/// its Latin transliteration): "когда Ельцин *приезжал* в Белград".
const INFLECTED_GOING_VERBS: &[&str] = &[
    "dosao", "dosla", "dosli", "dolazio", "dolazila", "otisao", "otisla", "putovao", "putovala", "posetio", "posetila",
    "priezzhal", "priezzhala", "priekhal", "priekhala", "ezdil", "ezdila", "poekhal", "poekhala", "pribyl", "pribyla",
];

/// [`journey_to_a_place`] in Serbian and Russian: a person named after
/// "kada", "когда" or "da li je", then a verb of coming or going, "u", "в"
/// or "na", and a place, or a verb of visiting and the place.
fn inflected_journey(index: &Index, query: &Query, text: &str, words: &[&str], language: Language) -> Option<Vec<String>> {
    journey_destination(index, query, text, words, language).and_then(|_| journey_keys(index))
}

/// Whether `word` is a name (of a place, where a journey leads).
fn names_a_place(index: &Index, word: &str, language: Language) -> bool {
    index.word_tokens(word, language).iter().any(|t| index.is_proper_key(&t.key))
}

/// The keys of [`JOURNEY_WORDS`] the base holds, as one event word; None
/// when it holds none.
fn journey_keys(index: &Index) -> Option<Vec<String>> {
    let keys: Vec<String> = JOURNEY_WORDS.iter().flat_map(|word| index.tokens(word, Language::En)).map(|t| t.key).filter(|key| index.has_key(key)).collect();
    (!keys.is_empty()).then_some(keys)
}

/// The position of the main verb in its plain form in a "when" or "why" question,
/// after "did", "does" or "do" and a subject that is a person's name of one
/// word or more ("when did *Slobodan Milošević* visit Moscow"): the event asked
/// about, as a past form ("visited") would be. Only a verb the base knows
/// (not a misspelt one), and not one that asks for a start or an end.
fn verb_after_named_subject(index: &Index, text: &str, words: &[&str], found: &[(Asks, std::ops::Range<usize>)], language: Language) -> Option<usize> {
    let (_, when) = found.iter().find(|(asks, _)| matches!(asks, Asks::When | Asks::Why))?;
    let aux = (when.end..words.len()).find(|&at| DO_FORMS.contains(&words[at]))?;
    let personal = |word: &str| index.word_tokens(word, language).iter().any(|t| index.is_personal_name_key(&t.key));
    let start = aux + 1 + words.iter().skip(aux + 1).take_while(|w| lexicon::is_stopword(w, language)).count();
    let subject_end = start + words.iter().skip(start).take_while(|w| personal(w)).count();
    // "When did Tito *finally* visit": an adverb of time between the subject and its verb.
    let verb = subject_end + words.iter().skip(subject_end).take_while(|w| TIME_ADVERBS.contains(w)).count();
    // "Why did *Tito's* health matter": a name owns the noun after it, the subject.
    let owner = words.get(subject_end.wrapping_sub(1)).and_then(|name| name.strip_suffix('s')).is_some_and(|name| possessive_in(text, name));
    let word = *words.get(verb).filter(|_| subject_end > start && !owner)?;
    is_plain_verb(index, word, language).then_some(verb)
}

/// The position of the verb after "ever" in an English yes-or-no question
/// opened by "did", "does" or "do" ("did the White Russians *ever* go
/// back", read as "return"): the question asks whether that deed happened
/// at all, which a sentence must tell, as the event of a "when" question.
/// Without "ever" ("did the treaty oblige the Soviets to…") the deed may be
/// told in other words ("did not require"), and no verb is read here.
fn verb_after_ever(index: &Index, words: &[&str], language: Language) -> Option<usize> {
    if language != Language::En || !words.first().is_some_and(|w| DO_FORMS.contains(w)) {
        return None;
    }
    // A subject of one word at least, then "ever".
    let ever = words.iter().skip(2).take(5).position(|w| *w == "ever")? + 2;
    let verb = ever + 1 + words.iter().skip(ever + 1).take_while(|w| TIME_ADVERBS.contains(w)).count();
    // Not a journey ("did Tito ever *visit* Moscow"): a sentence that puts
    // the subject in the place tells it, as the yes-or-no reading of places does.
    words.get(verb).filter(|word| is_plain_verb(index, word, language) && !JOURNEY_WORDS.contains(word)).map(|_| verb)
}

/// Adverbs of time that may stand between a subject and its verb ("when
/// did Tito *finally* visit", "did Serbia ever *again* take part").
const TIME_ADVERBS: &[&str] = &["ever", "later", "again", "eventually", "finally", "actually", "really", "also"];

/// Whether the text as typed has `name` (folded) with a possessive "'s".
fn possessive_in(text: &str, name: &str) -> bool {
    let lower = text.to_lowercase();
    ["'s", "’s"].iter().any(|ending| lower.contains(&format!("{name}{ending}")))
}

/// Whether `word` may be a verb that names a question's event: a word of
/// the base, no name, not light, and not one that asks for a start or end.
fn is_plain_verb(index: &Index, word: &str, language: Language) -> bool {
    let tokens = index.word_tokens(word, language);
    let proper = tokens.iter().any(|t| index.is_proper_key(&t.key));
    let known = tokens.iter().any(|t| index.has_key(&t.key));
    let light = lexicon::is_light(word, language) && !PLAIN_FORM_HOMOGRAPHS.contains(&word);
    known && !proper && !light && !lexicon::is_stopword(word, language) && !START_WORDS.contains(&word) && !END_WORDS.contains(&word)
}

/// Light words that are the past of one verb and the plain form of
/// another: after "did" and a subject only the plain form can stand, so
/// "when did Pašić *found* the party" asks for a founding, not a finding.
const PLAIN_FORM_HOMOGRAPHS: &[&str] = &["found"];

/// The words before the first clause that opens with a subordinator
/// ([`SUBORDINATORS`]) or a relative pronoun ("the countries *that*
/// recognized…", "the patriarch *who* helped…"), the question's first word aside.
fn main_clause<'a, 'w>(words: &'a [&'w str]) -> &'a [&'w str] {
    // A relative "who" only after a question's own opener: "czechoslovak politicians *who* fled" names what is asked.
    let opened = words.first().is_some_and(|first| matches!(*first, "who" | "what" | "which" | "when" | "where" | "how" | "why" | "was" | "were" | "is" | "are" | "did"));
    let end = words.iter().skip(1).position(|w| SUBORDINATORS.contains(w) || matches!(*w, "that" | "which") || opened && *w == "who").map_or(words.len(), |at| at + 1);
    &words[..end]
}

/// The keys of an English question's time clause: from "after", "before",
/// "during" or "following" to the end of the question or the next clause
/// ("who did Yugoslavia turn to *after the expulsion*").
fn time_clause(index: &Index, words: &[&str], language: Language) -> Vec<String> {
    words[time_clause_span(words, language)].iter().flat_map(|word| index.tokens(word, language)).map(|token| token.key).collect()
}

/// The word positions of a question's time clause ([`time_clause`]), in
/// English, Serbian ("kad je Tito bio u Pragu *pred invaziju*") or Russian.
fn time_clause_span(words: &[&str], language: Language) -> std::ops::Range<usize> {
    let Some((openers, ends)) = time_clause_words(language) else { return 0..0 };
    let Some(start) = words.iter().position(|w| openers.contains(w)) else { return 0..0 };
    let length = words[start..].iter().take_while(|w| !ends.contains(&w.trim_end_matches(','))).count();
    start..start + length
}

/// "Who did Stalin meet in January 1945 *when he talked about* …": in an
/// English question of whom someone did something to, a "when" or "while"
/// after the question's own clause opens a clause of its time, to its end
/// or the next clause, as "during" does. Not a "when" that asks ("and
/// when did…"), nor one whose deed is the only one told ("what did
/// Khrushchev say when he arrived", "who became prime minister when Peter
/// dismissed Pašić": the arrival and the dismissal are what is asked of),
/// nor one after a verb the base never writes ("who did Khrushchev *hug*
/// when he arrived"): the clause's deed is all the evidence can confirm.
fn when_clause_span(index: &Index, words: &[&str], language: Language) -> std::ops::Range<usize> {
    let Some((_, ends)) = time_clause_words(language) else { return 0..0 };
    if language != Language::En || !matches!(words, ["who" | "whom", "did", ..]) {
        return 0..0;
    }
    let opens = |at: usize| at >= 3 && matches!(words[at], "when" | "while") && !matches!(words[at - 1], "and" | "or" | "but");
    let Some(start) = (0..words.len()).find(|&at| opens(at)) else { return 0..0 };
    if !words[2..start].iter().any(|word| is_plain_verb(index, word, language)) {
        return 0..0;
    }
    let length = 1 + words[start + 1..].iter().take_while(|w| !ends.contains(&w.trim_end_matches(','))).count();
    start..start + length
}

/// The words that open a time clause in a language, and those that end
/// it (the next clause begins).
fn time_clause_words(language: Language) -> Option<(&'static [&'static str], &'static [&'static str])> {
    match language {
        Language::En => Some((&["after", "before", "during", "following"], &["and", "but", "who", "what", "when", "where", "which", "why", "how", "did", "does", "do", "was", "were", "is", "are"])),
        Language::Sr => Some((&["pre", "pred", "posle", "nakon", "tokom", "uoci"], &["i", "a", "ali", "ko", "sta", "kada", "kad", "gde", "zasto", "kako", "je", "su", "da"])),
        // Russian in Cyrillic and as transliterated.
        Language::Ru => Some((
            &["перед", "после", "накануне", "pered", "posle", "nakanune"],
            &["и", "а", "но", "кто", "что", "когда", "где", "почему", "как", "i", "a", "no", "kto", "chto", "kogda", "gde", "pochemu", "kak"],
        )),
        _ => None,
    }
}

/// The keys of an English question's phrase after "instead of" or "rather
/// than" ("what did the Russians offer the Serbs *instead of a
/// protectorate*"): what the answer was set against, which the entry must
/// tell somewhere, not the sentence that answers.
fn contrast_clause(index: &Index, words: &[&str], language: Language) -> Vec<String> {
    if language != Language::En {
        return Vec::new();
    }
    let Some(at) = words.windows(2).position(|pair| matches!(pair, ["instead", "of"] | ["rather", "than"])) else { return Vec::new() };
    words[at + 2..].iter().take_while(|w| !ABOUT_ENDS.contains(w)).flat_map(|word| index.tokens(word, language)).map(|token| token.key).collect()
}

/// Words that end the phrase after "about" ("about trade *in* 1955").
const ABOUT_ENDS: &[&str] = &["in", "at", "on", "during", "after", "before", "since", "until", "when", "and", "to", "with", "for", "by", "from"];

/// The keys of the words of the phrase after "about" in an English
/// question ("what did the declaration say about *trade*"), or after "to"
/// that follows a verb of saying or answering ("what did Moscow say to
/// *Borislav Milošević's idea*"), up to four.
fn about_words(index: &Index, words: &[&str], language: Language) -> Vec<String> {
    let about: &[&str] = match language {
        Language::En => &["about"],
        // Serbian "o", Russian "о", "об", "про" (folded): "film *про* Kosovo".
        Language::Sr => &["o"],
        Language::Ru => &["o", "ob", "pro"],
        Language::Ar => return Vec::new(),
    };
    // "say *about* X", and "say *to* X" or "react *to* X" after a verb of saying or answering.
    let answered = |at: usize| language == Language::En && words[at] == "to" && at > 0 && matches!(words[at - 1], "say" | "said" | "respond" | "responded" | "react" | "reacted" | "reply" | "replied");
    // Not "*о чем* договорились" ("about what"), which is the question word.
    let asked_at = lexicon::question_words(words, language);
    let asks_about_what = |at: usize| asked_at.iter().any(|(_, range)| range.contains(&(at + 1)) || range.contains(&at));
    let Some(at) = (0..words.len()).find(|&at| (about.contains(&words[at]) && !asks_about_what(at)) || answered(at)) else { return Vec::new() };
    // In Serbian and Russian, the phrase ends at a preposition or a conjunction, all stopwords.
    let ends = |w: &str| if language == Language::En { ABOUT_ENDS.contains(&w) } else { lexicon::is_stopword(w, language) };
    words
        .iter()
        .skip(at + 1)
        .take_while(|w| !ends(w))
        .filter(|w| !lexicon::is_stopword(w, language))
        .take(4)
        .flat_map(|w| index.tokens(w, language))
        .map(|t| t.key)
        .collect()
}

/// "Between" in the languages histbot reads (folded).
const BETWEEN: &[&str] = &["between", "izmedju", "izmedu", "между", "mezhdu"];

/// The keys of the names that a "between" joins ("between *Yugoslavia* and
/// the *USSR*"): the names among the next six words, up to a word that ends
/// the phrase.
fn between_names(index: &Index, words: &[&str], language: Language) -> Vec<String> {
    let Some(at) = words.iter().position(|w| BETWEEN.contains(w)) else { return Vec::new() };
    words
        .iter()
        .skip(at + 1)
        .take(6)
        .take_while(|w| **w == "and" || !ABOUT_ENDS.contains(w))
        .flat_map(|w| index.tokens(w, language))
        .map(|t| t.key)
        .filter(|key| index.is_proper_key(key))
        .collect()
}

/// Words that tell an alliance, whose partner follows "with".
pub(crate) const ALLIANCE_WORDS: &[&str] = &["ally", "allied", "allies", "allying", "alliance", "alliances"];

/// Articles and words that may stand between "with" and a name ("allied
/// *itself* with *the* Russian Empire").
pub(crate) const BEFORE_PARTNER: &[&str] = &["the", "a", "an", "itself", "themselves", "himself"];

/// Words that put whom a "who" question asks before or after someone
/// else, folded (Russian as transliterated): English "before", "after";
/// Serbian "pre", "posle", "nakon", "do"; Russian "до", "после", "перед"
/// (not English "do", an auxiliary).
fn succession_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &["before", "after"],
        Language::Sr => &["pre", "posle", "nakon", "do"],
        Language::Ru => &["do", "posle", "pered"],
        Language::Ar => &[],
    }
}

/// How many words after a word of [`succession_words`] the person's name
/// may come ("before *the* ambassador *Konuzin*" aside: "pre Konuzina").
const NAME_AFTER_SUCCESSION: usize = 2;

/// For each succession word of `words` ([`succession_words`]), its
/// position and the positions a name after it may stand at.
pub fn after_succession<'w>(words: &'w [&'w str], language: Language) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 'w {
    let succession = succession_words(language);
    words.iter().enumerate().filter(move |(_, word)| succession.contains(word)).map(|(at, _)| (at, at + 1..(at + 1 + NAME_AFTER_SUCCESSION).min(words.len())))
}

/// Words after which a question names what it leaves out of what it asks
/// ("orders *other than* the Order of Lenin", "*osim*", "*кроме*").
const EXCLUDING: &[&[&str]] = &[&["other", "than"], &["besides"], &["except"], &["apart", "from"], &["aside", "from"], &["excluding"], &["osim"], &["sem"], &["izuzev"], &["krome"], &["pomimo"]];

/// Words that end what [`EXCLUDING`] leaves out: another clause or the
/// question itself begins ("apart from defending Serbia, *why* did…").
const CLAUSE_JOINERS: &[&str] = &[
    "and", "or", "but", "why", "what", "who", "when", "where", "which", "how", "did", "does", "do", "was", "were", "is", "are", "i", "ili", "a", "no", "zasto", "sta",
    "ko", "kada", "kad", "gde", "pochemu", "chto", "kto", "kogda",
];

/// The keys of the words after one of [`EXCLUDING`], up to the end of its
/// clause (at most six words): what the question names only to leave it
/// out, which cannot be its answer.
fn excluded_keys(index: &Index, words: &[&str], language: Language) -> Vec<String> {
    let Some(after) = (0..words.len()).find_map(|at| EXCLUDING.iter().find(|marker| words[at..].starts_with(marker)).map(|marker| at + marker.len())) else {
        return Vec::new();
    };
    words[after..].iter().take_while(|word| !CLAUSE_JOINERS.contains(word)).take(6).flat_map(|word| index.word_keys_in(word, language)).collect()
}

/// The succession word of a question that asks for the one before or
/// after a named person ("who led Yugoslavia *after* Tito", "ko je bio
/// ambasador *pre* Konuzina"), if it asks so: the first such word, with a
/// person's name after it that ends the phrase.
fn successor_asked(index: &Index, folded: &str, language: Language) -> Option<String> {
    let words: Vec<&str> = folded.split_whitespace().collect();
    let keys = |word: &str| index.query_in(word, language);
    let names_a_person = |word: &str| {
        let query = keys(word);
        (0..query.keys.len()).flat_map(|at| index.stored_matches(&query, at)).any(|key| index.is_personal_name_key(key))
    };
    // The person ends the phrase: "after the *Obrenović dynasty*" names a
    // dynasty, whose successor need not be a person.
    let ends_phrase = |at: usize| words.get(at + 1).is_none_or(|next| keys(next).keys.is_empty());
    let (at, names) = after_succession(&words, language).next()?;
    names.into_iter().any(|name| names_a_person(words[name]) && ends_phrase(name)).then(|| words[at].to_string())
}

/// The names after an alliance word, "with" and any article ("ally with
/// *Russia*", "an alliance with *the Russian Empire*"), up to the first
/// word that is no name: their keys ([`Question::allied_with`]).
fn partner_keys(index: &Index, words: &[&str]) -> Vec<String> {
    let Some(at) = words.windows(2).position(|pair| ALLIANCE_WORDS.contains(&pair[0]) && pair[1] == "with") else { return Vec::new() };
    let named = |word: &&&str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    words.iter().skip(at + 2).skip_while(|w| BEFORE_PARTNER.contains(w)).take_while(named).flat_map(|w| index.word_keys(w)).filter(|key| index.is_proper_key(key)).collect()
}

/// Whether a "what" question opens "what was", then a name and a past
/// participle right after it ("what was *Linitsky sentenced* to", "what
/// were *the Serbs promised*"): the verb is what is asked.
fn deed_done_to_a_name(index: &Index, words: &[&str]) -> bool {
    let ["what", be, rest @ ..] = words else { return false };
    if !matches!(*be, "was" | "were") {
        return false;
    }
    let named = |word: &&str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    // Not "was Karađorđe *supposed* to get": a participle that only leads
    // to a verb, though mistyped ("supossed", two letters off).
    let modal = |word: &str| MODAL_PARTICIPLES.iter().any(|modal| crate::text::fold::edit_distance_within(word, modal, 2) <= 2);
    rest.windows(2).any(|pair| named(&pair[0]) && is_past_participle(pair[1]) && !modal(pair[1]))
}

/// Participles that lead to the verb after their "to" ("supposed to get").
const MODAL_PARTICIPLES: &[&str] = &["supposed", "expected", "meant", "allowed", "obliged", "required", "forced"];

/// Forms of "to be" and "to have" that make a "who" question ask about
/// someone other than a doer ("who *was* killed", "who *had* Gorkić
/// killed").
const PASSIVE_QUESTION_WORDS: &[&str] = &["was", "were", "is", "are", "been", "be", "had", "has", "have", "got", "get"];

/// The thing whose name an English question asks: the words before its
/// head noun, and the head, the last word of the phrase after "the name of"
/// or "the names of" ("the 1807 serbian-russian alliance *treaty*"), or between "was" and
/// "called" or "named" ("what was the economic *war* between serbia and
/// austria-hungary called"), up to a word that ends a noun phrase ("who",
/// "in", "between"…) or, after "the name of", a comma in the question as
/// `typed`.
fn named_thing<'a, 'w>(words: &'a [&'w str], typed: &str) -> Option<(&'a [&'w str], &'w str)> {
    let phrase = if let Some(at) = words.windows(2).position(|pair| matches!(pair, ["name" | "names", "of"])) {
        // "The real name of Colonel Apis*,* the intelligence chief": up to a comma.
        let end = clause_ends(typed, words.len()).into_iter().find(|&end| end > at + 2).unwrap_or(words.len());
        &words[at + 2..end]
    } else {
        let called = words.iter().position(|w| matches!(*w, "called" | "named"))?;
        let be = words[..called].iter().position(|w| matches!(*w, "was" | "is" | "were" | "are"))?;
        &words[be + 1..called]
    };
    let start = phrase.iter().position(|w| !matches!(*w, "the" | "a" | "an")).unwrap_or(phrase.len());
    let phrase = &phrase[start..];
    let length = phrase.iter().position(|w| NOUN_PHRASE_ENDS.contains(w)).unwrap_or(phrase.len());
    // "The consul *received* by Miloš", "the treaty *signed* in 1945": a
    // past participle after the noun begins a clause about it.
    let length = phrase[..length].iter().skip(1).position(|w| is_past_participle(w)).map_or(length, |at| at + 1);
    let (head, before) = phrase[..length].split_last()?;
    Some((before, *head))
}

/// The positions of the folded words that follow a comma in `text` as
/// typed, when its words line up with the `count` folded ones (none when
/// they do not).
fn clause_ends(text: &str, count: usize) -> Vec<usize> {
    let typed: Vec<&str> = text.split_whitespace().collect();
    if typed.len() != count {
        return Vec::new();
    }
    typed.iter().enumerate().filter(|(_, word)| word.ends_with(',')).map(|(at, _)| at + 1).collect()
}

/// An English word that reads as a past participle: a regular "-ed" form
/// or an irregular one ("given", "held").
fn is_past_participle(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") || lexicon::is_irregular_verb_form(word)
}

/// A relative asked of someone named ([`Question::kin`]).
#[derive(Debug, Clone, Serialize)]
pub struct Kin {
    /// The relation as the sources write it ("mother", for "mom" too).
    pub relation: &'static str,
    /// The keys of the word that names whose relative is asked.
    pub owner: Vec<String>,
}

/// Words for relatives, each with the word the sources would write.
const KIN_WORDS: &[(&str, &str)] = &[
    ("mother", "mother"), ("mom", "mother"), ("mum", "mother"), ("father", "father"), ("dad", "father"),
    ("son", "son"), ("daughter", "daughter"), ("wife", "wife"), ("husband", "husband"), ("brother", "brother"),
    ("sister", "sister"), ("grandfather", "grandfather"), ("grandmother", "grandmother"), ("grandson", "grandson"),
    ("uncle", "uncle"), ("nephew", "nephew"), ("parents", "parent"),
];

/// "Ivan the Terrible*s* mom", "Elena Glinskaya*s* Serbian mother", "the
/// mother *of Ivan*": the relative an English question asks of a name
/// (as folded, a possessive loses its apostrophe), with the name's keys.
fn asked_kin(index: &Index, words: &[&str]) -> Option<Kin> {
    let (at, relation) = words.iter().enumerate().find_map(|(at, word)| KIN_WORDS.iter().find(|(kin, _)| kin == word).map(|(_, relation)| (at, *relation)))?;
    let named = |word: &str| -> Vec<String> { index.word_keys(word).into_iter().filter(|key| index.is_proper_key(key) || index.is_name_key(key)).collect() };
    // "… Glinskaya's Serbian mother": a possessive up to two words before.
    let before = words[at.saturating_sub(3)..at].iter().rev().find_map(|word| {
        let owner = word.strip_suffix('s').filter(|bare| bare.len() > 2).map(named).unwrap_or_default();
        (!owner.is_empty()).then_some(owner)
    });
    // "the mother of Ivan the Terrible": the name after "of".
    let after = || {
        let rest = words.get(at + 1..).filter(|rest| rest.first() == Some(&"of"))?;
        rest.iter().skip(1).filter(|word| !matches!(**word, "the" | "a" | "an")).take(1).map(|word| named(word)).find(|owner| !owner.is_empty())
    };
    let owner = before.or_else(after)?;
    Some(Kin { relation, owner })
}

/// Adjectives that say which of someone's names is asked ("his *real*
/// name", "her *full* name"): the name is what is asked, not a word the
/// evidence must hold.
const NAME_QUALIFIERS: &[&str] = &["real", "full", "actual", "true", "proper", "birth", "original"];

/// Whether `word` is one of [`NAME_QUALIFIERS`], or a slip of one that the
/// base does not use ("his *reel* name"): one edit from it, of four letters or more.
fn is_name_qualifier(index: &Index, word: &str) -> bool {
    NAME_QUALIFIERS.contains(&word)
        || (word.chars().count() >= 4
            && !index.word_keys(word).iter().any(|key| index.has_key(key))
            && NAME_QUALIFIERS.iter().any(|qualifier| crate::text::fold::edit_distance_within(qualifier, word, 1) <= 1))
}

/// Drops from `query` the keys of [`NAME_QUALIFIERS`] typed right before
/// "name"; whether there were any.
fn drop_name_qualifiers(index: &Index, query: &mut Query, words: &[&str]) -> bool {
    let qualifiers: Vec<String> = words
        .windows(2)
        .filter(|pair| matches!(pair[1], "name" | "names") && is_name_qualifier(index, pair[0]))
        .flat_map(|pair| index.word_keys(pair[0]))
        .collect();
    if qualifiers.is_empty() {
        return false;
    }
    query.remove_keys(&qualifiers);
    true
}

/// Words that end a noun phrase: a clause, a preposition or a verb begins.
const NOUN_PHRASE_ENDS: &[&str] = &[
    "who", "that", "which", "whose", "when", "where", "in", "at", "on", "during", "from", "after", "before", "between", "with", "for", "by", "to", "of", "about", "did", "does", "was", "is", "were", "are", "and",
];

/// A deed a "who" question may ask the doer of that only a sentence telling
/// it answers: its verb is irregular or a phrase ("won", "took over"), so
/// the question's event words do not catch it, and a name near the
/// question's other words is no answer ("who won the Pig War": the sentence
/// tells Russia's support, not a victory).
#[derive(Debug, PartialEq, Eq, serde::Serialize)]
pub struct ToldDeed {
    /// Words that ask it, as folded: English, Serbian, Russian.
    pub asked_by: &'static [&'static str],
    /// Words of the sources that tell it.
    pub told_by: &'static [&'static str],
    /// Whether what it was done to ([`AskedDeed::object`]) is the head of
    /// the phrase after the word, not its first word: a leader is named
    /// beside what they led, which a sentence may describe in its own words
    /// ("a cavalry *brigade* … formed under the command of General Ulagay"
    /// for "the White Russian *brigade* sent into Albania").
    pub object_is_head: bool,
}

/// Who came after someone in a post, who won, and who made a thing: a
/// design, a film, a text, a painting, a building.
pub const TOLD_DEEDS: &[ToldDeed] = &[
    ToldDeed {
        asked_by: &[
            "succeed", "succeeded", "succeeds", "successor", "successors", "replace", "replaced", "replaces", "nasledio", "nasledila", "naslednik", "zamenio", "zamenila",
            "smenil", "smenila", "preemnik", "nasledoval",
        ],
        told_by: &["successor", "succeeded", "succession", "replaced"],
        object_is_head: false,
    },
    ToldDeed {
        asked_by: &["won", "win", "wins", "winner", "winners", "victor", "victorious", "pobedio", "pobedila", "pobedili", "pobednik", "pobedil", "pobeditel", "vyigral", "vyigrala", "vyigrali"],
        told_by: &["won", "victory", "victorious", "defeated", "defeat", "prevailed", "triumph", "lost"],
        object_is_head: false,
    },
    ToldDeed {
        asked_by: &["design", "designed", "designs", "designer", "designers", "projektovao", "projektovala", "proektiroval"],
        told_by: &["designed", "design", "designer", "author", "authors", "architect", "created"],
        object_is_head: false,
    },
    ToldDeed {
        // "Кто *снял* фильм", "ko je *snimio* film": who shot a film directed it.
        asked_by: &["directed", "director", "directors", "directs", "rezirao", "rezirala", "reziser", "rezhisser", "snyal", "snyala", "snyali", "snimio", "snimila", "snimili"],
        told_by: &["directed", "director", "directors"],
        object_is_head: false,
    },
    ToldDeed {
        asked_by: &["wrote", "written", "writes", "author", "authors", "authored", "napisao", "napisala", "napisal", "avtor", "autor"],
        told_by: &["wrote", "written", "author", "authors", "authored", "writer"],
        object_is_head: false,
    },
    ToldDeed {
        asked_by: &["led", "lead", "leads", "headed", "commanded", "predvodio", "predvodila", "predvodili", "vodio", "vodila", "vodili", "rukovodio", "rukovodila", "rukovodili", "komandovao", "komandovala", "vozglavil", "vozglavila", "vozglavlyal", "rukovodil", "rukovodila", "komandoval"],
        // "Under Karađorđe", "the Russian Army under General Pyotr Wrangel",
        // "a re-settlement initiated by Austrian Colonel Ivan Horvat".
        told_by: &["led", "leader", "leaders", "leadership", "leading", "headed", "head", "commanded", "command", "commander", "commanders", "chief", "under", "initiated", "organized", "organised"],
        object_is_head: true,
    },
    ToldDeed {
        asked_by: &["painted", "paints", "painter", "naslikao", "naslikala"],
        told_by: &["painted", "painter", "painters", "author", "authors"],
        object_is_head: false,
    },
    ToldDeed {
        asked_by: &["built", "builds", "builder", "builders", "constructed", "izgradio", "izgradila", "sagradio", "sagradila", "postroil", "postroila"],
        told_by: &["built", "build", "constructed", "construction", "builder", "builders"],
        object_is_head: false,
    },
];

/// A deed of [`TOLD_DEEDS`] as a question asks it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AskedDeed {
    pub deed: &'static ToldDeed,
    /// The question's word that asks it ("designed", "took").
    pub word: String,
    /// The key of the first word after it that is not a stopword: what the
    /// deed was done to ("designed the *church*", "succeeded *Tito*"),
    /// which the sentence that tells the deed must hold too ("Authors of
    /// the mosaics" tells who made the mosaics, not the church).
    pub object: Option<String>,
}

/// Whether folded `words` ask what is to come: English "will" as an
/// auxiliary ("*will* Serbia join", "when *will* it"), not the noun ("the
/// *will* of the people"); "is X going to", "gonna"; Serbian "hoće li",
/// "da li će"; Russian "будет ли", "собирается ли", "станет ли". Not
/// "would", which asks what was expected then ("what did Moscow expect
/// *would* happen").
fn asks_future(words: &[&str], language: Language) -> bool {
    let pair = |first: &[&str], second: &str| words.windows(2).any(|two| first.contains(&two[0]) && two[1] == second);
    match language {
        Language::En => {
            let auxiliary_will = words.iter().enumerate().any(|(at, word)| {
                let noun = at > 0 && matches!(words[at - 1], "the" | "a" | "his" | "her" | "their" | "its" | "free" | "good" | "own" | "ill");
                *word == "will" && !noun && words.get(at + 1).is_some_and(|next| *next != "of")
            });
            let going_to = words.iter().enumerate().any(|(at, word)| {
                matches!(*word, "is" | "are" | "am") && words.iter().skip(at + 1).take(4).collect::<Vec<_>>().windows(2).any(|two| *two[0] == "going" && *two[1] == "to")
            });
            auxiliary_will || going_to || words.contains(&"gonna")
        }
        Language::Sr => pair(&["hoce", "hoces", "hocemo", "hocete"], "li") || words.windows(3).any(|three| three[0] == "da" && three[1] == "li" && three[2] == "ce"),
        Language::Ru => pair(&["budet", "budut", "sobiraetsya", "sobirayutsya", "stanet", "stanut"], "li"),
        _ => false,
    }
}

/// Words that open an English yes/no question.
pub(crate) const POLAR_OPENERS: &[&str] = &["did", "does", "do", "was", "were", "is", "are", "has", "have", "had"];

/// See [`Question::polar_object`]: in a question opened by [`POLAR_OPENERS`]
/// whose subject of names is followed by an event word, the first word
/// after that word that is not a stopword, when it is a common word the
/// base knows.
fn polar_object(index: &Index, words: &[&str], event_words: &[Vec<String>]) -> Option<String> {
    if !words.first().is_some_and(|w| POLAR_OPENERS.contains(w)) || event_words.is_empty() {
        return None;
    }
    let is_event = |word: &str| index.word_keys(word).iter().any(|key| event_words.iter().any(|forms| forms.first() == Some(key)));
    let verb = after_polar_subject(index, words)?;
    if !words.get(verb).is_some_and(|w| is_event(w)) {
        return None;
    }
    let object = words.get(verb + 1..)?.iter().find(|w| !lexicon::is_stopword(w, Language::En))?;
    let key = index.word_keys(object).into_iter().next()?;
    (index.has_key(&key) && !index.is_proper_key(&key) && !lexicon::is_light(object, Language::En)).then_some(key)
}

/// The position right after the subject of names of a question opened
/// by [`POLAR_OPENERS`] and its stopwords, where its main verb stands
/// ("did *the Soviets* send"); `None` when no name follows the opener.
fn after_polar_subject(index: &Index, words: &[&str]) -> Option<usize> {
    let named = |word: &str| index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    let subject = words.iter().skip(1).take_while(|w| lexicon::is_stopword(w, Language::En)).count() + 1;
    let verb = subject + words.iter().skip(subject).take_while(|w| named(w)).count();
    (verb > subject).then_some(verb)
}

/// See [`Question::polar_verb`]: the first word after the subject of
/// names (`polar_subject`, [`polar_subject`]'s) and any adverbs ("did
/// Yugoslavia *ever actually* join"), when it may be a verb of the base's
/// ([`is_plain_verb`], or never a noun: "send"), keyed in its forms.
fn polar_verb(index: &Index, words: &[&str], polar_subject: &[String]) -> Vec<String> {
    if polar_subject.is_empty() {
        return Vec::new();
    }
    let Some(verb) = polar_verb_at(index, words).and_then(|at| words.get(at)) else { return Vec::new() };
    // Or a word that is never a noun ("send"), light as a paraphrase, yet a verb after a subject.
    let predicate = lexicon::is_english_predicate(verb) && !lexicon::is_listed_light(verb) && index.word_tokens(verb, Language::En).iter().any(|t| index.has_key(&t.key) && !index.is_proper_key(&t.key));
    if !is_plain_verb(index, verb, Language::En) && !predicate {
        return Vec::new();
    }
    lexicon::verb_forms(verb).into_iter().flat_map(|form| index.tokens(form, Language::En)).map(|t| t.key).collect()
}

/// The position of an English yes-or-no question's verb: the first word
/// after its subject of names ([`after_polar_subject`]) and any adverbs
/// ("did Yugoslavia *ever actually* join").
fn polar_verb_at(index: &Index, words: &[&str]) -> Option<usize> {
    let after_names = after_polar_subject(index, words)?;
    let adverb = |word: &&str| is_adverb(word) || matches!(*word, "ever" | "really" | "once" | "also" | "still" | "even");
    words.iter().skip(after_names).position(|w| !adverb(w)).map(|at| after_names + at)
}

/// The prepositions that end what a yes-or-no question's verb is done to
/// ([`polar_things`]): "did Serbia buy MiG-29s *from* Russia".
const AFTER_THE_OBJECT: &[&str] = &["from", "to", "in", "at", "during", "with", "for", "by", "on", "after", "before", "against", "into", "of"];

/// See [`Question::polar_things`]: the keys of the words after the verb
/// of an English yes-or-no question ([`polar_verb`]'s), up to the first of
/// [`AFTER_THE_OBJECT`]: "did Serbia buy *MiG-29 jets* from Russia".
fn polar_things(index: &Index, words: &[&str]) -> Vec<String> {
    let Some(verb) = polar_verb_at(index, words) else { return Vec::new() };
    words
        .iter()
        .skip(verb + 1)
        .take_while(|word| !AFTER_THE_OBJECT.contains(word))
        .filter(|word| !lexicon::is_stopword(word, Language::En) && !lexicon::is_light(word, Language::En))
        .flat_map(|word| index.word_keys(word))
        .filter(|key| index.has_key(key))
        .collect()
}

/// See [`Question::polar_subject`]: in a question opened by
/// [`POLAR_OPENERS`], the keys of the names after the opener and its
/// stopwords ("did *the Soviets* send"), up to the first word that is no
/// name, which must follow.
fn polar_subject(index: &Index, words: &[&str]) -> Vec<String> {
    if !words.first().is_some_and(|w| POLAR_OPENERS.contains(w)) {
        return Vec::new();
    }
    let named = |word: &str| {
        let keys = index.word_keys(word);
        !keys.is_empty() && keys.iter().all(|key| index.is_proper_key(key))
    };
    let subject = words.iter().skip(1).take_while(|w| lexicon::is_stopword(w, Language::En)).count() + 1;
    let verb = subject + words.iter().skip(subject).take_while(|w| named(w)).count();
    if verb == subject || verb >= words.len() {
        return Vec::new();
    }
    words[subject..verb].iter().flat_map(|word| index.word_keys(word)).collect()
}

/// See [`Question::whether_things`]. A Serbian question asks yes or no
/// when it opens with "da li" or "je li", a Russian one when "ли" follows
/// its first word, the verb ("*встречался ли*"); a verb is also told by
/// its past ending ("slala").
fn whether_things(index: &Index, text: &str, words: &[&str], language: Language) -> Vec<String> {
    let asks_whether = match (language, words) {
        (Language::Sr, [first, "li", ..]) => matches!(*first, "da" | "je"),
        (Language::Ru, [_, "li", ..]) => true,
        _ => false,
    };
    if !asks_whether {
        return Vec::new();
    }
    words
        .iter()
        .skip(2)
        .filter(|word| !lexicon::is_active_past(word, language) && !lexicon::is_stopword(word, language))
        // Keyed as typed: the synonyms know "солдат", not its folded "soldat".
        .flat_map(|word| index.word_tokens(as_typed(text, word), language).iter().map(|token| token.key.clone()).collect::<Vec<_>>())
        .collect()
}

/// See [`Question::unconfirmed_verbs`]. A yes-or-no question asks whether
/// what its verb says happened; a verb the base never uses, nor any word
/// it may stand for, no sentence can confirm, though its ending makes it
/// paraphrase-prone. The verb is an event word in English (`asks_whether`,
/// `event_words`), and in Serbian or Russian a word the question names
/// (`whether_things`) that its ending reads as a verb (a light word).
///
/// Not an English word before an infinitive's "to", which says what could
/// be or had to be done ("was Russia *able* to control"), not what was; a
/// "to" before a name or an article is where the deed went ("apologise to
/// Tito").
fn unconfirmed_verbs(index: &Index, query: &Query, folded: &str, event_words: &[Vec<String>], asks_whether: bool, whether_things: &[String]) -> Vec<String> {
    if !asks_whether && whether_things.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = folded.split(' ').collect();
    let infinitive = |word: &str| !matches!(word, "the" | "a" | "an") && !index.word_keys(word).iter().any(|key| index.is_proper_key(key));
    let before_to = |key: &String| words.windows(3).any(|words| words[1] == "to" && infinitive(words[2]) && index.word_keys(words[0]).contains(key));
    let is_event_word = |key: &String| event_words.iter().any(|forms| forms.first() == Some(key)) && !before_to(key);
    (0..query.keys.len())
        .filter(|&word| {
            query.keys.get(word).is_some_and(|key| {
                asks_whether && is_event_word(key) || whether_things.contains(key) && query.light.get(word).copied().unwrap_or(false)
            })
        })
        .filter(|&word| !index.knows(query, word))
        .filter_map(|word| query.keys.get(word).cloned())
        .collect()
}

/// See [`Question::other_verb_forms`]: read once per question, so that an
/// entry's check looks a gap up rather than keying the question again;
/// only words with irregular forms are keyed.
fn other_verb_forms(index: &Index, words: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    for word in words.iter().filter(|word| lexicon::has_irregular_forms(word)) {
        let keys = index.word_keys(word);
        if keys.is_empty() || keys.iter().any(|key| index.has_key(key)) {
            continue;
        }
        let others: Vec<String> = lexicon::verb_forms(word).into_iter().filter(|form| form != word).flat_map(|form| index.word_keys(form)).filter(|key| index.has_key(key)).collect();
        if !others.is_empty() {
            found.extend(keys.into_iter().map(|key| (key, others.clone())));
        }
    }
    found
}

/// Verbs that make a request of histbot when they open a question
/// ("*explain* the split", "can you *describe* Tito"), and so are
/// stopwords; after a subject they say what someone did ("how did the
/// kingdom *explain* taking in refugees": "*explaining* its hospitality").
const REQUEST_VERBS: &[&str] = &["explain", "describe"];

/// Words before a request's verb that keep it a request.
const REQUEST_OPENERS: &[&str] = &["please", "you", "me", "pls", "plz", "and", "then"];

/// The English text with each request verb that follows a subject written
/// in its past form, which is no stopword ("explained" keys as "explain");
/// None when there is none.
fn reporting_verbs_as_content(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let reported = |at: usize| {
        let bare = words[at].trim_end_matches(['?', '!', '.', ',']);
        let previous = at.checked_sub(1).map(|p| words[p].trim_end_matches(','));
        REQUEST_VERBS.iter().any(|verb| verb.eq_ignore_ascii_case(bare)) && previous.is_some_and(|p| !REQUEST_OPENERS.iter().any(|opener| opener.eq_ignore_ascii_case(p)))
    };
    if !(0..words.len()).any(reported) {
        return None;
    }
    let past = |word: &str| {
        let bare = word.trim_end_matches(['?', '!', '.', ',']);
        if bare.ends_with('e') { format!("{bare}d") } else { format!("{bare}ed") }
    };
    Some((0..words.len()).map(|at| if reported(at) { past(words[at]) } else { words[at].to_string() }).collect::<Vec<_>>().join(" "))
}

/// Nouns for the relations between states: what they do when they
/// "collapse" is worsen, not dissolve as a state does.
const RELATIONS_NOUNS: &[&str] = &["relations", "relationship", "ties"];

/// Words of a state's end (the dissolution group of
/// `config/synonyms.toml`), one or two words long, as typed.
const DISSOLUTION_VERBS: &[&[&str]] = &[
    &["collapse"], &["collapsed"], &["collapses"], &["collapsing"],
    &["fall", "apart"], &["fell", "apart"], &["falls", "apart"], &["fallen", "apart"],
    &["break", "up"], &["broke", "up"], &["broken", "up"],
    &["disintegrate"], &["disintegrated"], &["dissolve"], &["dissolved"],
];

/// Words that open another clause between relations and a verb: the verb
/// then has a subject of its own ("relations after Yugoslavia *collapsed*").
const CLAUSE_OPENERS: &[&str] = &[
    "when", "after", "before", "since", "until", "as", "while", "because", "that", "which", "who",
    "did", "do", "does", "was", "were", "is", "are", "had", "have", "has",
];

/// "When did relations between Moscow and Belgrade *fall apart*": said of
/// relations, a word for a state's end means they worsened, which the
/// sources write "deteriorated". The English text with such a verb written
/// so; None when there is none.
fn relations_worsening(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let is = |word: &str, listed: &str| word.trim_end_matches(['?', '!', '.', ',']).eq_ignore_ascii_case(listed);
    let is_one_of = |word: &str, list: &[&str]| list.iter().any(|listed| is(word, listed));
    let relations = words.iter().position(|w| is_one_of(w, RELATIONS_NOUNS))?;
    for at in relations + 1..words.len() {
        if is_one_of(words[at], CLAUSE_OPENERS) {
            return None;
        }
        let verb = DISSOLUTION_VERBS.iter().find(|verb| verb.iter().enumerate().all(|(offset, part)| words.get(at + offset).is_some_and(|w| is(w, part))));
        if let Some(verb) = verb {
            let rewritten = words[..at].iter().copied().chain(std::iter::once("deteriorated")).chain(words[at + verb.len()..].iter().copied());
            return Some(rewritten.collect::<Vec<_>>().join(" "));
        }
    }
    None
}

/// Phrasal verbs of three words, in their forms, and the one verb each
/// stands for: their last word (or their verb, "go") is a stopword, which
/// the keys drop, so no synonym group or phrasal paraphrase can hold them.
const THREE_WORD_PHRASAL_VERBS: &[(&str, &str)] = &[
    ("stand up for", "defend"),
    ("stands up for", "defends"),
    ("stood up for", "defended"),
    ("standing up for", "defending"),
    ("do away with", "abolish"),
    ("does away with", "abolishes"),
    ("did away with", "abolished"),
    ("done away with", "abolished"),
    ("put up with", "tolerate"),
    ("puts up with", "tolerates"),
    ("putting up with", "tolerating"),
    ("fall out with", "split with"),
    ("falls out with", "splits with"),
    ("fell out with", "split with"),
    ("fallen out with", "split with"),
    ("come up with", "propose"),
    ("came up with", "proposed"),
    // "Go" is a stopword too: "go back" keys as "back", which is "support".
    ("go back to", "return to"),
    ("goes back to", "returns to"),
    ("went back to", "returned to"),
    ("gone back to", "returned to"),
    ("going back to", "returning to"),
];

/// "Which patriarch *stood up for* the exiles": the English text with each
/// of [`THREE_WORD_PHRASAL_VERBS`] written as its one verb ("defended"),
/// or None when it has none.
fn three_word_phrasal_verbs_as_one(text: &str) -> Option<String> {
    // Every phrase has one of these particles: most questions have none.
    if !text.split_whitespace().any(|word| matches!(word.to_lowercase().as_str(), "up" | "away" | "out" | "back")) {
        return None;
    }
    let lower = text.to_lowercase();
    // Positions in the lower-case text must be positions in the text.
    if lower.len() != text.len() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut changed = false;
    let mut at = 0;
    while at < lower.len() {
        let starts_word = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
        let found = starts_word.then(|| THREE_WORD_PHRASAL_VERBS.iter().find(|(phrase, _)| lower[at..].starts_with(phrase) && !lower[at + phrase.len()..].starts_with(char::is_alphanumeric))).flatten();
        match found {
            Some((phrase, verb)) => {
                out.push_str(&text[rest..at]);
                out.push_str(verb);
                at += phrase.len();
                rest = at;
                changed = true;
            }
            None => at += lower[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    changed.then(|| {
        out.push_str(&text[rest..]);
        out
    })
}

/// "How many exiles *ended up* in the Kingdom": "end up" before what
/// follows says only where or how someone came to be, no ending; the
/// English text without it, or None. Kept at the question's end ("how did
/// the war end up"), where it asks the outcome.
fn without_end_up(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let at = words.windows(3).position(|three| matches!(three[0].to_lowercase().as_str(), "end" | "ends" | "ended" | "ending") && three[1].eq_ignore_ascii_case("up") && !three[2].is_empty())?;
    Some(words[..at].iter().chain(&words[at + 2..]).copied().collect::<Vec<_>>().join(" "))
}

/// Ordinals in Serbian (Latin and Cyrillic) and Russian, in the forms a
/// ruler's number takes after their name ("pod Petrom *Prvim*", "короля
/// Петра *второго*"), with the numeral the sources write ("Peter I").
const REGNAL_ORDINALS: &[(&str, &str)] = &[
    ("prvi", "I"), ("prvog", "I"), ("prvoga", "I"), ("prvom", "I"), ("prvim", "I"),
    ("први", "I"), ("првог", "I"), ("првога", "I"), ("првом", "I"), ("првим", "I"),
    ("первый", "I"), ("первого", "I"), ("первому", "I"), ("первым", "I"),
    ("drugi", "II"), ("drugog", "II"), ("drugoga", "II"), ("drugom", "II"), ("drugim", "II"),
    ("други", "II"), ("другог", "II"), ("другога", "II"), ("другом", "II"), ("другим", "II"),
    ("второй", "II"), ("второго", "II"), ("второму", "II"), ("вторым", "II"),
    ("treći", "III"), ("trećeg", "III"), ("trećem", "III"), ("trećim", "III"),
    ("трећи", "III"), ("трећег", "III"), ("трећем", "III"), ("трећим", "III"),
    ("третий", "III"), ("третьего", "III"), ("третьему", "III"), ("третьим", "III"),
];

/// [`REGNAL_ORDINALS`] by their folded spelling ("treci" for "treći" too).
static REGNAL_TABLE: std::sync::LazyLock<std::collections::HashMap<String, &'static str>> =
    std::sync::LazyLock::new(|| REGNAL_ORDINALS.iter().map(|(word, numeral)| (fold_for_search(word), *numeral)).collect());

/// The text with each ordinal word that follows a person's name written as
/// the ruler's numeral ("kralja Petra Drugog" → "kralja Petra II"); None
/// when there is none.
fn regnal_numerals(index: &Index, text: &str, language: Language) -> Option<String> {
    // The ordinals are Serbian and Russian words: an English question has none.
    if language == Language::En {
        return None;
    }
    let words: Vec<&str> = text.split(' ').collect();
    let numeral = |at: usize| -> Option<&'static str> {
        let numeral = REGNAL_TABLE.get(&fold_for_search(words[at])).copied()?;
        let after_name = at > 0 && index.word_tokens(words[at - 1], language).iter().any(|token| index.is_person_name_key(&token.key));
        after_name.then_some(numeral)
    };
    if !(1..words.len()).any(|at| numeral(at).is_some()) {
        return None;
    }
    Some((0..words.len()).map(|at| numeral(at).unwrap_or(words[at])).collect::<Vec<_>>().join(" "))
}

/// The head of the English phrase that opens `words`: of the words up to
/// the first stopword or verb after one that is neither ("the *Soviet
/// military mission* to the Partisans", "the *White Russian brigade* sent
/// into Albania"), the last that is not a number ("mission", "brigade").
/// None in another language, whose word order the rule does not read.
fn phrase_head<'a, 'w>(words: &'a [&'w str], language: Language) -> Option<&'a &'w str> {
    if language != Language::En {
        return None;
    }
    let content = |w: &str| !lexicon::is_stopword(w, language);
    let start = words.iter().position(|w| content(w))?;
    let phrase = words[start..].iter().take_while(|w| content(w) && !lexicon::is_light(w, language) && !lexicon::is_irregular_verb_form(w));
    phrase.filter(|w| !w.chars().all(|c| c.is_ascii_digit())).last()
}

/// The deed of [`TOLD_DEEDS`] the question asks, the word that asks it (one
/// of its words, or "take over" for a succession: "who took over
/// Yugoslavia after Tito"), and the position of the word after it.
fn told_deed<'w>(words: &[&'w str]) -> Option<(&'static ToldDeed, &'w str, usize)> {
    let asked = TOLD_DEEDS.iter().find_map(|deed| words.iter().position(|w| deed.asked_by.contains(w)).map(|at| (deed, words[at], at + 1)));
    asked.or_else(|| words.windows(2).position(|pair| matches!(pair[0], "take" | "took" | "taken" | "takes") && pair[1] == "over").map(|at| (&TOLD_DEEDS[0], words[at], at + 2)))
}

/// The deed a "who" question asks ([`told_deed`]) with its object, keyed.
fn asked_deed(index: &Index, words: &[&str], language: Language) -> Option<AskedDeed> {
    let (deed, word, after) = told_deed(words)?;
    let rest = words.get(after..).unwrap_or_default();
    let object = if deed.object_is_head { phrase_head(rest, language) } else { rest.iter().find(|w| !crate::text::lexicon::is_stopword(w, language) && !matches!(**w, "as" | "over")) };
    let object = object.and_then(|w| index.word_tokens(w, language).first().map(|t| t.key.clone()));
    Some(AskedDeed { deed, word: word.to_string(), object })
}

/// Forms of "to sign", folded (Cyrillic transliterated): "who signed X"
/// asks for a treaty's signatories ([`Question::asks_signer`]).
const SIGNING_WORDS: &[&str] = &["sign", "signed", "signs", "potpisao", "potpisala", "potpisali", "podpisal", "podpisala", "podpisali", "وقع"];

/// Whether folded `word` is a verb of signing ([`SIGNING_WORDS`]), a
/// stopword that keys to nothing.
pub(crate) fn is_signing_word(word: &str) -> bool {
    SIGNING_WORDS.contains(&word)
}

/// The side a signer is asked for ("who signed it *for the Soviet side*",
/// "*on behalf of* the Regent Council", "on *Yugoslavia's* behalf",
/// "signed *for Yugoslavia*", "u ime Srbije", "от имени СССР"): the keys of
/// the side's words, empty when the question names no side.
fn signing_side(index: &Index, words: &[&str], language: Language) -> Vec<String> {
    let bare = |word: &str| word.trim_end_matches("'s").trim_end_matches('\'').to_string();
    // "On *whose* behalf did Tito sign" asks the side; it names none.
    let is_content = |word: &str| !lexicon::is_stopword(word, language) && !SIDE_WORDS.contains(&word) && !SIGNING_WORDS.contains(&word) && !matches!(word, "whose" | "which" | "what" | "čije" | "cije" | "chey" | "chego");
    let mut side: Vec<String> = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let before = words.get(..at).unwrap_or_default();
        let after = words.get(at + 1..).unwrap_or_default();
        if SIDE_WORDS.contains(word) {
            // "on Yugoslavia's behalf", "for the Soviet side", "sa sovjetske strane": the words just before.
            let told: Vec<String> = before.iter().rev().map(|w| bare(w)).take_while(|w| is_content(w)).collect();
            // "on behalf of the Regent Council", "u ime Srbije", "со стороны СССР",
            // "sa strane SSSR-a": the words just after.
            let opens_after = matches!(*word, "ime" | "imeni" | "storony" | "storonu" | "strane" | "stranu") || after.first() == Some(&"of");
            let told = if told.is_empty() && opens_after { after.iter().map(|w| bare(w)).skip_while(|w| !is_content(w)).take_while(|w| is_content(w)).take(3).collect() } else { told };
            side.extend(told);
        } else if *word == "for" && before.iter().any(|w| SIGNING_WORDS.contains(w)) {
            // "signed … for Yugoslavia": a name right after "for".
            let told: Vec<String> = after.iter().map(|w| bare(w)).skip_while(|w| *w == "the").take_while(|w| is_content(w)).take(3).collect();
            if told.first().is_some_and(|w| index.word_tokens(w, language).iter().any(|t| index.is_proper_key(&t.key))) {
                side.extend(told);
            }
        }
    }
    // With each word's other keys: Serbian "jugoslavije" is keyed as Serbian and as English.
    side.iter().flat_map(|word| index.word_keys_in(word, language)).collect()
}

/// Words that tell whose side someone acted on, folded: "behalf" (on
/// behalf of), "side", Serbian "ime" (u ime), "strane"/"stranu", Russian
/// "imeni" (от имени), "storony"/"storonu".
const SIDE_WORDS: &[&str] = &["behalf", "side", "ime", "strane", "stranu", "imeni", "storony", "storonu"];

/// Words that put what is asked after a year ("where did it move *after*
/// 1927"), folded, in the languages histbot reads.
const AFTER_WORDS: &[&str] = &["after", "posle", "nakon", "poslije", "بعد"];

/// Words that put what is asked before a year.
const BEFORE_WORDS: &[&str] = &["before", "pre", "prije", "قبل"];

/// The year a question puts what it asks after (`after`) or before: the
/// year right after the word, or after "the year"; one written with two
/// digits ("after 48") is the year of `years`, the query's, it ends.
fn related_year(words: &[&str], relation: &[&str], years: &[i32]) -> Option<i32> {
    let at = words.iter().position(|w| relation.contains(w))?;
    let rest = words.get(at + 1..)?;
    let year = if rest.first() == Some(&"the") && rest.get(1) == Some(&"year") { rest.get(2) } else { rest.first() };
    let year = year.filter(|y| matches!(y.len(), 2 | 4))?.parse::<i32>().ok()?;
    // "after 48": a year written with two digits, as the query read it in full.
    if year < 100 {
        return years.iter().copied().find(|full| full % 100 == year);
    }
    Some(year)
}

/// The words after an "after" that names no year, up to the next clause
/// ("after *the split with Stalin*").
fn after_event(words: &[&str]) -> Option<String> {
    event_clause(words, "after")
}

/// The words after `marker` ("after", "before") that name no year, up to
/// the next clause.
pub(crate) fn event_clause(words: &[&str], marker: &str) -> Option<String> {
    let at = words.iter().position(|w| *w == marker)?;
    let rest: Vec<&str> = words.get(at + 1..)?.iter().take_while(|w| !SUBORDINATORS.contains(w) && !SECOND_QUESTION.contains(w)).copied().collect();
    // Not a year that modifies a noun after an article ("after *the 1938*
    // coup plan failed"): the clause tells an event of that year.
    let names_a_year = rest.iter().enumerate().take(3).any(|(at, w)| w.len() == 4 && w.parse::<i32>().is_ok() && !(at > 0 && matches!(rest[at - 1], "the" | "a")));
    (!rest.is_empty() && !names_a_year).then(|| rest.join(" "))
}

/// Whether the words ask what something led to ("what did it *lead to*",
/// "what was *the result of*", "the *consequences of*").
fn asks_for_consequence(words: &[&str]) -> bool {
    let led_to = words.windows(2).any(|pair| matches!(pair[0], "lead" | "led" | "leads") && pair[1] == "to");
    led_to || words.iter().any(|w| matches!(*w, "result" | "results" | "consequence" | "consequences" | "outcome"))
}

/// Words that open a second question in the same sentence ("… *and* when did …").
const SECOND_QUESTION: &[&str] = &["and", "or", "but", "then", "also"];

/// Nouns and verbs that ask how someone responded.
const REACTION_WORDS: &[&str] = &["reaction", "reactions", "response", "responses", "react", "reacted", "respond", "responded"];

/// The keys of the names just before a reaction word ("how did *Moscow*
/// respond", "what was *Belgrade's* response", "the *Soviet* reaction"):
/// whose reaction is asked. Only names: "how did the leadership react"
/// names no one.
fn reactor_keys(index: &Index, words: &[&str]) -> Vec<String> {
    const BEFORE: &[&str] = &["how", "did", "does", "do", "what", "was", "were", "is", "the", "a", "an", "of"];
    let Some(at) = words.iter().position(|word| REACTION_WORDS.contains(word)) else { return Vec::new() };
    // "Belgrade's response", folded "belgrade s response".
    let end = if at > 0 && words[at - 1] == "s" { at - 1 } else { at };
    let start = (0..end).rev().take(3).take_while(|&position| !BEFORE.contains(&words[position])).last().unwrap_or(end);
    words[start..end].iter().flat_map(|word| index.word_keys(word)).filter(|key| index.is_proper_key(key)).collect()
}

/// Words that end what a reaction was to ("respond to the bombing *in* 1999").
const REACTED_TO_ENDS: &[&str] = &["in", "on", "at", "during", "after", "before", "when", "and", "by", "with", "from", "since", "until", "according", "about", "over"];

/// The keys of the names in what a reaction was to: the words after "to"
/// that follows a reaction word ("respond *to Borislav Milošević's
/// proposal*"), up to a preposition or the next clause. Only names: "the
/// invasion" may be told in other words.
fn reacted_to_keys(index: &Index, words: &[&str]) -> Vec<String> {
    let Some(at) = words.iter().position(|word| REACTION_WORDS.contains(word)) else { return Vec::new() };
    if words.get(at + 1) != Some(&"to") {
        return Vec::new();
    }
    let phrase = words.iter().skip(at + 2).take_while(|word| !REACTED_TO_ENDS.contains(word));
    phrase.flat_map(|word| index.word_keys(word)).filter(|key| index.is_proper_key(key)).collect()
}

/// Serbian and Russian words that ask how someone responded, folded
/// ("reagovala", "реакция", "отреагировала").
const REACTION_WORDS_FOLDED: &[&str] = &[
    "reagovala", "reagovao", "reagovali", "reagovalo", "reakcija", "reakcije", "reakciju", "reakcijom",
    "otreagirovala", "otreagiroval", "otreagirovali", "reagirovala", "reagiroval", "reagirovali", "reaktsiya", "reaktsii", "reaktsiyu",
];

/// Words that open a clause about a time ("after Stalin *died*").
const SUBORDINATORS: &[&str] = &["after", "before", "until", "since", "when", "while", "once"];

/// An English question opened by "what" or "which" asks what those ask: a
/// later "where" that follows a word of its own opens a relative clause
/// ("what was the battle *where* Soviet soldiers fought"; a "who" clause
/// still asks for a person, "the name of the minister *who* …", and a
/// "when" clause still asks for a time the sources must give, but not
/// after a verb of saying: "what did Putin say *when* he visited" asks for
/// his words, and "what was the weather *when* …" asks for the weather), and
/// "died" or "born" after "after" or "when" dates something else ("what
/// influenced normalization after Stalin *died*").
fn without_subordinate_question_words(found: Vec<(Asks, std::ops::Range<usize>)>, words: &[&str], language: Language) -> Vec<(Asks, std::ops::Range<usize>)> {
    if language != Language::En {
        return without_an_inflected_relative_where(found, words, language);
    }
    // "Why was Moscow waiting for Tito *to die*": an infinitive names what
    // was awaited or wanted, not the attribute asked.
    let infinitive = |asks: Asks, start: usize| matches!(asks, Asks::Born | Asks::Died) && start > 0 && words.get(start - 1) == Some(&"to");
    let found: Vec<_> = found.into_iter().filter(|(asks, range)| !infinitive(*asks, range.start)).collect();
    let found = without_a_leading_relative_who(found, words);
    let opens_with_what = found.first().is_some_and(|(asks, range)| *asks == Asks::What && range.start == 0);
    if !opens_with_what {
        return found;
    }
    let what_did = words.get(1).is_some_and(|w| DO_FORMS.contains(w));
    // "What was *the weather* when Tito met Stalin": a thing that is no
    // time, asked of that moment.
    let what_was_a_thing = words.get(1).is_some_and(|w| matches!(*w, "was" | "is" | "were" | "are")) && !names_a_time_first(words);
    let relative = |asks: Asks, start: usize| {
        let previous = start.checked_sub(1).and_then(|p| words.get(p));
        match asks {
            Asks::Where => start > 0 && previous.is_some_and(|w| !SECOND_QUESTION.contains(w)),
            Asks::Born | Asks::Died => words[start.saturating_sub(3)..start].iter().skip_while(|_| start < 3).any(|w| SUBORDINATORS.contains(w)),
            // "What did Putin say *when* he visited": the words said, at that time;
            // "what was Moscow waiting for *when* Tito got sick": the thing waited for.
            // "What did Tadić sign *when* he went to Moscow": "what" is the
            // object of the verb before the clause.
            Asks::When => previous.is_some_and(|w| WORDS_VERBS.contains(w) || STRANDED_PREPOSITIONS.contains(w) || (what_did || what_was_a_thing) && !SECOND_QUESTION.contains(w)),
            _ => false,
        }
    };
    // "…and between *which towns*": a relative "which town" is still
    // "which" and the kind of thing it asks for.
    let which_of_a_relative = |asks: Asks, range: &std::ops::Range<usize>| asks == Asks::Where && range.len() > 1 && matches!(words.get(range.start), Some(&"which" | &"what"));
    found
        .into_iter()
        .filter_map(|(asks, range)| match relative(asks, range.start) {
            false => Some((asks, range)),
            true if which_of_a_relative(asks, &range) => Some((Asks::What, range.start..range.start + 1)),
            true => None,
        })
        .collect()
}

/// "Самая известная битва *где* советские солдаты воевали": in Serbian
/// and Russian, a "where" after a noun that is not a stopword opens a
/// relative clause, and the question asks for the thing (the battle).
fn without_an_inflected_relative_where(found: Vec<(Asks, std::ops::Range<usize>)>, words: &[&str], language: Language) -> Vec<(Asks, std::ops::Range<usize>)> {
    let relative = |asks: Asks, start: usize| asks == Asks::Where && start > 0 && words.get(start - 1).is_some_and(|previous| !lexicon::is_stopword(previous, language) && !lexicon::is_active_past(previous, language));
    found.into_iter().filter(|(asks, range)| !relative(*asks, range.start)).collect()
}

/// "Of the Russians *who* came to Serbia …, how many settled": a "who"
/// right after a noun, in a question that does not open with it, is a
/// relative pronoun when a later question word asks what the question
/// does. Not after "and" or "or", which open a second question.
fn without_a_leading_relative_who(found: Vec<(Asks, std::ops::Range<usize>)>, words: &[&str]) -> Vec<(Asks, std::ops::Range<usize>)> {
    let Some((first, range)) = found.first() else { return found };
    let relative = *first == Asks::Who
        && words.get(range.start) == Some(&"who")
        && range.start > 0
        && words.get(range.start - 1).is_some_and(|previous| !SECOND_QUESTION.contains(previous) && !crate::text::lexicon::is_stopword(previous, Language::En));
    if relative && found.len() > 1 {
        return found.into_iter().skip(1).collect();
    }
    found
}

/// Prepositions that end the clause of a "what" they belong to ("what
/// was Moscow waiting *for*"): a "when" after one opens a time clause.
const STRANDED_PREPOSITIONS: &[&str] = &["for", "about", "to", "with", "at", "of", "on", "from"];

/// Whether an English question asks what something was like ("what were
/// relations like before 1940", "what was life like in …").
fn asks_what_like(words: &[&str]) -> bool {
    words.first() == Some(&"what") && words.get(1).is_some_and(|w| matches!(*w, "was" | "were" | "is" | "are")) && words.iter().skip(3).any(|w| *w == "like")
}

/// Nouns that name a point in time.
const TIME_NOUNS: &[&str] = &["date", "dates", "day", "year", "years", "month"];

/// Whether a "what" question's first noun is a time: "what was the exact
/// *date* the declaration was signed", "what is the *year* of …" ask
/// "when", as "what date" does; so does a question that opens with one,
/// as students type it ("exact *year* the refugees got to Russia").
fn names_a_time_first(words: &[&str]) -> bool {
    const BEFORE_THE_NOUN: &[&str] = &["was", "is", "were", "the", "exact", "precise", "actual"];
    let skip = usize::from(matches!(words.first(), Some(&"what" | &"which" | &"whats")));
    let opens = skip == 1 || words.first().is_some_and(|first| matches!(*first, "the" | "exact" | "precise" | "actual") || TIME_NOUNS.contains(first));
    opens && words.iter().skip(skip).find(|w| !BEFORE_THE_NOUN.contains(w)).is_some_and(|noun| TIME_NOUNS.contains(noun))
}

impl Question {
    /// Parse a question against an index (for keys and compounds), keying
    /// each of its words once ([`crate::text::keys::with_question_memo`]).
    pub fn parse(index: &Index, text: &str) -> Question {
        crate::text::keys::with_question_memo(|| Question::parse_keyed(index, text))
    }

    /// [`Question::parse`], its words' keys remembered by the caller.
    fn parse_keyed(index: &Index, text: &str) -> Question {
        let typed = text;
        let folded_typed = fold_for_search(typed);
        let language = lang::detect_folded(typed, &folded_typed);
        // "thru", "govt", "ww2": chat spellings read as the words they stand for.
        let expanded = if language == Language::En { lexicon::expand_chat_spellings(text) } else { None };
        let text = expanded.as_deref().unwrap_or(text);
        // "Petar Prvi", "Петра второго": a ruler's number written as a word.
        let regnal = regnal_numerals(index, text, language);
        let text = regnal.as_deref().unwrap_or(text);
        // "How did Putin *describe* it": a request's verb that says what was done.
        let reported = if language == Language::En { reporting_verbs_as_content(text) } else { None };
        let text = reported.as_deref().unwrap_or(text);
        // "When did relations *collapse*": they worsened; no state ended.
        let worsened = if language == Language::En { relations_worsening(text) } else { None };
        let text = worsened.as_deref().unwrap_or(text);
        let settled = if language == Language::En { without_end_up(text) } else { None };
        let text = settled.as_deref().unwrap_or(text);
        let plain = if language == Language::En { three_word_phrasal_verbs_as_one(text) } else { None };
        let text = plain.as_deref().unwrap_or(text);
        let rewritten = expanded.is_some() || regnal.is_some() || reported.is_some() || worsened.is_some() || settled.is_some() || plain.is_some();
        let folded = if rewritten { fold_for_search(text) } else { folded_typed };
        // "whwn", "meny": misspelt question words still ask.
        let words: Vec<&str> = folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| if language == Language::En { index.question_word_slip(w).unwrap_or(w) } else { w })
            .collect();
        let found = without_subordinate_question_words(lexicon::question_words(&words, language), &words, language);
        let attribute = found.iter().map(|(asks, _)| *asks).find(|a| matches!(a, Asks::Born | Asks::Died));
        let mut asks = found
            .iter()
            .map(|(asks, _)| *asks)
            .find(|a| !matches!(a, Asks::Born | Asks::Died | Asks::What))
            .or(attribute)
            .unwrap_or(Asks::What);
        // "How (exactly) did…" asks for a manner; "how tall/old/big…" for an attribute.
        if asks == Asks::How && !found.iter().any(|(a, range)| *a == Asks::How && (words.iter().skip(range.end).find(|w| !matches!(**w, "exactly" | "precisely")).is_some_and(|w| AUXILIARIES.contains(w)) || inflected_manner(&words, range.end, language))) {
            asks = Asks::What;
        }
        if asks == Asks::What && language == Language::En && names_a_time_first(&words) {
            asks = Asks::When;
        }
        // "What did Gazprom Neft *pay* for NIS": a sum, as "how much" asks.
        if asks == Asks::What && language == Language::En && asks_what_was_paid(&words) {
            asks = Asks::HowMany;
        }
        if asks == Asks::What && asks_an_amount(&words) {
            asks = Asks::HowMany;
        }
        let mut query = index.query_in(text, language);
        // "What was Apis's *real* name": the name itself is asked.
        let asks_other_name = language == Language::En && drop_name_qualifiers(index, &mut query, &words);
        // "Yugoslav reaction to the invasion", "what was Belgrade's response"
        // (also misspelt, "reacton"): a manner, as "how did Yugoslavia react" asks.
        if asks == Asks::What && language == Language::En && words.iter().any(|w| REACTION_WORDS.contains(w) || index.respell_in(&query, w).is_some_and(|spelt| REACTION_WORDS.contains(&spelt))) {
            asks = Asks::How;
        }
        let reactor = if language == Language::En { reactor_keys(index, &words) } else { Vec::new() };
        let reacted_to = if reactor.is_empty() { Vec::new() } else { reacted_to_keys(index, &words) };
        // "Kako je Jugoslavija reagovala", "как Югославия отреагировала": the same in Serbian and Russian.
        if matches!(language, Language::Sr | Language::Ru) && words.iter().any(|w| REACTION_WORDS_FOLDED.contains(w)) {
            asks = Asks::How;
        }
        if language != Language::En {
            mark_untranslated_light(index, &mut query);
        }
        if attribute.is_some() {
            drop_attribute_words(index, &mut query, &words, &found, language);
        }
        mark_main_verb_light(index, &mut query, &words, &found, language);
        mark_goal_of_return_light(index, &mut query, &words, language);
        mark_catenatives_light(index, &mut query, &words, language);
        drop_serbian_reciprocal(index, &mut query, &words, language);
        mark_stance_light(index, &mut query, &words, language);
        mark_leader_of_a_group_light(index, &mut query, typed, language);
        let earliest = take_adverb_first(index, &mut query, &words, typed, language);
        // The words as the query's respelling read them ("newspapr" is "newspaper").
        // "Choosen" keys as "chosen" does, so nothing respells it; it is read as the participle.
        let irregular = |word: &str| if language == Language::En { index.irregular_form_slip(word) } else { None };
        let spelt: Vec<String> = words.iter().map(|word| index.respell_in(&query, word).or_else(|| irregular(word)).unwrap_or(word).to_string()).collect();
        let spelt: Vec<&str> = spelt.iter().map(String::as_str).collect();
        if asks == Asks::HowMany {
            weigh_quantity_words(index, &mut query, &spelt, language);
        }
        let AnswerType { mut counted, kind: answer_kind, unknown_kind, mut counts_persons } = mark_answer_type_nouns(index, &mut query, text, &spelt, &found, language);
        // "Какие писатели", "koji pisci": a kind of person asked in Serbian or
        // Russian, read from the query's keys (the words are read folded,
        // which the synonyms that translate "писатели" do not know).
        let answer_kind = answer_kind.or_else(|| inflected_person_kind(index, &query, &words, language));
        // "Which Russian *ruler*": an emperor or a sultan is one.
        if let Some(kind) = &answer_kind {
            index.widen_to_members_of_kind(&mut query, kind);
        }
        // "How big was the protest": a size, of people or money or tonnes,
        // not a count of protests; a number of people of any kind tells it.
        if let Some(size) = words.windows(2).find(|pair| pair[0] == "how" && matches!(pair[1], "big" | "large")) {
            counted.clear();
            counts_persons = true;
            query.remove_keys(&word_keys(index, size[1], language));
        }
        // "How many protested *after the invasion started*": a start or an
        // end in a clause that dates the question is not what it asks.
        let asked_clause = main_clause(&words);
        let boundary = asked_clause.iter().any(|w| BOUNDARY_WORD_SET.contains(w));
        // "How much did it cost", "how big was trade *in dollars*": a sum of money.
        let asks_money = asks == Asks::HowMany && words.iter().any(|w| is_cost_word(w) || CURRENCY_WORDS.contains(w));
        // Keyed only when a word for a post is there: most questions have none.
        let asks_role = answer_kind.as_ref().is_some_and(|kind| words.iter().filter(|w| ROLE_WORDS.contains(w)).any(|w| index.word_keys(w).contains(kind)))
            || matches!(language, Language::Sr | Language::Ru) && matches!(asks, Asks::What | Asks::Who) && words.iter().any(|w| INFLECTED_ROLE_WORDS.contains(w));
        let asks_present = matches!(asks, Asks::Who | Asks::HowMany | Asks::What | Asks::Where) && holds_phrase(&words, &PRESENT_FOLDED);
        if asks_present && matches!(asks, Asks::What | Asks::Where) {
            // "What is Slavo-Serbia *today*": asked of the evidence as the present
            // (a sentence that says "now" or "present-day"), not looked for as a word.
            // A "who" or "how many" question keeps the word too: without it, "how
            // many Serbs live in Russia today" took the Russians who moved to Serbia.
            query.mark_keys_light(&index.word_keys(PRESENT_WORDS));
        }
        let asks_object = asks == Asks::Who && asks_for_object(&words, &found);
        let asks_members = asks == Asks::Who && language == Language::En && asks_for_members(&words, &found);
        // "Until when did trade grow" asks for the end too.
        let until_when = asks_until(&words) || holds_phrase(&words, &UNTIL_WHEN_FOLDED);
        // "Until when did Serbia *stay* under Russian protection", "how long
        // did it *last*": a verb of going on frames the end or the span
        // asked; the sentence that dates it need not hold it.
        let going_on: Vec<String> = if (until_when || asks == Asks::HowLong) && language == Language::En {
            words.iter().filter(|w| GOING_ON_VERBS.contains(w)).flat_map(|w| index.word_keys(w)).collect()
        } else {
            Vec::new()
        };
        query.remove_keys(&going_on);
        // "When did Serbia pull out": a verb and its particle that end something.
        let ends_in_two_words = asked_clause.windows(2).any(|pair| END_PHRASES.iter().any(|(verb, particle)| verb.contains(&pair[0]) && pair[1] == *particle));
        let asks_end = until_when || ends_in_two_words || asked_clause.iter().any(|w| END_WORD_SET.contains(w));
        let compares = if language == Language::En { lexicon::asks_comparison(&words) } else { None };
        let asks_start = asked_clause.iter().any(|w| START_WORD_SET.contains(w));
        // "Who became prime minister", but not "who suggested Serbia become a protectorate".
        let becoming = became_what(index, text, &words, language).filter(|_| asks != Asks::Who || who_became(&words));
        // As respelled: "what did Yugoslavia say *abuot*".
        let asks_words = asks_for_words(&spelt, asks, language);
        let speaker = if asks_words && language == Language::En { speaker_of_words(index, &spelt) } else { Vec::new() };
        let names_asked = if language == Language::En { names_asked(&words, &found) } else { None };
        let asks_contents = asks_for_contents(&words, asks, language);
        let asks_composition = asks == Asks::What && language == Language::En && asks_kinds_of_people(&words);
        let asks_signed = asks_for_signed(&words, asks, language);
        let asks_ceded = asks_for_ceded(&words, asks, language);
        let asks_deeds = asks_for(&["do"], &words, asks, language);
        let mut event_words = event_words(index, &query, text, &words, &found, language);
        event_words.retain(|forms| forms.first().is_none_or(|key| !going_on.contains(key)));
        let journey_to = journey_destination(index, &query, text, &words, language).unwrap_or_default();
        let polar_object = if language == Language::En { polar_object(index, &spelt, &event_words) } else { None };
        let polar_subject = if language == Language::En { polar_subject(index, &spelt) } else { Vec::new() };
        let polar_verb = polar_verb(index, &spelt, &polar_subject);
        let polar_things = if polar_verb.is_empty() { Vec::new() } else { polar_things(index, &spelt) };
        let asks_whether = language == Language::En && spelt.first().is_some_and(|w| POLAR_OPENERS.contains(w));
        let whether_things = whether_things(index, text, &words, language);
        let asks_future = asks_future(&words, language);
        let allied_with = if language == Language::En { partner_keys(index, &spelt) } else { Vec::new() };
        let successor_asked = if asks == Asks::Who { successor_asked(index, &folded, language) } else { None };
        let excluded = excluded_keys(index, &words, language);
        // A verb by its ending: an English "-ed", a Serbian or Russian active past ("pomagao").
        let verb_by_ending = |w: &&str| (lexicon::is_light_by_ending(w, language) || lexicon::is_active_past(w, language)) && !lexicon::is_stopword(w, language);
        let event_in_main_clause = !event_words.is_empty() && asked_clause.iter().any(verb_by_ending);
        let asks_deed_done_to_a_name = asks == Asks::What && language == Language::En && deed_done_to_a_name(index, &spelt);
        let about = about_words(index, &words, language);
        query.context = time_clause(index, &words, language);
        query.context.extend(contrast_clause(index, &spelt, language));
        // "before *World War I*": a name the query joined into one key is in the clause when its words are.
        let joined: Vec<String> = query.keys.iter().filter(|key| key.contains(' ') && key.split(' ').all(|part| query.context.iter().any(|c| c == part))).cloned().collect();
        query.context.extend(joined);
        query.asks_beyond_context = (0..query.keys.len()).any(|word| !query.context.contains(&query.keys[word]) && !query.light.get(word).copied().unwrap_or(false));
        let unconfirmed_verbs = unconfirmed_verbs(index, &query, &folded, &event_words, asks_whether, &whether_things);
        let between = between_names(index, &words, language);
        let asks_doer = asks == Asks::Who && !asks_object && !words.iter().any(|w| PASSIVE_QUESTION_WORDS.contains(w));
        let asks_signer = asks_doer && words.iter().any(|w| SIGNING_WORDS.contains(w));
        let signs_for = if asks_signer { signing_side(index, &words, language) } else { Vec::new() };
        // "U *ime* Jugoslavije", "со *стороны* СССР": the word that tells a side
        // is the question's, not the evidence's, which tells the side its own
        // way ("on behalf of the Regent Council of Yugoslavia").
        if !signs_for.is_empty() {
            let side_words: Vec<String> = words.iter().filter(|w| SIDE_WORDS.contains(w)).flat_map(|w| word_keys(index, w, language)).collect();
            query.remove_keys(&side_words);
        }
        let told_deed = if asks == Asks::Who { asked_deed(index, &spelt, language) } else { None };
        let named = if language == Language::En { named_thing(&spelt, text) } else { None };
        let kin = if language == Language::En { asked_kin(index, &spelt) } else { None };
        // "The name of Ivan's mother": a relative's name, which the sentence that tells the relation gives.
        let named = named.filter(|(_, head)| kin.is_none() || !KIN_WORDS.iter().any(|(word, _)| word == head));
        let name_of = named.and_then(|(_, head)| index.word_tokens(head, language).first().map(|t| t.key.clone()));
        let name_of_qualifiers = named.map(|(before, _)| before.iter().flat_map(|word| index.word_tokens(word, language).into_owned()).map(|t| t.key).filter(|key| index.is_proper_key(key)).collect()).unwrap_or_default();
        let cost_at = asked_cost_position(index, &query, text, &spelt, &found, language, asks);
        if let Some(at) = cost_at {
            query.set_light(at, false);
        }
        let head_at = cost_at.or_else(|| head_position(index, &query, text, &spelt, &found, language, asks));
        let head = head_at.and_then(|position| head_word(&query, position));
        let unknown_kind = unknown_kind.or_else(|| unknown_post(index, &query, &spelt, &found, language, asks, head_at)).or_else(|| unknown_attribute(index, &query, text, &spelt, language));
        // "Who was the Soviet *leader* during…": the head is the kind of person asked for.
        // Of a head of two words ("prime minister"), its last names the kind.
        let head_noun = head.as_deref().map(|head| head.rsplit(' ').next().unwrap_or(head));
        // In Serbian and Russian, only a common noun: the head read there
        // may be a name's ("ko su bili Lazar *Srbin*"), or the subject of a
        // verb ("koga je podržavala *Austrougarska*").
        let kind_of_person = |noun: &&str| index.is_a_kind_of(noun, index.person_key()) && (language == Language::En || !index.is_proper_key(noun));
        let answer_kind = answer_kind.or_else(|| head_noun.filter(|noun| asks == Asks::Who && language != Language::Ar && kind_of_person(noun)).map(str::to_string));
        let of_owner = head.as_ref().and_then(|head| owner_of_head(index, &spelt, head, language));
        let possessor = if of_owner.is_none() { head.as_ref().and_then(|head| possessor_of_head(index, typed, head, language)) } else { None };
        let head_of_possessive = possessor.is_some();
        let head_of = of_owner.or(possessor);
        let kind = words.iter().any(|w| TREATY_WORDS.contains(w)).then_some(Kind::Treaty);
        let wants_day = holds_phrase(&words, &DAY_WORDS_FOLDED);
        let latin = serbian_as_latin(&words, language);
        // "*Wat* month": a mistyped question word opens the phrases the word meant does.
        let latin_words: Vec<&str> = latin.iter().map(|word| lexicon::meant_question_word(word.as_ref())).collect();
        let wants_month = holds_phrase(&latin_words, &MONTH_WORDS_FOLDED);
        let wants_year = holds_phrase(&latin_words, &YEAR_WORDS_FOLDED);
        let wants_time = asks == Asks::When && holds_phrase(&latin_words, &TIME_WORDS_FOLDED) && !words.windows(2).any(|pair| pair == ["time", "period"]);
        let after_event_words = if language == Language::En { after_event(&words) } else { None };
        let asks_what_followed = asks == Asks::What && language == Language::En && (after_event_words.is_some() || asks_for_consequence(&words));
        let after_year = related_year(&words, AFTER_WORDS, &query.years);
        let before_year = related_year(&words, BEFORE_WORDS, &query.years);
        Question {
            text: typed.to_string(),
            folded: folded.clone(),
            language,
            asks,
            attribute,
            query,
            kind,
            wants_day,
            wants_time,
            wants_month,
            wants_year,
            head,
            head_of,
            head_of_possessive,
            counted,
            counts_persons,
            answer_kind,
            unknown_kind,
            boundary,
            asks_present,
            asks_object,
            asks_members,
            asks_end,
            earliest,
            compares,
            asks_start,
            asks_span: words.iter().any(|w| matches!(*w, "years" | "dates")),
            becoming,
            asks_words,
            speaker,
            names_asked,
            asks_contents,
            asks_composition,
            asks_signed,
            asks_ceded,
            asks_deeds,
            asks_other_name,
            asks_money,
            asks_role,
            event_words,
            polar_object,
            polar_subject,
            polar_things,
            polar_verb,
            asks_whether,
            whether_things,
            unconfirmed_verbs,
            other_verb_forms_read: std::sync::OnceLock::new(),
            deed_and_object_read: std::sync::OnceLock::new(),
            deed_and_doer_read: std::sync::OnceLock::new(),
            asks_future,
            allied_with,
            successor_asked,
            excluded,
            journey_to,
            event_in_main_clause,
            asks_deed_done_to_a_name,
            asks_doer,
            asks_signer,
            signs_for,
            told_deed,
            name_of,
            name_of_qualifiers,
            kin,
            after_year,
            after_event: after_event_words,
            during_event: if language == Language::En { event_clause(&words, "during") } else { None },
            during_event_years: None,
            after_event_year: None,
            before_year,
            about,
            between,
            asks_what_followed,
            reactor,
            reacted_to,
        }
    }

    /// English verb forms the question has that the base does not know
    /// ("drove"), each keyed, with the keys of the base's other forms of
    /// the same verb ("driven"). Read on first use: most questions lack no
    /// word an entry has.
    pub fn other_verb_forms(&self, index: &Index) -> &[(String, Vec<String>)] {
        self.other_verb_forms_read.get_or_init(|| {
            if self.language != Language::En {
                return Vec::new();
            }
            let words: Vec<&str> = self.folded.split(' ').filter(|word| !word.is_empty()).collect();
            other_verb_forms(index, &words)
        })
    }

    /// The deed whose doer the question asks for (the forms of its verbs),
    /// or nothing when it asks no doer ([`Question::asks_doer`]).
    pub fn deed(&self) -> Vec<Vec<String>> {
        if self.asks_doer {
            self.event_words.clone()
        } else {
            Vec::new()
        }
    }

    /// The kinds of entry that answer this question best.
    pub fn preferred_kinds(&self) -> &'static [Kind] {
        match (self.asks, self.kind, self.attribute) {
            (_, _, Some(_)) => &[Kind::Person],
            (_, Some(Kind::Treaty), _) => &[Kind::Treaty],
            (Asks::Who, _, _) => &[Kind::Person, Kind::Treaty, Kind::Event],
            (Asks::When | Asks::HowMany | Asks::HowLong | Asks::Why | Asks::How | Asks::Where, _, _) => &[Kind::Event, Kind::Treaty],
            _ => &[Kind::Event, Kind::Treaty, Kind::Person],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(text: &str) -> Vec<Asks> {
        let words: Vec<&str> = text.split(' ').collect();
        without_subordinate_question_words(lexicon::question_words(&words, Language::En), &words, Language::En).into_iter().map(|(asks, _)| asks).collect()
    }

    #[test]
    fn three_word_phrasal_verbs_are_written_as_their_one_verb() {
        assert_eq!(three_word_phrasal_verbs_as_one("Which patriarch stood up for the exiles").as_deref(), Some("Which patriarch defended the exiles"));
        assert_eq!(three_word_phrasal_verbs_as_one("when did tito fall out with stalin").as_deref(), Some("when did tito split with stalin"));
        assert_eq!(three_word_phrasal_verbs_as_one("who understood up formal rules"), None);
        assert_eq!(three_word_phrasal_verbs_as_one("İ stood up for"), None);
    }

    #[test]
    fn what_is_to_come_is_asked_by_will_going_to_hoce_li_and_budet_li() {
        let future = |text: &str, language| asks_future(&text.split(' ').collect::<Vec<_>>(), language);
        assert!(future("will serbia join the eu", Language::En));
        assert!(future("when will russia open a consulate", Language::En));
        assert!(future("is serbia going to bring back visas", Language::En));
        assert!(future("hoce li srbija uvesti vize", Language::Sr));
        assert!(future("da li ce srbija uvesti vize", Language::Sr));
        assert!(future("budet li serbiya vvodit vizy", Language::Ru));
        assert!(!future("what did moscow expect would happen to tito", Language::En));
        assert!(!future("was it the will of the people", Language::En));
        assert!(!future("were serbs going to russia in the 18th century", Language::En));
    }

    #[test]
    fn at_first_is_read_in_each_language_and_at_the_end_only_when_it_may_be_of_something() {
        assert_eq!(initially_phrase(&["where", "was", "it", "at", "first"]), Some(vec!["at", "first"]));
        assert_eq!(initially_phrase(&["gde", "se", "u", "pocetku", "nalazio"]), Some(vec!["u", "pocetku"]));
        assert_eq!(initially_phrase(&["where", "was", "it", "at", "the", "beginning"]), Some(vec!["at", "the", "beginning"]));
        assert_eq!(initially_phrase(&["what", "happened", "at", "the", "beginning", "of", "the", "war"]), None);
        let russian = fold_for_search("где был штаб сначала");
        assert!(initially_phrase(&russian.split(' ').collect::<Vec<_>>()).is_some());
    }

    #[test]
    fn a_clause_inside_a_what_question_asks_nothing_of_its_own() {
        assert!(!asked("what was the most famous battle where soviet soldiers fought").contains(&Asks::Where));
        assert!(!asked("what influenced normalization after stalin died").contains(&Asks::Died));
        // "Waiting for *when*": the thing waited for, at that time; a "when" clause on its own asks a time.
        assert!(!asked("what was moscow waiting for when tito fell ill").contains(&Asks::When));
        assert!(asked("what happened when tito fell ill").contains(&Asks::When));
        // A second question, and a question that opens with its own word, still ask.
        assert!(asked("what did tito sign and where did he sign it").contains(&Asks::Where));
        assert!(asked("when did stalin die").contains(&Asks::Died));
        assert!(asked("where did tito die").contains(&Asks::Where));
    }
}
