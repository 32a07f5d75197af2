// @ts-check
// Wide code blocks scroll sideways on a phone. A scrolling region must be reachable by
// keyboard (WCAG 2.1.1; axe rule scrollable-region-focusable), so every code block's <pre>
// gets tabindex="0" at build time through this Expressive Code plugin. (Tables wrap their
// cells instead of scrolling: src/styles/handbook.css.)

/**
 * Sets `tabIndex = 0` on every element named `tagName` in a HAST tree.
 * @param {any} node a HAST node
 * @param {string} tagName
 */
function makeFocusable(node, tagName) {
  if (node.type === 'element' && node.tagName === tagName) {
    node.properties = { ...node.properties, tabIndex: 0 };
  }
  for (const child of node.children ?? []) makeFocusable(child, tagName);
}

/** Expressive Code plugin: every rendered code block's `<pre>` is focusable. */
export function focusableCodeBlocks() {
  return {
    name: 'focusable-code-blocks',
    hooks: {
      /** @param {{ renderData: { blockAst: any } }} context */
      postprocessRenderedBlock: ({ renderData }) => makeFocusable(renderData.blockAst, 'pre'),
    },
  };
}
