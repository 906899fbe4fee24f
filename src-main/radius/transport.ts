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
  /**
   * Batched handling: datagrams are queued as they arrive and handled together in the event
   * loop's check phase (setImmediate), all inside one `batch(run)` call. libuv reads up to 32
   * datagrams per socket wakeup, so a batch is what one wakeup brought; nothing else runs between
   * its datagrams, and each reply still goes out as soon as its datagram is handled. The auth port
   * uses it to answer a batch inside one SQLite read transaction (radius/index.ts).
   */
  batch?: (run: () => void) => void;
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
      const handle = (msg: Buffer, address: string, port: number) => {
        try {
          const out = opts.handler(msg, address, port);
          if (out === null) return;
          if (Buffer.isBuffer(out)) send(s, out, port, address);
          else {
            out.then(
              (r) => {
                // The socket may have closed while the reply waited for its commit.
                if (r && socket === s) send(s, r, port, address);
              },
              (err) => opts.onError(err, `${opts.name} handler`),
            );
          }
        } catch (err) {
          opts.onError(err, `${opts.name} handler`);
        }
      };
      const batch = opts.batch;
      // Queued datagrams of this socket (batch mode), flattened: message, address, port.
      let queue: Array<Buffer | string | number> = [];
      let drainScheduled = false;
      const drain = () => {
        drainScheduled = false;
        const items = queue;
        queue = [];
        // Datagrams that arrived before stop() are dropped with the socket: the NAS retransmits.
        if (socket !== s) return;
        const run = () => {
          for (let i = 0; i < items.length; i += 3) handle(items[i] as Buffer, items[i + 1] as string, items[i + 2] as number);
        };
        try {
          batch!(run);
        } catch (err) {
          opts.onError(err, `${opts.name} batch`);
        }
      };
      s.on('message', (msg, rinfo) => {
        if (!batch) return handle(msg, rinfo.address, rinfo.port);
        queue.push(msg, rinfo.address, rinfo.port);
        if (!drainScheduled) {
          drainScheduled = true;
          setImmediate(drain);
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

