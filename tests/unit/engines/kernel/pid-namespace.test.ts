import { describe, expect, it } from 'vitest';
import { createNamespace } from '../../../../src/simulator/engines/kernel/namespaces';
import { processesSeenFrom } from '../../../../src/simulator/engines/kernel/pid-namespace';
import { spawnProcess } from '../../../../src/simulator/engines/kernel/processes';
import { hostView } from '../world-fixture';

describe('PID namespaces', () => {
  it('gives a process a PID in each namespace: PID 1 inside, a high PID outside (NSpid)', () => {
    const { w, vfs } = hostView();
    const k = w.kernel.pve!;
    const pidNs = createNamespace(w, 'pve', 'pid', k.initNs.pid);
    const init = spawnProcess(w, 'pve', { ppid: 1, args: ['/sbin/init'], comm: 'systemd', ns: { pid: pidNs.inum } });
    const child = spawnProcess(w, 'pve', { ppid: init.pid, args: ['/bin/bash'] });
    expect(init.nspid).toEqual([init.pid, 1]);
    expect(child.nspid).toEqual([child.pid, 2]);
    const status = vfs.read(`/proc/${init.pid}/status`);
    expect(status.ok && status.text).toContain(`NSpid:\t${init.pid}\t1\n`);
  });

  it('shows from inside only the processes of the namespace, under their inner PIDs, a parent outside as 0', () => {
    const { w } = hostView();
    const k = w.kernel.pve!;
    const pidNs = createNamespace(w, 'pve', 'pid', k.initNs.pid);
    const init = spawnProcess(w, 'pve', { ppid: 1, args: ['/sbin/init'], comm: 'systemd', ns: { pid: pidNs.inum } });
    spawnProcess(w, 'pve', { ppid: init.pid, args: ['/bin/bash'] });
    const inside = processesSeenFrom(w, 'pve', pidNs.inum);
    expect(inside.map((p) => [p.pid, p.ppid, p.comm])).toEqual([[1, 0, 'systemd'], [2, 1, 'bash']]);
    expect(processesSeenFrom(w, 'pve', k.initNs.pid).some((p) => p.pid === init.pid)).toBe(true);
  });
});
