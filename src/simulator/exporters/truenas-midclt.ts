/**
 * The TrueNAS side of the bundle as a bash script of `midclt call` lines: for each TrueNAS
 * host with an iSCSI target, check that the pools exist, then query-or-create the datasets
 * and zvols, portal, initiator groups, CHAP entries, targets, extents and target-extents (in
 * that order, from truenas-call-plan.ts), and start the iSCSI service. Every id a later
 * call needs is read from the JSON the earlier call printed (python3, which every TrueNAS
 * has: the middleware is Python), never written as a number.
 *
 * Simplified: an object that exists is used as it is, not updated to the lab's values (a
 * CHAP entry is recognised by tag and user, its secret is not compared: the middleware
 * redacts it); pools are checked, never created (disks are the reader's call).
 */
// @sim export truenas midclt script | TrueNAS 25.10 truenas_api_client midclt `call [-j]` (prints json.dumps of the result); api/v25_10_0 pool_dataset.py, iscsi_*.py create/query argument shapes; service.py ServiceUpdateArgs (enable) and ServiceControlArgs (`service.control START`, a job since 25.10; `service.start` is removed_in v26.04 in plugins/service.py at TS-25.10.1)
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
import type { ExportFile, ExportOptions } from './bundle-types';
import { planWord, stepVariable } from './plan-json';
import { shellLine, shq } from './shell-quote';
import { isIdRef, truenasPlan, type PlanStep, type PlanValue } from './truenas-call-plan';

/** The helpers every midclt script starts with. */
const PRELUDE = `#!/usr/bin/env bash
# shellcheck disable=SC1003,SC2016 # lab values are single-quoted on purpose: nothing in them may expand
# Builds this host's iSCSI target through the TrueNAS middleware (TrueNAS 25.10 and later).
# Run as root on the TrueNAS host, after preflight.sh. Safe to run again: each object is
# looked up first and created only when missing; ids come from the middleware's answers.
set -euo pipefail
shopt -s inherit_errexit

die() { printf '%s\\n' "$*" >&2; exit 1; }

# pick_id MATCH: the id of the first entry of the JSON list on stdin whose fields equal
# MATCH's (for a list of objects, the fields MATCH's items name); empty when none does.
pick_id() {
  python3 -c '
import json, sys
def same(want, got):
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and same(v, got[k]) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(same(w, g) for w, g in zip(want, got))
    return want == got
want = json.loads(sys.argv[1])
print(next((str(e["id"]) for e in json.load(sys.stdin) if same(want, e)), ""))
' "$1"
}

# result_id: the id of the object printed as JSON on stdin.
result_id() {
  python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

# need_pool FILTERS NAME: stop unless pool.query finds the pool.
need_pool() {
  local answer
  answer="$(midclt call pool.query "$1")"
  [[ -n "$(pick_id '{}' <<<"$answer")" ]] || die "pool $2 does not exist: create it first (Storage > Create Pool)"
}

# ensure NAMESPACE FILTERS MATCH CREATE: the id of the NAMESPACE object that FILTERS and
# MATCH find, made with NAMESPACE.create CREATE when there is none. iSCSI ids are numbers.
ensure() {
  local answer id
  answer="$(midclt call "$1.query" "$2")"
  id="$(pick_id "$3" <<<"$answer")"
  if [[ -z $id ]]; then
    answer="$(midclt call "$1.create" "$4")"
    id="$(result_id <<<"$answer")"
    printf 'created %s %s\\n' "$1" "$id" >&2
  else
    printf 'found   %s %s\\n' "$1" "$id" >&2
  fi
  if [[ $1 == iscsi.* && ! $id =~ ^[0-9]+$ ]]; then
    die "$1: the middleware answered an id that is not a number: $id"
  fi
  printf '%s\\n' "$id"
}
`;

/** The names of the steps whose ids later steps use. */
function referencedSteps(steps: readonly PlanStep[]): Set<string> {
  const found = new Set<string>();
  const walk = (value: PlanValue): void => {
    if (isIdRef(value)) found.add(value.ref);
    else if (Array.isArray(value)) (value as readonly PlanValue[]).forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value as { [key: string]: PlanValue }).forEach(walk);
  };
  for (const step of steps) walk(step.create);
  return found;
}

/** The lines of one step; a step whose id a later step needs keeps it in a variable. */
function stepLines(step: PlanStep, keep: boolean): string[] {
  const call = `ensure ${shellLine(step.namespace)} ${planWord(step.filters ?? [])} ${planWord(step.match)} ${planWord(step.create)}`;
  const line = keep ? `${stepVariable(step.name)}="$(${call})"` : `${call} >/dev/null`;
  return [`# ${step.what}`, line];
}

/** The midclt script for one TrueNAS host. */
export function renderMidcltScript(host: Host): string {
  const plan = truenasPlan(host);
  const out: string[] = [PRELUDE];
  if (plan.pools.length > 0) out.push('# The pools must exist already (Storage > Create Pool, or midclt call pool.create).');
  for (const pool of plan.pools) {
    out.push(`need_pool ${planWord([['name', '=', pool]])} ${shq(pool)}`);
  }
  out.push('');
  const kept = referencedSteps(plan.steps);
  for (const step of plan.steps) out.push(...stepLines(step, kept.has(step.name)), '');
  if (plan.leftOut.length > 0) {
    out.push('# Properties pool.dataset.create does not take: set with zfs.');
    for (const item of plan.leftOut) {
      const [name, assignment] = item.split(' ') as [string, string];
      out.push(shellLine('zfs', 'set', assignment, name));
    }
    out.push('');
  }
  if (plan.startService) {
    // service.py: update sets "start automatically"; control START is a job, -j waits and prints its result (True).
    out.push('# Start the iSCSI service now and at every boot.');
    out.push(`midclt call service.update iscsitarget '{"enable": true}' >/dev/null`);
    out.push('[[ "$(midclt call -j service.control START iscsitarget)" == True ]] || die "the iSCSI service did not start"');
    out.push(`echo 'iSCSI target ready.'`);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The midclt script of every TrueNAS host that has an iSCSI target: `<host>/truenas-iscsi.sh`. */
export function truenasMidcltFiles(lab: Lab, _options: ExportOptions): ExportFile[] {
  return lab.hosts
    .filter((host) => host.kind === 'truenas' && truenasPlan(host).steps.length > 0)
    .map((host) => ({
      path: `${host.name}/truenas-iscsi.sh`,
      content: renderMidcltScript(host),
      executable: true,
      summary: 'TrueNAS: checks the pools, then creates (or finds) the zvols, portal, initiator groups, CHAP entries, targets, extents and LUNs with midclt, and starts the iSCSI service. Run as root on the TrueNAS host.',
      order: 10,
      host: host.name,
    }));
}
