import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimState } from '../../../../src/simulator/shell';
import { requireTool } from '../../support/tools';
import { mountinfoOf, writeSysroot } from '../../shell/support/sysroot';
import { boot, run } from '../../../unit/shell/sim-fixture';
import { labWithZvol } from '../../../unit/engines/iscsi/lab-with-zvol';

// util-linux 2.38's lsblk and findmnt over the simulator's own kernel data after an iSCSI
// login, mkfs.ext4 and a mount: the LUN as a SCSI disk with TRAN iscsi and the ext4 mount,
// as the real tools read them from the simulator's /sys, udev properties and mountinfo.

const UTF8 = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
let work = '';
let state: SimState;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hlab-iscsi-lsblk-'));
  state = boot({}, labWithZvol());
  run(state, 'ssh truenas');
  for (const line of [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1}]}'`, `iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`, 'service.start iscsitarget']) run(state, `midclt call ${line}`);
  run(state, 'exit');
  for (const line of ['iscsiadm -m discovery -t st -p 192.168.5.142', 'iscsiadm -m node -l', 'mkfs.ext4 -q /dev/sdb', 'mkdir /mnt/x', 'mount /dev/sdb /mnt/x']) {
    const r = run(state, line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  writeSysroot(state, join(work, 'sysroot'));
  writeFileSync(join(work, 'mountinfo'), mountinfoOf(state));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function real(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { encoding: 'utf8', env: UTF8, argv0: tool.split('/').pop() as string });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status ?? -1 };
}

function sim(line: string) {
  const r = run(state, line);
  return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode };
}

describe('lsblk and findmnt see the LUN and its ext4 mount as the simulator shows them', () => {
  for (const args of ['', '-o NAME,MAJ:MIN,SIZE,TYPE,TRAN,MODEL,FSTYPE,MOUNTPOINT', '-d -o NAME,SIZE,ROTA,LOG-SEC,PHY-SEC,TRAN']) {
    it(`lsblk ${args}`, () => {
      expect(sim(`lsblk ${args}`)).toEqual(real(requireTool('lsblk'), ['--sysroot', join(work, 'sysroot'), ...args.split(' ').filter((a) => a !== '')]));
    });
  }
  for (const args of ['-t ext4', '/mnt/x', '-o TARGET,SOURCE,FSTYPE,OPTIONS /mnt/x']) {
    it(`findmnt ${args}`, () => {
      expect(sim(`findmnt ${args}`)).toEqual(real(requireTool('findmnt'), ['--tab-file', join(work, 'mountinfo'), ...args.split(' ')]));
    });
  }
});
