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
  zpool create "${altroot[@]}" -o ashift=12 rpool "$DISK_DIR"/nvme0n1
fi

# pool Tank-Archive
if zpool list -H Tank-Archive >/dev/null 2>&1; then
  echo 'pool Tank-Archive exists: left as it is'
else
  zpool create "${altroot[@]}" -o ashift=12 Tank-Archive raidz1 "$DISK_DIR"/sda "$DISK_DIR"/sdb "$DISK_DIR"/sdc
fi

# pool VM-SSD
if zpool list -H VM-SSD >/dev/null 2>&1; then
  echo 'pool VM-SSD exists: left as it is'
else
  zpool create "${altroot[@]}" -o ashift=12 -o autotrim=on VM-SSD mirror "$DISK_DIR"/sdd "$DISK_DIR"/sde
fi

# filesystems
exists rpool/ROOT || zfs create rpool/ROOT
exists rpool/data || zfs create rpool/data
if exists Tank-Archive/Family_Archive; then
  set_prop Tank-Archive/Family_Archive compression lz4
  set_prop Tank-Archive/Family_Archive recordsize 1048576
  set_prop Tank-Archive/Family_Archive atime off
else
  zfs create -o compression=lz4 -o recordsize=1M -o atime=off Tank-Archive/Family_Archive
fi
if exists Tank-Archive/Personal_Backups; then
  set_prop Tank-Archive/Personal_Backups compression lz4
  set_prop Tank-Archive/Personal_Backups atime off
else
  zfs create -o compression=lz4 -o atime=off Tank-Archive/Personal_Backups
fi
if exists rpool/ROOT/pve-1; then
  set_prop rpool/ROOT/pve-1 mountpoint /
else
  zfs create -o mountpoint=/ rpool/ROOT/pve-1
fi
if exists Tank-Archive/Personal_Backups/anna; then
  set_prop Tank-Archive/Personal_Backups/anna quota 1099511627776
else
  zfs create -o quota=1T Tank-Archive/Personal_Backups/anna
fi
if exists Tank-Archive/Personal_Backups/ben; then
  set_prop Tank-Archive/Personal_Backups/ben quota 1099511627776
else
  zfs create -o quota=1T Tank-Archive/Personal_Backups/ben
fi
if exists Tank-Archive/Personal_Backups/cleo; then
  set_prop Tank-Archive/Personal_Backups/cleo quota 536870912000
else
  zfs create -o quota=500G Tank-Archive/Personal_Backups/cleo
fi
