/**
 * pmxcfs: the Proxmox cluster filesystem FUSE-mounted at /etc/pve, computed from the model
 * through the exporters (storage.cfg, each container's <vmid>.conf). As on a real node,
 * guests' files live under nodes/<node>/ and `lxc`, `qemu-server` and `local` are symbolic
 * links to this node's folders; files are 0640 root:www-data (pve-cluster's
 * pmxcfs: cfs-plug-memdb). Changing them by hand is not simulated: `pct set` and the model
 * edit API change the configuration they are rendered from.
 */
import { renderPctConf } from '../../../exporters/pve-lxc-conf';
import { renderStorageCfg } from '../../../exporters/pve-storage-cfg';
import { hostnameOf } from '../../net/resolve';
import { registerDriver, type FsEnv } from '../driver';
import { syntheticDriver, type SynthTree } from '../synthetic';

/** www-data's GID on Debian (base-passwd). */
const WWW_DATA = 33;

/** The files pmxcfs shows on this node. */
function pmxcfsTree(env: FsEnv): SynthTree {
  const tree: SynthTree = new Map();
  const host = env.world.lab.hosts.find((h) => h.name === env.host);
  if (!host || host.kind !== 'proxmox') return tree;
  const node = hostnameOf(host).split('.')[0] as string;
  const dir = (path: string): void => void tree.set(path, { type: 'dir', mode: 0o755, gid: WWW_DATA });
  const file = (path: string, render: () => string): void => void tree.set(path, { type: 'file', mode: 0o640, gid: WWW_DATA, render });
  dir('/');
  dir('/nodes');
  dir(`/nodes/${node}`);
  dir(`/nodes/${node}/lxc`);
  dir(`/nodes/${node}/qemu-server`);
  dir(`/nodes/${node}/openvz`);
  dir(`/nodes/${node}/priv`);
  dir('/priv');
  tree.set('/local', { type: 'symlink', mode: 0o755, gid: WWW_DATA, target: `nodes/${node}` });
  tree.set('/lxc', { type: 'symlink', mode: 0o755, gid: WWW_DATA, target: `nodes/${node}/lxc` });
  tree.set('/qemu-server', { type: 'symlink', mode: 0o755, gid: WWW_DATA, target: `nodes/${node}/qemu-server` });
  tree.set('/openvz', { type: 'symlink', mode: 0o755, gid: WWW_DATA, target: `nodes/${node}/openvz` });
  file('/storage.cfg', () => renderStorageCfg(host));
  for (const ct of host.containers ?? []) file(`/nodes/${node}/lxc/${ct.vmid}.conf`, () => renderPctConf(ct, host));
  return tree;
  return tree;
}

registerDriver(
  syntheticDriver(
    'pmxcfs',
    pmxcfsTree,
    {
      readOnlyErrno: 'EROFS',
      // pmxcfs's statfs (pve-cluster cfs-plug-memdb): a 128 MiB database; used = what the files hold, in 4 KiB blocks.
      statfs: (env) => {
        const used = Math.max(16384, [...pmxcfsTree(env).values()].reduce((sum, n) => sum + (n.render ? Math.ceil(n.render().length / 4096) * 4096 : 0), 0));
        return { bsize: 4096, size: 128 << 20, used, avail: (128 << 20) - used, files: 262144, ffree: 262144 - 64 };
      },
    },
    (env) => env.world.kernel[env.host]?.bootTime ?? env.world.clock,
  ),
);
