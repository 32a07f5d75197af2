/**
 * `blkid [DEVICE...]`: the filesystem signatures of block devices, as libblkid probes them
 * (here: ext4 superblocks, magic 0xEF53): `DEVICE: [LABEL="..." ]UUID="..." BLOCK_SIZE="4096" TYPE="ext4"`.
 * A device without a signature prints nothing; status 2 when nothing was found.
 */
// @sim blkid | util-linux 2.41 blkid: ext4 LABEL/UUID/BLOCK_SIZE/TYPE tags in that order, status 2 when nothing is found; other signatures (zfs_member, vfat) are not probed
import { probeExt4 } from '../../engines/iscsi';
import type { Command } from '../command-spec';
import { blockDeviceAt } from '../block-device-path';

/** The `blkid` command. */
export const blkid: Command = {
  spec: {
    name: 'blkid',
    summary: 'locate and print block device attributes',
    usage: 'blkid [DEVICE...]',
    description: 'Locate/print block device attributes.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 2,
    imitates: 'util-linux 2.41 blkid',
    simplified: 'only ext4 signatures are probed; no -o/-s/-t/-p options',
  },
  hosts: ['proxmox', 'linux', 'truenas'],
  run(ctx, argv) {
    const devices = argv.length > 0 ? argv : (ctx.world.kernel[ctx.vfs.host]?.devices ?? []).map((d) => `/dev/${d.name}`);
    let out = '';
    for (const path of devices) {
      const dev = blockDeviceAt(ctx, path);
      if (typeof dev === 'string') continue;
      const p = probeExt4(ctx.world, ctx.vfs.host, dev);
      if (!p) continue;
      out += `${path}: ${p.label ? `LABEL="${p.label}" ` : ''}UUID="${p.uuid}" BLOCK_SIZE="4096" TYPE="ext4"\n`;
    }
    return { stdout: out, stderr: '', exitCode: out === '' ? 2 : 0 };
  },
};
