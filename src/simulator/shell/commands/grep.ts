/**
 * `grep [OPTION]... PATTERNS [FILE]...`: prints lines that match. Exit 0 when a line is
 * selected, 1 when none is, 2 on an error (unless -q found a match).
 */
// @sim grep | GNU grep 3.8 grep(1): -i -v -n -c -l -q -s -o -w -x -h -H -E -F -e; exit 0/1/2; BRE/ERE via grep-pattern.ts
import { fail, type Command } from '../command-spec';
import { compilePatterns } from '../grep-pattern';
import { readInputs, splitLines } from '../input-files';
import { STRERROR } from '../vfs';

/** The `grep` command. */
export const grep: Command = {
  spec: {
    name: 'grep',
    summary: 'print lines that match a pattern',
    usage: 'grep [OPTION]... PATTERNS [FILE]...',
    description: 'Search for PATTERNS in each FILE.\nExample: grep -i \'hello world\' menu.h main.c\nPATTERNS can contain multiple patterns separated by newlines.',
    options: [
      { key: 'extended', short: 'E', long: 'extended-regexp', help: 'PATTERNS are extended regular expressions' },
      { key: 'fixed', short: 'F', long: 'fixed-strings', help: 'PATTERNS are strings' },
      { key: 'basic', short: 'G', long: 'basic-regexp', help: 'PATTERNS are basic regular expressions' },
      { key: 'regexp', short: 'e', long: 'regexp', value: 'PATTERNS', help: 'use PATTERNS for matching' },
      { key: 'ignoreCase', short: 'i', long: 'ignore-case', help: 'ignore case distinctions in patterns and data' },
      { key: 'word', short: 'w', long: 'word-regexp', help: 'match only whole words' },
      { key: 'line', short: 'x', long: 'line-regexp', help: 'match only whole lines' },
      { key: 'noMessages', short: 's', long: 'no-messages', help: 'suppress error messages' },
      { key: 'invert', short: 'v', long: 'invert-match', help: 'select non-matching lines' },
      { key: 'lineNumber', short: 'n', long: 'line-number', help: 'print line number with output lines' },
      { key: 'withFilename', short: 'H', long: 'with-filename', help: 'print file name with output lines' },
      { key: 'noFilename', short: 'h', long: 'no-filename', help: 'suppress the file name prefix on output' },
      { key: 'onlyMatching', short: 'o', long: 'only-matching', help: 'show only nonempty parts of lines that match' },
      { key: 'quiet', short: 'q', long: 'quiet', help: 'suppress all normal output' },
      { key: 'filesWithMatches', short: 'l', long: 'files-with-matches', help: 'print only names of FILEs with selected lines' },
      { key: 'count', short: 'c', long: 'count', help: 'print only a count of selected lines per FILE' },
    ],
    arguments: 'gnu',
    usageStatus: 2,
    usageLineOnError: true,
    imitates: 'GNU grep 3.8',
    simplified: 'no -r, no context (-A/-B/-C), no colour; patterns run on JavaScript regular expressions',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const operands = [...opts.operands];
    const patterns = opts.all['regexp'] ?? [];
    if (patterns.length === 0) {
      const first = operands.shift();
      // grep.c: no PATTERNS → usage(EXIT_TROUBLE)
      if (first === undefined) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.", 2);
      patterns.push(first);
    }
    const syntax = f['fixed'] ? 'fixed' : f['extended'] ? 'extended' : 'basic';
    const compiled = compilePatterns(patterns, syntax, { ignoreCase: !!f['ignoreCase'], word: !!f['word'], line: !!f['line'] });
    if (!compiled.ok) return fail(compiled.message, 2);
    const re = compiled.regexp;
    const invert = !!f['invert'];
    const inputs = readInputs(ctx, operands);
    const prefixNames = f['noFilename'] ? false : f['withFilename'] ? true : inputs.length > 1;

    let stdout = '';
    let stderr = '';
    let anySelected = false;
    let error = false;
    for (const input of inputs) {
      const label = input.name === '-' ? '(standard input)' : input.name;
      if (input.errno) {
        error = true;
        if (!f['noMessages']) stderr += `grep: ${input.name}: ${STRERROR[input.errno]}\n`;
        continue;
      }
      let count = 0;
      splitLines(input.text).forEach((line, i) => {
        const matched = re.test(line) !== invert;
        if (!matched) return;
        count++;
        anySelected = true;
        if (f['quiet'] || f['count'] || f['filesWithMatches']) return;
        const prefix = `${prefixNames ? `${label}:` : ''}${f['lineNumber'] ? `${i + 1}:` : ''}`;
        if (f['onlyMatching'] && !invert) {
          const global = new RegExp(re.source, re.flags + 'g');
          for (const m of line.matchAll(global)) if (m[0] !== '') stdout += `${prefix}${m[0]}\n`;
        } else stdout += `${prefix}${line}\n`;
      });
      if (f['quiet']) continue;
      if (f['filesWithMatches']) {
        if (count > 0) stdout += `${label}\n`;
      } else if (f['count']) stdout += `${prefixNames ? `${label}:` : ''}${count}\n`;
    }
    if (f['quiet'] && anySelected) return { stdout: '', stderr, exitCode: 0 };
    return { stdout, stderr, exitCode: error ? 2 : anySelected ? 0 : 1 };
  },
};
