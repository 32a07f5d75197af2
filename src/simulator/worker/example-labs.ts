/**
 * The example labs the sandbox offers (src/content/labs/*.yaml), as text, bundled into the
 * worker by Vite's `import.meta.glob` (https://vite.dev/guide/features#glob-import). Where
 * no bundler transforms the call (tsx running the bench), `import.meta.glob` does not exist
 * and the list is empty: callers then pass the texts to createSimApi themselves.
 */

/** Lab texts by id (the file name without `.yaml`). */
export type LabTexts = Readonly<Record<string, string>>;

function globbed(): Record<string, string> {
  try {
    return import.meta.glob('../../content/labs/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  } catch {
    return {}; // no bundler: import.meta.glob is undefined
  }
}

/** `../../content/labs/starter.yaml` → `starter`. */
export function labIdOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.ya?ml$/, '');
}

/** The example labs found at build time, by id, in file-name order. */
export function exampleLabs(): LabTexts {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(globbed()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[labIdOf(path)] = text;
  return out;
}
