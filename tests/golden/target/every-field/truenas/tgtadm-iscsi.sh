#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# The lab's iSCSI targets on a plain Linux machine with tgt (apt install tgt), with the same
# access rules as the TrueNAS objects: initiators are allowed by IQN, CHAP as declared.
# Run as root while tgtd runs. Targets that already exist are left as they are.
# tgtd keeps this configuration in memory only: run the script again after tgtd restarts.
# Environment: ZVOL_DIR (default /dev/zvol) holds the zvols' block devices (a directory of
# files of the same sizes also works); FILE_ROOT is put before FILE extents' paths;
# TGT_CONTROL_PORT picks a tgtd started with --control-port.
set -euo pipefail

ZVOL_DIR="${ZVOL_DIR:-/dev/zvol}"
FILE_ROOT="${FILE_ROOT:-}"
tgt=(tgtadm --lld iscsi)
if [[ -n ${TGT_CONTROL_PORT:-} ]]; then
  tgt=(tgtadm --control-port "$TGT_CONTROL_PORT" --lld iscsi)
fi

# has_target TID IQN: whether tgtd already has this target.
has_target() {
  local list
  list="$("${tgt[@]}" --op show --mode target)"
  grep -qxF "Target $1: $2" <<<"$list"
}

# has_account USER: whether tgtd already has this CHAP account.
has_account() {
  local list
  list="$("${tgt[@]}" --op show --mode account)"
  grep -qxF "    $1" <<<"$list"
}

# CHAP accounts (tgtd keeps one list; targets bind them below).
has_account pve || "${tgt[@]}" --op new --mode account --user pve --password s3cretpassw0rd

if has_target 1 iqn.2005-10.org.freenas.ctl:nextcloud; then
  echo 'target 1 exists, left as it is: iqn.2005-10.org.freenas.ctl:nextcloud'
else
  "${tgt[@]}" --op new --mode target --tid 1 -T iqn.2005-10.org.freenas.ctl:nextcloud
  # TrueNAS LUN 0 (536870912000 bytes)
  "${tgt[@]}" --op new --mode logicalunit --tid 1 --lun 1 -b "$ZVOL_DIR"/MyMassStorage/nextcloud
  "${tgt[@]}" --op bind --mode target --tid 1 -Q iqn.1993-08.org.debian:01:e7dd6e7909d
  "${tgt[@]}" --op bind --mode account --tid 1 --user pve
fi

echo 'tgt targets ready.'
