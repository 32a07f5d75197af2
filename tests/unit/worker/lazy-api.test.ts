/**
 * The worker's API with commands, YAML, exporters and example labs loaded on demand
 * (lazy-api.ts, lazy-registry.ts) must answer exactly as the fully loaded one (sim-api.ts):
 * same replies, same session log, same transcript, also when a line reaches a command the
 * first scan of it could not see, so the half-run line is rewound and run again.
 *
 * The lazy registry is one module per test file, filled as commands load: the tests below run
 * in order, and the first ones rely on zpool, zfs and pct not being loaded yet.
 */
import { describe, expect, test } from 'vitest';
import { isStub } from '../../../src/simulator/shell/lazy-command';
import { COMMANDS as LAZY } from '../../../src/simulator/shell/lazy-registry';
import type { BootRequest, SimApi } from '../../../src/simulator/worker/api-types';
import { exampleLabs } from '../../../src/simulator/worker/example-labs';
import type { LabDocLoader } from '../../../src/simulator/worker/example-lab-docs';
import { prepareExampleLab } from '../../../src/simulator/worker/example-lab';
import { createLazySimApi, type LazySimApi } from '../../../src/simulator/worker/lazy-api';
import { createSimApi, labDocuments } from '../../../src/simulator/worker/sim-api';
import { LESSON } from './lesson-lines';

/** The example labs as the worker gets them (prepared as the build prepares them), counting each load. */
function loaders(loads: string[] = []): Record<string, LabDocLoader> {
  const docs = labDocuments(exampleLabs());
  return Object.fromEntries(Object.entries(docs).map(([id, doc]) => [id, async () => (loads.push(id), structuredClone(prepareExampleLab(doc)))]));
}

/** Both APIs booted the same way. */
async function pair(request: BootRequest = { labId: 'starter' }): Promise<{ lazy: LazySimApi; full: SimApi }> {
  const full = createSimApi();
  const lazy = createLazySimApi(loaders(), { prefetchAfterMs: null });
  expect(await lazy.boot(request)).toEqual(full.boot(request));
  return { lazy, full };
}

/** Runs `lines` on both and expects the same reply to each, then the same log, transcript and history. */
async function same(lazy: LazySimApi, full: SimApi, lines: readonly string[]): Promise<void> {
  for (const line of lines) expect(await lazy.run(line), line).toEqual(full.run(line));
  expect(await lazy.sessionLog()).toBe(full.sessionLog());
  expect(await lazy.transcript()).toEqual(full.transcript());
  expect(await lazy.history()).toEqual(full.history());
}

describe('the lazy worker API', () => {
  test('a command reached only through expansion loads, and its line runs once, as if it had been loaded', async () => {
    const { lazy, full } = await pair();
    expect(isStub(LAZY.get('zpool')!)).toBe(true);
    // No word of the line names zpool: its stub throws part-way, after `touch` ran.
    const line = 'touch /root/before; a=zp; b=ool; $a$b list; echo $?';
    await same(lazy, full, [line]);
    expect(isStub(LAZY.get('zpool')!)).toBe(false);
    expect((await lazy.history()).filter((h) => h === line)).toHaveLength(1);
    expect(await lazy.run('ls /root')).toEqual(full.run('ls /root'));
  });

  test('a paste whose later line needs a command not yet loaded runs each line once', async () => {
    const { lazy, full } = await pair();
    expect(isStub(LAZY.get('zfs')!)).toBe(true);
    const paste = 'echo first\nz=zf; ${z}s list\necho last';
    expect(await lazy.run(paste)).toEqual(full.run(paste));
    await same(lazy, full, []);
    expect(await lazy.undo()).toEqual(full.undo());
    expect(await lazy.redo()).toEqual(full.redo());
    await same(lazy, full, ['history']);
  });

  test('a lesson-length session gives the same replies, log, transcript and views', async () => {
    const { lazy, full } = await pair();
    await same(lazy, full, LESSON);
    expect(await lazy.views({ zfs: { host: 'truenas', dataset: 'tank/media' } })).toEqual(full.views({ zfs: { host: 'truenas', dataset: 'tank/media' } }));
  });

  test('Tab completes the arguments of a command that is not loaded yet', async () => {
    const { lazy, full } = await pair();
    expect(isStub(LAZY.get('pct')!)).toBe(true);
    expect(await lazy.complete('pct sta', 7)).toEqual(full.complete('pct sta', 7));
    expect(isStub(LAZY.get('pct')!)).toBe(false);
  });

  test('help lists every command, so it loads them all', async () => {
    const { lazy, full } = await pair();
    await same(lazy, full, ['help']);
    expect([...LAZY.values()].filter((c) => isStub(c))).toEqual([]);
  });

  test('a saved session, a lab file and the exporters and YAML load on demand and answer the same', async () => {
    const { lazy, full } = await pair();
    await same(lazy, full, ['ssh truenas', 'zpool create tank mirror sda sdb', 'zfs create tank/share']);
    expect(await lazy.labYaml()).toBe(full.labYaml());
    expect(await lazy.exportFiles({ pve: 9 })).toEqual(full.exportFiles({ pve: 9 }));
    expect(await lazy.shareFragment()).toBe(full.shareFragment());
    const log = full.sessionLog();
    const restored = await pair({ sessionLog: log });
    await same(restored.lazy, restored.full, ['zfs list']);
    const labText = full.labYaml();
    const opened = await pair({ labText, labFileName: 'mine.yaml' });
    await same(opened.lazy, opened.full, ['ssh truenas', 'zpool status']);
    const bad = await createLazySimApi(loaders(), { prefetchAfterMs: null }).boot({ labText: 'hosts: [', labFileName: 'bad.yaml' });
    expect(bad).toEqual(createSimApi().boot({ labText: 'hosts: [', labFileName: 'bad.yaml' }));
  });

  test('a share link boots the session it carries', async () => {
    const { full } = await pair();
    full.run('mkdir /root/shared-dir');
    const share = full.shareFragment();
    const { lazy } = await pair({ share });
    expect((await lazy.transcript()).map((c) => c.text).join('')).toContain('mkdir /root/shared-dir');
  });

  test('only the example lab a page boots is loaded', async () => {
    const loads: string[] = [];
    const lazy = createLazySimApi(loaders(loads), { prefetchAfterMs: null });
    await lazy.boot({ labId: 'seed-001-single-node-raidz' });
    expect(loads).toEqual(['seed-001-single-node-raidz']);
    expect((await lazy.labs()).map((l) => l.id)).toEqual(createSimApi().labs().map((l) => l.id));
  });

  test("the warm-up's boot is the page's boot of the same lab, and is dropped for any other first call", async () => {
    const full = createSimApi();
    const warm = createLazySimApi(loaders(), { prefetchAfterMs: null });
    await warm.warmUp('starter');
    expect(await warm.boot({ labId: 'starter' })).toEqual(full.boot({ labId: 'starter' }));
    await same(warm, full, ['hostname', 'zpool list']);

    // A boot with setup lines is not the warm-up's: it runs them.
    const setup = createLazySimApi(loaders(), { prefetchAfterMs: null });
    await setup.warmUp('starter');
    const request = { labId: 'starter', setup: ['mkdir /root/prepared'] };
    const ref = createSimApi();
    expect(await setup.boot(request)).toEqual(ref.boot(request));
    expect(await setup.run('ls /root')).toEqual(ref.run('ls /root'));
    expect(ref.run('ls /root').chunks.map((c) => c.text).join('')).toContain('prepared');
  });

  test('a share link that arrives while the warm-up waits for its lab keeps its session', async () => {
    const full = createSimApi();
    full.boot({ labId: 'starter' });
    full.run('mkdir /root/shared-dir');
    const share = full.shareFragment();
    const lazy = createLazySimApi(loaders(), { prefetchAfterMs: null });
    const warming = lazy.warmUp('starter'); // waits for the starter document first
    const booted = await lazy.boot({ share });
    await warming;
    expect(booted.ok).toBe(true);
    expect(await lazy.transcript()).toEqual(full.transcript());
    expect(await lazy.sessionLog()).toBe(full.sessionLog());
  });

  test('an example lab that cannot be fetched is a failed boot that says so, and the session stays usable', async () => {
    const failing = { ...loaders(), 'seed-001-single-node-raidz': () => Promise.reject(new Error('Failed to fetch')) };
    const lazy = createLazySimApi(failing, { prefetchAfterMs: null });
    expect(await lazy.boot({ labId: 'starter' })).toMatchObject({ ok: true });
    expect(await lazy.run('mkdir /root/kept')).toMatchObject({ exitCode: 0 });
    expect(await lazy.boot({ labId: 'seed-001-single-node-raidz' })).toEqual({ ok: false, errors: ['hlab: part of the simulator could not be loaded (Failed to fetch); check the connection and try again'] });
    expect((await lazy.run('ls /root')).chunks.map((c) => c.text).join('')).toBe('kept\n');
  });

  // Last: it loads every command into this file's registry.
  test('after the first boot, the rest is fetched in the background, so the lab needs no network', async () => {
    const loads: string[] = [];
    const lazy = createLazySimApi(loaders(loads), { prefetchAfterMs: 0 });
    await lazy.boot({ labId: 'starter' });
    await expect.poll(() => [...LAZY.values()].filter((c) => isStub(c)).length).toBe(0);
    await expect.poll(() => new Set(loads).size).toBe(Object.keys(exampleLabs()).length);
  });
});
