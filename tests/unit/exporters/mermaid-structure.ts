/**
 * A strict reader for the Mermaid flowchart subset `diagram()` writes. Mermaid itself is
 * not a dependency of this project, so the tests check the text against the shapes of the
 * Mermaid flowchart grammar we use (node shapes, `subgraph id["…"]` … `end`, edges with a
 * quoted `|"…"|` label, accTitle/accDescr) and reject anything else: a label that escaped
 * its quotes, a stray directive, an unknown edge end, an unbalanced `end`.
 */

/** A node or subgraph, with the subgraph it sits in. */
export interface MermaidItem {
  id: string;
  label: string;
  kind: 'subgraph' | 'node';
  /** The id of the enclosing subgraph, or undefined at top level. */
  parent: string | undefined;
}

/** An edge between two declared ids. */
export interface MermaidEdge {
  from: string;
  to: string;
  arrow: string;
  label: string;
}

/** What a flowchart declares. */
export interface MermaidFlowchart {
  accTitle: string;
  accDescr: string;
  items: MermaidItem[];
  edges: MermaidEdge[];
}

const ID = '[A-Za-z][A-Za-z0-9_]*';
// Inside a quoted label: no quote, no raw %, no markup except the <br> diagram() inserts.
const LABEL = '(?:[^"%<>`\\n]|<br>)*';
const NODE_SHAPES = [
  new RegExp(`^(${ID})\\["(${LABEL})"\\]$`), // rectangle
  new RegExp(`^(${ID})\\(\\["(${LABEL})"\\]\\)$`), // stadium
  new RegExp(`^(${ID})\\[\\("(${LABEL})"\\)\\]$`), // cylinder
  new RegExp(`^(${ID})\\{\\{"(${LABEL})"\\}\\}$`), // hexagon
  new RegExp(`^(${ID})\\(\\("(${LABEL})"\\)\\)$`), // circle
];
const SUBGRAPH = new RegExp(`^subgraph (${ID})\\["(${LABEL})"\\]$`);
const EDGE = new RegExp(`^(${ID}) (-->|-\\.->|==>|-\\.-)\\|"(${LABEL})"\\| (${ID})$`);
const KEYWORDS = new Set(['end', 'subgraph', 'graph', 'flowchart', 'style', 'class', 'classDef', 'click', 'linkStyle', 'default', 'direction']);

/** Read the flowchart, or throw saying which line breaks the expected grammar. */
export function readFlowchart(text: string): MermaidFlowchart {
  if (!text.endsWith('\n')) throw new Error('diagram text does not end with a newline');
  if (/%%/.test(text)) throw new Error('diagram text contains %% (comment or directive)');
  // mermaid flow.jison: `.*direction\s+TB[^\n]*` (and BT, RL, LR) takes a whole line as a direction statement.
  const direction = /direction\s+(TB|BT|RL|LR)/.exec(text);
  if (direction) throw new Error(`diagram text contains ${JSON.stringify(direction[0])}, which mermaid's lexer reads as a direction statement`);
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== 'flowchart TB') throw new Error(`first line is ${JSON.stringify(lines[0])}, not "flowchart TB"`);
  const accTitle = /^ {4}accTitle: ([^\n{}%]*)$/.exec(lines[1] ?? '');
  const accDescr = /^ {4}accDescr: ([^\n{}%]*)$/.exec(lines[2] ?? '');
  if (!accTitle || !accDescr) throw new Error('lines 2 and 3 must be accTitle: and accDescr:');

  const items: MermaidItem[] = [];
  const edges: MermaidEdge[] = [];
  const stack: string[] = [];
  const declare = (id: string, label: string, kind: MermaidItem['kind']) => {
    if (KEYWORDS.has(id)) throw new Error(`id ${id} is a Mermaid keyword`);
    if (items.some((i) => i.id === id)) throw new Error(`id ${id} is declared twice`);
    items.push({ id, label, kind, parent: stack[stack.length - 1] });
  };

  for (const [n, raw] of lines.slice(3).entries()) {
    const depth = stack.length + 1;
    const indent = /^( *)/.exec(raw)?.[1]?.length ?? 0;
    const line = raw.trim();
    const where = `line ${n + 4} ${JSON.stringify(raw)}`;
    if (line === 'end') {
      if (stack.length === 0) throw new Error(`${where}: end without subgraph`);
      stack.pop();
      if (indent !== stack.length * 4 + 4) throw new Error(`${where}: end is not indented like its subgraph`);
      continue;
    }
    if (indent !== depth * 4) throw new Error(`${where}: indented ${indent}, expected ${depth * 4}`);
    const sub = SUBGRAPH.exec(line);
    if (sub) {
      declare(sub[1] as string, sub[2] as string, 'subgraph');
      stack.push(sub[1] as string);
      continue;
    }
    const node = NODE_SHAPES.map((re) => re.exec(line)).find((m) => m !== null);
    if (node) {
      declare(node[1] as string, node[2] as string, 'node');
      continue;
    }
    const edge = EDGE.exec(line);
    if (edge) {
      if (stack.length > 0) throw new Error(`${where}: edges are written after every subgraph is closed`);
      edges.push({ from: edge[1] as string, arrow: edge[2] as string, label: edge[3] as string, to: edge[4] as string });
      continue;
    }
    throw new Error(`${where}: not a node, subgraph, end or edge of the expected shapes`);
  }
  if (stack.length > 0) throw new Error(`subgraph ${stack.join(', ')} is never closed`);
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) {
      if (!items.some((i) => i.id === end)) throw new Error(`edge ${edge.from} → ${edge.to} uses undeclared id ${end}`);
    }
  }
  return { accTitle: accTitle[1] as string, accDescr: accDescr[1] as string, items, edges };
}

/** The chain of subgraph ids around an item, innermost first. */
export function ancestors(chart: MermaidFlowchart, id: string): string[] {
  const out: string[] = [];
  let current = chart.items.find((i) => i.id === id)?.parent;
  while (current !== undefined) {
    out.push(current);
    current = chart.items.find((i) => i.id === current)?.parent;
  }
  return out;
}
