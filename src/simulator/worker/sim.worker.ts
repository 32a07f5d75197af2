/**
 * The simulator's module Web Worker: exposes createSimApi() over comlink
 * (https://github.com/GoogleChromeLabs/comlink). The page starts it with
 * `new Worker(new URL('../simulator/worker/sim.worker.ts', import.meta.url), { type: 'module' })`
 * and talks to it with `Comlink.wrap<SimApi>(worker)`; nothing else runs here.
 */
import * as Comlink from 'comlink';
import type { SimApi } from './api-types';
import { createSimApi } from './sim-api';

export type { SimApi };

Comlink.expose(createSimApi());
