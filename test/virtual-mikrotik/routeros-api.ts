import net from 'node:net';
import tls from 'node:tls';
import { SentenceReader, encodeSentence } from './apiWire';
import type { Row } from './apiQuery';
import { RouterState, TrapError, type Reply, type RouterStateOptions, type SimUser } from './routerState';

/**
 * A RouterOS API server in software: the real wire protocol over TCP (or TLS, like api-ssl),
 * 6.43+ login, `.tag`, `=.proplist=`, `?` queries, `!re`/`!done`/`!trap`/`!fatal`, and `!empty`
 * when the simulated version is 7.18 or later. Faults can be switched on at any time so tests can
 * check that every failure turns into a coded error and never crashes the engine.
 *
 * Used by the RouterOS tests and by `npm run demo`.
 */

export interface VirtualRouterOsApiOptions extends RouterStateOptions {
  host?: string;
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
  /** Serve api-ssl instead of plain api. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface Faults {
  /** Accept the connection but never answer /login. */
  hangLogin: boolean;
  /** Never answer commands starting with this prefix ('' = every command). */
  hangCommand: string | null;
  /** Send only the first half of the reply to matching commands, then drop the connection. */
  dropMidReply: string | null;
  /** Answer matching commands with an untagged `!fatal` and close the connection. */
  fatalOn: string | null;
  /** Send these bytes instead of the reply to matching commands (garbage, unknown tags …). */
  rawReply: { command: string; bytes: (tag: string | undefined) => Buffer } | null;
  /** Answer matching commands only after this long (a slow router: progress can be watched). */
  slowCommand: { command: string; ms: number } | null;
}

export interface LoggedCommand {
  command: string;
  attrs: Row;
  queries: string[];
}

export interface VirtualRouterOsApi {
  readonly state: RouterState;
  readonly faults: Faults;
  /** Every command after login, in order (for "second configure writes nothing" checks). */
  readonly commands: LoggedCommand[];
  readonly host: string;
  port(): number;
  /** Resolves once the server accepts connections; returns the port. */
  start(): Promise<number>;
  stop(): Promise<void>;
  /** Like `/ip service disable api`: the port stops accepting (connection refused). */
  setApiEnabled(enabled: boolean): Promise<void>;
  connectionCount(): number;
  /** Connections accepted since start (to see whether a client tried again). */
  acceptedCount(): number;
  /** Drops every open connection (router reboot, link loss). */
  dropConnections(): void;
  /** api-ssl only: serve another certificate from the next connection on (a reset router, or a man in the middle). */
  setCertificate(pair: { key: string | Buffer; cert: string | Buffer }): void;
  /** /login sentences received (with or without the right password): did a client send its credentials? */
  loginCount(): number;
}

function matches(prefix: string | null, command: string): boolean {
  return prefix !== null && command.startsWith(prefix);
}

export function createVirtualRouterOsApi(opts: VirtualRouterOsApiOptions = {}): VirtualRouterOsApi {
  const state = new RouterState(opts);
  const host = opts.host ?? '127.0.0.1';
  const faults: Faults = { hangLogin: false, hangCommand: null, dropMidReply: null, fatalOn: null, rawReply: null, slowCommand: null };
  const commands: LoggedCommand[] = [];
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = opts.port ?? 0;

  let accepted = 0;
  let logins = 0;
  let tlsPair = opts.tls;

  function handle(socket: net.Socket): void {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const reader = new SentenceReader();
    let user: SimUser | null = null;

    const send = (replies: Reply[], tag: string | undefined): void => {
      if (socket.destroyed) return;
      const buf = Buffer.concat(
        replies.map((r) =>
          encodeSentence([r.type, ...Object.entries(r.attrs).map(([k, v]) => `=${k}=${v}`), ...(tag !== undefined ? [`.tag=${tag}`] : [])]),
        ),
      );
      socket.write(buf);
    };
    const trap = (e: TrapError): Reply[] => [
      { type: '!trap', attrs: e.category ? { category: e.category, message: e.message } : { message: e.message } },
      { type: '!done', attrs: {} },
    ];
    const fatal = (message: string): void => {
      socket.end(encodeSentence(['!fatal', message]));
    };

    socket.on('data', (chunk: Buffer) => {
      let sentences: string[][];
      try {
        sentences = reader.push(chunk);
      } catch {
        fatal('protocol error');
        return;
      }
      for (const words of sentences) onSentence(words);
    });

    function onSentence(words: string[]): void {
      const [command = '', ...rest] = words;
      const attrs: Row = {};
      const queries: string[] = [];
      let tag: string | undefined;
      for (const w of rest) {
        if (w.startsWith('.tag=')) tag = w.slice(5);
        else if (w.startsWith('?')) queries.push(w);
        else if (w.startsWith('=')) {
          const eq = w.indexOf('=', 1);
          if (eq < 0) attrs[w.slice(1)] = '';
          else attrs[w.slice(1, eq)] = w.slice(eq + 1);
        }
      }
      if (command === '') return; // an empty sentence is ignored by RouterOS

      if (command === '/login') {
        logins++;
        if (faults.hangLogin) return;
        const u = state.users.find((x) => x.name === attrs.name && x.password === attrs.password);
        if (!u) {
          send(trap(new TrapError('invalid user name or password (6)')), tag);
          return;
        }
        user = u;
        send([{ type: '!done', attrs: {} }], tag);
        return;
      }
      if (!user) {
        fatal('not logged in');
        return;
      }
      commands.push({ command, attrs, queries });
      if (command === '/quit') {
        fatal('session terminated on request');
        return;
      }
      if (matches(faults.hangCommand, command)) return;
      if (matches(faults.fatalOn, command)) {
        fatal('out of memory');
        return;
      }
      if (faults.rawReply && matches(faults.rawReply.command, command)) {
        socket.write(faults.rawReply.bytes(tag));
        return;
      }
      const slow = faults.slowCommand && matches(faults.slowCommand.command, command) ? faults.slowCommand.ms : 0;
      const deliver = (replies: Reply[]): void => {
        if (slow > 0) setTimeout(() => deliverNow(replies), slow);
        else deliverNow(replies);
      };
      const deliverNow = (replies: Reply[]): void => {
        if (matches(faults.dropMidReply, command)) {
          const all = Buffer.concat(replies.map((r) => encodeSentence([r.type, ...Object.entries(r.attrs).map(([k, v]) => `=${k}=${v}`)])));
          socket.write(all.subarray(0, Math.max(1, Math.floor(all.length / 2))), () => socket.destroy());
          return;
        }
        send(replies, tag);
      };
      const currentUser = user;
      void run(command, attrs, queries, currentUser).then(
        (replies) => {
          if (replies !== 'forever') deliver(replies);
        },
        (e: unknown) => {
          if (e instanceof TrapError) deliver(trap(e));
          else deliver(trap(new TrapError(`failure: ${(e as Error).message}`)));
        },
      );
    }
  }

  async function run(command: string, attrs: Row, queries: string[], user: SimUser): Promise<Reply[] | 'forever'> {
    if (command === '/cancel') return [{ type: '!done', attrs: {} }];
    if (command === '/ping') return state.ping(attrs);
    if (command === '/tool/fetch') return state.fetch(attrs, user);
    const slash = command.lastIndexOf('/');
    if (slash <= 0) throw new TrapError('no such command prefix', '0');
    return state.menuCommand(command.slice(0, slash), command.slice(slash + 1), attrs, queries, user);
  }

  function listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const s = tlsPair ? tls.createServer({ key: tlsPair.key, cert: tlsPair.cert }, handle) : net.createServer(handle);
      s.once('error', reject);
      s.listen(port, host, () => {
        s.off('error', reject);
        s.on('error', () => undefined);
        server = s;
        port = (s.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  }

  function close(): Promise<void> {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (!s) return Promise.resolve();
    return new Promise((resolve) => s.close(() => resolve()));
  }

  return {
    state,
    faults,
    commands,
    host,
    port: () => port,
    start: () => listen(),
    stop: () => close(),
    async setApiEnabled(enabled) {
      if (enabled && !server) await listen();
      if (!enabled) await close();
    },
    connectionCount: () => sockets.size,
    acceptedCount: () => accepted,
    dropConnections() {
      for (const sock of sockets) sock.destroy();
    },
    setCertificate(pair) {
      if (!tlsPair) throw new Error('setCertificate: the simulator is not serving api-ssl');
      tlsPair = pair;
      if (server instanceof tls.Server) server.setSecureContext({ key: pair.key, cert: pair.cert });
    },
    loginCount: () => logins,
  };
}
