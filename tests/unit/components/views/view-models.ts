/**
 * View models from real simulator states, for the views' tests: the starter lab driven by
 * the commands a reader types (a mirrored pool on truenas with files, a snapshot and a
 * rewrite; a container on pve; the iSCSI target set up through midclt).
 */
import type { SimState } from '../../../../src/simulator/shell';
import { boot, run } from '../../shell/sim-fixture';

/** Runs `lines` and fails loudly when one of them fails. */
export function runAll(s: SimState, lines: string[]): SimState {
  for (const line of lines) {
    const r = run(s, line);
    if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr}`);
  }
  return s;
}

/** On truenas: `tank` (mirror sda sdb), `tank/fs` with a 4-block file and a small one, snapshot @a, then block 1 rewritten. The session stays on truenas. */
export function zfsScenario(): SimState {
  return runAll(boot(), [
    'ssh truenas',
    'zpool create tank mirror sda sdb',
    'zfs create tank/fs',
    'dd if=/dev/urandom of=/mnt/tank/fs/f bs=128K count=4 status=none',
    'echo hello > /mnt/tank/fs/hello.txt',
    'zfs snapshot tank/fs@a',
    'dd if=/dev/urandom of=/mnt/tank/fs/f bs=128K seek=1 count=1 conv=notrunc status=none',
  ]);
}

/** The Debian template the starter lab ships. */
export const TEMPLATE = 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst';

/** On pve: container 101 (`web`) created unprivileged with the default map and started. */
export function containerScenario(): SimState {
  return runAll(boot(), [`pct create 101 ${TEMPLATE} --storage local-zfs --hostname web`, 'pct start 101']);
}

const PVE = 'iqn.1993-08.org.debian:01:e7dd6e7909d';

/** truenas with a pool, a zvol and an iSCSI target whose initiator group lists `initiators` (and CHAP required when `chap`); back on pve. */
export function iscsiScenario(initiators: string[] = [PVE], chap = false): SimState {
  const s = runAll(boot(), ['ssh truenas', 'zpool create tank mirror sda sdb', 'zfs create -V 1G tank/nextcloud']);
  const group = chap ? '{"portal":1,"initiator":1,"authmethod":"CHAP","auth":1}' : '{"portal":1,"initiator":1}';
  for (const call of [
    `iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
    `iscsi.initiator.create '${JSON.stringify({ initiators })}'`,
    ...(chap ? [`iscsi.auth.create '{"tag":1,"user":"pve","secret":"s3cretpassw0rd"}'`] : []),
    `iscsi.target.create '{"name":"nextcloud","groups":[${group}]}'`,
    `iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`,
    `iscsi.targetextent.create '{"target":1,"extent":1}'`,
    'service.start iscsitarget',
  ])
    runAll(s, [`midclt call ${call}`]);
  return runAll(s, ['exit']);
}
