#!/bin/bash
# Creates the LXC containers of host pve (Proxmox VE 9) with pct create.
# Run as root on pve after storage-add.sh and subid-setup.sh. Safe to run again:
# existing containers are skipped. The root password is not set: use pct enter VMID.
set -euo pipefail

# add_line FILE LINE: append LINE to FILE unless FILE already has it.
add_line() { grep -qxF -- "$2" "$1" || printf '%s\n' "$2" >>"$1"; }

# CT 100 (npm)
if pct status 100 >/dev/null 2>&1; then
  echo 'CT 100 exists: left as it is'
else
  pct create 100 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:8 \
    --arch amd64 \
    --cores 2 \
    --features keyctl=1,nesting=1 \
    --hostname npm \
    --memory 1024 \
    --net0 name=eth0,bridge=vmbr0,firewall=1,gw=192.168.1.1,ip=192.168.1.30/24,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=1,up=15 \
    --swap 512 \
    --tags 'edge;proxy' \
    --unprivileged 1 \
    --description 'Nginx Proxy Manager, one proxy host per subdomain'
fi

# CT 101 (monitoring)
if pct status 101 >/dev/null 2>&1; then
  echo 'CT 101 exists: left as it is'
else
  pct create 101 local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst \
    --rootfs local-zfs:16 \
    --arch amd64 \
    --cores 2 \
    --features nesting=1 \
    --hostname monitoring \
    --memory 4096 \
    --mp0 data-zfs:200,mp=/var/lib/monitoring,backup=1 \
    --net0 name=eth0,bridge=vmbr0,firewall=1,gw=192.168.1.1,ip=192.168.1.31/24,type=veth \
    --onboot 1 \
    --ostype debian \
    --startup order=2 \
    --swap 1024 \
    --tags monitoring \
    --unprivileged 1 \
    --description 'Prometheus, Loki and Grafana'
fi
