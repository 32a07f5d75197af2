import { describe, expect, it } from 'vitest';
import { describeZfsView, renderZfsView } from '../../../../src/components/views/zfs-view';
import { zfsTreeView } from '../../../../src/simulator/engines/zfs';
import type { ZfsTreeView } from '../../../../src/simulator/worker/api-types';
import { all, byClass, classes, focusable, parseXml, textOf, type XmlElement } from './xml-tree';
import { runAll, zfsScenario } from './view-models';

const view = (s: ReturnType<typeof zfsScenario>) => zfsTreeView(s.world, 'truenas', 'tank/fs') as ZfsTreeView;
const byKey = (svg: XmlElement, key: string) => all(svg).find((e) => e.attrs['data-key'] === key);
const blocksOf = (svg: XmlElement, ino: number) => byClass(svg, 'block').filter((b) => b.attrs['data-key']?.startsWith(`block:${ino}:`));

describe('the ZFS view', () => {
  it('draws uberblock, dataset, snapshot, files and blocks as focusable, named nodes with short checksums and birth txgs', () => {
    const model = view(zfsScenario());
    const svg = parseXml(renderZfsView(model));
    expect(svg.attrs['role']).toBe('group');
    expect(svg.attrs['aria-label']).toBe('ZFS block tree of tank/fs');
    expect(svg.attrs['viewBox']).toMatch(/^0 0 360 \d+$/);
    const keys = focusable(svg).map((e) => e.attrs['data-key']);
    expect(keys.slice(0, 3)).toEqual(['uberblock', 'dataset', 'snap:a']);
    const file = model.files.find((f) => f.path === '/f');
    expect(file?.blocks).toHaveLength(4);
    const block0 = byKey(svg, `block:${file?.ino}:0`) as XmlElement;
    expect(textOf(block0)).toContain(`txg ${file?.blocks[0]?.birth}`);
    expect(textOf(block0)).toContain(file?.blocks[0]?.checksum.slice(0, 8));
    expect(block0.attrs['aria-label']).toContain(`checksum ${file?.blocks[0]?.checksum}`);
    expect(all(svg).filter((e) => e.name === 'title')).toHaveLength(focusable(svg).length + 1);
  });

  it('marks the blocks the snapshot holds, and highlights the path the last write created', () => {
    const model = view(zfsScenario());
    const svg = parseXml(renderZfsView(model));
    const f = model.files.find((x) => x.path === '/f') as ZfsTreeView['files'][number];
    const blocks = blocksOf(svg, f.ino);
    // Blocks 0, 2, 3 are the snapshot's; block 1 was rewritten after it: new, held by no snapshot.
    expect(blocks.map((b) => classes(b).filter((c) => c === 'shared' || c === 'new'))).toEqual([['shared'], ['new'], ['shared'], ['shared']]);
    expect(textOf(blocks[0] as XmlElement)).toContain('@a');
    expect(blocks[0]?.attrs['aria-label']).toContain('held by snapshot @a');
    expect(blocks[1]?.attrs['aria-label']).toContain('written by the last txg');
    // The copy-on-write path: uberblock → dataset → /f → the row holding block 1, and not /hello.txt.
    expect(byClass(svg, 'cow')).toHaveLength(3);
    // The rewrite is in the open txg: the uberblock does not point at it until the next sync.
    const newest = Math.max(...f.blocks.map((b) => b?.birth ?? 0));
    expect(newest).toBe(model.uberblock.txg + 1);
    expect(textOf(byKey(svg, 'uberblock') as XmlElement)).toContain(`txg ${newest} open: not synced yet`);
    expect(byClass(svg, 'pending')).toHaveLength(1);
    const s = runAll(zfsScenario(), ['sleep 6', 'zpool list']);
    const synced = parseXml(renderZfsView(view(s)));
    expect(textOf(byKey(synced, 'uberblock') as XmlElement)).toBe(`uberblock · txg ${newest} pool tank · magic 0x00bab10c`);
    expect(byClass(synced, 'pending')).toEqual([]);
    expect(['uberblock', 'dataset', `file:${f.ino}`].map((k) => classes(byKey(svg, k) as XmlElement).includes('on-path'))).toEqual([true, true, true]);
    const hello = model.files.find((x) => x.path === '/hello.txt');
    expect(classes(byKey(svg, `file:${hello?.ino}`) as XmlElement)).not.toContain('on-path');
    expect(describeZfsView(model)).toContain('/f: 4 blocks');
    expect(describeZfsView(model)).toContain('the last write created block 1 at a new place; 3 held by a snapshot.');
  });

  it('names every snapshot that holds a block: the newest on the block, all of them in its label', () => {
    const s = runAll(zfsScenario(), ['zfs snapshot tank/fs@b']);
    const model = view(s);
    const svg = parseXml(renderZfsView(model));
    const f = model.files.find((x) => x.path === '/f') as ZfsTreeView['files'][number];
    const [b0, b1] = blocksOf(svg, f.ino);
    expect(textOf(b0 as XmlElement)).toMatch(/ @b \+1$/);
    expect(b0?.attrs['aria-label']).toContain('held by snapshot @a, @b');
    expect(textOf(b1 as XmlElement)).toMatch(/ new @b$/);
    expect(focusable(svg).map((e) => e.attrs['data-key']).filter((k) => k?.startsWith('snap:'))).toEqual(['snap:a', 'snap:b']);
  });

  it('turns damaged blocks red, hatched and labelled, then healed after the scrub, then plain', () => {
    const s = zfsScenario();
    runAll(s, ['lab fault corrupt sdb']);
    const damaged = parseXml(renderZfsView(view(s), { idPrefix: 'lab1-zfs' }));
    const bad = byClass(damaged, 'damaged').filter((e) => classes(e).includes('block'));
    expect(bad.length).toBe(5);
    for (const b of bad) {
      expect(textOf(b)).toContain('✗ damaged');
      expect(b.attrs['aria-label']).toContain('DAMAGED');
      expect(b.children.some((c) => c.attrs['fill'] === 'url(#lab1-zfs-hatch)')).toBe(true);
    }
    expect(all(damaged).some((e) => e.name === 'pattern' && e.attrs['id'] === 'lab1-zfs-hatch')).toBe(true);
    expect(describeZfsView(view(s))).toContain('Damaged (checksum mismatch on disk): /f block 0');
    const before = view(s);
    runAll(s, ['zpool scrub -w tank']);
    const healed = parseXml(renderZfsView(view(s), { previous: before }));
    expect(byClass(healed, 'damaged').filter((e) => classes(e).includes('block'))).toEqual([]);
    // Drawn against the damaged model: marked healed, in words too; drawn again, plain.
    const fixed = byClass(healed, 'healed');
    expect(fixed).toHaveLength(5);
    expect(fixed.every((b) => textOf(b).endsWith('✓ healed') && b.attrs['aria-label']?.includes('HEALED'))).toBe(true);
    expect(describeZfsView(view(s), before)).toContain('Healed from a good copy since the last drawing: /f block 0, /f block 1');
    expect(describeZfsView(view(s))).toContain('No damaged blocks.');
    expect(byClass(parseXml(renderZfsView(view(s), { previous: view(s) })), 'healed')).toEqual([]);
    // A drawing of another dataset is no "before".
    expect(byClass(parseXml(renderZfsView(view(s), { previous: { ...before, dataset: 'tank/other' } })), 'healed')).toEqual([]);
  });

  it('is deterministic, and caps many files and blocks, keeping the damaged and new ones in view', () => {
    const model = view(zfsScenario());
    expect(renderZfsView(model)).toBe(renderZfsView(structuredClone(model)));
    const template = model.files.find((f) => f.path === '/f') as ZfsTreeView['files'][number];
    const block = template.blocks[0] as NonNullable<ZfsTreeView['files'][number]['blocks'][number]>;
    const blocks = Array.from({ length: 100 }, (_, index) => ({ ...block, index, lastWrite: false, damaged: index === 50 }));
    const files = Array.from({ length: 30 }, (_, i) => ({ ...template, ino: 100 + i, path: `/file-${String(i).padStart(2, '0')}`, blocks: i === 29 ? blocks : blocks.map((b) => ({ ...b, damaged: false })), blockCount: blocks.length }));
    const svg = parseXml(renderZfsView({ ...model, files, fileCount: files.length }));
    const more = byClass(svg, 'more').map(textOf);
    expect(more).toContain('and 22 more files');
    expect(more.filter((t) => t === 'and 92 more blocks')).toHaveLength(8);
    expect(byKey(svg, 'file:129')).toBeDefined();
    expect(byKey(svg, 'block:129:50')).toBeDefined();
    expect(focusable(svg).length).toBeLessThan(80);
    const text = describeZfsView({ ...model, files, fileCount: files.length });
    expect(text).toContain('/file-29: 100 blocks');
    expect(text).toContain('And 10 more files.');
    expect(text).toContain('Damaged (checksum mismatch on disk): /file-29 block 50.');
  });

  it('draws a file of 200,000 blocks (25 GiB of 128K records) without choking: capped, counted', () => {
    const model = view(zfsScenario());
    const template = model.files[0] as ZfsTreeView['files'][number];
    const block = template.blocks[0] as NonNullable<ZfsTreeView['files'][number]['blocks'][number]>;
    const blocks = Array.from({ length: 200_000 }, (_, index) => ({ ...block, index, birth: index === 199_999 ? 99 : block.birth }));
    const huge = { ...model, fileCount: 1, files: [{ ...template, blocks, blockCount: blocks.length }] };
    const svg = parseXml(renderZfsView(huge));
    expect(byClass(svg, 'more').map(textOf)).toEqual(['and 199992 more blocks']);
    expect(textOf(byKey(svg, 'uberblock') as XmlElement)).toContain('txg 99 open: not synced yet');
    expect(describeZfsView(huge)).toContain(': 200000 blocks');
  });

  it('keeps hostile file names inert text', () => {
    const s = runAll(zfsScenario(), [`echo x > '/mnt/tank/fs/<img src=x onerror=alert(1)>'`, `echo x > '/mnt/tank/fs/$(reboot)'`, `echo x > $'/mnt/tank/fs/\\e[31mred\\u202egpj.exe'`]);
    const markup = renderZfsView(view(s));
    const svg = parseXml(markup);
    expect(all(svg).map((e) => e.name).filter((n) => !['svg', 'title', 'defs', 'pattern', 'line', 'g', 'path', 'rect', 'text'].includes(n))).toEqual([]);
    expect(all(svg).flatMap((e) => Object.keys(e.attrs)).filter((a) => a.startsWith('on'))).toEqual([]);
    const labels = focusable(svg).map((e) => e.attrs['aria-label'] ?? '');
    expect(labels.some((l) => l.startsWith('File /<img src=x onerror=alert(1)>'))).toBe(true);
    expect(labels.some((l) => l.startsWith('File /$(reboot)'))).toBe(true);
    expect(labels.some((l) => l.startsWith('File /␛[31mred\\u202egpj.exe'))).toBe(true);
    expect(markup).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    expect(describeZfsView(view(s))).toContain('/␛[31mred\\u202egpj.exe: 1 block');
  });
});
