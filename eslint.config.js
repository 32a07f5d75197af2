// @ts-check
import tseslint from 'typescript-eslint';

/** Layers from DESIGN.md, lowest first: a layer may import only the ones below it. */
const layers = ['model', 'exporters', 'engines', 'shell', 'lessons', 'worker', 'cli'];
/** @type {import('eslint').Linter.Config[]} */
const layerRules = layers.map((layer, i) => ({
  files: [`src/simulator/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: layers.slice(i + 1).map((above) => ({
          group: [`**/${above}/*`, `**/${above}`],
          message: `src/simulator/${layer} may not import from ${above}/ (imports point down; see DESIGN.md).`,
        })),
      },
    ],
  },
}));

/**
 * The engines' own order, lowest first (DESIGN.md "Engines"): net, then the kernel (devices,
 * VFS, processes, namespaces), then ZFS, then iSCSI, then the appliance logic (Proxmox's pct/
 * pvesm/pveam, TrueNAS's middleware) on top. An engine may import only the ones before it.
 */
const engines = ['net', 'kernel', 'zfs', 'iscsi', ['proxmox', 'truenas']];
/** @type {import('eslint').Linter.Config[]} */
const engineRules = engines.map((level, i) => {
  const own = [level].flat();
  const above = engines.slice(i + 1).flat();
  // Proxmox's and TrueNAS's logic share a level and do not import each other.
  const sideways = own.length > 1 ? own : [];
  return {
    files: own.map((name) => `src/simulator/engines/${name}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // The layers above engines/ stay forbidden here too.
            ...layers.slice(layers.indexOf('engines') + 1).map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}`], message: `engines may not import from ${layer}/ (imports point down; see DESIGN.md).` })),
            ...[...above, ...sideways].map((name) => ({
              group: [`**/engines/${name}/*`, `../${name}/*`, `../../${name}/*`, `../${name}`, `../../${name}`],
              message: sideways.includes(name)
                ? `${own.join(' and ')} share a level of the engines' order and do not import each other.`
                : `engines/${level} sits below ${name} in the engines' order (${engines.map((l) => [l].flat().join(' | ')).join(' < ')}); it may not import from it.`,
            })),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', '.astro/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The simulator is deterministic and serialisable: time and randomness are injected.
    files: ['src/simulator/**/*.ts'],
    ignores: ['src/simulator/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the simulator clock (state.clock), not Date.now().' },
        { object: 'Math', property: 'random', message: 'Use the seeded generator in the simulator state, not Math.random().' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock; use the simulator clock.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process'],
    },
  },
  ...layerRules,
  ...engineRules,
);
