/**
 * Writes to the raw disks under a pool (`dd if=/dev/urandom of=/dev/sdb seek=N conv=notrunc`):
 * what lands inside a leaf's data area silently damages whatever blocks live there, exactly
 * the corruption a scrub or the next read finds by checksum. The disks' other bytes are not
 * kept (they read as zeros, as before the ZFS engine).
 */
import { registerBlockBackend } from '../kernel/devices';
import { contentLength } from '../kernel/content';
import { VDEV_LABEL_RESERVE } from './capacity';
import { leafHealth } from './faults';
import { zfsHost } from './state';

/** vdev_impl.h VDEV_LABEL_START_SIZE: two labels and the boot area before the data (4 MiB). */
const DATA_START = VDEV_LABEL_RESERVE - 512 * 1024;

registerBlockBackend('disk', {
  read: (_world, _host, _dev, _offset, length) => [{ kind: 'zero', length }],
  write(world, host, dev, offset, data) {
    const length = contentLength(data);
    const devices = world.kernel[host]?.devices ?? [];
    for (const pool of Object.values(zfsHost(world, host).pools)) {
      for (const v of pool.vdevs) {
        for (const leaf of v.leaves) {
          const leafDev = devices.find((d) => d.name === leaf);
          if (!leafDev) continue;
          const start = leafDev.backing.kind === 'partition' && leafDev.backing.of === dev.name ? leafDev.backing.start : leafDev.name === dev.name ? 0 : null;
          if (start === null) continue;
          const from = Math.max(0, offset - start - DATA_START);
          const to = offset + length - start - DATA_START;
          if (to > from) leafHealth(pool, leaf).damaged.push([from, to]);
        }
      }
    }
    return null;
  },
});
