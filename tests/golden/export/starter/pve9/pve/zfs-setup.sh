#!/bin/bash
# ZFS pools, filesystems and volumes of host pve. Existing pools are left alone;
# existing filesystems and volumes get the lab's properties (zfs set where they differ).
# DISK_DIR (default /dev) is where the disk names are found: point it at a folder of links
# to /dev/disk/by-id/... for stable names. ZFS_ALTROOT=DIR creates pools under DIR (a trial
# run); ZFS_SKIP_VOLUMES=1 leaves the volumes out.
# Run as root on pve. Safe to run again.
set -euo pipefail

: "${DISK_DIR:=/dev}"
altroot=()
if [ -n "${ZFS_ALTROOT:-}" ]; then altroot=(-R "$ZFS_ALTROOT"); fi
# exists NAME: true when the filesystem or volume NAME exists.
exists() { zfs list -H -o name "$1" >/dev/null 2>&1; }
# set_prop NAME PROP VALUE: zfs set PROP=VALUE on NAME unless it has that value (zfs get -p: sizes in bytes).
set_prop() { [ "$(zfs get -H -p -o value "$2" "$1")" = "$3" ] || zfs set "$2=$3" "$1"; }

# pool rpool
if zpool list -H rpool >/dev/null 2>&1; then
  echo 'pool rpool exists: left as it is'
else
  zpool create "${altroot[@]}" rpool "$DISK_DIR"/sda
fi

# filesystems
exists rpool/ROOT || zfs create rpool/ROOT
exists rpool/data || zfs create rpool/data
if exists rpool/ROOT/pve-1; then
  set_prop rpool/ROOT/pve-1 mountpoint /
else
  zfs create -o mountpoint=/ rpool/ROOT/pve-1
fi
