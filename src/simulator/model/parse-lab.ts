/**
 * `parseLab`: lab text (YAML or JSON) or an already-parsed object → a Lab, or every problem
 * with its path, what is wrong and what to do. Never throws for bad input. Values are checked
 * by lab-value.ts; this file adds the text path, with line:column positions.
 */
import { readLabText } from './lab-text';
import { guarded, parseLabValue, toLabIssue, validateValue, type ParseLabResult } from './lab-value';

export { parseLabValue, validateLab, type ParseLabResult } from './lab-value';

/** Options for {@link parseLab}. */
export interface ParseLabOptions {
  /** File name: a `.json` name is read as JSON even when it does not start with `{`. */
  filename?: string;
}

/**
 * Parse a lab from text (YAML, or JSON when it starts with `{`) or from a plain object.
 * @example
 * const result = parseLab(text, { filename: 'starter.yaml' });
 * if (!result.ok) for (const e of result.errors) console.error(formatIssue(e));
 */
export function parseLab(input: string | unknown, opts: ParseLabOptions = {}): ParseLabResult {
  if (typeof input !== 'string') return parseLabValue(input);
  return guarded(() => {
    const read = readLabText(input, { json: opts.filename?.toLowerCase().endsWith('.json') ?? false });
    if (!read.ok) return { ok: false, errors: read.issues.map((i) => toLabIssue(i)) };
    return validateValue(read.value, read.locate);
  });
}
