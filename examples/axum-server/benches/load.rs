//! Requests per second on loopback, the example server against scim2-server, same run, same
//! requests over 10,000 users: `GET /Users/{id}`, a filtered list by `userName eq "..."`
//! (both servers answer it from an index), and one by `userName sw "..."` (a scan of every
//! user, 10 matches).
//!
//! ```text
//! cargo bench -p scim-example-server --bench load [-- --users N --seconds S --concurrency C]
//! ```
//!
//! Each server gets the same 10,000 users by POST, then each request kind runs for a bounded
//! time and count with a fixed number of concurrent clients. Requests go to 127.0.0.1 only.
//! scim2-server answers HTTP/1.0 and closes every connection, so its figures include a TCP
//! connection per request; the example server keeps connections alive. Both servers run on
//! the same machine as the load, so the figures compare them, not the hardware.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use scim_example_server::storage::MemoryStore;
use scim_example_server::{bind, router, AppState, Limits};

struct Options {
    users: usize,
    seconds: u64,
    concurrency: usize,
    max_requests: u64,
}

fn options() -> Options {
    let mut options = Options {
        users: 10_000,
        seconds: 10,
        concurrency: 4,
        max_requests: 200_000,
    };
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    while i < args.len() {
        let value = args.get(i + 1).and_then(|v| v.parse::<u64>().ok());
        match (args[i].as_str(), value) {
            ("--users", Some(v)) => options.users = v as usize,
            ("--seconds", Some(v)) => options.seconds = v,
            ("--concurrency", Some(v)) => options.concurrency = v.max(1) as usize,
            ("--max-requests", Some(v)) => options.max_requests = v,
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    options
}

/// Creates the users; their ids in creation order.
async fn populate(
    client: &reqwest::Client,
    base_url: &str,
    users: usize,
    token: &str,
) -> Vec<String> {
    let next = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (client, base_url, next, token) = (
            client.clone(),
            base_url.to_owned(),
            next.clone(),
            token.to_owned(),
        );
        tasks.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed) as usize;
                if n >= users {
                    return ids;
                }
                let body = serde_json::json!({
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": format!("user{n:05}@example.com"),
                    "name": {"givenName": format!("Given{n}"), "familyName": format!("Family{}", n % 100)},
                    "emails": [{"value": format!("user{n:05}@example.com"), "type": "work", "primary": true}],
                    "active": n.is_multiple_of(2)
                });
                let response = client
                    .post(format!("{base_url}/Users"))
                    .bearer_auth(&token)
                    .header("content-type", "application/scim+json")
                    .body(body.to_string())
                    .send()
                    .await
                    .expect("POST /Users");
                assert_eq!(response.status().as_u16(), 201, "creating user {n}");
                let created: serde_json::Value =
                    serde_json::from_slice(&response.bytes().await.expect("a body")).expect("a user");
                ids.push((n, created["id"].as_str().expect("an id").to_owned()));
            }
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.expect("populate task"));
    }
    all.sort();
    all.into_iter().map(|(_, id)| id).collect()
}

/// Runs `concurrency` clients sending the request `url(i)` for the i-th request, for at most
/// `seconds` and `max_requests`; requests per second.
async fn measure(
    client: &reqwest::Client,
    options: &Options,
    token: &str,
    url: Arc<dyn Fn(u64) -> String + Send + Sync>,
) -> f64 {
    let count = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..options.concurrency {
        let (client, count, url, token) =
            (client.clone(), count.clone(), url.clone(), token.to_owned());
        let max = options.max_requests;
        tasks.push(tokio::spawn(async move {
            loop {
                let i = count.fetch_add(1, Ordering::Relaxed);
                if i >= max || Instant::now() >= deadline {
                    return;
                }
                let response = client
                    .get(url(i))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("a response");
                assert_eq!(response.status().as_u16(), 200);
                let body = response.bytes().await.expect("a body");
                assert!(!body.is_empty());
            }
        }));
    }
    for task in tasks {
        task.await.expect("load task");
    }
    let elapsed = start.elapsed().as_secs_f64();
    let done = count.load(Ordering::Relaxed).min(options.max_requests);
    // Each task overshoots the count by one when it stops.
    let done = done.saturating_sub(options.concurrency as u64).max(1);
    done as f64 / elapsed
}

async fn bench_server(
    name: &str,
    base_url: &str,
    token: &str,
    options: &Options,
) -> (f64, f64, f64) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("reqwest");
    let started = Instant::now();
    let ids = Arc::new(populate(&client, base_url, options.users, token).await);
    eprintln!(
        "{name}: {} users created in {:.1} s",
        ids.len(),
        started.elapsed().as_secs_f64()
    );
    let (base, ids2) = (base_url.to_owned(), ids.clone());
    let get = measure(
        &client,
        options,
        token,
        Arc::new(move |i| format!("{base}/Users/{}", ids2[(i as usize * 7919) % ids2.len()])),
    )
    .await;
    let base = base_url.to_owned();
    let users = options.users as u64;
    let filtered = measure(
        &client,
        options,
        token,
        Arc::new(move |i| {
            format!(
                "{base}/Users?filter=userName%20eq%20%22user{:05}%40example.com%22",
                (i * 7919) % users
            )
        }),
    )
    .await;
    let base = base_url.to_owned();
    let scanned = measure(
        &client,
        options,
        token,
        Arc::new(move |i| {
            format!(
                "{base}/Users?filter=userName%20sw%20%22user{:04}%22",
                (i * 7919) % (users / 10).max(1)
            )
        }),
    )
    .await;
    println!(
        "{name:<16} GET by id {get:>9.1} req/s   filtered list (userName eq) {filtered:>9.1} req/s   \
         filtered list (userName sw, a scan) {scanned:>9.1} req/s"
    );
    (get, filtered, scanned)
}

fn main() {
    let options = options();
    let token = "bench-token";
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio");
    println!(
        "{} users, {} concurrent clients, at most {} s and {} requests per measurement",
        options.users, options.concurrency, options.seconds, options.max_requests
    );
    let ours = runtime.block_on(async {
        let (listener, base_url) = bind(0).await.expect("bind");
        let state = AppState::new(
            Box::new(MemoryStore::new()),
            &base_url,
            Some(token.to_owned()),
            Limits::default(),
        );
        let app = router(Arc::new(state));
        tokio::spawn(async move { axum::serve(listener, app).await });
        bench_server("example server", &base_url, token, &options).await
    });
    let peer = test_peers::scim2_server(Some(token));
    let theirs = runtime.block_on(bench_server(
        "scim2-server",
        &peer.base_url,
        token,
        &options,
    ));
    drop(peer);
    println!(
        "ratio (example / scim2-server): GET by id {:.1}x, userName eq {:.1}x, userName sw {:.1}x",
        ours.0 / theirs.0,
        ours.1 / theirs.1,
        ours.2 / theirs.2
    );
}
