/**
 * dd's summary on stderr (coreutils 9.7 dd.c print_stats/print_xfer_stats): `N+M records
 * in`, `N+M records out`, optional `K truncated records`, and the transfer line
 * `B bytes (SI, IEC) copied, S s, R/s` whose seconds come from the simulator's virtual
 * duration of the copy, and the `status=progress` lines written once a second.
 */
import { HUMAN, humanReadable } from './human-readable';

/** dd's human_opts: autoscale, round to nearest, a space before the unit, SI prefixes with `B`. */
const HUMAN_OPTS = HUMAN.autoscale | HUMAN.roundToNearest | HUMAN.spaceBeforeUnit | HUMAN.SI | HUMAN.B;
const NS_PER_S = 1_000_000_000;

/** Records and bytes a copy moved (dd.c r_full, r_partial, w_full, w_partial, w_bytes). */
export interface DdCounts {
  rFull: number;
  rPartial: number;
  wFull: number;
  wPartial: number;
  wBytes: number;
  /** conv=block records cut at cbs (always 0 here: block is not simulated). */
  rTruncate?: number;
}

/** status=LEVEL: 'none', 'noxfer', 'progress', or the default. */
export type DdStatus = 'default' | 'none' | 'noxfer' | 'progress';

/**
 * C's printf("%g"): six significant digits, trailing zeros dropped, exponent notation below
 * 1e-4 or from 1e6 on (`4.5498e-05`, `0.000645724`, `12.3456`).
 */
export function formatG(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  const [mantissa, exp] = x.toExponential(5).split('e') as [string, string];
  const e = Number(exp);
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (e < -4 || e >= 6) return `${strip(mantissa)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return strip(x.toFixed(5 - e));
}

/** The transfer line without its end: `B bytes (SI, IEC) copied, S s, R/s` for a copy that took `ns` nanoseconds. */
export function transferLine(wBytes: number, ns: number, progress = false): string {
  const si = humanReadable(wBytes, HUMAN_OPTS, 1, 1);
  const iec = humanReadable(wBytes, HUMAN_OPTS | HUMAN.base1024, 1, 1);
  // dd.c: the rate is human_readable(w_bytes, ..., XTIME_PRECISION, elapsed ns) with "/s".
  const rate = ns > 0 ? `${humanReadable(wBytes, HUMAN_OPTS, NS_PER_S, Math.round(ns))}/s` : 'Infinity B/s';
  const seconds = progress ? `${Math.round(ns / NS_PER_S)} s` : `${formatG(ns / NS_PER_S)} s`;
  // abbreviation_lacks_prefix(): "999 B" has no prefix, so it is not shown a second time.
  const lacks = (s: string): boolean => s[s.length - 2] === ' ';
  if (lacks(si)) return `${wBytes} ${wBytes === 1 ? 'byte' : 'bytes'} copied, ${seconds}, ${rate}`;
  if (lacks(iec)) return `${wBytes} bytes (${si}) copied, ${seconds}, ${rate}`;
  return `${wBytes} bytes (${si}, ${iec}) copied, ${seconds}, ${rate}`;
}

/** print_stats(): the records lines and, unless status=noxfer, the transfer line (nothing with status=none). */
export function summary(counts: DdCounts, ns: number, status: DdStatus, afterProgress = false): string {
  if (status === 'none') return '';
  let out = afterProgress ? '\n' : '';
  out += `${counts.rFull}+${counts.rPartial} records in\n${counts.wFull}+${counts.wPartial} records out\n`;
  const truncated = counts.rTruncate ?? 0;
  if (truncated !== 0) out += `${truncated} truncated ${truncated === 1 ? 'record' : 'records'}\n`;
  if (status === 'noxfer') return out;
  return out + transferLine(counts.wBytes, ns) + '\n';
}

/**
 * status=progress: once a second a `\r`-led line with the bytes written so far, padded with
 * spaces to hide a longer previous line (print_xfer_stats with progress_time). `bytesAt(s)`
 * says how many bytes had been written after `s` seconds.
 */
export function progressLines(totalNs: number, bytesAt: (seconds: number) => number): string {
  let out = '';
  let previous = 0;
  for (let s = 1; s * NS_PER_S < totalNs; s++) {
    const line = transferLine(bytesAt(s), s * NS_PER_S, true);
    out += '\r' + line + (line.length < previous ? ' '.repeat(previous - line.length) : '');
    previous = line.length;
  }
  return out;
}
