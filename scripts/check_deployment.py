"""Check a deployed copy of the site: does its host send what the site's promises need?

    .venv/bin/python -m scripts.check_deployment https://example.org/cspr/

Fetches a page, the rule core's worker script and the runtime's wasm, and reports each
header that is missing or different from what ``assembly/policy.py`` asks of a host, and a
wrong type for the wasm. Exits 1 when anything is missing. Nothing but these three requests
is made.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from email.message import Message

from assembly import policy

CHECKS = ("", "assets/csprcore/worker.js", "pyodide/pyodide.asm.wasm")


def fetch(url: str) -> Message:
    request = urllib.request.Request(url, method="GET", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers


def problems(base: str) -> list[str]:
    base = base if base.endswith("/") else base + "/"
    found: list[str] = []
    for path in CHECKS:
        url = base + path
        try:
            sent = fetch(url)
        except (urllib.error.URLError, OSError) as exc:
            found.append(f"{url}: could not be fetched ({exc})")
            continue
        csp = sent.get("Content-Security-Policy", "")
        if not csp:
            found.append(f"{url}: no Content-Security-Policy header")
        else:
            for name, value in (*policy.DIRECTIVES, *policy.HEADER_ONLY):
                if f"{name} {value}" not in csp:
                    found.append(f"{url}: the policy lacks \u201c{name} {value}\u201d")
        for name, value in policy.SECURITY_HEADERS.items():
            if sent.get(name) != value:
                found.append(f"{url}: {name} is {sent.get(name)!r}, not {value!r}")
        if path.endswith(".wasm") and sent.get("Content-Type") != "application/wasm":
            found.append(f"{url}: served as {sent.get('Content-Type')!r}, not application/wasm")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the address of the deployed site's home page")
    args = parser.parse_args(argv)
    found = problems(args.url)
    for line in found:
        print(line)
    if not found:
        print(f"{args.url}: every header the site needs is sent")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
