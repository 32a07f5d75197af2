// @ts-check
// Vite plugins for the sandbox's Web Worker bundle (astro.config.mjs `vite.worker.plugins`),
// which keep the worker's first chunk small (issue 10: ≤ 250 KB of JavaScript on /lab/):
//   - `*.yaml?lab-doc` imports are the file's YAML parsed, validated and normalised at build
//     time, as a JSON module, so the worker boots the example labs without the YAML parser
//     (loaded only for a lab file the reader opens, or "download lab file") or validating;
//   - the shell's `./registry` resolves to `./lazy-registry`, whose commands load on first
//     use (src/simulator/shell/lazy-command.ts says how a line runs again once loaded).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { parse } from 'yaml';

const LAB_DOC = '?lab-doc';

/** @type {Promise<typeof import('../simulator/worker/example-lab')> | undefined} */
let exampleLabModule;

/**
 * A lab file as the worker imports it: its YAML document (the default export) and `lab`, the
 * lab booting it uses, validated and normalised here at build time by the simulator's own
 * code (worker/example-lab.ts, loaded with Vite's runnerImport), or null when it does not
 * validate (booting it then says so, as before).
 * @param {string} path the file
 * @returns {Promise<string>} the module's code
 */
export async function labDocModule(path) {
  exampleLabModule ??= runnerImport(fileURLToPath(new URL('../simulator/worker/example-lab.ts', import.meta.url)), { configFile: false, logLevel: 'error' }).then(
    (r) => /** @type {typeof import('../simulator/worker/example-lab')} */ (r.module),
  );
  const { prepareExampleLab } = await exampleLabModule;
  const { doc, lab } = prepareExampleLab(parse(readFileSync(path, 'utf8')) ?? null);
  return `export default ${JSON.stringify(doc)};\nexport const lab = ${JSON.stringify(lab)};\n`;
}

/**
 * Whether a simulator module does something when imported: a top-level call (an engine's
 * driver or boot step registering itself, `Comlink.expose`) or an import for effect only.
 * The others only declare things, so the worker's bundle may drop them when nothing they
 * export is used — the barrels (model/index.ts) then cost nothing. Our code is formatted
 * with top-level statements at column 0 (prettier), which is what the patterns read.
 * @param {string} code TypeScript source
 */
export function hasImportEffects(code) {
  return /^import\s*['"]/m.test(code) || /^[A-Za-z_$][\w$.]*\s*\(/m.test(code);
}

/**
 * Bundling options for the worker: everything its entry imports statically goes into one
 * chunk, so starting it is one request and not a waterfall of dozens of small shared chunks;
 * what loads on demand (commands, YAML, exporters, fflate) is split as Vite splits it.
 * @type {NonNullable<import('vite').UserConfig['worker']>['rolldownOptions']}
 */
export const workerRolldownOptions = {
  output: { codeSplitting: { groups: [{ name: 'sim-core', tags: ['$initial'] }] } },
};

/** @returns {import('vite').Plugin[]} */
export function workerBuild() {
  return [
    {
      name: 'hlab-lab-doc',
      enforce: 'pre',
      async load(id) {
        if (!id.endsWith(LAB_DOC)) return null;
        const path = id.slice(0, -LAB_DOC.length);
        this.addWatchFile(path);
        return labDocModule(path);
      },
    },
    {
      name: 'hlab-side-effects',
      transform(code, id) {
        if (!/[\\/]src[\\/]simulator[\\/].*\.ts$/.test(id.split('?')[0] ?? '')) return null;
        return { code, map: null, moduleSideEffects: hasImportEffects(code) };
      },
    },
    {
      name: 'hlab-lazy-registry',
      // Before Vite's own resolver, which would find registry.ts first.
      enforce: 'pre',
      resolveId(source, importer) {
        if (source !== './registry' || !importer) return null;
        const dir = dirname(importer.split('?')[0] ?? '');
        return dir.endsWith(join('src', 'simulator', 'shell')) ? join(dir, 'lazy-registry.ts') : null;
      },
    },
  ];
}
