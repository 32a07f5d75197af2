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
    simplified: 'no -r, no context (-A/-B/-C), no colour (--color is accepted and ignored); -P patterns run as JavaScript regular expressions, so a hostile -P pattern can backtrack for exponential time (as can a pattern with back-references, which GNU grep also hands to a backtracking matcher); other patterns run on a linear-time NFA',
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
    // grep.c: -E, -F, -G and -P choose one matcher; two different ones are an error.
    if (['basic', 'extended', 'fixed', 'perl'].filter((k) => f[k]).length > 1) return fail('grep: conflicting matchers specified', 2);
    // grep.c: of -h/-H and of -l/-L, the last one given wins.
    const last = (a: string, b: string): string | undefined => opts.order.filter((k) => k === a || k === b).pop();
    const listing = last('filesWithMatches', 'filesWithoutMatch');
    let invert = !!f['invert'];
    let line = !!f['line'];
    let word = !!f['word'];
    if (patterns.length === 0) {
      // grep.c: no pattern at all (an empty -f file) matches nothing: it becomes `-v ''`.
      patterns.push('');
      [invert, line, word] = [!invert, false, false];
    }
    // grep.c main(): when nothing can be selected (`-m 0`, or `-v` with one empty pattern),
    // grep reads no file at all and exits 1, unless -L must list files.
    const nothing = maxCount === 0 || (patterns.join('\n') === '' && invert && !line && !word);
    if (nothing && listing !== 'filesWithoutMatch') return { stdout: '', stderr: '', exitCode: 1 };

    const syntax: PatternSyntax = f['perl'] ? 'perl' : f['fixed'] ? 'fixed' : f['extended'] ? 'extended' : 'basic';
    const compiled = compilePatterns(patterns, syntax, { ignoreCase: !!f['ignoreCase'], word, line });
    if (!compiled.ok) return fail(compiled.message, 2);
    const matcher = compiled.matcher;
    const inputs = readInputs(ctx, operands);
    const naming = last('noFilename', 'withFilename');
    const prefixNames = naming === 'noFilename' ? false : naming === 'withFilename' ? true : inputs.length > 1;
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
      // grep 3.8: a file holding a NUL byte is binary. Its NULs end lines too, and instead
      // of its first selected line grep says so on stderr and reads no further.
      const binary = (input.text ?? '').includes('\0');
      const lines = splitLines(binary ? (input.text ?? '').replace(/\0/g, '\n') : (input.text ?? ''));
      for (let i = 0; i < lines.length && count < maxCount; i++) {
        const text = lines[i] as string;
        if (matcher.test(text) === invert) continue;
        count++;
        anySelected = true;
        if (f['quiet'] || f['count'] || listing) continue;
        if (binary) {
          output.err(`grep: ${label}: binary file matches\n`);
          break;
        }
        const prefix = `${prefixNames ? `${label}${afterName}` : ''}${f['lineNumber'] ? `${i + 1}:` : ''}`;
        if (f['onlyMatching'] && !invert) {
          for (const m of matcher.matches(text)) output.out(`${prefix}${text.slice(m.start, m.end)}\n`);
        } else if (!f['onlyMatching']) output.out(`${prefix}${text}\n`);
      }
      // grep.c: -q exits at the first selected line, without reading the files after it.
      if (f['quiet']) {
        if (anySelected) return output.result(0);
        continue;
      }
      if (listing === 'filesWithMatches') {
        if (count > 0) output.out(`${label}${listEnd}`);
      } else if (listing === 'filesWithoutMatch') {
        if (count === 0) output.out(`${label}${listEnd}`);
      } else if (f['count']) output.out(`${prefixNames ? `${label}${afterName}` : ''}${count}\n`);
    }
    return output.result(error ? 2 : anySelected ? 0 : 1);
  },
};
