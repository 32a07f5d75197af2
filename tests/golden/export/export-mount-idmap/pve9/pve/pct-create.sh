#!/bin/bash
# Creates the LXC containers of host pve (Proxmox VE 9) with pct create.
# Run as root on pve after storage-add.sh and subid-setup.sh. Safe to run again:
# existing containers are skipped. The root password is not set: use pct enter VMID.
set -euo pipefail

# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }

# CT 110 (files)
if pct status 110 >/dev/null 2>&1; then
  echo 'CT 110 exists: left as it is'
else
  pct create 110 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:4 \
    --arch amd64 \
    --cores 1 \
    --hostname files \
    --memory 512 \
    --mp0 '/rpool/share,mp=/srv/share,idmap=u:1005:1005:1;g:1005:1005:1' \
    --mp1 /rpool/share/public,mp=/srv/public,idmap=passthrough \
    --swap 512 \
    --unprivileged 1
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
    --mp0 /rpool/share,mp=/media,idmap=u:2000:1000:2 \
    --swap 512 \
    --unprivileged 1
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 0 100000 1000'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 1000 1000 1'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: u 1001 101001 64535'
  add_line /etc/pve/lxc/111.conf 'lxc.idmap: g 0 100000 65536'
fi
