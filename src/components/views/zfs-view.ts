/**
 * The ZFS view: one dataset's block tree as the engine's `zfsTreeView` describes it — the
 * uberblock, the dataset (its objset) with its space and snapshots, each file's indirect
 * block and its data blocks with short checksums and birth txgs. Blocks a snapshot still
 * holds carry its name; the path the last txg rewrote (uberblock → dataset → indirect →
 * new block: copy-on-write never overwrites in place) is drawn in the accent colour; a
 * damaged block is red, hatched and labelled, and plain again once a scrub healed it.
 * Following OpenZFS's on-disk format (uberblock_t, blkptr_t: checksum of the child, birth
 * txg, lsize/psize/asize, DVA), drawn as an indented tree so it fits a phone.
 */
import type { ZfsTreeView } from '../../simulator/worker/api-types';
import { niceBytes } from './nice-bytes';
import { LINE_H, edge, el, hatchPattern, heading, idPrefixOf, node, nodeHeight, pickShown, rect, svgRoot, text, VIEW_WIDTH, visible, type ViewOptions } from './svg';

type FileView = ZfsTreeView['files'][number];
type BlockView = NonNullable<FileView['blocks'][number]>;

/** Options of the ZFS view. */
export interface ZfsViewOptions extends ViewOptions {
  /** Files drawn at most (damaged and newly written ones first); the rest are counted. Default 8. */
  maxFiles?: number;
  /** Blocks drawn per file at most (damaged and new ones first). Default 8. */
  maxBlocks?: number;
  /** Snapshots drawn at most (the newest). Default 4. */
  maxSnapshots?: number;
  /** The model drawn before this one: blocks damaged there and sound here (same place, same checksum) are marked healed. */
  previous?: ZfsTreeView | null;
}

/** The newest birth txg of any block (a loop: a 16 GiB file has more blocks than a spread into Math.max takes). */
function newestBirth(model: ZfsTreeView): number {
  let newest = 0;
  for (const f of model.files) for (const b of f.blocks) if (b && b.birth > newest) newest = b.birth;
  return newest;
}

/** The uberblock's ub_timestamp (seconds) as UTC text. */
function syncedAt(seconds: number): string {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${seconds} s`;
}

/** Keys (`ino:index:checksum`) of the damaged blocks of `previous`, when it is a drawing of the same dataset as `model`. */
function damagedKeys(model: ZfsTreeView, previous: ZfsTreeView | null | undefined): Set<string> {
  const keys = new Set<string>();
  if (!previous || previous.pool !== model.pool || previous.dataset !== model.dataset) return keys;
  for (const f of previous.files) for (const b of f.blocks) if (b?.damaged) keys.add(`${f.ino}:${b.index}:${b.checksum}`);
  return keys;
}

const MARGIN = 8;
const GAP = 8;
const INDENT = 12;
const BLOCK_W = 72;
const BLOCK_GAP = 6;
/** Files the text alternative describes one by one. */
const DESCRIBED_FILES = 20;

/** The first word of a fletcher4 checksum: enough to see two blocks differ. */
export function shortChecksum(checksum: string): string {
  return checksum.split(':')[0] ?? checksum;
}

function snapTag(names: string[]): string {
  if (names.length === 0) return '';
  return names.length === 1 ? `@${names[0]}` : `@${names[names.length - 1]} +${names.length - 1}`;
}

function blockLabel(file: FileView, b: BlockView, healed: boolean): string {
  const parts = [
    `${visible(file.path)} block ${b.index}: checksum ${b.checksum}, birth txg ${b.birth}`,
    `${niceBytes(b.lsize)} logical, ${niceBytes(b.psize)} physical, ${niceBytes(b.asize)} allocated at vdev ${b.dva.vdev} offset 0x${b.dva.offset.toString(16)}`,
  ];
  if (b.lastWrite) parts.push('written by the last txg: copy-on-write put it in a new place');
  parts.push(b.sharedWith.length > 0 ? `held by snapshot ${b.sharedWith.map((s) => `@${visible(s)}`).join(', ')}` : 'held by no snapshot');
  if (b.damaged) parts.push('DAMAGED: a copy on disk no longer matches this checksum (a read or scrub repairs it from a good copy, or reports a permanent error)');
  if (healed) parts.push('HEALED: the damaged copy was rewritten from a good one (self-healing)');
  return parts.join('; ');
}

/** The SVG markup of a ZFS tree view. Same model and options, same markup. */
export function renderZfsView(model: ZfsTreeView, options: ZfsViewOptions = {}): string {
  const W = Math.max(240, options.width ?? VIEW_WIDTH);
  const id = idPrefixOf(options, 'zfs');
  const hatch = `${id}-hatch`;
  const edges: string[] = [];
  const nodes: string[] = [];
  const anyNew = model.files.some((f) => f.blocks.some((b) => b?.lastWrite));
  // A scrub (or a read) repaired these from a good copy since the last drawing.
  const wasDamaged = damagedKeys(model, options.previous);
  const healed = (file: FileView, b: BlockView) => !b.damaged && wasDamaged.has(`${file.ino}:${b.index}:${b.checksum}`);
  let y = MARGIN;

  // Uberblock: the root every txg sync rewrites. Blocks born after its txg are in the open
  // txg: on disk, but no uberblock points at them until the next sync (spa_sync, at most
  // zfs_txg_timeout = 5 s later), so that edge of the path is drawn dashed.
  const ub = model.uberblock;
  const newest = newestBirth(model);
  const pending = newest > ub.txg;
  const ubLines = [`uberblock · txg ${ub.txg}`, `pool ${model.pool} · magic ${ub.magic}`, ...(pending ? [`txg ${newest} open: not synced yet`] : [])];
  const ubLabel = `Uberblock of pool ${visible(model.pool)}: txg ${ub.txg}, magic ${ub.magic}, synced at ${syncedAt(ub.timestamp)}${pending ? `; the newest blocks are in open txg ${newest}, which the next sync (within 5 s) writes out with a new uberblock pointing at them` : ''}`;
  nodes.push(node({ x: MARGIN, y, width: W - 2 * MARGIN, lines: ubLines, key: 'uberblock', classes: anyNew ? ['on-path'] : [], label: ubLabel }));
  const ubBottom = y + nodeHeight(ubLines.length);
  y = ubBottom + GAP;

  // The dataset, its space figures and its snapshots.
  const s = model.space;
  const dsX = MARGIN + INDENT;
  const dsLines = [`dataset ${model.dataset}`, `used ${niceBytes(s.used)} · refer ${niceBytes(s.referenced)}`, `snapshots ${niceBytes(s.usedbysnapshots)} · written ${niceBytes(s.written)}`];
  nodes.push(
    node({
      x: dsX,
      y,
      width: W - dsX - MARGIN,
      lines: dsLines,
      key: 'dataset',
      classes: anyNew ? ['on-path'] : [],
      label: `Dataset ${visible(model.dataset)}: used ${niceBytes(s.used)}, referenced ${niceBytes(s.referenced)}, used by snapshots ${niceBytes(s.usedbysnapshots)}, written since the last snapshot ${niceBytes(s.written)}, available ${niceBytes(s.available)}`,
    }),
  );
  const dsMid = y + nodeHeight(1) / 2;
  edges.push(edge([[MARGIN + INDENT / 2, ubBottom], [MARGIN + INDENT / 2, dsMid], [dsX, dsMid]], { class: `link${anyNew ? ' cow' : ''}${pending ? ' pending' : ''}` }));
  const dsBottom = y + nodeHeight(dsLines.length);
  y = dsBottom + GAP;
  const trunk = dsX + INDENT / 2;
  const childX = dsX + INDENT;

  const maxSnaps = options.maxSnapshots ?? 4;
  const snaps = model.snapshots.slice(-maxSnaps);
  const olderSnaps = model.snapshots.length - snaps.length;
  if (olderSnaps > 0) {
    nodes.push(text(childX, y + LINE_H - 4, `and ${olderSnaps} older snapshot${olderSnaps === 1 ? '' : 's'}`, { class: 'more' }));
    y += LINE_H;
  }
  for (const snap of snaps) {
    const lines = [`@${snap.name} · txg ${snap.txg} · used ${niceBytes(snap.used)}`];
    nodes.push(node({ x: childX, y, width: W - childX - MARGIN, lines, key: `snap:${snap.name}`, classes: ['snapshot'], label: `Snapshot @${visible(snap.name)}: taken at txg ${snap.txg}, holds every block born at or before it; used ${niceBytes(snap.used)} (blocks only it still holds), referenced ${niceBytes(snap.referenced)}` }));
    const mid = y + nodeHeight(1) / 2;
    edges.push(edge([[trunk, dsBottom], [trunk, mid], [childX, mid]], { class: 'link snap-link' }));
    y += nodeHeight(1) + GAP / 2;
  }
  if (snaps.length > 0) y += GAP / 2;

  // Files: the indirect block, then the data blocks it points to.
  const maxFiles = options.maxFiles ?? 8;
  const maxBlocks = options.maxBlocks ?? 8;
  const shownFiles = pickShown(model.files, maxFiles, (f) => f.blocks.some((b) => !!b && (b.damaged || b.lastWrite || healed(f, b))));
  const blockX = childX + INDENT;
  const perRow = Math.max(1, Math.floor((W - MARGIN - blockX + BLOCK_GAP) / (BLOCK_W + BLOCK_GAP)));
  const blockH = nodeHeight(3);
  for (const fi of shownFiles) {
    const file = model.files[fi] as FileView;
    const fileNew = file.blocks.some((b) => b?.lastWrite);
    const fileDamaged = file.blocks.some((b) => b?.damaged);
    const lines = [file.path, `indirect ${shortChecksum(file.indirect.checksum)} · txg ${file.indirect.birth}`];
    const classes = ['file', ...(fileNew ? ['on-path'] : []), ...(fileDamaged ? ['has-damage'] : [])];
    const count = file.blockCount ?? file.blocks.filter((b) => b).length;
    nodes.push(
      node({
        x: childX,
        y,
        width: W - childX - MARGIN,
        lines,
        key: `file:${file.ino}`,
        classes,
        label: `File ${visible(file.path)} (object ${file.ino}): indirect block checksum ${file.indirect.checksum}, birth txg ${file.indirect.birth}, ${count} data block${count === 1 ? '' : 's'}${fileNew ? '; rewritten by the last txg' : ''}${fileDamaged ? '; has damaged blocks' : ''}`,
      }),
    );
    const fileMid = y + nodeHeight(1) / 2;
    edges.push(edge([[trunk, dsBottom], [trunk, fileMid], [childX, fileMid]], { class: fileNew ? 'link cow' : 'link' }));
    const fileBottom = y + nodeHeight(lines.length);
    y = fileBottom + GAP;

    const shown = pickShown(file.blocks, maxBlocks, (b) => !!b && (b.damaged || b.lastWrite || healed(file, b)));
    const fileTrunk = childX + INDENT / 2;
    shown.forEach((bi, k) => {
      const b = file.blocks[bi] ?? null;
      const col = k % perRow;
      const row = Math.floor(k / perRow);
      const bx = blockX + col * (BLOCK_W + BLOCK_GAP);
      const by = y + row * (blockH + BLOCK_GAP);
      if (col === 0) {
        const rowNew = shown.slice(k, k + perRow).some((j) => file.blocks[j]?.lastWrite);
        edges.push(edge([[fileTrunk, fileBottom], [fileTrunk, by + blockH / 2], [bx, by + blockH / 2]], { class: rowNew ? 'link cow' : 'link' }));
      }
      if (!b) {
        nodes.push(node({ x: bx, y: by, width: BLOCK_W, lines: [`#${bi}`, 'hole', ''], key: `block:${file.ino}:${bi}`, classes: ['block', 'hole'], label: `${visible(file.path)} block ${bi}: a hole (never written, reads as zeros, takes no space)` }));
        return;
      }
      const fixed = healed(file, b);
      const tag = b.damaged ? '✗ damaged' : fixed ? '✓ healed' : [b.lastWrite ? 'new' : '', snapTag(b.sharedWith)].filter((t) => t !== '').join(' ');
      const classes = ['block', ...(b.lastWrite ? ['new'] : []), ...(b.sharedWith.length > 0 ? ['shared'] : []), ...(b.damaged ? ['damaged'] : []), ...(fixed ? ['healed'] : [])];
      const overlay = b.damaged ? rect(bx, by, BLOCK_W, blockH, { rx: 4, class: 'hatch', fill: `url(#${hatch})` }) : '';
      // The model carries a bounded selection of blocks: b.index is the block's own number.
      nodes.push(node({ x: bx, y: by, width: BLOCK_W, lines: [`#${b.index} txg ${b.birth}`, shortChecksum(b.checksum), tag], key: `block:${file.ino}:${b.index}`, classes, overlay, label: blockLabel(file, b, fixed) }));
    });
    const rows = Math.ceil(shown.length / perRow);
    y += rows * (blockH + BLOCK_GAP);
    const hidden = (file.blockCount ?? file.blocks.length) - shown.length;
    if (hidden > 0) {
      nodes.push(text(blockX, y + LINE_H - 4, `and ${hidden} more block${hidden === 1 ? '' : 's'}`, { class: 'more' }));
      y += LINE_H;
    }
    y += GAP;
  }
  const hiddenFiles = (model.fileCount ?? model.files.length) - shownFiles.length;
  if (hiddenFiles > 0) {
    nodes.push(text(childX, y + LINE_H - 4, `and ${hiddenFiles} more file${hiddenFiles === 1 ? '' : 's'}`, { class: 'more' }));
    y += LINE_H + GAP;
  }
  if (model.files.length === 0) {
    nodes.push(text(childX, y + LINE_H - 4, 'no files yet', { class: 'more' }));
    y += LINE_H + GAP;
  }

  // Legend: every mark is a word too, not colour alone.
  y += 2;
  const legend = [
    { cls: 'new', word: 'new: written by the last txg' },
    { cls: 'shared', word: '@snap: a snapshot holds it' },
    { cls: 'damaged', word: '✗ damaged: checksum mismatch' },
  ];
  const legendBody: string[] = [heading(MARGIN, y + LINE_H - 4, 'Legend', W)];
  y += LINE_H;
  for (const item of legend) {
    legendBody.push(el('g', { class: `swatch ${item.cls}`, 'aria-hidden': 'true' }, [rect(MARGIN, y + 2, 14, 10, { rx: 2, class: 'box' }), item.cls === 'damaged' ? rect(MARGIN, y + 2, 14, 10, { rx: 2, class: 'hatch', fill: `url(#${hatch})` }) : '']));
    legendBody.push(text(MARGIN + 22, y + LINE_H - 4, item.word, { class: 'legend' }));
    y += LINE_H;
  }
  y += MARGIN;
  const label = `ZFS block tree of ${visible(model.dataset)}`;
  return svgRoot('zfs', W, Math.max(y, 60), label, hatchPattern(hatch), [el('g', { class: 'edges', 'aria-hidden': 'true' }, edges), ...nodes, el('g', { class: 'legend-items' }, legendBody)]);
}

/** A short plain-text account of the same view, for the text alternative under it (`previous` as for the drawing). */
export function describeZfsView(model: ZfsTreeView, previous?: ZfsTreeView | null): string {
  const s = model.space;
  const newest = newestBirth(model);
  const out = [
    `ZFS block tree of ${model.dataset} (pool ${model.pool}); the uberblock is at txg ${model.uberblock.txg}${newest > model.uberblock.txg ? `; txg ${newest} is open, not synced yet` : ''}.`,
    `Space: used ${niceBytes(s.used)}, referenced ${niceBytes(s.referenced)}, used by snapshots ${niceBytes(s.usedbysnapshots)}, written since the last snapshot ${niceBytes(s.written)}.`,
    model.snapshots.length === 0 ? 'No snapshots.' : `Snapshots: ${model.snapshots.map((sn) => `@${sn.name} (txg ${sn.txg}, used ${niceBytes(sn.used)})`).join(', ')}.`,
  ];
  if (model.files.length === 0) out.push('No files yet.');
  const damaged: string[] = [];
  for (const f of model.files) for (const b of f.blocks) if (b?.damaged) damaged.push(`${f.path} block ${b.index}`);
  // Files described at most: the ones the last write or damage touched first, like the drawing.
  const listed = pickShown(model.files, DESCRIBED_FILES, (f) => f.blocks.some((b) => !!b && (b.damaged || b.lastWrite)));
  for (const fi of listed) {
    const f = model.files[fi] as FileView;
    const blocks = f.blocks.filter((b): b is BlockView => !!b);
    const fresh = blocks.filter((b) => b.lastWrite).map((b) => b.index);
    const shared = blocks.filter((b) => b.sharedWith.length > 0).length;
    const total = f.blockCount ?? blocks.length;
    const parts = [`${f.path}: ${total} block${total === 1 ? '' : 's'}, indirect block checksum ${shortChecksum(f.indirect.checksum)} at txg ${f.indirect.birth}`];
    if (fresh.length > 0) parts.push(`the last write created block${fresh.length === 1 ? '' : 's'} ${listNumbers(fresh)} at a new place`);
    if (shared > 0) parts.push(`${shared} held by a snapshot`);
    out.push(`${parts.join('; ')}.`);
  }
  const fileTotal = model.fileCount ?? model.files.length;
  if (fileTotal > listed.length) out.push(`And ${fileTotal - listed.length} more files.`);
  const wasDamaged = damagedKeys(model, previous);
  const healed = model.files.flatMap((f) => f.blocks.filter((b): b is BlockView => !!b && !b.damaged && wasDamaged.has(`${f.ino}:${b.index}:${b.checksum}`)).map((b) => `${f.path} block ${b.index}`));
  if (healed.length > 0) out.push(`Healed from a good copy since the last drawing: ${healed.length > 10 ? `${healed.slice(0, 10).join(', ')} and ${healed.length - 10} more` : healed.join(', ')}.`);
  out.push(damaged.length === 0 ? 'No damaged blocks.' : `Damaged (checksum mismatch on disk): ${damaged.length > 10 ? `${damaged.slice(0, 10).join(', ')} and ${damaged.length - 10} more` : damaged.join(', ')}.`);
  return out.map(visible).join('\n');
}

function listNumbers(ns: number[]): string {
  return ns.length > 8 ? `${ns.slice(0, 8).join(', ')} and ${ns.length - 8} more` : ns.join(', ');
}
