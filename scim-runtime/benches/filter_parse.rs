//! Parsing time of every example filter of RFC 7644 §3.4.2.2 (Figure 2), for this crate's
//! parser and, as a baseline, for the `scim-filter` crate on the filters it accepts.
//!
//! Run with `cargo bench -p scim-runtime --bench filter_parse`; each benchmark is named
//! `parse/<parser>/<example number>`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// RFC 7644 §3.4.2.2, Figure 2, in order.
const RFC_EXAMPLE_FILTERS: [&str; 17] = [
    r#"userName eq "bjensen""#,
    r#"name.familyName co "O'Malley""#,
    r#"userName sw "J""#,
    r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
    r#"title pr"#,
    r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
    r#"meta.lastModified ge "2011-05-13T04:42:34Z""#,
    r#"meta.lastModified lt "2011-05-13T04:42:34Z""#,
    r#"meta.lastModified le "2011-05-13T04:42:34Z""#,
    r#"title pr and userType eq "Employee""#,
    r#"title pr or userType eq "Intern""#,
    r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
    r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
    r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
    r#"userType eq "Employee" and (emails.type eq "work")"#,
    r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
    r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
];

/// Whether `scim-filter` parses the whole of `filter`.
fn scim_filter_accepts(filter: &str) -> bool {
    matches!(scim_filter::parser::filter(filter), Ok((rest, _)) if rest.trim().is_empty())
}

fn parse_rfc_examples(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (index, filter) in RFC_EXAMPLE_FILTERS.iter().enumerate() {
        let example = index + 1;
        assert!(
            scim_runtime::filter::parse_filter(filter).is_ok(),
            "example {example} must parse"
        );
        group.bench_with_input(
            BenchmarkId::new("scim-runtime", example),
            filter,
            |b, filter| b.iter(|| scim_runtime::filter::parse_filter(black_box(filter))),
        );
        if scim_filter_accepts(filter) {
            group.bench_with_input(
                BenchmarkId::new("scim-filter", example),
                filter,
                |b, filter| b.iter(|| scim_filter::parser::filter(black_box(filter))),
            );
        } else {
            eprintln!("scim-filter rejects example {example}: {filter}");
        }
    }
    group.finish();
}

criterion_group!(benches, parse_rfc_examples);
criterion_main!(benches);
