#!/usr/bin/env python3
"""Writes the JSON schemas kubeconform validates the built Flux tree against, from the sources at the
versions the tree targets: Kubernetes' own OpenAPI v3 documents (api/openapi-spec/v3 of the
k8s.io/kubernetes Go module at the K3s version's Kubernetes release) and the CRDs the tree's objects
use (config/crd/bases of the Flux controllers' Go modules at the versions Flux bundles).

Each schema is standalone (only the definitions it reaches), and strict the way kubeconform's
-strict schemas are: an object with properties refuses any other (additionalProperties false), so an
unknown field is an error. Files are named KIND_GROUP_VERSION.json (GROUP empty for the core group),
which kubeconform finds with -schema-location 'DIR/{{ .ResourceKind }}_{{ .Group }}_{{ .ResourceAPIVersion }}.json'
(kubeconform's .Group is the apiVersion's first part: the version itself for the core group, v1).

usage: kube-schemas.py OUT_DIR K8S_MODULE_DIR CRD_FILE...
"""
import glob
import json
import os
import sys

import yaml


def strict(node):
    """Kubernetes' OpenAPI extensions as JSON Schema, and no property a schema does not define."""
    if isinstance(node, list):
        return [strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: strict(v) for k, v in node.items()}
    if node.pop("x-kubernetes-int-or-string", False):
        node.pop("type", None)
        node.setdefault("oneOf", [{"type": "string"}, {"type": "integer"}])
    if node.pop("nullable", False) and isinstance(node.get("type"), str):
        node["type"] = [node["type"], "null"]
    if node.get("format") == "int-or-string":
        node.pop("format")
        node.pop("type", None)
        node.setdefault("oneOf", [{"type": "string"}, {"type": "integer"}])
    if "properties" in node and "additionalProperties" not in node \
            and not node.get("x-kubernetes-preserve-unknown-fields"):
        node["additionalProperties"] = False
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.rsplit("/", 1)[-1])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def rewrite(node):
    if isinstance(node, dict):
        return {k: ("#/definitions/" + v.rsplit("/", 1)[-1] if k == "$ref" and isinstance(v, str) else rewrite(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [rewrite(n) for n in node]
    return node


def write(out, kind, group, version, schema):
    path = os.path.join(out, f"{kind.lower()}_{group}_{version}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(schema, f, sort_keys=True)


def kubernetes(out, module):
    count = 0
    for document in sorted(glob.glob(os.path.join(module, "api/openapi-spec/v3/*_openapi.json"))):
        with open(document, encoding="utf-8") as f:
            components = json.load(f).get("components", {}).get("schemas", {})
        for name, schema in components.items():
            for gvk in schema.get("x-kubernetes-group-version-kind", []):
                reached, todo = set(), {name}
                while todo:
                    current = todo.pop()
                    reached.add(current)
                    found = set()
                    refs(components.get(current, {}), found)
                    todo |= found - reached
                standalone = rewrite(strict(schema))
                standalone["definitions"] = {d: rewrite(strict(components[d])) for d in sorted(reached - {name})
                                             if d in components}
                write(out, gvk["kind"], gvk.get("group") or gvk["version"], gvk["version"], standalone)
                count += 1
    return count


def crds(out, files):
    count = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for crd in yaml.safe_load_all(f):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                spec = crd["spec"]
                for version in spec["versions"]:
                    schema = strict(version["schema"]["openAPIV3Schema"])
                    write(out, spec["names"]["kind"], spec["group"], version["name"], schema)
                    count += 1
    return count


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    print(f"kube-schemas: {kubernetes(out, sys.argv[2])} Kubernetes kinds, {crds(out, sys.argv[3:])} CRD versions -> {out}")


if __name__ == "__main__":
    main()
