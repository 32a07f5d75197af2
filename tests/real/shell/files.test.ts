import { describe } from 'vitest';
import { libfaketime } from '../support/tools';
import { compareWithReal, type CompareOptions } from './support/differential';
import type { ShellRun } from './support/sim-tree';

// GNU coreutils 9.1 ls -l/-n, mkdir, touch, rm, cp, mv, chown, chmod and stat against the
// simulator, over a copy of its tree that carries its modes, owners and times (sim-tree.ts
// materialise()). Cases change files only in root's home, which is put back after each.
//
// The clock: the simulator's starts at 2026-01-01T00:00:00Z and each typed line adds a
// second; the real shell runs under libfaketime pinned to that start, so ls's "now" (the
// six-month rule) agrees. Files the real kernel creates still get the real time, so a case
// that shows the time of a file it made sets it first with `touch -d`, `cp -p` or `mv`.
// Both sides use TZ=UTC. The real batch runs with its trees mounted noatime (in a private
// mount namespace), as the simulator does not move atimes on reads.


/**
 * What neither side can give the other, masked on both: the ctime and birth time (the
 * kernel stamps them; utimes cannot), inode and device numbers (a real ext4 file's are not
 * the simulator's), and the IO Block of stat, which ext4 and memfs agree on anyway.
 */
function maskKernelStamps(run: ShellRun): ShellRun {
  const mask = (text: string): string =>
    text
      .replace(/^Change: .*$/gm, 'Change: <ctime>')
      .replace(/^ Birth: .*$/gm, ' Birth: <btime>')
      .replace(/^Device: \S+\tInode: \d+ +Links: /gm, 'Device: <dev>\tInode: <ino> Links: ');
  return { ...run, stdout: mask(run.stdout) };
}

const options: CompareOptions = {
  batch: () => ({ noatime: true, env: ['TZ=UTC', `LD_PRELOAD=${libfaketime()}`, 'FAKETIME=@2026-01-01 00:00:00'] }),
  mask: maskKernelStamps,
};

describe('ls -l', () => {
  compareWithReal(
    'bash',
    [
      'ls -l',
      'ls -la',
      'ls -lA',
      'ls -n',
      'ls -ln fruits.txt',
      'ls -l fruits.txt notes.txt empty.txt',
      'ls -lh',
      // gnulib human_readable: just under 1 MiB is 1.0M, not 1024K.
      'dd if=/dev/zero of=big bs=1048575 count=1 status=none; touch -d @1767225600 big; ls -lh big',
      'ls -li fruits.txt | wc -l',
      'ls -ld .',
      'ls -ld ../tmp ../root ../usr',
      'ls -l ../etc/hostname ../etc/passwd ../etc/group',
      'ls -l ../etc/iscsi',
      'ls -l ../bin ../lib',
      'ls -lF ../bin',
      'ls -F ..',
      'ls -dF ../bin ../tmp',
      'ls -l ../usr',
      'ls -lt',
      'ls -lS',
      'ls -lr',
      'ls -1 | head -n 2',
      'ls -l nope',
      'ls -l nope fruits.txt',
      'ls -l fruits.txt/',
      'ls -d ../bin/',
      'ls ../bin',
      'ls -l ../bin/',
      'ls -C',
      'ls -ld ../var/tmp ../var',
    ],
    options,
  );
});

describe('mkdir', () => {
  compareWithReal(
    'bash',
    [
      'mkdir',
      'mkdir a; ls -d a',
      ['mkdir a', 'mkdir a'],
      'mkdir -v b c',
      'mkdir -p a/x/y; ls a a/x',
      'mkdir -pv a/x/z q/r',
      'mkdir fruits.txt/g',
      'mkdir -p fruits.txt/g',
      'mkdir -p fruits.txt',
      'mkdir nope/x',
      'mkdir -m 700 m1; stat -c %A m1',
      'mkdir -m xyz m2',
      'mkdir -m u+s m3; stat -c %A m3',
      'mkdir -m =t m4; stat -c %A m4',
      'mkdir -m 0 -p z/y; stat -c "%A %n" z z/y',
      'mkdir -m go-rx m5; stat -c %a m5',
      "mkdir ''",
      "mkdir -p ''",
      'mkdir ../root/',
      'mkdir --bogus',
      'mkdir -m',
      "mkdir -v 'a b' 'it'\\''s'",
      'mkdir -v a/../d; ls -d d',
      'mkdir d; mkdir -p d/./e; stat -c %n d/e',
    ],
    options,
  );
});

describe('touch', () => {
  compareWithReal(
    'bash',
    [
      'touch',
      'touch nope/x',
      'touch -c zz; ls zz',
      'touch -c nope/x; echo $?',
      'touch -d 2026-01-01 t1; stat -c %y t1',
      'touch -t 202601011200.30 t2; stat -c %y t2',
      'touch -d @5 t3; stat -c "%y %Y" t3',
      'touch -t 99 t4',
      "touch -d '2026-02-03 04:05:06' t5; ls -l t5",
      'touch -d garbage t6',
      'touch -d 2026-02-30 t7',
      'touch -t 2602031200 t8; stat -c %y t8',
      'touch -m -d 2025-06-01 fruits.txt; stat -c "%x|%y" fruits.txt',
      'touch -a -d 2025-06-01 fruits.txt; stat -c "%x|%y" fruits.txt',
      'touch -r notes.txt -d 2020-01-01 x; stat -c %y x',
      'touch -t 202001010000 -d 2020-01-01 x',
      'touch fruits.txt/',
      'mkdir d; touch -d 2025-01-01 d; stat -c %y d',
      'mkdir d; touch -c d/nope; echo $?',
      'touch x; ls x',
      'touch -d 2030-01-01 future; ls -l future',
      'touch -d 2025-01-01 old; ls -l old',
      'touch -d 2025-07-03 edge; ls -l edge',
      'touch -d "2025-07-04 00:00:01" edge; ls -l edge',
    ],
    options,
  );
});

describe('rm', () => {
  compareWithReal(
    'bash',
    [
      'rm',
      'rm -f; echo $?',
      // procfs: names cannot be removed, even by root (the real /proc on both sides of this case).
      'rm /proc/version; echo $?',
      'rm -f /proc/uptime; echo $?',
      'rm nope',
      'rm -f nope; echo $?',
      'rm -v fruits.txt; ls',
      'mkdir d; rm d',
      'mkdir d; rm -d d; ls',
      'mkdir -p e/f; rm -d e',
      'mkdir -p e/f; rm -rv e',
      'mkdir -p g/h; touch g/h/i; rm -rv g',
      'rm -r .',
      'rm -r ..',
      'rm -r ./',
      'rm -d .',
      'rm .',
      'rm fruits.txt/',
      'mkdir z; rm -r z/; ls',
      'rm -d nope',
      'rm -fr nope zz; echo $?',
      "touch 'a b'; rm -v 'a b'",
      "touch \"it's\"; rm -v \"it's\"",
      'cp -a ../bin bl; rm -v bl; ls -l ../bin',
      'mkdir usr; cp -a ../bin .; rm bin/; rm -r bin/; rm -v bin; ls -d usr',
      'rm --bogus',
      'rm -v fruits.txt nope notes.txt; ls',
      'rm -r --no-preserve-root nope',
      'mkdir -p s/t; touch s/t/u; rm -R s; ls',
      'rm -rf -v .hidden empty.txt',
    ],
    options,
  );
});

describe('cp', () => {
  compareWithReal(
    'bash',
    [
      'cp',
      'cp fruits.txt',
      'cp -v fruits.txt g; cat g',
      'cp nope g',
      'mkdir d; cp d e',
      'mkdir d; cp -r d e -v; ls -d e',
      'mkdir d e; cp -rv d e; ls e',
      'mkdir d; cp fruits.txt d; ls d',
      'mkdir d; cp -v fruits.txt notes.txt d',
      'cp fruits.txt notes.txt nope',
      'cp fruits.txt notes.txt empty.txt',
      'cp fruits.txt fruits.txt',
      'mkdir d; cp fruits.txt d/; ls d',
      'cp fruits.txt nope/',
      'mkdir d; cp fruits.txt d; cp d/fruits.txt d',
      'mkdir d; cp -r d d/sub',
      'cp fruits.txt notes.txt/',
      'touch -d 2020-01-01 fruits.txt; chmod 600 fruits.txt; cp -p fruits.txt p; stat -c "%a %y" p; cp fruits.txt q; stat -c %a q',
      'mkdir -p d/s; touch -d 2025-01-01 d/f d/s/g d/s d; cp -a d aa; ls -l aa; cp -av d/s ab; ls -lA ab',
      'chmod 4755 fruits.txt; cp fruits.txt x; stat -c %a x; cp -p fruits.txt y; stat -c %a y',
      'mkdir s; cp -r s fruits.txt',
      'cp -r ../etc/iscsi . && stat -c "%A %U %G %s %n" iscsi iscsi/*',
      'cp ../etc/hostname h; stat -c "%A %s" h',
      'cp -a ../bin b; ls -l b',
      'cp ../bin b2; stat -c %A b2',
      'cp -r ../bin b3; stat -c %F b3',
      'cp fruits.txt notes.txt; cat notes.txt | wc -l',
      'cp --bogus',
      'cp -r nope d',
      "cp fruits.txt 'a b'; cp -v 'a b' \"it's\"",
    ],
    options,
  );
});

describe('mv', () => {
  compareWithReal(
    'bash',
    [
      'mv',
      'mv fruits.txt',
      'mv nope x',
      'mv -v fruits.txt h; ls',
      'mkdir d; mv -v fruits.txt d; ls d',
      'mkdir d; mv d d/x',
      'mkdir d; mv -v d e; ls -d e',
      'mv fruits.txt fruits.txt',
      'mkdir m d; mv m d; ls d',
      'mkdir -p w/d d; mv d w; ls w',
      'mv fruits.txt notes.txt nope',
      'mv fruits.txt notes.txt empty.txt',
      'mkdir d; mv -v fruits.txt notes.txt d',
      'touch -d 2020-01-01 fruits.txt; mv fruits.txt f2; ls -l f2',
      'mkdir s; mv s fruits.txt',
      'mv fruits.txt/ x',
      'mv --bogus',
      "mv fruits.txt 'a b'; mv -v 'a b' \"it's\"",
    ],
    options,
  );
});

describe('chown', () => {
  compareWithReal(
    'bash',
    [
      'chown',
      'chown root',
      'chown bob fruits.txt',
      'chown www-data fruits.txt; stat -c %U:%G fruits.txt',
      'chown :www-data fruits.txt; stat -c %U:%G fruits.txt',
      'chown daemon:bin fruits.txt; stat -c "%U:%G %u %g" fruits.txt; ls -l fruits.txt',
      'chown 4242:4343 fruits.txt; stat -c "%U:%G %u %g" fruits.txt; ls -l fruits.txt; ls -n fruits.txt',
      'chown 4242:4343 fruits.txt; chown -v root: fruits.txt; chown -v root: fruits.txt',
      'chown -c bin fruits.txt; chown -c bin fruits.txt',
      'chown root.root fruits.txt',
      'chown nope:root fruits.txt',
      'chown root:nope fruits.txt',
      'chown bob: fruits.txt',
      'chown 4242: fruits.txt',
      'mkdir -p d/e; touch d/e/x; chown -R 5:5 d; stat -c "%u %n" d d/e d/e/x',
      'mkdir -p d/e; chown -Rv 0:0 d; chown -Rv 7:7 d',
      'chown root nope',
      'chown 99999999999 fruits.txt',
      "chown '' fruits.txt; echo $?",
      'chown : fruits.txt; echo $?',
      'chown -v :root fruits.txt',
      'chown -v +7:+8 fruits.txt',
      'chown --bogus',
      'chown -f bob nope; echo $?',
      'chown -f root nope; echo $?',
      'chown nobody:nogroup fruits.txt; ls -l fruits.txt',
      'cp -a ../bin b; chown daemon b; stat -c %U b; chown -R bin b; stat -c %U b',
    ],
    options,
  );
});

describe('chmod', () => {
  compareWithReal(
    'bash',
    [
      'chmod',
      'chmod 644',
      'chmod 644 nope',
      'chmod 999 fruits.txt',
      'chmod 7777 fruits.txt; stat -c %A fruits.txt; ls -l fruits.txt',
      'chmod 07777 fruits.txt; stat -c %a fruits.txt',
      'chmod 17777 fruits.txt',
      'chmod u=rw,go=r fruits.txt; stat -c %a fruits.txt',
      'chmod -w fruits.txt; stat -c %a fruits.txt',
      'chmod +x fruits.txt; stat -c %A fruits.txt; ls -F',
      'chmod a-x,u+X fruits.txt; stat -c %A fruits.txt',
      'mkdir d; chmod a-x,a+X d; stat -c %A d',
      'chmod g=u fruits.txt; stat -c %a fruits.txt',
      'chmod 600 fruits.txt; chmod -v 600 fruits.txt; chmod -v 640 fruits.txt',
      'chmod -c 600 fruits.txt; chmod -c 600 fruits.txt',
      'mkdir -p d/e; touch d/x; chmod -R go-rx d; stat -c "%a %n" d d/e d/x',
      'mkdir d; chmod o+t d; stat -c %A d',
      'chmod ug+s fruits.txt; ls -l fruits.txt',
      'chmod u+z fruits.txt',
      'chmod -x',
      'chmod -v =,u=rw fruits.txt',
      'chmod 666 fruits.txt; chmod -w fruits.txt; echo $?; stat -c %a fruits.txt',
      'chmod -- -w fruits.txt; stat -c %a fruits.txt',
      'chmod -Rw fruits.txt',
      'chmod -z fruits.txt',
      'chmod --bogus 644 fruits.txt',
      'chmod 755 fruits.txt notes.txt nope; stat -c %a fruits.txt notes.txt',
      'mkdir d; chmod 2755 d; stat -c %A d; chmod 755 d; stat -c %A d; chmod 0755 d; stat -c %A d; chmod 00755 d; stat -c %A d',
      'chmod =rwx,g-w,o= fruits.txt; stat -c %A fruits.txt',
      'chmod u+r-w+x fruits.txt; stat -c %A fruits.txt',
      'chmod o=u fruits.txt; stat -c %A fruits.txt',
      'chmod -v a+rwx ../bin',
      'cp -a ../bin b; mkdir d; cp -a ../bin d/b; chmod -Rv 700 d',
      'chmod +t,u+s,g+s fruits.txt; ls -l fruits.txt',
      'chmod 1 fruits.txt; ls -l fruits.txt',
      'chmod ,u+x fruits.txt',
      'chmod u+x, fruits.txt',
      'chmod +0 fruits.txt',
      'chmod =644 fruits.txt; stat -c %a fruits.txt',
      'chmod u=644 fruits.txt',
    ],
    options,
  );
});

describe('stat', () => {
  compareWithReal(
    'bash',
    [
      'stat',
      'stat nope',
      'stat fruits.txt',
      'stat empty.txt .',
      'stat ../bin',
      'stat -L ../bin',
      'stat ../etc/passwd ../etc/iscsi/initiatorname.iscsi',
      "stat -c '%n %s %a %A %U %G %u %g %h %F %b %B %o %f' fruits.txt . ../bin",
      "stat -c '%y|%Y|%x|%X' fruits.txt",
      "stat -c '%N' fruits.txt ../bin 'a b'",
      "touch \"it's\" 'a b'; stat -c %N \"it's\" 'a b'",
      'stat -c %m fruits.txt',
      "stat -c '%t %T %Hr %Lr' fruits.txt",
      "stat -c '%%%q%' fruits.txt",
      "stat -c '%5s|%-5s|%05a|%#a|%.3y|%10n|' fruits.txt",
      "stat -c '' fruits.txt",
      "stat --printf='%n\\n' fruits.txt notes.txt",
      'stat --format=%n fruits.txt',
      "stat -c '%.9Y %.Y %.1Y %.3X' fruits.txt",
      "stat -c '%a %3a %#o' fruits.txt",
      "stat -c '\\t%n\\x' fruits.txt",
      "stat --printf '\\t%n\\x41\\101\\n' fruits.txt",
      'stat -c %s nope fruits.txt',
      'chmod 4751 fruits.txt; chown 4242:bin fruits.txt; stat fruits.txt',
      'stat -t fruits.txt | wc -w',
      "stat -c '%Hd%Ld' fruits.txt | wc -l",
      "stat -c '%5%' fruits.txt",
      'stat --bogus',
      'stat -c',
      'mkdir d; touch -d "2025-03-04 05:06:07.5" d; stat -c "%y %Y %.3Y" d',
      "stat -c '%U %G' ../etc/pve/storage.cfg",
      'stat -c "%A %h %s" ../usr ../tmp ../root',
    ],
    options,
  );
});

describe('awkward names and paths', () => {
  compareWithReal(
    'bash',
    [
      "touch 'a b' \"it's\" $'new\\nline' 'x*' '-n'; ls",
      "touch 'a b' \"it's\" $'new\\nline' 'x*'; ls -F",
      "touch -d 2025-12-01 'a b' $'new\\nline'; ls -l 'a b' $'new\\nline' plain",
      "touch 'a b' $'new\\nline' plain; ls | cat",
      "touch $'new\\nline'; rm -v $'new\\nline'",
      "mkdir -v $'t\\tab' 'sp ace'",
      "touch $'new\\nline' \"it's\"; stat -c %N $'new\\nline' \"it's\"",
      "touch 'dé jà'; ls; rm -v 'dé jà'",
      "rm $'\\x01odd'",
      'ls -l ../root/../etc/hostname',
      'ls fruits.txt/..',
      'stat nope/..',
      'mkdir d; rm -r d/../d; ls',
      'mkdir d; cp fruits.txt d/../g; ls',
      'mkdir -p d/e; mv d/e/../e f; ls -d f d/*',
      'chmod 600 ./fruits.txt; stat -c %a ././fruits.txt',
      'ls -d ./ ../root/',
      "mkdir 'a:b'; chmod -w 'a:b'",
    ],
    options,
  );
});
