#!/bin/sh
# Installs Debian's Chromium for the browser tests (tests/common/browser.rs)
# when it is not there yet. Needs root (or sudo) and Debian's package
# mirrors; does nothing when a chromium binary is already on the PATH.
set -eu
for bin in chromium chromium-browser; do
    if command -v "$bin" >/dev/null 2>&1; then
        echo "chromium present: $(command -v "$bin")"
        exit 0
    fi
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
chromium --version
