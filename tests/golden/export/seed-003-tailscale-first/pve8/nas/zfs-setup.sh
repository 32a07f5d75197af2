#!/bin/bash
# ZFS pools, filesystems and volumes of host nas. Existing pools are left alone;
# existing filesystems and volumes get the lab's properties (zfs set where they differ).
# DISK_DIR (default /dev) is where the disk names are found: point it at a folder of links
# to /dev/disk/by-id/... for stable names. ZFS_ALTROOT=DIR creates pools under DIR (a trial
# run); ZFS_SKIP_VOLUMES=1 leaves the volumes out.
# On TrueNAS, create pools in the web UI (Storage) instead: the middleware does not manage
# pools made in a shell until they are exported and imported there.
# Run as root on nas. Safe to run again.
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
  zpool create "${altroot[@]}" boot-pool "$DISK_DIR"/nvme0n1
fi

# pool tank
if zpool list -H tank >/dev/null 2>&1; then
  echo 'pool tank exists: left as it is'
else
  zpool create "${altroot[@]}" -o ashift=12 tank raidz1 "$DISK_DIR"/sda "$DISK_DIR"/sdb "$DISK_DIR"/sdc "$DISK_DIR"/sdd
fi

# pool backup
if zpool list -H backup >/dev/null 2>&1; then
  echo 'pool backup exists: left as it is'
else
  zpool create "${altroot[@]}" -o ashift=12 backup "$DISK_DIR"/sde
fi

# filesystems
if exists tank/photos; then
  set_prop tank/photos compression lz4
  set_prop tank/photos recordsize 1048576
else
  zfs create -o compression=lz4 -o recordsize=1M tank/photos
fi
if exists tank/nextcloud; then
  set_prop tank/nextcloud compression lz4
else
  zfs create -o compression=lz4 tank/nextcloud
fi
if exists tank/documents; then
  set_prop tank/documents compression zstd
else
  zfs create -o compression=zstd tank/documents
fi
exists tank/apps || zfs create tank/apps
if exists backup/tank; then
  set_prop backup/tank readonly on
else
  zfs create -o readonly=on backup/tank
fi
