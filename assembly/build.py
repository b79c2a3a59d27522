"""Build the whole static site into ``site/`` (``make build``).

1. ``mkdocs build --strict``: the procedure pages, and the tool pages whose forms
   ``pages/hooks.py`` renders from the core's own definitions (with each page's CSP);
2. the browser side: the worker, the bridge and the page scripts from ``web/js``;
3. the browser runtime: Pyodide, the csprcore wheel and its dependencies' wheels, with their
   sha256 in the site's ``pyodide-lock.json`` (``assembly/runtime.py``);
4. the web app manifest and icons;
5. the hosts' configurations (headers, types, compression: ``assembly/hosts.py``);
6. the service worker's precache manifest (Workbox), last, so it covers every file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config

from assembly import hosts, icons, runtime
from csprcore import partnership

ROOT = Path(__file__).resolve().parent.parent
#: Where the site is built: ``site/``, or ``$CSPRCORE_SITE`` (a private copy for one test run).
SITE = Path(os.environ.get("CSPRCORE_SITE", ROOT / "site")).resolve()
JS = ROOT / "web" / "js"
CSS = ROOT / "web" / "css"
WORKBOX_WINDOW = ROOT / "node_modules" / "workbox-window" / "build" / "workbox-window.prod.mjs"


def run(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def copy_scripts(site: Path) -> None:
    dest = site / "assets" / "csprcore"
    dest.mkdir(parents=True, exist_ok=True)
    # sw-snapshot.js and sw-runtime.js go into the service worker itself (sw.mjs), not to
    # the pages.
    in_sw = ("sw-snapshot.js", "sw-runtime.js")
    for source in [*(j for j in JS.glob("*.js") if j.name not in in_sw), *CSS.glob("*.css")]:
        shutil.copy2(source, dest / source.name)
    shutil.copy2(WORKBOX_WINDOW, dest / WORKBOX_WINDOW.name)


def write_runtime_manifest(site: Path, lock: dict[str, object]) -> None:
    """What the worker loads, in which order, and what each api function waits for."""
    from csprcore import api

    start, groups = runtime.package_groups(lock)  # type: ignore[arg-type]
    unknown = {g for needs in api.NEEDS.values() for g in needs} - set(groups)
    if unknown:
        sys.exit(f"build failed: csprcore.api.NEEDS names unknown groups {sorted(unknown)}")
    try:
        snapshot = runtime.snapshot_build(
            site / "pyodide", lock, start, api.WARMUPS["start"], JS / "worker.js"
        )
    except runtime.BuildError as exc:
        sys.exit(f"build failed: {exc}")
    manifest = {
        "start": start,
        "groups": groups,
        "needs": api.NEEDS,
        "warmups": api.WARMUPS,
        # The build of the runtime a memory snapshot is tied to (worker.js, sw.mjs).
        "snapshot": snapshot,
    }
    (site / "pyodide" / "csprcore-runtime.json").write_text(json.dumps(manifest, indent=1))


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        profile = partnership.current()
    except partnership.PartnershipError as exc:
        # The profile's own messages name the file and the key: no traceback around them.
        sys.exit(f"build failed: the partnership profile has mistakes:\n{exc}")
    print(f"Building the site of {profile.name} ({profile.directory})", flush=True)
    run(sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(SITE))
    copy_scripts(SITE)
    try:
        lock = runtime.assemble(SITE)
    except runtime.BuildError as exc:
        sys.exit(f"build failed: {exc}")
    write_runtime_manifest(SITE, lock)
    config = load_config(str(ROOT / "mkdocs.yml"))
    description = profile.site_description or profile.name
    icons.write(SITE, config["site_name"], description)
    hosts.write(SITE, ROOT / "build" / "deploy")
    run("node", str(ROOT / "assembly" / "sw.mjs"), str(SITE))


if __name__ == "__main__":
    main()
