#!/usr/bin/env bash
# The browser tests also run the built site under nginx with the configuration the build
# writes (build/deploy/nginx-site.conf), as a real host would serve it. Found on the PATH or
# in /usr/sbin, or installed from Debian's packages (without starting its own service: the
# tests start their own server on a free port).
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then exit 0; fi
echo "nginx not found: installing Debian's nginx package" >&2
SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
# Keep the package's service from starting (policy-rc.d 101: "action not allowed"), and
# leave an existing policy-rc.d as it was.
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  cleanup() { $SUDO rm -f /usr/sbin/policy-rc.d; }
  trap cleanup EXIT
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light >/dev/null 2>&1 \
  || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
