/**
 * The TrueNAS side of the bundle as a JSON-RPC 2.0 document, for people who drive the
 * middleware's WebSocket API (`wss://HOST/api/current`; the REST API is deprecated since
 * 25.04 and gone in 26) instead of running the midclt script: the same calls, from the same
 * plan (truenas-call-plan.ts), as a JSON array of request objects.
 *
 * Convention (also in the bundle README): send the requests one at a time, in order. Each
 * request's `id` names it (`portal-1`, `target-1`, `zvol-tank/vm`). Wherever a parameter
 * holds an object `{"$ref": "ID"}`, replace that object with the `id` field of the result
 * of the earlier request whose `id` is ID (the middleware assigns ids; none is written as a
 * number). The pools named in `pool.dataset.create` must exist. `service.control` is a job:
 * its response is a job id, and the service has started when that job's result is `true`.
 * Unlike the midclt script, the document creates without looking for existing objects.
 */
// @sim export truenas json-rpc | JSON-RPC 2.0 (jsonrpc.org/specification: request objects with jsonrpc, id, method, params); TrueNAS 25.10 WebSocket API /api/current, methods and argument shapes of api/v25_10_0 (pool_dataset.py, iscsi_*.py, service.py)
import type { Host } from '../model/host';
import type { Lab } from '../model/lab';
import type { ExportFile, ExportOptions } from './bundle-types';
import { planJson } from './plan-json';
import { truenasPlan } from './truenas-call-plan';

/** One JSON-RPC 2.0 request. */
interface RpcRequest {
  jsonrpc: '2.0';
  id: string;
  method: string;
  params: unknown[];
}

/** The requests that build `host`'s iSCSI target, in order. */
export function truenasRequests(host: Host): RpcRequest[] {
  const plan = truenasPlan(host);
  const requests: RpcRequest[] = plan.steps.map((step) => ({ jsonrpc: '2.0', id: step.name, method: `${step.namespace}.create`, params: [planJson(step.create)] }));
  if (plan.startService) {
    // service.py ServiceUpdateArgs (id_or_name, {enable}) and ServiceControlArgs (verb, service).
    requests.push({ jsonrpc: '2.0', id: 'service-enable', method: 'service.update', params: ['iscsitarget', { enable: true }] });
    requests.push({ jsonrpc: '2.0', id: 'service-start', method: 'service.control', params: ['START', 'iscsitarget'] });
  }
  return requests;
}

/** The document's text: one request per line inside a JSON array, so diffs stay readable. */
export function renderJsonRpc(host: Host): string {
  const lines = truenasRequests(host).map((r) => `  ${JSON.stringify(r)}`);
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}

/** The JSON-RPC document of every TrueNAS host with an iSCSI target: `<host>/truenas-iscsi.jsonrpc.json`. */
export function truenasJsonRpcFiles(lab: Lab, _options: ExportOptions): ExportFile[] {
  return lab.hosts
    .filter((host) => host.kind === 'truenas' && truenasPlan(host).steps.length > 0)
    .map((host) => ({
      path: `${host.name}/truenas-iscsi.jsonrpc.json`,
      content: renderJsonRpc(host),
      summary:
        'TrueNAS: the same calls as truenas-iscsi.sh as JSON-RPC 2.0 requests for the WebSocket API (/api/current). Send them in order; replace each {"$ref": "ID"} with the `id` of the result of the request whose id is ID.',
      order: 11,
      host: host.name,
    }));
}
