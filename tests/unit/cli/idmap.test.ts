import { describe, expect, it } from 'vitest';
import { main } from '../../../src/simulator/cli/main';

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), readFile: () => ({ ok: false as const, code: 'ENOENT' }), writeFile: () => ({ ok: true as const }) } as never };
}

describe('hlab idmap', () => {
  it('prints the lines, the subuid/subgid entries and why', async () => {
    const t = io();
    expect(await main(['idmap', '--map', '1000'], t.io)).toBe(0);
    expect(t.out.stdout).toContain('lxc.idmap: u 1000 1000 1\n');
    expect(t.out.stdout).toContain('# /etc/subgid\nroot:1000:1\nroot:100000:65536\n');
    expect(t.out.stdout).toContain("#   u 0 100000 1000      container uids 0-999 → host 100000-100999 (Proxmox's default offset)\n");
  });

  it('refuses bad input with a usage error, impossible requests with 1', async () => {
    const a = io();
    expect(await main(['idmap', '--map', 'alice'], a.io)).toBe(2);
    expect(a.out.stderr).toBe('hlab idmap: "alice" is not HOST or HOST:CT (IDs as numbers)\nTry \'hlab idmap --help\' for more information.\n');
    const b = io();
    expect(await main(['idmap', '--uid-map', '1000:1,1000:2'], b.io)).toBe(1);
  });
});
