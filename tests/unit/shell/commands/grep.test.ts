import { describe, expect, it } from 'vitest';
import { everyFieldLab, sh } from '../sim-fixture';

const ev = (line: string) => sh(line, {}, everyFieldLab);

describe('grep', () => {
  it('prints matching lines; -i -v -n -c -l -o -w -x', () => {
    expect(ev('grep -in ALICE /etc/passwd /etc/group').stdout).toBe('/etc/passwd:2:alice:x:1000:1000:,,,:/home/alice:/bin/bash\n/etc/group:2:alice:x:1000:alice\n');
    expect(ev('grep -v o /etc/group').stdout).toBe('alice:x:1000:alice\n');
    expect(ev('grep -c root /etc/passwd /etc/group').stdout).toBe('/etc/passwd:1\n/etc/group:1\n');
    expect(ev('grep -l alice /etc/passwd /etc/hosts /etc/group').stdout).toBe('/etc/passwd\n/etc/group\n');
    expect(ev("grep -o '[0-9]\\+' /etc/subuid").stdout).toBe('100000\n65536\n1000\n1\n');
    expect(ev('grep -w ali /etc/group; grep -x "root:x:0:" /etc/group').stdout).toBe('root:x:0:\n');
    expect(ev('grep -h root /etc/passwd /etc/group').stdout).toBe('root:x:0:0:root:/root:/bin/bash\nroot:x:0:\n');
  });

  it('reads BRE by default, ERE with -E, fixed strings with -F', () => {
    expect(ev("grep '^root\\|^alice' /etc/group").stdout).toBe('root:x:0:\nalice:x:1000:alice\n');
    expect(ev("grep -E '^(root|alice):' /etc/group").stdout).toBe('root:x:0:\nalice:x:1000:alice\n');
    expect(ev("grep 'a+' /etc/group; echo $?").stdout).toBe('1\n');
    expect(ev("grep -F '.' /etc/hostname; echo $?").stdout).toBe('1\n');
    expect(ev("grep '[[:digit:]]\\{5\\}' /etc/subuid").stdout).toBe('root:100000:65536\n');
  });

  it('exits 0 on a match, 1 on none, 2 on errors', () => {
    expect(ev('grep -q root /etc/passwd').exitCode).toBe(0);
    expect(ev('grep nothing /etc/passwd').exitCode).toBe(1);
    expect(ev('grep x /nope')).toMatchObject({ stderr: 'grep: /nope: No such file or directory\n', exitCode: 2 });
    expect(ev('grep x /etc')).toMatchObject({ stderr: 'grep: /etc: Is a directory\n', exitCode: 2 });
    expect(ev('grep -s x /nope')).toMatchObject({ stderr: '', exitCode: 2 });
  });

  it('words usage and pattern errors like GNU grep 3.8', () => {
    expect(ev('grep').stderr).toMatchInlineSnapshot(`
      "Usage: grep [OPTION]... PATTERNS [FILE]...
      Try 'grep --help' for more information.
      "
    `);
    // -Z (--null) is a real grep 3.8 option (tests/real/shell/grep.test.ts); -j is not.
    expect(ev('grep -j x').stderr).toMatchInlineSnapshot(`
      "grep: invalid option -- 'j'
      Usage: grep [OPTION]... PATTERNS [FILE]...
      Try 'grep --help' for more information.
      "
    `);
    expect(ev("grep '[' /etc/passwd")).toMatchObject({ stderr: 'grep: Unmatched [, [^, [:, [., or [=\n', exitCode: 2 });
    expect(ev("grep -E '(' /etc/passwd")).toMatchObject({ stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
  });

  it('reads stdin', () => {
    expect(ev('cat /etc/passwd | grep -c /bin/bash').stdout).toBe('2\n');
  });

  // GNU grep 3.8 corners found by tests/real/shell (expected text from the real grep).
  it('reads -L -Z -f -m -y, and the last of -l/-L and -h/-H wins', () => {
    expect(ev('grep -L alice /etc/passwd /etc/hosts').stdout).toBe('/etc/hosts\n');
    expect(ev('grep -l -L alice /etc/passwd').stdout).toBe('');
    expect(ev('grep -lZ alice /etc/passwd /etc/group').stdout).toBe('/etc/passwd\0/etc/group\0');
    expect(ev('grep -y ALICE -c /etc/group').stdout).toBe('1\n');
    expect(ev('grep -m 1 -n o /etc/passwd').stdout).toBe('1:root:x:0:0:root:/root:/bin/bash\n');
    expect(ev('echo root > /tmp/p; grep -h -H -f /tmp/p /etc/group').stdout).toBe('/etc/group:root:x:0:\n');
    expect(ev('grep -E -F x /etc/group')).toMatchObject({ stderr: 'grep: conflicting matchers specified\n', exitCode: 2 });
    expect(ev("grep -v '' /nope /etc/group")).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('handles GNU pattern corners', () => {
    expect(ev("grep -E '*root' /etc/group")).toMatchObject({ stdout: 'root:x:0:\n', stderr: 'grep: warning: * at start of expression\n', exitCode: 0 });
    expect(ev("grep -c -E 'o**' /etc/group").stdout).toBe('3\n');
    expect(ev("grep -E 'x{2,1}' /etc/group").stderr).toBe('grep: Invalid content of \\{\\}\n');
    expect(ev("grep '[:alpha:]' /etc/group").stderr).toBe('grep: character class syntax is [[:space:]], not [:space:]\n');
    expect(ev("grep -E '(r)\\2' /etc/group").stderr).toBe('grep: Invalid back reference\n');
    expect(ev("grep -c -E 'root)' /etc/group").stdout).toBe('0\n');
  });

  it('says a binary input matches instead of printing it', () => {
    expect(ev('grep -Z o /etc/passwd /etc/group | grep -v o')).toMatchObject({ stdout: '', stderr: 'grep: (standard input): binary file matches\n', exitCode: 0 });
  });
});
