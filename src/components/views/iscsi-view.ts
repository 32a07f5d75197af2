/**
 * The iSCSI view: the target host's objects as TrueNAS's middleware keeps them (the
 * iscsitarget service, portals, initiator groups, authorized access, targets and their LUNs
 * with the extent and zvol behind each), the initiator host's (the name in
 * /etc/iscsi/initiatorname.iscsi and the one iscsid has loaded, node records, sessions and
 * the disks they brought), and one link per initiator → target drawn as a lane at the left:
 * solid when a session is up, dashed when discovery and login would work, red and dotted
 * ending at the object where it fails, with the stage and the reason in words (the engine's
 * `iscsiTopologyView` decides both, from the access rules of RFC 7143 targets as TrueNAS
 * configures them: IQN-matched initiator groups, CHAP).
 */
import type { IscsiTopologyView } from '../../simulator/worker/api-types';
import { niceBytes } from './nice-bytes';
import { LINE_H, charsIn, edge, el, heading, node, nodeHeight, pickShown, svgRoot, text, VIEW_WIDTH, visible, wrap, type ViewOptions } from './svg';

type TargetHost = IscsiTopologyView['targetHosts'][number];
type Link = IscsiTopologyView['links'][number];
type Stage = NonNullable<Link['stage']>;

/** Options of the iSCSI view. */
export interface IscsiViewOptions extends ViewOptions {
  /** Links drawn as lanes at most (all are listed, up to `maxLinks`). Default 4. */
  maxLanes?: number;
  /** Links listed at most (failing ones first). Default 8. */
  maxLinks?: number;
}

const MARGIN = 8;
const GAP = 6;
const LANE = 7;

/** What each stage of a link is, in words. */
export const STAGE_WORDS: Record<Stage, string> = {
  connect: 'TCP connection to the portal',
  portal: 'portal of the target',
  acl: 'initiator group (SendTargets discovery)',
  chap: 'CHAP authentication (login)',
  lun: 'LUN (no disk)',
};

function shortIqn(iqn: string): string {
  const colon = iqn.lastIndexOf(':');
  return colon >= 0 ? iqn.slice(colon + 1) : iqn;
}

/** The key of the node where a link ends: the object its failure is about, else the target. */
function endKey(view: IscsiTopologyView, link: Link): string {
  const th = view.targetHosts.find((h) => h.host === link.targetHost);
  const target = th?.targets.find((t) => t.iqn === link.target);
  const targetKey = `target:${link.targetHost}:${target?.id ?? link.target}`;
  if (link.state !== 'failing' || !th) return targetKey;
  const group = target?.groups[0];
  switch (link.stage) {
    case 'connect':
      return `thost:${th.host}`;
    case 'portal':
      return th.portals[0] ? `portal:${th.host}:${th.portals[0].id}` : targetKey;
    case 'acl':
      return group?.initiatorGroup != null && th.initiatorGroups.some((g) => g.id === group.initiatorGroup) ? `igroup:${th.host}:${group.initiatorGroup}` : targetKey;
    case 'chap': {
      const auth = th.auths.find((a) => a.tag === group?.auth);
      return auth ? `auth:${th.host}:${auth.id}` : targetKey;
    }
    default:
      return targetKey;
  }
}

function linkWords(link: Link): string {
  if (link.state === 'connected') return `connected: a session is up${link.stage === 'lun' ? ', but no disk (no LUN)' : ''}`;
  if (link.state === 'reachable') return link.stage === 'lun' ? 'reachable, but no LUN: a login brings no disk' : 'reachable: discovery and login would work';
  return `fails at ${link.stage ?? 'connect'}: ${STAGE_WORDS[link.stage ?? 'connect']}`;
}

/** The SVG markup of an iSCSI topology view. Same model and options, same markup. */
export function renderIscsiView(model: IscsiTopologyView, options: IscsiViewOptions = {}): string {
  const W = Math.max(280, options.width ?? VIEW_WIDTH);
  const lanes = Math.min(model.links.length, options.maxLanes ?? 4);
  const CX = MARGIN + (lanes > 0 ? lanes * LANE + 4 : 0);
  const width = W - CX - MARGIN;
  const body: string[] = [];
  const mids = new Map<string, number>();
  let y = MARGIN;
  // Where each failing link stops: the node gets marked and says so.
  const stops = new Map<string, Link[]>();
  model.links.forEach((l) => {
    if (l.state !== 'failing') return;
    const key = endKey(model, l);
    stops.set(key, [...(stops.get(key) ?? []), l]);
  });

  const put = (key: string, lines: string[], label: string, classes: string[] = [], indent = 0): void => {
    const failing = stops.get(key) ?? [];
    const stopLabel = failing.map((l) => `; the link from ${visible(l.initiator)} stops here (${l.stage}): ${visible(l.reason ?? '')}`).join('');
    const marked = failing.length > 0 ? [...lines, `✗ link from ${failing.map((l) => l.initiator).join(', ')} stops here`] : lines;
    body.push(node({ x: CX + indent, y, width: width - indent, lines: marked, key, classes: [...classes, ...(failing.length > 0 ? ['fails-here'] : [])], label: label + stopLabel }));
    mids.set(key, y + nodeHeight(1) / 2);
    y += nodeHeight(marked.length) + GAP;
  };
  const section = (words: string): void => {
    y += GAP;
    body.push(heading(CX, y + LINE_H - 4, words, width));
    y += LINE_H + 2;
  };
  const note = (words: string, indent = 0): void => {
    body.push(text(CX + indent, y + LINE_H - 4, words, { class: 'more' }));
    y += LINE_H + 2;
  };

  if (model.targetHosts.length === 0 && model.initiatorHosts.length === 0) {
    note('No iSCSI target or initiator in this lab.');
  }
  for (const th of model.targetHosts) drawTarget(th);
  for (const ih of model.initiatorHosts) {
    section(`Initiator: ${ih.host}`);
    const stale = ih.loadedName !== ih.name;
    const lines = [`${ih.host} · iscsid ${ih.iscsid ? 'running' : 'stopped'}`, ih.name, ...(stale ? [`loaded: ${ih.loadedName || '(none)'}`, 'restart iscsid to use the new name'] : [])];
    put(`ihost:${ih.host}`, lines, `Initiator ${visible(ih.host)}: iscsid ${ih.iscsid ? 'running' : 'stopped'}; initiator name ${visible(ih.name)}${stale ? `; iscsid still uses ${visible(ih.loadedName || 'no name')} until it is restarted` : ''}`, [...(ih.iscsid ? [] : ['stopped']), ...(stale ? ['warning'] : [])]);
    for (const n of ih.nodes) put(`node:${ih.host}:${n.target}:${n.portal}`, [`node ${shortIqn(n.target)}`, `${n.portal} · ${n.startup} · ${n.authmethod}`], `Node record on ${visible(ih.host)}: ${visible(n.target)} at ${visible(n.portal)}, startup ${visible(n.startup)}, auth ${visible(n.authmethod)}`, ['record'], 12);
    for (const s of ih.sessions) {
      const disks = s.disks.length === 0 ? 'no disk' : s.disks.map((d) => `${d.device} (LUN ${d.lun})`).join(', ');
      put(`session:${ih.host}:${s.sid}`, [`session ${s.sid} → ${shortIqn(s.target)}`, `${s.portal} · ${disks}`], `Session ${s.sid} from ${visible(ih.host)} to ${visible(s.target)} at ${visible(s.portal)}: ${visible(disks)}`, ['connected'], 12);
    }
    if (ih.nodes.length === 0 && ih.sessions.length === 0) note('no node records yet (iscsiadm -m discovery)', 12);
  }

  // The links: listed with their state and reason, failing ones first.
  const maxLinks = options.maxLinks ?? 8;
  const order = model.links.map((l, i) => ({ l, i })).sort((a, b) => Number(b.l.state === 'failing') - Number(a.l.state === 'failing') || a.i - b.i);
  const listed = order.slice(0, maxLinks).sort((a, b) => a.i - b.i);
  if (model.links.length > 0) section('Links');
  for (const { l, i } of listed) {
    const words = linkWords(l);
    const reason = l.reason ? wrap(l.reason, charsIn(width)) : [];
    const state = wrap(`${l.state === 'failing' ? '✗ ' : l.state === 'connected' ? '✓ ' : ''}${words}`, charsIn(width));
    put(`link:${i}`, [`${l.initiator} → ${shortIqn(l.target)}`, ...state, ...reason], `Link from ${visible(l.initiator)} to ${visible(l.target)} on ${visible(l.targetHost)} (${visible(l.portal)}): ${words}${l.reason ? `. Why: ${visible(l.reason)}` : ''}`, ['link-item', l.state]);
  }
  if (model.links.length > listed.length) note(`and ${model.links.length - listed.length} more links`);

  // Lanes at the left: initiator host ↔ where the link ends ↔ its entry in the list.
  const laneMarks: string[] = [];
  pickShown(model.links, lanes, (l) => l.state === 'failing').forEach((i, k) => {
    const l = model.links[i] as Link;
    const x = MARGIN + k * LANE + 3;
    const ends = [mids.get(endKey(model, l)), mids.get(`ihost:${l.initiator}`), mids.get(`link:${i}`)].filter((v): v is number => v !== undefined);
    if (ends.length < 2) return;
    const top = Math.min(...ends);
    const bottom = Math.max(...ends);
    laneMarks.push(edge([[x, top], [x, bottom]], { class: `lane ${l.state}` }));
    for (const yy of ends) laneMarks.push(edge([[x, yy], [CX, yy]], { class: `lane ${l.state}` }));
    if (l.state === 'failing') {
      const at = mids.get(endKey(model, l)) ?? top;
      laneMarks.push(el('circle', { cx: x, cy: at, r: 5, class: 'fail-mark' }), text(x, at + 3.5, '✗', { class: 'fail-mark-text', 'text-anchor': 'middle', 'font-size': 9 }));
    }
  });
  y += MARGIN;
  return svgRoot('iscsi', W, y, 'iSCSI topology: targets, initiators and the links between them', '', [el('g', { class: 'lanes', 'aria-hidden': 'true' }, laneMarks), ...body]);

  function drawTarget(th: TargetHost): void {
    section(`Target: ${th.host}`);
    put(`thost:${th.host}`, [`${th.host} · iscsitarget ${th.service}`, `${th.addresses.join(', ') || 'no address'} · port ${th.port}`], `Target host ${visible(th.host)}: the iscsitarget service is ${th.service}; addresses ${visible(th.addresses.join(', ') || 'none')}, port ${th.port}; base name ${visible(th.basename)}`, th.service === 'stopped' ? ['stopped'] : []);
    for (const p of th.portals) put(`portal:${th.host}:${p.id}`, [`portal ${p.id} (tag ${p.tag})`, `listen ${p.listen.join(', ') || 'nothing'}:${th.port}`], `Portal ${p.id} (tag ${p.tag}) on ${visible(th.host)}: listens on ${visible(p.listen.join(', ') || 'no address')} port ${th.port}`, ['portal'], 12);
    for (const g of th.initiatorGroups) {
      const names = g.allowsAll ? ['allows every initiator'] : g.initiators.slice(0, 3);
      const extra = g.initiators.length > 3 ? [`and ${g.initiators.length - 3} more`] : [];
      const warn = g.addressEntries.length > 0 ? [`⚠ IP entry matches no name`] : [];
      put(`igroup:${th.host}:${g.id}`, [`initiator group ${g.id}`, ...names, ...extra, ...warn], `Initiator group ${g.id} on ${visible(th.host)}: ${g.allowsAll ? 'empty, so it allows every initiator' : `allows ${visible(g.initiators.join(', '))}`}${g.addressEntries.length > 0 ? `; ${visible(g.addressEntries.join(', '))} ${g.addressEntries.length === 1 ? 'is an IP address' : 'are IP addresses'}, which match no initiator name` : ''}`, g.addressEntries.length > 0 ? ['igroup', 'warning'] : ['igroup'], 12);
    }
    for (const a of th.auths) put(`auth:${th.host}:${a.id}`, [`auth ${a.id} (tag ${a.tag})`, `CHAP user ${a.user}${a.mutual ? ' · mutual' : ''}`], `Authorized access ${a.id} (tag ${a.tag}) on ${visible(th.host)}: CHAP user ${visible(a.user)}${a.mutual ? ', mutual CHAP' : ''}`, ['auth'], 12);
    for (const t of th.targets) {
      const groups = t.groups.map((g) => `portal ${g.portal} · group ${g.initiatorGroup ?? 'any'} · ${g.authmethod}`);
      put(`target:${th.host}:${t.id}`, [`target ${t.id}`, t.iqn, ...groups.slice(0, 2)], `Target ${t.id} on ${visible(th.host)}: ${visible(t.iqn)}; ${groups.length === 0 ? 'no portal group' : visible(groups.join('; '))}; ${t.luns.length === 0 ? 'no LUN' : `${t.luns.length} LUN${t.luns.length === 1 ? '' : 's'}`}`, ['target'], 12);
      for (const lun of t.luns) {
        const backing = lun.zvol ? `zvol ${lun.zvol}${lun.zvolDevice ? ` (${lun.zvolDevice})` : ''}` : 'file extent';
        put(`lun:${th.host}:${t.id}:${lun.lun}`, [`LUN ${lun.lun} → extent ${lun.extent}`, `${backing} · ${niceBytes(lun.size)}`], `LUN ${lun.lun} of target ${t.id}: extent ${visible(lun.extent)}, backed by ${visible(backing)}, ${niceBytes(lun.size)}`, ['lun'], 24);
      }
      if (t.luns.length === 0) note('no LUN: no extent is mapped', 24);
    }
    if (th.portals.length === 0 && th.targets.length === 0) note('no portal or target yet (midclt call iscsi.…)', 12);
  }
}

/** A short plain-text account of the same view, for the text alternative under it. */
export function describeIscsiView(model: IscsiTopologyView): string {
  const out: string[] = [];
  if (model.targetHosts.length === 0 && model.initiatorHosts.length === 0) out.push('No iSCSI target or initiator in this lab.');
  for (const th of model.targetHosts) {
    out.push(`Target host ${th.host}: iscsitarget ${th.service}, ${th.portals.length} portal${th.portals.length === 1 ? '' : 's'}, ${th.initiatorGroups.length} initiator group${th.initiatorGroups.length === 1 ? '' : 's'}, ${th.auths.length} CHAP entr${th.auths.length === 1 ? 'y' : 'ies'}.`);
    for (const t of th.targets) out.push(`Target ${t.iqn}: ${t.luns.length === 0 ? 'no LUN' : t.luns.map((l) => `LUN ${l.lun} = extent ${l.extent}${l.zvol ? ` on zvol ${l.zvol}` : ''} (${niceBytes(l.size)})`).join(', ')}.`);
  }
  for (const ih of model.initiatorHosts) {
    out.push(`Initiator ${ih.host}: name ${ih.name}${ih.loadedName !== ih.name ? ` (iscsid still uses ${ih.loadedName || 'no name'})` : ''}; ${ih.sessions.length === 0 ? 'no session' : ih.sessions.map((s) => `session ${s.sid} to ${s.target} with ${s.disks.map((d) => d.device).join(', ') || 'no disk'}`).join('; ')}.`);
  }
  for (const l of model.links) out.push(`Link ${l.initiator} → ${l.target}: ${linkWords(l)}${l.reason ? `. ${l.reason}` : ''}.`);
  return out.map(visible).join('\n');
}
