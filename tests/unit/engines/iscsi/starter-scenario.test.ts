/**
 * The handbook's iSCSI walk-through from the starter lab with real commands only: the pool
 * and the zvol through TrueNAS's middleware (`pool.create`, `pool.dataset.create`), the
 * iSCSI objects, the service; then every outcome the handbook names, as the reader meets it.
 */
import { describe, expect, it } from 'vitest';
import { materialise } from '../../../../src/simulator/engines/kernel/content';
import { readBlocks } from '../../../../src/simulator/engines/kernel/devices';
import { parseLab, type Lab } from '../../../../src/simulator/model';
import { boot, out, run, starterLab } from '../../shell/sim-fixture';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';
const PVE = 'iqn.1993-08.org.debian:01:e7dd6e7909d';
const PVE2 = 'iqn.1993-08.org.debian:01:5d3c9a1b2f4';
const PORTAL = '192.168.5.142';
const LOGIN_OK = `Login to [iface: default, target: ${IQN}, portal: ${PORTAL},3260] successful.\n[0]`;

/** Runs a line and returns stdout, stderr and the status in one string. */

/** Runs lines on truenas (each must succeed) and comes back. */
function onTruenas(s: ReturnType<typeof boot>, lines: string[]): string[] {
  run(s, 'ssh truenas');
  const outs = lines.map((line) => {
    const r = run(s, line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
    return r.stdout;
  });
  run(s, 'exit');
  return outs;
}

interface Setup {
  /** The initiator group's list. */
  initiators?: string[];
  /** The target's groups (default: portal 1 with initiator group 1). */
  groups?: string;
  lun?: boolean;
  start?: boolean;
  chap?: boolean;
  lab?: Lab;
}

/** From a bare TrueNAS: a mirror pool, a 1 GiB sparse zvol, then the handbook's setup order. */
function setUp(o: Setup = {}) {
  const s = boot({}, o.lab ?? starterLab);
  const group = o.groups ?? (o.chap ? '{"portal":1,"initiator":1,"authmethod":"CHAP","auth":1}' : '{"portal":1,"initiator":1}');
  onTruenas(s, [
    `midclt call -j pool.create '{"name":"tank","topology":{"data":[{"type":"MIRROR","disks":["sda","sdb"]}]}}'`,
    `midclt call pool.dataset.create '{"name":"tank/nextcloud","type":"VOLUME","volsize":1073741824,"volblocksize":"16K","sparse":true}'`,
    `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
    `midclt call iscsi.initiator.create '${JSON.stringify({ initiators: o.initiators ?? [PVE] })}'`,
    ...(o.chap ? [`midclt call iscsi.auth.create '{"tag":1,"user":"pve","secret":"s3cretpassw0rd"}'`] : []),
    `midclt call iscsi.target.create '{"name":"nextcloud","groups":[${group}]}'`,
    ...(o.lun === false ? [] : [`midclt call iscsi.extent.create '{"name":"nextcloud","type":"DISK","disk":"zvol/tank/nextcloud"}'`, `midclt call iscsi.targetextent.create '{"target":1,"extent":1}'`]),
    ...(o.start === false ? [] : ['midclt call service.start iscsitarget']),
  ]);
  return s;
}

/** The zvol's block device on truenas. */
function zvolDev(s: ReturnType<typeof boot>) {
  const zd = s.world.kernel['truenas']?.devices.find((d) => d.backing.kind === 'zvol' && d.backing.dataset === 'tank/nextcloud');
  if (!zd) throw new Error('no zvol device');
  return zd;
}

describe('the starter lab, end to end with real commands', () => {
  it('classic mistake, fix, discovery, login, sdb, ext4, a file whose bytes are in the zvol', () => {
    const s = setUp({ initiators: ['192.168.5.146'] });
    // The middleware built real things: the pool over sda+sdb and /dev/zd0.
    run(s, 'ssh truenas');
    expect(out(s, 'zpool list -H -o name,health')).toBe('boot-pool\tONLINE\ntank\tONLINE\n[0]');
    expect(out(s, 'zfs list -H -o name,volsize,refreservation tank/nextcloud')).toBe('tank/nextcloud\t1G\tnone\n[0]');
    expect(out(s, 'ls -l /dev/zvol/tank/nextcloud')).toMatch(/-> \.\.\/\.\.\/zd0\n\[0\]$/);
    run(s, 'exit');
    expect(out(s, `iscsiadm -m discovery -t sendtargets -p ${PORTAL}`)).toBe('iscsiadm: No portals found\n[21]');
    onTruenas(s, [`midclt call iscsi.initiator.update 1 '{"initiators":["${PVE}"]}'`]);
    expect(out(s, `iscsiadm -m discovery -t sendtargets -p ${PORTAL}`)).toBe(`${PORTAL}:3260,1 ${IQN}\n[0]`);
    expect(out(s, `iscsiadm -m node -T ${IQN} -p ${PORTAL} --login`)).toBe(LOGIN_OK);
    expect(out(s, 'lsblk -dno NAME,SIZE,TRAN /dev/sdb')).toBe('sdb    1G iscsi\n[0]');
    for (const line of ['mkfs.ext4 -q /dev/sdb', 'mkdir /mnt/nextcloud', 'mount /dev/sdb /mnt/nextcloud', 'echo family photos > /mnt/nextcloud/hello.txt', 'umount /mnt/nextcloud']) expect(out(s, line)).toBe('[0]');
    const zd = zvolDev(s);
    const bytes = readBlocks(s.world, 'truenas', zd, 0, zd.size);
    expect(typeof bytes !== 'string' && bytes.some((seg) => seg.kind === 'text' && seg.text.startsWith('family photos\n'))).toBe(true);
    // The sparse zvol now holds data: its USED grew on TrueNAS.
    run(s, 'ssh truenas');
    expect(run(s, 'zfs get -Hp -o value used tank/nextcloud').stdout.trim()).not.toBe('0');
    expect(out(s, `midclt call pool.dataset.query '[["id","=","tank/nextcloud"]]' '{"get":true,"select":["id","type"]}'`)).toBe('{"id": "tank/nextcloud", "type": "VOLUME"}\n[0]');
  });

  it('a wrong initiator name: No portals found, until the group names the initiator', () => {
    const s = setUp({ initiators: ['iqn.1993-08.org.debian:01:typo'] });
    expect(out(s, `iscsiadm -m discovery -t st -p ${PORTAL}`)).toBe('iscsiadm: No portals found\n[21]');
  });

  it('no group for the portal: the target is offered on no portal', () => {
    const s = setUp({ groups: '' });
    expect(out(s, `iscsiadm -m discovery -t st -p ${PORTAL}`)).toBe('iscsiadm: No portals found\n[21]');
  });

  it('service stopped, wrong port: connection refused (11); wrong address: no route to host', () => {
    const refused = `${`iscsiadm: cannot make connection to ${PORTAL}: Connection refused\n`.repeat(6)}iscsiadm: connection login retries (reopen_max) 5 exceeded\niscsiadm: Could not perform SendTargets discovery: iSCSI PDU timed out\n[11]`;
    const stopped = setUp({ start: false });
    expect(out(stopped, `iscsiadm -m discovery -t st -p ${PORTAL}`)).toBe(refused);
    const s = setUp();
    expect(out(s, `iscsiadm -m discovery -t st -p ${PORTAL}:3261`)).toBe(refused);
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.99')).toContain('iscsiadm: cannot make connection to 192.168.5.99: No route to host\n');
  });

  it('CHAP mismatch: login fails with 24; the right secret logs in', () => {
    const s = setUp({ chap: true });
    expect(out(s, `iscsiadm -m discovery -t st -p ${PORTAL}`)).toBe(`${PORTAL}:3260,1 ${IQN}\n[0]`);
    for (const [k, v] of [['node.session.auth.authmethod', 'CHAP'], ['node.session.auth.username', 'pve'], ['node.session.auth.password', 'wrongpassword']]) expect(out(s, `iscsiadm -m node -T ${IQN} -o update -n ${k} -v ${v}`)).toBe('[0]');
    expect(out(s, `iscsiadm -m node -T ${IQN} --login`)).toBe(
      `iscsiadm: Could not login to [iface: default, target: ${IQN}, portal: ${PORTAL},3260].\niscsiadm: initiator reported error (24 - iSCSI login failed due to authorization failure)\niscsiadm: Could not log into all portals\n[24]`,
    );
    expect(out(s, `iscsiadm -m node -T ${IQN} -o update -n node.session.auth.password -v s3cretpassw0rd`)).toBe('[0]');
    expect(out(s, `iscsiadm -m node -T ${IQN} --login`)).toBe(LOGIN_OK);
  });

  it('a target with no extent: login works and no disk appears', () => {
    const s = setUp({ lun: false });
    run(s, `iscsiadm -m discovery -t st -p ${PORTAL}`);
    expect(out(s, `iscsiadm -m node -T ${IQN} --login`)).toBe(LOGIN_OK);
    expect(out(s, 'lsblk -dno NAME')).toBe('sda\n[0]');
  });

  it('one LUN shared by two initiators: both log in and see the same bytes', () => {
    const raw = JSON.parse(JSON.stringify(starterLab)) as { hosts: Record<string, unknown>[] };
    const pve2 = JSON.parse(JSON.stringify(raw.hosts.find((h) => h['name'] === 'pve'))) as Record<string, unknown>;
    Object.assign(pve2, { name: 'pve2', interfaces: [{ name: 'vmbr0', addresses: ['192.168.5.147/24'], gateway: '192.168.5.1' }], iscsi: { initiator: { name: PVE2 } } });
    delete pve2['hostname'];
    raw.hosts.push(pve2);
    const parsed = parseLab(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 2)));
    const s = setUp({ initiators: [PVE, PVE2], lab: parsed.lab });
    for (const host of ['pve', 'pve2']) {
      const prefix = host === 'pve' ? '' : 'ssh pve2 ';
      expect(out(s, `${prefix}iscsiadm -m discovery -t st -p ${PORTAL}`)).toBe(`${PORTAL}:3260,1 ${IQN}\n[0]`);
      expect(out(s, `${prefix}iscsiadm -m node -T ${IQN} --login`)).toBe(LOGIN_OK);
    }
    expect(run(s, 'echo from-pve | dd of=/dev/sdb bs=512 seek=4 conv=notrunc status=none').exitCode).toBe(0);
    expect(out(s, 'ssh pve2 dd if=/dev/sdb bs=512 skip=4 count=1 status=none | head -n 1')).toBe('from-pve\n[0]');
    const zd = zvolDev(s);
    const bytes = readBlocks(s.world, 'truenas', zd, 2048, 9);
    expect(typeof bytes === 'string' ? bytes : materialise(bytes)).toBe('from-pve\n');
  });
});
