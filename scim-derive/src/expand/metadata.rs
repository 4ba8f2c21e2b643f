//! The metadata of a struct: its attribute table, its `Resource` or `Extension` impl with
//! the schema and resource type (RFC 7643 §6, §7), and the `ScimObject` and `AttributeValue`
//! impls that tie the other pieces together.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Ident;

use super::Paths;
use crate::ast::{Common, Container, Field, Kind, Role};

/// The `AttributeDef` literal of one attribute (RFC 7643 §7), its defaults taken from the
/// value type where the field does not say.
fn attribute_def_literal(f: &Field, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let inner = &f.inner;
    let name = &f.wire_name;
    let ch = &f.chars;
    let value_trait = quote!(<#inner as #rt::value::AttributeValue>);
    let variant = |name: &str| Ident::new(name, Span::call_site());
    let ty = match ch.ty {
        Some(t) => {
            let v = variant(t.variant());
            quote!(#rt::attribute::AttributeType::#v)
        }
        None => quote!(#value_trait::TYPE),
    };
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
    let mutability = variant(ch.mutability.map_or("ReadWrite", |m| m.variant()));
    let returned = variant(ch.returned.map_or("Default", |r| r.variant()));
    let uniqueness = variant(ch.uniqueness.map_or("None", |u| u.variant()));
    let canonical = match &ch.canonical_values {
        Some(values) => quote!(&[#(#values),*]),
        None => quote!(#value_trait::CANONICAL_VALUES),
    };
    let refs = &ch.reference_types;
    let description = &ch.description;
    quote_spanned! {f.span=>
        #rt::attribute::AttributeDef {
            name: #name,
            ty: #ty,
            multi_valued: #multi,
            required: #required,
            case_exact: #case_exact,
            mutability: #rt::attribute::Mutability::#mutability,
            returned: #rt::attribute::Returned::#returned,
            uniqueness: #rt::attribute::Uniqueness::#uniqueness,
            canonical_values: #canonical,
            reference_types: &[#(#refs),*],
            sub_attributes: #value_trait::SUB_ATTRIBUTES,
            description: #description,
        }
    }
}

/// The schema URI of a resource or extension.
pub fn schema_id<'c>(c: &'c Container<'_>) -> Option<&'c str> {
    match &c.kind {
        Kind::Resource(r) => Some(&r.schema.id),
        Kind::Extension(s) => Some(&s.id),
        _ => None,
    }
}

/// The `ScimObject` impl: the attribute table, and `methods` written by the other modules.
pub fn scim_object(c: &Container<'_>, p: &Paths, methods: TokenStream) -> TokenStream {
    let rt = &p.rt;
    let ident = c.ident();
    let attrs: Vec<_> = c
        .attributes()
        .map(|f| attribute_def_literal(f, p))
        .collect();
    let other_ref = match c.other() {
        Some(f) => {
            let i = &f.ident;
            quote!(::core::option::Option::Some(&self.#i))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #[automatically_derived]
        impl #rt::ScimObject for #ident {
            const ATTRIBUTES: &'static [#rt::attribute::AttributeDef] = &[#(#attrs),*];
            #methods
            fn other_attributes(&self) -> ::core::option::Option<&#rt::OtherAttributes> {
                #other_ref
            }
        }
    }
}

/// The `Resource` impl of a resource or the `Extension` impl of an extension: the schema and
/// resource type documents' definitions (RFC 7643 §6, §7).
pub fn kind_impls(c: &Container<'_>, p: &Paths) -> TokenStream {
    let rt = &p.rt;
    let ident = c.ident();
    match &c.kind {
        Kind::Resource(r) => {
            let id = &r.schema.id;
            let name = &r.schema.name;
            let description = &r.schema.description;
            let rtype = &r.resource_type;
            let endpoint = &r.endpoint;
            let exts = c.extensions().map(|f| {
                let ty = &f.inner;
                let required = matches!(f.role, Role::Extension { required: true });
                quote!(#rt::attribute::ExtensionDef { schema: <#ty as #rt::Extension>::SCHEMA, required: #required })
            });
            // `check` reports a missing common attribute; the stub stands in then.
            let field = |common: Common| {
                c.common(common)
                    .map(|f| f.ident.clone())
                    .unwrap_or_else(|| Ident::new(common.field_name(), Span::call_site()))
            };
            let (id_f, ext_f, meta_f) = (
                field(Common::Id),
                field(Common::ExternalId),
                field(Common::Meta),
            );
            quote! {
                #[automatically_derived]
                impl #rt::Resource for #ident {
                    const SCHEMA: &'static #rt::attribute::SchemaDef = &#rt::attribute::SchemaDef {
                        id: #id,
                        name: #name,
                        description: #description,
                        attributes: <Self as #rt::ScimObject>::ATTRIBUTES,
                    };
                    const RESOURCE_TYPE: &'static #rt::attribute::ResourceTypeDef = &#rt::attribute::ResourceTypeDef {
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
                    const SCHEMA: &'static #rt::attribute::SchemaDef = &#rt::attribute::SchemaDef {
                        id: #id,
                        name: #name,
                        description: #description,
                        attributes: <Self as #rt::ScimObject>::ATTRIBUTES,
                    };
                }
            }
        }
        _ => quote!(),
    }
}

/// The `AttributeValue` impl of a struct, which makes it a complex value (RFC 7643 §2.3.8).
pub fn attribute_value(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths {
        rt, private, serde, ..
    } = p;
    let ident = c.ident();
    let primary = c.attributes().find(|f| {
        f.wire_name.eq_ignore_ascii_case("primary")
            && !f.multi_valued
            && matches!(&f.inner, syn::Type::Path(tp) if tp.path.is_ident("bool"))
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
            quote!(#private::is_primary_unknown(&self.#i))
        }
        (None, None) => quote!(false),
    };
    quote! {
        #[automatically_derived]
        impl #rt::value::AttributeValue for #ident {
            const TYPE: #rt::attribute::AttributeType = #rt::attribute::AttributeType::Complex;
            const SUB_ATTRIBUTES: &'static [#rt::attribute::AttributeDef] = <Self as #rt::ScimObject>::ATTRIBUTES;
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
            fn validate_value(&self, validator: &mut #private::Validator) {
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
    }
}

/// `is_empty`: no field set.
pub fn is_empty(c: &Container<'_>) -> TokenStream {
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
