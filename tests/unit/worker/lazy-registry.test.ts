/**
 * The worker's command registry (lazy-registry.ts) must hold exactly the commands of
 * registry.ts, each on the same hosts, and give the very same command once its module loads.
 */
import { describe, expect, test } from 'vitest';
import { isStub, CommandNotLoaded } from '../../../src/simulator/shell/lazy-command';
import { allLoaded, COMMANDS as LAZY, commandNamesIn, LAZY_MODULES, loadCommands } from '../../../src/simulator/shell/lazy-registry';
import { COMMANDS } from '../../../src/simulator/shell/registry';
import { hasImportEffects, labDocModule } from '../../../src/integrations/worker-build.mjs';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { normalisedLab } from '../../../src/simulator/worker/example-lab';

describe('the lazy command registry', () => {
  test('names every command of registry.ts, on the same hosts, and no other', () => {
    expect([...LAZY.keys()].sort()).toEqual([...COMMANDS.keys()].sort());
    for (const [name, command] of COMMANDS) expect(LAZY.get(name)?.hosts, name).toEqual(command.hosts);
  });

  test('a stub throws CommandNotLoaded with its name, for running and completing alike', () => {
    const stub = LAZY.get('zpool')!;
    expect(isStub(stub)).toBe(true);
    expect(() => stub.run({} as never, [], { flags: {}, all: {}, order: [], operands: [] })).toThrow(CommandNotLoaded);
    expect(() => stub.rewriteArgs?.([])).toThrow(expect.objectContaining({ command: 'zpool' }));
    expect(() => stub.complete?.({} as never)).toThrow(CommandNotLoaded);
  });

  test('loading gives the same command objects as registry.ts (pvesm brings iscsiadm, which it runs itself)', async () => {
    await loadCommands(['pvesm']);
    expect(LAZY.get('pvesm')).toBe(COMMANDS.get('pvesm'));
    expect(LAZY.get('iscsiadm')).toBe(COMMANDS.get('iscsiadm'));
    expect(isStub(LAZY.get('zfs')!)).toBe(true);
    await loadCommands(LAZY_MODULES.flatMap((m) => m.names));
    expect(allLoaded()).toBe(true);
    for (const [name, command] of COMMANDS) expect(LAZY.get(name), name).toBe(command);
  });

  test('finds the command names a line may run', () => {
    expect(commandNamesIn("ssh truenas 'zpool status tank' | grep -c ONLINE").sort()).toEqual(['grep', 'ssh', 'zpool']);
    expect(commandNamesIn('echo $(zfs list -H -o name)>/tmp/x;/usr/sbin/pct list&&true').sort()).toEqual(['echo', 'pct', 'true', 'zfs']);
    expect(commandNamesIn('mkfs.ext4 /dev/sdb; fsck.ext4 -n /dev/sdb; stress-ng --vm 1')).toEqual(['mkfs.ext4', 'fsck.ext4', 'stress-ng']);
    expect(commandNamesIn('notacommand --zpool')).toEqual([]);
  });
});

describe('the worker build plugins (src/integrations/worker-build.mjs)', () => {
  test('a lab document module holds the YAML file parsed, and the lab booting it uses', async () => {
    const path = 'src/content/labs/starter.yaml';
    const code = await labDocModule(path);
    const [, doc, lab] = /^export default (.*);\nexport const lab = (.*);\n$/.exec(code) ?? [];
    expect(JSON.parse(doc ?? 'null')).toEqual(parse(readFileSync(path, 'utf8')));
    expect(JSON.parse(lab ?? 'null')).toEqual(normalisedLab(parse(readFileSync(path, 'utf8'))));
    expect(JSON.parse(lab ?? 'null')).toMatchObject({ name: 'Starter lab' });
  });

  test('tells modules that do something when imported from those that only declare', () => {
    expect(hasImportEffects("import './drivers/sysfs';\nexport const a = 1;")).toBe(true);
    expect(hasImportEffects('registerDriver(\n  memfs,\n);')).toBe(true);
    expect(hasImportEffects('Comlink.expose(api);')).toBe(true);
    expect(hasImportEffects("import { z } from 'zod';\nexport const S = z.string();\nexport function f() {\n  g();\n}")).toBe(false);
  });
});

describe('the warm-up hint in the worker name', () => {
  test('names an example lab id, or nothing', async () => {
    const { warmLabId } = await import('../../../src/simulator/worker/warm-up');
    expect(warmLabId('hlab-simulator warm=starter')).toBe('starter');
    expect(warmLabId('hlab-simulator warm=seed-001-single-node-raidz')).toBe('seed-001-single-node-raidz');
    expect(warmLabId('hlab-simulator')).toBeNull();
    expect(warmLabId('hlab-simulator warm=../x')).toBeNull();
    expect(warmLabId('')).toBeNull();
  });
});
