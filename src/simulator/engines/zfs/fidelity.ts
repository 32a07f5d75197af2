/**
 * Where the simulated ZFS (OpenZFS 2.3 as Proxmox VE 9 and TrueNAS 25.10 ship it) differs
 * from a real pool. The "What is simulated" page prints this list.
 */
export const ZFS_SIMPLIFICATIONS: readonly string[] = [
  'Blocks are records of the dataset\'s recordsize with a checksum, birth txg, logical and physical size and an address on a vdev; the checksum is computed over the simulator\'s description of the data, not its bytes, and "sha256" is a second, differently seeded checksum of the same kind, not real SHA-256.',
  'Space is allocated with a simple bump allocator per top-level vdev (no metaslabs, no fragmentation, freed space is not reused); indirect blocks and metadata take no space, so USED and REFER are the data blocks\' figures plus a small fixed amount per dataset.',
  'Compression is modelled by kind of data: zeros and text shrink, random data does not; the ratios are representative, not lz4\'s or zstd\'s exact output.',
  'Log (SLOG) and cache (L2ARC) devices are shown and can be added and removed, but hold nothing: synchronous writes, the ZIL and the ARC are not simulated. Hot spares are taken only by `zpool replace` (no zed), and a spare leaves the spares list at once rather than after a spare-N stage.',
  'Scrub, resilver and RAIDZ expansion run at a simplified 500 MiB/s of virtual time; a lab file read back keeps an expanded RAIDZ as a plain wider one.',
  'A power cut loses the open transaction group of files; zvol writes are applied at once and survive it. Clones are listed in the lab as ordinary datasets (a lab file has no origin field).',
  'quota and refquota limit AVAIL and make writes past them fail with "Disk quota exceeded" at once (a real pool may let a transaction group overshoot a little); reservation (as opposed to refreservation) holds no space.',
  'Removing a data vdev (device evacuation), special and dedup vdevs, dRAID, encryption keys, send/receive and deduplication are not simulated.',
];
