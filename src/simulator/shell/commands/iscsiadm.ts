/**
 * `iscsiadm`: open-iscsi's administration tool on Proxmox/Linux hosts. Discovery
 * (`-m discovery -t sendtargets -p IP[:PORT]`) asks the target for the targets this
 * initiator's name may see and writes node records; `-m node` lists, shows, updates and
 * deletes records and logs in and out (`-l`, `-u`, `-L MODE`); `-m session [-P 0..3]`
 * lists sessions. Messages and exit statuses are open-iscsi 2.1.11's: info lines on stdout,
 * errors on stderr as `iscsiadm: ...`, the status an iscsi_err.h number.
 */
// @sim iscsiadm | open-iscsi 2.1.11 iscsiadm.c/session_mgmt.c/discovery.c/io.c: discovery sendtargets (No portals found 21; connect failures ×6 then PDU timed out 11), node list/show/update/delete/new, login/logout/loginall (15, 19, 24, 8), session -P 0-3, -d debug lines for discovery and login, -V, -h
import { deleteNodes, initiatorState, loginNode, logoutSession, matchNodes, recordSessions, rescanSession, sendTargets, setNodeParam, startIscsid, storeDiscovery, type NodePattern, type NodeRecord, type SessionChange } from '../../engines/iscsi';
import { hostAddresses, resolveHost } from '../../engines/net/resolve';
import { parsePortalAddress } from '../../model/iscsi-initiator';
import type { Command, CommandContext, CommandResult } from '../command-spec';
import { orderedOutput } from '../command-output';
import { lastOpt, parseIscsiadmArgs, type IscsiadmOptions } from '../iscsiadm-options';
import { nodeLine, nodeRecordText, OPEN_ISCSI_VERSION, sessionLine, sessionTree } from '../iscsiadm-format';

/** iscsi_err.h numbers used here. */
const ERR = { INVAL: 7, PDU_TIMEOUT: 11, SESS_EXISTS: 15, NO_OBJS: 21 } as const;
/** iscsi_err.c messages. */
const ERR_TEXT: Record<number, string> = { 8: 'connection timed out', 15: 'session exists', 19: 'encountered non-retryable iSCSI login failure', 24: 'iSCSI login failed due to authorization failure' };
/** strerror texts for the connect errors discovery reports. */
const STRERROR: Record<string, string> = { ECONNREFUSED: 'Connection refused', EHOSTUNREACH: 'No route to host', ENETUNREACH: 'Network is unreachable' };

const USAGE = `iscsiadm -m discoverydb [-hV] [-d debug_level] [-P printlevel] [-t type -p ip:port -I ifaceN ... [-Dl]] | [[-p ip:port -t type] [-o operation] [-n name] [-v value] [-lD]] 
iscsiadm -m discovery [-hV] [-d debug_level] [-P printlevel] [-t type -p ip:port -I ifaceN ... [-l]] | [[-p ip:port] [-l | -D]] [-W]
iscsiadm -m node [-hV] [-d debug_level] [-P printlevel] [-L all,manual,automatic,onboot] [-W] [-U all,manual,automatic,onboot] [-S] [[-T targetname -p ip:port -I ifaceN] [-l | -u | -R | -s]] [[-o operation ] [-n name] [-v value]]
iscsiadm -m session [-hV] [-d debug_level] [-P printlevel] [-r sessionid | sysfsdir [-R | -u | -s] [-o operation] [-n name] [-v value]]
iscsiadm -m iface [-hV] [-d debug_level] [-P printlevel] [-I ifacename | -H hostno|MAC] [[-o operation ] [-n name] [-v value]] [-C ping [-a ip] [-b packetsize] [-c count] [-i interval]]
iscsiadm -m fw [-d debug_level] [-l] [-W] [[-n name] [-v value]]
iscsiadm -m host [-P printlevel] [-H hostno|MAC] [[-C chap [-x chap_tbl_idx]] | [-C flashnode [-A portal_type] [-x flashnode_idx]] | [-C stats]] [[-o operation] [-n name] [-v value]] 
iscsiadm -k priority
`;

/** Output collected in order; errors get open-iscsi's `iscsiadm: ` prefix (log.c log_do_log_std). */
class Out {
  private readonly o = orderedOutput();
  out(text: string): void {
    this.o.out(text);
  }
  err(text: string): void {
    this.o.err(`iscsiadm: ${text}\n`);
  }
  done(exitCode: number): CommandResult {
    return this.o.result(exitCode);
  }
}

/** `[iface: default, target: T, portal: A,P]`. */
const where = (r: { target: string; address: string; port: number }) => `[iface: default, target: ${r.target}, portal: ${r.address},${r.port}]`;

/** The -p value as an address and port (-1 when left out), resolving a host name. */
function portalOf(ctx: CommandContext, text: string | undefined): { address: string; port: number } | null | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePortalAddress(text);
  if (!parsed) return null;
  const explicitPort = /:\d+$/.test(text);
  const address = /^[0-9.]+$|:/.test(parsed.host) ? parsed.host : (resolveHost(ctx.world.lab, parsed.host) ? hostAddresses(resolveHost(ctx.world.lab, parsed.host) as never)[0] ?? parsed.host : parsed.host);
  return { address, port: explicitPort ? parsed.port : -1 };
}

/** Logs in to records, printing as session_mgmt.c log_login_msg does; returns the first error number. */
function loginAll(ctx: CommandContext, o: Out, recs: NodeRecord[], debug: number): number {
  let rc = 0;
  const made: SessionChange[] = [];
  for (const rec of recs) {
    if (debug >= 1) o.err(`Logging in to ${where(rec)}`);
    const res = loginNode(ctx.world, ctx.host.name, rec);
    ctx.shell.spend(res.ms);
    if (res.ok) {
      made.push({ portal: `${rec.address}:${rec.port}`, target: rec.target, present: true });
      o.out(`Login to ${where(rec)} successful.\n`);
      continue;
    }
    if (res.err === ERR.SESS_EXISTS) o.err('default: 1 session requested, but 1 already present.');
    else {
      o.err(`Could not login to ${where(rec)}.`);
      o.err(`initiator reported error (${res.err} - ${ERR_TEXT[res.err]})`);
    }
    if (!rc) rc = res.err;
  }
  recordSessions(ctx.world, ctx.host.name, made);
  if (rc) o.err('Could not log into all portals');
  return rc;
}

/** Logs out of sessions, printing as iscsi_logout_portal and log_logout_msg do. */
function logoutAll(ctx: CommandContext, o: Out, sids: number[]): void {
  const state = initiatorState(ctx.world, ctx.host.name);
  for (const sid of sids) {
    const s = state.sessions.find((x) => x.sid === sid);
    if (!s) continue;
    o.out(`Logging out of session [sid: ${s.sid}, target: ${s.target}, portal: ${s.address},${s.port}]\n`);
  }
  const gone: SessionChange[] = [];
  for (const sid of sids) {
    const s = logoutSession(ctx.world, ctx.host.name, sid);
    if (!s) continue;
    gone.push({ portal: `${s.address}:${s.port}`, target: s.target, present: false });
    o.out(`Logout of [sid: ${s.sid}, target: ${s.target}, portal: ${s.address},${s.port}] successful.\n`);
  }
  recordSessions(ctx.world, ctx.host.name, gone);
}

/** -m discovery -t sendtargets -p IP[:PORT] [-l]. */
function discovery(ctx: CommandContext, opts: IscsiadmOptions, o: Out, debug: number): CommandResult {
  const type = lastOpt(opts, 't');
  const portal = portalOf(ctx, lastOpt(opts, 'p'));
  if (type === undefined) {
    if (!portal) return (o.err('Please specify portal as <ipaddr>[:<ipport>]'), o.done(ERR.INVAL));
    const port = portal.port < 0 ? 3260 : portal.port;
    o.err(`Discovery record [${portal.address},${port}] not found!`);
    return o.done(ERR.INVAL);
  }
  if (type !== 'sendtargets' && type !== 'st') return (o.err('Unsupported discovery type.'), o.done(ERR.INVAL));
  if (!portal) return (o.err('Please specify portal as <ipaddr>[:<ipport>]'), o.done(ERR.INVAL));
  const port = portal.port < 0 ? 3260 : portal.port;
  const res = sendTargets(ctx.world, ctx.host.name, portal.address, port);
  if (!res.ok) {
    // discovery.c iscsi_create_session: reopen_max 5 → six tries, 1 s apart after the first; io.c's message each time.
    const perTry = res.errno === 'ETIMEDOUT' ? 15_000 : res.ms;
    for (let i = 0; i < 6; i++) {
      if (res.errno === 'ETIMEDOUT') o.err(`connect to ${portal.address} timed out`);
      else if (res.errno === 'EPROTO') o.err(`Login I/O error, failed to receive a PDU`);
      else o.err(`cannot make connection to ${portal.address}: ${STRERROR[res.errno] ?? res.errno}`);
    }
    ctx.shell.spend(6 * perTry + 5_000);
    o.err('connection login retries (reopen_max) 5 exceeded');
    o.err('Could not perform SendTargets discovery: iSCSI PDU timed out');
    return o.done(ERR.PDU_TIMEOUT);
  }
  if (debug >= 2) o.err(`connected to discovery address ${portal.address}`);
  if (debug >= 5) {
    // The text response: TargetName=...\0 then TargetAddress=...\0 per address (RFC 3720 appendix D).
    let bytes = 0;
    let last = '';
    for (const t of res.targets) {
      if (t.target !== last) bytes += `TargetName=${t.target}`.length + 1;
      bytes += `TargetAddress=${t.address}:${t.port},${t.tpgt}`.length + 1;
      last = t.target;
    }
    o.err(`discovery session to ${portal.address}:${port} received text response, ${bytes} data bytes, ttt 0xffffffff, final 0x80`);
  }
  if (res.targets.length === 0) return (o.err('No portals found'), o.done(ERR.NO_OBJS));
  const recs = storeDiscovery(ctx.world, ctx.host.name, { address: portal.address, port }, res.targets);
  for (const r of recs) o.out(nodeLine(r));
  return o.done(opts.has('l') ? loginAll(ctx, o, recs, debug) : 0);
}

/** -m node ... */
function node(ctx: CommandContext, opts: IscsiadmOptions, o: Out, debug: number): CommandResult {
  const portal = portalOf(ctx, lastOpt(opts, 'p'));
  if (portal === null) return (o.err('Please specify portal as <ipaddr>[:<ipport>]'), o.done(ERR.INVAL));
  const pattern: NodePattern = { ...(lastOpt(opts, 'T') !== undefined ? { target: lastOpt(opts, 'T') as string } : {}), ...(portal ? { address: portal.address, ...(portal.port >= 0 ? { port: portal.port } : {}) } : {}) };
  const login = opts.has('l');
  const logout = opts.has('u');
  const op = lastOpt(opts, 'o');
  const state = initiatorState(ctx.world, ctx.host.name);
  const loginAllMode = lastOpt(opts, 'L');
  if (loginAllMode !== undefined) {
    if (!['all', 'manual', 'automatic', 'onboot'].includes(loginAllMode)) return (o.err(`Invalid loginall option ${loginAllMode}.`), o.done(ERR.INVAL));
    const recs = state.nodes.filter((r) => loginAllMode === 'all' || r.startup === loginAllMode);
    if (recs.length === 0) return (o.err('No records found'), o.done(ERR.NO_OBJS));
    return o.done(loginAll(ctx, o, recs, debug));
  }
  if (opts.has('R')) return rescan(ctx, o, state.sessions.filter((s) => (pattern.target === undefined || s.target === pattern.target) && (pattern.address === undefined || s.address === pattern.address) && (pattern.port === undefined || s.port === pattern.port)));
  if (login && logout) return (o.err('Invalid parameters. Both login and logout passed in'), o.done(ERR.INVAL));
  if ((login || logout) && op !== undefined) return (o.err('Invalid parameters. Login/logout and op passed in'), o.done(ERR.INVAL));
  if (op !== undefined && !['new', 'delete', 'update', 'show', 'nonpersistent'].includes(op)) return (o.err(`can not recognize operation: '${op}'`), o.done(ERR.INVAL));
  if (logout) {
    const sids = state.sessions.filter((s) => (pattern.target === undefined || s.target === pattern.target) && (pattern.address === undefined || s.address === pattern.address) && (pattern.port === undefined || s.port === pattern.port)).map((s) => s.sid);
    if (sids.length === 0) return (o.err('No matching sessions found'), o.done(ERR.NO_OBJS));
    logoutAll(ctx, o, sids);
    return o.done(0);
  }
  if (op === 'new') {
    if (!pattern.target || !pattern.address) return (o.err('Invalid command. Possibly missing target name or portal.'), o.done(ERR.INVAL));
    const rec: NodeRecord = { target: pattern.target, address: pattern.address, port: pattern.port ?? 3260, tpgt: -1, startup: 'manual', authmethod: 'None', username: '', password: '', username_in: '', password_in: '' };
    state.nodes = [...state.nodes.filter((r) => !(r.target === rec.target && r.address === rec.address && r.port === rec.port)), rec];
    o.out(`New iSCSI node [tcp:[hw=,ip=,net_if=,iscsi_if=default] ${rec.address},${rec.port},${rec.tpgt} ${rec.target}] added\n`);
    return o.done(0);
  }
  const matched = matchNodes(ctx.world, ctx.host.name, pattern);
  if (login) {
    if (matched.length === 0) return (o.err('No records found'), o.done(ERR.NO_OBJS));
    return o.done(loginAll(ctx, o, matched, debug));
  }
  if (op === 'update') {
    const name = lastOpt(opts, 'n');
    const value = lastOpt(opts, 'v');
    if (name === undefined || value === undefined) return (o.err('update requires name and value'), o.done(ERR.INVAL));
    if (matched.length === 0) return (o.err('No records found'), o.done(ERR.NO_OBJS));
    for (const r of matched) if (!setNodeParam(r, name, value)) return (o.err('Could not execute operation on all records: invalid parameter'), o.done(ERR.INVAL));
    return o.done(0);
  }
  if (op === 'delete') {
    if (matched.length === 0) return (o.err('No records found'), o.done(ERR.NO_OBJS));
    const busy = matched.filter((r) => state.sessions.some((s) => s.target === r.target && s.address === r.address && s.port === r.port));
    for (const r of busy) o.err(`This command will remove the record ${where(r)}, but a session is using it. Logout session then rerun command to remove record.`);
    deleteNodes(ctx.world, ctx.host.name, matched.filter((r) => !busy.includes(r)));
    if (busy.length) return (o.err('Could not execute operation on all records: session exists'), o.done(ERR.SESS_EXISTS));
    return o.done(0);
  }
  if (op === undefined && pattern.target === undefined && pattern.address === undefined) {
    if (state.nodes.length === 0) return (o.err('No records found'), o.done(ERR.NO_OBJS));
    for (const r of state.nodes) o.out(nodeLine(r));
    return o.done(0);
  }
  if (matched.length === 0) return (o.err('No records found'), o.done(ERR.NO_OBJS));
  for (const r of matched) o.out(nodeRecordText(r, r.address, opts.has('S')));
  return o.done(0);
}

/**
 * `--rescan` (-R) in session or node mode: exec_node_op runs it before anything else, through
 * for_each_session and rescan_portal (open-iscsi iscsiadm.c), one line per matching session,
 * which then picks up new LUNs and new sizes (engines/iscsi rescanSession); none is "No session
 * found." with ISCSI_ERR_NO_OBJS_FOUND (21).
 */
function rescan(ctx: CommandContext, o: Out, sessions: readonly { sid: number; target: string; address: string; port: number }[]): CommandResult {
  if (sessions.length === 0) return (o.err('No session found.'), o.done(ERR.NO_OBJS));
  for (const s of sessions) {
    o.out(`Rescanning session [sid: ${s.sid}, target: ${s.target}, portal: ${s.address},${s.port}]\n`);
    rescanSession(ctx.world, ctx.host.name, s.sid);
  }
  return o.done(0);
}

/** -m session [-P N] [-r SID] [-u] [-R]. */
function session(ctx: CommandContext, opts: IscsiadmOptions, o: Out): CommandResult {
  const state = initiatorState(ctx.world, ctx.host.name);
  const sidText = lastOpt(opts, 'r');
  const sid = sidText === undefined ? undefined : Number(sidText);
  if (sidText !== undefined && (!/^\d+$/.test(sidText) || !state.sessions.some((s) => s.sid === sid))) {
    if (!/^\d+$/.test(sidText)) return (o.err(`invalid sid '${sidText}'`), o.done(ERR.INVAL));
    o.err(`Could not get session info for sid ${sidText}`);
    return o.done(2);
  }
  const sessions = state.sessions.filter((s) => sid === undefined || s.sid === sid);
  if (opts.has('R')) return rescan(ctx, o, sessions);
  if (opts.has('u')) {
    if (sessions.length === 0) return (o.err('No matching sessions found'), o.done(ERR.NO_OBJS));
    logoutAll(ctx, o, sessions.map((s) => s.sid));
    return o.done(0);
  }
  if (sessions.length === 0) return (o.err('No active sessions.'), o.done(ERR.NO_OBJS));
  const level = Number(lastOpt(opts, 'P') ?? '0');
  if (![0, 1, 2, 3].includes(level)) return (o.err(`Invalid info level ${lastOpt(opts, 'P')}. Try 0 - 3.`), o.done(ERR.INVAL));
  if (level === 0) {
    for (const s of sessions) o.out(sessionLine(s));
    return o.done(0);
  }
  const ip = hostAddresses(ctx.host).find((a) => a.includes('.') && !a.startsWith('127.')) ?? '<empty>';
  const view = { ...state, sessions };
  o.out(sessionTree(view, level as 1 | 2 | 3, ip, (s) => state.nodes.find((r) => r.target === s.target && r.address === s.address && r.port === s.port)));
  return o.done(0);
}

/** The `iscsiadm` command. */
export const iscsiadm: Command = {
  spec: {
    name: 'iscsiadm',
    summary: 'open-iscsi administration: discovery, login, sessions',
    usage: 'iscsiadm -m discovery|node|session [OPTION]...',
    description: 'Discover iSCSI targets, manage node records and log in to and out of targets.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 7,
    imitates: `open-iscsi ${OPEN_ISCSI_VERSION} iscsiadm`,
    simplified:
      'modes discovery (sendtargets), node and session; iface, fw, host and discoverydb are not simulated; a node record shows a subset of its keys; -d prints only the discovery and login lines named in the tag; negotiated parameters are SCST defaults',
  },
  hosts: ['proxmox', 'linux'],
  complete(request) {
    const prev = request.args[request.args.length - 1];
    if (prev === '-m' || prev === '--mode') return ['discovery', 'discoverydb', 'node', 'session', 'iface', 'fw', 'host'].filter((m) => m.startsWith(request.word));
    if (prev === '-t' || prev === '--type') return ['sendtargets', 'st', 'isns', 'fw'].filter((m) => m.startsWith(request.word));
    if (prev === '-o' || prev === '--op') return ['new', 'delete', 'update', 'show', 'nonpersistent'].filter((m) => m.startsWith(request.word));
    if (prev === '-n' || prev === '--name') return ['node.startup', 'node.session.auth.authmethod', 'node.session.auth.username', 'node.session.auth.password', 'node.session.auth.username_in', 'node.session.auth.password_in'].filter((m) => m.startsWith(request.word));
    const state = request.world.engines['iscsi'] as { initiators?: Record<string, { nodes: NodeRecord[] }> } | undefined;
    const nodes = state?.initiators?.[request.host.name]?.nodes ?? [];
    if (prev === '-T' || prev === '--targetname') return [...new Set(nodes.map((r) => r.target))].filter((m) => m.startsWith(request.word));
    if (prev === '-p' || prev === '--portal') {
      const known = [...nodes.map((r) => `${r.address}:${r.port}`), ...request.world.lab.hosts.filter((h) => h.iscsi?.target).flatMap((h) => hostAddresses(h))];
      return [...new Set(known)].filter((m) => m.startsWith(request.word));
    }
    return null;
  },
  run(ctx, argv) {
    const parsed = parseIscsiadmArgs(argv);
    if (!parsed.ok) return { stdout: '', stderr: parsed.stderr, exitCode: ERR.INVAL };
    const opts = parsed.opts;
    const o = new Out();
    if (opts.has('h')) return { stdout: USAGE, stderr: '', exitCode: 0 };
    if (opts.has('V')) return { stdout: `iscsiadm version ${OPEN_ISCSI_VERSION}\n`, stderr: '', exitCode: 0 };
    const debugText = lastOpt(opts, 'd');
    const debug = debugText === undefined ? 0 : Number.parseInt(debugText, 10) || 0;
    const mode = lastOpt(opts, 'm');
    if (mode === undefined) return { stdout: '', stderr: 'iscsiadm: no mode specified\nTry `iscsiadm --help\' for more information.\n', exitCode: ERR.INVAL };
    // iscsiadm reaches iscsid through its socket unit: iscsid.socket starts iscsid.service on
    // demand, which checks and reads /etc/iscsi/initiatorname.iscsi as a systemctl start does.
    // Simplified: when that start fails, the request still goes through with the name last loaded.
    if (!startIscsid(ctx.world, ctx.host.name).ok) initiatorState(ctx.world, ctx.host.name).iscsid = true;
    switch (mode) {
      case 'discovery':
        return discovery(ctx, opts, o, debug);
      case 'node':
        return node(ctx, opts, o, debug);
      case 'session':
        return session(ctx, opts, o);
      case 'discoverydb':
      case 'iface':
      case 'fw':
      case 'host':
        o.err(`-m ${mode} is not simulated here (discovery, node and session are)`);
        return o.done(ERR.INVAL);
      default:
        o.err(`${mode} mode is unkonwn/unsupported`);
        return o.done(ERR.INVAL);
    }
  },
};
