/**
 * The times `touch -d` and `touch -t` accept. -t is POSIX's [[CC]YY]MMDDhhmm[.ss] (gnulib
 * posixtm.c: YY below 69 is 20YY). -d takes the forms people type most from gnulib
 * parse_datetime: `@SECONDS[.frac]`, `YYYY-MM-DD`, and `YYYY-MM-DD[ T]HH:MM[:SS[.frac]]`
 * with an optional `Z`, `UTC` or `+0000`, and `now`; times are UTC (TZ=UTC).
 */

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > (DAYS[mo - 1] as number) || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Feb 29 of a year that has none.
  if (new Date(t - s * 1000).getUTCDate() !== d) return null;
  return t;
}

/** touch -t STAMP: virtual ms, or null when it is not a valid stamp. `now` gives the current year for the 8-digit form. */
export function parsePosixStamp(stamp: string, now: number): number | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(stamp);
  if (!m) return null;
  const digits = m[1] as string;
  const sec = m[2] === undefined ? 0 : Number(m[2]);
  let year: number;
  let rest: string;
  if (digits.length === 8) {
    year = new Date(now).getUTCFullYear();
    rest = digits;
  } else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    year = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  }
  return utc(year, Number(rest.slice(0, 2)), Number(rest.slice(2, 4)), Number(rest.slice(4, 6)), Number(rest.slice(6, 8)), sec);
}

/** touch -d DATE: virtual ms, or null when the form is not one the simulator reads. */
export function parseDate(text: string, now: number): number | null {
  const s = text.trim();
  if (s === 'now' || s === '') return now;
  const epoch = /^@(-?\d+)(?:\.(\d+))?$/.exec(s);
  if (epoch) return Number(epoch[1]) * 1000 + Math.floor(Number(`0.${epoch[2] ?? '0'}`) * 1000);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|UTC|[+]0{4}|[+]00:00)?$/i.exec(s);
  if (!m) return null;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  return utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
}
