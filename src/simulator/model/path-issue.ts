/**
 * An issue whose path is still an array of keys, as produced by the schema and reference
 * checks before it is located in the text and formatted as a {@link LabIssue}.
 */

/** A lab issue with its path as keys (`['hosts', 0, 'disks', 1]`). */
export interface PathIssue {
  /** Keys from the lab's root to the offending value. */
  at: (string | number)[];
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix?: string;
  /** Stable code, see LabIssue.code. */
  code: string;
  /** Point at the key itself (unknown keys), not at its value. */
  atKey?: boolean;
}

/** Build a path issue; `fix` is left out when undefined. */
export function pathIssue(at: (string | number)[], code: string, message: string, fix?: string): PathIssue {
  return fix === undefined ? { at, code, message } : { at, code, message, fix };
}

/** Quote a name for a message the way the C tools do ('%s'), never showing raw control bytes. */
export function q(name: string | number): string {
  const text = String(name);
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

/** Join names for a "use one of" hint, or say there are none. */
export function listOrNone(names: readonly (string | number)[], none: string): string {
  return names.length > 0 ? names.join(', ') : none;
}
