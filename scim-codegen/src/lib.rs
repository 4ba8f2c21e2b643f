#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod check;
mod config;
mod documents;
mod emit;
mod error;
mod model;
mod names;
pub mod naming;
mod output;
mod plan;
mod position;
mod read;
mod source;

pub use config::{compile_schemas, Config, WarningPolicy};
pub use documents::Documents;
pub use error::{Error, Location, UnknownWarningCode, Warning, WarningCode};
pub use names::{explain, Name, NameKind};
pub use output::{Generated, GeneratedModules, Module};
