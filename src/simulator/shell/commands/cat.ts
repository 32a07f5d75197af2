/**
 * `cat FILE...`: prints files one after another; `-` or no FILE reads standard input.
 */
// @sim cat | GNU coreutils 9.1 cat(1): -n, -A/-E/-T simplified away; errors "cat: FILE: strerror" (cat.c), exit 1
import type { Command } from '../command-spec';
import { orderedOutput } from '../command-output';
import { quotef, readInputs } from '../input-files';
import { STRERROR } from '../vfs';

/** The `cat` command. */
export const cat: Command = {
  spec: {
    name: 'cat',
    summary: 'print files',
    usage: 'cat [OPTION]... [FILE]...',
    description: 'Concatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.\n',
    options: [{ key: 'number', short: 'n', long: 'number', help: 'number all output lines' }],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'GNU coreutils 9.1 cat',
    simplified: 'only -n; a terminal stdin reads as empty instead of waiting for input',
  },
  run(ctx, _argv, opts) {
    const output = orderedOutput();
    let lineNo = 0;
    // cat.c keeps its line state across files: a file that ends without a newline runs
    // into the next file's first line, which then gets no number of its own.
    let atLineStart = true;
    for (const input of readInputs(ctx, opts.operands)) {
      if (input.errno) {
        output.err(`cat: ${quotef(input.name)}: ${STRERROR[input.errno]}\n`);
        continue;
      }
      if (opts.flags['number']) {
        // cat.c next_line_num(): a 6-wide right-aligned number and a tab before each line.
        for (const line of input.text.split(/(?<=\n)/)) {
          if (line === '') continue;
          output.out(atLineStart ? `${String(++lineNo).padStart(6)}\t${line}` : line);
          atLineStart = line.endsWith('\n');
        }
      } else output.out(input.text);
    }
    return output.result(output.failed ? 1 : 0);
  },
};
