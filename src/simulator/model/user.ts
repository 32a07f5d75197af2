/**
 * Users, groups and subordinate ID ranges of a host (/etc/passwd, /etc/group, /etc/subuid,
 * /etc/subgid).
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { checkAbsolutePath, checkUserName } from './names';

/** Largest valid uid/gid: (uid_t)-1 is reserved as "no change" in chown(2). */
export const MAX_ID = 4294967294;

const IdSchema = z.number().int().min(0).max(MAX_ID);
const UserNameSchema = checkedString(checkUserName, 'user-name', 'use lower-case letters, digits, "_" and "-", like alice');

/** One /etc/passwd entry. */
export const UserSchema = z.strictObject({
  /**
   * Login name.
   * @example alice
   */
  name: UserNameSchema,
  /**
   * Numeric user id.
   * @example 1000
   */
  uid: IdSchema,
  /**
   * Primary group id.
   * @example 1000
   */
  gid: IdSchema,
  /**
   * Home directory.
   * @example /home/alice
   */
  home: checkedString(checkAbsolutePath, 'path').optional(),
  /**
   * Login shell.
   * @example /bin/bash
   */
  shell: checkedString(checkAbsolutePath, 'path').optional(),
});

/** One /etc/passwd entry. */
export type User = z.output<typeof UserSchema>;

/** One /etc/group entry. */
export const GroupSchema = z.strictObject({
  /**
   * Group name.
   * @example alice
   */
  name: UserNameSchema,
  /**
   * Numeric group id.
   * @example 1000
   */
  gid: IdSchema,
  /**
   * Supplementary members (user names).
   * @example [alice]
   */
  members: z.array(UserNameSchema).optional(),
});

/** One /etc/group entry. */
export type Group = z.output<typeof GroupSchema>;

/** A parsed /etc/subuid or /etc/subgid line (subuid(5): `name:start:count`). */
export interface SubidRange {
  user: string;
  start: number;
  count: number;
}

/**
 * Parse a subuid/subgid line, or return null.
 * @example parseSubidEntry('root:100000:65536') // { user: 'root', start: 100000, count: 65536 }
 */
export function parseSubidEntry(line: string): SubidRange | null {
  const m = /^([a-z_][a-z0-9_-]{0,31}):(\d{1,10}):(\d{1,10})$/.exec(line);
  if (!m) return null;
  const start = Number(m[2]);
  const count = Number(m[3]);
  if (count < 1 || start + count - 1 > MAX_ID) return null;
  return { user: m[1] as string, start, count };
}

function checkSubidEntry(line: string): string | null {
  return parseSubidEntry(line) ? null : `${JSON.stringify(line.slice(0, 40))} is not a subordinate id range "name:start:count" (subuid(5))`;
}

/**
 * One /etc/subuid or /etc/subgid line.
 * @example root:100000:65536
 */
export const SubidEntrySchema = checkedString(checkSubidEntry, 'subid', 'write name:start:count, like root:100000:65536');
