/**
 * The "unquoted skeleton" of a bash script: the shell-special characters bash would act on
 * (outside single quotes, backslash escapes, comments and quoted here-documents), in order.
 * Two scripts rendered from labs of the same shape, one with hostile values and one with
 * harmless ones, must have the same skeleton: a lab value that reached the shell unquoted
 * (or inside double quotes, where `$` and backticks still expand) would add characters.
 * Follows bash(1) QUOTING, Command Substitution and Here Documents, for the constructs the
 * exporters write.
 */

/** Characters that mean something to bash when unquoted (or, for `$`, `` ` ``, `\`, `"`, inside double quotes). */
const SPECIAL = new Set([..."$`;&|()<>'\"\\*?[]#~{}! \t\n"]);

type Frame = { kind: 'cmd'; depth: number; sub: boolean } | { kind: 'dq' };

/** The skeleton of `script`: each acted-on special character, in order. */
export function shellSkeleton(script: string): string {
  let out = '';
  const stack: Frame[] = [{ kind: 'cmd', depth: 0, sub: false }];
  const heredocs: { delimiter: string; quoted: boolean }[] = [];
  let i = 0;
  const atWordStart = (): boolean => i === 0 || /[\s;&|()<>]/.test(script[i - 1] as string);
  while (i < script.length) {
    const c = script[i] as string;
    const top = stack[stack.length - 1] as Frame;
    if (top.kind === 'cmd') {
      if (c === '\\') {
        i += 2; // an escaped character is literal
        continue;
      }
      if (c === "'") {
        const end = script.indexOf("'", i + 1);
        i = end < 0 ? script.length : end + 1; // nothing is special inside single quotes
        continue;
      }
      if (c === '#' && atWordStart()) {
        const end = script.indexOf('\n', i);
        // A comment runs to the end of the line; a line that is only a comment is dropped whole.
        const wholeLine = /^[ \t]*$/.test(script.slice(script.lastIndexOf('\n', i - 1) + 1, i));
        i = end < 0 ? script.length : wholeLine ? end + 1 : end;
        continue;
      }
      if (c === '<' && script.startsWith('<<', i) && !script.startsWith('<<<', i)) {
        const m = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(script.slice(i));
        if (m) {
          heredocs.push({ delimiter: m[2] as string, quoted: m[1] !== '' });
          out += '<<';
          i += m[0].length;
          continue;
        }
      }
      if (c === '\n' && heredocs.length > 0) {
        out += c;
        i++;
        for (const doc of heredocs.splice(0)) {
          // The body runs to a line that is exactly the delimiter; a quoted delimiter keeps it literal.
          const lines = script.slice(i).split('\n');
          const end = lines.findIndex((l) => l.replace(/^\t+/, '') === doc.delimiter);
          const body = lines.slice(0, end < 0 ? lines.length : end).join('\n');
          if (!doc.quoted) out += [...body].filter((ch) => ch === '$' || ch === '`' || ch === '\\').join('');
          i += body.length + 1 + (end < 0 ? 0 : doc.delimiter.length + 1);
        }
        continue;
      }
      if (c === '"') {
        out += c;
        stack.push({ kind: 'dq' });
        i++;
        continue;
      }
      if (c === '$' && script[i + 1] === '(') {
        out += '$(';
        stack.push({ kind: 'cmd', depth: 0, sub: true });
        i += 2;
        continue;
      }
      if (c === '(') top.depth++;
      if (c === ')') {
        if (top.sub && top.depth === 0) {
          out += c;
          stack.pop();
          i++;
          continue;
        }
        top.depth--;
      }
      if (SPECIAL.has(c)) out += c;
      i++;
      continue;
    }
    // Inside double quotes: `\` escapes $ ` " \ and newline; $( starts a command; " ends.
    if (c === '\\' && /[$`"\\\n]/.test(script[i + 1] ?? '')) {
      i += 2;
      continue;
    }
    if (c === '"') {
      out += c;
      stack.pop();
      i++;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      out += '$(';
      stack.push({ kind: 'cmd', depth: 0, sub: true });
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') out += c;
    i++;
  }
  return out;
}
