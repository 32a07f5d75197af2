import { describe, expect, it } from 'vitest';
import { completions } from '../../../../src/simulator/shell';
import { boot, run } from '../../shell/sim-fixture';

describe('completion of iSCSI commands', () => {
  it('midclt: subcommands and method names', () => {
    const s = boot();
    run(s, 'ssh truenas');
    expect(completions(s, 'midclt c').candidates).toEqual(['call']);
    expect(completions(s, 'midclt call iscsi.portal.c').candidates).toEqual(['iscsi.portal.create']);
    expect(completions(s, 'midclt call service.st').candidates).toEqual(['service.start', 'service.started', 'service.stop']);
  });

  it('iscsiadm: modes, types, portals of the lab and discovered IQNs', () => {
    const s = boot();
    expect(completions(s, 'iscsiadm -m d').candidates).toEqual(['discovery', 'discoverydb']);
    expect(completions(s, 'iscsiadm -m discovery -t s').candidates).toEqual(['sendtargets', 'st']);
    expect(completions(s, 'iscsiadm -m discovery -t st -p 192').candidates).toEqual(['192.168.5.142']);
    run(s, 'ssh truenas');
    for (const line of [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1}]}'`, 'service.start iscsitarget']) run(s, `midclt call ${line}`);
    run(s, 'exit');
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    expect(completions(s, 'iscsiadm -m node -T iqn.2005').candidates).toEqual(['iqn.2005-10.org.freenas.ctl:nextcloud']);
  });
});
