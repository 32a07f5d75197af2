/**
 * Renders the page's Mermaid diagrams (`.mermaid-diagram > pre.mermaid-source`) in the
 * browser, and again whenever the reader switches Starlight's light/dark theme. Imported
 * lazily by src/components/overrides/MarkdownContent.astro, only where a diagram exists.
 */
import mermaid from 'mermaid';

/** Starlight's current theme (`<html data-theme>`), as a Mermaid theme name. */
function mermaidTheme(): 'dark' | 'default' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'default';
}

let generation = 0;

/** Renders every diagram on the page with the current theme; safe to call again. */
async function renderAll(): Promise<void> {
  const mine = ++generation;
  const theme = mermaidTheme();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme,
    // Mermaid's dark theme draws edge labels light grey on mid grey (contrast below 4.5:1,
    // WCAG 1.4.3): give them the page's dark background and light text instead.
    ...(theme === 'dark' ? { themeVariables: { edgeLabelBackground: '#23262f', textColor: '#eceef2' } } : {}),
  });
  const diagrams = [...document.querySelectorAll<HTMLElement>('.mermaid-diagram')];
  for (const [index, box] of diagrams.entries()) {
    // The source is read once from the <pre>, then kept: the <pre> is replaced by the SVG.
    box.dataset.source ??= box.querySelector('pre')?.textContent ?? '';
    try {
      const { svg } = await mermaid.render(`mermaid-${index}-${mine}`, box.dataset.source);
      if (mine !== generation) return; // a newer theme switch is rendering
      box.innerHTML = svg;
      box.dataset.rendered = mermaidTheme();
    } catch (error) {
      // Leave the source text on the page; say why in the console for the author.
      box.dataset.rendered = 'error';
      console.warn('mermaid: diagram', index, 'did not render:', error);
    }
  }
}

/** Renders the diagrams now, and re-renders when `data-theme` changes. */
export async function renderDiagrams(): Promise<void> {
  new MutationObserver(() => void renderAll()).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  await renderAll();
}
