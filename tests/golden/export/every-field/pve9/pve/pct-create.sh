#!/bin/bash
# Creates the LXC containers of host pve (Proxmox VE 9) with pct create.
# Run as root on pve after storage-add.sh and subid-setup.sh. Safe to run again:
# existing containers are skipped. The root password is not set: use pct enter VMID.
set -euo pipefail

# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }

# CT 101 (syncthing-srv)
if pct status 101 >/dev/null 2>&1; then
  echo 'CT 101 exists: left as it is'
else
  pct create 101 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:8 \
    --arch amd64 \
    --cores 1 \
    --features mount=nfs,nesting=1 \
    --hostname syncthing-srv \
    --memory 512 \
    --mp0 /tank/archive,mp=/mnt/archive \
    --mp1 local-zfs:32,mp=/data,backup=1 \
    --net0 name=eth0,bridge=vmbr0,firewall=1,ip=dhcp,type=veth \
    --net1 name=eth1,bridge=vmbr0,gw=192.168.5.1,hwaddr=BC:24:11:00:00:01,ip=192.168.5.150/24,tag=20,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=1,up=30,down=60 \
    --swap 512 \
    --tags 'family;sync' \
    --unprivileged 1 \
    --description 'Syncthing for the family laptops'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: u 0 100000 1000'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 0 100000 1000'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: u 1000 1000 1'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 1000 1000 1'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: u 1001 101001 64535'
  add_line /etc/pve/lxc/101.conf 'lxc.idmap: g 1001 101001 64535'
  add_line /etc/pve/lxc/101.conf 'lxc.apparmor.profile: generated'
fi
