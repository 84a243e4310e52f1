//! Text: the layer under both the fact base and the asking core.
//!
//! - [`fold`]: folding (NFKC, case, diacritics, Cyrillic transliteration,
//!   Arabic letter forms), loose keys for spelling conventions, edit distance.
//! - [`lang`]: which language a question is written in.
//! - [`stem`]: Snowball stemmers per language (English, Serbian, Russian, Arabic).
//! - [`lexicon`]: question words and stopwords per language, abbreviations.
//! - [`synonyms`]: synonym groups across languages, kept as data in
//!   `config/synonyms.toml` and validated by `histbot check`.
//! - [`keys`]: text → the keys the index and the question parser share.
//! - [`echo`]: an asker's text made safe to show back (controls and bidi
//!   overrides removed, clipped), and bidi marks dropped before parsing.
//!
//! Nothing here knows about entries, answers or platforms.

pub mod echo;
pub mod fold;
pub mod keys;
pub mod lang;
pub mod lexicon;
pub mod stem;
pub mod synonyms;

pub use keys::{Keyer, Token, WordMemo};
pub use lang::Language;
pub use synonyms::Synonyms;
