#!/bin/bash
# Creates the LXC containers of host pve (Proxmox VE 9) with pct create.
# Run as root on pve after storage-add.sh and subid-setup.sh. Safe to run again:
# existing containers are skipped. The root password is not set: use pct enter VMID.
set -euo pipefail

# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }

# CT 100 (proxy)
if pct status 100 >/dev/null 2>&1; then
  echo 'CT 100 exists: left as it is'
else
  pct create 100 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:8 \
    --arch amd64 \
    --cores 1 \
    --features nesting=1 \
    --hostname proxy \
    --memory 512 \
    --net0 name=eth0,bridge=vmbr0,gw=192.168.5.1,ip=192.168.5.150/24,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=1 \
    --swap 512 \
    --tags proxy \
    --unprivileged 1 \
    --description 'Nginx Proxy Manager, terminates TLS for the LAN services'
fi

# CT 101 (tailscale)
if pct status 101 >/dev/null 2>&1; then
  echo 'CT 101 exists: left as it is'
else
  pct create 101 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:4 \
    --arch amd64 \
    --cores 1 \
    --features nesting=1 \
    --hostname tailscale \
    --memory 256 \
    --net0 name=eth0,bridge=vmbr0,gw=192.168.5.1,ip=192.168.5.151/24,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=1 \
    --swap 256 \
    --tags vpn \
    --unprivileged 1 \
    --description 'Tailscale node for remote access to the LAN'
  add_line /etc/pve/lxc/101.conf 'lxc.cgroup2.devices.allow: c 10:200 rwm'
  add_line /etc/pve/lxc/101.conf 'lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file'
fi

# CT 102 (nextcloud)
if pct status 102 >/dev/null 2>&1; then
  echo 'CT 102 exists: left as it is'
else
  pct create 102 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:16 \
    --arch amd64 \
    --cores 4 \
    --features nesting=1 \
    --hostname nextcloud \
    --memory 4096 \
    --mp0 /mnt/nextcloud-data,mp=/mnt/ncdata \
    --net0 name=eth0,bridge=vmbr0,gw=192.168.5.1,ip=192.168.5.152/24,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=2,up=30 \
    --swap 1024 \
    --tags cloud \
    --unprivileged 1 \
    --description 'Nextcloud; its data directory is the iSCSI LUN from TrueNAS'
fi
