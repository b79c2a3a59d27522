"""Reading a profile from its folder (``partnership.yml``): the file's limits, and YAML read so
the checks see every value as it was written."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from .checks import PartnershipError, from_data
from .profile import Partnership

FILENAME: Final = "partnership.yml"
#: The largest profile read: a real one is a few kilobytes.
MAX_PROFILE_BYTES: Final = 100_000


def load(directory: Path | str) -> Partnership:
    """The profile in ``directory`` (``partnership.yml``), checked."""
    folder = Path(directory)
    path = folder / FILENAME
    if path.is_symlink():
        raise PartnershipError(f"{path}: is a link to another file: put the file itself here")
    try:
        size = path.stat().st_size
        if size > MAX_PROFILE_BYTES:
            raise PartnershipError(
                f"{path}: is too big ({size:,} bytes): a profile is under "
                f"{MAX_PROFILE_BYTES // 1000} KB"
            )
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PartnershipError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise PartnershipError(f"{path}: is not UTF-8 text") from None
    return from_data(_yaml(raw, path), str(path), folder.resolve())


def _yaml(raw: str, path: Path) -> Any:
    """The profile's YAML, read so that every value reaches the checks as it was written: a
    date YAML cannot read (2026-02-30) or a number too long for Python stays text, and the
    check names its key; a file nested too deeply is refused, not a crash. CPython only (the
    build and the CLI); the browser reads the packed JSON."""
    import yaml  # type: ignore[import-untyped]  # PyYAML has no type hints of its own

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        def construct_yaml_timestamp(self, node: Any) -> Any:
            value = self.construct_scalar(node)
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return value

        def construct_yaml_int(self, node: Any) -> Any:
            try:
                return super().construct_yaml_int(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    try:
        return yaml.load(raw, Loader=Loader)  # a SafeLoader, with two readers of its own
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise PartnershipError(f"{path}: {where}is not valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise PartnershipError(f"{path}: is not valid YAML ({exc})") from None
    except RecursionError:
        raise PartnershipError(f"{path}: is nested too deeply to be a profile") from None
