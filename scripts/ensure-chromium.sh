#!/usr/bin/env bash
# The browser test drives Debian's chromium: install it when it is missing.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || apt_install ensure-chromium chromium
"$CHROMIUM" --version >/dev/null
