//! The SQL text and parameters written for each construct in each dialect, against the
//! checked-in `sql_golden.txt`, so that a change of translation shows in review. The rows these
//! statements select are checked by the SQLite and PostgreSQL tests; this file pins the text.
//!
//! `SCIM_BLESS=1 cargo test -p scim-runtime-server --test it sql_golden` rewrites the file.

use scim_runtime::message::SortOrder;
use scim_runtime::path::parse_path;
use scim_runtime::server::sql::{CaseFolding, Dialect, Translator};
use scim_runtime::server::ListQuery;
use scim_runtime::User;

use crate::sql_schema::DEVICE;

const USER_FILTERS: &[&str] = &[
    r#"userName eq "bjensen""#,
    r#"userName ne "bjensen""#,
    r#"userName co "50%_off\\""#,
    r#"userName sw "bj""#,
    r#"userName ew "sen""#,
    r#"userName gt "b""#,
    r#"userName ge "b""#,
    r#"userName lt "b""#,
    r#"userName le "b""#,
    r#"externalId eq "Case-Exact""#,
    "title pr",
    "title eq null",
    "title ne null",
    "active eq true",
    r#"active ne "true""#,
    r#"meta.lastModified gt "2011-05-13T04:42:34.5+02:00""#,
    r#"meta.lastModified sw "2011-05""#,
    r#"emails co "example.com""#,
    r#"emails.value ew ".org""#,
    r#"emails[type eq "work" and value co "@example.com"]"#,
    r#"userName eq "a" or userName eq "b" and not (title pr)"#,
    r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915""#,
    r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
    r#"x509Certificates.value sw "MIID""#,
    r#"name eq "x""#,
    "userName eq 42",
    "nosuch eq 1",
    "active gt true",
];

const DEVICE_FILTERS: &[&str] = &[
    "count gt 41",
    "count eq 1.5",
    "count le 0.1",
    "weight ge 2.5",
    "levels eq 3",
    r#"tags[value eq "red"]"#,
    r#"seen lt "2011-05-13T04:42:34Z""#,
];

const SORTS: &[(&str, SortOrder)] = &[
    ("userName", SortOrder::Ascending),
    ("emails.value", SortOrder::Descending),
    ("meta.created", SortOrder::Ascending),
    ("active", SortOrder::Descending),
];

fn render(
    out: &mut String,
    title: &str,
    result: Result<scim_runtime::server::sql::Sql, scim_runtime::server::sql::SqlError>,
) {
    out.push_str(&format!("-- {title}\n"));
    match result {
        Ok(sql) => {
            out.push_str(&sql.text);
            out.push_str(&format!("\nparams: {:?}\n", sql.params));
        }
        Err(e) => out.push_str(&format!("error: {e}\n")),
    }
}

fn golden() -> String {
    let mut out = String::new();
    for dialect in [Dialect::Sqlite, Dialect::Postgres] {
        let users = Translator::for_resource::<User>(dialect);
        for f in USER_FILTERS {
            render(
                &mut out,
                &format!("{dialect:?} User: {f}"),
                users.condition(&f.parse().expect("a filter")),
            );
        }
        let folded = users
            .clone()
            .with_case_folding(CaseFolding::Function("scim_lower".into()));
        render(
            &mut out,
            &format!("{dialect:?} User, folded by scim_lower: userName eq \"école\""),
            folded.condition(&r#"userName eq "école""#.parse().unwrap()),
        );
        render(
            &mut out,
            &format!("{dialect:?} User, ASCII folding: userName eq \"école\""),
            users.condition(&r#"userName eq "école""#.parse().unwrap()),
        );
        let devices = Translator::new(dialect, &DEVICE, &[]);
        for f in DEVICE_FILTERS {
            render(
                &mut out,
                &format!("{dialect:?} Device: {f}"),
                devices.condition(&f.parse().expect("a filter")),
            );
        }
        for (sort_by, order) in SORTS {
            let query = ListQuery {
                filter: Some(r#"userName sw "b""#.parse().unwrap()),
                sort_by: Some(parse_path(sort_by).unwrap()),
                sort_order: *order,
                start_index: 11,
                count: Some(10),
                ..ListQuery::default()
            };
            render(
                &mut out,
                &format!(
                    "{dialect:?} User: select, sortBy={sort_by} {order:?}, startIndex=11, count=10"
                ),
                users.select("users", &query),
            );
        }
        let all = ListQuery {
            start_index: 1,
            ..ListQuery::default()
        };
        render(
            &mut out,
            &format!("{dialect:?} User: select, no count"),
            users.select("users", &all),
        );
        render(
            &mut out,
            &format!("{dialect:?} User: count"),
            users.count("users", Some(&"title pr".parse().unwrap())),
        );
        render(
            &mut out,
            &format!("{dialect:?} Device: sortBy=weight"),
            devices
                .order_by(&parse_path("weight").unwrap(), SortOrder::Ascending)
                .map(|text| scim_runtime::server::sql::Sql {
                    text,
                    params: vec![],
                }),
        );
    }
    out
}

#[test]
fn sql_text_is_the_golden_text() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/sql_golden.txt");
    let written = golden();
    if std::env::var_os("SCIM_BLESS").is_some() {
        std::fs::write(path, &written).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(path).expect("tests/it/sql_golden.txt");
    if expected != written {
        let first = expected
            .lines()
            .zip(written.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(written.lines().count()));
        panic!(
            "the SQL differs from sql_golden.txt from line {}:\n  expected: {}\n  written:  {}\n\
             (SCIM_BLESS=1 rewrites the file after review)",
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            written.lines().nth(first).unwrap_or("<end>"),
        );
    }
}
