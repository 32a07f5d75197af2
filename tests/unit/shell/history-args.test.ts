import { describe, expect, test } from 'vitest';
import { historyWords, lastWord } from '../../../src/simulator/shell/history-args';

describe('historyWords (history_tokenize)', () => {
  test.each<[string, string[]]>([
    ['zfs create tank/media', ['zfs', 'create', 'tank/media']],
    ['cp /etc/hosts "/root/my backup"', ['cp', '/etc/hosts', '"/root/my backup"']],
    ["echo 'a b'c d\\ e", ['echo', "'a b'c", 'd\\ e']],
    ['ls>out 2>&1|wc -l&&true;false', ['ls', '>', 'out', '2>&1', '|', 'wc', '-l', '&&', 'true', ';', 'false']],
    ['cat <<-EOF >|x &>y', ['cat', '<<-', 'EOF', '>|', 'x', '&>', 'y']],
    ['echo $(ls -l /) done', ['echo', '$(ls -l /)', 'done']],
    ['diff <(ls a) b', ['diff', '<(ls a)', 'b']],
    ['echo 12 3x', ['echo', '12', '3x']],
    ['echo a # comment', ['echo', 'a']],
    ['#zpool status', []],
    ['echo a#b', ['echo', 'a#b']],
    ['', []],
  ])('%j', (line, words) => {
    expect(historyWords(line)).toEqual(words);
  });

  test('lastWord is the last of them, or null', () => {
    expect(lastWord('zpool status tank')).toBe('tank');
    expect(lastWord('# nothing')).toBeNull();
  });
});
