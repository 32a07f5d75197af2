#!/bin/bash
# Gives root the subordinate user and group ids the containers of host pve map to.
# Run as root on pve before pct-create.sh. Safe to run again: only missing lines are added.
set -euo pipefail

: "${SUBUID:=/etc/subuid}" "${SUBGID:=/etc/subgid}"
# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { touch "$1"; grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }
add_line "$SUBUID" root:100000:65536
add_line "$SUBUID" root:1000:1
add_line "$SUBUID" root:1000:2
add_line "$SUBUID" root:1005:1
add_line "$SUBUID" root:165536:1
add_line "$SUBGID" root:100000:65536
add_line "$SUBGID" root:1005:1
