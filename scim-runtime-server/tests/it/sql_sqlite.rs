//! The translation run by SQLite over real users: the RFC 7643 §8.2 user and variants with
//! ugly values (Unicode, LIKE wildcards, offsets, fractions of seconds, upper-case keys),
//! checked for the exact rows and against the in-memory engine.

use scim_runtime::attribute::AttributeType;
use scim_runtime::filter::{CompareOp, EvalError, Filter};
use scim_runtime::server::sql::{
    CaseFolding, Clause, Dialect, Param, SqlError, Translator, Untranslatable,
};
use scim_runtime::server::ScimError;
use scim_runtime::{ScimType, User};
use serde_json::json;

use crate::support::{engine_ids, full_user_json, sqlite_ids, sqlite_with, user};

const FULL: &str = "2819c223-7f76-453a-919d-413861904646";

fn users() -> Vec<User> {
    // The full user with the enterprise extension of RFC 7643 §8.3.
    let mut full = full_user_json();
    full["schemas"] = json!([
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ]);
    full["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = json!({
        "employeeNumber": "701984",
        "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}
    });
    let mut ugly = full.clone();
    ugly["id"] = json!("ugly");
    ugly["userName"] = json!("100%_Ünïcode\\K\u{212A}");
    ugly["name"]["familyName"] = json!("ÉCOLE");
    ugly["meta"]["created"] = json!("2010-01-23T06:04:56.123456789+02:00");
    ugly["meta"]["lastModified"] = json!("2011-05-13t06:42:34+02:00");
    ugly["emails"] = json!([{"value": "A_B%C@Example.COM", "type": "WORK"}]);
    // Upper-case keys: read without regard to case (RFC 7643 §2.1), written canonically.
    let shouting = json!({
        "ID": "shouting",
        "USERNAME": "İstanbul",
        "DISPLAYNAME": "straße",
        "META": {"CREATED": "2010-01-23T04:56:22.000Z", "LASTMODIFIED": "2011-05-13T04:42:34.5-00:00"},
    });
    let bare = json!({"id": "bare", "userName": "bare", "active": false});
    vec![user(full), user(ugly), user(shouting), user(bare)]
}

fn translator(folding: CaseFolding) -> Translator {
    Translator::for_resource::<User>(Dialect::Sqlite).with_case_folding(folding)
}

fn unicode() -> CaseFolding {
    CaseFolding::Function("scim_lower".into())
}

/// The ids SQLite selects with `filter`, after checking that the engine selects the same.
fn ids_with(folding: CaseFolding, filter: &str) -> Vec<String> {
    let users = users();
    let conn = sqlite_with(&users);
    let filter: Filter = filter.parse().expect("a filter");
    let sql = translator(folding).condition(&filter).expect("translates");
    let got = sqlite_ids(&conn, &sql);
    assert_eq!(
        Ok(got.clone()),
        engine_ids(&users, &filter),
        "SQLite and the engine differ on {filter}: {}",
        sql.text
    );
    got
}

fn ids(filter: &str) -> Vec<String> {
    let unicode_ids = ids_with(unicode(), filter);
    if filter.is_ascii() {
        assert_eq!(
            ids_with(CaseFolding::Ascii, filter),
            unicode_ids,
            "{filter}"
        );
    }
    unicode_ids
}

fn error(folding: CaseFolding, filter: &str) -> SqlError {
    translator(folding)
        .condition(&filter.parse().expect("a filter"))
        .expect_err("refused")
}

#[test]
fn the_rfc_user_is_found_by_every_kind_of_comparison() {
    for f in [
        r#"userName eq "BJENSEN@example.com""#,
        r#"name.givenName eq "barbara" and name.familyName sw "jen""#,
        r#"emails[type eq "work" and value co "@example.com"]"#,
        r#"emails co "JENSEN.org""#,
        r#"phoneNumbers.type eq "mobile""#,
        r#"addresses[type eq "work" and postalCode eq "91608"]"#,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#,
        r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName co "smith""#,
        r#"urn:ietf:params:scim:schemas:core:2.0:User:nickName eq "babs""#,
        r#"x509Certificates.value sw "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx""#,
        r#"meta.resourceType eq "User" and meta.version pr"#,
        r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
    ] {
        assert!(ids(f).contains(&FULL.to_owned()), "{f}");
    }
}

#[test]
fn like_wildcards_and_backslashes_are_plain_characters() {
    assert_eq!(ids(r#"userName co "%_""#), ["ugly"]);
    assert_eq!(ids(r#"userName sw "100%""#), ["ugly"]);
    assert_eq!(ids(r#"userName co "\\""#), ["ugly"]);
    assert_eq!(ids(r#"emails.value sw "a_b%c""#), ["ugly"]);
    assert_eq!(ids(r#"userName co "_%""#), Vec::<String>::new());
    assert_eq!(ids(r#"userName co "1_0""#), Vec::<String>::new());
}

#[test]
fn values_are_parameters_never_sql() {
    let injection = r#"userName eq "x' OR '1'='1" or userName eq "\"); DROP TABLE users; --""#;
    assert_eq!(ids(injection), Vec::<String>::new());
    let sql = translator(unicode())
        .condition(&injection.parse().unwrap())
        .unwrap();
    assert!(
        !sql.text.contains("OR '1'='1") && !sql.text.contains("DROP"),
        "{}",
        sql.text
    );
    assert_eq!(
        sql.params,
        [
            Param::Text("x' or '1'='1".into()),
            Param::Text("\"); drop table users; --".into())
        ]
    );
}

#[test]
fn unicode_case_folding_is_the_engines() {
    // The Kelvin sign lower-cases to an ASCII k, under either folding.
    assert_eq!(ids(r#"userName ew "\\kk""#), ["ugly"]);
    assert_eq!(
        ids_with(CaseFolding::Ascii, r#"userName ew "kK""#),
        ["ugly"]
    );
    // İ lower-cases to i and a combining dot: it starts with "i", and is not "istanbul".
    assert_eq!(ids(r#"userName sw "I""#), ["shouting"]);
    assert_eq!(ids(r#"userName eq "istanbul""#), Vec::<String>::new());
    assert_eq!(
        ids_with(unicode(), "userName eq \"i\u{307}STANBUL\""),
        ["shouting"]
    );
    assert_eq!(
        ids_with(unicode(), r#"name.familyName eq "école""#),
        ["ugly"]
    );
    // ß is not "ss" under simple lower-casing, in the engine and in SQL.
    assert_eq!(
        ids_with(unicode(), r#"displayName eq "STRASSE""#),
        Vec::<String>::new()
    );
    assert_eq!(
        ids_with(unicode(), r#"displayName eq "STRAßE""#),
        ["shouting"]
    );
    // ASCII folding refuses what it cannot fold, naming the attribute.
    let e = error(CaseFolding::Ascii, r#"name.familyName eq "école""#);
    assert_eq!(
        e,
        SqlError::Untranslatable {
            path: "name.familyName".into(),
            clause: Clause::Filter,
            what: Untranslatable::NonAsciiCaseInsensitive,
        }
    );
    // A case-exact attribute needs no folding.
    assert!(translator(CaseFolding::Ascii)
        .condition(&r#"externalId eq "école""#.parse().unwrap())
        .is_ok());
}

#[test]
fn date_times_compare_as_instants() {
    // 06:04:56.123456789+02:00 is 04:04:56.123456789Z; nanoseconds count, digits beyond not.
    assert_eq!(
        ids(r#"meta.created eq "2010-01-23T04:04:56.1234567890Z""#),
        ["ugly"]
    );
    assert_eq!(
        ids(r#"meta.created eq "2010-01-23T04:04:56.1234567899Z""#),
        ["ugly"]
    );
    assert_eq!(
        ids(r#"meta.created lt "2010-01-23T04:04:56.12345679Z""#),
        ["ugly"]
    );
    assert_eq!(
        ids(r#"meta.created gt "2010-01-23T04:04:56.123456789Z""#),
        [FULL, "shouting"]
    );
    // 04:56:22.000Z and 04:56:22Z are one instant; 't', 'z' and offsets are read too.
    assert_eq!(
        ids(r#"meta.created eq "2010-01-23T05:56:22+01:00""#),
        [FULL, "shouting"]
    );
    assert_eq!(
        ids(r#"meta.lastModified eq "2011-05-13T04:42:34Z""#),
        [FULL, "ugly"]
    );
    assert_eq!(
        ids(r#"meta.lastModified gt "2011-05-13T04:42:34.4999Z""#),
        ["shouting"]
    );
    // co, sw and ew read the text as sent; text that is no dateTime compares as text.
    // meta.lastModified is not caseExact: `t` is `T`.
    assert_eq!(
        ids(r#"meta.lastModified sw "2011-05-13T""#),
        [FULL, "shouting", "ugly"]
    );
    assert_eq!(
        ids(r#"meta.lastModified sw "2011-05-13T04""#),
        [FULL, "shouting"]
    );
    assert_eq!(
        ids(r#"meta.created ge "2010-01-23""#),
        [FULL, "shouting", "ugly"]
    );
}

#[test]
fn absent_values_match_ne_and_eq_null_only() {
    assert_eq!(ids(r#"title ne "Tour Guide""#), ["bare", "shouting"]);
    assert_eq!(ids(r#"title ne "x""#), [FULL, "bare", "shouting", "ugly"]);
    assert_eq!(ids("title eq null"), ["bare", "shouting"]);
    assert_eq!(ids("not (title pr)"), ["bare", "shouting"]);
    assert_eq!(ids("title pr"), [FULL, "ugly"]);
    assert_eq!(ids("active eq false"), ["bare"]);
    assert_eq!(ids(r#"active ne true"#), ["bare", "shouting"]);
    // Any value matches: one work email is enough, and `ne` holds for the other one.
    assert_eq!(ids(r#"emails.type ne "work""#), [FULL, "bare", "shouting"]);
    assert_eq!(ids(r#"emails[type eq "work"]"#), [FULL, "ugly"]);
}

#[test]
fn what_the_engine_refuses_is_refused_alike() {
    let e = error(unicode(), "active gt true");
    assert_eq!(
        e,
        SqlError::Filter(EvalError::Unordered {
            path: "active".into(),
            op: CompareOp::GreaterThan,
            ty: AttributeType::Boolean,
        })
    );
    // Whatever the operands around it, and inside a value filter.
    assert!(matches!(
        error(unicode(), r#"userName eq "x" or emails[primary le false]"#),
        SqlError::Filter(_)
    ));
    assert!(matches!(
        error(unicode(), r#"x509Certificates gt "MII""#),
        SqlError::Filter(EvalError::Unordered {
            ty: AttributeType::Binary,
            ..
        })
    ));
    let scim: ScimError = e.into();
    assert_eq!(scim.scim_type, Some(ScimType::InvalidFilter));
}

#[test]
fn unknown_attributes_are_named() {
    for (filter, path) in [
        (r#"nosuch eq "x""#, "nosuch"),
        (r#"name.nosuch pr"#, "name.nosuch"),
        (r#"userName.x eq 1"#, "userName.x"),
        (r#"emails[nosuch eq "x"]"#, "nosuch"),
        (r#"urn:example:Unknown:x eq 1"#, "urn:example:Unknown:x"),
    ] {
        let e = error(unicode(), filter);
        assert_eq!(
            e,
            SqlError::UnknownAttribute {
                path: path.into(),
                clause: Clause::Filter,
            },
            "{filter}"
        );
        assert_eq!(e.to_string(), format!("filter: unknown attribute `{path}`"));
    }
}

#[test]
fn a_lower_case_function_must_be_a_plain_name() {
    let folding = CaseFolding::Function("lower(x)); DROP TABLE users; --".into());
    assert_eq!(
        error(folding.clone(), r#"userName eq "x""#),
        SqlError::Untranslatable {
            path: "userName".into(),
            clause: Clause::Filter,
            what: Untranslatable::UnsafeName,
        }
    );
    let sort = translator(folding).order_by(
        &scim_runtime::path::parse_path("userName").unwrap(),
        scim_runtime::message::SortOrder::Ascending,
    );
    assert!(matches!(
        sort,
        Err(SqlError::Untranslatable {
            clause: Clause::SortBy,
            what: Untranslatable::UnsafeName,
            ..
        })
    ));
    // A qualified name is a plain name.
    assert!(translator(CaseFolding::Function("main.scim_lower".into()))
        .condition(&r#"userName eq "x""#.parse().unwrap())
        .is_ok());
}

#[test]
fn a_condition_can_follow_parameters_of_its_own() {
    let users = users();
    let conn = sqlite_with(&users);
    let sql = translator(unicode())
        .condition_from(&r#"userName eq "bare" or title pr"#.parse().unwrap(), 2)
        .unwrap();
    // ?1 is the statement's own: ids above "a".
    let text = format!(
        "SELECT id FROM users WHERE id > ?1 AND ({}) ORDER BY id",
        sql.text
    );
    let mut params = vec![rusqlite::types::Value::Text("a".into())];
    params.extend(crate::support::sqlite_params(&sql.params));
    let mut stmt = conn.prepare(&text).unwrap();
    let ids: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(params), |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ids, ["bare", "ugly"]);
}
