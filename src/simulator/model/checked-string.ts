/**
 * A string field checked by one of the name rules in names.ts (or any pure checker). The
 * checker's message becomes the issue message; `fix` says what to write instead.
 */
import { z } from 'zod';

/** A pure checker: the real tool's message when the value is invalid, else null. */
export type NameChecker = (value: string) => string | null;

/**
 * Build a zod string schema that runs `check` and reports its message at the field's path;
 * `fix` is a hint, or a function choosing one from the message.
 * @example const Hostname = checkedString(checkDnsName, 'dns-name', 'use letters, digits and "-", like "pve"')
 */
export function checkedString(check: NameChecker, code: string, fix?: string | ((message: string, value: string) => string | undefined)) {
  return z.string().superRefine((value, ctx) => {
    const message = check(value);
    if (message !== null) {
      const hint = typeof fix === 'function' ? fix(message, value) : fix;
      ctx.addIssue({ code: 'custom', message, params: { labCode: code, ...(hint ? { fix: hint } : {}) } });
    }
  });
}
