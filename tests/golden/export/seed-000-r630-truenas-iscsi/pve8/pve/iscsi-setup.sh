#!/bin/bash
# iSCSI initiator setup for host pve (open-iscsi): the initiator name, then for each
# target: discovery, CHAP if the lab declares it, node.startup = automatic, login.
# Run as root on pve from the bundle's pve/ folder. Safe to run again.
set -euo pipefail

# discover PORTAL TARGET: sendtargets discovery at PORTAL must list TARGET.
discover() {
  local found
  found=$(iscsiadm -m discovery -t sendtargets -p "$1")
  if ! awk -v t="$2" '$2 == t { f = 1 } END { exit !f }' <<<"$found"; then
    echo "iscsi-setup: discovery at $1 does not list $2; it found: ${found:-nothing}" >&2
    exit 1
  fi
}

# logged_in TARGET: true when a session to TARGET exists (iscsiadm -m session exits 21 when there is none).
logged_in() {
  local sessions
  sessions=$(iscsiadm -m session 2>/dev/null || true)
  awk -v t="$1" '$4 == t { f = 1 } END { exit !f }' <<<"$sessions"
}

here=$(dirname "$(readlink -f "$0")")
if ! grep -qxF InitiatorName=iqn.1993-08.org.debian:01:e7dd6e7909d /etc/iscsi/initiatorname.iscsi 2>/dev/null; then
  install -m 600 "$here/etc/iscsi/initiatorname.iscsi" /etc/iscsi/initiatorname.iscsi
  systemctl restart iscsid
fi

# iqn.2005-10.org.freenas.ctl:nextcloud at 192.168.5.142:3260
discover 192.168.5.142:3260 iqn.2005-10.org.freenas.ctl:nextcloud
iscsiadm -m node -T iqn.2005-10.org.freenas.ctl:nextcloud -p 192.168.5.142:3260 -o update -n node.startup -v automatic
logged_in iqn.2005-10.org.freenas.ctl:nextcloud || iscsiadm -m node -T iqn.2005-10.org.freenas.ctl:nextcloud -p 192.168.5.142:3260 --login
