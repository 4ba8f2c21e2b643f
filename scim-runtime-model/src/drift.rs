//! Schema drift: how a server's schemas moved away from the ones code was generated from.
//!
//! [`compare`] reports added and removed schemas and attributes, and every changed
//! characteristic (type, multiValued, required, mutability, returned, uniqueness, caseExact,
//! canonicalValues, referenceTypes, description), each with its attribute path and a
//! [`Severity`]. [`compare_resource_types`] does the same for ResourceType documents (their
//! endpoints and schema extensions). [`against`] compares the schemas a typed resource was built
//! from with the ones a server serves, [`against_resource_type`] its resource type.
//!
//! # Severities
//!
//! A change is **breaking** only when typed code generated from the old schemas would now send
//! a payload the server refuses, or refuse (or misread) a payload the server now sends. It is a
//! **notice** when that code keeps working but behaves differently: a filter that matches other
//! values, a value the server no longer returns unasked, a duplicate now refused. It is
//! **compatible** when nothing the code does changes.
//!
//! | change | severity | why |
//! |---|---|---|
//! | schema removed | breaking | the code sends and reads attributes of a schema the server no longer has |
//! | schema added | compatible | the code does not use it |
//! | attribute removed | breaking | the code sends a value the server refuses, and reads one that never comes |
//! | optional attribute added | compatible | the code keeps it, unread, among the other attributes |
//! | required attribute added, not `readOnly` | breaking | the code never sends it, so creation and replacement are refused |
//! | required attribute added, `readOnly` | compatible | the server sets it; responses are not checked for `required` |
//! | `type` changed | breaking | the field's Rust type no longer holds the JSON value |
//! | `type` between `string` and `reference` | notice | the same JSON string on the wire |
//! | `type` spelled differently, same type | compatible | the same type |
//! | `multiValued` changed | breaking | an array where the code writes and reads one value, or the reverse |
//! | `required` false → true, not `readOnly` | breaking | the code may send a resource without it |
//! | `required` false → true, `readOnly` | compatible | the server sets it |
//! | `required` true → false | notice | the code still insists on a value before sending |
//! | `mutability` narrowed (readWrite or writeOnly → readOnly or immutable; immutable → readOnly; readable → writeOnly) | breaking | the code writes a value the server refuses or ignores, or reads one it no longer returns |
//! | `mutability` widened or moved sideways (readOnly → readWrite, readOnly → immutable, writeOnly → readWrite, ...) | notice | the code keeps to the old, stricter rule |
//! | `returned` from `always` | breaking | the code's response check requires the value, which the server may now leave out |
//! | `returned` from `never` | breaking | the code's response check refuses the value, which the server may now send |
//! | `returned` otherwise (default ↔ request, to always or never) | notice | the value comes unasked, or no longer does |
//! | `uniqueness` changed | notice | payloads keep their shape; a duplicate may now be refused with 409, or accepted |
//! | `caseExact` changed | notice | payloads keep their shape; filters and uniqueness compare case differently |
//! | `canonicalValues` narrowed (a value dropped, or a list where there was none) | breaking | the code may send a value the server now refuses |
//! | `canonicalValues` widened (values added only, or the list dropped) | notice | the server may send a value the code does not name |
//! | `referenceTypes` changed | notice | the code's references are URIs of any kind; the server checks the kind |
//! | `description` changed | notice | documentation only |
//! | resource type removed | breaking | its endpoint is gone |
//! | resource type added | compatible | the code does not use it |
//! | resource type `endpoint` changed | notice | the client finds it by discovery; code that does not discover uses the old one |
//! | resource type `schema` changed | breaking | the resources are of another schema |
//! | required extension added | breaking | the code never sends it |
//! | optional extension added | compatible | the code does not use it |
//! | extension removed | breaking | the code sends attributes of an extension the type no longer takes |
//! | extension made required | breaking | the code may leave it out |
//! | extension made optional | notice | the server may now leave it out of what it returns |
//!
//! Names are matched case-insensitively (RFC 7643 §2.1); a name that changed only in case is
//! not a change.
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

use crate::schema::{Attribute, ResourceType, Schema};
use crate::Resource;

/// How a change affects code generated from the old schemas; ordered from the least to the
/// most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Nothing the code does changes.
    Compatible,
    /// The code keeps working, but behaves differently against the server.
    Notice,
    /// The code may send what the server refuses, or refuse or misread what it sends.
    Breaking,
}

impl Severity {
    /// The word a report line starts with: `compatible`, `notice` or `breaking`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Compatible => "compatible",
            Self::Notice => "notice",
            Self::Breaking => "breaking",
        }
    }
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
    /// A characteristic changed from `old` to `new` (as written in Schema and ResourceType
    /// documents).
    Characteristic {
        /// `type`, `multiValued`, `required`, `mutability`, `returned`, `uniqueness`,
        /// `caseExact`, `canonicalValues`, `referenceTypes` or `description` of an attribute;
        /// `endpoint` or `schema` of a resource type.
        name: &'static str,
        /// The old value.
        old: String,
        /// The new value.
        new: String,
    },
    /// A resource type the old set did not have.
    ResourceTypeAdded,
    /// A resource type the new set no longer has.
    ResourceTypeRemoved,
    /// A schema extension the resource type did not have (RFC 7643 §6 `schemaExtensions`).
    ExtensionAdded {
        /// The extension's schema URN.
        extension: String,
        /// Whether resources must carry it.
        required: bool,
    },
    /// A schema extension the resource type no longer has.
    ExtensionRemoved {
        /// The extension's schema URN.
        extension: String,
    },
    /// A schema extension's `required` changed.
    ExtensionRequired {
        /// The extension's schema URN.
        extension: String,
        /// The old value.
        old: bool,
        /// The new value.
        new: bool,
    },
}

/// One difference between two schema sets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Drift {
    /// The schema URN; for a resource type, its core schema's (or its name when it has none).
    pub schema: String,
    /// The attribute path (`emails.type`); empty for a whole schema or resource type.
    pub path: String,
    /// What changed.
    pub change: Change,
    /// How it affects the client.
    pub severity: Severity,
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = self.severity.as_str();
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
            Change::ResourceTypeAdded => write!(f, "{severity}: {target}: resource type added"),
            Change::ResourceTypeRemoved => {
                write!(f, "{severity}: {target}: resource type removed")
            }
            Change::ExtensionAdded {
                extension,
                required,
            } => write!(
                f,
                "{severity}: {target}: {} extension {extension} added",
                if *required { "required" } else { "optional" }
            ),
            Change::ExtensionRemoved { extension } => {
                write!(f, "{severity}: {target}: extension {extension} removed")
            }
            Change::ExtensionRequired {
                extension,
                old,
                new,
            } => write!(
                f,
                "{severity}: {target}: extension {extension} required {old} -> {new}"
            ),
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
        self.worst() == Some(Severity::Breaking)
    }

    /// The most serious severity in the report; `None` when nothing changed.
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(|c| c.severity).max()
    }

    /// The changes of this severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Drift> {
        self.changes.iter().filter(move |c| c.severity == severity)
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

/// Compares the resource type `T` was built from with the one a server serves for the same
/// core schema (its endpoint and schema extensions); a server that serves none for it is
/// reported as the resource type removed.
pub fn against_resource_type<T: Resource>(served: &[ResourceType]) -> DriftReport {
    let old = T::resource_type();
    let mut changes = Vec::new();
    let same = served.iter().find(
        |n| matches!((&old.schema, &n.schema), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b)),
    );
    match same {
        Some(new) => compare_resource_type(&old, new, &mut changes),
        None => changes.push(Drift {
            schema: resource_type_label(&old),
            path: String::new(),
            change: Change::ResourceTypeRemoved,
            severity: Severity::Breaking,
        }),
    }
    DriftReport { changes }
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

/// Compares two sets of ResourceType documents (RFC 7643 §6), matching them by name
/// case-insensitively: removed and added types, and each type's endpoint, core schema and
/// schema extensions.
pub fn compare_resource_types(old: &[ResourceType], new: &[ResourceType]) -> DriftReport {
    let same_name = |a: &ResourceType, b: &ResourceType| matches!((&a.name, &b.name), (Some(x), Some(y)) if x.eq_ignore_ascii_case(y));
    let mut changes = Vec::new();
    for o in old {
        match new.iter().find(|n| same_name(o, n)) {
            Some(n) => compare_resource_type(o, n, &mut changes),
            None => changes.push(Drift {
                schema: resource_type_label(o),
                path: String::new(),
                change: Change::ResourceTypeRemoved,
                severity: Severity::Breaking,
            }),
        }
    }
    for n in new {
        if !old.iter().any(|o| same_name(o, n)) {
            changes.push(Drift {
                schema: resource_type_label(n),
                path: String::new(),
                change: Change::ResourceTypeAdded,
                severity: Severity::Compatible,
            });
        }
    }
    DriftReport { changes }
}

fn resource_type_label(rt: &ResourceType) -> String {
    rt.schema
        .clone()
        .or_else(|| rt.name.clone())
        .unwrap_or_default()
}

fn compare_resource_type(o: &ResourceType, n: &ResourceType, out: &mut Vec<Drift>) {
    let schema = resource_type_label(o);
    let mut push = |change: Change, severity: Severity| {
        out.push(Drift {
            schema: schema.clone(),
            path: String::new(),
            change,
            severity,
        });
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let (oe, ne) = (text(&o.endpoint), text(&n.endpoint));
    if oe.trim_end_matches('/') != ne.trim_end_matches('/') {
        push(
            Change::Characteristic {
                name: "endpoint",
                old: oe,
                new: ne,
            },
            Severity::Notice,
        );
    }
    let (os, ns) = (text(&o.schema), text(&n.schema));
    if !os.eq_ignore_ascii_case(&ns) {
        push(
            Change::Characteristic {
                name: "schema",
                old: os,
                new: ns,
            },
            Severity::Breaking,
        );
    }
    let urn = |e: &crate::schema::SchemaExtension| e.schema.clone().unwrap_or_default();
    let required = |e: &crate::schema::SchemaExtension| e.required.unwrap_or(false);
    for oe in &o.schema_extensions {
        let extension = urn(oe);
        match n
            .schema_extensions
            .iter()
            .find(|ne| urn(ne).eq_ignore_ascii_case(&extension))
        {
            None => push(Change::ExtensionRemoved { extension }, Severity::Breaking),
            Some(ne) if required(oe) != required(ne) => {
                let (old, new) = (required(oe), required(ne));
                push(
                    Change::ExtensionRequired {
                        extension,
                        old,
                        new,
                    },
                    if new {
                        Severity::Breaking
                    } else {
                        Severity::Notice
                    },
                );
            }
            Some(_) => {}
        }
    }
    for ne in &n.schema_extensions {
        let extension = urn(ne);
        if !o
            .schema_extensions
            .iter()
            .any(|oe| urn(oe).eq_ignore_ascii_case(&extension))
        {
            let required = required(ne);
            push(
                Change::ExtensionAdded {
                    extension,
                    required,
                },
                if required {
                    Severity::Breaking
                } else {
                    Severity::Compatible
                },
            );
        }
    }
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
                // A new required attribute is one the client never sends, unless the server
                // sets it itself.
                severity: if required && !is_read_only(n) {
                    Severity::Breaking
                } else {
                    Severity::Compatible
                },
            });
        }
    }
}

fn is_read_only(a: &Attribute) -> bool {
    a.effective_mutability() == crate::attribute::Mutability::ReadOnly
}

fn compare_characteristics(
    schema: &str,
    path: &str,
    o: &Attribute,
    n: &Attribute,
    out: &mut Vec<Drift>,
) {
    use crate::attribute::{AttributeType as T, Mutability as M, Returned as R};
    use Severity::{Breaking, Compatible, Notice};
    let mut push = |name: &'static str, old: String, new: String, severity: Severity| {
        if old != new {
            out.push(Drift {
                schema: schema.to_owned(),
                path: path.to_owned(),
                change: Change::Characteristic { name, old, new },
                severity,
            });
        }
    };
    let (ot, nt) = (o.attribute_type(), n.attribute_type());
    let strings = |t: Option<T>| matches!(t, Some(T::String | T::Reference));
    push(
        "type",
        o.ty.clone(),
        n.ty.clone(),
        if o.ty.eq_ignore_ascii_case(&n.ty) || (ot.is_some() && ot == nt) {
            Compatible
        } else if strings(ot) && strings(nt) {
            Notice
        } else {
            Breaking
        },
    );
    push(
        "multiValued",
        o.is_multi_valued().to_string(),
        n.is_multi_valued().to_string(),
        Breaking,
    );
    push(
        "required",
        o.is_required().to_string(),
        n.is_required().to_string(),
        match (o.is_required(), n.is_required()) {
            (false, true) if !is_read_only(n) => Breaking,
            (false, true) => Compatible,
            _ => Notice,
        },
    );
    let (om, nm) = (o.effective_mutability(), n.effective_mutability());
    // Where the code writes and reads the attribute, and where the server now lets it.
    let creatable = |m: M| m != M::ReadOnly;
    let replaceable = |m: M| matches!(m, M::ReadWrite | M::WriteOnly);
    let readable = |m: M| m != M::WriteOnly;
    let narrowed = (creatable(om) && !creatable(nm))
        || (replaceable(om) && !replaceable(nm))
        || (readable(om) && !readable(nm));
    push(
        "mutability",
        om.as_str().to_owned(),
        nm.as_str().to_owned(),
        if narrowed { Breaking } else { Notice },
    );
    let (or, nr) = (o.effective_returned(), n.effective_returned());
    push(
        "returned",
        or.as_str().to_owned(),
        nr.as_str().to_owned(),
        // The response check of the old schema requires `always` values and refuses `never`
        // ones (RFC 7643 §7).
        if matches!(or, R::Always | R::Never) {
            Breaking
        } else {
            Notice
        },
    );
    let (ou, nu) = (o.effective_uniqueness(), n.effective_uniqueness());
    push(
        "uniqueness",
        ou.as_str().to_owned(),
        nu.as_str().to_owned(),
        Notice,
    );
    push(
        "caseExact",
        o.is_case_exact().to_string(),
        n.is_case_exact().to_string(),
        Notice,
    );
    let sorted = |list: &Option<Vec<String>>| -> Vec<String> {
        let mut v = list.clone().unwrap_or_default();
        v.sort();
        v
    };
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
    // An empty list allows any value; a value dropped from a list, or a list where there was
    // none, refuses values the code may send.
    let narrowed = !nv.is_empty() && (ov.is_empty() || ov.iter().any(|v| !nv.contains(v)));
    push(
        "canonicalValues",
        format!("{ov:?}"),
        format!("{nv:?}"),
        if narrowed { Breaking } else { Notice },
    );
    let (orf, nrf) = (sorted(&o.reference_types), sorted(&n.reference_types));
    push(
        "referenceTypes",
        format!("{orf:?}"),
        format!("{nrf:?}"),
        Notice,
    );
    let description = |a: &Attribute| a.description.clone().unwrap_or_default();
    push("description", description(o), description(n), Notice);
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
        // The table of the module docs: only what makes the old code send or accept wrong
        // payloads is breaking.
        assert_eq!(
            got,
            [
                ("userName".to_owned(), Severity::Notice),
                ("displayName".to_owned(), Severity::Breaking),
                ("nickName".to_owned(), Severity::Breaking),
                ("title".to_owned(), Severity::Notice),
                ("locale".to_owned(), Severity::Notice),
                ("timezone".to_owned(), Severity::Notice),
            ]
        );
        assert_eq!(
            report.changes[2].to_string(),
            "breaking: urn:ietf:params:scim:schemas:core:2.0:User / nickName: mutability readWrite -> readOnly"
        );
        assert_eq!(report.worst(), Some(Severity::Breaking));
        assert_eq!(report.with_severity(Severity::Notice).count(), 4);
    }

    const U: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// One row of the severity table: a change to a copy of the standard User schema, and the
    /// one line the report must then hold.
    fn row(change: impl FnOnce(&mut Vec<Schema>), expected: &str) {
        row_from(|_| {}, change, expected);
    }

    /// A row whose old schema is first changed by `base`, for characteristics the standard
    /// User has nowhere.
    fn row_from(
        base: impl Fn(&mut Vec<Schema>),
        change: impl FnOnce(&mut Vec<Schema>),
        expected: &str,
    ) {
        let mut old = user();
        base(&mut old);
        let mut new = old.clone();
        change(&mut new);
        let report = compare(&old, &new);
        let lines: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
        assert_eq!(lines, [expected.replace("U:", U)], "{report}");
    }

    fn attr<'a>(schemas: &'a mut [Schema], path: &str) -> &'a mut Attribute {
        let mut names = path.split('.');
        let mut a = find(schemas, names.next().unwrap());
        for name in names {
            a = a
                .sub_attributes
                .as_mut()
                .unwrap()
                .iter_mut()
                .find(|s| s.name == name)
                .unwrap();
        }
        a
    }

    #[test]
    fn golden_schema_and_attribute_rows() {
        row(
            |s| {
                s.remove(1);
            },
            "breaking: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User: schema removed",
        );
        row(
            |s| {
                s.push(Schema {
                    id: "urn:example:Badge".into(),
                    ..Schema::default()
                })
            },
            "compatible: urn:example:Badge: schema added",
        );
        row(
            |s| s[0].attributes.retain(|a| a.name != "nickName"),
            "breaking: U: / nickName: attribute removed",
        );
        let added = |required: bool, mutability: &str| Attribute {
            name: "badge".into(),
            ty: "string".into(),
            required: Some(required),
            mutability: Some(mutability.into()),
            ..Default::default()
        };
        row(
            |s| s[0].attributes.push(added(false, "readWrite")),
            "compatible: U: / badge: optional attribute added",
        );
        row(
            |s| s[0].attributes.push(added(true, "readWrite")),
            "breaking: U: / badge: required attribute added",
        );
        row(
            |s| s[0].attributes.push(added(true, "readOnly")),
            "compatible: U: / badge: required attribute added",
        );
    }

    #[test]
    fn golden_type_and_multi_valued_rows() {
        row(
            |s| attr(s, "title").ty = "integer".into(),
            "breaking: U: / title: type string -> integer",
        );
        row(
            |s| attr(s, "profileUrl").ty = "string".into(),
            "notice: U: / profileUrl: type reference -> string",
        );
        row(
            |s| attr(s, "title").ty = "String".into(),
            "compatible: U: / title: type string -> String",
        );
        row(
            |s| attr(s, "title").multi_valued = Some(true),
            "breaking: U: / title: multiValued false -> true",
        );
        row(
            |s| attr(s, "emails").multi_valued = Some(false),
            "breaking: U: / emails: multiValued true -> false",
        );
    }

    #[test]
    fn golden_required_rows() {
        row(
            |s| attr(s, "title").required = Some(true),
            "breaking: U: / title: required false -> true",
        );
        row(
            |s| attr(s, "groups.display").required = Some(true),
            "compatible: U: / groups / display: required false -> true",
        );
        row(
            |s| attr(s, "userName").required = Some(false),
            "notice: U: / userName: required true -> false",
        );
    }

    #[test]
    fn golden_mutability_rows() {
        let set = |path: &'static str, m: &'static str| {
            move |s: &mut Vec<Schema>| attr(s, path).mutability = Some(m.into())
        };
        row(
            set("title", "readOnly"),
            "breaking: U: / title: mutability readWrite -> readOnly",
        );
        row(
            set("title", "immutable"),
            "breaking: U: / title: mutability readWrite -> immutable",
        );
        row(
            set("title", "writeOnly"),
            "breaking: U: / title: mutability readWrite -> writeOnly",
        );
        row(
            set("password", "readOnly"),
            "breaking: U: / password: mutability writeOnly -> readOnly",
        );
        let immutable = set("title", "immutable");
        row_from(
            immutable,
            set("title", "readOnly"),
            "breaking: U: / title: mutability immutable -> readOnly",
        );
        row(
            set("groups", "readWrite"),
            "notice: U: / groups: mutability readOnly -> readWrite",
        );
        row(
            set("groups", "immutable"),
            "notice: U: / groups: mutability readOnly -> immutable",
        );
        row(
            set("password", "readWrite"),
            "notice: U: / password: mutability writeOnly -> readWrite",
        );
        row_from(
            immutable,
            set("title", "readWrite"),
            "notice: U: / title: mutability immutable -> readWrite",
        );
    }

    #[test]
    fn golden_returned_rows() {
        let set = |path: &'static str, r: &'static str| {
            move |s: &mut Vec<Schema>| attr(s, path).returned = Some(r.into())
        };
        row_from(
            set("title", "always"),
            set("title", "default"),
            "breaking: U: / title: returned always -> default",
        );
        row(
            set("password", "default"),
            "breaking: U: / password: returned never -> default",
        );
        row(
            set("title", "request"),
            "notice: U: / title: returned default -> request",
        );
        row(
            set("title", "never"),
            "notice: U: / title: returned default -> never",
        );
        row(
            set("title", "always"),
            "notice: U: / title: returned default -> always",
        );
    }

    #[test]
    fn golden_uniqueness_case_exact_and_description_rows() {
        row(
            |s| attr(s, "title").uniqueness = Some("server".into()),
            "notice: U: / title: uniqueness none -> server",
        );
        row(
            |s| attr(s, "userName").uniqueness = Some("none".into()),
            "notice: U: / userName: uniqueness server -> none",
        );
        row(
            |s| attr(s, "title").case_exact = Some(true),
            "notice: U: / title: caseExact false -> true",
        );
        row_from(
            |s| attr(s, "title").case_exact = Some(true),
            |s| attr(s, "title").case_exact = Some(false),
            "notice: U: / title: caseExact true -> false",
        );
        row(
            |s| attr(s, "title").description = Some("The job title.".into()),
            "notice: U: / title: description The user's title, such as \"Vice President.\" -> The job title.",
        );
    }

    #[test]
    fn golden_canonical_values_and_reference_types_rows() {
        let values = |v: &[&str]| Some(v.iter().map(|s| serde_json::json!(s)).collect());
        row(
            move |s| attr(s, "emails.type").canonical_values = values(&["work", "home"]),
            r#"breaking: U: / emails / type: canonicalValues ["home", "other", "work"] -> ["home", "work"]"#,
        );
        row(
            move |s| attr(s, "title").canonical_values = values(&["CEO"]),
            r#"breaking: U: / title: canonicalValues [] -> ["CEO"]"#,
        );
        row(
            move |s| {
                attr(s, "emails.type").canonical_values =
                    values(&["work", "home", "other", "school"])
            },
            r#"notice: U: / emails / type: canonicalValues ["home", "other", "work"] -> ["home", "other", "school", "work"]"#,
        );
        row(
            |s| attr(s, "emails.type").canonical_values = None,
            r#"notice: U: / emails / type: canonicalValues ["home", "other", "work"] -> []"#,
        );
        row(
            |s| attr(s, "groups.$ref").reference_types = Some(vec!["Group".into()]),
            r#"notice: U: / groups / $ref: referenceTypes ["Group", "User"] -> ["Group"]"#,
        );
    }

    #[test]
    fn a_name_that_changed_only_in_case_is_no_change() {
        let mut new = user();
        find(&mut new, "nickName").name = "NICKNAME".into();
        assert!(compare(&user(), &new).is_empty());
    }

    fn types() -> Vec<ResourceType> {
        vec![User::resource_type(), crate::Group::resource_type()]
    }

    fn type_row(change: impl FnOnce(&mut Vec<ResourceType>), expected: &str) {
        let mut new = types();
        change(&mut new);
        let report = compare_resource_types(&types(), &new);
        let lines: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
        assert_eq!(lines, [expected.replace("U:", U)], "{report}");
    }

    const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    fn extension(urn: &str, required: bool) -> crate::schema::SchemaExtension {
        crate::schema::SchemaExtension {
            schema: Some(urn.into()),
            required: Some(required),
            ..Default::default()
        }
    }

    #[test]
    fn golden_resource_type_rows() {
        assert!(compare_resource_types(&types(), &types()).is_empty());
        type_row(
            |t| {
                t.remove(1);
            },
            "breaking: urn:ietf:params:scim:schemas:core:2.0:Group: resource type removed",
        );
        type_row(
            |t| {
                t.push(ResourceType {
                    name: Some("Device".into()),
                    schema: Some("urn:example:Device".into()),
                    ..Default::default()
                })
            },
            "compatible: urn:example:Device: resource type added",
        );
        type_row(
            |t| t[0].endpoint = Some("/People".into()),
            "notice: U:: endpoint /Users -> /People",
        );
        type_row(
            |t| t[0].schema = Some("urn:example:Person".into()),
            "breaking: U:: schema urn:ietf:params:scim:schemas:core:2.0:User -> urn:example:Person",
        );
        type_row(
            |t| {
                t[0].schema_extensions
                    .push(extension("urn:example:Badge", true))
            },
            "breaking: U:: required extension urn:example:Badge added",
        );
        type_row(
            |t| {
                t[0].schema_extensions
                    .push(extension("urn:example:Badge", false))
            },
            "compatible: U:: optional extension urn:example:Badge added",
        );
        type_row(
            |t| t[0].schema_extensions.clear(),
            &format!("breaking: U:: extension {ENTERPRISE} removed"),
        );
        type_row(
            |t| t[0].schema_extensions[0].required = Some(true),
            &format!("breaking: U:: extension {ENTERPRISE} required false -> true"),
        );
        let mut required = types();
        required[0].schema_extensions[0].required = Some(true);
        let report = compare_resource_types(&required, &types());
        assert_eq!(
            report.changes[0].to_string(),
            format!("notice: {U}: extension {ENTERPRISE} required true -> false")
        );
    }

    #[test]
    fn against_resource_type_matches_by_schema() {
        let mut served = types();
        assert!(against_resource_type::<User>(&served).is_empty());
        served[0].schema_extensions[0].required = Some(true);
        let report = against_resource_type::<User>(&served);
        assert!(report.is_breaking(), "{report}");
        let report = against_resource_type::<User>(&served[1..]);
        assert_eq!(report.changes[0].change, Change::ResourceTypeRemoved);
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
