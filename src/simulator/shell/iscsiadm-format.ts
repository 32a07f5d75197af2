/**
 * What `iscsiadm` prints, pinned from open-iscsi 2.1.11: node lines (usr/iscsiadm.c
 * print_node_flat: `ADDRESS:PORT,TPGT TARGET`), session lines (usr/session_info.c
 * session_info_print_flat: `tcp: [SID] ADDRESS:PORT,TPGT TARGET (non-flash)`), the -P 1..3
 * session tree (session_info_print_tree, iface.c iface_print, print_iscsi_params,
 * print_scsi_state) and a node record (idbm.c idbm_print, `# BEGIN RECORD 2.1.11`).
 */
import type { InitiatorState, NodeRecord, SessionRecord } from '../engines/iscsi';

/** ISCSI_VERSION_STR of open-iscsi 2.1.11. */
export const OPEN_ISCSI_VERSION = '2.1.11';
/** The kernel's iSCSI transport class version (scsi_transport_iscsi.c ISCSI_TRANSPORT_VERSION). */
const TRANSPORT_CLASS_VERSION = '2.0-870';
/** UNKNOWN_VALUE in open-iscsi. */
const EMPTY = '<empty>';

/** `ADDRESS:PORT,TPGT TARGET` (an IPv6 address in brackets). */
export function nodeLine(r: { address: string; port: number; tpgt: number; target: string }): string {
  const addr = r.address.includes('.') ? r.address : `[${r.address}]`;
  return `${addr}:${r.port},${r.tpgt} ${r.target}\n`;
}

/** `tcp: [SID] ADDRESS:PORT,TPGT TARGET (non-flash)`. */
export function sessionLine(s: SessionRecord): string {
  const addr = s.address.includes('.') ? s.address : `[${s.address}]`;
  return `tcp: [${s.sid}] ${addr}:${s.port},${s.tpgt} ${s.target} (non-flash)\n`;
}

/** The session tree at -P 1, 2 or 3 (print level 3 adds the version header and the SCSI devices). */
export function sessionTree(state: InitiatorState, level: 1 | 2 | 3, ifaceIp: string, chapOf: (s: SessionRecord) => NodeRecord | undefined): string {
  let out = level === 3 ? `iSCSI Transport Class version ${TRANSPORT_CLASS_VERSION}\nversion ${OPEN_ISCSI_VERSION}\n` : '';
  let prev: SessionRecord | undefined;
  for (const s of state.sessions) {
    if (!prev || prev.target !== s.target) {
      out += `Target: ${s.target} (non-flash)\n`;
      prev = undefined;
    }
    if (!prev || prev.address !== s.address || prev.port !== s.port) {
      out += `\tCurrent Portal: ${s.address}:${s.port},${s.tpgt}\n\tPersistent Portal: ${s.address}:${s.port},${s.tpgt}\n`;
    } else out += '\n';
    out += '\t\t**********\n\t\tInterface:\n\t\t**********\n';
    out += `\t\tIface Name: default\n\t\tIface Transport: tcp\n\t\tIface Initiatorname: ${state.loadedName ?? EMPTY}\n\t\tIface IPaddress: ${ifaceIp}\n\t\tIface HWaddress: default\n\t\tIface Netdev: default\n`;
    out += `\t\tSID: ${s.sid}\n\t\tiSCSI Connection State: LOGGED IN\n\t\tiSCSI Session State: LOGGED_IN\n\t\tInternal iscsid Session State: NO CHANGE\n`;
    if (level >= 2) {
      // iscsid.conf defaults: replacement_timeout 120, lu_reset 30, tgt_reset 30, abort 15.
      out += '\t\t*********\n\t\tTimeouts:\n\t\t*********\n\t\tRecovery Timeout: 120\n\t\tTarget Reset Timeout: 30\n\t\tLUN Reset Timeout: 30\n\t\tAbort Timeout: 15\n';
      const rec = chapOf(s);
      const user = rec && rec.authmethod === 'CHAP' && rec.username ? rec.username : EMPTY;
      const userIn = rec && rec.authmethod === 'CHAP' && rec.username_in ? rec.username_in : EMPTY;
      out += `\t\t*****\n\t\tCHAP:\n\t\t*****\n\t\tusername: ${user}\n\t\tpassword: ********\n\t\tusername_in: ${userIn}\n\t\tpassword_in: ********\n`;
      // Negotiated with SCST's defaults (MaxRecvDataSegmentLength 1 MiB, FirstBurstLength 64 KiB, MaxBurstLength 1 MiB).
      out +=
        '\t\t************************\n\t\tNegotiated iSCSI params:\n\t\t************************\n' +
        '\t\tHeaderDigest: None\n\t\tDataDigest: None\n\t\tMaxRecvDataSegmentLength: 262144\n\t\tMaxXmitDataSegmentLength: 1048576\n' +
        '\t\tFirstBurstLength: 65536\n\t\tMaxBurstLength: 1048576\n\t\tImmediateData: Yes\n\t\tInitialR2T: No\n\t\tMaxOutstandingR2T: 1\n';
    }
    if (level === 3) {
      out += '\t\t************************\n\t\tAttached SCSI devices:\n\t\t************************\n';
      out += `\t\tHost Number: ${s.scsiHost}\tState: running\n`;
      for (const d of s.disks) out += `\t\tscsi${s.scsiHost} Channel 00 Id 0 Lun: ${d.lun}\n\t\t\tAttached scsi disk ${d.name}\t\tState: running\n`;
    }
    prev = s;
  }
  return out;
}

/** A node record as `-m node -T T -p P` (`-o show`) prints it: a subset of idbm's keys, in idbm order. */
export function nodeRecordText(r: NodeRecord, discoveredVia: string, show: boolean): string {
  const value = (v: string) => (v === '' ? EMPTY : v);
  const secret = (v: string) => (v === '' ? EMPTY : show ? v : '********');
  return [
    `# BEGIN RECORD ${OPEN_ISCSI_VERSION}`,
    `node.name = ${r.target}`,
    `node.tpgt = ${r.tpgt}`,
    `node.startup = ${r.startup}`,
    'node.leading_login = No',
    'iface.iscsi_ifacename = default',
    `iface.transport_name = tcp`,
    `node.discovery_address = ${discoveredVia}`,
    `node.discovery_port = ${r.port}`,
    'node.discovery_type = send_targets',
    `node.session.auth.authmethod = ${r.authmethod}`,
    `node.session.auth.username = ${value(r.username)}`,
    `node.session.auth.password = ${secret(r.password)}`,
    `node.session.auth.username_in = ${value(r.username_in)}`,
    `node.session.auth.password_in = ${secret(r.password_in)}`,
    'node.session.timeo.replacement_timeout = 120',
    `node.conn[0].address = ${r.address}`,
    `node.conn[0].port = ${r.port}`,
    `node.conn[0].startup = manual`,
    '# END RECORD',
    '',
  ].join('\n');
}
