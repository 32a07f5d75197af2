// @ts-check
// The copy button of a terminal transcript (```console, ```shell-session) copies the
// commands only: the lines that start with a prompt, without the prompt, and none of the
// output. Expressive Code's frames plugin puts the text to copy in the button's `data-code`
// (newlines as U+007F, plugin-frames postprocessRenderedBlock); this plugin runs after it and
// rewrites that attribute. Blocks with no prompt at all are copied whole, as before.

/** Languages whose blocks are transcripts: prompt lines, then output. */
const TRANSCRIPT_LANGS = new Set(['console', 'shell-session', 'shellsession']);
/** `root@pve:~# `, `root@truenas[~]# `, `alice@mini:/srv$ `. */
const USER_HOST_PROMPT = /^[\w.-]+@[\w.-]+(?::[^\s#$%]*|\[[^\]]*\])?[#$%] /;
/** A bare `$ ` or `# ` or `% ` prompt, when no user@host prompt is used. */
const BARE_PROMPT = /^[$#%] /;

/**
 * The commands of a transcript: each prompt line without its prompt, joined by newlines;
 * `undefined` when no line starts with a prompt.
 * @param {string} code
 */
export function commandsOf(code) {
  const lines = code.split('\n');
  const prompt = lines.some((l) => USER_HOST_PROMPT.test(l)) ? USER_HOST_PROMPT : BARE_PROMPT;
  const commands = lines.filter((l) => prompt.test(l)).map((l) => l.replace(prompt, ''));
  return commands.length > 0 ? commands.join('\n') : undefined;
}

/**
 * Sets `data-code` on every copy button below `node`.
 * @param {any} node a HAST node
 * @param {string} text
 */
function setCopyText(node, text) {
  if (node.type === 'element' && node.tagName === 'button' && node.properties && 'dataCode' in node.properties) {
    node.properties.dataCode = text.replace(/\n/g, '\u007f');
  }
  for (const child of node.children ?? []) setCopyText(child, text);
}

/** Expressive Code plugin (ec.config.mjs): transcript copy buttons copy the commands only. */
export function copyCommandsOnly() {
  return {
    name: 'copy-commands-only',
    hooks: {
      /** @param {{ codeBlock: { code: string, language: string }, renderData: { blockAst: any } }} context */
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        if (!TRANSCRIPT_LANGS.has(codeBlock.language)) return;
        const commands = commandsOf(codeBlock.code);
        if (commands !== undefined) setCopyText(renderData.blockAst, commands);
      },
    },
  };
}
