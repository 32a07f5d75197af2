/**
 * The bash functions every preflight.sh starts with: read-only checks that print one line
 * each — `ok   …` when the machine matches the bundle, `DIFF …` when applying the bundle
 * would fail, `note …` for what the bundle will change or cannot judge — and remember
 * whether any DIFF was printed. Each check only reads: lsblk, zpool/zfs list and get, files
 * under /etc, `midclt call system.info`, a TCP connect, and a sendtargets discovery that
 * stores nothing (`iscsiadm -o nonpersistent`, or libiscsi's iscsi-ls).
 */

/** The prelude: shebang, options, environment overrides and the check functions. */
export const PREFLIGHT_PRELUDE = `#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# Read-only checks of this machine against the bundle, one line each:
#   ok   the machine matches what the bundle expects
#   DIFF applying the bundle would fail here; fix this first
#   note something the bundle will change, or that needs a look
# Changes nothing. Exits 1 when any line says DIFF, else 0.
# Environment: PREFLIGHT_ROOT reads /etc files under another root; ISCSIADM and ISCSI_LS
# name the discovery tools (iscsi-ls is used when iscsiadm is missing); PREFLIGHT_TIMEOUT
# is the seconds a TCP connect may take (default 3).
set -uo pipefail

ROOT="\${PREFLIGHT_ROOT:-}"
ISCSIADM="\${ISCSIADM:-iscsiadm}"
ISCSI_LS="\${ISCSI_LS:-iscsi-ls}"
WAIT="\${PREFLIGHT_TIMEOUT:-3}"
failed=0

ok() { printf 'ok   %s\\n' "$*"; }
differs() { printf 'DIFF %s\\n' "$*"; failed=1; }
note() { printf 'note %s\\n' "$*"; }

# pool_exists POOL: whether zpool lists the pool.
pool_exists() { zpool list -H -o name -- "$1" >/dev/null 2>&1; }

# check_free_disk DISK BYTES: the disk is present, with no partition, signature or mount.
check_free_disk() {
  local dev="/dev/$1" size rows fstype mounted
  if ! size="$(lsblk -dnbo SIZE -- "$dev" 2>/dev/null)"; then
    differs "disk $1: not found (lsblk $dev)"
    return
  fi
  size="\${size//[[:space:]]/}"
  rows="$(lsblk -nro NAME -- "$dev" 2>/dev/null | wc -l)"
  fstype="$(lsblk -dno FSTYPE -- "$dev" 2>/dev/null)"
  mounted="$(lsblk -nro MOUNTPOINT -- "$dev" 2>/dev/null | grep -m 1 .)"
  if [[ -n $mounted ]]; then
    differs "disk $1: in use (mounted at $mounted); the pool needs it blank"
  elif ((rows > 1)) || [[ -n \${fstype//[[:space:]]/} ]]; then
    differs "disk $1: in use (it has partitions or a \${fstype:-filesystem} signature); the pool needs it blank"
  elif ((size < $2)); then
    note "disk $1: present and unused, but $size bytes where the lab has $2"
  else
    ok "disk $1: present and unused ($size bytes)"
  fi
}

# check_zvol NAME BYTES: an existing zvol must have the lab's size; a missing one is made later.
check_zvol() {
  local size
  if ! size="$(zfs get -Hp -o value volsize -- "$1" 2>/dev/null)"; then
    note "zvol $1: does not exist yet; the setup script creates it"
  elif [[ $size == "$2" ]]; then
    ok "zvol $1: exists with the lab's size ($2 bytes)"
  else
    differs "zvol $1: exists with volsize $size bytes, the lab has $2"
  fi
}

# check_subid FILE USER START COUNT: the range is there, or can be added without overlapping another user's.
check_subid() {
  local file="$ROOT/etc/$1" clash
  if [[ -r $file ]] && awk -F: -v u="$2" -v s="$3" -v c="$4" '$1 == u && $2 <= s && $2 + $3 >= s + c { found = 1 } END { exit !found }' "$file"; then
    ok "/etc/$1: $2 has $3-$(($3 + $4 - 1))"
    return
  fi
  clash="$([[ -r $file ]] && awk -F: -v u="$2" -v s="$3" -v c="$4" '$1 != u && $2 < s + c && s < $2 + $3 { print $1 ":" $2 ":" $3 }' "$file" | head -n 1)"
  if [[ -n $clash ]]; then
    differs "/etc/$1: $2:$3:$4 overlaps $clash"
  else
    note "/etc/$1: $2:$3:$4 is missing; subid-setup.sh adds it"
  fi
}

# check_initiator IQN: the open-iscsi initiator name.
check_initiator() {
  local file="$ROOT/etc/iscsi/initiatorname.iscsi" name
  if [[ ! -r $file ]]; then
    note "/etc/iscsi/initiatorname.iscsi: missing (is open-iscsi installed?); the bundle writes $1"
    return
  fi
  name="$(sed -n 's/^InitiatorName=//p' "$file" | head -n 1)"
  if [[ $name == "$1" ]]; then
    ok "initiator name is $1"
  else
    note "initiator name is \${name:-unset}; the bundle writes $1 (the target's ACL lists that one)"
  fi
}

# check_truenas_version: TrueNAS 25.10 or later (service.control, the API the scripts use).
check_truenas_version() {
  local version
  if ! version="$(midclt call system.info 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])' 2>/dev/null)"; then
    differs "midclt call system.info failed: is this a TrueNAS host, and are you root?"
    return
  fi
  if python3 -c 'import re, sys; m = re.search(r"(\\d+)\\.(\\d+)", sys.argv[1]); sys.exit(0 if m and (int(m[1]), int(m[2])) >= (25, 10) else 1)' "$version"; then
    ok "TrueNAS version $version (25.10 or later)"
  else
    differs "TrueNAS version $version: the scripts need 25.10 or later"
  fi
}

# check_portal HOST PORT: a TCP connection to the portal opens.
check_portal() {
  if timeout "$WAIT" bash -c "exec 3<>\\"/dev/tcp/\\$1/\\$2\\"" portal "$1" "$2" 2>/dev/null; then
    ok "portal $1:$2 reachable"
  else
    differs "portal $1:$2 not reachable (connection refused, filtered or no route); is the target running?"
  fi
}

# check_discovery PORTAL TARGET INITIATOR [CHAP_USER CHAP_SECRET]: sendtargets from here lists TARGET.
check_discovery() {
  local answer found auth=()
  if [[ -n \${4:-} ]]; then
    auth=(LIBISCSI_CHAP_USERNAME="$4" LIBISCSI_CHAP_PASSWORD="\${5:-}")
  fi
  if command -v "$ISCSIADM" >/dev/null 2>&1; then
    answer="$("$ISCSIADM" -m discovery -t sendtargets -p "$1" -o nonpersistent 2>&1)"
    found="$(awk '{ print $2 }' <<<"$answer")"
  elif command -v "$ISCSI_LS" >/dev/null 2>&1; then
    answer="$(env "\${auth[@]}" "$ISCSI_LS" -i "$3" "iscsi://$1" 2>&1)"
    found="$(sed -n 's/^Target:\\([^ ]*\\) Portal:.*/\\1/p' <<<"$answer")"
  else
    differs "discovery from $1: neither $ISCSIADM nor $ISCSI_LS is installed (apt install open-iscsi)"
    return
  fi
  if grep -qxF -- "$2" <<<"$found"; then
    ok "discovery from $1 returns $2"
  elif [[ -n $found ]]; then
    differs "discovery from $1 does not return $2 (it returned: $(sort <<<"$found" | paste -sd ' '))"
  else
    differs "discovery from $1 returned no target ($(head -n 1 <<<"$answer"))"
  fi
}
`;

/** The end of every preflight.sh: the summary line and the exit status. */
export const PREFLIGHT_END = `
if ((failed)); then
  echo 'preflight: some checks say DIFF; fix them before applying the bundle.'
  exit 1
fi
echo 'preflight: every check passed.'
`;
