// The Up/Ctrl-R history a restored session starts with (src/components/lab/session-history.ts).
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../../../src/components/lab/session-history';

const log = (events: unknown[]) => JSON.stringify({ format: 'hlab-session', events });

describe('historyOf', () => {
  it('lists the typed lines and skips actions', () => {
    expect(historyOf(log([{ kind: 'line', text: 'ls' }, { kind: 'action', action: { type: 'interrupt' } }, { kind: 'line', text: 'id' }]), [])).toEqual(['ls', 'id']);
  });

  it("leaves out the page's setup lines at the start", () => {
    expect(historyOf(log([{ kind: 'line', text: 'zpool create tank sdb' }, { kind: 'line', text: 'zfs list' }]), ['zpool create tank sdb'])).toEqual(['zfs list']);
  });

  it('keeps every line when the log does not start with the setup', () => {
    expect(historyOf(log([{ kind: 'line', text: 'ls' }]), ['zpool create tank sdb'])).toEqual(['ls']);
  });

  it('gives no history for text that is not a session log', () => {
    expect(historyOf('not json', [])).toEqual([]);
    expect(historyOf('{"events": 3}', [])).toEqual([]);
  });
});
