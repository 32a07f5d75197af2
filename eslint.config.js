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
);
