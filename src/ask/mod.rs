//! The asking core: platform-free, it never imports a chat-platform type.
//!
//! - [`commands`]: the one command table every front end renders.
//! - [`parse`]: the command grammar (`/when x`, `!compare a b`, free text).
//! - [`intents`]: regex intent rules from `config/intents.toml`.
//! - [`index`]: entity resolution over keys made by [`crate::text`].
//! - [`engine`]: [`Engine`], which answers lines, invocations and autocomplete.
//! - [`cmd`]: one file per command.
//! - [`answer`]: [`Answer`], plain data; [`render`]: text, Markdown, HTML, JSON.

pub mod answer;
pub mod cmd;
pub mod commands;
pub mod decide;
pub mod engine;
pub mod evidence;
pub mod index;
pub mod intents;
pub mod parse;
pub mod question;
pub mod render;
pub mod synonyms;

pub use answer::{Answer, Excerpt, FactRef, Outcome, Part};
pub use engine::{Choice, Engine, MAX_QUESTION_CHARS};
pub use intents::Intents;
pub use parse::Invocation;
