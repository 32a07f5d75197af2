/**
 * fast-check generator of model-valid labs whose names and texts are as hostile to a shell
 * as the model allows: quotes, `$(…)`, backticks, globs, `;`, `&`, `|`, `\`, `#`, `!`,
 * spaces, newlines (where text may be multi-line) and non-ASCII, in pool, dataset and
 * volume names, paths, descriptions, comments, CHAP secrets, user properties and raw lxc
 * lines. Every generated lab has a Proxmox host (initiator, storages, containers with
 * bind mounts and mount idmaps) and a TrueNAS host (pools, zvols, an iSCSI target).
 */
import fc from 'fast-check';

/** Characters a shell treats specially, and some that are merely unusual. */
const NASTY = [..."'\"$`;&|\\*?()[]{}<>!#~%,= ", 'é', '→', '\u00a0'];
const LETTERS = [...'abcxyz'];

/** Text of one line with shell metacharacters (never empty). */
export const hostileLine = fc
  .array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.constantFrom(...LETTERS) }, { weight: 1, arbitrary: fc.constantFrom('$(touch /tmp/pwned)', '`id`', "'; rm -rf / #", '${HOME}', '$1') }), { minLength: 1, maxLength: 12 })
  .map((parts) => `x${parts.join('')}`);

/** Multi-line text. */
const hostileText = fc.array(hostileLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** An absolute path whose components are hostile (never `.` or `..`). */
const hostilePath = fc.array(hostileLine.map((s) => s.replace(/\//g, '')), { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);

/** A ZFS name component: letters, digits, `-_.:` and spaces (zfs_namecheck.c valid_char; `%` only in the model's own rules for hidden datasets). */
const zfsComponent = fc.array(fc.constantFrom(...'aZ09-_.: '), { minLength: 0, maxLength: 8 }).map((cs) => `d${cs.join('')}`);
/** A pool name: starts with a letter, no `%`, not a vdev word. */
const poolName = fc.array(fc.constantFrom(...'aZ09-_.: '), { minLength: 0, maxLength: 8 }).map((cs) => `p${cs.join('')}`);

const TEMPLATE = 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst';
const PVE_IQN = 'iqn.1993-08.org.debian:01:e7dd6e7909d';

/** The values a generated lab is made of. */
export const hostileValues = fc
  .record({
    name: hostileLine,
    pvePool: poolName,
    nasPool: poolName,
    dataset: zfsComponent,
    zvol: zfsComponent.map((s) => `v${s}`),
    mountpoint: hostilePath,
    mp: hostilePath,
    description: hostileText,
    lxcValue: hostileLine,
    password: hostileLine,
    note: hostileText,
    poolComment: hostileLine.map((s) => s.slice(0, 32)),
    comment: hostileLine,
    alias: hostileLine.map((s) => s.replace(/"/g, "'")),
    extentName: hostileLine.map((s) => s.slice(0, 64)),
    dirPath: hostilePath,
    mountIdmap: fc.constantFrom(undefined, 'u:1000:1000:1;g:1000:1000:1', 'passthrough'),
    sparse: fc.boolean(),
    chap: fc.boolean(),
  });

/** The values of a generated lab. */
export type LabValues = typeof hostileValues extends fc.Arbitrary<infer T> ? T : never;

/**
 * The same values made harmless (letters and `/` only), the same shape otherwise: a script
 * from these must have the same unquoted skeleton as one from the hostile values.
 */
export function benignValues(v: LabValues): LabValues {
  return {
    ...v,
    name: 'benign',
    pvePool: 'pbenign',
    nasPool: 'pbenign',
    dataset: 'dbenign',
    zvol: 'vbenign',
    mountpoint: '/benign/mnt',
    mp: '/benign/mp',
    description: 'benign',
    lxcValue: 'benign',
    password: 'benign',
    note: 'benign',
    poolComment: 'benign',
    comment: 'benign',
    alias: 'benign',
    extentName: 'benign',
    dirPath: '/benign/dir',
  };
}

/** A lab object (parse it with parseLab) from `v`. */
export function labFromValues(v: LabValues): Record<string, unknown> {
  return {
    version: 1,
    name: v.name,
    hosts: [
      {
        name: 'pve',
        kind: 'proxmox',
        disks: [
          { name: 'sda', size: '64G', type: 'ssd' },
          { name: 'sdb', size: '64G', type: 'ssd' },
        ],
        subuid: ['root:100000:65536', 'root:1000:1'],
        subgid: ['root:100000:65536', 'root:1000:1'],
        pools: [{ name: v.pvePool, vdevs: [{ type: 'mirror', disks: ['sda', 'sdb'] }], properties: { ashift: 12, comment: v.poolComment } }],
        datasets: [{ name: `${v.pvePool}/${v.dataset}`, properties: { mountpoint: v.mountpoint, compression: 'lz4', 'org.example:note': v.note } }],
        zvols: [{ name: `${v.pvePool}/${v.zvol}`, size: '1G', sparse: v.sparse }],
        proxmox: {
          storage: [
            { id: 'local', type: 'dir', path: v.dirPath, content: ['vztmpl', 'rootdir', 'images'] },
            { id: 'truenas-t1', type: 'iscsi', portal: '192.168.5.142', target: 'iqn.2005-10.org.freenas.ctl:t1', content: ['none'] },
          ],
          templates: [TEMPLATE],
        },
        iscsi: { initiator: { name: PVE_IQN, ...(v.chap ? { chap: { username: 'pve', password: v.password } } : {}) } },
        containers: [
          {
            vmid: 101,
            hostname: 'ct101',
            template: TEMPLATE,
            rootfs: { storage: 'local', size: '4G' },
            mounts: [{ index: 0, source: v.mountpoint, mp: v.mp, ...(v.mountIdmap ? { idmap: v.mountIdmap } : {}) }],
            idmap: ['u 0 100000 1000', 'u 1000 1000 1', 'u 1001 101001 64535', 'g 0 100000 65536'],
            lxc: [`lxc.apparmor.profile: ${v.lxcValue}`],
            description: v.description,
          },
        ],
      },
      {
        name: 'nas',
        kind: 'truenas',
        interfaces: [{ name: 'eno1', addresses: ['192.168.5.142/24'] }],
        disks: [
          { name: 'sda', size: '4T', type: 'hdd' },
          { name: 'sdb', size: '4T', type: 'hdd' },
          { name: 'sdc', size: '4T', type: 'hdd' },
        ],
        pools: [{ name: v.nasPool, vdevs: [{ type: 'raidz1', disks: ['sda', 'sdb', 'sdc'] }] }],
        datasets: [{ name: `${v.nasPool}/${v.dataset}`, properties: { sharesmb: v.comment } }],
        zvols: [{ name: `${v.nasPool}/${v.zvol}`, size: '2G', sparse: v.sparse }],
        iscsi: {
          target: {
            portals: [{ listen: [{ ip: '0.0.0.0' }], comment: v.comment }],
            initiators: [{ initiators: [PVE_IQN], comment: v.comment }],
            extents: [{ name: v.extentName, disk: `zvol/${v.nasPool}/${v.zvol}`, comment: v.comment }],
            targets: [{ name: 't1', alias: v.alias, groups: [{ portal: 1, initiator: 1 }] }],
            targetextents: [{ target: 1, extent: 1 }],
          },
        },
      },
    ],
  };
}
