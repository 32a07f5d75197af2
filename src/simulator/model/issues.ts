/**
 * Lab issues: what `parseLab` and `validateLab` return instead of throwing.
 *
 * An issue is plain JSON (it crosses the worker boundary and is printed by the CLI). It says
 * where (`path`, and `line`/`column` for YAML or JSON text), what is wrong (`message`, worded
 * like the real tool where there is one) and what to do (`fix`), in the style of Starlight's
 * friendly config errors.
 */

/** One problem found in a lab file. */
export interface LabIssue {
  /**
   * Where the problem is, written like a property access from the lab's root:
   * `hosts[1].iscsi.target.extents[0].disk`. Empty for problems with the whole file
   * (too big, not text, not YAML).
   * @example 'hosts[0].containers[0].idmap[3]'
   */
  path: string;
  /** What is wrong, quoting the offending value safely (JSON-quoted, truncated). */
  message: string;
  /** What to do about it, when there is a clear next step. */
  fix?: string;
  /** 1-based line of the offending node in the lab text, when the input was text. */
  line?: number;
  /** 1-based column of the offending node in the lab text, when the input was text. */
  column?: number;
  /**
   * A stable machine-readable code (`unknown-key`, `invalid-type`, `iqn`, `zfs-name`,
   * `reference`, `duplicate`, `idmap`, …) so tests and lessons need not match on text.
   */
  code?: string;
}

/**
 * Format an issue on one line: `path: message (fix)`. Whole-file issues (empty path) print as
 * `lab: message (fix)`. With `filename` and a known line, the line starts with
 * `file:line:column: ` like a compiler, so editors can jump to it.
 * @example formatIssue({ path: 'hosts[0].name', message: 'value does not look like a valid DNS name' })
 *   // 'hosts[0].name: value does not look like a valid DNS name'
 */
export function formatIssue(issue: LabIssue, opts: { filename?: string } = {}): string {
  const where = issue.path === '' ? 'lab' : issue.path;
  const fix = issue.fix ? ` (${issue.fix})` : '';
  let prefix = '';
  if (opts.filename !== undefined) {
    prefix = issue.line !== undefined ? `${opts.filename}:${issue.line}:${issue.column ?? 1}: ` : `${opts.filename}: `;
  }
  return `${prefix}${where}: ${issue.message}${fix}`;
}

/** The longest a quoted user value may get inside a message before it is cut. */
const QUOTE_LIMIT = 40;

/**
 * Quote a user-supplied value for a message: JSON-encoded (so quotes, newlines, control
 * characters and `$(...)` are shown, never interpreted) and cut to about 40 characters.
 * @example quoteValue('a"b') // '"a\\"b"'
 */
export function quoteValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value);
  } else if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    text = String(value);
  } else if (value === undefined) {
    text = 'nothing';
  } else if (Array.isArray(value)) {
    text = `a list of ${value.length}`;
  } else {
    text = 'a mapping';
  }
  return text;
}

/**
 * Write a path array (`['hosts', 1, 'disks', 0, 'size']`) in the readable form used in
 * every issue (`hosts[1].disks[0].size`). Keys that are not plain identifiers are quoted.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_@-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quoteValue(String(key))}]`;
  }
  return out;
}
