import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { AppError } from '../errors';

/**
 * A UDP listener: datagrams in, the handler's reply (if any) back to the sender. The handler may
 * answer at once or later (accounting answers after its group commit). Nothing a handler throws
 * escapes: `onError` hears about it and the socket keeps serving.
 */
export type DatagramHandler = (msg: Buffer, srcIp: string, srcPort: number) => Buffer | null | Promise<Buffer | null>;

export interface UdpListener {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The bound port (the OS-assigned one when configured as 0); null when not listening. */
  port(): number | null;
}

export function createUdpListener(opts: {
  bind: string;
  port: number;
  name: string;
  handler: DatagramHandler;
  onError: (err: unknown, where: string) => void;
}): UdpListener {
  let socket: dgram.Socket | null = null;
  let bound: number | null = null;

  // No per-send callback (a closure per reply on the hot path): send errors surface as the
  // socket's 'error' event, which is handled below.
  function send(s: dgram.Socket, reply: Buffer, port: number, address: string): void {
    s.send(reply, port, address);
  }

  return {
    async start() {
      if (socket) return;
      const type = net.isIPv6(opts.bind) ? 'udp6' : 'udp4';
      // A large receive buffer absorbs bursts (a router reboot sends every session's Stop at once).
      const s = dgram.createSocket({ type, recvBufferSize: 8 * 1024 * 1024, lookup: literalLookup });
      await new Promise<void>((resolve, reject) => {
        const onError = (err: NodeJS.ErrnoException) => {
          s.close();
          if (err.code === 'EADDRINUSE') {
            reject(new AppError('PORT_IN_USE', `RADIUS ${opts.name} port ${opts.port} on ${opts.bind} is already in use by another program (is FreeRADIUS running?).`));
          } else {
            reject(new AppError('BIND_FAILED', `RADIUS ${opts.name} cannot listen on ${opts.bind}:${opts.port}: ${err.code ?? err.message}`));
          }
        };
        s.once('error', onError);
        s.bind(opts.port, opts.bind, () => {
          s.off('error', onError);
          resolve();
        });
      });
      s.on('error', (err) => opts.onError(err, `${opts.name} socket`));
      s.on('message', (msg, rinfo) => {
        try {
          const out = opts.handler(msg, rinfo.address, rinfo.port);
          if (out === null) return;
          if (Buffer.isBuffer(out)) send(s, out, rinfo.port, rinfo.address);
          else {
            out.then(
              (r) => {
                // The socket may have closed while the reply waited for its commit.
                if (r && socket === s) send(s, r, rinfo.port, rinfo.address);
              },
              (err) => opts.onError(err, `${opts.name} handler`),
            );
          }
        } catch (err) {
          opts.onError(err, `${opts.name} handler`);
        }
      });
      socket = s;
      bound = s.address().port;
    },
    async stop() {
      const s = socket;
      socket = null;
      bound = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    port: () => bound,
  };
}

/**
 * node:dgram resolves the destination of every send() through `lookup`, by default dns.lookup,
 * which for an IP literal still validates its arguments and answers on process.nextTick: a tick
 * and closures per reply. Our replies always go to rinfo.address, an IP literal, so answer
 * synchronously (what dns.lookup answers, one tick earlier); anything else (a bind hostname)
 * still goes to dns.lookup.
 */
function literalLookup(
  hostname: string,
  options: dns.LookupOneOptions | number,
  callback: (err: NodeJS.ErrnoException | null, address: string, family: number) => void,
): void {
  const family = net.isIP(hostname);
  if (family !== 0) callback(null, hostname, family);
  else dns.lookup(hostname, options as dns.LookupOneOptions, callback);
}

