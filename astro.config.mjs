// @ts-check
// The Homelab Handbook site: Astro + Starlight. See ../shared/DESIGN.md, "The site".
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { labPageLinks } from './src/integrations/lab-sidebar.mjs';
import { handbookMarkdown } from './src/integrations/handbook-markdown.mjs';
import { workerBuild, workerRolldownOptions } from './src/integrations/worker-build.mjs';

/**
 * Public address of the deployed site. Pagefind result links and the sitemap are built
 * from it, so a host sets SITE_URL at build time (e.g. SITE_URL=https://handbook.example.org).
 * The default is the local server of `npm start` (scripts/serve.mjs).
 */
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  // The built site must make no request off its own origin: no telemetry-style prefetch
  // of other hosts, and nothing below loads fonts, analytics or social embeds.
  integrations: [
    // ```mermaid fences become diagrams and tables scroll in a named region (src/integrations/).
    handbookMarkdown(),
    starlight({
      title: 'Homelab Handbook',
      description:
        'How a real homelab works, layer by layer: Proxmox VE, VMs and LXC containers, Linux namespaces and cgroups, ZFS, TrueNAS and iSCSI.',
      favicon: '/favicon.svg',
      // The title is shown beside the logo, so the image itself is decorative (empty alt).
      logo: { src: './src/assets/logo.svg', alt: '' },
      components: { MarkdownContent: './src/components/overrides/MarkdownContent.astro' },
      customCss: ['./src/styles/handbook.css'],
      // No `social` links: the header stays free of anything that points (or loads) elsewhere.
      // List only pages that exist; a chapter gets its group when its first page is written.
      // Chapter slugs: /start-here/ /foundation/ /storage/ /iscsi/ /containers/ /access/
      // /backups/ /architecture/ /threat-model/ /lab/ /reference/
      sidebar: [
        { label: 'Start here', items: [{ autogenerate: { directory: 'start-here' } }] },
        { label: 'Foundation', items: [{ autogenerate: { directory: 'foundation' } }] },
        { label: 'Storage', items: [{ autogenerate: { directory: 'storage' } }] },
        { label: 'iSCSI', items: [{ autogenerate: { directory: 'iscsi' } }] },
        { label: 'Containers', items: [{ autogenerate: { directory: 'containers' } }] },
        { label: 'Access and networking', items: [{ autogenerate: { directory: 'access' } }] },
        { label: 'Backups and monitoring', items: [{ autogenerate: { directory: 'backups' } }] },
        { label: 'Architecture', items: [{ label: 'The example labs', link: '/architecture/' }, ...labPageLinks('architecture')] },
        { label: 'Threat model', items: [{ label: 'Threat-modelling a homelab', link: '/threat-model/' }, ...labPageLinks('threat-model')] },
        { label: 'Lab sandbox', link: '/lab/' },
        {
          label: 'Reference',
          items: [
            { label: 'Lab files and the example labs', link: '/reference/lab-files/' },
            { label: 'What is simulated', link: '/reference/what-is-simulated/' },
            { label: 'The hlab command line', link: '/reference/hlab/' },
          ],
        },
      ],
    }),
  ],
  vite: {
    // The lab simulator's Web Worker (src/simulator/worker) uses dynamic import(): each
    // command, the YAML parser, the exporters and fflate load when first needed
    // (src/integrations/worker-build.mjs). `plugins` applies them in dev as well.
    worker: { format: 'es', plugins: workerBuild, rolldownOptions: workerRolldownOptions },
    plugins: [workerBuild()[0]],
  },
});
