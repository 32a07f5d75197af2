/**
 * `systemctl start|stop|restart|reload|status|is-active UNIT...` for the units the engines
 * run on Proxmox/Linux hosts: `iscsid` and `open-iscsi` (the iSCSI engine's initiator
 * services). Other units are "not found", as systemd says for a unit it has no file for.
 */
// @sim systemctl | systemd 257 (Debian 13) systemctl: start/stop/restart/reload/status/is-active for iscsid.service and open-iscsi.service; "Unit X not found." (5), status 3 for inactive or failed, 4 for no such unit; a failed start job (status 1)
import { initiatorState, iscsidProcess, startIscsid, startOpenIscsi, stopIscsid, stopOpenIscsi } from '../../engines/iscsi';
import type { Command, CommandContext, CommandResult } from '../command-spec';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A unit this simulator knows. */
interface Unit {
  name: string;
  description: string;
  path: string;
  docs: string;
}

const UNITS: Record<string, Unit> = {
  'iscsid.service': { name: 'iscsid.service', description: 'iSCSI initiator daemon (iscsid)', path: '/usr/lib/systemd/system/iscsid.service', docs: 'man:iscsid(8)' },
  'open-iscsi.service': { name: 'open-iscsi.service', description: 'Login to default iSCSI targets', path: '/usr/lib/systemd/system/open-iscsi.service', docs: 'man:iscsiadm(8)\n             man:iscsid(8)' },
};

/** `iscsid` → `iscsid.service` (systemctl's unit_name_mangle adds .service). */
function unitName(arg: string): string {
  return /\.[a-z]+$/.test(arg) ? arg : `${arg}.service`;
}

/** `Tue 2026-12-01 22:03:24 UTC` (systemd format_timestamp, UTC). */
function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

/** `5min ago` (systemd format_timestamp_relative; simplified past a day). */
function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const days = Math.floor(h / 24);
  if (days >= 2) return `${days} days ago`;
  if (days === 1) return `1 day ${h - 24}h ago`;
  if (h >= 1) return `${h}h ${m - h * 60}min ago`;
  if (m >= 5) return `${m}min ago`;
  if (m >= 1) return `${m}min ${s - m * 60}s ago`;
  return `${s}s ago`;
}

/** Whether a unit is active, and since when. */
function activeState(ctx: CommandContext, unit: string): { active: boolean; failed: boolean; since: number } {
  const state = initiatorState(ctx.world, ctx.host.name);
  const boot = ctx.world.kernel[ctx.host.name]?.bootTime ?? ctx.world.clock;
  if (unit === 'iscsid.service') return { active: state.iscsid && iscsidProcess(ctx.world, ctx.host.name) !== undefined, failed: state.iscsidFailed === true, since: state.iscsidSince ?? boot };
  return { active: state.openIscsi !== false, failed: false, since: boot };
}

/** systemctl's message when a start job fails (src/systemctl/systemctl-util.c / job-util: the control process failed). */
function jobFailed(unit: string): string {
  return `Job for ${unit} failed because the control process exited with error code.\nSee "systemctl status ${unit}" and "journalctl -xeu ${unit}" for details.\n`;
}

/** `systemctl status UNIT`. */
function status(ctx: CommandContext, unit: Unit): { text: string; active: boolean } {
  const { active, failed, since } = activeState(ctx, unit.name);
  const dot = active ? '●' : failed ? '×' : '○';
  const pid = unit.name === 'iscsid.service' ? iscsidProcess(ctx.world, ctx.host.name)?.pid : undefined;
  const activeLine = active
    ? `active (${unit.name === 'iscsid.service' ? 'running' : 'exited'}) since ${stamp(since)}; ${ago(ctx.world.clock - since)}`
    : failed
      ? `failed (Result: exit-code) since ${stamp(since)}; ${ago(ctx.world.clock - since)}`
      : 'inactive (dead)';
  let text = `${dot} ${unit.name} - ${unit.description}\n     Loaded: loaded (${unit.path}; ${unit.name === 'iscsid.service' ? 'disabled' : 'enabled'}; preset: enabled)\n     Active: ${activeLine}\n`;
  if (unit.name === 'iscsid.service') text += `TriggeredBy: ${active ? '●' : '○'} iscsid.socket\n`;
  text += `       Docs: ${unit.docs}\n`;
  if (active && pid !== undefined) text += `   Main PID: ${pid} (iscsid)\n     CGroup: /system.slice/iscsid.service\n             └─${pid} /usr/sbin/iscsid\n`;
  return { text, active };
}

/** The `systemctl` command. */
export const systemctl: Command = {
  spec: {
    name: 'systemctl',
    summary: 'control the systemd units the simulator runs',
    usage: 'systemctl start|stop|restart|reload|status|is-active UNIT...',
    description: 'Start, stop, restart and query systemd units.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 1,
    imitates: 'systemd 257 systemctl',
    simplified: 'only iscsid and open-iscsi; status shows the Loaded/Active/Docs/Main PID/CGroup lines (no Tasks, Memory, CPU, Process or journal lines); a failed iscsid start (startup-checks.sh) prints the job failure, status 1',
  },
  hosts: ['proxmox', 'linux'],
  complete(request) {
    if (request.args.length === 0) return ['start', 'stop', 'restart', 'reload', 'status', 'is-active'].filter((v) => v.startsWith(request.word));
    return ['iscsid.service', 'open-iscsi.service'].filter((u) => u.startsWith(request.word));
  },
  run(ctx, argv): CommandResult {
    const [verb, ...names] = argv;
    if (verb === undefined) return { stdout: '', stderr: 'Too few arguments.\n', exitCode: 1 };
    const units = names.map(unitName);
    const known = ['start', 'stop', 'restart', 'reload', 'try-restart', 'status', 'is-active'];
    if (!known.includes(verb)) return { stdout: '', stderr: `Unknown command verb '${verb}'.\n`, exitCode: 1 };
    if (units.length === 0 && verb !== 'status') return { stdout: '', stderr: `Too few arguments.\n`, exitCode: 1 };
    if (verb === 'is-active') {
      let out = '';
      let code = 0;
      for (const u of units) {
        const st = UNITS[u] ? activeState(ctx, u) : { active: false, failed: false };
        const active = st.active;
        out += active ? 'active\n' : st.failed ? 'failed\n' : 'inactive\n';
        if (!active) code = 3;
      }
      return { stdout: out, stderr: '', exitCode: code };
    }
    if (verb === 'status') {
      let out = '';
      let err = '';
      let code = 0;
      for (const u of units) {
        const unit = UNITS[u];
        if (!unit) {
          err += `Unit ${u} could not be found.\n`;
          code = 4;
          continue;
        }
        const s = status(ctx, unit);
        out += (out ? '\n' : '') + s.text;
        if (!s.active && code === 0) code = 3;
      }
      return { stdout: out, stderr: err, exitCode: code };
    }
    const missing = units.find((u) => !UNITS[u]);
    if (missing) {
      const action = verb === 'try-restart' ? 'try-restart' : verb;
      return { stdout: '', stderr: `Failed to ${action} ${missing}: Unit ${missing} not found.\n`, exitCode: 5 };
    }
    let err = '';
    for (const u of units) {
      const iscsid = u === 'iscsid.service';
      const host = ctx.host.name;
      if (verb === 'stop') (iscsid ? stopIscsid : stopOpenIscsi)(ctx.world, host);
      else if (verb === 'start') {
        if (iscsid) {
          if (!startIscsid(ctx.world, host).ok) err += jobFailed(u);
        } else startOpenIscsi(ctx.world, host);
      } else {
        if (verb === 'try-restart' && !activeState(ctx, u).active) continue;
        if (iscsid) {
          stopIscsid(ctx.world, host);
          if (!startIscsid(ctx.world, host).ok) err += jobFailed(u);
        } else {
          stopOpenIscsi(ctx.world, host);
          startOpenIscsi(ctx.world, host);
        }
      }
    }
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  },
};
