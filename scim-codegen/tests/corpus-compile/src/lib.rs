//! Every output of scim-codegen over the schema corpus, compiled: one module per case, in one
//! crate, so that CI pays for one build whatever the size of the corpus.
//!
//! The test below holds the corpus to its expectations (`corpus_list::unexpected`); since it
//! runs only once this crate has compiled, passing means every real dump generates AND compiles.
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/modules.rs"));

#[cfg(test)]
mod typed_paths;

// Shared with the build script and the generator's own corpus test; this test uses only the
// expectations.
#[cfg(test)]
#[allow(dead_code)]
#[path = "../corpus_list.rs"]
mod corpus_list;

#[cfg(test)]
mod tests {
    use super::corpus_list::{self, Outcome};

    /// (label, is a group, outcome) of every case, as the build script saw them.
    fn outcomes() -> Vec<(&'static str, bool, Outcome)> {
        include!(concat!(env!("OUT_DIR"), "/outcomes.rs"))
    }

    #[test]
    fn every_real_dump_generates_and_compiles() {
        let corpus =
            corpus_list::corpus_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..").as_ref());
        if !corpus.is_dir() {
            // The build generated only the groups kept in `testdata/`.
            corpus_list::corpus_missing(&corpus);
            return;
        }
        let outcomes = outcomes();
        let (mut compiled, mut skipped, mut failed) = (0, 0, 0);
        let mut unexpected = Vec::new();
        for (label, group, outcome) in &outcomes {
            match outcome {
                Outcome::Generated { .. } => compiled += 1,
                Outcome::Skipped(reason) => {
                    skipped += 1;
                    println!("skipped  {label}: {reason}");
                }
                Outcome::Failed(error) => {
                    failed += 1;
                    println!("failed   {label}: {error}");
                }
            }
            unexpected.extend(corpus_list::unexpected(label, *group, outcome));
        }
        println!(
            "{} cases: {compiled} generated and compiled, {skipped} skipped, {failed} failed",
            outcomes.len()
        );
        assert!(
            unexpected.is_empty(),
            "unexpected outcomes:\n{}",
            unexpected.join("\n")
        );
    }
}
