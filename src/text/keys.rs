//! Text → keys: the one function the index (over entries and quotes) and
//! the question parser share, so both sides always agree.
//!
//! A word is lowercased, checked against the stopwords of its language,
//! expanded if it is an abbreviation, stemmed in its own script with its
//! language's Snowball stemmer, folded, loosened ([`fold::loose_key`]), and
//! finally replaced by its synonym group's first member.

use unicode_normalization::UnicodeNormalization;

use super::fold::{fold_for_search, loose_key};
use super::lexicon::{is_light, is_stopword, ABBREVIATIONS};
use super::synonyms::{Group, Synonyms};
use super::{stem, Language};

/// One meaningful word of a text, keyed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The key matched against the index.
    pub key: String,
    /// Other keys the word may have (the unstemmed form of a Serbian or
    /// Russian word, whose stem can be shorter than the name it inflects).
    pub alts: Vec<String>,
    /// A paraphrase-prone word ([`super::lexicon::is_light`]).
    pub light: bool,
    /// The language the word was stemmed in (by its script and the question's language).
    pub language: Language,
}

/// A remembered word's tokens before synonyms, and after them when the
/// synonym pass changes them.
type MemoTokens = (Vec<Token>, Option<Vec<Token>>);

/// Tokens of words already keyed (see [`Keyer::index_keys_memo`]).
#[derive(Debug, Default)]
pub struct WordMemo {
    /// Each word as written → its tokens before synonyms, and, when the
    /// synonym pass changes them (the word keyed alone), its tokens after
    /// it ([`Keyer::finish_memo`]).
    words: rustc_hash::FxHashMap<String, MemoTokens>,
    /// Whether the tokens after synonyms were worked out.
    finished: bool,
}

impl WordMemo {
    /// The English tokens of `text`'s words (before synonyms), read from the
    /// memo where it holds them and keyed afresh where it does not.
    fn english_tokens(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for raw in words_without_ordinal_endings(text) {
            match self.words.get(raw) {
                Some((known, _)) => tokens.extend(known.iter().cloned()),
                None => tokens.extend(keyed_word(raw, Language::En, true)),
            }
        }
        tokens
    }

    /// Also remember each word under its lowercase spelling, which keys the
    /// same (keying lowercases first): questions are mostly typed lowercase.
    pub fn add_lowercase(&mut self) {
        let lowered: Vec<(String, MemoTokens)> = self
            .words
            .iter()
            .filter_map(|(raw, tokens)| {
                let lower: String = raw.nfkc().flat_map(char::to_lowercase).collect();
                (lower != *raw).then(|| (lower, tokens.clone()))
            })
            .collect();
        for (lower, tokens) in lowered {
            self.words.entry(lower).or_insert(tokens);
        }
        // A word added after the synonyms were worked out has none yet.
        self.finished = false;
    }

    /// The tokens [`Keyer::tokens_known`] gives for `text` in English, when
    /// `text` is one word the memo holds and [`Keyer::finish_memo`] worked
    /// out its synonyms: borrowed, without keying or copying.
    pub fn word_tokens(&self, text: &str) -> Option<&[Token]> {
        if !self.finished || !is_one_word(text) {
            return None;
        }
        let (before, after) = self.words.get(text)?;
        Some(after.as_ref().unwrap_or(before))
    }
}

/// Whether `text` is surely one word that keying takes as it is: ASCII
/// letters and digits only (no hyphen, apostrophe or "%"), and not digits
/// followed by letters ("24th" keys as "24"). A word this misses is keyed
/// the long way, with the same result.
fn is_one_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ordinal_like = bytes.first().is_some_and(u8::is_ascii_digit) && bytes.last().is_some_and(u8::is_ascii_alphabetic);
    !bytes.is_empty() && !ordinal_like && bytes.iter().all(u8::is_ascii_alphanumeric)
}

/// Keys text with a set of synonyms.
#[derive(Debug, Clone, Default)]
pub struct Keyer {
    synonyms: Synonyms,
    /// A question word's key → the keys of what it may stand for
    /// ("Moscow" → "Soviet Union", "Russia"): the capital for its government.
    metonyms: rustc_hash::FxHashMap<String, Vec<Vec<String>>>,
    /// The file text the synonyms came from (to tell whether a reload changed them).
    source: String,
}

impl Keyer {
    /// A keyer with these synonym groups.
    pub fn new(groups: Vec<Group>) -> Keyer {
        let synonyms = Synonyms::from_groups(groups, |word, language| member_tokens(word, language).into_iter().map(|t| t.key).collect());
        Keyer { synonyms, metonyms: Default::default(), source: String::new() }
    }

    /// Add metonyms: each `(name, meanings)`, a one-word name and the names
    /// (of any length) it may stand for, keyed with this keyer's synonyms.
    pub fn with_metonyms(mut self, metonyms: &[(String, Vec<String>)]) -> Keyer {
        for (name, meanings) in metonyms {
            let Some(key) = self.index_keys(name).into_iter().next() else { continue };
            let keyed: Vec<Vec<String>> = meanings.iter().map(|meaning| self.index_keys(meaning)).filter(|keys| !keys.is_empty()).collect();
            self.metonyms.entry(key).or_default().extend(keyed);
        }
        self
    }

    /// What a question word's key may stand for, each as its keys.
    pub fn stands_for(&self, key: &str) -> &[Vec<String>] {
        self.metonyms.get(key).map_or(&[], Vec::as_slice)
    }

    /// Remember the file text these synonyms came from.
    pub fn with_source(mut self, source: &str) -> Keyer {
        self.source = source.to_string();
        self
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// The keys of a text from the fact base (English or Arabic sources,
    /// names in any script).
    /// A Cyrillic or Arabic word is indexed both stemmed and as written, so
    /// a name (`Хрущёв`, whose Russian stem is `хрущ`) still meets its
    /// transliteration.
    /// A hyphenated word is also indexed joined ("re-settlement" → "resettlement").
    pub fn index_keys(&self, text: &str) -> Vec<String> {
        let text = join_privative(text);
        self.index_keys_of(&text, self.tokens(&text, Language::En))
    }

    /// [`Keyer::index_keys`] remembering each word's tokens in `memo`: building
    /// an index keys the same words over and over.
    pub fn index_keys_memo(&self, text: &str, memo: &mut WordMemo) -> Vec<String> {
        let text = join_privative(text);
        let text = text.as_ref();
        let mut tokens = Vec::new();
        for raw in words_without_ordinal_endings(text) {
            match memo.words.get(raw) {
                Some((known, _)) => tokens.extend(known.iter().cloned()),
                None => {
                    let known = word_tokens(raw, Language::En, true);
                    tokens.extend(known.iter().cloned());
                    memo.words.insert(raw.to_string(), (known, None));
                }
            }
        }
        self.index_keys_of(text, self.with_synonyms(tokens))
    }

    /// [`Keyer::index_keys`] reading the tokens of words `memo` already
    /// holds (an index keeps the memo of every word of its base, so keying
    /// a quote's words while answering costs a lookup, not a stemming).
    pub fn index_keys_known(&self, text: &str, memo: &WordMemo) -> Vec<String> {
        let text = join_privative(text);
        self.index_keys_of(&text, self.with_synonyms(memo.english_tokens(&text)))
    }

    /// The index keys of `text`'s tokens: each key with its alternatives,
    /// and each hyphenated word also joined.
    fn index_keys_of(&self, text: &str, tokens: Vec<Token>) -> Vec<String> {
        let mut keys: Vec<String> = tokens.into_iter().flat_map(|t| std::iter::once(t.key).chain(t.alts)).collect();
        for word in text.split_whitespace().filter(|w| w.contains('-')) {
            let joined: String = word.chars().filter(|c| *c != '-').collect();
            keys.extend(self.tokens(&joined, Language::En).into_iter().map(|t| t.key));
        }
        keys
    }

    /// The tokens of a question written in `language`.
    pub fn tokens(&self, text: &str, language: Language) -> Vec<Token> {
        self.with_synonyms(plain_tokens(&join_privative(text), language, true))
    }

    /// [`Keyer::tokens`] reading English words' tokens from `memo` where it
    /// holds them (a word's tokens do not depend on its case; see
    /// [`WordMemo::add_lowercase`]).
    pub fn tokens_known(&self, text: &str, language: Language, memo: &WordMemo) -> Vec<Token> {
        if language != Language::En {
            return self.tokens(text, language);
        }
        if let Some(tokens) = memo.word_tokens(text) {
            return tokens.to_vec();
        }
        if is_one_word(text) {
            return self.one_word_tokens(text, memo);
        }
        self.with_synonyms(memo.english_tokens(&join_privative(text)))
    }

    /// [`Keyer::tokens_known`] of one English word the build's memo lacks,
    /// worked out once per question ([`with_question_memo`]): a parse asks
    /// for the same unknown word's tokens several times over, and each time
    /// it would be split, looked up and walked through the synonym pass.
    /// The answer depends only on the word, this keyer and `memo`.
    fn one_word_tokens(&self, word: &str, memo: &WordMemo) -> Vec<Token> {
        let owner = (std::ptr::from_ref(self) as usize, std::ptr::from_ref(memo) as usize);
        remembered(
            |question| question.texts.iter().find(|(asked_of, asked, _)| *asked_of == owner && asked == word).map(|(_, _, tokens)| tokens.clone()),
            || self.with_synonyms(memo.english_tokens(word)),
            |question, tokens| question.texts.push((owner, word.to_string(), tokens)),
        )
    }

    /// Work out, once, what the synonym pass makes of each word of `memo`
    /// keyed alone, so that [`WordMemo::word_tokens`] (and
    /// [`Keyer::tokens_known`] for one word) only looks it up. The memo
    /// must be used with this keyer's synonyms only.
    pub fn finish_memo(&self, memo: &mut WordMemo) {
        for (before, after) in memo.words.values_mut() {
            let synonymed = self.with_synonyms(before.clone());
            *after = (synonymed != *before).then_some(synonymed);
        }
        memo.finished = true;
    }

    /// Replace synonym members by their group's first member.
    fn with_synonyms(&self, tokens: Vec<Token>) -> Vec<Token> {
        if self.synonyms.is_empty() {
            return tokens;
        }
        let steps = self.synonym_steps(&tokens);
        // Most texts hold no synonym member: their tokens stay as they are.
        if steps.iter().all(|(_, step)| step.is_none()) {
            return tokens;
        }
        let mut out = Vec::with_capacity(steps.len());
        let mut tokens = tokens.into_iter();
        for (language, step) in steps {
            match step {
                Some((canonical, length)) => {
                    out.push(Token { key: canonical.to_string(), alts: Vec::new(), light: false, language });
                    tokens.nth(length - 1);
                }
                None => out.extend(tokens.next()),
            }
        }
        out
    }

    /// How [`Keyer::with_synonyms`] walks `tokens`: at each step, the
    /// language of the token there and, when a synonym member starts there,
    /// its group's first member and how many tokens it covers (else the
    /// token stays as it is). The members are looked up through one buffer.
    fn synonym_steps(&self, tokens: &[Token]) -> Vec<(Language, Option<(&str, usize)>)> {
        // One buffer per thread: keying runs for every word a question is
        // read for, and a buffer of its own each time would cost an allocation.
        SYNONYM_WINDOW.with_borrow_mut(|window| {
            let mut steps = Vec::with_capacity(tokens.len());
            let mut position = 0;
            while position < tokens.len() {
                let language = tokens[position].language;
                let run = tokens[position..].iter().take_while(|t| t.language == language).map(|t| t.key.as_str());
                let found = match self.synonyms.at_in(language, run, window) {
                    Some(found) => Some(found),
                    None => tokens[position].alts.iter().find_map(|alt| self.synonyms.at_in(language, std::iter::once(alt.as_str()), window)),
                };
                steps.push((language, found));
                position += found.map_or(1, |(_, length)| length);
            }
            steps
        })
    }
}

thread_local! {
    /// The buffer [`Keyer::synonym_steps`] joins keys in to look up a synonym of several words.
    static SYNONYM_WINDOW: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The tokens of a synonym group's member: its words as a question's are
/// keyed, a stopword inside it dropped as a question drops it ("vratili
/// *na* vlast" is found in "vratili na vlast", keyed without "na"), one at
/// its start or end kept ("set *up*", which a question keys whole through
/// the synonyms).
fn member_tokens(member: &str, language: Language) -> Vec<Token> {
    let words: Vec<&str> = member.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let inner_stopword = |at: usize, word: &str| at > 0 && at < last && is_stopword(&fold_for_search(&lowercase_without_apostrophes(word)), language);
    let kept: Vec<&str> = words.iter().enumerate().filter(|(at, word)| !inner_stopword(*at, word)).map(|(_, word)| *word).collect();
    plain_tokens(&kept.join(" "), language, false)
}

/// Tokens without synonyms. `drop_stopwords` is off when keying a synonym
/// member, which may itself be a common word.
fn plain_tokens(text: &str, language: Language, drop_stopwords: bool) -> Vec<Token> {
    let mut tokens = Vec::new();
    for raw in words_without_ordinal_endings(text) {
        tokens.extend(keyed_word(raw, language, drop_stopwords));
    }
    tokens
}

/// What a question has keyed while it is parsed ([`with_question_memo`]).
#[derive(Default)]
struct QuestionWords {
    /// Each word keyed, with its language and tokens (before synonyms).
    words: Vec<(Language, String, Vec<Token>)>,
    /// Each one-word English text the build's memo lacks, with its tokens
    /// after synonyms ([`Keyer::one_word_tokens`]), under the addresses of
    /// the keyer and memo that keyed it.
    texts: Vec<((usize, usize), String, Vec<Token>)>,
}

thread_local! {
    /// The words keyed while one question is parsed: its parse keys each
    /// word several times over (its query, its respellings, its verbs and
    /// nouns), and a word the base does not use would be stemmed afresh
    /// each time. `None` outside a parse.
    static QUESTION_WORDS: std::cell::RefCell<Option<QuestionWords>> = const { std::cell::RefCell::new(None) };
}

/// Run `parse` with each word it keys stemmed once (a word's tokens depend
/// only on the word and its language); what it remembers lives only as long
/// as `parse` runs.
pub fn with_question_memo<T>(parse: impl FnOnce() -> T) -> T {
    /// Puts back the memo of an enclosing parse, also when `parse` panics.
    struct Restore(Option<QuestionWords>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            QUESTION_WORDS.with(|memo| *memo.borrow_mut() = outer);
        }
    }
    let _restore = Restore(QUESTION_WORDS.with(|memo| memo.borrow_mut().replace(QuestionWords::default())));
    parse()
}

/// [`word_tokens`], read from the question's memo when a parse is under way
/// and the word was keyed before in it.
fn keyed_word(raw: &str, language: Language, drop_stopwords: bool) -> Vec<Token> {
    if !drop_stopwords {
        return word_tokens(raw, language, drop_stopwords);
    }
    remembered(
        |question| question.words.iter().find(|(l, word, _)| *l == language && keys_alike(word, raw)).map(|(_, _, tokens)| tokens.clone()),
        || word_tokens(raw, language, drop_stopwords),
        |question, tokens| question.words.push((language, raw.to_string(), tokens)),
    )
}

/// Whether two written words surely key alike: the same, or ASCII words
/// that differ only in case ("Peru" and "peru"), which [`word_tokens`]
/// lowercases before anything else.
fn keys_alike(word: &str, other: &str) -> bool {
    word == other || (word.is_ascii() && other.is_ascii() && word.eq_ignore_ascii_case(other))
}

/// Tokens kept in the question's memo ([`with_question_memo`]): what `find`
/// reads there, or else `key`'s, which `remember` stores while a parse is
/// under way (outside one, `key`'s alone). Keyed outside the memo's
/// borrow: keying may read the memo itself (an abbreviation keys its long
/// form, a one-word text its words).
fn remembered(find: impl FnOnce(&QuestionWords) -> Option<Vec<Token>>, key: impl FnOnce() -> Vec<Token>, remember: impl FnOnce(&mut QuestionWords, Vec<Token>)) -> Vec<Token> {
    let known = QUESTION_WORDS.with(|memo| memo.borrow().as_ref().map(find));
    match known {
        Some(Some(tokens)) => tokens,
        None => key(),
        Some(None) => {
            let tokens = key();
            QUESTION_WORDS.with(|memo| {
                if let Some(question) = memo.borrow_mut().as_mut() {
                    remember(question, tokens.clone());
                }
            });
            tokens
        }
    }
}

/// The words of a text, as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c))).filter(|raw| !raw.is_empty())
}

/// "visa-free" is one word that says the opposite of "visa": a word with
/// "-free" is keyed whole ("visafree"), never as its parts, so a question
/// about visas does not find the sentence on visa-free travel. And "%" is
/// the word "percent".
fn join_privative(text: &str) -> std::borrow::Cow<'_, str> {
    // Most texts hold neither a hyphen nor a percent sign: one pass over the bytes.
    let may_join = memchr::memchr2(b'-', b'%', text.as_bytes()).is_some();
    if !may_join || (!text.contains("-free") && !text.contains("-Free") && !text.contains('%')) {
        return std::borrow::Cow::Borrowed(text);
    }
    // "70%" is "70 percent" to a reader: the sign becomes a word to find.
    std::borrow::Cow::Owned(text.replace("-free", "free").replace("-Free", "free").replace('%', " percent "))
}

/// Russian endings written after an ordinal's digits ("24-й", "24-го").
const RUSSIAN_ORDINAL_ENDINGS: &[&str] = &["й", "го", "я", "е", "м", "ой", "ый", "ий", "ом", "ая", "ое", "му"];

/// The words of a text, as written, with an ordinal's ending dropped:
/// "24th", "24-й" and "24" are one number to a reader.
fn words_without_ordinal_endings(text: &str) -> impl Iterator<Item = &str> {
    let mut previous_digits = false;
    raw_words(text).filter_map(move |raw| {
        let after_digits = std::mem::replace(&mut previous_digits, raw.bytes().all(|b| b.is_ascii_digit()));
        if after_digits && RUSSIAN_ORDINAL_ENDINGS.contains(&raw.to_lowercase().as_str()) {
            return None;
        }
        let digits = raw.trim_end_matches(|c: char| c.is_alphabetic());
        let ending = &raw[digits.len()..];
        let ordinal = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && ["st", "nd", "rd", "th"].contains(&ending.to_lowercase().as_str());
        Some(if ordinal { digits } else { raw })
    })
}

/// One written word → its tokens (none for a stopword, several for an abbreviation).
fn word_tokens(raw: &str, language: Language, drop_stopwords: bool) -> Vec<Token> {
    let lower = lowercase_without_apostrophes(raw);
    let folded = fold_for_search(&lower);
    if folded.is_empty() || (drop_stopwords && is_stopword(&folded, language)) {
        return Vec::new();
    }
    if let Some((_, long)) = ABBREVIATIONS.iter().find(|(short, _)| *short == folded) {
        return plain_tokens(long, Language::En, drop_stopwords);
    }
    word_token(&lower, &folded, language).into_iter().collect()
}

/// One lowercase word → its token, stemmed in the language its script says.
fn word_token(lower: &str, folded: &str, language: Language) -> Option<Token> {
    let script_language = if lower.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        Language::Ar
    } else if lower.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        if language == Language::Sr { Language::Sr } else { Language::Ru }
    } else if language == Language::Sr {
        Language::Sr
    } else {
        Language::En
    };
    let stemmed = match script_language {
        Language::En => stem::stem(surname_ending_as_the_sources_write(folded), Language::En),
        Language::Ar => stem::stem(strip_arabic_article(folded), Language::Ar),
        other => fold_for_search(&stem::stem(lower, other)),
    };
    let stemmed = fold_for_search(&stemmed).replace(' ', "");
    let key = loose_key(&if stemmed.is_empty() { folded.replace(' ', "") } else { stemmed });
    if key.is_empty() {
        return None;
    }
    // Only a word of another script keeps its unstemmed form, and a Serbian
    // or Russian one its folded letters stemmed as English too: "апис" is
    // the sources' "Apis", whose English key drops the "s".
    let plain = (script_language != Language::En).then(|| loose_key(&folded.replace(' ', ""))).filter(|plain| *plain != key);
    let english = matches!(script_language, Language::Ru | Language::Sr).then(|| loose_key(&fold_for_search(&stem::stem(folded, Language::En)).replace(' ', ""))).filter(|english| *english != key && Some(english) != plain.as_ref() && !english.is_empty());
    let owners = if matches!(script_language, Language::Ru | Language::Sr) { possessive_owners(folded) } else { Vec::new() };
    let mut alts: Vec<String> = plain.into_iter().chain(english).collect();
    for owner in owners {
        if owner != key && !alts.contains(&owner) {
            alts.push(owner);
        }
    }
    Some(Token { key, alts, light: is_light(folded, language), language: script_language })
}

/// The shortest word whose "-ich" may be a Serbian surname's "-ić" ("pasich").
const MIN_ICH_SURNAME: usize = 6;

/// A Serbian surname's "-ić" as English writers often spell it, "-ich"
/// ("Milosevich", "Obrenovich"), written "-ic" as the folded "-ić" is, so
/// that both spellings stem alike: the English stemmer drops the "-ic" of
/// "Milošević" and would keep the "-ich". A real English word ("sandwich")
/// is left as written; either way both sides of the index are keyed alike.
fn surname_ending_as_the_sources_write(folded: &str) -> &str {
    match folded.strip_suffix('h') {
        Some(bare) if bare.ends_with("ic") && folded.len() >= MIN_ICH_SURNAME && folded.bytes().all(|b| b.is_ascii_lowercase()) && !super::lexicon::is_english_word(folded) => bare,
        _ => folded,
    }
}

/// Case endings a Serbian or Russian possessive adjective may take after
/// its "-ov" or "-ev" (folded to Latin), longest first.
const POSSESSIVE_ENDINGS: &[&str] = &["ima", "ogo", "omu", "og", "om", "oj", "im", "ih", "a", "o", "u", "e", "i", ""];

/// The owner a Serbian or Russian possessive adjective of a name may be
/// made of, as English keys: "Ičkov mir" is Ičko's, "Titova vlada" Tito's,
/// "Pašićev" Pašić's. Both the stem ("pasic") and the stem with the
/// vowel the suffix may have swallowed ("icko", "tito"); the caller keeps
/// them as alternatives, used when they find a name.
fn possessive_owners(folded: &str) -> Vec<String> {
    let Some(ending) = POSSESSIVE_ENDINGS.iter().find(|ending| folded.strip_suffix(**ending).is_some_and(|rest| rest.ends_with("ov") || rest.ends_with("ev"))) else {
        return Vec::new();
    };
    let rest = &folded[..folded.len() - ending.len()];
    let (stem, vowel) = rest.split_at(rest.len() - 2);
    if stem.chars().count() < 3 {
        return Vec::new();
    }
    let key = |word: &str| loose_key(&fold_for_search(&stem::stem(word, Language::En)).replace(' ', ""));
    [key(stem), key(&format!("{stem}{}", &vowel[..1]))].into_iter().filter(|k| !k.is_empty()).collect()
}

/// A word in NFKC lower case, without apostrophes: byte by byte when it is
/// ASCII (NFKC leaves ASCII as it is), through the Unicode tables otherwise.
fn lowercase_without_apostrophes(raw: &str) -> String {
    if raw.is_ascii() {
        return raw.bytes().filter(|b| !is_apostrophe(char::from(*b))).map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    raw.nfkc().flat_map(char::to_lowercase).filter(|c| !is_apostrophe(*c)).collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '′' | 'ʼ' | '`')
}

/// Arabic: the article `ال` and a leading conjunction `و` or `ب` are not part of the name.
fn strip_arabic_article(word: &str) -> &str {
    for prefix in ["وال", "بال", "ال"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                return rest;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        Keyer::default().index_keys(text)
    }

    #[test]
    fn a_free_compound_is_not_its_parts() {
        assert_eq!(keys("visa-free travel"), keys("visafree travel"));
        assert!(!keys("visa-free travel").contains(&keys("visa")[0]));
    }

    #[test]
    fn ordinal_endings_are_dropped() {
        assert_eq!(keys("24th Congress"), keys("24 Congress"));
        assert_eq!(Keyer::default().tokens("24-й съезд", Language::Ru)[0].key, "24");
        assert_eq!(keys("Nikolay 1st"), keys("Nikolay 1"));
        assert_eq!(keys("1990s"), ["1990s"]);
    }

    #[test]
    fn keys_drop_stopwords_and_fold() {
        assert_eq!(keys("When did Tito get the Order of Lenin?"), ["tito", "order", "lenin"]);
        assert_eq!(keys("Pašić"), keys("Pasic"));
        assert_eq!(keys("Hungarian"), keys("Hungary"));
        assert_eq!(keys("treaties"), keys("treaty"));
        assert_eq!(keys("condemned"), keys("condemn"));
        assert!(keys("Хрущёв").contains(&keys("Khruschev")[0]));
        assert_eq!(keys("USSR"), keys("Soviet Union"));
    }

    #[test]
    fn synonyms_replace_members_across_languages() {
        let groups = vec![Group { members: vec![(Language::En, "split".into()), (Language::En, "break up".into()), (Language::Ru, "раскол".into())] }];
        let keyer = Keyer::new(groups);
        let split = keyer.index_keys("split");
        assert_eq!(keyer.tokens("раскола", Language::Ru).into_iter().map(|t| t.key).collect::<Vec<_>>(), split);
        assert_eq!(keyer.index_keys("the break up of"), split);
    }

    #[test]
    fn a_memo_word_keyed_alone_gives_the_tokens_of_the_long_way() {
        let groups = vec![Group { members: vec![(Language::En, "split".into()), (Language::En, "rift".into())] }];
        let keyer = Keyer::new(groups);
        let mut memo = WordMemo::default();
        keyer.index_keys_memo("The rift of 1948, USSR and Tito's 24th Congress", &mut memo);
        memo.add_lowercase();
        keyer.finish_memo(&mut memo);
        for word in ["rift", "Rift", "ussr", "USSR", "tito", "1948", "Congress", "24th", "Tito's", "unseen"] {
            let long_way = keyer.with_synonyms(memo.english_tokens(word));
            assert_eq!(keyer.tokens_known(word, Language::En, &memo), long_way, "{word}");
            if let Some(tokens) = memo.word_tokens(word) {
                assert_eq!(tokens, long_way.as_slice(), "{word}");
            }
        }
        assert_eq!(memo.word_tokens("rift").map(|t| t[0].key.clone()), keyer.index_keys("split").into_iter().next());
    }

    #[test]
    fn inflected_serbian_and_russian_names_keep_their_plain_form() {
        let tokens = Keyer::default().tokens("kada je umro tito", Language::Sr);
        assert!(tokens.iter().any(|t| t.key == "tito" || t.alts.iter().any(|a| a == "tito")), "{tokens:?}");
    }
}
