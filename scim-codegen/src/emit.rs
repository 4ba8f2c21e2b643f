//! Plan → Rust: writes each item of a [`Plan`] with `quote`, as planned. Every decision (which
//! schemas, which names) was made in [`crate::plan`]; what is decided here is only how a thing
//! is written: docs, lint allowances, and the `#[scim(..)]` arguments that differ from the
//! RFC 7643 §2.2 defaults.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::model::{Mutability, Returned, Type, Uniqueness};
use crate::plan::{Enum, Field, FieldKind, FieldType, Item, Plan, Role, Struct};

/// The generated items.
pub(crate) struct Output {
    pub items: Vec<TokenStream>,
    /// Each resource and extension, in output order: its Rust name and the index of its first
    /// item; its items run up to the next one's first.
    pub units: Vec<(String, usize)>,
}

/// Writes every item of the plan, in order.
pub(crate) fn emit(plan: &Plan<'_>) -> Output {
    let mut out = Output {
        items: Vec::new(),
        units: Vec::new(),
    };
    for unit in &plan.units {
        out.units.push((unit.rust_name.clone(), out.items.len()));
        for item in &unit.items {
            out.items.push(match item {
                Item::Struct(s) => write_struct(s),
                Item::Enum(e) => write_enum(e),
            });
        }
    }
    out
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

/// Fields and docs of one struct being written.
struct Fields {
    tokens: Vec<TokenStream>,
    texts: Vec<String>,
    undocumented: bool,
}

fn write_struct(s: &Struct<'_>) -> TokenStream {
    let mut fields = Fields {
        tokens: Vec::new(),
        texts: Vec::new(),
        undocumented: false,
    };
    if matches!(s.role, Role::Resource { .. }) {
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
    }
    for field in &s.fields {
        write_field(field, &mut fields);
    }
    let other = ident(&s.other);
    let other_doc =
        fixed_doc("Attributes the schema does not describe, kept as read and written back.");
    fields.tokens.push(quote! {
        #other_doc
        #[scim(other)]
        pub #other: ::scim_runtime::OtherAttributes,
    });
    let struct_ident = format_ident!("{}", s.name);
    let derive = derive_struct();
    let body = fields.tokens;
    let mut texts: Vec<&str> = fields.texts.iter().map(String::as_str).collect();
    let (docs, allow, args) = match &s.role {
        Role::Complex { schema, path } => {
            let allow = doc_lint_allowances(&texts, fields.undocumented);
            let d = fixed_doc(&format!("A value of `{path}` in `{}`.", schema.id));
            (vec![d], allow, quote!(complex))
        }
        Role::Resource {
            schema,
            name,
            resource_type,
            endpoint,
        } => {
            let d = doc(schema.description.as_deref());
            let schema_id = &schema.id;
            let mut args = vec![
                quote!(resource),
                quote!(schema = #schema_id),
                quote!(name = #name),
            ];
            if let Some(rt) = resource_type {
                args.push(quote!(resource_type = #rt));
            }
            args.push(quote!(endpoint = #endpoint));
            if let Some(exact) = &d.explicit {
                args.push(quote!(description = #exact));
            }
            texts.push(&d.text);
            let allow = doc_lint_allowances(&texts, fields.undocumented || d.attrs.is_empty());
            (d.attrs, allow, quote!(#(#args),*))
        }
        Role::Extension { schema, name } => {
            let d = doc(schema.description.as_deref());
            let schema_id = &schema.id;
            let mut args = vec![
                quote!(extension),
                quote!(schema = #schema_id),
                quote!(name = #name),
            ];
            if let Some(exact) = &d.explicit {
                args.push(quote!(description = #exact));
            }
            texts.push(&d.text);
            let allow = doc_lint_allowances(&texts, fields.undocumented || d.attrs.is_empty());
            (d.attrs, allow, quote!(#(#args),*))
        }
    };
    quote! {
        #(#docs)*
        #allow
        #derive
        #[scim(#args)]
        pub struct #struct_ident {
            #(#body)*
        }
    }
}

fn write_field(field: &Field<'_>, fields: &mut Fields) {
    let name = ident(&field.ident);
    let (attr, rename, ty, is_enum) = match &field.kind {
        FieldKind::Extension {
            schema_id,
            type_name,
            in_sibling_module,
            required,
        } => {
            let ty = format_ident!("{}", type_name);
            let ty = if *in_sibling_module {
                quote!(super::#ty)
            } else {
                quote!(#ty)
            };
            let d = fixed_doc(&format!("The extension `{schema_id}`."));
            let scim = if *required {
                quote!(#[scim(extension, required)])
            } else {
                quote!(#[scim(extension)])
            };
            fields.tokens.push(quote! {
                #d
                #scim
                pub #name: ::core::option::Option<#ty>,
            });
            return;
        }
        FieldKind::Attribute {
            attr,
            rename,
            ty,
            is_enum,
        } => (*attr, *rename, ty, *is_enum),
    };
    let mut args: Vec<TokenStream> = Vec::new();
    if rename {
        let wire = &attr.name;
        args.push(quote!(rename = #wire));
    }
    let inner = match ty {
        FieldType::Named(type_name) => {
            let ty = format_ident!("{}", type_name);
            quote!(#ty)
        }
        FieldType::Scalar(Type::Boolean) => quote!(bool),
        FieldType::Scalar(Type::Integer) => quote!(i64),
        FieldType::Scalar(Type::Decimal) => quote!(::scim_runtime::Decimal),
        FieldType::Scalar(Type::DateTime) => quote!(::scim_runtime::DateTime),
        FieldType::Scalar(Type::Binary) => quote!(::scim_runtime::Binary),
        FieldType::Scalar(Type::Reference) => quote!(::scim_runtime::Reference),
        // Complex attributes always have a named type; a string is the fallback.
        FieldType::Scalar(Type::String | Type::Complex) => quote!(::std::string::String),
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
        pub #name: #ty,
    });
}

fn write_enum(e: &Enum<'_>) -> TokenStream {
    let mut variants = Vec::new();
    let mut texts = Vec::new();
    for v in &e.variants {
        let variant = format_ident!("{}", v.ident);
        let value = &v.value;
        let rename = if v.rename {
            quote!(#[scim(rename = #value)])
        } else {
            TokenStream::new()
        };
        let d = fixed_doc(&format!("The canonical value \"{value}\"."));
        texts.push(value.as_str());
        variants.push(quote! {
            #d
            #rename
            #variant,
        });
    }
    let fallback = format_ident!("{}", e.fallback);
    let fallback_doc = fixed_doc("Any other value.");
    let d = fixed_doc(&format!(
        "Canonical values of `{}` in `{}`.",
        e.path, e.schema.id
    ));
    let allow = doc_lint_allowances(&texts, false);
    let enum_ident = format_ident!("{}", e.name);
    // The enum matches spellings as its attribute does (RFC 7643 §2.2 `caseExact`).
    let canonical = if e.attr.case_exact {
        quote!(#[scim(canonical, case_exact)])
    } else {
        quote!(#[scim(canonical)])
    };
    quote! {
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
    }
}
