/**
 * The frame every exported bash script shares: shebang, a comment saying what it does and
 * where it runs, `set -euo pipefail`, then its lines. Lab values never reach these comments
 * unfiltered: `commentText` folds anything that could end a comment line.
 */

/**
 * A complete script: `#!/bin/bash`, the `about` lines as comments, `set -euo pipefail`
 * (bash(1): stop at the first failing command, unset variable or failing pipeline stage),
 * a blank line, then `body`. Ends with a newline.
 * @example bashScript(['Creates the ZFS pools of host nas.'], ['zpool list'])
 */
export function bashScript(about: readonly string[], body: readonly string[]): string {
  const head = [
    '#!/bin/bash',
    ...about.map((line) => (line === '' ? '#' : `# ${commentText(line)}`)),
    ...(quotesLiterals(body.join('\n')) ? [LITERAL_DIRECTIVE] : []),
    'set -euo pipefail',
    '',
  ];
  return [...head, ...body].map((line) => `${line}\n`).join('');
}

/**
 * shellcheck's SC2016 ("expressions don't expand in single quotes") and SC1003 ("want to
 * escape a single quote?") are notes about a `$`, backtick or `\` inside single quotes; a
 * lab value that holds one is single-quoted on purpose (shq), so such a file says so once,
 * before its first command, where a directive covers the whole file (shellcheck wiki,
 * Directive).
 */
const LITERAL_DIRECTIVE = '# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: $ ` \\ in them are literal';

/** The scripts' own awk programs (`'$2 == t { f = 1 } …'`): single-quoted `$` that is meant for awk. */
const AWK_PROGRAM = /^\$\d+ == t /;

/**
 * True when a single-quoted word of `body` holds a `$` or backtick (outside the scripts' awk
 * programs) or ends with a backslash. Follows bash(1) QUOTING: `\` escapes one character outside quotes
 * and some inside double quotes; `#` at the start of a word starts a comment.
 */
function quotesLiterals(body: string): boolean {
  let state: 'none' | 'single' | 'double' = 'none';
  let segment = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (state === 'single') {
      if (c !== "'") segment += c;
      else {
        // SC2016 looks for $ and backticks; SC1003 for a backslash right before the closing quote.
        if ((/[$`]/.test(segment) && !AWK_PROGRAM.test(segment)) || segment.endsWith('\\')) return true;
        state = 'none';
      }
    } else if (state === 'double') {
      if (c === '\\') i++;
      else if (c === '"') state = 'none';
    } else if (c === '\\') i++;
    else if (c === "'") {
      state = 'single';
      segment = '';
    } else if (c === '"') state = 'double';
    else if (c === '#' && (i === 0 || /\s/.test(body[i - 1] as string))) {
      const end = body.indexOf('\n', i);
      i = end < 0 ? body.length : end;
    }
  }
  return false;
}

/**
 * Text safe inside a `#` comment: control characters (a newline would end the comment and
 * start a command) become spaces.
 * @example commentText('a\nb') // 'a b'
 */
export function commentText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, ' ');
}
