//! Collects every error of one derive, so the user sees all of them at once.
//!
//! As in serde_derive, a [`Ctxt`] must be consumed by [`Ctxt::check`]: dropping it unchecked
//! would lose the errors it holds and let a broken input expand as if it were fine, so `Drop`
//! panics. That panic is a bug in the derive, never a consequence of what the user wrote.

use std::cell::RefCell;
use std::fmt::Display;
use std::thread;

use quote::ToTokens;

/// The errors found so far. `None` once [`Ctxt::check`] has taken them.
pub struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    /// A context with no errors yet.
    pub fn new() -> Self {
        Self {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanned on `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error that already carries its span.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("a Ctxt is not used after check()")
            .push(error);
    }

    /// All errors combined into one, in the order they were found, if any.
    pub fn check(self) -> Result<(), syn::Error> {
        let errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("a Ctxt is checked once");
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            combined.combine(e);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // While unwinding from another panic, a second one would abort and hide the first.
        if !thread::panicking() && self.errors.borrow().is_some() {
            panic!("a Ctxt was dropped without check(): its errors would be lost");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ctxt;
    use proc_macro2::Span;

    #[test]
    fn check_returns_every_error_in_order() {
        let cx = Ctxt::new();
        cx.syn_error(syn::Error::new(Span::call_site(), "first"));
        cx.syn_error(syn::Error::new(Span::call_site(), "second"));
        let messages: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
    }

    #[test]
    fn check_without_errors_is_ok() {
        assert!(Ctxt::new().check().is_ok());
    }

    #[test]
    #[should_panic(expected = "dropped without check()")]
    fn dropping_unchecked_panics() {
        let cx = Ctxt::new();
        cx.syn_error(syn::Error::new(Span::call_site(), "lost"));
        drop(cx);
    }
}
