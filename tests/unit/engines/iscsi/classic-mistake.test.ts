import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../../../src/simulator/engines/kernel/devices';
import { materialise } from '../../../../src/simulator/engines/kernel/content';
import { boot, out, run } from '../../shell/sim-fixture';
import { labWithZvol } from './lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';

/** Runs a line and returns stdout, stderr and the status in one string. */

/** TrueNAS set up the handbook's way, with the initiator group given `initiators`. */
function setUp(initiators: string[]) {
  const s = boot({}, labWithZvol());
  run(s, 'ssh truenas');
  for (const line of [
    `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
    `midclt call iscsi.initiator.create '${JSON.stringify({ initiators })}'`,
    `midclt call iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1,"initiator":1}]}'`,
    `midclt call iscsi.extent.create '{"name":"nextcloud","type":"DISK","disk":"zvol/tank/nextcloud"}'`,
    `midclt call iscsi.targetextent.create '{"target":1,"extent":1}'`,
    'midclt call service.start iscsitarget',
  ]) {
    const r = run(s, line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  run(s, 'exit');
  return s;
}

describe('the classic mistake: an IP address in the initiator group', () => {
  it('discovery finds nothing; with the IQN it finds the target, logs in, and sdb is the zvol', () => {
    const s = setUp(['192.168.5.146']);
    expect(out(s, 'iscsiadm -m discovery -t sendtargets -p 192.168.5.142')).toBe('iscsiadm: No portals found\n[21]');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142 -d 5')).toBe(
      'iscsiadm: connected to discovery address 192.168.5.142\niscsiadm: discovery session to 192.168.5.142:3260 received text response, 0 data bytes, ttt 0xffffffff, final 0x80\niscsiadm: No portals found\n[21]',
    );
    // The fix, on TrueNAS: the initiator's name instead of its address.
    run(s, 'ssh truenas');
    expect(out(s, `midclt call iscsi.initiator.update 1 '{"initiators":["iqn.1993-08.org.debian:01:e7dd6e7909d"]}'`)).toBe('{"id": 1, "initiators": ["iqn.1993-08.org.debian:01:e7dd6e7909d"], "comment": ""}\n[0]');
    run(s, 'exit');
    expect(out(s, 'iscsiadm -m discovery -t sendtargets -p 192.168.5.142')).toBe(`192.168.5.142:3260,1 ${IQN}\n[0]`);
    expect(out(s, 'iscsiadm -m node')).toBe(`192.168.5.142:3260,1 ${IQN}\n[0]`);
    expect(out(s, `iscsiadm -m node -T ${IQN} -p 192.168.5.142 --login`)).toBe(`Login to [iface: default, target: ${IQN}, portal: 192.168.5.142,3260] successful.\n[0]`);
    expect(out(s, 'iscsiadm -m session')).toBe(`tcp: [1] 192.168.5.142:3260,1 ${IQN} (non-flash)\n[0]`);
    expect(out(s, 'lsblk -dno NAME,SIZE,TRAN /dev/sdb')).toBe('sdb    1G iscsi\n[0]');
    // Bytes written through the LUN land in the zvol on TrueNAS.
    expect(run(s, 'echo hello-from-pve | dd of=/dev/sdb bs=512 seek=2 conv=notrunc status=none').exitCode).toBe(0);
    const zd = s.world.kernel['truenas']?.devices.find((d) => d.backing.kind === 'zvol' && d.backing.dataset === 'tank/nextcloud');
    expect(zd).toBeDefined();
    const bytes = readBlocks(s.world, 'truenas', zd as never, 1024, 15);
    expect(typeof bytes === 'string' ? bytes : materialise(bytes)).toBe('hello-from-pve\n');
    expect(s.world.lab.hosts.find((h) => h.name === 'pve')?.iscsi?.initiator?.sessions).toEqual([{ portal: '192.168.5.142:3260', target: IQN }]);
    // A filesystem on the LUN, a file in it: its bytes are in the zvol on TrueNAS.
    for (const line of ['mkfs.ext4 -q /dev/sdb', 'mkdir /mnt/nextcloud', 'mount /dev/sdb /mnt/nextcloud', 'echo family photos > /mnt/nextcloud/hello.txt']) expect(run(s, line).exitCode).toBe(0);
    expect(out(s, 'cat /mnt/nextcloud/hello.txt')).toBe('family photos\n[0]');
    const whole = readBlocks(s.world, 'truenas', zd as never, 0, (zd as { size: number }).size);
    expect(typeof whole !== 'string' && whole.some((seg) => seg.kind === 'text' && seg.text.startsWith('family photos\n'))).toBe(true);
    expect(out(s, 'umount /mnt/nextcloud')).toBe('[0]');
    expect(out(s, `iscsiadm -m node -T ${IQN} -p 192.168.5.142 --login`)).toBe('iscsiadm: default: 1 session requested, but 1 already present.\niscsiadm: Could not log into all portals\n[15]');
    expect(out(s, 'iscsiadm -m node -u')).toBe(
      `Logging out of session [sid: 1, target: ${IQN}, portal: 192.168.5.142,3260]\nLogout of [sid: 1, target: ${IQN}, portal: 192.168.5.142,3260] successful.\n[0]`,
    );
    expect(out(s, 'lsblk -dno NAME /dev/sdb')).toBe("lsblk: /dev/sdb: not a block device\n[32]");
    expect(out(s, 'iscsiadm -m session')).toBe('iscsiadm: No active sessions.\n[21]');
  });
});
