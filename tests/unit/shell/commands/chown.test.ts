import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

describe('chown', () => {
  it('takes names from /etc/passwd and /etc/group, or numbers', () => {
    const s = boot();
    run(s, 'touch /root/f; chown www-data:bin /root/f');
    expect(run(s, 'stat -c "%U:%G %u:%g" /root/f').stdout).toBe('www-data:bin 33:2\n');
    run(s, 'chown 100000:100000 /root/f');
    expect(run(s, 'ls -l /root/f').stdout).toBe('-rw-r--r-- 1 100000 100000 0 Jan  1 00:00 /root/f\n');
    run(s, 'chown daemon: /root/f');
    expect(run(s, 'stat -c %U:%G /root/f').stdout).toBe('daemon:daemon\n');
  });

  it('refuses names that do not exist, as userspec.c words it', () => {
    expect(sh('chown bob /etc/hosts')).toMatchObject({ stderr: 'chown: invalid user: ‘bob’\n', exitCode: 1 });
    expect(sh('chown root:bob /root').stderr).toBe('chown: invalid group: ‘root:bob’\n');
    expect(sh('chown bob: /root').stderr).toBe('chown: invalid spec: ‘bob:’\n');
    expect(sh('chown')).toMatchObject({ stderr: "chown: missing operand\nTry 'chown --help' for more information.\n", exitCode: 1 });
    expect(sh('chown root').stderr).toBe("chown: missing operand after ‘root’\nTry 'chown --help' for more information.\n");
  });

  it('describes changes with -v and -c, contents before the directory with -R', () => {
    const s = boot();
    run(s, 'mkdir -p /root/d/e');
    expect(run(s, 'chown -Rv 7:7 /root/d').stdout).toBe("changed ownership of '/root/d/e' from root:root to 7:7\nchanged ownership of '/root/d' from root:root to 7:7\n");
    expect(run(s, 'chown -c 7 /root/d').stdout).toBe('');
    expect(run(s, 'chown -v :lp /root/d').stdout).toBe("ownership of '/root/d' retained as lp:lp\n");
  });

  it('cannot change the lab-derived files', () => {
    expect(sh('chown bin /etc/hostname')).toMatchObject({ stderr: "chown: changing ownership of '/etc/hostname': Read-only file system\n", exitCode: 1 });
  });

  it('clears set-user-ID on a file whose owner changes, as the kernel does', () => {
    const s = boot();
    run(s, 'touch /root/f; chmod 6755 /root/f; chown bin /root/f');
    expect(run(s, 'stat -c %a /root/f').stdout).toBe('755\n');
  });

  it('shows IDs as the user namespace maps them: unmapped IDs are 65534', () => {
    const s = boot();
    run(s, 'touch /root/f; chown 100000:100000 /root/f');
    // Put the shell into a user namespace mapping 0..65535 to 100000.. (what an unprivileged container sees).
    const k = s.world.kernel['pve'];
    if (!k) throw new Error('no pve kernel');
    const userNs = 4026539999;
    k.namespaces[String(userNs)] = { inum: userNs, type: 'user', parent: k.initNs.user, uidMap: [{ inside: 0, outside: 100000, count: 65536 }], gidMap: [{ inside: 0, outside: 100000, count: 65536 }] };
    for (const p of Object.values(k.processes)) if (p.tty) p.ns.user = userNs;
    expect(run(s, 'stat -c "%u:%g %U" /root/f /etc/hosts').stdout).toBe('0:0 root\n65534:65534 nobody\n');
    expect(run(s, 'ls -n /root/f').stdout).toBe('-rw-r--r-- 1 0 0 0 Jan  1 00:00 /root/f\n');
    expect(run(s, 'chown 70000 /root/f').stderr).toBe("chown: changing ownership of '/root/f': Invalid argument\n");
  });
});
