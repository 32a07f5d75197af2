import { describe, expect, it } from 'vitest';
import { boot, out, run } from '../../shell/sim-fixture';

/** Runs a line and returns stdout, stderr and the status in one string. */

const MIRROR = `'{"name":"tank","topology":{"data":[{"type":"MIRROR","disks":["sda","sdb"]}]}}'`;

describe('midclt pool.* on the starter lab', () => {
  it('pool.create is a job: the id at once, then the pool exists with its vdevs, mounted at /mnt/tank', () => {
    const s = boot({ host: 'truenas' });
    expect(out(s, 'midclt call pool.query')).toBe('[]\n[0]');
    expect(out(s, `midclt call pool.create ${MIRROR}`)).toMatch(/^\d+\n\[0\]$/);
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.pools.map((p) => p.name)).toEqual(['boot-pool', 'tank']);
    expect(out(s, `midclt call pool.query '[["name","=","tank"]]' '{"select":["id","name","status","path","healthy"]}'`)).toBe('[{"id": 1, "name": "tank", "status": "ONLINE", "path": "/mnt/tank", "healthy": true}]\n[0]');
    const topo = JSON.parse(run(s, `midclt call pool.query '[]' '{"get":true,"select":["topology"]}'`).stdout) as { topology: { data: { name: string; type: string; children: { disk: string }[] }[] } };
    expect(topo.topology.data.map((v) => [v.name, v.type, v.children.map((c) => c.disk)])).toEqual([['mirror-0', 'MIRROR', ['sda', 'sdb']]]);
    expect(out(s, 'zpool list -H -o name,health tank')).toBe('tank\tONLINE\n[0]');
    expect(out(s, 'lsblk -no NAME,FSTYPE /dev/sda')).toBe('sda    \n├─sda1 zfs_member\n└─sda9 \n[0]');
    expect(run(s, 'findmnt -no SOURCE,FSTYPE /mnt/tank').stdout).toBe('tank zfs\n');
  });

  it('validation: the arguments at once, the business rules with -j (a job fails without telling midclt otherwise)', () => {
    const s = boot({ host: 'truenas' });
    expect(out(s, `midclt call pool.create '{"name":"tank","topology":{"data":[{"type":"MIRROR2","disks":["sda"]}]}}'`)).toBe(
      "[EINVAL] data.topology.data.0.type: Input should be 'RAIDZ1', 'RAIDZ2', 'RAIDZ3', 'MIRROR', 'STRIPE', 'DRAID1', 'DRAID2' or 'DRAID3'\n[1]",
    );
    expect(out(s, `midclt call -j pool.create '{"name":"tank","topology":{"data":[{"type":"RAIDZ1","disks":["sda","sdb"]}]}}'`)).toBe('[EINVAL] pool_create.topology.data.0.disks: You need at least 3 disk(s) for this vdev type.\n[1]');
    expect(out(s, `midclt call -j pool.create '{"name":"tank","topology":{"data":[{"type":"STRIPE","disks":["sdz","nvme0n1"]}]}}'`)).toBe(
      '[EINVAL] pool_create.topology: The following disks were not found in system: sdz.\n[EINVAL] pool_create.topology: The following disks are already in use: nvme0n1.\n[1]',
    );
    expect(run(s, `midclt call pool.create '{"name":"tank","topology":{"data":[{"type":"RAIDZ1","disks":["sda","sdb"]}]}}'`).exitCode).toBe(0);
    expect(out(s, 'midclt call pool.query')).toBe('[]\n[0]');
    expect(run(s, `midclt call -j pool.create ${MIRROR}`).exitCode).toBe(0);
    expect(out(s, `midclt call -j pool.create ${MIRROR}`)).toBe('[EEXIST] pool_create.name: A pool with this name already exists.\n[EINVAL] pool_create.topology: The following disks are already in use: sda,sdb.\n[1]');
  });

  it('STRIPE, RAIDZ1, RAIDZ2 layouts give the engine\'s vdevs', () => {
    for (const [type, disks, expected] of [
      ['STRIPE', ['sda', 'sdb'], ['stripe', 'stripe']],
      ['RAIDZ1', ['sda', 'sdb', 'sdc'], ['raidz1']],
      ['RAIDZ2', ['sda', 'sdb', 'sdc', 'sdd'], ['raidz2']],
    ] as const) {
      const s = boot({ host: 'truenas' });
      expect(run(s, `midclt call -j pool.create '${JSON.stringify({ name: 'tank', topology: { data: [{ type, disks }] } })}'`).exitCode).toBe(0);
      const pool = (s.world.engines['zfs'] as { hosts: Record<string, { pools: Record<string, { vdevs: { type: string }[] }> }> }).hosts['truenas']?.pools['tank'];
      expect(pool?.vdevs.map((v) => v.type)).toEqual(expected);
    }
  });

  it('pool.dataset.create VOLUME makes a zvol with its zdN; FILESYSTEM a mounted dataset; delete removes them', () => {
    const s = boot({ host: 'truenas' });
    run(s, `midclt call -j pool.create ${MIRROR}`);
    const made = JSON.parse(run(s, `midclt call pool.dataset.create '{"name":"tank/nextcloud","type":"VOLUME","volsize":1073741824,"volblocksize":"16K","sparse":true}'`).stdout) as Record<string, { value?: string } | string>;
    expect([made['id'], made['type'], (made['volsize'] as { value: string }).value, (made['volblocksize'] as { value: string }).value, (made['sparse'] as { value: string }).value]).toEqual(['tank/nextcloud', 'VOLUME', '1G', '16K', 'true']);
    expect(out(s, 'ls -l /dev/zvol/tank/nextcloud')).toMatch(/-> \.\.\/\.\.\/zd0\n\[0\]$/);
    expect(out(s, 'zfs list -H -o name,volsize tank/nextcloud')).toBe('tank/nextcloud\t1G\n[0]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/share"}'`)).toMatch(/^\{"id": "tank\/share", "type": "FILESYSTEM"/);
    expect(run(s, 'findmnt -no TARGET /mnt/tank/share').stdout).toBe('/mnt/tank/share\n');
    expect(out(s, `midclt call pool.dataset.query '[["type","=","VOLUME"]]' '{"select":["id"]}'`)).toBe('[{"id": "tank/nextcloud"}]\n[0]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/share"}'`)).toBe('[EINVAL] pool_dataset_create.name: Path tank/share already exists\n[1]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"pond/x"}'`)).toBe('[EINVAL] pool_dataset_create.name: zpool (pond) does not exist.\n[1]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/a/b"}'`)).toBe('[EINVAL] pool_dataset_create.name: Parent dataset (tank/a) does not exist.\n[1]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/v","type":"VOLUME","volsize":1000,"volblocksize":"16K"}'`)).toBe('[EINVAL] pool_dataset_create.volsize: Volume size should be a multiple of volume block size\n[1]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/v","type":"VOLUME"}'`)).toBe('[EINVAL] data.volsize: Field required\n[1]');
    expect(out(s, 'midclt call pool.dataset.delete tank/nextcloud')).toBe('True\n[0]');
    expect(out(s, 'ls /dev/zd0')).toBe("ls: cannot access '/dev/zd0': No such file or directory\n[2]");
    expect(s.world.lab.hosts.find((h) => h.name === 'truenas')?.zvols).toEqual([]);
    expect(out(s, 'midclt call pool.dataset.delete tank/nextcloud')).toBe('[ENOENT] None: PoolDataset tank/nextcloud does not exist\n[1]');
  });

  it('a VOLUME over 80% of the space needs force_size; deleting a zvol takes its iSCSI extent and the target left without LUNs', () => {
    const s = boot({ host: 'truenas' });
    run(s, `midclt call -j pool.create ${MIRROR}`);
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/big","type":"VOLUME","volsize":17592186044416}'`)).toBe('[EINVAL] pool_dataset_create.volsize: It is not recommended to use more than 80% of your available space for VOLUME\n[1]');
    expect(out(s, `midclt call pool.dataset.create '{"name":"tank/v","type":"VOLUME","volsize":1000}'`)).toBe("[EFAULT] Failed to create dataset: cannot create 'tank/v': volume size must be a multiple of volume block size\n[1]");
    for (const line of [
      `midclt call pool.dataset.create '{"name":"tank/nextcloud","type":"VOLUME","volsize":1073741824,"sparse":true}'`,
      `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
      `midclt call iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1}]}'`,
      `midclt call iscsi.extent.create '{"name":"nextcloud","type":"DISK","disk":"zvol/tank/nextcloud"}'`,
      `midclt call iscsi.targetextent.create '{"target":1,"extent":1}'`,
    ])
      expect(run(s, line).exitCode).toBe(0);
    expect(out(s, 'midclt call pool.dataset.delete tank/nextcloud')).toBe('True\n[0]');
    const cfg = s.world.lab.hosts.find((h) => h.name === 'truenas')?.iscsi?.target;
    expect([cfg?.extents.length, cfg?.targetextents.length, cfg?.targets.length, cfg?.portals.length]).toEqual([0, 0, 0, 1]);
  });

  it('system.info gives the version and hostname', () => {
    const s = boot({ host: 'truenas' });
    expect(out(s, `midclt call system.info | grep -o '"version": "[^"]*", "buildtime": {[^}]*}, "hostname": "[^"]*"'`)).toBe('"version": "TrueNAS-25.10.1", "buildtime": {"$date": 1761753600000}, "hostname": "truenas"\n[0]');
  });
});
