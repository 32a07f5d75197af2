/**
 * A plain Linux iSCSI target for the lab's targets with tgt (`tgtd` + `tgtadm`): a bash
 * script of tgtadm calls that gives the same access as the TrueNAS objects
 * (linux-target-plan.ts). Initiators are bound by name only (`--op bind -Q NAME`, never
 * `-I` unless every initiator is allowed): tgt lets a login in when the address ACL *or*
 * the name ACL matches, and tgt-admin adds `-I ALL` when a target has no address line, so
 * a targets.conf with `initiator-name` alone restricts nothing (../shared/reference/iscsi.md).
 *
 * Simplified: tgtd listens where it was started (`--iscsi portal=`, default 0.0.0.0:3260),
 * so the lab's portals and listen_port are not applied; the extents' rpm is not reported;
 * a target that exists is left as it is.
 */
// @sim export tgtadm script | tgt 1.0.x tgtadm(8): --op new --mode target --tid -T; --mode logicalunit --op new -b [--blocksize], --op update --params readonly=1,scsi_sn=; --op bind --mode target -Q NAME | -I ALL; --mode account --op new/bind [--outgoing]
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
import type { ExportFile, ExportOptions } from './bundle-types';
import { linuxTargets, type LinuxLun, type LinuxTarget } from './linux-target-plan';
import { shellLine, shq } from './shell-quote';

const PRELUDE = `#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# The lab's iSCSI targets on a plain Linux machine with tgt (apt install tgt), with the same
# access rules as the TrueNAS objects: initiators are allowed by IQN, CHAP as declared.
# Run as root while tgtd runs. Targets that already exist are left as they are.
# tgtd keeps this configuration in memory only: run the script again after tgtd restarts.
# Environment: ZVOL_DIR (default /dev/zvol) holds the zvols' block devices (a directory of
# files of the same sizes also works); FILE_ROOT is put before FILE extents' paths;
# TGT_CONTROL_PORT picks a tgtd started with --control-port.
set -euo pipefail

ZVOL_DIR="\${ZVOL_DIR:-/dev/zvol}"
FILE_ROOT="\${FILE_ROOT:-}"
tgt=(tgtadm --lld iscsi)
if [[ -n \${TGT_CONTROL_PORT:-} ]]; then
  tgt=(tgtadm --control-port "$TGT_CONTROL_PORT" --lld iscsi)
fi

# has_target TID IQN: whether tgtd already has this target.
has_target() {
  local list
  list="$("\${tgt[@]}" --op show --mode target)"
  grep -qxF "Target $1: $2" <<<"$list"
}

# has_account USER: whether tgtd already has this CHAP account.
has_account() {
  local list
  list="$("\${tgt[@]}" --op show --mode account)"
  grep -qxF "    $1" <<<"$list"
}
`;

/** The backing-store word of a LUN: the zvol's device under $ZVOL_DIR, or the file under $FILE_ROOT. */
export function backingWord(lun: LinuxLun): string {
  return lun.backing.kind === 'zvol' ? `"$ZVOL_DIR"/${shq(lun.backing.name)}` : `"$FILE_ROOT"${shq(lun.backing.path)}`;
}

/** The lines that make one target. */
function targetLines(t: LinuxTarget): string[] {
  const tgt = (...words: (string | number)[]): string => `  "\${tgt[@]}" ${shellLine(...words)}`;
  const lines = [`if has_target ${t.tid} ${shq(t.iqn)}; then`, `  echo ${shq(`target ${t.tid} exists, left as it is: ${t.iqn}`)}`, 'else'];
  lines.push(tgt('--op', 'new', '--mode', 'target', '--tid', t.tid, '-T', t.iqn));
  for (const lun of t.luns) {
    // tgtd's LUN 0 is its own controller, so TrueNAS LUN n is tgt LUN n+1.
    const tgtLun = lun.lunid + 1;
    const size = lun.backing.kind === 'zvol' || lun.backing.size !== null ? ` (${lun.backing.size} bytes)` : '';
    lines.push(`  # TrueNAS LUN ${lun.lunid}${size}`);
    const blocksize = lun.blocksize === 512 ? '' : ` ${shellLine('--blocksize', lun.blocksize)}`;
    lines.push(`${tgt('--op', 'new', '--mode', 'logicalunit', '--tid', t.tid, '--lun', tgtLun)} -b ${backingWord(lun)}${blocksize}`);
    const params = [...(lun.readonly ? ['readonly=1'] : []), ...(lun.serial !== null ? [`scsi_sn=${lun.serial}`] : [])];
    if (params.length > 0) lines.push(tgt('--op', 'update', '--mode', 'logicalunit', '--tid', t.tid, '--lun', tgtLun, '--params', params.join(',')));
  }
  if (t.allowed === 'all') lines.push(tgt('--op', 'bind', '--mode', 'target', '--tid', t.tid, '-I', 'ALL'));
  else if (t.allowed.length === 0) lines.push('  # No initiator is allowed: nothing is bound.');
  else for (const name of t.allowed) lines.push(tgt('--op', 'bind', '--mode', 'target', '--tid', t.tid, '-Q', name));
  if (t.ignored.length > 0) lines.push('  # The initiator groups also list IP addresses: TrueNAS matches names only, so they allow nobody and are not bound.');
  for (const account of t.incoming) lines.push(tgt('--op', 'bind', '--mode', 'account', '--tid', t.tid, '--user', account.user));
  for (const account of t.outgoing) lines.push(`${tgt('--op', 'bind', '--mode', 'account', '--tid', t.tid, '--user', account.user)} --outgoing`);
  lines.push('fi');
  return lines;
}

/** The tgtadm script for one host's iSCSI target. */
export function renderTgtadmScript(host: Host): string {
  const targets = linuxTargets(host);
  const out = [PRELUDE];
  const accounts = new Map<string, string>();
  for (const t of targets) for (const a of [...t.incoming, ...t.outgoing]) if (!accounts.has(a.user)) accounts.set(a.user, a.secret);
  if (accounts.size > 0) {
    out.push('# CHAP accounts (tgtd keeps one list; targets bind them below).');
    for (const [user, secret] of accounts) {
      out.push(`has_account ${shq(user)} || "\${tgt[@]}" ${shellLine('--op', 'new', '--mode', 'account', '--user', user, '--password', secret)}`);
    }
    out.push('');
  }
  for (const t of targets) out.push(...targetLines(t), '');
  out.push(`echo 'tgt targets ready.'`);
  return `${out.join('\n')}\n`;
}

/** The tgtadm script of every host whose lab declares iSCSI targets: `<host>/tgtadm-iscsi.sh`. */
export function tgtadmFiles(lab: Lab, _options: ExportOptions): ExportFile[] {
  return lab.hosts
    .filter((host) => (host.iscsi?.target?.targets.length ?? 0) > 0)
    .map((host) => ({
      path: `${host.name}/tgtadm-iscsi.sh`,
      content: renderTgtadmScript(host),
      executable: true,
      summary: 'Plain Linux target (tgt) instead of TrueNAS: the same targets, LUNs (tgt numbers them from 1), initiator IQNs and CHAP with tgtadm. Run as root on the Linux target host while tgtd runs; ZVOL_DIR chooses where the backing devices are.',
      order: 12,
      host: host.name,
    }));
}
