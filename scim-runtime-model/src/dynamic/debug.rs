//! The `Debug` of a [`DynamicResource`]: its JSON as `serde_json` prints it, with the value of
//! every attribute its schemas mark `writeOnly` or `returned: never` (RFC 7643 §7) shown as
//! `<redacted>`: core and extension attributes, sub-attributes at any depth, names in any case
//! (RFC 7643 §2.1), URN-qualified names (RFC 7644 §3.10) too. A null or empty value stays
//! visible, as the derived types show `None`.

use core::fmt;

use serde_json::{Map, Value};

use super::resource::DynamicResource;
use crate::attribute::{SchemaDef, COMMON_ATTRIBUTES};
use crate::redact::{lookup, qualified, Entry, Shown};

impl fmt::Debug for DynamicResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ty = self.resource_type();
        f.debug_struct("DynamicResource")
            .field("resource_type", &ty.name)
            .field(
                "data",
                &Top {
                    data: self.as_json(),
                    schema: ty.schema,
                    extensions: &ty.extensions,
                },
            )
            .finish()
    }
}

/// The top level: core attributes, common attributes and extension blocks.
struct Top<'a> {
    data: &'a Map<String, Value>,
    schema: &'static SchemaDef,
    extensions: &'a [(&'static SchemaDef, bool)],
}

impl fmt::Debug for Top<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in self.data {
            if let Some((ext, _)) = self
                .extensions
                .iter()
                .find(|(e, _)| e.id.eq_ignore_ascii_case(key))
            {
                map.entry(key, &Shown::new(value, ext.attributes));
                continue;
            }
            let def = lookup(self.schema.attributes, key)
                .or_else(|| lookup(COMMON_ATTRIBUTES, key))
                .or_else(|| qualified(self.schema, key))
                .or_else(|| self.extensions.iter().find_map(|(e, _)| qualified(e, key)));
            map.entry(key, &Entry { value, def });
        }
        map.finish()
    }
}
