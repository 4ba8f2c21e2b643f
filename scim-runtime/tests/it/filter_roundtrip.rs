//! Property tests: printing any filter tree gives text that parses back to the same tree, and no
//! input whatsoever makes a parser panic.

use proptest::prelude::*;
use scim_runtime::filter::{
    parse_filter, CompValue, CompareOp, Comparison, Filter, Number, Operands, ValuePath,
};
use scim_runtime::path::{parse_patch_path, parse_path, AttrName, AttrPath, PatchPath};

fn attr_name() -> impl Strategy<Value = AttrName> {
    prop_oneof![
        4 => "[a-zA-Z$][a-zA-Z0-9$_-]{0,8}",
        // Keywords are valid attribute names too, and must not be mistaken for operators.
        1 => prop::sample::select(vec![
            "not", "and", "or", "pr", "eq", "NOT", "And", "true", "null", "$ref",
        ])
        .prop_map(str::to_owned),
    ]
    .prop_map(|name| AttrName::new(&name).expect("generated names are valid"))
}

fn schema_uri() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("urn:ietf:params:scim:schemas:core:2.0:User".to_owned()),
        Just("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".to_owned()),
        "[a-zA-Z][a-zA-Z0-9-]{0,4}(:[a-zA-Z0-9._-]{1,6}){1,4}",
    ]
}

fn attr_path() -> impl Strategy<Value = AttrPath> {
    (
        prop::option::weighted(0.2, schema_uri()),
        attr_name(),
        prop::option::weighted(0.3, attr_name()),
    )
        .prop_map(|(schema, name, sub_attr)| {
            let mut path = AttrPath::new(name);
            if let Some(sub_attr) = sub_attr {
                path = path.with_sub_attr(sub_attr);
            }
            match schema {
                Some(schema) => path.with_schema(&schema).expect("generated URIs are valid"),
                None => path,
            }
        })
}

/// Strings meant to break out of a quoted value if escaping were wrong.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\()\\[\\] a-z\u{0}-\u{1f}\u{7f}é😀]{0,12}",
        prop::sample::select(vec![
            "\"",
            "\\",
            "\\\"",
            ")",
            "]",
            " or ",
            "\" or userName pr or \"",
            "x\") or (a pr",
            "\"] or emails[type pr",
            "\\u0022",
        ])
        .prop_map(str::to_owned),
    ]
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| Number::try_from(f).expect("finite")),
        "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,6})?([eE][+-]?[0-9]{1,3})?"
            .prop_map(|text| text.parse().expect("generated JSON numbers are valid")),
    ]
}

fn comp_value() -> impl Strategy<Value = CompValue> {
    prop_oneof![
        1 => Just(CompValue::Null),
        1 => any::<bool>().prop_map(CompValue::Bool),
        2 => number().prop_map(CompValue::Number),
        4 => hostile_string().prop_map(CompValue::String),
    ]
}

fn leaf() -> impl Strategy<Value = Filter> {
    prop_oneof![
        3 => (attr_path(), prop::sample::select(CompareOp::ALL.to_vec()), comp_value())
            .prop_map(|(path, op, value)| Filter::Comparison(Comparison { path, op, value })),
        1 => attr_path().prop_map(Filter::Present),
    ]
}

fn filter() -> impl Strategy<Value = Filter> {
    leaf().prop_recursive(6, 48, 4, |inner| {
        let operands = prop::collection::vec(inner.clone(), 2..5)
            .prop_map(|filters| Operands::from_vec(filters).expect("two or more"));
        prop_oneof![
            operands.clone().prop_map(Filter::And),
            operands.prop_map(Filter::Or),
            inner.clone().prop_map(|f| Filter::Not(Box::new(f))),
            (attr_path(), inner).prop_map(|(path, f)| Filter::ValuePath(ValuePath::new(path, f))),
        ]
    })
}

fn patch_path() -> impl Strategy<Value = PatchPath> {
    prop_oneof![
        attr_path().prop_map(PatchPath::Attr),
        (attr_path(), filter(), prop::option::of(attr_name())).prop_map(
            |(attr, filter, sub_attr)| PatchPath::ValuePath {
                value_path: ValuePath::new(attr, filter),
                sub_attr,
            }
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn printed_filters_parse_back_to_the_same_tree(filter in filter()) {
        let printed = filter.to_string();
        let reparsed = parse_filter(&printed);
        prop_assert_eq!(reparsed.as_ref(), Ok(&filter), "printed as {}", printed);
        // Names compare case-insensitively; the text must also be identical.
        prop_assert_eq!(reparsed.map(|f| f.to_string()), Ok(printed));
    }

    #[test]
    fn printed_patch_paths_parse_back_to_the_same_path(path in patch_path()) {
        let printed = path.to_string();
        prop_assert_eq!(parse_patch_path(&printed), Ok(path), "printed as {}", printed);
    }

    #[test]
    fn printed_attr_paths_parse_back_to_the_same_path(path in attr_path()) {
        let printed = path.to_string();
        prop_assert_eq!(parse_path(&printed), Ok(path), "printed as {}", printed);
    }

    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        check_no_panic(&input)?;
    }

    #[test]
    fn filter_like_text_never_panics(
        input in "[a-z$ .:()\\[\\]\"\\\\0-9eE+-]{0,40}|(not|and|or|pr|eq|[ ()\\[\\]\"]|x|1|\\\\u|\\.)*",
    ) {
        check_no_panic(&input)?;
    }

    #[test]
    fn damaged_filters_never_panic(
        filter in filter(),
        cut in any::<prop::sample::Index>(),
        insert in any::<char>(),
    ) {
        let printed = filter.to_string();
        let chars: Vec<char> = printed.chars().collect();
        let at = cut.index(chars.len() + 1);
        let truncated: String = chars[..at].iter().collect();
        let mut inserted = chars.clone();
        inserted.insert(at, insert);
        let inserted: String = inserted.into_iter().collect();
        check_no_panic(&truncated)?;
        check_no_panic(&inserted)?;
    }
}

/// Runs every parser on `input`: whatever they return, an accepted input round-trips and an
/// error points inside the input (or just past its end).
fn check_no_panic(input: &str) -> Result<(), TestCaseError> {
    let last_column = input.chars().count() + 1;
    match parse_filter(input) {
        Ok(filter) => prop_assert_eq!(parse_filter(&filter.to_string()), Ok(filter)),
        Err(error) => prop_assert!(error.column().unwrap_or(1) <= last_column, "{error}"),
    }
    match parse_patch_path(input) {
        Ok(path) => prop_assert_eq!(parse_patch_path(&path.to_string()), Ok(path)),
        Err(error) => prop_assert!(error.column().unwrap_or(1) <= last_column, "{error}"),
    }
    match parse_path(input) {
        Ok(path) => prop_assert_eq!(parse_path(&path.to_string()), Ok(path)),
        Err(error) => prop_assert!(error.column().unwrap_or(1) <= last_column, "{error}"),
    }
    Ok(())
}
