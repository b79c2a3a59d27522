#!/usr/bin/env bash
# Browser tests drive a system Chromium (Playwright cannot download browsers here).
# Found through $CHROMIUM, /usr/bin/chromium, or installed from Debian's packages.
set -euo pipefail
if [[ -n "${CHROMIUM:-}" && -x "${CHROMIUM}" ]]; then exit 0; fi
if [[ -x /usr/bin/chromium ]]; then exit 0; fi
echo "Chromium not found: installing Debian's chromium package" >&2
SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
