/**
 * The lab's iSCSI targets on a Linux machine with the kernel's LIO target, as a bash script
 * of `targetcli` (targetcli-fb) commands with the same access as the TrueNAS objects
 * (linux-target-plan.ts): block backstores on the zvols (fileio for FILE extents), one
 * target per lab target with its portals, LUNs at TrueNAS's LUN numbers (LIO has no
 * controller LUN), an ACL per allowed initiator IQN — or generated ACLs when every
 * initiator is allowed — and CHAP on the ACLs (or the TPG) as declared; then `saveconfig`.
 *
 * Simplified: no LIO here to run it against (only bash -n and shellcheck prove it); extent
 * serials and rpm are not carried over; one CHAP user per ACL.
 */
// @sim export targetcli script | targetcli-fb 2.1 (targetcli(8)): /backstores/block create name= dev= readonly=, /backstores/fileio create name= file_or_dev= size=, /iscsi create IQN, tpg1/portals create|delete IP PORT, tpg1/luns create STORAGE lun=, tpg1/acls create IQN, set auth userid= password= mutual_userid= mutual_password=, set attribute generate_node_acls authentication block_size, saveconfig
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
import { DEFAULT_ISCSI_PORT } from '../model/iscsi-target';
import type { ExportFile, ExportOptions } from './bundle-types';
import { linuxTargets, type ChapAccount, type LinuxLun, type LinuxTarget } from './linux-target-plan';
import { shellLine, shq } from './shell-quote';

const PRELUDE = `#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# The lab's iSCSI targets on a Linux machine with the kernel's LIO target and targetcli
# (apt install targetcli-fb), with the same access rules as the TrueNAS objects: initiators
# allowed by IQN, CHAP as declared. Run as root. Objects that already exist are kept; the
# configuration is saved (targetcli saveconfig) and restored at boot by rtslib-fb-targetctl.
# Environment: ZVOL_DIR (default /dev/zvol) holds the zvols' block devices; FILE_ROOT is put
# before FILE extents' paths.
set -euo pipefail

ZVOL_DIR="\${ZVOL_DIR:-/dev/zvol}"
FILE_ROOT="\${FILE_ROOT:-}"

# has PATH: whether the targetcli object exists.
has() { targetcli ls "$1" >/dev/null 2>&1; }
`;

/** A backstore name LIO accepts (letters, digits, _ and -), made unique. */
function backstoreNames(targets: readonly LinuxTarget[]): Map<LinuxLun, string> {
  const names = new Map<LinuxLun, string>();
  const used = new Set<string>();
  for (const t of targets) {
    for (const lun of t.luns) {
      const base = lun.extent.replace(/[^A-Za-z0-9_-]/g, '_') || 'lun';
      let name = base;
      for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
      used.add(name);
      names.set(lun, name);
    }
  }
  return names;
}

/** `set auth` words for an account (and its mutual peer). */
function authWords(incoming: ChapAccount, outgoing: ChapAccount | undefined): string[] {
  return [`userid=${incoming.user}`, `password=${incoming.secret}`, ...(outgoing ? [`mutual_userid=${outgoing.user}`, `mutual_password=${outgoing.secret}`] : [])];
}

/** The lines of one backstore. */
function backstoreLines(lun: LinuxLun, name: string): string[] {
  if (lun.backing.kind === 'zvol') {
    const path = `/backstores/block/${name}`;
    const lines = [`has ${shq(path)} || targetcli /backstores/block create ${shellLine(`name=${name}`)} dev="$ZVOL_DIR"/${shq(lun.backing.name)} ${shellLine(`readonly=${lun.readonly}`)}`];
    if (lun.blocksize !== 512) lines.push(`targetcli ${shellLine(path, 'set', 'attribute', `block_size=${lun.blocksize}`)}`);
    return lines;
  }
  const path = `/backstores/fileio/${name}`;
  const size = lun.backing.size === null ? '' : ` ${shellLine(`size=${lun.backing.size}`)}`;
  const lines = [`has ${shq(path)} || targetcli /backstores/fileio create ${shellLine(`name=${name}`)} file_or_dev="$FILE_ROOT"${shq(lun.backing.path)}${size}`];
  if (lun.readonly) lines.push('# fileio backstores have no read-only switch in targetcli: this LUN is writable here.');
  if (lun.blocksize !== 512) lines.push(`targetcli ${shellLine(path, 'set', 'attribute', `block_size=${lun.blocksize}`)}`);
  return lines;
}

/** The listen addresses of the portals a target's groups use, with the lab's port. */
function targetPortals(host: Host, tid: number): string[] {
  const cfg = host.iscsi?.target;
  const target = cfg?.targets[tid - 1];
  if (!cfg || !target) return [];
  const ips = target.groups.flatMap((g) => cfg.portals.find((p) => p.id === g.portal)?.listen.map((l) => l.ip) ?? []);
  return [...new Set(ips)];
}

/** The lines that make one target. */
function targetLines(host: Host, t: LinuxTarget, names: Map<LinuxLun, string>): string[] {
  const tpg = `/iscsi/${t.iqn}/tpg1`;
  const port = host.iscsi?.target?.listen_port ?? DEFAULT_ISCSI_PORT;
  const lines = [`has ${shq(`/iscsi/${t.iqn}`)} || targetcli /iscsi create ${shq(t.iqn)}`];
  const ips = targetPortals(host, t.tid);
  // targetcli-fb adds a 0.0.0.0:3260 portal to a new target (auto_add_default_portal).
  if (!(ips.length === 1 && ips[0] === '0.0.0.0' && port === DEFAULT_ISCSI_PORT)) {
    lines.push(`! has ${shq(`${tpg}/portals/0.0.0.0:${DEFAULT_ISCSI_PORT}`)} || targetcli ${shellLine(`${tpg}/portals`, 'delete', '0.0.0.0', DEFAULT_ISCSI_PORT)}`);
    for (const ip of ips) lines.push(`has ${shq(`${tpg}/portals/${ip.includes(':') ? `[${ip}]` : ip}:${port}`)} || targetcli ${shellLine(`${tpg}/portals`, 'create', ip, port)}`);
  }
  for (const lun of t.luns) {
    const store = `/backstores/${lun.backing.kind === 'zvol' ? 'block' : 'fileio'}/${names.get(lun) ?? ''}`;
    lines.push(`has ${shq(`${tpg}/luns/lun${lun.lunid}`)} || targetcli ${shellLine(`${tpg}/luns`, 'create', store, `lun=${lun.lunid}`)}`);
  }
  const [incoming] = t.incoming;
  const [outgoing] = t.outgoing;
  if (t.incoming.length > 1) lines.push('# LIO takes one CHAP user per ACL: the first of the declared users is used.');
  if (t.allowed === 'all') {
    // Every initiator: generated ACLs (demo mode), CHAP on the TPG when declared.
    lines.push(`targetcli ${shellLine(tpg, 'set', 'attribute', 'generate_node_acls=1', 'cache_dynamic_acls=1', 'demo_mode_write_protect=0', `authentication=${incoming ? 1 : 0}`)}`);
    if (incoming) lines.push(`targetcli ${shellLine(tpg, 'set', 'auth', ...authWords(incoming, outgoing))}`);
  } else {
    lines.push(`targetcli ${shellLine(tpg, 'set', 'attribute', 'generate_node_acls=0', `authentication=${incoming ? 1 : 0}`)}`);
    if (t.allowed.length === 0) lines.push('# No initiator is allowed: no ACL is created.');
    for (const name of t.allowed) {
      lines.push(`has ${shq(`${tpg}/acls/${name}`)} || targetcli ${shellLine(`${tpg}/acls`, 'create', name)}`);
      if (incoming) lines.push(`targetcli ${shellLine(`${tpg}/acls/${name}`, 'set', 'auth', ...authWords(incoming, outgoing))}`);
    }
  }
  if (t.ignored.length > 0) lines.push('# The initiator groups also list IP addresses: TrueNAS matches names only, so they allow nobody and get no ACL.');
  return lines;
}

/** The targetcli script for one host's iSCSI target. */
export function renderTargetcliScript(host: Host): string {
  const targets = linuxTargets(host);
  const names = backstoreNames(targets);
  const out = [PRELUDE];
  const stores = targets.flatMap((t) => t.luns.flatMap((lun) => backstoreLines(lun, names.get(lun) ?? '')));
  if (stores.length > 0) out.push('# Backstores', ...stores, '');
  for (const t of targets) out.push(`# Target ${t.tid}`, ...targetLines(host, t, names), '');
  out.push('targetcli saveconfig', `echo 'LIO targets ready.'`);
  return `${out.join('\n')}\n`;
}

/** The targetcli script of every host whose lab declares iSCSI targets: `<host>/targetcli-iscsi.sh`. */
export function targetcliFiles(lab: Lab, _options: ExportOptions): ExportFile[] {
  return lab.hosts
    .filter((host) => (host.iscsi?.target?.targets.length ?? 0) > 0)
    .map((host) => ({
      path: `${host.name}/targetcli-iscsi.sh`,
      content: renderTargetcliScript(host),
      executable: true,
      summary: 'Plain Linux target (LIO) instead of TrueNAS: the same targets, LUNs, initiator IQNs and CHAP with targetcli, saved with saveconfig. Run as root on the Linux target host; ZVOL_DIR chooses where the backing devices are.',
      order: 13,
      host: host.name,
    }));
}
