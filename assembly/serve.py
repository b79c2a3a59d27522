"""Serve the built site locally, as a static host would (``make serve``)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import mimetypes
from pathlib import Path
from typing import ClassVar

from assembly import policy

SITE = Path(__file__).resolve().parent.parent / "site"

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".mjs")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
    }

    def end_headers(self) -> None:
        # The headers the project's policy asks of any host (``assembly/policy.py``), so that
        # ``make serve`` and the tests run under the same policy as a real deployment.
        path = self.path.split("?")[0]
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        html = None
        if file.suffix == ".html" and file.is_file():
            html = file.read_text(encoding="utf-8", errors="replace")
        for name, value in policy.response_headers(path, html).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(root: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(Handler, directory=str(root))
    return http.server.ThreadingHTTPServer((host, port), handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=SITE)
    args = parser.parse_args()
    server = make_server(args.root, args.host, args.port)
    print(f"Serving {args.root} on http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
