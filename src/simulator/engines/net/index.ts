/** The network engine: listening sockets and reachability between the lab's hosts. */
export { connect, listen, unlisten, hostWithAddress, type ConnectResult } from './connect';
export { resolveHost, hostAddresses, hostnameOf } from './resolve';
export type { ListenSocket, NetState } from './types';
