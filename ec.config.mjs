// @ts-check
// Expressive Code options for Starlight's code blocks and <Code> component. They live
// here, not in astro.config.mjs, because plugins are functions and <Code> needs them.
import { copyCommandsOnly } from './src/integrations/copy-commands.mjs';
import { focusableCodeBlocks } from './src/integrations/focusable-scrollers.mjs';

/** @type {import('@astrojs/starlight/expressive-code').StarlightExpressiveCodeOptions} */
export default {
  plugins: [focusableCodeBlocks(), copyCommandsOnly()],
};
