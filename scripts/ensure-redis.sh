#!/usr/bin/env bash
# The state suite runs Debian's redis-server (started by the tests on 127.0.0.1, a free
# port, no persistence): install it when it is missing.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"
REDIS="${REDIS_SERVER_PATH:-/usr/bin/redis-server}"
[ -x "$REDIS" ] || apt_install ensure-redis redis-server
"$REDIS" --version >/dev/null
