// What the lab's terminal draws from simulator output: text and colours pass, every other
// control sequence shows as caret notation (src/components/lab/printable.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { printable } from '../../../../src/components/lab/printable';

describe('printable', () => {
  it('turns newlines into CR LF and keeps tabs and text', () => {
    expect(printable('a\tb\nc\n')).toBe('a\tb\r\nc\r\n');
  });

  it('keeps colour (SGR) sequences', () => {
    expect(printable('\x1b[1;31mred\x1b[0m')).toBe('\x1b[1;31mred\x1b[0m');
  });

  it('shows a title (OSC), a screen clear and a bell as text, as cat -v does', () => {
    expect(printable('a\x1b]0;owned\x07\x1b[2Jb')).toBe('a^[]0;owned^G^[[2Jb');
  });

  it('shows C1 controls and DEL in cat -v notation', () => {
    expect(printable('\u009b2J\u009d\x7f')).toBe('M-^[2JM-^]^?');
  });

  it('never lets an escape through except at the start of a colour sequence', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\x1b', '[', ']', '0', '1', ';', 'm', 'J', 'H', '\x07', '\r', '\u009b', 'x', '\n') }), (input) => {
        const out = printable(input);
        for (let i = out.indexOf('\x1b'); i >= 0; i = out.indexOf('\x1b', i + 1)) expect(out.slice(i)).toMatch(/^\x1b\[[0-9;]*m/);
        expect(out).not.toMatch(/[\x00-\x08\x0b-\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]/);
        expect(out.replace(/\r\n/g, '')).not.toContain('\r');
      }),
      { numRuns: 300 },
    );
  });
});
