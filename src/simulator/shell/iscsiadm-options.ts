/**
 * `iscsiadm`'s command line as glibc getopt_long reads it with open-iscsi's option table
 * (usr/iscsiadm.c short_options "RlDVhm:a:b:c:C:p:P:T:H:i:I:U:k:L:d:r:n:v:o:sSt:ux:A:W" and
 * long_options): options anywhere, `--name=value` or `--name value`, unique prefixes of long
 * names; an unknown option or a missing argument makes getopt print its message and
 * iscsiadm add `unrecognized character 'C'`, status 7 (ISCSI_ERR_INVAL).
 */

/** Long option name → short letter, and whether it takes an argument. */
const LONG: [string, string, boolean][] = [
  ['mode', 'm', true], ['portal', 'p', true], ['targetname', 'T', true], ['interface', 'I', true], ['op', 'o', true], ['type', 't', true],
  ['name', 'n', true], ['value', 'v', true], ['host', 'H', true], ['sid', 'r', true], ['rescan', 'R', false], ['print', 'P', true],
  ['discover', 'D', false], ['login', 'l', false], ['loginall', 'L', true], ['logout', 'u', false], ['logoutall', 'U', true], ['stats', 's', false],
  ['killiscsid', 'k', true], ['debug', 'd', true], ['show', 'S', false], ['version', 'V', false], ['help', 'h', false], ['submode', 'C', true],
  ['ip', 'a', true], ['packetsize', 'b', true], ['count', 'c', true], ['interval', 'i', true], ['index', 'x', true], ['portal_type', 'A', true], ['no_wait', 'W', false],
];
const SHORT = 'RlDVhm:a:b:c:C:p:P:T:H:i:I:U:k:L:d:r:n:v:o:sSt:ux:A:W';

/** Parsed options: each short letter → its values in order (flags get ''). */
export type IscsiadmOptions = Map<string, string[]>;

/** The parse, or the error text (stderr) to print with status 7. */
export function parseIscsiadmArgs(argv: string[]): { ok: true; opts: IscsiadmOptions } | { ok: false; stderr: string } {
  const opts: IscsiadmOptions = new Map();
  const add = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  const takes = (c: string): boolean | null => {
    const i = SHORT.indexOf(c);
    return i < 0 || c === ':' ? null : SHORT[i + 1] === ':';
  };
  const bad = (getopt: string, c: string) => ({ ok: false as const, stderr: `iscsiadm: ${getopt}\niscsiadm: unrecognized character '${c}'\n` });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const exact = LONG.find(([n]) => n === name);
      const candidates = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name));
      if (candidates.length !== 1) return { ok: false, stderr: `iscsiadm: ${candidates.length === 0 ? 'unrecognized' : 'ambiguous'} option '--${name}'\niscsiadm: unrecognized character '\\0'\n` };
      const [long, short, arg] = candidates[0] as [string, string, boolean];
      if (arg) {
        const v = inline ?? argv[++i];
        if (v === undefined) return bad(`option '--${long}' requires an argument`, short);
        add(short, v);
      } else {
        if (inline !== undefined) return bad(`option '--${long}' doesn't allow an argument`, short);
        add(short, '');
      }
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue; // operands are ignored (getopt permutes them to the end)
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      const t = takes(c);
      if (t === null) return bad(`invalid option -- '${c}'`, c);
      if (t) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return bad(`option requires an argument -- '${c}'`, c);
        add(c, v);
        break;
      }
      add(c, '');
    }
  }
  return { ok: true, opts };
}

/** The last value of an option, or undefined. */
export function lastOpt(opts: IscsiadmOptions, c: string): string | undefined {
  const v = opts.get(c);
  return v ? v[v.length - 1] : undefined;
}
