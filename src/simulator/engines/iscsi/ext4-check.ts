/**
 * What `e2fsck -n` finds on the simulator's ext4, read straight from the device: directory
 * entries that point at unused inodes (pass 2), used inodes no directory reaches (pass 4),
 * blocks claimed by two inodes (pass 1B) and bitmaps that disagree with what the inodes use
 * (pass 5). These are the marks two hosts leave when both mount one LUN without a cluster
 * filesystem: each wrote its own bitmaps and directories over the other's.
 */
// @sim e2fsck checks | e2fsprogs 1.47 e2fsck passes 1B, 2, 4, 5 messages for the damage a double mount leaves (deleted/unused inode, unattached inode, multiply-claimed blocks, bitmap differences)
import { findDevice } from '../kernel/devices';
import { materialise } from '../kernel/content';
import type { World } from '../world';
import { readBitmaps, readData, readInode, type InodeRec } from './ext4-disk';
import { ROOT_INO } from './ext4-driver';
import { ext4Geometry, FIRST_INODE } from './ext4-layout';

/** One problem, in e2fsck's words, by pass. */
export interface Ext4Problem {
  pass: '1B' | 2 | 4 | 5;
  text: string;
}

/** The result of a check. */
export interface Ext4Check {
  problems: Ext4Problem[];
  usedInodes: number;
  inodes: number;
  usedBlocks: number;
  blocks: number;
}

/** `+(a--b)` / `-a` runs of a sorted list of numbers. */
function runs(sign: '+' | '-', values: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && (values[j + 1] as number) === (values[j] as number) + 1) j++;
    out.push(i === j ? `${sign}${values[i]}` : `${sign}(${values[i]}--${values[j]})`);
    i = j + 1;
  }
  return out;
}

/** Checks the ext4 on `devName`; null when there is none. */
export function checkExt4(world: World, host: string, devName: string): Ext4Check | null {
  const dev = findDevice(world, host, devName);
  if (!dev) return null;
  const bitmaps = readBitmaps(world, host, dev);
  if (!bitmaps || typeof bitmaps === 'string') return null;
  const g = ext4Geometry(dev.size);
  const problems: Ext4Problem[] = [];
  const inodeOf = new Map<number, InodeRec | null>();
  const load = (ino: number): InodeRec | null => {
    if (!inodeOf.has(ino)) {
      const r = readInode(world, host, dev, ino);
      inodeOf.set(ino, r && typeof r === 'object' ? r : null);
    }
    return inodeOf.get(ino) ?? null;
  };
  const inBitmap = new Set(bitmaps.inodes);
  const reachable = new Set<number>([ROOT_INO]);
  const queue: [number, string][] = [[ROOT_INO, '/']];
  while (queue.length > 0) {
    const [dir, path] = queue.shift() as [number, string];
    const rec = load(dir);
    if (!rec || rec.t !== 'dir') continue;
    const data = readData(world, host, dev, rec);
    const text = typeof data === 'string' ? null : materialise(data);
    let entries: Record<string, number> = {};
    try {
      entries = JSON.parse((text ? text.slice(0, Math.max(0, text.indexOf('\0'))) : '') || '{}') as Record<string, number>;
    } catch {
      entries = {};
    }
    for (const [name, child] of Object.entries(entries)) {
      const c = load(child);
      if (!c || !inBitmap.has(child)) {
        problems.push({ pass: 2, text: `Entry '${name}' in ${path} (${dir}) has deleted/unused inode ${child}.  Clear? no\n\n` });
        continue;
      }
      if (reachable.has(child)) continue;
      reachable.add(child);
      if (c.t === 'dir') queue.push([child, path === '/' ? `/${name}` : `${path}/${name}`]);
    }
  }
  // Pass 4: used inodes nothing points at.
  for (const ino of [...inBitmap].sort((a, b) => a - b)) {
    if (ino < FIRST_INODE || reachable.has(ino)) continue;
    const r = load(ino);
    if (!r) continue;
    problems.push({ pass: 4, text: r.s === 0 ? `Unattached zero-length inode ${ino}.  Clear? no\n\n` : `Unattached inode ${ino}\nConnect to /lost+found? no\n\n` });
  }
  // Pass 1B: blocks two inodes claim.
  const owner = new Map<number, number[]>();
  for (const ino of inBitmap) {
    const r = load(ino);
    for (const [s, c] of r?.x ?? []) for (let b = s; b < s + c; b++) owner.set(b, [...(owner.get(b) ?? []), ino]);
  }
  const shared = new Map<number, number[]>();
  for (const [b, inos] of owner) if (inos.length > 1) for (const ino of inos) shared.set(ino, [...(shared.get(ino) ?? []), b]);
  for (const ino of [...shared.keys()].sort((a, b) => a - b)) problems.push({ pass: '1B', text: `Multiply-claimed block(s) in inode ${ino}:${(shared.get(ino) ?? []).sort((a, b) => a - b).map((b) => ` ${b}`).join('')}\n` });
  // Pass 5: the block bitmap against what the inodes use (the resize inode holds the block after lost+found).
  const marked = new Set<number>();
  for (const [s, c] of bitmaps.blocks) for (let b = s; b < s + c; b++) marked.add(b);
  const used = new Set<number>([...owner.keys(), g.overhead + 5]);
  const plus = [...used].filter((b) => !marked.has(b)).sort((a, b) => a - b);
  const minus = [...marked].filter((b) => !used.has(b)).sort((a, b) => a - b);
  if (plus.length + minus.length > 0) problems.push({ pass: 5, text: `Block bitmap differences:  ${[...runs('+', plus), ...runs('-', minus)].join(' ')}\nFix? no\n\n` });
  const usedBlocks = g.overhead + marked.size;
  return { problems, usedInodes: inBitmap.size + (FIRST_INODE - 2), inodes: g.inodes, usedBlocks, blocks: g.blocks };
}
