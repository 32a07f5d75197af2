/**
 * The worker's SimApi: sim-api-core.ts with its parts loaded on demand, so the page's first
 * download holds the shell and the engines and nothing else (issue 10: ≤ 250 KB of JavaScript
 * on /lab/). Each command's module loads before the first line that names it (lazy-registry.ts);
 * the YAML parser, the exporters and fflate before the first call that needs them.
 *
 * A command the line names only indirectly (a variable, `help`'s topics) is found when its
 * stub throws CommandNotLoaded: the core has then put the session back as it was before the
 * call, so the call is simply made again once the module is in. Every method is async; the
 * page sees the same API through comlink as before (every call was a promise there anyway).
 */
import type { ParseLabResult } from '../model/lab-value';
import { CommandNotLoaded } from '../shell/lazy-command';
import { COMMANDS, commandNamesIn, loadCommands } from '../shell/lazy-registry';
import type { BootRequest, BootResult, LineReply, SessionStatus, SimApi } from './api-types';
import type { LabDocLoader, PreparedLab } from './example-lab-docs';
import { createSimApiWith, type SimServices } from './sim-api-core';

/** The API with every method returning a promise (what comlink's `Remote<SimApi>` shows the page). */
export type AsyncSimApi = { [K in keyof SimApi]: (...args: Parameters<SimApi[K]>) => Promise<Awaited<ReturnType<SimApi[K]>>> };

type Yaml = { parseLab: (text: string, filename: string) => ParseLabResult; stringify: (value: unknown) => string };
type Exporters = typeof import('./export-adapter');
type Share = typeof import('./share-fragment');

/** A module loaded once, on first need; a failed load may be tried again. */
function onDemand<T>(load: () => Promise<T>): { get: () => Promise<T>; now: () => T } {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get: () =>
      (pending ??= load().then(
        (v) => (value = v),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
    now: () => {
      if (value === undefined) throw new Error('a module was used before it was loaded (a bug in lazy-api.ts)');
      return value;
    },
  };
}

/** The worker's API, plus the warm-up its entry runs before the page's first call (sim.worker.ts). */
export type LazySimApi = AsyncSimApi & {
  /**
   * Boots example lab `labId` now, ahead of the page's request. When the page's first call is a
   * boot of that lab with nothing else (no setup lines, saved session, share link or lab file),
   * it gets this boot's result: the same lab booted the same way gives the same session, so
   * only the waiting is saved. Any other first call boots (or runs) as usual.
   */
  warmUp(labId: string): Promise<void>;
};

/**
 * How long after the first boot's reply the worker starts fetching the parts it has not
 * loaded yet: after the page has drawn its prompt, so the fetching does not compete with it.
 */
export const PREFETCH_DELAY_MS = 1000;

/** How many times a call is made again for commands found missing while it ran (there are fewer commands than this). */
const MAX_RETRIES = 100;

/** Options for {@link createLazySimApi}. */
export interface LazySimApiOptions {
  /** When to start fetching the rest after the first boot, in ms; null never (tests). Default PREFETCH_DELAY_MS. */
  prefetchAfterMs?: number | null;
}

/** A part of the simulator that could not be fetched (the network went away before it was needed). */
export class LoadFailure extends Error {
  constructor(cause: unknown) {
    super(`part of the simulator could not be loaded (${cause instanceof Error ? cause.message : String(cause)}); check the connection and try again`);
    this.name = 'LoadFailure';
  }
}

/** Awaits a load, turning its failure into a LoadFailure. */
async function loading<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    throw new LoadFailure(error);
  }
}

/** The sandbox's API over the example labs, each loaded when first needed (example-lab-docs.ts). */
export function createLazySimApi(loaders: Readonly<Record<string, LabDocLoader>>, options: LazySimApiOptions = {}): LazySimApi {
  const docs = new Map<string, PreparedLab>();
  const ids = Object.keys(loaders);
  /** Loads the documents of `wanted` (unknown ids are left for boot to refuse). */
  const loadDocs = async (wanted: readonly string[]): Promise<void> => {
    await Promise.all(
      wanted
        .filter((id) => !docs.has(id) && Object.hasOwn(loaders, id))
        .map(async (id) => {
          docs.set(id, await (loaders[id] as LabDocLoader)());
        }),
    );
  };
  const loaded = (id: string): PreparedLab => {
    const prepared = docs.get(id);
    if (!prepared) throw new Error(`the example lab ${id} was used before it was loaded (a bug in lazy-api.ts)`);
    return prepared;
  };
  const labs = { ids: () => ids, doc: (id: string) => loaded(id).doc, lab: (id: string) => loaded(id).lab };
  const yaml = onDemand<Yaml>(async () => {
    const [{ parseLab }, { stringify }] = await Promise.all([import('../model/parse-lab'), import('yaml')]);
    return { parseLab: (text, filename) => parseLab(text, { filename }), stringify: (value) => stringify(value) };
  });
  const exporters = onDemand<Exporters>(() => import('./export-adapter'));
  const share = onDemand<Share>(() => import('./share-fragment'));
  const services: SimServices = {
    parseLabText: (text, filename) => yaml.now().parseLab(text, filename),
    stringifyYaml: (value) => yaml.now().stringify(value),
    bundleFiles: (lab, options) => exporters.now().bundleFiles(lab, options),
    bundleZip: (files) => exporters.now().bundleZip(files),
    encodeShare: (shared, host) => share.now().encodeShare(shared, host),
    decodeShare: (fragment, resolve, simulator) => share.now().decodeShare(fragment, resolve, simulator),
    labFingerprint: (lab) => share.now().labFingerprint(lab),
  };
  const api = createSimApiWith(services, { labs, commands: COMMANDS });

  /**
   * Loads every part not loaded yet (every command, the YAML parser, the exporters, fflate, the
   * other example labs), so the lab needs no network from then on (issue 10: "needs no network
   * once loaded"). Started once, PREFETCH_DELAY_MS after the first boot's reply; a part that
   * fails to load (offline already) is loaded again when a call needs it.
   */
  let prefetching: Promise<void> | null = null;
  const prefetch = (): Promise<void> =>
    (prefetching ??= Promise.allSettled([loadCommands([...COMMANDS.keys()]), yaml.get(), exporters.get(), share.get(), loadDocs(ids)]).then(() => undefined));
  const prefetchAfter = options.prefetchAfterMs === undefined ? PREFETCH_DELAY_MS : options.prefetchAfterMs;
  const prefetchSoon = (): void => {
    if (prefetching === null && prefetchAfter !== null) setTimeout(() => void prefetch(), prefetchAfter);
  };

  /** Loads the commands `texts` name, then calls `fn`, loading any command found missing and calling again. */
  const withCommands = async <T>(texts: readonly string[], fn: () => T): Promise<T> => {
    await loading(loadCommands(texts.flatMap(commandNamesIn)));
    for (let tries = 0; ; tries++) {
      try {
        return fn();
      } catch (error) {
        if (!(error instanceof CommandNotLoaded) || tries >= MAX_RETRIES) throw error;
        await loading(loadCommands([error.command]));
      }
    }
  };

  /** The session's status after the last call that reported one, for a reply to a call that could not run. */
  let lastStatus: SessionStatus = { prompt: '', exited: true, canUndo: false, canRedo: false, length: 0, hosts: [] };
  const remember = <T extends { status: SessionStatus } | null>(reply: T): T => {
    if (reply) lastStatus = reply.status;
    return reply;
  };
  /** A line that could not run because a part of it could not be fetched: said, nothing changed. */
  const notLoaded = (error: unknown): LineReply => {
    if (!(error instanceof LoadFailure)) throw error;
    return { chunks: [{ fd: 2, text: `hlab: ${error.message}\n` }], exitCode: 1, clear: false, status: lastStatus };
  };

  /** The warm-up's boot, until the first call that is not `labs()` takes or drops it. */
  let warmed: { labId: string; result: BootResult } | null = null;
  const plainBoot = (req: BootRequest, labId: string): boolean =>
    req.labId === labId && (req.setup ?? []).length === 0 && req.sessionLog === undefined && req.share === undefined && req.labText === undefined;
  /** Any call that is not the matching boot drops the warm-up's result (the session may change from here). */
  const settle = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
    warmed = null;
    calls += 1;
    return fn(...args);
  };
  /** Calls from the page so far (not counting `labs()`): a warm-up that sees one come in stops. */
  let calls = 0;

  return {
    warmUp: async (labId) => {
      // It waits for the lab's document; the page may call meanwhile (a share link, a saved
      // session), and its session must not be replaced by this one.
      const before = calls;
      await loadDocs([labId]);
      const result = await withCommands([], () => (calls === before ? api.boot({ labId }) : null));
      warmed = result?.ok && calls === before ? { labId, result } : null;
    },
    labs: async () => {
      await loading(loadDocs(ids));
      return api.labs();
    },
    boot: async (request) => {
      const req = request ?? {};
      const early = warmed;
      warmed = null;
      calls += 1;
      if (early && plainBoot(req, early.labId)) {
        if (early.result.ok) lastStatus = early.result.status;
        prefetchSoon();
        return early.result;
      }
      try {
        if (req.labText !== undefined) await yaml.get();
        // A share link names its example lab only inside its compressed payload: load them all.
        if (req.share !== undefined) await Promise.all([share.get(), loadDocs(ids)]);
        else if (req.sessionLog === undefined && req.labText === undefined) await loadDocs([req.labId ?? 'starter']);
      } catch (error) {
        return { ok: false, errors: [`hlab: ${new LoadFailure(error).message}`] };
      }
      // A saved log is JSON text: its lines' command names are words in it like any other.
      const texts = [...(req.setup ?? []).map(String), ...(typeof req.sessionLog === 'string' ? [req.sessionLog] : [])];
      let result: BootResult;
      try {
        result = await withCommands(texts, () => api.boot(req));
      } catch (error) {
        if (!(error instanceof LoadFailure)) throw error;
        return { ok: false, errors: [`hlab: ${error.message}`] };
      }
      if (result.ok) {
        lastStatus = result.status;
        prefetchSoon();
      }
      return result;
    },
    run: settle(async (line) => withCommands([typeof line === 'string' ? line : ''], () => remember(api.run(line))).catch(notLoaded)),
    interrupt: settle(async () => withCommands([], () => remember(api.interrupt())).catch(notLoaded)),
    complete: settle(async (line, cursor) =>
      withCommands([typeof line === 'string' ? line : ''], () => api.complete(line, cursor)).catch((error: unknown) => {
        if (!(error instanceof LoadFailure)) throw error;
        return { line, cursor, choices: [] };
      }),
    ),
    undo: settle(async () => {
      const status = await withCommands([], () => api.undo());
      if (status) lastStatus = status;
      return status;
    }),
    redo: settle(async () => withCommands([], () => remember(api.redo())).catch(notLoaded)),
    transcript: settle(async () => api.transcript()),
    history: settle(async () => api.history()),
    views: settle(async (request) => api.views(request)),
    sessionLog: settle(async () => api.sessionLog()),
    shareFragment: settle(async () => {
      // The link names an unchanged example lab rather than carrying it: compare with each.
      await loading(Promise.all([share.get(), loadDocs(ids)]));
      return api.shareFragment();
    }),
    labYaml: settle(async () => {
      await loading(yaml.get());
      return api.labYaml();
    }),
    exportFiles: settle(async (options) => {
      await loading(exporters.get());
      return api.exportFiles(options);
    }),
    exportZip: settle(async (options) => {
      await loading(exporters.get());
      return api.exportZip(options);
    }),
  };
}
