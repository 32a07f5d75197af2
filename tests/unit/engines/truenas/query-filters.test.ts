import { describe, expect, it } from 'vitest';
import { boot, run } from '../../shell/sim-fixture';

/** truenas with three portals' worth of initiator groups. */
function withGroups() {
  const s = boot();
  run(s, 'ssh truenas');
  for (const [i, names] of [['pve', ['iqn.1993-08.org.debian:01:a']], ['backup', []], ['lab', ['iqn.1993-08.org.debian:01:b', '10.0.0.5']]].entries()) {
    run(s, `midclt call iscsi.initiator.create '${JSON.stringify({ comment: names[0], initiators: names[1] })}'`);
    expect(i).toBeGreaterThanOrEqual(0);
  }
  return s;
}

const q = (s: ReturnType<typeof boot>, args: string) => run(s, `midclt call iscsi.initiator.query ${args}`).stdout;

describe('query filters and options (filter_list)', () => {
  it('=, !=, in, ^, ~, rin and OR', () => {
    const s = withGroups();
    expect(q(s, `'[["comment","=","pve"]]' '{"select":["id"]}'`)).toBe('[{"id": 1}]\n');
    expect(q(s, `'[["comment","!=","pve"]]' '{"select":["id"]}'`)).toBe('[{"id": 2}, {"id": 3}]\n');
    expect(q(s, `'[["id","in",[1,3]]]' '{"count":true}'`)).toBe('2\n');
    expect(q(s, `'[["comment","^","ba"]]' '{"get":true,"select":["comment"]}'`)).toBe('{"comment": "backup"}\n');
    expect(q(s, `'[["comment","~","^l.b$"]]' '{"select":["id"]}'`)).toBe('[{"id": 3}]\n');
    expect(q(s, `'[["initiators","rin","10.0.0.5"]]' '{"select":["id"]}'`)).toBe('[{"id": 3}]\n');
    expect(q(s, `'[["OR",[["id","=",1],["id","=",2]]]]' '{"count":true}'`)).toBe('2\n');
  });
  it('order_by (descending with -), limit, offset; an unknown operator is an error', () => {
    const s = withGroups();
    expect(q(s, `'[]' '{"order_by":["-id"],"limit":2,"select":["id"]}'`)).toBe('[{"id": 3}, {"id": 2}]\n');
    expect(q(s, `'[]' '{"offset":2,"select":["id"]}'`)).toBe('[{"id": 3}]\n');
    const bad = run(s, `midclt call iscsi.initiator.query '[["id","<>",1]]'`);
    expect([bad.stderr, bad.exitCode]).toEqual(['[EINVAL] query-filters: Invalid operation: <>\n', 1]);
  });
});
