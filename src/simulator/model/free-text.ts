/**
 * Free text fields (descriptions, comments, aliases): anything a person writes, but no
 * control characters (newlines and tabs only where the text is multi-line).
 */
import { z } from 'zod';
import { checkFreeText } from './names';

/**
 * A one-line text: no control characters.
 * @example LAN portal
 */
export const LineTextSchema = z.string().superRefine((value, ctx) => {
  const problem = checkFreeText(value, false);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { labCode: 'text', fix: 'keep it to one line of printable text' } });
});

/**
 * A multi-line description: newlines and tabs allowed, other control characters not.
 * @example Dell R630 running Proxmox VE 8
 */
export const DescriptionSchema = z.string().superRefine((value, ctx) => {
  const problem = checkFreeText(value, true);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { labCode: 'text' } });
});
