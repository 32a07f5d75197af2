/**
 * The ZFS engine: loading this module registers its block backend (zvol bytes) and its boot
 * step. Operations are imported from their own files.
 */
import './zvol';
import './driver';
import './disk-writes';
import './boot';

export { attachZvol, detachZvol, zvolDevice, zvolState, volsizeToReservation } from './zvol';
export { zfsHost, zfsState, type ZfsState, type ZfsHostState, type ZvolState } from './state';
export { openPool, poolState, syncTxg } from './pool';
export { datasetSpace, snapshotUsed } from './space';
export { takeSnapshot, destroySnapshot, rollbackToLatest } from './snapshot';
export { zfsTreeView, type ZfsTreeView, type FileView, type BlockView } from './tree-view';
