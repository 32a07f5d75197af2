/**
 * `lab`: the lab's own controls, in a namespace no real tool uses — faults to inject into
 * this host's disks: `lab fault corrupt DISK [--offset N] [--length N]` silently damages
 * bytes of a pool's disk (by default every allocated block on it, so the next read or
 * scrub has something to find); `lab fault fail DISK` makes the disk stop answering.
 */
// @sim lab | hlab 0.1 lab controls (no real tool): fault corrupt DISK [--offset N --length N], fault fail DISK (not a real tool)
import type { Command, CommandResult } from '../command-spec';
import { corruptLeaf, failLeaf, leafOnDisk } from '../../engines/zfs/faults';
import { zfsHost } from '../../engines/zfs/state';
import { parseSize } from '../../model/size';

const USAGE = 'usage: lab fault corrupt DISK [--offset BYTES] [--length BYTES]\n       lab fault fail DISK\n';

function usage(message: string): CommandResult {
  return { stdout: '', stderr: `lab: ${message}\n${USAGE}`, exitCode: 2 };
}

/** The `lab` command. */
export const lab: Command = {
  spec: {
    name: 'lab',
    summary: 'inject faults into the lab (not a real tool)',
    usage: 'lab fault corrupt DISK [--offset BYTES] [--length BYTES] | lab fault fail DISK',
    description: "The lab's own controls: damage a disk's bytes silently, or make a disk fail, to watch ZFS detect and heal.\n",
    options: [],
    arguments: 'raw',
    usageStatus: 2,
    imitates: 'hlab lab controls',
    simplified: 'faults on ZFS pool disks of the current host; offsets are in the disk\'s ZFS data area; no power cut yet',
  },
  complete(req) {
    if (req.args.length === 0) return ['fault'].filter((w) => w.startsWith(req.word));
    if (req.args.length === 1) return ['corrupt', 'fail'].filter((w) => w.startsWith(req.word));
    return req.host.disks.map((d) => d.name).filter((n) => n.startsWith(req.word));
  },
  run(ctx, argv) {
    const [group, action, disk, ...rest] = argv;
    if (group !== 'fault' || (action !== 'corrupt' && action !== 'fail')) return usage(group === undefined ? 'missing command' : `unknown command '${[group, action].filter(Boolean).join(' ')}'`);
    if (disk === undefined) return usage('missing disk');
    let offset: number | undefined;
    let length: number | undefined;
    for (let i = 0; i < rest.length; i++) {
      const opt = rest[i] as string;
      const value = rest[i + 1];
      if ((opt === '--offset' || opt === '--length') && action === 'corrupt') {
        const n = value === undefined ? null : parseSize(value);
        if (n === null) return usage(`bad ${opt.slice(2)} '${value ?? ''}'`);
        if (opt === '--offset') offset = n;
        else length = n;
        i++;
      } else return usage(`unknown option '${opt}'`);
    }
    if (!ctx.host.disks.some((d) => d.name === disk)) return { stdout: '', stderr: `lab: no disk '${disk}' on ${ctx.host.name} (disks: ${ctx.host.disks.map((d) => d.name).join(', ')})\n`, exitCode: 1 };
    for (const pool of Object.values(zfsHost(ctx.world, ctx.host.name).pools)) {
      const leaf = leafOnDisk(ctx.world, ctx.host.name, pool, disk);
      if (!leaf) continue;
      if (action === 'fail') {
        failLeaf(pool, leaf);
        return { stdout: `lab: ${disk} (${leaf} in pool ${pool.name}) stopped answering\n`, stderr: '', exitCode: 0 };
      }
      const [from, to] = corruptLeaf(pool, leaf, offset, length);
      return { stdout: `lab: damaged ${to - from} bytes of ${leaf} (pool ${pool.name}) silently\n`, stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `lab: ${disk} is in no ZFS pool on ${ctx.host.name}\n`, exitCode: 1 };
  },
};
