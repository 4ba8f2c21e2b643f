//! Model → Rust: decides which schemas are resources and which are extensions, names every type
//! and field (through [`crate::naming`]), and builds the items with `quote`.
//!
//! Output order is input order: each resource, then the structs and enums of its attributes
//! depth first, then each extension likewise. Nothing iterates a hash map.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::error::{Location, Warning};
use crate::model::{Attribute, Mutability, Returned, Schema, Type, Uniqueness};
use crate::naming::{self, Scope};
use crate::read::Catalog;

/// The meta-schemas: they describe the discovery endpoints and the common attributes, so they
/// are resources only when a ResourceType serves them.
const META_SCHEMAS: &[(&str, &str)] = &[
    (
        "urn:ietf:params:scim:schemas:core:2.0:Schema",
        "the meta-schema of /Schemas",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
        "the meta-schema of /ResourceTypes",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
        "the meta-schema of /ServiceProviderConfig",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:Meta",
        "describes the common attribute `meta`, which every resource has",
    ),
    (
        "urn:ietf:params:scim:schemas:core:2.0:Common",
        "describes the common attributes (RFC 7643 §3.1), which every resource has",
    ),
];

/// Attribute names that are the common attributes of a resource (RFC 7643 §3.1) or `schemas`:
/// the derive provides them, so they are not generated from the schema.
const COMMON: &[&str] = &["id", "externalId", "meta", "schemas"];

/// One resource to generate.
struct Resource<'a> {
    schema: &'a Schema,
    /// `resource_type` when it differs from the schema name.
    resource_type: String,
    endpoint: String,
    /// Index into `extensions` and whether it is required.
    extensions: Vec<(usize, bool)>,
    rust_name: String,
}

/// One extension to generate.
struct Extension<'a> {
    schema: &'a Schema,
    rust_name: String,
}

/// The generated items and what was said about them.
pub(crate) struct Output {
    pub items: Vec<TokenStream>,
    pub warnings: Vec<Warning>,
    /// Why schemas were skipped, for the error when nothing is left.
    pub skipped: Vec<String>,
    /// Each resource and extension, in output order: its Rust name and the index of its first
    /// item; its items run up to the next one's first.
    pub units: Vec<(String, usize)>,
}

/// Builds the items. With `split`, each resource and extension is meant to be its own module of
/// one parent, so a resource names its extensions' types as `super::Name`.
pub(crate) fn emit(catalog: &Catalog, split: bool) -> Output {
    let mut out = Output {
        items: Vec::new(),
        warnings: Vec::new(),
        skipped: Vec::new(),
        units: Vec::new(),
    };
    let (mut resources, mut extensions) = plan(catalog, &mut out);
    name_top_level(&mut resources, &mut extensions);
    let mut types = Scope::new();
    for name in naming::PRELUDE_TYPES {
        types.reserve(name);
    }
    for r in &resources {
        types.reserve(&r.rust_name);
    }
    for e in &extensions {
        types.reserve(&e.rust_name);
    }
    let mut emitter = Emitter {
        types,
        items: Vec::new(),
        warnings: Vec::new(),
        split,
    };
    for r in &resources {
        out.units.push((r.rust_name.clone(), emitter.items.len()));
        emitter.resource(r, &extensions);
    }
    for e in &extensions {
        out.units.push((e.rust_name.clone(), emitter.items.len()));
        emitter.extension(e);
    }
    out.items = emitter.items;
    out.warnings.extend(emitter.warnings);
    out
}

fn loc(schema: &Schema, path: Option<String>) -> Location {
    Location {
        file: schema.file.clone(),
        schema_id: Some(schema.id.clone()),
        attribute_path: path,
        position: None,
    }
}

fn find_schema<'a>(catalog: &'a Catalog, urn: &str) -> Option<(usize, &'a Schema)> {
    catalog
        .schemas
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == urn)
        .or_else(|| {
            catalog
                .schemas
                .iter()
                .enumerate()
                .find(|(_, s)| s.id.eq_ignore_ascii_case(urn))
        })
}

fn last_segment(urn: &str) -> &str {
    urn.rsplit(':').next().unwrap_or(urn)
}

fn base_name(schema: &Schema) -> String {
    match &schema.name {
        Some(name) => naming::type_ident(name),
        None => naming::name_from_urn(&schema.id),
    }
}

/// Decides resources and extensions: from the ResourceTypes when there are any, else by
/// convention (an id with an `:extension:` segment is an extension, everything else a resource
/// at `/{Name}s`, the meta-schemas are skipped).
fn plan<'a>(catalog: &'a Catalog, out: &mut Output) -> (Vec<Resource<'a>>, Vec<Extension<'a>>) {
    let mut resources = Vec::new();
    let mut extension_ids: Vec<usize> = Vec::new();
    let mut used = vec![false; catalog.schemas.len()];
    let skip = |out: &mut Output, schema: &Schema, why: String| {
        out.skipped.push(format!("{}: {why}", schema.id));
        out.warnings
            .push(Warning::at(&loc(schema, None), format!("skipped: {why}")));
    };
    if !catalog.resource_types.is_empty() {
        for rt in &catalog.resource_types {
            let rt_loc = Location {
                file: rt.file.clone(),
                schema_id: Some(rt.id.clone().unwrap_or_else(|| rt.name.clone())),
                attribute_path: None,
                position: None,
            };
            let Some((index, schema)) = find_schema(catalog, &rt.schema) else {
                out.warnings.push(Warning::at(
                    &rt_loc,
                    format!(
                        "ResourceType `{}`: its schema `{}` is not among the inputs: skipped",
                        rt.name, rt.schema
                    ),
                ));
                // Its extensions are still extensions: generate them, unattached.
                for (urn, _) in &rt.extensions {
                    if let Some((ext_index, _)) = find_schema(catalog, urn) {
                        if !extension_ids.contains(&ext_index) {
                            extension_ids.push(ext_index);
                        }
                    }
                }
                continue;
            };
            if schema.id != rt.schema {
                out.warnings.push(Warning::at(
                    &rt_loc,
                    format!(
                        "schema `{}` found as `{}` (ids differ in case)",
                        rt.schema, schema.id
                    ),
                ));
            }
            used[index] = true;
            let mut exts = Vec::new();
            for (urn, required) in &rt.extensions {
                let Some((ext_index, _)) = find_schema(catalog, urn) else {
                    out.warnings.push(Warning::at(
                        &rt_loc,
                        format!(
                            "ResourceType `{}`: extension `{urn}` is not among the inputs: skipped",
                            rt.name
                        ),
                    ));
                    continue;
                };
                let position = match extension_ids.iter().position(|i| *i == ext_index) {
                    Some(p) => p,
                    None => {
                        extension_ids.push(ext_index);
                        extension_ids.len() - 1
                    }
                };
                exts.push((position, *required));
            }
            resources.push(Resource {
                schema,
                resource_type: rt.name.clone(),
                endpoint: rt.endpoint.clone(),
                extensions: exts,
                rust_name: naming::type_ident(&rt.name),
            });
        }
        for i in &extension_ids {
            used[*i] = true;
        }
        for (index, schema) in catalog.schemas.iter().enumerate() {
            if used[index] {
                continue;
            }
            let why = match META_SCHEMAS.iter().find(|(id, _)| *id == schema.id) {
                Some((_, what)) => format!("{what}; no ResourceType serves it"),
                None => "neither a resource nor an extension of any ResourceType".to_owned(),
            };
            skip(out, schema, why);
        }
    } else {
        for (index, schema) in catalog.schemas.iter().enumerate() {
            if let Some((_, what)) = META_SCHEMAS.iter().find(|(id, _)| *id == schema.id) {
                skip(
                    out,
                    schema,
                    format!("{what}; give a ResourceType that serves it to generate it"),
                );
            } else if catalog.extension_hints.contains(&index)
                || schema.id.to_ascii_lowercase().contains(":extension:")
            {
                extension_ids.push(index);
            } else {
                let rust_name = base_name(schema);
                let endpoint = format!("/{rust_name}s");
                out.warnings.push(Warning::at(
                    &loc(schema, None),
                    format!("no ResourceType given: resource assumed at endpoint `{endpoint}`"),
                ));
                resources.push(Resource {
                    schema,
                    resource_type: schema.name.clone().unwrap_or_else(|| rust_name.clone()),
                    endpoint,
                    extensions: Vec::new(),
                    rust_name,
                });
            }
        }
        // Attach each extension to the one resource whose URN ends the same way (`...:User`).
        for (position, ext_index) in extension_ids.iter().enumerate() {
            let ext = &catalog.schemas[*ext_index];
            let tail = last_segment(&ext.id);
            let matching: Vec<usize> = (0..resources.len())
                .filter(|r| last_segment(&resources[*r].schema.id).eq_ignore_ascii_case(tail))
                .collect();
            if let [only] = matching[..] {
                let r = &mut resources[only];
                r.extensions.push((position, false));
                let message = format!(
                    "no ResourceType given: attached to resource `{}` as an optional extension (same last URN segment)",
                    r.resource_type
                );
                out.warnings.push(Warning::at(&loc(ext, None), message));
            }
        }
    }
    let extensions = extension_ids
        .into_iter()
        .map(|i| {
            let schema = &catalog.schemas[i];
            Extension {
                schema,
                rust_name: base_name(schema),
            }
        })
        .collect();
    (resources, extensions)
}

/// Resolves shared names: when several top-level types would get the same name, the first
/// resource keeps it and the others are named from their URN; remaining clashes get a number.
fn name_top_level(resources: &mut [Resource<'_>], extensions: &mut [Extension<'_>]) {
    let mut names: Vec<String> = resources.iter().map(|r| r.rust_name.clone()).collect();
    names.extend(extensions.iter().map(|e| e.rust_name.clone()));
    let ids: Vec<&str> = resources
        .iter()
        .map(|r| r.schema.id.as_str())
        .chain(extensions.iter().map(|e| e.schema.id.as_str()))
        .collect();
    let shared = |name: &str| names.iter().filter(|n| *n == name).count() > 1;
    let mut renamed = names.clone();
    let mut kept_by_resource: Vec<String> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !shared(name) {
            continue;
        }
        let is_resource = i < resources.len();
        if is_resource && !kept_by_resource.contains(name) {
            kept_by_resource.push(name.clone());
            continue;
        }
        // Resource types sharing one schema keep their own names.
        if is_resource && resources[..i].iter().any(|r| r.schema.id == ids[i]) {
            continue;
        }
        renamed[i] = naming::name_from_urn(ids[i]);
    }
    let mut scope = Scope::new();
    for (i, name) in renamed.iter().enumerate() {
        let name = scope.claim(name);
        if i < resources.len() {
            resources[i].rust_name = name;
        } else {
            extensions[i - resources.len()].rust_name = name;
        }
    }
}

struct Emitter {
    types: Scope,
    items: Vec<TokenStream>,
    warnings: Vec<Warning>,
    /// Extensions live in sibling modules (see [`emit`]).
    split: bool,
}

/// Doc attributes for a description, and whether `description = ".."` must be written because
/// the doc comment cannot carry the text exactly (it would become a Markdown code block, i.e. a
/// doctest, or it holds control characters).
struct Doc {
    attrs: Vec<TokenStream>,
    explicit: Option<String>,
    text: String,
}

fn doc(description: Option<&str>) -> Doc {
    let Some(text) = description.filter(|d| !d.is_empty()) else {
        return Doc {
            attrs: Vec::new(),
            explicit: None,
            text: String::new(),
        };
    };
    let hazard = text
        .split('\n')
        .any(|line| line.starts_with("    ") || line.starts_with('\t'))
        || text.contains("```")
        || text.contains("~~~")
        || text.chars().any(|c| c.is_control() && c != '\n');
    let lines: Vec<String> = if hazard {
        text.split('\n')
            .map(|line| {
                let cleaned: String = line
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                cleaned
                    .trim_start()
                    .replace("```", "'''")
                    .replace("~~~", "'''")
            })
            .collect()
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    let attrs = lines
        .iter()
        .map(|line| {
            let line = format!(" {line}");
            quote!(#[doc = #line])
        })
        .collect();
    Doc {
        attrs,
        explicit: hazard.then(|| text.to_owned()),
        text: text.to_owned(),
    }
}

/// Generated (not schema) documentation.
fn fixed_doc(text: &str) -> TokenStream {
    let line = format!(" {text}");
    quote!(#[doc = #line])
}

/// `#[allow(..)]` for items whose docs are text from a server: URLs, brackets, angle brackets,
/// Markdown list continuations.
fn doc_lint_allowances(texts: &[&str], undocumented: bool) -> TokenStream {
    let mut lints = Vec::new();
    if undocumented {
        lints.push(quote!(missing_docs));
    }
    let risky = texts.iter().any(|t| {
        t.contains(['[', ']', '<', '>', '`', '\n']) || t.contains("://") || t.contains("www.")
    });
    if risky {
        lints.push(quote!(rustdoc::bare_urls));
        lints.push(quote!(rustdoc::broken_intra_doc_links));
        lints.push(quote!(rustdoc::invalid_html_tags));
        lints.push(quote!(rustdoc::invalid_rust_codeblocks));
        lints.push(quote!(clippy::doc_lazy_continuation));
    }
    if lints.is_empty() {
        TokenStream::new()
    } else {
        quote!(#[allow(#(#lints),*)])
    }
}

fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
}

fn literal(value: &Value) -> TokenStream {
    match value {
        Value::String(s) => quote!(#s),
        Value::Bool(b) => quote!(#b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => {
                let lit = Literal::i64_unsuffixed(i);
                quote!(#lit)
            }
            None => {
                let lit = Literal::f64_unsuffixed(n.as_f64().unwrap_or_default());
                quote!(#lit)
            }
        },
        other => {
            let s = other.to_string();
            quote!(#s)
        }
    }
}

/// Fields and docs of one struct being built.
struct Fields {
    scope: Scope,
    tokens: Vec<TokenStream>,
    texts: Vec<String>,
    undocumented: bool,
}

impl Emitter {
    fn derive_struct() -> TokenStream {
        quote! {
            #[derive(
                ::core::clone::Clone,
                ::core::cmp::PartialEq,
                ::core::default::Default,
                ::scim_runtime::ScimResource
            )]
        }
    }

    fn resource(&mut self, r: &Resource<'_>, extensions: &[Extension<'_>]) {
        let slot = self.reserve_slot();
        let schema = r.schema;
        let mut fields = Fields {
            scope: Scope::new(),
            tokens: Vec::new(),
            texts: Vec::new(),
            undocumented: false,
        };
        for common in ["id", "external_id", "meta"] {
            fields.scope.reserve(common);
        }
        let id_doc =
            fixed_doc("The service provider's unique identifier of the resource (RFC 7643 §3.1).");
        let ext_id_doc = fixed_doc("The client's identifier of the resource (RFC 7643 §3.1).");
        let meta_doc = fixed_doc("Resource metadata (RFC 7643 §3.1).");
        fields.tokens.push(quote! {
            #id_doc
            pub id: ::core::option::Option<::std::string::String>,
            #ext_id_doc
            pub external_id: ::core::option::Option<::std::string::String>,
            #meta_doc
            pub meta: ::core::option::Option<::scim_runtime::Meta>,
        });
        for attr in &schema.attributes {
            if let Some(common) = COMMON.iter().find(|c| c.eq_ignore_ascii_case(&attr.name)) {
                let what = if *common == "schemas" {
                    "computed from the present extensions"
                } else {
                    "a common attribute every resource has"
                };
                self.warnings.push(Warning::at(
                    &loc(schema, Some(attr.name.clone())),
                    format!(
                        "`{}` is {what} (RFC 7643 §3.1): not generated from the schema",
                        attr.name
                    ),
                ));
                continue;
            }
            self.field(attr, &r.rust_name, &mut fields, schema, &[]);
        }
        for (position, required) in &r.extensions {
            let ext = &extensions[*position];
            let name = fields.scope.claim(&naming::field_ident(&ext.rust_name));
            let field = ident(&name);
            let ty = format_ident!("{}", ext.rust_name);
            let ty = if self.split {
                quote!(super::#ty)
            } else {
                quote!(#ty)
            };
            let d = fixed_doc(&format!("The extension `{}`.", ext.schema.id));
            let attr = if *required {
                quote!(#[scim(extension, required)])
            } else {
                quote!(#[scim(extension)])
            };
            fields.tokens.push(quote! {
                #d
                #attr
                pub #field: ::core::option::Option<#ty>,
            });
        }
        self.push_other(&mut fields);
        let d = doc(schema.description.as_deref());
        let schema_id = &schema.id;
        let name = schema
            .name
            .clone()
            .unwrap_or_else(|| r.resource_type.clone());
        let endpoint = &r.endpoint;
        let mut args = vec![
            quote!(resource),
            quote!(schema = #schema_id),
            quote!(name = #name),
        ];
        if r.resource_type != name {
            let rt = &r.resource_type;
            args.push(quote!(resource_type = #rt));
        }
        args.push(quote!(endpoint = #endpoint));
        if let Some(exact) = &d.explicit {
            args.push(quote!(description = #exact));
        }
        self.finish_struct(slot, &r.rust_name, d, args, fields);
    }

    fn extension(&mut self, e: &Extension<'_>) {
        let slot = self.reserve_slot();
        let schema = e.schema;
        let mut fields = Fields {
            scope: Scope::new(),
            tokens: Vec::new(),
            texts: Vec::new(),
            undocumented: false,
        };
        for attr in &schema.attributes {
            self.field(attr, &e.rust_name, &mut fields, schema, &[]);
        }
        self.push_other(&mut fields);
        let d = doc(schema.description.as_deref());
        let schema_id = &schema.id;
        let name = schema.name.clone().unwrap_or_else(|| e.rust_name.clone());
        let mut args = vec![
            quote!(extension),
            quote!(schema = #schema_id),
            quote!(name = #name),
        ];
        if let Some(exact) = &d.explicit {
            args.push(quote!(description = #exact));
        }
        self.finish_struct(slot, &e.rust_name, d, args, fields);
    }

    fn reserve_slot(&mut self) -> usize {
        self.items.push(TokenStream::new());
        self.items.len() - 1
    }

    fn push_other(&mut self, fields: &mut Fields) {
        let name = fields.scope.claim_first(&["other", "other_attributes"]);
        let field = ident(&name);
        let d =
            fixed_doc("Attributes the schema does not describe, kept as read and written back.");
        fields.tokens.push(quote! {
            #d
            #[scim(other)]
            pub #field: ::scim_runtime::OtherAttributes,
        });
    }

    fn finish_struct(
        &mut self,
        slot: usize,
        rust_name: &str,
        d: Doc,
        args: Vec<TokenStream>,
        fields: Fields,
    ) {
        let struct_ident = format_ident!("{}", rust_name);
        let mut texts: Vec<&str> = fields.texts.iter().map(String::as_str).collect();
        texts.push(&d.text);
        let undocumented = fields.undocumented || d.attrs.is_empty();
        let allow = doc_lint_allowances(&texts, undocumented);
        let derive = Self::derive_struct();
        let docs = d.attrs;
        let body = fields.tokens;
        self.items[slot] = quote! {
            #(#docs)*
            #allow
            #derive
            #[scim(#(#args),*)]
            pub struct #struct_ident {
                #(#body)*
            }
        };
    }

    fn field(
        &mut self,
        attr: &Attribute,
        owner: &str,
        fields: &mut Fields,
        schema: &Schema,
        parent: &[String],
    ) {
        let mut path = parent.to_vec();
        path.push(attr.name.clone());
        let name = fields.scope.claim(&naming::field_ident(&attr.name));
        let field = ident(&name);
        let mut args: Vec<TokenStream> = Vec::new();
        if naming::needs_rename(&name, &attr.name) {
            let wire = &attr.name;
            args.push(quote!(rename = #wire));
        }
        let is_enum = attr.ty == Type::String
            && !attr.canonical_values.is_empty()
            && attr.canonical_values.iter().all(Value::is_string);
        let inner: TokenStream = match attr.ty {
            Type::Complex => {
                let attr_part = if attr.multi_valued {
                    naming::singular(&attr.name)
                } else {
                    attr.name.clone()
                };
                // As the schema reads (`name` → `Name`); the owner in front only on a clash.
                let type_name = self.types.claim_first(&[
                    &naming::attribute_type_ident(&attr_part),
                    &naming::nested_type_ident(owner, &attr_part),
                ]);
                self.complex(attr, &type_name, schema, &path);
                let ty = format_ident!("{}", type_name);
                quote!(#ty)
            }
            Type::String if is_enum => {
                // The owner and the attribute (`EmailType`): `Type` alone would not say whose.
                let type_name = self.types.claim_first(&[
                    &naming::enum_type_ident(owner, &attr.name),
                    &naming::nested_type_ident(owner, &attr.name),
                ]);
                self.canonical_enum(attr, &type_name, schema, &path);
                let ty = format_ident!("{}", type_name);
                quote!(#ty)
            }
            Type::String => quote!(::std::string::String),
            Type::Boolean => quote!(bool),
            Type::Integer => quote!(i64),
            Type::Decimal => quote!(::scim_runtime::Decimal),
            Type::DateTime => quote!(::scim_runtime::DateTime),
            Type::Binary => quote!(::scim_runtime::Binary),
            Type::Reference => quote!(::scim_runtime::Reference),
        };
        let ty = if attr.multi_valued {
            quote!(::std::vec::Vec<#inner>)
        } else {
            quote!(::core::option::Option<#inner>)
        };
        if attr.required {
            args.push(quote!(required));
        }
        if attr.case_exact {
            args.push(quote!(case_exact));
        }
        // Only what differs from the RFC 7643 §2.2 defaults, in the RFC spelling the derive reads.
        if attr.mutability != Mutability::default() {
            let m = attr.mutability.as_str();
            args.push(quote!(mutability = #m));
        }
        if attr.returned != Returned::default() {
            let r = attr.returned.as_str();
            args.push(quote!(returned = #r));
        }
        if attr.uniqueness != Uniqueness::default() {
            let u = attr.uniqueness.as_str();
            args.push(quote!(uniqueness = #u));
        }
        if !is_enum && !attr.canonical_values.is_empty() {
            let values = attr.canonical_values.iter().map(literal);
            args.push(quote!(canonical_values(#(#values),*)));
        }
        if !attr.reference_types.is_empty() {
            let types = &attr.reference_types;
            args.push(quote!(reference_types(#(#types),*)));
        }
        let d = doc(attr.description.as_deref());
        if let Some(exact) = &d.explicit {
            args.push(quote!(description = #exact));
        }
        if d.attrs.is_empty() {
            fields.undocumented = true;
        }
        fields.texts.push(d.text);
        let docs = d.attrs;
        let scim = if args.is_empty() {
            TokenStream::new()
        } else {
            quote!(#[scim(#(#args),*)])
        };
        fields.tokens.push(quote! {
            #(#docs)*
            #scim
            pub #field: #ty,
        });
    }

    fn complex(&mut self, attr: &Attribute, type_name: &str, schema: &Schema, path: &[String]) {
        let slot = self.reserve_slot();
        let mut fields = Fields {
            scope: Scope::new(),
            tokens: Vec::new(),
            texts: Vec::new(),
            undocumented: false,
        };
        for sub in &attr.sub_attributes {
            self.field(sub, type_name, &mut fields, schema, path);
        }
        self.push_other(&mut fields);
        let text = format!("A value of `{}` in `{}`.", path.join("."), schema.id);
        let struct_ident = format_ident!("{}", type_name);
        let texts: Vec<&str> = fields.texts.iter().map(String::as_str).collect();
        let allow = doc_lint_allowances(&texts, fields.undocumented);
        let d = fixed_doc(&text);
        let derive = Self::derive_struct();
        let body = fields.tokens;
        self.items[slot] = quote! {
            #d
            #allow
            #derive
            #[scim(complex)]
            pub struct #struct_ident {
                #(#body)*
            }
        };
    }

    fn canonical_enum(
        &mut self,
        attr: &Attribute,
        type_name: &str,
        schema: &Schema,
        path: &[String],
    ) {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let mut texts = Vec::new();
        for value in attr.canonical_values.iter().filter_map(Value::as_str) {
            let name = scope.claim(&naming::variant_ident(value));
            let variant = format_ident!("{}", name);
            let rename = if naming::variant_needs_rename(&name, value) {
                quote!(#[scim(rename = #value)])
            } else {
                TokenStream::new()
            };
            let d = fixed_doc(&format!("The canonical value \"{value}\"."));
            texts.push(value.to_owned());
            variants.push(quote! {
                #d
                #rename
                #variant,
            });
        }
        let fallback = format_ident!("{}", scope.claim("Custom"));
        let fallback_doc = fixed_doc("Any other value.");
        let text = format!(
            "Canonical values of `{}` in `{}`.",
            path.join("."),
            schema.id
        );
        let d = fixed_doc(&text);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let allow = doc_lint_allowances(&texts, false);
        let enum_ident = format_ident!("{}", type_name);
        // The enum matches spellings as its attribute does (RFC 7643 §2.2 `caseExact`).
        let canonical = if attr.case_exact {
            quote!(#[scim(canonical, case_exact)])
        } else {
            quote!(#[scim(canonical)])
        };
        self.items.push(quote! {
            #d
            #allow
            // `PartialEq`, `Eq` and `Hash` come from the derive, which compares as the
            // attribute's `caseExact` says.
            #[derive(::core::clone::Clone, ::scim_runtime::ScimResource)]
            #canonical
            pub enum #enum_ident {
                #(#variants)*
                #fallback_doc
                #[scim(other)]
                #fallback(::std::string::String),
            }
        });
    }
}
