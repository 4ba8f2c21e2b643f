//! Generation time on the largest real dump (SAP Cloud Identity Services, 15 schemas / 310
//! attributes) and on every case of the schema corpus. Baseline in the same run: reading and
//! parsing the JSON alone, so the share of the generator itself is visible.

#[path = "../tests/corpus-compile/corpus_list.rs"]
mod corpus_list;

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

fn config(case: &corpus_list::Case) -> scim_codegen::Config {
    let mut config = scim_codegen::Config::new();
    config.inputs(&case.inputs);
    for rt in &case.resource_types {
        config.resource_types(rt);
    }
    config
}

fn bench(c: &mut Criterion) {
    let corpus = corpus_list::corpus_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    if !corpus.is_dir() {
        eprintln!(
            "schema corpus not found at {}: nothing to measure",
            corpus.display()
        );
        return;
    }
    let sap = corpus.join("sap-cloud-identity-services/GET-scim-Schemas.json");
    let mut sap_config = scim_codegen::Config::new();
    sap_config.input(&sap);
    c.bench_function("sap: read + parse JSON only (baseline)", |b| {
        b.iter(|| {
            serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&sap).unwrap())
                .unwrap()
        })
    });
    c.bench_function("sap: generate", |b| {
        b.iter(|| sap_config.generate().unwrap())
    });

    let configs: Vec<scim_codegen::Config> =
        corpus_list::cases(&corpus).iter().map(config).collect();
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function("generate every case", |b| {
        b.iter(|| {
            configs
                .iter()
                .filter(|config| config.generate().is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
