//! Table-driven tests of the filter and path parsers: every example filter of RFC 7644
//! §3.4.2.2 and every example path of §3.5.2, plus edge cases and malformed input, each with the
//! tree it must produce or the column and message of the error it must raise.

use scim_runtime::filter::{
    parse_filter, parse_filter_with_limits, CompValue, CompareOp, Comparison, Filter, Number,
    Operands, ParseError, ParseLimits, ValuePath,
};
use scim_runtime::path::{parse_patch_path, parse_path, AttrName, AttrPath, PatchPath};

// ---------------------------------------------------------------------------------------------
// Compact tree constructors for the tables.

fn path(text: &str) -> AttrPath {
    AttrPath::parse(text).unwrap_or_else(|e| panic!("test path {text:?}: {e}"))
}

fn cmp(attr: &str, op: &str, value: CompValue) -> Filter {
    Filter::Comparison(Comparison {
        path: path(attr),
        op: CompareOp::from_keyword(op).unwrap_or_else(|| panic!("test operator {op:?}")),
        value,
    })
}

fn str_(text: &str) -> CompValue {
    CompValue::String(text.to_owned())
}

fn num(text: &str) -> CompValue {
    CompValue::Number(
        text.parse::<Number>()
            .unwrap_or_else(|e| panic!("test number: {e}")),
    )
}

fn pr(attr: &str) -> Filter {
    Filter::Present(path(attr))
}

fn and(filters: impl IntoIterator<Item = Filter>) -> Filter {
    Filter::And(operands(filters))
}

fn or(filters: impl IntoIterator<Item = Filter>) -> Filter {
    Filter::Or(operands(filters))
}

fn operands(filters: impl IntoIterator<Item = Filter>) -> Operands {
    Operands::from_vec(filters.into_iter().collect()).expect("at least two operands")
}

fn not(filter: Filter) -> Filter {
    Filter::Not(Box::new(filter))
}

fn vp(attr: &str, filter: Filter) -> Filter {
    Filter::ValuePath(ValuePath::new(path(attr), filter))
}

/// What parsing an input must give.
enum Outcome {
    /// This tree.
    Parses(Filter),
    /// An error at this 1-based column (`None` for errors without one) whose message contains
    /// this fragment.
    Fails(Option<usize>, String),
}

use Outcome::{Fails, Parses};

fn fails(column: usize, fragment: impl Into<String>) -> Outcome {
    Fails(Some(column), fragment.into())
}

const EXPECT_OPERATOR: &str =
    "expected a comparison operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr)";
const EXPECT_EXPRESSION: &str = "expected an attribute path, \"not (\" or \"(\"";
const EXPECT_VALUE: &str = "expected a value (a string, a number, true, false or null)";
const EXPECT_END: &str = "expected \"and\", \"or\" or the end of the filter";
const EXPECT_CLOSE_PAREN: &str = "expected \"and\", \"or\" or \")\"";
const EXPECT_CLOSE_BRACKET: &str = "expected \"and\", \"or\" or \"]\"";

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const LAST_MODIFIED: &str = "2011-05-13T04:42:34Z";

fn filter_cases() -> Vec<(&'static str, Outcome)> {
    vec![
        // --- RFC 7644 §3.4.2.2, Figure 2: every example filter. ---
        (r#"userName eq "bjensen""#, Parses(cmp("userName", "eq", str_("bjensen")))),
        (
            r#"name.familyName co "O'Malley""#,
            Parses(cmp("name.familyName", "co", str_("O'Malley"))),
        ),
        (r#"userName sw "J""#, Parses(cmp("userName", "sw", str_("J")))),
        (
            r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
            Parses(cmp(
                "urn:ietf:params:scim:schemas:core:2.0:User:userName",
                "sw",
                str_("J"),
            )),
        ),
        ("title pr", Parses(pr("title"))),
        (
            r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
            Parses(cmp("meta.lastModified", "gt", str_(LAST_MODIFIED))),
        ),
        (
            r#"meta.lastModified ge "2011-05-13T04:42:34Z""#,
            Parses(cmp("meta.lastModified", "ge", str_(LAST_MODIFIED))),
        ),
        (
            r#"meta.lastModified lt "2011-05-13T04:42:34Z""#,
            Parses(cmp("meta.lastModified", "lt", str_(LAST_MODIFIED))),
        ),
        (
            r#"meta.lastModified le "2011-05-13T04:42:34Z""#,
            Parses(cmp("meta.lastModified", "le", str_(LAST_MODIFIED))),
        ),
        (
            r#"title pr and userType eq "Employee""#,
            Parses(and([pr("title"), cmp("userType", "eq", str_("Employee"))])),
        ),
        (
            r#"title pr or userType eq "Intern""#,
            Parses(or([pr("title"), cmp("userType", "eq", str_("Intern"))])),
        ),
        (
            r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
            Parses(cmp("schemas", "eq", str_(ENTERPRISE))),
        ),
        (
            r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
            Parses(and([
                cmp("userType", "eq", str_("Employee")),
                or([
                    cmp("emails", "co", str_("example.com")),
                    cmp("emails.value", "co", str_("example.org")),
                ]),
            ])),
        ),
        (
            r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
            Parses(and([
                cmp("userType", "ne", str_("Employee")),
                not(or([
                    cmp("emails", "co", str_("example.com")),
                    cmp("emails.value", "co", str_("example.org")),
                ])),
            ])),
        ),
        (
            r#"userType eq "Employee" and (emails.type eq "work")"#,
            Parses(and([
                cmp("userType", "eq", str_("Employee")),
                cmp("emails.type", "eq", str_("work")),
            ])),
        ),
        (
            r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
            Parses(and([
                cmp("userType", "eq", str_("Employee")),
                vp(
                    "emails",
                    and([
                        cmp("type", "eq", str_("work")),
                        cmp("value", "co", str_("@example.com")),
                    ]),
                ),
            ])),
        ),
        (
            r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
            Parses(or([
                vp(
                    "emails",
                    and([
                        cmp("type", "eq", str_("work")),
                        cmp("value", "co", str_("@example.com")),
                    ]),
                ),
                vp(
                    "ims",
                    and([
                        cmp("type", "eq", str_("xmpp")),
                        cmp("value", "co", str_("@foo.com")),
                    ]),
                ),
            ])),
        ),
        // The same examples as the RFC prints them, wrapped over two lines.
        (
            "userType ne \"Employee\" and not (emails co \"example.com\" or\n  emails.value co \"example.org\")",
            Parses(and([
                cmp("userType", "ne", str_("Employee")),
                not(or([
                    cmp("emails", "co", str_("example.com")),
                    cmp("emails.value", "co", str_("example.org")),
                ])),
            ])),
        ),
        // --- RFC 7644 §3.4.2.2: attribute names and operators are case-insensitive. ---
        (r#"userName Eq "john""#, Parses(cmp("userName", "eq", str_("john")))),
        (r#"Username eq "john""#, Parses(cmp("userName", "eq", str_("john")))),
        (r#"USERNAME EQ "john""#, Parses(cmp("username", "EQ", str_("john")))),
        ("title PR", Parses(pr("title"))),
        // RFC 7644 §3.4.3, the search request example.
        (r#"displayName sw "smith""#, Parses(cmp("displayName", "sw", str_("smith")))),
        // --- Every comparison operator. ---
        (r#"a ne "x""#, Parses(cmp("a", "ne", str_("x")))),
        (r#"a ew "x""#, Parses(cmp("a", "ew", str_("x")))),
        // --- Logical operators, precedence and grouping. ---
        ("not(title pr)", Parses(not(pr("title")))),
        ("NOT (title pr)", Parses(not(pr("title")))),
        (
            "a pr AND b pr Or c pr",
            Parses(or([and([pr("a"), pr("b")]), pr("c")])),
        ),
        (
            "a pr and b pr or c pr",
            Parses(or([and([pr("a"), pr("b")]), pr("c")])),
        ),
        (
            "a pr or b pr and c pr",
            Parses(or([pr("a"), and([pr("b"), pr("c")])])),
        ),
        (
            "a pr and (b pr or c pr)",
            Parses(and([pr("a"), or([pr("b"), pr("c")])])),
        ),
        (
            "a pr and b pr and c pr and d pr",
            Parses(and([pr("a"), pr("b"), pr("c"), pr("d")])),
        ),
        (
            "(a pr and b pr) and c pr",
            Parses(and([and([pr("a"), pr("b")]), pr("c")])),
        ),
        (
            "(a pr or b pr) and (c pr or not (d pr))",
            Parses(and([
                or([pr("a"), pr("b")]),
                or([pr("c"), not(pr("d"))]),
            ])),
        ),
        ("((((a pr))))", Parses(pr("a"))),
        ("not (not (a pr))", Parses(not(not(pr("a"))))),
        (
            "not (a pr) and not(b pr)",
            Parses(and([not(pr("a")), not(pr("b"))])),
        ),
        // `not` not followed by `(` is an attribute name.
        (r#"not eq "x""#, Parses(cmp("not", "eq", str_("x")))),
        // --- Value filters. ---
        (
            r#"emails[not (type eq "work")]"#,
            Parses(vp("emails", not(cmp("type", "eq", str_("work"))))),
        ),
        (
            r#"emails[type eq "work" or (primary eq true and value ew ".org")]"#,
            Parses(vp(
                "emails",
                or([
                    cmp("type", "eq", str_("work")),
                    and([
                        cmp("primary", "eq", CompValue::Bool(true)),
                        cmp("value", "ew", str_(".org")),
                    ]),
                ]),
            )),
        ),
        (
            r#"members[$ref pr]"#,
            Parses(vp("members", pr("$ref"))),
        ),
        // --- Schema-qualified paths. ---
        (
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d""#,
            Parses(cmp(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
                "eq",
                str_("26118915-6090-4610-87e4-49d8ca9f808d"),
            )),
        ),
        (
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#,
            Parses(cmp(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                "eq",
                str_("701984"),
            )),
        ),
        // --- Values. ---
        ("active eq true", Parses(cmp("active", "eq", CompValue::Bool(true)))),
        ("active eq false", Parses(cmp("active", "eq", CompValue::Bool(false)))),
        ("manager eq null", Parses(cmp("manager", "eq", CompValue::Null))),
        ("x gt -1.5e3", Parses(cmp("x", "gt", num("-1.5e3")))),
        ("x eq 0", Parses(cmp("x", "eq", num("0")))),
        ("x le 42", Parses(cmp("x", "le", num("42")))),
        ("x lt 10.25E+2", Parses(cmp("x", "lt", num("10.25E+2")))),
        (r#"x eq """#, Parses(cmp("x", "eq", str_("")))),
        (
            r#"name.familyName eq "O\"Malley""#,
            Parses(cmp("name.familyName", "eq", str_("O\"Malley"))),
        ),
        (
            r#"x eq "back\\slash \/ \b\f\n\r\t""#,
            Parses(cmp("x", "eq", str_("back\\slash / \u{8}\u{c}\n\r\t"))),
        ),
        (r#"x eq "caf\u00e9""#, Parses(cmp("x", "eq", str_("café")))),
        (r#"x eq "\ud83d\ude00 😀""#, Parses(cmp("x", "eq", str_("😀 😀")))),
        (
            r#"x eq "a) or (b pr] and \"""#,
            Parses(cmp("x", "eq", str_("a) or (b pr] and \""))),
        ),
        // --- Whitespace is a separator, whatever its kind or amount. ---
        (
            "  a  eq\t\"x\"\r\n and  b pr  ",
            Parses(and([cmp("a", "eq", str_("x")), pr("b")])),
        ),
        (r#"userName eq"bjensen""#, Parses(cmp("userName", "eq", str_("bjensen")))),
        ("a pr and(b pr)", Parses(and([pr("a"), pr("b")]))),
        ("x-y_z$ eq 1", Parses(cmp("x-y_z$", "eq", num("1")))),
        // --- Malformed input. ---
        ("", fails(1, format!("{EXPECT_EXPRESSION} at column 1, found end of input"))),
        ("   ", fails(4, EXPECT_EXPRESSION)),
        (
            r#"userName equals "bjensen""#,
            fails(10, format!("{EXPECT_OPERATOR} at column 10, found \"equals\"")),
        ),
        (r#"userName eq "bjensen" extra"#, fails(23, EXPECT_END)),
        (
            r#"userName eq "bjensen"#,
            fails(13, "unterminated string starting at column 13"),
        ),
        (r#"userName eq "bjensen\"#, fails(21, "unterminated string")),
        (r#"title pr "x""#, fails(10, r#"found "\"x\"""#)),
        ("title pr 1", fails(10, EXPECT_END)),
        ("userName eq", fails(12, format!("{EXPECT_VALUE} at column 12, found end of input"))),
        ("userName eq bjensen", fails(13, r#"found "bjensen""#)),
        ("userName eq True", fails(13, EXPECT_VALUE)),
        ("userName eq NULL", fails(13, EXPECT_VALUE)),
        ("x eq 01", fails(6, r#"found "01""#)),
        ("x eq 1.", fails(6, EXPECT_VALUE)),
        ("x eq -", fails(6, EXPECT_VALUE)),
        ("x eq 1and y pr", fails(6, r#"found "1and""#)),
        ("x eq 2011-05-13T04:42:34Z", fails(6, EXPECT_VALUE)),
        (r#"(userName eq "x""#, fails(17, EXPECT_CLOSE_PAREN)),
        (r#"userName eq "x")"#, fails(16, EXPECT_END)),
        (r#"emails[type eq "work""#, fails(22, EXPECT_CLOSE_BRACKET)),
        (r#"emails[type eq "work")"#, fails(22, EXPECT_CLOSE_BRACKET)),
        ("not (a pr", fails(10, EXPECT_CLOSE_PAREN)),
        ("not a pr", fails(5, "expected \"(\" after \"not\" at column 5, found \"a\"")),
        ("a pr and", fails(9, EXPECT_EXPRESSION)),
        ("a pr or ()", fails(10, EXPECT_EXPRESSION)),
        ("()", fails(2, EXPECT_EXPRESSION)),
        (r#""x" eq "x""#, fails(1, EXPECT_EXPRESSION)),
        ("1abc pr", fails(1, r#"found "1abc""#)),
        ("a < 1", fails(3, format!("{EXPECT_OPERATOR} at column 3, found \"<\""))),
        (r#"user@name eq "x""#, fails(5, r#"found "@""#)),
        (r#"a eq "\x""#, fails(7, "expected an escape sequence")),
        (r#"a eq "\ud800""#, fails(13, "expected a low surrogate escape")),
        ("a eq \"line\nbreak\"", fails(11, "control characters must be escaped")),
        ("name.givenName.x pr", fails(15, "expected the end of the attribute path")),
        ("name. pr", fails(6, "expected an attribute name")),
        (
            "urn:ietf:params:scim:schemas:core:2.0:User: pr",
            fails(44, "expected an attribute name"),
        ),
        ("a:name pr", fails(1, "expected a schema URI")),
        ("urn::x:name pr", fails(5, "expected a schema URI")),
        (r#"émail eq "x""#, fails(1, r#"found "é""#)),
        // Non-ASCII before the error still counts as one column per character.
        (r#"a eq "é" b"#, fails(10, EXPECT_END)),
    ]
}

#[test]
fn every_filter_in_the_table_parses_as_expected() {
    let cases = filter_cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (input, outcome) in cases {
        let result = parse_filter(input);
        match (&outcome, &result) {
            (Parses(expected), Ok(actual)) if expected == actual => {
                // Canonical printing round-trips, and keeps names as written.
                let printed = actual.to_string();
                match parse_filter(&printed) {
                    Ok(reparsed) if &reparsed == actual && reparsed.to_string() == printed => {}
                    other => {
                        failures.push(format!("{input:?}: printed {printed:?}, got {other:?}"))
                    }
                }
            }
            (Fails(column, fragment), Err(error))
                if error.column() == *column && error.to_string().contains(fragment.as_str()) => {}
            (Parses(expected), _) => {
                failures.push(format!("{input:?}: expected {expected:?}, got {result:?}"));
            }
            (Fails(column, fragment), _) => failures.push(format!(
                "{input:?}: expected an error at column {column:?} containing {fragment:?}, got {}",
                match &result {
                    Ok(filter) => format!("Ok({filter})"),
                    Err(error) => format!("Err({error}) at {:?}", error.column()),
                }
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn canonical_text_has_minimal_parentheses() {
    let cases = [
        ("A PR AND (B pr) OR c pr", "A pr and B pr or c pr"),
        ("a pr and (b pr or c pr)", "a pr and (b pr or c pr)"),
        ("(a pr and b pr) and c pr", "(a pr and b pr) and c pr"),
        ("a pr or (b pr or c pr)", "a pr or (b pr or c pr)"),
        ("a pr or (b pr and c pr)", "a pr or b pr and c pr"),
        ("not(a pr)", "not (a pr)"),
        ("emails[(type eq \"x\")]", "emails[type eq \"x\"]"),
        ("x EQ 1E3", "x eq 1E3"),
        (r#"x eq "\u00e9\/\u0001""#, r#"x eq "é/\u0001""#),
    ];
    for (input, canonical) in cases {
        let filter = parse_filter(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(filter.to_string(), canonical, "{input:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Limits.

#[test]
fn nesting_up_to_the_limit_parses_and_one_more_fails() {
    let nested = |depth: usize| format!("{}a pr{}", "(".repeat(depth), ")".repeat(depth));
    assert_eq!(parse_filter(&nested(64)), Ok(pr("a")));
    assert_eq!(
        parse_filter(&nested(65)),
        Err(ParseError::TooDeep {
            column: 65,
            max_depth: 64
        })
    );
    let nots = |depth: usize| format!("{}a pr{}", "not (".repeat(depth), ")".repeat(depth));
    assert!(parse_filter(&nots(64)).is_ok());
    let error = parse_filter(&nots(65)).expect_err("too deep");
    assert_eq!(error.column(), Some(64 * 5 + 1));
    assert!(error
        .to_string()
        .contains("nesting deeper than the limit of 64 levels"));

    let brackets = |depth: usize| format!("{}a pr{}", "x[".repeat(depth), "]".repeat(depth));
    assert!(parse_filter(&brackets(64)).is_ok());
    assert!(matches!(
        parse_filter(&brackets(65)),
        Err(ParseError::TooDeep { column: 129, .. })
    ));
}

#[test]
fn hostile_nesting_fails_cleanly_without_exhausting_the_stack() {
    let input = "(".repeat(15_000);
    assert!(matches!(
        parse_filter(&input),
        Err(ParseError::TooDeep { .. })
    ));
    let input = "not(".repeat(4_000);
    assert!(matches!(
        parse_filter(&input),
        Err(ParseError::TooDeep { .. })
    ));
    let input = "a[".repeat(8_000);
    assert!(matches!(
        parse_filter(&input),
        Err(ParseError::TooDeep { .. })
    ));

    let huge = ParseLimits::default()
        .with_max_length(usize::MAX)
        .with_max_depth(usize::MAX);
    assert_eq!(huge.max_depth(), ParseLimits::MAX_DEPTH_CEILING);
    let input = "(".repeat(1_000_000);
    assert!(matches!(
        parse_filter_with_limits(&input, &huge),
        Err(ParseError::TooDeep { max_depth: 512, .. })
    ));
}

#[test]
fn long_flat_chains_stay_flat() {
    let chain = vec!["a pr"; 100_000].join(" or ");
    let limits = ParseLimits::default().with_max_length(chain.len());
    let Ok(Filter::Or(operands)) = parse_filter_with_limits(&chain, &limits) else {
        panic!("a flat or");
    };
    assert_eq!(operands.len(), 100_000);
}

#[test]
fn input_over_the_length_limit_is_refused_before_parsing() {
    let at_limit = format!("x eq \"{}\"", "a".repeat(16 * 1024 - 7));
    assert_eq!(at_limit.len(), 16 * 1024);
    assert!(parse_filter(&at_limit).is_ok());
    let over = format!("x eq \"{}\"", "a".repeat(16 * 1024 - 6));
    let error = parse_filter(&over).expect_err("too long");
    assert_eq!(
        error,
        ParseError::TooLong {
            length: 16 * 1024 + 1,
            max_length: 16 * 1024
        }
    );
    assert_eq!(error.column(), None);
    assert_eq!(
        error.to_string(),
        "input is 16385 bytes long, longer than the limit of 16384 bytes"
    );
    let short = ParseLimits::default().with_max_length(8);
    assert!(parse_filter_with_limits("a eq 1", &short).is_ok());
    assert!(parse_filter_with_limits("a eq 123", &short).is_ok());
    assert!(matches!(
        parse_filter_with_limits("a eq 1234", &short),
        Err(ParseError::TooLong { length: 9, .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// PATCH paths (RFC 7644 §3.5.2) and attribute paths (§3.10).

fn patch_attr(text: &str) -> PatchPath {
    PatchPath::Attr(path(text))
}

fn patch_value(attr: &str, filter: Filter, sub_attr: Option<&str>) -> PatchPath {
    PatchPath::ValuePath {
        value_path: ValuePath::new(path(attr), filter),
        sub_attr: sub_attr.map(|name| AttrName::new(name).expect("test sub-attribute")),
    }
}

/// The path a PATCH path must parse to, or the column and message fragment of its error.
type PatchOutcome = Result<PatchPath, (usize, &'static str)>;

const MEMBER_ID: &str = "2819c223-7f76-453a-919d-413861904646";

#[test]
fn every_patch_path_in_the_table_parses_as_expected() {
    let cases: Vec<(&str, PatchOutcome)> = vec![
        // RFC 7644 §3.5.2, Figure 8: every example path.
        ("members", Ok(patch_attr("members"))),
        ("name.familyName", Ok(patch_attr("name.familyName"))),
        (
            r#"addresses[type eq "work"]"#,
            Ok(patch_value(
                "addresses",
                cmp("type", "eq", str_("work")),
                None,
            )),
        ),
        (
            r#"members[value eq "2819c223-7f76-453a-919d-413861904646"]"#,
            Ok(patch_value(
                "members",
                cmp("value", "eq", str_(MEMBER_ID)),
                None,
            )),
        ),
        (
            r#"members[value eq "2819c223-7f76-453a-919d-413861904646"].displayName"#,
            Ok(patch_value(
                "members",
                cmp("value", "eq", str_(MEMBER_ID)),
                Some("displayName"),
            )),
        ),
        // RFC 7644 §3.5.2.2–3.5.2.3 examples.
        (
            r#"emails[type eq "work" and value ew "example.com"]"#,
            Ok(patch_value(
                "emails",
                and([
                    cmp("type", "eq", str_("work")),
                    cmp("value", "ew", str_("example.com")),
                ]),
                None,
            )),
        ),
        (
            r#"addresses[type eq "work"].streetAddress"#,
            Ok(patch_value(
                "addresses",
                cmp("type", "eq", str_("work")),
                Some("streetAddress"),
            )),
        ),
        (
            r#"emails[type eq "work"].value"#,
            Ok(patch_value(
                "emails",
                cmp("type", "eq", str_("work")),
                Some("value"),
            )),
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            Ok(patch_attr(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            )),
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            Ok(patch_attr(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            )),
        ),
        ("MEMBERS", Ok(patch_attr("members"))),
        // Malformed paths.
        (
            "",
            Err((
                1,
                "expected an attribute path at column 1, found end of input",
            )),
        ),
        (
            "members x",
            Err((9, "expected \"[\" or the end of the path")),
        ),
        (
            "name.familyName.x",
            Err((16, "expected the end of the attribute path")),
        ),
        (r#"members[value eq "x""#, Err((21, EXPECT_CLOSE_BRACKET))),
        (
            r#"members[value eq "x"]."#,
            Err((23, "expected an attribute name")),
        ),
        (
            r#"members[value eq "x"].display.name"#,
            Err((
                30,
                "expected the end of the path or \".\" and a sub-attribute",
            )),
        ),
        (
            r#"members[value eq "x"] .display"#,
            Err((23, "the end of the path")),
        ),
        (
            r#"members[value eq "x"]value"#,
            Err((22, "the end of the path")),
        ),
        (
            r#"members[value eq "x"]]"#,
            Err((22, "the end of the path")),
        ),
        (r#"members[value equals "x"]"#, Err((15, EXPECT_OPERATOR))),
    ];
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let result = parse_patch_path(input);
        match (&expected, &result) {
            (Ok(expected), Ok(actual)) if expected == actual => {
                let printed = actual.to_string();
                if parse_patch_path(&printed).as_ref() != Ok(actual) || printed != input {
                    failures.push(format!("{input:?}: printed as {printed:?}"));
                }
            }
            (Err((column, fragment)), Err(error))
                if error.column() == Some(*column) && error.to_string().contains(fragment) => {}
            _ => failures.push(format!("{input:?}: expected {expected:?}, got {result:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn attribute_paths_split_schema_name_and_sub_attribute() {
    let cases = [
        ("userName", None, "userName", None),
        ("name.givenName", None, "name", Some("givenName")),
        (
            "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName",
            Some("urn:ietf:params:scim:schemas:core:2.0:User"),
            "name",
            Some("givenName"),
        ),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            Some(ENTERPRISE),
            "manager",
            Some("value"),
        ),
        ("members.$ref", None, "members", Some("$ref")),
    ];
    for (input, schema, name, sub_attr) in cases {
        let parsed = parse_path(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(parsed.schema(), schema, "{input:?}");
        assert_eq!(parsed.name().as_str(), name, "{input:?}");
        assert_eq!(
            parsed.sub_attr().map(AttrName::as_str),
            sub_attr,
            "{input:?}"
        );
        assert_eq!(parsed.to_string(), input);
    }
    for (input, column) in [
        ("", 1),
        ("user name", 6),
        ("name.", 6),
        ("a.b.c", 4),
        ("1abc", 1),
        ("emails[type eq \"x\"]", 7),
        ("urn:x:", 7),
    ] {
        let error = parse_path(input).expect_err(input);
        assert_eq!(error.column(), Some(column), "{input:?}: {error}");
    }
}

#[test]
fn names_compare_case_insensitively_and_print_as_written() {
    let a = parse_filter(
        r#"Emails[TYPE eq "work"] and urn:ietf:params:scim:schemas:core:2.0:User:userName pr"#,
    )
    .expect("valid");
    let b = parse_filter(
        r#"emails[type EQ "work"] AND URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME PR"#,
    )
    .expect("valid");
    assert_eq!(a, b);
    assert_eq!(
        a.to_string(),
        r#"Emails[TYPE eq "work"] and urn:ietf:params:scim:schemas:core:2.0:User:userName pr"#
    );
    // Values are not names: they stay case-sensitive in the tree.
    assert_ne!(
        parse_filter(r#"type eq "work""#),
        parse_filter(r#"type eq "WORK""#)
    );
}

#[test]
fn the_deepest_tree_the_parser_allows_can_be_printed_compared_and_dropped() {
    let depth = ParseLimits::MAX_DEPTH_CEILING;
    let limits = ParseLimits::default()
        .with_max_depth(depth)
        .with_max_length(usize::MAX);
    let level = "not (x[a pr and b pr or ";
    let input = format!("{}c pr{}", level.repeat(depth / 2), "])".repeat(depth / 2));
    let filter = parse_filter_with_limits(&input, &limits).expect("within the limits");
    let printed = filter.to_string();
    assert_eq!(
        parse_filter_with_limits(&printed, &limits),
        Ok(filter.clone())
    );
    drop(filter);
}
