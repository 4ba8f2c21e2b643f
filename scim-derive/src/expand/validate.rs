//! Checking and cleaning a struct in a context: `validate_into` and `drop_ignored_attributes`.

use proc_macro2::TokenStream;
use quote::quote;

use super::Paths;
use crate::ast::{Common, Container, Kind, Role};

/// `validate_into`: the rules of the validator's context for every attribute (RFC 7643 §7),
/// with the paths of RFC 7644 §3.10.
pub fn validate_into(c: &Container<'_>, p: &Paths) -> TokenStream {
    let Paths { rt, private, .. } = p;
    let singleton = matches!(&c.kind, Kind::Resource(r) if r.singleton);
    let checks = c.fields.iter().map(|f| {
        let i = &f.ident;
        let wire = &f.wire_name;
        match f.role {
            Role::Other => quote!(validator.check_unknown(self.#i.keys());),
            // A singleton has no `id` to return (RFC 7644 §4).
            Role::Common(Common::Id) if singleton => quote!(),
            Role::Extension { required } => {
                let urn = p.extension_urn(f);
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
                let def = p.def(f);
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
        fn validate_into(&self, validator: &mut #private::Validator) {
            #(#checks)*
        }
    }
}

/// `drop_ignored_attributes`: what a request of a context ignores, such as `readOnly` values
/// (RFC 7644 §3.3).
pub fn drop_ignored(c: &Container<'_>, p: &Paths) -> TokenStream {
    let rt = &p.rt;
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
                let def = p.def(f);
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
                    if context.drops_read_only_on_input() && (#def).mutability == #rt::attribute::Mutability::ReadOnly {
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
