#!/bin/bash
# Creates the LXC containers of host pve (Proxmox VE 8) with pct create.
# Run as root on pve after storage-add.sh and subid-setup.sh. Safe to run again:
# existing containers are skipped. The root password is not set: use pct enter VMID.
set -euo pipefail

# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }

# CT 100 (ts-router)
if pct status 100 >/dev/null 2>&1; then
  echo 'CT 100 exists: left as it is'
else
  pct create 100 local:vztmpl/debian-12-standard_12.0-1_amd64.tar.zst \
    --rootfs local-zfs:4 \
    --arch amd64 \
    --cores 1 \
    --features nesting=1 \
    --hostname ts-router \
    --memory 256 \
    --net0 name=eth0,bridge=vmbr0,gw=192.168.10.1,ip=192.168.10.20/24,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=1 \
    --swap 256 \
    --tags vpn \
    --unprivileged 1 \
    --description 'Tailscale subnet router advertising 192.168.10.0/24'
  add_line /etc/pve/lxc/100.conf 'lxc.cgroup2.devices.allow: c 10:200 rwm'
  add_line /etc/pve/lxc/100.conf 'lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file'
fi

# CT 101 (syncthing-srv)
if pct status 101 >/dev/null 2>&1; then
  echo 'CT 101 exists: left as it is'
else
  pct create 101 local:vztmpl/debian-12-standard_12.0-1_amd64.tar.zst \
    --rootfs local-zfs:8 \
    --arch amd64 \
    --cores 1 \
    --features nesting=1 \
    --hostname syncthing-srv \
    --memory 512 \
    --mp0 /Tank-Archive/Family_Archive,mp=/mnt/family \
    --mp1 /Tank-Archive/Personal_Backups,mp=/mnt/backups \
    --net0 name=eth0,bridge=vmbr0,ip=dhcp,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=2 \
    --swap 512 \
    --tags 'family;sync' \
    --unprivileged 1 \
    --description 'Syncthing for the family'\''s phones and laptops'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: u 0 100000 1000'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: u 1000 1000 3'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: u 1003 101003 64533'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 0 100000 1000'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 1000 1000 3'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 1003 101003 97'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 1100 1100 2'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 1102 101102 64434'
fi
