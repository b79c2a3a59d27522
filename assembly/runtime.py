"""Assemble the browser runtime: Pyodide, the csprcore wheel and its dependencies' wheels.

Everything the worker loads comes from the site itself, and every wheel is listed in the
site's own ``pyodide-lock.json`` with its sha256, so ``loadPackage("csprcore")`` resolves the
exact set pinned in ``requirements/runtime.txt`` and Pyodide verifies each download.

The wheels themselves are pinned by sha256 too, in ``requirements/browser-wheels.txt``: pip
downloads them with ``--require-hashes``, and a wheel already in ``build/browser-wheels/``
whose hash differs from its pin is deleted and downloaded again (the build fails, naming it,
if the download does not match either). ``make browser-wheel-hashes``
(``scripts/browser_wheel_hashes.py``) writes the file again when the pins change.

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
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from email.parser import Parser
from pathlib import Path
from typing import Any

from csprcore import partnership

ROOT = Path(__file__).resolve().parent.parent
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
WHEEL_CACHE = ROOT / "build" / "browser-wheels"
HASHES_FILE = ROOT / "requirements" / "browser-wheels.txt"
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


def browser_pins(pins: dict[str, str]) -> dict[str, str]:
    """The pins of the wheels the browser gets: the runtime's, less what it runs without."""
    return {n: v for n, v in pins.items() if n not in NOT_IN_BROWSER}


_HASH_LINE = re.compile(
    r"(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?P<hashes>(?:\s+--hash=\S+)+)"
)


def pinned_hashes(path: Path = HASHES_FILE) -> dict[str, tuple[str, frozenset[str]]]:
    """``requirements/browser-wheels.txt``: name -> (version, the sha256 digests allowed).

    Lines are pip's hash-checking format, ``name==version --hash=sha256:<hex>``, continued
    with a backslash where they are long.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BuildError(
            f"{path.name} cannot be read ({exc}): run `make browser-wheel-hashes`"
        ) from None
    pins: dict[str, tuple[str, frozenset[str]]] = {}
    for line in text.replace("\\\n", " ").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = _HASH_LINE.fullmatch(line)
        if match is None:
            raise BuildError(f"{path.name}: '{line}' is not 'name==version --hash=sha256:...'")
        digests = set()
        for option in match["hashes"].split():
            algorithm, _, digest = option.removeprefix("--hash=").partition(":")
            if algorithm != "sha256" or not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise BuildError(f"{path.name}: '{option}' is not a sha256 hash")
            digests.add(digest)
        pins[canonical(match["name"])] = (match["version"], frozenset(digests))
    return pins


def pin_lines(wanted: dict[str, str], hashes: Mapping[str, Iterable[str]]) -> list[str]:
    """Requirements-file lines for pip's hash-checking mode: ``name==version --hash=...``."""
    return [
        f"{name}=={version} " + " ".join(f"--hash=sha256:{h}" for h in sorted(hashes[name]))
        for name, version in wanted.items()
    ]


def check_hashes_match_pins(
    wanted: dict[str, str], hashes: dict[str, tuple[str, frozenset[str]]], path: Path
) -> None:
    """The hashes file must pin exactly the browser's packages, at runtime.txt's versions."""
    problems = []
    for name, version in sorted(wanted.items()):
        if name not in hashes:
            problems.append(f"{name}=={version} has no hash")
        elif hashes[name][0] != version:
            problems.append(f"{name} is {hashes[name][0]} there but {version} in runtime.txt")
    problems += [f"{name} is not a browser package" for name in sorted(set(hashes) - set(wanted))]
    if problems:
        raise BuildError(
            f"{path.name} does not match requirements/runtime.txt: {'; '.join(problems)}. "
            "Run `make browser-wheel-hashes`."
        )


def pip_download(requirements: list[str], dest: Path, *, require_hashes: bool) -> None:
    """``pip download`` for Pyodide's platform; ``requirements`` are requirements-file lines."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "requirements.txt"
        listing.write_text("\n".join(requirements) + "\n", encoding="utf-8")
        cmd = [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            *(["--require-hashes"] if require_hashes else []),
            "--platform", PLATFORM, "--python-version", "3.14", "--implementation", "cp",
            "--abi", "cp314", "--only-binary=:all:", "--dest", str(dest), "-r", str(listing),
        ]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        # pip's own error names the wheel (a hash that does not match says which and both
        # digests); its warnings about unused index locations only hide it.
        stderr = "\n".join(
            line for line in result.stderr.splitlines() if not line.startswith("WARNING:")
        )
        raise BuildError(
            f"pip could not download the wheels for Pyodide's platform ({PLATFORM}, Python "
            f"3.14): {', '.join(r.split()[0] for r in requirements)}\n{stderr.strip()}"
        )


def download_wheels(
    pins: dict[str, str], cache: Path = WHEEL_CACHE, hashes_file: Path = HASHES_FILE
) -> dict[str, Path]:
    """The pinned wheels for Pyodide's platform, from the cache or the package index, each
    checked against its sha256 in ``hashes_file``."""
    cache.mkdir(parents=True, exist_ok=True)
    wanted = browser_pins(pins)
    hashes = pinned_hashes(hashes_file)
    check_hashes_match_pins(wanted, hashes, hashes_file)

    def find() -> tuple[dict[str, Path], list[Path]]:
        """(the wheels that match their pin, by name; pinned versions that do not)."""
        good, bad = {}, []
        for wheel in sorted(cache.glob("*.whl")):
            name, version = wheel.name.split("-")[:2]
            name = canonical(name)
            if wanted.get(name) != version:
                continue
            if sha256(wheel) in hashes[name][1]:
                good[name] = wheel
            else:
                bad.append(wheel)
        return good, bad

    found, refused = find()
    for wheel in refused:
        print(
            f"{wheel.name}: its sha256 differs from {hashes_file.name}; deleted, to be "
            "downloaded again",
            file=sys.stderr,
        )
        wheel.unlink()
    missing = [n for n in wanted if n not in found]
    if missing:
        pip_download(
            pin_lines({n: wanted[n] for n in missing}, {n: hashes[n][1] for n in missing}),
            cache,
            require_hashes=True,
        )
        found, refused = find()
        if refused:
            names = ", ".join(w.name for w in refused)
            raise BuildError(f"{names}: sha256 differs from its pin in {hashes_file.name}")
        still = [f"{n}=={wanted[n]}" for n in wanted if n not in found]
        if still:
            raise BuildError(
                f"No wheel for Pyodide's platform ({PLATFORM}, Python 3.14) for: {', '.join(still)}"
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
    """The csprcore wheel without its fonts but with the partnership's profile, and a
    ``csprcore_fonts`` wheel holding the fonts.

    The fonts (0.4 MB) only matter for a PDF, so the browser fetches them with the PDF
    machinery, after the core is ready; ``csprcore.exports.pdf`` looks for them in either place.
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
        # The partnership's profile, as JSON: the browser has no YAML parser, and reads it
        # from here (``csprcore.partnership.current``).
        zout.writestr(f"csprcore/{partnership.PACKED}", partnership.current().as_json())
        record = next(n for n in zin.namelist() if n.endswith(".dist-info/RECORD"))
        rows = [r for r in zin.read(record).decode().splitlines() if "csprcore/fonts/" not in r]
        rows.append(f"csprcore/{partnership.PACKED},,")
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
            "Wheel-Version: 1.0\nGenerator: assembly.runtime\n"
            "Root-Is-Purelib: true\nTag: py3-none-any\n",
        )
        zout.writestr(f"{info}/top_level.txt", f"{FONTS_PACKAGE}\n")
        zout.writestr(f"{info}/RECORD", "")
    return slim, fonts


def compile_wheels(wheels: list[Path]) -> None:
    """Precompile every wheel for Pyodide's Python, inside Pyodide (see compile_wheels.mjs)."""
    subprocess.run(
        ["node", str(ROOT / "assembly" / "compile_wheels.mjs"), str(NODE_PYODIDE),
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


def snapshot_build(
    runtime_dir: Path, lock: dict[str, Any], start: list[str], warmup: str, maker: Path
) -> str:
    """What a memory snapshot of the started runtime depends on, as one sha256: Pyodide's
    own files, each start wheel's sha256, the code run before the snapshot is taken, and the
    script that takes it (``maker``, the worker: where it puts the wheels is in the copy).

    The worker keys its stored snapshot by this and the wheels' hashes in the lock file, and
    the service worker drops any snapshot made for another build (web/js/sw-snapshot.js).
    A snapshot holds Python's whole memory but only pure-Python packages restore from it (a
    binary extension's memory does not), so a start wheel must be pure Python.
    """
    impure = [n for n in start if not lock["packages"][n]["file_name"].endswith("-none-any.whl")]
    if impure:
        raise BuildError(
            f"start packages must be pure Python for the runtime's snapshot: {', '.join(impure)}"
        )
    digest = hashlib.sha256()
    for name in RUNTIME_FILES:
        digest.update(f"{name} {sha256(runtime_dir / name)}\n".encode())
    for name in sorted(start):
        digest.update(f"{name} {lock['packages'][name]['sha256']}\n".encode())
    digest.update(warmup.encode())
    digest.update(f"maker {sha256(maker)}\n".encode())
    return digest.hexdigest()
