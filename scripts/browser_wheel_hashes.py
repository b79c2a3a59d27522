"""Write ``requirements/browser-wheels.txt``: each wheel the browser gets, pinned by sha256.

The browser build (``assembly/runtime.py``) downloads the wheels for Pyodide's platform with
``pip download --require-hashes`` against this file, and refuses a cached wheel whose hash
differs from its pin. Run ``make browser-wheel-hashes`` after changing a pin in
``requirements/runtime.txt``: it downloads the pinned wheels afresh into a temporary
directory (never trusting ``build/browser-wheels/``) and writes their hashes. Review the
diff before committing it.

``--from-cache DIR`` hashes the wheels already in DIR instead, without the network: only for
wheels you know came from the package index.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from assembly.runtime import (
    HASHES_FILE,
    PLATFORM,
    BuildError,
    browser_pins,
    canonical,
    pin_lines,
    pinned_requirements,
    pip_download,
    sha256,
)

HEADER = f"""\
# The wheels the browser gets (Pyodide's platform, {PLATFORM}, Python 3.14), each
# pinned to the sha256 of the file on the package index. assembly/runtime.py downloads them with
# pip download --require-hashes and refuses a cached wheel that differs.
# Do not edit: run `make browser-wheel-hashes` after changing requirements/runtime.txt.
"""


def hashes_from(directory: Path, wanted: dict[str, str]) -> dict[str, str]:
    """name -> sha256 of the one wheel in ``directory`` for each pinned name and version."""
    found: dict[str, list[Path]] = {}
    for wheel in sorted(directory.glob("*.whl")):
        name, version = wheel.name.split("-")[:2]
        if wanted.get(canonical(name)) == version:
            found.setdefault(canonical(name), []).append(wheel)
    problems = [f"{n}=={v}: no wheel" for n, v in wanted.items() if n not in found]
    problems += [
        f"{n}: {len(w)} wheels ({', '.join(x.name for x in w)})"
        for n, w in found.items()
        if len(w) > 1
    ]
    if problems:
        raise BuildError(f"{directory}: {'; '.join(problems)}")
    return {name: sha256(wheels[0]) for name, wheels in found.items()}


def render(wanted: dict[str, str], hashes: dict[str, str]) -> str:
    return HEADER + "".join(
        f"{line}\n" for line in pin_lines(wanted, {n: {h} for n, h in hashes.items()})
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-cache", type=Path, metavar="DIR", help="hash the wheels in DIR")
    parser.add_argument("--output", type=Path, default=HASHES_FILE)
    args = parser.parse_args(argv)
    wanted = browser_pins(pinned_requirements())
    try:
        if args.from_cache:
            hashes = hashes_from(args.from_cache, wanted)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                pip_download(
                    [f"{n}=={v}" for n, v in wanted.items()], Path(tmp), require_hashes=False
                )
                hashes = hashes_from(Path(tmp), wanted)
    except BuildError as exc:
        print(f"browser_wheel_hashes: {exc}", file=sys.stderr)
        return 1
    args.output.write_text(render(wanted, hashes), encoding="utf-8")
    print(f"Wrote {args.output} ({len(hashes)} wheels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
