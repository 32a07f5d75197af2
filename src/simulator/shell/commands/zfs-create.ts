/**
 * `zfs create [-p] [-o prop=val]... NAME` and `zfs create -V SIZE [-s] [-b BLOCKSIZE] NAME`:
 * prints nothing on success; the model and the engine refuse what libzfs refuses
 * (zfs_main.c zfs_do_create; libzfs_dataset.c zfs_create messages).
 */
// @sim zfs | OpenZFS 2.3 zfs create [-p] [-o prop=val] NAME, -V SIZE [-s] [-b size]: names, parents, volsize checks, mounted at once
import type { CommandContext, CommandResult } from '../command-spec';
import { createFilesystem, createVolume } from '../../engines/zfs/dataset-ops';
import { parseSize } from '../../model/size';
import { parseZfsArgs } from '../zfs-args';
import { zfsUsage } from './zfs-usage';

/** Runs `zfs create ARGS`. */
export function zfsCreate(ctx: CommandContext, argv: string[]): CommandResult {
  const parsed = parseZfsArgs(argv, 'pPnuvsV:b:o:');
  if (!parsed.ok) return zfsUsage('create', parsed.message);
  const f = parsed.args.flags;
  const ops = parsed.args.operands;
  if (ops.length === 0) return zfsUsage('create', 'missing filesystem argument');
  if (ops.length > 1) return zfsUsage('create', 'too many arguments');
  const name = ops[0] as string;
  const props: Record<string, string> = {};
  for (const o of f.o ?? []) {
    const eq = o.indexOf('=');
    if (eq < 0) return { stdout: '', stderr: `missing '=' for property=value argument\n${zfsUsage('create').stderr}`, exitCode: 2 };
    props[o.slice(0, eq)] = o.slice(eq + 1);
  }
  if (f.b) props.volblocksize = f.b[f.b.length - 1] as string;
  const volume = f.V?.[f.V.length - 1];
  if (volume === undefined && (f.s || f.b)) return zfsUsage('create', `'-${f.s ? 's' : 'b'}' and '-V' must be used together`);
  const cannot = (message: string): CommandResult => ({ stdout: '', stderr: `cannot create '${name}': ${message}\n`, exitCode: 1 });
  if (volume !== undefined) {
    const size = parseSize(volume);
    // libzfs_util.c zfs_nicestrtonum: "bad numeric value" / zfs_main.c "bad volume size".
    if (size === null) return { stdout: '', stderr: `bad volume size '${volume}': invalid numeric suffix\n`, exitCode: 1 };
    if (size === 0) return cannot('volume size cannot be zero');
    const block = props.volblocksize ? parseSize(props.volblocksize) : 16384;
    if (block !== null && size % block !== 0) return cannot('volume size must be a multiple of volume block size');
    const vprops: Record<string, string | number> = { ...props };
    if (block !== null && props.volblocksize) vprops.volblocksize = block;
    const made = createVolume(ctx.world, ctx.host.name, name, size, f.s !== undefined, vprops);
    return made.ok ? { stdout: '', stderr: '', exitCode: 0 } : cannot(made.error.message);
  }
  if (f.p) {
    // -p: make the missing parents first, like mkdir -p.
    const parts = name.split('/');
    for (let i = 2; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      createFilesystem(ctx.world, ctx.host.name, parent);
    }
  }
  const made = createFilesystem(ctx.world, ctx.host.name, name, props);
  if (!made.ok && f.p && made.error.message === 'dataset already exists') return { stdout: '', stderr: '', exitCode: 0 };
  return made.ok ? { stdout: '', stderr: '', exitCode: 0 } : cannot(made.error.message);
}
