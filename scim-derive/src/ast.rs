//! The derive input read into a model: what kind of SCIM object, which attributes, with which
//! characteristics. Every mistake is reported to the [`Ctxt`] and parsing goes on.

use heck::ToLowerCamelCase;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

use crate::attr::{self, Once};
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
    pub id: String,
    pub name: String,
    pub description: String,
}

/// A resource's schema and resource type.
pub struct ResourceInfo {
    pub schema: SchemaInfo,
    pub resource_type: String,
    pub endpoint: String,
    /// Served at a fixed endpoint without an `id` (RFC 7644 §4: `/ServiceProviderConfig`).
    pub singleton: bool,
}

/// The role a field plays.
pub enum Role {
    /// An attribute of the schema (index into the attribute table).
    Attribute(usize),
    /// A common attribute (RFC 7643 §3.1): `id`, `externalId` or `meta`.
    Common(&'static str),
    /// An extension block.
    Extension { required: bool },
    /// The unknown attributes.
    Other,
}

/// One field.
pub struct Field {
    pub ident: Ident,
    /// The field's type as written.
    pub ty: Type,
    /// `T` of `Option<T>` or `Vec<T>`.
    pub inner: Type,
    pub multi_valued: bool,
    pub wire_name: String,
    pub role: Role,
    pub chars: Characteristics,
    pub span: Span,
    /// A secret that `Debug` and errors never show: `writeOnly`, `returned = "never"` (RFC 7643
    /// §7) or `#[scim(sensitive)]`.
    pub sensitive: bool,
}

/// The characteristics of an attribute, as tokens ready for an `AttributeDef` literal.
#[derive(Default)]
pub struct Characteristics {
    pub ty: Option<TokenStream>,
    pub required: bool,
    pub case_exact: bool,
    pub mutability: Option<TokenStream>,
    pub returned: Option<TokenStream>,
    pub uniqueness: Option<TokenStream>,
    pub canonical_values: Option<Vec<String>>,
    pub reference_types: Vec<String>,
    pub description: String,
}

/// One variant of a canonical-values enum.
pub struct Variant {
    pub ident: Ident,
    pub wire_name: String,
}

/// The whole input.
pub struct Container<'a> {
    pub input: &'a DeriveInput,
    pub kind: Kind,
    pub fields: Vec<Field>,
    pub variants: Vec<Variant>,
    /// The fallback variant of a canonical enum.
    pub fallback: Option<Ident>,
    /// `#[scim(skip_debug)]`: the user writes `Debug` themselves.
    pub skip_debug: bool,
    /// `#[scim(skip_eq)]` on a canonical enum: the user writes `PartialEq`, `Eq` and `Hash`.
    pub skip_eq: bool,
    /// `#[scim(canonical, case_exact)]`: the attribute is `caseExact` (RFC 7643 §2.2), so only
    /// the exact spelling of a canonical value is that value.
    pub case_exact: bool,
}

impl Container<'_> {
    pub fn ident(&self) -> &Ident {
        &self.input.ident
    }

    pub fn attributes(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| matches!(f.role, Role::Attribute(_)))
    }

    pub fn other(&self) -> Option<&Field> {
        self.fields.iter().find(|f| matches!(f.role, Role::Other))
    }

    pub fn extensions(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| matches!(f.role, Role::Extension { .. }))
    }
}

const KINDS: &str = "`resource`, `extension`, `complex` or `canonical`";

/// Reads the input. Returns `None` when the input is too broken to describe at all.
pub fn parse<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Option<Container<'a>> {
    let mut kind = Once::new("kind");
    let mut schema = Once::<LitStr>::new("schema");
    let mut name = Once::<LitStr>::new("name");
    let mut endpoint = Once::<LitStr>::new("endpoint");
    let mut resource_type = Once::<LitStr>::new("resource_type");
    let mut description = Once::<LitStr>::new("description");
    let mut singleton = Once::<()>::new("singleton");
    let mut skip_debug = Once::<()>::new("skip_debug");
    let mut skip_eq = Once::<()>::new("skip_eq");
    let mut enum_case_exact = Once::<bool>::new("case_exact");

    attr::for_each_scim_meta(cx, &input.attrs, |meta| {
        let key = attr::meta_name(meta);
        let span = meta.path.span();
        match key.as_str() {
            "resource" | "extension" | "complex" | "canonical" => kind.set(cx, span, key.clone()),
            "schema" => schema.set(cx, span, attr::string_value(meta)?),
            "name" => name.set(cx, span, attr::string_value(meta)?),
            "endpoint" => endpoint.set(cx, span, attr::string_value(meta)?),
            "resource_type" => resource_type.set(cx, span, attr::string_value(meta)?),
            "description" => description.set(cx, span, attr::string_value(meta)?),
            "singleton" => singleton.set(cx, span, ()),
            "skip_debug" => skip_debug.set(cx, span, ()),
            "skip_eq" => skip_eq.set(cx, span, ()),
            "case_exact" => enum_case_exact.set(cx, span, attr::flag_value(meta)?),
            _ => {
                cx.syn_error(syn::Error::new(
                    span,
                    format!("unknown scim attribute `{key}`"),
                ));
                attr::skip_value(meta)?;
            }
        }
        Ok(())
    });

    if !input.generics.params.is_empty() {
        cx.error_spanned_by(&input.generics, "a SCIM type cannot be generic");
    }

    let kind_span = kind.span();
    let skip_debug = skip_debug.as_ref().is_some();
    if let Some(span) = enum_case_exact.span() {
        if kind.as_ref().is_some_and(|k| k != "canonical") {
            cx.syn_error(syn::Error::new(
                span,
                "`case_exact` on a type applies to `#[scim(canonical)]`; on a struct, set it on the field",
            ));
        }
    }
    let case_exact = enum_case_exact.get().unwrap_or(false);
    // Only canonical enums get the derive's `PartialEq`, `Eq` and `Hash`.
    if let Some(span) = skip_eq.span() {
        if kind.as_ref().is_some_and(|k| k != "canonical") {
            cx.syn_error(syn::Error::new(
                span,
                "`skip_eq` applies to `#[scim(canonical)]`, the only kind whose `PartialEq`, `Eq` and `Hash` the derive writes",
            ));
        }
    }
    let skip_eq = skip_eq.as_ref().is_some();
    let Some(kind_name) = kind.get() else {
        cx.error_spanned_by(
            &input.ident,
            format!("missing `#[scim(...)]` kind: {KINDS}"),
        );
        return None;
    };
    let description = description
        .get()
        .map(|d| d.value())
        .or_else(|| attr::doc_comment(&input.attrs))
        .unwrap_or_default();

    let require = |what: &Once<LitStr>, key: &str| {
        if what.as_ref().is_none() {
            cx.syn_error(syn::Error::new(
                kind_span.unwrap_or_else(|| input.ident.span()),
                format!("`#[scim({kind_name})]` needs `{key} = \"...\"`"),
            ));
        }
    };
    let forbid = |what: &Once<LitStr>, key: &str| {
        if let Some(span) = what.span() {
            cx.syn_error(syn::Error::new(
                span,
                format!("`{key}` does not apply to `#[scim({kind_name})]`"),
            ));
        }
    };

    let kind = match kind_name.as_str() {
        "resource" => {
            require(&schema, "schema");
            require(&name, "name");
            require(&endpoint, "endpoint");
            let name = name.get().map(|n| n.value()).unwrap_or_default();
            Kind::Resource(ResourceInfo {
                schema: SchemaInfo {
                    id: schema.get().map(|s| s.value()).unwrap_or_default(),
                    name: name.clone(),
                    description,
                },
                resource_type: resource_type.get().map(|r| r.value()).unwrap_or(name),
                endpoint: endpoint.get().map(|e| e.value()).unwrap_or_default(),
                singleton: singleton.get().is_some(),
            })
        }
        "extension" => {
            require(&schema, "schema");
            require(&name, "name");
            forbid(&endpoint, "endpoint");
            forbid(&resource_type, "resource_type");
            if let Some(span) = singleton.span() {
                cx.syn_error(syn::Error::new(
                    span,
                    "`singleton` does not apply to `#[scim(extension)]`",
                ));
            }
            Kind::Extension(SchemaInfo {
                id: schema.get().map(|s| s.value()).unwrap_or_default(),
                name: name.get().map(|n| n.value()).unwrap_or_default(),
                description,
            })
        }
        other => {
            if let Some(span) = singleton.span() {
                cx.syn_error(syn::Error::new(
                    span,
                    format!("`singleton` does not apply to `#[scim({kind_name})]`"),
                ));
            }
            for (what, key) in [
                (&schema, "schema"),
                (&name, "name"),
                (&endpoint, "endpoint"),
                (&resource_type, "resource_type"),
            ] {
                forbid(what, key);
            }
            if other == "complex" {
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
        fallback: None,
        skip_debug,
        skip_eq,
        case_exact,
    };

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
            cx.error_spanned_by(&input.ident, "only `#[scim(canonical)]` applies to an enum")
        }
        (_, Kind::Canonical) => {
            cx.error_spanned_by(&input.ident, "`#[scim(canonical)]` applies to an enum")
        }
        (Data::Union(_), _) => cx.error_spanned_by(&input.ident, "a SCIM type cannot be a union"),
        _ => {}
    }
    Some(container)
}

fn parse_variants(cx: &Ctxt, data: &syn::DataEnum, container: &mut Container<'_>) {
    for v in &data.variants {
        let mut rename = Once::<LitStr>::new("rename");
        let mut other = Once::<()>::new("other");
        attr::for_each_scim_meta(cx, &v.attrs, |meta| {
            let key = attr::meta_name(meta);
            match key.as_str() {
                "rename" => rename.set(cx, meta.path.span(), attr::string_value(meta)?),
                "other" => other.set(cx, meta.path.span(), ()),
                _ => {
                    cx.syn_error(syn::Error::new(
                        meta.path.span(),
                        format!("unknown scim attribute `{key}`"),
                    ));
                    attr::skip_value(meta)?;
                }
            }
            Ok(())
        });
        if other.as_ref().is_some() {
            let is_string_tuple = matches!(&v.fields, Fields::Unnamed(u) if u.unnamed.len() == 1);
            if !is_string_tuple {
                cx.error_spanned_by(
                    v,
                    "the `#[scim(other)]` variant holds one `String`: `Custom(String)`",
                );
            }
            if container.fallback.is_some() {
                cx.error_spanned_by(v, "only one variant can be `#[scim(other)]`");
            }
            container.fallback = Some(v.ident.clone());
            continue;
        }
        if !matches!(v.fields, Fields::Unit) {
            cx.error_spanned_by(
                v,
                "a canonical value is a unit variant; only the `#[scim(other)]` variant holds data",
            );
            continue;
        }
        let wire_name = rename
            .get()
            .map(|r| r.value())
            .unwrap_or_else(|| v.ident.to_string().to_lower_camel_case());
        if let Some(prev) = container.variants.iter().find(|p| p.wire_name == wire_name) {
            cx.error_spanned_by(
                v,
                format!(
                    "canonical value `{wire_name}` is already used by `{}`",
                    prev.ident
                ),
            );
        }
        container.variants.push(Variant {
            ident: v.ident.clone(),
            wire_name,
        });
    }
    if container.fallback.is_none() {
        cx.error_spanned_by(
            &container.input.ident,
            "an open enum needs a fallback variant `#[scim(other)] Custom(String)` for values it does not know",
        );
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

fn type_tokens(cx: &Ctxt, lit: &LitStr) -> Option<TokenStream> {
    let t = match lit.value().as_str() {
        "string" => quote!(String),
        "boolean" => quote!(Boolean),
        "decimal" => quote!(Decimal),
        "integer" => quote!(Integer),
        "dateTime" => quote!(DateTime),
        "binary" => quote!(Binary),
        "reference" => quote!(Reference),
        "complex" => quote!(Complex),
        other => {
            cx.error_spanned_by(
                lit,
                format!("unknown SCIM type `{other}`: expected string, boolean, decimal, integer, dateTime, binary, reference or complex"),
            );
            return None;
        }
    };
    Some(quote!(::scim_runtime::meta::AttributeType::#t))
}

fn keyword_tokens(
    cx: &Ctxt,
    lit: &LitStr,
    what: &str,
    allowed: &[(&str, &str)],
) -> Option<TokenStream> {
    let value = lit.value();
    match allowed.iter().find(|(wire, _)| *wire == value) {
        Some((_, variant)) => {
            let enum_ident = Ident::new(what, Span::call_site());
            let variant = Ident::new(variant, Span::call_site());
            Some(quote!(::scim_runtime::meta::#enum_ident::#variant))
        }
        None => {
            let expected: Vec<_> = allowed.iter().map(|(w, _)| format!("\"{w}\"")).collect();
            cx.error_spanned_by(
                lit,
                format!(
                    "unknown {} `{value}`: expected {}",
                    what.to_lowercase(),
                    expected.join(", ")
                ),
            );
            None
        }
    }
}

fn parse_field(cx: &Ctxt, f: &syn::Field, is_resource: bool, index: &mut usize) -> Option<Field> {
    let ident = f.ident.clone()?;
    let ident_text = ident.to_string();
    let bare = ident_text.strip_prefix("r#").unwrap_or(&ident_text);

    let mut rename = Once::<LitStr>::new("rename");
    let mut ty_override = Once::<LitStr>::new("type");
    let mut required = Once::<bool>::new("required");
    let mut case_exact = Once::<bool>::new("case_exact");
    let mut mutability = Once::<LitStr>::new("mutability");
    let mut returned = Once::<LitStr>::new("returned");
    let mut uniqueness = Once::<LitStr>::new("uniqueness");
    let mut canonical = Once::<Vec<String>>::new("canonical_values");
    let mut reference_types = Once::<Vec<LitStr>>::new("reference_types");
    let mut description = Once::<LitStr>::new("description");
    let mut extension = Once::<()>::new("extension");
    let mut other = Once::<()>::new("other");
    let mut sensitive = Once::<()>::new("sensitive");

    attr::for_each_scim_meta(cx, &f.attrs, |meta| {
        let key = attr::meta_name(meta);
        let span = meta.path.span();
        match key.as_str() {
            "rename" => rename.set(cx, span, attr::string_value(meta)?),
            "type" => ty_override.set(cx, span, attr::string_value(meta)?),
            "required" => required.set(cx, span, attr::flag_value(meta)?),
            "case_exact" => case_exact.set(cx, span, attr::flag_value(meta)?),
            "mutability" => mutability.set(cx, span, attr::string_value(meta)?),
            "returned" => returned.set(cx, span, attr::string_value(meta)?),
            "uniqueness" => uniqueness.set(cx, span, attr::string_value(meta)?),
            "canonical_values" => canonical.set(cx, span, attr::paren_scalars(meta)?),
            "reference_types" => reference_types.set(cx, span, attr::paren_strings(meta)?),
            "description" => description.set(cx, span, attr::string_value(meta)?),
            "extension" => extension.set(cx, span, ()),
            "other" => other.set(cx, span, ()),
            "sensitive" => sensitive.set(cx, span, ()),
            _ => {
                cx.syn_error(syn::Error::new(
                    span,
                    format!("unknown scim attribute `{key}`"),
                ));
                attr::skip_value(meta)?;
            }
        }
        Ok(())
    });
    let sensitive_span = sensitive.span();
    let marked_sensitive = sensitive_span.is_some();

    if other.as_ref().is_some() {
        let extra = [
            rename.span(),
            ty_override.span(),
            required.span(),
            case_exact.span(),
            mutability.span(),
            returned.span(),
            uniqueness.span(),
            canonical.span(),
            reference_types.span(),
            description.span(),
            extension.span(),
            sensitive_span,
        ];
        for span in extra.into_iter().flatten() {
            cx.syn_error(syn::Error::new(
                span,
                "`#[scim(other)]` takes no other scim attribute",
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

    if extension.as_ref().is_some() {
        if !is_resource {
            cx.error_spanned_by(&ident, "only a `#[scim(resource)]` has extension fields");
        }
        if multi_valued {
            cx.error_spanned_by(&f.ty, "an extension field is `Option<Extension>`");
        }
        let extra = [
            rename.span(),
            ty_override.span(),
            case_exact.span(),
            mutability.span(),
            returned.span(),
            uniqueness.span(),
            canonical.span(),
            reference_types.span(),
            description.span(),
        ];
        for span in extra.into_iter().flatten() {
            cx.syn_error(syn::Error::new(
                span,
                "an extension's characteristics come from its own type; only `required` applies here",
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
                required: required.get().unwrap_or(false),
            },
            chars: Characteristics::default(),
            sensitive: marked_sensitive,
        });
    }

    let common = match bare {
        "id" if is_resource => Some("id"),
        "external_id" if is_resource => Some("externalId"),
        "meta" if is_resource => Some("meta"),
        _ => None,
    };
    if let Some(common_name) = common {
        let extra = [
            rename.span(),
            ty_override.span(),
            required.span(),
            case_exact.span(),
            mutability.span(),
            returned.span(),
            uniqueness.span(),
            canonical.span(),
            reference_types.span(),
            description.span(),
            sensitive_span,
        ];
        for span in extra.into_iter().flatten() {
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
            role: Role::Common(common_name),
            chars: Characteristics::default(),
            sensitive: false,
        });
    }

    let wire_name = match rename.get() {
        Some(r) => {
            let v = r.value();
            if v.is_empty() {
                cx.error_spanned_by(&r, "an attribute name cannot be empty");
            }
            v
        }
        None => bare.to_lower_camel_case(),
    };

    // RFC 7643 §7: a `writeOnly` or `returned: never` value is never read back, so never shown.
    let sensitive = marked_sensitive
        || mutability
            .as_ref()
            .is_some_and(|m| m.value() == "writeOnly")
        || returned.as_ref().is_some_and(|r| r.value() == "never");
    let chars = Characteristics {
        ty: ty_override.get().and_then(|t| type_tokens(cx, &t)),
        required: required.get().unwrap_or(false),
        case_exact: case_exact.get().unwrap_or(false),
        mutability: mutability.get().and_then(|m| {
            keyword_tokens(
                cx,
                &m,
                "Mutability",
                &[
                    ("readOnly", "ReadOnly"),
                    ("readWrite", "ReadWrite"),
                    ("immutable", "Immutable"),
                    ("writeOnly", "WriteOnly"),
                ],
            )
        }),
        returned: returned.get().and_then(|r| {
            keyword_tokens(
                cx,
                &r,
                "Returned",
                &[
                    ("always", "Always"),
                    ("never", "Never"),
                    ("default", "Default"),
                    ("request", "Request"),
                ],
            )
        }),
        uniqueness: uniqueness.get().and_then(|u| {
            keyword_tokens(
                cx,
                &u,
                "Uniqueness",
                &[("none", "None"), ("server", "Server"), ("global", "Global")],
            )
        }),
        canonical_values: canonical.get(),
        reference_types: reference_types
            .get()
            .map(|v| v.iter().map(LitStr::value).collect())
            .unwrap_or_default(),
        description: description
            .get()
            .map(|d| d.value())
            .or_else(|| attr::doc_comment(&f.attrs))
            .unwrap_or_default(),
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
