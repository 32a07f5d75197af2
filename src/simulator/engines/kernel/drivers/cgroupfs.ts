/**
 * cgroup2 at /sys/fs/cgroup: the root cgroup's interface files (cgroup-v2.rst). The
 * per-container cgroups, limits and OOM kills belong to the kernel engine's cgroup work;
 * today the root shows what a fresh host has.
 */
import { registerDriver } from '../driver';
import { syntheticDriver, type SynthTree } from '../synthetic';

registerDriver(
  syntheticDriver(
    'cgroupfs',
    () => {
      const tree: SynthTree = new Map();
      const file = (path: string, text: string, mode = 0o444): void => void tree.set(path, { type: 'file', mode, render: () => text });
      file('/cgroup.controllers', 'cpuset cpu io memory hugetlb pids rdma misc\n');
      file('/cgroup.subtree_control', 'cpuset cpu io memory pids\n', 0o644);
      file('/cgroup.procs', '', 0o644);
      for (const dir of ['init.scope', 'system.slice', 'user.slice']) tree.set(`/${dir}`, { type: 'dir', mode: 0o755 });
      return tree;
    },
    { readOnlyErrno: 'EACCES' },
    (env) => env.world.kernel[env.host]?.bootTime ?? env.world.clock,
  ),
);
