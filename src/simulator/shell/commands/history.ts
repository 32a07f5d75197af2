/**
 * `history [N]`: lists the lines typed in this session, numbered; `history -c` clears it.
 */
// @sim history | bash 5.2 builtins/history.def: "%5d  %s" lines, N = last N, -c clears
import { fail, ok, type Command } from '../command-spec';

/** The `history` command. */
export const history: Command = {
  spec: {
    name: 'history',
    summary: 'list the lines typed in this session',
    // bash 5.2 builtins/history.def $SHORT_DOC.
    usage: 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]',
    // bash 5.2 `help history`, first paragraphs.
    description: "Display or manipulate the history list.\n\nDisplay the history list with line numbers, prefixing each modified\nentry with a `*'.  An argument of N lists only the last N entries.",
    options: [{ key: 'clear', short: 'c', help: 'clear the history list by deleting all of the entries' }],
    arguments: 'builtin',
    usageStatus: 2,
    imitates: 'bash 5.2 builtin history',
    simplified: 'one history for the whole session, not one per host; only -c (no -d -a -n -r -w -p -s)',
  },
  run(ctx, _argv, opts) {
    const list = ctx.shell.history();
    if (opts.flags['clear']) {
      ctx.shell.clearHistory();
      return ok();
    }
    const [count, extra] = opts.operands;
    if (extra !== undefined) return fail('bash: history: too many arguments');
    let from = 0;
    if (count !== undefined) {
      if (!/^[0-9]+$/.test(count)) return fail(`bash: history: ${count}: numeric argument required`);
      from = Math.max(0, list.length - Number(count));
    }
    // bash: each entry as "%5d  %s" (history.def display_history, with HISTTIMEFORMAT unset).
    return ok(list.slice(from).map((line, i) => `${String(from + i + 1).padStart(5)}  ${line}\n`).join(''));
  },
};
