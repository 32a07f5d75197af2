#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# Builds this host's iSCSI target through the TrueNAS middleware (TrueNAS 25.10 and later).
# Run as root on the TrueNAS host, after preflight.sh. Safe to run again: each object is
# looked up first and created only when missing; ids come from the middleware's answers.
set -euo pipefail
shopt -s inherit_errexit

die() { printf '%s\n' "$*" >&2; exit 1; }

# pick_id MATCH: the id of the first entry of the JSON list on stdin whose fields equal
# MATCH's (for a list of objects, the fields MATCH's items name); empty when none does.
pick_id() {
  python3 -c '
import json, sys
def same(want, got):
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and same(v, got[k]) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(same(w, g) for w, g in zip(want, got))
    return want == got
want = json.loads(sys.argv[1])
print(next((str(e["id"]) for e in json.load(sys.stdin) if same(want, e)), ""))
' "$1"
}

# result_id: the id of the object printed as JSON on stdin.
result_id() {
  python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

# need_pool FILTERS NAME: stop unless pool.query finds the pool.
need_pool() {
  local answer
  answer="$(midclt call pool.query "$1")"
  [[ -n "$(pick_id '{}' <<<"$answer")" ]] || die "pool $2 does not exist: create it first (Storage > Create Pool)"
}

# ensure NAMESPACE FILTERS MATCH CREATE: the id of the NAMESPACE object that FILTERS and
# MATCH find, made with NAMESPACE.create CREATE when there is none. iSCSI ids are numbers.
ensure() {
  local answer id
  answer="$(midclt call "$1.query" "$2")"
  id="$(pick_id "$3" <<<"$answer")"
  if [[ -z $id ]]; then
    answer="$(midclt call "$1.create" "$4")"
    id="$(result_id <<<"$answer")"
    printf 'created %s %s\n' "$1" "$id" >&2
  else
    printf 'found   %s %s\n' "$1" "$id" >&2
  fi
  if [[ $1 == iscsi.* && ! $id =~ ^[0-9]+$ ]]; then
    die "$1: the middleware answered an id that is not a number: $id"
  fi
  printf '%s\n' "$id"
}

# The pools must exist already (Storage > Create Pool, or midclt call pool.create).
need_pool '[["name","=","MyMassStorage"]]' MyMassStorage

# zvol of extent 1
ensure pool.dataset '[["id","=","MyMassStorage/nextcloud"]]' '{"id":"MyMassStorage/nextcloud","type":"VOLUME"}' '{"name":"MyMassStorage/nextcloud","type":"VOLUME","volsize":536870912000,"volblocksize":"16K","sparse":false}' >/dev/null

# portal 1
portal_1="$(ensure iscsi.portal '[]' '{"listen":[{"ip":"0.0.0.0"}]}' '{"listen":[{"ip":"0.0.0.0"}],"comment":"LAN"}')"

# initiator group 1
initiator_1="$(ensure iscsi.initiator '[]' '{"initiators":["iqn.1993-08.org.debian:01:e7dd6e7909d"],"comment":"pve"}' '{"initiators":["iqn.1993-08.org.debian:01:e7dd6e7909d"],"comment":"pve"}')"

# CHAP entry 1
ensure iscsi.auth '[["tag","=",1],["user","=","pve"]]' '{"tag":1,"user":"pve"}' '{"tag":1,"user":"pve","secret":"s3cretpassw0rd","peeruser":"","peersecret":""}' >/dev/null

# target 1
target_1="$(ensure iscsi.target '[["name","=","nextcloud"]]' '{"name":"nextcloud"}' '{"name":"nextcloud","alias":"Nextcloud data","mode":"ISCSI","groups":[{"portal":'"$portal_1"',"initiator":'"$initiator_1"',"authmethod":"CHAP","auth":1}]}')"

# extent 1
extent_1="$(ensure iscsi.extent '[["name","=","nextcloud"]]' '{"name":"nextcloud"}' '{"name":"nextcloud","type":"DISK","disk":"zvol/MyMassStorage/nextcloud","blocksize":512,"rpm":"SSD","ro":false,"enabled":true,"comment":""}')"

# LUN 0 of target 1
ensure iscsi.targetextent '[]' '{"target":'"$target_1"',"extent":'"$extent_1"'}' '{"target":'"$target_1"',"extent":'"$extent_1"',"lunid":0}' >/dev/null

# Start the iSCSI service now and at every boot.
midclt call service.update iscsitarget '{"enable": true}' >/dev/null
[[ "$(midclt call -j service.control START iscsitarget)" == True ]] || die "the iSCSI service did not start"
echo 'iSCSI target ready.'
