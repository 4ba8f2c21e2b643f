//! Runs the generator over every document of the schema corpus (and over the documents of one
//! source that belong together) and reports, per case: generated / skipped / failed.
//!
//! The expectations are [`corpus_list::unexpected`]: every real server, SDK and documentation
//! dump generates; only the deliberately invalid inputs fail and only documents without a schema
//! to generate are skipped. Every generated output is also generated a second time and must be
//! byte-identical.
//!
//! The outputs are written to `$CARGO_TARGET_TMPDIR/corpus/`. The `tests/corpus-compile` crate
//! (a workspace member) compiles the same cases, one module each, in one crate build, and its
//! test checks the same expectations: that test passing means every real dump generates AND
//! compiles.

#[path = "../corpus-compile/corpus_list.rs"]
mod corpus_list;

use corpus_list::Outcome;
use scim_codegen::{Config, Error};

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
        corpus_list::corpus_missing(&corpus);
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
        if let Some(why) = corpus_list::unexpected(&case.label, case.group, &outcome) {
            unexpected.push(why);
        }
        match &outcome {
            Outcome::Generated { warnings } => {
                generated += 1;
                println!("generated  {:<80} {warnings} warnings", case.label);
            }
            Outcome::Skipped(reason) => {
                skipped += 1;
                println!("skipped    {:<80} {reason}", case.label);
            }
            Outcome::Failed(error) => {
                failed += 1;
                println!("failed     {:<80} {error}", case.label);
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
