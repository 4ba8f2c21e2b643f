//! A long-running client rediscovers a server's schemas again and again: the run-time tables
//! of dynamic types must not grow with it. The test counts live heap bytes with its own global
//! allocator around 10,000 rediscoveries. The count is per thread, so the other tests of the
//! binary, running on their own threads at the same time, do not move it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use scim_runtime::dynamic::DynamicType;
use scim_runtime::schema::{ResourceType, Schema};
use scim_runtime::{Context, Resource, User};

struct Counting;

thread_local! {
    // `const` and without `Drop`: reading it never allocates, so the allocator may use it.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

/// Adds `delta` to this thread's live bytes (nothing once the thread is being torn down).
fn count(delta: isize) {
    let _ = LIVE.try_with(|live| live.set(live.get() + delta));
}

// SAFETY: every call is forwarded to the system allocator unchanged; the counter only records
// the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.with(Cell::get)
}

/// What a server serves at `/Schemas` and `/ResourceTypes` on its `n`-th discovery: the
/// standard User and enterprise extension, with a `meta.lastModified` that changes every time
/// and the keys of each document in another order every other time, as real servers do.
fn served(n: usize) -> (String, String) {
    use std::sync::OnceLock;
    // The documents with a placeholder for the time stamp, in both key orders.
    static TEMPLATES: OnceLock<[String; 2]> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| {
        [false, true].map(|reverse| {
            let schemas: Vec<serde_json::Value> = User::schemas()
                .iter()
                .map(|schema| {
                    let mut doc = serde_json::to_value(schema).unwrap();
                    let map = doc.as_object_mut().unwrap();
                    map.insert(
                        "meta".into(),
                        serde_json::json!({"resourceType": "Schema", "lastModified": "STAMP",
                            "location": format!("/Schemas/{}", schema.id)}),
                    );
                    if reverse {
                        let reversed: serde_json::Map<String, serde_json::Value> =
                            std::mem::take(map).into_iter().rev().collect();
                        *map = reversed;
                    }
                    doc
                })
                .collect();
            serde_json::to_string(&schemas).unwrap()
        })
    });
    let stamp = format!(
        "2026-12-01T{:02}:{:02}:{:02}Z",
        n / 3600 % 24,
        n / 60 % 60,
        n % 60
    );
    let resource_types = serde_json::json!([{
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User", "name": "User", "endpoint": "/Users",
        "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
        "schemaExtensions": [{
            "schema": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "required": false
        }],
        "meta": {"resourceType": "ResourceType", "lastModified": stamp}
    }]);
    (
        templates[n % 2].replace("STAMP", &stamp),
        resource_types.to_string(),
    )
}

/// One rediscovery: parse the served documents, build the dynamic type, and read a user with it.
fn discover(n: usize) {
    let (schemas, resource_types) = served(n);
    let schemas: Vec<Schema> = serde_json::from_str(&schemas).unwrap();
    let resource_types: Vec<ResourceType> = serde_json::from_str(&resource_types).unwrap();
    let user_type = DynamicType::from_resource_type(&resource_types[0], &schemas).unwrap();
    let user = user_type
        .from_value_in(
            serde_json::json!({"userName": "bjensen",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "7"}}),
            Context::CreationRequest,
        )
        .unwrap();
    assert_eq!(
        user.to_json_in(Context::Default, None)["userName"],
        "bjensen"
    );
}

#[test]
fn rediscovering_ten_thousand_times_keeps_memory_flat() {
    // The first discoveries build the tables and grow the interner's sets to their size.
    for n in 0..100 {
        discover(n);
    }
    let before = live();
    for n in 100..10_100 {
        discover(n);
    }
    let grown = live() - before;
    assert!(
        grown <= 0,
        "10,000 rediscoveries kept {grown} more bytes live (the tables must be shared, not leaked)"
    );
    schemas_that_differ_only_in_unused_fields_share_their_tables();
}

fn schemas_that_differ_only_in_unused_fields_share_their_tables() {
    let (a, _) = served(1);
    let (b, _) = served(2);
    let a: Vec<Schema> = serde_json::from_str(&a).unwrap();
    let b: Vec<Schema> = serde_json::from_str(&b).unwrap();
    assert_ne!(a[0].meta, b[0].meta, "the documents differ");
    let (da, db) = (
        scim_runtime::dynamic::schema_def(&a[0]).unwrap(),
        scim_runtime::dynamic::schema_def(&b[0]).unwrap(),
    );
    assert!(std::ptr::eq(da, db), "one table for both");
    assert_eq!(da, User::SCHEMA);

    // A schema that really differs gets tables of its own, sharing the unchanged parts.
    let mut changed = a[0].clone();
    changed.attributes[0].description = Some("The login name.".into());
    let dc = scim_runtime::dynamic::schema_def(&changed).unwrap();
    assert!(!std::ptr::eq(da, dc));
    assert_eq!(dc.attributes[0].description, "The login name.");
    let emails = |d: &'static scim_runtime::attribute::SchemaDef| {
        d.attributes.iter().find(|a| a.name == "emails").unwrap()
    };
    assert!(std::ptr::eq(
        emails(da).sub_attributes,
        emails(dc).sub_attributes
    ));
}
