"""A scim2-client session against a SCIM server: discovery, CRUD, PATCH and search on Users
(with the enterprise extension) and Groups. scim2-client checks every response (status, content
type, payload in its context); any protocol error ends the session with exit code 1.

usage: python client_session.py BASE_URL [BEARER_TOKEN]"""
import sys

from httpx2 import Client
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_models import PatchOp, PatchOperation, SearchRequest

base_url = sys.argv[1]
headers = {"Authorization": f"Bearer {sys.argv[2]}"} if len(sys.argv) > 2 else {}
scim = SyncSCIMClient(Client(base_url=base_url, headers=headers))
steps = []


def step(name, value):
    steps.append(name)
    print(f"ok {name}", flush=True)
    return value


scim.discover()
step("discover", None)
User = scim.get_resource_model("User")
Group = scim.get_resource_model("Group")
assert User is not None and Group is not None, "User and Group resource types are published"
Enterprise = User.get_extension_models()["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]

user = User(user_name="bjensen@example.com", display_name="Babs Jensen")
user[Enterprise] = Enterprise(employee_number="701984", department="Tour Operations")
created = step("create user", scim.create(user))
assert created.id and created.meta.version, created

fetched = step("get user", scim.query(User, created.id))
assert fetched.user_name == "bjensen@example.com"
assert fetched[Enterprise].employee_number == "701984"

fetched.display_name = "Barbara Jensen"
replaced = step("replace user", scim.replace(fetched))
assert replaced.display_name == "Barbara Jensen"

patch = PatchOp[User](
    operations=[
        PatchOperation(op="replace", path="displayName", value="Babs"),
        PatchOperation(op="add", path="emails", value=[{"value": "bjensen@example.com", "type": "work", "primary": True}]),
    ]
)
step("patch user", scim.modify(User, created.id, patch))
patched = scim.query(User, created.id)
assert patched.display_name == "Babs", patched
assert patched.emails[0].value == "bjensen@example.com", patched

group = step("create group", scim.create(Group(display_name="Tour Guides", members=[{"value": created.id}])))
listed = step("list with filter", scim.query(User, query_parameters=SearchRequest(filter='userName eq "BJENSEN@example.com"')))
assert listed.total_results == 1, listed
searched = step("search", scim.search(SearchRequest(filter='displayName sw "Tour"')))
assert searched.total_results >= 1, searched

remove_member = PatchOp[Group](operations=[PatchOperation(op="remove", path=f'members[value eq "{created.id}"]')])
step("patch group", scim.modify(Group, group.id, remove_member))
assert not scim.query(Group, group.id).members

step("delete group", scim.delete(Group, group.id))
step("delete user", scim.delete(User, created.id))
print(f"SESSION {len(steps)} steps passed")
