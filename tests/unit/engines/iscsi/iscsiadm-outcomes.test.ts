import { describe, expect, it } from 'vitest';
import { boot, out, run } from '../../shell/sim-fixture';
import { labWithZvol } from './lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';
const PVE = 'iqn.1993-08.org.debian:01:e7dd6e7909d';


/** Runs midclt lines on truenas and comes back to pve. */
function onTruenas(s: ReturnType<typeof boot>, lines: string[]): void {
  run(s, 'ssh truenas');
  for (const line of lines) {
    const r = run(s, `midclt call ${line}`);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  run(s, 'exit');
}

/** A target `nextcloud` for pve's IQN; `lun` adds the zvol at LUN 0; `chap` requires CHAP. */
function setUp(opts: { lun?: boolean; chap?: boolean; start?: boolean } = {}) {
  const s = boot({}, labWithZvol());
  const group = opts.chap ? '{"portal":1,"initiator":1,"authmethod":"CHAP","auth":1}' : '{"portal":1,"initiator":1}';
  onTruenas(s, [
    `iscsi.portal.create '{"listen":[{"ip":"192.168.5.142"}]}'`,
    `iscsi.initiator.create '{"initiators":["${PVE}"]}'`,
    ...(opts.chap ? [`iscsi.auth.create '{"tag":1,"user":"pve","secret":"s3cretpassw0rd"}'`] : []),
    `iscsi.target.create '{"name":"nextcloud","groups":[${group}]}'`,
    ...(opts.lun === false ? [] : [`iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`]),
    ...(opts.start === false ? [] : ['service.start iscsitarget']),
  ]);
  return s;
}

const REFUSED = 'iscsiadm: cannot make connection to 192.168.5.142: Connection refused\n'.repeat(6);

describe('iscsiadm discovery outcomes', () => {
  it('service stopped: connection refused six times, then the PDU time-out, status 11', () => {
    const s = setUp({ start: false });
    const before = s.world.clock;
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe(
      `${REFUSED}iscsiadm: connection login retries (reopen_max) 5 exceeded\niscsiadm: Could not perform SendTargets discovery: iSCSI PDU timed out\n[11]`,
    );
    expect(s.world.clock - before).toBeGreaterThanOrEqual(5_000);
  });

  it('wrong port is refused too; an address nobody has is no route to host', () => {
    const s = setUp();
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142:3261')).toContain('Connection refused');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.99')).toContain('iscsiadm: cannot make connection to 192.168.5.99: No route to host\n');
  });

  it('a wrong initiator name finds nothing; missing arguments are the real messages', () => {
    const s = boot({}, labWithZvol());
    onTruenas(s, [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.initiator.create '{"initiators":["iqn.1993-08.org.debian:01:other"]}'`, `iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1,"initiator":1}]}'`, 'service.start iscsitarget']);
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe('iscsiadm: No portals found\n[21]');
    expect(out(s, 'iscsiadm -m discovery -t st')).toBe('iscsiadm: Please specify portal as <ipaddr>[:<ipport>]\n[7]');
    expect(out(s, 'iscsiadm')).toBe("iscsiadm: no mode specified\nTry `iscsiadm --help' for more information.\n[7]");
    expect(out(s, 'iscsiadm -m node -z')).toBe("iscsiadm: invalid option -- 'z'\niscsiadm: unrecognized character 'z'\n[7]");
    expect(out(s, 'iscsiadm -m node')).toBe('iscsiadm: No records found\n[21]');
    expect(out(s, 'iscsiadm -V')).toBe('iscsiadm version 2.1.11\n[0]');
  });
});

describe('iscsiadm login outcomes', () => {
  it('CHAP required: login fails with 24 until the node record has the right secret', () => {
    const s = setUp({ chap: true });
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe(`192.168.5.142:3260,1 ${IQN}\n[0]`);
    expect(out(s, `iscsiadm -m node -T ${IQN} -l`)).toBe(
      `iscsiadm: Could not login to [iface: default, target: ${IQN}, portal: 192.168.5.142,3260].\niscsiadm: initiator reported error (24 - iSCSI login failed due to authorization failure)\niscsiadm: Could not log into all portals\n[24]`,
    );
    for (const [k, v] of [['node.session.auth.authmethod', 'CHAP'], ['node.session.auth.username', 'pve'], ['node.session.auth.password', 's3cretpassw0rd']]) {
      expect(out(s, `iscsiadm -m node -T ${IQN} -p 192.168.5.142 -o update -n ${k} -v ${v}`)).toBe('[0]');
    }
    expect(out(s, `iscsiadm -m node -T ${IQN} -p 192.168.5.142`)).toContain('node.session.auth.authmethod = CHAP\nnode.session.auth.username = pve\nnode.session.auth.password = ********\n');
    expect(out(s, `iscsiadm -m node -T ${IQN} -l`)).toContain('successful.');
  });

  it('a group that no longer admits the initiator refuses the login with 19', () => {
    const s = setUp();
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    onTruenas(s, [`iscsi.initiator.update 1 '{"initiators":["192.168.5.146"]}'`]);
    expect(out(s, `iscsiadm -m node -l`)).toBe(
      `iscsiadm: Could not login to [iface: default, target: ${IQN}, portal: 192.168.5.142,3260].\niscsiadm: initiator reported error (19 - encountered non-retryable iSCSI login failure)\niscsiadm: Could not log into all portals\n[19]`,
    );
  });

  it('a target without an extent logs in and brings no disk', () => {
    const s = setUp({ lun: false });
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    expect(out(s, 'iscsiadm -m node -l')).toContain('successful.');
    expect(s.world.kernel['pve']?.devices.some((d) => d.transport === 'iscsi')).toBe(false);
    expect(out(s, 'iscsiadm -m session -P 3')).toContain('\t\tHost Number: 3\tState: running\n');
  });

  it('-m session -P 3 shows the interface, CHAP, negotiated parameters and the attached disk', () => {
    const s = setUp();
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, 'iscsiadm -m node -l');
    const text = out(s, 'iscsiadm -m session -P 3');
    expect(text.startsWith(`iSCSI Transport Class version 2.0-870\nversion 2.1.11\nTarget: ${IQN} (non-flash)\n\tCurrent Portal: 192.168.5.142:3260,1\n\tPersistent Portal: 192.168.5.142:3260,1\n`)).toBe(true);
    expect(text).toContain(`\t\tIface Initiatorname: ${PVE}\n\t\tIface IPaddress: 192.168.5.146\n`);
    expect(text).toContain('\t\tscsi3 Channel 00 Id 0 Lun: 0\n\t\t\tAttached scsi disk sdb\t\tState: running\n[0]');
    expect(out(s, 'iscsiadm -m session -P 7')).toBe('iscsiadm: Invalid info level 7. Try 0 - 3.\n[7]');
  });

  it('--rescan names each session it rescans (iscsiadm.c rescan_portal); with none, "No session found." and 21', () => {
    const s = setUp();
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    expect(out(s, 'iscsiadm -m session --rescan')).toBe('iscsiadm: No session found.\n[21]');
    run(s, 'iscsiadm -m node -l');
    const line = `Rescanning session [sid: 1, target: ${IQN}, portal: 192.168.5.142,3260]\n`;
    expect(out(s, 'iscsiadm -m session --rescan')).toBe(`${line}[0]`);
    expect(out(s, 'iscsiadm -m session -r 1 -R')).toBe(`${line}[0]`);
    expect(out(s, `iscsiadm -m node -T ${IQN} -p 192.168.5.142 --rescan`)).toBe(`${line}[0]`);
    expect(out(s, 'iscsiadm -m node -T iqn.2005-10.org.freenas.ctl:other --rescan')).toBe('iscsiadm: No session found.\n[21]');
    expect(out(s, 'iscsiadm -m session -r 9 --rescan')).toBe('iscsiadm: Could not get session info for sid 9\n[2]');
  });

  it('a LUN added after the login, or a grown zvol, shows on the initiator only after --rescan', () => {
    const s = setUp();
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, 'iscsiadm -m node -l');
    const disks = () => out(s, 'lsblk -d -n -o NAME,SIZE,TRAN');
    expect(disks()).toBe('sda  500G sata\nsdb    1G iscsi\n[0]');
    run(s, 'ssh truenas');
    run(s, 'zfs create -V 2G tank/second');
    run(s, 'exit');
    onTruenas(s, [`iscsi.extent.create '{"name":"second","disk":"zvol/tank/second"}'`, `iscsi.targetextent.create '{"target":1,"extent":2,"lunid":1}'`]);
    expect(disks()).toBe('sda  500G sata\nsdb    1G iscsi\n[0]');
    run(s, 'iscsiadm -m session --rescan');
    expect(disks()).toBe('sda  500G sata\nsdb    1G iscsi\nsdc    2G iscsi\n[0]');
    expect(out(s, 'iscsiadm -m session -P 3')).toContain('\t\tscsi3 Channel 00 Id 0 Lun: 1\n\t\t\tAttached scsi disk sdc\t\tState: running\n');
    // A zvol grown on the target: the disk keeps its old size until a rescan reads the new one.
    run(s, 'ssh truenas');
    expect(out(s, 'zfs set volsize=3G tank/nextcloud')).toBe('[0]');
    run(s, 'exit');
    expect(disks()).toContain('sdb    1G iscsi\n');
    run(s, 'iscsiadm -m session -r 1 --rescan');
    expect(disks()).toBe('sda  500G sata\nsdb    3G iscsi\nsdc    2G iscsi\n[0]');
  });

  it('deleting a record in use is refused; node.startup automatic is kept for open-iscsi', () => {
    const s = setUp();
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    expect(out(s, `iscsiadm -m node -T ${IQN} -o update -n node.startup -v automatic`)).toBe('[0]');
    expect(out(s, `iscsiadm -m node -T ${IQN}`)).toContain('node.startup = automatic\n');
    run(s, 'iscsiadm -m node -L automatic');
    expect(out(s, `iscsiadm -m node -T ${IQN} -o delete`)).toContain('but a session is using it.');
  });

  it('is not on TrueNAS', () => {
    const s = boot();
    run(s, 'ssh truenas');
    expect(run(s, 'iscsiadm -m session').stderr).toContain('command not found');
  });
});
