// What the copy button of a terminal transcript copies (src/integrations/copy-commands.mjs).
import { describe, expect, it } from 'vitest';
import { commandsOf } from '../../../src/integrations/copy-commands.mjs';

describe('commandsOf', () => {
  it('keeps the prompt lines of a simulator transcript, without prompts or output', () => {
    const code = 'root@truenas[~]# zpool list -H -o name\nboot-pool\nroot@truenas[~]# ssh pve\nroot@pve:~# pct list\nVMID       Status\n';
    expect(commandsOf(code)).toBe('zpool list -H -o name\nssh pve\npct list');
  });
  it('takes bare $ prompts when no user@host prompt is used', () => {
    expect(commandsOf('$ npx hlab validate my-lab.yaml\nmy-lab.yaml: ok\n$ npx hlab diagram my-lab.yaml')).toBe('npx hlab validate my-lab.yaml\nnpx hlab diagram my-lab.yaml');
  });
  it('does not take an output line starting with # as a command when prompts are user@host', () => {
    expect(commandsOf('root@pve:~# cat /etc/fstab\n# <file system> <mount point>\n')).toBe('cat /etc/fstab');
  });
  it('gives undefined when there is no prompt (the block is copied whole)', () => {
    expect(commandsOf('just output\n')).toBeUndefined();
  });
});
