// @ts-check
// The handbook's Markdown transforms, added to Astro's Markdown processor (Sätteri in
// Astro 7) the way Starlight and Expressive Code add theirs: in `astro:config:setup`.
import { mermaidFences } from './mermaid-fences.mjs';
import { scrollableTables } from './scrollable-tables.mjs';

/**
 * The Astro integration. List it before `starlight()` so these run before Expressive Code.
 * @returns {import('astro').AstroIntegration}
 */
export function handbookMarkdown() {
  return {
    name: 'handbook-markdown',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        /** @type {any} */
        const processor = config.markdown?.processor;
        if (processor?.name !== 'satteri' || !processor.options) {
          logger.warn('Markdown processor is not Sätteri: mermaid fences and table regions are not transformed.');
          return;
        }
        processor.options.mdastPlugins.push(mermaidFences);
        processor.options.hastPlugins.push(scrollableTables);
      },
    },
  };
}
