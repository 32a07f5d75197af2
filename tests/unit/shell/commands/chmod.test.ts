import { describe, expect, it } from 'vitest';
import { adjustMode, compileMode } from '../../../../src/simulator/shell/mode-change';
import { boot, run, sh } from '../sim-fixture';

describe('chmod', () => {
  it('reads octal and symbolic modes as modechange.c does', () => {
    const m = (text: string, old: number, dir = false): number | null => {
      const c = compileMode(text);
      return c ? adjustMode(old, dir, 0o022, c).mode : null;
    };
    expect(m('755', 0o644)).toBe(0o755);
    expect(m('u+x,go-r', 0o644)).toBe(0o700);
    expect(m('a=rX', 0o644)).toBe(0o444);
    expect(m('a=rX', 0o644, true)).toBe(0o555);
    expect(m('g=u', 0o640)).toBe(0o660);
    expect(m('+t', 0o755, true)).toBe(0o1755);
    expect(m('-w', 0o666)).toBe(0o466);
    expect(m('755', 0o2755, true)).toBe(0o2755);
    expect(m('00755', 0o2755, true)).toBe(0o755);
    for (const bad of ['999', '17777', 'u+z', 'x', 'u=644', ',u+x', '']) expect(compileMode(bad)).toBeNull();
  });

  it('describes changes with -v and -c', () => {
    const s = boot();
    run(s, 'touch /root/f');
    expect(run(s, 'chmod -v 600 /root/f').stdout).toBe("mode of '/root/f' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n");
    expect(run(s, 'chmod -v 600 /root/f').stdout).toBe("mode of '/root/f' retained as 0600 (rw-------)\n");
    expect(run(s, 'chmod -c 600 /root/f').stdout).toBe('');
  });

  it('takes -w as a mode and reports what the umask kept', () => {
    const s = boot();
    run(s, 'touch /root/f; chmod 666 /root/f');
    expect(run(s, 'chmod -w /root/f')).toMatchObject({ stderr: 'chmod: /root/f: new permissions are r--rw-rw-, not r--r--r--\n', exitCode: 1 });
  });

  it('gives the real messages', () => {
    expect(sh('chmod 999 /root')).toMatchObject({ stderr: "chmod: invalid mode: ‘999’\nTry 'chmod --help' for more information.\n", exitCode: 1 });
    expect(sh('chmod 644').stderr).toBe("chmod: missing operand after ‘644’\nTry 'chmod --help' for more information.\n");
    expect(sh('chmod -x').stderr).toBe("chmod: missing operand\nTry 'chmod --help' for more information.\n");
    expect(sh('chmod 600 /etc/hostname').stderr).toBe("chmod: changing permissions of '/etc/hostname': Read-only file system\n");
    expect(sh('chmod 600 /nope').stderr).toBe("chmod: cannot access '/nope': No such file or directory\n");
  });

  it('changes a directory before its contents with -R and leaves links alone', () => {
    const s = boot();
    run(s, 'mkdir -p /root/d/e; cp -a /bin /root/d/l');
    expect(run(s, 'chmod -Rv 700 /root/d').stdout).toBe(
      "mode of '/root/d' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\nmode of '/root/d/e' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\nneither symbolic link '/root/d/l' nor referent has been changed\n",
    );
  });
});
