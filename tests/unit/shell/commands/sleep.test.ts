import { describe, expect, it } from 'vitest';
import { strtod } from '../../../../src/simulator/shell/commands/sleep';
import { boot, run } from '../sim-fixture';

describe('sleep (coreutils 9.7 sleep.c)', () => {
  it('moves the virtual clock by the sum of its operands and prints nothing', () => {
    const state = boot();
    const before = state.world.clock;
    expect(run(state, 'sleep 1 2m 0.5s 1h 1d')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    // 1 s for the typed line, then 1 + 120 + 0.5 + 3600 + 86400 s.
    expect(state.world.clock - before).toBe(1000 + 90121500);
  });

  it('reads C floating-point numbers: hexadecimal, exponents, a sign, leading blanks', () => {
    expect(strtod('0x0.1')).toEqual({ value: 1 / 16, end: 5 });
    expect(strtod('1e-3')).toEqual({ value: 0.001, end: 4 });
    expect(strtod('1e')).toEqual({ value: 1, end: 1 });
    expect(strtod(' +2.5m')).toEqual({ value: 2.5, end: 5 });
    expect(strtod('infinity').value).toBe(Infinity);
    expect(run(boot(), "sleep 0x0.1 .0m 1e-3 +0 ' 0' -- -0").exitCode).toBe(0);
  });

  it('names every bad interval, then gives the usage hint', () => {
    expect(run(boot(), 'sleep x 1y 1ms nan')).toMatchObject({
      stderr: "sleep: invalid time interval ‘x’\nsleep: invalid time interval ‘1y’\nsleep: invalid time interval ‘1ms’\nsleep: invalid time interval ‘nan’\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
    expect(run(boot(), 'sleep -- -1').stderr).toBe("sleep: invalid time interval ‘-1’\nTry 'sleep --help' for more information.\n");
  });

  it('says a missing operand, and reads a leading minus as an option', () => {
    expect(run(boot(), 'sleep')).toMatchObject({ stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(run(boot(), 'sleep -1').stderr).toBe("sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n");
  });

  it('ends a sleep without end at once, as if interrupted', () => {
    const state = boot();
    const before = state.world.clock;
    expect(run(state, 'sleep infinity').exitCode).toBe(130);
    expect(state.world.clock - before).toBe(1000);
  });
});
