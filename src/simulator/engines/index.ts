/**
 * Loads every engine, so each registers its drivers, block backends and boot steps before a
 * World boots. An engine adds one import line here.
 */
import './zfs';
import './iscsi';
import './proxmox';

export { boot, registerBootStep, type BootOptions, type BootStep } from './boot';
