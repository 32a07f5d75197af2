import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../../../src/simulator/model';
import { boot, out, run } from '../../shell/sim-fixture';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';
const seedPath = fileURLToPath(new URL('../../../../src/content/labs/seed-000-r630-truenas-iscsi.yaml', import.meta.url));


describe('a lab that declares a working iSCSI setup', () => {
  const parsed = parseLab(readFileSync(seedPath, 'utf8'), { filename: seedPath });
  if (!parsed.ok) throw new Error('seed lab invalid');
  const lab = parsed.lab;

  it('boots with the target service running and the session logged in: sdb is there', () => {
    const s = boot({}, lab);
    expect(out(s, 'iscsiadm -m session')).toBe(`tcp: [1] 192.168.5.142:3260,1 ${IQN} (non-flash)\n[0]`);
    const lun = s.world.kernel['pve']?.devices.find((d) => d.transport === 'iscsi');
    expect(lun?.backing).toEqual({ kind: 'iscsi', target: IQN, portal: '192.168.5.142:3260', lun: 0 });
    expect(out(s, `lsblk -dno TRAN /dev/${lun?.name}`)).toBe('iscsi\n[0]');
    expect(run(s, 'ssh truenas midclt call service.started iscsitarget').stdout).toBe('True\n');
    run(s, 'ssh truenas');
    expect(run(s, `midclt call iscsi.global.sessions '[]' '{"select":["initiator","initiator_addr","target","target_alias"]}'`).stdout).toBe(
      `[{"initiator": "iqn.1993-08.org.debian:01:e7dd6e7909d", "initiator_addr": "192.168.5.146", "target": "${IQN}", "target_alias": "Nextcloud data"}]\n`,
    );
  });

  it('TrueNAS refuses to delete a target in use unless forced; the initiator then gets I/O errors', () => {
    const s = boot({}, lab);
    run(s, 'ssh truenas');
    expect(out(s, 'midclt call iscsi.target.delete 1')).toBe('[EFAULT] Target nextcloud is in use.\n[1]');
    expect(out(s, 'midclt call iscsi.target.delete 1 true')).toBe('True\n[0]');
    run(s, 'exit');
    const lun = s.world.kernel['pve']?.devices.find((d) => d.transport === 'iscsi');
    expect(run(s, `dd if=/dev/zero of=/dev/${lun?.name} bs=512 count=1 status=none`).stderr).toContain('Input/output error');
  });
});
