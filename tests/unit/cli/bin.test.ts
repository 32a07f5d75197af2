import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The one test that starts the real `bin/hlab.mjs` (Node startup is slow; the rest call main() in-process).
describe('bin/hlab.mjs', () => {
  it('runs `hlab sh -c` through tsx and exits with the last status', () => {
    const r = spawnSync(process.execPath, ['bin/hlab.mjs', 'sh', '-c', 'hostname; ssh truenas; hostname\nfalse'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('root@pve:~# hostname; ssh truenas; hostname\npve\ntruenas\nroot@truenas[~]# false\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });
});
