//! The scim-runtime client against the example server: in process through the tower transport
//! (the server's axum `Router` as a service), and over loopback HTTP through reqwest.

use crate::common;

use futures_util::TryStreamExt as _;
use scim_example_server::router;
use scim_runtime::client::{Auth, Client, ReqwestTransport, TowerTransport, Transport};
use scim_runtime::message::{PatchOp, PatchOperationKind, SortOrder};
use scim_runtime::resources::{Email, Member};
use scim_runtime::{EnterpriseUser, Group, User};

const TOKEN: &str = "client-token";

/// Create, read, replace, patch, list (filtered, sorted, paged), search, ETags, a group with
/// members, delete: everything the client does, checked against what the server answers.
async fn crud_list_patch<T: Transport>(mut client: Client<T>) {
    let discovery = client.discover().await.expect("discovery");
    let config = discovery
        .service_provider_config
        .as_ref()
        .expect("a configuration");
    assert!(config.patch_supported() && config.etag_supported());
    assert_eq!(discovery.resource_types.len(), 2);

    let mut created = Vec::new();
    for (name, family) in [("bjensen", "Jensen"), ("jsmith", "Smith"), ("adoe", "Doe")] {
        let user = User {
            user_name: Some(name.into()),
            name: Some(scim_runtime::resources::Name {
                family_name: Some(family.into()),
                ..Default::default()
            }),
            emails: vec![Email {
                value: Some(format!("{name}@example.com")),
                primary: Some(true),
                ..Default::default()
            }],
            enterprise_user: Some(EnterpriseUser {
                employee_number: Some(format!("E-{name}")),
                ..Default::default()
            }),
            ..User::default()
        };
        let user = client.create(&user).send().await.expect("create");
        assert_eq!(
            user.meta.as_ref().unwrap().version.as_deref(),
            Some("W/\"1\"")
        );
        created.push(user);
    }
    let bjensen = created[0].clone();
    let id = bjensen.id.clone().unwrap();

    let fetched: User = client.get(&id).send().await.expect("get");
    assert_eq!(
        fetched
            .enterprise_user
            .as_ref()
            .unwrap()
            .employee_number
            .as_deref(),
        Some("E-bjensen")
    );

    let mut changed = fetched.clone();
    changed.nick_name = Some("Babs".into());
    let replaced = client.replace(&changed).send().await.expect("replace");
    assert_eq!(replaced.nick_name.as_deref(), Some("Babs"));
    assert_eq!(
        replaced.meta.as_ref().unwrap().version.as_deref(),
        Some("W/\"2\"")
    );
    // The client sends If-Match from the version it holds: the old copy is now stale.
    let stale = client.replace(&changed).send().await.unwrap_err();
    assert_eq!(stale.status().map(|s| s.as_u16()), Some(412));

    let patch = PatchOp::new(vec![]).with(
        PatchOperationKind::Replace,
        Some("displayName"),
        Some("Barbara Jensen".into()),
    );
    let patched = client.patch(&replaced, &patch).send().await.expect("patch");
    assert_eq!(
        patched.and_then(|u| u.display_name),
        Some("Barbara Jensen".to_owned())
    );
    let after: User = client.get(&id).send().await.unwrap();
    assert_eq!(after.display_name.as_deref(), Some("Barbara Jensen"));
    assert_eq!(after.nick_name.as_deref(), Some("Babs"));

    let page = client
        .list::<User>()
        .filter(r#"userName eq "BJENSEN" or name.familyName sw "Sm""#)
        .sort_by("userName")
        .sort_order(SortOrder::Descending)
        .send()
        .await
        .expect("list");
    let names: Vec<_> = page
        .resources
        .iter()
        .map(|u| u.user_name.clone().unwrap())
        .collect();
    assert_eq!(names, ["jsmith", "bjensen"]);

    let all: Vec<User> = client
        .list::<User>()
        .sort_by("userName")
        .count(1)
        .stream()
        .try_collect()
        .await
        .expect("paged list");
    let names: Vec<_> = all.iter().map(|u| u.user_name.clone().unwrap()).collect();
    assert_eq!(names, ["adoe", "bjensen", "jsmith"]);

    let group = Group {
        display_name: Some("Tour Guides".into()),
        members: vec![Member {
            value: Some(id.clone()),
            ..Default::default()
        }],
        ..Group::default()
    };
    let group = client.create(&group).send().await.expect("create group");
    assert_eq!(
        group.members[0]
            .r#ref
            .as_ref()
            .map(|r| r.as_str().to_owned()),
        Some(format!(
            "{}/Users/{id}",
            client.core().base_url().trim_end_matches('/')
        ))
    );
    let member: User = client.get(&id).send().await.unwrap();
    assert_eq!(member.groups[0].value.as_deref(), group.id.as_deref());

    let found = client
        .search::<Group>()
        .filter(r#"displayName sw "tour""#)
        .send()
        .await
        .expect("search");
    assert_eq!(found.total_results, Some(1));

    client.delete(&after).send().await.expect("delete");
    assert_eq!(
        client
            .get::<User>(&id)
            .send()
            .await
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(404)
    );
    // Deleting the user took it out of the group.
    let group: Group = client
        .get(group.id.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert!(group.members.is_empty());
}

#[tokio::test]
async fn in_process_through_the_router() {
    let state = common::memory_state(common::IN_PROCESS, Some(TOKEN));
    let client = Client::builder(common::IN_PROCESS)
        .auth(Auth::bearer(TOKEN))
        .build(TowerTransport::new(router(state)))
        .unwrap();
    crud_list_patch(client).await;
}

#[tokio::test]
async fn over_loopback_http() {
    let (base_url, _state) = common::loopback(Some(TOKEN)).await;
    let client = Client::builder(base_url)
        .auth(Auth::bearer(TOKEN))
        .build(ReqwestTransport::new().unwrap())
        .unwrap();
    crud_list_patch(client).await;
}
