#!/usr/bin/env python3
"""Record what scim2-models does with SCIM payloads in every context.

scim2-models (https://github.com/python-scim/scim2-models) is the library
scim-rs takes its context semantics from. This script runs its real
``User[EnterpriseUser]``, ``Group`` and ``ServiceProviderConfig`` classes over
the RFC 7643 section 8 examples and a few variations of them, and writes what
comes out as JSON fixtures the Rust tests compare against:

* ``<subject>.input.json``: the payload a case starts from;
* ``<subject>.dump.<context>[.<parameters>].json``: ``model_dump`` output;
* ``<subject>.validate.<context>[.<policy>].json``: ``model_validate`` outcome,
  ``{"ok": true, "result": ...}`` or ``{"ok": false, "errors": [...]}``;
* ``index.json``: every case, the exact call behind it, and the versions used.

Usage, from the repository root, with an interpreter that has scim2-models
installed (the fixtures were made with scim2-models 0.12.3)::

    python tools/scim2_models_contexts.py

The output directory is emptied of the files this script owns and rewritten
from scratch; running it twice gives byte-identical files (sorted keys,
2-space indent, trailing newline).
"""

from __future__ import annotations

import copy
import importlib.metadata
import json
import sys
from pathlib import Path
from typing import Annotated, Any

from pydantic import ValidationError
from scim2_models import (
    ComplexAttribute,
    Context,
    EnterpriseUser,
    Error,
    Group,
    Resource,
    ResponseParameters,
    Returned,
    ScimPolicy,
    ServiceProviderConfig,
    User,
)
from scim2_models.messages.error import _attribute_path
from scim2_models.urn import URN

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "scim-runtime" / "tests" / "fixtures"
RFC7643 = FIXTURES / "rfc7643"
OUT = FIXTURES / "scim2_models"

CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
ACME = "urn:example:params:scim:schemas:extension:acme:2.0:User"
PROBE = "urn:example:params:scim:schemas:core:2.0:ReturnedProbe"

UserEnt = User[EnterpriseUser]
MODEL_NAMES = {
    UserEnt: "User[EnterpriseUser]",
    Group: "Group",
    ServiceProviderConfig: "ServiceProviderConfig",
}

# Every context scim2-models defines, in declaration order.
CONTEXTS = list(Context)
RESPONSE_CONTEXTS = [c for c in CONTEXTS if Context.is_response(c)]


def slug(ctx: Context) -> str:
    """File-name form of a context: RESOURCE_QUERY_RESPONSE -> query_response."""
    return ctx.name.lower().removeprefix("resource_")


# --------------------------------------------------------------------------
# A resource declaring one attribute per "returned" characteristic.
#
# No attribute of the standard resources is returned "request", so this small
# resource, defined only here, shows how attributes/excludedAttributes treat
# each characteristic, at the top level and as sub-attributes.
# --------------------------------------------------------------------------


class ProbeComplex(ComplexAttribute):
    always_attr: Annotated[str | None, Returned.always] = None
    default_attr: str | None = None
    request_attr: Annotated[str | None, Returned.request] = None
    never_attr: Annotated[str | None, Returned.never] = None


class ReturnedProbe(Resource[Any]):
    __schema__ = URN(PROBE)

    always_attr: Annotated[str | None, Returned.always] = None
    default_attr: str | None = None
    request_attr: Annotated[str | None, Returned.request] = None
    never_attr: Annotated[str | None, Returned.never] = None
    nested: ProbeComplex | None = None


MODEL_NAMES[ReturnedProbe] = "ReturnedProbe (defined in this script)"


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------


def load(name: str) -> Any:
    return json.loads((RFC7643 / name).read_text())


def full_user() -> dict[str, Any]:
    """RFC 7643 section 8.2 with the section 8.3 enterprise extension added."""
    user = load("8.2-full-user.json")
    enterprise = load("8.3-enterprise-user.json")[ENTERPRISE]
    user["schemas"] = user["schemas"] + [ENTERPRISE]
    # Keep "meta" last, as in the RFC examples.
    meta = user.pop("meta")
    user[ENTERPRISE] = enterprise
    user["meta"] = meta
    return user


def without(payload: dict[str, Any], *keys: str) -> dict[str, Any]:
    result = copy.deepcopy(payload)
    for key in keys:
        del result[key]
    return result


def with_values(payload: dict[str, Any], **values: Any) -> dict[str, Any]:
    result = copy.deepcopy(payload)
    result.update(values)
    return result


FULL = full_user()
TWO_PRIMARY = copy.deepcopy(FULL)
TWO_PRIMARY["emails"][1]["primary"] = True

MINIMAL = {"schemas": [CORE_USER], "userName": "bjensen"}
# A small user carrying an "id", so that response contexts only react to the
# attribute a case is about.
BASE = {
    "schemas": [CORE_USER],
    "id": "2819c223-7f76-453a-919d-413861904646",
    "userName": "bjensen",
}

SPC = load("8.5-service-provider-config.json")
SPC_INT_STRINGS = copy.deepcopy(SPC)
SPC_INT_STRINGS["bulk"]["maxOperations"] = "1000"
SPC_INT_STRINGS["bulk"]["maxPayloadSize"] = "1048576"
SPC_INT_STRINGS["filter"]["maxResults"] = "200"

PROBE_PAYLOAD = {
    "schemas": [PROBE],
    "id": "probe-1",
    "alwaysAttr": "always",
    "defaultAttr": "default",
    "requestAttr": "request",
    "neverAttr": "never",
    "nested": {
        "alwaysAttr": "nested always",
        "defaultAttr": "nested default",
        "requestAttr": "nested request",
        "neverAttr": "nested never",
    },
}

# name -> (model, payload, description)
SUBJECTS: dict[str, tuple[type, dict[str, Any], str]] = {
    "full-user": (
        UserEnt,
        FULL,
        "RFC 7643 8.2 full user (it carries password) with the 8.3 enterprise "
        "extension: its URN appended to schemas and its extension block "
        "(employeeNumber, costCenter, organization, division, department, "
        "manager {value, $ref, displayName}) inserted before meta.",
    ),
    "full-user-without-password": (
        UserEnt,
        without(FULL, "password"),
        "full-user without password, so that response contexts show what "
        "they do beyond refusing the password.",
    ),
    "full-user-without-username": (
        UserEnt,
        without(FULL, "userName"),
        "full-user without userName (required).",
    ),
    "full-user-two-primary-emails": (
        UserEnt,
        TWO_PRIMARY,
        "full-user with both emails primary: true.",
    ),
    "user-two-primary-emails": (
        UserEnt,
        with_values(
            BASE,
            emails=[
                {"value": "bjensen@example.com", "type": "work", "primary": True},
                {"value": "babs@jensen.org", "type": "home", "primary": True},
            ],
        ),
        "A small user (no password) with two emails both primary: true, so "
        "that response contexts reach the primary check.",
    ),
    "full-user-without-id": (
        UserEnt,
        without(FULL, "id"),
        "full-user without id (readOnly, returned always).",
    ),
    "minimal-user": (
        UserEnt,
        MINIMAL,
        "Only schemas and userName.",
    ),
    "group": (
        Group,
        load("8.4-group.json"),
        "RFC 7643 8.4 group, verbatim.",
    ),
    "group-without-display-name": (
        Group,
        without(load("8.4-group.json"), "displayName"),
        "RFC 7643 8.4 group without displayName (REQUIRED in RFC 7643 4.2 "
        "although the 8.7.1 schema says required: false).",
    ),
    "service-provider-config": (
        ServiceProviderConfig,
        SPC,
        "RFC 7643 8.5 service provider configuration, verbatim.",
    ),
    "service-provider-config-integer-strings": (
        ServiceProviderConfig,
        SPC_INT_STRINGS,
        'RFC 7643 8.5 with the integers given as JSON strings ("1000", '
        '"1048576", "200").',
    ),
    "user-active-string-true": (
        UserEnt,
        with_values(BASE, active="True"),
        'active given as the string "True".',
    ),
    "user-active-string-yes": (
        UserEnt,
        with_values(BASE, active="yes"),
        'active given as the string "yes".',
    ),
    "user-active-integer-one": (
        UserEnt,
        with_values(BASE, active=1),
        "active given as the integer 1.",
    ),
    "user-active-string-invalid": (
        UserEnt,
        with_values(BASE, active="maybe"),
        'active given as the string "maybe".',
    ),
    "user-email-invalid": (
        UserEnt,
        with_values(BASE, emails=[{"value": "not-an-email"}]),
        "An emails value that is not an email address.",
    ),
    "user-username-integer": (
        UserEnt,
        with_values(BASE, userName=123),
        "userName given as the integer 123.",
    ),
    "user-two-type-errors": (
        UserEnt,
        with_values(BASE, userName=123, active="maybe"),
        'Two type errors at once: userName 123 and active "maybe".',
    ),
    "user-unknown-attribute": (
        UserEnt,
        with_values(BASE, foo="bar"),
        'An attribute no schema declares: "foo": "bar".',
    ),
    "user-unknown-sub-attribute": (
        UserEnt,
        with_values(BASE, name={"givenName": "Barbara", "foo": "bar"}),
        'A sub-attribute no schema declares: name.foo.',
    ),
    "user-unknown-extension": (
        UserEnt,
        with_values(
            BASE,
            schemas=[CORE_USER, ACME],
            **{ACME: {"badge": "1234"}},
        ),
        "An extension the model does not declare: its URN in schemas and "
        "its block in the payload.",
    ),
    "user-unknown-extension-schema-only": (
        UserEnt,
        with_values(BASE, schemas=[CORE_USER, ACME]),
        "An undeclared extension URN listed in schemas, without a block.",
    ),
    "user-enterprise-not-in-schemas": (
        UserEnt,
        with_values(BASE, **{ENTERPRISE: {"employeeNumber": "701984"}}),
        "An enterprise extension block whose URN is missing from schemas.",
    ),
    "user-empty-values": (
        UserEnt,
        with_values(
            BASE,
            schemas=[CORE_USER, ENTERPRISE],
            name={},
            emails=[],
            addresses=[{}],
            **{ENTERPRISE: {}},
        ),
        "Empty complex and multi-valued attributes: name {}, emails [], "
        "addresses [{}], and an empty enterprise block listed in schemas.",
    ),
    "user-without-schemas": (
        UserEnt,
        without(BASE, "schemas"),
        "A small user without the schemas attribute.",
    ),
    "user-wrong-schemas": (
        UserEnt,
        with_values(BASE, schemas=["urn:ietf:params:scim:schemas:core:2.0:Group"]),
        "A small user whose schemas lists the Group schema only.",
    ),
    "user-attribute-name-case": (
        UserEnt,
        {
            "schemas": [CORE_USER],
            "ID": "2819c223-7f76-453a-919d-413861904646",
            "USERNAME": "bjensen",
            "Name": {"GIVENNAME": "Barbara"},
            "Emails": [{"VALUE": "bjensen@example.com", "Primary": True}],
        },
        "Attribute and sub-attribute names in other cases than the schema's.",
    ),
    "user-manager-without-ref": (
        UserEnt,
        with_values(
            BASE,
            schemas=[CORE_USER, ENTERPRISE],
            **{ENTERPRISE: {"manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}}},
        ),
        "manager with a value and no $ref.",
    ),
    "returned-probe": (
        ReturnedProbe,
        PROBE_PAYLOAD,
        "A resource defined in this script with one attribute per returned "
        "characteristic (always, default, request, never), at the top level "
        "and inside the complex attribute nested.",
    ),
}

# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------

# name -> keyword arguments of ResponseParameters
BRIEF_PARAMETERS = {
    "attributes": {"attributes": ["userName", "name.givenName", "emails.value"]},
    "excluded_attributes": {"excluded_attributes": ["name", "emails"]},
    "attributes_extension": {"attributes": [f"{ENTERPRISE}:employeeNumber"]},
}
EXTRA_PARAMETERS = {
    "attributes_extension_short_name": {"attributes": ["employeeNumber"]},
    "attributes_extension_urn": {"attributes": [ENTERPRISE]},
    "attributes_extension_sub_attribute": {
        "attributes": [f"{ENTERPRISE}:manager.displayName"]
    },
    "attributes_parent": {"attributes": ["emails", "groups", "meta"]},
    "attributes_password": {"attributes": ["password"]},
    "attributes_case": {"attributes": ["USERNAME", "Name.GivenName"]},
    "excluded_attributes_always": {"excluded_attributes": ["id", "schemas"]},
    "excluded_attributes_sub_attributes": {
        "excluded_attributes": [
            "name.givenName",
            "meta.created",
            f"{ENTERPRISE}:manager.displayName",
        ]
    },
    "excluded_attributes_extension_urn": {"excluded_attributes": [ENTERPRISE]},
}
PROBE_PARAMETERS = {
    "attributes_request": {"attributes": ["requestAttr"]},
    "attributes_default": {"attributes": ["defaultAttr"]},
    "attributes_nested": {"attributes": ["nested"]},
    "attributes_nested_request": {"attributes": ["nested.requestAttr"]},
    "attributes_never": {"attributes": ["neverAttr", "nested.neverAttr"]},
    "excluded_attributes_always_default": {
        "excluded_attributes": [
            "alwaysAttr",
            "defaultAttr",
            "nested.alwaysAttr",
            "nested.defaultAttr",
        ]
    },
    "excluded_attributes_request": {
        "excluded_attributes": ["requestAttr", "nested.requestAttr"]
    },
}

POLICIES = {
    "policy_ignore": ScimPolicy(unknown=ScimPolicy.Unknown.ignore),
    "policy_keep": ScimPolicy(unknown=ScimPolicy.Unknown.keep),
}

# (subject, contexts, parameter sets) for dumps.
DUMPS: list[tuple[str, list[Context], dict[str, dict[str, list[str]] | None]]] = [
    ("full-user", CONTEXTS, {"": None}),
    (
        "full-user",
        [Context.DEFAULT, Context.RESOURCE_CREATION_REQUEST] + RESPONSE_CONTEXTS,
        BRIEF_PARAMETERS,
    ),
    ("full-user", [Context.RESOURCE_QUERY_RESPONSE], EXTRA_PARAMETERS),
    ("group", CONTEXTS, {"": None}),
    ("user-empty-values", CONTEXTS, {"": None}),
    ("returned-probe", CONTEXTS, {"": None}),
    ("returned-probe", [Context.RESOURCE_QUERY_RESPONSE], PROBE_PARAMETERS),
]

# (subject, policies) for validations; every subject but the probe, in every
# context.
VALIDATIONS: list[tuple[str, dict[str, ScimPolicy | None]]] = [
    (name, {"": None}) for name in SUBJECTS if name != "returned-probe"
] + [
    ("user-unknown-attribute", POLICIES),
    ("user-unknown-sub-attribute", POLICIES),
    ("user-unknown-extension", POLICIES),
]


# --------------------------------------------------------------------------
# Running scim2-models
# --------------------------------------------------------------------------


def parameters_source(model_name: str, kwargs: dict[str, list[str]]) -> str:
    args = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    return f"ResponseParameters[{model_name}]({args})"


def run_dump(subject: str, ctx: Context, kwargs: dict[str, list[str]] | None) -> tuple[Any, str]:
    model, payload, _ = SUBJECTS[subject]
    name = MODEL_NAMES[model]
    call = (
        f"{name}.model_validate(<{subject}.input.json>, scim_ctx=Context.DEFAULT)"
        f".model_dump(scim_ctx=Context.{ctx.name}"
    )
    instance = model.model_validate(copy.deepcopy(payload), scim_ctx=Context.DEFAULT)
    if kwargs is None:
        call += ")"
        return instance.model_dump(scim_ctx=ctx), call
    call += f", response_parameters={parameters_source(name, kwargs)})"
    try:
        parameters = ResponseParameters[model](**kwargs)
    except ValidationError as exc:
        return {"response_parameters_error": error_entries(exc)}, call
    return instance.model_dump(scim_ctx=ctx, response_parameters=parameters), call


def error_entries(exc: ValidationError) -> list[dict[str, Any]]:
    entries = []
    for error in exc.errors():
        scim_error = Error.from_validation_error(error)
        entries.append(
            {
                "loc": list(error["loc"]),
                "path": _attribute_path(error["loc"]),
                "scimType": scim_error.scim_type,
                "type": error["type"],
                "message": error["msg"],
                "detail": scim_error.detail,
            }
        )
    return entries


def run_validate(subject: str, ctx: Context, policy: ScimPolicy | None) -> tuple[Any, str]:
    model, payload, _ = SUBJECTS[subject]
    name = MODEL_NAMES[model]
    policy_source = (
        "" if policy is None else f", scim_policy=ScimPolicy(unknown=ScimPolicy.Unknown.{policy.unknown.name})"
    )
    call = (
        f"{name}.model_validate(<{subject}.input.json>, scim_ctx=Context.{ctx.name}{policy_source})"
        f"; on success .model_dump(scim_ctx=Context.DEFAULT{policy_source})"
        "; on ValidationError, per error: path=_attribute_path(loc), "
        "scimType=Error.from_validation_error(error).scim_type"
    )
    try:
        instance = model.model_validate(copy.deepcopy(payload), scim_ctx=ctx, scim_policy=policy)
    except ValidationError as exc:
        return {"ok": False, "errors": error_entries(exc)}, call
    result = instance.model_dump(scim_ctx=Context.DEFAULT, scim_policy=policy)
    return {"ok": True, "result": result}, call


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def render(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def owned(path: Path) -> bool:
    """Whether a file in OUT is one this script writes (SEMANTICS.md is not)."""
    return path.suffix == ".json"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    cases: list[dict[str, Any]] = []

    for subject, (model, payload, _) in SUBJECTS.items():
        files[f"{subject}.input.json"] = render(payload)

    for subject, contexts, parameter_sets in DUMPS:
        for ctx in contexts:
            for suffix, kwargs in parameter_sets.items():
                file = f"{subject}.dump.{slug(ctx)}{'.' + suffix if suffix else ''}.json"
                result, call = run_dump(subject, ctx, kwargs)
                files[file] = render(result)
                cases.append(
                    {
                        "file": file,
                        "subject": subject,
                        "operation": "dump",
                        "context": ctx.name,
                        "response_parameters": kwargs,
                        "call": call,
                    }
                )

    for subject, policies in VALIDATIONS:
        for ctx in CONTEXTS:
            for suffix, policy in policies.items():
                file = f"{subject}.validate.{slug(ctx)}{'.' + suffix if suffix else ''}.json"
                result, call = run_validate(subject, ctx, policy)
                files[file] = render(result)
                cases.append(
                    {
                        "file": file,
                        "subject": subject,
                        "operation": "validate",
                        "context": ctx.name,
                        "policy": None if policy is None else {"unknown": policy.unknown.value},
                        "ok": result["ok"],
                        "call": call,
                    }
                )

    index = {
        "generator": "tools/scim2_models_contexts.py",
        "scim2_models_version": importlib.metadata.version("scim2-models"),
        "pydantic_version": importlib.metadata.version("pydantic"),
        "pydantic_core_version": importlib.metadata.version("pydantic-core"),
        "python_version": f"{sys.version_info.major}.{sys.version_info.minor}",
        "contexts": [ctx.name for ctx in CONTEXTS],
        "formats": {
            "input": "<subject>.input.json: the payload, as given to model_validate.",
            "dump": (
                "<subject>.dump.<context>[.<parameters>].json: the value model_dump "
                "returned, or {\"response_parameters_error\": [...]} when "
                "ResponseParameters refused the parameters."
            ),
            "validate": (
                "<subject>.validate.<context>[.<policy>].json: {\"ok\": true, "
                "\"result\": <model_dump(scim_ctx=Context.DEFAULT)>} or "
                "{\"ok\": false, \"errors\": [{\"loc\", \"path\", \"scimType\", "
                "\"type\", \"message\", \"detail\"}]}; loc/type/message are "
                "pydantic's, path is scim2_models.messages.error._attribute_path(loc), "
                "scimType and detail are those of Error.from_validation_error(error)."
            ),
        },
        "subjects": {
            subject: {
                "input": f"{subject}.input.json",
                "model": MODEL_NAMES[model],
                "description": description,
            }
            for subject, (model, _, description) in SUBJECTS.items()
        },
        "cases": cases,
    }
    files["index.json"] = render(index)

    for stale in OUT.iterdir():
        if owned(stale) and stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (OUT / name).write_text(text)
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
