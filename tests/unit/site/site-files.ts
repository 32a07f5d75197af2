/**
 * The handbook's page sources, for the site quality tests: MDX/Markdown pages under
 * src/content/docs, generated pages under src/pages, and the example lab files whose text
 * those pages show.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Files under `dir` (recursively) whose names match `pattern`, as paths relative to ROOT, sorted. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : pattern.test(e.name) ? [join(d, e.name)] : []));
  return walk(join(ROOT, dir))
    .map((f) => relative(ROOT, f))
    .sort();
}

/** Every handbook page written in Markdown or MDX. */
export function docPages(): string[] {
  return filesUnder('src/content/docs', /\.mdx?$/);
}

/** Reads a file relative to ROOT. */
export function readSource(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** One fenced code block of a Markdown page. */
export interface Fence {
  /** 1-based line of the opening fence. */
  line: number;
  /** The language word after the fence (`console`), or '' when there is none. */
  lang: string;
  /** The rest of the info string (`lab="starter" host="pve"`). */
  meta: string;
  /** The block's text, without the fences, each line ending in `\n`. */
  body: string;
}

/**
 * The fenced code blocks of a Markdown/MDX text (CommonMark: ``` or ~~~, three or more, the
 * closing fence at least as long, indentation up to three spaces, also inside list items).
 */
export function fences(text: string): Fence[] {
  const out: Fence[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const [, indent, fence, lang, meta] = open as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] as string;
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    out.push({ line: i + 1, lang, meta: meta.trim(), body: body.map((l) => `${l}\n`).join('') });
    i = j;
  }
  return out;
}

/** The text of a page without its fenced code blocks (prose, frontmatter, components). */
export function withoutFences(text: string): string {
  const lines = text.split('\n');
  const drop = new Set<number>();
  for (const f of fences(text)) {
    const bodyLines = f.body === '' ? 0 : f.body.split('\n').length - 1;
    for (let k = f.line - 1; k <= f.line + bodyLines; k++) drop.add(k);
  }
  return lines.filter((_, k) => !drop.has(k)).join('\n');
}
