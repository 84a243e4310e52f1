//! Question words and stopwords per language, and abbreviations.
//!
//! Every word here is written folded (see [`super::fold::fold_for_search`]):
//! lowercase, no diacritics, Cyrillic transliterated. These lists are about
//! how each language asks, never about what the fact base holds.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::fold::fold_for_search;
use super::Language;

/// What a question word asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Asks {
    /// when, what year, kada, когда, متى
    When,
    /// who, ko, кто, من
    Who,
    /// where, gde, где, أين
    Where,
    /// how many, how much, koliko, сколько, كم
    HowMany,
    /// why, zašto, почему, لماذا
    Why,
    /// how long (a duration or a length)
    HowLong,
    /// how (in what way)
    How,
    /// what, which, tell me about…: an entry, by its kind.
    What,
    /// born, rođen, родился, ولد: a person's birth.
    Born,
    /// died, umro, умер, توفي: a person's death.
    Died,
}

/// Question words that ask for a day, not a year ("on what day").
pub const DAY_WORDS: &[&str] = &[
    "what day", "which day", "what date", "which date", "exact date", "exact day", "precise date", "precise day", "what was the date", "what is the date",
    "whats the date", "kog dana", "kojeg dana", "kakogo chisla", "kakoe chislo",
];

/// Question words that ask for a time of day ("at what time"), which no
/// date of the sources gives: they are dated at most to the day.
pub const TIME_WORDS: &[&str] = &[
    "what time", "which time", "what hour", "which hour", "time of day", "u koliko sati", "koliko sati", "u koje doba", "v kotorom chasu",
    "vo skolko", "v kakoe vremya",
];

/// Question words that ask for a year, not a decade or a century ("what
/// year"); a month or a day answers them too.
pub const YEAR_WORDS: &[&str] = &[
    "what year", "which year", "exact year", "precise year", "koje godine", "koje je godine", "u kojoj godini", "v kakom godu", "v kotorom godu",
    "kakogo goda",
];

/// Question words that ask for a month, not a year ("in what month"); a
/// day answers them too.
pub const MONTH_WORDS: &[&str] = &[
    "what month", "which month", "kog meseca", "kojeg meseca", "u kom mesecu", "u kojem mesecu", "koji mesec", "v kakom mesyatse",
    "kakoy mesyats", "kakogo mesyatsa",
];

/// Question words, multi-word ones first so they win over their parts.
/// Each is (language, folded words, what it asks).
pub const QUESTION_WORDS: &[(Language, &str, Asks)] = &[
    (Language::En, "what year", Asks::When),
    (Language::En, "which year", Asks::When),
    (Language::En, "what date", Asks::When),
    (Language::En, "what day", Asks::When),
    // "On what exact day was it signed": the day is what is asked, whatever "what" says.
    (Language::En, "what exact day", Asks::When),
    (Language::En, "which exact day", Asks::When),
    (Language::En, "what exact date", Asks::When),
    (Language::En, "which day", Asks::When),
    (Language::En, "which date", Asks::When),
    (Language::En, "what month", Asks::When),
    (Language::En, "which month", Asks::When),
    // "At what time was it signed": a time of day ([`TIME_WORDS`]); "what
    // time period" asks when, to the era.
    (Language::En, "what time period", Asks::When),
    (Language::En, "what time", Asks::When),
    (Language::En, "what hour", Asks::When),
    (Language::En, "since when", Asks::When),
    // "Date of the 1945 treaty + …": a date asked without a question word, as "number of" asks a number.
    (Language::En, "date of", Asks::When),
    (Language::En, "until when", Asks::When),
    (Language::En, "how many", Asks::HowMany),
    (Language::En, "how much", Asks::HowMany),
    (Language::En, "number of", Asks::HowMany),
    (Language::En, "what percent", Asks::HowMany),
    (Language::En, "what percentage", Asks::HowMany),
    // "What was the value of the trade": a quantity, answered by a number.
    (Language::En, "what was the value", Asks::HowMany),
    (Language::En, "what is the value", Asks::HowMany),
    (Language::En, "what was the amount", Asks::HowMany),
    (Language::En, "what was the total", Asks::HowMany),
    // "How big was the trade", "how large was the army": a size, answered by a number.
    (Language::En, "how big", Asks::HowMany),
    (Language::En, "how large", Asks::HowMany),
    // "How old was Tito": an age, which only a birth date would give.
    (Language::En, "how old", Asks::Born),
    (Language::En, "what share", Asks::HowMany),
    (Language::En, "what proportion", Asks::HowMany),
    (Language::En, "how long", Asks::HowLong),
    (Language::En, "what city", Asks::Where),
    (Language::En, "which city", Asks::Where),
    (Language::En, "what town", Asks::Where),
    (Language::En, "which town", Asks::Where),
    (Language::En, "what place", Asks::Where),
    (Language::En, "which place", Asks::Where),

    (Language::En, "what happened", Asks::What),
    // Contracted with "is", as chat writes them ("whats her name").
    (Language::En, "whats", Asks::What),
    (Language::En, "whos", Asks::Who),
    (Language::En, "wheres", Asks::Where),
    (Language::En, "whens", Asks::When),
    (Language::En, "hows", Asks::How),
    (Language::En, "who", Asks::Who),
    (Language::En, "whom", Asks::Who),
    (Language::En, "whose", Asks::Who),
    (Language::En, "when", Asks::When),
    (Language::En, "where", Asks::Where),
    (Language::En, "why", Asks::Why),
    // "What was the reason for the invasion": why. ("What caused the row"
    // is not: a cause is often told by a noun, not a reason.)
    (Language::En, "what was the reason", Asks::Why),
    (Language::En, "what were the reasons", Asks::Why),
    (Language::En, "what is the reason", Asks::Why),
    (Language::En, "for what reason", Asks::Why),
    (Language::En, "how", Asks::How),
    (Language::En, "what", Asks::What),
    (Language::En, "which", Asks::What),
    // "Name the Russian minister who…": a request for what a "which" asks.
    (Language::En, "name the", Asks::What),
    (Language::En, "name a", Asks::What),
    (Language::En, "name one", Asks::What),
    (Language::En, "born", Asks::Born),
    (Language::En, "birth", Asks::Born),
    (Language::En, "birthday", Asks::Born),
    (Language::En, "died", Asks::Died),
    (Language::En, "die", Asks::Died),
    (Language::En, "death", Asks::Died),
    (Language::Sr, "od koje godine", Asks::When),
    (Language::Sr, "do koje godine", Asks::When),
    (Language::Sr, "koje godine", Asks::When),
    (Language::Sr, "do kada", Asks::When),
    (Language::Sr, "koja godina", Asks::When),
    (Language::Sr, "kog datuma", Asks::When),
    (Language::Sr, "kog meseca", Asks::When),
    (Language::Sr, "kojeg meseca", Asks::When),
    (Language::Sr, "u kom mesecu", Asks::When),
    (Language::Sr, "u kojem mesecu", Asks::When),
    (Language::Sr, "od kada", Asks::When),
    (Language::Sr, "u koliko sati", Asks::When),
    (Language::Sr, "kada", Asks::When),
    (Language::Sr, "kad", Asks::When),
    (Language::Sr, "ko", Asks::Who),
    // "*Čije* je ubistvo": whose, as English "whose" asks.
    (Language::Sr, "ciji", Asks::Who),
    (Language::Sr, "cija", Asks::Who),
    (Language::Sr, "cije", Asks::Who),
    (Language::Sr, "ciju", Asks::Who),
    (Language::Sr, "koga", Asks::Who),
    (Language::Sr, "kome", Asks::Who),
    (Language::Sr, "gde", Asks::Where),
    (Language::Sr, "gdje", Asks::Where),
    (Language::Sr, "kuda", Asks::Where),
    // "Koliko je godina imao Tito": an age, which only a birth date would give.
    (Language::Sr, "koliko je godina imao", Asks::Born),
    (Language::Sr, "koliko je godina imala", Asks::Born),
    (Language::Sr, "koliko godina je imao", Asks::Born),
    (Language::Sr, "koliko godina je imala", Asks::Born),
    (Language::Sr, "koliko godina imao", Asks::Born),
    (Language::Sr, "koliko godina imala", Asks::Born),
    (Language::Sr, "koliko je imao godina", Asks::Born),
    (Language::Sr, "koliko je imala godina", Asks::Born),
    (Language::Sr, "koliko dugo", Asks::HowLong),
    (Language::Sr, "koliko", Asks::HowMany),
    // "Kolika je bila razmena": how big, a quantity.
    (Language::Sr, "kolika", Asks::HowMany),
    (Language::Sr, "koliki", Asks::HowMany),
    (Language::Sr, "kolike", Asks::HowMany),
    // "Koji procenat", "koji udeo", "… u procentima": a share, a number.
    (Language::Sr, "koji procenat", Asks::HowMany),
    // "Koji je bio broj žrtava": the number, as "koliko" asks.
    (Language::Sr, "koji je bio broj", Asks::HowMany),
    (Language::Sr, "koji je broj", Asks::HowMany),
    (Language::Sr, "koliki je bio broj", Asks::HowMany),
    (Language::Sr, "koliki je broj", Asks::HowMany),
    (Language::Sr, "koji udeo", Asks::HowMany),
    // "Koliki deo": how great a part, a share as "koji udeo" asks.
    (Language::Sr, "koliki deo", Asks::HowMany),
    (Language::Sr, "koliki dio", Asks::HowMany),
    (Language::Sr, "koliki udeo", Asks::HowMany),
    (Language::Sr, "koliki procenat", Asks::HowMany),
    (Language::Sr, "u procentima", Asks::HowMany),
    (Language::Sr, "zasto", Asks::Why),
    // "Zbog čega", "iz kog razloga": because of what, for what reason.
    (Language::Sr, "zbog cega", Asks::Why),
    (Language::Sr, "iz kog razloga", Asks::Why),
    (Language::Sr, "iz kojeg razloga", Asks::Why),
    (Language::Sr, "kako", Asks::How),
    (Language::Sr, "sta", Asks::What),
    // "O čemu" (about what).
    (Language::Sr, "o cemu", Asks::What),
    (Language::Sr, "sto", Asks::What),
    (Language::Sr, "rodjen", Asks::Born),
    (Language::Sr, "rodjena", Asks::Born),
    (Language::Sr, "rodio", Asks::Born),
    (Language::Sr, "umro", Asks::Died),
    (Language::Sr, "umrla", Asks::Died),
    // "Koliko je emigranata umrlo", "koliko ih je poginulo": deaths counted.
    (Language::Sr, "umrlo", Asks::Died),
    (Language::Sr, "umrli", Asks::Died),
    (Language::Sr, "poginulo", Asks::Died),
    (Language::Sr, "poginuli", Asks::Died),
    (Language::Sr, "preminuo", Asks::Died),
    (Language::Sr, "smrt", Asks::Died),
    (Language::Ru, "v kakom godu", Asks::When),
    // "С какого года", "до какого года": since and until what year.
    (Language::Ru, "s kakogo goda", Asks::When),
    // "С какого времени": since when.
    (Language::Ru, "s kakogo vremeni", Asks::When),
    (Language::Ru, "do kakogo goda", Asks::When),
    (Language::Ru, "kakogo goda", Asks::When),
    (Language::Ru, "v kakoy god", Asks::When),
    (Language::Ru, "s kakikh por", Asks::When),
    (Language::Ru, "do kakikh por", Asks::When),
    (Language::Ru, "v kotorom godu", Asks::When),
    (Language::Ru, "kakogo chisla", Asks::When),
    (Language::Ru, "v kakom mesyatse", Asks::When),
    (Language::Ru, "kakogo mesyatsa", Asks::When),
    (Language::Ru, "kakoe chislo", Asks::When),
    // "Во сколько раз": by how many times, a number.
    (Language::Ru, "vo skolko raz", Asks::HowMany),
    (Language::Ru, "vo skolko", Asks::When),
    (Language::Ru, "kogda", Asks::When),
    (Language::Ru, "kto", Asks::Who),
    // "*Чьё* убийство": whose.
    (Language::Ru, "chey", Asks::Who),
    (Language::Ru, "chya", Asks::Who),
    (Language::Ru, "chi", Asks::Who),
    (Language::Ru, "kogo", Asks::Who),
    (Language::Ru, "komu", Asks::Who),
    (Language::Ru, "gde", Asks::Where),
    (Language::Ru, "kuda", Asks::Where),
    // "Сколько лет было Пашичу": an age, as "how old".
    (Language::Ru, "skolko let bylo", Asks::Born),
    (Language::Ru, "skolko bylo let", Asks::Born),
    (Language::Ru, "skolko let ispolnilos", Asks::Born),
    (Language::Ru, "skolko vremeni", Asks::HowLong),
    (Language::Ru, "kak dolgo", Asks::HowLong),
    (Language::Ru, "skolko", Asks::HowMany),
    // "Какую долю", "какой процент", "… в процентах": a share, a number.
    (Language::Ru, "kakuyu dolyu", Asks::HowMany),
    (Language::Ru, "kakaya dolya", Asks::HowMany),
    (Language::Ru, "kakoy protsent", Asks::HowMany),
    (Language::Ru, "v protsentakh", Asks::HowMany),
    (Language::Ru, "pochemu", Asks::Why),
    (Language::Ru, "zachem", Asks::Why),
    // "По какой причине", "отчего": for what reason.
    (Language::Ru, "po kakoy prichine", Asks::Why),
    (Language::Ru, "otchego", Asks::Why),
    // "Из-за чего": because of what.
    (Language::Ru, "iz za chego", Asks::Why),
    (Language::Ru, "kak", Asks::How),
    // "Какая страна", "какую награду": which, as English "which", in its cases.
    (Language::Ru, "kakoy", Asks::What),
    (Language::Ru, "kakaya", Asks::What),
    (Language::Ru, "kakoe", Asks::What),
    (Language::Ru, "kakie", Asks::What),
    (Language::Ru, "kakuyu", Asks::What),
    (Language::Ru, "kakikh", Asks::What),
    (Language::Ru, "kakim", Asks::What),
    (Language::Ru, "kakom", Asks::What),
    (Language::Ru, "kakogo", Asks::What),
    (Language::Ru, "chto", Asks::What),
    // "О чём" (about what).
    (Language::Ru, "o chem", Asks::What),
    (Language::Ru, "rodilsya", Asks::Born),
    (Language::Ru, "rodilas", Asks::Born),
    (Language::Ru, "umer", Asks::Died),
    (Language::Ru, "umerla", Asks::Died),
    (Language::Ru, "umerlo", Asks::Died),
    (Language::Ru, "umerli", Asks::Died),
    (Language::Ru, "pogiblo", Asks::Died),
    (Language::Ru, "pogibli", Asks::Died),
    (Language::Ru, "smert", Asks::Died),
    (Language::Ar, "في اي عام", Asks::When),
    (Language::Ar, "متي", Asks::When),
    (Language::Ar, "متى", Asks::When),
    (Language::Ar, "من", Asks::Who),
    (Language::Ar, "اين", Asks::Where),
    (Language::Ar, "كم", Asks::HowMany),
    (Language::Ar, "لماذا", Asks::Why),
    (Language::Ar, "كيف", Asks::How),
    (Language::Ar, "ما", Asks::What),
    (Language::Ar, "ماذا", Asks::What),
    (Language::Ar, "ولد", Asks::Born),
    (Language::Ar, "توفي", Asks::Died),
];

/// Words that say nothing about which entry a question is about: function
/// words, question words, and verbs every question uses ("happen", "sign").
pub fn is_stopword(folded: &str, language: Language) -> bool {
    static SETS: OnceLock<[HashSet<String>; 4]> = OnceLock::new();
    let [english, serbian, russian, arabic] = SETS.get_or_init(|| {
        let set = |words: &[&str]| words.iter().map(|w| fold_for_search(w)).collect::<HashSet<String>>();
        [set(ENGLISH), set(SERBIAN), set(RUSSIAN), set(ARABIC)]
    });
    english.contains(folded)
        || match language {
            Language::Sr => serbian.contains(folded) || serbian.contains(super::fold::serbian_latin(folded).as_ref()),
            Language::Ru => russian.contains(folded),
            Language::En | Language::Ar => false,
        }
        || (!folded.is_ascii() && arabic.contains(folded))
}

const ENGLISH: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "is",
    "was", "were", "are", "be", "been", "being", "did", "do", "does", "done", "when", "what", "which",
    "who", "whom", "whose", "where", "why", "how", "happen", "happened", "happens", "take", "took",
    "taken", "place", "get", "got", "tell", "me", "about", "please", "date", "dates", "give",
    "show", "explain", "describe", "there", "their", "its", "it", "that", "this", "these", "those",
    "as", "into", "s", "year", "years", "signed", "sign", "signing", "occur", "occurred", "start",
    "started", "begin", "began", "any", "some", "you", "know", "can", "could", "would", "should",
    "i", "we", "my", "his", "her", "he", "she", "they", "them", "has", "have", "had", "much",
    "many", "exactly", "day", "month", "time", "role", "play", "played", "part", "known", "called",
    "say", "said", "mean", "meant", "event", "events", "fact", "facts", "anything", "something",
    "everyone", "everybody", "everything", "anyone", "anybody", "someone", "somebody", "nobody",
    "happening", "ever", "so", "then", "than", "also", "other", "was", "number", "kind", "kinds", "sort", "sorts", "type", "types",
    "lol", "pls", "plz", "u", "ur", "r", "like", "just", "really", "exact", "precise", "hey", "hi", "ok", "okay",
    "thanks", "whats", "whos", "wat", "wen", "wut", "wich", "whitch", "wher", "whn", "make", "made", "become", "became", "go", "went",
    "until", "since", "till", "did", "doing", "via", "no", "else",
    // "Was *supposed* to get": what was to be, as "was to"; "*under* the alliance": a preposition.
    "supposed", "under",
    // Auxiliaries with "n't", as folded ("didn't" is "didnt"): words the
    // sources never write (they write "did not").
    "didnt", "doesnt", "dont", "couldnt", "wouldnt", "shouldnt", "wasnt", "werent", "isnt", "arent", "hasnt",
    "havent", "hadnt", "cannot", "wont", "cant", "aint",
    // Quantities as vague as "some" and "many": "a couple of famous Serbs".
    "couple", "several", "few",
    // Other forms of the verbs above ("taking part", "making").
    "taking", "takes", "making", "makes", "giving", "gives", "getting", "telling",
    // Adverbs that end like a past tense ("-ed") and name no event.
    "instead", "indeed",
];

const SERBIAN: &[&str] = &[
    // "Koliko dugo": how long.
    "dugo",
    "je", "su", "sam", "si", "smo", "ste", "bio", "bila", "bilo", "bili", "bile", "biti", "li", "da",
    "ne", "i", "a", "u", "na", "o", "od", "do", "za", "sa", "s", "iz", "po", "pri", "kod", "ka", "protiv",
    "k", "se", "koji", "koja", "koje", "kojoj", "kojem", "kojim", "ko", "kada", "kad", "gde", "gdje", "kuda",
    "sta", "sto", "zasto", "kako", "koliko", "kolika", "koliki", "kolike", "godine", "godina", "godini", "dogodilo", "desilo",
    "potpisan", "potpisana", "potpisano", "potpisali", "potpisao", "ovo", "to", "taj", "ta", "ono",
    "njegov", "njegova", "njen", "reci", "mi", "molim", "ili", "ima", "imao", "imala", "imaju", "imali", "imale", "izmedju",
    "tokom", "nakon", "posle", "pre", "vreme", "vremena", "datum", "dana", "dobio", "dobila", "dobili",
    "dobiti", "imati", "bilo", "kog", "koga", "cijem", "ciji", "cija", "cije", "ciju",
    "ali", "vec", "vise", "oko", "potpisala", "jos", "samo", "kao", "neki", "neka",
    // "Tako oštro", "veoma": degree, as English "so" and "very".
    "tako", "veoma", "vrlo",
    // "Zbog čega", "iz kog razloga": why.
    "zbog", "cega", "razloga",
    // "Kog meseca", "u kom mesecu": in what month.
    "mesec", "meseca", "mesecu", "kom",
    // "All": "vođa *svih* ruskih emigranata" (Russian "все", "всех" too).
    "svi", "svih", "sve", "svim", "svima", "sva", "svu",
    // "Start" and "begin", as in English: "od početka rata" is "since the war started".
    "pocetak", "pocetka", "pocetkom", "poceo", "pocela", "pocelo", "poceli",
];

const RUSSIAN: &[&str] = &[
    // "Сколько времени", "как долго": how long.
    "vremeni", "dolgo",
    "byl", "byla", "bylo", "byli", "byt", "est", "li", "ne", "i", "a", "v", "vo", "na", "o", "ob",
    "ot", "do", "za", "s", "so", "iz", "po", "pri", "k", "ko", "u", "kto", "kogo", "komu", "kogda", "gde", "kuda", "chto",
    "pochemu", "kak", "skolko", "kakoy", "kakaya", "kakoe", "kakie", "kakom", "kotoryy", "kotoraya",
    "kotorom", "godu", "god", "goda", "takoy", "takaya", "takie", "eto", "etot", "eta", "proizoshlo",
    "sluchilos", "podpisan", "podpisana", "podpisano", "podpisali", "mezhdu", "posle", "do",
    "skazhi", "rasskazhi", "pozhaluysta", "mne", "ego", "ee", "ikh", "data", "chisla", "poluchil",
    "poluchila", "kakom", "kotorom", "chey", "chya", "chi", "chyu", "chyey", "chyemu", "chemu", "podpisal",
    "podpisala", "no", "eshche", "tolko", "kak",
    // "Хотя": although; "о *том*, что": about that.
    "khotya", "tom", "togo", "tomu", "tem",
    // "Так охотно", "очень": degree, as English "so" and "very".
    "tak", "ochen",
    // "Из-за *чего*", "*чем*": what, in its cases.
    "chego", "chem",
    // "Какого числа", "в каком месяце": on what day, in what month.
    "kakogo", "chislo", "mesyats", "mesyatsa", "mesyatse",
    // "Больше всех": most of all, as English "most" and "all" are light.
    "bolshe", "vsekh", "vsego",
    // "Start" and "begin", as in English: "после начала войны".
    "nachalo", "nachala", "nachale", "nachalsya", "nachalas", "nachali",
    // Prepositions, pronouns and particles, written as typed (folded like a question).
    "для", "чтобы", "про", "через", "без", "над", "под", "перед", "против", "он", "она", "они", "оно", "их", "им",
    "его", "её", "свой", "своей", "своих", "свою", "свое", "своё", "свои", "своего", "своим", "своими", "своём", "своем", "тот", "та", "те", "того", "этого", "этой", "этих",
    "все", "всё", "весь", "уже", "же", "бы", "даже",
    // "Друг друга", "друг для друга": each other (not Serbian "drugi", second).
    "друг", "друга", "другу", "другом", "друге",
    // The question words' other cases ("какую страну", "в каких регионах",
    // "битва, в которой"), as English "which" in any use.
    "какую", "каких", "каким", "какими", "какому", "которой", "которые", "которых", "которую", "которого",
    "которым", "который",
    // "Other", "become"/"began", "time" and "really", as in English:
    // "в других странах", "стали бежать", "во время", "на самом деле".
    "другие", "других", "другой", "другим", "стал", "стала", "стали", "стало", "время", "самом", "деле",
    // "Most", of a superlative: "самое известное сражение".
    "самый", "самая", "самое", "самые", "самого", "самой", "самых", "самую",
];

const ARABIC: &[&str] = &[
    "متى", "ما", "ماذا", "من", "هو", "هي", "في", "عن", "على", "الى", "إلى", "تم", "كان", "كانت",
    "هل", "اين", "كيف", "لماذا", "عام", "سنه", "سنة", "كم", "مع", "بين", "و", "او", "التي", "الذي",
    "ذلك", "هذا", "هذه", "توقيع", "حدث", "أي", "اي", "منذ", "حتى", "عدد", "التي", "الذي", "هي", "هم",
    // After, before, during, at, around: "بعد القطيعة" (after the break).
    "بعد", "قبل", "خلال", "عند", "لدى", "حول",
    // A preposition with a pronoun: "تعترف بها" (recognises it).
    "بها", "به", "لها", "له", "فيها", "فيه", "عليها", "عليه", "منها", "منه", "عنها", "عنه",
];

/// Whether a word may be a paraphrase (a light verb, particle, adverb, or a
/// verb form by its ending) rather than the thing the question is about. A
/// discriminative word the evidence lacks that is *not* light
/// ("population", "favourite", "посол") means the sources cannot answer; a
/// light one ("put down", "finally", "ugušen") only weakens the match.
/// Whether `folded` is light only for its ending (an English adverb in
/// "-ly", a participle in "-ed") or for being a word that is never a noun,
/// not because it is listed as light.
pub fn is_light_by_ending(folded: &str, language: Language) -> bool {
    language == Language::En && is_light(folded, language) && !is_listed_light(folded)
}

pub fn is_light(folded: &str, language: Language) -> bool {
    is_listed_light(folded)
        || match language {
            Language::En => ends_in_one_of(folded, &["ly", "ed", "ing"]) || ENGLISH_PREDICATES.contains(folded),
            // Past tenses, participles and infinitives: the verbs of a question, rarely its topic.
            Language::Sr => is_active_past(folded, language) || ends_in_one_of(folded, &["en", "ena", "eni", "an", "ana", "ani", "ti"]),
            Language::Ru => is_active_past(folded, language) || ends_in_one_of(folded, &["en", "ena", "ny", "t", "ti"]),
            Language::Ar => false,
        }
}

/// Whether a folded word is light by the list, in any language, not by
/// its ending ("people", "ljudi", "živi").
pub fn is_listed_light(folded: &str) -> bool {
    static LIGHT_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIGHT_SET.get_or_init(|| LIGHT.iter().chain(LIGHT_NOUNS).copied().collect()).contains(folded)
}

/// Whether a folded word is one of the light nouns ("countries",
/// "people"), not a light verb or adverb.
pub fn is_light_noun(folded: &str) -> bool {
    LIGHT_NOUNS.contains(&folded)
}

/// Whether a folded Serbian or Russian word is a verb in the active past
/// tense by its ending ("osnoval*a*", "подписал*и*"; Serbian Cyrillic
/// folds to Latin, Russian to its transliteration). Not a passive
/// participle ("ubij*en*"): "ko je ubijen" asks who was killed, not who
/// killed.
pub fn is_active_past(folded: &str, language: Language) -> bool {
    match language {
        Language::Sr => ends_in_one_of(folded, SERBIAN_PAST_ENDINGS),
        Language::Ru => ends_in_one_of(folded, RUSSIAN_PAST_ENDINGS) || ends_in_one_of(folded, RUSSIAN_REFLEXIVE_PAST_ENDINGS),
        Language::En | Language::Ar => false,
    }
}

/// [`is_active_past`] for a short verb ("убил", "dao"), with two letters
/// before its ending: only where a verb is expected, as right after "who".
/// A reflexive Russian verb is not read so.
pub fn is_short_active_past(folded: &str, language: Language) -> bool {
    let suffixes: &[&str] = match language {
        Language::Sr => SERBIAN_PAST_ENDINGS,
        Language::Ru => RUSSIAN_PAST_ENDINGS,
        Language::En | Language::Ar => &[],
    };
    suffixes.iter().any(|suffix| folded.len() > suffix.len() + 1 && folded.ends_with(suffix))
}

/// Whether a folded Serbian or Russian word is a passive participle by its
/// ending ("osnov*ana*", "подпис*ан*"), which with "je" or "был" tells
/// what was done: "када је *основана* странка" asks when it was founded.
pub fn is_passive_participle(folded: &str, language: Language) -> bool {
    match language {
        Language::Sr => ends_in_one_of(folded, &["an", "ana", "ano", "ani", "en", "ena", "eno", "eni"]),
        Language::Ru => ends_in_one_of(folded, &["an", "ana", "ano", "any", "en", "ena", "eno", "eny"]),
        Language::En | Language::Ar => false,
    }
}

/// Endings of the Serbian active past ("pomag*ao*", "dal*a*"), folded.
const SERBIAN_PAST_ENDINGS: &[&str] = &["ao", "io", "la", "lo", "li"];

/// Endings of the Russian past ("убил", "убил*а*"), transliterated.
const RUSSIAN_PAST_ENDINGS: &[&str] = &["l", "la", "li", "lo"];

/// Endings of the Russian reflexive past ("боро*лся*"), transliterated.
const RUSSIAN_REFLEXIVE_PAST_ENDINGS: &[&str] = &["lsya", "las", "lis"];

/// Whether `folded` ends in one of `suffixes` with at least four letters
/// before it (so that a short word is not taken for an inflected one).
fn ends_in_one_of(folded: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|suffix| folded.len() > suffix.len() + 3 && folded.ends_with(suffix))
}

/// English words that are frequent in any question and name no topic.
const LIGHT: &[&str] = &[
    "put", "set", "let", "keep", "kept", "stop", "end", "come", "came", "comes", "coming", "go", "goes", "gone", "going", "give",
    "gave", "given", "try", "want", "turn", "bring", "brought", "hold", "held", "run", "ran", "move",
    "leave", "left", "stay", "still", "again", "already", "actually", "officially", "finally", "together",
    "eventually", "first", "last", "later", "early", "mid", "late", "soon", "long", "down", "up", "out", "off",
    "over", "back", "away", "around", "between", "against", "during", "after", "before", "since",
    "until", "while", "because", "both", "each", "every", "all", "most", "more", "less", "very", "too",
    "only", "even", "well", "whole", "such", "same", "own", "another", "new", "old", "big", "small",
    "good", "bad", "someone", "anyone", "famous",
    "important", "main", "kind", "get", "gets", "use", "used", "need", "needs", "needed", "needing", "see", "look", "think",
    "thought", "find", "found", "work", "worked", "seem", "feel", "happen",
    "end", "ends", "become", "becomes", "lead",
    "led", "mean", "means", "does", "cause", "caused", "affect", "effect", "deal", "far", "near",
    "next", "towards", "toward", "upon", "within", "without", "through", "across", "among", "along",
    "officially", "really", "basically", "exactly", "whats", "so", "like", "worth",
    "overall", "roughly", "approximately", "about",
    // "Who was behind the coup", "Vučić quote about Crimea": the doer,
    // what was said; words the sources never use.
    "behind", "quote", "quotes",
    // Living somewhere, in Serbian and Russian, folded, as English "live"
    // is a predicate: "koliko Rusa *živi*" counts Russians, not living
    // (Serbian Cyrillic folds "ж" as Russian does, "zh").
    "zivi", "zive", "zhivi", "zhive", "zhivet", "zhivut", "prozhivaet", "prozhivayut",
];

/// The nouns among the light words: things of any topic, named in any
/// question ("the two *countries*", "the *people*"). A number they follow
/// counts them; a light verb after a number does not say what it counts.
const LIGHT_NOUNS: &[&str] = &[
    "thing", "things", "stuff", "way", "ways", "country", "countries", "people", "person", "man", "men", "guy", "guys",
    "name", "names", "side", "sides", "part", "parts", "result", "outcome", "outcomes", "consequence", "consequences",
    "reason", "reasons", "point", "value", "total",
    // "Persons" and "individuals", and "people" in Serbian and Russian, folded.
    "persons", "individuals", "ljudi", "ljude", "ljudima", "osoba", "osobe", "lyudi", "lyudey", "chelovek", "cheloveka",
];

/// Words for persons in general, folded ("how many *people*", "koliko
/// *ljudi*", "сколько *человек*"): a count of any kind of person answers.
const GENERAL_PERSON_WORDS: &[&str] =
    &["people", "persons", "person", "individuals", "ljudi", "ljude", "osoba", "osobe", "lyudi", "lyudey", "chelovek", "cheloveka"];

/// Whether a folded word names persons in general ([`GENERAL_PERSON_WORDS`]).
pub fn is_general_person_word(folded: &str) -> bool {
    GENERAL_PERSON_WORDS.contains(&folded)
}

/// Abbreviations students use for names the sources spell out, expanded on
/// both the index and the question side.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ussr", "soviet union"),
    ("sssr", "soviet union"),
    ("sfry", "socialist federal republic of yugoslavia"),
    ("sfr", "socialist federal republic"),
    ("fr", "federal republic"),
    ("sfrj", "socialist federal republic of yugoslavia"),
    ("fpry", "federal people's republic of yugoslavia"),
    ("fry", "federal republic of yugoslavia"),
    ("shs", "serbs croats and slovenes"),
    ("un", "united nations"),
    ("unga", "united nations general assembly"),
    ("eu", "european union"),
    ("cpsu", "communist party of the soviet union"),
    // Russian and Serbian abbreviations, folded (КПСС, ООН, США, СКЈ, КПЈ, ФНРЈ, СФРЈ).
    ("kpss", "communist party of the soviet union"),
    ("oon", "united nations"),
    ("oun", "united nations"),
    ("ssha", "united states"),
    ("skj", "league of communists of yugoslavia"),
    ("kpj", "communist party of yugoslavia"),
    ("fnrj", "federal people's republic of yugoslavia"),
    ("srj", "federal republic of yugoslavia"),
    // Their Russian forms (СФРЮ, ФНРЮ, КПЮ, СКЮ).
    ("sfryu", "socialist federal republic of yugoslavia"),
    ("fnryu", "federal people's republic of yugoslavia"),
    ("kpyu", "communist party of yugoslavia"),
    ("skyu", "league of communists of yugoslavia"),
    // СХС, the Kingdom of Serbs, Croats and Slovenes, in either script.
    ("skhs", "serbs croats and slovenes"),
    ("ww1", "world war i"),
    ("wwi", "world war i"),
    ("ww2", "world war ii"),
    ("wwii", "world war ii"),
    ("yugo", "yugoslavia"),
    ("st", "saint"),
];

/// English question words as they are commonly mistyped, with the word
/// meant: each asks what the word meant asks, and opens the phrases it
/// opens ("wich city").
const MISTYPED_QUESTION_WORDS: &[(&str, &str)] = &[("wich", "which"), ("whitch", "which"), ("wat", "what"), ("wen", "when"), ("wher", "where"), ("whn", "when")];

/// The question word `word` is a mistyping of ([`MISTYPED_QUESTION_WORDS`]),
/// or `word` itself: "until *wich* year" asks until when.
pub fn meant_question_word(word: &str) -> &str {
    MISTYPED_QUESTION_WORDS.iter().find(|(mistyped, _)| *mistyped == word).map_or(word, |(_, meant)| meant)
}

/// Whether `typed` is the English plural of `word` ("towns", "cities", "churches").
fn is_plural_of(typed: &str, word: &str) -> bool {
    let Some(ending) = typed.strip_prefix(word) else {
        return word.strip_suffix('y').is_some_and(|stem| typed.strip_prefix(stem) == Some("ies"));
    };
    matches!(ending, "s" | "es")
}

/// Counts that may stand between a question word and its noun ("which *two*
/// towns", "what *three* countries").
const COUNT_WORDS: &[&str] = &["two", "three", "four", "five", "both"];

/// Question words by their first word: (language, all their words, what they ask).
type ByFirstWord = rustc_hash::FxHashMap<String, Vec<(Language, Vec<String>, Asks)>>;

/// The question words found in folded text, in order, with the word
/// positions they cover.
pub fn question_words(folded_words: &[&str], language: Language) -> Vec<(Asks, std::ops::Range<usize>)> {
    // By first word: (language, all words, what it asks), longest first as listed.
    static BY_FIRST: OnceLock<ByFirstWord> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut map = ByFirstWord::default();
        for (lang, words, asks) in QUESTION_WORDS {
            let words: Vec<String> = fold_for_search(words).split(' ').map(str::to_string).collect();
            // "Wich" is "which", and "wich city" is "which city".
            for (mistyped, _) in MISTYPED_QUESTION_WORDS.iter().filter(|(_, meant)| *meant == words[0]) {
                let respelt = std::iter::once(mistyped.to_string()).chain(words[1..].iter().cloned()).collect();
                map.entry(mistyped.to_string()).or_default().push((*lang, respelt, *asks));
            }
            map.entry(words[0].clone()).or_default().push((*lang, words, *asks));
        }
        // Longest first, the order of the list kept among equals.
        for phrases in map.values_mut() {
            phrases.sort_by_key(|(_, words, _)| std::cmp::Reverse(words.len()));
        }
        map
    });
    // Serbian Cyrillic ("зашто", "шта") read as the Latin letters fold.
    let latin: Vec<std::borrow::Cow<str>>;
    let latin_words: Vec<&str>;
    let folded_words: &[&str] = if language == Language::Sr {
        latin = folded_words.iter().map(|word| super::fold::serbian_latin(word)).collect();
        latin_words = latin.iter().map(|word| word.as_ref()).collect();
        &latin_words
    } else {
        folded_words
    };
    let mut found = Vec::new();
    let mut position = 0;
    while position < folded_words.len() {
        let candidates = by_first.get(folded_words[position]).map(Vec::as_slice).unwrap_or_default();
        let hit = candidates.iter().filter(|(lang, _, _)| *lang == language || *lang == Language::En).find_map(|(_, words, asks)| {
            // "Which cities" is "which city" asked of several (not "who", one word).
            let last = words.len() - 1;
            let fits = |at: usize, typed: &str, word: &str| typed == word || at == last && at > 0 && is_plural_of(typed, word);
            let window = folded_words.get(position..position + words.len())?;
            if window.iter().zip(words).enumerate().all(|(at, (a, b))| fits(at, a, b)) {
                return Some((*asks, position..position + words.len()));
            }
            // "Which *two* towns": a count between the question word and its noun.
            let counted = words.len() > 1 && folded_words.get(position + 1).is_some_and(|w| COUNT_WORDS.contains(w));
            let rest = folded_words.get(position + 2..position + 1 + words.len()).filter(|_| counted)?;
            (window[0] == words[0] && rest.iter().zip(&words[1..]).enumerate().all(|(at, (a, b))| fits(at + 1, a, b))).then_some((*asks, position..position + 1 + words.len()))
        });
        match hit {
            // Arabic "من" is "who" only as the question's first word; later it is "from".
            Some((Asks::Who, range)) if language == Language::Ar && range.start > 0 && folded_words[range.start] == fold_for_search("من") => position += 1,
            Some((asks, range)) => {
                position = range.end;
                found.push((asks, range));
            }
            // "Koja zemlja", "koju nagradu": Serbian "which" in its cases
            // asks, as English "which", only where a question starts (past
            // a preposition: "u kojoj zemlji"); later it is "who" or "that"
            // ("obaveštajac *koji* je dobio").
            None if language == Language::Sr && SERBIAN_WHICH.contains(&folded_words[position]) && starts_question(folded_words, position) => {
                found.push((Asks::What, position..position + 1));
                position += 1;
            }
            None => position += 1,
        }
    }
    found
}

/// Serbian "which" in its cases, folded: a question word only where a
/// question starts ([`question_words`]).
const SERBIAN_WHICH: &[&str] = &["koji", "koja", "koje", "koju", "kojoj", "kojem", "kojim", "kojih", "kojeg"];

/// Serbian prepositions a question may start with before its "which" ("*u* kojoj zemlji").
const SERBIAN_PREPOSITIONS: &[&str] = &["u", "na", "o", "od", "do", "za", "sa", "s", "iz", "po", "pri", "kod", "ka", "k", "prema", "protiv", "uz", "nad", "pod", "pred", "posle", "pre", "tokom", "zbog", "izmedju"];

/// Whether the word at `at` starts the question, or follows only a preposition.
fn starts_question(folded_words: &[&str], at: usize) -> bool {
    at == 0 || at == 1 && SERBIAN_PREPOSITIONS.contains(&folded_words[0])
}

/// English words that are never a noun (verbs, adjectives, adverbs:
/// "caught", "careful", "afraid"; `config/english-predicates.txt`, generated
/// by `scripts/english-predicates.py` from SCOWL and WordNet): in a question
/// they say what happened, in words the sources may not use, rather than
/// name a topic the sources must hold.
static ENGLISH_PREDICATES: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| list_lines(include_str!("../../config/english-predicates.txt")).collect());

/// The lines of a generated word list, less blanks and `#` comments.
fn list_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Whether `folded` is an English word that is never a noun (see
/// [`ENGLISH_PREDICATES`]): a verb or modifier that says what happened.
pub fn is_english_predicate(folded: &str) -> bool {
    ENGLISH_PREDICATES.contains(folded)
}

/// [`is_english_predicate`], or a regular past form, which the list
/// leaves out ("recognised", "annexed"): a verb, whatever its stem may also
/// be ("an annex"), once it has a past ending ("-ed", not "-eed": "speed").
pub fn is_english_predicate_form(folded: &str) -> bool {
    is_english_predicate(folded) || folded.len() >= 6 && folded.ends_with("ed") && !folded.ends_with("eed")
}

/// American spellings → British ones (`config/english-spellings.txt`,
/// generated by `scripts/english-spellings.py` from SCOWL): "center" →
/// "centre", "honor" → "honour". British, because the sources' Russian and
/// Serbian words meet English ones by their letters ("центр", "centre").
static BRITISH_SPELLINGS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| list_lines(include_str!("../../config/english-spellings.txt")).filter_map(|line| line.split_once(' ')).map(|(british, american)| (american, british)).collect());

/// The British spelling of an American English word (lowercase), if it has another.
pub fn british_spelling(word: &str) -> Option<&'static str> {
    BRITISH_SPELLINGS.get(word).copied()
}

/// Words linked to words (a form to its lemmas, a lemma to its forms).
type WordLinks = rustc_hash::FxHashMap<&'static str, Vec<&'static str>>;

/// Irregular English verb forms → lemma, and lemma → forms
/// (`config/english-verb-forms.txt`, generated by
/// `scripts/english-verb-forms.py` from WordNet): "overthrew", "overthrown".
static VERB_FORMS: std::sync::LazyLock<(WordLinks, WordLinks)> =
    std::sync::LazyLock::new(|| {
        let mut lemmas: rustc_hash::FxHashMap<&str, Vec<&str>> = rustc_hash::FxHashMap::default();
        let mut forms: rustc_hash::FxHashMap<&str, Vec<&str>> = rustc_hash::FxHashMap::default();
        let pairs = list_lines(include_str!("../../config/english-verb-forms.txt")).filter_map(|line| line.split_once(' '));
        for (form, lemma) in pairs {
            lemmas.entry(form).or_default().push(lemma);
            forms.entry(lemma).or_default().push(form);
        }
        (lemmas, forms)
    });

/// Every form of the English verb `folded` is a form of: itself, its lemma
/// and the lemma's irregular forms ("won" → "won", "win").
pub fn verb_forms(folded: &str) -> Vec<&str> {
    let (lemmas, forms) = &*VERB_FORMS;
    let mut all = vec![folded];
    let own_lemmas = lemmas.get(folded).map(Vec::as_slice).unwrap_or_default();
    for lemma in own_lemmas.iter().copied().chain(std::iter::once(folded)) {
        all.push(lemma);
        all.extend(forms.get(lemma).into_iter().flatten().copied());
    }
    // "Growing", "grows": a regular form of an irregular verb has its
    // irregular forms too ("grew").
    for (lemma, irregular) in regular_form_lemmas(folded).filter_map(|lemma| forms.get_key_value(lemma.as_str())) {
        all.push(lemma);
        all.extend(irregular.iter().copied());
    }
    all.sort_unstable();
    all.dedup();
    all
}

/// Whether the English word `folded` is an irregular verb form or the
/// lemma of one ("drove", "drive"): a cheap test before [`verb_forms`].
pub fn has_irregular_forms(folded: &str) -> bool {
    let (lemmas, forms) = &*VERB_FORMS;
    lemmas.contains_key(folded) || forms.contains_key(folded)
}

/// The lemmas a regular "-ing" or "-s" form may be of: "growing" →
/// "grow", "making" → "make", "running" → "run", "grows" → "grow".
fn regular_form_lemmas(folded: &str) -> impl Iterator<Item = String> + '_ {
    let ing = folded.strip_suffix("ing").filter(|stem| stem.len() >= 2);
    // "Running": the doubled last letter once ("run").
    let undoubled = ing.and_then(|stem| {
        let mut last = stem.chars().rev();
        let (end, before) = (last.next()?, last.next()?);
        (end == before && stem.chars().count() >= 3).then(|| stem[..stem.len() - end.len_utf8()].to_string())
    });
    let third_person = folded.strip_suffix('s').filter(|stem| stem.len() >= 2 && !stem.ends_with('s'));
    ing.map(str::to_string).into_iter().chain(ing.map(|stem| format!("{stem}e"))).chain(undoubled).chain(third_person.map(str::to_string))
}

/// The irregular English verb form (not a lemma) a word no English list
/// knows is one slip from ("choosen" → "chosen", "writen" → "written"),
/// when exactly one is, with the same first two letters; for words of
/// five letters or more.
pub fn irregular_form_slip(word: &str) -> Option<&'static str> {
    if word.len() < 5 || is_english_word(word) {
        return None;
    }
    let first = word.as_bytes()[0];
    let same_first = IRREGULAR_FORMS_BY_FIRST.iter().find(|(letter, _)| *letter == first).map(|(_, forms)| forms.as_slice()).unwrap_or_default();
    let second = word.as_bytes().get(1);
    let mut near = same_first.iter().copied().filter(|form| form.len().abs_diff(word.len()) <= 1 && form.as_bytes().get(1) == second && super::fold::edit_distance_within(word, form, 1) <= 1);
    let found = near.next()?;
    near.next().is_none().then_some(found)
}

/// The irregular verb forms of four letters or more that are not lemmas
/// ([`is_irregular_verb_form`]), by their first byte, sorted: what
/// [`irregular_form_slip`] compares a word with.
static IRREGULAR_FORMS_BY_FIRST: std::sync::LazyLock<Vec<(u8, Vec<&'static str>)>> = std::sync::LazyLock::new(|| {
    let mut forms: Vec<&'static str> = VERB_FORMS.0.keys().copied().filter(|form| form.len() >= 4 && is_irregular_verb_form(form)).collect();
    forms.sort_unstable();
    let mut by_first: Vec<(u8, Vec<&'static str>)> = Vec::new();
    for form in forms {
        let first = form.as_bytes()[0];
        match by_first.last_mut() {
            Some((letter, list)) if *letter == first => list.push(form),
            _ => by_first.push((first, vec![form])),
        }
    }
    by_first
});

/// Whether `folded` is an irregular form of another English verb ("sent",
/// "led"): a verb, though no ending marks it.
pub fn is_irregular_verb_form(folded: &str) -> bool {
    VERB_FORMS.0.get(folded).is_some_and(|lemmas| lemmas.iter().any(|lemma| *lemma != folded))
}

/// English words the fact base does not use, each with the words of the
/// base it may stand for in a question (`config/english-paraphrases.txt`,
/// generated by `scripts/english-paraphrases.py` from WordNet): "beat" →
/// "defeat", "comparison" → "compare".
static PARAPHRASES: std::sync::LazyLock<WordLinks> = std::sync::LazyLock::new(|| {
    list_lines(include_str!("../../config/english-paraphrases.txt"))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect()
});

/// The words of the base that the English word `folded`, as typed, may
/// stand for (see [`PARAPHRASES`]), looked up as written and by its lemma
/// ("backed" → "back", "beaten" → "beat"). Empty for most words.
pub fn paraphrases(folded: &str) -> &'static [&'static str] {
    let table = &*PARAPHRASES;
    in_some_form(folded, |lemma| table.get(lemma).map(Vec::as_slice)).unwrap_or_default()
}

/// The words of the base that a phrasal verb may stand for ("pulled" +
/// "out" → "withdraw", "turn" + "down" → "refuse"; see [`PARAPHRASES`]),
/// the verb in any form. Empty for most pairs of words.
pub fn phrasal_paraphrases(verb: &str, particle: &str) -> &'static [&'static str] {
    if !PARTICLES.contains(&particle) {
        return &[];
    }
    let table = &*PARAPHRASES;
    in_some_form(verb, |lemma| table.get(format!("{lemma}_{particle}").as_str()).map(Vec::as_slice)).unwrap_or_default()
}

/// The English words the lists know besides the base's own: the words of
/// [`PARAPHRASES`] (not its phrasal verbs), the irregular verb forms with
/// their lemmas, the function and light words ([`ENGLISH`], [`LIGHT`], [`LIGHT_NOUNS`]), and
/// the kinds of thing and of person the sources' nouns are ([`ENGLISH_KINDS`],
/// [`ENGLISH_PERSON_KINDS`]). A misspelt question word may be corrected to
/// one: "actualy" is the light "actually", and "newspapr" the kind
/// "newspaper", not words the sources lack.
pub fn known_english_words() -> impl Iterator<Item = &'static str> {
    let (lemmas, forms) = &*VERB_FORMS;
    let kinds = ENGLISH_KINDS.iter().flat_map(|noun| noun.kinds.iter().copied()).chain(ENGLISH_PERSON_KINDS.iter().copied());
    PARAPHRASES
        .keys()
        .copied()
        .chain(lemmas.keys().copied())
        .chain(forms.keys().copied())
        .chain(ENGLISH.iter().copied())
        .chain(LIGHT.iter().copied())
        .chain(LIGHT_NOUNS.iter().copied())
        .chain(kinds)
        .filter(|word| !word.contains('_'))
}

/// The particles of the phrasal verbs in [`PARAPHRASES`].
const PARTICLES: &[&str] = &["out", "up", "down", "off", "over", "back", "away", "in", "on"];

/// `look_up` of the English word `folded` as written, else of its lemma
/// ("backed" → "back", "beaten" → "beat", "stopped" → "stop").
fn in_some_form<T>(folded: &str, look_up: impl Fn(&str) -> Option<T>) -> Option<T> {
    if let Some(found) = look_up(folded) {
        return Some(found);
    }
    let irregular = VERB_FORMS.0.get(folded).into_iter().flatten().copied();
    let regular = REGULAR_ENDINGS.iter().filter_map(|(ending, base)| {
        let stem = folded.strip_suffix(ending)?;
        (stem.chars().count() >= 3).then(|| format!("{stem}{base}"))
    });
    let doubled = ["ed", "ing"].iter().filter_map(|ending| {
        let stem = folded.strip_suffix(ending)?;
        let mut letters = stem.chars().rev();
        (letters.next()? == letters.next()?).then(|| stem[..stem.len() - 1].to_string())
    });
    irregular.map(str::to_string).chain(regular).chain(doubled).find_map(|lemma| look_up(&lemma))
}

/// Regular English endings and what replaces them in the lemma.
const REGULAR_ENDINGS: [(&str, &str); 9] = [("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("d", "")];

/// English comparatives and superlatives (`config/english-comparisons.txt`,
/// generated by `scripts/english-comparisons.py` from SCOWL and WordNet):
/// "bigger", "largest", "most".
static COMPARISONS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| list_lines(include_str!("../../config/english-comparisons.txt")).collect());

/// Whether `folded` is an English comparative or superlative (see [`COMPARISONS`]).
pub fn is_comparison(folded: &str) -> bool {
    COMPARISONS.contains(folded)
}

/// Words that rank what they qualify without a comparative form: "*greatly*
/// influenced by Andrássy", "the *main* destination".
/// ("Mainly", "primarily" and "particularly" single out a part of what is
/// told, and "a *major* consumer", "a *key* destination" are no rank:
/// "primarily those aligned with the White movement" does not say which
/// country took the most émigrés.)
const RANKING_WORDS: &[&str] = &["greatly", "principal", "main", "leading", "foremost", "especially", "notably"];

/// What a question compares: two or more things against each other
/// ("*bigger* in the 1960s or the 1980s"), or one against all ("the *most*
/// important", "the *largest*").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Comparison {
    /// A comparative: only a sentence that compares answers.
    Between,
    /// A superlative: a sentence that ranks answers too ("*greatly* influenced").
    Ranking,
}

/// Whether an English sentence makes the comparison a question asks for:
/// it holds a comparative or superlative ("the *largest* refinery", "*more*
/// than 1.5 million"), or, for a superlative, a word that ranks
/// ("*greatly* influenced").
pub fn makes_comparison(text: &str, asked: Comparison) -> bool {
    let ranks = |word: &str| asked == Comparison::Ranking && RANKING_WORDS.contains(&word);
    // "unable to exert control *as it did in* Wallachia", "*unlike* most": one thing set against another.
    let sets_against = |word: &str| asked == Comparison::Between && matches!(word, "than" | "unlike");
    let lower = text.to_lowercase();
    let as_it_did = asked == Comparison::Between && [" as it did ", " as they did ", " as he did ", " as she did "].iter().any(|phrase| lower.contains(phrase));
    as_it_did || lower.split(|c: char| !c.is_alphanumeric()).any(|word| is_comparison(word) || ranks(word) || sets_against(word))
}

/// The comparison a question asks for, if any: a comparative or
/// superlative, where "most" and "more" rank ("the *most* important",
/// "influenced it *most*") rather than count ("where did *most* refugees live").
pub fn asks_comparison(words: &[&str]) -> Option<Comparison> {
    words.iter().enumerate().find_map(|(at, word)| {
        let quantifier = matches!(*word, "most" | "more" | "less" | "least");
        // "the most", "influenced it most", "most popular": a rank, not a count ("most refugees").
        let ranks = at > 0 && words[at - 1] == "the" || at + 1 == words.len() || words.get(at + 1).is_some_and(|next| is_english_predicate(next));
        // "*more* control *than* in Serbia": a quantity set against another's.
        // Not "more than once", "more than 5,000": a count.
        let counts = |than: usize| words.get(than + 1).is_some_and(|next| matches!(*next, "once" | "twice" | "thrice" | "a" | "an" | "half" | "one" | "two" | "three") || next.starts_with(|c: char| c.is_ascii_digit()));
        let ranks = ranks || matches!(*word, "more" | "less") && (at + 1..words.len().min(at + 4)).any(|next| words[next] == "than" && !counts(next));
        if !is_comparison(word) || quantifier && !ranks {
            return None;
        }
        let between = matches!(*word, "more" | "less") || word.ends_with("er");
        Some(if between { Comparison::Between } else { Comparison::Ranking })
    })
}

/// Real English words one edit away from a word of the sources
/// (`config/english-words.txt`, generated by `scripts/english-words.py`):
/// a question word the base does not know is corrected as a typo only when
/// it is not one of these ("stayed" is not a misspelt "stated").
static ENGLISH_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| list_lines(include_str!("../../config/english-words.txt")).collect());

/// Whether `word` (folded) is an English word in its own right, near a
/// word of the sources (see [`ENGLISH_WORDS`]).
pub fn is_english_word(word: &str) -> bool {
    ENGLISH_WORDS.contains(word)
}

/// Words the sources write capitalised that are also common English words
/// (`config/english-capitals.txt`, generated by `scripts/english-capitals.py`):
/// "King" of "King Peter", "White" of "White Russian", "Church" of "the
/// Russian Church".
static ENGLISH_CAPITALS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| list_lines(include_str!("../../config/english-capitals.txt")).collect());

/// The words the sources capitalise that are common English words too (see [`ENGLISH_CAPITALS`]).
pub fn english_capitals() -> &'static [&'static str] {
    &ENGLISH_CAPITALS
}

/// Nouns, of the sources or kinds some noun of them is, that usually mean
/// a kind of person (`config/english-person-kinds.txt`, generated by
/// `scripts/english-person-kinds.py` from WordNet's first senses):
/// "sultan", "journalist", not "party".
static ENGLISH_PERSON_KINDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| list_lines(include_str!("../../config/english-person-kinds.txt")).collect());

/// The nouns that usually mean a kind of person (see [`ENGLISH_PERSON_KINDS`]).
pub fn english_person_kinds() -> &'static [&'static str] {
    &ENGLISH_PERSON_KINDS
}

/// Spellings of chat and notes, and the words they stand for ("bc" is left
/// out: in a history question it is as likely "BC" as "because").
const CHAT_SPELLINGS: &[(&str, &str)] = &[
    ("thru", "through"),
    ("tho", "though"),
    ("govt", "government"),
    ("gov", "government"),
    ("abt", "about"),
    ("cuz", "because"),
    ("coz", "because"),
    ("ppl", "people"),
    ("yr", "year"),
    ("yrs", "years"),
    ("guy", "person"),
    ("guys", "people"),
    ("doc", "document"),
    ("docs", "documents"),
    ("info", "information"),
    ("intl", "international"),
    ("ww1", "World War I"),
    ("wwi", "World War I"),
    ("ww2", "World War II"),
    ("wwii", "World War II"),
    // Months as notes abbreviate them ("sept 1944"); not "mar", "may" or "jan", words or names of their own.
    ("feb", "February"),
    ("apr", "April"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("sept", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

/// `1` → `1st`, `14` → `14th`, `21` → `21st`.
pub fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The century a year is in, as the sources write it: 1350 → "14th century".
pub fn century_of(year: i32) -> String {
    format!("{} century", ordinal(year / 100 + 1))
}

/// A century as the sources write it: "1300s" → "14th century" (a year
/// ending in "00s" names its century, as students write it), or `None`.
fn century_of_hundreds(word: &str) -> Option<String> {
    let hundreds: i32 = word.strip_suffix("00s")?.parse().ok()?;
    (1..=20).contains(&hundreds).then(|| century_of(hundreds * 100))
}

/// An English question with its chat spellings written out ("gas comes
/// *thru* TurkStream", "when did Yugoslavia enter *ww2*"), or `None` when it
/// has none.
pub fn expand_chat_spellings(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let the_source = the_source_cited(&words);
    let cites = |at: usize| cites_a_source(&words, at) || the_source.contains(&at);
    let spelt = |at: usize| written_out(words[at]).or_else(|| month_before_a_number(&words, at));
    if !(0..words.len()).any(|at| spelt(at).is_some() || cites(at)) {
        return None;
    }
    let kept = (0..words.len()).filter(|&at| !cites(at));
    Some(kept.map(|at| spelt(at).unwrap_or(std::borrow::Cow::Borrowed(words[at]))).collect::<Vec<_>>().join(" "))
}

/// Months whose short forms are words or names of their own ("Jan",
/// "mar"), read as months only before a number ("jan 1945", "mar 27").
const MONTHS_BEFORE_A_NUMBER: &[(&str, &str)] = &[("jan", "January"), ("mar", "March")];

/// The month the word at `at` stands for when a number follows it.
fn month_before_a_number(words: &[&str], at: usize) -> Option<std::borrow::Cow<'static, str>> {
    let number = words.get(at + 1).is_some_and(|next| next.trim_end_matches(['?', '!', '.', ',']).bytes().all(|b| b.is_ascii_digit()) && !next.is_empty());
    let word = words.get(at)?;
    let month = MONTHS_BEFORE_A_NUMBER.iter().find(|(short, _)| word.eq_ignore_ascii_case(short))?;
    number.then_some(std::borrow::Cow::Borrowed(month.1))
}

/// The positions of "according to the article" (or "the text", "the
/// sources", "Wikipedia"): the question cites what histbot answers from,
/// and its words ask nothing.
fn the_source_cited(words: &[&str]) -> std::ops::Range<usize> {
    let is = |at: usize, options: &[&str]| words.get(at).is_some_and(|word| options.iter().any(|option| word.trim_end_matches(['?', '!', '.', ',']).eq_ignore_ascii_case(option)));
    let Some(at) = (0..words.len()).find(|&at| is(at, &["according"]) && is(at + 1, &["to"])) else { return 0..0 };
    let determiner = usize::from(is(at + 2, &["the", "this", "your"]));
    let source = at + 2 + determiner;
    if is(source, &["article", "articles", "text", "texts", "source", "sources", "wikipedia", "passage", "page"]) { at..source + 1 } else { 0..0 }
}

/// Whether the word at `at` is "per" in the sense of "according to" ("*per*
/// the Ukrainian embassy"): before a determiner, not a unit ("per year").
fn cites_a_source(words: &[&str], at: usize) -> bool {
    let is = |at: usize, options: &[&str]| words.get(at).is_some_and(|word| options.iter().any(|option| word.eq_ignore_ascii_case(option)));
    is(at, &["per"]) && is(at + 1, &["the", "his", "her", "their", "its"])
}

/// The longest chat spelling, in bytes.
const LONGEST_CHAT_SPELLING: usize = 4;

/// [`CHAT_SPELLINGS`] by their spelling, for a look-up by hashing.
static CHAT_SPELLING_TABLE: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| CHAT_SPELLINGS.iter().copied().collect());

/// What a word of a question written in chat spelling or notes stands for
/// (in any case, before its closing punctuation): "Thru?" is "through",
/// "1300s" the "14th century". Lowercased in a small buffer, since no chat
/// spelling is longer than [`LONGEST_CHAT_SPELLING`].
fn written_out(word: &str) -> Option<std::borrow::Cow<'static, str>> {
    let bare = word.trim_end_matches(['?', '!', '.', ',']);
    if let Some(century) = century_of_hundreds(bare) {
        return Some(century.into());
    }
    let mut buffer = [0u8; LONGEST_CHAT_SPELLING];
    let lower = buffer.get_mut(..bare.len())?;
    lower.copy_from_slice(bare.as_bytes());
    lower.make_ascii_lowercase();
    CHAT_SPELLING_TABLE.get(std::str::from_utf8(lower).ok()?).copied().map(std::borrow::Cow::Borrowed)
}

/// Each noun of the sources with the kinds of thing it is (its WordNet
/// hypernyms, `config/english-kinds.txt`, generated by
/// `scripts/english-kinds.py`) and whether WordNet knows it only as a name
/// ("Moscow", "September").
static ENGLISH_KINDS: std::sync::LazyLock<Vec<NounKinds>> = std::sync::LazyLock::new(|| {
    list_lines(include_str!("../../config/english-kinds.txt"))
        .filter_map(|line| {
            let (words, only_a_name) = match line.split_once(" | ") {
                Some((words, tag)) => (words, tag.trim() == "proper"),
                None => (line, false),
            };
            let mut words = words.split_whitespace();
            Some(NounKinds { noun: words.next()?, kinds: words.collect(), only_a_name })
        })
        .collect()
});

/// A noun of the sources and the kinds of thing it is (see [`ENGLISH_KINDS`]).
pub struct NounKinds {
    pub noun: &'static str,
    pub kinds: Vec<&'static str>,
    pub only_a_name: bool,
}

/// The nouns of the sources with their kinds (see [`ENGLISH_KINDS`]).
pub fn english_kinds() -> &'static [NounKinds] {
    &ENGLISH_KINDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_irregular_form_slip_is_one_edit_from_one_form() {
        assert_eq!(irregular_form_slip("choosen"), Some("chosen"));
        assert_eq!(irregular_form_slip("writen"), Some("written"));
        // Short words and English words are left alone.
        assert_eq!(irregular_form_slip("sent"), None);
        assert_eq!(irregular_form_slip("chosen"), None);
    }

    #[test]
    fn a_regular_form_of_an_irregular_verb_has_its_irregular_forms() {
        assert!(verb_forms("growing").contains(&"grew"));
        assert!(verb_forms("grows").contains(&"grown"));
        assert!(verb_forms("making").contains(&"made"));
        assert!(verb_forms("running").contains(&"ran"));
        // A regular verb has no other forms than its own.
        assert_eq!(verb_forms("joining"), ["joining"]);
        // A doubled letter of more than one byte is dropped whole.
        assert_eq!(verb_forms("ꪪꪪꪪing"), ["ꪪꪪꪪing"]);
    }

    #[test]
    fn arabic_min_asks_who_only_first() {
        let asked = |question: &str| {
            let folded = fold_for_search(question);
            let words: Vec<&str> = folded.split(' ').collect();
            question_words(&words, Language::Ar).into_iter().map(|(asks, _)| asks).collect::<Vec<_>>()
        };
        // "What did the Soviet Union consume *from* Yugoslavia".
        assert_eq!(asked("ماذا استهلك الاتحاد السوفيتي من يوغوسلافيا"), [Asks::What]);
        // "*Who* was Tito".
        assert_eq!(asked("من هو تيتو"), [Asks::Who]);
    }

    #[test]
    fn notes_spellings_are_written_out() {
        assert_eq!(expand_chat_spellings("who did tito meet in sept 1944?").as_deref(), Some("who did tito meet in September 1944?"));
        assert_eq!(expand_chat_spellings("where did serbs flee in the 1300s").as_deref(), Some("where did serbs flee in the 14th century"));
        assert_eq!(expand_chat_spellings("what happened in the 1940s"), None);
        assert_eq!(expand_chat_spellings("what happened in may 1914"), None);
    }

    #[test]
    fn no_chat_spelling_is_longer_than_the_lookup_reads() {
        assert!(CHAT_SPELLINGS.iter().all(|(chat, _)| chat.len() <= LONGEST_CHAT_SPELLING && chat.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())));
        assert_eq!(expand_chat_spellings("when did Yugoslavia enter WW2?").as_deref(), Some("when did Yugoslavia enter World War II"));
        assert_eq!(expand_chat_spellings("when did Tito get the Order of Lenin?"), None);
    }

    #[test]
    fn a_regular_past_form_is_a_predicate_whatever_its_stem() {
        assert!(is_english_predicate_form("recognised"));
        assert!(is_english_predicate_form("annexed"));
        assert!(is_english_predicate_form("recognise"));
        assert!(!is_english_predicate_form("declaration"));
        assert!(!is_english_predicate_form("speed"));
    }

    #[test]
    fn a_paraphrase_is_found_in_any_form_of_the_word() {
        assert_eq!(paraphrases("beat"), ["defeat"]);
        assert_eq!(paraphrases("vanquished"), ["defeat"]);
        assert_eq!(paraphrases("vanquishes"), ["defeat"]);
        // Not a form of a listed word.
        assert!(paraphrases("bed").is_empty());
        assert_eq!(phrasal_paraphrases("pulled", "out"), ["draw", "remove", "withdraw"]);
        assert_eq!(phrasal_paraphrases("turning", "down"), ["decline", "refuse", "reject"]);
        assert!(phrasal_paraphrases("pulled", "the").is_empty());
        assert!(paraphrases("zzz").is_empty());
    }

    #[test]
    fn a_comparison_is_asked_by_a_comparative_or_a_ranking_most() {
        let words = |text: &'static str| text.split(' ').collect::<Vec<_>>();
        assert_eq!(asks_comparison(&words("was trade bigger in the 1960s or the 1980s")), Some(Comparison::Between));
        assert_eq!(asks_comparison(&words("who was the most important serb")), Some(Comparison::Ranking));
        assert_eq!(asks_comparison(&words("who influenced the treaty most")), Some(Comparison::Ranking));
        // "most" that counts, and "better" that means improved, ask for no comparison.
        assert_eq!(asks_comparison(&words("where did most refugees live")), None);
        assert_eq!(asks_comparison(&words("when did relations get better")), None);
        assert_eq!(asks_comparison(&words("what happened later")), None);
    }

    #[test]
    fn a_ranking_word_answers_a_superlative_but_not_a_comparative() {
        assert!(makes_comparison("the largest refinery in the Balkans", Comparison::Between));
        assert!(makes_comparison("greatly influenced by Andrássy", Comparison::Ranking));
        assert!(!makes_comparison("a major consumer of Yugoslav movies", Comparison::Between));
        assert!(!makes_comparison("Serbian refugees found refuge in Russia", Comparison::Ranking));
    }
}
