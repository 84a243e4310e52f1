//! The on-disk schema of the fact base: the serde types *are* the schema.
//!
//! Moderators write one TOML file per entry: `facts/events/<id>.toml`,
//! `facts/treaties/<id>.toml`, `facts/people/<id>.toml` or `facts/periods/<id>.toml`. The folder gives the
//! kind and the file name is the id:
//!
//! ```toml
//! # facts/events/tito-stalin-split.toml
//! id = "tito-stalin-split"
//! title = "Tito–Stalin split"
//! aliases = ["Informbiro", "1948 split"]
//! date = "1948"
//! date_label = "early 1948"
//! summary = "Relations between Yugoslavia and the Soviet Union drastically deteriorated."
//! people = ["josip-broz-tito", "joseph-stalin"]
//! tags = ["cold-war"]
//!
//! [[source]]
//! source = "suy-article"
//! section = "1948 Tito–Stalin split"
//! quote = "Drastic deterioration in relations occurred in early 1948."
//! ```
//!
//! `facts/schema.json` is generated from these types (`histbot schema`), so
//! editors can validate files while moderators type.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

// The three entry kinds repeat their common fields (id, title, aliases, tags,
// related, source) instead of sharing a flattened struct: `#[serde(flatten)]`
// would lose the `Spanned` positions that diagnostics need, and serde does not
// support `deny_unknown_fields` together with `flatten`.

/// Something that happened at a date or over a period.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// A stable slug: lowercase ASCII letters, digits and single hyphens (`belgrade-declaration`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What a student would call it.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Other names a student might type, in any script.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Period tags (slugs), e.g. `cold-war`, `interwar`, `world-war-ii`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Spanned<String>>,
    /// Other entries this one is related to (ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub related: Vec<Spanned<String>>,
    /// The quotes that back every word of this entry. At least one.
    #[serde(default)]
    pub source: Vec<QuoteRecord>,
    /// When (EDTF level 0/1): `1968-07-12`, `1940-06`, `1955`, `1953/1955`,
    /// `1941-23` (autumn 1941), `1948~` (about 1948), `175X` (the 1750s),
    /// `13XX` (the 14th century), `2022/..` (from 2022 on).
    #[schemars(with = "String")]
    pub date: Spanned<String>,
    /// How to show the date when the EDTF form is not what the source says ("early 1948").
    #[schemars(with = "Option<String>")]
    pub date_label: Option<Spanned<String>>,
    /// What happened, in words that the quotes support.
    #[schemars(with = "String")]
    pub summary: Spanned<String>,
    /// People involved (person ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub people: Vec<Spanned<String>>,
    /// The period it belongs to (a period id from `facts/periods/`), when
    /// its date alone does not place it; its date must fall within that period.
    #[schemars(with = "Option<String>")]
    pub period: Option<Spanned<String>>,
}

/// An agreement, declaration, convention or treaty.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TreatyRecord {
    /// A stable slug: lowercase ASCII letters, digits and single hyphens (`belgrade-declaration`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What a student would call it.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Other names a student might type, in any script.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Period tags (slugs), e.g. `cold-war`, `interwar`, `world-war-ii`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Spanned<String>>,
    /// Other entries this one is related to (ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub related: Vec<Spanned<String>>,
    /// The quotes that back every word of this entry. At least one.
    #[serde(default)]
    pub source: Vec<QuoteRecord>,
    /// When (EDTF level 0/1): `1968-07-12`, `1940-06`, `1955`, `1953/1955`,
    /// `1941-23` (autumn 1941), `1948~` (about 1948), `175X` (the 1750s),
    /// `13XX` (the 14th century), `2022/..` (from 2022 on).
    #[schemars(with = "String")]
    pub date: Spanned<String>,
    /// How to show the date when the EDTF form is not what the source says ("early 1948").
    #[schemars(with = "Option<String>")]
    pub date_label: Option<Spanned<String>>,
    /// What it did, in words that the quotes support.
    #[schemars(with = "String")]
    pub summary: Spanned<String>,
    /// The states or bodies that were party to it, as the sources name them.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub parties: Vec<Spanned<String>>,
    /// People who signed or concluded it (person ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub signatories: Vec<Spanned<String>>,
    /// Where it was signed, if a source says so.
    #[schemars(with = "Option<String>")]
    pub place: Option<Spanned<String>>,
    /// The period it belongs to (a period id from `facts/periods/`), when
    /// its date alone does not place it; its date must fall within that period.
    #[schemars(with = "Option<String>")]
    pub period: Option<Spanned<String>>,
}

/// A person with a part in these relations.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRecord {
    /// A stable slug: lowercase ASCII letters, digits and single hyphens (`belgrade-declaration`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What a student would call it.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Other names a student might type, in any script.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Period tags (slugs), e.g. `cold-war`, `interwar`, `world-war-ii`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Spanned<String>>,
    /// Other entries this one is related to (ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub related: Vec<Spanned<String>>,
    /// The quotes that back every word of this entry. At least one.
    #[serde(default)]
    pub source: Vec<QuoteRecord>,
    /// Roles as the sources give them ("President of Yugoslavia").
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub roles: Vec<Spanned<String>>,
    /// Birth date (EDTF), only where a source gives it.
    #[schemars(with = "Option<String>")]
    pub born: Option<Spanned<String>>,
    /// Death date (EDTF), only where a source gives it.
    #[schemars(with = "Option<String>")]
    pub died: Option<Spanned<String>>,
    /// Who they were in these relations, in words that the quotes support.
    #[schemars(with = "String")]
    pub summary: Spanned<String>,
    /// Events and treaties they took part in (ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub involved_in: Vec<Spanned<String>>,
}

/// A named stretch of the relations ("the normalization after Stalin's
/// death"), with the years the sources give for its start and end.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodRecord {
    /// A stable slug: lowercase ASCII letters, digits and single hyphens (`normalization-1953-1968`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the sources call it.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Other names a student might type, in any script.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Tags (slugs), e.g. `cold-war`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Spanned<String>>,
    /// Other entries this one is related to (ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub related: Vec<Spanned<String>>,
    /// The quotes that state its start, its end and what it was. At least one;
    /// each end of `date` must be stated by one of them.
    #[serde(default)]
    pub source: Vec<QuoteRecord>,
    /// Its span (EDTF): a closed range `1953/1968`, `175X/1917`, or an
    /// open one `2000/..`. Periods may meet in one year but not overlap.
    #[schemars(with = "String")]
    pub date: Spanned<String>,
    /// How to show the span when the EDTF form is not what the source says.
    #[schemars(with = "Option<String>")]
    pub date_label: Option<Spanned<String>>,
    /// How relations stood, in words that the quotes support.
    #[schemars(with = "String")]
    pub summary: Spanned<String>,
}

/// A verbatim quote from one imported source.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRecord {
    /// A source id from `facts/sources.toml`.
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    /// The section of that source the quote is in.
    #[schemars(with = "String")]
    pub section: Spanned<String>,
    /// Word for word from the cleaned source text (white space, typographic
    /// quotes and dashes are folded when checking; nothing else is).
    #[schemars(with = "String")]
    pub quote: Spanned<String>,
}

/// `facts/sources.toml`: the imported source texts.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub source: Vec<SourceRecord>,
}

/// One imported source text, stored in `facts/sources/<id>.txt`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    pub id: String,
    pub title: String,
    /// BCP 47 language tag: `en`, `ar`.
    pub lang: String,
    pub url: String,
    pub license: String,
    /// Section titles in document order.
    pub sections: Vec<String>,
}

/// The JSON schema of the four entry kinds, for editors (`facts/schema.json`).
pub fn json_schema() -> Result<String, serde_json::Error> {
    let event = schemars::schema_for!(EventRecord);
    let treaty = schemars::schema_for!(TreatyRecord);
    let person = schemars::schema_for!(PersonRecord);
    let period = schemars::schema_for!(PeriodRecord);
    let sources = schemars::schema_for!(SourcesFile);
    let combined = serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "histbot fact file",
        "description": "One entry per file: facts/events/<id>.toml, facts/treaties/<id>.toml, facts/people/<id>.toml or facts/periods/<id>.toml. Point your editor at the definition for the folder (see MODERATING.md).",
        "oneOf": [
            {"$ref": "#/definitions/event"},
            {"$ref": "#/definitions/treaty"},
            {"$ref": "#/definitions/person"},
            {"$ref": "#/definitions/period"}
        ],
        "definitions": {
            "event": event,
            "treaty": treaty,
            "person": person,
            "period": period,
            "sources": sources
        }
    });
    serde_json::to_string_pretty(&combined)
}
