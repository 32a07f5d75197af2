/**
 * `grep [OPTION]... PATTERNS [FILE]...`: prints lines that match. Exit 0 when a line is
 * selected, 1 when none is, 2 on an error (unless -q found a match).
 */
// @sim grep | GNU grep 3.8 grep(1): -i -y -v -n -c -l -L -q -s -o -w -x -h -H -Z -m -E -F -G -P -e -f; exit 0/1/2; BRE/ERE via grep-pattern.ts
import { fail, type Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { compilePatterns, type PatternSyntax } from '../grep-pattern';
import { readInputs, splitLines } from '../input-files';
import { resolvePath } from '../path';
import { STRERROR } from '../vfs';

/** The `grep` command. */
export const grep: Command = {
  spec: {
    name: 'grep',
    summary: 'print lines that match a pattern',
    usage: 'grep [OPTION]... PATTERNS [FILE]...',
    description: 'Search for PATTERNS in each FILE.\nExample: grep -i \'hello world\' menu.h main.c\nPATTERNS can contain multiple patterns separated by newlines.\n',
    options: [
      { key: 'extended', short: 'E', long: 'extended-regexp', help: 'PATTERNS are extended regular expressions' },
      { key: 'fixed', short: 'F', long: 'fixed-strings', help: 'PATTERNS are strings' },
      { key: 'basic', short: 'G', long: 'basic-regexp', help: 'PATTERNS are basic regular expressions' },
      { key: 'perl', short: 'P', long: 'perl-regexp', help: 'PATTERNS are Perl regular expressions' },
      { key: 'regexp', short: 'e', long: 'regexp', value: 'PATTERNS', help: 'use PATTERNS for matching' },
      { key: 'file', short: 'f', long: 'file', value: 'FILE', help: 'take PATTERNS from FILE' },
      { key: 'ignoreCase', short: 'i', long: 'ignore-case', help: 'ignore case distinctions in patterns and data' },
      // grep.c: -y is the obsolete spelling of -i.
      { key: 'ignoreCase', short: 'y', help: 'obsolete synonym for -i' },
      { key: 'word', short: 'w', long: 'word-regexp', help: 'match only whole words' },
      { key: 'line', short: 'x', long: 'line-regexp', help: 'match only whole lines' },
      { key: 'noMessages', short: 's', long: 'no-messages', help: 'suppress error messages' },
      { key: 'invert', short: 'v', long: 'invert-match', help: 'select non-matching lines' },
      { key: 'maxCount', short: 'm', long: 'max-count', value: 'NUM', help: 'stop after NUM selected lines' },
      { key: 'lineNumber', short: 'n', long: 'line-number', help: 'print line number with output lines' },
      { key: 'withFilename', short: 'H', long: 'with-filename', help: 'print file name with output lines' },
      { key: 'noFilename', short: 'h', long: 'no-filename', help: 'suppress the file name prefix on output' },
      { key: 'onlyMatching', short: 'o', long: 'only-matching', help: 'show only nonempty parts of lines that match' },
      { key: 'quiet', short: 'q', long: 'quiet', help: 'suppress all normal output' },
      { key: 'filesWithoutMatch', short: 'L', long: 'files-without-match', help: 'print only names of FILEs with no selected lines' },
      { key: 'filesWithMatches', short: 'l', long: 'files-with-matches', help: 'print only names of FILEs with selected lines' },
      { key: 'count', short: 'c', long: 'count', help: 'print only a count of selected lines per FILE' },
      { key: 'null', short: 'Z', long: 'null', help: 'print 0 byte after FILE name' },
      { key: 'color', long: 'color', value: 'WHEN', optionalValue: true, help: 'accepted; output is never coloured here' },
      { key: 'color', long: 'colour', value: 'WHEN', optionalValue: true, help: 'accepted; output is never coloured here' },
    ],
    arguments: 'gnu',
    usageStatus: 2,
    usageLineOnError: true,
    imitates: 'GNU grep 3.8',
    simplified: 'no -r, no context (-A/-B/-C), no colour (--color is accepted and ignored); -P patterns run as JavaScript regular expressions',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    const operands = [...opts.operands];
    const patterns = [...(opts.all['regexp'] ?? [])];
    for (const name of opts.all['file'] ?? []) {
      // grep.c: -f FILE, one pattern per line; a missing file is fatal (status 2).
      const read = name === '-' ? { ok: true as const, text: ctx.stdin ?? '' } : ctx.vfs.read(resolvePath(ctx.cwd, name));
      if (!read.ok) return fail(`grep: ${name}: ${STRERROR[read.errno]}`, 2);
      patterns.push(...splitLines(read.text));
    }
    const fromOptions = opts.all['regexp'] !== undefined || opts.all['file'] !== undefined;
    if (!fromOptions) {
      const first = operands.shift();
      // grep.c: no PATTERNS → usage(EXIT_TROUBLE)
      if (first === undefined) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.", 2);
      patterns.push(first);
    }
    let maxCount = Infinity;
    const maxText = f['maxCount'];
    if (typeof maxText === 'string') {
      // grep.c: a negative count means no limit; anything else that is not a number is an error.
      if (!/^\s*[-+]?[0-9]+$/.test(maxText)) return fail('grep: invalid max count', 2);
      const n = Number(maxText);
      if (n >= 0) maxCount = n;
    }
    // grep.c main(): `-m 0` selects nothing and reads no file.
    if (maxCount === 0) return { stdout: '', stderr: '', exitCode: 1 };

    const syntax: PatternSyntax = f['perl'] ? 'perl' : f['fixed'] ? 'fixed' : f['extended'] ? 'extended' : 'basic';
    // An empty -f file gives no pattern at all, which matches nothing.
    const compiled = patterns.length === 0 ? { ok: true as const, regexp: /(?!)/u, warnings: [] } : compilePatterns(patterns, syntax, { ignoreCase: !!f['ignoreCase'], word: !!f['word'], line: !!f['line'] });
    if (!compiled.ok) return fail(compiled.message, 2);
    const re = compiled.regexp;
    const invert = !!f['invert'];
    const inputs = readInputs(ctx, operands);
    const prefixNames = f['noFilename'] ? false : f['withFilename'] ? true : inputs.length > 1;
    // -Z: a NUL ends each file name instead of ':' (or the newline after -l/-L).
    const afterName = f['null'] ? '\0' : ':';
    const listEnd = f['null'] ? '\0' : '\n';

    const output = orderedOutput();
    for (const w of compiled.warnings) output.err(`${w}\n`);
    let anySelected = false;
    let error = false;
    for (const input of inputs) {
      const label = input.name === '-' ? '(standard input)' : input.name;
      if (input.errno) {
        error = true;
        if (!f['noMessages']) output.err(`grep: ${input.name}: ${STRERROR[input.errno]}\n`);
        // A file that cannot be opened is skipped; a directory opens, fails to read and then
        // counts as a file with no selected line (-c prints 0 for it, -L lists it).
        if (input.errno !== 'EISDIR') continue;
      }
      let count = 0;
      const lines = splitLines(input.text ?? '');
      for (let i = 0; i < lines.length && count < maxCount; i++) {
        const line = lines[i] as string;
        if (re.test(line) === invert) continue;
        count++;
        anySelected = true;
        if (f['quiet'] || f['count'] || f['filesWithMatches'] || f['filesWithoutMatch']) continue;
        const prefix = `${prefixNames ? `${label}${afterName}` : ''}${f['lineNumber'] ? `${i + 1}:` : ''}`;
        if (f['onlyMatching'] && !invert) {
          const global = new RegExp(re.source, re.flags + 'g');
          for (const m of line.matchAll(global)) if (m[0] !== '') output.out(`${prefix}${m[0]}\n`);
        } else if (!f['onlyMatching']) output.out(`${prefix}${line}\n`);
      }
      // grep.c: -q exits at the first selected line, without reading the files after it.
      if (f['quiet']) {
        if (anySelected) return output.result(0);
        continue;
      }
      if (f['filesWithMatches']) {
        if (count > 0) output.out(`${label}${listEnd}`);
      } else if (f['filesWithoutMatch']) {
        if (count === 0) output.out(`${label}${listEnd}`);
      } else if (f['count']) output.out(`${prefixNames ? `${label}${afterName}` : ''}${count}\n`);
    }
    return output.result(error ? 2 : anySelected ? 0 : 1);
  },
};
