//! The typed PATCH builder against the same `PatchOp` built by hand, in the same run: four
//! operations (a single value, a complex value added to a multi-valued attribute, a removal by
//! value filter, and an extension sub-attribute in its URN form), with the same inputs. Both
//! sides are checked to write the same JSON before timing.
//!
//! Run with `cargo bench -p scim-runtime --bench typed_patch`; the benchmarks are
//! `patch_build/typed` and `patch_build/hand`, each run twice, interleaved (`*-warm` first).
//!
//! Wall-clock times move on a shared machine, so with `SCIM_BENCH_INSTRUCTIONS=CASE:N` (CASE
//! `typed` or `hand`) the binary builds the request N times and exits, for callgrind to count
//! instructions: `valgrind --tool=callgrind` on N and on 0, the difference divided by N is the
//! instructions per request, which repeat exactly from run to run.

use std::hint::black_box;

use criterion::{criterion_group, Criterion};
use scim_runtime::filter::Filter;
use scim_runtime::message::{PatchOp, PatchOperation, PatchOperationKind};
use scim_runtime::resources::user::{Email, EmailType};
use scim_runtime::User;
use serde_json::Value;

struct Inputs {
    display_name: &'static str,
    email: Email,
    filter: Filter,
    manager: &'static str,
}

fn typed(i: &Inputs) -> PatchOp<User> {
    let p = User::paths();
    PatchOp::<User>::default()
        .replace(p.display_name(), i.display_name)
        .add(p.emails(), &i.email)
        .remove_where(p.emails(), &i.filter)
        .replace(p.enterprise_user().manager().value(), i.manager)
}

fn hand(i: &Inputs) -> PatchOp<User> {
    let email = serde_json::to_value(&i.email).unwrap_or(Value::Null);
    PatchOp::new(vec![
        PatchOperation {
            op: PatchOperationKind::Replace,
            path: Some("displayName".to_owned()),
            value: Some(Value::String(i.display_name.to_owned())),
        },
        PatchOperation {
            op: PatchOperationKind::Add,
            path: Some("emails".to_owned()),
            value: Some(Value::Array(vec![email])),
        },
        PatchOperation {
            op: PatchOperationKind::Remove,
            path: Some(format!("emails[{}]", i.filter)),
            value: None,
        },
        PatchOperation {
            op: PatchOperationKind::Replace,
            path: Some(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"
                    .to_owned(),
            ),
            value: Some(Value::String(i.manager.to_owned())),
        },
    ])
}

fn inputs() -> Inputs {
    Inputs {
        display_name: "Babs Jensen",
        email: Email {
            value: Some("babs@jensen.org".to_owned()),
            r#type: Some(EmailType::Home),
            ..Email::default()
        },
        filter: Filter::attr("type")
            .map(|f| f.eq("work"))
            .unwrap_or_else(|e| panic!("{e}")),
        manager: "26118915-6090-4610-87e4-49d8ca9f808d",
    }
}

fn build(c: &mut Criterion) {
    let inputs = inputs();
    assert_eq!(
        serde_json::to_value(typed(&inputs)).ok(),
        serde_json::to_value(hand(&inputs)).ok(),
        "both sides build the same request"
    );
    let mut group = c.benchmark_group("patch_build");
    // Each side twice, interleaved, so that a change of load on the machine during the run
    // falls on both; the report takes the second of each.
    for round in ["warm", "timed"] {
        for (name, f) in [
            ("hand", hand as fn(&Inputs) -> PatchOp<User>),
            ("typed", typed),
        ] {
            let id = if round == "warm" {
                format!("{name}-warm")
            } else {
                name.to_owned()
            };
            group.bench_function(id, |b| b.iter(|| f(black_box(&inputs))));
        }
    }
    group.finish();
}

criterion_group!(benches, build);

fn main() {
    if let Ok(spec) = std::env::var("SCIM_BENCH_INSTRUCTIONS") {
        let (case, n) = spec.split_once(':').unwrap_or((spec.as_str(), "1"));
        let n: usize = n.parse().unwrap_or(1);
        let inputs = inputs();
        let f = if case == "typed" { typed } else { hand };
        for _ in 0..n {
            black_box(f(black_box(&inputs)));
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
