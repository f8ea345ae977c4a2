#!/usr/bin/env bash
# Sourced by the ensure-*.sh scripts: apt_install TAG PACKAGE... installs Debian packages
# without letting them start their system services (the suites start their own instances on
# 127.0.0.1 and free ports; a packaged service would hold 6379, 1883 or 8086).
apt_install() {
  local tag="$1"
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$tag: $* missing and apt-get is not available; install the Debian package(s) $*" >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  echo "$tag: installing Debian's $*" >&2
  $sudo apt-get update -qq
  # policy-rc.d exit 101 tells invoke-rc.d not to start what the packages install.
  local policy=/usr/sbin/policy-rc.d created=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    created=1
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null || rc=$?
  if [ -n "$created" ]; then $sudo rm -f "$policy"; fi
  # Under systemd the policy file is not consulted everywhere: stop what this install started
  # (only its own packages: a service the user already runs is left alone).
  if command -v systemctl >/dev/null 2>&1; then
    for unit in "$@"; do $sudo systemctl disable --now "$unit" >/dev/null 2>&1 || true; done
  fi
  return "$rc"
}
