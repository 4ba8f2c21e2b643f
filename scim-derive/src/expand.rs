//! Emitting the impls. Every path is fully qualified, and everything is wrapped in
//! `const _: () = { ... };`, so the output neither depends on nor disturbs the user's names.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

use crate::ast::{Container, Field, Kind, Role};

/// The paths of the runtime items generated code uses.
struct Paths {
    rt: TokenStream,
    serde: TokenStream,
}

impl Paths {
    fn new() -> Self {
        Self {
            rt: quote!(::scim_runtime),
            serde: quote!(::scim_runtime::__private::serde),
        }
    }
}

pub fn expand(c: &Container<'_>) -> TokenStream {
    let body = match c.kind {
        Kind::Canonical => expand_canonical(c),
        _ => expand_struct(c),
    };
    let debug = crate::expand_debug::expand(c);
    let canonical = match c.kind {
        Kind::Canonical => crate::expand_canonical::expand(c),
        _ => crate::expand_canonical::field_checks(c),
    };
    quote! {
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #body
            #debug
            #canonical
        };
    }
}

/// The `AttributeDef` a field uses at run time.
fn def_expr(f: &Field) -> TokenStream {
    match f.role {
        Role::Attribute(i) => quote!(&<Self as ::scim_runtime::ScimObject>::ATTRIBUTES[#i]),
        Role::Common("id") => quote!(&::scim_runtime::meta::ID_ATTRIBUTE),
        Role::Common("externalId") => quote!(&::scim_runtime::meta::EXTERNAL_ID_ATTRIBUTE),
        Role::Common(_) => quote!(&::scim_runtime::meta::META_ATTRIBUTE),
        _ => quote!(::core::unreachable!()),
    }
}

fn attribute_def_literal(f: &Field) -> TokenStream {
    let rt = quote!(::scim_runtime);
    let inner = &f.inner;
    let name = &f.wire_name;
    let ch = &f.chars;
    let value_trait = quote!(<#inner as #rt::value::AttributeValue>);
    let ty = ch.ty.clone().unwrap_or_else(|| quote!(#value_trait::TYPE));
    let multi = f.multi_valued;
    let required = ch.required;
    // A canonical enum's own `case_exact` makes its attribute `caseExact` (RFC 7643 §2.2).
    let case_exact = if ch.case_exact {
        quote!(true)
    } else {
        quote!(
            ::core::matches!(#value_trait::CANONICAL_CASE_EXACT, ::core::option::Option::Some(true))
        )
    };
    let mutability = ch
        .mutability
        .clone()
        .unwrap_or_else(|| quote!(#rt::meta::Mutability::ReadWrite));
    let returned = ch
        .returned
        .clone()
        .unwrap_or_else(|| quote!(#rt::meta::Returned::Default));
    let uniqueness = ch
        .uniqueness
        .clone()
        .unwrap_or_else(|| quote!(#rt::meta::Uniqueness::None));
    let canonical = match &ch.canonical_values {
        Some(values) => quote!(&[#(#values),*]),
        None => quote!(#value_trait::CANONICAL_VALUES),
    };
    let refs = &ch.reference_types;
    let description = &ch.description;
    quote_spanned! {f.span=>
        #rt::meta::AttributeDef {
            name: #name,
            ty: #ty,
            multi_valued: #multi,
            required: #required,
            case_exact: #case_exact,
            mutability: #mutability,
            returned: #returned,
            uniqueness: #uniqueness,
            canonical_values: #canonical,
            reference_types: &[#(#refs),*],
            sub_attributes: #value_trait::SUB_ATTRIBUTES,
            description: #description,
        }
    }
}

fn schema_id<'c>(c: &'c Container<'_>) -> Option<&'c str> {
    match &c.kind {
        Kind::Resource(r) => Some(&r.schema.id),
        Kind::Extension(s) => Some(&s.id),
        _ => None,
    }
}

fn extension_urn(f: &Field) -> TokenStream {
    let ty = &f.inner;
    quote!(<#ty as ::scim_runtime::Extension>::SCHEMA.id)
}

fn expand_struct(c: &Container<'_>) -> TokenStream {
    let Paths { rt, serde } = Paths::new();
    let ident = c.ident();
    let attrs: Vec<_> = c.attributes().map(attribute_def_literal).collect();

    let serialize = expand_serialize_scoped(c);
    let deserialize = expand_deserialize(c);
    let validate = expand_validate(c);
    let drop_ignored = expand_drop_ignored(c);
    let is_empty = expand_is_empty(c);
    let is_empty_in = expand_is_empty_in(c);
    let merge_from = expand_merge_from(c);
    let access = expand_access(c);
    let other_ref = match c.other() {
        Some(f) => {
            let i = &f.ident;
            quote!(::core::option::Option::Some(&self.#i))
        }
        None => quote!(::core::option::Option::None),
    };

    let primary = c.attributes().find(|f| {
        f.wire_name.eq_ignore_ascii_case("primary")
            && !f.multi_valued
            && matches!(&f.inner, syn::Type::Path(p) if p.path.is_ident("bool"))
    });
    let is_primary = match (primary, c.other()) {
        (Some(f), _) => {
            let i = &f.ident;
            quote!(self.#i == ::core::option::Option::Some(true))
        }
        // Without a declared `primary`, a `primary: true` kept among the unknown attributes
        // still counts (RFC 7643 §2.4), as it does for dynamic resources.
        (None, Some(o)) => {
            let i = &o.ident;
            quote!(#rt::__private::is_primary_unknown(&self.#i))
        }
        (None, None) => quote!(false),
    };

    let kind_impls = match &c.kind {
        Kind::Resource(r) => {
            let id = &r.schema.id;
            let name = &r.schema.name;
            let description = &r.schema.description;
            let rtype = &r.resource_type;
            let endpoint = &r.endpoint;
            let exts = c.extensions().map(|f| {
                let ty = &f.inner;
                let required = matches!(f.role, Role::Extension { required: true });
                quote!(#rt::meta::ExtensionDef { schema: <#ty as #rt::Extension>::SCHEMA, required: #required })
            });
            let field = |name: &str| {
                c.fields
                    .iter()
                    .find(|f| matches!(f.role, Role::Common(n) if n == name))
                    .map(|f| f.ident.clone())
                    .unwrap_or_else(|| Ident::new("id", Span::call_site()))
            };
            let (id_f, ext_f, meta_f) = (field("id"), field("externalId"), field("meta"));
            quote! {
                #[automatically_derived]
                impl #rt::Resource for #ident {
                    const SCHEMA: &'static #rt::meta::SchemaDef = &#rt::meta::SchemaDef {
                        id: #id,
                        name: #name,
                        description: #description,
                        attributes: <Self as #rt::ScimObject>::ATTRIBUTES,
                    };
                    const RESOURCE_TYPE: &'static #rt::meta::ResourceTypeDef = &#rt::meta::ResourceTypeDef {
                        name: #rtype,
                        endpoint: #endpoint,
                        description: #description,
                        schema: <Self as #rt::Resource>::SCHEMA,
                        extensions: &[#(#exts),*],
                    };
                    fn id(&self) -> ::core::option::Option<&str> {
                        ::core::option::Option::as_deref(&self.#id_f)
                    }
                    fn set_id(&mut self, id: ::core::option::Option<::std::string::String>) {
                        self.#id_f = id;
                    }
                    fn external_id(&self) -> ::core::option::Option<&str> {
                        ::core::option::Option::as_deref(&self.#ext_f)
                    }
                    fn meta(&self) -> ::core::option::Option<&#rt::Meta> {
                        ::core::option::Option::as_ref(&self.#meta_f)
                    }
                    fn meta_mut(&mut self) -> &mut ::core::option::Option<#rt::Meta> {
                        &mut self.#meta_f
                    }
                }
            }
        }
        Kind::Extension(s) => {
            let id = &s.id;
            let name = &s.name;
            let description = &s.description;
            quote! {
                #[automatically_derived]
                impl #rt::Extension for #ident {
                    const SCHEMA: &'static #rt::meta::SchemaDef = &#rt::meta::SchemaDef {
                        id: #id,
                        name: #name,
                        description: #description,
                        attributes: <Self as #rt::ScimObject>::ATTRIBUTES,
                    };
                }
            }
        }
        _ => quote!(),
    };

    quote! {
        #[automatically_derived]
        impl #rt::ScimObject for #ident {
            const ATTRIBUTES: &'static [#rt::meta::AttributeDef] = &[#(#attrs),*];
            #serialize
            #validate
            #drop_ignored
            #is_empty
            #is_empty_in
            #merge_from
            fn other_attributes(&self) -> ::core::option::Option<&#rt::OtherAttributes> {
                #other_ref
            }
        }

        #kind_impls

        #access

        #[automatically_derived]
        impl #rt::value::AttributeValue for #ident {
            const TYPE: #rt::meta::AttributeType = #rt::meta::AttributeType::Complex;
            const SUB_ATTRIBUTES: &'static [#rt::meta::AttributeDef] = <Self as #rt::ScimObject>::ATTRIBUTES;
            fn deserialize_value<'de, __D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                <Self as #serde::Deserialize<'de>>::deserialize(deserializer)
            }
            fn serialize_value<__S>(&self, serializer: __S, scope: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                <Self as #rt::ScimObject>::serialize_scoped(self, serializer, scope)
            }
            fn validate_value(&self, validator: &mut #rt::Validator) {
                <Self as #rt::ScimObject>::validate_into(self, validator)
            }
            fn drop_ignored(&mut self, context: #rt::Context) {
                <Self as #rt::ScimObject>::drop_ignored_attributes(self, context)
            }
            fn is_empty_value(&self) -> bool {
                <Self as #rt::ScimObject>::is_empty(self)
            }
            fn is_empty_in(&self, scope: &#rt::Scope<'_>) -> bool {
                <Self as #rt::ScimObject>::is_empty_in(self, scope)
            }
            fn is_primary(&self) -> bool {
                #is_primary
            }
            fn value_ref(&self) -> #rt::value::ValueRef<'_> {
                #rt::value::ValueRef::Complex(self)
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for #ident {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                <Self as #rt::ScimObject>::serialize_scoped(self, serializer, &#rt::Scope::DEFAULT)
            }
        }

        #deserialize
    }
}

fn expand_serialize_scoped(c: &Container<'_>) -> TokenStream {
    let Paths { rt, serde } = Paths::new();
    let mut entries = Vec::new();

    if let Kind::Resource(r) = &c.kind {
        let id = &r.schema.id;
        let present = c.extensions().map(|f| {
            let i = &f.ident;
            let urn = extension_urn(f);
            quote! {
                match &self.#i {
                    ::core::option::Option::Some(e) if scope.keeps_extension(#urn) && !<_ as #rt::ScimObject>::is_empty_in(e, &scope.in_extension(#urn)) => ::core::option::Option::Some(#urn),
                    _ => ::core::option::Option::None,
                }
            }
        });
        let other = match c.other() {
            Some(f) => {
                let i = &f.ident;
                quote!(::core::option::Option::Some(&self.#i))
            }
            None => quote!(::core::option::Option::None),
        };
        entries.push(quote! {
            #serde::ser::SerializeMap::serialize_entry(
                &mut map,
                "schemas",
                &#rt::__private::SchemasOut::new(#id, &[#(#present),*], #other, scope, __KNOWN),
            )?;
        });
    }

    // Common attributes first, then the schema's, then meta last, as the RFC examples show them.
    let order = c
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Common("id") | Role::Common("externalId")))
        .chain(c.attributes())
        .chain(c.extensions())
        .chain(
            c.fields
                .iter()
                .filter(|f| matches!(f.role, Role::Common("meta"))),
        );

    for f in order {
        let i = &f.ident;
        let wire = &f.wire_name;
        match f.role {
            Role::Extension { .. } => {
                let urn = extension_urn(f);
                entries.push(quote! {
                    if let ::core::option::Option::Some(value) = &self.#i {
                        if scope.keeps_extension(#urn) {
                            let child = scope.in_extension(#urn);
                            if !<_ as #rt::ScimObject>::is_empty_in(value, &child) {
                                #serde::ser::SerializeMap::serialize_entry(&mut map, #urn, &#rt::value::Scoped::new(value, &child))?;
                            }
                        }
                    }
                });
            }
            _ => {
                let def = def_expr(f);
                if f.multi_valued {
                    entries.push(quote! {
                        if !self.#i.is_empty() {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                let seq = #rt::value::ScopedSeq::new(&self.#i, &child);
                                if seq.writes_any() {
                                    #serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &seq)?;
                                }
                            }
                        }
                    });
                } else {
                    entries.push(quote! {
                        if let ::core::option::Option::Some(value) = &self.#i {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                if !#rt::value::AttributeValue::is_empty_in(value, &child) {
                                    #serde::ser::SerializeMap::serialize_entry(&mut map, #wire, &#rt::value::Scoped::new(value, &child))?;
                                }
                            }
                        }
                    });
                }
            }
        }
    }

    if let Some(f) = c.other() {
        let i = &f.ident;
        let write = if matches!(c.kind, Kind::Resource(_)) {
            quote!(scope.unknown_top_value(key, value, __KNOWN))
        } else {
            quote!(scope.unknown_value(key, value))
        };
        entries.push(quote! {
            for (key, value) in &self.#i {
                if let ::core::option::Option::Some(value) = #write {
                    #serde::ser::SerializeMap::serialize_entry(&mut map, key, &*value)?;
                }
            }
        });
    }
    let known = known_urns(c);

    quote! {
        fn serialize_scoped<__S>(&self, serializer: __S, scope: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: #serde::Serializer,
        {
            #known
            let mut map = #serde::Serializer::serialize_map(serializer, ::core::option::Option::None)?;
            #(#entries)*
            #serde::ser::SerializeMap::end(map)
        }
    }
}

/// `let __KNOWN: &[&str] = ...;`: a resource's core and extension schema URNs, which tell an
/// unknown extension block from a URN-qualified attribute (RFC 7644 §3.10).
fn known_urns(c: &Container<'_>) -> TokenStream {
    match &c.kind {
        Kind::Resource(r) => {
            let id = &r.schema.id;
            let urns = c.extensions().map(extension_urn);
            quote! {
                let __KNOWN: &[&'static str] = &[#id, #(#urns),*];
            }
        }
        _ => quote!(),
    }
}

fn expand_is_empty_in(c: &Container<'_>) -> TokenStream {
    let rt = quote!(::scim_runtime);
    let tests = c.fields.iter().map(|f| {
        let i = &f.ident;
        match f.role {
            Role::Other => {
                let write = if matches!(c.kind, Kind::Resource(_)) {
                    quote!(scope.unknown_top_value(key, value, __KNOWN))
                } else {
                    quote!(scope.unknown_value(key, value))
                };
                quote! {
                    for (key, value) in &self.#i {
                        if ::core::option::Option::is_some(&#write) {
                            return false;
                        }
                    }
                }
            }
            Role::Extension { .. } => {
                let urn = extension_urn(f);
                quote! {
                    if let ::core::option::Option::Some(value) = &self.#i {
                        if scope.keeps_extension(#urn) && !<_ as #rt::ScimObject>::is_empty_in(value, &scope.in_extension(#urn)) {
                            return false;
                        }
                    }
                }
            }
            _ => {
                let def = def_expr(f);
                if f.multi_valued {
                    quote! {
                        if !self.#i.is_empty() {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                if #rt::value::ScopedSeq::new(&self.#i, &child).writes_any() {
                                    return false;
                                }
                            }
                        }
                    }
                } else {
                    quote! {
                        if let ::core::option::Option::Some(value) = &self.#i {
                            if let ::core::option::Option::Some(child) = scope.child(#def) {
                                if !#rt::value::AttributeValue::is_empty_in(value, &child) {
                                    return false;
                                }
                            }
                        }
                    }
                }
            }
        }
    });
    let known = known_urns(c);
    quote! {
        fn is_empty_in(&self, scope: &#rt::Scope<'_>) -> bool {
            // Without a context nothing is left out: only an unset value is empty.
            if scope.context() == #rt::Context::Default {
                return <Self as #rt::ScimObject>::is_empty(self);
            }
            #known
            #(#tests)*
            true
        }
    }
}

fn expand_merge_from(c: &Container<'_>) -> TokenStream {
    let rt = quote!(::scim_runtime);
    let steps = c.fields.iter().map(|f| {
        let i = &f.ident;
        match f.role {
            Role::Other => quote! {
                for (key, value) in later.#i {
                    #rt::__private::insert_unknown(&mut self.#i, key, value)?;
                }
            },
            Role::Extension { .. } => quote! {
                self.#i = #rt::__private::merge_extension(self.#i.take(), later.#i)?;
            },
            _ => {
                let wire = &f.wire_name;
                let (set_here, set_later) = if f.multi_valued {
                    (quote!(!self.#i.is_empty()), quote!(!later.#i.is_empty()))
                } else {
                    (
                        quote!(::core::option::Option::is_some(&self.#i)),
                        quote!(::core::option::Option::is_some(&later.#i)),
                    )
                };
                quote! {
                    if #set_later {
                        if #set_here {
                            return ::core::result::Result::Err(::std::borrow::ToOwned::to_owned(#wire));
                        }
                        self.#i = later.#i;
                    }
                }
            }
        }
    });
    quote! {
        fn merge_from(&mut self, later: Self) -> ::core::result::Result<(), ::std::string::String> {
            #(#steps)*
            ::core::result::Result::Ok(())
        }
    }
}

fn expand_deserialize(c: &Container<'_>) -> TokenStream {
    let Paths { rt, serde } = Paths::new();
    let ident = c.ident();
    let expecting = format!("a SCIM {} object", ident);

    // Fields read from the payload: attributes, common attributes and extensions.
    let read: Vec<&Field> = c
        .fields
        .iter()
        .filter(|f| !matches!(f.role, Role::Other))
        .collect();
    let variants: Vec<Ident> = (0..read.len()).map(|i| format_ident!("__f{}", i)).collect();
    let slots: Vec<Ident> = (0..read.len()).map(|i| format_ident!("__v{}", i)).collect();

    // Exact spellings match in one `match`; other spellings fall back to a case-insensitive scan.
    let mut exact_arms = Vec::new();
    let mut folded_checks = Vec::new();
    let mut qualified_checks = Vec::new();
    let mut extension_checks = Vec::new();
    let mut qualified_ext_checks = Vec::new();
    let mut qualified_variants = Vec::new();
    let mut qualified_arms = Vec::new();
    let mut qualified_seen = Vec::new();
    for ((f, v), slot) in read.iter().zip(&variants).zip(&slots) {
        match f.role {
            Role::Extension { .. } => {
                let urn = extension_urn(f);
                extension_checks.push(quote! {
                    if #rt::__private::eq_ci(key, #urn) {
                        return __Field::#v;
                    }
                });
                // `<extension URN>:<attribute>` at the top level names the extension's
                // attribute (RFC 7644 §3.10). A name with a `.` is not an attribute name
                // (RFC 7643 §2.1), so `<URN>:name.sub` stays an unknown attribute.
                let q = format_ident!("__q{}", qualified_variants.len());
                qualified_ext_checks.push(quote! {
                    if let ::core::option::Option::Some(name) = #rt::__private::strip_schema(key, #urn) {
                        if !name.contains('.') && !name.contains(':') {
                            return __Field::#q(::std::borrow::ToOwned::to_owned(name));
                        }
                    }
                });
                let inner = &f.inner;
                let qseen = format_ident!("__qualified_seen{}", qualified_variants.len());
                qualified_seen.push(quote!(let mut #qseen: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();));
                qualified_arms.push(quote! {
                    __Field::#q(name) => {
                        // The same qualified name twice, in any spelling, even null.
                        if #qseen.iter().any(|seen| #rt::__private::eq_ci(seen, &name)) {
                            return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>(&::std::format!("{}:{}", #urn, name.to_ascii_lowercase())));
                        }
                        #qseen.push(::core::clone::Clone::clone(&name));
                        let value = #serde::de::MapAccess::next_value_seed(&mut map, #rt::__private::QualifiedSeed::<#inner>::new(&name))?;
                        match #rt::__private::merge_extension(::core::option::Option::flatten(#slot.take()), value) {
                            ::core::result::Result::Ok(merged) => #slot = ::core::option::Option::Some(merged),
                            ::core::result::Result::Err(twice) => {
                                return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>(&::std::format!("{}:{}", #urn, twice)));
                            }
                        }
                    }
                });
                qualified_variants.push(q);
            }
            _ => {
                let wire = &f.wire_name;
                exact_arms.push(quote!(#wire => __Field::#v,));
                folded_checks.push(quote! {
                    if #rt::__private::eq_ci(key, #wire) {
                        return __Field::#v;
                    }
                });
                if matches!(f.role, Role::Attribute(_)) {
                    qualified_checks.push(quote! {
                        if #rt::__private::eq_ci(name, #wire) {
                            return __Field::#v;
                        }
                    });
                }
            }
        }
    }
    let (schemas_check, schemas_arm) = match schema_id(c) {
        Some(id) if matches!(c.kind, Kind::Resource(_)) => (
            quote! {
                if #rt::__private::eq_ci(key, "schemas") {
                    return __Field::__schemas;
                }
                // `urn:...:User:userName` names `userName` (RFC 7644 §3.10).
                if let ::core::option::Option::Some(name) = #rt::__private::strip_schema(key, #id) {
                    #(#qualified_checks)*
                }
            },
            quote! {
                __Field::__schemas => {
                    if __schemas_seen {
                        return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>("schemas"));
                    }
                    __schemas_seen = true;
                    #serde::de::MapAccess::next_value_seed(&mut map, #rt::__private::SchemasSeed(#id))?;
                }
            },
        ),
        _ => (
            quote!(),
            quote!(__Field::__schemas => {
                #serde::de::MapAccess::next_value::<#serde::de::IgnoredAny>(&mut map)?;
            }),
        ),
    };

    // An attribute given twice, in any spelling, is refused (see `duplicate_attribute`). An
    // extension's block merges with its URN-qualified names; the block itself once.
    let read_arms = read.iter().zip(&variants).zip(&slots).enumerate().map(|(n, ((f, v), slot))| {
        let inner = &f.inner;
        let seed = if f.multi_valued {
            quote!(#rt::value::VecSeed::<#inner>::default())
        } else {
            quote!(#rt::value::OptionSeed::<#inner>::default())
        };
        // serde quotes a value it cannot read; a secret's error names the attribute only.
        let wire = &f.wire_name;
        let redact = f
            .sensitive
            .then(|| {
                let multi = f.multi_valued;
                quote!(.map_err(|__e| #rt::redact::sensitive_error(__e, #wire, <#inner as #rt::value::AttributeValue>::TYPE, #multi)))
            });
        if matches!(f.role, Role::Extension { .. }) {
            let urn = extension_urn(f);
            let seen = format_ident!("__block_seen{}", n);
            quote! {
                __Field::#v => {
                    if #seen {
                        return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>(#urn));
                    }
                    #seen = true;
                    let __value = ::core::result::Result::map_err(
                        #serde::de::MapAccess::next_value_seed(&mut map, #seed)#redact,
                        |__e| #rt::__private::note_error_in_block(#urn, __e),
                    )?;
                    match #rt::__private::merge_extension(::core::option::Option::flatten(#slot.take()), __value) {
                        ::core::result::Result::Ok(__merged) => #slot = ::core::option::Option::Some(__merged),
                        ::core::result::Result::Err(__twice) => {
                            return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>(&::std::format!("{}:{}", #urn, __twice)));
                        }
                    }
                }
            }
        } else {
            quote! {
                __Field::#v => {
                    if ::core::option::Option::is_some(&#slot) {
                        return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>(#wire));
                    }
                    #slot = ::core::option::Option::Some(#serde::de::MapAccess::next_value_seed(&mut map, #seed)#redact?);
                }
            }
        }
    });
    let schemas_seen = if matches!(c.kind, Kind::Resource(_)) {
        quote!(let mut __schemas_seen = false;)
    } else {
        quote!()
    };
    let block_seen = read
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.role, Role::Extension { .. }))
        .map(|(n, _)| {
            let seen = format_ident!("__block_seen{}", n);
            quote!(let mut #seen = false;)
        });

    let (other_init, other_arm, other_field) = match c.other() {
        Some(f) => {
            let i = &f.ident;
            (
                quote!(let mut __other = #rt::OtherAttributes::new();),
                quote! {
                    __Field::__unknown(key) if key == #rt::__private::RESERVED_NUMBER_KEY => {
                        #serde::de::MapAccess::next_value_seed(&mut map, #rt::__private::ReservedKey)?;
                    }
                    __Field::__unknown(key) => {
                        let value: #rt::__private::serde_json::Value = #serde::de::MapAccess::next_value(&mut map)?;
                        if let ::core::result::Result::Err(earlier) = #rt::__private::insert_unknown(&mut __other, key, value) {
                            return ::core::result::Result::Err(#rt::__private::duplicate_attribute::<__A::Error>(&earlier));
                        }
                    }
                },
                quote!(#i: __other,),
            )
        }
        None => (
            quote!(),
            quote! {
                __Field::__unknown(key) => {
                    return ::core::result::Result::Err(#rt::__private::unknown_attribute::<__A::Error>(&key, #expecting));
                }
            },
            quote!(),
        ),
    };

    let build = read.iter().zip(&slots).map(|(f, slot)| {
        let i = &f.ident;
        quote!(#i: ::core::option::Option::unwrap_or_default(#slot),)
    });
    let slot_types = read.iter().map(|f| &f.ty);

    quote! {
        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                #[allow(non_camel_case_types)]
                enum __Field {
                    #(#variants,)*
                    #(#qualified_variants(::std::string::String),)*
                    __schemas,
                    __unknown(::std::string::String),
                }

                fn __field(key: &str) -> __Field {
                    match key {
                        #(#exact_arms)*
                        _ => {
                            #(#folded_checks)*
                            #schemas_check
                            #(#extension_checks)*
                            #(#qualified_ext_checks)*
                            __Field::__unknown(::std::borrow::ToOwned::to_owned(key))
                        }
                    }
                }

                impl<'de> #serde::Deserialize<'de> for __Field {
                    fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                    where
                        __D: #serde::Deserializer<'de>,
                    {
                        struct __KeyVisitor;
                        impl<'de> #serde::de::Visitor<'de> for __KeyVisitor {
                            type Value = __Field;
                            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                                f.write_str("an attribute name")
                            }
                            fn visit_str<__E>(self, v: &str) -> ::core::result::Result<__Field, __E>
                            where
                                __E: #serde::de::Error,
                            {
                                ::core::result::Result::Ok(__field(v))
                            }
                        }
                        #serde::Deserializer::deserialize_identifier(deserializer, __KeyVisitor)
                    }
                }

                struct __Visitor;
                impl<'de> #serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A>(self, mut map: __A) -> ::core::result::Result<#ident, __A::Error>
                    where
                        __A: #serde::de::MapAccess<'de>,
                    {
                        #(let mut #slots: ::core::option::Option<#slot_types> = ::core::option::Option::None;)*
                        #other_init
                        #(#block_seen)*
                        #(#qualified_seen)*
                        #schemas_seen
                        while let ::core::option::Option::Some(field) = #serde::de::MapAccess::next_key::<__Field>(&mut map)? {
                            match field {
                                #(#read_arms)*
                                #(#qualified_arms)*
                                #schemas_arm
                                #other_arm
                            }
                        }
                        ::core::result::Result::Ok(#ident {
                            #(#build)*
                            #other_field
                        })
                    }
                }
                #serde::Deserializer::deserialize_map(deserializer, __Visitor)
            }
        }
    }
}

fn expand_validate(c: &Container<'_>) -> TokenStream {
    let rt = quote!(::scim_runtime);
    let singleton = matches!(&c.kind, Kind::Resource(r) if r.singleton);
    let checks = c.fields.iter().map(|f| {
        let i = &f.ident;
        let wire = &f.wire_name;
        match f.role {
            Role::Other => quote!(validator.check_unknown(self.#i.keys());),
            // A singleton has no `id` to return (RFC 7644 §4).
            Role::Common("id") if singleton => quote!(),
            Role::Extension { required } => {
                let urn = extension_urn(f);
                quote! {
                    match &self.#i {
                        ::core::option::Option::Some(value) => {
                            validator.path().push_extension(#urn);
                            <_ as #rt::ScimObject>::validate_into(value, validator);
                            validator.path().pop();
                        }
                        ::core::option::Option::None => {
                            if #required && validator.context().checks_required() {
                                validator.path().push_extension(#urn);
                                validator.report_here(#rt::ViolationKind::MissingExtension);
                                validator.path().pop();
                            }
                        }
                    }
                }
            }
            _ => {
                let def = def_expr(f);
                if f.multi_valued {
                    quote! {
                        validator.check_attribute(#def, !self.#i.is_empty());
                        if !self.#i.is_empty() {
                            validator.check_primary(#wire, self.#i.iter().map(#rt::value::AttributeValue::is_primary));
                            validator.path().push_attribute(#wire);
                            for (index, value) in self.#i.iter().enumerate() {
                                validator.path().push_index(index);
                                #rt::value::AttributeValue::validate_value(value, validator);
                                validator.path().pop();
                            }
                            validator.path().pop();
                        }
                    }
                } else {
                    quote! {
                        validator.check_attribute(#def, ::core::option::Option::is_some(&self.#i));
                        if let ::core::option::Option::Some(value) = &self.#i {
                            validator.path().push_attribute(#wire);
                            #rt::value::AttributeValue::validate_value(value, validator);
                            validator.path().pop();
                        }
                    }
                }
            }
        }
    });
    quote! {
        fn validate_into(&self, validator: &mut #rt::Validator) {
            #(#checks)*
        }
    }
}

fn expand_drop_ignored(c: &Container<'_>) -> TokenStream {
    let rt = quote!(::scim_runtime);
    let steps = c.fields.iter().map(|f| {
        let i = &f.ident;
        match f.role {
            Role::Other => quote!(),
            // What dropping empties is unassigned (RFC 7643 §2.5): `None`, not an empty value.
            Role::Extension { .. } => quote! {
                if let ::core::option::Option::Some(value) = &mut self.#i {
                    <_ as #rt::ScimObject>::drop_ignored_attributes(value, context);
                    if <_ as #rt::ScimObject>::is_empty(value) {
                        self.#i = ::core::option::Option::None;
                    }
                }
            },
            _ => {
                let def = def_expr(f);
                let recurse = if f.multi_valued {
                    quote! {
                        for value in &mut self.#i {
                            #rt::value::AttributeValue::drop_ignored(value, context);
                        }
                        self.#i.retain(|value| !#rt::value::AttributeValue::is_empty_value(value));
                    }
                } else {
                    quote! {
                        if let ::core::option::Option::Some(value) = &mut self.#i {
                            #rt::value::AttributeValue::drop_ignored(value, context);
                            if #rt::value::AttributeValue::is_empty_value(value) {
                                self.#i = ::core::option::Option::None;
                            }
                        }
                    }
                };
                quote! {
                    if context.drops_read_only_on_input() && (#def).mutability == #rt::meta::Mutability::ReadOnly {
                        self.#i = ::core::default::Default::default();
                    } else {
                        #recurse
                    }
                }
            }
        }
    });
    quote! {
        fn drop_ignored_attributes(&mut self, context: #rt::Context) {
            #(#steps)*
        }
    }
}

fn expand_is_empty(c: &Container<'_>) -> TokenStream {
    let tests = c.fields.iter().map(|f| {
        let i = &f.ident;
        match f.role {
            Role::Other => quote!(self.#i.is_empty()),
            _ if f.multi_valued => quote!(self.#i.is_empty()),
            _ => quote!(::core::option::Option::is_none(&self.#i)),
        }
    });
    quote! {
        fn is_empty(&self) -> bool {
            true #(&& #tests)*
        }
    }
}

fn expand_access(c: &Container<'_>) -> TokenStream {
    let rt = quote!(::scim_runtime);
    let ident = c.ident();
    let lookups = c
        .fields
        .iter()
        .filter(|f| matches!(f.role, Role::Attribute(_) | Role::Common(_)))
        .map(|f| {
            let i = &f.ident;
            let wire = &f.wire_name;
            let found = if f.multi_valued {
                quote! {
                    if self.#i.is_empty() {
                        ::core::option::Option::None
                    } else {
                        ::core::option::Option::Some(#rt::value::Attr::Multi(&self.#i))
                    }
                }
            } else {
                quote! {
                    ::core::option::Option::map(::core::option::Option::as_ref(&self.#i), |v| {
                        #rt::value::Attr::Single(#rt::value::AttributeValue::value_ref(v))
                    })
                }
            };
            quote! {
                if #rt::__private::eq_ci(name, #wire) {
                    return #found;
                }
            }
        });
    let fallback = match c.other() {
        Some(f) => {
            let i = &f.ident;
            quote!(#rt::value::unknown_attribute(&self.#i, name))
        }
        None => quote!(::core::option::Option::None),
    };
    let extension_lookups = c.extensions().map(|f| {
        let i = &f.ident;
        let urn = extension_urn(f);
        quote! {
            if #rt::__private::eq_ci(urn, #urn) {
                return ::core::option::Option::map(::core::option::Option::as_ref(&self.#i), |e| e as &dyn #rt::value::AttributeAccess);
            }
        }
    });
    let schema_fns = match &c.kind {
        Kind::Resource(r) => {
            let id = &r.schema.id;
            let present = c.extensions().map(|f| {
                let i = &f.ident;
                let urn = extension_urn(f);
                quote! {
                    if ::core::option::Option::is_some(&self.#i) {
                        urns.push(#urn);
                    }
                }
            });
            let unknown = c.other().map(|f| {
                let i = &f.ident;
                quote! {
                    for (key, value) in &self.#i {
                        if value.is_object() && key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) {
                            urns.push(key.as_str());
                        }
                    }
                }
            });
            quote! {
                fn schema_urn(&self) -> ::core::option::Option<&'static str> {
                    ::core::option::Option::Some(#id)
                }
                fn schema_urns(&self) -> ::std::vec::Vec<&str> {
                    let mut urns: ::std::vec::Vec<&str> = ::std::vec![#id];
                    #(#present)*
                    #unknown
                    urns
                }
            }
        }
        Kind::Extension(s) => {
            let id = &s.id;
            quote! {
                fn schema_urn(&self) -> ::core::option::Option<&'static str> {
                    ::core::option::Option::Some(#id)
                }
            }
        }
        _ => quote!(),
    };
    quote! {
        #[automatically_derived]
        impl #rt::value::AttributeAccess for #ident {
            fn attribute(&self, name: &str) -> ::core::option::Option<#rt::value::Attr<'_>> {
                #(#lookups)*
                #fallback
            }
            fn extension(&self, urn: &str) -> ::core::option::Option<&dyn #rt::value::AttributeAccess> {
                let _ = urn;
                #(#extension_lookups)*
                ::core::option::Option::None
            }
            fn attribute_defs(&self) -> &'static [#rt::meta::AttributeDef] {
                <Self as #rt::ScimObject>::ATTRIBUTES
            }
            fn is_empty_object(&self) -> bool {
                <Self as #rt::ScimObject>::is_empty(self)
            }
            #schema_fns
        }
    }
}

fn expand_canonical(c: &Container<'_>) -> TokenStream {
    let Paths { rt, serde } = Paths::new();
    let ident = c.ident();
    let Some(fallback) = &c.fallback else {
        return quote!();
    };
    let idents: Vec<_> = c.variants.iter().map(|v| &v.ident).collect();
    let wires: Vec<_> = c.variants.iter().map(|v| &v.wire_name).collect();
    let case_exact = c.case_exact;
    let expecting = format!("a {} string", ident);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The canonical values, as written on the wire.
            pub const CANONICAL_VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The value as written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    Self::#fallback(other) => other,
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#idents,)*
                    other => Self::#fallback(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<::std::string::String> for #ident {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#wires => Self::#idents,)*
                    _ => Self::#fallback(value),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(value))
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for #ident {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #serde::Serializer::serialize_str(serializer, self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                struct __Visitor;
                impl<'de> #serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_str<__E>(self, v: &str) -> ::core::result::Result<#ident, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        ::core::result::Result::Ok(<#ident as ::core::convert::From<&str>>::from(v))
                    }
                    fn visit_string<__E>(self, v: ::std::string::String) -> ::core::result::Result<#ident, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        ::core::result::Result::Ok(<#ident as ::core::convert::From<::std::string::String>>::from(v))
                    }
                }
                #serde::Deserializer::deserialize_str(deserializer, __Visitor)
            }
        }

        #[automatically_derived]
        impl #rt::value::AttributeValue for #ident {
            const TYPE: #rt::meta::AttributeType = #rt::meta::AttributeType::String;
            const CANONICAL_VALUES: &'static [&'static str] = &[#(#wires),*];
            const CANONICAL_CASE_EXACT: ::core::option::Option<bool> = ::core::option::Option::Some(#case_exact);
            fn deserialize_value<'de, __D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                <Self as #serde::Deserialize<'de>>::deserialize(deserializer)
            }
            fn serialize_value<__S>(&self, serializer: __S, _: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #serde::Serializer::serialize_str(serializer, self.as_str())
            }
            fn value_ref(&self) -> #rt::value::ValueRef<'_> {
                #rt::value::ValueRef::String(self.as_str())
            }
        }
    }
}

/// What the derive emits beside `compile_error!` when the input has mistakes: impls of the
/// traits with bodies that are never run, so the user sees the real errors and not fifty
/// follow-on "trait not implemented" errors.
pub fn stub(c: Option<&Container<'_>>, input: &syn::DeriveInput) -> TokenStream {
    let Paths { rt, serde } = Paths::new();
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        return quote!();
    }
    let kind = c.map(|c| &c.kind);
    let unreachable = quote!(::core::unreachable!("#[derive(ScimResource)] failed"));
    let schema = quote! {
        &#rt::meta::SchemaDef { id: "", name: "", description: "", attributes: &[] }
    };
    let kind_impl = match kind {
        Some(Kind::Resource(_)) => quote! {
            impl #rt::Resource for #ident {
                const SCHEMA: &'static #rt::meta::SchemaDef = #schema;
                const RESOURCE_TYPE: &'static #rt::meta::ResourceTypeDef = &#rt::meta::ResourceTypeDef {
                    name: "", endpoint: "", description: "", schema: #schema, extensions: &[],
                };
                fn id(&self) -> ::core::option::Option<&str> { #unreachable }
                fn set_id(&mut self, _: ::core::option::Option<::std::string::String>) { #unreachable }
                fn external_id(&self) -> ::core::option::Option<&str> { #unreachable }
                fn meta(&self) -> ::core::option::Option<&#rt::Meta> { #unreachable }
                fn meta_mut(&mut self) -> &mut ::core::option::Option<#rt::Meta> { #unreachable }
            }
        },
        Some(Kind::Extension(_)) => quote! {
            impl #rt::Extension for #ident {
                const SCHEMA: &'static #rt::meta::SchemaDef = #schema;
            }
        },
        _ => quote!(),
    };
    let object_impls = if matches!(kind, Some(Kind::Canonical)) {
        quote!()
    } else {
        quote! {
            impl #rt::ScimObject for #ident {
                const ATTRIBUTES: &'static [#rt::meta::AttributeDef] = &[];
                fn serialize_scoped<__S: #serde::Serializer>(&self, _: __S, _: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error> { #unreachable }
                fn validate_into(&self, _: &mut #rt::Validator) { #unreachable }
                fn drop_ignored_attributes(&mut self, _: #rt::Context) { #unreachable }
                fn is_empty(&self) -> bool { #unreachable }
                fn is_empty_in(&self, _: &#rt::Scope<'_>) -> bool { #unreachable }
                fn merge_from(&mut self, _: Self) -> ::core::result::Result<(), ::std::string::String> { #unreachable }
                fn other_attributes(&self) -> ::core::option::Option<&#rt::OtherAttributes> { #unreachable }
            }
            impl #rt::value::AttributeAccess for #ident {
                fn attribute(&self, _: &str) -> ::core::option::Option<#rt::value::Attr<'_>> { #unreachable }
                fn attribute_defs(&self) -> &'static [#rt::meta::AttributeDef] { #unreachable }
            }
            #kind_impl
        }
    };
    let debug = crate::expand_debug::stub(c, ident);
    let eq = crate::expand_canonical::stub(c, ident);
    quote! {
        #[allow(unreachable_code, clippy::all)]
        const _: () = {
            #object_impls
            #debug
            #eq
            impl #rt::value::AttributeValue for #ident {
                const TYPE: #rt::meta::AttributeType = #rt::meta::AttributeType::Complex;
                fn deserialize_value<'de, __D: #serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> { #unreachable }
                fn serialize_value<__S: #serde::Serializer>(&self, _: __S, _: &#rt::Scope<'_>) -> ::core::result::Result<__S::Ok, __S::Error> { #unreachable }
                fn value_ref(&self) -> #rt::value::ValueRef<'_> { #unreachable }
            }
            impl #serde::Serialize for #ident {
                fn serialize<__S: #serde::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> { #unreachable }
            }
            impl<'de> #serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> { #unreachable }
            }
        };
    }
}
