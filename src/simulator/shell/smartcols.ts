/**
 * Tables laid out as util-linux's libsmartcols prints them (the library behind lsblk and
 * findmnt): a column is as wide as its widest cell or its header, or its width hint when
 * that is an absolute number and larger (libsmartcols/src/calculate.c count_column_width);
 * cells are separated by one space; right-aligned columns are padded on the left; the last
 * column is not padded on the right (print.c print_data); a tree column draws `├─ └─ │`
 * before each child (print.c tree_ascii_art_to_buffer); a multi-line cell (lsblk
 * MOUNTPOINTS) continues on extra lines where the other cells are empty and the tree
 * column carries on its vertical lines (print.c print_line, print_empty_cell). Raw output
 * (`-r`) writes every cell with blanks, backslashes and control characters as `\xHH`
 * (include/carefulputc.h fputs_nonblank).
 */
// @sim libsmartcols tables | util-linux 2.41 libsmartcols print.c/calculate.c: column widths, header, tree art, multi-line cells, raw mode; not the shrinking of wide tables to the terminal width

/** One column of a table. */
export interface ScolsColumn {
  header: string;
  /** Width hint: an absolute minimum when ≥ 1 (a fraction of the terminal otherwise, unused here). */
  whint: number;
  /** SCOLS_FL_RIGHT. */
  right?: boolean;
  /** SCOLS_FL_TREE: the column that draws the tree. */
  tree?: boolean;
}

/** A cell: text, or several lines for a multi-line (SCOLS_FL_WRAP) cell; empty/undefined prints nothing. */
export type ScolsCell = string | string[] | undefined;

/** A line of the table with its children (a tree) or none (a list). */
export interface ScolsLine {
  cells: ScolsCell[];
  children?: ScolsLine[];
}

/** How to print. */
export interface ScolsOptions {
  /** No header line (-n). */
  noheadings?: boolean;
  /** Raw output (-r): single spaces between cells, blanks escaped, no tree, no multi-line cells. */
  raw?: boolean;
  /** ASCII tree characters (`|-`, `` `- ``, `| `) instead of the UTF-8 line-drawing ones (-a, or a non-UTF-8 locale). */
  ascii?: boolean;
}

interface Symbols {
  branch: string;
  right: string;
  vertical: string;
}

// libsmartcols table.c scols_table_set_default_symbols().
const UTF8: Symbols = { branch: '├─', right: '└─', vertical: '│ ' };
const ASCII: Symbols = { branch: '|-', right: '`-', vertical: '| ' };

/** One line as printed: its chunks per column, its tree art and where it sits in the tree. */
interface Flat {
  line: ScolsLine;
  /** Tree art before the tree column's text (`│ └─`). */
  art: string;
  /** Tree art of the continuation lines of a multi-line cell. */
  emptyArt: string;
}

/** Screen width of a string (code points; the tables hold no wide characters). */
function width(text: string): number {
  return [...text].length;
}

function chunks(cell: ScolsCell): string[] {
  if (cell === undefined) return [''];
  return typeof cell === 'string' ? [cell] : cell.length === 0 ? [''] : cell;
}

/** Flattens the tree in print order with each line's tree art. */
function flatten(lines: ScolsLine[], sym: Symbols): Flat[] {
  const out: Flat[] = [];
  // `prefix` is the art the ancestors leave: "│ " under a parent that has later siblings, "  " under a last child.
  const walk = (list: ScolsLine[], prefix: string, depth: number): void => {
    list.forEach((line, i) => {
      const last = i === list.length - 1;
      const art = depth === 0 ? '' : prefix + (last ? sym.right : sym.branch);
      const own = depth === 0 ? '' : prefix + (last ? '  ' : sym.vertical);
      const hasChildren = (line.children ?? []).length > 0;
      out.push({ line, art, emptyArt: own + (hasChildren ? sym.vertical : '') });
      walk(line.children ?? [], own, depth + 1);
    });
  };
  walk(lines, '', 0);
  return out;
}

/** The UTF-8 bytes of a string. */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** fputs_nonblank(): blanks, `\`, and non-printable bytes as `\xHH`. */
function rawText(text: string): string {
  let out = '';
  for (const byte of utf8(text)) {
    out += byte <= 0x20 || byte === 0x5c || byte >= 0x7f ? `\\x${byte.toString(16).padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return out;
}

/** Renders a table as libsmartcols prints it to a file or pipe. */
export function renderTable(columns: ScolsColumn[], lines: ScolsLine[], options: ScolsOptions = {}): string {
  if (options.raw) {
    const flat = flatten(lines, options.ascii ? ASCII : UTF8);
    const rows = flat.map((f) => columns.map((_, i) => rawText(chunks(f.line.cells[i]).join('\n'))).join(' '));
    const header = options.noheadings ? [] : [columns.map((c) => rawText(c.header)).join(' ')];
    return [...header, ...rows].map((r) => r + '\n').join('');
  }
  const flat = flatten(lines, options.ascii ? ASCII : UTF8);
  const widths = columns.map((col, i) => {
    const min = Math.max(options.noheadings ? 0 : width(col.header), 1);
    let max = 0;
    for (const f of flat) {
      const art = col.tree ? width(f.art) : 0;
      for (const chunk of chunks(f.line.cells[i])) max = Math.max(max, art + width(chunk));
    }
    let w = max;
    if (w < min) w = min;
    else if (col.whint >= 1 && w < col.whint && min < col.whint) w = col.whint;
    // A column with neither header nor data takes no room at all.
    if (max === 0 && options.noheadings && min === 1 && w <= 1) w = 0;
    return w;
  });
  const last = columns.length - 1;
  // print_data(): right-aligned cells padded on the left; every column but the last padded on the right.
  const cell = (text: string, i: number): string => {
    const col = columns[i] as ScolsColumn;
    const w = widths[i] as number;
    const len = width(text);
    const aligned = col.right && text !== '' ? ' '.repeat(Math.max(0, w - len)) + text : text;
    if (i === last) return aligned;
    return aligned + ' '.repeat(Math.max(0, w - width(aligned))) + ' ';
  };
  let out = '';
  if (!options.noheadings) out += columns.map((c, i) => cell(c.header, i)).join('') + '\n';
  for (const f of flat) {
    const parts = columns.map((_, i) => chunks(f.line.cells[i]));
    out += parts.map((p, i) => cell((columns[i]?.tree ? f.art : '') + (p[0] as string), i)).join('') + '\n';
    const extra = Math.max(...parts.map((p) => p.length)) - 1;
    for (let k = 1; k <= extra; k++) {
      out += parts.map((p, i) => (k < p.length ? cell(p[k] as string, i) : cell(columns[i]?.tree ? f.emptyArt : '', i))).join('') + '\n';
    }
  }
  return out;
}
