"""The web app manifest and its icons, drawn at build time (no image files to keep)."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

BLUE = (29, 59, 139)
WHITE = (255, 255, 255)


def icon(size: int, maskable: bool = False) -> Image.Image:
    """A white shield with a tick on the site's blue: readable at 48 px."""
    image = Image.new("RGB", (size, size), BLUE)
    draw = ImageDraw.Draw(image)
    pad = size * (0.22 if maskable else 0.14)
    left, right, top, bottom = pad, size - pad, pad, size - pad
    mid = size / 2
    shield = [
        (left, top + size * 0.08), (mid, top), (right, top + size * 0.08),
        (right, top + (bottom - top) * 0.5), (mid, bottom), (left, top + (bottom - top) * 0.5),
    ]  # fmt: skip
    draw.polygon(shield, fill=WHITE)
    w = max(2, round(size * 0.06))
    tick = [(mid - size * 0.13, mid), (mid - size * 0.03, mid + size * 0.1),
            (mid + size * 0.15, mid - size * 0.1)]  # fmt: skip
    draw.line(tick, fill=BLUE, width=w, joint="curve")
    return image


def write(site: Path, name: str, description: str) -> None:
    icons = site / "assets" / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    entries = []
    for size in (192, 512):
        icon(size).save(icons / f"icon-{size}.png", optimize=True)
        entries.append({"src": f"assets/icons/icon-{size}.png", "sizes": f"{size}x{size}",
                        "type": "image/png", "purpose": "any"})  # fmt: skip
    icon(512, maskable=True).save(icons / "icon-maskable-512.png", optimize=True)
    entries.append({"src": "assets/icons/icon-maskable-512.png", "sizes": "512x512",
                    "type": "image/png", "purpose": "maskable"})  # fmt: skip
    manifest = {
        "name": name,
        "short_name": "CSPR procedure",
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d3b8b",
        "lang": "en-GB",
        "icons": entries,
    }
    (site / "manifest.webmanifest").write_text(json.dumps(manifest, indent=2))
