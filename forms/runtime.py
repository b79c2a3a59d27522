"""Assemble the browser runtime: Pyodide, the csprcore wheel and its dependencies' wheels.

Everything the worker loads comes from the site itself, and every wheel is listed in the
site's own ``pyodide-lock.json`` with its sha256, so ``loadPackage("csprcore")`` resolves the
exact set pinned in ``requirements/runtime.txt`` and Pyodide verifies each download.

We write the lockfile entries ourselves: pyodide-build's ``lockfile add-wheels`` refuses the
``pyemscripten_2026_0_wasm32`` tag that pydantic-core's wheel carries, and ``pyodide build``
needs the internet (see ../shared/design.md).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
WHEEL_CACHE = ROOT / "build" / "browser-wheels"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PLATFORM = "pyemscripten_2026_0_wasm32"

#: fpdf2 asks for Pillow, which only images need; the PDFs carry no images, and fpdf2 runs
#: without it in Pyodide.
NOT_IN_BROWSER = {"pillow"}

#: Packages the rules themselves do not need, by the capability they give (the names
#: ``csprcore.api.NEEDS`` uses). A page loads the groups its tool needs before "ready"; the
#: rest download in the background after it, and load when a call first needs them.
GROUPS: dict[str, set[str]] = {
    "forms": {"pydantic", "pydantic-core", "annotated-types", "typing-extensions",
              "typing-inspection"},
    "pdf": {"fpdf2", "fonttools", "defusedxml", "csprcore-fonts"},
}  # fmt: skip
DEFERRED = set().union(*GROUPS.values())
FONTS_PACKAGE = "csprcore_fonts"


class BuildError(RuntimeError):
    pass


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "runtime.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, version = line.partition("==")
        if not version:
            raise BuildError(f"requirements/runtime.txt: '{line}' is not pinned with ==")
        pins[canonical(name)] = version.strip()
    return pins


def download_wheels(pins: dict[str, str]) -> dict[str, Path]:
    """The pinned wheels for Pyodide's platform, from the cache or the package index."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    wanted = {n: v for n, v in pins.items() if n not in NOT_IN_BROWSER}

    def find() -> dict[str, Path]:
        found = {}
        for wheel in WHEEL_CACHE.glob("*.whl"):
            name, version = wheel.name.split("-")[:2]
            if wanted.get(canonical(name)) == version:
                found[canonical(name)] = wheel
        return found

    found = find()
    missing = [f"{n}=={v}" for n, v in wanted.items() if n not in found]
    if missing:
        cmd = [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            "--platform", PLATFORM, "--python-version", "3.14", "--implementation", "cp",
            "--abi", "cp314", "--only-binary=:all:", "--dest", str(WHEEL_CACHE), *missing,
        ]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True)
        found = find()
        still = [f"{n}=={v}" for n, v in wanted.items() if n not in found]
        if result.returncode != 0 or still:
            raise BuildError(
                "No wheel for Pyodide's platform "
                f"({PLATFORM}, Python 3.14) for: {', '.join(still or missing)}\n"
                f"{result.stderr.strip()}"
            )
    return found


def build_csprcore_wheel(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("csprcore-*.whl"):
        old.unlink()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(dest), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = dest.glob("csprcore-*.whl")
    return wheel


def split_fonts(wheel: Path, dest: Path) -> tuple[Path, Path]:
    """The csprcore wheel without its fonts, and a ``csprcore_fonts`` wheel holding them.

    The fonts (0.4 MB) only matter for a PDF, so the browser fetches them with the PDF
    machinery, after the core is ready; ``csprcore.forms.pdf`` looks for them in either place.
    """
    slim = dest / wheel.name
    version = wheel.name.split("-")[1]
    fonts = dest / f"{FONTS_PACKAGE}-{version}-py3-none-any.whl"
    info = f"{FONTS_PACKAGE}-{version}.dist-info"
    font_files: dict[str, bytes] = {}
    with zipfile.ZipFile(wheel) as zin, zipfile.ZipFile(slim, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename.startswith("csprcore/fonts/"):
                font_files[item.filename.removeprefix("csprcore/fonts/")] = zin.read(item)
            elif item.filename.endswith(".dist-info/RECORD"):
                continue  # rewritten below, without the fonts
            else:
                zout.writestr(item, zin.read(item))
        record = next(n for n in zin.namelist() if n.endswith(".dist-info/RECORD"))
        rows = [r for r in zin.read(record).decode().splitlines() if "csprcore/fonts/" not in r]
        zout.writestr(record, "\n".join(rows) + "\n")
    if not font_files:
        raise BuildError(f"{wheel.name} carries no fonts")
    with zipfile.ZipFile(fonts, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr(f"{FONTS_PACKAGE}/__init__.py", '"""DejaVu fonts for csprcore PDFs."""\n')
        for name, data in font_files.items():
            zout.writestr(f"{FONTS_PACKAGE}/{name}", data)
        zout.writestr(
            f"{info}/METADATA",
            "Metadata-Version: 2.1\nName: csprcore-fonts\n"
            f"Version: {version}\nSummary: DejaVu Sans for csprcore's PDFs\n",
        )
        zout.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: forms.runtime\n"
            "Root-Is-Purelib: true\nTag: py3-none-any\n",
        )
        zout.writestr(f"{info}/top_level.txt", f"{FONTS_PACKAGE}\n")
        zout.writestr(f"{info}/RECORD", "")
    return slim, fonts


def compile_wheels(wheels: list[Path]) -> None:
    """Precompile every wheel for Pyodide's Python, inside Pyodide (see compile_wheels.mjs)."""
    subprocess.run(
        ["node", str(ROOT / "forms" / "compile_wheels.mjs"), str(NODE_PYODIDE),
         *(str(w) for w in wheels)],
        check=True,
    )  # fmt: skip


def wheel_metadata(wheel: Path) -> tuple[str, str, list[str], list[str]]:
    """(name, version, requirements, top-level import names) of a wheel."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
        top_file = next((n for n in names if n.endswith(".dist-info/top_level.txt")), None)
        if top_file:
            imports = [t for t in zf.read(top_file).decode().split() if t]
        else:
            imports = sorted(
                {
                    n.split("/")[0].removesuffix(".py")
                    for n in names
                    if not n.split("/")[0].endswith((".dist-info", ".data"))
                    and (n.endswith(".py") or "/" in n)
                }
            )
    requires = []
    for req in meta.get_all("Requires-Dist") or []:
        if "extra ==" in req:
            continue
        requires.append(canonical(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]))
    imports = [i for i in imports if i.isidentifier() and not i.startswith("_")] or imports
    return canonical(meta["Name"]), meta["Version"], requires, imports


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lock_entries(wheels: list[Path]) -> dict[str, dict[str, Any]]:
    metas = {w: wheel_metadata(w) for w in wheels}
    present = {m[0] for m in metas.values()}
    packages = {}
    for wheel, (name, version, requires, imports) in metas.items():
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": wheel.name,
            "install_dir": "site",
            "sha256": sha256(wheel),
            "package_type": "package",
            "imports": imports,
            # Groups load apart (see GROUPS): the rules' own package must not pull them in
            # through its dependencies.
            "depends": sorted(
                r for r in requires if r in present and (name in DEFERRED or r not in DEFERRED)
            ),
            "unvendored_tests": False,
            "shared_library": False,
        }
    return packages


def assemble(site: Path) -> dict[str, Any]:
    """Write ``site/pyodide/``: the runtime, the wheels and the lockfile. Returns the lock."""
    out = site / "pyodide"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in RUNTIME_FILES:
        source = NODE_PYODIDE / name
        if not source.exists():
            raise BuildError(f"{source} is missing: run `npm ci`")
        shutil.copy2(source, out / name)
    wheels = list(download_wheels(pinned_requirements()).values())
    csprcore_wheel = build_csprcore_wheel(ROOT / "build" / "dist")
    for wheel in wheels:
        shutil.copy2(wheel, out / wheel.name)
    wheels.extend(split_fonts(csprcore_wheel, out))
    compile_wheels([out / w.name for w in wheels])
    upstream = json.loads((NODE_PYODIDE / "pyodide-lock.json").read_text())
    lock = {"info": upstream["info"], "packages": lock_entries([out / w.name for w in wheels])}
    (out / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True))
    return lock


def package_groups(lock: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    """The packages every page loads before "ready", and each deferred group's packages."""
    names = set(lock["packages"])
    groups = {group: sorted(names & members) for group, members in GROUPS.items()}
    return sorted(names - DEFERRED), groups
