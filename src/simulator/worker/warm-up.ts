/**
 * The lab a freshly started worker boots once to warm up (sim.worker.ts): named at the end of
 * the worker's name, `hlab-simulator warm=<example lab id>`, which Lab.astro gives the worker
 * it starts early. (Not the URL: a fragment would make the entry module a second module for
 * the chunks that import it.)
 */

/** The example lab id in a worker name ending ` warm=<id>`, or null when it names none (or not a plain id). */
export function warmLabId(workerName: string): string | null {
  const match = / warm=([A-Za-z0-9_-]{1,64})$/.exec(workerName);
  return match ? (match[1] as string) : null;
}
