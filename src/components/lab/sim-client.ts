/**
 * The page's handle on the simulator worker: starts it, wraps it with comlink, bounds every
 * call, and replaces a worker that died or hung. The UI reaches the simulator only through
 * here and only with the types of src/simulator/worker/api-types.ts (DESIGN.md, "Layers").
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { SimApi } from '../../simulator/worker/api-types';

/** How long one call may take before the worker is deemed hung (issue 10: "say 2 s"). */
export const CALL_BOUND_MS = 2000;
/** Booting replays a whole session log, so it gets a longer bound than one line. */
export const BOOT_BOUND_MS = 10_000;

/** Why a call failed: the worker hung past its bound, or died (error event, terminated). */
export class WorkerFailure extends Error {
  /** `timeout` or `died`. */
  readonly code: 'timeout' | 'died';
  constructor(code: 'timeout' | 'died', message: string) {
    super(message);
    this.code = code;
    this.name = 'WorkerFailure';
  }
}

/** A worker Lab.astro's inline script started while the page was parsed; `hlabFailed` if it reported an error. */
type EarlyWorker = Worker & { hlabFailed?: boolean };

declare global {
  interface Window {
    /** Workers started by Lab.astro's inline script, one per `<Lab>`, taken in page order. */
    __hlabEarlyWorkers?: EarlyWorker[];
  }
}

/** Takes a worker Lab.astro started early, if one is waiting and has not failed (only the first start of a page uses it). */
function adoptEarlyWorker(): Worker | null {
  const early = typeof window === 'undefined' ? undefined : window.__hlabEarlyWorkers?.shift();
  if (!early) return null;
  if (early.hlabFailed) {
    early.terminate();
    return null;
  }
  return early;
}

interface Live {
  worker: Worker;
  api: Remote<SimApi>;
  /** Rejects when the worker reports an error; every call races it. */
  death: Promise<never>;
}

/**
 * One simulator worker at a time. `call()` runs a function of the remote API within a bound;
 * on failure the worker is terminated and the caller decides how to recover (`restart()`,
 * then boot from the saved session log).
 */
export class SimClient {
  private live: Live | null = null;
  /** How many workers this client has started (the first is 1). */
  generation = 0;

  /** Starts a worker if none is running. */
  start(): void {
    if (this.live) return;
    const worker = adoptEarlyWorker() ??
      // Written literally so Vite bundles the worker as its own ES module chunk.
      new Worker(new URL('../../simulator/worker/sim.worker.ts', import.meta.url), {
        type: 'module',
        name: 'hlab-simulator',
      });
    const death = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new WorkerFailure('died', `the simulator stopped with an error${event.message ? `: ${event.message}` : ''}`));
      });
      worker.addEventListener('messageerror', () => reject(new WorkerFailure('died', 'the simulator sent a message the page could not read')));
    });
    death.catch(() => undefined);
    this.live = { worker, api: wrap<SimApi>(worker), death };
    this.generation += 1;
  }

  /**
   * Runs `fn` against the worker's API, bounded by `boundMs`. Throws WorkerFailure (and
   * terminates the worker) on timeout or death; other errors from the worker pass through.
   */
  async call<T>(fn: (api: Remote<SimApi>) => Promise<T>, boundMs: number = CALL_BOUND_MS): Promise<T> {
    this.start();
    const live = this.live as Live;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkerFailure('timeout', `the simulator did not answer within ${boundMs / 1000} s`)), boundMs);
    });
    try {
      return await Promise.race([fn(live.api), live.death, timeout]);
    } catch (error) {
      if (error instanceof WorkerFailure) this.stop();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** True while a worker is running (false after a failure or `stop()`, until the next call starts one). */
  get running(): boolean {
    return this.live !== null;
  }

  /** Terminates the worker (if any); the next `call()` starts a fresh one. */
  stop(): void {
    if (!this.live) return;
    const { worker, api } = this.live;
    this.live = null;
    try {
      api[releaseProxy]();
    } catch {
      // The proxy of a dead worker may already be unusable.
    }
    worker.terminate();
  }

  /**
   * Test hook: terminates the worker without telling this client, as a crash would. The
   * next call then hangs until its bound and the page must recover (tests/e2e/lab.spec.ts).
   */
  killSilently(): void {
    this.live?.worker.terminate();
  }
}
