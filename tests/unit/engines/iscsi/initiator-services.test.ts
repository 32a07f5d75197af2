import { describe, expect, it } from 'vitest';
import { boot, out, run } from '../../shell/sim-fixture';
import { configureTarget, labWithZvol } from './lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';


/** A target that admits only `allowed`, with the zvol at LUN 0, service running. */
function setUp(allowed: string) {
  const s = boot({}, labWithZvol());
  configureTarget(s, [allowed]);
  return s;
}

describe('initiator name and services', () => {
  it('a changed initiator name counts only after systemctl restart iscsid', () => {
    const s = setUp('iqn.1993-08.org.debian:01:newname');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe('iscsiadm: No portals found\n[21]');
    expect(out(s, 'echo InitiatorName=iqn.1993-08.org.debian:01:newname > /etc/iscsi/initiatorname.iscsi')).toBe('[0]');
    expect(out(s, 'cat /etc/iscsi/initiatorname.iscsi')).toBe('InitiatorName=iqn.1993-08.org.debian:01:newname\n[0]');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe('iscsiadm: No portals found\n[21]');
    // The model (and so the exporters) keep the old name until iscsid reads the file.
    expect(s.world.lab.hosts.find((h) => h.name === 'pve')?.iscsi?.initiator?.name).toBe('iqn.1993-08.org.debian:01:e7dd6e7909d');
    expect(out(s, 'systemctl restart iscsid')).toBe('[0]');
    expect(s.world.lab.hosts.find((h) => h.name === 'pve')?.iscsi?.initiator?.name).toBe('iqn.1993-08.org.debian:01:newname');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe(`192.168.5.142:3260,1 ${IQN}\n[0]`);
  });

  it('after systemctl stop iscsid, iscsiadm starts it again through iscsid.socket, which reads the file then', () => {
    const s = setUp('iqn.1993-08.org.debian:01:newname');
    expect(out(s, 'systemctl stop iscsid')).toBe('[0]');
    expect(out(s, 'systemctl is-active iscsid')).toBe('inactive\n[3]');
    run(s, 'echo InitiatorName=iqn.1993-08.org.debian:01:newname > /etc/iscsi/initiatorname.iscsi');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe(`192.168.5.142:3260,1 ${IQN}\n[0]`);
    expect(out(s, 'systemctl is-active iscsid')).toBe('active\n[0]');
  });

  it('the name file is an ordinary root-only file; without a valid InitiatorName line iscsid.service fails (startup-checks.sh)', () => {
    const s = setUp('iqn.1993-08.org.debian:01:e7dd6e7909d');
    expect(out(s, 'ls -l /etc/iscsi/initiatorname.iscsi')).toMatch(/^-rw------- 1 root root 348 /);
    expect(out(s, 'head -n 1 /etc/iscsi/initiatorname.iscsi')).toBe('## DO NOT EDIT OR REMOVE THIS FILE!\n[0]');
    const failed = 'Job for iscsid.service failed because the control process exited with error code.\nSee "systemctl status iscsid.service" and "journalctl -xeu iscsid.service" for details.\n[1]';
    run(s, 'echo InitiatorName= > /etc/iscsi/initiatorname.iscsi');
    expect(out(s, 'systemctl restart iscsid')).toBe(failed);
    expect(out(s, 'systemctl is-active iscsid')).toBe('failed\n[3]');
    expect(run(s, 'systemctl status iscsid').stdout).toMatch(/^× iscsid.service - iSCSI initiator daemon \(iscsid\)\n.*\n     Active: failed \(Result: exit-code\) since /);
    // grep "^InitiatorName=[^ \t\n]" takes \t and \n literally: a name starting with t fails too.
    run(s, 'echo InitiatorName=test > /etc/iscsi/initiatorname.iscsi');
    expect(out(s, 'systemctl start iscsid')).toBe(failed);
    run(s, 'rm /etc/iscsi/initiatorname.iscsi');
    expect(out(s, 'systemctl start iscsid')).toBe(failed);
    // A name that is not an IQN passes the check: iscsid runs with it (the target rejects it); the model keeps its IQN.
    run(s, 'echo InitiatorName=pve > /etc/iscsi/initiatorname.iscsi');
    expect(out(s, 'systemctl start iscsid')).toBe('[0]');
    expect(out(s, 'systemctl is-active iscsid')).toBe('active\n[0]');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe('iscsiadm: No portals found\n[21]');
    expect(s.world.lab.hosts.find((h) => h.name === 'pve')?.iscsi?.initiator?.name).toBe('iqn.1993-08.org.debian:01:e7dd6e7909d');
    run(s, 'echo InitiatorName=iqn.1993-08.org.debian:01:e7dd6e7909d > /etc/iscsi/initiatorname.iscsi');
    expect(out(s, 'systemctl restart iscsid')).toBe('[0]');
    expect(out(s, 'iscsiadm -m discovery -t st -p 192.168.5.142')).toBe(`192.168.5.142:3260,1 ${IQN}\n[0]`);
  });

  it('systemctl status, is-active and unknown units', () => {
    const s = boot();
    expect(out(s, 'systemctl is-active iscsid')).toBe('active\n[0]');
    expect(out(s, 'systemctl stop iscsid')).toBe('[0]');
    expect(out(s, 'systemctl is-active iscsid')).toBe('inactive\n[3]');
    expect(out(s, 'systemctl status iscsid')).toBe(
      '○ iscsid.service - iSCSI initiator daemon (iscsid)\n     Loaded: loaded (/usr/lib/systemd/system/iscsid.service; disabled; preset: enabled)\n     Active: inactive (dead)\nTriggeredBy: ○ iscsid.socket\n       Docs: man:iscsid(8)\n[3]',
    );
    run(s, 'systemctl start iscsid');
    expect(out(s, 'systemctl status iscsid')).toMatch(/^● iscsid.service - iSCSI initiator daemon \(iscsid\)\n.*\n     Active: active \(running\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; \d+s ago\n/);
    expect(out(s, 'systemctl restart nginx')).toBe('Failed to restart nginx.service: Unit nginx.service not found.\n[5]');
    expect(out(s, 'systemctl status nginx')).toBe('Unit nginx.service could not be found.\n[4]');
  });

  it('open-iscsi logs in node.startup=automatic records; stopping it logs out; the LUN has its by-path link', () => {
    const s = setUp('iqn.1993-08.org.debian:01:e7dd6e7909d');
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, `iscsiadm -m node -T ${IQN} -o update -n node.startup -v automatic`);
    expect(out(s, 'systemctl restart open-iscsi')).toBe('[0]');
    expect(out(s, 'iscsiadm -m session')).toBe(`tcp: [1] 192.168.5.142:3260,1 ${IQN} (non-flash)\n[0]`);
    expect(out(s, 'ls /dev/disk/by-path')).toBe(`ip-192.168.5.142:3260-iscsi-${IQN}-lun-0\n[0]`);
    expect(out(s, `readlink /dev/disk/by-path/ip-192.168.5.142:3260-iscsi-${IQN}-lun-0`)).toMatch(/\.\.\/\.\.\/sdb\n\[0\]|command not found/);
    expect(out(s, 'systemctl stop open-iscsi')).toBe('[0]');
    expect(out(s, 'iscsiadm -m session')).toBe('iscsiadm: No active sessions.\n[21]');
  });
});
