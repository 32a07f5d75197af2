import { describe, expect, it } from 'vitest';
import { completions } from '../../../src/simulator/shell';
import { boot, run } from './sim-fixture';

describe('completions', () => {
  it('completes command names in command position, also after ; and |', () => {
    const state = boot();
    expect(completions(state, 'h')).toEqual({ from: 0, to: 1, candidates: ['head', 'help', 'history', 'hostname'] });
    expect(completions(state, 'ls /etc | gre').candidates).toEqual(['grep']);
    expect(completions(state, 'true; ec').candidates).toEqual(['echo']);
  });

  it('completes options from the command spec', () => {
    expect(completions(boot(), 'wc --l').candidates).toEqual(['--lines']);
    expect(completions(boot(), 'ls -').candidates).toContain('--all');
  });

  it('completes lab host names after ssh, keeping user@', () => {
    expect(completions(boot(), 'ssh t').candidates).toEqual(['truenas']);
    expect(completions(boot(), 'ssh root@p')).toEqual({ from: 4, to: 10, candidates: ['root@pve'] });
  });

  it('completes paths from the VFS, directories with a slash', () => {
    const state = boot();
    expect(completions(state, 'cat /etc/ho')).toEqual({ from: 4, to: 11, candidates: ['/etc/hostname', '/etc/hosts'] });
    expect(completions(state, 'ls /etc/p').candidates).toEqual(['/etc/passwd', '/etc/pve/']);
    run(state, 'echo x > /root/notes');
    expect(completions(state, 'cat no').candidates).toEqual(['notes']);
    expect(completions(state, 'cat ~/n').candidates).toEqual(['~/notes']);
  });

  it('uses the cursor position and never throws', () => {
    expect(completions(boot(), 'cat /etc/ho; ls', 11).candidates).toEqual(['/etc/hostname', '/etc/hosts']);
    expect(completions(boot(), '"unterminated /e', 99).candidates).toEqual(['/etc/']);
  });
});
