/**
 * The network engine's state: the sockets listening on each host. Interfaces, addresses
 * and routes come from the lab (the model), so only runtime state lives here.
 */

/** A listening TCP socket (ss -ltn). */
export interface ListenSocket {
  /** The local address, or `0.0.0.0` / `::` for every address. */
  address: string;
  port: number;
  /** Who listens: the process's command name (sshd, iscsi target, nfsd). */
  owner: string;
  pid?: number;
}

/** Listening sockets per host name. */
export interface NetState {
  listening: Record<string, ListenSocket[]>;
}
