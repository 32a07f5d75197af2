import { describe, expect, it } from 'vitest';
import { createNamespace, idInNamespace, idToHost, INIT_NS_INUM } from '../../../../src/simulator/engines/kernel/namespaces';
import { exitProcess, listProcesses, spawnProcess } from '../../../../src/simulator/engines/kernel/processes';
import { world } from '../world-fixture';

describe('namespaces', () => {
  it('starts every host in the initial namespaces with the kernel\'s inode numbers', () => {
    const w = world();
    const init = listProcesses(w, 'pve')[0];
    expect(init).toMatchObject({ pid: 1, comm: 'systemd', args: ['/sbin/init'] });
    expect(init?.ns).toEqual({ ipc: 4026531839, uts: 4026531838, user: 4026531837, pid: 4026531836, cgroup: 4026531835, time: 4026531834, net: 4026531840, mnt: 4026531841 });
  });

  it('translates IDs through a user namespace\'s map both ways, 65534 when unmapped', () => {
    const w = world();
    const ns = createNamespace(w, 'pve', 'user', INIT_NS_INUM.user);
    ns.uidMap = [{ inside: 0, outside: 100000, count: 65536 }];
    ns.gidMap = [{ inside: 0, outside: 100000, count: 1000 }, { inside: 1000, outside: 1000, count: 1 }];
    const k = w.kernel.pve;
    if (!k) throw new Error('no pve');
    expect(ns.inum).toBe(4026532200);
    expect(idInNamespace(k, ns.inum, 100000, 'uid')).toBe(0);
    expect(idInNamespace(k, ns.inum, 101000, 'uid')).toBe(1000);
    expect(idInNamespace(k, ns.inum, 0, 'uid')).toBe(65534);
    expect(idInNamespace(k, ns.inum, 1000, 'gid')).toBe(1000);
    expect(idInNamespace(k, INIT_NS_INUM.user, 12345, 'uid')).toBe(12345);
    expect(idToHost(k, ns.inum, 0, 'uid')).toBe(100000);
    expect(idToHost(k, ns.inum, 70000, 'uid')).toBeNull();
  });
});

describe('processes', () => {
  it('runs the daemons of each host kind', () => {
    const w = world();
    const comms = (host: string): string[] => listProcesses(w, host).map((p) => p.comm);
    expect(comms('pve')).toEqual(expect.arrayContaining(['systemd', 'kthreadd', 'pmxcfs', 'pvedaemon', 'pveproxy', 'pvestatd', 'sshd']));
    expect(comms('truenas')).toEqual(expect.arrayContaining(['middlewared', 'sshd']));
    expect(comms('truenas')).not.toContain('pmxcfs');
  });

  it('gives PIDs in order and ends a process with its children', () => {
    const w = world();
    const parent = spawnProcess(w, 'pve', { ppid: 1, args: ['/bin/bash'] });
    const child = spawnProcess(w, 'pve', { ppid: parent.pid, args: ['sleep', '100'] });
    expect(child.pid).toBe(parent.pid + 1);
    expect(child.comm).toBe('sleep');
    exitProcess(w, 'pve', parent.pid);
    expect(listProcesses(w, 'pve').some((p) => p.pid === parent.pid || p.pid === child.pid)).toBe(false);
  });
});
