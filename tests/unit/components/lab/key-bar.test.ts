// The touch key bar's bytes (src/components/lab/key-bar.ts): what xterm would send for the same keys.
import { describe, expect, it } from 'vitest';
import { KEY_BYTES, withCtrl } from '../../../../src/components/lab/key-bar';

describe('key bar', () => {
  it('sends the cursor keys in normal cursor mode and Tab/Esc as their bytes', () => {
    expect(KEY_BYTES).toMatchObject({ up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', tab: '\t', esc: '\x1b', pipe: '|' });
  });

  it('turns the next letter into its control byte with Ctrl, either case', () => {
    expect(withCtrl('c')).toBe('\x03');
    expect(withCtrl('R')).toBe('\x12');
    expect(withCtrl('[')).toBe('\x1b');
  });

  it('leaves keys with no control form alone', () => {
    expect(withCtrl('1')).toBe('1');
    expect(withCtrl('\x1b[A')).toBe('\x1b[A');
  });
});
