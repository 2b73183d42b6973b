"""Render a kustomization (deploy/base or an overlay) without kustomize: `python deploy/render.py DIR`.

Standalone kustomize is in none of the package registries this project installs from (Debian,
PyPI, npm); `kubectl kustomize` is, where kubectl is installed (.ci/k8s-check then renders with
both and requires the same objects). This renderer knows exactly the kustomize fields that
deploy/ uses, and refuses any other, so that a new field is noticed instead of ignored:

- resources: YAML files and directories with their own kustomization.yaml;
- patches: strategic-merge patch files (`- path: x.yaml`), matched by kind and name;
- labels: pairs with includeTemplates (selectors are never touched);
- images: name -> newName / newTag, in containers and init containers;
- namespace: set on every namespaced object.

The merge follows Kubernetes' strategic merge for the lists deploy/ patches: lists of objects with
a `name` (containers, env, volumes, ports), volumeMounts by mountPath; any other list is replaced.
"""

import copy
import sys
from pathlib import Path

import yaml

KNOWN_FIELDS = {"apiVersion", "kind", "resources", "patches", "labels", "images", "namespace"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass"}
MERGE_KEYS = {"volumeMounts": "mountPath"}


class RenderError(Exception):
    pass


def _key(obj: dict) -> tuple[str, str]:
    return obj["kind"], obj["metadata"]["name"]


def merge(base, patch, field: str = ""):
    """Strategic merge of `patch` into `base` (both already parsed YAML)."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for name, value in patch.items():
            merged[name] = merge(base[name], value, name) if name in base else copy.deepcopy(value)
        return merged
    if isinstance(base, list) and isinstance(patch, list):
        key = MERGE_KEYS.get(field, "name")
        if all(isinstance(item, dict) and key in item for item in base + patch):
            merged = [copy.deepcopy(item) for item in base]
            index = {item[key]: i for i, item in enumerate(merged)}
            for item in patch:
                if item[key] in index:
                    merged[index[item[key]]] = merge(merged[index[item[key]]], item, field)
                else:
                    merged.append(copy.deepcopy(item))
            return merged
    return copy.deepcopy(patch)


def _load_documents(path: Path) -> list[dict]:
    with path.open() as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc]


def _pod_templates(obj: dict):
    spec = obj.get("spec", {})
    if "template" in spec:
        yield spec["template"]
    if "jobTemplate" in spec:
        yield spec["jobTemplate"]["spec"]["template"]


def _set_labels(obj: dict, entry: dict) -> None:
    if entry.get("includeSelectors", False):
        raise RenderError("labels with includeSelectors: true are not supported by this renderer")
    pairs = entry["pairs"]
    obj.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
    if entry.get("includeTemplates", False):
        for template in _pod_templates(obj):
            template.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)


def _image_name(image: str) -> str:
    name = image.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    return name[: len(name) - len(last)] + last.split(":", 1)[0]


def _set_images(obj: dict, images: list[dict]) -> None:
    for template in _pod_templates(obj):
        pod = template.get("spec", {})
        for container in pod.get("containers", []) + pod.get("initContainers", []):
            for image in images:
                if _image_name(container["image"]) == image["name"]:
                    name = image.get("newName", image["name"])
                    tag = (
                        image.get("newTag") or container["image"][len(_image_name(container["image"])) + 1 :]
                    )
                    container["image"] = f"{name}:{tag}" if tag else name


def render(directory: Path) -> list[dict]:
    directory = Path(directory)
    config_path = directory / "kustomization.yaml"
    if not config_path.exists():
        raise RenderError(f"{directory} has no kustomization.yaml")
    config = yaml.safe_load(config_path.read_text()) or {}
    unknown = set(config) - KNOWN_FIELDS
    if unknown:
        raise RenderError(f"{config_path}: fields this renderer does not know: {sorted(unknown)}")

    objects: list[dict] = []
    for resource in config.get("resources", []):
        path = directory / resource
        objects += render(path) if path.is_dir() else _load_documents(path)
    seen = set()
    for obj in objects:
        if _key(obj) in seen:
            raise RenderError(f"{config_path}: {_key(obj)} is defined twice")
        seen.add(_key(obj))

    for entry in config.get("patches", []):
        if set(entry) != {"path"}:
            raise RenderError(f"{config_path}: only `- path: file` patches are supported, got {entry}")
        for patch in _load_documents(directory / entry["path"]):
            matches = [i for i, obj in enumerate(objects) if _key(obj) == _key(patch)]
            if not matches:
                raise RenderError(f"{config_path}: patch {entry['path']} matches no object {_key(patch)}")
            objects[matches[0]] = merge(objects[matches[0]], patch)

    for obj in objects:
        for entry in config.get("labels", []):
            _set_labels(obj, entry)
        if config.get("images"):
            _set_images(obj, config["images"])
        if config.get("namespace") and obj["kind"] not in CLUSTER_SCOPED:
            obj["metadata"]["namespace"] = config["namespace"]
    return objects


def differences(ours: list[dict], theirs: list[dict]) -> list[str]:
    """What differs between two renderings of the same kustomization, object by object."""
    mine = {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]): o for o in ours}
    other = {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]): o for o in theirs}
    found = [f"only in this renderer: {key}" for key in sorted(set(mine) - set(other))]
    found += [f"only in kustomize: {key}" for key in sorted(set(other) - set(mine))]
    found += [f"differs: {key}" for key in sorted(set(mine) & set(other)) if mine[key] != other[key]]
    return found


def main(argv: list[str]) -> int:
    """`render.py DIR` prints the rendering; `render.py DIR --same-as FILE` compares it with FILE."""
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--same-as"):
        print("usage: python deploy/render.py DIR [--same-as KUSTOMIZE_OUTPUT.yaml]", file=sys.stderr)
        return 2
    try:
        objects = render(Path(argv[1]))
    except RenderError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 1
    if len(argv) == 4:
        found = differences(objects, _load_documents(Path(argv[3])))
        for line in found:
            print(f"render.py: {argv[1]}: {line}", file=sys.stderr)
        return 1 if found else 0
    sys.stdout.write(yaml.safe_dump_all(objects, sort_keys=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
