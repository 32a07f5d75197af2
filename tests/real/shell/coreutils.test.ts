import { describe } from 'vitest';
import { compareWithReal } from './support/differential';

// GNU coreutils 9.1 wc, head, tail, cat, ls against the simulator, on the same files
// (root's home holds sim-tree.ts HOME_FILES; ../etc is the simulator's /etc).
describe('wc', () => {
  compareWithReal('bash', [
    'wc fruits.txt',
    'wc -l fruits.txt',
    'wc -w fruits.txt',
    'wc -c fruits.txt',
    'wc -l -w fruits.txt',
    'wc -lc notes.txt',
    'wc fruits.txt notes.txt',
    'wc -l fruits.txt notes.txt empty.txt',
    'wc empty.txt',
    'wc ../etc/passwd ../etc/group ../etc/hostname',
    'cat fruits.txt | wc',
    'cat fruits.txt | wc -l',
    'cat notes.txt | wc -w -c',
    'wc < fruits.txt',
    'wc nope.txt',
    'wc a:b',
    'cat a:b fruits.txt',
    'wc -l nope.txt',
    'wc fruits.txt nope.txt',
    'wc nope.txt fruits.txt',
    'wc ../etc',
    'wc -l ../etc fruits.txt',
    'wc --bogus',
    'wc -z fruits.txt',
    'wc -m notes.txt',
    'wc -L fruits.txt',
    'cat fruits.txt | wc - notes.txt',
  ]);
});

describe('head', () => {
  compareWithReal('bash', [
    'head fruits.txt',
    'head -n 3 fruits.txt',
    'head -n -3 fruits.txt',
    'head -n +3 fruits.txt',
    'head -n 0 fruits.txt',
    'head -c 10 fruits.txt',
    'head -c -10 notes.txt',
    'head -3 fruits.txt',
    'head -n 2 fruits.txt notes.txt',
    'head -n 1 fruits.txt empty.txt numbers.txt',
    'head -q -n 1 fruits.txt notes.txt',
    'head -v -n 1 fruits.txt',
    'head nope.txt',
    'head -n 1 nope.txt fruits.txt',
    'head ../etc',
    'head -n 1 ../etc fruits.txt',
    'head -n x fruits.txt',
    'head -n 1x fruits.txt',
    'head -c abc fruits.txt',
    'head -x fruits.txt',
    'head -n',
    'cat numbers.txt | head -n 2',
    'cat numbers.txt | head -n 1 - fruits.txt',
    'head -n 2 notes.txt',
    'head -n 1K numbers.txt',
  ]);
});

describe('tail', () => {
  compareWithReal('bash', [
    'tail fruits.txt',
    'tail -n 3 fruits.txt',
    'tail -n -3 fruits.txt',
    'tail -n +3 numbers.txt',
    'tail -n 0 fruits.txt',
    'tail -c 10 fruits.txt',
    'tail -c +10 notes.txt',
    'tail -3 numbers.txt',
    'tail +14 numbers.txt',
    'tail -n 2 fruits.txt notes.txt',
    'tail -n 1 notes.txt numbers.txt',
    'tail nope.txt',
    'tail -n 1 nope.txt fruits.txt',
    'tail ../etc',
    'tail -n x fruits.txt',
    'tail -c 1y fruits.txt',
    'tail -x fruits.txt',
    'cat numbers.txt | tail -n 2',
    'tail -n 1 empty.txt',
  ]);
});

describe('cat', () => {
  compareWithReal('bash', [
    'cat fruits.txt',
    'cat notes.txt',
    'cat fruits.txt notes.txt empty.txt',
    'cat nope.txt',
    'cat nope.txt fruits.txt',
    'cat ../etc',
    'cat ../etc fruits.txt',
    'cat -n fruits.txt',
    'cat -n notes.txt fruits.txt',
    'cat -n numbers.txt',
    'cat ../etc/passwd ../etc/group ../etc/hostname ../etc/hosts ../etc/os-release',
    'cat - < notes.txt',
    'echo piped | cat',
    'echo piped | cat fruits.txt - notes.txt',
    'cat -z',
    "cat 'no such'",
    'cat .hidden',
    'cat --number empty.txt numbers.txt',
  ]);
});

describe('ls', () => {
  compareWithReal('bash', [
    'ls',
    'ls -a',
    'ls -A',
    'ls -1',
    'ls -a1',
    'ls ..',
    'ls ../etc',
    'ls -1 ../etc',
    'ls -d ../etc',
    'ls -d ../etc ..',
    'ls -F ..',
    'ls fruits.txt notes.txt',
    'ls ../etc fruits.txt',
    'ls ../etc ../tmp',
    'ls nope',
    'ls nope fruits.txt',
    'ls nope ../etc',
    'ls -z',
    'ls --bogus',
    'ls | head -n 3',
    'ls .. | wc -l',
    'ls ../etc > list.txt; cat list.txt',
    ['COLUMNS=40', 'export COLUMNS', 'ls ..'],
    ['export COLUMNS=20', 'ls ../etc'],
    'ls ../usr',
    'ls -a ../usr',
    'ls -1d ../etc ../usr nope',
  ]);
});
