/**
 * `du [-abcDhHklLmPsSx0] [-B SIZE] [-d N] [--apparent-size] [--si] [FILE]...`: disk usage
 * of each FILE (default `.`), walking directories depth first without following symbolic
 * links (lstat) and printing each directory after its contents (post-order), as coreutils
 * 9.7 du.c over gnulib fts does. Sizes are st_blocks × 512 (or st_size with
 * --apparent-size), shown in 1K units rounded up unless -h/--si/-B/-b/-k/-m say otherwise.
 */
// @sim du | GNU coreutils 9.7 du(1), du.c: -a -b -c -d -h -k -l -m -s -S -x -0 -B -D/-H -L -P --apparent-size --si, post-order output, hard links and repeated operands counted once, bind-mount cycles skipped
import type { Command, CommandContext } from '../command-spec';
import { orderedOutput, type OrderedOutput } from '../command-output';
import { HUMAN, humanOptions, humanReadable } from '../human-readable';
import { quoteaf } from '../input-files';
import { quoteLocale } from '../line-count';
import { basename, dirname, resolvePath } from '../path';
import type { Resolved, Result } from '../../engines/kernel/vfs';
import { STRERROR } from '../vfs';
import { INTMAX_MAX, LONGINT, xstrtoimax } from '../xstrtol';

/** How a run walks and prints. */
interface DuSettings {
  all: boolean;
  apparent: boolean;
  maxDepth: number;
  separateDirs: boolean;
  oneFileSystem: boolean;
  countLinks: boolean;
  /** Follow symbolic links: 'none' (-P), 'operands' (-D/-H), 'all' (-L). */
  follow: 'none' | 'operands' | 'all';
  humanOpts: number;
  blockSize: bigint;
  eol: string;
  /** Remember every (device, inode) seen, not only multiply linked files: several operands, or -L. */
  hashAll: boolean;
}

/** A guard against walking without end (the simulator's, not du's). */
const MAX_ENTRIES = 200_000;

/** What one entry adds to its parent directory's sums (du.c struct dulevel: ent and subdir). */
interface Contribution {
  ent: bigint;
  sub: bigint;
}

function walker(ctx: CommandContext, s: DuSettings, out: OrderedOutput) {
  const seen = new Set<string>();
  let total = 0n;
  let ok = true;
  let visited = 0;
  const print = (size: bigint, path: string): void => out.out(`${humanReadable(size, s.humanOpts, 1, s.blockSize)}\t${path}${s.eol}`);

  /**
   * Where a child is, found from its directory with the driver's own lookup (one step,
   * instead of resolving the whole path again); a mountpoint below goes through the VFS so
   * that it shows the mounted file system's root, as lstat(2) does.
   */
  const locate = (parent: Resolved, childPath: string, child: string): Result<Resolved> => {
    if (ctx.vfs.mounts().some((m) => m.path === childPath)) return ctx.vfs.resolve(childPath, false);
    const ino = parent.driver.lookup(parent.env, parent.ino, child);
    return typeof ino === 'number' ? { ok: true, value: { ...parent, path: childPath, ino } } : { ok: false, errno: ino };
  };

  /** fts: an entry at `level`; `ancestors` are the directories above it (for cycles), `rootDev` its operand's file system. */
  const visit = (at: Result<Resolved>, name: string, level: number, ancestors: Set<string>, rootDev: string | null): Contribution | null => {
    if (++visited > MAX_ENTRIES) return null;
    const attr = at.ok ? at.value.driver.getattr(at.value.env, at.value.ino) : null;
    if (!at.ok || !attr) {
      out.err(`du: cannot access ${quoteaf(name)}: ${STRERROR[at.ok ? 'ENOENT' : at.errno]}\n`);
      ok = false;
      return null;
    }
    const here = at.value;
    const dev = here.sb.id;
    const key = `${dev}:${attr.ino}`;
    // -x: nothing below an operand on another file system (du.c FTS_XDEV).
    if (s.oneFileSystem && level > 0 && dev !== rootDev) return null;
    if (!s.countLinks && (s.hashAll || (attr.type !== 'dir' && attr.nlink > 1))) {
      if (seen.has(key)) return null;
      seen.add(key);
    }
    const own = s.apparent ? BigInt(attr.size) : BigInt(attr.blocks) * 512n;
    if (attr.type === 'symlink' && s.follow === 'all') {
      // -L: the link's target is what is counted.
      const target = ctx.vfs.resolve(here.path, true);
      if (target.ok && target.value.path !== here.path) return visit(target, name, level, ancestors, rootDev);
    }
    total += own;
    if (attr.type !== 'dir') {
      if ((s.all && level <= s.maxDepth) || level === 0) print(own, name);
      return { ent: own, sub: 0n };
    }
    // A directory that is its own ancestor: a bind mount of a parent below itself (fts FTS_DC); skipped quietly.
    if (ancestors.has(key)) {
      total -= own;
      return null;
    }
    let ent = 0n;
    let sub = 0n;
    const listed = here.driver.readdir(here.env, here.ino);
    if (typeof listed === 'string') {
      out.err(`du: cannot read directory ${quoteaf(name)}: ${STRERROR[listed]}\n`);
      ok = false;
    } else {
      // Mountpoints directly below show even when the directory under them is missing (as Vfs.list).
      const names = [...new Set([...listed, ...ctx.vfs.mounts().filter((m) => m.path !== '/' && dirname(m.path) === here.path).map((m) => basename(m.path))])];
      const below = new Set(ancestors).add(key);
      // fts_build(): a name ending in `/` does not get a second one.
      const base = name.endsWith('/') ? name.slice(0, -1) : name;
      for (const child of names) {
        const childPath = here.path === '/' ? `/${child}` : `${here.path}/${child}`;
        const c = visit(locate(here, childPath, child), `${base}/${child}`, level + 1, below, rootDev ?? dev);
        if (!c) continue;
        ent += c.ent;
        sub += c.sub;
      }
    }
    if (level <= s.maxDepth || level === 0) print(own + ent + (s.separateDirs ? 0n : sub), name);
    return { ent: s.separateDirs ? 0n : own, sub: ent + sub };
  };

  return {
    run(operand: string): void {
      const at = ctx.vfs.resolve(resolvePath(ctx.cwd, operand), s.follow !== 'none');
      visit(at, operand, 0, new Set(), at.ok ? at.value.sb.id : null);
    },
    get total(): bigint {
      return total;
    },
    get ok(): boolean {
      return ok;
    },
  };
}

const usage = (message: string): ReturnType<Command['run']> => ({ stdout: '', stderr: `${message}Try 'du --help' for more information.\n`, exitCode: 1 });

/** The `du` command. */
export const du: Command = {
  spec: {
    name: 'du',
    summary: 'estimate file space usage',
    usage: 'du [OPTION]... [FILE]...\n  or:  du [OPTION]... --files0-from=F',
    description: 'Summarize device usage of the set of FILEs, recursively for directories.\n\nMandatory arguments to long options are mandatory for short options too.',
    options: [
      { key: 'null', short: '0', long: 'null', help: 'end each output line with NUL, not newline' },
      { key: 'all', short: 'a', long: 'all', help: 'write counts for all files, not just directories' },
      { key: 'apparent', long: 'apparent-size', help: 'print apparent sizes rather than device usage' },
      { key: 'blockSize', short: 'B', long: 'block-size', value: 'SIZE', help: 'scale sizes by SIZE before printing them' },
      { key: 'bytes', short: 'b', long: 'bytes', help: "equivalent to '--apparent-size --block-size=1'" },
      { key: 'total', short: 'c', long: 'total', help: 'produce a grand total' },
      { key: 'derefArgs', short: 'D', long: 'dereference-args', help: 'dereference only symlinks that are listed on the command line' },
      { key: 'maxDepth', short: 'd', long: 'max-depth', value: 'N', help: 'print the total for a directory (or file, with --all) only if it is N or fewer levels below the command line argument' },
      { key: 'derefArgsH', short: 'H', help: 'equivalent to --dereference-args (-D)' },
      { key: 'human', short: 'h', long: 'human-readable', help: 'print sizes in human readable format (e.g., 1K 234M 2G)' },
      { key: 'si', long: 'si', help: 'like -h, but use powers of 1000 not 1024' },
      { key: 'k', short: 'k', help: 'like --block-size=1K' },
      { key: 'dereference', short: 'L', long: 'dereference', help: 'dereference all symbolic links' },
      { key: 'countLinks', short: 'l', long: 'count-links', help: 'count sizes many times if hard linked' },
      { key: 'm', short: 'm', help: 'like --block-size=1M' },
      { key: 'noDereference', short: 'P', long: 'no-dereference', help: "don't follow any symbolic links (this is the default)" },
      { key: 'separateDirs', short: 'S', long: 'separate-dirs', help: 'for directories do not include size of subdirectories' },
      { key: 'summarize', short: 's', long: 'summarize', help: 'display only a total for each argument' },
      { key: 'oneFileSystem', short: 'x', long: 'one-file-system', help: 'skip directories on different file systems' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 du',
    simplified:
      'directories are read in the simulator\'s order (creation order, not the file system\'s hash order); sizes are the simulator\'s 4 KiB-block accounting; --exclude, --files0-from, --inodes, --threshold and --time are not simulated; DU_BLOCK_SIZE, BLOCK_SIZE and POSIXLY_CORRECT are not read',
  },
  run(ctx, argv, opts) {
    const f = opts.flags;
    const settings: DuSettings = {
      all: Boolean(f['all']),
      apparent: Boolean(f['apparent'] || f['bytes']),
      maxDepth: Number.MAX_SAFE_INTEGER,
      separateDirs: Boolean(f['separateDirs']),
      oneFileSystem: Boolean(f['oneFileSystem']),
      countLinks: Boolean(f['countLinks']),
      follow: 'none',
      humanOpts: 0,
      blockSize: 1024n,
      eol: f['null'] ? '\0' : '\n',
      hashAll: opts.operands.length > 1,
    };
    let errors = '';
    let depthGiven = false;
    const seen: Record<string, number> = {};
    // du.c main(): options take effect in the order given; the last size option wins.
    for (const key of opts.order) {
      const value = opts.all[key]?.[(seen[key] = (seen[key] ?? -1) + 1)];
      if (key === 'human') [settings.humanOpts, settings.blockSize] = [HUMAN.autoscale | HUMAN.SI | HUMAN.base1024, 1n];
      else if (key === 'si') [settings.humanOpts, settings.blockSize] = [HUMAN.autoscale | HUMAN.SI, 1n];
      else if (key === 'k') [settings.humanOpts, settings.blockSize] = [0, 1024n];
      else if (key === 'm') [settings.humanOpts, settings.blockSize] = [0, 1048576n];
      else if (key === 'bytes') [settings.humanOpts, settings.blockSize] = [0, 1n];
      else if (key === 'derefArgs' || key === 'derefArgsH') settings.follow = 'operands';
      else if (key === 'dereference') settings.follow = 'all';
      else if (key === 'noDereference') settings.follow = 'none';
      else if (key === 'maxDepth') {
        const r = xstrtoimax(value ?? '', 0, '');
        if (r.err === LONGINT.OK && r.value <= INTMAX_MAX) {
          depthGiven = true;
          settings.maxDepth = Number(r.value);
        } else errors += `du: invalid maximum depth ${quoteLocale(value ?? '')}\n`;
      } else if (key === 'blockSize') {
        const choice = humanOptions(value ?? '');
        if (choice.err !== LONGINT.OK) {
          const long = argv.some((a) => a.startsWith('--b'));
          const option = long ? '--block-size' : '-B';
          const text = choice.err & LONGINT.INVALID_SUFFIX_CHAR ? `invalid suffix in ${option} argument '${value}'` : choice.err === LONGINT.OVERFLOW ? `${option} argument '${value}' too large` : `invalid ${option} argument '${value}'`;
          return { stdout: '', stderr: `du: ${text}\n`, exitCode: 1 };
        }
        [settings.humanOpts, settings.blockSize] = [choice.opts, choice.blockSize];
      }
    }
    if (errors !== '') return usage(errors);
    const summarize = Boolean(f['summarize']);
    if (settings.all && summarize) return usage('du: cannot both summarize and show all entries\n');
    let warning = '';
    if (summarize && depthGiven && settings.maxDepth === 0) warning = 'du: warning: summarizing is the same as using --max-depth=0\n';
    if (summarize && depthGiven && settings.maxDepth !== 0) return usage(`du: warning: summarizing conflicts with --max-depth=${settings.maxDepth}\n`);
    if (summarize) settings.maxDepth = 0;
    if (settings.follow === 'all') settings.hashAll = true;

    const output = orderedOutput();
    if (warning) output.err(warning);
    const walk = walker(ctx, settings, output);
    let ok = true;
    for (const operand of opts.operands.length > 0 ? opts.operands : ['.']) {
      if (operand === '') {
        output.err('du: invalid zero-length file name\n');
        ok = false;
        continue;
      }
      walk.run(operand);
    }
    if (f['total']) output.out(`${humanReadable(walk.total, settings.humanOpts, 1, settings.blockSize)}\ttotal${settings.eol}`);
    return output.result(ok && walk.ok ? 0 : 1);
  },
};
