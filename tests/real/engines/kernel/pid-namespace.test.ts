import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rootVfs } from '../../../../src/simulator/engines/kernel/boot';
import { currentProcess } from '../../../../src/simulator/shell/session';
import { boot, run } from '../../../unit/shell/sim-fixture';
import { requireRoot, requireTool } from '../../support/tools';

// `unshare --pid --fork --mount-proc` (util-linux) on the real kernel and in the simulator:
// the first process is PID 1 inside, ps sees only the new namespace, and from outside
// /proc/PID/status shows the host PID then 1 in NSpid. The simulator runs a program under a
// shell that is PID 1 (unshare.ts), so the real side runs `bash -c '…; true'` (bash forks).
describe('PID namespaces: simulator and Linux agree', () => {
  requireRoot('unshare --pid needs CAP_SYS_ADMIN');
  const unshare = requireTool('unshare');
  const real = (script: string): string => execFileSync(unshare, ['--pid', '--fork', '--mount-proc', 'bash', '-c', `${script}; true`], { encoding: 'utf8' });

  it('ps inside lists the shell as PID 1 and itself as 2', () => {
    const s = boot();
    expect(run(s, 'unshare --pid --fork --mount-proc ps -o pid,comm').stdout).toBe(real('ps -o pid,comm'));
  });

  it('/proc/1/status inside has NSpid 1 only', () => {
    const s = boot();
    expect(run(s, 'unshare --pid --fork --mount-proc grep NSpid /proc/1/status').stdout).toBe(real('grep NSpid /proc/1/status'));
  });

  it('from outside, NSpid is the host PID then 1', async () => {
    const child = spawn(unshare, ['--pid', '--fork', '--mount-proc', 'sleep', '30'], { stdio: 'ignore' });
    let line = '';
    let inner = 0;
    for (let i = 0; i < 200 && line === ''; i++) {
      await new Promise((r) => setTimeout(r, 10));
      try {
        inner = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0]);
        if (inner) line = readFileSync(`/proc/${inner}/status`, 'utf8').split('\n').find((l) => l.startsWith('NSpid:')) ?? '';
      } catch {
        // not forked yet
      }
    }
    child.kill('SIGKILL');
    expect(line).toBe(`NSpid:\t${inner}\t1`);
    const s = boot();
    run(s, 'unshare --pid --fork --mount-proc');
    const pid = currentProcess(s).pid;
    const status = rootVfs(s.world, 'pve').read(`/proc/${pid}/status`);
    const sim = status.ok ? (status.text.split('\n').find((l) => l.startsWith('NSpid:')) ?? '') : '';
    expect(sim.replace(String(pid), 'HOST')).toBe(line.replace(String(inner), 'HOST'));
  });
});
