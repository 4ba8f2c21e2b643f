//! The derive input read into a model: what kind of SCIM object, which attributes, with which
//! characteristics. Structure only: it holds typed values (see [`attr`](crate::attr)), and the
//! tokens are written by [`expand`](crate::expand). Every mistake in one item is reported to
//! the [`Ctxt`] and parsing goes on; rules that look across fields are in
//! [`check`](crate::check).

use heck::ToLowerCamelCase;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, Type};

use crate::attr::{
    key, AttrType, ContainerAttrs, FieldAttrs, KindName, Mutability, Returned, Uniqueness,
    VariantAttrs,
};
use crate::ctxt::Ctxt;

/// What the derive produces.
pub enum Kind {
    /// A resource with its own endpoint.
    Resource(ResourceInfo),
    /// An extension schema.
    Extension(SchemaInfo),
    /// A complex attribute value.
    Complex,
    /// An open enum of canonical values.
    Canonical,
}

/// The schema of a resource or extension.
pub struct SchemaInfo {
    /// The schema URI.
    pub id: String,
    /// The schema's name.
    pub name: String,
    /// Its description.
    pub description: String,
}

/// A resource's schema and resource type.
pub struct ResourceInfo {
    /// The core schema.
    pub schema: SchemaInfo,
    /// The resource type's name.
    pub resource_type: String,
    /// The endpoint, such as `/Users`.
    pub endpoint: String,
    /// Served at a fixed endpoint without an `id` (RFC 7644 §4: `/ServiceProviderConfig`).
    pub singleton: bool,
}

/// A common attribute (RFC 7643 §3.1), which a resource has as a field of its name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Common {
    /// `id`.
    Id,
    /// `externalId`.
    ExternalId,
    /// `meta`.
    Meta,
}

impl Common {
    /// Every common attribute, in the order the RFC lists them.
    pub const ALL: [Common; 3] = [Common::Id, Common::ExternalId, Common::Meta];

    /// The attribute name on the wire.
    pub fn wire_name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::ExternalId => "externalId",
            Self::Meta => "meta",
        }
    }

    /// The name of the field that holds it.
    pub fn field_name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::ExternalId => "external_id",
            Self::Meta => "meta",
        }
    }

    fn from_field_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.field_name() == name)
    }
}

/// The role a field plays.
pub enum Role {
    /// An attribute of the schema (index into the attribute table).
    Attribute(usize),
    /// A common attribute (RFC 7643 §3.1).
    Common(Common),
    /// An extension block.
    Extension {
        /// Whether the resource requires the extension.
        required: bool,
    },
    /// The unknown attributes.
    Other,
}

/// One field.
pub struct Field {
    /// The field's name.
    pub ident: Ident,
    /// The field's type as written.
    pub ty: Type,
    /// `T` of `Option<T>` or `Vec<T>`.
    pub inner: Type,
    /// Whether the field is a `Vec`.
    pub multi_valued: bool,
    /// The attribute name on the wire.
    pub wire_name: String,
    /// What the field is.
    pub role: Role,
    /// The attribute's characteristics, for [`Role::Attribute`].
    pub chars: Characteristics,
    /// The whole field, for spans of what is written about it.
    pub span: Span,
    /// A secret that `Debug` and errors never show: `writeOnly`, `returned = "never"` (RFC 7643
    /// §7) or `#[scim(sensitive)]`.
    pub sensitive: bool,
}

/// The characteristics of an attribute (RFC 7643 §7); `None` takes the runtime's default.
#[derive(Default)]
pub struct Characteristics {
    /// The SCIM type, when not the field type's own.
    pub ty: Option<AttrType>,
    /// `required`.
    pub required: bool,
    /// `caseExact`.
    pub case_exact: bool,
    /// `mutability`.
    pub mutability: Option<Mutability>,
    /// `returned`.
    pub returned: Option<Returned>,
    /// `uniqueness`.
    pub uniqueness: Option<Uniqueness>,
    /// `canonicalValues`, when not the value type's own.
    pub canonical_values: Option<Vec<String>>,
    /// `referenceTypes`.
    pub reference_types: Vec<String>,
    /// `description`.
    pub description: String,
}

/// One unit variant of a canonical-values enum.
pub struct Variant<'a> {
    /// The variant's name.
    pub ident: Ident,
    /// The canonical value it stands for.
    pub wire_name: String,
    /// The variant as written, for errors.
    pub original: &'a syn::Variant,
}

/// The whole input.
pub struct Container<'a> {
    /// The input as written.
    pub input: &'a DeriveInput,
    /// What it is.
    pub kind: Kind,
    /// The fields of a struct.
    pub fields: Vec<Field>,
    /// The unit variants of a canonical enum.
    pub variants: Vec<Variant<'a>>,
    /// The `#[scim(other)]` variants of a canonical enum (one, unless that is reported).
    pub fallbacks: Vec<&'a syn::Variant>,
    /// `#[scim(skip_debug)]`: the user writes `Debug` themselves.
    pub skip_debug: bool,
    /// `#[scim(skip_eq)]` on a canonical enum: the user writes `PartialEq`, `Eq` and `Hash`.
    pub skip_eq: bool,
    /// `#[scim(canonical, case_exact)]`: the attribute is `caseExact` (RFC 7643 §2.2), so only
    /// the exact spelling of a canonical value is that value.
    pub case_exact: bool,
    /// `#[scim(crate = "..")]`: the root of every path written; `None` for the default.
    pub root: Option<syn::Path>,
}

impl Container<'_> {
    /// The type's name.
    pub fn ident(&self) -> &Ident {
        &self.input.ident
    }

    /// The fields that are attributes of the schema.
    pub fn attributes(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| matches!(f.role, Role::Attribute(_)))
    }

    /// The field keeping the unknown attributes.
    pub fn other(&self) -> Option<&Field> {
        self.fields.iter().find(|f| matches!(f.role, Role::Other))
    }

    /// The extension fields of a resource.
    pub fn extensions(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| matches!(f.role, Role::Extension { .. }))
    }

    /// The field holding the common attribute `common`.
    pub fn common(&self, common: Common) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| matches!(f.role, Role::Common(c) if c == common))
    }

    /// The fallback variant of a canonical enum.
    pub fn fallback(&self) -> Option<&Ident> {
        self.fallbacks.last().map(|v| &v.ident)
    }
}

/// Reads the input with its container attributes, already read by the caller. Returns `None`
/// when the input is too broken to describe at all.
pub fn parse<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    attrs: &ContainerAttrs,
) -> Option<Container<'a>> {
    if !input.generics.params.is_empty() {
        cx.error_spanned_by(&input.generics, "a SCIM type cannot be generic");
    }

    let kind = attrs.kind.get().copied();
    let kind_span = attrs.kind.span();
    let not_canonical = kind.is_some_and(|k| k != KindName::Canonical);
    if let Some(span) = attrs.case_exact.span() {
        if not_canonical {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "`{}` on a type applies to `#[scim({})]`; on a struct, set it on the field",
                    key::CASE_EXACT,
                    key::CANONICAL
                ),
            ));
        }
    }
    // Only canonical enums get the derive's `PartialEq`, `Eq` and `Hash`.
    if let Some(span) = attrs.skip_eq.span() {
        if not_canonical {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "`{}` applies to `#[scim({})]`, the only kind whose `PartialEq`, `Eq` and `Hash` the derive writes",
                    key::SKIP_EQ,
                    key::CANONICAL
                ),
            ));
        }
    }
    let Some(kind_name) = kind else {
        cx.error_spanned_by(
            &input.ident,
            format!("missing `#[scim(...)]` kind: {}", KindName::expected()),
        );
        return None;
    };
    let kind_key = kind_name.key();
    let description = attrs
        .description
        .text()
        .or_else(|| attrs.doc.clone())
        .unwrap_or_default();

    let require = |set: bool, key: &str| {
        if !set {
            cx.syn_error(syn::Error::new(
                kind_span.unwrap_or_else(|| input.ident.span()),
                format!("`#[scim({kind_key})]` needs `{key} = \"...\"`"),
            ));
        }
    };
    let forbid = |span: Option<Span>, key: &str| {
        if let Some(span) = span {
            cx.syn_error(syn::Error::new(
                span,
                format!("`{key}` does not apply to `#[scim({kind_key})]`"),
            ));
        }
    };
    let schema_info = |description: String| SchemaInfo {
        id: attrs.schema.text().unwrap_or_default(),
        name: attrs.name.text().unwrap_or_default(),
        description,
    };

    let kind = match kind_name {
        KindName::Resource => {
            require(attrs.schema.is_set(), key::SCHEMA);
            require(attrs.name.is_set(), key::NAME);
            require(attrs.endpoint.is_set(), key::ENDPOINT);
            let schema = schema_info(description);
            Kind::Resource(ResourceInfo {
                resource_type: attrs
                    .resource_type
                    .text()
                    .unwrap_or_else(|| schema.name.clone()),
                schema,
                endpoint: attrs.endpoint.text().unwrap_or_default(),
                singleton: attrs.singleton.is_set(),
            })
        }
        KindName::Extension => {
            require(attrs.schema.is_set(), key::SCHEMA);
            require(attrs.name.is_set(), key::NAME);
            forbid(attrs.endpoint.span(), key::ENDPOINT);
            forbid(attrs.resource_type.span(), key::RESOURCE_TYPE);
            forbid(attrs.singleton.span(), key::SINGLETON);
            Kind::Extension(schema_info(description))
        }
        KindName::Complex | KindName::Canonical => {
            forbid(attrs.singleton.span(), key::SINGLETON);
            forbid(attrs.schema.span(), key::SCHEMA);
            forbid(attrs.name.span(), key::NAME);
            forbid(attrs.endpoint.span(), key::ENDPOINT);
            forbid(attrs.resource_type.span(), key::RESOURCE_TYPE);
            if kind_name == KindName::Complex {
                Kind::Complex
            } else {
                Kind::Canonical
            }
        }
    };

    let mut container = Container {
        input,
        kind,
        fields: Vec::new(),
        variants: Vec::new(),
        fallbacks: Vec::new(),
        skip_debug: attrs.skip_debug.is_set(),
        skip_eq: attrs.skip_eq.is_set(),
        case_exact: attrs.case_exact.get().copied().unwrap_or(false),
        root: attrs.root(),
    };

    let canonical = format!("`#[scim({})]`", key::CANONICAL);
    match (&input.data, &container.kind) {
        (Data::Enum(data), Kind::Canonical) => parse_variants(cx, data, &mut container),
        (Data::Struct(data), k) if !matches!(k, Kind::Canonical) => match &data.fields {
            Fields::Named(named) => {
                let is_resource = matches!(k, Kind::Resource(_));
                let mut index = 0;
                for f in &named.named {
                    if let Some(field) = parse_field(cx, f, is_resource, &mut index) {
                        container.fields.push(field);
                    }
                }
            }
            _ => cx.error_spanned_by(&input.ident, "a SCIM struct needs named fields"),
        },
        (Data::Enum(_), _) => {
            cx.error_spanned_by(&input.ident, format!("only {canonical} applies to an enum"))
        }
        (_, Kind::Canonical) => {
            cx.error_spanned_by(&input.ident, format!("{canonical} applies to an enum"))
        }
        (Data::Union(_), _) => cx.error_spanned_by(&input.ident, "a SCIM type cannot be a union"),
        _ => {}
    }
    Some(container)
}

fn parse_variants<'a>(cx: &Ctxt, data: &'a syn::DataEnum, container: &mut Container<'a>) {
    for v in &data.variants {
        let attrs = VariantAttrs::from_attrs(cx, &v.attrs);
        if attrs.other.is_set() {
            let is_string_tuple = matches!(&v.fields, Fields::Unnamed(u) if u.unnamed.len() == 1);
            if !is_string_tuple {
                cx.error_spanned_by(
                    v,
                    format!(
                        "the `#[scim({})]` variant holds one `String`: `Custom(String)`",
                        key::OTHER
                    ),
                );
            }
            container.fallbacks.push(v);
            continue;
        }
        if !matches!(v.fields, Fields::Unit) {
            cx.error_spanned_by(
                v,
                format!(
                    "a canonical value is a unit variant; only the `#[scim({})]` variant holds data",
                    key::OTHER
                ),
            );
            continue;
        }
        let wire_name = attrs
            .rename
            .text()
            .unwrap_or_else(|| v.ident.to_string().to_lower_camel_case());
        container.variants.push(Variant {
            ident: v.ident.clone(),
            wire_name,
            original: v,
        });
    }
}

/// `Option<T>` → (T, false); `Vec<T>` → (T, true).
fn unwrap_container_type(ty: &Type) -> Option<(Type, bool)> {
    let Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    let multi = match last.ident.to_string().as_str() {
        "Option" => false,
        "Vec" => true,
        _ => return None,
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => {
            Some((inner.clone(), multi))
        }
        _ => None,
    }
}

fn parse_field(cx: &Ctxt, f: &syn::Field, is_resource: bool, index: &mut usize) -> Option<Field> {
    let ident = f.ident.clone()?;
    let ident_text = ident.to_string();
    let bare = ident_text.strip_prefix("r#").unwrap_or(&ident_text);

    let attrs = FieldAttrs::from_attrs(cx, &f.attrs);
    let sensitive_span = attrs.sensitive.span();
    let marked_sensitive = sensitive_span.is_some();

    if attrs.other.is_set() {
        let extra = attrs
            .characteristic_spans()
            .into_iter()
            .chain([attrs.extension.span(), sensitive_span]);
        for span in extra.flatten() {
            cx.syn_error(syn::Error::new(
                span,
                format!("`#[scim({})]` takes no other scim attribute", key::OTHER),
            ));
        }
        return Some(Field {
            span: f.span(),
            ident,
            ty: f.ty.clone(),
            inner: f.ty.clone(),
            multi_valued: false,
            wire_name: String::new(),
            role: Role::Other,
            chars: Characteristics::default(),
            sensitive: false,
        });
    }

    let Some((inner, multi_valued)) = unwrap_container_type(&f.ty) else {
        cx.error_spanned_by(
            &f.ty,
            "a SCIM attribute is `Option<T>` (single-valued) or `Vec<T>` (multi-valued)",
        );
        return None;
    };

    if attrs.extension.is_set() {
        if !is_resource {
            cx.error_spanned_by(
                &ident,
                format!("only a `#[scim({})]` has extension fields", key::RESOURCE),
            );
        }
        if multi_valued {
            cx.error_spanned_by(&f.ty, "an extension field is `Option<Extension>`");
        }
        // Everything but `required`.
        let extra = attrs
            .characteristic_spans()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i != 2)
            .map(|(_, s)| s);
        for span in extra.flatten() {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "an extension's characteristics come from its own type; only `{}` applies here",
                    key::REQUIRED
                ),
            ));
        }
        return Some(Field {
            span: f.span(),
            ident,
            ty: f.ty.clone(),
            inner,
            multi_valued: false,
            wire_name: String::new(),
            role: Role::Extension {
                required: attrs.required.get().copied().unwrap_or(false),
            },
            chars: Characteristics::default(),
            sensitive: marked_sensitive,
        });
    }

    let common = Common::from_field_name(bare).filter(|_| is_resource);
    if let Some(common) = common {
        let common_name = common.wire_name();
        let extra = attrs
            .characteristic_spans()
            .into_iter()
            .chain([sensitive_span]);
        for span in extra.flatten() {
            cx.syn_error(syn::Error::new(
                span,
                format!("`{common_name}` is a common attribute (RFC 7643 §3.1) with fixed characteristics"),
            ));
        }
        if multi_valued {
            cx.error_spanned_by(
                &f.ty,
                format!("`{common_name}` is single-valued: use `Option<...>`"),
            );
        }
        return Some(Field {
            span: f.span(),
            ident,
            ty: f.ty.clone(),
            inner,
            multi_valued,
            wire_name: common_name.to_owned(),
            role: Role::Common(common),
            chars: Characteristics::default(),
            sensitive: false,
        });
    }

    let wire_name = match attrs.rename.get() {
        Some(r) => {
            let v = r.value();
            if v.is_empty() {
                cx.error_spanned_by(r, "an attribute name cannot be empty");
            }
            v
        }
        None => bare.to_lower_camel_case(),
    };

    // RFC 7643 §7: a `writeOnly` or `returned: never` value is never read back, so never shown.
    let sensitive = marked_sensitive
        || attrs
            .mutability
            .get()
            .is_some_and(Mutability::is_write_only)
        || attrs.returned.get().is_some_and(Returned::is_never);
    let chars = Characteristics {
        ty: attrs.ty.get().and_then(|t| AttrType::parse(cx, t)),
        required: attrs.required.get().copied().unwrap_or(false),
        case_exact: attrs.case_exact.get().copied().unwrap_or(false),
        mutability: attrs
            .mutability
            .get()
            .and_then(|m| Mutability::parse(cx, m)),
        returned: attrs.returned.get().and_then(|r| Returned::parse(cx, r)),
        uniqueness: attrs
            .uniqueness
            .get()
            .and_then(|u| Uniqueness::parse(cx, u)),
        canonical_values: attrs.canonical_values.get().cloned(),
        reference_types: attrs
            .reference_types
            .get()
            .map(|v| v.iter().map(syn::LitStr::value).collect())
            .unwrap_or_default(),
        description: attrs.description(),
    };
    let i = *index;
    *index += 1;
    Some(Field {
        span: f.span(),
        ident,
        ty: f.ty.clone(),
        inner,
        multi_valued,
        wire_name,
        role: Role::Attribute(i),
        chars,
        sensitive,
    })
}
