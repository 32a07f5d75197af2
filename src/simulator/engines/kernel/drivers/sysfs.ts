/**
 * sysfs: /sys/block drawn from the block-device registry (what lsblk reads: size in
 * 512-byte sectors, queue/logical_block_size, rotational, removable, ro, device/model)
 * and the cgroup2 mount point. Files are st_size 4096 in real sysfs; the simulator reports
 * 0 like procfs (only `ls -l` would show the difference).
 */
import { registerDriver } from '../driver';
import { syntheticDriver, type SynthTree } from '../synthetic';

registerDriver(
  syntheticDriver(
    'sysfs',
    (env) => {
      const tree: SynthTree = new Map();
      const k = env.world.kernel[env.host];
      if (!k) return tree;
      const file = (path: string, text: string): void => void tree.set(path, { type: 'file', mode: 0o444, render: () => text, zeroSize: true });
      tree.set('/fs/cgroup', { type: 'dir', mode: 0o555 });
      tree.set('/class/block', { type: 'dir', mode: 0o755 });
      for (const dev of k.devices) {
        const base = dev.type === 'disk' ? `/block/${dev.name}` : `/block/${dev.parent}/${dev.name}`;
        file(`${base}/dev`, `${dev.major}:${dev.minor}\n`);
        file(`${base}/size`, `${Math.floor(dev.size / 512)}\n`);
        file(`${base}/ro`, dev.readOnly ? '1\n' : '0\n');
        tree.set(`/class/block/${dev.name}`, { type: 'symlink', mode: 0o777, target: `../../block/${dev.type === 'disk' ? dev.name : `${dev.parent}/${dev.name}`}` });
        if (dev.type === 'part') {
          file(`${base}/partition`, `${dev.partition}\n`);
          file(`${base}/start`, `${dev.backing.kind === 'partition' ? Math.floor(dev.backing.start / 512) : 0}\n`);
          continue;
        }
        file(`${base}/removable`, dev.removable ? '1\n' : '0\n');
        file(`${base}/queue/logical_block_size`, `${dev.logicalSector}\n`);
        file(`${base}/queue/physical_block_size`, `${dev.physicalSector}\n`);
        file(`${base}/queue/rotational`, dev.rotational ? '1\n' : '0\n');
        if (dev.model) file(`${base}/device/model`, `${dev.model}\n`);
      }
      return tree;
    },
    'EACCES',
    (env) => env.world.kernel[env.host]?.bootTime ?? env.world.clock,
  ),
);
