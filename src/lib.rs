//! histbot answers history questions about Soviet Union–Yugoslavia relations
//! (and the Russia–Serbia relations around them) from a fact base that
//! moderators edit, and quotes its source word for word in every answer.
//!
//! # Layout
//!
//! The core is platform-free; the front ends are thin renderers of the same answers.
//!
//! - [`text`]: folding, languages, stemming, question words, stopwords and
//!   synonyms: the layer under both the fact base and the asking core.
//! - [`facts`]: the fact base: schema, loading, the named checks, dates, source texts.
//! - [`import`]: cleaning raw source documents into `facts/sources/`.
//! - [`ask`]: the command table, the command grammar, the intent matcher, entity
//!   resolution, and [`ask::Answer`], the plain-data answer every front end renders.
//! - [`service`]: the running bot's state: the live engine behind an atomic swap,
//!   reload, moderator commands and wrong-answer reports.
//! - [`config`]: the configuration file, `config/histbot.toml`.
//! - [`study`]: study mode: quiz questions generated from the base, rounds,
//!   spaced repetition, leaderboards.
//! - `matrix` (feature `matrix`): the Matrix front end.
//! - `discord` (feature `discord`): the Discord front end, slash commands over the service.

// matrix-sdk's futures are deeply nested; proving them `Send` needs more than the default 128.
#![recursion_limit = "256"]

pub mod ask;
pub mod config;
#[cfg(feature = "discord")]
pub mod discord;
pub mod facts;
pub mod import;
#[cfg(feature = "matrix")]
pub mod matrix;
#[cfg(feature = "ops")]
pub mod ops;
pub mod service;
pub mod store;
pub mod study;
pub mod text;
