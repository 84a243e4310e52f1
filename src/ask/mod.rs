//! The asking core (work in progress).
pub mod normalize;
