/**
 * What `mke2fs -t ext4` lays out on a device, by e2fsprogs 1.47's rules and Debian's
 * mke2fs.conf (`ext4` features; 4 KiB blocks, one inode per 16 KiB, 256-byte inodes): the
 * block and inode counts, groups of 32768 blocks, sparse_super backups (groups 0, 1 and the
 * powers of 3, 5 and 7), 64-byte group descriptors (64bit), reserved GDT blocks for resize to
 * 1024× (lib/ext2fs/initialize.c calc_reserved_gdt_blocks), the journal size
 * (lib/ext2fs/mkjournal.c ext2fs_default_journal_size), and the overhead the kernel subtracts
 * in statfs (ext4_statfs: f_blocks = blocks − overhead; f_bavail also leaves out the 5 %
 * reserve and s_resv_clusters, min(2 %, 4096) clusters).
 */
// @sim ext4 geometry | e2fsprogs 1.47 mke2fs (initialize.c, mkjournal.c) with Debian's mke2fs.conf: 4k blocks, inode_ratio 16384, 256-byte inodes, sparse_super, resize_inode, flex_bg; ext4_statfs overhead and reserves (checked against the real mkfs.ext4 and a loop mount)

/** The layout of one ext4 filesystem. */
export interface Ext4Geometry {
  blockSize: number;
  blocks: number;
  inodes: number;
  groups: number;
  blocksPerGroup: number;
  inodesPerGroup: number;
  /** Blocks holding backup superblocks (after group 0). */
  backups: number[];
  journalBlocks: number;
  reservedGdt: number;
  /** Blocks taken by metadata (the dumpe2fs "Overhead clusters"). */
  overhead: number;
  /** 5 % reserved for root (s_r_blocks_count). */
  reserved: number;
  /** s_resv_clusters: kept back from f_bavail (ext4_calculate_resv_clusters). */
  resvClusters: number;
}

/** Blocks every fresh filesystem uses beyond the overhead: the root directory, lost+found (4) and the resize inode's block. */
export const FRESH_USED_BLOCKS = 6;
/** Inodes a fresh filesystem uses: the 10 reserved ones and lost+found (11). */
export const FIRST_INODE = 11;

/** Whether group `g` holds a superblock backup (sparse_super: 0, 1 and powers of 3, 5, 7). */
function hasSuperblock(g: number): boolean {
  if (g <= 1) return true;
  for (const base of [3, 5, 7]) {
    let p = base;
    while (p < g) p *= base;
    if (p === g) return true;
  }
  return false;
}

/** ext2fs_default_journal_size (in blocks) for a filesystem of `blocks` blocks. */
function journalSize(blocks: number): number {
  if (blocks < 2048) return 0;
  if (blocks < 32768) return 1024;
  if (blocks < 256 * 1024) return 4096;
  if (blocks < 512 * 1024) return 8192;
  if (blocks < 4096 * 1024) return 16384;
  if (blocks < 8192 * 1024) return 32768;
  if (blocks < 16384 * 1024) return 65536;
  if (blocks < 32768 * 1024) return 131072;
  return 262144;
}

/** The geometry mke2fs chooses for a device of `bytes` (4 KiB blocks; see simplified notes for small devices). */
export function ext4Geometry(bytes: number): Ext4Geometry {
  const blockSize = 4096;
  const blocks = Math.floor(bytes / blockSize);
  const blocksPerGroup = 32768;
  const groups = Math.max(1, Math.ceil(blocks / blocksPerGroup));
  // inode_ratio 16384, rounded to fill whole inode-table blocks per group (multiple of 16 inodes per 4 KiB).
  const perBlock = blockSize / 256;
  let inodesPerGroup = Math.ceil(Math.floor(bytes / 16384) / groups);
  inodesPerGroup = Math.min(blocksPerGroup, Math.ceil(inodesPerGroup / perBlock) * perBlock);
  const inodes = inodesPerGroup * groups;
  const gdpb = blockSize / 64;
  const gdtBlocks = Math.ceil(groups / gdpb);
  const maxBlocks = Math.min(0xffffffff, blocks * 1024);
  const rsvGroups = Math.ceil(maxBlocks / blocksPerGroup);
  const reservedGdt = Math.min(blockSize / 4, Math.max(0, Math.ceil(rsvGroups / gdpb) - gdtBlocks));
  const withSb = Array.from({ length: groups }, (_, g) => g).filter(hasSuperblock);
  const itable = (inodesPerGroup * 256) / blockSize;
  const journalBlocks = journalSize(blocks);
  const overhead = withSb.length * (1 + gdtBlocks + reservedGdt) + groups * (2 + itable) + journalBlocks;
  return {
    blockSize,
    blocks,
    inodes,
    groups,
    blocksPerGroup,
    inodesPerGroup,
    backups: withSb.filter((g) => g > 0).map((g) => g * blocksPerGroup),
    journalBlocks,
    reservedGdt,
    overhead,
    reserved: Math.floor(blocks * 0.05),
    resvClusters: Math.min(Math.floor(blocks / 50), 4096),
  };
}

/** The superblock's bytes at offset 1024 that blkid reads (struct ext2_super_block; little-endian). */
export function superblockBytes(g: Ext4Geometry, uuid: string, label: string, freeBlocks: number, freeInodes: number, mkfsTime: number): string {
  const b = new Array<number>(1024).fill(0);
  const u32 = (off: number, v: number) => {
    for (let i = 0; i < 4; i++) b[off + i] = Math.floor(v / 2 ** (8 * i)) & 0xff;
  };
  const u16 = (off: number, v: number) => {
    b[off] = v & 0xff;
    b[off + 1] = (v >> 8) & 0xff;
  };
  u32(0x00, g.inodes);
  u32(0x04, g.blocks);
  u32(0x08, g.reserved);
  u32(0x0c, freeBlocks);
  u32(0x10, freeInodes);
  u32(0x14, 0); // s_first_data_block
  u32(0x18, 2); // s_log_block_size: 1024 << 2
  u32(0x1c, 2);
  u32(0x20, g.blocksPerGroup);
  u32(0x24, g.blocksPerGroup);
  u32(0x28, g.inodesPerGroup);
  u32(0x2c, 0);
  u32(0x30, Math.floor(mkfsTime / 1000)); // s_wtime
  u16(0x36, 0xffff); // s_max_mnt_count -1
  u16(0x38, 0xef53); // s_magic
  u16(0x3a, 1); // s_state: clean
  u16(0x3c, 1); // s_errors: continue
  u32(0x4c, 1); // s_rev_level: dynamic
  u32(0x54, FIRST_INODE); // s_first_ino
  u16(0x58, 256); // s_inode_size
  u32(0x5c, 0x3c); // compat: ext_attr, resize_inode, dir_index (+ has_journal below)
  b[0x5c] = 0x3c | 0x04;
  u32(0x60, 0x2c2); // incompat: filetype, extent, 64bit, flex_bg
  u32(0x64, 0x7b); // ro_compat: sparse_super, large_file, huge_file, dir_nlink, extra_isize
  const hex = uuid.replace(/-/g, '');
  for (let i = 0; i < 16; i++) b[0x68 + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  for (let i = 0; i < Math.min(16, label.length); i++) b[0x78 + i] = label.charCodeAt(i) & 0xff;
  u16(0xfe, 64); // s_desc_size
  u32(0x108, Math.floor(mkfsTime / 1000)); // s_mkfs_time
  return String.fromCharCode(...b);
}

/** What a superblock says, read back from its bytes (null unless the magic is there). */
export function readSuperblock(bytes: string): { uuid: string; label: string; blocks: number; inodes: number } | null {
  if (bytes.length < 0x100) return null;
  const at = (o: number) => bytes.charCodeAt(o) & 0xff;
  const u32 = (o: number) => at(o) + at(o + 1) * 256 + at(o + 2) * 65536 + at(o + 3) * 16777216;
  if (at(0x38) !== 0x53 || at(0x39) !== 0xef) return null;
  let hex = '';
  for (let i = 0; i < 16; i++) hex += at(0x68 + i).toString(16).padStart(2, '0');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  let label = '';
  for (let i = 0; i < 16 && at(0x78 + i) !== 0; i++) label += String.fromCharCode(at(0x78 + i));
  return { uuid, label, blocks: u32(0x04), inodes: u32(0x00) };
}
