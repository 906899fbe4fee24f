/** A RouterOS API row: property name → value exactly as the router prints it (`.id` included). */
export type RosRow = Record<string, string>;

export type RosArgValue = string | number | boolean;

export interface ExecOptions {
  /** Query words, e.g. `?address=10.5.50.7`, combined as RouterOS does (`?#|` …). */
  query?: string[];
  /** Only these properties (`=.proplist=`), to keep replies small. */
  proplist?: string[];
  /** Overrides the default per-call timeout (slow commands: /tool/fetch, /ping). */
  timeoutMs?: number;
}

/**
 * The one interface between RouterOS and the operations: run a command on one router and get
 * its rows. Implemented over node-routeros (connection.ts); operations are tested through it
 * against the simulator, and unit tests can hand in a fake.
 */
export interface RosClient {
  /** Resolves the `!re` rows (plus `!done` data such as `{ ret }` after add); rejects with AppError. */
  exec(command: string, args?: Record<string, RosArgValue>, opts?: ExecOptions): Promise<RosRow[]>;
}

/** Where and how to reach one router's API. `password` never leaves this process or hits a log. */
export interface RouterTarget {
  routerId: number;
  /** For log lines and error messages: the router's name. */
  label: string;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  /**
   * API-SSL pinning: called with the router certificate's SHA-256 fingerprint (or 'anonymous')
   * after the TLS handshake and before the login is sent; false refuses the connection with
   * ROUTER_CERT_CHANGED. Omitted: any certificate is taken (encryption without pinning).
   */
  checkCertificate?: (fingerprint: string) => boolean;
}
