import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import { currentHost, runLine } from '../../../src/simulator/shell';
import { linksOf } from '../../../src/simulator/shell/ip-links';
import { requireRoot, requireTool, runTool } from '../support/tools';
import { compareWithReal } from './support/differential';
import { bootSim, type ShellRun } from './support/sim-tree';

// iproute2 6.1 `ip` and Debian hostname 3.23 against the simulator, for the starter lab's
// pve host: a network namespace holds loopback and a bridge vmbr0 with the lab's address
// and the simulator's MAC, brought up the way ifupdown2 does on Proxmox VE; a UTS
// namespace gives it the lab's host name and `ip netns exec` its /etc/hosts.
const ns = `hlab-ip-${process.pid}`;
const peerNs = `${ns}-peer`;
const PORT = 'hlabport0';

function setUpNamespace(): void {
  requireRoot('creating a network namespace');
  const ip = requireTool('ip');
  const state = bootSim('pve');
  const vmbr0 = linksOf(state.world, currentHost(state)).find((l) => l.name === 'vmbr0');
  if (!vmbr0) throw new Error('the starter lab has no vmbr0');
  const script = [
    'set -e',
    `${ip} netns add ${ns}`,
    `${ip} netns add ${peerNs}`,
    `${ip} -n ${ns} link set lo up`,
    `${ip} -n ${ns} link add vmbr0 type bridge`,
    `${ip} -n ${ns} link set vmbr0 address ${vmbr0.mac}`,
    // No duplicate address detection: the link-local address is usable at once, never `tentative`.
    `${ip} netns exec ${ns} sysctl -qw net.ipv6.conf.vmbr0.accept_dad=0`,
    // A bridge has carrier (LOWER_UP) only with a working port: a veth whose peer lives in another namespace.
    `${ip} -n ${ns} link add ${PORT} type veth peer name hlabpeer0 netns ${peerNs}`,
    `${ip} -n ${ns} link set ${PORT} master vmbr0`,
    `${ip} -n ${ns} addr add 192.168.5.146/24 brd + dev vmbr0`,
    `${ip} -n ${ns} link set ${PORT} up`,
    `${ip} -n ${peerNs} link set hlabpeer0 up`,
    `${ip} -n ${ns} link set vmbr0 up`,
    // ifupdown2 (Proxmox VE 8) installs the gateway with `proto kernel ... onlink`.
    `${ip} -n ${ns} route add default via 192.168.5.1 dev vmbr0 proto kernel onlink`,
    // Wait until the bridge forwards (carrier up and the link-local address assigned).
    `for i in $(seq 100); do ${ip} -n ${ns} -6 addr show dev vmbr0 | grep -q 'scope link' && ${ip} -n ${ns} link show vmbr0 | grep -q LOWER_UP && break; sleep 0.05; done`,
  ].join('\n');
  const r = runTool(requireTool('bash'), ['-c', script]);
  if (r.status !== 0) throw new Error(`could not set up the namespace: ${r.stderr}`);
  // `ip netns exec` bind-mounts /etc/netns/NAME/* over /etc: the simulator's /etc/hosts.
  mkdirSync(`/etc/netns/${ns}`, { recursive: true });
  writeFileSync(`/etc/netns/${ns}/hosts`, runLine(state, 'cat /etc/hosts').stdout);
}

function tearDownNamespace(): void {
  runTool(requireTool('ip'), ['netns', 'del', ns]);
  runTool(requireTool('ip'), ['netns', 'del', peerNs]);
  rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
}

/**
 * The one thing normalised: the bridge's port. The lab declares no bridge port for vmbr0,
 * so the simulator shows none, but a real bridge needs one for carrier; its lines (a block
 * in the full and one-line forms, a line in the brief form) are removed from real output.
 */
function dropBridgePort(run: ShellRun): ShellRun {
  const stdout = run.stdout
    .replace(new RegExp(`^[0-9]+: ${PORT}[@: ].*\\n(?:[ \\t]+.*\\n)*`, 'gm'), '')
    .replace(new RegExp(`^${PORT}@\\S+ .*\\n`, 'gm'), '');
  return { ...run, stdout };
}

describe('ip and hostname in a network namespace', () => {
  beforeAll(setUpNamespace);
  afterAll(tearDownNamespace);
  compareWithReal(
    'bash',
    [
      'ip a',
      'ip addr',
      'ip address show',
      'ip a show vmbr0',
      'ip a s dev vmbr0',
      'ip addr show lo',
      'ip -4 a',
      'ip -4 addr show vmbr0',
      'ip -6 a',
      'ip -6 a show vmbr0',
      'ip -br a',
      'ip -br a show vmbr0',
      'ip -br -4 a',
      'ip -4 -br a',
      'ip -6 -br a',
      'ip -br link',
      'ip -brief link show lo',
      'ip link',
      'ip l',
      'ip link show vmbr0',
      'ip -4 link show lo',
      'ip -o a',
      'ip -o -4 a',
      'ip -o a show vmbr0',
      'ip -o link',
      'ip -o link show vmbr0',
      'ip route',
      'ip r',
      'ip route show',
      'ip a show nope',
      'ip link show nope',
      'ip foo',
      'ip -z a',
      'ip addr foo',
      'ip route foo',
      'ip',
      'ip help',
      'ip -br',
      'ip a show vmbr0 | grep inet',
      'ip -br a | grep vmbr0',
      'ip -4 a show vmbr0 | grep inet | wc -l',
      'hostname',
      'hostname -I',
      'hostname -i',
      'hostname -f',
      'hostname --long',
      'hostname -s',
      'hostname -d',
      'hostname -a',
      'hostname -A',
      'hostname -y',
      'hostname -s -f',
      'hostname -f -s',
      'hostname -I | wc -w',
      'cat /etc/hosts',
    ],
    { batch: () => ({ wrap: `${requireTool('ip')} netns exec ${ns} ${requireTool('unshare')} --uts sh -c 'hostname pve && exec "$@"' sh` }), normalise: dropBridgePort },
  );
});
