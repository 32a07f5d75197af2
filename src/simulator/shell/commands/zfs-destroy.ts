/**
 * `zfs destroy [-r] [-n] [-v] NAME|DS@SNAP`: refuses a dataset with children or snapshots
 * unless -r, listing them (zfs_main.c zfs_do_destroy, destroy_check_dependent).
 */
// @sim zfs | OpenZFS 2.3 zfs destroy [-rRnv] DATASET|DS@SNAP: "filesystem has children" and "dependent clones" with the list, -r recursive, -R with clones, -n dry run
import type { CommandContext, CommandResult } from '../command-spec';
import { clonesOf } from '../../engines/zfs/clone-ops';
import { descendants, destroyDataset, destroySnapshotByName, findDataset } from '../../engines/zfs/dataset-ops';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs destroy ARGS`. */
export function zfsDestroy(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'dfnpRrv');
  if (!parsed.ok) return zfsUsage('destroy', parsed.message);
  const f = parsed.args.flags;
  const ops = parsed.args.operands;
  if (ops.length === 0) return zfsUsage('destroy', 'missing dataset argument');
  if (ops.length > 1) return zfsUsage('destroy', 'too many arguments');
  const name = ops[0] as string;
  const recursive = f.r !== undefined || f.R !== undefined;
  const host = ctx.host.name;
  if (name.includes('@')) {
    const [ds, snap] = name.split('@') as [string, string];
    const found = findDataset(ctx.world, host, ds);
    if (!found) return { stdout: '', stderr: `could not find any snapshots to destroy; check snapshot names.\n`, exitCode: 1 };
    if (!found.ds.snapshots.some((s) => s.name === snap)) return { stdout: '', stderr: `could not find any snapshots to destroy; check snapshot names.\n`, exitCode: 1 };
    const clones = clonesOf(ctx.world, host, name);
    if (clones.length > 0 && f.R === undefined) return { stdout: '', stderr: [`cannot destroy '${name}': snapshot has dependent clones`, "use '-R' to destroy the following datasets:", ...clones].join('\n') + '\n', exitCode: 1 };
    const out = f.v || f.n ? `${f.n ? 'would destroy' : 'will destroy'} ${name}\n` : '';
    if (!f.n) {
      for (const c of clones) destroyDataset(ctx.world, host, c, true);
      destroySnapshotByName(ctx.world, host, name);
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  const found = findDataset(ctx.world, host, name);
  if (!found) return { stdout: '', stderr: `cannot open '${name}': dataset does not exist\n`, exitCode: 1 };
  if (f.n) {
    if (!recursive && (descendants(found.pool, name).length > 0 || found.ds.snapshots.length > 0)) {
      const r = destroyDataset(ctx.world, host, name, false);
      if (!r.ok) return { stdout: '', stderr: [`cannot destroy '${name}': ${r.error.message}`, ...(r.error.more ?? [])].join('\n') + '\n', exitCode: 1 };
    }
    const list = [...descendants(found.pool, name).flatMap((d) => [...d.snapshots.map((s) => `${d.name}@${s.name}`), d.name]), ...found.ds.snapshots.map((s) => `${name}@${s.name}`), name];
    return { stdout: f.v ? list.map((n) => `would destroy ${n}\n`).join('') : '', stderr: '', exitCode: 0 };
  }
  // zfs_main.c destroy_check_dependent: clones of the snapshots going away need -R.
  const snapshots = [found.ds, ...descendants(found.pool, name)].flatMap((d) => d.snapshots.map((x) => `${d.name}@${x.name}`));
  const clones = snapshots.flatMap((x) => clonesOf(ctx.world, host, x)).filter((c) => c !== name && !c.startsWith(`${name}/`));
  if (clones.length > 0 && f.R === undefined && recursive) return { stdout: '', stderr: [`cannot destroy '${name}': filesystem has dependent clones`, "use '-R' to destroy the following datasets:", ...clones].join('\n') + '\n', exitCode: 1 };
  if (f.R !== undefined) for (const c of clones) destroyDataset(ctx.world, host, c, true);
  const r = destroyDataset(ctx.world, host, name, recursive);
  if (!r.ok) return { stdout: '', stderr: [`cannot destroy '${name}': ${r.error.message}`, ...(r.error.more ?? [])].join('\n') + '\n', exitCode: 1 };
  return { stdout: f.v ? r.value.map((n) => `will destroy ${n}\n`).join('') : '', stderr: '', exitCode: 0 };
}
