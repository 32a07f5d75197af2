/**
 * Nesting limits of a lab value, checked without recursion. Kept apart from lab-text.ts (the
 * YAML reader) so code that only validates parsed values does not pull in the YAML parser.
 */

/** Deepest nesting accepted (a real lab is about 8 deep). */
export const MAX_NESTING = 64;

/**
 * The first nesting problem of a plain value (object input or parsed JSON), found without
 * recursion: a cycle (an object that contains itself) or nesting deeper than
 * {@link MAX_NESTING}. Returns the path and what is wrong, or null.
 */
export function valueNestingProblem(value: unknown): { at: (string | number)[]; message: string } | null {
  const ancestors = new Set<object>();
  type Frame = { node: unknown; path: (string | number)[] } | { leave: object };
  const stack: Frame[] = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('leave' in frame) {
      ancestors.delete(frame.leave);
      continue;
    }
    const { node, path } = frame;
    if (node === null || typeof node !== 'object') continue;
    if (ancestors.has(node)) return { at: path, message: 'the lab contains itself here (a cycle)' };
    if (path.length >= MAX_NESTING) return { at: path, message: `nesting is deeper than ${MAX_NESTING} levels` };
    ancestors.add(node);
    stack.push({ leave: node });
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
    } else {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: (node as Record<string, unknown>)[keys[i] as string], path: [...path, keys[i] as string] });
    }
  }
  return null;
}
