/**
 * Turn zod issues into lab issues that say what is wrong and what to write instead
 * (Starlight-style friendly errors), quoting the offending value safely.
 */
import type { z } from 'zod';
import { quoteValue } from './issues';
import type { PathIssue } from './path-issue';
import { describeUnknownKey, nearestKey } from './unknown-key';


/** Marks messages produced by {@link labErrorMap} (built-in zod checks) apart from ours. */
const BUILT_IN = '\u0001';

/**
 * The error map passed to every `safeParse` of a lab: built-in issues get a marker (their
 * text is rewritten by {@link convertZodIssues}), and unknown-key issues carry the known keys
 * of their object so the nearest one can be suggested.
 */
export const labErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') {
    const def = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
    return BUILT_IN + JSON.stringify(Object.keys(def?.shape ?? {}));
  }
  return BUILT_IN;
};

/** Read the raw input at a path (for quoting the value that was given). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  return node;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'nothing (null)',
  undefined: 'nothing',
};

/** Describe what was given: `text ("abc")`, `a number (5)`, `a list of 3`. */
function describeGot(value: unknown): string {
  if (typeof value === 'string') return `text (${quoteValue(value)})`;
  if (typeof value === 'number') return `a number (${quoteValue(value)})`;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return quoteValue(value);
  if (typeof value === 'object') return 'a mapping';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

function fixFor(expected: string, got: unknown): string | undefined {
  if (expected === 'string' && (typeof got === 'number' || typeof got === 'boolean')) return 'put the value in quotes';
  if ((expected === 'number' || expected === 'int') && typeof got === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(got)) return 'remove the quotes around the number';
  if (expected === 'boolean' && typeof got === 'string') return 'write true or false';
  if (expected === 'array' && got !== null && typeof got !== 'object') return 'write a list: [a, b] or one "- item" per line';
  return undefined;
}

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${Number(n) === 1 ? '' : 's'}`;
}

/** Convert zod issues (from safeParse with {@link labErrorMap}) into path issues. */
export function convertZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: (string | number)[] = []): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const got = valueAt(input, path);
    const custom = !issue.message.startsWith(BUILT_IN);
    const last = path[path.length - 1];
    switch (issue.code) {
      case 'custom': {
        const params = (issue.params ?? {}) as { fix?: string; labCode?: string };
        out.push({ at: path, message: issue.message, ...(params.fix ? { fix: params.fix } : {}), code: params.labCode ?? 'invalid' });
        break;
      }
      case 'unrecognized_keys': {
        let known: string[] = [];
        try {
          known = JSON.parse(issue.message.slice(BUILT_IN.length)) as string[];
        } catch {
          known = [];
        }
        for (const key of issue.keys) {
          out.push({ at: [...path, key], atKey: true, code: 'unknown-key', ...describeUnknownKey(key, known) });
        }
        break;
      }
      case 'invalid_type': {
        if (got === undefined && typeof last === 'string') {
          out.push({ at: path, message: `required key "${last}" is missing`, fix: `add ${last}: with ${EXPECTED[issue.expected] ?? issue.expected}`, code: 'missing' });
        } else {
          const fix = fixFor(issue.expected, got);
          out.push({ at: path, message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeGot(got)}`, ...(fix ? { fix } : {}), code: 'invalid-type' });
        }
        break;
      }
      case 'invalid_value': {
        if (path.length === 1 && last === 'version') {
          out.push({ at: path, message: `lab file version ${quoteValue(got)} is not supported; this simulator reads version 1`, fix: 'write version: 1', code: 'version' });
          break;
        }
        const values = issue.values.map((v) => String(v));
        if (got === undefined && typeof last === 'string') {
          out.push({ at: path, message: `required key "${last}" is missing`, fix: `add ${last}: one of ${values.join(', ')}`, code: 'missing' });
          break;
        }
        const near = typeof got === 'string' ? nearestKey(got, values) : undefined;
        out.push({
          at: path,
          message: `${quoteValue(got)} is not one of: ${values.join(', ')}`,
          ...(near !== undefined ? { fix: `did you mean "${near}"?` } : {}),
          code: 'invalid-value',
        });
        break;
      }
      case 'too_small':
      case 'too_big': {
        if (custom) {
          out.push({ at: path, message: issue.message, code: 'range' });
          break;
        }
        const small = issue.code === 'too_small';
        const limit = small ? issue.minimum : issue.maximum;
        const inclusive = issue.inclusive ?? true;
        let message: string;
        if (issue.origin === 'array') message = small ? `needs at least ${plural(limit, 'item')}` : `has more than ${plural(limit, 'item')}`;
        else if (issue.origin === 'string') message = small ? (Number(limit) <= 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')}`) : `must be at most ${plural(limit, 'character')}`;
        else message = `${quoteValue(got)} is too ${small ? 'small' : 'big'}: it must be ${small ? 'at least' : 'at most'} ${inclusive ? '' : small ? 'more than ' : 'less than '}${limit}`.replace(/(at least|at most) (more|less) than/, '$2 than');
        out.push({ at: path, message, code: 'range' });
        break;
      }
      case 'invalid_union': {
        out.push(...convertUnion(issue, input, path, got));
        break;
      }
      case 'invalid_format': {
        out.push({ at: path, message: custom ? issue.message : `${quoteValue(got)} does not have the expected form`, code: 'format' });
        break;
      }
      default: {
        out.push({ at: path, message: custom ? issue.message : `${quoteValue(got)} is not valid here`, code: 'invalid' });
      }
    }
  }
  return out;
}

/** A union failed: name the discriminator's options, or report the closest branch. */
function convertUnion(issue: z.core.$ZodIssueInvalidUnion, input: unknown, path: (string | number)[], got: unknown): PathIssue[] {
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    const options = ('options' in issue && issue.options ? issue.options : []).map(String);
    // zod reports the mismatch at the discriminator key itself.
    const atKey = path[path.length - 1] === issue.discriminator;
    const value = atKey ? got : valueAt(got, [issue.discriminator]);
    const where = atKey ? path : [...path, issue.discriminator];
    const near = typeof value === 'string' ? nearestKey(value, options) : undefined;
    return [
      {
        at: where,
        message: value === undefined ? `required key "${issue.discriminator}" is missing (one of: ${options.join(', ')})` : `${quoteValue(value)} is not one of: ${options.join(', ')}`,
        ...(near !== undefined ? { fix: `did you mean "${near}"?` } : {}),
        code: value === undefined ? 'missing' : 'invalid-value',
      },
    ];
  }
  const branches = issue.errors;
  // Every branch only disliked the type: say which types would do.
  if (branches.length > 0 && branches.every((b) => b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0)) {
    const expected = [...new Set(branches.map((b) => (b[0] as z.core.$ZodIssueInvalidType).expected))].map((e) => EXPECTED[e] ?? e);
    return [{ at: path, message: `expected ${expected.join(' or ')}, got ${describeGot(got)}`, code: 'invalid-type' }];
  }
  // Every branch only disliked the value (literals): list the values that would do.
  if (branches.length > 0 && branches.every((b) => b.length === 1 && b[0]?.code === 'invalid_value' && b[0].path.length === 0)) {
    const values = branches.flatMap((b) => (b[0] as z.core.$ZodIssueInvalidValue).values.map(String));
    return [{ at: path, message: `${quoteValue(got)} is not one of: ${values.join(', ')}`, code: 'invalid-value' }];
  }
  // Otherwise the branch that got furthest (not a bare type mismatch, fewest issues) explains best.
  const scored = branches
    .map((b) => ({ b, typeOnly: b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0 }))
    .sort((x, y) => Number(x.typeOnly) - Number(y.typeOnly) || x.b.length - y.b.length);
  const best = scored[0];
  if (!best) return [{ at: path, message: `${quoteValue(got)} is not valid here`, code: 'invalid' }];
  return convertZodIssues(best.b, input, path);
}
