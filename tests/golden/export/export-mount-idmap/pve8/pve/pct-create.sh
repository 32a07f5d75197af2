#!/bin/bash
# Creates the LXC containers of host pve (Proxmox VE 8) with pct create.
# Run as root on pve after storage-add.sh and subid-setup.sh. Safe to run again:
# existing containers are skipped. The root password is not set: use pct enter VMID.
set -euo pipefail

# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }

# CT 110 (files)
# mp1: its idmap= needs Proxmox VE 9 (pve-container 6.1.6) and an unprivileged container; left out for Proxmox VE 8.
if pct status 110 >/dev/null 2>&1; then
  echo 'CT 110 exists: left as it is'
else
  pct create 110 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:4 \
    --arch amd64 \
    --cores 1 \
    --hostname files \
    --memory 512 \
    --mp0 /rpool/share,mp=/srv/share \
    --mp1 /rpool/share/public,mp=/srv/public \
    --swap 512 \
    --unprivileged 1
  add_line /etc/pve/lxc/110.conf 'lxc.idmap: u 0 100000 1005'
  add_line /etc/pve/lxc/110.conf 'lxc.idmap: u 1005 1005 1'
  add_line /etc/pve/lxc/110.conf 'lxc.idmap: u 1006 101006 64530'
  add_line /etc/pve/lxc/110.conf 'lxc.idmap: g 0 100000 1005'
  add_line /etc/pve/lxc/110.conf 'lxc.idmap: g 1005 1005 1'
  add_line /etc/pve/lxc/110.conf 'lxc.idmap: g 1006 101006 64530'
fi

# CT 111 (media)
if pct status 111 >/dev/null 2>&1; then
  echo 'CT 111 exists: left as it is'
else
  pct create 111 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:8 \
    --arch amd64 \
    --cores 1 \
    --hostname media \
    --memory 512 \
    --mp0 /rpool/share,mp=/media \
    --swap 512 \
    --unprivileged 1
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 0 100000 1000'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 1000 165536 1'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 1001 101001 999'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 2000 1000 2'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 2002 102002 63534'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: g 0 100000 65536'
fi
