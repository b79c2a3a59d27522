"""The browser's wheels are pinned by sha256 (``requirements/browser-wheels.txt``): the build
downloads them with ``pip download --require-hashes`` and refuses a cached wheel whose hash
differs from its pin. No network here: the download is replaced by a fake that writes what
the package index would have served."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from scripts import browser_wheel_hashes

from assembly import runtime

#: Two small stand-in wheels, as the index serves them.
GENUINE = {
    "fpdf2": ("2.8.9", "fpdf2-2.8.9-py3-none-any.whl", b"fpdf2 as published"),
    "pydantic-core": (
        "2.50.5",
        "pydantic_core-2.50.5-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
        b"pydantic-core as published",
    ),
}
PINS = {name: version for name, (version, _, _) in GENUINE.items()}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def hashes_file(tmp_path: Path) -> Path:
    path = tmp_path / "browser-wheels.txt"
    path.write_text(
        "# pinned\n"
        + "".join(
            f"{name}=={version} --hash=sha256:{digest(data)}\n"
            for name, (version, _, data) in GENUINE.items()
        )
    )
    return path


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """A cache holding the genuine wheels."""
    path = tmp_path / "browser-wheels"
    path.mkdir()
    for _, file_name, data in GENUINE.values():
        (path / file_name).write_bytes(data)
    return path


Downloads = list[tuple[list[str], bool]]


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Downloads]:
    """Replace pip with a fake index; returns a function that sets what it serves and
    gives back the list of downloads asked for."""

    def serve(served: dict[str, bytes] | None = None) -> Downloads:
        calls: Downloads = []

        def fake(requirements: list[str], dest: Path, *, require_hashes: bool) -> None:
            calls.append((requirements, require_hashes))
            for line in requirements:
                name = runtime.canonical(line.split("==")[0])
                _, file_name, data = GENUINE[name]
                (dest / file_name).write_bytes((served or {}).get(name, data))

        monkeypatch.setattr(runtime, "pip_download", fake)
        return calls

    return serve


def test_a_cache_that_matches_its_pins_downloads_nothing(
    cache: Path, hashes_file: Path, index: Callable[..., Downloads]
) -> None:
    calls = index()
    found = runtime.download_wheels(PINS, cache, hashes_file)
    assert calls == []
    assert {n: p.name for n, p in found.items()} == {n: g[1] for n, g in GENUINE.items()}


def test_a_tampered_cached_wheel_is_deleted_and_downloaded_again(
    cache: Path,
    hashes_file: Path,
    index: Callable[..., Downloads],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Someone (or a broken download) changed fpdf2 in the cache: same name, other bytes.
    wheel = cache / GENUINE["fpdf2"][1]
    wheel.write_bytes(b"fpdf2 with something added")
    calls = index()
    found = runtime.download_wheels(PINS, cache, hashes_file)
    # Only fpdf2 is fetched, with its pinned hash and pip's hash-checking mode.
    assert calls == [([f"fpdf2==2.8.9 --hash=sha256:{digest(GENUINE['fpdf2'][2])}"], True)]
    assert found["fpdf2"].read_bytes() == GENUINE["fpdf2"][2]
    assert GENUINE["fpdf2"][1] in capsys.readouterr().err


def test_a_download_that_still_differs_fails_naming_the_wheel(
    cache: Path, hashes_file: Path, index: Callable[..., Downloads]
) -> None:
    (cache / GENUINE["pydantic-core"][1]).write_bytes(b"tampered")
    index({"pydantic-core": b"tampered again"})
    with pytest.raises(runtime.BuildError) as exc:
        runtime.download_wheels(PINS, cache, hashes_file)
    assert GENUINE["pydantic-core"][1] in str(exc.value)
    assert "sha256 differs" in str(exc.value)


def test_a_missing_wheel_is_downloaded_with_its_hash(
    cache: Path, hashes_file: Path, index: Callable[..., Downloads]
) -> None:
    (cache / GENUINE["pydantic-core"][1]).unlink()
    calls = index()
    runtime.download_wheels(PINS, cache, hashes_file)
    ((lines, require_hashes),) = calls
    assert require_hashes is True
    assert lines == [f"pydantic-core==2.50.5 --hash=sha256:{digest(GENUINE['pydantic-core'][2])}"]


@pytest.mark.parametrize(
    ("pins", "words"),
    [
        # A pin changed in runtime.txt but the hashes file was not written again.
        ({"fpdf2": "2.9.0", "pydantic-core": "2.50.5"}, "fpdf2 is 2.8.9 there but 2.9.0"),
        # A new dependency with no hash.
        ({**PINS, "defusedxml": "0.7.1"}, "defusedxml==0.7.1 has no hash"),
        # A package dropped from runtime.txt but left in the hashes file.
        ({"fpdf2": "2.8.9"}, "pydantic-core is not a browser package"),
    ],
)
def test_hashes_out_of_step_with_the_pins_stop_the_build(
    cache: Path,
    hashes_file: Path,
    index: Callable[..., Downloads],
    pins: dict[str, str],
    words: str,
) -> None:
    calls = index()
    with pytest.raises(runtime.BuildError) as exc:
        runtime.download_wheels(pins, cache, hashes_file)
    assert words in str(exc.value)
    assert "make browser-wheel-hashes" in str(exc.value)
    assert calls == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("fpdf2==2.8.9\n", "is not 'name==version --hash=sha256:...'"),
        ("fpdf2==2.8.9 --hash=md5:abc\n", "is not a sha256 hash"),
        ("fpdf2==2.8.9 --hash=sha256:1234\n", "is not a sha256 hash"),
    ],
)
def test_a_hashes_file_without_a_sha256_for_each_pin_is_refused(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "browser-wheels.txt"
    path.write_text(text)
    with pytest.raises(runtime.BuildError) as exc:
        runtime.pinned_hashes(path)
    assert words in str(exc.value)


def test_hashes_file_lines_may_continue_with_a_backslash(tmp_path: Path) -> None:
    path = tmp_path / "browser-wheels.txt"
    path.write_text(
        f"fpdf2==2.8.9 \\\n    --hash=sha256:{'a' * 64} \\\n    --hash=sha256:{'b' * 64}\n"
    )
    assert runtime.pinned_hashes(path) == {"fpdf2": ("2.8.9", frozenset({"a" * 64, "b" * 64}))}


def test_the_project_pins_a_hash_for_every_wheel_the_browser_gets() -> None:
    # Fails when requirements/runtime.txt changes without `make browser-wheel-hashes`.
    wanted = runtime.browser_pins(runtime.pinned_requirements())
    hashes = runtime.pinned_hashes()
    runtime.check_hashes_match_pins(wanted, hashes, runtime.HASHES_FILE)
    assert all(len(digests) == 1 for _, digests in hashes.values())
    assert "pillow" not in hashes  # the browser runs fpdf2 without it


def test_the_script_writes_what_the_build_reads(cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "written.txt"
    assert browser_wheel_hashes.main(["--from-cache", str(cache), "--output", str(out)]) != 0
    # It hashes only the versions runtime.txt pins: write a cache with those names.
    wanted = runtime.browser_pins(runtime.pinned_requirements())
    wheels = tmp_path / "pinned"
    wheels.mkdir()
    for name, version in wanted.items():
        (wheels / f"{name.replace('-', '_')}-{version}-py3-none-any.whl").write_bytes(name.encode())
    assert browser_wheel_hashes.main(["--from-cache", str(wheels), "--output", str(out)]) == 0
    read = runtime.pinned_hashes(out)
    assert {n: v for n, (v, _) in read.items()} == wanted
    assert read["fpdf2"][1] == {digest(b"fpdf2")}
    assert out.read_text().startswith("# ")


def test_pip_is_asked_for_hash_checking_for_pyodides_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def fake_run(cmd: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        seen["cmd"] = cmd
        seen["listing"] = Path(cmd[cmd.index("-r") + 1]).read_text()
        return subprocess.CompletedProcess(cmd, 1, "", "WARNING: noise\nERROR: hashes differ")

    monkeypatch.setattr(runtime.subprocess, "run", fake_run)
    line = f"fpdf2==2.8.9 --hash=sha256:{'a' * 64}"
    with pytest.raises(runtime.BuildError) as exc:
        runtime.pip_download([line], tmp_path, require_hashes=True)
    cmd = seen["cmd"]
    assert isinstance(cmd, list)
    assert "--require-hashes" in cmd and "--no-deps" in cmd
    assert cmd[cmd.index("--platform") + 1] == "pyemscripten_2026_0_wasm32"
    assert seen["listing"] == line + "\n"
    # pip's error is passed on; its warnings are not.
    assert "ERROR: hashes differ" in str(exc.value) and "noise" not in str(exc.value)
