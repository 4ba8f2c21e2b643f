//! The translation run by SQLite over real users: the RFC 7643 §8.2 user and variants with
//! ugly values, checked against the in-memory engine and against expected ids.

use scim_runtime::filter::Filter;
use scim_runtime::server::sql::{CaseFolding, Dialect, Translator};
use scim_runtime::User;
use serde_json::json;

use crate::support::{engine_ids, full_user_json, sqlite_ids, sqlite_with, user};

fn users() -> Vec<User> {
    let full = full_user_json();
    let mut ugly = full.clone();
    ugly["id"] = json!("ugly");
    ugly["userName"] = json!("100%_Ünïcode\\K\u{212A}");
    ugly["name"]["familyName"] = json!("ÉCOLE");
    ugly["meta"]["created"] = json!("2010-01-23T06:04:56.123456789+02:00");
    ugly["meta"]["lastModified"] = json!("2011-05-13t04:42:34z");
    ugly["emails"] = json!([{"value": "A_B%C@Example.COM", "type": "WORK"}]);
    let mut bare = json!({"id": "bare", "userName": "bare"});
    bare["active"] = json!(false);
    vec![user(full), user(ugly), user(bare)]
}

fn ids(filter: &str) -> Vec<String> {
    let users = users();
    let conn = sqlite_with(&users);
    let translator = Translator::for_resource::<User>(Dialect::Sqlite)
        .with_case_folding(CaseFolding::Function("scim_lower".into()));
    let filter: Filter = filter.parse().expect("a filter");
    let sql = translator.condition(&filter).expect("translates");
    let got = sqlite_ids(&conn, &sql);
    assert_eq!(
        Ok(got.clone()),
        engine_ids(&users, &filter),
        "SQLite and the engine differ on {filter}: {}",
        sql.text
    );
    got
}

#[test]
fn smoke() {
    assert_eq!(
        ids(r#"userName eq "BJENSEN@example.com""#),
        ["2819c223-7f76-453a-919d-413861904646"]
    );
}
