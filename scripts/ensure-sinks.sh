#!/usr/bin/env bash
# The sinks suite runs the monitor into Debian's mosquitto and influxdb (1.x): install them
# when missing. The suite starts its own instances on 127.0.0.1 with free ports.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"
need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v influxd >/dev/null 2>&1 || [ -x /usr/bin/influxd ] || need+=(influxdb)
[ ${#need[@]} -eq 0 ] || apt_install ensure-sinks "${need[@]}"
