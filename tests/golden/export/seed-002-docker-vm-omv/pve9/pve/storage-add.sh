#!/bin/bash
# Adds the lab's storages to Proxmox VE on host pve (the same entries as etc/pve/storage.cfg).
# Run as root on pve after zfs-setup.sh and iscsi-setup.sh. Safe to run again: existing ids are skipped.
set -euo pipefail

if pvesh get /storage/local >/dev/null 2>&1; then
  echo 'storage local exists: left as it is'
else
  pvesm add dir local --path /var/lib/vz --content iso,vztmpl,backup
fi
if pvesh get /storage/local-zfs >/dev/null 2>&1; then
  echo 'storage local-zfs exists: left as it is'
else
  pvesm add zfspool local-zfs --pool rpool/data --content images,rootdir --sparse 1
fi
if pvesh get /storage/tank-vm >/dev/null 2>&1; then
  echo 'storage tank-vm exists: left as it is'
else
  pvesm add zfspool tank-vm --pool tank/vmdata --content images --sparse 1
fi
