/**
 * `zfs destroy [-r] [-n] [-v] NAME|DS@SNAP`: refuses a dataset with children or snapshots
 * unless -r, listing them (zfs_main.c zfs_do_destroy, destroy_check_dependent).
 */
// @sim zfs | OpenZFS 2.3 zfs destroy [-rRnvp] DATASET|DS@SNAPSPEC (names, FIRST%LAST ranges, would/will reclaim): "filesystem has children" and "dependent clones" with the list, -r recursive, -R with clones, -n dry run
import type { CommandContext, CommandResult } from '../command-spec';
import { clonesOf } from '../../engines/zfs/clone-ops';
import { descendants, destroyDataset, destroySnapshotByName, findDataset } from '../../engines/zfs/dataset-ops';
import { snapshotRangeUsed } from '../../engines/zfs/space';
import { parseZfsArgs } from '../zfs-args';
import { nicebytes } from '../zfs-format';
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
  if (name.includes('@')) return destroySnapshots(ctx, name, f);
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

/**
 * The snapshots a snapspec names (zfs_iter_snapspec): comma-separated names and ranges
 * `FIRST%LAST` (either end may be left out), oldest first; unknown names match nothing.
 */
export function snapspecMatches(snapshots: readonly { name: string }[], spec: string): number[] {
  const chosen = new Set<number>();
  for (const part of spec.split(',')) {
    const pct = part.indexOf('%');
    if (pct < 0) {
      const i = snapshots.findIndex((s) => s.name === part);
      if (i >= 0) chosen.add(i);
      continue;
    }
    const from = part.slice(0, pct) === '' ? 0 : snapshots.findIndex((s) => s.name === part.slice(0, pct));
    const to = part.slice(pct + 1) === '' ? snapshots.length - 1 : snapshots.findIndex((s) => s.name === part.slice(pct + 1));
    if (from < 0 || to < 0) continue;
    for (let i = from; i <= to; i++) chosen.add(i);
  }
  return [...chosen].sort((x, y) => x - y);
}

/**
 * `zfs destroy [-nvpRr] DS@SNAPSPEC` (zfs_main.c zfs_do_destroy, gather_snapshots,
 * destroy_print_snapshots): the snapshots the spec names (with -r in every descendant too),
 * each "would/will destroy" line with -v, then the space freed ("would reclaim 4.00M";
 * -p: "destroy\tNAME", "reclaim\tBYTES"), summed over runs of adjacent snapshots.
 */
function destroySnapshots(ctx: CommandContext, name: string, f: Record<string, string[]>): CommandResult {
  const host = ctx.host.name;
  const at = name.indexOf('@');
  const dsName = name.slice(0, at);
  const spec = name.slice(at + 1);
  const found = findDataset(ctx.world, host, dsName);
  if (!found) return { stdout: '', stderr: `cannot open '${dsName}': dataset does not exist\n`, exitCode: 1 };
  const datasets = [found.ds, ...(f.r !== undefined || f.R !== undefined ? descendants(found.pool, dsName) : [])];
  const picked = datasets.map((ds) => ({ ds, indexes: snapspecMatches(ds.snapshots, spec) })).filter((p) => p.indexes.length > 0);
  const names = picked.flatMap((p) => p.indexes.map((i) => `${p.ds.name}@${p.ds.snapshots[i]?.name}`));
  // destroy_check_dependent: a snapshot with clones needs -R.
  if (f.R === undefined) {
    for (const snap of names) {
      const clones = clonesOf(ctx.world, host, snap);
      if (clones.length > 0) return { stdout: '', stderr: [`cannot destroy '${snap}': snapshot has dependent clones`, "use '-R' to destroy the following datasets:", ...clones].join('\n') + '\n', exitCode: 1 };
    }
  }
  if (names.length === 0) return { stdout: '', stderr: 'could not find any snapshots to destroy; check snapshot names.\n', exitCode: 1 };
  const dry = f.n !== undefined;
  const parsable = f.p !== undefined;
  let stdout = '';
  if (f.v !== undefined) {
    let reclaim = 0;
    for (const { ds, indexes } of picked) {
      for (const i of indexes) stdout += parsable ? `destroy\t${ds.name}@${ds.snapshots[i]?.name}\n` : `${dry ? 'would' : 'will'} destroy ${ds.name}@${ds.snapshots[i]?.name}\n`;
      // lzc_snaprange_space over each run of adjacent snapshots.
      for (let k = 0; k < indexes.length; ) {
        let j = k;
        while (j + 1 < indexes.length && (indexes[j + 1] as number) === (indexes[j] as number) + 1) j++;
        reclaim += snapshotRangeUsed(found.pool, ds, indexes[k] as number, indexes[j] as number);
        k = j + 1;
      }
    }
    stdout += parsable ? `reclaim\t${reclaim}\n` : `${dry ? 'would' : 'will'} reclaim ${nicebytes(reclaim)}\n`;
  }
  if (!dry) {
    for (const snap of names) {
      if (f.R !== undefined) for (const c of clonesOf(ctx.world, host, snap)) destroyDataset(ctx.world, host, c, true);
      destroySnapshotByName(ctx.world, host, snap);
    }
  }
  return { stdout, stderr: '', exitCode: 0 };
}

