/**
 * The lab a freshly started worker boots once to warm up (sim.worker.ts): named by its URL's
 * fragment, `#warm=<example lab id>`, which Lab.astro sets for the worker it starts early.
 */

/** The example lab id in `#warm=<id>`, or null when the fragment names none (or not a plain id). */
export function warmLabId(hash: string): string | null {
  const match = /^#warm=([A-Za-z0-9_-]{1,64})$/.exec(hash);
  return match ? (match[1] as string) : null;
}
