//! Generates one module per corpus case into OUT_DIR, `modules.rs` declaring them, and
//! `outcomes.rs`, what the generator made of every case, for the crate's test.

#[path = "corpus_list.rs"]
mod corpus_list;

use std::fmt::Write as _;
use std::path::PathBuf;

use corpus_list::Outcome;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let corpus = corpus_list::corpus_dir(&manifest.join("../.."));
    let testdata = manifest.join("../../../testdata/schemas");
    println!("cargo:rerun-if-changed={}", corpus.display());
    println!("cargo:rerun-if-changed={}", testdata.display());
    // Without the corpus, the groups the repository keeps a copy of are still generated, so the
    // tests over their types run on a plain clone; the whole-corpus test then skips.
    let (cases, prefix) = if corpus.is_dir() {
        (
            corpus_list::cases(&corpus),
            format!("{}/", corpus.display()),
        )
    } else {
        (
            corpus_list::bundled_cases(&testdata),
            format!("{}/", testdata.display()),
        )
    };
    println!("cargo:rerun-if-changed=corpus_list.rs");
    let mut modules = String::new();
    let mut outcomes = String::from("vec![\n");
    let mut rfc = None;
    for case in cases {
        let mut config = scim_codegen::Config::new();
        config.inputs(&case.inputs);
        for rt in &case.resource_types {
            config.resource_types(rt);
        }
        let outcome = match config.generate() {
            Ok(generated) => {
                let file = out_dir.join(format!("{}.rs", case.module));
                generated.write_if_changed(&file).unwrap();
                writeln!(
                    modules,
                    "#[doc = {:?}]\npub mod {} {{ include!({:?}); }}",
                    format!(" Generated from `{}`.", case.label),
                    case.module,
                    file.display().to_string(),
                )
                .unwrap();
                if case.module == "group_rfc7643_resources" {
                    rfc = Some(file);
                }
                Outcome::Generated {
                    warnings: generated.warnings.len(),
                }
            }
            Err(
                e @ (scim_codegen::Error::NoSchema { .. }
                | scim_codegen::Error::NothingToGenerate { .. }),
            ) => Outcome::Skipped(e.to_string().replace(&prefix, "")),
            Err(e) => Outcome::Failed(e.to_string().replace(&prefix, "")),
        };
        // Written as an expression with owned strings, which `Debug` alone does not give.
        let outcome = match outcome {
            Outcome::Generated { warnings } => format!("Generated {{ warnings: {warnings} }}"),
            Outcome::Skipped(reason) => format!("Skipped({reason:?}.to_owned())"),
            Outcome::Failed(error) => format!("Failed({error:?}.to_owned())"),
        };
        writeln!(
            outcomes,
            "    ({:?}, {:?}, corpus_list::Outcome::{outcome}),",
            case.label, case.group
        )
        .unwrap();
    }
    outcomes.push_str("]\n");
    // The same code next to types that shadow the prelude: it must only use full paths.
    if let Some(rfc) = rfc {
        writeln!(
            modules,
            "/// RFC 7643 resources beside types named like the prelude.\npub mod shadowed_prelude {{\n\
             #![allow(dead_code)]\n\
             struct Option; struct Some; struct None; struct String; struct Vec; struct Box;\n\
             struct Result; struct Ok; struct Err; struct Default; struct Debug; struct Clone;\n\
             struct PartialEq; struct Eq; struct Hash;\n\
             include!({:?});\n}}",
            rfc.display().to_string()
        )
        .unwrap();
    }
    std::fs::write(out_dir.join("modules.rs"), modules).unwrap();
    std::fs::write(out_dir.join("outcomes.rs"), outcomes).unwrap();
}
