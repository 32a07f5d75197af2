import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/simulator/shell';

// The "What is simulated" page (src/pages/reference/what-is-simulated.astro) is generated
// from `// @sim NAME | ...` tags: every command must carry one, named as it is registered.
const commandsDir = new URL('../../../src/simulator/shell/commands/', import.meta.url).pathname;
const tagged = new Map(
  readdirSync(commandsDir).flatMap((file) =>
    [...readFileSync(join(commandsDir, file), 'utf8').matchAll(/^\/\/ @sim (\S+) \| (.+)$/gm)].map((m) => [m[1] as string, { file, text: m[2] as string }] as const),
  ),
);

describe('fidelity tags', () => {
  it('every registered command has an @sim tag naming a real tool and version', () => {
    for (const [name, command] of COMMANDS) {
      const tag = tagged.get(name);
      expect(tag, `commands/${name}: missing "// @sim ${name} | <real tool version>: <what>"`).toBeDefined();
      expect(tag!.text).toMatch(/\d/); // a version number
      expect(command.spec.imitates.length).toBeGreaterThan(0);
    }
  });
  it('every @sim tag in commands/ names a registered command', () => {
    for (const name of tagged.keys()) expect(COMMANDS.has(name), `@sim ${name} is not in the registry`).toBe(true);
  });
});
