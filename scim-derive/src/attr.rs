//! The typed model of `#[scim(..)]`: what a container, a field or a variant says, read from
//! its attributes and doc comments. The key names live in [`key`] and nowhere else; the
//! keyword values (`mutability = "readOnly"`, `type = "dateTime"`, ...) are read into enums
//! here too, so that no other module spells one.
//!
//! Reading reports every mistake to the [`Ctxt`] and goes on, so that the user sees them all.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

use crate::ctxt::Ctxt;

/// The keys of `#[scim(..)]`, in one place.
pub mod key {
    /// The attribute's own name: `#[scim(..)]`.
    pub const SCIM: &str = "scim";

    /// Container kind: a resource with its own endpoint.
    pub const RESOURCE: &str = "resource";
    /// Container kind, or field role: an extension schema, or a resource's extension block.
    pub const EXTENSION: &str = "extension";
    /// Container kind: a complex attribute value.
    pub const COMPLEX: &str = "complex";
    /// Container kind: an open enum of canonical values.
    pub const CANONICAL: &str = "canonical";

    /// The schema URI of a resource or extension.
    pub const SCHEMA: &str = "schema";
    /// The schema's name.
    pub const NAME: &str = "name";
    /// A resource's endpoint.
    pub const ENDPOINT: &str = "endpoint";
    /// A resource type name other than the schema's name.
    pub const RESOURCE_TYPE: &str = "resource_type";
    /// A description other than the doc comment.
    pub const DESCRIPTION: &str = "description";
    /// A resource served without an `id` (RFC 7644 §4).
    pub const SINGLETON: &str = "singleton";
    /// The user writes `Debug`.
    pub const SKIP_DEBUG: &str = "skip_debug";
    /// The user writes `PartialEq`, `Eq` and `Hash` of a canonical enum.
    pub const SKIP_EQ: &str = "skip_eq";
    /// The root of every path the derive writes (like `#[serde(crate = "..")]`).
    pub const CRATE: &str = "crate";

    /// The attribute's `caseExact` (RFC 7643 §2.2), on a field or a canonical enum.
    pub const CASE_EXACT: &str = "case_exact";

    /// The attribute name on the wire, or a canonical value's spelling.
    pub const RENAME: &str = "rename";
    /// The SCIM type, when the Rust type does not tell it.
    pub const TYPE: &str = "type";
    /// `required`.
    pub const REQUIRED: &str = "required";
    /// `mutability`.
    pub const MUTABILITY: &str = "mutability";
    /// `returned`.
    pub const RETURNED: &str = "returned";
    /// `uniqueness`.
    pub const UNIQUENESS: &str = "uniqueness";
    /// `canonicalValues`.
    pub const CANONICAL_VALUES: &str = "canonical_values";
    /// `referenceTypes`.
    pub const REFERENCE_TYPES: &str = "reference_types";
    /// The field keeping the unknown attributes, or the fallback variant of a canonical enum.
    pub const OTHER: &str = "other";
    /// A secret that `Debug` and errors never show.
    pub const SENSITIVE: &str = "sensitive";
}

/// One `#[scim(..)]` value that may be set at most once, remembering where it was set.
pub struct Once<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Once<T> {
    fn new(name: &'static str) -> Self {
        Self { name, value: None }
    }

    /// Sets the value, reporting a duplicate at its second occurrence.
    fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        if self.value.is_some() {
            cx.syn_error(syn::Error::new(
                span,
                format!("duplicate scim attribute `{}`", self.name),
            ));
        } else {
            self.value = Some((span, value));
        }
    }

    /// The value, if set.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }

    /// Where the value was set, if it was.
    pub fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(s, _)| *s)
    }

    /// Whether the value was set.
    pub fn is_set(&self) -> bool {
        self.value.is_some()
    }
}

impl Once<LitStr> {
    /// The text of a string value, if set.
    pub fn text(&self) -> Option<String> {
        self.get().map(LitStr::value)
    }
}

/// What a container is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum KindName {
    /// `#[scim(resource)]`.
    Resource,
    /// `#[scim(extension)]`.
    Extension,
    /// `#[scim(complex)]`.
    Complex,
    /// `#[scim(canonical)]`.
    Canonical,
}

impl KindName {
    /// The key, as written in `#[scim(..)]`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Resource => key::RESOURCE,
            Self::Extension => key::EXTENSION,
            Self::Complex => key::COMPLEX,
            Self::Canonical => key::CANONICAL,
        }
    }

    /// The kinds, for the error of a container without one.
    pub fn expected() -> String {
        format!(
            "`{}`, `{}`, `{}` or `{}`",
            key::RESOURCE,
            key::EXTENSION,
            key::COMPLEX,
            key::CANONICAL
        )
    }
}

/// The attributes of the derive input itself.
pub struct ContainerAttrs {
    /// The kind; a duplicate is reported as a duplicate `kind`.
    pub kind: Once<KindName>,
    /// `schema = "urn:..."`.
    pub schema: Once<LitStr>,
    /// `name = "..."`.
    pub name: Once<LitStr>,
    /// `endpoint = "/..."`.
    pub endpoint: Once<LitStr>,
    /// `resource_type = "..."`.
    pub resource_type: Once<LitStr>,
    /// `description = "..."`.
    pub description: Once<LitStr>,
    /// `singleton`.
    pub singleton: Once<()>,
    /// `skip_debug`.
    pub skip_debug: Once<()>,
    /// `skip_eq`.
    pub skip_eq: Once<()>,
    /// `case_exact` of a canonical enum.
    pub case_exact: Once<bool>,
    /// `crate = "path"`, read as a path; `None` inside when the text is no path (reported).
    pub crate_path: Once<Option<syn::Path>>,
    /// The doc comment, the default description.
    pub doc: Option<String>,
}

impl ContainerAttrs {
    /// Reads the container's `#[scim(..)]` attributes and doc comment.
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut this = Self {
            kind: Once::new("kind"),
            schema: Once::new(key::SCHEMA),
            name: Once::new(key::NAME),
            endpoint: Once::new(key::ENDPOINT),
            resource_type: Once::new(key::RESOURCE_TYPE),
            description: Once::new(key::DESCRIPTION),
            singleton: Once::new(key::SINGLETON),
            skip_debug: Once::new(key::SKIP_DEBUG),
            skip_eq: Once::new(key::SKIP_EQ),
            case_exact: Once::new(key::CASE_EXACT),
            crate_path: Once::new(key::CRATE),
            doc: doc_comment(attrs),
        };
        for_each_scim_meta(cx, attrs, |meta| {
            let name = meta_name(meta);
            let span = meta.path.span();
            match name.as_str() {
                key::RESOURCE => this.kind.set(cx, span, KindName::Resource),
                key::EXTENSION => this.kind.set(cx, span, KindName::Extension),
                key::COMPLEX => this.kind.set(cx, span, KindName::Complex),
                key::CANONICAL => this.kind.set(cx, span, KindName::Canonical),
                key::SCHEMA => this.schema.set(cx, span, string_value(meta)?),
                key::NAME => this.name.set(cx, span, string_value(meta)?),
                key::ENDPOINT => this.endpoint.set(cx, span, string_value(meta)?),
                key::RESOURCE_TYPE => this.resource_type.set(cx, span, string_value(meta)?),
                key::DESCRIPTION => this.description.set(cx, span, string_value(meta)?),
                key::SINGLETON => this.singleton.set(cx, span, ()),
                key::SKIP_DEBUG => this.skip_debug.set(cx, span, ()),
                key::SKIP_EQ => this.skip_eq.set(cx, span, ()),
                key::CASE_EXACT => this.case_exact.set(cx, span, flag_value(meta)?),
                key::CRATE => {
                    let lit = string_value(meta)?;
                    let path = crate_path(cx, &lit);
                    this.crate_path.set(cx, span, path);
                }
                _ => unknown_key(cx, meta, &name)?,
            }
            Ok(())
        });
        this
    }

    /// The `crate = ".."` root, if one was given and is a path.
    pub fn root(&self) -> Option<syn::Path> {
        self.crate_path.get().cloned().flatten()
    }
}

/// Reads the path of `crate = ".."`, reporting text that is no path on the literal.
fn crate_path(cx: &Ctxt, lit: &LitStr) -> Option<syn::Path> {
    match lit.parse_with(syn::Path::parse_mod_style) {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "`{}` is the path of the crate or module that re-exports `scim_runtime`, such as \"::scim_runtime\" or \"my_scim\"; `{}` is no path",
                    key::CRATE,
                    lit.value()
                ),
            );
            None
        }
    }
}

/// The attributes of one named field.
pub struct FieldAttrs {
    /// `rename = ".."`.
    pub rename: Once<LitStr>,
    /// `type = ".."`, checked by [`AttrType::parse`].
    pub ty: Once<LitStr>,
    /// `required`.
    pub required: Once<bool>,
    /// `case_exact`.
    pub case_exact: Once<bool>,
    /// `mutability = ".."`, checked by [`Mutability::parse`].
    pub mutability: Once<LitStr>,
    /// `returned = ".."`, checked by [`Returned::parse`].
    pub returned: Once<LitStr>,
    /// `uniqueness = ".."`, checked by [`Uniqueness::parse`].
    pub uniqueness: Once<LitStr>,
    /// `canonical_values(..)`, each as its text.
    pub canonical_values: Once<Vec<String>>,
    /// `reference_types(..)`.
    pub reference_types: Once<Vec<LitStr>>,
    /// `description = ".."`.
    pub description: Once<LitStr>,
    /// `extension`.
    pub extension: Once<()>,
    /// `other`.
    pub other: Once<()>,
    /// `sensitive`.
    pub sensitive: Once<()>,
    /// The doc comment, the default description.
    pub doc: Option<String>,
}

impl FieldAttrs {
    /// Reads a field's `#[scim(..)]` attributes and doc comment.
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut this = Self {
            rename: Once::new(key::RENAME),
            ty: Once::new(key::TYPE),
            required: Once::new(key::REQUIRED),
            case_exact: Once::new(key::CASE_EXACT),
            mutability: Once::new(key::MUTABILITY),
            returned: Once::new(key::RETURNED),
            uniqueness: Once::new(key::UNIQUENESS),
            canonical_values: Once::new(key::CANONICAL_VALUES),
            reference_types: Once::new(key::REFERENCE_TYPES),
            description: Once::new(key::DESCRIPTION),
            extension: Once::new(key::EXTENSION),
            other: Once::new(key::OTHER),
            sensitive: Once::new(key::SENSITIVE),
            doc: doc_comment(attrs),
        };
        for_each_scim_meta(cx, attrs, |meta| {
            let name = meta_name(meta);
            let span = meta.path.span();
            match name.as_str() {
                key::RENAME => this.rename.set(cx, span, string_value(meta)?),
                key::TYPE => this.ty.set(cx, span, string_value(meta)?),
                key::REQUIRED => this.required.set(cx, span, flag_value(meta)?),
                key::CASE_EXACT => this.case_exact.set(cx, span, flag_value(meta)?),
                key::MUTABILITY => this.mutability.set(cx, span, string_value(meta)?),
                key::RETURNED => this.returned.set(cx, span, string_value(meta)?),
                key::UNIQUENESS => this.uniqueness.set(cx, span, string_value(meta)?),
                key::CANONICAL_VALUES => this.canonical_values.set(cx, span, paren_scalars(meta)?),
                key::REFERENCE_TYPES => this.reference_types.set(cx, span, paren_strings(meta)?),
                key::DESCRIPTION => this.description.set(cx, span, string_value(meta)?),
                key::EXTENSION => this.extension.set(cx, span, ()),
                key::OTHER => this.other.set(cx, span, ()),
                key::SENSITIVE => this.sensitive.set(cx, span, ()),
                _ => unknown_key(cx, meta, &name)?,
            }
            Ok(())
        });
        this
    }

    /// Where each characteristic was set: what neither `other` nor a common attribute takes.
    pub fn characteristic_spans(&self) -> [Option<Span>; 10] {
        [
            self.rename.span(),
            self.ty.span(),
            self.required.span(),
            self.case_exact.span(),
            self.mutability.span(),
            self.returned.span(),
            self.uniqueness.span(),
            self.canonical_values.span(),
            self.reference_types.span(),
            self.description.span(),
        ]
    }

    /// The description: `description = ".."`, else the doc comment.
    pub fn description(&self) -> String {
        self.description
            .text()
            .or_else(|| self.doc.clone())
            .unwrap_or_default()
    }
}

/// The attributes of one variant of a canonical enum.
pub struct VariantAttrs {
    /// `rename = ".."`: the canonical value's spelling.
    pub rename: Once<LitStr>,
    /// `other`: the fallback variant.
    pub other: Once<()>,
}

impl VariantAttrs {
    /// Reads a variant's `#[scim(..)]` attributes.
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut this = Self {
            rename: Once::new(key::RENAME),
            other: Once::new(key::OTHER),
        };
        for_each_scim_meta(cx, attrs, |meta| {
            let name = meta_name(meta);
            match name.as_str() {
                key::RENAME => this.rename.set(cx, meta.path.span(), string_value(meta)?),
                key::OTHER => this.other.set(cx, meta.path.span(), ()),
                _ => unknown_key(cx, meta, &name)?,
            }
            Ok(())
        });
        this
    }
}

/// Looks `value` up in a keyword table.
fn lookup<T: Copy>(table: &[(&str, T)], value: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == value).map(|(_, t)| *t)
}

/// Reports an unknown keyword value on its literal, listing the table's values quoted.
fn unknown_keyword<T>(cx: &Ctxt, lit: &LitStr, what: &str, table: &[(&str, T)]) {
    let expected: Vec<_> = table.iter().map(|(w, _)| format!("\"{w}\"")).collect();
    cx.error_spanned_by(
        lit,
        format!(
            "unknown {what} `{}`: expected {}",
            lit.value(),
            expected.join(", ")
        ),
    );
}

/// A SCIM attribute type (RFC 7643 §2.3), as `type = ".."` names it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}

impl AttrType {
    const TABLE: &'static [(&'static str, Self)] = &[
        ("string", Self::String),
        ("boolean", Self::Boolean),
        ("decimal", Self::Decimal),
        ("integer", Self::Integer),
        ("dateTime", Self::DateTime),
        ("binary", Self::Binary),
        ("reference", Self::Reference),
        ("complex", Self::Complex),
    ];

    /// Reads `type = ".."`, reporting an unknown type on the literal.
    pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<Self> {
        let found = lookup(Self::TABLE, &lit.value());
        if found.is_none() {
            cx.error_spanned_by(
                lit,
                format!("unknown SCIM type `{}`: expected string, boolean, decimal, integer, dateTime, binary, reference or complex", lit.value()),
            );
        }
        found
    }

    /// The variant of the runtime's `AttributeType`.
    pub fn variant(self) -> &'static str {
        match self {
            Self::String => "String",
            Self::Boolean => "Boolean",
            Self::Decimal => "Decimal",
            Self::Integer => "Integer",
            Self::DateTime => "DateTime",
            Self::Binary => "Binary",
            Self::Reference => "Reference",
            Self::Complex => "Complex",
        }
    }
}

/// `mutability` (RFC 7643 §7).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mutability {
    ReadOnly,
    ReadWrite,
    Immutable,
    WriteOnly,
}

impl Mutability {
    const TABLE: &'static [(&'static str, Self)] = &[
        ("readOnly", Self::ReadOnly),
        ("readWrite", Self::ReadWrite),
        ("immutable", Self::Immutable),
        ("writeOnly", Self::WriteOnly),
    ];

    /// Reads `mutability = ".."`, reporting an unknown value on the literal.
    pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<Self> {
        let found = lookup(Self::TABLE, &lit.value());
        if found.is_none() {
            unknown_keyword(cx, lit, "mutability", Self::TABLE);
        }
        found
    }

    /// Whether `lit` says `writeOnly`, without reporting anything.
    pub fn is_write_only(lit: &LitStr) -> bool {
        lookup(Self::TABLE, &lit.value()) == Some(Self::WriteOnly)
    }

    /// The variant of the runtime's `Mutability`.
    pub fn variant(self) -> &'static str {
        match self {
            Self::ReadOnly => "ReadOnly",
            Self::ReadWrite => "ReadWrite",
            Self::Immutable => "Immutable",
            Self::WriteOnly => "WriteOnly",
        }
    }
}

/// `returned` (RFC 7643 §7).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Returned {
    Always,
    Never,
    Default,
    Request,
}

impl Returned {
    const TABLE: &'static [(&'static str, Self)] = &[
        ("always", Self::Always),
        ("never", Self::Never),
        ("default", Self::Default),
        ("request", Self::Request),
    ];

    /// Reads `returned = ".."`, reporting an unknown value on the literal.
    pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<Self> {
        let found = lookup(Self::TABLE, &lit.value());
        if found.is_none() {
            unknown_keyword(cx, lit, "returned", Self::TABLE);
        }
        found
    }

    /// Whether `lit` says `never`, without reporting anything.
    pub fn is_never(lit: &LitStr) -> bool {
        lookup(Self::TABLE, &lit.value()) == Some(Self::Never)
    }

    /// The variant of the runtime's `Returned`.
    pub fn variant(self) -> &'static str {
        match self {
            Self::Always => "Always",
            Self::Never => "Never",
            Self::Default => "Default",
            Self::Request => "Request",
        }
    }
}

/// `uniqueness` (RFC 7643 §7).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Uniqueness {
    None,
    Server,
    Global,
}

impl Uniqueness {
    const TABLE: &'static [(&'static str, Self)] = &[
        ("none", Self::None),
        ("server", Self::Server),
        ("global", Self::Global),
    ];

    /// Reads `uniqueness = ".."`, reporting an unknown value on the literal.
    pub fn parse(cx: &Ctxt, lit: &LitStr) -> Option<Self> {
        let found = lookup(Self::TABLE, &lit.value());
        if found.is_none() {
            unknown_keyword(cx, lit, "uniqueness", Self::TABLE);
        }
        found
    }

    /// The variant of the runtime's `Uniqueness`.
    pub fn variant(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Server => "Server",
            Self::Global => "Global",
        }
    }
}

/// Reports a key this place does not take, and skips its value so reading goes on.
fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta<'_>, name: &str) -> syn::Result<()> {
    cx.syn_error(syn::Error::new(
        meta.path.span(),
        format!("unknown scim attribute `{name}`"),
    ));
    skip_value(meta)
}

/// Reads `key = "text"`.
fn string_value(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    meta.value()?.parse::<LitStr>()
}

/// Reads a flag that may also be written `key = true` / `key = false`.
fn flag_value(meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    if meta.input.peek(syn::Token![=]) {
        Ok(meta.value()?.parse::<syn::LitBool>()?.value)
    } else {
        Ok(true)
    }
}

/// Reads `key = ["a", "b"]`.
fn string_array(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<LitStr>> {
    let array: syn::ExprArray = meta.value()?.parse()?;
    array
        .elems
        .into_iter()
        .map(|e| match e {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Ok(s),
            other => Err(syn::Error::new_spanned(other, "expected a string literal")),
        })
        .collect()
}

/// Reads the string literals of `key("a", "b")` or `key = ["a", "b"]`.
fn paren_strings(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<LitStr>> {
    if meta.input.peek(syn::Token![=]) {
        return string_array(meta);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let list = content.parse_terminated(|p| p.parse::<LitStr>(), syn::Token![,])?;
    Ok(list.into_iter().collect())
}

/// One canonical value as written: a string, integer, decimal or boolean literal, an optional
/// `-` before a number. Kept as its text (`"work"` → `work`, `-1` → `-1`, `true` → `true`),
/// which is what the `&'static [&'static str]` table of an `AttributeDef` holds.
fn scalar_text(input: syn::parse::ParseStream<'_>) -> syn::Result<String> {
    let minus = input.parse::<Option<syn::Token![-]>>()?.is_some();
    let lit: syn::Lit = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected a string, integer, decimal or boolean literal",
        )
    })?;
    let text = match &lit {
        syn::Lit::Str(s) if !minus => s.value(),
        syn::Lit::Int(i) if i.suffix().is_empty() => i.base10_digits().to_owned(),
        syn::Lit::Float(f) if f.suffix().is_empty() => f.base10_digits().to_owned(),
        syn::Lit::Bool(b) if !minus => b.value.to_string(),
        _ => {
            return Err(syn::Error::new_spanned(
                lit,
                "expected a string, integer, decimal or boolean literal",
            ))
        }
    };
    Ok(if minus { format!("-{text}") } else { text })
}

/// Reads the values of `canonical_values("a", "b")`, `canonical_values(0, 1)` or
/// `canonical_values = ["a", "b"]`, each as its text (see [`scalar_text`]).
fn paren_scalars(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<String>> {
    if meta.input.peek(syn::Token![=]) {
        let value = meta.value()?;
        let content;
        syn::bracketed!(content in value);
        let list = content.parse_terminated(scalar_text, syn::Token![,])?;
        return Ok(list.into_iter().collect());
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let list = content.parse_terminated(scalar_text, syn::Token![,])?;
    Ok(list.into_iter().collect())
}

/// The doc comment of an item as a SCIM description: lines joined with `\n`, one leading
/// space removed from each (the space `///` leaves).
fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                let line = s.value();
                lines.push(line.strip_prefix(' ').map(str::to_owned).unwrap_or(line));
            }
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Calls `f` for every item in every `#[scim(..)]` attribute, reporting parse errors.
fn for_each_scim_meta(
    cx: &Ctxt,
    attrs: &[Attribute],
    mut f: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs {
        if !attr.path().is_ident(key::SCIM) {
            continue;
        }
        if let syn::Meta::Path(_) = attr.meta {
            cx.error_spanned_by(attr, format!("expected `#[{}(...)]`", key::SCIM));
            continue;
        }
        if let Err(e) = attr.parse_nested_meta(|meta| f(&meta)) {
            cx.syn_error(e);
        }
    }
}

/// The name of a nested meta item, for matching and error messages.
fn meta_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| {
            let p = &meta.path;
            quote::quote!(#p).to_string()
        })
}

/// Skips the rest of an unknown item (`= value` or `(..)`), so parsing can go on.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: syn::Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
        let _: proc_macro2::TokenStream = _content.parse()?;
    }
    Ok(())
}
