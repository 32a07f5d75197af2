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
  const head = ['#!/bin/bash', ...about.map((line) => (line === '' ? '#' : `# ${commentText(line)}`)), 'set -euo pipefail', ''];
  return [...head, ...body].map((line) => `${line}\n`).join('');
}

/**
 * Text safe inside a `#` comment: control characters (a newline would end the comment and
 * start a command) become spaces.
 * @example commentText('a\nb') // 'a b'
 */
export function commentText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, ' ');
}
