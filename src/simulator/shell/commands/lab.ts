/**
 * `lab`: the lab's own controls, in a namespace no real tool uses — faults to inject into
 * this host's disks: `lab fault corrupt DISK [--offset N] [--length N]` silently damages
 * bytes of a pool's disk (by default every allocated block on it, so the next read or
 * scrub has something to find); `lab fault fail DISK` makes the disk stop answering;
 * `lab power-cut [HOST]` cuts the power in the middle of a txg. The same controls come as
 * lab actions in a session log (session-replay.ts applies them through labAction).
 */
// @sim lab | hlab 0.1 lab controls (no real tool): fault corrupt DISK [--offset N --length N], fault fail DISK, power-cut [HOST] (pools back at their last synced txg)
import type { Command, CommandResult } from '../command-spec';
import type { World } from '../../engines/world';
import { corruptLeaf, failLeaf, leafOnDisk } from '../../engines/zfs/faults';
import { zfsHost } from '../../engines/zfs/state';
import { powerCut } from '../../engines/zfs/txg-journal';
import { parseSize } from '../../model/size';

const USAGE = 'usage: lab fault corrupt DISK [--offset BYTES] [--length BYTES]\n       lab fault fail DISK\n       lab power-cut [HOST]\n';

function usage(message: string): CommandResult {
  return { stdout: '', stderr: `lab: ${message}\n${USAGE}`, exitCode: 2 };
}

/** `lab power-cut [HOST]`: the host loses power mid-txg; its pools come back at their last synced txg. */
function cutPower(world: World, current: string, args: string[]): CommandResult {
  if (args.length > 1) return usage('too many arguments');
  const host = args[0] ?? current;
  if (!world.lab.hosts.some((h) => h.name === host)) return { stdout: '', stderr: `lab: no host '${host}' in the lab\n`, exitCode: 1 };
  const back = powerCut(world, host, Object.values(zfsHost(world, host).pools));
  const lines = back.map((b) => `lab: ${b.pool} imported at txg ${b.txg}${b.files > 0 ? `; the unsynced changes to ${b.files} file${b.files === 1 ? '' : 's'} and director${b.files === 1 ? 'y' : 'ies'} are gone` : ''}\n`);
  return { stdout: `lab: power cut on ${host}\n${lines.join('')}`, stderr: '', exitCode: 0 };
}

/**
 * Runs the lab control `argv` (`fault corrupt sdb`, `power-cut pve`) on host `hostName`: what
 * the `lab` command does, and what a recorded lab action replays.
 */
export function labAction(world: World, hostName: string, argv: string[]): CommandResult {
  const host = world.lab.hosts.find((h) => h.name === hostName);
  if (!host) return { stdout: '', stderr: `lab: no host '${hostName}' in the lab\n`, exitCode: 1 };
  if (argv[0] === 'power-cut') return cutPower(world, hostName, argv.slice(1));
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
  if (!host.disks.some((d) => d.name === disk)) return { stdout: '', stderr: `lab: no disk '${disk}' on ${host.name} (disks: ${host.disks.map((d) => d.name).join(', ')})\n`, exitCode: 1 };
  for (const pool of Object.values(zfsHost(world, host.name).pools)) {
    const leaf = leafOnDisk(world, host.name, pool, disk);
    if (!leaf) continue;
    if (action === 'fail') {
      failLeaf(pool, leaf);
      return { stdout: `lab: ${disk} (${leaf} in pool ${pool.name}) stopped answering\n`, stderr: '', exitCode: 0 };
    }
    const [from, to] = corruptLeaf(pool, leaf, offset, length);
    return { stdout: `lab: damaged ${to - from} bytes of ${leaf} (pool ${pool.name}) silently\n`, stderr: '', exitCode: 0 };
  }
  return { stdout: '', stderr: `lab: ${disk} is in no ZFS pool on ${host.name}\n`, exitCode: 1 };
}

/** The `lab` command. */
export const lab: Command = {
  spec: {
    name: 'lab',
    summary: 'inject faults into the lab (not a real tool)',
    usage: 'lab fault corrupt DISK [--offset BYTES] [--length BYTES] | lab fault fail DISK | lab power-cut [HOST]',
    description: "The lab's own controls: damage a disk's bytes silently, make a disk fail, or cut the power, to watch ZFS detect, heal and recover.\n",
    options: [],
    arguments: 'raw',
    usageStatus: 2,
    imitates: 'hlab lab controls',
    simplified: "faults on ZFS pool disks of the current host; offsets are in the disk's ZFS data area; a power cut rolls the pools back but does not restart the host's processes",
  },
  complete(req) {
    if (req.args.length === 0) return ['fault', 'power-cut'].filter((w) => w.startsWith(req.word));
    if (req.args[0] === 'power-cut') return req.args.length === 1 ? req.world.lab.hosts.map((h) => h.name).filter((n) => n.startsWith(req.word)) : [];
    if (req.args.length === 1) return ['corrupt', 'fail'].filter((w) => w.startsWith(req.word));
    return req.host.disks.map((d) => d.name).filter((n) => n.startsWith(req.word));
  },
  run(ctx, argv) {
    return labAction(ctx.world, ctx.host.name, argv);
  },
};
