/**
 * Validating a lab value (an already-parsed object) → a Lab, or every problem with its path,
 * what is wrong and what to do. Never throws for bad input. The text path (YAML or JSON,
 * with line:column positions) is parse-lab.ts; this file does not load the YAML parser, so
 * the sandbox's worker can boot prepared labs without it.
 */
import { formatPath, type LabIssue } from './issues';
import { LabSchema, type Lab } from './lab';
import type { TextPosition } from './lab-text';
import { valueNestingProblem } from './value-nesting';
import { checkReferences } from './references';
import type { PathIssue } from './path-issue';
import { convertZodIssues, labErrorMap } from './zod-issues';

/** The result of parsing or validating a lab. */
export type ParseLabResult = { ok: true; lab: Lab } | { ok: false; errors: LabIssue[] };

/** Finds the line:column of a path in the text a value was read from. */
export type Locate = (at: (string | number)[], atKey?: boolean) => TextPosition | undefined;

/** A path issue as a LabIssue, with its position when known. */
export function toLabIssue(issue: PathIssue & Partial<TextPosition>, locate?: Locate): LabIssue {
  const pos = issue.line !== undefined ? { line: issue.line, column: issue.column ?? 1 } : locate?.(issue.at, issue.atKey);
  return {
    path: formatPath(issue.at),
    message: issue.message,
    ...(issue.fix !== undefined ? { fix: issue.fix } : {}),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    code: issue.code,
  };
}

/** Issues in file order when they have positions (stable: same-line issues keep their order). */
function inFileOrder(issues: LabIssue[]): LabIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.index - b.index)
    .map((entry) => entry.issue);
}

/** Shape check, then (if the shape is valid) cross-reference checks. */
export function validateValue(value: unknown, locate?: Locate): ParseLabResult {
  const parsed = LabSchema.safeParse(value, { error: labErrorMap });
  if (!parsed.success) {
    return { ok: false, errors: inFileOrder(convertZodIssues(parsed.error.issues, value).map((i) => toLabIssue(i, locate))) };
  }
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) return { ok: false, errors: inFileOrder(problems.map((i) => toLabIssue(i, locate))) };
  return { ok: true, lab: parsed.data };
}

/**
 * Parse a lab from a plain value (parsed JSON or YAML, or an object built by code).
 * @example
 * const result = parseLabValue(JSON.parse(text));
 */
export function parseLabValue(input: unknown): ParseLabResult {
  return guarded(() => {
    const nesting = valueNestingProblem(input);
    if (nesting) return { ok: false, errors: [toLabIssue({ ...nesting, code: nesting.message.includes('cycle') ? 'cycle' : 'too-deep' })] };
    return validateValue(input);
  });
}

/** Runs a parse; an exception (a bug, not bad input) still comes back as data, never a stack trace. */
export function guarded(parse: () => ParseLabResult): ParseLabResult {
  try {
    return parse();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: `internal error while reading the lab: ${reason.slice(0, 200)}`, code: 'internal' }] };
  }
}

/**
 * Validate a Lab that already has its shape (e.g. after a shell command changed it): the
 * schema again (so values set by code are checked too) and every cross-reference.
 */
export function validateLab(lab: Lab): ParseLabResult {
  return parseLabValue(lab);
}
