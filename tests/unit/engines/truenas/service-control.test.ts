import { describe, expect, it } from 'vitest';
import { boot, run } from '../../shell/sim-fixture';

const out = (s: ReturnType<typeof boot>, line: string) => {
  const r = run(s, line);
  return `${r.stdout}${r.stderr}[${r.exitCode}]`;
};

describe('midclt call service.control / service.update (TrueNAS 25.10 service.py)', () => {
  it('service.control START is a job: its id without -j, True with -j, and the target runs', () => {
    const s = boot();
    run(s, 'ssh truenas');
    expect(out(s, 'midclt call service.control START iscsitarget')).toMatch(/^\d+\n\[0\]$/);
    expect(out(s, 'midclt call service.started iscsitarget')).toBe('True\n[0]');
    expect(out(s, 'midclt call -j service.control STOP iscsitarget')).toBe('True\n[0]');
    expect(out(s, 'midclt call -j service.control RESTART iscsitarget')).toBe('True\n[0]');
    expect(out(s, 'midclt call service.started iscsitarget')).toBe('True\n[0]');
  });

  it('refuses an unknown verb and an unknown service', () => {
    const s = boot();
    run(s, 'ssh truenas');
    expect(out(s, 'midclt call service.control BEGIN iscsitarget')).toBe("[EINVAL] verb: Input should be 'START', 'STOP', 'RESTART' or 'RELOAD'\n[1]");
    expect(out(s, 'midclt call service.control START nope')).toBe("[ENOENT] service: The service 'nope' does not exist\n[1]");
  });

  it('service.update sets "start automatically" by name or id and answers the id', () => {
    const s = boot();
    run(s, 'ssh truenas');
    expect(out(s, `midclt call service.update iscsitarget '{"enable": true}'`)).toBe('3\n[0]');
    expect(out(s, `midclt call service.query '[["service","=","iscsitarget"]]' '{"get":true,"select":["service","enable","state"]}'`)).toBe('{"service": "iscsitarget", "enable": true, "state": "STOPPED"}\n[0]');
    expect(out(s, `midclt call service.update 3 '{"enable": false}'`)).toBe('3\n[0]');
    expect(out(s, `midclt call service.query '[["service","=","iscsitarget"]]' '{"get":true,"select":["enable"]}'`)).toBe('{"enable": false}\n[0]');
    expect(out(s, `midclt call service.update nope '{"enable": true}'`)).toBe('[ENOENT] Service nope not found.\n[1]');
  });
});
