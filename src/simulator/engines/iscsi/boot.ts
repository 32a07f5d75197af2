/**
 * The iSCSI engine at boot: a target host whose lab configures targets boots with its
 * `iscsitarget` service running (a lab describes a working setup; the starter lab's empty
 * target boots stopped, as a fresh TrueNAS does), and each initiator host's iscsid loads its
 * name; then sessions the lab lists are logged in again through discovery records, as
 * open-iscsi's `node.startup = automatic` does at boot.
 */
import { registerBootStep } from '../boot';
import { defaultNodeRecord } from './discovery';
import { loginNode } from './login';
import { writeInitiatorFile } from './initiator-file';
import { initiatorState } from './state';
import { startTargetService, stopTargetService } from './target-service';
import './lun-backend';

registerBootStep({
  name: 'iscsi-target',
  order: 30,
  run(world, host) {
    const cfg = host.iscsi?.target;
    if (!cfg) return;
    if (cfg.targets.length > 0) startTargetService(world, host.name);
    else stopTargetService(world, host.name);
  },
});

registerBootStep({
  name: 'iscsi-initiator',
  order: 31,
  run(world, host) {
    const initiator = host.iscsi?.initiator;
    if (!initiator || host.kind === 'truenas') return;
    // open-iscsi's package wrote the name file once; from here on it is an ordinary file.
    writeInitiatorFile(world, host.name, initiator.name);
    const state = initiatorState(world, host.name);
    for (const s of initiator.sessions) {
      const m = /^(.*):(\d+)$/.exec(s.portal);
      const address = m ? (m[1] as string) : s.portal;
      const port = m ? Number(m[2]) : 3260;
      const rec = { ...defaultNodeRecord(world, host.name, { address, port, tpgt: 1, target: s.target }), startup: 'automatic' as const };
      state.nodes.push(rec);
      loginNode(world, host.name, rec);
    }
  },
});
