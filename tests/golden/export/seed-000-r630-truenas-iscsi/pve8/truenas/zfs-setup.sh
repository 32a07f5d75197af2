#!/bin/bash
# ZFS pools, filesystems and volumes of host truenas. Existing pools are left alone;
# existing filesystems and volumes get the lab's properties (zfs set where they differ).
# DISK_DIR (default /dev) is where the disk names are found: point it at a folder of links
# to /dev/disk/by-id/... for stable names. ZFS_ALTROOT=DIR creates pools under DIR (a trial
# run); ZFS_SKIP_VOLUMES=1 leaves the volumes out.
# On TrueNAS, create pools in the web UI (Storage) instead: the middleware does not manage
# pools made in a shell until they are exported and imported there.
# Run as root on truenas. Safe to run again.
set -euo pipefail

: "${DISK_DIR:=/dev}"
altroot=()
if [ -n "${ZFS_ALTROOT:-}" ]; then altroot=(-R "$ZFS_ALTROOT"); fi
# exists NAME: true when the filesystem or volume NAME exists.
exists() { zfs list -H -o name "$1" >/dev/null 2>&1; }
# set_prop NAME PROP VALUE: zfs set PROP=VALUE on NAME unless it has that value (zfs get -p: sizes in bytes).
set_prop() { [ "$(zfs get -H -p -o value "$2" "$1")" = "$3" ] || zfs set "$2=$3" "$1"; }

# pool boot-pool
if zpool list -H boot-pool >/dev/null 2>&1; then
  echo 'pool boot-pool exists: left as it is'
else
  zpool create "${altroot[@]}" boot-pool mirror "$DISK_DIR"/sda "$DISK_DIR"/sdb
fi

# pool MyMassStorage
if zpool list -H MyMassStorage >/dev/null 2>&1; then
  echo 'pool MyMassStorage exists: left as it is'
else
  zpool create "${altroot[@]}" -o ashift=12 MyMassStorage raidz2 "$DISK_DIR"/sdc "$DISK_DIR"/sdd "$DISK_DIR"/sde "$DISK_DIR"/sdf "$DISK_DIR"/sdg "$DISK_DIR"/sdh
fi

# filesystems
if exists MyMassStorage/backups; then
  set_prop MyMassStorage/backups compression zstd
else
  zfs create -o compression=zstd MyMassStorage/backups
fi
if exists MyMassStorage/media; then
  set_prop MyMassStorage/media recordsize 1048576
else
  zfs create -o recordsize=1M MyMassStorage/media
fi
exists MyMassStorage/obsidian || zfs create MyMassStorage/obsidian

# volumes
if [ -z "${ZFS_SKIP_VOLUMES:-}" ]; then
  if exists MyMassStorage/nextcloud; then
    set_prop MyMassStorage/nextcloud compression lz4
  else
    zfs create -s -V 500G -o compression=lz4 -o volblocksize=16K MyMassStorage/nextcloud
  fi
fi
