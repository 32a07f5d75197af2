/**
 * The iSCSI engine: a TrueNAS-style target (service, portals, name ACLs, CHAP, LUNs backed by
 * zvols) and an open-iscsi initiator (discovery, node records, sessions, SCSI disks whose
 * bytes are the zvol's). Loading it registers its boot steps and the `iscsi` block backend.
 */
import './boot';

export { iscsiState, initiatorState, type IscsiState, type InitiatorState, type NodeRecord, type SessionRecord } from './state';
export { targetConfig, isTargetRunning, startTargetService, stopTargetService, reloadTargetListeners, TARGET_DAEMON } from './target-service';
export { offeredTargets, groupDenies, chapDenies, groupAt, targetByIqn, targetLuns, portalTag, type OfferedTarget } from './access';
export { sendTargets, storeDiscovery, defaultNodeRecord, type DiscoveredTarget, type DiscoveryResult } from './discovery';
export { loginNode, logoutSession, rescanSession, LOGIN_GIVE_UP_MS, type LoginResult, type LoginFailure } from './login';
export { resolveLun, extentSize, extentDataset, zvolDevice } from './lun';
export { recordSession, recordSessions, type SessionChange } from './model-sessions';
export { matchNodes, setNodeParam, deleteNodes, NODE_KEYS, type NodePattern } from './node-records';
export { INITIATOR_NAME_FILE, checkInitiatorFile, writeInitiatorFile, type InitiatorFileCheck } from './initiator-file';
export { startIscsid, stopIscsid, startOpenIscsi, stopOpenIscsi, iscsidProcess } from './initiator-service';
export { ext4Driver, type Ext4Mount } from './ext4-driver';
export { makeExt4, loadExt4, probeExt4, type Ext4Probe } from './ext4-mkfs';
export { ext4Geometry, type Ext4Geometry } from './ext4-layout';
export { mountExt4, isDeviceMounted } from './ext4-mount';
export { checkExt4, type Ext4Check, type Ext4Problem } from './ext4-check';
export { iscsiTopologyView, type IscsiTopologyView, type TargetHostView, type InitiatorHostView, type TopologyLink, type LinkStage } from './topology-view';
