import { describe, expect, it } from 'vitest';
import { COMMANDS, completions, runLine, type Command } from '../../../src/simulator/shell';
import { commandsFor } from '../../../src/simulator/shell/registry';
import { boot } from './sim-fixture';

// A Proxmox-only command, as pct will be: the registry is passed in, so a test can add one.
const onlyOnProxmox: Command = {
  spec: { name: 'pvefake', summary: 'a Proxmox-only probe', usage: 'pvefake', description: '', options: [], arguments: 'raw', usageStatus: 2, imitates: 'test' },
  hosts: ['proxmox'],
  complete: () => ['alpha', 'beta'],
  run: (ctx) => ({ stdout: `${ctx.host.name} pid ${ctx.proc.pid}\n`, stderr: '', exitCode: 0 }),
};
const registry = new Map([...COMMANDS, ['pvefake', onlyOnProxmox]]);

describe('the command registry', () => {
  it('runs a command only on the host kinds that have it; elsewhere it is not found, in that shell\'s words', () => {
    const state = boot();
    const pid = state.shell.logins[0]?.pid;
    expect(runLine(state, 'pvefake', registry).stdout).toBe(`pve pid ${pid}\n`);
    runLine(state, 'ssh truenas', registry);
    expect(runLine(state, 'pvefake', registry)).toMatchObject({ stderr: 'zsh: command not found: pvefake\n', exitCode: 127 });
    expect([...commandsFor(registry, 'truenas').keys()]).not.toContain('pvefake');
  });

  it('completes names and arguments from the host\'s own commands', () => {
    const state = boot();
    expect(completions(state, 'pvef', 4, registry).candidates).toEqual(['pvefake']);
    expect(completions(state, 'pvefake b', 9, registry).candidates).toEqual(['beta']);
    runLine(state, 'ssh truenas', registry);
    expect(completions(state, 'pvef', 4, registry).candidates).toEqual([]);
  });
});
