//! Schema drift: how a server's schemas moved away from the ones code was generated from.
//!
//! [`compare`] reports added and removed schemas and attributes, and every changed
//! characteristic (type, multiValued, required, mutability, returned, uniqueness, caseExact,
//! canonicalValues), each with its attribute path and a [`Severity`]: `Breaking` when a client
//! built on the old schemas can now send what the server refuses or miss what it relied on,
//! `Compatible` otherwise. [`against`] compares the schemas a typed resource was built from with
//! the ones a server serves.
//!
//! ```
//! use scim_runtime::{drift, Resource, User};
//!
//! let mut served = User::schemas();
//! served[0].attributes.retain(|a| a.name != "nickName");
//! let report = drift::against::<User>(&served);
//! assert!(report.is_breaking());
//! assert_eq!(report.changes[0].path, "nickName");
//! ```

use core::fmt;

use crate::schema::{Attribute, Schema};
use crate::Resource;

/// How a change affects a client built on the old schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The client keeps working.
    Compatible,
    /// The client may send what the server refuses, or miss what it relied on.
    Breaking,
}

/// What changed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Change {
    /// A schema the old set did not have.
    SchemaAdded,
    /// A schema the new set no longer has.
    SchemaRemoved,
    /// An attribute the old schema did not have.
    AttributeAdded {
        /// Whether it is required.
        required: bool,
    },
    /// An attribute the new schema no longer has.
    AttributeRemoved,
    /// A characteristic changed from `old` to `new` (as written in Schema documents).
    Characteristic {
        /// `type`, `multiValued`, `required`, `mutability`, `returned`, `uniqueness`,
        /// `caseExact` or `canonicalValues`.
        name: &'static str,
        /// The old value.
        old: String,
        /// The new value.
        new: String,
    },
}

/// One difference between two schema sets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Drift {
    /// The schema URN.
    pub schema: String,
    /// The attribute path (`emails.type`); empty for a whole schema.
    pub path: String,
    /// What changed.
    pub change: Change,
    /// How it affects the client.
    pub severity: Severity,
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Breaking => "breaking",
            Severity::Compatible => "compatible",
        };
        let target = if self.path.is_empty() {
            self.schema.clone()
        } else {
            format!("{} / {}", self.schema, self.path.replace('.', " / "))
        };
        match &self.change {
            Change::SchemaAdded => write!(f, "{severity}: {target}: schema added"),
            Change::SchemaRemoved => write!(f, "{severity}: {target}: schema removed"),
            Change::AttributeAdded { required } => {
                write!(
                    f,
                    "{severity}: {target}: {} attribute added",
                    if *required { "required" } else { "optional" }
                )
            }
            Change::AttributeRemoved => write!(f, "{severity}: {target}: attribute removed"),
            Change::Characteristic { name, old, new } => {
                write!(f, "{severity}: {target}: {name} {old} -> {new}")
            }
        }
    }
}

/// Every difference, in schema and attribute order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DriftReport {
    /// The differences.
    pub changes: Vec<Drift>,
}

impl DriftReport {
    /// Whether any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.severity == Severity::Breaking)
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl fmt::Display for DriftReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.changes {
            writeln!(f, "{c}")?;
        }
        Ok(())
    }
}

/// Compares the schemas `T` was built from (its core schema and extensions) with the schemas a
/// server serves: schemas the server adds are not reported, as the client does not use them.
pub fn against<T: Resource>(served: &[Schema]) -> DriftReport {
    against_schemas(&T::schemas(), served)
}

/// Compares the schemas a client uses (such as `User::schemas()` and `Group::schemas()`
/// together) with the schemas a server serves, as [`against`] does: only the schemas in `used`
/// are compared, and one the server lacks is reported removed.
pub fn against_schemas(used: &[Schema], served: &[Schema]) -> DriftReport {
    let mut old: Vec<&Schema> = Vec::with_capacity(used.len());
    for u in used {
        // A schema shared by two types (an extension used twice) is compared once.
        if !old.iter().any(|o| o.id.eq_ignore_ascii_case(&u.id)) {
            old.push(u);
        }
    }
    let old: Vec<Schema> = old.into_iter().cloned().collect();
    let relevant: Vec<Schema> = served
        .iter()
        .filter(|s| old.iter().any(|u| u.id.eq_ignore_ascii_case(&s.id)))
        .cloned()
        .collect();
    compare(&old, &relevant)
}

/// Compares two schema sets, matching schemas by URN and attributes by name, both
/// case-insensitively (RFC 7643 §2.1).
pub fn compare(old: &[Schema], new: &[Schema]) -> DriftReport {
    let mut changes = Vec::new();
    for o in old {
        match new.iter().find(|n| n.id.eq_ignore_ascii_case(&o.id)) {
            Some(n) => compare_attributes(&o.id, "", &o.attributes, &n.attributes, &mut changes),
            None => changes.push(Drift {
                schema: o.id.clone(),
                path: String::new(),
                change: Change::SchemaRemoved,
                severity: Severity::Breaking,
            }),
        }
    }
    for n in new {
        if !old.iter().any(|o| o.id.eq_ignore_ascii_case(&n.id)) {
            changes.push(Drift {
                schema: n.id.clone(),
                path: String::new(),
                change: Change::SchemaAdded,
                severity: Severity::Compatible,
            });
        }
    }
    DriftReport { changes }
}

fn compare_attributes(
    schema: &str,
    parent: &str,
    old: &[Attribute],
    new: &[Attribute],
    out: &mut Vec<Drift>,
) {
    let path_of = |name: &str| {
        if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        }
    };
    for o in old {
        let path = path_of(&o.name);
        match new.iter().find(|n| n.name.eq_ignore_ascii_case(&o.name)) {
            None => out.push(Drift {
                schema: schema.to_owned(),
                path,
                change: Change::AttributeRemoved,
                severity: Severity::Breaking,
            }),
            Some(n) => {
                compare_characteristics(schema, &path, o, n, out);
                compare_attributes(schema, &path, o.sub_attributes(), n.sub_attributes(), out);
            }
        }
    }
    for n in new {
        if !old.iter().any(|o| o.name.eq_ignore_ascii_case(&n.name)) {
            let required = n.is_required();
            out.push(Drift {
                schema: schema.to_owned(),
                path: path_of(&n.name),
                change: Change::AttributeAdded { required },
                // A new required attribute is one the client never sends.
                severity: if required {
                    Severity::Breaking
                } else {
                    Severity::Compatible
                },
            });
        }
    }
}

fn compare_characteristics(
    schema: &str,
    path: &str,
    o: &Attribute,
    n: &Attribute,
    out: &mut Vec<Drift>,
) {
    use crate::attribute::{Mutability as M, Returned as R, Uniqueness as U};
    let mut push = |name: &'static str, old: String, new: String, breaking: bool| {
        if old != new {
            out.push(Drift {
                schema: schema.to_owned(),
                path: path.to_owned(),
                change: Change::Characteristic { name, old, new },
                severity: if breaking {
                    Severity::Breaking
                } else {
                    Severity::Compatible
                },
            });
        }
    };
    let (ot, nt) = (o.attribute_type(), n.attribute_type());
    push("type", o.ty.clone(), n.ty.clone(), ot != nt);
    push(
        "multiValued",
        o.is_multi_valued().to_string(),
        n.is_multi_valued().to_string(),
        true,
    );
    push(
        "required",
        o.is_required().to_string(),
        n.is_required().to_string(),
        n.is_required(),
    );
    let (om, nm) = (o.effective_mutability(), n.effective_mutability());
    // Losing the right to write breaks a client that writes; gaining it does not.
    let writable = |m: M| matches!(m, M::ReadWrite | M::WriteOnly);
    let readable = |m: M| m != M::WriteOnly;
    push(
        "mutability",
        om.as_str().to_owned(),
        nm.as_str().to_owned(),
        (writable(om) && !writable(nm))
            || (readable(om) && !readable(nm))
            || (om != M::Immutable && nm == M::Immutable),
    );
    let (or, nr) = (o.effective_returned(), n.effective_returned());
    let returned_by_default = |r: R| matches!(r, R::Always | R::Default);
    push(
        "returned",
        or.as_str().to_owned(),
        nr.as_str().to_owned(),
        returned_by_default(or) && !returned_by_default(nr),
    );
    let (ou, nu) = (o.effective_uniqueness(), n.effective_uniqueness());
    let rank = |u: U| match u {
        U::None => 0,
        U::Server => 1,
        U::Global => 2,
    };
    push(
        "uniqueness",
        ou.as_str().to_owned(),
        nu.as_str().to_owned(),
        rank(nu) > rank(ou),
    );
    push(
        "caseExact",
        o.is_case_exact().to_string(),
        n.is_case_exact().to_string(),
        // Values that matched case-insensitively may no longer match.
        n.is_case_exact() && !o.is_case_exact(),
    );
    let values = |a: &Attribute| -> Vec<String> {
        let mut v: Vec<String> = a
            .canonical_values
            .iter()
            .flatten()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect();
        v.sort();
        v
    };
    let (ov, nv) = (values(o), values(n));
    let removed = ov.iter().any(|v| !nv.contains(v)) && !nv.is_empty();
    push(
        "canonicalValues",
        format!("{ov:?}"),
        format!("{nv:?}"),
        removed,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::User;

    fn user() -> Vec<Schema> {
        User::schemas()
    }

    fn find<'a>(schemas: &'a mut [Schema], name: &str) -> &'a mut Attribute {
        schemas[0]
            .attributes
            .iter_mut()
            .find(|a| a.name == name)
            .unwrap()
    }

    #[test]
    fn nothing_changed() {
        assert!(compare(&user(), &user()).is_empty());
    }

    #[test]
    fn each_characteristic_has_its_severity() {
        let old = user();
        let mut new = user();
        find(&mut new, "nickName").mutability = Some("readOnly".into());
        find(&mut new, "title").returned = Some("request".into());
        find(&mut new, "displayName").required = Some(true);
        find(&mut new, "userName").required = Some(false);
        find(&mut new, "locale").case_exact = Some(true);
        find(&mut new, "timezone").uniqueness = Some("server".into());
        let report = compare(&old, &new);
        let got: Vec<(String, Severity)> = report
            .changes
            .iter()
            .map(|c| (c.path.clone(), c.severity))
            .collect();
        assert_eq!(
            got,
            [
                ("userName".to_owned(), Severity::Compatible),
                ("displayName".to_owned(), Severity::Breaking),
                ("nickName".to_owned(), Severity::Breaking),
                ("title".to_owned(), Severity::Breaking),
                ("locale".to_owned(), Severity::Breaking),
                ("timezone".to_owned(), Severity::Breaking),
            ]
        );
        assert_eq!(
            report.changes[2].to_string(),
            "breaking: urn:ietf:params:scim:schemas:core:2.0:User / nickName: mutability readWrite -> readOnly"
        );
    }

    #[test]
    fn added_and_removed() {
        let old = user();
        let mut new = user();
        new[0].attributes.retain(|a| a.name != "ims");
        new[0].attributes.push(Attribute {
            name: "badge".into(),
            ty: "string".into(),
            ..Default::default()
        });
        new.remove(1);
        let report = compare(&old, &new);
        let kinds: Vec<_> = report
            .changes
            .iter()
            .map(|c| (&c.change, c.severity))
            .collect();
        assert_eq!(
            kinds,
            [
                (&Change::AttributeRemoved, Severity::Breaking),
                (
                    &Change::AttributeAdded { required: false },
                    Severity::Compatible
                ),
                (&Change::SchemaRemoved, Severity::Breaking),
            ]
        );
    }
}
