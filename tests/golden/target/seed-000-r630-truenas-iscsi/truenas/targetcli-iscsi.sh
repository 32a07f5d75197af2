#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# The lab's iSCSI targets on a Linux machine with the kernel's LIO target and targetcli
# (apt install targetcli-fb), with the same access rules as the TrueNAS objects: initiators
# allowed by IQN, CHAP as declared. Run as root. Objects that already exist are kept; the
# configuration is saved (targetcli saveconfig) and restored at boot by rtslib-fb-targetctl.
# Environment: ZVOL_DIR (default /dev/zvol) holds the zvols' block devices; FILE_ROOT is put
# before FILE extents' paths.
set -euo pipefail

ZVOL_DIR="${ZVOL_DIR:-/dev/zvol}"
FILE_ROOT="${FILE_ROOT:-}"

# has PATH: whether the targetcli object exists.
has() { targetcli ls "$1" >/dev/null 2>&1; }

# Backstores
has /backstores/block/nextcloud || targetcli /backstores/block create name=nextcloud dev="$ZVOL_DIR"/MyMassStorage/nextcloud readonly=false

# Target 1
has /iscsi/iqn.2005-10.org.freenas.ctl:nextcloud || targetcli /iscsi create iqn.2005-10.org.freenas.ctl:nextcloud
has /iscsi/iqn.2005-10.org.freenas.ctl:nextcloud/tpg1/luns/lun0 || targetcli /iscsi/iqn.2005-10.org.freenas.ctl:nextcloud/tpg1/luns create /backstores/block/nextcloud lun=0
targetcli /iscsi/iqn.2005-10.org.freenas.ctl:nextcloud/tpg1 set attribute generate_node_acls=0 authentication=0
has /iscsi/iqn.2005-10.org.freenas.ctl:nextcloud/tpg1/acls/iqn.1993-08.org.debian:01:e7dd6e7909d || targetcli /iscsi/iqn.2005-10.org.freenas.ctl:nextcloud/tpg1/acls create iqn.1993-08.org.debian:01:e7dd6e7909d

targetcli saveconfig
echo 'LIO targets ready.'
