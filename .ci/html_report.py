"""Reads the Nu HTML Checker's JSON and the page index; prints errors per page type, ignores the
checker's complaints about htmx's hx-* attributes (valid for htmx, unknown to HTML), exits 1 on
any other error."""

import json
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse


def is_htmx(message: str) -> bool:
    return "Attribute" in message and any(f"Attribute {quote}" in message for quote in ("“hx-", '"hx-'))


def main(result_file: str, pages_dir: str) -> int:
    index = json.loads((Path(pages_dir) / "index.json").read_text())
    messages = json.loads(Path(result_file).read_text() or '{"messages": []}')["messages"]
    per_kind = defaultdict(list)
    ignored = 0
    for message in messages:
        if message.get("type") != "error":
            continue
        name = Path(unquote(urlparse(message.get("url", "")).path)).name
        if is_htmx(message.get("message", "")):
            ignored += 1
            continue
        kind = index.get(name, {}).get("kind", name or "?")
        per_kind[kind].append((index.get(name, {}).get("role", "?"), message))
    kinds = sorted({page["kind"] for page in index.values()})
    print(f"Nu HTML Checker: {len(index)} pages of {len(kinds)} page types; {ignored} hx-* errors ignored")
    for kind in kinds:
        errors = per_kind.get(kind, [])
        print(f"  {len(errors):4d}  {kind}")
    total = sum(len(errors) for errors in per_kind.values())
    for kind, errors in sorted(per_kind.items()):
        print(f"\n{kind}: {len(errors)} errors")
        seen = set()
        for role, message in errors:
            text = message.get("message", "")
            if text in seen:
                continue
            seen.add(text)
            print(f"  [{role}] line {message.get('lastLine', '?')}: {text}")
            print(f"      {message.get('extract', '').strip()[:160]}")
    print(f"\nerrors beyond hx-* attributes: {total} on {len(per_kind)} page types")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
