"""Use a client generated from /api/schema/ (openapi-python-client) as each demo role would.

Run by .ci/api-client with the generated client's virtualenv, outside the project root. Imports every
generated module, then calls every list operation (a GET on a collection or its facets) as every role, follows
its pages and parses each answer with the generated models. Fails on an import error, a parse
crash or a status the schema does not lead one to expect.

    python api_client_check.py <generated package dir> <schema.json> <base url> role=token ...
"""

import importlib
import inspect
import json
import pathlib
import sys
import traceback

MAX_PAGES = 40


def import_all(package_dir: pathlib.Path) -> tuple[list, list[str]]:
    sys.path.insert(0, str(package_dir.parent))
    names = sorted(
        ".".join(path.relative_to(package_dir.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in package_dir.rglob("*.py")
    )
    modules, failed = [], []
    for name in names:
        try:
            modules.append(importlib.import_module(name))
        except Exception as error:  # noqa: BLE001 - every failure is reported, then the stage fails
            failed.append(f"{name}: {type(error).__name__}: {error}")
    return modules, failed


def public_operations(schema: dict) -> set[str]:
    """operationIds an anonymous caller may use: their security lists the empty requirement."""
    return {
        operation["operationId"]
        for path in schema["paths"].values()
        for operation in path.values()
        if {} in operation.get("security", [{}])
    }


def list_operations(modules, schema: dict) -> list:
    """The generated functions for every GET without a path parameter: collections and facets."""
    collection_reads = {
        operation["operationId"]
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method == "get" and "{" not in path
    }
    return [
        module
        for module in modules
        if ".api." in module.__name__ and module.__name__.rsplit(".", 1)[1] in collection_reads
    ]


def call_pages(module, client) -> tuple[int, int]:
    """(status of the first answer, pages read). Raises on a parse crash or undocumented status."""
    takes_page = "page" in inspect.signature(module.sync_detailed).parameters
    page, pages = 1, 0
    while True:
        response = module.sync_detailed(client=client, **({"page": page} if takes_page else {}))
        pages += 1
        if response.status_code != 200 or response.parsed is None:
            return response.status_code, pages
        following = getattr(response.parsed, "next_", None)
        if not takes_page or not isinstance(following, str) or pages >= MAX_PAGES:
            return 200, pages
        page += 1


def main(argv: list[str]) -> int:
    package_dir, schema_path, base_url = pathlib.Path(argv[1]), pathlib.Path(argv[2]), argv[3]
    tokens = dict(arg.split("=", 1) for arg in argv[4:])
    schema = json.loads(schema_path.read_text())
    modules, failed = import_all(package_dir)
    total = len(modules) + len(failed)
    print(f"{len(modules)} of {total} modules import")
    for line in failed:
        print(f"  import FAILED {line}")

    package = importlib.import_module(package_dir.name)
    public = public_operations(schema)
    operations = list_operations(modules, schema)
    problems = len(failed)
    print("calls passing per role:")
    for role, token in tokens.items():
        if token:
            client = package.AuthenticatedClient(
                base_url=base_url, token=token, prefix="Token", raise_on_unexpected_status=True
            )
        else:
            client = package.Client(base_url=base_url, raise_on_unexpected_status=True)
        passed, notes = 0, []
        for module in operations:
            operation_id = module.__name__.rsplit(".", 1)[1]
            expected = 200 if token or operation_id in public else 401
            try:
                status, pages = call_pages(module, client)
            except Exception as error:  # noqa: BLE001 - a crash of the generated client is the finding
                where = traceback.extract_tb(error.__traceback__)[-1]
                notes.append(
                    f"{operation_id}: {type(error).__name__}: {error} ({where.filename}:{where.lineno})"
                )
                continue
            if status == expected:
                passed += 1
            else:
                notes.append(f"{operation_id}: answered {status}, expected {expected}")
        problems += len(operations) - passed
        print(f"  {role}: {passed} of {len(operations)} list calls pass")
        for note in notes:
            print(f"    FAILED {note}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
