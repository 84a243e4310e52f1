//! An interaction as Discord sends it over HTTP, read straight from the
//! body into borrowed typed fields: only what histbot uses, with no
//! `serde_json::Value` tree in between (every other field is skipped
//! unread).
//!
//! Lenient where [`super::interaction::Incoming`] always was: ids and
//! option values may be strings, numbers or booleans (numbers are written
//! out as JSON writes them); a missing field is empty. Structural fields
//! (`data`, `member`, `options`, …) must have their JSON shape.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The top level of an interaction.
#[derive(Debug, Deserialize)]
pub(super) struct Wire<'a> {
    #[serde(rename = "type", default)]
    pub kind: Scalar<'a>,
    #[serde(default, borrow)]
    pub id: Scalar<'a>,
    #[serde(default, borrow)]
    pub token: Scalar<'a>,
    #[serde(default, borrow)]
    pub application_id: Scalar<'a>,
    #[serde(default, borrow)]
    pub data: Option<Data<'a>>,
    #[serde(default, borrow)]
    pub member: Option<Member<'a>>,
    #[serde(default, borrow)]
    pub user: Option<User<'a>>,
    #[serde(default, borrow)]
    pub guild_id: Scalar<'a>,
    #[serde(default, borrow)]
    pub channel_id: Scalar<'a>,
    #[serde(default, borrow)]
    pub channel: Option<Channel<'a>>,
    #[serde(default, borrow)]
    pub locale: Scalar<'a>,
    #[serde(default, borrow)]
    pub guild_locale: Scalar<'a>,
}

/// `data`: the command, its options, a component's custom id, a form's inputs.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Data<'a> {
    #[serde(default, borrow)]
    pub name: Scalar<'a>,
    #[serde(default, borrow)]
    pub options: Option<Vec<OptionWire<'a>>>,
    #[serde(default, borrow)]
    pub custom_id: Scalar<'a>,
    #[serde(default, borrow)]
    pub components: Option<Vec<Row<'a>>>,
}

#[derive(Debug, Deserialize)]
pub(super) struct OptionWire<'a> {
    #[serde(default, borrow)]
    pub name: Scalar<'a>,
    #[serde(default, borrow)]
    pub value: Scalar<'a>,
    #[serde(default)]
    pub focused: Scalar<'a>,
}

/// A row of a form's text inputs.
#[derive(Debug, Deserialize)]
pub(super) struct Row<'a> {
    #[serde(default, borrow)]
    pub components: Option<Vec<Input<'a>>>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Input<'a> {
    #[serde(default, borrow)]
    pub custom_id: Scalar<'a>,
    #[serde(default, borrow)]
    pub value: Scalar<'a>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Member<'a> {
    #[serde(default, borrow)]
    pub user: Option<User<'a>>,
    #[serde(default, borrow)]
    pub nick: Scalar<'a>,
    #[serde(default, borrow)]
    pub permissions: Scalar<'a>,
    #[serde(default, borrow)]
    pub roles: Option<Vec<Scalar<'a>>>,
}

#[derive(Debug, Deserialize)]
pub(super) struct User<'a> {
    #[serde(default, borrow)]
    pub id: Scalar<'a>,
    #[serde(default, borrow)]
    pub username: Scalar<'a>,
    #[serde(default, borrow)]
    pub global_name: Scalar<'a>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Channel<'a> {
    #[serde(default, borrow)]
    pub id: Scalar<'a>,
}

/// One JSON value where histbot wants text: a string (borrowed from the
/// body unless it has escapes), a number, a boolean, `null`, absent, or
/// something structured (which reads as empty).
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) enum Scalar<'a> {
    #[default]
    Absent,
    Null,
    Text(Cow<'a, str>),
    /// A non-negative integer.
    Unsigned(u64),
    Bool(bool),
    /// Any other number, written out as JSON writes it.
    Number(String),
    /// An array or an object.
    Structured,
}

impl Scalar<'_> {
    /// The value as text: strings as they are, numbers and booleans
    /// written out, anything else empty.
    pub fn text(&self) -> String {
        match self {
            Scalar::Text(text) => text.to_string(),
            Scalar::Unsigned(n) => n.to_string(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Number(n) => n.clone(),
            Scalar::Absent | Scalar::Null | Scalar::Structured => String::new(),
        }
    }

    /// The string, when the value is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Scalar::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The value when it is a non-negative integer.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Scalar::Unsigned(n) => Some(*n),
            _ => None,
        }
    }

    /// The value when it is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Scalar::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// Whether the field was there (even as `null`).
    pub fn is_present(&self) -> bool {
        !matches!(self, Scalar::Absent)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor(std::marker::PhantomData))
    }
}

struct ScalarVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ScalarVisitor<'a> {
    type Value = Scalar<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Unsigned(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(u64::try_from(v).map_or_else(|_| Scalar::Number(v.to_string()), Scalar::Unsigned))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Scalar::Null, |n| Scalar::Number(n.to_string())))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Scalar::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Structured)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Structured)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_as_text_as_json_writes_them() {
        let wire: Vec<Scalar> = serde_json::from_str(
            r#"["a\"b", "plain", 7, -3, 1948.5, true, null, [1, {"x": 2}], {"y": [3]}]"#,
        )
        .unwrap();
        let texts: Vec<String> = wire.iter().map(Scalar::text).collect();
        assert_eq!(
            texts,
            ["a\"b", "plain", "7", "-3", "1948.5", "true", "", "", ""]
        );
        assert!(
            matches!(wire[1], Scalar::Text(Cow::Borrowed("plain"))),
            "a string without escapes is borrowed"
        );
        assert_eq!(wire[2].as_u64(), Some(7));
        assert_eq!(wire[3].as_u64(), None);
    }

    #[test]
    fn unknown_fields_are_skipped() {
        let wire: Wire = serde_json::from_str(r#"{"type": 2, "id": 5, "extra": {"deep": [1, 2, {"a": null}]}, "data": {"name": "when", "resolved": {}}}"#).unwrap();
        assert_eq!(
            (wire.kind.as_u64(), wire.id.text()),
            (Some(2), "5".to_string())
        );
        assert_eq!(wire.data.map(|d| d.name.text()), Some("when".to_string()));
        assert!(!wire.token.is_present());
    }
}
