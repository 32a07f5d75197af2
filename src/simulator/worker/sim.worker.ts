/**
 * The simulator's module Web Worker: exposes the sandbox's API (lazy-api.ts) over comlink
 * (https://github.com/GoogleChromeLabs/comlink). The page starts it with
 * `new Worker(new URL('../simulator/worker/sim.worker.ts', import.meta.url), { type: 'module' })`
 * and talks to it with `Comlink.wrap<SimApi>(worker)`; nothing else runs here.
 */
import * as Comlink from 'comlink';
import { config } from 'zod';
import type { SimApi } from './api-types';
import { exampleLabLoaders } from './example-lab-docs';
import { warmLabId } from './warm-up';
import { createLazySimApi } from './lazy-api';

export type { SimApi };

// zod compiles a schema's parser the first time it runs it (new Function); a worker that
// validates a few labs gains nothing from that, and its first boot is faster without.
config({ jitless: true });
const api = createLazySimApi(exampleLabLoaders());
Comlink.expose(api);
// Started by Lab.astro's inline script with the name `hlab-simulator warm=<lab>`: boot that lab
// now, while the page is still loading; the page's own boot of it then takes this result (lazy-api.ts).
const warm = warmLabId(self.name);
if (warm !== null) void api.warmUp(warm);
