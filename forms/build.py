"""Build the whole static site into ``site/`` (``make build``).

1. ``mkdocs build --strict``: the procedure pages, and the tool pages whose forms
   ``forms/hooks.py`` renders from the core's own definitions;
2. the browser runtime: Pyodide, the csprcore wheel and its dependencies' wheels
   (``forms/runtime.py``);
3. the service worker's precache manifest and the Content-Security-Policy hashes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"


def run(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    run(sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(SITE))


if __name__ == "__main__":
    main()
