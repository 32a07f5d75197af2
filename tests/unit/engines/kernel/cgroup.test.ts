import { describe, expect, it } from 'vitest';
import { chargeMemory, createCgroup, forkProcess } from '../../../../src/simulator/engines/kernel/cgroup';
import { spawnProcess } from '../../../../src/simulator/engines/kernel/processes';
import { hostView } from '../world-fixture';

const MiB = 1024 * 1024;

describe('cgroup v2', () => {
  it('OOM-kills the biggest process past memory.max and counts it in memory.events', () => {
    const { w, vfs } = hostView();
    createCgroup(w, 'pve', '/lxc/101', { memoryMax: 512 * MiB, memoryHigh: 496 * MiB, pidsMax: 10 });
    const init = spawnProcess(w, 'pve', { ppid: 1, args: ['/sbin/init'], cgroup: '/lxc/101', rss: 10000, vsz: 20000 });
    const hog = spawnProcess(w, 'pve', { ppid: init.pid, args: ['stress-ng-vm'], rss: 1000, vsz: 2000 });
    expect(chargeMemory(w, 'pve', hog.pid, 400 * 1024).killed).toBeNull();
    const r = chargeMemory(w, 'pve', hog.pid, 200 * 1024);
    expect(r.killed?.pid).toBe(hog.pid);
    expect(w.kernel.pve!.processes[String(hog.pid)]).toBeUndefined();
    const events = vfs.read('/sys/fs/cgroup/lxc/101/memory.events');
    expect(events.ok && events.text).toContain('oom 1\noom_kill 1\n');
    expect(w.kernel.pve!.log?.at(-1)?.text).toMatch(new RegExp(`^Memory cgroup out of memory: Killed process ${hog.pid} \\(stress-ng-vm\\) total-vm:`));
    const max = vfs.read('/sys/fs/cgroup/lxc/101/memory.max');
    expect(max.ok && max.text).toBe(`${512 * MiB}\n`);
  });

  it('refuses a fork past pids.max with EAGAIN', () => {
    const { w, vfs } = hostView();
    createCgroup(w, 'pve', '/lxc/102', { pidsMax: 2 });
    const init = spawnProcess(w, 'pve', { ppid: 1, args: ['/sbin/init'], cgroup: '/lxc/102' });
    expect(forkProcess(w, 'pve', { ppid: init.pid, args: ['sh'] })).not.toBe('EAGAIN');
    expect(forkProcess(w, 'pve', { ppid: init.pid, args: ['sh'] })).toBe('EAGAIN');
    const events = vfs.read('/sys/fs/cgroup/lxc/102/pids.events');
    expect(events.ok && events.text).toBe('max 1\n');
    const procs = vfs.read('/sys/fs/cgroup/lxc/102/cgroup.procs');
    expect(procs.ok && procs.text.split('\n').length).toBe(3);
  });
});
