#!/usr/bin/env bash
# The sinks suite runs the monitor into Debian's mosquitto and influxdb (1.x): install them
# when missing. The suite starts its own instances on 127.0.0.1 with free ports, so the
# packages' system services are not needed (and are stopped if the install started them).
set -euo pipefail
need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v influxd >/dev/null 2>&1 || [ -x /usr/bin/influxd ] || need+=(influxdb)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-sinks: ${need[*]} missing and apt-get is not available; install them (Debian packages mosquitto, influxdb)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "ensure-sinks: installing Debian's ${need[*]}" >&2
$SUDO apt-get update -qq
# policy-rc.d 101: the packages must not start their services (and listen on 1883/8086).
POLICY=/usr/sbin/policy-rc.d
CREATED=""
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod +x "$POLICY"
  CREATED=1
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
if [ -n "$CREATED" ]; then $SUDO rm -f "$POLICY"; fi
