//! The filter builder: values can never change a filter's structure, invalid names are
//! refused, and built filters print as expected.

use proptest::prelude::*;
use scim_runtime::filter::{
    parse_filter, CompValue, CompareOp, Comparison, Filter, Number, ParseError,
};
use scim_runtime::path::{AttrName, AttrPath};

/// Values that would change the filter if they were pasted into its text.
const HOSTILE_VALUES: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    ")",
    "]",
    " or ",
    "\" or userName pr or \"",
    "bjensen\") or (userName pr",
    "\"] or emails[type pr",
    "x\" and not (y pr) or \"",
    "\\\" or \\\"",
    "\\u0022 or a pr",
    "line\nbreak\ttab\u{0}nul",
    "unicode é 😀 \u{2028}",
    "",
];

/// Asserts that `filter` prints to text that parses back to exactly one comparison of
/// `userName` with `value`.
fn assert_single_comparison(filter: &Filter, value: &str) {
    let printed = filter.to_string();
    let reparsed = parse_filter(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e}"));
    let Filter::Comparison(Comparison {
        path,
        op: CompareOp::Equal,
        value: CompValue::String(parsed_value),
    }) = &reparsed
    else {
        panic!("{value:?} changed the structure: {printed} parsed as {reparsed:?}");
    };
    assert_eq!(path.name(), "userName");
    assert_eq!(parsed_value, value);
    assert_eq!(&reparsed, filter);
}

#[test]
fn hostile_values_stay_inside_one_comparison() -> Result<(), ParseError> {
    for value in HOSTILE_VALUES {
        assert_single_comparison(&Filter::attr("userName")?.eq(*value), value);
    }
    Ok(())
}

#[test]
fn hostile_values_keep_compound_filters_intact() -> Result<(), ParseError> {
    for value in HOSTILE_VALUES {
        let built = Filter::value_path(
            "emails",
            Filter::attr("type")?
                .eq(*value)
                .and(Filter::attr("value")?.co(*value).not()),
        )?
        .or(Filter::attr("userName")?.sw(*value));
        let reparsed = parse_filter(&built.to_string())?;
        assert_eq!(reparsed, built, "{value:?}");
        let Filter::Or(operands) = &reparsed else {
            panic!("{value:?}: {reparsed:?}");
        };
        assert_eq!(operands.len(), 2, "{value:?}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_value_stays_inside_one_comparison(value in any::<String>()) {
        let filter = Filter::attr("userName").expect("valid path").eq(value.as_str());
        assert_single_comparison(&filter, &value);
    }
}

#[test]
fn invalid_attribute_paths_are_refused() {
    for name in [
        "",
        " ",
        "userName pr or x",
        "userName eq \"x\"",
        "a)",
        "a]",
        "(a",
        "emails[type eq \"x\"]",
        "a b",
        "a.b.c",
        "1abc",
        "a\"",
        "name.",
        ":name",
        "urn::name",
        "é",
    ] {
        assert!(Filter::attr(name).is_err(), "{name:?} was accepted");
        assert!(
            Filter::value_path(name, Filter::attr("a").expect("valid").pr()).is_err(),
            "{name:?} was accepted"
        );
    }
    assert!(AttrName::new("x.y").is_err());
    assert!(AttrName::new("x:y").is_err());
    let path = AttrPath::parse("userName").expect("valid");
    assert!(path.clone().with_schema("urn:x y").is_err());
    assert!(path.clone().with_schema("urn:x:").is_err());
    assert!(path.clone().with_schema("urn").is_err());
    assert!(path
        .with_schema("urn:ietf:params:scim:schemas:core:2.0:User")
        .is_ok());
}

#[test]
fn names_are_validated_with_the_position_of_the_problem() {
    let error = Filter::attr("userName pr or x").expect_err("invalid");
    assert_eq!(error.column(), Some(10));
    assert_eq!(
        error.to_string(),
        "expected the end of the attribute path at column 10, found \"pr\""
    );
    let error = AttrName::new("given name").expect_err("invalid");
    assert_eq!(error.column(), Some(6));
}

#[test]
fn built_filters_print_canonically() -> Result<(), ParseError> {
    let cases = [
        (
            Filter::attr("userName")?.eq("bjensen"),
            r#"userName eq "bjensen""#,
        ),
        (Filter::attr("title")?.pr(), "title pr"),
        (Filter::attr("active")?.eq(true), "active eq true"),
        (
            Filter::attr("manager")?.eq(CompValue::Null),
            "manager eq null",
        ),
        (Filter::attr("manager")?.eq(None::<&str>), "manager eq null"),
        (Filter::attr("x")?.gt(42), "x gt 42"),
        (Filter::attr("x")?.le(-7_i64), "x le -7"),
        (
            Filter::attr("x")?.lt(Number::try_from(1.5).expect("finite")),
            "x lt 1.5",
        ),
        (
            Filter::attr("x")?.ge("-1.5e3".parse::<Number>().expect("valid")),
            "x ge -1.5e3",
        ),
        (Filter::attr("x")?.ne("y"), r#"x ne "y""#),
        (Filter::attr("x")?.ew("y"), r#"x ew "y""#),
        (
            Filter::attr("meta.lastModified")?.gt("2011-05-13T04:42:34Z"),
            r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
        ),
        (
            Filter::attr(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            )?
            .eq("26118915"),
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915""#,
        ),
        (
            Filter::attr("a")?
                .pr()
                .and(Filter::attr("b")?.pr())
                .and(Filter::attr("c")?.pr()),
            "a pr and b pr and c pr",
        ),
        (
            Filter::attr("a")?
                .pr()
                .and(Filter::attr("b")?.pr())
                .or(Filter::attr("c")?.pr()),
            "a pr and b pr or c pr",
        ),
        (
            Filter::attr("a")?
                .pr()
                .and(Filter::attr("b")?.pr().or(Filter::attr("c")?.pr())),
            "a pr and (b pr or c pr)",
        ),
        (
            Filter::attr("a")?.pr().or(Filter::attr("b")?.pr()).not(),
            "not (a pr or b pr)",
        ),
        (
            !Filter::attr("a")?.pr() & (Filter::attr("b")?.pr() | Filter::attr("c")?.pr()),
            "not (a pr) and (b pr or c pr)",
        ),
        (
            Filter::attr("emails")?.matching(
                Filter::attr("type")?
                    .eq("work")
                    .and(Filter::attr("value")?.co("@example.com")),
            ),
            r#"emails[type eq "work" and value co "@example.com"]"#,
        ),
        (
            Filter::attr("x")?.compare(CompareOp::StartsWith, "J"),
            r#"x sw "J""#,
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(filter.to_string(), expected);
        assert_eq!(parse_filter(expected)?, filter, "{expected}");
    }
    Ok(())
}

#[test]
fn and_or_chains_built_in_code_stay_flat() -> Result<(), ParseError> {
    let chain = (0..10).try_fold(Filter::attr("a")?.eq(0), |chain, i| {
        Ok::<_, ParseError>(chain.or(Filter::attr("a")?.eq(i + 1)))
    })?;
    let Filter::Or(operands) = &chain else {
        panic!("{chain:?}");
    };
    assert_eq!(operands.len(), 11);
    // Joining two chains splices both.
    let left = Filter::attr("a")?.pr().and(Filter::attr("b")?.pr());
    let right = Filter::attr("c")?.pr().and(Filter::attr("d")?.pr());
    let Filter::And(operands) = left.and(right) else {
        panic!("an and");
    };
    assert_eq!(operands.len(), 4);
    Ok(())
}

#[test]
fn filters_and_paths_serialize_as_text() -> Result<(), Box<dyn std::error::Error>> {
    let filter = Filter::attr("userName")?.eq("a\"b");
    let json = serde_json::to_string(&filter)?;
    assert_eq!(json, r#""userName eq \"a\\\"b\"""#);
    assert_eq!(serde_json::from_str::<Filter>(&json)?, filter);

    let error = serde_json::from_str::<Filter>(r#""userName equals 1""#).expect_err("invalid");
    assert!(error.to_string().contains("at column 10"), "{error}");
    assert!(serde_json::from_str::<Filter>("42").is_err());

    let path: scim_runtime::path::PatchPath =
        serde_json::from_str(r#""members[value eq \"2819c223\"].display""#)?;
    assert_eq!(
        serde_json::to_string(&path)?,
        r#""members[value eq \"2819c223\"].display""#
    );
    let attr: AttrPath = serde_json::from_str(r#""name.givenName""#)?;
    assert_eq!(serde_json::to_string(&attr)?, r#""name.givenName""#);
    let name: AttrName = serde_json::from_str(r#""userName""#)?;
    assert_eq!(name, "USERNAME");
    Ok(())
}

#[test]
fn errors_are_std_errors() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<ParseError>();
    assert_error::<scim_runtime::filter::InvalidNumber>();
}
