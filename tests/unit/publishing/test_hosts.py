"""The hosts' configurations carry the one policy (``assembly/policy.py``), each in its own
format: parsed here the way each host reads it. nginx's is also run by the browser tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assembly import hosts, policy

HASH_A = "'sha256-AAAA'"
HASH_B = "'sha256-BBBB'"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two pages at different depths, whose inline scripts differ (as the theme's do)."""
    for path, digest in (("index.html", HASH_A), ("tools/x/index.html", HASH_B)):
        page = tmp_path / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            '<html><head><meta http-equiv="Content-Security-Policy" '
            f'content="{policy.page_policy([digest])}"></head></html>'
        )
    return tmp_path


def directives(value: str) -> dict[str, str]:
    return dict(d.split(" ", 1) for d in value.split("; "))


def expected(site: Path) -> dict[str, str]:
    return {"Content-Security-Policy": hosts.site_policy(site), **policy.SECURITY_HEADERS}


def test_the_site_policy_allows_every_pages_scripts_and_forbids_framing(site: Path) -> None:
    found = directives(hosts.site_policy(site))
    assert {HASH_A, HASH_B} <= set(found["script-src"].split())
    assert found["frame-ancestors"] == "'none'"
    assert found["connect-src"] == "'self'"
    base = directives(policy.page_policy(()))
    assert {k: v for k, v in found.items() if k not in ("script-src", "frame-ancestors")} == {
        k: v for k, v in base.items() if k != "script-src"
    }


def test_netlify_and_cloudflare_headers(site: Path) -> None:
    rules: dict[str, dict[str, str]] = {}
    path = ""
    for line in hosts.netlify_headers(hosts.headers(site)).splitlines():
        if not line or line.startswith("#"):
            continue
        if not line.startswith(" "):
            path = line
            rules[path] = {}
        else:
            name, value = line.strip().split(": ", 1)
            rules[path][name] = value
    assert rules["/*"] == expected(site)
    assert rules["/*.wasm"] == {"Content-Type": "application/wasm"}
    assert rules["/sw.js"] == {"Cache-Control": "no-cache"}


def test_apache_htaccess(site: Path) -> None:
    text = hosts.htaccess(hosts.headers(site))
    sent = dict(re.findall(r'^\s*Header always set (\S+) "([^"]*)"$', text, re.M))
    assert sent == expected(site)
    assert "AddType application/wasm .wasm" in text
    assert re.search(r"AddOutputFilterByType DEFLATE .*application/wasm", text)


def test_azure_static_web_apps(site: Path) -> None:
    config = json.loads(hosts.azure_config(hosts.headers(site)))
    assert config["globalHeaders"] == expected(site)
    assert config["mimeTypes"][".wasm"] == "application/wasm"
    assert {"route": "/sw.js", "headers": {"Cache-Control": "no-cache"}} in config["routes"]


def test_nginx_repeats_every_header_in_every_location(site: Path) -> None:
    text = hosts.nginx_site(hosts.headers(site))
    blocks = re.findall(r"^location [^{]+\{(.*?)^\}", text, re.M | re.S)
    assert len(blocks) == 2
    for block in blocks:
        sent = dict(re.findall(r'add_header (\S+) "([^"]*)" always;', block))
        assert {k: v for k, v in sent.items() if k != "Cache-Control"} == expected(site)
        assert "Cache-Control" in sent
    assert "application/wasm wasm;" in text
    assert re.search(r"^gzip_types .*application/wasm", text, re.M)


def test_the_build_writes_them_beside_the_site(site: Path, tmp_path: Path) -> None:
    deploy = tmp_path / "deploy"
    hosts.write(site, deploy)
    for name in hosts.HOST_FILES:
        assert (site / name).is_file()
    assert (deploy / "nginx-site.conf").is_file()
