/**
 * The TrueNAS appliance engine: the middleware methods `midclt call` reaches (iSCSI objects
 * through the lab model, services), and their output as Python prints it.
 */
export { callMiddleware, MIDDLEWARE_METHODS } from './middleware';
export { pyJsonDumps, midcltPrint, type PyValue } from './py-json';
export { formatErrors, type CallResult } from './call-result';
export type { ApiError } from './api-args';
