import { describe, expect, it } from 'vitest';
import { boot, everyFieldLab, run, seed, SMALL_FILES } from '../sim-fixture';

// The lab's small passwd and group, copied to root's home: fixed text for grep to chew on.
const ev = (line: string) => run(seed(boot({}, everyFieldLab), SMALL_FILES.everyField), line);

describe('grep', () => {
  it('prints matching lines; -i -v -n -c -l -o -w -x', () => {
    expect(ev('grep -in ALICE passwd group').stdout).toBe('passwd:2:alice:x:1000:1000:,,,:/home/alice:/bin/bash\ngroup:2:alice:x:1000:alice\n');
    expect(ev('grep -v o group').stdout).toBe('alice:x:1000:alice\n');
    expect(ev('grep -c root passwd group').stdout).toBe('passwd:1\ngroup:1\n');
    expect(ev('grep -l alice passwd /etc/hosts group').stdout).toBe('passwd\ngroup\n');
    expect(ev("grep -o '[0-9]\\+' /etc/subuid").stdout).toBe('100000\n65536\n1000\n1\n');
    expect(ev('grep -w ali group; grep -x "root:x:0:" group').stdout).toBe('root:x:0:\n');
    expect(ev('grep -h root passwd group').stdout).toBe('root:x:0:0:root:/root:/bin/bash\nroot:x:0:\n');
  });

  it('reads BRE by default, ERE with -E, fixed strings with -F', () => {
    expect(ev("grep '^root\\|^alice' group").stdout).toBe('root:x:0:\nalice:x:1000:alice\n');
    expect(ev("grep -E '^(root|alice):' group").stdout).toBe('root:x:0:\nalice:x:1000:alice\n');
    expect(ev("grep 'a+' group; echo $?").stdout).toBe('1\n');
    expect(ev("grep -F '.' /etc/hostname; echo $?").stdout).toBe('1\n');
    expect(ev("grep '[[:digit:]]\\{5\\}' /etc/subuid").stdout).toBe('root:100000:65536\n');
  });

  it('exits 0 on a match, 1 on none, 2 on errors', () => {
    expect(ev('grep -q root passwd').exitCode).toBe(0);
    expect(ev('grep nothing passwd').exitCode).toBe(1);
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
    expect(ev("grep '[' passwd")).toMatchObject({ stderr: 'grep: Unmatched [, [^, [:, [., or [=\n', exitCode: 2 });
    expect(ev("grep -E '(' passwd")).toMatchObject({ stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
  });

  it('reads stdin', () => {
    expect(ev('cat passwd | grep -c /bin/bash').stdout).toBe('2\n');
  });

  // GNU grep 3.8 corners found by tests/real/shell (expected text from the real grep).
  it('reads -L -Z -f -m -y, and the last of -l/-L and -h/-H wins', () => {
    expect(ev('grep -L alice passwd /etc/hosts').stdout).toBe('/etc/hosts\n');
    expect(ev('grep -l -L alice passwd').stdout).toBe('');
    expect(ev('grep -lZ alice passwd group').stdout).toBe('passwd\0group\0');
    expect(ev('grep -y ALICE -c group').stdout).toBe('1\n');
    expect(ev('grep -m 1 -n o passwd').stdout).toBe('1:root:x:0:0:root:/root:/bin/bash\n');
    expect(ev('echo root > /tmp/p; grep -h -H -f /tmp/p group').stdout).toBe('group:root:x:0:\n');
    expect(ev('grep -E -F x group')).toMatchObject({ stderr: 'grep: conflicting matchers specified\n', exitCode: 2 });
    expect(ev("grep -v '' /nope group")).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('handles GNU pattern corners', () => {
    expect(ev("grep -E '*root' group")).toMatchObject({ stdout: 'root:x:0:\n', stderr: 'grep: warning: * at start of expression\n', exitCode: 0 });
    expect(ev("grep -c -E 'o**' group").stdout).toBe('3\n');
    expect(ev("grep -E 'x{2,1}' group").stderr).toBe('grep: Invalid content of \\{\\}\n');
    expect(ev("grep '[:alpha:]' group").stderr).toBe('grep: character class syntax is [[:space:]], not [:space:]\n');
    expect(ev("grep -E '(r)\\2' group").stderr).toBe('grep: Invalid back reference\n');
    expect(ev("grep -c -E 'root)' group").stdout).toBe('0\n');
  });

  it('says a binary input matches instead of printing it', () => {
    expect(ev('grep -Z o passwd group | grep -v o')).toMatchObject({ stdout: '', stderr: 'grep: (standard input): binary file matches\n', exitCode: 0 });
  });
});
