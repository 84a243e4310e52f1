//! Text folding for matching what students type against names in the base.
//!
//! [`fold_for_search`] turns any text into lowercase ASCII-ish words:
//! Unicode NFKC, case folding, Cyrillic transliterated (`Тито` → `tito`),
//! diacritics stripped (`Pašić` → `pasic`, `Karađorđe` → `karadjordje`),
//! Arabic letter variants unified, punctuation turned into spaces.
//! [`loose_key`] additionally collapses spelling digraphs (`kh`/`h`, `sh`/`s`,
//! `dj`/`d`…) so transliterations from different conventions meet.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Fold text for search: see the module docs.
pub fn fold_for_search(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc().flat_map(char::to_lowercase) {
        push_folded(c, &mut out);
    }
    collapse_spaces(&out)
}

/// The same folding for ASCII text, without the Unicode tables.
fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for byte in text.bytes() {
        match byte {
            b'\'' | b'`' => {}
            b if b.is_ascii_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            }
            _ => pending_space = true,
        }
    }
    out
}

fn push_folded(c: char, out: &mut String) {
    if let Some(latin) = cyrillic(c) {
        out.push_str(latin);
        return;
    }
    match c {
        'đ' => out.push_str("dj"),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ø' => out.push('o'),
        'ł' => out.push('l'),
        'ı' => out.push('i'),
        'þ' => out.push_str("th"),
        '\'' | '’' | '‘' | '′' | 'ʼ' | '`' => {}
        // Arabic: unify alef and teh marbuta/heh and yeh forms, drop tatweel and harakat.
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ة' => out.push('ه'),
        'ى' => out.push('ي'),
        'ـ' | '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
        '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        c if c.is_alphanumeric() => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                out.push(d);
            }
        }
        _ => out.push(' '),
    }
}

/// Russian, Serbian, Ukrainian and Macedonian Cyrillic to Latin, following
/// the spellings English texts use for these names.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'ђ' => "dj", 'е' => "e",
        'ё' => "e", 'ж' => "zh", 'з' => "z", 'и' => "i", 'й' => "y", 'ј' => "j", 'к' => "k",
        'л' => "l", 'љ' => "lj", 'м' => "m", 'н' => "n", 'њ' => "nj", 'о' => "o", 'п' => "p",
        'р' => "r", 'с' => "s", 'т' => "t", 'ћ' => "c", 'у' => "u", 'ф' => "f", 'х' => "kh",
        'ц' => "ts", 'ч' => "ch", 'џ' => "dzh", 'ш' => "sh", 'щ' => "shch", 'ъ' => "",
        'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "yu", 'я' => "ya", 'і' => "i", 'ї' => "yi",
        'є' => "ye", 'ґ' => "g", 'ѓ' => "gj", 'ќ' => "kj", 'ѕ' => "dz",
        _ => return None,
    })
}

/// Serbian Cyrillic folded as Serbian Latin is: [`fold_for_search`] writes
/// "ш", "ч", "ж", "џ" and "ц" as English texts do ("sh", "ch", "zh",
/// "dzh", "ts"), while "š", "č", "ž", "dž" and "c" fold to one letter each;
/// this writes them as the Latin letters fold, so "зашто" meets "zašto".
pub fn serbian_latin(folded: &str) -> std::borrow::Cow<'_, str> {
    const LETTERS: &[(&str, &str)] = &[("dzh", "dz"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("ts", "c")];
    if !LETTERS.iter().any(|(digraph, _)| folded.contains(digraph)) {
        return std::borrow::Cow::Borrowed(folded);
    }
    let mut out = folded.to_string();
    for (digraph, letter) in LETTERS {
        out = out.replace(digraph, letter);
    }
    std::borrow::Cow::Owned(out)
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Spelling digraphs and the single letter each collapses to, longest first.
const DIGRAPHS: &[(&str, char)] = &[
    ("shch", 's'), ("sch", 's'), ("sc", 's'), ("tch", 'c'), ("dzh", 'i'), ("kh", 'h'), ("sh", 's'), ("ch", 'c'),
    ("zh", 'z'), ("ts", 'c'), ("dj", 'd'), ("gj", 'g'), ("kj", 'k'), ("yo", 'e'), ("yu", 'u'),
    ("ya", 'a'), ("lj", 'l'), ("nj", 'n'), ("ck", 'k'), ("ph", 'f'),
];

/// A looser key on top of [`fold_for_search`]: spelling digraphs collapse so
/// that `Khrushchev`, `Hruščov` and `Хрущёв` meet, `Pasic` meets `Пашић`,
/// and `Josef` meets `Joseph`;
/// `y` and `j` become `i`, `w` becomes `v`, and doubled letters count once.
pub fn loose_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded;
    while let Some(c) = rest.chars().next() {
        let (letter, length) = match DIGRAPHS.iter().find(|(digraph, _)| rest.starts_with(digraph)) {
            Some((digraph, letter)) => (*letter, digraph.len()),
            None => (
                match c {
                    'y' | 'j' => 'i',
                    'w' => 'v',
                    other => other,
                },
                c.len_utf8(),
            ),
        };
        rest = &rest[length..];
        // Double letters (Hebrangg, Stallin) carry no meaning in a name.
        if !(out.ends_with(letter) && letter.is_alphabetic()) {
            out.push(letter);
        }
    }
    out
}

/// White space collapsed: the words of `text` joined by single spaces (a
/// quote's line breaks are a property of its file, not of its text).
pub fn collapse_white_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Optimal-string-alignment edit distance over characters: insertions,
/// deletions, substitutions and swaps of two neighbours each cost 1.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before_previous = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before_previous[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Edit distance, giving up early (returning `limit + 1`) once it must exceed `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> usize {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > limit {
        return limit + 1;
    }
    edit_distance(a, b).min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serbian_cyrillic_folds_as_serbian_latin_does() {
        for (cyrillic, latin) in [("зашто", "zašto"), ("шта", "šta"), ("због чега", "zbog čega"), ("џеп", "džep"), ("центар", "centar")] {
            assert_eq!(serbian_latin(&fold_for_search(cyrillic)), fold_for_search(latin));
        }
        assert!(matches!(serbian_latin("kada"), std::borrow::Cow::Borrowed("kada")));
    }

    #[test]
    fn folds_case_diacritics_and_scripts() {
        assert_eq!(fold_for_search("Nikola Pašić"), "nikola pasic");
        assert_eq!(fold_for_search("Karađorđe"), "karadjordje");
        assert_eq!(fold_for_search("Тито"), "tito");
        assert_eq!(fold_for_search("Белградская декларация"), "belgradskaya deklaratsiya");
        assert_eq!(fold_for_search("Tito–Stalin split!"), "tito stalin split");
        assert_eq!(fold_for_search("Stalin's death"), "stalins death");
        assert_eq!(fold_for_search("ＴＩＴＯ"), "tito");
        assert_eq!(fold_for_search("إعلان بلغراد"), fold_for_search("اعلان بلغراد"));
    }

    #[test]
    fn the_ascii_fast_path_folds_like_the_general_one() {
        for text in ["When did Tito get the Order of Lenin?", "  Stalin's  death -- 1953 ", "a'b`c", "ALL CAPS!", "", "?!"] {
            let mut general = String::new();
            for c in text.nfkc().flat_map(char::to_lowercase) {
                push_folded(c, &mut general);
            }
            assert_eq!(fold_ascii(text), collapse_spaces(&general), "{text:?}");
        }
    }

    #[test]
    fn loose_keys_meet_across_conventions() {
        let key = |s: &str| loose_key(&fold_for_search(s));
        assert_eq!(key("Хрущёв"), key("Khrushchev"));
        assert_eq!(key("Karadjordje"), key("Karađorđe"));
        assert_eq!(key("Карађорђе"), key("Karađorđe"));
        assert_eq!(key("Пашић"), key("Pasic"));
        // Serbian Latin writes щ as "šč": one vowel from the English spelling.
        assert_eq!(edit_distance(&key("Hruščov"), &key("Khrushchev")), 1);
        assert_eq!(key("Hruscov"), key("Hruščov"));
        assert_eq!(key("Josef"), key("Joseph"));
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance("hebrnag", "hebrang"), 1);
        assert_eq!(edit_distance("decleration", "declaration"), 1);
        assert_eq!(edit_distance("khruschev", "khrushchev"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("tito", "tito"), 0);
        assert_eq!(edit_distance_within("a", "abcdef", 2), 3);
    }
}
