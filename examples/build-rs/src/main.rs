//! Uses the types `build.rs` generated from scim2-server's dump: builds a user with the
//! enterprise extension, shows it in a creation request and in a query response, validates it,
//! and prints the Schema document the generated `User` serves.
//!
//! Run it with `cargo run -p scim-example-build-rs`.

use scim_example_build_rs::scim::{Email, EmailType, EnterpriseUser, Manager, User};
use scim_runtime::{Context, Resource};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut user = User {
        user_name: Some("bjensen".to_owned()),
        password: Some("t1meMa$heen".to_owned()),
        emails: vec![Email {
            value: Some("bjensen@example.com".to_owned()),
            r#type: Some(EmailType::Work),
            primary: Some(true),
            ..Email::default()
        }],
        enterprise_user: Some(EnterpriseUser {
            employee_number: Some("701984".to_owned()),
            department: Some("Tour Operations".to_owned()),
            manager: Some(Manager {
                value: Some("26118915-6090-4610-87e4-49d8ca9f808d".to_owned()),
                ..Manager::default()
            }),
            ..EnterpriseUser::default()
        }),
        ..User::default()
    };
    user.validate(Context::CreationRequest)?;
    println!(
        "A creation request:\n{}\n",
        serde_json::to_string_pretty(&user.to_json_in(Context::CreationRequest, None))?
    );

    // What the server answers: it assigns `id`, and never returns `password`.
    user.id = Some("2819c223-7f76-453a-919d-413861904646".to_owned());
    let response = user.to_json_in(Context::QueryResponse, None);
    println!(
        "The same user in a query response:\n{}\n",
        serde_json::to_string_pretty(&response)?
    );
    let violations = user.validate(Context::QueryResponse).unwrap_err();
    println!("Validated as a query response, the user itself breaks a rule:\n{violations}\n");

    println!(
        "The Schema the generated User serves at /Schemas:\n{}",
        serde_json::to_string_pretty(&User::schema())?
    );
    Ok(())
}
