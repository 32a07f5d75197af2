/**
 * dd's record arithmetic (coreutils 9.7 dd.c dd_copy/write_output), computed in closed
 * form instead of block by block, so `bs=1M count=1024` costs as much as `count=1`:
 * how many full and partial records a read of N bytes gives, how many go out, and what the
 * counters say when a write fails part way (the block whose write failed was read, so it is
 * counted in, not out; with two buffers a partly written output block counts as partial).
 */
import type { DdCounts } from './dd-stats';

/** The reads of a copy: `full` records of ibs bytes, then maybe one `partial` record; `bytes` in all (Infinity: endless). */
export interface ReadPlan {
  full: number;
  partial: 0 | 1;
  bytes: number;
  /** True when the reads stopped at the end of the input (one more read(2) saw it). */
  sawEnd: boolean;
}

/**
 * The reads dd makes from `available` bytes (a file's rest, or Infinity for /dev/zero):
 * ibs-sized reads while `count` allows, then the count_bytes remainder. Reads of a regular
 * file or a pipe written at once are taken to return full blocks until the end.
 */
export function planReads(available: number, ibs: number, count: { records: number; bytes: number } | null): ReadPlan {
  const requested = count ? count.records * ibs + count.bytes : Infinity;
  const bytes = Math.min(available, requested);
  if (bytes === Infinity) return { full: Infinity, partial: 0, bytes, sawEnd: false };
  if (count && bytes >= count.records * ibs) {
    const rest = bytes - count.records * ibs;
    return { full: count.records, partial: rest > 0 ? 1 : 0, bytes, sawEnd: available < requested };
  }
  const full = Math.floor(bytes / ibs);
  return { full, partial: bytes - full * ibs > 0 ? 1 : 0, bytes, sawEnd: true };
}

/** Bytes the reads hand to the output: the bytes read, or every record padded to ibs with conv=sync. */
export function outputBytes(plan: ReadPlan, ibs: number, sync: boolean): number {
  return sync ? (plan.full + plan.partial) * ibs : plan.bytes;
}

/** How the copy's writes went: `written` of `planned` bytes, and the message dd gives for a failed write. */
export interface WriteOutcome {
  counts: DdCounts;
  /** `error writing` (a block written on its own, or the last flush) or `writing to` (a full output buffer, dd.c write_output). */
  failedAs: 'error writing' | 'writing to' | null;
}

/**
 * The counters after writing `written` of the `planned` output bytes. `oneBuffer`: bs= was
 * given, each record read is written as it is; otherwise output leaves in obs-sized blocks.
 */
export function countRecords(plan: ReadPlan, ibs: number, obs: number, oneBuffer: boolean, sync: boolean, planned: number, written: number): WriteOutcome {
  const base = { rFull: plan.full, rPartial: plan.partial, wBytes: written };
  if (written >= planned) {
    if (oneBuffer) return { counts: { ...base, wFull: plan.full + (sync ? plan.partial : 0), wPartial: sync ? 0 : plan.partial }, failedAs: null };
    const wFull = Math.floor(planned / obs);
    return { counts: { ...base, wFull, wPartial: planned - wFull * obs > 0 ? 1 : 0 }, failedAs: null };
  }
  if (oneBuffer) {
    // The records before the failed one went out whole; the failed one was read.
    const k = Math.floor(written / ibs);
    const read = k < plan.full ? { rFull: k + 1, rPartial: 0 } : { rFull: plan.full, rPartial: plan.partial };
    return { counts: { ...read, wFull: k, wPartial: 0, wBytes: written }, failedAs: 'error writing' };
  }
  const k = Math.floor(written / obs);
  const partOfFailed = written - k * obs > 0 ? 1 : 0;
  if ((k + 1) * obs <= planned) {
    // A full output buffer failed (write_output): the input records read to fill it are counted.
    const m = Math.ceil(((k + 1) * obs) / ibs);
    const read = m <= plan.full ? { rFull: m, rPartial: 0 } : { rFull: plan.full, rPartial: plan.partial };
    return { counts: { ...read, wFull: k, wPartial: partOfFailed, wBytes: written }, failedAs: 'writing to' };
  }
  return { counts: { ...base, wFull: k, wPartial: partOfFailed }, failedAs: 'error writing' };
}
