/**
 * `dd if= of= bs= count= skip= seek= conv= iflag= oflag= status=`: copies blocks between
 * files and devices, then reports on stderr. Data moves as content descriptors, never as
 * bytes: /dev/zero gives a `zero` segment, /dev/urandom a `random` segment seeded from the
 * World's generator, files their own segments, so a 1 GiB copy costs a few hundred bytes
 * of state. The time on the last line is virtual (dd-throughput.ts) and moves the clock.
 */
// @sim dd | GNU coreutils 9.7 dd(1), dd.c: operands, size suffixes and their errors, the three summary lines, skip/seek/count in blocks or bytes, conv=notrunc/excl/nocreat/sync/sparse/fsync, ENOSPC mid-copy, disks as root
import { readBlocks, writeBlocks } from '../../engines/kernel/devices';
import { contentLength, sliceContent, type Content, MAX_MATERIALISE, materialise } from '../../engines/kernel/content';
import type { Errno } from '../../engines/kernel/errno';
import { nextRandom } from '../../engines/random';
import type { Command, CommandContext } from '../command-spec';
import { orderedOutput } from '../command-output';
import { CONVERSIONS, FLAGS, parseDdOperands, type DdOperands } from '../dd-operands';
import { openSource, openTarget, type DdSource, type DdTarget } from '../dd-endpoints';
import { countRecords, outputBytes, planReads, type ReadPlan } from '../dd-records';
import { progressLines, summary, type DdCounts } from '../dd-stats';
import { copyNanoseconds, STARTUP_NS, SYSCALL_NS } from '../dd-throughput';
import { HUMAN, humanReadable } from '../human-readable';
import { quoteaf, quotef } from '../input-files';
import { STRERROR } from '../vfs';
import { INTMAX_MAX } from '../xstrtol';

/** An endless copy to a place that never fills (/dev/null, the terminal) stops as if Ctrl-C came after this long. */
const INTERRUPT_NS = 10e9;
/** The largest buffer malloc() gives on the simulated hosts (16 GiB of RAM, no overcommit beyond it). */
const MAX_BUFFER = 16 * 2 ** 30;
/** dd.c INPUT_BLOCK_SLOP: the input buffer is a page larger than ibs. */
const INPUT_SLOP = 4096;

/** The bytes `start … start+length` of the source (holes and disks read as written zeros). */
function sourceData(ctx: CommandContext, src: DdSource, start: number, length: number, seed: () => number): Content {
  if (length <= 0) return [];
  switch (src.kind) {
    case 'stream':
      return src.data === 'zero' ? [{ kind: 'zero', length }] : [{ kind: 'random', seed: seed(), offset: start, length }];
    case 'block': {
      // The device's bytes, from the engine that owns them (a blank disk reads as zeros).
      const read = readBlocks(ctx.world, ctx.vfs.host, src.device, start, length);
      return typeof read === 'string' ? [] : read;
    }
    case 'stdin':
      return sliceContent([{ kind: 'text', text: src.text }], start, start + length);
    case 'file': {
      const c = ctx.vfs.readContent(src.path);
      if (!c.ok) return [];
      // dd writes what read(2) returned: a hole in the input is written as zeros.
      return sliceContent(c.value, start, start + length).map((s) => (s.kind === 'hole' ? { kind: 'zero', length: s.length } : s));
    }
    case 'dir':
      return [];
  }
}

/** Bytes the source holds from `start` on (Infinity for /dev/zero and /dev/urandom). */
function available(ctx: CommandContext, src: DdSource, start: number): number {
  switch (src.kind) {
    case 'stream':
      return Infinity;
    case 'block':
      return Math.max(0, src.size - start);
    case 'stdin':
      return Math.max(0, contentLength([{ kind: 'text', text: src.text }]) - start);
    case 'file': {
      const c = ctx.vfs.readContent(src.path);
      return c.ok ? Math.max(0, contentLength(c.value) - start) : 0;
    }
    case 'dir':
      return 0;
  }
}

/** Writes `data` (`planned` bytes; a function of the length for endless input) and returns how many bytes went out, with the errno that stopped it. */
function write(ctx: CommandContext, dst: DdTarget, dataOf: (n: number) => Content, planned: number, offset: number, append: boolean): { written: number; errno: Errno | null; text?: string } {
  if (planned === 0) return { written: 0, errno: null };
  switch (dst.kind) {
    case 'stdout': {
      // The simulator hands output to the terminal as text; more than it reads into memory is refused.
      if (planned > MAX_MATERIALISE) return { written: 0, errno: 'EFBIG' };
      return { written: planned, errno: null, text: materialise(dataOf(planned)) ?? '' };
    }
    case 'sink':
      return dst.refuse ? { written: 0, errno: dst.refuse } : { written: planned, errno: null };
    case 'proc':
      return { written: 0, errno: 'EIO' };
    case 'block': {
      const room = Math.max(0, dst.size - offset);
      const n = Math.min(planned, room);
      const problem = n > 0 ? writeBlocks(ctx.world, ctx.vfs.host, dst.device, offset, dataOf(n)) : null;
      if (problem) return { written: 0, errno: problem };
      return planned <= room ? { written: planned, errno: null } : { written: room, errno: 'ENOSPC' };
    }
    case 'file': {
      const at = append ? ctx.vfs.size(dst.path) : offset;
      const attempt = (n: number): Errno | null => {
        const w = ctx.vfs.writeContent(dst.path, dataOf(n), { offset: at });
        return w.ok ? null : w.errno;
      };
      let hi = planned;
      // ENOSPC for a full file system, EDQUOT past a ZFS quota: both store what fits first.
      let full: Errno = 'ENOSPC';
      if (hi === Infinity) {
        // Endless input: start from more than the file system can still take.
        const fs = ctx.vfs.statfs(dst.path);
        hi = (fs.ok ? fs.value.avail : 0) + ctx.vfs.size(dst.path) + 2 * 4096;
        for (let guard = 0; guard < 64; guard++) {
          const r = attempt(hi);
          if (r !== null) {
            full = r === 'EDQUOT' ? 'EDQUOT' : 'ENOSPC';
            break;
          }
          hi *= 2;
        }
      } else {
        const first = attempt(hi);
        if (first === null) return { written: hi, errno: null };
        if (first !== 'ENOSPC' && first !== 'EDQUOT') return { written: 0, errno: first };
        full = first;
      }
      // Out of room: the largest prefix that fits, as write(2) stores what fits and then fails.
      // Successful trials grow, each covering the one before, so the file ends as after a real partial write.
      let lo = 0;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (attempt(mid) === null) lo = mid;
        else hi = mid;
      }
      return { written: lo, errno: full };
    }
  }
}

/** Records an endless copy makes in INTERRUPT_NS. */
function recordsBeforeInterrupt(src: DdSource, dst: DdTarget, ibs: number): number {
  const perRecord = 2 * SYSCALL_NS + (ibs * 1e9) / src.rate + (dst.rate === Infinity ? 0 : (ibs * 1e9) / dst.rate);
  return Math.max(1, Math.floor((INTERRUPT_NS - STARTUP_NS) / perRecord));
}

/** The name dd uses for the input or output in messages. */
const nameOf = (operand: string | null, fallback: string): string => operand ?? fallback;

function runDd(ctx: CommandContext, ops: DdOperands): ReturnType<Command['run']> {
  const output = orderedOutput();
  for (const w of ops.warnings) output.err(w);
  const inName = nameOf(ops.input, 'standard input');
  const outName = nameOf(ops.output, 'standard output');

  const src = openSource(ctx, ops);
  if (!src.ok) {
    output.err(`dd: failed to open ${quoteaf(inName)}: ${STRERROR[src.errno]}\n`);
    return output.result(1);
  }
  const seekTotal = BigInt(ops.seek.records) * BigInt(ops.obs) + BigInt(ops.seek.bytes);
  if (seekTotal > INTMAX_MAX && !ops.conv.has('notrunc')) {
    output.err(`dd: offset too large: cannot truncate to a length of seek=${ops.seek.records} (${ops.obs}-byte) blocks\n`);
    return output.result(1);
  }
  const seekBytes = Number(seekTotal);
  const dst = openTarget(ctx, ops, seekBytes);
  if (!dst.ok) {
    output.err(`dd: failed to open ${quoteaf(outName)}: ${STRERROR[dst.errno]}\n`);
    return output.result(1);
  }
  let status = 0;
  if (dst.truncateErrno) {
    output.err(`dd: failed to truncate to ${seekBytes} bytes in output file ${quoteaf(outName)}: ${STRERROR[dst.truncateErrno]}\n`);
    status = 1;
  }
  const source = src.value;
  const target = dst.value;
  const noCounts: DdCounts = { rFull: 0, rPartial: 0, wFull: 0, wPartial: 0, wBytes: 0 };
  const finish = (counts: DdCounts, ns: number, exitCode: number, progress = ''): ReturnType<Command['run']> => {
    ctx.shell.spend(ns / 1e6);
    if (ops.status !== 'none' && progress !== '') output.err(progress);
    output.err(summary(counts, ns, ops.status, progress !== '' && ops.status !== 'none'));
    return output.result(exitCode);
  };

  // skip=: lseek on files and disks, reads on a pipe (dd.c skip()).
  const skipTotal = ops.skip.records * ops.ibs + ops.skip.bytes;
  if (skipTotal > 0) {
    if (source.kind === 'block' && skipTotal > source.size) {
      output.err(`dd: ${quotef(inName)}: cannot skip: ${STRERROR.EINVAL}\n`);
      return finish(noCounts, STARTUP_NS, 1);
    }
    const size = source.kind === 'file' ? source.size : source.kind === 'stdin' ? contentLength([{ kind: 'text', text: source.text }]) : 0;
    const pipe = source.kind === 'stdin' && !source.seekable;
    // A pipe warns when it ends before the offset; a file only when its st_size says so (not for /proc's 0).
    if ((pipe ? size < skipTotal : 0 < size && size < skipTotal) && ops.status !== 'none') output.err(`dd: ${quotef(inName)}: cannot skip to specified offset\n`);
  }
  // seek=: lseek on the output; a pipe or terminal cannot seek.
  if (seekBytes > 0) {
    if (target.kind === 'stdout') {
      output.err(`dd: ${quotef(outName)}: cannot seek: Illegal seek\n`);
      return finish(noCounts, STARTUP_NS, 1);
    }
    if (target.kind === 'block' && seekBytes > target.size) {
      output.err(`dd: ${quotef(outName)}: cannot seek: ${STRERROR.EINVAL}\n`);
      return finish(noCounts, STARTUP_NS, 1);
    }
  }
  if (ops.count && ops.count.records === 0 && ops.count.bytes === 0) return finish(noCounts, STARTUP_NS, status);

  // dd.c alloc_ibuf()/alloc_obuf(): buffers larger than the host's memory cannot be had.
  const hr = (n: number): string => humanReadable(n, HUMAN.autoscale | HUMAN.roundToNearest | HUMAN.spaceBeforeUnit | HUMAN.SI | HUMAN.B | HUMAN.base1024, 1, 1);
  if (ops.ibs + INPUT_SLOP > MAX_BUFFER) {
    output.err(`dd: memory exhausted by input buffer of size ${BigInt(ops.ibs)} bytes (${hr(ops.ibs)})\n`);
    return output.result(1);
  }
  if (!ops.oneBuffer && ops.obs > MAX_BUFFER) {
    output.err(`dd: memory exhausted by output buffer of size ${BigInt(ops.obs)} bytes (${hr(ops.obs)})\n`);
    return output.result(1);
  }
  if (source.kind === 'dir') {
    output.err(`dd: error reading ${quoteaf(inName)}: ${STRERROR.EISDIR}\n`);
    return finish(noCounts, STARTUP_NS + SYSCALL_NS, 1);
  }

  let plan: ReadPlan = planReads(available(ctx, source, skipTotal), ops.ibs, ops.count);
  const endless = plan.bytes === Infinity && (target.kind === 'stdout' || (target.kind === 'sink' && target.refuse === null));
  if (endless) {
    const records = recordsBeforeInterrupt(source, target, ops.ibs);
    plan = { full: records, partial: 0, bytes: records * ops.ibs, sawEnd: false };
  }
  const sync = ops.conv.has('sync');
  const planned = outputBytes(plan, ops.ibs, sync);
  let randomSeed: number | null = null;
  const seed = (): number => (randomSeed ??= Math.floor(nextRandom(ctx.world) * 2 ** 32) >>> 0);
  const sparse = ops.conv.has('sparse') && target.kind === 'file';
  const dataOf = (n: number): Content => {
    const readBytes = Math.min(n, plan.bytes);
    let data = sourceData(ctx, source, skipTotal, readBytes, seed);
    if (n > readBytes) data = [...data, { kind: 'zero', length: n - readBytes }];
    // conv=sparse: zeros become holes (dd seeks over all-zero output blocks; simplified to any run of zeros).
    return sparse ? data.map((s) => (s.kind === 'zero' ? { kind: 'hole', length: s.length } : s)) : data;
  };
  const result = write(ctx, target, dataOf, planned, seekBytes, ops.oflag.has('append'));
  if (result.text !== undefined) output.out(result.text);
  const outcome = countRecords(plan, ops.ibs, ops.obs, ops.oneBuffer, sync, planned, result.written);
  const counts = outcome.counts;
  const recordsIn = counts.rFull + counts.rPartial;
  const recordsOut = counts.wFull + counts.wPartial;
  const syncs = ops.conv.has('fsync') || ops.conv.has('fdatasync');
  const direct = ops.oflag.has('sync') || ops.oflag.has('dsync') || ops.oflag.has('direct');
  const writeRate = target.kind === 'file' && direct ? target.disk : target.rate;
  const ns = copyNanoseconds({
    readCalls: recordsIn + (plan.sawEnd && !outcome.failedAs ? 1 : 0),
    writeCalls: recordsOut + (outcome.failedAs ? 1 : 0),
    bytesRead: Math.min(plan.bytes, recordsIn * ops.ibs),
    bytesWritten: result.written,
    readRate: source.rate,
    writeRate,
    ...(target.kind === 'file' && syncs && !direct ? { flushBytes: result.written, flushRate: target.disk } : {}),
  });
  let progress = '';
  if (ops.status === 'progress') {
    const perByte = result.written > 0 ? (ns - STARTUP_NS) / result.written : 0;
    progress = progressLines(ns, (s) => (perByte > 0 ? Math.min(result.written, Math.floor((s * 1e9 - STARTUP_NS) / perByte / ops.obs) * ops.obs) : 0));
  }
  if (outcome.failedAs && result.errno) {
    // dd.c diagnose(): a pending progress line is ended first.
    output.err(`${progress}${progress !== '' ? '\n' : ''}dd: ${outcome.failedAs} ${quoteaf(outName)}: ${STRERROR[result.errno]}\n`);
    return finish(counts, ns, 1);
  }
  return finish(counts, ns, endless ? 130 : status, progress);
}

/** The `dd` command. */
export const dd: Command = {
  spec: {
    name: 'dd',
    summary: 'copy and convert blocks of a file',
    usage: 'dd [OPERAND]...\n  or:  dd OPTION',
    description:
      'Copy a file, converting and formatting according to the operands.\n\n' +
      '  bs=BYTES        read and write up to BYTES bytes at a time (default: 512);\n                  overrides ibs and obs\n' +
      '  conv=CONVS      convert the file as per the comma separated symbol list\n' +
      '  count=N         copy only N input blocks\n' +
      '  ibs=BYTES       read up to BYTES bytes at a time (default: 512)\n' +
      '  if=FILE         read from FILE instead of stdin\n' +
      '  iflag=FLAGS     read as per the comma separated symbol list\n' +
      '  obs=BYTES       write BYTES bytes at a time (default: 512)\n' +
      '  of=FILE         write to FILE instead of stdout\n' +
      '  oflag=FLAGS     write as per the comma separated symbol list\n' +
      '  seek=N          (or oseek=N) skip N obs-sized output blocks\n' +
      '  skip=N          (or iseek=N) skip N ibs-sized input blocks\n' +
      "  status=LEVEL    The LEVEL of information to print to stderr;\n                  'none' suppresses everything but error messages,\n                  'noxfer' suppresses the final transfer statistics,\n                  'progress' shows periodic transfer statistics\n\n" +
      'N and BYTES may be followed by the following multiplicative suffixes:\n' +
      'c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000, M=1024*1024, xM=M,\n' +
      'GB=1000*1000*1000, G=1024*1024*1024, and so on for T, P, E, Z, Y, R, Q.\n' +
      'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n' +
      "If N ends in 'B', it counts bytes not blocks.\n",
    options: [],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.7 dd',
    simplified:
      'the time and rate on the last line come from a fixed throughput model (/dev/zero 10 GB/s, /dev/urandom 400 MB/s, page cache 5 GB/s read and 2 GB/s write, disks by type: HDD 200 MB/s, SATA SSD 520 MB/s, NVMe 3.2 GB/s; 1 µs a system call) and move the virtual clock; ' +
      'what is written to a disk (/dev/sda) is counted but not stored until the ZFS and ext4 engines, and a disk reads as zeros; ' +
      'conv=ascii/ebcdic/ibm/block/unblock/lcase/ucase/swab and iflag/oflag other than append, count_bytes, skip_bytes, seek_bytes, directory, nofollow, sync, dsync, direct are accepted but change nothing; conv=sparse turns every run of zeros into a hole; ' +
      'reads return full blocks (a pipe is taken as written at once); a terminal stdin reads as empty; ' +
      'an endless copy (from /dev/zero or /dev/urandom to /dev/null or the terminal) stops as if Ctrl-C were pressed after 10 virtual seconds (status 130); more than 16 MiB to the terminal is refused with "File too large"',
  },
  /** bash-completion's _dd: the operand names, then the symbols of conv=, iflag=, oflag= and status=. */
  complete({ word }) {
    const eq = word.indexOf('=');
    if (eq < 0) return ['bs=', 'cbs=', 'conv=', 'count=', 'ibs=', 'if=', 'iflag=', 'obs=', 'of=', 'oflag=', 'seek=', 'skip=', 'status='];
    const key = word.slice(0, eq);
    const symbols = key === 'conv' ? CONVERSIONS : key === 'iflag' || key === 'oflag' ? FLAGS : key === 'status' ? ['none', 'noxfer', 'progress'] : null;
    if (!symbols) return null;
    const head = word.slice(0, Math.max(word.lastIndexOf(','), eq) + 1);
    return symbols.map((s) => head + s);
  },
  run(ctx, _argv, opts) {
    const parsed = parseDdOperands(opts.operands);
    if (!parsed.ok) return parsed.result;
    return runDd(ctx, parsed.ops);
  },
};
