//! The standard resources of RFC 7643 §4: `User`, `Group` and the `EnterpriseUser` extension,
//! with every attribute's characteristics from the schema representations of RFC 7643 §8.7.1.

mod enterprise_user;
mod group;
mod user;

pub use enterprise_user::*;
pub use group::*;
pub use user::*;
