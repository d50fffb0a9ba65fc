//! Reading the plan's types out of a `serde_json::Value`, for size.
//!
//! `serde_json`'s own deserialiser for `&Value` lets every struct be read from either a JSON object
//! or a JSON array (by field order), so the wasm carried a second, never-used reader for each plan
//! type: measured, 25 KB raw before `wasm-opt`. Plans only ever hold objects, so this one reads a
//! struct from an object and refuses anything else with the same message `serde_json` gives.
//! Everything else (strings, numbers, lists, maps, options, unit enums) reads as before.

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{Deserializer, Error as _, Unexpected, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Value};

/// A `Deserializer` over a borrowed JSON value that reads structs from objects only.
pub(super) struct Read<'a>(pub &'a Value);

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (_, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'a> Read<'a> {
    fn refuse<T, V: Visitor<'a>>(&self, visitor: &V) -> Result<T, Error> {
        Err(Error::invalid_type(unexpected(self.0), visitor))
    }

    fn map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => {
                let mut access = MapDeserializer::new(
                    map.iter()
                        .map(|(k, v)| (BorrowedStrDeserializer::<Error>::new(k), Read(v))),
                );
                let value = visitor.visit_map(&mut access)?;
                access.end()?;
                Ok(value)
            }
            _ => self.refuse(&visitor),
        }
    }
}

impl<'a> serde::de::IntoDeserializer<'a, Error> for Read<'a> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Deserializer<'de> for Read<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (_, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(_) => self.deserialize_seq(visitor),
            Value::Object(_) => self.map(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => {
                let mut access = SeqDeserializer::new(items.iter().map(Read));
                let value = visitor.visit_seq(&mut access)?;
                access.end()?;
                Ok(value)
            }
            _ => self.refuse(&visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // The plan's enums are all unit variants, written as strings.
        match self.0 {
            Value::String(s) => visitor.visit_enum(BorrowedStrDeserializer::<Error>::new(s)),
            _ => self.refuse(&visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct tuple tuple_struct identifier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::sections::{Action, Period};
    use serde::Deserialize;
    use serde_json::json;

    fn both<T: for<'a> Deserialize<'a> + PartialEq + std::fmt::Debug>(value: Value) {
        let ours = T::deserialize(Read(&value)).map_err(|e| e.to_string());
        let theirs = T::deserialize(&value).map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "{value}");
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_with_the_same_words() {
        both::<Action>(
            json!({"id": "a1", "text": "Audit", "status": "at_risk", "anchors": ["1.1"]}),
        );
        both::<Action>(json!({"id": "a1", "status": "sideways"}));
        both::<Action>(json!({"id": 7}));
        both::<Action>(json!("not an action"));
        both::<Period>(
            json!({"id": "d1", "label": "2024-25", "metrics": [{"metric": "cpd", "ce": "4"}],
            "figures": {"appointed": {"black": {"count": 3, "total": 10}}}, "unknown": [1, {"x": null}]}),
        );
        both::<Period>(json!({"id": "d1", "bands": [{"id": "b1", "name": null}]}));
        both::<Option<u32>>(json!(null));
        both::<Option<u32>>(json!(-4));
        both::<f64>(json!(1.5));
        both::<Vec<String>>(json!(["a", 2]));
    }

    #[test]
    fn a_struct_written_as_a_list_is_refused() {
        // serde_json would read this by field order; a plan never holds one.
        let value = json!(["a1", "Audit"]);
        let err = Action::deserialize(Read(&value)).unwrap_err().to_string();
        assert!(
            err.starts_with("invalid type: sequence, expected struct Action"),
            "{err}"
        );
    }
}
