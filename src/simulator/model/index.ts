/**
 * The Lab model: schemas, parsing with friendly errors, validation and a small API for the
 * shell and engines. Import from here, not from the files behind it.
 */
export { LabSchema, LAB_VERSION, findHost, type Lab } from './lab';
export { parseLab, parseLabValue, validateLab, type ParseLabResult, type ParseLabOptions } from './parse-lab';
export { formatIssue, formatPath, quoteValue, type LabIssue } from './issues';
export { HostSchema, HOST_KINDS, ProxmoxConfigSchema, HostIscsiSchema, hostIps, hostHasIp, type Host } from './host';
export { InterfaceSchema, CidrSchema, IpSchema, parseCidr, parseIpv4, parseIpv6, canonicalIp, checkIp, checkCidr, type Interface } from './network';
export { DiskSchema, DISK_TYPES, type Disk } from './disk';
export { UserSchema, GroupSchema, SubidEntrySchema, parseSubidEntry, MAX_ID, type User, type Group, type SubidRange } from './user';
export { PoolSchema, VdevSchema, DatasetSchema, ZvolSchema, VDEV_TYPES, VDEV_MIN_DISKS, poolDisks, type Pool, type Vdev, type Dataset, type Zvol } from './storage';
export { FilesystemPropertiesSchema, VolumePropertiesSchema, PoolPropertiesSchema, type FilesystemProperties, type VolumeProperties, type PoolProperties } from './zfs-properties';
export {
  IscsiTargetSchema,
  IqnSchema,
  PortalSchema,
  InitiatorGroupSchema,
  AuthSchema,
  ExtentSchema,
  TargetSchema,
  TargetGroupSchema,
  TargetExtentSchema,
  DEFAULT_BASENAME,
  DEFAULT_ISCSI_PORT,
  AUTH_METHODS,
  EXTENT_TYPES,
  fullTargetIqn,
  type IscsiTarget,
  type Portal,
  type InitiatorGroup,
  type Auth,
  type Extent,
  type Target,
  type TargetExtent,
} from './iscsi-target';
export { IscsiInitiatorSchema, SessionSchema, PortalAddressSchema, parsePortalAddress, type IscsiInitiator, type Session } from './iscsi-initiator';
export { ProxmoxStorageSchema, StorageIdSchema, TemplateVolumeSchema, STORAGE_CONTENT, type ProxmoxStorage } from './proxmox-storage';
export { ContainerSchema, ContainerNetSchema, MountSchema, RootfsSchema, VmidSchema, DnsNameSchema, VolumeNameSchema, CONTAINER_OSTYPES, isBindMount, type Container, type ContainerNet, type Mount } from './container';
export { VmSchema, VmDiskSchema, VmNetSchema, type Vm } from './vm';
export { ZoneSchema, ServiceSchema, LinkSchema, ZONE_KINDS, EXPOSURES, type Zone, type Service, type Link } from './service';
export { parseIdmapLine, formatIdmapEntry, checkIdmap, effectiveIdmap, DEFAULT_IDMAP, IDMAP_MAX_LINES, type IdmapEntry, type IdmapProblem } from './idmap';
export { parseSize, formatSize, SizeSchema, type Size } from './size';
export {
  checkIqn,
  checkTargetName,
  checkPoolName,
  checkDatasetName,
  checkVmid,
  checkDnsName,
  checkStorageId,
  checkTag,
  checkInterfaceName,
  checkUserName,
  checkDiskName,
  checkAbsolutePath,
  checkSlug,
  checkFreeText,
  ISCSI_NAME_MAX_BYTES,
  ZFS_MAX_DATASET_NAME_LEN,
  ZFS_MAX_DATASET_NESTING,
} from './names';
export { MAX_LAB_BYTES, MAX_NESTING } from './lab-text';
export { datasetMountpoint, hostMountpoints, mountedPath, poolAltroot } from './mountpoints';
export { labJsonSchema, labJsonSchemaText, LAB_SCHEMA_ID } from './json-schema';
export { checkChapUser } from './names';
