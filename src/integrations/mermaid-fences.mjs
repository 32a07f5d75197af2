// @ts-check
// ```mermaid fences become diagrams, not code blocks. This mdast plugin (Sätteri, Astro 7's
// Markdown processor) runs before Expressive Code, which works on the HTML tree and would
// otherwise take the fence as code (../shared/reference/site.md, "Mermaid"). The fence becomes
//   <div class="mermaid-diagram"><pre class="mermaid-source" tabindex="0">TEXT</pre></div>
// and src/components/overrides/MarkdownContent.astro loads Mermaid only on pages that hold
// one, after the first paint. Until then (or without JavaScript) the source text shows.

/**
 * The mdast node that replaces a mermaid fence: `data.hName` turns each paragraph into the
 * element named, so no raw HTML is needed and the text stays one escaped text node.
 * @param {string} source the Mermaid text
 */
export function mermaidNode(source) {
  return {
    type: 'paragraph',
    data: { hName: 'div', hProperties: { className: ['mermaid-diagram'] } },
    children: [
      {
        type: 'paragraph',
        // A focusable region: wide source text scrolls sideways before it is rendered.
        data: { hName: 'pre', hProperties: { className: ['mermaid-source'], tabIndex: 0 } },
        children: [{ type: 'text', value: source }],
      },
    ],
  };
}

/** The Sätteri mdast plugin, registered by src/integrations/handbook-markdown.mjs. */
export const mermaidFences = {
  name: 'handbook-mermaid-fences',
  /**
   * @param {{ lang?: string | null, value: string }} node
   * @param {{ replaceNode(node: unknown, replacement: unknown): void }} ctx
   */
  code(node, ctx) {
    if (node.lang === 'mermaid') ctx.replaceNode(node, mermaidNode(node.value));
  },
};
