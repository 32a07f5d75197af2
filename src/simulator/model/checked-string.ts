/**
 * A string field checked by one of the name rules in names.ts (or any pure checker). The
 * checker's message becomes the issue message; `fix` says what to write instead.
 */
import { z } from 'zod';

/** A pure checker: the real tool's message when the value is invalid, else null. */
export type NameChecker = (value: string) => string | null;

/**
 * Build a zod string schema that runs `check` and reports its message at the field's path.
 * @example const Hostname = checkedString(checkDnsName, 'dns-name', 'use letters, digits and "-", like "pve"')
 */
export function checkedString(check: NameChecker, code: string, fix?: string) {
  return z.string().superRefine((value, ctx) => {
    const message = check(value);
    if (message !== null) {
      ctx.addIssue({ code: 'custom', message, params: { labCode: code, ...(fix ? { fix } : {}) } });
    }
  });
}
