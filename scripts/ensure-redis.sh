#!/usr/bin/env bash
# The state suite runs Debian's redis-server (started by the tests on 127.0.0.1, a free
# port, no persistence): install it when it is missing.
set -euo pipefail
REDIS="${REDIS_SERVER_PATH:-/usr/bin/redis-server}"
if [ -x "$REDIS" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-redis: $REDIS is missing and apt-get is not available; install Redis and set REDIS_SERVER_PATH" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "ensure-redis: installing Debian's redis-server package" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package starts a system-wide instance on port 6379; the tests start their own.
if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
"$REDIS" --version
