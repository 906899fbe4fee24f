import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subsystem } from './deps';
import { AppError } from './errors';
import type { Logger } from './log';

/**
 * One HTTP door (the captive portal, the headless admin bridge): an app that does not listen
 * (DESIGN.md convention 4) served on one address as a Subsystem. Every door goes through here so
 * they fail the same way: a taken port is PORT_IN_USE naming the door and the flag that moves it,
 * and stop() closes open connections (keep-alive browsers included), so the port is free again
 * when it resolves.
 */
export interface HttpDoorOptions {
  /** Names the door in errors and logs ("admin", "portal"). */
  name: string;
  /** The request handler; an express app is one. */
  app: http.RequestListener;
  host: string;
  /** 0 asks the OS for a free port (tests). */
  port: number;
  /** The command-line flag that changes `port`, named when the port is taken ("--portal-port"). */
  flag: string;
  log?: Logger;
}

export interface HttpDoorStatus {
  listening: boolean;
  url: string | null;
}

export interface HttpDoor extends Subsystem<HttpDoorStatus> {
  /** `http://host:port/` while listening (a wildcard bind is shown as loopback), else null. */
  url(): string | null;
  /** The port actually bound (the OS's pick when configured as 0), else null. */
  port(): number | null;
}

/** A host as it goes into a URL: IPv6 in brackets, a wildcard bind as the loopback that reaches it. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: http.Server, opts: HttpDoorOptions): Promise<void> {
  const { name, host, port, flag } = opts;
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') {
        reject(new AppError('PORT_IN_USE', `Port ${port} on ${host} is already in use (${name}). Stop the other program or pass ${flag} with another port.`));
      } else {
        reject(new AppError('BIND_FAILED', `Cannot listen on ${host}:${port} (${name}): ${err.message}. Check the address, or pass ${flag} with another port.`));
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export function createHttpDoor(opts: HttpDoorOptions): HttpDoor {
  let server: http.Server | null = null;
  let boundPort: number | null = null;

  const door: HttpDoor = {
    async start() {
      if (server) return;
      const s = http.createServer(opts.app);
      await listen(s, opts);
      server = s;
      boundPort = (s.address() as AddressInfo).port;
      opts.log?.info({ door: opts.name, url: door.url() }, 'http door listening');
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = null;
      boundPort = null;
      // close() alone waits for idle keep-alive connections to time out (5 s); the port is only
      // free once every connection is gone.
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      s.closeAllConnections();
      await closed;
    },
    status: () => ({ listening: server !== null, url: door.url() }),
    url: () => (boundPort === null ? null : `http://${urlHost(opts.host)}:${boundPort}/`),
    port: () => boundPort,
  };
  return door;
}
