//! The generation cases over the schema corpus: every file alone, and the files of one source
//! that belong together (Schemas with their ResourceTypes). Shared by `tests/corpus.rs` and the
//! build script of the `corpus-compile` crate, so both see the same cases.

use std::path::{Path, PathBuf};

/// One generator run.
#[allow(dead_code)]
pub struct Case {
    /// A Rust module name for the output (`slack__scim2_slack_schema`).
    pub module: String,
    /// `source/file.json` of each input, for reports.
    pub label: String,
    /// Schema documents.
    pub inputs: Vec<PathBuf>,
    /// ResourceType documents.
    pub resource_types: Vec<PathBuf>,
    /// Whether this case groups files (a group is expected to generate).
    pub group: bool,
}

/// What the generator made of a case.
#[allow(dead_code)]
#[derive(Debug)]
pub enum Outcome {
    /// Code, with this many warnings.
    Generated { warnings: usize },
    /// Nothing to generate from, with the reason.
    Skipped(String),
    /// An error.
    Failed(String),
}

/// The expectations over the corpus: every real server, SDK and documentation dump generates.
/// The only failures allowed are the deliberately invalid `bad-*` inputs of the SCIM-SDK (which
/// may also generate, but then not silently) and the SCIM 1.1 `scimdef-v1.json`; the only skips
/// allowed are single files that hold no schema (ResourceTypes only) or only meta-schemas no
/// ResourceType serves. Returns why `outcome` breaks them, if it does.
#[allow(dead_code)]
pub fn unexpected(label: &str, group: bool, outcome: &Outcome) -> Option<String> {
    let bad_input = label.contains("/bad-") || label.ends_with("/scimdef-v1.json");
    match outcome {
        Outcome::Generated { warnings: 0 } if label.contains("/bad-") => Some(format!(
            "{label}: invalid input generated without a warning"
        )),
        Outcome::Skipped(reason) if group => Some(format!("{label}: group skipped: {reason}")),
        Outcome::Failed(error) if !bad_input => Some(format!("{label}: {error}")),
        _ => None,
    }
}

/// Called when the corpus is not beside the repository. A developer without it is told and the
/// test passes; in CI (`CI` set) the corpus is always there, so its absence fails the test
/// rather than letting it pass without checking anything.
#[allow(dead_code)]
pub fn corpus_missing(corpus: &Path) {
    use std::io::Write as _;
    let message = format!("schema corpus not found at {}", corpus.display());
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(!ci, "{message} (CI is set, so the corpus must be there)");
    // Straight to stderr: the test harness captures `eprintln!`, and this must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "{message}: skipped (the corpus is optional outside CI)"
    );
}

/// The optional corpus beside the repository, relative to the `scim-codegen` crate directory.
#[allow(dead_code)]
pub fn corpus_dir(scim_codegen_dir: &Path) -> PathBuf {
    scim_codegen_dir.join("../../shared/corpus/schemas")
}

fn module_name(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_');
    out.strip_suffix("_json").unwrap_or(out).to_owned()
}

fn module_for(source: &str, rest: &str) -> String {
    format!("{}_{}", module_name(source), module_name(rest))
}

/// Groups: (source folder, label, schema files, resource-type files).
const GROUPS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "rfc7643",
        "resources",
        &["rfc7643-8.7.1-resource-schemas.json"],
        &["rfc7643-figure8-resource-types.json"],
    ),
    (
        "apache-scimple",
        "resources",
        &["User.json", "Group.json", "EnterpriseUser.json"],
        &[
            "resource-type-user-example.json",
            "resource-type-group-example.json",
        ],
    ),
    (
        "atlassian-go-atlassian-mocks",
        "all",
        &[
            "scim-get-user-schemas.json",
            "scim-get-group-schemas.json",
            "scim-get-user-enterprise-schemas.json",
        ],
        &[],
    ),
    (
        "audriga-scim-server-php",
        "all",
        &[
            "coreUserSchema.json",
            "coreGroupSchema.json",
            "enterpriseUserSchema.json",
            "domainSchema.json",
            "provisioningUserSchema.json",
            "resourceTypeSchema.json",
            "schemaSchema.json",
        ],
        &[],
    ),
    (
        "aws-iam-identity-center-docs",
        "resources",
        &["GetSchema-User-example.json"],
        &["ListResourceTypes-example.repaired.json"],
    ),
    (
        "django-scim2",
        "all",
        &[
            "User.json",
            "Group.json",
            "Enterprise-User.json",
            "Schema.json",
            "ResourceType.json",
            "ServiceProviderConfig.json",
        ],
        &[],
    ),
    (
        "docker-hub-docs",
        "resources",
        &["GET-Schemas-response-sample.json"],
        &["GET-ResourceTypes-response-sample.json"],
    ),
    (
        "elimity-scim",
        "all",
        &[
            "user_schema.json",
            "group_schema.json",
            "enterprise_user_schema.json",
            "schema_test.json",
        ],
        &[],
    ),
    (
        "entra-id-inbound-provisioning",
        "all",
        &[
            "User.json",
            "Group.json",
            "EnterpriseUser.json",
            "Schema.json",
        ],
        &[],
    ),
    (
        "go-scim",
        "resources",
        &[
            "user_schema.json",
            "group_schema.json",
            "user_enterprise_extension_schema.json",
            "core_schema.json",
        ],
        &["user_resource_type.json", "group_resource_type.json"],
    ),
    (
        "i2scim",
        "resources",
        &["scimSchema.json", "scimFixedSchema.json"],
        &["resourceTypes.json"],
    ),
    (
        "keycloak-scim-for-keycloak",
        "resources",
        &["roles.json"],
        &["role-resource-type.json"],
    ),
    (
        "okta-entitlements-docs",
        "resources",
        &["Schemas-example.json"],
        &["ResourceTypes-example.json"],
    ),
    (
        "oracle-idcs",
        "multivalued",
        &["custom-user-schema-after-put-multivalued.json"],
        &[],
    ),
    (
        "scim-sdk-captaingoldfish",
        "users",
        &["users.json", "groups.json", "enterprise-user.json"],
        &[
            "resourcetype-user.json",
            "resourcetype-group.json",
            "resourcetype-me.json",
        ],
    ),
    (
        "scim-sdk-captaingoldfish",
        "meta",
        &[
            "meta-schema.schema.json",
            "meta-resource-type.schema.json",
            "meta-service-provider.schema.json",
            "meta-resource-type-feature-ext.json",
        ],
        &[
            "resourcetype-schema.json",
            "resourcetype-resource-type.json",
            "resourcetype-service-provider.json",
        ],
    ),
    (
        "scim-sdk-captaingoldfish",
        "keystore",
        &["sample-keystore.json"],
        &["resourcetype-keystore-resource-type.json"],
    ),
    (
        "scim-sdk-captaingoldfish",
        "all-types",
        &["test-all-types.json", "enterprise-user.json"],
        &["type-all-types.json"],
    ),
    (
        "scim-sdk-captaingoldfish",
        "role",
        &["test-role-schema.json"],
        &["type-role-resource-type.json"],
    ),
    (
        "scim-sdk-captaingoldfish",
        "bulk-id",
        &["test-bulk-id-references.json"],
        &["type-bulkId-references-resource-type.json"],
    ),
    (
        "scim-sdk-captaingoldfish",
        "custom-user",
        &[
            "users.json",
            "enterprise-user.json",
            "test-role-schema.json",
        ],
        &["type-custom-user-resource-type.json"],
    ),
    (
        "scim2-server",
        "default",
        &["default-schemas.json"],
        &["default-resource-types.json"],
    ),
    (
        "scim2-server",
        "served",
        &["served-GET-Schemas.json"],
        &["served-GET-ResourceTypes.json"],
    ),
    (
        "simpleidserver",
        "all",
        &[
            "UserSchema.json",
            "GroupSchema.json",
            "EnterpriseUser.json",
            "EIDUserSchema.json",
            "Entitlements.json",
        ],
        &[],
    ),
    (
        "slack",
        "all",
        &[
            "scim2-slack-schema.json",
            "scim2-slack-group-schema.json",
            "scim2-slack-guest-schema.exclamationlabs.json",
        ],
        &[],
    ),
    (
        "suvera-keycloak-scim2-storage",
        "main",
        &["Schemas.json"],
        &["ResourceTypes.json"],
    ),
    (
        "suvera-keycloak-scim2-storage",
        "test",
        &["test-schemas.json"],
        &["test-resource-types.json"],
    ),
    (
        "univention-scim",
        "resources",
        &["scim-server-schemas.json"],
        &["scim-server-resource-types.json"],
    ),
    (
        "zitadel",
        "resources",
        &["service_provider_config_expected_schemas.json"],
        &["service_provider_config_expected_resource_types.json"],
    ),
];

/// Every case, in a fixed order: the files alone (sorted by path), then the groups.
pub fn cases(corpus: &Path) -> Vec<Case> {
    if !corpus.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(corpus) {
        for dir in dirs.flatten() {
            if let Ok(entries) = std::fs::read_dir(dir.path()) {
                for entry in entries.flatten() {
                    if entry.path().extension().is_some_and(|e| e == "json") {
                        files.push(entry.path());
                    }
                }
            }
        }
    }
    files.sort();
    let mut cases: Vec<Case> = files
        .into_iter()
        .map(|path| {
            let source = path
                .parent()
                .and_then(Path::file_name)
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let file = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let label = format!("{source}/{file}");
            Case {
                module: module_for(&source, &file),
                label,
                inputs: vec![path],
                resource_types: Vec::new(),
                group: false,
            }
        })
        .collect();
    cases.extend(GROUPS.iter().map(|group| group_case(corpus, group)));
    cases
}

/// The groups whose files the repository itself keeps in `testdata/schemas`: what the build
/// generates when the corpus is absent, so that the tests built on those types still run.
#[allow(dead_code)]
pub fn bundled_cases(testdata: &Path) -> Vec<Case> {
    GROUPS
        .iter()
        .map(|group| group_case(testdata, group))
        .filter(|case| {
            case.inputs
                .iter()
                .chain(&case.resource_types)
                .all(|f| f.is_file())
        })
        .collect()
}

fn group_case(corpus: &Path, group: &(&str, &str, &[&str], &[&str])) -> Case {
    let (source, name, inputs, resource_types) = *group;
    Case {
        module: format!("group_{}", module_for(source, name)),
        label: format!("{source} [{name}]"),
        inputs: inputs.iter().map(|f| corpus.join(source).join(f)).collect(),
        resource_types: resource_types
            .iter()
            .map(|f| corpus.join(source).join(f))
            .collect(),
        group: true,
    }
}
