import { describe, expect, it } from 'vitest';
import { connect, listen, unlisten } from '../../../../src/simulator/engines/net/connect';
import { everyFieldLab, world } from '../world-fixture';
import { boot, run } from '../../shell/sim-fixture';

describe('connect', () => {
  it('reaches a listening socket, and is refused where nothing listens', () => {
    const w = world();
    expect(connect(w, 'pve', '192.168.5.142', 22)).toMatchObject({ ok: true, ms: 0, socket: { owner: 'sshd', port: 22 } });
    expect(connect(w, 'pve', '192.168.5.142', 3260)).toEqual({ ok: false, errno: 'ECONNREFUSED', ms: 0 });
    listen(w, 'truenas', { address: '192.168.5.142', port: 3260, owner: 'iscsi-scstd' });
    expect(connect(w, 'pve', '192.168.5.142', 3260).ok).toBe(true);
    unlisten(w, 'truenas', 3260);
    expect(connect(w, 'pve', '192.168.5.142', 3260).ok).toBe(false);
  });

  it('waits for ARP on the local subnet, for the SYN retries beyond the gateway, and fails at once without a route', () => {
    const w = world();
    expect(connect(w, 'pve', '192.168.5.99', 22)).toEqual({ ok: false, errno: 'EHOSTUNREACH', ms: 3000 });
    expect(connect(w, 'pve', '10.9.9.9', 22)).toEqual({ ok: false, errno: 'ETIMEDOUT', ms: 127000 });
    const noGateway = structuredClone(everyFieldLab);
    for (const h of noGateway.hosts) for (const i of h.interfaces) delete i.gateway;
    expect(connect(world(noGateway), 'pve', '10.9.9.9', 22)).toEqual({ ok: false, errno: 'ENETUNREACH', ms: 0 });
  });

  it('is what ssh goes through: the real messages, and the clock moves by the wait', () => {
    const state = boot();
    const before = state.world.clock;
    expect(run(state, 'ssh 192.168.5.99')).toMatchObject({ stderr: 'ssh: connect to host 192.168.5.99 port 22: No route to host\n', exitCode: 255 });
    // One second for the typed line, three for ARP.
    expect(state.world.clock - before).toBe(4000);
    expect(run(state, 'ssh -p 2222 truenas').stderr).toBe('ssh: connect to host truenas port 2222: Connection refused\n');
    expect(run(state, 'ssh -p x truenas').stderr).toBe("Bad port 'x'\n");
  });
});
