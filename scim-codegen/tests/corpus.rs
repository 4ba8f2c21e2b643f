//! Runs the generator over every document of the schema corpus (and over the documents of one
//! source that belong together) and reports, per case: generated / skipped / failed.
//!
//! Expectations: every real server, SDK and documentation dump generates. The only failures
//! allowed are the deliberately invalid `bad-*` inputs of the SCIM-SDK (which may also generate,
//! but then not silently) and the SCIM 1.1 `scimdef-v1.json`; the only skips allowed are
//! documents that hold no schema (ResourceTypes only) or only meta-schemas no ResourceType
//! serves. Every generated output is also generated a second time and must be byte-identical.
//!
//! The outputs are written to `$CARGO_TARGET_TMPDIR/corpus/`; the `tests/corpus-compile` crate
//! compiles the same cases, one module each.

#[path = "corpus-compile/corpus_list.rs"]
mod corpus_list;

use scim_codegen::{Config, Error};

enum Outcome {
    Generated { warnings: usize },
    Skipped(String),
    Failed(String),
}

fn run(case: &corpus_list::Case) -> (Outcome, Option<String>) {
    let mut config = Config::new();
    config.inputs(&case.inputs);
    for rt in &case.resource_types {
        config.resource_types(rt);
    }
    match config.generate() {
        Ok(generated) => {
            let again = config.generate().expect("second run");
            assert_eq!(
                generated.code, again.code,
                "{}: output is not deterministic",
                case.label
            );
            (
                Outcome::Generated {
                    warnings: generated.warnings.len(),
                },
                Some(generated.code),
            )
        }
        Err(e @ (Error::NoSchema { .. } | Error::NothingToGenerate { .. })) => {
            (Outcome::Skipped(e.to_string()), None)
        }
        Err(e) => (Outcome::Failed(e.to_string()), None),
    }
}

#[test]
fn corpus() {
    let corpus = corpus_list::corpus_dir(env!("CARGO_MANIFEST_DIR").as_ref());
    if !corpus.is_dir() {
        eprintln!("schema corpus not found at {}: skipped", corpus.display());
        return;
    }
    let out_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus");
    std::fs::create_dir_all(&out_dir).unwrap();
    let cases = corpus_list::cases(&corpus);
    assert!(
        cases.len() > 130,
        "only {} cases found in {}",
        cases.len(),
        corpus.display()
    );
    let (mut generated, mut skipped, mut failed) = (0, 0, 0);
    let mut unexpected = Vec::new();
    let prefix = format!("{}/", corpus.display());
    let (mut files_generated, mut files_skipped, mut files_failed) = (0, 0, 0);
    for case in &cases {
        let (outcome, code) = run(case);
        let outcome = match outcome {
            Outcome::Skipped(reason) => Outcome::Skipped(reason.replace(&prefix, "")),
            Outcome::Failed(error) => Outcome::Failed(error.replace(&prefix, "")),
            generated => generated,
        };
        if !case.group {
            match &outcome {
                Outcome::Generated { .. } => files_generated += 1,
                Outcome::Skipped(_) => files_skipped += 1,
                Outcome::Failed(_) => files_failed += 1,
            }
        }
        let bad_input = case.label.contains("/bad-") || case.label.ends_with("scimdef-v1.json");
        match &outcome {
            Outcome::Generated { warnings } => {
                generated += 1;
                println!("generated  {:<80} {warnings} warnings", case.label);
                if case.label.contains("/bad-") && *warnings == 0 {
                    unexpected.push(format!(
                        "{}: invalid input generated without a warning",
                        case.label
                    ));
                }
            }
            Outcome::Skipped(reason) => {
                skipped += 1;
                println!("skipped    {:<80} {reason}", case.label);
                if case.group {
                    unexpected.push(format!("{}: group skipped: {reason}", case.label));
                }
            }
            Outcome::Failed(error) => {
                failed += 1;
                println!("failed     {:<80} {error}", case.label);
                if !bad_input {
                    unexpected.push(format!("{}: {error}", case.label));
                }
            }
        }
        if let Some(code) = code {
            std::fs::write(out_dir.join(format!("{}.rs", case.module)), code).unwrap();
        }
    }
    println!(
        "\nfiles: {files_generated} generated, {files_skipped} skipped, {files_failed} failed; \
         all {} cases (files and groups): {generated} generated, {skipped} skipped, {failed} failed",
        cases.len()
    );
    println!("outputs in {}", out_dir.display());
    assert!(
        unexpected.is_empty(),
        "unexpected outcomes:\n{}",
        unexpected.join("\n")
    );
}
