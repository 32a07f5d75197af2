import { describe } from 'vitest';
import { compareWithReal } from './support/differential';

// The shell language and builtins of bash 5.2.15 (Proxmox VE / Debian 12 root), run
// interactively as a reader types them, against the simulator's pve host.
describe('echo', () => {
  compareWithReal('bash', [
    'echo hello world',
    'echo',
    'echo -n no newline',
    'echo -e "a\\tb\\nc"',
    'echo "a\\tb"',
    'echo -E "a\\tb"',
    'echo -ne "x\\cy"; echo',
    'echo -e "\\x41\\0102\\u00e9"',
    'echo -en "\\e[0m" | wc -c',
    'echo -- -n',
    'echo -n -e "1\\n"',
    'echo -nx hi',
    'echo --help',
    "echo 'single  quoted'  \"double  quoted\"   unquoted   words",
    "echo $'ansi\\tc'",
    'echo a\\ b',
    // Left out: $HOME and ~ (the real home is a temporary directory, not /root).
  ]);
});

describe('status, lists and pipes', () => {
  compareWithReal('bash', [
    'true',
    'false',
    'true --help',
    ['false', 'echo $?'],
    ['true', 'echo $?'],
    'false; echo $?',
    'nope; echo $?',
    'echo a && echo b',
    'false && echo b',
    'false || echo b',
    'true || echo b',
    'false && echo a || echo b',
    'true && false || echo c; echo $?',
    'echo one | wc -c',
    'cat fruits.txt | grep an | wc -l',
    'cat nope.txt | wc -l',
    'false | true; echo $?',
    'true | false; echo $?',
    '! true; echo $?',
    '! false',
    'nope',
    'nope arg; echo $?',
    './fruits.txt',
    '../etc',
    './nope',
    'echo a; echo b; false',
    'echo a;',
    '# only a comment',
    'echo visible # hidden',
  ]);
});

describe('redirections', () => {
  compareWithReal('bash', [
    'echo one > out.txt; cat out.txt',
    'echo one > out.txt; echo two >> out.txt; cat out.txt',
    'echo one > out.txt; echo two > out.txt; cat out.txt',
    'ls nope 2> err.txt; cat err.txt',
    'ls nope > all.txt 2>&1; cat all.txt',
    'ls nope &> all.txt; wc -l all.txt',
    'ls nope 2>&1 | wc -l',
    'ls nope |& wc -l',
    'echo x > ../nope/f.txt',
    'echo x > ../etc',
    'cat < nope.txt',
    'wc -l < fruits.txt',
    'grep -c a <<< "a b a"',
    'echo hidden > /dev/null; echo $?',
    'cat fruits.txt > copy.txt; wc -c copy.txt fruits.txt',
    'echo > ',
    'echo x 3>&1',
    'echo x >&5',
    // Both streams into one: the order the tool wrote them in.
    'cat fruits.txt nope.txt empty.txt .hidden 2>&1',
    'head -n 1 fruits.txt nope.txt numbers.txt 2>&1',
    'tail -n 1 nope.txt fruits.txt ../etc notes.txt 2>&1 | cat -n',
    'wc fruits.txt nope.txt notes.txt 2>&1',
    'grep -H a fruits.txt nope.txt .hidden 2>&1',
    'ls nope .. fruits.txt 2>&1',
    'ls nope .. fruits.txt > all.txt 2>&1; cat all.txt',
    'cat fruits.txt nope.txt |& grep -c o',
    'grep -q a fruits.txt nope.txt',
    'grep -q a nope.txt fruits.txt',
    'grep -q zzz fruits.txt nope.txt',
  ]);
});

describe('variables', () => {
  compareWithReal('bash', [
    'export GREETING=hi; echo $GREETING ${GREETING}!',
    ['export GREETING=hi', 'echo "$GREETING there"'],
    ['GREETING=hello', 'echo $GREETING'],
    'X=1 Y=2; echo $X$Y',
    'echo "[$UNSET_THING]"',
    'echo ${UNSET_THING}x',
    'export 1BAD=x',
    'export GOOD=1 2bad=x; echo $?',
    'export A=1; export -p | grep "A="',
    'export B="a \\"q\\" \\$x"; export -p | grep " B="',
    'V="a   b"; echo $V; echo "$V"',
    'V="*.txt"; echo $V',
    'echo *.txt',
    'echo .h*',
    'echo *.nomatch',
    ['echo ${a b}; echo same line', 'echo next line $?'],
    'echo ${a b} | cat; echo next',
    // Left out: ${x:-default} and $((1+1)), refused as listed in fidelity.ts SHELL_SIMPLIFICATIONS.
    'export -z',
    'export --bogus',
    'export --help | head -n 5',
  ]);
});

describe('cd and builtins', () => {
  compareWithReal('bash', [
    'cd /nope',
    'cd /etc/hostname',
    'cd ../etc; ls',
    'cd nope; echo $?',
    'cd fruits.txt',
    'cd a b',
    'cd -z',
    'cd -',
    // Left out: `cd -` after a cd and `pwd`, which print absolute paths (the real tree is in a temporary directory).
    'cd ..; cd - > /dev/null; ls',
    'cd ../etc/pve/lxc && ls ..',
    'cd; ls',
    'cd --bogus',
    'cd --he',
    'cd --help | head -n 5',
    'pwd -z',
    'pwd --bogus',
    'pwd --help | head -n 2',
    'history -z',
    'history --help | head -n 5',
    'exit --help | head -n 5',
    'echo hi; exit',
    'false; exit',
    'exit 3',
    'exit 300',
    'exit -1',
    'exit 1 2',
    'exit abc',
    ['exit 1 2', 'echo still here'],
  ]);
});

describe('syntax errors', () => {
  compareWithReal('bash', [
    "echo 'unterminated",
    'echo "unterminated',
    'echo `unterminated',
    ';;',
    ';',
    '| x',
    'echo a |',
    'echo a &&',
    'echo a ||',
    'echo a | | wc',
    'echo a && && echo b',
    '&& echo a',
    'echo >',
    'echo a >>',
    'echo (',
    'echo a (',
    'echo ( x',
    'echo ( )',
    'f() x',
    'echo )',
    'echo a ;; echo b',
    ['echo before', ';;', 'echo after $?'],
  ]);
});

describe('option errors and --help', () => {
  compareWithReal('bash', [
    'ls -z',
    'ls --bogus',
    'ls --all=x',
    'ls --al',
    'wc --bogus',
    'wc --l',
    'head -x',
    'head --lines',
    'tail --bogus',
    'cat -z',
    'grep -j x',
    'hostname -z',
    'hostname --bogus',
    'hostname --a',
    'hostname -F',
    'hostname --help',
    'hostname -h | head -n 1',
    'hostname -V',
    'hostname a b',
    // --help: the lines before the option list (the simulator lists only its own options).
    'ls --help | head -n 5',
    'wc --help | head -n 10',
    'head --help | head -n 7',
    'tail --help | head -n 7',
    'cat --help | head -n 4',
    'grep --help | head -n 4',
    // Left out: hostname -I and -i print the machine's addresses (tests/real/shell/ip.test.ts compares them in a namespace).
  ]);
});
