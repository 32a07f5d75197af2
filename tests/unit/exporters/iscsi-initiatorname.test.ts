import { describe, expect, it } from 'vitest';
import { renderInitiatorName } from '../../../src/simulator/exporters';
import { loadExampleLabs } from './example-labs';
import { expectGolden } from './golden-file';

const initiators = loadExampleLabs().flatMap(({ id, lab }) =>
  lab.hosts.flatMap((host) => (host.iscsi?.initiator ? [{ name: `${id}/${host.name}`, iqn: host.iscsi.initiator.name }] : [])),
);

describe('renderInitiatorName', () => {
  it("writes Debian open-iscsi's header and the name, ending in a newline", () => {
    expect(renderInitiatorName('iqn.1993-08.org.debian:01:e7dd6e7909d')).toMatchInlineSnapshot(`
      "## DO NOT EDIT OR REMOVE THIS FILE!
      ## If you remove this file, the iSCSI daemon will not start.
      ## If you change the InitiatorName, existing access control lists
      ## may reject this initiator.  The InitiatorName must be unique
      ## for each iSCSI initiator.  Do NOT duplicate iSCSI InitiatorNames.
      InitiatorName=iqn.1993-08.org.debian:01:e7dd6e7909d
      "
    `);
  });

  it('has exactly one InitiatorName= line, which iscsid reads', () => {
    const lines = renderInitiatorName('iqn.2024-01.lab.example:node1').split('\n');
    expect(lines.filter((l) => !l.startsWith('#') && l !== '')).toEqual(['InitiatorName=iqn.2024-01.lab.example:node1']);
  });

  it.each(initiators)('$name matches its golden file', ({ name, iqn }) => {
    expectGolden(`iscsi-initiatorname/${name}.iscsi`, renderInitiatorName(iqn));
  });
});
